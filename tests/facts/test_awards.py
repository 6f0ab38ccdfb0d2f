"""Awards (CONTRACT section 5): honour, recipient (null for an unnamed collective), giver, year."""
import pytest

from pipeline.facts.award import _gold, _pred, matches


@pytest.mark.parametrize("text, want", [
    ('Trường THCS Thanh Xuân nhận cờ "Đơn vị xuất sắc trong phong trào thi đua" của Chủ tịch UBND '
     'Thành phố Hà Nội.',
     [("cờ Đơn vị xuất sắc trong phong trào thi đua", "Trường Trung học cơ sở Thanh Xuân",
       "Chủ tịch Ủy ban nhân dân Thành phố Hà Nội")]),
    ("Các tập thể, cá nhân nhận Bằng khen của Chủ tịch UBND tỉnh Quảng Ninh, Giấy khen của Sở Y tế tỉnh Quảng Ninh.",
     [("Bằng khen", None, "Chủ tịch Ủy ban nhân dân tỉnh Quảng Ninh"), ("Giấy khen", None, "Sở Y tế tỉnh Quảng Ninh")]),
    ("Ông Nguyễn Văn An được tặng Huân chương Lao động hạng Ba năm 2020.",
     [("Huân chương Lao động hạng Ba", "Nguyễn Văn An", None)]),
    ("UBND tỉnh Quảng Ninh trao bằng khen cho Trường THPT Hòn Gai.",
     [("bằng khen", "Trường Trung học phổ thông Hòn Gai", "Ủy ban nhân dân tỉnh Quảng Ninh")]),
])
def test_awards_table(facts_of, text, want):
    assert [(f["award"], f["recipient"], f["giver"]) for f in facts_of(text, "award")] == want


@pytest.mark.parametrize("text", [
    "Phường trao tặng các danh hiệu thi đua cho các tập thể.",   # no honour named
    "Gần 200.000 gia đình đạt danh hiệu xuất sắc 5 năm liền.",     # a standing, not a conferral
    "Hoa hậu Nguyễn Thúc Thùy Tiên dự lễ khai mạc.",               # a title printed before a name
])
def test_no_award(facts_of, text):
    assert facts_of(text, "award") == []


def test_year(facts_of):
    [f] = facts_of("Ông Nguyễn Văn An được tặng Huân chương Lao động hạng Ba năm 2020.", "award")
    assert f["year"] == 2020


def test_scoring_recipients_and_prefixes():
    gold = _gold([{"award": ["Cờ thi đua", "Cờ"], "recipient": None},
                  {"award": "Bằng khen", "recipient": "Trường A"}])
    assert matches(gold[0].key, _pred([{"award": "cờ thi đua của Chính phủ", "recipient": None}])[0].key)
    assert not matches(gold[1].key, _pred([{"award": "Bằng khen", "recipient": None}])[0].key)
    assert matches(gold[1].key, _pred([{"award": "Bằng khen", "recipient": "Trường A"}])[0].key)
