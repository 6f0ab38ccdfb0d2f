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
    "organizations": 1.0,
    "positions": 0.95,
    "quantities": 0.95,
}
# micro F1 floors over the first twelve gold articles (issues 3 and 4)
FIRST12_PINS = {
    "persons": 0.98,
    "organizations": 0.95,
    "positions": 0.82,
    "positions_person_title": 0.94,
    "quantities": 0.95,
}

# micro F1 floors over all 32 dev gold articles (issue 10: the twelve above and
# twenty more, read here for the first time when these pins were set)
ALL_PINS = {
    "persons": 0.97,
    "organizations": 0.89,
    "positions": 0.82,
    "positions_person_title": 0.92,
    "quantities": 0.95,
}
# micro F1 floors of the section-5 facts (issue 11) over the twelve articles whose
# gold carries them (the two seeds and the ten first corpus articles)
SECTION5_PINS = {
    "statements": 0.92,
    "documents": 0.90,
    "documents_strict": 0.82,
    "events": 0.89,
    "awards": 0.94,
}
# ... and on the two seed articles every item of their gold is reproduced
SEED_SECTION5_RECALL = ("statements", "documents", "events", "awards")
FIRST12 = SEED_DOCS + (
    "news_business_149", "news_education_010", "news_education_249", "news_society_018",
    "news_society_022", "news_society_044", "news_society_093", "news_society_245",
    "news_society_268", "news_world_082",
)


# micro F1 floors over seeds/extra: twenty articles of ten sections annotated
# here (issue 10), the sections the dev gold lacks
EXTRA = GOLD.parent / "extra"
EXTRA_PINS = {
    "persons": 0.94,
    "organizations": 0.91,
    "positions": 0.73,
    "positions_person_title": 0.84,
    "quantities": 0.96,
    # section 5 (issues 10/11): statements 0.60 -> 0.838, events 0.36 -> 0.40 with the mechanisms
    # of tests/facts/test_statements.py (described speakers, appositions, outlets, colon quotations)
    "statements": 0.83,
    "events": 0.39,  # 4 of 11 both ways (0.3999...)
}


@pytest.fixture(scope="module")
def extra_outputs(tmp_path_factory):
    from pipeline.batch import iter_inputs, run_simple

    out = tmp_path_factory.mktemp("extra_outputs")
    run_simple(iter_inputs([str(EXTRA)]), out)
    return out


@pytest.mark.parametrize("metric", sorted(EXTRA_PINS))
def test_extra_articles_of_every_section(metric, extra_outputs):
    report = score_dirs(EXTRA / "gold", extra_outputs)
    f1 = report.micro[metric].f1
    assert f1 >= EXTRA_PINS[metric], f"{metric}: F1 {f1:.3f} < pin {EXTRA_PINS[metric]}\n{report.format_table()}"


def _gold_subset(tmp_path_factory, name, stems):
    d = tmp_path_factory.mktemp(name)
    for stem in stems:
        shutil.copy(GOLD / f"{stem}.json", d)
    return d


@pytest.fixture(scope="module")
def first12_gold(tmp_path_factory):
    return _gold_subset(tmp_path_factory, "first12", FIRST12)


@pytest.fixture(scope="module")
def seed_gold(tmp_path_factory):
    return _gold_subset(tmp_path_factory, "seedgold", SEED_DOCS)


@pytest.mark.parametrize("metric", sorted(SEED_PINS))
def test_seed_articles(metric, seed_gold, fresh_outputs):
    report = score_dirs(seed_gold, fresh_outputs)
    f1 = report.micro[metric].f1
    assert f1 >= SEED_PINS[metric], f"{metric}: F1 {f1:.3f} < pin {SEED_PINS[metric]}\n{report.format_table()}"


@pytest.mark.parametrize("metric", sorted(FIRST12_PINS))
def test_first_twelve_articles(metric, first12_gold, fresh_outputs):
    report = score_dirs(first12_gold, fresh_outputs)
    f1 = report.micro[metric].f1
    assert f1 >= FIRST12_PINS[metric], f"{metric}: F1 {f1:.3f} < pin {FIRST12_PINS[metric]}\n{report.format_table()}"


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


@pytest.mark.parametrize("metric", sorted(SECTION5_PINS))
def test_section5_facts_on_the_first_twelve(metric, first12_gold, fresh_outputs):
    report = score_dirs(first12_gold, fresh_outputs)
    assert report.scored(metric) == len(FIRST12)
    f1 = report.micro[metric].f1
    assert f1 >= SECTION5_PINS[metric], f"{metric}: F1 {f1:.3f} < pin {SECTION5_PINS[metric]}\n{report.format_table()}"


@pytest.mark.parametrize("metric", SEED_SECTION5_RECALL)
def test_seed_articles_reproduce_every_section5_item(metric, seed_gold, fresh_outputs):
    report = score_dirs(seed_gold, fresh_outputs)
    c = report.micro[metric]
    assert c.n_gold > 0
    assert c.tp == c.n_gold, report.misses(metric)
