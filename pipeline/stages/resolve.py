"""Resolve mentions into document entities.

* organizations: fill ellipses from the document (``UBND phường`` → the ward
  the article is about, ``Sở Y tế`` → the province), distribute a shared
  complement over coordinated bodies, expand abbreviations in ``canonical``;
* persons: merge short references (``ông Nam``, ``ông Diaz-Canel``,
  ``Miguel Diaz``) into the full name; a lone given name with no full form is
  not emitted;
* titles and locations: one entity per canonical form.

The result is ``doc._.entities``: a list of dicts with ``id``, ``type``,
``canonical``, ``mentions`` (normalized char spans) and ``spans`` (the
``Span`` objects, for the linker).
"""
from __future__ import annotations

from collections import Counter, defaultdict

from spacy.language import Language
from spacy.tokens import Doc, Span

from .. import resources as R
from ..normalize import canonical_text

#: party committees named by the level of their unit: 'Thị ủy Bỉm Sơn' is the thị xã's
#: (a city's keeps its unit word: 'Thành ủy Thành phố Hồ Chí Minh')
PARTY_LEVEL = {"Thị ủy": "thị xã", "Huyện ủy": "huyện", "Quận ủy": "quận", "Tỉnh ủy": "tỉnh",
               "Thành ủy": "thành phố"}


def _unit_word(canonical: str) -> str:
    for unit in sorted(R.admin_units().values(), key=lambda v: -len(v[0])):
        if canonical.lower().startswith(unit[0].lower() + " "):
            return unit[0].lower()
    return ""


class DocContext:
    """What the document is about: its most frequent named places by level."""

    def __init__(self, doc: Doc) -> None:
        counts: dict[str, Counter] = defaultdict(Counter)
        provinces: Counter = Counter()
        for span in (doc._.mentions or []):
            a = span._.attrs
            if a["label"] == "LOCATION":
                canon = span._.canonical
                uw = _unit_word(canon)
                if uw:
                    counts[uw][canon] += 1
                if a.get("level") in ("province", "city") or uw in ("tỉnh", "thành phố"):
                    provinces[self._province_key(canon)] += 1
            elif a["label"] == "ORGANIZATION" and a.get("complement") and not a["complement"].startswith("?"):
                comp = a["complement"]
                uw = _unit_word(comp)
                if uw:
                    counts[uw][comp] += 1
                if a.get("level") in ("province", "city") or uw in ("tỉnh", "thành phố"):
                    provinces[self._province_key(comp)] += 1
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
        if u in ("tỉnh", "thành phố") and self.province:
            prov = self.province
            if prov.lower().startswith(("tỉnh ", "thành phố ")):
                return prov
            return f"{unit} {prov}" if u == "tỉnh" else f"Thành phố {prov}"
        return ""

    def province_full(self) -> str:
        """The story's province with its unit word: 'tỉnh Quảng Ninh', 'Thành phố Hà Nội'."""
        prov = self.province
        if not prov or prov.lower().startswith(("tỉnh ", "thành phố ")):
            return prov
        level = R.places_vn().get(prov, ("", ""))[1]
        return f"Thành phố {prov}" if level == "city" else f"tỉnh {prov}"

    def province_name(self) -> str:
        prov = self.province
        for pre in ("tỉnh ", "Tỉnh ", "thành phố ", "Thành phố "):
            if prov.startswith(pre):
                return prov[len(pre):]
        return prov


def org_canonical(span: Span, ctx: DocContext, borrowed: str = "") -> str | None:
    a = span._.attrs
    name = a["name"]
    comp = a.get("complement") or borrowed
    if comp.startswith("?"):
        comp = ctx.fill(comp[1:]) or ""
        if not comp:
            return None
    cls = a.get("cls", "")
    last_head, rest = a.get("last_head", ""), a.get("rest", "")
    level_unit = party_level(last_head)
    if not comp and rest and cls in ("admin", "party") and rest in ctx.names and not level_unit:
        # 'UBND Ngọc Trạo' in a story that names 'phường Ngọc Trạo'
        name, comp = name[: len(name) - len(rest)].strip(), ctx.names[rest]
    if not comp and not rest and level_unit:
        # 'Thị ủy' alone: the story's town, named without its unit word
        full = ctx.fill(level_unit)
        if not full:
            return None
        strip = level_unit != "thành phố" and full.lower().startswith(level_unit + " ")
        comp = full.split(" ", len(level_unit.split()))[-1] if strip else full
    if not comp and ctx.province and _provincial_department(name, a):
        # a provincial department: 'Sở Y tế' in a Quảng Ninh story
        comp = ctx.province_full()
    unit = level_unit
    if comp and unit and unit != "thành phố" and comp.lower().startswith(unit + " "):
        comp = comp[len(unit) + 1:]  # 'Tỉnh ủy Hà Nam', not 'Tỉnh ủy tỉnh Hà Nam'
    if not comp and not a.get("named"):
        if cls in ("admin", "party"):  # a bare 'UBND', 'Đảng ủy': the story's ward or commune
            comp = ctx.fill("phường") or ctx.fill("xã") or ""
            if not comp:
                return None
        elif cls not in ("fixed", "ministry", "international", "media") and not (
                cls == "state" and a.get("specific")):
            return None  # a bare generic head ('Hội đồng', 'Ủy ban', 'Bộ') names no body
    text = f"{name} {comp}".strip() if comp else name
    return canonical_text(R.expand_abbreviations(text))


def party_level(head: str) -> str | None:
    """The unit word of a party committee head: 'Thị ủy' and 'Thường trực Thị ủy' -> 'thị xã'."""
    for key, unit in PARTY_LEVEL.items():
        if head == key or head.endswith(" " + key):
            return unit
    return None


def _provincial_department(name: str, attrs: dict) -> bool:
    """'Sở Y tế', 'Sở Giáo dục và Đào tạo' (a ministry's domain under 'Sở') are a
    province's departments; 'Sở Giao dịch Chứng khoán' is not."""
    if not name.startswith("Sở "):
        return False
    if not attrs.get("named"):
        return True  # a department listed in the lexicon
    return name[len("Sở "):] in R.ministry_domains()


def _sep_only(doc: Doc, a_end: int, b_start: int) -> bool:
    gap = doc._.text[a_end:b_start].strip()
    return gap in {"-", ",", "và", ""}


@Language.component(
    "vi_resolve",
    assigns=["doc._.entities", "doc._.context"],
    requires=["doc.spans"],
)
def vi_resolve(doc: Doc) -> Doc:
    ctx = doc._.context = DocContext(doc)
    mentions = sorted((doc._.mentions or []), key=lambda s: s._.attrs["start"])
    # shared complements over coordinated bodies: "Đảng ủy - HĐND - UBND phường X"
    borrowed: dict[int, str] = {}
    orgs = [m for m in mentions if m._.attrs["label"] == "ORGANIZATION"]
    for k in range(len(orgs) - 2, -1, -1):
        a, b = orgs[k], orgs[k + 1]
        if a._.attrs.get("complement") or a._.attrs.get("named") and a._.attrs.get("cls") not in ("admin", "party"):
            continue
        if _sep_only(doc, a._.attrs["end"], b._.attrs["start"]):
            comp = b._.attrs.get("complement") or borrowed.get(id(b), "")
            if comp:
                borrowed[id(a)] = comp
    entities: dict[tuple[str, str], dict] = {}
    order: list[tuple[str, str]] = []

    def add(label: str, canonical: str, span: Span) -> None:
        key = (label, group_key(label, canonical))
        if key not in entities:
            entities[key] = {"type": label, "canonical": canonical, "spans": []}
            order.append(key)
        entities[key]["spans"].append(span)

    persons = [m for m in mentions if m._.attrs["label"] == "PERSON"]
    full = [p for p in persons if len(p._.canonical.split()) >= 2]
    own = R.outlet_of_url((doc._.meta or {}).get("url") or "")
    for m in mentions:
        a = m._.attrs
        if a["label"] == "ORGANIZATION" and own and a.get("cls") == "media" and R.fold_key(m.text) == R.fold_key(own):
            a["outlet"] = True  # the article's own outlet is not one of its organizations
        if a["label"] == "ORGANIZATION" and a.get("outlet"):
            doc._.outlet = doc._.outlet or canonical_text(m.text)
            m._.attrs["resolved"] = None
        elif a["label"] == "ORGANIZATION":
            canon = org_canonical(m, ctx, borrowed.get(id(m), ""))
            m._.attrs["resolved"] = canon
            if canon:
                add("ORGANIZATION", canon, m)
        elif a["label"] == "PERSON":
            canon = _person_canonical(m, full)
            m._.attrs["resolved"] = canon
            if canon:
                add("PERSON", canon, m)
        elif a["label"] == "LOCATION":
            m._.attrs["resolved"] = canonical_text(R.expand_abbreviations(m._.canonical))
            add("LOCATION", m._.attrs["resolved"], m)
        else:
            m._.attrs["resolved"] = canonical_text(m._.canonical)
            add(a["label"], m._.attrs["resolved"], m)
    for m in (doc._.numbers or []):
        add(m.label_, f"{m._.attrs['start']}:{m._.attrs['end']}", m)
    out = []
    for key in order:
        e = entities[key]
        spans = sorted(e["spans"], key=lambda s: s._.attrs["start"])
        canonical = e["canonical"]
        if e["type"] == "ORGANIZATION":  # the fullest of the forms grouped together
            forms = [s._.attrs.get("resolved") or canonical for s in spans]
            canonical = max(forms, key=lambda f: (len(f), -forms.index(f)))
        out.append({"type": e["type"], "canonical": canonical, "spans": spans})
    out.sort(key=lambda e: e["spans"][0]._.attrs["start"])
    for n, e in enumerate(out, 1):
        e["id"] = f"E{n}"
        for s in e["spans"]:
            s._.attrs["entity_id"] = e["id"]
    doc._.entities = out
    return doc


def group_key(label: str, canonical: str) -> str:
    """Names that are one entity: 'Trường Đại học Mở Hà Nội' is 'Đại học Mở Hà Nội'."""
    key = R.fold_key(canonical)
    if label == "ORGANIZATION":
        key = key.replace("trường đại học ", "đại học ")
        # 'Sở Y tế tỉnh Quảng Trị' is 'Sở Y tế Quảng Trị' (a provincial city is another body)
        key = R.UNIT_BEFORE_NAME_RE.sub(" ", key)
    return key


def _parts(name: str) -> list[str]:
    return [p for w in name.split() for p in w.split("-") if p]


def _person_canonical(m: Span, full: list[Span]) -> str | None:
    name = canonical_text(m._.canonical)
    parts = _parts(name)
    best = None
    for f in full:
        fname = canonical_text(f._.canonical)
        if fname == name:
            continue
        fparts = _parts(fname)
        if len(fparts) <= len(parts):
            continue
        vietnamese = fname.split(" ")[0] in R.surnames() and all(R.is_vietnamese_syllable(p) for p in fparts)
        # 'ông Nam' is Trần Văn Nam (a Vietnamese name is referred to by its last
        # syllables); 'ông Diaz-Canel', 'Miguel Diaz' by any part of a foreign one
        if (fparts[-len(parts):] == parts) if vietnamese else _contains(fparts, parts):
            if best is None or len(_parts(best)) < len(fparts):
                best = fname
    if best:
        return best
    if len(parts) < 2 and len(name.split()) < 2 and not m._.attrs.get("standalone"):
        return None
    return name


def _contains(full: list[str], part: list[str]) -> bool:
    n = len(part)
    if full[-n:] == part:
        return True
    return any(full[i:i + n] == part for i in range(len(full) - n + 1))
