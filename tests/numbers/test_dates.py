"""pipeline.numbers.dates: dates, months, years, periods, times."""
from __future__ import annotations

import pytest
from numtools import find_numbers, quantities


DATE_CASES = [
    # text, doc_date, kind, iso, surface
    ("Ngày 4-2, Đảng ủy phường tổ chức hội nghị", "2025-01-10", "date", "2025-02-04", "Ngày 4-2"),
    ("Ngày 4-2, Đảng ủy phường tổ chức hội nghị", None, "date", "--02-04", "Ngày 4-2"),
    ("Hội nghị diễn ra hôm 4/2 tại Hà Nội", None, "date", "--02-04", "4/2"),
    ("Ngày 28/4, trao đổi với báo chí", "2021-04-29", "date", "2021-04-28", "Ngày 28/4"),
    ("kể từ ngày 28/4/2021 đến nay", None, "date", "2021-04-28", "ngày 28/4/2021"),
    ("công văn ban hành 28/02/2021 của UBND tỉnh", None, "date", "2021-02-28", "28/02/2021"),
    ("Theo đó, sáng 30/4, UBND tỉnh", "2021-04-30", "date", "2021-04-30", "30/4"),
    ("trưa nay (30/4), UBND tỉnh Quảng Ninh", "2021-04-30", "date", "2021-04-30", "30/4"),
    ("Sáng 2/10, Hội Khuyến học", "2020-10-02", "date", "2020-10-02", "2/10"),
    ("Trả lời cử tri ngày 1/10 xung quanh chủ trương", None, "date", "--10-01", "ngày 1/10"),
    ("Ngày 28 tháng 4 năm 2021, Quốc hội", None, "date", "2021-04-28", "Ngày 28 tháng 4 năm 2021"),
    ("đến tháng 4/2021 sẽ tổ chức", None, "month", "2021-04", "tháng 4/2021"),
    ("Vì vậy, tháng 11/2019, tỉnh Quảng Ngãi", None, "month", "2019-11", "tháng 11/2019"),
    ("Từ đầu tháng 4/1985, ông giảng dạy", None, "month", "1985-04", "tháng 4/1985"),
    ("Dự kiến trong tháng 3 sẽ hoàn thành", "2021-01-05", "month", "2021-03", "tháng 3"),
    ("Dự kiến trong tháng 3 năm 2022 sẽ hoàn thành", None, "month", "2022-03", "tháng 3 năm 2022"),
    ("mục tiêu tăng trưởng năm 2021.", None, "year", "2021", "năm 2021"),
    ("Hoạt động từ năm 2015, tiên phong", None, "year", "2015", "năm 2015"),
    ("người trẻ nhất ở tỉnh Điện Biên (SN 1997).", None, "year", "1997", "SN 1997"),
    ("danh hiệu thi đua năm học 2024-2025 cho các tập thể", None, "school_year", "2024/2025", "năm học 2024-2025"),
    ("trong năm học 2019 - 2020.", None, "school_year", "2019/2020", "năm học 2019 - 2020"),
    ("kết quả giai đoạn 2020-2025, thẳng thắn", None, "period", "2020/2025", "2020-2025"),
    ("Ra mắt Hội đồng trường nhiệm kỳ 2020 - 2025", None, "period", "2020/2025", "2020 - 2025"),
    ("Đại hội diễn ra từ ngày 16-19/4.", "2021-04-19", "period", "2021-04-16/2021-04-19", "ngày 16-19/4"),
    ("Kể từ 12h hôm nay, tạm dừng", None, "time", "T12:00", "12h"),
    ("báo cáo trước 16h00 hằng ngày.", None, "time", "T16:00", "16h00"),
    ("Cuộc họp bắt đầu lúc 8 giờ 30 phút.", None, "time", "T08:30", "8 giờ 30 phút"),
    ("Cuộc họp bắt đầu lúc 8:30 sáng.", None, "time", "T08:30", "8:30"),
]


@pytest.mark.parametrize("text, doc_date, kind, iso, surface", DATE_CASES)
def test_date_cases(text, doc_date, kind, iso, surface):
    ms = [m for m in find_numbers(text, doc_date=doc_date) if m.label == "DATE"]
    assert len(ms) == 1, [(text[m.start : m.end], m.kind) for m in find_numbers(text, doc_date=doc_date)]
    m = ms[0]
    assert m.kind == kind and m.iso == iso and text[m.start : m.end] == surface
    assert not m.is_quantity and m.value is None
    assert not quantities(text, doc_date=doc_date)


def test_year_range_with_words():
    text = "Từ năm 2016 đến 2020, tỉnh cử đi đào tạo 350 thạc sĩ."
    ms = find_numbers(text)
    assert ms[0].label == "DATE" and ms[0].kind == "period" and ms[0].iso == "2016/2020"
    assert [(m.value, m.unit) for m in ms if m.is_quantity] == [(350, "thạc sĩ")]


def test_bare_year_is_date():
    ms = find_numbers("Đề án định hướng đến 2020, đào tạo 300 thạc sĩ.")
    assert ms[0].label == "DATE" and ms[0].iso == "2020"
    assert ms[1].value == 300 and ms[1].is_quantity



# ---------------------------------------------------------------- issue 10: dates and years in unseen sections
ISSUE10_DATES = [
    # text, doc_date, [(kind, iso, surface)]
    ("Ngày 26.2, hội nghị được tổ chức", "2026-03-01", [("date", "2026-02-26", "Ngày 26.2")]),
    ("Sáng 14.3.2026, tại Hà Nội", None, [("date", "2026-03-14", "14.3.2026")]),
    ("kỳ nghỉ lễ kéo dài từ 30-4 đến 3-5 năm nay.", "2021-04-28",
     [("date", "2021-04-30", "30-4"), ("date", "2021-05-03", "3-5")]),
    ("chiếc Toyota Camry đời 2015 được rao bán", None, [("year", "2015", "đời 2015")]),
    ("Năm 2020 và 2021 lần lượt đạt mức tăng trưởng cao", None,
     [("year", "2020", "Năm 2020"), ("year", "2021", "2021")]),
    ("sau 1 năm 2019 vô cùng ảm đạm", None, [("year", "2019", "năm 2019")]),
    ("các cầu thủ phải ra sân vào 10 giờ tối.", None, [("time", "T22:00", "10 giờ")]),
    ("mở cửa từ 5 giờ sáng đến 2 giờ chiều", None, [("time", "T05:00", "5 giờ"), ("time", "T14:00", "2 giờ")]),
    ("khi quý III/2020 kết thúc, Samsung", None, [("period", "2020-07/2020-09", "quý III/2020")]),
    ("thị trường di động trong quý 2/2020 nhờ", None, [("period", "2020-04/2020-06", "quý 2/2020")]),
    ("Nhớ ngày giỗ Tổ mồng mười tháng ba", "2021-04-20", [("date", "2021-03-10", "mồng mười tháng ba")]),
    ("Vào tháng Hai năm nay, hãng", "2021-04-20", [("month", "2021-02", "tháng Hai")]),
]


@pytest.mark.parametrize("text, doc_date, expected", ISSUE10_DATES)
def test_issue10_dates(text, doc_date, expected):
    ms = [m for m in find_numbers(text, doc_date=doc_date) if m.label == "DATE"]
    assert [(m.kind, m.iso, text[m.start : m.end]) for m in ms] == expected
    assert not quantities(text, doc_date=doc_date)


def test_score_is_no_date():
    # a sports score has no date cue: 'thắng 3-1' stays two numbers, no DATE
    assert not [m for m in find_numbers("Chelsea thắng 3-1 trước Real") if m.label == "DATE"]
