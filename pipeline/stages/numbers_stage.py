"""NUMBER and DATE mentions: :func:`pipeline.numbers.find_numbers` (the rules of the
``pipeline/numbers`` package) over the doc's normalized text, using the segmented
words to pick the counted noun."""
from __future__ import annotations

from bisect import bisect_right

from spacy.language import Language
from spacy.tokens import Doc

from ..records import Annotation, NumberInfo
from ..numbers import find_numbers
from ..tokens import columns


@Language.component("vi_numbers", assigns=["doc.spans", "doc._.numbers"],
                    requires=["token.is_sent_start", "token.tag", "doc._.text", "doc._.meta"])
def vi_numbers(doc: Doc) -> Doc:
    cols = columns(doc)
    words = [(cols.starts[i], cols.starts[i] + len(cols.texts[i])) for i in cols.words()]
    meta = doc._.meta or {}
    spans = []
    bounds = [(s.start_char, s.end_char) for s in doc.sents]
    starts = [b[0] for b in bounds]
    for m in find_numbers(doc._.text, words=words, doc_date=meta.get("date")):
        span = doc.char_span(m.start, m.end, label=m.label, alignment_mode="expand")
        if span is None:
            continue
        sent_start, sent_end = bounds[max(0, bisect_right(starts, m.start) - 1)]
        info = NumberInfo(value=m.value, kind=m.kind, unit=m.unit, qualifier=m.qualifier, iso=m.iso,
                          is_quantity=m.is_quantity)
        text = doc._.text[m.start:m.end]
        spans.append(Annotation(span, m.label, m.start, m.end, text, sent_start, sent_end, text, info))
    doc._.numbers = spans
    doc.spans["numbers"] = [a.span for a in spans]
    return doc
