"""What every fact type's linker shares: the Doc with its layers, read in one
place (:func:`label`, :func:`start`, :func:`end`, :func:`resolved`, :func:`entity_id`,
:func:`info` read the mention records and the resolver's layer), the bodies a title
implies, the document's home country, and the results of the types already linked.
"""
from __future__ import annotations

from bisect import bisect_left
from collections import Counter
from functools import lru_cache

from spacy.tokens import Doc

from .. import gazetteer as gz
from .. import resources as R
from ..context import DocContext, group_key  # noqa: F401  (the resolver's name key, for the linkers)
from ..records import Annotation, Entity, NumberInfo, OrgInfo, PersonInfo, PlaceInfo, TitleInfo

#: the first words of bodies only Vietnam has (a ministry, 'Bộ', may be any country's: 'Bộ Y tế Singapore')
VIETNAMESE_HEADS = frozenset({"Ủy", "Sở", "Hội", "Đảng", "Thành", "Tỉnh", "Huyện", "Quận", "Công"})
INFERRED = "inferred"  # body_of's entity id for a body the text does not name next to the title


# --------------------------------------------------------------------------- mention records

def info(m: Annotation) -> PersonInfo | TitleInfo | OrgInfo | PlaceInfo | NumberInfo:
    """What the mention's kind carries (records.*Info)."""
    return m.info


def label(m: Annotation) -> str:
    return m.label


def start(m: Annotation) -> int:
    return m.start


def end(m: Annotation) -> int:
    return m.end


def resolved(m: Annotation) -> str | None:
    """The mention's canonical entity name, from the resolver's layer."""
    res = m.span.doc._.resolution
    return res.name(m) if res is not None else None


def entity_id(m: Annotation) -> str | None:
    res = m.span.doc._.resolution
    return res.entity_id(m) if res is not None else None


def sentence(m: Annotation) -> tuple[int, int]:
    return m.sent_start, m.sent_end


# --------------------------------------------------------------------------- text helpers

def gap(doc: Doc, a: int, b: int) -> str:
    """The words between two mentions, lowercased, without an aside in brackets
    ('ông A (sinh năm 1975) - Thẩm phán ...') or the former/new markers."""
    g = R.WS_RE.sub(" ", R.PAREN_RE.sub(" ", doc._.text[a:b])).strip().lower()
    return R.STATUS_WORD_RE.sub("", g).strip()


def strip_honorific(g: str) -> str:
    """The gap without a closing honorific (', ông' -> ','): the longest one that is
    all of the gap or follows a space in it."""
    known = _honorifics()
    if g in known:
        return ""
    p = g.find(" ")
    while p >= 0:   # the suffixes after a space, longest first
        if g[p + 1:] in known:
            return g[:p + 1].strip()
        p = g.find(" ", p + 1)
    return g


@lru_cache(maxsize=1)
def _honorifics() -> frozenset[str]:
    return frozenset(R.honorifics_longest_first())


def level_of(canonical: str, place: PlaceInfo) -> str:
    return gz.place_level(canonical, place.level or "province")


# --------------------------------------------------------------------------- the shared linker

class Linker:
    """The Doc, its layers and what the linkers of the fact types share."""

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        self.text: str = doc._.text   # the normalized text, read once (every linker reads it)
        self.found_cache: dict[tuple[str, str, bool], tuple[list[int], list]] = {}   # see found()
        self.ctx = doc._.context or DocContext(doc)
        self.results: dict[str, list[dict]] = {}  # fact type -> the facts linked so far
        self.mentions = sorted(doc._.mentions or [], key=start)
        ents = doc._.entities or []
        self.persons = [m for m in (doc._.mentions or []) if label(m) == "PERSON" and resolved(m)]
        self.orgs_by_prefix: Counter = Counter()
        countries: Counter = Counter()
        known = R.countries()
        for e in ents:
            if e.type == "ORGANIZATION":
                self.orgs_by_prefix[e.canonical] += len(e.mentions)
            elif e.type == "LOCATION" and known.get(e.canonical, ("", ""))[1] == "country":
                countries[e.canonical] += len(e.mentions)
        # a story about another country: its heads of government are that country's
        top = countries.most_common(1)
        home = countries["Việt Nam"] + sum(
            len(e.mentions) for e in ents
            if e.type == "LOCATION" and e.canonical not in known) + self._vietnamese_bodies(ents)
        self.foreign = top[0][0] if top and top[0][0] != "Việt Nam" and top[0][1] > home else None

    @staticmethod
    def _vietnamese_bodies(ents: list[Entity]) -> int:
        """Mentions of Vietnamese state bodies (UBND, Sở, Bộ ...): a domestic story."""
        n = 0
        for e in ents:
            if e.type == "ORGANIZATION" and e.canonical.split(" ")[0] in VIETNAMESE_HEADS:
                n += len(e.mentions)
        return n

    def org_from_hint(self, hint: str, category: str = "") -> str | None:
        """'Trường' -> the document's most mentioned school, 'Thành ủy' -> the city's."""
        if not hint:
            return None
        if hint in ("country", "Chính phủ") and self.foreign:
            return self.foreign
        if hint == "country":
            return R.default_bodies().get(hint) if category == "state" else None
        if hint in ("Thành ủy", "Tỉnh ủy"):
            prov = self.ctx.province_name()
            if not prov:
                return None
            return f"{hint} {'Thành phố ' if hint == 'Thành ủy' and not prov.startswith('Thành phố') else ''}{prov}".replace("  ", " ")
        best = [(n, c) for c, n in self.orgs_by_prefix.items()
                if c.lower().startswith(hint.lower() + " ") or c.lower() == hint.lower()]
        if best:
            return max(best)[1]
        return R.default_bodies().get(hint)

    def body_of(self, title: Annotation, target: Annotation | None) -> tuple[str | None, str | None]:
        """(organization canonical, entity id) for a title and what follows it."""
        ta = info(title)
        assert isinstance(ta, TitleInfo)
        if target is not None:
            if label(target) == "ORGANIZATION":
                return self._named_body(target)
            if label(target) == "LOCATION":
                return self._body_at(title, target)
        fused = ta.hint in ("Thành ủy", "Tỉnh ủy", "Huyện ủy", "Quận ủy")  # 'Thành ủy viên'
        if not fused and not (ta.bare and self.nothing_named_after(end(title), verbs=True)):
            return None, None  # something follows that may name the body: do not guess
        return self.org_from_hint(ta.hint, ta.category), INFERRED

    def _named_body(self, target: Annotation) -> tuple[str | None, str | None]:
        if resolved(target):
            return resolved(target), entity_id(target)
        # 'Giám đốc Bệnh viện khẳng định': the hospital the story is about
        # (not when words follow that may be its name: 'Viện nghiên cứu ...')
        if self.nothing_named_after(end(target)):
            return self.org_from_hint(target.info.name), INFERRED  # type: ignore[union-attr]
        return None, None

    def _body_at(self, title: Annotation, target: Annotation) -> tuple[str | None, str | None]:
        """'Chủ tịch phường X' -> 'Ủy ban nhân dân phường X'; a country is its own body."""
        canon = resolved(target) or target.canonical
        level = level_of(canon, target.info)  # type: ignore[arg-type]
        if level in ("country", "territory"):
            return canon, entity_id(target)
        if not gz.has_title_body(title.canonical):
            return None, None
        body = gz.title_body(title.canonical, level)
        if body == "Thành ủy" and not canon.lower().startswith("thành phố"):
            body = "Tỉnh ủy"
        if body in ("Tỉnh ủy", "Thành ủy"):
            name = gz.strip_province_unit(canon)
            return (f"{body} {name}" if body == "Tỉnh ủy" else f"{body} {canon}"), None
        return f"{body} {canon}", None

    def nothing_named_after(self, at: int, verbs: bool = False) -> bool:
        """Does what follows offset ``at`` leave the body unnamed: punctuation, the
        end, a person's name, or a reporting word ('cho biết', 'khẳng định')?  With
        ``verbs`` (after a title word), a predicate too ('Phó Hiệu trưởng trở thành');
        a verb in general may begin a name ('Phó Ban nghiên cứu và đào tạo')."""
        text = self.text
        rest = R.WS_RE.sub(" ", text[at:at + 30]).strip()
        if not rest or not rest[0].isalpha():
            return True
        if any(start(m) >= at and text[at:start(m)].strip() in ("", ",") and label(m) == "PERSON"
               for m in self.persons):
            return True
        words = rest.lower().split(" ")
        known = R.word_set("report_words") | (R.word_set("predicate_words") if verbs else frozenset())
        return words[0] in known or " ".join(words[:2]) in known

    def pronoun_subject(self, sent_start: int, title_start: int) -> Annotation | None:
        """The antecedent of 'ông'/'bà' right before a title ('ông được bầu làm ...')."""
        before = self.text[sent_start:title_start]
        m = R.PRONOUN_RE.search(before)
        if not m:
            return None
        earlier = [p for p in self.persons if end(p) <= sent_start + m.start()]
        return max(earlier, key=end) if earlier else None


# --------------------------------------------------------------------------- shared by the section-5 types

def mentions_between(lk: Linker, a: int, b: int, labels: tuple[str, ...] = ()) -> list[Annotation]:
    """The mentions inside [a, b) (of ``labels`` when given), in text order."""
    if not hasattr(lk, "_starts"):
        lk._starts = [start(m) for m in lk.mentions]
    i, j = bisect_left(lk._starts, a), bisect_left(lk._starts, b)
    return [m for m in lk.mentions[i:j] if end(m) <= b and (not labels or label(m) in labels)]


def name_of(m: Annotation) -> str | None:
    """The canonical name a mention stands for (resolved, else its own canonical form)."""
    return resolved(m) or getattr(m, "canonical", None) or None


def sentences(lk: Linker) -> list[tuple[int, int]]:
    """(start, end) of every sentence of the normalized text, computed once per Doc."""
    if not hasattr(lk, "_sentences"):
        lk._sentences = [(s.start_char, s.end_char) for s in lk.doc.sents]
    return lk._sentences


def iso_day(lk: Linker, day: str, month: str, year: str | None) -> str | None:
    """'4', '2', None -> '--02-04', or with the year of the input's ``date`` when it has one."""
    d, mo = int(day), int(month)
    if not (1 <= d <= 31 and 1 <= mo <= 12):
        return None
    if not year:
        meta = (lk.doc._.meta or {}).get("date") or ""
        year = meta[:4] if meta[:4].isdigit() else None
    return f"{year}-{mo:02d}-{d:02d}" if year else f"--{mo:02d}-{d:02d}"


def day_in(lk: Linker, a: int, b: int) -> str | None:
    """The first 'ngày d/m[/yyyy]' in [a, b), as ISO."""
    m = R.DAY_RE.search(lk.text, a, b)
    return iso_day(lk, m.group(1), m.group(2), m.group(3)) if m else None


def _full_iso(lk: Linker, iso: str) -> str | None:
    """A day of the DATE layer as ISO ('--02-04', '2021-02-03'); a period gives its first day;
    a day without its year takes the year of the input's ``date``."""
    iso = iso.split("/")[0]
    if len(iso) == 7 and iso.startswith("--"):
        meta = (lk.doc._.meta or {}).get("date") or ""
        return f"{meta[:4]}{iso[1:]}" if meta[:4].isdigit() else iso
    return iso if len(iso) == 10 and iso[4] == "-" else None


def date_near(lk: Linker, s: int, e: int, at: int, after: int = 60) -> str | None:
    """The day (DATE layer) nearest to offset ``at`` in the sentence [s, e): one up to ``after``
    characters after it first, else the last one before it."""
    days = [(n.start, _full_iso(lk, getattr(n.info, "iso", None) or "")) for n in lk.doc._.numbers or []
            if n.label == "DATE" and s <= n.start < e]
    days = [(p, iso) for p, iso in days if iso]
    later = [(p, iso) for p, iso in days if at <= p <= at + after]
    if later:
        return later[0][1]
    earlier = [(p, iso) for p, iso in days if p < at]
    return earlier[-1][1] if earlier else None


def found(lk: Linker, kind: str, name: str, a: int, b: int, case: bool = False) -> list[Any]:
    """The matches of a word set of data/<kind>_words.tsv inside [a, b): the whole text is
    searched once per Doc (searching sentence by sentence costs a setup per call)."""
    k = (kind, name, case)
    got = lk.found_cache.get(k)
    if got is None:
        ms = list(R.fact_words_re(kind, name, case).finditer(lk.text))
        got = lk.found_cache[k] = ([m.start() for m in ms], ms)
    starts, ms = got
    if not ms:
        return []
    i = bisect_left(starts, a)
    return [m for m in ms[i:bisect_left(starts, b, i)] if m.end() <= b]
