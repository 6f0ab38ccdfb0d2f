"""``position``: who holds which title in which body (CONTRACT sections 1, 3, 4).

Positions are read from *title chains*: a title with the body right after it
(``Bí thư Đảng ủy``, ``Chủ tịch UBND phường X``, ``Tổng thống Mỹ``), joined to
the next title by ``,`` ``-`` ``–`` ``kiêm`` ``và``; the chain belongs to the
person right before it (``ông A, Bí thư ...``, ``A - Phó Chủ tịch ...``) or
right after it (``Bộ trưởng Bộ Công Thương Nguyễn Hồng Diên``).
"""
from __future__ import annotations

from collections import Counter
from typing import Any, Literal

from pydantic import Field
from spacy.tokens import Span

from .. import resources as R
from ..compare import Item, all_match, alternatives, key, pick, unique
from ..contract import Span as SpanModel, Strict
from ..normalize import canonical_text
from .linking import (INFERRED, Linker, attrs, end, entity_id, gap, group_key, label, resolved, sentence,
                      sentences, start, strip_honorific)
from .registry import Column, FactType, Metric, register

SEP = R.word_set("sep")                      # what joins two titles of one chain
PERSON_BEFORE = R.word_set("person_before")  # what may stand between a person and the chain after it
LIST_VERBS = R.word_set("list_verbs")        # 'A, B và C được bầu làm ...': the list shares the title
#: what joins a subject's further posts in one sentence ('... nhưng đã thôi chức Chủ tịch nước')
CONTINUES = tuple(sorted(R.word_set("continues")))
AFTER_GAPS = R.word_set("person_after")      # 'Giám đốc Sở Y tế, ông A', '... đối với TS A'
SUCCEEDS = R.word_set("succeeds")            # 'A kế nhiệm B trở thành X': A takes X
#: bodies inside another body ('Đảng ủy', 'HĐQT'), folded, longest first
INNER = tuple(sorted((R.fold_key(b) for b in R.word_set("inner_bodies")), key=len, reverse=True))
UNIT_WORDS = R.word_set("unit_words")        # 'Đảng ủy cơ quan', 'Công đoàn bộ phận'
TABLE_HEADER = R.word_set("table_header")    # 'TT' / 'Họ tên' / 'Chức vụ'
MEMBER_LIST = R.word_set("member_list")      # 'thành viên HĐQT gồm ông A, bà B'
CAREER_NOUNS = R.word_set("career_nouns")    # 'từng giữ các chức vụ A, B'
CAREER_TAILS = R.word_set("career_tails")
PAST_WORDS = R.word_set("past_words")
INSTITUTION_CLASSES = ("business", "school", "health")  # org_heads.tsv classes of such bodies
INSTITUTION_HEADS = tuple(R.fold_key(h) + " " for h in R.word_set("institution_heads"))
MEMBER_TITLE = "Thành viên"
LIST_TITLES = R.word_set("list_titles")     # 'Danh sách thành viên X:' above a table


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


class PositionFact(Strict):
    type: Literal["position"] = "position"
    person: str = Field(min_length=1)
    title: str = Field(min_length=1)
    organization: str | None
    person_id: str | None = None
    title_id: str | None = None
    organization_id: str | None = None
    former: bool | None = Field(None, exclude_if=lambda v: v is None)
    evidence: SpanModel


# --------------------------------------------------------------------------- linking

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
    return not resolved(target) or attrs(target).get("cls") == "dept" or _inner(target) is not None


def _inner(target: Span | None) -> str | None:
    """The inner body a mention names with no body around it ('Đảng ủy', 'HĐQT',
    'Đảng ủy Trường'): its name, or None when it names a whole body."""
    if target is None or label(target) != "ORGANIZATION":
        return None
    name = attrs(target).get("name") or ""
    low = R.fold_key(name)
    for head in INNER:
        if low == head or low.startswith(head + " ") and len(low[len(head):].split()) <= 1:
            return name
    return None


def _person_before(lk: Linker, ms: list[Span], i0: int) -> tuple[Span, str, bool] | None:
    """'ông A, Bí thư ...', 'A từng là Bộ trưởng': (holder, the gap, held in the past)."""
    if i0 == 0 or label(ms[i0 - 1]) != "PERSON":
        return None
    p, first = ms[i0 - 1], ms[i0]
    g = strip_honorific(gap(lk.doc, end(p), start(first)))
    if ")" in g and i0 > 1 and label(ms[i0 - 2]) == "PERSON":
        # 'Ông A (B - Sinh năm 1957), Ủy viên ...': the name inside the aside is A's other form
        p = ms[i0 - 2]
        g = strip_honorific(gap(lk.doc, end(p), start(first)))
    past = g.startswith("từng ") or g == "từng"
    g = g[len("từng"):].strip() if past else g
    if g not in PERSON_BEFORE or not (g or R.is_cap(attrs(first)["text"])):
        return None
    # 'A kế nhiệm ông B trở thành Bí thư': A takes the post
    if i0 > 1 and label(ms[i0 - 2]) == "PERSON":
        if strip_honorific(gap(lk.doc, end(ms[i0 - 2]), start(p))) in SUCCEEDS:
            p = ms[i0 - 2]
    return p, g, past


def _person_after(lk: Linker, ms: list[Span], i0: int, i1: int) -> Span | None:
    """'Giám đốc Sở Y tế Nguyễn Văn A'; a lowercase title in running text before
    a name is a description ('nhà sáng lập X')."""
    if i1 >= len(ms) or label(ms[i1]) != "PERSON":
        return None
    p, first = ms[i1], ms[i0]
    g = strip_honorific(gap(lk.doc, end(ms[i1 - 1]), start(p)))
    if g in AFTER_GAPS and (
            R.is_cap(attrs(first)["text"]) or len(ms) > i0 + 1 and i1 - i0 >= 2
            or attrs(p)["text"].split(" ")[0] in R.surnames()):
        return p
    return None


def _continuing(lk: Linker, ms: list[Span], i0: int, subject: tuple[Span, int] | None) -> tuple[Span, bool] | None:
    """'Ông Raul làm Bí thư Thứ nhất ... từ năm 2011, nhưng đã thôi chức Chủ tịch
    nước Cuba': the same subject goes on to another post."""
    if subject is None:
        return None
    g = gap(lk.doc, subject[1], start(ms[i0]))
    if len(g) <= 60 and any(g == v or g.endswith(" " + v) for v in CONTINUES) \
            and not any(label(m) == "PERSON" for m in ms[:i0] if start(m) >= subject[1]):
        return subject[0], any(w in g.split(" ") for w in ("thôi", "từng", "nguyên", "cựu"))
    return None


def _list_holders(lk: Linker, ms: list[Span], i0: int) -> list[Span]:
    """'Ông A, bà B và ông C được bầu làm Phó Chủ tịch ...': each of them."""
    holders = [ms[i0 - 1]]
    k = i0 - 2
    while k >= 0 and label(ms[k]) == "PERSON" and strip_honorific(
            gap(lk.doc, end(ms[k]), start(ms[k + 1]))) in {",", "và", ", và"}:
        holders.insert(0, ms[k])
        k -= 1
    return holders


def _holders(lk: Linker, ms: list[Span], i0: int, i1: int, sent_start: int,
             subject: tuple[Span, int] | None) -> tuple[list[Span], bool]:
    """Who holds the chain ms[i0:i1], and whether in the past."""
    person, before_gap, was = None, None, False
    before = _person_before(lk, ms, i0)
    if before is not None:
        person, before_gap, was = before
    if person is None:
        person = _person_after(lk, ms, i0, i1)
    if person is None:
        cont = _continuing(lk, ms, i0, subject)
        if cont is not None:
            person, was = cont
    if person is None:
        # 'Đến năm 1994, ông được bầu làm Bí thư ...': the pronoun is the person the story was last about
        person = lk.pronoun_subject(sent_start, start(ms[i0]))
    if person is None or not resolved(person):
        return [], was
    if before_gap in LIST_VERBS and person is ms[i0 - 1]:
        return _list_holders(lk, ms, i0), was
    return [person], was


def _last_person_before(lk: Linker, at: int) -> Span | None:
    earlier = [p for p in lk.persons if end(p) <= at]
    return max(earlier, key=end) if earlier else None


def _career(lk: Linker, ms: list[Span], i0: int, sent_start: int) -> tuple[Span, bool] | None:
    """'Ông Khu gắn bó với VietBank với các vị trí A, B', 'Ông từng giữ nhiều chức
    vụ như A, B', 'Các vị trí quản lý đã từng phụ trách: a, b': the posts of a
    career, held by the person before (or the one the story is about); former
    when the words say so ('từng', 'trải qua')."""
    k = i0 - 1
    while k >= 0 and label(ms[k]) != "PERSON":
        k -= 1
    a = end(ms[k]) if k >= 0 else sent_start
    text = R.WS_RE.sub(" ", lk.doc._.text[a:start(ms[i0])]).strip().lower()
    cut = max((text.rfind(n) + len(n) for n in CAREER_NOUNS if n in text), default=-1)
    if cut < 0:
        return None
    tail = text[cut:].strip()
    colon = ":" in tail and tail.endswith(":")
    words = tail.rstrip(":").split()
    if not (tail in CAREER_TAILS or colon and len(words) <= 6 or words and words[-1] in CAREER_TAILS and len(words) <= 6):
        return None
    person = ms[k] if k >= 0 else None
    if person is None:
        opening = text[: text.find(next(n for n in CAREER_NOUNS if n in text))].split()
        if opening and opening[0] not in ("ông", "bà", "các", "những", "chức", "vị", "cương", "nhiều"):
            return None
        person = _last_person_before(lk, sent_start)
    if person is None:
        return None
    return person, any(w in text for w in PAST_WORDS)


def _members(lk: Linker, ms: list[Span], i: int) -> list[Span]:
    """'... gồm ông A, bà B và ông C': the persons of a member list starting after ms[i - 1]."""
    if i >= len(ms) or i == 0:
        return []
    g = gap(lk.doc, end(ms[i - 1]), start(ms[i])).rstrip(":").strip()
    g = strip_honorific(g)
    if len(g) > 40 or not any(g == w or g.endswith(" " + w) for w in MEMBER_LIST):
        return []
    out: list[Span] = []
    for k in range(i, len(ms)):
        if k > i and strip_honorific(gap(lk.doc, end(ms[k - 1]), start(ms[k])).rstrip(":").strip()) \
                not in ("", ",", "và", ", và", ";"):
            break
        if label(ms[k]) == "PERSON" and resolved(ms[k]):
            out.append(ms[k])
        elif label(ms[k]) not in ("TITLE", "ORGANIZATION"):
            break
    return out


def _sentence_positions(lk: Linker, sent_start: int, ms: list[Span], seen: set,
                        row: Span | None = None) -> list[dict]:
    facts: list[dict] = []
    subject: tuple[Span, int] | None = None  # the holder of the last chain and where it ended
    career: tuple[Span, bool] | None = None  # the person whose posts this sentence lists
    spans = chains(lk, ms)
    for chain, i0, i1 in spans:
        if row is not None and not any(label(m) == "PERSON" for m in ms):
            facts.extend(_chain_facts(lk, row, chain, seen, in_list=True))
            continue
        after = ms[i1] if i1 < len(ms) and label(ms[i1]) == "PERSON" else None
        if after is not None and resolved(after) and R.is_cap(attrs(ms[i0])["text"]) \
                and not gap(lk.doc, end(ms[i1 - 1]), start(after)):
            # 'gồm: Chủ tịch A, Phó Chủ tịch B': a title right before a name is that name's
            facts.extend(_chain_facts(lk, after, chain, seen))
            continue
        members = _members(lk, ms, i1)
        if members:  # 'thành viên HĐQT nhiệm kỳ 2021-2025 gồm ông A, bà B'
            for p in members:
                facts.extend(_chain_facts(lk, p, chain, seen))
            continue
        new_person = career is not None and any(label(m) == "PERSON" for m in ms[:i0] if start(m) >= subject[1])
        if career is None or new_person:
            career = _career(lk, ms, i0, sent_start)
        if career is not None:
            holders, was = [career[0]], career[1]
        else:
            holders, was = _holders(lk, ms, i0, i1, sent_start, subject)
        if not holders:
            continue
        subject = (holders[-1], end(ms[i1 - 1]))
        for holder in holders:
            facts.extend(_chain_facts(lk, holder, chain, seen, former=was, in_list=career is not None))
        facts.extend(_successor_facts(lk, ms, i1, chain, seen))
    facts.extend(_body_members(lk, ms, spans, seen))
    return facts


def _successor_facts(lk: Linker, ms: list[Span], i1: int, chain: Chain, seen: set) -> list[dict]:
    """'A được bổ nhiệm làm X thay cho ông B': B held X before."""
    if i1 < len(ms) and label(ms[i1]) == "PERSON" and resolved(ms[i1]) \
            and strip_honorific(gap(lk.doc, end(ms[i1 - 1]), start(ms[i1]))) in SUCCEEDS:
        return _chain_facts(lk, ms[i1], chain, seen, former=True)
    return []


def _body_members(lk: Linker, ms: list[Span], spans: list, seen: set) -> list[dict]:
    """'Hội đồng trường gồm ông A, bà B': each is a member of the body."""
    in_chain = {id(ln.target) for chain, _, _ in spans for ln in chain}
    facts: list[dict] = []
    for i, m in enumerate(ms):
        if label(m) != "ORGANIZATION" or id(m) in in_chain or not resolved(m):
            continue
        for p in _members(lk, ms, i + 1):
            f = _fact(lk, p, MEMBER_TITLE, resolved(m), entity_id(m), seen)
            if f:
                facts.append(f)
    return facts


def _table_rows(lk: Linker, by_sent: dict[int, list[Span]]) -> tuple[dict[int, Span], list[tuple[Span, int]]]:
    """Tables flattened into lines: a header row (TT / Họ tên / Chức vụ) one cell a
    line, then per row a number line, a name line and the lines of its posts.
    (sentence start -> the row's person, [(person, the header's sentence start)])."""
    text = lk.doc._.text
    sents = sentences(lk)
    rows: dict[int, Span] = {}
    holders: list[tuple[Span, int]] = []

    def cell(k: int) -> str:
        return R.fold_key(text[sents[k][0]:sents[k][1]]).strip(" :.")

    def header(k: int) -> bool:
        c = cell(k)
        return len(c) < 40 and any(c == h or c.startswith(h + "/") or c.startswith(h + " ") for h in TABLE_HEADER)

    k = 0
    while k < len(sents):
        j = k
        while j < len(sents) and header(j):
            j += 1
        if j - k < 2:
            k += 1
            continue
        intro = sents[k - 1][0] if k else -1
        holder, stray = None, 0
        while j < len(sents):
            a, b = sents[j]
            line = text[a:b].strip()
            ms = by_sent.get(a, [])
            if len(line) > 160:
                break
            if line.rstrip(".").isdigit():
                holder = None
            elif holder is None and ms and all(label(m) == "PERSON" for m in ms) and len(line) <= 60:
                holder = ms[0]
                if resolved(holder):
                    holders.append((holder, intro))
            elif holder is not None:
                rows[a] = holder
            elif ms or stray > 1:
                break
            else:
                stray += 1  # a cell the segmenter cut off its name ('SV.')
            j += 1
        k = j
    return rows, holders


def _table_members(lk: Linker, by_sent: dict[int, list[Span]], holders: list[tuple[Span, int]],
                   seen: set) -> list[dict]:
    """'Danh sách thành viên Hội đồng trường X như sau:' above a table: each row's
    person is a member of the body."""
    facts: list[dict] = []
    for person, intro in holders:
        for chain, _, _ in chains(lk, by_sent.get(intro, [])):
            for ln, (org, oid) in zip(chain, _bodies(lk, chain, False)):
                if org and R.fold_key(ln.title._.canonical) in LIST_TITLES:
                    f = _fact(lk, person, ln.title._.canonical, canonical_text(R.expand_abbreviations(org)),
                              oid, seen)
                    if f:
                        facts.append(f)
    return facts


def link(lk: Linker) -> list[dict]:
    by_sent: dict[int, list[Span]] = {}
    for m in lk.mentions:
        by_sent.setdefault(sentence(m)[0], []).append(m)
    seen: set = set()
    rows, holders = _table_rows(lk, by_sent)
    facts = [f for s, ms in by_sent.items() for f in _sentence_positions(lk, s, ms, seen, rows.get(s))]
    facts.extend(_table_members(lk, by_sent, holders, seen))
    # 'Tổng thống Putin' says less than 'Tổng thống Nga Vladimir Putin', and a
    # body guessed for a bare title yields to the one the text names for the
    # same person and title ('Bộ trưởng Phan Văn Giang' after 'Bộ trưởng Bộ Quốc phòng')
    named = {(f["person"], R.fold_key(f["title"])) for f in facts if f["organization"] and not f.get("_inferred")}
    out = []
    for f in facts:
        inferred = f.pop("_inferred", False)
        if (not f["organization"] or inferred) and (f["person"], R.fold_key(f["title"])) in named:
            continue
        out.append(f)
    return out


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
            if e["type"] != "ORGANIZATION":
                continue
            top = _outer(e["canonical"])
            cls = attrs(e["spans"][0]).get("cls")
            if not (R.fold_key(top).startswith(INSTITUTION_HEADS) or cls in INSTITUTION_CLASSES):
                continue
            k = group_key("ORGANIZATION", top)
            counts[k] += len(e["spans"])
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


def _bodies(lk: Linker, chain: Chain, in_list: bool) -> list[tuple[str | None, str | None]]:
    """(organization, entity id) of each link: the body named after the title; an
    inner body printed alone takes the chain's outermost named body ('Bí thư Đảng
    ủy, Cục trưởng Cục X' -> 'Đảng ủy Cục X'; a 'Chi bộ' the next one), else the
    institution the story is about."""
    bodies = [lk.body_of(ln.title, ln.target) for ln in chain]
    full: list[str | None] = []
    for ln, (org, oid) in zip(chain, bodies):
        named = org if org and oid != INFERRED and _inner(ln.target) is None else None
        parent = resolved(ln.parent) if ln.parent is not None else None
        full.append(parent or named)
    out = []
    for n, (ln, (org, oid)) in enumerate(zip(chain, bodies)):
        inner = _inner(ln.target)
        parent = resolved(ln.parent) if ln.parent is not None else None
        if ln.target is not None and label(ln.target) == "ORGANIZATION" and (org is None or oid == INFERRED):
            later = [b for b in full[n + 1:] if b]
            base = f"{attrs(ln.target)['name']} {ln.unit}".strip()
            if inner is not None:
                nearest = R.fold_key(inner).startswith(R.fold_key("Chi bộ"))
                anchor = parent or (later[0] if nearest else later[-1]) if (parent or later) else main_body(lk)
                org, oid = (_compose(base, anchor) if anchor else None), None
            elif parent:
                org, oid = _compose(base, parent), None
            elif len(base.split(" ")) >= 3:
                org, oid = base, None  # 'Ban Chấp hành Trung ương Đảng': a whole name the story does not fill
        hint = attrs(ln.title).get("hint") or ""
        if org is None and in_list and ln.target is None and hint and main_body(lk):
            # a bare title in a table row or a career list: the story's institution
            # ('Đảng ủy viên' -> 'Đảng ủy' of it)
            inner_hint = R.fold_key(hint) in INNER
            org, oid = (_compose(hint, main_body(lk)) if inner_hint else main_body(lk)), None
        out.append((org, oid))
    return out


def _chain_facts(lk: Linker, person: Span, chain: Chain, seen: set, former: bool = False,
                 in_list: bool = False) -> list[dict]:
    """One position per (title, body) of the chain, held by ``person``."""
    facts: list[dict] = []
    if not resolved(person):
        return facts
    bodies = _bodies(lk, chain, in_list)
    for n, (title, target) in enumerate(chain):
        org, org_id = bodies[n]
        if org is None and target is not None and attrs(target).get("cls") == "business":
            # 'Phó Chủ tịch HĐQT - Tổng Giám đốc LienVietPostBank': the company's board
            later = next((b for b, _ in bodies[n + 1:] if b), None)
            if later:
                org, org_id = f"{attrs(target)['name']} {later}", None
        org = canonical_text(R.expand_abbreviations(org)) if org else None
        fact = _fact(lk, person, title, org, org_id, seen, former)
        if fact:
            facts.append(fact)
    return facts


def _fact(lk: Linker, person: Span, title: Span | str, org: str | None, org_id: str | None,
          seen: set, former: bool = False) -> dict | None:
    """The position (person, title, org) once per article; a title is a TITLE
    mention or a title given by the text's structure ('Thành viên' of a member list)."""
    if isinstance(title, str):
        tcanon, tid, evidence, was = title, None, sentence(person), former
    else:
        tcanon, tid, evidence = resolved(title) or title._.canonical, entity_id(title), sentence(title)
        was = former or bool(attrs(title).get("former"))
    if org is None and R.fold_key(tcanon) in R.job_titles():
        return None  # 'phóng viên', 'giáo viên' with no body: an occupation
    k = (resolved(person), R.fold_key(tcanon), group_key("ORGANIZATION", org or ""))
    if k in seen:
        return None
    seen.add(k)
    fact = {"type": "position", "person": resolved(person), "title": tcanon, "organization": org,
            "person_id": entity_id(person), "title_id": tid, "organization_id": org_id,
            "evidence": evidence}
    if was:
        fact["former"] = True
    if org_id == INFERRED:
        fact["organization_id"] = None
        fact["_inferred"] = True
    return fact


# --------------------------------------------------------------------------- scoring

def _show(p: dict[str, Any]) -> dict[str, Any]:
    return pick(p, ("person", "title", "organization"))


def _gold_strict(gold: list[dict]) -> list[Item]:
    return unique(Item((alternatives(p.get("person")), alternatives(p.get("title")),
                        alternatives(p.get("organization"))), _show(p)) for p in gold)


def _pred_strict(facts: list[dict]) -> list[Item]:
    return unique(Item((key(f.get("person")), key(f.get("title")), key(f.get("organization"))), _show(f))
                  for f in facts)


def _gold_person_title(gold: list[dict]) -> list[Item]:
    return unique(Item((alternatives(p.get("person")), alternatives(p.get("title"))), pick(p, ("person", "title")))
                  for p in gold)


def _pred_person_title(facts: list[dict]) -> list[Item]:
    return unique(Item((key(f.get("person")), key(f.get("title"))), pick(f, ("person", "title"))) for f in facts)


def _html(f: dict[str, Any], c: Any) -> str:
    return (f"<b>{c.ref(f.get('person'), f.get('person_id'))}</b> — "
            f"{c.ref(f.get('title'), f.get('title_id'))} — "
            f"{c.ref(f.get('organization'), f.get('organization_id'))}"
            + (' <span class="muted">(former)</span>' if f.get("former") else ""))


POSITION = register(FactType(
    name="position",
    model=PositionFact,
    link=link,
    metrics=(
        Metric("positions", "positions", _gold_strict, _pred_strict, all_match, aliases=("positions_strict",)),
        Metric("positions_person_title", "positions", _gold_person_title, _pred_person_title, all_match,
               aliases=("person_title",)),
    ),
    html=_html,
    columns=(Column("person", "TEXT", lambda f: f.get("person")),
             Column("title", "TEXT", lambda f: f.get("title")),
             Column("organization", "TEXT", lambda f: f.get("organization"))),
    refs=(("person_id", "PERSON"), ("title_id", "TITLE"), ("organization_id", None)),
))
