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

Where no such table is found, `grid_rows` looks for the other way boards set minutes as a grid: three columns
ruled down the page, the vote marks ("Motion X", "Second X", "Ayes X X X") left, the agenda item ("I.", "A.",
"10.", "a.") in the middle, the action taken right; the middle column's entries are the items, the right column
their outcome, the marks tables.
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
    """A row's first cell as (the item's minute number, its heading); or a grid's section or numbered heading
    ("C. BOARD OPENING STATEMENTS", "10. OFFICE OF THE SUPERINTENDENT") as (its label, its title)."""
    m = _ITEM_ID.match(text.strip())
    if m is None:
        m = _GRID_SECTION.match(text.strip()) or _GRID_NUMBER.match(text.strip())
        assert m is not None
        return m.group(1), m.group(2).strip()
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
    # a three-column grid's vote marks ("Motion X", "Second X", "Ayes X X X"): one table per cell (`grid_rows`)
    tables: list[TableRegion] = field(default_factory=list)
    headers: set[int] = field(default_factory=set)  # a grid's column headers spelled down the page ("D", "E", "B")


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
    # least and a slash: only the lines with those are tried; without them, a three-column grid (`grid_rows`)
    numbered = [i for i in with_digits([ln.text for ln in lines], 3) if "/" in lines[i].text]
    if len(numbered) < 3 or sum(1 for i in numbered if _ITEM_ID.match(lines[i].text.strip())) < 3:
        return grid_rows(reading) or TableRows(reading)
    furniture = set(find_furniture(lines, reading.pages))
    found = _table(lines, furniture)
    if found is None:
        return grid_rows(reading, furniture) or TableRows(reading)
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
    # a sub-heading heads letters only where its own "a." follows it: the next line in the notes column, over a
    # page break too ("Health & safety:" at a page's foot, its "a. Consider any H & S ..." on the next page's top,
    # the footer's lines between them outside the column)
    subheads = set()
    for k in titles:
        j = next((j for j in range(k + 1, min(len(lines), k + 8))
                  if j in items or -4.5 <= lines[j].x0 - notes <= 4.5), None)
        if j is not None and j in items and items[j][1] == "a" and (j <= k + 2 or lines[j].page == lines[k].page + 1):
            subheads.add(k)
    return items, subheads


# ---------------------------------------------------------------- minutes in a three-column grid

# an agenda item's label at the start of the middle column: "I.", "A.", "10.", "a."
_GRID_LABEL = re.compile(r"^(?:[IVX]{1,4}|[A-Z]|[a-z]|\d{1,3})\.\s+\S")


def _grid_page(page_lines: Sequence[Line]) -> Optional[tuple[float, float]]:
    """(the middle column's left edge, the right column's) where a page is set as a minutes grid of three columns:
    a narrow right column of lines at one left edge, which no line crosses (the action the board took); a middle
    column whose lines open with the agenda's labels ("I.", "A.", "10.", "a."); left of it, short entries that
    end before it starts (the vote marks: "Motion X", "Second X", "Ayes X X X").  None for any other page."""
    width = page_lines[0].page_width
    if not width:
        return None
    right = [ln for ln in page_lines if ln.x0 >= 0.6 * width and ln.x1 - ln.x0 <= 0.3 * width]
    if len(right) < 3:
        return None
    edge = Counter(round(ln.x0 / 3) for ln in right).most_common(1)[0][0] * 3
    column = [ln for ln in right if abs(ln.x0 - edge) <= 6]
    if len(column) < 3:
        return None
    edge = min(ln.x0 for ln in column)
    labelled = [ln for ln in page_lines if 0.12 * width <= ln.x0 < edge - 6 and _GRID_LABEL.match(ln.text)]
    if not labelled:
        return None
    middle = min(ln.x0 for ln in labelled)
    left = [ln for ln in page_lines if ln.x1 <= middle - 2]
    if len(left) < 3 or any(len(ln.text) > 24 for ln in left):
        return None  # the vote marks are short entries; a column of prose left of the items is no such grid
    if any(ln.x0 < edge - 6 and ln.x1 > edge + 2 for ln in page_lines):
        return None  # a line runs across into the right column: no column there
    return middle, edge


def grid_rows(reading: Reading, furniture: Optional[dict] = None) -> Optional[TableRows]:
    """Minutes set as a three-column ruled grid (vote marks on the left, the agenda item in the middle, the board's
    action on the right; the reader cuts each line at the grid's rules): on its pages the middle column is read
    top to bottom, each cell of the right column (its lines one under the other, joined) right after the middle
    entry it stands beside, as that entry's outcome (`actions`), and the vote marks as a table per cell, set after
    the page's text.  Each entry (its label's line and the lines under it) is one line; prose set apart below an
    entry by a blank line is a block of its own (`subheads`), never the entry's text; the column headings and the
    members' names spelled down the page are furniture (`headers`); the sections, the numbered headings and
    their paragraphs are `_grid_entries`.  None where no page is such a grid.

    The cheap test first, a loop over the lines: a page with three lines or more in its right two fifths."""
    lines = reading.lines
    by_page: dict[int, list[int]] = {}
    for i, ln in enumerate(lines):
        if ln.text:
            by_page.setdefault(ln.page, []).append(i)
    candidates = [p for p, idxs in by_page.items() if sum(
        1 for k in idxs if lines[k].page_width and lines[k].x0 >= 0.6 * lines[k].page_width) >= 3]
    if not candidates:
        return None
    grids = {}
    for p in candidates:
        found = _grid_page([lines[k] for k in by_page[p]])
        if found is not None:
            grids[p] = found
    if not grids:
        return None
    if furniture is None:
        furniture = find_furniture(lines, reading.pages)
    out: list[tuple[Line, int]] = []
    actions: set[int] = set()
    breaks: set[int] = set()  # prose set apart below an entry: a block of its own, never the entry's text
    headers: set[int] = set()
    tables: list[TableRegion] = []
    page_of = [ln.page for ln in lines]
    i, n = 0, len(lines)
    while i < n:
        j = i
        while j < n and page_of[j] == page_of[i]:
            j += 1
        idxs = list(range(i, j))
        page = page_of[i]
        i = j
        if page not in grids:
            out.extend((lines[k], k) for k in idxs)
            continue
        middle, edge = grids[page]
        kept = [k for k in idxs if k not in furniture and lines[k].text]
        # the column headings ("AGENDA ITEM" over the middle, "ACTION AUTHORIZED BY BOARD" over the right): the
        # right column's first cell where it stands above the first entry of the middle column, and what is
        # printed on its rows
        column = sorted((k for k in kept if abs(lines[k].x0 - edge) <= 6), key=lambda k: lines[k].top)
        entries = [lines[k].top for k in kept if abs(lines[k].x0 - middle) <= 4.5 and _GRID_LABEL.match(lines[k].text)]
        heading = _cells([lines[k] for k in column])[0] if column else []
        if heading and entries and heading[-1].bottom < min(entries):
            top = heading[0].top - 1.5 * (heading[0].size or 10.0)
            bottom = heading[-1].bottom + 0.5 * (heading[-1].size or 10.0)
            banner = [k for k in kept if top <= lines[k].top and lines[k].bottom <= bottom]
            headers.update(range(len(out), len(out) + len(banner)))
            out.extend((lines[k], k) for k in banner)
            kept = [k for k in kept if k not in set(banner)]
        left = [k for k in kept if lines[k].x1 <= middle - 2]
        right = [k for k in kept if lines[k].x0 >= edge - 6]
        aside = set(left) | set(right)
        text = sorted((k for k in kept if k not in aside), key=lambda k: lines[k].top)
        out.extend((lines[k], k) for k in idxs if k in furniture or not lines[k].text)
        placed = _cells([lines[k] for k in right])
        units = _grid_units(lines, text, middle)
        for pos, (unit, apart) in enumerate(units):
            if apart:
                breaks.add(len(out))
            out.append((_joined([lines[k] for k in unit]), unit[0] if len(unit) == 1 else -1))
            first = lines[unit[0]]
            nxt = lines[units[pos + 1][0][0]].top if pos + 1 < len(units) else float("inf")
            beside = [c for c in placed if (pos == 0 or c[0].top >= first.top - 0.5 * (c[0].size or 10.0))
                      and c[0].top < nxt - 0.5 * (c[0].size or 10.0)]
            if beside:
                actions.add(len(out))  # the cells beside one entry: one outcome
                out.append((_joined([ln for c in beside for ln in c]), -1))
                placed = [c for c in placed if c not in beside]
        for c in placed:  # beside no line of the item column
            actions.add(len(out))
            out.append((_joined(c), -1))
        for cell in _cells([lines[k] for k in left]):
            if not any(len(word) > 1 for ln in cell for word in ln.text.split()):
                # letters one under the other, a word spelled down a column (the members' names over the marks)
                headers.update(range(len(out), len(out) + len(cell)))
            else:
                tables.append(_marks_table(page, cell))
            out.extend((ln, -1) for ln in cell)
    new_lines = [ln for ln, _ in out]
    old_to_new = {old: new for new, (_, old) in enumerate(out) if old >= 0}
    markers = [(p, old_to_new.get(k, k), lab) for p, k, lab in reading.markers]
    margins = {page: middle for page, (middle, _edge) in grids.items()}
    items, heads = _grid_entries(new_lines, margins, actions | headers)
    return TableRows(replace(reading, lines=new_lines, markers=markers), actions, heads, items, breaks,
                     tables=tables, headers=headers)


def _grid_units(lines: Sequence[Line], text: list[int], middle: float) -> list[tuple[list[int], bool]]:
    """The middle column's lines (`text`, top down) in entries: a labelled line at the column's margin and the lines
    under it without a blank line between; and the prose set apart by a blank line, in units of its own, each
    with True (set apart below an entry) when an entry comes before it on the page."""
    units: list[tuple[list[int], bool]] = []
    entry_seen = False
    for k in text:
        ln = lines[k]
        labelled = abs(ln.x0 - middle) <= 4.5 and bool(_GRID_LABEL.match(ln.text))
        if units and not labelled and ln.top - lines[units[-1][0][-1]].bottom <= 0.8 * (ln.size or 10.0):
            units[-1][0].append(k)
            continue
        units.append(([k], not labelled and entry_seen))
        entry_seen = entry_seen or labelled
    return units


def _joined(parts: list[Line]) -> Line:
    """A cell's or an entry's lines as one line, at the first line's place; a word broken at a line's end by a
    hyphen ("Superinten-" over "dent's") joined whole."""
    first = parts[0]
    if len(parts) == 1:
        return first
    text = parts[0].text.strip()
    for p in parts[1:]:
        nxt = p.text.strip()
        if re.search(r"[a-z]-$", text) and nxt[:1].islower():
            text = text[:-1] + nxt
        else:
            text = f"{text} {nxt}"
    return replace(first, text=text, x1=max(p.x1 for p in parts), bottom=max(p.bottom for p in parts))


_GRID_NUMBER = re.compile(r"^(\d{1,3})\.\s+(\S.*)$")
_GRID_SECTION = re.compile(r"^([IVX]{1,4}|[A-Z])\.\s+(\S.*)$")


def _grid_entries(lines: Sequence[Line], margins: dict[int, float],
                  skip: set[int]) -> tuple[dict[int, tuple[Optional[str], str, str]], set[int]]:
    """The entries of a grid's middle column, each at the column's margin: the sections ("C. BOARD OPENING
    STATEMENTS", "II. OPEN SESSION") and the numbered entries that head lettered ones ("10. OFFICE OF THE
    SUPERINTENDENT" over its "a."), which head what follows; and the paragraphs, as (what they are cited under,
    label, text): the numbered entries under a section ("C(1)"), the lettered ones under their number ("10(a)",
    the letters running a, b, c), a numbered entry among the letters under its letter ("1(b)(1)").  A heading
    printed again at a page's top (the section and number the page goes on with) heads nothing new."""
    entries = [k for k, ln in enumerate(lines) if k not in skip and ln.page in margins
               and abs(ln.x0 - margins[ln.page]) <= 4.5 and ln.text]
    items: dict[int, tuple[Optional[str], str, str]] = {}
    heads: set[int] = set()
    section: Optional[str] = None
    number: Optional[str] = None
    last: Optional[str] = None
    for pos, k in enumerate(entries):
        text = lines[k].text.strip()
        # only headings before it on its page: where a page repeats the headings it goes on under
        page_top = all(e in heads for e in entries[:pos] if lines[e].page == lines[k].page)
        m = _GRID_NUMBER.match(text)
        if m:
            nxt = lines[entries[pos + 1]].text.strip() if pos + 1 < len(entries) else ""
            got = letter_label(nxt)
            if m.group(1) == number and last is not None and page_top:
                heads.add(k)  # the number the page goes on with, over its next letter
            elif got is not None and got[0] == "a" and not _GRID_NUMBER.match(nxt):
                number, last = m.group(1), None
                heads.add(k)
            elif number is not None and last is not None and int(m.group(1)) != int(number) + 1:
                items[k] = (f"{number}({last})", m.group(1), m.group(2))  # inside the letter before it
            else:
                if number is not None and int(m.group(1)) == int(number) + 1:
                    number, last = None, None  # the next number after the heading's: the letters are done
                items[k] = (section, m.group(1), m.group(2))
            continue
        m = _GRID_SECTION.match(text)
        if m and not (len(m.group(1)) == 1 and m.group(1).islower()):
            heads.add(k)
            if m.group(1) != section:
                section, number, last = m.group(1), None, None
            continue
        got = letter_label(text)
        if got is None or len(got[0]) != 1 or not got[0].islower():
            continue
        letter, rest = got
        if letter != ("a" if last is None else chr(ord(last) + 1)):
            continue
        items[k] = (number if number is not None else section, letter, rest)
        last = letter
    return items, heads


def _marks_table(page: int, cell: list[Line]) -> TableRegion:
    """A cell of vote marks as a table: a row per baseline, its entries left to right ("Motion", "X")."""
    rows: list[list[Line]] = []
    for ln in sorted(cell, key=lambda ln: (ln.top, ln.x0)):
        if rows and abs(ln.top - rows[-1][0].top) <= 0.5 * (ln.size or 10.0):
            rows[-1].append(ln)
        else:
            rows.append([ln])
    bbox = (min(ln.x0 for ln in cell), min(ln.top for ln in cell), max(ln.x1 for ln in cell),
            max(ln.bottom for ln in cell))
    return TableRegion(page, bbox, tuple(tuple(ln.text for ln in sorted(r, key=lambda ln: ln.x0)) for r in rows))
