"""Paragraph numbers behind a short prefix of capitals: "GR 1.1.1 Assessment is ...", "SO 12.3 ...", "R1.2 ...".

A university's or a council's rules may number every paragraph behind the code of the rules they belong to ("GR"
for General Regulations, "SO" for Standing Orders, "R" for a rule); the paper cites the paragraph with its code, so
the number is kept as printed, prefix and all ("GR 1.1.1", "Reg. 3").

Such a label at a line's start is only a candidate (an acronym and a figure, "CO2 levels ...", "M6 1.2 miles").
Candidates become paragraph numbers as a series: one prefix opening at least three lines, each after a gap, at one
margin, with numbers that follow one another at least twice.  A word that starts a sentence ("Section 5 of the Act
...") is never such a prefix: the prefix is capitals only, at most four, and the text after the number opens with a
capital, a bracket or a quote.  A word cut short with a full stop ("Reg. 3 ...") is such a code; captions and titles
("Fig. 3", "No. 2", "Mr.") never are.  Cheapest sign first: the scan looks only at lines that open with a capital
followed within seven characters by a digit.
"""
from __future__ import annotations

import re
from typing import TYPE_CHECKING

from .numbering import Label, successor_kind

if TYPE_CHECKING:
    from .lines import WorkLine

_LABEL = re.compile(r"^([A-Z]{1,4}\.?|[A-Z][a-z]{1,4}\.)( ?)(\d{1,3}(?:\.\d{1,3}){0,4})\.?\s+(?=[A-Z(“\"‘])(.*)$",
                    re.S)  # ("Reg. 3 The ...": a word cut short with a full stop is a code too)
# codes that caption, cite or measure, never a paragraph's prefix
_NOT_PREFIXES = frozenset({"Q", "A", "B", "C", "D", "E", "F", "G", "H", "I", "V", "X", "NO", "NO.", "CO", "PM",
                           "AM", "PART", "ITEM", "FIG", "FIG.", "TAB", "TAB.", "APP", "ANN", "VOL.", "CH.", "PG.", "PP.", "P.",
                           "MR.", "MRS.", "MS.", "DR.", "ST.", "REF.", "TEL.", "EXT.", "MIN.", "MAX.", "APPX."})


def prefixed_labels(work: list[WorkLine]) -> None:
    """Label the lines that open with a prefix and a number of a series the paper prints (see above)."""
    found: dict[str, list[tuple[int, re.Match]]] = {}
    for k, w in enumerate(work):
        if w.label is not None or w.role or not w.gap_before:
            continue
        t = w.text.lstrip()
        if not ("A" <= t[:1] <= "Z" and any(c.isdigit() for c in t[1:8])):
            continue  # (the cheapest sign: a capital, a digit close behind)
        m = _LABEL.match(t)
        if m and m.group(1).upper() not in _NOT_PREFIXES:
            found.setdefault(m.group(1), []).append((k, m))
    for hits in found.values():
        if len(hits) < 3:
            continue
        xs = [work[k].line.x0 for k, _ in hits]
        near = max(2.0, 0.6 * (work[hits[0][0]].line.size or 10.0))
        margin = max({round(x) for x in xs}, key=lambda x: sum(1 for y in xs if abs(y - x) <= near))  # the most held
        hits = [(k, m) for k, m in hits if abs(work[k].line.x0 - margin) <= near]
        levels = [tuple(int(x) for x in m.group(3).split(".")) for _, m in hits]
        follows = sum(1 for a, b in zip(levels, levels[1:]) if successor_kind(a, b) is not None)
        if len(hits) < 3 or follows < 2:
            continue
        for (k, m), lv in zip(hits, levels):
            pre, space, number, rest = m.groups()
            work[k].label = Label("number", f"{pre}{space}{number}", rest.strip(), lv, False)
