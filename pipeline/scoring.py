"""Score pipeline output against gold annotations (CONTRACT section 4).

Metrics (keys of every result): ``persons``, ``organizations``, ``positions``
(strict: person, title and organization equal), ``positions_person_title``
(person and title equal) and ``quantities``.

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
import re
import unicodedata
from collections.abc import Callable, Hashable, Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

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

METRICS: tuple[str, ...] = (
    "persons",
    "organizations",
    "positions",
    "positions_person_title",
    "quantities",
)
METRIC_ALIASES: dict[str, str] = {
    "positions_strict": "positions",
    "person_title": "positions_person_title",
}

ABBREVIATIONS_PATH = Path(__file__).parent / "data" / "abbreviations_scoring.tsv"
QUANTITY_TOLERANCE = 0.005

# --------------------------------------------------------------------------
# Normalization
# --------------------------------------------------------------------------

_DASHES = "-\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe58\ufe63\uff0d"
_DASH_RE = re.compile(f"[{re.escape(_DASHES)}]")
_DROP_TABLE = str.maketrans("", "", "\"'“”‘’„‟«»‹›()[]{}")
_SPACE_RE = re.compile(r"\s+")
_TRIM = " \t\r\n\f\v,.;:"
_TONE_MARKS = frozenset("\u0300\u0301\u0303\u0309\u0323")
_SYLLABLE_RE = re.compile(r"[\w\u0300-\u036f]+")


@lru_cache(maxsize=1)
def _abbreviations() -> tuple[re.Pattern[str], dict[str, str]]:
    """Load the abbreviation table once; return (pattern, group -> expansion)."""
    rows: list[tuple[str, str]] = []
    for line in ABBREVIATIONS_PATH.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        abbrev, expansion = line.split("\t", 1)
        rows.append((unicodedata.normalize("NFC", abbrev.strip()),
                     unicodedata.normalize("NFC", expansion.strip())))
    rows.sort(key=lambda row: len(row[0]), reverse=True)  # longest form first
    alternatives: list[str] = []
    expansions: dict[str, str] = {}
    for i, (abbrev, expansion) in enumerate(rows):
        parts: list[str] = []
        for ch in abbrev:
            if ch.isspace():
                parts.append(r"\s+")
            elif ch in _DASHES:
                parts.append(rf"\s*[{re.escape(_DASHES)}]\s*")
            elif ch == "&":
                parts.append(r"\s*&\s*")
            else:
                parts.append(re.escape(ch))
        alternatives.append(f"(?P<a{i}>{''.join(parts)})")
        expansions[f"a{i}"] = expansion
    pattern = re.compile(
        rf"(?<!\w)(?:{'|'.join(alternatives)})(?!\w)(?P<dot>\.)?", re.IGNORECASE
    )
    return pattern, expansions


def _expand_abbreviations(s: str) -> str:
    pattern, expansions = _abbreviations()

    def repl(m: re.Match[str]) -> str:
        group = next(name for name in expansions if m.group(name) is not None)
        return expansions[group] + (" " if m.group("dot") else "")

    return pattern.sub(repl, s)


def _canonical_tones(s: str) -> str:
    """Move each syllable's tone marks to its end so placement does not matter."""

    def fix(m: re.Match[str]) -> str:
        syllable = m.group(0)
        tones = [c for c in syllable if c in _TONE_MARKS]
        if not tones:
            return syllable
        return "".join(c for c in syllable if c not in _TONE_MARKS) + "".join(tones)

    return unicodedata.normalize(
        "NFC", _SYLLABLE_RE.sub(fix, unicodedata.normalize("NFD", s))
    )


def normalize_name(s: str) -> str:
    """Comparison key of a name, per CONTRACT section 4 (not for display)."""
    s = unicodedata.normalize("NFC", s)
    s = s.translate(_DROP_TABLE)
    s = _SPACE_RE.sub(" ", s)
    s = _expand_abbreviations(s)
    s = _DASH_RE.sub(" - ", s)
    s = s.casefold()
    s = _SPACE_RE.sub(" ", s).strip(_TRIM)
    return _canonical_tones(s)


def _key(value: Any) -> str | None:
    """Normalized key of an optional string; empty or null gives None."""
    if value is None:
        return None
    key = normalize_name(str(value))
    return key or None


def _alternatives(value: Any) -> frozenset[str | None]:
    """Normalized alternatives of a gold value (a string, null, or a list)."""
    values = value if isinstance(value, list) else [value]
    return frozenset(_key(v) for v in values) or frozenset([None])


def _to_number(value: Any) -> float | None:
    if value is None or isinstance(value, bool):
        return None
    try:
        return float(value)
    except (TypeError, ValueError):
        return None


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
class _Item:
    """One scored item: its comparison key and the original value to report."""

    key: Any
    shown: Any


@dataclass
class _MetricResult:
    counts: Counts
    misses: list[Any]
    spurious: list[Any]


def _match(gold: Sequence[_Item], pred: Sequence[_Item],
           matches: Callable[[Any, Any], bool]) -> _MetricResult:
    pairs = _max_matching(len(gold), len(pred),
                          lambda i, j: matches(gold[i].key, pred[j].key))
    used = set(pairs.values())
    return _MetricResult(
        Counts(len(pairs), len(pred), len(gold)),
        [g.shown for i, g in enumerate(gold) if i not in pairs],
        [p.shown for j, p in enumerate(pred) if j not in used],
    )


def _unique(items: Iterable[_Item]) -> list[_Item]:
    """Keep the first item of each key (keys must be hashable)."""
    seen: set[Hashable] = set()
    out: list[_Item] = []
    for item in items:
        if item.key not in seen:
            seen.add(item.key)
            out.append(item)
    return out


# --------------------------------------------------------------------------
# Item extraction
# --------------------------------------------------------------------------


def _pred_entities(pred: dict[str, Any], etype: str) -> list[_Item]:
    items = []
    for ent in pred.get("entities") or []:
        if ent.get("type") != etype:
            continue
        name = ent.get("canonical") or ent.get("text")
        key = _key(name)
        if key is not None:
            items.append(_Item(key, name))
    return _unique(items)


def _pred_facts(pred: dict[str, Any], ftype: str) -> list[dict[str, Any]]:
    return [f for f in pred.get("facts") or [] if f.get("type") == ftype]


def _gold_names(gold: dict[str, Any], field_name: str) -> list[_Item]:
    return _unique(_Item(_alternatives(v), v) for v in gold.get(field_name) or [])


def _strip_position(p: dict[str, Any]) -> dict[str, Any]:
    return {k: p.get(k) for k in ("person", "title", "organization")}


def _gold_positions(gold: dict[str, Any]) -> list[_Item]:
    return _unique(
        _Item((_alternatives(p.get("person")), _alternatives(p.get("title")),
               _alternatives(p.get("organization"))), _strip_position(p))
        for p in gold.get("positions") or []
    )


def _pred_positions(pred: dict[str, Any]) -> list[_Item]:
    return _unique(
        _Item((_key(f.get("person")), _key(f.get("title")), _key(f.get("organization"))),
              _strip_position(f))
        for f in _pred_facts(pred, "position")
    )


def _gold_person_titles(gold: dict[str, Any]) -> list[_Item]:
    return _unique(
        _Item((_alternatives(p.get("person")), _alternatives(p.get("title"))),
              {"person": p.get("person"), "title": p.get("title")})
        for p in gold.get("positions") or []
    )


def _pred_person_titles(pred: dict[str, Any]) -> list[_Item]:
    return _unique(
        _Item((_key(f.get("person")), _key(f.get("title"))),
              {"person": f.get("person"), "title": f.get("title")})
        for f in _pred_facts(pred, "position")
    )


def _strip_quantity(q: dict[str, Any]) -> dict[str, Any]:
    return {k: q.get(k) for k in ("value", "unit", "qualifier")}


def _gold_quantities(gold: dict[str, Any]) -> list[_Item]:
    return [_Item((_to_number(q.get("value")), _alternatives(q.get("unit"))),
                  _strip_quantity(q))
            for q in gold.get("quantities") or []]


def _pred_quantities(pred: dict[str, Any]) -> list[_Item]:
    return [_Item((_to_number(f.get("value")), _key(f.get("unit"))), _strip_quantity(f))
            for f in _pred_facts(pred, "quantity")]


# --------------------------------------------------------------------------
# Match predicates (gold key, predicted key)
# --------------------------------------------------------------------------


def _name_matches(gold: frozenset[str | None], pred: str | None) -> bool:
    return pred in gold


def _position_matches(gold: tuple[frozenset[str | None], ...],
                      pred: tuple[str | None, ...]) -> bool:
    return all(p in g for g, p in zip(gold, pred, strict=True))


def _value_matches(gold: float | None, pred: float | None) -> bool:
    if gold is None or pred is None:
        return gold is None and pred is None
    if gold == 0:
        return pred == 0
    return abs(pred - gold) <= QUANTITY_TOLERANCE * abs(gold)


def _unit_matches(gold: str | None, pred: str | None) -> bool:
    if gold is None or pred is None:
        return gold is None and pred is None
    short, long_ = sorted((gold, pred), key=len)
    return long_ == short or long_.startswith(short + " ")


def _quantity_matches(gold: tuple[float | None, frozenset[str | None]],
                      pred: tuple[float | None, str | None]) -> bool:
    return _value_matches(gold[0], pred[0]) and any(
        _unit_matches(unit, pred[1]) for unit in gold[1])


# --------------------------------------------------------------------------
# Documents
# --------------------------------------------------------------------------


def _score_detail(gold: dict[str, Any], pred: dict[str, Any]) -> dict[str, _MetricResult]:
    return {
        "persons": _match(_gold_names(gold, "persons"),
                          _pred_entities(pred, "PERSON"), _name_matches),
        "organizations": _match(_gold_names(gold, "organizations"),
                                _pred_entities(pred, "ORGANIZATION"), _name_matches),
        "positions": _match(_gold_positions(gold), _pred_positions(pred),
                            _position_matches),
        "positions_person_title": _match(_gold_person_titles(gold),
                                         _pred_person_titles(pred), _position_matches),
        "quantities": _match(_gold_quantities(gold), _pred_quantities(pred),
                             _quantity_matches),
    }


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
    for name in ("persons", "organizations", "positions", "quantities"):
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
            for m in METRICS:
                totals[m] = totals[m] + doc.counts[m]
        return totals

    @property
    def macro(self) -> dict[str, dict[str, float]]:
        """Mean per-article precision, recall and F1 (1.0 when there are no articles)."""
        n = len(self.documents)
        out: dict[str, dict[str, float]] = {}
        for m in METRICS:
            cs = [d.counts[m] for d in self.documents]
            out[m] = {
                "precision": sum(c.precision for c in cs) / n if n else 1.0,
                "recall": sum(c.recall for c in cs) / n if n else 1.0,
                "f1": sum(c.f1 for c in cs) / n if n else 1.0,
            }
        return out

    def misses(self, metric: str) -> list[tuple[str, Any]]:
        """(doc, gold item) for every gold item no prediction matched."""
        metric = resolve_metric(metric)
        return [(d.doc, item) for d in self.documents for item in d.misses[metric]]

    def spurious(self, metric: str) -> list[tuple[str, Any]]:
        """(doc, predicted item) for every prediction that matched no gold item."""
        metric = resolve_metric(metric)
        return [(d.doc, item) for d in self.documents for item in d.spurious[metric]]

    def format_table(self) -> str:
        micro, macro = self.micro, self.macro
        header = ("metric", "P", "R", "F1 micro", "F1 macro", "tp", "pred", "gold")
        rows = [header] + [
            (m, f"{micro[m].precision:.3f}", f"{micro[m].recall:.3f}",
             f"{micro[m].f1:.3f}", f"{macro[m]['f1']:.3f}",
             str(micro[m].tp), str(micro[m].n_pred), str(micro[m].n_gold))
            for m in METRICS
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
                for item in d.misses[m]:
                    echo(f"  {m} miss: {_show(item)}")
                for item in d.spurious[m]:
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
