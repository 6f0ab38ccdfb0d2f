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

from .. import resources as R
from ..compare import Item, all_match, alternatives, key, pick, unique
from ..contract import Span as SpanModel, Strict
from ..normalize import canonical_text
from ..records import Annotation as Span  # a mention record
from .linking import (INFERRED, Linker, end, entity_id, gap, group_key, label, resolved, sentence, start,
                      strip_honorific)
from .position_chains import Chain, bodies, chains, serves
from .position_lists import career, members, named_as, table_rows
from .position_sport import club_body, coach_facts
from .registry import Column, FactType, Metric, register

PERSON_BEFORE = R.word_set("person_before")  # what may stand between a person and the chain after it
MEMBER_TITLE = "Thành viên"
LIST_TITLES = R.word_set("list_titles")     # 'Danh sách thành viên X:' above a table
LIST_VERBS = R.word_set("list_verbs")        # 'A, B và C được bầu làm ...': the list shares the title
#: what joins a subject's further posts in one sentence ('... nhưng đã thôi chức Chủ tịch nước')
CONTINUES = tuple(sorted(R.word_set("continues")))
AFTER_GAPS = R.word_set("person_after")      # 'Giám đốc Sở Y tế, ông A', '... đối với TS A'
SUCCEEDS = R.word_set("succeeds")            # 'A kế nhiệm B trở thành X': A takes X
LED_BY = R.word_set("led_by")                # 'Đoàn X do ông A làm Trưởng đoàn'
LED_VERBS = R.word_set("led_verbs")           # ... 'Bệnh viện X (nơi ông A từng làm Giám đốc)'
RELATIVE = R.word_set("relative_person")     # 'A - người được bổ nhiệm làm X'


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
    g = R.AGE_ASIDE_RE.sub("", g)  # 'ông A, 51 tuổi, trở thành ...'
    # 'ông A - người trở thành Bộ trưởng ...': the relative clause is A's
    relative = next((r for r in RELATIVE if g.startswith(r + " ")), None)
    g = g[len(relative):].strip() if relative else g
    past = g.startswith("từng ") or g == "từng"
    g = g[len("từng"):].strip() if past else g
    if g not in PERSON_BEFORE or not (g or R.is_cap(first.text)):
        return None
    # 'A kế nhiệm ông B trở thành Bí thư': A takes the post
    if i0 > 1 and label(ms[i0 - 2]) == "PERSON" and relative is None:
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
            R.is_cap(first.text) or len(ms) > i0 + 1 and i1 - i0 >= 2
            or p.text.split(" ")[0] in R.surnames()):
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


def _sentence_positions(lk: Linker, sent_start: int, ms: list[Span], seen: set,
                        row: Span | None = None) -> list[dict]:
    facts: list[dict] = []
    subject: tuple[Span, int] | None = None  # the holder of the last chain and where it ended
    cv: tuple[Span, bool] | None = None  # the person whose posts this sentence lists
    spans = chains(lk, ms)
    served: set[int] = set()  # persons a title is held for ('Thư ký của Thủ tướng A'): not holders of what follows
    for chain, i0, i1 in spans:
        if row is not None and not any(label(m) == "PERSON" for m in ms):
            facts.extend(_chain_facts(lk, row, chain, seen, in_list=True))
            continue
        listed = _named_holders(lk, ms, i0, i1, served)
        if listed:
            for p in listed:
                facts.extend(_chain_facts(lk, p, chain, seen))
            continue
        new_person = cv is not None and any(label(m) == "PERSON" and id(m) not in served
                                            for m in ms[:i0] if start(m) >= subject[1])
        if cv is None or new_person:
            cv = career(lk, ms, i0, sent_start)
        if cv is not None:
            holders, was = [cv[0]], cv[1]
        else:
            holders, was = _holders(lk, ms, i0, i1, sent_start, subject)
        if not holders:
            continue
        subject = (holders[-1], end(ms[i1 - 1]))
        led = _led_body(lk, ms, i0, chain, sent_start)
        if led is not None:  # 'Đoàn X do Thượng tướng A làm Trưởng đoàn': the body A leads
            f = _fact(lk, holders[-1], chain[0].title, led[0], led[1], seen, former=was)
            facts.extend([f] if f else [])
            continue
        for holder in holders:
            facts.extend(_chain_facts(lk, holder, chain, seen, former=was, in_list=cv is not None))
        facts.extend(_successor_facts(lk, ms, i1, chain, seen))
    facts.extend(_body_members(lk, ms, spans, seen))
    return facts


def _named_holders(lk: Linker, ms: list[Span], i0: int, i1: int, served: set[int]) -> list[Span]:
    """The persons the text names for the chain ms[i0:i1] right after it: the name
    after a capitalized title ('gồm: Chủ tịch A, Phó Chủ tịch B'), a member list
    ('thành viên HĐQT nhiệm kỳ 2021-2025 gồm ông A, bà B'), or 'là các ông A, B'.
    A person a title is held for ('Thư ký của Thủ tướng A') goes into ``served``."""
    after = ms[i1] if i1 < len(ms) and label(ms[i1]) == "PERSON" else None
    if after is not None and serves(lk, ms, i0):
        served.add(id(after))
    if after is not None and resolved(after) and R.is_cap(ms[i0].text) \
            and not gap(lk.doc, end(ms[i1 - 1]), start(after)):
        return [after]
    return members(lk, ms, i1) or named_as(lk, ms, i0, i1)


def _led_body(lk: Linker, ms: list[Span], i0: int, chain: Chain, sent_start: int) -> tuple[str, str | None] | None:
    """'Đoàn đại biểu X do Thượng tướng A làm Trưởng đoàn': the body before 'do A làm'
    (a body mention, or the words from the title's head noun: 'Đoàn ...')."""
    if len(chain) != 1 or chain[0].target is not None or i0 < 1 or label(ms[i0 - 1]) != "PERSON":
        return None
    p = ms[i0 - 1]
    if gap(lk.doc, end(p), start(ms[i0])) not in LED_VERBS:
        return None
    text = lk.text
    before = R.WS_RE.sub(" ", text[sent_start:start(p)]).rstrip()
    before = before[:len(strip_honorific(before.lower()))].rstrip()  # 'do Thượng tướng A'
    low = before.lower()
    by = next((w for w in sorted(LED_BY, key=len, reverse=True) if low == w or low.endswith((" " + w, "(" + w))), None)
    if by is None:
        return None
    if i0 >= 2 and label(ms[i0 - 2]) == "ORGANIZATION" and resolved(ms[i0 - 2]) \
            and strip_honorific(gap(lk.doc, end(ms[i0 - 2]), start(p))).lstrip(",( ") in LED_BY:
        return resolved(ms[i0 - 2]), entity_id(ms[i0 - 2])
    head = getattr(chain[0].title.info, "hint", "") or ""
    name = before[:len(before) - len(by)].rstrip()
    at = name.rfind(head + " ") if head else -1
    if at < 0 or any(c in name[at:] for c in ",.;:()"):
        return None
    return name[at:], None


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
        for p in members(lk, ms, i + 1):
            f = _fact(lk, p, MEMBER_TITLE, resolved(m), entity_id(m), seen)
            if f:
                facts.append(f)
    return facts


def _table_members(lk: Linker, by_sent: dict[int, list[Span]], holders: list[tuple[Span, int]],
                   seen: set) -> list[dict]:
    """'Danh sách thành viên Hội đồng trường X như sau:' above a table: each row's
    person is a member of the body."""
    facts: list[dict] = []
    for person, intro in holders:
        for chain, _, _ in chains(lk, by_sent.get(intro, [])):
            for ln, (org, oid) in zip(chain, bodies(lk, chain, False)):
                if org and R.fold_key(ln.title.canonical) in LIST_TITLES:
                    f = _fact(lk, person, ln.title.canonical, canonical_text(R.expand_abbreviations(org)),
                              oid, seen)
                    if f:
                        facts.append(f)
    return facts


def link(lk: Linker) -> list[dict]:
    by_sent: dict[int, list[Span]] = {}
    for m in lk.mentions:
        by_sent.setdefault(sentence(m)[0], []).append(m)
    seen: set = set()
    rows, holders = table_rows(lk, by_sent)
    facts = [f for s, ms in by_sent.items() for f in _sentence_positions(lk, s, ms, seen, rows.get(s))]
    facts.extend(_table_members(lk, by_sent, holders, seen))
    facts.extend(coach_facts(lk, lambda p, title, org, oid: _fact(lk, p, title, org, oid, seen)))
    for f in facts:  # 'Chủ tịch Florentino Perez' in a story about Real Madrid
        club = club_body(lk, f)
        if club:
            f["organization"], f["organization_id"] = club
    # 'Tổng thống Putin' says less than 'Tổng thống Nga Vladimir Putin', and a
    # body guessed for a bare title yields to the one the text names for the
    # same person and title ('Bộ trưởng Phan Văn Giang' after 'Bộ trưởng Bộ Quốc phòng')
    named = {(f["person"], R.fold_key(f["title"])) for f in facts if f["organization"] and not f.get("_inferred")}
    # ... and a body that another of the same post completes ('Bộ Quốc phòng' beside 'Bộ Quốc phòng Trung Quốc')
    fuller: dict[tuple[str, str], list[str]] = {}
    for f in facts:
        if f["organization"]:
            fuller.setdefault((f["person"], R.fold_key(f["title"])), []).append(R.fold_key(f["organization"]))
    out = []
    for f in facts:
        inferred = f.pop("_inferred", False)
        k = (f["person"], R.fold_key(f["title"]))
        if (not f["organization"] or inferred) and k in named:
            continue
        if f["organization"] and any(o.startswith(R.fold_key(f["organization"]) + " ") for o in fuller.get(k, ())):
            continue
        out.append(f)
    return out


def _chain_facts(lk: Linker, person: Span, chain: Chain, seen: set, former: bool = False,
                 in_list: bool = False) -> list[dict]:
    """One position per (title, body) of the chain, held by ``person``."""
    facts: list[dict] = []
    if not resolved(person):
        return facts
    found = bodies(lk, chain, in_list)
    for n, (title, target) in enumerate(chain):
        org, org_id = found[n]
        if org is None and target is not None and getattr(target.info, "cls", None) == "business":
            # 'Phó Chủ tịch HĐQT - Tổng Giám đốc LienVietPostBank': the company's board
            later = next((b for b, _ in found[n + 1:] if b), None)
            if later:
                org, org_id = f"{target.info.name} {later}", None
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
        tcanon, tid, evidence = resolved(title) or title.canonical, entity_id(title), sentence(title)
        was = former or bool(getattr(title.info, "former", False))
    if org is None and R.fold_key(tcanon) in R.job_titles():
        return None  # 'phóng viên', 'giáo viên' with no body: an occupation
    if org is None and not isinstance(title, str) and getattr(title.info, "category", "") == "member" \
            and not R.is_cap(title.text):
        return None  # 'thành viên' in running text of no body the text names: a description
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
