"""Fact types as plug-ins.  Each module of this package is one fact type that
registers itself (:mod:`.registry`): its linker, pydantic model, scoring
metrics, HTML cell and store columns.  To add a fact type, write one module
here, import it below (the order is the order of linking and of the output),
and add its tests and data files.
"""
from __future__ import annotations

from typing import Any

from spacy.tokens import Doc

from . import position, quantity, document, statement, event, award  # noqa: F401  (registration order = output order)
from .linking import Linker
from .registry import REGISTRY, Cells, Column, FactType, Metric, export, facts_of

__all__ = ["REGISTRY", "Cells", "Column", "FactType", "Metric", "export", "facts_of", "fact_types", "link", "metrics"]


def fact_types() -> list[FactType]:
    return list(REGISTRY.values())


def metrics() -> list[Metric]:
    """Every fact metric, in registration order."""
    return [m for ft in REGISTRY.values() for m in ft.metrics]


def link(doc: Doc) -> list[dict[str, Any]]:
    """Every registered type's facts for a processed Doc, type by type (a later
    type may read the earlier types' facts in ``Linker.results``)."""
    lk = Linker(doc)
    out: list[dict[str, Any]] = []
    for ft in REGISTRY.values():
        lk.results[ft.name] = ft.link(lk)
        out.extend(lk.results[ft.name])
    return out
