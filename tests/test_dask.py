"""`--dask` (issue 5): the same work on a Dask LocalCluster writes what a local run writes."""
from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from pipeline.cli import app

ROOT = Path(__file__).resolve().parent.parent


def test_dask_local_cluster_output_is_identical_to_one_local_worker(tmp_path):
    pytest.importorskip("distributed")
    seeds = sorted((ROOT / "seeds").glob("*.txt"))[:4]
    d = tmp_path / "in"
    d.mkdir()
    for p in seeds:
        (d / p.name).write_bytes(p.read_bytes())
    (d / "zz_blank.txt").write_text(" \n", encoding="utf-8")
    runner = CliRunner()
    local = runner.invoke(app, ["run", str(d), "--out", str(tmp_path / "local"), "-j", "1"], catch_exceptions=False)
    dask = runner.invoke(app, ["run", str(d), "--out", str(tmp_path / "dask"), "--dask", "local", "-j", "2"],
                         catch_exceptions=False)
    assert local.exit_code == dask.exit_code == 1  # the blank one failed in both
    assert "ok 4, failed 1, skipped 0" in local.stderr and "ok 4, failed 1, skipped 0" in dask.stderr

    def files(name: str) -> dict[str, bytes]:
        return {p.name: p.read_bytes() for p in sorted((tmp_path / name).iterdir())}

    assert files("local") == files("dask")
    assert len(files("dask")) == 5  # four articles and errors.jsonl
