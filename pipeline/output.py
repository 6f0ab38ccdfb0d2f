"""The output contract (CONTRACT section 1) as pydantic models, and the builder
that turns a processed ``Doc`` into a validated :class:`Article`.

The facts are the union of the fact types registered in :mod:`pipeline.facts`.
Validation with the article text in the context (``Article.model_validate(obj,
context={"text": raw})``) also checks that every mention's ``text[start:end]``
is its surface and that every evidence span lies inside the text; the builder
always validates that way, so an object that breaks the contract is never
written.
"""
from __future__ import annotations

from typing import Annotated, Any, Literal, Union

from pydantic import Field, ValidationInfo, field_validator, model_validator

from . import resources as R
from .ids import make_doc_id  # noqa: F401  (re-exported)
from .contract import Mention, Qualifier, Span, Strict, text_of as _text_of
from .facts import fact_types
from .facts.position import PositionFact  # noqa: F401  (re-exported)
from .facts.quantity import QuantityFact  # noqa: F401  (re-exported)

SCHEMA_VERSION = "1.0"
EntityType = Literal["PERSON", "TITLE", "ORGANIZATION", "LOCATION", "NUMBER", "DATE"]
_Strict = Strict


class Entity(_Strict):
    id: str = Field(pattern=r"^E\d+$")
    type: EntityType
    text: str = Field(description="surface of the first mention")
    canonical: str = Field(min_length=1)
    mentions: list[Mention] = Field(min_length=1)
    value: float | int | None = Field(None, exclude_if=lambda v: v is None)
    unit: str | None = Field(None, exclude_if=lambda v: v is None)
    kind: str | None = Field(None, exclude_if=lambda v: v is None)
    qualifier: Qualifier | None = Field(None, exclude_if=lambda v: v is None)
    iso: str | None = Field(None, exclude_if=lambda v: v is None)
    former: bool | None = Field(None, exclude_if=lambda v: v is None)
    role: Literal["byline", "photo"] | None = Field(
        None, exclude_if=lambda v: v is None,
        description="a PERSON named only on the paper's own credit lines: bylines ('byline'), photo credits ('photo')")

    @model_validator(mode="after")
    def _first_mention(self) -> "Entity":
        if self.mentions[0].text != self.text:
            raise ValueError("entity text must be the surface of its first mention")
        if self.type == "NUMBER" and self.kind is None:
            raise ValueError("a NUMBER carries a kind")
        if self.role is not None and self.type != "PERSON":
            raise ValueError("only a PERSON has a role")
        return self


def _fact_union() -> Any:
    """The union of the registered fact types' models, told apart by ``type``."""
    models = tuple(ft.model for ft in fact_types())
    return Annotated[Union[models], Field(discriminator="type")]  # type: ignore[valid-type]


Fact = _fact_union()
_REFS = {ft.name: ft.refs for ft in fact_types()}


class Article(_Strict):
    schema_version: Literal["1.0"] = SCHEMA_VERSION
    doc_id: str = Field(pattern=r"^[0-9a-f]{16}$")
    source: str
    title: str | None = None
    outlet: str | None = None
    url: str | None = Field(None, exclude_if=lambda v: v is None)
    date: str | None = Field(None, exclude_if=lambda v: v is None)
    length: int = Field(ge=0, description="length of the article text, in Python characters")
    entities: list[Entity]
    facts: list[Fact]

    @field_validator("facts")
    @classmethod
    def _evidence_inside(cls, facts: list, info: ValidationInfo) -> list:
        length = info.data.get("length")
        text = _text_of(info)
        limit = len(text) if text is not None else length
        for f in facts:
            if limit is not None and f.evidence.end > limit:
                raise ValueError(f"evidence {f.evidence.start}:{f.evidence.end} lies outside the text ({limit})")
        return facts

    @model_validator(mode="after")
    def _references(self, info: ValidationInfo) -> "Article":
        text = _text_of(info)
        if text is not None and len(text) != self.length:
            raise ValueError("length does not match the text")
        ids = {e.id: e for e in self.entities}
        if len(ids) != len(self.entities):
            raise ValueError("duplicate entity ids")
        for e in self.entities:
            for m in e.mentions:
                if m.end > self.length:
                    raise ValueError(f"mention {m.start}:{m.end} lies outside the text")
        for f in self.facts:
            for attr, want in _REFS[f.type]:
                ref = getattr(f, attr)
                if ref is None:
                    continue
                if ref not in ids:
                    raise ValueError(f"{attr} {ref} names no entity")
                if want and ids[ref].type != want:
                    raise ValueError(f"{attr} {ref} is a {ids[ref].type}, not a {want}")
        return self


def json_schema() -> dict[str, Any]:
    schema = Article.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["$id"] = f"https://vnextract/schema/article-{SCHEMA_VERSION}.json"
    return schema


def validate(obj: dict[str, Any], text: str | None = None) -> Article:
    return Article.model_validate(obj, context={"text": text} if text is not None else None)


def dumps(article: Article) -> str:
    """The article as JSON text: ``json.dumps(article.model_dump(mode="json"),
    ensure_ascii=False, indent=1)``, byte for byte, written by pydantic's serializer
    (a third of the time) with its floats rewritten as Python writes them."""
    return R.JSON_FLOAT_RE.sub(_python_float, article.model_dump_json(indent=1)) + "\n"


def _python_float(m: Any) -> str:
    return repr(float(m.group()))
