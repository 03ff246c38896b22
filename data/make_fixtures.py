#!/usr/bin/env python3
"""Regenerate every test fixture in data/ and its gold JSON, deterministically.

    python data/make_fixtures.py            # all fixtures
    python data/make_fixtures.py hop v1     # only some (names: see FIXTURES at the bottom)

Why a hand-written layout engine over reportlab's canvas (and not platypus):
the gold must say on which page every paragraph starts, a paragraph must be
able to continue over a page break at an exact word, paragraph numbers must
sit in a margin column, and hyphenation must happen at chosen points.  The
engine lays every page out as a list of drawing operations first, so the
footer can say "Page 2 of 4", then draws them.  Gold JSON is written from
the same source data and the placement record, never from an extractor.

Source texts live in data/src/*.txt in a small line markup:

    % comment                         @key: value        document metadata
    ## NUM | HEADING                  a numbered section (chapter/annex by document style)
    #U HEADING                        an unnumbered heading (Foreword, Summary)
    P NUM | text                      a numbered paragraph
    PA NUM | text                     ... whose number sits alone on its own line
    Q NUM | text                      a consultation question (NUM like "Q7")
    - GLYPH | text                    bullet (• – ▪ ...) or lettered part ((a), a), (i))
    -- GLYPH | text                   second-level bullet / part
    + text                            text after the parts, same paragraph
    N LABEL | text                    footnote for the paragraph above; "[^LABEL]" marks it
    T cell | cell | cell              table row placed after the paragraph above
    BREAK                             start a new page here
    U text                            unnumbered prose
    inline: **bold**, __italic__, "~" = a hyphenation point (soft hyphen),
            "¬" = a preferred line break point ("sub-¬regional", "partner¬ships"),
            "\\f" = forced page break inside a paragraph.

Gold conventions (the same in every <name>.gold.json, see data/README.md):
  * "number" as printed without a trailing dot: "3.4", "12", "2.1.1";
    questions are "Q7" (printed "Question 7:" in boxes, "Q7" in annex lists).
  * "text" is the paragraph's lead text, then each part's text, then any
    text after the parts, joined by single spaces.  Bullet glyphs are NOT in
    the text; lettered labels ARE ("(a) the first ..."), because they are
    words of the document that other paragraphs cite.  "parts" lists the part
    texts in order (the same strings).  No footnote markers or note text, no
    table cells, no running header/footer, soft hyphens removed, real
    hyphens kept ("well-being"), ligatures as plain "fi"/"fl".
  * "page" is the 1-based physical page where the paragraph's first line is;
    "page_end" the page of its last line.
  * A question appears once in "paragraphs" (where it is first asked, kind
    "question"); the annex that repeats the questions is in "annex_questions".
  * "tables": [{"after": para number, "page", "rows"}]; "notes":
    [{"label", "text", "after": para number, "page"}]; reportlab fixtures also list
    "line_end_hyphens": [{"kind": soft|hard, "printed": "sub-|regional", "word": "sub-regional"}].
"""
from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Optional

HERE = Path(__file__).resolve().parent
SRC = HERE / "src"
A4 = (595.2756, 841.8898)
SOFT = "\u00ad"
PREFER = "\u00ac"   # "¬" in a source word: break here when the line is already 60% full
FORCED_BREAK = "\\f"

# --------------------------------------------------------------------------- fonts

FONT_DIRS = ["/usr/share/fonts/truetype/liberation", "/usr/share/fonts/truetype/dejavu"]
FAMILIES = {
    "sans": [("LiberationSans-Regular", "LiberationSans-Bold", "LiberationSans-Italic"),
             ("DejaVuSans", "DejaVuSans-Bold", "DejaVuSans-Oblique")],
    "dejavu": [("DejaVuSans", "DejaVuSans-Bold", "DejaVuSans-Oblique")],
    "serif": [("LiberationSerif-Regular", "LiberationSerif-Bold", "LiberationSerif-Italic"),
              ("DejaVuSerif", "DejaVuSerif-Bold", "DejaVuSerif-Italic")],
}
_registered: dict[str, tuple[str, str, str]] = {}


def family(name: str) -> tuple[str, str, str]:
    """Register a TTF family (regular, bold, italic) once; reportlab's base-14
    fonts lack ▪ and the fi/fl ligature glyphs, so every fixture embeds a TTF."""
    if name in _registered:
        return _registered[name]
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    for faces in FAMILIES[name]:
        paths = []
        for face in faces:
            found = [Path(d) / f"{face}.ttf" for d in FONT_DIRS if (Path(d) / f"{face}.ttf").exists()]
            if not found:
                break
            paths.append(found[0])
        if len(paths) == 3:
            for face, path in zip(faces, paths):
                pdfmetrics.registerFont(TTFont(face, str(path)))
            _registered[name] = faces
            return faces
    raise SystemExit(f"make_fixtures: no TTF fonts for {name!r}: apt-get install fonts-liberation fonts-dejavu-core")


# --------------------------------------------------------------------------- source data


@dataclass
class Part:
    glyph: str          # bullet glyph, or a label such as "(a)", "a)", "(i)"
    text: str
    level: int = 0

    @property
    def lettered(self) -> bool:
        return not (len(self.glyph) == 1 and not self.glyph.isalnum())


@dataclass
class Para:
    number: str
    text: str
    kind: str = "paragraph"           # or "question"
    parts: list[Part] = field(default_factory=list)
    tail: str = ""
    notes: list[tuple[str, str]] = field(default_factory=list)
    table: list[list[str]] = field(default_factory=list)
    alone: bool = False               # number on a line of its own


@dataclass
class Heading:
    number: Optional[str]
    text: str


@dataclass
class Prose:
    text: str


@dataclass
class PageBreak:
    """Start a new page (a heading kept with its paragraphs, as Word's "keep with next" does)."""


@dataclass
class Source:
    meta: dict[str, str]
    items: list  # Heading | Para | Prose


def parse_source(text: str) -> Source:
    meta: dict[str, str] = {}
    items: list = []
    last: Optional[Para] = None
    for raw in text.splitlines():
        line = raw.rstrip()
        if not line.strip() or line.startswith("%"):
            continue
        if line.startswith("@"):
            key, _, value = line[1:].partition(":")
            meta[key.strip()] = value.strip()
            continue
        tag, _, rest = line.partition(" ")
        head, sep, body = rest.partition(" | ")
        if tag == "##":
            items.append(Heading(head.strip(), body.strip()))
            last = None
        elif tag == "#U":
            items.append(Heading(None, rest.strip()))
            last = None
        elif tag in ("P", "PA", "Q"):
            last = Para(head.strip(), body.strip(), "question" if tag == "Q" else "paragraph", alone=tag == "PA")
            items.append(last)
        elif tag in ("-", "--"):
            assert last is not None, line
            last.parts.append(Part(head.strip(), body.strip(), 0 if tag == "-" else 1))
        elif tag == "+":
            assert last is not None, line
            last.tail = (last.tail + " " + rest.strip()).strip()
        elif tag == "N":
            assert last is not None, line
            last.notes.append((head.strip(), body.strip()))
        elif tag == "T":
            assert last is not None, line
            last.table.append([c.strip() for c in rest.split(" | ")])
        elif tag == "U":
            items.append(Prose(rest.strip()))
            last = None
        elif tag == "BREAK":
            items.append(PageBreak())
            last = None
        else:
            raise ValueError(f"bad fixture markup line: {line!r}")
    return Source(meta, items)


def load_source(name: str) -> Source:
    return parse_source((SRC / name).read_text(encoding="utf-8"))


# ----------------------------------------------------------------------- gold text

_MARKUP = re.compile(r"\*\*|__|\[\^[^\]]+\]")


def plain(text: str) -> str:
    """Source markup -> the text a perfect reader would return."""
    text = _MARKUP.sub("", text).replace("~", "").replace(SOFT, "").replace(PREFER, "")
    text = text.replace(FORCED_BREAK, " ")
    return " ".join(text.split())


def part_text(part: Part) -> str:
    body = plain(part.text)
    return f"{part.glyph} {body}" if part.lettered else body


def para_text(p: Para) -> str:
    pieces = [plain(p.text)] + [part_text(x) for x in p.parts] + ([plain(p.tail)] if p.tail else [])
    return " ".join(x for x in pieces if x)


# --------------------------------------------------------------------------- layout


@dataclass
class Style:
    fonts: str = "sans"
    size: float = 11.0
    leading: float = 14.0
    para_gap: float = 8.0
    left: float = 72.0
    right: float = 72.0
    top: float = 78.0
    bottom: float = 72.0
    num_x: float = 72.0             # where paragraph numbers go
    text_x: float = 112.0           # where paragraph text goes
    heading_x: float = 72.0         # where section numbers go
    heading_text_x: float = 112.0   # where section heading text goes
    heading_size: float = 11.0
    heading_caps: bool = False
    chapter_fmt: Optional[str] = None   # e.g. "Chapter {n}: {h}" (whole heading on one line)
    annex_fmt: Optional[str] = None     # e.g. "Annex {n}: {h}"
    number_fmt: str = "{n}"             # e.g. "{n}." for trailing-dot numbering
    section_fmt: str = "{n}."
    part_indent: float = 20.0           # text offset of a part from its glyph
    ligatures: bool = False
    boxed_questions: bool = False
    question_fmt: str = "Question {k}:"
    hyphenate: dict = field(default_factory=dict)          # word -> "hy~phen~ation" points
    header: Optional[Callable[[int, int], list]] = None   # (page, pages) -> ops
    footer: Optional[Callable[[int, int], list]] = None


class Layout:
    """Places lines on pages as drawing ops and records where each paragraph went."""

    def __init__(self, style: Style):
        from reportlab.pdfbase.pdfmetrics import stringWidth

        self.s = style
        self.regular, self.bold, self.italic = family(style.fonts)
        self._sw = stringWidth
        self.pages: list[list[tuple]] = []
        self.no_furniture: set[int] = set()
        self.placed: dict[str, dict] = {}     # number -> {"page", "page_end"}
        self.sections: list[dict] = []
        self.tables: list[dict] = []
        self.notes: list[dict] = []
        self.hyphenated: list[str] = []       # words broken at a line end (for checks)
        self.new_page()

    # -- pages
    @property
    def page(self) -> int:
        return len(self.pages)

    def new_page(self) -> None:
        self.pages.append([])
        self.y = A4[1] - self.s.top
        self.foot_reserved = 0.0
        self.foot_notes: list[tuple[str, str]] = []

    @property
    def floor(self) -> float:
        return self.s.bottom + self.foot_reserved

    def need(self, height: float) -> None:
        if self.y - height < self.floor:
            self.finish_page()
            self.new_page()

    def finish_page(self) -> None:
        if not self.foot_notes:
            return
        size = self.s.size - 2.5
        y = self.s.bottom + self.foot_reserved - 6
        ops = self.pages[-1]
        ops.append(("line", self.s.text_x, y + 2, self.s.text_x + 120, y + 2, 0.5))
        y -= size + 2
        width = A4[0] - self.s.right - self.s.text_x - 10
        for label, text in self.foot_notes:
            ops.append(("text", self.s.text_x, y + 3, self.regular, size - 2, label))
            for line in self.wrap(tokens(text, self), width - 0, size):
                self.draw_line(line, self.s.text_x + 8, y, size)
                y -= size + 2

    def text_width(self) -> float:
        return A4[0] - self.s.right - self.s.text_x

    # -- text
    def shape(self, s: str) -> str:
        s = s.replace(SOFT, "")
        if self.s.ligatures:
            s = s.replace("fi", "\ufb01").replace("fl", "\ufb02")
        return s

    def width(self, s: str, font: str, size: float) -> float:
        return self._sw(self.shape(s), font, size)

    def wrap(self, toks: list["Tok"], width: float, size: float, first_width: Optional[float] = None) -> list[list["Tok"]]:
        """Greedy line breaking; a word that does not fit is hyphenated at a
        marked point ("~") or after a real hyphen when its first half fits."""
        lines: list[list[Tok]] = []
        line: list[Tok] = []
        used = 0.0
        limit = first_width if first_width is not None else width
        queue = list(toks)
        while queue:
            t = queue.pop(0)
            if t.text == FORCED_BREAK:
                line.append(t)
                lines.append(line)
                line, used, limit = [], 0.0, width
                continue
            space = 0.0 if (not line or t.attach) else self.width(" ", t.font, t.size or size)
            w = self.width(t.text, t.font, t.size or size)
            if t.prefer and line and used >= 0.6 * limit:
                split = self.try_split(t, limit - used - space, size)
                if split:
                    line.append(split[0])
                    queue.insert(0, split[1])
                    lines.append(line)
                    line, used, limit = [], 0.0, width
                    continue
            if used + space + w <= limit or not line:
                line.append(t)
                used += space + w
                continue
            split = self.try_split(t, limit - used - space, size)
            if split:
                head, rest = split
                line.append(head)
                queue.insert(0, rest)
            else:
                queue.insert(0, t)
            lines.append(line)
            line, used, limit = [], 0.0, width
        if line:
            lines.append(line)
        return lines

    def try_split(self, t: "Tok", room: float, size: float):
        cands = []
        for i, ch in enumerate(t.text):
            if ch == SOFT:
                cands.append((t.text[:i] + "-", t.text[i + 1:], "soft"))
            elif ch == "-" and 0 < i < len(t.text) - 1:
                cands.append((t.text[: i + 1], t.text[i + 1:], "hard"))
        for head, rest, kind in reversed(cands):
            if self.width(head, t.font, t.size or size) <= room:
                self.hyphenated.append((kind, head + "|" + rest.replace(SOFT, "")))
                return Tok(head, t.font, t.size), Tok(rest, t.font, t.size, attach=False)
        return None

    def draw_line(self, line: list["Tok"], x: float, y: float, size: float) -> None:
        """One drawString per font run, real space characters between words."""
        ops = self.pages[-1]
        run_font, run_size, run_text, run_x, run_rise = None, None, "", x, 0.0
        cx = x
        for i, t in enumerate(line):
            if t.text == FORCED_BREAK:
                continue
            sz = t.size or size
            rise = t.rise
            lead = "" if (i == 0 or t.attach) else " "
            if (t.font, sz, rise) != (run_font, run_size, run_rise):
                if run_text:
                    ops.append(("text", run_x, y + run_rise, run_font, run_size, self.shape(run_text)))
                    cx = run_x + self.width(run_text, run_font, run_size)
                # the space belongs to the run before, so the text stream has it
                if lead and run_text:
                    ops[-1] = ops[-1][:5] + (ops[-1][5] + " ",)
                    cx += self.width(" ", run_font, run_size)
                elif lead:
                    cx += self.width(" ", t.font, sz)
                run_font, run_size, run_rise, run_text, run_x = t.font, sz, rise, t.text, cx
            else:
                run_text += lead + t.text
        if run_text:
            ops.append(("text", run_x, y + run_rise, run_font, run_size, self.shape(run_text)))

    def place_lines(self, lines, x: float, size: float, leading: float, first_x: Optional[float] = None,
                    number: Optional[str] = None, on_first: Optional[Callable[[], None]] = None,
                    keep: int = 1):
        """Place wrapped lines; a forced break token moves to a new page."""
        for i, line in enumerate(lines):
            note_h = 0.0
            new_notes = [t.note for t in line if t.note]
            if new_notes:
                note_h = sum(self.note_height(n) for n in new_notes) + (0 if self.foot_notes else 10)
            if i == 0:
                self.need(leading * keep)
            if self.y - leading < self.floor + note_h:
                self.finish_page()
                self.new_page()
            self.y -= leading
            if i == 0 and on_first:
                on_first()
            self.draw_line(line, first_x if (i == 0 and first_x is not None) else x, self.y, size)
            if number:
                rec = self.placed.setdefault(number, {"page": self.page})
                rec["page_end"] = self.page
            for n in new_notes:
                self.foot_notes.append(n)
                self.foot_reserved += self.note_height(n) + (10 if len(self.foot_notes) == 1 else 0)
                self.notes.append({"label": n[0], "text": plain(n[1]), "after": number, "page": self.page})
            if line and line[-1].text == FORCED_BREAK:
                self.finish_page()
                self.new_page()

    def note_height(self, note) -> float:
        size = self.s.size - 2.5
        return len(self.wrap(tokens(note[1], self), self.text_width() - 10, size)) * (size + 2)

    # -- blocks
    def spacer(self, h: float) -> None:
        self.y -= h

    def text_op(self, x: float, text: str, font: Optional[str] = None, size: Optional[float] = None,
                align: str = "left", gap: Optional[float] = None) -> None:
        size = size or self.s.size
        font = font or self.regular
        self.need(gap or size * 1.3)
        self.y -= gap or size * 1.3
        if align == "center":
            x = (A4[0] - self.width(text, font, size)) / 2
        elif align == "right":
            x = A4[0] - self.s.right - self.width(text, font, size)
        self.pages[-1].append(("text", x, self.y, font, size, self.shape(text)))

    def heading(self, number: Optional[str], text: str, kind: str = "section") -> None:
        s = self.s
        size = s.heading_size
        lead = size * 1.35
        self.need(lead * 2 + s.leading * 3)     # keep with the next paragraph
        self.y -= s.para_gap + (size - s.size)
        shown = text.upper() if s.heading_caps else text
        fmt = {"chapter": s.chapter_fmt, "annex": s.annex_fmt}.get(kind)
        if number is not None:
            self.sections.append({"number": number, "heading": plain(text), "page": self.page, "kind": kind})
        if fmt:
            whole = fmt.format(n=number, h=shown)
            lines = self.wrap(tokens("**" + whole + "**", self, size), self.text_width(), size)
            self.place_lines(lines, s.heading_text_x, size, lead)
        elif number is None:
            lines = self.wrap(tokens("**" + shown + "**", self, size), self.text_width(), size)
            self.place_lines(lines, s.heading_text_x, size, lead)
        else:
            label = s.section_fmt.format(n=number)
            lines = self.wrap(tokens("**" + shown + "**", self, size), A4[0] - s.right - s.heading_text_x, size)
            self.place_lines(lines, s.heading_text_x, size, lead, on_first=lambda: self.pages[-1].append(
                ("text", s.heading_x, self.y, self.bold, size, label)))
        self.y -= s.para_gap * 0.5

    def prose(self, text: str, x: Optional[float] = None) -> None:
        s = self.s
        x = s.text_x if x is None else x
        self.y -= s.para_gap
        lines = self.wrap(tokens(text, self), A4[0] - s.right - x, s.size)
        self.place_lines(lines, x, s.size, s.leading, keep=2)

    def paragraph(self, p: Para) -> None:
        s = self.s
        self.y -= s.para_gap
        label = s.number_fmt.format(n=p.number)
        num_op = lambda: self.pages[-1].append(("text", s.num_x, self.y, self.regular, s.size, label))  # noqa: E731
        if p.alone:
            self.need(s.leading * 3)
            self.y -= s.leading
            num_op()
            self.placed[p.number] = {"page": self.page, "page_end": self.page}
            on_first = None
        else:
            on_first = num_op
        lines = self.wrap(tokens(p.text, self), self.text_width(), s.size)
        self.place_lines(lines, s.text_x, s.size, s.leading, number=p.number, on_first=on_first, keep=2)
        self.place_parts(p, s.text_x)
        if p.tail:
            self.y -= s.para_gap * 0.5
            lines = self.wrap(tokens(p.tail, self), self.text_width(), s.size)
            self.place_lines(lines, s.text_x, s.size, s.leading, number=p.number)
        if p.table:
            self.table(p.number, p.table)

    def place_parts(self, p: Para, base_x: float) -> None:
        s = self.s
        for part in p.parts:
            gx = base_x + part.level * 24
            tx = gx + (s.part_indent if not part.lettered else max(s.part_indent, 26))
            self.y -= s.para_gap * 0.4
            lines = self.wrap(tokens(part.text, self), A4[0] - s.right - tx, s.size)
            glyph = part.glyph
            font = self.regular
            self.place_lines(lines, tx, s.size, s.leading, number=p.number,
                             on_first=lambda g=glyph, x=gx: self.pages[-1].append(("text", x, self.y, font, s.size, g)))

    def question(self, p: Para, k: int) -> None:
        """A boxed consultation question, never split over pages."""
        s = self.s
        pad = 7.0
        x0, x1 = s.text_x, A4[0] - s.right
        text = "**" + s.question_fmt.format(k=k) + "** " + p.text
        lines = self.wrap(tokens(text, self), x1 - x0 - 2 * pad, s.size)
        h = len(lines) * s.leading + 2 * pad
        self.y -= s.para_gap * 1.5
        self.need(h + 4)
        top = self.y
        self.y -= pad - 1
        self.place_lines(lines, x0 + pad, s.size, s.leading, number=p.number)
        self.place_parts(p, x0 + pad)
        self.y -= pad + 3
        self.pages[-1].append(("rect", x0, self.y, x1 - x0, top - self.y, 0.8))

    def table(self, after: str, rows: list[list[str]]) -> None:
        s = self.s
        size = s.size - 1.5
        x0, x1 = s.text_x, A4[0] - s.right
        ncol = len(rows[0])
        first = (x1 - x0) * 0.4
        widths = [first] + [((x1 - x0) - first) / (ncol - 1)] * (ncol - 1)
        row_h = size * 1.9
        self.y -= s.para_gap * 1.5
        self.need(row_h * len(rows) + 6)
        ops = self.pages[-1]
        top = self.y
        for r, row in enumerate(rows):
            ops.append(("line", x0, self.y, x1, self.y, 0.8 if r <= 1 else 0.4))
            y = self.y - row_h + size * 0.6
            x = x0
            for c, cell in enumerate(row):
                font = self.bold if r == 0 else self.regular
                ops.append(("text", x + 4, y, font, size, self.shape(cell)))
                x += widths[c]
            self.y -= row_h
        ops.append(("line", x0, self.y, x1, self.y, 0.8))
        x = x0
        for w in widths + [0]:
            ops.append(("line", x, top, x, self.y, 0.4))
            x += w
        self.tables.append({"after": after, "page": self.page, "rows": [[plain(c) for c in row] for row in rows]})
        self.y -= 4

    # -- output
    def render(self, path: Path, meta: dict[str, str]) -> int:
        from reportlab.pdfgen import canvas

        self.finish_page()
        path.parent.mkdir(parents=True, exist_ok=True)
        c = canvas.Canvas(str(path), pagesize=A4, invariant=1, pageCompression=1)
        c.setTitle(meta.get("title", ""))
        c.setAuthor(meta.get("author", ""))
        c.setSubject(meta.get("subject", ""))
        c.setCreator("lspkit data/make_fixtures.py (reportlab)")
        total = len(self.pages)
        for i, ops in enumerate(self.pages, start=1):
            furniture = []
            if i not in self.no_furniture:
                furniture += self.s.header(i, total) if self.s.header else []
                furniture += self.s.footer(i, total) if self.s.footer else []
            for op in furniture + ops:
                kind = op[0]
                if kind == "text":
                    _, x, y, font, size, text = op
                    c.setFont(font, size)
                    c.drawString(x, y, text)
                elif kind == "line":
                    _, xa, ya, xb, yb, lw = op
                    c.setLineWidth(lw)
                    c.line(xa, ya, xb, yb)
                elif kind == "rect":
                    _, x, y, w, h, lw = op
                    c.setLineWidth(lw)
                    c.rect(x, y, w, h, stroke=1, fill=0)
            c.showPage()
        c.save()
        return total


@dataclass
class Tok:
    text: str
    font: str
    size: Optional[float] = None
    attach: bool = False            # no space before (footnote marker, hyphen remainder)
    rise: float = 0.0
    note: Optional[tuple[str, str]] = None
    prefer: bool = False            # break this word at its marked point if the line is well filled


_NOTE_TEXTS: dict[str, str] = {}


def tokens(text: str, lay: Layout, size: Optional[float] = None) -> list[Tok]:
    """Markup -> word tokens with fonts; "~" becomes a soft hyphen (break point)."""
    out: list[Tok] = []
    bold = italic = False
    for piece in re.split(r"(\*\*|__|\[\^[^\]]+\]|\\f)", text):
        if piece == "**":
            bold = not bold
        elif piece == "__":
            italic = not italic
        elif piece == FORCED_BREAK:
            out.append(Tok(FORCED_BREAK, lay.regular))
        elif piece.startswith("[^"):
            label = piece[2:-1]
            out.append(Tok(label, lay.regular, (size or lay.s.size) * 0.65, attach=True,
                           rise=(size or lay.s.size) * 0.4, note=(label, _NOTE_TEXTS.get(label, ""))))
        elif piece:
            font = lay.bold if bold else lay.italic if italic else lay.regular
            for w in piece.replace("~", SOFT).split():
                prefer = PREFER in w
                if prefer:
                    i = w.index(PREFER)
                    w = w[:i] + ("" if w[i - 1] == "-" else SOFT) + w[i + 1:]
                if lay.s.hyphenate and not prefer:
                    w = re.sub(r"[A-Za-z]+", lambda m: _hyphen_points(m.group(0), lay.s.hyphenate), w)
                out.append(Tok(w, font, size, prefer=prefer))
    return out


def _hyphen_points(word: str, table: dict) -> str:
    pattern = table.get(word.lower())
    if not pattern:
        return word
    out, i = [], 0
    for ch in pattern:
        if ch == "~":
            out.append(SOFT)
        else:
            out.append(word[i])
            i += 1
    return "".join(out)


def lay_out(src: Source, style: Style, path: Path, *, front: Optional[Callable[[Layout], None]] = None,
            back: Optional[Callable[[Layout], None]] = None, annex_questions: Optional[str] = None) -> dict:
    """Lay a source out into a PDF and return its gold record."""
    lay = Layout(style)
    _NOTE_TEXTS.clear()
    for item in src.items:
        if isinstance(item, Para):
            for label, text in item.notes:
                _NOTE_TEXTS[label] = text
    if front:
        front(lay)
    section: Optional[str] = None
    heading: Optional[str] = None
    paragraphs: list[dict] = []
    questions: list[Para] = []
    annex_rec: list[dict] = []
    for item in src.items:
        if isinstance(item, PageBreak):
            lay.finish_page()
            lay.new_page()
        elif isinstance(item, Heading):
            kind = "section"
            if item.number and item.number.isalpha() and style.annex_fmt:
                kind = "annex"
            elif item.number and style.chapter_fmt:
                kind = "chapter"
            lay.heading(item.number, item.text, kind)
            if item.number:
                section, heading = item.number, plain(item.text)
            if kind == "annex" and annex_questions == item.number:
                for q in questions:
                    lay.y -= style.para_gap
                    lines = lay.wrap(tokens(q.text, lay), lay.text_width(), style.size)
                    key = "annex:" + q.number
                    lay.place_lines(lines, style.text_x, style.size, style.leading, number=key, keep=2,
                                    on_first=lambda n=q.number: lay.pages[-1].append(
                                        ("text", style.num_x, lay.y, lay.bold, style.size, n)))
                    annex_rec.append({"number": q.number, "page": lay.placed[key]["page"], "text": para_text(q)})
        elif isinstance(item, Prose):
            lay.prose(item.text)
        elif isinstance(item, Para):
            if item.kind == "question":
                questions.append(item)
                lay.question(item, int(item.number.lstrip("Q")))
            else:
                lay.paragraph(item)
            rec = lay.placed[item.number]
            paragraphs.append({
                "number": item.number, "kind": item.kind, "section": section, "heading": heading,
                "page": rec["page"], "page_end": rec["page_end"],
                "text": para_text(item), "parts": [part_text(x) for x in item.parts],
            })
    if back:
        back(lay)
    pages = lay.render(path, src.meta)
    numbers = [p["number"] for p in paragraphs]
    assert len(numbers) == len(set(numbers)), f"duplicate numbers in {path.name}"
    gold = {
        "file": path.name,
        "producer": "reportlab",
        "pages": pages,
        "title": src.meta.get("title"),
        "metadata": {k: v for k, v in src.meta.items()},
        "sections": lay.sections,
        "paragraphs": paragraphs,
        "tables": lay.tables,
        "notes": lay.notes,
    }
    if annex_questions:
        gold["annex_questions"] = annex_rec
    gold["_layout"] = {"hyphenated": lay.hyphenated}
    return gold


def write_gold(gold: dict, path: Path) -> None:
    layout = gold.pop("_layout", None)
    if layout is not None:
        # where a word was broken at a line end: "soft" breaks lose the hyphen, "hard" ones keep it
        gold["line_end_hyphens"] = [
            {"kind": kind, "printed": printed,
             "word": printed.replace("-|", "") if kind == "soft" else printed.replace("|", "")}
            for kind, printed in layout["hyphenated"]]
    path.write_text(json.dumps(gold, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    if layout is not None:
        gold["_layout"] = layout


# ------------------------------------------------------------- 1. Head of Policy


def make_head_of_policy() -> dict:
    src = load_source("head-of-policy-report.txt")
    m = src.meta
    header_text = f"Cabinet {m['date_text'].title()} — Agenda Item {m['agenda_item']}"

    def header(page: int, pages: int) -> list:
        r, _, _ = family("sans")
        return [("text", 72, A4[1] - 42, r, 8.5, header_text)]

    def footer(page: int, pages: int) -> list:
        r, _, _ = family("sans")
        from reportlab.pdfbase.pdfmetrics import stringWidth
        t = f"Page {page} of {pages}"
        return [("text", (A4[0] - stringWidth(t, r, 9)) / 2, 36, r, 9, t)]

    style = Style(fonts="sans", size=11, leading=14.2, para_gap=9, num_x=72, text_x=112,
                  heading_x=72, heading_text_x=112, part_indent=18, top=70, bottom=70,
                  header=header, footer=footer)

    def front(lay: Layout) -> None:
        r, b, _ = lay.regular, lay.bold, lay.italic
        lay.y -= 4
        lay.text_op(72, f"CABINET", b, 11)
        lay.text_op(0, m["date_text"], b, 11, align="right", gap=0.001)
        lay.y -= 26
        lay.text_op(0, "LOCAL STRATEGIC PARTNERSHIPS:", b, 13, align="center")
        lay.text_op(0, "SHAPING THEIR FUTURE", b, 13, align="center", gap=16)
        lay.text_op(0, "(Report by Head of Policy)", b, 11, align="center", gap=18)
        lay.y -= 8

    def back(lay: Layout) -> None:
        s = lay.s
        lay.y -= 22
        lay.text_op(72, "BACKGROUND PAPERS:", lay.bold, 11)
        lay.y -= 6
        lines = lay.wrap(tokens(m["background_papers"], lay), A4[0] - 144, 11)
        lay.place_lines(lines, 72, 11, s.leading)
        lay.y -= 18
        lay.need(40)
        lay.pages[-1].append(("text", 72, lay.y - 14, lay.bold, 11, "Contact Officer:"))
        lay.pages[-1].append(("text", 162, lay.y - 14, lay.regular, 11, "Ian Leatherbarrow, Head of Policy"))
        lay.pages[-1].append(("text", 162, lay.y - 14 - s.leading, lay.regular, 11, "(01480) 388005"))
        lay.y -= 14 + s.leading

    gold = lay_out(src, style, HERE / "head-of-policy-report.pdf", front=front, back=back)
    gold["metadata"] = {
        "title": m["title"], "author": m["author"], "to": m["to"], "date": m["date"],
        "agenda_item": m["agenda_item"], "contact": m["contact"],
        "background_papers": m["background_papers"],
    }
    assert gold["paragraphs"][[p["number"] for p in gold["paragraphs"]].index("4.6")]["page_end"] == \
        gold["paragraphs"][[p["number"] for p in gold["paragraphs"]].index("4.6")]["page"] + 1, "4.6 must cross a page"
    write_gold(gold, HERE / "head-of-policy-report.gold.json")
    write_text_version(src, HERE / "head-of-policy-report.txt")
    return gold


def write_text_version(src: Source, path: Path) -> None:
    """The same report as plain text: the text-mode sample input."""
    m = src.meta
    out = [f"CABINET{' ' * 50}{m['date_text']}", "", m["title"].replace(": ", ":\n"),
           f"(Report by {m['author']})", ""]
    for item in src.items:
        if isinstance(item, Heading):
            out += ["", f"{item.number}. {plain(item.text)}", ""]
        elif isinstance(item, Prose):
            out += [plain(item.text), ""]
        elif isinstance(item, Para):
            out.append(f"{item.number} {plain(item.text)}")
            for part in item.parts:
                mark = "-" if part.glyph in "–-" else "•"
                out.append(f"    {mark} {plain(part.text)}" if not part.lettered else f"    {part_text(part)}")
            if item.tail:
                out.append(plain(item.tail))
            out.append("")
    out += ["", "BACKGROUND PAPERS:", "", m["background_papers"], "",
            "Contact Officer: Ian Leatherbarrow, Head of Policy", "                 (01480) 388005", ""]
    path.write_text("\n".join(out), encoding="utf-8")


# ------------------------------------------------------------ 2. consultation

HYPHENATE = {w.replace("~", ""): w for w in """
partner~ships partner~ship account~ability neigh~bour~hoods neigh~bour~hood com~mis~sion~ing
respon~si~bil~ities respon~si~bil~ity organ~isa~tions organ~isa~tion environ~mental rep~re~sen~ta~tion
arrange~ments perform~ance strat~egies devel~op~ment gov~ern~ment author~ities author~ity
stat~utory coordi~nating infra~structure improve~ment partici~pa~tion sustain~able priori~ties
commu~nities commu~nity bureau~cracy
""".split()}


def consultation_style(version: str) -> Style:
    title = "Local Strategic Partnerships: Shaping Their Future"

    def header(page: int, pages: int) -> list:
        r, _, i = family("dejavu")
        from reportlab.pdfbase.pdfmetrics import stringWidth
        t = title + " – " + ("A Consultation Paper" if version == "v1" else "A Consultation Paper (revised)")
        return [("text", A4[0] - 57 - stringWidth(t, i, 8), A4[1] - 40, i, 8, t),
                ("line", 57, A4[1] - 46, A4[0] - 57, A4[1] - 46, 0.4)]

    def footer(page: int, pages: int) -> list:
        r, _, _ = family("dejavu")
        from reportlab.pdfbase.pdfmetrics import stringWidth
        t = str(page)
        return [("text", (A4[0] - stringWidth(t, r, 9)) / 2, 34, r, 9, t)]

    return Style(fonts="dejavu", size=10.5, leading=14.5, para_gap=8, left=57, right=57, top=72, bottom=66,
                 num_x=57, text_x=100, heading_x=100, heading_text_x=100, heading_size=15,
                 chapter_fmt="Chapter {n}: {h}", annex_fmt="Annex {n}: {h}", part_indent=16,
                 ligatures=True, boxed_questions=True, hyphenate=HYPHENATE, header=header, footer=footer)


def make_consultation_pdf(src: Source, version: str, path: Path) -> dict:
    m = src.meta
    style = consultation_style(version)

    def front(lay: Layout) -> None:
        r, b, _ = lay.regular, lay.bold, lay.italic
        lay.no_furniture.add(1)
        lay.y = A4[1] - 200
        lay.text_op(100, m["title"].split(": ")[0] + ":", b, 24, gap=30)
        lay.text_op(100, m["title"].split(": ")[1], b, 24, gap=30)
        lay.text_op(100, m["subtitle"] + (" (revised)" if version == "v2" else ""), r, 16, gap=34)
        lay.y = 200
        lay.text_op(100, m["author"], b, 12)
        lay.text_op(100, m["date_text"] if version == "v1" else "February 2006", r, 12)
        lay.y = 100
        lay.text_op(100, "Fixture written for lspkit's tests in the manner of a consultation paper;", r, 7.5)
        lay.text_op(100, "it is not the text of the published document.", r, 7.5)
        lay.finish_page()
        lay.new_page()

    return lay_out(src, style, path, front=front, annex_questions="A")


def make_consultation_v1() -> dict:
    src = load_source("consultation.txt")
    gold = make_consultation_pdf(src, "v1", HERE / "consultation-v1.pdf")
    finish_consultation_gold(gold, src, "v1")
    write_gold(gold, HERE / "consultation-v1.gold.json")
    hop = json.loads((HERE / "head-of-policy-report.gold.json").read_text(encoding="utf-8"))
    write_against(gold, hop)
    return gold


def finish_consultation_gold(gold: dict, src: Source, version: str) -> None:
    m = src.meta
    gold["metadata"] = {
        "title": m["title"], "subtitle": m["subtitle"] + (" (revised)" if version == "v2" else ""),
        "author": m["author"], "date": m["date"] if version == "v1" else "2006-02",
        "closing_date": m["closing_date"], "contact": m["contact"],
    }
    hy = gold["_layout"]["hyphenated"]
    soft = [w for k, w in hy if k == "soft"]
    real = [w for k, w in hy if k == "hard"]
    assert len(soft) >= 3 and len(real) >= 1, (soft, real)
    assert gold["pages"] >= 8, gold["pages"]


# Which consultation paragraphs each Head of Policy report paragraph summarises
# (the intended answer for `lspkit summarise --against`/links; authored, not computed).
AGAINST = {
    "1.3": ["1.2"],
    "2.1": ["1.3"],
    "3.1": ["2.2"], "3.2": ["2.3", "2.4"], "3.3": ["2.5", "2.6"], "3.4": ["2.7"], "3.5": ["2.9"],
    "3.6": ["2.8"], "3.7": ["2.10"],
    "4.1": ["3.1"], "4.2": ["3.2", "3.3", "3.5"], "4.3": ["3.4"], "4.4": ["3.6"], "4.5": ["3.8"],
    "4.6": ["3.9"],
    "5.1": ["4.1"], "5.2": ["4.2"], "5.3": ["4.3"], "5.4": ["4.4"], "5.5": ["4.5", "4.6"], "5.6": ["4.7"],
    "6.1": ["5.1"], "6.2": ["5.2", "5.4"],
}


def write_against(v1_gold: dict, hop_gold: dict) -> None:
    paper = [p["number"] for p in v1_gold["paragraphs"]]
    report = [p["number"] for p in hop_gold["paragraphs"]]
    used = {n for targets in AGAINST.values() for n in targets}
    assert used <= set(paper) and set(AGAINST) <= set(report)
    out = dict(AGAINST)
    out["uncovered"] = [n for n in paper if n not in used]
    out["report_without_source"] = [n for n in report if n not in AGAINST]
    (HERE / "against.intended.json").write_text(json.dumps(out, indent=1) + "\n", encoding="utf-8")


# ------------------------------------------------------ 3. consultation v2 + diff

@dataclass(frozen=True)
class Edit:
    op: str                     # modify | delete | insert_after | move_after | split | merge | rename
    target: tuple[str, ...]     # v1 paragraph/question numbers (or a section number for rename)
    texts: tuple[str, ...] = ()
    kind: str = "paragraph"


V2_EDITS = [
    Edit("delete", ("1.5",)),
    Edit("modify", ("2.2",), ("We now want LSPs to move beyond advice and coordination. Over time they should take a direct "
                              "part in decisions about how services are delivered, and in commissioning services jointly "
                              "for their members, so that funding follows the priorities the partners have agreed.",)),
    Edit("insert_after", ("3.3",), ("Boards should review their membership and terms of reference at least every two "
                                    "years, so that the structure of the partnership keeps pace with its changing role.",)),
    Edit("modify", ("3.6",), ("Active and wide representation at every level of the partnership is a key to good "
                              "governance. The voluntary and community sector and the business sector in particular "
                              "bring knowledge, reach and resources that no public body can supply, and they should be "
                              "full members of the board, not observers.",)),
    Edit("move_after", ("2.11", "3.10")),
    Edit("modify", ("4.4",), ("Good performance management is central to accountability. Partnerships need to give each "
                              "outcome to a named lead partner, to monitor progress against agreed measures, and to act "
                              "quickly when delivery falls behind.",)),
    Edit("split", ("5.2",), ("The shift from advice to commissioning calls for new or changed skills: negotiation, "
                             "performance management, financial planning and the ability to work across organisational "
                             "boundaries, among others.",
                             "Many partnerships will need to develop these skills among their board members and staff.")),
    Edit("merge", ("6.2", "6.3"), ("We will publish a summary of responses within three months of the closing date. "
                                   "The responses will inform the Local Government White Paper and any guidance on LSPs "
                                   "that follows it.",)),
    Edit("rename", ("5",), ("Building Capacity",)),
    Edit("modify", ("Q6",), ("Should Local Public Service Boards be set up within LSPs, and if so what should they do?",),
         kind="question"),
    Edit("insert_after", ("Q9",), ("Do you have evidence of the likely costs or benefits of a duty to co-operate?",),
         kind="question"),
]


def build_v2(v1: Source, edits: list[Edit]) -> tuple[Source, list[dict], list[dict]]:
    """Apply the edit list to v1; return v2 plus the gold operations and heading changes."""
    import copy

    items = copy.deepcopy(v1.items)
    for it in items:
        if isinstance(it, Para):
            it.origin, it.changed = [it.number], False

    def find(num: str) -> int:
        for i, it in enumerate(items):
            if isinstance(it, Para) and it.origin == [num]:
                return i
        raise KeyError(num)

    renamed = []
    for e in edits:
        if e.op == "modify":
            p = items[find(e.target[0])]
            p.text, p.changed = e.texts[0], True
        elif e.op == "delete":
            del items[find(e.target[0])]
        elif e.op == "insert_after":
            new = Para("?", e.texts[0], e.kind)
            new.origin, new.changed = [], False
            items.insert(find(e.target[0]) + 1, new)
        elif e.op == "move_after":
            moving = items.pop(find(e.target[0]))
            items.insert(find(e.target[1]) + 1, moving)
        elif e.op == "split":
            i = find(e.target[0])
            old = items[i]
            assert not old.parts and not old.table
            halves = []
            for t in e.texts:
                h = Para("?", t, old.kind)
                h.origin, h.changed = [old.number], True
                halves.append(h)
            items[i:i + 1] = halves
        elif e.op == "merge":
            i, j = find(e.target[0]), find(e.target[1])
            assert j == i + 1
            merged = Para("?", e.texts[0], items[i].kind)
            merged.origin, merged.changed = list(e.target), True
            items[i:j + 1] = [merged]
        elif e.op == "rename":
            for it in items:
                if isinstance(it, Heading) and it.number == e.target[0]:
                    renamed.append({"number": it.number, "old": it.text, "new": e.texts[0]})
                    it.text = e.texts[0]
        else:
            raise ValueError(e.op)

    # renumber as the paper's author would: per chapter, questions straight through
    chapter, k, q = None, 0, 0
    old_section = {}
    section_of = {}
    sec = None
    for it in v1.items:
        if isinstance(it, Heading) and it.number:
            sec = it.number
        elif isinstance(it, Para):
            old_section[it.number] = sec
    for it in items:
        if isinstance(it, Heading) and it.number:
            chapter, k = it.number, 0
        elif isinstance(it, Para):
            if it.kind == "question":
                q += 1
                it.number = f"Q{q}"
            else:
                k += 1
                it.number = f"{chapter}.{k}"
            section_of[it.number] = chapter

    ops: list[dict] = []
    paras = [it for it in items if isinstance(it, Para)]
    seen_split = set()
    for p in paras:
        if not p.origin:
            ops.append({"op": "added", "old": [], "new": [p.number]})
        elif len(p.origin) > 1:
            ops.append({"op": "merged", "old": list(p.origin), "new": [p.number]})
        elif sum(1 for x in paras if x.origin == p.origin) > 1:
            if p.origin[0] not in seen_split:
                seen_split.add(p.origin[0])
                ops.append({"op": "split", "old": list(p.origin),
                            "new": [x.number for x in paras if x.origin == p.origin]})
        else:
            old = p.origin[0]
            if p.changed:
                op = "modified"
            elif old_section[old] != section_of[p.number]:
                op = "moved"
            elif old != p.number:
                op = "renumbered"
            else:
                op = "unchanged"
            ops.append({"op": op, "old": [old], "new": [p.number]})
    used = {n for p in paras for n in p.origin}
    for it in v1.items:
        if isinstance(it, Para) and it.number not in used:
            ops.append({"op": "deleted", "old": [it.number], "new": []})
    meta = dict(v1.meta)
    return Source(meta, items), ops, renamed


def make_consultation_v2() -> dict:
    v1 = load_source("consultation.txt")
    v2, ops, renamed = build_v2(v1, V2_EDITS)
    gold = make_consultation_pdf(v2, "v2", HERE / "consultation-v2.pdf")
    finish_consultation_gold(gold, v2, "v2")
    write_gold(gold, HERE / "consultation-v2.gold.json")
    old_nums = [it.number for it in v1.items if isinstance(it, Para)]
    new_nums = [p["number"] for p in gold["paragraphs"]]
    # every paragraph and question of both versions in exactly one operation
    assert sorted(n for o in ops for n in o["old"]) == sorted(old_nums)
    assert sorted(n for o in ops for n in o["new"]) == sorted(new_nums)
    diff = {
        "old": "consultation-v1.pdf",
        "new": "consultation-v2.pdf",
        "edits": [{"op": e.op, "target": list(e.target)} for e in V2_EDITS],
        "changes": ops,
        "headings": [{"old": f"Chapter {r['number']}: {r['old']}", "new": f"Chapter {r['number']}: {r['new']}",
                      "number": r["number"]} for r in renamed],
        "dangling_references": [
            {"in": "Q5", "text": "paragraphs 3.2 to 3.4",
             "note": "Q5 is unchanged, but a paragraph was inserted after 3.3, so 3.4 now names the new paragraph "
                     "and the old 3.4 is 3.5"},
        ],
        "counts": {op: sum(1 for o in ops if o["op"] == op) for op in
                   ["unchanged", "renumbered", "modified", "moved", "added", "deleted", "split", "merged", "punctuation"]},
    }
    (HERE / "consultation-diff.gold.json").write_text(json.dumps(diff, indent=1) + "\n", encoding="utf-8")
    return gold


# --------------------------------------------------- 4. Chromium, flat numbering

CHROMIUM_CSS = """
@page { size: A4; margin: 0; }
html, body { margin: 0; padding: 0; }
body { font-family: "DejaVu Serif", serif; font-size: 10.5pt; line-height: 1.36;
       hyphens: manual; font-variant-ligatures: common-ligatures; color: #000; }
.page { width: 210mm; min-height: 296mm; box-sizing: border-box; padding: 12mm 22mm 12mm 24mm;
        display: flex; flex-direction: column; break-after: page; }
.page:last-child { break-after: auto; }
.hdr { font-size: 8.5pt; color: #333; border-bottom: 0.5pt solid #666; padding-bottom: 1.5mm; margin-bottom: 8mm;
       display: flex; justify-content: space-between; }
.ftr { margin-top: auto; font-size: 9pt; text-align: center; padding-top: 4mm; }
.body { flex: 0 0 auto; }
h1 { font-size: 14pt; margin: 4mm 0 3mm; text-align: center; }
h2 { font-size: 11.5pt; margin: 5mm 0 2.5mm; }
.front { margin-bottom: 4mm; }
.front .row { display: flex; justify-content: space-between; font-weight: bold; }
.front .sub { text-align: center; font-weight: bold; margin-bottom: 2mm; }
.front .wards { margin-top: 3mm; }
.para { display: grid; grid-template-columns: 11mm 1fr; margin: 0 0 3mm; text-align: justify; }
.para p { margin: 0; }
.part { display: grid; grid-template-columns: 9mm 1fr; margin-top: 1.2mm; }
.part.l1 { margin-left: 9mm; }
.back { margin-top: 8mm; }
.back h3 { font-size: 11.5pt; margin: 0 0 1.5mm; }
"""


def html_escape(s: str) -> str:
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def html_text(s: str) -> str:
    """Markup -> HTML; "~" becomes &shy;.  Only a few words carry one: Chromium writes every
    soft hyphen into the text layer (a zero-advance space when unbroken, "‐" U+2010 when broken)."""
    s = s.replace(FORCED_BREAK, "")
    s = re.sub(r"\[\^[^\]]+\]", "", s)
    s = html_escape(s.replace("~", SOFT).replace(PREFER, SOFT)).replace(SOFT, "&shy;")
    s = re.sub(r"\*\*(.+?)\*\*", r"<b>\1</b>", s)
    s = re.sub(r"__(.+?)__", r"<i>\1</i>", s)
    return " ".join(s.split())


def build_flat_html(src: Source) -> tuple[str, dict]:
    """One fixed-size block per printed page, so every paragraph's page is known by construction."""
    m = src.meta
    pages: list[list[str]] = [[]]
    placed: dict[str, dict] = {}
    sections, paragraphs = [], []
    heading = None
    pages[0].append(
        '<div class="front">'
        f'<div class="sub">{html_escape(m["council"]).upper()}</div>'
        f'<div class="row"><span>{m["to"].upper()}</span><span>{m["date_text"].upper()}</span></div>'
        f'<div class="row"><span>REPORT OF THE {m["author"].upper()}</span><span>AGENDA ITEM {m["agenda_item"]}</span></div>'
        f'<h1>{html_escape(m["title"]).upper()}</h1>'
        f'<div class="wards">Wards affected: {m["wards"]}</div></div>')
    for item in src.items:
        if isinstance(item, PageBreak):
            pages.append([])
        elif isinstance(item, Heading):
            heading = plain(item.text)
            sections.append({"number": item.number, "heading": heading, "page": len(pages), "kind": "section"})
            pages[-1].append(f"<h2>{html_escape(item.text)}</h2>")
        elif isinstance(item, Para):
            start = len(pages)
            chunks = item.text.split(FORCED_BREAK)
            body = [f"<p>{html_text(chunks[0])}</p>"]
            parts = []
            for part in item.parts:
                parts.append(f'<div class="part l{part.level}"><span>{html_escape(part.glyph)}</span>'
                             f'<span>{html_text(part.text)}</span></div>')
            if len(chunks) == 1:
                pages[-1].append(f'<div class="para"><div>{item.number}.</div><div>{"".join(body + parts)}</div></div>')
            else:
                assert not item.parts and len(chunks) == 2
                pages[-1].append(f'<div class="para"><div>{item.number}.</div><div>{"".join(body)}</div></div>')
                pages.append([f'<div class="para"><div></div><div><p>{html_text(chunks[1])}</p></div></div>'])
            paragraphs.append({"number": item.number, "kind": item.kind, "section": None,
                               "heading": heading, "page": start, "page_end": len(pages),
                               "text": para_text(item), "parts": [part_text(x) for x in item.parts]})
        elif isinstance(item, Prose):
            pages[-1].append(f"<p>{html_text(item.text)}</p>")
    pages[-1].append(
        '<div class="back"><h3>BACKGROUND PAPERS</h3>'
        f'<p>{html_escape(m["background_papers"])}</p>'
        f'<h3 style="margin-top:5mm">CONTACT OFFICER</h3><p>{html_escape(m["contact"].split(", ", 1)[0])}, '
        f'{html_escape(m["contact"].split(", ", 1)[1].rsplit(", ", 1)[0])}<br>Tel: {m["contact"].rsplit(", ", 1)[1]}</p></div>')
    total = len(pages)
    header = f'<div class="hdr"><span>{html_escape(m["council"])} — {m["to"]} {m["date_text"]}</span>' \
             f'<span>Agenda Item {m["agenda_item"]}</span></div>'
    blocks = [f'<div class="page">{header}<div class="body">{"".join(body)}</div>'
              f'<div class="ftr">Page {i} of {total}</div></div>' for i, body in enumerate(pages, start=1)]
    html = ('<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
            f'<title>{html_escape(m["title"])}</title>\n<style>{CHROMIUM_CSS}</style>\n</head>\n<body>\n'
            + "\n".join(blocks) + "\n</body>\n</html>\n")
    gold = {"file": "flat-numbered-chromium.pdf", "producer": "chromium", "pages": total, "title": m["title"],
            "metadata": {k: m[k] for k in ("title", "author", "to", "date", "agenda_item", "council", "wards",
                                           "contact", "background_papers")},
            "sections": sections, "paragraphs": paragraphs, "tables": [], "notes": []}
    return html, gold


def chromium_binary() -> Optional[str]:
    for name in ("chromium", "chromium-browser", "google-chrome"):
        if shutil.which(name):
            return shutil.which(name)
    return None


def print_with_chromium(html_path: Path, pdf_path: Path, *, title: str, author: str) -> bool:
    exe = chromium_binary()
    if not exe:
        print(f"make_fixtures: chromium not found; keeping the committed {pdf_path.name}", file=sys.stderr)
        return False
    with tempfile.TemporaryDirectory() as profile, tempfile.TemporaryDirectory() as out:
        tmp_pdf = Path(out) / "out.pdf"
        cmd = [exe, "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
               "--disable-component-update", "--disable-sync", "--no-first-run", f"--user-data-dir={profile}",
               "--no-pdf-header-footer", f"--print-to-pdf={tmp_pdf}", html_path.resolve().as_uri()]
        subprocess.run(cmd, check=True, timeout=180, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        fix_pdf_metadata(tmp_pdf, pdf_path, title=title, author=author, producer="Chromium print-to-PDF")
    return True


def fix_pdf_metadata(src: Path, dst: Path, *, title: str, author: str, producer: str) -> None:
    """Fixed dates and ids, so a rerun gives the same bytes for the same content."""
    import pikepdf

    with pikepdf.open(src) as pdf:
        info = pdf.docinfo
        for key in list(info.keys()):
            del info[key]
        info["/Title"] = title
        info["/Author"] = author
        info["/Producer"] = producer
        info["/CreationDate"] = "D:20070301090000Z"
        info["/ModDate"] = "D:20070301090000Z"
        if "/Metadata" in pdf.Root:
            del pdf.Root["/Metadata"]
        pdf.save(dst, deterministic_id=True, compress_streams=True)


def make_flat_chromium() -> dict:
    src = load_source("flat-numbered.txt")
    html, gold = build_flat_html(src)
    html_path = SRC / "flat-numbered.html"
    html_path.write_text(html, encoding="utf-8")
    pdf_path = HERE / "flat-numbered-chromium.pdf"
    (HERE / "flat-numbered-chromium.gold.json").write_text(json.dumps(gold, indent=1, ensure_ascii=False) + "\n",
                                                           encoding="utf-8")
    if print_with_chromium(html_path, pdf_path, title=src.meta["title"], author=src.meta["author"]):
        check_pages_by_construction(pdf_path, gold)
    return gold


def check_pages_by_construction(pdf_path: Path, gold: dict) -> None:
    """A page block that overflowed would add a page and shift the gold: refuse that."""
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument(str(pdf_path))
    try:
        n = len(pdf)
        if n != gold["pages"]:
            raise SystemExit(f"make_fixtures: {pdf_path.name} has {n} pages, the HTML has {gold['pages']} page "
                             "blocks: a block overflowed; move a BREAK in data/src/flat-numbered.txt")
        texts = [pdf[i].get_textpage().get_text_range() for i in range(n)]
        for p in gold["paragraphs"]:
            if not re.search(rf"(?m)^\s*{re.escape(p['number'])}\.", texts[p["page"] - 1]):
                raise SystemExit(f"make_fixtures: paragraph {p['number']} not at the top of a line on page {p['page']}")
    finally:
        pdf.close()


# ------------------------------------------------ 5. trailing-dot numbering (reportlab)


def make_trailing_dot() -> dict:
    src = load_source("trailing-dot-report.txt")
    m = src.meta

    def header(page: int, pages: int) -> list:
        r, _, i = family("serif")
        return [("text", 72, A4[1] - 40, i, 9, f"{m['to']} – {m['date_text']}")]

    def footer(page: int, pages: int) -> list:
        r, _, _ = family("serif")
        from reportlab.pdfbase.pdfmetrics import stringWidth
        t = f"- {page} -"
        return [("text", (A4[0] - stringWidth(t, r, 10)) / 2, 34, r, 10, t)]

    style = Style(fonts="serif", size=11.5, leading=15, para_gap=9, num_x=72, text_x=126, heading_x=72,
                  heading_text_x=126, heading_size=12, number_fmt="{n}.", section_fmt="{n}.",
                  annex_fmt="Appendix {n}: {h}", part_indent=22, header=header, footer=footer)

    def front(lay: Layout) -> None:
        b = lay.bold
        lay.text_op(72, m["council"].upper(), b, 12)
        lay.y -= 8
        lay.text_op(72, f"Report to: {m['to']}", lay.regular, 11)
        lay.text_op(72, f"Date: {m['date_text']}", lay.regular, 11)
        lay.text_op(72, f"Report of: {m['author']}", lay.regular, 11)
        lay.y -= 10
        lay.text_op(72, m["title"].upper(), b, 13.5, gap=22)
        lay.y -= 6

    name, role, tel = m["contact"].split(", ")
    contact = Prose(f"__Contact officer: {name}, {role}, telephone {tel}__")
    items = src.items
    at = next(i for i, it in enumerate(items) if isinstance(it, Heading) and it.number == "B")
    src = Source(src.meta, items[:at] + [contact, PageBreak()] + items[at:])
    gold = lay_out(src, style, HERE / "trailing-dot-report.pdf", front=front)
    gold["metadata"] = {k: m[k] for k in ("title", "author", "to", "date", "council", "contact")}
    write_gold(gold, HERE / "trailing-dot-report.gold.json")
    return gold


# ------------------------------------------------------------------------ main

FIXTURES: dict[str, Callable[[], object]] = {
    "hop": make_head_of_policy,
    "v1": make_consultation_v1,
    "v2": make_consultation_v2,
    "chromium": make_flat_chromium,
    "trailing": make_trailing_dot,
}


def main(argv: list[str]) -> int:
    names = argv or list(FIXTURES)
    for name in names:
        if name not in FIXTURES:
            print(f"make_fixtures: unknown fixture {name!r}; known: {', '.join(FIXTURES)}", file=sys.stderr)
            return 2
        FIXTURES[name]()
        print(f"make_fixtures: {name} done", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
