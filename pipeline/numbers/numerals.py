"""Rule: a numeral over consecutive tokens -- digits, number words, or both.

``20.000``, ``hai mươi mốt``, ``1,5 triệu``, ``1 tỷ 200 triệu``, ``ba triệu rưỡi``.
The numeral grows token by token while the grammar allows the next word, then
backs off until :func:`.values.parse_items` accepts it.  ``năm`` is the number 5
only where a count follows (``năm người``, ``năm năm``), not the noun 'year'.
"""
from __future__ import annotations

from .context import N, W, Scan, is_upper_initial
from .lexicon import NOT_FIVE_AFTER, NUMWORDS
from .units import unit_at
from .values import parse_digits, parse_items

_STOP, _ABORT = object(), object()  # end the numeral here / no numeral at all

_FIRST_ROLES = ("digit", "teen", "fraction", "tens_word")
_BEFORE_TENS = ("hundred", "scale", "tens")


def five_years_ok(sc: Scan, k: int) -> bool:
    """'năm' at token k is the number 5 ('năm người'), not the noun 'year'."""
    t = sc.t
    if k + 1 < t.n and t.lowers[k + 1] == "năm" and not t.nl[k + 1]:
        return True  # 'năm năm' = five years
    if k > 0 and t.types[k - 1] == W and t.lowers[k - 1] in NOT_FIVE_AFTER:
        return False
    u = unit_at(sc, k + 1, generic=False)
    return u is not None and u[0] == "count"


def _digit_item(sc: Scan, i: int, k: int, prev_role, nxt_role):
    """A digit token inside a numeral: first, or between two scales ('1 tỷ 200 triệu')."""
    if k == i:
        v = parse_digits(sc.t.texts[k])
        return _ABORT if v is None else ("lit", v)
    if prev_role == "scale" and nxt_role == "scale":
        v = parse_digits(sc.t.texts[k])
        return _STOP if v is None else ("lit", v)
    return _STOP


def _inner_word_ok(lw: str, role: str, prev_role, nxt_role, items) -> bool:
    """May a number word of ``role`` follow the numeral read so far?"""
    if lw == "năm":
        return prev_role == "zero_tens" or nxt_role in _BEFORE_TENS
    if role == "digit_inner":
        if lw == "không":
            return nxt_role == "hundred"
        return prev_role in ("tens", "hundred", "scale", "zero_tens", "tens_word")
    if role == "unit_after_tens":
        return prev_role in ("tens", "teen", "tens_word", "digit")
    if role == "zero_tens":
        return nxt_role in ("digit", "digit_inner")
    if role == "half":
        return prev_role in ("scale", "hundred")
    if role == "fraction":
        return len(items) == 1 and items[0] == ("digit", 1)
    return True


def _word_item(sc: Scan, i: int, k: int, items, prev_role, nxt_role):
    t = sc.t
    lw = t.lowers[k]
    info = NUMWORDS.get(lw)
    if info is None:
        return _STOP
    role = info[0]
    if k > i and (is_upper_initial(t.texts[k]) or sc.phrase_at(k, "not_numeral") is not None):
        return _STOP  # 'Hai Bà Trưng', '1.000 tỷ phú'
    if prev_role == "lit" and role != "scale":
        return _STOP
    if prev_role == "scale" and items and items[0][0] == "lit" and role not in ("half", "scale"):
        return _STOP
    if k == i:
        if role not in _FIRST_ROLES:
            return _ABORT
        if lw == "năm" and nxt_role not in _BEFORE_TENS and not five_years_ok(sc, k):
            return _ABORT
        return info
    return info if _inner_word_ok(lw, role, prev_role, nxt_role, items) else _STOP


def _next_role(sc: Scan, k: int):
    t = sc.t
    if k + 1 < t.n and t.types[k + 1] == W and not t.nl[k + 1]:
        nx = NUMWORDS.get(t.lowers[k + 1])
        return nx[0] if nx else None
    return None


def collect(sc: Scan, i: int):
    """Numeral starting at token i -> (value, j_after, has_scale, items) or None."""
    t = sc.t
    items: list[tuple[str, float]] = []
    k = i
    while k < t.n and not (k > i and t.nl[k]):
        prev_role = items[-1][0] if items else None
        nxt_role = _next_role(sc, k)
        if t.types[k] == N:
            item = _digit_item(sc, i, k, prev_role, nxt_role)
        elif t.types[k] == W:
            item = _word_item(sc, i, k, items, prev_role, nxt_role)
        else:
            item = _STOP
        if item is _ABORT:
            return None
        if item is _STOP:
            break
        items.append(item)
        k += 1
    # back off until the numeral is well formed
    while items:
        v = parse_items(items)
        if v is not None:
            return v, i + len(items), any(r == "scale" for r, _ in items), items
        items.pop()
    return None
