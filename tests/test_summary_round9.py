"""Issue 12, round 9 (papers from publishers never seen before: school governors, DHSC, NERVTAG, the Covid
Inquiry, Manhattan community boards ...): the summary's title, recommendations and glossary where the mechanisms
were missing.  Each test drives the real pipeline on a real PDF."""
from __future__ import annotations

from real_util import summary

from lspkit.analyse.glossary import _key_entries
from lspkit.analyse.recommendations import modal_verb
from lspkit.analyse.title import bad_title

# ---------------------------------------------------------------- recommendations


def test_a_reviews_numbered_recommendation_boxes_are_its_recommendations_with_the_verb_of_their_modal():
    """A government response prints each of the review's recommendations in a box under "Recommendation N", the
    government's response after it: thirteen decisions, labelled, each with the verb its "should" names (a
    particle kept: "should bring together"), "We recommend" RECOMMEND, "is for local ICSs to review" REVIEW."""
    recs = summary("dhsc_2024_government-response-rapid-review-mental-health-inpatient-data").recommendations
    assert [r.number for r in recs] == [f"Recommendation {n}" for n in range(1, 14)]
    verbs = [r.verb for r in recs]
    assert verbs[:5] == ["ESTABLISH", "HAVE", "BRING TOGETHER", "CONVENE", "RECOMMEND"]
    assert verbs[8] == "REVIEW" and verbs[11] == "COME TOGETHER" and verbs[12] == "IMPLEMENT"
    assert recs[0].text.startswith("NHS England should establish a programme of work")
    assert not any(r.text.startswith("Government response") for r in recs)


def test_recommendations_that_name_a_body_then_what_it_is_to_do_take_that_verb_not_the_body():
    """NERVTAG's "Recommendations" (paragraphs 25-28): "PHE to review ...", "ONS should assess ...", "Co-CIN to
    stratify ...", "ISARIC CCP-UK / CO-CIN to be re-prioritised ...": the verb after the modal, never the body's
    initials, and a name in mixed case ("Co-CIN") no longer hides its item."""
    recs = summary("nervtag_2021_paper-variant-of-concern-b117-severity").recommendations
    assert [(r.paragraph, r.verb) for r in recs] == [
        ("25", "REVIEW"), ("26", "ASSESS"), ("27", "STRATIFY"), ("28", "RE-PRIORITISE")]
    assert modal_verb("The Cabinet is asked to note", subject_only=True) is None


def test_a_minutes_list_of_matters_for_the_next_agenda_asks_no_decision():
    """A governors' committee minutes its work plan as lettered items ("Monitor budget ...", "Approve the writing off
    of irrecoverable debts ...", "Analyse use and impact ...", "Catering/school meals") on the page after a record
    that "is recommended to the FGB": a few items open with a verb, most do not; none is a decision asked."""
    assert summary("decoy-school_2022_bm-committee-minutes-may").recommendations == ()


# ---------------------------------------------------------------- titles


def test_a_grids_column_of_names_and_who_chaired_are_never_the_title_the_schools_heading_is():
    """Governors' minutes: the largest type on the front page is the attendance grid's column of names
    ("HEATHER POUSTIE PAUL EVEMY ...") or "Chaired by Ruth Shoare Clerked by Pete Osborne"; the title is the
    heading above the grid."""
    for name in ("decoy-school_2022_fgb-minutes-may-final", "decoy-school_2022_bm-committee-minutes-may"):
        assert summary(name).title == "DECOY COMMUNITY PRIMARY SCHOOL BOARD OF GOVERNORS"
    assert bad_title("HEATHER POUSTIE PAUL EVEMY SIMON BARNES OLIVER LAITY SANDRA CARTWRIGHT")
    assert not bad_title("Local Development Framework Annual Monitoring Report Housing Land Supply Update")


def test_a_letterheads_telephone_line_is_no_title_the_letters_heading_under_dear_is():
    assert bad_title("Tel: xxxx xxx xxxx") and bad_title("E-Mail: someone@dft.gov.uk")
    assert summary("dft_2020_tfl-extraordinary-funding-settlement-letter").title == \
        "Transport for London Settlement Letter"


def test_minutes_from_the_monthly_meeting_end_at_their_date_not_at_the_venue():
    """"MINUTES FROM THE MONTHLY MEETING OF / MANHATTAN COMMUNITY BOARD #1 / MARCH 23, 2010 / BOROUGH OF MANHATTAN
    COMMUNITY COLLEGE / 199 CHAMBERS STREET ...": the minutes' own line to its date, not a session's heading."""
    assert summary("manhattan-cb1_2010_monthly-meeting-minutes-march").title == \
        "Minutes From the Monthly Meeting of Manhattan Community Board #1 March 23, 2010"


def test_minutes_named_only_by_their_kind_take_the_body_and_date_printed_under_it():
    """"MINUTES" / "TOWNSHIP OF NIPISSING" / "Tuesday, January 20, 2026": whose minutes and when."""
    assert summary("nipissing-township_2026_council-minutes-jan-20").title == \
        "Township of Nipissing Minutes, Tuesday, January 20, 2026"


def test_minutes_whose_first_line_numbers_the_meeting_are_named_by_it_not_by_the_pdfs_properties():
    """SAGE's minutes open "Seventy-fifth SAGE meeting on COVID-19, 07th January 2021" / "Held via Video
    Teleconference": the page's line (kept by the front matter though it carries the date), not the file's title
    property "SAGE 75 minutes: Coronavirus (COVID-19) response, 7 January 2021"."""
    d = summary("sage_2021_seventy-fifth-meeting-covid-19-minutes")
    assert d.title == "Seventy-fifth SAGE meeting on COVID-19, 07th January 2021"


# ---------------------------------------------------------------- glossary


def _expansions(name: str) -> dict:
    return {a.short: a.long for a in summary(name).acronyms if a.long}


def test_a_grids_key_of_one_letter_codes_is_read_as_a_table():
    """"P – Present S – Sanctioned A – Absent L – Late arrival" under the governors' attendance grid."""
    for name in ("decoy-school_2022_fgb-minutes-may-final", "decoy-school_2022_bm-committee-minutes-may"):
        e = _expansions(name)
        assert (e.get("P"), e.get("S"), e.get("A"), e.get("L")) == ("Present", "Sanctioned", "Absent", "Late arrival")
    assert _key_entries("Key: Y=Yes N=No A=Abstain PNE=Present, not eligible")[-1] == ("PNE", "Present, not eligible")
    assert _key_entries("Q: What is it A: Nothing B: Something") == []  # a dialogue, not a key
    assert _key_entries("The Council – which met on Tuesday – agreed the budget") == []


def test_definitions_the_acronym_finder_missed_short_first_lower_case_and_suffixed():
    """"HAWSE (Homes through Apprenticeships With Skills for Employment)"; "s-gene target failure (SGTF, a proxy
    ..."; "Neighborhood Conservation and Enhancement (NCE-C)"; and "SAGE (the Scientific Advisory Group for
    Emergencies)" keeps the plural it prints after "for"."""
    assert _expansions("better-elephant_2013_heygate-cpo-statement-of-case")["HAWSE"] == \
        "Homes through Apprenticeships With Skills for Employment"
    assert _expansions("nervtag_2021_paper-variant-of-concern-b117-severity")["SGTF"] == "s-gene target failure"
    assert _expansions("omaha-city-council_2012_agenda-oct-16")["NCE-C"] == "Neighborhood Conservation and Enhancement"
    assert _expansions("uk-covid19-inquiry_2025_module-2-report-in-brief")["SAGE"] == \
        "Scientific Advisory Group for Emergencies"


def test_a_reports_recommendations_listed_after_a_lead_in_are_its_gerund_items():
    """The Covid Inquiry's summary: "The recommendations include:" and six shaded boxes, each opening with what it
    does ("Improving consideration ...", "Broadening participation in SAGE ...", ... "Establishing structures
    ..."); the first box's bold opening line, read as a heading, is joined back to its words."""
    recs = summary("uk-covid19-inquiry_2025_module-2-report-in-brief").recommendations
    assert [r.verb for r in recs] == ["IMPROVING", "BROADENING", "REFORMING", "ENSURING", "ENABLING", "ESTABLISHING"]
    assert recs[0].text.startswith("Improving consideration of the impact that decisions might have on those most at "
                                   "risk in an emergency: changes should aim")
    assert recs[3].text.endswith("available in accessible formats.")
