"""NUMBER and DATE mentions: :func:`pipeline.numbers.find_numbers` over the doc's
normalized text, using the segmented words to pick the counted noun."""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from ..numbers import find_numbers


@Language.component("vi_numbers", assigns=["doc.spans"], requires=["token.is_sent_start", "token.tag"])
def vi_numbers(doc: Doc) -> Doc:
    words = [(t.idx, t.idx + len(t.text)) for t in doc if not t.is_space]
    meta = doc._.meta or {}
    spans = []
    for m in find_numbers(doc.text, words=words, doc_date=meta.get("date")):
        span = doc.char_span(m.start, m.end, label=m.label, alignment_mode="expand")
        if span is None:
            continue
        sent = span.sent
        span._.attrs = {
            "start": m.start, "end": m.end, "label": m.label, "text": doc.text[m.start:m.end],
            "value": m.value, "kind": m.kind, "unit": m.unit, "qualifier": m.qualifier,
            "iso": m.iso, "is_quantity": m.is_quantity,
            "sent_start": sent.start_char, "sent_end": sent.end_char,
        }
        span._.canonical = doc.text[m.start:m.end]
        spans.append(span)
    doc.spans["numbers"] = spans
    return doc
