"""Persons the sentence tagger cannot propose on its own, read over the document.

The sentence tagger proposes a name when it opens with a Vietnamese surname or
follows an honorific or a title.  Most names in sport, entertainment and world
news do neither: ``Gareth Bale``, ``Salah``, ``Công Phượng``, ``Son Ye Jin``.
This pass looks at the capitalized runs the tagger left unread and takes one as
a person when the text gives evidence for it:

* ``cue``: a word before it that names a person's role or relation (the
  honorifics lexicon, and ``data/person_evidence.tsv`` set ``before``:
  ``người hùng``, ``bạn gái``, ``có tên``);
* ``speech``: a reporting verb right after it (``set after``: ``cho biết``,
  ``chia sẻ``), or an age in apposition (``X, 25 tuổi,``, ``X (sinh năm 1990)``);
* ``foreign``: two or more capitalized words opening with a common foreign
  first name or East Asian family name (``data/foreign_name_parts.txt``);
* ``list``: it stands in a list with a person (``A, B và C``);
* ``again``: the document names that person elsewhere (``Mbappe`` after
  ``Kylian Mbappe``; the same name read with evidence in another sentence).

A run is never a person when a word before it makes it a place, a work or a
body (``set not_before``: ``sông``, ``phim``, ``đội``), when it holds a word of
``data/non_person_names.txt`` (``League``, ``Arena``, ``Instagram``), digits or
an acronym, or when the lexicons read it as a place or a country.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Iterable

from .. import resources as R
from ..records import PersonInfo
from .lexicon import Lex as _Lexicon
from .syllables import Mention, Syl


@dataclass
class Run:
    """A capitalized run the tagger left unread: syllables [start, end) of sentence ``sent``."""

    sent: int
    start: int
    end: int
    text: str
    foreign: bool     # a syllable is not Vietnamese-shaped


@lru_cache(maxsize=None)
def _evidence_words() -> dict[str, frozenset[str]]:
    sets: dict[str, set[str]] = {}
    for row in R.data_rows("person_evidence.tsv"):
        if len(row) > 1:
            sets.setdefault(row[0], set()).add(row[1])
    return {k: frozenset(v) for k, v in sets.items()}


@lru_cache(maxsize=None)
def _non_person() -> frozenset[str]:
    return frozenset(r[0] for r in R.data_rows("non_person_names.txt"))


def _words(name: str) -> frozenset[str]:
    return _evidence_words().get(name, frozenset())


def _name_syllable(s: Syl) -> bool:
    t = s.text
    return s.cap and t[:1].isalpha() and not R.DIGIT_RE.search(t) and not (len(t) > 1 and R.ALL_CAPS_RE.match(t))


def _phrase_before(syls: list[Syl], i: int, words: frozenset[str], longest: int = 3) -> bool:
    for n in range(1, longest + 1):
        if i - n >= 0 and " ".join(s.low for s in syls[i - n:i]) in words:
            return True
    return False


def _phrase_after(syls: list[Syl], j: int, words: frozenset[str], longest: int = 2) -> bool:
    return any(j + n <= len(syls) and " ".join(s.low for s in syls[j:j + n]) in words
               for n in range(1, longest + 1))


def _age_after(syls: list[Syl], j: int) -> bool:
    """'X, 25 tuổi,' / 'X (25 tuổi)' / 'X (sinh năm 1990)'."""
    if j + 2 >= len(syls) or syls[j].text not in (",", "("):
        return False
    a, b = syls[j + 1], syls[j + 2]
    if a.text.isdigit() and b.low == "tuổi":
        return True
    return a.low == "sinh" and b.low in ("năm", "ngày")


class PersonRecall:
    """One document's recall pass over the sentences the tagger has read."""

    def __init__(self, sents: list[tuple[list[Syl], list[Mention]]], lex: _Lexicon) -> None:
        self.sents = sents
        self.lex = lex
        self.taken = [self._taken(syls, ms) for syls, ms in sents]
        self.known: set[str] = set()        # names of persons read so far
        self.parts: set[str] = set()        # last parts of foreign names read so far
        for syls, ms in sents:
            for m in ms:
                if m.label == "PERSON":
                    self._know(" ".join(s.text for s in syls[m.start:m.end]))

    @staticmethod
    def _taken(syls: list[Syl], ms: list[Mention]) -> list[bool]:
        taken = [False] * len(syls)
        for m in ms:
            for k in range(m.start, m.end):
                taken[k] = True
        return taken

    def _know(self, name: str) -> None:
        self.known.add(name)
        parts = name.split()
        if len(parts) >= 2 and not all(R.is_vietnamese_syllable(p) for p in parts):
            self.parts.add(parts[-1])  # 'Mbappe' of 'Kylian Mbappe'
            self.parts.add(" ".join(parts[-2:]))

    # ------------------------------------------------------------ candidates
    def runs(self) -> Iterable[Run]:
        for n, (syls, _ms) in enumerate(self.sents):
            taken = self.taken[n]
            i = 0
            while i < len(syls):
                if taken[i] or not _name_syllable(syls[i]):
                    i += 1
                    continue
                j = i
                while j < len(syls) and not taken[j] and _name_syllable(syls[j]) and j - i < 5:
                    j += 1
                start = self._trim_opening(syls, i, j)
                # not a capitalized common word: the run ends with its word ('Sinh viên')
                if start < j and (j >= len(syls) or syls[j].first or syls[j].tok != syls[j - 1].tok):
                    yield self._run(n, syls, start, j)
                i = j

    @staticmethod
    def _trim_opening(syls: list[Syl], i: int, j: int) -> int:
        """A capitalized common word that opens the sentence ('Những', 'Với') is not
        part of a name; a proper noun there is ('Công Phượng', 'Anastasia')."""
        opening = i == 0 or syls[i - 1].text in ('"', "'", ":", "-", "(", "…")
        if not opening:
            return i
        s = syls[i]
        if s.tag != "Np" and R.is_vietnamese_syllable(s.text):
            k = i + 1
            while k < j and syls[k].tok == s.tok:
                k += 1
            return k
        return i

    @staticmethod
    def _run(n: int, syls: list[Syl], i: int, j: int) -> Run:
        text = " ".join(s.text for s in syls[i:j])
        return Run(n, i, j, text, not all(R.is_vietnamese_syllable(s.text) for s in syls[i:j]))

    # ------------------------------------------------------------ filters
    def _excluded(self, r: Run) -> bool:
        syls = self.sents[r.sent][0]
        lex = self.lex
        if _phrase_before(syls, r.start, _words("not_before")) or in_place_list(syls, r.start, lex):
            return True
        non = _non_person()
        first = r.start + (syls[r.start].text in R.foreign_name_parts())  # 'Park Min Young', not 'Hyde Park'
        if any(s.text in non for s in syls[first:r.end]) or r.text in non:
            return True
        for trie in (lex.places, lex.countries, lex.units, lex.heads_exact, lex.titles):
            m = trie.match(syls, r.start)
            if m and m[0] >= r.end - (1 if r.end - r.start > 2 else 0):
                return True
        return False

    # ------------------------------------------------------------ evidence
    def _evidence(self, r: Run) -> str:
        syls = self.sents[r.sent][0]
        if r.text in self.known or (r.foreign and r.text in self.parts):
            return "again"
        if _phrase_before(syls, r.start, _words("before")) or honorific_before(syls, r.start, self.lex, 4):
            return "cue"
        if _phrase_after(syls, r.end, _words("after")) or _age_after(syls, r.end):
            return "speech" if r.end - r.start >= 2 else ""  # 'Ofcom cho biết' is a body
        if r.end - r.start >= 2 and syls[r.start].text in R.foreign_name_parts():
            return "foreign"
        if self._listed_with_person(r):
            return "list"
        return ""

    def _listed_with_person(self, r: Run) -> bool:
        """'Công Phượng, Tuấn Anh và Xuân Trường': next to a person in a list."""
        syls, ms = self.sents[r.sent]
        join = _words("join")
        if r.end - r.start < 2 and not r.foreign:
            return False
        if not (r.foreign or syls[r.start].tag == "Np"):
            return False
        for m in ms:
            if m.label != "PERSON":
                continue
            if m.end < r.start and all(s.low in join for s in syls[m.end:r.start]) and r.start - m.end <= 2:
                return True
            if r.end < m.start and all(s.low in join for s in syls[r.end:m.start]) and m.start - r.end <= 2:
                return True
        return False

    # ------------------------------------------------------------ main
    def recall(self) -> None:
        """Add new PERSON mentions to each sentence's mentions (the tagger's own are not changed)."""
        pending = [r for r in self.runs() if not self._excluded(r)]
        for _round in range(3):  # evidence found in one sentence supports another
            rest = []
            for r in pending:
                ev = self._evidence(r)
                if not ev:
                    rest.append(r)
                    continue
                m = Mention("PERSON", r.start, r.end, PersonInfo(standalone=True, evidence=ev))
                self.sents[r.sent][1].append(m)
                self._know(r.text)
            if len(rest) == len(pending):
                break
            pending = rest


def honorific_before(syls: list[Syl], i: int, lex: _Lexicon, longest: int = 3) -> bool:
    """Does an honorific or role word of up to ``longest`` syllables end right before s[i]?"""
    return any((h := lex.honor.match(syls, i - n)) and h[0] == i for n in range(1, longest + 1) if i - n >= 0)


def in_place_list(syls: list[Syl], i: int, lex: _Lexicon) -> bool:
    """Does s[i] stand in a list of places under a plural unit word ('các huyện:
    Hà Trung, Nga Sơn, Vĩnh Lộc', 'hai xã Tân Lập và Tân Phú')?"""
    join = _words("join") | {":"}
    plural = R.word_set("plural_markers")
    k = i - 1
    while k >= 0 and i - k <= 40:
        for n in (1, 2):
            m = lex.units_lower.match(syls, k - n + 1) if k - n + 1 >= 0 else None
            if m and m[0] == k + 1:
                before = syls[k - n].low if k - n >= 0 else ""
                return before in plural or (k + 1 < len(syls) and syls[k + 1].text == ":")
        if not (syls[k].low in join or _name_syllable(syls[k])):
            return False
        k -= 1
    return False


def standalone_singles(sents: list[tuple[list[Syl], list[Mention]]], lex: _Lexicon) -> None:
    """A one-word foreign name after a role word ('HLV Zidane', 'tiền đạo Benzema')
    stands for a person even when the article never gives the full name."""
    for syls, ms in sents:
        for m in ms:
            if m.label != "PERSON" or m.end - m.start != 1 or m.info.standalone:
                continue
            s = syls[m.start]
            if R.is_vietnamese_syllable(s.text):
                continue
            if honorific_before(syls, m.start, lex):
                m.info.standalone = True


def drop_listed_places(sents: list[tuple[list[Syl], list[Mention]]], lex: _Lexicon) -> None:
    """A surname-led run in a list of places is a place ('các huyện: Hà Trung,
    Thạch Thành'), unless an honorific stands before it."""
    for syls, ms in sents:
        ms[:] = [m for m in ms if not (
            m.label == "PERSON" and in_place_list(syls, m.start, lex) and not honorific_before(syls, m.start, lex))]


def recall_persons(sents: list[tuple[list[Syl], list[Mention]]], lex: _Lexicon) -> None:
    """Add the recalled persons to each sentence's mentions, in place."""
    drop_listed_places(sents, lex)
    standalone_singles(sents, lex)
    PersonRecall(sents, lex).recall()
