"""Reading order and line building on two round-7 papers (data/real/; restored by data/real/restore.py): each test
names the mechanism and checks the page as printed."""
from __future__ import annotations

from real_util import doc


def _paras(name: str) -> list[tuple[str, str]]:
    return [(p.label, p.text) for p in doc(name).paragraphs]


def test_a_ragged_line_ending_in_the_gutter_stays_in_its_column():
    # Yorkshire Ambulance gender pay gap, page 2: two columns, each point numbered "1)" ... "6)". The left
    # column's first line ("... publish on their website the results of six") ends a point and a half past the edge
    # its other lines give, in the 13 pt gutter: it is still the left column's, not a line spanning both that cuts
    # the page, which had the right column's "4) Median bonus ..." read before it and 4)-6) lost among the tables
    got = _paras("yorkshire-ambulance-nhs_2024_gender-pay-gap-action-plan")
    assert [label for label, _ in got] == ["1", "2", "3", "4", "5", "6"]
    assert got[0][1].startswith("Mean gender pay gap in hourly pay")
    assert got[3][1].startswith("Median bonus gender pay gap – arranging bonus payments of all")
    assert got[4][1].startswith("Proportion of males and females receiving bonus payments")
    assert got[5][1].startswith("Proportion of males and females in each pay quartile")
    assert "£" not in got[4][1] and "£" not in got[5][1]  # not run into the tables beside them
