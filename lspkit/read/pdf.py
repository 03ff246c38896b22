"""What every PDF engine shares: the checks before any parse, and the way from runs to a Reading.

An engine only turns a page into runs (characters on one baseline in one size,
with position and weight) and ruling segments; opening and refusing files,
reading order, line assembly, superscript markers, ruled tables and warnings
are done here, the same for every engine, so two engines differ only where
they read the characters differently.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import Any, Optional

from ..infra import progress
from ..infra.errors import EncryptedError, InputInvalidError, LimitError, NoTextLayerError
from ..model import Line, Reading, TableRegion
from .tables import _grid_tables
from .text import clean_text

_UNMAPPED = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffd]")

# A run: consecutive characters on one baseline in one font size, in content order.
# [x0, x1, top, bottom, size, bold, text, first_char_index]
Run = list


@dataclass(frozen=True)
class Opened:
    """A PDF that passed the checks: its pages, the ones asked for, and its Info metadata."""

    pdf: Any  # a pypdfium2.PdfDocument, open; the caller closes it
    page_count: int
    wanted: list[int]
    metadata: dict[str, Any]


def open_checked(path: str, data: bytes, *, pages, password, max_pages) -> Opened:
    """Open `data` with pypdfium2 after the checks every engine needs (truncation, bombs, password, page limits).

    Done with pdfium whatever the engine, so a bad file gets the same message
    and exit status from every engine.
    """
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
    except BaseException:
        pdf.close()
        raise
    return Opened(pdf=pdf, page_count=n, wanted=wanted, metadata=meta)


class Collector:
    """Pages in, a Reading out: runs become ordered lines, rulings become tables, problems become warnings."""

    def __init__(self, path: str, sha: str, opened: Opened):
        self.path = path
        self.sha = sha
        self.opened = opened
        self.lines: list[Line] = []
        self.markers: list[tuple[int, int, str]] = []
        self.sizes: dict[int, tuple[float, float]] = {}
        self.tables: list[TableRegion] = []
        self.chars_total = 0
        self.empty_pages: list[int] = []
        self.broken_pages: list[int] = []
        self.unmapped = 0
        self.unmapped_pages: dict[int, None] = {}
        progress.document(path, len(opened.wanted))  # pages read, for a bar if the caller draws one

    def broken(self, page_no: int) -> None:
        """A page that cannot be loaded (a cyclic or too-deep page tree, a missing page object)."""
        self.broken_pages.append(page_no)
        progress.page_done()

    def page(self, page_no: int, width: float, height: float, runs: list[Run], count: int, rulings=None) -> None:
        """One page: its runs, its count of visible characters and its ruling segments (hs, vs), if any."""
        from .layout import order_runs

        progress.page_done()

        self.sizes[page_no] = (width, height)
        self.chars_total += count
        if count == 0:
            self.empty_pages.append(page_no)
        if runs and rulings is not None:
            hs, vs = rulings
            if len(hs) >= 2 and len(vs) >= 2:
                self.tables.extend(_grid_tables(hs, vs, runs, page_no))
        for line_runs in order_runs(runs, width):
            line, marks = make_line(line_runs, page_no, width, height)
            if line is not None and _UNMAPPED.search(line.text):
                # glyph codes from a font without a Unicode map: never let control bytes into the text
                text = _UNMAPPED.sub("", line.text)
                self.unmapped += len(line.text) - len(text)
                self.unmapped_pages.setdefault(page_no, None)
                text = " ".join(text.split())
                line = replace(line, text=text) if text else None
            if line is not None:
                for m in marks:
                    self.markers.append((page_no, len(self.lines), m))
                self.lines.append(line)

    def reading(self) -> Reading:
        """The Reading, or the error that the whole file deserves."""
        path, wanted = self.path, self.opened.wanted
        if self.broken_pages and len(self.broken_pages) == len(wanted):
            raise InputInvalidError("corrupt PDF (no page can be loaded: broken page tree)", path)
        if self.chars_total == 0:
            raise NoTextLayerError("no text layer; OCR is not supported", path)
        if self.unmapped >= 0.5 * self.chars_total:
            raise InputInvalidError(
                f"no readable text: {self.unmapped} of {self.chars_total} characters are glyph codes from fonts "
                "without a Unicode map (re-export the PDF with embedded ToUnicode maps, or OCR it)",
                path,
            )
        warnings: list[str] = []
        if self.unmapped:
            shown = _pages_shown(list(self.unmapped_pages))
            warnings.append(f"{self.unmapped} character(s) on page(s) {shown} have no Unicode mapping (font without ToUnicode) and were left out")
        if self.broken_pages:
            shown = _pages_shown(self.broken_pages)
            warnings.append(f"page(s) {shown} cannot be loaded (corrupt page tree), so they were skipped")
        if self.empty_pages and len(self.empty_pages) < len(wanted):
            shown = _pages_shown(self.empty_pages)
            warnings.append(f"page(s) {shown} have no text layer (scanned?); OCR is not supported, so they were skipped")
        return Reading(
            path=path,
            sha256=self.sha,
            page_count=self.opened.page_count,
            lines=self.lines,
            kind="pdf",
            tables=self.tables,
            metadata=self.opened.metadata,
            page_sizes=self.sizes,
            pages=tuple(wanted),
            markers=self.markers,
            warnings=tuple(warnings),
        )


def _pages_shown(pages: list[int]) -> str:
    return ", ".join(str(p) for p in pages[:10]) + (" ..." if len(pages) > 10 else "")


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


BOLD_NAMES = ("bold", "black", "heavy", "semibold", "demi")


def bold_name(fontname: str) -> bool:
    """A font name that says bold (Arial-BoldMT, LiberationSans-Bold, ABCDEF+Foo-Black)."""
    fontname = fontname.lower()
    return any(t in fontname for t in BOLD_NAMES)


def make_line(runs: list[Run], page_no: int, width: float, height: float) -> tuple[Optional[Line], list[str]]:
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


