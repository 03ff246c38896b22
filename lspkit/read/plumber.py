"""PDFs through pdfplumber: pdfminer.six's characters, with their exact font names and sizes.

Slower than the pypdfium2 stream (pdfminer parses every page in Python), but
an independent reading: sizes are the type size times the text matrix, bold
comes from the font name, ruled tables from the page's lines, rectangles and
curves.  Runs are built here and everything after them (reading order, lines,
tables, warnings) is `lspkit.read.pdf`'s, so a difference between the engines
is a difference in the characters.
"""
from __future__ import annotations

import io
import math
import re
from typing import Optional

from ..infra.errors import InputInvalidError
from ..model import Reading
from .pdf import ChangeMarks, Collector, PageLayout, Run, bold_name, lay_out_page, mark_colour, open_checked
from .tables import add_ruling, shaded_box

# the same break as the pdfium engine's: a gap wider than this many type sizes starts a new run
RUN_GAP = 0.9

_CID = re.compile(r"^\(cid:\d+\)$")  # pdfminer's text for a glyph its font gives no Unicode for


def read_pdf(path: str, data: bytes, sha: str, *, pages, password, max_pages, tracked: str = "final",
             ocr: str = "auto") -> Reading:
    """`tracked` and `ocr` as for the pdfium engine (`lspkit.read.pdfium.read_pdf`); a scanned page is found and
    rendered for OCR by pdfium."""
    import pdfplumber
    from pdfminer.psexceptions import PSException
    from pdfplumber.utils.exceptions import PdfminerException

    from .ocr import engine

    broken = (PdfminerException, PSException, RecursionError)  # pdfminer's errors, wrapped by pdfplumber or not
    # the checks (and page count, metadata) are pdfium's, so a bad file fails the same way in every engine
    opened = open_checked(path, data, pages=pages, password=password, max_pages=max_pages)
    if ocr != "off" and engine() is None:
        ocr = "missing"
    out = Collector(path, sha, opened, tracked, ocr)
    try:
        _read_plumber(path, data, password, opened, out, broken, pdfplumber)
        out.read_scans(opened.pdf)
    finally:
        opened.pdf.close()
    return out.reading()


def _read_plumber(path: str, data: bytes, password, opened, out: Collector, broken, pdfplumber) -> None:
    """Every wanted page through pdfminer into `out`; a scanned page left for OCR (`Collector.read_scans`)."""
    import pypdfium2 as pdfium

    from .ocr import COVERED, NEGLIGIBLE, scanned_cover

    try:
        pdf = pdfplumber.open(io.BytesIO(data), password=password)
        plumber_pages = pdf.pages
    except broken:
        raise InputInvalidError("truncated or corrupt PDF (pdfminer cannot parse it)", path) from None
    with pdf:
        for page_no in opened.wanted:
            if page_no > len(plumber_pages):  # a page pdfium found and pdfminer did not
                out.broken(page_no)
                continue
            page = plumber_pages[page_no - 1]
            try:
                highlights: list = []
                rulings = _rulings(page, highlights)
                runs, count = _page_runs(page.chars, ChangeMarks.of_page(rulings, float(page.width), highlights))
                if not runs:
                    rulings = None
            except broken:  # a page pdfminer cannot interpret
                out.broken(page_no)
                continue
            finally:
                page.close()
            width, height = float(page.width), float(page.height)
            scan = False
            if count < NEGLIGIBLE or out.ocr == "force":
                try:
                    seen = opened.pdf[page_no - 1]  # pdfium sees the page's images (and renders it for OCR)
                except pdfium.PdfiumError:
                    seen = None
                if seen is not None:
                    try:
                        scan = scanned_cover(seen) >= COVERED
                    finally:
                        seen.close()
            if scan and out.ocr in ("auto", "force"):
                out.add(PageLayout(page_no, width, height, count, scan=True, kept=runs if out.ocr == "auto" else []))
                continue
            laid = lay_out_page(page_no, width, height, runs, count, rulings, out.tracked)
            laid.scan = scan
            out.add(laid)


def _rgb(colour) -> "tuple[int, int, int] | None":
    """pdfminer's fill colour (grey, RGB or CMYK, 0..1) as 0..255 RGB; None when it is a pattern or unknown."""
    try:
        c = [float(v) for v in colour]
    except (TypeError, ValueError):
        return None
    if len(c) == 1:
        c = c * 3
    elif len(c) == 4:
        k = c[3]
        c = [(1 - v) * (1 - k) for v in c[:3]]
    elif len(c) != 3:
        return None
    return tuple(round(255 * min(1.0, max(0.0, v))) for v in c)


def _page_runs(chars: list[dict], marks=None) -> tuple[list[Run], int]:
    """Group the page's characters, in content order, into runs of one baseline and size.

    pdfminer gives only the spaces the PDF draws (many producers draw none and
    place each word), so a word space is also any gap over a tenth of the size,
    and a drawn space that the next character overlaps is none.
    """
    runs: list[Run] = []
    cur = None
    spaced = False
    visible = 0
    for k, ch in enumerate(chars):
        token = ch["text"]
        if not token or token.isspace() or token == "\xa0":
            spaced = True
            continue
        if not ch.get("upright", True):  # rotated text (margin slugs, vertical labels) is not part of the reading
            continue
        left, right, top, bottom = ch["x0"], ch["x1"], ch["top"], ch["bottom"]
        size = bottom - top
        if not size > 0.5 or not math.isfinite(left + right + top + bottom):
            continue
        visible += 1
        if _CID.match(token):
            token = "\ufffd"  # unmapped glyph: counted and left out like pdfium's
        # a drawn soft hyphen ("\xad") stays: make_line drops it mid-line and keeps it at a line end for join_lines
        bold = bold_name(ch.get("fontname") or "")
        rgb = _rgb(ch.get("non_stroking_color"))
        if marks is not None and marks.near(left, right, top, bottom):
            op = marks.mark(left, right, top, bottom, rgb)
        else:
            op = mark_colour(rgb)
            op = (None, op) if op is not None else None
        if cur is not None and cur[10] == op:
            csize = cur[4]
            gap = left - cur[1]
            if abs(bottom - cur[3]) <= 0.25 * csize and abs(size - csize) <= 0.15 * csize \
                    and -csize <= gap <= RUN_GAP * csize:
                # a drawn space counts only where it leaves a gap: Chromium draws one under a soft-hyphen break
                if ((spaced and gap > 0.05 * csize) or gap > 0.1 * min(size, csize)) and not cur[6].endswith(" "):
                    cur[6] += " "
                cur[6] += token
                cur[8] += len(token)
                cur[9] += len(token) if bold else 0
                if right > cur[1]:
                    cur[1] = right
                if top < cur[2]:
                    cur[2] = top
                spaced = False
                continue
        cur = [left, right, top, bottom, size, None, token, k, len(token), len(token) if bold else 0, op]
        runs.append(cur)
        spaced = False
    for run in runs:
        run[5] = run[9] >= 0.5 * run[8]  # bold when most of the run's letters are set in a bold face
        run[8] = run[10]  # the change mark, where the pdfium engine keeps it
        del run[9:]
        run[6] = run[6].rstrip()
    return runs, visible


def _rulings(page, highlights: Optional[list] = None) -> tuple[list, list]:
    """Lines, rectangles and curves as ruling segments, the way the pdfium engine takes path objects; with
    `highlights`, the filled rectangles with no outline that `tables.shaded_box` keeps go there too."""
    hs: list = []
    vs: list = []
    for obj in page.rects if highlights is not None else ():
        x0, x1, top, bottom = (float(obj[k]) for k in ("x0", "x1", "top", "bottom"))
        colour = obj.get("non_stroking_color")
        if obj.get("fill") and not obj.get("stroke") and isinstance(colour, (tuple, list)) and len(colour) == 3:
            fill = shaded_box(x0, x1, -bottom, -top, tuple(round(255 * float(c)) for c in colour))
            if fill is not False:
                highlights.append((x0, top, x1, bottom, fill))
    for obj in page.lines + page.rects + page.curves:
        if not add_ruling(hs, vs, float(obj["x0"]), float(obj["x1"]), float(obj["top"]), float(obj["bottom"])):
            break
    return hs, vs
