"""Executors: a guarded process pool (the default, at any number of workers) and the
work in this process (for a library caller or a debugger)."""
from __future__ import annotations

import os
import shutil
import tempfile
from collections import deque
from typing import Any, Callable, Iterator

from .worker import HARD_EXIT, Limits, Ready, init_worker, ping, process_one, reason_of

DIED = "worker process died on this article (crash or out of memory)"


class LocalPool:
    """A process pool whose workers are guarded (:mod:`.worker`) and load the models once.

    Workers start with ``forkserver`` (``spawn`` where there is none): the
    parent may hold threads (progress bar, database clients) that ``fork``
    would copy in a locked state.  The forkserver preloads the models
    (:mod:`.preload`), so starting a worker, or a fresh one after a crash, is
    cheap.  A worker that dies fails only its own article: what was in flight
    is redone one at a time on a fresh pool."""

    def __init__(self, workers: int, fn: Callable[[Any], Any] | None = None, limits: Limits | None = None) -> None:
        import multiprocessing as mp

        method = "forkserver" if "forkserver" in mp.get_all_start_methods() else "spawn"
        self.workers = workers
        self.fn = fn or process_one  # a module-level function (pickled by reference)
        self.limits = limits or Limits()
        self._ctx = mp.get_context(method)
        if method == "forkserver":
            self._ctx.set_forkserver_preload(["pipeline.batch.preload"])
        self._reasons = tempfile.mkdtemp(prefix="vnextract-guard-")
        self._ex = self._make()

    def _make(self) -> Any:
        from concurrent.futures import ProcessPoolExecutor

        return ProcessPoolExecutor(max_workers=self.workers, mp_context=self._ctx, initializer=init_worker,
                                   initargs=(self.limits, self._reasons, os.getpid()))

    def warm(self) -> None:
        """Block until every worker has started and loaded the models."""
        pids: set[int] = set()
        while len(pids) < self.workers:
            futs = [self._ex.submit(ping) for _ in range(self.workers * 2)]
            pids.update(f.result() for f in futs)

    def _alone(self, task: Any) -> Any:
        """One task alone on the pool; the guard's reason when its worker dies."""
        from concurrent.futures.process import BrokenProcessPool

        fut = self._ex.submit(self.fn, task)
        procs = list((getattr(self._ex, "_processes", None) or {}).values())
        try:
            return fut.result()
        except BrokenProcessPool:
            self._ex.shutdown(wait=False, cancel_futures=True)
            self._ex = self._make()
            return (False, reason_of(self._reasons) or self._death(procs), 0)

    def _death(self, procs: list[Any]) -> str:
        """Why the worker of a task that ran alone died, from its exit status."""
        import signal

        for p in procs:
            p.join(1)
            code = p.exitcode
            if code == -signal.SIGALRM:
                lim = self.limits
                return (f"time limit: over {lim.seconds + lim.grace + 1:g} s on this article, in code that could "
                        "not be interrupted; the worker was ended")
            if code is not None and code not in (0, HARD_EXIT):
                how = f"signal {signal.Signals(-code).name}" if code < 0 else f"exit status {code}"
                return f"{DIED}: {how}"
        return DIED

    def imap(self, tasks: Iterator[tuple[Any, Any]], window: int) -> Iterator[tuple[Any, Any]]:
        """Ordered results of ``fn``; a crashed worker fails only its own article."""
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
                # A worker died (crash, guard, out of memory).  Redo what was in flight one at a time
                # on a fresh pool, so that only the article that kills a worker fails.
                self._ex.shutdown(wait=False, cancel_futures=True)
                reason_of(self._reasons)
                self._ex = self._make()
                retry = [(key, task)] + [(k, t) for k, t, _ in pending]
                pending.clear()
                for k, t in retry:
                    yield k, t.value if isinstance(t, Ready) else self._alone(t)

    def close(self, now: bool = False) -> None:
        """Wait for the workers to finish (or, ``now``, end them) and clean up."""
        if now:
            procs = list((getattr(self._ex, "_processes", None) or {}).values())
            self._ex.shutdown(wait=False, cancel_futures=True)
            for p in procs:
                p.kill()
            for p in procs:
                p.join(5)
        else:
            self._ex.shutdown(wait=True, cancel_futures=True)
        shutil.rmtree(self._reasons, ignore_errors=True)

    def __enter__(self) -> "LocalPool":
        return self

    def __exit__(self, *exc: Any) -> None:
        self.close(now=exc[0] is not None)


class InProcess:
    """The work in this process, one article at a time, without the guard's limits."""

    workers = 1

    def warm(self) -> None:
        from .worker import warm

        warm()

    def imap(self, tasks: Iterator[tuple[Any, Any]], window: int) -> Iterator[tuple[Any, Any]]:
        for key, task in tasks:
            yield key, task.value if isinstance(task, Ready) else process_one(task)

    def close(self, now: bool = False) -> None:
        pass

    def __enter__(self) -> "InProcess":
        return self

    def __exit__(self, *exc: Any) -> None:
        self.close()
