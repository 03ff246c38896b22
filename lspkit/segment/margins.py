"""Marginal notes: a statute's side headings, kept apart from the text they stand beside.

The reader finds them (lspkit.read.margins) and places each, as one Line flagged `margin`, just after the line
of text it starts beside.  Here they take no part in the text: a note is never a paragraph's words and never a
paragraph of its own.  A numbered paragraph keeps the notes beside its lines (`Paragraph.margin_notes`: its own
side heading first, then those of the sections it quotes); a note beside text that is no numbered paragraph (a
preamble, a schedule) is dropped with its reason, so nothing vanishes silently.  Where a document's numbered
sections carry such notes, it is a statute: a section is one paragraph, its subsections inside it (`clauses`
stands aside).
"""
from __future__ import annotations

from typing import Sequence

from ..model import Dropped, DropReason


def margin_notes_by_line(work: Sequence) -> dict[int, list[str]]:
    """Each marginal note's text under the index (into Reading.lines) of the line of text it stands beside: the
    last line before it that is not itself a note."""
    out: dict[int, list[str]] = {}
    beside = None
    for w in work:
        if w.role == "margin":
            if beside is not None:
                out.setdefault(beside, []).append(w.text)
            continue
        beside = w.index
    return out


def sections_with_notes(body) -> bool:
    """Is the document a statute set with marginal notes: two numbered lines or more (a section's "1.", "2.") with
    a marginal note beside them?  Then a section is one paragraph, its subsections (1), (2) and the sections it
    quotes inside it."""
    found = 0
    for w in body:
        if w.label is not None and w.label.kind == "number" and len(w.label.levels) == 1 \
                and w.index in body.margin_notes:
            found += 1
            if found >= 2:
                return True
    return False


def unplaced_margin_notes(work: Sequence, paragraph_lines: set[int]) -> list[Dropped]:
    """The marginal notes beside no numbered paragraph's lines (`paragraph_lines`), as dropped lines (reason
    `margin-note`)."""
    out: list[Dropped] = []
    beside = None
    for w in work:
        if w.role != "margin":
            beside = w.index
        elif beside not in paragraph_lines:
            out.append(Dropped(w.text, w.line.page, DropReason.MARGIN_NOTE))
    return out
