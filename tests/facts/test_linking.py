"""facts.linking helpers shared by the fact types."""
from __future__ import annotations

import pytest

from pipeline.facts.linking import strip_honorific


@pytest.mark.parametrize("gap,left", [
    (", ông", ","),
    ("ông", ""),
    (", và bà", ", và"),
    ("là", "là"),
    (", giám đốc", ", giám đốc"),
    (", thượng tá", ","),       # a two-word honorific
    ("", ""),
    ("kông", "kông"),           # a suffix that is not a whole word
])
def test_strip_honorific(gap, left):
    assert strip_honorific(gap) == left
