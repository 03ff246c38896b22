"""Minutes and letters the round-8 unseen set showed (data/real/; restored by data/real/restore.py): lettered items
under numbered items, minute titles over lettered sub-titles, numbered lists in minutes, a quoted request's items.
Each test names the mechanism and checks the page as printed; papers not on this machine skip with the reason."""
from __future__ import annotations

from real_util import doc, para


def _numbers(d) -> list[str]:
    return [p.number for p in d.paragraphs]


def _headings(d) -> list[str]:
    return [s.heading for s in d.sections]


def test_lettered_decisions_under_the_following_named_items():
    # Kesgrave: "8. Grant Requests – the committee reviewed the following grant applications: -" then "a. Footsteps
    # – Walking with You – Cllr Gibson proposed, ...", "b. Just 42 – ...", "c. Citizens Advise Bureau ...": the lead-in
    # is a whole clause ("the following <what>:"), its lettered decisions are the minute's paragraphs 8(a)-8(c)
    d = doc("kesgrave-tc_2024_finance-governance-minutes-november")
    assert para(d, "8").text == "Grant Requests – the committee reviewed the following grant applications: -"
    assert para(d, "8(a)").text.startswith("Footsteps – Walking with You – Cllr Gibson proposed")
    assert para(d, "8(b)").text.startswith("Just 42 – Cllr Gibson proposed")
    assert para(d, "8(c)").text.startswith("Citizens Advise Bureau (CAB) Ipswich")
    assert para(d, "8(c)").text.endswith("Kesgrave residents use both facilities.")


def test_a_minute_item_whose_record_runs_on_after_a_dash_is_a_paragraph():
    # Kesgrave: "11. Other/Urgent Communications – none" between items 10 and 12, each "Title – record": short, and
    # set like a title, but the record runs on after the dash in lower case; the item, not a heading
    d = doc("kesgrave-tc_2024_finance-governance-minutes-november")
    assert para(d, "11").text == "Other/Urgent Communications – none"
    assert "Other/Urgent Communications – none" not in _headings(d)
    assert _numbers(d)[-4:] == ["11", "12", "13", "14"]


def test_a_minute_title_in_a_table_row_over_its_lettered_items():
    # Garelochhead 2016, minutes in a ruled table: "6 Matters arising from minutes" and straight under it, without
    # a gap, "a)Reports. Planning – GF advised ...", then "b) Speeding on Shore Road(B833). ..." to "k)": the
    # title heads its lettered items, which are the paragraphs 6(a)-6(k)
    d = doc("garelochhead-cc_2016_minutes-january")
    assert "Matters arising from minutes" in _headings(d)
    assert [n for n in _numbers(d) if n.startswith("6(")] == [f"6({c})" for c in "abcdefghijk"]
    assert para(d, "6(a)").text.startswith("Reports. Planning – GF advised of 15 Jan")
    assert para(d, "6(h)").text.startswith("Traffic issues. Rowmore to Fuel Depot")
    assert para(d, "6(k)").text == "Christmas lights. These were agreed to have been a success. A big thankyou to " \
                                   "Rosie O'Connor."


def test_two_letters_printed_on_one_line_are_two_items():
    # Garelochhead 2016: "f) Road repairs and g) wheelie bins to be removed." on one line: two items, the series
    # going on at "h)" on the next line
    d = doc("garelochhead-cc_2016_minutes-january")
    assert para(d, "6(f)").text == "Road repairs and"
    assert para(d, "6(g)").text == "wheelie bins to be removed."


def test_minute_titles_and_lettered_sub_titles_where_every_line_is_bold():
    # Garelochhead 2017, printed through Ghostscript with every line bold (bold tells nothing): "3. Police reports"
    # over "a. Police Scotland: Presented by ..." over its bullets; "b. Treasurer" over "Previous Balance £2030.06";
    # "5.1 Broadband Update" over prose set in under it without a gap; "5. Councillors’ Updates" over two lines that
    # open the section, then its first child "5.1".  Titles alone on their lines over what they
    # head are sections; the numbered items are not paragraphs glued to everything under them
    d = doc("garelochhead-cc_2017_minutes-november")
    heads = _headings(d)
    for title in ("Police reports", "a. Police Scotland: Presented by Constable Ian Mustarde", "Committee updates",
                  "Councillors’ Updates",
                  "b. Treasurer", "Broadband Update", "Old Medical Centre", "Shore Walk", "Portincaple Bins",
                  "Questions from the Public", "a. Three Lochs Way – Access route from Garelochhead"):
        assert title in heads, title
    for n in ("3", "4", "5", "5.1", "5.2", "5.3", "6", "7", "8"):
        assert n not in _numbers(d), n
    assert para(d, "6.1").text.startswith("3 Lochs Way – Questions were raised")


def test_short_lettered_items_that_are_a_minute_items_whole_content():
    # Garelochhead 2017: "1. Introductions and welcome" then, set in without a gap, "a. Welcome to members of the
    # public ...", "b. Apologies for absence (as above)", "c. Declarations of Interest – none noted": the title
    # heads them, and the items, next letter under next letter, are its paragraphs
    d = doc("garelochhead-cc_2017_minutes-november")
    assert "Introductions and welcome" in _headings(d)
    assert para(d, "1(a)").text == "Welcome to members of the public and Convenor’s opening remarks"
    assert para(d, "1(b)").text == "Apologies for absence (as above)"
    assert para(d, "1(c)").text == "Declarations of Interest – none noted"


def test_a_numbered_list_under_a_lettered_sub_title():
    # Garelochhead 2017: "a Planning: Applications Noted" over "1. Ref No 1702817/PP   Saddleview, Portincaple" /
    # (second column) "Alterations and erection ..." ... "5. Ref No 17/02145/PP ...": the sub-title heads the
    # list, whose entries are paragraphs (the entry's second column is not prose under a title)
    d = doc("garelochhead-cc_2017_minutes-november")
    assert "a Planning: Applications Noted" in _headings(d)
    listed = [p for p in d.paragraphs if p.heading == "a Planning: Applications Noted"]
    assert [p.label for p in listed] == ["1", "2", "3", "4", "5"]
    assert listed[0].text == "Ref No 1702817/PP Saddleview, Portincaple Alterations and erection of a single " \
                             "storey extension."
    assert listed[4].text.startswith("Ref No 17/02145/PP APPROVED 17/10/17")


def test_a_numbered_entry_with_nothing_under_it_is_an_entry():
    # Garelochhead 2019: "5.Rural watch signage hung around village and surrounding areas" / "6.Portincaple
    # Development"; "8. Christmas tree – Carol to update" / "9. Mr L Thompson – ...": bold and short, but nothing
    # under them before the next number set alike: the list's entries, paragraphs
    d = doc("garelochhead-cc_2019_minutes-november-draft")
    assert para(d, "5").text == "Rural watch signage hung around village and surrounding areas"
    assert para(d, "8").text == "Christmas tree – Carol to update"


def test_a_heading_in_larger_type_numbered_with_the_paragraphs_stays_a_heading():
    # GLA 2002: "4 Site description" (16 pt) then "5 The application relates ..." (14 pt): one series numbers
    # headings and paragraphs; a heading set larger than the next number is no entry of a list
    d = doc("gla_2002_five-estates-peckham-planning-report")
    assert "Site description" in _headings(d)
    assert "4" not in _numbers(d)
    assert para(d, "5").text.startswith("The application relates to three parcels of land")


def test_a_sentence_that_wraps_at_the_margin_is_no_title_over_prose():
    # Tewkesbury: "3.9 The TBP applies to the administrative area of Tewkesbury Borough" / "Council. It will
    # affect ...", the second line set in: a sentence wrapped where the line was full, not a title over its prose
    d = doc("tewkesbury_2019_eqia-screening-report")
    assert para(d, "3.9").text.startswith("The TBP applies to the administrative area of Tewkesbury Borough Council.")


def test_a_sentence_over_bullets_is_no_title():
    # GLA 2013: "53 Also relevant are the following Southwark SPDs/SPGs" over its bullets: a sentence its bullets
    # finish, the paragraph
    d = doc("gla_2013_southwark-free-school-representation-hearing-report")
    assert para(d, "53").text.startswith("Also relevant are the following Southwark SPDs/SPGs")


def test_an_agenda_item_over_its_fields_is_no_lettered_title():
    # Rancho Palos Verdes: "a. Selection of Mayor" over the bold field "Action Required: (1) City Clerk ...": an
    # agenda item with its fields, a paragraph, not a sub-title over prose
    d = doc("rancho-palos-verdes_2022_city-council-agenda-december")
    assert para(d, "4(a)").text.startswith("Selection of Mayor Action Required:")


def test_a_letters_one_numbered_request_over_its_lettered_items():
    # Cumbria Constabulary FOI reply: the quoted request "1. The total number of crimes ... Please could these be
    # broken down as follows:" and under it "a. For each year" ... "d. The name of the hospital in each case"; the
    # request is the letter's only numbered paragraph, so its items are the level the letter numbers at: 1(a)-1(d)
    d = doc("cumbria-constabulary_2025_foi-response-crimes-hospital-grounds")
    assert para(d, "1").text.endswith("Please could these be broken down as follows:")
    assert [para(d, f"1({c})").text for c in "abcd"] == [
        "For each year", "By the nature of each crime description", "What the crime outcome was for each crime",
        "The name of the hospital in each case"]


def test_a_letters_one_numbered_request_over_items_numbered_again():
    # Humberside Police FOI reply: "1. The total number of crimes ... broken down as follows for each year:" then
    # "1. By the nature ...", "2. ...", "3. ..." at the request's own margin; the numbers after them restart under
    # "Response": the items are the request's paragraphs, and the letter's text after them is not the last one's
    d = doc("humberside-police_2025_foi-response-crimes-hospital-grounds")
    items = [p for p in d.paragraphs if p.parent == "1"]
    assert [p.label for p in items] == ["1", "2", "3"]
    assert items[0].text == "By the nature of each crime description"
    assert items[2].text == "The name of the hospital in each case"


def test_numbered_aims_with_bold_titles_over_set_in_prose_are_paragraphs():
    # Leeds strategy: under each unnumbered "Strategic aims" heading, "1. Adopt a value-based healthcare approach"
    # (a bold title of one to three lines) over "We will prioritise research ..." set in under it in body type, then
    # 2. and 3.; the numbers restart under the next "Strategic aims".  Nothing else in the paper is numbered: the
    # aims are its paragraphs, each opening with its title (not headings over unnumbered prose)
    d = doc("leeds-teaching-hospitals-uol_2020_shared-research-innovation-strategy")
    aims = [p for p in d.paragraphs if p.page < 30]
    assert [p.label for p in aims] == ["1", "2", "3"] * 5
    assert aims[0].text.startswith("Adopt a value-based healthcare approach We will prioritise research")
    assert aims[1].text.startswith("Support research which brings about transformative change and invest in "
                                   "research that has impact We will support")
    assert aims[-1].text.startswith("Ensure all our people can engage with research Through enhanced support")


def test_a_numbered_reference_list_is_kept_as_references_not_paragraphs():
    # Leeds strategy, pages 30-31: "Bibliography" over "1. Mathie, B. 2017. Charles Turner Thackrah ..." to "49.",
    # in two columns, entries wrapping onto lines that open with a year ("2006. Obituary: ..."): citations, kept
    # in metadata as the paper's references
    d = doc("leeds-teaching-hospitals-uol_2020_shared-research-innovation-strategy")
    assert not [p for p in d.paragraphs if p.page >= 30]
    refs = d.metadata["references"]
    assert len(refs) == 49
    assert refs[0].startswith("1. Mathie, B. 2017. Charles Turner Thackrah")
    assert any(r.startswith("3. Royal College of Surgeons of England. 2006. Obituary: Moynihan") for r in refs)


def test_a_lettered_sub_title_inside_a_series_of_lettered_items_keeps_the_series():
    # Garelochhead 2019, under "6.0 Questions from members of the public ...": "a." to "d." are items, "e. Remembrance
    # Poppies" a sub-title over its prose, then "f. Carol asked if she could attend ...": the letters go on
    d = doc("garelochhead-cc_2019_minutes-november-draft")
    assert "e. Remembrance Poppies" in _headings(d)
    assert para(d, "6.0(f)").text.startswith("Carol asked if she could attend a Fund Raising Course")


def test_bold_minute_item_titles_over_their_prose_are_sections_not_paragraphs():
    # Ayton community council (no numbered paragraphs in its gold): "1. Police Report" in bold over "The September
    # Police Report had not been received ...", set in under it without a gap, to "12. Date of Next Meeting":
    # each a title over its item's text, not a paragraph that starts with the title
    d = doc("ayton-cc_2019_minutes-october")
    heads = _headings(d)
    for title in ("Police Report", "Open Forum", "Apologies for Absence", "Matters Arising", "Treasurer's Report",
                  "Date of Next Meeting"):
        assert title in heads, title
        assert not any(p.text.startswith(title) for p in d.paragraphs), title
