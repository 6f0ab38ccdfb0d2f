"""Positions of the sections beyond domestic politics (issue 10, round 2): foreign
ministers, sport, titles held for another person.  One table per mechanism of
Vietnamese sentences; names, clubs and bodies are invented or generic, so the
rules cannot have been written for one article.
"""
import pytest

from pipeline import resources as R


def _triples(facts: list[dict]) -> set[tuple[str, str, str]]:
    return {(f["person"], R.fold_key(f["title"]), R.fold_key(f["organization"] or "")) for f in facts}


def _check(facts_of, text: str, expected: list[tuple[str, str, str]],
           absent: list[tuple[str, str, str]] = ()) -> None:
    got = _triples(facts_of(text, "position"))
    for person, title, org in expected:
        assert (person, R.fold_key(title), R.fold_key(org)) in got, (person, title, org, got)
    for person, title, org in absent:
        assert (person, R.fold_key(title), R.fold_key(org)) not in got, (person, title, org, got)


# ------------------------------------------------- a foreign ministry named by its domain
FOREIGN_MINISTERS = [
    ("Bộ trưởng Giao thông Tan Wei Ming sẽ trở thành Bộ trưởng Y tế từ tháng tới.",
     [("Tan Wei Ming", "Bộ trưởng", "Bộ Giao thông"), ("Tan Wei Ming", "Bộ trưởng", "Bộ Y tế")], []),
    ("Ông Lim Boon Heng từng đảm nhiệm nhiều chức vụ như Bộ trưởng Phát triển Xã hội và Gia đình, "
     "Quyền Bộ trưởng Thể thao và Thanh niên.",
     [("Lim Boon Heng", "Bộ trưởng", "Bộ Phát triển Xã hội và Gia đình"),
      ("Lim Boon Heng", "Quyền Bộ trưởng", "Bộ Thể thao và Thanh niên")], []),
    ("Ông Lim Boon Heng, Quốc vụ khanh cấp cao Bộ Quốc phòng, cho biết.",
     [("Lim Boon Heng", "Quốc vụ khanh cấp cao", "Bộ Quốc phòng")], []),
    # a story about another country: its vice premier is that country's, though its ministries are named
    ("Thủ tướng Singapore Goh Kian Tat công bố cải tổ nội các. Bộ trưởng Tài chính Singapore Teo Hock Seng "
     "giữ nguyên vị trí. Bộ Y tế Singapore và Bộ Giáo dục Singapore có bộ trưởng mới. "
     "Phó Thủ tướng Heng Boon Kiat rút lui. Singapore sẽ công bố thêm.",
     [("Heng Boon Kiat", "Phó Thủ tướng", "Singapore"), ("Teo Hock Seng", "Bộ trưởng", "Bộ Tài chính Singapore")],
     []),
]


@pytest.mark.parametrize("text,expected,absent", FOREIGN_MINISTERS)
def test_foreign_ministers(facts_of, text, expected, absent):
    _check(facts_of, text, expected, absent)


# ------------------------------------------------- the holder before a relative clause or an age
RELATIVE_HOLDERS = [
    ("Ông Park Min Soo thay cho ông Kim Jae Won - người trở thành Bộ trưởng Tài chính mới của Hàn Quốc.",
     [("Kim Jae Won", "Bộ trưởng", "Bộ Tài chính")], []),
    ("Bộ trưởng Nội vụ là ông Lee Sang Ho, người được bổ nhiệm làm tân Bộ trưởng Tư pháp.",
     [("Lee Sang Ho", "Bộ trưởng", "Bộ Tư pháp")], []),
    ("Ông Tan Wei Ming, 51 tuổi, trở thành thành viên quốc hội Singapore từ năm 2011.",
     [("Tan Wei Ming", "Thành viên", "Quốc hội Singapore")], []),
]


@pytest.mark.parametrize("text,expected,absent", RELATIVE_HOLDERS)
def test_relative_clause_and_age(facts_of, text, expected, absent):
    _check(facts_of, text, expected, absent)


# ------------------------------------------------- a title held for another person
SERVES = [
    ("Ông Nguyễn Văn Hòa, Thư ký nguyên Phó Chủ tịch nước Trương Mỹ Hoa, cho biết.",
     [("Nguyễn Văn Hòa", "Thư ký", "")],
     [("Trương Mỹ Hoa", "Thư ký", ""), ("Nguyễn Văn Hòa", "Phó Chủ tịch nước", "Việt Nam")]),
    # the served person inside a career list does not take the later items
    ("Ông Lim Boon Heng từng đảm nhiệm nhiều vị trí công tác như lãnh đạo Cơ quan Phát triển nguồn nhân lực "
     "Singapore, Thư ký của Thủ tướng Goh Kian Tat, Bộ trưởng Bộ Giáo dục.",
     [("Lim Boon Heng", "Thư ký", ""), ("Lim Boon Heng", "Bộ trưởng", "Bộ Giáo dục")],
     [("Goh Kian Tat", "Bộ trưởng", "Bộ Giáo dục")]),
    ("Bà Lê Thị Hạnh, Trợ lý của Bộ trưởng Bộ Y tế Phạm Văn Quý, phát biểu.",
     [("Lê Thị Hạnh", "Trợ lý", ""), ("Phạm Văn Quý", "Bộ trưởng", "Bộ Y tế")],
     [("Lê Thị Hạnh", "Bộ trưởng", "Bộ Y tế")]),
]


@pytest.mark.parametrize("text,expected,absent", SERVES)
def test_titles_held_for_another_person(facts_of, text, expected, absent):
    _check(facts_of, text, expected, absent)


# ------------------------------------------------- sport: a coach and the team the text ties to them
COACHES = [
    # the team named right after the coach
    ("HLV Marco Bellini của Juventus phản đối quyết định của Liên đoàn bóng đá châu Âu (UEFA).",
     [("Marco Bellini", "HLV", "Juventus")], [("Marco Bellini", "HLV", "UEFA")]),
    # the only team of the sentence; an opponent is not the coach's
    ("HLV Marco Bellini hài lòng dù Juventus gặp bất lợi.", [("Marco Bellini", "HLV", "Juventus")], []),
    ("HLV Marco Bellini tiếc nuối vì không thể thắng trước Juventus.", [],
     [("Marco Bellini", "HLV", "Juventus")]),
    # 'thầy trò HLV A' after the team named before
    ("Chấn thương là tin không vui với đội tuyển Thái Lan. Vào tháng 6 tới, thầy trò HLV Kim Sung Min "
     "bước vào vòng loại.",
     [("Kim Sung Min", "HLV", "Đội tuyển Thái Lan")], []),
    # spelled out
    ("Huấn luyện viên Marco Bellini khẳng định Juventus vẫn còn hy vọng.",
     [("Marco Bellini", "Huấn luyện viên", "Juventus")], []),
    # no team named: no position
    ("HLV Marco Bellini cho biết toàn đội đã cố gắng.", [], [("Marco Bellini", "HLV", "")]),
]


@pytest.mark.parametrize("text,expected,absent", COACHES)
def test_coaches(facts_of, text, expected, absent):
    _check(facts_of, text, expected, absent)
    if not expected:
        assert not any(f["person"] == "Marco Bellini" for f in facts_of(text, "position"))


CLUB_TITLES = [
    ("Bản thân Juventus là đội có ảnh hưởng nhất khi Chủ tịch Marco Bianchi đứng đầu giải đấu này.",
     [("Marco Bianchi", "Chủ tịch", "Juventus")], []),
    ("Việc Juventus rút khỏi giải chỉ còn là vấn đề thời gian. Chủ tịch Marco Bianchi đang xin ý kiến cổ đông.",
     [("Marco Bianchi", "Chủ tịch", "Juventus")], []),
]


@pytest.mark.parametrize("text,expected,absent", CLUB_TITLES)
def test_club_titles(facts_of, text, expected, absent):
    _check(facts_of, text, expected, absent)


# ------------------------------------------------- what a title word is not
NOT_TITLES = [
    # 'quyền' ending 'chính quyền' is not 'Quyền' (acting)
    ("Chính quyền Tổng thống Mỹ Joe Bright cho biết sẽ hỗ trợ.",
     [("Joe Bright", "Tổng thống", "Mỹ")], [("Joe Bright", "Quyền Tổng thống", "Mỹ")]),
    # 'thành viên' in running text of no named body is a description
    ("TS. Ngô Thị Lan - Trưởng bộ môn Hướng dẫn Du lịch, Đại học Văn Lang thành viên đoàn khảo sát đánh giá cao.",
     [("Ngô Thị Lan", "Trưởng bộ môn", "Bộ môn Hướng dẫn Du lịch")], [("Ngô Thị Lan", "Thành viên", "")]),
]


@pytest.mark.parametrize("text,expected,absent", NOT_TITLES)
def test_not_titles(facts_of, text, expected, absent):
    _check(facts_of, text, expected, absent)


# ------------------------------------------------- the body a person leads, named before 'do A làm'
LED_BODIES = [
    ("Đoàn đại biểu quân sự cấp cao Lào do Thượng tướng Phạm Văn Đức làm Trưởng đoàn hội đàm với đoàn bạn.",
     [("Phạm Văn Đức", "Trưởng đoàn", "Đoàn đại biểu quân sự cấp cao Lào")], []),
    ("Đoàn công tác tới Bệnh viện Đa khoa tỉnh Yên Bái, giai đoạn ông Trần Minh Khôi làm giám đốc, để kiểm tra.",
     [("Trần Minh Khôi", "Giám đốc", "Bệnh viện Đa khoa tỉnh Yên Bái")], []),
]


@pytest.mark.parametrize("text,expected,absent", LED_BODIES)
def test_led_bodies(facts_of, text, expected, absent):
    _check(facts_of, text, expected, absent)


# ------------------------------------------------- persons named after a chain no one stands before
NAMED_AS = [
    ("3 trong số 4 ứng viên tại đơn vị này là đại biểu Quốc hội đương nhiệm, là các ông Hà Văn Lâm, Vũ Đình Khoa "
     "và Đỗ Quang Vinh.",
     [("Hà Văn Lâm", "Đại biểu", "Quốc hội"), ("Vũ Đình Khoa", "Đại biểu", "Quốc hội"),
      ("Đỗ Quang Vinh", "Đại biểu", "Quốc hội")], []),
    # a successor named after 'là' does not hold the post the subject left
    ("Ông Lò Văn Sơn đã thôi chức Chủ tịch UBND tỉnh Sơn La từ năm 2018 và người kế nhiệm là ông Cầm Văn Tú.",
     [], [("Cầm Văn Tú", "Chủ tịch", "Ủy ban nhân dân tỉnh Sơn La")]),
]


@pytest.mark.parametrize("text,expected,absent", NAMED_AS)
def test_named_as(facts_of, text, expected, absent):
    _check(facts_of, text, expected, absent)


def test_a_fuller_body_of_the_same_post_wins(facts_of):
    text = ("Thượng tướng Lý Thành Công, Bộ trưởng Bộ Quốc phòng làm Trưởng đoàn. "
            "Bộ trưởng Bộ Quốc phòng Trung Quốc Lý Thành Công cảm ơn chủ nhà.")
    got = _triples(facts_of(text, "position"))
    assert ("Lý Thành Công", "bộ trưởng", R.fold_key("Bộ Quốc phòng Trung Quốc")) in got, got
    assert ("Lý Thành Công", "bộ trưởng", R.fold_key("Bộ Quốc phòng")) not in got, got
