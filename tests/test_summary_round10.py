"""Issue 12, round 10's misses (a library district's policies, by-laws, RFQs and agendas; a fire district's minutes;
accident investigation reports of two countries; a port's RFP addendum): the summary's title, recommendations and
glossary on the real PDFs where a mechanism was missing.  Each test drives the real pipeline on a real PDF."""
from __future__ import annotations

import pytest

from real_util import summary

from lspkit.analyse.title import bad_title


def glossary(name: str) -> dict[str, str]:
    return {a.short: a.long for a in summary(name).acronyms if a.long}


# ---------------------------------------------------------------- titles


@pytest.mark.parametrize("name, title", [
    # the serial over the title ("POLICY NO. 320" / "GENERAL RULES OF CONDUCT"), the serial the PDF's title too
    ("warrenville-library_2015_policy-320-general-rules-of-conduct", "General Rules of Conduct"),
    # the letterhead's name as the PDF's title, the serial and the title printed under it
    ("warrenville-library_2009_policy-130-investment", "Investment Policy"),
])
def test_a_policys_serial_is_its_place_in_the_series_the_line_under_it_its_title(name, title):
    assert summary(name).title == title


def test_a_letterheads_name_alone_is_no_title_the_line_under_it_is():
    """"Warrenville Public Library District" in the largest type, the request for qualifications under it."""
    assert summary("warrenville-library_2016_rfq-construction-management").title == \
        "Request for Qualifications for Construction Management Services for Interior Renovation to Existing Building"


def test_an_approval_and_amendment_history_before_the_title_is_left_off():
    """"APPROVED: April 16, 1997 AMENDED: February 19, 2003 ... AMENDED: January 19, 2011 BY-LAWS OF THE ..."."""
    title = summary("warrenville-library_2011_board-bylaws").title
    assert title.startswith("BY-LAWS OF THE WARRENVILLE PUBLIC LIBRARY DISTRICT")
    assert bad_title("APPROVED: April 16, 1997 AMENDED: February 19, 2003")  # a history alone is never a title


def test_a_letterhead_committee_and_date_over_the_kind_of_paper_give_the_committees_paper():
    """"WARRENVILLE PUBLIC LIBRARY DISTRICT" / "Meeting Room Policy Committee" / "Tuesday, January 10, 2017" /
    "AGENDA": the committee's agenda (the publisher and the date are fields of their own)."""
    assert summary("warrenville-library_2017_agenda-meeting-room-policy-committee-2017-01-10").title == \
        "Meeting Room Policy Committee Agenda"


def test_a_templates_name_left_as_the_pdfs_title_is_none():
    """The PDF's Title property "MINUTE TEMPLATE": the page's heading names the minutes."""
    assert bad_title("MINUTE TEMPLATE")
    assert summary("sjc-fire-district-3_2025_commission-minutes-september").title == \
        "SUMMARY OF THE MINUTES SAN JUAN COUNTY FIRE DISTRICT 3"


@pytest.mark.parametrize("name, title", [
    # the kind in the largest type on the title page, the front page's line with the number and the subject
    ("taic_2013_final-report-torea-collision-uncharted-rock",
     "Inquiry 12-202: Fishing vessel Torea, collision with uncharted rock, Foveaux Strait, 24 August 2012"),
    # the front line cut short at a comma (its last line read as the date): completed from the title page's
    ("taic_2016_urgent-recommendation-azamara-quest",
     "Urgent Recommendation MO-2016-202: Cruise ship Azamara Quest, contact with Wheki Rock, Tory Channel "
     "27 January 2016"),
    ("taic_2011_interim-factual-report-volendam",
     "Interim Factual Report 11-201: Passenger vessel Volendam, lifeboat fatality, port of Lyttelton, New Zealand, "
     "8 January 2011"),
    # the kind with its number (the PDF's title), the title block printed under the number on the cover
    ("tsb-canada_2012_aviation-investigation-report-a11f0012",
     "AVIATION INVESTIGATION REPORT A11F0012: PITCH EXCURSION, AIR CANADA BOEING 767-333, C-GHLQ NORTH ATLANTIC "
     "OCEAN, 55°00’N 029°00’W"),
    # "ADDENDUM #1" over the project: the page's line that names the addendum and the project it belongs to
    ("port-of-alsea_2018_rfp-2018-01-addendum-1",
     "Addendum #1: Port of Alsea Boat Launch and Marina Construction Project, RFP #2018-01"),
])
def test_a_reports_kind_alone_is_named_by_its_number_and_subject(name, title):
    assert summary(name).title == title
