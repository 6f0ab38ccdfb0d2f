"""Where a run writes: one JSON per article in a directory, or one JSONL; and the errors JSONL.

Every path written is ``OUT/<safe name>.json`` (or its temp file beside it),
the ``--jsonl`` file, or the errors file; a name never holds a path separator
(see :func:`~pipeline.batch.texts.safe_name`).
"""
from __future__ import annotations

import io
import json
import os
import re
from pathlib import Path
from typing import IO

_DOC_ID = re.compile(r'"doc_id"\s*:\s*"([0-9a-f]{16})"')


class Busy(Exception):
    """Another run holds the output's lock."""


class ErrorLog:
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


class DirSink:
    """One ``DIR/<name>.json`` per article, written atomically (temp file + rename)."""

    def __init__(self, out: Path) -> None:
        self.out = out
        out.mkdir(parents=True, exist_ok=True)

    def _path(self, name: str) -> Path:
        if not name or "/" in name or os.sep in name or name in (".", ".."):
            raise ValueError(f"unsafe output name {name!r}")
        return self.out / f"{name}.json"

    def done(self, name: str, doc_id: str) -> bool:
        try:
            with self._path(name).open("r", encoding="utf-8") as fh:
                m = _DOC_ID.search(fh.read(512))
        except (OSError, UnicodeDecodeError, ValueError):
            return False
        return bool(m and m.group(1) == doc_id)

    def write(self, name: str, doc_id: str, payload: str) -> None:
        path = self._path(name)
        tmp = self.out / f".{name}.json.tmp{os.getpid()}"
        try:
            tmp.write_text(payload, encoding="utf-8")
            os.replace(tmp, path)
        finally:
            if tmp.exists():
                tmp.unlink()

    def close(self) -> None:
        pass


class JsonlSink:
    """All articles in one JSONL, in input order, appended; resumes from the doc_ids already there.

    The file is locked (``flock``) for the whole run: a second run on the same
    file is refused (:class:`Busy`) instead of appending every line again."""

    def __init__(self, path: Path, force: bool) -> None:
        self.path = path
        self.ids: set[str] = set()
        path.parent.mkdir(parents=True, exist_ok=True)
        self._fh = path.open("a+", encoding="utf-8")
        try:
            import fcntl

            fcntl.flock(self._fh.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        except ImportError:  # pragma: no cover - not POSIX
            pass
        except OSError as exc:
            self._fh.close()
            raise Busy(f"{path} is being written by another run (locked)") from exc
        if force:
            self._fh.truncate(0)
        self._repair_tail()
        self._fh.seek(0)
        with path.open("r", encoding="utf-8", errors="replace") as fh:
            for line in fh:
                m = _DOC_ID.search(line[:400])
                if m:
                    self.ids.add(m.group(1))
        self._fh.seek(0, io.SEEK_END)

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
