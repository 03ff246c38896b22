"""Round 17's summary mechanisms, found on round 16's blind set (Healthwatch reports, an accreditation forum's
mandatory documents, small societies' constitutions, an agenda supplement, a university's by-law), each tried on
made-up Documents from publishers not seen: a report's own recommendations (under its Recommendations heading, after a
lead-in announcing them, its author's asks of the body it goes to), marked as the report's and not asked of the
meeting; titles completed by a kind-only heading or a Name clause, a one-item agenda supplement, a quarter's report,
a title line repeated in capitals, an issue line; glossary entries from a ruled key of codes, a name under its short
form after a dash, a short form's apostrophe plural, and citations that are no definitions."""
from __future__ import annotations

import pytest
from real_util import summary

from lspkit.analyse.glossary import build_glossary
from lspkit.analyse.recommendations import REPORT, Recommendation, find_recommendations
from lspkit.analyse.title import find_title
from lspkit.model import Block, Document, Metadata, Paragraph, ParagraphKind, Section, Source, Table
from lspkit.render.common import REPORT_HEADING, recommendations_heading


def _doc(title=None, blocks=(), paragraphs=(), sections=(), pages=3, **meta) -> Document:
    items = {**({"title": title} if title else {}), **meta}
    return Document(source=Source(path="x.pdf", sha256="0" * 64, pages=pages, title=title), metadata=Metadata(items),
                    blocks=tuple(b if isinstance(b, Block) else Block(b, 1) for b in blocks),
                    paragraphs=tuple(paragraphs), sections=tuple(sections))


def _item(number, text, page=4, heading="Findings"):
    return Paragraph(f"{heading} {number}", text, page, heading=heading, label=number)


# ---------------------------------------------------------------- a report's own recommendations


def test_numbered_subsections_under_a_recommendations_heading_are_the_reports_recommendations():
    d = _doc(sections=[Section("4", "Recommendations and Next Steps", 9),
                       Section("4.1", "Extend evening opening at all branch libraries", 9),
                       Section("4.2", "Better signage for visitors with sight loss", 10),
                       Section("4.3", "Background", 10),
                       Section("5", "Appendix", 11)])
    recs = find_recommendations(d)
    assert [(r.number, r.verb, r.origin) for r in recs] == [("4.1", "EXTEND", REPORT), ("4.2", "BETTER", REPORT)]


def test_unnumbered_sub_headings_take_their_block_and_a_heading_run_into_its_block_counts():
    d = _doc(sections=[Section(None, "Recommendations", 12), Section(None, "Widen access", 12),
                       Section(None, "Train reception staff", 13), Section(None, "Response", 14)],
             blocks=[Block("These recommendations aim to support the trust and its partners.", 12),
                     Block("Particularly for people who work shifts and cannot call in the morning.", 12),
                     Block("Publish waiting times online Every week, on each site's own page.", 13),
                     Block("So that every caller is offered the same choices.", 13)])
    recs = find_recommendations(d)
    assert [(r.verb, r.text[:30]) for r in recs] == [
        ("WIDEN", "Widen access. Particularly for"), ("PUBLISH", "Publish waiting times online E"),
        ("TRAIN", "Train reception staff. So that")]


def test_a_lead_in_announcing_the_list_takes_its_items_verb_as_printed_and_splits_items_run_together():
    d = _doc(blocks=[Block("Below is a list of recommendations for pharmacies based on what residents told us.", 6)],
             paragraphs=[_item("1", "Extending opening hours on Saturdays for working people.", 6),
                         _item("2", "Stock levels should be checked weekly so that medicines are not missed. "
                                    "Delivery 1. Offering a home delivery service to housebound patients.", 6),
                         _item("3", "The waiting area should not be the only place to ask for advice.", 6)])
    recs = find_recommendations(d)
    assert [(r.number, r.verb) for r in recs] == [("1", "EXTENDING"), ("2", "CHECK"), ("1", "OFFERING")]
    assert all(r.origin == REPORT for r in recs)  # item 3 names no action: not invented


def test_the_authors_asks_of_the_body_receiving_the_report():
    d = _doc(blocks=[Block("This report goes to the Health Board. Carers Voice Northshire asks that the Board "
                           "responds in writing and that the response includes:", 8)],
             paragraphs=[_item("1", "Confirm which actions the Board will take.", 8, "Response"),
                         _item("2", "Set out how providers will be held to account.", 8, "Response"),
                         _item("3", "There is also an ask of the Board to support a follow-up review.", 8, "Response")])
    assert [r.verb for r in find_recommendations(d)] == ["CONFIRM", "SET", "SUPPORT"]


def test_decisions_asked_of_the_meeting_win_over_the_reports_own():
    d = _doc(sections=[Section("4", "Recommendations", 9), Section("4.1", "Extend evening opening at all branches", 9),
                       Section("4.2", "Publish a plan for the mobile library", 9)],
             paragraphs=[Paragraph("1", "The Committee is asked to note the report of the Library Users Group.", 1)])
    recs = find_recommendations(d)
    assert [(r.verb, r.origin) for r in recs] == [("NOTE", None)]


def test_the_heading_and_json_say_the_recommendations_are_the_reports():
    mine = Recommendation(None, 3, "Extend opening hours", "1", "EXTEND", origin=REPORT)
    asked = Recommendation("2", 1, "Note the report", None, "NOTE")
    assert recommendations_heading([mine]) == REPORT_HEADING == \
        "The report's recommendations (not decisions asked of the meeting)"
    assert recommendations_heading([asked]) == "Recommendations"
    assert mine.to_dict()["origin"] == "report" and "origin" not in asked.to_dict()
    assert Recommendation.from_dict(mine.to_dict()) == mine


# ---------------------------------------------------------------- titles


def test_a_bodys_name_completed_by_page_1s_kind_only_heading():
    d = _doc("Northbrook Amateur Astronomy Society", sections=[Section("1", "Name", 1), Section("2", "Aims", 1),
                                                               Section(None, "Constitution", 1)])
    assert find_title(d) == "Northbrook Amateur Astronomy Society Constitution"


def test_a_kind_only_title_takes_its_owner_from_the_name_clause():
    d = _doc("Constitution", sections=[Section("1", "Name", 2), Section(None, "The club’s name is", 2),
                                       Section(None, "Northbrook Rowing Club (and in this document it is called the "
                                                     "NRC)", 2)])
    assert find_title(d) == "Northbrook Rowing Club Constitution"


def test_a_one_item_agenda_supplement_is_named_by_its_item():
    front = ["Agenda", "Date: Tuesday 3 March 2026 at 6.00 pm", "AGENDA",
             "5 Review of School Transport Arrangements", "To consider the evidence gathered (Pages 5 - 40)"]
    assert find_title(_doc("Children's Scrutiny Panel", blocks=front, pages=40)) == \
        "Review of School Transport Arrangements"
    several = front + ["6 Work Programme (Pages 41 - 44)"]
    assert find_title(_doc("Children's Scrutiny Panel", blocks=several, pages=44)) != \
        "Review of School Transport Arrangements"


def test_a_quarters_report_read_as_a_question():
    d = _doc(paragraphs=[Paragraph("Q3", "Service User Feedback Report Carers Voice Northshire October 2025", 1,
                                   kind=ParagraphKind.QUESTION)])
    assert find_title(d) == "Q3 Service User Feedback Report"
    asked = _doc(paragraphs=[Paragraph("Q3", "Which report do you read first?", 1, kind=ParagraphKind.QUESTION)])
    assert find_title(asked) != "Q3 Which report do you read first?"


def test_a_title_line_repeated_in_capitals_and_an_issue_line():
    d = _doc("Guidance Note GUIDANCE NOTE ON THE CALIBRATION OF FLOW METERS (CFM) FOR WATER UTILITIES",
             subtitle="Issue 3, Version 2")
    assert find_title(d) == "Guidance Note on the Calibration of Flow Meters (CFM) for Water Utilities"


# ---------------------------------------------------------------- glossary


def _entries(document) -> dict:
    return {e.short: e.long for e in build_glossary(document) if e.long}


def test_a_ruled_key_of_codes_defines_them():
    key = Table(3, (("Status", "Meaning", "Note"), ("DF", "Deferred by the panel", "1"),
                    ("XW", "Withdrawn by the applicant", "2")))
    marks = Table(3, (("Band", "Marks"), ("A", "70 - 100"), ("B", "60 - 69")))
    d = _doc(paragraphs=[Paragraph("3", "Results are recorded as below.", 3, tables=(key, marks))])
    got = _entries(d)
    assert got.get("DF") == "Deferred by the panel" and got.get("XW") == "Withdrawn by the applicant"


def test_a_name_after_a_dash_an_apostrophe_plural_and_citations():
    d = _doc(blocks=["WAMA – World Association of Meter Assessors",
                     "Members declare Registered Financial Interests (RFI’s) each year."])
    got = _entries(d)
    assert got.get("WAMA") == "World Association of Meter Assessors"
    assert got.get("RFI’s") == "Registered Financial Interests"
    refs = Table(5, (("Abbreviation", "Meaning"), ("ISO/XYZ", "Working Group notes https://example.org/wg"),
                     ("ABC", "Association of British Clubs"), ("DEF", "Department of Everything Fine"),
                     ("GHI", "Group of Helpful Inspectors")))
    got = _entries(_doc(paragraphs=[Paragraph("5", "Abbreviations used:", 5, tables=(refs,))]))
    assert "ISO/XYZ" not in got and got.get("ABC") == "Association of British Clubs"


# ---------------------------------------------------------------- round 16's blind papers


@pytest.mark.parametrize("name, want", [
    ("dorking-drs_2017_constitution", "Dorking and District Radio Society Constitution"),
    ("dasbf_2024_constitution", "Devon Ambulance Staff Benevolent Fund Constitution"),
    ("healthwatch-tower-hamlets_2024_patient-experience-report-q2", "Q2 Patient Experience Report"),
    ("iaf_2022_md4-use-of-ict-for-auditing-issue2-v3",
     "IAF Mandatory Document for the Use of Information and Communication Technology (ICT) for Auditing/Assessment "
     "Purposes"),
    ("stockton-on-tees-bc_2023_asch-select-committee-scrutiny-review-gp-access-supplement",
     "Scrutiny Review of Access to GPs and Primary Medical Care"),
])
def test_round16_blind_titles(name, want):
    # the front page's subtitle may follow after ": " (Tower Hamlets' "Healthwatch Tower Hamlets July – September
    # 2024", read as the subtitle once p17-seg-a stopped taking its "Q2" for a question), as bench/summary_real.py scores
    title = summary(name).title
    assert title == want or title.startswith(want + ": "), title


def test_round16_blind_healthwatch_recommendations():
    s = summary("healthwatch-wandsworth_2025_experiences-accessing-gp-practices")
    assert [r.verb for r in s.recommendations] == ["PLACE", "MAKE", "ENSURE", "BETTER"]
    assert all(r.origin == REPORT for r in s.recommendations)
    th = summary("healthwatch-tower-hamlets_2024_patient-experience-report-q2")
    # the gold's 15, the online-booking ask (printed with no verb: "... should not be the sole option") once, not
    # a cover bullet " ONLINE: ..." as well (merged extraction; p17-summary alone skipped the verbless ask)
    assert len(th.recommendations) == 15
    assert sum(r.text.startswith("The online booking system should not be") for r in th.recommendations) == 1


@pytest.mark.xfail(strict=True, reason="merged extraction (round 17): once Healthwatch GM's cover 'Q1 2025-2026' is no "
                   "longer a question paragraph (p17-seg-a), nothing closes its title block before paragraph 1 on page "
                   "31, so its unnumbered headings (Recommendations, Improve access ...) are refused as title lines; "
                   "a segment fix limiting the title block to the first pages broke a round-8 agenda: next round")
def test_round16_blind_healthwatch_gm_recommendations():
    gm = summary("healthwatch-in-gm_2025_insight-report-q1")
    assert [r.verb for r in gm.recommendations] == ["IMPROVE", "EMBED", "STRENGTHEN", "PROMOTE", "USE",
                                                    "CONFIRM", "SET", "DESCRIBE", "SUPPORT"]
