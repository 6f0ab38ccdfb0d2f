"""Events (CONTRACT section 5): event nouns with date, organizers, place, theme; one item per event."""
import pytest

from pipeline.facts.event import _gold, _pred, matches


def test_event_with_date_organizers_and_theme(facts_of):
    text = ('Tin tức giáo dục\nNgày 4-2, Đảng ủy - HĐND - UBND phường Xuân Hòa tổ chức hội nghị gặp gỡ '
            'các cơ sở giáo dục với chủ đề "Lắng nghe và trao đổi".')
    [f] = facts_of(text, "event")
    assert (f["kind"], f["date"], f["theme"]) == ("hội nghị", "--02-04", "Lắng nghe và trao đổi")
    assert f["name"] == "hội nghị gặp gỡ các cơ sở giáo dục"
    assert f["organizers"] == ["Đảng ủy phường Xuân Hòa", "Hội đồng nhân dân phường Xuân Hòa",
                               "Ủy ban nhân dân phường Xuân Hòa"]


def test_year_from_the_input_date(facts_of):
    text = "Tin tức\nSáng 2/10, Hội Khuyến học tổ chức hội nghị tổng kết 5 năm tại Thành phố Cần Thơ."
    [f] = facts_of(text, "event", meta={"date": "2020-10-02T08:00:00"})
    assert f["date"] == "2020-10-02"
    assert f["location"] == "Thành phố Cần Thơ"


@pytest.mark.parametrize("text, want", [
    # the same event again is one item; another ordinal and date is another
    ("Tin tức\nHội nghị hiệp thương lần thứ 1 (ngày 3/2/2021) diễn ra tại phường. Hội nghị hiệp thương "
     "lần thứ 2 (17/3) cũng diễn ra tại phường. Sau hội nghị, các ứng viên ra về.",
     [("hội nghị", "2021-02-03"), ("hội nghị", "--03-17")]),
    ("Tin tức\nĐại hội Đảng lần thứ 8 diễn ra từ ngày 16-19/4. Đại hội đã bầu Ban Chấp hành mới.",
     [("đại hội", "--04-16")]),
    # holidays and background are no events; a headline restates the body's event
    ("Hội nghị bàn về giáo dục\nCác trường tổ chức nhiều hoạt động dịp lễ 30/4. Hôm qua, Sở tổ chức hội nghị.",
     [("hội nghị", None)]),
])
def test_events_table(facts_of, text, want):
    assert [(f["kind"], f["date"]) for f in facts_of(text, "event")] == want


def test_scoring_kinds_and_dates():
    gold = _gold([{"kind": ["họp báo", "cuộc họp báo"], "date": "--04-16"}])
    assert matches(gold[0].key, _pred([{"kind": "cuộc họp báo", "date": "2021-04-16"}])[0].key)
    assert matches(gold[0].key, _pred([{"kind": "buổi họp báo", "date": "--04-16"}])[0].key)
    assert not matches(gold[0].key, _pred([{"kind": "họp báo", "date": None}])[0].key)
    assert not matches(gold[0].key, _pred([{"kind": "hội nghị", "date": "--04-16"}])[0].key)
