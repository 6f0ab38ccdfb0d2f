"""Part-of-speech tags from underthesea's CRF POS model (VLSP 2013 tag set),
run sentence by sentence on the words already segmented; stored in ``token.tag_``."""
from __future__ import annotations

from functools import lru_cache
from os.path import dirname, join

from spacy.language import Language
from spacy.tokens import Doc


@lru_cache(maxsize=1)
def _model():  # type: ignore[no-untyped-def]
    from underthesea.models.fast_crf_sequence_tagger import FastCRFSequenceTagger
    from underthesea.pipeline import pos_tag as pt

    model = FastCRFSequenceTagger()
    model.load(join(dirname(pt.__file__), "models", "pos_crf_vlsp2013_20230303"))
    return model


@Language.component("vi_pos", assigns=["token.tag"], requires=["token.is_sent_start"])
def vi_pos(doc: Doc) -> Doc:
    model = _model()
    for sent in doc.sents:
        toks = [t for t in sent if not t.is_space]
        if not toks:
            continue
        tags = model.predict([[t.text] for t in toks])
        for t, tag in zip(toks, tags):
            t.tag_ = tag[2:] if tag[:2] in ("B-", "I-") else tag
    return doc
