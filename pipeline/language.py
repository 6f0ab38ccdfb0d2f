"""The blank Vietnamese ``Language`` whose tokenizer is underthesea's word segmentation.

``make_doc(raw)`` normalizes the raw text (keeping the map back to it), segments
each line into words with underthesea's CRF word segmenter (the model that ships
inside the package; nothing is downloaded) and builds a spaCy ``Doc`` over the
normalized text.  Doc extensions carry the raw text, the offset map and the
article's metadata; later stages add their own layers.
"""
from __future__ import annotations

from functools import lru_cache
from typing import Any, Iterator

import spacy
from spacy.attrs import IS_SPACE
from spacy.language import Language
from spacy.util import registry
from spacy.tokens import Doc, Span
from spacy.vocab import Vocab

from . import resources as R
from .normalize import normalize
from .records import Annotation  # noqa: F401  (re-exported: stages import it from here)

def _set_extensions() -> None:
    for name, default in (
        ("raw_text", None),        # the article as read
        ("text", None),            # the normalized text (== doc.text, computed once)
        ("offset_map", None),      # normalize.OffsetMap
        ("meta", None),            # dict: source, doc_id, date, title, url
        ("facts", None),           # list of fact dicts (facts stage)
        ("entities", None),        # list of resolved entity records (resolve stage)
        ("outlet", None),          # the article's own outlet (byline stage)
        ("mentions", None),        # list[Annotation]: PERSON/TITLE/ORGANIZATION/LOCATION (vi_entities)
        ("numbers", None),         # list[Annotation]: NUMBER/DATE (vi_numbers)
        ("context", None),         # context.DocContext: the places the story is about (vi_resolve)
        ("resolution", None),      # records.Resolution: mention -> resolved name and entity (vi_resolve)
    ):
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=default)


_set_extensions()

#: the Doc attributes the tokenizer sets (no stage assigns them; stages may require them)
TOKENIZER_ASSIGNS = ("doc._.raw_text", "doc._.text", "doc._.offset_map", "doc._.meta")


class _Segmenter:
    """underthesea's regex pre-tokenizer + CRF word segmenter, used on exact substrings.

    The same tokens and tags as underthesea's ``word_tokenize`` (without its character
    and token normalization, so every token is an exact substring): the pre-tokenizer's
    compiled pattern gives the token spans directly, and the shipped CRF model is run
    by :mod:`pipeline.crf`."""

    def __init__(self) -> None:
        from underthesea.pipeline.word_tokenize import regex_tokenize

        from .crf import word_segmentation_model

        # every match is one of the pattern's top-level alternatives, so the text
        # underthesea's tokenize() returns for it is the whole match
        self._finditer = regex_tokenize.patterns.finditer
        self._model = word_segmentation_model()

    def _pretoken_matches(self, line: str) -> Iterator[tuple[str, int, int]]:
        """(text, start, end) of underthesea's pre-tokens: a plain run of letters between
        spaces is one token as it stands; the pattern reads the other runs."""
        for m in R.PRETOKEN_CHUNK_RE.finditer(line):
            if m.lastgroup == "plain":
                yield m.group(), m.start(), m.end()
                continue
            end = m.end()
            for t in self._finditer(line, m.start()):   # no token holds a space: each stays in its run
                if t.start() >= end:
                    break
                yield t.group(), t.start(), t.end()

    def pretokens(self, line: str) -> list[tuple[int, int]]:
        """The spans of underthesea's pre-tokenizer."""
        return [(a, b) for _, a, b in self._pretoken_matches(line)]

    def tokens(self, line: str) -> tuple[list[str], list[tuple[int, int]]]:
        """The tokens the segmenter reads, and their spans: the pre-tokens, a final dot
        split off ('TPHCM.' at a sentence end is a word and a full stop; 'TP.' stays)."""
        toks: list[str] = []
        spans: list[tuple[int, int]] = []
        for tok, a, b in self._pretoken_matches(line):
            if len(tok) > 1 and tok[-1] == "." and "." not in tok[:-1] and tok[:-1] not in R.DOTTED_ABBREVIATIONS:
                toks += [tok[:-1], "."]
                spans += [(a, b - 1), (b - 1, b)]
            else:
                toks.append(tok)
                spans.append((a, b))
        return toks, spans

    def words(self, line: str) -> list[tuple[int, int]]:
        """Word spans (start, end) of one line; multi-syllable words are one span."""
        return self.words_of_lines([line])[0]

    def words_of_lines(self, lines: list[str]) -> list[list[tuple[int, int]]]:
        """Word spans of each line (one CRF call for all of them)."""
        all_tokens: list[list[str]] = []
        all_spans: list[list[tuple[int, int]]] = []
        for line in lines:
            tokens, spans = self.tokens(line)
            all_tokens.append(tokens)
            all_spans.append(spans)
        out_lines = []
        for line, spans, tags in zip(lines, all_spans, self._model.tag_many(all_tokens)):
            out: list[tuple[int, int]] = []
            for (s, e), tag in zip(spans, tags):
                if (tag == "I-W" and out and line[out[-1][1]:s] == " "
                        and line[out[-1][1] - 1].isalnum() and line[s].isalnum()):
                    out[-1] = (out[-1][0], e)
                else:
                    out.append((s, e))
            out_lines.append(out)
        return out_lines


@lru_cache(maxsize=1)
def segmenter() -> _Segmenter:
    return _Segmenter()


class VietnameseTokenizer:
    """Callable tokenizer: raw text -> ``Doc`` over the normalized text."""

    def __init__(self, vocab: Vocab) -> None:
        self.vocab = vocab
        self._segmenter = segmenter()   # the CRF model is loaded with the pipeline

    def __call__(self, raw: str) -> Doc:
        text, omap = normalize(raw)
        seg = self._segmenter
        bounds: list[tuple[int, int]] = []
        offset = 0
        lines = text.split("\n")
        for line, words in zip(lines, seg.words_of_lines(lines)):
            bounds.extend((offset + s, offset + e) for s, e in words)
            offset += len(line) + 1
        words: list[str] = []
        spaces: list[bool] = []
        cursor = 0
        for s, e in bounds:
            self._gap(text[cursor:s], words, spaces)
            words.append(text[s:e])
            spaces.append(False)
            cursor = e
        self._gap(text[cursor:], words, spaces)
        doc = Doc(self.vocab, words=words, spaces=spaces)
        doc._.raw_text = raw
        doc._.text = text
        doc._.offset_map = omap
        doc._.meta = {}
        return doc

    @staticmethod
    def _gap(gap: str, words: list[str], spaces: list[bool]) -> None:
        if not gap:
            return
        if gap[0] == " " and words:
            spaces[-1] = True
            gap = gap[1:]
        if gap:
            words.append(gap)
            spaces.append(False)

    # spaCy serialization hooks (the tokenizer has no state of its own)
    def to_bytes(self, **kwargs: Any) -> bytes:
        return b""

    def from_bytes(self, data: bytes, **kwargs: Any) -> "VietnameseTokenizer":
        return self

    def to_disk(self, path: Any, **kwargs: Any) -> None:
        return None

    def from_disk(self, path: Any, **kwargs: Any) -> "VietnameseTokenizer":
        return self


TOKENIZER_NAME = "vnextract.UndertheseaTokenizer.v1"


@registry.tokenizers(TOKENIZER_NAME)
def _tokenizer_factory():  # type: ignore[no-untyped-def]
    def make(nlp):  # type: ignore[no-untyped-def]
        return VietnameseTokenizer(nlp.vocab)

    return make


STAGES = ("vi_sentences", "vi_pos", "vi_numbers", "vi_entities", "vi_resolve", "vi_facts")


def create_nlp() -> Language:
    """A blank Vietnamese pipeline with every stage added, in order."""
    from . import stages  # noqa: F401  (registers the factories)

    nlp = spacy.blank("vi", config={"nlp": {"tokenizer": {"@tokenizers": TOKENIZER_NAME}}})
    # The stages read one lexical attribute, whitespace (pipeline.tokens); spaCy's other
    # getters (like_num, shape, prefix, ...) ran on every new word, 0.45 ms an article.
    nlp.vocab.lex_attr_getters = {IS_SPACE: str.isspace}
    for name in STAGES:
        nlp.add_pipe(name)
    return nlp
