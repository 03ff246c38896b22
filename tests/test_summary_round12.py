"""The summary's title, recommendations and glossary on round 11's papers (data/real/, restored by
data/real/restore.py): by-laws named as their page names them, minutes by their title block without the venue
and the date run on into it, a procedure by its cover box, a cover without its strapline's words; a body's
recommendations recorded in minutes are none, a motion's clause is its decision."""
from __future__ import annotations

import pytest
from real_util import summary


@pytest.mark.parametrize("name, title", [
    # the footer's "By-law Name: ...", and the name printed under "<body> / By-law # <number>"
    ("town-of-whitby_2016_bylaw-7127-16-signing-authority", "Signing Authority By-law"),
    ("town-of-whitby_2021_bylaw-7749-21-election-signs", "Election Sign By-law"),
    ("town-of-whitby_2025_bylaw-8209-25-e-scooter-e-bike", "E-scooter and E-bike By-law"),
    # the body, the number and the long title read as one block
    ("district-of-oak-bay_2022_bylaw-4821-alternative-tax-collection-scheme",
     "Bylaw No. 4821: A Bylaw to establish an Alternative Tax Collection Scheme"),
])
def test_a_bylaw_is_named_as_its_page_names_it(name, title):
    assert summary(name).title == title


def test_a_bylaws_placeholder_number_is_no_part_of_its_title():
    # a draft's "By-Law Number 19-XXX" over "Being a by-law to authorize ..."
    title = summary("peterborough-on_2019_citizens-war-memorial-precinct-bylaw-draft-tracked").title
    assert title.startswith("Being a by-law to authorize") and "XXX" not in title


@pytest.mark.parametrize("name, title", [
    ("peterborough-on_2020_general-committee-minutes-march-2", "General Committee Minutes"),  # "Council Chambers, City Hall"
    ("peterborough-on_2024_city-council-minutes-may-21", "City Council Minutes"),
    ("peterborough-on_2021_committee-of-adjustment-minutes-oct5-draft", "Committee of Adjustment Minutes"),  # the date
    # the title block, not the record's opening sentence "Minutes of a Meeting of ... held on ..."
    ("peterborough-on_2021_committee-of-adjustment-minutes-oct5-approved", "Committee of Adjustment Minutes"),
    ("town-of-arlington-ma_2023_draft-zoning-mbta-communities-overlay", "Draft Zoning Regulations MBTA Communities"),
])
def test_a_title_block_is_cut_before_the_venue_and_the_date_under_it(name, title):
    assert summary(name).title == title


def test_a_date_printed_on_the_titles_line_stays():
    assert summary("cuyahoga-county-board-of-health_2019_agenda-april-revised").title == \
        "CUYAHOGA COUNTY BOARD OF HEALTH AGENDA – April 24, 2019"


def test_a_bodys_name_over_the_date_and_draft_minutes_is_named_minutes_of_that_date():
    title = summary("peterborough-on_2020_aac-built-environment-subcommittee-minutes-feb-18").title
    assert title == "Accessibility Advisory Committee Built Environment Sub-Committee – Minutes, February 18, 2020"


def test_a_procedure_is_named_by_its_cover_box_not_its_first_part():
    assert summary("san-antonio-pd_2020_gm-procedure-611-mentally-ill-persons").title == \
        "Procedure 611 – Mentally Ill Persons"


def test_a_cover_straplines_words_are_no_part_of_the_title():
    assert summary("scottish-government_2018_social-security-digital-technology-strategy").title == \
        "Social Security Scotland Digital and Technology Strategy"


def test_a_legal_basis_in_brackets_after_the_title_is_cut():
    assert summary("reserve-bank-of-india_2024_mpc-minutes-august").title == \
        "Minutes of the Monetary Policy Committee Meeting, August 6 to 8, 2024"


def test_a_subtitle_that_names_only_the_kind_of_paper_is_not_joined_on():
    assert summary("peterborough-county_2023_staff-report-par-2023-04-paramedics-response-time-plan").title == \
        "Peterborough Paramedics Response Time Plan, 2024"


def test_recommendations_a_committee_is_recorded_as_having_made_are_none():
    # "The committee supports ... but has made the following recommendations:" in a sub-committee's minutes
    assert summary("peterborough-on_2020_aac-built-environment-subcommittee-minutes-feb-18").recommendations == ()


def test_a_motion_set_over_its_clause_is_one_decision_whole():
    recs = summary("town-of-arlington-ma_2023_draft-zoning-mbta-communities-overlay").recommendations
    assert len(recs) == 1 and recs[0].label == "MOTION" and recs[0].verb == "AMEND"
    assert recs[0].text.startswith("That the Zoning Bylaw of the Town of Arlington, Chapter 5. DISTRICT REGULATIONS be amended")


def _glossary(name):
    return {g.short: g.long for g in summary(name).acronyms}


def test_a_companys_short_form_with_its_suffix_is_defined():
    # "Tim Welch Consulting Inc. (TWC Inc.)"
    assert _glossary("peterborough-on_2024_city-council-minutes-may-21")["TWC Inc."] == "Tim Welch Consulting Inc."


def test_a_quoted_term_with_its_code_in_brackets_is_defined_even_one_letter():
    # 'listed as the “Suspect” (SP)', 'as the “Victim” (V)': V is no roman numeral there
    glossary = _glossary("san-antonio-pd_2020_gm-procedure-611-mentally-ill-persons")
    assert glossary["SP"] == "Suspect" and glossary["V"] == "Victim"


def test_a_bylaws_means_definition_wins_over_a_definitions_line_wrapped_at_the_short_form():
    # '“WFES” means Whitby Fire and Emergency Services', not '"Fire Chief" means the WFES Fire Chief and includes ...'
    assert _glossary("town-of-whitby_2021_bylaw-7776-21-setting-of-fires")["WFES"] == "Whitby Fire and Emergency Services"


def test_a_statute_citation_is_no_abbreviation_definition():
    # "Municipal Elections Act, 1996, S.O. 1996, c. 32, Sched., as amended, or the Deputy Mayor ..."
    long = _glossary("town-of-whitby_2016_bylaw-7127-16-signing-authority").get("S.O.")
    assert long is None


def test_the_existing_sections_of_the_bylaw_an_amendment_names_are_not_this_papers():
    # "... be added as Section 7 to By-law# 4394-99, as amended, with the existing Sections 7, 9, 10, 11, and 12
    # re-numbered": the sections of By-law 4394-99
    refs = [x for x in summary("town-of-whitby_2022_bylaw-7863-22-fence-amendment").xrefs
            if x.text.startswith("Sections 7, 9")]
    assert refs and all(x.external and not x.resolved for x in refs)
