"""Organizations read over the whole document, after the sentence tagger.

* ``alias``: a short name introduced in brackets after a body
  (``Ngân hàng TMCP Việt Nam Thương Tín (VietBank)``, ``Quỹ Tiền tệ quốc tế
  (IMF)``) names that body wherever it recurs in the article (``gắn bó với
  VietBank``); the resolver gives every such mention the body's canonical
  name (:func:`pipeline.stages.resolve` ``_aliases``), also inside another
  name (``HĐQT VietBank``).
"""
from __future__ import annotations

from .. import resources as R
from ..records import OrgInfo
from .lexicon import Lex
from .places import location
from .syllables import Mention, Syl, View

Sentences = list[tuple[list[Syl], list[Mention]]]
MAX_ALIAS = 4   # syllables of a bracketed short name


def _view(syls: list[Syl], ms: list[Mention], lex: Lex) -> View:
    taken = [False] * len(syls)
    for m in ms:
        for k in range(m.start, m.end):
            taken[k] = True
    return View(syls, lex, ms, taken)


def alias_shaped(v: View, i: int, j: int) -> bool:
    """Is s[i:j] a body's short name: capitalized words with an acronym or a
    brand among them ('IMF', 'VietBank', 'PV GAS'), not a known abbreviation
    ('TP'), a place, a person or a head noun?"""
    s = v.s
    if not 0 < j - i <= MAX_ALIAS or not all(x.cap and R.WORD_CHAR_RE.search(x.text) for x in s[i:j]):
        return False
    text = v.surface(i, j)
    if text in R.abbreviations() or v.head(i) or location(v, i) or v.looks_like_person(i) or v.title_at(i):
        return False
    return any(len(x.text) > 1 and (R.ALL_CAPS_RE.match(x.text) or not R.is_vietnamese_syllable(x.text))
               for x in s[i:j])


def bracketed_alias(v: View, m: Mention) -> tuple[int, int] | None:
    """(start, end) of the short name in brackets right after the body m."""
    s = v.s
    i = m.end
    if i + 2 >= len(s) or s[i].text != "(":
        return None
    j = i + 1
    while j < len(s) and s[j].text != ")" and j - i <= MAX_ALIAS:
        j += 1
    if j >= len(s) or s[j].text != ")" or not alias_shaped(v, i + 1, j):
        return None
    return i + 1, j


def _alias_mention(v: View, i: int, j: int, cls: str) -> Mention:
    return Mention("ORGANIZATION", i, j, OrgInfo(name=v.surface(i, j), cls=cls, named=True))


def recall_aliases(sents: Sentences, lex: Lex) -> None:
    """Tag each bracketed short name of a body, and its recurrences, as ORGANIZATION."""
    views = [_view(syls, ms, lex) for syls, ms in sents]
    aliases: dict[tuple[str, ...], str] = {}
    for v in views:
        for m in [m for m in v.out if m.label == "ORGANIZATION"]:
            got = bracketed_alias(v, m)
            if got and not any(v.taken[got[0]:got[1]]):
                v.take(_alias_mention(v, *got, m.info.cls))  # type: ignore[union-attr]
                aliases[tuple(x.text for x in v.s[got[0]:got[1]])] = m.info.cls  # type: ignore[union-attr]
    if not aliases:
        return
    for v in views:
        s = v.s
        for i in range(len(s)):
            for key, cls in aliases.items():
                j = i + len(key)
                if j <= len(s) and not any(v.taken[i:j]) and tuple(x.text for x in s[i:j]) == key \
                        and (j == len(s) or not (s[j].cap and s[j].tok == s[j - 1].tok)):
                    v.take(_alias_mention(v, i, j, cls))
        v.out.sort(key=lambda m: m.start)
