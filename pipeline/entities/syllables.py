"""The recognizers' shared, read-only view of one sentence: its syllables (each
with its char span, its token's POS tag, whether it opens its token) and the
lexicon queries every recognizer asks (is a head noun, a title, a unit word,
a place here?), plus the mentions already found in the sentence.

The word segmenter may glue or split a name differently from the lexicons,
so recognizers work on syllables, not tokens.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Iterable

from spacy.tokens import Doc

from .. import resources as R
from ..records import EntityInfo
from ..tokens import columns, tags
from .lexicon import MODIFIERS_BEFORE, PLURAL_MARKERS, Lex


@dataclass(slots=True)
class Syl:
    text: str
    start: int
    end: int
    tok: int          # token index in the doc
    tag: str          # POS of the token
    first: bool       # first syllable of its token
    tok_len: int      # syllables in its token
    glued: bool = False  # split off a glued word ('Theo' in 'PhươngTheo')
    cap: bool = field(init=False)   # starts with a capital
    low: str = field(init=False)    # lowercased text

    def __init__(self, text: str, start: int, end: int, tok: int, tag: str, first: bool, tok_len: int,
                 glued: bool = False) -> None:   # written out: a dataclass's __init__ + __post_init__ cost more
        self.text, self.start, self.end, self.tok, self.tag = text, start, end, tok, tag
        self.first, self.tok_len, self.glued = first, tok_len, glued
        self.cap = text[:1].isupper()
        self.low = text.lower()


@dataclass(slots=True)
class Mention:
    """A mention found in a sentence, in syllable indices."""
    label: str
    start: int        # first syllable index
    end: int          # one past the last syllable
    info: EntityInfo
    canonical: str = ""


def doc_syllables(doc: Doc) -> list[Syl]:
    """The syllables of the whole document, built once (spaces left out)."""
    out: list[Syl] = []
    cols = columns(doc)
    tag_of = tags(doc)
    texts, starts = cols.texts, cols.starts
    for i in cols.words():
        text, idx, tag = texts[i], starts[i], tag_of[i]
        if " " not in text and (len(text) < 3 or text[1:].islower()):   # split_space's one piece, no call
            out.append(Syl(text, idx, idx + len(text), i, tag, True, 1, False))
            continue
        pieces = split_space(text)
        n = len(pieces)
        for k, (p, s, glued) in enumerate(pieces):
            a = idx + s
            out.append(Syl(p, a, a + len(p), i, tag, k == 0, n, glued))
    return out


def split_space(text: str) -> list[tuple[str, int, bool]]:
    """Syllables of a token with their offsets; glued words ('PhươngTheo') are split."""
    out, pos = [], 0
    for part in text.split(" "):
        if not part:
            pass
        elif len(part) < 3 or part[1:].islower():
            out.append((part, pos, False))  # no capital after a lowercase letter: nothing glued
        else:
            cuts = [0] + [m.start() for m in R.GLUED_RE.finditer(part)] + [len(part)]
            if _is_brand(part, cuts):
                cuts = [0, len(part)]
            for a, b in zip(cuts, cuts[1:]):
                out.append((part[a:b], pos + a, a > 0))
        pos += len(part) + 1
    return out


def _is_brand(part: str, cuts: list[int]) -> bool:
    """'VietBank', 'DeVry', 'LienVietPostBank': a word with no Vietnamese letter
    and a piece that is no Vietnamese syllable is a brand, not glued words
    ('AnhTheo', 'PhươngTheo' are)."""
    return len(cuts) > 2 and part.isascii() and not all(
        R.is_vietnamese_syllable(part[a:b]) for a, b in zip(cuts, cuts[1:]))


def _head_matches(lex: Lex, s: list[Syl], i: int) -> list:
    """The head nouns at i as printed and in any case; a medium only as printed
    ('Lao động - Thương binh' is not the paper 'Lao Động')."""
    exact, low = lex.heads_exact.match(s, i), lex.heads_lower.match(s, i)
    if low and low[2][1] == "media" and low != exact:
        low = None
    return [h for h in (exact, low) if h]


class View:
    """One sentence's syllables, the lexicons, and the mentions taken so far."""

    __slots__ = ("s", "lex", "out", "taken")

    def __init__(self, syls: list[Syl], lex: Lex, out: list[Mention] | None = None,
                 taken: list[bool] | None = None) -> None:
        self.s = syls
        self.lex = lex
        self.out: list[Mention] = [] if out is None else out
        self.taken = [False] * len(syls) if taken is None else taken

    def upto(self, end: int) -> "View":
        """The same sentence as if it stopped at syllable ``end``."""
        return View(self.s[:end], self.lex, self.out, self.taken)

    def take(self, m: Mention) -> Mention:
        self.out.append(m)
        for k in range(m.start, m.end):
            self.taken[k] = True
        return m

    def take_all(self, ms: Iterable[Mention]) -> None:
        for m in ms:
            self.take(m)

    # ---------------------------------------------------------------- text
    def text(self, i: int, j: int) -> str:
        return " ".join(s.text for s in self.s[i:j])

    def surface(self, i: int, j: int) -> str:
        """The syllables s[i:j] as printed (glued words stay glued)."""
        s = self.s
        return "".join((" " if k > i and s[k].start > s[k - 1].end else "") + s[k].text for k in range(i, j))

    def ends_token(self, j: int) -> bool:
        """A one-syllable match may not stop inside a lowercase word ('Báo' in 'Báo cáo')."""
        s = self.s
        if j >= len(s) or s[j].first or s[j].tok != s[j - 1].tok:
            return True
        return s[j].cap

    def word_is_cap(self, k: int) -> bool:
        """Does the word syllable k belongs to begin with a capital ('Cạnh tranh')?"""
        s = self.s
        while k > 0 and not s[k].first and s[k - 1].tok == s[k].tok:
            k -= 1
        return s[k].cap

    # ---------------------------------------------------------------- name shapes
    def cap_run(self, i: int, max_len: int = 6) -> int:
        """End of the run of capitalized name syllables starting at i."""
        s, lex = self.s, self.lex
        j = i
        while j < len(s) and j - i < max_len:
            x = s[j]
            if not x.cap or not R.WORD_CHAR_RE.search(x.text) or x.text[:1].isdigit():
                break
            if j > i and (lex.titles.match(s, j) or lex.heads_exact.match(s, j) or lex.honor.match(s, j)):
                if not (x.tok == s[j - 1].tok):
                    break
            if R.ALL_CAPS_RE.match(x.text) and len(x.text) > 1 and j == i:
                break
            j += 1
        return j

    def is_person_token(self, i: int) -> bool:
        """A multi-syllable token that opens with a surname and is all capitalized."""
        s = self.s[i]
        if not (s.first and s.tok_len >= 2 and s.text in self.lex.surnames):
            return False
        return all(x.cap for x in self.s[i:i + s.tok_len])

    def looks_like_person(self, j: int, min_len: int = 2) -> bool:
        """A surname and 1-3 more capitalized Vietnamese syllables, ending the run."""
        s = self.s
        if j >= len(s) or s[j].text not in self.lex.surnames:
            return False
        k = j + 1
        while k < len(s) and s[k].cap and s[k].text.isalpha() and R.is_vietnamese_syllable(s[k].text):
            k += 1
        return min_len <= k - j <= 4 and (k >= len(s) or not s[k].cap) and not self.place_at(j)

    def person_tail(self, i: int, j: int) -> int:
        """Start of a person name (surname + 1-3 capitalized syllables) ending a
        capitalized run s[i:j], or j: 'Bộ GD&ĐT Hoàng Minh Sơn' -> at 'Hoàng'."""
        s = self.s
        if j < len(s) and s[j].cap:
            return j
        for n in (3, 4, 2):  # most Vietnamese names have three syllables
            k = j - n
            if k >= i + 1 and s[k].text in self.lex.surnames and all(
                    x.cap and x.text.isalpha() and R.is_vietnamese_syllable(x.text) for x in s[k:j]) \
                    and not self.place_at(k):  # 'Nước giải khát Hà Nội': a place, no person
                return k
        return j

    def vietnamese(self, i: int, j: int) -> bool:
        """Are s[i:j] all shaped like Vietnamese syllables?"""
        return all(R.is_vietnamese_syllable(x.text) for x in self.s[i:j])

    # ---------------------------------------------------------------- lexicon queries
    def place_at(self, i: int) -> tuple[int, str, object] | None:
        """A province, city or country named at i."""
        return self.lex.places.match(self.s, i) or self.lex.countries.match(self.s, i)

    def title_at(self, k: int) -> bool:
        """Does a title word (after its modifiers: 'Phó', 'Quyền') start at k?"""
        s, titles = self.s, self.lex.titles
        if k < len(s) and titles.match(s, k):
            return True
        while k < len(s) and s[k].low in MODIFIERS_BEFORE:
            k += 1
        return k < len(s) and bool(titles.match(s, k))

    def head(self, i: int, allow_lower: bool = False) -> tuple[int, str, str] | None:
        """(end, canonical, class) of an organization head noun at i ('Sở', 'UBND', 'Bộ Y tế')."""
        s, lex = self.s, self.lex
        if s[i].low not in lex.head_first:
            return None  # no head noun starts here, in any case
        if not s[i].cap and s[i].first and (i == 0 or s[i - 1].low not in PLURAL_MARKERS):
            h = lex.heads_lower.match(s, i)
            if h and h[2][1] in ("school", "health") and h[0] < len(s) and s[h[0]].cap:
                allow_lower = True  # 'trường THPT Chu Văn An', 'bệnh viện Bạch Mai' (not 'các bệnh viện')
        if not s[i].cap and not allow_lower:
            return None
        cands = _head_matches(lex, s, i)
        if not s[i].cap:
            cands = [h for h in cands if h[2][1] not in ("media",)]
        cands = [h for h in cands if self.ends_token(h[0])]
        if not cands:
            return None
        j, form, (canon, cls) = max(cands, key=lambda h: h[0])
        if cls == "school" and R.ALL_CAPS_RE.match(s[i].text) and not (i and s[i - 1].low == "trường"):
            return None  # 'THCS' alone is a school level, not a school
        return j, canon, cls

    def unit_word(self, i: int) -> tuple[int, str, object] | None:
        """The administrative-unit word at i ('phường', 'TP'), unless it begins a
        place known as a whole ('châu Âu') or stops inside a word ('tổ' of 'tổ chức')."""
        lex, s = self.lex, self.s
        u = lex.units.match(s, i) or lex.units_lower.match(s, i)
        if not u:
            return None
        whole = self.place_at(i)
        if whole and whole[0] > u[0]:
            return None
        return u if self.ends_token(u[0]) else None

    def any_unit(self, i: int) -> tuple[int, str, object] | None:
        """A unit word at i, as printed or in any case, with no further check."""
        return self.lex.units.match(self.s, i) or self.lex.units_lower.match(self.s, i)
