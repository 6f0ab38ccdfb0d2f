"""What a story is about, shared by the resolver and the fact linkers: its most
frequent named places by unit, its province; and the key that groups the
names of one entity."""
from __future__ import annotations

from collections import Counter, defaultdict
from typing import Iterator

from spacy.tokens import Doc

from . import gazetteer as gz
from . import resources as R
from .records import Annotation, OrgInfo, PlaceInfo


class DocContext:
    """What the document is about: its most frequent named places by level."""

    def __init__(self, doc: Doc) -> None:
        counts: dict[str, Counter] = defaultdict(Counter)
        provinces: Counter = Counter()
        for place, level in _named_places(doc):
            uw = gz.unit_word(place)
            if uw:
                counts[uw][place] += 1
            if level in ("province", "city") or gz.is_province_unit(uw):
                provinces[self._province_key(place)] += 1
        self.by_unit = {k: c.most_common(1)[0][0] for k, c in counts.items() if c}
        # a place's name -> its full form ('Ngọc Trạo' -> 'phường Ngọc Trạo')
        self.names: dict[str, str] = {}
        for unit, c in counts.items():
            for full in c:
                self.names.setdefault(full[len(unit) + 1:], full)
        self.province = provinces.most_common(1)[0][0] if provinces else ""

    @staticmethod
    def _province_key(canon: str) -> str:
        places = R.places_vn()
        if canon in places:
            return places[canon][0]
        return canon

    def fill(self, unit: str) -> str:
        """'phường' -> 'phường Thanh Xuân'; 'Thành phố' -> 'Thành phố Hà Nội'."""
        u = unit.lower()
        if u in self.by_unit:
            return self.by_unit[u]
        if gz.is_province_unit(u) and self.province:
            return gz.province_with_unit(self.province, unit)
        return ""

    def province_full(self) -> str:
        """The story's province with its unit word: 'tỉnh Quảng Ninh', 'Thành phố Hà Nội'."""
        return gz.province_with_unit(self.province)

    def province_name(self) -> str:
        """The story's province without its unit word: 'Quảng Ninh'."""
        return gz.strip_province_unit(self.province)


def _named_places(doc: Doc) -> Iterator[tuple[str, str]]:
    """(place, level) of every located mention: a LOCATION's canonical form, an
    ORGANIZATION's complement ('UBND phường X' names 'phường X')."""
    for m in (doc._.mentions or []):
        info = m.info
        if isinstance(info, PlaceInfo):
            yield m.canonical, info.level
        elif isinstance(info, OrgInfo) and info.complement and not info.complement.startswith("?"):
            yield info.complement, info.level


def group_key(label: str, canonical: str) -> str:
    """Names that are one entity: 'Trường Đại học Mở Hà Nội' is 'Đại học Mở Hà Nội'."""
    key = R.fold_key(canonical)
    if label == "ORGANIZATION":
        while "trường đại học " in key:  # 'Hội đồng trường Trường Đại học X' too
            key = key.replace("trường đại học ", "đại học ")
        # 'Sở Y tế tỉnh Quảng Trị' is 'Sở Y tế Quảng Trị' (a provincial city is another body)
        key = R.UNIT_BEFORE_NAME_RE.sub(" ", key)
    return key


# ------------------------------------------------------------------ an institution's own bodies
INSTITUTION_HEADS = tuple(f"{h} " for h in R.fact_table("org", "institution_head"))
INNER_BODIES = frozenset(R.fact_table("org", "inner_body"))
INNER_OFFICES = frozenset(R.fact_table("org", "inner_office"))
ANAPHORIC_HEAD = "Trường"  # 'Đảng ủy Trường': the school the story is about


def institution_names(orgs: list[Annotation], names: dict[Annotation, str | None]) -> dict[Annotation, str]:
    """The bodies and offices of the institution a story is about, printed without
    it: in a story about 'Trường Đại học X', 'Đảng ủy', 'Đảng ủy Trường', 'Hội đồng
    trường', 'Ban Thường vụ Đảng ủy' and 'Phòng Đào tạo' are that school's; 'Đảng
    ủy Viện' is the party committee of the 'Viện ...' named next in its sentence
    (mention -> its canonical name)."""
    main = _main_institution(orgs, names)
    out: dict[Annotation, str] = {}
    for k, m in enumerate(orgs):
        a = m.info
        assert isinstance(a, OrgInfo)
        body, anaphor = _inner_body(a) if not a.complement else (None, "")
        if body is not None and (names.get(m) is None or anaphor == ANAPHORIC_HEAD):
            parent = main if anaphor in ("", ANAPHORIC_HEAD) else next(
                (n for n in (names.get(o) for o in orgs[k + 1:] if o.sent_start == m.sent_start)
                 if n and n.startswith(f"{anaphor} ")), "")
            if parent:
                out[m] = _inside(body, parent)
        elif names.get(m) and main and _office(a, names[m] or ""):
            out[m] = _inside(names[m] or "", main)
    return out


def _main_institution(orgs: list[Annotation], names: dict[Annotation, str | None]) -> str:
    """The school named most often (twice at least), in its fullest form; '' when none."""
    counts: Counter = Counter()
    forms: dict[str, str] = {}
    for m in orgs:
        name = names.get(m)
        if name and name.startswith(INSTITUTION_HEADS):
            key = group_key("ORGANIZATION", name)
            counts[key] += 1
            forms[key] = max(forms.get(key, ""), name, key=len)
    if not counts:
        return ""
    key, n = counts.most_common(1)[0]
    return forms[key] if n >= 2 else ""


def _inner_body(a: OrgInfo) -> tuple[str | None, str]:
    """('Đảng ủy', 'Trường') of 'Đảng ủy Trường'; ('Hội đồng trường', '') of a bare
    'Hội đồng trường'; (None, '') when the name is no institution's own body."""
    name, anaphor = a.name, ""
    last = name.rsplit(" ", 1)[-1]
    if last != name and last in (a.last_head, a.rest):  # 'Trường' of 'Đảng ủy Trường'
        name, anaphor = name[: -len(last) - 1], last
    if name in INNER_BODIES or a.last_head in INNER_BODIES or (anaphor and any(
            name.endswith(f" {b}") for b in INNER_BODIES)):
        return name, anaphor
    return None, ""


def _office(a: OrgInfo, name: str) -> bool:
    """'Phòng Đào tạo', 'Khoa Ngữ văn': an office named by its own name with no parent
    body (not a district's department from the lexicon, 'Phòng Nội vụ')."""
    return (a.cls == "dept" and a.last_head in INNER_OFFICES and a.named and a.rest
            and not a.complement and name == f"{a.last_head} {a.rest}"
            and a.rest not in R.ministry_domains())


def _inside(body: str, parent: str) -> str:
    """'Hội đồng trường' + 'Trường Đại học X' -> 'Hội đồng Trường Đại học X'."""
    if body.lower().endswith(" trường") and parent.startswith("Trường "):
        body = body[: -len(" trường")]
    return f"{body} {parent}"
