"""Database stores for extracted articles: DuckDB (embedded) and PostgreSQL.

``open_store(spec)`` takes ``duckdb:PATH`` (or a path ending in ``.duckdb``)
or ``postgresql://...`` / ``postgres://...``; any other scheme (``sqlite:``,
``mysql://``, a bare ``x.db``) is refused with ``ValueError``.  DuckDB creates
the file's directory, and never installs or loads an extension (a file that is
not a DuckDB database is refused, not "attached" through a downloaded
extension).  PostgreSQL connects with a timeout, and every statement runs
under a client-side timeout (``timeout``, 30 s): a server that stops answering
(frozen, not closed) fails the article being written with
:class:`StoreUnavailable`, and every later one at once, instead of hanging the run.
A store has four tables:

- ``documents(doc_id PK, source, title, outlet, url, date, length, json)``
- ``entities(doc_id, entity_id, type, text, canonical, value, unit, kind, qualifier, iso, former)``
- ``mentions(doc_id, entity_id, start, "end", text)``
- ``facts(doc_id, n, type, <the typed columns of every registered fact type>,
  evidence_start, evidence_end, json)``: one typed table for all fact types;
  each type of :mod:`pipeline.facts` brings its columns (position: person,
  title, organization; quantity: value, unit, qualifier, subject; ...), a
  column shared by two types has one SQL type, and a column a newer type adds
  is added to an existing store (``ADD COLUMN IF NOT EXISTS``)

``write(article)`` is an upsert keyed by ``doc_id`` inside one transaction:
the document row is inserted or updated, the document's old entity, mention
and fact rows are deleted and the new ones inserted, so writing an article
again never duplicates a row.  ``json`` holds the whole article (documents) or
the whole fact (facts) as written to the JSON output.
"""
from __future__ import annotations

import json
import os
import re
import socket
import threading
from pathlib import Path
from typing import Any, Callable

from .facts import REGISTRY, Column, fact_types

DEFAULT_TIMEOUT = 30.0
_SCHEME = re.compile(r"^([A-Za-z][A-Za-z0-9+.\-]*):")


class StoreUnavailable(Exception):
    """The database stopped answering; nothing more is written to it in this run."""


DOC_COLS = ("doc_id", "source", "title", "outlet", "url", "date", "length", "json")
ENT_COLS = ("doc_id", "entity_id", "type", "text", "canonical", "value", "unit", "kind", "qualifier", "iso",
            "former")
MEN_COLS = ("doc_id", "entity_id", "start", "end", "text")
#: the typed fact columns of the registered fact types: name -> (SQL type, getter), first registration wins
_TYPED: dict[str, Column] = {}
for _ft in fact_types():
    for _c in _ft.columns:
        _TYPED.setdefault(_c.name, _c)
FACT_COLS = ("doc_id", "n", "type", *_TYPED, "evidence_start", "evidence_end", "json")


def _q(col: str) -> str:
    return '"end"' if col == "end" else col


def _sql_type(col: Column, json_type: str) -> str:
    return json_type if col.sql == "JSON" else col.sql


def _fact_value(col: Column, f: dict[str, Any]) -> Any:
    v = col.get(f)
    return json.dumps(v, ensure_ascii=False) if col.sql == "JSON" and v is not None else v


def schema_sql(json_type: str) -> list[str]:
    typed = "".join(f"{c.name} {_sql_type(c, json_type)}, " for c in _TYPED.values())
    return [
        f"""CREATE TABLE IF NOT EXISTS documents (
            doc_id TEXT PRIMARY KEY, source TEXT, title TEXT, outlet TEXT, url TEXT, date TEXT,
            length INTEGER, json {json_type})""",
        """CREATE TABLE IF NOT EXISTS entities (
            doc_id TEXT NOT NULL, entity_id TEXT NOT NULL, type TEXT, text TEXT, canonical TEXT,
            value DOUBLE PRECISION, unit TEXT, kind TEXT, qualifier TEXT, iso TEXT, former BOOLEAN)""",
        """CREATE TABLE IF NOT EXISTS mentions (
            doc_id TEXT NOT NULL, entity_id TEXT NOT NULL, start INTEGER, "end" INTEGER, text TEXT)""",
        f"""CREATE TABLE IF NOT EXISTS facts (
            doc_id TEXT NOT NULL, n INTEGER NOT NULL, type TEXT, {typed}
            evidence_start INTEGER, evidence_end INTEGER, json {json_type})""",
        # a store written before a fact type was added gets its columns
        *(f"ALTER TABLE facts ADD COLUMN IF NOT EXISTS {c.name} {_sql_type(c, json_type)}" for c in _TYPED.values()),
        "CREATE INDEX IF NOT EXISTS entities_doc ON entities (doc_id)",
        "CREATE INDEX IF NOT EXISTS mentions_doc ON mentions (doc_id)",
        "CREATE INDEX IF NOT EXISTS facts_doc ON facts (doc_id)",
    ]


def rows(article: dict[str, Any]) -> tuple[tuple, list[tuple], list[tuple], list[tuple]]:
    """The article as (document row, entity rows, mention rows, fact rows)."""
    did = article["doc_id"]
    doc = (did, article.get("source"), article.get("title"), article.get("outlet"), article.get("url"),
           article.get("date"), article.get("length"), json.dumps(article, ensure_ascii=False))
    ents, mens, facts = [], [], []
    for e in article.get("entities", []):
        value = e.get("value")
        ents.append((did, e["id"], e["type"], e.get("text"), e.get("canonical"),
                     float(value) if value is not None else None, e.get("unit"), e.get("kind"),
                     e.get("qualifier"), e.get("iso"), e.get("former")))
        for m in e.get("mentions", []):
            mens.append((did, e["id"], m["start"], m["end"], m.get("text")))
    for n, f in enumerate(article.get("facts", []), 1):
        ev = f.get("evidence") or {}
        own = {c.name for c in REGISTRY[f["type"]].columns} if f.get("type") in REGISTRY else set()
        typed = tuple(_fact_value(c, f) if name in own else None for name, c in _TYPED.items())
        facts.append((did, n, f.get("type"), *typed, ev.get("start"), ev.get("end"), json.dumps(f, ensure_ascii=False)))
    return doc, ents, mens, facts


def _insert(table: str, cols: tuple[str, ...], ph: str) -> str:
    return f"INSERT INTO {table} ({', '.join(_q(c) for c in cols)}) VALUES ({', '.join([ph] * len(cols))})"


def _upsert_doc(ph: str) -> str:
    sets = ", ".join(f"{c} = excluded.{c}" for c in DOC_COLS[1:])
    return _insert("documents", DOC_COLS, ph) + f" ON CONFLICT (doc_id) DO UPDATE SET {sets}"


class Store:
    """Common part: the statements; subclasses give the connection."""

    ph = "?"
    json_type = "TEXT"

    def write(self, article: dict[str, Any]) -> None:
        raise NotImplementedError

    def has(self, doc_id: str) -> bool:
        raise NotImplementedError

    def count(self, table: str, doc_id: str | None = None) -> int:
        raise NotImplementedError

    def close(self) -> None:
        raise NotImplementedError

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc: Any) -> None:
        self.close()


class DuckDBStore(Store):
    """``duckdb:PATH``: one file, one connection, the embedded default."""

    def __init__(self, path: str) -> None:
        import duckdb

        self.path = path
        Path(path).parent.mkdir(parents=True, exist_ok=True)
        self.con = duckdb.connect(path, config={"autoinstall_known_extensions": False,
                                                "autoload_known_extensions": False})
        for stmt in schema_sql(self.json_type):
            self.con.execute(stmt)

    def write(self, article: dict[str, Any]) -> None:
        doc, ents, mens, facts = rows(article)
        con = self.con
        con.execute("BEGIN TRANSACTION")
        try:
            con.execute(_upsert_doc("?"), doc)
            for table in ("entities", "mentions", "facts"):
                con.execute(f"DELETE FROM {table} WHERE doc_id = ?", (doc[0],))
            for table, cols, data in (("entities", ENT_COLS, ents), ("mentions", MEN_COLS, mens),
                                      ("facts", FACT_COLS, facts)):
                if data:
                    con.executemany(_insert(table, cols, "?"), data)
            con.execute("COMMIT")
        except BaseException:
            con.execute("ROLLBACK")
            raise

    def has(self, doc_id: str) -> bool:
        return self.con.execute("SELECT 1 FROM documents WHERE doc_id = ?", (doc_id,)).fetchone() is not None

    def count(self, table: str, doc_id: str | None = None) -> int:
        if doc_id is None:
            return self.con.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
        return self.con.execute(f"SELECT count(*) FROM {table} WHERE doc_id = ?", (doc_id,)).fetchone()[0]

    def close(self) -> None:
        self.con.close()


class PostgresStore(Store):
    """``postgresql://user@host:port/db``: psycopg 3, one connection, a transaction per article,
    every call bounded by ``timeout`` seconds (see the module doc)."""

    json_type = "JSONB"

    def __init__(self, dsn: str, timeout: float = DEFAULT_TIMEOUT) -> None:
        import psycopg

        self.dsn = dsn
        self.timeout = timeout
        self.broken: str | None = None
        self.con = psycopg.connect(dsn, autocommit=True, connect_timeout=max(1, int(timeout)))
        self._call(self._create)

    def _create(self) -> None:
        with self.con.transaction():
            for stmt in schema_sql(self.json_type):
                self.con.execute(stmt)

    def _call(self, fn: Callable[..., Any], *args: Any) -> Any:
        """``fn(*args)`` on a helper thread, waited for at most ``timeout`` seconds."""
        if self.broken:
            raise StoreUnavailable(self.broken)
        box: dict[str, Any] = {}

        def target() -> None:
            try:
                box["value"] = fn(*args)
            except BaseException as exc:  # noqa: BLE001 - handed to the caller
                box["error"] = exc

        t = threading.Thread(target=target, name="vnextract-store", daemon=True)
        t.start()
        t.join(self.timeout)
        if t.is_alive():
            self.broken = f"PostgreSQL did not answer within {self.timeout:g} s; nothing more is written to it"
            self._cut()
            t.join(5)
            raise StoreUnavailable(self.broken)
        if "error" in box:
            raise box["error"]
        return box.get("value")

    def _cut(self) -> None:
        """Shut the connection's socket, so that the thread waiting on it returns."""
        try:
            sock = socket.socket(fileno=os.dup(self.con.pgconn.socket))
            try:
                sock.shutdown(socket.SHUT_RDWR)
            finally:
                sock.close()
        except Exception:  # noqa: BLE001 - the connection may be gone already
            pass

    def _write(self, article: dict[str, Any]) -> None:
        doc, ents, mens, facts = rows(article)
        with self.con.transaction(), self.con.cursor() as cur:
            cur.execute(_upsert_doc("%s"), doc)
            for table in ("entities", "mentions", "facts"):
                cur.execute(f"DELETE FROM {table} WHERE doc_id = %s", (doc[0],))
            for table, cols, data in (("entities", ENT_COLS, ents), ("mentions", MEN_COLS, mens),
                                      ("facts", FACT_COLS, facts)):
                if data:
                    cur.executemany(_insert(table, cols, "%s"), data)

    def write(self, article: dict[str, Any]) -> None:
        self._call(self._write, article)

    def _one(self, sql: str, params: tuple = ()) -> Any:
        return self.con.execute(sql, params).fetchone()

    def has(self, doc_id: str) -> bool:
        return self._call(self._one, "SELECT 1 FROM documents WHERE doc_id = %s", (doc_id,)) is not None

    def count(self, table: str, doc_id: str | None = None) -> int:
        if doc_id is None:
            return self._call(self._one, f"SELECT count(*) FROM {table}")[0]
        return self._call(self._one, f"SELECT count(*) FROM {table} WHERE doc_id = %s", (doc_id,))[0]

    def close(self) -> None:
        if self.broken:
            self._cut()
        try:
            self.con.close()
        except Exception:  # noqa: BLE001 - closing a connection the server dropped
            pass


def open_store(spec: str, timeout: float = DEFAULT_TIMEOUT) -> Store:
    """``duckdb:PATH`` (or ``PATH.duckdb``) or ``postgresql://...``; ValueError for anything else."""
    if spec.startswith(("postgresql://", "postgres://")):
        return PostgresStore(spec, timeout=timeout)
    if spec.startswith("duckdb:"):
        path = spec[len("duckdb:"):]
        if path.startswith("//"):
            path = path[2:]
        if not path:
            raise ValueError("duckdb: needs a path, as in duckdb:out/articles.duckdb")
        return DuckDBStore(path)
    m = _SCHEME.match(spec)
    if m and len(m.group(1)) > 1:
        raise ValueError(f"unknown store scheme {m.group(1)!r} in {spec!r}: use duckdb:PATH or "
                         "postgresql://USER@HOST:PORT/DB")
    if spec.endswith(".duckdb"):
        return DuckDBStore(spec)
    raise ValueError(f"unknown store {spec!r}: use duckdb:PATH or postgresql://USER@HOST:PORT/DB")
