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

A paper with no such numbers may letter its paragraphs the same way instead: a society's constitution with "(a)",
"(b)", ... under each capitalised heading ("MEMBERSHIP" / "(a) Voting membership shall be open ...", then
"MANAGEMENT" / "(a) ..."), a letter left out now and then as drafts do ("(b)" then "(d)").  Its items wrap flush to
the letter's margin, so an item ends at a gap, a line in bold or larger type, or the next item; a list numbered
"1.", "2." set in under an item ("(f) Meetings may be held:" / "1. Face to face") is the item's, cited
"MANAGEMENT (f)(1)".  Tried only where the paper has no bracketed numbered series.
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
_LETTER = re.compile(r"^\(([a-h]|[j-z])\)\s+(?=\S)(.*)$", re.S)  # "(i)" left out: a roman numeral as often
_SET_IN = re.compile(r"^(\d{1,2})[.)]\s+(?=\S)(.*)$", re.S)  # "1. Face to face" set in under a lettered item


def bracketed_series(body: Body) -> SignedSections:
    """The items of the paper's bracketed series as paragraphs (see the module's docstring): the lines they claim
    and the units each starts."""
    out = SignedSections()
    if not body.pdf:
        return out
    found = _series(body, _ITEM, lambda v: int(v), 1)
    letters = found is None
    if letters:
        found = _series(body, _LETTER, lambda v: ord(v) - 96, 2)
        if found is not None and not _provisions(body, found[0]):
            found = None
    if found is None:
        return out
    series, x = found
    if letters:
        series += _set_in_series(body, series, x)
    for s in series:
        key = _key(body, s[0])
        for k, i in enumerate(s):
            stop = s[k + 1] if k + 1 < len(s) else len(body)
            if letters:
                letter = _LETTER.match(body[i].text.lstrip()).group(1)  # type: ignore[union-attr]
                _claim_flush(body, i, f"{key} ({letter})", letter, stop, x, out)
            else:
                _claim(body, i, f"{key} ({k + 1})", str(k + 1), stop, x, out)
    return out


def _series(body: Body, item: re.Pattern, value, step: int):
    """The paper's series of items labelled as `item` matches (values from `value`, each series opening at 1 and
    going up by one, or by up to `step`), at the margin most of them stand at, and that margin; None where the
    gate (see the module's docstring) says no."""
    cands = [i for i, w in enumerate(body) if w.text[:1] == "(" and item.match(w.text.lstrip())]
    if len(cands) < 5:
        return None
    xs = sorted(body[i].line.x0 for i in cands)
    x = xs[len(xs) // 2]
    near = [i for i in cands if abs(body[i].line.x0 - x) <= 2.0]
    series: list[list[int]] = []
    last = 0
    for i in near:
        n = value(item.match(body[i].text.lstrip()).group(1))  # type: ignore[union-attr]
        if n == 1:
            series.append([i])
        elif series and last < n <= last + step:
            series[-1].append(i)
        else:
            continue
        last = n
    series = [s for s in series if _under_text(body, s[0], x)]
    runs = [len(s) for s in series if len(s) >= 2]
    if sum(len(s) for s in series) < 5 or not (len(runs) >= 2 or max(runs, default=0) >= 4):
        return None
    pages = {body[i].line.page for s in series for i in s}
    if any(w.label is not None and w.label.kind == "number" and w.line.x0 <= x + 2.0 and w.line.page in pages
           for w in body):
        return None  # a paper numbered "1.", "2.1", "293." at or left of that margin: the brackets are lists or
        # resolutions inside its paragraphs and items
    return series, x


def _provisions(body: Body, series: list[list[int]]) -> bool:
    """Lettered series that are a paper's provisions, not lists inside its text: three or more series of two or
    more, ten items or more, no label of another kind at their margin or left of it anywhere in the paper, and
    nearly every item opening a sentence with its capital ("(a) Voting membership shall ..."), not finishing a
    lead-in's in lower case ("(a) the landlord is the council; and")."""
    items = [i for s in series for i in s]
    if sum(1 for s in series if len(s) >= 2) < 3 or len(items) < 10:
        return False
    x = body[items[0]].line.x0
    mine = set(items)
    if any(w.label is not None and w.line.x0 <= x + 2.0 and k not in mine and not w.text.startswith("(")
           for k, w in enumerate(body)):
        return False  # a label of another kind at their margin or left of it ("A. Purpose" over "(a) ..."): the
        # letters are inside what it labels
    capital = sum(1 for i in items if _LETTER.match(body[i].text.lstrip()).group(2)[:1].isupper())  # type: ignore
    return capital >= 0.9 * len(items)


def _key(body: Body, i: int) -> str:
    """What the series opening at line i is cited with: the line above it, or the heading over that line where it
    is a lead-in ("POWERS" / "To further these aims the committee shall have power to:" / "(a) ...")."""
    above = body[i - 1].text.strip()
    if above.endswith(":") and len(above.split()) > 4 and i >= 2:
        head = body[i - 2]
        words = head.text.split()
        if head.label is None and 0 < len(words) <= 6 and (head.line.bold or head.text.isupper()) \
                and not head.text.rstrip().endswith((".", ":")):
            return head.text.strip()
    return above.rstrip(":").strip()


def _set_in_series(body: Body, series: list[list[int]], x: float) -> list[list[int]]:
    """In a paper lettered so, a series set in from that margin right under a heading of its own
    ("CORRESPONDENCE" / "(a) All written notices ...", "(b) ..."): items of the paper's kind all the same."""
    taken = {i for s in series for i in s}
    out: list[list[int]] = []
    for i, w in enumerate(body):
        if i == 0 or i in taken or w.line.x0 <= x + 2.0 or not w.text.startswith("(a) "):
            continue
        head = body[i - 1]
        if head.label is not None or not (head.line.bold or head.text.isupper()) or len(head.text.split()) > 6 \
                or head.line.x0 > w.line.x0 + 2.0:
            continue
        run = [i]
        for j in range(i + 1, min(len(body), i + 40)):
            v = body[j]
            m = _LETTER.match(v.text.lstrip()) if abs(v.line.x0 - w.line.x0) <= 2.0 else None
            if m and ord(m.group(1)) == ord("a") + len(run):
                run.append(j)
            elif abs(v.line.x0 - w.line.x0) <= 2.0 or v.line.x0 <= x + 2.0:
                break  # another label at the series' margin, or back at the paper's: the series is over
        if len(run) >= 2:
            out.append(run)
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


def _claim_flush(body: Body, i: int, ident: str, label: str, stop: int, x: float, out: SignedSections) -> None:
    """Claim the lettered item at line i, whose text wraps flush to its letter's margin: up to a gap (not a page's
    top), a line in bold or larger type, or line `stop`; a list numbered 1, 2, ... set in under it is its own."""
    w = body[i]
    out.starts[i] = [Unit(ident, label, None, _LETTER.match(w.text.lstrip()).group(2).strip())]  # type: ignore
    out.lines.add(i)
    size, n = w.line.size, 0
    for j in range(i + 1, stop):
        v = body[j]
        page_top = body[j - 1].line.page != v.line.page
        if (v.gap_before and not page_top) or (size and v.line.size > size + 0.5) or (v.line.bold and not w.line.bold):
            out.ends.add(j)
            return
        out.lines.add(j)
        sub = _SET_IN.match(v.text.lstrip()) if v.line.x0 > x + 4.0 else None
        if sub and int(sub.group(1)) == n + 1:
            n += 1
            out.starts[j] = [Unit(f"{ident}({n})", str(n), ident, sub.group(2).strip())]
