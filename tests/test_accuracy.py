"""Accuracy regression: `vnextract eval` on the gold with pinned thresholds.

The pins are a ratchet: raise them when the pipeline improves, never lower them.
"""
import shutil

import pytest

from conftest import GOLD, SEED_DOCS
from pipeline.scoring import score_dirs

# micro F1 floors over the two seed articles (issue 2)
SEED_PINS = {
    "persons": 1.0,
    "organizations": 0.90,
    "positions": 0.95,
    "quantities": 0.95,
}
# micro F1 floors over all twelve gold articles (issues 3 and 4)
ALL_PINS = {
    "persons": 0.98,
    "organizations": 0.89,
    "positions": 0.83,
    "positions_person_title": 0.94,
    "quantities": 0.95,
}


@pytest.fixture(scope="module")
def seed_gold(tmp_path_factory):
    d = tmp_path_factory.mktemp("seedgold")
    for stem in SEED_DOCS:
        shutil.copy(GOLD / f"{stem}.json", d)
    return d


@pytest.mark.parametrize("metric", sorted(SEED_PINS))
def test_seed_articles(metric, seed_gold, fresh_outputs):
    report = score_dirs(seed_gold, fresh_outputs)
    f1 = report.micro[metric].f1
    assert f1 >= SEED_PINS[metric], f"{metric}: F1 {f1:.3f} < pin {SEED_PINS[metric]}\n{report.format_table()}"


@pytest.mark.parametrize("metric", sorted(ALL_PINS))
def test_all_gold_articles(metric, fresh_outputs):
    report = score_dirs(GOLD, fresh_outputs)
    f1 = report.micro[metric].f1
    assert f1 >= ALL_PINS[metric], f"{metric}: F1 {f1:.3f} < pin {ALL_PINS[metric]}\n{report.format_table()}"


def test_eval_command_exit_code_follows_the_bounds(fresh_outputs):
    from typer.testing import CliRunner

    from pipeline.cli import app

    runner = CliRunner()
    ok = runner.invoke(app, ["eval", "--gold", str(GOLD), "--pred", str(fresh_outputs), "--min", "persons=0.0"])
    assert ok.exit_code == 0, ok.output
    assert "persons" in ok.output
    bad = runner.invoke(app, ["eval", "--gold", str(GOLD), "--pred", str(fresh_outputs), "--min", "persons=1.01"])
    assert bad.exit_code == 1
