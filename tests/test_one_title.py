"""One title per paper: `extract`, `summarise` and `tag` report the same title, the summary's choice.

The segmenter's front matter records the title block it finds; the title a reader names the paper by is
chosen in `lspkit.analyse.title` and applied to the Document by `lspkit.pipeline.titled`, so every command
reads it from the Document's metadata.  Run through the CLI on real PDFs (committed ones, and restored ones
where present), every format that carries the title.
"""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from lspkit.cli import cli

REAL = Path(__file__).resolve().parent.parent / "data" / "real"

# papers whose segmenter title block is not their title (a letterhead's "Tel:" line, a row of governors'
# names, an item heading), and papers where the two already agreed
PAPERS = [
    ("dft_2020_tfl-extraordinary-funding-settlement-letter.pdf", "Transport for London"),
    ("decoy-school_2022_fgb-minutes-may-final.pdf", "Board of Governors"),
    ("manhattan-cb1_2010_monthly-meeting-minutes-march.pdf", "Community Board"),
    ("hmrc_2015_research_report_361_risk_triggers.pdf", "risk"),
    ("us_copyright_office_1998_dmca_summary.pdf", "Digital Millennium Copyright Act"),
    ("sage_2021_seventy-fifth-meeting-covid-19-minutes.pdf", "SAGE"),
    # a letter's subject read under the "Dear ...," the segmenter took for the title block (kept as title_block)
    ("humberside-police_2025_foi-response-crimes-hospital-grounds.pdf", "Freedom of Information"),
    # a title block with its subtitle: "Buckinghamshire Local Plan" / "Habitats Regulations Assessment ..."
    ("aecom-buckinghamshire_2025_local-plan-hra-reg18.pdf", "Habitats Regulations"),
]


def _run(*args: str) -> dict:
    result = CliRunner().invoke(cli, list(args), catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def _paper(name: str) -> Path:
    pdf = REAL / name
    if not pdf.exists():
        pytest.skip(f"{name} is not restored (python3 data/real/restore.py)")
    return pdf


@pytest.mark.parametrize("name,words", PAPERS, ids=[p[0][:40] for p in PAPERS])
def test_extract_summarise_and_tag_report_one_title(name, words, tmp_path, monkeypatch):
    monkeypatch.setenv("LSPKIT_CACHE_DIR", str(tmp_path))
    pdf = str(_paper(name))
    extracted = _run("extract", pdf, "-f", "json")
    summary = _run("summarise", pdf, "-f", "json")
    tagged = _run("tag", pdf, "-f", "json")
    title = summary["metadata"]["title"]
    assert words.lower() in title.lower()
    main_title = extracted["metadata"]["title"]
    # the Document keeps a title block's subtitle apart; the summary joins it on ("Title: Subtitle")
    assert title == main_title or (title.startswith(f"{main_title}: ") and extracted["metadata"].get("subtitle")), (
        title, main_title)
    assert extracted["source"]["title"] == summary["source"]["title"] == tagged["source"]["title"] == main_title
