"""The fact-type registry: one :class:`FactType` per kind of fact, registered
once by its module, read by the linker stage, the output model, ``eval``,
``show``/``report`` and the stores (none of which knows a fact type by name).

A fact type brings:

* ``link``: a function over the shared :class:`~pipeline.facts.linking.Linker`
  (the Doc and its layers) returning fact dicts with offsets into the
  normalized text: ``evidence`` and every field named in ``texts`` are
  ``(start, end)`` pairs that :func:`export` maps back to the raw text;
* ``model``: its pydantic model (a member of the output's ``facts`` union);
* ``refs``: ``(field, entity type or None)`` pairs the output checks;
* ``metrics``: how ``eval`` extracts gold and predicted items and matches them;
* ``html``: its cell in the facts table of ``show``/``report``;
* ``columns``: its typed columns in the stores' ``facts`` table.
"""
from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from ..compare import Item


@dataclass(frozen=True)
class Metric:
    """One ``eval`` metric: gold items from the gold file's ``gold_key`` list,
    predicted items from the facts of its type, and their match predicate
    ``matches(gold key, predicted key)``.  An ``optional`` metric is scored only
    for gold files that carry the key (CONTRACT section 5)."""

    name: str
    gold_key: str
    gold: Callable[[Sequence[dict[str, Any]]], list[Item]]
    pred: Callable[[Sequence[dict[str, Any]]], list[Item]]
    matches: Callable[[Any, Any], bool]
    optional: bool = False
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True)
class Column:
    """A typed column of the stores' ``facts`` table: ``sql`` is ``TEXT``,
    ``DOUBLE PRECISION``, ``INTEGER``, ``BOOLEAN`` or ``JSON`` (the store's JSON type)."""

    name: str
    sql: str
    get: Callable[[dict[str, Any]], Any]


@dataclass(frozen=True)
class Cells:
    """What a fact type's HTML cell may use: escaping, a link to an entity
    (``ref(name, entity id)``) and number formatting."""

    esc: Callable[[Any], str]
    ref: Callable[[Any, Any], str]
    value: Callable[[Any], str]


@dataclass(frozen=True)
class FactType:
    name: str
    model: type
    link: Callable[[Any], list[dict[str, Any]]]
    metrics: tuple[Metric, ...] = ()
    html: Callable[[dict[str, Any], Cells], str] | None = None
    columns: tuple[Column, ...] = ()
    refs: tuple[tuple[str, str | None], ...] = ()
    texts: tuple[str, ...] = ()


REGISTRY: dict[str, FactType] = {}


def register(ft: FactType) -> FactType:
    """Add a fact type (once; the order of registration is the order of the output)."""
    if ft.name in REGISTRY:
        raise ValueError(f"fact type {ft.name!r} registered twice")
    types = {c.name: c.sql for t in REGISTRY.values() for c in t.columns}
    for c in ft.columns:
        if types.get(c.name, c.sql) != c.sql:
            raise ValueError(f"column {c.name!r} of {ft.name!r} is {c.sql}, elsewhere {types[c.name]}")
    known = {m.name for t in REGISTRY.values() for m in t.metrics}
    for m in ft.metrics:
        if m.name in known:
            raise ValueError(f"metric {m.name!r} of {ft.name!r} exists already")
    REGISTRY[ft.name] = ft
    return ft


def facts_of(facts: Sequence[dict[str, Any]] | None, ftype: str) -> list[dict[str, Any]]:
    """The facts of one type among an output's ``facts``."""
    return [f for f in facts or [] if isinstance(f, dict) and f.get("type") == ftype]


def export(fact: dict[str, Any], to_raw: Callable[[int, int], tuple[int, int]], raw: str) -> dict[str, Any]:
    """A linker's fact as written: offsets mapped to the raw text, ``evidence``
    as ``{start, end}``, each text field as ``{start, end, text}``."""
    out = dict(fact)
    a, b = to_raw(*fact["evidence"])
    out["evidence"] = {"start": a, "end": b}
    for name in REGISTRY[fact["type"]].texts:
        if out.get(name) is not None:
            a, b = to_raw(*out[name])
            out[name] = {"start": a, "end": b, "text": raw[a:b]}
    return out
