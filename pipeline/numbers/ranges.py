"""Rule: ranges -- two items, ``at_least`` the first and ``at_most`` the second.

``từ 5 đến 7 người``, ``70-75%``, ``1-2 triệu đồng`` (the first takes the second's
unit and scale), ``từ 5 người đến 7 người`` (units on both sides).
"""
from __future__ import annotations

from .context import N, P, W, Scan
from .lexicon import NUMWORDS
from .numerals import collect
from .patterns import DIGITS_RE, RANGE_PUNCT
from .units import unit_at


def _second_start(sc: Scan, j: int):
    """Token index of the second number after a connector at j ('-', 'đến', 'tới')."""
    t = sc.t
    if j >= t.n or t.nl[j]:
        return None
    if not ((t.types[j] == P and t.texts[j] in RANGE_PUNCT) or (t.types[j] == W and t.lowers[j] in ("đến", "tới"))):
        return None
    k = j + 1
    if k >= t.n or t.nl[k]:
        return None
    if t.types[k] == N:
        if not DIGITS_RE.fullmatch(t.texts[k]) or (t.ends[k] < len(sc.text) and sc.text[t.ends[k]] in "/"):
            return None
        return k
    return k if (t.types[k] == W and t.lowers[k] in NUMWORDS) else None


def range_after(sc: Scan, j: int):
    """'- 75%', 'đến 7 người' after a number -> (info, conn_start) or None."""
    t = sc.t
    k = _second_start(sc, j)
    if k is None:
        return None
    col = collect(sc, k)
    if col is None:
        return None
    v, jj, has_scale, items = col
    unit = unit_at(sc, jj)
    if unit is None:
        return None
    ukind, u, us, ue, jn = unit
    scale = max((val for r, val in items if r == "scale"), default=1)
    info = dict(value=v, kind=ukind, unit=u, us=us, ue=ue, end=ue, j=jn, ns=t.starts[k], ne=t.ends[jj - 1],
                has_scale=has_scale, scale=scale)
    # 'đến 7 người' keeps its connector word; '70-75%' gives '70' and '75%'
    return info, (t.starts[j] if t.types[j] == W else t.starts[k])


def upper_end(sc: Scan, b: dict, conn_start: int):
    """The ``at_most`` item of a range."""
    return sc.mk(conn_start, b["end"], "NUMBER", b["value"], b["kind"], b["unit"], "at_most",
                 ns=b["ns"], ne=b["ne"], us=b["us"], ue=b["ue"])


def range_without_unit(sc: Scan, j, v, start, ns, ne, has_scale):
    """'từ 5 đến 7 người', '70-75%': the first number borrows the second's unit (and scale)."""
    rng = range_after(sc, j)
    if rng is None:
        return None
    b, conn_start = rng
    a = v
    if b["has_scale"] and not has_scale and a < 1000:
        a = a * b["scale"]
    ma = sc.mk(start, ne, "NUMBER", a, b["kind"], b["unit"], "at_least", ns=ns, ne=ne)
    return [ma, upper_end(sc, b, conn_start)], b["j"]


def range_with_units(sc: Scan, jn, start, end, v, kind, u, ns, ne, us, ue):
    """'từ 5 người đến 7 người'."""
    rng = range_after(sc, jn)
    if rng is None or rng[0]["unit"] != u:
        return None
    b, conn_start = rng
    ma = sc.mk(start, end, "NUMBER", v, kind, u, "at_least", ns=ns, ne=ne, us=us, ue=ue)
    return [ma, upper_end(sc, b, conn_start)], b["j"]


def shared_with_next(sc: Scan, j, v, start, ns, ne, has_scale, qual):
    """'49 và 38 triệu máy': the first takes the unit (and scale) of the second, which
    is read on its own afterwards -> ([match], j) or None."""
    t = sc.t
    if not sc.word_is(j, ("và",)) or j + 1 >= t.n or not (t.types[j + 1] == N or t.lowers[j + 1] in NUMWORDS):
        return None
    col = collect(sc, j + 1)
    if col is None:
        return None
    bv, jj, b_scale, items = col
    unit = unit_at(sc, jj)
    if unit is None:
        return None
    a = v
    scale = max((val for r, val in items if r == "scale"), default=1)
    if b_scale and not has_scale and a < 1000:
        a = a * scale
    return [sc.mk(start, ne, "NUMBER", a, unit[0], unit[1], qual, ns=ns, ne=ne)], j
