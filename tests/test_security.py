"""Issue 12: the HTML commands do not trust the JSON they read; the command line refuses what
it cannot do instead of doing something else (see SECURITY.md)."""
from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from pipeline.api import extract
from pipeline.cli import app
from pipeline.html import render_article, write_report

SENTENCE = "Ông Trần Văn Nam, Bí thư Đảng ủy phường Xuân Hòa, cho biết phường có 5 trường học."
SECRET = "root:x:0:0:root:/root:/bin/bash\ndaemon:x:1:1:daemon:/usr/sbin:/usr/sbin/nologin\n"


def invoke(*args: str):  # type: ignore[no-untyped-def]
    return CliRunner().invoke(app, list(args), catch_exceptions=False)


def all_files(root: Path) -> set[Path]:
    return set(root.rglob("*"))


def article(source: str = "a.txt") -> dict:
    return extract(SENTENCE, source=source).model_dump(mode="json", exclude_none=True)


# --------------------------------------------------------------------------- pages stay in their folder

def test_report_page_names_cannot_leave_the_site(tmp_path):
    run = tmp_path / "deep" / "er" / "all.jsonl"
    run.parent.mkdir(parents=True)
    rows = [dict(article(), source="", doc_id="../../PWNED"),
            dict(article(), source="../../../../PWNED2.txt:1", doc_id="../../../PWNED3"),
            dict(article(), source="/tmp/../etc/x", doc_id="/abs/PWNED4")]
    run.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    site = tmp_path / "deep" / "er" / "site"
    before = all_files(tmp_path)
    res = invoke("report", str(run), "--html", str(site / "index.html"))
    assert res.exit_code == 0, res.output
    new = all_files(tmp_path) - before
    assert new and all(site in p.parents or p == site for p in new), sorted(map(str, new))
    assert len(list((site / "articles").glob("*.html"))) == 3
    assert all(site / "articles" in p.parents for p in tmp_path.rglob("PWNED*"))


# --------------------------------------------------------------------------- no file named by the JSON is read

def _secret_file(tmp_path: Path) -> Path:
    p = tmp_path / "secret" / "passwd"
    p.parent.mkdir()
    p.write_text(SECRET, encoding="utf-8")
    return p


def _crafted(source: str) -> dict:
    """An output that names ``source`` and matches its length, with no mention to check."""
    return {"schema_version": "1.0", "doc_id": "0" * 16, "source": source, "length": len(SECRET),
            "title": "x", "entities": [], "facts": []}


def test_show_does_not_read_a_source_the_json_names(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    secret = _secret_file(tmp_path)
    for src in (str(secret), "secret/passwd", "/etc/passwd"):
        jp = tmp_path / "evil.json"
        crafted = _crafted(src)
        if src == "/etc/passwd" and Path(src).is_file():
            crafted["length"] = len(Path(src).read_text(encoding="utf-8", errors="replace"))
        jp.write_text(json.dumps(crafted), encoding="utf-8")
        res = invoke("show", str(jp), "--html", "page.html")
        assert res.exit_code == 2 and "doc_id" in res.output, res.output
        assert not (tmp_path / "page.html").exists()


def test_report_does_not_read_a_source_the_json_names(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    secret = _secret_file(tmp_path)
    out = tmp_path / "out"
    out.mkdir()
    (out / "evil.json").write_text(json.dumps(_crafted(str(secret))), encoding="utf-8")
    (out / "evil2.json").write_text(json.dumps(_crafted("../secret/passwd")), encoding="utf-8")
    rep = write_report(out, out / "index.html")
    assert [a.has_text for a in rep.articles] == [False, False]
    for page in (out / "articles").glob("*.html"):
        markup = page.read_text(encoding="utf-8")
        assert "root:x:0:0" not in markup and "doc_id" in markup


def test_a_fifo_named_as_source_does_not_block(tmp_path, monkeypatch):
    import os

    monkeypatch.chdir(tmp_path)
    os.mkfifo(tmp_path / "a.txt")
    (tmp_path / "o.json").write_text(json.dumps(article("a.txt"), ensure_ascii=False), encoding="utf-8")
    res = invoke("show", "o.json", "--html", "p.html")  # returns: the FIFO is not opened
    assert res.exit_code == 2 and "not found" in res.output


def test_the_real_source_is_still_found(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "a.txt").write_text(SENTENCE, encoding="utf-8")
    (tmp_path / "o.json").write_text(json.dumps(article("a.txt"), ensure_ascii=False), encoding="utf-8")
    res = invoke("show", "o.json", "--html", "p.html")
    assert res.exit_code == 0, res.output
    assert 'class="entity"' in (tmp_path / "p.html").read_text(encoding="utf-8")


# --------------------------------------------------------------------------- crafted markup is escaped

def test_crafted_mention_offsets_are_escaped():
    evil = '<img src=x onerror="alert(1)">'
    a = {"doc_id": "0" * 16, "source": "<t>", "length": 10,
         "entities": [{"id": "E1", "type": "PERSON", "text": "x", "canonical": "x",
                       "mentions": [{"start": evil, "end": evil}, "<b>not a mention</b>"]},
                      {"id": evil, "type": evil, "text": evil, "canonical": evil,
                       "mentions": [{"start": 0, "end": 3, "text": evil}]}],
         "facts": [{"type": evil, "evidence": {"start": evil, "end": 1}, "person": evil}]}
    for text in (None, "abcdefghij"):
        markup = render_article(a, text)
        assert "<img" not in markup and "<b>not" not in markup
        assert "&lt;img src=x onerror=&quot;alert(1)&quot;&gt;" in markup


# --------------------------------------------------------------------------- the command line

def test_unknown_store_schemes_are_refused(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "a.txt").write_text(SENTENCE, encoding="utf-8")
    for spec in ("sqlite:foo.db", "foo.db", "mysql://u@h/db", "sqlite:///x.duckdb"):
        res = invoke("run", "a.txt", "--out", "out", "--store", spec)
        assert res.exit_code == 2 and "error: --store" in res.stderr, (spec, res.stderr)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.txt"]  # no database, no output


def test_eval_refuses_a_missing_or_empty_prediction_directory(tmp_path):
    gold = Path(__file__).resolve().parent.parent / "seeds" / "gold"
    res = invoke("eval", "--gold", str(gold), "--pred", str(tmp_path / "TYPO"))
    assert res.exit_code == 2 and "no such directory" in res.stderr
    res = invoke("eval", "--gold", str(gold), "--pred", str(tmp_path))
    assert res.exit_code == 2 and "no output JSON" in res.stderr


def test_version_and_the_whole_store_help():
    from importlib.metadata import version

    res = invoke("--version")
    assert res.exit_code == 0 and res.output.strip() == f"vnextract {version('vnextract')}"
    res = CliRunner().invoke(app, ["run", "--help"], terminal_width=80)
    flat = " ".join(res.output.replace("│", " ").split())
    assert "USER@HOST:PORT/DB" in flat and "…" not in flat
