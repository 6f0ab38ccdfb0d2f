"""Any text gives a valid article: no crash, offsets that index the input as read."""
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pipeline.api import extract

VIETNAMESE = "aăâbcdđeêghiklmnoôơpqrstuưvxyàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ"
WORDS = ["Ông", "bà", "Nguyễn Văn", "Chủ tịch", "UBND", "phường", "Sở", "Y tế", "tỉnh", "Hà Nội", "TP.HCM",
         "hơn", "20.000", "học sinh", "năm 2021", "(", ")", ",", ".", "-", "–", "\n", "  ", "“", "”", "Hoà",
         "ngày 4/2", "Bí thư", "Đảng ủy", "Thành ủy viên", "Theo", "Reuters", "1/4", "%", "tỷ đồng", "Trường THPT"]

texts = st.one_of(
    st.text(alphabet=st.sampled_from(list(VIETNAMESE.upper() + VIETNAMESE + " .,-()\n0123456789%/")), max_size=300),
    st.lists(st.sampled_from(WORDS), max_size=60).map(" ".join),
    st.text(max_size=200),  # any Unicode, combining marks and control characters included
)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(texts)
def test_any_text_gives_a_valid_article(text):
    article = extract(text, source="fuzz")  # extract validates against the text before returning
    for e in article.entities:
        for m in e.mentions:
            assert text[m.start:m.end] == m.text
    for f in article.facts:
        assert 0 <= f.evidence.start <= f.evidence.end <= len(text)
