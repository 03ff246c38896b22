"""What every PDF engine shares: the checks before any parse, and the way from runs to a Reading.

An engine only turns a page into runs (characters on one baseline in one size,
with position and weight) and ruling segments; opening and refusing files,
reading order, line assembly, superscript markers, ruled tables and warnings
are done here, the same for every engine, so two engines differ only where
they read the characters differently.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field, fields, replace
from typing import Any, Optional

from ..infra import progress
from ..infra.errors import EncryptedError, InputInvalidError, LimitError, NoTextLayerError
from ..model import ChangeOp, Line, Reading, TableRegion, TrackedChange
from .tables import _grid_tables, box_of, drawn_boxes
from .text import clean_text

_UNMAPPED = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffd]")

# A run: consecutive characters on one baseline in one font size, in content order.
# [x0, x1, top, bottom, size, bold, text, first_char_index] and, from an engine that reads tracked
# changes, [8] the ChangeOp its characters are marked with (None: unchanged).
Run = list

TRACKED_MODES = ("final", "original")  # read the text after the tracked changes, or before them


def run_op(run: Run) -> Optional[ChangeOp]:
    return run[8] if len(run) > 8 else None


# A glyph's evidence of a tracked change, as an engine sees it on one page: (line, colour).  `line` is
# STRUCK (a thin line through the middle of the glyph), UNDER (a thin line at its baseline), BARRED
# (underlined, on a line with a change bar in the margin) or None; `colour` is the fill colour as 0..255
# RGB when it is a colour (not black, grey or white), else None; a third item, where there is one, is the
# colour of the highlight the glyph sits on (`ChangeMarks.background`).  A run carries it in [8] until the
# Collector, having seen the whole document, decides which marks are changes (`MarkRules`).
STRUCK, UNDER, BARRED = "struck", "under", "barred"
Mark = tuple


def mark_colour(rgb: Optional[tuple]) -> Optional[tuple]:
    """A fill colour that can mark a change: saturated, not black, grey or white."""
    if rgb is None or max(rgb) - min(rgb) < 60:
        return None
    return tuple(rgb)


class ChangeMarks:
    """A page's drawn lines that can mark tracked changes: strike-throughs, underlines, change bars.

    Word and LibreOffice export a document "with tracked changes" as coloured
    text: a deletion struck through (a thin line across the middle of the
    glyphs), an insertion underlined (a thin line at the baseline), often a
    change bar in the margin beside each changed line; a browser's print of a
    redline or an inspector's schedule of modifications strikes and underlines
    black text, or colours insertions without underlining them.  Here each
    glyph only gets its evidence (`mark`); what counts as a change is decided
    for the whole document (`MarkRules`).  Lines that belong to a table's grid
    or a box (they touch a vertical line) are borders, never marks.
    """

    def __init__(self, hs: list, vs: list, width: float, highlights: tuple = ()):
        # a highlight's edges are no drawn lines: a strike-through running to the highlight's end touches them
        # (a border), and its bottom edge would underline the text on it; nor are a white panel's (colour None)
        self.highlights = sorted((b for b in highlights if b[4] is not None), key=lambda b: b[1])
        if highlights:
            gone_h = {(round(y, 1), round(b[0], 1), round(b[2], 1)) for b in highlights for y in (b[1], b[3])}
            gone_v = {(round(x, 1), round(b[1], 1), round(b[3], 1)) for b in highlights for x in (b[0], b[2])}
            hs = [h for h in hs if (round(h[0], 1), round(h[1], 1), round(h[2], 1)) not in gone_h]
            vs = [v for v in vs if (round(v[0], 1), round(v[1], 1), round(v[2], 1)) not in gone_v]
        self.tops = [b[1] for b in self.highlights]
        hs, vs = _thin_boxes_as_lines([h for h in hs if h[2] - h[1] >= 2], vs)
        # a cell border or a box's edge meets a vertical line at its ends or crosses one
        self.hs = sorted(h for h in hs if not any(
            h[1] - 2 <= v[0] <= h[2] + 2 and v[1] - 2 <= h[0] <= v[2] + 2 for v in vs))
        self.ys = [h[0] for h in self.hs]
        # change bars: thin vertical lines in the outer quarters of the page that touch no horizontal line
        # (a table's cell borders do)
        self.bars = [
            v for v in vs
            if (v[0] < 0.25 * width or v[0] > 0.75 * width) and not any(
                h[1] - 2 <= v[0] <= h[2] + 2 and v[1] - 2 <= h[0] <= v[2] + 2 for h in hs)
        ]

    @classmethod
    def of_page(cls, rulings, width: float, highlights: Optional[list] = None) -> Optional["ChangeMarks"]:
        if not rulings or not rulings[0]:
            return None
        marks = cls(rulings[0], rulings[1], width, tuple(highlights or ()))
        return marks if marks.hs or marks.highlights else None

    def background(self, left: float, right: float, top: float, bottom: float) -> Optional[tuple]:
        """The colour of the highlight this box sits on: one whose band holds the box's middle and is at most
        twice the type's height (a shaded box around a title or a table is no highlight of a line)."""
        size = bottom - top
        cx, cy = (left + right) / 2, (top + bottom) / 2
        k = bisect.bisect_right(self.tops, cy)
        while k > 0:  # the highlights whose top is above the middle, nearest first, back one highlight's height
            k -= 1
            x0, y0, x1, y1, rgb = self.highlights[k]
            if y0 < cy - 30:
                break
            if cy <= y1 and x0 <= cx <= x1 and y1 - y0 <= 2 * size:
                return rgb
        return None

    def near(self, left: float, right: float, top: float, bottom: float) -> bool:
        """Does a horizontal line cross or underline this box, or a highlight lie under it?  (Cheap: the test
        before any colour is read.)"""
        if self.highlights and any(self.background(x, x, top, bottom) is not None
                                   for x in (left + 1, (left + right) / 2, right - 1)):
            return True  # (a word's ends too: "offensive" + an inserted "," glued on)
        if not self.hs:
            return False
        size = bottom - top
        i = bisect.bisect_left(self.ys, top + 0.1 * size)
        while i < len(self.hs) and self.hs[i][0] <= bottom + 0.25 * size:
            y, x0, x1 = self.hs[i]
            if x0 - 1 <= right and x1 + 1 >= left:
                return True
            i += 1
        return False

    def mark(self, left: float, right: float, top: float, bottom: float, rgb: Optional[tuple]) -> Optional[Mark]:
        """The evidence one glyph (its loose box, top-down, and fill colour) shows, if any."""
        size = bottom - top
        cx = (left + right) / 2
        i = bisect.bisect_left(self.ys, top + 0.1 * size)
        under = struck = False
        while i < len(self.hs) and self.hs[i][0] <= bottom + 0.25 * size:
            y, x0, x1 = self.hs[i]
            i += 1
            if not x0 - 0.5 <= cx <= x1 + 0.5:
                continue
            rel = (bottom - y) / size  # the loose box runs from the ascent to the descent
            if 0.3 <= rel <= 0.8:
                struck = True
            elif -0.25 <= rel < 0.3:
                under = True
        colour = mark_colour(rgb)
        bg = self.background(left, right, top, bottom) if self.highlights else None
        tail = (bg,) if bg is not None else ()  # a highlight's colour, third, only where there is one
        if struck:
            return (STRUCK, colour) + tail
        if under:
            barred = any(b[1] - 0.5 * size <= bottom and b[2] + 0.5 * size >= top for b in self.bars)
            return (BARRED if barred else UNDER, colour) + tail
        return (None, colour) + tail if colour or bg else None


def _thin_boxes_as_lines(hs: list, vs: list) -> tuple[list, list]:
    """A box at most 5 pt tall and much wider than tall is one drawn line at its middle: pdfium gives a
    stroked line's bounds padded on every side by its stroke width, which the rulings take for a
    rectangle's four edges."""
    by_extent: dict = {}
    for h in hs:
        by_extent.setdefault((round(h[1], 1), round(h[2], 1)), []).append(h[0])
    edges = {(round(v[0], 1), round(v[1], 1), round(v[2], 1)) for v in vs}
    lines: list = []
    gone_h: set = set()
    gone_v: set = set()
    for (x0, x1), ys in by_extent.items():
        if len(ys) < 2:
            continue
        ys = sorted(ys)
        for a, b in zip(ys, ys[1:]):
            if 0 < b - a <= 5 and x1 - x0 >= 2 * (b - a):
                left, right = (x0, round(a, 1), round(b, 1)), (x1, round(a, 1), round(b, 1))
                if left in edges and right in edges:
                    pad = (b - a) / 2  # the padding is on every side: the line's ends too
                    lines.append(((a + b) / 2, x0 + pad, x1 - pad))
                    gone_h.update({(a, x0, x1), (b, x0, x1)})
                    gone_v.update({left, right})
    if not lines:
        return hs, vs
    hs = [h for h in hs if (h[0], round(h[1], 1), round(h[2], 1)) not in gone_h] + lines
    vs = [v for v in vs if (round(v[0], 1), round(v[1], 1), round(v[2], 1)) not in gone_v]
    return hs, vs


# The name of a mark, printed in that mark by a legend ("deletions shown as strikethrough, additions underlined").
_LEGEND = re.compile(r"^\W*(?:strike[- ]?through|struck[- ]?through|struck|strike[- ]?out|underlin(?:e|ed|ing)|"
                     r"double[- ]underlin(?:e|ed|ing))\W*$", re.I)


class MarkRules:
    """Which glyph marks are tracked changes, decided from the whole document's marks.

    - struck-through text is deleted, whatever its colour;
    - a colour (not the body text's) that the document also strikes through is the markup's colour: its text
      not struck through is inserted, underlined or not (a redline that colours insertions);
    - underlined coloured text on a line with a change bar is inserted;
    - underlined text in the body colour is inserted only where the markup is monochrome: the document strikes
      through more body-coloured text than markup-coloured (an inspector's schedule of modifications), and only
      in the markup's pages: a page with struck-through text, and the pages next to it, and on from them while
      each page underlines body-coloured text (a schedule whose first pages only insert); an inspector's report
      underlines its run-in headings and strikes and underlines only in its appendix of modifications.
    - a highlight colour whose text is (80% or more) struck through is the deletions' highlight; where there is
      one, text on a highlight of another colour that is (nearly) never struck is inserted (a print that shades
      insertions and struck deletions in two colours, as Aspose renders Word's markup), and unstruck text on the
      deletions' own highlight is deleted too (a space or a glyph the strike-through stops short of); a highlight
      struck through here and there (a marker pen over text, some of it struck) is neither.
    A hyperlink or heading in a colour never struck through, and underlined headings of a document whose
    markup is coloured, are not changes; nor is a highlight in a document that strikes through nothing on one.
    """

    MIN_STRUCK = 3  # glyphs struck through in a colour before the colour is the markup's
    MIN_MONO = 8  # body-coloured glyphs struck through before its underlines are insertions
    HIGHLIGHT_SHARE = 0.8  # of a highlight's glyphs struck through (deletions') or not (insertions')

    def __init__(self, counts: dict, struck_pages: frozenset = frozenset(), under_pages: frozenset = frozenset()):
        """`counts`: glyphs per mark over the document ({(line, colour): n}, unmarked body text under None);
        `struck_pages`: the pages with struck-through text; `under_pages`: the pages with underlined
        body-coloured text."""
        self.struck_pages = struck_pages
        self.markup_pages = set(struck_pages) | {p + d for p in struck_pages for d in (-1, 1)}
        for page in struck_pages:  # on from a struck page over consecutive pages that underline
            for step in (-1, 1):
                q = page + step
                while q in under_pages and q not in struck_pages:
                    self.markup_pages.add(q)
                    q += step
        body = counts.get(None, 0)
        totals: dict = {}
        for mark, n in counts.items():
            if mark is not None and mark[1] is not None:
                totals[mark[1]] = totals.get(mark[1], 0) + n
        self.colours = {c for c, n in totals.items()
                        if counts.get((STRUCK, c), 0) >= self.MIN_STRUCK and n < body}
        struck = counts.get((STRUCK, None), 0)
        self.mono = struck >= self.MIN_MONO and struck > sum(counts.get((STRUCK, c), 0) for c in self.colours)
        struck_on: dict = {}  # glyphs struck through per highlight colour
        on: dict = {}  # glyphs per highlight colour
        for mark, n in counts.items():
            if mark is not None and len(mark) > 2:
                on[mark[2]] = on.get(mark[2], 0) + n
                if mark[0] == STRUCK:
                    struck_on[mark[2]] = struck_on.get(mark[2], 0) + n
        # the deletions' highlight: struck through (nearly) wherever it is; the insertions': (nearly) never
        self.deleted_on = {c for c, n in struck_on.items()
                           if n >= self.MIN_STRUCK and n >= self.HIGHLIGHT_SHARE * on[c]}
        self.inserted_on = {c for c, n in on.items() if c not in self.deleted_on
                            and struck_on.get(c, 0) <= (1 - self.HIGHLIGHT_SHARE) * n} if self.deleted_on else set()

    def op(self, mark: Optional[Mark], page: int = 0, text: str = "") -> Optional[ChangeOp]:
        """The change a run marked so is (`text`: the run's text, so a legend's sample is none)."""
        if mark is None:
            return None
        if _LEGEND.match(text):
            return None  # "deleted text shown as strike through": the legend shows its mark on the mark's name
        line, colour = mark[0], mark[1]
        if line == STRUCK:
            return ChangeOp.DELETED
        if len(mark) > 2 and mark[2] in self.deleted_on:
            return ChangeOp.DELETED
        if len(mark) > 2 and mark[2] in self.inserted_on:
            return ChangeOp.INSERTED
        if colour is not None and (colour in self.colours or line == BARRED):
            return ChangeOp.INSERTED
        if line == UNDER and colour is None and self.mono and page in self.markup_pages:
            return ChangeOp.INSERTED
        return None


@dataclass(frozen=True)
class Opened:
    """A PDF that passed the checks: its pages, the ones asked for, and its Info metadata."""

    pdf: Any  # a pypdfium2.PdfDocument, open; the caller closes it
    page_count: int
    wanted: list[int]
    metadata: dict[str, Any]


def quiet_pdfium_shutdown() -> None:
    """pypdfium2 closes what is still open at interpreter exit and writes a warning line straight to stderr for each
    object a Ctrl-C left half-closed ("Weakref ... was not cleaned up from ObjectTracker?"): after "lspkit:
    interrupted" a user must see nothing else, so its shutdown warnings are kept for its own debug setting."""
    try:
        import logging

        from pypdfium2_cfg import DEBUG_AUTOCLOSE
    except ImportError:  # an older pypdfium2 has no such warnings
        return
    if DEBUG_AUTOCLOSE.value >= logging.WARNING:  # not lowered by a user debugging pypdfium2 itself
        DEBUG_AUTOCLOSE.value = logging.ERROR


def open_checked(path: str, data: bytes, *, pages, password, max_pages) -> Opened:
    """Open `data` with pypdfium2 after the checks every engine needs (truncation, bombs, password, page limits).

    Done with pdfium whatever the engine, so a bad file gets the same message
    and exit status from every engine.
    """
    import pypdfium2 as pdfium

    quiet_pdfium_shutdown()
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


@dataclass
class PageLayout:
    """One page's share of a Reading, worked out from that page alone (so a worker process can do it):
    its size, visible characters, ruled tables, footnote rule and lines (with their note markers).

    A page whose glyphs carry change marks keeps its runs in reading order (`ordered`) instead of lines:
    which marks are changes is decided only once the whole document is read (`MarkRules`)."""

    page_no: int
    width: float = 0.0
    height: float = 0.0
    count: int = 0
    tables: list = field(default_factory=list)  # (TableRegion, its runs with change marks, its cells or None)
    foot_rule: Optional[float] = None
    lines: list = field(default_factory=list)  # (Line, [marker, ...]) in reading order
    ordered: Optional[list] = None  # a marked page: its runs in lines, made into lines after MarkRules
    mark_counts: dict = field(default_factory=dict)  # glyphs per change mark (None: unmarked)
    struck: bool = False  # some glyph on the page is struck through
    broken: bool = False  # the page cannot be loaded
    boxes: list = field(default_factory=list)  # boxes drawn around text (x0, top, x1, bottom), `tables.drawn_boxes`
    plain: bool = False  # lines only, none with a note marker or an unmapped character: taken over as they are
    pictures: list = field(default_factory=list)  # small pictures a line high (x0, top, x1, bottom): drawn labels?
    scan: bool = False  # an image over the page and no text layer to speak of (`ocr.scanned_cover`)
    # a scan left for OCR (lines empty until `Collector.read_scans`): the few runs its text layer has, kept
    kept: Optional[list] = None
    ocr: bool = False  # its lines were read by OCR


def lay_out_page(page_no: int, width: float, height: float, runs: list[Run], count: int, rulings=None,
                 tracked: str = "final") -> PageLayout:
    """A page's runs and ruling segments (hs, vs) as ordered lines, tables and a footnote rule."""
    from .layout import margin_line_numbers, order_runs

    laid = PageLayout(page_no, width, height, count)
    columns: list = []  # the rules of ruled grids of three columns or more: a line crossing one is two cells
    walls: list = []  # column rules drawn down the page: text either side of one is never one line (`_walled`)
    numbered = margin_line_numbers(runs)
    if numbered:  # printed line numbers are the page's furniture, never a label at a line's start
        runs = [r for i, r in enumerate(runs) if i not in numbered]
    if runs and rulings is not None:
        hs, vs = rulings
        grids: list = []
        if len(hs) >= 2 and len(vs) >= 2:
            grids = _grid_tables(hs, vs, runs, page_no)
            if any(len(r) > 8 and r[8] is not None for r in runs):  # prose in a ruled grid may be a schedule of changes
                grids += _grid_tables(hs, vs, runs, page_no, layout=True)
            heights = sorted(r[3] - r[2] for r in runs)
            # (a data table's cells are read from its grid, and its lines set apart whole)
            columns = [(ys, xs) for ys, xs in _column_bands(hs, vs, width, 2 * heights[len(heights) // 2])
                       if not any(t.bbox[1] - 2 <= ys[0] and ys[1] <= t.bbox[3] + 2 for t in grids)]
            for table in grids:
                x0, top, x1, bottom = table.bbox
                marked = [r for r in runs if len(r) > 8 and r[8] is not None
                          and x0 <= (r[0] + r[1]) / 2 <= x1 and top <= (r[2] + r[3]) / 2 <= bottom]
                if table.rows or marked:
                    laid.tables.append((table, marked, _cells(table, hs, vs) if marked else None))
        walls = _walls(vs, hs, grids, 0.75 * height)
        laid.foot_rule = foot_rule(hs, vs, runs, width, height)
        laid.boxes = drawn_boxes(hs, vs, width, height)
    counts = laid.mark_counts
    if any(len(r) > 8 and r[8] is not None for r in runs):
        # the layout sees the runs as they were before their marks split them ("Cardano " + a coloured
        # "Blockchain" + " treasury" are one run to the column finder)
        ordered = [[sub for r in line for sub in (r[9] if len(r) > 9 else [r])]
                   for line in order_runs(_layout_runs(runs), width, height)]
        if walls:
            ordered = [piece for line in ordered for piece in _walled(line, walls)]
        for line_runs in ordered:
            for r in line_runs:
                mark = r[8] if len(r) > 8 else None
                counts[mark] = counts.get(mark, 0) + _glyphs(r[6])
                if mark is not None and mark[0] == STRUCK:
                    laid.struck = True
        laid.ordered = ordered
        return laid
    counts[None] = sum(_glyphs(r[6]) for r in runs)
    runs, notes = _margin_notes(runs, page_no, width, height)
    plain = True
    search = _UNMAPPED.search
    for line_runs in order_runs(runs, width, height):
        pieces = _walled(line_runs, walls) if walls else (line_runs,)
        if columns:
            pieces = [p for piece in pieces for p in _cut_at_columns(piece, columns)]
        for piece in pieces:
            line, marks = make_line(piece, page_no, width, height, tracked, unmarked=True)
            if line is not None:
                laid.lines.append((boxed(line, laid.boxes), marks))
                if plain and (marks or line.changes or search(line.text)):
                    plain = False
    if notes:
        from .margins import place_notes

        marks_of = {id(ln): m for ln, m in laid.lines}
        laid.lines = [(ln, marks_of.get(id(ln), [])) for ln in place_notes([ln for ln, _ in laid.lines], notes)]
    laid.plain = plain
    return laid


def _margin_notes(runs: list[Run], page_no: int, width: float, height: float) -> tuple[list[Run], list[Line]]:
    """The page's runs without its marginal notes (a statute's side headings, `margins`), and the notes as Lines
    flagged `margin`, each its lines joined."""
    from .margins import margin_notes

    found = margin_notes(runs)
    if not found:
        return runs, []
    taken = {id(r) for note in found for piece in note for r in piece}
    notes: list[Line] = []
    for note in found:
        made = [make_line(piece, page_no, width, height, unmarked=True)[0] for piece in note]
        made = [ln for ln in made if ln is not None]
        if made:
            notes.append(replace(made[0], text=" ".join(ln.text for ln in made), x0=min(ln.x0 for ln in made),
                                 x1=max(ln.x1 for ln in made), bottom=made[-1].bottom, margin=True))
    return [r for r in runs if id(r) not in taken], notes


def boxed(line: Optional[Line], boxes: list) -> Optional[Line]:
    """The line with the drawn box it sits in, if any."""
    if line is None or not boxes:
        return line
    k = box_of(line.x0, line.x1, line.top, line.bottom, boxes)
    return replace(line, box=k) if k else line


class Collector:
    """Pages in, a Reading out: runs become ordered lines, rulings become tables, problems become warnings.

    Pages are kept until the whole document is read: whether a page's coloured or underlined text is a
    tracked change depends on the marks of every page (`MarkRules`)."""

    def __init__(self, path: str, sha: str, opened: Opened, tracked: str = "final", ocr: str = "auto"):
        if tracked not in TRACKED_MODES:
            raise ValueError(f"unknown tracked-changes mode {tracked!r} (choose from {', '.join(TRACKED_MODES)})")
        self.tracked = tracked
        self.ocr = ocr  # `ocr.MODES`, or "missing": OCR wanted and no Tesseract on PATH
        self.path = path
        self.sha = sha
        self.opened = opened
        self.lines: list[Line] = []
        self.markers: list[tuple[int, int, str]] = []
        self.sizes: dict[int, tuple[float, float]] = {}
        self.tables: list = []  # (TableRegion, its runs with change marks, cells) until the document is read
        self.foot_rules: dict[int, float] = {}
        self.chars_total = 0
        self.empty_pages: list[int] = []
        self.broken_pages: list[int] = []
        self.unmapped = 0
        self.unmapped_pages: dict[int, None] = {}
        self.pending: list[PageLayout] = []  # every page laid out, in order, until the document is read
        self.mark_counts: dict = {}  # glyphs per change mark (None: unmarked), for MarkRules
        self.removed_above: Optional[tuple] = None  # (page, bottom) of the last wholly removed line given to a line
        self.marked = False
        self.struck_pages: set[int] = set()
        self.under_pages: set[int] = set()  # pages with underlined body-coloured text
        self.scans: list[int] = []  # scanned pages waiting for OCR (`read_scans`)
        self.scans_unread: list[int] = []  # scanned pages not read by OCR (OCR off, or no Tesseract)
        self.ocr_pages: list[int] = []  # pages whose lines OCR read
        self.ocr_blank: list[int] = []  # scanned pages in which OCR found no word
        self.ocr_failed: dict[int, str] = {}  # page -> why Tesseract failed on it
        progress.document(path, len(opened.wanted))  # pages read, for a bar if the caller draws one

    def broken(self, page_no: int) -> None:
        """A page that cannot be loaded (a cyclic or too-deep page tree, a missing page object)."""
        self.broken_pages.append(page_no)
        progress.page_done()

    def page(self, page_no: int, width: float, height: float, runs: list[Run], count: int, rulings=None) -> None:
        """One page: its runs, its count of visible characters and its ruling segments (hs, vs), if any."""
        self.add(lay_out_page(page_no, width, height, runs, count, rulings, self.tracked))

    def add(self, laid: "PageLayout") -> None:
        """One page laid out (here or in a worker process, `lspkit.read.parallel`), in page order."""
        if laid.broken:
            self.broken(laid.page_no)
            return
        progress.page_done()
        page_no = laid.page_no
        self.sizes[page_no] = (laid.width, laid.height)
        if laid.kept is not None:  # read once every page is in (`read_scans`)
            self.scans.append(page_no)
            self.pending.append(laid)
            return
        if laid.scan and not laid.ocr:
            self.scans_unread.append(page_no)
        self._account(laid)
        self.pending.append(laid)

    def _account(self, laid: "PageLayout") -> None:
        page_no = laid.page_no
        self.chars_total += laid.count
        if laid.count == 0:
            self.empty_pages.append(page_no)
        self.tables.extend(laid.tables)
        if laid.foot_rule is not None:
            self.foot_rules[page_no] = laid.foot_rule
        for mark, n in laid.mark_counts.items():
            self.mark_counts[mark] = self.mark_counts.get(mark, 0) + n
        if laid.ordered is not None:
            self.marked = True
        if laid.struck:
            self.struck_pages.add(page_no)
        if laid.mark_counts.get((UNDER, None)):
            self.under_pages.add(page_no)

    def read_scans(self, pdf) -> None:
        """Read the scanned pages by OCR (`ocr.read_scans`, from the open pypdfium2 document `pdf`), each laid out
        as any page is and its lines flagged `ocr`; the text layer's few runs on it are kept where OCR found
        nothing over them.  A page Tesseract fails on is skipped, with a warning."""
        if not self.scans:
            return
        from .ocr import read_scans

        at = {laid.page_no: k for k, laid in enumerate(self.pending)}
        if self.ocr == "auto" and 2 * len(self.scans) < len(self.pending):
            # A few scanned pages in a paper with a text layer (a signed covering letter, a scanned appendix):
            # left unread, as without OCR, so that a letter's OCR'd subject never becomes the paper's title or its
            # cover; `--ocr force` reads them.  OCR in auto is for papers that are scans.
            for page_no in self.scans:
                k = at[page_no]
                placeholder = self.pending[k]
                kept = placeholder.kept or []
                laid = lay_out_page(page_no, placeholder.width, placeholder.height, kept,
                                    sum(_glyphs(r[6]) for r in kept), None, self.tracked)
                laid.scan = True
                self.scans_unread.append(page_no)
                self._account(laid)
                self.pending[k] = laid
            self.scans = []
            return
        for page_no, result in read_scans(pdf, self.scans, self.sizes):
            k = at[page_no]
            placeholder = self.pending[k]
            kept = placeholder.kept or []
            if isinstance(result, Exception):
                self.ocr_failed[page_no] = str(result)
                runs = kept
            else:
                runs = [r for r in result if not any(_overlap(r, o) for o in kept)] + kept
            count = sum(_glyphs(r[6]) for r in runs)
            laid = lay_out_page(page_no, placeholder.width, placeholder.height, runs, count, None, self.tracked)
            laid.scan = True
            if not isinstance(result, Exception):
                if any(line is not None and line.text for line, _ in laid.lines):
                    laid.ocr = True
                    laid.lines = [(replace(line, ocr=True) if line is not None else line, marks)
                                  for line, marks in laid.lines]
                    self.ocr_pages.append(page_no)
                else:
                    self.ocr_blank.append(page_no)
            self._account(laid)
            self.pending[k] = laid
        self.scans = []

    def _make_lines(self) -> None:
        rules = MarkRules(self.mark_counts, frozenset(self.struck_pages), frozenset(self.under_pages)) if self.marked else None
        lines = self.lines
        for laid in self.pending:
            if laid.pictures and laid.ordered is None:
                laid.lines = picture_labels(laid.lines, laid.pictures)
            if laid.plain:  # what _add_lines would do, without its per-line questions
                lines.extend([line for line, _ in laid.lines])
                continue
            if laid.ordered is None:
                self._add_lines(laid.page_no, laid.lines)
                continue
            page_no, ordered = laid.page_no, laid.ordered
            for line_runs in ordered:
                for r in line_runs:
                    if len(r) > 8:
                        r[8] = rules.op(r[8], page_no, r[6])
            grids = self._change_grids(page_no)
            cells = None
            if grids:
                ordered, cells = _by_cells(ordered, grids)
            made = [make_line(line_runs, page_no, laid.width, laid.height, self.tracked) for line_runs in ordered]
            made = [(boxed(line, laid.boxes), marks) for line, marks in made]
            if laid.pictures:
                made = picture_labels(made, laid.pictures)
            self._add_lines(page_no, made, cells)
        self.pending = []
        # A ruled grid whose text carries tracked changes is a schedule of changes (an inspector's main
        # modifications): read as lines, so that its changes reach the paragraphs, not as a table's cells.
        self.tables = [t for t, marked, _ in self.tables if t.rows and not any(run_op(r) for r in marked)]

    def _change_grids(self, page_no: int) -> list:
        """The (row ys, column xs) of the page's ruled grids whose text carries changes."""
        return [cells for t, marked, cells in self.tables
                if t.page == page_no and cells and any(run_op(r) for r in marked)]

    def _add_lines(self, page_no: int, made: list, cells: Optional[list] = None) -> None:
        """`made`: the page's (Line or None, markers) in reading order.  `cells`: for a page with a grid of
        changes read as lines, each line's cell (None outside the grid); a cell's first line starts a unit,
        and a cell's changes stay in it."""
        held: Optional[Line] = None  # a cell's wholly deleted first line(s): their changes go to the cell's next line
        held_cell = None
        prev_cell = None
        for k, (line, marks) in enumerate(made):
            cell = cells[k] if cells is not None else None
            first = cell is not None and cell != prev_cell
            prev_cell = cell
            if held is not None and cell != held_cell:
                self._to_last_line(held)  # a wholly deleted cell: its changes go to the line before, as below
                held = None
            if line is not None and line.text == "" and line.changes:
                if first or held is not None:
                    held = line if held is None else _joined(held, line)
                    held_cell = cell
                    continue
                # a line whose every word was removed (a deleted line read as final): its changes go to the line before
                self._to_last_line(line)
                continue
            if line is not None and _UNMAPPED.search(line.text):
                # glyph codes from a font without a Unicode map: never let control bytes into the text
                text = _UNMAPPED.sub("", line.text)
                self.unmapped += len(line.text) - len(text)
                self.unmapped_pages.setdefault(page_no, None)
                text = " ".join(text.split())
                line = replace(line, text=text) if text else None
            if line is None:
                continue
            if held is not None:
                line = _joined(held, line)
                first, held = True, None  # the cell starts with its deleted line
            if first:
                line = replace(line, cell_start=True)
            for m in marks:
                self.markers.append((page_no, len(self.lines), m))
            self.lines.append(line)
            self.removed_above = None
        if held is not None:
            self._to_last_line(held)

    def _to_last_line(self, line: Line) -> None:
        """A wholly removed line's changes go to the line before, which reaches down over it (so the space it
        leaves is not read as a paragraph break).  Where a paragraph's gap sets the removed line apart from the
        line printed above it (a wholly struck paragraph after the last kept line, or after another struck one),
        its first change `opens` a paragraph and is not run on into the change before it: the paragraphs a
        deletion ran over stay apart (`analyse.diffparts.tracked_versions`)."""
        if self.lines:
            prev = self.lines[-1]
            below = prev.page == line.page and prev.top < line.top and line.bottom > prev.bottom
            above = self.removed_above if self.removed_above is not None else (prev.page, prev.bottom)
            size = line.bottom - line.top
            opens = bool(line.changes) and above[0] == line.page and line.top - above[1] > PARAGRAPH_GAP * size
            if opens:
                line = replace(line, changes=(replace(line.changes[0], opens=True), *line.changes[1:]))
            self.removed_above = (line.page, line.bottom)
            line = _at(line, len(prev.text))  # printed after the line's text
            self.lines[-1] = replace(prev, changes=merge_changes(prev.changes, prev.change_edges[1] and not opens, line),
                                     change_edges=(prev.change_edges[0], True),
                                     bottom=line.bottom if below else prev.bottom)

    def reading(self) -> Reading:
        """The Reading, or the error that the whole file deserves."""
        self._make_lines()
        path, wanted = self.path, self.opened.wanted
        if self.broken_pages and len(self.broken_pages) == len(wanted):
            raise InputInvalidError("corrupt PDF (no page can be loaded: broken page tree)", path)
        if self.chars_total == 0:
            raise NoTextLayerError(self._no_text(), path)
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
        warnings.extend(self._ocr_warnings())
        unread = set(self.scans_unread) | set(self.ocr_blank) | set(self.ocr_failed)
        empty = [p for p in self.empty_pages if p not in unread]
        if empty and len(self.empty_pages) < len(wanted):
            warnings.append(f"page(s) {_pages_shown(empty)} have no text layer, so they were skipped")
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
            foot_rules=self.foot_rules,
            ocr_pages=tuple(self.ocr_pages),
        )

    def _ocr_warnings(self) -> list[str]:
        """What OCR did, and what it could not do, one warning each."""
        from .ocr import INSTALL

        out = []
        if self.ocr_pages:
            out.append(f"page(s) {_pages_shown(self.ocr_pages)} read by OCR (scanned, no text layer): "
                       "the text is what Tesseract recognised"
                       if self.ocr != "force" else
                       f"page(s) {_pages_shown(self.ocr_pages)} read by OCR (--ocr force): "
                       "the text is what Tesseract recognised, not the text layer")
        if self.ocr_blank:
            out.append(f"page(s) {_pages_shown(self.ocr_blank)} are scanned images in which OCR found no text")
        for page_no, why in self.ocr_failed.items():
            out.append(f"page {page_no} could not be read by OCR ({why}), so it was skipped")
        if self.scans_unread:
            shown = _pages_shown(self.scans_unread)
            if self.ocr == "missing":
                out.append(f"page(s) {shown} are scanned images with no text layer and were not read: "
                           f"install Tesseract to read them by OCR ({INSTALL})")
            elif self.ocr == "auto":
                out.append(f"page(s) {shown} are scanned images with no text layer among pages that have one, and "
                           "were not read (--ocr force reads them by OCR)")
            else:
                out.append(f"page(s) {shown} are scanned images with no text layer and were not read (OCR is off)")
        return out

    def _no_text(self) -> str:
        """Why a document with no text at all is refused."""
        from .ocr import INSTALL

        if self.ocr_pages:  # (never: OCR found text)
            return "no text layer"
        if self.scans_unread and self.ocr == "missing":
            return f"no text layer (scanned images): install Tesseract to read it by OCR ({INSTALL})"
        if self.scans_unread:
            return "no text layer (scanned images; OCR is off)"
        if self.ocr_blank or self.ocr_failed:
            return "no text layer, and OCR found no text in its images"
        return "no text layer"


def _overlap(a: Run, b: Run) -> bool:
    """Do two runs' boxes overlap (an OCR'd word over a word the text layer has)?"""
    return a[0] < b[1] and b[0] < a[1] and a[2] < b[3] and b[2] < a[3]


_FOOT_LABEL = re.compile(r"^(?:\d{1,3}|[*†‡§¶])(?![.\d])")


# what stands where a line's label was drawn as a picture: the segmenter puts the number it infers in its place
PICTURE = "\ufffc"


def picture_labels(lines: list, pictures: list) -> list:
    """Lines that open right after a small picture the height of their type (a word processor's automatic paragraph
    number "3.1." printed as an image, nothing of it in the text layer) start with PICTURE and a space, and at the
    picture's left edge; the segmenter reads the number from the numbered heading above and the order
    (`lspkit.segment.pictured`).  (Line or None, markers) pairs in reading order, as a page's lines are made."""
    out = []
    for line, markers in lines:
        if line is not None and line.text and not line.changes:  # (a change's place is counted in the text)
            size = line.size or (line.bottom - line.top) or 10.0
            for x0, top, x1, bottom in pictures:
                middle = (top + bottom) / 2
                if line.top - 2 <= middle <= line.bottom + 2 and x1 <= line.x0 + 1 and line.x0 - x1 <= 4 * size \
                        and bottom - top <= 1.6 * size and not any(
                            o is not None and o is not line and o.top - 2 <= middle <= o.bottom + 2 and o.x1 <= x0 + 1
                            for o, _ in lines):
                    line = replace(line, text=f"{PICTURE} {line.text}", x0=x0)
                    break
        out.append((line, markers))
    return out


def foot_rule(hs: list, vs: list, runs: list[Run], width: float, height: float) -> Optional[float]:
    """The y of a footnote separator: a short rule in the lower half of the page, touching no other line, with
    nothing written across it and text below it starting at its left end (Word draws one 144 pt long)."""
    best: Optional[float] = None
    for y, x0, x1 in hs:
        if not (y > 0.45 * height and 30 <= x1 - x0 <= 0.45 * width) or (best is not None and y >= best):
            continue
        if any(abs(v[0] - x0) < 3 or abs(v[0] - x1) < 3 or x0 <= v[0] <= x1 and v[1] - 2 <= y <= v[2] + 2 for v in vs):
            continue  # a table's border
        if any(h[0] != y and abs(h[0] - y) < 2 and (h[1] < x0 - 2 or h[2] > x1 + 2) for h in hs):
            continue  # part of a longer rule
        below = [r for r in runs if r[2] >= y - 1]
        if not below or not any(abs(r[0] - x0) <= 8 for r in below):
            continue
        first = min(below, key=lambda r: (round(r[3]), r[0]))
        if not _FOOT_LABEL.match(first[6]):
            continue  # the first thing below a footnote separator is a note's label
        if any(r[2] - 1 <= y <= r[3] + 1 and r[0] < x1 and r[1] > x0 for r in runs):
            continue  # an underline or strike-through
        best = y
    return best


def _layout_runs(runs: list[Run]) -> list[Run]:
    """Runs that a change mark split, joined again for the layout: consecutive runs on one baseline and in one
    size, no farther apart than a word space, become one run whose [9] holds the parts."""
    out: list[Run] = []
    for r in runs:
        if out:
            cur = out[-1]
            last = cur[9][-1] if len(cur) > 9 else cur
            size = last[4]
            marked = len(r) > 8 and r[8] is not None or len(last) > 8 and last[8] is not None
            if marked and abs(r[3] - last[3]) <= 0.25 * size and abs(r[4] - size) <= 0.15 * size \
                    and -size <= r[0] - last[1] <= 0.9 * size:
                if len(cur) <= 9:
                    cur = [cur[0], cur[1], cur[2], cur[3], cur[4], cur[5], cur[6], cur[7], None, [cur]]
                    out[-1] = cur
                cur[1] = max(cur[1], r[1])
                cur[2] = min(cur[2], r[2])
                cur[3] = max(cur[3], r[3])
                cur[6] = cur[6] + " " + r[6]
                cur[9].append(r)
                continue
        out.append(r)
    return out


def _cells(table: TableRegion, hs: list, vs: list) -> tuple[list[float], list[float]]:
    """The positions of a ruled table's row and column rules (top-down y, x)."""
    from .tables import _merge_segments, _ruled_positions

    x0, top, x1, bottom = table.bbox
    inside_v = [v for v in vs if x0 - 2 <= v[0] <= x1 + 2 and v[2] >= top - 2 and v[1] <= bottom + 2]
    # a row rule meets a column rule (an underline or a strike-through meets none)
    inside_h = [h for h in hs if top - 2 <= h[0] <= bottom + 2 and h[2] >= x0 - 2 and h[1] <= x1 + 2 and any(
        h[1] - 2 <= v[0] <= h[2] + 2 and v[1] - 2 <= h[0] <= v[2] + 2 for v in inside_v)]
    ys = _ruled_positions(_merge_segments(inside_h), 0.5 * (x1 - x0))
    xs = _ruled_positions(_merge_segments(inside_v), 0.5 * (bottom - top))
    return ys, xs


def _column_bands(hs: list, vs: list, width: float, lowest: float) -> list:
    """The bands of a ruled table with three columns or more: between two rules drawn across most of the page,
    at least `lowest` apart (two lines of text: a shaded line of a contents page is no table's row), the column
    rules that run from one to the other ((ys, xs) as `_cell_of` reads them).  A row as tall as a page (a minutes
    item that fills it) is such a band too, though the table it is in has no second row."""
    from .tables import _merge_segments

    rules = [h for h in _merge_segments(hs) if h[1] > 1 and h[2] < width - 1]  # not the page's own border
    longest = max((h[2] - h[1] for h in rules), default=0.0)
    # rules drawn across the table (a highlight's box inside a cell is shorter)
    rows = sorted(h for h in rules if h[2] - h[1] >= max(0.4 * width, 0.8 * longest))
    cols = _merge_segments(vs)
    bands: list = []
    for (top, a0, a1), (bottom, b0, b1) in zip(rows, rows[1:]):
        if bottom - top < max(5.0, lowest):
            continue
        left, right = max(a0, b0) - 2, min(a1, b1) + 2
        xs = sorted({round(x, 1) for x, y0, y1 in cols if left <= x <= right and y0 <= top + 3 and y1 >= bottom - 3})
        if len(xs) >= 4:
            bands.append(([top, bottom], xs))
    return bands


def _cut_at_columns(line_runs: list, grids: list) -> list:
    """A visual line cut where its runs pass from one column of a ruled grid to the next: cells printed on one
    baseline (a minutes table's item number, heading and notes: "FGB 104/2122 | Headteacher's | a. Headteacher's
    update ...") are so many lines, never one."""
    pieces: list = []
    prev = None
    for r in line_runs:
        cell = _cell_of(grids, (r[0] + r[1]) / 2, (r[2] + r[3]) / 2)
        column = None if cell is None else (cell[0], cell[2])
        if pieces and column is not None and prev is not None and column != prev:
            pieces.append([])
        if not pieces:
            pieces.append([])
        pieces[-1].append(r)
        prev = column if column is not None else prev
    return pieces


def _walls(vs: list, hs: list, grids: list, tallest: float) -> list:
    """The column rules of a page set as a grid, as (x, top, bottom): vertical rules at least `tallest` long (three
    quarters of the page, not a box's or a drawing's), merged where they touch, that no more than two rules cross
    between their ends (a heading's rule and a foot's: a table's rows are ruled across its columns), outside the
    ruled tables found on the page (`grids`: their cells are read from their grid)."""
    if not vs:
        return []
    from .tables import _merge_segments

    walls = []
    for x, top, bottom in _merge_segments(vs):
        if bottom - top < tallest:
            continue
        if sum(1 for y, x0, x1 in hs if top + 2 < y < bottom - 2 and x0 - 2 <= x <= x1 + 2) > 2:
            continue
        if any(t.bbox[0] - 2 <= x <= t.bbox[2] + 2 and t.bbox[1] - 2 <= top and bottom <= t.bbox[3] + 2 for t in grids):
            continue
        walls.append((x, top, bottom))
    return walls


# a label alone: "6", "1.", "2.3", "(a)", "b)", "iv."
_BARE_LABEL = re.compile(r"^\(?(?:\d{1,3}(?:\.\d{1,3})*|[A-Za-z]|[ivxIVX]{1,5})[.):]?$")


def _walled(line_runs: list, walls: list) -> list:
    """A visual line's runs in pieces where a column rule runs down between two of them (a three-column minutes
    grid's vote marks, item and action printed on one baseline: "Motion X | a. Resolution ..."): text either side
    of a drawn rule is never one line.  [line_runs] as they were where no rule comes between two runs."""
    if len(line_runs) < 2:
        return [line_runs]
    cuts = []
    for k in range(1, len(line_runs)):
        a, b = line_runs[k - 1], line_runs[k]
        if b[0] < a[1] - 1:
            return [line_runs]  # runs out of left-to-right order (overprinted, right-to-left): left as they are
        mid = (b[2] + b[3]) / 2
        if any(a[1] - 1 <= x <= b[0] + 1 and top <= mid <= bottom for x, top, bottom in walls):
            if k == 1 and _BARE_LABEL.match(a[6].strip()):
                continue  # an item's number in a column of its own ("6 | Matters arising"): the label of its text
            cuts.append(k)
    if not cuts:
        return [line_runs]
    return [line_runs[i:j] for i, j in zip([0] + cuts, cuts + [len(line_runs)])]


def _cell_of(grids: list, x: float, y: float) -> Optional[tuple[int, int, int]]:
    for g, (ys, xs) in enumerate(grids):
        if ys[0] <= y <= ys[-1] and xs[0] <= x <= xs[-1]:
            return g, bisect.bisect(ys, y), bisect.bisect(xs, x)
    return None


def _by_cells(ordered: list, grids: list) -> tuple[list, list]:
    """A page's visual lines cut where their runs pass from one cell of a grid of changes to another (a row's
    label, reference and text printed on one baseline are three cells, not one line), and the grid read cell
    by cell, row by row: (the lines, each line's cell or None)."""
    pieces: list = []
    for line_runs in ordered:
        piece: list = []
        prev = None
        for r in line_runs:
            cell = _cell_of(grids, (r[0] + r[1]) / 2, (r[2] + r[3]) / 2)
            if piece and cell != prev:
                pieces.append((prev, piece))
                piece = []
            piece.append(r)
            prev = cell
        if piece:
            pieces.append((prev, piece))
    inside = [p for p in pieces if p[0] is not None]
    if not inside:
        return [p[1] for p in pieces], [None] * len(pieces)
    at = next(k for k, p in enumerate(pieces) if p[0] is not None)
    outside = [p for p in pieces if p[0] is None]
    order = outside[:at] + sorted(inside, key=lambda p: p[0]) + outside[at:]  # sorted() is stable
    return [p[1] for p in order], [p[0] for p in order]


def _glyphs(text: str) -> int:
    return len(text) - text.count(" ")


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


# Producers that never break a word at a line end on their own: Word (its automatic hyphenation is off
# unless a document turns it on), Aspose.Words, Windows' "Microsoft: Print To PDF".  A hyphen ending a line
# there is one the author typed ("fast-" + "tracked").  LibreOffice is not one: its justified paragraph
# styles often hyphenate.
_NON_HYPHENATING = re.compile(r"\bword\b|aspose|print to pdf", re.I)


def producer_hyphenates(metadata: dict[str, Any]) -> bool:
    """Does the PDF's producer (or creator) hyphenate words at line ends?  True when unknown."""
    made_by = f"{metadata.get('producer', '')} {metadata.get('creator', '')}"
    return not _NON_HYPHENATING.search(made_by)


BOLD_NAMES = ("bold", "black", "heavy", "semibold", "demi")


def bold_name(fontname: str) -> bool:
    """A font name that says bold (Arial-BoldMT, LiberationSans-Bold, ABCDEF+Foo-Black)."""
    fontname = fontname.lower()
    return any(t in fontname for t in BOLD_NAMES)


def make_line(runs: list[Run], page_no: int, width: float, height: float,
              tracked: str = "final", *, unmarked: bool = False) -> tuple[Optional[Line], list[str]]:
    """Join a visual line's runs; superscript markers after the first run are lifted out.

    Runs marked as tracked changes are recorded on the line, each where it is in the line's text (`at`).
    `unmarked`: the caller knows no run carries a change mark (a page without any), so none is looked for."""
    if unmarked:
        if len(runs) == 1:
            return _one_run_line(runs[0], page_no, width, height, (), (False, False))
        return _make_line(runs, page_no, width, height, tracked, unmarked=True)
    line, marks = _make_line(runs, page_no, width, height, tracked)
    if line is not None and line.changes:
        line = replace(line, changes=_placed(line.changes, runs, line.text, tracked))
    return line, marks


def _placed(changes: tuple, runs: list[Run], text: str, tracked: str) -> tuple:
    """`changes` (grouped from `runs` as `_make_line` groups them) with where each is in the line's `text`: a
    change the text holds where its words start; one it leaves out just after the text printed before it (the
    end of the last piece kept, before any space), `glued` when printed with no space before it."""
    drop = ChangeOp.DELETED if tracked == "final" else ChangeOp.INSERTED
    out: list[TrackedChange] = []
    cursor = 0
    prev: Optional[Run] = None
    k = -1
    for i, r in enumerate(runs):
        if not r[6]:
            continue
        op = run_op(r)
        first_of_change = op is not None and not (k >= 0 and out and out[-1].op is op and _adjacent(runs, r, op))
        if op is drop:
            if first_of_change:
                gap = prev is None or r[0] - prev[1] > 0.15 * r[4] or prev[6].endswith(" ") or r[6].startswith(" ")
                k += 1
                out.append(TrackedChange(op, changes[k].text if k < len(changes) else r[6], min(cursor, len(text)),
                                         not gap))
            prev = r
            continue
        piece = clean_text(r[6]).strip()
        pos = -1
        if piece:
            for at in (cursor, cursor + 1):
                if text.startswith(piece, at):
                    pos = at
                    break
        if op is not None and first_of_change:
            k += 1
            out.append(TrackedChange(op, changes[k].text if k < len(changes) else r[6],
                                     pos if pos >= 0 else min(cursor + (cursor > 0), len(text))))
        if pos >= 0:
            cursor = pos + len(piece)
        prev = r
    if len(out) != len(changes):  # grouped otherwise than _make_line grouped them: no positions rather than wrong ones
        return changes
    return tuple(out)


def _make_line(runs: list[Run], page_no: int, width: float, height: float,
               tracked: str = "final", unmarked: bool = False) -> tuple[Optional[Line], list[str]]:
    """make_line without the changes' positions.

    Runs marked as tracked changes are recorded on the line; those the mode leaves out (deletions for
    `final`, insertions for `original`) are not in its text.  A line with changes but no text left has text "".
    """
    changes: list[TrackedChange] = []
    edges = (False, False)
    bridged: set = set()
    if not unmarked and any(run_op(r) for r in runs):
        edges = (run_op(runs[0]) is not None, run_op(runs[-1]) is not None)
        drop = ChangeOp.DELETED if tracked == "final" else ChangeOp.INSERTED
        for r in runs:
            op = run_op(r)
            if op is None or not r[6]:
                continue
            if changes and changes[-1].op is op and _adjacent(runs, r, op):
                changes[-1] = TrackedChange(op, _join_change(changes[-1].text, r[6]))
            else:
                changes.append(TrackedChange(op, r[6]))
        kept = [r for r in runs if run_op(r) is not drop]
        # a kept run that a glyph left out joins to the kept run before it, touching both (an apostrophe moved:
        # "Citizen" + struck "’" + "s"): no space between them
        bridged = {id(b) for a, d, b in zip(runs, runs[1:], runs[2:]) if run_op(d) is drop
                   and run_op(a) is not drop and run_op(b) is not drop and d[6] and d[6] == d[6].strip()
                   and d[0] - a[1] <= 0.15 * d[4] and b[0] - d[1] <= 0.15 * b[4]}
        if not kept:
            return Line(text="", page=page_no, top=round(min(r[2] for r in runs), 2),
                        bottom=round(max(r[3] for r in runs), 2), changes=tuple(changes), change_edges=edges), []
        if kept[0] is not runs[0]:  # the line still starts where it is printed ("17.5.17.6." read as "17.6.")
            kept = [[runs[0][0], *kept[0][1:]], *kept[1:]]
        runs = kept
    if len(runs) == 1:
        return _one_run_line(runs[0], page_no, width, height, tuple(changes), edges)
    weight: dict[float, int] = {}
    for r in runs:
        key = _round1(r[4])
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
        if i > 0 and small and len(text) <= 3 and _MARKER.fullmatch(text):
            if text in ("2", "3") and parts and _UNIT.search(parts[-1]) and r[0] - prev_x1 <= 0.15 * r[4]:
                parts.append("²" if text == "2" else "³")  # "2,500m²", "(m²)": a unit's power, no note marker
                prev_x1 = r[1]
                continue
            marks.append(text)
            prev_x1 = r[1]
            continue
        if prev_x1 is not None and parts:
            after_mark = bool(marks) and runs[i - 1][6] == marks[-1]
            if after_mark and text[:1] in ".,;:)]!?’”'\"":
                pass  # "arrangements¹." reads "arrangements."
            elif (r[0] - prev_x1 > 0.15 * r[4] and not parts[-1].endswith(" ") and id(r) not in bridged
                  and not text.startswith(" ")):
                parts.append(" ")
        if text.startswith(" ") and (not parts or parts[-1].endswith(" ")):
            text = text.lstrip()  # (a run opens with the space the stream put after a raised word: one space)
        parts.append(text)
        prev_x1 = r[1]
        n = len(text)
        total += n
        if r[5]:
            bold_chars += n
    joined = "".join(parts).rstrip()
    text = clean_text(joined).strip()
    if joined.endswith("\u00ad") and text:
        # a soft hyphen: mid-line it is dropped (clean_text); at the line end it marks a word the producer
        # broke, kept for join_lines to join.  (pdfium reports a line-end soft hyphen as it reports any
        # line-end hyphen, so from that engine the producer decides; see join_lines.)
        text += "\u00ad"
    if not text:
        return None, marks
    main = [r for r in runs if abs(r[4] - size) <= 0.15 * size] or runs
    body_size = size
    line = _line(text, page_no, _round2(runs[0][0]), _round2(max(r[1] for r in runs)),
                 _round2(min(r[2] for r in main)), _round2(max(r[3] for r in main)), _round2(body_size),
                 total > 0 and bold_chars >= 0.6 * total, _round2(height), _round2(width), tuple(changes), edges)
    return line, marks


_MARKER = re.compile(r"[0-9*†‡§¶]+")
# a unit of length written before a raised "2" or "3": square or cubic ("2,500m²", "square metres (m²)", "ft³")
_UNIT = re.compile(r"(?:\d|\b)(?:m|km|cm|mm|ft)$")


def _one_run_line(r: Run, page_no: int, width: float, height: float, changes: tuple, edges: tuple) -> tuple[Optional[Line], list[str]]:
    """make_line for a line of one run (most lines): the same Line, without the general case's bookkeeping."""
    text = r[6]
    if not text:
        return None, []
    joined = text.rstrip()
    text = clean_text(joined).strip()
    if joined.endswith("\u00ad") and text:
        text += "\u00ad"  # a line-end soft hyphen, kept for join_lines (see make_line)
    if not text:
        return None, []
    return _line(text, page_no, _round2(r[0]), _round2(r[1]), _round2(r[2]), _round2(r[3]), _round2(_round1(r[4])),
                 bool(r[5]), _round2(height), _round2(width), changes, edges), []


# round(x, 2) and round(x, 1) remembered for the values met before: a line's page size, type size, left edge and
# baseline recur on page after page, and round() with digits costs eight dict look-ups.  Zero is never remembered
# (0.0 and -0.0 are one key but round apart); the memo stops growing at _ROUND_MEMO values.
_ROUND_MEMO = 1 << 16


def _memo_round(ndigits: int):
    """round(x, ndigits) remembered for the values a page repeats (never for zero: 0.0 and -0.0 round apart)."""
    memo: dict[float, float] = {}

    def rounded(x: float) -> float:
        v = memo.get(x)
        if v is None:
            v = round(x, ndigits)
            if x and len(memo) < _ROUND_MEMO:
                memo[x] = v
        return v

    return rounded


_round2 = _memo_round(2)
_round1 = _memo_round(1)


_new = object.__new__
# the shortcut holds while Line is these fields (cell_start, box and margin last, defaulting to False, 0 and False) and nothing
# runs after __init__
_FAST_LINE = tuple(f.name for f in fields(Line)) == (
    "text", "page", "x0", "x1", "top", "bottom", "size", "bold", "page_height", "page_width", "changes",
    "change_edges", "cell_start", "box", "margin", "ocr") and not hasattr(Line, "__post_init__") and Line.__dataclass_fields__[
    "cell_start"].default is False and Line.__dataclass_fields__["box"].default == 0


def _line(text: str, page: int, x0: float, x1: float, top: float, bottom: float, size: float, bold: bool,
          page_height: float, page_width: float, changes: tuple, change_edges: tuple) -> Line:
    """`Line(...)` with every field given, without the frozen dataclass's `__init__` (one `object.__setattr__`
    per field, eight times the cost): the same object, as Line has no `__post_init__`."""
    if not _FAST_LINE:
        return Line(text, page, x0, x1, top, bottom, size, bold, page_height, page_width, changes, change_edges)
    line = _new(Line)
    line.__dict__.update(text=text, page=page, x0=x0, x1=x1, top=top, bottom=bottom, size=size, bold=bold,
                         page_height=page_height, page_width=page_width, changes=changes, change_edges=change_edges,
                         cell_start=False, box=0, margin=False, ocr=False)
    return line


# A gap between two lines, as a share of the type's height, that sets a paragraph apart (a line's own leading is
# well under half its height; Word's space after a paragraph adds most of a line).
PARAGRAPH_GAP = 0.8


def merge_changes(before: tuple, ends_in_change: bool, line: Line) -> tuple:
    """`before` (changes up to a line that ends in a change or not) followed by `line`'s changes:
    the same change running over the line break is one change."""
    after = line.changes
    if before and after and ends_in_change and line.change_edges[0] and before[-1].op is after[0].op \
            and not after[0].opens:
        joined = TrackedChange(after[0].op, _join_change(before[-1].text, after[0].text), before[-1].at,
                               before[-1].glued, before[-1].opens)
        return (*before[:-1], joined, *after[1:])
    return (*before, *after)


def _at(line: Line, at: int) -> Line:
    """A wholly removed line whose changes are given to another line: every one of them placed at `at` there."""
    return replace(line, changes=tuple(replace(c, at=at, glued=False) for c in line.changes))


def lines_changes(lines: list[Line]) -> tuple:
    """The tracked changes of consecutive lines, in reading order, a change running over a line break as one."""
    changes: tuple = ()
    ends = False
    for line in lines:
        if line.changes:
            changes = merge_changes(changes, ends, line)
        ends = line.change_edges[1]
    return changes


def _joined(a: Line, b: Line) -> Line:
    """`b` with `a`'s changes before its own (a deleted line `a` read straight before `b`)."""
    a = _at(a, 0)  # printed before b's text
    return replace(b, changes=merge_changes(a.changes, a.change_edges[1], b),
                   change_edges=(a.change_edges[0], b.change_edges[1]))


def _adjacent(runs: list[Run], r: Run, op: ChangeOp) -> bool:
    """Is `r` straight after another run of the same change (nothing unchanged between)?"""
    k = runs.index(r)
    return k > 0 and run_op(runs[k - 1]) is op


def _join_change(a: str, b: str) -> str:
    return a + b if a.endswith(" ") or b.startswith(" ") else a + " " + b


