"""The summary's title and decisions on round 13's blind papers (data/real/, restored by data/real/restore.py), as
their pages print them: a title block without the body's name under it, a debate's record named by its chamber and
sitting, a yearbook's local law by its long title, a Federal Register document by its own title, minutes whose
heading was read in two parts; the decisions a meeting's record states ("RESOLVED that ...", a motion moved, the
question agreed to), and none of a record's ordinary discussion."""
from __future__ import annotations

import pytest
from real_util import summary


@pytest.mark.parametrize("name, title", [
    # "BYLAW 4" / "THE OFFICERS BYLAW" / "UNIVERSITY OF TORONTO ENGINEERING SOCIETY": the body's line is cut
    ("uoft-engsoc_2024_bylaw-4-officers-oct-2024", "BYLAW 4 THE OFFICERS BYLAW"),
    ("uoft-engsoc_2025_standing-rules-of-order-may", "STANDING RULES OF ORDER"),
    # the chamber's name set largest over "PARLIAMENTARY DEBATES": the sitting, as a debate is cited
    ("oireachtas_2015_dail-debate-24-april", "Dáil Éireann Debate, Friday 24 April 2015"),
    # the yearbook's name over "A LOCAL LAW" / "In relation to ...": the law's long title
    ("nyc_2018_local-law-91-charter-revision-commission",
     "A Local Law in relation to establishing a charter revision commission to draft a new or revised city charter"),
    # the Federal Register's section name over the rule: the line after "5 CFR Part 1600"
    ("frtib_2010_federal-register-final-rule-automatic-enrollment",
     "Employee Contribution Elections and Contribution Allocations"),
    # "MINUTES OF A MEETING OF ..." read as the council, "HELD ON 13TH DECEMBER 2017 AT 19.00 IN ..." as the title
    ("hertingfordbury-pc_2017_minutes-december",
     "Minutes of a Meeting of Hertingfordbury Parish Council held on 13th December 2017"),
    # the date printed under a minutes title set large
    ("central-bank-roc-taiwan_2024_monetary-policy-meeting-minutes-march",
     "Minutes of the Monetary Policy Meeting held on March 21, 2024"),
    # "Last Revised January 2024" run into the title
    ("brookfield-ma_2024_general-bylaws", "BY-LAWS OF THE TOWN OF BROOKFIELD"),
    # a statistics office's kind of release under the title is no subtitle
    ("ons_2025_consumer-price-inflation-april", "Consumer price inflation, UK: April 2025"),
    # counsel's "A D V I C E" spaced out for show, not the file's name
    ("petchey-ftb_2014_advice-hertingfordbury-village-greens", "Advice"),
    # the running head "Board Policy Manual" / "West Ada School District" is the district's manual, not a policy of a
    # body named "Manual West Ada School District" (round 14's blind set: the body's line cut at the wrong word)
    ("west-ada-sd_2024_policy-1201-non-discrimination-tracked-draft", "Policy 1201: Non-Discrimination"),
])
def test_a_title_is_what_the_page_names_the_paper(name, title):
    assert summary(name).title == title


def test_a_minutes_resolutions_are_its_decisions_each_to_its_first_sentence():
    recs = summary("hertingfordbury-pc_2009_minutes-november").recommendations
    assert [r.verb for r in recs] == ["RESOLVED"] * 6
    texts = [r.text for r in recs]
    assert "that the minutes of the meeting held on 14 October 2009 be confirmed and signed by the chairman as a " \
           "correct record." in texts
    # what the record says next is no part of the decision ("The clerk to check ...", "Two electors left ...")
    assert "that the proposed calendar of meetings for 2010 be adopted." in texts
    assert any(t.startswith("that in view of the confidential nature") and t.endswith("instructed to withdraw.")
               for t in texts)
    # a decision read from a minute run into the item above it is labelled with its own minute's number
    assert {r.label for r in recs} == {"80", "82.2", "85", "86", "89.1", "89.2"}
    # "It was agreed that Cllr Lester would obtain a quote", "Noted that ...": discussion, not a resolution
    assert not any("Cllr Lester would obtain" in t or "Transco" in t for t in texts)


def test_a_debates_motions_moved_and_the_question_agreed_are_its_decisions():
    recs = summary("oireachtas_2015_dail-debate-24-april").recommendations
    assert [(r.verb, r.text[:40]) for r in recs] == [
        ("MOVE", "That the Bill be now read a Second Time."),
        ("MOVE", "That Dáil Éireann shall consider the Rep"),
        ("Question put and agreed to", "Question put and agreed to."),
    ]


@pytest.mark.parametrize("name", [
    "milburn-pc_2017_minutes-march",  # "Councillors resolved to carry out ...", "£ 689.62 resolved to pay"
    # a motion's operative clauses: "THEREFORE BE IT RESOLVED that ...", "AND BE IT FURTHER RESOLVED that ..."
    "winnipeg-city-council_2013_hansard-organizational-meeting-november-6",
    "hertingfordbury-pc_2017_minutes-december",  # "It was agreed to repair the bridge ...", "resolved not to fund"
])
def test_a_resolution_in_passing_or_an_enacting_clause_is_no_recorded_decision(name):
    assert not any(r.verb == "RESOLVED" for r in summary(name).recommendations)


def test_a_resolved_over_a_block_of_what_was_noted_names_no_clause():
    # an agenda pack's earlier minutes: "RESOLVED:-" / "The Committee noted:-": the pack's own decisions only
    recs = summary("birmingham-cc_2018_cabinet-committee-group-company-governance-agenda-pack").recommendations
    assert len(recs) == 8 and not any(r.verb == "RESOLVED" for r in recs)
