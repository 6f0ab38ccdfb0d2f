"""Compiled patterns and lexicons, loaded once per process.

Every regular expression of the tagging stages is compiled here (with the
``regex`` package for Unicode classes) and every lexicon is read from
``pipeline/data`` here, so that the stages only look things up.
"""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from importlib import resources as _ir
from typing import Iterable

import regex

from .letters import VI_LETTERS
from .phrases import phrase_trie

DATA = _ir.files("pipeline") / "data"

# ---------------------------------------------------------------- characters
#: one-character substitutions of normalization ("" deletes the character)
CHAR_MAP: dict[str, str] = {
    "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"', "\u00ab": '"', "\u00bb": '"',
    "\u2033": '"', "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'",
    "\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-", "\u2014": "-", "\u2015": "-",
    "\u2212": "-", "\u00a0": " ", "\u2007": " ", "\u2009": " ", "\u200a": " ", "\u202f": " ",
    "\u3000": " ", "\t": " ", "\u200b": "", "\u200c": "", "\u200d": "", "\ufeff": "",
    "\u00ad": "", "\r": "", "\u2028": "\n", "\u2029": "\n", "\x0b": "\n", "\x0c": "\n",
}

# Characters that normalization leaves as they are, wherever they stand: printable
# ASCII and the precomposed Vietnamese letters.  A run of them (with single spaces
# between them; normalize() gives back a last one followed by a combining mark) is
# copied in one piece.
_PLAIN = "".join(sorted(
    c for c in {chr(i) for i in range(0x21, 0x7F)} | set(VI_LETTERS) | set(VI_LETTERS.upper())
    if unicodedata.normalize("NFC", c) == c and not unicodedata.combining(c) and c not in CHAR_MAP))
_PLAIN_CLASS = "[" + "".join("\\" + c if c in "\\]^-[" else c for c in _PLAIN) + "]"
PLAIN_RUN_RE = regex.compile(rf"{_PLAIN_CLASS}+(?: {_PLAIN_CLASS}+)*")
#: a run of ASCII and Vietnamese letters alone between spaces, which underthesea's
#: pre-tokenizer reads as one word whatever else its pattern holds (but for its 'Th.s',
#: whose dot is unescaped: 'Thyssenkrupp' is 'Thys' 'senkrupp'); else any other run.
#: With ``re``, underthesea's own engine, which reads this one faster than ``regex``.
PRETOKEN_CHUNK_RE = re.compile(
    rf"(?P<plain>(?!Th.[sS])[A-Za-z{VI_LETTERS}{VI_LETTERS.upper()}]+)(?![^ ])|[^ ]+")

_TONES = {"\u0300", "\u0301", "\u0303", "\u0309", "\u0323"}


def split_tone(ch: str) -> tuple[str, str]:
    """Split a precomposed vowel into (vowel without tone, tone combining mark)."""
    d = unicodedata.normalize("NFD", ch)
    tone = "".join(c for c in d if c in _TONES)
    base = "".join(c for c in d if c not in _TONES)
    return unicodedata.normalize("NFC", base), tone


def add_tone(ch: str, tone: str) -> str:
    return unicodedata.normalize("NFC", ch + tone)


# oa/oe/uy open syllables with the tone on the second vowel (old style)
OLD_TONE_RE = regex.compile(
    r"(?<![qQ])([oO])([àáảãạÀÁẢÃẠèéẻẽẹÈÉẺẼẸ])(?![\p{L}])"
    r"|(?<![qQ])([uU])([ỳýỷỹỵỲÝỶỸỴ])(?![\p{L}])"
)


def old_tone_repl(m: regex.Match) -> str:
    first = m.group(1) or m.group(3)
    second = m.group(2) or m.group(4)
    base, tone = split_tone(second)
    return add_tone(first, tone) + base


# ---------------------------------------------------------------- tokens
GLUED_RE = regex.compile(r"(?<=\p{Ll})(?=\p{Lu}\p{Ll})")
#: a run of letters (a word as crawled, maybe several glued together)
LETTER_RUN_RE = regex.compile(r"\p{L}+")
#: inside a run of letters: a lowercase letter then an uppercase one ('tưCông', 'VietBank')
CASE_STEP_RE = regex.compile(r"(?<=\p{Ll})\p{Lu}")
DIGIT_RE = regex.compile(r"\d")
#: a byline name written with initials: 'H.Long', 'T.Thủy', 'N.V.Hùng'
INITIAL_NAME_RE = regex.compile(r"^(?:\p{Lu}\.)+\p{Lu}\p{Ll}+$")
#: the initial that ends a partly withheld name ('Nguyễn Văn T.')
WITHHELD_INITIAL_RE = regex.compile(r"^\p{Lu}\.$")
#: a closing line that may follow the byline: the source or the photo credit
CREDIT_LINE_RE = regex.compile(r"^(?:(?:Theo|Ảnh|Nguồn|Video|Clip)\b[^.!?\n]{0,60}|[\p{Lu}&]{2,8})$")
#: a byline: one or more names of two to four capitalized words (or with
#: initials) joined by ' - ' or ','
_BYLINE_NAME = r"(?:\p{Lu}\p{Ll}*(?: \p{Lu}\p{Ll}*){1,3}|(?:\p{Lu}\.)+ ?\p{Lu}\p{Ll}+)"
BYLINE_RE = regex.compile(rf"^{_BYLINE_NAME}(?: ?[-–,] ?{_BYLINE_NAME})*$")
WORD_CHAR_RE = regex.compile(r"[\p{L}\p{N}]")
ALL_CAPS_RE = regex.compile(r"^[\p{Lu}\d&\-.]{2,}$")
#: short forms written with a final dot that is not a full stop
DOTTED_ABBREVIATIONS = frozenset({
    "TP", "Tp", "tp", "TS", "ThS", "GS", "PGS", "BS", "Q", "P", "H", "TX", "TT", "St", "Mr", "Mrs",
    "Ms", "Dr", "Th", "TS.BS", "ThS.BS", "v.v", "Ths", "KS", "LS", "NS",
})
WS_RE = regex.compile(r"\s+")
#: an aside in brackets: 'ông A (sinh năm 1975) - Thẩm phán ...'
PAREN_RE = regex.compile(r"\([^()]*\)")
#: 'ông'/'bà' as the subject of a clause that gives a post: '..., ông được bầu làm '
PRONOUN_RE = regex.compile(
    r"(?:^|[,;:]\s*|\s)(?:[ôÔ]ng|[bB]à)\s+(?:(?:đã|cũng|tiếp tục|sau đó)\s+)?"
    r"(?:được\s+(?:bầu|bổ nhiệm|chỉ định|điều động|phân công|giao)(?:\s+giữ chức|\s+làm)?|làm|trở thành|giữ chức|là)\s*$"
)
#: an age in apposition opening the words after a name ('ông A, 51 tuổi, trở thành ...')
AGE_ASIDE_RE = regex.compile(r"^,\s*\d{1,3}\s+tuổi\s*,\s*")
#: 'nguyên'/'cựu'/'tân' opening or closing the words between a name and a title
STATUS_WORD_RE = regex.compile(r"^(?:nguyên|cựu|tân)\b\s*|\s*\b(?:nguyên|cựu|tân)$")
#: the outlet credit that opens an article: '(NLĐO)- ...'
OUTLET_RE = regex.compile(r"^\s*\(([\p{Lu}][\p{L}.\- ]{1,15})\)\s*[-:]")
SENT_END_RE = regex.compile(r"^[.!?\u2026]+$")
#: a photo caption: a line that ends with a photo credit ('... (Ảnh: Reuters).', '... Ảnh: Duy Thành',
#: '(ảnh minh họa)', '(Ảnh chụp màn hình)', '(Nguồn: AP)') or opens with 'Ảnh minh họa'; not a
#: headline that only mentions a photo ('... chụp ảnh: Tiểu thương ...?', 'Hà Nội rực rỡ (ảnh)')
CAPTION_RE = regex.compile(
    r"(?:\(\s*(?:ảnh|nguồn|photo)\s*(?::|minh\s+h(?:ọa|oạ)|chụp)[^()\n]{0,80}\)"
    r"|(?:^|[.!?)]\s*)(?-i:Ảnh|ẢNH|Nguồn|NGUỒN|Photo)\s*:\s*[^!?:()\n]{1,60})\s*\.?\s*$"
    r"|^\s*ảnh\s+minh\s+h(?:ọa|oạ)\b",
    regex.IGNORECASE)


_VI_SYLLABLE_RE = regex.compile(
    r"^(?:ngh|ng|nh|gh|gi|kh|ph|qu|th|tr|ch|[bcdđghklmnprstvx])?"
    r"(?:[aăâeêioôơuưy]{1,3})(?:ch|ng|nh|[cmnpt])?$"
)


def is_vietnamese_syllable(syl: str) -> bool:
    """Does ``syl`` have the shape of a Vietnamese syllable ('Thịnh' yes, 'Daily' no)?"""
    base = "".join(c for c in unicodedata.normalize("NFD", syl.lower()) if c not in _TONES)
    return bool(_VI_SYLLABLE_RE.match(unicodedata.normalize("NFC", base)))


def is_cap(s: str) -> bool:
    return s[:1].isupper()


# ---------------------------------------------------------------- lexicons
def _lines(name: str) -> Iterable[list[str]]:
    path = DATA / name
    if not path.is_file():
        return []
    rows = []
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.rstrip()
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        rows.append([unicodedata.normalize("NFC", c.strip()) for c in line.split("\t")])
    return rows


@lru_cache(maxsize=None)
def data_rows(name: str) -> tuple[list[str], ...]:
    """The rows of a tab-separated data file (comments and blank lines left out), read once."""
    return tuple(_lines(name))


def nfc(s: str) -> str:
    return unicodedata.normalize("NFC", s)


@lru_cache(maxsize=None)
def surnames() -> frozenset[str]:
    return frozenset(r[0] for r in _lines("surnames.txt"))


@lru_cache(maxsize=None)
def honorifics() -> dict[str, str]:
    """form (lowercased) -> kind"""
    return {r[0].lower(): (r[1] if len(r) > 1 else "address") for r in _lines("honorifics.tsv")}


@lru_cache(maxsize=None)
def honorifics_longest_first() -> tuple[str, ...]:
    return tuple(sorted(honorifics(), key=len, reverse=True))


@lru_cache(maxsize=None)
def titles() -> dict[str, tuple[str, str]]:
    """title (lowercased) -> (category, body_hint)"""
    out = {}
    for r in _lines("titles.tsv"):
        cat = r[1] if len(r) > 1 else "generic"
        hint = r[2] if len(r) > 2 and r[2] != "-" else ""
        out[r[0].lower()] = (cat, hint)
    return out


@lru_cache(maxsize=None)
def job_titles() -> frozenset[str]:
    """Titles of the 'job labels' section of titles.tsv (lowercased): a position
    only when a named body follows ('giáo viên Trường X'); alone, an occupation."""
    path = DATA / "titles.tsv"
    out, in_jobs = set(), False
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("# ---"):
            in_jobs = "job labels" in line
        elif in_jobs and line.strip() and not line.startswith("#"):
            out.add(nfc(line.split("\t")[0]).lower())
    return frozenset(out)


@lru_cache(maxsize=None)
def org_heads() -> dict[str, tuple[str, str]]:
    """form (exact case for abbreviations, else lowercased) -> (canonical, class)"""
    out = {}
    for r in _lines("org_heads.tsv"):
        canon = r[1] if len(r) > 1 and r[1] else r[0]
        cls = r[2] if len(r) > 2 else "dept"
        out[r[0]] = (canon, cls)
    return out


@lru_cache(maxsize=None)
def ministry_domains() -> dict[str, tuple[str, str]]:
    """The domain of each ministry in org_heads.tsv: 'Bộ Y tế' -> 'Y tế'."""
    return {k[len("Bộ "):]: v for k, v in org_heads().items() if v[1] == "ministry" and k.startswith("Bộ ")}


@lru_cache(maxsize=None)
def admin_units() -> dict[str, tuple[str, str]]:
    """form -> (canonical, level)"""
    return {r[0]: ((r[1] if len(r) > 1 and r[1] else r[0]), (r[2] if len(r) > 2 else "")) for r in _lines("admin_units.tsv")}


@lru_cache(maxsize=None)
def places_vn() -> dict[str, tuple[str, str]]:
    """form -> (canonical, level)"""
    return {r[0]: ((r[1] if len(r) > 1 and r[1] else r[0]), (r[2] if len(r) > 2 else "")) for r in _lines("places_vn.tsv")}


@lru_cache(maxsize=None)
def countries() -> dict[str, tuple[str, str]]:
    """form -> (canonical, kind)"""
    return {r[0]: ((r[1] if len(r) > 1 and r[1] else r[0]), (r[2] if len(r) > 2 else "country")) for r in _lines("countries.tsv")}


@lru_cache(maxsize=None)
def default_bodies() -> dict[str, str]:
    """title body hint -> the body meant when the text names none"""
    return {r[0]: r[1] for r in _lines("default_bodies.tsv") if len(r) > 1}


@lru_cache(maxsize=None)
def word_set(name: str) -> frozenset[str]:
    """A set of grammar words of data/grammar_words.tsv ('<none>' is the empty string)."""
    return frozenset("" if r[1] == "<none>" else r[1] for r in _lines("grammar_words.tsv") if r[0] == name)


@lru_cache(maxsize=None)
def org_suffixes() -> frozenset[str]:
    """Words after a brand that name the company: 'Group', 'Holdings', 'Retail'."""
    return frozenset(r[0] for r in _lines("org_suffixes.txt"))


@lru_cache(maxsize=None)
def name_stopwords() -> frozenset[str]:
    return frozenset(r[0] for r in _lines("name_stopwords.txt"))


@lru_cache(maxsize=None)
def foreign_name_parts() -> frozenset[str]:
    """Common first parts of foreign names (Gareth, Kylie, Park, Lee)."""
    return frozenset(r[0] for r in _lines("foreign_name_parts.txt"))


@lru_cache(maxsize=None)
def name_stopwords_ambiguous() -> frozenset[str]:
    """The stopwords that are also name syllables (section 'ambiguous': Thành, Anh)."""
    out, section = set(), ""
    for line in (DATA / "name_stopwords.txt").read_text(encoding="utf-8").splitlines():
        if line.startswith("# ---"):
            section = line[5:].strip().split()[0]
        elif line.strip() and not line.startswith("#") and section == "ambiguous":
            out.add(nfc(line.strip()))
    return frozenset(out)


@lru_cache(maxsize=None)
def abbreviations() -> dict[str, str]:
    """abbreviation -> expansion (contract section 3 and more)."""
    out: dict[str, str] = {}
    for name in ("abbreviations_scoring.tsv", "abbreviations.tsv"):
        for r in _lines(name):
            if len(r) > 1:
                out.setdefault(r[0], r[1])
    return out


@lru_cache(maxsize=None)
def abbreviation_re() -> regex.Pattern:
    keys = sorted(abbreviations(), key=len, reverse=True)
    if not keys:
        return regex.compile(r"(?!x)x")
    alt = "|".join(regex.escape(k) for k in keys)
    return regex.compile(rf"(?<![\p{{L}}\p{{N}}])(?:{alt})(?![\p{{L}}\p{{N}}])")


def expand_abbreviations(s: str) -> str:
    table = abbreviations()
    out = abbreviation_re().sub(lambda m: table[m.group(0)], s)
    return WS_RE.sub(" ", out).strip()


#: the outlet an article's URL belongs to
OUTLET_DOMAINS = {
    "dantri.com.vn": "Dân trí", "nld.com.vn": "NLĐO", "vnexpress.net": "VnExpress",
    "tuoitre.vn": "Tuổi Trẻ", "thanhnien.vn": "Thanh Niên", "vietnamnet.vn": "VietNamNet",
    "laodong.vn": "Lao Động", "tienphong.vn": "Tiền Phong", "nhandan.vn": "Nhân Dân",
    "vietnamplus.vn": "VietnamPlus", "zingnews.vn": "Zing", "baochinhphu.vn": "Báo Chính phủ",
}


def outlet_of_url(url: str) -> str | None:
    for dom, name in OUTLET_DOMAINS.items():
        if dom in (url or ""):
            return name
    return None


#: an administrative-unit word between a body and its place (casefolded keys)
UNIT_BEFORE_NAME_RE = regex.compile(r" tỉnh (?=\p{L})")


_DASH_RE = regex.compile(r"\s*-\s*")


@lru_cache(maxsize=4096)   # a story's names recur within it; a small cache keeps RSS flat
def fold_key(s: str) -> str:
    """Grouping key of a canonical form: casefolded, single-spaced, dashes spaced."""
    return WS_RE.sub(" ", _DASH_RE.sub(" - ", s.casefold())).strip()


@lru_cache(maxsize=None)
def country_keys() -> frozenset[str]:
    """The fold keys of the countries' names."""
    return frozenset(fold_key(c) for c in countries())


@lru_cache(maxsize=None)
def place_keys() -> frozenset[str]:
    """The fold keys of the countries' and Vietnam's places' names."""
    return country_keys() | frozenset(fold_key(c) for c in places_vn())


# ---------------------------------------------------------------- fact types (pipeline/facts)
# Each fact type has one data file, data/<type>_words.tsv: "set<TAB>phrase[<TAB>value]".
@lru_cache(maxsize=None)
def fact_table(kind: str, name: str) -> dict[str, str]:
    """Phrase -> value ('' when none) of one set of data/<kind>_words.tsv."""
    return {r[1]: (r[2] if len(r) > 2 else "") for r in _lines(f"{kind}_words.tsv") if r[0] == name and len(r) > 1}


@lru_cache(maxsize=None)
def fact_words_re(kind: str, name: str, case: bool = False) -> regex.Pattern:
    """Any phrase of one set as whole words, longest first (case-insensitive unless ``case``)."""
    alt = phrase_trie(fact_table(kind, name), fold=not case)
    return regex.compile(rf"(?<![\p{{L}}\p{{N}}])(?:{alt})(?![\p{{L}}\p{{N}}])", 0 if case else regex.IGNORECASE)


#: a quotation in straight quotes (the normalized text has only those); it may span lines
QUOTE_RE = regex.compile(r'"([^"\n]{2,}(?:\n[^"\n]+)*)"')
#: what opens an apposition after a speaker's name: 'Ông A, giám đốc ...', 'Chị B - Cán bộ ...'
APPOSITION_RE = regex.compile(r"\s*(?:,|-|–|\()\s")
#: a source the recognizers do not know, opening a clause: 'Nikkei', 'Hãng xăng dầu BP', 'AP ngày 26/4'
SOURCE_NAME_RE = regex.compile(
    r"(?P<head>(?:\p{Ll}+ ){1,3})?(?P<name>[A-Z][A-Za-z0-9&]*(?: [A-Z][A-Za-z0-9&]*){0,2})(?P<rest>(?: [^A-Z]*)?)$")
def word_in(word: str, text: str) -> bool:
    """Does ``word`` occur in ``text`` as a whole word, in this case (a common word, not a name)?"""
    return regex.search(rf"(?<![\p{{L}}\p{{N}}]){regex.escape(word)}(?![\p{{L}}\p{{N}}])", text) is not None


#: a quotation that closes a clause after a colon: 'ông A cho biết: "..."'
COLON_QUOTE_RE = regex.compile(r':\s*"')
#: a document number with its code: '71/2025', '2245/QĐ-BGDĐT', '36-HD/BTCTW', '10/CĐ-UBND', 'số 34'
DOC_NUMBER_RE = regex.compile(
    r"(?:số\s+)?(?P<number>\d+(?:/\d{4})?(?:/[\p{Lu}Đ\d]+(?:-[\p{Lu}\p{Ll}Đ\d]+)*)|\d+-[\p{Lu}Đ]+/[\p{Lu}Đ\d-]+)"
    r"|số\s+(?P<bare>\d+)(?![\p{L}\p{N}/])")
#: the code part of a number: '2245/QĐ-BGDĐT' -> 'QĐ-BGDĐT'
DOC_CODE_RE = regex.compile(r"/(?:\d{4}/)?(?P<code>[\p{Lu}Đ][\p{Lu}\p{Ll}Đ\d-]*)$|^\d+-(?P<kind>[\p{Lu}Đ]+)/(?P<code2>[\p{Lu}Đ\d-]+)$")
#: 'ngày 25/1/2021', 'ngày 4-2', 'hôm 16/4', 'sáng 30.4': a day in the text
DAY_RE = regex.compile(r"(?<![\p{L}\p{N}])(?:ngày|hôm|sáng|chiều|tối|trưa)\s+(\d{1,2})\s*[/.-]\s*(\d{1,2})(?:\s*[/.-]\s*(\d{4}))?(?![\p{N}])", regex.IGNORECASE)
#: 'năm 2020', 'năm học 2024-2025': a year
YEAR_RE = regex.compile(r"(?<![\p{N}])(19\d\d|20\d\d)(?![\p{N}])")
#: a word (for word counts and short gaps)
WORD_RE = regex.compile(r"[\p{L}\p{N}]+")
#: in a JSON text, a string (skipped) or a float: pydantic writes floats as Rust does
#: ('1e-7', '0.00001'), Python's json as ``repr`` does ('1e-07', '1e-05')
JSON_FLOAT_RE = regex.compile(r'"[^"\\]*+(?:\\.[^"\\]*+)*+"(*SKIP)(*FAIL)|-?\d+(?:\.\d+)?[eE][+-]?\d+|-?\d+\.\d+')
