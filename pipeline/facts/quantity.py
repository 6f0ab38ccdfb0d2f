"""``quantity``: an amount of something (value, unit, qualifier) and what the
sentence states it about (CONTRACT sections 1, 3, 4)."""
from __future__ import annotations

from typing import Any, Literal


from ..compare import Item, alternatives, key, pick, to_number
from ..contract import Qualifier, Span as SpanModel, Strict
from ..records import Annotation, NumberInfo
from .linking import Linker, end, entity_id, label, resolved, start
from .registry import Column, FactType, Metric, register

TOLERANCE = 0.005  # values match within 0.5 % of the gold value


class QuantityFact(Strict):
    type: Literal["quantity"] = "quantity"
    value: float | int | None
    unit: str | None
    qualifier: Qualifier
    subject: str | None = None
    number_id: str | None = None
    evidence: SpanModel


def _subject(anchors: list[Annotation], a: Annotation) -> str | None:
    """The place, body or person the sentence states the amount about: the
    last one named before the number in its sentence, else the first after."""
    before = [m for m in anchors if a.sent_start <= start(m) and end(m) <= a.start]
    if before:
        return resolved(before[-1])
    later = [m for m in anchors if a.end <= start(m) and end(m) <= a.sent_end]
    return resolved(later[0]) if later else None


def _about(anchors: list[Annotation], places: list[Annotation], a: Annotation) -> tuple[int, str | None, str | None]:
    """(sentence, the place the sentence opens with, the nearest person before the amount)."""
    # the place a sentence opens with is what it counts about ('Tỉnh Bắc Kạn có một người')
    opening = [p for p in places if a.sent_start <= start(p) <= a.sent_start + 12]
    place = resolved(opening[0]) if opening and end(opening[0]) <= a.start else None
    near = [m for m in anchors if label(m) == "PERSON" and a.sent_start <= start(m) and end(m) <= a.start]
    return a.sent_start, place, (resolved(near[-1]) if near else None)


def _restates(prior: list[tuple[int, str | None, str | None]], about: tuple[int, str | None, str | None]) -> bool:
    """The same amount of the same noun in another sentence restates it, unless both
    sentences state it about different places ('Cần Thơ có một người ...', 'Bắc Kạn có
    một người ...') or about different persons ('ông A, 51 tuổi' / 'ông B (51 tuổi)');
    within one sentence it is an enumeration of different things."""
    sent, place, who = about
    return any(s != sent and (place is None or p == place) and (who is None or w is None or w == who)
               for s, p, w in prior)


def link(lk: Linker) -> list[dict]:
    facts = []
    seen: dict[tuple, list[tuple[int, str | None, str | None]]] = {}
    anchors = [m for m in lk.mentions if label(m) in ("LOCATION", "ORGANIZATION", "PERSON") and resolved(m)]
    places = [m for m in anchors if label(m) == "LOCATION"]
    for m in (lk.doc._.numbers or []):
        n = m.info
        if not (isinstance(n, NumberInfo) and n.is_quantity):
            continue
        about = _about(anchors, places, m)
        prior = seen.setdefault((n.value, (n.unit or "").lower()), [])
        if _restates(prior, about):
            continue
        prior.append(about)
        facts.append({
            "type": "quantity",
            "value": n.value,
            "unit": n.unit,
            "qualifier": n.qualifier or "exact",
            "subject": _subject(anchors, m),
            "number_id": entity_id(m),
            "evidence": (m.sent_start, m.sent_end),
        })
    return facts


# --------------------------------------------------------------------------- scoring

def _show(q: dict[str, Any]) -> dict[str, Any]:
    return pick(q, ("value", "unit", "qualifier"))


def _gold(gold: list[dict]) -> list[Item]:
    # never de-duplicated: gold may list the same amount for different things
    return [Item((to_number(q.get("value")), alternatives(q.get("unit"))), _show(q)) for q in gold]


def _pred(facts: list[dict]) -> list[Item]:
    return [Item((to_number(f.get("value")), key(f.get("unit"))), _show(f)) for f in facts]


def value_matches(gold: float | None, pred: float | None) -> bool:
    if gold is None or pred is None:
        return gold is None and pred is None
    if gold == 0:
        return pred == 0
    return abs(pred - gold) <= TOLERANCE * abs(gold)


def unit_matches(gold: str | None, pred: str | None) -> bool:
    """Equal, or one a whole-word prefix of the other; no unit matches only no unit."""
    if gold is None or pred is None:
        return gold is None and pred is None
    short, long_ = sorted((gold, pred), key=len)
    return long_ == short or long_.startswith(short + " ")


def matches(gold: tuple[float | None, frozenset[str | None]], pred: tuple[float | None, str | None]) -> bool:
    return value_matches(gold[0], pred[0]) and any(unit_matches(unit, pred[1]) for unit in gold[1])


def _html(f: dict[str, Any], c: Any) -> str:
    unit = f.get("unit") if f.get("unit") is not None else "(no unit)"
    return (f"<b>{c.esc(c.value(f.get('value')))}</b> {c.ref(unit, f.get('number_id'))}"
            f" <span class=\"muted\">{c.esc(f.get('qualifier'))}</span>"
            + (f" — subject: {c.esc(f.get('subject'))}" if f.get("subject") else ""))


QUANTITY = register(FactType(
    name="quantity",
    model=QuantityFact,
    link=link,
    metrics=(Metric("quantities", "quantities", _gold, _pred, matches),),
    html=_html,
    columns=(Column("value", "DOUBLE PRECISION", lambda f: float(f["value"]) if f.get("value") is not None else None),
             Column("unit", "TEXT", lambda f: f.get("unit")),
             Column("qualifier", "TEXT", lambda f: f.get("qualifier")),
             Column("subject", "TEXT", lambda f: f.get("subject"))),
    refs=(("number_id", "NUMBER"),),
))
