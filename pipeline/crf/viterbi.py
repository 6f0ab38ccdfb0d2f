"""Viterbi decoding of a first-order CRF as underthesea_core's ``CRFTagger`` does it:
(score + transition), the first best on ties, then + emission; the same float
operations in the same order, so the paths are identical.  Label indices in,
label indices out."""
from __future__ import annotations

import numpy as np


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
    path = [last]
    for bp in reversed(back):
        last = bp[last]
        path.append(last)
    path.reverse()
    return path


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
    path = [last]
    for bp in reversed(back):
        last = bp[last]
        path.append(last)
    path.reverse()
    return path


def viterbi_many(em: np.ndarray, lens: list[int], trans: np.ndarray) -> list[list[int]]:
    """:func:`viterbi` in numpy for all sentences in step, longest first: at step t,
    ``s[k, prev, y] = score[k, prev] + trans[prev, y]``, ``argmax`` over ``prev``
    takes the first best as the strict ``>`` does, then ``+ emission``: the same
    additions in the same order."""
    starts = np.cumsum([0] + lens[:-1]).tolist()
    order = sorted(range(len(lens)), key=lambda k: -lens[k])
    sl = [lens[k] for k in order]
    n_sent, longest, n_labels = len(order), sl[0], trans.shape[0]
    pad = np.zeros((n_sent, longest, n_labels), dtype=np.float64)
    for i, k in enumerate(order):
        pad[i, :lens[k]] = em[starts[k]:starts[k] + lens[k]]
    active = [0] * (longest + 1)   # active[t]: sentences longer than t (a prefix of `order`)
    for n in sl:
        active[n - 1] += 1
    for t in range(longest - 1, -1, -1):
        active[t] += active[t + 1]
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
    out: list[list[int]] = [[] for _ in lens]
    for i, k in enumerate(order):
        out[k] = labels[i, :sl[i]].tolist()
    return out
