"""The token stream the rules read, and what they share while scanning one text.

:class:`Tokens` cuts the text into digit strings, letter runs and single other
characters (never across a line end).  :class:`Scan` holds the tokens, the
matches found so far and the look-ups every rule uses: context phrases before
or after a token (``number_context.tsv``), qualifiers, cues, names.
"""
from __future__ import annotations

import unicodedata
from bisect import bisect_right
from dataclasses import dataclass

from .lexicon import CTX, FIRST_WORDS, FLOAT_SKIP, LAST_WORDS, MAX_PHRASE, NOT_BEFORE_DO, NOT_ORDINAL_AFTER, STOP, nfc_lower
from .patterns import SENT_PUNCT, TOKEN_RE
from .values import num

N, W, P = 1, 2, 3  # token types: digits, word, other (punctuation)

QUANTITY_KINDS = frozenset({"count", "percent", "money", "measure", "age", "duration", "fraction"})


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


class Tokens:
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
            ms.extend(TOKEN_RE.finditer(text, pos, e))
            pos = e + 1
        self.starts = [m.start() for m in ms]
        self.ends = [m.end() for m in ms]
        self.types = [m.lastindex for m in ms]
        self.texts = texts = [m.group() for m in ms]
        if text.isascii() or unicodedata.is_normalized("NFC", text):
            self.lowers = [x.lower() for x in texts]
        else:
            self.lowers = [nfc_lower(x) for x in texts]
        self.n = n = len(ms)
        nl = [False] * n
        for k in first_of_line:
            if k < n:
                nl[k] = True
        self.nl = nl


def is_upper_initial(s: str) -> bool:
    return s[:1].isupper()


class Scan:
    """One text being scanned: tokens, matches so far (``out``), segmentation, doc year."""

    def __init__(self, text: str, words, doc_date):
        self.text = text
        self.t = Tokens(text)
        self.floor = 0  # no new match may start before this
        self.definite_end = -1  # end of the last 'giữa hai nước' (words.py)
        self.out: list[NumberMatch] = []
        self.word_at = None
        self.word_ends = frozenset()
        self._words = words
        self._word_starts: list[int] | None = None
        if words:
            self.word_at = {s: e for s, e in words}
            self.word_ends = frozenset(e for _, e in words)
        self.doc_year = None
        if doc_date:
            try:
                self.doc_year = int(str(doc_date)[:4])
            except ValueError:
                self.doc_year = None

    # ------------------------------------------------------------ positions
    def tok_index_at(self, pos: int, j: int) -> int:
        """First token index >= j whose start >= pos."""
        t = self.t
        while j < t.n and t.starts[j] < pos:
            j += 1
        return j

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

    def inside_word(self, pos: int) -> bool:
        """A word of the segmentation starts before ``pos`` and goes on past it
        ('bẩy' of 'đòn bẩy', 'năm' of 'hàng năm')."""
        if not self._words:
            return False
        if self._word_starts is None:
            self._word_starts = sorted(self.word_at)
        k = bisect_right(self._word_starts, pos - 1) - 1
        return k >= 0 and self.word_at[self._word_starts[k]] > pos

    def sentence_initial(self, i: int) -> bool:
        t = self.t
        if i == 0 or t.nl[i]:
            return True
        return t.types[i - 1] == P and t.texts[i - 1] in SENT_PUNCT

    def word_is(self, j: int, words) -> bool:
        """Token j is a word of ``words`` on the same line."""
        t = self.t
        return j < t.n and t.types[j] == W and not t.nl[j] and t.lowers[j] in words

    # ------------------------------------------------------------ context phrases
    def phrase_before(self, i: int, role: str):
        """Longest phrase of role ending at token i-1 -> (arg, start_index) or None."""
        if i == 0 or self.t.lowers[i - 1] not in LAST_WORDS.get(role, ()):
            return None
        table = CTX[role]
        t = self.t
        for L in range(min(MAX_PHRASE, i), 0, -1):
            k = i - L
            if any(t.types[x] != W or (x > k and t.nl[x]) for x in range(k, i)):
                continue
            key = tuple(t.lowers[k:i])
            if key in table:
                return table[key], k
        return None

    def phrase_at(self, j: int, role: str):
        """Longest phrase of role starting at token j -> (arg, end_index) or None."""
        if j >= self.t.n or self.t.lowers[j] not in FIRST_WORDS.get(role, ()):
            return None
        table = CTX[role]
        t = self.t
        for L in range(min(MAX_PHRASE, t.n - j), 0, -1):
            ok = all(t.types[x] == W and (x == j or not t.nl[x]) for x in range(j, j + L))
            if ok and tuple(t.lowers[j : j + L]) in table:
                return table[tuple(t.lowers[j : j + L])], j + L
        return None

    def cue_start(self, i: int, role: str, default=None):
        """Start char of a cue phrase of role right before token i (or default)."""
        r = self.phrase_before(i, role)
        if r is None:
            return default
        s = self.t.starts[r[1]]
        return s if s >= self.floor else default

    def qualifier_before(self, i: int):
        """-> (qualifier, start_char or None)."""
        t = self.t
        r = self.phrase_before(i, "qualifier")
        if r is not None:
            q, k = r
            if not (t.lowers[k] == "độ" and k > 0 and t.types[k - 1] == W and t.lowers[k - 1] in NOT_BEFORE_DO):
                return q, t.starts[k]
        # floating qualifier: 'ít nhất phải chờ 5 năm'
        k = i
        for _ in range(3):
            if not (k > 0 and t.types[k - 1] == W and t.lowers[k - 1] in FLOAT_SKIP):
                break
            k -= 1
            r = self.phrase_before(k, "float_qualifier")
            if r is not None:
                return r[0], None
        return None, None

    def has_date_cue(self, i: int) -> bool:
        t = self.t
        if i > 0 and t.types[i - 1] == P and t.texts[i - 1] == "(":
            return True
        return self.phrase_before(i, "date_cue") is not None

    def ordinal_cue(self, i: int):
        """Token index of an ordinal cue before token i ('thứ', 'lần', 'khóa'), or None."""
        r = self.phrase_before(i, "ordinal_cue")
        if r is None:
            return None
        k = r[1]
        t = self.t
        if k > 0 and t.types[k - 1] == W and t.lowers[k - 1] in NOT_ORDINAL_AFTER:
            return None
        if k > 0 and t.types[k - 1] == N:
            return None
        return k

    def capitalized_inside(self, k: int) -> bool:
        """Token k is a capitalized word that does not open a sentence, or a brand
        written with a capital inside ('iPhone', wherever it stands)."""
        t = self.t
        if t.types[k] != W:
            return False
        tx = t.texts[k]
        if is_upper_initial(tx):
            return not self.sentence_initial(k)
        return not tx.islower() and any(c.isupper() for c in tx)

    def _name_follows(self, k: int) -> bool:
        """Tokens k and k+1 are capitalized words on the line (a street, a place)."""
        t = self.t
        return (k + 1 < t.n and t.types[k] == W and t.types[k + 1] == W and not t.nl[k] and not t.nl[k + 1]
                and is_upper_initial(t.texts[k]) and is_upper_initial(t.texts[k + 1]))

    def id_context(self, i: int) -> bool:
        """Number at token i is part of a name / document number."""
        t = self.t
        if self.phrase_before(i, "id_prefix") is not None:
            return True
        if i > 1 and t.types[i - 1] == W and t.lowers[i - 1] == "số":
            if self.phrase_before(i - 1, "doc_word") is not None or self.capitalized_inside(i - 2):
                return True
            if t.types[i - 2] == W and not t.nl[i - 1] and self.phrase_before(i - 1, "so_amount") is None:
                return True  # a label: "đơn vị bầu cử số 5"
        if i > 0 and self.capitalized_inside(i - 1):
            return True
        if self.phrase_before(i, "address_before") is not None and self._name_follows(i + 1):
            return True  # 'ở 52 Hàng Chiếu'
        return (  # Ban Chỉ đạo 389 Quốc gia
            i > 1
            and t.types[i - 1] == W
            and self.capitalized_inside(i - 2)
            and i + 1 < t.n
            and t.types[i + 1] == W
            and is_upper_initial(t.texts[i + 1])
            and t.lowers[i - 1] not in STOP
        )

    # ------------------------------------------------------------ matches
    def mk(self, s, e, label, value, kind, unit, qual, iso=None, ns=-1, ne=-1, us=-1, ue=-1) -> NumberMatch:
        isq = label == "NUMBER" and kind in QUANTITY_KINDS and unit is not None
        return NumberMatch(
            start=s, end=e, label=label, value=num(value) if value is not None else None, kind=kind,
            unit=unit, qualifier=qual, iso=iso, number_start=ns, number_end=ne,
            unit_start=us, unit_end=ue, is_quantity=isq,
        )

    def date(self, s, e, kind, iso, ns, ne) -> NumberMatch:
        return self.mk(s, e, "DATE", None, kind, None, "exact", iso, ns, ne)

    def date_iso(self, d, m, y):
        if y is None:
            y = self.doc_year
        if d is None:
            return f"{y:04d}-{m:02d}" if y else f"--{m:02d}"
        return f"{y:04d}-{m:02d}-{d:02d}" if y else f"--{m:02d}-{d:02d}"
