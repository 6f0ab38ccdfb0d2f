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


_GATE_SENTENCES = [
    "Theo ông Nguyễn Văn A, Phó Chủ tịch UBND tỉnh Quảng Bình, các trường THPT ở huyện Lệ Thủy đã họp.",
    "(ảnh: Quốc Chính) bà Lê Thị Hoa, nguyên Giám đốc Sở Y tế, cùng đoàn công tác của bộ đến thăm bệnh viện Bạch Mai.",
    "đại tá Trần B, thượng tướng, nói rằng công ty cổ phần Vinamilk và tập đoàn FPT tại thành phố Hà Nội, Việt Nam.",
    "các xã, phường, thị trấn ở quận 1 và Hàn Quốc; hãng tin Reuters, tờ Nikkei, đội chủ nhà Nam Định.",
    "anh là giám đốc, còn chị là phó chủ tịch ủy ban nhân dân tỉnh và quyền trưởng phòng của sở.",
    "công ty, trường đại học, bệnh viện, ngân hàng và báo chí của thành phố, thủ đô, quận huyện đều có mặt.",
]


@pytest.mark.parametrize("sentence", _GATE_SENTENCES)
def test_the_gate_skips_only_syllables_no_recognizer_reads(sentence):
    """tagger.run skips a lowercase syllable outside lowercase_starts: there, every
    recognizer of RECOGNIZERS must answer None."""
    v = view_of(sentence)
    gate = tagger.lowercase_starts(v.lex)
    skipped = [i for i, x in enumerate(v.s) if not x.cap and x.low not in gate]
    assert skipped   # the sentences have such syllables
    for rec in tagger.RECOGNIZERS:
        for i in skipped:
            probe = view_of(sentence)
            assert rec(probe, i) is None, (rec.__name__, probe.s[i].text)


@pytest.mark.parametrize("sentence", _GATE_SENTENCES)
def test_the_gate_changes_no_mention(sentence):
    v = view_of(sentence)
    gated = [(m.label, m.start, m.end) for m in tagger.run(v)]
    w = view_of(sentence)
    ungated = [(m.label, m.start, m.end) for m in tagger.run(w, tuple(tagger.RECOGNIZERS))]
    assert gated == ungated
