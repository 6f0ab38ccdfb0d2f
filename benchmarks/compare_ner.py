"""This pipeline vs underthesea's ``ner()`` on the same gold articles, in one run.

Prints persons and organizations P/R/F1 (CONTRACT section 4 scoring) for both
systems over the articles of one or more gold folders (default ``seeds/gold``,
the 32 dev articles), plus positions and quantities for this pipeline, overall
and per section of the paper (the section is read from the corpus id,
``news_<section>_NNN``; the seed articles are section ``seed``).

    .venv/bin/python benchmarks/compare_ner.py [--gold DIR ...] [--seeds DIR]

Each gold folder, or the folder above it, may hold the article texts (``<doc>``);
otherwise they are read from ``--seeds``.
"""
from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from pipeline.api import extract  # noqa: E402
from pipeline.scoring import Counts, load_gold, score_document  # noqa: E402


def underthesea_prediction(text: str) -> dict:
    """underthesea ner() line by line; PER -> PERSON, ORG -> ORGANIZATION (surface as canonical)."""
    from underthesea import ner

    ents = []
    for line in text.split("\n"):
        if not line.strip():
            continue
        cur_type, cur = None, []
        for word, _pos, _chunk, tag in ner(line) + [("", "", "", "O")]:
            if tag.startswith("I-") and cur_type == tag[2:]:
                cur.append(word)
                continue
            if cur_type:
                ents.append((cur_type, " ".join(cur)))
            cur_type, cur = (tag[2:], [word]) if tag.startswith("B-") else (None, [])
    mapping = {"PER": "PERSON", "ORG": "ORGANIZATION", "LOC": "LOCATION"}
    return {"entities": [{"type": mapping.get(t, t), "canonical": s, "text": s} for t, s in ents], "facts": []}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--gold", nargs="+", default=[str(ROOT / "seeds" / "gold")])
    ap.add_argument("--seeds", default=str(ROOT / "seeds"))
    args = ap.parse_args()
    metrics = ["persons", "organizations", "positions", "positions_person_title", "quantities"]
    totals = {sys_: {m: Counts() for m in metrics} for sys_ in ("vnextract", "underthesea")}
    by_section: dict[str, dict[str, dict[str, Counts]]] = {}
    secs = {"vnextract": 0.0, "underthesea": 0.0}
    rows = []
    gold_paths = sorted(p for d in args.gold for p in Path(d).glob("*.json"))
    for gpath in gold_paths:
        gold = load_gold(gpath)
        here = [d / gold["doc"] for d in (gpath.parent, gpath.parent.parent) if (d / gold["doc"]).is_file()]
        text = (here[0] if here else Path(args.seeds) / gold["doc"]).read_text(encoding="utf-8")
        t = time.perf_counter()
        ours = json.loads(extract(text, source=gold["doc"]).model_dump_json())
        secs["vnextract"] += time.perf_counter() - t
        t = time.perf_counter()
        base = underthesea_prediction(text)
        secs["underthesea"] += time.perf_counter() - t
        so, sb = score_document(gold, ours), score_document(gold, base)
        parts = gpath.stem.split("_")
        section = parts[1] if len(parts) == 3 and parts[0] == "news" else "seed"
        sec = by_section.setdefault(section, {s: {m: Counts() for m in metrics} for s in totals})
        for m in metrics:
            for sys_, sc in (("vnextract", so), ("underthesea", sb)):
                totals[sys_][m] = totals[sys_][m] + sc[m]
                sec[sys_][m] = sec[sys_][m] + sc[m]
        rows.append((gpath.stem, so["persons"].f1, sb["persons"].f1, so["organizations"].f1, sb["organizations"].f1))
    print(f"{'article':28} {'PER ours':>9} {'PER ut':>7} {'ORG ours':>9} {'ORG ut':>7}")
    for r in rows:
        print(f"{r[0]:28} {r[1]:9.2f} {r[2]:7.2f} {r[3]:9.2f} {r[4]:7.2f}")
    print()
    print(f"{'system':12} {'metric':24} {'P':>6} {'R':>6} {'F1':>6}  tp/pred/gold")
    for sys_ in ("vnextract", "underthesea"):
        for m in metrics:
            if sys_ == "underthesea" and m not in ("persons", "organizations"):
                continue
            c = totals[sys_][m]
            print(f"{sys_:12} {m:24} {c.precision:6.3f} {c.recall:6.3f} {c.f1:6.3f}  {c.tp}/{c.n_pred}/{c.n_gold}")
    print(f"\n{'section':14} {'n':>3} " + " ".join(f"{m[:10]:>10}" for m in metrics) + f" {'PER ut':>7} {'ORG ut':>7}")
    for section, sec in sorted(by_section.items()):
        n = sum(1 for r in rows if (r[0].split("_")[1] if r[0].startswith("news_") else "seed") == section)
        print(f"{section:14} {n:3d} " + " ".join(f"{sec['vnextract'][m].f1:10.3f}" for m in metrics)
              + f" {sec['underthesea']['persons'].f1:7.3f} {sec['underthesea']['organizations'].f1:7.3f}")
    print(f"\nseconds: vnextract {secs['vnextract']:.2f}, underthesea ner() {secs['underthesea']:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
