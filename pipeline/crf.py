"""underthesea's shipped CRF models (word segmentation, POS), run without its featurizer.

underthesea tags a sentence in two calls into its Rust extension: ``CRFFeaturizer.process``
builds one feature string per template and token (43 for word segmentation, e.g.
``T[-1,0].lower=văn nam``), then ``CRFTagger.tag`` turns them back into attribute ids
and runs Viterbi.  Building and converting those strings is most of the cost, and
most of them are not in the model anyway.  Here the model file itself (CRFsuite's
binary format, the ``models.bin`` that ships inside the package) is read once, and
each template gets a table from *value* (``văn nam``) to what the model knows about
it, so a token costs a few dictionary look-ups and no string building:

- models with few labels (word segmentation: ``B-W``/``I-W``) are decoded here:
  emission scores summed in template order and Viterbi with the same float
  operations, in the same order, and the same tie-breaking as the Rust tagger, so
  the tags are identical (``tests/test_language.py`` checks against underthesea);
- models with many labels (POS, 31 tags) are decoded here too, with numpy, all the
  sentences of a document at once (:meth:`CRFModel.tag_many`): the Rust tagger
  looks every (attribute, label) pair up in a hash map, 600 look-ups a word, and a
  numpy Viterbi step per word costs more than the whole Rust call; one step over
  every sentence of the document does not.

The feature functions follow underthesea_core's featurizer exactly: ``lower`` is
``str.lower``, ``isdigit`` is "parses as an i32", ``istitle`` is "every
space-separated part starts with a character equal to its upper case",
``is_in_dict`` looks the lower-cased text up in the model's dictionary, and a
window reaching outside the sentence is ``BOS``/``EOS``.
"""
from __future__ import annotations

import struct
from functools import lru_cache
from itertools import repeat
from os.path import join
from typing import Sequence

import joblib
import numpy as np

_TRUE, _FALSE = "True", "False"
_FUNCTIONS = (None, "lower", "isdigit", "istitle", "is_in_dict")
_SMALL_LABELS = 4   # Viterbi in Python up to this many labels (per sentence), in numpy above (per document)


def _is_i32(s: str) -> bool:
    digits = s[1:] if s[:1] in ("+", "-") else s
    if not digits or not (digits.isascii() and digits.isdigit()):
        return False
    return -2147483648 <= int(s) <= 2147483647


def _is_title(s: str) -> bool:
    for part in s.split(" "):
        c = part[:1]
        if c.upper() != c:
            return False
    return True


def _cqdb_strings(data: bytes, off: int) -> list[str]:
    """The id -> string table of a CRFsuite CQDB chunk (its backward array)."""
    chunk, _size, _flag, _order, n, bwd = struct.unpack_from("<4sIIIII", data, off)
    if chunk != b"CQDB":
        raise ValueError("not a CRFsuite string database")
    out = [""] * n
    for rec in struct.unpack_from(f"<{n}I", data, off + bwd):
        if rec:
            i, size = struct.unpack_from("<II", data, off + rec)
            out[i] = data[off + rec + 8: off + rec + 7 + size].decode("utf-8")
    return out


_FEATURE = np.dtype([("kind", "<u4"), ("src", "<u4"), ("dst", "<u4"), ("w", "<f8")])


def read_crfsuite(path: str) -> tuple[list[str], list[str], np.ndarray, list[list[float]]]:
    """(labels, attributes, state weights [attribute + 1, label] (row 0: zeros),
    transitions[from][to]) of a CRFsuite first-order model."""
    with open(path, "rb") as fh:
        data = fh.read()
    magic, _size, kind, _ver, _nf, n_labels, _na, off_feat, off_labels, off_attrs, _lr, _ar = \
        struct.unpack_from("<4sI4sIIIIIIIII", data, 0)
    if magic != b"lCRF" or kind != b"FOMC":
        raise ValueError(f"{path}: not a CRFsuite first-order model")
    labels = _cqdb_strings(data, off_labels)
    attrs = _cqdb_strings(data, off_attrs)
    chunk, _size, n_feat = struct.unpack_from("<4sII", data, off_feat)
    if chunk != b"FEAT":
        raise ValueError(f"{path}: no feature chunk")
    feats = np.frombuffer(data, dtype=_FEATURE, count=n_feat, offset=off_feat + 12)
    state = feats[feats["kind"] == 0]
    weights = np.zeros((len(attrs) + 1, n_labels), dtype=np.float64)
    weights[state["src"].astype(np.intp) + 1, state["dst"].astype(np.intp)] = state["w"]
    trans = [[0.0] * n_labels for _ in range(n_labels)]
    for f in feats[feats["kind"] != 0].tolist():
        trans[f[1]][f[2]] = f[3]
    return labels, attrs, weights, trans


class _Template:
    __slots__ = ("syntax", "o1", "k", "fn", "rows")

    def __init__(self, syntax: str) -> None:
        if not syntax.startswith("T[") or "]" not in syntax:
            raise ValueError(f"unsupported feature template {syntax!r}")
        close = syntax.index("]")
        idx = syntax[2:close].split(",")
        rest = syntax[close + 1:]
        fn = rest[1:] if rest.startswith(".") else None
        o1 = int(idx[0])
        o2 = int(idx[1]) if len(idx) > 1 else o1
        if (rest and fn is None) or fn not in _FUNCTIONS or o2 < o1:
            raise ValueError(f"unsupported feature template {syntax!r}")
        self.syntax, self.o1, self.k, self.fn = syntax, o1, o2 - o1 + 1, fn
        self.rows: np.ndarray | None = None   # value id (of its group) -> weight row


def _token_column(toks: Sequence[str], fn: str, per_token: dict) -> list[str]:
    """The value of ``fn`` on each token (``is_in_dict`` windows are built on the
    lowercased tokens), computed once per sentence and kept in ``per_token``."""
    key = "lower" if fn in ("lower", "is_in_dict") else fn
    one = per_token.get(key)
    if one is not None:
        return one
    if key == "lower":
        one = [w.lower() for w in toks]
    elif key == "istitle":
        # every space-separated part's first character is its own upper case
        one = [(_TRUE if c.upper() == c else _FALSE) if " " not in w else (_TRUE if _is_title(w) else _FALSE)
               for w in toks for c in (w[:1],)]
    else:
        one = [_TRUE if (w.isdigit() or w[:1] in "+-") and _is_i32(w) else _FALSE for w in toks]
    per_token[key] = one
    return one


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
        self.templates = [_Template(s) for s in joblib.load(join(model_dir, "features.bin"))]
        n = len(labels)
        self._trans = trans
        self._trans_np = np.array(trans, dtype=np.float64)
        self._small = n <= _SMALL_LABELS
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

    # ------------------------------------------------------------------ features
    def _values(self, toks: Sequence[str], k: int, fn: str | None, per_token: dict) -> list[str]:
        """The value of ``fn`` on every window of ``k`` tokens (window j = toks[j:j+k])."""
        n = len(toks)
        if fn is None:
            return list(toks) if k == 1 else [" ".join(toks[j:j + k]) for j in range(n - k + 1)]
        one = _token_column(toks, fn, per_token)
        if fn == "is_in_dict":
            d = self.dictionary
            grams = one if k == 1 else [" ".join(one[j:j + k]) for j in range(n - k + 1)]
            return [_TRUE if g in d else _FALSE for g in grams]
        if k == 1:
            return one
        if fn == "lower":
            return [" ".join(one[j:j + k]) for j in range(n - k + 1)]
        if fn == "istitle":   # the parts of a window are the parts of its tokens
            return [_FALSE if _FALSE in one[j:j + k] else _TRUE for j in range(n - k + 1)]
        return [_FALSE] * max(0, n - k + 1)   # isdigit: a window holds a space, never an i32

    def features(self, toks: Sequence[str]) -> list[list[str]]:
        """underthesea's feature strings for ``toks`` (all of them, known to the model or
        not); for tests: tagging never builds them."""
        n = len(toks)
        per_token: dict = {}
        cols = []
        for t in self.templates:
            base = self._values(toks, t.k, t.fn, per_token)
            col = []
            for i in range(n):
                j = i + t.o1
                col.append("BOS" if j < 0 else "EOS" if j + t.k > n else base[j])
            cols.append(col)
        return [[f"{t.syntax}={v}" for t, v in zip(self.templates, row)] for row in zip(*cols)]

    def _emissions(self, sentences: Sequence[Sequence[str]]) -> np.ndarray:
        """(tokens of all sentences, labels): per token, the weight rows of its
        attributes added one template after the other, as the Rust tagger adds
        them (an unknown attribute adds a row of zeros, which changes no sum)."""
        pad = self._pad
        ids: dict[tuple[int, str | None], list[int]] = {g: [] for g in self._groups}
        where: list[int] = []
        start = 0
        for toks in sentences:
            n = len(toks)
            per_token: dict = {}
            for (k, fn), acc in ids.items():
                vocab = self._groups[(k, fn)]
                values = self._values(toks, k, fn, per_token)   # n - k + 1 windows, or none
                acc.extend([1] * pad)   # BOS
                acc.extend(map(vocab.get, values, repeat(0)))
                acc.extend([2] * (n + pad - len(values)))   # EOS: every sentence takes n + 2 * pad slots
            where.extend(range(start + pad, start + pad + n))
            start += n + 2 * pad
        arrays = {g: np.array(v, dtype=np.intp) for g, v in ids.items()}
        where_np = np.array(where, dtype=np.intp)
        w = self._weights
        em = None
        for t in self.templates:
            rows = w[t.rows[arrays[(t.k, t.fn)][where_np + t.o1]]]
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
        if self._small:
            rows = em.tolist()
            start = 0
            for k, toks in zip(todo, todo_sents):
                out[k] = self._viterbi(rows[start:start + len(toks)])
                start += len(toks)
        else:
            for k, tags in zip(todo, self._viterbi_many(em, [len(s) for s in todo_sents])):
                out[k] = tags
        return out

    def _viterbi(self, em: list[list[float]]) -> list[str]:
        """Viterbi as underthesea_core's CRFTagger: (score + transition) then + emission,
        first best on ties."""
        trans = self._trans
        labels_range = range(len(self.labels))
        score = list(em[0])
        back: list[list[int]] = []
        for e in em[1:]:
            new = []
            bp = []
            for y in labels_range:
                best = float("-inf")
                arg = 0
                for yp in labels_range:
                    s = score[yp] + trans[yp][y]
                    if s > best:
                        best, arg = s, yp
                new.append(best + e[y])
                bp.append(arg)
            score = new
            back.append(bp)
        best, last = float("-inf"), 0
        for y in labels_range:
            if score[y] > best:
                best, last = score[y], y
        path = [last]
        for bp in reversed(back):
            last = bp[last]
            path.append(last)
        path.reverse()
        return [self.labels[y] for y in path]

    def _viterbi_many(self, em: np.ndarray, lens: list[int]) -> list[list[str]]:
        """:meth:`_viterbi` in numpy for all sentences in step, longest first: at step t,
        ``s[k, prev, y] = score[k, prev] + trans[prev, y]``, ``argmax`` over ``prev``
        takes the first best as the strict ``>`` does, then ``+ emission``: the same
        additions in the same order."""
        starts = np.cumsum([0] + lens[:-1]).tolist()
        order = sorted(range(len(lens)), key=lambda k: -lens[k])
        sl = [lens[k] for k in order]
        n_sent, longest, n_labels = len(order), sl[0], len(self.labels)
        pad = np.zeros((n_sent, longest, n_labels), dtype=np.float64)
        for i, k in enumerate(order):
            pad[i, :lens[k]] = em[starts[k]:starts[k] + lens[k]]
        active = [0] * (longest + 1)   # active[t]: sentences longer than t (a prefix of `order`)
        for n in sl:
            active[n - 1] += 1
        for t in range(longest - 1, -1, -1):
            active[t] += active[t + 1]
        trans = self._trans_np
        final = np.empty((n_sent, n_labels), dtype=np.float64)
        score = pad[:, 0]
        final[active[1]:] = score[active[1]:]
        back: list[np.ndarray] = [np.empty(0)]
        for t in range(1, longest):
            m = active[t]
            s = score[:m, :, None] + trans
            bp = s.argmax(axis=1)
            score = s.max(axis=1) + pad[:m, t]   # the value at bp: the same float
            back.append(bp)
            final[active[t + 1]:m] = score[active[t + 1]:m]
        labels = np.zeros((n_sent, longest), dtype=np.intp)
        labels[np.arange(n_sent), np.array(sl) - 1] = final.argmax(axis=1)
        for t in range(longest - 1, 0, -1):
            m = active[t]
            labels[:m, t - 1] = back[t][np.arange(m), labels[:m, t]]
        names = self.labels
        out: list[list[str]] = [[] for _ in lens]
        for i, k in enumerate(order):
            out[k] = [names[y] for y in labels[i, :sl[i]].tolist()]
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
