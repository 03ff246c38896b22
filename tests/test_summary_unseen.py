"""The officer's summary on papers from publishers first measured in round 5 (GLA, Southwark, LGO, Wroxton &
Balscote PC, the 35% Campaign, student bodies): what an officer sees first -- the title, the decisions asked --
and where a reference goes.  Each test drives the real pipeline on a real PDF."""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import pytest

import lspkit
from lspkit.analyse.summary import summarise
from lspkit.analyse.title import bad_title

REAL = Path(__file__).resolve().parent.parent / "data" / "real"


@lru_cache(maxsize=None)
def extracted(name: str):
    path = REAL / f"{name}.pdf"
    if not path.exists():
        pytest.skip(f"{name} is not on this machine (data/real/restore.py)")
    return lspkit.extract(str(path))


@lru_cache(maxsize=None)
def summary(name: str):
    return summarise(extracted(name))


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
