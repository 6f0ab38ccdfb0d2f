"""Rule: the unit after a number (what it counts or measures).

With the word segmentation, a counted noun is the whole next word token
(``kiểm lâm viên``); a longer non-count unit of ``number_units.tsv`` may span
several tokens (``38 độ C``).  Without it, the longest unit of the lexicon, or
else the next syllable.  Money, percent and measures get their canonical form
(``VNĐ`` -> ``đồng``, ``m²`` -> ``m2``).

A unit is ``(kind, unit, unit_start, unit_end, next_token)``.
"""
from __future__ import annotations

from .context import P, W, Scan
from .lexicon import NOT_AFTER_DONG, NUMWORDS, STOP, UNITS, UNITS_EXACT_CASE, nfc_lower, unit_key
from .patterns import QUOTES, UNIT_RE


def _dong_blocked(sc: Scan, end: int) -> bool:
    """'đồng' followed by 'chí', 'thời'...: not the currency."""
    return sc.word_is(sc.first_token_from(end), NOT_AFTER_DONG)


def _mk_unit(sc: Scan, info, surface, s, e, j):
    kind, canon = info
    cases = UNITS_EXACT_CASE.get(nfc_lower(surface))
    if cases is not None and surface not in cases:
        return None
    unit = canon if canon else " ".join(surface.split())
    return (kind, unit, s, e, sc.tok_index_at(e, j))


def _known(sc: Scan, key, info, surface, s, e, j):
    if key == "đồng" and _dong_blocked(sc, e):
        return None
    return _mk_unit(sc, info, surface, s, e, j)


def _skip_opening_quote(sc: Scan, j: int) -> int:
    """164 “Cộng đồng học tập”: the unit is inside the quotes."""
    t = sc.t
    if (t.types[j] == P and t.texts[j] in QUOTES and j + 1 < t.n and not t.nl[j + 1]
            and t.texts[j] not in "”’»" and t.types[j + 1] == W):
        return j + 1
    return j


def _segmented_unit(sc: Scan, j: int, m, we: int, generic: bool):
    """The unit when a word token starts at token j and ends at ``we``."""
    t, text = sc.t, sc.text
    pos = t.starts[j]
    cand = text[pos:we]
    key = unit_key(cand)
    info = UNITS.get(key)
    if m is not None and m.end() > we:
        # a longer non-count unit over several word tokens: '38 độ C'
        minfo = UNITS.get(unit_key(m.group()))
        if minfo is not None and minfo[0] != "count" and m.end() in sc.word_ends:
            info, key, we, cand = minfo, unit_key(m.group()), m.end(), m.group()
    if info is None and m is not None and (m.end() == we or text[m.end() : m.end() + 1].isspace()):
        key = unit_key(m.group())
        info = UNITS.get(key)
        we = m.end() if info else we
        cand = text[pos:we]
    if info is not None:
        return _known(sc, key, info, cand, pos, we, j)
    first = key.split(" ")[0] if key else ""
    if (generic and t.types[j] == W and key not in STOP and first not in STOP
            and first not in NUMWORDS and not key[:1].isdigit()):
        return ("count", cand, pos, we, sc.tok_index_at(we, j))
    return None


def unit_at(sc: Scan, j: int, generic: bool = True):
    """Unit at token j -> (kind, unit, ustart, uend, next_j) or None.

    ``generic``: any other word is a counted noun too (else only the lexicon's units).
    """
    t, text = sc.t, sc.text
    if j >= t.n:
        return None
    j = _skip_opening_quote(sc, j)
    if t.nl[j] and t.types[j] != P:
        return None
    pos = t.starts[j]
    m = UNIT_RE.match(text, pos)
    if sc.word_at is not None:
        we = sc.word_at.get(pos)
        if we is not None:
            return _segmented_unit(sc, j, m, we, generic)
    if m is not None:
        key = unit_key(m.group())
        info = UNITS.get(key)
        if info is not None:
            return _known(sc, key, info, m.group(), pos, m.end(), j)
    if generic and t.types[j] == W:
        lw = t.lowers[j]
        if lw in STOP or lw in NUMWORDS:
            return None
        return ("count", t.texts[j], pos, t.ends[j], j + 1)
    return None


def fraction_unit(sc: Scan, j: int):
    """'tổng kinh phí', 'tổng số đại biểu' after a fraction."""
    t = sc.t
    if j < t.n and t.types[j] == W and t.lowers[j] in ("tổng", "số"):
        k = j + 1
        if t.lowers[j] == "tổng" and k < t.n and t.types[k] == W and t.lowers[k] == "số":
            k += 1
        nxt = unit_at(sc, k) if k < t.n else None
        if nxt is not None and nxt[0] == "count":
            return ("count", " ".join(sc.text[t.starts[j] : nxt[3]].split()), t.starts[j], nxt[3], nxt[4])
        return ("count", " ".join(sc.text[t.starts[j] : t.ends[k - 1]].split()), t.starts[j], t.ends[k - 1], k)
    return unit_at(sc, j)
