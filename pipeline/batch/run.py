"""The run loop: items in, outputs and error records out, a summary at the end (always)."""
from __future__ import annotations

import json
import signal
import sys
import threading
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Iterable, Iterator

from .inputs import Item
from .paths import count_inputs
from .pool import InProcess, LocalPool
from .sinks import DirSink, ErrorLog, JsonlSink
from .worker import Limits, Ready, maxrss_kb

SHOW_FIRST = 3   # failures listed on stderr after the summary line


def reason_kind(reason: str) -> str:
    """The family of a failure reason ("too large", "bad JSON line", ...), for the stderr count."""
    return reason.split(":", 1)[0].split(" (", 1)[0].strip()[:60] or "failed"


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
    interrupted: int | None = None        # the signal that stopped the run
    kinds: Counter = field(default_factory=Counter)
    first: list[tuple[str, str]] = field(default_factory=list)

    @property
    def total(self) -> int:
        return self.ok + self.failed + self.skipped

    @property
    def exit_code(self) -> int:
        if self.interrupted:
            return 128 + self.interrupted
        return 1 if self.failed or not self.total else 0

    def failure(self, source: str, reason: str) -> None:
        self.failed += 1
        self.kinds[reason_kind(reason)] += 1
        if len(self.first) < SHOW_FIRST:
            self.first.append((source, reason))

    def line(self) -> str:
        s = f"ok {self.ok}, failed {self.failed}, skipped {self.skipped}"
        if self.duplicates:
            s += f" ({self.duplicates} duplicate)"
        if self.failed and self.errors_path:
            s += f"; errors in {self.errors_path}"
        if self.interrupted:
            s = f"interrupted by {signal.Signals(self.interrupted).name}: {s}"
        elif not self.total:
            s += "; no input article found"
        return s

    def report(self) -> str:
        """The summary line, then (when some failed) the count by reason and the first failures."""
        lines = [self.line()]
        if self.failed:
            lines += [f"  {n} x {kind}" for kind, n in self.kinds.most_common(8)]
            lines += [f"  first: {src}: {why[:200]}" for src, why in self.first]
        return "\n".join(lines)


class Interrupted(KeyboardInterrupt):
    """SIGTERM (or SIGINT, SIGHUP) while a run is going on."""

    def __init__(self, signum: int) -> None:
        super().__init__(signum)
        self.signum = signum


def _on_signal(signum: int, frame: Any) -> None:
    raise Interrupted(signum)


def _install_handlers() -> dict[int, Any]:
    """SIGTERM, SIGHUP and SIGINT end the run with its summary (main thread only)."""
    if threading.current_thread() is not threading.main_thread():
        return {}
    old = {}
    for sig in (signal.SIGTERM, signal.SIGINT, getattr(signal, "SIGHUP", None)):
        if sig is not None:
            old[sig] = signal.signal(sig, _on_signal)
    return old


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


def _sink(out: Path | None, jsonl: Path | None, errors: Path | None, force: bool) -> tuple[Any, Path]:
    sink: Any = JsonlSink(jsonl, force) if jsonl is not None else DirSink(out or Path("outputs"))
    if errors is None:
        errors = jsonl.with_name(jsonl.name.removesuffix(".jsonl") + ".errors.jsonl") if jsonl is not None \
            else (out or Path("outputs")) / "errors.jsonl"
    return sink, errors


class _Tasks:
    """The items as tasks for an executor: errors go through the ordered stream (so errors.jsonl
    is the same at any number of workers); duplicates and articles already written are skipped."""

    def __init__(self, sink: Any, db: Any, force: bool, summary: Summary, bar: Any) -> None:
        self.sink, self.db, self.force, self.summary, self.bar = sink, db, force, summary, bar
        self.seen_ids: set[str] = set()
        self.used_names: set[str] = set()

    def _skip(self, duplicate: bool = False) -> None:
        self.summary.skipped += 1
        self.summary.duplicates += duplicate
        self.bar.update(1)

    def _name(self, name: str) -> str:
        k, base = 1, name
        while name in self.used_names:
            k += 1
            name = f"{base}~{k}"
        self.used_names.add(name)
        return name

    def __call__(self, items: Iterable[Item]) -> Iterator[tuple[tuple[str, str, str], Any]]:
        from ..ids import make_doc_id

        for item in items:
            if item.error is not None or item.text is None:
                yield (item.name, "", item.source), Ready((False, item.error or "no text", 0))
                continue
            try:
                doc_id = make_doc_id(item.text)
            except Exception as exc:  # noqa: BLE001 - never stop the batch on one input
                yield (item.name, "", item.source), Ready((False, f"unusable text: {exc}", 0))
                continue
            if doc_id in self.seen_ids:
                self._skip(duplicate=True)
                continue
            self.seen_ids.add(doc_id)
            name = self._name(item.name)
            if not self.force and self.sink.done(name, doc_id) and (self.db is None or self.db.has(doc_id)):
                self._skip()
                continue
            yield (name, doc_id, item.source), (item.source, item.text, item.meta)


def _write(sink: Any, db: Any, name: str, doc_id: str, payload: str) -> str | None:
    """Store, then file (a file on disk means "stored"); the reason when it fails."""
    try:
        if db is not None:
            db.write(json.loads(payload))
        sink.write(name, doc_id, payload)
        return None
    except Exception as exc:  # noqa: BLE001 - a write failure fails this article only
        if isinstance(exc, OSError) and getattr(exc, "errno", None) == 28:  # ENOSPC: stop
            raise
        return f"write error: {type(exc).__name__}: {exc}"


def _executor(workers: int, limits: Limits | None) -> Any:
    return LocalPool(workers, limits=limits) if workers >= 1 else InProcess()


def run_batch(
    items: Iterable[Item],
    out: Path | None = Path("outputs"),
    *,
    jsonl: Path | None = None,
    errors: Path | None = None,
    workers: int = 0,
    force: bool = False,
    store: str | Any | None = None,
    progress: bool | None = False,
    paths_for_count: Iterable[str] | None = None,
    window: int | None = None,
    executor: Any | None = None,
    limits: Limits | None = None,
    echo: Callable[[str], None] | None = None,
) -> Summary:
    """Extract every item; write ``out/<name>.json`` (or one line of ``jsonl``) per article.

    - ``workers``: 0 runs in this process (no limits); N >= 1 runs on N guarded
      worker processes (:mod:`.worker`); or give an ``executor``.
    - Resume: an article whose output already holds the same ``doc_id`` (and,
      with a store, that the store has) is skipped, unless ``force``.
    - An article with the same text as an earlier one of this run is skipped
      as a duplicate; a second article with the same name but another text is
      written as ``<name>~2``.
    - Every failure is one line ``{"source", "reason", "name"}`` in ``errors``
      (default ``out/errors.jsonl``, or ``<jsonl stem>.errors.jsonl``).
    - Results are taken in input order from at most ``window`` articles in
      flight, so memory is bounded and output does not depend on the workers.
    - SIGTERM, SIGHUP or SIGINT end the run: the workers are ended, the summary
      is printed, and :class:`Interrupted` (a KeyboardInterrupt) is raised with
      ``.summary`` (whose ``exit_code`` is 128 + the signal).
    """
    t0 = time.perf_counter()
    sink, errors = _sink(out, jsonl, errors, force)
    elog = ErrorLog(errors)
    summary = Summary(errors_path=errors)
    db = None
    if store is not None:
        from ..stores import open_store

        db = open_store(store) if isinstance(store, str) else store
    own_executor = executor is None
    executor = executor or _executor(workers, limits)
    window = window or max(16, 32 * getattr(executor, "workers", 1))
    bar = _progress(progress, paths_for_count)
    tasks = _Tasks(sink, db, force, summary, bar)
    old_handlers = _install_handlers()
    try:
        for (name, doc_id, source), (ok, payload, rss) in executor.imap(tasks(items), window):
            summary.peak_worker_rss_kb = max(summary.peak_worker_rss_kb, rss)
            why = _write(sink, db, name, doc_id, payload) if ok else payload
            if why is None:
                summary.ok += 1
            else:
                summary.failure(source, why)
                elog.write(source, why, name)
            bar.update(1)
            if bar.n % 16 == 0:
                bar.set_postfix_str(f"ok {summary.ok} failed {summary.failed} skipped {summary.skipped}",
                                    refresh=False)
    except KeyboardInterrupt as exc:
        summary.interrupted = getattr(exc, "signum", signal.SIGINT)
        exc.summary = summary  # type: ignore[attr-defined]
        raise
    finally:
        for sig, handler in old_handlers.items():
            signal.signal(sig, handler)
        bar.set_postfix_str(f"ok {summary.ok} failed {summary.failed} skipped {summary.skipped}", refresh=False)
        bar.close()
        if own_executor:
            executor.close(now=summary.interrupted is not None)
        sink.close()
        elog.close()
        if db is not None and isinstance(store, str):
            db.close()
        summary.seconds = time.perf_counter() - t0
        summary.peak_rss_kb = maxrss_kb()
        if isinstance(executor, InProcess):
            summary.peak_worker_rss_kb = summary.peak_rss_kb
        (echo or (lambda s: print(s, file=sys.stderr)))(summary.report())
    return summary


def run_simple(items: Iterable[Item], out: Path) -> int:
    """Extract each item (in this process) into ``out/<name>.json``; errors go to ``out/errors.jsonl``;
    the exit code."""
    return run_batch(items, out, progress=False).exit_code
