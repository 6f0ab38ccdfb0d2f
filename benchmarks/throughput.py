"""Throughput and memory: this pipeline at 1 and 2 workers vs underthesea's ``ner()``, in one run.

Over the first ``--n`` (500) articles of ``../shared/corpus/dantri-unc.jsonl``
(relative to the repository root) that are not reserved for evaluation
(``../shared/corpus/reserved.txt``), each configuration in a fresh child process
so that its peak RSS is its own:

- ``ours 1w``: ``vnextract run`` in-process (what ``--workers 1`` does),
- ``ours 2w``: the process pool of ``--workers 2``,
- ``ours 1w, ner() articles``: ``ours 1w`` over the articles ``ner()`` runs on,
- ``ner()``: underthesea's ``ner()`` line by line, one process, over the first
  ``--ner-n`` (100) of the same articles (it is slow),
- ``word_tokenize``: underthesea's word segmentation alone, over the same ``--n``
  articles as ours, for scale.

Every ratio compares two systems on the same articles.  A shared machine has slow
spells of many seconds: every configuration runs ``--rounds`` (3) times,
interleaved (one round runs each configuration once), and each keeps its best
round (as ``timeit`` keeps its best); the table shows the range over the rounds.

Our runs go through :func:`pipeline.batch.run_batch` and write one JSON per
article to a temporary directory, as the command does.  Model loading is timed
apart ("load s") and left out of the rates.  Syllables are the whitespace-separated
tokens of the text.  Peak RSS: the largest worker's ``ru_maxrss`` (reported by
the workers themselves) over all rounds, and the driver's.  In-process runs also
report CPU seconds (``time.process_time``).  The 1-worker run also times each
article, for a table of throughput by article length (< 1k, 1-3k, 3-10k, > 10k
characters): the cost should be linear in the length.

``--profile N`` instead runs cProfile over N articles in one process and prints
where the time goes, by part of the pipeline (the table of ``docs/batch.md``).

    .venv/bin/python benchmarks/throughput.py [--n 500] [--ner-n 100] [--rounds 3] [--corpus PATH] [--json FILE]
    .venv/bin/python benchmarks/throughput.py --profile 200
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
NER_SET = "ours 1w, ner() articles"   # our pipeline over the articles ner() runs on
BUCKETS = ((0, 1000, "< 1k"), (1000, 3000, "1-3k"), (3000, 10000, "3-10k"), (10000, 10 ** 12, "> 10k"))


def _reserved(corpus: str) -> set[str]:
    path = Path(corpus).parent / "reserved.txt"
    if not path.is_file():
        return set()
    return {ln.strip() for ln in path.read_text(encoding="utf-8").splitlines()
            if ln.strip() and not ln.startswith("#")}


def _lines(corpus: str, n: int) -> list[str]:
    """The first ``n`` JSONL lines of the corpus whose id is not reserved for evaluation."""
    skip = _reserved(corpus)
    out = []
    with open(corpus, encoding="utf-8") as fh:
        for line in fh:
            if len(out) >= n:
                break
            if line.strip() and json.loads(line).get("id") not in skip:
                out.append(line)
    return out


def _texts(corpus: str, n: int) -> list[str]:
    return [json.loads(line)["text"] for line in _lines(corpus, n)]


def _subset(corpus: str, n: int, tmp: str) -> str:
    """The articles of the run as a JSONL file of their own."""
    path = Path(tmp) / "articles.jsonl"
    path.write_text("".join(_lines(corpus, n)), encoding="utf-8")
    return str(path)


def _rss_mb(kb: int) -> float:
    return kb / 1024


def child_ours(corpus: str, n: int, workers: int) -> dict:
    from pipeline.batch import InProcess, LocalPool, Ready, iter_inputs, process_one, run_batch

    timed: list[tuple[int, float]] = []   # (characters, seconds) per article, 1 worker

    class TimedInProcess(InProcess):
        def imap(self, tasks, window):  # type: ignore[no-untyped-def]
            for key, task in tasks:
                if isinstance(task, Ready):
                    yield key, task.value
                    continue
                t0 = time.perf_counter()
                result = process_one(task)
                timed.append((len(task[1]), time.perf_counter() - t0))
                yield key, result

    syl = sum(len(t.split()) for t in _texts(corpus, n))
    t = time.perf_counter()
    ex = TimedInProcess() if workers == 1 else LocalPool(workers)
    ex.warm()
    load = time.perf_counter() - t
    with tempfile.TemporaryDirectory() as tmp:
        subset = _subset(corpus, n, tmp)
        out = Path(tmp) / "out"
        t, cpu = time.perf_counter(), time.process_time()
        summary = run_batch(iter_inputs([subset]), out, executor=ex, force=True,
                            progress=False, echo=lambda s: None)
        secs, cpu = time.perf_counter() - t, time.process_time() - cpu
    ex.close()
    buckets = []
    for lo, hi, name in BUCKETS:
        got = [(c, s) for c, s in timed if lo <= c < hi]
        if got:
            chars, secs_b = sum(c for c, _ in got), sum(s for _, s in got)
            buckets.append({"bucket": name, "n": len(got), "art_s": len(got) / secs_b,
                            "kchars_s": chars / secs_b / 1000, "ms_per_kchar": 1000 * secs_b / (chars / 1000)})
    return {"system": f"ours {workers}w", "n": n, "ok": summary.ok, "failed": summary.failed, "seconds": secs,
            "cpu_s": cpu if workers == 1 else None, "load_s": load, "syllables": syl, "art_s": n / secs, "syl_s": syl / secs,
            "peak_rss_worker_mb": _rss_mb(summary.peak_worker_rss_kb),
            "peak_rss_main_mb": _rss_mb(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss),
            "buckets": buckets}


# parts of the pipeline for --profile: (name, functions whose cumulative time is the part's)
PARTS = (
    ("normalization (`normalize`)", ("normalize.py:normalize",)),
    ("pre-tokenizer (plain letter runs; underthesea's pattern for the rest; final dots)",
     ("language.py:tokens",)),
    ("underthesea CRF featurizer (`CRFFeaturizer.process`)", ("~:<method 'process' of 'builtins.CRFFeaturizer' objects>",)),
    ("CRF tagging, Rust (`CRFTagger.tag`)", ("~:<method 'tag' of 'builtins.CRFTagger' objects>",)),
    ("CRF word segmentation here (`pipeline/crf/`: values, emissions, Viterbi)",
     ("crf/__init__.py:tag_many@words_of_lines",)),
    ("spaCy `Doc` construction", ("doc.pyx:__init__",)),
    ("POS stage (`vi_pos`)", ("pos.py:vi_pos",)),
    ("sentences (`vi_sentences`)", ("sentences.py:vi_sentences",)),
    ("numbers (`vi_numbers`)", ("numbers_stage.py:vi_numbers",)),
    ("entity tagging (`vi_entities`)", ("entities.py:vi_entities",)),
    ("resolve (`vi_resolve`)", ("resolve.py:vi_resolve",)),
    ("facts (`vi_facts`)", ("facts.py:vi_facts", "facts/__init__.py:vi_facts")),
    ("output: build, validate, JSON (`api.build`, `output.dumps`)", ("api.py:build", "output.py:dumps")),
)


def profile(corpus: str, n: int) -> int:
    """cProfile over ``n`` articles in one process (models loaded first, apart)."""
    import cProfile
    import pstats

    from pipeline.batch import process_one, warm

    lines = [json.loads(ln) for ln in _lines(corpus, n)]
    warm()
    process_one(("warm", "Ông Trần Văn Nam là Bí thư Đảng ủy phường Xuân Hòa.", {}))   # every lazy model
    prof = cProfile.Profile()
    t = time.perf_counter()
    prof.enable()
    for obj in lines:
        process_one((obj.get("id") or "x", obj["text"], {}))
    prof.disable()
    wall = time.perf_counter() - t
    stats = pstats.Stats(prof).stats  # type: ignore[attr-defined]
    total = sum(tt for (_, _, _), (_, _, tt, _, _) in stats.items())

    def cum(spec: str) -> float:
        key, _, caller = spec.partition("@")
        fname, _, func = key.rpartition(":")
        out = 0.0
        for (file, _line, fn), (_cc, _nc, _tt, ct, callers) in stats.items():
            if fn != func or not (file.endswith(fname) or (fname == "~" and file == "~")):
                continue
            if caller:
                out += sum(v[3] for (cf, _cl, cfn), v in callers.items() if cfn.endswith(caller) or cf.endswith(caller))
            else:
                out += ct
        return out

    print(f"cProfile over {len(lines)} articles, one process: {total:.1f} s under the profiler "
          f"({wall / len(lines) * 1000:.0f} ms an article)\n")
    print("| part | seconds | share |\n| --- | --- | --- |")
    for name, specs in PARTS:
        secs = sum(cum(s) for s in specs)
        if secs > 0:
            print(f"| {name} | {secs:.2f} | {100 * secs / total:.0f}% |")
    return 0


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
    t, cpu = time.perf_counter(), time.process_time()
    for text in texts:
        for line in text.split("\n"):
            if line.strip():
                fn(line)
    secs, cpu = time.perf_counter() - t, time.process_time() - cpu
    rss = _rss_mb(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
    return {"system": f"underthesea {which}" + ("()" if which == "ner" else ""), "n": n, "ok": n, "failed": 0,
            "seconds": secs, "cpu_s": cpu, "load_s": load, "syllables": syl, "art_s": n / secs, "syl_s": syl / secs,
            "peak_rss_worker_mb": rss, "peak_rss_main_mb": rss}


def run_child(args: list[str]) -> dict:
    proc = subprocess.run([sys.executable, __file__, *args], capture_output=True, text=True)
    if proc.returncode != 0:
        raise SystemExit(f"benchmark child {args} failed:\n{proc.stderr[-2000:]}")
    return json.loads(proc.stdout.strip().splitlines()[-1])


def _cpu_ratio(a: dict, b: dict) -> float:
    """Articles per CPU second of ``a`` over ``b``: what a shared machine's load changes least."""
    if not a.get("cpu_s") or not b.get("cpu_s"):
        return float("nan")
    return (a["n"] / a["cpu_s"]) / (b["n"] / b["cpu_s"])


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--corpus", default=str(DEFAULT_CORPUS))
    ap.add_argument("--n", type=int, default=500, help="articles for our pipeline")
    ap.add_argument("--ner-n", type=int, default=100, help="articles for underthesea ner() (slow)")
    ap.add_argument("--workers", default="1,2", help="worker counts to run, comma-separated")
    ap.add_argument("--no-baseline", action="store_true", help="skip underthesea")
    ap.add_argument("--rounds", type=int, default=3,
                    help="run every configuration this many times, interleaved, and keep each one's best")
    ap.add_argument("--json", help="also write the rows as JSON")
    ap.add_argument("--profile", type=int, metavar="N", help="profile N articles in one process instead")
    ap.add_argument("--child", nargs="+", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child:
        kind, *rest = args.child
        row = child_ours(args.corpus, args.n, int(rest[0])) if kind == "ours" else \
            child_underthesea(args.corpus, args.ner_n if kind == "ner" else args.n, kind)
        print(json.dumps(row))
        return 0

    if not Path(args.corpus).is_file():
        print(f"no corpus at {args.corpus}", file=sys.stderr)
        return 2
    if args.profile:
        return profile(args.corpus, args.profile)
    common = ["--corpus", args.corpus, "--n", str(args.n), "--ner-n", str(args.ner_n)]
    plan = [(f"ours {w}w", [*common, "--child", "ours", str(w)], f"{args.n} articles")
            for w in [int(x) for x in args.workers.split(",")]]
    if not args.no_baseline:
        plan += [
            (NER_SET, ["--corpus", args.corpus, "--n", str(args.ner_n), "--child", "ours", "1"],
             f"the {args.ner_n} articles of ner()"),
            ("underthesea ner()", [*common, "--child", "ner"], f"{args.ner_n} articles"),
            ("underthesea word_tokenize", [*common, "--child", "word_tokenize"], f"{args.n} articles"),
        ]
    runs: dict[str, list[dict]] = {}
    for r in range(args.rounds):   # interleaved: a slow spell of a shared machine hits every system
        for name, child, what in plan:
            print(f"round {r + 1}/{args.rounds}: {name} over {what} ...", file=sys.stderr)
            row = run_child(child)
            row["system"] = name
            runs.setdefault(name, []).append(row)
    rows = [max(got, key=lambda x: x["art_s"]) for got in runs.values()]   # each system's best round
    for row in rows:
        rates = [x["art_s"] for x in runs[row["system"]]]
        row["spread"] = (min(rates), max(rates))

    print(f"\ncorpus {args.corpus}, {os.cpu_count()} cores\n")
    print(f"best of {args.rounds} interleaved round(s) per system; 'art/s range': its slowest and fastest round\n")
    print(f"{'system':26} {'articles':>8} {'load s':>7} {'run s':>7} {'CPU s':>7} {'art/s':>8} {'art/s range':>13} "
          f"{'art/CPU s':>9} {'syl/s':>9} {'RSS/worker MB':>14} {'RSS main MB':>12}")
    for r in rows:
        cpu = r.get("cpu_s")
        lo, hi = r["spread"]
        print(f"{r['system']:26} {r['n']:8d} {r['load_s']:7.1f} {r['seconds']:7.1f} "
              f"{cpu if cpu is not None else float('nan'):7.1f} {r['art_s']:8.2f} {f'{lo:.1f}-{hi:.1f}':>13} "
              f"{r['n'] / cpu if cpu else float('nan'):9.2f} "
              f"{r['syl_s']:9.0f} {r['peak_rss_worker_mb']:14.0f} {r['peak_rss_main_mb']:12.0f}")
    by = {r["system"]: r for r in rows}
    one_w = by.get("ours 1w")
    if one_w and one_w.get("buckets"):
        print("\nours 1w by article length (each article timed alone, in the same run)\n")
        print(f"{'characters':12} {'articles':>8} {'art/s':>8} {'kchars/s':>9} {'ms per 1k chars':>16}")
        for b in one_w["buckets"]:
            print(f"{b['bucket']:12} {b['n']:8d} {b['art_s']:8.2f} {b['kchars_s']:9.1f} {b['ms_per_kchar']:16.2f}")
    print()
    one, two = by.get("ours 1w"), by.get("ours 2w")
    ner, wt = by.get("underthesea ner()"), by.get("underthesea word_tokenize")
    checks = []
    same = by.get(NER_SET)
    if same and ner:
        x = same["art_s"] / ner["art_s"]
        print(f"ours 1w / ner() per core, on the same {ner['n']} articles: {x:.1f}x articles/s, "
              f"{same['syl_s'] / ner['syl_s']:.1f}x syllables/s (target >= 10x); by CPU time {_cpu_ratio(same, ner):.1f}x")
        checks.append(x >= 10)
    if one and wt:
        x = one["art_s"] / wt["art_s"]
        print(f"ours 1w / word_tokenize alone, on the same {wt['n']} articles: {x:.2f}x (target >= 0.7x); "
              f"by CPU time {_cpu_ratio(one, wt):.2f}x")
        checks.append(x >= 0.7)
    if one and two:
        x = two["art_s"] / one["art_s"]
        print(f"ours 2w / 1w: {x:.2f}x (target >= 1.8x)")
        checks.append(x >= 1.8)
    worst = max(x["peak_rss_worker_mb"] for got in runs.values() for x in got if x["system"].startswith("ours"))
    print(f"peak RSS per worker: {worst:.0f} MB (target < 300 MB)")
    checks.append(worst < 300)
    if args.json:
        Path(args.json).write_text(json.dumps({"best": rows, "rounds": runs}, indent=1), encoding="utf-8")
    print("targets: " + ("all met" if all(checks) else "NOT all met"))
    return 0


if __name__ == "__main__":
    sys.exit(main())
