"""Issue 10, what round 9's papers still lost, where a mechanism that holds for other publishers was missing.
Each test drives the real pipeline on a real PDF."""
from __future__ import annotations

from real_util import doc, para


def test_a_bracketed_letter_under_an_agenda_items_prose_is_its_sub_item():
    """Omaha's council agenda: each ordinance or resolution ("8. Res. that the preliminary plat ... – see
    attached.") has the planning board's advice set in under it over a gap, "(a) Planning Board and Planning
    Department recommend approval ...".  The agenda's item pattern took no bracketed letter, and a letter under an
    item's prose (not under a title) found no parent, so most were glued onto the item."""
    d = doc("omaha-city-council_2012_agenda-oct-16")
    for item in ("7", "8", "9", "11", "46", "53"):
        sub = para(d, f"{item}(a)")
        assert sub.text.startswith("Planning Board and Planning Department recommend"), item
        assert "Planning Board and Planning Department recommend" not in para(d, item).text, item
    assert para(d, "36(b)").text.startswith("Communication from Warren Weaver")
