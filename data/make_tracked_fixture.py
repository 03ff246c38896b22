#!/usr/bin/env python3
"""A SYNTHETIC constitution "with tracked changes", and its gold, for the tracked-changes reader.

    python data/make_tracked_fixture.py     # writes data/tracked/constitution-tracked-changes.{pdf,gold.json}

No real PDF with tracked changes is in the corpus, so this one is drawn the way Word and LibreOffice export
a document with its markup shown ("All Markup" / "show changes"): insertions in colour and underlined,
deletions in colour and struck through, a change bar in the left margin beside every changed line, a
renumbered label printed as the old number struck out glued to the new one underlined (`17.5.17.6.`), a
whole inserted paragraph, a whole deleted paragraph, and a blue underlined hyperlink with a link annotation
and no change bar (which is not an insertion).  Underlines and strike-throughs are thin filled rectangles,
as Word draws them; the text is set in Liberation Sans with a ToUnicode map, 11 pt, a 36 pt hanging indent.

The gold is written from SOURCE below, never from an extractor: for every paragraph its number and text
read after the changes (`final`), before them (`original`), and the changes in reading order.
Needs reportlab and the Liberation Sans fonts (fonts-liberation).
"""
from __future__ import annotations

import json
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
OUT = HERE / "tracked"
NAME = "constitution-tracked-changes"
FONT_DIR = Path("/usr/share/fonts/truetype/liberation")

# A paragraph: (number as marked up, text as marked up).  Markup: {+inserted+} and {-deleted-}.
# A number "{-17.5.-}{+17.6.+}" is a renumbered label; "{+17.5+}" a label of an inserted paragraph.
SOURCE = [
    ("H", "17 Questions by Members"),
    ("17.1", "A member may ask the Leader or a Cabinet member a question on any matter in relation to which "
             "the Council has powers or duties or which affects the borough. The procedure is published at "
             "[www.wexcombe.gov.uk/constitution] and is reviewed by the Standards Committee each year."),
    ("17.2", "A question must be given in writing to the Monitoring Officer no later than noon on the "
             "{-third-}{+fifth+} clear working day before the meeting, and must name the member to whom it is put."),
    ("17.3", "Every question shall be put and answered without discussion.{+ The member to whom a question has "
             "been put may decline to answer it, and shall then say why in writing within five working days.+}"),
    ("17.4", "The Mayor may reject a question if it is defamatory, frivolous or offensive{+, or substantially the "
             "same as a question put at a meeting of the Council in the past six months+}."),
    ("{+17.5+}", "{+A member who has asked a question may ask one supplementary question without notice, which "
                 "must arise directly out of the original question or the reply.+}"),
    ("{-17.5.-}{+17.6.+}", "Any question not answered at the meeting because the time allowed has run out shall be "
                           "answered in writing within {-ten-}{+five+} working days of the meeting."),
    ("{-17.6-}", "{-Questions shall be taken in the order in which they were received by the Monitoring Officer, "
                 "unless the Mayor decides otherwise.-}"),
    ("H", "18 Motions on Notice"),
    ("18.1", "Except for motions which can be moved without notice, written notice of every motion, signed by "
             "the mover and seconder, must be delivered to the Monitoring Officer at least seven clear days "
             "before the meeting."),
]

PAGE_W, PAGE_H = 595.0, 842.0
LEFT, TEXT_X, RIGHT = 72.0, 108.0, 523.0
SIZE, LEADING = 11.0, 15.0
CHANGE = (0.74, 0.0, 0.16)  # the reviewer's colour
LINK = (0.02, 0.39, 0.76)
BAR_X = 56.0

_TOKEN = re.compile(r"\{\+(.*?)\+\}|\{-(.*?)-\}|\[(.*?)\]|([^{\[]+)", re.S)


def spans(marked: str) -> list[tuple[str, str]]:
    """(style, text) pieces: style is "", "ins", "del" or "link"."""
    out = []
    for ins, dele, link, plain in _TOKEN.findall(marked):
        if ins:
            out.append(("ins", ins))
        elif dele:
            out.append(("del", dele))
        elif link:
            out.append(("link", link))
        elif plain:
            out.append(("", plain))
    return out


def read_as(marked: str, mode: str) -> str:
    drop = "del" if mode == "final" else "ins"
    return " ".join("".join(t for s, t in spans(marked) if s != drop).split())


def changes(number: str, text: str) -> list[dict]:
    """The changes in reading order; one change runs on over spaces and line ends until other text comes."""
    out = []
    for style, t in spans(number) + [("", " ")] + spans(text):
        if not style and not t.strip():
            if out and out[-1]["_adjacent"]:
                out[-1]["text"] += t
            continue
        if style in ("ins", "del"):
            op = "inserted" if style == "ins" else "deleted"
            if out and out[-1]["op"] == op and out[-1]["_adjacent"]:
                out[-1]["text"] += t
            else:
                out.append({"op": op, "text": t, "_adjacent": True})
        else:
            if out:
                out[-1]["_adjacent"] = False
    return [{"op": c["op"], "text": " ".join(c["text"].split())} for c in out]


def wrap(number: str, text: str, width) -> tuple[float, list[list[tuple[str, str]]]]:
    """The paragraph's words with their style, wrapped to the column after its label: where its first line's text
    starts (a label wider than the hanging indent pushes it to the next tab) and its lines of (style, piece)."""
    words: list[tuple[str, str, bool]] = []  # (style, word, space before)
    for style, t in spans(text):
        for w in re.split(r"(\s+)", t):
            if w:
                words.append((style, " ", True) if w.isspace() else (style, w, False))
    label_end = LEFT + sum(width(t) for _, t in spans(number))
    first_x = TEXT_X
    while first_x < label_end + 4:
        first_x += 36.0
    lines: list[list[tuple[str, str]]] = [[]]
    x = first_x
    for style, w, space in words:
        if space:
            if lines[-1]:
                lines[-1].append((style, " "))
                x += width(" ")
            continue
        if x + width(w) > RIGHT and lines[-1]:
            while lines[-1] and lines[-1][-1][1] == " ":
                lines[-1].pop()
            lines.append([])
            x = TEXT_X
        lines[-1].append((style, w))
        x += width(w)
    return first_x, lines


def main() -> int:
    try:
        from reportlab.pdfbase import pdfmetrics
        from reportlab.pdfbase.ttfonts import TTFont
        from reportlab.pdfgen import canvas
    except ImportError:
        print("make_tracked_fixture: needs reportlab (pip install reportlab)", file=sys.stderr)
        return 2
    if not (FONT_DIR / "LiberationSans-Regular.ttf").exists():
        print("make_tracked_fixture: needs Liberation Sans (apt-get install fonts-liberation)", file=sys.stderr)
        return 2
    pdfmetrics.registerFont(TTFont("LibSans", str(FONT_DIR / "LiberationSans-Regular.ttf")))
    pdfmetrics.registerFont(TTFont("LibSans-Bold", str(FONT_DIR / "LiberationSans-Bold.ttf")))
    OUT.mkdir(exist_ok=True)
    pdf_path = OUT / f"{NAME}.pdf"
    c = canvas.Canvas(str(pdf_path), pagesize=(PAGE_W, PAGE_H), invariant=1)
    c.setProducer("Microsoft® Word for Microsoft 365")
    c.setCreator("Microsoft® Word for Microsoft 365")
    c.setAuthor("Democratic Services")
    c.setTitle("Constitution Part 4 Council Procedure Rules (with tracked changes)")
    width = lambda t, font="LibSans": pdfmetrics.stringWidth(t, font, SIZE)  # noqa: E731

    y = PAGE_H - 90
    c.setFont("LibSans-Bold", 14)
    c.drawString(LEFT, y, "Part 4: Council Procedure Rules (with tracked changes)")
    y -= 32

    def draw_stretch(x: float, y: float, pieces: list[tuple[str, str]]) -> float:
        """Draw a line's pieces from x; each stretch of one style gets one underline or strike-through, the
        spaces inside it included, as Word draws them (thin filled rectangles)."""
        marks: list[list] = []  # [style, x0, x1]
        for style, text in pieces:
            w = width(text)
            colour = CHANGE if style in ("ins", "del") else LINK if style == "link" else (0, 0, 0)
            c.setFillColorRGB(*colour)
            c.setFont("LibSans", SIZE)
            c.drawString(x, y, text)
            if text.strip():
                if marks and marks[-1][0] == style:
                    marks[-1][2] = x + w
                else:
                    marks.append([style, x, x + w])
            x += w
        for style, x0, x1 in marks:
            if not style:
                continue
            c.setFillColorRGB(*(LINK if style == "link" else CHANGE))
            if style in ("ins", "link"):
                c.rect(x0, y - 1.6, x1 - x0, 0.55, stroke=0, fill=1)  # underline, just under the baseline
            else:
                c.rect(x0, y + 3.0, x1 - x0, 0.55, stroke=0, fill=1)  # strike-through, across the x-height
            if style == "link":
                text = "".join(t for s_, t in pieces if s_ == "link")
                c.linkURL("https://" + text, (x0, y - 2, x1, y + SIZE), relative=0)
        c.setFillColorRGB(0, 0, 0)
        return x

    gold_paras = []
    for number, text in SOURCE:
        if number == "H":
            y -= 6
            c.setFont("LibSans-Bold", SIZE)
            c.drawString(LEFT, y, text)
            y -= LEADING + 6
            continue
        first_x, lines = wrap(number, text, width)
        draw_stretch(LEFT, y, spans(number))
        changed_label = any(s in ("ins", "del") for s, _ in spans(number))
        for i, line in enumerate(lines):
            draw_stretch(first_x if i == 0 else TEXT_X, y, line)
            if any(s in ("ins", "del") for s, _ in line) or (i == 0 and changed_label):
                c.rect(BAR_X, y - 3.5, 0.75, LEADING, stroke=0, fill=1)  # the change bar, in the margin
            y -= LEADING
        y -= 8
        gold_paras.append({
            "final": {"number": read_as(number, "final").rstrip("."), "text": read_as(text, "final")},
            "original": {"number": read_as(number, "original").rstrip("."), "text": read_as(text, "original")},
            "changes": changes(number, text),
            "page": 1,
        })
    c.showPage()
    c.save()
    gold = {
        "file": f"{NAME}.pdf",
        "synthetic": True,
        "note": "drawn by data/make_tracked_fixture.py the way Word exports 'with tracked changes'; gold from its SOURCE",
        "producer": "Microsoft® Word for Microsoft 365",
        "paragraphs": gold_paras,
    }
    (OUT / f"{NAME}.gold.json").write_text(json.dumps(gold, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"wrote {pdf_path} and its gold")
    return 0


if __name__ == "__main__":
    sys.exit(main())
