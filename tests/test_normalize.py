"""Normalization keeps a map back to the raw text."""
import unicodedata

import pytest

from pipeline.normalize import canonical_text, fix_tone_placement, normalize


@pytest.mark.parametrize("raw, want", [
    ("Hoà Bình", "Hòa Bình"),
    ("Thuỷ Nguyên", "Thủy Nguyên"),
    ("khoẻ mạnh", "khỏe mạnh"),
    ("Uỷ ban nhân dân", "Ủy ban nhân dân"),
    ("hoàng hôn", "hoàng hôn"),          # closed syllable: unchanged
    ("quý khách", "quý khách"),          # qu + y: unchanged
    ("Quỳnh Lưu", "Quỳnh Lưu"),
    ("thuyền", "thuyền"),
    ("“Lắng nghe”", '"Lắng nghe"'),
    ("Văn hóa – Xã hội", "Văn hóa - Xã hội"),
    ("a\u00a0 b\tc", "a b c"),
    ("dòng 1\r\ndòng 2", "dòng 1\ndòng 2"),
    ("zero\u200bwidth", "zerowidth"),
    ("  lề  ", "lề"),
])
def test_normalized_text(raw, want):
    assert normalize(raw)[0] == want


@pytest.mark.parametrize("raw", [
    "Ho\u0300a Bi\u0300nh",                        # decomposed (NFD) input
    unicodedata.normalize("NFD", "Nguyễn Thị Thuỷ, “Sở GD&ĐT”  –  TP.HCM\r\n"),
    "\ufeffTPHCM:\u00a0Lãnh đạo  phường Xuân Hoà",
])
def test_every_normalized_span_maps_back_to_raw(raw):
    text, omap = normalize(raw)
    starts = [i for i in range(len(text)) if text[i].isalnum() and (i == 0 or not text[i - 1].isalnum())]
    ends = [j for j in range(1, len(text) + 1) if text[j - 1].isalnum() and (j == len(text) or not text[j].isalnum())]
    assert starts and ends
    for i in starts:
        for j in (e for e in ends if e > i):
            a, b = omap.to_raw(i, j)
            assert 0 <= a < b <= len(raw)
            # the raw surface normalizes back to the same characters
            assert canonical_text(raw[a:b]).replace(" ", "") == text[i:j].replace("\n", "").replace(" ", "")


def test_length_preserving_fixes_keep_offsets():
    raw = "Hoà Thuỷ"
    text, omap = normalize(raw)
    assert omap.to_raw(0, 3) == (0, 3) and omap.to_raw(4, 8) == (4, 8)


def test_tone_fix_is_idempotent():
    s = "Hoà Hòa Thuỷ Thủy oà"
    assert fix_tone_placement(fix_tone_placement(s)) == fix_tone_placement(s)


from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.normalize import OffsetMap, _rest

_ALPHABET = list(" \n\t\r\u00a0\u200b\u2028\u201c\u201d\u2013abcAÁàđ\u0300\u0301\u0323oaOÀuyỳ.,-[]^\\\ufeff\u212b")


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=_ALPHABET, max_size=30))
def test_plain_runs_are_what_the_character_loop_gives(raw):
    """normalize() copies plain runs whole: the same as normalizing every character."""
    c, s, e = [], [], []
    _rest(raw, 0, len(raw), c, s, e)
    while c and c[-1] in (" ", "\n"):
        c.pop(), s.pop(), e.pop()
    assert normalize(raw) == (fix_tone_placement("".join(c)), OffsetMap(tuple(s), tuple(e), len(raw)))
