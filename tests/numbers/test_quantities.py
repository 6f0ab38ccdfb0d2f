"""pipeline.numbers.quantities (and ranges): amounts with units and qualifiers."""
from __future__ import annotations

import pytest
from numtools import Q, _close, find_numbers, quantities


QUANTITY_CASES = [
    # text, value, kind, unit, qualifier
    # --- counts (seed-like)
    ("toàn phường Xuân Hòa có 6 trường Mầm non, với", 6, "count", "trường", Q),
    ("với hơn 20.000 học sinh, với đội ngũ", 20000, "count", "học sinh", "more_than"),
    ("lãnh đạo quản lý và cấp ủy 21 chi bộ trường học đang hoạt động", 21, "count", "chi bộ", Q),
    ("Thông tư, Quyết định của Trung ương đến 852 cán bộ cấp quận", 852, "count", "cán bộ", Q),
    ("thành phố có 610 mô hình dòng họ học tập", 610, "count", "mô hình", Q),
    ("Tuy nhiên, 4 cá nhân này không về làm việc", 4, "count", "cá nhân", Q),
    ("Bốn trường hợp trên đều là con của nguyên lãnh đạo", 4, "count", "trường hợp", Q),
    ("Bốn cá nhân này phải hoàn trả", 4, "count", "cá nhân", Q),
    ("Ba đại biểu đương nhiệm tự ứng cử", 3, "count", "đại biểu", Q),
    ("Hội đồng trường có 19 thành viên.", 19, "count", "thành viên", Q),
    ("TPHCM sẽ có 19 quận không tổ chức HĐND", 19, "count", "quận", Q),
    ("UBND quận có không quá 3 Phó chủ tịch.", 3, "count", "Phó chủ tịch", "at_most"),
    ("danh sách 868 người ứng cử đại biểu Quốc hội", 868, "count", "người", Q),
    ("ở 184 đơn vị bầu cử trong cả nước", 184, "count", "đơn vị bầu cử", Q),
    ("sau 3 vòng hiệp thương", 3, "count", "vòng", Q),
    ("đơn vị này đã 2 lần gửi văn bản", 2, "count", "lần", Q),
    ("bà P.T.M.H. chỉ trả 1 đợt với số tiền", 1, "count", "đợt", Q),
    ("có 83/83 xã, phường, thị trấn được công nhận", 83, "count", "xã", Q),
    ("Thành phố Cần Thơ có một người tự ứng cử", 1, "count", "người", Q),
    ("Hội còn in phát hơn 100.000 bộ tiêu chí", 100000, "count", "bộ", "more_than"),
    ("có 164 “Cộng đồng học tập” đạt danh hiệu", 164, "count", "Cộng đồng", Q),
    # --- number words
    ("Vụ tai nạn làm năm người bị thương.", 5, "count", "người", Q),
    ("Xã có hai trường tiểu học.", 2, "count", "trường", Q),
    ("Lớp có mười lăm học sinh giỏi.", 15, "count", "học sinh", Q),
    ("Huyện có hai mươi mốt xã.", 21, "count", "xã", Q),
    ("Thôn có một trăm linh năm hộ dân.", 105, "count", "hộ dân", Q),
    ("Khoảng hai nghìn người đã tham dự.", 2000, "count", "người", "approx"),
    ("Thành phố có ba triệu rưỡi người.", 3_500_000, "count", "người", Q),
    ("Đã có hai chục người ký tên.", 20, "count", "người", Q),
    ("Thị trấn có hơn 3 vạn người.", 30000, "count", "người", "more_than"),
    ("Cả nước có 1,5 triệu người thất nghiệp.", 1_500_000, "count", "người", Q),
    # --- percent
    ("chiếm gần 50% tổng số trường của quận", 50, "percent", "%", "approx"),
    ("393 người ứng cử là phụ nữ (chiếm tỷ lệ 45,28%)", None, None, None, None),  # two matches, see below
    ("Tỷ lệ đạt 50 phần trăm.", 50, "percent", "%", Q),
    ("xấp xỉ 40% dân số", 40, "percent", "%", "approx"),
    ("tăng vượt 5% so với cùng kỳ", 5, "percent", "%", "more_than"),
    ("chưa tới 5% hộ nghèo", 5, "percent", "%", "less_than"),
    ("gần như 100% học sinh đã tiêm", 100, "percent", "%", "approx"),
    ("Kiểm toán nhà nước đóng góp 1 người (chiếm tỷ lệ0,49%)", None, None, None, None),
    # --- money
    ("bà P.T.M.H. chỉ trả 1 đợt với số tiền 170 triệu đồng;", None, None, None, None),
    ("Doanh nghiệp nộp 332 triệu đồng tiền phạt.", 332_000_000, "money", "đồng", Q),
    ("4 cá nhân chỉ trả được gần 2,8 tỷ đồng trên tổng số", None, None, None, None),
    ("kinh phí phải thu hồi là trên 9,8 tỷ đồng.", 9_800_000_000, "money", "đồng", "more_than"),
    ("bà H.T.L.V. buộc phải hoàn trả hơn 2 tỷ đồng;", 2_000_000_000, "money", "đồng", "more_than"),
    ("Dự án có tổng vốn 5 tỷ VNĐ.", 5_000_000_000, "money", "đồng", Q),
    ("Kim ngạch đạt 10 triệu USD.", 10_000_000, "money", "USD", Q),
    ("Xuất khẩu đạt 2,5 tỷ USD.", 2_500_000_000, "money", "USD", Q),
    ("Vé giá 500.000đ mỗi người.", 500_000, "money", "đồng", Q),
    ("Khoản vay 3 triệu đô la Mỹ.", 3_000_000, "money", "USD", Q),
    # --- measures
    ("cấp GCN trên diện tích 167,3m2 cho hộ ông", 167.3, "measure", "m2", Q),
    ("Khu đất rộng 120 m² ở trung tâm.", 120, "measure", "m2", Q),
    ("Dự án chiếm 1.000 ha đất nông nghiệp.", 1000, "measure", "ha", Q),
    ("Tuyến đường dài 15 km.", 15, "measure", "km", Q),
    ("Thu giữ 5 tấn hàng lậu.", 5, "measure", "tấn", Q),
    ("Thu giữ 300 kg ma túy.", 300, "measure", "kg", Q),
    ("Nhà máy công suất 50 MW.", 50, "measure", "MW", Q),
    # --- ages
    ("ông Miguel Diaz-Canel, 60 tuổi, làm Bí thư", 60, "age", "tuổi", Q),
    ("người trẻ tuổi (dưới 40 tuổi), có 224 người", None, None, None, None),
    ("Ông ngoài 60 tuổi vẫn đi làm.", 60, "age", "tuổi", "more_than"),
    # --- durations
    ("Thời gian thu hồi kinh phí là 2 năm, tuy nhiên", 2, "duration", "năm", Q),
    ("tuy nhiên sau 1,5 năm, 4 cá nhân", None, None, None, None),
    ("Quy định là thế nhưng sau hơn một năm qua,", 1, "duration", "năm", "more_than"),
    ("thành lập cách đây 28 năm cho đến nay", 28, "duration", "năm", Q),
    ("trong nhiệm kỳ 5 năm tới, trường", 5, "duration", "năm", Q),
    ("tôi đã gắn bó với Đại Học Mở Hà Nội hơn 26 năm.", 26, "duration", "năm", "more_than"),
    ("chúng ta ít nhất phải chờ 5 năm nữa", 5, "duration", "năm", "at_least"),
    ("ông tham gia Lực lượng Vũ trang Cách mạng Cuba trong 3 năm.", 3, "duration", "năm", Q),
    ("Công trình thi công trong 3 tháng.", 3, "duration", "tháng", Q),
    ("Cách ly 14 ngày tại nhà.", 14, "duration", "ngày", Q),
    ("Bị cáo lĩnh hai năm rưỡi tù.", 2.5, "duration", "năm", Q),
    ("Hợp đồng kéo dài không đến 3 ngày.", 3, "duration", "ngày", "less_than"),
    # --- fractions
    ("mỗi lần trả tối thiểu 1/10 tổng kinh phí phải hoàn trả", 0.1, "fraction", "tổng kinh phí", "at_least"),
    ("Người được lấy phiếu tín nhiệm có quá nửa tổng số đại biểu HĐND thành phố", 0.5, "fraction", "tổng số đại biểu", "more_than"),
    ("có từ 2/3 tổng số đại biểu HĐND thành phố trở lên đánh giá", 2 / 3, "fraction", "tổng số đại biểu", "at_least"),
    ("Với khoảng thời gian hơn 1/4 thế kỷ như vậy", 0.25, "fraction", "thế kỷ", "more_than"),
    ("Khoảng 1/3 số hộ đã thoát nghèo.", 1 / 3, "fraction", "số hộ", "approx"),
    # --- qualifiers
    ("Có khoảng 300 người dự.", 300, "count", "người", "approx"),
    ("Có chừng 50 người dự.", 50, "count", "người", "approx"),
    ("Vụ cháy khiến trên 10 người bị thương.", 10, "count", "người", "more_than"),
    ("Mỗi nhóm tối đa 3 người.", 3, "count", "người", "at_most"),
    ("Mỗi nhóm ít nhất 4 người.", 4, "count", "người", "at_least"),
    ("Lớp học chưa đến 10 học sinh.", 10, "count", "học sinh", "less_than"),
    ("Có 30 người trở lên thì phải báo cáo.", 30, "count", "người", "at_least"),
]


@pytest.mark.parametrize("text, value, kind, unit, qual", [c for c in QUANTITY_CASES if c[1] is not None])
def test_quantity_cases(text, value, kind, unit, qual):
    qs = quantities(text)
    assert len(qs) == 1, [(text[m.start : m.end], m.value, m.unit) for m in find_numbers(text)]
    m = qs[0]
    assert _close(m.value, value), (m.value, value)
    assert m.kind == kind
    assert m.unit == unit
    assert m.qualifier == qual
    assert m.label == "NUMBER"
    # spans: number part inside the match; unit part after it
    assert m.start <= m.number_start < m.number_end <= m.end
    if m.unit_start >= 0:
        assert m.number_end <= m.unit_start < m.unit_end <= m.end


MULTI_CASES = [
    # text, [(value, kind, unit, qualifier, surface)]
    ("393 người ứng cử là phụ nữ (chiếm tỷ lệ 45,28%)",
     [(393, "count", "người", Q, "393 người"), (45.28, "percent", "%", Q, "45,28%")]),
    ("Kiểm toán nhà nước đóng góp 1 người (chiếm tỷ lệ0,49%)",
     [(1, "count", "người", Q, "1 người"), (0.49, "percent", "%", Q, "0,49%")]),
    ("bà P.T.M.H. chỉ trả 1 đợt với số tiền 170 triệu đồng;",
     [(1, "count", "đợt", Q, "1 đợt"), (170_000_000, "money", "đồng", Q, "170 triệu đồng")]),
    ("4 cá nhân chỉ trả được gần 2,8 tỷ đồng trên tổng số",
     [(4, "count", "cá nhân", Q, "4 cá nhân"), (2_800_000_000, "money", "đồng", "approx", "gần 2,8 tỷ đồng")]),
    ("người trẻ tuổi (dưới 40 tuổi), có 224 người",
     [(40, "age", "tuổi", "less_than", "dưới 40 tuổi"), (224, "count", "người", Q, "224 người")]),
    ("tuy nhiên sau 1,5 năm, 4 cá nhân",
     [(1.5, "duration", "năm", Q, "1,5 năm"), (4, "count", "cá nhân", Q, "4 cá nhân")]),
    # ranges: two items
    ("Mỗi tổ từ 5 đến 7 người.",
     [(5, "count", "người", "at_least", "từ 5"), (7, "count", "người", "at_most", "đến 7 người")]),
    ("Tỷ lệ đạt 70-75% trong năm nay.",
     [(70, "percent", "%", "at_least", "70"), (75, "percent", "%", "at_most", "75%")]),
    ("Mỗi hộ được hỗ trợ 1-2 triệu đồng.",
     [(1_000_000, "money", "đồng", "at_least", "1"), (2_000_000, "money", "đồng", "at_most", "2 triệu đồng")]),
    ("Mỗi đội từ 5 người đến 7 người.",
     [(5, "count", "người", "at_least", "từ 5 người"), (7, "count", "người", "at_most", "đến 7 người")]),
    # elided counted noun
    ("294 người có trình độ đại học (tương đương 33,87%); 10 có trình độ dưới đại học",
     [(294, "count", "người", Q, "294 người"), (33.87, "percent", "%", Q, "33,87%"), (10, "count", "người", Q, "10")]),
    ("toàn thành phố có 690 đơn vị học tập, trong đó có 240 được công nhận",
     [(690, "count", "đơn vị", Q, "690 đơn vị"), (240, "count", "đơn vị", Q, "240")]),
    ("3 trong 9 người tự ứng cử là đại biểu Quốc hội đương nhiệm",
     [(3, "count", "người", Q, "3"), (9, "count", "người", Q, "9 người")]),
    # the same number for different things
    ("có 6 trường Mầm non, 5 trường tiểu học, 5 trường THCS, 5 trường THPT với hơn 20.000 học sinh",
     [(6, "count", "trường", Q, "6 trường"), (5, "count", "trường", Q, "5 trường"),
      (5, "count", "trường", Q, "5 trường"), (5, "count", "trường", Q, "5 trường"),
      (20000, "count", "học sinh", "more_than", "hơn 20.000 học sinh")]),
    ("Bà N.L.N.H. và ông P.T.V. đã trả 5 đợt với số tiền lần lượt là gần 1,2 tỷ đồng và 1 tỷ đồng.",
     [(5, "count", "đợt", Q, "5 đợt"), (1_200_000_000, "money", "đồng", "approx", "gần 1,2 tỷ đồng"),
      (1_000_000_000, "money", "đồng", Q, "1 tỷ đồng")]),
]


@pytest.mark.parametrize("text, expected", MULTI_CASES)
def test_multi_quantity_cases(text, expected):
    qs = quantities(text)
    got = [(m.value, m.kind, m.unit, m.qualifier, text[m.start : m.end]) for m in qs]
    assert len(got) == len(expected), got
    for g, e in zip(got, expected):
        assert _close(g[0], e[0]) and g[1:] == e[1:], (g, e)


@pytest.mark.parametrize(
    "text, expected",
    [
        # rates keep the 'per' part in the unit
        ("Giá xăng tăng 500 đồng/lít từ hôm nay.", [(500, "money", "đồng/lít", "500 đồng/lít")]),
        ("Lãi suất huy động 6,5%/năm.", [(6.5, "percent", "%/năm", "6,5%/năm")]),
        ("giá 35 triệu đồng/m2", [(35_000_000, "money", "đồng/m2", "35 triệu đồng/m2")]),
        # x of y, a fraction of a whole
        ("Xã đạt 8/10 tiêu chí nông thôn mới.", [(8, "count", "tiêu chí", "8/10 tiêu chí")]),
        ("Gần 1/3 dân số thế giới.", [(1 / 3, "fraction", "dân số", "Gần 1/3 dân số")]),
        ("Khoảng 1/5 số hộ vi phạm.", [(0.2, "fraction", "số hộ", "Khoảng 1/5 số hộ")]),
        # multipliers with a scale: 'nghìn tỷ', mixed digits/words
        ("Dự án có tổng vốn 20 nghìn tỷ đồng.", [(20 * 10**12, "money", "đồng", "20 nghìn tỷ đồng")]),
        ("Ngân sách chi 1,5 nghìn tỷ đồng.", [(1.5 * 10**12, "money", "đồng", "1,5 nghìn tỷ đồng")]),
        ("trong đó 1 triệu 200 nghìn đồng là phí", [(1_200_000, "money", "đồng", "1 triệu 200 nghìn đồng")]),
        ("doanh thu hơn 1.000 tỷ đồng", [(10**12, "money", "đồng", "hơn 1.000 tỷ đồng")]),
        ("Trận động đất mạnh 6,4 độ Richter.", [(6.4, "measure", "độ Richter", "6,4 độ Richter")]),
        ("Nhiệt độ cao nhất 38 độ C.", [(38, "measure", "°C", "38 độ C")]),
        # number words in context
        ("Có ba người bị thương và một người tử vong.", [(3, "count", "người", "ba người"), (1, "count", "người", "một người")]),
        ("Sau năm năm, dự án hoàn thành.", [(5, "duration", "năm", "năm năm")]),
        ("Năm mươi năm trước, ông nhập ngũ.", [(50, "duration", "năm", "Năm mươi năm")]),
        ("Có hai mươi lăm người bị thương, ba mươi người chết.",
         [(25, "count", "người", "hai mươi lăm người"), (30, "count", "người", "ba mươi người")]),
        ("Bảy mươi phần trăm người dân hài lòng.", [(70, "percent", "%", "Bảy mươi phần trăm")]),
        ("Hơn một trăm người đã đến dự.", [(100, "count", "người", "Hơn một trăm người")]),
        ("Có 2 trong số 5 bị cáo được hưởng án treo.", [(2, "count", "bị cáo", "2"), (5, "count", "bị cáo", "5 bị cáo")]),
        ("Công ty có 1.200 lao động, trong đó 800 là nữ.",
         [(1200, "count", "lao động", "1.200 lao động"), (800, "count", "lao động", "800")]),
    ],
)
def test_more_quantities(text, expected):
    got = [(m.value, m.kind, m.unit, text[m.start : m.end]) for m in quantities(text)]
    assert len(got) == len(expected), got
    for g, e in zip(got, expected):
        assert _close(g[0], e[0]) and g[1:] == e[1:], (g, e)


def test_x_of_y_and_restated_items():
    text = "toàn thành phố có 83/83 xã, phường, thị trấn được công nhận"
    (m,) = quantities(text)
    assert m.value == 83 and m.unit == "xã" and text[m.number_start : m.number_end] == "83/83"



# ---------------------------------------------------------------- issue 10: amounts read in unseen sections
ISSUE10_QUANTITIES = [
    # text, expected [(value, kind, unit, qualifier, surface)]
    ("Hai tỷ phú công nghệ đã gặp nhau.", [(2, "count", "tỷ phú", Q, "Hai tỷ phú")]),
    ("Hơn 1.000 tỷ phú trên thế giới", [(1000, "count", "tỷ phú", "more_than", "Hơn 1.000 tỷ phú")]),
    ("Trong 2 năm 2019 và 2020, ngân hàng họp bất thành.", [(2, "duration", "năm", Q, "2 năm")]),
    ("Tại La Liga, họ đang kém Real Madrid và Atletico 5 điểm.", [(5, "count", "điểm", Q, "5 điểm")]),
    ("thi đấu ít hơn Real Madrid 2 trận và Atletico 1 trận.",
     [(2, "count", "trận", Q, "2 trận"), (1, "count", "trận", Q, "1 trận")]),
    ("vết rách có kích thước là 12x4x2 cm từ góc độ chuyên môn",
     [(12, "measure", "cm", Q, "12"), (4, "measure", "cm", Q, "4"), (2, "measure", "cm", Q, "2 cm")]),
    ("chiếc bánh mì có kích thước 10x10cm.", [(10, "measure", "cm", Q, "10"), (10, "measure", "cm", Q, "10cm")]),
    ("Suphanat Mueanta cao 1m74, thi đấu tốt", [(1.74, "measure", "m", Q, "1m74")]),
    ("MV đã thu hút 632k lượt yêu thích, hơn 3,9k lượt chia sẻ.",
     [(632_000, "count", "lượt", Q, "632k lượt"), (3900, "count", "lượt", "more_than", "hơn 3,9k lượt")]),
    # a conversion in brackets restates the amount before it
    ("bắt được một con cá mập nặng 900lb (~410kg) ngoài khơi", [(900, "measure", "lb", Q, "900lb")]),
    ("có giá lên đến 1,2 tỷ won (24 tỷ đồng) và", [(1_200_000_000, "money", "won", Q, "1,2 tỷ won")]),
    ("một đại dương sâu 4.920 ft (khoảng 1.500 m).", [(4920, "measure", "ft", Q, "4.920 ft")]),
    ("sỏi có kích thước lớn 4x6cm.", [(4, "measure", "cm", Q, "4"), (6, "measure", "cm", Q, "6cm")]),
    # devices
    ("dung lượng RAM 12 GB cùng bộ nhớ trong 256 GB.",
     [(12, "measure", "GB", Q, "12 GB"), (256, "measure", "GB", Q, "256 GB")]),
    ("Viên pin có dung lượng 4.200 mAh, hỗ trợ sạc nhanh 33 W.",
     [(4200, "measure", "mAh", Q, "4.200 mAh"), (33, "measure", "W", Q, "33 W")]),
    # 'A và B triệu máy': A takes B's scale and unit
    ("với doanh số bán ra 49 và 38 triệu máy.",
     [(49_000_000, "count", "máy", Q, "49"), (38_000_000, "count", "máy", Q, "38 triệu máy")]),
    # ages after 'tuổi' or with 'năm ... tuổi'
    ("ôm đàn cắm cúi từ năm 12 tuổi.", [(12, "age", "tuổi", Q, "12 tuổi")]),
    ("dù đã bước sang tuổi 70.", [(70, "age", "tuổi", Q, "70")]),
    ("Ở tuổi ngoài 50, ông vẫn chạy marathon.", [(50, "age", "tuổi", "more_than", "ngoài 50")]),
]


@pytest.mark.parametrize("text, expected", ISSUE10_QUANTITIES)
def test_issue10_quantities(text, expected):
    got = [(m.value, m.kind, m.unit, m.qualifier, text[m.start : m.end]) for m in quantities(text)]
    assert len(got) == len(expected), got
    for g, e in zip(got, expected):
        assert _close(g[0], e[0]) and g[1:] == e[1:], (g, e)
