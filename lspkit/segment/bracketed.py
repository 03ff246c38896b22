"""Paragraphs numbered "(1)", "(2)", ... at the text's own margin, the series restarting under each heading or
lead-in above it (a policy's "General criteria - these apply to all applications:" / "(1) Each application ...",
then "Applications for support for a Commemorative Event" / "(1) ...", "Conditions" / "(1) ...").

A bracketed number is usually a list inside a numbered paragraph or a clause's subsection; here it numbers the
paper's own paragraphs: no number stands above it, the items stand at the margin the unnumbered text above them
starts at, each wraps (if it wraps) to a hanging indent, and each series opens at (1) and counts up by one.  Each
item is the paragraph cited with the line it comes under ("Conditions (3)"); an item printed with no text of its own,
its first lettered sub-item glued on ("(2) (a) Recipients ...", then "(b)", "(c)" set in under it), is no paragraph
itself: its sub-items are, cited "Conditions (2)(a)".

Gated on the paper: two or more series of two items or more (or one of four or more), together five items or more
(a series of one among them too), at one margin, and no line numbered as a paragraph or an item ("1.", "2.1", a
minute's "293.") at that margin or left of it in the pages they span.  An item ends at the next item, or at a line
back at the margin with no number, or set apart by a gap or in a larger type.
"""
from __future__ import annotations

import re
from typing import TYPE_CHECKING

from .sectionsign import SignedSections, Unit

if TYPE_CHECKING:
    from .lines import Body

_ITEM = re.compile(r"^\((\d{1,2})\)\s+(?=\S)(.*)$", re.S)
_GLUED = re.compile(r"^\(a\)\s+(?=\S)(.*)$", re.S)  # "(2) (a) Recipients ...": the first sub-item glued on
_SUB = re.compile(r"^\(([a-z])\)\s+(?=\S)(.*)$", re.S)


def bracketed_series(body: Body) -> SignedSections:
    """The items of the paper's bracketed series as paragraphs (see the module's docstring): the lines they claim
    and the units each starts."""
    out = SignedSections()
    if not body.pdf:
        return out
    cands = [i for i, w in enumerate(body) if w.text[:1] == "(" and _ITEM.match(w.text.lstrip())]
    if len(cands) < 5:
        return out
    xs = sorted(body[i].line.x0 for i in cands)
    x = xs[len(xs) // 2]
    near = [i for i in cands if abs(body[i].line.x0 - x) <= 2.0]
    series: list[list[int]] = []
    for i in near:
        n = int(_ITEM.match(body[i].text.lstrip()).group(1))  # type: ignore[union-attr]
        if n == 1:
            series.append([i])
        elif series and n == len(series[-1]) + 1:
            series[-1].append(i)
    series = [s for s in series if _under_text(body, s[0], x)]
    runs = [len(s) for s in series if len(s) >= 2]
    if sum(len(s) for s in series) < 5 or not (len(runs) >= 2 or max(runs, default=0) >= 4):
        return out
    pages = {body[i].line.page for s in series for i in s}
    if any(w.label is not None and w.label.kind == "number" and w.line.x0 <= x + 2.0 and w.line.page in pages
           for w in body):
        return out  # a paper numbered "1.", "2.1", "293." at or left of that margin: the brackets are lists or
        # resolutions inside its paragraphs and items
    for s in series:
        key = body[s[0] - 1].text.strip().rstrip(":").strip()
        for k, i in enumerate(s):
            stop = s[k + 1] if k + 1 < len(s) else len(body)
            _claim(body, i, f"{key} ({k + 1})", str(k + 1), stop, x, out)
    return out


def _under_text(body: Body, i: int, x: float) -> bool:
    """The series' first item comes right under a line of unnumbered text at its own margin (a heading or a
    lead-in), not under a numbered paragraph or set in inside one."""
    if i == 0:
        return False
    above = body[i - 1]
    return above.label is None and abs(above.line.x0 - x) <= 2.0 and len(above.text.split()) <= 16


def _claim(body: Body, i: int, ident: str, label: str, stop: int, x: float, out: SignedSections) -> None:
    """Claim the item at line i, up to line `stop` at the latest: its lines, and its sub-items where its first is
    glued on."""
    w = body[i]
    rest = _ITEM.match(w.text.lstrip()).group(2).strip()  # type: ignore[union-attr]
    glued = _GLUED.match(rest)
    if glued:
        out.starts[i] = [Unit(f"{ident}(a)", "a", ident, glued.group(1).strip())]
    else:
        out.starts[i] = [Unit(ident, label, None, rest)]
    out.lines.add(i)
    letter = "a" if glued else None
    size = w.line.size
    for j in range(i + 1, stop):
        v = body[j]
        page_top = body[j - 1].line.page != v.line.page
        if abs(v.line.x0 - x) <= 2.0 or (v.gap_before and not page_top) or (size and v.line.size > size + 0.5):
            out.ends.add(j)
            return  # back at the margin with no number (the next heading), or a block of its own
        out.lines.add(j)
        sub = _SUB.match(v.text.lstrip()) if letter else None
        if sub and sub.group(1) == chr(ord(letter) + 1):  # type: ignore[arg-type]
            letter = sub.group(1)
            out.starts[j] = [Unit(f"{ident}({letter})", letter, ident, sub.group(2).strip())]
