"""PDFs through pypdfium2's character stream: runs of characters with position, size and weight.

The default engine: fast (one loose-box call per word), one page in memory at a time.
"""
from __future__ import annotations

import contextlib
import ctypes
import functools
import itertools
import math
import re
import unicodedata
from typing import Optional

from ..model import Reading
from .pdf import ChangeMarks, Collector, PageLayout, Run, bold_name, lay_out_page, open_checked
from .tables import _rulings


def read_pdf(path: str, data: bytes, sha: str, *, pages, password, max_pages, tracked: str = "final",
             ocr: str = "auto") -> Reading:
    """`tracked`: "final" reads a PDF with tracked changes as it reads after them, "original" as before them.
    `ocr` (`ocr.MODES`): read scanned pages with no text layer by OCR ("auto"), every page covered by an image
    ("force"), or none ("off"); without Tesseract on PATH, none, and the Reading says what to install.

    A long document's pages are read in worker processes as well as this one (`lspkit.read.parallel`);
    the Reading is the same either way.
    """
    from . import parallel
    from .glyphs import DocumentGlyphs

    from .ocr import engine

    opened = open_checked(path, data, pages=pages, password=password, max_pages=max_pages)
    pdf = opened.pdf
    if ocr != "off" and engine() is None:
        ocr = "missing"
    out = Collector(path, sha, opened, tracked, ocr)
    try:
        read = functools.partial(_read_page, pdf, tracked=tracked, glyphs=DocumentGlyphs(data, password), ocr=ocr)
        with contextlib.closing(parallel.map_pages(read, opened.wanted, path=path)) as laid_out:
            for laid in laid_out:
                out.add(laid)
        out.read_scans(pdf)
    finally:
        pdf.close()
    return out.reading()


def _read_page(pdf, page_no: int, tracked: str = "final", glyphs=None, ocr: str = "off") -> PageLayout:
    """One page of an open PDF, read and laid out.  `glyphs(page_no)`: the page's fonts' maps from glyph code to
    character (`glyphs.DocumentGlyphs`), asked for only where pdfium gives glyph codes.  A scanned page (`ocr`
    "auto": almost no text and an image over it; "force": an image over it) is left for OCR: a PageLayout
    with no lines and `kept` its text layer's runs ("auto") or none ("force"); with OCR "off" or "missing" it
    is laid out as it is, flagged `scan`."""
    import pypdfium2 as pdfium

    from .ocr import COVERED, NEGLIGIBLE, scanned_cover

    try:
        page = pdf[page_no - 1]
    except pdfium.PdfiumError:  # a cyclic or too-deep page tree, a missing page object
        return PageLayout(page_no, broken=True)
    try:
        width, height = page.get_size()
        pictures: list = []
        highlights: list = []
        rulings = _rulings(page, height, pictures, highlights)
        textpage = page.get_textpage()
        try:
            recover = functools.partial(glyphs, page_no) if glyphs is not None else None
            type3 = functools.partial(glyphs.type3, page_no) if glyphs is not None else None
            runs, count = _page_runs(textpage, height, ChangeMarks.of_page(rulings, width, highlights), page=page.raw,
                                     recover=recover, type3=type3,
                                     scanned=functools.lru_cache(None)(lambda: scanned_cover(page) >= COVERED))
        finally:
            textpage.close()
        runs = _on_page(runs, page.get_bbox(), height)
        if not runs:
            rulings = None
        scan = (count < NEGLIGIBLE or ocr == "force") and scanned_cover(page) >= COVERED
    finally:
        page.close()
    if scan and ocr in ("auto", "force"):
        return PageLayout(page_no, width, height, count, scan=True, kept=runs if ocr == "auto" else [])
    laid = lay_out_page(page_no, width, height, runs, count, rulings, tracked)
    laid.pictures = pictures
    laid.scan = scan
    return laid


def _on_page(runs: list[Run], bbox, height: float) -> list[Run]:
    """The runs that fall on the page: a run wholly outside its box is not printed (a page cropped to its top
    third, the rest of the text it was cut from still in its content, below the page's foot)."""
    left, bottom, right, top = bbox
    lo, hi = height - top, height - bottom  # the box's top and foot, measured down from the page's top
    if all(r[2] < hi and r[3] > lo and r[0] < right and r[1] > left for r in runs):
        return runs
    return [r for r in runs if r[2] < hi and r[3] > lo and r[0] < right and r[1] > left]


def _page_runs(textpage, height: float, marks: Optional[ChangeMarks] = None, page=None,
               recover=None, type3=None, scanned=None) -> tuple[list[Run], int]:
    """Split the page's character stream into runs of one baseline and size.

    Word by word: the loose boxes of a word's first and last characters give
    its extent and size (the loose box height is the font size, which pdfium's
    own font-size call gets wrong for scaled text matrices).  Only a word whose
    two ends disagree (a superscript glued on, mixed sizes), that holds
    right-to-left letters, or that a drawn line crosses or underlines (`marks`:
    a tracked change) is read character by character, and so is a word whose
    two ends differ in colour.  Each run carries [8], the change mark its
    characters show (`pdf.Mark`; None: plain body text), one call per word
    reading its colour.  `page` (the page's handle) lets a page whose text objects are all black or grey skip
    that call (`_plain_text`).  `recover()`: the page's fonts' glyph maps, asked for where the text holds
    glyph codes (`_recovered`).  `type3()`: the page's Type 3 fonts' weights and advance widths
    (`glyphs.type3_fonts`), asked for where a run's font has no name and pdfium gives it no weight (`_Type3Weights`).
    `scanned()`: is the page an image with its text over it (an OCR layer), asked for only where a word's letters
    stand apart as two words' would (`_object_splits`).
    """
    import pypdfium2.raw as R

    raw = textpage.raw
    n = R.FPDFText_CountChars(raw)
    if n <= 0:
        return [], 0
    text = textpage.get_text_range(0, n)
    if len(text) != n:  # characters outside the BMP: fall back to one code point per character
        text = "".join(chr(R.FPDFText_GetUnicode(raw, k) or 32) for k in range(n))
    if recover is not None and _GLYPH_CODE.search(text):
        text = _recovered(R, raw, text, recover)
    text = text.replace("\ufffe", "-").replace("\x02", "-")  # pdfium's marker for a hyphen it took out
    rect = R.FS_RECTF()
    rect_ref = ctypes.byref(rect)
    corners = memoryview(rect).cast("B").cast("f").tolist  # (left, top, right, bottom): one call, not four fields
    box, handle = _fast_box(R), ctypes.cast(raw, ctypes.c_void_p)
    rgba = (ctypes.c_uint * 4)()
    r_ref, g_ref, b_ref, a_ref = (ctypes.byref(rgba, 4 * i) for i in range(4))
    get_fill = _fast_fill(R)  # called for every word: through a plain pointer, as the loose box
    matrix = R.FS_MATRIX()
    ox, oy = ctypes.c_double(), ctypes.c_double()

    def true_box(k: int, top: float, bottom: float) -> tuple[float, float]:
        """The character's loose top and bottom from its em and baseline when its font's ascent and descent are
        absurd (a Cambria embedded with Cambria Math's metrics: a loose box six ems tall, its bottom three ems
        under the baseline, which sets the line among the lines below it); else top and bottom as they are."""
        if not R.FPDFText_GetMatrix(raw, k, matrix):
            return top, bottom
        em = math.hypot(matrix.c, matrix.d) * R.FPDFText_GetFontSize(raw, k)
        if not em > 0.5 or bottom - top <= 2.5 * em or not R.FPDFText_GetCharOrigin(raw, k, ox, oy):
            return top, bottom
        base = height - oy.value
        return base - 0.95 * em, base + 0.22 * em

    def colour(k: int):
        if not get_fill(handle, k, r_ref, g_ref, b_ref, a_ref):
            return None
        return (rgba[0], rgba[1], rgba[2])

    def tint(k: int):
        """The character's fill colour when it is a colour (mark_colour), else None; cheap for black text."""
        if not get_fill(handle, k, r_ref, g_ref, b_ref, a_ref):
            return None
        r, g, b, _a = rgba
        if (r - g if r > g else g - r) < 60 and (r - b if r > b else b - r) < 60 and (g - b if g > b else b - g) < 60:
            return None
        return (r, g, b)

    plain = page is not None and _plain_text(R, page, n // 12)
    if plain:
        def tint(k: int):  # noqa: F811 - no character of this page is in colour
            return None

    coloured_page = False  # a word in colour seen on this page: check both ends of each word from then on

    runs: list[Run] = []
    cur: Optional[Run] = None
    visible = 0

    def feed(left: float, right: float, top: float, bottom: float, size: float, token: str, k: int,
             spaced: bool, op=None) -> None:
        nonlocal cur
        if cur is not None and cur[8] == op:
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
        if spaced and cur is not None and cur[4] < 0.85 * size and cur[3] < bottom - 0.1 * size \
                and -0.5 * size <= left - cur[1] <= RUN_GAP * size and cur[6] and bottom - cur[3] < size:
            token = " " + token  # a word after a raised one and a space ("21st floor", "arrangements¹ and"): the
            # space the stream holds is kept, however tight the type sets the two
        cur = [left, right, top, bottom, size, None, token, k, op]
        runs.append(cur)

    # where a digit follows a letter (maybe a superscript note marker glued on): found once for the page, from
    # the runs of digits and the character before each (a search for the pair itself is ten times slower)
    letter = _LETTER.match
    glued = [k - 1 for k in (d.start() for d in _DIGITS.finditer(text)) if k and letter(text, k - 1)]
    glued.append(n)
    gi = 0
    # a hyphen glyph whose Unicode is several dashes ("-\xad\u2010", as Word for the Mac's fonts map it): one "-"
    folded = _one_glyph_dashes(text, box, handle, rect, rect_ref) if (
        "\xad" in text or "\u2010" in text or "\u2011" in text or "--" in text) and _DASHES.search(text) else ()
    fi = 0
    isfinite = math.isfinite

    def em(k: int) -> float:
        """Character k's type size: its font's size through the text matrix (what pdftotext measures gaps by)."""
        if not R.FPDFText_GetMatrix(raw, k, matrix):
            return 0.0
        return math.hypot(matrix.c, matrix.d) * R.FPDFText_GetFontSize(raw, k)

    def shown(o) -> bool:
        """Is text object o painted on a page of text (not an OCR layer's: unseen, or over a scan)?"""
        return R.FPDFTextObj_GetTextRenderMode(ctypes.cast(o, R.FPDF_PAGEOBJECT)) in (0, 1, 2, 4, 5, 6) \
            and not (scanned is not None and scanned())

    for m in _words(text, box, handle, rect, rect_ref, _fast_object(R), em, shown):
        between = m.group(1)
        s, e = m.span(2)
        word = text[s:e]
        if between and ("\n" in between or "\r" in between and not between.strip("\r")):
            # a line break ("\r\n"), or a lone carriage return in the text; but a "\r" among spaces is a space
            # glyph's text (Quartz's reads "\t\r \xa0"): the words on either side stay one run, a space apart
            cur = None
        spaced = bool(between)
        if folded:
            while folded[fi] < s:
                fi += 1
            if folded[fi] < e:
                word = "".join(text[k] for k in range(s, e) if k not in folded)
        box(handle, s, rect_ref)
        left, top, right, bottom = corners()
        top, bottom = height - top, height - bottom
        size = bottom - top
        if size > 6 * (right - left):  # taller than six of its widths: maybe a font with absurd metrics
            top, bottom = true_box(s, top, bottom)
            size = bottom - top
        uniform = size > 0.5 and isfinite(left + right)
        if uniform and e - s > 1:
            box(handle, e - 1, rect_ref)
            _, ltop, right, lbottom = corners()
            lsize = ltop - lbottom
            lbottom = height - lbottom
            if lsize > 6 * (right - rect.left):
                ltop, lbottom = true_box(e - 1, height - ltop, lbottom)
                ltop, lsize = height - ltop, lbottom - ltop
            uniform = abs(lsize - size) <= 0.15 * size and abs(lbottom - bottom) <= 0.15 * size and (
                word.isascii() or not any(_rtl(c) for c in word))
            if uniform:
                # a note marker inside the word, its two ends body text ("Timetable¹." , "station⁴⁴,")
                while glued[gi] < s:
                    gi += 1
                if glued[gi] < e:  # the word's first letter-digit pair (both are in it: neither is a space)
                    box(handle, glued[gi] + 1, rect_ref)
                    uniform = abs((rect.top - rect.bottom) - size) <= 0.15 * size and abs(
                        (height - rect.bottom) - bottom) <= 0.15 * size
        checked = marks is not None and size > 0.5 and isfinite(left + right) and marks.near(
            left, right, top, bottom)
        if checked:
            uniform = False  # a line crosses or underlines it: read its characters' changes one by one
        word_mark = None
        if uniform and not plain:  # (on a plain page no word is in colour: tint() is None throughout)
            word_mark = tint(s)
            if word_mark is not None:
                coloured_page = True
            if coloured_page and e - s > 1 and tint(e - 1) != word_mark:
                uniform = False  # a letter inserted in another colour ("budget" + "s")
            elif word_mark is not None:
                word_mark = (None, word_mark)  # coloured text: a change, if the document's markup is in colour
        if uniform:
            visible += e - s
            if cur is not None and cur[8] is None and word_mark is None and word.isascii():  # the common case, inline: same line, next word
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
            feed(left, right, top, bottom, size, word, s, spaced, word_mark)
            continue
        for k in range(s, e):  # character by character
            if folded and k in folded:
                continue
            box(handle, k, rect_ref)
            left, right, top, bottom = rect.left, rect.right, height - rect.top, height - rect.bottom
            size = bottom - top
            if size > 6 * (right - left):
                top, bottom = true_box(k, top, bottom)
                size = bottom - top
            if not size > 0.5 or not math.isfinite(left + right):  # NaN/inf from absurd coordinates too
                continue
            visible += 1
            if checked:
                op = marks.mark(left, right, top, bottom, colour(k))
            else:
                op = tint(k)
                op = (None, op) if op is not None else None
            feed(left, right, top, bottom, size, text[k], k, spaced, op)
            spaced = False
    # weight once per run (and a font-name check when the weight is unknown)
    name = ctypes.create_string_buffer(128)
    flags = ctypes.c_int()
    name_size, flags_ref = ctypes.c_ulong(128), ctypes.byref(flags)
    get_angle, get_weight, get_font = _run_calls(R)

    type3_weights = _Type3Weights(R, raw, type3) if type3 is not None else None

    def bold(k: int) -> bool:
        w = get_weight(handle, k)
        if w is None or w <= 0:
            get_font(handle, k, name, name_size, flags_ref)
            font_name = name.value
            if not font_name and type3_weights is not None:
                # no name and no weight: a Type 3 font, whose descriptor pdfium does not read
                w = type3_weights(k)
                if w is not None:
                    return w >= 600
            return _bold_font(font_name) or bool(flags.value & 0x40000)
        if w < 600:
            get_font(handle, k, name, name_size, flags_ref)
            return _bold_font(name.value)
        return True

    def slanted(k: int) -> bool:
        """The character is sheared, not turned: its baseline runs level and only its upright leans (an italic
        a producer made by slanting the roman, Quartz's DejaVu "italic"), so pdfium's angle is the slant's."""
        if not R.FPDFText_GetMatrix(raw, k, matrix):
            return False
        return matrix.a > 0 and matrix.d > 0 and abs(matrix.b) <= 1e-3 * matrix.a and abs(matrix.c) < matrix.d

    upright: list[Run] = []
    halves = _SURROGATE.search(text) is not None  # a run's text is the page's: without surrogates there, none has
    for run in runs:
        k = run[7]
        angle = get_angle(handle, k)
        if 0.1 < angle < 6.18 and not slanted(k):  # rotated text (margin slugs, vertical labels) is not part of
            continue  # the reading
        upright.append(run)
        t = run[6]
        if t[:1].isascii() and t[:1].isalnum() and t[1:2] in ("", " "):
            # a lone letter or digit opening the run: in a dingbat font it is a symbol, not a label ("3 E. coli
            # notifications are rare": ZapfDingbats' "3" is a tick, a bullet of a list)
            get_font(handle, k, name, name_size, flags_ref)
            if _DINGBAT_FONT.search(name.value):
                run[6] = _DINGBATS.get(t[0], "\u2022") + t[1:]
        run[5] = bold(k)
        if run[5]:
            # a bold number opening a run in roman ("1. This Act may be cited ..."): the words after it decide
            m = _LEAD_NUMBER.match(run[6])
            if m and m.end() < len(run[6]):
                run[5] = bold(k + m.end())
        run[6] = _code_points(run[6].rstrip()) if halves else run[6].rstrip()
    return upright, visible


# a control character that is no pdfium marker (\x02: a hyphen it took out; \r, \n: its line breaks): the sign of a
# glyph code that a font gives no Unicode for
_GLYPH_CODE = re.compile("[\x00\x01\x03-\x08\x0b\x0c\x0e-\x1f]")


def _recovered(R, raw, text: str, recover) -> str:
    """The page's text with each character pdfium could not map (it then gives the glyph code itself) read
    through its font's glyph names (`glyphs`), where they give one; every other character as it was."""
    from .glyphs import font_key

    maps = recover()
    if not maps:
        return text
    chars = list(text)
    name = ctypes.create_string_buffer(256)
    flags = ctypes.c_int()
    last: tuple = (None, None)
    for k, ch in enumerate(chars):
        if not R.FPDFText_HasUnicodeMapError(raw, k):
            continue
        got = R.FPDFText_GetFontInfo(raw, k, name, 256, ctypes.byref(flags))
        if not 0 < got <= 256:
            continue
        if name.value != last[0]:
            last = (name.value, maps.get(font_key(name.value.decode("latin-1", "replace"))))
        table = last[1]
        if table is not None:
            chars[k] = table.get(ord(ch), ch)
    return "".join(chars)


# fonts of symbols whose glyphs are named by letters and digits ("3" a tick, "l" a disc): never a text font
_DINGBAT_FONT = re.compile(rb"(?i)dingbat|wingding|webding")
# the symbols a dingbat font's common bullets stand for (ZapfDingbats' code; any other is read as a bullet)
_DINGBATS = {"3": "\u2713", "4": "\u2714", "7": "\u2717", "8": "\u2718", "l": "\u25cf", "n": "\u25a0",
             "u": "\u25c6"}

_BOLD_FONTS: dict[bytes, bool] = {}
_LEAD_NUMBER = re.compile(r"\(?\d{1,3}(?:\.\d{1,3})*[.)]?\s+(?=\S)")


def _bold_font(name: bytes) -> bool:
    """bold_name of a font name as pdfium gives it, once per name (a page has a few fonts and many runs)."""
    bold = _BOLD_FONTS.get(name)
    if bold is None:
        bold = bold_name(name.decode("latin-1", "replace"))
        if len(_BOLD_FONTS) < 4096:
            _BOLD_FONTS[name] = bold
    return bold


def _plain_call(fn, restype=ctypes.c_int):
    """A pdfium function through a plain pointer, without ctypes' per-argument conversion in pypdfium2's typed
    wrapper (for calls made once or more per word, that conversion cost more than pdfium's work)."""
    return ctypes.CFUNCTYPE(restype)(ctypes.cast(fn, ctypes.c_void_p).value)


_BOX = []


def _fast_box(R):
    """FPDFText_GetLooseCharBox(textpage, index, rect), given a plain pointer, an int and a byref."""
    if not _BOX:
        _BOX.append(_plain_call(R.FPDFText_GetLooseCharBox))
    return _BOX[0]


_OBJECT = []


def _fast_object(R):
    """FPDFText_GetTextObject(textpage, index): the text object that draws a character (compared, never used)."""
    if not _OBJECT:
        _OBJECT.append(_plain_call(R.FPDFText_GetTextObject, ctypes.c_void_p))
    return _OBJECT[0]


_FILL = []


def _fast_fill(R):
    """FPDFText_GetFillColor(textpage, index, &r, &g, &b, &a): one call per word."""
    if not _FILL:
        _FILL.append(_plain_call(R.FPDFText_GetFillColor))
    return _FILL[0]


_RUN_CALLS = []


def _run_calls(R):
    """FPDFText_GetCharAngle, FPDFText_GetFontWeight and FPDFText_GetFontInfo (once per run) through plain
    pointers."""
    if not _RUN_CALLS:
        _RUN_CALLS.extend([_plain_call(R.FPDFText_GetCharAngle, ctypes.c_float),
                           _plain_call(R.FPDFText_GetFontWeight), _plain_call(R.FPDFText_GetFontInfo, ctypes.c_ulong)])
    return _RUN_CALLS


_OBJECT_CALLS = []


def _object_calls(R):
    """FPDFPage_GetObject, FPDFFormObj_GetObject, FPDFPageObj_GetType, FPDFPageObj_GetFillColor and
    FPDFFormObj_CountObjects through plain pointers; object handles come back as plain addresses."""
    if not _OBJECT_CALLS:
        _OBJECT_CALLS.extend([_plain_call(R.FPDFPage_GetObject, ctypes.c_void_p),
                              _plain_call(R.FPDFFormObj_GetObject, ctypes.c_void_p), _plain_call(R.FPDFPageObj_GetType),
                              _plain_call(R.FPDFPageObj_GetFillColor), _plain_call(R.FPDFFormObj_CountObjects)])
    return _OBJECT_CALLS


def _plain_text(R, page, budget: int) -> bool:
    """Is every text object of the page, and of the forms on it, filled black, grey or white?

    A character's fill colour (FPDFText_GetFillColor) is its text object's, so then no character is in a
    colour (`mark_colour`) and no word's colour need be read.  False when some object is in colour, when a
    colour cannot be read, or when the page has more than `budget` objects (reading them would cost more
    than reading each word's colour).
    """
    if not hasattr(R, "FPDFFormObj_CountObjects"):
        return False
    get_object, get_form_object, get_type, get_fill, count_form_objects = _object_calls(R)
    text_kind, form_kind = R.FPDF_PAGEOBJ_TEXT, R.FPDF_PAGEOBJ_FORM
    rgba = (ctypes.c_uint * 4)()
    refs = tuple(ctypes.byref(rgba, 4 * i) for i in range(4))
    page_handle = ctypes.cast(page, ctypes.c_void_p)
    forms: list = [None]  # None: the page itself
    seen = 0
    while forms:
        form = forms.pop()
        count = R.FPDFPage_CountObjects(page) if form is None else count_form_objects(form)
        seen += count
        if count < 0 or seen > budget:
            return False
        for i in range(count):
            obj = get_object(page_handle, i) if form is None else get_form_object(form, i)
            if not obj:
                return False
            obj = ctypes.c_void_p(obj)
            kind = get_type(obj)
            if kind == text_kind:
                if not get_fill(obj, *refs):
                    return False
                r, g, b, _a = rgba
                if (r - g if r > g else g - r) >= 60 or (r - b if r > b else b - r) >= 60 or (
                        g - b if g > b else b - g) >= 60:
                    return False
            elif kind == form_kind:
                forms.append(obj)
    return True


_SURROGATE = re.compile("[\ud800-\udfff]")


def _code_points(text: str) -> str:
    """pdfium counts UTF-16 units: a character outside the BMP (mathematical italic 𝑆, an emoji) arrives as
    two surrogate halves.  Join each pair into its code point; a lone half becomes U+FFFD."""
    if not _SURROGATE.search(text):
        return text
    return text.encode("utf-16", "surrogatepass").decode("utf-16", "replace")


# Runs split where the gap between words exceeds this many loose-box heights: wider than any
# justified word space, narrower than a column gutter (some producers' gutters are barely 1 em).
RUN_GAP = 0.9

_WORD = re.compile(r"([\s\xa0]*)([^\s\xa0]+)")
# a paragraph number at a line's start with its text right after it in the text layer ("35.27.4% of ..."): set
# apart on the page by a tab, which the text layer may leave out.  The first line's, then every later line's from
# the line break before it: a pattern that opens with a character is scanned for fast, a lookbehind for the line
# start was tried at every character of the page (the same numbers, in half the time)
_FIRST_LABEL = re.compile(r"[\s\xa0]*(\(?\d{1,3}(?:\.\d{1,3}){0,3}[.)]?)(?=[^\s\xa0])")
_LINE_LABEL = re.compile(r"[\r\n][\s\xa0]*(\(?\d{1,3}(?:\.\d{1,3}){0,3}[.)]?)(?=[^\s\xa0])")


def _words(text: str, box, handle, rect, rect_ref, obj=None, em=None, shown=None):
    """The page's words, a line-opening number split from the text after it where the page sets a gap between them
    that the text layer has no space for (a tab stop: pdftotext prints the space).  Each as _WORD's match: group(1)
    the space before it, span(2) where it is.  (On a page with no such number, the matches themselves: the loop
    over them is a third faster than a generator's.)"""
    splits: set[int] = set()
    first = _FIRST_LABEL.match(text)
    for m in itertools.chain((first,) if first else (), _LINE_LABEL.finditer(text, first.end() if first else 0)):
        # after each "." or ")" of the number ("35." of "35.27.4%"), the first character that may be the text's
        for k in range(m.start(1) + 1, m.end(1) + 1):
            if text[k - 1] not in ".)" or k >= len(text) or text[k] in " \xa0\r\n.)":
                continue
            box(handle, k - 1, rect_ref)
            dot_right, size = rect.right, rect.top - rect.bottom
            box(handle, k, rect_ref)
            if size > 0.5 and rect.left - dot_right > 0.05 * size:  # set closer, the characters of a word touch
                splits.add(k)
                break
    if obj is not None and em is not None and shown is not None:
        _object_splits(text, box, handle, rect, rect_ref, obj, em, shown, splits)
    return _split_words(text, splits) if splits else _WORD.finditer(text)


def _object_splits(text: str, box, handle, rect, rect_ref, obj, em, shown, splits: set[int]) -> None:
    """Where a word of the stream runs from one text object into the next over a gap the stream holds no space for
    ("term" and "would" drawn apart, read "termwould"), the second object's first character: a word of its own.
    The gap must be a tenth of an em at least (pdftotext's word break: below it, a justified line's words drawn in
    pieces, "Effe" + "cts", are one word) and three times every other gap between the word's characters (a
    letter-spaced line's "under" + "pinned" stays one); never beside a hyphen or apostrophe, before a stop or
    comma, after an opening bracket, beside a letter of a script other than Latin, or in a word whose letters are
    objects of their own, drawn unseen or over a scan (an OCR layer's, set unevenly).  One call for each word of
    three characters or more; the characters' boxes only where its ends' objects differ.  `em(k)`: character k's
    type size; `shown(o)`: is object o painted text of a page of text."""
    # a word's two ends are drawn by one object where the next word opens in that object too (an object's
    # characters follow each other in the stream): then one call a word, the object its first character is in
    words = [m.span(2) for m in _WORD.finditer(text) if m.end(2) - m.start(2) >= 3]
    starts = [obj(handle, s) for s, _e in words]
    starts.append(None)
    for n, (s, e) in enumerate(words):
        prev = starts[n]
        if starts[n + 1] == prev or prev == obj(handle, e - 1):
            continue
        _seams(text, box, handle, rect, rect_ref, obj, em, shown, splits, s, e, prev)


def _seams(text: str, box, handle, rect, rect_ref, obj, em, shown, splits: set[int], s: int, e: int,
           prev) -> None:
    """_object_splits for the word text[s:e], its ends in different objects (`prev`: its first character's)."""
    box(handle, s, rect_ref)
    right = rect.right
    gaps, seams = [], []
    for k in range(s + 1, e):
        box(handle, k, rect_ref)
        gap = rect.left - right
        right = rect.right
        o = obj(handle, k)
        if o != prev and text[k] not in _NO_SEAM_BEFORE and text[k - 1] not in _NO_SEAM_AFTER:
            seams.append((k, gap))
        else:
            gaps.append(gap)
        prev = o
    if not seams or len(seams) > 2:
        return  # (an object a letter or two: an OCR layer's word, its letters' gaps too uneven to tell)
    cuts = []
    for k, gap in seams:
        size = em(k - 1)
        if size > 0.5 and gap >= 0.1 * size and not (_foreign(text[k - 1]) or _foreign(text[k])):
            inside = gaps + [g for j, g in seams if j != k and g < 0.1 * size]
            if gap >= 3 * max(inside, default=0.0):
                cuts.append(k)
    if cuts and shown(obj(handle, cuts[0])):  # (not an OCR layer's: drawn unseen, or over its scan)
        splits.update(cuts)


# no word break before a stop, comma, hyphen or apostrophe ("Committee’s", "15-102"), or after a bracket, a hyphen
# or a spacing accent ("O¨pik")
_NO_SEAM_BEFORE = frozenset(".,;:)]!?-\u2010\u2011\u2019'")
_NO_SEAM_AFTER = frozenset("([-\u2010\u2011\u00a8\u00b4`^~")


def _foreign(ch: str) -> bool:
    """A letter beyond Latin (Devanagari's, whose marks stand apart)."""
    return ord(ch) > 0x24F and ch.isalpha()


def _split_words(text: str, splits: set[int]):
    for m in _WORD.finditer(text):
        s, e = m.span(2)
        cuts = [k for k in range(s + 1, e) if k in splits] if e - s > 1 else ()
        if cuts:
            between = m.group(1)
            for a, b in zip([s] + cuts, cuts + [e]):
                yield _Piece(between, a, b)
                between = " "
            continue
        yield m


class _Piece:
    """Part of a word, as _words gives it: group(1) the space before it, span(2) where it is."""

    __slots__ = ("between", "start", "end")

    def __init__(self, between: str, start: int, end: int):
        self.between, self.start, self.end = between, start, end

    def group(self, _k: int) -> str:
        return self.between

    def span(self, _k: int) -> tuple[int, int]:
        return self.start, self.end


class _Type3Weights:
    """The weight of a Type 3 font, from its descriptor's /FontWeight.

    pdfium reads no descriptor of a Type 3 font: it gives it no name and weight 0, so its bold reads as roman.
    Chrome prints a variable web font as Type 3 fonts (EB Garamond at weight 700 named "EBGaramond-Regular" like
    the roman), so a browser-printed paper's bold headings were lost.  The weight is read with pdfminer
    (`glyphs.type3_fonts`, once per page that asks) and tied to pdfium's font by the advance widths both give."""

    def __init__(self, R, raw, type3):
        self.R, self.raw, self.type3 = R, raw, type3
        self.weights: dict = {}  # font address: weight (None: unknown)
        self.candidates: Optional[list] = None

    def __call__(self, k: int) -> Optional[float]:
        obj = self.R.FPDFText_GetTextObject(self.raw, k)
        font = self.R.FPDFTextObj_GetFont(obj) if obj else None
        if not font:
            return None
        key = ctypes.addressof(font.contents)
        if key not in self.weights:
            if self.candidates is None:
                self.candidates = [c for c in self.type3() if c[1]]
            self.weights[key] = _matching_weight(self.R, font, self.candidates)
        return self.weights[key]


def _matching_weight(R, font, candidates: list) -> Optional[float]:
    """The weight of the candidate (weight, advance widths by character) whose widths pdfium's font has, for up
    to a dozen of the candidate's characters; None when none matches or matching ones disagree."""
    width = ctypes.c_float()
    size = ctypes.c_float(1000.0)
    weights = set()
    for weight, widths in candidates:
        chars = sorted(widths)[:12]
        if len(chars) < 2:
            continue
        if all(R.FPDFFont_GetGlyphWidth(font, ord(ch), size, ctypes.byref(width)) and
               abs(width.value - widths[ch]) <= 1.0 for ch in chars):
            weights.add(weight)
    return weights.pop() if len(weights) == 1 else None


# two or three dashes in a row (a hyphen, a soft hyphen, a Unicode hyphen): maybe one glyph's several characters
_DASHES = re.compile("[-\xad\u2010\u2011]{2,3}")


class _Folded(list):
    """Sorted indices of characters to leave out, ending with a sentinel past the page's text; `in` by a set."""

    def __init__(self, drop: list, n: int):
        super().__init__(sorted(drop) + [n])
        self.set = frozenset(drop)

    def __contains__(self, k) -> bool:
        return k in self.set

    def __bool__(self) -> bool:
        return bool(self.set)


def _one_glyph_dashes(text: str, box, handle, rect, rect_ref) -> "_Folded":
    """The characters after the first of each run of dashes that pdfium reports with one box: one glyph whose
    ToUnicode entry is several characters (Word for the Mac through Quartz maps its hyphen to "-", a soft hyphen
    and U+2010, and pdfium gives each the glyph's box).  Read as one "-", never "--".  Two dashes drawn as two
    glyphs ("--", "-\xad" at a line end) stand side by side, each its own box, and stay."""
    drop: list[int] = []
    for m in _DASHES.finditer(text):
        s, e = m.span()
        box(handle, s, rect_ref)
        first = (rect.left, rect.right, rect.top, rect.bottom)
        same = []
        for k in range(s + 1, e):
            box(handle, k, rect_ref)
            if (rect.left, rect.right, rect.top, rect.bottom) != first:
                break
            same.append(k)
        drop.extend(same)
    return _Folded(drop, len(text))


# a digit straight after a letter (maybe a superscript marker): where a run of digits follows a letter
_DIGITS = re.compile(r"[0-9]+")
_LETTER = re.compile(r"[^\W\d_]")


def _rtl(ch: str) -> bool:
    return unicodedata.bidirectional(ch) in ("R", "AL")
