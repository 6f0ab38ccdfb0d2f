"""Shared data plumbing for the statistical person tagger (training and evaluation).

* which corpus articles may be used for silver training data (never the reserved
  ids, the held-out ids of the brief, the hand-annotated seeds/extra articles or the
  32 dev articles of seeds/gold);
* the two halves of seeds/extra (one article of each section in each half);
* projection of a gold name list onto its occurrences in a processed ``Doc``
  (full names and their word suffixes: 'Ronald Koeman' -> 'Koeman');
* conversion of a processed pipeline ``Doc`` into a plain training ``Doc``
  (same words, spaces and POS tags) with entity tags, ``None`` marking a token
  whose label is unknown (spaCy then neither rewards nor penalizes it).
"""
from __future__ import annotations

import json
import sys
from collections import Counter
from pathlib import Path
from typing import Iterable, Iterator

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import regex  # noqa: E402
from spacy.tokens import Doc, DocBin  # noqa: E402
from spacy.training import Example  # noqa: E402
from spacy.util import registry  # noqa: E402
from spacy.vocab import Vocab  # noqa: E402

CORPUS = ROOT.parent / "shared" / "corpus" / "dantri-unc.jsonl"
RESERVED = ROOT.parent / "shared" / "corpus" / "reserved.txt"
HELDOUT = Path("/work/briefs/heldout_ids.txt")
EXTRA = ROOT / "seeds" / "extra"
DEV_GOLD = ROOT / "seeds" / "gold"

#: seeds/extra split: half A is used for training (with the silver data), half B
#: only for evaluation.  One article of each of the ten sections in each half.
EXTRA_TRAIN = (
    "news_business_032", "news_entertainment_148", "news_health_178", "news_science_071",
    "news_sport_043", "news_tech_066", "news_travel_073", "news_world_149",
    "news_entertainment_263", "news_sport_235",
)

_CAP_RE = regex.compile(r"^\p{Lu}")


def _ids(path: Path) -> set[str]:
    if not path.is_file():
        return set()
    return {ln.strip() for ln in path.read_text(encoding="utf-8").splitlines()
            if ln.strip() and not ln.startswith("#")}


def excluded_ids() -> set[str]:
    """Corpus ids that must never be used for training: reserved, held out (the brief's
    list and benchmarks/heldout), seeds/extra, and every gold article."""
    out = _ids(RESERVED) | _ids(HELDOUT)
    out |= {p.stem for p in EXTRA.glob("*.txt")}
    out |= {p.stem for p in (ROOT / "seeds").glob("*.txt")}
    out |= {p.stem for p in DEV_GOLD.glob("*.json")}
    out |= {p.stem for p in (ROOT.parent / "shared" / "gold").glob("*.json")}
    out |= {p.stem for p in (ROOT / "benchmarks" / "heldout" / "gold").glob("*.json")}
    return out


def silver_articles(limit_per_section: int) -> list[dict]:
    """Allowed corpus articles, the first ``limit_per_section`` of each section (by id)."""
    banned = excluded_ids()
    per: dict[str, list[dict]] = {}
    with CORPUS.open(encoding="utf-8") as fh:
        for line in fh:
            rec = json.loads(line)
            if rec["id"] in banned:
                continue
            per.setdefault(rec["id"].split("_")[1], []).append(rec)
    out: list[dict] = []
    for section in sorted(per):
        out += sorted(per[section], key=lambda r: r["id"])[:limit_per_section]
    assert not banned & {r["id"] for r in out}
    return out


def extra_split(half: str = "A") -> tuple[list[Path], list[Path]]:
    """(train half, held-out half) of the seeds/extra gold files.  Half "A" (the
    shipped model) trains on EXTRA_TRAIN; half "B" (a measurement model, the other
    fold) trains on the rest; "none" trains on no hand annotation."""
    golds = sorted((EXTRA / "gold").glob("*.json"))
    a = [g for g in golds if g.stem in EXTRA_TRAIN]
    b = [g for g in golds if g.stem not in EXTRA_TRAIN]
    return {"A": (a, b), "B": (b, a), "none": ([], golds)}[half]


def gold_text(gpath: Path) -> str:
    gold = json.loads(gpath.read_text(encoding="utf-8"))
    for d in (gpath.parent, gpath.parent.parent):
        if (d / gold["doc"]).is_file():
            return (d / gold["doc"]).read_text(encoding="utf-8")
    raise FileNotFoundError(gold["doc"])


def gold_names(gold: dict, key: str = "persons") -> list[str]:
    """Every written form of the gold names (alternatives included)."""
    out: list[str] = []
    for v in gold.get(key, []):
        out += v if isinstance(v, list) else [v]
    return [v for v in out if v]


def _occurrences(text: str, form: str) -> Iterator[tuple[int, int]]:
    pat = regex.compile(r"(?<![\p{L}\p{N}])" + regex.escape(form) + r"(?![\p{L}\p{N}])")
    for m in pat.finditer(text):
        yield m.start(), m.end()


def project_names(text: str, names: Iterable[str]) -> list[tuple[int, int]]:
    """Char spans of the names in ``text`` (normalized text): every occurrence of a full
    name, then of each of its capitalized word suffixes ('Koeman', 'Công Phượng') not
    inside an occurrence already taken.  Longest first, no overlaps."""
    forms: set[str] = set()
    for name in names:
        words = name.split()
        for k in range(len(words)):
            suffix = " ".join(words[k:])
            if all(_CAP_RE.match(w) for w in words[k:]):
                forms.add(suffix)
    spans: list[tuple[int, int]] = []
    taken = [False] * (len(text) + 1)
    for form in sorted(forms, key=len, reverse=True):
        for a, b in _occurrences(text, form):
            if any(taken[a:b]):
                continue
            spans.append((a, b))
            for i in range(a, b):
                taken[i] = True
    return sorted(spans)


def token_range(doc: Doc, a: int, b: int) -> tuple[int, int] | None:
    """Token range whose chars are exactly [a, b) (None when a token straddles a boundary)."""
    span = doc.char_span(a, b, alignment_mode="strict")
    return None if span is None else (span.start, span.end)


def name_shaped(word: str) -> bool:
    """Could this token be (part of) a name: every syllable capitalized, no digit,
    not an acronym ('Song song', 'Covid-19', 'USD' cannot)."""
    parts = word.split()
    return bool(parts) and all(_CAP_RE.match(p) for p in parts) \
        and not any(c.isdigit() for c in word) and not (len(word) > 1 and word.isupper())


def lowercase_ratio(docs: Iterable[Doc]) -> dict[str, float]:
    """For each lowercased token, the share of its occurrences written in lowercase
    (counted away from line starts): common words are mostly lowercase, names never."""
    low, tot = Counter(), Counter()
    for doc in docs:
        for tok in doc:
            if tok.is_space or not tok.text[:1].isalpha() or tok.is_sent_start:
                continue
            key = tok.text.lower()
            tot[key] += 1
            if tok.text[:1].islower():
                low[key] += 1
    return {k: low[k] / n for k, n in tot.items() if n >= 3}


def _aligned(doc: Doc, a: int, b: int, tags: list[str | None]) -> tuple[int, int] | None:
    """The token range of chars [a, b); when a token straddles a boundary, the tokens
    it touches become unknown and None is returned."""
    rng = token_range(doc, a, b)
    if rng is None:
        span = doc.char_span(a, b, alignment_mode="expand")
        for i in range(span.start, span.end) if span is not None else ():
            tags[i] = None
    return rng


def training_doc(vocab: Vocab, doc: Doc, persons: list[tuple[int, int]],
                 others: list[tuple[int, int]], complete: bool,
                 common: dict[str, float] | None = None) -> Doc:
    """A plain Doc (words, spaces, POS tags) with PERSON entities.

    ``persons``: char spans that are persons; ``others``: char spans known not to be
    persons (organizations, places, titles).  With ``complete`` (hand annotation) every
    other token is outside; otherwise (silver) a capitalized token outside every span
    is unknown (the rules miss names), unless it is a common word (mostly lowercase in
    the corpus) or a line start that is a common word.  A span that does not align
    with the tokens makes its tokens unknown."""
    n = len(doc)
    tags: list[str | None] = ["O"] * n
    if not complete:
        for tok in doc:
            if name_shaped(tok.text) and (common or {}).get(tok.text.lower(), 0.0) < 0.6:
                tags[tok.i] = None
    for a, b in others:
        rng = _aligned(doc, a, b, tags)
        if rng is not None:
            for i in range(*rng):
                tags[i] = "O"
    for a, b in persons:
        rng = _aligned(doc, a, b, tags)
        if rng is None:
            continue
        s, e = rng
        if any(t is not None and t.endswith("PERSON") for t in tags[s:e]):
            continue
        tags[s] = "B-PERSON"
        for i in range(s + 1, e):
            tags[i] = "I-PERSON"
    words = [t.text for t in doc]
    spaces = [bool(t.whitespace_) for t in doc]
    pos = [t.tag_ or "X" for t in doc]
    ents = ["" if t is None else t for t in tags]
    return Doc(vocab, words=words, spaces=spaces, tags=pos, ents=ents)


@registry.readers("vnextract.words_corpus.v1")
def words_corpus(path: str):
    """Examples whose predicted side keeps the reference's words, spaces and POS tags
    (spaCy's own reader would retokenize the text into syllables and drop the tags)."""
    def read(nlp):
        for ref in DocBin().from_disk(path).get_docs(nlp.vocab):
            x = Doc(nlp.vocab, words=[t.text for t in ref], spaces=[bool(t.whitespace_) for t in ref],
                    tags=[t.tag_ for t in ref])
            yield Example(x, ref)

    return read
