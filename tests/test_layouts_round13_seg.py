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


PROSE3 = ["The Commission shall meet at least four times in each calendar year, at",
          "the call of the Chair, and may hold special meetings where the business",
          "of the Commission requires it, with notice given to each member."]


def test_a_quoted_definitions_items_stay_in_the_paragraph_that_quotes_it():
    # MoJ code of practice: "8. The definition of dataset at section 11(5) is as follows:" / (a gap) "In this Act
    # “dataset” means ... -" / "(a) has been obtained ...": the list is the quotation's, not paragraph 8's own
    d = doc("moj_2013_draft-code-of-practice-datasets-foi-s45")
    assert not any(p.number.startswith("8(") for p in d.paragraphs)
    assert "(a) has been obtained or recorded" in next(p.text for p in d.paragraphs if p.number.endswith("8"))


# ---------------------------------------------------------------- sections numbered through chapters and parts

@pytest.fixture(scope="module")
def protocol(tmp_path_factory):
    """An act's layout: "Chapter 1" over sections 1. to 4., "Chapter 2" and its "Part 1" over 5. and 6., each
    section's subsections "(1)", "(2)" set in under its bold title."""
    page, y = [], 60

    def heading(text, size):
        nonlocal y
        page.append((72, y, text, size, "Helvetica-Bold"))
        y += size + 14

    def section(number, title, subsections):
        nonlocal y
        page.append((72, y, f"{number}.  {title}", 10.5, "Helvetica-Bold"))
        y += 19
        for k, lines in enumerate(subsections, start=1):
            page.append((100, y, f"({k})", 9.5, "Helvetica"))
            page.extend((128, y + 13 * j, t, 9.5, "Helvetica") for j, t in enumerate(lines))
            y += 13 * len(lines) + 6
        y += 12

    two = [["The chief executive must keep a record of the volume of water available,",
            "and may release it under a process set out in this protocol."],
           ["The record must be kept on the register and made available to the public",
            "on the department's website."]]
    heading("Chapter 1   Preliminary", 18)
    section(1, "Short title", two)
    section(2, "Purpose of protocol", two)
    section(3, "Interpretation of words used in this protocol", two)
    section(4, "Area to which this protocol applies", two)
    heading("Chapter 2   Unallocated water", 18)
    heading("Part 1   Reserve types and volumes", 15)
    section(5, "Record of volume of unallocated water", two)
    section(6, "Reserve types, volumes and locations", two)
    # a subsection whose sentence its list finishes, the list at the margin the subsection's text wraps to
    page.append((72, y, "7.  Releasing unallocated water", 10.5, "Helvetica-Bold"))
    y += 19
    page.append((100, y, "(1)", 9.5, "Helvetica"))
    page += [(128, y, "The chief executive may release water held in the strategic reserves to the", 9.5, "Helvetica"),
             (128, y + 13, "water supply authority if—", 9.5, "Helvetica")]
    y += 32
    for label, text in (("(a)", "the proposed location is within the water supply scheme; and"),
                        ("(b)", "the volume is available, considering the water already allocated.")):
        page += [(128, y, label, 9.5, "Helvetica"), (156, y, text, 9.5, "Helvetica")]
        y += 19
    page.append((100, y, "(2)", 9.5, "Helvetica"))
    page.append((128, y, "The chief executive must record each release on the register.", 9.5, "Helvetica"))
    return draw(tmp_path_factory.mktemp("protocol") / "protocol.pdf", [page])


def test_sections_numbered_through_chapters_head_their_subsections(protocol):
    # Queensland water management protocols: sections 1-8 under "Chapter 1", 9 under "Chapter 2", 10-11 under its
    # "Part 1": a section after a chapter's or part's heading goes on from the last section, not from the chapter
    d = extract(protocol)
    assert [(s.number, s.heading) for s in d.sections if s.number in ("5", "6")] == [
        ("5", "Record of volume of unallocated water"), ("6", "Reserve types, volumes and locations")]
    assert [p.number for p in d.paragraphs if p.number.startswith(("5(", "6("))] == ["5(1)", "5(2)", "6(1)", "6(2)"]


def test_a_list_at_the_margin_its_subsections_text_wraps_to_finishes_its_sentence(protocol):
    # Queensland protocols: "(2) The chief executive may release water ... if—" / "(a) the proposed location is
    # within—" at the margin (2)'s own text wraps to: its words, not a level of provisions of their own
    d = extract(protocol)
    got = {p.number: p.text for p in d.paragraphs}
    assert [n for n in got if n.startswith("7(")] == ["7(1)", "7(2)"]
    assert got["7(1)"].endswith("if— (a) the proposed location is within the water supply scheme; and (b) the volume "
                                "is available, considering the water already allocated.")


@pytest.fixture(scope="module")
def constitution(tmp_path_factory):
    """A constitution's clauses: "(1)", "(2)" wrapping at their own label's margin, a list set in further."""
    page, y = [], 60
    for number, title in ((4, "Powers"), (5, "Application of income and property")):
        page.append((72, y, f"{number}. {title}", 11, "Helvetica-Bold"))
        y += 20
        page += [(72, y, "(1)   None of the income or property of the charity may be paid or transferred to any", 10,
                  "Helvetica"),
                 (72, y + 13, "member of the charity. This does not prevent a member receiving:", 10, "Helvetica")]
        y += 34
        for label, text in (("(a)", "a benefit from the charity as a beneficiary of the charity;"),
                            ("(b)", "reasonable and proper remuneration for any goods or services supplied.")):
            page.append((100, y, f"{label} {text}", 10, "Helvetica"))
            y += 21
        page.append((72, y, "(2)   Nothing in this clause shall prevent a trustee receiving any benefit authorised.",
                     10, "Helvetica"))
        y += 30
    return draw(tmp_path_factory.mktemp("constitution") / "constitution.pdf", [page])


def test_a_list_set_in_further_than_its_clauses_text_is_its_own_level(constitution):
    d = extract(constitution)
    assert [p.number for p in d.paragraphs][:4] == ["4(1)", "4(1)(a)", "4(1)(b)", "4(2)"]


def test_a_protocols_subsections_after_its_chapter_headings_are_found():
    d = doc("qld-dlgwv_2025_gold-coast-draft-water-management-protocol")
    got = {p.number: p.text for p in d.paragraphs}
    assert got["15(1)"].startswith("Queensland Bulk Water Supply Authority may write to the chief executive")
    assert got["17(2)"].startswith("For subsection (1)(d), Queensland Bulk Water Supply Authority")
    assert got["18(1)"].startswith("Section 18 applies if Queensland Bulk Water Supply Authority")


# ---------------------------------------------------------------- roman items under a lead-in

@pytest.fixture(scope="module")
def statement(tmp_path_factory):
    page = [(72, 60, "MONETARY POLICY STATEMENT", 13, "Helvetica-Bold")]
    y = 90

    def para(label, lines, x_label=72, x_text=90, gap=8):
        nonlocal y
        page.append((x_label, y, label, 10, "Helvetica"))
        page.extend((x_text, y + 13 * k, t, 10, "Helvetica") for k, t in enumerate(lines))
        y += 13 * len(lines) + gap

    para("1.", ["The Board of Directors agreed to maintain the reference rate at 5.75 percent.",
                "Future adjustments will depend on new information about inflation."])
    para("2.", ["The decision to maintain the reference rate considered the following",
                "information and projections:"], gap=12)
    for label, lines in (("i.", ["In May, monthly inflation was -0.09 percent. This result is explained by",
                                 "the reversal of the supply shock effects on certain foods."]),
                         ("ii.", ["Inflation in the major economies has kept falling since 2022. It is expected",
                                  "to continue decreasing gradually over the course of the year."]),
                         ("iii.", ["Expected inflation one year ahead decreased to 2.56 percent in May, within",
                                   "the target range."])):
        para(label, lines, x_label=100, x_text=118, gap=0)
    y += 12
    para("3.", ["The Board is attentive to new information on inflation and its determinants,",
                "to consider, if necessary, further changes in the monetary stance."])
    return draw(tmp_path_factory.mktemp("statement") / "statement.pdf", [page])


def test_roman_items_that_are_sentences_under_a_short_lead_in_are_its_paragraphs(statement):
    # Central Reserve Bank of Peru: "2. The decision ... considered the following information and projections:" /
    # "i. In May, monthly inflation was ... foods." / "ii. ...": the lettered rule's sentences, numbered in roman
    d = extract(statement)
    got = {p.number: p for p in d.paragraphs}
    assert list(got) == ["1", "2", "2(i)", "2(ii)", "2(iii)", "3"]
    assert got["2(ii)"].label == "ii" and got["2(ii)"].text.endswith("over the course of the year.")
    assert got["2"].text.endswith("information and projections:")


def test_the_monetary_statements_roman_items_are_found():
    d = doc("bcrp-peru_2024_monetary-policy-statement-june")
    got = {p.number: p.text for p in d.paragraphs}
    assert got["2(i)"].startswith("In May, monthly inflation was -0.09 percent")
    assert got["2(vi)"].startswith("The outlook for global economic activity")


# ---------------------------------------------------------------- a paper reprinted after another: two roman series

def test_a_press_release_after_the_minutes_numbers_its_parts_in_roman_again():
    # Central Bank of the Republic of China (Taiwan): the minutes' "I." to "III.The Press Release" (no space after
    # the stop), then the press release's "I." to "V.", whose "IV. The Bank has made five amendments ..." and "V. The
    # NT dollar exchange rate ..." are run-in paragraphs
    d = doc("central-bank-roc-taiwan_2024_monetary-policy-meeting-minutes-march")
    got = {p.label: p.text for p in d.paragraphs}
    assert got["IV"].startswith("The Bank has made five amendments to its selective credit control measures")
    assert got["V"].startswith("The NT dollar exchange rate is in principle determined by market forces.")


@pytest.fixture(scope="module")
def reprinted(tmp_path_factory):
    pages = []
    for title, parts in (("MINUTES OF THE BOARD MEETING", ["Staff Review of Economic Conditions",
                                                           "Proposition and Decision", "The Press Release"]),
                         ("PRESS RELEASE", ["Global economic conditions", "Domestic economic conditions",
                                            "Monetary policy decision",
                                            "The Bank has made five amendments to its credit control measures since 2020,"
                                            ])):
        page, y = [(72, 60, title, 13, "Helvetica-Bold")], 90
        for k, part in enumerate(parts, start=1):
            numeral = ["I.", "II.", "III.", "IV."][k - 1]
            page.append((72, y, f"{numeral} {part}", 10, "Helvetica-Bold" if k < 4 else "Helvetica"))
            y += 13
            lines = PROSE3 if k < 4 else ["which have helped enhance banks' risk management of real estate lending",
                                          "and curb an excessive flow of credit into the real estate market."]
            page.extend((92, y + 13 * j, t, 10, "Helvetica") for j, t in enumerate(lines))
            y += 13 * len(lines) + 12
        pages.append(page)
    return draw(tmp_path_factory.mktemp("reprinted") / "reprinted.pdf", pages)


def test_two_roman_series_one_after_the_other_are_both_read(reprinted):
    d = extract(reprinted)
    assert [p.label for p in d.paragraphs if p.label == "IV"] == ["IV"]
    assert next(p.text for p in d.paragraphs if p.label == "IV").startswith("The Bank has made five amendments")
    assert [p.label for p in d.paragraphs] == ["IV"]  # the part titles are no paragraphs
    assert [(s.number, s.heading) for s in d.sections if s.number] == [
        ("I", "Staff Review of Economic Conditions"), ("II", "Proposition and Decision"), ("III", "The Press Release"),
        ("I", "Global economic conditions"), ("II", "Domestic economic conditions"),
        ("III", "Monetary policy decision")]


# ---------------------------------------------------------------- a heading numbered in small roman numerals

def test_headings_numbered_in_small_roman_stand_apart_once_their_gaps_are_seen():
    # MoJ code of practice: "ii. Scope", "vi. Costs and fees" in bold after a gap; once the paper's gaps were found
    # (its lines' boxes taller than their pitch) they had to head sections as bold titles do, not only as a title
    # set tight over its text; "... final code.]" ends its paragraph as a sentence does
    d = doc("moj_2013_draft-code-of-practice-datasets-foi-s45")
    heads = [s.heading for s in d.sections]
    assert "ii. Scope" in heads and "vi. Costs and fees" in heads
    assert next(p.text for p in d.paragraphs if p.label == "25").endswith("on use of this licence in the final code.]")


def test_a_small_roman_numeral_before_a_capital_is_a_titles_number():
    from lspkit.segment.lines import Body

    assert Body.heading_text("ii. Scope") and Body.heading_text("xii. Complaints")
    assert not Body.heading_text("iii) the proposed use of the water") and not Body.heading_text("ii. the")
    from lspkit.segment.paragraphs import SENTENCE_END

    assert SENTENCE_END.search("[Note: this licence is described in the final code.]")


# ---------------------------------------------------------------- an undotted number set tight under its heading

@pytest.fixture(scope="module")
def guidance(tmp_path_factory):
    """Guidance numbered 1, 2, 3 ... without dots, each paragraph a line's space below the last, and bold subheadings
    set tight over the paragraph they head (no more space under them than between two lines)."""
    lines = [("1 The Regulations set out the essential aspects of first aid that employers have", False),
             ("to address, and this publication will help them to understand and comply.", False),
             ("", False),
             ("2 This publication contains the Regulations and guidance, the Regulations in", False),
             ("italics and the guidance on them in plain text.", False),
             ("", False),
             ("Nature of the work", True),
             ("3 The Management of Health and Safety at Work Regulations require employers to", False),
             ("make an assessment of the risks to the health and safety of their employees.", False),
             ("", False),
             ("History of accidents", True),
             ("4 Information collected when investigating previous accidents should be used when", False),
             ("assessing the adequacy of future first-aid provision.", False)]
    page, y = [], 100
    for text, bold in lines:
        if text:
            page.append((178, y, text, 10, "Helvetica-Bold" if bold else "Helvetica"))
        y += 12
    return draw(tmp_path_factory.mktemp("guidance") / "guidance.pdf", [page])


def test_an_undotted_number_right_under_a_tight_heading_starts_its_paragraph(guidance):
    # HSE's L74 guidance: "Nature of the work" (bold) / "12 The Management of Health and Safety at Work Regulations
    # 1999 require" with no space between: the next number of the series, though no sentence ends above it
    d = extract(guidance)
    got = {p.number: p.text for p in d.paragraphs}
    assert list(got) == ["1", "2", "3", "4"]
    assert got["3"].startswith("The Management of Health and Safety at Work Regulations")
    assert [s.heading for s in d.sections] == ["Nature of the work", "History of accidents"]


def test_the_guidances_paragraphs_under_tight_subheadings_are_found():
    d = doc("hse_2024_l74-first-aid-at-work-guidance")
    got = {p.number: p.text for p in d.paragraphs}
    assert got["12"].startswith("The Management of Health and Safety at Work Regulations 1999 require")
    assert got["19"].startswith("Generally, the larger the workforce, the greater the first-aid provision")
