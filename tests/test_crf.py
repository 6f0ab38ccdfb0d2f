"""pipeline.crf.viterbi: the three decoders give the same path, ties included
(the first best wins, as in underthesea_core's CRFTagger)."""
from __future__ import annotations

import random

import numpy as np
import pytest

from pipeline.crf.viterbi import viterbi, viterbi2, viterbi_many


def _case(seed: int, n_labels: int, length: int):
    rnd = random.Random(seed)
    # small integers: many exact ties between paths
    em = [[float(rnd.randint(-2, 2)) for _ in range(n_labels)] for _ in range(length)]
    trans = [[float(rnd.randint(-1, 1)) for _ in range(n_labels)] for _ in range(n_labels)]
    return em, trans


@pytest.mark.parametrize("seed", range(40))
def test_two_label_viterbi_is_the_general_one(seed):
    em, trans = _case(seed, 2, 1 + seed % 9)
    assert viterbi2(em, trans) == viterbi(em, trans)


def test_ties_go_to_the_first_label():
    assert viterbi([[0.0, 0.0], [0.0, 0.0]], [[0.0, 0.0], [0.0, 0.0]]) == [0, 0]
    assert viterbi2([[0.0, 0.0], [0.0, 0.0]], [[0.0, 0.0], [0.0, 0.0]]) == [0, 0]
    assert viterbi2([[0.0, 1.0], [2.0, 0.0]], [[0.0, 0.0], [0.0, 0.0]]) == [1, 0]


@pytest.mark.parametrize("n_labels", [2, 3, 5])
def test_sentences_in_step_are_each_sentence_alone(n_labels):
    cases = [_case(100 * n_labels + k, n_labels, length) for k, length in enumerate([3, 1, 7, 7, 2])]
    trans = cases[0][1]
    ems = [em for em, _ in cases]
    flat = np.array([row for em in ems for row in em], dtype=np.float64)
    got = viterbi_many(flat, [len(em) for em in ems], np.array(trans, dtype=np.float64))
    assert got == [viterbi(em, trans) for em in ems]


def test_one_long_sentence_does_not_pad_the_others():
    """Blocks: a 6,000-token sentence and 3,000 short ones decode as each alone."""
    trans = [[float(v) for v in row] for row in ((0, 1, -1), (1, 0, 0), (-1, 0, 1))]
    rnd = random.Random(7)
    lens = [6000] + [rnd.randint(1, 6) for _ in range(3000)]
    ems = [[[float(rnd.randint(-2, 2)) for _ in range(3)] for _ in range(n)] for n in lens]
    flat = np.array([row for em in ems for row in em], dtype=np.float64)
    got = viterbi_many(flat, lens, np.array(trans, dtype=np.float64))
    assert got == [viterbi(em, trans) for em in ems]


def test_the_compiled_loops_are_built():
    """`pip install -e .` (the README's commands) compiles pipeline/crf/_decode.c."""
    from pipeline.crf import compiled

    assert compiled.decode is not None and compiled.emissions is not None


@pytest.mark.parametrize("n_labels", [2, 3, 31])
@pytest.mark.parametrize("seed", range(5))
def test_compiled_and_python_paths_are_the_same(n_labels, seed):
    from pipeline.crf.viterbi import decode_all

    rnd = random.Random(seed * 97 + n_labels)
    lens = [rnd.randint(1, 40) for _ in range(rnd.randint(1, 12))]
    em = np.array([[float(rnd.randint(-3, 3)) / 2 for _ in range(n_labels)] for _ in range(sum(lens))])
    trans = [[float(rnd.randint(-2, 2)) / 4 for _ in range(n_labels)] for _ in range(n_labels)]
    trans_np = np.array(trans)
    assert decode_all(em, lens, trans, trans_np) == decode_all(em, lens, trans, trans_np, compiled=False)


def test_compiled_loops_refuse_bad_shapes():
    from pipeline.crf.compiled import decode as _compiled

    with pytest.raises(ValueError):
        _compiled(np.zeros((4, 3)), [4], np.zeros((2, 2)))
    with pytest.raises(ValueError):
        _compiled(np.zeros((4, 2)), [3], np.zeros((2, 2)))
    with pytest.raises(ValueError):
        _compiled(np.zeros((4, 2)), [4, 0], np.zeros((2, 2)))
    with pytest.raises(TypeError):
        _compiled(np.zeros((4, 2), dtype=np.float32), [4], np.zeros((2, 2)))


@pytest.mark.parametrize("kind", ["ws", "pos"])
def test_compiled_emission_sums_are_numpy_s_to_the_bit(kind):
    from pipeline.crf import pos_model, word_segmentation_model

    model = word_segmentation_model() if kind == "ws" else pos_model()
    doc = [s.split(" ") for s in (
        "Ông Trần Văn Nam , Bí thư Đảng ủy - Chủ tịch HĐND phường Xuân Hòa .",
        "Ngày 4-2 , UBND TP.HCM công bố Nghị quyết 71/2025 với hơn 20.000 học sinh .",
        "Một", "+12 -7 2147483648 iPhone McDonald's")]
    assert model._emissions(doc).tobytes() == model._emissions(doc, compiled=False).tobytes()


def test_compiled_emission_sums_refuse_what_points_outside():
    from pipeline.crf import compiled as loops

    ids = np.zeros((1, 4), dtype=np.intp)
    one = np.zeros(1, dtype=np.intp)
    w = np.zeros((2, 2))
    with pytest.raises(ValueError):   # a window outside the slots
        loops.emissions(ids, np.array([3], dtype=np.intp), one, np.ones(1, dtype=np.intp), one, one, w, np.empty((1, 2)))
    with pytest.raises(ValueError):   # a table row outside the weights
        loops.emissions(ids, one, one, one, one, np.array([5], dtype=np.intp), w, np.empty((1, 2)))
    with pytest.raises(TypeError):    # the output must be writable float64
        loops.emissions(ids, one, one, one, one, one, w, np.empty((1, 2), dtype=np.float32))


@pytest.mark.parametrize("kind", ["ws", "pos"])
def test_compiled_window_lookups_are_python_s(kind):
    """_decode.windows joins and looks windows up as the Python columns do: ids of every
    group, is_in_dict flags; wide characters ('😀', '𝔘'), empty and spaced tokens."""
    from pipeline.crf import pos_model, word_segmentation_model
    from pipeline.crf.features import Columns

    model = word_segmentation_model() if kind == "ws" else pos_model()
    toks = ("\x00 \x00 Ông Trần văn nam , Bí thư Đảng ủy hà nội 😀 𝔘nicode  x x " * 3).split(" ") + ["Hà Nội", "thành phố"]
    fast, slow = Columns(toks, model.dictionary), Columns(toks, model.dictionary, compiled=False)
    assert fast.compiled and not slow.compiled
    for (k, fn), vocab in model._groups.items():
        a, b = fast.ids(k, fn, vocab), slow.ids(k, fn, vocab)
        fit = max(0, len(toks) - k + 1)
        assert a[:fit].tolist() == b[:fit].tolist(), (k, fn)
    for k in (1, 2, 3, 4):
        fit = max(0, len(toks) - k + 1)
        assert fast._flags("is_in_dict", k)[:fit].tolist() == slow._flags("is_in_dict", k)[:fit].tolist()


def test_compiled_window_lookups_refuse_bad_arguments():
    from pipeline.crf.compiled import windows

    with pytest.raises(TypeError):
        windows(["a", 1], 1, {}, np.zeros(2, dtype=np.intp))
    with pytest.raises(TypeError):
        windows(["a"], 1, ["a"], np.zeros(1, dtype=np.intp))
    with pytest.raises(ValueError):
        windows(["a", "b"], 1, {}, np.zeros(1, dtype=np.intp))
    with pytest.raises(ValueError):
        windows(["a"], 0, {}, np.zeros(1, dtype=np.intp))
    with pytest.raises(ValueError):
        windows(["a"], 1, frozenset(), np.zeros(1, dtype=np.intp))
    out = np.zeros(3, dtype=np.intp)
    windows(["a", "b", "c"], 2, {"a b": 7, "b c": 9}, out)
    assert out.tolist() == [7, 9, 0]
