"""Helpers of the entity tests: one sentence through the tokenizer, sentences and
POS stages, as the sentence view the recognizers read."""
from __future__ import annotations

from pipeline.api import extract, nlp
from pipeline.entities.lexicon import Lex
from pipeline.entities.syllables import View, doc_syllables


def view_of(sentence: str) -> View:
    pipe = nlp()
    doc = pipe.make_doc(sentence)
    for name in ("vi_sentences", "vi_pos"):
        doc = pipe.get_pipe(name)(doc)
    return View(doc_syllables(doc), Lex.get())


def at(v: View, word: str, nth: int = 0) -> int:
    """Index of the syllable that opens ``word`` ('Sở Y tế' -> at 'Sở')."""
    parts = word.split()
    hits = [i for i in range(len(v.s)) if [x.text for x in v.s[i:i + len(parts)]] == parts]
    assert len(hits) > nth, f"{word!r} not in {[x.text for x in v.s]}"
    return hits[nth]


def surface(v: View, m) -> str:
    return v.surface(m.start, m.end)


def run(text: str):
    """(entities by type, positions, former positions) of the whole pipeline on ``text``."""
    art = extract(text)
    ents: dict[str, set] = {}
    for e in art.entities:
        ents.setdefault(e.type, set()).add(e.canonical)
    positions = {(f.person, f.title, f.organization) for f in art.facts if f.type == "position"}
    former = {(f.person, f.title) for f in art.facts if f.type == "position" and f.former}
    return ents, positions, former
