"""Recognizer of Vietnamese numeric expressions and dates.

Pure Python (``regex`` only); the spaCy wrapper lives elsewhere.

Public API
----------
``parse_digits(s)``        digits with Vietnamese separators -> int/float
``parse_number_words(s)``  number words (and digit/word mixtures) -> int/float
``find_numbers(text, words=None, doc_date=None)`` -> list[NumberMatch]

Conventions
-----------
Separators (``parse_digits``):
  * ``,`` is the decimal comma (``1,5`` = 1.5, ``155,1``, ``0,25``, also ``1,500`` = 1.5)
    unless there are several commas in 3-digit groups (``1,234,567``).
  * ``.`` is the thousands separator when every group after it has exactly 3 digits
    (``20.000``, ``1.500``, ``1.234.567``); a single ``.`` followed by 1, 2 or 4+ digits
    is a decimal point (``1.5``, ``4.0``, ``1.25``).
  * When both appear, the last one is the decimal separator (``1.234,5`` / ``1,234.5``).
  * Result is an ``int`` when no decimal separator was used, else a ``float``.

Spans: ``start:end`` covers qualifier word(s) (``hơn``, ``không quá``), the numeral,
multiplier words (``triệu``, ``tỷ``) and the unit.  For DATEs the span includes the
calendar word (``ngày``, ``tháng``, ``năm``, ``năm học``) but not time-of-day words
(``sáng``) nor ``giai đoạn``/``nhiệm kỳ``/``từ``.  Ordinals include their cue
(``lần thứ 8``, ``khóa XV``).  Ranges give two matches: ``từ 5`` (at_least) and
``đến 7 người`` (at_most).

ISO values of DATEs (``iso``):
  * date ``YYYY-MM-DD`` (year from the text, else from ``doc_date``, else ``--MM-DD``)
  * month ``YYYY-MM`` (or ``--MM``), year ``YYYY``
  * school_year / year period ``YYYY/YYYY``; day range ``YYYY-MM-DD/YYYY-MM-DD``
  * time ``THH:MM``

Units: counted nouns as printed (``học sinh``, ``trường``); money, percent and
measures canonical (``VNĐ`` -> ``đồng``, ``m²`` -> ``m2``, ``%``); durations and ages
(``năm``, ``tháng``, ``tuổi``); rates keep their 'per' part (``đồng/lít``, ``%/năm``).
With ``words`` (word-segmentation spans) a counted noun is the whole next word token
(``kiểm lâm viên``); without, the longest entry of ``number_units.tsv`` or else the
next syllable.

Kinds: NUMBER ``count``, ``percent``, ``money``, ``measure``, ``age``, ``duration``,
``fraction`` (``1/10 tổng kinh phí`` = 0.1, ``quá nửa`` = 0.5), ``ordinal``,
``identifier`` (document numbers, numbers inside names, phone numbers) and
``multiplier`` (``gấp 3 lần``); DATE ``date``, ``month``, ``year``, ``school_year``,
``period``, ``time``.  ``a/b`` before a counted noun is "a of b" (``83/83 xã`` and
``8/10 tiêu chí`` count a).  ``is_quantity`` is True for the first seven kinds when
a unit is known; digit numbers with no unit are emitted as ``count`` with unit None
(no quantity).  Not emitted at all: the article ``một`` (``một trường học``) and
vague amounts (``hàng trăm``, ``vài chục``); number words without unit, qualifier or
multiplier.  A unit-less count followed by ``có/được/là``... borrows the counted
noun of the previous count in the sentence (``690 đơn vị ..., trong đó có 240 được
công nhận``), and ``3 trong 9 người`` gives 3 người.

Text is expected in NFC (other forms work for number words, less well for units).

Data (loaded once from ``pipeline/data``): ``number_words.tsv``,
``number_units.tsv``, ``number_context.tsv``.
"""
from __future__ import annotations

import dataclasses
import unicodedata
from dataclasses import dataclass
from pathlib import Path

import regex

__all__ = ["NumberMatch", "parse_digits", "parse_number_words", "find_numbers"]

_DATA = Path(__file__).resolve().parent / "data"


@dataclass(frozen=True)
class NumberMatch:
    start: int
    end: int
    label: str  # 'NUMBER' | 'DATE'
    value: float | int | None
    kind: str
    unit: str | None
    qualifier: str
    iso: str | None = None
    number_start: int = -1
    number_end: int = -1
    unit_start: int = -1
    unit_end: int = -1
    is_quantity: bool = False


QUANTITY_KINDS = frozenset({"count", "percent", "money", "measure", "age", "duration", "fraction"})


# ----------------------------------------------------------------------------- data
def _nfc_lower(s: str) -> str:
    s = s.lower()
    if not s.isascii() and not unicodedata.is_normalized("NFC", s):
        s = unicodedata.normalize("NFC", s)
    return s


def _read_tsv(name: str) -> list[list[str]]:
    rows = []
    for line in (_DATA / name).read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        rows.append([p.strip() for p in line.split("\t")])
    return rows


_UNITS_EXACT_CASE: dict[str, set[str]] = {}


def _load():
    numwords: dict[str, tuple[str, float]] = {}
    for row in _read_tsv("number_words.tsv"):
        w, role, val = row[0], row[1], row[2]
        v = float(val)
        numwords[_nfc_lower(w)] = (role, int(v) if v.is_integer() else v)

    units: dict[str, tuple[str, str | None]] = {}
    exact_case: dict[str, str] = {}
    for row in _read_tsv("number_units.tsv"):
        surface, kind = row[0], row[1]
        canon = row[2] if len(row) > 2 and row[2] else None
        key = " ".join(_nfc_lower(surface).split())
        units[key] = (kind, canon)
        if surface.isascii() and len(surface) <= 3:
            exact_case.setdefault(key, set()).add(surface)  # 'm' is no 'M', 'MW' no 'mw'
    _UNITS_EXACT_CASE.update(exact_case)

    ctx: dict[str, dict[tuple[str, ...], str]] = {}
    for row in _read_tsv("number_context.tsv"):
        phrase, role = row[0], row[1]
        arg = row[2] if len(row) > 2 else ""
        ctx.setdefault(role, {})[tuple(_nfc_lower(phrase).split())] = arg
    return numwords, units, ctx


_NUMWORDS, _UNITS, _CTX = _load()


def _single(role: str) -> frozenset[str]:
    return frozenset(k[0] for k in _CTX.get(role, {}) if len(k) == 1)


_STOP = frozenset(" ".join(k) for k in _CTX.get("stop", {}))
_NOT_AFTER_DONG = _single("not_after_dong")
_NOT_BEFORE_DO = _single("not_before_do")
_NOT_ORDINAL_AFTER = _single("not_ordinal_after")
_VAGUE_BEFORE = _single("vague_before")
_NOT_FIVE_AFTER = _single("not_five_after")
_INHERIT_NEXT = _single("inherit_next")
_FLOAT_SKIP = _single("float_skip")
_MOT_NOUNS = frozenset(" ".join(k) for k in _CTX.get("mot_noun", {}))
_MAXPH = max(len(k) for d in _CTX.values() for k in d)
_LAST_WORDS = {role: frozenset(k[-1] for k in d) for role, d in _CTX.items()}
_FIRST_WORDS = {role: frozenset(k[0] for k in d) for role, d in _CTX.items()}


def _unit_regex() -> regex.Pattern:
    alts = []
    for surface in sorted(_UNITS, key=len, reverse=True):
        parts = [regex.escape(p) for p in surface.split(" ")]
        alts.append(r"\s+".join(parts))
    return regex.compile(
        r"(?:" + "|".join(alts) + r")(?![\p{L}\p{M}\d])", regex.IGNORECASE | regex.V0
    )


_UNIT_RE = _unit_regex()

# ----------------------------------------------------------------------------- regexes
_TOKEN_RE = regex.compile(r"(\d+(?:[.,]\d+)*)|([\p{L}\p{M}]+)|(\S)")
_DIGITS_RE = regex.compile(r"\d+(?:[.,]\d+)*")
_DOCID_RE = regex.compile(
    r"\d+(?:[/.\-]\d+)*(?:\s?[/\-]\s?\p{Lu}[\p{L}\p{M}\d&]*)(?:[/.\-][\p{L}\p{M}\d&]+)*(?![\p{L}\p{M}\d])"
)
_PHONE_RE = regex.compile(r"(?:\+84|0)\d{1,3}(?:[ .\-]?\d{2,4}){2,4}(?!\d)")
_TIME_RE = regex.compile(
    r"(\d{1,2})(?:(h|g)(\d{2})?|:(\d{2}))(?:'|p(?![\p{L}]))?(?![\p{L}\p{M}\d])"
    r"|(\d{1,2})\s+giờ(?:\s+(\d{1,2})(?:\s+phút)?)?(?![\p{L}\p{M}\d])"
)
_FULLDATE_RE = regex.compile(r"(\d{1,2})([/.\-])(\d{1,2})\2(\d{4})(?!\d)")
_DAYRANGE_RE = regex.compile(r"(\d{1,2})\s?[-–]\s?(\d{1,2})/(\d{1,2})(?:/(\d{4}))?(?![\d])")
_YEARRANGE_RE = regex.compile(r"(\d{4})(?:\s*[-–—/]\s*|\s+(?:đến|tới)\s+(?:năm\s+)?)(\d{4})(?![\d])")
_MONTHYEAR_RE = regex.compile(r"(\d{1,2})\s?/\s?(\d{4})(?![\d])")
_SLASH_RE = regex.compile(r"(\d{1,4})/(\d{1,4})(?!\d)(?!/\d)")
_DASHDATE_RE = regex.compile(r"(\d{1,2})[-.](\d{1,2})(?![\d])(?![.,]\d)")
_WORDDATE_RE = regex.compile(
    r"(\d{1,2})\s+tháng\s+(\d{1,2})(?:(?:\s*,\s*|\s+)năm\s+(\d{4})|\s*/\s*(\d{4}))?(?![\d])",
    regex.IGNORECASE,
)
_MONTHWORD_RE = regex.compile(r"(\d{1,2})(?:\s+năm\s+(\d{4}))?(?![\d/])", regex.IGNORECASE)
_ROMAN_RE = regex.compile(r"[IVXLC]+")
_SENT_END_RE = regex.compile(r"[.!?](?:\s|$)|\n")

_SENT_PUNCT = frozenset('.!?:;…"“”(-–—•')
_QUOTES = frozenset('"“”‘’\'«»')
_RANGE_PUNCT = frozenset("-–—")


# ----------------------------------------------------------------------------- parsing
def _num(v):
    """Normalize a numeric value: ints stay ints, integral floats become ints."""
    if isinstance(v, float):
        if abs(v) >= 1:
            v = round(v, 6)  # 1.9 * 1e9 -> 1900000000
        if v.is_integer():
            return int(v)
    return v


def parse_digits(s: str) -> float | int | None:
    """Parse a digit string with Vietnamese separators (see module docstring)."""
    s = s.strip()
    if not s or not _DIGITS_RE.fullmatch(s):
        return None
    if len(s) > 1000 or not all(c.isdecimal() or c in ".," for c in s):
        return None  # digits of a newer Unicode than int() knows (U+11DE0), or more than int() takes
    has_dot, has_comma = "." in s, "," in s
    if has_dot and has_comma:
        dec = "," if s.rfind(",") > s.rfind(".") else "."
        th = "." if dec == "," else ","
        intpart, _, frac = s.rpartition(dec)
        if th in frac or dec in intpart:
            return None
        groups = intpart.split(th)
        if not (1 <= len(groups[0]) <= 3) or any(len(g) != 3 for g in groups[1:]):
            return None
        return float("".join(groups) + "." + frac)
    if has_dot or has_comma:
        sep = "." if has_dot else ","
        groups = s.split(sep)
        if len(groups) > 2:
            if not (1 <= len(groups[0]) <= 3) or any(len(g) != 3 for g in groups[1:]):
                return None
            return int("".join(groups))
        a, b = groups
        if sep == "." and len(b) == 3:
            return int(a + b)
        return float(a + "." + b)
    return int(s)


def _parse_items(items: list[tuple[str, float]]):
    """Evaluate a numeral given as [(role, value), ...]; None if ill-formed.

    roles: digit, digit_inner, unit_after_tens, teen, tens, tens_word, zero_tens,
    hundred, scale, half, fraction, lit (a digit-string value).
    """
    if not items:
        return None
    groups: list[list[float]] = []  # [value, scale]
    h = t = u = pending = None
    last = None
    last_scale = None
    seen = False

    def small():
        return (h or 0) + (t or 0) + (u or 0) + (pending or 0)

    def has_small():
        return h is not None or t is not None or u is not None or pending is not None

    for role, val in items:
        seen = True
        if role == "lit":
            if last not in (None, "scale"):
                return None
            pending = val
            last = "lit"
        elif role == "fraction":
            if last is None:
                pending = val
            elif last == "digit" and pending == 1:  # một nửa
                pending = val
            else:
                return None
            last = "fraction"
        elif role in ("digit", "digit_inner", "unit_after_tens"):
            if last in (None, "scale", "hundred"):
                if last == "hundred" and role == "unit_after_tens":
                    return None
                if last is None and role == "unit_after_tens":
                    return None
                pending = val
                last = "digit"
            elif last in ("teen", "tens", "zero_tens"):
                if last == "zero_tens" and role == "unit_after_tens":
                    return None
                u = val
                last = "unit"
            elif last == "digit" and role == "unit_after_tens" and pending is not None and 1 <= pending <= 9 and t is None:
                t, u, pending = pending * 10, val, None  # hai mốt = 21
                last = "unit"
            else:
                return None
        elif role == "hundred":
            if h is not None or t is not None or u is not None:
                return None
            if pending is not None:
                if last not in ("digit", "lit") or (last == "lit" and pending >= 10):
                    return None
                h, pending = pending * 100, None
            elif last in (None, "scale"):
                h = 100
            else:
                return None
            last = "hundred"
        elif role == "teen":
            if pending is not None or t is not None or u is not None:
                return None
            t = 10
            last = "teen"
        elif role == "tens":
            if last != "digit" or pending is None or t is not None:
                return None
            t, pending = pending * 10, None
            last = "tens"
        elif role == "tens_word":
            if pending is not None or t is not None or u is not None:
                return None
            t = val
            last = "tens"
        elif role == "zero_tens":
            if t is not None or u is not None or pending is not None:
                return None
            if h is None and last != "scale" and not groups:
                return None
            t = 0
            last = "zero_tens"
        elif role == "scale":
            if last in ("zero_tens", "teen") and last == "zero_tens":
                return None
            v = small() if has_small() else 0
            lower = sum(g[0] for g in groups if g[1] < val)
            keep = [g for g in groups if g[1] > val]
            if any(g[1] == val for g in groups):
                return None
            if v == 0 and lower == 0:
                if groups or has_small():
                    return None
                v = 1  # bare 'triệu' = 1 000 000
            groups = keep + [[(lower + v) * val, val]]
            h = t = u = pending = None
            last = "scale"
            last_scale = val
        elif role == "half":
            if last == "scale":
                groups[-1][0] += last_scale * 0.5
            elif last == "hundred":
                h += 50
            else:
                return None
            last = "half"
        else:
            return None
    if not seen:
        return None
    if last == "zero_tens" or (last == "tens" and t is None):
        return None
    total = sum(g[0] for g in groups)
    if last == "digit" and pending is not None and len(items) >= 2:
        prev_role = items[-2][0]
        if prev_role == "scale" and last_scale and pending == int(pending):
            # 'hai nghìn ba' = 2300 (colloquial elision)
            return _num(total + pending * last_scale / 10)
        if prev_role == "hundred":
            return _num(total + h + pending * 10)  # 'hai trăm ba' = 230
    return _num(total + small())


def parse_number_words(s: str) -> int | float | None:
    """Parse Vietnamese number words, possibly mixed with digits.

    'hai nghìn' -> 2000, 'một trăm linh năm' -> 105, 'hai mươi mốt' -> 21,
    'mười lăm' -> 15, 'ba triệu rưỡi' -> 3500000, '1,5 triệu' -> 1500000.
    Lenient: 'năm' is accepted as 5 anywhere (find_numbers is stricter).
    """
    items = []
    for w in s.replace("-", " ").split():
        lw = _nfc_lower(w)
        info = _NUMWORDS.get(lw)
        if info is not None:
            items.append(info)
            continue
        v = parse_digits(w)
        if v is None:
            return None
        items.append(("lit", v))
    return _parse_items(items)


# ----------------------------------------------------------------------------- tokens
_N, _W, _P = 1, 2, 3  # token types: digits, word, other (punctuation)


class _Toks:
    """Tokens of the text: digit strings, letter runs, single other characters."""

    __slots__ = ("starts", "ends", "types", "texts", "lowers", "nl", "n")

    def __init__(self, text: str):
        ms = []
        first_of_line = []
        pos = 0
        L = len(text)
        while pos <= L:
            e = text.find("\n", pos)
            if e == -1:
                e = L
            first_of_line.append(len(ms))
            ms.extend(_TOKEN_RE.finditer(text, pos, e))
            pos = e + 1
        self.starts = [m.start() for m in ms]
        self.ends = [m.end() for m in ms]
        self.types = [m.lastindex for m in ms]
        self.texts = texts = [m.group() for m in ms]
        if text.isascii() or unicodedata.is_normalized("NFC", text):
            self.lowers = [x.lower() for x in texts]
        else:
            self.lowers = [_nfc_lower(x) for x in texts]
        self.n = n = len(ms)
        nl = [False] * n
        for k in first_of_line:
            if k < n:
                nl[k] = True
        self.nl = nl


def _is_upper_initial(s: str) -> bool:
    return s[:1].isupper()


class _Scanner:
    def __init__(self, text: str, words, doc_date):
        self.text = text
        self.t = _Toks(text)
        self.floor = 0
        self.out: list[NumberMatch] = []
        self.word_at = None
        self.word_ends = frozenset()
        if words:
            self.word_at = {s: e for s, e in words}
            self.word_ends = frozenset(e for _, e in words)
        self.doc_year = None
        if doc_date:
            try:
                self.doc_year = int(str(doc_date)[:4])
            except ValueError:
                self.doc_year = None

    # ------------------------------------------------------------ token helpers
    def tok_index_at(self, pos: int, j: int) -> int:
        """First token index >= j whose start >= pos."""
        t = self.t
        while j < t.n and t.starts[j] < pos:
            j += 1
        return j

    def sentence_initial(self, i: int) -> bool:
        t = self.t
        if i == 0 or t.nl[i]:
            return True
        return t.types[i - 1] == _P and t.texts[i - 1] in _SENT_PUNCT

    def phrase_before(self, i: int, role: str):
        """Longest phrase of role ending at token i-1 -> (arg, start_index) or None."""
        if i == 0 or self.t.lowers[i - 1] not in _LAST_WORDS.get(role, ()):
            return None
        table = _CTX[role]
        t = self.t
        for L in range(min(_MAXPH, i), 0, -1):
            k = i - L
            ok = True
            for x in range(k, i):
                if t.types[x] != _W or (x > k and t.nl[x]):
                    ok = False
                    break
            if not ok:
                continue
            key = tuple(t.lowers[k:i])
            if key in table:
                return table[key], k
        return None

    def phrase_at(self, j: int, role: str):
        """Longest phrase of role starting at token j -> (arg, end_index) or None."""
        if j >= self.t.n or self.t.lowers[j] not in _FIRST_WORDS.get(role, ()):
            return None
        table = _CTX[role]
        t = self.t
        for L in range(min(_MAXPH, t.n - j), 0, -1):
            ok = all(t.types[x] == _W and (x == j or not t.nl[x]) for x in range(j, j + L))
            if ok and tuple(t.lowers[j : j + L]) in table:
                return table[tuple(t.lowers[j : j + L])], j + L
        return None

    def qualifier_before(self, i: int):
        """-> (qualifier, start_char or None)."""
        t = self.t
        r = self.phrase_before(i, "qualifier")
        if r is not None:
            q, k = r
            if t.lowers[k] == "độ" and k > 0 and t.types[k - 1] == _W and t.lowers[k - 1] in _NOT_BEFORE_DO:
                r = None
            if r is not None:
                return q, t.starts[k]
        # floating qualifier: 'ít nhất phải chờ 5 năm'
        k = i
        for _ in range(3):
            if k > 0 and t.types[k - 1] == _W and t.lowers[k - 1] in _FLOAT_SKIP:
                k -= 1
                r = self.phrase_before(k, "float_qualifier")
                if r is not None:
                    return r[0], None
            else:
                break
        return None, None

    # ------------------------------------------------------------ units
    def unit_at(self, j: int, generic: bool = True):
        """Unit at token j -> (kind, unit, ustart, uend, next_j) or None."""
        t, text = self.t, self.text
        if j >= t.n:
            return None
        if t.types[j] == _P and t.texts[j] in _QUOTES and j + 1 < t.n and not t.nl[j + 1]:
            # skip an opening quote: 164 “Cộng đồng học tập”
            if t.texts[j] not in "”’»" and t.types[j + 1] == _W:
                j += 1
        if t.nl[j] and t.types[j] != _P:
            return None
        pos = t.starts[j]
        m = _UNIT_RE.match(text, pos)
        if self.word_at is not None:
            we = self.word_at.get(pos)
            if we is not None:
                cand = text[pos:we]
                key = " ".join(_nfc_lower(cand).split())
                info = _UNITS.get(key)
                if m is not None and m.end() > we:
                    # a longer non-count unit over several word tokens: '38 độ C'
                    minfo = _UNITS.get(" ".join(_nfc_lower(m.group()).split()))
                    if minfo is not None and minfo[0] != "count":
                        if m.end() in self.word_ends:
                            info, key, we, cand = minfo, " ".join(_nfc_lower(m.group()).split()), m.end(), m.group()
                if info is None and m is not None and (m.end() == we or text[m.end() : m.end() + 1].isspace()):
                    key = " ".join(_nfc_lower(m.group()).split())
                    info = _UNITS.get(key)
                    we = m.end() if info else we
                    cand = text[pos:we]
                if info is not None:
                    if key == "đồng" and self._dong_blocked(we):
                        return None
                    return self._mk_unit(info, cand, pos, we, j)
                first = key.split(" ")[0] if key else ""
                if (
                    generic
                    and t.types[j] == _W
                    and key not in _STOP
                    and first not in _STOP
                    and first not in _NUMWORDS
                    and not key[:1].isdigit()
                ):
                    return ("count", cand, pos, we, self.tok_index_at(we, j))
                return None
        if m is not None:
            key = " ".join(_nfc_lower(m.group()).split())
            info = _UNITS.get(key)
            if info is not None:
                if key == "đồng" and self._dong_blocked(m.end()):
                    return None
                return self._mk_unit(info, m.group(), pos, m.end(), j)
        if generic and t.types[j] == _W:
            lw = t.lowers[j]
            if lw in _STOP or lw in _NUMWORDS:
                return None
            return ("count", t.texts[j], pos, t.ends[j], j + 1)
        return None

    def _dong_blocked(self, end: int) -> bool:
        t = self.t
        j = self.first_token_from(end)
        return j < t.n and t.types[j] == _W and t.lowers[j] in _NOT_AFTER_DONG and not t.nl[j]

    def first_token_from(self, pos: int) -> int:
        """Index of the first token starting at or after pos (binary search)."""
        st = self.t.starts
        lo, hi = 0, len(st)
        while lo < hi:
            mid = (lo + hi) // 2
            if st[mid] < pos:
                lo = mid + 1
            else:
                hi = mid
        return lo

    def _mk_unit(self, info, surface, s, e, j):
        kind, canon = info
        cases = _UNITS_EXACT_CASE.get(_nfc_lower(surface))
        if cases is not None and surface not in cases:
            return None
        unit = canon if canon else " ".join(surface.split())
        return (kind, unit, s, e, self.tok_index_at(e, j))

    def fraction_unit(self, j: int):
        """'tổng kinh phí', 'tổng số đại biểu' after a fraction."""
        t = self.t
        if j < t.n and t.types[j] == _W and t.lowers[j] in ("tổng", "số"):
            k = j + 1
            if t.lowers[j] == "tổng" and k < t.n and t.types[k] == _W and t.lowers[k] == "số":
                k += 1
            nxt = self.unit_at(k) if k < t.n else None
            if nxt is not None and nxt[0] == "count":
                return ("count", " ".join(self.text[t.starts[j] : nxt[3]].split()), t.starts[j], nxt[3], nxt[4])
            return ("count", " ".join(self.text[t.starts[j] : t.ends[k - 1]].split()), t.starts[j], t.ends[k - 1], k)
        return self.unit_at(j)

    # ------------------------------------------------------------ numerals
    def collect(self, i: int):
        """Numeral starting at token i -> (value, j_after, has_scale, items) or None."""
        t = self.t
        items: list[tuple[str, float]] = []
        k = i
        while k < t.n:
            if k > i and t.nl[k]:
                break
            ty = t.types[k]
            prev_role = items[-1][0] if items else None
            nxt_role = None
            if k + 1 < t.n and t.types[k + 1] == _W and not t.nl[k + 1]:
                nx = _NUMWORDS.get(t.lowers[k + 1])
                nxt_role = nx[0] if nx else None
            if ty == _N:
                if k == i:
                    v = parse_digits(t.texts[k])
                    if v is None:
                        return None
                    items.append(("lit", v))
                elif prev_role == "scale" and nxt_role == "scale":
                    v = parse_digits(t.texts[k])
                    if v is None:
                        break
                    items.append(("lit", v))
                else:
                    break
            elif ty == _W:
                lw = t.lowers[k]
                info = _NUMWORDS.get(lw)
                if info is None:
                    break
                role = info[0]
                if k > i and _is_upper_initial(t.texts[k]):
                    break
                if prev_role == "lit" and role not in ("scale",):
                    break
                if prev_role == "scale" and items and items[0][0] == "lit" and role not in ("half", "scale"):
                    break
                if k == i:
                    if role not in ("digit", "teen", "fraction", "tens_word"):
                        return None
                    if lw == "năm" and nxt_role not in ("hundred", "scale", "tens") and not self.five_years_ok(k):
                        return None
                elif lw == "năm":
                    if not (prev_role == "zero_tens" or nxt_role in ("hundred", "scale", "tens")):
                        break
                elif role == "digit_inner":
                    if lw == "không":
                        if nxt_role != "hundred":
                            break
                    elif prev_role not in ("tens", "hundred", "scale", "zero_tens", "tens_word"):
                        break
                elif role == "unit_after_tens":
                    if prev_role not in ("tens", "teen", "tens_word", "digit"):
                        break
                elif role == "zero_tens":
                    if nxt_role not in ("digit", "digit_inner"):
                        break
                elif role == "half":
                    if prev_role not in ("scale", "hundred"):
                        break
                elif role == "fraction":
                    if not (len(items) == 1 and items[0] == ("digit", 1)):
                        break
                items.append(info)
            else:
                break
            k += 1
        # back off until the numeral is well formed
        while items:
            v = _parse_items(items)
            if v is not None:
                has_scale = any(r == "scale" for r, _ in items)
                return v, i + len(items), has_scale, items
            items.pop()
        return None

    def five_years_ok(self, k: int) -> bool:
        """'năm' at token k is the number 5 ('năm người'), not the noun 'year'."""
        t = self.t
        if k + 1 < t.n and t.lowers[k + 1] == "năm" and not t.nl[k + 1]:
            return True  # 'năm năm' = five years
        if k > 0 and t.types[k - 1] == _W and t.lowers[k - 1] in _NOT_FIVE_AFTER:
            return False
        u = self.unit_at(k + 1, generic=False)
        return u is not None and u[0] == "count"

    # ------------------------------------------------------------ match builders
    def mk(self, s, e, label, value, kind, unit, qual, iso=None, ns=-1, ne=-1, us=-1, ue=-1):
        isq = label == "NUMBER" and kind in QUANTITY_KINDS and unit is not None
        return NumberMatch(
            start=s, end=e, label=label, value=_num(value) if value is not None else None, kind=kind,
            unit=unit, qualifier=qual, iso=iso, number_start=ns, number_end=ne,
            unit_start=us, unit_end=ue, is_quantity=isq,
        )

    def date_iso(self, d, m, y):
        if y is None:
            y = self.doc_year
        if d is None:
            return f"{y:04d}-{m:02d}" if y else f"--{m:02d}"
        return f"{y:04d}-{m:02d}-{d:02d}" if y else f"--{m:02d}-{d:02d}"

    def cue_start(self, i: int, role: str, default=None):
        """Start char of a cue phrase of role right before token i (or default)."""
        r = self.phrase_before(i, role)
        if r is None:
            return default
        s = self.t.starts[r[1]]
        return s if s >= self.floor else default

    def has_date_cue(self, i: int) -> bool:
        t = self.t
        if i > 0 and t.types[i - 1] == _P and t.texts[i - 1] == "(":
            return True
        return self.phrase_before(i, "date_cue") is not None

    def ordinal_cue(self, i: int):
        r = self.phrase_before(i, "ordinal_cue")
        if r is None:
            return None
        k = r[1]
        t = self.t
        if k > 0 and t.types[k - 1] == _W and t.lowers[k - 1] in _NOT_ORDINAL_AFTER:
            return None
        if k > 0 and t.types[k - 1] == _N:
            return None
        return k

    def id_context(self, i: int) -> bool:
        """Number at token i is part of a name / document number."""
        t = self.t
        if self.phrase_before(i, "id_prefix") is not None:
            return True
        if i > 0 and t.types[i - 1] == _W and t.lowers[i - 1] == "số" and i > 1:
            if self.phrase_before(i - 1, "doc_word") is not None:
                return True
            if t.types[i - 2] == _W and _is_upper_initial(t.texts[i - 2]) and not self.sentence_initial(i - 2):
                return True
        if i > 0 and t.types[i - 1] == _W:
            pw = t.texts[i - 1]
            if _is_upper_initial(pw) and not self.sentence_initial(i - 1):
                return True
            if (
                i > 1
                and t.types[i - 2] == _W
                and _is_upper_initial(t.texts[i - 2])
                and not self.sentence_initial(i - 2)
                and i + 1 < t.n
                and t.types[i + 1] == _W
                and _is_upper_initial(t.texts[i + 1])
                and t.lowers[i - 1] not in _STOP
            ):
                return True  # Ban Chỉ đạo 389 Quốc gia
        return False

    # ------------------------------------------------------------ at a digit token
    def at_digits(self, i: int):
        t, text = self.t, self.text
        s = t.starts[i]
        tx = t.texts[i]
        # attached to letters on the left: Covid-19, Sars-CoV-2, H5N1
        if s > 0 and not text[s - 1].isspace():
            c = text[s - 1]
            if c.isalpha() and i > 0 and t.types[i - 1] == _W:
                pw = t.texts[i - 1]
                if any(ch.isupper() for ch in pw) or pw.isascii():
                    return self.identifier(i, t.starts[i - 1] if t.starts[i - 1] >= self.floor else s)
            elif c in "-_" and s >= 2 and text[s - 2].isalpha():
                return self.identifier(i, s)
        # phone numbers
        if tx[0] == "0" and len(tx) >= 3:
            m = _PHONE_RE.match(text, s)
            if m and sum(ch.isdigit() for ch in m.group()) >= 9:
                return [self.mk(s, m.end(), "NUMBER", None, "identifier", None, "exact", ns=s, ne=m.end())], self.tok_index_at(m.end(), i)
        e = t.ends[i]
        nc = text[e : e + 1]
        sep = bool(nc) and (nc in "/-–—" or (nc == " " and text[e + 1 : e + 2] in ("/", "-", "–", "—")))
        dotted = "." in tx
        if sep:
            # document numbers with letters: 10/CĐ-UBND, 71-NQ/TW
            m = _DOCID_RE.match(text, s)
            if m and sum(ch.isupper() for ch in m.group()) >= 2:
                return self.ident_span(i, s, m.end(), tx)
        # times: 12h, 16h00, 8:30, lúc 8 giờ
        if nc and (nc in "hg:" or (nc == " " and text.startswith("giờ", e + 1))):
            m = _TIME_RE.match(text, s)
            if m:
                r = self.time_match(i, m)
                if r:
                    return r
        if not (sep or dotted or (len(tx) == 4 and nc == " " and text.startswith(("đến ", "tới "), e + 1))):
            return self.tail_digits(i, s, e, tx)
        m = _FULLDATE_RE.match(text, s)
        if m:
            d, mo, y = int(m.group(1)), int(m.group(3)), int(m.group(4))
            if 1 <= d <= 31 and 1 <= mo <= 12:
                st = self.cue_start(i, "day_word", s)
                return [self.mk(st, m.end(), "DATE", None, "date", None, "exact", self.date_iso(d, mo, y), s, m.end())], self.tok_index_at(m.end(), i)
        m = _DAYRANGE_RE.match(text, s)
        if m:
            d1, d2, mo = int(m.group(1)), int(m.group(2)), int(m.group(3))
            y = int(m.group(4)) if m.group(4) else None
            if 1 <= d1 < d2 <= 31 and 1 <= mo <= 12:
                st = self.cue_start(i, "day_word", s)
                iso = self.date_iso(d1, mo, y) + "/" + self.date_iso(d2, mo, y)
                return [self.mk(st, m.end(), "DATE", None, "period", None, "exact", iso, s, m.end())], self.tok_index_at(m.end(), i)
        m = _YEARRANGE_RE.match(text, s)
        if m:
            y1, y2 = int(m.group(1)), int(m.group(2))
            if 1000 <= y1 < y2 <= 2200:
                sy = self.phrase_before(i, "school_year_cue")
                if sy is not None and t.starts[sy[1]] >= self.floor:
                    st, kind = t.starts[sy[1]], "school_year"
                else:
                    st, kind = (self.cue_start(i, "year_cue", s)), "period"
                return [self.mk(st, m.end(), "DATE", None, kind, None, "exact", f"{y1}/{y2}", s, m.end())], self.tok_index_at(m.end(), i)
        m = _MONTHYEAR_RE.match(text, s)
        if m:
            mo, y = int(m.group(1)), int(m.group(2))
            mc = self.cue_start(i, "month_cue")
            if mc is not None and 1 <= mo <= 12:
                return [self.mk(mc, m.end(), "DATE", None, "month", None, "exact", f"{y:04d}-{mo:02d}", s, m.end())], self.tok_index_at(m.end(), i)
            if 1 <= mo <= 12 and 1900 <= y <= 2200 and not self.id_context(i):
                return [self.mk(s, m.end(), "DATE", None, "month", None, "exact", f"{y:04d}-{mo:02d}", s, m.end())], self.tok_index_at(m.end(), i)
            return self.ident_span(i, s, m.end(), tx)
        m = _SLASH_RE.match(text, s)
        if m:
            return self.slash(i, m)
        m = _DASHDATE_RE.match(text, s)
        if m and self.has_date_cue(i):
            d, mo = int(m.group(1)), int(m.group(2))
            if 1 <= d <= 31 and 1 <= mo <= 12:
                st = self.cue_start(i, "day_word", s)
                return [self.mk(st, m.end(), "DATE", None, "date", None, "exact", self.date_iso(d, mo, None), s, m.end())], self.tok_index_at(m.end(), i)
        return self.tail_digits(i, s, e, tx)

    def tail_digits(self, i, s, e, tx):
        text = self.text
        # 5K, 4G: digits glued to a capital letter that is no unit
        if e < len(text) and text[e].isalpha() and text[e].isupper():
            um = _UNIT_RE.match(text, e)
            cases = _UNITS_EXACT_CASE.get(_nfc_lower(um.group())) if um else None
            if um is None or (cases is not None and um.group() not in cases):
                return self.identifier(i, s)
        if len(tx) == 3 and tx[1:] == ".0":  # công nghệ 4.0
            return self.ident_span(i, s, e, tx)
        return self.plain(i)

    def identifier(self, i, s):
        t, text = self.t, self.text
        e = t.ends[i]
        # extend over glued letters/digits (H5N1, 5K)
        while e < len(text) and (text[e].isalnum()):
            e += 1
        return self.ident_span(i, s, e, t.texts[i])

    def ident_span(self, i, s, e, tx):
        v = parse_digits(tx) if _DIGITS_RE.fullmatch(tx) else None
        return [self.mk(s, e, "NUMBER", v, "identifier", None, "exact", ns=s, ne=e)], self.tok_index_at(e, i + 1)

    def time_match(self, i, m):
        t = self.t
        if m.group(1) is not None:
            hh = int(m.group(1))
            mm = m.group(3) or m.group(4)
            if m.group(2) == "g" and not mm:
                return None
        else:
            hh = int(m.group(5))
            mm = m.group(6)
            if mm is None and self.phrase_before(i, "time_cue") is None:
                return None  # '8 giờ' is a duration unless 'lúc 8 giờ'
        mm = int(mm) if mm else 0
        if hh > 24 or mm > 59:
            return None
        s = t.starts[i]
        return [self.mk(s, m.end(), "DATE", None, "time", None, "exact", f"T{hh:02d}:{mm:02d}", s, m.end())], self.tok_index_at(m.end(), i)

    def slash(self, i, m):
        t = self.t
        s, e = m.span()
        a, b = int(m.group(1)), int(m.group(2))
        if self.id_context(i):
            return self.ident_span(i, s, e, t.texts[i])
        date_ok = 1 <= a <= 31 and 1 <= b <= 12
        j = self.tok_index_at(e, i)
        if self.has_date_cue(i) and date_ok:
            st = self.cue_start(i, "day_word", s)
            return [self.mk(st, e, "DATE", None, "date", None, "exact", self.date_iso(a, b, None), s, e)], j
        q, qs = self.qualifier_before(i)
        if a == b and a > 0:
            # '83/83 xã': x of y
            return self.finish(i, j, a, s, e, q, qs, kind_hint="count")
        frac_shape = 0 < a < b <= 1000
        next_word = j < t.n and t.types[j] == _W and t.lowers[j] not in _STOP and t.lowers[j] != "năm" and not t.nl[j]
        if frac_shape and next_word:
            if self.phrase_at(j, "fraction_noun") is not None:
                return self.finish(i, j, a / b, s, e, q, qs, kind_hint="fraction")  # '1/10 tổng kinh phí'
            u = self.unit_at(j, generic=False)
            if u is not None and u[0] != "count":
                return self.finish(i, j, a / b, s, e, q, qs, kind_hint="fraction")  # '1/4 thế kỷ'
            if u is not None:
                return self.finish(i, j, a, s, e, q, qs, kind_hint="count")  # '8/10 tiêu chí': x of y
            if q is not None or not date_ok or self.phrase_before(i, "range_start") is not None:
                return self.finish(i, j, a / b, s, e, q, qs, kind_hint="fraction")
        elif frac_shape and not date_ok:
            return self.finish(i, j, a / b, s, e, q, qs, kind_hint="fraction")
        if date_ok:
            return [self.mk(s, e, "DATE", None, "date", None, "exact", self.date_iso(a, b, None), s, e)], j
        return self.ident_span(i, s, e, t.texts[i])

    def plain(self, i):
        t = self.t
        s = t.starts[i]
        col = self.collect(i)
        if col is None:
            return None
        v, j, has_scale, items = col
        ne = t.ends[j - 1]
        tx = t.texts[i]
        simple_int = len(items) == 1 and tx.isdigit()
        # ordinals
        k = self.ordinal_cue(i)
        if k is not None and t.lowers[i - 1] != "thứ" and self.unit_at(j, generic=False) is not None:
            k = None  # 'nhiệm kỳ 5 năm tới'
        if k is not None and t.starts[k] >= self.floor and len(items) == 1 and v < 1000:
            return [self.mk(t.starts[k], ne, "NUMBER", v, "ordinal", None, "exact", ns=s, ne=ne)], j
        # calendar words
        if simple_int:
            r = self.calendar(i, int(tx), j)
            if r is not None:
                return r
        # names / document numbers
        if len(items) == 1 and self.id_context(i):
            u = self.unit_at(j, generic=False)
            if u is None:
                return self.ident_span(i, s, ne, tx)
        q, qs = self.qualifier_before(i)
        # bare years: 'đến 2020,'
        if simple_int and len(tx) == 4 and 1900 <= v <= 2100 and q is None:
            u = self.unit_at(j)
            if u is None or u[0] not in ("count",):
                if u is None or u[0] != "percent" and u[0] != "money" and u[0] != "measure":
                    return [self.mk(s, ne, "DATE", None, "year", None, "exact", f"{v:04d}", s, ne)], j
        return self.finish(i, j, v, s, ne, q, qs, has_scale=has_scale)

    def calendar(self, i, v, j):
        """'năm 2021', 'tháng 4', 'tháng 4 năm 2021', 'ngày 28 tháng 4 năm 2021', 'SN 1997'."""
        t, text = self.t, self.text
        s = t.starts[i]
        if 1 <= v <= 31:
            m = _WORDDATE_RE.match(text, s)
            if m:
                d, mo = int(m.group(1)), int(m.group(2))
                y = m.group(3) or m.group(4)
                if 1 <= mo <= 12:
                    st = self.cue_start(i, "day_word", s)
                    return [self.mk(st, m.end(), "DATE", None, "date", None, "exact", self.date_iso(d, mo, int(y) if y else None), s, m.end())], self.tok_index_at(m.end(), i)
        mc = self.cue_start(i, "month_cue")
        if mc is not None and 1 <= v <= 12:
            m = _MONTHWORD_RE.match(text, s)
            y = int(m.group(2)) if m and m.group(2) else None
            e = m.end() if m else t.ends[i]
            return [self.mk(mc, e, "DATE", None, "month", None, "exact", self.date_iso(None, v, y), s, e)], self.tok_index_at(e, i)
        yc = self.cue_start(i, "year_cue")
        if yc is not None:
            if 1000 <= v <= 2200:
                return [self.mk(yc, t.ends[i], "DATE", None, "year", None, "exact", f"{v:04d}", s, t.ends[i])], i + 1
            if t.lowers[self.phrase_before(i, "year_cue")[1]] == "năm":
                return [self.mk(yc, t.ends[i], "NUMBER", v, "ordinal", None, "exact", ns=s, ne=t.ends[i])], i + 1
        dc = self.cue_start(i, "day_word")
        if dc is not None and 1 <= v <= 31 and self.unit_at(j, generic=False) is None:
            return [self.mk(dc, t.ends[i], "DATE", None, "date", None, "exact", None, s, t.ends[i])], i + 1
        return None

    # ------------------------------------------------------------ common tail
    def finish(self, i, j, v, ns, ne, q, qs, kind_hint=None, has_scale=False, words_only=False):
        """Unit, ranges, post-qualifiers; -> (matches, next_token)."""
        t = self.t
        unit = self.fraction_unit(j) if kind_hint == "fraction" else self.unit_at(j)
        # range start: 'từ 5 đến 7 người'
        rs = self.phrase_before(i, "range_start")
        rs_start = t.starts[rs[1]] if rs is not None and t.starts[rs[1]] >= self.floor else None
        if unit is None and kind_hint is None:
            rng = self.range_after(j)
            if rng is not None:
                b, conn_start = rng
                a = v
                if b["has_scale"] and not has_scale and a < 1000:
                    a = a * b["scale"]
                sa = qs if q is not None and qs is not None else (rs_start if rs_start is not None else ns)
                ma = self.mk(sa, ne, "NUMBER", a, b["kind"], b["unit"], "at_least", ns=ns, ne=ne)
                mb = self.mk(conn_start, b["end"], "NUMBER", b["value"], b["kind"], b["unit"], "at_most",
                             ns=b["ns"], ne=b["ne"], us=b["us"], ue=b["ue"])
                return [ma, mb], b["j"]
        if words_only and unit is None and q is None and not has_scale:
            return None
        qual = q or "exact"
        start = qs if (q is not None and qs is not None and qs >= self.floor) else ns
        end = ne
        kind = kind_hint or "count"
        unit_s = unit_e = -1
        u = None
        jn = j
        if unit is not None:
            ukind, u, unit_s, unit_e, jn = unit
            end = unit_e
            if kind_hint != "fraction":
                kind = ukind
            # 'một năm rưỡi'
            if jn < t.n and t.types[jn] == _W and t.lowers[jn] == "rưỡi" and not has_scale and float(v).is_integer():
                v = v + 0.5
                end = t.ends[jn]
                jn += 1
            # rates: '500 đồng/lít', '6,5%/năm', '2 buổi/ngày'
            if jn + 1 < t.n and t.texts[jn] == "/" and t.starts[jn] == unit_e and t.starts[jn + 1] == t.ends[jn]:
                per = self.unit_at(jn + 1)
                if per is not None:
                    u = u + "/" + per[1]
                    end = unit_e = per[3]
                    jn = per[4]
        # range with units on both sides: 'từ 5 người đến 7 người'
        out = []
        if unit is not None and rs_start is not None and q is None:
            rng = self.range_after(jn)
            if rng is not None and rng[0]["unit"] == u:
                b, conn_start = rng
                ma = self.mk(rs_start, end, "NUMBER", v, kind, u, "at_least", ns=ns, ne=ne, us=unit_s, ue=unit_e)
                mb = self.mk(conn_start, b["end"], "NUMBER", b["value"], b["kind"], b["unit"], "at_most",
                             ns=b["ns"], ne=b["ne"], us=b["us"], ue=b["ue"])
                return [ma, mb], b["j"]
        # post qualifiers: '... trở lên'
        if q is None:
            pq = self.phrase_at(jn, "post_qualifier")
            if pq is not None:
                qual = pq[0]
                end = t.ends[pq[1] - 1]
                jn = pq[1]
                if rs_start is not None:
                    start = rs_start
            elif rs_start is not None:
                # 'từ 2/3 tổng số đại biểu HĐND thành phố trở lên'
                k = jn
                for _ in range(8):
                    if k >= t.n or t.types[k] != _W or t.nl[k]:
                        break
                    pq = self.phrase_at(k, "post_qualifier")
                    if pq is not None:
                        qual = pq[0]
                        start = rs_start
                        break
                    k += 1
        m = self.mk(start, end, "NUMBER", v, kind, u, qual, ns=ns, ne=ne, us=unit_s, ue=unit_e)
        if self.phrase_before(i, "multiplier_cue") is not None:
            # 'gấp 3 lần' is a multiplier, not a stated amount
            m = dataclasses.replace(m, kind="multiplier", is_quantity=False)
        out.append(m)
        return out, jn

    def range_after(self, j):
        """'- 75%', 'đến 7 người' after a unit-less number -> (info, conn_start) or None."""
        t = self.t
        if j >= t.n or t.nl[j]:
            return None
        if t.types[j] == _P and t.texts[j] in _RANGE_PUNCT:
            k = j + 1
        elif t.types[j] == _W and t.lowers[j] in ("đến", "tới"):
            k = j + 1
        else:
            return None
        if k >= t.n or t.nl[k]:
            return None
        if t.types[k] == _N:
            if not _DIGITS_RE.fullmatch(t.texts[k]) or (
                t.ends[k] < len(self.text) and self.text[t.ends[k]] in "/"
            ):
                return None
        elif not (t.types[k] == _W and t.lowers[k] in _NUMWORDS):
            return None
        col = self.collect(k)
        if col is None:
            return None
        v, jj, has_scale, items = col
        unit = self.unit_at(jj)
        if unit is None:
            return None
        ukind, u, us, ue, jn = unit
        scale = max((val for r, val in items if r == "scale"), default=1)
        info = dict(value=v, kind=ukind, unit=u, us=us, ue=ue, end=ue, j=jn, ns=t.starts[k], ne=t.ends[jj - 1],
                    has_scale=has_scale, scale=scale)
        # 'đến 7 người' keeps its connector word; '70-75%' gives '70' and '75%'
        return info, (t.starts[j] if t.types[j] == _W else t.starts[k])

    # ------------------------------------------------------------ at a word token
    def at_word(self, i: int):
        t = self.t
        lw = t.lowers[i]
        s = t.starts[i]
        # ordinals written with words / roman numerals: 'thứ hai', 'Thứ nhất', 'khóa XV'
        k = self.ordinal_cue(i)
        if k is not None and t.starts[k] >= self.floor:
            if lw == "nhất":
                return [self.mk(t.starts[k], t.ends[i], "NUMBER", 1, "ordinal", None, "exact", ns=s, ne=t.ends[i])], i + 1
            if _ROMAN_RE.fullmatch(t.texts[i]):
                v = _roman(t.texts[i])
                if v:
                    return [self.mk(t.starts[k], t.ends[i], "NUMBER", v, "ordinal", None, "exact", ns=s, ne=t.ends[i])], i + 1
            if lw in _NUMWORDS:
                col = self.collect(i)
                if col is not None:
                    v, j, _, _ = col
                    return [self.mk(t.starts[k], t.ends[j - 1], "NUMBER", v, "ordinal", None, "exact", ns=s, ne=t.ends[j - 1])], j
            return None
        if lw not in _NUMWORDS:
            return None
        if self.phrase_at(i, "not_numeral") is not None:
            return None  # 'ba mẹ'
        # capitalized number words inside a sentence are names (Ba Đình, Hai Bà Trưng)
        if _is_upper_initial(t.texts[i]):
            if not self.sentence_initial(i):
                return None
            if i + 1 < t.n and t.types[i + 1] == _W and _is_upper_initial(t.texts[i + 1]):
                return None
        # vague amounts: hàng trăm, vài chục, mấy nghìn
        if i > 0 and t.types[i - 1] == _W and t.lowers[i - 1] in _VAGUE_BEFORE:
            col = self.collect(i)
            return ([], col[1]) if col else ([], i + 1)
        col = self.collect(i)
        if col is None:
            return None
        v, j, has_scale, items = col
        ne = t.ends[j - 1]
        q, qs = self.qualifier_before(i)
        if len(items) == 1 and lw == "một":
            if q is None:
                # article unless 'có một người'
                r = self.phrase_before(i, "mot_verb")
                nxt = self.unit_at(j)
                if nxt is None:
                    return [], j
                # '3 người bị thương và một người tử vong': same noun counted before in the sentence
                prev = self.out[-1] if self.out else None
                same = (
                    prev is not None and prev.is_quantity and prev.unit == nxt[1]
                    and not _SENT_END_RE.search(self.text, prev.end, s)
                )
                if not same and (r is None or _nfc_lower(nxt[1]) not in _MOT_NOUNS):
                    return [], j
        if len(items) == 1 and items[0][0] == "fraction" and q is None:
            return None
        kind_hint = "fraction" if items[-1][0] == "fraction" else None
        return self.finish(i, j, v, s, ne, q, qs, kind_hint=kind_hint, has_scale=has_scale, words_only=True)


def _roman(s: str) -> int | None:
    vals = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100}
    total = 0
    for a, b in zip(s, s[1:] + " "):
        va = vals[a]
        vb = vals.get(b, 0)
        total += -va if va < vb else va
    return total if total > 0 else None


def _inherit_units(sc: _Scanner, out: list[NumberMatch], after: list[int]) -> list[NumberMatch]:
    """Unit-less counts borrow the counted noun of a neighbour.

    '690 đơn vị ..., trong đó có 240 được công nhận' -> 240 đơn vị;
    '294 người ...; 10 có trình độ ...' -> 10 người; '3 trong 9 người' -> 3 người.
    """
    t, text = sc.t, sc.text
    res = list(out)
    for idx, m in enumerate(out):
        if m.label != "NUMBER" or m.kind != "count" or m.unit is not None or m.value is None:
            continue
        j = after[idx]
        if j >= t.n or t.types[j] != _W:
            continue
        nxt = t.lowers[j]
        src = None
        if nxt == "trong" and idx + 1 < len(out):
            k = j + 1
            if k < t.n and t.types[k] == _W and t.lowers[k] == "số":
                k += 1
            cand = out[idx + 1]
            if k < t.n and cand.start == t.starts[k] and cand.kind == "count" and cand.unit:
                src = cand
        elif nxt in _INHERIT_NEXT:
            for p in range(idx - 1, -1, -1):
                cand = res[p]
                if _SENT_END_RE.search(text, cand.end, m.start):
                    break
                if cand.label == "NUMBER" and cand.kind == "count" and cand.unit and cand.is_quantity:
                    src = cand
                    break
                if cand.label == "NUMBER" and cand.kind not in ("percent", "count"):
                    break
        if src is not None:
            res[idx] = dataclasses.replace(m, unit=src.unit, is_quantity=True)
    return res


def find_numbers(text: str, words: list[tuple[int, int]] | None = None, doc_date: str | None = None) -> list[NumberMatch]:
    """Find numeric expressions and dates in ``text``; sorted, non-overlapping."""
    sc = _Scanner(text, words, doc_date)
    t = sc.t
    out = sc.out
    i = 0
    n = t.n
    while i < n:
        ty = t.types[i]
        res = None
        if ty == _N:
            res = sc.at_digits(i)
        elif ty == _W:
            lw = t.lowers[i]
            if lw in _NUMWORDS or lw == "nhất" or (t.texts[i][0] in "IVXLC" and _ROMAN_RE.fullmatch(t.texts[i])):
                res = sc.at_word(i)
        if res:
            matches, nxt = res
            for m in matches:
                if m.start >= sc.floor:
                    out.append(m)
                    sc.floor = m.end
            i = max(nxt, i + 1)
        else:
            i += 1
    if out:
        after = [sc.first_token_from(m.end) for m in out]
        out = _inherit_units(sc, out, after)
    return out
