"""What every fact type's linker shares: the Doc with its layers, read in one
place (:func:`label`, :func:`start`, :func:`end`, :func:`resolved`, :func:`attrs`
are the only readers of a mention record's attributes), the bodies a title
implies, the document's home country, and the results of the types already linked.
"""
from __future__ import annotations

from collections import Counter
from typing import Any

from spacy.tokens import Doc, Span

from .. import resources as R
from ..stages.resolve import DocContext, group_key  # noqa: F401  (the resolver's name key, for the linkers)

INFERRED = "inferred"  # body_of's entity id for a body the text does not name next to the title
TITLE_TO_BODY = {
    "bí thư": {"commune": "Đảng ủy", "district": "Đảng ủy", "province": "Tỉnh ủy", "city": "Thành ủy"},
    "phó bí thư": {"commune": "Đảng ủy", "district": "Đảng ủy", "province": "Tỉnh ủy", "city": "Thành ủy"},
    "chủ tịch": {"*": "Ủy ban nhân dân"},
    "phó chủ tịch": {"*": "Ủy ban nhân dân"},
}


# --------------------------------------------------------------------------- mention records

def attrs(m: Span) -> dict[str, Any]:
    """A mention record's attributes (the one place that knows where they live)."""
    return m._.attrs


def label(m: Span) -> str:
    return m._.attrs["label"]


def start(m: Span) -> int:
    return m._.attrs["start"]


def end(m: Span) -> int:
    return m._.attrs["end"]


def resolved(m: Span) -> str | None:
    """The mention's canonical entity name, once resolved."""
    return m._.attrs.get("resolved")


def entity_id(m: Span) -> str | None:
    return m._.attrs.get("entity_id")


def sentence(m: Span) -> tuple[int, int]:
    return m._.attrs["sent_start"], m._.attrs["sent_end"]


# --------------------------------------------------------------------------- text helpers

def gap(doc: Doc, a: int, b: int) -> str:
    """The words between two mentions, lowercased, without an aside in brackets
    ('ông A (sinh năm 1975) - Thẩm phán ...') or the former/new markers."""
    g = R.WS_RE.sub(" ", R.PAREN_RE.sub(" ", doc._.text[a:b])).strip().lower()
    return R.STATUS_WORD_RE.sub("", g).strip()


def strip_honorific(g: str) -> str:
    """The gap without a closing honorific (', ông' -> ',')."""
    for h in R.honorifics_longest_first():
        if g.endswith(" " + h) or g == h:
            return g[: len(g) - len(h)].strip()
    return g


def level_of(canonical: str, a: dict) -> str:
    low = canonical.lower()
    if low.startswith(("phường ", "xã ", "thị trấn ")):
        return "commune"
    if low.startswith(("quận ", "huyện ", "thị xã ")):
        return "district"
    if low.startswith("thành phố "):
        return "city"
    return a.get("level") or "province"


# --------------------------------------------------------------------------- the shared linker

class Linker:
    """The Doc, its layers and what the linkers of the fact types share."""

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        self.ctx = doc._.context or DocContext(doc)
        self.results: dict[str, list[dict]] = {}  # fact type -> the facts linked so far
        self.mentions = sorted(doc._.mentions or [], key=start)
        ents = doc._.entities or []
        self.persons = [m for m in (doc._.mentions or []) if label(m) == "PERSON" and resolved(m)]
        self.orgs_by_prefix: Counter = Counter()
        countries: Counter = Counter()
        known = R.countries()
        for e in ents:
            if e["type"] == "ORGANIZATION":
                self.orgs_by_prefix[e["canonical"]] += len(e["spans"])
            elif e["type"] == "LOCATION" and known.get(e["canonical"], ("", ""))[1] == "country":
                countries[e["canonical"]] += len(e["spans"])
        # a story about another country: its heads of government are that country's
        top = countries.most_common(1)
        home = countries["Việt Nam"] + sum(
            len(e["spans"]) for e in ents
            if e["type"] == "LOCATION" and e["canonical"] not in known) + self._vietnamese_bodies(ents)
        self.foreign = top[0][0] if top and top[0][0] != "Việt Nam" and top[0][1] > home else None

    @staticmethod
    def _vietnamese_bodies(ents: list[dict]) -> int:
        """Mentions of Vietnamese state bodies (UBND, Sở, Bộ ...): a domestic story."""
        n = 0
        for e in ents:
            if e["type"] == "ORGANIZATION" and e["canonical"].split(" ")[0] in ("Ủy", "Sở", "Bộ", "Hội", "Đảng", "Thành", "Tỉnh", "Công"):
                n += len(e["spans"])
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

    def body_of(self, title: Span, target: Span | None) -> tuple[str | None, str | None]:
        """(organization canonical, entity id) for a title and what follows it."""
        ta = attrs(title)
        if target is not None:
            if label(target) == "ORGANIZATION":
                return self._named_body(target)
            if label(target) == "LOCATION":
                return self._body_at(title, target)
        fused = ta.get("hint") in ("Thành ủy", "Tỉnh ủy", "Huyện ủy", "Quận ủy")  # 'Thành ủy viên'
        if not fused and not (ta.get("bare", True) and self.nothing_named_after(ta["end"], verbs=True)):
            return None, None  # something follows that may name the body: do not guess
        return self.org_from_hint(ta.get("hint", ""), ta.get("category", "")), INFERRED

    def _named_body(self, target: Span) -> tuple[str | None, str | None]:
        if resolved(target):
            return resolved(target), entity_id(target)
        # 'Giám đốc Bệnh viện khẳng định': the hospital the story is about
        # (not when words follow that may be its name: 'Viện nghiên cứu ...')
        if self.nothing_named_after(end(target)):
            return self.org_from_hint(attrs(target).get("name", "")), INFERRED
        return None, None

    def _body_at(self, title: Span, target: Span) -> tuple[str | None, str | None]:
        """'Chủ tịch phường X' -> 'Ủy ban nhân dân phường X'; a country is its own body."""
        canon = resolved(target) or target._.canonical
        level = level_of(canon, attrs(target))
        if level in ("country", "territory"):
            return canon, entity_id(target)
        base = attrs(title).get("base", title._.canonical).lower()
        table = TITLE_TO_BODY.get(base) or TITLE_TO_BODY.get(title._.canonical.lower())
        if not table:
            return None, None
        body = table.get(level) or table.get("*")
        if body == "Thành ủy" and not canon.lower().startswith("thành phố"):
            body = "Tỉnh ủy"
        if body in ("Tỉnh ủy", "Thành ủy"):
            name = canon.split(" ", 1)[1] if canon.lower().startswith(("tỉnh ", "thành phố ")) else canon
            return (f"{body} {name}" if body == "Tỉnh ủy" else f"{body} {canon}"), None
        return f"{body} {canon}", None

    def nothing_named_after(self, at: int, verbs: bool = False) -> bool:
        """Does what follows offset ``at`` leave the body unnamed: punctuation, the
        end, a person's name, or a reporting word ('cho biết', 'khẳng định')?  With
        ``verbs`` (after a title word), a predicate too ('Phó Hiệu trưởng trở thành');
        a verb in general may begin a name ('Phó Ban nghiên cứu và đào tạo')."""
        text = self.doc._.text
        rest = R.WS_RE.sub(" ", text[at:at + 30]).strip()
        if not rest or not rest[0].isalpha():
            return True
        if any(start(m) >= at and text[at:start(m)].strip() in ("", ",") and label(m) == "PERSON"
               for m in self.persons):
            return True
        words = rest.lower().split(" ")
        known = R.word_set("report_words") | (R.word_set("predicate_words") if verbs else frozenset())
        return words[0] in known or " ".join(words[:2]) in known

    def pronoun_subject(self, sent_start: int, title_start: int) -> Span | None:
        """The antecedent of 'ông'/'bà' right before a title ('ông được bầu làm ...')."""
        before = self.doc._.text[sent_start:title_start]
        m = R.PRONOUN_RE.search(before)
        if not m:
            return None
        earlier = [p for p in self.persons if end(p) <= sent_start + m.start()]
        return max(earlier, key=end) if earlier else None


# --------------------------------------------------------------------------- shared by the section-5 types

def mentions_between(lk: Linker, a: int, b: int, labels: tuple[str, ...] = ()) -> list[Span]:
    """The mentions inside [a, b) (of ``labels`` when given), in text order."""
    return [m for m in lk.mentions if a <= start(m) and end(m) <= b and (not labels or label(m) in labels)]


def name_of(m: Span) -> str | None:
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
    m = R.DAY_RE.search(lk.doc._.text, a, b)
    return iso_day(lk, m.group(1), m.group(2), m.group(3)) if m else None
