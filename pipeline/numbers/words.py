"""Rules at a word token: ordinals in words, and amounts spelled in words.

``thứ hai``, ``Thứ nhất``, ``khóa XV`` are ordinals.  ``năm người``, ``hai
mươi lăm người`` are amounts; not emitted: names (``Ba Đình``), ``ba mẹ``,
vague amounts (``hàng trăm``, ``vài chục``), the article ``một``
(``một trường học``), number words with no unit, qualifier or multiplier.
"""
from __future__ import annotations

from .context import W, Scan, is_upper_initial
from .dates import quarter
from .lexicon import MOT_NOUNS, NUMWORDS, VAGUE_BEFORE, nfc_lower
from .numerals import collect
from .patterns import LIST_JOIN_RE, ROMAN_RE, SENT_END_RE
from .quantities import finish
from .units import unit_at

_ROMAN = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100}


def roman(s: str) -> int | None:
    total = 0
    for a, b in zip(s, s[1:] + " "):
        va = _ROMAN[a]
        total += -va if va < _ROMAN.get(b, 0) else va
    return total if total > 0 else None


#: words that may open a number in words or an ordinal
FIRST_WORDS = frozenset(NUMWORDS) | {"nhất"}


def starts_word_rule(sc: Scan, i: int) -> bool:
    """Token i may open a number in words, an ordinal or a roman numeral."""
    tx = sc.t.texts[i]
    return sc.t.lowers[i] in FIRST_WORDS or (tx[0] in "IVXLC" and bool(ROMAN_RE.fullmatch(tx)))


def ordinal_words(sc: Scan, i: int):
    """'thứ hai', 'Thứ nhất', 'khóa XV'; after an ordinal cue nothing else is read."""
    t = sc.t
    k = sc.ordinal_cue(i)
    if k is None or t.starts[k] < sc.floor:
        return None
    lw, s = t.lowers[i], t.starts[i]
    v, j = None, i + 1
    if lw == "nhất":
        v = 1
    elif ROMAN_RE.fullmatch(t.texts[i]):
        v = roman(t.texts[i])
        q = quarter(sc, i, v) if v else None
        if q is not None:
            return q  # 'quý III/2020'
    if v is None and lw in NUMWORDS:
        col = collect(sc, i)
        if col is not None:
            v, j = col[0], col[1]
    if v is None:
        return [], i + 1
    return [sc.mk(t.starts[k], t.ends[j - 1], "NUMBER", v, "ordinal", None, "exact", ns=s, ne=t.ends[j - 1])], j


def _starts_longer_word(sc: Scan, i: int) -> bool:
    """The segmentation makes the number word at token i the first syllable of a
    word whose next syllable is no number word ('chín mùi', not 'hai mươi')."""
    t = sc.t
    we = sc.word_at.get(t.starts[i]) if sc.word_at is not None else None
    return we is not None and we > t.ends[i] and i + 1 < t.n and t.lowers[i + 1] not in NUMWORDS


def _not_a_numeral(sc: Scan, i: int):
    """'ba mẹ', syllables of longer words, capitalized names inside a sentence, vague
    amounts -> (matches, next) or None."""
    t = sc.t
    if sc.phrase_at(i, "not_numeral") is not None:
        return [], i + 1  # 'ba mẹ', 'hai bên'
    if sc.inside_word(t.starts[i]) or _starts_longer_word(sc, i):
        return [], i + 1  # a syllable of a longer word: 'đòn bẩy', 'hàng năm', 'chín mùi'
    # capitalized number words inside a sentence are names (Ba Đình, Hai Bà Trưng)
    if is_upper_initial(t.texts[i]) and (
        not sc.sentence_initial(i) or (i + 1 < t.n and t.types[i + 1] == W and is_upper_initial(t.texts[i + 1]))
    ):
        return [], i + 1
    # vague amounts: hàng trăm, vài chục, mấy nghìn
    if i > 0 and t.types[i - 1] == W and t.lowers[i - 1] in VAGUE_BEFORE:
        col = collect(sc, i)
        return [], (col[1] if col else i + 1)
    if _definite(sc, i):
        col = collect(sc, i)
        j = col[1] if col else i + 1
        u = unit_at(sc, j)
        sc.definite_end = u[3] if u else t.ends[j - 1]
        return [], (u[4] if u else j)
    return None


def _definite(sc: Scan, i: int) -> bool:
    """'quan hệ hai nước', 'giữa hai Đảng, hai nước': the things named are known."""
    if sc.phrase_before(i, "definite_before") is not None:
        return True
    s = sc.t.starts[i]
    return 0 <= sc.definite_end <= s and bool(LIST_JOIN_RE.fullmatch(sc.text, sc.definite_end, s))


def _article_mot(sc: Scan, i: int, j: int) -> bool:
    """'một' at token i is the article ('một trường học'), unless 'có một người' or
    the same noun was counted before in the sentence ('3 người bị thương và một người')."""
    r = sc.phrase_before(i, "mot_verb")
    nxt = unit_at(sc, j)
    if nxt is None:
        return True
    prev = sc.out[-1] if sc.out else None
    same = (
        prev is not None and prev.is_quantity and prev.unit == nxt[1]
        and not SENT_END_RE.search(sc.text, prev.end, sc.t.starts[i])
    )
    return not same and (r is None or nfc_lower(nxt[1]) not in MOT_NOUNS)


def spelled(sc: Scan, i: int):
    """An amount in number words: 'năm người', 'Hơn một trăm người'."""
    t = sc.t
    if t.lowers[i] not in NUMWORDS:
        return None
    r = _not_a_numeral(sc, i)
    if r is not None:
        return r
    col = collect(sc, i)
    if col is None:
        return None
    v, j, has_scale, items = col
    q, qs = sc.qualifier_before(i)
    if len(items) == 1 and t.lowers[i] == "một" and q is None and _article_mot(sc, i, j):
        return [], j
    if len(items) == 1 and items[0][0] == "fraction" and q is None:
        return None
    kind_hint = "fraction" if items[-1][0] == "fraction" else None
    return finish(sc, i, j, v, t.starts[i], t.ends[j - 1], q, qs, kind_hint=kind_hint, has_scale=has_scale,
                  words_only=True)
