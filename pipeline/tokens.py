"""The tokens of a ``Doc`` as plain columns, read in one ``Doc.to_array`` call.

Iterating a ``Doc`` builds a ``Token`` object per token and each property read
goes through spaCy's accessors; the stages that walk every token (sentences, POS,
numbers, the recognizers' syllables) read these columns instead.  Nothing is
stored on the ``Doc``: the columns are read again where they are needed, after
the layer they need is written.
"""
from __future__ import annotations

from dataclasses import dataclass

from spacy.attrs import IDX, IS_SPACE, LENGTH, SENT_START, SPACY, TAG
from spacy.tokens import Doc

_ATTRS = [IDX, LENGTH, IS_SPACE, SPACY]


@dataclass(frozen=True, slots=True)
class TokenColumns:
    """Token i is ``texts[i]`` at ``starts[i]``; ``space[i]``: a whitespace token;
    ``trailing[i]``: a space follows it (``token.whitespace_``)."""
    texts: list[str]
    starts: list[int]
    space: list[bool]
    trailing: list[bool]

    def words(self) -> list[int]:
        """The indices of the tokens that are not whitespace."""
        return [i for i, s in enumerate(self.space) if not s]


def columns(doc: Doc) -> TokenColumns:
    """Texts, offsets and whitespace flags of every token of ``doc``."""
    if not len(doc):
        return TokenColumns([], [], [], [])
    text = doc._.text if doc.has_extension("text") and doc._.text is not None else doc.text
    idx, length, space, trailing = doc.to_array(_ATTRS).T.tolist()
    return TokenColumns([text[a:a + n] for a, n in zip(idx, length)], idx,
                        [bool(s) for s in space], [bool(s) for s in trailing])


def tags(doc: Doc) -> list[str]:
    """``token.tag_`` of every token ("" where no tag was set)."""
    if not len(doc):
        return []
    hashes = doc.to_array(TAG).tolist()
    strings = doc.vocab.strings
    names = {h: strings[h] if h else "" for h in set(hashes)}
    return [names[h] for h in hashes]


def sentence_starts(doc: Doc) -> list[int]:
    """The indices of the tokens that open a sentence (``doc.sents``: the first token
    always, then every token whose ``is_sent_start`` is set)."""
    if not len(doc):
        return []
    return [0] + [i for i, v in enumerate(doc.to_array(SENT_START).tolist()) if v == 1 and i]
