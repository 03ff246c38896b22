"""`lspkit summarise` on the command line: formats, --theme, --full, -o, NO_COLOR, and the cache."""
from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from lspkit.cli import cli

ROOT = Path(__file__).resolve().parent.parent
REPORT = str(ROOT / "data" / "head-of-policy-report.pdf")
PAPER = str(ROOT / "data" / "consultation-v1.pdf")
ANSI = re.compile(r"\x1b\[")


@pytest.fixture(scope="module")
def cache_dir(tmp_path_factory) -> str:
    return str(tmp_path_factory.mktemp("cache"))


@pytest.fixture(scope="module")
def run(cache_dir):
    """Invoke the CLI in-process with a private cache (the first call fills it, later ones hit it)."""

    def invoke(*args: str, env: dict | None = None):
        runner = CliRunner()
        return runner.invoke(cli, ["summarise", *args, "--cache-dir", cache_dir], env=env, catch_exceptions=False)

    return invoke


def test_terminal_output_fits_80_columns_and_has_no_colour_in_a_pipe(run):
    result = run(REPORT)
    assert result.exit_code == 0, result.output
    out = result.output
    assert not ANSI.search(out)
    assert max(len(line) for line in out.splitlines()) <= 80
    for expected in ("LOCAL STRATEGIC PARTNERSHIPS", "Head of Policy", "Recommendations", "8.1", "Themes",
                     "Cross-references", "section 7", "not in this document", "Glossary",
                     "Office of the Deputy Prime Minister"):
        assert expected in out, expected


def test_no_color_is_respected(run):
    result = run(REPORT, env={"NO_COLOR": "1"})
    assert result.exit_code == 0 and not ANSI.search(result.output)


def test_one_theme_and_full_paragraphs(run):
    result = run(REPORT, "--theme", "accountability", "--full", "--format", "markdown")
    assert result.exit_code == 0, result.output
    out = result.output
    assert "### Accountability" in out and "### Governance" not in out
    # --full: the whole of paragraph 5.5, not a gist
    assert "evaluating success." in out and "Research supporting the consultation paper" in out


def test_unknown_theme_is_a_usage_error(run):
    result = run(REPORT, "--theme", "nonsense")
    assert result.exit_code == 2
    assert "no theme 'nonsense'" in result.output and "governance" in result.output


def test_json_has_the_documented_names(run):
    result = run(REPORT, "--format", "json")
    data = json.loads(result.output)
    for key in ("source", "metadata", "counts", "themes", "paragraphs", "recommendations", "xrefs", "acronyms",
                "questions", "links", "uncovered"):
        assert key in data
    assert data["links"] == [] and data["uncovered"] is None
    assert any(x["from"] == "1.4" and x["to"] == ["7"] and x["resolved"] for x in data["xrefs"])


def test_output_file_is_written(run, tmp_path):
    target = tmp_path / "summary.md"
    result = run(REPORT, "--format", "markdown", "-o", str(target))
    assert result.exit_code == 0 and result.output == ""
    assert target.read_text(encoding="utf-8").startswith("# LOCAL STRATEGIC PARTNERSHIPS")


def test_missing_file_is_a_one_line_error(run, tmp_path):
    result = run(str(tmp_path / "nope.pdf"))
    assert result.exit_code == 3
    assert "Traceback" not in result.output


def test_against_lists_links_and_what_was_left_out(run):
    result = run(REPORT, "--against", PAPER, "--format", "json")
    data = json.loads(result.output)
    links = {link["paragraph"]: [s["number"] for s in link["sources"]] for link in data["links"]}
    assert links["4.3"][0] == "3.4" and links["5.6"][0] == "4.7"
    assert "Q1" in data["uncovered"]["questions"] and "6.4" in data["uncovered"]["paragraphs"]
    terminal = run(REPORT, "--against", PAPER).output
    assert "Not covered by the report" in terminal


# ---------------------------------------------------------------- the cache


_WRAPPER = """
import sys
from lspkit.cli import cli
try:
    cli.main(args=sys.argv[1:], prog_name="lspkit")
except SystemExit as exc:
    code = exc.code or 0
else:
    code = 0
heavy = [m for m in ("spacy", "pdfplumber", "pdfminer", "pypdfium2", "yaml", "rich") if m in sys.modules]
sys.stderr.write("HEAVY:" + ",".join(heavy) + "\\n")
sys.exit(code)
"""


def _run_wrapped(args, cache_dir):
    env = {**os.environ, "LSPKIT_CACHE_DIR": cache_dir, "NO_COLOR": "1"}
    proc = subprocess.run(
        [sys.executable, "-c", _WRAPPER, *args], capture_output=True, text=True, env=env, cwd=str(ROOT), timeout=300
    )
    assert proc.returncode == 0, proc.stderr
    heavy = re.search(r"HEAVY:(.*)", proc.stderr).group(1)
    return proc.stdout, [m for m in heavy.split(",") if m]


def test_repeat_run_is_served_from_the_cache_without_spacy_or_a_pdf_library(tmp_path):
    cache = str(tmp_path / "cache")
    first, heavy_first = _run_wrapped(["summarise", REPORT, "--format", "json"], cache)
    # the first run really did the work (the extractor reads PDFs with pypdfium2, pdfplumber only for tables)
    assert "spacy" in heavy_first and "pypdfium2" in heavy_first
    second, heavy_second = _run_wrapped(["summarise", REPORT, "--format", "json"], cache)
    assert heavy_second == []
    assert json.loads(second) == json.loads(first)
    # other flags re-use the same summary (rendering options do not change what is computed) ...
    _, heavy_theme = _run_wrapped(["summarise", REPORT, "--theme", "governance", "--full"], cache)
    assert heavy_theme == ["rich"]
    # ... and the same flags again re-use the rendered output: not even rich is imported
    _, heavy_again = _run_wrapped(["summarise", REPORT, "--theme", "governance", "--full"], cache)
    assert heavy_again == []
    # --no-cache does the work again
    _, heavy_nocache = _run_wrapped(["summarise", REPORT, "--format", "json", "--no-cache"], cache)
    assert "spacy" in heavy_nocache and "pypdfium2" in heavy_nocache


def test_cache_key_follows_the_taxonomy(tmp_path, run):
    from lspkit.nlp.taxonomy import default_taxonomy_path

    cache = str(tmp_path / "cache")
    first, _ = _run_wrapped(["summarise", REPORT, "--format", "json"], cache)
    # an edited taxonomy (same themes, one term weighted higher) is a different key: tagging runs again
    text = default_taxonomy_path().read_text(encoding="utf-8")
    anchor = "      role: 0.5\n"
    assert anchor in text
    edited = tmp_path / "themes.yaml"
    edited.write_text(text.replace(anchor, "      role: 3\n", 1), encoding="utf-8")
    second, heavy = _run_wrapped(["summarise", REPORT, "--format", "json", "--themes", str(edited)], cache)
    assert "spacy" in heavy, heavy  # not served from the first run's entry
    before, after = json.loads(first), json.loads(second)
    assert after["taxonomy"] != before["taxonomy"]
    assert _theme_scores(after) != _theme_scores(before)  # the new weight counts


def _theme_scores(summary: dict) -> dict:
    return {t["name"]: [(p["number"], p["score"]) for p in t["paragraphs"]] for t in summary["themes"]}


@pytest.mark.parametrize("fmt", ["html", "markdown", "terminal"])
def test_warnings_go_to_stderr_once_and_never_into_the_report(cache_dir, fmt, tmp_path):
    """A real paper that warns: the warning is on stderr once, not in the report; -q silences it.  (The FAA's
    proposed airworthiness directive, committed, numbers no paragraphs: its text is under "blocks".)"""
    pdf = ROOT / "data" / "real" / "us_federal_register_2020-17221_faa_proposed_ad.pdf"
    if not pdf.exists():
        pytest.skip("data/real/restore.py restores the real papers")
    env = {**os.environ, "LSPKIT_CACHE_DIR": cache_dir, "NO_COLOR": "1"}
    out = tmp_path / f"summary.{fmt}"
    cmd = [sys.executable, "-m", "lspkit", "summarise", str(pdf), "--format", fmt, "-o", str(out)]
    done = subprocess.run(cmd, capture_output=True, text=True, env=env, timeout=600)
    assert done.returncode == 0, done.stderr
    assert done.stderr.count("no numbered paragraphs found") == 1
    assert "no numbered paragraphs found" not in out.read_text() and "warning" not in out.read_text().lower()
    quiet = subprocess.run(cmd + ["-q"], capture_output=True, text=True, env=env, timeout=600)
    assert quiet.returncode == 0 and "warning" not in quiet.stderr
