"""Statements (CONTRACT section 5): who said what, with both orders of attribution,
quotations over a sentence break, nested quotes, speakers named sentences before."""
import pytest

from pipeline.facts.statement import _gold, _pred, matches, overlap

NAM = "Ông Trần Văn Nam, Bí thư Đảng ủy phường Xuân Hòa, dự hội nghị. "


@pytest.mark.parametrize("text, speaker, cue, quote, content", [
    # reported speech, the speaker before the cue
    ("Ông Trần Văn Nam khẳng định Đảng bộ phường luôn xác định giáo dục là nhiệm vụ trọng tâm.",
     "Trần Văn Nam", "khẳng định", False, "Đảng bộ phường luôn xác định giáo dục là nhiệm vụ trọng tâm"),
    # an apposition between speaker and cue; 'rằng' is not content
    ("Bà Nguyễn Thị Lan, Giám đốc Sở Y tế tỉnh Quảng Ninh, cho biết rằng tỉnh đã tiêm đủ hai mũi cho người dân.",
     "Nguyễn Thị Lan", "cho biết", False, "tỉnh đã tiêm đủ hai mũi cho người dân"),
    # a quotation after the cue and a colon
    ('Ông Lê Văn Quyết nói: "Chúng tôi sẽ hoàn thành kế hoạch trong tháng này".',
     "Lê Văn Quyết", "nói", True, "Chúng tôi sẽ hoàn thành kế hoạch trong tháng này"),
    # a quotation followed by its attribution
    ('"Chúng tôi sẽ hoàn thành kế hoạch trong tháng này", ông Lê Văn Quyết nói.',
     "Lê Văn Quyết", "nói", True, "Chúng tôi sẽ hoàn thành kế hoạch trong tháng này"),
    ('"Đây là vinh dự lớn của cả tập thể nhà trường" - bà Nguyễn Mai Hương chia sẻ.',
     "Nguyễn Mai Hương", "chia sẻ", True, "Đây là vinh dự lớn của cả tập thể nhà trường"),
    # nested quotes inside the quotation
    ("\u201cChúng tôi gọi đây là \u2018trường học hạnh phúc\u2019 của cả phường\u201d, bà Nguyễn Mai Hương nói.",
     "Nguyễn Mai Hương", "nói", True, "Chúng tôi gọi đây là \u2018trường học hạnh phúc\u2019 của cả phường"),
    # the cue closing the line, the quotation on the next line
    ('Ông Lê Văn Quyết nhấn mạnh:\n"Mọi trường học phải bảo đảm an toàn tuyệt đối cho học sinh".',
     "Lê Văn Quyết", "nhấn mạnh", True, "Mọi trường học phải bảo đảm an toàn tuyệt đối cho học sinh"),
    # 'Theo X, ...'
    ("Theo ông Đinh Viết Khanh, nhiều địa phương chưa quan tâm đúng mức đến công tác khuyến học.",
     "Đinh Viết Khanh", "theo", False, "nhiều địa phương chưa quan tâm đúng mức đến công tác khuyến học"),
    ("Tuy nhiên, theo Reuters, cuộc bầu cử diễn ra trong ngày cuối cùng của đại hội.",
     "Reuters", "theo", False, "cuộc bầu cử diễn ra trong ngày cuối cùng của đại hội"),
    # a named body
    ("Bộ Y tế cho biết cả nước ghi nhận thêm nhiều ca mắc mới trong ngày.",
     "Bộ Y tế", "cho biết", False, "cả nước ghi nhận thêm nhiều ca mắc mới trong ngày"),
    # a speaker named two sentences before, then a pronoun
    (NAM + "Hội nghị diễn ra trong hai giờ. Ông đề nghị các trường rà soát lại toàn bộ kế hoạch năm học.",
     "Trần Văn Nam", "đề nghị", False, "các trường rà soát lại toàn bộ kế hoạch năm học"),
    # a role reference to the named holder of the position
    (NAM + "Đồng chí Bí thư Đảng ủy phường Xuân Hòa cũng nhấn mạnh việc đẩy mạnh chuyển đổi số trong quản lý.",
     "Trần Văn Nam", "nhấn mạnh", False, "việc đẩy mạnh chuyển đổi số trong quản lý"),
])
def test_statements_table(facts_of, text, speaker, cue, quote, content):
    got = facts_of(text, "statement")
    assert [(f["speaker"], f["cue"], f["quote"], f["content"]["text"]) for f in got] == [
        (speaker, cue, quote, content)]
    c = got[0]["content"]
    assert text[c["start"]:c["end"]] == c["text"]


@pytest.mark.parametrize("text", [
    "Một lãnh đạo địa phương cho biết sẽ xem xét lại toàn bộ vụ việc trong tuần tới.",   # unnamed
    "Người dân cho biết họ rất lo lắng về tình trạng ngập úng kéo dài.",                 # unnamed
    "Ông Trần Văn Nam phát biểu tại hội nghị.",                                           # where, not what
    "Theo quy định, các trường phải báo cáo trước ngày 15/5.",                            # no source
])
def test_no_statement(facts_of, text):
    assert facts_of(text, "statement") == []


def test_scoring_half_of_each_side():
    a, b = frozenset("a b c d".split()), frozenset("a b x".split())
    assert overlap(a, b)                          # 2 of 4 and 2 of 3
    assert not overlap(a, frozenset("a x y z".split()))
    gold = _gold([{"speaker": ["Ban Thường vụ Đảng ủy", "Trần Văn Nam"], "cue": "nói", "quote": False,
                   "content": "các trường cần rà soát kế hoạch"}])
    pred = _pred([{"speaker": "Trần Văn Nam", "content": {"start": 0, "end": 5, "text": "các trường rà soát kế hoạch"}}])
    assert matches(gold[0].key, pred[0].key)


def test_a_verb_without_its_own_subject_goes_on_with_the_speaker(facts_of):
    text = ("Bộ trưởng Bộ Công Thương Nguyễn Hồng Diên yêu cầu các đơn vị đẩy mạnh chống buôn lậu trên địa bàn; "
            "lưu ý tập trung vào các mặt hàng quan trọng như xăng dầu. "
            "Đồng thời, giao Tổng cục Quản lý thị trường rà soát toàn bộ quy trình kiểm tra.")
    got = [(f["speaker"], f["cue"], f["content"]["text"]) for f in facts_of(text, "statement")]
    assert got == [
        ("Nguyễn Hồng Diên", "yêu cầu", "các đơn vị đẩy mạnh chống buôn lậu trên địa bàn"),
        ("Nguyễn Hồng Diên", "lưu ý", "tập trung vào các mặt hàng quan trọng như xăng dầu"),
        ("Nguyễn Hồng Diên", "giao", "Tổng cục Quản lý thị trường rà soát toàn bộ quy trình kiểm tra"),
    ]


def test_a_quotation_attributed_to_a_role(facts_of):
    text = ("Ông Trần Lưu Quang, Phó Bí thư Thường trực Thành ủy TPHCM, dự họp.\n"
            '"Nếu bây giờ không làm hồ sơ thì chúng ta phải chờ 5 năm nữa" - Phó Bí thư Thành ủy nói.')
    got = [(f["speaker"], f["quote"]) for f in facts_of(text, "statement")]
    assert got == [("Trần Lưu Quang", True)]


# issue 10/11: mechanisms of entertainment, sport, world and business writing
ANH = "Ca sĩ Lương Bích Hữu vừa trở lại với khán giả sau thời gian dài vắng bóng. "


@pytest.mark.parametrize("text, speaker, quote, content", [
    # a description opening the clause stands for the person named before; 'với X' is who was spoken to
    (ANH + "Chia sẻ với MC Xuân Nghị, nữ ca sĩ cho biết bản thân đã rất may mắn từ khi sinh ra.",
     "Lương Bích Hữu", False, "bản thân đã rất may mắn từ khi sinh ra"),
    (ANH + '"Lần đó tôi đi diễn ở đèo Hải Vân, trời mưa rất to", nữ ca sĩ tiết lộ.',
     "Lương Bích Hữu", True, "Lần đó tôi đi diễn ở đèo Hải Vân, trời mưa rất to"),
    # an apposition after a dash or a comma, however long, between the speaker and the verb
    ("Ông Jeremy Konyndyk, giám đốc điều hành của lực lượng ứng phó tại Cơ quan Phát triển Quốc tế Mỹ, "
     "cho biết ưu tiên hàng đầu là đáp ứng các nhu cầu trước mắt.",
     "Jeremy Konyndyk", False, "ưu tiên hàng đầu là đáp ứng các nhu cầu trước mắt"),
    # 'HLV A của Barcelona' and a quotation over two lines after a colon
    ('HLV Ronald Koeman của Barcelona phản đối sự thay đổi này: "UEFA đang nói rất nhiều. Họ không lắng nghe ai.\n'
     'Thứ duy nhất họ quan tâm chỉ là tiền".',
     "Ronald Koeman", True, "UEFA đang nói rất nhiều. Họ không lắng nghe ai.\nThứ duy nhất họ quan tâm chỉ là tiền"),
    # a sentence opening with the reporting verb, the subject after the comma
    ('Phát biểu trước báo giới, HLV Ronald Koeman từ chối nói về giải đấu mới: '
     '"Vào lúc này, tốt nhất chúng ta không nên nói nhiều".',
     "Ronald Koeman", True, "Vào lúc này, tốt nhất chúng ta không nên nói nhiều"),
    # an outlet the recognizers do not know
    ("Nikkei cho biết, đây là lần đầu tiên Tokyo tiếp cận Việt Nam với đề xuất chia sẻ dầu mỏ.",
     "Nikkei", False, "đây là lần đầu tiên Tokyo tiếp cận Việt Nam với đề xuất chia sẻ dầu mỏ"),
    # a spokesperson of a named body speaks for it
    ('Trao đổi với chúng tôi, một đại diện của CLB Viettel cho biết: "Đây là nguồn tin chính thức từ câu lạc bộ".',
     "Câu lạc bộ Viettel", True, "Đây là nguồn tin chính thức từ câu lạc bộ"),
    # 'cho biết:' without quotation marks: what was said runs to the line end
    ("Ông Nguyễn Trung Thành - Phó Giám đốc Sở Y tế Đắk Lắk, cho biết: Ngành y tế đã triển khai tiêm vắc xin. "
     "Trước đó, ngành đã tổ chức tập huấn cho cán bộ.\nNgười dân đến tiêm rất đông.",
     "Nguyễn Trung Thành", False,
     "Ngành y tế đã triển khai tiêm vắc xin. Trước đó, ngành đã tổ chức tập huấn cho cán bộ"),
    # reported words after a colon and a quotation from someone else in it: the quotation
    ('Theo Reuters, một quan chức cấp cao nói với các phóng viên rằng: "Chúng tôi sẽ chia sẻ vắc xin với các nước".',
     "Reuters", True, "Chúng tôi sẽ chia sẻ vắc xin với các nước"),
])
def test_statements_of_every_section(facts_of, text, speaker, quote, content):
    got = facts_of(text, "statement")
    assert [(f["speaker"], f["quote"], f["content"]["text"]) for f in got] == [(speaker, quote, content)]


@pytest.mark.parametrize("text", [
    # a capitalized common word is no outlet
    "Sau đó cho biết sẽ xem xét lại toàn bộ vụ việc. Sau khi xem xét, đoàn sẽ báo cáo.",
    # a reporting verb inside a name ('Đinh Viết Khanh') is no verb
    "Tham dự có ông Đinh Viết Khanh – Chủ tịch Hội Khuyến học TP Cần Thơ cùng nhiều đại biểu.",
    # ... nor a capitalized one inside a clause, nor a syllable of another word
    "Hội đồng bầu ông Nguyễn Hữu Trung giữ chức Phó Chủ tịch; ông Hứa Ngọc Nghĩa là Trưởng Ban Kiểm soát nhiệm kỳ mới.",
    "Đại tướng Ngô Xuân Lịch đã tiếp xã giao Thượng tướng Ngụy Phượng Hòa, Bộ trưởng Bộ Quốc phòng Trung Quốc.",
])
def test_no_statement_of_every_section(facts_of, text):
    assert facts_of(text, "statement") == []
