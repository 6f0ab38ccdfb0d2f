"""Reading inputs and writing one JSON per article.

Inputs are streamed: a .txt file, a directory of .txt files, or a .jsonl file
of objects with ``id`` and ``text`` (optional ``url``, ``date``, ``title``).
A bad input never stops the run: it becomes an error record.
"""
from __future__ import annotations

import json
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable, Iterator


@dataclass
class Item:
    source: str                 # where it came from (path, or path:line)
    name: str                   # output file stem
    text: str | None = None
    meta: dict[str, Any] = field(default_factory=dict)
    error: str | None = None    # why it could not be read


def _read_txt(path: Path) -> Item:
    item = Item(source=str(path), name=path.stem)
    try:
        data = path.read_bytes()
    except OSError as exc:
        item.error = f"unreadable: {exc}"
        return item
    try:
        item.text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        item.error = f"not UTF-8: {exc}"
    return item


def _read_jsonl(path: Path) -> Iterator[Item]:
    with path.open("rb") as fh:
        for n, line in enumerate(fh, 1):
            if not line.strip():
                continue
            src = f"{path}:{n}"
            try:
                obj = json.loads(line.decode("utf-8"))
            except (UnicodeDecodeError, json.JSONDecodeError) as exc:
                yield Item(source=src, name=f"{path.stem}-{n}", error=f"bad JSON line: {exc}")
                continue
            if not isinstance(obj, dict) or not isinstance(obj.get("text"), str):
                yield Item(source=src, name=str(obj.get("id", f"{path.stem}-{n}")) if isinstance(obj, dict) else f"{path.stem}-{n}",
                           error="JSON line has no 'text' string")
                continue
            meta = {k: obj[k] for k in ("url", "date", "title") if isinstance(obj.get(k), str)}
            yield Item(source=src, name=str(obj.get("id") or f"{path.stem}-{n}"), text=obj["text"], meta=meta)


def iter_inputs(paths: Iterable[str]) -> Iterator[Item]:
    for p in paths:
        path = Path(p)
        if path.is_dir():
            for f in sorted(path.glob("*.txt")):
                yield _read_txt(f)
        elif path.suffix == ".jsonl":
            yield from _read_jsonl(path)
        elif path.is_file():
            yield _read_txt(path)
        else:
            yield Item(source=p, name=path.stem, error="no such file")


def check_text(text: str) -> str | None:
    """Why a decoded text cannot be an article, or None."""
    if not text.strip():
        return "empty text"
    if "\x00" in text:
        return "binary content (NUL bytes)"
    return None


def run_simple(items: Iterable[Item], out: Path) -> int:
    """Extract each item into ``out/<name>.json``; errors go to ``out/errors.jsonl``."""
    from .api import extract
    from .output import dumps

    out.mkdir(parents=True, exist_ok=True)
    ok = failed = 0
    errors = []
    for item in items:
        reason = item.error or check_text(item.text or "")
        if reason is None:
            try:
                article = extract(item.text or "", source=item.source, meta=item.meta)
                (out / f"{item.name}.json").write_text(dumps(article), encoding="utf-8")
                ok += 1
                continue
            except Exception as exc:  # noqa: BLE001 - one bad article never stops the batch
                reason = f"{type(exc).__name__}: {exc}"
        failed += 1
        errors.append({"source": item.source, "reason": reason})
    if errors:
        with (out / "errors.jsonl").open("w", encoding="utf-8") as fh:
            for e in errors:
                fh.write(json.dumps(e, ensure_ascii=False) + "\n")
    print(f"ok {ok}, failed {failed}", file=sys.stderr)
    return 1 if failed else 0
