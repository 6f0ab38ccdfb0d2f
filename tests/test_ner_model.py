"""The statistical person tagger (vi_ner_model) and its training data plumbing:
tables of Vietnamese sentences (names invented for the tests)."""
import json
from pathlib import Path

import pytest

from pipeline.language import create_nlp
from pipeline.stages.ner_model import MODEL_DIR, _trim, add_ner_model, new_persons
from training.data import (excluded_ids, extra_split, name_shaped, project_names,
                           silver_articles, training_doc)

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def nlp():
    return add_ner_model(create_nlp())


def test_model_ships_inside_the_package():
    meta = json.loads((MODEL_DIR / "meta.json").read_text(encoding="utf-8"))
    assert meta["labels"]["ner"] == ["PERSON"]
    size = sum(p.stat().st_size for p in MODEL_DIR.rglob("*") if p.is_file())
    assert size < 8_000_000


@pytest.mark.parametrize("text, name", [
    ("Ông Nguyễn Văn Bình phát biểu tại hội nghị.", "Nguyễn Văn Bình"),
    ("Bà Lê Thị Hồng Nhung cho biết kế hoạch đã được thông qua.", "Lê Thị Hồng Nhung"),
    ("Tiền đạo Trần Minh Khoa ghi hai bàn trong hiệp hai.", "Trần Minh Khoa"),
])
def test_model_finds_plain_names(nlp, text, name):
    doc = nlp(text)
    assert name in {p["text"] for p in doc._.model_persons}


def test_layer_is_exact_and_separate(nlp):
    text = "HLV Phạm Quốc Tuấn nói rằng ông Lê Văn An sẽ dự trận đấu ở Hà Nội."
    doc = nlp(text)
    for p in doc._.model_persons:
        assert doc.text[p["start"]:p["end"]] == p["text"]
        assert 0.0 <= p["score"] <= 1.0
        assert p["text"][:1].isupper() and not p["text"].startswith("HLV")
    with nlp.select_pipes(disable=["vi_ner_model"]):
        plain = nlp(text)
    assert [(e.start_char, e.end_char, e.label_) for e in doc.ents] == \
        [(e.start_char, e.end_char, e.label_) for e in plain.ents]
    assert plain._.model_persons is None


@pytest.mark.parametrize("span, name", [
    ("HLV Park Hang-seo", "Park Hang-seo"),      # a title glued to the name by the segmenter
    ("ông Trần Văn Tâm", "Trần Văn Tâm"),         # an honorific
    ("Hứa Ngọc Nghĩa là", "Hứa Ngọc Nghĩa"),      # a lowercase word glued after
    ("Chủ tịch Nguyễn An", "Nguyễn An"),
    ("bà", ""),
    ("huyện Thọ Xuân", "huyện Thọ Xuân"),         # a unit word is kept: the span is a place
])
def test_trim(span, name):
    a, b = _trim(span, 0, len(span))
    assert span[a:b] == name


def _with_model_persons(nlp, text, names):
    with nlp.select_pipes(disable=["vi_ner_model"]):
        doc = nlp(text)
    doc._.model_persons = []
    for n in names:
        a = doc.text.rindex(n)  # the last occurrence
        doc._.model_persons.append({"start": a, "end": a + len(n), "text": n, "score": 1.0})
    return doc


@pytest.mark.parametrize("text, proposed, kept", [
    # a foreign name the rules have no cue for is kept
    ("Barcelona thắng 2-0, Pedri Gonzalez ghi bàn.", ["Pedri Gonzalez"], {"Pedri Gonzalez"}),
    # a list led by an administrative unit word is a list of places
    ("Các huyện Phúc Lâm, Ba Sơn, Đan Hòa có 5 ứng cử viên.", ["Ba Sơn", "Đan Hòa"], set()),
    ("Cửa hàng ở đường Lê Văn Hưu đông khách.", ["Lê Văn Hưu"], set()),
    # what a rule mention already covers is the rules' business
    ("Ông Nguyễn Văn Bình phát biểu.", ["Nguyễn Văn Bình"], set()),
    # part of a body named elsewhere in the article
    ("UBND huyện Thọ Lâm họp. Lãnh đạo Thọ Lâm cho biết.", ["Thọ Lâm"], set()),
    # initials are not a name
    ("Bà H.T.L.V. trả 2 đợt.", ["H.T.L.V."], set()),
    # a known place is not a person
    ("Đoàn công tác tới Quảng Ninh.", ["Quảng Ninh"], set()),
])
def test_new_persons(nlp, text, proposed, kept):
    doc = _with_model_persons(nlp, text, proposed)
    assert {p["text"] for p in new_persons(doc)} == kept


# ------------------------------------------------------------------ training data
def test_training_never_uses_evaluation_ids():
    banned = excluded_ids()
    reserved = {ln.strip() for ln in (ROOT.parent / "shared" / "corpus" / "reserved.txt")
                .read_text(encoding="utf-8").splitlines() if ln.startswith("news_")}
    assert reserved and reserved <= banned
    assert {p.stem for p in (ROOT / "seeds" / "extra").glob("*.txt")} <= banned
    assert {p.stem for p in (ROOT / "seeds" / "gold").glob("*.json")} <= banned
    assert {p.stem for p in (ROOT / "benchmarks" / "heldout" / "gold").glob("*.json")} <= banned
    assert not banned & {a["id"] for a in silver_articles(30)}


def test_extra_halves_are_disjoint_and_cover_every_section():
    train, held = extra_split("A")
    assert len(train) == len(held) == 10 and not {p.stem for p in train} & {p.stem for p in held}
    assert {p.stem.split("_")[1] for p in held} == {p.stem.split("_")[1] for p in train}
    assert extra_split("B") == (held, train)


def test_project_names_full_names_then_suffixes():
    text = "HLV Ronald Koeman nói. Koeman cười. Ronaldo không đến. Ông Trần Công Phượng và Công Phượng."
    spans = project_names(text, ["Ronald Koeman", "Trần Công Phượng"])
    assert [text[a:b] for a, b in spans] == ["Ronald Koeman", "Koeman", "Trần Công Phượng", "Công Phượng"]


@pytest.mark.parametrize("word, shaped", [
    ("Gareth Bale", True), ("Song song", False), ("Covid-19", False), ("USD", False), ("Lê", True)])
def test_name_shaped(word, shaped):
    assert name_shaped(word) is shaped


def test_silver_doc_marks_unknown_capitals_missing(nlp):
    with nlp.select_pipes(disable=["vi_ner_model"]):
        doc = nlp("Ông Nguyễn Văn Bình gặp Gareth Bale tại sân.")
    a = doc.text.index("Nguyễn Văn Bình")
    tdoc = training_doc(doc.vocab, doc, [(a, a + len("Nguyễn Văn Bình"))], [], complete=False)
    tags = {t.text: (t.ent_iob_, t.ent_type_) for t in tdoc}
    assert tags["Nguyễn Văn Bình"] == ("B", "PERSON")
    assert tags["Gareth Bale"] == ("", "")   # unknown, neither person nor outside
    assert tags["gặp"] == ("O", "")
    full = training_doc(doc.vocab, doc, [(a, a + len("Nguyễn Văn Bình"))], [], complete=True)
    assert {t.text: t.ent_iob_ for t in full}["Gareth Bale"] == "O"
