"""The JSON contract: every command's real output on every fixture and committed real PDF matches the
schema shipped in the package, and `summarise` renders in every format wherever a field is None
(unnumbered headings once crashed the HTML report)."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from lspkit.cli import cli
from lspkit.schemas import COMMANDS, schema

jsonschema = pytest.importorskip("jsonschema", reason="jsonschema is in the test extra: pip install '.[test]'")

DATA = Path(__file__).resolve().parent.parent / "data"
INPUTS = sorted(DATA.glob("*.pdf")) + sorted(DATA.glob("*.txt")) + sorted((DATA / "real").glob("*.pdf"))
# the three real papers committed to the repository (the rest of data/real is fetched, never committed)
COMMITTED_REAL = ("hmrc_2015_", "us_copyright_office_1998_", "us_federal_register_2020-17221_")
INPUTS = [p for p in INPUTS if p.parent.name != "real" or p.name.startswith(COMMITTED_REAL)]


def record_schema(command: str) -> dict:
    """The schema of one JSONL line: the command's `$defs/record`."""
    whole = schema(command)
    return {"$schema": whole["$schema"], "$defs": whole["$defs"], "$ref": "#/$defs/record"}


def validator(command: str):
    cls = jsonschema.validators.validator_for(schema(command))
    cls.check_schema(schema(command))
    return cls(schema(command))


@pytest.fixture(scope="module")
def lspkit(tmp_path_factory):
    cache = str(tmp_path_factory.mktemp("cache"))

    def run(*args: str) -> str:
        result = CliRunner().invoke(cli, [*args], env={"LSPKIT_CACHE_DIR": cache, "NO_COLOR": "1"},
                                    catch_exceptions=False)
        assert result.exit_code in (0, 1) if args[0] == "diff" else result.exit_code == 0, result.output
        return result.stdout

    return run


def ids(p: Path) -> str:
    return p.name


@pytest.mark.parametrize("command", COMMANDS)
def test_schema_command_prints_the_shipped_schema(lspkit, command):
    assert json.loads(lspkit("schema", command)) == schema(command)


@pytest.mark.parametrize("path", INPUTS, ids=ids)
def test_extract_json_and_jsonl_match_the_schema(lspkit, path):
    validator("extract").validate(json.loads(lspkit("extract", str(path), "-f", "json")))
    record = record_schema("extract")
    for line in lspkit("extract", str(path), "-f", "jsonl").splitlines():
        jsonschema.validate(json.loads(line), record)


@pytest.mark.parametrize("path", INPUTS, ids=ids)
def test_tag_json_and_jsonl_match_the_schema(lspkit, path):
    data = json.loads(lspkit("tag", str(path), "-f", "json", "--explain"))
    validator("tag").validate(data)
    record = record_schema("tag")
    lines = [json.loads(line) for line in lspkit("tag", str(path), "-f", "jsonl").splitlines()]
    for line in lines:
        jsonschema.validate(line, record)
    assert [{k: v for k, v in r.items() if k not in ("evidence", "prior")} for r in data["paragraphs"]] == lines


@pytest.mark.parametrize("path", INPUTS, ids=ids)
def test_summarise_json_matches_the_schema_and_every_format_renders(lspkit, path):
    validator("summarise").validate(json.loads(lspkit("summarise", str(path), "-f", "json")))
    for fmt in ("terminal", "markdown", "html"):
        assert lspkit("summarise", str(path), "-f", fmt).strip()


def test_summarise_against_matches_the_schema(lspkit):
    out = lspkit("summarise", str(DATA / "head-of-policy-report.pdf"), "--against", str(DATA / "consultation-v1.pdf"),
                 "-f", "json")
    data = json.loads(out)
    assert data["against"] is not None
    validator("summarise").validate(data)


@pytest.mark.parametrize("pair", [("consultation-v1.pdf", "consultation-v2.pdf"),
                                  ("office-cabinet-report.pdf", "office-licensing-report.pdf"),
                                  ("flat-numbered-chromium.pdf", "office-consultation-response.pdf")])
def test_diff_json_matches_the_schema(lspkit, pair):
    old, new = (str(DATA / name) for name in pair)
    validator("diff").validate(json.loads(lspkit("diff", old, new, "-f", "json")))


def test_unnumbered_headings_are_shown_in_the_html_report(lspkit):
    """flat-numbered-chromium has only unnumbered headings: each heads its paragraphs, unlinked."""
    html = lspkit("summarise", str(DATA / "flat-numbered-chromium.pdf"), "-f", "html")
    assert "<h3>Purpose of Report</h3>" in html
    assert 'id="s-' not in html
