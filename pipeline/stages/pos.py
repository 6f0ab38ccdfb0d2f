"""Part-of-speech tags from underthesea's CRF POS model (VLSP 2013 tag set),
run on the words already segmented, sentence by sentence (all the sentences of the
document in one call); stored in ``token.tag_``.
The shipped model is run by :mod:`pipeline.crf` (the same tags as underthesea's
``pos_tag(model="v2.0")`` on the same words)."""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from ..crf import pos_model


def vi_pos(doc: Doc) -> Doc:
    sents = [[t for t in sent if not t.is_space] for sent in doc.sents]
    for toks, tags in zip(sents, pos_model().tag_many([[t.text for t in toks] for toks in sents])):
        for t, tag in zip(toks, tags):
            t.tag_ = tag[2:] if tag[:2] in ("B-", "I-") else tag
    return doc


@Language.factory("vi_pos", assigns=["token.tag"], requires=["token.is_sent_start"])
def make_vi_pos(nlp: Language, name: str):  # type: ignore[no-untyped-def]
    pos_model()   # the CRF model is loaded with the pipeline
    return vi_pos
