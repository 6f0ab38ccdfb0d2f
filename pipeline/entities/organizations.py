"""ORGANIZATION = head noun + name + complement.

The head noun comes from the lexicon ('Sở', 'UBND', 'Bộ Y tế'); the name is
read syllable by syllable by an ordered list of *continuation rules*
(:data:`CONTINUATION_RULES`): each looks at the syllable under the cursor and
says ``STOP`` (the name ends before it), ``GO`` (it took one or more syllables
into the name) or ``None`` (not its case: ask the next rule).  When no rule
takes the syllable the name ends.  Then trailing lowercase words that are not
nouns are dropped and a place after the name becomes its complement
('Sở Y tế' + 'tỉnh Bình Định').

Recognizers of other kinds are reached only through the sentence view
(:class:`~pipeline.entities.syllables.View`: is a person's name, a title, a
head, a place here?) and :func:`~pipeline.entities.places.location` for the
complement.
"""
from __future__ import annotations

from .. import resources as R
from ..records import OrgInfo
from .lexicon import FUNCTION_WORDS, NAME_STOP, NAMED_AFTER_PEOPLE, NAMED_CLASSES, PLURAL_MARKERS, form_is_generic
from .org_brands import brand, domain_end, own_outlet  # noqa: F401  (titles read them here)
from .org_parts import (GO, NAME_TAGS, PUNCTUATION, STOP, OrgState, Rule, comma_list, comma_pair, descriptive,
                        descriptive_verb, joined_lowercase)
from .places import bare_unit, location
from .syllables import Mention, View

JOINERS = frozenset({"và", "-", "&"})          # 'Sở Tài nguyên và Môi trường', 'GD&ĐT'
COORDINATORS = frozenset({"-", "và", ","})      # before a head: a coordinated body, not a nested one
NOUN_TAGS = frozenset({"N", "Np", "A", "Nc", "M", "Ny"})  # words that may end a name
NUMBER_STOP = frozenset(R.fact_table("org", "number_stop"))
COUNTED_TAGS = frozenset({"N", "Nc", "M", "Nu"})  # '2 người': a number before a counted noun is a count
BARE_BODIES = R.fact_table("org", "bare_body")
NOT_BEFORE_BARE = frozenset(R.fact_table("org", "not_before_bare"))
NOT_AFTER_BARE = frozenset(R.fact_table("org", "not_after_bare"))
LOWER_HEADS = frozenset(R.fact_table("org", "lower_head"))
LOWER_FIRST = frozenset(h.split()[0] for h in LOWER_HEADS) | frozenset(
    h.split()[0].lower() for h in R.org_heads() if " " in h and not R.ALL_CAPS_RE.match(h.split()[0])
    and any(w[:1].isupper() for w in h.split()[1:]))


# ------------------------------------------------------------------ continuation rules
def punctuation_ends(st: OrgState) -> bool | None:
    """'Sở Y tế, ...': punctuation ends the name."""
    return STOP if st.v.s[st.k].text in PUNCTUATION else None


def rest_of_word(st: OrgState) -> bool | None:
    """The further syllables of a word already begun ('Giáo dục' of 'Sở Giáo dục')."""
    s, k = st.v.s, st.k
    x, prev = s[k], s[k - 1]
    if x.first or k <= st.j or x.tok != prev.tok:
        return None
    if x.cap and (st.v.lex.units_lower.match(s, k) or st.v.lex.places.match(s, k)):
        return None
    if x.low == x.text and (R.ALL_CAPS_RE.match(prev.text) or not R.is_vietnamese_syllable(prev.text)):
        return None
    st.named = st.named or x.cap  # 'Ngân hàng TMCP Bảo Long' with 'TMCP Bảo Long' one word
    return st.take(x.text)


def person_ends(st: OrgState) -> bool | None:
    """'Giám đốc Sở Y tế Nguyễn Văn A': a person's name ends the body (not
    'Trường THPT Nguyễn Du', a school named after one, nor a company's)."""
    v, k = st.v, st.k
    if not v.is_person_token(k) or st.business or (k == st.after_head_k and st.cls in NAMED_AFTER_PEOPLE) \
            or v.head(k):
        return None  # 'Câu lạc bộ Hoàng Anh Gia Lai': a body the lexicon knows is no person
    return STOP if st.in_title or not st.named else None


def honorific_or_title_ends(st: OrgState) -> bool | None:
    """'UBND phường ông ...', 'Sở Y tế Giám đốc ...': an honorific or a title ends it."""
    v, s, k = st.v, st.v.s, st.k
    if s[k].cap and v.title_at(k):
        return STOP
    h = v.lex.honor.match(s, k)
    if h and s[k].cap and st.named and not (h[0] < len(s) and s[h[0]].cap):
        return None  # 'Phòng Công tác Sinh viên tổ chức': a capitalized word of the name, no name after it
    return STOP if h else None


def stop_word_ends(st: OrgState) -> bool | None:
    """'Đại hội Đảng bộ khóa ...': words like 'khóa', 'nhiệm kỳ', 'năm' end it."""
    s, k = st.v.s, st.k
    if s[k].low in NUMBER_STOP and not (k + 1 < len(s) and s[k + 1].text[:1].isdigit()):
        return None  # 'Kinh tế số', not 'Trường Tiểu học số 2'
    return STOP if s[k].low in NAME_STOP else None


def unit_word_ends(st: OrgState) -> bool | None:
    """'UBND phường ...': a unit word ends the name and opens the complement;
    not a capitalized unit inside a name ('Ban Quản lý Khu kinh tế') nor the
    start of a body named by its level ('Tỉnh ủy')."""
    v, k = st.v, st.k
    s = v.s
    um = v.any_unit(k)
    if um and s[k].cap and um[2][1] in ("village", "street", "region") and um[0] < len(s) and not s[um[0]].cap:
        return None
    if not um or not v.ends_token(um[0]):
        return None
    nh = v.head(k)
    return None if nh and nh[0] > um[0] else STOP


def place_ends(st: OrgState) -> bool | None:
    """'Sở Y tế Bình Định': a place is the complement (a company's name may hold one)."""
    return STOP if not st.business and st.v.place_at(st.k) else None


def nested_head(st: OrgState) -> bool | None:
    """'Ban Thường vụ Đảng ủy ...', 'Văn phòng UBND tỉnh': a head inside the name
    keeps its canonical form; after '-', 'và', ',' it is a coordinated body."""
    v, k = st.v, st.k
    nh = v.head(k)
    if not nh:
        return None
    if k > st.j and v.s[k - 1].text in COORDINATORS:
        return STOP
    st.name_parts.append(nh[1])
    st.k = nh[0]
    st.named = st.named or nh[2] in NAMED_CLASSES
    st.last_head, st.after_head, st.after_head_k = nh[1], len(st.name_parts), st.k
    return GO


def joined_capital(st: OrgState) -> bool | None:
    """'Sở Tài nguyên và Môi trường': 'và', '-', '&' before a capitalized word of the name."""
    v, k = st.v, st.k
    s = v.s
    if s[k].low not in JOINERS or k + 1 >= len(s) or not s[k + 1].cap:
        return None
    n = k + 1
    if v.head(n) or v.title_at(n) or v.lex.honor.match(s, n) or v.is_person_token(n) or v.place_at(n) \
            or s[n].text in v.lex.stop \
            or _stop_phrase(v, n):
        return None
    st.cap_tokens = 0  # a new part of the name: 'và Kinh tế số' may take lowercase words again
    return st.take(s[k].text)


def capitalized_word(st: OrgState) -> bool | None:
    """A capitalized word is part of the name; an abbreviation is expanded ('TNHH')."""
    x = st.v.s[st.k]
    if not (x.cap and R.WORD_CHAR_RE.search(x.text)):
        return None
    st.named = True
    st.cap_tokens += 1
    return st.take(R.abbreviations().get(x.text) or x.text)


def number_in_name(st: OrgState) -> bool | None:
    """'Ban Chỉ đạo 389 Quốc gia', 'Bệnh viện 108', 'Cơ sở 2' (not '... 2 người')."""
    s, k = st.v.s, st.k
    x = s[k]
    if not x.text.isdigit() or not ((st.named and s[k - 1].cap) or k == st.after_head_k):
        return None
    if k + 1 < len(s) and s[k + 1].low == s[k + 1].text and s[k + 1].tag in COUNTED_TAGS:
        return None
    st.named = True
    return st.take(x.text)


def descriptive_lowercase(st: OrgState) -> bool | None:
    """A descriptive name: one capitalized word, then lowercase nouns ('Cục Quản
    lý thị trường'), never after a second capital or a number."""
    s, k = st.v.s, st.k
    x, prev = s[k], s[k - 1]
    if not descriptive(st):
        return None
    if x.low != x.text or x.tag not in NAME_TAGS or x.low in FUNCTION_WORDS \
            or (x.first and st.v.lex.heads_lower.match(s, k)):
        return None  # 'Hội Sinh viên trường': the school left out, no word of the name
    if prev.text[:1].isdigit() or not R.is_vietnamese_syllable(prev.text) or R.ALL_CAPS_RE.match(prev.text):
        return None
    st.named, st.cap_tokens = True, max(st.cap_tokens, 1)  # 'Ban Chỉ đạo công tác ...' is named now
    return st.take(x.text)


def lowercase_then_name(st: OrgState) -> bool | None:
    """'công ty TNHH nhôm Namsung', 'Trung tâm dạy nghề Thanh Phúc': lowercase
    nouns that lead to a proper name."""
    ahead = _lower_then_name(st.v, st.k)
    if ahead <= st.k:
        return None
    st.name_parts.extend(y.text for y in st.v.s[st.k:ahead])
    st.lead_lower = st.lead_lower or st.cap_tokens == 0
    st.k = ahead
    return GO


#: the order matters: the first rule with a verdict decides
CONTINUATION_RULES: tuple[Rule, ...] = (
    comma_pair, comma_list, punctuation_ends, rest_of_word, person_ends, honorific_or_title_ends, stop_word_ends,
    unit_word_ends, place_ends, nested_head, joined_capital, joined_lowercase, capitalized_word, number_in_name,
    descriptive_lowercase, descriptive_verb, lowercase_then_name,
)


def _stop_phrase(v: View, k: int) -> bool:
    """A two-word stop phrase ('Quyết định', 'Nghị quyết') starts at k."""
    s = v.s
    return k + 1 < len(s) and f"{s[k].text} {s[k + 1].text}" in v.lex.stop


def _lower_then_name(v: View, k: int) -> int:
    """End of the lowercase nouns from k when a capitalized word that is not a
    person, a title or a head follows them; else k."""
    s = v.s
    j = k
    while j < len(s) and j - k < 4 and s[j].low == s[j].text and s[j].text.isalpha() \
            and s[j].low not in FUNCTION_WORDS and s[j].low not in NAME_STOP \
            and (s[j].tag in ("N", "A", "Nc", "V") or not s[j].first):
        j += 1
    if j == k or j >= len(s):
        return k
    nxt = s[j]
    if not nxt.cap or not nxt.text.isalpha() or v.is_person_token(j) or v.title_at(j) \
            or v.lex.honor.match(s, j) or v.head(j):
        return k
    if not (nxt.tok == s[j - 1].tok or any(y.tag == "N" for y in s[k:j])):
        return k
    return j


# ------------------------------------------------------------------ the name and its complement
def organization(v: View, i: int, allow_lower: bool = False, in_title: bool = False,
                 virtual: str | None = None, trace: list[str] | None = None) -> Mention | None:
    """The body whose head noun starts at i.  After a title (``in_title``) a
    person's name ends it ('Giám đốc Sở Y tế Nguyễn Văn A'); elsewhere a
    name inside it is part of it ('Đoàn Thanh niên Cộng sản Hồ Chí Minh').
    ``virtual`` is a head noun the text leaves out: 'Trưởng ban Tổ chức
    Tỉnh ủy' names 'Ban Tổ chức Tỉnh ủy' with no 'Ban' before 'Tổ chức'.
    ``trace`` collects the names of the rules that decided."""
    h = _virtual_head(v, i, virtual) if virtual else v.head(i, allow_lower)
    if not h:
        return None
    j, canon_head, cls = h
    complete = cls in NAMED_CLASSES and not form_is_generic(canon_head)
    st = OrgState(v, i, j, j, cls, in_title, [canon_head], named=complete, business=cls == "business",
                  last_head=canon_head, after_head_k=j, trace=trace)
    if complete:
        _company_words(st)  # a complete name ('Bộ Y tế', 'EU') takes only a company word and a place
    else:
        _read_name(st)
    _drop_dangling(st)
    return _with_complement(st)


def _virtual_head(v: View, i: int, virtual: str) -> tuple[int, str, str]:
    """The head a title leaves out, or the lexicon's longer head when the title's
    last word opens it ('Trưởng phòng Lao động - Thương binh và Xã hội')."""
    whole = v.head(i - 1) if i and v.s[i - 1].low == virtual.lower() else None
    return whole if whole and whole[0] > i else (i, virtual, "dept")


def _company_words(st: OrgState) -> None:
    """'Masan Group': company words after a complete name."""
    s = st.v.s
    while st.k < len(s) and s[st.k].text in st.v.lex.suffixes:
        st.take(s[st.k].text)


def _read_name(st: OrgState) -> None:
    s = st.v.s
    while st.k < len(s):
        verdict, name = STOP, "no_rule"
        for rule in CONTINUATION_RULES:
            got = rule(st)
            if got is not None:
                verdict, name = got, rule.__name__
                break
        if st.trace is not None:
            st.trace.append(name)
        if verdict is STOP:
            return


def _drop_dangling(st: OrgState) -> None:
    """Trailing lowercase words that are not nouns do not belong to the name;
    a word goes whole ('sức khỏe', never 'sức')."""
    v, s = st.v, st.v.s
    parts = st.name_parts
    while st.k - 1 >= max(st.after_head_k, st.kept) and len(parts) > 1 and s[st.k - 1].low == s[st.k - 1].text \
            and s[st.k - 1].text.isalpha() and s[st.k - 1].tag not in NOUN_TAGS and not v.word_is_cap(st.k - 1):
        tok = s[st.k - 1].tok
        while st.k - 1 >= st.after_head_k and s[st.k - 1].tok == tok and len(parts) > 1:
            parts.pop()
            st.k -= 1


def _with_complement(st: OrgState) -> Mention:
    """The mention, with the place after the name as its complement."""
    v, s, k = st.v, st.v.s, st.k
    complement = comp_level = ""
    loc = location(v, k, st.in_title) if k < len(s) else None
    if loc:
        # the place as printed, abbreviations expanded ('Sài Gòn' stays in 'Đại học Công nghệ Sài Gòn')
        complement, comp_level = R.expand_abbreviations(v.surface(k, loc[0])), loc[2]
        k = loc[0]
    elif k < len(s):
        bu = bare_unit(v, k)
        if bu and (bu[0] >= len(s) or not s[bu[0]].cap or (st.in_title and v.looks_like_person(bu[0]))):
            complement, comp_level = "?" + bu[1], bu[2]  # 'UBND phường': filled from the story
            k = bu[0]
    info = OrgInfo(
        name=" ".join(st.name_parts), cls=st.cls, complement=complement, level=comp_level,
        named=st.named or bool(complement),
        # a head of two words or more from the lexicon names one body ('Sở Y tế')
        specific=s[st.i].tok != s[st.j - 1].tok,
        last_head=st.last_head, rest=" ".join(st.name_parts[st.after_head:]), head_end=st.after_head_k)
    return Mention("ORGANIZATION", st.i, k, info)


def organization_span(v: View, i: int, end: int, allow_lower: bool = False,
                      virtual: str | None = None) -> Mention | None:
    """The organization starting at i, read as if the sentence stopped at ``end``."""
    return organization(v.upto(end), i, allow_lower, in_title=True, virtual=virtual)


# ------------------------------------------------------------------ recognizer
def _bare_body(v: View, i: int, o: Mention) -> Mention | None:
    """'sự lãnh đạo của Đảng': a head alone that names one body (org_words.tsv
    bare_body), unless a word around it makes it generic ('toàn Đảng', 'Đảng các cấp')."""
    s = v.s
    full = BARE_BODIES.get(s[i].text)
    nxt = s[i + 1] if i + 1 < len(s) else None
    if not full or o.end != i + 1 or (nxt and (nxt.low in NOT_AFTER_BARE or (
            nxt.text.isalpha() and not R.is_vietnamese_syllable(nxt.text)))):  # 'Đảng ủyviên' as crawled
        return None
    if any(i - n >= 0 and " ".join(x.low for x in s[i - n:i]) in NOT_BEFORE_BARE for n in (1, 2)):
        return None
    return Mention("ORGANIZATION", i, i + 1, OrgInfo(name=full, cls="fixed", named=True))


def _lower_head(v: View, i: int) -> Mention | None:
    """'chính phủ Mỹ', 'đội tuyển Việt Nam': a head written lowercase before a country."""
    s = v.s
    for n in (2, 3):
        if " ".join(x.low for x in s[i:i + n]) in LOWER_HEADS and i + n < len(s) and v.lex.countries.match(s, i + n):
            o = organization(v, i, allow_lower=True)
            return o if o and o.info.complement else None  # type: ignore[union-attr]
    h = v.lex.heads_lower.match(s, i) if not (i and s[i - 1].low in PLURAL_MARKERS) else None
    if h and h[2][1] != "media" and any(x.cap for x in s[i + 1:h[0]]) and v.ends_token(h[0]):  # type: ignore[index]
        return organization(v, i, allow_lower=True)  # 'cơ quan CSĐT Công an huyện X': a head with a name in it
    return None


def recognize_organization(v: View, i: int) -> int | None:
    """A body at i, unless it is a place ('Đài Loan', 'Hội An') or a bare generic head."""
    o = _lower_head(v, i) if v.s[i].low in LOWER_FIRST else None
    if o:
        return v.take(o).end
    o = organization(v, i)
    if not o:
        return None
    bare = _bare_body(v, i, o)
    if bare:
        return v.take(bare).end
    info: OrgInfo = o.info  # type: ignore[assignment]
    place = v.place_at(i)
    if place:
        h = v.head(i)
        if place[0] >= o.end or (h and place[0] > h[0]):
            return None
    if info.cls == "media" and own_outlet(v, o):
        info.outlet = True
    if info.named or (info.cls in ("admin", "party") and o.end - o.start >= 2) \
            or R.ALL_CAPS_RE.match(v.s[i].text) or info.specific:
        v.take(o)
        return o.end
    return None

