"""Ruled tables: a grid of drawn lines with text in its cells."""
from __future__ import annotations

import ctypes
import re
from typing import Optional

from ..model import TableRegion
from .text import clean_text

def _rulings(page, height: float, pictures: Optional[list] = None,
             highlights: Optional[list] = None) -> tuple[list[tuple[float, float, float]],
                                                        list[tuple[float, float, float]]]:
    """Thin path objects as ruling segments, in top-down page coordinates.

    Horizontal segments are (y, x0, x1), vertical ones (x, top, bottom); the
    edges of a rectangle count as four segments, as table cell borders are
    often drawn as stroked or filled rectangles.  `pictures`, if given, gets the
    boxes (x0, top, x1, bottom) of the small image objects shaped like a word of
    body type (a line high, wider than high): a label a word processor drew as a
    picture (`pdfium.picture_labels`).  `highlights`, if given, gets the filled boxes drawn with no outline
    that `shaded_box` keeps: a line of type high in a tint (the highlight a tracked-changes print sets behind
    an inserted or deleted line, with its colour), or white (a panel behind the text, colour None: it draws no
    line a strike-through could be taken to meet); their edges stay rulings too, as the layout has always seen them.
    """
    import pypdfium2.raw as R

    rgba = [ctypes.c_uint() for _ in range(4)]
    fill_mode, stroked = ctypes.c_int(), ctypes.c_int()

    hs: list[tuple[float, float, float]] = []
    vs: list[tuple[float, float, float]] = []
    try:
        raw = page.raw
        l_, b_, r_, t_ = ctypes.c_float(), ctypes.c_float(), ctypes.c_float(), ctypes.c_float()
        refs = (ctypes.byref(l_), ctypes.byref(b_), ctypes.byref(r_), ctypes.byref(t_))
        for i in range(R.FPDFPage_CountObjects(raw)):  # raw calls: wrapping every object costs more than the test
            obj = R.FPDFPage_GetObject(raw, i)
            kind = R.FPDFPageObj_GetType(obj)
            if kind == R.FPDF_PAGEOBJ_IMAGE and pictures is not None and R.FPDFPageObj_GetBounds(obj, *refs):
                w, h = r_.value - l_.value, t_.value - b_.value
                if 5 <= h <= 16 and 1.4 * h <= w <= 5 * h:
                    pictures.append((l_.value, height - t_.value, r_.value, height - b_.value))
                continue
            if kind != R.FPDF_PAGEOBJ_PATH or not R.FPDFPageObj_GetBounds(obj, *refs):
                continue
            if highlights is not None and r_.value - l_.value > 3 and t_.value - b_.value > 3 \
                    and R.FPDFPath_GetDrawMode(obj, ctypes.byref(fill_mode), ctypes.byref(stroked)) \
                    and fill_mode.value and not stroked.value \
                    and R.FPDFPageObj_GetFillColor(obj, *(ctypes.byref(c) for c in rgba)):
                fill = shaded_box(l_.value, r_.value, b_.value, t_.value,
                                  (rgba[0].value, rgba[1].value, rgba[2].value), rgba[3].value / 255)
                if fill is not False:
                    highlights.append((l_.value, height - t_.value, r_.value, height - b_.value, fill))
            if not add_ruling(hs, vs, l_.value, r_.value, height - t_.value, height - b_.value):
                break
    except Exception:  # a broken path object must not stop the reading
        return [], []
    return hs, vs


def shaded_box(left: float, right: float, low: float, high: float, rgb: tuple, alpha: float = 1.0):
    """A filled box with no outline, as change marks see it: None for a white box (invisible on the page: its edges
    are no lines); its colour (0..255 RGB) where it is shaped like a highlight behind one line of type (5 to 30 pt
    high, and as narrow as one letter: a highlight is cut where a hyperlink or a change of mark starts) in a tint,
    even a pale one (Aspose's insertions sit on (227, 255, 255)), not black or grey; else False."""
    if min(rgb) >= 245 or alpha < 0.1:
        return None
    if 5 <= high - low <= 30 and right - left >= 2 and max(rgb) - min(rgb) >= 16:
        return tuple(int(c) for c in rgb)
    return False


def add_ruling(hs: list, vs: list, left: float, right: float, top: float, bottom: float) -> bool:
    """A drawn object's box as ruling segments: a thin one is a line, a larger one a rectangle's four edges.

    False once there are so many that the page is a drawing, not a table.
    """
    w, h = right - left, bottom - top
    # (a line as short as one narrow glyph, an apostrophe struck through or underlined, is a line too)
    if (w >= 4 or w >= max(2, 2.5 * h)) and h <= 3:
        hs.append(((top + bottom) / 2, left, right))
    elif h >= 4 and w <= 3:
        vs.append(((left + right) / 2, top, bottom))
    elif w > 3 and h > 3:
        hs.extend([(top, left, right), (bottom, left, right)])
        vs.extend([(left, top, bottom), (right, top, bottom)])
    return len(hs) + len(vs) <= 4000


def _merge_segments(segs: list[tuple[float, float, float]], tol: float = 1.5) -> list[list[float]]:
    """Segments on the same line (within tol) joined where they touch: [[pos, start, end], ...]."""
    out: list[list[float]] = []
    for pos, a, b in sorted(segs):
        for line in reversed(out[-8:]):
            if abs(line[0] - pos) <= tol and a <= line[2] + 2 and b >= line[1] - 2:
                line[1], line[2] = min(line[1], a), max(line[2], b)
                break
        else:
            out.append([pos, a, b])
    return out


def _grid_tables(hs, vs, runs: list, page_no: int, layout: bool = False) -> list[TableRegion]:
    """Ruled tables from the page's own rulings: connected grids of horizontal and vertical lines,
    cells filled with the runs whose centres fall inside them.  `layout`: instead, the grids that are not
    data tables (prose set in a ruled grid), without their rows: where a schedule of changes is ruled so."""
    H = _merge_segments(hs)
    V = _merge_segments(vs)
    if len(H) < 2 or len(V) < 2:
        return []
    # union-find over lines joined by crossings
    parent = list(range(len(H) + len(V)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i, (y, x0, x1) in enumerate(H):
        for j, (x, y0, y1) in enumerate(V):
            if x0 - 2 <= x <= x1 + 2 and y0 - 2 <= y <= y1 + 2:
                parent[find(i)] = find(len(H) + j)
    groups: dict[int, tuple[list, list]] = {}
    for i, line in enumerate(H):
        groups.setdefault(find(i), ([], []))[0].append(line)
    for j, line in enumerate(V):
        groups.setdefault(find(len(H) + j), ([], []))[1].append(line)
    tables: list[TableRegion] = []
    for hl, vl in groups.values():
        if len(hl) < 2 or len(vl) < 2:
            continue
        left, right = min(line[1] for line in hl), max(line[2] for line in hl)
        top, bottom = min(line[1] for line in vl), max(line[2] for line in vl)
        # rows and columns are ruled across most of the table; a box drawn inside a cell is not a ruling
        # (a column rule broken by a row spanning the table counts by its pieces' total length)
        ys = _ruled_positions(hl, 0.5 * (right - left))
        xs = _ruled_positions(vl, 0.5 * (bottom - top))
        if len(ys) < 3 or len(xs) < 3:
            continue  # fewer than 2 rows or 2 columns: a box, not a table
        cells: dict[tuple[int, int], list[list]] = {}
        for r in runs:
            cx, cy = (r[0] + r[1]) / 2, (r[2] + r[3]) / 2
            if not (xs[0] <= cx <= xs[-1] and ys[0] <= cy <= ys[-1]):
                continue
            col = next((k for k in range(len(xs) - 1) if cx <= xs[k + 1]), len(xs) - 2)
            row = next((k for k in range(len(ys) - 1) if cy <= ys[k + 1]), len(ys) - 2)
            cells.setdefault((row, col), []).append(r)
        rows: list[tuple[str, ...]] = []
        for ri in range(len(ys) - 1):
            row = []
            for ci in range(len(xs) - 1):
                row.append(_cell_text(cells.get((ri, ci), [])))
            if any(row):
                rows.append(tuple(row))
        keep = [k for k in range(len(xs) - 1) if any(r[k] for r in rows)]  # columns that are only borders
        rows = [tuple(r[k] for k in keep) for r in rows]
        ncols = max((sum(1 for c in r if c) for r in rows), default=0)
        if len(rows) < 2 or ncols < 2:
            continue
        if (_layout_table(rows) and not _captioned(rows, runs, xs, ys)) is not layout:
            continue
        bbox = (round(xs[0], 2), round(ys[0], 2), round(xs[-1], 2), round(ys[-1], 2))
        tables.append(TableRegion(page=page_no, bbox=bbox, rows=() if layout else tuple(rows)))
    return tables


def _cell_text(parts: list) -> str:
    """A cell's runs as text: visual lines top to bottom, runs left to right, spaced by their gaps."""
    from .layout import _lines

    words: list[str] = []
    for line in _lines(list(parts)):
        out = ""
        prev = None
        for r in line:
            if prev is not None and r[0] - prev[1] > 0.15 * min(r[4], prev[4]):
                out += " "
            out += r[6]
            prev = r
        words.append(out)
    return " ".join(clean_text(" ".join(words)).split())


def _ruled_positions(lines: list[list[float]], need: float, tol: float = 2.0) -> list[float]:
    """Positions of the rules whose segments there (within tol) add up to at least `need` points."""
    out: list[float] = []
    total = 0.0
    group: list[list[float]] = []
    for line in sorted(lines) + [[float("inf"), 0.0, 0.0]]:
        if group and line[0] - group[-1][0] > tol:
            if total >= need:
                out.append(group[0][0])
            group, total = [], 0.0
        group.append(line)
        total += line[2] - line[1]
    return _distinct(out, tol)


def _distinct(values: list[float], tol: float = 2.0) -> list[float]:
    out: list[float] = []
    for v in values:
        if not out or v - out[-1] > tol:
            out.append(v)
    return out


# "Table 2.1: Key stages", "4.3.2 Table 1 – Sites", "Table A3."
CAPTION = re.compile(r"^(?:\d{1,3}(?:\.\d{1,3}){0,3}\.?\s+)?Table\s+[A-Z]?\d{1,3}(?:[.\-]\d{1,3})*\b\s*[.:–—-]?", re.I)


def _captioned(rows: list[tuple[str, ...]], runs: list, xs: list[float], ys: list[float]) -> bool:
    """A grid that says it is a table: its first cell, or the line just above it, is a numbered table caption."""
    if rows and rows[0] and CAPTION.match(rows[0][0] or ""):
        return True
    for r in runs:
        size = r[4] or 10.0
        if ys[0] - 2.5 * size <= r[3] <= ys[0] + 1 and r[0] < xs[-1] and r[1] > xs[0] and CAPTION.match(r[6]):
            return True
    return False


_CELL_NUMBER = re.compile(r"^(?:\d{1,3}(?:\.\d{1,3}){0,4}\.?|[A-Z]\.\d{1,3}\.?|\(?[a-z]{1,3}\))$")


def _layout_table(rows: list[tuple[str, ...]]) -> bool:
    """Numbered paragraphs set in a two-column grid, or cells of running prose, are not a data table."""
    cells = [c for r in rows for c in r if c]
    if not cells:
        return True
    if sum(len(c) for c in cells) / len(cells) > 150:
        return True
    firsts = [r[0] for r in rows if r and r[0]]
    others = [c for r in rows for c in r[1:] if c]
    numbered = len(firsts) >= 2 and sum(1 for c in firsts if _CELL_NUMBER.match(c)) >= 0.5 * len(firsts)
    if numbered and bool(others) and sum(len(c) for c in others) / len(others) > 60:
        return True
    return _numbered_minutes(rows)


def _numbered_minutes(rows: list[tuple[str, ...]]) -> bool:
    """Minutes ruled as a grid with the item numbers in columns of their own (`1` / `Introductions`, then `1.1` /
    `April minutes discussed ...` / `DS/AM`): most rows open with a number (in whichever column their first cell
    is), the decimal ones (`1.1`) counting up, and those rows' prose runs long.  A numbered data table's rows hold
    short cells (`1` / `Parking` / `£20`)."""
    leads = []
    for r in rows:
        cells = [(k, c) for k, c in enumerate(r) if c]
        if len(cells) >= 2 and _CELL_NUMBER.match(cells[0][1]):
            leads.append((cells[0][1], max(len(c) for _, c in cells[1:])))
    decimals = [n.rstrip(".") for n, _ in leads if re.fullmatch(r"\d{1,3}\.\d{1,3}\.?", n)]
    rising = sum(1 for a, b in zip(decimals, decimals[1:])
                 if tuple(map(int, b.split("."))) > tuple(map(int, a.split("."))))
    if len(leads) < 0.6 * len(rows) or len(decimals) < 3 or rising < 0.75 * (len(decimals) - 1):
        return False
    return sum(length for _, length in leads) / len(leads) > 60


def drawn_boxes(hs: list, vs: list, width: float, height: float) -> list[tuple[float, float, float, float]]:
    """The boxes drawn around text on a page, (x0, top, x1, bottom): rectangles made of two horizontal rules of the
    same extent and vertical rules joining their ends (a stroked or filled rectangle, or four lines), touching
    ones merged (a box's title bar and its body, a table's rows, a band of shading per line).  A frame around the
    whole page is no box."""
    if not hs or not vs or len(hs) + len(vs) > 4000:
        return []
    at_x: dict[int, list] = {}  # vertical rules by their x, to the point
    for v in _merge_segments([v for v in vs if v[2] - v[1] >= 2]):
        at_x.setdefault(round(v[0]), []).append(v)
    by_extent: dict[tuple[int, int], list[float]] = {}
    for y, x0, x1 in hs:
        if x1 - x0 >= 40:
            by_extent.setdefault((round(x0 / 3), round(x1 / 3)), []).append((y, x0, x1))
    rects: list[list[float]] = []
    for group in by_extent.values():
        group.sort()
        for (ya, a0, a1), (yb, b0, b1) in zip(group, group[1:]):
            if yb - ya < 6:
                continue
            x0, x1 = min(a0, b0), max(a1, b1)
            if (x1 - x0) * (yb - ya) > 0.85 * width * height:
                continue

            def joined(x: float) -> bool:
                return any(abs(v[0] - x) <= 2.5 and v[1] <= ya + 2.5 and v[2] >= yb - 2.5
                           for k in range(round(x) - 3, round(x) + 4) for v in at_x.get(k, ()))

            if joined(x0) and joined(x1):
                rects.append([x0, ya, x1, yb])
    # touching rectangles are one box
    boxes = sorted(rects, key=lambda r: (r[1], r[0]))
    merged = True
    while merged:
        merged = False
        out: list[list[float]] = []
        for r in boxes:
            for b in out:
                if r[0] <= b[2] + 2 and r[2] >= b[0] - 2 and r[1] <= b[3] + 2 and r[3] >= b[1] - 2:
                    b[0], b[1], b[2], b[3] = min(b[0], r[0]), min(b[1], r[1]), max(b[2], r[2]), max(b[3], r[3])
                    merged = True
                    break
            else:
                out.append(list(r))
        boxes = out
    return [tuple(b) for b in boxes if (b[2] - b[0]) * (b[3] - b[1]) <= 0.85 * width * height]


def box_of(x0: float, x1: float, top: float, bottom: float, boxes: list) -> int:
    """The box (numbered from 1) a line lies in, the innermost where boxes nest; 0: none."""
    cy = (top + bottom) / 2
    best, area = 0, float("inf")
    for k, (bx0, btop, bx1, bbottom) in enumerate(boxes, 1):
        if bx0 - 2 <= x0 and x1 <= bx1 + 2 and btop - 1 <= cy <= bbottom + 1:
            a = (bx1 - bx0) * (bbottom - btop)
            if a < area:
                best, area = k, a
    return best
