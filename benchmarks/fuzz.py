"""Fuzz the whole batch path for a while and report what broke.

    .venv/bin/python benchmarks/fuzz.py                 # 10 minutes, one guarded worker
    .venv/bin/python benchmarks/fuzz.py --seconds 60 --seed 7 --save /tmp/fuzz

Texts come from five generators (random Unicode, including digits that Python's
int() does not know; Vietnamese words of the seed articles with odd tokens;
mutated seed articles; long runs of one character or pattern; random bytes
read as a file).  Each goes the way `vnextract run` sends an article: the text
checks, then the pipeline in a guarded worker (time and memory limits).  The
report counts texts refused by the checks, extracted, and failed by reason,
the slowest and the largest article, the peak worker RSS, and saves every
failing text (with its generator and seed) as JSONL for a test to replay.
Exit status 1 when any article failed in the pipeline (a bug to fix).
"""
from __future__ import annotations

import argparse
import json
import random
import sys
import time
import unicodedata
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

ODD = ["\u0301", "\u0323\u0302", "\u200b", "\ufeff", "\u00a0", "\r\n", "\t", "\u2028", "٣", "১২", "１２", "Ⅻ", "½",
       "𝟙𝟚", "\U00011de1\U00011de2", "\U0001e4f3", "\U0001f600", "ǅ", "ﬁ", "İ", "ß", ",,,,", "....", "1.2.3.4",
       "-1", "+84", "10^9", "1/2/3", "30/4/1975", "ngày 32/13", "9" * 50, "1,5", "2.000.000", "%", "tỷ", "triệu"]


def _vocab() -> list[str]:
    words: list[str] = []
    for p in sorted((ROOT / "seeds").glob("*.txt")):
        words += p.read_text(encoding="utf-8").split()
    return words or ["Ông", "Nguyễn", "Văn", "A"]


def gen_unicode(rng: random.Random, _: list[str], seeds: list[str]) -> str:
    blocks = [(0x20, 0x7E), (0xC0, 0x1FF), (0x300, 0x36F), (0x1EA0, 0x1EFF), (0x2000, 0x206F), (0x0660, 0x0669),
              (0x11DE0, 0x11DE9), (0x1E4F0, 0x1E4F9), (0x1F300, 0x1F64F), (0x0, 0x1F), (0x4E00, 0x4E50)]
    out = []
    for _ in range(rng.randint(1, 400)):
        a, b = rng.choice(blocks)
        out.append(chr(rng.randint(a, b)))
    return "".join(out)


def gen_words(rng: random.Random, vocab: list[str], _: list[str]) -> str:
    n = rng.randint(1, 300)
    return " ".join(rng.choice(ODD) if rng.random() < 0.15 else rng.choice(vocab) for _ in range(n))


def gen_mutant(rng: random.Random, vocab: list[str], seeds: list[str]) -> str:
    text = list(rng.choice(seeds)[: rng.randint(50, 6000)])
    for _ in range(rng.randint(1, 40)):
        i = rng.randrange(len(text) + 1)
        op = rng.random()
        if op < 0.4:
            text[i:i] = list(rng.choice(ODD + vocab))
        elif op < 0.7 and text:
            del text[i:i + rng.randint(1, 20)]
        elif text:
            j = rng.randrange(len(text))
            text[j] = unicodedata.normalize("NFD", text[j]) if rng.random() < 0.5 else rng.choice(ODD)
    return "".join(text)


def gen_runs(rng: random.Random, vocab: list[str], _: list[str]) -> str:
    unit = rng.choice([",", ".", "1", "a ", "\u0301", "a\u0301", "( ", "Ông ", "1.000 ", "- ", "\n", "UBND ",
                       "ngày 1/1 ", "A" * 30 + " "])
    return rng.choice(vocab) + " " + unit * rng.randint(100, 20_000)


def gen_bytes(rng: random.Random, _: list[str], seeds: list[str]) -> bytes:
    data = bytearray(rng.choice(seeds)[:2000].encode("utf-8"))
    for _ in range(rng.randint(1, 20)):
        if data:
            data[rng.randrange(len(data))] = rng.randrange(256)
    return bytes(data)


GENERATORS = {"unicode": gen_unicode, "words": gen_words, "mutant": gen_mutant, "runs": gen_runs,
              "bytes": gen_bytes}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--seconds", type=float, default=600.0)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--workers", type=int, default=1)
    ap.add_argument("--save", type=Path, default=Path("fuzz-failures"), help="directory for failing texts")
    args = ap.parse_args()

    from pipeline.batch import Item, LocalPool, run_batch
    from pipeline.batch.texts import check_text, decode

    vocab, seeds = _vocab(), [p.read_text(encoding="utf-8") for p in sorted((ROOT / "seeds").glob("*.txt"))]
    rng = random.Random(args.seed)
    made: dict[str, tuple[str, str]] = {}   # name -> (generator, text)
    refused: Counter = Counter()
    deadline = time.monotonic() + args.seconds

    def items():  # type: ignore[no-untyped-def]
        n = 0
        while time.monotonic() < deadline:
            n += 1
            kind = rng.choice(list(GENERATORS))
            raw = GENERATORS[kind](rng, vocab, seeds)
            text, why = decode(raw) if isinstance(raw, bytes) else (raw, None)
            why = why or check_text(text or "")
            name = f"{kind}-{n}"
            if why:
                refused[why.split(":")[0]] += 1
                continue
            made[name] = (kind, text)
            yield Item(source=name, name=name, text=text)

    out = args.save / "out"
    lines: list[str] = []
    t0 = time.monotonic()
    with LocalPool(args.workers) as pool:
        summary = run_batch(items(), out, executor=pool, force=True, echo=lines.append)
    spent = time.monotonic() - t0
    failures = [json.loads(x) for x in (out / "errors.jsonl").read_text(encoding="utf-8").splitlines()] \
        if (out / "errors.jsonl").exists() else []
    args.save.mkdir(parents=True, exist_ok=True)
    with (args.save / "failures.jsonl").open("w", encoding="utf-8") as fh:
        for f in failures:
            kind, text = made.get(f["source"], ("?", ""))
            fh.write(json.dumps({"id": f["source"], "generator": kind, "seed": args.seed, "reason": f["reason"],
                                 "text": text}, ensure_ascii=False) + "\n")
    by_reason = Counter(f["reason"].split(":")[0] + ":" + f["reason"].split(":")[1][:60] if ":" in f["reason"]
                        else f["reason"] for f in failures)
    sizes = sorted((len(t), n) for n, (_, t) in made.items())
    print(f"fuzz: {spent:.0f} s, seed {args.seed}, {len(made) + sum(refused.values())} texts generated, "
          f"{len(made)} sent to the pipeline ({len(made) / max(spent, 1e-9):.1f}/s)")
    print(f"  refused by the text checks: {sum(refused.values())} " + json.dumps(dict(refused.most_common(6))))
    print(f"  extracted: {summary.ok}, failed: {summary.failed}")
    for reason, k in by_reason.most_common(10):
        print(f"    {k} x {reason}")
    if sizes:
        print(f"  largest article sent: {sizes[-1][0]:,} characters ({sizes[-1][1]})")
    print(f"  peak worker RSS: {summary.peak_worker_rss_kb / 1024:.0f} MB")
    print(f"  failing texts: {args.save / 'failures.jsonl'}")
    return 1 if summary.failed else 0


if __name__ == "__main__":
    sys.exit(main())
