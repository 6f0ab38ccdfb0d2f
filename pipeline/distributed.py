"""Scale-out on Dask: the same per-article work as the local pool, on a cluster.

``DaskExecutor("local", workers=N)`` starts a ``LocalCluster`` of N worker
processes (one thread each); ``DaskExecutor("tcp://scheduler:8786")`` connects
to a running cluster.  Each worker loads the models once (``client.run`` of
:func:`pipeline.batch.worker.warm` at start, and lazily on any worker that joins
later).  The driver keeps at most ``window`` articles in flight and takes the
results in input order, then writes them itself exactly as a local run does,
so the output is identical.  This module uses only :mod:`pipeline.batch.worker`
(which imports nothing of the batch package), and the batch package never
imports this one: the CLI builds the executor and hands it to ``run_batch``.
The guard's limits of a local worker do not apply on Dask (its nanny has
its own memory limits).  The workers need vnextract installed (the same
version) in their environment; nothing else (they read no files: the driver
sends the texts).
"""
from __future__ import annotations

from collections import deque
from typing import Any, Iterator

from .batch.worker import Ready, process_one, warm


class DaskExecutor:
    def __init__(self, address: str, workers: int | None = None) -> None:
        from distributed import Client, LocalCluster

        self.cluster = None
        if address == "local":
            self.cluster = LocalCluster(n_workers=max(1, workers or 2), threads_per_worker=1,
                                        processes=True, dashboard_address=None)
            self.client = Client(self.cluster)
        else:
            self.client = Client(address, timeout="30s")
        n = len(self.client.scheduler_info().get("workers", {}))
        self.workers = max(1, n)
        self.warm()

    def warm(self) -> None:
        self.client.run(warm)

    def imap(self, tasks: Iterator[tuple[Any, Any]], window: int) -> Iterator[tuple[Any, Any]]:
        pending: deque[tuple[Any, Any]] = deque()
        for key, task in tasks:
            if isinstance(task, Ready):
                pending.append((key, task))
            else:
                pending.append((key, self.client.submit(process_one, task, pure=False)))
            while len(pending) >= window:
                k, fut = pending.popleft()
                yield k, self._result(fut)
        while pending:
            k, fut = pending.popleft()
            yield k, self._result(fut)

    @staticmethod
    def _result(fut: Any) -> Any:
        if hasattr(fut, "release"):
            try:
                return fut.result()
            except Exception as exc:  # noqa: BLE001 - a lost worker fails this article only
                return (False, f"dask task failed: {type(exc).__name__}: {exc}", 0)
            finally:
                fut.release()
        return fut.result()

    def close(self, now: bool = False) -> None:
        self.client.close()
        if self.cluster is not None:
            self.cluster.close()

    def __enter__(self) -> "DaskExecutor":
        return self

    def __exit__(self, *exc: Any) -> None:
        self.close()
