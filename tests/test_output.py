"""The output model refuses objects that break the contract."""
import copy
import json

import pytest
from pydantic import ValidationError

from pipeline.output import Article, dumps, json_schema, make_doc_id, validate

TEXT = "Ông Trần Văn Nam, Bí thư Đảng ủy phường Xuân Hòa, có hơn 20.000 học sinh."


def good():
    return {
        "schema_version": "1.0",
        "doc_id": make_doc_id(TEXT),
        "source": "t.txt",
        "title": TEXT,
        "length": len(TEXT),
        "entities": [
            {"id": "E1", "type": "PERSON", "text": "Trần Văn Nam", "canonical": "Trần Văn Nam",
             "mentions": [{"start": 4, "end": 16, "text": "Trần Văn Nam"}]},
            {"id": "E2", "type": "TITLE", "text": "Bí thư", "canonical": "Bí thư",
             "mentions": [{"start": 18, "end": 24, "text": "Bí thư"}]},
            {"id": "E3", "type": "ORGANIZATION", "text": "Đảng ủy phường Xuân Hòa",
             "canonical": "Đảng ủy phường Xuân Hòa", "mentions": [{"start": 25, "end": 48, "text": "Đảng ủy phường Xuân Hòa"}]},
            {"id": "E4", "type": "NUMBER", "text": "hơn 20.000 học sinh", "canonical": "hơn 20.000 học sinh",
             "value": 20000, "unit": "học sinh", "kind": "count", "qualifier": "more_than",
             "mentions": [{"start": 53, "end": 72, "text": "hơn 20.000 học sinh"}]},
        ],
        "facts": [
            {"type": "position", "person": "Trần Văn Nam", "title": "Bí thư", "organization": "Đảng ủy phường Xuân Hòa",
             "person_id": "E1", "title_id": "E2", "organization_id": "E3", "evidence": {"start": 0, "end": len(TEXT)}},
            {"type": "quantity", "value": 20000, "unit": "học sinh", "qualifier": "more_than", "subject": None,
             "number_id": "E4", "evidence": {"start": 0, "end": len(TEXT)}},
        ],
    }


def test_good_object_validates_against_its_text():
    assert TEXT[53:72] == "hơn 20.000 học sinh"
    art = validate(good(), TEXT)
    assert isinstance(art, Article)


def test_a_person_may_carry_a_credit_role():
    for role in ("byline", "photo"):
        assert validate(_break(("entities", 0, "role"), role), TEXT).entities[0].role == role


def _break(path, value):
    obj = copy.deepcopy(good())
    target = obj
    for key in path[:-1]:
        target = target[key]
    target[path[-1]] = value
    return obj


@pytest.mark.parametrize("path, value, why", [
    (("entities", 0, "mentions", 0, "start"), 5, "surface differs from text[start:end]"),
    (("entities", 0, "text"), "Nam", "entity text is not its first mention"),
    (("facts", 0, "evidence", "end"), len(TEXT) + 5, "evidence outside the text"),
    (("facts", 1, "evidence", "start"), 80, "evidence end before start"),
    (("entities", 1, "type"), "JOB", "unknown entity type"),
    (("facts", 1, "qualifier"), "roughly", "unknown qualifier"),
    (("facts", 0, "person_id"), "E9", "dangling entity reference"),
    (("facts", 0, "title_id"), "E1", "reference to the wrong type"),
    (("doc_id",), "XYZ", "doc_id is not 16 hex digits"),
    (("schema_version",), "2.0", "unknown schema version"),
    (("entities", 3, "kind"), None, "a NUMBER without kind"),
    (("entities", 0, "mentions"), [], "entity without mentions"),
    (("facts", 0, "colour"), "red", "unknown field"),
    (("length",), 10, "length does not match the text"),
    (("entities", 2, "role"), "byline", "a role on an ORGANIZATION"),
    (("entities", 0, "role"), "editor", "an unknown role"),
])
def test_bad_objects_are_refused(path, value, why):
    with pytest.raises(ValidationError):
        validate(_break(path, value), TEXT)


def test_schema_is_published_and_describes_the_contract():
    schema = json_schema()
    json.dumps(schema)
    props = schema["properties"]
    for key in ("schema_version", "doc_id", "source", "title", "outlet", "entities", "facts"):
        assert key in props
    assert set(schema["$defs"]["Entity"]["properties"]["type"]["enum"]) == {
        "PERSON", "TITLE", "ORGANIZATION", "LOCATION", "NUMBER", "DATE"}


def test_schema_accepts_written_outputs_with_jsonschema_semantics():
    jsonschema = pytest.importorskip("jsonschema")
    jsonschema.validate(json.loads(json.dumps(good())), json_schema())
    bad = _break(("facts", 1, "qualifier"), "roughly")
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(bad, json_schema())


def test_doc_id_is_stable_and_content_based():
    assert make_doc_id(TEXT) == make_doc_id(TEXT)
    assert make_doc_id(TEXT) != make_doc_id(TEXT + " ")
    # offsets index the text as read, so a differently encoded text is another document
    assert make_doc_id("Hòa") != make_doc_id("Ho\u0300a")
    assert make_doc_id("Hòa") == "feb29b057651464e"  # sha256 of the UTF-8 bytes: machine-independent


def test_published_schema_file_is_the_generated_one():
    """pipeline/schema/article-1.0.json is what `vnextract schema` prints (regenerate it when the model changes)."""
    from importlib import resources

    published = json.loads((resources.files("pipeline") / "schema" / "article-1.0.json").read_text(encoding="utf-8"))
    assert published == json_schema()


def test_committed_outputs_validate_against_the_published_schema():
    jsonschema = pytest.importorskip("jsonschema")
    from pathlib import Path

    schema = json_schema()
    outputs = sorted((Path(__file__).resolve().parent.parent / "outputs").glob("*.json"))
    assert outputs
    for path in outputs:
        jsonschema.validate(json.loads(path.read_text(encoding="utf-8")), schema)


@pytest.mark.parametrize("value", [20000, 0.1, 1.5, 1e-05, 1.5e-07, 2.5e-05, 1e16, 1.5e22, 10 ** 25,
                                   -0.0, 123456789.123, float("inf"), float("nan")])
def test_dumps_is_python_json_byte_for_byte(value):
    """output.dumps writes with pydantic's serializer; floats and strings come out as
    json.dumps(..., ensure_ascii=False, indent=1) writes them."""
    obj = good()
    obj["entities"][3]["value"] = value
    obj["facts"][1]["value"] = value
    obj["source"] = 'a "quoted"\\ 1e-05 source\u2028\x7f\ttab'
    art = Article.model_validate(obj)
    assert dumps(art) == json.dumps(art.model_dump(mode="json"), ensure_ascii=False, indent=1) + "\n"
