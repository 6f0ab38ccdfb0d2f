"""Recognizer of Vietnamese numeric expressions and dates.

Pure Python (``regex`` only); the spaCy wrapper is ``pipeline/stages/numbers_stage.py``.

Public API
----------
``parse_digits(s)``        digits with Vietnamese separators -> int/float (:mod:`.values`)
``parse_number_words(s)``  number words (and digit/word mixtures) -> int/float
``find_numbers(text, words=None, doc_date=None)`` -> list[NumberMatch]

How it is built
---------------
:mod:`.context` cuts the text into tokens and holds what the rules share;
:mod:`.scanner` tries, at each token, an ordered list of small rules, one per
expression family, each module with its own table of cases in ``tests/numbers``:

==================  ==========================================================
:mod:`.values`      digit strings and number words -> values
:mod:`.numerals`    a numeral over tokens (``1,5 triệu``, ``hai mươi mốt``)
:mod:`.units`       the unit after a numeral (counted noun, money, measure, %)
:mod:`.quantities`  an amount: numeral, unit, qualifiers, rates, multipliers,
                    sizes (``12x4x2 cm``), heights (``1m74``), thousands (``632k``)
:mod:`.ranges`      ``từ 5 đến 7 người``, ``70-75%``
:mod:`.fractions`   ``a/b``: fraction, 'a of b', date, document number
:mod:`.digits`      ordinals, calendar numbers, names, bare years, amounts
:mod:`.dates`       dates, months, years, periods, quarters, times of day
:mod:`.identifiers` ``Covid-19``, ``5K``, ``8x``, phone and document numbers, scores
:mod:`.words`       ordinals and amounts in words; the article ``một``
:mod:`.inherit`     unit-less counts borrow a neighbour's counted noun; a
                    conversion in brackets restates the amount before it
==================  ==========================================================

Every regex is compiled in :mod:`.patterns`; the data (``number_words.tsv``,
``number_units.tsv``, ``number_context.tsv``) is read once in :mod:`.lexicon`.

Spans: ``start:end`` covers qualifier word(s) (``hơn``, ``không quá``), the numeral,
multiplier words (``triệu``, ``tỷ``) and the unit.  For DATEs see :mod:`.dates`.
Ordinals include their cue (``lần thứ 8``, ``khóa XV``).  Ranges give two matches:
``từ 5`` (at_least) and ``đến 7 người`` (at_most).

Units: counted nouns as printed (``học sinh``, ``trường``); money, percent and
measures canonical (``VNĐ`` -> ``đồng``, ``m²`` -> ``m2``, ``%``); durations and ages
(``năm``, ``tháng``, ``tuổi``); rates keep their 'per' part (``đồng/lít``, ``%/năm``).

Kinds: NUMBER ``count``, ``percent``, ``money``, ``measure``, ``age``, ``duration``,
``fraction`` (``1/10 tổng kinh phí`` = 0.1, ``quá nửa`` = 0.5), ``ordinal``,
``identifier`` (document numbers, numbers inside names, phone numbers),
``multiplier`` (``gấp 3 lần``) and ``score`` (``tỷ số 2-1``); DATE ``date``, ``month``, ``year``, ``school_year``,
``period``, ``time``.  ``is_quantity`` is True for the first seven kinds when a
unit is known; digit numbers with no unit are emitted as ``count`` with unit None
(no quantity).

Text is expected in NFC (other forms work for number words, less well for units).
"""
from __future__ import annotations

from .context import QUANTITY_KINDS, NumberMatch
from .scanner import find_numbers
from .values import parse_digits, parse_number_words

__all__ = ["NumberMatch", "QUANTITY_KINDS", "parse_digits", "parse_number_words", "find_numbers"]
