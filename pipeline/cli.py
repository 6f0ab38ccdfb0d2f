"""``vnextract``: run the pipeline, score it, print its schema."""
from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import List, Optional

import typer

app = typer.Typer(add_completion=False, no_args_is_help=True,
                  help="Vietnamese press-article extraction: entities, positions and quantities as validated JSON.")


@app.command()
def run(
    paths: List[str] = typer.Argument(..., help=".txt files, directories of .txt, .jsonl files (id, text)"),
    out: Path = typer.Option(Path("outputs"), "--out", "-o", help="directory for <stem or id>.json"),
) -> None:
    """Extract every article in PATHS into OUT/<name>.json."""
    from .batch import iter_inputs, run_simple

    code = run_simple(iter_inputs(paths), out)
    raise typer.Exit(code)


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


def main() -> None:
    app(prog_name="vnextract")


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
