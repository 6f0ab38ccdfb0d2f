"""pipeline.numbers.units: the unit after a number, with and without word segmentation."""
from __future__ import annotations

import pytest
from numtools import SEEDS, _seg_spans, quantities


def test_words_measure_spanning_tokens():
    text = "Nhiệt độ cao nhất 38 độ C."
    tokens = ["Nhiệt độ", "cao", "nhất", "38", "độ", "C", "."]
    (m,) = quantities(text, words=_seg_spans(text, tokens))
    assert (m.value, m.kind, m.unit) == (38, "measure", "°C")


def test_words_unit_is_next_word_token():
    text = "có 21 chi bộ trường học và 610 mô hình dòng họ học tập"
    tokens = ["có", "21", "chi bộ", "trường học", "và", "610", "mô hình", "dòng họ", "học tập"]
    qs = quantities(text, words=_seg_spans(text, tokens))
    assert [(m.value, m.unit) for m in qs] == [(21, "chi bộ"), (610, "mô hình")]


def test_words_unit_word_not_in_lexicon():
    text = "Đoàn có 12 kiểm lâm viên tham gia."
    tokens = ["Đoàn", "có", "12", "kiểm lâm viên", "tham gia", "."]
    (m,) = quantities(text, words=_seg_spans(text, tokens))
    assert m.unit == "kiểm lâm viên" and m.value == 12
    # without segmentation only the next syllable is known
    (m,) = quantities(text)
    assert m.unit == "kiểm"


def test_words_money_and_stopword():
    text = "trả 2,8 tỷ đồng và 10 có trình độ"
    tokens = ["trả", "2,8", "tỷ", "đồng", "và", "10", "có", "trình độ"]
    qs = quantities(text, words=_seg_spans(text, tokens))
    assert [(m.value, m.unit, m.kind) for m in qs] == [(2_800_000_000, "đồng", "money")]


def test_words_from_underthesea():
    underthesea = pytest.importorskip("underthesea")
    text = (SEEDS / "002_35e965b3a4edabc5.txt").read_text(encoding="utf-8")
    spans = _seg_spans(text, underthesea.word_tokenize(text))
    qs = quantities(text, words=spans)
    assert [(m.value, m.unit) for m in qs] == [
        (6, "trường"), (5, "trường"), (5, "trường"), (5, "trường"), (20000, "học sinh"), (21, "chi bộ")]



def test_words_unit_cut_by_segmentation_is_mended():
    # the segmentation cut 'thủy điện'; the dictionary of compound words mends the unit
    text = "Cả nước có 800 thủy điện nhỏ."
    tokens = ["Cả", "nước", "có", "800", "thủy", "điện", "nhỏ", "."]
    (m,) = quantities(text, words=_seg_spans(text, tokens))
    assert (m.value, m.unit, text[m.start : m.end]) == (800, "thủy điện", "800 thủy điện")


def test_words_number_word_inside_a_word_is_no_number():
    # 'bẩy' (a spelling of 'bảy', 7) inside 'đòn bẩy' (lever); 'năm' inside 'hàng năm'
    text = "Du lịch nội địa là đòn bẩy quan trọng, hàng năm thu hút khách."
    tokens = ["Du lịch", "nội địa", "là", "đòn bẩy", "quan trọng", ",", "hàng năm", "thu hút", "khách", "."]
    assert not quantities(text, words=_seg_spans(text, tokens))


def test_words_number_word_starting_a_longer_word_is_no_number():
    # 'chín mùi' (ripe) is no 'nine'; 'hai mươi' stays a numeral
    text = "Giọng hát đang ở độ chín mùi, hai mươi bài hát mới."
    tokens = ["Giọng", "hát", "đang", "ở", "độ", "chín mùi", ",", "hai mươi", "bài hát", "mới", "."]
    assert [(m.value, m.unit) for m in quantities(text, words=_seg_spans(text, tokens))] == [(20, "bài hát")]


def test_words_stop_phrase_over_a_unit():
    text = "Năm 2020 và 2021 lần lượt đạt 5%."
    tokens = ["Năm", "2020", "và", "2021", "lần lượt", "đạt", "5%", "."]
    assert [(m.value, m.unit) for m in quantities(text, words=_seg_spans(text, tokens))] == [(5, "%")]
