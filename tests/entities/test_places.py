"""LOCATION: the place recognizer on one sentence, then the whole pipeline."""
import pytest

from _helpers import at, run, surface, view_of
from pipeline.entities import places as L


@pytest.mark.parametrize("sentence, start, want", [
    ("Đoàn công tác đến xã Tân Lập hôm qua.", "xã", ("xã Tân Lập", "commune")),
    ("Người dân TPHCM đi làm.", "TPHCM", ("Thành phố Hồ Chí Minh", "city")),
    ("Hàng hóa xuất sang Nhật Bản.", "Nhật", ("Nhật Bản", "country")),
    ("Vụ tai nạn trên đường Lý Thường Kiệt.", "đường", ("đường Lý Thường Kiệt", "street")),
    ("Người dân thành phố đi làm.", "thành", None),       # a unit with no name is not a place
    ("Họ vinh dự nhận giải.", "vinh", None),              # a lowercase one-syllable name never matches
])
def test_location(sentence, start, want):
    v = view_of(sentence)
    loc = L.location(v, at(v, start))
    assert (loc[1:] if loc else None) == want


def test_unit_before_a_person_in_a_title_is_elliptical():
    v = view_of("Phó Chủ tịch UBND TP Võ Văn Hoan phát biểu.")
    assert L.location(v, at(v, "TP"), in_title=True) is None
    assert L.bare_unit(v, at(v, "TP"))[1:] == ("Thành phố", "province")


def test_former_unit():
    v = view_of("Số trường của quận Cầu Giấy (cũ) tăng.")
    L.recognize_location(v, at(v, "quận"))
    assert v.out[0].canonical == "quận Cầu Giấy (cũ)"


# ------------------------------------------------------------------ the whole pipeline
@pytest.mark.parametrize("text, locations", [
    ("Đoàn công tác đến xã Tân Lập, huyện Đan Phượng.", {"xã Tân Lập", "huyện Đan Phượng"}),
    ("Hàng hóa xuất sang Nhật Bản và Hàn Quốc.", {"Nhật Bản", "Hàn Quốc"}),
    ("Người dân TPHCM và Hà Nội.", {"Thành phố Hồ Chí Minh", "Hà Nội"}),
    ("Vụ tai nạn trên đường Lý Thường Kiệt.", {"đường Lý Thường Kiệt"}),
    ("Vùng cách ly thôn Quan Nhân, xã Đạo Lý.", {"thôn Quan Nhân", "xã Đạo Lý"}),
    ("Số trường của quận Cầu Giấy (cũ) tăng.", {"quận Cầu Giấy (cũ)"}),
    # a district named without its unit inside an address
    ("Ca bệnh đi ăn tại thị trấn Vĩnh Trụ, Lý Nhân, Hà Nam.", {"thị trấn Vĩnh Trụ", "Lý Nhân", "Hà Nam"}),
    ("Cơ sở 2 của trường đặt tại Văn Giang, Hưng Yên.", {"Văn Giang", "Hưng Yên"}),
])
def test_locations(text, locations):
    ents, _, _ = run(text)
    assert locations <= ents.get("LOCATION", set())
    assert not ents.get("PERSON")


