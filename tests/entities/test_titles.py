"""TITLE and what it names; positions read from title chains (whole pipeline)."""
import pytest

from _helpers import at, run, surface, view_of
from pipeline.entities import titles as T
from pipeline.entities.tagger import tag_sentence


@pytest.mark.parametrize("sentence, start, want", [
    ("Ông A, Phó Chủ tịch UBND tỉnh.", "Phó", ("Phó Chủ tịch", "generic", False)),
    ("Bà B, nguyên Phó Hiệu trưởng trường.", "Phó", ("Phó Hiệu trưởng", "education", True)),
    ("Ông C, Phó Bí thư Thường trực Tỉnh ủy.", "Phó", ("Phó Bí thư Thường trực", "party", False)),
    ("Ông D, Quyền Hiệu trưởng trường.", "Quyền", ("Quyền Hiệu trưởng", "education", False)),
])
def test_title(sentence, start, want):
    v = view_of(sentence)
    m = T.title(v, at(v, start))
    assert (m.canonical, m.info.category, m.info.former) == want


@pytest.mark.parametrize("sentence, want", [
    # title, body, person
    ("Giám đốc Sở Y tế Nguyễn Văn Bình kiểm tra.", [("TITLE", "Giám đốc"), ("ORGANIZATION", "Sở Y tế"),
                                                   ("PERSON", "Nguyễn Văn Bình")]),
    # a country after a head of state
    ("Tổng thống Pháp Emmanuel Macron thăm Hà Nội.", [("TITLE", "Tổng thống"), ("LOCATION", "Pháp"),
                                                     ("PERSON", "Emmanuel Macron"), ("LOCATION", "Hà Nội")]),
    # a body named after the title's head noun
    ("Trưởng ban Tổ chức Tỉnh ủy Gia Lai phát biểu.", [("TITLE", "Trưởng ban"),
                                                       ("ORGANIZATION", "Tổ chức Tỉnh ủy Gia Lai")]),
    # a ministry named by its domain
    ("Bộ trưởng Công Thương Đỗ Minh Khoa chủ trì.", [("TITLE", "Bộ trưởng"), ("ORGANIZATION", "Công Thương"),
                                                    ("PERSON", "Đỗ Minh Khoa")]),
    # a brand
    ("Tổng Giám đốc SunLand phát biểu.", [("TITLE", "Tổng Giám đốc"), ("ORGANIZATION", "SunLand")]),
    # a standing committee is a body, not the title 'Thường trực'
    ("Xin ý kiến Thường trực Huyện ủy Mộc Châu.", [("ORGANIZATION", "Thường trực Huyện ủy Mộc Châu")]),
])
def test_title_chain(sentence, want):
    v = view_of(sentence)
    got = [(m.label, v.surface(m.start, m.end)) for m in tag_sentence(v.s)]
    assert got == want


@pytest.mark.parametrize("sentence, bare", [
    ("Giám đốc cho biết.", True),
    ("Giám đốc Sở Y tế cho biết.", True),     # the body after it was read
    ("Chủ tịch Hà Giang cho biết.", False),   # a capitalized word we did not read may name it
])
def test_bare_title(sentence, bare):
    v = view_of(sentence)
    title = tag_sentence(v.s)[0]
    assert title.info.bare is bare


# ------------------------------------------------------------------ the whole pipeline
@pytest.mark.parametrize("text, positions", [
    # apposition with ',' and several titles, one shared complement
    ("Dự hội nghị có ông Lê Minh Hải, Bí thư Đảng ủy - Chủ tịch HĐND phường Tân Phong.", {
        ("Lê Minh Hải", "Bí thư", "Đảng ủy phường Tân Phong"),
        ("Lê Minh Hải", "Chủ tịch", "Hội đồng nhân dân phường Tân Phong")}),
    # '-' and 'kiêm'
    ("Bà Ngô Thị Thu - Phó Chủ tịch UBND huyện Cam Lâm cho biết.", {
        ("Ngô Thị Thu", "Phó Chủ tịch", "Ủy ban nhân dân huyện Cam Lâm")}),
    ("Ông Võ Văn Lực, Bí thư Huyện ủy kiêm Chủ tịch UBND huyện Đức Phổ.", {
        ("Võ Văn Lực", "Bí thư", "Huyện ủy Đức Phổ"),
        ("Võ Văn Lực", "Chủ tịch", "Ủy ban nhân dân huyện Đức Phổ")}),
    # title before the name
    ("Giám đốc Sở Y tế tỉnh Phú Yên Trần Văn Bình kiểm tra bệnh viện.", {
        ("Trần Văn Bình", "Giám đốc", "Sở Y tế tỉnh Phú Yên")}),
    ("Bộ trưởng Công Thương Đỗ Minh Khoa chủ trì cuộc họp.", {
        ("Đỗ Minh Khoa", "Bộ trưởng", "Bộ Công Thương")}),
    ("Thứ trưởng Bộ GD&ĐT Hà Văn Thịnh dự lễ.", {
        ("Hà Văn Thịnh", "Thứ trưởng", "Bộ Giáo dục và Đào tạo")}),
    # a title names its body after the head noun it leaves out
    ("Ông Đào Văn Chiến, Trưởng ban Tổ chức Tỉnh ủy Gia Lai, dự hội nghị.", {
        ("Đào Văn Chiến", "Trưởng ban", "Ban Tổ chức Tỉnh ủy Gia Lai")}),
    ("Ông Tạ Văn Lợi, Trưởng ban Quản lý Khu kinh tế tỉnh Bình Định, cho biết.", {
        ("Tạ Văn Lợi", "Trưởng ban", "Ban Quản lý Khu kinh tế tỉnh Bình Định")}),
    ("Bà Kiều Thị Hằng, Phó phòng Nội vụ huyện Mê Linh, cho biết.", {
        ("Kiều Thị Hằng", "Phó phòng", "Phòng Nội vụ huyện Mê Linh")}),
    # modifiers stay in the title
    ("Ông Phạm Quốc Bảo, Quyền Hiệu trưởng Trường THPT Lê Lợi.", {
        ("Phạm Quốc Bảo", "Quyền Hiệu trưởng", "Trường Trung học phổ thông Lê Lợi")}),
    ("Ông Bùi Văn Tường, Phó Bí thư Thường trực Tỉnh ủy Hà Tĩnh.", {
        ("Bùi Văn Tường", "Phó Bí thư Thường trực", "Tỉnh ủy Hà Tĩnh")}),
    # membership
    ("Ông Lý Văn Cường, Ủy viên Ban Thường vụ Tỉnh ủy Cao Bằng.", {
        ("Lý Văn Cường", "Ủy viên", "Ban Thường vụ Tỉnh ủy Cao Bằng")}),
    # head of state takes the country; a chủ tịch of a ward means its People's Committee
    ("Tổng thống Pháp Emmanuel Macron thăm Hà Nội.", {("Emmanuel Macron", "Tổng thống", "Pháp")}),
    ("Ông Đinh Công Sơn, Chủ tịch phường Hòa Khánh.", {
        ("Đinh Công Sơn", "Chủ tịch", "Ủy ban nhân dân phường Hòa Khánh")}),
    # a member list shares the title
    ("Ông Hà Văn An, bà Tạ Thị Bích và ông Lục Văn Minh được bầu làm Phó Chủ tịch HĐND tỉnh Yên Bái.", {
        ("Hà Văn An", "Phó Chủ tịch", "Hội đồng nhân dân tỉnh Yên Bái"),
        ("Tạ Thị Bích", "Phó Chủ tịch", "Hội đồng nhân dân tỉnh Yên Bái"),
        ("Lục Văn Minh", "Phó Chủ tịch", "Hội đồng nhân dân tỉnh Yên Bái")}),
    # the successor takes the post
    ("Ông Trần Văn Hòa kế nhiệm ông Lê Quang Đạo trở thành Giám đốc Sở Xây dựng tỉnh Bình Phước.", {
        ("Trần Văn Hòa", "Giám đốc", "Sở Xây dựng tỉnh Bình Phước")}),
    # an elliptical unit before the name: the city of the story
    ("Chủ tịch UBND TP Đà Nẵng Lê Trung Chinh họp báo. Phó Chủ tịch UBND TP Hồ Kỳ Minh phát biểu.", {
        ("Lê Trung Chinh", "Chủ tịch", "Ủy ban nhân dân Thành phố Đà Nẵng"),
        ("Hồ Kỳ Minh", "Phó Chủ tịch", "Ủy ban nhân dân Thành phố Đà Nẵng")}),
    # a company known by its brand; the board of the company named next in the chain
    ("Ông Lại Văn Tuấn, Phó Chủ tịch HĐQT - Tổng Giám đốc SunLand phát biểu.", {
        ("Lại Văn Tuấn", "Phó Chủ tịch", "Hội đồng quản trị SunLand"),
        ("Lại Văn Tuấn", "Tổng Giám đốc", "SunLand")}),
    ("Ông Nguyễn Đăng Quang - Chủ tịch Masan Group cho biết.", {
        ("Nguyễn Đăng Quang", "Chủ tịch", "Masan Group")}),
    # a region known as a whole; a foreign name with particles
    ("Chủ tịch Ủy ban châu Âu Ursula von der Leyen bình luận trên Twitter.", {
        ("Ursula von der Leyen", "Chủ tịch", "Ủy ban châu Âu")}),
    # a bare head after a title is the body the story is about
    ("Bệnh viện Việt Đức tiếp nhận ca bệnh. Ông Dương Đức Hùng, Giám đốc Bệnh viện cho biết.", {
        ("Dương Đức Hùng", "Giám đốc", "Bệnh viện Việt Đức")}),
    # lowercase title before a name: a description unless a body or a Vietnamese name follows
    ("Theo tân hiệu trưởng trường THPT Bắc Hà Lê Thị Hoa, năm học đã bắt đầu.", {
        ("Lê Thị Hoa", "Hiệu trưởng", "Trường Trung học phổ thông Bắc Hà")}),
    ("Nhà sáng lập Pizza Home thừa nhận khó khăn.", set()),
    # an occupation with no body is not a position
    ("Trao đổi với phóng viên, ông Kim Văn Lộc, Chủ tịch UBND huyện Bảo Lạc cho biết.", {
        ("Kim Văn Lộc", "Chủ tịch", "Ủy ban nhân dân huyện Bảo Lạc")}),
    ("Bà Đinh Thị Mơ đồng sáng lập công ty năm 2010.", set()),
    # in a list, a title right before a name belongs to that name
    ("Hội đồng gồm: Chủ tịch Huỳnh Văn Tám, Phó Chủ tịch Lâm Thị Cúc và Ủy viên Tô Văn Bảy.", {
        ("Huỳnh Văn Tám", "Chủ tịch", None), ("Lâm Thị Cúc", "Phó Chủ tịch", None),
        ("Tô Văn Bảy", "Ủy viên", None)}),
    # a hospital named after a person keeps the name; an aside does not break the apposition
    ("Ông Đào Văn Long (sinh năm 1967) - Giám đốc Bệnh viện Phạm Ngọc Thạch cho biết.", {
        ("Đào Văn Long", "Giám đốc", "Bệnh viện Phạm Ngọc Thạch")}),
    # an aside in brackets between the name and the title
    ("Ông Cao Văn Sỹ (sinh năm 1975) - Thẩm phán TAND tỉnh Ninh Bình ứng cử.", {
        ("Cao Văn Sỹ", "Thẩm phán", "Tòa án nhân dân tỉnh Ninh Bình")}),
    # a bare title takes the body the text names for the same person elsewhere
    ("Thượng tướng Lò Văn Mạnh, Bộ trưởng Bộ Quốc phòng Lào, đến thăm. Bộ Y tế Việt Nam chuẩn bị. "
     "Sau đó, Bộ trưởng Lò Văn Mạnh phát biểu.", {("Lò Văn Mạnh", "Bộ trưởng", "Bộ Quốc phòng Lào")}),
    # one title over coordinated bodies
    ("Ông Mạc Văn Định, Chủ tịch HĐND và UBND xã Yên Lạc, phát biểu.", {
        ("Mạc Văn Định", "Chủ tịch", "Hội đồng nhân dân xã Yên Lạc"),
        ("Mạc Văn Định", "Chủ tịch", "Ủy ban nhân dân xã Yên Lạc")}),
    # a body we cannot read is not guessed; a predicate after a bare title is not a name
    ("Ban Tuyên giáo có nhiều cán bộ. Bà Kha Thị Lan, Phó Ban nghiên cứu và đào tạo, tự ứng cử.", {
        ("Kha Thị Lan", "Phó Ban", None)}),
    ("Trường Đại học Vinh có hiệu trưởng mới. Bà Lưu Thị Hoa nguyên Phó Hiệu trưởng trở thành Hiệu trưởng.", {
        ("Lưu Thị Hoa", "Phó Hiệu trưởng", "Trường Đại học Vinh")}),
    # 'ông' as the subject of a later clause is the person the story is about
    ("Ông Lục Văn Hải sinh năm 1970. Đến năm 2015, ông được bầu làm Bí thư Tỉnh ủy Lai Châu.", {
        ("Lục Văn Hải", "Bí thư", "Tỉnh ủy Lai Châu")}),
    # an unnamed holder is not a position
    ("Chủ tịch UBND tỉnh yêu cầu các sở triển khai.", set()),
])
def test_positions(text, positions):
    _, got, _ = run(text)
    assert got == positions


@pytest.mark.parametrize("text, former", [
    ("Bà Lưu Thị Hoa, nguyên Phó Hiệu trưởng Trường Đại học Vinh.", {("Lưu Thị Hoa", "Phó Hiệu trưởng")}),
    ("Ông Lò Văn Pá, cựu Chủ tịch UBND tỉnh Sơn La.", {("Lò Văn Pá", "Chủ tịch")}),
    ("Ông Đặng Văn Hùng, Chủ tịch UBND tỉnh Sơn La.", set()),
    ("Ông Châu Văn Lộc từng là Giám đốc Sở Tài chính tỉnh Kiên Giang.", {("Châu Văn Lộc", "Giám đốc")}),
    # the same subject goes on to a post it has left
    ("Ông Hồ Văn Niên làm Bí thư Tỉnh ủy Gia Lai từ năm 2015, nhưng đã thôi chức Chủ tịch HĐND tỉnh Gia Lai.",
     {("Hồ Văn Niên", "Chủ tịch")}),
])
def test_former_positions(text, former):
    _, _, got = run(text)
    assert got == former


def test_title_is_the_role_without_its_body():
    ents, _, _ = run("Ông Trần Hữu Tín, Phó Giám đốc Sở Tài chính tỉnh Kon Tum.")
    assert ents["TITLE"] == {"Phó Giám đốc"}
    assert ents["ORGANIZATION"] == {"Sở Tài chính tỉnh Kon Tum"}
