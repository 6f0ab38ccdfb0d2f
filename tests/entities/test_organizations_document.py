"""ORGANIZATION mechanisms that read the whole document (pipeline.entities.org_recall
and the resolver): each table a mechanism, in Vietnamese sentences."""
import pytest

from _helpers import run


def orgs_of(text):
    ents, _, _ = run(text)
    return ents.get("ORGANIZATION", set())


# a short name in brackets is the body wherever it recurs, also inside another name
ALIAS_CASES = [
    ("Ngân hàng TMCP Bảo Long (BaoLongBank) vừa họp. Ông An gắn bó với BaoLongBank từ năm 2011.",
     {"Ngân hàng Thương mại Cổ phần Bảo Long"}),
    ("Hội đồng quản trị Ngân hàng TMCP Bảo Long (BaoLongBank) đã họp. Ban Kiểm soát BaoLongBank báo cáo.",
     {"Hội đồng quản trị Ngân hàng Thương mại Cổ phần Bảo Long", "Ngân hàng Thương mại Cổ phần Bảo Long",
      "Ban Kiểm soát Ngân hàng Thương mại Cổ phần Bảo Long"}),
    ("Tập đoàn Phú An (PAG) được niêm yết. PAG cho biết lợi nhuận tăng.", {"Tập đoàn Phú An"}),
    ("Sở Giao dịch Chứng khoán TP.HCM (HSX) nhắc nhở. Theo HSX, cổ phiếu bị cảnh báo.",
     {"Sở Giao dịch Chứng khoán Thành phố Hồ Chí Minh"}),
    # a parent body in brackets is no short name of the body before it
    ("Hướng dẫn từ Tổng cục Thi hành án dân sự (Bộ Tư pháp) đã đến.",
     {"Tổng cục Thi hành án dân sự", "Bộ Tư pháp"}),
    # not a short name: a place, an abbreviation, a person
    ("Công ty Phú An (Hà Nội) vừa khai trương.", {"Công ty Phú An"}),
    ("Công ty Phú An (TP) khai trương.", {"Công ty Phú An"}),
]


@pytest.mark.parametrize("text, want", ALIAS_CASES)
def test_bracketed_alias(text, want):
    assert orgs_of(text) == want


def test_alias_gives_the_position_its_body():
    text = ("Hội đồng quản trị Ngân hàng TMCP Bảo Long (BaoLongBank) đã họp. "
            "HĐQT bầu ông Trần Văn Bình giữ chức Chủ tịch HĐQT BaoLongBank.")
    _, positions, _ = run(text)
    assert ("Trần Văn Bình", "Chủ tịch", "Hội đồng quản trị Ngân hàng Thương mại Cổ phần Bảo Long") in positions


def test_a_pair_that_opens_the_name_after_a_title_implies_the_head():
    text = "Ông Lê Văn Hải, Trưởng phòng Phòng, chống tệ nạn xã hội, Sở Y tế tỉnh Nghệ An."
    assert "Phòng Phòng, chống tệ nạn xã hội" in orgs_of(text)


# media and brands named by a cue word: 'tờ', 'hãng tin', 'Theo X,', '(Ảnh: X)', 'hãng <lowercase> X'
SOURCE_CASES = [
    ("Sáng nay, tờ Sports Chosun bất ngờ đưa tin độc quyền.", {"Sports Chosun"}),
    ("Theo Dispatch, hai diễn viên đã hẹn hò hai năm.", {"Dispatch"}),
    ("Ca sĩ phát hành album mới.\nTheo Newsen/Naver", {"Newsen", "Naver"}),
    ("Hãng xăng dầu Petronas cho biết giá dầu tăng.", {"Petronas"}),
    ("Theo khảo sát của trang đặt phòng Agoda.com, Đà Lạt hút khách.", {"Agoda.com"}),
    ("Số tiền tại ngân hàng DBS Singapore bị khấu trừ.", {"Ngân hàng DBS Singapore"}),  # a lowercase head
    ("Lọ vắc xin tại Pháp (Ảnh: Yonhap).", {"Yonhap"}),
    # not a body: a person's name, initials, a photographer, a word with 'trang' inside
    ("Theo Kylian Mbappe, trận đấu rất khó.", set()),
    ("Bà N.L.N.H. phải hoàn trả gần 2,4 tỷ đồng.", set()),
    ("Cảnh hoàng hôn trên biển (Ảnh: Dũng TK).", set()),
    ("Bệnh viện nhận 100.000 khẩu trang N95.", set()),
]


@pytest.mark.parametrize("text, want", SOURCE_CASES)
def test_source_cue(text, want):
    assert orgs_of(text) == want


# a head alone that names one body; a lowercase head before a country; clubs and exchanges of the lexicon
@pytest.mark.parametrize("text, want", [
    ("Nghị quyết Đại hội XIII của Đảng được triển khai.", {"Đảng Cộng sản Việt Nam"}),
    ("Đây là trách nhiệm của toàn Đảng, toàn dân.", set()),
    ("Các cấp ủy Đảng đã vào cuộc.", set()),
    ("Hội đồng kỷ luật thống nhất hình thức khai trừ Đảng.", set()),
    ("Mỹ cam kết với chính phủ Nhật Bản.", {"Chính phủ Nhật Bản"}),
    ("Tiền đạo không thể cùng đội tuyển Thái Lan sang UAE.", {"Đội tuyển Thái Lan"}),
    ("Chính phủ quyết định tăng lương.", {"Chính phủ"}),
    ("Barcelona thắng Bilbao, kém Atletico 5 điểm.", {"Barcelona", "Athletic Bilbao", "Atletico Madrid"}),
])
def test_bare_and_lowercase_heads(text, want):
    assert orgs_of(text) == want


# a party or union cell printed bare in a chain of titles belongs to the next body of the chain
@pytest.mark.parametrize("text, want", [
    ("Ông Trần Văn Thức, Bí thư Đảng ủy, Giám đốc Sở Xây dựng tỉnh Nghệ An.",
     {"Đảng ủy Sở Xây dựng tỉnh Nghệ An", "Sở Xây dựng tỉnh Nghệ An"}),
    ("Bà Lò Thị Hoa, Bí thư Chi bộ, Chủ tịch Hội Nông dân huyện Mường Lát.",
     {"Chi bộ Hội Nông dân huyện Mường Lát", "Hội Nông dân huyện Mường Lát"}),
    # a local government's cell is the place's, not the People's Committee's
    ("Ông Lê Văn An, Bí thư Đảng ủy, Chủ tịch UBND phường Tân Định.",
     {"Đảng ủy phường Tân Định", "Ủy ban nhân dân phường Tân Định"}),
])
def test_cell_of_the_next_body(text, want):
    assert orgs_of(text) == want


@pytest.mark.parametrize("text, want", [
    # a medium only as printed: 'Lao động - Thương binh' is not the paper 'Lao Động'
    ("Bà Lê Thị Hòa, Phó trưởng Phòng Lao động - Thương binh và Xã hội huyện Đông Sơn.",
     {"Phòng Lao động - Thương binh và Xã hội huyện Đông Sơn"}),
    ("Theo báo Lao Động, giá xăng tăng.", {"Lao Động"}),
    # the head a title leaves out opens a longer head of the lexicon
    ("Ông Chử Xuân Dũng, Trưởng Ban Chỉ đạo công tác phòng, chống dịch bệnh Thành phố Hà Nội.",
     {"Ban Chỉ đạo công tác phòng, chống dịch bệnh Thành phố Hà Nội"}),
    # a place ending the body is no person's name ('Hà' is also a surname)
    ("Ông Ngô Văn Lâm, Tổng giám đốc Tổng công ty Cổ phần Bia - Rượu - Nước giải khát Hà Nội.",
     {"Tổng công ty Cổ phần Bia - Rượu - Nước giải khát Hà Nội"}),
])
def test_heads_after_titles(text, want):
    assert orgs_of(text) == want


def test_an_elliptical_unit_is_the_place_named_next_in_its_sentence():
    text = ("Huyện Thạch Thành có nhiều trường. Bà Vi Thanh Hương, Ủy viên Ban Chấp hành Đảng bộ huyện, "
            "Chủ tịch Hội Nông dân huyện Như Xuân. Huyện Thạch Thành đẹp.")
    assert orgs_of(text) == {"Ban Chấp hành Đảng bộ huyện Như Xuân", "Hội Nông dân huyện Như Xuân"}


def test_a_medium_of_the_lexicon_in_any_case_after_a_cue():
    assert orgs_of("Vệ tinh đã bay.\nTheo Tiền phong") == {"Tiền Phong"}


@pytest.mark.parametrize("text, want", [
    # a body named again by the start of its name is that body
    ("Trường Đại học Mở Hà Nội tuyển sinh. Năm nay, Trường Đại học Mở tập trung đào tạo.",
     {"Trường Đại học Mở Hà Nội"}),
    # a brand read alone is the one body named by it with a head
    ("Năm nay, Tập đoàn Hòa Phát tăng lãi. Chiến lược phát triển Hòa Phát trong 20 năm tới.", {"Tập đoàn Hòa Phát"}),
    # not when the rest is a country: another body
    ("Bộ Quốc phòng Trung Quốc và Bộ Quốc phòng đã ký kết.", {"Bộ Quốc phòng Trung Quốc", "Bộ Quốc phòng"}),
])
def test_a_name_again_by_its_start(text, want):
    assert orgs_of(text) == want


@pytest.mark.parametrize("text, want", [
    # the name after a team cue is the team, a place's name too
    ("Đội chủ nhà Nam Định ghi bàn ở phút 90.", {"Nam Định"}),
    ("Trận đấu giữa đội bóng Hà Nội và đội Thanh Hóa diễn ra tối qua.", {"Hà Nội", "Thanh Hóa"}),
    ("Câu lạc bộ Hoàng Anh Gia Lai đứng đầu bảng.", {"Câu lạc bộ Hoàng Anh Gia Lai"}),  # a known body, no person
    ("Đội Thanh niên xung kích dọn vệ sinh.", {"Đội Thanh niên xung kích"}),            # a head, not a cue
])
def test_teams(text, want):
    assert orgs_of(text) == want


def test_a_head_written_lowercase_with_a_name_in_it():
    text = "Tháng 12/2020, cơ quan CSĐT Công an huyện Vĩnh Thuận khởi tố vụ án."
    assert orgs_of(text) == {"Cơ quan Cảnh sát điều tra Công an huyện Vĩnh Thuận"}


@pytest.mark.parametrize("text, want", [
    # a name written lowercase after a title
    ("Ông Lương Văn Huy, Viện trưởng Viện nghiên cứu xã hội, kinh tế và môi trường, tự ứng cử.",
     {"Viện nghiên cứu xã hội, kinh tế và môi trường"}),
    # the school left out after a head is no word of the name
    ("Anh là Chủ tịch Hội Sinh viên trường.", set()),
])
def test_lowercase_names_after_titles(text, want):
    assert orgs_of(text) == want


def test_mass_bodies_printed_bare_are_the_story_places():
    text = ("TP Cần Thơ đẩy mạnh học tập suốt đời. Sở phối hợp với Đoàn TN, Hội phụ nữ, "
            "Hội người cao tuổi tổ chức lớp học.")
    assert orgs_of(text) >= {"Đoàn Thanh niên Thành phố Cần Thơ", "Hội Phụ nữ Thành phố Cần Thơ",
                             "Hội Người cao tuổi Thành phố Cần Thơ"}


def test_school_abbreviations_expanded_in_canonical_forms():
    assert orgs_of("Ông là thư ký Hội đồng trường ĐHBK HN nhiệm kỳ 2015-2020.") == {
        "Hội đồng trường Đại học Bách khoa Hà Nội"}


# the bodies and offices of the institution a story is about, printed without it
# (pipeline.context.institution_names): the school named twice or more is theirs
INSTITUTION_CASES = [
    ("Trường Đại học Phú An có 20.000 sinh viên. Bí thư Đảng ủy là ông An. Trường ĐH Phú An có 30 khoa.",
     {"Trường Đại học Phú An", "Đảng ủy Trường Đại học Phú An"}),
    ("Trường Đại học Phú An tuyển sinh. Ông An là Ủy viên Ban Thường vụ Đảng ủy Trường, Chủ tịch "
     "Công đoàn Trường. Trường Đại học Phú An có 30 khoa.",
     {"Trường Đại học Phú An", "Ban Thường vụ Đảng ủy Trường Đại học Phú An",
      "Công đoàn Trường Đại học Phú An"}),
    # 'Hội đồng trường' + 'Trường ...': the school once, grouped with the name printed in full
    ("Trường Đại học Phú An đào tạo kỹ sư. Hội đồng trường họp. Hội đồng trường Trường ĐH Phú An "
     "có 19 thành viên. Trường Đại học Phú An khai giảng.",
     {"Trường Đại học Phú An", "Hội đồng trường Trường Đại học Phú An"}),
    # an office named by its own name
    ("Trường Đại học Phú An tuyển sinh. Ông Bình là Trưởng phòng Đào tạo, giảng viên Khoa Ngữ văn. "
     "Trường Đại học Phú An có 30 khoa.",
     {"Trường Đại học Phú An", "Phòng Đào tạo Trường Đại học Phú An", "Khoa Ngữ văn Trường Đại học Phú An"}),
    # 'Đảng ủy Viện' is the party committee of the 'Viện ...' named next in its sentence
    ("Trường Đại học Phú An tuyển sinh. Ông Bình là Bí thư Đảng ủy Viện, Viện trưởng Viện Cơ khí. "
     "Trường Đại học Phú An có 30 khoa.",
     {"Trường Đại học Phú An", "Đảng ủy Viện Cơ khí", "Viện Cơ khí"}),
    # a school named once is no story's institution; a body with its own place stays the place's
    ("Trường Đại học Phú An tuyển sinh. Bí thư Đảng ủy là ông An.", {"Trường Đại học Phú An"}),
    ("Trường Đại học Phú An tuyển sinh. Đảng ủy xã đã chỉ đạo. Trường Đại học Phú An có 30 khoa.",
     {"Trường Đại học Phú An"}),
    # a district's department of the lexicon is no school's office
    ("Trường THCS Phú An có 500 học sinh. Phòng Giáo dục và Đào tạo đã kiểm tra. Trường THCS Phú An khai giảng.",
     {"Trường Trung học cơ sở Phú An"}),
]


@pytest.mark.parametrize("text, want", INSTITUTION_CASES)
def test_institution_bodies(text, want):
    assert orgs_of(text) == want


# the paper a source talks to is the article's own outlet, not one of its organizations
@pytest.mark.parametrize("text, want", [
    ("Chia sẻ với Dân trí, ông Nguyễn Văn An cho biết giá vàng sẽ tăng.", set()),
    ("Trao đổi với Tuổi Trẻ, bà Lê Thị Hoa nói sẽ kiểm tra.", set()),
    ("Theo Reuters, giá dầu tăng.", {"Reuters"}),
])
def test_paper_spoken_to_is_the_own_outlet(text, want):
    assert orgs_of(text) == want
