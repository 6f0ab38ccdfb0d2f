"""The records stages pass to each other: what each mention kind carries.

A recognizer fills one ``*Info`` per mention; the entity stage wraps it with
the mention's char offsets and sentence in an :class:`Annotation`.
"""
from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Union

from spacy.tokens import Span


@dataclass(slots=True)
class PersonInfo:
    """A person's name (canonical: the name as printed)."""
    standalone: bool = False    # a one-word name that stands for a person on its own ('HLV Zidane')
    evidence: str = ""          # why the recall pass took it (cue, speech, foreign, list, again)


@dataclass(slots=True)
class TitleInfo:
    category: str = "generic"   # titles.tsv category: state, party, business, school ...
    hint: str = ""              # the head noun of the body the title implies ('Trường', 'Bộ')
    former: bool = False        # 'nguyên' / 'cựu' before it
    bare: bool = True           # nothing after it could name its body


@dataclass(slots=True)
class OrgInfo:
    name: str                   # head(s) and name, abbreviations expanded, no complement
    cls: str                    # org_heads.tsv class: admin, party, ministry, school, media ...
    complement: str = ""        # the place after the name; '?phường' for a unit with no name
    level: str = ""             # the complement's administrative level
    named: bool = False         # a name or a place follows the head ('Sở Y tế', not 'Sở')
    specific: bool = False      # a head of two words or more from the lexicon ('Sở Y tế')
    last_head: str = ""         # the innermost head noun ('Đảng ủy' of 'Ban Thường vụ Đảng ủy')
    rest: str = ""              # the name after the innermost head
    head_end: int = 0           # syllable index where the name after the head(s) starts
    outlet: bool = False        # the article's own outlet ('(NLĐO)-', 'PV Dân trí')


@dataclass(slots=True)
class PlaceInfo:
    level: str                  # commune, district, province, city, country, street ...


EntityInfo = Union[PersonInfo, TitleInfo, OrgInfo, PlaceInfo]


def info_fields(info: object) -> dict:
    return asdict(info)  # type: ignore[call-overload]


class Annotation:
    """A mention with what the stages learned about it.  Its ``span`` is the
    spaCy layer (``doc.spans[...]``); the record itself holds the exact char
    offsets and attributes, because spaCy keys span extensions by token
    boundaries, which two different mentions can share.  ``ann._`` is the
    record itself, so stages read ``ann._.attrs`` as they would on a Span."""

    __slots__ = ("span", "attrs", "canonical")

    def __init__(self, span: Span, attrs: dict, canonical: str) -> None:
        self.span = span
        self.attrs = attrs
        self.canonical = canonical

    @property
    def _(self) -> "Annotation":
        return self

    @property
    def text(self) -> str:
        return self.attrs["text"]

    @property
    def label_(self) -> str:
        return self.attrs["label"]


class Resolution:
    """The resolver's layer, mention -> entity: each mention's resolved name
    (None: it names nothing we could tell) and its entity's id; the mentions
    that are the article's own outlet."""

    __slots__ = ("names", "entity_ids", "outlets")

    def __init__(self) -> None:
        self.names: dict[object, str | None] = {}
        self.entity_ids: dict[object, str] = {}
        self.outlets: list = []

    def name(self, m: object) -> str | None:
        return self.names.get(m)

    def entity_id(self, m: object) -> str | None:
        return self.entity_ids.get(m)
