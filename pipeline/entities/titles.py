"""TITLE = a title word with its modifiers ('Phó', 'Thứ nhất', 'Thường trực',
'Quyền'); 'nguyên'/'cựu' before it mark it former.  The title recognizer also
reads what the title names right after it: a body ('Giám đốc Sở Y tế'), a
country ('Tổng thống Pháp'), a body named after the title's head noun
('Trưởng ban Tổ chức Tỉnh ủy'), a brand ('Chủ tịch Masan Group'), a ministry
by its domain ('Bộ trưởng Công Thương'), and then the person ('... Nguyễn Văn A')."""
from __future__ import annotations

from ..records import OrgInfo, TitleInfo
from .. import resources as R
from .lexicon import BRAND_TITLES, DOMAIN_HINTS, FORMER, MODIFIERS_AFTER, MODIFIERS_BEFORE, PEOPLE_NAMED_HEADS
from .organizations import brand, domain_end, organization, organization_span
from .persons import person
from .places import location, place_mention
from .lexicon import Trie
from .syllables import Mention, View

MINISTRY_HINT = "Bộ"
#: the words a ministry of any country is named by ('Bộ trưởng Giáo dục Singapore')
DOMAIN_WORDS = Trie({w: None for w in R.word_set("ministry_domains")}, lower=True)
DOMAIN_JOINS = frozenset({"và", ",", "-"})


def title(v: View, i: int) -> Mention | None:
    s = v.s
    if s[i].low not in v.lex.titles.first and s[i].low not in MODIFIERS_BEFORE:
        return None
    t = v.lex.titles.match(s, i)  # lexicalized forms first: 'Phó phòng', 'Hiệu phó'
    if not t:
        k = i
        while k < len(s) and s[k].low in MODIFIERS_BEFORE:
            k += 1
        if k > i and not s[i].first and i and s[i - 1].low not in FORMER and s[i - 1].low not in MODIFIERS_BEFORE:
            return None  # 'Chính quyền Tổng thống': 'quyền' ends a word, it is not 'Quyền' (acting)
        t = v.lex.titles.match(s, k)
    if not t:
        return None
    j, form, (cat, hint) = t
    while j + 1 < len(s) and (s[j].low, s[j + 1].low) in MODIFIERS_AFTER:
        j += 2
    former = i > 0 and s[i - 1].low in FORMER
    text = v.text(i, j)
    return Mention("TITLE", i, j, TitleInfo(category=cat, hint=hint, former=former),
                   canonical=text[:1].upper() + text[1:])


def _person_before(v: View, i: int) -> bool:
    """Is the title at i in apposition to a person just before it ('ông A, Hiệu trưởng ...')?"""
    if not v.out:
        return False
    prev = v.out[-1]
    if prev.label == "TITLE" and len(v.out) > 1:
        prev = next((m for m in reversed(v.out) if m.label != "TITLE" and m.label != "ORGANIZATION"), prev)
    if prev.label != "PERSON" or i < prev.end:
        return False
    # the words between, without an aside in brackets ('ông A (sinh năm 1967) - Giám đốc')
    between, depth = 0, 0
    for x in v.s[prev.end:i]:
        depth += x.text == "("
        between += depth == 0 and x.text != ")"
        depth -= x.text == ")" and depth > 0
    return between <= 3


# ------------------------------------------------------------------ what the title names
def _body_after(v: View, t: Mention, i: int) -> int:
    """A body right after the title, cut before a person's name ending it."""
    o = organization(v, i, allow_lower=True, in_title=True)
    assert o is not None  # a head starts at i
    info: OrgInfo = o.info  # type: ignore[assignment]
    tail = v.person_tail(o.start + 1, o.end)
    # 'Bệnh viện Bạch Mai', not 'Hội đồng trường Nguyễn Mai Hương'
    bare_head = tail <= info.head_end and info.last_head.startswith(PEOPLE_NAMED_HEADS)
    if tail < o.end and not info.complement and not _person_before(v, t.start) and not bare_head:
        o = organization_span(v, o.start, tail, allow_lower=True) or o
    v.take(o)
    return o.end


def _hinted_body(v: View, hint: str, i: int) -> int:
    """'Trưởng ban Tổ chức Tỉnh ủy Quảng Ngãi': the body named after the title's head noun."""
    o = organization(v, i, in_title=True, virtual=hint)
    if not (o and o.end > i):
        return i
    tail = v.person_tail(o.start + 1, o.end)
    if tail < o.end and not o.info.complement:  # type: ignore[union-attr]
        o = organization_span(v, o.start, tail, virtual=hint) or o
    v.take(o)
    return o.end


def _brand_body(v: View, i: int) -> int:
    """'Tổng giám đốc PV GAS', 'Chủ tịch Masan Group': a brand named after the title."""
    o = brand(v, i)
    if not o:
        return i
    v.take(o)
    return o.end


def _ministry_by_domain(v: View, hint: str, i: int) -> int:
    """'Bộ trưởng Công Thương': a ministry named by its domain."""
    k = max(domain_end(v, i, hint), _domain_words_end(v, i))
    if k <= i:
        return i
    loc = location(v, k) if k < len(v.s) else None
    info = OrgInfo(name=f"{hint} {v.text(i, k)}", cls="dept", complement=loc[1] if loc else "",
                   level=loc[2] if loc else "", named=True)
    o = Mention("ORGANIZATION", i, loc[0] if loc else k, info)
    v.take(o)
    return o.end


def _domain_words_end(v: View, i: int) -> int:
    """End of a domain printed with the words ministries are named by, joined by
    'và' ',' '-' ('Phát triển Xã hội và Gia đình', 'Thể thao và Thanh niên'); i when none."""
    s, k = v.s, i
    while k < len(s) and s[k].cap and not v.is_person_token(k):
        m = DOMAIN_WORDS.match(s, k)
        if not m:
            break
        k = m[0]
        if k + 1 < len(s) and s[k].low in DOMAIN_JOINS and s[k + 1].cap and DOMAIN_WORDS.match(s, k + 1):
            k += 1
    if k > i and s[k - 1].low in DOMAIN_JOINS:
        k -= 1
    return k


def _named_after(v: View, t: Mention, i: int) -> int:
    """What the title names right after it (one of the cases above); where it ends."""
    s = v.s
    if i >= len(s):
        return i
    if v.head(i, allow_lower=True):
        return _body_after(v, t, i)
    loc = location(v, i)
    if loc:
        if loc[2] in ("country", "territory"):
            v.take(place_mention(v, i, loc[0], loc[1], loc[2]))
            return loc[0]
        return i
    if not s[i].cap:
        return i
    info: TitleInfo = t.info  # type: ignore[assignment]
    if info.hint in DOMAIN_HINTS and info.hint != MINISTRY_HINT and not v.is_person_token(i):
        return _hinted_body(v, info.hint, i)
    if info.category in BRAND_TITLES:
        return _brand_body(v, i)
    if info.hint == MINISTRY_HINT and not v.is_person_token(i):
        return _ministry_by_domain(v, info.hint, i)
    return i


# ------------------------------------------------------------------ recognizer
def recognize_title(v: View, i: int) -> int | None:
    """A title, what it names, and the person after it."""
    t = title(v, i)
    if not t:
        return None
    h = v.head(i)
    if h and h[0] > t.end:
        return None  # 'Thường trực Thị ủy' is a body, not the title 'Thường trực'
    v.take(t)
    i = _named_after(v, t, t.end)
    s = v.s
    if i < len(s) and s[i].cap and not v.lex.titles.match(s, i) and not v.head(i):
        p = person(v, i, True)
        if p and (v.is_person_token(i) or s[i].text in v.lex.surnames or not v.lex.places.match(s, i)):
            v.take(p)
            i = p.end
    # 'bare': nothing after the title could name a body we did not read
    info: TitleInfo = t.info  # type: ignore[assignment]
    info.bare = t.end >= len(s) or not s[t.end].cap or v.taken[t.end]
    return i
