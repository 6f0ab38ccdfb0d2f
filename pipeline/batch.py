"""Batch runs: stream inputs, extract them (in-process, on a process pool or on
Dask), write one JSON per article or one JSONL, record every failure.

Inputs (:func:`iter_inputs`) are read lazily, one article at a time:

- a ``.txt`` file (any other name is also read as plain text), ``.txt.gz``;
- a directory: its ``*.txt``, ``*.jsonl`` and ``*.jsonl.gz`` files, sorted by
  name, not recursive (other files are ignored);
- a glob (``'corpus/**/*.jsonl.gz'``), expanded here when the shell did not,
  sorted;
- a ``.jsonl`` / ``.jsonl.gz`` file of objects with ``id`` and ``text``
  (optional ``url``, ``date``, ``title``);
- ``-``: standard input; JSONL when its first non-blank byte is ``{``,
  otherwise one plain-text article named ``stdin``.

Only names are held in memory for a directory or a glob (to sort them); the
contents are streamed.  What is bad input (each becomes an error record with
the source and a reason, never a stop):

- undecodable bytes: a file is decoded as UTF-8 (or UTF-8 / UTF-16 / UTF-32
  when it starts with that BOM); anything else is ``undecodable``, there is no
  silent latin-1 guess;
- binary content: NUL bytes, or many control bytes;
- an HTML page (``<!DOCTYPE``, ``<html``, or a high density of tags):
  ``HTML page, not plain text`` -- tags are not stripped, since the offsets
  must point into the text as it was read;
- empty or whitespace-only text;
- too large: more than ``max_chars`` characters (default 1,000,000).  The size
  is checked before reading (file size, JSONL line length), so a huge input
  costs neither time nor memory;
- a JSONL line that is not JSON, is not an object, has no ``text`` or a
  ``text`` that is not a string;
- a path that does not exist or a glob that matches nothing;
- an exception inside the pipeline (the article's reason is the exception).

See :func:`run_batch` for the writing side and ``docs/batch.md`` for the CLI.
"""
from __future__ import annotations

import codecs
import glob as _glob
import gzip
import io
import json
import os
import re
import resource
import sys
import threading
import time
from collections import deque
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any, Callable, Iterable, Iterator

DEFAULT_MAX_CHARS = 1_000_000
HTML_REASON = "HTML page, not plain text"
_GLOB_CHARS = re.compile(r"[*?\[]")
_UNSAFE = re.compile(r"[^\w.\-]+", re.UNICODE)
_TAG = re.compile(rb"</?[A-Za-z][A-Za-z0-9]*(?:\s[^<>]{0,300})?/?>")
_HTML_START = re.compile(rb"^\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html[\s>])", re.I | re.S)
_DOC_ID = re.compile(r'"doc_id"\s*:\s*"([0-9a-f]{16})"')


@dataclass
class Item:
    source: str                 # where it came from (path, or path:line)
    name: str                   # output file stem
    text: str | None = None
    meta: dict[str, Any] = field(default_factory=dict)
    error: str | None = None    # why it cannot be extracted


# --------------------------------------------------------------------------- reading

def safe_name(name: str) -> str:
    """A file stem made from an id: path separators and odd characters become '_'."""
    name = _UNSAFE.sub("_", name).strip("._") or "article"
    return name[:150]


def _decode(data: bytes) -> tuple[str | None, str | None]:
    """(text, None) or (None, reason).  BOMs pick the codec; otherwise strict UTF-8."""
    if data.startswith((codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE)):
        codec = "utf-32"
    elif data.startswith(codecs.BOM_UTF8):
        codec = "utf-8-sig"
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        codec = "utf-16"
    else:
        codec = "utf-8"
        if b"\x00" in data:
            return None, "binary content (NUL bytes)"
        head = data[:8192]
        ctrl = sum(1 for b in head if b < 32 and b not in (9, 10, 12, 13))
        if head and ctrl / len(head) > 0.05:
            return None, "binary content (control bytes)"
    try:
        return data.decode(codec), None
    except UnicodeDecodeError as exc:
        bad = data[exc.start:exc.start + 4].hex(" ")
        return None, (f"undecodable: not valid {codec.upper().replace('-SIG', '')} "
                      f"(bytes {bad} at offset {exc.start}); only UTF-8, or UTF-16/UTF-32 with a BOM, is read")


def looks_like_html(text: str) -> bool:
    data = text[:200_000].encode("utf-8", "replace")
    if _HTML_START.match(data) or re.search(rb"<(?:html|body|head)[\s>]", data[:4096], re.I):
        return True
    tags = _TAG.findall(data)
    return len(tags) >= 10 and len(tags) * 1000 / max(1, len(data)) >= 5


def check_text(text: str, max_chars: int = DEFAULT_MAX_CHARS) -> str | None:
    """Why a decoded text cannot be an article, or None."""
    if len(text) > max_chars:
        return f"too large: {len(text):,} characters > --max-chars {max_chars:,}"
    if not text.strip():
        return "empty text (blank or whitespace only)"
    if "\x00" in text:
        return "binary content (NUL characters)"
    try:
        text.encode("utf-8")
    except UnicodeEncodeError as exc:  # a JSON "\\ud800" escape: no text can hold it
        return f"undecodable: lone surrogate at character {exc.start}"
    if looks_like_html(text):
        return HTML_REASON
    return None


def _finish(item: Item, max_chars: int) -> Item:
    if item.error is None:
        item.error = check_text(item.text or "", max_chars)
        if item.error is not None:
            item.text = None
    return item


def _too_big(size: int, max_chars: int) -> str:
    return f"too large: {size:,} bytes, more than --max-chars {max_chars:,} characters can take"


def _read_bytes(fh: IO[bytes], limit: int) -> tuple[bytes, bool]:
    """Up to ``limit`` bytes; True when there was more."""
    data = fh.read(limit + 1)
    return data[:limit], len(data) > limit


def _read_txt(path: Path, max_chars: int = DEFAULT_MAX_CHARS) -> Item:
    name = path.name[:-7] if path.name.endswith(".txt.gz") else path.stem
    item = Item(source=str(path), name=name)
    limit = 4 * max_chars + 4  # UTF-8 takes at most 4 bytes a character (UTF-32: 4 + BOM)
    try:
        if path.suffix == ".gz":
            with gzip.open(path, "rb") as fh:
                data, more = _read_bytes(fh, limit)
        else:
            size = path.stat().st_size
            if size > limit:
                item.error = _too_big(size, max_chars)
                return item
            data, more = path.read_bytes(), False
    except (OSError, EOFError, gzip.BadGzipFile) as exc:
        item.error = f"unreadable: {exc}"
        return item
    if more:
        item.error = _too_big(len(data), max_chars)
        return item
    item.text, item.error = _decode(data)
    return _finish(item, max_chars)


def _skip_line(fh: IO[bytes]) -> None:
    while True:
        chunk = fh.readline(1 << 20)
        if not chunk or chunk.endswith(b"\n"):
            return


def _jsonl_items(fh: IO[bytes], label: str, stem: str, max_chars: int, first: bytes = b"",
                 skipped_lines: int = 0) -> Iterator[Item]:
    limit = 6 * max_chars + 65536  # a \uXXXX escape takes 6 bytes a character
    n = skipped_lines
    pending = first
    while True:
        if pending.endswith(b"\n"):
            line = pending
        else:
            line = pending + fh.readline(limit - len(pending) + 1)
        pending = b""
        if not line:
            return
        n += 1
        src = f"{label}:{n}"
        if len(line) > limit and not line.endswith(b"\n"):
            _skip_line(fh)
            yield Item(source=src, name=f"{stem}-{n}", error=f"too large: JSON line over {limit:,} bytes "
                                                               f"(--max-chars {max_chars:,})")
            continue
        if not line.strip():
            continue
        try:
            obj = json.loads(line.decode("utf-8"))
        except UnicodeDecodeError as exc:
            yield Item(source=src, name=f"{stem}-{n}", error=f"undecodable JSON line: not valid UTF-8 "
                                                               f"(offset {exc.start})")
            continue
        except json.JSONDecodeError as exc:
            yield Item(source=src, name=f"{stem}-{n}", error=f"bad JSON line: {exc}")
            continue
        if not isinstance(obj, dict):
            yield Item(source=src, name=f"{stem}-{n}", error=f"JSON line is a {type(obj).__name__}, not an object")
            continue
        ident = obj.get("id")
        name = safe_name(str(ident)) if ident not in (None, "") else f"{stem}-{n}"
        if "text" not in obj or obj["text"] is None:
            yield Item(source=src, name=name, error="JSON line has no 'text'")
            continue
        if not isinstance(obj["text"], str):
            yield Item(source=src, name=name, error=f"JSON line's 'text' is a {type(obj['text']).__name__}, "
                                                    "not a string")
            continue
        meta = {k: obj[k] for k in ("url", "date", "title") if isinstance(obj.get(k), str)}
        yield _finish(Item(source=src, name=name, text=obj["text"], meta=meta), max_chars)


def _read_jsonl(path: Path, max_chars: int = DEFAULT_MAX_CHARS) -> Iterator[Item]:
    gz = path.name.endswith(".gz")
    stem = path.name[: -len(".jsonl.gz")] if path.name.endswith(".jsonl.gz") else path.stem
    try:
        fh = gzip.open(path, "rb") if gz else path.open("rb")
    except OSError as exc:
        yield Item(source=str(path), name=stem, error=f"unreadable: {exc}")
        return
    with fh:
        try:
            yield from _jsonl_items(fh, str(path), stem, max_chars)
        except (OSError, EOFError, gzip.BadGzipFile) as exc:
            yield Item(source=f"{path}", name=f"{stem}-rest", error=f"unreadable (stopped reading this file): {exc}")


def _read_stdin(max_chars: int, stream: IO[bytes] | None = None) -> Iterator[Item]:
    fh = stream if stream is not None else sys.stdin.buffer
    first = b""
    blank = 0
    lead = []
    while True:  # look past leading blank lines at the first byte (kept for a plain-text article)
        line = fh.readline(1 << 16)
        if not line:
            break
        if line.strip():
            first = line
            break
        blank += 1
        lead.append(line)
        if sum(map(len, lead)) > 4 * max_chars:
            break
    if first.lstrip().startswith(b"{"):
        yield from _jsonl_items(fh, "<stdin>", "stdin", max_chars, first=first, skipped_lines=blank)
        return
    limit = 4 * max_chars + 4
    first = b"".join(lead) + first
    rest, more = _read_bytes(fh, max(0, limit - len(first)))
    item = Item(source="<stdin>", name="stdin")
    if more or len(first) > limit:
        item.error = _too_big(len(first) + len(rest), max_chars)
        while fh.read(1 << 20):
            pass
        yield item
        return
    item.text, item.error = _decode(first + rest)
    yield _finish(item, max_chars)


def _is_jsonl(path: Path) -> bool:
    return path.name.endswith((".jsonl", ".jsonl.gz"))


def _read_path(path: Path, max_chars: int) -> Iterator[Item]:
    if _is_jsonl(path):
        yield from _read_jsonl(path, max_chars)
    else:
        yield _read_txt(path, max_chars)


def iter_inputs(paths: Iterable[str], max_chars: int = DEFAULT_MAX_CHARS,
                stdin: IO[bytes] | None = None) -> Iterator[Item]:
    """Every article in ``paths``, lazily, in order (see the module doc)."""
    for p in paths:
        if p == "-":
            yield from _read_stdin(max_chars, stdin)
            continue
        path = Path(p)
        if path.is_dir():
            names = sorted(f.name for f in os.scandir(path)
                           if f.name.endswith((".txt", ".jsonl", ".jsonl.gz")) and f.is_file())
            for n in names:
                yield from _read_path(path / n, max_chars)
        elif path.exists():
            yield from _read_path(path, max_chars)
        elif _GLOB_CHARS.search(p):
            matches = sorted(_glob.iglob(p, recursive=True))
            files = [m for m in matches if os.path.isfile(m)]
            if not files:
                yield Item(source=p, name=safe_name(path.stem), error="no file matches this pattern")
            for m in files:
                yield from _read_path(Path(m), max_chars)
        else:
            yield Item(source=p, name=safe_name(path.stem), error="no such file or directory")


def count_inputs(paths: Iterable[str]) -> int | None:
    """How many items :func:`iter_inputs` will yield (for the progress bar's ETA), or None (stdin)."""
    total = 0

    def count_file(path: Path) -> int:
        if not _is_jsonl(path):
            return 1
        try:
            opener = gzip.open if path.name.endswith(".gz") else open
            with opener(path, "rb") as fh:  # type: ignore[operator]
                return sum(1 for line in fh if line.strip())
        except (OSError, EOFError):
            return 1

    for p in paths:
        if p == "-":
            return None
        path = Path(p)
        if path.is_dir():
            for f in sorted(os.scandir(path), key=lambda e: e.name):
                if f.name.endswith((".txt", ".jsonl", ".jsonl.gz")) and f.is_file():
                    total += count_file(Path(f.path))
        elif path.exists():
            total += count_file(path)
        elif _GLOB_CHARS.search(p):
            files = [m for m in _glob.iglob(p, recursive=True) if os.path.isfile(m)]
            total += sum(count_file(Path(m)) for m in files) or 1
        else:
            total += 1
    return total


# --------------------------------------------------------------------------- the work itself

def _maxrss_kb() -> int:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


def warm() -> int:
    """Load the models in this process (worker initializer); returns the pid."""
    from .api import nlp

    nlp()
    return os.getpid()


def process_one(task: tuple[str, str, dict[str, Any]]) -> tuple[bool, str, int]:
    """(source, text, meta) -> (True, article JSON, peak RSS kB) or (False, reason, peak RSS kB).

    Runs in a worker (process pool or Dask worker) or in-process; never raises
    for a bad article."""
    source, text, meta = task
    try:
        from .api import extract
        from .output import dumps

        return True, dumps(extract(text, source=source, meta=meta)), _maxrss_kb()
    except Exception as exc:  # noqa: BLE001 - one bad article never stops the batch
        msg = str(exc).strip().splitlines()
        return False, f"pipeline error: {type(exc).__name__}: {msg[0][:300] if msg else ''}".rstrip(": "), _maxrss_kb()


class Ready:
    """A result known without running anything; looks like a finished future."""

    __slots__ = ("value",)

    def __init__(self, value: Any) -> None:
        self.value = value

    def result(self) -> Any:
        return self.value


class LocalPool:
    """A process pool whose workers load the models once, at start.

    Workers start with ``forkserver`` (``spawn`` where there is none): the
    parent may hold threads (progress bar, database clients) that ``fork``
    would copy in a locked state.  Each worker loads the pipeline in its
    initializer, so the first tasks do not pay for it unevenly."""

    def __init__(self, workers: int, fn: Callable[[Any], Any] | None = None) -> None:
        import multiprocessing as mp
        from concurrent.futures import ProcessPoolExecutor

        method = "forkserver" if "forkserver" in mp.get_all_start_methods() else "spawn"
        self.workers = workers
        self.fn = fn or process_one  # a module-level function (pickled by reference)
        self._ctx = mp.get_context(method)
        self._make = lambda: ProcessPoolExecutor(max_workers=workers, mp_context=self._ctx, initializer=warm)
        self._ex = self._make()

    def warm(self) -> None:
        """Block until every worker has started and loaded the models."""
        pids: set[int] = set()
        while len(pids) < self.workers:
            futs = [self._ex.submit(_ping) for _ in range(self.workers * 2)]
            pids.update(f.result() for f in futs)

    def imap(self, tasks: Iterator[tuple[Any, Any]], window: int) -> Iterator[tuple[Any, Any]]:
        """Ordered results of :func:`process_one`; a crashed worker fails only its own article."""
        from concurrent.futures.process import BrokenProcessPool

        pending: deque[tuple[Any, Any, Any]] = deque()
        tasks = iter(tasks)
        exhausted = False
        while True:
            while not exhausted and len(pending) < window:
                try:
                    key, task = next(tasks)
                except StopIteration:
                    exhausted = True
                    break
                fut = task if isinstance(task, Ready) else self._ex.submit(self.fn, task)
                pending.append((key, task, fut))
            if not pending:
                return
            key, task, fut = pending.popleft()
            try:
                yield key, fut.result()
            except BrokenProcessPool:
                # A worker died (crash, out of memory).  Redo what was in flight one at a time
                # on a fresh pool, so that only the article that kills a worker fails.
                self._ex.shutdown(wait=False, cancel_futures=True)
                retry = [(key, task)] + [(k, t) for k, t, _ in pending]
                pending.clear()
                for k, t in retry:
                    if isinstance(t, Ready):
                        yield k, t.value
                        continue
                    self._ex = self._make()
                    try:
                        yield k, self._ex.submit(self.fn, t).result()
                    except BrokenProcessPool:
                        self._ex.shutdown(wait=False, cancel_futures=True)
                        yield k, (False, "worker process died on this article (crash or out of memory)", 0)
                        continue
                self._ex = self._make()

    def close(self) -> None:
        self._ex.shutdown(wait=True, cancel_futures=True)

    def __enter__(self) -> "LocalPool":
        return self

    def __exit__(self, *exc: Any) -> None:
        self.close()


def _ping() -> int:
    time.sleep(0.05)
    return os.getpid()


class InProcess:
    """The work in this process, one article at a time (``--workers 1``)."""

    workers = 1

    def warm(self) -> None:
        warm()

    def imap(self, tasks: Iterator[tuple[Any, Any]], window: int) -> Iterator[tuple[Any, Any]]:
        for key, task in tasks:
            yield key, task.value if isinstance(task, Ready) else process_one(task)

    def close(self) -> None:
        pass

    def __enter__(self) -> "InProcess":
        return self

    def __exit__(self, *exc: Any) -> None:
        self.close()


# --------------------------------------------------------------------------- writing

@dataclass
class Summary:
    ok: int = 0
    failed: int = 0
    skipped: int = 0
    duplicates: int = 0           # of skipped: same text as an earlier article of this run
    seconds: float = 0.0
    peak_rss_kb: int = 0          # this process
    peak_worker_rss_kb: int = 0   # the largest worker (== this process at one worker)
    errors_path: Path | None = None

    @property
    def total(self) -> int:
        return self.ok + self.failed + self.skipped

    @property
    def exit_code(self) -> int:
        return 1 if self.failed else 0

    def line(self) -> str:
        s = f"ok {self.ok}, failed {self.failed}, skipped {self.skipped}"
        if self.duplicates:
            s += f" ({self.duplicates} duplicate)"
        if self.failed and self.errors_path:
            s += f"; errors in {self.errors_path}"
        return s


class _ErrorLog:
    """The errors JSONL: replaced at the start of a run, written as errors come, flushed each."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._fh: IO[str] | None = None
        if path.exists():
            path.unlink()

    def write(self, source: str, reason: str, name: str | None = None) -> None:
        if self._fh is None:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self._fh = self.path.open("a", encoding="utf-8")
        rec = {"source": source, "reason": reason}
        if name is not None:
            rec["name"] = name
        self._fh.write(json.dumps(rec, ensure_ascii=False) + "\n")
        self._fh.flush()

    def close(self) -> None:
        if self._fh is not None:
            self._fh.close()


class _DirSink:
    """One ``DIR/<name>.json`` per article, written atomically (temp file + rename)."""

    def __init__(self, out: Path) -> None:
        self.out = out
        out.mkdir(parents=True, exist_ok=True)

    def done(self, name: str, doc_id: str) -> bool:
        try:
            with (self.out / f"{name}.json").open("r", encoding="utf-8") as fh:
                m = _DOC_ID.search(fh.read(512))
        except (OSError, UnicodeDecodeError):
            return False
        return bool(m and m.group(1) == doc_id)

    def write(self, name: str, doc_id: str, payload: str) -> None:
        path = self.out / f"{name}.json"
        tmp = self.out / f".{name}.json.tmp{os.getpid()}"
        tmp.write_text(payload, encoding="utf-8")
        os.replace(tmp, path)

    def close(self) -> None:
        pass


class _JsonlSink:
    """All articles in one JSONL, in input order, appended; resumes from the doc_ids already there."""

    def __init__(self, path: Path, force: bool) -> None:
        self.path = path
        self.ids: set[str] = set()
        path.parent.mkdir(parents=True, exist_ok=True)
        if force and path.exists():
            path.unlink()
        if path.exists():
            self._repair_tail()
            with path.open("r", encoding="utf-8", errors="replace") as fh:
                for line in fh:
                    m = _DOC_ID.search(line[:400])
                    if m:
                        self.ids.add(m.group(1))
        self._fh = path.open("a", encoding="utf-8")

    def _repair_tail(self) -> None:
        """Cut a last line left half-written by an interrupted run."""
        with self.path.open("rb+") as fh:
            fh.seek(0, io.SEEK_END)
            size = fh.tell()
            if size == 0:
                return
            fh.seek(size - 1)
            if fh.read(1) == b"\n":
                return
            pos = size
            while pos > 0:
                step = min(65536, pos)
                fh.seek(pos - step)
                chunk = fh.read(step)
                i = chunk.rfind(b"\n")
                if i >= 0:
                    fh.truncate(pos - step + i + 1)
                    return
                pos -= step
            fh.truncate(0)

    def done(self, name: str, doc_id: str) -> bool:
        return doc_id in self.ids

    def write(self, name: str, doc_id: str, payload: str) -> None:
        self._fh.write(json.dumps(json.loads(payload), ensure_ascii=False) + "\n")
        self._fh.flush()
        self.ids.add(doc_id)

    def close(self) -> None:
        self._fh.close()


def _progress(enabled: bool | None, paths: Iterable[str] | None):  # type: ignore[no-untyped-def]
    from tqdm import tqdm

    if enabled is None:
        enabled = sys.stderr.isatty()
    bar = tqdm(total=None, unit="art", desc="vnextract", file=sys.stderr, disable=not enabled,
               dynamic_ncols=True, smoothing=0.1)
    if enabled and paths is not None:
        def count() -> None:
            n = count_inputs(paths)
            if n is not None:
                bar.total = n
        threading.Thread(target=count, daemon=True).start()
    return bar


def run_batch(
    items: Iterable[Item],
    out: Path | None = Path("outputs"),
    *,
    jsonl: Path | None = None,
    errors: Path | None = None,
    workers: int = 1,
    force: bool = False,
    store: str | Any | None = None,
    dask: str | None = None,
    progress: bool | None = False,
    paths_for_count: Iterable[str] | None = None,
    window: int | None = None,
    executor: Any | None = None,
    echo: Callable[[str], None] | None = None,
) -> Summary:
    """Extract every item; write ``out/<name>.json`` (or one line of ``jsonl``) per article.

    - Resume: an article whose output already holds the same ``doc_id`` (and,
      with a store, that the store has) is skipped, unless ``force``.
    - An article with the same text as an earlier one of this run is skipped
      as a duplicate; a second article with the same name but another text is
      written as ``<name>~2``.
    - Every failure is one line ``{"source", "reason", "name"}`` in ``errors``
      (default ``out/errors.jsonl``, or ``<jsonl stem>.errors.jsonl``).
    - Results are taken in input order from at most ``window`` articles in
      flight, so memory is bounded and output does not depend on the workers.
    """
    from .output import make_doc_id

    t0 = time.perf_counter()
    sink: Any = _JsonlSink(jsonl, force) if jsonl is not None else _DirSink(out or Path("outputs"))
    if errors is None:
        errors = jsonl.with_name(jsonl.name.removesuffix(".jsonl") + ".errors.jsonl") if jsonl is not None \
            else (out or Path("outputs")) / "errors.jsonl"
    elog = _ErrorLog(errors)
    summary = Summary(errors_path=errors)
    db = None
    if store is not None:
        from .stores import open_store

        db = open_store(store) if isinstance(store, str) else store
    own_executor = executor is None
    if executor is None:
        if dask:
            from .distributed import DaskExecutor

            executor = DaskExecutor(dask, workers=workers)
        elif workers > 1:
            executor = LocalPool(workers)
        else:
            executor = InProcess()
    window = window or max(16, 32 * getattr(executor, "workers", workers))
    bar = _progress(progress, paths_for_count)
    seen_ids: set[str] = set()
    used_names: set[str] = set()

    def fail(source: str, reason: str, name: str | None) -> None:
        summary.failed += 1
        elog.write(source, reason, name)

    def tasks() -> Iterator[tuple[tuple[str, str, str], Any]]:
        for item in items:
            if item.error is not None or item.text is None:
                # goes through the ordered stream, so errors.jsonl is the same at any number of workers
                yield (item.name, "", item.source), Ready((False, item.error or "no text", 0))
                continue
            try:
                doc_id = make_doc_id(item.text)
            except Exception as exc:  # noqa: BLE001 - never stop the batch on one input
                yield (item.name, "", item.source), Ready((False, f"unusable text: {exc}", 0))
                continue
            if doc_id in seen_ids:
                summary.skipped += 1
                summary.duplicates += 1
                bar.update(1)
                continue
            name = item.name
            k = 1
            while name in used_names:
                k += 1
                name = f"{item.name}~{k}"
            used_names.add(name)
            seen_ids.add(doc_id)
            if not force and sink.done(name, doc_id) and (db is None or db.has(doc_id)):
                summary.skipped += 1
                bar.update(1)
                continue
            yield (name, doc_id, item.source), (item.source, item.text, item.meta)

    try:
        for (name, doc_id, source), (ok, payload, rss) in executor.imap(tasks(), window):
            summary.peak_worker_rss_kb = max(summary.peak_worker_rss_kb, rss)
            if ok:
                try:
                    if db is not None:
                        db.write(json.loads(payload))  # the store first: a file on disk means "stored"
                    sink.write(name, doc_id, payload)
                    summary.ok += 1
                except Exception as exc:  # noqa: BLE001 - a write failure fails this article only
                    if isinstance(exc, OSError) and getattr(exc, "errno", None) == 28:  # ENOSPC: stop
                        raise
                    fail(source, f"write error: {type(exc).__name__}: {exc}", name)
            else:
                fail(source, payload, name)
            bar.update(1)
            if bar.n % 16 == 0:
                bar.set_postfix_str(f"ok {summary.ok} failed {summary.failed} skipped {summary.skipped}",
                                    refresh=False)
    finally:
        bar.set_postfix_str(f"ok {summary.ok} failed {summary.failed} skipped {summary.skipped}", refresh=False)
        bar.close()
        if own_executor:
            executor.close()
        sink.close()
        elog.close()
        if db is not None and isinstance(store, str):
            db.close()
    summary.seconds = time.perf_counter() - t0
    summary.peak_rss_kb = _maxrss_kb()
    if isinstance(executor, InProcess):
        summary.peak_worker_rss_kb = summary.peak_rss_kb
    (echo or (lambda s: print(s, file=sys.stderr)))(summary.line())
    return summary


def run_simple(items: Iterable[Item], out: Path) -> int:
    """Extract each item into ``out/<name>.json``; errors go to ``out/errors.jsonl``; the exit code."""
    return run_batch(items, out, progress=False).exit_code
