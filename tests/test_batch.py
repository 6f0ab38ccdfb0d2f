"""`vnextract run` (issue 5): streaming inputs, bad input, resume, workers, JSONL output."""
from __future__ import annotations

import gzip
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from pipeline.batch import Item, iter_inputs, run_batch
from pipeline.cli import app
from pipeline.output import make_doc_id

ROOT = Path(__file__).resolve().parent.parent

ARTICLES = [
    "Ông Trần Văn Nam, Bí thư Đảng ủy phường Xuân Hòa, cho biết phường có 5 trường học.",
    "Bà Nguyễn Thị Lan, Giám đốc Sở Y tế tỉnh Quảng Ninh, cho biết tỉnh có hơn 20 bệnh viện.",
    "Ông Lê Văn Hùng, Chủ tịch UBND xã Tân Lập, cho biết xã có khoảng 300 hộ dân.",
    "Ông Phạm Minh Tuấn, Hiệu trưởng Trường THPT Chu Văn An, cho biết trường có 1.200 học sinh.",
]


def cli(args: list[str], input: bytes | str | None = None):  # type: ignore[no-untyped-def]
    res = CliRunner().invoke(app, ["run", *args], input=input, catch_exceptions=False)
    return res


def summary_counts(stderr: str) -> tuple[int, int, int]:
    import re

    m = re.search(r"ok (\d+), failed (\d+), skipped (\d+)", stderr)
    assert m, stderr
    return int(m[1]), int(m[2]), int(m[3])


def errors_of(path: Path) -> list[dict]:
    if not path.exists():
        return []
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def write_txts(d: Path, texts=ARTICLES) -> list[Path]:
    d.mkdir(parents=True, exist_ok=True)
    paths = []
    for i, t in enumerate(texts):
        p = d / f"a{i}.txt"
        p.write_text(t, encoding="utf-8")
        paths.append(p)
    return paths


def snapshot(d: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(d.iterdir()) if p.is_file()}


# --------------------------------------------------------------------------- bad input

def _bad_inputs(d: Path) -> dict[str, tuple[Path, str, str]]:
    """kind -> (file, expected source, word the reason contains)."""
    d.mkdir(parents=True, exist_ok=True)
    cases: dict[str, tuple[Path, str, str]] = {}

    def add(kind: str, name: str, data: bytes, word: str, line: int | None = None) -> None:
        p = d / name
        p.write_bytes(data)
        cases[kind] = (p, f"{p}:{line}" if line else str(p), word)

    add("undecodable", "latin1.txt", b"\xd4ng Nam \xe0 H\xe0 N\xf4i c\xf3 5 tr\xfd\xf4\xf2ng.", "undecodable")
    add("empty", "empty.txt", b"", "empty")
    add("whitespace", "blank.txt", b"  \n\t \r\n \xe3\x80\x80 \n", "empty")
    add("binary", "image.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00" + bytes(range(256)) * 4,
        "binary")
    add("html", "page.txt", ("<!DOCTYPE html>\n<html><head><title>Tin</title></head><body><p>"
                             + ARTICLES[0] + "</p></body></html>\n").encode(), "HTML")
    add("html_fragment", "fragment.txt", ("".join(f"<div class='x'><span>{w}</span></div>\n"
                                                  for w in ARTICLES[1].split())).encode(), "HTML")
    add("too_large", "huge.txt", ("Ông Trần Văn Nam cho biết phường có 5 trường học. " * 100_000).encode(), "too large")
    add("bad_json", "bad.jsonl", b'{"id": "x", "text": "unterminated\n', "JSON", line=1)
    add("no_text", "notext.jsonl", b'{"id": "y", "title": "no body"}\n', "text", line=1)
    add("text_not_string", "nonstr.jsonl", b'{"id": "z", "text": 42}\n', "not a string", line=1)
    add("not_object", "list.jsonl", b'["text", "x"]\n', "not an object", line=1)
    add("jsonl_empty_text", "emptytext.jsonl", b'{"id": "w", "text": "   "}\n', "empty", line=1)
    add("lone_surrogate", "surrogate.jsonl", b'{"id": "s", "text": "\\ud800 \\u00d4ng Nam"}\n', "surrogate", line=1)
    return cases


BAD_KINDS = ["undecodable", "empty", "whitespace", "binary", "html", "html_fragment", "too_large", "bad_json",
             "no_text", "text_not_string", "not_object", "jsonl_empty_text", "lone_surrogate"]


@pytest.mark.parametrize("kind", BAD_KINDS)
def test_bad_input_is_an_error_record_and_the_batch_goes_on(kind, tmp_path):
    good = write_txts(tmp_path / "good", ARTICLES[:1])[0]
    good2 = tmp_path / "good2.txt"
    good2.write_text(ARTICLES[1], encoding="utf-8")
    bad, source, word = _bad_inputs(tmp_path / "bad")[kind]
    out = tmp_path / "out"
    res = cli([str(good), str(bad), str(good2), "--out", str(out)])
    assert res.exit_code == 1, res.output
    ok, failed, skipped = summary_counts(res.stderr)
    assert (ok, failed, skipped) == (2, 1, 0)
    assert ok + failed + skipped == 3
    errs = errors_of(out / "errors.jsonl")
    assert len(errs) == 1
    assert errs[0]["source"] == source
    assert word.lower() in errs[0]["reason"].lower(), errs[0]
    assert (out / "a0.json").is_file() and (out / "good2.json").is_file()


def test_a_5mb_article_is_refused_without_reading_it_whole(tmp_path):
    huge = tmp_path / "huge.txt"
    huge.write_bytes(b"x " * (2_600_000))  # 5.2 MB
    items = list(iter_inputs([str(huge)]))
    assert len(items) == 1 and items[0].text is None and "too large" in items[0].error
    # a lower --max-chars applies to ordinary articles too
    small = write_txts(tmp_path / "s", ARTICLES[:1])[0]
    res = cli([str(small), "--out", str(tmp_path / "o"), "--max-chars", "20"])
    assert res.exit_code == 1
    assert "too large" in errors_of(tmp_path / "o" / "errors.jsonl")[0]["reason"]


def test_a_huge_jsonl_line_is_skipped_and_the_next_line_read(tmp_path):
    p = tmp_path / "big.jsonl"
    with p.open("w", encoding="utf-8") as fh:
        fh.write(json.dumps({"id": "big", "text": "ông Nam " * 5000}) + "\n")
        fh.write(json.dumps({"id": "ok", "text": ARTICLES[0]}, ensure_ascii=False) + "\n")
    items = list(iter_inputs([str(p)], max_chars=1000))
    assert [i.name for i in items] == ["big", "ok"]
    assert "too large" in items[0].error and items[1].error is None


def test_all_bad_inputs_in_one_run_each_recorded_once(tmp_path):
    cases = _bad_inputs(tmp_path / "bad")
    good = write_txts(tmp_path / "good", ARTICLES[:2])
    out = tmp_path / "out"
    res = cli([str(p) for p in good] + [str(c[0]) for c in cases.values()] + ["--out", str(out)])
    assert res.exit_code == 1
    ok, failed, skipped = summary_counts(res.stderr)
    assert (ok, failed, skipped) == (2, len(cases), 0)
    assert sorted(e["source"] for e in errors_of(out / "errors.jsonl")) == sorted(c[1] for c in cases.values())


def test_utf16_and_utf8_bom_are_read(tmp_path):
    a = tmp_path / "u16.txt"
    a.write_bytes(ARTICLES[0].encode("utf-16"))
    b = tmp_path / "bom.txt"
    b.write_bytes(ARTICLES[1].encode("utf-8-sig"))
    items = list(iter_inputs([str(a), str(b)]))
    assert [i.text for i in items] == ARTICLES[:2]


def test_a_missing_path_and_an_empty_glob_are_failures(tmp_path):
    out = tmp_path / "out"
    res = cli([str(tmp_path / "nope.txt"), str(tmp_path / "*.nothing"), "--out", str(out)])
    assert res.exit_code == 1
    assert summary_counts(res.stderr) == (0, 2, 0)
    reasons = [e["reason"] for e in errors_of(out / "errors.jsonl")]
    assert "no such file" in reasons[0] and "no file matches" in reasons[1]


def test_a_pipeline_exception_fails_only_that_article(tmp_path, monkeypatch):
    import pipeline.api as api

    real = api.extract

    def flaky(text, source="<text>", meta=None):  # type: ignore[no-untyped-def]
        if "Lê Văn Hùng" in text:
            raise RuntimeError("boom")
        return real(text, source=source, meta=meta)

    monkeypatch.setattr(api, "extract", flaky)
    write_txts(tmp_path / "in")
    out = tmp_path / "out"
    lines: list[str] = []
    summary = run_batch(iter_inputs([str(tmp_path / "in")]), out, workers=0, echo=lines.append)  # in-process
    assert summary.exit_code == 1
    assert summary_counts(lines[0]) == (3, 1, 0)
    err = errors_of(out / "errors.jsonl")[0]
    assert err["source"].endswith("a2.txt") and "RuntimeError: boom" in err["reason"]


# --------------------------------------------------------------------------- input kinds

def _jsonl_lines(n: int = 3) -> list[dict]:
    return [{"id": f"doc{i}", "text": t, "url": "https://dantri.com.vn/x.htm", "date": "2024-05-0" + str(i + 1)}
            for i, t in enumerate(ARTICLES[:n])]


def test_jsonl_and_jsonl_gz_inputs(tmp_path):
    lines = _jsonl_lines()
    plain = tmp_path / "a.jsonl"
    plain.write_text("".join(json.dumps(o, ensure_ascii=False) + "\n" for o in lines) + "\n", encoding="utf-8")
    gz = tmp_path / "b.jsonl.gz"
    with gzip.open(gz, "wt", encoding="utf-8") as fh:
        fh.write("".join(json.dumps({**o, "id": "gz" + o["id"], "text": o["text"] + " Hết."}, ensure_ascii=False) + "\n" for o in lines))
    out = tmp_path / "out"
    res = cli([str(plain), str(gz), "--out", str(out)])
    assert res.exit_code == 0, res.stderr
    assert summary_counts(res.stderr) == (6, 0, 0)
    got = json.loads((out / "doc1.json").read_text(encoding="utf-8"))
    assert got["source"] == f"{plain}:2" and got["url"] == lines[1]["url"] and got["date"] == "2024-05-02"
    assert got["outlet"] == "Dân trí"
    assert (out / "gzdoc0.json").is_file()
    assert not (out / "errors.jsonl").exists()


def test_directory_and_glob_inputs(tmp_path):
    d = tmp_path / "in"
    write_txts(d)
    (d / "notes.md").write_text("ignored", encoding="utf-8")
    res = cli([str(d), "--out", str(tmp_path / "o1")])
    assert res.exit_code == 0 and summary_counts(res.stderr) == (4, 0, 0)
    res = cli([str(d / "a[01].txt"), "--out", str(tmp_path / "o2")])
    assert res.exit_code == 0 and summary_counts(res.stderr) == (2, 0, 0)
    assert sorted(p.name for p in (tmp_path / "o2").glob("*.json")) == ["a0.json", "a1.json"]
    assert (tmp_path / "o1" / "a0.json").read_bytes() == (tmp_path / "o2" / "a0.json").read_bytes()


def test_stdin_plain_text_and_jsonl(tmp_path):
    text = "\n" + ARTICLES[0] + "\n"  # leading blank lines are part of the text as read
    res = cli(["-", "--out", str(tmp_path / "o1")], input=text.encode("utf-8"))
    assert res.exit_code == 0, res.stderr
    got = json.loads((tmp_path / "o1" / "stdin.json").read_text(encoding="utf-8"))
    assert got["source"] == "<stdin>" and got["doc_id"] == make_doc_id(text) and got["length"] == len(text)
    feed = "\n" + "".join(json.dumps(o, ensure_ascii=False) + "\n" for o in _jsonl_lines(2)) + "not json\n"
    res = cli(["-", "--out", str(tmp_path / "o2")], input=feed.encode("utf-8"))
    assert res.exit_code == 1
    assert summary_counts(res.stderr) == (2, 1, 0)
    assert sorted(p.name for p in (tmp_path / "o2").glob("*.json")) == ["doc0.json", "doc1.json"]
    assert errors_of(tmp_path / "o2" / "errors.jsonl")[0]["source"] == "<stdin>:4"


def test_stdin_through_the_installed_command(tmp_path):
    exe = Path(sys.executable).parent / "vnextract"
    proc = subprocess.run([str(exe), "run", "-", "--out", str(tmp_path)], input=ARTICLES[1].encode(),
                          capture_output=True, timeout=300)
    assert proc.returncode == 0, proc.stderr.decode()
    assert b"ok 1, failed 0, skipped 0" in proc.stderr
    assert b"art/s" not in proc.stderr and b"it/s" not in proc.stderr  # no progress bar off a terminal
    assert (tmp_path / "stdin.json").is_file()


# --------------------------------------------------------------------------- resume, duplicates

def test_rerun_skips_and_force_redoes(tmp_path):
    d = tmp_path / "in"
    write_txts(d)
    out = tmp_path / "out"
    assert summary_counts(cli([str(d), "--out", str(out)]).stderr) == (4, 0, 0)
    before = {p.name: p.stat().st_mtime_ns for p in out.glob("*.json")}
    res = cli([str(d), "--out", str(out)])
    assert res.exit_code == 0 and summary_counts(res.stderr) == (0, 0, 4)
    assert {p.name: p.stat().st_mtime_ns for p in out.glob("*.json")} == before
    # an edited article is redone, the others skipped
    (d / "a1.txt").write_text(ARTICLES[1] + " Thêm một câu.", encoding="utf-8")
    assert summary_counts(cli([str(d), "--out", str(out)]).stderr) == (1, 0, 3)
    assert json.loads((out / "a1.json").read_text(encoding="utf-8"))["doc_id"] == make_doc_id(
        ARTICLES[1] + " Thêm một câu.")
    res = cli([str(d), "--out", str(out), "--force"])
    assert summary_counts(res.stderr) == (4, 0, 0)


def test_a_failed_article_is_retried_on_rerun_and_errors_file_is_current(tmp_path):
    d = tmp_path / "in"
    write_txts(d, ARTICLES[:2])
    (d / "zz.txt").write_text("   ", encoding="utf-8")
    out = tmp_path / "out"
    assert summary_counts(cli([str(d), "--out", str(out)]).stderr) == (2, 1, 0)
    (d / "zz.txt").write_text(ARTICLES[2], encoding="utf-8")
    res = cli([str(d), "--out", str(out)])
    assert res.exit_code == 0 and summary_counts(res.stderr) == (1, 0, 2)
    assert not (out / "errors.jsonl").exists()


def test_duplicates_in_one_run(tmp_path):
    p = tmp_path / "dup.jsonl"
    rows = [{"id": "same", "text": ARTICLES[0]}, {"id": "same", "text": ARTICLES[1]},
            {"id": "other", "text": ARTICLES[0]}, {"id": "a/b", "text": ARTICLES[2]}]
    p.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    out = tmp_path / "out"
    res = cli([str(p), "--out", str(out)])
    assert res.exit_code == 0
    assert summary_counts(res.stderr) == (3, 0, 1)
    assert "1 duplicate" in res.stderr
    assert sorted(x.name for x in out.glob("*.json")) == ["a_b.json", "same.json", "same~2.json"]
    assert json.loads((out / "same~2.json").read_text(encoding="utf-8"))["doc_id"] == make_doc_id(ARTICLES[1])
    # and a rerun finds every one done
    assert summary_counts(cli([str(p), "--out", str(out)]).stderr) == (0, 0, 4)


# --------------------------------------------------------------------------- output forms, workers

def test_jsonl_output_in_input_order_and_resumable(tmp_path):
    d = tmp_path / "in"
    write_txts(d)
    (d / "b_bad.txt").write_bytes(b"\x00\x01")
    out = tmp_path / "all.jsonl"
    res = cli([str(d), "--jsonl", str(out)])
    assert res.exit_code == 1 and summary_counts(res.stderr) == (4, 1, 0)
    lines = out.read_text(encoding="utf-8").splitlines()
    assert [json.loads(line)["source"] for line in lines] == [str(d / f"a{i}.txt") for i in range(4)]
    for line, text in zip(lines, ARTICLES):
        obj = json.loads(line)
        assert obj["doc_id"] == make_doc_id(text) and obj["length"] == len(text) and obj["entities"]
    assert errors_of(tmp_path / "all.errors.jsonl")[0]["source"] == str(d / "b_bad.txt")
    # an interrupted run left half a line: the rerun cuts it and redoes only that article
    out.write_text("\n".join(lines[:3]) + "\n" + lines[3][:40], encoding="utf-8")
    res = cli([str(d), "--jsonl", str(out)])
    assert summary_counts(res.stderr) == (1, 1, 3)
    assert out.read_text(encoding="utf-8").splitlines() == lines
    res = cli([str(d), "--jsonl", str(out), "--force"])
    assert summary_counts(res.stderr) == (4, 1, 0)
    assert out.read_text(encoding="utf-8").splitlines() == lines


def test_two_workers_write_what_one_worker_writes(tmp_path):
    d = tmp_path / "in"
    write_txts(d)
    (d / "x_empty.txt").write_text("", encoding="utf-8")
    r1 = cli([str(d), "--out", str(tmp_path / "w1"), "--workers", "1"])
    r2 = cli([str(d), "--out", str(tmp_path / "w2"), "--workers", "2"])
    r3 = cli([str(d), "--jsonl", str(tmp_path / "j1.jsonl"), "-j", "1"])
    r4 = cli([str(d), "--jsonl", str(tmp_path / "j2.jsonl"), "-j", "2"])
    for r in (r1, r2, r3, r4):
        assert r.exit_code == 1 and summary_counts(r.stderr) == (4, 1, 0)
    assert snapshot(tmp_path / "w1") == snapshot(tmp_path / "w2")
    assert (tmp_path / "j1.jsonl").read_bytes() == (tmp_path / "j2.jsonl").read_bytes()
    assert (tmp_path / "j1.errors.jsonl").read_bytes() == (tmp_path / "j2.errors.jsonl").read_bytes()


def test_committed_seed_outputs_are_what_run_writes(tmp_path):
    """The default form (no flags) is the one `make run` commits to outputs/."""
    res = cli([str(ROOT / "seeds" / "000_27a17f53cc120f14.txt"), "--out", str(tmp_path)])
    assert res.exit_code == 0
    got = json.loads((tmp_path / "000_27a17f53cc120f14.json").read_text(encoding="utf-8"))
    assert got["doc_id"] == make_doc_id((ROOT / "seeds" / "000_27a17f53cc120f14.txt").read_text(encoding="utf-8"))


# --------------------------------------------------------------------------- bounded memory

def _counting_items(n: int, pulled: list[int], out: Path, limit: int):  # type: ignore[no-untyped-def]
    for i in range(n):
        written = len(list(out.glob("*.json"))) if out.exists() else 0
        assert pulled[0] - written <= limit, f"pulled {pulled[0]} items with only {written} written"
        pulled[0] += 1
        yield Item(source=f"gen:{i}", name=f"g{i}", text=ARTICLES[i % 4] + f" Câu số {i}.")


@pytest.mark.parametrize("workers", [1, 2])
def test_input_is_consumed_lazily(tmp_path, workers):
    pulled = [0]
    out = tmp_path / "out"
    window = 2
    summary = run_batch(_counting_items(10, pulled, out, limit=window + 1), out, workers=workers, window=window)
    assert summary.ok == 10 and pulled[0] == 10


def test_progress_bar_only_when_asked_or_on_a_terminal(tmp_path):
    d = tmp_path / "in"
    write_txts(d, ARTICLES[:1])
    quiet = cli([str(d), "--out", str(tmp_path / "o1")])
    assert "art/s" not in quiet.stderr and "s/art" not in quiet.stderr
    loud = cli([str(d), "--out", str(tmp_path / "o2"), "--progress"])
    # the total is counted in the background, so a one-article run may end before it is known
    assert "art/s" in loud.stderr and ("1/1" in loud.stderr or "1art" in loud.stderr)
    assert summary_counts(loud.stderr) == (1, 0, 0)


def test_summary_counts_add_up_to_inputs(tmp_path):
    d = tmp_path / "in"
    write_txts(d)
    (d / "e.txt").write_text(" ", encoding="utf-8")
    jl = d / "m.jsonl"
    jl.write_text(json.dumps({"id": "m1", "text": ARTICLES[0]}, ensure_ascii=False) + "\n{oops\n", encoding="utf-8")
    n_inputs = 4 + 1 + 2
    out = tmp_path / "out"
    for args in ([], [], ["--force"]):
        res = cli([str(d), "--out", str(out), *args])
        assert sum(summary_counts(res.stderr)) == n_inputs
        assert res.exit_code == 1
    env_ok = cli([str(d / "a0.txt"), "--out", str(out)])
    assert env_ok.exit_code == 0


@pytest.mark.skipif(os.name != "posix", reason="posix paths")
def test_iter_inputs_keeps_the_old_meaning_for_the_seeds():
    items = list(iter_inputs([str(ROOT / "seeds")]))
    assert len(items) == len(list((ROOT / "seeds").glob("*.txt")))
    assert all(i.error is None and i.text for i in items)


def _crash_on_hung(task):  # type: ignore[no-untyped-def]
    """A worker function that dies (as an out-of-memory kill would) on one article."""
    from pipeline.batch import process_one

    if "Lê Văn Hùng" in task[1]:
        os._exit(3)
    return process_one(task)


def test_a_dying_worker_fails_only_its_article(tmp_path):
    from pipeline.batch import LocalPool

    items = (Item(source=f"t{i}", name=f"t{i}", text=t) for i, t in enumerate(ARTICLES))
    out = tmp_path / "out"
    with LocalPool(2, fn=_crash_on_hung) as pool:
        summary = run_batch(items, out, executor=pool, window=4)
    assert (summary.ok, summary.failed, summary.skipped) == (3, 1, 0)
    err = errors_of(out / "errors.jsonl")
    assert [(e["source"], e["name"]) for e in err] == [("t2", "t2")]
    assert err[0]["reason"] == "worker process died on this article (crash or out of memory): exit status 3"
    assert sorted(p.name for p in out.glob("*.json")) == ["t0.json", "t1.json", "t3.json"]


def test_the_driver_does_not_import_the_pipeline(tmp_path):
    """At several workers the driver reads, checks, dispatches and writes: it imports
    neither spaCy nor the output models (that cost about 1 s of CPU a run)."""
    (tmp_path / "a.txt").write_text("Ông Trần Văn Nam là Bí thư Đảng ủy phường Xuân Hòa.", encoding="utf-8")
    (tmp_path / "b.txt").write_text("Bà Lê Thị Hoa, Giám đốc Sở Y tế, cho biết như vậy.", encoding="utf-8")
    code = f"""
import sys
from pathlib import Path
from pipeline.batch import iter_inputs, run_batch
from pipeline.batch.pool import LocalPool
if __name__ == "__main__":
    with LocalPool(1) as ex:
        summary = run_batch(iter_inputs([{str(tmp_path)!r}]), Path({str(tmp_path / 'out')!r}), executor=ex,
                            force=True, progress=False, echo=lambda s: None)
    heavy = sorted(m for m in ("spacy", "pydantic", "pipeline.output", "pipeline.api") if m in sys.modules)
    print(summary.ok, heavy)
"""
    script = tmp_path / "drive.py"
    script.write_text(code, encoding="utf-8")
    proc = subprocess.run([sys.executable, str(script)], capture_output=True, text=True, timeout=300,
                          cwd=Path(__file__).resolve().parent.parent)
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert proc.stdout.strip().splitlines()[-1] == "2 []"
