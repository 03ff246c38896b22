"""Numbered table captions and ruled tables whose column rule is broken by a row spanning the table."""
from __future__ import annotations

from pathlib import Path

import pytest

from real_util import extracted
from lspkit.read.tables import CAPTION, _ruled_positions

REAL = Path(__file__).resolve().parent.parent / "data" / "real"


@pytest.mark.parametrize("text, is_caption", [
    ("Table 2.1: Equality and Diversity Impact Assessment: Key Stages", True),
    ("4.3.2 Table 1: Sites allocated for housing", True),
    ("Table A3. Windfall completions", True),
    ("Table 3-2 Main sources of air pollutants", True),
    ("4.3 The table below sets out the sites", False),
    ("Tables 1 and 2 show", False),
])
def test_caption_pattern(text, is_caption):
    assert bool(CAPTION.match(text)) is is_caption


def test_a_column_rule_broken_by_a_spanning_row_still_counts():
    # x=180: two pieces (130-293, 318-485) of a 400 pt table; x=300: one short stub
    lines = [[90.0, 86.0, 485.0], [179.0, 130.0, 293.0], [180.0, 318.0, 485.0], [300.0, 130.0, 160.0], [499.0, 86.0, 485.0]]
    assert _ruled_positions(lines, 200.0) == [90.0, 179.0, 499.0]


def test_a_captioned_table_of_prose_cells_is_kept_out_of_the_paragraph_before_it():
    """Tewkesbury's EqIA: `Table 2.1: ... Key Stages` heads a ruled table of bulleted prose on the page after
    paragraph 2.6; the table was read as 2.6's text."""
    path = REAL / "tewkesbury_2019_eqia-screening-report.pdf"
    if not path.exists():
        pytest.skip(f"{path.name} is not here (data/real/restore.py restores it)")
    p = extracted(path).paragraph("2.6")
    assert p.text.endswith("findings for Stage 1 of the assessment - screening.")
    assert any("Identify the main purpose and aims of strategy/plan." in c for t in p.tables for r in t.rows for c in r)
