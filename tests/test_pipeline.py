"""The pipeline: each input hashed once, each artefact cached once, the same Document for every caller."""
from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from lspkit import pipeline
from lspkit.batch import TagOptions, tag_file
from lspkit.cli import cli
from lspkit.infra.cache import Cache

ROOT = Path(__file__).resolve().parent.parent
REPORT = str(ROOT / "data" / "head-of-policy-report.pdf")
PAPER = str(ROOT / "data" / "consultation-v1.pdf")


def _digest(path: str) -> str:
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


@pytest.fixture
def hashed(monkeypatch):
    """Every sha256 digest computed while the test runs, in order (chunked or whole, wherever it is computed)."""
    real = hashlib.sha256
    seen: list[str] = []

    class Counting:
        def __init__(self, data=b"", **kwargs):
            self._h = real(data, **kwargs)

        def update(self, data):
            self._h.update(data)

        def hexdigest(self):
            value = self._h.hexdigest()
            seen.append(value)
            return value

        def digest(self):
            return self._h.digest()

    monkeypatch.setattr(hashlib, "sha256", Counting)
    return seen


def test_a_cold_summarise_hashes_the_input_once(tmp_path, hashed):
    report = _digest(REPORT)
    hashed.clear()
    result = CliRunner().invoke(cli, ["summarise", REPORT, "--format", "json", "--cache-dir", str(tmp_path)])
    assert result.exit_code == 0, result.output
    assert hashed.count(report) == 1
    assert json.loads(result.output)["source"]["sha256"] == report  # the one digest is also the Document's


def test_a_cold_summarise_against_a_paper_hashes_each_input_once(tmp_path, hashed):
    report, paper = _digest(REPORT), _digest(PAPER)
    hashed.clear()
    summary, hit = pipeline.SummaryJob(REPORT, against=PAPER, cache=Cache(tmp_path)).run()
    assert not hit and summary.source.sha256 == report
    assert (hashed.count(report), hashed.count(paper)) == (1, 1)


def test_a_batch_worker_hashes_its_file_once(tmp_path, hashed):
    report = _digest(REPORT)
    hashed.clear()
    result = tag_file(REPORT, TagOptions(cache_dir=str(tmp_path)))
    assert result.ok and result.sha256 == report
    assert hashed.count(report) == 1


def test_one_extraction_entry_serves_summarise_and_batch(tmp_path):
    """The Document is cached once, under one name, whichever command read it first."""
    pipeline.SummaryJob(REPORT, cache=Cache(tmp_path)).run()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["extract", "summary", "taxonomy"]
    result = tag_file(REPORT, TagOptions(cache_dir=str(tmp_path)))
    assert result.cached == "extract"  # summarise's extraction, reused
    assert len(list((tmp_path / "extract").rglob("*.json"))) == 1


def test_the_cli_keys_its_rendered_output_on_the_pipelines_key(tmp_path):
    job = pipeline.SummaryJob(REPORT, cache=Cache(tmp_path))
    result = CliRunner().invoke(cli, ["summarise", REPORT, "--format", "json", "--cache-dir", str(tmp_path)])
    assert result.exit_code == 0, result.output
    assert len(list((tmp_path / "summary").rglob(f"{job.key}.json"))) == 1
    assert len(list((tmp_path / "render").rglob("*.json"))) == 1


def test_nothing_is_cached_for_a_password_or_standard_input(tmp_path):
    assert pipeline.SummaryJob(REPORT, password="x", cache=Cache(tmp_path)).key is None
    assert pipeline.SummaryJob("-", cache=Cache(tmp_path)).key is None
    assert pipeline.SummaryJob(REPORT, against="-", cache=Cache(tmp_path)).key is None
    assert pipeline.SummaryJob(REPORT, cache=Cache(tmp_path, enabled=False)).key is None


def test_diff_files_is_the_cli_diff(tmp_path):
    v1, v2 = str(ROOT / "data" / "consultation-v1.pdf"), str(ROOT / "data" / "consultation-v2.pdf")
    result = CliRunner().invoke(cli, ["diff", v1, v2, "--format", "json"])
    assert result.exit_code == 1, result.output
    from lspkit.render.diff import render

    assert json.loads(render(pipeline.diff_files(v1, v2), "json")) == json.loads(result.output)
