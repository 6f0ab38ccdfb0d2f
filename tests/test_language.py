"""Tokenizer (underthesea word segmentation on the normalized text), sentences, POS."""
import pytest

from pipeline.api import nlp, process


def words(text):
    return [t.text for t in nlp().make_doc(text) if not t.is_space]


@pytest.mark.parametrize("text, expected_words", [
    ("Giám đốc Sở Y tế", ["Giám đốc", "Sở", "Y tế"]),
    ("hơn 20.000 học sinh", ["hơn", "20.000", "học sinh"]),
    ("Ông Trần Văn Nam phát biểu", ["Ông", "Trần Văn Nam", "phát biểu"]),
])
def test_word_segmentation_groups_syllables(text, expected_words):
    assert words(text) == expected_words


@pytest.mark.parametrize("text", [
    "Dự hội nghị có ông Trần Văn Nam, Thành ủy viên, Bí thư Đảng ủy - Chủ tịch HĐND phường Xuân Hòa.",
    "Ngày 4-2, UBND TP.HCM công bố Nghị quyết 71/2025 với hơn 20.000 học sinh (chiếm 50%).",
])
def test_segmentation_is_underthesea_word_tokenize(text):
    from underthesea import word_tokenize
    assert words(text) == word_tokenize(text)


@pytest.mark.parametrize("raw", [
    "TPHCM: Lãnh đạo phường Xuân Hoà\n(NLĐO)- Lãnh đạo “phường”  mở diễn đàn\n\nDòng ba.",
    "\ufeffỦy ban\u00a0nhân dân\r\n– Sở GD&ĐT TP.HCM",
])
def test_doc_text_is_the_normalized_text_and_maps_to_raw(raw):
    doc = nlp().make_doc(raw)
    assert doc._.raw_text == raw
    for tok in doc:
        if tok.is_space:
            continue
        a, b = doc._.offset_map.to_raw(tok.idx, tok.idx + len(tok.text))
        assert raw[a:b].strip(), tok.text
        assert len(raw[a:b]) >= len(tok.text.replace(" ", "")) - 1


@pytest.mark.parametrize("text, n", [
    ("Tiêu đề bài báo\nCâu một. Câu hai!", 3),
    ("Ông Nam nói. Bà Hoa đồng ý.", 2),
    ("TP. Hồ Chí Minh có 1.5 triệu người.", 1),     # 'TP.' does not end a sentence
    ("Giá tăng 2,5%. Theo Bộ Tài chính, giá sẽ giảm", 2),
    ("Dòng một\n\nDòng hai\nNguyễn Khánh", 3),     # lines (headline, caption, byline) are sentences
])
def test_sentences(text, n):
    doc = process(text)
    assert len([s for s in doc.sents if s.text.strip()]) == n


def test_pos_tags_every_word():
    doc = process("Ông Nguyễn Văn Hiếu, Giám đốc Sở Giáo dục và Đào tạo TPHCM, phát biểu.")
    tags = {t.text: t.tag_ for t in doc if not t.is_space}
    assert tags["Nguyễn Văn Hiếu"] == "Np"
    assert all(tags.values())


def test_every_stage_is_registered_with_its_layers():
    names = nlp().pipe_names
    assert names == ["vi_sentences", "vi_pos", "vi_numbers", "vi_entities", "vi_resolve", "vi_facts"]
    meta = nlp().get_pipe_meta("vi_facts")
    assert "doc._.facts" in meta.assigns


# pipeline.crf runs underthesea's shipped CRF models itself: the features and tags
# must be underthesea's own, token for token.
_CRF_SENTENCES = [
    "Ông Trần Văn Nam , Thành ủy viên , Bí thư Đảng ủy - Chủ tịch HĐND phường Xuân Hòa .",
    "Ngày 4-2 , UBND TP.HCM công bố Nghị quyết 71/2025 với hơn 20.000 học sinh ( chiếm 50 % ) .",
    "+12 -7 2147483648 2147483647 ٣ ΟΔΟΣ İstanbul ß BOS EOS iPhone McDonald's",
    "Một",
]


def _underthesea_model(kind):
    from os.path import dirname, join

    from underthesea.models.fast_crf_sequence_tagger import FastCRFSequenceTagger
    from underthesea.pipeline import pos_tag, word_tokenize

    pkg, name = (word_tokenize, "ws_crf_vlsp2013_20230727") if kind == "ws" else (pos_tag, "pos_crf_vlsp2013_20230303")
    model = FastCRFSequenceTagger()
    model.load(join(dirname(pkg.__file__), "models", name))
    return model


@pytest.mark.parametrize("kind", ["ws", "pos"])
@pytest.mark.parametrize("sentence", _CRF_SENTENCES)
def test_crf_features_and_tags_are_underthesea_s(kind, sentence):
    from pipeline.crf import pos_model, word_segmentation_model

    ours = word_segmentation_model() if kind == "ws" else pos_model()
    theirs = _underthesea_model(kind)
    toks = sentence.split(" ")
    if kind == "pos":   # POS runs on words, which hold spaces
        toks = [" ".join(toks[i:i + 2]) for i in range(0, len(toks), 2)]
    assert ours.features(toks) == theirs.featurizer.process([[[t] for t in toks]])[0]
    assert ours.tag(toks) == theirs.predict([[t] for t in toks])


def test_crf_tags_an_empty_sentence():
    from pipeline.crf import word_segmentation_model

    assert word_segmentation_model().tag([]) == []


@pytest.mark.parametrize("kind", ["ws", "pos"])
def test_crf_tags_a_document_at_once_as_sentence_by_sentence(kind):
    """tag_many pads every sentence, whatever its length, to the same windows."""
    from pipeline.crf import pos_model, word_segmentation_model

    ours = word_segmentation_model() if kind == "ws" else pos_model()
    theirs = _underthesea_model(kind)
    doc = [s.split(" ") for s in _CRF_SENTENCES] + [[], ["Hà", "Nội"], ["."]]
    assert ours.tag_many(doc) == [theirs.predict([[t] for t in s]) if s else [] for s in doc]


_PRETOKEN_LINES = [
    "Ông Trần Văn Nam , Bí thư Đảng ủy - Chủ tịch HĐND phường Xuân Hòa .",
    "TP. HCM và TP.HCM. Mr. Smith, Th.S Lan, ThS. Hòa, Thyssenkrupp và Thysen, Thes, THIS",
    "e-mail: a@b.com , http://x.vn/a(b) c; x.vn v.v... 3x4 cm 20°C NĐ-CP T.Ư Tp. H&M",
    "Ngày 02/05/2014, 08-2014, 20.08.2014 lúc 10:20:30 có 60.542.000 đồng, 4.123,2 tấn, 4K :D",
    "a'b rock’n’roll ʺabcʺ abc\u2003def  hai  khoảng  ",
    "", " ", "a", "Hà Nội.", "(Nội)", "đ Đ ý Ỹ",
]


@pytest.mark.parametrize("line", _PRETOKEN_LINES)
def test_pretokens_are_underthesea_s(line):
    """language._Segmenter.pretokens reads a plain run of letters as it stands and
    gives underthesea's pre-tokenizer spans everywhere."""
    from underthesea.pipeline.word_tokenize import regex_tokenize

    from pipeline.language import segmenter

    assert segmenter().pretokens(line) == [m.span() for m in regex_tokenize.patterns.finditer(line)]


def test_pretokens_of_random_letter_runs_are_underthesea_s():
    import random

    from underthesea.pipeline.word_tokenize import regex_tokenize

    from pipeline.language import segmenter

    rnd = random.Random(11)
    alphabet = "ThsSvexDcmaiTHtđĐyYàẠỹ.-'&:@/ "
    for _ in range(3000):
        line = "".join(rnd.choice(alphabet) for _ in range(rnd.randint(1, 30)))
        assert segmenter().pretokens(line) == [m.span() for m in regex_tokenize.patterns.finditer(line)], line


@pytest.mark.parametrize("line,tokens", [
    ("Về TPHCM.", ["Về", "TPHCM", "."]),
    ("Ở TP. Huế", ["Ở", "TP.", "Huế"]),
    ("Hà Nội.", ["Hà", "Nội", "."]),
    ("v.v. và UBND.", ["v.v.", "và", "UBND", "."]),
])
def test_tokens_split_a_final_dot_off_a_word(line, tokens):
    from pipeline.language import segmenter

    toks, spans = segmenter().tokens(line)
    assert toks == tokens
    assert [line[a:b] for a, b in spans] == tokens
