"""``vnextract report``: a directory of outputs (or the JSONL of ``vnextract run
--jsonl``) into an overview page (:mod:`.overview`) and one article page each.

Nothing is written outside the site folder: page names come from file names or
sources through :func:`pipeline.batch.safe_name` and are checked to stay in
the pages folder, whatever ``doc_id`` or ``source`` the JSON carries.
"""
from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any, Iterator, Sequence
from urllib.parse import quote

from .article import render_article
from .overview import ArticleEntry, Report, render_index, tally
from .sources import TextNotFound, find_text, is_article, load_output


def read_errors(path: Path) -> list[dict[str, Any]]:
    """The failure records of ``errors.jsonl`` (empty when the file is missing)."""
    if not path.is_file():
        return []
    out = []
    for n, line in enumerate(path.read_text(encoding="utf-8", errors="replace").splitlines(), 1):
        if not line.strip():
            continue
        try:
            obj = json.loads(line)
        except json.JSONDecodeError:
            obj = {"source": f"{path.name}:{n}", "reason": f"unreadable error record: {line[:200]}"}
        if not isinstance(obj, dict):
            obj = {"source": f"{path.name}:{n}", "reason": str(obj)}
        out.append(obj)
    return out



def write_report(out_dir: Path, index: Path, *, top: int = 15, roots: Sequence[Path] = (),
                 pages_dir: str = "articles") -> Report:
    """Write ``index`` and one page per output in ``out_dir`` to ``<index's dir>/<pages_dir>/<stem>.html``."""
    out_dir = Path(out_dir)
    if not out_dir.is_dir() and not (out_dir.is_file() and out_dir.name.endswith(".jsonl")):
        raise FileNotFoundError(f"no such directory or JSONL file: {out_dir}")
    index = Path(index)
    pdir = index.parent / pages_dir
    pdir.mkdir(parents=True, exist_ok=True)
    back = os.path.relpath(index, pdir)
    entries: list[ArticleEntry] = []
    skipped: list[tuple[str, str]] = []
    for stem, jp, a in _iter_outputs(out_dir, skipped):
        entry = _article_page(stem, jp, a, pdir, pages_dir, roots, back, skipped)
        if entry is not None:
            entries.append(entry)
    failed = read_errors(out_dir / "errors.jsonl" if out_dir.is_dir()
                         else out_dir.with_name(out_dir.name[: -len(".jsonl")] + ".errors.jsonl"))
    rep = Report(index, entries, failed, skipped)
    tally(rep, top)
    index.write_text(render_index(rep, out_dir), encoding="utf-8")
    return rep


def _article_page(stem: str, jp: Path, a: dict[str, Any], pdir: Path, pages_dir: str, roots: Sequence[Path],
                  back: str, skipped: list[tuple[str, str]]) -> ArticleEntry | None:
    """Write one article's page (inside ``pdir``); None, with a skipped entry, when it cannot be rendered."""
    try:
        text, _ = find_text(a, jp, roots=roots)
        note = None
    except TextNotFound as exc:
        text, note = None, str(exc)
    try:
        markup = render_article(a, text, text_note=note, back=(back, "batch overview"))
    except (TypeError, ValueError, AttributeError, KeyError) as exc:  # a malformed output object
        skipped.append((jp.name if jp.suffix == ".json" else stem, f"cannot render: {exc}"))
        return None
    _inside(pdir, f"{stem}.html").write_text(markup, encoding="utf-8")
    return ArticleEntry(stem, jp, f"{quote(pages_dir)}/{quote(stem)}.html", a, text is not None, note)


def _inside(folder: Path, name: str) -> Path:
    """``folder/name``, refused (``ValueError``) unless it lies inside ``folder``."""
    page = folder / name
    if Path(name).name != name or not page.resolve().is_relative_to(folder.resolve()):
        raise ValueError(f"page name {name!r} would leave {folder}")
    return page


def _page_stem(raw: str, seen: set[str], fallback: str) -> str:
    """A page stem that cannot name a path (``../../x`` -> ``x``) and is unique in the report."""
    from ..batch import safe_name

    stem = safe_name(raw) if raw else ""
    if not stem or stem in seen:
        stem = safe_name(fallback)
    k, base = 1, stem
    while stem in seen:
        k += 1
        stem = f"{base}~{k}"
    seen.add(stem)
    return stem


def _iter_outputs(out: Path, skipped: list[tuple[str, str]]) -> Iterator[tuple[str, Path, dict[str, Any]]]:
    """(page stem, file, article) for each output: the *.json of a directory, or
    each line of a ``vnextract run --jsonl`` file (named by its source or doc_id)."""
    seen: set[str] = set()
    if out.is_dir():
        for jp in sorted(out.glob("*.json")):
            try:
                a = load_output(jp)
            except ValueError as exc:
                skipped.append((jp.name, str(exc)))
                continue
            yield _page_stem(jp.stem, seen, f"{jp.stem}-{len(seen) + 1}"), jp, a
        return
    with out.open(encoding="utf-8") as fh:
        for n, line in enumerate(fh, 1):
            if not line.strip():
                continue
            try:
                a = json.loads(line)
            except json.JSONDecodeError as exc:
                skipped.append((f"{out.name}:{n}", f"not JSON: {exc}"))
                continue
            if not is_article(a):
                skipped.append((f"{out.name}:{n}", "not an article object"))
                continue
            stem = _page_stem(Path(str(a.get("source", "")).split(":")[0]).stem, seen, str(a.get("doc_id") or n))
            yield stem, out, a


