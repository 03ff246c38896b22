"""Minutes set as a table: one row per item, read row by row.

Governing bodies (school governors, NHS boards, parish councils) often set their minutes as a ruled table:
`Item | heading | notes | action`, one row per minute item ("FGB 103/2122 | Urgent business | a. Education
Recovery ... b. Caretaker's Pay ... | Clerk").  A PDF's text layer gives such a page column by column or in an
order of its own (the item numbers first, then the notes, the action cells anywhere), so a reader that follows
it puts item 71's notes under item 72's heading and glues the action column into the notes.

This module finds such a table from its geometry alone: lines that open with an item's minute number
("FGB 103/2122", "LW 72/2122", "22/045", "Min 45/22") at one left edge, each with a cell beside it on its own
baseline, well to the right.  The notes column starts where those cells start.  On the pages the table covers,
the lines are put back in the order of its rows: the item's number and heading (its cell's lines joined into one
line, which heads the item), then the notes column top to bottom, and each action cell (the column that starts
far right in the notes column's width) as a line of its own right after the notes line it stands beside, which
`action_lines` names so that it becomes that paragraph's outcome and never its text.  A row that runs over a
page break goes on at the top of the next page.  Every other line keeps its place.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field, replace
from typing import Optional, Sequence

from ..model import Line, Reading, TableRegion
from .furniture import find_furniture
from .lines import with_digits
from .numbering import letter_label

# an item's minute number at the start of the first column: a committee's letters and a number with its year
# ("FGB 103/2122", "BM 75/2122", "LW 72/2122", "103b/2122", "22/045", "Min 45/22", "TB/22/045")
_ITEM_ID = re.compile(r"^(?:[A-Z][A-Za-z&]{0,6}\.?[ /]?)?\d{1,4}[a-z]?/\d{2,4}\b(?![/.]\d)")


_NUMBER_PARTS = re.compile(r"(\d{1,4})[a-z]?/(\d{2,4})\b")


def _near(a: float, b: float, tol: float = 3.0) -> bool:
    return abs(a - b) <= tol


def _row_mate(ln: Line, page_lines: Sequence[Line]) -> Optional[Line]:
    """The first cell right of an item's number on its own baseline: the row goes on across the page."""
    size = ln.size or 10.0
    mates = [m for m in page_lines if m is not ln and abs(m.top - ln.top) <= 0.5 * size and m.x0 >= ln.x1 + size]
    return min(mates, key=lambda m: m.x0) if mates else None


def _table(lines: Sequence[Line], skip: set[int]) -> Optional[tuple[float, float, float, list[int]]]:
    """The minutes table's columns (the numbers' left edge, the notes' left edge, the action column's left edge)
    and the indexes of its item lines; None where the paper has no such table."""
    by_page: dict[int, list[Line]] = {}
    for i, ln in enumerate(lines):
        if ln.text and i not in skip:
            by_page.setdefault(ln.page, []).append(ln)
    # (an item's number at the top of a page may look like a running header: "FGB 104/2122" over "FGB 103/2122")
    anchors = [i for i, ln in enumerate(lines) if ln.text and _ITEM_ID.match(ln.text.strip())]
    for i in anchors:
        by_page.setdefault(lines[i].page, []).append(lines[i])
    if len(anchors) < 3:
        return None
    beside: dict[int, list[float]] = {}  # item line -> where the cells beside it on its baseline start
    for i in anchors:
        ln = lines[i]
        size = ln.size or 10.0
        xs = [m.x0 for m in by_page[ln.page] if m is not ln and abs(m.top - ln.top) <= 0.5 * size
              and m.x0 >= ln.x1 + 0.5 * size]
        if xs:
            beside[i] = xs
    if len(beside) < 3:
        return None
    # the table's left edge: where the items with cells beside them start
    left = Counter(round(lines[i].x0 / 3) for i in beside).most_common(1)[0][0] * 3
    anchors = [i for i in anchors if _near(lines[i].x0, left, 4.5)]
    mated: dict[int, float] = {}  # page -> top of its first item with a cell beside it
    for i in anchors:
        if i in beside:
            mated[lines[i].page] = min(mated.get(lines[i].page, lines[i].top), lines[i].top)
    if not mated:
        return None
    start = min(mated)
    # a list of items above the table (the agenda) is no row of it
    anchors = [i for i in anchors if lines[i].page > start or lines[i].page == start and lines[i].top >= mated[start] - 1]
    # most items have a cell beside them: a table, not numbered paragraphs down a page
    if len(anchors) < 3 or sum(1 for i in anchors if i in beside) < 0.6 * len(anchors):
        return None
    # a meeting's minute numbers share their year or session ("FGB 98/2122", "FGB 99/2122"; "22/045", "22/046"); the
    # references of a table of sites ("SR/147/001", "SR/165/005") share neither part
    parts = [_NUMBER_PARTS.search(lines[i].text.strip()[:20]) for i in anchors]
    years = [Counter(m.group(k) for m in parts if m).most_common(1)[0][1] for k in (1, 2)]
    if max(years) < 0.8 * len(anchors):
        return None
    mates = [x for i in anchors for x in beside.get(i, [])]
    # the columns beside the items; the notes are the one that holds the most text (a heading's cell and an
    # action's are narrow columns)
    columns = [c * 3 for c, n in Counter(round(x / 3) for x in mates).most_common() if n >= max(2, 0.2 * len(anchors))]
    if not columns:
        return None
    table_pages = {lines[i].page for i in anchors}

    def width(c: float) -> float:  # the text the column holds, in points of line
        return sum(ln.x1 - ln.x0 for p in table_pages for ln in by_page[p] if _near(ln.x0, c, 4.5))

    notes = max(columns, key=width)
    notes = min(x for x in mates if _near(x, notes, 4.5))
    # nothing of the table's own text starts left of the numbers on those pages (furniture aside)
    pages = {lines[i].page for i in anchors}
    for p in pages:
        if any(ln.x0 < left - 6 and ln.page == p for ln in by_page[p] if ln.top > min(
                lines[i].top for i in anchors if lines[i].page == p)):
            return None
    right = max(ln.x1 for p in pages for ln in by_page[p])
    action = notes + 0.55 * (right - notes)
    return left, notes, action, anchors


def _merge(parts: list[Line]) -> Line:
    """A cell's lines as one line, at the first line's place."""
    first = parts[0]
    if len(parts) == 1:
        return first
    return replace(first, text=" ".join(p.text.strip() for p in parts), x1=max(p.x1 for p in parts),
                   bottom=max(p.bottom for p in parts))


def _cells(parts: list[Line]) -> list[list[Line]]:
    """An action column's lines in cells: lines one under the other, without a gap, are one cell."""
    cells: list[list[Line]] = []
    for ln in sorted(parts, key=lambda ln: ln.top):
        if cells and ln.top - cells[-1][-1].bottom <= 0.6 * (ln.size or 10.0):
            cells[-1].append(ln)
        else:
            cells.append([ln])
    return cells


def row_heading(text: str) -> tuple[str, str]:
    """A row's first cell as (the item's minute number, its heading)."""
    m = _ITEM_ID.match(text.strip())
    assert m is not None
    return m.group(0), text.strip()[m.end():].strip()


@dataclass
class TableRows:
    """A reading with its minutes table read row by row; indexes are into the new reading's lines."""

    reading: Reading
    actions: set[int] = field(default_factory=set)  # the action cells: outcomes beside the notes line before
    heads: set[int] = field(default_factory=set)  # the rows' first cells: each heads its item
    # the lettered items at the notes column's margin: the item's paragraphs (line -> item number, letter, text)
    items: dict[int, tuple[str, str, str]] = field(default_factory=dict)
    subheads: set[int] = field(default_factory=set)  # the short titles over their own letters ("Finance:")


def data_tables(rows: TableRows, regions: Sequence[TableRegion]) -> list[TableRegion]:
    """The ruled tables that hold data: the grid the minutes are set in is their layout, its rows the text."""
    lines = rows.reading.lines
    heads = [lines[k] for k in rows.heads]

    def holds_rows(t: TableRegion) -> bool:
        x0, top, x1, bottom = t.bbox
        return any(h.page == t.page and x0 - 1 <= h.x0 <= x1 and top - 1 <= h.top <= bottom for h in heads)

    # a page of the table's rows that goes on from the page before has no row head: its grid holds the rows too
    pages = {h.page for h in heads}
    last = max(pages, default=0)
    return [t for t in regions if not holds_rows(t) and not (min(pages, default=0) < t.page <= last and t.page
            not in pages and t.rows and not t.rows[0][0])]


def table_rows(reading: Reading) -> TableRows:
    """The reading with a minutes table's pages put back in row order.  A paper without such a table comes back
    as it was."""
    lines = reading.lines
    if reading.kind != "pdf" or not lines:
        return TableRows(reading)
    # `_table` needs three item numbers (no furniture pass for a paper without them), each with three digits at
    # least and a slash: only the lines with those are tried
    numbered = [i for i in with_digits([ln.text for ln in lines], 3) if "/" in lines[i].text]
    if len(numbered) < 3 or sum(1 for i in numbered if _ITEM_ID.match(lines[i].text.strip())) < 3:
        return TableRows(reading)
    furniture = set(find_furniture(lines, reading.pages))
    found = _table(lines, furniture)
    if found is None:
        return TableRows(reading)
    left, notes, action, anchors = found
    anchor_set = set(anchors)
    pages = sorted({lines[i].page for i in anchors})
    first_page, last_page = pages[0], pages[-1]
    out: list[tuple[Line, int]] = []  # (line, old index or -1 for a merged cell)
    actions: set[int] = set()
    heads: set[int] = set()
    old_to_new: dict[int, int] = {}
    carry = False  # a row still open at the end of the previous page
    i = 0
    n = len(lines)
    while i < n:
        page = lines[i].page
        j = i
        while j < n and lines[j].page == page:
            j += 1
        idxs = list(range(i, j))
        i = j
        if not first_page <= page <= last_page:
            out.extend((lines[k], k) for k in idxs)
            continue
        rows_here = sorted((k for k in idxs if k in anchor_set), key=lambda k: lines[k].top)
        table_top = lines[rows_here[0]].top if rows_here else None
        body = [k for k in idxs if lines[k].text and (k not in furniture or k in anchor_set) and lines[k].x0 >= left - 4.5]
        if rows_here and not carry:
            body = [k for k in body if lines[k].top >= table_top - 0.5 * (lines[k].size or 10.0)]
        if not rows_here and not carry:
            out.extend((lines[k], k) for k in idxs)
            continue
        # each table line to its row: the last item whose number is at or above it (-1: the row from before)
        groups: dict[int, list[int]] = {}
        for k in body:
            row = -1
            for a in rows_here:
                if lines[a].top <= lines[k].top + 0.5 * (lines[k].size or 10.0):
                    row = a
            groups.setdefault(row, []).append(k)
        # the text above and below the table keeps its place: ordered by where it stands on the page
        rest = [k for k in idxs if k not in set(body)]
        before = [k for k in rest if table_top is None or lines[k].top < (table_top if not carry else -1)]
        after = [k for k in rest if k not in set(before)]
        out.extend((lines[k], k) for k in before)
        for row in ([-1] if -1 in groups else []) + [a for a in rows_here if a in groups]:
            members = groups[row]
            head = [row] if row != -1 else []
            for k in sorted((k for k in members if k != row and lines[k].x0 < notes - 3), key=lambda k: lines[k].top):
                if head and lines[k].top - lines[head[-1]].bottom <= 0.6 * (lines[k].size or 10.0):
                    head.append(k)  # the heading's cell goes on, line under line
            text = sorted((k for k in members if k not in head and lines[k].x0 < action), key=lambda k: lines[k].top)
            acts = [lines[k] for k in members if lines[k].x0 >= action]
            if head and row != -1:
                heads.add(len(out))
                out.append((replace(_merge([lines[k] for k in head]), cell_start=True), -1 if len(head) > 1 else head[0]))
            else:
                out.extend((lines[k], k) for k in head)
            cells = _cells(acts)
            for k in text:
                # the notes start a unit of their own beside the item's heading
                out.append((replace(lines[k], cell_start=True) if k == text[0] and row != -1 else lines[k], k))
                # an action cell goes right after the last notes line at or above its top
                nxt = [t for t in text if lines[t].top > lines[k].top]
                limit = lines[nxt[0]].top if nxt else float("inf")
                for c in [c for c in cells if lines[k].top - 0.5 * (c[0].size or 10.0) <= c[0].top < limit
                          - 0.5 * (c[0].size or 10.0)]:
                    actions.add(len(out))
                    out.append((_merge(c), -1))
                    cells.remove(c)
            for c in cells:  # an action beside no notes line
                actions.add(len(out))
                out.append((_merge(c), -1))
        out.extend((lines[k], k) for k in sorted(after, key=lambda k: lines[k].top))
        carry = bool(rows_here) or carry
        if page >= last_page:
            carry = False
    for new, (_, old) in enumerate(out):
        if old >= 0:
            old_to_new[old] = new
    markers = [(p, old_to_new.get(k, k), lab) for p, k, lab in reading.markers]
    new_lines = [ln for ln, _ in out]
    items, subheads = _lettered(new_lines, heads, actions, notes)
    return TableRows(replace(reading, lines=new_lines, markers=markers), actions, heads, items, subheads)


def _subheading(text: str) -> bool:
    """A short title alone on its line in the notes column: "Finance:", "Premises", "Health & safety:"."""
    t = text.strip()
    return 0 < len(t.split()) <= 4 and not re.search(r"[.;,!?]$", t) and t[:1].isupper()


def _topic(text: str) -> bool:
    """A lettered entry of three words or fewer that no full stop ends ("Finance", "Data Protection"): a topic."""
    t = text.strip()
    return len(t.split()) <= 3 and not re.search(r"[.!?][\"'”’)]*$", t)


def _lettered(lines: Sequence[Line], heads: set[int], actions: set[int],
              notes: float) -> tuple[dict[int, tuple[str, str, str]], set[int]]:
    """The lettered items ("a. Education Recovery. Simon introduced ...", "b. Caretaker's Pay ...") that start a
    line at the notes column's own margin, under each row: the minute item's paragraphs, cited with its number.
    Their letters run a, b, c under each item (a letter printed twice stays two items), and again from "a" under a
    sub-heading of the item's notes ("Finance:" / "a. Monitor budget ...", "Personnel:" / "a. Review ..."); one
    that does not follow ("d" straight after the heading) is not such an item, nor is a topic of a list of them
    ("b. Finance", "c. Data Protection": a few words that say nothing)."""
    items: dict[int, tuple[str, str, str]] = {}
    titles: dict[int, Optional[str]] = {}  # sub-heading line -> its item's number
    number: Optional[str] = None
    last: Optional[str] = None
    for k, ln in enumerate(lines):
        if k in heads:
            number, last = row_heading(ln.text)[0], None
            continue
        # at the column's margin; the row's first notes line may be set in a little (the draft's "a." in a box)
        reach = 2.5 * (ln.size or 10.0) if ln.cell_start else 4.5
        if number is None or k in actions or not -4.5 <= ln.x0 - notes <= reach:
            continue
        got = letter_label(ln.text)
        if got is None:
            if number is not None and abs(ln.x0 - notes) <= 4.5 and _subheading(ln.text):
                titles[k] = number
                last = None  # "Personnel:" over its own "a.": the letters restart under each sub-heading
            continue
        if len(got[0]) != 1 or not got[0].isalpha() or not got[1][:1].isupper() or _topic(got[1]):
            continue
        letter, rest = got
        if not (letter == "a" if last is None else letter in (last, chr(ord(last) + 1))):
            continue
        items[k] = (number, letter, rest)
        last = letter
    # a sub-heading heads letters only where its own "a." follows it
    subheads = {k for k in titles if any(k < j <= k + 2 and items[j][1] == "a" for j in items)}
    return items, subheads
