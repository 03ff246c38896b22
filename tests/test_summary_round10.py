"""Issue 12, round 10's misses (a library district's policies, by-laws, RFQs and agendas; a fire district's minutes;
accident investigation reports of two countries; a port's RFP addendum): the summary's title, recommendations and
glossary on the real PDFs where a mechanism was missing.  Each test drives the real pipeline on a real PDF."""
from __future__ import annotations

import pytest

from real_util import summary

from lspkit.analyse.recommendations import addressed_decision
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


# ---------------------------------------------------------------- recommendations


def test_a_commissions_recommendations_to_another_body_give_the_verb_after_the_addressee():
    """TAIC: "Recommendation 1" / "It is recommended that as a matter of urgency, the Navalimpianti Tecnimpianti
    Group alert all owners ...": three decisions, each once, labelled, addressed to the group, verb ALERT/MAKE/REVIEW
    (not "RECOMMEND", and not a fourth read without its label)."""
    recs = summary("taic_2011_interim-factual-report-volendam").recommendations
    assert [(r.number, r.verb, r.text.split()[0]) for r in recs] == [
        ("Recommendation 1", "ALERT", "alert"), ("Recommendation 2", "MAKE", "make"),
        ("Recommendation 3", "REVIEW", "review")]
    assert {r.to for r in recs} == {"the Navalimpianti Tecnimpianti Group"}


def test_a_dated_recommendation_in_a_narrative_section_is_the_decision_the_narrative_is_not():
    """TAIC: under "Recommendation one", "The Commission reviewed ..." and "The current harbour risk assessment ..."
    are its reasons; "On 2 August 2016 the Commission recommended that before allowing ..., the Chief Executive of
    the Marlborough District Council review ... (016/16)" is the decision, its reply after the code no part of it."""
    recs = summary("taic_2016_urgent-recommendation-azamara-quest").recommendations
    assert [(r.number, r.verb, r.to) for r in recs] == [
        ("016/16", "REVIEW", "the Chief Executive of the Marlborough District Council"),
        ("017/16", "REVIEW", "the Director of Maritime New Zealand")]
    assert recs[0].text.startswith("review its harbour risk assessment") and recs[0].text.endswith("(016/16)")


@pytest.mark.parametrize("text", [
    "It is recommended that the City Council approve the meeting schedule for 2023.",  # the council's own: read whole
    "It is recommended that items 13 through 19 be acted on by one motion of the City Council.",
    "The inspector recommended that main modifications are made.",  # no addressee and its verb
])
def test_a_councils_own_recommendation_is_not_one_made_to_another_body(text):
    assert addressed_decision(text) is None


def test_staff_recommending_that_the_council_act_is_the_councils_own_decision_read_whole():
    assert addressed_decision("Staff recommends that the Council discuss a draft ordinance.") is None


def test_whom_a_recommendation_is_made_to_is_shown_in_every_format():
    from lspkit.render.summary import render

    s = summary("taic_2011_interim-factual-report-volendam")
    assert "*to the Navalimpianti Tecnimpianti Group:* alert all owners" in render(s, "markdown")
    assert "<em>to the Navalimpianti Tecnimpianti Group:</em> alert all owners" in render(s, "html")
    assert '"to": "the Navalimpianti Tecnimpianti Group"' in render(s, "json")


# ---------------------------------------------------------------- glossary


def test_an_abbreviations_list_under_a_heading_line_is_read_whole_whatever_its_short_forms_spell():
    """TAIC: "Abbreviations" set as a line of its own, then "kW kilo Watt(s)", "m metre(s)", "UTC co-ordinated
    universal time" ... to the "Glossary" heading, whose terms ("davit", "100A1 ship ...") are no short forms."""
    got = glossary("taic_2011_interim-factual-report-volendam")
    assert {k: got.get(k) for k in ("kW", "m", "mm", "t", "LMC", "UMS", "UTC")} == {
        "kW": "kilo Watt(s)", "m": "metre(s)", "mm": "millimetre(s)", "t": "tonne(s)",
        "LMC": "Lloyds machinery certificate", "UMS": "unmanned machinery space certification",
        "UTC": "co-ordinated universal time"}
    assert "100A1" not in got and "davit" not in got
    torea = glossary("taic_2013_final-report-torea-collision-uncharted-rock")
    assert torea.get("°") == "degree(s)" and "knot(s)" not in torea


def test_a_name_shortened_to_its_own_word_in_brackets():
    """"... at about 1524 the Transport Accident Investigation Commission (Commission) learnt ...", "TO: Port of
    ALSEA, (Port)"."""
    assert glossary("taic_2011_interim-factual-report-volendam").get("Commission") == \
        "Transport Accident Investigation Commission"
    assert glossary("port-of-alsea_2018_rfp-2018-01-addendum-1").get("Port") == "Port of ALSEA"


def test_an_aerodromes_code_after_its_name_is_its_identifier():
    """TSB: "Canton Aerodrome (CTN7)", "Ottawa/Rockcliffe Airport (CYRO)", "Toronto/Lester B. Pearson
    International Airport, Ontario (CYYZ)": codes whose letters spell nothing of the name."""
    got = glossary("tsb-canada_2022_air-investigation-report-a22o0118")
    assert (got.get("CTN7"), got.get("CYRO"), got.get("CYPQ")) == (
        "Canton Aerodrome", "Ottawa/Rockcliffe Airport", "Peterborough Airport")
    assert glossary("tsb-canada_2012_aviation-investigation-report-a11f0012").get("CYYZ") == \
        "Toronto/Lester B. Pearson International Airport, Ontario"


def test_square_brackets_units_and_equals_signs_define_too():
    """"(safety management system [SMS]–based ...)", "1 nautical mile (nm)", "22.50 knots (kts)",
    "BOLI [Bureau of labor & Industry]", "MCC=Maximum Construction Costs"."""
    tsb = glossary("tsb-canada_2012_aviation-investigation-report-a11f0012")
    assert (tsb.get("SMS"), tsb.get("nm")) == ("safety management system", "nautical mile")
    assert glossary("taic_2011_interim-factual-report-volendam").get("kts") == "knots"
    port = glossary("port-of-alsea_2018_rfp-2018-01-addendum-1")
    assert (port.get("BOLI"), port.get("MCC")) == ("Bureau of labor & Industry", "Maximum Construction Costs")


def test_a_bracket_inside_a_companys_name_defines_nothing():
    """Birmingham's list of companies: "InReach (Birmingham) Ltd", "PETPS (Birmingham) Capital Ltd"."""
    assert "Birmingham" not in glossary("birmingham-cc_2018_cabinet-committee-group-company-governance-agenda-pack")
