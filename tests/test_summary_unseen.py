"""The officer's summary on papers from publishers first measured in round 5 (GLA, Southwark, LGO, Wroxton &
Balscote PC, the 35% Campaign, student bodies): what an officer sees first -- the title, the decisions asked --
and where a reference goes.  Each test drives the real pipeline on a real PDF."""
from __future__ import annotations

from real_util import doc, summary

from lspkit.analyse.title import bad_title

# ---------------------------------------------------------------- titles


def test_a_front_page_that_is_the_contents_list_is_named_by_the_line_above_contents():
    """Wroxton & Balscote's financial regulations print their title above "Contents" on a page the segmenter sets
    aside as a contents list: the title is that line, never the file's name."""
    assert summary("wroxton-balscote-pc_2024_financial-regulations").title == "Wroxton & Balscote Financial Regulations"


def test_minutes_opening_after_the_councils_heading_in_capitals_keep_their_venue_and_date():
    """"WROXTON & BALSCOTE ANNUAL PARISH MEETING ... MINUTES OF ANNUAL PARISH MEETING AT" / "WROXTON VILLAGE HALL
    on 12th May 2025 at 7.00pm": the minutes' line, its second line kept (not read as the meeting it goes to)."""
    title = summary("wroxton-balscote-pc_2025_minutes-may").title
    assert title == "Minutes of Annual Parish Meeting at Wroxton Village Hall on 12th May 2025"


def test_a_notice_of_meeting_is_named_by_its_notice_line_and_the_meetings_date():
    """"NOTICE OF THE PARISH COUNCIL MEETING OF WROXTON & BALSCOTE PARISH" / "COUNCIL" / "Monday 3rd November
    2025": "COUNCIL" alone names no council, it ends the line above; the venue in title case is cut."""
    title = summary("wroxton-balscote-pc_2025_agenda-november").title
    assert title == "Notice of the Parish Council Meeting of Wroxton & Balscote Parish Council, 3 November 2025"


def test_a_title_block_going_on_in_smaller_type_is_one_title_and_a_planning_reference_is_no_path():
    """GLA planning reports: "Five Estates, Peckham Partnerships" / "in the London Borough of Southwark", the
    subtitle "planning report PDU/0553/01" (a reference with slashes, not a file's path)."""
    assert summary("gla_2002_five-estates-peckham-planning-report").title == (
        "Five Estates, Peckham Partnerships in the London Borough of Southwark: planning report PDU/0553/01")
    assert summary("gla_2016_barking-riverside-stage2-planning-report").title.startswith(
        "Barking Riverside in the London Borough of Barking and Dagenham")
    assert not bad_title("Elephant and Castle Shopping Centre Planning Application 16/AP/4458")
    assert bad_title("reports/2018/letter") and bad_title("C:\\papers\\letter")


def test_a_letters_subject_line_with_a_reference_is_its_title():
    assert summary("35-percent-campaign_2018_letter-to-councillors-shopping-centre").title == (
        "Elephant and Castle Shopping Centre Planning Application 16/AP/4458")


def test_a_table_header_is_never_a_title_and_notes_are_named_by_the_panel_and_date():
    """Southwark's pension panel notes: "Item No Item" heads the items' table; the panel's name in capitals and
    the meeting's date name the notes ("Venue: Southwark Council" is where, not whose)."""
    assert bad_title("Item No Item")
    assert summary("southwark_2015_pensions-advisory-panel-notes-april").title == (
        "London Borough of Southwark Pension Fund Pensions Advisory Panel, 21 April 2015")


def test_a_subtitle_that_only_dates_the_paper_is_left_off():
    """"Founded November 13, 2018 / Revised November 8, 2018" under a constitution's title says when, not what."""
    assert summary("gatech-coc-student-council_2018_constitution-draft").title == (
        "Constitution of the Student Council at the College of Computing at Georgia Tech")


# ---------------------------------------------------------------- recommendations


def decisions(name: str) -> list[tuple[str, str]]:
    return [(r.verb, " ".join(r.text.split()[:6])) for r in summary(name).recommendations]


def test_that_the_body_verbs_gives_the_verb_after_the_bodys_name():
    """Southwark's executive report: "That the executive approves ..." is APPROVE, "... notes ..." NOTE; two that
    open alike ("approves the strategy for the management ..." / "... for disposal ...") are two decisions."""
    assert decisions("southwark_2008_corporate-property-management-executive-report") == [
        ("APPROVE", "That the executive approves the refreshed"),
        ("APPROVE", "That the executive approves the strategy"),
        ("APPROVE", "That the executive approves the strategy"),
        ("NOTE", "That the executive notes the principles"),
        ("NOTE", "That the executive notes the list")]


def test_a_long_subject_and_a_mid_sentence_dash_do_not_hide_the_decision():
    """"That the Cabinet Member for Regeneration, Planning and Transport approves" (and a recommendation in the
    prose of the key issues, "it is recommended that works ... are carried out", is none); "the Assistant Director -
    Planning" is one decision, not a bullet; "- UNITS: 10 units as intermediate rent" is a figure, not a decision."""
    assert decisions("southwark_2015_aylesbury-northchurch-early-activation") == [
        ("APPROVE", "That the Cabinet Member for Regeneration,")]
    gla = decisions("gla_2013_southwark-free-school-representation-hearing-report")
    assert [v for v, _ in gla] == ["GRANT", "AGREE", "AGREE", "NOTE", "NOTE", "CONFIRM"]
    assert all(len(r.text) > 80 for r in summary("gla_2013_southwark-free-school-representation-hearing-report").recommendations)


def test_be_advised_under_a_recommendation_heading_set_as_its_own_line():
    assert decisions("gla_2016_barking-riverside-stage2-planning-report") == [
        ("ADVISE", "That Barking and Dagenham Council be"), ("ADVISE", "That Barking and Dagenham Council be")]


def test_an_ombudsmans_recommended_action_proposes():
    found = decisions("lgo_2015_14-019-995-draft-decision")
    assert [v for v, _ in found] == ["PROPOSE"] * 4
    assert found[0][1] == "To address the fault highlighted above,"


def test_a_recommended_action_in_the_passive_takes_its_sections_verb():
    """LGO's paragraph 30, between two "I propose" items under "Recommended action", proposes without the verb:
    "Unless the Council can provide clear evidence ... then these should also be paid"."""
    found = summary("lgo_2015_14-019-995-draft-decision").recommendations
    assert [(r.paragraph, r.verb) for r in found] == [("28", "PROPOSE"), ("29", "PROPOSE"), ("30", "PROPOSE"),
                                                      ("31", "PROPOSE")]


def test_an_agendas_decisions_list_gives_each_to_item_with_its_verb():
    """Wroxton & Balscote's agenda: "8. a) DECISIONS" / "To review and, if thought appropriate, approve ..." /
    "To take note of ..." / "To ratify ..."; the sums under "To take note of existing allocations" and "b)
    DISCUSSIONS" ask nothing."""
    assert decisions("wroxton-balscote-pc_2025_agenda-november") == [
        ("APPROVE", "To review and, if thought appropriate,"), ("NOTE", "To take note of existing allocations"),
        ("APPROVE", "To approve applications from Balscote Village"), ("APPROVE", "To approve application for new Christmas"),
        ("RATIFY", "To ratify the Chairman and RFO’s"), ("RATIFY", "To ratify the earlier subgroup decision"),
        ("APPROVE", "To approve the Clerk’s salary increase")]


# ---------------------------------------------------------------- references


def paragraph_refs(name: str) -> list[dict]:
    return [x.to_dict() for x in summary(name).xrefs if x.kind.value == "paragraph"]


def test_a_reference_in_a_restarted_run_of_numbers_goes_to_that_runs_paragraph():
    """GLA's Barking Riverside stage 2 report carries the stage 1 report after it, numbered from 1 again: the
    segmenter's ids are qualified ("Context 17 (2)"), and "paragraph 17" cited in the second run is the second
    run's 17, never "not in this document"; "Paragraphs 20-21" likewise."""
    d = doc("gla_2016_barking-riverside-stage2-planning-report")
    page = {p.number: p.page for p in d.paragraphs}
    refs = {(x["from"], x["text"]): x for x in paragraph_refs("gla_2016_barking-riverside-stage2-planning-report")}
    internal = [x for x in refs.values() if not x["external"]]
    assert internal and all(x["resolved"] for x in internal)
    for x in internal:
        assert all(page[t] >= 11 for t in x["to"]) == (page[x["from"]] >= 11)  # the citing paper's own run
    ranged = next(x for x in internal if x["text"] == "Paragraphs 20-21")
    assert len(ranged["to"]) == 2


def test_a_letter_that_says_whose_paragraphs_it_cites_points_outside_itself():
    """The 35% Campaign's letter: "References are to the officer's report, 27 June 2018." -- "para 5" is the
    report's paragraph 5, not the letter's (its words kept although the line carries a date)."""
    refs = paragraph_refs("35-percent-campaign_2018_letter-to-councillors-shopping-centre")
    assert refs and all(x["external"] and not x["to"] for x in refs)
    assert refs[0]["target"] == "paragraph 5 of the officer’s report"


# ---------------------------------------------------------------- glossary


def test_a_short_form_in_mixed_or_lower_case_defined_in_a_bracket():
    """Barking Riverside: "Energy Services Company (ESCo)", "35-75 dwellings per hectare (dph)"."""
    glossary = {e.short: e.long for e in summary("gla_2016_barking-riverside-stage2-planning-report").acronyms}
    assert glossary.get("ESCo") == "Energy Services Company"
    assert glossary.get("dph") == "dwellings per hectare"
