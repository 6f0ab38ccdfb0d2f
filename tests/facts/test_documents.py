"""Documents (CONTRACT section 5): number codes, names, issuers, dates; scoring."""
import pytest

from pipeline.facts.document import matches, matches_strict, _gold, _pred


@pytest.mark.parametrize("text, want", [
    ("Các trường thực hiện Nghị quyết 71/2025 của Bộ Chính trị về giáo dục.",
     [("Nghị quyết", "71/2025", None, "Bộ Chính trị")]),
    ("Bộ ban hành Quyết định 2245/QĐ-BGDĐT về khung kế hoạch năm học.",
     [("Quyết định", "2245/QĐ-BGDĐT", None, "Bộ Giáo dục và Đào tạo")]),
    ("Theo Quyết định số 339/QĐ-TTg, chiến lược được phê duyệt.",
     [("Quyết định", "339/QĐ-TTg", None, "Thủ tướng Chính phủ")]),
    ("Việt Nam và Pháp đã ký kết Luật Dẫn độ trong năm nay.", [("Luật", None, "Luật Dẫn độ", None)]),
    ("Doanh nghiệp tận dụng các Hiệp định thương mại tự do (CPTPP, EVFTA).",
     [("Hiệp định", None, "Hiệp định CPTPP", None), ("Hiệp định", None, "Hiệp định EVFTA", None)]),
    ("Hội đồng hoạt động theo Luật số 34, Luật sửa đổi và bổ sung một số điều của Luật Giáo dục đại học.",
     [("Luật", "34", "Luật sửa đổi và bổ sung một số điều của Luật Giáo dục đại học", None)]),
])
def test_documents_table(facts_of, text, want):
    got = [(f["kind"], f["number"], f["name"], f["issuer"]) for f in facts_of(text, "document")]
    assert got == want


@pytest.mark.parametrize("text", [
    "Cạnh đó, triển khai hiệu quả Nghị quyết Đại hội Đảng các cấp.",   # a generic reference
    "Các văn bản hướng dẫn và các nghị quyết đã được ban hành.",        # bare kinds
    "Hội đồng đã ra một quyết định thu hồi kinh phí.",                  # only described
    "Việc này cần tuân thủ luật liên quan.",
])
def test_no_document(facts_of, text):
    assert facts_of(text, "document") == []


def test_dates_and_one_item_per_document(facts_of):
    text = ("Ngày 20/1/2021, Ban Tổ chức Trung ương ban hành Hướng dẫn 36-HD/BTCTW ngày 20/1/2021. "
            "Hướng dẫn 36-HD/BTCTW quy định rõ.")
    got = facts_of(text, "document")
    assert [(f["number"], f["issuer"], f["date"]) for f in got] == [
        ("36-HD/BTCTW", "Ban Tổ chức Trung ương", "2021-01-20")]


def test_scoring_kinds_numbers_names_issuers():
    gold = _gold([{"kind": "Quyết định", "number": ["281/QĐ-TTg", "281"], "name": None,
                   "issuer": ["Thủ tướng Chính phủ", "Thủ tướng"]},
                  {"kind": "Luật", "number": None, "name": "Luật Đầu tư công", "issuer": None}])
    pred = _pred([{"kind": "quyết định", "number": "281/QĐ-TTg", "name": None, "issuer": "Chính phủ"},
                  {"kind": "Luật", "number": None, "name": "Luật Đầu tư công", "issuer": None}])
    assert matches(gold[0].key, pred[0].key) and not matches_strict(gold[0].key, pred[0].key)
    assert matches(gold[1].key, pred[1].key) and matches_strict(gold[1].key, pred[1].key)
    assert not matches(gold[1].key, pred[0].key)
