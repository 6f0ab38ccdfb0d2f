"""From the PATHS of the command line to the files to read, without ever stopping.

A directory is listed (not recursively), a glob is expanded by our own walker:
``**`` never descends into a symbolic link to a directory (so ``a -> .``
loops cannot hang it), a directory that cannot be listed is reported and
skipped, and every stat that fails (a symlink loop, a permission) becomes a
reason.  Each path gives ``(path, None)`` for a file to read or
``(source, reason)`` for an error record.
"""
from __future__ import annotations

import fnmatch
import gzip
import os
import re
import stat
from pathlib import Path
from typing import Iterable, Iterator

SUFFIXES = (".txt", ".jsonl", ".jsonl.gz")
_GLOB_CHARS = re.compile(r"[*?\[]")

Entry = tuple[str, "str | None"]   # (path, None) a file to read; (source, reason) an error record


def is_glob(p: str) -> bool:
    return bool(_GLOB_CHARS.search(p))


def _stat(path: str, follow: bool = True) -> tuple[os.stat_result | None, str | None]:
    try:
        return os.stat(path, follow_symlinks=follow), None
    except FileNotFoundError:
        return None, None
    except OSError as exc:
        return None, f"unreadable: {exc.strerror or exc} ({path})"


def _listdir(path: str) -> tuple[list[os.DirEntry[str]], str | None]:
    try:
        with os.scandir(path) as it:
            return sorted(it, key=lambda e: e.name), None
    except OSError as exc:
        return [], f"unreadable directory: {exc.strerror or exc}"


def _directory(path: str) -> Iterator[Entry]:
    entries, why = _listdir(path)
    if why:
        yield path, why
        return
    found = False
    for e in entries:
        if not e.name.endswith(SUFFIXES):
            continue
        st, why = _stat(e.path)
        if why:
            found = True
            yield e.path, why
        elif st is not None and not stat.S_ISDIR(st.st_mode):
            found = True
            yield e.path, None  # a FIFO or a device is refused by the reader, with its reason
    if not found:
        yield path, f"no {', '.join(SUFFIXES)} file in this directory"


def _split_glob(pattern: str) -> tuple[str, list[str]]:
    parts = pattern.split(os.sep)
    k = next(i for i, part in enumerate(parts) if is_glob(part))
    root = os.sep.join(parts[:k]) or ("/" if pattern.startswith(os.sep) else ".")
    return root, [p for p in parts[k:] if p]


def _matches(name: str, part: str) -> bool:
    if name.startswith(".") and not part.startswith("."):
        return False  # as glob: '*' does not match hidden names
    return fnmatch.fnmatchcase(name, part)


def _walk(root: str, parts: list[str], found: set[str], errors: list[Entry]) -> None:
    part, rest = parts[0], parts[1:]
    if part == "**":
        if rest:
            _walk(root, rest, found, errors)
        else:
            found.update(e.path for e in _listdir(root)[0] if not e.name.startswith("."))
    entries, why = _listdir(root)
    if why:
        errors.append((root, why))
        return
    for e in entries:
        if part == "**":
            if not e.name.startswith(".") and e.is_dir(follow_symlinks=False):
                _walk(e.path, parts, found, errors)
            continue
        if not _matches(e.name, part):
            continue
        if not rest:
            found.add(e.path)
        else:
            st, why = _stat(e.path)
            if why:
                errors.append((e.path, why))
            elif st is not None and stat.S_ISDIR(st.st_mode):
                _walk(e.path, rest, found, errors)


def _glob(pattern: str) -> Iterator[Entry]:
    root, parts = _split_glob(pattern)
    found: set[str] = set()
    errors: list[Entry] = []
    if parts:
        st, why = _stat(root)
        if why:
            errors.append((root, why))
        elif st is not None and stat.S_ISDIR(st.st_mode):
            _walk(root, parts, found, errors)
    if root == "." and not pattern.startswith("." + os.sep):
        found = {f[2:] if f.startswith("./") else f for f in found}
    files = 0
    for f in sorted(found):
        st, why = _stat(f)
        if why:
            errors.append((f, why))
        elif st is not None and stat.S_ISREG(st.st_mode):
            files += 1
            yield f, None
    yield from dict(errors).items()  # a directory listed twice (by '**' and by the next part) once
    if not files and not errors:
        yield pattern, "no file matches this pattern"


def expand(p: str) -> Iterator[Entry]:
    """The files one command-line PATH stands for (see the module doc)."""
    st, why = _stat(p)
    if why:
        yield p, why
    elif st is not None and stat.S_ISDIR(st.st_mode):
        yield from _directory(p)
    elif st is not None:
        yield p, None  # a regular file, or a FIFO/device the reader refuses with a reason
    elif is_glob(p):
        yield from _glob(p)
    else:
        lst, _ = _stat(p, follow=False)
        yield p, "broken symbolic link" if lst is not None else "no such file or directory"


def is_jsonl(path: Path) -> bool:
    return path.name.endswith((".jsonl", ".jsonl.gz"))


def _count_file(path: Path) -> int:
    if not is_jsonl(path):
        return 1
    try:
        if not stat.S_ISREG(os.stat(path).st_mode):
            return 1
        opener = gzip.open if path.name.endswith(".gz") else open
        with opener(path, "rb") as fh:  # type: ignore[operator]
            return sum(1 for line in fh if line.strip()) or 1
    except (OSError, EOFError):
        return 1


def count_inputs(paths: Iterable[str]) -> int | None:
    """How many items :func:`~pipeline.batch.iter_inputs` will yield (for the progress bar's ETA), or None (stdin)."""
    total = 0
    for p in paths:
        if p == "-":
            return None
        for path, why in expand(p):
            total += 1 if why else _count_file(Path(path))
    return total
