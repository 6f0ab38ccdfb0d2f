"""Train the statistical PERSON tagger that ships in pipeline/models/ner.

    .venv/bin/python training/train_ner.py [--per-section 100] [--extra-weight 5] [--steps N]

1. Silver data: the pipeline's own rule mentions (vi_entities) over the first
   ``--per-section`` allowed corpus articles of each section (never reserved,
   held-out, seeds/extra or dev ids: training/data.py).  Rule PERSON mentions are
   persons; organization, place and title mentions and lowercase words are outside;
   any other capitalized word is *unknown* (the rules miss foreign and sport/showbiz
   names, so it is not taught as a non-name), unless the corpus writes it mostly in
   lowercase (a common word at a sentence start).
2. Hand annotations: the training half of seeds/extra (training/data.py,
   EXTRA_TRAIN), gold persons projected onto all their occurrences (full names and
   word suffixes), every other token outside; repeated ``--extra-weight`` times.
3. spaCy trains tok2vec + ner (training/config.cfg, fixed seed) over the pipeline's
   tokenization (underthesea word segmentation) and POS tags; model selection on a
   held-back slice of the silver data (not on any gold).  The best model is copied to
   pipeline/models/ner.

Everything is deterministic for a given machine (seeded, documents in id order).
"""
from __future__ import annotations

import argparse
import json
import random
import shutil
import sys
import time
from pathlib import Path

from data import (ROOT, extra_split, gold_names, gold_text, lowercase_ratio,  # noqa: E402
                  project_names, silver_articles, training_doc)

import spacy  # noqa: E402
from spacy.tokens import DocBin  # noqa: E402
from spacy.vocab import Vocab  # noqa: E402

from pipeline.api import nlp as pipeline_nlp  # noqa: E402

HERE = Path(__file__).resolve().parent
WORK = HERE / "work"
MODEL_DIR = ROOT / "pipeline" / "models" / "ner"
RULE_STAGES = ("vi_sentences", "vi_pos", "vi_numbers", "vi_entities")


def rule_docs(texts: list[str]):
    """Run the pipeline up to the entity tagger (resolve and facts are not needed)."""
    nlp = pipeline_nlp()
    disabled = [n for n in nlp.pipe_names if n not in RULE_STAGES]
    with nlp.select_pipes(disable=disabled):
        for text in texts:
            yield nlp(text)


def mention_spans(doc) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
    persons, others = [], []
    for m in doc._.mentions or []:
        (persons if m.label == "PERSON" else others).append((m.start, m.end))
    return persons, others


def build_corpora(work: Path, half: str, per_section: int, extra_weight: int, dev_share: float) -> dict:
    vocab = Vocab()
    arts = silver_articles(per_section)
    t0 = time.perf_counter()
    processed = []
    for rec, doc in zip(arts, rule_docs([a["text"] for a in arts])):
        processed.append((rec["id"], doc, *mention_spans(doc)))
    secs = time.perf_counter() - t0
    common = lowercase_ratio(d for _, d, _, _ in processed)
    rng = random.Random(1234)
    ids = [p[0] for p in processed]
    dev_ids = set(rng.sample(ids, max(1, int(len(ids) * dev_share))))
    train_bin, dev_bin = DocBin(), DocBin()
    n_persons = 0
    for doc_id, doc, persons, others in processed:
        tdoc = training_doc(vocab, doc, persons, others, complete=False, common=common)
        n_persons += len(tdoc.ents)
        (dev_bin if doc_id in dev_ids else train_bin).add(tdoc)
    extra_train, _ = extra_split(half)
    texts = [gold_text(g) for g in extra_train]
    n_extra = 0
    for gpath, doc in zip(extra_train, rule_docs(texts)):
        gold = json.loads(gpath.read_text(encoding="utf-8"))
        spans = project_names(doc.text, gold_names(gold, "persons"))
        tdoc = training_doc(vocab, doc, spans, [], complete=True)
        n_extra += len(tdoc.ents)
        for _ in range(extra_weight):
            train_bin.add(tdoc)
    work.mkdir(parents=True, exist_ok=True)
    train_bin.to_disk(work / "train.spacy")
    dev_bin.to_disk(work / "dev.spacy")
    stats = {"silver_articles": len(processed), "silver_dev_articles": len(dev_ids),
             "silver_person_mentions": n_persons, "extra_articles": len(extra_train),
             "extra_person_mentions": n_extra, "extra_weight": extra_weight,
             "pipeline_seconds": round(secs, 1)}
    (work / "stats.json").write_text(json.dumps(stats, indent=1))
    return stats


def train(work: Path, model_dir: Path, steps: int) -> None:
    from spacy.cli.train import train as spacy_train

    out = work / "out"
    if out.exists():
        shutil.rmtree(out)
    spacy_train(HERE / "config.cfg", out, overrides={
        "paths.train": str(work / "train.spacy"), "paths.dev": str(work / "dev.spacy"),
        "training.max_steps": steps})
    best = spacy.load(out / "model-best")
    if model_dir.exists():
        shutil.rmtree(model_dir)
    model_dir.parent.mkdir(parents=True, exist_ok=True)
    best.to_disk(model_dir)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--extra-half", choices=("A", "B", "none"), default="A",
                    help="which half of seeds/extra to train on (A: the shipped model)")
    ap.add_argument("--out", help="model folder (default: pipeline/models/ner for half A, "
                                  "training/work/model-<half> otherwise)")
    ap.add_argument("--per-section", type=int, default=100)
    ap.add_argument("--extra-weight", type=int, default=5)
    ap.add_argument("--dev-share", type=float, default=0.08)
    ap.add_argument("--steps", type=int, default=2000)
    ap.add_argument("--skip-data", action="store_true", help="reuse training/work/*.spacy")
    ap.add_argument("--data-only", action="store_true", help="write the corpora, do not train")
    args = ap.parse_args()
    spacy.util.fix_random_seed(1234)
    work = WORK / args.extra_half
    model_dir = Path(args.out) if args.out else \
        MODEL_DIR if args.extra_half == "A" else WORK / f"model-{args.extra_half}"
    if not args.skip_data:
        print(json.dumps(build_corpora(work, args.extra_half, args.per_section, args.extra_weight,
                                       args.dev_share)))
    if not args.data_only:
        train(work, model_dir, args.steps)
    return 0


if __name__ == "__main__":
    sys.exit(main())
