"""Values of numerals: digit strings with Vietnamese separators, number words.

Separators (:func:`parse_digits`):
  * ``,`` is the decimal comma (``1,5`` = 1.5, ``155,1``, ``0,25``, also ``1,500`` = 1.5)
    unless there are several commas in 3-digit groups (``1,234,567``).
  * ``.`` is the thousands separator when every group after it has exactly 3 digits
    (``20.000``, ``1.500``, ``1.234.567``); a single ``.`` followed by 1, 2 or 4+ digits
    is a decimal point (``1.5``, ``4.0``, ``1.25``).
  * When both appear, the last one is the decimal separator (``1.234,5`` / ``1,234.5``).
  * Result is an ``int`` when no decimal separator was used, else a ``float``.
  * ASCII digits only, at most ``MAX_DIGITS`` of them; anything else is None.

Number words (:func:`parse_number_words`) follow the grammar of ``number_words.tsv``:
``hai nghìn không trăm hai mươi lăm`` = 2025, ``ba triệu rưỡi`` = 3 500 000.
"""
from __future__ import annotations

from .lexicon import NUMWORDS, nfc_lower
from .patterns import DIGITS_RE

#: longer digit strings are no amount (and would exceed int()'s 4300-digit limit)
MAX_DIGITS = 30


def num(v):
    """Normalize a numeric value: ints stay ints, integral floats become ints."""
    if isinstance(v, float):
        if abs(v) >= 1:
            v = round(v, 6)  # 1.9 * 1e9 -> 1900000000
        if v.is_integer():
            return int(v)
    return v


def _three_groups(groups: list[str]) -> bool:
    """'1', '234', '567': a leading group of 1-3 digits, then groups of exactly 3."""
    return 1 <= len(groups[0]) <= 3 and all(len(g) == 3 for g in groups[1:])


def _both_separators(s: str) -> float | None:
    dec = "," if s.rfind(",") > s.rfind(".") else "."
    th = "." if dec == "," else ","
    intpart, _, frac = s.rpartition(dec)
    if th in frac or dec in intpart:
        return None
    groups = intpart.split(th)
    if not _three_groups(groups):
        return None
    return float("".join(groups) + "." + frac)


def _one_separator(s: str, sep: str) -> float | int | None:
    groups = s.split(sep)
    if len(groups) > 2:
        return int("".join(groups)) if _three_groups(groups) else None
    a, b = groups
    if sep == "." and len(b) == 3:
        return int(a + b)
    return float(a + "." + b)


def parse_digits(s: str) -> float | int | None:
    """Parse a digit string with Vietnamese separators (see the module docstring)."""
    s = s.strip()
    if not s or not DIGITS_RE.fullmatch(s) or len(s) - s.count(".") - s.count(",") > MAX_DIGITS:
        return None
    has_dot, has_comma = "." in s, "," in s
    if has_dot and has_comma:
        return _both_separators(s)
    if has_dot or has_comma:
        return _one_separator(s, "." if has_dot else ",")
    return int(s)


class _Numeral:
    """Reads a numeral given as ``[(role, value), ...]`` left to right.

    roles: digit, digit_inner, unit_after_tens, teen, tens, tens_word, zero_tens,
    hundred, scale, half, fraction, lit (a digit-string value).  Each ``on_<role>``
    returns False when the item cannot come here.
    """

    def __init__(self):
        self.groups: list[list[float]] = []  # [value, scale]
        self.h = self.t = self.u = self.pending = None
        self.last = None
        self.last_scale = None

    def small(self):
        return (self.h or 0) + (self.t or 0) + (self.u or 0) + (self.pending or 0)

    def has_small(self) -> bool:
        return self.h is not None or self.t is not None or self.u is not None or self.pending is not None

    def on_lit(self, val) -> bool:
        if self.last not in (None, "scale"):
            return False
        self.pending, self.last = val, "lit"
        return True

    def on_fraction(self, val) -> bool:
        if not (self.last is None or (self.last == "digit" and self.pending == 1)):  # 'một nửa'
            return False
        self.pending, self.last = val, "fraction"
        return True

    def on_digit(self, val, role: str = "digit") -> bool:
        last = self.last
        if last in (None, "scale", "hundred"):
            if role == "unit_after_tens" and last in (None, "hundred"):
                return False
            self.pending, self.last = val, "digit"
        elif last in ("teen", "tens", "zero_tens"):
            if last == "zero_tens" and role == "unit_after_tens":
                return False
            self.u, self.last = val, "unit"
        elif (last == "digit" and role == "unit_after_tens" and self.pending is not None
              and 1 <= self.pending <= 9 and self.t is None):
            self.t, self.u, self.pending = self.pending * 10, val, None  # hai mốt = 21
            self.last = "unit"
        else:
            return False
        return True

    def on_hundred(self, val) -> bool:
        if self.h is not None or self.t is not None or self.u is not None:
            return False
        if self.pending is not None:
            if self.last not in ("digit", "lit") or (self.last == "lit" and self.pending >= 10):
                return False
            self.h, self.pending = self.pending * 100, None
        elif self.last in (None, "scale"):
            self.h = 100
        else:
            return False
        self.last = "hundred"
        return True

    def on_teen(self, val) -> bool:
        if self.pending is not None or self.t is not None or self.u is not None:
            return False
        self.t, self.last = 10, "teen"
        return True

    def on_tens(self, val) -> bool:
        if self.last != "digit" or self.pending is None or self.t is not None:
            return False
        self.t, self.pending, self.last = self.pending * 10, None, "tens"
        return True

    def on_tens_word(self, val) -> bool:
        if self.pending is not None or self.t is not None or self.u is not None:
            return False
        self.t, self.last = val, "tens"
        return True

    def on_zero_tens(self, val) -> bool:
        if self.t is not None or self.u is not None or self.pending is not None:
            return False
        if self.h is None and self.last != "scale" and not self.groups:
            return False
        self.t, self.last = 0, "zero_tens"
        return True

    def on_scale(self, val) -> bool:
        if self.last == "zero_tens":
            return False
        v = self.small() if self.has_small() else 0
        lower = sum(g[0] for g in self.groups if g[1] < val)
        if any(g[1] == val for g in self.groups):
            return False
        if v == 0 and lower == 0:
            if self.groups or self.has_small():
                return False
            v = 1  # bare 'triệu' = 1 000 000
        self.groups = [g for g in self.groups if g[1] > val] + [[(lower + v) * val, val]]
        self.h = self.t = self.u = self.pending = None
        self.last, self.last_scale = "scale", val
        return True

    def on_half(self, val) -> bool:
        if self.last == "scale":
            self.groups[-1][0] += self.last_scale * 0.5
        elif self.last == "hundred":
            self.h += 50
        else:
            return False
        self.last = "half"
        return True

    def feed(self, role: str, val) -> bool:
        if role in ("digit", "digit_inner", "unit_after_tens"):
            return self.on_digit(val, role)
        handler = getattr(self, "on_" + role, None)
        return handler is not None and handler(val)

    def value(self, items):
        if self.last == "zero_tens" or (self.last == "tens" and self.t is None):
            return None
        total = sum(g[0] for g in self.groups)
        if self.last == "digit" and self.pending is not None and len(items) >= 2:
            prev_role = items[-2][0]
            if prev_role == "scale" and self.last_scale and self.pending == int(self.pending):
                # 'hai nghìn ba' = 2300 (colloquial elision)
                return num(total + self.pending * self.last_scale / 10)
            if prev_role == "hundred":
                return num(total + self.h + self.pending * 10)  # 'hai trăm ba' = 230
        return num(total + self.small())


def parse_items(items: list[tuple[str, float]]):
    """Evaluate a numeral given as [(role, value), ...]; None if ill-formed."""
    if not items:
        return None
    reader = _Numeral()
    for role, val in items:
        if not reader.feed(role, val):
            return None
    return reader.value(items)


def parse_number_words(s: str) -> int | float | None:
    """Parse Vietnamese number words, possibly mixed with digits.

    'hai nghìn' -> 2000, 'một trăm linh năm' -> 105, 'hai mươi mốt' -> 21,
    'mười lăm' -> 15, 'ba triệu rưỡi' -> 3500000, '1,5 triệu' -> 1500000.
    Lenient: 'năm' is accepted as 5 anywhere (find_numbers is stricter).
    """
    items = []
    for w in s.replace("-", " ").split():
        info = NUMWORDS.get(nfc_lower(w))
        if info is not None:
            items.append(info)
            continue
        v = parse_digits(w)
        if v is None:
            return None
        items.append(("lit", v))
    return parse_items(items)
