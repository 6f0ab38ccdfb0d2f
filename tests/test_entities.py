"""Persons, titles, organizations, locations and positions: tables of
real-looking Vietnamese press sentences (names invented for the tests)."""
import pytest

from pipeline.api import extract


def run(text):
    art = extract(text)
    ents = {}
    for e in art.entities:
        ents.setdefault(e.type, set()).add(e.canonical)
    positions = {(f.person, f.title, f.organization) for f in art.facts if f.type == "position"}
    former = {(f.person, f.title) for f in art.facts if f.type == "position" and f.former}
    return ents, positions, former


# ------------------------------------------------------------------ persons
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


# ------------------------------------------------------------------ organizations
@pytest.mark.parametrize("text, orgs", [
    ("Sở Y tế tỉnh Bình Định vừa có văn bản.", {"Sở Y tế tỉnh Bình Định"}),
    ("UBND phường Tân Định ban hành kế hoạch.", {"Ủy ban nhân dân phường Tân Định"}),
    ("Sở GD&ĐT TP.HCM công bố đề thi.", {"Sở Giáo dục và Đào tạo Thành phố Hồ Chí Minh"}),
    # nested bodies
    ("Ban Thường vụ Đảng ủy xã Hòa Phú họp phiên thường kỳ.", {"Ban Thường vụ Đảng ủy xã Hòa Phú"}),
    ("Văn phòng UBND tỉnh Lạng Sơn thông báo.", {"Văn phòng Ủy ban nhân dân tỉnh Lạng Sơn"}),
    # coordinated bodies share the complement
    ("Đảng ủy - HĐND - UBND - Ủy ban MTTQ Việt Nam phường Phú Mỹ tổ chức hội nghị.", {
        "Đảng ủy phường Phú Mỹ", "Hội đồng nhân dân phường Phú Mỹ", "Ủy ban nhân dân phường Phú Mỹ",
        "Ủy ban Mặt trận Tổ quốc Việt Nam phường Phú Mỹ"}),
    # a standing committee is a body, not the title 'Thường trực'
    ("Chi bộ xin ý kiến Thường trực Huyện ủy Mộc Châu về việc này.", {"Thường trực Huyện ủy Mộc Châu"}),
    # descriptive names: one capitalized word then lowercase words
    ("Cục Quản lý thị trường tỉnh Nam Định kiểm tra cửa hàng.", {"Cục Quản lý thị trường tỉnh Nam Định"}),
    ("Công ty TNHH Phú Gia đã nộp phạt.", {"Công ty Trách nhiệm hữu hạn Phú Gia"}),
    ("Công ty BSR vinh dự nhận giải thưởng.", {"Công ty BSR"}),       # a brand takes no lowercase words
    ("Ngân hàng TMCP Sài Gòn công bố lãi suất.", {"Ngân hàng Thương mại Cổ phần Sài Gòn"}),
    ("Bệnh viện Chợ Rẫy tiếp nhận bệnh nhân.", {"Bệnh viện Chợ Rẫy"}),
    ("Xe cứu thương đưa khách về bệnh viện Trần Hưng Đạo.", {"Bệnh viện Trần Hưng Đạo"}),  # named after a person
    ("Các bệnh viện Hà Nội quá tải.", set()),
    ("Tòa án nhân dân tỉnh Đắk Lắk mở phiên xử.", {"Tòa án nhân dân tỉnh Đắk Lắk"}),
    ("Theo hãng tin Reuters, WHO đã cảnh báo.", {"Reuters", "WHO"}),
    ("Nội dung bài viết.\nHải YếnTheo Reuters", {"Reuters"}),    # the source glued to a byline
    # elliptical names resolved from the document
    ("Phường Bến Thành có 5 trường học. UBND phường đã họp.", {"Ủy ban nhân dân phường Bến Thành"}),
    ("UBND tỉnh Quảng Bình chỉ đạo Sở Y tế kiểm tra.", {
        "Ủy ban nhân dân tỉnh Quảng Bình", "Sở Y tế tỉnh Quảng Bình"}),
    # not organizations: places, generic bodies, the article's own outlet
    ("Đài Loan và Hội An thu hút du khách.", set()),
    ("Các trường đã hoàn thành kế hoạch.", set()),
    ("Ông được bầu giữ chức Chủ tịch Hội đồng nhà trường.", set()),
    # a national body is not filled with the story's ward
    ("UBND phường Đa Kao xác minh. Cơ quan An ninh điều tra đã phong tỏa tài khoản.", {
        "Ủy ban nhân dân phường Đa Kao"}),
    ("(NLĐO)- Lãnh đạo phường mở diễn đàn.", set()),
])
def test_organizations(text, orgs):
    ents, _, _ = run(text)
    assert ents.get("ORGANIZATION", set()) == orgs


@pytest.mark.parametrize("text, locations", [
    ("Đoàn công tác đến xã Tân Lập, huyện Đan Phượng.", {"xã Tân Lập", "huyện Đan Phượng"}),
    ("Hàng hóa xuất sang Nhật Bản và Hàn Quốc.", {"Nhật Bản", "Hàn Quốc"}),
    ("Người dân TPHCM và Hà Nội.", {"Thành phố Hồ Chí Minh", "Hà Nội"}),
    ("Vụ tai nạn trên đường Lý Thường Kiệt.", {"đường Lý Thường Kiệt"}),
    ("Vùng cách ly thôn Quan Nhân, xã Đạo Lý.", {"thôn Quan Nhân", "xã Đạo Lý"}),
    ("Số trường của quận Cầu Giấy (cũ) tăng.", {"quận Cầu Giấy (cũ)"}),
    # a district named without its unit inside an address
    ("Ca bệnh đi ăn tại thị trấn Vĩnh Trụ, Lý Nhân, Hà Nam.", {"thị trấn Vĩnh Trụ", "Lý Nhân", "Hà Nam"}),
    ("Cơ sở 2 của trường đặt tại Văn Giang, Hưng Yên.", {"Văn Giang", "Hưng Yên"}),
])
def test_locations(text, locations):
    ents, _, _ = run(text)
    assert locations <= ents.get("LOCATION", set())
    assert not ents.get("PERSON")


# ------------------------------------------------------------------ titles and positions
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
