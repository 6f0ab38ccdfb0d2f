"""Title chains and the bodies of their titles (the ``position`` linker's first half).

A chain is the run of titles printed together (``Bí thư Đảng ủy, Cục trưởng Cục
X``); each :class:`Link` holds a title, the body printed after it, its parent
body and unit words.  :func:`bodies` names each link's body, filling inner
bodies printed alone (``Đảng ủy``, ``HĐQT``) from the chain or the story.
"""
from __future__ import annotations

from collections import Counter


from .. import resources as R
from ..records import Annotation as Span  # a mention record
from .linking import INFERRED, Linker, end, gap, group_key, label, resolved, sentence, start

SEP = R.word_set("sep")                      # what joins two titles of one chain
#: bodies inside another body ('Đảng ủy', 'HĐQT'), folded, longest first
INNER = tuple(sorted((R.fold_key(b) for b in R.word_set("inner_bodies")), key=len, reverse=True))
NEAREST = R.fold_key("Chi bộ")  # the inner body of the next body of a chain, not the outermost
UNIT_WORDS = R.word_set("unit_words")        # 'Đảng ủy cơ quan', 'Công đoàn bộ phận'
INSTITUTION_CLASSES = ("business", "school", "health")  # org_heads.tsv classes of such bodies
INSTITUTION_HEADS = tuple(R.fold_key(h) + " " for h in R.word_set("institution_heads"))


class Link:
    """One (title, body) of a chain: the body printed after the title, the
    parent body printed after that ('Vụ Pháp luật, Văn phòng Quốc hội') and the
    lowercase unit words that end the body's name ('Đảng ủy cơ quan')."""

    __slots__ = ("title", "target", "parent", "unit")

    def __init__(self, title: Span, target: Span | None) -> None:
        self.title, self.target, self.parent, self.unit = title, target, None, ""

    def __iter__(self):  # type: ignore[no-untyped-def]
        return iter((self.title, self.target))


Chain = list[Link]


def _unit_words(g: str) -> str:
    """The lowercase unit words opening a gap ('cơ quan, Chủ tịch ...' -> 'cơ quan')."""
    for w in sorted(UNIT_WORDS, key=len, reverse=True):
        if g == w or g.startswith(w + " ") or g.startswith(w + ","):
            return w
    return ""


def _sep(g: str) -> str:
    """The gap between two titles of a chain without a rank between them
    ('Bí thư Đảng ủy Bộ tham mưu, Đại tá, Phó Tham mưu trưởng')."""
    honor = R.honorifics()
    parts = [p.strip() for p in g.split(",")]
    kept = [p for p in parts if p not in honor and p not in UNIT_WORDS]
    if len(kept) < len(parts) and all(not p for p in kept):
        return ","
    return g


def chains(lk: Linker, ms: list[Span]) -> list[tuple[Chain, int, int]]:
    """Title chains in one sentence: ([Link(title, body)], first index, end index)."""
    doc = lk.doc
    out = []
    i = 0
    while i < len(ms):
        if label(ms[i]) != "TITLE":
            i += 1
            continue
        first = i
        chain: Chain = []
        while i < len(ms) and label(ms[i]) == "TITLE":
            t = ms[i]
            target = None
            if i + 1 < len(ms) and label(ms[i + 1]) in ("ORGANIZATION", "LOCATION"):
                if gap(doc, end(t), start(ms[i + 1])) in ("", "của"):
                    target = ms[i + 1]
            link_ = Link(t, target)
            chain.append(link_)
            i += 2 if target is not None else 1
            if target is not None and label(target) == "ORGANIZATION":
                i = _parent(lk, ms, i, link_)
            # one title over coordinated bodies: 'Chủ tịch HĐND và UBND xã X'
            while target is not None and i < len(ms) and label(ms[i]) == "ORGANIZATION" \
                    and gap(doc, end(ms[i - 1]), start(ms[i])) in ("và", "-"):
                chain.append(Link(t, ms[i]))
                i += 1
            if not (i < len(ms) and label(ms[i]) == "TITLE" and _sep(gap(doc, end(ms[i - 1]), start(ms[i]))) in SEP):
                break
        out.append((chain, first, i))
    return out


def _parent(lk: Linker, ms: list[Span], i: int, link_: Link) -> int:
    """After a title's body: its unit words ('Đảng ủy cơ quan') and the parent
    body printed after a comma or the unit words ('Vụ Pháp luật, Văn phòng Quốc hội',
    'Công đoàn bộ phận Văn phòng X'); where the chain goes on."""
    doc, target = lk.doc, link_.target
    nxt = start(ms[i]) if i < len(ms) else sentence(target)[1]
    g = gap(doc, end(target), nxt)
    link_.unit = _unit_words(g)
    if i < len(ms) and label(ms[i]) == "ORGANIZATION":
        rest = g[len(link_.unit):].strip()
        if rest == "" and link_.unit or rest == "," and _lesser(target):
            link_.parent = ms[i]
            return i + 1
    return i


def _lesser(target: Span) -> bool:
    """A body printed before its parent: a unit of another body, or one we could not name."""
    return not resolved(target) or getattr(target.info, "cls", None) == "dept" or inner_body(target) is not None


def inner_body(target: Span | None) -> str | None:
    """The inner body a mention names with no body around it ('Đảng ủy', 'HĐQT',
    'Đảng ủy Trường'): its name, or None when it names a whole body."""
    if target is None or label(target) != "ORGANIZATION":
        return None
    name = getattr(target.info, "name", "") or ""
    low = R.fold_key(name)
    for head in INNER:
        if low == head or low.startswith(head + " ") and len(low[len(head):].split()) <= 1:
            return name
    return None


def _outer(canon: str) -> str:
    """'Hội đồng quản trị Ngân hàng X' -> 'Ngân hàng X': the body an inner body belongs to."""
    low = R.fold_key(canon)
    for head in INNER:
        if low.startswith(head + " "):
            return canon[len(head) + 1:]
    return canon


def main_body(lk: Linker) -> str | None:
    """The institution the story is about (its most mentioned school, company,
    hospital ..., counting its inner bodies): what an inner body printed alone
    belongs to ('Đảng ủy', 'HĐQT', 'Hội đồng trường')."""
    if not hasattr(lk, "_main_body"):
        counts: Counter = Counter()
        names: dict[str, str] = {}
        for e in lk.doc._.entities or []:
            if e.type != "ORGANIZATION":
                continue
            top = _outer(e.canonical)
            cls = getattr(e.mentions[0].info, "cls", None)
            if not (R.fold_key(top).startswith(INSTITUTION_HEADS) or cls in INSTITUTION_CLASSES):
                continue
            k = group_key("ORGANIZATION", top)
            counts[k] += len(e.mentions)
            if len(top) > len(names.get(k, "")):
                names[k] = top
        best = counts.most_common(2)
        ok = best and best[0][1] >= 2 and (len(best) == 1 or best[0][1] > best[1][1])
        lk._main_body = names[best[0][0]] if ok else None
    return lk._main_body


def _compose(inner: str, anchor: str) -> str:
    """'Đảng ủy' + 'Cục X' -> 'Đảng ủy Cục X'; 'Đảng ủy Trường' + 'Trường Đại học Y'
    -> 'Đảng ủy Trường Đại học Y' (the head printed alone is the anchor's)."""
    words = inner.split(" ")
    if len(words) > 1 and R.fold_key(words[-1]) == R.fold_key(anchor.split(" ")[0]):
        words = words[:-1]
    return " ".join(words + [anchor])


def _elliptical(lk: Linker, ln: Link, later: list[str]) -> str | None:
    """The body of a link whose body the text does not name in full: an inner body
    takes its parent, the chain's outermost named body (a 'Chi bộ' the next one) or
    the story's institution; another body its parent; a long name stays itself."""
    base = f"{ln.target.info.name} {ln.unit}".strip()
    parent = resolved(ln.parent) if ln.parent is not None else None
    inner = inner_body(ln.target)
    if inner is not None:
        if parent:
            anchor: str | None = parent
        elif later:
            anchor = later[0] if R.fold_key(inner).startswith(NEAREST) else later[-1]
        else:
            anchor = main_body(lk)
        return _compose(base, anchor) if anchor else None
    if parent:
        return _compose(base, parent)
    return base if len(base.split(" ")) >= 3 else None  # 'Ban Chấp hành Trung ương Đảng'


def _listed(lk: Linker, ln: Link) -> str | None:
    """A bare title in a table row or a career list: the story's institution
    ('Hiệu trưởng'), or the inner body its title implies ('Đảng ủy viên' -> its 'Đảng ủy')."""
    hint = getattr(ln.title.info, "hint", "") or ""
    top = main_body(lk)
    if not (hint and top):
        return None
    return _compose(hint, top) if R.fold_key(hint) in INNER else top


def bodies(lk: Linker, chain: Chain, in_list: bool) -> list[tuple[str | None, str | None]]:
    """(organization, entity id) of each link: the body named after the title, or
    one filled by :func:`_elliptical` ('Bí thư Đảng ủy, Cục trưởng Cục X' -> 'Đảng
    ủy Cục X') or, in lists, by :func:`_listed`."""
    found = [lk.body_of(ln.title, ln.target) for ln in chain]
    full: list[str | None] = []
    for ln, (org, oid) in zip(chain, found):
        named = org if org and oid != INFERRED and inner_body(ln.target) is None else None
        full.append((resolved(ln.parent) if ln.parent is not None else None) or named)
    out = []
    for n, (ln, (org, oid)) in enumerate(zip(chain, found)):
        if ln.target is not None and label(ln.target) == "ORGANIZATION" and (org is None or oid == INFERRED):
            filled = _elliptical(lk, ln, [b for b in full[n + 1:] if b])
            if filled or inner_body(ln.target) is not None:
                org, oid = filled, None
        if org is None and in_list and ln.target is None:
            org, oid = _listed(lk, ln), None
        out.append((org, oid))
    return out
