"""What a story is about, shared by the resolver and the fact linkers: its most
frequent named places by unit, its province; and the key that groups the
names of one entity."""
from __future__ import annotations

from collections import Counter, defaultdict
from typing import Iterator

from spacy.tokens import Doc

from . import gazetteer as gz
from . import resources as R
from .records import OrgInfo, PlaceInfo


class DocContext:
    """What the document is about: its most frequent named places by level."""

    def __init__(self, doc: Doc) -> None:
        counts: dict[str, Counter] = defaultdict(Counter)
        provinces: Counter = Counter()
        for place, level in _named_places(doc):
            uw = gz.unit_word(place)
            if uw:
                counts[uw][place] += 1
            if level in ("province", "city") or gz.is_province_unit(uw):
                provinces[self._province_key(place)] += 1
        self.by_unit = {k: c.most_common(1)[0][0] for k, c in counts.items() if c}
        # a place's name -> its full form ('Ngọc Trạo' -> 'phường Ngọc Trạo')
        self.names: dict[str, str] = {}
        for unit, c in counts.items():
            for full in c:
                self.names.setdefault(full[len(unit) + 1:], full)
        self.province = provinces.most_common(1)[0][0] if provinces else ""

    @staticmethod
    def _province_key(canon: str) -> str:
        places = R.places_vn()
        if canon in places:
            return places[canon][0]
        return canon

    def fill(self, unit: str) -> str:
        """'phường' -> 'phường Thanh Xuân'; 'Thành phố' -> 'Thành phố Hà Nội'."""
        u = unit.lower()
        if u in self.by_unit:
            return self.by_unit[u]
        if gz.is_province_unit(u) and self.province:
            return gz.province_with_unit(self.province, unit)
        return ""

    def province_full(self) -> str:
        """The story's province with its unit word: 'tỉnh Quảng Ninh', 'Thành phố Hà Nội'."""
        return gz.province_with_unit(self.province)

    def province_name(self) -> str:
        """The story's province without its unit word: 'Quảng Ninh'."""
        return gz.strip_province_unit(self.province)


def _named_places(doc: Doc) -> Iterator[tuple[str, str]]:
    """(place, level) of every located mention: a LOCATION's canonical form, an
    ORGANIZATION's complement ('UBND phường X' names 'phường X')."""
    for m in (doc._.mentions or []):
        info = m.info
        if isinstance(info, PlaceInfo):
            yield m.canonical, info.level
        elif isinstance(info, OrgInfo) and info.complement and not info.complement.startswith("?"):
            yield info.complement, info.level


def group_key(label: str, canonical: str) -> str:
    """Names that are one entity: 'Trường Đại học Mở Hà Nội' is 'Đại học Mở Hà Nội'."""
    key = R.fold_key(canonical)
    if label == "ORGANIZATION":
        key = key.replace("trường đại học ", "đại học ")
        # 'Sở Y tế tỉnh Quảng Trị' is 'Sở Y tế Quảng Trị' (a provincial city is another body)
        key = R.UNIT_BEFORE_NAME_RE.sub(" ", key)
    return key
