"""The recognizers run as an ordered list over one sentence: at each syllable
not yet taken, the first recognizer that reads something there takes it and
says where to go on; when none does, the next syllable is tried."""
from __future__ import annotations

from functools import lru_cache
from typing import Callable

from .lexicon import MODIFIERS_BEFORE, Lex
from .organizations import LOWER_FIRST, recognize_organization
from .persons import PHOTO_OPENERS, bylines, recognize_credit, recognize_honorific, recognize_person
from .places import recognize_address_part, recognize_location
from .syllables import Mention, Syl, View
from .titles import recognize_title

#: (view, position) -> where to go on, or None when it reads nothing there
Recognizer = Callable[[View, int], "int | None"]

#: the order matters: a photo credit before anything, an honorific before the
#: title it may look like, a title chain before the body it names, a body
#: before the place it holds, a bare surname-led name last
RECOGNIZERS: tuple[Recognizer, ...] = (
    recognize_credit,
    recognize_honorific,
    recognize_title,
    recognize_organization,
    recognize_location,
    recognize_address_part,
    recognize_person,
)


@lru_cache(maxsize=4)
def lowercase_starts(lex: Lex) -> frozenset[str]:
    """The lowercase syllables at which one of :data:`RECOGNIZERS` may read something:
    each one's first check, gathered (a photo-credit opener, the first syllable of an
    honorific, a title or a modifier before one, a head noun, a lowercase head, a
    unit word, place or country).  The person and address recognizers need a
    capital.  At any other syllable every recognizer answers None at once, so
    :func:`run` skips it (``tests/entities/test_tagger.py`` checks the claim)."""
    return frozenset(PHOTO_OPENERS | lex.honor.first | lex.titles.first | MODIFIERS_BEFORE
                     | LOWER_FIRST | lex.head_first | lex.location_first)


def run(v: View, recognizers: tuple[Recognizer, ...] = RECOGNIZERS) -> list[Mention]:
    s, taken = v.s, v.taken
    gate = lowercase_starts(v.lex) if recognizers is RECOGNIZERS else None
    i = 0
    while i < len(s):
        if taken[i] or (gate is not None and not s[i].cap and s[i].low not in gate):
            i += 1
            continue
        for rec in recognizers:
            nxt = rec(v, i)
            if nxt is not None:
                i = nxt
                break
        else:
            i += 1
    return v.out


def tag_sentence(syls: list[Syl], last_line: bool = False) -> list[Mention]:
    """The mentions of one sentence; a closing credit line is read as names first."""
    v = View(syls, Lex.get())
    if last_line:
        names = bylines(v)
        if names:
            v.take_all(names)
            return v.out
    return run(v)
