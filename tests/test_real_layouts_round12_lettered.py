"""Lettered items that are the paper's own paragraph level (round 12, data/real/; restored by data/real/restore.py):
a motion's lettered resolutions under unnumbered text in minutes that number nothing else.  Each test checks the
page as printed; papers not on this machine skip with the reason."""
from __future__ import annotations

from real_util import doc


def _lettered(d):
    return [(p.label, p.text) for p in d.paragraphs]


def test_a_motions_lettered_resolutions_under_as_follows_are_paragraphs():
    # Peterborough General Committee: "That Council approve the recommendations outlined in Report IPSPL20-004 ...
    # as follows:" / "a)  That Schedule 'E' ... Report IPSPL20-004;" (wrapped hanging under its text) / "b) ..." /
    # "c) ..." / "Carried" at the letters' margin: each resolution a paragraph, the outcome none of its text
    d = doc("peterborough-on_2020_general-committee-minutes-march-2")
    got = _lettered(d)
    assert [label for label, _ in got[:3]] == ["a", "b", "c"]
    assert got[0][1].startswith("That Schedule ‘E’ – Residential Density of the Official Plan")
    assert got[2][1].endswith("in accordance with Exhibit ‘E’ attached to Report IPSPL20-004.")
    assert not any("Carried" in text for _, text in got)
    # letters restart under the next motion, and every motion's series is its own: "a" four times, no warning
    assert [label for label, _ in got].count("a") == 4
    assert len({p.number for p in d.paragraphs}) == len(d.paragraphs)
    # a series that runs past "h" keeps its letters: "i)" after "h)" is the ninth letter, not roman one
    assert [label for label, _ in got][-5:] == ["h", "i", "j", "k", "l"]


def test_resolutions_wrapped_at_their_letters_margin_end_at_the_next_block():
    # Peterborough City Council: "... as follows:" / "a) That the Housing Needs Assessment ..." with every line at
    # the letter's margin and each item set apart: the next item title ends the last resolution
    d = doc("peterborough-on_2024_city-council-minutes-may-21")
    got = _lettered(d)
    assert got[0] == ("a", "That the Housing Needs Assessment, included as Appendix A, the City of Peterborough "
                           "Housing Review Final Report, included as Appendix B, and the presentation by Tim Welch, "
                           "from Tim Welch Consulting Inc. (TWC Inc.) be received for information;")
    d_item = next(text for label, text in got if text.startswith("That Bhisham Ramoutar"))
    assert d_item.endswith("with a term until December 2025.")


def test_paragraph_numbers_drawn_as_pictures_are_read_from_the_heading_above_and_the_order():
    # Whitby e-scooter by-law: "2. Application and Interpretation" / (a picture of "2.1.") "This By-law applies to
    # ..." / (a picture of "2.2.") "This By-law is subject to ...": the text layer has no number; the page shows
    # one, and the heading above and the order give it
    d = doc("town-of-whitby_2025_bylaw-8209-25-e-scooter-e-bike")
    got = {p.number: p.text for p in d.paragraphs}
    assert got["2.1"].startswith("This By-law applies to the highways, sidewalk, trails")
    assert got["2.2"] == "This By-law is subject to the provisions of the Highway Traffic Act."
    assert got["4.1"].startswith("The Director of Engineering Services for the Town of Whitby")
    assert got["4.14"].startswith("No person shall modify an e-scooter or e-bike")
    assert got["8.1"].startswith("This By-law may be referred to as")
    # numbers printed as text go on as printed (1.1 .. 1.25, 3.1 .. 3.7), and no text keeps the picture's mark
    assert got["1.25"].startswith("\"Walkway\" means") and "3.7" in got
    assert not any("\ufffc" in p.text for p in d.paragraphs)
    assert any("drawn as pictures" in w and "2.1" in w for w in d.warnings)


def test_a_by_laws_lettered_definitions_under_in_this_by_law_are_its_paragraphs():
    # Whitby election signs: (a picture of "1.1.") "In this by-law," / "(a) “adjacent boulevard” means ...;" ...
    # "(s) “voting location” means ...": each definition its own entry, cited 1.1(a); the lead-in stays 1.1
    d = doc("town-of-whitby_2021_bylaw-7749-21-election-signs")
    got = {p.number: p for p in d.paragraphs}
    assert got["1.1"].text == "In this by-law,"
    assert got["1.1(a)"].label == "a" and got["1.1(a)"].text == (
        "“adjacent boulevard” means the boulevard that is immediately adjacent to the front yard or side yard of a "
        "property;")
    assert got["1.1(s)"].text.startswith("“voting location” means any building or part thereof")
    # lettered items that finish a provision's sentence ("4.1 No person shall ... : (a) ...") stay inside it
    assert "4.1(a)" not in got and "(a)" in got["4.1"].text


def test_a_title_in_capitals_right_over_an_outlines_first_item_heads_its_items():
    # San Antonio police procedure: ".04 RECOGNITION OF MENTAL ILLNESS" / "A. Police officers routinely encounter
    # ..." with no space between: the title heads a section, and its letters restart there as paragraphs of their own
    d = doc("san-antonio-pd_2020_gm-procedure-611-mentally-ill-persons")
    assert any(s.heading == ".04 RECOGNITION OF MENTAL ILLNESS" for s in d.sections)
    first = [p for p in d.paragraphs if p.label == "A"]
    assert any(p.text.startswith("Police officers routinely encounter situations involving persons exhibiting")
               for p in first)
    b = next(p for p in d.paragraphs if p.text.startswith("The following are some of the symptoms commonly"))
    assert b.label == "B" and b.text.endswith("associated with persons with mental illness:")
