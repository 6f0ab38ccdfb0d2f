"""Part-of-speech tags from underthesea's CRF POS model (VLSP 2013 tag set),
run on the words already segmented, sentence by sentence (all the sentences of the
document in one call); stored in ``token.tag_``.
The shipped model is run by :mod:`pipeline.crf` (the same tags as underthesea's
``pos_tag(model="v2.0")`` on the same words)."""
from __future__ import annotations

import numpy
from spacy.attrs import TAG
from spacy.language import Language
from spacy.tokens import Doc

from ..crf import pos_model
from ..tokens import columns, sentence_starts


def vi_pos(doc: Doc) -> Doc:
    n = len(doc)
    if not n:
        return doc
    cols = columns(doc)
    bounds = sentence_starts(doc) + [n]
    sents = [[i for i in range(a, b) if not cols.space[i]] for a, b in zip(bounds, bounds[1:])]
    texts = cols.texts
    strings = doc.vocab.strings
    hashes = [0] * n   # whitespace tokens keep no tag
    for idx, tags in zip(sents, pos_model().tag_many([[texts[i] for i in s] for s in sents])):
        for i, tag in zip(idx, tags):
            hashes[i] = strings.add(tag[2:] if tag[:2] in ("B-", "I-") else tag)
    # one array write instead of a property write per token
    doc.from_array([TAG], numpy.array(hashes, dtype="uint64").reshape(-1, 1))
    return doc


@Language.factory("vi_pos", assigns=["token.tag"], requires=["token.is_sent_start"])
def make_vi_pos(nlp: Language, name: str):  # type: ignore[no-untyped-def]
    pos_model()   # the CRF model is loaded with the pipeline
    return vi_pos
