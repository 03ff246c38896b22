"""`lspkit tag`: formats, --explain, --min-score, --themes errors, output file, no colour in pipes."""
from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from lspkit.cli import cli
from lspkit.infra.errors import EXIT_CONFIG

ROOT = Path(__file__).resolve().parent.parent
TXT = str(ROOT / "data" / "head-of-policy-report.txt")
PDF = str(ROOT / "data" / "head-of-policy-report.pdf")


def run(*args, env=None):
    r = CliRunner().invoke(cli, list(args), env=env)
    return r


@pytest.fixture(scope="module")
def jsonl():
    r = run("tag", TXT, "--format", "jsonl", "--explain", "--model", "none")  # the lexicon's evidence, pinned
    assert r.exit_code == 0, r.output
    return [json.loads(line) for line in r.stdout.splitlines()]


def test_jsonl_records(jsonl):
    assert len(jsonl) >= 25
    rec = {r["number"]: r for r in jsonl}
    assert set(rec["1.1"]) >= {"file", "sha256", "number", "kind", "page", "section", "themes", "scores", "text", "evidence"}
    assert rec["5.4"]["themes"] and list(rec["5.4"]["themes"]) == ["accountability"]
    ev = rec["5.4"]["evidence"]["accountability"]
    assert any(e["term"] == "performance management" for e in ev)
    assert all(rec["5.4"]["text"][e["start"] : e["end"]] == e["text"] for e in ev)


def test_records_match_jsonl(jsonl):
    """Batch reuses TaggedDocument.records: it must give the single-file records exactly."""
    from lspkit.api import extract
    from lspkit.nlp.tagger import tag_document

    tagged = tag_document(extract(TXT), model="none")
    recs = tagged.records(explain=True)
    assert json.loads(json.dumps(recs)) == [{**r, "file": r["file"]} for r in jsonl]


def test_json_csv_and_table(tmp_path):
    r = run("tag", TXT, "--format", "json")
    d = json.loads(r.stdout)
    assert d["taxonomy"] == "lsp-themes" and d["glossary"]["entries"]
    r = run("tag", TXT, "--format", "csv", "--min-score", "0.9")
    rows = list(csv.DictReader(io.StringIO(r.stdout)))
    assert rows and {"score_role", "score_capacity", "themes"} <= set(rows[0])
    assert all(float(row[f"score_{t}"]) >= 0.9 for row in rows for t in row["themes"].split(";") if t)
    r = run("tag", TXT)
    assert r.exit_code == 0 and "governance" in r.stdout and "\x1b[" not in r.stdout  # no colour in a pipe
    assert "LAA = Local Area Agreement" in r.stdout
    out = tmp_path / "tags.jsonl"
    r = run("tag", TXT, "-f", "jsonl", "-o", str(out))
    assert r.exit_code == 0 and r.stdout == "" and len(out.read_text().splitlines()) >= 25


def test_pdf_input():
    r = run("tag", PDF, "--format", "jsonl")
    assert r.exit_code == 0, r.output
    numbers = [json.loads(line)["number"] for line in r.stdout.splitlines()]
    assert "4.2" in numbers and "8.1" in numbers


def test_other_taxonomy_and_bad_taxonomy(tmp_path):
    r = run("tag", TXT, "-f", "jsonl", "--themes", str(ROOT / "configs" / "laa-blocks.yaml"))
    assert r.exit_code == 0
    assert "safer-stronger" in json.loads(r.stdout.splitlines()[0])["scores"]
    bad = tmp_path / "bad.yaml"
    bad.write_text("themes:\n  a:\n    terms: {x: 1, X: 2}\n")
    out = tmp_path / "never.jsonl"
    r = run("tag", TXT, "--themes", str(bad), "-o", str(out))
    assert r.exit_code == EXIT_CONFIG
    assert r.output == f"lspkit: {bad}: line 3: theme 'a': duplicate term 'X'\n"
    assert not out.exists()


def test_missing_file_and_bad_min_score():
    r = run("tag", "/nonexistent/paper.pdf")
    assert r.exit_code == 3 and "Traceback" not in r.output
    r = run("tag", TXT, "--min-score", "2")
    assert r.exit_code == 2


def test_model_dir_must_be_a_trained_pipeline(tmp_path):
    r = run("tag", TXT, "--model", str(tmp_path))
    assert r.exit_code == EXIT_CONFIG and "not a trained model" in r.output
