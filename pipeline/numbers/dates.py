"""Rules: dates, months, years, periods and times of day (label ``DATE``).

ISO values (``iso``): date ``YYYY-MM-DD`` (year from the text, else from the
document date, else ``--MM-DD``); month ``YYYY-MM`` (or ``--MM``); year ``YYYY``;
school year / period ``YYYY/YYYY``; day range ``YYYY-MM-DD/YYYY-MM-DD``; time ``THH:MM``.
The span includes the calendar word (``ngày``, ``tháng``, ``năm``, ``năm học``)
but not time-of-day words (``sáng``) nor ``giai đoạn``/``nhiệm kỳ``/``từ``.
"""
from __future__ import annotations

from .context import W, Scan
from .identifiers import ident_span, separator_after
from .patterns import (
    QUARTER_YEAR_RE, DASHDATE_RE, DAYRANGE_RE, FULLDATE_RE, MONTHWORD_RE, MONTHYEAR_RE, TIME_RE, WORDDATE_RE, YEARRANGE_RE,
)
from .lexicon import NUMWORDS
from .numerals import collect
from .units import unit_at


def _valid(d, m) -> bool:
    return 1 <= d <= 31 and 1 <= m <= 12


def _day_part_after(sc: Scan, pos: int):
    """'10 giờ tối': the part of the day that follows -> (below, from) or None: 12 is
    added to hours in ``from <= h < below`` ('chiều': 12, 'đêm': 12-6)."""
    r = sc.phrase_at(sc.first_token_from(pos), "day_part")
    if r is None:
        return None
    below, _, low = r[0].partition("-")
    return int(below or 0), int(low or 0)


def time_of_day(sc: Scan, i: int):
    """12h, 16h00, 8:30, lúc 8 giờ, 10 giờ tối, 8 giờ 30 phút ('8 giờ' alone is a duration)."""
    t, text = sc.t, sc.text
    e = t.ends[i]
    nc = text[e : e + 1]
    if not (nc and (nc in "hg:" or (nc == " " and text.startswith("giờ", e + 1)))):
        return None
    m = TIME_RE.match(text, t.starts[i])
    if not m:
        return None
    if m.group(1) is not None:
        hh, mm = int(m.group(1)), m.group(3) or m.group(4)
        if m.group(2) == "g" and not mm:
            return None
    else:
        hh, mm = int(m.group(5)), m.group(6)
        part = _day_part_after(sc, m.end())
        if mm is None and sc.phrase_before(i, "time_cue") is None and part is None:
            return None
        if part is not None and part[1] <= hh < part[0]:
            hh += 12
    mm = int(mm) if mm else 0
    if hh > 24 or mm > 59:
        return None
    s = t.starts[i]
    return [sc.date(s, m.end(), "time", f"T{hh:02d}:{mm:02d}", s, m.end())], sc.tok_index_at(m.end(), i)


def separated(sc: Scan, i: int) -> bool:
    """The digits at token i carry a separator ('28/4', '4-2', '14.3') or start 'YYYY đến'."""
    t, text = sc.t, sc.text
    tx, e = t.texts[i], t.ends[i]
    if separator_after(sc, i) or "." in tx:
        return True
    return len(tx) == 4 and text[e : e + 1] == " " and text.startswith(("đến ", "tới "), e + 1)


def full_date(sc: Scan, i: int):
    """28/4/2021, 28-02-2021, 28.02.2021."""
    s = sc.t.starts[i]
    m = FULLDATE_RE.match(sc.text, s) if separated(sc, i) else None
    if not m:
        return None
    d, mo, y = int(m.group(1)), int(m.group(3)), int(m.group(4))
    if not _valid(d, mo):
        return None
    st = sc.cue_start(i, "day_word", s)
    return [sc.date(st, m.end(), "date", sc.date_iso(d, mo, y), s, m.end())], sc.tok_index_at(m.end(), i)


def day_range(sc: Scan, i: int):
    """16-19/4, 16 - 19/4/2021."""
    s = sc.t.starts[i]
    m = DAYRANGE_RE.match(sc.text, s) if separated(sc, i) else None
    if not m:
        return None
    d1, d2, mo = int(m.group(1)), int(m.group(2)), int(m.group(3))
    y = int(m.group(4)) if m.group(4) else None
    if not (1 <= d1 < d2 <= 31 and 1 <= mo <= 12):
        return None
    st = sc.cue_start(i, "day_word", s)
    iso = sc.date_iso(d1, mo, y) + "/" + sc.date_iso(d2, mo, y)
    return [sc.date(st, m.end(), "period", iso, s, m.end())], sc.tok_index_at(m.end(), i)


def year_range(sc: Scan, i: int):
    """năm học 2024-2025 (school_year), 2020 - 2025, 2016 đến 2020 (period)."""
    t = sc.t
    s = t.starts[i]
    m = YEARRANGE_RE.match(sc.text, s) if separated(sc, i) else None
    if not m:
        return None
    y1, y2 = int(m.group(1)), int(m.group(2))
    if not 1000 <= y1 < y2 <= 2200:
        return None
    sy = sc.phrase_before(i, "school_year_cue")
    if sy is not None and t.starts[sy[1]] >= sc.floor:
        st, kind = t.starts[sy[1]], "school_year"
    else:
        st, kind = sc.cue_start(i, "year_cue", s), "period"
    return [sc.date(st, m.end(), kind, f"{y1}/{y2}", s, m.end())], sc.tok_index_at(m.end(), i)


def month_year(sc: Scan, i: int):
    """tháng 4/2021, 11/2019; else a number like 71/2025 is a document number."""
    s = sc.t.starts[i]
    m = MONTHYEAR_RE.match(sc.text, s) if separated(sc, i) else None
    if not m:
        return None
    mo, y = int(m.group(1)), int(m.group(2))
    j = sc.tok_index_at(m.end(), i)
    mc = sc.cue_start(i, "month_cue")
    if mc is not None and 1 <= mo <= 12:
        return [sc.date(mc, m.end(), "month", f"{y:04d}-{mo:02d}", s, m.end())], j
    if 1 <= mo <= 12 and 1900 <= y <= 2200 and not sc.id_context(i):
        return [sc.date(s, m.end(), "month", f"{y:04d}-{mo:02d}", s, m.end())], j
    return ident_span(sc, i, s, m.end(), sc.t.texts[i])


def _in_date_range(sc: Scan, i: int, end: int) -> bool:
    """'từ 30-4 đến 3-5': the first after 'từ' with a day-month after 'đến', or the
    second after 'đến' when a date went before."""
    t = sc.t
    k = sc.first_token_from(end)
    if sc.phrase_before(i, "range_start") is not None and sc.word_is(k, ("đến", "tới")):
        m = DASHDATE_RE.match(sc.text, t.starts[k + 1]) if k + 1 < t.n else None
        return m is not None and _valid(int(m.group(1)), int(m.group(2)))
    prev = sc.out[-1] if sc.out else None
    return (i > 0 and t.types[i - 1] == W and t.lowers[i - 1] in ("đến", "tới") and prev is not None
            and prev.label == "DATE" and prev.kind == "date" and sc.first_token_from(prev.end) == i - 1)


def dash_date(sc: Scan, i: int):
    """Ngày 4-2, (4.2), 26.2 after a date cue; 'từ 30-4 đến 3-5'."""
    s = sc.t.starts[i]
    m = DASHDATE_RE.match(sc.text, s) if separated(sc, i) else None
    if not m:
        return None
    d, mo = int(m.group(1)), int(m.group(2))
    if not (_valid(d, mo) and (sc.has_date_cue(i) or _in_date_range(sc, i, m.end()))):
        return None
    st = sc.cue_start(i, "day_word", s)
    return [sc.date(st, m.end(), "date", sc.date_iso(d, mo, None), s, m.end())], sc.tok_index_at(m.end(), i)


def _word_date(sc: Scan, i: int, v: int):
    """28 tháng 4 (năm 2021)."""
    s = sc.t.starts[i]
    m = WORDDATE_RE.match(sc.text, s) if 1 <= v <= 31 else None
    if not m:
        return None
    d, mo = int(m.group(1)), int(m.group(2))
    y = m.group(3) or m.group(4)
    if not 1 <= mo <= 12:
        return None
    st = sc.cue_start(i, "day_word", s)
    iso = sc.date_iso(d, mo, int(y) if y else None)
    return [sc.date(st, m.end(), "date", iso, s, m.end())], sc.tok_index_at(m.end(), i)


def _month_word(sc: Scan, i: int, v: int):
    """tháng 4, tháng 3 năm 2022."""
    mc = sc.cue_start(i, "month_cue")
    if mc is None or not 1 <= v <= 12:
        return None
    t, s = sc.t, sc.t.starts[i]
    m = MONTHWORD_RE.match(sc.text, s)
    y = int(m.group(2)) if m and m.group(2) else None
    e = m.end() if m else t.ends[i]
    return [sc.date(mc, e, "month", sc.date_iso(None, v, y), s, e)], sc.tok_index_at(e, i)


def _year_word(sc: Scan, i: int, v: int, j: int):
    """năm 2021, SN 1997; 'năm 3' (a school year's third) is an ordinal, 'năm 12 tuổi'
    an age."""
    yc = sc.cue_start(i, "year_cue")
    if yc is None:
        return None
    t, s = sc.t, sc.t.starts[i]
    if 1000 <= v <= 2200:
        return [sc.date(yc, t.ends[i], "year", f"{v:04d}", s, t.ends[i])], i + 1
    if t.lowers[sc.phrase_before(i, "year_cue")[1]] == "năm" and unit_at(sc, j, generic=False) is None:
        return [sc.mk(yc, t.ends[i], "NUMBER", v, "ordinal", None, "exact", ns=s, ne=t.ends[i])], i + 1
    return None


def _day_word(sc: Scan, i: int, v: int, j: int):
    """ngày 15 (no month)."""
    dc = sc.cue_start(i, "day_word")
    if dc is not None and 1 <= v <= 31 and unit_at(sc, j, generic=False) is None:
        t = sc.t
        return [sc.date(dc, t.ends[i], "date", None, t.starts[i], t.ends[i])], i + 1
    return None


def calendar(sc: Scan, i: int, v: int, j: int):
    """A plain integer after or before a calendar word: 'ngày 28 tháng 4 năm 2021',
    'tháng 4', 'năm 2021', 'SN 1997', 'ngày 15'."""
    return _word_date(sc, i, v) or _month_word(sc, i, v) or _year_word(sc, i, v, j) or _day_word(sc, i, v, j)


def quarter(sc: Scan, i: int, v: int | None = None):
    """'quý I/2021', 'quý 2 năm 2020': the months of a quarter (period)."""
    t = sc.t
    if v is None:
        if not (t.texts[i].isdigit() and len(t.texts[i]) == 1):
            return None
        v = int(t.texts[i])
    cue = sc.phrase_before(i, "ordinal_cue")
    if cue is None or t.lowers[cue[1]] != "quý" or not 1 <= v <= 4 or t.starts[cue[1]] < sc.floor:
        return None
    m = QUARTER_YEAR_RE.match(sc.text, t.ends[i])
    if m is None:
        return None
    y = int(m.group(1) or m.group(2))
    iso = f"{y:04d}-{3 * v - 2:02d}/{y:04d}-{3 * v:02d}"
    return [sc.date(t.starts[cue[1]], m.end(), "period", iso, t.starts[i], m.end())], sc.tok_index_at(m.end(), i)


def _month_in_words(sc: Scan, j: int):
    """'tháng ba' at token j -> (month, end, next) or None."""
    t = sc.t
    if j >= t.n or t.types[j] != W or t.lowers[j] != "tháng" or j + 1 >= t.n or t.nl[j + 1]:
        return None
    col = collect(sc, j + 1)
    if col is None or len(col[3]) != 1 or not (isinstance(col[0], int) and 1 <= col[0] <= 12):
        return None
    return col[0], t.ends[col[1] - 1], col[1]


def date_in_words(sc: Scan, i: int):
    """'mồng mười tháng ba' (a day, perhaps with its month), 'tháng Hai' (a month)."""
    t = sc.t
    if t.lowers[i] not in NUMWORDS:
        return None
    day = sc.phrase_before(i, "day_word")
    if day is not None and t.lowers[day[1]] in ("mồng", "mùng"):
        col = collect(sc, i)
        if col is None or not (isinstance(col[0], int) and 1 <= col[0] <= 31):
            return None
        month = _month_in_words(sc, col[1])
        end, nxt = (month[1], month[2]) if month else (t.ends[col[1] - 1], col[1])
        iso = sc.date_iso(col[0], month[0], None) if month else None
        return [sc.date(t.starts[day[1]], end, "date", iso, t.starts[i], end)], nxt
    month = _month_in_words(sc, i - 1) if i > 0 and sc.cue_start(i, "month_cue") is not None else None
    if month is None:
        return None
    return [sc.date(t.starts[i - 1], month[1], "month", sc.date_iso(None, month[0], None), t.starts[i], month[1])], month[2]
