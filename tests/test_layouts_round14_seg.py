"""Round 14 (issue 10): legislation-style layouts that many publishers share (local laws, by-laws, policies), each
checked on the real paper that shows it (data/real/, skipped where the paper is not on this machine) and on a small
page drawn here that is not from the corpus."""
from __future__ import annotations

import pytest

from lspkit.api import extract

from real_util import doc
from test_segment_layout import draw


def _numbers(d):
    return [p.number for p in d.paragraphs]


# ---------------------------------------------------------------- sections numbered with the section sign

def test_a_local_laws_section_sign_sections_subdivisions_and_items_are_paragraphs():
    # NYC Local Law 91 of 2018 (Word 2016, typed double-spaced, paragraphs set apart by a first-line indent only):
    # "Section 1. There is ...", "§ 2. Composition of the commission. a. The commission shall ... as follows:",
    # "1. four members ...", "b. The speaker ...", ... "§ 6. Effective date. This local law takes effect ..."
    d = doc("nyc_2018_local-law-91-charter-revision-commission")
    got = {p.number: p for p in d.paragraphs}
    assert got["Section 1"].text == ("There is hereby established a commission to draft a new or revised charter "
                                     "for the city of New York.")
    assert got["§ 2"].text == "Composition of the commission."
    assert got["§ 2(a)"].text.startswith("The commission shall consist of up to 15 members")
    assert got["§ 2(a)"].parent == "§ 2" and got["§ 2(a)"].label == "a"
    assert [got[f"§ 2(a)({k})"].text for k in (1, 5)] == ["four members appointed by the mayor;",
                                                          "one member appointed by the comptroller."]
    assert got["§ 2(a)(4)"].text == "one member appointed by the public advocate; and"
    assert got["§ 2(h)"].text.endswith("if no such questions have been submitted by that time.")
    # a subdivision over the page break: the page number is not in it, and it goes on at the next page's top
    assert "2 " not in got["§ 3(g)"].text[-80:] and got["§ 3(g)"].text.endswith("board may require.")
    assert [n for n in _numbers(d) if n.startswith("§ 3(")] == [f"§ 3({c})" for c in "abcdefghi"]
    assert got["§ 6"].text == "Effective date. This local law takes effect immediately."
    assert not any("CITY CLERK" in p.text for p in d.paragraphs)  # the clerk's certificate after the last section


LAW = [
    ("§ 1-101", "Short title. This chapter shall be known as the parks concession law of the town."),
    ("§ 1-102", "Definitions. a. As used in this chapter, the following terms have these meanings:"),
    ("1.", "\"concession\" means a license to sell goods or services in a park; and"),
    ("2.", "\"commissioner\" means the commissioner of parks of the town."),
    ("b.", "Terms not defined here have the meanings given in section 1-101 of this code."),
    ("§ 1-103", "Licences. a. No person shall operate a concession without a license issued by the"),
    ("", "commissioner under this section."),
    ("b.", "A license shall be valid for one year and may be renewed."),
    ("§ 1-104", "Effective date. This local law takes effect ninety days after it becomes law."),
]


@pytest.fixture(scope="module")
def code_sections(tmp_path_factory):
    """A town code's sections "§ 1-101 Short title. This chapter ...", run-in titles, subdivisions "a.", "b." and
    items "1.", "2." at the section's first-line indent, wrapped lines at the margin, and a "§ 12" cited at a line's
    start mid-sentence; then a signature block in smaller type."""
    page, y = [(72, 60, "LOCAL LAW NO. 4 OF 2025", 12, "Helvetica-Bold"),
               (72, 84, "Be it enacted by the Town Board as follows:", 10, "Helvetica")], 108
    for label, text in LAW:
        x = 72 if not label else 90
        page.append((x, y, f"{label} {text}".strip(), 10, "Helvetica"))
        y += 14
        if label == "§ 1-101":  # a section whose text wraps, and cites "§ 12" at the wrapped line's start
            page.append((72, y, "§ 12 of the town law applies to it as to every other chapter of this code.", 10,
                         "Helvetica"))
            y += 14
    page += [(300, y + 30, "JANE ROE, Town Clerk", 8, "Helvetica"),
             (72, y + 44, "I hereby certify that the foregoing local law was passed on March 3, 2025.", 8,
              "Helvetica")]
    return draw(tmp_path_factory.mktemp("code") / "code.pdf", [page])


def test_section_sign_sections_of_a_drawn_code_are_paragraphs_cited_by_their_path(code_sections):
    d = extract(code_sections)
    assert _numbers(d) == ["§ 1-101", "§ 1-102", "§ 1-102(a)", "§ 1-102(a)(1)", "§ 1-102(a)(2)", "§ 1-102(b)",
                           "§ 1-103", "§ 1-103(a)", "§ 1-103(b)", "§ 1-104"]
    got = {p.number: p.text for p in d.paragraphs}
    assert got["§ 1-101"] == ("Short title. This chapter shall be known as the parks concession law of the town. "
                              "§ 12 of the town law applies to it as to every other chapter of this code.")
    assert got["§ 1-102"] == "Definitions."
    assert got["§ 1-103(a)"] == ("No person shall operate a concession without a license issued by the "
                                 "commissioner under this section.")
    assert got["§ 1-104"].endswith("ninety days after it becomes law.")
    assert not any("Town Clerk" in t or "hereby certify" in t for t in got.values())


@pytest.fixture(scope="module")
def titled_sections(tmp_path_factory):
    """"§ 1 - Definitions" over its text on the lines below (a by-law's stretch energy code): titles, not
    sections that run on; and a bullet list drawn with "§" as its glyph."""
    page = [(72, 60, "§ 1 - Definitions", 10.5, "Helvetica-Bold"),
            (90, 76, "Stretch Energy Code is the model code with the amendments adopted by the state.", 10,
             "Helvetica"),
            (72, 100, "§ 2 - Purpose", 10.5, "Helvetica-Bold"),
            (90, 116, "The purpose of the code is to provide an energy efficient alternative.", 10, "Helvetica"),
            (90, 140, "§ Buildings of every kind", 10, "Helvetica"), (90, 154, "§ Additions to buildings", 10,
                                                                     "Helvetica")]
    return draw(tmp_path_factory.mktemp("titled") / "titled.pdf", [page])


def test_section_signs_with_only_a_title_or_as_bullets_are_no_sections_that_run_on(titled_sections):
    d = extract(titled_sections)
    assert not any(p.number.startswith("§") for p in d.paragraphs)


# ---------------------------------------------------------------- bracketed numbers restarting under each heading

def test_a_policys_bracketed_series_restart_under_each_unnumbered_heading():
    # Hertingfordbury Parish Council grants policy (Word for Office 365): "General criteria - these apply to all
    # applications:" / "(1)" ... "(9)", "Applications for support for a Commemorative Event ..." / "(1)", "(2)",
    # "Conditions" / "(1)", "(2) (a) Recipients ...", "(b)" ... "(d)", "(3)" ...
    d = doc("hertingfordbury-pc_2012_grants-policy")
    got = {p.number: p for p in d.paragraphs}
    criteria = "General criteria – these apply to all applications"
    assert [got[f"{criteria} ({k})"].label for k in range(1, 10)] == [str(k) for k in range(1, 10)]
    assert got[f"{criteria} (9)"].text == ("The Parish Council cannot give financial assistance to individuals "
                                           "under this scheme.")  # the next heading is not its text
    assert got["Applications for support for a Commemorative Event or Festival (2)"].text.startswith("Preferably")
    assert got["Conditions (1)"].text.startswith("All grants will be conditional upon submission")
    assert "Conditions (2)" not in got  # "(2) (a) Recipients ...": no text of its own
    assert [got[f"Conditions (2)({c})"].parent for c in "abcd"] == ["Conditions (2)"] * 4
    assert got["Conditions (2)(a)"].text.startswith("Recipients of grants from the Parish Council")
    assert got["Conditions (5)"].text == "Recognition of the grant from the Parish Council must be made in any publicity."
    assert got["How will the application be assessed? (2)"].text == "How effectively the group will use the grant"


def _series(tmp_path_factory, name, heading_font="Helvetica-Bold", inside_number=False):
    page, y = [], 60
    if inside_number:
        page.append((72, y, "1. The scheme is run by the committee and its rules are set out below.", 10,
                     "Helvetica"))
        y += 22
    for heading, items in (("Who may apply", ["Any club based in the village may apply for a grant",
                                              "Individuals may not apply for any grant under this scheme"]),
                           ("How to apply:", ["Fill in the form and send it to the Clerk", "Attach your accounts",
                                              "Say what the money will be spent on and when"])):
        page.append((72, y, heading, 10.5, heading_font))
        y += 16
        for k, text in enumerate(items, start=1):
            page.append((72, y, f"({k}) {text}", 10, "Helvetica"))
            y += 15
        y += 10
    return draw(tmp_path_factory.mktemp(name) / f"{name}.pdf", [page])


def test_a_drawn_bracketed_series_restarting_under_headings_gives_paragraphs(tmp_path_factory):
    d = extract(_series(tmp_path_factory, "brackets"))
    assert _numbers(d) == ["Who may apply (1)", "Who may apply (2)", "How to apply (1)", "How to apply (2)",
                           "How to apply (3)"]
    assert d.paragraphs[-1].text == "Say what the money will be spent on and when"


def test_bracketed_items_under_a_numbered_paragraph_stay_its_list(tmp_path_factory):
    d = extract(_series(tmp_path_factory, "inside", inside_number=True))
    assert not any("(1)" in p.number and "apply" in p.number for p in d.paragraphs)


# ---------------------------------------------------------------- a by-law's bare "SECTION N." over its text

def test_a_bylaws_bare_bold_section_labels_number_the_prose_set_in_under_them():
    # Brookfield (MA) general by-laws (PDFMaker): "CHAPTER II Town Meetings" / "SECTION 1." in bold, larger type,
    # and under it, after a gap, the provision's text indented as a block; numbering restarts in every chapter, so
    # each provision is cited with its chapter ("2(Section 1)": Section 1 of Chapter II)
    d = doc("brookfield-ma_2024_general-bylaws")
    got = {p.number: p for p in d.paragraphs}
    assert got["1(Section 1)"].text == ("The following provisions shall constitute the General By-Laws of the Town "
                                        "of Brookfield, Massachusetts which shall be in lieu of all By-Laws "
                                        "heretofore in force.")
    assert got["1(Section 1)"].label == "Section 1"
    assert got["2(Section 1)"].text.startswith("The Annual Town Election shall be held on the first Monday of May")
    assert got["2(Section 12)"].text == "There shall be no more than two amendments to a motion."
    # a label after a gap in larger bold type ends the provision above, however its last line ended ("... (AG
    # Approval July 28, 2011)" / "SECTION 5."); its lettered provisions, spaced apart at its text's margin, are
    # "5(Section 5)(a)" to "(d)", a note set in under one of them ("(Amended June 15, 2018) ...") inside it
    assert got["5(Section 4)"].text.endswith("(AG Approval July 28, 2011)")
    assert got["5(Section 5)"].text.startswith("Any local license or permit including renewals")
    assert got["5(Section 5)"].text.endswith("(Added 5/1991)")
    assert [got[f"5(Section 5)({c})"].parent for c in "abcd"] == ["5(Section 5)"] * 4
    assert got["5(Section 5)(c)"].text.startswith("Any party shall be given an opportunity")


def test_a_bylaws_grade_list_is_no_paragraphs():
    # the same by-law's "GRADES FOR POSITIONS": "1 Casual Labor", "2 Cemetery Caretakers", "2 Clerks", ...,
    # "P1 Part-time Police": the grade repeats down the rows, a value each row holds, not its number
    d = doc("brookfield-ma_2024_general-bylaws")
    assert not any(p.text.startswith(("Casual Labor", "Clerks", "Custodians", "Town Clerk", "Part-time Police"))
                   for p in d.paragraphs)


PROVISIONS = [
    ["The parks of the town shall be open from dawn to dusk on every day of the year, unless the",
     "Board closes them for works, for an event it has licensed, or for the safety of the public,",
     "and it shall give notice of every such closing at the entrances of the park concerned, in",
     "writing, at least seven days before the closing begins."],
    ["No person shall light a fire in any park except in a grill provided for that purpose by the",
     "town, and no person shall leave a fire unattended or fail to put it out before leaving the",
     "grill, whether or not the fire was lit by that person or by another person who has since",
     "left the park."],
    ["The Board may make rules for the use of the parks, including rules on dogs, bicycles, games",
     "and gatherings, and shall post the rules at every entrance of every park and on the town's",
     "notice board, where they shall remain for as long as they are in force and for thirty days",
     "after they are repealed."],
    ["Any person who breaks a rule made under this chapter may be asked to leave the park by an",
     "officer of the town or by a member of the Board, and a person who refuses to leave when so",
     "asked shall be liable to a fine of fifty dollars for each offense committed, to be recovered",
     "by complaint in the district court."],
    ["The Board shall report each year to the annual town meeting on the state of the parks, the",
     "works done in them during the year, the rules in force and the fines collected under this",
     "chapter, and it shall recommend such changes to this chapter as it thinks fit, with the cost",
     "of each."],
]


@pytest.fixture(scope="module")
def bylaw(tmp_path_factory):
    """A by-law drawn with bold labels "SECTION 1." alone on their lines in larger type, each provision's text
    indented under it after a gap (lines whose boxes overlap the next, 11.5 pt type 12 pt apart, as PDFMaker's
    do), so that half the spacings between lines are the gaps around the labels; then a list of grades whose
    numbers repeat."""
    pages = []
    for top, chapter in ((50, "CHAPTER III Parks"), (90, "CHAPTER IV Cemeteries")):
        page, y = [(72, top, chapter, 16, "Helvetica-Bold")], top + 30
        for k, lines in enumerate(PROVISIONS, start=1):
            page.append((72, y, f"SECTION {k}.", 13, "Helvetica-Bold"))
            y += 24
            for t in lines:
                page.append((120, y, t, 11.5, "Helvetica"))
                y += 12
            y += 14
        pages.append(page)
    y = 640
    for grade, title in [(1, "Seasonal Laborer"), (2, "Groundskeeper"), (2, "Custodian"), (2, "Clerk"),
                         (3, "Park Ranger"), (3, "Foreman")]:
        pages[-1].append((120, y, f"{grade} {title}", 11.5, "Helvetica"))
        y += 18
    return draw(tmp_path_factory.mktemp("bylaw") / "bylaw.pdf", pages)


def test_a_drawn_bylaws_bare_labels_number_their_provisions_and_grades_are_a_list(bylaw):
    d = extract(bylaw)
    assert [p.label for p in d.paragraphs] == [f"Section {k}" for k in range(1, 6)] * 2
    assert [p.text for p in d.paragraphs] == [" ".join(lines) for lines in PROVISIONS] * 2
    assert d.paragraphs[5].number != d.paragraphs[0].number  # each chapter's Section 1: ids of their own


# ---------------------------------------------------------------- "Section N:" with a short lead-in of its own

def test_a_section_with_a_short_lead_in_is_a_provision_over_its_items():
    # Montague (MA) by-laws: "Section 5: Their annual report shall contain:" / "(a) A statement ...": the lead-in is
    # the section's text (a verb: a provision, not a title), and the numbering jumps past repealed sections under
    # a new heading ("AUDITORS" / "*(Sections 18, 19, 20, 21, and 22 ... repealed ...)" / "BOARD OF HEALTH" /
    # "Section 23: The Board of Health shall keep records showing:")
    d = doc("montague-ma_2021_general-bylaws")
    texts = {p.text for p in d.paragraphs}
    assert "Their annual report shall contain:" in texts
    assert "The Board of Health shall keep records showing:" in texts
    assert any(t.startswith("It shall be their duty to look after the sanitary condition") for t in texts)


# ---------------------------------------------------------------- the next undotted number right under a heading

@pytest.fixture(scope="module")
def grades_after_paragraphs(tmp_path_factory):
    """Paragraphs "1." to "4.", then a heading, then a list of grades set tight, undotted ("3 Library Assistant",
    "4 Water Operator", "5 Highway Foreman", ...): the grade after "4 Water Operator" follows the last paragraph's
    number, but the line above it is a row of the list, not the heading."""
    page, y = [], 80
    for k, text in enumerate(["The Board shall meet once a month at the Town Hall.",
                              "The Board shall elect a chair at its first meeting each year.",
                              "The Board shall fix the grade of every position of the town.",
                              "The Board shall keep minutes of every meeting it holds."], start=1):
        page.append((72, y, f"{k}. {text}", 10, "Helvetica"))
        y += 22
    page.append((72, y + 8, "GRADES FOR POSITIONS", 11, "Helvetica-Bold"))
    y += 30
    for grade, title in [(3, "Library Assistant"), (4, "Water Operator"), (5, "Highway Foreman"), (6, "Assessor")]:
        page.append((72, y, f"{grade} {title}", 10, "Helvetica"))
        y += 12
    return draw(tmp_path_factory.mktemp("grades") / "grades.pdf", [page])


def test_a_row_of_numbered_titles_under_another_row_is_no_paragraph(grades_after_paragraphs):
    # Brookfield's grades ("4 Water Operators" / "5 Highway Foreman 6 Assessor ...") were read as paragraph 5 since
    # round 13's rule for the next undotted number right under a heading ("Nature of the work" / "12 The
    # Management of ..."), there fired with the heading far above
    d = extract(grades_after_paragraphs)
    assert [p.number for p in d.paragraphs] == ["1", "2", "3", "4"]
