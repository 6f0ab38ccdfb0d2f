"""String comparison for scoring (CONTRACT section 4): the normalization key
of a name, gold alternatives, and the scored item with its one-to-one
de-duplication.  Shared by :mod:`pipeline.scoring` and the fact types of
:mod:`pipeline.facts` (each brings its own matchers).

* Strings are compared through :func:`normalize_name`, a comparison key (not a
  display form).  Abbreviations (``pipeline/data/abbreviations_scoring.tsv``)
  are expanded case-insensitively on whole tokens; an abbreviation dot right
  after one (``TP. Hà Nội``) belongs to the abbreviation.
* A gold value may be a list of alternatives; it matches when any one does.
"""
from __future__ import annotations

import re
import unicodedata
from collections.abc import Hashable, Iterable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

ABBREVIATIONS_PATH = Path(__file__).parent / "data" / "abbreviations_scoring.tsv"

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


def key(value: Any) -> str | None:
    """Normalized key of an optional string; empty or null gives None."""
    if value is None:
        return None
    key = normalize_name(str(value))
    return key or None


def alternatives(value: Any) -> frozenset[str | None]:
    """Normalized alternatives of a gold value (a string, null, or a list)."""
    values = value if isinstance(value, list) else [value]
    return frozenset(key(v) for v in values) or frozenset([None])


def to_number(value: Any) -> float | None:
    if value is None or isinstance(value, bool):
        return None
    try:
        return float(value)
    except (TypeError, ValueError):
        return None


@dataclass
class Item:
    """One scored item: its comparison key and the original value to report."""

    key: Any
    shown: Any


def unique(items: Iterable[Item]) -> list[Item]:
    """Keep the first item of each key (keys must be hashable)."""
    seen: set[Hashable] = set()
    out: list[Item] = []
    for item in items:
        if item.key not in seen:
            seen.add(item.key)
            out.append(item)
    return out


def pick(d: dict[str, Any], fields: Iterable[str]) -> dict[str, Any]:
    """The fields of a gold or predicted item that a report shows."""
    return {k: d.get(k) for k in fields}


def name_matches(gold: frozenset[str | None], pred: str | None) -> bool:
    return pred in gold


def all_match(gold: tuple[frozenset[str | None], ...], pred: tuple[str | None, ...]) -> bool:
    """Each predicted field is one of the gold field's alternatives."""
    return all(p in g for g, p in zip(gold, pred, strict=True))
