"""Rule: a stated amount -- a numeral with its unit, qualifiers and ranges.

``hơn 20.000 học sinh`` (more_than), ``30 người trở lên`` (at_least, a
qualifier after the unit), ``một năm rưỡi``, rates that keep their 'per' part
(``500 đồng/lít``, ``6,5%/năm``), ranges (:mod:`.ranges`), and multipliers
(``gấp 3 lần``), which are no stated amount.
"""
from __future__ import annotations

import dataclasses

from .context import W, Scan
from .patterns import DIM_SIDE_RE, DIMENSIONS_RE, HEIGHT_RE, KILO_RE
from .values import parse_digits
from .ranges import range_with_units, range_without_unit, shared_with_next
from .units import fraction_unit, unit_at


def _unit_tail(sc: Scan, v, end, unit_e, u, jn, has_scale):
    """'một năm rưỡi' and rates ('500 đồng/lít') after a unit -> (v, end, unit_e, u, jn)."""
    t = sc.t
    if jn < t.n and t.types[jn] == W and t.lowers[jn] == "rưỡi" and not has_scale and float(v).is_integer():
        v = v + 0.5
        end = t.ends[jn]
        jn += 1
    if jn + 1 < t.n and t.texts[jn] == "/" and t.starts[jn] == unit_e and t.starts[jn + 1] == t.ends[jn]:
        per = unit_at(sc, jn + 1)
        if per is not None:
            u = u + "/" + per[1]
            end = unit_e = per[3]
            jn = per[4]
    return v, end, unit_e, u, jn


def _post_qualifier(sc: Scan, jn: int, rs_start):
    """'... trở lên' right after the amount, or a few words on after 'từ':
    'từ 2/3 tổng số đại biểu HĐND thành phố trở lên' -> (qualifier, end, next)."""
    t = sc.t
    pq = sc.phrase_at(jn, "post_qualifier")
    if pq is not None:
        return pq[0], t.ends[pq[1] - 1], pq[1]
    if rs_start is not None:
        k = jn
        for _ in range(8):
            if k >= t.n or t.types[k] != W or t.nl[k]:
                break
            pq = sc.phrase_at(k, "post_qualifier")
            if pq is not None:
                return pq[0], None, None
            k += 1
    return None


def _with_post_qualifier(sc: Scan, jn: int, rs_start, qual, start, end):
    """Apply a post-qualifier if there is one -> (qualifier, start, end, next)."""
    pq = _post_qualifier(sc, jn, rs_start)
    if pq is None:
        return qual, start, end, jn
    qual, pend, pnext = pq
    if pend is not None:
        end, jn = pend, pnext
    return qual, (rs_start if rs_start is not None else start), end, jn


def _range_start(sc: Scan, i: int):
    """Start char of 'từ' right before token i (a range or an 'at least' amount), or None."""
    rs = sc.phrase_before(i, "range_start")
    return sc.t.starts[rs[1]] if rs is not None and sc.t.starts[rs[1]] >= sc.floor else None


def _unit_from_next(sc: Scan, j, v, ns, ne, q, qs, rs_start, has_scale):
    """A number with no unit of its own before a range end ('từ 5 đến 7 người') or a
    coordinated amount ('49 và 38 triệu máy') takes the unit of that one."""
    own = qs if q is not None and qs is not None else None
    r = range_without_unit(sc, j, v, own if own is not None else (rs_start if rs_start is not None else ns),
                           ns, ne, has_scale)
    return r or shared_with_next(sc, j, v, own if own is not None else ns, ns, ne, has_scale, q or "exact")


def finish(sc: Scan, i, j, v, ns, ne, q, qs, kind_hint=None, has_scale=False, words_only=False):
    """The numeral at tokens i..j-1 (chars ns..ne) as an amount: unit, ranges,
    post-qualifiers -> (matches, next_token) or None."""
    unit = fraction_unit(sc, j) if kind_hint == "fraction" else unit_at(sc, j)
    rs_start = _range_start(sc, i)
    if unit is None and kind_hint is None:
        r = _unit_from_next(sc, j, v, ns, ne, q, qs, rs_start, has_scale)
        if r is not None:
            return r
    if words_only and unit is None and q is None and not has_scale:
        return None
    qual = q or "exact"
    start = qs if (q is not None and qs is not None and qs >= sc.floor) else ns
    end, kind, u, unit_s, unit_e, jn = ne, kind_hint or "count", None, -1, -1, j
    if unit is not None:
        ukind, u, unit_s, unit_e, jn = unit
        if kind_hint != "fraction":
            kind = ukind
        v, end, unit_e, u, jn = _unit_tail(sc, v, unit_e, unit_e, u, jn, has_scale)
        if rs_start is not None and q is None:
            r = range_with_units(sc, jn, rs_start, end, v, kind, u, ns, ne, unit_s, unit_e)
            if r is not None:
                return r
    if q is None:
        qual, start, end, jn = _with_post_qualifier(sc, jn, rs_start, qual, start, end)
    m = sc.mk(start, end, "NUMBER", v, kind, u, qual, ns=ns, ne=ne, us=unit_s, ue=unit_e)
    if sc.phrase_before(i, "multiplier_cue") is not None:
        # 'gấp 3 lần' is a multiplier, not a stated amount
        m = dataclasses.replace(m, kind="multiplier", is_quantity=False)
    return [m], jn


def dimensions(sc: Scan, i: int):
    """'kích thước 12x4x2 cm': each side is a measure in the unit that closes the size
    (after a size word: 'tiếp sức 4x400 m' is a relay)."""
    t = sc.t
    m = DIMENSIONS_RE.match(sc.text, t.starts[i])
    if m is None or not any(sc.phrase_before(k, "size_cue") for k in range(i, max(0, i - 5), -1)):
        return None
    unit = unit_at(sc, sc.tok_index_at(m.end(), i), generic=False)
    if unit is None or unit[0] != "measure" or sc.text[m.end() : unit[2]].strip():
        return None
    sides = list(DIM_SIDE_RE.finditer(sc.text, m.start(), m.end()))
    values = [parse_digits(x.group()) for x in sides]
    if any(v is None for v in values):
        return None
    kind, u, us, ue, jn = unit
    out = [sc.mk(x.start(), x.end(), "NUMBER", v, kind, u, "exact", ns=x.start(), ne=x.end())
           for x, v in zip(sides[:-1], values)]
    last = sides[-1]
    out.append(sc.mk(last.start(), ue, "NUMBER", values[-1], kind, u, "exact", ns=last.start(), ne=last.end(), us=us, ue=ue))
    return out, jn


def height(sc: Scan, i: int):
    """'cao 1m74': 1,74 m."""
    m = HEIGHT_RE.match(sc.text, sc.t.starts[i])
    if m is None:
        return None
    v = int(m.group(1)) + int(m.group(2)) / 100
    return [sc.mk(m.start(), m.end(), "NUMBER", v, "measure", "m", "exact", ns=m.start(), ne=m.end())], sc.tok_index_at(m.end(), i)


def kilo(sc: Scan, i: int):
    """'632k lượt yêu thích', 'hơn 3,9k bình luận': thousands, when a counted noun
    follows (a quoted '5K' is a name)."""
    t = sc.t
    m = KILO_RE.match(sc.text, t.starts[i])
    if m is None:
        return None
    v = parse_digits(m.group()[:-1])
    j = sc.tok_index_at(m.end(), i)
    unit = unit_at(sc, j)
    if v is None or unit is None or unit[0] != "count" or sc.text[m.end() : unit[2]] != " ":
        return None
    q, qs = sc.qualifier_before(i)
    return finish(sc, i, j, v * 1000, t.starts[i], m.end(), q, qs, has_scale=True)
