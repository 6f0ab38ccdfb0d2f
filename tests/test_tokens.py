"""pipeline.tokens: the columns read in one to_array call are what iterating the Doc gives."""
from __future__ import annotations

import pytest

from pipeline.api import process
from pipeline.tokens import columns, sentence_starts, tags

CASES = [
    "Ông Trần Văn Nam là Bí thư Đảng ủy phường Xuân Hòa.",
    "Hà Nội  ngày 2-9.\n\nÔng  nói: \"Tốt.\" Bà Lan (SN 1980) đồng ý.",
    "  \n",
    "GS.TS Nguyễn Văn A, Hiệu trưởng Trường ĐH Bách khoa\tHà Nội!",
    "",
]


@pytest.mark.parametrize("text", CASES)
def test_columns_are_the_tokens(text):
    doc = process(text)
    cols = columns(doc)
    assert cols.texts == [t.text for t in doc]
    assert cols.starts == [t.idx for t in doc]
    assert cols.space == [t.is_space for t in doc]
    assert cols.trailing == [bool(t.whitespace_) for t in doc]
    assert cols.words() == [t.i for t in doc if not t.is_space]
    assert tags(doc) == [t.tag_ for t in doc]
    assert sentence_starts(doc) == [s.start for s in doc.sents]


def test_whitespace_tokens_have_no_tag_and_words_have_one():
    doc = process("Ông  Nam\nđến.")
    assert all((t.tag_ == "") == t.is_space for t in doc)


@pytest.mark.parametrize("text", CASES)
def test_whitespace_flag_is_whitespace(text):
    """The vocabulary computes one lexical attribute, whitespace (pipeline.language)."""
    doc = process(text)
    assert columns(doc).space == [t.text.isspace() for t in doc]
    if "\n" in text.strip():
        assert any(columns(doc).space)
