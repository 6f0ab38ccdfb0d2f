"""Any text gives a valid article: no crash, offsets that index the input as read.
Any bytes give items (never an exception) when read as a batch input.

Profiles: ``ci`` (the default, 1,000 examples a property) and ``quick`` (100), chosen with
``VNEXTRACT_ROBUSTNESS=quick``.  Longer runs: ``benchmarks/fuzz.py``.
"""
import os

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pipeline.api import extract
from pipeline.batch import check_text, iter_inputs, parse_line

settings.register_profile("ci", max_examples=1000, deadline=None,
                          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
settings.register_profile("quick", parent=settings.get_profile("ci"), max_examples=100)
PROFILE = settings.get_profile(os.environ.get("VNEXTRACT_ROBUSTNESS", "ci"))

VIETNAMESE = "aăâbcdđeêghiklmnoôơpqrstuưvxyàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ"
WORDS = ["Ông", "bà", "Nguyễn Văn", "Chủ tịch", "UBND", "phường", "Sở", "Y tế", "tỉnh", "Hà Nội", "TP.HCM",
         "hơn", "20.000", "học sinh", "năm 2021", "(", ")", ",", ".", "-", "–", "\n", "  ", "“", "”", "Hoà",
         "ngày 4/2", "Bí thư", "Đảng ủy", "Thành ủy viên", "Theo", "Reuters", "1/4", "%", "tỷ đồng", "Trường THPT"]
ODD = ["\u0301", "\u0323\u0302", "\u200b", "\ufeff", "\u00a0", "\r\n", "\t", "\x0b", "\u2028", "٣", "৩", "１２",
       "Ⅻ", "½", "𝟙𝟚", "\U0001f600", "ǅ", "ﬁ", "İ", "ß", "ς", ",,,,", "....", "1.2.3.4", "-1", "+84", "10^9"]

texts = st.one_of(
    st.text(alphabet=st.sampled_from(list(VIETNAMESE.upper() + VIETNAMESE + " .,-()\n0123456789%/")), max_size=300),
    st.lists(st.sampled_from(WORDS), max_size=60).map(" ".join),
    st.lists(st.sampled_from(WORDS + ODD), max_size=60).map("".join),
    st.text(max_size=200),  # any Unicode, combining marks and control characters included
)


@PROFILE
@given(texts)
def test_any_text_gives_a_valid_article(text):
    article = extract(text, source="fuzz")  # extract validates against the text before returning
    for e in article.entities:
        for m in e.mentions:
            assert text[m.start:m.end] == m.text
    for f in article.facts:
        assert 0 <= f.evidence.start <= f.evidence.end <= len(text)


@PROFILE
@given(st.text(max_size=3000))
def test_the_text_checks_never_raise(text):
    why = check_text(text, max_chars=2000)
    assert why is None or isinstance(why, str)


json_ish = st.recursive(st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=20),
                        lambda kids: st.lists(kids, max_size=4) | st.dictionaries(st.text(max_size=5), kids, max_size=4),
                        max_leaves=20)


@PROFILE
@given(st.one_of(st.binary(max_size=400), json_ish.map(lambda o: repr(o).encode()),
                 st.dictionaries(st.sampled_from(["id", "text", "url", "date", "title"]), json_ish)
                 .map(lambda d: __import__("json").dumps(d).encode())))
def test_any_bytes_are_read_as_items(data):
    obj, why = parse_line(data)
    assert why is None or isinstance(why, str)


def test_any_file_is_read_as_items(tmp_path):
    @PROFILE
    @given(st.binary(max_size=600), st.sampled_from(["x.txt", "x.jsonl", "x.txt.gz", "x.jsonl.gz"]))
    def read(data, name):
        p = tmp_path / name
        p.write_bytes(data)
        items = list(iter_inputs([str(p)], max_chars=300))
        assert items and all((i.text is None) != (i.error is None) for i in items)

    read()
