"""The scan: rules tried in order at each token; the first that answers wins.

A rule is ``rule(scan, i) -> (matches, next_token) | None``; ``([], next)``
consumes tokens without a match (an article ``một``, a vague ``hàng trăm``).
Matches never overlap: one may not start before the end of the previous one.
"""
from __future__ import annotations

from . import dates, digits, fractions, identifiers
from . import words as word_rules
from .context import N, W, NumberMatch, Scan
from .inherit import inherit_units

#: at a digit token
DIGIT_RULES = (
    identifiers.glued_left,       # Covid-19, H5N1
    identifiers.phone,            # 0912.345.678
    identifiers.document_number,  # 10/CĐ-UBND
    dates.time_of_day,            # 12h, 8:30, lúc 8 giờ
    dates.full_date,              # 28/4/2021
    dates.day_range,              # 16-19/4
    dates.year_range,             # 2020-2025, năm học 2024-2025
    dates.month_year,             # tháng 4/2021, 71/2025
    fractions.slash,              # 28/4, 1/10 tổng kinh phí, 83/83 xã
    dates.dash_date,              # Ngày 4-2
    digits.digits_tail,           # 5K, 4.0; ordinals, calendar words, amounts
)
#: at a number word, 'nhất' or a roman numeral
WORD_RULES = (
    word_rules.ordinal_words,  # thứ hai, khóa XV
    word_rules.spelled,        # năm người, hai mươi lăm người
)


def _apply(sc: Scan, i: int):
    ty = sc.t.types[i]
    if ty == N:
        rules = DIGIT_RULES
    elif ty == W and word_rules.starts_word_rule(sc, i):
        rules = WORD_RULES
    else:
        return None
    for rule in rules:
        res = rule(sc, i)
        if res is not None:
            return res
    return None


def find_numbers(text: str, words: list[tuple[int, int]] | None = None, doc_date: str | None = None) -> list[NumberMatch]:
    """Find numeric expressions and dates in ``text``; sorted, non-overlapping."""
    sc = Scan(text, words, doc_date)
    i, n = 0, sc.t.n
    while i < n:
        res = _apply(sc, i)
        if res is None:
            i += 1
            continue
        matches, nxt = res
        for m in matches:
            if m.start >= sc.floor:
                sc.out.append(m)
                sc.floor = m.end
        i = max(nxt, i + 1)
    return inherit_units(sc, sc.out) if sc.out else sc.out
