"""ORGANIZATION: the continuation rules, each with its own table of one-sentence
cases (the rule must decide in reading the body), then the whole pipeline."""
import pytest

from _helpers import at, run, surface, view_of
from pipeline.entities import organizations as O


def read(sentence, head, in_title=False, allow_lower=False):
    v = view_of(sentence)
    trace = []
    m = O.organization(v, at(v, head), allow_lower=allow_lower, in_title=in_title, trace=trace)
    assert m is not None, f"no body at {head!r}"
    return surface(v, m), m.info, trace


# (sentence, where the head starts, the body as read, with its complement)
RULE_CASES = {
    "comma_pair": [
        ("Phòng Phòng, chống tệ nạn xã hội tỉnh Nghệ An kiểm tra.", "Phòng",
         "Phòng Phòng, chống tệ nạn xã hội tỉnh Nghệ An"),
        ("Ban Bảo vệ, chăm sóc sức khỏe cán bộ tỉnh Nam Định họp.", "Ban",
         "Ban Bảo vệ, chăm sóc sức khỏe cán bộ tỉnh Nam Định"),
        ("Chúng tôi xin ý kiến Ban bảo vệ, chăm sóc sức khỏe cán bộ Trung ương.", "Ban",
         "Ban bảo vệ, chăm sóc sức khỏe cán bộ Trung ương"),          # the pair ahead of the cursor
        ("Ban Chỉ đạo công tác phòng, chống dịch bệnh Thành phố Hà Nội họp.", "Ban",
         "Ban Chỉ đạo công tác phòng, chống dịch bệnh Thành phố Hà Nội"),
    ],
    "comma_list": [
        ("Sở Văn hóa, Thể thao và Du lịch tỉnh Nghệ An tổ chức lễ hội.", "Sở",
         "Sở Văn hóa, Thể thao và Du lịch tỉnh Nghệ An"),
        ("Viện Nghiên cứu xã hội, kinh tế và môi trường công bố báo cáo.", "Viện",
         "Viện Nghiên cứu xã hội, kinh tế và môi trường"),
    ],
    "punctuation_ends": [
        ("Sở Tư pháp, Sở Tài chính và Sở Xây dựng cùng họp.", "Sở", "Sở Tư pháp"),   # bodies listed, not one name
        ("Sở Y tế, Sở Tài chính cùng họp.", "Sở Y tế", "Sở Y tế"),
    ],
    "rest_of_word": [
        ("Trường THPT Nguyễn Du khai giảng.", "Trường", "Trường THPT Nguyễn Du"),
        ("Cục Quản lý thị trường tỉnh Nam Định kiểm tra.", "Cục", "Cục Quản lý thị trường tỉnh Nam Định"),
    ],
    "person_ends": [
        ("Giám đốc Sở Y tế Nguyễn Văn Bình kiểm tra.", "Sở", "Sở Y tế"),  # after a title
        ("Chủ tịch Hội Doanh nghiệp trẻ Trần Văn Minh phát biểu.", "Hội", "Hội Doanh nghiệp trẻ"),
    ],
    "honorific_or_title_ends": [
        ("Sở Y tế Giám đốc Lê Văn Hòa dự họp.", "Sở", "Sở Y tế"),
        ("Phòng Đào tạo Sinh viên Nguyễn Văn An phát biểu.", "Phòng", "Phòng Đào tạo"),  # a name after it
    ],
    "stop_word_ends": [
        ("Đại hội Đảng bộ khóa XII khai mạc.", "Đảng bộ", "Đảng bộ"),
        ("Trường Tiểu học Kim Liên số 2 khai giảng.", "Trường", "Trường Tiểu học Kim Liên"),
        ("Trường Tiểu học số 2 khai giảng.", "Trường", "Trường Tiểu học"),
    ],
    "unit_word_ends": [
        ("UBND phường Tân Định ban hành kế hoạch.", "UBND", "UBND phường Tân Định"),
        ("UBND phường ông Tư đã họp.", "UBND", "UBND phường"),  # a unit with no name
        ("Hội Nông dân xã Yên Lạc họp.", "Hội", "Hội Nông dân xã Yên Lạc"),
    ],
    "place_ends": [
        ("Sở Y tế Bình Định kiểm tra.", "Sở Y tế", "Sở Y tế Bình Định"),
    ],
    "nested_head": [
        ("Ban Thường vụ Đảng ủy xã Hòa Phú họp.", "Ban", "Ban Thường vụ Đảng ủy xã Hòa Phú"),
        ("Phòng Cảnh sát hình sự Công an tỉnh Hà Nam điều tra.", "Phòng",
         "Phòng Cảnh sát hình sự Công an tỉnh Hà Nam"),
    ],
    "joined_capital": [
        ("Trung tâm Văn hóa - Thể thao quận Ba Đình mở cửa.", "Trung tâm",
         "Trung tâm Văn hóa - Thể thao quận Ba Đình"),
    ],
    "joined_lowercase": [
        ("Viện Nghiên cứu biển và hải đảo từ năm 2010 đã khảo sát.", "Viện",
         "Viện Nghiên cứu biển và hải đảo"),
        ("Cục Cạnh tranh và bảo vệ người tiêu dùng vừa công bố.", "Cục",
         "Cục Cạnh tranh và bảo vệ người tiêu dùng"),
        ("Viện Nghiên cứu xã hội, kinh tế và môi trường họp.", "Viện",
         "Viện Nghiên cứu xã hội, kinh tế và môi trường"),          # the verb after it is the sentence's
    ],
    "capitalized_word": [
        ("Phòng Công tác Sinh viên tổ chức đối thoại.", "Phòng", "Phòng Công tác Sinh viên"),  # no name after it
        ("Công ty CP Đầu tư Hà Nội - Sài Gòn bị phạt.", "Công ty", "Công ty CP Đầu tư Hà Nội"),
    ],
    "number_in_name": [
        ("Hiệu trưởng Trường THCS Vĩnh Phong 2 bị giáng chức.", "Trường", "Trường THCS Vĩnh Phong 2"),
        ("Ban Chỉ đạo 389 Quốc gia kiểm tra.", "Ban", "Ban Chỉ đạo 389 Quốc gia"),
    ],
    "descriptive_lowercase": [
        ("Cục Thương mại điện tử và Kinh tế số vừa ra mắt.", "Cục", "Cục Thương mại điện tử và Kinh tế số"),
        ("Cục Quản lý thị trường tỉnh Nam Định kiểm tra.", "Cục", "Cục Quản lý thị trường tỉnh Nam Định"),
        ("Ban Quản lý Khu kinh tế tỉnh Bình Định thông báo.", "Ban", "Ban Quản lý Khu kinh tế tỉnh Bình Định"),
    ],
    "descriptive_verb": [
        ("Ông là Giám đốc Công ty Cổ phần Đầu tư phát triển Hoa Lâm từ năm 2010.", "Công ty",
         "Công ty Cổ phần Đầu tư phát triển Hoa Lâm"),
        ("Bà làm việc tại Khoa Công nghệ thông tin và Toán ứng dụng.", "Khoa",
         "Khoa Công nghệ thông tin và Toán ứng dụng"),
    ],
    "lowercase_then_name": [
        ("Trung tâm dạy nghề Thanh Phúc tuyển sinh.", "Trung tâm", "Trung tâm dạy nghề Thanh Phúc"),
        ("Viện dinh dưỡng Quốc gia khuyến cáo.", "Viện", "Viện dinh dưỡng Quốc gia"),
    ],
    "no_rule": [  # nothing takes the word: the name ends
        ("Sở đề nghị Cục Việc làm tăng cường phối hợp.", "Cục", "Cục Việc làm"),   # the sentence's verb
        ("Cục Quản lý thị trường kiểm tra cửa hàng.", "Cục", "Cục Quản lý thị trường"),
        ("Cục Quản lý thị trường và lực lượng công an đã kiểm tra.", "Cục",
         "Cục Quản lý thị trường"),                                # another party after 'và'
        ("Công ty An Phát 2 người chết.", "Công ty", "Công ty An Phát"),   # a count, not 'Bệnh viện 108'
        ("Sở Y tế tổ chức hội nghị.", "Sở Y tế", "Sở Y tế"),
    ],
}


@pytest.mark.parametrize("rule, sentence, head, want", [
    (rule, *case) for rule, cases in RULE_CASES.items() for case in cases])
def test_continuation_rule(rule, sentence, head, want):
    in_title = sentence.startswith(("Giám đốc", "Chủ tịch"))
    got, _, trace = read(sentence, head, in_title=in_title)
    assert rule in trace, trace
    assert got == want


def test_every_rule_has_cases():
    names = {r.__name__ for r in O.CONTINUATION_RULES}
    assert names <= set(RULE_CASES), names - set(RULE_CASES)


@pytest.mark.parametrize("sentence, head, name, complement, level", [
    ("UBND phường Tân Định họp.", "UBND", "Ủy ban nhân dân", "phường Tân Định", "commune"),
    ("UBND phường đã họp.", "UBND", "Ủy ban nhân dân", "?phường", "commune"),     # filled from the story
    ("Sở GD&ĐT TP.HCM công bố.", "Sở", "Sở Giáo dục và Đào tạo", "Thành phố Hồ Chí Minh", "city"),
    ("Công ty TNHH Phú Gia đã nộp phạt.", "Công ty", "Công ty Trách nhiệm hữu hạn Phú Gia", "", ""),
])
def test_name_and_complement(sentence, head, name, complement, level):
    _, info, _ = read(sentence, head)
    assert (info.name, info.complement, info.level) == (name, complement, level)


def test_complete_name_takes_company_words_only():
    got, info, trace = read("Bộ Y tế yêu cầu các sở.", "Bộ Y tế")
    assert (got, info.cls, info.named, trace) == ("Bộ Y tế", "ministry", True, [])


def test_nested_head_keeps_the_innermost():
    _, info, _ = read("Ban Thường vụ Đảng ủy xã Hòa Phú họp.", "Ban")
    assert (info.last_head, info.rest, info.specific) == ("Đảng ủy", "", True)


@pytest.mark.parametrize("sentence, start, want", [
    ("Tổng giám đốc PV GAS phát biểu.", "PV", "PV GAS"),
    ("Tổng Giám đốc SunLand phát biểu.", "SunLand", "SunLand"),  # a brand is not split
    ("Chủ tịch Nguyễn Văn An cho biết.", "Nguyễn", None),     # a person
    ("Chủ tịch Hà Nội cho biết.", "Hà Nội", None),            # a place
])
def test_brand(sentence, start, want):
    v = view_of(sentence)
    m = O.brand(v, at(v, start))
    assert (surface(v, m) if m else None) == want


@pytest.mark.parametrize("sentence, start, want", [
    ("Bộ trưởng Công Thương Đỗ Minh Khoa chủ trì.", "Công", "Công Thương"),
    ("Bộ trưởng Tư pháp Mỹ phát biểu.", "Tư", "Tư pháp"),
    ("Bộ trưởng Hamacek phát biểu.", "Hamacek", ""),
])
def test_domain_end(sentence, start, want):
    v = view_of(sentence)
    i = at(v, start)
    assert v.text(i, O.domain_end(v, i, "Bộ")) == want


# ------------------------------------------------------------------ the whole pipeline
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
