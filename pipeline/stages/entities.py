"""Tag PERSON, TITLE, ORGANIZATION and LOCATION mentions by mechanism.

The stage works sentence by sentence on *syllables* (the word segmenter may
glue or split a name differently from the lexicons), each carrying its char
span, its token's POS tag and whether the token is a multi-syllable proper
noun.  Lexicons (``pipeline/data``) give honorifics, titles, organization head
nouns, administrative units and place names; grammar rules give the spans:

* ORGANIZATION = head noun + name part (capitalized words, ``và``/``-`` joining
  capitalized words, a few lowercase nouns) + complement (an administrative
  unit with or without its name, a place, a parent body); coordinated heads
  share the complement of the last one; ellipses are filled from the document.
* TITLE = title word with its modifiers (Phó, Thứ nhất, Thường trực, Quyền);
  ``nguyên``/``cựu`` before it mark it former.
* PERSON = a capitalized run that opens with a surname, or follows an
  honorific or a title; a short reference is merged into its full name later.
* LOCATION = an administrative unit with its name, a province, a country.

Mentions are written as ``doc.spans['mentions']`` (the spaCy layer, overlaps
allowed) and as ``doc._.mentions``: :class:`~pipeline.language.Annotation`
records holding the exact char offsets and what the linker needs.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from .. import resources as R
from ..language import Annotation
from .person_recall import recall_persons


@dataclass
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

    def __post_init__(self) -> None:
        self.cap = self.text[:1].isupper()
        self.low = self.text.lower()


@dataclass
class Mention:
    label: str
    start: int        # first syllable index
    end: int          # one past the last syllable
    canonical: str = ""
    attrs: dict = field(default_factory=dict)


def _syllables(sent: Span) -> list[Syl]:
    out: list[Syl] = []
    for tok in sent:
        if tok.is_space:
            continue
        pieces = _split_space(tok.text)
        for k, (p, s, glued) in enumerate(pieces):
            out.append(Syl(p, tok.idx + s, tok.idx + s + len(p), tok.i, tok.tag_, k == 0, len(pieces), glued))
    return out


def _split_space(text: str) -> list[tuple[str, int, bool]]:
    """Syllables of a token with their offsets; glued words ('PhươngTheo') are split."""
    out, pos = [], 0
    for part in text.split(" "):
        if part:
            cuts = [0] + [m.start() for m in R.GLUED_RE.finditer(part)] + [len(part)]
            for a, b in zip(cuts, cuts[1:]):
                out.append((part[a:b], pos + a, a > 0))
        pos += len(part) + 1
    return out


# ------------------------------------------------------------------ lexicon trie
class Trie:
    """Longest match of syllable sequences; keys are tuples of syllables."""

    def __init__(self, entries: dict[str, object], lower: bool) -> None:
        self.lower = lower
        self.root: dict = {}
        for form, value in entries.items():
            key = form.split()
            if lower:
                key = [k.lower() for k in key]
            node = self.root
            for k in key:
                node = node.setdefault(k, {})
            node[None] = (form, value)

    def match(self, syls: list[Syl], i: int) -> tuple[int, str, object] | None:
        node, best, j = self.root, None, i
        while j < len(syls):
            k = syls[j].low if self.lower else syls[j].text
            if k not in node:
                break
            node = node[k]
            j += 1
            if None in node:
                best = (j, *node[None])
        return best


class PlaceTrie:
    """Place names as printed, or in any case when capitalized and two syllables or
    more ('Đồng Bằng sông Cửu Long'); a lowercase one-syllable name never matches
    ('vinh dự' is not Vinh)."""

    def __init__(self, entries: dict[str, object]) -> None:
        self.exact = Trie(entries, lower=False)
        self.folded = Trie(entries, lower=True)

    def match(self, syls: list["Syl"], i: int) -> tuple[int, str, object] | None:
        m = self.exact.match(syls, i)
        if m or i >= len(syls) or not syls[i].cap:
            return m
        m = self.folded.match(syls, i)
        return m if m and m[0] - i >= 2 else None


class Lex:
    _inst: "Lex | None" = None

    def __init__(self) -> None:
        self.honor = Trie(R.honorifics(), lower=True)
        self.titles = Trie(R.titles(), lower=True)
        heads = R.org_heads()
        self.heads_exact = Trie(heads, lower=False)
        self.heads_lower = Trie({k: v for k, v in heads.items() if not R.ALL_CAPS_RE.match(k.split()[0])}, lower=True)
        self.units = Trie(R.admin_units(), lower=False)
        self.units_lower = Trie(R.admin_units(), lower=True)
        self.places = PlaceTrie(R.places_vn())
        self.countries = PlaceTrie(R.countries())
        self.domains = {"Bộ": Trie(R.ministry_domains(), lower=True)}
        self.surnames = R.surnames()
        self.stop = R.name_stopwords()

    @classmethod
    def get(cls) -> "Lex":
        if cls._inst is None:
            cls._inst = cls()
        return cls._inst


MODIFIERS_BEFORE = R.word_set("modifiers_before")
MODIFIERS_AFTER = frozenset(tuple(p.split()) for p in R.word_set("modifiers_after"))
FORMER = R.word_set("former")
NAME_PARTICLES = R.word_set("name_particles")
PLURAL_MARKERS = R.word_set("plural_markers")
PEOPLE_NAMED_HEADS = tuple(sorted(R.word_set("people_named_heads")))
NAMED_AFTER_PEOPLE = {"school", "health", "business"}  # 'Trường THPT Nguyễn Du', 'Bệnh viện Bạch Mai'
GENERIC_HEADS = R.word_set("generic_heads")


def form_is_generic(head: str) -> bool:
    """A head noun that needs a name after it even in a 'complete name' class."""
    return head in GENERIC_HEADS


BRAND_TITLES = {"business", "bank", "generic"}  # titles whose body may be a brand
NAMED_CLASSES = {"fixed", "ministry", "international", "media", "foreign"}
# 'Bộ trưởng Công Thương' names Bộ Công Thương, 'Trưởng phòng Nội vụ' Phòng Nội vụ
DOMAIN_HINTS = R.word_set("domain_hints")
NAME_STOP = R.word_set("name_stop")
FUNCTION_WORDS = R.word_set("function_words")


def _cap_run(syls: list[Syl], i: int, lex: Lex, max_len: int = 6) -> int:
    """End of the run of capitalized name syllables starting at i."""
    j = i
    while j < len(syls) and j - i < max_len:
        s = syls[j]
        if not s.cap or not R.WORD_CHAR_RE.search(s.text) or s.text[:1].isdigit():
            break
        if j > i and (lex.titles.match(syls, j) or lex.heads_exact.match(syls, j) or lex.honor.match(syls, j)):
            if not (s.tok == syls[j - 1].tok):
                break
        if R.ALL_CAPS_RE.match(s.text) and len(s.text) > 1 and j == i:
            break
        j += 1
    return j


class SentenceTagger:
    def __init__(self, syls: list[Syl], lex: Lex) -> None:
        self.s = syls
        self.lex = lex
        self.out: list[Mention] = []
        self.taken = [False] * len(syls)

    # -------------------------------------------------------------- helpers
    def _take(self, m: Mention) -> Mention:
        self.out.append(m)
        for k in range(m.start, m.end):
            self.taken[k] = True
        return m

    def text(self, i: int, j: int) -> str:
        return " ".join(s.text for s in self.s[i:j])

    def is_person_token(self, i: int) -> bool:
        s = self.s[i]
        if not (s.first and s.tok_len >= 2 and s.text in self.lex.surnames):
            return False
        return all(x.cap for x in self.s[i:i + s.tok_len])

    # -------------------------------------------------------------- locations
    def location(self, i: int, in_title: bool = False) -> tuple[int, str, str] | None:
        """(end, canonical, level) of a location starting at i.  In a title chain
        a unit word followed by a person's name is elliptical: 'Phó Chủ tịch
        UBND TP Võ Văn Hoan' names the city's committee and then the person."""
        lex, s = self.lex, self.s
        u = self.unit_word(i)
        if u:
            j, form, (canon, level) = u
            known = lex.places.match(s, j) or lex.countries.match(s, j)
            if in_title and not known and j < len(s) and self.looks_like_person(j, min_len=3):
                return None
            street = level == "street"
            run_end = _cap_run(s, j, lex, 8)
            k = run_end if street else self.person_tail(j, run_end)
            if known:  # 'Hồ Chí Minh' before a person's name; 'Đức Phổ' is more than 'Đức'
                k = max(k, known[0])
            if street and i and s[i - 1].low in ("thành", "khu"):
                return None  # 'phố' of 'thành phố', 'khu phố'
            if k > j:  # after a unit word a name is a place, even 'Hồ Chí Minh', 'Quan Nhân'
                name = self.text(j, k)
                canon_name = R.places_vn().get(name, (name, ""))[0]
                if canon_name.lower().startswith(canon.lower() + " "):
                    return k, canon_name, level
                return k, f"{canon} {name}", level
            return None
        p = lex.places.match(s, i)
        if p:
            j, form, (canon, level) = p
            return j, canon, level or "province"
        c = lex.countries.match(s, i)
        if c:
            j, form, (canon, kind) = c
            return j, canon, kind or "country"
        return None

    def unit_word(self, i: int) -> tuple[int, str, object] | None:
        """The administrative-unit word at i ('phường', 'TP'), unless it begins a
        place known as a whole ('châu Âu') or stops inside a word ('tổ' of 'tổ chức')."""
        lex, s = self.lex, self.s
        u = lex.units.match(s, i) or lex.units_lower.match(s, i)
        whole = lex.places.match(s, i) or lex.countries.match(s, i)
        if u and whole and whole[0] > u[0]:
            return None
        return u if u and self._ends_token(u[0]) else None

    def bare_unit(self, i: int) -> tuple[int, str, str] | None:
        u = self.unit_word(i)
        if u:
            j, form, (canon, level) = u
            return j, canon, level
        return None

    # -------------------------------------------------------------- organizations
    def head(self, i: int, allow_lower: bool = False) -> tuple[int, str, str] | None:
        s = self.s
        if not s[i].cap and s[i].first and (i == 0 or s[i - 1].low not in PLURAL_MARKERS):
            h = self.lex.heads_lower.match(s, i)
            if h and h[2][1] in ("school", "health") and h[0] < len(s) and s[h[0]].cap:
                allow_lower = True  # 'trường THPT Chu Văn An', 'bệnh viện Bạch Mai' (not 'các bệnh viện')
        if not s[i].cap and not allow_lower:
            return None
        cands = [h for h in (self.lex.heads_exact.match(s, i), self.lex.heads_lower.match(s, i)) if h]
        if not s[i].cap:
            cands = [h for h in cands if h[2][1] not in ("media",)]
        cands = [h for h in cands if self._ends_token(h[0])]
        if not cands:
            return None
        j, form, (canon, cls) = max(cands, key=lambda h: h[0])
        if cls == "school" and R.ALL_CAPS_RE.match(s[i].text) and not (i and s[i - 1].low == "trường"):
            return None  # 'THCS' alone is a school level, not a school
        return j, canon, cls

    def _ends_token(self, j: int) -> bool:
        """A one-syllable match may not stop inside a lowercase word ('Báo' in 'Báo cáo')."""
        s = self.s
        if j >= len(s) or s[j].first or s[j].tok != s[j - 1].tok:
            return True
        return s[j].cap

    def looks_like_person(self, j: int, min_len: int = 2) -> bool:
        """A surname and 1-3 more capitalized Vietnamese syllables, ending the run."""
        s = self.s
        if j >= len(s) or s[j].text not in self.lex.surnames:
            return False
        k = j + 1
        while k < len(s) and s[k].cap and s[k].text.isalpha() and R.is_vietnamese_syllable(s[k].text):
            k += 1
        return min_len <= k - j <= 4 and (k >= len(s) or not s[k].cap) and not (
            self.lex.places.match(s, j) or self.lex.countries.match(s, j))

    def person_tail(self, i: int, j: int) -> int:
        """Start of a person name (surname + 1-3 capitalized syllables) ending a
        capitalized run s[i:j], or j: 'Bộ GD&ĐT Hoàng Minh Sơn' -> at 'Hoàng'."""
        s = self.s
        if j < len(s) and s[j].cap:
            return j
        for n in (3, 4, 2):  # most Vietnamese names have three syllables
            k = j - n
            if k >= i + 1 and s[k].text in self.lex.surnames and all(
                    x.cap and x.text.isalpha() and R.is_vietnamese_syllable(x.text) for x in s[k:j]):
                return k
        return j

    def organization(self, i: int, allow_lower: bool = False, in_title: bool = False,
                     virtual: str | None = None) -> Mention | None:
        """The body whose head noun starts at i.  After a title (``in_title``) a
        person's name ends it ('Giám đốc Sở Y tế Nguyễn Văn A'); elsewhere a
        name inside it is part of it ('Đoàn Thanh niên Cộng sản Hồ Chí Minh').
        ``virtual`` is a head noun the text leaves out: 'Trưởng ban Tổ chức
        Tỉnh ủy' names 'Ban Tổ chức Tỉnh ủy' with no 'Ban' before 'Tổ chức'."""
        h = (i, virtual, "dept") if virtual else self.head(i, allow_lower)
        if not h:
            return None
        s, lex = self.s, self.lex
        j, canon_head, cls = h
        # nested heads: "Ban Thường vụ Đảng ủy ...", "Văn phòng UBND tỉnh"
        name_parts: list[str] = [canon_head]
        k = j
        generic = form_is_generic(canon_head)
        named = cls in NAMED_CLASSES and not generic
        business = cls == "business"
        # a complete name from the lexicon ('Bộ Y tế', 'EU', 'Điện Kremlin') takes
        # only a place after it, never more words
        cap_tokens = 0  # capitalized words of the name after the head
        lead_lower = False  # the name began with lowercase words ('Viện dinh dưỡng Quốc gia')
        last_head, after_head = canon_head, 1  # the innermost head and where its name starts
        after_head_k = j  # syllable index where the name after the last head starts
        if cls in NAMED_CLASSES and not generic:
            # a complete name takes only a company word after it ('Masan Group')
            while k < len(s) and s[k].text in R.org_suffixes():
                name_parts.append(s[k].text)
                k += 1
        while k < len(s) and not (cls in NAMED_CLASSES and not generic and k >= j):
            x = s[k]
            if x.text in {",", ";", ":", "(", ")", '"', ".", "!", "?"}:
                break
            if not x.first and k > j and x.tok == s[k - 1].tok and not (
                    x.cap and (lex.units_lower.match(s, k) or lex.places.match(s, k))) and not (
                    x.low == x.text and (R.ALL_CAPS_RE.match(s[k - 1].text) or not R.is_vietnamese_syllable(s[k - 1].text))):
                name_parts.append(x.text)  # the rest of a word already begun
                k += 1
                continue
            if self.is_person_token(k) and not business and not (k == after_head_k and cls in NAMED_AFTER_PEOPLE) \
                    and (in_title or not named):
                break
            if lex.honor.match(s, k) or (x.cap and self.title_at(k)):
                break
            if x.low in NAME_STOP:
                break
            um = lex.units.match(s, k) or lex.units_lower.match(s, k)
            if um and x.cap and um[2][1] in ("village", "street", "region") and um[0] < len(s) \
                    and not s[um[0]].cap:
                um = None  # 'Ban Quản lý Khu kinh tế': a capitalized word of the name, not a place
            if um and self._ends_token(um[0]):
                nh = self.head(k)
                if not (nh and nh[0] > um[0]):  # 'Tỉnh ủy' is a body, 'Thị xã Bỉm Sơn' a place
                    break
            if (lex.places.match(s, k) or lex.countries.match(s, k)) and not business:
                break
            nh = self.head(k)
            if nh:
                if k > j and s[k - 1].text in {"-", "và", ","}:
                    break  # a coordinated body, not a nested one
                # nested body ('Ban Thường vụ Đảng ủy ...'): keep its canonical form
                name_parts.append(nh[1])
                k = nh[0]
                named = named or nh[2] in NAMED_CLASSES
                last_head, after_head = nh[1], len(name_parts)
                after_head_k = k
                continue
            if x.low in {"và", "-", "&"} and k + 1 < len(s) and s[k + 1].cap and not self.head(k + 1) \
                    and not self.title_at(k + 1) and not self.is_person_token(k + 1) \
                    and not lex.places.match(s, k + 1) and not lex.countries.match(s, k + 1) \
                    and s[k + 1].text not in lex.stop and not self._stop_phrase(k + 1):
                name_parts.append(x.text)
                k += 1
                continue
            if x.cap and R.WORD_CHAR_RE.search(x.text):
                abbr = R.abbreviations().get(x.text)
                name_parts.append(abbr or x.text)
                named = True
                cap_tokens += 1
                k += 1
                continue
            if x.text[:1].isdigit() and x.text.isdigit() and (named and s[k - 1].cap or k == after_head_k) \
                    and (k + 1 >= len(s) or not (s[k + 1].low == s[k + 1].text and s[k + 1].text.isalpha())):
                name_parts.append(x.text)  # 'Ban Chỉ đạo 389 Quốc gia', 'Bệnh viện 108', 'Cơ sở 2'
                named = True
                k += 1
                continue
            if named and cap_tokens == 1 and not lead_lower and x.low == x.text and x.tag in ("N", "A", "Nc") \
                    and x.low not in FUNCTION_WORDS and not s[k - 1].text[:1].isdigit() \
                    and R.is_vietnamese_syllable(s[k - 1].text) and not R.ALL_CAPS_RE.match(s[k - 1].text):
                # a descriptive name: one capitalized word, then lowercase ones
                # ('Cục Quản lý thị trường'), never after a second capital
                name_parts.append(x.text)
                k += 1
                continue
            ahead = self._lower_then_name(k)
            if ahead > k:
                name_parts.extend(y.text for y in s[k:ahead])
                k = ahead
                lead_lower = lead_lower or cap_tokens == 0
                continue
            break
        # trailing lowercase words that are not nouns do not belong to the name;
        # a word goes whole ('sức khỏe', never 'sức')
        while k - 1 >= after_head_k and len(name_parts) > 1 and s[k - 1].low == s[k - 1].text \
                and s[k - 1].text.isalpha() and self._is_dangling(k - 1) and not self._word_is_cap(k - 1):
            tok = s[k - 1].tok
            while k - 1 >= after_head_k and s[k - 1].tok == tok and len(name_parts) > 1:
                name_parts.pop()
                k -= 1
        complement = ""
        comp_level = ""
        loc = self.location(k, in_title) if k < len(s) else None
        if loc:
            # the place as printed, abbreviations expanded ('Sài Gòn' stays in 'Đại học Công nghệ Sài Gòn')
            complement, comp_level = R.expand_abbreviations(self.surface(k, loc[0])), loc[2]
            k = loc[0]
        elif k < len(s):
            bu = self.bare_unit(k)
            if bu and (bu[0] >= len(s) or not s[bu[0]].cap or (in_title and self.looks_like_person(bu[0]))):
                complement, comp_level = "?" + bu[1], bu[2]
                k = bu[0]
        m = Mention("ORGANIZATION", i, k)
        m.attrs = {
            "name": " ".join(name_parts),
            # a head of two words or more from the lexicon names one body ('Sở Y tế')
            "specific": s[i].tok != s[j - 1].tok,
            "last_head": last_head,
            "head_end": after_head_k,  # syllable index where the name after the head(s) starts
            "rest": " ".join(name_parts[after_head:]),
            "cls": cls,
            "complement": complement,
            "level": comp_level,
            "named": named or bool(complement),
        }
        return m

    def brand(self, i: int) -> Mention | None:
        """A company known by its brand: a run of capitalized words with at least
        one that is not a Vietnamese syllable or is all capitals ('LienVietPostBank',
        'Masan Group', 'PV GAS'), not a person, a place or a known body."""
        s = self.s
        if self.looks_like_person(i) or self.is_person_token(i) or self.head(i) or self.location(i):
            return None
        if s[i].text in R.foreign_name_parts() and i + 1 < len(s) and s[i + 1].cap:
            return None  # 'Chủ tịch Florentino Perez': a foreign person's name
        k = i
        while k < len(s) and k - i < 5 and s[k].cap and R.WORD_CHAR_RE.search(s[k].text) \
                and not self.title_at(k) and not (k > i and (self.looks_like_person(k) or self.is_person_token(k))):
            k += 1
        if k == i or not any(len(x.text) > 1 and (R.ALL_CAPS_RE.match(x.text) or not R.is_vietnamese_syllable(x.text))
                             for x in s[i:k]):
            return None
        m = Mention("ORGANIZATION", i, k)
        m.attrs = {"name": self.surface(i, k), "cls": "business", "complement": "", "level": "",
                   "named": True, "brand": True}
        return m

    def surface(self, i: int, j: int) -> str:
        """The syllables s[i:j] as printed (glued words stay glued)."""
        s = self.s
        return "".join((" " if k > i and s[k].start > s[k - 1].end else "") + s[k].text for k in range(i, j))

    def domain_end(self, i: int, hint: str) -> int:
        """End of the domain a minister's title names the ministry by: 'Bộ trưởng
        Công Thương' (a known ministry), 'Bộ trưởng Tư pháp Mỹ' (ends at a place);
        i when none ('Bộ trưởng Hamacek' names a person, not a ministry)."""
        s, lex = self.s, self.lex
        known = lex.domains.get(hint)
        if known:
            m = known.match(s, i)
            if m:
                return m[0]
        k = i
        while k < len(s) and (s[k].cap or (k > i and s[k].tok == s[k - 1].tok)) \
                and not self.is_person_token(k) and not lex.titles.match(s, k):
            if k > i and (lex.places.match(s, k) or lex.countries.match(s, k) or lex.units.match(s, k)
                          or lex.units_lower.match(s, k)):
                return k  # the place that follows is the complement
            k += 1
        return i  # an unknown ministry must end at a place: 'Bộ trưởng Giáo dục Cao học Cuba'

    def _person_before(self, i: int) -> bool:
        """Is the title at i in apposition to a person just before it ('ông A, Hiệu trưởng ...')?"""
        if not self.out:
            return False
        prev = self.out[-1]
        if prev.label == "TITLE" and len(self.out) > 1:
            prev = next((m for m in reversed(self.out) if m.label != "TITLE" and m.label != "ORGANIZATION"), prev)
        if prev.label != "PERSON" or i < prev.end:
            return False
        # the words between, without an aside in brackets ('ông A (sinh năm 1967) - Giám đốc')
        between, depth = 0, 0
        for x in self.s[prev.end:i]:
            depth += x.text == "("
            between += depth == 0 and x.text != ")"
            depth -= x.text == ")" and depth > 0
        return between <= 3

    def organization_span(self, i: int, end: int, allow_lower: bool = False,
                          virtual: str | None = None) -> Mention | None:
        """The organization starting at i, parsed as if the sentence stopped at ``end``."""
        saved = self.s
        self.s = saved[:end]
        try:
            return self.organization(i, allow_lower, in_title=True, virtual=virtual)
        finally:
            self.s = saved

    def _stop_phrase(self, k: int) -> bool:
        """A two-word stop phrase ('Quyết định', 'Nghị quyết') starts at k."""
        s = self.s
        return k + 1 < len(s) and f"{s[k].text} {s[k + 1].text}" in self.lex.stop

    def _lower_then_name(self, k: int) -> int:
        """Lowercase nouns that lead to a proper name inside a body's name
        ('công ty TNHH nhôm Namsung', 'Trung tâm dạy nghề Thanh Phúc'): end of
        the lowercase words when a capitalized non-person word follows, else k."""
        s = self.s
        j = k
        while j < len(s) and j - k < 4 and s[j].low == s[j].text and s[j].text.isalpha() \
                and s[j].low not in FUNCTION_WORDS and s[j].low not in NAME_STOP \
                and (s[j].tag in ("N", "A", "Nc", "V") or not s[j].first):
            j += 1
        if j == k or j >= len(s):
            return k
        nxt = s[j]
        if not nxt.cap or not nxt.text.isalpha() or self.is_person_token(j) or self.title_at(j) \
                or self.lex.honor.match(s, j) or self.head(j):
            return k
        if not (nxt.tok == s[j - 1].tok or any(y.tag == "N" for y in s[k:j])):
            return k
        return j

    def _own_outlet(self, o: Mention) -> bool:
        """'(NLĐO)-' opening a line, 'PV Dân trí', 'Như Dân trí đã đưa tin': the article's own outlet."""
        s = self.s
        before = s[o.start - 1].text if o.start else ""
        if before == "(" and o.start == 1:
            return True
        if before in ("PV", "Như") or (o.start >= 2 and f"{s[o.start - 2].low} {s[o.start - 1].low}" == "phóng viên"):
            return True
        return False

    def _is_dangling(self, k: int) -> bool:
        """A word that cannot end a name: a verb, a preposition ... ('Sở Y tế tổ chức')."""
        return self.s[k].tag not in ("N", "Np", "A", "Nc", "M", "Ny")

    def _word_is_cap(self, k: int) -> bool:
        """Does the word syllable k belongs to begin with a capital ('Cạnh tranh')?"""
        s = self.s
        while k > 0 and not s[k].first and s[k - 1].tok == s[k].tok:
            k -= 1
        return s[k].cap

    # -------------------------------------------------------------- titles
    def title_at(self, k: int) -> bool:
        s = self.s
        if k < len(s) and self.lex.titles.match(s, k):
            return True
        while k < len(s) and s[k].low in MODIFIERS_BEFORE:
            k += 1
        return k < len(s) and bool(self.lex.titles.match(s, k))

    def title(self, i: int) -> Mention | None:
        s, lex = self.s, self.lex
        start = i
        former = False
        t = lex.titles.match(s, i)  # lexicalized forms first: 'Phó phòng', 'Hiệu phó'
        if not t:
            k = i
            while k < len(s) and s[k].low in MODIFIERS_BEFORE:
                k += 1
            t = lex.titles.match(s, k)
        if not t:
            return None
        j, form, (cat, hint) = t
        while j + 1 < len(s) and (s[j].low, s[j + 1].low) in MODIFIERS_AFTER:
            j += 2
        if start > 0 and s[start - 1].low in FORMER:
            former = True
        text = self.text(start, j)
        m = Mention("TITLE", start, j, canonical=_title_case(text))
        m.attrs = {"former": former, "category": cat, "hint": hint, "bare": True}
        return m

    # -------------------------------------------------------------- persons
    def person(self, i: int, triggered: bool) -> Mention | None:
        s, lex = self.s, self.lex
        if not s[i].cap or s[i].text[:1].isdigit():
            return None
        if lex.units.match(s, i) and not triggered:
            return None
        if not triggered:
            if s[i].text not in lex.surnames:
                return None
            if s[i].text in lex.stop and not self.is_person_token(i):
                return None
        j = _cap_run(s, i, lex, 5 if triggered else 4)
        while triggered and j < len(s) and s[j].text in NAME_PARTICLES and not R.is_vietnamese_syllable(s[i].text):
            k = j
            while k < len(s) and s[k].text in NAME_PARTICLES:
                k += 1
            if k >= len(s) or not s[k].cap or k - j > 2:
                break
            j = _cap_run(s, k, lex, 3)  # 'Ursula von der Leyen', 'Charles de Gaulle'

        if j == i:
            return None
        # a place or an organization is not a name
        if not triggered and (lex.places.match(s, i) or lex.countries.match(s, i)):
            pm = lex.places.match(s, i) or lex.countries.match(s, i)
            if pm and pm[0] >= j:
                return None
        if not triggered and (j - i < 2 or not all(R.is_vietnamese_syllable(x.text) for x in s[i:j])):
            return None  # with no trigger, a name is a Vietnamese surname and syllables ('La Liga' is not)
        if triggered:
            pm = lex.places.match(s, i) or lex.countries.match(s, i)
            if pm and pm[0] >= j:
                return None  # 'các em học sinh Hà Nội'
            if lex.units.match(s, i) or self.head(i):
                return None
        if any(R.DIGIT_RE.search(x.text) or (len(x.text) > 1 and R.ALL_CAPS_RE.match(x.text)) for x in s[i:j]):
            return None  # 'Covid-19', 'Đoàn TN' are not names
        m = Mention("PERSON", i, j)  # canonical: the text as printed (vi_entities)
        m.attrs = {"short": j - i == 1}
        return m

    def address_part(self, i: int) -> Mention | None:
        """A place named without its unit inside an address: 'thị trấn Vĩnh Trụ, Lý Nhân,
        Hà Nam' (two capitalized syllables between a place or 'ở'/'tại' and a
        province)."""
        s, lex = self.s, self.lex
        if not s[i].cap or i == 0 or s[i - 1].text not in (",", "(") and s[i - 1].low not in ("ở", "tại"):
            return None
        j = _cap_run(s, i, lex, 3)
        if j - i != 2 or j + 1 >= len(s) or s[j].text != "," or not all(R.is_vietnamese_syllable(x.text) for x in s[i:j]):
            return None
        after = lex.places.match(s, j + 1)
        if not after or after[2][1] not in ("province", "city"):
            return None
        if s[i - 1].text in (",", "(") and not (self.out and self.out[-1].label == "LOCATION" and self.out[-1].end >= i - 1):
            return None  # 'X, Y, Hà Nam' only continues an address
        return Mention("LOCATION", i, j, canonical=self.text(i, j), attrs={"level": "district"})

    # -------------------------------------------------------------- bylines
    def bylines(self) -> list[Mention]:
        """Names in a closing credit line: 'Nhật Hồng', 'Hương Giang - Trường Thịnh',
        'Mai Chi (tổng hợp)', 'Minh PhươngTheo Reuters', 'Theo Ngọc HàVietNamNet',
        'Ảnh: Nguyễn Tiến Đạt'.  Each name is 2-4 capitalized syllables."""
        s = self.s
        if len(s) > 16:
            return []
        k = 0
        if k < len(s) and s[k].low in ("theo", "ảnh", "bài", "thiết", "đồ", "video", "clip"):
            while k < len(s) and s[k].text != ":" and s[k].low in ("theo", "ảnh", "bài", "thiết", "kế", "đồ", "họa", "video", "clip"):
                k += 1
            if k < len(s) and s[k].text == ":":
                k += 1
        out: list[Mention] = []
        while k < len(s):
            if s[k].text == "(":
                break  # '(tổng hợp)', '(thực hiện)'
            start = k
            while k < len(s) and s[k].text not in ("-", ",", ";", "/", "(") and not (k > start and s[k].glued):
                k += 1
            group_end = k
            if k < len(s) and s[k].glued:
                # the name ends where a glued source begins ('PhươngTheo Reuters'): a
                # known outlet there is the cited source, the rest is skipped
                src = k + 1 if s[k].text == "Theo" else k
                h = self.head(src) if src < len(s) else None
                if h and h[2] == "media" and not form_is_generic(h[1]):
                    m = Mention("ORGANIZATION", src, h[0])
                    m.attrs = {"name": h[1], "cls": "media", "complement": "", "level": "", "named": True}
                    out.append(m)
                while k < len(s) and s[k].text not in ("-", ",", ";", "/", "("):
                    k += 1
            n = group_end - start
            initial = n and R.INITIAL_NAME_RE.match(s[start].text)  # 'H.Long', 'T.Thủy'
            if (2 <= n <= 4 or initial and n <= 3) and all(
                    x.cap and R.is_vietnamese_syllable(x.text.rsplit(".", 1)[-1])
                    and (x.text.isalpha() or k == start and initial)
                    for k, x in enumerate(s[start:group_end], start)) \
                    and not self._known_name(start, group_end, byline=True):
                out.append(Mention("PERSON", start, group_end, attrs={"byline": True, "standalone": True}))
            elif n and not all(x.cap for x in s[start:group_end]):
                return []  # a sentence, not a credit line
            if k < len(s) and s[k].text != "(":
                k += 1
        return out

    def _known_name(self, i: int, j: int, byline: bool = False) -> bool:
        """Is s[i:j] a body, a place or a title rather than a person?  On a byline
        a word that is also a name syllable ('Thành Đạt') is a name."""
        s, lex = self.s, self.lex
        h = self.head(i)
        if h and (h[0] - i >= 2 or R.ALL_CAPS_RE.match(s[i].text) or h[2] in NAMED_CLASSES):
            return True
        for trie in (lex.places, lex.countries, lex.units):
            m = trie.match(s, i)
            if m and m[0] >= j:
                return True
        return self.title_at(i) or s[i].text in lex.stop and not (
            byline and s[i].text in R.name_stopwords_ambiguous())

    def credit(self, i: int) -> Mention | None:
        """'(ảnh: Quốc Chính)': a photo credit names a person unless it is a body."""
        s = self.s
        if not (s[i].low == "ảnh" and i + 2 < len(s) and s[i + 1].text == ":"):
            return None
        j = i + 2
        if self.head(j) or self.lex.countries.match(s, j) or self.lex.places.match(s, j):
            return None
        k = _cap_run(s, j, self.lex, 4)
        if 2 <= k - j <= 4 and (k >= len(s) or s[k].text in (")", ".", ",")) \
                and all(R.is_vietnamese_syllable(x.text) for x in s[j:k]):
            return Mention("PERSON", j, k, attrs={"credit": True})
        return None

    # -------------------------------------------------------------- main loop
    def run(self, last_line: bool = False) -> list[Mention]:
        s, lex = self.s, self.lex
        if last_line:
            names = self.bylines()
            if names:
                for m in names:
                    self._take(m)
                return self.out
        i = 0
        while i < len(s):
            if self.taken[i]:
                i += 1
                continue
            c = self.credit(i)
            if c:
                self._take(c)
                i = c.end
                continue
            hon = lex.honor.match(s, i)
            if hon and not (s[i].cap and lex.titles.match(s, i)):
                j = hon[0]
                p = self.person(j, True) if j < len(s) else None
                if p:
                    self._take(p)
                    i = p.end
                    continue
                i = j
                continue
            t = self.title(i)
            if t:
                h = self.head(i)
                if h and h[0] > t.end:
                    t = None  # 'Thường trực Thị ủy' is a body, not the title 'Thường trực'
            if t:
                self._take(t)
                i = t.end
                # title + org + person, title + person
                o = self.organization(i, allow_lower=True, in_title=True) if i < len(s) else None
                if o:
                    tail = self.person_tail(o.start + 1, o.end)
                    bare_head = tail <= o.attrs.get("head_end", o.start) and o.attrs.get("last_head", "").startswith(
                        PEOPLE_NAMED_HEADS)  # 'Bệnh viện Bạch Mai', not 'Hội đồng trường Nguyễn Mai Hương'
                    if tail < o.end and not o.attrs.get("complement") and not self._person_before(t.start) \
                            and not bare_head:
                        o = self.organization_span(o.start, tail, allow_lower=True) or o
                    self._take(o)
                    i = o.end
                elif i < len(s):
                    loc = self.location(i)
                    if loc and loc[2] in ("country", "territory"):
                        self._take(Mention("LOCATION", i, loc[0], canonical=loc[1], attrs={"level": loc[2]}))
                        i = loc[0]
                    elif loc is None and s[i].cap and t.attrs.get("hint") in DOMAIN_HINTS and not self.is_person_token(i) \
                            and t.attrs["hint"] != "Bộ":
                        # 'Trưởng ban Tổ chức Tỉnh ủy Quảng Ngãi': the body named after the title's head noun
                        o = self.organization(i, in_title=True, virtual=t.attrs["hint"])
                        if o and o.end > i:
                            o.attrs["from_title"] = True
                            tail = self.person_tail(o.start + 1, o.end)
                            if tail < o.end and not o.attrs.get("complement"):
                                o = self.organization_span(o.start, tail, virtual=t.attrs["hint"]) or o
                            self._take(o)
                            i = o.end
                    elif loc is None and s[i].cap and t.attrs.get("category") in BRAND_TITLES:
                        # 'Tổng giám đốc PV GAS', 'Chủ tịch Masan Group': a brand named after the title
                        o = self.brand(i)
                        if o:
                            self._take(o)
                            i = o.end
                    elif loc is None and s[i].cap and t.attrs.get("hint") == "Bộ" and not self.is_person_token(i):
                        # 'Bộ trưởng Công Thương': a ministry named by its domain
                        k = self.domain_end(i, t.attrs["hint"])
                        if k > i:
                            loc = self.location(k) if k < len(s) else None
                            o = Mention("ORGANIZATION", i, loc[0] if loc else k)
                            o.attrs = {"name": f"{t.attrs['hint']} {self.text(i, k)}", "cls": "dept",
                                       "complement": loc[1] if loc else "", "level": loc[2] if loc else "",
                                       "named": True, "from_title": True}
                            self._take(o)
                            i = o.end
                if i < len(s):
                    p = self.person(i, True) if (s[i].cap and not lex.titles.match(s, i) and not self.head(i)) else None
                    if p and (self.is_person_token(i) or s[i].text in lex.surnames or not lex.places.match(s, i)):
                        self._take(p)
                        i = p.end
                # 'bare': the title names no body we could not read (nothing
                # capitalized follows it, or what follows was read)
                t.attrs["bare"] = t.end >= len(s) or not s[t.end].cap or self.taken[t.end]
                continue
            o = self.organization(i)
            if o:
                place = lex.places.match(s, i) or lex.countries.match(s, i)
                h = self.head(i)
                if place and (place[0] >= o.end or (h and place[0] > h[0])):
                    o = None  # 'Đài Loan', 'Hội An' are places
            if o and o.attrs["cls"] == "media" and self._own_outlet(o):
                o.attrs["outlet"] = True
            if o and (o.attrs["named"] or (o.attrs["cls"] in ("admin", "party") and o.end - o.start >= 2)
                      or R.ALL_CAPS_RE.match(s[i].text) or o.attrs.get("specific")):
                self._take(o)
                i = o.end
                continue
            loc = self.location(i)
            if loc:
                end, canon = loc[0], loc[1]
                if end + 2 < len(s) and s[end].text == "(" and s[end + 1].low == "cũ" and s[end + 2].text == ")":
                    end, canon = end + 3, f"{canon} (cũ)"  # 'quận Thanh Xuân (cũ)': the former unit
                self._take(Mention("LOCATION", i, end, canonical=canon, attrs={"level": loc[2]}))
                i = end
                continue
            a = self.address_part(i)
            if a:
                self._take(a)
                i = a.end
                continue
            p = self.person(i, False)
            if p:
                self._take(p)
                i = p.end
                continue
            i += 1
        return self.out


def _title_case(text: str) -> str:
    return text[:1].upper() + text[1:]


def tag_sentence(syls: list[Syl], last_line: bool = False) -> list[Mention]:
    return SentenceTagger(syls, Lex.get()).run(last_line)


def _credit_lines(text: str) -> tuple[int | None, int | None]:
    """Where the closing credit lines start, and where a source line under a
    'Theo <author>' line starts ('Theo Đăng Nguyễn' / 'Dân Việt'), as char
    offsets.  The closing block is the last line and up to two short lines
    before it that are names or credits: 'Mi Vân' / 'Theo QQ', 'Công Bính' /
    'Ảnh: Dũng TK'."""
    body = text.rstrip()
    last = body.rfind("\n") + 1
    if last == 0:
        return None, None
    prev = body.rfind("\n", 0, last - 1) + 1
    prev_line = body[prev:last - 1].strip()
    if prev_line.startswith("Theo ") and len(prev_line.split()) <= 5 and len(body[last:].split()) <= 4:
        return prev, last
    start = last
    for _ in range(2):
        if start == 0 or not R.CREDIT_LINE_RE.match(body[last:].strip()):
            break
        prev = body.rfind("\n", 0, start - 1) + 1
        if not R.BYLINE_RE.match(body[prev:start - 1].strip()):
            break
        start = prev
    return start, None


@Language.component(
    "vi_entities",
    assigns=["doc.spans", "doc.ents"],
    requires=["token.is_sent_start", "token.tag"],
)
def vi_entities(doc: Doc) -> Doc:
    group: list[Span] = []
    sents = [s for s in doc.sents if s.text.strip()]
    credit_start, source_start = _credit_lines(doc._.text)
    tagged: list[tuple[Span, list[Syl], list[Mention]]] = []
    for sent in sents:
        syls = _syllables(sent)
        if not syls:
            continue
        if source_start is not None and sent.start_char >= source_start:
            continue  # 'Dân Việt' under 'Theo Đăng Nguyễn': the source outlet, not a name
        credit = credit_start is not None and sent.start_char >= credit_start and len(sents) > 1
        tagged.append((sent, syls, tag_sentence(syls, last_line=credit)))
    recall_persons([(syls, ms) for _sent, syls, ms in tagged], Lex.get())
    for sent, syls, ms in tagged:
        for m in ms:
            a, b = syls[m.start].start, syls[m.end - 1].end
            span = doc.char_span(a, b, label=m.label, alignment_mode="expand")
            if span is None:
                continue
            attrs = dict(m.attrs, start=a, end=b, label=m.label, sent_start=sent.start_char,
                         sent_end=sent.end_char, text=doc._.text[a:b])
            group.append(Annotation(span, attrs, m.canonical or doc._.text[a:b]))
    doc._.mentions = group
    doc.spans["mentions"] = [g.span for g in group]
    numbers = [n.span for n in doc._.numbers or []]
    doc.ents = filter_spans([g.span for g in group] + numbers)
    return doc
