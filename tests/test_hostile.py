"""Issue 12: no input stops a batch.  Every reproduction of the issue, generated here, small:
each gives an error record (or a refusal), the run goes on, the summary line and the exit
code are right, and nothing is written outside --out."""
from __future__ import annotations

import json
import os
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

from pipeline.batch import Item, Limits, LocalPool, iter_inputs, run_batch
from pipeline.cli import app

GOOD = "Ông Trần Văn Nam, Bí thư Đảng ủy phường Xuân Hòa, cho biết phường có 5 trường học."
GOOD2 = "Bà Nguyễn Thị Lan, Giám đốc Sở Y tế tỉnh Quảng Ninh, cho biết tỉnh có hơn 20 bệnh viện."
EXE = Path(sys.executable).parent / "vnextract"


def cli(*args: str):  # type: ignore[no-untyped-def]
    return CliRunner().invoke(app, ["run", *args], catch_exceptions=False)


def counts(stderr: str) -> tuple[int, int, int]:
    m = re.search(r"ok (\d+), failed (\d+), skipped (\d+)", stderr)
    assert m, stderr
    return int(m[1]), int(m[2]), int(m[3])


def errors(path: Path) -> list[dict]:
    return [json.loads(x) for x in path.read_text(encoding="utf-8").splitlines()] if path.exists() else []


def files_under(root: Path) -> set[Path]:
    return {p for p in root.rglob("*")}


def good_files(d: Path) -> list[str]:
    d.mkdir(parents=True, exist_ok=True)
    (d / "g1.txt").write_text(GOOD, encoding="utf-8")
    (d / "g2.txt").write_text(GOOD2, encoding="utf-8")
    return [str(d / "g1.txt"), str(d / "g2.txt")]


# --------------------------------------------------------------------------- JSONL lines

@pytest.mark.parametrize("workers", ["1", "2"])
def test_deep_nesting_and_huge_integers_in_jsonl(tmp_path, workers):
    p = tmp_path / "in.jsonl"
    lines = [json.dumps({"id": "a", "text": GOOD}, ensure_ascii=False),
             "[" * 5000 + "]" * 5000,
             '{"id": "n", "text": ' + "[" * 5000,
             '{"id": "big", "count": ' + "7" * 5000 + ', "text": ' + json.dumps(GOOD2, ensure_ascii=False) + "}",
             '{"id": ' + "9" * 5000 + ', "text": "Ông Lê Văn Hùng phát biểu."}']
    p.write_text("\n".join(lines) + "\n", encoding="utf-8")
    out = tmp_path / "out"
    res = cli(str(p), "--out", str(out), "-j", workers)
    assert res.exit_code == 1
    assert counts(res.stderr) == (3, 2, 0)
    errs = errors(out / "errors.jsonl")
    assert [e["source"] for e in errs] == [f"{p}:2", f"{p}:3"]
    assert all("bad JSON line" in e["reason"] for e in errs)
    names = sorted(x.name for x in out.glob("*.json"))
    assert "a.json" in names and "big.json" in names and len(names) == 3  # the long id is cut to a file name
    assert all(len(n.encode()) < 255 for n in names)


def test_jsonl_text_of_control_characters_is_binary(tmp_path):
    text = "".join("\x01\x02\x03\x04\x05\x06\x07" if i % 10 < 7 else "abc" for i in range(400))
    p = tmp_path / "c.jsonl"
    p.write_text(json.dumps({"id": "c", "text": text}) + "\n" + json.dumps({"id": "g", "text": GOOD}) + "\n",
                 encoding="utf-8")
    out = tmp_path / "out"
    res = cli(str(p), "--out", str(out))
    assert res.exit_code == 1 and counts(res.stderr) == (1, 1, 0)
    assert "binary content" in errors(out / "errors.jsonl")[0]["reason"]


def test_an_empty_jsonl_and_an_empty_directory_are_failures_not_silent_success(tmp_path):
    (tmp_path / "empty").mkdir()
    (tmp_path / "e.jsonl").write_text("\n\n", encoding="utf-8")
    out = tmp_path / "out"
    res = cli(str(tmp_path / "empty"), str(tmp_path / "e.jsonl"), "--out", str(out))
    assert res.exit_code == 1 and counts(res.stderr) == (0, 2, 0)
    reasons = [e["reason"] for e in errors(out / "errors.jsonl")]
    assert "no .txt" in reasons[0] and "no article" in reasons[1]


def test_failure_reasons_are_counted_on_stderr(tmp_path):
    d = tmp_path / "in"
    good_files(d)
    for i in range(3):
        (d / f"blank{i}.txt").write_text(" ", encoding="utf-8")
    (d / "bin.txt").write_bytes(b"\x00\x01")
    res = cli(str(d), "--out", str(tmp_path / "out"))
    assert res.exit_code == 1 and counts(res.stderr) == (2, 4, 0)
    assert "3 x empty text" in res.stderr and "1 x binary content" in res.stderr
    assert res.stderr.count("  first: ") == 3 and "blank0.txt: empty text" in res.stderr


# --------------------------------------------------------------------------- paths

def test_a_symlink_loop_in_a_directory_is_one_error(tmp_path):
    d = tmp_path / "d"
    good_files(d)
    os.symlink("self.txt", d / "self.txt")
    out = tmp_path / "out"
    res = cli(str(d), str(d / "self.txt"), "--out", str(out))
    assert res.exit_code == 1 and counts(res.stderr) == (2, 2, 0)
    errs = errors(out / "errors.jsonl")
    assert [e["source"] for e in errs] == [str(d / "self.txt")] * 2
    assert all("symbolic links" in e["reason"] for e in errs)


def _unlistable(monkeypatch, bad: Path) -> None:
    """Make ``bad`` unreadable: chmod when not root (root reads anything), else refuse its listing."""
    if os.geteuid() != 0:
        bad.chmod(0)
        return
    import pipeline.batch.paths as paths

    real = os.scandir

    def scandir(path="."):  # type: ignore[no-untyped-def]
        if Path(path).resolve() == bad.resolve():
            raise PermissionError(13, "Permission denied", str(path))
        return real(path)

    monkeypatch.setattr(paths.os, "scandir", scandir)


def test_an_unreadable_directory_is_one_error(tmp_path, monkeypatch):
    d = tmp_path / "d"
    good_files(d / "sub")
    (d / "locked").mkdir()
    (d / "locked" / "x.txt").write_text(GOOD, encoding="utf-8")
    _unlistable(monkeypatch, d / "locked")
    try:
        items = list(iter_inputs([str(d / "**" / "*.txt"), str(d / "locked"), str(d / "sub")]))
    finally:
        (d / "locked").chmod(0o755)
    assert [i.name for i in items if i.error is None] == ["g1", "g2", "g1", "g2"]
    bad = [i for i in items if i.error]
    assert [i.source for i in bad] == [str(d / "locked")] * 2
    assert all("Permission denied" in i.error for i in bad)


def test_a_glob_through_symlink_loops_ends_and_reads_each_file_once(tmp_path, monkeypatch):
    import pipeline.batch.paths as paths

    d = tmp_path / "d"
    good_files(d / "x")
    os.symlink(".", d / "a")
    os.symlink(".", d / "b")
    listed: list[str] = []
    real = os.scandir

    def scandir(path="."):  # type: ignore[no-untyped-def]
        listed.append(str(path))
        assert len(listed) < 50, "the walk does not end"
        return real(path)

    monkeypatch.setattr(paths.os, "scandir", scandir)
    items = list(iter_inputs([str(d / "**" / "*.txt")]))
    assert [i.source for i in items] == [str(d / "x" / "g1.txt"), str(d / "x" / "g2.txt")]
    assert len(listed) <= 4  # d, d/x and nothing through a or b


def test_fifo_and_devices_are_refused_unread(tmp_path):
    fifo = tmp_path / "d" / "pipe.txt"
    good_files(tmp_path / "d")
    os.mkfifo(fifo)
    out = tmp_path / "out"
    res = cli(str(tmp_path / "d"), str(fifo), "/dev/zero", "--out", str(out))  # would block / never end
    assert res.exit_code == 1 and counts(res.stderr) == (2, 3, 0)
    reasons = {e["source"]: e["reason"] for e in errors(out / "errors.jsonl")}
    assert "not a regular file (a FIFO)" in reasons[str(fifo)]
    assert "not a regular file (a device)" in reasons["/dev/zero"]


def test_endless_stdin_is_cut_at_max_chars(tmp_path):
    with open("/dev/zero", "rb") as zero:
        proc = subprocess.run([str(EXE), "run", "-", "--out", str(tmp_path), "--max-chars", "1000"], stdin=zero,
                              capture_output=True, timeout=600)
    assert proc.returncode == 1
    assert b"ok 0, failed 1, skipped 0" in proc.stderr
    assert "too large" in errors(tmp_path / "errors.jsonl")[0]["reason"]


# --------------------------------------------------------------------------- articles that explode

def test_pathological_text_is_refused_before_the_pipeline(tmp_path):
    d = tmp_path / "in"
    good_files(d)
    (d / "commas.txt").write_text("," * 999_000, encoding="utf-8")
    (d / "marks.txt").write_text("a" + "\u0301" * 100_000, encoding="utf-8")
    (d / "zalgo.txt").write_text("".join("a\u0301\u0302\u0303 " for _ in range(2000)), encoding="utf-8")
    out = tmp_path / "out"
    res = cli(str(d), "--out", str(out))
    assert res.exit_code == 1 and counts(res.stderr) == (2, 3, 0)
    assert all(e["reason"].startswith("not prose") for e in errors(out / "errors.jsonl"))


def test_an_article_past_the_memory_limit_is_an_error_record_and_the_next_is_done(tmp_path):
    """400k characters of one-syllable words pass every check on the text, and the
    tokenizer's memory grows without bound on them: the guard stops the article."""
    items = [Item("big", "big", "a " * 200_000), Item("good", "good", GOOD)]
    out = tmp_path / "out"
    with LocalPool(1, limits=Limits(rss_mb=320, hard_rss_mb=400)) as pool:
        summary = run_batch(items, out, executor=pool)
    assert (summary.ok, summary.failed) == (1, 1)
    assert errors(out / "errors.jsonl")[0]["reason"].startswith("memory limit")
    assert 0 < summary.peak_worker_rss_kb < 600 * 1024
    assert (out / "good.json").is_file()


def _slow_python(source, text, meta):  # type: ignore[no-untyped-def]
    while "stuck" in text:
        time.sleep(0.01)
    from pipeline.batch.worker import _extract

    return _extract(source, text, meta)


def _stuck_in_c(source, text, meta):  # type: ignore[no-untyped-def]
    if "stuck" in text:
        re.match(r"(a+)+$", "a" * 60 + "b")  # exponential, inside one C call: no signal is seen
    from pipeline.batch.worker import _extract

    return _extract(source, text, meta)


@pytest.mark.parametrize("work, why", [(_slow_python, "time limit: over 1 s"), (_stuck_in_c, "could not be interrupted")])
def test_an_article_past_the_time_limit_is_an_error_record(tmp_path, work, why):
    from functools import partial

    from pipeline.batch import process_one

    items = [Item("s", "s", "stuck " + GOOD), Item("g", "g", GOOD)]
    with LocalPool(1, fn=partial(process_one, work=work), limits=Limits(seconds=1, grace=1)) as pool:
        summary = run_batch(items, tmp_path, executor=pool)
    assert (summary.ok, summary.failed) == (1, 1)
    assert why in errors(tmp_path / "errors.jsonl")[0]["reason"]


def test_digits_python_cannot_read_fail_only_their_article(tmp_path):
    """U+11DE0.. are digits to the `regex` package (Unicode 15) but not to int() of Python 3.11."""
    d = tmp_path / "in"
    good_files(d)
    (d / "new_digits.txt").write_text("Có \U00011DE1\U00011DE2 người và 5 xe.", encoding="utf-8")
    res = cli(str(d), "--out", str(tmp_path / "out"))
    ok, failed, skipped = counts(res.stderr)
    assert (ok + failed, skipped) == (3, 0) and ok >= 2
    assert res.exit_code == (1 if failed else 0)


# --------------------------------------------------------------------------- outputs

def test_a_long_id_gets_a_file_and_a_store_row(tmp_path):
    p = tmp_path / "in.jsonl"
    p.write_text(json.dumps({"id": "ệ" * 150, "text": GOOD}, ensure_ascii=False) + "\n", encoding="utf-8")
    out = tmp_path / "out"
    res = cli(str(p), "--out", str(out), "--store", f"duckdb:{out / 'db' / 'x.duckdb'}")  # out/ does not exist yet
    assert res.exit_code == 0, res.stderr
    (name,) = [x.name for x in out.glob("*.json")]
    assert name.startswith("ệ" * 60) and len(name.encode()) <= 210
    from pipeline.stores import open_store

    with open_store(f"duckdb:{out / 'db' / 'x.duckdb'}") as st:
        assert st.count("documents") == 1


def test_a_second_run_on_the_same_jsonl_is_refused(tmp_path):
    from pipeline.batch.sinks import JsonlSink

    (tmp_path / "a.txt").write_text(GOOD, encoding="utf-8")
    target = tmp_path / "all.jsonl"
    holder = JsonlSink(target, force=False)  # another run, still going
    try:
        res = cli(str(tmp_path / "a.txt"), "--jsonl", str(target))
        assert res.exit_code == 2 and "locked" in res.stderr
        assert target.read_bytes() == b""
    finally:
        holder.close()
    res = cli(str(tmp_path / "a.txt"), "--jsonl", str(target))
    assert res.exit_code == 0 and len(target.read_text(encoding="utf-8").splitlines()) == 1


def test_nothing_is_written_outside_out(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    p = tmp_path / "in.jsonl"
    ids = ["../../escape", "/etc/x", "..", ".", "a/../../b", "~", "\\..\\x", "con", "-rf"]
    p.write_text("".join(json.dumps({"id": i, "text": GOOD + f" Câu {k}."}, ensure_ascii=False) + "\n"
                         for k, i in enumerate(ids)), encoding="utf-8")
    before = files_under(tmp_path)
    res = cli(str(p), "--out", "o/out")
    assert res.exit_code == 0 and counts(res.stderr) == (len(ids), 0, 0)
    new = files_under(tmp_path) - before
    assert new and all(x == tmp_path / "o" or tmp_path / "o" / "out" in (x, *x.parents) for x in new)


# --------------------------------------------------------------------------- signals

def _children(pid: int) -> set[int]:
    """Every descendant of ``pid`` now."""
    parent: dict[int, int] = {}
    for d in Path("/proc").iterdir():
        if d.name.isdigit():
            try:
                parent[int(d.name)] = int((d / "stat").read_text().rsplit(")", 1)[1].split()[1])
            except (OSError, ValueError, IndexError):
                pass
    found, todo = set(), [pid]
    while todo:
        p = todo.pop()
        for c, pp in parent.items():
            if pp == p and c not in found:
                found.add(c)
                todo.append(c)
    return found


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (OSError, IndexError):
        return False
    return state != "Z"


def _start_run(tmp_path: Path) -> tuple[subprocess.Popen, set[int]]:
    p = tmp_path / "many.jsonl"
    p.write_text("".join(json.dumps({"id": f"a{i}", "text": GOOD + f" Câu số {i}."}, ensure_ascii=False) + "\n"
                         for i in range(2000)), encoding="utf-8")
    proc = subprocess.Popen([str(EXE), "run", str(p), "--out", str(tmp_path / "out"), "-j", "2"],
                            stderr=subprocess.PIPE, stdout=subprocess.DEVNULL, start_new_session=True)
    kids: set[int] = set()
    for _ in range(1200):  # until both workers are there and the first outputs are written
        kids = _children(proc.pid)
        if len(kids) >= 3 and len(list((tmp_path / "out").glob("*.json"))) > 2:
            break
        time.sleep(0.1)
    assert len(kids) >= 3, "the run did not start its workers"
    return proc, kids


def _wait_gone(pids: set[int]) -> set[int]:
    for _ in range(300):
        left = {p for p in pids if _alive(p)}
        if not left:
            return left
        time.sleep(0.1)
    return left


@pytest.mark.parametrize("sig", [signal.SIGTERM, signal.SIGINT])
def test_a_signal_ends_the_run_with_its_summary_and_no_process_left(tmp_path, sig):
    proc, kids = _start_run(tmp_path)
    proc.send_signal(sig)
    _, err = proc.communicate(timeout=600)
    assert proc.returncode == 128 + sig, err.decode()
    assert f"interrupted by {sig.name}: ok ".encode() in err
    assert not _wait_gone(kids)


def test_workers_end_with_a_killed_parent(tmp_path):
    proc, kids = _start_run(tmp_path)
    proc.kill()
    proc.wait(timeout=60)
    left = _wait_gone(kids)
    for p in left:
        os.kill(p, signal.SIGKILL)
    assert not left, f"orphans: {left}"


def test_shape_counts_in_c_are_the_character_loop():
    """batch.texts._shape_reason counts the known characters with str.count and reads only
    the other runs one by one: the same verdicts as reading every character."""
    import random

    from pipeline.batch import texts as T

    def loop(text):   # every character through the per-character counter
        counts = [0, 0, 0, 0, 0]
        T._shape_counts(text, counts)
        alnum, marks, letters, longest, nonspace = counts
        return longest, marks, letters, alnum, nonspace

    rnd = random.Random(3)
    alphabet = [chr(c) for c in range(0x3000)] + list("\u0301\u0300\u20dd\u0488 \n") + list("ăâđêôơư ") * 20
    for _ in range(300):
        pool = rnd.sample(alphabet, 40)
        text = "".join(rnd.choice(pool) for _ in range(rnd.choice([2100, 4000])))
        want = loop(text)
        got = T._shape_reason(text)
        longest, marks, letters, alnum, nonspace = want
        if longest > T.MAX_MARK_RUN:
            assert got == f"not prose: {longest:,} combining marks in a row"
        elif marks > max(letters, 1):
            assert got == f"not prose: {marks:,} combining marks on {letters:,} letters"
        elif nonspace and alnum / nonspace < T.PROSE_MIN_ALNUM:
            assert got is not None and got.startswith(f"not prose: only {alnum / nonspace:.0%} of its {nonspace:,}")
        else:
            assert got is None
