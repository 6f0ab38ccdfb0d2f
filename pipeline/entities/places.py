"""LOCATION: an administrative unit with its name ('phường Tân Định', 'TP Hồ Chí
Minh'), a province or city, a country; a district named without its unit inside
an address ('thị trấn Vĩnh Trụ, Lý Nhân, Hà Nam')."""
from __future__ import annotations

from .. import resources as R
from ..records import PlaceInfo
from .syllables import Mention, View

FORMER_UNIT = R.word_set("former_unit")
ADDRESS_OPENERS = R.word_set("address_openers")
NOT_STREET_AFTER = R.word_set("not_street_after")


def location(v: View, i: int, in_title: bool = False) -> tuple[int, str, str] | None:
    """(end, canonical, level) of a location starting at i.  In a title chain
    a unit word followed by a person's name is elliptical: 'Phó Chủ tịch
    UBND TP Võ Văn Hoan' names the city's committee and then the person."""
    if v.s[i].low not in v.lex.location_first:
        return None  # no unit word, place or country starts here
    u = v.unit_word(i)
    if u:
        return _unit_and_name(v, i, u, in_title)
    p = v.lex.places.match(v.s, i)
    if p:
        j, form, (canon, level) = p
        return j, canon, level or "province"
    c = v.lex.countries.match(v.s, i)
    if c:
        j, form, (canon, kind) = c
        return j, canon, kind or "country"
    return None


def _unit_and_name(v: View, i: int, u: tuple, in_title: bool) -> tuple[int, str, str] | None:
    s = v.s
    j, form, (canon, level) = u
    known = v.place_at(j)
    if in_title and not known and j < len(s) and v.looks_like_person(j, min_len=3):
        return None
    street = level == "street"
    run_end = v.cap_run(j, 8)
    k = run_end if street else v.person_tail(j, run_end)
    if known:  # 'Hồ Chí Minh' before a person's name; 'Đức Phổ' is more than 'Đức'
        k = max(k, known[0])
    if street and i and s[i - 1].low in NOT_STREET_AFTER:
        return None  # 'phố' of 'thành phố', 'khu phố'
    if k <= j:
        return None
    # after a unit word a name is a place, even 'Hồ Chí Minh', 'Quan Nhân'
    name = v.text(j, k)
    canon_name = R.places_vn().get(name, (name, ""))[0]
    if canon_name.lower().startswith(canon.lower() + " "):
        return k, canon_name, level
    return k, f"{canon} {name}", level


def bare_unit(v: View, i: int) -> tuple[int, str, str] | None:
    """(end, canonical unit, level) of a unit word at i, with or without a name."""
    u = v.unit_word(i)
    if u:
        j, form, (canon, level) = u
        return j, canon, level
    return None


def place_mention(v: View, i: int, end: int, canonical: str, level: str) -> Mention:
    return Mention("LOCATION", i, end, PlaceInfo(level=level), canonical=canonical)


# ------------------------------------------------------------------ recognizers
def recognize_location(v: View, i: int) -> int | None:
    """A place at i; 'quận Thanh Xuân (cũ)' is the former unit."""
    loc = location(v, i)
    if not loc:
        return None
    s = v.s
    end, canon = loc[0], loc[1]
    if end + 2 < len(s) and s[end].text == "(" and s[end + 1].low in FORMER_UNIT and s[end + 2].text == ")":
        end, canon = end + 3, f"{canon} (cũ)"
    v.take(place_mention(v, i, end, canon, loc[2]))
    return end


def recognize_address_part(v: View, i: int) -> int | None:
    """A place named without its unit inside an address: 'thị trấn Vĩnh Trụ, Lý Nhân,
    Hà Nam' (two capitalized syllables between a place or 'ở'/'tại' and a province)."""
    s, lex = v.s, v.lex
    if not s[i].cap or i == 0 or s[i - 1].text not in (",", "(") and s[i - 1].low not in ADDRESS_OPENERS:
        return None
    j = v.cap_run(i, 3)
    if j - i != 2 or j + 1 >= len(s) or s[j].text != "," or not v.vietnamese(i, j):
        return None
    after = lex.places.match(s, j + 1)
    if not after or after[2][1] not in ("province", "city"):
        return None
    if s[i - 1].text in (",", "(") and not (v.out and v.out[-1].label == "LOCATION" and v.out[-1].end >= i - 1):
        return None  # 'X, Y, Hà Nam' only continues an address
    v.take(place_mention(v, i, j, v.text(i, j), "district"))
    return j
