"""Every regular expression of the number scanner, compiled once here.

``D`` is a digit, ``DC`` a digit inside a character class: ASCII digits only.
``regex`` knows digits of newer Unicode versions than Python's ``int()`` (U+11DE0
is ``\\d`` to one and no digit to the other); no Vietnamese text writes numbers
in other scripts, so other digits are plain characters here (issue 12).
"""
from __future__ import annotations

import regex

from .lexicon import UNITS

D = "[0-9]"
DC = "0-9"
_NOT_WORD = rf"(?![\p{{L}}\p{{M}}{DC}])"

#: tokens: a digit string with separators, a run of letters, any other character
TOKEN_RE = regex.compile(rf"({D}+(?:[.,]{D}+)*)|([\p{{L}}\p{{M}}]+)|(\S)")
DIGITS_RE = regex.compile(rf"{D}+(?:[.,]{D}+)*")
#: document numbers with letters: 10/CĐ-UBND, 71-NQ/TW
DOCID_RE = regex.compile(
    rf"{D}+(?:[/.\-]{D}+)*(?:\s?[/\-]\s?\p{{Lu}}[\p{{L}}\p{{M}}{DC}&]*)(?:[/.\-][\p{{L}}\p{{M}}{DC}&]+)*{_NOT_WORD}"
)
PHONE_RE = regex.compile(rf"(?:\+84|0){D}{{1,3}}(?:[ .\-]?{D}{{2,4}}){{2,4}}(?!{D})")
#: 12h, 16h00, 8:30, 8 giờ 30 phút
TIME_RE = regex.compile(
    rf"({D}{{1,2}})(?:(h|g)({D}{{2}})?|:({D}{{2}}))(?:'|p(?![\p{{L}}]))?{_NOT_WORD}"
    rf"|({D}{{1,2}})\s+giờ(?:\s+({D}{{1,2}})(?:\s+phút)?)?{_NOT_WORD}"
)
FULLDATE_RE = regex.compile(rf"({D}{{1,2}})([/.\-])({D}{{1,2}})\2({D}{{4}})(?!{D})")
DAYRANGE_RE = regex.compile(rf"({D}{{1,2}})\s?[-–]\s?({D}{{1,2}})/({D}{{1,2}})(?:/({D}{{4}}))?(?![{DC}])")
YEARRANGE_RE = regex.compile(
    rf"({D}{{4}})(?:\s*[-–—/]\s*|\s+(?:đến|tới)\s+(?:năm\s+)?)({D}{{4}})(?![{DC}])"
)
MONTHYEAR_RE = regex.compile(rf"({D}{{1,2}})\s?/\s?({D}{{4}})(?![{DC}])")
SLASH_RE = regex.compile(rf"({D}{{1,4}})/({D}{{1,4}})(?!{D})(?!/{D})")
DASHDATE_RE = regex.compile(rf"({D}{{1,2}})[-.]({D}{{1,2}})(?![{DC}])(?![.,]{D})")
#: 28 tháng 4, 28 tháng 4 năm 2021, 28 tháng 4/2021
WORDDATE_RE = regex.compile(
    rf"({D}{{1,2}})\s+tháng\s+({D}{{1,2}})(?:(?:\s*,\s*|\s+)năm\s+({D}{{4}})|\s*/\s*({D}{{4}}))?(?![{DC}])",
    regex.IGNORECASE,
)
MONTHWORD_RE = regex.compile(rf"({D}{{1,2}})(?:\s+năm\s+({D}{{4}}))?(?![{DC}/])", regex.IGNORECASE)
#: after the year of 'năm 2020': a second year, of a period ('5 năm 2020-2025') or a
#: list ('2 năm 2019 và 2020'): then 'năm' is the unit of the number before it
YEAR_LINK_RE = regex.compile(rf"\s*(?:[-–/]\s*{D}|(?:đến|tới)\s)|(?:\s*,\s*|\s+và\s+){D}{{4}}")
#: after the day of 'ngày 27': the month ('ngày 27/4', 'ngày 27-4', 'ngày 27 tháng 4')
DAY_LINK_RE = regex.compile(rf"[/.\-]{D}|\s+tháng\s+{D}", regex.IGNORECASE)
#: a height written '1m74' (1,74 m)
HEIGHT_RE = regex.compile(rf"({D})m({D}{{2}})(?![\p{{L}}\p{{M}}{DC}])")
#: thousands written with a glued 'k': '632k lượt xem', '3,9k'
KILO_RE = regex.compile(rf"{D}+(?:,{D}+)?[kK](?![\p{{L}}\p{{M}}{DC}])")
#: 'x' between the sides of a size: '12x4x2 cm', '3 x 4 m'
DIMENSIONS_RE = regex.compile(rf"{D}+(?:,{D}+)?(?:\s?[x×]\s?{D}+(?:,{D}+)?){{1,2}}(?![{DC}.,])")
DIM_SIDE_RE = regex.compile(rf"{D}+(?:,{D}+)?")
#: between a measure and its conversion in brackets: '900lb (~410kg)', '5 dặm (khoảng 8 km)'
CONVERSION_GAP_RE = regex.compile(r"\s*\(\s*(?:~|≈|khoảng|tương đương|gần|xấp xỉ|hơn)?\s*$", regex.IGNORECASE)
#: between the items of a list: 'hai Đảng, hai nước và hai Bộ'
LIST_JOIN_RE = regex.compile(r"\s*(?:,|và|hoặc)\s*")
#: the year after a quarter: 'quý I/2021', 'quý 2 năm 2020'
QUARTER_YEAR_RE = regex.compile(rf"\s*/\s*({D}{{4}})(?!{D})|\s+năm\s+({D}{{4}})(?!{D})", regex.IGNORECASE)
#: a score: '2-1', '3 - 0'
SCORE_RE = regex.compile(rf"{D}{{1,3}}\s?[-–]\s?{D}{{1,3}}(?![{DC}]|[/.,]{D})")
#: an English ordinal: '18th', '1st'
EN_ORDINAL_RE = regex.compile(rf"({D}{{1,4}})(?:st|nd|rd|th)(?![\p{{L}}\p{{M}}{DC}])")
ROMAN_RE = regex.compile(r"[IVXLC]+")
SENT_END_RE = regex.compile(r"[.!?](?:\s|$)|\n")


def _unit_regex() -> regex.Pattern:
    alts = []
    for surface in sorted(UNITS, key=len, reverse=True):
        parts = [regex.escape(p) for p in surface.split(" ")]
        alts.append(r"\s+".join(parts))
    return regex.compile(r"(?:" + "|".join(alts) + rf"){_NOT_WORD}", regex.IGNORECASE | regex.V0)


#: every unit of number_units.tsv, longest first, ending at a word boundary
UNIT_RE = _unit_regex()

SENT_PUNCT = frozenset('.!?:;…"“”(-–—•')
QUOTES = frozenset('"“”‘’\'«»')
RANGE_PUNCT = frozenset("-–—")
