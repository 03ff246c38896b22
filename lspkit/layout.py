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
from collections import Counter, defaultdict
from typing import Sequence

from .model import Line

# run layout, shared with read.py: [x0, x1, top, bottom, size, bold, text, first_char_index]


def order_runs(runs: list[list], page_width: float) -> list[list[list]]:
    """Group a page's runs into visual lines, in reading order (column by column between full-width lines)."""
    if not runs:
        return []
    columns = _columns(runs)
    if len(columns) <= 1:
        return _lines(runs)
    # assign runs to a column, or to "span" when they cross a gutter
    spans: list[list] = []
    per_col: list[list[list]] = [[] for _ in columns]
    for r in runs:
        placed = False
        for i, (cx0, cx1) in enumerate(columns):
            if r[0] >= cx0 - 1 and r[1] <= cx1 + 1:
                per_col[i].append(r)
                placed = True
                break
        if not placed:
            spans.append(r)
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
    return out


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
    if width <= 0:
        return []
    sizes = Counter(round(r[4]) for r in text_runs)
    body = sizes.most_common(1)[0][0] or 10
    # coverage at 1pt resolution; runs wider than 60% of the text block are candidates for spanning lines
    bins = int(width) + 2
    cover = [0] * bins
    narrow = [r for r in text_runs if (r[1] - r[0]) < 0.6 * width]
    if len(narrow) < 0.5 * len(text_runs):
        return []
    for r in narrow:
        a = int(r[0] - left)
        b = int(r[1] - left) + 1
        for x in range(max(a, 0), min(b, bins)):
            cover[x] += 1
    gutters: list[tuple[float, float]] = []
    x = 0
    min_gap = max(0.6 * body, 5)
    while x < bins:
        if cover[x] == 0:
            start = x
            while x < bins and cover[x] == 0:
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
        return (c[1] - c[0]) >= 0.18 * width and len(long_runs) >= 4

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


# ---------------------------------------------------------------- headers and footers

_PAGE_NUMBER = re.compile(
    r"^(?:page\s*)?[-–—(\[]?\s*(?:\d{1,4}|[ivxlc]{1,6})\s*[-–—)\]]?(?:\s*(?:of|/)\s*\d{1,4})?"
    r"(?:\s*\|\s*page)?$",
    re.I,
)


def lines_page_height(lines: Sequence[Line]) -> float:
    return next((ln.page_height for ln in lines if ln.page_height), 0.0)


def mask(text: str) -> str:
    """Text with digits masked and spacing and case normalised, to compare furniture across pages."""
    t = re.sub(r"\d+", "#", text.lower())
    t = re.sub(r"\s+", " ", t).strip()
    # a page number before or after the running text ("47706 Federal Register ...", "... Rules 47703")
    core = re.sub(r"^(?:page\s+)?#(?:\s*(?:of|/)\s*#)?\s+|\s+(?:page\s+)?#(?:\s*(?:of|/)\s*#)?$", "", t)
    return core or t


def find_furniture(lines: Sequence[Line], pages: Sequence[int]) -> dict[int, str]:
    """Indexes of running headers, footers and page numbers -> reason.

    A line is furniture when it sits in the top or bottom band of its page and
    its masked text recurs in that band on at least two pages and on a good
    share of the pages; a lone page number in those bands counts too.
    """
    by_page: dict[int, list[int]] = defaultdict(list)
    for i, ln in enumerate(lines):
        if ln.text:
            by_page[ln.page].append(i)
    npages = len(by_page)
    if npages == 0:
        return {}
    zones: dict[int, str] = {}
    for page, idxs in by_page.items():
        if not idxs:
            continue
        height = lines[idxs[0]].page_height
        if height > 0:
            for i in idxs:
                ln = lines[i]
                if ln.bottom <= height * 0.11:
                    zones[i] = "header"
                elif ln.top >= height * 0.89:
                    zones[i] = "footer"
        elif len(by_page) >= 2:  # text input with form feeds: the first and last two lines of a page
            first = idxs[:2]
            last = idxs[-2:]
            for i in first:
                zones[i] = "header"
            for i in last:
                zones.setdefault(i, "footer")
    counts: Counter = Counter()
    for i, zone in zones.items():
        counts[(zone, mask(lines[i].text))] += 1
    # counted per page, not per line
    pages_with: dict[tuple[str, str], set[int]] = defaultdict(set)
    for i, zone in zones.items():
        pages_with[(zone, mask(lines[i].text))].add(lines[i].page)
    need = max(2, int(0.3 * npages + 0.5)) if npages >= 3 else 2
    # a chapter's running title repeats on only a few pages, but always at the same height in the band
    tops: dict[tuple[str, str], list[float]] = defaultdict(list)
    for i, zone in zones.items():
        tops[(zone, mask(lines[i].text))].append(lines[i].top)
    steady = {k for k, v in tops.items() if len(v) >= 2 and max(v) - min(v) <= 2.0 and lines_page_height(lines) > 0}
    out: dict[int, str] = {}
    for i, zone in zones.items():
        text = lines[i].text.strip()
        key = (zone, mask(text))
        if npages >= 2 and (len(pages_with[key]) >= need or (key in steady and len(pages_with[key]) >= 2)):
            out[i] = "page-number" if _PAGE_NUMBER.match(text) else zone
        elif _PAGE_NUMBER.match(text) and not text.endswith("."):
            # a page number alone in the band; plain text only when it really is a number
            if lines[i].page_height > 0 or npages >= 2:
                out[i] = "page-number"
    return out
