"""What round 10 left on the round-9 papers, fixed as mechanisms (data/real/; restored by data/real/restore.py): a
committee's numbered items set as a title over its record, a roman sub-paragraph under a lettered one, lists of
names and a list nested under a list entry, and the ruled tables of a paper with no numbered paragraphs.  Each test
checks the page as printed; papers not on this machine skip with the reason."""
from __future__ import annotations

from real_util import doc, para


def test_a_committees_items_are_one_kind_a_short_title_over_its_record_is_an_item_like_its_neighbours():
    # Manhattan CB1: "Waterfront Committee" / "1. Comprehensive Waterfront Plan - Update" / (italic) "The Department
    # of City Planning reported ..." / "2. RiverAlive wants to build on Pier 13. However, ...".  Item 1 alone looks
    # like a numbered title over unnumbered prose; its neighbour runs on as a paragraph does, so it is an item too
    d = doc("manhattan-cb1_2010_monthly-meeting-minutes-march")
    assert para(d, "Waterfront Committee 1").text == (
        "Comprehensive Waterfront Plan - Update The Department of City Planning reported on an update of the "
        "Citywide Comprehensive Waterfront Plan.")
    assert para(d, "Waterfront Committee 2").text.startswith("RiverAlive wants to build on Pier 13.")
    # a committee with one item ("1. Report" over its record): the next committee's items decide
    assert para(d, "Task Force to Commemorate 1").text.startswith("Report On Thursday, at 6:00 PM the task force")
    # items set apart from their record by a gap, or the first of three such titles, are items as well
    assert para(d, "Planning and Community Infrastructure 1").text.startswith(
        "New York Land Use Review Procedure – Resolution NYC Charter Revision will be on the ballot")
    assert para(d, "Planning and Community Infrastructure 4").text.startswith("IPN Senior Center - Report Thanks")
    # no numbered section is made of any of them: the committees' names are the only headings there
    assert not [s for s in d.sections if s.number and s.page >= 5]


def test_the_same_number_under_the_next_heading_begins_its_series_again():
    # "1. Report" under the task force, then "1. Battery Park City Library Branch" under the next committee: not a
    # number printed twice (no "(2)" id, no warning) but the next committee's own item 1
    d = doc("manhattan-cb1_2010_monthly-meeting-minutes-march")
    numbers = [p.number for p in d.paragraphs]
    assert "Battery Park City Committee 1" in numbers and "Personnel Committee 1" in numbers
    assert "Street Fair Task Force 1" in numbers
    assert not any("(2)" in n for n in numbers)
    assert not any("printed more than once" in w for w in d.warnings)
    # a heading's first words that end on a small word are cut before it: "BPC Community Center", not "... and"
    assert "BPC Community Center 1" in numbers


def test_a_numbered_list_of_names_under_its_lead_in_is_no_paragraphs():
    # "The following five members confirmed ... for the Nominating / Committee:" / "1. Linda Belfer" / "2. Mariama
    # James;" ... "5. Paul Sipos": the paper's first numbers, a list of names, not paragraphs 1 to 5
    d = doc("manhattan-cb1_2010_monthly-meeting-minutes-march")
    assert not any(p.text.startswith(("Linda Belfer", "Mariama James", "Paul Sipos")) for p in d.paragraphs)
    assert any("Linda Belfer" in b.text and "Paul Sipos" in b.text for b in d.blocks)


def test_a_roman_sentence_under_a_lettered_paragraph_is_its_sub_paragraph():
    # NERVTAG: "17. There are potential limitations in these datasets:" / "c. Some laboratories ... positive
    # samples." / (set in further) "i. A sensitivity analysis of the Imperial study produced ..." / "d. ..."
    d = doc("nervtag_2021_paper-variant-of-concern-b117-severity")
    sub = para(d, "17(c)(i)")
    assert sub.label == "i" and sub.parent == "17(c)"
    assert sub.text.startswith("A sensitivity analysis of the Imperial study produced a CFR ratio estimate")
    assert sub.text.endswith("These results were similar to those obtained without this restriction.")
    assert para(d, "17(c)").text.endswith("no such ct threshold was applied to non-SGTF positive samples.")
    numbers = [p.number for p in d.paragraphs]
    assert numbers[numbers.index("17(c)(i)") + 1] == "17(d)"


def test_a_lettered_list_nested_under_a_list_entry_is_no_agenda_item():
    # Decoy school FGB: item 114's topics for the next agenda, "h. Committee Reports" / "a. Learning & Wellbeing
    # Committee (27 June 2022)" / "b. Business Management Committee (4 July 2022)": a sub-list of an entry of a list
    for name in ("decoy-school_2022_fgb-minutes-may-final", "decoy-school_2022_fgb-minutes-may-draft"):
        d = doc(name)
        assert not any(p.text.startswith("Learning & Wellbeing Committee (27 June") for p in d.paragraphs), name
        assert not any(p.text.startswith("Business Management Committee (4 July") for p in d.paragraphs), name
        # the item's own lettered notes are still its paragraphs
        assert para(d, "FGB 111/2122(a)").text.startswith("Learning & Wellbeing Committee (9 May 2022)")


def test_a_paper_without_numbered_paragraphs_keeps_its_tables_as_blocks():
    # Manhattan CB4's minutes are ruled tables ("Chair's Report | The Chair gave the following updates: ... Clinton
    # Hell's Kitchen Land Use (CHKLU) and Housing, Health & / Human Services Committees (HHHS): ..."); with no
    # paragraph to attach them to they were lost, and what they define with them
    d = doc("manhattan-cb4_2022_full-board-minutes-september")
    assert not d.paragraphs
    texts = [b.text for b in d.blocks]
    assert any("Clinton Hell’s Kitchen Land Use (CHKLU) and Housing, Health & Human Services Committees (HHHS)" in t
               for t in texts)
    assert any(t.startswith("VOTING KEY Y=Yes N=No A=Abstain") for t in texts)
    # in their place among the other blocks: page 2's table after page 2's text, before page 4's
    pages = [b.page for b in d.blocks]
    assert pages == sorted(pages)


def test_what_became_of_an_item_after_a_gap_is_its_record_not_its_text():
    # "3. Enforcement of licensed sightseeing guide requirement for tour buses - Resolution" / (gap) "TABLED, because
    # of concerns including the lack of a requirement ...": the item's outcome, kept out of its text
    d = doc("manhattan-cb1_2010_monthly-meeting-minutes-march")
    assert para(d, "Quality of Life Committee 3").text == (
        "Enforcement of licensed sightseeing guide requirement for tour buses - Resolution")
    assert any(b.text.startswith("TABLED, because of concerns") for b in d.blocks)


def test_a_sub_heading_at_a_pages_foot_heads_the_letters_on_the_next_page():
    # Decoy school BM committee: the minutes table's notes column ends page 8 with "Health & safety:", its own "a.
    # Consider any H & S or security issues ..." on page 9 (the footer between them): a sub-heading, never glued to
    # "a. Elect Chair for the next academic year" above it
    d = doc("decoy-school_2022_bm-committee-minutes-may")
    elect = next(p for p in d.paragraphs if p.text.startswith("Elect Chair"))
    assert elect.text == "Elect Chair for the next academic year"
    consider = next(p for p in d.paragraphs if p.text.startswith("Consider any H & S"))
    assert consider.label == "a" and consider.page == 9
