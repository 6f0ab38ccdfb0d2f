"""What the pages are made from: output JSON objects, and the article text their
offsets index, found and checked.

An output JSON is not trusted to choose what is read: a text found through the
output's own ``source`` is shown only when its sha256 is the output's
``doc_id`` (and its length and every mention's surface match). Only regular
files are opened, never a FIFO or a device, and never more than the text can take.
"""
from __future__ import annotations

import gzip
import json
import re
from pathlib import Path
from typing import Any, Mapping, Sequence

class TextNotFound(Exception):
    """The article text for an output object could not be found (or does not match it)."""


def article_dict(article: Any) -> dict[str, Any]:
    """A plain dict for an :class:`~pipeline.output.Article` or an already loaded JSON object."""
    if hasattr(article, "model_dump"):
        return article.model_dump(mode="json", exclude_none=True)
    if isinstance(article, Mapping):
        return dict(article)
    raise TypeError(f"not an article: {type(article).__name__}")


def is_article(obj: Any) -> bool:
    """Loose check (outputs may carry more fields than this version knows)."""
    return (isinstance(obj, dict) and isinstance(obj.get("entities"), list)
            and isinstance(obj.get("facts"), list) and ("doc_id" in obj or "source" in obj))


def load_output(path: Path) -> dict[str, Any]:
    """An output JSON; ``ValueError`` when the file is not one."""
    try:
        obj = json.loads(Path(path).read_text(encoding="utf-8-sig"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise ValueError(f"cannot read {path}: {exc}") from exc
    if not is_article(obj):
        raise ValueError(f"{path} is not an article output (no entities/facts lists)")
    return obj


MAX_SOURCE_CHARS = 1_000_000   # vnextract run's default --max-chars


def read_text(path: Path, max_chars: int = MAX_SOURCE_CHARS) -> str:
    """An article file decoded exactly as ``vnextract run`` decodes it (offsets index this).
    Only a regular file is opened (never a FIFO or a device), and at most what ``max_chars``
    characters can take is read (``ValueError`` beyond)."""
    from ..batch import open_regular

    limit = 4 * max_chars + 4
    with open_regular(Path(path)) as fh:
        data = fh.read(limit + 1)
    if len(data) > limit:
        raise ValueError(f"{path} is larger than {max_chars:,} characters can take")
    return data.decode("utf-8-sig")


_JSONL_SOURCE = re.compile(r"^(?P<path>.+\.jsonl(?:\.gz)?):(?P<line>\d+)$")


def _read_source(path: Path, line: int | None, max_chars: int = MAX_SOURCE_CHARS) -> str:
    if line is None:
        return read_text(path, max_chars)
    from ..batch import open_regular, parse_line

    limit = 6 * max_chars + 65536
    with open_regular(path) as raw:
        fh = gzip.GzipFile(fileobj=raw, mode="rb") if path.name.endswith(".gz") else raw
        for n in range(1, line + 1):
            data = fh.readline(limit + 1)
            if not data:
                break
            if len(data) > limit and not data.endswith(b"\n"):
                raise ValueError(f"line {n} of {path} is too long")
            if n == line:
                obj, why = parse_line(data)
                if why or not isinstance(obj, dict) or not isinstance(obj.get("text"), str):
                    raise ValueError(f"line {line} of {path} has no 'text'")
                return obj["text"]
    raise ValueError(f"{path} has no line {line}")


def _not_its_source(article: Mapping[str, Any], text: str) -> str | None:
    """Why a text found through the output's own ``source`` is not shown: its sha256 must be the
    output's ``doc_id``.  An output JSON is not trusted to name a file to read (``/etc/passwd``):
    a text is shown only when the output proves it knows it already."""
    from ..ids import make_doc_id

    did = article.get("doc_id")
    if not isinstance(did, str) or not did:
        return "the output has no doc_id to check the text against"
    if make_doc_id(text) != did:
        return "its sha256 is not the output's doc_id"
    return None


def text_mismatch(article: Mapping[str, Any], text: str) -> str | None:
    """Why ``text`` is not the text this output was extracted from, or None."""
    length = article.get("length")
    if isinstance(length, int) and length != len(text):
        return f"its length is {len(text)}, the output says {length}"
    for e in article.get("entities") or []:
        for m in e.get("mentions") or []:
            s, t = m.get("start"), m.get("end")
            if not isinstance(s, int) or not isinstance(t, int) or not 0 <= s <= t <= len(text):
                return f"mention {s}:{t} of {e.get('id')} lies outside it"
            if "text" in m and text[s:t] != m["text"]:
                return f"text[{s}:{t}] is {text[s:t]!r}, the output says {m['text']!r}"
    return None


def find_text(article: Mapping[str, Any], json_path: Path | None = None, explicit: Path | None = None,
              roots: Sequence[Path] = ()) -> tuple[str, Path]:
    """The article text for an output object, and where it was found.

    ``explicit`` (``--text``) wins. Otherwise ``source`` is tried as given
    (relative to the cwd), then relative to each of ``roots``, the JSON's
    directory and that directory's parents. A ``file.jsonl:N`` source reads
    line N's ``text`` (``.jsonl.gz`` too). The text must match the output (length and every
    mention's surface) and, unless it is ``explicit``, hash to the output's ``doc_id``: the JSON
    is not trusted to choose what is read. Otherwise :class:`TextNotFound` says why.
    """
    candidates: list[tuple[Path, int | None]] = (
        [(Path(explicit), None)] if explicit is not None else _candidates(article, json_path, roots))
    tried: list[str] = []
    problems: list[str] = []
    for path, line in candidates:
        tried.append(str(path) + (f":{line}" if line else ""))
        if not path.is_file():
            continue
        try:
            length = article.get("length")
            text = _read_source(path, line, length if isinstance(length, int) and 0 <= length else MAX_SOURCE_CHARS)
        except (OSError, EOFError, UnicodeDecodeError, ValueError) as exc:
            problems.append(f"{path}: {exc}")
            continue
        why = text_mismatch(article, text) or (None if explicit is not None else _not_its_source(article, text))
        if why is None:
            return text, path
        problems.append(f"{path} does not match the output ({why})")
    if problems:
        raise TextNotFound("; ".join(problems))
    raise TextNotFound("article text not found; tried " + ", ".join(tried))


def _candidates(article: Mapping[str, Any], json_path: Path | None,
                roots: Sequence[Path]) -> list[tuple[Path, int | None]]:
    """Where the output's ``source`` may be: (path, JSONL line or None), each place once."""
    source = str(article.get("source") or "")
    if not source or source.startswith("<"):
        raise TextNotFound(f"the output names no source file ({source or 'empty'!r})")
    line: int | None = None
    m = _JSONL_SOURCE.match(source)
    if m and not Path(source).exists():
        source, line = m.group("path"), int(m.group("line"))
    src = Path(source)
    if src.is_absolute():
        return [(src, line)]
    bases: list[Path] = [Path.cwd(), *map(Path, roots)]
    if json_path is not None:
        jdir = Path(json_path).resolve().parent
        bases += [jdir, *list(jdir.parents)[:3]]
    out: list[tuple[Path, int | None]] = []
    seen: set[Path] = set()
    for b in bases:
        p = b / src
        if p.resolve() not in seen:
            seen.add(p.resolve())
            out.append((p, line))
    return out
