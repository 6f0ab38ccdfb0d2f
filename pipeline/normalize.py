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


# ------------------------------------------------------------------ glued words
_GLUE_CACHE: dict[str, tuple[int, ...]] = {}


def _vietnamese(syl: str) -> bool:
    return syl.isalpha() and R.is_vietnamese_syllable(syl)


def _word_cuts(word: str) -> tuple[int, ...]:
    """Where a run of letters is two words glued by the crawler, by syllable structure:

    - a lowercase letter then an uppercase one ('tưCông', 'trựcĐảng'), when the
      syllable before and the capitalized syllable after both have the shape of a
      Vietnamese syllable and one of them is written with Vietnamese letters
      ('VietBank', 'iPhone', 'TikTok', 'McDonald' stay whole), and the syllable
      before is lowercase;
    - a word with Vietnamese letters that is no Vietnamese syllable but two of them,
      the second a word of the dictionary ('Khuđược').
    """
    from .crf import word_dictionary

    cuts: list[int] = []
    for m in R.CASE_STEP_RE.finditer(word):
        i = m.start()
        j = i - 1
        while j > 0 and word[j - 1].islower():
            j -= 1
        if j > 0 and word[j - 1].isupper():
            j -= 1
        k = i + 1
        while k < len(word) and word[k].islower():
            k += 1
        left, right = word[j:i], word[i:k]
        if not (_vietnamese(left) and _vietnamese(right)) or (left + right).isascii():
            continue
        # between two capitalized syllables the glue may hide a line break or a brand
        # ('Minh PhươngTheo Reuters': a byline, then its source; 'Bảo ChâuVietNamNet'),
        # which the entity stage reads off the glued token: left to it
        if left[:1].islower():
            cuts.append(i)
    if cuts or word.isascii() or any(c.isupper() for c in word[1:]) or _vietnamese(word):
        return tuple(cuts)
    words = word_dictionary()
    found = [i for i in range(1, len(word))
             if not word[i].isupper() and _vietnamese(word[:i]) and _vietnamese(word[i:]) and word[i:] in words]
    return tuple(found) if len(found) == 1 else ()


def glued_cuts(text: str) -> list[int]:
    """Offsets in ``text`` where a space is missing between two glued words: by
    :func:`_word_cuts`, and after a brand of the same text written in two cases
    ('VietBank' elsewhere, then 'VietBankthay': 'VietBank' + a word of the dictionary)."""
    from .crf import word_dictionary

    cuts: list[int] = []
    cache = _GLUE_CACHE
    for m in R.LETTER_RUN_RE.finditer(text):
        w = m.group()
        if w.isascii():
            continue   # both rules want Vietnamese letters
        got = cache.get(w)
        if got is None:
            if len(cache) > 200_000:
                cache.clear()
            got = cache[w] = _word_cuts(w)
        if got:
            cuts.extend(m.start() + c for c in got)
    # a brand glued to the next word is itself a word with a case step ('VietBankthay')
    stepped = []
    for m in R.CASE_STEP_RE.finditer(text):
        a = b = m.start()
        if stepped and a < stepped[-1][0] + len(stepped[-1][1]):
            continue   # a second step in the same word
        while a > 0 and text[a - 1].isalpha():
            a -= 1
        while b < len(text) and text[b].isalpha():
            b += 1
        stepped.append((a, text[a:b]))
    if len(stepped) > 1:
        words = word_dictionary()
        brands = {w for _, w in stepped}
        for start, w in stepped:
            for b in brands:
                rest = w[len(b):]
                if len(rest) > 1 and w.startswith(b) and rest.islower() and _vietnamese(rest) and rest in words:
                    if start + len(b) not in cuts:
                        cuts.append(start + len(b))
                    break
    return sorted(cuts)


def fix_tone_placement(text: str) -> str:
    """Move tone marks to the standard position: ``hoà``→``hòa``, ``thuỷ``→``thủy``.

    Only open syllables ending in ``oa``, ``oe``, ``uy`` (not after ``q``) are
    affected; ``hoàng``, ``quý`` are left alone.  Length is preserved.
    """
    return R.OLD_TONE_RE.sub(R.old_tone_repl, text)


def normalize(raw: str) -> tuple[str, OffsetMap]:
    """Normalize ``raw``; return the normalized text and its map to ``raw``.

    Characters first (:func:`_characters`), then a space between words the crawler
    glued together (:func:`glued_cuts`; the space stands for no raw character), then
    the standard tone-mark placement (which keeps the length)."""
    text, out_s, out_e = _characters(raw)
    cuts = glued_cuts(text)
    if cuts:
        pieces: list[str] = []
        new_s: list[int] = []
        new_e: list[int] = []
        prev = 0
        for c in cuts:
            pieces += [text[prev:c], " "]
            new_s += out_s[prev:c]
            new_e += out_e[prev:c]
            new_s.append(out_s[c])
            new_e.append(out_s[c])
            prev = c
        pieces.append(text[prev:])
        text = "".join(pieces)
        out_s = new_s + out_s[prev:]
        out_e = new_e + out_e[prev:]
    return fix_tone_placement(text), OffsetMap(tuple(out_s), tuple(out_e), len(raw))


def _characters(raw: str) -> tuple[str, list[int], list[int]]:
    """NFC, ``R.CHAR_MAP``, single spaces, no spaces before a line end or at the ends;
    with each character's raw [start, end).

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
    return "".join(out_c), out_s, out_e


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
