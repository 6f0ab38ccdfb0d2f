"""Rule: the unit after a number (what it counts or measures).

With the word segmentation, a counted noun is the whole next word token
(``kiểm lâm viên``); a longer non-count unit of ``number_units.tsv`` may span
several tokens (``38 độ C``).  Without it, the longest unit of the lexicon, or
else the next syllable.  Money, percent and measures get their canonical form
(``VNĐ`` -> ``đồng``, ``m²`` -> ``m2``).

A unit is ``(kind, unit, unit_start, unit_end, next_token)``.
"""
from __future__ import annotations

from .context import N, P, W, Scan
from .lexicon import NOT_AFTER_DONG, NUMWORDS, STOP, UNITS, UNITS_EXACT_CASE, compound_words, nfc_lower, unit_key
from .patterns import DAY_LINK_RE, QUOTES, UNIT_RE, YEAR_LINK_RE


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
        if " " not in key:
            we = _whole_word(sc, j, we)
        return ("count", text[pos:we], pos, we, sc.tok_index_at(we, j))
    return None


def _whole_word(sc: Scan, j: int, we: int) -> int:
    """End of the longest dictionary word that starts with the one-syllable word at
    token j and runs over the next lowercase syllables ('thủy' + 'điện')."""
    t = sc.t
    best = we
    k = j + 1
    while k < t.n and k <= j + 3 and t.types[k] == W and not t.nl[k] and t.texts[k].islower():
        if unit_key(sc.text[t.starts[j] : t.ends[k]]) in compound_words():
            best = t.ends[k]
        k += 1
    return best


def _opens_date(sc: Scan, unit: str, j: int) -> bool:
    """'năm 2019', 'ngày 27/4': the calendar word of the date that follows, not
    the unit of the number before it ('hạng 3 năm 2019', 'số 559 ngày 27/4/2021')."""
    t, text = sc.t, sc.text
    if j >= t.n or t.types[j] != N or t.nl[j]:
        return False
    e = t.ends[j]
    if unit == "năm":
        return len(t.texts[j]) == 4 and 1000 <= int(t.texts[j]) <= 2200 and not YEAR_LINK_RE.match(text, e)
    return unit == "ngày" and len(t.texts[j]) <= 2 and bool(DAY_LINK_RE.match(text, e))


def unit_at(sc: Scan, j: int, generic: bool = True):
    """Unit at token j -> (kind, unit, ustart, uend, next_j) or None.

    ``generic``: any other word is a counted noun too (else only the lexicon's units).
    """
    u = _unit_at(sc, j, generic)
    if u is not None and u[0] == "duration" and _opens_date(sc, nfc_lower(u[1]), u[4]):
        return None
    return u


def _unit_at(sc: Scan, j: int, generic: bool):
    t, text = sc.t, sc.text
    if j >= t.n:
        return None
    j = _skip_opening_quote(sc, j)
    if t.nl[j] and t.types[j] != P:
        return None
    pos = t.starts[j]
    m = UNIT_RE.match(text, pos)
    stop = sc.phrase_at(j, "stop")
    if stop is not None and (m is None or t.ends[stop[1] - 1] >= m.end()):
        return None  # 'lần lượt' is no 'lần'; 'bị cáo' stays a unit
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
