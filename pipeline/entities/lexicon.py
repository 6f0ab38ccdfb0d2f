"""Lexicon lookup over syllables: longest-match tries built once per process
from the data files (``pipeline/data``) that :mod:`pipeline.resources` reads."""
from __future__ import annotations

from typing import TYPE_CHECKING, Sequence

from .. import resources as R

if TYPE_CHECKING:
    from .syllables import Syl


class Trie:
    """Longest match of syllable sequences; keys are tuples of syllables."""

    def __init__(self, entries: dict[str, object], lower: bool) -> None:
        self.lower = lower
        self.root: dict = {}
        for form, value in entries.items():
            key = form.split()
            if lower:
                key = [k.lower() for k in key]
            node = self.root
            for k in key:
                node = node.setdefault(k, {})
            node[None] = (form, value)
        #: the first syllables of the entries, lowercased: a syllable whose ``low`` is not
        #: among them starts no entry (what the hot recognizers check before matching)
        self.first = frozenset(k.lower() for k in self.root)

    def match(self, syls: Sequence["Syl"], i: int) -> tuple[int, str, object] | None:
        """(end, form, value) of the longest entry starting at syllable i."""
        node, best, j = self.root, None, i
        n = len(syls)
        lower = self.lower
        while j < n:
            k = syls[j].low if lower else syls[j].text
            node = node.get(k)
            if node is None:
                break
            j += 1
            if None in node:
                best = (j, *node[None])
        return best


class PlaceTrie:
    """Place names as printed, or in any case when capitalized and two syllables or
    more ('Đồng Bằng sông Cửu Long'); a lowercase one-syllable name never matches
    ('vinh dự' is not Vinh)."""

    def __init__(self, entries: dict[str, object]) -> None:
        self.exact = Trie(entries, lower=False)
        self.folded = Trie(entries, lower=True)
        self.first = self.exact.first | self.folded.first

    def match(self, syls: Sequence["Syl"], i: int) -> tuple[int, str, object] | None:
        m = self.exact.match(syls, i)
        if m or i >= len(syls) or not syls[i].cap:
            return m
        m = self.folded.match(syls, i)
        return m if m and m[0] - i >= 2 else None


class Lex:
    """Every lexicon the recognizers look up, built once."""

    _inst: "Lex | None" = None

    def __init__(self) -> None:
        self.honor = Trie(R.honorifics(), lower=True)
        self.titles = Trie(R.titles(), lower=True)
        heads = R.org_heads()
        self.heads_exact = Trie(heads, lower=False)
        self.heads_lower = Trie({k: v for k, v in heads.items() if not R.ALL_CAPS_RE.match(k.split()[0])}, lower=True)
        self.units = Trie(R.admin_units(), lower=False)
        self.units_lower = Trie(R.admin_units(), lower=True)
        self.places = PlaceTrie(R.places_vn())
        self.countries = PlaceTrie(R.countries())
        self.domains = {"Bộ": Trie(R.ministry_domains(), lower=True)}
        self.surnames = R.surnames()
        self.stop = R.name_stopwords()
        self.suffixes = R.org_suffixes()
        #: lowercased syllables that may start a head noun; a unit word, place or country
        self.head_first = self.heads_exact.first | self.heads_lower.first
        self.location_first = self.units.first | self.units_lower.first | self.places.first | self.countries.first

    @classmethod
    def get(cls) -> "Lex":
        if cls._inst is None:
            cls._inst = cls()
        return cls._inst


# grammar words the recognizers read (data/grammar_words.tsv)
MODIFIERS_BEFORE = R.word_set("modifiers_before")
MODIFIERS_AFTER = frozenset(tuple(p.split()) for p in R.word_set("modifiers_after"))
FORMER = R.word_set("former")
NAME_PARTICLES = R.word_set("name_particles")
PLURAL_MARKERS = R.word_set("plural_markers")
PEOPLE_NAMED_HEADS = tuple(sorted(R.word_set("people_named_heads")))
GENERIC_HEADS = R.word_set("generic_heads")
#: 'Bộ trưởng Công Thương' names Bộ Công Thương, 'Trưởng phòng Nội vụ' Phòng Nội vụ
DOMAIN_HINTS = R.word_set("domain_hints")
NAME_STOP = R.word_set("name_stop")
FUNCTION_WORDS = R.word_set("function_words")

#: organization classes named after people: 'Trường THPT Nguyễn Du', 'Bệnh viện Bạch Mai'
NAMED_AFTER_PEOPLE = frozenset({"school", "health", "business"})
#: title categories whose body may be a brand
BRAND_TITLES = frozenset({"business", "bank", "generic"})
#: organization classes whose lexicon entries are complete names
NAMED_CLASSES = frozenset({"fixed", "ministry", "international", "media", "foreign"})


def form_is_generic(head: str) -> bool:
    """A head noun that needs a name after it even in a 'complete name' class."""
    return head in GENERIC_HEADS
