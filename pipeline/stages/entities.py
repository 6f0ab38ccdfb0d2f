"""``vi_entities``: PERSON, TITLE, ORGANIZATION and LOCATION mentions.

The recognizers live in :mod:`pipeline.entities` (one module a kind, run as an
ordered list over each sentence's syllables); this stage builds the syllables
once per document, runs them sentence by sentence (a closing credit line is
read as names) and writes the layer: ``doc.spans['mentions']`` (overlaps
allowed), ``doc.ents`` (with the numbers) and ``doc._.mentions``, the
:class:`~pipeline.records.Annotation` records with exact char offsets.
"""
from __future__ import annotations

from bisect import bisect_left

from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from .. import resources as R
from ..entities.lexicon import Lex
from ..entities.org_recall import recall_aliases, recall_sources, recall_teams
from ..entities.recall import recall_persons
from ..entities.syllables import Mention, Syl, doc_syllables
from ..entities.tagger import tag_sentence
from ..records import Annotation

SOURCE_OPENERS = tuple(w + " " for w in R.word_set("source_opener"))


def _credit_lines(text: str) -> tuple[int | None, int | None]:
    """Where the closing credit lines start, and where a source line under a
    'Theo <author>' line starts ('Theo Đăng Nguyễn' / 'Dân Việt'), as char
    offsets.  The closing block is the last line and up to two short lines
    before it that are names or credits: 'Mi Vân' / 'Theo QQ', 'Công Bính' /
    'Ảnh: Dũng TK'."""
    body = text.rstrip()
    last = body.rfind("\n") + 1
    if last == 0:
        return None, None
    prev = body.rfind("\n", 0, last - 1) + 1
    prev_line = body[prev:last - 1].strip()
    if prev_line.startswith(SOURCE_OPENERS) and len(prev_line.split()) <= 5 and len(body[last:].split()) <= 4:
        return prev, last
    start = last
    if not R.CREDIT_LINE_RE.match(body[last:].strip()):
        return start, None
    for _ in range(2):
        if start == 0:
            break
        prev = body.rfind("\n", 0, start - 1) + 1
        if not R.BYLINE_RE.match(body[prev:start - 1].strip()):
            break
        start = prev
    return start, None


@Language.component(
    "vi_entities",
    assigns=["doc.spans", "doc.ents", "doc._.mentions"],
    requires=["token.is_sent_start", "token.tag", "doc._.text", "doc._.numbers"],
)
def vi_entities(doc: Doc) -> Doc:
    group: list[Annotation] = []
    text = doc._.text
    sents = [s for s in doc.sents if text[s.start_char:s.end_char].strip()]
    credit_start, source_start = _credit_lines(text)
    syls = doc_syllables(doc)
    toks = [x.tok for x in syls]
    tagged: list[tuple[Span, list[Syl], list[Mention]]] = []
    for sent in sents:
        if source_start is not None and sent.start_char >= source_start:
            continue  # 'Dân Việt' under 'Theo Đăng Nguyễn': the source outlet, not a name
        ss = syls[bisect_left(toks, sent.start):bisect_left(toks, sent.end)]
        if not ss:
            continue
        credit = credit_start is not None and sent.start_char >= credit_start and len(sents) > 1
        tagged.append((sent, ss, tag_sentence(ss, last_line=credit)))
    recall_aliases([(ss, ms) for _sent, ss, ms in tagged], Lex.get())  # the document-level passes
    recall_sources([(ss, ms) for _sent, ss, ms in tagged], Lex.get())
    recall_teams([(ss, ms) for _sent, ss, ms in tagged], Lex.get())
    recall_persons([(ss, ms) for _sent, ss, ms in tagged], Lex.get())
    for sent, ss, ms in tagged:
        for m in ms:
            a, b = ss[m.start].start, ss[m.end - 1].end
            span = doc.char_span(a, b, label=m.label, alignment_mode="expand")
            if span is None:
                continue
            group.append(Annotation(span, m.label, a, b, text[a:b], sent.start_char, sent.end_char,
                                    m.canonical or text[a:b], m.info))
    doc._.mentions = group
    doc.spans["mentions"] = [g.span for g in group]
    numbers = [n.span for n in doc._.numbers or []]
    doc.ents = filter_spans([g.span for g in group] + numbers)
    return doc
