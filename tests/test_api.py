"""The entry point's choice of the article's title: a photo caption on the first
line is not it (texts invented for the tests)."""
import pytest

from pipeline.api import extract, headline

BODY = "Ngày 4/2, UBND phường tổ chức hội nghị tổng kết năm học."


@pytest.mark.parametrize("text, want", [
    # a headline is the first line
    (f"Phường Xuân Hòa tổng kết năm học\n{BODY}", "Phường Xuân Hòa tổng kết năm học"),
    (f"\n  TPHCM: Lãnh đạo phường mở diễn đàn  \n{BODY}", "TPHCM: Lãnh đạo phường mở diễn đàn"),
    # a caption then the real headline
    (f"Quang cảnh hội nghị (Ảnh: Minh Tâm).\nPhường Xuân Hòa tổng kết năm học\n{BODY}",
     "Phường Xuân Hòa tổng kết năm học"),
    (f"Đại biểu dự hội nghị sáng 4/2. Ảnh: Minh Tâm\nPhường Xuân Hòa tổng kết năm học\n{BODY}",
     "Phường Xuân Hòa tổng kết năm học"),
    (f"Ông Lê Văn Tám (Ảnh: Facebook nhân vật).\n{BODY}", BODY),              # a short line ending with a credit
    (f"Toàn cảnh thị trường (ảnh chụp màn hình).\n{BODY}", BODY),
    (f"Nhiều nhà đầu tư thua lỗ (ảnh minh họa).\n{BODY}", BODY),
    (f"Ảnh minh họa một chiếc tàu ngầm.\n{BODY}", BODY),
    (f"Tàu khu trục của hải quân. (Nguồn: Pinterest)\n{BODY}", BODY),
    (f"Ảnh minh họa (Nguồn: AP)\nMột chiếc tàu. Ảnh: T.Thủy\n{BODY}", BODY),     # two captions
    # headlines that only speak of photos are headlines
    ("Sau tranh cãi thu tiền chụp ảnh: Tiểu thương có gỡ biển?\n" + BODY,
     "Sau tranh cãi thu tiền chụp ảnh: Tiểu thương có gỡ biển?"),
    (f"Hà Nội rực rỡ cờ hoa ngày lễ (ảnh)\n{BODY}", "Hà Nội rực rỡ cờ hoa ngày lễ (ảnh)"),
    (f"Một bức ảnh (ảnh bên phải) gây tranh cãi trên mạng\n{BODY}", "Một bức ảnh (ảnh bên phải) gây tranh cãi trên mạng"),
    # only captions: no title rather than a caption
    ("Hoa nở trên núi (Ảnh: Minh Tâm).\nDu khách ngắm hoa (Ảnh: Minh Tâm).\nMây phủ đỉnh núi (Ảnh: Minh Tâm).",
     None),
    ("   \n", None),
])
def test_headline_skips_photo_captions(text, want):
    assert headline(text) == want


def test_the_output_title_is_not_the_caption():
    text = f"Quang cảnh hội nghị (Ảnh: Minh Tâm).\nPhường Xuân Hòa tổng kết năm học\n{BODY}"
    assert extract(text).title == "Phường Xuân Hòa tổng kết năm học"
    assert extract(text, meta={"title": "Tiêu đề từ nguồn"}).title == "Tiêu đề từ nguồn"   # the input's own title wins
