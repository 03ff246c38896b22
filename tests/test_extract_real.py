"""Sanity on real public PDFs from three producers (Word via Distiller, WordPerfect via PDFWriter,
iText three-column Federal Register): no error, sensible structure, no furniture in the text."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from real_util import extracted

ROOT = Path(__file__).resolve().parent.parent
REAL = ROOT / "data" / "real" if (ROOT / "data" / "real").exists() else Path("/work/shared/real-pdfs")


def real(name: str):
    path = REAL / name
    if not path.exists():
        pytest.skip(f"{name} not available")
    return extracted(path)  # read once per session, shared with the other modules' tests of the paper


@pytest.fixture(scope="module")
def hmrc():
    return real("hmrc_2015_research_report_361_risk_triggers.pdf")


@pytest.fixture(scope="module")
def dmca():
    return real("us_copyright_office_1998_dmca_summary.pdf")


@pytest.fixture(scope="module")
def fedreg():
    return real("us_federal_register_2020-17221_faa_proposed_ad.pdf")


def all_text(doc) -> str:
    return " ".join([p.text for p in doc.paragraphs] + [b.text for b in doc.blocks])


def test_hmrc_numbered_sections_found(hmrc):
    sections = {(s.number, s.heading) for s in hmrc.sections}
    for expected in [("1.1", "Background"), ("1.2", "Research objectives"), ("3.2", "The HMRC risk triggers"),
                     ("3.2.1", "Awareness and exposure to the triggers"), ("3.3.5", "Segment specific recommendations")]:
        assert expected in sections
    numbered = [s.number for s in hmrc.sections if s.number and s.number[0].isdigit() and s.kind.value == "section"]
    assert numbered[:3] == ["1.1", "1.2", "1.3"]
    assert ("1", "Introduction & Background") in sections  # "Part 1: Introduction & Background", a chapter


def test_hmrc_contents_page_and_page_numbers_dropped(hmrc):
    reasons = {d.reason for d in hmrc.dropped}
    assert "contents" in reasons and "page-number" in reasons
    assert "Research objectives 6" not in all_text(hmrc)


def test_hmrc_footnotes_are_notes(hmrc):
    assert any("Agents Strategy" in n.text for n in hmrc.notes)
    assert "Agents Strategy: an overview (Jan 2014)" not in all_text(hmrc)


def test_hmrc_title_from_the_cover_not_the_word_file_name(hmrc):
    assert "Risk Triggers" in hmrc.metadata["title"] and "Microsoft Word" not in hmrc.metadata["title"]


def test_dmca_running_header_and_footer_dropped(dmca):
    dropped = [d for d in dmca.dropped if d.reason in ("header", "footer", "page-number")]
    assert len({d.page for d in dropped}) >= 15
    text = all_text(dmca)
    assert not re.search(r"Copyright Office Summary December 1998 Page \d+", text)
    assert "Title I implements the WIPO treaties." in text


def test_federal_register_three_columns_read_in_order(fedreg):
    text = all_text(fedreg)
    # a sentence that runs down a column, with numbers broken at their dashes repaired
    assert ("The FAA proposes to supersede Airworthiness Directive (AD) 2018–23–51, which applies to all "
            "The Boeing Company Model 737–8 and 737–9 (737 MAX) airplanes.") in text
    assert "Federal Register / Vol. 85" not in text
    assert "VerDate" not in text


def test_federal_register_running_header_dropped_on_every_page(fedreg):
    pages = {d.page for d in fedreg.dropped if "Federal Register" in d.text}
    assert len(pages) >= 13
