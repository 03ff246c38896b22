#!/usr/bin/env python3
"""Fixtures from a third PDF producer: LibreOffice, fed Word (.docx) and OpenDocument files.

    python data/make_office_fixtures.py                 # all office fixtures
    python data/make_office_fixtures.py cabinet         # some (names: see FIXTURES at the bottom)

Why: the other fixtures come from reportlab and Chromium, while real council papers come out of Word
templates, LibreOffice and InDesign.  These documents are built the way such papers are (a table front
sheet, typed "1.1<TAB>" numbers with hanging indents, Word's Symbol-font bullets, automatic list numbering,
real footnotes, PAGE/NUMPAGES fields, a two-column section, paragraph numbers in a table column) and
converted with `soffice --headless --convert-to pdf`.

Needs LibreOffice Writer (`apt-get install libreoffice-writer-nogui`), its British English hyphenation
patterns (`hyphen-en-gb`, for the justified response), python-docx (`pip install python-docx`), pikepdf,
pdfplumber and pdftotext (poppler-utils); it says so and exits 2 when one is missing.  The
tests use the committed PDFs and gold, never this script.

Sources are data/src/office/*.txt in the markup of data/make_fixtures.py (a subset, plus "P # | text" for
an automatically numbered paragraph and "COLS 2" / "COLS 1" around a two-column stretch); the .docx/.fodt
built from them is written beside them (committed, so the PDFs can be remade without python-docx).

The gold is written from the source data, never from an extractor.  LibreOffice does its own line and page
breaking, so pages are read back from the PDF: each paragraph's first and last words, each heading and each
table's first row are looked up in `pdftotext` output, and the script refuses to write a gold when a
snippet is not found exactly once.  Output is deterministic for a given LibreOffice and font set: fixed
document dates, fixed PDF metadata and ids.
"""
from __future__ import annotations

import io
import json
import re
import shutil
import subprocess
import sys
import tempfile
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Optional

HERE = Path(__file__).resolve().parent
SRC = HERE / "src" / "office"
FIXED_DATE = "D:20240301090000Z"

# ------------------------------------------------------------------------ tools


def soffice_binary() -> Optional[str]:
    for name in ("soffice", "libreoffice"):
        if shutil.which(name):
            return shutil.which(name)
    return None


def check_tools(need_docx: bool, need_hyphenation: bool = False) -> None:
    missing = []
    if need_hyphenation and not Path("/usr/share/hyphen/hyph_en_GB.dic").exists():
        missing.append("British English hyphenation patterns for LibreOffice (apt-get install hyphen-en-gb)")
    if not soffice_binary():
        missing.append("LibreOffice Writer (apt-get install libreoffice-writer-nogui)")
    if not shutil.which("pdftotext"):
        missing.append("pdftotext (apt-get install poppler-utils)")
    try:
        import pikepdf  # noqa: F401
    except ImportError:
        missing.append("pikepdf (pip install pikepdf)")
    if need_docx:
        try:
            import docx  # noqa: F401
        except ImportError:
            missing.append("python-docx (pip install python-docx)")
    if missing:
        print("make_office_fixtures: missing " + "; ".join(missing), file=sys.stderr)
        raise SystemExit(2)


# ----------------------------------------------------------------------- source


@dataclass
class Part:
    glyph: str
    text: str

    @property
    def lettered(self) -> bool:
        return self.glyph.startswith("(") or self.glyph.endswith(")")


@dataclass
class Para:
    number: str           # "1.1", or "#" for an automatically numbered paragraph (filled in by the parser)
    text: str
    auto: bool = False
    parts: list = field(default_factory=list)
    tail: str = ""
    table: list = field(default_factory=list)
    notes: list = field(default_factory=list)   # (label, text)


@dataclass
class Heading:
    number: Optional[str]
    text: str
    auto: bool = False    # numbered by the word processor, not typed


@dataclass
class Columns:
    count: int


@dataclass
class Source:
    meta: dict
    items: list


def parse_source(text: str) -> Source:
    meta: dict = {}
    items: list = []
    last: Optional[Para] = None
    auto = 0              # flat automatic numbering: 1, 2, 3 ...
    auto_section = 0      # multilevel automatic numbering: headings 1, 2 ...; paragraphs 1.1, 1.2 ...
    for raw in text.splitlines():
        line = raw.rstrip()
        if not line.strip() or line.startswith("%"):
            continue
        if line.startswith("@"):
            key, _, value = line[1:].partition(":")
            meta[key.strip()] = value.strip()
            continue
        tag, _, rest = line.partition(" ")
        head, _, body = rest.partition(" | ")
        if tag == "##":
            number = head.strip()
            if number == "#":
                auto_section += 1
                auto = 0
                number = str(auto_section)
            items.append(Heading(number, body.strip(), auto=head.strip() == "#"))
            last = None
        elif tag == "#U":
            items.append(Heading(None, rest.strip()))
            last = None
        elif tag == "P":
            number = head.strip()
            if number == "#":
                auto += 1
                label = f"{auto_section}.{auto}" if auto_section else str(auto)
                last = Para(label, body.strip(), auto=True)
            else:
                last = Para(number, body.strip())
            items.append(last)
        elif tag == "-":
            assert last is not None, line
            last.parts.append(Part(head.strip(), body.strip()))
        elif tag == "+":
            assert last is not None, line
            last.tail = (last.tail + " " + rest.strip()).strip()
        elif tag == "N":
            assert last is not None, line
            last.notes.append((head.strip(), body.strip()))
        elif tag == "T":
            assert last is not None, line
            last.table.append([c.strip() for c in rest.split(" | ")])
        elif tag == "COLS":
            items.append(Columns(int(rest)))
            last = None
        else:
            raise ValueError(f"bad fixture markup line: {line!r}")
    return Source(meta, items)


def load_source(name: str) -> Source:
    return parse_source((SRC / name).read_text(encoding="utf-8"))


_MARKUP = re.compile(r"\*\*|__|\[\^[^\]]+\]")
_SUP = re.compile(r"\^\{([^}]+)\}")
_RUNS = re.compile(r"(\*\*.+?\*\*|__.+?__|\[\^[^\]]+\]|\^\{[^}]+\})")


def plain(text: str) -> str:
    return " ".join(_MARKUP.sub("", _SUP.sub(r"\1", text)).replace("~", "").split())


def runs(text: str) -> list[tuple[str, str]]:
    """Inline markup -> [(style, text)], style "", "b", "i", "sup" or "note" (text = the note label).

    "^{th}" is a superscript ordinal suffix as Word's AutoFormat makes it ("12^{th} March")."""
    out = []
    for piece in _RUNS.split(text):
        if not piece:
            continue
        if piece.startswith("**"):
            out.append(("b", piece[2:-2]))
        elif piece.startswith("__"):
            out.append(("i", piece[2:-2]))
        elif piece.startswith("[^"):
            out.append(("note", piece[2:-1]))
        elif piece.startswith("^{"):
            out.append(("sup", piece[2:-1]))
        else:
            out.append(("", piece))
    return out


def part_text(p: Part) -> str:
    return f"{p.glyph} {plain(p.text)}" if p.lettered else plain(p.text)


def para_text(p: Para) -> str:
    pieces = [plain(p.text)] + [part_text(x) for x in p.parts] + ([plain(p.tail)] if p.tail else [])
    return " ".join(x for x in pieces if x)


# ------------------------------------------------------------- conversion + pages


def convert_to_pdf(src: Path, pdf_path: Path, *, title: str, author: str) -> None:
    """LibreOffice headless conversion in a private profile, then fixed metadata and ids."""
    import pikepdf

    with tempfile.TemporaryDirectory() as profile, tempfile.TemporaryDirectory() as out:
        cmd = [soffice_binary(), f"-env:UserInstallation={Path(profile).as_uri()}", "--headless", "--norestore",
               "--convert-to", "pdf", "--outdir", out, str(src)]
        subprocess.run(cmd, check=True, timeout=300, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        made = Path(out) / (src.stem + ".pdf")
        if not made.exists():
            raise SystemExit(f"make_office_fixtures: LibreOffice made no PDF from {src.name}")
        with pikepdf.open(made) as pdf:
            info = pdf.docinfo
            producer = str(info.get("/Producer", "LibreOffice"))
            for key in list(info.keys()):
                del info[key]
            info["/Title"] = title
            info["/Author"] = author
            info["/Creator"] = "Writer"
            info["/Producer"] = re.sub(r"^(LibreOffice)\b.*$", r"\1", producer)
            info["/CreationDate"] = FIXED_DATE
            if "/Metadata" in pdf.Root:
                del pdf.Root["/Metadata"]
            for key in ("/DocChecksum", "/ID"):     # LibreOffice's, different on every run
                if key in pdf.trailer:
                    del pdf.trailer[key]
            pdf.save(pdf_path, deterministic_id=True, compress_streams=True)


def page_texts(pdf_path: Path) -> list[str]:
    out = subprocess.run(["pdftotext", "-enc", "UTF-8", str(pdf_path), "-"], check=True, capture_output=True,
                         text=True).stdout
    pages = out.split("\f")
    if pages and not pages[-1].strip():
        pages = pages[:-1]
    return pages


def _norm(s: str) -> str:
    s = s.replace("\u00a0", " ").replace("\ufb01", "fi").replace("\ufb02", "fl")
    return " ".join(s.split())


_LINE_END_HYPHEN = re.compile(r"(\w+)[-\u00ad\u2010]\n(\w+)")


def stream_lines(pdf_path: Path) -> list[str]:
    """Each page's characters in content-stream order (LibreOffice writes a column at a time), with a
    newline wherever the baseline moves.  pdftotext joins "pri-" + "orities" itself, so it cannot show
    where a word was broken."""
    import pdfplumber

    pages = []
    with pdfplumber.open(str(pdf_path)) as pdf:
        for page in pdf.pages:
            out, last = [], None
            for c in page.chars:
                if last is not None and abs(c["top"] - last["top"]) > 2:
                    out.append("\n")
                out.append(c["text"])
                last = c
            pages.append("".join(out))
    return pages


def line_end_hyphens(pdf_path: Path, sources: list[str]) -> list[dict]:
    """Words the PDF breaks at a line end: "soft" where the source has the word unbroken (the hyphen is
    only the break), "hard" where the source has the hyphen itself (a real compound, to be kept)."""
    plain_source = " ".join(plain(x) for x in sources)
    out = []
    for text in stream_lines(pdf_path):
        for m in _LINE_END_HYPHEN.finditer(text):
            a, b = m.group(1), m.group(2)
            if re.search(rf"\b{re.escape(a)}-{re.escape(b)}", plain_source):
                out.append({"kind": "hard", "printed": f"{a}-|{b}", "word": f"{a}-{b}"})
            elif re.search(rf"{re.escape(a)}{re.escape(b)}", plain_source):
                out.append({"kind": "soft", "printed": f"{a}-|{b}", "word": f"{a}{b}"})
            else:
                raise SystemExit(f"make_office_fixtures: {pdf_path.name} breaks {a}-|{b}, not a word of the source")
    return out


class Locator:
    """Finds where snippets of source text fall in the converted PDF, page by page."""

    def __init__(self, pdf_path: Path):
        texts = [_LINE_END_HYPHEN.sub(r"\1\2", t) for t in page_texts(pdf_path)]
        self.pages = [_norm(t) for t in texts]
        self.lines = [[_norm(x) for x in t.splitlines() if x.strip()] for t in texts]
        self.starts = []
        joined = []
        at = 0
        for t in self.pages:
            self.starts.append(at)
            joined.append(t)
            at += len(t) + 1
        self.all = " ".join(joined)

    def page_of(self, offset: int) -> int:
        page = 1
        for i, s in enumerate(self.starts):
            if offset >= s:
                page = i + 1
        return page

    def _unique(self, snippet: str) -> Optional[int]:
        hits = [m.start() for m in re.finditer(re.escape(snippet), self.all)]
        return hits[0] if len(hits) == 1 else None

    def first_page(self, text: str, what: str) -> int:
        words = _norm(text).split()
        for n in range(min(9, len(words)), 2, -1):
            at = self._unique(" ".join(words[:n]))
            if at is not None:
                return self.page_of(at)
        raise SystemExit(f"make_office_fixtures: the start of {what} ({' '.join(words[:6])}...) is not found "
                         "exactly once in the PDF")

    def last_page(self, text: str, what: str) -> int:
        words = _norm(text).split()
        for n in range(min(9, len(words)), 2, -1):
            snippet = " ".join(words[-n:])
            at = self._unique(snippet)
            if at is not None:
                return self.page_of(at + len(snippet) - 1)
        raise SystemExit(f"make_office_fixtures: the end of {what} (...{' '.join(words[-6:])}) is not found "
                         "exactly once in the PDF")

    def table_page(self, rows: list, what: str) -> int:
        """The page of a table's first row, found by the first of its cells that is unique in the PDF text."""
        for cell in (c for row in rows for c in row):
            at = self._unique(_norm(cell))
            if at is not None:
                return self.page_of(at)
        raise SystemExit(f"make_office_fixtures: no cell of {what} is found exactly once in the PDF")

    def heading_page(self, line: str, what: str) -> int:
        want = _norm(line)
        hits = [i + 1 for i, lines in enumerate(self.lines) for x in lines if x == want]
        if len(hits) != 1:
            raise SystemExit(f"make_office_fixtures: {what} ({want!r}) is on {len(hits)} lines of the PDF, not 1")
        return hits[0]


def gold_for(src: Source, pdf_path: Path, *, producer: str, heading_line: Callable[[Heading], str],
             metadata: dict) -> dict:
    loc = Locator(pdf_path)
    sections, paragraphs, tables, notes = [], [], [], []
    section: Optional[Heading] = None
    for it in src.items:
        if isinstance(it, Heading):
            section = it
            sections.append({"number": it.number, "heading": it.text,
                             "page": loc.heading_page(heading_line(it), f"heading {it.text!r}"), "kind": "section"})
        elif isinstance(it, Para):
            text = para_text(it)
            what = f"paragraph {it.number}"
            first, last = loc.first_page(text, what), loc.last_page(text, what)
            paragraphs.append({"number": it.number, "kind": "paragraph",
                               "section": section.number if section else None,
                               "heading": section.text if section else None,
                               "page": first, "page_end": last, "text": text,
                               "parts": [part_text(p) for p in it.parts]})
            if it.table:
                tables.append({"after": it.number, "page": loc.table_page(it.table, f"the table after {it.number}"),
                               "rows": it.table})
            for label, body in it.notes:
                notes.append({"label": label, "text": plain(body), "after": it.number,
                              "page": loc.first_page(plain(body), f"note {label}")})
    texts = [x for it in src.items if isinstance(it, Para)
             for x in [it.text, it.tail, *(p.text for p in it.parts), *(n for _, n in it.notes)]]
    return {"file": pdf_path.name, "producer": producer, "pages": len(loc.pages), "title": metadata.get("title"),
            "metadata": metadata, "sections": sections, "paragraphs": paragraphs, "tables": tables, "notes": notes,
            "line_end_hyphens": line_end_hyphens(pdf_path, texts)}


# Fixtures the extractor does not yet read to their gold.  They are written to data/pending/, out of the
# glob of the accuracy and fixture tests, until the extractor passes them; then they move to data/.
PENDING: set[str] = set()


def out_dir(name: str) -> Path:
    d = HERE / "pending" if name in PENDING else HERE
    d.mkdir(exist_ok=True)
    return d


def write_gold(gold: dict, path: Path) -> None:
    path.write_text(json.dumps(gold, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")


def require(condition: bool, message: str) -> None:
    if not condition:
        raise SystemExit(f"make_office_fixtures: {message}")


def deterministic_zip(path: Path) -> None:
    """python-docx stamps zip members with the current time; rewrite them with a fixed one."""
    with zipfile.ZipFile(path) as z:
        members = [(i.filename, z.read(i.filename)) for i in z.infolist()]
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in members:
            info = zipfile.ZipInfo(name, date_time=(2024, 3, 1, 9, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(info, data)
    path.write_bytes(buf.getvalue())


# ------------------------------------------------------------------- docx helpers

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def _w(tag: str) -> str:
    return f"{{{W_NS}}}{tag}"


def add_field(paragraph, instr: str, shown: str) -> None:
    """A Word field (PAGE, NUMPAGES) as Word writes it: begin / instrText / separate / result / end."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    def fld(kind: str):
        r = OxmlElement("w:r")
        c = OxmlElement("w:fldChar")
        c.set(qn("w:fldCharType"), kind)
        r.append(c)
        return r

    paragraph._p.append(fld("begin"))
    r = OxmlElement("w:r")
    t = OxmlElement("w:instrText")
    t.set(qn("xml:space"), "preserve")
    t.text = f" {instr} "
    r.append(t)
    paragraph._p.append(r)
    paragraph._p.append(fld("separate"))
    paragraph.add_run(shown)
    paragraph._p.append(fld("end"))


def add_symbol_bullets(document) -> int:
    """A Word bullet list definition: U+F0B7 in the Symbol font, as Word's default bullet.  Returns numId."""
    from docx.oxml import parse_xml

    numbering = document.part.numbering_part.element
    abstract_id, num_id = 90, 90
    abstract = parse_xml(
        f'<w:abstractNum xmlns:w="{W_NS}" w:abstractNumId="{abstract_id}">'
        '<w:nsid w:val="2B6A4C10"/><w:multiLevelType w:val="hybridMultilevel"/><w:tmpl w:val="08090001"/>'
        '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="bullet"/><w:lvlText w:val="\uf0b7"/>'
        '<w:lvlJc w:val="left"/><w:pPr><w:ind w:left="1080" w:hanging="360"/></w:pPr>'
        '<w:rPr><w:rFonts w:ascii="Symbol" w:hAnsi="Symbol" w:hint="default"/></w:rPr></w:lvl>'
        '</w:abstractNum>')
    nums = numbering.findall(_w("num"))
    if nums:
        nums[0].addprevious(abstract)
    else:
        numbering.append(abstract)
    numbering.append(parse_xml(
        f'<w:num xmlns:w="{W_NS}" w:numId="{num_id}"><w:abstractNumId w:val="{abstract_id}"/></w:num>'))
    return num_id


def set_numbering(paragraph, num_id: int, level: int = 0) -> None:
    from docx.oxml import parse_xml

    ppr = paragraph._p.get_or_add_pPr()
    ppr.insert(0, parse_xml(f'<w:numPr xmlns:w="{W_NS}"><w:ilvl w:val="{level}"/><w:numId w:val="{num_id}"/></w:numPr>'))


def add_runs(paragraph, text: str, *, bold: bool = False) -> None:
    for style, piece in runs(text):
        r = paragraph.add_run(piece)
        r.bold = bold or style == "b"
        r.italic = style == "i"
        r.font.superscript = style == "sup" or None


def hanging(paragraph, left_twips: int, hang_twips: int, *, tab: bool = True) -> None:
    from docx.shared import Twips

    pf = paragraph.paragraph_format
    pf.left_indent = Twips(left_twips)
    pf.first_line_indent = Twips(-hang_twips)
    if tab:
        pf.tab_stops.add_tab_stop(Twips(left_twips))


def set_widths(table, widths) -> None:
    """Column widths where LibreOffice reads them (tblGrid) as well as on each cell, as Word writes them."""
    for col, w in zip(table._tbl.tblGrid.findall(_w("gridCol")), widths):
        col.set(_w("w"), str(int(w.twips if hasattr(w, "twips") else w)))
    for row in table.rows:
        for cell, w in zip(row.cells, widths):
            cell.width = w
    table.autofit = False


def fixed_core_properties(document, *, title: str, author: str) -> None:
    import datetime as dt

    cp = document.core_properties
    cp.title = title
    cp.author = author
    cp.last_modified_by = author
    cp.revision = 1
    stamp = dt.datetime(2024, 3, 1, 9, 0, 0)
    cp.created = stamp
    cp.modified = stamp
    cp.last_printed = stamp


# ------------------------------------------------------------ 1. cabinet report (docx)


def build_cabinet_docx(src: Source, path: Path) -> None:
    import docx
    from docx.enum.table import WD_TABLE_ALIGNMENT
    from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_TAB_ALIGNMENT
    from docx.shared import Cm, Pt, RGBColor, Twips

    m = src.meta
    d = docx.Document()
    sec = d.sections[0]
    sec.page_width, sec.page_height = Cm(21.0), Cm(29.7)
    sec.left_margin = sec.right_margin = Cm(2.54)
    sec.top_margin, sec.bottom_margin = Cm(2.2), Cm(2.2)
    sec.header_distance = sec.footer_distance = Cm(1.0)

    normal = d.styles["Normal"]
    normal.font.name = "Arial"
    normal.font.size = Pt(11)
    normal.element.rPr.rFonts.set("{%s}eastAsia" % W_NS, "Arial")
    normal.paragraph_format.space_after = Pt(10)
    normal.paragraph_format.space_before = Pt(0)
    normal.paragraph_format.line_spacing = 1.0

    # header: council name left, meeting right; footer: Page X of Y from fields
    hp = sec.header.paragraphs[0]
    hp.paragraph_format.tab_stops.add_tab_stop(Cm(15.92), WD_TAB_ALIGNMENT.RIGHT)
    hr = hp.add_run(f"{m['council']}\t\t{m['to']} – {m['date_text']}")
    hr.font.size = Pt(9)
    hr.font.color.rgb = RGBColor(0x40, 0x40, 0x40)
    fp = sec.footer.paragraphs[0]
    fp.alignment = WD_ALIGN_PARAGRAPH.CENTER
    fp.add_run("Page ")
    add_field(fp, "PAGE", "1")
    fp.add_run(" of ")
    add_field(fp, "NUMPAGES", "1")
    for r in fp.runs:
        r.font.size = Pt(9)

    bullets = add_symbol_bullets(d)

    p = d.add_paragraph()
    p.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    p.add_run(f"Agenda Item {m['agenda_item']}").bold = True

    # the front sheet: a two-column table with the labels in bold
    rows = [("Report to:", m["to"]), ("Date:", m.get("date_front", m["date_text"])), ("Report of:", m["author"]),
            ("Subject:", m["title"]), ("Wards affected:", m["wards"]), ("Key decision:", m["key_decision"])]
    t = d.add_table(rows=len(rows), cols=2)
    t.style = d.styles["Table Grid"]
    t.alignment = WD_TABLE_ALIGNMENT.LEFT
    set_widths(t, [Cm(4.2), Cm(11.7)])
    for row, (label, value) in zip(t.rows, rows):
        a = row.cells[0].paragraphs[0]
        a.add_run(label).bold = True
        b = row.cells[1].paragraphs[0]
        add_runs(b, value, bold=label == "Subject:")
        for cp in (a, b):
            cp.paragraph_format.space_before = Pt(3)
            cp.paragraph_format.space_after = Pt(3)
    d.add_paragraph()

    for it in src.items:
        if isinstance(it, Heading):
            h = d.add_paragraph()
            hanging(h, 720, 720)
            h.paragraph_format.keep_with_next = True
            h.paragraph_format.space_before = Pt(6)
            h.add_run(f"{it.number}.\t{it.text}").bold = True
        elif isinstance(it, Para):
            p = d.add_paragraph()
            hanging(p, 720, 720)
            p.add_run(f"{it.number}\t")
            add_runs(p, it.text)
            for part in it.parts:
                q = d.add_paragraph()
                if part.lettered:        # typed "(a)<TAB>" with its own hanging indent
                    hanging(q, 1440, 720)
                    q.add_run(f"{part.glyph}\t")
                else:                    # a real Word bullet from numbering.xml
                    set_numbering(q, bullets)
                    q.paragraph_format.left_indent = Twips(1080)
                    q.paragraph_format.first_line_indent = Twips(-360)
                    q.paragraph_format.space_after = Pt(4)
                add_runs(q, part.text)
            if it.tail:
                q = d.add_paragraph()
                q.paragraph_format.left_indent = Twips(720)
                add_runs(q, it.tail)
            if it.table:
                tb = d.add_table(rows=len(it.table), cols=len(it.table[0]))
                tb.style = d.styles["Table Grid"]
                tblpr = tb._tbl.tblPr
                from docx.oxml import parse_xml
                tblpr.append(parse_xml(f'<w:tblInd xmlns:w="{W_NS}" w:w="720" w:type="dxa"/>'))
                widths = [Cm(5.6)] + [Cm(2.45)] * (len(it.table[0]) - 1)
                set_widths(tb, widths)
                # the first row repeats at the top of each page the table runs on to, as Word's "Repeat as
                # header row" does; it is one row of the table, not a row on every page
                tb.rows[0]._tr.get_or_add_trPr().append(parse_xml(f'<w:tblHeader xmlns:w="{W_NS}"/>'))
                for ri, (row, cells) in enumerate(zip(tb.rows, it.table)):
                    for ci, (cell, value) in enumerate(zip(row.cells, cells)):
                        cp = cell.paragraphs[0]
                        cp.paragraph_format.space_after = Pt(2)
                        cp.paragraph_format.space_before = Pt(2)
                        if ci:
                            cp.alignment = WD_ALIGN_PARAGRAPH.RIGHT
                        r = cp.add_run(value)
                        r.bold = ri == 0 or cells[0] == "Total"
                        r.font.size = Pt(10)
                gap = d.add_paragraph()
                gap.paragraph_format.space_after = Pt(0)

    # back matter: appendices (an unnumbered list), background papers, contact officer
    def block_heading(text: str) -> None:
        h = d.add_paragraph()
        h.paragraph_format.keep_with_next = True
        h.paragraph_format.space_before = Pt(6)
        h.add_run(text).bold = True

    block_heading("Appendices")
    for line in m["appendices"].split(" | "):
        q = d.add_paragraph(line)
        q.paragraph_format.space_after = Pt(4)
    block_heading("Background Papers")
    for line in m["background_papers"].split(" | "):
        q = d.add_paragraph(line)
        q.paragraph_format.space_after = Pt(4)
    name, role, tel = m["contact"].split(", ")
    q = d.add_paragraph()
    q.paragraph_format.space_before = Pt(6)
    q.paragraph_format.space_after = Pt(0)
    q.add_run("Contact Officer: ").bold = True
    q.add_run(f"{name}, {role}")
    d.add_paragraph(f"Tel: {tel}")

    fixed_core_properties(d, title=m["title"], author=m["author"])
    d.save(str(path))
    deterministic_zip(path)


def make_cabinet() -> dict:
    check_tools(need_docx=True)
    src = load_source("cabinet-report.txt")
    m = src.meta
    docx_path = SRC / "cabinet-report.docx"
    pdf_path = out_dir("cabinet") / "office-cabinet-report.pdf"
    build_cabinet_docx(src, docx_path)
    convert_to_pdf(docx_path, pdf_path, title=m["title"], author=m["author"])
    metadata = {k: m[k] for k in ("title", "author", "to", "date", "agenda_item", "council", "wards", "key_decision",
                                   "contact")}
    metadata["background_papers"] = " ".join(m["background_papers"].split(" | "))
    metadata["appendices"] = m["appendices"].split(" | ")
    gold = gold_for(src, pdf_path, producer="libreoffice (docx from python-docx)",
                    heading_line=lambda h: h.text, metadata=metadata)
    require(any(p["page_end"] > p["page"] for p in gold["paragraphs"]),
            "no paragraph of the cabinet report crosses a page break: adjust the text")
    last_row = " ".join(gold["tables"][0]["rows"][-1])
    require(Locator(pdf_path).first_page(last_row, "the table's last row") > gold["tables"][0]["page"],
            "the cost table no longer runs over a page break (with its header row repeated): adjust the text")
    write_gold(gold, pdf_path.with_name("office-cabinet-report.gold.json"))
    return gold


# ----------------------------------------------- 2. consultation response (flat ODT)

FODT_HEAD = """<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
 xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0"
 xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"
 xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"
 xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0"
 xmlns:dc="http://purl.org/dc/elements/1.1/"
 xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0"
 office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.text">
<office:meta><dc:title>{title}</dc:title><meta:initial-creator>{author}</meta:initial-creator>
 <meta:creation-date>2024-05-20T09:00:00</meta:creation-date><dc:date>2024-05-20T09:00:00</dc:date></office:meta>
<office:font-face-decls>
 <style:font-face style:name="Liberation Serif" svg:font-family="&apos;Liberation Serif&apos;" style:font-family-generic="roman" style:font-pitch="variable"/>
</office:font-face-decls>
<office:styles>
 <style:default-style style:family="paragraph">
  <style:paragraph-properties fo:hyphenation-ladder-count="no-limit" style:writing-mode="lr-tb"/>
  <style:text-properties style:font-name="Liberation Serif" fo:font-size="11.5pt" fo:language="en" fo:country="GB" fo:hyphenate="true" fo:hyphenation-remain-char-count="3" fo:hyphenation-push-char-count="3"/>
 </style:default-style>
 <style:style style:name="Standard" style:family="paragraph" style:class="text"/>
 <style:style style:name="Body" style:family="paragraph" style:parent-style-name="Standard" style:class="text">
  <style:paragraph-properties fo:text-align="justify" fo:margin-top="0cm" fo:margin-bottom="0.28cm" fo:line-height="115%" fo:orphans="2" fo:widows="2"/>
  <style:text-properties fo:language="en" fo:country="GB" fo:hyphenate="true" fo:hyphenation-remain-char-count="3" fo:hyphenation-push-char-count="3"/>
 </style:style>
 <style:style style:name="Heading" style:family="paragraph" style:parent-style-name="Standard" style:class="text">
  <style:paragraph-properties fo:margin-top="0.3cm" fo:margin-bottom="0.25cm" fo:keep-with-next="always"/>
  <style:text-properties fo:font-size="12pt" fo:font-weight="bold"/>
 </style:style>
 <style:style style:name="Front" style:family="paragraph" style:parent-style-name="Standard">
  <style:paragraph-properties fo:margin-bottom="0.15cm"/>
 </style:style>
 <style:style style:name="FrontBold" style:family="paragraph" style:parent-style-name="Front">
  <style:text-properties fo:font-weight="bold"/>
 </style:style>
 <style:style style:name="Title" style:family="paragraph" style:parent-style-name="Standard" style:class="chapter">
  <style:paragraph-properties fo:margin-top="0.5cm" fo:margin-bottom="0.5cm"/>
  <style:text-properties fo:font-size="15pt" fo:font-weight="bold"/>
 </style:style>
 <style:style style:name="Back" style:family="paragraph" style:parent-style-name="Standard">
  <style:paragraph-properties fo:margin-bottom="0.1cm"/>
 </style:style>
 <style:style style:name="Footnote" style:family="paragraph" style:parent-style-name="Standard" style:class="extra">
  <style:paragraph-properties fo:margin-left="0.5cm" fo:text-indent="-0.5cm" fo:text-align="justify"/>
  <style:text-properties fo:font-size="9pt"/>
 </style:style>
 <style:style style:name="Header" style:family="paragraph" style:parent-style-name="Standard" style:class="extra">
  <style:paragraph-properties fo:text-align="end"/>
  <style:text-properties fo:font-size="9pt" fo:font-style="italic"/>
 </style:style>
 <style:style style:name="Footer" style:family="paragraph" style:parent-style-name="Standard" style:class="extra">
  <style:text-properties fo:font-size="10pt"/>
 </style:style>
 <style:style style:name="FooterRight" style:family="paragraph" style:parent-style-name="Footer" style:class="extra">
  <style:paragraph-properties fo:text-align="end"/>
 </style:style>
 <style:style style:name="FooterLeft" style:family="paragraph" style:parent-style-name="Footer" style:class="extra">
  <style:paragraph-properties fo:text-align="start"/>
 </style:style>
 <style:style style:name="Footnote_20_anchor" style:display-name="Footnote anchor" style:family="text">
  <style:text-properties style:text-position="super 58%"/>
 </style:style>
 <style:style style:name="Strong" style:family="text"><style:text-properties fo:font-weight="bold"/></style:style>
 <style:style style:name="Emphasis" style:family="text"><style:text-properties fo:font-style="italic"/></style:style>
 <text:list-style style:name="Numbered">
  <text:list-level-style-number text:level="1" style:num-suffix="." style:num-format="1">
   <style:list-level-properties text:list-level-position-and-space-mode="label-alignment">
    <style:list-level-label-alignment text:label-followed-by="listtab" text:list-tab-stop-position="1cm" fo:text-indent="-1cm" fo:margin-left="1cm"/>
   </style:list-level-properties>
  </text:list-level-style-number>
  <text:list-level-style-number text:level="2" style:num-prefix="(" style:num-suffix=")" style:num-format="a">
   <style:list-level-properties text:list-level-position-and-space-mode="label-alignment">
    <style:list-level-label-alignment text:label-followed-by="listtab" text:list-tab-stop-position="2cm" fo:text-indent="-1cm" fo:margin-left="2cm"/>
   </style:list-level-properties>
  </text:list-level-style-number>
 </text:list-style>
 <text:notes-configuration text:note-class="footnote" text:citation-style-name="Footnote_20_anchor" style:num-format="1" text:start-value="0" text:footnotes-position="page" text:start-numbering-at="document"/>
</office:styles>
<office:automatic-styles>
 <style:page-layout style:name="pm1">
  <style:page-layout-properties fo:page-width="21cm" fo:page-height="29.7cm" fo:margin-top="1.4cm" fo:margin-bottom="1.4cm" fo:margin-left="2.5cm" fo:margin-right="2.5cm">
   <style:footnote-sep style:width="0.018cm" style:distance-before-sep="0.1cm" style:distance-after-sep="0.1cm" style:line-style="solid" style:adjustment="left" style:rel-width="25%" style:color="#000000"/>
  </style:page-layout-properties>
  <style:header-style><style:header-footer-properties fo:min-height="0cm" fo:margin-bottom="0.7cm"/></style:header-style>
  <style:footer-style><style:header-footer-properties fo:min-height="0cm" fo:margin-top="0.7cm"/></style:footer-style>
 </style:page-layout>
 <style:style style:name="Sect2" style:family="section">
  <style:section-properties text:dont-balance-text-columns="false">
   <style:columns fo:column-count="2" fo:column-gap="0.8cm"/>
  </style:section-properties>
 </style:style>
</office:automatic-styles>
<office:master-styles>
 <style:master-page style:name="Standard" style:page-layout-name="pm1">
  <style:header><text:p text:style-name="Header">{header}</text:p></style:header>
  <style:footer><text:p text:style-name="FooterRight"><text:page-number text:select-page="current">1</text:page-number></text:p></style:footer>
  <style:footer-left><text:p text:style-name="FooterLeft"><text:page-number text:select-page="current">2</text:page-number></text:p></style:footer-left>
 </style:master-page>
</office:master-styles>
<office:body>
<office:text>
"""


def xml_text(s: str) -> str:
    """Escaped for XML; "~" in the source becomes a soft hyphen (U+00AD), where LibreOffice may break a word."""
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("~", "\u00ad")


def odt_inline(text: str, notes: dict) -> str:
    out = []
    for style, piece in runs(text):
        if style == "b":
            out.append(f'<text:span text:style-name="Strong">{xml_text(piece)}</text:span>')
        elif style == "i":
            out.append(f'<text:span text:style-name="Emphasis">{xml_text(piece)}</text:span>')
        elif style == "note":
            out.append(f'<text:note text:id="ftn{piece}" text:note-class="footnote"><text:note-citation>{piece}'
                       f'</text:note-citation><text:note-body><text:p text:style-name="Footnote">'
                       f'{xml_text(notes[piece])}</text:p></text:note-body></text:note>')
        else:
            out.append(xml_text(piece))
    return "".join(out)


def build_response_fodt(src: Source, path: Path) -> None:
    m = src.meta
    body: list[str] = []
    add = body.append
    add(f'<text:p text:style-name="FrontBold">{xml_text(m["council"].upper())}</text:p>')
    add(f'<text:p text:style-name="FrontBold">{xml_text(m["to"].upper())}</text:p>')
    add(f'<text:p text:style-name="Front">{xml_text(m["date_text"])}</text:p>')
    add(f'<text:p text:style-name="Front">Agenda Item {xml_text(m["agenda_item"])}</text:p>')
    add(f'<text:p text:style-name="Front">Report of the {xml_text(m["author"])}</text:p>')
    add(f'<text:p text:style-name="Title">{xml_text(m["title"])}</text:p>')
    first_list = True
    in_section = False
    for it in src.items:
        if isinstance(it, Columns):
            if it.count == 2:
                add('<text:section text:style-name="Sect2" text:name="TwoColumns">')
                in_section = True
            else:
                add("</text:section>")
                in_section = False
        elif isinstance(it, Heading):
            require(it.number is None, "the response's headings are unnumbered")
            add(f'<text:p text:style-name="Heading">{xml_text(it.text)}</text:p>')
        elif isinstance(it, Para):
            require(it.auto, f"paragraph {it.number} must be automatically numbered")
            notes = dict(it.notes)
            cont = "" if first_list else ' text:continue-numbering="true"'
            first_list = False
            add(f'<text:list text:style-name="Numbered"{cont}><text:list-item>')
            add(f'<text:p text:style-name="Body">{odt_inline(it.text, notes)}</text:p>')
            if it.parts:
                add("<text:list>")
                for i, part in enumerate(it.parts):
                    require(part.glyph == f"({'abcdefgh'[i]})", f"paragraph {it.number}: parts must run (a), (b) ...")
                    add(f'<text:list-item><text:p text:style-name="Body">{odt_inline(part.text, notes)}</text:p></text:list-item>')
                add("</text:list>")
            if it.tail:
                add(f'<text:p text:style-name="Body">{odt_inline(it.tail, notes)}</text:p>')
            add("</text:list-item></text:list>")
    require(not in_section, "COLS 2 without COLS 1")
    add('<text:p text:style-name="Heading">Background Papers</text:p>')
    for line in m["background_papers"].split(" | "):
        add(f'<text:p text:style-name="Back">{xml_text(line)}</text:p>')
    name, role, tel = m["contact"].split(", ")
    add(f'<text:p text:style-name="Back"><text:span text:style-name="Strong">Contact Officer:</text:span> '
        f'{xml_text(name)}, {xml_text(role)}</text:p>')
    add(f'<text:p text:style-name="Back">Telephone: {xml_text(tel)}</text:p>')
    head = FODT_HEAD.format(title=xml_text(m["title"]), author=xml_text(m["author"]),
                            header=xml_text(f"{m['to']} – {m['date_text']}"))
    path.write_text(head + "\n".join(body) + "\n</office:text>\n</office:body>\n</office:document>\n", encoding="utf-8")


def make_response() -> dict:
    check_tools(need_docx=False, need_hyphenation=True)
    src = load_source("consultation-response.txt")
    m = src.meta
    fodt_path = SRC / "consultation-response.fodt"
    pdf_path = out_dir("response") / "office-consultation-response.pdf"
    build_response_fodt(src, fodt_path)
    convert_to_pdf(fodt_path, pdf_path, title=m["title"], author=m["author"])
    metadata = {k: m[k] for k in ("title", "author", "to", "date", "agenda_item", "council", "contact")}
    metadata["background_papers"] = " ".join(m["background_papers"].split(" | "))
    gold = gold_for(src, pdf_path, producer="libreoffice (flat ODT)", heading_line=lambda h: h.text,
                    metadata=metadata)
    require(any(h["kind"] == "soft" for h in gold["line_end_hyphens"]),
            "no word of the response is broken at a soft hyphen: add \"~\" points to its source")
    write_gold(gold, pdf_path.with_name("office-consultation-response.gold.json"))
    return gold


# ------------------------------------------- 3. numbers in a table column (docx)


def build_licensing_docx(src: Source, path: Path) -> None:
    import docx
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Cm, Pt, Twips

    m = src.meta
    d = docx.Document()
    sec = d.sections[0]
    sec.page_width, sec.page_height = Cm(21.0), Cm(29.7)
    sec.left_margin = sec.right_margin = Cm(2.3)
    sec.top_margin, sec.bottom_margin = Cm(2.0), Cm(2.0)
    sec.header_distance = sec.footer_distance = Cm(0.9)
    normal = d.styles["Normal"]
    normal.font.name = "DejaVu Sans"
    normal.font.size = Pt(10.5)
    normal.element.rPr.rFonts.set("{%s}eastAsia" % W_NS, "DejaVu Sans")
    normal.paragraph_format.space_after = Pt(8)
    normal.paragraph_format.line_spacing = 1.0

    hp = sec.header.paragraphs[0]
    hr = hp.add_run(f"PART I – PUBLIC\t\tAgenda Item {m['agenda_item']}")
    hr.font.size = Pt(8.5)
    fp = sec.footer.paragraphs[0]
    fp.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    add_field(fp, "PAGE", "1")
    for r in fp.runs:
        r.font.size = Pt(9)
    bullets = add_symbol_bullets(d)

    for text, size in ((m["council"].upper(), 12), (f"{m['to'].upper()} – {m['date_text'].upper()}", 11)):
        p = d.add_paragraph()
        p.paragraph_format.space_after = Pt(4)
        r = p.add_run(text)
        r.bold, r.font.size = True, Pt(size)
    p = d.add_paragraph()
    p.paragraph_format.space_before = Pt(10)
    r = p.add_run(m["title"].upper())
    r.bold, r.font.size = True, Pt(13)
    p = d.add_paragraph(f"Report of the {m['author']}")
    p.paragraph_format.space_after = Pt(14)

    rows = []
    for it in src.items:
        if isinstance(it, (Heading, Para)):
            rows.append(it)
    t = d.add_table(rows=len(rows), cols=2)          # "Normal Table": no borders
    set_widths(t, [Cm(1.6), Cm(14.8)])
    for row, it in zip(t.rows, rows):
        num, body = row.cells
        np_ = num.paragraphs[0]
        bp = body.paragraphs[0]
        if isinstance(it, Heading):
            np_.add_run(it.number).bold = True
            bp.add_run(it.text).bold = True
            for x in (np_, bp):
                x.paragraph_format.space_before = Pt(4)
                x.paragraph_format.keep_with_next = True
            continue
        np_.add_run(it.number)
        add_runs(bp, it.text)
        for part in it.parts:
            q = body.add_paragraph()
            if part.lettered:
                hanging(q, 567, 567)
                q.add_run(f"{part.glyph}\t")
            else:
                set_numbering(q, bullets)
                q.paragraph_format.left_indent = Twips(567)
                q.paragraph_format.first_line_indent = Twips(-360)
                q.paragraph_format.space_after = Pt(3)
            add_runs(q, part.text)
        if it.tail:
            add_runs(body.add_paragraph(), it.tail)

    h = d.add_paragraph()
    h.paragraph_format.space_before = Pt(12)
    h.add_run("Background Papers").bold = True
    for line in m["background_papers"].split(" | "):
        d.add_paragraph(line).paragraph_format.space_after = Pt(3)
    name, role, tel = m["contact"].split(", ")
    q = d.add_paragraph()
    q.paragraph_format.space_before = Pt(10)
    q.paragraph_format.space_after = Pt(0)
    q.add_run("Contact Officer: ").bold = True
    q.add_run(f"{name}, {role}")
    d.add_paragraph(f"Telephone: {tel}")
    fixed_core_properties(d, title=m["title"], author=m["author"])
    d.save(str(path))
    deterministic_zip(path)


def make_licensing() -> dict:
    check_tools(need_docx=True)
    src = load_source("licensing-report.txt")
    m = src.meta
    docx_path = SRC / "licensing-report.docx"
    pdf_path = out_dir("licensing") / "office-licensing-report.pdf"
    build_licensing_docx(src, docx_path)
    convert_to_pdf(docx_path, pdf_path, title=m["title"], author=m["author"])
    metadata = {k: m[k] for k in ("title", "author", "to", "date", "council", "contact")}
    metadata["background_papers"] = " ".join(m["background_papers"].split(" | "))
    gold = gold_for(src, pdf_path, producer="libreoffice (docx from python-docx)", heading_line=lambda h: h.text,
                    metadata=metadata)
    write_gold(gold, pdf_path.with_name("office-licensing-report.gold.json"))
    return gold


# ------------------------------- 4. Word multilevel list numbering + real footnotes (docx)


def add_multilevel_numbering(document) -> int:
    """A Word multilevel list: "1." (headings), "1.1" (paragraphs, legal style), "(a)" (parts).  Returns numId."""
    from docx.oxml import parse_xml

    numbering = document.part.numbering_part.element
    levels = [("decimal", "%1.", 0, 720), ("decimal", "%1.%2", 0, 720), ("lowerLetter", "(%3)", 720, 720)]
    lvls = "".join(
        f'<w:lvl w:ilvl="{i}"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/>'
        + ('<w:isLgl/>' if i == 1 else "")
        + f'<w:lvlText w:val="{text}"/><w:lvlJc w:val="left"/>'
        f'<w:pPr><w:tabs><w:tab w:val="num" w:pos="{left + hang}"/></w:tabs>'
        f'<w:ind w:left="{left + hang}" w:hanging="{hang}"/></w:pPr>'
        + ('<w:rPr><w:b/></w:rPr>' if i == 0 else "") + "</w:lvl>"
        for i, (fmt, text, left, hang) in enumerate(levels))
    abstract = parse_xml(f'<w:abstractNum xmlns:w="{W_NS}" w:abstractNumId="91"><w:nsid w:val="5C1E7A22"/>'
                         f'<w:multiLevelType w:val="multilevel"/>{lvls}</w:abstractNum>')
    nums = numbering.findall(_w("num"))
    if nums:
        nums[0].addprevious(abstract)
    else:
        numbering.append(abstract)
    numbering.append(parse_xml(f'<w:num xmlns:w="{W_NS}" w:numId="91"><w:abstractNumId w:val="91"/></w:num>'))
    return 91


class Footnotes:
    """Word footnotes: a footnotes part (separator, continuation separator, then the notes) related to the
    document, and a footnoteReference run where each is cited.  python-docx has no API for them."""

    def __init__(self, document):
        self.document = document
        self.notes: list[tuple[str, str]] = []

    def cite(self, paragraph, label: str, text: str) -> None:
        from docx.oxml import parse_xml

        self.notes.append((label, text))
        paragraph._p.append(parse_xml(
            f'<w:r xmlns:w="{W_NS}"><w:rPr><w:vertAlign w:val="superscript"/></w:rPr>'
            f'<w:footnoteReference w:id="{len(self.notes)}"/></w:r>'))

    def write(self) -> None:
        from docx.opc.constants import CONTENT_TYPE as CT
        from docx.opc.constants import RELATIONSHIP_TYPE as RT
        from docx.opc.packuri import PackURI
        from docx.opc.part import Part

        body = "".join(
            f'<w:footnote w:id="{i}"><w:p><w:pPr><w:spacing w:after="0"/></w:pPr>'
            f'<w:r><w:rPr><w:vertAlign w:val="superscript"/><w:sz w:val="18"/></w:rPr><w:footnoteRef/></w:r>'
            f'<w:r><w:rPr><w:sz w:val="18"/></w:rPr><w:t xml:space="preserve"> {xml_text(text)}</w:t></w:r></w:p>'
            "</w:footnote>"
            for i, (_, text) in enumerate(self.notes, 1))
        xml = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:footnotes xmlns:w="{W_NS}">'
               '<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>'
               '<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/></w:r>'
               f'</w:p></w:footnote>{body}</w:footnotes>')
        part = Part(PackURI("/word/footnotes.xml"), CT.WML_FOOTNOTES, xml.encode("utf-8"), self.document.part.package)
        self.document.part.relate_to(part, RT.FOOTNOTES)


def build_council_tax_docx(src: Source, path: Path, toc_pages: Optional[dict] = None) -> None:
    import docx
    from docx.oxml import parse_xml
    from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK, WD_TAB_ALIGNMENT, WD_TAB_LEADER
    from docx.shared import Cm, Pt

    m = src.meta
    d = docx.Document()
    sec = d.sections[0]
    sec.page_width, sec.page_height = Cm(21.0), Cm(29.7)
    sec.left_margin = sec.right_margin = Cm(2.5)
    sec.top_margin, sec.bottom_margin = Cm(2.5), Cm(2.2)
    sec.header_distance = sec.footer_distance = Cm(1.1)
    normal = d.styles["Normal"]
    normal.font.name = "Arial"
    normal.font.size = Pt(11.5)
    normal.element.rPr.rFonts.set("{%s}eastAsia" % W_NS, "Arial")
    normal.paragraph_format.space_after = Pt(9)
    normal.paragraph_format.line_spacing = 1.05

    # Word's "different first page": the cover page has no running header, later pages do
    sec.different_first_page_header_footer = True
    hp = sec.header.paragraphs[0]
    hp.paragraph_format.tab_stops.add_tab_stop(Cm(16.0), WD_TAB_ALIGNMENT.RIGHT)
    hr = hp.add_run(f"{m['title'].split(':')[0]}\t\t{m['to']}, {m['date_text']}")
    hr.font.size = Pt(8.5)
    for footer in (sec.footer, sec.first_page_footer):
        fp = footer.paragraphs[0]
        fp.alignment = WD_ALIGN_PARAGRAPH.CENTER
        fp.add_run("Page ")
        add_field(fp, "PAGE", "1")
        fp.add_run(" of ")
        add_field(fp, "NUMPAGES", "1")
        for r in fp.runs:
            r.font.size = Pt(9)

    num = add_multilevel_numbering(d)
    notes = Footnotes(d)
    # page 1, a cover: council, the title in large type over two lines, the meeting
    p = d.add_paragraph()
    p.paragraph_format.space_after = Pt(60)
    r = p.add_run(m["council"].upper())
    r.bold, r.font.size = True, Pt(14)
    p = d.add_paragraph()
    p.paragraph_format.space_after = Pt(40)
    p.paragraph_format.line_spacing = 1.0
    r = p.add_run(m["title"])
    r.bold, r.font.size = True, Pt(26)
    for line in (f"Report to: {m['to']}", f"Date: {m['date_text']}", f"Report of: {m['author']}"):
        p = d.add_paragraph()
        p.paragraph_format.space_after = Pt(4)
        p.add_run(line).font.size = Pt(13)
    d.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
    # page 2, contents: "1.<TAB>Heading<TAB with dot leader>page", as Word's TOC field renders it
    p = d.add_paragraph()
    p.paragraph_format.space_after = Pt(14)
    r = p.add_run("Contents")
    r.bold, r.font.size = True, Pt(14)
    headings = [it for it in src.items if isinstance(it, Heading)]
    for h in headings:
        p = d.add_paragraph()
        p.paragraph_format.space_after = Pt(6)
        p.paragraph_format.tab_stops.add_tab_stop(Cm(1.27))
        p.paragraph_format.tab_stops.add_tab_stop(Cm(16.0), WD_TAB_ALIGNMENT.RIGHT, WD_TAB_LEADER.DOTS)
        p.add_run(f"{h.number}.\t{h.text}\t{(toc_pages or {}).get(h.number, 9)}")
    d.add_paragraph().add_run().add_break(WD_BREAK.PAGE)

    def inline(paragraph, text: str, item_notes: dict) -> None:
        for style, piece in runs(text):
            if style == "note":
                notes.cite(paragraph, piece, plain(item_notes[piece]))
                continue
            r = paragraph.add_run(piece)
            r.bold = style == "b" or None
            r.italic = style == "i" or None
            r.font.superscript = style == "sup" or None

    section_heading = None
    for it in src.items:
        if isinstance(it, Heading):
            section_heading = it.text
            require(it.auto, "the headings of this template are numbered by Word")
            h = d.add_paragraph()
            set_numbering(h, num, 0)
            h.paragraph_format.keep_with_next = True
            h.paragraph_format.space_before = Pt(6)
            h.add_run(it.text).bold = True
        elif isinstance(it, Para):
            require(it.auto, f"paragraph {it.number} must be numbered by Word")
            item_notes = dict(it.notes)
            if section_heading == "Recommendation":
                # the recommendation in a shaded, bordered box (a one-cell table), still numbered by the list
                box = d.add_table(rows=1, cols=1)
                box.style = d.styles["Table Grid"]
                set_widths(box, [Cm(16.0)])
                cell = box.rows[0].cells[0]
                cell._tc.get_or_add_tcPr().append(parse_xml(
                    f'<w:shd xmlns:w="{W_NS}" w:val="clear" w:color="auto" w:fill="E7EEF7"/>'))
                p = cell.paragraphs[0]
                p.paragraph_format.space_before = Pt(6)
                p.paragraph_format.space_after = Pt(6)
                set_numbering(p, num, 1)
                inline(p, it.text, item_notes)
                require(not it.parts and not it.tail, "the boxed recommendation is one paragraph")
                continue
            p = d.add_paragraph()
            set_numbering(p, num, 1)
            inline(p, it.text, item_notes)
            for i, part in enumerate(it.parts):
                require(part.glyph == f"({'abcdefgh'[i]})", f"paragraph {it.number}: parts must run (a), (b) ...")
                q = d.add_paragraph()
                set_numbering(q, num, 2)
                q.paragraph_format.space_after = Pt(5)
                inline(q, part.text, item_notes)
            if it.tail:
                inline(d.add_paragraph(), it.tail, item_notes)

    h = d.add_paragraph()
    h.paragraph_format.space_before = Pt(14)
    h.add_run("Background papers: ").bold = True
    h.add_run(m["background_papers"])
    name, role, tel = m["contact"].split(", ")
    q = d.add_paragraph()
    q.paragraph_format.space_after = Pt(0)
    q.add_run("Contact officer: ").bold = True
    q.add_run(f"{name}, {role}, telephone {tel}")
    notes.write()
    fixed_core_properties(d, title=m["title"], author=m["author"])
    d.save(str(path))
    deterministic_zip(path)


def make_multilevel(source: str, stem: str, name: str) -> dict:
    """A report from the Word template of build_council_tax_docx: cover, contents, multilevel numbering."""
    check_tools(need_docx=True)
    src = load_source(source)
    m = src.meta
    docx_path = SRC / (Path(source).stem + ".docx")
    pdf_path = out_dir(name) / f"{stem}.pdf"
    metadata = {k: m[k] for k in ("title", "author", "to", "date", "council", "contact", "background_papers")}
    # twice: the contents page needs the pages LibreOffice puts the headings on
    build_council_tax_docx(src, docx_path)
    convert_to_pdf(docx_path, pdf_path, title=m["title"], author=m["author"])
    draft = gold_for(src, pdf_path, producer="", heading_line=lambda h: h.text, metadata=metadata)
    toc = {s["number"]: s["page"] for s in draft["sections"]}
    build_council_tax_docx(src, docx_path, toc)
    convert_to_pdf(docx_path, pdf_path, title=m["title"], author=m["author"])
    gold = gold_for(src, pdf_path, producer="libreoffice (docx from python-docx)", heading_line=lambda h: h.text,
                    metadata=metadata)
    require({s["number"]: s["page"] for s in gold["sections"]} == toc, "the contents page moved the headings")
    write_gold(gold, pdf_path.with_name(f"{stem}.gold.json"))
    return gold


def make_council_tax() -> dict:
    return make_multilevel("council-tax-report.txt", "office-council-tax-report", "counciltax")


def make_parking() -> dict:
    return make_multilevel("parking-decision.txt", "office-parking-decision", "parking")


# ------------------------------------------------------------------------ main

FIXTURES: dict[str, Callable[[], object]] = {
    "cabinet": make_cabinet,
    "response": make_response,
    "licensing": make_licensing,
    "counciltax": make_council_tax,
    "parking": make_parking,
}


def main(argv: list[str]) -> int:
    names = argv or list(FIXTURES)
    for name in names:
        if name not in FIXTURES:
            print(f"make_office_fixtures: unknown fixture {name!r}; known: {', '.join(FIXTURES)}", file=sys.stderr)
            return 2
        FIXTURES[name]()
        print(f"make_office_fixtures: {name} done", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
