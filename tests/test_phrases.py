"""pipeline.phrases.phrase_trie: the factored pattern finds what the plain
alternation (longest phrase first) finds, at the same places."""
from __future__ import annotations

import pytest
import regex

from pipeline import resources as R
from pipeline.phrases import phrase_trie

PHRASES = ["cho biết", "cho hay", "cho", "Cho rằng", "nói", "nói rõ", "khẳng định", "C.", "cho  biết thêm"]
TEXTS = [
    "Ông A cho biết: dự án chậm. Bà B nói rõ rằng chưa xong, ông C cho hay thêm.",
    "CHO BIẾT THÊM, cho rằng, Cho  biết thêm nữa; cho\nbiết; chobiết; khẳng định.",
    "C. Ronaldo nói. Anh nóiô không tính; 'cho' đứng một mình.",
]


def _plain(phrases, flags):
    """The alternation, longest first; a run of spaces is one space."""
    phrases = [" ".join(w.split()) for w in phrases]
    alt = "|".join(regex.escape(w).replace(r"\ ", r"\s+") for w in sorted(phrases, key=len, reverse=True))
    return regex.compile(rf"(?<![\p{{L}}\p{{N}}])(?:{alt})(?![\p{{L}}\p{{N}}])", flags)


@pytest.mark.parametrize("case", [False, True])
@pytest.mark.parametrize("text", TEXTS)
def test_trie_finds_what_the_alternation_finds(text, case):
    flags = 0 if case else regex.IGNORECASE
    trie = regex.compile(rf"(?<![\p{{L}}\p{{N}}])(?:{phrase_trie(PHRASES, fold=not case)})(?![\p{{L}}\p{{N}}])", flags)
    assert [m.span() for m in trie.finditer(text)] == [m.span() for m in _plain(PHRASES, flags).finditer(text)]


def test_no_phrase_matches_nothing():
    assert regex.compile(phrase_trie([])).search("bất cứ gì") is None


@pytest.mark.parametrize("kind,name,case", [("statement", "cue", False), ("award", "award", True),
                                            ("event", "noun", False), ("document", "kind", False)])
def test_every_fact_word_set_matches_as_before(kind, name, case):
    words = R.fact_table(kind, name)
    text = " . ".join(words) + " " + " và ".join(w.upper() for w in words)
    flags = 0 if case else regex.IGNORECASE
    assert [m.span() for m in R.fact_words_re(kind, name, case).finditer(text)] == \
        [m.span() for m in _plain(words, flags).finditer(text)]
