"""pipeline.numbers.numerals: numerals over tokens, found in sentences."""
from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from numtools import quantities, spelled_numbers


@settings(max_examples=200, deadline=None)
@given(st.integers(1, 10**9))
def test_property_digits_in_text_found(n):
    s = f"{n:,}".replace(",", ".")
    text = f"Năm nay, toàn tỉnh có hơn {s} học sinh đến trường."
    qs = quantities(text)
    assert len(qs) == 1
    assert qs[0].value == n and qs[0].unit == "học sinh" and qs[0].qualifier == "more_than"
    assert text[qs[0].number_start : qs[0].number_end] == s


@settings(max_examples=200, deadline=None)
@given(spelled_numbers())
def test_property_spelled_numbers_in_text(case):
    n, words = case
    if n == 0:
        return
    text = f"Theo báo cáo, có {words} người tham gia."
    qs = quantities(text)
    assert len(qs) == 1, (text, qs)
    assert qs[0].value == n and qs[0].unit == "người", text

