"""Text normalization that keeps a map back to the raw text.

The pipeline works on normalized text (NFC, standard tone-mark placement,
straight quotes, plain dashes, single spaces, ``\\n`` line ends); every offset it
reports must index the raw text *as read*.  :func:`normalize` returns the
normalized string together with an :class:`OffsetMap` that turns a span of the
normalized text back into the raw span it came from.
"""
from __future__ import annotations

import unicodedata
from dataclasses import dataclass

from . import resources as R


@dataclass(frozen=True)
class OffsetMap:
    """For each normalized character, the raw ``[start, end)`` it came from."""

    starts: tuple[int, ...]
    ends: tuple[int, ...]
    raw_len: int

    def to_raw(self, start: int, end: int) -> tuple[int, int]:
        """Map a normalized span to the raw span covering the same characters."""
        if end <= start:
            pos = self.starts[start] if start < len(self.starts) else self.raw_len
            return pos, pos
        return self.starts[start], self.ends[end - 1]


def fix_tone_placement(text: str) -> str:
    """Move tone marks to the standard position: ``hoà``→``hòa``, ``thuỷ``→``thủy``.

    Only open syllables ending in ``oa``, ``oe``, ``uy`` (not after ``q``) are
    affected; ``hoàng``, ``quý`` are left alone.  Length is preserved.
    """
    return R.OLD_TONE_RE.sub(R.old_tone_repl, text)


def normalize(raw: str) -> tuple[str, OffsetMap]:
    """Normalize ``raw``; return the normalized text and its map to ``raw``.

    One pass: runs of characters that stay as they are (``R.PLAIN_RUN_RE``: ASCII,
    precomposed Vietnamese letters, single spaces between them; not the base of a
    combining mark) are copied whole; the characters between runs go through
    :func:`_rest`, one cluster at a time."""
    out_c: list[str] = []
    out_s: list[int] = []
    out_e: list[int] = []
    pos = 0
    n = len(raw)
    combining = unicodedata.combining
    for m in R.PLAIN_RUN_RE.finditer(raw):
        a, b = m.span()
        if b < n and combining(raw[b]):   # the last character is the base of a cluster
            b -= 1
            if raw[b - 1:b] == " ":
                b -= 1
            if b <= a:
                continue
        if a > pos:
            _rest(raw, pos, a, out_c, out_s, out_e)
        out_c.append(raw[a:b])
        out_s.extend(range(a, b))
        out_e.extend(range(a + 1, b + 1))
        pos = b
    if pos < n:
        _rest(raw, pos, n, out_c, out_s, out_e)
    while out_c and out_c[-1] in (" ", "\n"):
        out_c.pop(), out_s.pop(), out_e.pop()
    text = fix_tone_placement("".join(out_c))
    return text, OffsetMap(tuple(out_s), tuple(out_e), len(raw))


def _rest(raw: str, lo: int, hi: int, out_c: list[str], out_s: list[int], out_e: list[int]) -> None:
    """Normalize ``raw[lo:hi]`` character by character onto the output: NFC by
    clusters (base + combining marks; every character of a cluster maps to the
    whole cluster), ``R.CHAR_MAP``, single spaces, no spaces before a line end.
    ``out_c`` holds single characters and whole plain runs (which never end in a space)."""
    combining = unicodedata.combining
    char_map = R.CHAR_MAP
    i = lo
    while i < hi:
        j = i + 1
        while j < hi and combining(raw[j]):
            j += 1
        piece = raw[i:j]
        if j - i > 1 or not piece.isascii():
            piece = unicodedata.normalize("NFC", piece)
        for ch in piece:
            ch = char_map.get(ch, ch)
            if ch == "":
                continue
            if ch == "\n":
                while out_c and out_c[-1] == " ":   # drop trailing spaces before a line end
                    out_c.pop(), out_s.pop(), out_e.pop()
            elif ch == " ":
                if not out_c or out_c[-1][-1] in " \n":
                    continue
            out_c.append(ch)
            out_s.append(i)
            out_e.append(j)
        i = j


_TRANSLATE = str.maketrans({k: v for k, v in R.CHAR_MAP.items()})


def canonical_text(s: str) -> str:
    """Normalize a short string (a name) for output: NFC, tone placement, spaces
    (what :func:`normalize` does, without the offset map)."""
    s = unicodedata.normalize("NFC", s).translate(_TRANSLATE)
    return fix_tone_placement(" ".join(s.split()))
