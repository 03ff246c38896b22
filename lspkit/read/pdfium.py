"""PDFs through pypdfium2's character stream: runs of characters with position, size and weight."""
from __future__ import annotations

import ctypes
import math
import re
import unicodedata
from dataclasses import replace
from typing import Any, Optional

from ..infra.errors import EncryptedError, InputInvalidError, LimitError, NoTextLayerError
from ..model import Line
from ..model import Reading, TableRegion
from .tables import _grid_tables, _rulings
from .text import clean_text

_UNMAPPED = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufffd]")


def _read_pdf(path: str, data: bytes, sha: str, *, pages, password, max_pages) -> Reading:
    import pypdfium2 as pdfium

    tail = data[-2048:]
    if b"%%EOF" not in tail:
        raise InputInvalidError("truncated or corrupt PDF (no end-of-file marker)", path)
    from ..infra.pdfguard import check_streams

    check_streams(data, path)  # refuse decompression bombs before pdfium inflates them in memory
    try:
        pdf = pdfium.PdfDocument(data, password=password)
    except pdfium.PdfiumError as exc:
        code = getattr(exc, "err_code", None)
        if code == 4:  # FPDF_ERR_PASSWORD
            if password:
                raise EncryptedError("encrypted PDF: the password is wrong", path) from None
            raise EncryptedError("encrypted PDF: give its password with --password", path) from None
        if code == 6:  # FPDF_ERR_SECURITY
            raise EncryptedError("encrypted PDF with an unsupported security handler", path) from None
        raise InputInvalidError("truncated or corrupt PDF (cannot be parsed)", path) from None
    try:
        n = len(pdf)
        if n == 0:
            raise InputInvalidError("PDF has no pages", path)
        if max_pages is not None and n > max_pages:
            raise LimitError(f"PDF has {n} pages, more than --max-pages {max_pages}", path)
        if pages:
            bad = [p for p in pages if p > n]
            if bad:
                raise InputInvalidError(f"page {bad[0]} asked for, but the PDF has {n} pages", path)
            wanted = list(pages)
        else:
            wanted = list(range(1, n + 1))
        meta = _pdf_metadata(pdf)
        lines: list[Line] = []
        markers: list[tuple[int, int, str]] = []
        sizes: dict[int, tuple[float, float]] = {}
        tables: list[TableRegion] = []
        chars_total = 0
        empty_pages: list[int] = []
        broken_pages: list[int] = []
        unmapped = 0
        unmapped_pages: dict[int, None] = {}
        for page_no in wanted:
            try:
                page = pdf[page_no - 1]
            except pdfium.PdfiumError:  # a cyclic or too-deep page tree, a missing page object
                broken_pages.append(page_no)
                continue
            try:
                width, height = page.get_size()
                sizes[page_no] = (width, height)
                textpage = page.get_textpage()
                try:
                    runs, count = _page_runs(textpage, height)
                finally:
                    textpage.close()
                chars_total += count
                if count == 0:
                    empty_pages.append(page_no)
                if runs:
                    hs, vs = _rulings(page, height)
                    if len(hs) >= 2 and len(vs) >= 2:
                        tables.extend(_grid_tables(hs, vs, runs, page_no))
            finally:
                page.close()
            from .layout import order_runs

            for line_runs in order_runs(runs, width):
                line, marks = _make_line(line_runs, page_no, width, height)
                if line is not None and _UNMAPPED.search(line.text):
                    # glyph codes from a font without a Unicode map: never let control bytes into the text
                    text = _UNMAPPED.sub("", line.text)
                    unmapped += len(line.text) - len(text)
                    unmapped_pages.setdefault(page_no, None)
                    text = " ".join(text.split())
                    line = replace(line, text=text) if text else None
                if line is not None:
                    for m in marks:
                        markers.append((page_no, len(lines), m))
                    lines.append(line)
    finally:
        pdf.close()
    if broken_pages and len(broken_pages) == len(wanted):
        raise InputInvalidError("corrupt PDF (no page can be loaded: broken page tree)", path)
    if chars_total == 0:
        raise NoTextLayerError("no text layer; OCR is not supported", path)
    if unmapped >= 0.5 * chars_total:
        raise InputInvalidError(
            f"no readable text: {unmapped} of {chars_total} characters are glyph codes from fonts "
            "without a Unicode map (re-export the PDF with embedded ToUnicode maps, or OCR it)",
            path,
        )
    warnings: list[str] = []
    if unmapped:
        shown = ", ".join(str(p) for p in list(unmapped_pages)[:10]) + (" ..." if len(unmapped_pages) > 10 else "")
        warnings.append(f"{unmapped} character(s) on page(s) {shown} have no Unicode mapping (font without ToUnicode) and were left out")
    if broken_pages:
        shown = ", ".join(str(p) for p in broken_pages[:10]) + (" ..." if len(broken_pages) > 10 else "")
        warnings.append(f"page(s) {shown} cannot be loaded (corrupt page tree), so they were skipped")
    if empty_pages and len(empty_pages) < len(wanted):
        shown = ", ".join(str(p) for p in empty_pages[:10]) + (" ..." if len(empty_pages) > 10 else "")
        warnings.append(f"page(s) {shown} have no text layer (scanned?); OCR is not supported, so they were skipped")
    return Reading(
        path=path,
        sha256=sha,
        page_count=n,
        lines=lines,
        kind="pdf",
        tables=tables,
        metadata=meta,
        page_sizes=sizes,
        pages=tuple(wanted),
        markers=markers,
        warnings=tuple(warnings),
    )


def _pdf_metadata(pdf) -> dict[str, Any]:
    try:
        raw = pdf.get_metadata_dict()
    except Exception:  # a broken Info dictionary must not stop the reading
        return {}
    out: dict[str, Any] = {}
    for key, name in (("Title", "title"), ("Author", "author"), ("Subject", "subject"), ("Producer", "producer"),
                      ("Creator", "creator"), ("CreationDate", "created"), ("ModDate", "modified")):
        value = (raw.get(key) or "").strip()
        if not value:
            continue
        if name in ("created", "modified"):
            value = _pdf_date(value)
        out[name] = value
    return out


def _pdf_date(value: str) -> str:
    m = re.match(r"D:(\d{4})(\d{2})?(\d{2})?(\d{2})?(\d{2})?(\d{2})?", value)
    if not m:
        return value
    y, mo, d, h, mi, s = m.groups()
    out = f"{y}-{mo or '01'}-{d or '01'}"
    if h:
        out += f"T{h}:{mi or '00'}:{s or '00'}"
    return out


# A run: consecutive characters on one baseline in one font size, in content order.
# [x0, x1, top, bottom, size, bold, text, first_char_index]
Run = list


def _page_runs(textpage, height: float) -> tuple[list[Run], int]:
    """Split the page's character stream into runs of one baseline and size.

    Word by word: the loose boxes of a word's first and last characters give
    its extent and size (the loose box height is the font size, which pdfium's
    own font-size call gets wrong for scaled text matrices).  Only a word whose
    two ends disagree (a superscript glued on, mixed sizes) or that holds
    right-to-left letters is read character by character.
    """
    import pypdfium2.raw as R

    raw = textpage.raw
    n = R.FPDFText_CountChars(raw)
    if n <= 0:
        return [], 0
    text = textpage.get_text_range(0, n)
    if len(text) != n:  # characters outside the BMP: fall back to one code point per character
        text = "".join(chr(R.FPDFText_GetUnicode(raw, k) or 32) for k in range(n))
    text = text.replace("\ufffe", "-").replace("\x02", "-")  # pdfium's marker for a hyphen it took out
    rect = R.FS_RECTF()
    rect_ref = ctypes.byref(rect)
    box = R.FPDFText_GetLooseCharBox
    runs: list[Run] = []
    cur: Optional[Run] = None
    visible = 0

    def feed(left: float, right: float, top: float, bottom: float, size: float, token: str, k: int,
             spaced: bool) -> None:
        nonlocal cur
        if cur is not None:
            csize = cur[4]
            same_line = abs(bottom - cur[3]) <= 0.25 * csize and abs(size - csize) <= 0.15 * csize
            if same_line:
                rtl = not token.isascii() and (_rtl(token[0]) or _rtl(cur[6][-1]))
                if rtl:
                    back = cur[0] - right  # Arabic/Hebrew: pdfium gives logical order, so x steps leftwards
                    if -1.0 * csize <= back <= 1.5 * csize:
                        if (spaced or back > 0.1 * min(size, csize)) and not cur[6].endswith(" "):
                            cur[6] += " "
                        cur[6] += token
                        cur[0] = min(cur[0], left)
                        if top < cur[2]:
                            cur[2] = top
                        return
                gap = left - cur[1]
                if -1.0 * csize <= gap <= RUN_GAP * csize:
                    if (spaced or gap > 0.1 * min(size, csize)) and not cur[6].endswith(" "):
                        cur[6] += " "
                    cur[6] += token
                    if right > cur[1]:
                        cur[1] = right
                    if top < cur[2]:
                        cur[2] = top
                    return
        cur = [left, right, top, bottom, size, None, token, k]
        runs.append(cur)

    for m in _WORD.finditer(text):
        between, word = m.group(1), m.group(2)
        if between and ("\n" in between or "\r" in between):
            cur = None
        spaced = bool(between)
        s, e = m.start(2), m.end(2)
        box(raw, s, rect_ref)
        left, right, top, bottom = rect.left, rect.right, height - rect.top, height - rect.bottom
        size = bottom - top
        uniform = size > 0.5 and math.isfinite(left + right)
        if uniform and e - s > 1:
            box(raw, e - 1, rect_ref)
            lsize = rect.top - rect.bottom
            lbottom = height - rect.bottom
            uniform = abs(lsize - size) <= 0.15 * size and abs(lbottom - bottom) <= 0.15 * size and (
                word.isascii() or not any(_rtl(c) for c in word))
            right = rect.right
        if uniform:
            visible += e - s
            if cur is not None and word.isascii():  # the common case, inline: same line, next word
                csize = cur[4]
                gap = left - cur[1]
                if abs(bottom - cur[3]) <= 0.25 * csize and abs(size - csize) <= 0.15 * csize \
                        and -csize <= gap <= RUN_GAP * csize:
                    cur[6] = cur[6] + " " + word if (spaced or gap > 0.1 * min(size, csize)) else cur[6] + word
                    if right > cur[1]:
                        cur[1] = right
                    if top < cur[2]:
                        cur[2] = top
                    continue
            feed(left, right, top, bottom, size, word, s, spaced)
            continue
        for k in range(s, e):  # character by character
            box(raw, k, rect_ref)
            left, right, top, bottom = rect.left, rect.right, height - rect.top, height - rect.bottom
            size = bottom - top
            if not size > 0.5 or not math.isfinite(left + right):  # NaN/inf from absurd coordinates too
                continue
            visible += 1
            feed(left, right, top, bottom, size, text[k], k, spaced)
            spaced = False
    # weight once per run (and a font-name check when the weight is unknown)
    name = ctypes.create_string_buffer(128)
    flags = ctypes.c_int()
    upright: list[Run] = []
    for run in runs:
        k = run[7]
        angle = R.FPDFText_GetCharAngle(raw, k)
        if 0.1 < angle < 6.18:  # rotated text (margin slugs, vertical labels) is not part of the reading
            continue
        upright.append(run)
        w = R.FPDFText_GetFontWeight(raw, k)
        if w is None or w <= 0:
            R.FPDFText_GetFontInfo(raw, k, name, 128, ctypes.byref(flags))
            fontname = name.value.decode("latin-1", "replace").lower()
            run[5] = any(t in fontname for t in ("bold", "black", "heavy", "semibold", "demi")) or bool(
                flags.value & 0x40000
            )
        else:
            if w < 600:
                R.FPDFText_GetFontInfo(raw, k, name, 128, ctypes.byref(flags))
                fontname = name.value.decode("latin-1", "replace").lower()
                run[5] = any(t in fontname for t in ("bold", "black", "heavy", "semibold", "demi"))
            else:
                run[5] = True
        run[6] = run[6].rstrip()
    return upright, visible


# Runs split where the gap between words exceeds this many loose-box heights: wider than any
# justified word space, narrower than a column gutter (some producers' gutters are barely 1 em).
RUN_GAP = 0.9

_WORD = re.compile(r"([\s\xa0]*)([^\s\xa0]+)")


def _rtl(ch: str) -> bool:
    return unicodedata.bidirectional(ch) in ("R", "AL")


def _make_line(runs: list[Run], page_no: int, width: float, height: float) -> tuple[Optional[Line], list[str]]:
    """Join a visual line's runs; superscript markers after the first run are lifted out."""
    weight: dict[float, int] = {}
    for r in runs:
        key = round(r[4], 1)
        weight[key] = weight.get(key, 0) + len(r[6])
    size = max(weight, key=lambda k: (weight[k], k))
    base = max(r[3] for r in runs if r[4] >= size * 0.85)
    parts: list[str] = []
    marks: list[str] = []
    bold_chars = 0
    total = 0
    prev_x1: Optional[float] = None
    for i, r in enumerate(runs):
        text = r[6]
        if not text:
            continue
        small = r[4] < size * 0.8 and r[3] < base - 0.15 * size
        if i > 0 and small and len(text) <= 3 and re.fullmatch(r"[0-9*†‡§¶]+", text):
            marks.append(text)
            prev_x1 = r[1]
            continue
        if prev_x1 is not None and parts:
            after_mark = bool(marks) and runs[i - 1][6] == marks[-1]
            if after_mark and text[:1] in ".,;:)]!?’”'\"":
                pass  # "arrangements¹." reads "arrangements."
            elif r[0] - prev_x1 > 0.15 * r[4] and not parts[-1].endswith(" "):
                parts.append(" ")
        parts.append(text)
        prev_x1 = r[1]
        n = len(text)
        total += n
        if r[5]:
            bold_chars += n
    text = clean_text("".join(parts)).strip()
    if not text:
        return None, marks
    main = [r for r in runs if abs(r[4] - size) <= 0.15 * size] or runs
    body_size = size
    line = Line(
        text=text,
        page=page_no,
        x0=round(runs[0][0], 2),
        x1=round(max(r[1] for r in runs), 2),
        top=round(min(r[2] for r in main), 2),
        bottom=round(max(r[3] for r in main), 2),
        size=round(body_size, 2),
        bold=total > 0 and bold_chars >= 0.6 * total,
        page_height=round(height, 2),
        page_width=round(width, 2),
    )
    return line, marks


