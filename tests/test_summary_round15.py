"""Round 15's summary mechanisms, on round 14's blind papers and on made-up Documents from publishers not seen: a
title built from the page-1 title block (a body's name and the kind of paper under it, a committee and its meeting's
notice, a part named by its number and its running header, a heading in capitals broken over two lines, a kind of
meeting paper and the meeting its running header names); never a roll of names, a sentence's tail, a lead-in."""
from __future__ import annotations

import pytest
from real_util import summary

from lspkit.analyse.title import bad_title, find_title
from lspkit.model import Block, Document, DropReason, Dropped, Metadata, Section, SectionKind, Source


def _doc(title=None, blocks=(), sections=(), header=(), **meta) -> Document:
    items = {**({"title": title} if title else {}), **meta}
    return Document(source=Source(path="x.pdf", sha256="0" * 64, pages=3, title=title), metadata=Metadata(items),
                    blocks=tuple(Block(t, 1) for t in blocks), sections=tuple(sections),
                    dropped=tuple(Dropped(h, 1, DropReason.HEADER) for h in header))


@pytest.mark.parametrize("name, want", [
    ("merton-lbc_2009_audit-committee-agenda-pack", "Merton Council Audit Committee – Agenda, 22 October 2009"),
    ("west-ada-sd_2024_board-regular-meeting-minutes-october-28", "Meeting Minutes – Regular Board Meeting, 10/28/2024"),
    ("west-sussex-cc_2024_drug-alcohol-partnership-annual-progress-report",
     "West Sussex Drug and Alcohol Partnership Annual Progress Report"),
    ("city-of-toronto_2023_municipal-code-ch632-property-vacant-hazardous",
     "Toronto Municipal Code Chapter 632, Property, Vacant or Hazardous"),
    ("jammu-mc_2018_building-plan-approval-procedure", "Building Plan Approval & Inspection Procedure"),
    ("australian-greens-victoria_2019_blakgreens-working-group-terms-of-reference", "BLAKGREENS VICTORIA – TERMS OF REFERENCE"),
])
def test_round14_blind_titles(name, want):
    assert summary(name).title == want


@pytest.mark.parametrize("text", [
    "is allowed",  # the tail of a sentence broken over the title's line
    "and the following matters",
    "Discussions amongst leaders of these networks have led to the following agreement:",
])
def test_a_sentences_tail_or_a_lead_in_is_no_title(text):
    assert bad_title(text)


@pytest.mark.parametrize("text", ["Is the Council's Budget Sustainable?", "Report of the Chief Executive: Budget",
                                  "Iceland: Country Report"])
def test_a_title_that_asks_or_has_a_colon_is_still_a_title(text):
    assert not bad_title(text)


def test_a_roll_of_names_under_its_label_is_never_the_title():
    d = _doc("Licensing Committee", blocks=["Membership:", "Councillors:", "Jane Doe John Roe Ann Poe", "Other Members:"])
    assert find_title(d) != "Jane Doe John Roe Ann Poe"
    assert find_title(_doc("Licensing Committee", blocks=["Jane Doe John Roe Ann Poe"])) == "Jane Doe John Roe Ann Poe"


def test_a_committee_named_alone_and_its_meetings_notice_is_an_agenda():
    d = _doc("Planning Committee", council="Anytown Borough Council", date="2021-03-04",
             blocks=["Members:", "Ann Poe Bob Roe", "A meeting of the Planning Committee will be held on:",
                     "Time: 19:00"])
    assert find_title(d) == "Anytown Borough Council Planning Committee – Agenda, 4 March 2021"
    no_notice = _doc("Planning Committee", council="Anytown Borough Council", date="2021-03-04",
                     blocks=["Members:", "Ann Poe Bob Roe"])
    assert "Agenda" not in (find_title(no_notice) or "")


def test_a_bodys_name_and_the_kind_of_paper_under_it():
    d = _doc("Northshire Community Safety Partnership", blocks=["Annual Report 2023", "Foreword"])
    assert find_title(d) == "Northshire Community Safety Partnership Annual Report 2023"


def test_a_part_named_by_its_number_takes_its_running_header():
    d = _doc("Chapter 12", header=["SPRINGFIELD CITY CODE", "CHAPTER 12, NOISE CONTROL"])
    assert find_title(d) == "Springfield City Code Chapter 12, Noise Control"
    by_heading = _doc("Part 4", sections=[Section("4", "GRANTS TO COMMUNITY GROUPS", 1)])
    assert find_title(by_heading) == "Part 4: Grants to Community Groups"


def test_a_heading_in_capitals_broken_over_two_lines():
    d = _doc(None, sections=[Section("A", "REPORT OF THE WORKING GROUP ON RURAL HOUSING", 1, SectionKind.ANNEX)],
             blocks=["PRIORITIES", "Background"])
    assert find_title(d) == "Report of the Working Group on Rural Housing Priorities"
    numbered = _doc(None, sections=[Section("1", "RULES OF DEBATE AT MEETINGS", 1)], blocks=["STANDING ORDERS"])
    assert find_title(numbered) == "STANDING ORDERS"  # a numbered heading is the body's first item


def test_a_kind_of_meeting_paper_named_by_its_running_header():
    d = _doc("MEETING MINUTES", header=["Special Board Meeting", "03/14/2025 - 05:30 PM"],
             blocks=["The special meeting of the Board was called to order."])
    assert find_title(d) == "Meeting Minutes – Special Board Meeting, 03/14/2025"


def test_a_copys_version_note_is_cut():
    d = _doc("Volunteer Policy (Final Version 3, 12 May 2022)")
    assert find_title(d) == "Volunteer Policy"
    assert find_title(_doc("Volunteer Policy (Draft)")) == "Volunteer Policy (Draft)"


# ---------------------------------------------------------------- decisions: motions, actions to consider, objectives

from lspkit.analyse.recommendations import find_recommendations  # noqa: E402
from lspkit.model import Paragraph  # noqa: E402


def _recs(paragraphs=(), blocks=()):
    d = Document(source=Source(path="x.pdf", sha256="0" * 64, pages=3, title=None),
                 paragraphs=tuple(Paragraph(n, t, pg, label=n) for n, t, pg in paragraphs),
                 blocks=tuple(Block(t, pg) for t, pg in blocks))
    return [(r.verb, r.text, r.kind) for r in find_recommendations(d)]


def test_a_boards_motions_moved_and_voted_on_are_decisions_taken():
    got = _recs(paragraphs=[("IV", "CONSENT AGENDA: The Board may approve the items by a single motion and vote. "
                                   "Motion to approve the Consent Agenda as presented. Motion made by: A Smith "
                                   "Motion seconded by: B Jones Voting: Unanimously Approved", 2)],
                blocks=[("Motion to Adjourn the meeting.", 3), ("Moved by: C Brown Seconded by: A Smith Carried", 3)])
    assert got == [("APPROVE", "Motion to approve the Consent Agenda as presented.", "decision"),
                   ("ADJOURN", "Motion to Adjourn the meeting.", "decision")]


def test_an_agendas_motions_are_asked_except_on_how_the_meeting_runs():
    got = _recs(blocks=[("IX. Official Reports Motion to Accept Official Reports.", 1),
                        ("14. Motion to adjourn to Executive Session.", 1),
                        ("5. Motion to amend agenda items as highlighted.", 1),
                        ("The Council passed the Motion to reject the plan in May.", 1)])
    assert got == [("ACCEPT", "Motion to Accept Official Reports.", "recommendation")]


def test_an_agenda_item_asking_to_consider_an_action_takes_the_actions_verb():
    got = _recs(paragraphs=[("1", "Consider action to hire a part-time firefighter / code enforcement officer.", 1),
                            ("2", "Consider action to exonerate the Tax Collector of outstanding real estate taxes.", 1),
                            ("3", "Considered the proposal at length.", 1)])
    assert [(v, t[:32]) for v, t, _ in got] == [("HIRE", "Consider action to hire a part-t"),
                                                 ("EXONERATE", "Consider action to exonerate the")]


def test_a_meetings_objectives_are_not_its_recommendations():
    items = [("1", "Agree and recommend a set of principles for setting standards.", 1),
             ("2", "Recommended specific approaches to some pressing issues.", 1), ("3", "Agree how to progress", 1)]
    announcing = ("There was unanimous agreement on the following principles and specific recommendations:", 1)
    assert _recs(paragraphs=items, blocks=[("The objectives of the meeting were to:", 1), announcing]) == []
    assert len(_recs(paragraphs=items, blocks=[announcing])) == 3  # without the objectives' lead-in: its run


# ---------------------------------------------------------------- glossary: a definitions heading set as a line

def test_a_glossary_under_a_heading_left_as_a_line_is_read_with_its_quoted_long_forms():
    from lspkit.analyse.glossary import build_glossary

    d = Document(source=Source(path="x.pdf", sha256="0" * 64, pages=3, title=None),
                 blocks=(Block("GLOSSARY OF TERMS", 2), Block("DLS “Director of Legal Services”", 2),
                         Block("FL “Foreign lawyer”, within the definition of the LPA", 2),
                         Block("LPER Legal Profession (Law Practice Entities) Rules 2015", 2),
                         Block("The FL and the LPER apply; so does the DLS.", 3)))
    got = {e.short: e.long for e in build_glossary(d) if e.long}
    assert got["FL"] == "Foreign lawyer" and got["DLS"] == "Director of Legal Services"
    assert got["LPER"] == "Legal Profession (Law Practice Entities) Rules 2015"


@pytest.mark.parametrize("text, want", [
    ("to identify the current and target operating models (COM and TOM) and put these in place",
     {"COM": "current operating model", "TOM": "target operating model"}),
    ("the primary and secondary care trusts (PCTs and SCTs)", {"PCT": "primary care trust", "SCT": "secondary care trust"}),
    ("Bristol and Bath City Council (BCC and BCC)", {}),  # one short form for two names: no definition
    ("the north and south areas (NA and XYZ)", {}),  # letters that do not spell
])
def test_two_terms_sharing_their_head_defined_in_one_bracket(text, want):
    from lspkit.analyse.glossary import _shared_head

    assert {s: lo for s, lo, _ in _shared_head([("1", text)])} == want


def test_a_briefings_recommendations_as_sentences_under_a_recommendations_line():
    got = _recs(blocks=[("Recommendations", 4),
                        ("In the short term the publication of profiles should continue to use the current tool. "
                         "The two teams should look to harmonise their formats. A project to build a platform should be "
                         "initiated. As part of it the formats should be agreed. Appendix 1 shows early requirements.", 4)])
    assert [(v, t[:40]) for v, t, _ in got] == [("CONTINUE", "In the short term the publication of pro"),
                                                 ("LOOK", "The two teams should look to harmonise t"),
                                                 ("INITIATE", "A project to build a platform should be ")]
    assert got[2][1].endswith("Appendix 1 shows early requirements.")  # what goes on from an item stays with it
    from lspkit.analyse.recommendations import _modal_sentences

    assert _modal_sentences("The board noted the paper. It should be read.") == []  # its first sentence asks nothing


def test_a_resolutions_lettered_parts_are_each_a_decision():
    got = _recs(blocks=[("RESOLVED: (A) That the Committee notes the annual report. (B) That the Committee notes the "
                         "audit letter.", 4),
                        ("RESOLVED: (A) That the Committee approves the plan.", 5),
                        ("(B) That the Committee approves the budget.", 5)])
    assert [t for _, t, _ in got] == ["That the Committee notes the annual report.",
                                      "That the Committee notes the audit letter.",
                                      "That the Committee approves the plan.", "That the Committee approves the budget."]


def test_a_list_drawn_from_recommendations_is_not_announced_as_recommendations():
    items = [("1", "Support the provision of targeted approaches.", 6), ("2", "Strengthen the pathways of care.", 6)]
    based = ("The following priority action areas are based on recommendations from people with lived experience.", 6)
    assert _recs(paragraphs=items, blocks=[based]) == []
    announced = ("The following recommendations are made by the panel:", 6)
    assert len(_recs(paragraphs=items, blocks=[announced])) == 2


@pytest.mark.parametrize("text", [
    "Recommendation 1 Processes and procedures specifically tailored to promote restructurings should be developed.",
    "SEE GOVERNANCE forum on RYVER: To discuss governance arrangements for the membership,",
    "POSTED Sunday 12th March by Amir Mehrkar (acting INTEROPen Chair)",
])
def test_a_body_sentence_a_broken_line_or_a_byline_is_no_title(text):
    assert bad_title(text)


@pytest.mark.parametrize("text", ["Published Papers by Subject", "Will Planning Reform Work?",
                                  "Why the Council Should Act Now: A Briefing"])
def test_titles_that_look_like_them_are_still_titles(text):
    assert not bad_title(text)


def test_a_serial_and_its_name_run_over_lines_among_a_status_field():
    d = _doc("Board Policy Manual Anytown School District",
             blocks=["Administrative Regulation 2310-AR(1): Equal Access - Accommodating Visitors Status: DRAFT with "
                     "Disabilities - Section 504 of the Rehabilitation Act", "Original Adopted Date: Pending"])
    assert find_title(d) == ("Administrative Regulation 2310-AR(1): Equal Access - Accommodating Visitors with "
                             "Disabilities - Section 504 of the Rehabilitation Act")


def test_a_meeting_papers_kind_alone_named_by_the_body_and_meeting_after_it():
    d = _doc("AGENDA", blocks=["Township of Easton — Special Meeting Easton Town Hall, Council Chambers March 3, 2020 — 6:30 PM",
                               "I. Call to Order / Roll Call"])
    assert find_title(d) == "Township of Easton – Special Meeting Agenda, March 3, 2020"


def test_a_sessions_banner_over_a_paper_tabled_at_it_is_not_its_title():
    """An intergovernmental meeting paper: the session's banner in the largest type, the venue and dates, then the
    paper's own title (WCPFC/SPC working papers); a kind alone under the banner is the session's own report."""
    paper = "Scoping the Next Generation of Tuna Stock Assessment Software: Progress Report (Project 123)"
    d = _doc("SCIENTIFIC COMMITTEE TWENTIETH REGULAR SESSION",
             blocks=["SCIENTIFIC COMMITTEE TWENTIETH REGULAR SESSION", "Manila, Philippines 14-21 August 2024", paper,
                     "WCPFC-SC20-2024/SA-WP-01 5 August 2024"])
    assert find_title(d) == paper
    d = _doc("GENERAL ASSEMBLY SIXTY-FIRST SESSION", blocks=["GENERAL ASSEMBLY SIXTY-FIRST SESSION", "SUMMARY REPORT"])
    assert find_title(d) == "General Assembly Sixty-first Session Summary Report"
    d = _doc("Minutes of the Twentieth Meeting", blocks=["Minutes of the Twentieth Meeting", paper])
    assert find_title(d) != paper  # a meeting's own minutes: no session banner
