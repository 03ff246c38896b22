"""A form's own lines, which are no paragraph's words: the adoption clause with its blanks, and a short list of
amounts set out as a table without ruling lines.

An ordinance or resolution typed on a form ends with its adoption clause, blanks to fill in or filled: "ADOPTED
this ____ day of _______ , 2022 pursuant to a roll call vote by the Board of Trustees of ...", "Approved and
adopted at the City Council meeting on the _____day of April, 2025", "PASSED AND APPROVED this 16th day of
October, 2012".  It is the paper's sign-off, with the roll call and signatures under it, never the last
section's text.

A section that ends introducing its figures ("... by fund shall be as follows:") may set them out as rows of a
name and an amount, set in far from the text and aligned on the amounts' right edge, with no ruling lines:
"General Road Fund    1,793,647" / "Insurance Fund    60,989" / ... / "TOTAL APPROPRIATIONS:    1,935,636".  They
are a table, kept out of the paragraph (attached to it, as a ruled table would be).
"""
from __future__ import annotations

import re
from typing import Optional

from ..model import TableRegion
from .lines import WorkLine

# "this ____ day of", "the _____day of", "on the 16th day of", "THIS TWELFTH DAY OF": a date in an adoption clause
_ORDINAL = (r"(?:(?:twenty|thirty)-?\s?)?(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth)|tenth|eleventh"
            r"|twelfth|thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|twentieth|thirtieth")
_DAY_OF = re.compile(r"(?i)\b(?:this|the)\s+(_{2,}|\d{1,2}(?:st|nd|rd|th)|" + _ORDINAL + r")\s*day\s+of\b")
_ADOPTION = re.compile(r"(?i)^(?:passed|adopted|approved|enacted|dated|signed|done|resolved|introduced"
                       r"|read\s+a\s+(?:first|second|third))\b")
# the verbs that open a paper's own sign-off, not a minute's record ("Resolved that the minutes of 5 May 2024 ...")
# ("ADOPTED: June 15, 1987" / "AMENDED: ...", a history's fields, is a record of its own, not the sign-off)
_SIGN_OFF = re.compile(r"(?i)^(?:passed|adopted|enacted|read\s+a\s+(?:first|second|third))\b(?!\s*:)")
_MONTH = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?"
# a date written out: "July 18, 2022", "9th May 2022", "14 February 2022"
_DATE = re.compile(r"(?i)\b(?:" + _MONTH + r"\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4}|\d{1,2}(?:st|nd|rd|th)?\s+" + _MONTH
                   + r",?\s+\d{4})\b")
# the line that closes a meeting's minutes: "There being no other business, the meeting closed at 6.27pm", "The
# chairman closed the meeting at 9.04pm"
_CLOSED = re.compile(r"(?i)^(?:there\s+being\s+no\s+(?:other|further)\s+business,?\s+)?the\s+(?:meeting\s+(?:was\s+)?"
                     r"closed|chair(?:man|person|woman)?\s+closed\s+the\s+meeting)\s+at\s+\d{1,2}(?:[.:]\d{2})?\s*"
                     r"(?:[ap]\.?m\.?)?\.?$")
# a name and an amount: "Insurance Fund 60,989", "TOTAL APPROPRIATIONS: 1,935,636", "Reserves £12,500.00"
_AMOUNT_ROW = re.compile(r"^(?P<name>[A-Za-z][^.;!?]{0,80}?:?)\s+(?P<amount>[$£€]?\(?(?:\d{1,3}(?:,\d{3})+|\d+)"
                         r"(?:\.\d{2})?\)?)$")
_GROUPED = re.compile(r"\d{1,3}(?:,\d{3})+|\.\d{2}\)?$|^[$£€]")


def adoption_lines(work: list[WorkLine]) -> set[int]:
    """Indexes (into `work`) of the lines of adoption clauses: a block opening below a line that ends a sentence
    (after a gap, unless it opens with its verb or closes the meeting), whose first line dates the adoption with a blank to fill in ("ADOPTED this ____ day of") or, filled,
    opens with the verb ("PASSED AND APPROVED this 16th day of October", "READ a first, second and third time by
    the Municipal Council on July 11, 2022"), or closes a meeting ("The chairman closed the meeting at 9.04pm");
    the block runs to the next gap."""
    out: set[int] = set()
    body = [k for k, w in enumerate(work) if w.role == ""]
    for n, k in enumerate(body):
        w = work[k]
        if w.label is not None or n == 0:
            continue
        text = w.text.strip()
        if not w.gap_before and not (_SIGN_OFF.match(text) or _CLOSED.match(text)):
            continue  # (led by its verb, or closing the meeting, it needs no gap: a paper may set none)
        m = _DAY_OF.search(w.text)
        if m is not None and m.start() <= 60 and (m.group(1).startswith("_") or _ADOPTION.match(text)):
            pass
        elif not (_SIGN_OFF.match(text) and _DATE.search(text) and len(text.split()) <= 16) \
                and not _CLOSED.match(text):
            continue  # (the verb and a date filled in: "ADOPTED and FINALLY PASSED by the Municipal Council on
            # July 18, 2022", "Adopted 9th May 2022"; or the line that closes a meeting)
        if not re.search(r"[.:;!?)\"”]$", work[body[n - 1]].text.rstrip()):
            continue  # "... as the Council resolved on" / "the 3rd day of May": a sentence running on
        out.add(k)
        for k2 in body[n + 1:]:
            if work[k2].gap_before or work[k2].label is not None:
                break
            out.add(k2)
    return out


def amount_tables(work: list[WorkLine]) -> list[TableRegion]:
    """Rows of a name and an amount under a lead-in ending ':', two or more, set in well beyond the lead-in's
    margin, the first two sharing the amounts' right edge: a table without ruling lines.  Their lines take the
    role "table" and their region is returned, to be attached like a ruled table's."""
    regions: list[TableRegion] = []
    body = [k for k, w in enumerate(work) if w.role == ""]
    n = 1
    while n < len(body):
        lead = work[body[n - 1]]
        run = _rows_from(work, body, n, lead)
        if not run:
            n += 1
            continue
        for k in run:
            work[k].role = "table"
        rows = tuple(_cells(work[k].text) for k in run)
        lines = [work[k].line for k in run]
        page = lines[0].page
        on_page = [ln for ln in lines if ln.page == page]
        bbox = (min(ln.x0 for ln in on_page), min(ln.top for ln in on_page), max(ln.x1 for ln in on_page),
                max(ln.bottom for ln in on_page))
        regions.append(TableRegion(page=page, bbox=bbox, rows=rows))
        n += len(run)
    return regions


def _rows_from(work: list[WorkLine], body: list[int], n: int, lead: WorkLine) -> Optional[list[int]]:
    if not lead.text.rstrip().endswith(":") or lead.label is not None and not lead.label.rest.strip():
        return None
    size = lead.line.size or 10.0
    run: list[int] = []
    for k in body[n:]:
        w = work[k]
        m = _AMOUNT_ROW.match(w.text.strip())
        if m is None or w.label is not None or w.line.x0 < lead.line.x0 + 4 * size \
                or not _GROUPED.search(m.group("amount")) or len(m.group("name").split()) > 8:
            break
        if len(run) == 1 and abs(work[run[0]].line.x1 - w.line.x1) > 3:
            return None  # the amounts of a table's first rows share their right edge
        run.append(k)
    return run if len(run) >= 2 else None


def _cells(text: str) -> tuple[str, ...]:
    m = _AMOUNT_ROW.match(text.strip())
    return (m.group("name").strip(), m.group("amount")) if m else (text.strip(),)
