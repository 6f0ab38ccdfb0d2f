"""Part-of-speech tags from underthesea's CRF POS model (VLSP 2013 tag set),
run sentence by sentence on the words already segmented; stored in ``token.tag_``.
The shipped model is run by :mod:`pipeline.crf` (the same tags as underthesea's
``pos_tag(model="v2.0")`` on the same words)."""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from ..crf import pos_model


@Language.component("vi_pos", assigns=["token.tag"], requires=["token.is_sent_start"])
def vi_pos(doc: Doc) -> Doc:
    model = pos_model()
    for sent in doc.sents:
        toks = [t for t in sent if not t.is_space]
        if not toks:
            continue
        tags = model.tag([t.text for t in toks])
        for t, tag in zip(toks, tags):
            t.tag_ = tag[2:] if tag[:2] in ("B-", "I-") else tag
    return doc
