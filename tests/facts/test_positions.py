"""Positions: one table of Vietnamese sentences per linking mechanism (issue 10).

Each row: a text and the (person, title, organization) triples that must be
among the position facts (organization compared after folding); names and
bodies are invented, so the rules cannot have been written for them.
"""
import pytest

from pipeline import resources as R


def _triples(facts: list[dict]) -> set[tuple[str, str, str]]:
    return {(f["person"], R.fold_key(f["title"]), R.fold_key(f["organization"] or "")) for f in facts}


def _check(facts_of, text: str, expected: list[tuple[str, str, str]]) -> None:
    got = _triples(facts_of(text, "position"))
    for person, title, org in expected:
        assert (person, R.fold_key(title), R.fold_key(org)) in got, (person, title, org, got)


# ------------------------------------------------- inner bodies printed alone in a chain
INNER_CHAINS = [
    ("Ông Hồ Văn Khải (sinh năm 1970), Bí thư Đảng ủy, Cục trưởng Cục Thi hành án dân sự tỉnh Nghệ An.",
     [("Hồ Văn Khải", "Bí thư", "Đảng ủy Cục Thi hành án dân sự tỉnh Nghệ An"),
      ("Hồ Văn Khải", "Cục trưởng", "Cục Thi hành án dân sự tỉnh Nghệ An")]),
    ("Ông Đỗ Minh Tâm, Bí thư Đảng đoàn, Bí thư Đảng ủy cơ quan, Chủ tịch Liên đoàn Lao động tỉnh Bình Định.",
     [("Đỗ Minh Tâm", "Bí thư", "Đảng đoàn Liên đoàn Lao động tỉnh Bình Định"),
      ("Đỗ Minh Tâm", "Bí thư", "Đảng ủy cơ quan Liên đoàn Lao động tỉnh Bình Định"),
      ("Đỗ Minh Tâm", "Chủ tịch", "Liên đoàn Lao động tỉnh Bình Định")]),
    ("Bà Phan Thị Lụa, Ủy viên Ban Thường vụ Đảng ủy, Giám đốc Sở Y tế tỉnh Hà Nam.",
     [("Phan Thị Lụa", "Ủy viên", "Ban Thường vụ Đảng ủy Sở Y tế tỉnh Hà Nam")]),
    ("Bà Lò Thị Vân, Bí thư Chi bộ, Chủ tịch Hội Liên hiệp Phụ nữ huyện Mường La.",
     [("Lò Thị Vân", "Bí thư", "Chi bộ Hội Liên hiệp Phụ nữ huyện Mường La")]),
    # a rank between two posts keeps the chain
    ("Ông Tạ Quang Vinh, Bí thư Đảng ủy Bộ tham mưu, Đại tá, Phó Tham mưu trưởng Quân khu 7.",
     [("Tạ Quang Vinh", "Phó Tham mưu trưởng", "Quân khu 7")]),
]


@pytest.mark.parametrize("text,expected", INNER_CHAINS)
def test_inner_bodies_take_the_chain_body(facts_of, text, expected):
    _check(facts_of, text, expected)


# ------------------------------------------------- the story's institution
STORY_BODY = [
    ("Ngân hàng TMCP Đông Phương tổ chức đại hội cổ đông. Cổ đông của Ngân hàng TMCP Đông Phương đã họp.\n"
     "Ông Kiều Văn Sáng giữ chức Phó Chủ tịch HĐQT kiêm thành viên HĐQT độc lập.",
     [("Kiều Văn Sáng", "Phó Chủ tịch", "Hội đồng quản trị Ngân hàng Thương mại Cổ phần Đông Phương")]),
]


@pytest.mark.parametrize("text,expected", STORY_BODY)
def test_inner_body_alone_is_the_story_institution(facts_of, text, expected):
    _check(facts_of, text, expected)


# ------------------------------------------------- member lists
MEMBER_LISTS = [
    ("Công ty Cổ phần Thép Sông Lam họp đại hội. Công ty Cổ phần Thép Sông Lam có lãi.\n"
     "Thành viên HĐQT nhiệm kỳ 2021 - 2025 gồm ông Vương Đình Khoa, bà Hà Thị Mai và ông Lục Văn Bình.",
     [("Vương Đình Khoa", "Thành viên", "Hội đồng quản trị Công ty Cổ phần Thép Sông Lam"),
      ("Hà Thị Mai", "Thành viên", "Hội đồng quản trị Công ty Cổ phần Thép Sông Lam"),
      ("Lục Văn Bình", "Thành viên", "Hội đồng quản trị Công ty Cổ phần Thép Sông Lam")]),
]


@pytest.mark.parametrize("text,expected", MEMBER_LISTS)
def test_member_lists(facts_of, text, expected):
    _check(facts_of, text, expected)


# ------------------------------------------------- tables flattened into lines
TABLE = (
    "Trường Đại học Sông Hồng công bố hội đồng trường mới.\n"
    "Danh sách thành viên Hội đồng trường Trường Đại học Sông Hồng như sau:\n"
    "TT\nHọ tên\nChức vụ\n"
    "1\nPGS. Khổng Minh Đức\nPhó Bí thư Đảng ủy\nHiệu trưởng\n"
    "2\nTS. Mạc Thị Hoa\nĐảng ủy viên, Trưởng phòng Đào tạo\n"
    "3\nÔng Quách Văn Lợi\nTổng giám đốc Tổng công ty Khí Miền Trung\n"
)


def test_table_rows(facts_of):
    _check(facts_of, TABLE, [
        ("Khổng Minh Đức", "Hiệu trưởng", "Trường Đại học Sông Hồng"),
        ("Khổng Minh Đức", "Phó Bí thư", "Đảng ủy Trường Đại học Sông Hồng"),
        ("Mạc Thị Hoa", "Đảng ủy viên", "Đảng ủy Trường Đại học Sông Hồng"),
        ("Quách Văn Lợi", "Tổng giám đốc", "Tổng công ty Khí Miền Trung"),
        ("Quách Văn Lợi", "Thành viên", "Hội đồng trường Trường Đại học Sông Hồng"),
        ("Mạc Thị Hoa", "Thành viên", "Hội đồng trường Trường Đại học Sông Hồng"),
    ])


def test_table_cells_are_not_read_without_a_header(facts_of):
    text = "1\nPGS. Khổng Minh Đức\nHiệu trưởng\n"
    assert not [f for f in facts_of(text, "position") if f["person"] == "Khổng Minh Đức"]


# ------------------------------------------------- career histories
CAREERS = [
    ("Ông Lâm Quốc Huy gắn bó với Tập đoàn Hưng Phát từ năm 2010 với các vị trí Phó Tổng giám đốc "
     "Tập đoàn Hưng Phát, Tổng giám đốc Công ty Cổ phần Hưng Phát Land.",
     [("Lâm Quốc Huy", "Phó Tổng giám đốc", "Tập đoàn Hưng Phát"),
      ("Lâm Quốc Huy", "Tổng giám đốc", "Công ty Cổ phần Hưng Phát Land")]),
    ("Ông Lâm Quốc Huy sinh năm 1975. Ông từng giữ nhiều vị trí như Giám đốc Công ty TNHH Minh Long; "
     "Chủ tịch HĐTV kiêm Giám đốc Công ty TNHH Hải Vân.",
     [("Lâm Quốc Huy", "Giám đốc", "Công ty Trách nhiệm hữu hạn Minh Long"),
      ("Lâm Quốc Huy", "Giám đốc", "Công ty Trách nhiệm hữu hạn Hải Vân")]),
]


@pytest.mark.parametrize("text,expected", CAREERS)
def test_career_lists(facts_of, text, expected):
    _check(facts_of, text, expected)


def test_career_posts_are_former(facts_of):
    text = "Ông Lâm Quốc Huy sinh năm 1975. Ông từng giữ các chức vụ Giám đốc Sở Tài chính tỉnh Gia Lai."
    facts = [f for f in facts_of(text, "position") if f["person"] == "Lâm Quốc Huy"]
    assert facts and all(f.get("former") for f in facts)


# ------------------------------------------------- appointment, succession
APPOINTMENTS = [
    ("Hội đồng quản trị thống nhất bầu ông Triệu Văn Hòa giữ chức Chủ tịch HĐQT Công ty Cổ phần Nhựa Bình Minh.",
     [("Triệu Văn Hòa", "Chủ tịch", "Hội đồng quản trị Công ty Cổ phần Nhựa Bình Minh")]),
    ("Ông Triệu Văn Hòa được bổ nhiệm làm Giám đốc Sở Xây dựng tỉnh Kon Tum thay cho ông Ninh Văn Tú.",
     [("Triệu Văn Hòa", "Giám đốc", "Sở Xây dựng tỉnh Kon Tum"),
      ("Ninh Văn Tú", "Giám đốc", "Sở Xây dựng tỉnh Kon Tum")]),
    ("Bộ Giáo dục và Đào tạo công nhận quyền Hiệu trưởng Trường Đại học Hòa Bình đối với TS Kha Văn Lực.",
     [("Kha Văn Lực", "Quyền Hiệu trưởng", "Trường Đại học Hòa Bình")]),
]


@pytest.mark.parametrize("text,expected", APPOINTMENTS)
def test_appointment_and_succession(facts_of, text, expected):
    _check(facts_of, text, expected)


# ------------------------------------------------- asides between the person and the chain
def test_aside_in_brackets(facts_of):
    text = "Ông Hoàng Văn Lâm (Hoàng Lâm - sinh năm 1960), Ủy viên Bộ Chính trị, Bộ trưởng Bộ Tài chính."
    got = _triples(facts_of(text, "position"))
    assert any(t[1] == "bộ trưởng" and t[2] == R.fold_key("Bộ Tài chính") for t in got), got
    assert any(t[1] == "ủy viên" and t[2] == R.fold_key("Bộ Chính trị") for t in got), got
