"""``vnextract``: run the pipeline, score it, print its schema."""
from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import List, NoReturn, Optional

import typer

app = typer.Typer(add_completion=False, no_args_is_help=True,
                  help="Vietnamese press-article extraction: entities, positions and quantities as validated JSON.")


def _version(value: bool) -> None:
    if value:
        from importlib.metadata import PackageNotFoundError, version

        try:
            v = version("vnextract")
        except PackageNotFoundError:  # pragma: no cover - run from a source tree
            v = "unknown"
        typer.echo(f"vnextract {v}")
        raise typer.Exit(0)


@app.callback()
def _main(version: bool = typer.Option(False, "--version", callback=_version, is_eager=True,
                                       help="print the version and exit")) -> None:
    """Vietnamese press-article extraction: entities, positions and quantities as validated JSON."""


_RUN_HELP = (
    "Extract every article in PATHS: one OUT/<name>.json per article, or one JSONL with --jsonl.\n\n"
    "PATHS are .txt files, directories (their .txt, .jsonl, .jsonl.gz files), globs, .jsonl / .jsonl.gz files "
    "of objects with id and text (optional url, date, title), or - for standard input (JSONL when it starts "
    "with '{', else one plain-text article).\n\n"
    "Bad input never stops the run: each becomes a record {source, reason} in the errors JSONL. A rerun skips "
    "articles whose output already holds the same doc_id (--force redoes them). The summary "
    "'ok N, failed N, skipped N' goes to stderr. See docs/batch.md.\n\n"
    "Each article runs in a worker process with a time and a memory limit (--timeout, --max-rss): an article "
    "that passes one fails with that reason and the run goes on.\n\n"
    "Exit code: 0 when every article was written or skipped, 1 when any failed or there was no input, 2 on a "
    "usage error (bad --store, unreachable --dask, --jsonl locked by another run), 128+N when signal N "
    "(SIGINT, SIGTERM, SIGHUP) stopped the run."
)


@app.command(help=_RUN_HELP)
def run(
    paths: List[str] = typer.Argument(..., help="inputs: .txt, directory, glob, .jsonl, .jsonl.gz, or - (stdin)"),
    out: Path = typer.Option(Path("outputs"), "--out", "-o", help="directory for <stem or id>.json"),
    jsonl: Optional[Path] = typer.Option(None, "--jsonl", help="write one JSONL FILE (input order, appended on "
                                         "resume) instead of one JSON per article"),
    errors: Optional[Path] = typer.Option(None, "--errors", help="errors JSONL (default: OUT/errors.jsonl, or "
                                          "<FILE stem>.errors.jsonl beside --jsonl FILE)"),
    workers: Optional[int] = typer.Option(None, "--workers", "-j", min=1, help="worker processes, each loading "
                                          "the models once (default: 1; 2 with --dask local)"),
    force: bool = typer.Option(False, "--force", help="redo articles already written"),
    max_chars: int = typer.Option(1_000_000, "--max-chars", min=1, help="longer articles fail as 'too large'"),
    timeout: float = typer.Option(120.0, "--timeout", min=1.0, help="seconds a worker may spend on one article"),
    max_rss: int = typer.Option(480, "--max-rss", min=300, help="MB of resident memory a worker may reach on "
                                "one article (it is ended at this + 80)"),
    store: Optional[str] = typer.Option(None, "--store", help="also write to a database: duckdb:PATH, or "
                                        "postgresql:// followed by USER@HOST:PORT/DB; upserts keyed by doc_id"),
    dask: Optional[str] = typer.Option(None, "--dask", help="run on a Dask cluster: tcp:// followed by "
                                       "SCHEDULER:8786, or 'local' for a LocalCluster of --workers processes"),
    progress: Optional[bool] = typer.Option(None, "--progress/--no-progress", help="progress bar on stderr "
                                            "(default: only when stderr is a terminal)"),
) -> None:
    from .batch import Busy, Limits, iter_inputs, run_batch

    db = _open_store(store)
    executor = None
    if dask is not None:
        try:
            from .distributed import DaskExecutor

            executor = DaskExecutor(dask, workers=workers)
        except Exception as exc:  # noqa: BLE001
            _usage_error(f"--dask {dask}: {type(exc).__name__}: {exc}", db)
    limits = Limits(seconds=timeout, rss_mb=max_rss, hard_rss_mb=max_rss + 80)
    try:
        summary = run_batch(iter_inputs(paths, max_chars=max_chars), out, jsonl=jsonl, errors=errors,
                            workers=workers or 1, force=force, store=db, executor=executor, limits=limits,
                            progress=progress, paths_for_count=paths, echo=lambda s: typer.echo(s, err=True))
    except Busy as exc:
        _usage_error(str(exc), None)
    except KeyboardInterrupt as exc:  # SIGINT, SIGTERM, SIGHUP: the summary is printed already
        summary = getattr(exc, "summary", None)
        raise typer.Exit(summary.exit_code if summary is not None else 130)
    finally:
        if executor is not None:
            executor.close()
        if db is not None:
            db.close()
    raise typer.Exit(summary.exit_code)


def _usage_error(message: str, db: object | None) -> NoReturn:
    typer.echo(f"error: {message}", err=True)
    if db is not None:
        db.close()  # type: ignore[attr-defined]
    raise typer.Exit(2)


def _open_store(store: Optional[str]):  # type: ignore[no-untyped-def]
    if store is None:
        return None
    from .stores import open_store

    try:
        return open_store(store)
    except Exception as exc:  # noqa: BLE001 - a bad store is a usage error
        _usage_error(f"--store {store}: {type(exc).__name__}: {exc}", None)


@app.command("eval")
def eval_(
    gold: Path = typer.Option(..., "--gold", help="directory of gold JSON (CONTRACT section 2)"),
    pred: Path = typer.Option(..., "--pred", help="directory of the pipeline's JSON"),
    min_: List[str] = typer.Option([], "--min", help="METRIC=F1 bound on micro F1; exit 1 when one fails"),
    json_out: Optional[Path] = typer.Option(None, "--json", help="also write the scores as JSON"),
    verbose: bool = typer.Option(False, "--verbose", "-v", help="list misses and spurious items per article"),
) -> None:
    """Score predictions against gold, as CONTRACT section 4 says."""
    from .scoring import run_eval

    for label, d in (("--gold", gold), ("--pred", pred)):
        if not d.is_dir():
            _usage_error(f"{label} {d}: no such directory", None)
    if not any(pred.glob("*.json")):
        _usage_error(f"--pred {pred}: no output JSON in this directory (run `vnextract run ... --out {pred}`)", None)
    mins: dict[str, float] = {}
    for item in min_:
        name, sep, val = item.partition("=")
        if not sep:
            raise typer.BadParameter(f"--min takes METRIC=F1, not {item!r}")
        mins[name.strip()] = float(val)
    try:
        code = run_eval(str(gold), str(pred), mins, json_out=str(json_out) if json_out else None,
                        verbose=verbose, echo=typer.echo)
    except ValueError as exc:
        typer.echo(f"error: {exc}", err=True)
        raise typer.Exit(2)
    raise typer.Exit(code)


@app.command()
def schema() -> None:
    """Print the output's JSON Schema."""
    from .output import json_schema

    typer.echo(json.dumps(json_schema(), ensure_ascii=False, indent=2))


@app.command()
def show(
    path: Path = typer.Argument(..., help="an article (.txt) or an output JSON (.json)"),
    html_out: Optional[Path] = typer.Option(None, "--html", help="page to write (default: ./<stem>.html)"),
    text: Optional[Path] = typer.Option(None, "--text", help="for an output JSON: the article text file (default: its `source`)"),
) -> None:
    """Write a static HTML page: the article with its entities highlighted, a legend, and the facts."""
    from .html import TextNotFound, find_text, load_output, read_text, render_article

    if not path.is_file():
        typer.echo(f"error: no such file: {path}", err=True)
        raise typer.Exit(2)
    out = html_out or Path(f"{path.stem}.html")
    if path.suffix.lower() == ".json":
        try:
            article = load_output(path)
        except ValueError as exc:
            typer.echo(f"error: {exc}", err=True)
            raise typer.Exit(2)
        try:
            body, _ = find_text(article, path, explicit=text)
        except TextNotFound as exc:
            typer.echo(f"error: article text for {path} not found: {exc}\n"
                       "give it with --text FILE", err=True)
            raise typer.Exit(2)
    else:
        from .api import extract
        from .batch import check_text

        try:
            body = read_text(path)
        except (OSError, UnicodeDecodeError) as exc:
            typer.echo(f"error: cannot read {path}: {exc}", err=True)
            raise typer.Exit(2)
        why = check_text(body)
        if why:
            typer.echo(f"error: {path}: {why}", err=True)
            raise typer.Exit(1)
        article = extract(body, source=str(path))
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(render_article(article, body), encoding="utf-8")
    typer.echo(f"wrote {out}")


@app.command()
def report(
    out_dir: Path = typer.Argument(..., help="a directory of output JSON, or the JSONL file of `vnextract run --jsonl`"),
    html_out: Optional[Path] = typer.Option(None, "--html", help="overview page to write (default: OUT_DIR/index.html); "
                                            "article pages go to articles/<stem>.html beside it"),
    top: int = typer.Option(15, "--top", help="how many persons and organizations to list"),
    root: List[Path] = typer.Option([], "--root", help="another directory to resolve article `source` paths against"),
) -> None:
    """Write a static batch overview (counts, top persons/organizations, failures) and one page per article."""
    from .html import write_report

    jsonl = out_dir.is_file() and out_dir.name.endswith(".jsonl")
    if not out_dir.is_dir() and not jsonl:
        typer.echo(f"error: no such directory or JSONL file: {out_dir}", err=True)
        raise typer.Exit(2)
    index = html_out or (out_dir.parent / f"{out_dir.name[:-len('.jsonl')]}.html" if jsonl else out_dir / "index.html")
    rep = write_report(out_dir, index, top=top, roots=root)
    missing = sum(1 for a in rep.articles if not a.has_text)
    typer.echo(f"wrote {index}: {len(rep.articles)} article pages in {index.parent / 'articles'}, "
               f"{len(rep.failed)} failed" + (f", {missing} without text (their `source` was not found: see --root)" if missing else "")
               + (f", {len(rep.skipped)} files skipped" if rep.skipped else ""))


def main() -> None:
    app(prog_name="vnextract")


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
