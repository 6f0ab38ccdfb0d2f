"""Administrative knowledge in one place, fed by ``data/gazetteer.tsv`` and the
unit and place lexicons: unit words and their levels, the province-level unit
prefixes (``tỉnh`` / ``thành phố``), party committees by level, the body a
title means over a place of a level."""
from __future__ import annotations

from functools import lru_cache
from typing import NamedTuple

from . import resources as R


class PartyLevel(NamedTuple):
    unit: str          # 'thị xã' for 'Thị ủy'
    keeps_unit: bool   # 'Thành ủy Thành phố Hồ Chí Minh' keeps its unit word


def _rows(section: str) -> list[list[str]]:
    return [r[1:] for r in R.data_rows("gazetteer.tsv") if r[0] == section]


@lru_cache(maxsize=None)
def _province_units() -> dict[str, str]:
    """unit word (lowercase) -> the form written before a name"""
    return {r[0]: r[1] for r in _rows("province_unit")}


@lru_cache(maxsize=None)
def _prefixes() -> tuple[str, ...]:
    return tuple(u + " " for u in _province_units())


@lru_cache(maxsize=None)
def _party_levels() -> dict[str, PartyLevel]:
    return {r[0]: PartyLevel(r[1], len(r) > 2 and r[2] == "keep") for r in _rows("party_level")}


@lru_cache(maxsize=None)
def _place_levels() -> tuple[tuple[str, str], ...]:
    return tuple((r[0] + " ", r[1]) for r in _rows("place_level"))


@lru_cache(maxsize=None)
def _title_bodies() -> dict[str, dict[str, str]]:
    out: dict[str, dict[str, str]] = {}
    for title, level, body in _rows("title_body"):
        out.setdefault(title, {})[level] = body
    return out


@lru_cache(maxsize=None)
def local_units() -> tuple[str, ...]:
    """The units a bare local body is filled with, in order ('phường', 'xã')."""
    return tuple(r[0] for r in _rows("local_units"))


@lru_cache(maxsize=None)
def _units_longest_first() -> tuple[str, ...]:
    return tuple(sorted({v[0].lower() for v in R.admin_units().values()}, key=len, reverse=True))


# ------------------------------------------------------------------ units and levels
def unit_word(canonical: str) -> str:
    """The unit word a place's canonical form opens with: 'phường Ngọc Trạo' -> 'phường'."""
    low = canonical.lower()
    for unit in _units_longest_first():
        if low.startswith(unit + " "):
            return unit
    return ""


def is_province_unit(unit: str) -> bool:
    return unit.lower() in _province_units()


def has_province_unit(name: str) -> bool:
    """'tỉnh Quảng Ninh', 'Thành phố Hà Nội' (not 'Quảng Ninh')."""
    return name.lower().startswith(_prefixes())


def strip_province_unit(name: str) -> str:
    """'tỉnh Quảng Ninh' -> 'Quảng Ninh'; 'Huế' -> 'Huế'."""
    low = name.lower()
    for pre in _prefixes():
        if low.startswith(pre):
            return name[len(pre):]
    return name


def province_with_unit(name: str, unit: str = "") -> str:
    """A province-level name with its unit word: ``unit`` when given ('tỉnh',
    'thành phố'), else by the place's level ('Thành phố Hà Nội', 'tỉnh Quảng Ninh')."""
    if not name or has_province_unit(name):
        return name
    units = _province_units()
    if unit:
        return f"{unit} {name}" if unit.lower() == "tỉnh" else f"{units['thành phố']} {name}"
    level = R.places_vn().get(name, ("", ""))[1]
    return f"{units['thành phố']} {name}" if level == "city" else f"{units['tỉnh']} {name}"


def place_level(canonical: str, default: str = "") -> str:
    """The level a place's canonical form tells ('xã Yên Lạc' -> 'commune'), else ``default``."""
    low = canonical.lower()
    for pre, level in _place_levels():
        if low.startswith(pre):
            return level
    return default


# ------------------------------------------------------------------ bodies
def party_level(head: str) -> PartyLevel | None:
    """The unit of a party committee head: 'Thị ủy' and 'Thường trực Thị ủy' -> 'thị xã'."""
    for key, level in _party_levels().items():
        if head == key or head.endswith(" " + key):
            return level
    return None


def title_body(title: str, level: str) -> str | None:
    """The body a title means over a place of ``level``: ('chủ tịch', 'commune') -> 'Ủy ban nhân dân'."""
    table = _title_bodies().get(title.lower())
    if not table:
        return None
    return table.get(level) or table.get("*")


def has_title_body(title: str) -> bool:
    return title.lower() in _title_bodies()


@lru_cache(maxsize=None)
def provincial_heads() -> tuple[str, ...]:
    """Head nouns of a province's departments, with their space: ('Sở ',)."""
    return tuple(r[0] + " " for r in _rows("provincial_head"))
