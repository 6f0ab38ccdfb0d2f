"""Rules over the matches of a text, after the scan.

A unit-less count borrows the counted noun of a neighbour:
``690 đơn vị ..., trong đó có 240 được công nhận`` -> 240 đơn vị;
``294 người ...; 10 có trình độ ...`` -> 10 người; ``3 trong 9 người`` -> 3 người.
A conversion in brackets restates the amount before it: ``900lb (~410kg)``.
"""
from __future__ import annotations

import dataclasses

from .context import NumberMatch, W, Scan
from .lexicon import INHERIT_NEXT
from .patterns import CONVERSION_GAP_RE, SENT_END_RE


def _bare_count(m: NumberMatch) -> bool:
    return m.label == "NUMBER" and m.kind == "count" and m.unit is None and m.value is not None


def _of_the_next(sc: Scan, j: int, nxt: NumberMatch | None):
    """'3 trong (số) 9 người': the count right after 'trong (số)'."""
    t = sc.t
    k = j + 1
    if k < t.n and t.types[k] == W and t.lowers[k] == "số":
        k += 1
    if nxt is not None and k < t.n and nxt.start == t.starts[k] and nxt.kind == "count" and nxt.unit:
        return nxt
    return None


def _of_a_previous(sc: Scan, res: list[NumberMatch], idx: int):
    """The last counted noun before match idx in its sentence ('10 có trình độ')."""
    m = res[idx]
    for p in range(idx - 1, -1, -1):
        cand = res[p]
        if SENT_END_RE.search(sc.text, cand.end, m.start):
            return None
        if cand.label == "NUMBER" and cand.kind == "count" and cand.unit and cand.is_quantity:
            return cand
        if cand.label == "NUMBER" and cand.kind not in ("percent", "count"):
            return None
    return None


def inherit_units(sc: Scan, out: list[NumberMatch]) -> list[NumberMatch]:
    t = sc.t
    res = list(out)
    for idx, m in enumerate(out):
        if not _bare_count(m):
            continue
        j = sc.first_token_from(m.end)
        if j >= t.n or t.types[j] != W:
            continue
        src = None
        if t.lowers[j] == "trong":
            src = _of_the_next(sc, j, out[idx + 1] if idx + 1 < len(out) else None)
        elif t.lowers[j] in INHERIT_NEXT:
            src = _of_a_previous(sc, res, idx)
        if src is not None:
            res[idx] = dataclasses.replace(m, unit=src.unit, is_quantity=True)
    return res


def restated_conversions(sc: Scan, out: list[NumberMatch]) -> list[NumberMatch]:
    """'900lb (~410kg)', '3 triệu USD (khoảng 70 tỷ đồng)': the amount in brackets
    converts the one before it into another unit; it states nothing new."""
    res = list(out)
    for k in range(1, len(res)):
        prev, m = res[k - 1], res[k]
        if (m.is_quantity and prev.is_quantity and m.kind == prev.kind and m.kind in ("measure", "money")
                and m.unit != prev.unit and CONVERSION_GAP_RE.fullmatch(sc.text, prev.end, m.start)):
            res[k] = dataclasses.replace(m, is_quantity=False)
    return res
