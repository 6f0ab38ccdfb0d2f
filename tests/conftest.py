from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
GOLD = SEEDS / "gold"
OUTPUTS = ROOT / "outputs"
SEED_DOCS = ("000_27a17f53cc120f14", "002_35e965b3a4edabc5")


@pytest.fixture(scope="session")
def fresh_outputs(tmp_path_factory) -> Path:
    """The pipeline run over seeds/ once per session, as `vnextract run seeds` does."""
    import os

    from pipeline.batch import iter_inputs, run_simple

    out = tmp_path_factory.mktemp("outputs")
    cwd = os.getcwd()
    os.chdir(ROOT)
    try:
        run_simple(iter_inputs(["seeds"]), out)
    finally:
        os.chdir(cwd)
    return out


@pytest.fixture(scope="session")
def facts_of():
    """Run the pipeline on one Vietnamese text; the facts of one type as JSON dicts."""
    from pipeline.api import extract

    def run(text: str, ftype: str, meta: dict | None = None) -> list[dict]:
        art = extract(text, meta=meta)
        return [f.model_dump(mode="json") for f in art.facts if f.type == ftype]

    return run
