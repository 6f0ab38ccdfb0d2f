"""The feature values of underthesea_core's featurizer, computed per document:
the templates (``T[-1,0].lower``) and the columns of values every template group
reads (one value per window of the document's tokens)."""
from __future__ import annotations

from itertools import repeat

import numpy as np

from .compiled import windows as compiled_windows

TRUE, FALSE = "True", "False"
FUNCTIONS = (None, "lower", "isdigit", "istitle", "is_in_dict")


def _is_i32(s: str) -> bool:
    digits = s[1:] if s[:1] in ("+", "-") else s
    if not digits or not (digits.isascii() and digits.isdigit()):
        return False
    return -2147483648 <= int(s) <= 2147483647


def _is_title(s: str) -> bool:
    for part in s.split(" "):
        c = part[:1]
        if c.upper() != c:
            return False
    return True


class Template:
    __slots__ = ("syntax", "o1", "k", "fn", "rows")

    def __init__(self, syntax: str) -> None:
        if not syntax.startswith("T[") or "]" not in syntax:
            raise ValueError(f"unsupported feature template {syntax!r}")
        close = syntax.index("]")
        idx = syntax[2:close].split(",")
        rest = syntax[close + 1:]
        fn = rest[1:] if rest.startswith(".") else None
        o1 = int(idx[0])
        o2 = int(idx[1]) if len(idx) > 1 else o1
        if (rest and fn is None) or fn not in FUNCTIONS or o2 < o1:
            raise ValueError(f"unsupported feature template {syntax!r}")
        self.syntax, self.o1, self.k, self.fn = syntax, o1, o2 - o1 + 1, fn
        self.rows: np.ndarray | None = None   # value id (of its group) -> weight row


FILLER = "\x00"   # the slots between sentences (no template value holds it)


class Columns:
    """The value ids of every window of one token list, per (window length, function),
    each value computed once: lower case once per token, the joined windows once per
    length, the True/False functions as boolean arrays."""

    def __init__(self, toks: list[str], dictionary: frozenset[str], compiled: bool = True) -> None:
        self.toks = toks
        self.dictionary = dictionary
        #: join and look the windows up in C (``_decode.windows``) when it was built
        self.compiled = compiled and compiled_windows is not None
        self._cache: dict = {}

    def _memo(self, key, make):  # type: ignore[no-untyped-def]
        got = self._cache.get(key)
        if got is None:
            got = self._cache[key] = make()
        return got

    def _lower(self) -> list[str]:
        return self._memo("lower", lambda: [w.lower() for w in self.toks])

    def _windows(self, base: list[str], k: int, key: str) -> list[str]:
        """The ``k``-token windows joined by a space, one per slot (the last ones short)."""
        if k == 1:
            return base
        if k == 2:
            return self._memo((key, 2), lambda: [f"{a} {b}" for a, b in zip(base, base[1:])])
        if k == 3:
            return self._memo((key, 3), lambda: [f"{a} {b} {c}" for a, b, c in zip(base, base[1:], base[2:])])
        return self._memo((key, k), lambda: [" ".join(base[j:j + k]) for j in range(len(base) - k + 1)])

    def _title(self) -> np.ndarray:
        def make() -> np.ndarray:
            return np.array([(c.upper() == c) if " " not in w else _is_title(w)
                             for w in self.toks for c in (w[:1],)], dtype=bool)
        return self._memo("istitle", make)

    def _flags(self, fn: str, k: int) -> np.ndarray:
        """``fn`` on every window, as booleans (short last windows: False)."""
        n = len(self.toks)
        if fn == "is_in_dict":
            d = self.dictionary
            out = np.zeros(n, dtype=bool)
            if self.compiled:
                compiled_windows(self._lower(), k, d, out)
                return out
            grams = self._windows(self._lower(), k, "lower")
            out[:len(grams)] = [g in d for g in grams]
            return out
        if fn == "istitle":   # the parts of a window are the parts of its tokens
            one = self._title()
            if k == 1:
                return one
            out = np.zeros(n, dtype=bool)
            if n >= k:
                win = one[:n - k + 1].copy()
                for j in range(1, k):
                    win &= one[j:n - k + 1 + j]
                out[:n - k + 1] = win
            return out
        if k > 1:    # isdigit: a window holds a space, never an i32
            return np.zeros(n, dtype=bool)
        return self._memo("isdigit", lambda: np.array(
            [(w.isdigit() or w[:1] in "+-") and _is_i32(w) for w in self.toks], dtype=bool))

    def values(self, k: int, fn: str | None) -> list[str]:
        """``fn`` on every window of ``k`` tokens as underthesea writes it (window j =
        toks[j:j+k]; the windows that fit)."""
        if fn is None or fn == "lower":
            return self._windows(self.toks if fn is None else self._lower(), k, fn or "text")
        return [TRUE if f else FALSE for f in self._flags(fn, k)[:max(0, len(self.toks) - k + 1)].tolist()]

    def ids(self, k: int, fn: str | None, vocab: dict[str, int]) -> np.ndarray:
        """The vocabulary id of each slot's window (0: a value the model does not know;
        the slots whose window does not fit hold anything)."""
        n = len(self.toks)
        if fn is None or fn == "lower":
            out = np.zeros(n, dtype=np.intp)
            if self.compiled:
                compiled_windows(self.toks if fn is None else self._lower(), k, vocab, out)
                return out
            values = self.values(k, fn)
            out[:len(values)] = np.fromiter(map(vocab.get, values, repeat(0)), dtype=np.intp, count=len(values))
            return out
        return np.where(self._flags(fn, k), vocab.get(TRUE, 0), vocab.get(FALSE, 0))
