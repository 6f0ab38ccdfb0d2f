"""The ordered list of recognizers and the syllables they read."""
import pytest

from _helpers import view_of
from pipeline.entities import tagger
from pipeline.entities.syllables import split_space


@pytest.mark.parametrize("token, want", [
    ("Hà Nội", [("Hà", 0, False), ("Nội", 3, False)]),
    ("PhươngTheo", [("Phương", 0, False), ("Theo", 6, True)]),   # a glued word is split
    ("GD&ĐT", [("GD&ĐT", 0, False)]),
    ("AnhTheo", [("Anh", 0, False), ("Theo", 3, True)]),         # two Vietnamese syllables glued
    ("VietBank", [("VietBank", 0, False)]),                      # a brand is not split
    ("DeVry", [("DeVry", 0, False)]),
    ("LienVietPostBank", [("LienVietPostBank", 0, False)]),
])
def test_split_space(token, want):
    assert split_space(token) == want


def test_syllables_carry_token_and_tag():
    v = view_of("Sở Y tế họp.")
    assert [(x.text, x.first, x.tok_len) for x in v.s][:3] == [("Sở", True, 1), ("Y", True, 2), ("tế", False, 2)]
    assert all(x.tag for x in v.s)


def test_order():
    names = [r.__name__ for r in tagger.RECOGNIZERS]
    assert names == ["recognize_credit", "recognize_honorific", "recognize_title", "recognize_organization",
                     "recognize_location", "recognize_address_part", "recognize_person"]


@pytest.mark.parametrize("sentence, want", [
    # an honorific before what looks like a title word: the name after it
    ("Ông Lê Văn Tám cho biết.", [("PERSON", "Lê Văn Tám")]),
    # a body before the place it holds
    ("UBND tỉnh Quảng Bình họp.", [("ORGANIZATION", "UBND tỉnh Quảng Bình")]),
    # a bare surname-led name last
    ("Nguyễn Thị Thu Trang đạt giải.", [("PERSON", "Nguyễn Thị Thu Trang")]),
    ("Đài Loan thu hút du khách.", [("LOCATION", "Đài Loan")]),
])
def test_tag_sentence(sentence, want):
    v = view_of(sentence)
    assert [(m.label, v.surface(m.start, m.end)) for m in tagger.tag_sentence(v.s)] == want


def test_a_recognizer_list_can_be_changed_apart():
    v = view_of("UBND tỉnh Quảng Bình họp.")
    no_orgs = tuple(r for r in tagger.RECOGNIZERS if r.__name__ != "recognize_organization")
    got = [(m.label, v.surface(m.start, m.end)) for m in tagger.run(v, no_orgs)]
    assert got == [("LOCATION", "tỉnh Quảng Bình")]
