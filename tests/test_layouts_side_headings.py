"""Side headings: a manual's sections carry their number, revision date and title in a narrow column at the left,
level with the section's first paragraph, and the paragraphs "(1)", "(2)" hang in the gutter beside a wide text
column.  Seen on the US Internal Revenue Manual (IRM 2.3.59, screened for round 12; not in data/real/ because its
source snapshot is drawn on by the held-out set).  Read column by column, every title on a page came before all its
paragraphs and the paragraphs' labels were read into the titles: no paragraph was found.  Drawn here with
reportlab in that layout: recto pages with the side column at the left margin."""
from __future__ import annotations

import pytest

from lspkit.api import extract
from lspkit.read import read_lines

from test_segment_layout import A4, draw


def _section(y, number, date, title_lines, paragraphs):
    """A side heading at x=72 and its paragraphs, labels at x=198 and text at x=220; returns (items, next y)."""
    items = [(72, y, number, 8.5, "Helvetica"), (72, y + 11, date, 8.5, "Helvetica")]
    items += [(72, y + 22 + 11 * k, t, 8.5, "Helvetica-Bold") for k, t in enumerate(title_lines)]
    side_end = y + 22 + 11 * len(title_lines)
    for label, lines in paragraphs:
        items.append((198, y, label, 9, "Helvetica"))
        for k, t in enumerate(lines):
            items.append((220, y + 12 * k, t, 9, "Helvetica"))
        y += 12 * len(lines) + 9
    return items, max(y, side_end) + 18


PROSE = [
    "The business records system gives read-only access to the accounts held",
    "on the master file. All entities, tax modules and the most recent seven",
    "years of retained data are available on line to every authorised user.",
]


@pytest.fixture(scope="module")
def manual(tmp_path_factory):
    page, y = [(72, 52, "Command Codes and Terminal Responses", 11, "Helvetica-Bold")], 83
    for number, date, title, paras in [
        ("4.1.2.1", "(12-12-2022)", ["Program Scope and", "Objectives"],
         [("(1)", ["Overview: " + PROSE[0], PROSE[1], PROSE[2]]), ("(2)", ["Purpose: " + PROSE[0], PROSE[2]]),
          ("(3)", ["Audience: the operations staff of every campus."])]),
        ("4.1.2.1.1", "(01-17-2023)", ["Background"], [("(1)", PROSE)]),
        ("4.1.2.1.2", "(01-17-2023)", ["Responsibilities or", "Roles and", "Responsibilities"],
         [("(1)", ["Applications Development is responsible for maintenance of the command", "codes."])]),
        ("4.1.2.2", "(01-20-2003)", ["Command Code", "Overview"],
         [("(1)", PROSE),
          ("(2)", ["A help feature provides on-line user assistance to", "every user of the system."])]),
    ]:
        items, y = _section(y, number, date, title, paras)
        page += items
    page.append((72, 800, "Cat. No. 28171E (12-12-2022)", 8, "Helvetica"))
    page.append((270, 800, "Internal Revenue Manual", 8, "Helvetica"))
    return draw(tmp_path_factory.mktemp("side") / "manual.pdf", [page])


def test_a_side_heading_is_read_just_before_the_paragraph_it_stands_beside(manual):
    lines = [ln.text for ln in read_lines(manual).lines]
    at = lines.index("4.1.2.1 (12-12-2022) Program Scope and Objectives")
    assert lines[at + 1].startswith("(1) Overview: The business records system")
    assert lines[at + 2].startswith("on the master file.")
    k = lines.index("4.1.2.1.2 (01-17-2023) Responsibilities or Roles and Responsibilities")
    assert lines[k + 1].startswith("(1) Applications Development is responsible")


def test_the_paragraphs_beside_side_headings_are_cited_under_their_section(manual):
    d = extract(manual)
    by = {p.number: p.text for p in d.paragraphs}
    assert by["4.1.2.1(2)"] == "Purpose: " + PROSE[0] + " " + PROSE[2]
    assert by["4.1.2.1(3)"] == "Audience: the operations staff of every campus."
    # a section's only paragraph, printed "(1)" all the same
    assert by["4.1.2.1.2(1)"] == "Applications Development is responsible for maintenance of the command codes."
    assert by["4.1.2.2(2)"].startswith("A help feature provides")
    heads = {s.number: s.heading for s in d.sections}
    assert heads["4.1.2.1.1"].endswith("Background") and heads["4.1.2.2"].endswith("Command Code Overview")
    assert not any("(01-17-2023)" in t or "Objectives" in t for t in by.values())
