"""Identifiers of numbered items the round-9 unseen set showed (data/real/; restored by data/real/restore.py): a
clerk's bracketed year-prefixed paragraph numbers, resolutions numbered in the year, an ordinance's "SECTION n:".
Each test names the mechanism and checks the page as printed; papers not on this machine skip with the reason.
The synthetic papers check the shapes other councils print, and the look-alikes that are no items."""
from __future__ import annotations

import pytest
from real_util import doc, para

import lspkit


def _numbers(d) -> list[str]:
    return [p.number for p in d.paragraphs]


def test_bracketed_year_prefixed_paragraph_numbers_are_the_items():
    # Alameda City Council 2012: "(12-095) Proclamation Declaring ...", "(*12-098) Minutes of the Special ..." (the
    # asterisk marks an item adopted on consent), 12-095 to 12-108 through the regular meeting, then 12-094 on the
    # last page for the earlier special meeting: the series vouches for each, in whatever order it is printed
    d = doc("alameda-city-council_2012_regular-meeting-minutes-march-6")
    assert _numbers(d) == [f"12-{n:03d}" for n in range(95, 109)] + ["12-094"]
    assert para(d, "12-095").text == "Proclamation Declaring March 2012 as American Red Cross Month."
    assert para(d, "12-098").text.startswith("Minutes of the Special Alameda Reuse and Redevelopment Authority")
    assert para(d, "12-098").text.endswith("Held on February 7, 2012. Approved.")
    # "[paragraph no. 12-100]" in the prose above cites the item: no label


def test_an_identified_item_is_its_record_and_the_debate_after_it_is_not():
    # Alameda: "(12-105) Recommendation to Select One the Following Two Options ... (1) (a) ... or" / "(2) Authorize
    # ... KemperSports." then, after a gap, "The City Manager gave a presentation." and six pages of debate: the
    # item's text ends with its record, though a wrapped "(2)" opens one of its lines
    d = doc("alameda-city-council_2012_regular-meeting-minutes-march-6")
    item = para(d, "12-105").text
    assert item.startswith("Recommendation to Select One the Following Two Options Relating to the Chuck Corica")
    assert item.endswith("Specifically Greenway Golf and KemperSports.")
    assert para(d, "12-106").text == "Councilmember deHaan moved approval of continuing the meeting past 11:00 p.m."


def test_resolutions_numbered_in_the_year_with_their_movers():
    # Nipissing 2026: "R2026-16 S. Foote, L. Chalapenko:" in bold over the resolution's text; the identifier is
    # the paragraph's number, the movers its first words; R2026-17's list "1." to "4." is its own, cited R2026-17(1)
    d = doc("nipissing-township_2026_council-minutes-jan-20")
    assert [n for n in _numbers(d) if n.startswith("R2026-") and "(" not in n] == [f"R2026-{n}" for n in range(16, 25)]
    assert para(d, "R2026-16").text == "S. Foote, L. Chalapenko: THAT the minutes of the regular Council Meeting " \
                                       "held January 6, 2026, be adopted as published. Carried."
    assert para(d, "R2026-17").text.endswith("by the Association of Municipalities of Ontario (AMO):")
    items = [p for p in d.paragraphs if p.parent == "R2026-17"]
    assert [(p.number, p.label) for p in items] == [(f"R2026-17({k})", str(k)) for k in range(1, 5)]
    assert items[1].text == "Fund transition costs to mitigate service delivery impacts."
    # the unnumbered note after R2026-20 and the signature block after R2026-24 are neither's text
    assert para(d, "R2026-20").text.endswith("replacement of the Grader Carried.")
    assert para(d, "R2026-24").text.endswith("Next regular Council meeting to be held February 3, 2026. Carried.")


def test_an_ordinance_labels_its_sections_with_a_colon():
    # Crete Township 2022 budget ordinance: "SECTION 1: That the amounts hereinafter set forth ..." to "SECTION 7:",
    # each running on as a sentence, the budget tables between: the ordinance's provisions, cited "Section 1"
    d = doc("crete-township_2022_road-district-budget-ordinance")
    assert _numbers(d) == [f"Section {k}" for k in range(1, 8)]
    assert para(d, "Section 4").text.startswith("That if any section, subdivision, or sentence of this ordinance")


def test_a_double_spaced_ordinance_keeps_its_sections_whole():
    # Crete Township's ordinance is typed double-spaced (13 points between the lines of its 10-point text, 25 between
    # its sections; its budget tables in 7-point type set the median line): the narrower spacing is the space inside
    # a section, so each section's lines, centred fill-ins among them ("road purposes of CRETE TOWNSHIP Road
    # District, WILL"), run on as one paragraph
    d = doc("crete-township_2022_road-district-budget-ordinance")
    assert para(d, "Section 1").text == (
        "That the amounts hereinafter set forth, or so much thereof as may be authorized by law, and as may be needed "
        "or deemed necessary to defray all expenses and liabilities of CRETE TOWNSHIP Road District, be and the same "
        "are hereby appropriated for road purposes of CRETE TOWNSHIP Road District, WILL County, Illinois, as "
        "hereafter specified for the fiscal year beginning APRIL 1, 2022 and ending MARCH 31, 2023.")
    assert para(d, "Section 5").text.endswith("Three Hundred Forty-Seven Dollars ($1,971,347) for the fiscal year "
                                              "beginning APRIL 1, 2021 and ending MARCH 31, 2023.")
    assert para(d, "Section 6").text.endswith("shall be in full force and effect from and after this date.")


def _extract_text(tmp_path, text: str):
    path = tmp_path / "paper.txt"
    path.write_text(text)
    return lspkit.extract(str(path))


@pytest.mark.parametrize("first,second,third,ids", [
    ("Resolution 2024-17 Moved by Brown, seconded by Green:", "Resolution 2024-18 Moved by Green, seconded by Brown:",
     "Resolution 2024-19 Moved by Brown, seconded by Green:",
     ["Resolution 2024-17", "Resolution 2024-18", "Resolution 2024-19"]),
    ("Minute 45/23: Apologies were received from Cllr Jones.", "Minute 46/23: The minutes were approved.",
     "Minute 47/23: The Clerk reported on the contract.", ["Minute 45/23", "Minute 46/23", "Minute 47/23"]),
    ("23/045 Apologies were received from Cllr Jones.", "23/046 The minutes were approved as a true record.",
     "23/048 The Clerk reported on the contract.", ["23/045", "23/046", "23/048"]),
    ("[C-2025-101] The committee received the report.", "[C-2025-102] The committee noted the accounts.",
     "[C-2025-103] The committee agreed the dates.", ["C-2025-101", "C-2025-102", "C-2025-103"]),
    ("RESOLUTION NO. 2024-17", "RESOLUTION NO. 2024-18", "RESOLUTION NO. 2024-19",
     ["Resolution 2024-17", "Resolution 2024-18", "Resolution 2024-19"]),
    ("PC/23/045 Apologies were received from Cllr Jones.", "PC/23/046 The minutes were approved.",
     "PC/23/047 The Clerk reported on the contract.", ["PC/23/045", "PC/23/046", "PC/23/047"]),
    ("45/23", "46/23", "47/23", ["45/23", "46/23", "47/23"]),  # alone on its line over the item's text
    ("Resolution No.: 2024-117", "Resolution No.: 2024-118", "Resolution No.: 2024-120",
     ["Resolution 2024-117", "Resolution 2024-118", "Resolution 2024-120"]),
])
def test_identifier_shapes_other_councils_print(tmp_path, first, second, third, ids):
    text = f"MINUTES OF THE MEETING\n\n{first}\nTHAT the item be agreed as set out in the report.\n\n" \
           f"{second}\nTHAT the item be noted.\n\n{third}\nTHAT the item be agreed.\n"
    d = _extract_text(tmp_path, text)
    assert _numbers(d) == ids


@pytest.mark.parametrize("lines", [
    # a diary's dates, day/month
    ["14/03 Site visit to the playing field with the contractor.", "15/03 Meeting with the highways officer.",
     "16/03 Attended the training session at the district offices."],
    # fiscal years: both parts count up, neither is fixed
    ["2021-22 The budget was set at last year's level.", "2022-23 The budget rose by three per cent.",
     "2023-24 The budget rose by five per cent."],
    # a year's months, ISO style
    ["2024-01 Income was received from the precept and the allotment rents.", "2024-02 Income was received from "
     "the hall hire.", "2024-03 Income was received from the grant."],
    # two bare identifiers: too few for a series with nothing to vouch for its shape
    ["23/045 Apologies were received from Cllr Jones.", "23/046 There were no declarations of interest."],
    # a minute's titles over prose: they head sections, not paragraphs
    ["23/25 Election of Chairman", "24/25 Election of Vice Chairman", "25/25 Signing of Acceptance of Office"],
])
def test_look_alikes_are_no_items(tmp_path, lines):
    text = "REPORT\n\n" + "\n".join(f"{line}\nThe members discussed the matter at some length and agreed.\n"
                                    for line in lines)
    d = _extract_text(tmp_path, text)
    assert not d.paragraphs


def test_an_agenda_list_of_the_identifiers_is_no_items(tmp_path):
    # the agenda lists the identifiers one under another; the minutes under it print the items as a series
    text = "AGENDA\n\n23/045 Apologies for absence\n23/046 Declarations of interest\n23/047 Minutes\n\n" \
           "23/045 Apologies were received from Cllr Jones, who was on holiday.\n\n" \
           "23/046 There were no declarations of interest from any councillor.\n\n" \
           "23/047 The minutes of the meeting of 4 May were approved as a true record.\n"
    d = _extract_text(tmp_path, text)
    assert _numbers(d) == ["23/045", "23/046", "23/047"]
    assert d.paragraphs[0].text == "Apologies were received from Cllr Jones, who was on holiday."


def test_numbered_applications_under_a_minute_after_a_whole_lead_in():
    # Burton-cum-Walden 2025: "7. Planning Applications" / "The Council considered and responded to the planning
    # applications listed below:" / "(1) R/54/42G - Householder planning permission ..." to "(3)": the lead-in is a
    # whole clause, so the bracketed entries are the minute's paragraphs 7(1)-7(3); the "RESOLVED: That ..." line
    # under each is the minute's decision on it, not the application's text
    for name in ("burton-cum-walden-pc_2025_minutes-november", "burton-cum-walden-pc_2025_minutes-november-pave"):
        d = doc(name)
        assert [(p.number, p.label, p.parent) for p in d.paragraphs] == [
            (f"7({k})", str(k), "7") for k in (1, 2, 3)]
        assert para(d, "7(1)").text == "R/54/42G - Householder planning permission for erection of first floor " \
                                       "extension to rear of property at Forelands, Walden, West Burton, Leyburn, " \
                                       "DL8 4LD"
        assert para(d, "7(3)").text.endswith("Hestholme Farm, West Burton, Leyburn, DL8 4UN")
        assert not any("RESOLVED" in p.text for p in d.paragraphs)


def test_a_minute_numbered_on_from_the_item_headings_before_it():
    # Alameda Civil Service Board 2008: "3. MINUTES: Member Rocha moved ..." (a paragraph), then "4. REGULAR AGENDA
    # ITEMS" with its sub-item "4-A Determination of ..." (no "4." paragraph), headings 6, 7 and 8 each over "None.",
    # then "9. There being no further business ...": the items count headings and paragraphs as one series, so 9
    # follows 8; the signature set out at the right, after a gap, is not its text
    d = doc("alameda-civil-service-board_2008_special-meeting-minutes-december")
    assert _numbers(d) == ["1", "2", "3", "9"]
    assert para(d, "9").text == "There being no further business to come before the Board, the meeting was " \
                                "adjourned at 6:15 p.m."


@pytest.mark.parametrize("labels", [["SECTION ONE:", "SECTION TWO:", "SECTION THREE:"],
                                    ["Section 1 -", "Section 2 -", "Section 3 -"],
                                    ["SECTION 1:", "SECTION 2:", "SECTION 3:"]])
def test_an_ordinance_numbers_its_sections_in_figures_or_words(tmp_path, labels):
    texts = ["That the budget for the fiscal year be adopted as set out in the schedule attached.",
             "That the sums set out in the schedule be appropriated for the purposes named in it.",
             "That this ordinance shall take effect thirty days after its adoption by the Council."]
    text = "AN ORDINANCE OF THE CITY\n\nBE IT ORDAINED by the City Council as follows:\n\n" + \
        "".join(f"{label} {t}\n\n" for label, t in zip(labels, texts))
    d = _extract_text(tmp_path, text)
    assert _numbers(d) == ["Section 1", "Section 2", "Section 3"]
    assert [p.text for p in d.paragraphs] == texts


def test_a_step_with_a_colon_is_no_provision(tmp_path):
    # only the words of legislation take a colon or a dash after their number; "Step 1:" and the like are a list's
    text = "GUIDANCE\n\n" + "".join(f"Step {k}: Read the guidance on the council's website before you apply.\n\n"
                                     for k in (1, 2, 3))
    assert not _extract_text(tmp_path, text).paragraphs


def test_a_resolution_identifier_alone_over_a_gap_heads_the_text_under_it(tmp_path):
    # "Resolution 2024-17" alone on its line, a space, then the movers and the resolution: its text is the block
    # under it, and the note after the last resolution is none of it
    text = "MINUTES\n\n" + "".join(f"Resolution 2024-{k}\n\nMoved by Brown, seconded by Green: THAT item {k} be "
                                    "agreed.\n\n" for k in (17, 18, 19)) + "The meeting closed at 9 pm.\n"
    d = _extract_text(tmp_path, text)
    assert _numbers(d) == ["Resolution 2024-17", "Resolution 2024-18", "Resolution 2024-19"]
    assert d.paragraphs[2].text == "Moved by Brown, seconded by Green: THAT item 19 be agreed."


def test_the_consent_mark_before_the_bracket(tmp_path):
    text = "MINUTES\n\n*(12-098) Minutes of the Special Meeting. Approved.\n\n*(12-099) Ratified bills in the " \
           "amount of $2,670,605.57.\n\n(12-100) Recommendation to Adopt Plans and Specifications. Postponed.\n"
    assert _numbers(_extract_text(tmp_path, text)) == ["12-098", "12-099", "12-100"]
