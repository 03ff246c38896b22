"""Board minutes set as a three-column ruled grid, in fonts without a Unicode map (data/real/; restored by
data/real/restore.py): San Diego Unified School District's Board of Education, PageMaker through Acrobat Distiller 4.0.

Two mechanisms.  Reading: the fonts are Type 1C subsets with no ToUnicode map and glyphs named by number ("/G78"
for "N"), so pdfium gives bare glyph codes; the reader recovers the characters from the glyph names, as poppler
does (lspkit.read.glyphs).  Layout: each page is a grid of vote marks ("Motion X", "Second X", "Ayes X X X"), the
agenda item and the Board's action; the items are the paragraphs, the action their outcome, the marks a table
(lspkit.segment.tablerows.grid_rows).  Papers not on this machine skip with the reason."""
from __future__ import annotations

from real_util import doc, para, real_pdf

SEPT = "sdusd-board-of-education_2000_regular-meeting-minutes-september-5"
MAY = "sdusd-board-of-education_2003_special-meeting-minutes-may-12"


def test_text_of_fonts_that_name_their_glyphs_by_number_is_read():
    # every font of the paper lacks a ToUnicode map and names its glyphs "/G32", "/G77", ...: read through the names
    # (the refusal "no readable text: ... glyph codes" before), with no character left out and no warning about it
    d = doc(MAY)
    assert not any("Unicode" in w for w in d.warnings)
    assert para(d, "10(a)").text == ("Resolution in the Matter of the Reduction of Classified Services for the 2003-04 "
                                     "School Year. (Office-Technical and Business Services Unit)")


def test_glyph_names_give_the_characters_poppler_gives():
    # the per-font maps themselves, against the page as printed: "/G147" and "/G148" are Windows' curly quotes
    from lspkit.read.glyphs import document_page_maps

    data = real_pdf(f"{MAY}.pdf").read_bytes()
    maps = document_page_maps(data, 1)
    body = maps["Times.New.Roman091.688406"]  # the body font, subset tag removed as pdfium reports the name
    assert [body[c] for c in range(1, 7)] == [" ", "M", "a", "y", "1", "2"]
    assert set(body.values()) >= set("“”'()-,.:")
    assert "".join(maps["Times.New.Roman.Bold091.688413"][c] for c in (1, 2)) == "I."


def test_the_middle_column_items_are_the_paragraphs_cited_under_their_heading():
    # "10. OFFICE OF THE SUPERINTENDENT--Human Resource Services" heads "a." to "f." (f. on the next page, under the
    # headings the page repeats): the paragraphs 10(a)-10(f), never glued to the vote marks printed on their lines
    d = doc(MAY)
    assert [p.number for p in d.paragraphs] == [f"10({c})" for c in "abcdef"]
    assert [p.page for p in d.paragraphs] == [1, 1, 1, 1, 1, 2]
    assert para(d, "10(f)").text.endswith("Services for the 2003-04 School Year. (Unrepresented)")
    assert not any("Motion" in p.text or " X " in p.text for p in d.paragraphs)
    assert ("10", "OFFICE OF THE SUPERINTENDENT--Human Resource Services") in [(s.number, s.heading) for s in
                                                                             d.sections]


def test_the_right_column_is_the_outcome_never_the_text():
    # the action column beside an item: its lines joined (a word broken at a line's end whole again), the outcome
    d = doc(MAY)
    assert para(d, "10(a)").outcome == ("Approve Superintendent's recommendation to adopt resolutions in the matter "
                                        "of reduction of classified services, E10a through E10f.")
    d = doc(SEPT)
    assert para(d, "E(2)").outcome == "Adopt. See EXHIBIT E2 which is made a part of these minutes."
    assert para(d, "G(3)").outcome == "Approve."
    assert not any("EXHIBIT" in p.text for p in d.paragraphs)


def test_numbers_restart_under_each_lettered_section_and_letters_under_each_number():
    # C. 1., D. 1.-4., E. 1.-2., F. 1.-2., G. 1. ADMINISTRATION--Finance a.-c. (with "1. David Page addressed ..."
    # inside b.), G. 2. ... a., then G. 3. and 4.: the numbers after the headings' own run on under G
    d = doc(SEPT)
    assert [p.number for p in d.paragraphs] == [
        "C(1)", "D(1)", "D(2)", "D(3)", "D(4)", "E(1)", "E(2)", "F(1)", "F(2)", "1(a)", "1(b)", "1(b)(1)", "1(c)",
        "2(a)", "G(3)", "G(4)"]
    assert para(d, "1(b)").text == "PUBLIC HEARINGS on the Proposed 2000-2001 District Budget. (Time certain: 5:45 p.m.)"
    assert para(d, "2(a)").text == "Appointment/Reassignment of Personnel"  # the statement set apart below is no part


def test_the_vote_marks_are_tables_and_the_spelled_names_are_furniture():
    d = doc(SEPT)
    tables = [t for p in d.paragraphs for t in p.tables]
    assert tables and all(t.rows[0][0] in ("Motion", "Present") for t in tables)
    assert ("Motion", "X") in [r for t in tables for r in t.rows]
    # the members' names spelled letter under letter over the marks ("B", "R", "A", "U", "N") head the columns
    assert not any(len(b.text.replace(" ", "")) <= 3 and b.text.isupper() for b in d.blocks)


def test_made_up_glyph_names_are_no_characters():
    # numbers read as codes only where every one gives a printable character and some give letters: "/g10", "/g11"
    # numbering a font's glyphs give control codes, and such a font keeps no map (its text stays unreadable)
    from lspkit.read.glyphs import _decode

    assert _decode({1: "G78", 2: "G97", 3: "G32", 4: "G147"}) == {1: "N", 2: "a", 3: " ", 4: "“"}
    assert _decode({1: "Ga3", 2: "G41"}) == {1: "£", 2: "A"}  # a hex letter in one name: all are hex
    assert _decode({k: f"g{k + 9}" for k in range(1, 30)}) == {}
    assert _decode({1: "A", 2: "g12"}) == {1: "A"}  # the glyph list's names still count
