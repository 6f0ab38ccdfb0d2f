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
- models with many labels (POS, 31 tags) hand the Rust tagger only the feature
  strings the model knows (the model's own string objects, so PyO3 converts each
  once), which gives the same tags.  (Decoding those here too, with numpy for the
  31x31 Viterbi step, measured 1.3x slower than the Rust tagger.)

The feature functions follow underthesea_core's featurizer exactly: ``lower`` is
``str.lower``, ``isdigit`` is "parses as an i32", ``istitle`` is "every
space-separated part starts with a character equal to its upper case",
``is_in_dict`` looks the lower-cased text up in the model's dictionary, and a
window reaching outside the sentence is ``BOS``/``EOS``.
"""
from __future__ import annotations

import struct
from functools import lru_cache
from os.path import join
from typing import Sequence

import joblib

_TRUE, _FALSE = "True", "False"
_FUNCTIONS = (None, "lower", "isdigit", "istitle", "is_in_dict")
_DENSE_MAX_LABELS = 4   # decode here up to this many labels; above it the Rust tagger does


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


def read_crfsuite(path: str) -> tuple[list[str], list[str], dict[int, dict[int, float]], list[list[float]]]:
    """(labels, attributes, state weights {attr: {label: w}}, transitions[from][to]) of a CRFsuite model."""
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
    state: dict[int, dict[int, float]] = {}
    trans = [[0.0] * n_labels for _ in range(n_labels)]
    for kind_, src, dst, w in struct.iter_unpack("<IIId", data[off_feat + 12: off_feat + 12 + 20 * n_feat]):
        if kind_ == 0:
            state.setdefault(src, {})[dst] = w
        else:
            trans[src][dst] = w
    return labels, attrs, state, trans


class _Template:
    __slots__ = ("syntax", "o1", "k", "fn", "table")

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
        self.table: dict = {}


class CRFModel:
    """One of underthesea's shipped CRF models (a directory with ``models.bin``,
    ``features.bin``, ``dictionary.bin``); ``tag(tokens)`` gives its labels."""

    def __init__(self, model_dir: str) -> None:
        labels, attrs, state, trans = read_crfsuite(join(model_dir, "models.bin"))
        self.labels = labels
        self.dictionary = frozenset(joblib.load(join(model_dir, "dictionary.bin")))
        self.templates = [_Template(s) for s in joblib.load(join(model_dir, "features.bin"))]
        self._trans = trans
        n = len(labels)
        self._dense = n <= _DENSE_MAX_LABELS
        by_syntax = {t.syntax: t for t in self.templates}
        for a, attr in enumerate(attrs):
            syntax, eq, value = attr.partition("=")
            t = by_syntax.get(syntax)
            if t is None or not eq:
                continue  # an attribute no template can produce
            if self._dense:
                w = state.get(a, {})
                t.table[value] = tuple(w.get(y, 0.0) for y in range(n))
            else:
                t.table[value] = attr
        self._tagger = None
        if not self._dense:
            from underthesea_core import CRFTagger

            self._tagger = CRFTagger()
            self._tagger.load(join(model_dir, "models.bin"))
            if self._tagger.labels() != labels:
                raise ValueError(f"{model_dir}: label order differs from the Rust tagger's")

    # ------------------------------------------------------------------ features
    def _columns(self, toks: Sequence[str]) -> list[list[str]]:
        """For each template, its value at every position ('BOS'/'EOS' outside)."""
        n = len(toks)
        cache: dict = {}
        per_token: dict = {}
        cols = []
        for t in self.templates:
            k, fn, o1 = t.k, t.fn, t.o1
            base = cache.get((k, fn))
            if base is None:
                base = cache[(k, fn)] = self._values(toks, k, fn, per_token)
            bos = min(max(-o1, 0), n)
            j0 = max(o1, 0)
            valid = max(0, min(n - k - o1, n - 1) - max(-o1, 0) + 1)
            col = ["BOS"] * bos
            col += base[j0:j0 + valid]
            col += ["EOS"] * (n - bos - valid)
            cols.append(col)
        return cols

    def _values(self, toks: Sequence[str], k: int, fn: str | None, per_token: dict) -> list[str]:
        """The value of ``fn`` on every window of ``k`` tokens (window j = toks[j:j+k])."""
        n = len(toks)
        if fn is None:
            return list(toks) if k == 1 else [" ".join(toks[j:j + k]) for j in range(n - k + 1)]
        one = per_token.get(fn)
        if one is None:
            if fn == "lower" or fn == "is_in_dict":
                one = per_token["lower"] = [w.lower() for w in toks]
            elif fn == "istitle":
                # every space-separated part's first character is its own upper case
                one = per_token[fn] = [
                    (_TRUE if c.upper() == c else _FALSE) if " " not in w else (_TRUE if _is_title(w) else _FALSE)
                    for w in toks for c in (w[:1],)]
            else:
                one = per_token[fn] = [
                    _TRUE if (w.isdigit() or w[:1] in "+-") and _is_i32(w) else _FALSE for w in toks]
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
        """underthesea's feature strings for ``toks`` (all of them, known to the model or not)."""
        cols = self._columns(toks)
        return [[f"{t.syntax}={v}" for t, v in zip(self.templates, row)] for row in zip(*cols)]

    # ------------------------------------------------------------------ tagging
    def tag(self, toks: Sequence[str]) -> list[str]:
        if not toks:
            return []
        cols = self._columns(toks)
        if not self._dense:
            rows = zip(*[list(map(t.table.get, col)) for t, col in zip(self.templates, cols)])
            return self._tagger.tag([[a for a in row if a is not None] for row in rows])
        return self._viterbi(self._emissions(cols))

    def _emissions(self, cols: list[list[str]]) -> list[tuple[float, ...]]:
        """Per position, the sum over templates (in template order) of the state weights."""
        n_labels = len(self.labels)
        weights = [list(map(t.table.get, col)) for t, col in zip(self.templates, cols)]
        out: list[tuple[float, ...]] = []
        if n_labels == 2:
            for row in zip(*weights):
                e0 = e1 = 0.0
                for w in row:
                    if w is not None:
                        e0 += w[0]
                        e1 += w[1]
                out.append((e0, e1))
            return out
        for row in zip(*weights):
            e = [0.0] * n_labels
            for w in row:
                if w is not None:
                    for y in range(n_labels):
                        e[y] += w[y]
            out.append(tuple(e))
        return out

    def _viterbi(self, em: list[tuple[float, ...]]) -> list[str]:
        """Viterbi as underthesea_core's CRFTagger: (score + transition) then + emission,
        first best on ties."""
        trans = self._trans
        n_labels = len(self.labels)
        labels_range = range(n_labels)
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
