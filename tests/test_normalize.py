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

from pipeline.normalize import _characters, _rest

_ALPHABET = list(" \n\t\r\u00a0\u200b\u2028\u201c\u201d\u2013abcAÁàđ\u0300\u0301\u0323oaOÀuyỳ.,-[]^\\\ufeff\u212b")


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=_ALPHABET, max_size=30))
def test_plain_runs_are_what_the_character_loop_gives(raw):
    """normalize() copies plain runs whole: the same as normalizing every character."""
    c, s, e = [], [], []
    _rest(raw, 0, len(raw), c, s, e)
    while c and c[-1] in (" ", "\n"):
        c.pop(), s.pop(), e.pop()
    assert _characters(raw) == ("".join(c), s, e)


# Words glued together by the crawler are split by syllable structure; the space put
# between them stands for no raw character, so every offset still indexes the raw text.
@pytest.mark.parametrize("raw, want", [
    ("ông Bùi Xuân Khuđược bổ nhiệm làm Chủ tịch", "ông Bùi Xuân Khu được bổ nhiệm làm Chủ tịch"),
    ("Giám đốc đầu tưCông ty cổ phần", "Giám đốc đầu tư Công ty cổ phần"),
    ("Phó Bí thư thường trựcĐảng ủy phường", "Phó Bí thư thường trực Đảng ủy phường"),
    ("Ngân hàng TMCP Việt Nam Thương Tín (VietBank). Chủ tịch HĐQT VietBankthay cho ông Nam",
     "Ngân hàng TMCP Việt Nam Thương Tín (VietBank). Chủ tịch HĐQT VietBank thay cho ông Nam"),
    ("Lãnh đạo củaVietBank phát biểu", "Lãnh đạo của VietBank phát biểu"),
    ("thủ đô Hà Nộivà thành phố Hồ Chí Minh", "thủ đô Hà Nội và thành phố Hồ Chí Minh"),
    ("xã Hoà Bìnhhoà giải", "xã Hòa Bình hòa giải"),
])
def test_glued_words_are_split(raw, want):
    text, omap = normalize(raw)
    assert text == want
    for i, ch in enumerate(text):
        a, b = omap.to_raw(i, i + 1)
        if a == b:   # an inserted space: between two raw letters
            assert ch == " " and raw[a - 1].isalpha() and raw[a].isalpha()
        else:
            assert raw[a:b].strip() or ch == " "
    # the raw text is the normalized one without the inserted spaces (tone marks aside)
    kept = "".join(ch for i, ch in enumerate(text) if omap.to_raw(i, i + 1)[0] < omap.to_raw(i, i + 1)[1])
    assert canonical_text(kept) == canonical_text(raw)


@pytest.mark.parametrize("raw", [
    "VietBank, iPhone, TikTok, McDonald, LienVietPostBank và YouTube",   # brands: two cases, no glue
    "Thủ tướng Phạm Minh Chính thăm Tôkyô và Matxcơva",                 # words that are no two syllables
    "Minh PhươngTheo Reuters",   # two capitalized syllables: left to the entity stage (a byline, then its source)
    "Theo Bảo ChâuVietNamNet",
    "hoàng hôn, quý khách, người Nguyễn, khuya, nghiêng",
])
def test_words_that_are_not_glued_stay_whole(raw):
    assert normalize(raw)[0] == raw


def test_a_mention_after_a_glued_word_maps_to_the_raw_surface():
    raw = "ông Bùi Xuân Khuđược bổ nhiệm"
    text, omap = normalize(raw)
    i = text.index("Bùi Xuân Khu")
    a, b = omap.to_raw(i, i + len("Bùi Xuân Khu"))
    assert raw[a:b] == "Bùi Xuân Khu"
    j = text.index("được")
    assert raw[slice(*omap.to_raw(j, j + len("được")))] == "được"
    assert omap.to_raw(j - 1, j + 4) == (a + len("Bùi Xuân Khu"), a + len("Bùi Xuân Khuđược"))
