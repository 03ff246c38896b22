"""Line-end hyphens decided from the producer and the character.

Word, LibreOffice and Aspose do not hyphenate, so a hyphen ending a line there is one the author typed
(`fast-` + `tracked`); a soft hyphen (U+00AD) is never printed: dropped mid-line, joined at a line end.
"""
from __future__ import annotations

from pathlib import Path

import pytest

from lspkit.api import extract
from lspkit.read import READERS
from lspkit.read.pdf import producer_hyphenates
from lspkit.segment.paragraphs import join_lines, vocabulary
from real_util import extracted

REAL = Path(__file__).resolve().parent.parent / "data" / "real"
FONT = Path("/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf")


@pytest.mark.parametrize("producer, creator, hyphenates", [
    ("Microsoft® Word for Microsoft 365", "Microsoft® Word for Microsoft 365", False),
    ("Aspose.Words for .NET 23.1", "", False),
    ("Microsoft: Print To PDF", "", False),
    ("Adobe PDF Library 24.5.96", "Acrobat PDFMaker 24 for Word", False),
    ("LibreOffice 7.4", "Writer", True),  # its justified styles often hyphenate
    ("3B2 Total Publishing System 8.05a/W", "3B2 Total Publishing System 8.05a/W", True),
    ("Acrobat PDFWriter 3.02 for Windows", "", True),
    ("", "", True),
])
def test_which_producers_hyphenate(producer, creator, hyphenates):
    assert producer_hyphenates({"producer": producer, "creator": creator}) is hyphenates


def test_a_typed_hyphen_at_a_line_end_stays_where_the_producer_does_not_hyphenate():
    word = vocabulary(["the scheme was approved"], hyphenates=False)
    typeset = vocabulary(["the scheme was approved"], hyphenates=True)
    assert join_lines(["the scheme was fast-", "tracked and a high-", "level review"], word) == \
        "the scheme was fast-tracked and a high-level review"
    assert join_lines(["the in-", "combination effects"], word) == "the in-combination effects"
    assert join_lines(["the in-", "combination effects"], typeset) == "the incombination effects"


def test_a_word_the_document_writes_whole_is_still_joined_where_the_producer_does_not_hyphenate():
    word = vocabulary(["our strategies for growth"], hyphenates=False)
    assert join_lines(["the strat-", "egies agreed"], word) == "the strategies agreed"


def test_a_soft_hyphen_at_a_line_end_joins_and_is_never_printed():
    assert join_lines(["the expen\u00ad", "diture was"], vocabulary([], hyphenates=False)) == "the expenditure was"


def _soft_hyphen_pdf(path: Path, producer: str) -> None:
    canvas = pytest.importorskip("reportlab.pdfgen.canvas")
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    if not FONT.exists():
        pytest.skip("needs Liberation Sans (fonts-liberation)")
    pdfmetrics.registerFont(TTFont("LibSans", str(FONT)))
    c = canvas.Canvas(str(path))
    c.setProducer(producer)
    c.setFont("LibSans", 11)
    c.drawString(72, 700, "1.1 The council will review the expen\u00ad")
    c.drawString(72, 686, "diture and the con\u00adtinued fast-")
    c.drawString(72, 672, "tracked programme of works.")
    c.save()


@pytest.mark.parametrize("engine", list(READERS))
def test_soft_hyphens_in_a_word_export(tmp_path, engine):
    """Mid-line a soft hyphen is dropped by both engines; `fast-` + `tracked` keeps its hyphen.  At the line end
    pdfplumber sees the soft hyphen and joins; pdfium reports it as any line-end hyphen, so there the producer
    (Word: typed) decides."""
    pdf = tmp_path / "soft.pdf"
    _soft_hyphen_pdf(pdf, "Microsoft® Word for Microsoft 365")
    text = extract(str(pdf), reader=engine).paragraphs[0].text
    assert "continued fast-tracked programme" in text
    assert "\u00ad" not in text
    if engine == "pdfplumber":
        assert "review the expenditure and" in text


def _real(name: str) -> Path:
    path = REAL / f"{name}.pdf"
    if not path.exists():
        pytest.skip(f"{path.name} is not here (data/real/restore.py restores it)")
    return path


@pytest.mark.parametrize("name, number, phrase", [
    ("aecom-buckinghamshire_2025_local-plan-hra-reg18", "2.19", "in-combination"),  # Word for Microsoft 365
    ("planning_inspectorate_2020_lldc_revised_local_plan_inspector_report", "79", "community-based"),  # Word
])
def test_real_word_exports_keep_their_line_end_hyphens(name, number, phrase):
    doc = extracted(_real(name))
    assert phrase in next(p.text for p in doc.paragraphs if p.number == number)


def test_a_hyphenating_typesetter_still_has_its_hyphenation_repaired():
    """3B2 (House of Commons) breaks words: `contribu-` + `tion` is one word."""
    doc = extracted(_real("house_of_commons_2010_early_day_motions_18_march"))
    text = " ".join([p.text for p in doc.paragraphs] + [b.text for b in doc.blocks])
    assert "contribution to" in text and "contribu-tion" not in text
