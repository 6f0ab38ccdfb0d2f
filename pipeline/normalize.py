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


def _compose(raw: str) -> tuple[list[str], list[int], list[int]]:
    """NFC by grapheme-ish clusters (base + combining marks), keeping offsets."""
    chars: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    i, n = 0, len(raw)
    while i < n:
        j = i + 1
        while j < n and unicodedata.combining(raw[j]):
            j += 1
        piece = raw[i:j]
        if j - i > 1 or not piece.isascii():
            piece = unicodedata.normalize("NFC", piece)
        for ch in piece:
            chars.append(ch)
            starts.append(i)
            ends.append(j)
        i = j
    return chars, starts, ends


def fix_tone_placement(text: str) -> str:
    """Move tone marks to the standard position: ``hoà``→``hòa``, ``thuỷ``→``thủy``.

    Only open syllables ending in ``oa``, ``oe``, ``uy`` (not after ``q``) are
    affected; ``hoàng``, ``quý`` are left alone.  Length is preserved.
    """
    return R.OLD_TONE_RE.sub(R.old_tone_repl, text)


def normalize(raw: str) -> tuple[str, OffsetMap]:
    """Normalize ``raw``; return the normalized text and its map to ``raw``."""
    chars, starts, ends = _compose(raw)
    out_c: list[str] = []
    out_s: list[int] = []
    out_e: list[int] = []
    for ch, s, e in zip(chars, starts, ends):
        ch = R.CHAR_MAP.get(ch, ch)
        if ch == "":
            continue
        if ch == "\n":
            # drop trailing spaces before a line end
            while out_c and out_c[-1] == " ":
                out_c.pop(), out_s.pop(), out_e.pop()
        elif ch == " ":
            if not out_c or out_c[-1] in " \n":
                continue
        out_c.append(ch)
        out_s.append(s)
        out_e.append(e)
    while out_c and out_c[-1] in " \n":
        out_c.pop(), out_s.pop(), out_e.pop()
    text = fix_tone_placement("".join(out_c))
    return text, OffsetMap(tuple(out_s), tuple(out_e), len(raw))


_TRANSLATE = str.maketrans({k: v for k, v in R.CHAR_MAP.items()})


def canonical_text(s: str) -> str:
    """Normalize a short string (a name) for output: NFC, tone placement, spaces
    (what :func:`normalize` does, without the offset map)."""
    s = unicodedata.normalize("NFC", s).translate(_TRANSLATE)
    return fix_tone_placement(" ".join(s.split()))
