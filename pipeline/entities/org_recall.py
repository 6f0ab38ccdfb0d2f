"""Organizations read over the whole document, after the sentence tagger.

* ``alias``: a short name introduced in brackets after a body
  (``Ngân hàng TMCP Việt Nam Thương Tín (VietBank)``, ``Quỹ Tiền tệ quốc tế
  (IMF)``) names that body wherever it recurs in the article (``gắn bó với
  VietBank``); the resolver gives every such mention the body's canonical
  name (:func:`pipeline.stages.resolve` ``_aliases``), also inside another
  name (``HĐQT VietBank``).
"""
from __future__ import annotations

from .. import resources as R
from ..records import OrgInfo
from .lexicon import Lex
from .organizations import organization, organization_span
from .places import location
from .syllables import Mention, Syl, View

Sentences = list[tuple[list[Syl], list[Mention]]]
MAX_ALIAS = 4   # syllables of a bracketed short name


def _view(syls: list[Syl], ms: list[Mention], lex: Lex) -> View:
    taken = [False] * len(syls)
    for m in ms:
        for k in range(m.start, m.end):
            taken[k] = True
    return View(syls, lex, ms, taken)


def alias_shaped(v: View, i: int, j: int) -> bool:
    """Is s[i:j] a body's short name: capitalized words with an acronym or a
    brand among them ('IMF', 'VietBank', 'PV GAS'), not a known abbreviation
    ('TP'), a place, a person or a head noun?"""
    s = v.s
    if not 0 < j - i <= MAX_ALIAS or not all(x.cap and R.WORD_CHAR_RE.search(x.text) for x in s[i:j]):
        return False
    text = v.surface(i, j)
    if text in R.abbreviations() or v.head(i) or location(v, i) or v.looks_like_person(i) or v.title_at(i):
        return False
    return any(len(x.text) > 1 and (R.ALL_CAPS_RE.match(x.text) or not R.is_vietnamese_syllable(x.text))
               for x in s[i:j])


def bracketed_alias(v: View, m: Mention) -> tuple[int, int] | None:
    """(start, end) of the short name in brackets right after the body m."""
    s = v.s
    i = m.end
    if i + 2 >= len(s) or s[i].text != "(":
        return None
    j = i + 1
    while j < len(s) and s[j].text != ")" and j - i <= MAX_ALIAS:
        j += 1
    if j >= len(s) or s[j].text != ")" or not alias_shaped(v, i + 1, j):
        return None
    return i + 1, j


def _alias_mention(v: View, i: int, j: int, cls: str) -> Mention:
    return Mention("ORGANIZATION", i, j, OrgInfo(name=v.surface(i, j), cls=cls, named=True))


def recall_aliases(sents: Sentences, lex: Lex) -> None:
    """Tag each bracketed short name of a body, and its recurrences, as ORGANIZATION."""
    views = [_view(syls, ms, lex) for syls, ms in sents]
    aliases: dict[tuple[str, ...], str] = {}
    for v in views:
        for m in [m for m in v.out if m.label == "ORGANIZATION"]:
            got = bracketed_alias(v, m)
            if got and not any(v.taken[got[0]:got[1]]):
                v.take(_alias_mention(v, *got, m.info.cls))  # type: ignore[union-attr]
                aliases[tuple(x.text for x in v.s[got[0]:got[1]])] = m.info.cls  # type: ignore[union-attr]
    if not aliases:
        return
    for v in views:
        s = v.s
        for i in range(len(s)):
            for key, cls in aliases.items():
                j = i + len(key)
                if j <= len(s) and not any(v.taken[i:j]) and tuple(x.text for x in s[i:j]) == key \
                        and (j == len(s) or not (s[j].cap and s[j].tok == s[j - 1].tok)):
                    v.take(_alias_mention(v, i, j, cls))
        v.out.sort(key=lambda m: m.start)


# ------------------------------------------------------------------ media and brands named by a cue
SOURCE_CUES = {tuple(k.split()): int(v or 0) for k, v in R.fact_table("org", "source_cue").items()}
SOURCE_OPENERS = frozenset(tuple(k.split()) for k in R.fact_table("org", "source_opener"))
MAX_NAME = 5          # syllables of a medium's or a brand's name
SOURCE_END = frozenset({",", "/", ")", ".", ":", ";", "-"})
WEB_DOMAINS = frozenset({"com", "net", "org", "vn", "io", "co"})


def _brand_shaped(v: View, i: int, j: int) -> bool:
    return any(len(x.text) > 1 and (R.ALL_CAPS_RE.match(x.text) or not R.is_vietnamese_syllable(x.text))
               for x in v.s[i:j])


def _name_run(v: View, i: int) -> int:
    """End of the capitalized run of a medium's or a brand's name at i ('Sports Chosun', 'Booking.com')."""
    s = v.s
    j = i
    while j < len(s) and j - i < MAX_NAME and not v.taken[j] and s[j].cap and R.WORD_CHAR_RE.search(s[j].text) \
            and not (j > i and (v.title_at(j) or v.lex.honor.match(s, j))):
        j += 1
    if j > i and j + 1 < len(s) and s[j].text == "." and s[j + 1].low in WEB_DOMAINS \
            and s[j].start == s[j - 1].end and s[j + 1].start == s[j].end:
        j += 2  # 'Booking.com'
    return j


def _not_a_body(v: View, i: int, j: int, persons: set[str]) -> bool:
    """A person, a place, a title or a known body already read: not a medium's name."""
    s = v.s
    text = v.text(i, j)
    web = j - i > 2 and s[j - 2].text == "." and s[j - 1].low in WEB_DOMAINS
    if "." in v.surface(i, j - 2 if web else j) or any(len(x.text) == 1 for x in s[i:j - 2 if web else j]):
        return True  # initials: 'bà N.L.N.H.'
    return (v.looks_like_person(i) or v.is_person_token(i) or s[i].text in v.lex.surnames or location(v, i)
            or v.title_at(i) or v.lex.honor.match(s, i) or v.head(i) or text in persons
            or s[i].text in R.foreign_name_parts() or text in R.abbreviations())


def _cue_before(v: View, i: int) -> tuple[int, int] | None:
    """(where the cue starts, the lowercase words it allows before the name) of a cue ending before i."""
    s = v.s
    for gap in range(0, 4):
        e = i - gap
        if e <= 0 or any(not (x.low == x.text and x.text.isalpha()) for x in s[e:i]):
            break
        for n in (3, 2, 1):
            key = tuple(x.low for x in s[max(e - n, 0):e])
            if len(key) == n and key in SOURCE_CUES and SOURCE_CUES[key] >= gap and s[e - n].first:
                return e - n, gap
    return None


def _opener_before(v: View, i: int) -> bool:
    """'Theo X', '(Ảnh: X)', 'Nguồn: X' at the start of a sentence or a bracket."""
    s = v.s
    k = i - 1 if i and s[i - 1].text == ":" else i
    for key in SOURCE_OPENERS:
        a = k - len(key)
        if a >= 0 and tuple(x.low for x in s[a:k]) == key and (a == 0 or s[a - 1].text in ("(", "\n", ".")):
            return True
    return False


def _headed(v: View, cue: int, i: int) -> Mention | None:
    """'ngân hàng DBS Singapore', 'tập đoàn FLC': a head noun written lowercase
    before a brand names the body with its head."""
    h = v.head(cue, allow_lower=True)
    if not h or h[0] != i:
        return None
    o = organization(v, cue, allow_lower=True)
    inside = [m for m in v.out if o and m.start < o.end and m.end > i]
    if o and inside and all(m.label == "LOCATION" for m in inside):
        for m in inside:  # 'ngân hàng DBS Singapore': the place read alone is the body's complement
            v.out.remove(m)
            v.taken[m.start:m.end] = [False] * (m.end - m.start)
    elif inside:
        o = organization_span(v, cue, min(m.start for m in inside), allow_lower=True)
    return o if o and o.end > i else None


def _medium(v: View, i: int) -> tuple[int, str, object] | None:
    m = v.lex.heads_lower.match(v.s, i)
    return m if m and m[2][1] == "media" and v.ends_token(m[0]) else None  # type: ignore[index]


def source_at(v: View, i: int, persons: set[str]) -> int | None:
    """End of a medium or a brand named at i by a cue ('tờ Sports Chosun', 'hãng tin
    Yonhap', 'Theo Dispatch,', '(Ảnh: AFP)', 'hãng xăng dầu BP'); None when none."""
    s = v.s
    if v.taken[i] or not s[i].cap or not i:
        return None
    known = _medium(v, i)
    if known and (_cue_before(v, i) or _opener_before(v, i)):
        return known[0]  # 'Theo Tiền phong': a medium of the lexicon in any case after a cue
    j = _name_run(v, i)
    if j == i or _not_a_body(v, i, j, persons):
        return None
    cue = _cue_before(v, i)
    if cue and cue[1] == 0:
        return j
    if cue:
        return j if _brand_shaped(v, i, j) else None
    if _opener_before(v, i) and _brand_shaped(v, i, i + 1) and (j >= len(s) or s[j].text in SOURCE_END):
        return j
    return None


def recall_sources(sents: Sentences, lex: Lex) -> None:
    """Tag media and brands named by a cue word as ORGANIZATION ('Theo Newsen/Naver')."""
    persons = {" ".join(x.text for x in syls[m.start:m.end]) for syls, ms in sents for m in ms if m.label == "PERSON"}
    persons |= {p for name in list(persons) for p in name.split()}
    for syls, ms in sents:
        v = _view(syls, ms, lex)
        i, found = 1, False
        while i < len(syls):
            j = source_at(v, i, persons)
            if j is None:
                i += 1
                continue
            cue = _cue_before(v, i)
            o = _headed(v, cue[0], i) if cue and cue[1] == 0 else None
            if o:
                v.take(o)
                i, found = o.end, True
                continue
            known = _medium(v, i)
            name = known[2][0] if known and known[0] == j else v.surface(i, j)  # type: ignore[index]
            v.take(Mention("ORGANIZATION", i, j, OrgInfo(name=name, cls="media", named=True)))
            found = True
            if j + 1 < len(syls) and syls[j].text == "/" and syls[j + 1].cap and not v.taken[j + 1]:
                k = _name_run(v, j + 1)   # 'Theo Newsen/Naver': the second source
                if k > j + 1 and not _not_a_body(v, j + 1, k, persons):
                    v.take(Mention("ORGANIZATION", j + 1, k, OrgInfo(name=v.surface(j + 1, k), cls="media", named=True)))
                    j = k
            i = j
        if found:
            ms.sort(key=lambda m: m.start)


# ------------------------------------------------------------------ teams
TEAM_CUES = tuple(sorted((tuple(k.split()) for k in R.fact_table("org", "team_cue")), key=len, reverse=True))
#: the cues by their first syllable, longest first
_CUES_BY_FIRST: dict[str, list[tuple[str, ...]]] = {}
for _cue in TEAM_CUES:
    _CUES_BY_FIRST.setdefault(_cue[0], []).append(_cue)


def _team_cue_end(s: list[Syl], i: int) -> int:
    """End of a team cue starting at i ('đội chủ nhà'), or i."""
    if i >= len(s) or not s[i].first:
        return i
    for cue in _CUES_BY_FIRST.get(s[i].low, ()):
        if tuple(x.low for x in s[i:i + len(cue)]) == cue:
            return i + len(cue)
    return i


def _team(v: View, start: int, end: int) -> Mention:
    return Mention("ORGANIZATION", start, end, OrgInfo(name=v.surface(start, end), cls="association", named=True))


def recall_teams(sents: Sentences, lex: Lex) -> None:
    """'đội chủ nhà Nam Định', 'đội bóng Hà Nội', 'Đội khách Sông Lam Nghệ An': the
    name after a team cue is the team, also when it is a place's name."""
    for syls, ms in sents:
        v = _view(syls, ms, lex)
        for n, m in enumerate(ms):
            e = _team_cue_end(syls, m.start)
            if m.label == "ORGANIZATION" and m.start + 1 < e < m.end and syls[e].cap:
                ms[n] = _team(v, e, m.end)  # 'Đội chủ nhà Nam Định' is 'Nam Định'
            elif m.label == "LOCATION" and m.start and any(
                    _team_cue_end(syls, c) == m.start for c in range(max(m.start - 3, 0), m.start)):
                ms[n] = _team(v, m.start, m.end)
        for i in range(1, len(syls)):
            if not v.taken[i] and syls[i].cap and not v.looks_like_person(i) and any(
                    _team_cue_end(syls, c) == i for c in range(max(i - 3, 0), i)):
                j = _name_run(v, i)
                if j > i:
                    v.take(_team(v, i, j))
        ms.sort(key=lambda m: m.start)
