"""The statistical person tagger (``vi_ner_model``): one more piece of evidence for persons.

A small spaCy ``tok2vec`` + ``ner`` model trained here (``training/train_ner.py``;
it ships in ``pipeline/models/ner``) over the pipeline's own words (underthesea
segmentation) and POS tags.  The component runs it on a plain copy of the doc's
words, so it never touches ``doc.ents`` or another stage's layer, and writes its
own layer:

``doc._.model_persons``: a list of ``{"start", "end", "text", "score"}``, char
offsets into the normalized text (like ``doc._.mentions``), ``score`` the beam's
probability of the span (1.0 with a greedy ``beam_width`` of 1), only spans
scoring at least ``threshold``.

It is not in the default pipeline; ``add_ner_model(nlp)`` puts it after
``vi_entities``.  ``new_persons(doc)`` is how the evaluation combines it with the
rules (training/evaluate_ner.py, system (c)): the model's persons that overlap no
rule mention and that no rule evidence of the document contradicts.
"""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from .. import resources as R

MODEL_DIR = Path(__file__).resolve().parent.parent / "models" / "ner"

if not Doc.has_extension("model_persons"):
    Doc.set_extension("model_persons", default=None)


#: words after which a list of capitalized names is a list of places
_LIST_JOINERS = frozenset({",", "và", ":", "hoặc", "-", "các", "những"})


@lru_cache(maxsize=1)
def _unit_words() -> frozenset[str]:
    return frozenset(f.lower() for f in R.admin_units())


@lru_cache(maxsize=1)
def _known_places() -> frozenset[str]:
    return frozenset(R.fold_key(f) for f in (*R.places_vn(), *R.countries()))


def _name_shaped(text: str) -> bool:
    """Every syllable capitalized, some lowercase letter, no digit ('H.T.L.V.' is not)."""
    parts = text.split()
    return bool(parts) and all(p[:1].isupper() for p in parts) \
        and any(c.islower() for c in text) and not any(c.isdigit() for c in text)


@lru_cache(maxsize=1)
def _lead_words() -> frozenset[str]:
    """Lowercased honorifics and titles: words before a name that are not part of it."""
    return frozenset((*R.honorifics(), *R.titles()))


def _trim(text: str, a: int, b: int) -> tuple[int, int]:
    """Narrow [a, b) to the name: the word segmenter may glue an honorific or title
    before it ('HLV Park Hang-seo') or a lowercase word after it ('Nghĩa là')."""
    sylls: list[tuple[int, int]] = []
    pos = a
    for part in text[a:b].split(" "):
        if part:
            sylls.append((pos, pos + len(part)))
        pos += len(part) + 1
    lead = _lead_words()
    i, j = 0, len(sylls)
    while i < j:
        k = next((k for k in range(j, i, -1)
                  if text[sylls[i][0]:sylls[k - 1][1]].lower() in lead), None)
        if k is None:
            break
        i = k
    while j > i and not text[sylls[j - 1][0]:sylls[j - 1][0] + 1].isupper():
        j -= 1
    return (sylls[i][0], sylls[j - 1][1]) if i < j else (a, a)


def _after_unit(doc: Doc, i: int) -> bool:
    """Is token i in a run of names led by an administrative unit or street word
    ('các huyện Phúc Thọ, Ba Vì, Đan Phượng', 'đường Lê Lợi')?"""
    units = _unit_words()
    k = i - 1
    while k >= 0:
        t = doc[k]
        low = t.text.lower()
        if low in units or low.split()[-1:] and low.split()[-1] in units:
            return True
        if t.is_space or not (low in _LIST_JOINERS or _name_shaped(t.text)):
            return False
        k -= 1
    return False


def _contains_words(outer: str, inner: str) -> bool:
    """Do the words of ``inner`` occur, contiguous, among the words of ``outer``?"""
    o, i = outer.split(), inner.split()
    return any(o[k:k + len(i)] == i for k in range(len(o) - len(i) + 1))


def new_persons(doc: Doc) -> list[dict]:
    """The model's persons the rules did not find, where no rule evidence says otherwise:
    overlapping no rule mention (of any label), name-shaped, not in a run of names led
    by an administrative unit word, not part of a non-person rule mention elsewhere in
    the document ('UBND huyện Thọ Xuân') and not a known place or country."""
    mentions = doc._.mentions or []
    other_texts = [m.text for m in mentions if m.label != "PERSON"]
    out = []
    for p in doc._.model_persons or []:
        a, b, text = p["start"], p["end"], p["text"]
        if any(a < m.end and m.start < b for m in mentions):
            continue
        if not _name_shaped(text) or R.fold_key(text) in _known_places():
            continue
        span = doc.char_span(a, b, alignment_mode="expand")
        if span is None or _after_unit(doc, span.start):
            continue
        if any(_contains_words(o, text) for o in other_texts):
            continue
        out.append(p)
    return out


@lru_cache(maxsize=None)
def _load(path: str) -> Language:
    return spacy.load(path)


class NerModel:
    def __init__(self, path: str, beam_width: int, threshold: float) -> None:
        self.model = _load(path)
        self.tok2vec = self.model.get_pipe("tok2vec")
        self.ner = self.model.get_pipe("ner")
        self.beam_width = beam_width
        self.threshold = threshold

    def persons(self, doc: Doc) -> list[dict]:
        words = [t.text for t in doc]
        if not words:
            return []
        plain = Doc(self.model.vocab, words=words, spaces=[bool(t.whitespace_) for t in doc],
                    tags=[t.tag_ or "X" for t in doc])
        plain = self.tok2vec(plain)
        if self.beam_width <= 1:
            plain = self.ner(plain)
            found = [(e.start, e.end, 1.0) for e in plain.ents if e.label_ == "PERSON"]
        else:
            self.ner.cfg["beam_width"] = self.beam_width
            beams = self.ner.predict([plain])
            scores = self.ner.scored_ents(beams)[0]
            found = [(s, e, p) for (s, e, label), p in scores.items() if label == "PERSON"]
        out = []
        for s, e, p in sorted(found):
            if p < self.threshold:
                continue
            a, b = _trim(doc.text, doc[s].idx, doc[e - 1].idx + len(doc[e - 1].text))
            if a >= b:
                continue
            out.append({"start": a, "end": b, "text": doc.text[a:b], "score": round(float(p), 4)})
        return out

    def __call__(self, doc: Doc) -> Doc:
        doc._.model_persons = self.persons(doc)
        return doc


@Language.factory("vi_ner_model", assigns=["doc._.model_persons"],
                  default_config={"path": None, "beam_width": 1, "threshold": 0.5})
def make_ner_model(nlp: Language, name: str, path: str | None, beam_width: int,
                   threshold: float) -> NerModel:
    return NerModel(path or str(MODEL_DIR), beam_width, threshold)


def add_ner_model(nlp: Language, **config) -> Language:
    """Put ``vi_ner_model`` into ``nlp`` right after ``vi_entities``."""
    nlp.add_pipe("vi_ner_model", after="vi_entities", config=config)
    return nlp
