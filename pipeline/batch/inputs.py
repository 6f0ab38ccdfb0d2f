"""Reading articles: text files, JSONL, standard input; one :class:`Item` each, never an exception.

Files are opened without blocking and must be regular files (a FIFO, a
device such as ``/dev/zero`` or a socket is refused before a byte is read);
sizes are checked before reading; a JSONL line is parsed with a bound on its
length, its nesting and its integers.  Whatever else goes wrong while reading
one PATH ends that PATH with an error record and the run goes on with the next.
"""
from __future__ import annotations

import gzip
import json
import os
import stat
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any, Iterable, Iterator

from .paths import expand, is_jsonl
from .texts import DEFAULT_MAX_CHARS, check_text, decode, file_name, safe_name, too_big

MAX_INT_DIGITS = 4000   # a longer JSON integer is kept as its string (Python refuses to int() it)


@dataclass
class Item:
    source: str                 # where it came from (path, or path:line)
    name: str                   # output file stem
    text: str | None = None
    meta: dict[str, Any] = field(default_factory=dict)
    error: str | None = None    # why it cannot be extracted


def _finish(item: Item, max_chars: int) -> Item:
    if item.error is None:
        item.error = check_text(item.text or "", max_chars)
        if item.error is not None:
            item.text = None
    return item


def _read_bytes(fh: IO[bytes], limit: int) -> tuple[bytes, bool]:
    """Up to ``limit`` bytes; True when there was more."""
    data = fh.read(limit + 1)
    return data[:limit], len(data) > limit


def open_regular(path: Path) -> IO[bytes]:
    """``path`` opened for reading; OSError unless it is a regular file (opened without
    blocking, so a FIFO cannot hang the run)."""
    fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
    try:
        mode = os.fstat(fd).st_mode
        if not stat.S_ISREG(mode):
            kind = "a FIFO" if stat.S_ISFIFO(mode) else "a device" if stat.S_ISCHR(mode) or stat.S_ISBLK(mode) \
                else "a socket" if stat.S_ISSOCK(mode) else "a directory" if stat.S_ISDIR(mode) else "special"
            raise OSError(f"not a regular file ({kind})")
        os.set_blocking(fd, True)
        return os.fdopen(fd, "rb")
    except BaseException:
        os.close(fd)
        raise


def _read_txt(path: Path, max_chars: int = DEFAULT_MAX_CHARS) -> Item:
    name = path.name[:-7] if path.name.endswith(".txt.gz") else path.stem
    item = Item(source=str(path), name=file_name(name))
    limit = 4 * max_chars + 4  # UTF-8 takes at most 4 bytes a character (UTF-32: 4 + BOM)
    try:
        with open_regular(path) as raw:
            if path.suffix == ".gz":
                with gzip.GzipFile(fileobj=raw, mode="rb") as fh:
                    data, more = _read_bytes(fh, limit)
            else:
                size = os.fstat(raw.fileno()).st_size
                if size > limit:
                    item.error = too_big(size, max_chars)
                    return item
                data, more = _read_bytes(raw, limit)
    except (OSError, EOFError, gzip.BadGzipFile) as exc:
        item.error = f"unreadable: {exc}"
        return item
    if more:
        item.error = too_big(len(data), max_chars)
        return item
    item.text, item.error = decode(data)
    return _finish(item, max_chars)


def _skip_line(fh: IO[bytes]) -> None:
    while True:
        chunk = fh.readline(1 << 20)
        if not chunk or chunk.endswith(b"\n"):
            return


def _int(digits: str) -> int | str:
    return int(digits) if len(digits) <= MAX_INT_DIGITS else digits


def parse_line(line: bytes) -> tuple[Any, str | None]:
    """(object, None) or (None, reason) for one JSONL line."""
    try:
        return json.loads(line.decode("utf-8"), parse_int=_int), None
    except UnicodeDecodeError as exc:
        return None, f"undecodable JSON line: not valid UTF-8 (offset {exc.start})"
    except RecursionError:
        return None, "bad JSON line: nested too deeply"
    except ValueError as exc:  # JSONDecodeError, and any number Python refuses
        return None, f"bad JSON line: {str(exc)[:300]}"


def _item_of(obj: Any, src: str, fallback: str, max_chars: int) -> Item:
    if not isinstance(obj, dict):
        return Item(source=src, name=fallback, error=f"JSON line is a {type(obj).__name__}, not an object")
    ident = obj.get("id")
    name = safe_name(str(ident)) if ident not in (None, "") and not isinstance(ident, (dict, list)) else fallback
    text = obj.get("text")
    if text is None:
        return Item(source=src, name=name, error="JSON line has no 'text'")
    if not isinstance(text, str):
        return Item(source=src, name=name, error=f"JSON line's 'text' is a {type(text).__name__}, not a string")
    meta = {k: obj[k] for k in ("url", "date", "title") if isinstance(obj.get(k), str)}
    return _finish(Item(source=src, name=name, text=text, meta=meta), max_chars)


def _jsonl_items(fh: IO[bytes], label: str, stem: str, max_chars: int, first: bytes = b"",
                 skipped_lines: int = 0) -> Iterator[Item]:
    limit = 6 * max_chars + 65536  # a \uXXXX escape takes 6 bytes a character
    n = skipped_lines
    pending = first
    seen = False
    while True:
        line = pending if pending.endswith(b"\n") else pending + fh.readline(limit - len(pending) + 1)
        pending = b""
        if not line:
            break
        n += 1
        src, fallback = f"{label}:{n}", safe_name(f"{stem}-{n}")
        if len(line) > limit and not line.endswith(b"\n"):
            _skip_line(fh)
            seen = True
            yield Item(source=src, name=fallback, error=f"too large: JSON line over {limit:,} bytes "
                                                        f"(--max-chars {max_chars:,})")
            continue
        if not line.strip():
            continue
        seen = True
        obj, why = parse_line(line)
        yield Item(source=src, name=fallback, error=why) if why else _item_of(obj, src, fallback, max_chars)
    if not seen:
        yield Item(source=label, name=safe_name(stem), error="no article: the JSONL has no line")


def _read_jsonl(path: Path, max_chars: int = DEFAULT_MAX_CHARS) -> Iterator[Item]:
    stem = path.name[: -len(".jsonl.gz")] if path.name.endswith(".jsonl.gz") else path.stem
    try:
        raw = open_regular(path)
    except OSError as exc:
        yield Item(source=str(path), name=safe_name(stem), error=f"unreadable: {exc}")
        return
    with raw:
        fh: IO[bytes] = gzip.GzipFile(fileobj=raw, mode="rb") if path.name.endswith(".gz") else raw
        try:
            yield from _jsonl_items(fh, str(path), stem, max_chars)
        except (OSError, EOFError, gzip.BadGzipFile) as exc:
            yield Item(source=f"{path}", name=safe_name(f"{stem}-rest"),
                       error=f"unreadable (stopped reading this file): {exc}")


def _read_stdin(max_chars: int, stream: IO[bytes] | None = None) -> Iterator[Item]:
    fh = stream if stream is not None else sys.stdin.buffer
    limit = 4 * max_chars + 4
    first = b""
    lead: list[bytes] = []
    while sum(map(len, lead)) <= limit:  # look past leading blank lines at the first byte (kept for plain text)
        line = fh.readline(1 << 16)
        if not line:
            break
        if line.strip():
            first = line
            break
        lead.append(line)
    if first.lstrip().startswith(b"{"):
        yield from _jsonl_items(fh, "<stdin>", "stdin", max_chars, first=first, skipped_lines=len(lead))
        return
    first = b"".join(lead) + first
    rest, more = _read_bytes(fh, max(0, limit - len(first)))
    item = Item(source="<stdin>", name="stdin")
    if more or len(first) > limit:
        item.error = too_big(len(first) + len(rest), max_chars) + " (the rest of standard input was not read)"
        yield item
        return
    item.text, item.error = decode(first + rest)
    yield _finish(item, max_chars)


def _read_path(path: Path, max_chars: int) -> Iterator[Item]:
    if is_jsonl(path):
        yield from _read_jsonl(path, max_chars)
    else:
        yield _read_txt(path, max_chars)


def _guarded(items: Iterator[Item], source: str) -> Iterator[Item]:
    """``items``, but an unexpected exception ends them with an error record instead of the run."""
    try:
        yield from items
    except Exception as exc:  # noqa: BLE001 - no input stops a batch
        yield Item(source=source, name=safe_name(Path(source).stem),
                   error=f"unreadable (stopped reading this input): {type(exc).__name__}: {str(exc)[:300]}")


def _read_arg(p: str, max_chars: int) -> Iterator[Item]:
    for path, why in expand(p):
        if why:
            yield Item(source=path, name=safe_name(Path(path).stem), error=why)
        else:
            yield from _read_path(Path(path), max_chars)


def iter_inputs(paths: Iterable[str], max_chars: int = DEFAULT_MAX_CHARS,
                stdin: IO[bytes] | None = None) -> Iterator[Item]:
    """Every article in ``paths``, lazily, in order (see the package doc)."""
    for p in paths:
        if p == "-":
            yield from _guarded(_read_stdin(max_chars, stdin), "<stdin>")
        else:
            yield from _guarded(_read_arg(p, max_chars), p)
