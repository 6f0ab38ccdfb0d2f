"""Score pipeline output against gold annotations (CONTRACT section 4).

Metrics: ``persons`` and ``organizations`` here; the fact types of
:mod:`pipeline.facts` bring theirs (``positions`` strict: person, title and
organization equal; ``positions_person_title``; ``quantities``; and the
section-5 metrics, scored only for gold files that carry their key).
String normalization lives in :mod:`pipeline.compare`.

Design choices:

* Strings are compared through :func:`normalize_name`, a comparison key (not a
  display form).  Abbreviations (``pipeline/data/abbreviations_scoring.tsv``)
  are expanded case-insensitively on whole tokens; an abbreviation dot right
  after one (``TP. Hà Nội``) belongs to the abbreviation.
* A gold value may be a list of alternatives; it matches when any one does.
  A position's organization may be null: null matches only null (an empty
  string counts as null).
* Each gold item matches at most one predicted item and vice versa, by a
  maximum bipartite matching (augmenting paths), so alternatives cannot steal.
* De-duplication: predicted persons / organizations are a set of normalized
  names; predicted strict positions a set of normalized triples; for
  person+title both sides count each distinct pair once (on the gold side,
  pairs with identical alternative sets).  Gold persons, organizations and
  positions drop items identical after normalization.  Quantities are never
  de-duplicated on either side: gold may list the same amount for different
  things (``5 trường`` tiểu học / THCS), so each predicted fact counts.
* Quantity values match within 0.5 % of the gold value (exactly when gold is
  0).  Units match when equal or when one is a whole-word prefix of the
  other; an empty unit (null or ``""``) matches only an empty unit.  The
  qualifier is not compared.
* Precision with no prediction is 1.0 when gold is empty too, else 0.0
  (recall likewise), so an article with nothing predicted and nothing in gold
  has F1 1.0.  Micro averages sum tp / pred / gold over articles; macro F1 is
  the mean of per-article F1 over all gold articles.
* A missing prediction file scores as an empty prediction and is reported.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .compare import Item, alternatives, key, name_matches, normalize_name, unique
from .facts import facts_of, fact_types
from .facts import metrics as fact_metrics

__all__ = [
    "METRICS",
    "METRIC_ALIASES",
    "Counts",
    "DocResult",
    "Report",
    "load_gold",
    "normalize_name",
    "run_eval",
    "score_dirs",
    "score_document",
]

# The metrics of the entities; the fact types bring theirs (pipeline.facts).
ENTITY_METRICS: tuple[str, ...] = ("persons", "organizations")
_FACT_METRICS = {m.name: m for m in fact_metrics()}
METRICS: tuple[str, ...] = ENTITY_METRICS + tuple(_FACT_METRICS)
#: metrics scored only for gold files that carry their key (CONTRACT section 5)
OPTIONAL_METRICS: frozenset[str] = frozenset(m.name for m in _FACT_METRICS.values() if m.optional)
METRIC_ALIASES: dict[str, str] = {alias: m.name for m in _FACT_METRICS.values() for alias in m.aliases}
_GOLD_LISTS = ("persons", "organizations") + tuple(dict.fromkeys(
    m.gold_key for m in _FACT_METRICS.values() if not m.optional))


# --------------------------------------------------------------------------
# Counts and matching
# --------------------------------------------------------------------------


def _ratio(num: int, den: int, other: int) -> float:
    if den == 0:
        return 1.0 if other == 0 else 0.0
    return num / den


def _f1(p: float, r: float) -> float:
    return 0.0 if p + r == 0 else 2 * p * r / (p + r)


@dataclass
class Counts:
    """True positives, predicted and gold item counts of one metric."""

    tp: int = 0
    n_pred: int = 0
    n_gold: int = 0

    @property
    def precision(self) -> float:
        return _ratio(self.tp, self.n_pred, self.n_gold)

    @property
    def recall(self) -> float:
        return _ratio(self.tp, self.n_gold, self.n_pred)

    @property
    def f1(self) -> float:
        return _f1(self.precision, self.recall)

    def __add__(self, other: Counts) -> Counts:
        return Counts(self.tp + other.tp, self.n_pred + other.n_pred,
                      self.n_gold + other.n_gold)

    def to_dict(self) -> dict[str, float | int]:
        return {"tp": self.tp, "n_pred": self.n_pred, "n_gold": self.n_gold,
                "precision": self.precision, "recall": self.recall, "f1": self.f1}


def _max_matching(n_gold: int, n_pred: int,
                  matches: Callable[[int, int], bool]) -> dict[int, int]:
    """Maximum one-to-one matching (Kuhn's augmenting paths); gold -> pred."""
    adj = [[j for j in range(n_pred) if matches(i, j)] for i in range(n_gold)]
    pred_owner: dict[int, int] = {}

    def augment(i: int, seen: set[int]) -> bool:
        for j in adj[i]:
            if j in seen:
                continue
            seen.add(j)
            if j not in pred_owner or augment(pred_owner[j], seen):
                pred_owner[j] = i
                return True
        return False

    for i in range(n_gold):
        augment(i, set())
    return {i: j for j, i in pred_owner.items()}


@dataclass
class _MetricResult:
    counts: Counts
    misses: list[Any]
    spurious: list[Any]


def _match(gold: Sequence[Item], pred: Sequence[Item],
           matches: Callable[[Any, Any], bool]) -> _MetricResult:
    pairs = _max_matching(len(gold), len(pred),
                          lambda i, j: matches(gold[i].key, pred[j].key))
    used = set(pairs.values())
    return _MetricResult(
        Counts(len(pairs), len(pred), len(gold)),
        [g.shown for i, g in enumerate(gold) if i not in pairs],
        [p.shown for j, p in enumerate(pred) if j not in used],
    )


# --------------------------------------------------------------------------
# Items and documents
# --------------------------------------------------------------------------


def _pred_entities(pred: dict[str, Any], etype: str) -> list[Item]:
    items = []
    for ent in pred.get("entities") or []:
        if ent.get("type") != etype:
            continue
        name = ent.get("canonical") or ent.get("text")
        k = key(name)
        if k is not None:
            items.append(Item(k, name))
    return unique(items)


def _gold_names(gold: dict[str, Any], field_name: str) -> list[Item]:
    return unique(Item(alternatives(v), v) for v in gold.get(field_name) or [])


def _score_detail(gold: dict[str, Any], pred: dict[str, Any]) -> dict[str, _MetricResult]:
    """Results per metric; an optional metric only when the gold carries its key."""
    out = {
        "persons": _match(_gold_names(gold, "persons"), _pred_entities(pred, "PERSON"), name_matches),
        "organizations": _match(_gold_names(gold, "organizations"),
                                _pred_entities(pred, "ORGANIZATION"), name_matches),
    }
    for ft in fact_types():
        facts = facts_of(pred.get("facts"), ft.name)
        for m in ft.metrics:
            if m.optional and gold.get(m.gold_key) is None:
                continue
            out[m.name] = _match(m.gold(gold.get(m.gold_key) or []), m.pred(facts), m.matches)
    return out


def score_document(gold: dict[str, Any], pred: dict[str, Any]) -> dict[str, Counts]:
    """Counts per metric for one article (gold annotation vs pipeline output)."""
    return {metric: result.counts for metric, result in _score_detail(gold, pred).items()}


def load_gold(path: str | Path) -> dict[str, Any]:
    """Read one gold annotation file; missing item lists default to empty."""
    path = Path(path)
    with path.open(encoding="utf-8") as fh:
        data = json.load(fh)
    if not isinstance(data, dict):
        raise ValueError(f"{path}: gold file must hold a JSON object")
    data.setdefault("doc", path.stem + ".txt")
    for name in _GOLD_LISTS:
        if data.get(name) is None:
            data[name] = []
    return data


@dataclass
class DocResult:
    """Scores of one gold article, with its unmatched items per metric."""

    doc: str
    pred_path: str
    missing: bool
    counts: dict[str, Counts]
    misses: dict[str, list[Any]] = field(default_factory=dict)
    spurious: dict[str, list[Any]] = field(default_factory=dict)


@dataclass
class Report:
    """Per-document results with micro and macro averages per metric."""

    documents: list[DocResult]

    @property
    def missing_predictions(self) -> list[str]:
        return [d.doc for d in self.documents if d.missing]

    @property
    def micro(self) -> dict[str, Counts]:
        totals = {m: Counts() for m in METRICS}
        for doc in self.documents:
            for m, c in doc.counts.items():
                totals[m] = totals[m] + c
        return totals

    def scored(self, metric: str) -> int:
        """How many articles a metric was scored on (optional metrics: those whose gold carries the key)."""
        return sum(metric in d.counts for d in self.documents)

    @property
    def macro(self) -> dict[str, dict[str, float]]:
        """Mean per-article precision, recall and F1 over the articles scored (1.0 when none)."""
        out: dict[str, dict[str, float]] = {}
        for m in METRICS:
            cs = [d.counts[m] for d in self.documents if m in d.counts]
            n = len(cs)
            out[m] = {
                "precision": sum(c.precision for c in cs) / n if n else 1.0,
                "recall": sum(c.recall for c in cs) / n if n else 1.0,
                "f1": sum(c.f1 for c in cs) / n if n else 1.0,
            }
        return out

    def misses(self, metric: str) -> list[tuple[str, Any]]:
        """(doc, gold item) for every gold item no prediction matched."""
        metric = resolve_metric(metric)
        return [(d.doc, item) for d in self.documents for item in d.misses.get(metric, [])]

    def spurious(self, metric: str) -> list[tuple[str, Any]]:
        """(doc, predicted item) for every prediction that matched no gold item."""
        metric = resolve_metric(metric)
        return [(d.doc, item) for d in self.documents for item in d.spurious.get(metric, [])]

    def format_table(self) -> str:
        micro, macro = self.micro, self.macro
        header = ("metric", "P", "R", "F1 micro", "F1 macro", "tp", "pred", "gold")
        rows = [header] + [
            (m, f"{micro[m].precision:.3f}", f"{micro[m].recall:.3f}",
             f"{micro[m].f1:.3f}", f"{macro[m]['f1']:.3f}",
             str(micro[m].tp), str(micro[m].n_pred), str(micro[m].n_gold))
            for m in METRICS if m not in OPTIONAL_METRICS or self.scored(m)
        ]
        widths = [max(len(r[i]) for r in rows) for i in range(len(header))]
        lines = ["  ".join(cell.ljust(w) if i == 0 else cell.rjust(w)
                           for i, (cell, w) in enumerate(zip(row, widths)))
                 for row in rows]
        lines.insert(1, "  ".join("-" * w for w in widths))
        lines.append(f"({len(self.documents)} documents, "
                     f"{len(self.missing_predictions)} without prediction; "
                     "P/R/F1 micro-averaged)")
        return "\n".join(lines)

    def to_dict(self) -> dict[str, Any]:
        micro, macro = self.micro, self.macro
        return {
            "metrics": {
                m: {"micro": micro[m].to_dict(), "macro": macro[m]} for m in METRICS
            },
            "missing_predictions": self.missing_predictions,
            "documents": [
                {
                    "doc": d.doc,
                    "pred_path": d.pred_path,
                    "missing": d.missing,
                    "counts": {m: c.to_dict() for m, c in d.counts.items()},
                    "misses": d.misses,
                    "spurious": d.spurious,
                }
                for d in self.documents
            ],
        }


def score_dirs(gold_dir: str | Path, pred_dir: str | Path) -> Report:
    """Score every ``<gold_dir>/*.json`` against ``<pred_dir>/<doc stem>.json``."""
    gold_paths = sorted(Path(gold_dir).glob("*.json"))
    if not gold_paths:
        raise ValueError(f"no gold files (*.json) in {gold_dir}")
    documents = []
    for gold_path in gold_paths:
        gold = load_gold(gold_path)
        doc = str(gold["doc"])
        pred_path = Path(pred_dir) / (Path(doc).stem + ".json")
        missing = not pred_path.is_file()
        if missing:
            pred: dict[str, Any] = {}
        else:
            try:
                pred = json.loads(pred_path.read_text(encoding="utf-8"))
            except json.JSONDecodeError as exc:
                raise ValueError(f"{pred_path}: invalid JSON: {exc}") from exc
        detail = _score_detail(gold, pred)
        documents.append(DocResult(
            doc=doc,
            pred_path=str(pred_path),
            missing=missing,
            counts={m: r.counts for m, r in detail.items()},
            misses={m: r.misses for m, r in detail.items()},
            spurious={m: r.spurious for m, r in detail.items()},
        ))
    return Report(documents)


# --------------------------------------------------------------------------
# CLI entry
# --------------------------------------------------------------------------


def resolve_metric(name: str) -> str:
    """Canonical metric key for a name or alias; ValueError when unknown."""
    metric = METRIC_ALIASES.get(name, name)
    if metric not in METRICS:
        known = ", ".join(list(METRICS) + list(METRIC_ALIASES))
        raise ValueError(f"unknown metric {name!r}; known metrics: {known}")
    return metric


def _show(item: Any) -> str:
    return item if isinstance(item, str) else json.dumps(item, ensure_ascii=False)


def run_eval(
    gold_dir: str | Path,
    pred_dir: str | Path,
    mins: dict[str, float] | None = None,
    json_out: str | Path | None = None,
    verbose: bool = False,
    echo: Callable[[str], Any] = print,
) -> int:
    """Score, print the table, check ``mins`` against micro F1; 0 if all hold else 1."""
    bounds = {resolve_metric(name): float(v) for name, v in (mins or {}).items()}
    report = score_dirs(gold_dir, pred_dir)
    echo(report.format_table())
    for doc in report.missing_predictions:
        echo(f"missing prediction: {doc} (scored as empty)")
    if verbose:
        for d in report.documents:
            echo(f"\n== {d.doc}")
            for m in METRICS:
                for item in d.misses.get(m, []):
                    echo(f"  {m} miss: {_show(item)}")
                for item in d.spurious.get(m, []):
                    echo(f"  {m} spurious: {_show(item)}")
    micro = report.micro
    failed = {m: b for m, b in bounds.items() if micro[m].f1 < b - 1e-12}
    for m, b in failed.items():
        echo(f"FAIL {m}: micro F1 {micro[m].f1:.4f} < {b:.4f}")
    if bounds and not failed:
        echo("all bounds hold: " + ", ".join(f"{m}>={b:g}" for m, b in bounds.items()))
    if json_out is not None:
        data = report.to_dict()
        data["bounds"] = {m: {"min": b, "f1": micro[m].f1, "ok": m not in failed}
                          for m, b in bounds.items()}
        Path(json_out).write_text(json.dumps(data, ensure_ascii=False, indent=2),
                                  encoding="utf-8")
    return 1 if failed else 0
