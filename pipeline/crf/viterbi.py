"""Viterbi decoding of a first-order CRF as underthesea_core's ``CRFTagger`` does it:
(score + transition), the first best on ties, then + emission; the same float
operations in the same order, so the paths are identical.  Label indices in,
label indices out.

:func:`decode_all` decodes every sentence of a document: with the compiled loops
of ``_decode.c`` (built when the package is installed), else in Python (two
labels: :func:`viterbi2`, a few: :func:`viterbi`) or numpy (many:
:func:`viterbi_many`).  All of them give the same paths (``tests/test_crf.py``).
"""
from __future__ import annotations

import numpy as np

from .compiled import decode as compiled_decode

#: Viterbi in Python up to this many labels (per sentence), in numpy above (per document)
_SMALL_LABELS = 4


def decode_all(em: np.ndarray, lens: list[int], trans: list[list[float]], trans_np: np.ndarray,
               compiled: bool = True) -> list[list[int]]:
    """The path of each sentence (``em``: their emission rows end to end, float64;
    every length >= 1); ``compiled=False`` takes the Python way (for tests)."""
    if compiled and compiled_decode is not None:
        return compiled_decode(np.ascontiguousarray(em, dtype=np.float64), lens, trans_np)
    n_labels = len(trans)
    if n_labels > _SMALL_LABELS:
        return viterbi_many(em, lens, trans_np)
    decode = viterbi2 if n_labels == 2 else viterbi
    rows = em.tolist()
    out = []
    start = 0
    for n in lens:
        out.append(decode(rows[start:start + n], trans))
        start += n
    return out


def viterbi(em: list[list[float]], trans: list[list[float]]) -> list[int]:
    """Viterbi as underthesea_core's CRFTagger: (score + transition) then + emission,
    first best on ties."""
    labels_range = range(len(trans))
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
    return _backtrack(back, last)


def viterbi2(em: list[list[float]], trans: list[list[float]]) -> list[int]:
    """:func:`viterbi` written out for two labels (word segmentation's B-W, I-W):
    the same additions, comparisons and ties, without the loops over labels."""
    (t00, t01), (t10, t11) = trans
    s0, s1 = em[0]
    back: list[tuple[int, int]] = []
    for e0, e1 in em[1:]:
        a, b = s0 + t00, s1 + t10
        c, d = s0 + t01, s1 + t11
        if b > a:
            n0, p0 = b + e0, 1
        else:
            n0, p0 = a + e0, 0
        if d > c:
            n1, p1 = d + e1, 1
        else:
            n1, p1 = c + e1, 0
        s0, s1 = n0, n1
        back.append((p0, p1))
    last = 1 if s1 > s0 else 0
    return _backtrack(back, last)


def _backtrack(back: list, last: int) -> list[int]:
    """The path that ends in label ``last``, read back through the back pointers."""
    path = [last]
    for bp in reversed(back):
        last = bp[last]
        path.append(last)
    path.reverse()
    return path


#: padded cells a block of sentences may hold beyond twice its real ones
_BLOCK_SLACK = 8192


def viterbi_many(em: np.ndarray, lens: list[int], trans: np.ndarray) -> list[list[int]]:
    """:func:`viterbi` in numpy for many sentences in step (``em``: their emission
    rows end to end).  Longest first, in blocks whose padding stays within twice
    their real size, so that one very long sentence does not pad every other one."""
    starts = np.cumsum([0] + lens[:-1]).tolist()
    order = sorted(range(len(lens)), key=lambda k: -lens[k])
    out: list[list[int]] = [[] for _ in lens]
    block: list[int] = []
    real = 0
    for k in order + [-1]:
        if block and (k < 0 or (len(block) + 1) * lens[block[0]] > 2 * (real + lens[k]) + _BLOCK_SLACK):
            for j, path in zip(block, _viterbi_block([em[starts[j]:starts[j] + lens[j]] for j in block], trans)):
                out[j] = path
            block, real = [], 0
        if k >= 0:
            block.append(k)
            real += lens[k]
    return out


def _viterbi_block(ems: list[np.ndarray], trans: np.ndarray) -> list[list[int]]:
    """Sentences longest first, in step: at step t,
    ``s[k, y, prev] = score[k, prev] + trans[prev, y]`` (the previous label last, so
    that the reductions run over contiguous memory), ``argmax`` over ``prev`` takes
    the first best as the strict ``>`` does, the value at it ``+ emission``: the
    same additions (IEEE addition commutes exactly), in the same order."""
    sl = [len(e) for e in ems]
    n_sent, longest, n_labels = len(ems), sl[0], trans.shape[0]
    pad = np.zeros((longest, n_sent, n_labels), dtype=np.float64)   # step, sentence, label
    for i, e in enumerate(ems):
        pad[:sl[i], i] = e
    active = [0] * (longest + 1)   # active[t]: sentences longer than t (a prefix of the block)
    for n in sl:
        active[n - 1] += 1
    for t in range(longest - 1, -1, -1):
        active[t] += active[t + 1]
    final = np.empty((n_sent, n_labels), dtype=np.float64)
    score = pad[0]
    final[active[1]:] = score[active[1]:]
    trans_t = np.ascontiguousarray(trans.T)   # [y, prev]
    buf = np.empty((n_sent, n_labels, n_labels), dtype=np.float64)
    back: list[np.ndarray] = [np.empty(0)]
    for t in range(1, longest):
        m = active[t]
        s = buf[:m]
        np.add(score[:m, None, :], trans_t, out=s)
        bp = s.argmax(axis=2)
        back.append(bp)
        score = np.take_along_axis(s, bp[:, :, None], axis=2)[:, :, 0] + pad[t, :m]
        final[active[t + 1]:m] = score[active[t + 1]:m]
    labels = np.zeros((n_sent, longest), dtype=np.intp)
    labels[np.arange(n_sent), np.array(sl) - 1] = final.argmax(axis=1)
    for t in range(longest - 1, 0, -1):
        m = active[t]
        labels[:m, t - 1] = back[t][np.arange(m), labels[:m, t]]
    return [labels[i, :sl[i]].tolist() for i in range(n_sent)]
