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


def test_reference_markers_in_square_brackets_are_no_words_of_the_paragraph():
    """NERVTAG's paper cites its reference list in square brackets in the text's own type, in citation order ([1],
    [1], [2], [3], [2], [3], [4], [5]): after a sentence ("... with other variants. [1]"), before its stop ("...
    compared to non-VOC [1]."), after a name ("a paper from LSHTM [2] and ..."), before a colon ("... was also
    reported [4]:").  Like superscript markers they are taken out of the text."""
    d = doc("nervtag_2021_paper-variant-of-concern-b117-severity")
    assert para(d, "2").text.endswith("infection with other variants.")
    assert para(d, "11").text.endswith("compared to non-VOC.")
    assert "a paper from LSHTM and a paper from Imperial College London." in para(d, "13").text
    assert para(d, "16").text == "A PHE retrospective matched cohort study was also reported:"
    assert not any("[" in p.text for p in d.paragraphs)


def test_a_law_reports_year_in_square_brackets_is_kept():
    """Broxbourne's inspector cites "Calverton Parish Council v Nottingham City Council [2015] EWHC 1078 (Admin)":
    a citation the text needs, never a reference marker."""
    d = doc("planning_inspectorate_2020_broxbourne_local_plan_inspector_report")
    text = " ".join(p.text for p in d.paragraphs) + " ".join(n.text for p in d.paragraphs for n in p.notes)
    assert "[2015] EWHC 1078" in text


def test_a_forms_adoption_clause_and_its_rows_of_amounts_are_no_sections_text():
    """Crete Township's budget ordinance, typed on a state form: SECTION 3 ends "... by fund shall be as
    follows:" over rows of a fund and its amount set in far from the text, aligned on the amounts, with no ruling
    lines ("General Road Fund  1,793,647" ... "TOTAL APPROPRIATIONS:  1,935,636"): a table, attached to the
    section, not its words.  SECTION 7 is followed by the adoption clause, "ADOPTED this ____ day of _______ ,
    2022 pursuant to a roll call vote ...": the form's sign-off, not the section's text."""
    d = doc("crete-township_2022_road-district-budget-ordinance")
    s3 = next(p for p in d.paragraphs if p.text.startswith("That the amount appropriated for road purposes"))
    assert s3.text.endswith("by fund shall be as follows:")
    rows = [r for t in s3.tables for r in t.rows]
    assert ("General Road Fund", "1,793,647") in rows and ("TOTAL APPROPRIATIONS:", "1,935,636") in rows
    s7 = next(p for p in d.paragraphs if p.text.startswith("That a certified copy of the Budget"))
    assert s7.text.endswith("within 30 days after adoption.")
    assert any(b.text.startswith("ADOPTED this ____ day of") for b in d.blocks)


def test_a_numbered_list_of_names_printed_in_two_columns_is_one_list_not_paragraphs():
    """Decoy school's final minutes end with "The primary schools involved are:" over ten school names in two
    columns, 1-6 on the left and 7-10 level with them on the right.  The reader took the right column first, so
    "7." to "10." became paragraphs and "1." to "6." a list after them; the list is one, in its order, in its
    block."""
    d = doc("decoy-school_2022_fgb-minutes-may-final")
    assert not any(p.text.startswith(("Bishopsteignton", "Kingskerswell", "Highweek")) for p in d.paragraphs)
    block = next(b.text for b in d.blocks if b.text.startswith("The primary schools involved are:"))
    assert "6. Denbury Community Primary School, 7. Kingskerswell C of E Primary School," in block
    assert block.endswith("10. Highweek Primary School")


def test_a_bold_numbered_paragraph_whose_wrapped_line_opens_with_a_dotted_name_is_no_heading():
    """NERVTAG sets its key finding in bold: "7. Based on these analyses, there is a realistic possibility that
    infection with VOC" runs to the right margin and wraps to "B.1.1.7 is associated with an increased risk ...",
    whose dotted name was taken for a number, so the first line stood alone as a numbered heading."""
    d = doc("nervtag_2021_paper-variant-of-concern-b117-severity")
    assert para(d, "7").text == ("Based on these analyses, there is a realistic possibility that infection with VOC "
                                 "B.1.1.7 is associated with an increased risk of death compared to infection with "
                                 "non-VOC viruses.")
    assert not any(s.number == "7" for s in d.sections)
