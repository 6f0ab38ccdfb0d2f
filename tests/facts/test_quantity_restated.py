"""pipeline.facts.quantity: when the same amount in another sentence is a new item."""
from __future__ import annotations

import pytest

CASES = [
    # the same age of two different persons: two items
    ("Ông Trần Văn Nam, 51 tuổi, là kỹ sư.\nÔng Lê Minh Hải (51 tuổi) là bác sĩ.\n",
     [(51, "tuổi"), (51, "tuổi")]),
    # the same amount restated about the same thing: one item
    ("Phường có hơn 20.000 học sinh.\nVới hơn 20.000 học sinh, phường cần thêm trường.\n",
     [(20000, "học sinh")]),
    # the same number for different things in one sentence: one item each
    ("Quận có 5 trường tiểu học, 5 trường THCS.\n", [(5, "trường"), (5, "trường")]),
]


@pytest.mark.parametrize("text, want", CASES)
def test_restated_quantities(facts_of, text, want):
    got = [(f["value"], f["unit"]) for f in facts_of(text, "quantity")]
    assert got == want
