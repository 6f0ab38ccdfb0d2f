"""PERSON: the name recognizer on one sentence, bylines and credits, then the
whole pipeline (names invented for the tests)."""
import pytest

from _helpers import at, run, surface, view_of
from pipeline.entities import persons as P


@pytest.mark.parametrize("sentence, start, triggered, want", [
    ("Ông Lê Văn Tám cho biết.", "Lê", True, "Lê Văn Tám"),
    ("Nguyễn Thị Thu Trang đạt giải nhất.", "Nguyễn", False, "Nguyễn Thị Thu Trang"),
    ("Tổng thống Donald Trump phát biểu.", "Donald", True, "Donald Trump"),       # foreign: needs a trigger
    ("Tổng thống Donald Trump phát biểu.", "Donald", False, None),
    ("Bà Ursula von der Leyen bình luận.", "Ursula", True, "Ursula von der Leyen"),  # particles
    ("Bệnh nhân Covid-19 đã xuất viện.", "Covid-19", True, None),                  # digits
    ("Các em học sinh Hà Nội tham gia.", "Hà Nội", False, None),                   # a place
    ("Ông Lê cho biết.", "Lê", False, None),                                       # one syllable, no trigger
])
def test_person(sentence, start, triggered, want):
    v = view_of(sentence)
    m = P.person(v, at(v, start.split()[0]), triggered)
    assert (surface(v, m) if m else None) == want


@pytest.mark.parametrize("line, want", [
    ("Thanh Hà", ["Thanh Hà"]),
    ("Minh Anh - Quốc Tuấn", ["Minh Anh", "Quốc Tuấn"]),
    ("Ngọc Lan (tổng hợp)", ["Ngọc Lan"]),
    ("Ảnh: Nguyễn Tiến Đạt", ["Nguyễn Tiến Đạt"]),
    ("Hải YếnTheo Reuters", ["Hải Yến", "Reuters"]),      # the glued source is an outlet
    ("Bộ Công Thương", []),                               # a body
    ("Nội dung là một câu bình thường", []),               # a sentence, not a credit line
])
def test_bylines(line, want):
    v = view_of(line)
    assert sorted(surface(v, m) for m in P.bylines(v)) == sorted(want)


@pytest.mark.parametrize("sentence, want", [
    ("Cầu thủ ghi bàn (ảnh: Tuấn Kiệt).", "Tuấn Kiệt"),
    ("Nhà máy sau thảm họa (ảnh: China Daily).", None),
])
def test_photo_credit(sentence, want):
    v = view_of(sentence)
    i = at(v, "ảnh")
    end = P.recognize_credit(v, i)
    assert (surface(v, v.out[0]) if end else None) == want


# ------------------------------------------------------------------ the whole pipeline
@pytest.mark.parametrize("text, persons", [
    # honorific triggers are not part of the name
    ("Ông Lê Văn Tám cho biết dự án sẽ hoàn thành trong năm nay.", {"Lê Văn Tám"}),
    ("Theo bà Phan Thị Mỹ Lệ, kế hoạch đã được thông qua.", {"Phan Thị Mỹ Lệ"}),
    ("Đồng chí Hà Minh Quân phát biểu tại hội nghị.", {"Hà Minh Quân"}),
    ("PGS.TS Trịnh Văn Khải trình bày báo cáo.", {"Trịnh Văn Khải"}),
    ("GS.TS Đoàn Thị Hạnh nhận giải thưởng.", {"Đoàn Thị Hạnh"}),
    ("Đại tá Vũ Đình Long chỉ đạo lực lượng.", {"Vũ Đình Long"}),
    ("ThS Lâm Ngọc Hân hướng dẫn sinh viên.", {"Lâm Ngọc Hân"}),
    # no trigger: a surname-led capitalized run
    ("Nguyễn Thị Thu Trang đạt giải nhất cuộc thi.", {"Nguyễn Thị Thu Trang"}),
    # foreign names after honorifics and titles
    ("Tổng thống Mỹ Donald Trump đã gặp Thủ tướng Singapore Lý Hiển Long.", {"Donald Trump", "Lý Hiển Long"}),
    ("Ông Miguel Diaz-Canel phát biểu tại Havana.", {"Miguel Diaz-Canel"}),
    # short references merge into the full name
    ("Ông Trần Quốc Nam là kỹ sư. Ông Nam cho biết công trình đã xong.", {"Trần Quốc Nam"}),
    ("Ông Miguel Diaz-Canel, 60 tuổi. Ông Diaz-Canel sinh năm 1960.", {"Miguel Diaz-Canel"}),
    # a Vietnamese name is referred to by its given name, not its surname
    ("Bà Trương Thị Hiền phát biểu. Ông Trương cũng có mặt.", {"Trương Thị Hiền"}),
    # places, bodies and numbers are not names
    ("Các em học sinh Hà Nội tham gia ngày hội.", set()),
    ("Bệnh nhân Covid-19 đã xuất viện.", set()),
    ("Chính quyền TP Hồ Chí Minh triển khai biện pháp mới.", set()),
])
def test_persons(text, persons):
    ents, _, _ = run(text)
    assert ents.get("PERSON", set()) == persons


@pytest.mark.parametrize("text, persons", [
    ("Nội dung bài viết.\nThanh Hà", {"Thanh Hà"}),                      # byline
    ("Nội dung bài viết.\nMinh Anh - Quốc Tuấn", {"Minh Anh", "Quốc Tuấn"}),
    ("Nội dung bài viết.\nNgọc Lan (tổng hợp)", {"Ngọc Lan"}),
    ("Nội dung bài viết.\nHải YếnTheo Reuters", {"Hải Yến"}),            # glued source credit
    ("Nội dung bài viết.\nTheo Bảo ChâuVietNamNet", {"Bảo Châu"}),
    ("Nội dung bài viết.\nTheo Đức Minh\nTiền Phong", {"Đức Minh"}),    # the source line is an outlet
    ("Cầu thủ ghi bàn (Ảnh: Tuấn Kiệt).", {"Tuấn Kiệt"}),               # photo credit
    ("Nhà máy sau thảm họa. Ảnh: China Daily", set()),                   # a credit that is a body
    ("Nội dung bài viết.\nBộ Công Thương", set()),
])
def test_bylines_and_credits(text, persons):
    ents, _, _ = run(text)
    assert ents.get("PERSON", set()) == persons




# ------------------------------------------------------------------ the paper's own people
@pytest.mark.parametrize("line, want", [
    ("Thanh Hà", {"Thanh Hà": "byline"}),
    ("Minh Anh - Quốc Tuấn", {"Minh Anh": "byline", "Quốc Tuấn": "byline"}),
    ("Theo Bảo Châu", {"Bảo Châu": "byline"}),
    ("Ảnh: Nguyễn Tiến Đạt", {"Nguyễn Tiến Đạt": "photo"}),
])
def test_byline_names_carry_their_role(line, want):
    v = view_of(line)
    assert {surface(v, m): m.info.role for m in P.bylines(v)} == want


def test_a_photo_credit_is_a_photo_role_and_a_name_is_none():
    v = view_of("Cầu thủ ghi bàn (ảnh: Tuấn Kiệt).")
    assert P.recognize_credit(v, at(v, "ảnh")) and v.out[0].info.role == "photo"
    v = view_of("Ông Lê Văn Tám cho biết.")
    assert P.recognize_honorific(v, 0) and v.out[0].info.role == ""


@pytest.mark.parametrize("text, roles", [
    ("Ông Lê Văn Tám cho biết dự án sẽ hoàn thành.\nThanh Hà", {"Lê Văn Tám": None, "Thanh Hà": "byline"}),
    ("Ông Lê Văn Tám dự lễ khánh thành (Ảnh: Tuấn Kiệt).\nMinh Anh - Quốc Tuấn",
     {"Lê Văn Tám": None, "Tuấn Kiệt": "photo", "Minh Anh": "byline", "Quốc Tuấn": "byline"}),
    ("Ông Lê Văn Tám dự lễ khánh thành.\nẢnh: Nguyễn Tiến Đạt", {"Lê Văn Tám": None, "Nguyễn Tiến Đạt": "photo"}),
    # a reporter the story itself names is one of its persons: no role
    ("Nhà báo Thanh Hà phỏng vấn ông Lê Văn Tám.\nThanh Hà", {"Thanh Hà": None, "Lê Văn Tám": None}),
])
def test_output_persons_carry_the_role_of_their_mentions(text, roles):
    from pipeline.api import extract

    art = extract(text).model_dump(mode="json", exclude_none=True)
    got = {e["canonical"]: e.get("role") for e in art["entities"] if e["type"] == "PERSON"}
    assert got == roles
    assert all("role" not in e for e in art["entities"] if e["type"] != "PERSON")
