"""The parts of an organization's name past a comma or 'và', and the state of
the name being read that every continuation rule of
:mod:`pipeline.entities.organizations` moves on.

* ``comma_pair``: two words a comma joins inside a name ('Phòng, chống');
* ``comma_list``: a list of domains that 'và' closes ('Sở Văn hóa, Thể thao và Du lịch');
* ``joined_lowercase``: 'và' and a lowercase part with a noun ('Viện Nghiên cứu biển và hải đảo').
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable

from .. import resources as R
from .lexicon import FUNCTION_WORDS
from .syllables import View

STOP, GO = False, True
PUNCTUATION = frozenset({",", ";", ":", "(", ")", '"', ".", "!", "?"})
NAME_TAGS = frozenset({"N", "A", "Nc"})          # lowercase words a descriptive name may take
CONTENT_TAGS = NAME_TAGS | {"V"}                  # words of a coordinated part ('và bảo vệ người tiêu dùng')
COMMA_PAIRS = tuple((tuple(a.split()), tuple(b.split()))
                    for a, b in (p.split(", ") for p in R.fact_table("org", "comma_pair")))
NOT_AFTER_AND = frozenset(R.fact_table("org", "not_after_and"))
AGENT_NOUNS = frozenset({"người", "nhà"})          # 'người tiêu dùng', 'nhà đầu tư': a verb makes a noun
MAX_PART = 6                                       # syllables of one coordinated part of a name


@dataclass(slots=True)
class OrgState:
    """An organization name being read: the cursor ``k`` and what was read so far."""
    v: View
    i: int                   # where the head starts
    j: int                   # where the head ends
    k: int                   # the syllable under the cursor
    cls: str
    in_title: bool
    name_parts: list[str]
    named: bool
    business: bool
    last_head: str           # the innermost head
    after_head: int = 1      # index in name_parts where the name after the last head starts
    after_head_k: int = 0    # syllable index where the name after the last head starts
    cap_tokens: int = 0      # capitalized words of the name after the head
    lead_lower: bool = False  # the name began with lowercase words ('Viện dinh dưỡng Quốc gia')
    kept: int = 0            # the name is settled up to here: no dangling word is dropped before it
    trace: list[str] | None = field(default=None)

    def take(self, text: str, n: int = 1) -> bool:
        self.name_parts.append(text)
        self.k += n
        return GO


Rule = Callable[[OrgState], "bool | None"]


Rule = Callable[[OrgState], "bool | None"]


def descriptive(st: OrgState) -> bool:
    """A descriptive name is being read: one capitalized word of this part, then
    lowercase ones; or a head of two words or more that is itself a name
    ('Ban Chỉ đạo công tác ...')."""
    if st.named and st.cap_tokens == 1 and not st.lead_lower:
        return True
    if st.k == st.j and st.in_title and st.cls in ("dept", "association") and st.v.s[st.i].cap:
        return True  # 'Viện trưởng Viện nghiên cứu xã hội ...': a name after a title, written lowercase
    return st.k == st.j and st.cls == "dept" and len(st.name_parts[0].split()) > st.v.s[st.j - 1].tok_len \
        and st.v.word_is_cap(st.j - 1)


def comma_pair(st: OrgState) -> bool | None:
    """'Phòng Phòng, chống tệ nạn xã hội', 'Ban bảo vệ, chăm sóc sức khỏe ...': a
    comma between two words that go together; the name reads on as descriptive."""
    s, k = st.v.s, st.k
    for left, right in COMMA_PAIRS:
        c = k if s[k].text == "," else k + len(left)   # the comma, after the words read or ahead
        a, b = c - len(left), c + 1 + len(right)
        if a < st.i or b > len(s) or (c == k and k < st.j) or s[c].text != "," \
                or tuple(x.low for x in s[a:c]) != left or tuple(x.low for x in s[c + 1:b]) != right:
            continue
        if a == st.i:  # 'Trưởng phòng Phòng, chống ...': the pair opens the name, the head is implied
            st.name_parts = [st.name_parts[0], st.v.text(a, c)]
        elif c > k:
            st.name_parts.append(st.v.text(k, c))
        st.name_parts[-1] += ","
        st.name_parts.extend(x.text for x in s[c + 1:b])
        st.k, st.named, st.cap_tokens = b, True, max(st.cap_tokens, 1)
        return GO
    return None


def comma_list(st: OrgState) -> bool | None:
    """'Sở Văn hóa, Thể thao và Du lịch', 'Viện Nghiên cứu xã hội, kinh tế và môi
    trường': a comma inside a list of the name's domains that 'và' closes."""
    v, s, k = st.v, st.v.s, st.k
    if s[k].text != "," or not st.named or k + 1 >= len(s) or st.after_head_k >= k:
        return None
    cap = v.word_is_cap(k - 1)
    n = k + 1
    if s[n].cap != cap or not _plain_word(v, n):
        return None
    j = n
    while j < len(s) and j - n < MAX_PART and s[j].low != "và" and _plain_word(v, j):
        j += 1
    if j >= len(s) - 1 or s[j].low != "và" or s[j + 1].cap != cap or not _plain_word(v, j + 1):
        return None
    st.name_parts[-1] += ","
    st.name_parts.extend(x.text for x in s[n:j])
    st.k, st.cap_tokens = j, 1
    return GO


def _plain_word(v: View, n: int) -> bool:
    """A content word of a name's domain: not a head, a title, a person, a place or a function word."""
    x = v.s[n]
    return x.text.isalpha() and x.low not in FUNCTION_WORDS and (x.first or x.tok == v.s[n - 1].tok) \
        and not (x.first and (v.head(n) or v.title_at(n) or v.is_person_token(n) or v.place_at(n)
                              or v.any_unit(n)))


def joined_lowercase(st: OrgState) -> bool | None:
    """'Viện Nghiên cứu biển và hải đảo', 'Cục Cạnh tranh và bảo vệ người tiêu
    dùng': 'và' and a lowercase part with a noun that ends the descriptive name
    (at punctuation, a function word, a verb, a place or a capital)."""
    v, s, k = st.v, st.v.s, st.k
    if s[k].low != "và" or not descriptive(st) or k + 1 >= len(s) or not R.is_vietnamese_syllable(s[k - 1].text):
        return None
    j = _lower_part(v, k + 1)
    if j == k + 1:
        return None
    st.name_parts.extend(x.text for x in s[k:j])
    st.k = st.kept = j
    return GO


def _lower_part(v: View, n: int) -> int:
    """End of a lowercase part of a name starting at n ('bảo vệ người tiêu dùng'),
    or n when the words there are not one ('lực lượng công an', 'ông', a verb phrase)."""
    s = v.s
    if s[n].low in NOT_AFTER_AND or v.text(n, n + 2).lower() in NOT_AFTER_AND or v.lex.honor.match(s, n) \
            or v.title_at(n):
        return n
    j, noun = _lower_words(v, n)
    if not noun or not v.ends_token(j) or not _part_boundary(v, j):
        return n
    w = j - 1
    while w > n and not s[w].first:
        w -= 1
    if s[w].tag == "V" and w > n and s[w - 1].low not in AGENT_NOUNS and (j >= len(s) or s[j].text in PUNCTUATION):
        return w  # 'và môi trường họp.'
    return j


def _lower_words(v: View, n: int) -> tuple[int, bool]:
    """(end, holds a noun) of the lowercase content words from n, up to the sentence's verb."""
    s = v.s
    j, noun = n, False
    while j < len(s) and j - n < MAX_PART and s[j].low == s[j].text and s[j].text.isalpha() \
            and s[j].tag in CONTENT_TAGS and s[j].low not in FUNCTION_WORDS and not v.unit_word(j):
        if s[j].first and s[j].tag == "V" and noun and s[j - 1].low not in AGENT_NOUNS:
            break  # 'và môi trường công bố ...': the sentence's verb
        noun = noun or s[j].tag in ("N", "Nc")
        j += 1
    return j, noun


def _part_boundary(v: View, j: int) -> bool:
    """Does a name's part end well before j: punctuation, a function word, a verb, a capital, a unit?"""
    s = v.s
    return j >= len(s) or s[j].text in PUNCTUATION or s[j].low in FUNCTION_WORDS or s[j].cap \
        or bool(v.any_unit(j)) or s[j].tag == "V"


def descriptive_verb(st: OrgState) -> bool | None:
    """'Giám đốc Công ty CP Đầu tư phát triển Hoa Lâm', 'Trưởng khoa Khoa Công nghệ
    thông tin và Toán ứng dụng': a verb in a descriptive name read after a title or
    a preposition, when the lowercase words end where the name can end; never for a
    body opening its clause ('Cục Quản lý thị trường kiểm tra.')."""
    v, s, k = st.v, st.v.s, st.k
    if not _verb_may_open(st):
        return None
    j, noun = _lower_words(v, k)
    while j > k and not v.ends_token(j):
        j -= 1
    if j == k or not _verb_part_ends(st, j, noun):
        return None  # 'đề nghị Cục Việc làm tăng cường phối hợp': the sentence's verb
    st.name_parts.extend(y.text for y in s[k:j])
    st.k = st.kept = j
    st.named, st.cap_tokens = True, max(st.cap_tokens, 1)
    return GO


def _verb_may_open(st: OrgState) -> bool:
    """May the verb under the cursor go on a descriptive name read in object position?"""
    s, k = st.v.s, st.k
    x, prev = s[k], s[k - 1]
    if x.tag != "V" or x.low != x.text or not x.first or x.low in FUNCTION_WORDS or not descriptive(st):
        return False
    return R.is_vietnamese_syllable(prev.text) and not R.ALL_CAPS_RE.match(prev.text) and _object_position(st)


def _verb_part_ends(st: OrgState, j: int, noun: bool) -> bool:
    """Do the lowercase words from the cursor to j end the name: a name follows,
    they end a part after 'và', or they hold a noun right after a title's head?"""
    v, s, k = st.v, st.v.s, st.k
    named_after = j < len(s) and s[j].cap and not (v.head(j) or v.title_at(j) or v.lex.honor.match(s, j))
    ends = j >= len(s) or s[j].text in PUNCTUATION
    joined_end = "và" in st.name_parts and s[j - 1].tok == s[k].tok and (ends or s[j].low in FUNCTION_WORDS)
    after_title = st.in_title and k == st.j and noun and ends  # 'Viện trưởng Viện nghiên cứu xã hội,'
    return bool(named_after or joined_end or after_title)


def _object_position(st: OrgState) -> bool:
    """Is the body read after a title or a lowercase word (not opening its clause)?"""
    s, i = st.v.s, st.i
    return st.in_title or (i > 0 and s[i - 1].text.isalpha() and s[i - 1].low == s[i - 1].text)
