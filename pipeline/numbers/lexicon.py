"""The number lexicons of ``pipeline/data``, read once through :mod:`pipeline.resources`.

``number_words.tsv``   word -> (role, value): the numeral grammar of :mod:`.values`
``number_units.tsv``   unit surface -> (kind, canonical): what a number counts or measures
``number_context.tsv`` phrase -> argument, per role: qualifiers, cues, stop words

and, to mend a counted noun that the word segmentation cut (``800 thủy | điện``),
the word segmenter's dictionary (:func:`compound_words`).
"""
from __future__ import annotations

import unicodedata

from ..resources import data_rows


def nfc_lower(s: str) -> str:
    s = s.lower()
    if not s.isascii() and not unicodedata.is_normalized("NFC", s):
        s = unicodedata.normalize("NFC", s)
    return s


def unit_key(surface: str) -> str:
    """Lookup key of a unit surface: lowercased, single-spaced."""
    return " ".join(nfc_lower(surface).split())


def _number_words() -> dict[str, tuple[str, float]]:
    out: dict[str, tuple[str, float]] = {}
    for row in data_rows("number_words.tsv"):
        v = float(row[2])
        out[nfc_lower(row[0])] = (row[1], int(v) if v.is_integer() else v)
    return out


def _units() -> tuple[dict[str, tuple[str, str | None]], dict[str, set[str]]]:
    units: dict[str, tuple[str, str | None]] = {}
    exact_case: dict[str, set[str]] = {}
    for row in data_rows("number_units.tsv"):
        surface, kind = row[0], row[1]
        canon = row[2] if len(row) > 2 and row[2] else None
        key = unit_key(surface)
        units[key] = (kind, canon)
        if surface.isascii() and len(surface) <= 3:
            exact_case.setdefault(key, set()).add(surface)  # 'm' is no 'M', 'MW' no 'mw'
    return units, exact_case


def _context() -> dict[str, dict[tuple[str, ...], str]]:
    ctx: dict[str, dict[tuple[str, ...], str]] = {}
    for row in data_rows("number_context.tsv"):
        arg = row[2] if len(row) > 2 else ""
        ctx.setdefault(row[1], {})[tuple(nfc_lower(row[0]).split())] = arg
    return ctx


NUMWORDS = _number_words()
UNITS, UNITS_EXACT_CASE = _units()
CTX = _context()


def _single(role: str) -> frozenset[str]:
    return frozenset(k[0] for k in CTX.get(role, {}) if len(k) == 1)


STOP = frozenset(" ".join(k) for k in CTX.get("stop", {}))
NOT_AFTER_DONG = _single("not_after_dong")
NOT_BEFORE_DO = _single("not_before_do")
NOT_ORDINAL_AFTER = _single("not_ordinal_after")
VAGUE_BEFORE = _single("vague_before")
NOT_FIVE_AFTER = _single("not_five_after")
INHERIT_NEXT = _single("inherit_next")
FLOAT_SKIP = _single("float_skip")
MOT_NOUNS = frozenset(" ".join(k) for k in CTX.get("mot_noun", {}))
MAX_PHRASE = max(len(k) for d in CTX.values() for k in d)
LAST_WORDS = {role: frozenset(k[-1] for k in d) for role, d in CTX.items()}
FIRST_WORDS = {role: frozenset(k[0] for k in d) for role, d in CTX.items()}


def compound_words() -> frozenset[str]:
    """Vietnamese words (lowercased): the dictionary of underthesea's word segmenter,
    which the pipeline has loaded already (:func:`pipeline.crf.word_dictionary`)."""
    from ..crf import word_dictionary

    return word_dictionary()
