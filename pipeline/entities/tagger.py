"""The recognizers run as an ordered list over one sentence: at each syllable
not yet taken, the first recognizer that reads something there takes it and
says where to go on; when none does, the next syllable is tried."""
from __future__ import annotations

from typing import Callable

from .lexicon import Lex
from .organizations import recognize_organization
from .persons import bylines, recognize_credit, recognize_honorific, recognize_person
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


def run(v: View, recognizers: tuple[Recognizer, ...] = RECOGNIZERS) -> list[Mention]:
    s, taken = v.s, v.taken
    i = 0
    while i < len(s):
        if taken[i]:
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
