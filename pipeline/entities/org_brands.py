"""Bodies named by a brand, a minister's domain, or the article's own outlet:
the name shapes the title recognizer and the organization recognizer share."""
from __future__ import annotations

from .. import resources as R
from ..records import OrgInfo
from .places import location
from .syllables import Mention, View

OWN_OUTLET_BEFORE = R.word_set("own_outlet_before")


def brand(v: View, i: int) -> Mention | None:
    """A company known by its brand: a run of capitalized words with at least
    one that is not a Vietnamese syllable or is all capitals ('LienVietPostBank',
    'Masan Group', 'PV GAS'), not a person, a place or a known body."""
    s = v.s
    if v.looks_like_person(i) or v.is_person_token(i) or v.head(i) or location(v, i):
        return None
    if s[i].text in R.foreign_name_parts() and i + 1 < len(s) and s[i + 1].cap:
        return None  # 'Chủ tịch Florentino Perez': a foreign person's name
    k = i
    while k < len(s) and k - i < 5 and s[k].cap and R.WORD_CHAR_RE.search(s[k].text) \
            and not v.title_at(k) and not (k > i and (v.looks_like_person(k) or v.is_person_token(k))):
        k += 1
    if k == i or not any(len(x.text) > 1 and (R.ALL_CAPS_RE.match(x.text) or not R.is_vietnamese_syllable(x.text))
                         for x in s[i:k]):
        return None
    return Mention("ORGANIZATION", i, k, OrgInfo(name=v.surface(i, k), cls="business", named=True))


def domain_end(v: View, i: int, hint: str) -> int:
    """End of the domain a minister's title names the ministry by: 'Bộ trưởng
    Công Thương' (a known ministry), 'Bộ trưởng Tư pháp Mỹ' (ends at a place);
    i when none ('Bộ trưởng Hamacek' names a person, not a ministry)."""
    s, lex = v.s, v.lex
    known = lex.domains.get(hint)
    m = known.match(s, i) if known else None
    if m:
        return m[0]
    k = i
    while k < len(s) and (s[k].cap or (k > i and s[k].tok == s[k - 1].tok)) \
            and not v.is_person_token(k) and not lex.titles.match(s, k):
        if k > i and (v.place_at(k) or v.any_unit(k)):
            return k  # the place that follows is the complement
        k += 1
    return i  # an unknown ministry must end at a place: 'Bộ trưởng Giáo dục Cao học Cuba'


def own_outlet(v: View, o: Mention) -> bool:
    """'(NLĐO)-' opening a line, 'PV Dân trí', 'Như Dân trí đã đưa tin', 'Chia sẻ với
    Dân trí' (a source talks to the paper): the article's own outlet."""
    s = v.s
    before = s[o.start - 1].text if o.start else ""
    if before == "(" and o.start == 1:
        return True
    return before in OWN_OUTLET_BEFORE or any(
        o.start >= n and " ".join(t.low for t in s[o.start - n:o.start]) in OWN_OUTLET_BEFORE for n in (2, 3))
