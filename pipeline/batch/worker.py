"""The per-article work, and the limits a worker process enforces on it.

:func:`process_one` runs in a worker (process pool or Dask) or in-process and
never raises for a bad article.  A process-pool worker is started with
:func:`init_worker`, which arms a :class:`Guard`:

- a watchdog thread reads the worker's resident memory every 20 ms and the
  time spent on the current article; past ``Limits.seconds`` or
  ``Limits.rss_mb`` it interrupts the article (an exception raised in the
  worker's main thread, caught by :func:`process_one`: an error record, and the
  worker goes on);
- when the article does not stop (the time is spent in C code), or memory
  passes ``Limits.hard_rss_mb``, the watchdog writes the reason where the
  parent finds it and ends the worker at once; the parent records the
  article as failed with that reason and starts a fresh worker;
- the watchdog is a Python thread, so it cannot act while one C call holds
  the interpreter (a catastrophic regex, say); two kernel-side backstops do:
  a real-time alarm (``setitimer``, default action: end the process) at
  ``seconds + grace + 1`` for every article, and a cap on the address space
  (``RLIMIT_AS``, ``address_space_mb`` above the worker's size at start);
  the parent names the reason from the worker's exit (SIGALRM: time);
- the worker ends when the driver process is gone, whatever killed it: the
  forkserver and each worker ask the kernel for SIGKILL when their parent
  ends (``PR_SET_PDEATHSIG``, Linux), and the watchdog checks the driver's pid.

This module imports nothing of the rest of the batch package, so
:mod:`pipeline.distributed` can use it without an import cycle.
"""
from __future__ import annotations

import os
import resource
import signal
import threading
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

HARD_EXIT = 70          # exit status of a worker the guard ended


@dataclass(frozen=True)
class Limits:
    seconds: float = 120.0      # per article, then it is interrupted
    rss_mb: int = 480           # resident memory at which the article is interrupted
    hard_rss_mb: int = 560      # resident memory at which the worker is ended at once
    grace: float = 5.0          # how long an interrupted article may take to stop
    address_space_mb: int = 4096  # RLIMIT_AS above the worker's size at start (0: none)


class ArticleLimit(BaseException):
    """Raised in the worker's main thread when the current article passes a limit.
    A BaseException, so that no ``except Exception`` in the pipeline swallows it."""


def _rss_mb() -> float:
    try:
        with open("/proc/self/statm", "rb") as fh:
            return int(fh.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20
    except (OSError, ValueError, IndexError):
        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    try:
        with open(f"/proc/{pid}/stat", "rb") as fh:
            return fh.read().rsplit(b")", 1)[1].split()[0] != b"Z"
    except (OSError, IndexError):
        return True


def die_with_parent() -> None:
    """Linux: the kernel sends SIGKILL to this process when its parent ends."""
    try:
        import ctypes

        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(1, signal.SIGKILL, 0, 0, 0)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        pass


class Guard:
    """The watchdog of one worker process (see the module doc)."""

    def __init__(self, limits: Limits, reason_dir: str | None, driver_pid: int | None) -> None:
        self.limits = limits
        self.reason_dir = reason_dir
        self.driver_pid = driver_pid
        self.busy: tuple[str, float] | None = None   # (source, start) of the current article
        self.reason: str | None = None               # why the current article was interrupted
        self.reason_for: tuple[str, float] | None = None  # ... and which article that is
        self.interrupted_at = 0.0
        self.main = threading.main_thread().ident
        signal.signal(signal.SIGUSR1, self._interrupted)
        threading.Thread(target=self._watch, name="vnextract-guard", daemon=True).start()

    def _interrupted(self, signum: int, frame: Any) -> None:
        # runs in the main thread: ``busy`` cannot change under it, so a late signal meant for an
        # article that has ended is ignored here
        if self.busy is not None and self.reason is not None and self.reason_for is self.busy:
            raise ArticleLimit(self.reason)

    def _end(self, reason: str) -> None:
        if self.reason_dir:
            try:
                Path(self.reason_dir, str(os.getpid())).write_text(reason, encoding="utf-8")
            except OSError:
                pass
        os._exit(HARD_EXIT)

    def _check(self, busy: tuple[str, float]) -> None:
        lim = self.limits
        rss = _rss_mb()
        spent = time.monotonic() - busy[1]
        if rss > lim.hard_rss_mb:
            self._end(f"memory limit: the worker passed {lim.hard_rss_mb} MB ({rss:.0f} MB resident) "
                      "on this article and was stopped")
        if self.reason is None and (rss > lim.rss_mb or spent > lim.seconds):
            self.reason_for = busy
            self.reason = (f"memory limit: {rss:.0f} MB resident > {lim.rss_mb} MB" if rss > lim.rss_mb
                           else f"time limit: over {lim.seconds:g} s on this article")
            self.interrupted_at = time.monotonic()
            signal.pthread_kill(self.main, signal.SIGUSR1)  # type: ignore[arg-type]
        elif self.reason is not None and self.reason_for is busy and time.monotonic() - self.interrupted_at > lim.grace:
            self._end(f"{self.reason}; it did not stop within {lim.grace:g} s and the worker was ended")

    def _watch(self) -> None:
        last_parent_check = 0.0
        while True:
            busy = self.busy
            if busy is not None:
                self._check(busy)
            now = time.monotonic()
            if self.driver_pid and now - last_parent_check > 0.5:
                last_parent_check = now
                if not _alive(self.driver_pid):
                    os._exit(HARD_EXIT)
            time.sleep(0.02 if busy is not None else 0.1)

    def run(self, source: str, fn: Any, *args: Any) -> Any:
        self.reason = None
        self.busy = (source, time.monotonic())
        signal.setitimer(signal.ITIMER_REAL, self.limits.seconds + self.limits.grace + 1)
        try:
            return fn(*args)
        finally:
            signal.setitimer(signal.ITIMER_REAL, 0)
            self.busy = None


_GUARD: Guard | None = None


def init_worker(limits: Limits | None = None, reason_dir: str | None = None, driver_pid: int | None = None) -> int:
    """Process-pool worker initializer: die with the driver, arm the guard, load the models."""
    global _GUARD
    die_with_parent()
    signal.signal(signal.SIGALRM, signal.SIG_DFL)  # the hard deadline: the kernel ends the process
    if driver_pid and not _alive(driver_pid):
        os._exit(HARD_EXIT)
    limits = limits or Limits()
    if limits.address_space_mb:
        vsz = _vsz_mb()
        cap = int((vsz + limits.address_space_mb) * 2**20)
        try:
            resource.setrlimit(resource.RLIMIT_AS, (cap, cap))
        except (ValueError, OSError):
            pass
    _GUARD = Guard(limits, reason_dir, driver_pid)
    return warm()


def _vsz_mb() -> float:
    try:
        with open("/proc/self/statm", "rb") as fh:
            return int(fh.read().split()[0]) * os.sysconf("SC_PAGE_SIZE") / 2**20
    except (OSError, ValueError, IndexError):
        return 0.0


_WARM_TEXT = "Ông Trần Văn Nam, Chủ tịch UBND phường, cho biết có 5 trường học năm 2024."
_warmed = False


def warm() -> int:
    """Load the models in this process, and run one sentence through them (some load on first
    use); returns the pid."""
    global _warmed
    if not _warmed:
        from ..api import extract

        extract(_WARM_TEXT)
        _warmed = True
    return os.getpid()


def maxrss_kb() -> int:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


def _extract(source: str, text: str, meta: dict[str, Any]) -> str:
    from ..api import extract
    from ..output import dumps

    return dumps(extract(text, source=source, meta=meta))


def process_one(task: tuple[str, str, dict[str, Any]], work: Any = None) -> tuple[bool, str, int]:
    """(source, text, meta) -> (True, article JSON, peak RSS kB) or (False, reason, peak RSS kB).

    Never raises for a bad article: an exception, or a limit of the guard, is the reason.
    ``work(source, text, meta) -> str`` replaces the extraction (tests, benchmarks)."""
    source, text, meta = task
    work = work or _extract
    try:
        if _GUARD is not None:
            return True, _GUARD.run(source, work, source, text, meta), maxrss_kb()
        return True, work(source, text, meta), maxrss_kb()
    except ArticleLimit as exc:
        import gc

        gc.collect()
        return False, str(exc), maxrss_kb()
    except (Exception, RecursionError) as exc:  # noqa: BLE001 - one bad article never stops the batch
        msg = str(exc).strip().splitlines()
        return False, f"pipeline error: {type(exc).__name__}: {msg[0][:300] if msg else ''}".rstrip(": "), maxrss_kb()


def reason_of(reason_dir: str | None) -> str | None:
    """The reason a guard left for a worker it ended (and forget it), or None."""
    if not reason_dir:
        return None
    found = None
    for p in sorted(Path(reason_dir).glob("*")):
        try:
            found = found or p.read_text(encoding="utf-8")
            p.unlink()
        except OSError:
            pass
    return found


class Ready:
    """A result known without running anything; looks like a finished future."""

    __slots__ = ("value",)

    def __init__(self, value: Any) -> None:
        self.value = value

    def result(self) -> Any:
        return self.value


def ping() -> int:
    time.sleep(0.05)
    return os.getpid()
