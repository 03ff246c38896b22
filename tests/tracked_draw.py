"""Draw the tracked-changes constitution of data/make_tracked_fixture.py (its SOURCE, the same paragraphs and
changes) the way other producers print their markup, for `lspkit diff --tracked` tests.

A convention says how an insertion and a deletion look: their colour, whether the insertion is underlined and
how (Word draws underlines and strike-throughs as thin filled rectangles, LibreOffice and PDF printers as stroked
lines), whether a change bar stands in the margin, and whether a deletion is struck through once or twice.
The gold is the fixture's own: it is written from SOURCE, never from a reading.
"""
from __future__ import annotations

import importlib.util
from pathlib import Path

DATA = Path(__file__).resolve().parent.parent / "data"
_spec = importlib.util.spec_from_file_location("make_tracked_fixture", DATA / "make_tracked_fixture.py")
fixture = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(fixture)

SOURCE = fixture.SOURCE
FONT_DIR = fixture.FONT_DIR

CONVENTIONS = {
    # Word "All Markup": one colour for both, filled-rectangle underline and strike-through, change bars
    "word": dict(ins=(0.74, 0.0, 0.16), dele=(0.74, 0.0, 0.16), under="rect", strike="rect", bars=True),
    # LibreOffice "show changes": the author's colour, stroked lines, change bars
    "libreoffice": dict(ins=(0.70, 0.45, 0.0), dele=(0.70, 0.45, 0.0), under="line", strike="line", bars=True),
    # a planning inspector's schedule: black text, underlined insertions, struck deletions, no bars
    "monochrome": dict(ins=(0, 0, 0), dele=(0, 0, 0), under="line", strike="line", bars=False),
    # a redline that colours insertions without underlining them (Google Docs suggestions printed), no bars
    "coloured-insertions": dict(ins=(0.85, 0.1, 0.55), dele=(0.85, 0.1, 0.55), under=None, strike="line", bars=False),
    # deletions struck through twice (a legal blackline's double strike), one colour, no bars
    "double-strike": dict(ins=(0.74, 0.0, 0.16), dele=(0.74, 0.0, 0.16), under="line", strike="double", bars=False),
    # insertions blue and underlined, deletions red and struck through, with change bars
    "two-colours-bars": dict(ins=(0.0, 0.2, 0.8), dele=(0.8, 0.0, 0.0), under="line", strike="line", bars=True),
    # Word's markup as Aspose prints it (a board-packet export): black text on a pale highlight a line high,
    # insertions on light cyan, never underlined, deletions struck through on pink; no bars
    "highlights": dict(ins=(0, 0, 0), dele=(0, 0, 0), under=None, strike="line", bars=False,
                       bg={"ins": (227 / 255, 1.0, 1.0), "del": (251 / 255, 177 / 255, 177 / 255)}),
}
# Not read yet (see the test module): insertions blue and underlined, deletions red and struck through, and no
# change bar -- an insertion colour that is never struck through looks like a hyperlink's.
TWO_COLOURS_NO_BARS = dict(ins=(0.0, 0.2, 0.8), dele=(0.8, 0.0, 0.0), under="line", strike="line", bars=False)

PAGE_W, PAGE_H = 595.0, 842.0
LEFT, TEXT_X, RIGHT = 72.0, 108.0, 523.0
SIZE, LEADING = 11.0, 15.0
BAR_X = 56.0


def draw(path: Path, convention) -> Path:
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.pdfgen import canvas

    style = CONVENTIONS[convention] if isinstance(convention, str) else convention
    pdfmetrics.registerFont(TTFont("LibSans", str(FONT_DIR / "LiberationSans-Regular.ttf")))
    pdfmetrics.registerFont(TTFont("LibSans-Bold", str(FONT_DIR / "LiberationSans-Bold.ttf")))
    c = canvas.Canvas(str(path), pagesize=(PAGE_W, PAGE_H), invariant=1)
    c.setProducer(f"test drawing ({convention})")
    width = lambda t: pdfmetrics.stringWidth(t, "LibSans", SIZE)  # noqa: E731

    def mark(kind: str, x0: float, x1: float, y: float) -> None:
        colour = style["ins"] if kind == "ins" else style["dele"]
        how = style["under"] if kind == "ins" else style["strike"]
        if how is None:
            return
        heights = {"ins": [y - 1.6], "del": [y + 3.0]}[kind] if how != "double" else [y + 2.2, y + 4.2]
        for h in heights:
            if how == "rect":
                c.setFillColorRGB(*colour)
                c.rect(x0, h, x1 - x0, 0.55, stroke=0, fill=1)
            else:
                c.setStrokeColorRGB(*colour)
                c.setLineWidth(0.6)
                c.line(x0, h + 0.25, x1, h + 0.25)

    def draw_stretch(x: float, y: float, pieces) -> None:
        marks: list[list] = []
        if style.get("bg"):  # the highlights go down first, the text over them
            at = x
            for kind, text in pieces:
                w = width(text)
                if kind in style["bg"] and text.strip():
                    c.setFillColorRGB(*style["bg"][kind])
                    c.rect(at, y - 3.5, w, LEADING - 1, stroke=0, fill=1)
                at += w
        for kind, text in pieces:
            w = width(text)
            colour = style["ins"] if kind == "ins" else style["dele"] if kind == "del" else (0, 0, 0)
            c.setFillColorRGB(*colour)
            c.setFont("LibSans", SIZE)
            c.drawString(x, y, text)
            if text.strip():
                if marks and marks[-1][0] == kind:
                    marks[-1][2] = x + w
                else:
                    marks.append([kind, x, x + w])
            x += w
        for kind, x0, x1 in marks:
            if kind in ("ins", "del"):
                mark(kind, x0, x1, y)
        c.setFillColorRGB(0, 0, 0)

    y = PAGE_H - 90
    c.setFont("LibSans-Bold", 14)
    c.drawString(LEFT, y, "Part 4: Council Procedure Rules (with tracked changes)")
    y -= 32
    for number, text in SOURCE:
        if number == "H":
            y -= 6
            c.setFont("LibSans-Bold", SIZE)
            c.drawString(LEFT, y, text)
            y -= LEADING + 6
            continue
        first_x, lines = fixture.wrap(number, text, width)
        draw_stretch(LEFT, y, fixture.spans(number))
        changed_label = any(s in ("ins", "del") for s, _ in fixture.spans(number))
        for i, line in enumerate(lines):
            draw_stretch(first_x if i == 0 else TEXT_X, y, line)
            if style["bars"] and (any(s in ("ins", "del") for s, _ in line) or (i == 0 and changed_label)):
                c.setFillColorRGB(0, 0, 0)
                c.rect(BAR_X, y - 3.5, 0.75, LEADING, stroke=0, fill=1)
            y -= LEADING
        y -= 8
    c.showPage()
    c.save()
    return path
