"""Issue 12, the misses round 8 left (papers from publishers seen once): the summary's title and glossary on the
real PDFs where a mechanism was missing.  Each test drives the real pipeline on a real PDF."""
from __future__ import annotations

from real_util import summary


def glossary(name: str) -> dict[str, str]:
    return {a.short: a.long for a in summary(name).acronyms if a.long}


# ---------------------------------------------------------------- glossary


def test_a_short_form_cut_from_one_word_in_a_list_of_short_forms_with_equals_signs():
    """Norwalk: "LP = Limited Partnership" / "DBA = “Doing Business As”" / "LTD = Limited"."""
    assert glossary("norwalk-housing-authority_2022_agenda-packet-november").get("LTD") == "Limited"


def test_a_name_read_back_past_where_its_letters_begin_starts_at_the_short_forms_first_letter():
    """Lomita: "... with Administrative Services Co-Op for the Dial-A-Ride Program (DAR)"."""
    assert glossary("lomita_2022_city-council-agenda-december").get("DAR") == "Dial-A-Ride Program"


def test_a_hyphenated_code_after_the_name_it_stands_for():
    """Gardena: "parcels in the Low-Density Multiple-Family Residential (R-2) zone"."""
    got = glossary("gardena_2022_planning-commission-agenda-staff-report-parcel-map")
    assert got.get("R-2") == "Low-Density Multiple-Family Residential"


def test_a_plural_defined_in_its_own_words_beside_the_singular():
    """Cuyahoga Board of Health: "Memorandum of Understanding (MOU)" and "Memorandums of Understanding (MOUs)"."""
    got = glossary("cuyahoga-county-board-of-health_2019_agenda-april-revised")
    assert got.get("MOU") == "Memorandum of Understanding"
    assert got.get("MOUs") == "Memorandums of Understanding"


# ---------------------------------------------------------------- titles


def test_a_meetings_name_repeated_over_every_page_above_the_body_date_and_venue_is_the_title():
    """Cuyahoga Community College: "Regular Meeting of the Board of Trustees" heads every page (a running header),
    the lines under it are the body, the date, the venue and the time."""
    assert summary("cuyahoga-cc-district_2019_board-of-trustees-agenda-september").title == \
        "Regular Meeting of the Board of Trustees"


def test_a_masthead_over_an_agendas_kind_date_and_committee_lines():
    """LA Metro (a Legistar agenda): "Metro" in the largest type, an address, then "Agenda - Final",
    "Thursday, June 15, 2017", the time, the venue and "Executive Management Committee"."""
    assert summary("la-metro_2017_executive-management-committee-agenda-june").title == \
        "Executive Management Committee Agenda - Final, Thursday, June 15, 2017"
