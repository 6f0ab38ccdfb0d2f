"""The pydantic building blocks of the output contract (CONTRACT section 1)
shared by the article model (:mod:`pipeline.output`) and the fact types
(:mod:`pipeline.facts`): strict models, character spans, mentions, qualifiers.

Validation with the article text in the context (``context={"text": raw}``)
also checks that a mention's ``text[start:end]`` is its surface.
"""
from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationInfo, model_validator

Qualifier = Literal["exact", "approx", "more_than", "less_than", "at_least", "at_most"]


class Strict(BaseModel):
    # Infinity and NaN written as Python's json writes them (output.dumps is json.dumps, byte for byte)
    model_config = ConfigDict(extra="forbid", ser_json_inf_nan="constants")


def text_of(info: ValidationInfo) -> str | None:
    ctx = info.context or {}
    return ctx.get("text")


class Span(Strict):
    start: int = Field(ge=0)
    end: int = Field(ge=0)

    @model_validator(mode="after")
    def _ordered(self) -> "Span":
        if self.end < self.start:
            raise ValueError(f"end {self.end} before start {self.start}")
        return self


class Mention(Span):
    text: str = Field(description="the surface: the article text [start:end]")

    @model_validator(mode="after")
    def _surface(self, info: ValidationInfo) -> "Mention":
        text = text_of(info)
        if text is not None and text[self.start:self.end] != self.text:
            raise ValueError(f"text[{self.start}:{self.end}] is {text[self.start:self.end]!r}, not {self.text!r}")
        if self.end == self.start:
            raise ValueError("empty mention")
        return self
