"""Sentence boundaries: every line is a sentence (headline, captions, byline);
inside a line, ``. ! ? …`` end a sentence when the next word starts a new one."""
from __future__ import annotations

import numpy
from spacy.attrs import SENT_START
from spacy.language import Language
from spacy.tokens import Doc

from .. import resources as R
from ..tokens import columns

# short forms that end with a dot and do not end a sentence
_NO_BREAK = frozenset(a + "." for a in R.DOTTED_ABBREVIATIONS)


def _starts_sentence(text: str) -> bool:
    return R.is_cap(text) or text[:1].isdigit() or text[:1] in "\"'(-"


@Language.component(
    "vi_sentences",
    assigns=["token.is_sent_start"],
)
def vi_sentences(doc: Doc) -> Doc:
    n = len(doc)
    if not n:
        return doc
    cols = columns(doc)
    texts = cols.texts
    starts = [False] * n
    starts[0] = True
    for i, text in enumerate(texts):
        if "\n" in text:
            # a whitespace token holding the line break opens the next line
            if i + 1 < n:
                starts[i + 1] = True
            continue
        if i + 1 < n and R.SENT_END_RE.match(text):
            j = i + 1
            while j < n and texts[j] in {'"', "'", ")"} and not cols.trailing[j]:
                j += 1  # closing quote stays with its sentence
            if j < n and not cols.space[j] and _starts_sentence(texts[j]):
                prev = texts[i - 1] + text if i else text
                if prev not in _NO_BREAK:
                    starts[j] = True
    # one array write instead of a property write per token
    values = numpy.array([1 if st else -1 for st in starts], dtype="int64").astype("uint64")
    doc.from_array([SENT_START], values.reshape(-1, 1))
    return doc
