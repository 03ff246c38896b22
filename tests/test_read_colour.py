"""A page whose text objects are all black or grey skips reading each word's colour (pdfium._plain_text):
the runs must be exactly those read with every word's colour, and a page is only called plain when no
character on it is in colour."""
from __future__ import annotations

import ctypes
from pathlib import Path

import pytest

pdfium = pytest.importorskip("pypdfium2")
import pypdfium2.raw as R  # noqa: E402

from lspkit.read.pdf import ChangeMarks  # noqa: E402
from lspkit.read.pdfium import _page_runs, _plain_text  # noqa: E402
from lspkit.read.tables import _rulings  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
# coloured tracked changes (every page), a real report with a few coloured pages among plain ones, a plain paper
PDFS = [
    ROOT / "data" / "tracked" / "constitution-tracked-changes.pdf",
    ROOT / "data" / "real" / "hmrc_2015_research_report_361_risk_triggers.pdf",
    ROOT / "data" / "consultation-v1.pdf",
]


def _coloured_chars(textpage) -> int:
    raw = textpage.raw
    rgba = [ctypes.c_uint() for _ in range(4)]
    refs = [ctypes.byref(c) for c in rgba]
    count = 0
    for k in range(R.FPDFText_CountChars(raw)):
        if R.FPDFText_GetFillColor(raw, k, *refs):
            rgb = [c.value for c in rgba[:3]]
            count += max(rgb) - min(rgb) >= 60
    return count


@pytest.mark.parametrize("path", PDFS, ids=lambda p: p.name)
def test_plain_pages_read_as_with_every_colour(path):
    if not path.exists():
        pytest.skip(f"{path.name} is not restored (python3 data/real/restore.py)")
    pdf = pdfium.PdfDocument(str(path))
    plain = coloured = 0
    try:
        for i in range(len(pdf)):
            page = pdf[i]
            width, height = page.get_size()
            marks = ChangeMarks.of_page(_rulings(page, height), width)
            textpage = page.get_textpage()
            if _plain_text(R, page.raw, 10**9):
                plain += 1
                assert _coloured_chars(textpage) == 0, f"page {i + 1} called plain has coloured characters"
            else:
                coloured += 1
            # the same runs, marks included, whether or not the page's colours were checked first
            assert _page_runs(textpage, height, marks, page=page.raw) == _page_runs(textpage, height, marks)
            textpage.close()
            page.close()
    finally:
        pdf.close()
    if path.name.startswith("constitution"):
        assert coloured > 0  # its changes are in colour: the check must see them
    if path.name.startswith("consultation"):
        assert coloured == 0 and plain > 0
