"""Throughput and memory: this pipeline at 1 and 2 workers vs underthesea's ``ner()``, in one run.

Over the first ``--n`` (500) articles of ``../shared/corpus/dantri-unc.jsonl``
(relative to the repository root), each configuration in a fresh child process
so that its peak RSS is its own:

- ``ours 1w``: ``vnextract run`` in-process (what ``--workers 1`` does),
- ``ours 2w``: the process pool of ``--workers 2``,
- ``ner()``: underthesea's ``ner()`` line by line, one process, over the first
  ``--ner-n`` (100) of the same articles (it is slow; rates are per article),
- ``word_tokenize``: underthesea's word segmentation alone, same articles, for scale.

Our runs go through :func:`pipeline.batch.run_batch` and write one JSON per
article to a temporary directory, as the command does.  Model loading is timed
apart ("load s") and left out of the rates.  Syllables are the whitespace-separated
tokens of the text.  Peak RSS: the largest worker's ``ru_maxrss`` (reported by
the workers themselves) and the driver's.

    .venv/bin/python benchmarks/throughput.py [--n 500] [--ner-n 100] [--corpus PATH] [--json FILE]
"""
from __future__ import annotations

import argparse
import itertools
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
DEFAULT_CORPUS = ROOT.parent / "shared" / "corpus" / "dantri-unc.jsonl"


def _texts(corpus: str, n: int) -> list[str]:
    out = []
    with open(corpus, encoding="utf-8") as fh:
        for line in itertools.islice(fh, n):
            out.append(json.loads(line)["text"])
    return out


def _rss_mb(kb: int) -> float:
    return kb / 1024


def child_ours(corpus: str, n: int, workers: int) -> dict:
    from pipeline.batch import InProcess, LocalPool, iter_inputs, run_batch

    syl = sum(len(t.split()) for t in _texts(corpus, n))
    t = time.perf_counter()
    ex = InProcess() if workers == 1 else LocalPool(workers)
    ex.warm()
    load = time.perf_counter() - t
    with tempfile.TemporaryDirectory() as tmp:
        t = time.perf_counter()
        summary = run_batch(itertools.islice(iter_inputs([corpus]), n), Path(tmp), executor=ex, force=True,
                            progress=False, echo=lambda s: None)
        secs = time.perf_counter() - t
    ex.close()
    return {"system": f"ours {workers}w", "n": n, "ok": summary.ok, "failed": summary.failed, "seconds": secs,
            "load_s": load, "syllables": syl, "art_s": n / secs, "syl_s": syl / secs,
            "peak_rss_worker_mb": _rss_mb(summary.peak_worker_rss_kb),
            "peak_rss_main_mb": _rss_mb(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)}


def child_underthesea(corpus: str, n: int, which: str) -> dict:
    texts = _texts(corpus, n)
    syl = sum(len(t.split()) for t in texts)
    t = time.perf_counter()
    if which == "ner":
        from underthesea import ner as fn
    else:
        from underthesea import word_tokenize as fn
    fn("Ông Trần Văn Nam là Bí thư Đảng ủy phường Xuân Hòa.")  # load the model
    load = time.perf_counter() - t
    t = time.perf_counter()
    for text in texts:
        for line in text.split("\n"):
            if line.strip():
                fn(line)
    secs = time.perf_counter() - t
    rss = _rss_mb(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
    return {"system": f"underthesea {which}" + ("()" if which == "ner" else ""), "n": n, "ok": n, "failed": 0,
            "seconds": secs, "load_s": load, "syllables": syl, "art_s": n / secs, "syl_s": syl / secs,
            "peak_rss_worker_mb": rss, "peak_rss_main_mb": rss}


def run_child(args: list[str]) -> dict:
    proc = subprocess.run([sys.executable, __file__, *args], capture_output=True, text=True)
    if proc.returncode != 0:
        raise SystemExit(f"benchmark child {args} failed:\n{proc.stderr[-2000:]}")
    return json.loads(proc.stdout.strip().splitlines()[-1])


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--corpus", default=str(DEFAULT_CORPUS))
    ap.add_argument("--n", type=int, default=500, help="articles for our pipeline")
    ap.add_argument("--ner-n", type=int, default=100, help="articles for underthesea ner() (slow)")
    ap.add_argument("--workers", default="1,2", help="worker counts to run, comma-separated")
    ap.add_argument("--no-baseline", action="store_true", help="skip underthesea")
    ap.add_argument("--json", help="also write the rows as JSON")
    ap.add_argument("--child", nargs="+", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child:
        kind, *rest = args.child
        row = child_ours(args.corpus, args.n, int(rest[0])) if kind == "ours" else \
            child_underthesea(args.corpus, args.ner_n, kind)
        print(json.dumps(row))
        return 0

    if not Path(args.corpus).is_file():
        print(f"no corpus at {args.corpus}", file=sys.stderr)
        return 2
    common = ["--corpus", args.corpus, "--n", str(args.n), "--ner-n", str(args.ner_n)]
    rows = []
    for w in [int(x) for x in args.workers.split(",")]:
        print(f"running ours at {w} worker(s) over {args.n} articles ...", file=sys.stderr)
        rows.append(run_child([*common, "--child", "ours", str(w)]))
    if not args.no_baseline:
        for which in ("ner", "word_tokenize"):
            print(f"running underthesea {which} over {args.ner_n} articles ...", file=sys.stderr)
            rows.append(run_child([*common, "--child", which]))

    print(f"\ncorpus {args.corpus}, {os.cpu_count()} cores\n")
    print(f"{'system':26} {'articles':>8} {'load s':>7} {'run s':>7} {'art/s':>8} {'syl/s':>9} "
          f"{'RSS/worker MB':>14} {'RSS main MB':>12}")
    for r in rows:
        print(f"{r['system']:26} {r['n']:8d} {r['load_s']:7.1f} {r['seconds']:7.1f} {r['art_s']:8.2f} "
              f"{r['syl_s']:9.0f} {r['peak_rss_worker_mb']:14.0f} {r['peak_rss_main_mb']:12.0f}")
    by = {r["system"]: r for r in rows}
    print()
    one, two = by.get("ours 1w"), by.get("ours 2w")
    ner, wt = by.get("underthesea ner()"), by.get("underthesea word_tokenize")
    checks = []
    if one and ner:
        x = one["art_s"] / ner["art_s"]
        print(f"ours 1w / ner() per core: {x:.1f}x articles/s, {one['syl_s'] / ner['syl_s']:.1f}x syllables/s "
              f"(target >= 5x, goal 10x)")
        checks.append(x >= 5)
    if one and wt:
        print(f"ours 1w / word_tokenize alone: {one['art_s'] / wt['art_s']:.2f}x")
    if one and two:
        x = two["art_s"] / one["art_s"]
        print(f"ours 2w / 1w: {x:.2f}x (target >= 1.8x)")
        checks.append(x >= 1.8)
    worst = max(r["peak_rss_worker_mb"] for r in rows if r["system"].startswith("ours"))
    print(f"peak RSS per worker: {worst:.0f} MB (target < 1024 MB)")
    checks.append(worst < 1024)
    if args.json:
        Path(args.json).write_text(json.dumps(rows, indent=1), encoding="utf-8")
    print("targets: " + ("all met" if all(checks) else "NOT all met"))
    return 0


if __name__ == "__main__":
    sys.exit(main())
