"""CRFsuite's binary model format (the ``models.bin`` underthesea ships): labels,
attributes, state weights and transitions, read with ``struct`` and numpy."""
from __future__ import annotations

import struct

import numpy as np

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
