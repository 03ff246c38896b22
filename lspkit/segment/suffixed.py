"""Paragraph numbers with a letter glued on: "6a: Proposers shall include ...", "7a: Proposers are required ...".

An addendum or an amendment numbers its paragraphs by the paragraphs of the paper it changes, a letter added to
each number ("6a" is inserted after 6); minutes number a resolution added under an item the same way ("2a.",
"2b.").  The number and the letter are one label, glued, closed by a colon, a full stop or a bracket.

Such a label at a line's start is only a candidate (a table's row "1b) General Conditions Work  Pass or Fail", a
grid reference).  Candidates become paragraph numbers as a series: two at least, at one margin, each after a gap
and each running on as prose (eight words or more that wrap on to the next line or end with a full stop).  The
number is the label as printed ("6a"), vouched for by the series as an item identifier is.  Cheapest sign first:
the scan looks only at lines whose second or third character is a small letter after a digit.
"""
from __future__ import annotations

import re
from typing import TYPE_CHECKING

from .numbering import SUFFIXED, Label

if TYPE_CHECKING:
    from .lines import WorkLine

_LABEL = re.compile(r"^(\d{1,3})([a-z])[:.)]\s+(?=[A-Z“\"‘(])(.*)$", re.S)


def suffixed_labels(work: list[WorkLine]) -> None:
    """Label the lines that open with a number and a glued letter of a series the paper prints (see above)."""
    hits: list[tuple[int, re.Match]] = []
    for k, w in enumerate(work):
        if w.label is not None or w.role or not w.gap_before:
            continue
        t = w.text.lstrip()
        if not (t[:1].isdigit() and ("a" <= t[1:2] <= "z" or t[1:2].isdigit() and "a" <= t[2:3] <= "z")):
            continue  # (the cheapest sign: a digit, then a small letter)
        m = _LABEL.match(t)
        if m and _prose(work, k, m.group(3).strip()):
            hits.append((k, m))
    if len(hits) < 2:
        return
    for k, m in hits:
        x, size = work[k].line.x0, work[k].line.size or 10.0
        if sum(1 for j, _ in hits if abs(work[j].line.x0 - x) <= max(2.0, 0.6 * size)) < 2:
            continue
        number, letter, rest = m.groups()
        work[k].label = Label("number", f"{number}{letter}", rest.strip(), (int(number), ord(letter) - 96), True,
                              SUFFIXED)


def _prose(work: list[WorkLine], k: int, rest: str) -> bool:
    """The label's text runs on as prose: eight words or more, ending a sentence or wrapping on to the next line."""
    if len(rest.split()) < 8:
        return False
    if re.search(r"[.!?][\"'”’)]*$", rest):
        return True
    nxt = work[k + 1] if k + 1 < len(work) else None
    return nxt is not None and not nxt.gap_before and nxt.label is None and nxt.line.page == work[k].line.page
