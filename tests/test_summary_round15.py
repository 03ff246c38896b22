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
