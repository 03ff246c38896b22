"""The officer's summary on the round-6 unseen papers (bench/unseen-round6.txt: Gloucester, Birmingham, Royal
Sutton Coldfield TC, Sunnyvale, WA AWAC, ODUG, Home Office/NPIA ...): the decisions a paper asks for when the verb
is in the lead-in, the items are numbered under it, or the request sits in an agenda item or a suggestions list.
Each test drives the real pipeline on a real PDF."""
from __future__ import annotations

import pytest
from real_util import summary


def decisions(name: str, n: int = 4) -> list[tuple[str, str]]:
    return [(r.verb, " ".join(r.text.split()[:n])) for r in summary(name).recommendations]


def test_the_verb_in_the_lead_in_is_every_items_verb_and_a_cited_label_is_no_item():
    """ "Cabinet is asked to RECOMMEND that: (1) the current ... (2) the scheme approved at 2.1 (1) above ...":
    each item RECOMMENDs (its first word is not its verb), and "2.1 (1)" cites an item, it does not start one."""
    assert decisions("gloucester-city_2025_local-council-tax-support-scheme-cabinet-report", 3) == [
        ("RECOMMEND", "the current Local"), ("RECOMMEND", "the scheme approved"), ("RECOMMEND", "any urgent amendments"),
        ("RESOLVE", "the current Local"), ("RESOLVE", "the scheme approved"), ("RESOLVE", "any urgent amendments")]


def test_a_lead_in_kept_as_a_heading_gives_its_verb_to_the_that_clauses_under_it():
    """Royal Sutton Coldfield: "Council is recommended to approve: -" then a) to f) "That the CBSO be
    commissioned ...": six APPROVEs, not COMMISSION and DELEGATE."""
    got = decisions("royal-sutton-coldfield-tc_2017_summer-in-sutton-cbso-concert-council-report")
    assert [v for v, _ in got] == ["APPROVE"] * 6
    assert got[0][1] == "That the City of"


def test_items_numbered_under_a_decisions_recommended_line_are_its_items():
    """Birmingham: "Decision(s) recommended: That the Committee:-" numbered 2, its items 2.1, 2.2 (whatever parent
    the segmenter set); "Recommendations That Cabinet:" likewise; "Review and approve ..." is REVIEW, as printed."""
    got = decisions("birmingham-cc_2018_cabinet-committee-group-company-governance-agenda-pack")
    assert got[:2] == [("NOTE", "Notes the detail of"), ("CONSIDER", "Considers the impact on")]
    assert ("REVIEW", "Review and approve the") in got and len(got) == 8
    assert [v for v, _ in decisions("birmingham-cc_2020_temporary-accommodation-procurement-cabinet-report")] == [
        "APPROVE", "DELEGATE", "APPROVE", "DELEGATE", "DELEGATE"]


def test_an_agenda_items_own_recommendation_line_is_its_decision():
    """Sunnyvale: "B 21-0108 Approve 2021 Board ... Recommendation: Approve the 2021 Work Plans as submitted.";
    "Staff recommends that the Council discuss ..." is DISCUSS."""
    got = decisions("sunnyvale_2021_city-council-notice-and-agenda-february-2")
    assert got[1] == ("APPROVE", "Approve the 2021 Work")
    assert got[-1] == ("DISCUSS", "Staff recommends that the")
    assert len(got) == 5


def test_a_bodys_recommends_that_and_a_suggestions_list_are_recommendations():
    """ODUG: "ODUG recommends that:" (a heading) then "DVLA makes ..."; "ODUG recommends that government should:"
    then two imperatives run into one block; WA AWAC: "Recommendation That the Minister notes ... That the Minister
    notes ..."; the Home Office: "We have set out below some suggestions ..." then 1. Create 2. Recognise 3.
    Understand."""
    assert decisions("odug_2013_dvla-bulk-data-benefits-case") == [("MAKE", "DVLA makes an open"),
                                                                     ("RENEGOTIATE", "DVLA renegotiates its bulk")]
    assert [v for v, _ in decisions("odug_2013_public-rights-of-way-data")] == ["PRODUCE", "PROMOTE"]
    assert decisions("wa-awac_2022_guardian-animals-sheep-report") == [("NOTE", "That the Minister notes"),
                                                                        ("NOTE", "That the Minister notes")]
    assert [v for v, _ in decisions(
        "home-office-npia_2011_transparency-board-lessons-learned-street-level-crime-data")] == [
        "CREATE", "RECOGNISE", "UNDERSTAND"]


# ---------------------------------------------------------------- titles


@pytest.mark.parametrize("name,title", [
    # a body's name over a kind of paper and a date
    ("moj-crime-justice-transparency-panel_2014_minutes-february",
     "Crime and Justice Transparency Sector Panel – Minutes, 14 February 2014"),
    ("local-public-data-panel_2013_terms-of-reference",
     "LOCAL PUBLIC DATA PANEL TERMS OF REFERENCE 2013-14 (as at 14 October 2013)"),
    # a title block run into its labelled fields, whose and when from the front matter
    ("menlo-park_2021_city-council-agenda-january-12", "City Council Regular Meeting Agenda, 1/12/2021"),
    # a header (the board and its meeting's date) run into the title
    ("home-office-npia_2011_transparency-board-lessons-learned-street-level-crime-data",
     "Lessons learned on the publication of street level crime and ASB data"),
    # the body's meeting and its date is not the paper's title; the line under it is
    ("royal-sutton-coldfield-tc_2017_summer-in-sutton-cbso-concert-council-report", "Summer in Sutton Coldfield"),
    # the running header the cover repeats, not the board's name or a cover note
    ("tbs-canada_2018_directive-identity-management-draft-19apr", "Directive on Identity Management"),
    ("tbs-canada_2018_directive-identity-management-final-22may", "Directive on Identity Management"),
    # a kind-only title, whose from page 1's running header
    ("souldern-pc_2013_standing-orders", "Souldern Parish Council Standing Orders"),
    # the minutes' own line, kept when its date went to the front matter; never the roll of those present
    ("ayton-cc_2019_minutes-october", "Minutes of a Meeting held on Tuesday 1 October 2019"),
    # a publisher's name with its acronym is no title
    ("odug_2013_dvla-bulk-data-benefits-case", "Driver and Vehicle Licensing Agency (DVLA) Bulk Data"),
    # a notice's heading under a rule of underscores, its second line read as the council
    ("illinois-finance-authority_2020_conduit-financing-committee-special-meeting-notice",
     "Notice of Special Meeting of the Conduit Financing Committee Members of the Illinois Finance Authority"),
])
def test_round6_titles(name, title):
    assert summary(name).title == title


def test_a_resolutions_long_title_stops_at_its_recitals():
    t = summary("san-jose_2021_resolution-vacate-north-almaden-boulevard").title
    assert t.startswith("A RESOLUTION OF THE COUNCIL OF THE CITY OF SAN JOSE") and t.endswith("§ 4.20.070")


# ---------------------------------------------------------------- glossary


def glossary(name: str) -> dict[str, str]:
    return {e.short: e.long for e in summary(name).acronyms if e.long}


def test_peoples_initials_defined_beside_their_names_are_in_the_glossary():
    """Broomhill: "Barbara McTavish(BMcT,chair)", "Lorna McWilliams (LMcW, Vice Chair & Treasurer)", "Mark Orr and
    Chris Orr (MO & CO)"; Ayton: the roll "Present: Catherine Chisholm CC Kenny Combe KC ..." read in any column
    order.  "Chair (BH)" is a role's, not a name's, and defines nothing."""
    g = glossary("broomhill-cc_2025_agm-minutes-october-v1")
    assert g["BMcT"] == "Barbara McTavish" and g["LMcW"] == "Lorna McWilliams"
    assert g["MO"] == "Mark Orr" and g["CO"] == "Chris Orr"
    assert "BH" not in g
    a = glossary("ayton-cc_2019_minutes-october")
    assert a["CC"] == "Catherine Chisholm" and a["KC"] == "Kenny Combe" and a["DN"] == "Dick Noble"


def test_terms_defined_in_quotes_and_loosely_spelled_brackets():
    assert glossary("moj_2013_draft-code-of-practice-datasets-foi-s45")["the Act"] == "Freedom of Information Act 2000"
    g = glossary("illinois-finance-authority_2020_conduit-financing-committee-special-meeting-notice")
    assert g["Authority"] == "Illinois Finance Authority" and g["COVID-19"] == "Coronavirus Disease 2019"
    f = glossary("fco_2012_open-data-strategy")
    assert f["UKTI"] == "UK Trade and Investment" and f["NDPB"].startswith("Non-Departmental Public Bod")
    assert glossary("odug_2013_dvla-bulk-data-benefits-case")["ODUG"] == "Open Data User Group"
    assert glossary("birmingham-cc_2020_temporary-accommodation-procurement-cabinet-report")["BBC4SR"] == \
        "Birmingham Business Charter for Social Responsibility"


def test_a_names_article_in_brackets_is_no_abbreviation():
    assert "The" not in glossary("birmingham-cc_2018_cabinet-committee-group-company-governance-agenda-pack")


# ---------------------------------------------------------------- references


def test_appendix_n_is_not_a_part_numbered_n_inside_the_annexes():
    """Birmingham's agenda pack: its annex sections are numbered 1, 1, 1, 2, 3, 1 ... (parts of the company
    profiles), so "Appendix 1" (printed separately) is not in this document rather than its section 1."""
    refs = [x for x in summary("birmingham-cc_2018_cabinet-committee-group-company-governance-agenda-pack").xrefs
            if x.text.lower().startswith("appendix")]
    assert refs and all(not x.resolved for x in refs)
