"""PERSON: a capitalized run that opens with a surname, or follows an honorific
or a title; names in a closing credit line and in a photo credit.  A short
reference ('ông Nam') is merged into its full name by the resolver."""
from __future__ import annotations

from .. import resources as R
from ..records import OrgInfo, PersonInfo
from .lexicon import NAME_PARTICLES, NAMED_CLASSES, form_is_generic
from .syllables import Mention, View

#: words that open a credit line ('Theo:', 'Ảnh:', 'Thiết kế:', 'Đồ họa:')
CREDIT_OPENERS = R.word_set("credit_openers")
CREDIT_WORDS = R.word_set("credit_words")
#: openers of a photo credit ('Ảnh:'): the names after them are photographers
PHOTO_OPENERS = R.word_set("photo_credit_openers")
#: what separates names in a credit line
CREDIT_SEPARATORS = ("-", ",", ";", "/", "(")


def person_mention(i: int, j: int, role: str = "") -> Mention:
    return Mention("PERSON", i, j, PersonInfo(role=role))


def person(v: View, i: int, triggered: bool) -> Mention | None:
    """A name at i.  ``triggered``: an honorific or a title stands before it, so a
    foreign name counts ('Tổng thống Donald Trump'); else it opens with a surname."""
    s, lex = v.s, v.lex
    if not s[i].cap or s[i].text[:1].isdigit():
        return None
    if not triggered and not _untriggered_start(v, i):
        return None
    j = v.cap_run(i, 5 if triggered else 4)
    if triggered:
        j = _particles(v, i, j)
    if j == i:
        return None
    pm = v.place_at(i)
    if pm and pm[0] >= j:
        return None  # a place is not a name: 'các em học sinh Hà Nội'
    if not triggered and (j - i < 2 or not v.vietnamese(i, j)):
        return None  # with no trigger, a name is a Vietnamese surname and syllables ('La Liga' is not)
    if triggered and (lex.units.match(s, i) or v.head(i)):
        return None
    j = _word_end(v, i, j)
    if j - i < (1 if triggered else 2):
        return None
    withheld = j - i >= 3 and R.WITHHELD_INITIAL_RE.match(s[j - 1].text)  # 'Nguyễn Thanh Q.'
    if any(R.DIGIT_RE.search(x.text) or (len(x.text) > 1 and R.ALL_CAPS_RE.match(x.text))
           for x in s[i:j - 1 if withheld else j]):
        return None  # 'Covid-19', 'Đoàn TN' are not names
    return person_mention(i, j)  # canonical: the text as printed


def _word_end(v: View, i: int, j: int) -> int:
    """A name stops before a title or a body that the run ran into: 'Đoàn Chủ' of
    'Đoàn Chủ tịch' is 'Đoàn' (a word split by the capital is not glued to a name)."""
    s = v.s
    if not (i < j < len(s) and s[j].tok == s[j - 1].tok and not s[j].cap):
        return j
    k = j - 1
    while k > i and s[k].tok == s[j].tok:
        if v.title_at(k) or v.lex.heads_lower.match(s, k):
            return k
        k -= 1
    return j


def _untriggered_start(v: View, i: int) -> bool:
    s, lex = v.s, v.lex
    if lex.units.match(s, i) or s[i].text not in lex.surnames:
        return False
    return not (s[i].text in lex.stop and not v.is_person_token(i))


def _particles(v: View, i: int, j: int) -> int:
    """'Ursula von der Leyen', 'Charles de Gaulle': a foreign name goes on after its particles."""
    s = v.s
    while j < len(s) and s[j].text in NAME_PARTICLES and not R.is_vietnamese_syllable(s[i].text):
        k = j
        while k < len(s) and s[k].text in NAME_PARTICLES:
            k += 1
        if k >= len(s) or not s[k].cap or k - j > 2:
            break
        j = v.cap_run(k, 3)
    return j


# ------------------------------------------------------------------ credits and bylines
def bylines(v: View) -> list[Mention]:
    """Names in a closing credit line: 'Nhật Hồng', 'Hương Giang - Trường Thịnh',
    'Mai Chi (tổng hợp)', 'Minh PhươngTheo Reuters', 'Theo Ngọc HàVietNamNet',
    'Ảnh: Nguyễn Tiến Đạt'.  Each name is 2-4 capitalized syllables, the paper's
    own people: role 'byline', or 'photo' after a photo credit's opener."""
    s = v.s
    if len(s) > 16:
        return []
    k = _credit_opening(v)
    role = "photo" if k and s[0].low in PHOTO_OPENERS else "byline"
    out: list[Mention] = []
    while k < len(s):
        if s[k].text == "(":
            break  # '(tổng hợp)', '(thực hiện)'
        start = k
        while k < len(s) and s[k].text not in CREDIT_SEPARATORS and not (k > start and s[k].glued):
            k += 1
        group_end = k
        if k < len(s) and s[k].glued:
            out.extend(_glued_source(v, k))
            while k < len(s) and s[k].text not in CREDIT_SEPARATORS:
                k += 1
        n = group_end - start
        if _byline_name(v, start, group_end):
            out.append(Mention("PERSON", start, group_end, PersonInfo(standalone=True, role=role)))
        elif n and not all(x.cap for x in s[start:group_end]):
            return []  # a sentence, not a credit line
        if k < len(s) and s[k].text != "(":
            k += 1
    return out


def _byline_name(v: View, i: int, j: int) -> bool:
    """Is s[i:j] a name on a credit line: 2-4 capitalized Vietnamese syllables,
    or a name written with initials ('H.Long', 'T.Thủy')?"""
    s, n = v.s, j - i
    initial = n > 0 and bool(R.INITIAL_NAME_RE.match(s[i].text))
    if not (2 <= n <= 4 or initial and n <= 3):
        return False
    return all(x.cap and (x.text.isalpha() or k == i and initial)
               and R.is_vietnamese_syllable(x.text.rsplit(".", 1)[-1])
               for k, x in enumerate(s[i:j], i)) and not _known_name(v, i, j, byline=True)


def _credit_opening(v: View) -> int:
    """Where the names of a credit line start: after 'Theo', 'Ảnh:', 'Thiết kế:'."""
    s, k = v.s, 0
    if s and s[0].low in CREDIT_OPENERS:
        while k < len(s) and s[k].text != ":" and s[k].low in CREDIT_WORDS:
            k += 1
        if k < len(s) and s[k].text == ":":
            k += 1
    return k


def _glued_source(v: View, k: int) -> list[Mention]:
    """The name ends where a glued source begins ('PhươngTheo Reuters'): a
    known outlet there is the cited source, the rest is skipped."""
    s = v.s
    src = k + 1 if s[k].text == "Theo" else k
    h = v.head(src) if src < len(s) else None
    if h and h[2] == "media" and not form_is_generic(h[1]):
        return [Mention("ORGANIZATION", src, h[0], OrgInfo(name=h[1], cls="media", named=True))]
    return []


def _known_name(v: View, i: int, j: int, byline: bool = False) -> bool:
    """Is s[i:j] a body, a place or a title rather than a person?  On a byline
    a word that is also a name syllable ('Thành Đạt') is a name."""
    s, lex = v.s, v.lex
    h = v.head(i)
    if h and (h[0] - i >= 2 or R.ALL_CAPS_RE.match(s[i].text) or h[2] in NAMED_CLASSES):
        return True
    for trie in (lex.places, lex.countries, lex.units):
        m = trie.match(s, i)
        if m and m[0] >= j:
            return True
    return v.title_at(i) or s[i].text in lex.stop and not (byline and s[i].text in R.name_stopwords_ambiguous())


# ------------------------------------------------------------------ recognizers
def recognize_credit(v: View, i: int) -> int | None:
    """'(ảnh: Quốc Chính)': a photo credit names a person unless it is a body."""
    s = v.s
    if not (s[i].low in PHOTO_OPENERS and i + 2 < len(s) and s[i + 1].text == ":"):
        return None
    j = i + 2
    if v.head(j) or v.place_at(j):
        return None
    k = v.cap_run(j, 4)
    if 2 <= k - j <= 4 and (k >= len(s) or s[k].text in (")", ".", ",")) and v.vietnamese(j, k):
        v.take(person_mention(j, k, role="photo"))
        return k
    return None


def recognize_honorific(v: View, i: int) -> int | None:
    """'ông', 'PGS.TS', 'Đại tá' and the name after it (the honorific is not part of it)."""
    s, lex = v.s, v.lex
    if s[i].low not in lex.honor.first:
        return None
    hon = lex.honor.match(s, i)
    if not hon or (s[i].cap and lex.titles.match(s, i)):
        return None
    j = hon[0]
    p = person(v, j, True) if j < len(s) else None
    if p:
        v.take(p)
        return p.end
    return j


def recognize_person(v: View, i: int) -> int | None:
    """A name with no trigger: a Vietnamese surname and syllables."""
    p = person(v, i, False)
    if p:
        v.take(p)
        return p.end
    return None
