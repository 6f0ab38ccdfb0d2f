"""Re-running the pipeline on seeds/ reproduces the committed outputs/ exactly."""
import pytest

from conftest import OUTPUTS, SEEDS


def _stems():
    return sorted(p.stem for p in SEEDS.glob("*.txt"))


def test_every_seed_has_a_committed_output():
    assert _stems(), "no seed articles"
    missing = [s for s in _stems() if not (OUTPUTS / f"{s}.json").is_file()]
    assert not missing, f"outputs/ lacks {missing}: run `make run` and commit"


@pytest.mark.parametrize("stem", _stems())
def test_output_is_reproduced(stem, fresh_outputs):
    got = (fresh_outputs / f"{stem}.json").read_text(encoding="utf-8")
    want = (OUTPUTS / f"{stem}.json").read_text(encoding="utf-8")
    assert got == want, f"outputs/{stem}.json differs from a fresh run: run `make run` and review the diff"


@pytest.mark.parametrize("stem", _stems())
def test_committed_output_validates_against_its_article(stem):
    import json

    from pipeline.output import validate

    text = (SEEDS / f"{stem}.txt").read_text(encoding="utf-8")
    validate(json.loads((OUTPUTS / f"{stem}.json").read_text(encoding="utf-8")), text)
