"""Helpers for the fact-type tables: run the pipeline on one Vietnamese text."""
import pytest


@pytest.fixture(scope="session")
def facts_of():
    from pipeline.api import extract

    def run(text: str, ftype: str, meta: dict | None = None) -> list[dict]:
        art = extract(text, meta=meta)
        return [f.model_dump(mode="json") for f in art.facts if f.type == ftype]

    return run
