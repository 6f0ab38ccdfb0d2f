"""Tests for pipeline.scoring (CONTRACT section 4)."""

from __future__ import annotations

import json
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:  # the package may not be installed in the venv
    sys.path.insert(0, str(ROOT))

from pipeline.scoring import (  # noqa: E402
    METRICS,
    OPTIONAL_METRICS,
    Counts,
    Report,
    load_gold,
    normalize_name,
    run_eval,
    score_dirs,
    score_document,
)

SEED_GOLD = ROOT / "seeds" / "gold"


# ----------------------------------------------------------------- helpers


def gold_doc(**fields: Any) -> dict[str, Any]:
    base: dict[str, Any] = {"doc": "x.txt", "persons": [], "organizations": [],
                            "positions": [], "quantities": []}
    base.update(fields)
    return base


def pred_doc(persons: Sequence[str] = (), orgs: Sequence[str] = (),
             positions: Sequence[tuple[Any, Any, Any]] = (),
             quantities: Sequence[tuple[Any, Any]] = ()) -> dict[str, Any]:
    entities = [{"id": f"P{i}", "type": "PERSON", "text": p, "canonical": p}
                for i, p in enumerate(persons)]
    entities += [{"id": f"O{i}", "type": "ORGANIZATION", "text": o, "canonical": o}
                 for i, o in enumerate(orgs)]
    facts: list[dict[str, Any]] = [
        {"type": "position", "person": p, "title": t, "organization": o}
        for p, t, o in positions
    ]
    facts += [{"type": "quantity", "value": v, "unit": u, "qualifier": "exact"}
              for v, u in quantities]
    return {"entities": entities, "facts": facts}


def counts(c: Counts) -> tuple[int, int, int]:
    return (c.tp, c.n_pred, c.n_gold)


def gold_as_prediction(gold: dict[str, Any]) -> dict[str, Any]:
    """A perfect prediction: the first alternative of every gold value."""
    first = lambda v: v[0] if isinstance(v, list) else v  # noqa: E731
    section5 = [dict({k: first(v) if v != [] else v for k, v in item.items()}, type=ftype)
                for ftype, key in (("statement", "statements"), ("document", "documents"),
                                   ("event", "events"), ("award", "awards"))
                for item in gold.get(key) or []]
    for f in section5:
        if f["type"] == "statement":
            f["content"] = {"text": f["content"]}
    pred = pred_doc(
        persons=[first(p) for p in gold["persons"]],
        orgs=[first(o) for o in gold["organizations"]],
        positions=[(first(p["person"]), first(p["title"]), first(p["organization"]))
                   for p in gold["positions"]],
        quantities=[(q["value"], first(q["unit"])) for q in gold["quantities"]],
    )
    pred["facts"] += section5
    return pred


def write_json(path: Path, data: Any) -> None:
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")


# ----------------------------------------------------------- normalize_name


@pytest.mark.parametrize(
    ("a", "b"),
    [
        # tone mark placement, per syllable
        ("hoà", "hòa"),
        ("Thuỷ", "Thủy"),
        ("Khoẻ", "Khỏe"),
        ("Phường Xuân Hoà", "phường Xuân Hòa"),
        ("Uỷ ban nhân dân", "Ủy ban nhân dân"),
        ("Quý", "Qúy"),
        # NFC vs NFD input
        ("Nguyễn Văn Hiếu", "Nguye\u0302\u0303n Va\u0306n Hie\u0302\u0301u"),
        # abbreviations
        ("UBND phường X", "Ủy ban nhân dân phường X"),
        ("Sở GD&ĐT TPHCM", "Sở Giáo dục và Đào tạo Thành phố Hồ Chí Minh"),
        ("Sở GD-ĐT TP.HCM", "Sở Giáo dục và Đào tạo Thành phố Hồ Chí Minh"),
        ("Công an TP. HCM", "Công an Thành phố Hồ Chí Minh"),
        ("Công an TP HCM", "Công an Thành phố Hồ Chí Minh"),
        ("UBND TP Hà Nội", "Ủy ban nhân dân Thành phố Hà Nội"),
        ("UBND TP. Hà Nội", "Ủy ban nhân dân Thành phố Hà Nội"),
        ("HĐND phường", "Hội đồng nhân dân phường"),
        ("Ủy ban MTTQ", "Ủy ban Mặt trận Tổ quốc"),
        ("Trường THCS A", "Trường Trung học cơ sở A"),
        ("Trường THPT A", "Trường Trung học phổ thông A"),
        ("Chủ tịch HĐQT", "Chủ tịch Hội đồng quản trị"),
        ("Ngân hàng TMCP Á Châu", "Ngân hàng Thương mại Cổ phần Á Châu"),
        ("Công ty CP Sữa", "Công ty Cổ phần Sữa"),
        ("Công ty TNHH B", "Công ty Trách nhiệm hữu hạn B"),
        ("Cơ quan CSĐT", "Cơ quan Cảnh sát điều tra"),
        ("ĐHQG Hà Nội", "Đại học Quốc gia Hà Nội"),
        ("Trường ĐH Y", "Trường Đại học Y"),
        ("TAND tỉnh", "Tòa án nhân dân tỉnh"),
        ("VKSND tỉnh", "Viện kiểm sát nhân dân tỉnh"),
        ("BCH Trung ương", "Ban Chấp hành Trung ương"),
        ("Bộ LĐ-TB&XH", "Bộ Lao động - Thương binh và Xã hội"),
        ("Sở LĐ–TB&XH", "Sở Lao động – Thương binh và Xã hội"),
        ("NHNN", "Ngân hàng Nhà nước"),
        ("UB kiểm tra", "Ủy ban kiểm tra"),
        ("ubnd phường", "Ủy ban nhân dân phường"),
        # dashes
        ("Miguel Diaz-Canel", "Miguel Diaz – Canel"),
        ("Văn hóa—Xã hội", "Văn hóa - Xã hội"),
        ("A\u2212B", "A-B"),
        ("A\u2010B", "A \u2015 B"),
        # quotes and brackets
        ("Trường “Lê Quý Đôn”", "Trường Lê Quý Đôn"),
        ('Công ty "ABC"', "Công ty ABC"),
        ("Sở Y tế (Hà Nội)", "Sở Y tế Hà Nội"),
        ("«Tuổi Trẻ»", "Tuổi Trẻ"),
        ("[Reuters]", "{Reuters}"),
        # whitespace and trimming
        ("  Nguyễn   Văn\tA ", "Nguyễn Văn A"),
        ("Bí thư,", "Bí thư"),
        (";: Bí thư.", "Bí thư"),
        # case
        ("BỘ CÔNG THƯƠNG", "Bộ Công Thương"),
    ],
)
def test_normalize_equal(a: str, b: str) -> None:
    assert normalize_name(a) == normalize_name(b)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("hòa", "hóa"),           # different tone
        ("Thủy", "Thúy"),
        ("ha", "hà"),             # tone vs no tone
        ("Hương", "Huong"),       # horn is not a tone mark
        ("Tân", "Tan"),           # circumflex is kept
        ("CPTPP", "Cổ phầnTPP"),  # no expansion inside a word
        ("ACP", "ACổ phần"),
        ("TPBank", "Thành phốBank"),
        ("UBND phường X", "Ủy ban nhân dân phường Y"),
        ("Trần Văn Nam", "Trần Văn Nam A"),
    ],
)
def test_normalize_different(a: str, b: str) -> None:
    assert normalize_name(a) != normalize_name(b)


def test_normalize_keeps_inner_word_abbreviation_letters() -> None:
    assert "cptpp" in normalize_name("Hiệp định CPTPP")
    assert normalize_name("Hiệp định CPTPP") != normalize_name("Hiệp định Cổ phầnTPP")


def test_normalize_dash_spacing_and_trim() -> None:
    assert normalize_name("Văn hóa–Xã hội") == normalize_name("Văn hóa - Xã hội")
    assert " - " in normalize_name("a–b")
    assert normalize_name(" ,.;: ") == ""


def test_abbreviations_live_in_data_file() -> None:
    table = ROOT / "pipeline" / "data" / "abbreviations_scoring.tsv"
    rows = [line.split("\t") for line in table.read_text(encoding="utf-8").splitlines()
            if line and not line.startswith("#")]
    assert ["UBND", "Ủy ban nhân dân"] in rows
    assert all(len(r) == 2 for r in rows)


# ------------------------------------------------------- persons / orgs


def test_persons_alternatives_and_tones() -> None:
    gold = gold_doc(persons=["Trần Văn Hòa", ["Lý Hiển Long", "Lee Hsien Loong"]])
    pred = pred_doc(persons=["Trần Văn Hoà", "Lee Hsien Loong", "Nguyễn Văn A"])
    c = score_document(gold, pred)["persons"]
    assert counts(c) == (2, 3, 2)
    assert c.precision == pytest.approx(2 / 3)
    assert c.recall == 1.0


def test_predicted_names_deduplicated_after_normalization() -> None:
    gold = gold_doc(organizations=["Ủy ban nhân dân phường Xuân Hòa"])
    pred = pred_doc(orgs=["UBND phường Xuân Hoà", "Ủy ban nhân dân phường Xuân Hòa",
                          "“UBND phường Xuân Hòa”"])
    assert counts(score_document(gold, pred)["organizations"]) == (1, 1, 1)


def test_canonical_falls_back_to_text_and_type_filter() -> None:
    pred = {"entities": [
        {"id": "E1", "type": "PERSON", "text": "Trần Văn Nam"},
        {"id": "E2", "type": "PERSON", "text": "ông Nam", "canonical": "Trần Văn Nam"},
        {"id": "E3", "type": "LOCATION", "text": "Hà Nội", "canonical": "Hà Nội"},
        {"id": "E4", "type": "TITLE", "text": "Bí thư", "canonical": "Bí thư"},
    ], "facts": []}
    gold = gold_doc(persons=["Trần Văn Nam"], organizations=["Hà Nội"])
    result = score_document(gold, pred)
    assert counts(result["persons"]) == (1, 1, 1)
    assert counts(result["organizations"]) == (0, 0, 1)


def test_one_to_one_two_gold_one_prediction() -> None:
    gold = gold_doc(organizations=[["Sở Y tế tỉnh Quảng Ninh", "Sở Y tế Quảng Ninh"],
                                   "Sở Y tế Quảng Ninh"])
    pred = pred_doc(orgs=["Sở Y tế Quảng Ninh"])
    assert counts(score_document(gold, pred)["organizations"]) == (1, 1, 2)


def test_maximum_matching_not_greedy() -> None:
    # Greedy in gold order would give pred "A" to gold [A, B] and leave gold A unmatched.
    gold = gold_doc(organizations=[["Bộ A", "Bộ B"], "Bộ A"])
    pred = pred_doc(orgs=["Bộ A", "Bộ B"])
    assert counts(score_document(gold, pred)["organizations"]) == (2, 2, 2)


# -------------------------------------------------------------- positions


def test_positions_strict_with_alternatives_and_abbreviations() -> None:
    gold = gold_doc(positions=[
        {"person": "Trần Văn Nam", "title": "Chủ tịch",
         "organization": ["Hội đồng nhân dân phường Xuân Hòa", "HĐND phường"]},
        {"person": "Nguyễn Văn Hiếu", "title": "Giám đốc",
         "organization": "Sở Giáo dục và Đào tạo Thành phố Hồ Chí Minh"},
    ])
    pred = pred_doc(positions=[
        ("Trần Văn Nam", "Chủ tịch", "HĐND phường Xuân Hoà"),
        ("Nguyễn Văn Hiếu", "Giám đốc", "Sở GD&ĐT TPHCM"),
        ("Nguyễn Văn Hiếu", "Giám đốc", "Sở GD-ĐT TP.HCM"),  # duplicate after normalization
        ("Nguyễn Văn Hiếu", "Phó Giám đốc", "Sở GD&ĐT TPHCM"),
    ])
    result = score_document(gold, pred)
    assert counts(result["positions"]) == (2, 3, 2)
    assert counts(result["positions_person_title"]) == (2, 3, 2)


@pytest.mark.parametrize(
    ("gold_org", "pred_org", "tp"),
    [
        (None, None, 1),
        (None, "", 1),
        (None, "Bộ Y tế", 0),
        ("Bộ Y tế", None, 0),
        ("Bộ Y tế", "Bộ Y tế", 1),
        ([None, "Bộ Y tế"], None, 1),
    ],
)
def test_null_organization_matches_only_null(gold_org: Any, pred_org: Any, tp: int) -> None:
    gold = gold_doc(positions=[{"person": "A B", "title": "Bác sĩ", "organization": gold_org}])
    pred = pred_doc(positions=[("A B", "Bác sĩ", pred_org)])
    result = score_document(gold, pred)
    assert result["positions"].tp == tp
    assert result["positions_person_title"].tp == 1  # organization ignored there


def test_person_title_distinct_pairs_count_once() -> None:
    gold = gold_doc(positions=[
        {"person": "Miguel Diaz-Canel", "title": "Bí thư Thứ nhất", "organization": "Tỉnh ủy Villa Clara"},
        {"person": "Miguel Diaz-Canel", "title": "Bí thư Thứ nhất", "organization": "Tỉnh ủy Holguin"},
        {"person": "Miguel Diaz-Canel", "title": ["Chủ tịch nước", "Chủ tịch"], "organization": "Cuba"},
    ])
    pred = pred_doc(positions=[
        ("Miguel Diaz–Canel", "Bí thư Thứ nhất", "Tỉnh ủy Villa Clara"),
        ("Miguel Diaz-Canel", "Bí thư thứ nhất", "Tỉnh ủy Holguin"),
        ("Miguel Diaz-Canel", "Bí thư Thứ nhất", "Đảng Cộng sản Cuba"),
    ])
    result = score_document(gold, pred)
    assert counts(result["positions_person_title"]) == (1, 1, 2)
    assert counts(result["positions"]) == (2, 3, 3)


# ------------------------------------------------------------- quantities


@pytest.mark.parametrize(
    ("gold_q", "pred_q", "tp"),
    [
        ((20000, "học sinh"), (20000, "học sinh"), 1),
        ((20000, "học sinh"), (20050, "học sinh"), 1),   # +0.25 %
        ((20000, "học sinh"), (19901, "học sinh"), 1),   # -0.495 %
        ((20000, "học sinh"), (20200, "học sinh"), 0),   # +1 %
        ((20000, "học sinh"), (19800, "học sinh"), 0),
        ((0, "ca"), (0, "ca"), 1),
        ((0, "ca"), (0.001, "ca"), 0),
        ((1.5, "năm"), (1.5, "năm"), 1),
        ((5, "trường"), (5, "trường mầm non"), 1),        # unit prefix, both ways
        ((5, "trường mầm non"), (5, "trường"), 1),
        ((5, "trường"), (5, "trườngx"), 0),               # not on a word boundary
        ((5, "ha"), (5, "hai"), 0),                       # prefix, but not a whole word
        ((5, "km"), (5, "km2"), 0),
        ((5, "km"), (5, "km vuông"), 1),
        ((5, "trường"), (5, "lớp"), 0),
        ((5, "Trường"), (5, " trường, "), 1),             # units normalized
        ((5, "tổng kinh phí"), (5, "kinh phí"), 0),       # suffix is not prefix
        ((5, ["tổng kinh phí", "kinh phí"]), (5, "kinh phí"), 1),
        ((30, "%"), (30, "%"), 1),
        ((5, None), (5, None), 1),                        # no unit matches no unit
        ((5, None), (5, ""), 1),
        ((5, "người"), (5, None), 0),                     # prediction without unit
        ((5, "người"), (5, ""), 0),
        ((5, None), (5, "người"), 0),
        ((5, "người"), (None, "người"), 0),
        ((5, "người"), ("5", "người"), 1),
    ],
)
def test_quantity_matching(gold_q: tuple[Any, Any], pred_q: tuple[Any, Any], tp: int) -> None:
    gold = gold_doc(quantities=[{"value": gold_q[0], "unit": gold_q[1], "qualifier": "exact"}])
    pred = pred_doc(quantities=[pred_q])
    assert score_document(gold, pred)["quantities"].tp == tp


def test_quantity_qualifier_ignored_and_predictions_not_deduplicated() -> None:
    gold = gold_doc(quantities=[
        {"value": 5, "unit": "trường", "qualifier": "exact"},
        {"value": 5, "unit": "trường", "qualifier": "exact"},
        {"value": 20000, "unit": "học sinh", "qualifier": "more_than"},
    ])
    pred = pred_doc(quantities=[(5, "trường"), (5, "trường"), (5, "trường"), (20000, "học sinh")])
    assert counts(score_document(gold, pred)["quantities"]) == (3, 4, 3)


# ------------------------------------------------------------------ counts


@pytest.mark.parametrize(
    ("c", "p", "r", "f1"),
    [
        (Counts(0, 0, 0), 1.0, 1.0, 1.0),
        (Counts(0, 0, 3), 0.0, 0.0, 0.0),
        (Counts(0, 2, 0), 0.0, 0.0, 0.0),
        (Counts(1, 2, 4), 0.5, 0.25, 1 / 3),
        (Counts(3, 3, 3), 1.0, 1.0, 1.0),
    ],
)
def test_counts_ratios(c: Counts, p: float, r: float, f1: float) -> None:
    assert c.precision == pytest.approx(p)
    assert c.recall == pytest.approx(r)
    assert c.f1 == pytest.approx(f1)


def test_score_document_returns_all_metrics_for_empty_documents() -> None:
    result = score_document(gold_doc(), {})
    assert set(result) == set(METRICS) - OPTIONAL_METRICS
    assert all(counts(c) == (0, 0, 0) and c.f1 == 1.0 for c in result.values())
    # a section-5 metric is scored only for a gold file that carries its key
    assert OPTIONAL_METRICS >= {"statements", "documents", "documents_strict", "events", "awards"}
    result = score_document(gold_doc(statements=[], awards=[{"award": "Bằng khen", "recipient": None}]), {})
    assert set(result) == set(METRICS) - OPTIONAL_METRICS | {"statements", "awards"}
    assert counts(result["awards"]) == (0, 0, 1)


# ---------------------------------------------------------- directories


@pytest.fixture()
def dirs(tmp_path: Path) -> tuple[Path, Path]:
    gold_dir, pred_dir = tmp_path / "gold", tmp_path / "pred"
    gold_dir.mkdir()
    pred_dir.mkdir()
    # doc a: 1 gold person, predicted right.
    write_json(gold_dir / "a.json", gold_doc(doc="a.txt", persons=["Trần Văn Nam"]))
    write_json(pred_dir / "a.json", pred_doc(persons=["Trần Văn Nam"]))
    # doc b: 3 gold persons, 1 of them predicted, plus 1 spurious.
    write_json(gold_dir / "b.json", gold_doc(doc="b.txt", persons=["A Một", "B Hai", "C Ba"]))
    write_json(pred_dir / "b.json", pred_doc(persons=["A Một", "D Bốn"]))
    # doc c: gold person but no prediction file at all.
    write_json(gold_dir / "c.json", gold_doc(doc="c.txt", persons=["E Năm"]))
    return gold_dir, pred_dir


def test_micro_vs_macro(dirs: tuple[Path, Path]) -> None:
    gold_dir, pred_dir = dirs
    report = score_dirs(gold_dir, pred_dir)
    micro = report.micro["persons"]
    assert counts(micro) == (2, 3, 5)
    assert micro.precision == pytest.approx(2 / 3)
    assert micro.recall == pytest.approx(2 / 5)
    assert micro.f1 == pytest.approx(0.5)
    # per-article F1: a = 1.0, b = 2*(1/2*1/3)/(1/2+1/3) = 0.4, c = 0.0
    assert report.macro["persons"]["f1"] == pytest.approx((1.0 + 0.4 + 0.0) / 3)
    # empty metrics on every side: F1 1.0 both ways
    assert report.micro["quantities"].f1 == 1.0
    assert report.macro["quantities"]["f1"] == 1.0


def test_missing_prediction_file(dirs: tuple[Path, Path]) -> None:
    gold_dir, pred_dir = dirs
    report = score_dirs(gold_dir, pred_dir)
    assert report.missing_predictions == ["c.txt"]
    doc_c = next(d for d in report.documents if d.doc == "c.txt")
    assert doc_c.missing and counts(doc_c.counts["persons"]) == (0, 0, 1)
    assert ("c.txt", "E Năm") in report.misses("persons")


def test_misses_spurious_and_serialization(dirs: tuple[Path, Path]) -> None:
    gold_dir, pred_dir = dirs
    report = score_dirs(gold_dir, pred_dir)
    assert sorted(report.misses("persons")) == [("b.txt", "B Hai"), ("b.txt", "C Ba"),
                                                ("c.txt", "E Năm")]
    assert report.spurious("persons") == [("b.txt", "D Bốn")]
    assert report.misses("positions_strict") == []
    data = json.loads(json.dumps(report.to_dict()))
    assert set(data["metrics"]) == set(METRICS)
    assert data["metrics"]["persons"]["micro"]["tp"] == 2
    assert data["missing_predictions"] == ["c.txt"]
    table = report.format_table()
    for metric in METRICS:
        shown = any(line.startswith(metric + " ") for line in table.splitlines())
        assert shown == (metric not in OPTIONAL_METRICS)  # no gold here carries the section-5 keys
    assert "0.500" in table  # persons micro F1


def test_gold_doc_to_prediction_name(tmp_path: Path) -> None:
    gold_dir, pred_dir = tmp_path / "g", tmp_path / "p"
    gold_dir.mkdir()
    pred_dir.mkdir()
    write_json(gold_dir / "whatever.json", gold_doc(doc="news_x_001.txt", persons=["A B"]))
    write_json(pred_dir / "news_x_001.json", pred_doc(persons=["A B"]))
    report = score_dirs(gold_dir, pred_dir)
    assert report.missing_predictions == []
    assert report.micro["persons"].tp == 1


def test_score_dirs_without_gold_raises(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="no gold"):
        score_dirs(tmp_path, tmp_path)


# ---------------------------------------------------------------- run_eval


@pytest.mark.parametrize(
    ("mins", "code"),
    [
        (None, 0),
        ({"persons": 0.5}, 0),                # micro F1 is exactly 0.5
        ({"persons": 0.51}, 1),
        ({"persons": 0.4, "quantities": 1.0}, 0),
        ({"positions_strict": 1.0, "person_title": 1.0}, 0),  # aliases; empty = 1.0
        ({"persons": 0.9, "organizations": 0.0}, 1),
    ],
)
def test_run_eval_exit_codes(dirs: tuple[Path, Path], mins: dict[str, float] | None,
                             code: int) -> None:
    lines: list[str] = []
    assert run_eval(*dirs, mins=mins, echo=lines.append) == code
    out = "\n".join(lines)
    assert "persons" in out and "missing prediction: c.txt" in out
    assert ("FAIL persons" in out) == (code == 1)


def test_run_eval_unknown_metric(dirs: tuple[Path, Path]) -> None:
    with pytest.raises(ValueError, match="unknown metric 'people'"):
        run_eval(*dirs, mins={"people": 0.5}, echo=lambda _: None)


def test_run_eval_verbose_and_json(dirs: tuple[Path, Path], tmp_path: Path) -> None:
    lines: list[str] = []
    out_path = tmp_path / "report.json"
    code = run_eval(*dirs, mins={"persons": 0.9}, json_out=str(out_path), verbose=True,
                    echo=lines.append)
    assert code == 1
    out = "\n".join(lines)
    assert "persons miss: B Hai" in out
    assert "persons spurious: D Bốn" in out
    data = json.loads(out_path.read_text(encoding="utf-8"))
    assert data["bounds"]["persons"] == {"min": 0.9, "f1": 0.5, "ok": False}


# ------------------------------------------------------------ seed gold


def test_seed_gold_scores_perfectly_against_itself(tmp_path: Path) -> None:
    gold_paths = sorted(SEED_GOLD.glob("*.json"))
    assert gold_paths
    for path in gold_paths:
        gold = load_gold(path)
        write_json(tmp_path / (Path(gold["doc"]).stem + ".json"), gold_as_prediction(gold))
    report: Report = score_dirs(SEED_GOLD, tmp_path)
    assert report.missing_predictions == []
    for metric in METRICS:
        c = report.micro[metric]
        if metric == "positions_person_title":
            # news_world_135 writes one person once with alternatives and once
            # without ('Chan Chun Sing' / ['Chan Chun Sing', 'Chan Chung Sing']):
            # two distinct gold pairs that the first-alternative prediction
            # gives as one.
            assert c.n_gold - c.tp <= 1, (metric, report.misses(metric))
            continue
        assert c.tp == c.n_gold, (metric, report.misses(metric))
        assert c.f1 == pytest.approx(1.0), metric


def test_seed_gold_empty_prediction_scores_zero(tmp_path: Path) -> None:
    report = score_dirs(SEED_GOLD, tmp_path)
    assert len(report.missing_predictions) == len(list(SEED_GOLD.glob("*.json")))
    for metric in ("persons", "organizations", "positions", "quantities"):
        assert report.micro[metric].tp == 0
        assert report.micro[metric].recall == 0.0
