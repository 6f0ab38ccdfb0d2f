"""The fact-type registry: every reader (output union, eval, show/report, stores)
takes the fact types from it, and a type is registered once."""
import typing

import pytest

from pipeline import facts, html, output, scoring, stores
from pipeline.facts.registry import FactType, Metric, register


def test_every_type_brings_its_parts():
    types = facts.fact_types()
    assert [t.name for t in types][:2] == ["position", "quantity"]
    for ft in types:
        assert ft.model.model_fields["type"].default == ft.name
        assert callable(ft.link) and ft.html is not None
        assert ft.metrics, ft.name
        assert "evidence" in ft.model.model_fields


def test_readers_follow_the_registry():
    union = typing.get_args(typing.get_args(output.Fact)[0])
    assert {m.model_fields["type"].default for m in union} == set(facts.REGISTRY)
    assert set(html.FACT_ORDER) == set(facts.REGISTRY)
    for m in facts.metrics():
        assert m.name in scoring.METRICS
        for alias in m.aliases:
            assert scoring.resolve_metric(alias) == m.name
    for ft in facts.fact_types():
        for c in ft.columns:
            assert c.name in stores.FACT_COLS


def test_a_type_is_registered_once_and_columns_keep_one_sql_type():
    pos = facts.REGISTRY["position"]
    with pytest.raises(ValueError, match="twice"):
        register(pos)
    clash = FactType("clash_test", pos.model, pos.link, columns=(
        type(pos.columns[0])("person", "INTEGER", lambda f: 1),))
    with pytest.raises(ValueError, match="person"):
        register(clash)
    dup = FactType("dup_metric_test", pos.model, pos.link, metrics=(
        Metric("quantities", "x", list, list, lambda g, p: True),))
    with pytest.raises(ValueError, match="quantities"):
        register(dup)
    assert "clash_test" not in facts.REGISTRY and "dup_metric_test" not in facts.REGISTRY


def test_export_maps_offsets_and_text_fields():
    f = {"type": "position", "person": "A", "title": "B", "organization": None, "evidence": (2, 5)}
    out = facts.export(f, lambda a, b: (a + 1, b + 1), "0123456789")
    assert out["evidence"] == {"start": 3, "end": 6}
    assert f["evidence"] == (2, 5)  # the linker's record is left as it was


def test_show_renders_every_fact_type():
    from pipeline.api import extract

    text = ("Tin tức\nNgày 4-2, UBND phường Xuân Hòa tổ chức hội nghị tổng kết năm học. "
            'Ông Trần Văn Nam, Bí thư Đảng ủy phường Xuân Hòa, nói: "Các trường <b>cần</b> rà soát kế hoạch". '
            "Trường THCS Xuân Hòa nhận Bằng khen của UBND phường theo Nghị quyết 71/2025 của Bộ Chính trị.")
    art = extract(text)
    page = html.render_article(art, text)
    for ftype in ("position", "statement", "document", "event", "award"):
        assert f'data-fact-type="{ftype}"' in page, ftype
    assert "<b>cần</b>" not in page and "&lt;b&gt;cần&lt;/b&gt;" in page  # article text stays text
    assert "Bằng khen" in page and "71/2025" in page and "hội nghị" in page


def test_published_schema_has_every_fact_type():
    import json
    from importlib import resources

    published = json.loads((resources.files("pipeline") / "schema" / "article-1.0.json").read_text(encoding="utf-8"))
    names = set(published["$defs"])
    assert {"PositionFact", "QuantityFact", "StatementFact", "DocumentFact", "EventFact", "AwardFact"} <= names
