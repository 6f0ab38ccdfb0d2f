"""Rule: a numeral that starts with digits and carries no separator pattern.

In order: an ordinal after its cue (``lần thứ 8``), a calendar number
(``năm 2021``, ``tháng 4``), a number inside a name (``Quận 1``, ``Điều 5``),
a bare year (``đến 2020,``), else an amount (:func:`.quantities.finish`).
"""
from __future__ import annotations

from .context import Scan
from .dates import calendar
from .identifiers import ident_span, technical
from .numerals import collect
from .quantities import finish
from .units import unit_at


def _ordinal(sc: Scan, i: int, j: int, v, items, ne):
    t = sc.t
    k = sc.ordinal_cue(i)
    if k is not None and sc.phrase_before(i, "ordinal_always") is None and unit_at(sc, j, generic=False) is not None:
        return None  # 'nhiệm kỳ 5 năm tới'
    if k is not None and t.starts[k] >= sc.floor and len(items) == 1 and v < 1000:
        return [sc.mk(t.starts[k], ne, "NUMBER", v, "ordinal", None, "exact", ns=t.starts[i], ne=ne)], j
    return None


def _bare_year(sc: Scan, i: int, j: int, v, ne):
    """'đến 2020,': a four-digit year with no count after it."""
    u = unit_at(sc, j)
    if u is None or u[0] not in ("count", "percent", "money", "measure"):
        s = sc.t.starts[i]
        return [sc.date(s, ne, "year", f"{v:04d}", s, ne)], j
    return None


def _age_after_cue(sc: Scan, i: int, j: int, v, ne, q, qs):
    """'ở tuổi 70', 'tuổi ngoài 50': an age, when no unit follows."""
    k = i if qs is None else sc.first_token_from(qs)
    if sc.phrase_before(k, "age_cue") is None or unit_at(sc, j) is not None or v >= 150:
        return None
    s = qs if qs is not None else sc.t.starts[i]
    return [sc.mk(s, ne, "NUMBER", v, "age", "tuổi", q or "exact", ns=sc.t.starts[i], ne=ne)], j


def plain(sc: Scan, i: int):
    t = sc.t
    s = t.starts[i]
    col = collect(sc, i)
    if col is None:
        return None
    v, j, has_scale, items = col
    ne = t.ends[j - 1]
    tx = t.texts[i]
    simple_int = len(items) == 1 and tx.isdigit()
    r = _ordinal(sc, i, j, v, items, ne)
    if r is None and simple_int:
        r = calendar(sc, i, int(tx), j)
    if r is not None:
        return r
    if len(items) == 1 and sc.id_context(i) and unit_at(sc, j, generic=False) is None:
        return ident_span(sc, i, s, ne, tx)
    q, qs = sc.qualifier_before(i)
    r = _age_after_cue(sc, i, j, v, ne, q, qs)
    if r is not None:
        return r
    if simple_int and len(tx) == 4 and 1900 <= v <= 2100 and q is None:
        r = _bare_year(sc, i, j, v, ne)
        if r is not None:
            return r
    return finish(sc, i, j, v, s, ne, q, qs, has_scale=has_scale)


def digits_tail(sc: Scan, i: int):
    """The last digit rule: 5K, 4.0, else :func:`plain`."""
    return technical(sc, i) or plain(sc, i)
