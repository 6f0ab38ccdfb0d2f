"""Resolve mentions into document entities: the layer mention -> entity.

* organizations: fill ellipses from the document (``UBND phường`` → the ward
  the article is about, ``Sở Y tế`` → the province), distribute a shared
  complement over coordinated bodies, expand abbreviations in ``canonical``;
* persons: merge short references (``ông Nam``, ``ông Diaz-Canel``,
  ``Miguel Diaz``) into the full name; a lone given name with no full form is
  not emitted;
* titles and locations: one entity per canonical form.

The stage reads the mention records of ``vi_entities`` and ``vi_numbers`` and
writes its own layer: ``doc._.resolution`` (each mention's resolved name and
entity), ``doc._.entities`` (the entities, in text order), ``doc._.context``
(what the story is about) and ``doc._.outlet`` (the article's own outlet).
"""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from .. import gazetteer as gz
from .. import resources as R
from ..context import DocContext, group_key, institution_names
from ..normalize import canonical_text
from ..records import Annotation, Entity, OrgInfo, PersonInfo, Resolution

__all__ = ["DocContext", "group_key", "org_canonical", "vi_resolve"]

LOCAL_CLASSES = ("admin", "party")   # bodies of a place: 'UBND', 'Đảng ủy' (+ its ward)
#: classes whose bare head names one body ('Quốc hội', 'Bộ Y tế', 'Reuters')
NAMED_BY_HEAD = ("fixed", "ministry", "international", "media")
SEPARATORS = frozenset({"-", ",", "và", ""})  # between coordinated bodies sharing a complement
MASS_BODIES = frozenset(R.fact_table("org", "mass_body"))  # mass organizations of every level
COMPANY_HEADS = frozenset(R.fact_table("org", "company_head"))  # 'Tập đoàn Hòa Phát' is 'Hòa Phát'
CELLS = frozenset(R.fact_table("org", "cell"))  # party and union cells every body has


# ------------------------------------------------------------------ organizations
def org_canonical(a: OrgInfo, ctx: DocContext, borrowed: str = "") -> str | None:
    """The body's canonical name, its ellipses filled from the story; None when
    it names no body we can tell ('Ủy ban' alone, 'UBND phường' in a story with no ward)."""
    name, comp = a.name, a.complement or borrowed
    if comp.startswith("?"):  # the sentence's own place of that unit, else the story's
        near = borrowed if gz.unit_word(borrowed) == comp[1:].lower() else ""
        comp = near or ctx.fill(comp[1:])
        if not comp:
            return None
    party = gz.party_level(a.last_head)
    if not comp:
        name, comp = _complement_from_story(a, name, ctx, party)
        if comp is None:
            return None
    if comp and party and not party.keeps_unit and comp.lower().startswith(party.unit + " "):
        comp = comp[len(party.unit) + 1:]  # 'Tỉnh ủy Hà Nam', not 'Tỉnh ủy tỉnh Hà Nam'
    if not comp and not a.named:
        comp = _bare_body_complement(a, ctx)
        if comp is None:
            return None
    text = f"{name} {comp}".strip() if comp else name
    return canonical_text(R.expand_abbreviations(text))


def _complement_from_story(a: OrgInfo, name: str, ctx: DocContext,
                           party: gz.PartyLevel | None) -> tuple[str, str | None]:
    """(name, complement) of a body printed with no place; complement None when
    the story does not tell it."""
    rest = a.rest
    if rest and a.cls in LOCAL_CLASSES and rest in ctx.names and not party:
        # 'UBND Ngọc Trạo' in a story that names 'phường Ngọc Trạo'
        return name[: len(name) - len(rest)].strip(), ctx.names[rest]
    if not rest and party:
        # 'Thị ủy' alone: the story's town, named without its unit word
        full = ctx.fill(party.unit)
        if not full:
            return name, None
        strip = not party.keeps_unit and full.lower().startswith(party.unit + " ")
        return name, full.split(" ", len(party.unit.split()))[-1] if strip else full
    if ctx.province and _provincial_department(name, a):
        return name, ctx.province_full()  # a provincial department: 'Sở Y tế' in a Quảng Ninh story
    return name, ""


def _bare_body_complement(a: OrgInfo, ctx: DocContext) -> str | None:
    """A bare head: 'UBND', 'Đảng ủy' are the story's ward or commune; 'Quốc hội'
    names itself; a generic head ('Hội đồng', 'Ủy ban', 'Bộ') names no body (None)."""
    cls = a.cls
    if cls in LOCAL_CLASSES:
        return next((c for c in map(ctx.fill, gz.local_units()) if c), None)
    if a.name in MASS_BODIES:  # 'Hội phụ nữ', 'Đoàn TN': the story's ward, commune or province
        return next((c for c in map(ctx.fill, gz.local_units()) if c), None) or ctx.province_full() or None
    if cls in NAMED_BY_HEAD or (cls == "state" and a.specific):
        return ""
    return None


def _provincial_department(name: str, a: OrgInfo) -> bool:
    """'Sở Y tế', 'Sở Giáo dục và Đào tạo' (a ministry's domain under 'Sở') are a
    province's departments; 'Sở Giao dịch Chứng khoán' is not."""
    head = next((h for h in gz.provincial_heads() if name.startswith(h)), None)
    if head is None:
        return False
    if not a.named:
        return True  # a department listed in the lexicon
    return name[len(head):] in R.ministry_domains()


def _borrowed_complements(doc: Doc, orgs: list[Annotation]) -> dict[Annotation, str]:
    """Shared complements over coordinated bodies: 'Đảng ủy - HĐND - UBND phường X'
    (mention -> the complement it borrows from the next one)."""
    borrowed: dict[Annotation, str] = {}
    for k in range(len(orgs) - 2, -1, -1):
        m, n = orgs[k], orgs[k + 1]
        a, b = _org(m), _org(n)
        if a.complement or a.named and a.cls not in LOCAL_CLASSES:
            continue
        if doc._.text[m.end:n.start].strip() in SEPARATORS:
            comp = b.complement or borrowed.get(n, "")
            if comp:
                borrowed[m] = comp
    return borrowed


def _org(m: Annotation) -> OrgInfo:
    assert isinstance(m.info, OrgInfo)
    return m.info


class _Aliases:
    """Short names introduced in brackets ('Ngân hàng TMCP Việt Nam Thương Tín
    (VietBank)'): the alias names the innermost body before it wherever it
    recurs ('VietBank'), also as the name of a nested body ('HĐQT VietBank')."""

    def __init__(self, doc: Doc, orgs: list[Annotation]) -> None:
        self.bodies: dict[str, Annotation] = {}
        text = doc._.text
        for a, b in zip(orgs, orgs[1:]):
            if text[a.end:b.start].strip() == "(" and text[b.end:b.end + 1] == ")" and self._short_name(b.text):
                self.bodies.setdefault(R.fold_key(_org(b).name), a)

    @staticmethod
    def _short_name(text: str) -> bool:
        """'VietBank', 'IMF', 'PV GAS' (not 'Bộ Tư pháp', a parent body in brackets)."""
        words = text.split()
        return all(w[:1].isupper() for w in words) and any(
            R.ALL_CAPS_RE.match(w) or not R.is_vietnamese_syllable(w) for w in words)

    def canonical(self, m: Annotation, ctx: DocContext, borrowed: str) -> str | None:
        """The name of m through an alias; None when m names no alias."""
        if not self.bodies:
            return None
        a = _org(m)
        body = self.bodies.get(R.fold_key(a.name))
        if body is not None and body is not m:
            return self._innermost(body, ctx)
        rest = a.rest or a.last_head  # 'HĐQT VietBank': a brand the lexicon knows
        body = self.bodies.get(R.fold_key(rest)) if rest and not a.complement else None
        if body is None or body is m:
            return None
        inner = self._innermost(body, ctx)
        outer = a.name[: len(a.name) - len(rest)].strip()
        return inner and canonical_text(f"{R.expand_abbreviations(outer)} {inner}")

    @staticmethod
    def _innermost(body: Annotation, ctx: DocContext) -> str | None:
        """'Ngân hàng ...' of 'Hội đồng quản trị Ngân hàng ...': the body from its innermost head."""
        full = org_canonical(_org(body), ctx)
        head = _org(body).last_head
        k = full.rfind(R.expand_abbreviations(head)) if full and head else -1
        return full[k:] if k > 0 else full


def _near_places(mentions: list[Annotation]) -> dict[Annotation, str]:
    """'Ủy viên Ban Chấp hành Đảng bộ huyện, Chủ tịch Hội Nông dân huyện Như Xuân':
    an elliptical unit ('?huyện') is the place of that unit named next in its
    sentence, else the one named before it (mention -> the place)."""
    places: dict[int, list[tuple[int, str]]] = {}
    for m in mentions:
        place = m.canonical if m.label == "LOCATION" else _org(m).complement if m.label == "ORGANIZATION" else ""
        if place and not place.startswith("?"):
            places.setdefault(m.sent_start, []).append((m.start, place))
    near: dict[Annotation, str] = {}
    for m in mentions:
        comp = _org(m).complement if m.label == "ORGANIZATION" else ""
        if not comp.startswith("?"):
            continue
        same = [(start, p) for start, p in places.get(m.sent_start, []) if gz.unit_word(p) == comp[1:].lower()]
        after = [p for start, p in same if start > m.start]
        before = [p for start, p in same if start < m.start]
        if after or before:
            near[m] = after[0] if after else before[-1]
    return near


def _cell_parents(doc: Doc, mentions: list[Annotation]) -> dict[Annotation, Annotation]:
    """A party or union cell printed bare in a chain of titles ('Bí thư Đảng ủy,
    Giám đốc Sở Y tế tỉnh X') is the cell of the next body of the chain that is no
    local government (the cell's mention -> that body's mention)."""
    parents: dict[Annotation, Annotation] = {}
    text = doc._.text
    for k, m in enumerate(mentions):
        if m.label != "ORGANIZATION" or _org(m).complement or _org(m).name not in CELLS:
            continue
        end, titled = m.end, False
        for n in mentions[k + 1:]:
            if n.start - end > 2 or text[end:n.start].strip() not in ("", ","):
                break  # only titles and commas stand between
            if n.label == "ORGANIZATION":
                if titled and _org(n).cls not in LOCAL_CLASSES and _org(n).name not in CELLS:
                    parents[m] = n
                break
            if n.label != "TITLE":
                break
            end, titled = n.end, True
    return parents


def _is_own_outlet(m: Annotation, own: str | None) -> bool:
    """'(NLĐO)-', 'PV Dân trí' or the outlet of the article's URL: not one of its organizations."""
    a = _org(m)
    return bool(a.outlet or (own and a.cls == "media" and R.fold_key(m.text) == R.fold_key(own)))


# ------------------------------------------------------------------ the stage
class _Grouper:
    """Mentions grouped by (type, name key), in the order first seen."""

    def __init__(self) -> None:
        self.groups: dict[tuple[str, str], tuple[str, list[Annotation]]] = {}

    def add(self, label: str, canonical: str, m: Annotation) -> None:
        key = (label, group_key(label, canonical))
        self.groups.setdefault(key, (canonical, []))[1].append(m)

    def merge_prefixes(self, res: Resolution) -> None:
        """A body named again by the start of its name ('Trường Đại học Mở' after
        'Trường Đại học Mở Hà Nội') when one longer name of the story begins so and
        the rest is no country ('Bộ Quốc phòng' is not 'Bộ Quốc phòng Trung Quốc');
        a brand read alone when one company is named by it after a company head
        ('Hòa Phát' of 'Tập đoàn Hòa Phát')."""
        orgs = [k for k in self.groups if k[0] == "ORGANIZATION"]
        countries, places = R.country_keys(), R.place_keys()
        for key in orgs:
            short = key[1]
            longer = [k for k in orgs if k != key and k in self.groups and (
                (len(short.split()) >= 2 and k[1].startswith(short + " ") and k[1][len(short) + 1:] not in countries)
                or (short not in places and k[1].endswith(" " + short) and k[1][:-len(short) - 1] in COMPANY_HEADS
                    and self._brand(key)))]
            if len(longer) != 1:
                continue
            _canonical, ms = self.groups.pop(key)
            target = self.groups[longer[0]]
            for m in ms:
                res.names[m] = target[0]
            target[1].extend(ms)

    def _brand(self, key: tuple[str, str]) -> bool:
        """Is the group a brand read alone ('Hòa Phát'), no head before it?"""
        return all(_org(m).last_head in ("", _org(m).name) and not _org(m).complement for m in self.groups[key][1])

    def entities(self, res: Resolution) -> list[Entity]:
        out = []
        for (label, _), (canonical, ms) in self.groups.items():
            ms = sorted(ms, key=lambda s: s.start)
            if label == "ORGANIZATION":  # the fullest of the forms grouped together
                forms = [res.names.get(s) or canonical for s in ms]
                canonical = max(forms, key=lambda f: (len(f), -forms.index(f)))
            out.append(Entity("", label, canonical, ms))
        out.sort(key=lambda e: e.mentions[0].start)
        for n, e in enumerate(out, 1):
            e.id = f"E{n}"
        return out


def _resolve_name(m: Annotation, ctx: DocContext, borrowed: dict[Annotation, str],
                  full: list[Annotation], aliases: _Aliases) -> str | None:
    if m.label == "ORGANIZATION":
        return aliases.canonical(m, ctx, borrowed.get(m, "")) or org_canonical(_org(m), ctx, borrowed.get(m, ""))
    if m.label == "PERSON":
        return _person_canonical(m, full)
    if m.label == "LOCATION":
        return canonical_text(R.expand_abbreviations(m.canonical))
    return canonical_text(m.canonical)


@Language.component(
    "vi_resolve",
    assigns=["doc._.resolution", "doc._.entities", "doc._.context", "doc._.outlet"],
    requires=["doc._.mentions", "doc._.numbers", "doc._.text", "doc._.meta"],
)
def vi_resolve(doc: Doc) -> Doc:
    ctx = doc._.context = DocContext(doc)
    res = doc._.resolution = Resolution()
    mentions = sorted((doc._.mentions or []), key=lambda s: s.start)
    orgs = [m for m in mentions if m.label == "ORGANIZATION"]
    borrowed = _borrowed_complements(doc, orgs)
    aliases = _Aliases(doc, orgs)
    borrowed.update(_near_places(mentions))
    for cell, parent in _cell_parents(doc, mentions).items():
        body = org_canonical(_org(parent), ctx, borrowed.get(parent, ""))
        if body:
            borrowed[cell] = body  # 'Đảng ủy' + 'Sở Y tế tỉnh X'
    full = [m for m in mentions if m.label == "PERSON" and len(m.canonical.split()) >= 2]
    own = R.outlet_of_url((doc._.meta or {}).get("url") or "")
    groups = _Grouper()
    for m in mentions:
        if m.label == "ORGANIZATION" and _is_own_outlet(m, own):
            res.outlets.append(m)
            doc._.outlet = doc._.outlet or canonical_text(m.text)
            continue
        res.names[m] = _resolve_name(m, ctx, borrowed, full, aliases)
    res.names.update(institution_names([m for m in orgs if m in res.names], res.names))
    for m in mentions:
        if canon := res.names.get(m):
            groups.add(m.label, canon, m)
    for m in (doc._.numbers or []):
        groups.add(m.label, f"{m.start}:{m.end}", m)
    groups.merge_prefixes(res)
    doc._.entities = groups.entities(res)
    for e in doc._.entities:
        for m in e.mentions:
            res.entity_ids[m] = e.id
    return doc


def _parts(name: str) -> list[str]:
    return [p for w in name.split() for p in w.split("-") if p]


def _person_canonical(m: Annotation, full: list[Annotation]) -> str | None:
    name = canonical_text(m.canonical)
    parts = _parts(name)
    best = None
    for f in full:
        fname = canonical_text(f.canonical)
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
    if len(parts) < 2 and len(name.split()) < 2 and not (isinstance(m.info, PersonInfo) and m.info.standalone):
        return None
    return name


def _contains(full: list[str], part: list[str]) -> bool:
    n = len(part)
    if full[-n:] == part:
        return True
    return any(full[i:i + n] == part for i in range(len(full) - n + 1))
