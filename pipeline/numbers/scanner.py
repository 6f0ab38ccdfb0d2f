"""The scan: rules tried in order at each token; the first that answers wins.

A rule is ``rule(scan, i) -> (matches, next_token) | None``; ``([], next)``
consumes tokens without a match (an article ``một``, a vague ``hàng trăm``).
Matches never overlap: one may not start before the end of the previous one.
"""
from __future__ import annotations

from . import dates, digits, fractions, identifiers, quantities
from . import words as word_rules
from .context import N, W, NumberMatch, Scan
from .inherit import inherit_units, restated_conversions

#: at a digit token
DIGIT_RULES = (
    identifiers.glued_left,       # Covid-19, H5N1
    identifiers.phone,            # 0912.345.678
    identifiers.document_number,  # 10/CĐ-UBND
    identifiers.score,            # tỷ số 2-1
    dates.quarter,                # quý 2/2020
    dates.time_of_day,            # 12h, 8:30, lúc 8 giờ
    dates.full_date,              # 28/4/2021
    dates.day_range,              # 16-19/4
    dates.year_range,             # 2020-2025, năm học 2024-2025
    dates.month_year,             # tháng 4/2021, 71/2025
    fractions.slash,              # 28/4, 1/10 tổng kinh phí, 83/83 xã
    dates.dash_date,              # Ngày 4-2, từ 30-4 đến 3-5
    quantities.dimensions,        # 12x4x2 cm
    quantities.height,            # 1m74
    quantities.kilo,              # 632k lượt xem
    digits.digits_tail,           # 5K, 4.0; ordinals, calendar words, amounts
)
#: at a number word, 'nhất' or a roman numeral
WORD_RULES = (
    dates.date_in_words,       # mồng mười tháng ba, tháng Hai
    word_rules.ordinal_words,  # thứ hai, khóa XV
    word_rules.spelled,        # năm người, hai mươi lăm người
)


def _apply(sc: Scan, i: int, rules):
    for rule in rules:
        res = rule(sc, i)
        if res is not None:
            return res
    return None


def _candidates(sc: Scan):
    """(token index, rules) of the tokens a number may start at, in order."""
    t = sc.t
    types, lowers, texts = t.types, t.lowers, t.texts
    first_words = word_rules.FIRST_WORDS
    for i in range(t.n):
        ty = types[i]
        if ty == N:
            yield i, DIGIT_RULES
        elif ty == W and (lowers[i] in first_words or (texts[i][0] in "IVXLC" and word_rules.starts_word_rule(sc, i))):
            yield i, WORD_RULES


def find_numbers(text: str, words: list[tuple[int, int]] | None = None, doc_date: str | None = None) -> list[NumberMatch]:
    """Find numeric expressions and dates in ``text``; sorted, non-overlapping."""
    sc = Scan(text, words, doc_date)
    nxt_free = 0
    for i, rules in _candidates(sc):
        if i < nxt_free:
            continue
        res = _apply(sc, i, rules)
        if res is None:
            continue
        matches, nxt = res
        for m in matches:
            if m.start >= sc.floor:
                sc.out.append(m)
                sc.floor = m.end
        nxt_free = max(nxt, i + 1)
    return restated_conversions(sc, inherit_units(sc, sc.out)) if sc.out else sc.out
