"""underthesea's shipped CRF models (word segmentation, POS), run without its featurizer.

underthesea tags a sentence in two calls into its Rust extension: ``CRFFeaturizer.process``
builds one feature string per template and token (43 for word segmentation, e.g.
``T[-1,0].lower=văn nam``), then ``CRFTagger.tag`` turns them back into attribute ids
and runs Viterbi.  Building and converting those strings is most of the cost, and
most of them are not in the model anyway.  Here the model file itself (CRFsuite's
binary format, the ``models.bin`` that ships inside the package) is read once, and
each template gets a table from *value* (``văn nam``) to what the model knows about
it, so a token costs a few dictionary look-ups and no string building.  The values are
computed over the whole document at once (:class:`~pipeline.crf.features.Columns`: the sentences end to
end, lower case once per token, the True/False functions as numpy arrays):

- models with few labels (word segmentation: ``B-W``/``I-W``) are decoded here:
  emission scores summed in template order and Viterbi with the same float
  operations, in the same order, and the same tie-breaking as the Rust tagger, so
  the tags are identical (``tests/test_language.py`` checks against underthesea);
  two labels have their own Viterbi, written out without the loops over labels;
- models with many labels (POS, 31 tags) are decoded here too, with numpy, all the
  sentences of a document at once (:meth:`CRFModel.tag_many`): the Rust tagger
  looks every (attribute, label) pair up in a hash map, 600 look-ups a word, and a
  numpy Viterbi step per word costs more than the whole Rust call; one step over
  every sentence of the document does not.

The loops over tokens, templates and labels (the windows joined and looked up in
the vocabularies, the sums of weight rows, Viterbi) run in C (``_decode.c``, :mod:`pipeline.crf.compiled`) when the extension was
built at install; the Python and numpy versions give the same bits and stay as
the fallback.

The feature functions follow underthesea_core's featurizer exactly: ``lower`` is
``str.lower``, ``isdigit`` is "parses as an i32", ``istitle`` is "every
space-separated part starts with a character equal to its upper case",
``is_in_dict`` looks the lower-cased text up in the model's dictionary, and a
window reaching outside the sentence is ``BOS``/``EOS``.
"""
from __future__ import annotations

from functools import lru_cache
from os.path import join
from typing import Sequence

import joblib
import numpy as np

from .compiled import emissions as compiled_emissions
from .features import FILLER, Columns, Template
from .modelfile import read_crfsuite
from .viterbi import decode_all

class CRFModel:
    """One of underthesea's shipped CRF models (a directory with ``models.bin``,
    ``features.bin``, ``dictionary.bin``); ``tag_many(sentences)`` gives their labels.

    Templates that compute the same function over the same window length (``T[-1]``
    and ``T[2]``; ``T[-1,0].lower`` and ``T[1,2].lower``) form a group with one
    vocabulary: each token's value is looked up once per group, and each template
    maps vocabulary ids to rows of the weight matrix."""

    def __init__(self, model_dir: str) -> None:
        labels, attrs, weights, trans = read_crfsuite(join(model_dir, "models.bin"))
        self.labels = labels
        self.dictionary = _dictionary(join(model_dir, "dictionary.bin"))
        self.templates = [Template(s) for s in joblib.load(join(model_dir, "features.bin"))]
        n = len(labels)
        self._trans = trans
        self._trans_np = np.array(trans, dtype=np.float64)
        self._pad = max(max(abs(t.o1), abs(t.o1 + t.k - 1)) for t in self.templates)
        self._groups: dict[tuple[int, str | None], dict[str, int]] = {}
        for t in self.templates:
            self._groups.setdefault((t.k, t.fn), {"BOS": 1, "EOS": 2})
        by_syntax = {t.syntax: t for t in self.templates}
        rows: dict[str, list[tuple[int, int]]] = {t.syntax: [] for t in self.templates}
        for a, attr in enumerate(attrs):
            syntax, eq, value = attr.partition("=")
            t = by_syntax.get(syntax)
            if t is None or not eq:
                continue  # an attribute no template can produce
            vocab = self._groups[(t.k, t.fn)]
            rows[syntax].append((vocab.setdefault(value, len(vocab) + 1), a + 1))
        for t in self.templates:
            table = np.zeros(len(self._groups[(t.k, t.fn)]) + 1, dtype=np.intp)
            for vid, row in rows[t.syntax]:
                table[vid] = row
            t.rows = table
        self._weights = weights
        # the templates as arrays for the compiled sums: group, offset, start of its table
        order = list(self._groups)
        self._tgroup = np.array([order.index((t.k, t.fn)) for t in self.templates], dtype=np.intp)
        self._toffset = np.array([t.o1 for t in self.templates], dtype=np.intp)
        sizes = [len(t.rows) for t in self.templates]
        self._tstart = np.array(np.cumsum([0] + sizes[:-1]), dtype=np.intp)
        self._tables = np.concatenate([t.rows for t in self.templates]).astype(np.intp)

    # ------------------------------------------------------------------ features
    def features(self, toks: Sequence[str]) -> list[list[str]]:
        """underthesea's feature strings for ``toks`` (all of them, known to the model or
        not), from the same columns tagging uses; for tests: tagging never builds them."""
        n = len(toks)
        cols_of = Columns(list(toks), self.dictionary)
        cols = []
        for t in self.templates:
            base = cols_of.values(t.k, t.fn)
            col = []
            for i in range(n):
                j = i + t.o1
                col.append("BOS" if j < 0 else "EOS" if j + t.k > n else base[j])
            cols.append(col)
        return [[f"{t.syntax}={v}" for t, v in zip(self.templates, row)] for row in zip(*cols)]

    def _emissions(self, sentences: Sequence[Sequence[str]], compiled: bool = True) -> np.ndarray:
        """(tokens of all sentences, labels): per token, the weight rows of its
        attributes added one template after the other, as the Rust tagger adds
        them (an unknown attribute adds a row of zeros, which changes no sum).

        The whole document at once: the sentences are laid end to end, each
        between ``pad`` filler slots, every group's values are computed over every
        window of that one list, and the windows that reach out of their sentence
        become ``BOS`` (vocabulary id 1) or ``EOS`` (2).  ``compiled=False``: the
        numpy sums (for tests)."""
        pad = self._pad
        filler = [FILLER] * pad
        flat: list[str] = []
        lens = []
        for toks in sentences:
            flat += filler
            flat += toks
            flat += filler
            lens.append(len(toks))
        size = len(flat)
        lens_np = np.array(lens, dtype=np.intp)
        blocks = lens_np + 2 * pad
        first = np.repeat(np.cumsum(blocks) - blocks + pad, blocks)   # each slot's sentence start
        rel = np.arange(size, dtype=np.intp) - first                 # window start in its sentence
        n_of = np.repeat(lens_np, blocks)
        cols = Columns(flat, self.dictionary, compiled)
        ids = np.empty((len(self._groups), size), dtype=np.intp)
        for g, ((k, fn), vocab) in enumerate(self._groups.items()):
            got = cols.ids(k, fn, vocab)
            ids[g] = np.where(rel < 0, 1, np.where(rel > n_of - k, 2, got))
        where_np = np.flatnonzero((rel >= 0) & (rel < n_of))
        return self._sum_rows(ids, where_np, compiled)

    def _sum_rows(self, ids: np.ndarray, where: np.ndarray, compiled: bool) -> np.ndarray:
        """Per token (slot ``where[n]``), the weight rows of its templates' values added
        in template order: in C when built, else one numpy gather a template."""
        w = self._weights
        if compiled and compiled_emissions is not None:
            em = np.empty((len(where), w.shape[1]), dtype=np.float64)
            compiled_emissions(ids, where, self._tgroup, self._toffset, self._tstart, self._tables, w, em)
            return em
        em = None
        for t, g in zip(self.templates, self._tgroup.tolist()):
            rows = w[t.rows[ids[g][where + t.o1]]]
            if em is None:
                em = rows
            else:
                em += rows
        return em

    # ------------------------------------------------------------------ tagging
    def tag(self, toks: Sequence[str]) -> list[str]:
        """The labels of one sentence."""
        return self.tag_many([toks])[0]

    def tag_many(self, sentences: Sequence[Sequence[str]]) -> list[list[str]]:
        """The labels of each sentence; one call per document."""
        out: list[list[str]] = [[] for _ in sentences]
        todo = [k for k, s in enumerate(sentences) if s]
        if not todo:
            return out
        todo_sents = [sentences[k] for k in todo]
        em = self._emissions(todo_sents)
        names = self.labels
        for k, path in zip(todo, decode_all(em, [len(s) for s in todo_sents], self._trans, self._trans_np)):
            out[k] = [names[y] for y in path]
        return out



@lru_cache(maxsize=None)
def _dictionary(path: str) -> frozenset[str]:
    return frozenset(joblib.load(path))


def _underthesea_dir() -> str:
    """underthesea's package directory, found without importing the package."""
    import importlib.util

    spec = importlib.util.find_spec("underthesea")
    if spec is None or not spec.submodule_search_locations:
        raise ImportError("underthesea is not installed")
    return list(spec.submodule_search_locations)[0]


@lru_cache(maxsize=1)
def word_segmentation_model() -> CRFModel:
    """underthesea's word segmentation CRF (``word_tokenize``'s model, VLSP 2013)."""
    return CRFModel(join(_underthesea_dir(), "pipeline", "word_tokenize", "models", "ws_crf_vlsp2013_20230727"))


@lru_cache(maxsize=1)
def pos_model() -> CRFModel:
    """underthesea's POS CRF (``pos_tag(model="v2.0")``'s model, VLSP 2013 tag set)."""
    return CRFModel(join(_underthesea_dir(), "pipeline", "pos_tag", "models", "pos_crf_vlsp2013_20230303"))


@lru_cache(maxsize=1)
def word_dictionary() -> frozenset[str]:
    """underthesea's dictionary of Vietnamese words (lower case; the word segmenter's
    ``is_in_dict`` feature), without loading the model."""
    return _dictionary(join(_underthesea_dir(), "pipeline", "word_tokenize", "models",
                            "ws_crf_vlsp2013_20230727", "dictionary.bin"))
