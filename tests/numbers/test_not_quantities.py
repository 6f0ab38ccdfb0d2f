"""Not amounts: identifiers (pipeline.numbers.identifiers), ordinals and vague
amounts (pipeline.numbers.words), multipliers."""
from __future__ import annotations

import pytest
from numtools import find_numbers


NOT_QUANTITY_CASES = [
    # text, expected kind of the match on the number (None: no match at all)
    ("thực hiện Nghị quyết 71/2025 của Bộ Chính trị", "identifier"),
    ("theo Nghị quyết 71/2025.", "identifier"),
    ("Nghị định 99/2019 của Chính phủ", "identifier"),
    ("ban hành Công điện số 10/CĐ-UBND về việc", "identifier"),
    ("kèm theo công văn số 1159/UBND-VX3 của UBND tỉnh", "identifier"),
    ("quán triệt Nghị quyết 71-NQ/TW của Bộ Chính trị", "identifier"),
    ("thực hiện Quyết định 281/QĐ-TTg của Thủ tướng", "identifier"),
    ("tập huấn Quyết định 281 của Thủ tướng", "identifier"),
    ("theo Quy định của Luật số 34, Luật sửa đổi", "identifier"),
    ("Báo cáo số 155/BC-TTTTH về việc", "identifier"),
    ("quy định tại Hướng dẫn 36-HD/BTCTW ngày", "identifier"),
    ("sửa đổi Nghị định số 52/2013; Phối hợp", "identifier"),
    ("phòng, chống dịch Covid-19. Cụ thể", "identifier"),
    ("xét nghiệm lại Sars-CoV-2; tiếp tục", "identifier"),
    ('thực hiện nghiêm yêu cầu "5K" của Bộ Y tế', "identifier"),
    ("Quận 1 có nhiều khách sạn.", "identifier"),
    ("sáp nhập (quận 2, quận 9 và quận Thủ Đức)", "identifier"),
    ("Đầu tư xây dựng Cơ sở 2 của nhà trường", "identifier"),
    ("em học Trường THPT số 1 của tỉnh", "identifier"),
    ("thực hiện các chỉ đạo của Ban Chỉ đạo 389 Quốc gia về công tác", "identifier"),
    ("doanh nghiệp ứng dụng công nghệ 4.0, phát triển", "identifier"),
    ("Liên hệ số điện thoại 0912.345.678 để biết thêm.", "identifier"),
    ("gọi hotline 0243 825 1234 ngay.", "identifier"),
    ("Điều 5 của Luật quy định", "identifier"),
    # ordinals
    ("Hội đồng trường đã bước sang nhiệm kỳ thứ 3 theo Quy định", "ordinal"),
    ("Đại hội đảng Cộng sản Cuba lần thứ 8 từ ngày", "ordinal"),
    ("ứng cử đại biểu Quốc hội khóa XV ở 184", "ordinal"),
    ("tổ chức hội nghị hiệp thương lần 2 chúng tôi", "ordinal"),
    ("Bí thư Thứ nhất Ban chấp hành Trung ương", "ordinal"),
    ("xếp thứ 3 toàn quốc.", "ordinal"),
    ("Trận đấu thứ hai diễn ra hôm qua.", "ordinal"),
    # vague amounts, article 'một'
    ("hàng trăm người dân đã đến", None),
    ("hàng nghìn người tham gia", None),
    ("Có vài chục người đứng xem.", None),
    ("ông Hoàng đánh bài cùng một số người ở hội trường", None),
    ("một đoạn clip ghi lại hình ảnh", None),
    ("Trường Đại học Mở Hà Nội, một trường đại học công lập", None),
    ("Mỗi một vị trí đã từng trải qua", None),
    ("UBKT Tỉnh ủy Thanh Hóa có một kết luận gửi Thường trực", None),
    ("Một năm sau đó, ông được bầu làm Phó Chủ tịch", None),
    ("thu hồi gấp đôi kinh phí hỗ trợ", None),
    ("nhiều người dân phản ánh", None),
    ("Quận Ba Đình có nhiều cơ quan.", None),
    ("Đại diện Ba Lan phát biểu.", None),
]


@pytest.mark.parametrize("text, kind", NOT_QUANTITY_CASES)
def test_not_quantities(text, kind):
    ms = find_numbers(text)
    assert not [m for m in ms if m.is_quantity], [(text[m.start : m.end], m.kind) for m in ms]
    if kind is None:
        assert not [m for m in ms if m.label == "NUMBER"], [(text[m.start : m.end], m.kind) for m in ms]
    else:
        assert kind in {m.kind for m in ms}, [(text[m.start : m.end], m.kind) for m in ms]


@pytest.mark.parametrize(
    "text, value, surface",
    [
        ("bước sang nhiệm kỳ thứ 3 theo", 3, "thứ 3"),
        ("Đại hội lần thứ 8 từ ngày", 8, "lần thứ 8"),
        ("đại biểu Quốc hội khóa XV ở", 15, "khóa XV"),
        ("đại biểu Quốc hội khóa XIV có", 14, "khóa XIV"),
        ("hiệp thương lần 2 chúng tôi", 2, "lần 2"),
        ("Bí thư Thứ nhất", 1, "Thứ nhất"),
    ],
)
def test_ordinal_values(text, value, surface):
    ms = [m for m in find_numbers(text) if m.kind == "ordinal"]
    assert len(ms) == 1 and ms[0].value == value and text[ms[0].start : ms[0].end] == surface


def test_identifier_spans():
    text = "ban hành Công điện số 10/CĐ-UBND về việc triển khai"
    (m,) = find_numbers(text)
    assert text[m.start : m.end] == "10/CĐ-UBND" and m.kind == "identifier" and not m.is_quantity


@pytest.mark.parametrize(
    "text, kind, surface",
    [
        ("Doanh thu tăng gấp 3 lần so với năm ngoái.", "multiplier", "3 lần"),
        ("Các ca F0 phải cách ly.", "identifier", "F0"),
        ("U23 Việt Nam thắng.", "identifier", "U23"),
        ("Xe đi trên Quốc lộ 1A.", "identifier", "1A"),
        ("Xe rẽ vào đường 3/2.", "identifier", "3/2"),
        ("Bệnh viện 108 tiếp nhận bệnh nhân.", "identifier", "108"),
        ("Sản phẩm của hãng 3M rất nổi tiếng.", "identifier", "3M"),
        ("trú tại phường 5, quận 3.", "identifier", "5"),
        ("Theo Thông tư 01/2021/TT-BGDĐT, học sinh", "identifier", "01/2021/TT-BGDĐT"),
        ("Ba mẹ em đều là giáo viên.", None, None),
        ("Hàng năm, hàng chục nghìn người đổ về lễ hội.", None, None),
        ("Mỗi năm người dân đều đóng góp.", None, None),
    ],
)
def test_more_non_quantities(text, kind, surface):
    ms = find_numbers(text)
    assert not [m for m in ms if m.is_quantity], [(text[m.start : m.end], m.kind) for m in ms]
    if kind is None:
        assert not [m for m in ms if m.label == "NUMBER"], [(text[m.start : m.end], m.kind) for m in ms]
    else:
        assert (kind, surface) in {(m.kind, text[m.start : m.end]) for m in ms}



# ---------------------------------------------------------------- issue 10: what unseen sections wrote
ISSUE10_NOT_QUANTITIES = [
    # text, kind of the match on the number (None: no NUMBER at all)
    ("Ông là một tỷ phú người Mỹ.", None),  # a billionaire, not 10^9
    ("Ông là tỷ phú giàu nhất châu Á.", None),
    ("Cô trở thành triệu phú khi còn rất trẻ", None),
    ("mười mấy ngàn người đổ về", None),  # vague
    ("có hai mươi mấy người", None),
    ("lãnh đạo hai bên đã chủ động bàn thảo", None),  # both sides
    ("quan hệ hữu nghị giữa hai Đảng, hai nước và hai Nhà nước", None),  # the two, already known
    ("trong quan hệ hai nước. Bộ trưởng", None),
    ("Cả hai đội bóng đều có cơ hội", None),
    ("Người bà lập tức đến căn hộ của hai mẹ con.", None),
    ("Hai vợ chồng đã ly hôn.", None),
    ("Huân chương lao động hạng 3 năm 2019; nhà giáo", "ordinal"),
    ("bắt buộc hoàn thành trong quý 3 năm nay", "ordinal"),
    ("Hiệp 2 thiên về chiến thuật nhiều hơn.", "ordinal"),
    ("Tay vợt này thắng set 2 rất nhanh.", "ordinal"),
    ("là cái tên quen thuộc với khán giả 8x, 9X.", "identifier"),  # generations
    ("Pixel 4a 5G không được trang bị", "identifier"),
    ("Nghị quyết số 559 ngày 27/4/2021 của Hội đồng", "identifier"),
    ("Kết quả xét nghiệm lần 3 ngày 19/4/2021 dương tính", "ordinal"),
    ("Đơn vị bầu cử số 5 bao gồm quận Tây Hồ", "identifier"),
    # tech, sport and travel pages (corpus articles read for issue 10)
    ("iPhone 12 Mini - iPhone 12 Mini phiên bản mới", "identifier"),  # a brand written with a capital inside
    ("Ngoài ra, Xiaomi Mi 11 cũng là một trong những", "identifier"),
    ("giành chiến thắng với tỷ số 2-1 ngay trên sân", "score"),
    ("Thái Lan thua với tổng tỷ số 4-3 ở các trận", "score"),
    ("Chelsea thắng 3-0 trước Porto", "score"),
    ("dù đang dẫn cách biệt 3-0. Phút 55, tiền vệ", "score"),
    ("Phút 42, đội khách gỡ hòa.", "ordinal"),  # a minute of the match
    ("bóng đập cột ở phút bù giờ 48 của hiệp một", "ordinal"),
    ("Hội nghị các nhà phân tích lần thứ 18 (18th Global Analyst Summit)", "ordinal"),
    ("Cô được học múa ba lê, hội họa, piano.", None),
    ("ngõ 115 An Dương (Yên Phụ) hoặc", "identifier"),  # addresses
    ("thưởng thức bánh rán ngon ở 52 Hàng Chiếu (Hoàn Kiếm)", "identifier"),
    ("có rất ít cơ hội vào top 4 cùng suất dự Champions League", "identifier"),
    ("nội dung chạy tiếp sức 4x400 m nữ", "identifier"),  # a relay, not a size
]


@pytest.mark.parametrize("text, kind", ISSUE10_NOT_QUANTITIES)
def test_issue10_not_quantities(text, kind):
    ms = find_numbers(text)
    assert not [m for m in ms if m.is_quantity], [(text[m.start : m.end], m.kind, m.unit) for m in ms]
    if kind is None:
        assert not [m for m in ms if m.label == "NUMBER"], [(text[m.start : m.end], m.kind) for m in ms]
    else:
        assert kind in {m.kind for m in ms}, [(text[m.start : m.end], m.kind) for m in ms]
