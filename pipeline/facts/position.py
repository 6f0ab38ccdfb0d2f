"""``position``: who holds which title in which body (CONTRACT sections 1, 3, 4).

Positions are read from *title chains*: a title with the body right after it
(``Bí thư Đảng ủy``, ``Chủ tịch UBND phường X``, ``Tổng thống Mỹ``), joined to
the next title by ``,`` ``-`` ``–`` ``kiêm`` ``và``; the chain belongs to the
person right before it (``ông A, Bí thư ...``, ``A - Phó Chủ tịch ...``) or
right after it (``Bộ trưởng Bộ Công Thương Nguyễn Hồng Diên``).
"""
from __future__ import annotations

from typing import Any, Literal

from pydantic import Field
from spacy.tokens import Span

from .. import resources as R
from ..compare import Item, all_match, alternatives, key, pick, unique
from ..contract import Span as SpanModel, Strict
from ..normalize import canonical_text
from .linking import INFERRED, Linker, group_key, attrs, end, entity_id, gap, label, resolved, sentence, start, strip_honorific
from .registry import Column, FactType, Metric, register

SEP = R.word_set("sep")                      # what joins two titles of one chain
PERSON_BEFORE = R.word_set("person_before")  # what may stand between a person and the chain after it
LIST_VERBS = R.word_set("list_verbs")        # 'A, B và C được bầu làm ...': the list shares the title
#: what joins a subject's further posts in one sentence ('... nhưng đã thôi chức Chủ tịch nước')
CONTINUES = tuple(sorted(R.word_set("continues")))
SUCCEEDS = R.word_set("succeeds")            # 'A kế nhiệm B trở thành X': A takes X

Chain = list[tuple[Span, Span | None]]


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

def chains(lk: Linker, ms: list[Span]) -> list[tuple[Chain, int, int]]:
    """Title chains in one sentence: ([(title, target)], first index, end index)."""
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
            chain.append((t, target))
            i += 2 if target is not None else 1
            # one title over coordinated bodies: 'Chủ tịch HĐND và UBND xã X'
            while target is not None and i < len(ms) and label(ms[i]) == "ORGANIZATION" \
                    and gap(doc, end(ms[i - 1]), start(ms[i])) in ("và", ",", "-"):
                chain.append((t, ms[i]))
                i += 1
            if not (i < len(ms) and label(ms[i]) == "TITLE" and gap(doc, end(ms[i - 1]), start(ms[i])) in SEP):
                break
        out.append((chain, first, i))
    return out


def _person_before(lk: Linker, ms: list[Span], i0: int) -> tuple[Span, str, bool] | None:
    """'ông A, Bí thư ...', 'A từng là Bộ trưởng': (holder, the gap, held in the past)."""
    if i0 == 0 or label(ms[i0 - 1]) != "PERSON":
        return None
    p, first = ms[i0 - 1], ms[i0]
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
    if g in {"", ",", "là", "-"} and (
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


def _sentence_positions(lk: Linker, sent_start: int, ms: list[Span], seen: set) -> list[dict]:
    facts: list[dict] = []
    subject: tuple[Span, int] | None = None  # the holder of the last chain and where it ended
    for chain, i0, i1 in chains(lk, ms):
        after = ms[i1] if i1 < len(ms) and label(ms[i1]) == "PERSON" else None
        if after is not None and resolved(after) and R.is_cap(attrs(ms[i0])["text"]) \
                and not gap(lk.doc, end(ms[i1 - 1]), start(after)):
            # 'gồm: Chủ tịch A, Phó Chủ tịch B': a title right before a name is that name's
            facts.extend(_chain_facts(lk, after, chain, seen))
            continue
        holders, was = _holders(lk, ms, i0, i1, sent_start, subject)
        if not holders:
            continue
        subject = (holders[-1], end(ms[i1 - 1]))
        for holder in holders:
            facts.extend(_chain_facts(lk, holder, chain, seen, former=was))
    return facts


def link(lk: Linker) -> list[dict]:
    by_sent: dict[int, list[Span]] = {}
    for m in lk.mentions:
        by_sent.setdefault(sentence(m)[0], []).append(m)
    seen: set = set()
    facts = [f for s, ms in by_sent.items() for f in _sentence_positions(lk, s, ms, seen)]
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


def _chain_facts(lk: Linker, person: Span, chain: Chain, seen: set, former: bool = False) -> list[dict]:
    """One position per (title, body) of the chain, held by ``person``."""
    facts: list[dict] = []
    if not resolved(person):
        return facts
    bodies = [lk.body_of(title, target) for title, target in chain]
    for n, (title, target) in enumerate(chain):
        org, org_id = bodies[n]
        if org is None and target is not None and attrs(target).get("cls") == "business":
            # 'Phó Chủ tịch HĐQT - Tổng Giám đốc LienVietPostBank': the company's board
            later = next((b for b, _ in bodies[n + 1:] if b), None)
            if later:
                org, org_id = f"{attrs(target)['name']} {later}", None
        org = canonical_text(R.expand_abbreviations(org)) if org else None
        tcanon = resolved(title) or title._.canonical
        if org is None and R.fold_key(tcanon) in R.job_titles():
            continue  # 'phóng viên', 'giáo viên' with no body: an occupation
        k = (resolved(person), R.fold_key(tcanon), group_key("ORGANIZATION", org or ""))
        if k in seen:
            continue
        seen.add(k)
        fact = {"type": "position", "person": resolved(person), "title": tcanon, "organization": org,
                "person_id": entity_id(person), "title_id": entity_id(title), "organization_id": org_id,
                "evidence": sentence(title)}
        if attrs(title).get("former") or former:
            fact["former"] = True
        if org_id == INFERRED:
            fact["organization_id"] = None
            fact["_inferred"] = True
        facts.append(fact)
    return facts


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
