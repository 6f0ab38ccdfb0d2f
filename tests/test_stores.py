"""Stores (issue 5): DuckDB and PostgreSQL tables written with upserts keyed by doc_id.

The PostgreSQL tests start a throw-away server of their own (initdb + pg_ctl
in a temporary directory, on a free localhost port); `.ci/setup-postgres.sh`
installs Debian's postgresql package when it is missing.  Where no server can
be started, those tests say why and skip.
"""
from __future__ import annotations

import glob
import json
import os
import shutil
import socket
import subprocess
import tempfile
from pathlib import Path

import pytest
from typer.testing import CliRunner

from pipeline.cli import app
from pipeline.stores import open_store

ARTICLES = [
    "Ông Trần Văn Nam, Bí thư Đảng ủy phường Xuân Hòa, cho biết phường có 5 trường học.",
    "Bà Nguyễn Thị Lan, Giám đốc Sở Y tế tỉnh Quảng Ninh, cho biết tỉnh có hơn 20 bệnh viện.",
    "Ông Lê Văn Hùng, Chủ tịch UBND xã Tân Lập, cho biết xã có khoảng 300 hộ dân.",
]


@pytest.fixture(scope="module")
def articles() -> list[dict]:
    from pipeline.api import extract
    from pipeline.output import dumps

    return [json.loads(dumps(extract(t, source=f"t{i}.txt"))) for i, t in enumerate(ARTICLES)]


# --------------------------------------------------------------------------- a PostgreSQL server of our own

def _pg_bin() -> tuple[str, str] | None:
    cands = sorted(glob.glob("/usr/lib/postgresql/*/bin"), key=lambda p: int(p.split("/")[-2]) if
                   p.split("/")[-2].isdigit() else 0, reverse=True)
    for d in cands:
        if os.access(f"{d}/initdb", os.X_OK) and os.access(f"{d}/pg_ctl", os.X_OK):
            return f"{d}/initdb", f"{d}/pg_ctl"
    initdb, pg_ctl = shutil.which("initdb"), shutil.which("pg_ctl")
    return (initdb, pg_ctl) if initdb and pg_ctl else None


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def pg_dsn():
    """A fresh PostgreSQL cluster on a free port; skips with the reason when none can be started."""
    pytest.importorskip("psycopg", reason="psycopg is not installed")
    bins = _pg_bin()
    if bins is None:
        pytest.skip("no PostgreSQL server binaries (initdb, pg_ctl): run .ci/setup-postgres.sh")
    initdb, pg_ctl = bins
    prefix: list[str] = []
    user = None
    if os.geteuid() == 0:  # the server refuses to run as root: use the postgres account
        import pwd

        try:
            user = pwd.getpwnam("postgres")
        except KeyError:
            pytest.skip("running as root and there is no 'postgres' user to run the server as")
        runuser = shutil.which("runuser")
        if runuser is None:
            pytest.skip("running as root and there is no runuser to start the server as postgres")
        prefix = [runuser, "-u", "postgres", "--"]
    base = tempfile.mkdtemp(prefix="vnx-pg-")
    data, sock, log = f"{base}/data", f"{base}/sock", f"{base}/log"
    os.mkdir(sock)
    if user is not None:
        for p in (base, sock):
            os.chown(p, user.pw_uid, user.pw_gid)
    port = _free_port()

    def sh(*cmd: str, timeout: int = 120) -> subprocess.CompletedProcess:
        return subprocess.run([*prefix, *cmd], capture_output=True, text=True, timeout=timeout)

    try:
        r = sh(initdb, "-D", data, "-A", "trust", "-U", "postgres", "-E", "UTF8", "--no-locale")
        if r.returncode != 0:
            pytest.skip(f"initdb failed: {r.stderr.strip()[-300:]}")
        opts = f"-p {port} -k {sock} -c listen_addresses=127.0.0.1 -c fsync=off"
        r = sh(pg_ctl, "-D", data, "-o", opts, "-l", log, "-w", "-t", "60", "start")
        if r.returncode != 0:
            tail = Path(log).read_text(errors="replace")[-400:] if Path(log).exists() else r.stderr
            pytest.skip(f"PostgreSQL server did not start: {tail.strip()}")
        try:
            yield f"postgresql://postgres@127.0.0.1:{port}/postgres"
        finally:
            sh(pg_ctl, "-D", data, "-m", "fast", "-w", "stop")
    finally:
        shutil.rmtree(base, ignore_errors=True)


@pytest.fixture(params=["duckdb", "postgresql"])
def store_spec(request, tmp_path):
    if request.param == "duckdb":
        return f"duckdb:{tmp_path / 'articles.duckdb'}"
    dsn = request.getfixturevalue("pg_dsn")
    import psycopg

    with psycopg.connect(dsn, autocommit=True) as con:  # each test starts with empty tables
        for t in ("documents", "entities", "mentions", "facts"):
            con.execute(f"DROP TABLE IF EXISTS {t}")
    return dsn


# --------------------------------------------------------------------------- the tests

def _expected(article: dict) -> dict[str, int]:
    return {"documents": 1, "entities": len(article["entities"]),
            "mentions": sum(len(e["mentions"]) for e in article["entities"]), "facts": len(article["facts"])}


def test_write_twice_never_duplicates(store_spec, articles):
    with open_store(store_spec) as st:
        for _ in range(2):
            for a in articles:
                st.write(a)
        for a in articles:
            assert st.has(a["doc_id"])
            for table, n in _expected(a).items():
                assert st.count(table, a["doc_id"]) == n, table
        assert st.count("documents") == len(articles)
        assert st.count("facts") == sum(len(a["facts"]) for a in articles)
        assert not st.has("0000000000000000")


def test_rows_match_the_article(store_spec, articles):
    a = articles[0]
    with open_store(store_spec) as st:
        st.write(a)
        con = st.con
        ph = "%s" if store_spec.startswith("postgres") else "?"
        doc = con.execute(f"SELECT source, title, length, json FROM documents WHERE doc_id = {ph}",
                          (a["doc_id"],)).fetchone()
        assert doc[0] == a["source"] and doc[1] == a["title"] and doc[2] == a["length"]
        stored = doc[3] if isinstance(doc[3], dict) else json.loads(doc[3])
        assert stored == a
        ments = con.execute(f'SELECT entity_id, start, "end", text FROM mentions WHERE doc_id = {ph} '
                            "ORDER BY start", (a["doc_id"],)).fetchall()
        assert ments == sorted(((e["id"], m["start"], m["end"], m["text"]) for e in a["entities"]
                                for m in e["mentions"]), key=lambda r: r[1])
        facts = con.execute(f"SELECT n, type, person, title, organization, evidence_start, evidence_end "
                            f"FROM facts WHERE doc_id = {ph} ORDER BY n", (a["doc_id"],)).fetchall()
        assert [(f[1], f[2], f[3], f[4]) for f in facts] == [
            (f["type"], f.get("person"), f.get("title"), f.get("organization")) for f in a["facts"]]
        # a changed article replaces its rows, it does not add to them
        fewer = dict(a, entities=a["entities"][:1], facts=[])
        st.write(fewer)
        assert st.count("entities", a["doc_id"]) == 1 and st.count("facts", a["doc_id"]) == 0


def test_cli_store_rerun_and_force_never_duplicate(store_spec, tmp_path):
    d = tmp_path / "in"
    d.mkdir()
    for i, t in enumerate(ARTICLES):
        (d / f"a{i}.txt").write_text(t, encoding="utf-8")
    out = tmp_path / "out"
    runner = CliRunner()
    counts = None
    for args in ([], [], ["--force"]):
        res = runner.invoke(app, ["run", str(d), "--out", str(out), "--store", store_spec, *args],
                            catch_exceptions=False)
        assert res.exit_code == 0, res.stderr
        with open_store(store_spec) as st:
            now = {t: st.count(t) for t in ("documents", "entities", "mentions", "facts")}
        assert counts is None or now == counts
        counts = now
    assert counts["documents"] == 3
    assert "skipped 0" in res.stderr  # --force redid all three
    assert len(list(out.glob("*.json"))) == 3  # files are written as well


def test_a_run_fills_a_new_store_even_when_the_files_exist(tmp_path):
    d = tmp_path / "in"
    d.mkdir()
    (d / "a.txt").write_text(ARTICLES[0], encoding="utf-8")
    out = tmp_path / "out"
    runner = CliRunner()
    assert runner.invoke(app, ["run", str(d), "--out", str(out)]).exit_code == 0
    spec = f"duckdb:{tmp_path / 'late.duckdb'}"
    res = runner.invoke(app, ["run", str(d), "--out", str(out), "--store", spec])
    assert "ok 1, failed 0, skipped 0" in res.stderr
    with open_store(spec) as st:
        assert st.count("documents") == 1


def test_bad_store_spec_is_a_usage_error(tmp_path):
    res = CliRunner().invoke(app, ["run", str(tmp_path), "--store", "mysql://nope"])
    assert res.exit_code == 2 and "unknown store" in res.stderr


def test_a_frozen_postgresql_fails_its_articles_instead_of_hanging(pg_dsn, tmp_path):
    """The server stops answering (its backend is stopped, the socket stays open): the article
    being written fails after the timeout, every later one at once, and the run ends."""
    import signal

    from pipeline.batch import Item, run_batch
    from pipeline.stores import open_store

    st = open_store(pg_dsn, timeout=2)
    backend = st.con.execute("SELECT pg_backend_pid()").fetchone()[0]
    os.kill(backend, signal.SIGSTOP)
    try:
        items = [Item(f"t{i}", f"t{i}", t) for i, t in enumerate(ARTICLES)]
        summary = run_batch(items, tmp_path / "out", store=st, workers=0)
    finally:
        os.kill(backend, signal.SIGCONT)
        st.close()
    assert (summary.ok, summary.failed) == (0, len(ARTICLES))
    reasons = [json.loads(x)["reason"] for x in (tmp_path / "out" / "errors.jsonl").read_text().splitlines()]
    assert all("StoreUnavailable: PostgreSQL did not answer within 2 s" in r for r in reasons)
    assert not list((tmp_path / "out").glob("*.json"))  # nothing on disk that the store does not have


# --------------------------------------------------------------------------- the fact types' own columns

SECTION5 = ("Tin tức\nNgày 4-2, UBND phường Xuân Hòa tổ chức hội nghị tổng kết năm học. "
            "Ông Trần Văn Nam, Bí thư Đảng ủy phường Xuân Hòa, cho biết các trường đã thực hiện "
            "Nghị quyết 71/2025 của Bộ Chính trị. Trường THCS Xuân Hòa nhận Bằng khen của UBND phường Xuân Hòa.")


def test_section5_facts_keep_their_columns(store_spec):
    from pipeline.api import extract
    from pipeline.output import dumps

    a = json.loads(dumps(extract(SECTION5, source="s5.txt")))
    assert {"statement", "document", "event", "award"} <= {f["type"] for f in a["facts"]}
    with open_store(store_spec) as st:
        st.write(a)
        st.write(a)  # idempotent
        ph = "%s" if store_spec.startswith("postgres") else "?"
        rows = st.con.execute(f"SELECT type, speaker, content, kind, number, issuer, date, organizers, award, "
                              f"recipient FROM facts WHERE doc_id = {ph} ORDER BY n", (a["doc_id"],)).fetchall()
        assert len(rows) == len(a["facts"])
        by_type = {r[0]: r for r in rows}
        want_st = next(f for f in a["facts"] if f["type"] == "statement")
        assert by_type["statement"][1:3] == (want_st["speaker"], want_st["content"]["text"])
        assert by_type["document"][3:6] == ("Nghị quyết", "71/2025", "Bộ Chính trị")
        assert by_type["event"][3] == "hội nghị" and by_type["event"][6] == "--02-04"
        organizers = by_type["event"][7]
        assert (organizers if isinstance(organizers, list) else json.loads(organizers)) == ["Ủy ban nhân dân phường Xuân Hòa"]
        assert by_type["award"][8:10] == ("Bằng khen", "Trường Trung học cơ sở Xuân Hòa")
        assert by_type["position"][1] is None  # a column of another type stays empty


def test_a_store_written_before_the_new_fact_types_gets_their_columns(tmp_path, articles):
    import duckdb

    path = tmp_path / "old.duckdb"
    con = duckdb.connect(str(path))
    con.execute("""CREATE TABLE facts (doc_id TEXT NOT NULL, n INTEGER NOT NULL, type TEXT, person TEXT, title TEXT,
                   organization TEXT, value DOUBLE PRECISION, unit TEXT, qualifier TEXT, subject TEXT,
                   evidence_start INTEGER, evidence_end INTEGER, json TEXT)""")
    con.close()
    with open_store(f"duckdb:{path}") as st:
        st.write(articles[0])
        cols = {r[0] for r in st.con.execute("DESCRIBE facts").fetchall()}
        assert {"speaker", "content", "kind", "organizers", "award", "year"} <= cols
        assert st.count("facts", articles[0]["doc_id"]) == len(articles[0]["facts"])
