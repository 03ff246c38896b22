"""Agenda items (lspkit/segment/agenda.py), each mechanism tested on the round-8 US agenda that shows it (data/real/;
restored by data/real/restore.py).  Break the mechanism and the items it protects are lost to headings, glued
into one another, or carry their links and the next page's running title as text."""
from __future__ import annotations

from real_util import doc, para


def _by_label(d, label, heading=None):
    return [p for p in d.paragraphs if p.label == label and (heading is None or p.heading == heading)]


def test_numbered_items_set_in_under_unnumbered_headings_are_the_paragraphs():
    # La Habra Heights (Granicus page printed from Firefox): "1. CALL MEETING TO ORDER" ... short titles in capitals
    # set in under "OPENING CEREMONIES", again from "1." under "REGULAR BUSINESS AT 6:30 P.M." and running on to 27
    # across "CONSENT CALENDAR", "PUBLIC HEARING", "ADMINISTRATIVE ITEMS": every item a paragraph, none a heading.
    d = doc("la-habra-heights_2022_city-council-agenda-december")
    top = [p.label for p in d.paragraphs if p.parent is None]
    assert top == [str(n) for n in range(1, 6)] + [str(n) for n in range(1, 28)]
    heads = [s.heading for s in d.sections]
    assert heads[:5] == ["OPENING CEREMONIES", "REGULAR BUSINESS AT 6:30 P.M.", "CONSENT CALENDAR", "PUBLIC HEARING",
                         "ADMINISTRATIVE ITEMS"]
    assert _by_label(d, "13")[0].heading == "CONSENT CALENDAR"
    # the numbers printed twice (1 to 5 under each heading) are both kept, the second cited with its heading
    assert len(_by_label(d, "3")) == 2 and _by_label(d, "3")[1].text == "FLAG SALUTE"
    # letters set in under an item are its own items, cited with its number
    assert para(d, "4(C)").text.endswith("County of Los Angeles, Case No. 22NWCV00270")
    assert para(d, "4(C)").parent == "4"
    # the roll call's lettered names ("A. Norm Zezula, Mayor Pro Tempore") are a list under "2. ROLL CALL", no items
    assert not any("Zezula" in p.text for p in d.paragraphs)
    assert _by_label(d, "2")[0].text == "ROLL CALL"


def test_an_items_recommendation_column_is_its_text_and_its_links_are_not():
    # La Habra Heights: "RECOMMENDATION:" in a label column beside a justified text column, both set in under the
    # item; the underlined link "2022 12 12 ITEM NO 8" under it (smaller type) and the dashed "---- END OF CLOSED
    # SESSION ----" rule are no part of it; "A. Appoint ..." after "... the City Council:" finishes its sentence.
    d = doc("la-habra-heights_2022_city-council-agenda-december")
    assert _by_label(d, "8")[0].text == ("CITY COUNCIL MEMBER COMMITTEE ASSIGNMENTS RECOMMENDATION: It is recommended "
                                         "that the City Council appoint Council Members to the various committees "
                                         "and organizations.")
    assert _by_label(d, "5")[0].text == "RECONVENE AND STATEMENT FROM CLOSED SESSION"
    # two links one under the other ("... ITEM NO 23_ATTACHMENT 1 OF 2" / "... 2 OF 2"): both set apart
    assert _by_label(d, "23")[0].text.endswith("for the fiscal year ending June 30, 2022.")
    seven = _by_label(d, "7")[0]
    assert "It is recommended that the City Council: A. Appoint Council Member" in seven.text
    assert seven.text.endswith("to serve as Mayor Pro Tempore.")
    assert not any(p.parent == seven.number for p in d.paragraphs)


def test_numbered_items_restarting_under_lettered_headings():
    # LADWP board agenda: "I. Management Reports" / "1." to "3.", "K. Minutes" / "1.", "2.", "L. Items for Approval"
    # / "1." to "7.", "M. Closed Session" / "1." to "5.": the numbers are the items; the letters head them (and
    # "A. Roll Call", "N. Adjournment" with them), so no paragraph is lettered.
    d = doc("ladwp_2022_board-regular-meeting-agenda-january")
    items = [(p.heading, p.label) for p in d.paragraphs if p.heading]
    assert items == [("I. Management Reports", str(n)) for n in (1, 2, 3)] + \
        [("K. Minutes", str(n)) for n in (1, 2)] + [("L. Items for Approval", str(n)) for n in range(1, 8)] + \
        [("M. Closed Session", str(n)) for n in range(1, 6)]
    assert not any(p.label.isalpha() for p in d.paragraphs)
    # "J. Filed Items" back at the letters' margin ends item I.3; the small CEQA line run on under L.1 is its own
    assert _by_label(d, "3", "I. Management Reports")[0].text == "Presentation regarding Customer Debt Relief Program Update"
    assert _by_label(d, "1", "L. Items for Approval")[0].text.endswith(
        "Determine item is exempt pursuant to California Environmental Quality Act (CEQA) Guidelines Section "
        "15060(c)(3).")


def test_letters_under_numbered_headings_after_an_introduction_and_alone():
    # Lomita agenda (Word): "8. CONSENT AGENDA", its introduction and "RECOMMENDED ACTION: ..." at the letters'
    # margin, then "a." to "e." over the page; "9. SCHEDULED ITEMS" over a lone "a.": the letters are the items.
    d = doc("lomita_2022_city-council-agenda-december")
    assert [p.number for p in d.paragraphs] == ["1(a)", "1(b)", "1(c)", "1(d)", "8(a)", "8(b)", "8(c)", "8(d)",
                                                "8(e)", "9(a)"]
    assert para(d, "8(c)").text == "Warrants/Payroll Register RECOMMENDED ACTION: Approve and file Warrants/Payroll Register."
    assert para(d, "9(a)").text.startswith("DISCUSSION AND CONSIDERATION OF COUNCIL MEMBERS ASSIGNMENTS TO VARIOUS")
    assert "CONSENT AGENDA" in [s.heading for s in d.sections]


def test_items_keyed_by_file_numbers_in_the_order_taken():
    # LA Metro committee agenda (Crystal Reports): "33. SUBJECT: STATE AND FEDERAL REPORT   2017-0346", items taken
    # 33, 43, 35, 36, 38, 44, 45, 46, 37, 47 at the page's left margin: each an item, its file number and its
    # "Attachments:" list (smaller type) no part of its text; "CONSIDER:" / "A. RECEIVE AND FILE ..." is 38's text.
    d = doc("la-metro_2017_executive-management-committee-agenda-june")
    assert [p.number for p in d.paragraphs][:10] == ["33", "43", "35", "36", "38", "44", "45", "46", "37", "47"]
    assert para(d, "33").text == "SUBJECT: STATE AND FEDERAL REPORT RECEIVE AND FILE State and Federal Legislative Report."
    assert "CONSIDER: A. RECEIVE AND FILE report" in para(d, "38").text
    assert not any(p.number.startswith("38(") for p in d.paragraphs)


def test_an_item_added_before_its_number_and_links_set_off_the_text():
    # Rancho Palos Verdes (Firefox print): "1.", "2.", "3a.", "3.", "4." under "CEREMONIAL MATTERS ...:" (3a is
    # taken before 3), "A." to "H." under "CONSENT CALENDAR:" after its introduction; the link "Agenda Report" set
    # a little off the text's margin under an item is not its text.
    d = doc("rancho-palos-verdes_2022_city-council-agenda-december")
    assert [p.label for p in d.paragraphs] == ["1", "2", "3a", "3", "4", "a", "b", "c", *"ABCDEFGH", "1", "2"]
    assert _by_label(d, "3a")[0].text.endswith("DECLARING THE RESULT AND SUCH OTHER MATTERS AS PROVIDED BY LAW.")
    assert _by_label(d, "H")[0].text.endswith("BASED ON A MINIMUM WAGE INCREASE EFFECTIVE JANUARY 1, 2023")
    assert _by_label(d, "D")[0].heading == "CONSENT CALENDAR:"


def test_letters_restarting_under_short_sub_headings():
    # Cuyahoga County Board of Health, schedules C and D: "Appointment(s):" / "A.", "B."; "Student Appointment(s):",
    # a sentence, then "A." to "N." over the page; "Environmental Public Health" / "a.", "b.": each series its own
    # items, cited with its title.
    d = doc("cuyahoga-county-board-of-health_2019_agenda-april-revised")
    assert [p.label for p in d.paragraphs if p.heading == "Student Appointment(s):"] == list("ABCDEFGHIJKLMN")
    assert para(d, "Appointment(s) A").text == "Sarah Szabo, Data Analyst, Grade E, $53,968 annually effective April 29, 2019."
    assert para(d, "Resignation(s) A").text == "George Mount, Data Analyst effective April 9, 2019."
    assert para(d, "Environmental Public Health b").text.startswith("Tom Fink to the World Aquatic Health Conference")
    # schedule A: "1. Establish Budgets" right over its lettered items heads them, with no text of its own
    assert para(d, "1(A)").text.startswith("Establish a budget for the 2019/2020 Child Obesity grant")
    assert ("1", "Establish Budgets") in [(s.number, s.heading) for s in d.sections]
    assert not any(p.text == "Establish Budgets" for p in d.paragraphs)


def test_the_meetings_title_centred_over_the_next_page_is_no_items_text():
    # Cuyahoga Community College board agenda: the meeting's name, place and time centred at the top of page 2,
    # over items 10 to 13, do not run on into item 9 above them.
    d = doc("cuyahoga-cc-district_2019_board-of-trustees-agenda-september")
    nine = next(p for p in d.paragraphs if p.label == "9")
    assert nine.text == ("Approval of Installation of Audio Visual Equipment of Part of the College-wide Media "
                         "Conference Rooms Project")
