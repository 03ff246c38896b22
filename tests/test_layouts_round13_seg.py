"""Round 13 (issue 10): layouts that other publishers' papers share, each checked on the real paper that shows it
(data/real/, skipped where the paper is not on this machine) and on a small page drawn here that is not from the
corpus."""
from __future__ import annotations

import pytest

from lspkit.api import extract
from lspkit.read import read_lines

from real_util import doc
from test_segment_layout import draw


# ---------------------------------------------------------------- an agenda item's label and file number

def test_an_agenda_items_label_and_file_number_start_its_line_not_a_column():
    # Coral Gables (Legistar, "Powered By Crystal"): "A.-1.  23-6764  Presentation of a Proclamation ..." with the
    # label and the blue file number set before the item's text; read as a column of their own, every label came
    # before all the items' text and 26 of the 38 items were lost
    d = doc("coral-gables_2024_city-commission-agenda-january-9")
    got = {p.number: p.text for p in d.paragraphs}
    assert got["A.-1"].startswith("Presentation of a Proclamation declaring December 16, 2023")
    assert got["A.-4"].endswith("for October 2023.")
    assert got["1.-7"] == "Waterway Advisory Board Meeting of November 1, 2023."
    # the two items whose labels stood beside the text of the item before, on the page where E.-5 goes on
    assert got["E.-5"].endswith("providing for an effective date.")
    assert got["E.-6"].startswith("An Ordinance of the City Commission providing for text amendments")
    assert got["E.-7"].endswith("(Sponsored by Commissioner Fernandez)")
    assert not any("23-6" in text[:12] for text in got.values())


AGENDA_TEXT = [
    ["A Resolution of the Town Council approving the annual budget of the parks",
     "department for the fiscal year beginning on the first day of October 2025."],
    ["An Ordinance of the Town Council amending the code of ordinances to allow",
     "outdoor dining on public sidewalks, with conditions of approval."],
    ["A Resolution of the Town Council accepting the recommendation of the",
     "purchasing officer to award the paving contract for Elm Street."],
    ["Update on the library renovation, presented by the Town Manager."],
]


@pytest.fixture(scope="module")
def agenda(tmp_path_factory):
    page = [(72, 60, "Town Council Agenda - Final", 11, "Helvetica-Bold"),
            (72, 90, "C.", 12, "Helvetica-Bold"), (108, 90, "CONSENT AGENDA", 12, "Helvetica-Bold")]
    y = 120
    for k, lines in enumerate(AGENDA_TEXT, start=1):
        page += [(72, y, f"C.-{k}.", 9.5, "Helvetica-Bold"), (104, y, f"25-01{k:02d}", 9.5, "Helvetica-Bold")]
        page += [(170, y + 12 * j, t, 10, "Helvetica") for j, t in enumerate(lines)]
        y += 12 * len(lines) + 22
    return draw(tmp_path_factory.mktemp("agenda") / "agenda.pdf", [page])


def test_a_label_and_number_set_before_the_text_are_read_on_its_line(agenda):
    lines = [ln.text for ln in read_lines(agenda).lines]
    assert "C.-1. 25-0101 A Resolution of the Town Council approving the annual budget of the parks" in lines
    assert "C.-4. 25-0104 Update on the library renovation, presented by the Town Manager." in lines
    d = extract(agenda)
    assert [p.number for p in d.paragraphs] == ["C.-1", "C.-2", "C.-3", "C.-4"]
    assert d.paragraphs[1].text == " ".join(AGENDA_TEXT[1])


@pytest.fixture(scope="module")
def newsletter(tmp_path_factory):
    """Two columns of prose side by side: still read column by column."""
    left = ["The library reopened in May after", "a long renovation of its reading", "rooms and the children's wing,",
            "funded by the council and donors."]
    right = ["Parking on Elm Street will be", "limited during the paving works,", "which begin in the second week",
             "of June and last about a month."]
    page = [(72, 100 + 14 * k, t, 10, "Helvetica") for k, t in enumerate(left)]
    page += [(320, 100 + 14 * k, t, 10, "Helvetica") for k, t in enumerate(right)]
    return draw(tmp_path_factory.mktemp("news") / "news.pdf", [page])


def test_two_columns_of_prose_are_still_read_column_by_column(newsletter):
    lines = [ln.text for ln in read_lines(newsletter).lines]
    assert lines == ["The library reopened in May after", "a long renovation of its reading",
                     "rooms and the children's wing,", "funded by the council and donors.",
                     "Parking on Elm Street will be", "limited during the paving works,",
                     "which begin in the second week", "of June and last about a month."]

