"""Where a numbered paragraph ends on real papers: unnumbered prose after it, a heading after a sentence with no
stop, list numbers running on with no text (data/real/; restored by data/real/restore.py).

Each test names the mechanism and checks the page as printed: break the mechanism and the paragraph it protects
comes out with something glued on or cut off.  Papers not committed for their licence skip with the reason.
"""
from __future__ import annotations

from real_util import doc, para


def blocks(d) -> str:
    return " ".join(b.text for b in d.blocks)


# ---------------------------------------------------------------- unnumbered prose between numbered paragraphs

def test_unnumbered_block_after_a_numbered_paragraph_is_not_its_text():
    # Coventry cabinet member report: "2.2 The first of these options ..." then, after a gap and at the same
    # margin, "The second option would be ..." with no number: prose of its own, cited by no number
    d = doc("coventry-cc_2018_hot-food-takeaway-spd-revised-draft-cabinet-member-report")
    assert para(d, "2.2").text.endswith("in the recently adopted Coventry Local Plan.")
    assert "The second option would be to not progress" in blocks(d)


def test_unnumbered_blocks_after_a_clause_of_conditions_of_hire():
    # Suffolk Libraries' conditions of hire: "2 The Hirer. ..." then three unnumbered blocks ("The Hirer is
    # responsible for the behaviour ...") before "3 Lettings at ..."
    d = doc("suffolk-libraries-ips_2016_stowmarket-room-hire-conditions")
    assert para(d, "2").text.endswith("used to contribute to such costs.")
    assert para(d, "3").text.startswith("Le")  # "Lettings at Suffolk Libraries Discretion" (a font maps its ligature)


def test_a_block_running_over_the_page_break_stays_the_paragraphs():
    # Wroxton & Balscote financial regulations: after 14.4 an unnumbered block at the body indent runs on over the
    # page break ("... together with" / "any other consents ..."); the page hides whether a new paragraph was meant
    d = doc("wroxton-balscote-pc_2024_financial-regulations")
    assert para(d, "14.4").text.endswith("Council with a full business case.")


def test_a_block_introducing_a_list_under_it_stays_the_paragraphs():
    # Gloucester cabinet report: "10.1 Section 4 of the ... Act 1989 provides ..." then, after a gap at the text
    # margin, "It shall be the duty ... Those matters are:" over "a) ..." to "d) ...", and the Act's last sentence
    d = doc("gloucester-city_2026_finance-team-resource-requirements-cabinet-report")
    assert para(d, "10.1").text.endswith("by the head of their paid service at a meeting.")


def test_a_hanging_lettered_items_explanation_stays_the_items():
    # Royal Sutton Coldfield: "a) That the City of Birmingham Symphony Orchestra ..." with its text hung in from the
    # letter, then "The concert programme would ..." at that text's margin: the recommendation's explanation
    d = doc("royal-sutton-coldfield-tc_2017_summer-in-sutton-cbso-concert-council-report")
    assert para(d, "2(a)").text.endswith("both are extremely supportive of the location.")


def test_a_block_spaced_closer_than_the_paragraphs_stays_the_paragraphs():
    # Broomhill minutes: "1. Committee Members Present were: ..." then "Apologies were received from: ..." 15.8 pt
    # under it (top to top), where the numbered minutes stand 19.6 pt apart
    d = doc("broomhill-cc_2025_minutes-may-draft")
    assert para(d, "1").text.endswith("and Patricia Ferguson MP.")


def test_a_bold_lead_in_keeps_the_text_under_it():
    # DWP, annex B: "8. United Nations Convention on the Rights of Persons with Disabilities (UNCRPD)." in bold over two
    # lines, then its text after a gap: one paragraph, the bold lines its lead-in
    d = doc("dwp_2026_womens-state-pension-age-new-decision")
    assert "The Convention is a human rights treaty" in para(d, "B.8").text


def test_text_resuming_after_the_paragraphs_list_stays_the_paragraphs():
    # Dacorum SHLAA: "4.13 As noted above ..." then "a. 58 are ..." / "b. 72 are ..." and, after a gap, "The makeup
    # of these sites are as follows:" introducing a table
    d = doc("dacorum_2023_shlaa-update-main-report")
    assert para(d, "4.13").text.endswith("The makeup of these sites are as follows:")


# ---------------------------------------------------------------- headings after a sentence with no stop

def test_bold_heading_after_a_paragraph_ending_without_a_stop():
    # Planning Inspectorate (Watford): "... thereby ensuring effectiveness [MM155]" with no stop, a gap, "Conclusion"
    # in bold, then "142. Subject to ...": a heading, not the sentence running on
    d = doc("planning_inspectorate_2022_watford_local_plan_inspector_report")
    assert para(d, "141").text.endswith("[MM155]")
    assert para(d, "142").heading == "Conclusion"


def test_larger_heading_after_a_formula_line():
    # MHCLG draft NPPF: "7. Where an adjustment is to be made, the precise formula is as follows:" then the formula,
    # then "Five year housing land supply" in larger type over "8. Local planning authorities ..."
    d = doc("mhclg_2025_draft_nppf_consultation_text")
    seven = [p for p in d.paragraphs if p.label == "7" and p.text.startswith("Where an adjustment")]
    assert seven and not seven[0].text.endswith("Five year housing land supply")


def test_body_type_heading_after_a_paragraph_stopping_short_without_a_stop():
    # GLA representation hearing report: "275 ... secure this sum as a planning obligation of the development
    # accordingly" (no stop, a short last line), then "Transport" in body type, then "276 A contribution ..."
    d = doc("gla_2013_southwark-free-school-representation-hearing-report")
    assert para(d, "275").text.endswith("development accordingly")
    assert para(d, "276").heading == "Transport"


# ---------------------------------------------------------------- list numbering running on with no text

def test_list_numbers_running_on_below_the_text_are_not_paragraphs():
    # GLA (2002, LibreOffice from RTF): the word processor's numbering runs on, "24" to "42" alone on their lines,
    # below the last paragraph, then the contact box
    d = doc("gla_2002_five-estates-peckham-planning-report")
    assert all(p.text for p in d.paragraphs)
    assert not any(p.text.lower().startswith("for further information") for p in d.paragraphs)
    assert para(d, "23").text.startswith("This application raises no significant strategic planning issues")


# ---------------------------------------------------------------- lines that close a paragraph by where they stand

def test_a_one_line_minute_and_the_closing_line_under_it():
    # Tintern Community Council minutes: "2578. Date of next meeting: October 29th 2018." in bold, one line, then
    # "There being no further business the meeting closed at 20.39." at the same margin after a gap
    d = doc("tintern-cc_2018_minutes-september")
    assert para(d, "2578").text == "Date of next meeting: October 29th 2018."
    assert "There being no further business" in blocks(d)


def test_a_caption_in_smaller_type_and_a_letters_date_are_not_paragraph_text():
    # 35% Campaign letter: "Pg 97 Viability Report - FINANCIAL VIABILITY ASSESSMENT - NOVEMBER 2016" in small type at
    # the top of the next page, after 40 ended; "1 July 2018" at the left margin after the last paragraph (a line
    # that opens with a number but starts no paragraph)
    d = doc("35-percent-campaign_2018_letter-to-councillors-shopping-centre")
    assert para(d, "40").text.endswith("(para 388, 389, 399)")
    assert para(d, "44").text.endswith("(para 406)")


def test_rows_of_a_table_numbered_in_its_first_column_are_not_paragraphs():
    # AECOM HRA report: the revision history table, "0 14/07/25 Draft JR", "1 16/07/25 Final JR", "2 05/08/25
    # Updated Final JR": each row's next cell is a date, and rows like it stand above and below
    d = doc("aecom-buckinghamshire_2025_local-plan-hra-reg18")
    assert not any("JR" in p.text.split()[:4] for p in d.paragraphs)
    assert d.paragraphs[0].number == "1.1"


def test_a_flow_chart_of_the_steps_is_not_the_paragraphs():
    # Fenland "Facilitating Growth": page 4 is a landscape flow chart, its numbered steps ("2.1 Formal submission
    # of pre application to Council.") each in a drawn box, two columns of boxes interleaved line by line; pages
    # 5-6 then set the same steps out as the paragraphs
    d = doc("fenland_2013_facilitating-growth")
    assert all(p.page >= 5 for p in d.paragraphs)
    assert [p.number for p in d.paragraphs][:3] == ["1.1", "1.2", "1.3"]


def test_a_contact_box_in_smaller_type_after_a_paragraphs_list_is_not_the_lists():
    # GLA Barking Riverside: 119's bullets end "... further discussion at SFP stage.", then "for further
    # information, contact GLA Planning Unit ..." at 11 pt under 13.3 pt text
    d = doc("gla_2016_barking-riverside-stage2-planning-report")
    last = next(p for p in d.paragraphs if p.label == "119")  # cited under its heading, "Context 119"
    assert last.text.endswith("will require further discussion at SFP stage.")
