"""Page geometry: reading order (columns, margin numbers) and running headers and footers.

Reading order is rebuilt from positions, not taken from the content stream:
producers write margin numbers, boxes and columns in any order.  Columns are
vertical gutters that real text sits on both sides of; a gutter with only short
numbers on its left is a margin-number column and is read as part of the line.
Headers and footers are lines that repeat in the top or bottom band of the
page once digits are masked, found per document, never from a list of strings.
"""
from __future__ import annotations

import re
from collections import Counter
from typing import Optional


# run layout, shared with read.py: [x0, x1, top, bottom, size, bold, text, first_char_index]


def order_runs(runs: list[list], page_width: float, page_height: float = 0.0) -> list[list[list]]:
    """Group a page's runs into visual lines, in reading order (column by column between full-width lines)."""
    if not runs:
        return []
    columns = _columns(runs)
    if len(columns) <= 1:
        return _apart(_right_notes(_column_bands(_lines(runs)), runs, page_width), page_width, page_height)
    # assign runs to a column, or to "span" when they cross a gutter
    spans: list[list] = []
    per_col: list[list[list]] = [[] for _ in columns]
    for r in runs:
        placed = False
        for i, (cx0, cx1) in enumerate(columns):
            nxt = columns[i + 1][0] if i + 1 < len(columns) else None
            if r[0] >= cx0 - 1 and (r[1] <= cx1 + 1 or _overshoots(r, cx1, nxt)):
                per_col[i].append(r)
                placed = True
                break
        if not placed:
            spans.append(r)
    if len(columns) == 2:
        side = _side_headings(columns, per_col, spans)
        if side is not None:
            return _right_notes(side, runs, page_width)
    span_lines = _lines(spans)
    col_lines = [_lines(c) for c in per_col]
    # cut the page into bands at full-width lines; inside a band read column by column
    out: list[list[list]] = []
    cuts = [min(x[2] for x in ln) for ln in span_lines]
    idx = [0] * len(col_lines)
    for cut, sline in zip(cuts, span_lines):
        for ci, lines in enumerate(col_lines):
            while idx[ci] < len(lines) and min(x[2] for x in lines[idx[ci]]) < cut:
                out.append(lines[idx[ci]])
                idx[ci] += 1
        out.append(sline)
    for ci, lines in enumerate(col_lines):
        out.extend(lines[idx[ci]:])
    return _apart(_right_notes(out, runs, page_width), page_width, page_height)


def _apart(lines: list[list[list]], page_width: float, page_height: float) -> list[list[list]]:
    """A line at the head of the page built across a wide gap between type of clearly different sizes is two
    lines: a logo's words set
    beside a running head ("UK" in 13 pt, then "Module 2, 2A, 2B, 2C: Core decision-making and political" in 21 pt,
    60 pt to its right), never one line "UK Module 2 ...".  Wide: a twenty-fifth of the page's width and one and a
    half of the larger type's sizes (a word space is a third of one); clearly different: the smaller, on the left,
    under four fifths of the larger.  (A number in large type before its text, a reference in small type after a
    question, stay on their line; a table row's cells are set in one type.)"""
    out: list[list[list]] = []
    if not lines or page_height <= 0:
        return lines
    heads = sorted(min(r[2] for r in ln) for ln in lines)[:3]  # the page's three topmost lines, in its top band
    band = min(heads[-1], 0.15 * page_height)
    for ln in lines:
        if len(ln) < 2 or min(r[2] for r in ln) > band:
            out.append(ln)
            continue
        cut = 0
        for k in range(1, len(ln)):
            a, b = ln[k - 1], ln[k]
            big, small = b[4], a[4]
            if b[0] - a[1] >= max(page_width / 25, 1.5 * big) and small < 0.8 * big \
                    and len(a[6].strip()) >= 2 and len(b[6].strip()) >= 2:
                out.append(ln[cut:k])
                cut = k
        out.append(ln[cut:] if cut else ln)
    return out


_MARKER = re.compile(r"^\s*(\(?[0-9]{1,3}[.)]|\([a-zA-Z]{1,4}\)|[a-zA-Z][.)]|[•▪●◦‣∙·–-])\s*$")
_SIDE_CHARS = 32
_SIDE_NUMBER = re.compile(r"^\s*\d{1,3}(\.\d{1,3}){0,5}\.?\s*$")  # a section's number alone on its line


def _side_headings(columns: list[tuple[float, float]], per_col: list[list[list]],
                   spans: list[list]) -> Optional[list[list[list]]]:
    """A page set with side headings, read row by row: or None when the page is not set so.

    A manual's sections (the US Internal Revenue Manual's "2.3.59.1 / (12-12-2022) / Program Scope and
    Objectives") carry their number, date and title in a narrow column at the left, level with the section's
    first lines; the section's paragraphs, "(1)", "(2)" hung in the gutter, run in the wide column beside it.
    Read column by column, every title on the page would come first and the paragraphs after them all, each
    cut from its section.  Here each stack of side lines is read as the lines it is, just before the text line
    its first line stands level with, and a paragraph label hung at the gutter ("(1)", "2.", a bullet) stays on
    its own text line.  A stack without a section number on its first line, or beside no text (a running foot
    set in the column), keeps its lines where they stand.  The sign, from the two columns found: a left column
    under a third of the text's width whose lines are all short (a number, a date, a title's few words; a
    newsletter's column has long ones), a stack of them opening with a section number alone on its line, beside
    a column of prose with more lines.  Only a page already found to have two columns is looked at."""
    (lx0, lx1), (rx0, rx1) = columns
    width = rx1 - lx0
    if width <= 0 or lx1 - lx0 > width / 3 or not per_col[0] or len(per_col[1]) < 6:
        return None
    body = Counter(round(r[4]) for r in per_col[1]).most_common(1)[0][0] or 10
    markers = [r for r in per_col[0] if r[0] >= lx1 - 3.5 * body and _MARKER.match(r[6] or "")]
    taken = {id(r) for r in markers}
    side_lines = _lines([r for r in per_col[0] if id(r) not in taken])
    text_lines = _lines(per_col[1] + markers)
    if len(side_lines) < 2:
        return None
    if any(len(" ".join(r[6].strip() for r in ln).strip()) > _SIDE_CHARS for ln in side_lines):
        return None
    prose = [ln for ln in text_lines if sum(len(r[6]) for r in ln) >= 40]
    if len(prose) < 3 or len(text_lines) < len(side_lines):
        return None

    def level(a: list[list], b: list[list]) -> bool:
        return min(max(r[3] for r in a), max(r[3] for r in b)) - max(min(r[2] for r in a), min(r[2] for r in b)) > 0

    # the side lines in stacks: the next one down within a line's pitch of the one above
    pitch = _pitch(text_lines)
    blocks: list[list[list[list]]] = []
    for ln in side_lines:
        if blocks and min(r[2] for r in ln) - max(r[3] for r in blocks[-1][-1]) <= 0.9 * pitch:
            blocks[-1].append(ln)
        else:
            blocks.append([ln])
    numbered = [_SIDE_NUMBER.match(" ".join(r[6] for r in b[0])) is not None for b in blocks]
    if not any(numbered):
        return None
    events: list[tuple[float, int, list[list[list]]]] = []
    for block, heads in zip(blocks, numbered):
        level_with = [max(r[3] for r in t) for t in text_lines if level(t, block[0])]
        if not heads or not level_with:
            # a stack without a section number, or beside no text (a running foot "2.3.59.6 Internal Revenue
            # Manual"): its lines where they stand
            events.extend((max(r[3] for r in ln), 1, [ln]) for ln in block)
            continue
        # a side heading, as one line, just before the text line its first line stands level with
        events.append((min(level_with) - 0.01, 0, [_one_line(block)]))
    for ln in text_lines + _lines(spans):
        events.append((max(r[3] for r in ln), 1, [ln]))
    events.sort(key=lambda e: (e[0], e[1]))
    return [ln for _, _, group in events for ln in group]


def _one_line(stack: list[list[list]]) -> list[list]:
    """A stack of side lines as one line, its runs set end to end on its first line's baseline in reading order
    (the title's words after the number, as a heading printed on one line would be)."""
    first = stack[0]
    top, bottom = min(r[2] for r in first), max(r[3] for r in first)
    out = [list(r) for r in first]
    for ln in stack[1:]:
        x = out[-1][1] + 0.3 * (out[-1][4] or 10)
        for r in ln:
            w = r[1] - r[0]
            moved = list(r)
            moved[0], moved[1], moved[2], moved[3] = x, x + w, top, bottom
            out.append(moved)
            x += w + 0.3 * (r[4] or 10)
    return out


def _overshoots(r: list, edge: float, next_left: Optional[float]) -> bool:
    """A run of a column that ends a little past the edge its other lines give, in the gutter and well short of the
    next column, is still its column's: a ragged line (Yorkshire Ambulance's "... publish on their website the
    results of six", a point and a half past the edge, the one run the gutter was found across), not a line
    spanning the columns, which would cut the page and have the other column's first lines read before it.
    A little: half its type size; well short: the next column is still a gutter away (0.6 of its size, 5 pt at
    least).  A heading or table row running far into the gutter is still read as spanning."""
    return (next_left is not None and r[0] <= edge and r[1] - edge <= 0.5 * r[4]
            and next_left - r[1] >= max(0.6 * r[4], 5))


def _right_notes(lines: list[list[list]], runs: list[list], page_width: float) -> list[list[list]]:
    """A short note set apart at the right margin of a text line ("Noted", "Clerk", "Cllr. O. Williams" in a
    minutes' action column) is a line of its own: it stands after a gap of an eighth of the page width or more,
    ends at the text's right edge, has letters, no brackets and at most four words.  (A page number, a figure in
    a table row or a bracketed reference "(37124)" is not one; a justified line's widest word space is far
    narrower.)  The gap is measured in points, not type sizes, which engines read differently."""
    right = max((r[1] for r in runs if len(r[6].strip()) >= 2), default=0.0)
    out: list[list[list]] = []
    for ln in lines:
        cut = next((k for k in range(len(ln) - 1, 0, -1) if ln[k][0] - ln[k - 1][1] >= page_width / 8), None)
        if cut is not None:
            tail = ""
            for a, b in zip([None, *ln[cut:]], ln[cut:]):
                tail += (" " if a is not None and b[0] - a[1] > 0.15 * b[4] else "") + b[6]
            head = "".join(r[6] for r in ln[:cut]).strip()
            if (len(tail.split()) <= 4 and sum(c.isalpha() for c in tail) >= 2 and not re.search(r"[()\[\]]", tail)
                    and len(head) >= 3 and ln[-1][1] >= right - 2 * max(r[4] for r in ln) and not _WHEN.match(tail)):
                out.append(ln[:cut])
                out.append(ln[cut:])
                continue
        out.append(ln)
    return out


# a date at a tab stop ("Monday, January 11, 2016", "12 February 2016"): a schedule's column, never a note
_WHEN = re.compile(r"(?i)^(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day,?\s+)?(?:(?:jan|feb|mar|apr|may|jun|jul|aug|"
                   r"sep|oct|nov|dec)[a-z]*\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4}|\d{1,2}(?:st|nd|rd|th)?\s+"
                   r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?,?\s+\d{4})$")


def _split_at(line: list[list]) -> Optional[tuple[float, float]]:
    """Where a line divides into two columns of text: the gap (left part's right edge, right part's left edge).

    Runs on one line are already apart by more than a word space; the split must
    have real text on both sides (a margin number or a right-aligned page number
    does not make a column).  Nor does an agenda item's label and file number set
    before its text ("A.-1.  23-6764  Presentation of ..."): no word on the left
    of words is the start of the line, not a column of its own (a table's row, words
    then figures, still divides as before).
    """
    size = max(r[4] for r in line)
    for k in range(1, len(line)):
        left, right = line[:k], line[k:]
        gap = right[0][0] - left[-1][1]
        if gap < max(1.0 * size, 6.0):
            continue
        if sum(len(r[6]) for r in left) >= 12 and sum(len(r[6]) for r in right) >= 12 \
                and not (_wordless(left) and not _wordless(right)):
            return (left[-1][1], right[0][0])
    return None


_WORD = re.compile(r"[^\W\d_]{3}")  # three letters in a row: a word, not a label ("A.-1.") or a number ("23-6764")


def _wordless(runs: list[list]) -> bool:
    """No word among the runs: labels, numbers and codes only."""
    return not any(_WORD.search(r[6]) for r in runs)


def _column_bands(lines: list[list[list]]) -> list[list[list]]:
    """Read a two-column stretch of a page (a newsletter-style section between full-width text)
    column by column: consecutive lines that all divide at one gutter, or sit wholly on one side of it."""
    if len(lines) < 4:
        return lines
    splits = [_split_at(ln) for ln in lines]
    if sum(1 for x in splits if x is not None) < 3:
        return lines

    def fits(i: int, gutter: tuple[float, float]) -> Optional[tuple[float, float]]:
        """The gutter narrowed by line i, or None when line i crosses it."""
        ln = lines[i]
        size = max(r[4] for r in ln)
        for a, b in zip(ln, ln[1:]):  # any wide gap in the line (a short last line "out:" counts too)
            lo, hi = max(gutter[0], a[1]), min(gutter[1], b[0])
            if b[0] - a[1] >= max(1.0 * size, 6.0) and hi - lo >= 3.0:
                return (lo, hi)
        if splits[i] is not None:
            return None
        x0 = min(r[0] for r in lines[i])
        x1 = max(r[1] for r in lines[i])
        if x1 <= gutter[1] - 2 or x0 >= gutter[0] + 2:
            return gutter
        return None

    out: list[list[list]] = []
    i = 0
    n = len(lines)
    while i < n:
        if splits[i] is None:
            out.append(lines[i])
            i += 1
            continue
        gutter = splits[i]
        j = i
        count = 1
        while j + 1 < n:
            narrowed = fits(j + 1, gutter)
            if narrowed is None:
                break
            gutter = narrowed
            j += 1
            count += splits[j] is not None
        if count < 3:
            out.append(lines[i])
            i += 1
            continue
        # a heading after the band, alone on one side after a wide gap, is not part of it; the gap is
        # measured in the band's own line pitch (baseline to baseline), which every engine reads alike,
        # not in type sizes, which pdfium reads about 30% low for some producers
        last = max(x for x in range(i, j + 1) if splits[x] is not None)
        pitch = _pitch(lines[i:last + 1])
        for x in range(last + 1, j + 1):
            step = max(r[3] for r in lines[x]) - max(r[3] for r in lines[x - 1])
            if step > 1.5 * pitch:
                j = x - 1
                break
        # reach back over up to three lines that sit wholly on one side (a heading atop the left column)
        k = i
        while k - 1 >= 0 and k > i - 3 and out and out[-1] is lines[k - 1] and fits(k - 1, gutter) is not None:
            k -= 1
            out.pop()
        middle = (gutter[0] + gutter[1]) / 2
        left_col: list[list[list]] = []
        right_col: list[list[list]] = []
        for ln in lines[k:j + 1]:
            left = [r for r in ln if r[0] < middle]
            right = [r for r in ln if r[0] >= middle]
            if left:
                left_col.append(left)
            if right:
                right_col.append(right)
        out.extend(left_col)
        out.extend(right_col)
        i = j + 1
    return out


def _pitch(lines: list[list[list]]) -> float:
    """The usual distance from one baseline to the next in these lines (their median step)."""
    bottoms = [max(r[3] for r in ln) for ln in lines]
    steps = sorted(b - a for a, b in zip(bottoms, bottoms[1:]) if b > a)
    if not steps:
        return max(r[3] - r[2] for ln in lines for r in ln)
    return steps[len(steps) // 2]


def _lines(runs: list[list]) -> list[list[list]]:
    """Cluster runs whose boxes overlap vertically into lines; runs left to right."""
    if not runs:
        return []
    ordered = sorted(runs, key=lambda r: (r[3], r[0]))
    lines: list[list[list]] = []
    tops: list[float] = []
    bottoms: list[float] = []
    for r in ordered:
        h = max(r[3] - r[2], 0.1)
        placed = False
        # look back a few lines: a small superscript or a margin number may sort between
        for j in range(len(lines) - 1, max(-1, len(lines) - 4), -1):
            lt, lb = tops[j], bottoms[j]
            overlap = min(lb, r[3]) - max(lt, r[2])
            if overlap >= 0.5 * min(h, lb - lt):
                lines[j].append(r)
                tops[j] = min(lt, r[2]) if r[4] >= 0.8 * (lb - lt) else lt
                bottoms[j] = max(lb, r[3]) if r[4] >= 0.8 * (lb - lt) else lb
                placed = True
                break
        if not placed:
            lines.append([r])
            tops.append(r[2])
            bottoms.append(r[3])
    for ln in lines:
        ln.sort(key=lambda r: r[0])
    order = sorted(range(len(lines)), key=lambda i: (bottoms[i], tops[i]))
    return [lines[i] for i in order]


def _columns(runs: list[list]) -> list[tuple[float, float]]:
    """Column x-ranges from gutters that have real text on both sides; [] or one range means one column."""
    text_runs = [r for r in runs if len(r[6]) >= 2]
    if len(text_runs) < 12:
        return []
    left = min(r[0] for r in text_runs)
    right = max(r[1] for r in text_runs)
    width = right - left
    if width <= 0 or width > 14400:  # wider than the largest PDF page: text placed off the page, not columns
        return []
    sizes = Counter(round(r[4]) for r in text_runs)
    body = sizes.most_common(1)[0][0] or 10
    # coverage at 1pt resolution; runs wider than 60% of the text block are candidates for spanning lines
    bins = int(width) + 2
    cover = [0] * bins
    narrow = [r for r in text_runs if (r[1] - r[0]) < 0.6 * width]
    if len(narrow) < 0.5 * len(text_runs):
        return []
    delta = [0] * (bins + 1)  # coverage by a difference array: O(runs + width), not O(runs x width)
    for r in narrow:
        a = max(int(r[0] - left), 0)
        b = min(int(r[1] - left) + 1, bins)
        if a < b:
            delta[a] += 1
            delta[b] -= 1
    running = 0
    for x in range(bins):
        running += delta[x]
        cover[x] = running
    gutters: list[tuple[float, float]] = []
    x = 0
    min_gap = max(0.6 * body, 5)
    # a stray run or two across a gutter (a printer's slug, a wide heading) must not hide it
    allowed = 1 if len(narrow) < 150 else 2
    while x < bins:
        if cover[x] <= allowed:
            start = x
            while x < bins and cover[x] <= allowed:
                x += 1
            if start > 0 and x < bins and (x - start) >= min_gap:
                gutters.append((left + start, left + x))
        else:
            x += 1
    # a gutter that many lines run across is the space between table cells or words, not between columns
    def crossings(g: tuple[float, float]) -> int:
        return sum(1 for r in text_runs if r[0] < g[0] - 1 and r[1] > g[1] + 1)

    gutters = [g for g in gutters if crossings(g) <= max(2, 0.08 * len(text_runs))]
    if not gutters:
        return []
    edges = [left] + [g for gut in gutters for g in gut] + [right]
    cols = [(edges[i], edges[i + 1]) for i in range(0, len(edges), 2)]
    # a real column: a good share of the text width with enough long runs in it
    def substantial(c: tuple[float, float]) -> bool:
        inside = [r for r in narrow if r[0] >= c[0] - 1 and r[1] <= c[1] + 1]
        long_runs = [r for r in inside if len(r[6]) >= 15]
        return (c[1] - c[0]) >= 0.18 * width and len(long_runs) >= 3

    merged: list[tuple[float, float]] = []
    for c in cols:
        if merged and (not substantial(c) or not substantial(merged[-1])):
            merged[-1] = (merged[-1][0], c[1])
        else:
            merged.append(c)
    # merging may have left a non-substantial first column
    if len(merged) > 1 and not substantial(merged[0]):
        merged[1] = (merged[0][0], merged[1][1])
        merged.pop(0)
    return merged if len(merged) > 1 else []




_LINE_NO = re.compile(r"^\s*(\d{1,5})\s*$")


def _lone_line_number(runs: list[list], nums: list) -> set[int]:
    """A page's only line number (a bill's last page with five lines on it: "5" beside "regulation or rule made
    thereunder."): a multiple of five, left of all the text on its line by a gap, beside words that go on with a
    sentence in lower case, so no paragraph's hanging number ("5   The Council ...") can be one."""
    out: set[int] = set()
    for i, r in nums:
        value = int(_LINE_NO.match(r[6]).group(1))
        if value < 5 or value % 5:
            continue
        beside = sorted((x for j, x in enumerate(runs) if j != i and (x[6] or "").strip()
                         and x[2] < r[3] and r[2] < x[3]), key=lambda x: x[0])
        if not beside or beside[0][0] < r[1] + 6:
            continue
        first = beside[0][6].lstrip()
        if first[:1].islower():
            out.add(i)
    return out


def margin_line_numbers(runs: list[list]) -> set[int]:
    """The indices of runs that are printed line numbers (a draft's "5", "10", "15" down the left margin).

    A page's line numbers are bare integers aligned (right, left or centred: a statute's "5", "10" are centred) in
    one column left of all its other text beside them, counting down the page by a fixed step of five or ten
    (every fifth or tenth line), each a multiple of that step (a register's item numbers 934, 936, 938 are
    not).  Numbers that step by one are left alone: a column of hanging paragraph numbers looks the same.
    """
    nums = [(i, r) for i, r in enumerate(runs) if _LINE_NO.match(r[6] or "")]
    if len(nums) < 2:
        return _lone_line_number(runs, nums)
    columns: dict[tuple[int, int], list] = {}
    for i, r in nums:
        for edge, x in ((1, r[1]), (0, r[0]), (-1, (r[0] + r[1]) / 2)):  # right edge, left edge, centre
            columns.setdefault((edge, round(x)), []).append((i, r))
    best: set[int] = set()  # the longest column that passes (by the edge that gathers every one of its numbers)
    for key in sorted(columns, key=lambda k: (-len(columns[k]), -k[0])):
        near = 1 if key[0] >= 0 else 3  # a centred number's centre wanders with its digits' widths
        col = [(i, r) for x, c in columns.items() if x[0] == key[0] and abs(x[1] - key[1]) <= near for i, r in c]
        if len(col) < 2:
            break
        if len(col) <= len(best):
            continue
        ids = {i for i, _ in col}
        # left of all the other text beside them (a printer's slug below the last number may stand farther out)
        top, bottom = min(r[2] for _, r in col), max(r[3] for _, r in col)
        text_left = min((r[0] for i, r in enumerate(runs) if i not in ids and (r[6] or "").strip()
                         and top <= r[3] and r[2] <= bottom), default=None)
        if text_left is None or max(r[1] for _, r in col) > text_left - 2:
            continue  # not in a margin of its own: numbers in the text (a table's column, a hanging number)
        col.sort(key=lambda ir: ir[1][2])
        values = [int(_LINE_NO.match(r[6]).group(1)) for _, r in col]
        step = values[1] - values[0]
        if step < 2 or step % 5 or any(v % step for v in values) or any(b - a != step for a, b in zip(values, values[1:])):
            continue
        best = ids
    return best or _lone_line_number(runs, nums)
