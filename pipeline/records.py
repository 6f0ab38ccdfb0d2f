"""The records stages pass to each other: what each mention kind carries.

A recognizer fills one ``*Info`` per mention; the entity stage (and the number
stage, with :class:`NumberInfo`) wraps it with the mention's char offsets and
sentence in an :class:`Annotation`.  The resolver's layer is a
:class:`Resolution` (mention -> name and entity) and a list of :class:`Entity`.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Union

from spacy.tokens import Span


@dataclass(slots=True)
class PersonInfo:
    """A person's name (canonical: the name as printed)."""
    standalone: bool = False    # a one-word name that stands for a person on its own ('HLV Zidane')
    evidence: str = ""          # why the recall pass took it (cue, speech, foreign, list, again)
    role: str = ""              # the paper's own people: 'byline' (a closing credit line), 'photo' (a photo credit)


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


@dataclass(slots=True)
class NumberInfo:
    value: float | int | None   # the amount (None for a date)
    kind: str | None            # count, money, percent, measure ... / day, month, year
    unit: str | None            # the unit or counted noun
    qualifier: str | None       # exact, approximate, at least ...
    iso: str | None             # a date's ISO form
    is_quantity: bool           # an amount a quantity fact may state


EntityInfo = Union[PersonInfo, TitleInfo, OrgInfo, PlaceInfo]


@dataclass(eq=False, slots=True)
class Annotation:
    """One mention: its spaCy ``span`` (the layer in ``doc.spans[...]``) and the
    record itself, with the exact char offsets (spaCy keys span extensions by
    token boundaries, which two different mentions can share), its sentence,
    its canonical form as printed and what its kind carries (``info``).
    Records compare by identity: the resolver's layer is keyed by them."""
    span: Span
    label: str
    start: int
    end: int
    text: str
    sent_start: int
    sent_end: int
    canonical: str
    info: Union[PersonInfo, TitleInfo, OrgInfo, PlaceInfo, NumberInfo]

    @property
    def label_(self) -> str:
        return self.label


@dataclass(eq=False, slots=True)
class Entity:
    """Mentions that name one thing (vi_resolve), in text order."""
    id: str
    type: str
    canonical: str
    mentions: list[Annotation]


class Resolution:
    """The resolver's layer, mention -> entity: each mention's resolved name
    (None: it names nothing we could tell) and its entity's id; the mentions
    that are the article's own outlet."""

    __slots__ = ("names", "entity_ids", "outlets")

    def __init__(self) -> None:
        self.names: dict[Annotation, str | None] = {}
        self.entity_ids: dict[Annotation, str] = {}
        self.outlets: list[Annotation] = []

    def name(self, m: Annotation) -> str | None:
        return self.names.get(m)

    def entity_id(self, m: Annotation) -> str | None:
        return self.entity_ids.get(m)
