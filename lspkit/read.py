"""Read a PDF or a text file into Lines with the layout facts the segmenter needs.

PDFs are read through pypdfium2's character stream (one C call per word for
its loose box, which also gives the font size; one per run for weight):
pdfplumber's layout analysis is roughly 60 times slower and holds every page
in memory.  Ruled tables are found from the page's own path objects (thin
rules and rectangle edges), the cells filled from the same runs, so no page is
parsed twice.  Plain text goes through the same segmenter with indentation as
x and form feeds as page breaks.
"""
from __future__ import annotations

import ctypes
import math
import os
import re
import sys
import unicodedata
from dataclasses import dataclass, field, replace
from typing import Any, Optional, Sequence

from .errors import EncryptedError, InputInvalidError, InputMissingError, LimitError, NoTextLayerError
from .model import Line

TEXT_SUFFIXES = {".txt", ".text", ".md", ".markdown", ".rst"}
# C0/C1 control characters and U+FFFD: what pdfium returns for a glyph code with no Unicode mapping
_UNMAPPED = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufffd]")


@dataclass(frozen=True)
class TableRegion:
    """A ruled table found on a page: its box (x0, top, x1, bottom) and cells."""

    page: int
    bbox: tuple[float, float, float, float]
    rows: tuple[tuple[str, ...], ...]


@dataclass(frozen=True)
class Reading:
    """Everything the segmenter needs from one input, and nothing it does not."""

    path: str
    sha256: str
    page_count: int
    lines: list[Line]
    kind: str = "pdf"  # "pdf" or "text"
    tables: list[TableRegion] = field(default_factory=list)
    metadata: dict[str, Any] = field(default_factory=dict)
    page_sizes: dict[int, tuple[float, float]] = field(default_factory=dict)
    pages: tuple[int, ...] = ()
    # (page, line index in `lines`, label): superscript footnote markers removed from line text
    markers: list[tuple[int, int, str]] = field(default_factory=list)
    warnings: tuple[str, ...] = ()


# ---------------------------------------------------------------- entry point


def read_lines(
    path: str,
    *,
    pages: Optional[Sequence[int]] = None,
    password: Optional[str] = None,
    max_pages: Optional[int] = None,
) -> Reading:
    """Read `path` ("-" is standard input) into a Reading; raises LspkitError subclasses on bad input."""
    if path == "-":
        data = sys.stdin.buffer.read()
        return _read_bytes("<stdin>", data, pages=pages, password=password, max_pages=max_pages)
    if not os.path.exists(path):
        raise InputMissingError("no such file", path)
    if os.path.isdir(path):
        raise InputMissingError("is a directory, not a file", path)
    if os.path.isfile(path):
        _check_size(os.path.getsize(path), path)  # before reading it all into memory
    try:
        if os.path.isfile(path):
            with open(path, "rb") as f:
                data = f.read()
        else:
            data = _read_special(path)
    except OSError as exc:
        raise InputMissingError(f"cannot read ({exc.strerror or exc})", path) from None
    return _read_bytes(path, data, pages=pages, password=password, max_pages=max_pages)


def _read_special(path: str) -> bytes:
    """A FIFO or process substitution: never block in open() when nobody writes (then it reads as empty)."""
    import stat

    if stat.S_ISCHR(os.stat(path).st_mode) or stat.S_ISBLK(os.stat(path).st_mode):
        raise InputInvalidError("a device, not a file", path)
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    try:
        if hasattr(os, "set_blocking"):
            os.set_blocking(fd, True)  # a writer that is there may take its time
        with os.fdopen(fd, "rb", closefd=False) as f:
            return f.read()
    finally:
        os.close(fd)


MAX_INPUT_BYTES = 2**31 - 1  # pdfium aborts the whole process (SIGABRT) on a file of 2 GiB or more


def _check_size(size: int, path: str) -> None:
    if size > MAX_INPUT_BYTES:
        raise LimitError(f"file is {size // (1024 * 1024)} MB; files of 2 GB or more cannot be read", path)


def _read_bytes(path: str, data: bytes, *, pages, password, max_pages) -> Reading:
    import hashlib

    _check_size(len(data), path)
    sha = hashlib.sha256(data).hexdigest()
    if not data.strip():
        raise InputInvalidError("empty file", path)
    if b"%PDF-" in data[:1024]:
        return _read_pdf(path, data, sha, pages=pages, password=password, max_pages=max_pages)
    suffix = os.path.splitext(path)[1].lower()
    text = _decode_text(data)
    if text is None and suffix in TEXT_SUFFIXES:
        raise InputInvalidError("not a text file (binary data, or an encoding other than UTF-8/UTF-16/cp1252)", path)
    if suffix == ".pdf" or text is None:
        raise InputInvalidError(f"not a PDF ({_sniff(data)})", path)
    return read_text(path, text, sha=sha, pages=pages)


def _sniff(data: bytes) -> str:
    head = data[:16]
    known = [
        (b"\x89PNG", "it is a PNG image"),
        (b"\xff\xd8\xff", "it is a JPEG image"),
        (b"PK\x03\x04", "it is a ZIP archive, e.g. a Word .docx"),
        (b"\xd0\xcf\x11\xe0", "it is an old Office document"),
        (b"GIF8", "it is a GIF image"),
        (b"II*\x00", "it is a TIFF image"),
        (b"MM\x00*", "it is a TIFF image"),
    ]
    for magic, what in known:
        if head.startswith(magic):
            return what
    lowered = data[:512].lower()
    if b"<html" in lowered or b"<!doctype html" in lowered:
        return "it is an HTML page"
    if _decode_text(data[:4096]) is not None:
        return "it is plain text; give it a .txt extension to read it as text"
    return "no %PDF header"


def _decode_text(data: bytes) -> Optional[str]:
    if b"\x00" in data[:8192] and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return None
    for enc in ("utf-8-sig", "utf-16") if data.startswith((b"\xff\xfe", b"\xfe\xff")) else ("utf-8-sig",):
        try:
            return data.decode(enc)
        except UnicodeDecodeError:
            pass
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        return None
    controls = sum(1 for c in text[:8192] if ord(c) < 32 and c not in "\r\n\t\f")
    return None if controls > 8 else text


# ---------------------------------------------------------------- text normalisation

_LIGATURES = {chr(c) for c in range(0xFB00, 0xFB07)}
_LIGATURE_RE = re.compile("[\ufb00-\ufb06]")
_SPACES = re.compile(r"[\u00a0\u2000-\u200a\u202f\u205f\u3000\t]+")
_ZERO_WIDTH = re.compile(r"[\u00ad\u200b-\u200d\u2060\ufeff]")


def clean_text(text: str) -> str:
    """Ligatures to letters, odd spaces to spaces, soft hyphens and zero-width characters out."""
    if _LIGATURE_RE.search(text):
        text = _LIGATURE_RE.sub(lambda m: unicodedata.normalize("NFKC", m.group(0)), text)
    text = _ZERO_WIDTH.sub("", text)
    text = text.replace("\u2010", "-").replace("\u2011", "-")
    return _SPACES.sub(" ", text)


# ---------------------------------------------------------------- plain text

_MD_HEADING = re.compile(r"^\s{0,3}#{1,6}\s+")
_MD_NUMBER_MARKER = re.compile(r"^(\s*)[-*+]\s+(?=(?:\d+(?:\.\d+)*\.?|\([a-z]{1,4}\)|[a-z]\)|Q\d+|Question\s+\d+)\s)")
_MD_STRONG = re.compile(r"\*\*|__")
_MD_EM = re.compile(r"(?<![\w*])\*(?=\S)([^*\n]+?)(?<=\S)\*(?![\w*])")
_MD_AUTOLINK = re.compile(r"<((?:https?://|mailto:|www\.)[^<>\s]+)>")  # no '<' inside: linear on '<http://' * n
_MD_LINK = re.compile(r"\[([^\[\]]+)\]\((?:https?://|mailto:)[^()\s]+\)")  # no '[' inside: 100,000 '[' took minutes


def read_text(path: str, text: str, *, sha: str = "", pages: Optional[Sequence[int]] = None) -> Reading:
    """Plain text or Markdown: indentation is x, form feeds are page breaks, `**bold**` is bold."""
    if not sha:
        import hashlib

        sha = hashlib.sha256(text.encode("utf-8")).hexdigest()
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    page_texts = text.split("\f")
    wanted = set(pages) if pages else None
    lines: list[Line] = []
    in_strong = False
    y = 0.0
    for page_no, page_text in enumerate(page_texts, start=1):
        if wanted is not None and page_no not in wanted:
            continue
        y = 0.0
        for raw in page_text.split("\n"):
            y += 12.0
            expanded = raw.expandtabs(4).rstrip()
            if not expanded.strip():
                lines.append(Line(text="", page=page_no, top=y, bottom=y + 10))
                continue
            bold = in_strong
            heading = bool(_MD_HEADING.match(expanded))
            if heading:
                expanded = _MD_HEADING.sub("", expanded)
            expanded = _MD_NUMBER_MARKER.sub(r"\1", expanded)
            indent = len(expanded) - len(expanded.lstrip(" "))
            body = expanded.strip()
            # bold: the line starts bold (inside or opening a ** span) and most of it is bold
            marks = [m.start() for m in _MD_STRONG.finditer(body)]
            if marks:
                if not in_strong and marks[0] == 0:
                    bold = len(marks) == 1 or marks[1] >= len(body) * 0.6 or marks[1] == len(body) - 2
                if len(marks) % 2 == 1:
                    in_strong = not in_strong
            body = _MD_STRONG.sub("", body)
            body = _MD_EM.sub(r"\1", body)
            body = _MD_LINK.sub(r"\1", body)
            body = _MD_AUTOLINK.sub(r"\1", body)
            body = clean_text(body).strip()
            if not body:
                lines.append(Line(text="", page=page_no, top=y, bottom=y + 10))
                continue
            lines.append(
                Line(text=body, page=page_no, x0=float(indent), x1=float(indent + len(body)), top=y, bottom=y + 10,
                     size=0.0, bold=bold or heading)
            )
    return Reading(
        path=path,
        sha256=sha,
        page_count=len(page_texts),
        lines=lines,
        kind="text",
        tables=_pipe_tables(lines),
        pages=tuple(sorted(wanted)) if wanted else tuple(range(1, len(page_texts) + 1)),
    )


_PIPE_RULE = re.compile(r"^\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?$")


def _pipe_tables(lines: list[Line]) -> list[TableRegion]:
    """Markdown pipe tables (`| a | b |` lines) as tables, so their cells stay out of paragraphs."""
    out: list[TableRegion] = []
    i = 0
    while i < len(lines):
        j = i
        while j < len(lines) and lines[j].text.startswith("|") and lines[j].text.endswith("|") \
                and lines[j].page == lines[i].page:
            j += 1
        if j - i >= 2:
            rows = [tuple(c.strip() for c in ln.text.strip("|").split("|"))
                    for ln in lines[i:j] if not _PIPE_RULE.match(ln.text)]
            if len(rows) >= 2 and max(len(r) for r in rows) >= 2:
                out.append(TableRegion(page=lines[i].page, bbox=(-1.0, lines[i].top - 1, 1e9, lines[j - 1].bottom + 1),
                                       rows=tuple(rows)))
            i = j
        else:
            i += 1
    return out


# ---------------------------------------------------------------- PDF


def _read_pdf(path: str, data: bytes, sha: str, *, pages, password, max_pages) -> Reading:
    import pypdfium2 as pdfium

    tail = data[-2048:]
    if b"%%EOF" not in tail:
        raise InputInvalidError("truncated or corrupt PDF (no end-of-file marker)", path)
    from .pdfguard import check_streams

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


def _rulings(page, height: float) -> tuple[list[tuple[float, float, float]], list[tuple[float, float, float]]]:
    """Thin path objects as ruling segments, in top-down page coordinates.

    Horizontal segments are (y, x0, x1), vertical ones (x, top, bottom); the
    edges of a rectangle count as four segments, as table cell borders are
    often drawn as stroked or filled rectangles.
    """
    import pypdfium2.raw as R

    hs: list[tuple[float, float, float]] = []
    vs: list[tuple[float, float, float]] = []
    try:
        raw = page.raw
        l_, b_, r_, t_ = ctypes.c_float(), ctypes.c_float(), ctypes.c_float(), ctypes.c_float()
        refs = (ctypes.byref(l_), ctypes.byref(b_), ctypes.byref(r_), ctypes.byref(t_))
        for i in range(R.FPDFPage_CountObjects(raw)):  # raw calls: wrapping every object costs more than the test
            obj = R.FPDFPage_GetObject(raw, i)
            if R.FPDFPageObj_GetType(obj) != R.FPDF_PAGEOBJ_PATH or not R.FPDFPageObj_GetBounds(obj, *refs):
                continue
            left, right, top, bottom = l_.value, r_.value, height - t_.value, height - b_.value
            w, h = right - left, bottom - top
            if w >= 4 and h <= 3:
                hs.append(((top + bottom) / 2, left, right))
            elif h >= 4 and w <= 3:
                vs.append(((left + right) / 2, top, bottom))
            elif w > 3 and h > 3:
                hs.extend([(top, left, right), (bottom, left, right)])
                vs.extend([(left, top, bottom), (right, top, bottom)])
            if len(hs) + len(vs) > 4000:
                break  # a drawing, not a table
    except Exception:  # a broken path object must not stop the reading
        return [], []
    return hs, vs


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


def _grid_tables(hs, vs, runs: list, page_no: int) -> list[TableRegion]:
    """Ruled tables from the page's own rulings: connected grids of horizontal and vertical lines,
    cells filled with the runs whose centres fall inside them."""
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
        ys = _distinct(sorted(line[0] for line in hl if line[2] - line[1] >= 0.5 * (right - left)))
        xs = _distinct(sorted(line[0] for line in vl if line[2] - line[1] >= 0.5 * (bottom - top)))
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
        if len(rows) < 2 or ncols < 2 or _layout_table(rows):
            continue
        bbox = (round(xs[0], 2), round(ys[0], 2), round(xs[-1], 2), round(ys[-1], 2))
        tables.append(TableRegion(page=page_no, bbox=bbox, rows=tuple(rows)))
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


def _distinct(values: list[float], tol: float = 2.0) -> list[float]:
    out: list[float] = []
    for v in values:
        if not out or v - out[-1] > tol:
            out.append(v)
    return out


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
    return numbered and bool(others) and sum(len(c) for c in others) / len(others) > 60
