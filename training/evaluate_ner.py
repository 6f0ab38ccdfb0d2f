"""Measure the statistical person tagger against the rules, honestly, in one run.

    .venv/bin/python training/evaluate_ner.py [--throughput 200] [--beam 4] [--threshold 0.5]

Persons, three systems:
  (a) rules   the pipeline as it is (vi_entities / vi_resolve);
  (b) model   vi_ner_model alone;
  (c) rules+  the rules plus the model spans that overlap no rule mention (of any
              label) and that no rule evidence contradicts (ner_model.new_persons:
              name-shaped, not in a list led by an administrative unit word, not part
              of a non-person rule mention, not a known place); a name that is a word
              suffix of a person already kept (``Koeman`` after ``Ronald Koeman``) is
              merged into it.
Two levels:
  mention   exact char spans against the gold names projected onto the text
            (every occurrence of a gold name or of a capitalized word suffix of it);
  contract  CONTRACT section 4 persons (pipeline.scoring.score_document).
Sets: seeds/gold (the 32 dev articles, never trained on) and seeds/extra in two
folds: half B tagged by the shipped model (trained on half A), half A by the model
``training/train_ner.py --extra-half B`` writes to training/work/model-B (when it is
there), and both summed.  With training/work/model-none (``--extra-half none``,
silver data only) an ablation shows what the hand annotations add.  When
benchmarks/heldout is there (the team's check set, ids excluded from training), it
is measured too; -v lists errors on the dev set only.

Throughput: the same allowed corpus articles through the same pipeline with the
component disabled and enabled, alternately, twice; articles/s by wall clock and
by process CPU time (the machine is shared).
"""
from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

from data import DEV_GOLD, ROOT, extra_split, gold_names, gold_text, project_names, silver_articles  # noqa: E402

from pipeline.api import build, nlp as pipeline_nlp  # noqa: E402
from pipeline.language import create_nlp  # noqa: E402
from pipeline.scoring import Counts, load_gold, normalize_name, score_document  # noqa: E402
from pipeline.stages.ner_model import add_ner_model, new_persons  # noqa: E402

SYSTEMS = ("rules", "model", "rules+model")
WORK = ROOT / "training" / "work"
HELDOUT_GOLD = ROOT / "benchmarks" / "heldout" / "gold"


def span_counts(pred: set[tuple[int, int]], gold: set[tuple[int, int]]) -> Counts:
    return Counts(tp=len(pred & gold), n_pred=len(pred), n_gold=len(gold))


def _is_suffix(short: str, long: str) -> bool:
    s, l = normalize_name(short).split(), normalize_name(long).split()
    return len(s) < len(l) and l[-len(s):] == s


def merged_names(names: list[str], keep: list[str]) -> list[str]:
    """``names`` not already in ``keep`` and not a word suffix of a longer name of either."""
    pool = keep + names
    seen = {normalize_name(k) for k in keep}
    out = []
    for n in sorted(set(names), key=lambda x: -len(x)):
        key = normalize_name(n)
        if not key or key in seen or any(_is_suffix(n, other) for other in pool):
            continue
        seen.add(key)
        out.append(n)
    return out


def systems_of(doc, article: dict) -> dict[str, tuple[set, dict]]:
    """Per system: (mention spans, prediction dict for score_document)."""
    rule_ments = [(m.start, m.end, m.label) for m in doc._.mentions or []]
    rule_spans = {(a, b) for a, b, lab in rule_ments if lab == "PERSON"}
    model = [(p["start"], p["end"], p["text"]) for p in doc._.model_persons or []]
    new = [(p["start"], p["end"], p["text"]) for p in new_persons(doc)]
    rule_persons = [e["canonical"] for e in article["entities"] if e["type"] == "PERSON"]

    def pred(names: list[str]) -> dict:
        return {"entities": [{"type": "PERSON", "canonical": n, "text": n} for n in names], "facts": []}

    others = [e for e in article["entities"] if e["type"] != "PERSON"]
    plus = pred(rule_persons + merged_names([t for _, _, t in new], rule_persons))
    plus["entities"] += others
    return {
        "rules": (rule_spans, article),
        "model": ({(a, b) for a, b, _ in model}, pred(merged_names([t for _, _, t in model], []))),
        "rules+model": (rule_spans | {(a, b) for a, b, _ in new}, plus),
    }


def _show_added(stem: str, gold: dict, rules: dict, plus: dict) -> None:
    """Print the persons (c) adds to the rules, each marked + (in gold) or - (not)."""
    keys = {normalize_name(x) for v in gold["persons"] for x in (v if isinstance(v, list) else [v])}
    had = {normalize_name(e["canonical"]) for e in rules["entities"] if e["type"] == "PERSON"}
    added = [e["canonical"] for e in plus["entities"] if e["type"] == "PERSON"
             and normalize_name(e["canonical"]) not in had]
    if added:
        print(f"    {stem}: " + ", ".join(("+" if normalize_name(a) in keys else "-") + a for a in added))


def evaluate(nlp, gold_paths: list[Path], verbose: bool = False) -> dict:
    res = {s: {"mention": Counts(), "contract": Counts()} for s in SYSTEMS}
    per_section: dict[str, dict[str, Counts]] = {}
    for gpath in gold_paths:
        gold = load_gold(gpath)
        text = gold_text(gpath)
        doc = nlp(text)
        article = json.loads(build(doc, gold["doc"]).model_dump_json())
        gold_spans = set(project_names(doc.text, gold_names(json.loads(gpath.read_text("utf-8")))))
        parts = gpath.stem.split("_")
        section = parts[1] if parts[0] == "news" else "seed"
        sec = per_section.setdefault(section, {s: Counts() for s in SYSTEMS})
        systems = systems_of(doc, article)
        if verbose:
            _show_added(gpath.stem, json.loads(gpath.read_text("utf-8")), article, systems["rules+model"][1])
        for name, (spans, pred) in systems.items():
            c = score_document(gold, pred)["persons"]
            res[name]["contract"] = res[name]["contract"] + c
            res[name]["mention"] = res[name]["mention"] + span_counts(spans, gold_spans)
            sec[name] = sec[name] + c
    return {"totals": res, "sections": per_section, "n": len(gold_paths)}


def throughput(nlp, n: int) -> dict:
    arts = silver_articles(max(1, n // 10))[:n]
    texts = [a["text"] for a in arts]
    for t in texts[:5]:
        nlp(t)  # warm up both paths (model loading, caches)
    out = {"articles": len(texts), "off": [0.0, 0.0], "on": [0.0, 0.0]}
    for _ in range(2):
        for mode in ("off", "on"):
            w0, c0 = time.perf_counter(), time.process_time()
            if mode == "off":
                with nlp.select_pipes(disable=["vi_ner_model"]):
                    for t in texts:
                        nlp(t)
            else:
                for t in texts:
                    nlp(t)
            out[mode][0] += time.perf_counter() - w0
            out[mode][1] += time.process_time() - c0
    for mode in ("off", "on"):
        wall, cpu = out[mode]
        out[mode] = {"articles_per_s_wall": round(2 * len(texts) / wall, 2),
                     "articles_per_s_cpu": round(2 * len(texts) / cpu, 2)}
    out["cpu_loss"] = round(1 - out["on"]["articles_per_s_cpu"] / out["off"]["articles_per_s_cpu"], 3)
    out["wall_loss"] = round(1 - out["on"]["articles_per_s_wall"] / out["off"]["articles_per_s_wall"], 3)
    return out


def fmt(c: Counts) -> str:
    return f"P {c.precision:.3f}  R {c.recall:.3f}  F1 {c.f1:.3f}  ({c.tp}/{c.n_pred}/{c.n_gold})"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--throughput", type=int, default=200, help="articles (0: skip)")
    ap.add_argument("--beam", type=int, default=1)
    ap.add_argument("--threshold", type=float, default=0.5)
    ap.add_argument("--json", help="also write the figures here")
    ap.add_argument("-v", "--verbose", action="store_true",
                    help="list the persons (c) adds, on the dev set only (the seeds/extra halves stay unread)")
    args = ap.parse_args()
    nlp = pipeline_nlp()
    add_ner_model(nlp, beam_width=args.beam, threshold=args.threshold)
    _, extra_b = extra_split("A")
    extra_a, _ = extra_split("A")
    runs = [("dev seeds/gold (32, not trained on), shipped model A", nlp, sorted(DEV_GOLD.glob("*.json"))),
            ("seeds/extra half B (10), shipped model A (trained on half A)", nlp, extra_b)]
    if HELDOUT_GOLD.is_dir():
        runs.append(("benchmarks/heldout (15, the team's check set; measured, never read), shipped model A",
                     nlp, sorted(HELDOUT_GOLD.glob("*.json"))))
    others = {}
    for half in ("B", "none"):
        path = WORK / f"model-{half}"
        if path.is_dir():
            other = create_nlp()
            add_ner_model(other, path=str(path), beam_width=args.beam, threshold=args.threshold)
            others[half] = other
    if "B" in others:
        runs.append(("seeds/extra half A (10), model B (trained on half B)", others["B"], extra_a))
    if "none" in others:
        runs.append(("ablation: dev seeds/gold (32), model trained on silver only", others["none"],
                     sorted(DEV_GOLD.glob("*.json"))))
        runs.append(("ablation: seeds/extra all 20, model trained on silver only", others["none"],
                     extra_a + extra_b))
    report: dict = {}
    for label, pipe, paths in runs:
        r = evaluate(pipe, paths, args.verbose and label.startswith("dev"))
        print(f"\n== {label}")
        for s in SYSTEMS:
            print(f"  {s:12} mention  {fmt(r['totals'][s]['mention'])}")
            print(f"  {s:12} contract {fmt(r['totals'][s]['contract'])}")
        print("  contract persons F1 per section, rules -> rules+model: " + ", ".join(
            f"{sec} {c['rules'].f1:.2f}->{c['rules+model'].f1:.2f}" for sec, c in sorted(r["sections"].items())))
        report[label] = r
    halves = [k for k in report if k.startswith("seeds/extra half")]
    if len(halves) == 2:
        print("\n== seeds/extra all 20, two-fold (each half tagged by the model not trained on it)")
        for s in SYSTEMS:
            for lvl in ("mention", "contract"):
                c = report[halves[0]]["totals"][s][lvl] + report[halves[1]]["totals"][s][lvl]
                print(f"  {s:12} {lvl:8} {fmt(c)}")
    report = {k: {s: {lvl: vars(c) for lvl, c in r["totals"][s].items()} for s in SYSTEMS}
              for k, r in report.items()}
    if args.throughput:
        tp = throughput(nlp, args.throughput)
        print(f"\n== throughput over {tp['articles']} allowed corpus articles, x2 each: "
              f"off {tp['off']}, on {tp['on']}; loss cpu {tp['cpu_loss']:.1%}, wall {tp['wall_loss']:.1%}")
        report["throughput"] = tp
    if args.json:
        Path(args.json).write_text(json.dumps(report, indent=1, default=str))
    return 0


if __name__ == "__main__":
    sys.exit(main())
