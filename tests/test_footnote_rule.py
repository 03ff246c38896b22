"""Footnotes set as large as the body text, found below the separator rule Word draws above them."""
from __future__ import annotations

from pathlib import Path

import pytest

from real_util import extracted
from lspkit.read.pdf import foot_rule

REAL = Path(__file__).resolve().parent.parent / "data" / "real"
W, H = 595.0, 842.0


def run(x0, top, text, size=11.0):
    return [x0, x0 + 6 * len(text), top, top + size, size, False, text, 0]


BODY = [run(72, 100, "4.2 For communities that may wish"), run(100, 115, "found via Neighbourhood planning")]


def test_a_short_rule_above_a_labelled_note_is_a_footnote_separator():
    runs = BODY + [run(72, 755, "4 The examination begins when"), run(72, 769, "when the final report is sent")]
    assert foot_rule([(747.5, 72.0, 216.0)], [], runs, W, H) == 747.5


@pytest.mark.parametrize("why, hs, vs, below", [
    ("a numbered paragraph below it, not a note", [(500.0, 72.0, 216.0)], [], "3.3 The main pollutants of concern"),
    ("in the upper half of the page", [(300.0, 72.0, 216.0)], [], "4 The examination begins when"),
    ("a table's border", [(500.0, 72.0, 216.0)], [(72.0, 500.0, 600.0)], "4 The examination begins when"),
    ("a full-width rule", [(500.0, 72.0, 523.0)], [], "4 The examination begins when"),
])
def test_what_is_not_a_footnote_separator(why, hs, vs, below):
    assert foot_rule(hs, vs, BODY + [run(72, hs[0][0] + 8, below)], W, H) is None, why


def test_a_same_size_footnote_is_kept_out_of_the_paragraph_it_interrupts():
    """Tewkesbury's LDS: footnote 4, in 11 pt like the body, below Word's separator on page 3."""
    path = REAL / "tewkesbury_2025_local-development-scheme.pdf"
    if not path.exists():
        pytest.skip(f"{path.name} is not here (data/real/restore.py restores it)")
    p = extracted(path).paragraph("4.2")
    assert p.text.endswith("Neighbourhood planning - Tewkesbury Borough Council")
    assert [n.label for n in p.notes] == ["4"] and p.notes[0].text.startswith("The examination begins")


def test_a_note_marker_inside_a_word_is_lifted_out():
    """Broxbourne's LDS: `Timetable¹.`, whose two ends are body text, the marker between them (pdfium took
    the word whole)."""
    path = REAL / "broxbourne_2025_local-development-scheme.pdf"
    if not path.exists():
        pytest.skip(f"{path.name} is not here (data/real/restore.py restores it)")
    p = extracted(path).paragraph("1.1")
    assert "Local Plan Timetable. Upon enactment" in p.text
    assert [n.label for n in p.notes] == ["1"]
