"""Round 14, the read room: how characters become lines, on producers whose whole output was misread.

- Word for the Mac through Quartz PDFContext (NSW Planning's ATDIS specifications, Suffolk, Tintern, ...): the fonts'
  ToUnicode maps the space glyph to four characters ("\\t\\r \\xa0") and the hyphen glyph to three ("-", U+00AD,
  U+2010), each given the glyph's one box by pdfium.  The "\\r" was taken for a line break, so each word began a run
  of its own and words set close lost their space ("ofPlanning"); the hyphen read "--" ("machine--readable").
- Headless Chrome through Skia (the University of Toronto Engineering Society's bylaws and standing rules): a
  variable web font printed as Type 3 fonts, whose descriptor pdfium does not read, so every weight read 0 and the
  bold section headings ("0.0. General", "1.0. President") and the bold contents entries read as roman.
- A three-column Federal Register rule (FRTIB, Acrobat Distiller): a section heading set in small bold type in the
  middle column ("§ 1600.35 Refunds of default employee" / "contributions.") was taken for a statute's marginal
  note and placed beside the left column's line, out of its own column.
Drawn PDFs reproduce each mechanism; the real papers show it on the page.  Papers not on this machine skip."""
from __future__ import annotations

import pytest

from lspkit.read import read_lines

from real_util import real_pdf
from test_segment_layout import A4, draw

NSW_2013 = "nsw-planning_2013_atdis-1-0-7-specification-draft.pdf"
FR_2010 = "frtib_2010_federal-register-final-rule-automatic-enrollment.pdf"
SRI_LANKA = "sri-lanka-parliament_2022_prevention-of-terrorism-amendment-act.pdf"
UOFT_BYLAW = "uoft-engsoc_2026_bylaw-4-officers-jan-2026"



def _write_pdf(path, objs) -> str:
    """The numbered objects `objs` as a PDF file with its cross-reference table, at `path`."""
    out = b"%PDF-1.4\n"
    offsets = []
    for k, obj in enumerate(objs, 1):
        offsets.append(len(out))
        out += f"{k} 0 obj\n{obj}\nendobj\n".encode("latin-1")
    xref = len(out)
    out += f"xref\n0 {len(objs) + 1}\n0000000000 65535 f \n".encode()
    out += "".join(f"{o:010d} 00000 n \n" for o in offsets).encode()
    out += f"trailer\n<< /Size {len(objs) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    path.write_bytes(out)
    return str(path)

def _pdf(path, lines, *, quartz: bool, word_spacing: float = -2.0) -> str:
    """A one-page PDF in Helvetica, one line each, set with tight word spacing; `quartz`: its ToUnicode maps the
    space glyph to "\\t\\r \\xa0" and the hyphen glyph to "-", U+00AD, U+2010, as Word for the Mac's fonts do."""
    entries = [(0x20, "0009000D002000A0"), (0x2D, "002D00AD2010")] if quartz else [(0x41, "0041")]
    cmap = ("/CIDInit /ProcSet findresource begin 12 dict begin begincmap /CMapName /X def "
            "1 begincodespacerange <00> <FF> endcodespacerange "
            f"{len(entries)} beginbfchar " + " ".join(f"<{c:02X}> <{u}>" for c, u in entries) +
            " endbfchar endcmap CMapName currentdict /CMap defineresource pop end end")
    content = f"BT /F1 11 Tf {word_spacing} Tw 14 TL 72 760 Td " + " ".join(f"({t}) Tj T*" for t in lines) + " ET"
    objs = [
        "<< /Type /Catalog /Pages 2 0 R >>",
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> "
        "/Contents 5 0 R >>",
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding /ToUnicode 6 0 R >>",
        f"<< /Length {len(content)} >>\nstream\n{content}\nendstream",
        f"<< /Length {len(cmap)} >>\nstream\n{cmap}\nendstream",
    ]
    return _write_pdf(path, objs)


QUARTZ_LINES = ["The Department of Planning has released a machine-readable standard",
                "for data of the tracking tools, a best-practice set of fields."]


def test_a_space_glyph_read_as_tab_return_space_keeps_the_words_apart(tmp_path):
    # the "\r" inside the space glyph's text is no line break: the words stay one run, each space kept however
    # tight the type sets them
    lines = [ln.text for ln in read_lines(_pdf(tmp_path / "q.pdf", QUARTZ_LINES, quartz=True)).lines]
    assert lines[0].startswith("The Department of Planning has released a")
    assert lines[1].startswith("for data of the tracking tools, a")


def test_a_hyphen_glyph_read_as_three_dashes_is_one_hyphen(tmp_path):
    lines = [ln.text for ln in read_lines(_pdf(tmp_path / "q.pdf", QUARTZ_LINES, quartz=True)).lines]
    assert lines == QUARTZ_LINES


def test_two_hyphens_drawn_as_two_glyphs_stay_two(tmp_path):
    # "--" typed as two glyphs: two boxes side by side, never folded into one
    lines = [ln.text for ln in read_lines(_pdf(tmp_path / "p.pdf", ["pages 10--12 and a well-known rule"],
                                                quartz=False, word_spacing=0)).lines]
    assert lines == ["pages 10--12 and a well-known rule"]


def test_quartz_specification_reads_its_words_apart_and_its_hyphens_whole():
    lines = [ln.text for ln in read_lines(str(real_pdf(NSW_2013)), pages=[4]).lines]
    assert "The NSW Department of Planning and Infrastructure (Department) has released the White Paper: A New" \
        in lines
    assert "1. Agree a common machine-readable standard for data produced by application tracking tools." in lines
    assert "2. Agree a minimum set of fields that a vendor's product must be able to produce." in lines
    assert not any("--" in t or "ofthe" in t for t in lines)


# ---------------------------------------------------------------- a small heading in the middle of three columns

_PROSE = ["who are eligible to participate in the", "Thrift Savings Plan and those Federal",
          "employees who are rehired after a", "separation in service of 31 or more",
          "calendar days and who are eligible to", "participate in the Plan will have their",
          "basic pay contributed to the Plan unless", "they elect to not contribute at all or"]


@pytest.fixture(scope="module")
def three_columns(tmp_path_factory):
    """A Federal Register page: three columns of 9 pt prose (x = 45, 222, 399), and in the middle column, level
    with the left column's prose and a break between the right column's paragraphs, a section heading in 7.4 pt
    bold over two lines, then its paragraph."""
    page = []
    for col, x in enumerate((45, 222, 399)):
        y = 60
        for k in range(4 if col == 1 else 30):
            if col == 2 and 100 <= y <= 125:
                y += 30  # the right column's paragraph break, level with the heading (so prose is on its left only)
            page.append((x, y, _PROSE[k % len(_PROSE)], 9, "Helvetica"))
            y += 10
        if col == 1:
            y += 6
            page.append((x, y, "§ 1600.35 Refunds of default employee", 7.4, "Helvetica-Bold"))
            page.append((x, y + 9, "contributions.", 7.4, "Helvetica-Bold"))
            y += 24
            page.append((x + 9, y, "(a) A participant may request a refund", 9, "Helvetica"))
            y += 10
            for k in range(20):
                page.append((x, y, _PROSE[k % len(_PROSE)], 9, "Helvetica"))
                y += 10
    return draw(tmp_path_factory.mktemp("fr") / "fr.pdf", [page])


def test_a_small_heading_in_a_column_is_that_columns_text_not_a_marginal_note(three_columns):
    lines = read_lines(three_columns).lines
    texts = [ln.text for ln in lines]
    heading = texts.index("§ 1600.35 Refunds of default employee")
    assert not lines[heading].margin
    assert texts[heading + 1] == "contributions."
    assert texts[heading + 2] == "(a) A participant may request a refund"
    # in its own column: after the middle column's first lines, never among the left column's
    assert lines[heading - 1].x0 == pytest.approx(222, abs=1)


def test_federal_register_section_headings_read_in_their_columns():
    lines = read_lines(str(real_pdf(FR_2010)), pages=[2]).lines
    texts = [ln.text for ln in lines]
    heading = texts.index("§ 1600.35 Refunds of default employee")
    assert not any(ln.margin for ln in lines)
    assert texts[heading - 1] == "percentage or amount at any time."  # the end of § 1600.34(b), above it
    assert texts[heading + 1] == "contributions."
    assert texts[heading + 2] == "(a) A participant may request a refund"
    later = texts.index("§ 1600.37 Employing Agency Notice.")
    assert texts[later + 1] == "Employing agencies shall furnish all"


def test_a_statutes_marginal_notes_are_still_notes():
    # a quoted inserted section's note in the left margin, under full-width lines far wider than it, and the
    # section notes in the right margin: notes, as before
    notes = [ln.text for ln in read_lines(str(real_pdf(SRI_LANKA))).lines if ln.margin]
    assert "“Order under section 9 to be final" in notes
    assert any(t.startswith("Replacement of section 10") for t in notes)
    assert len(notes) >= 15


# ---------------------------------------------------------------- Type 3 fonts and their weights

def _type3_pdf(path, lines) -> str:
    """One line each of `lines` (text, weight) in a Type 3 font of that weight, as Chrome prints a variable web
    font: filled boxes for glyphs, a ToUnicode map, the weight only in the font descriptor, the bold font's
    advance widths wider (560 against 500 thousandths)."""
    chars = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ .0123456789"
    digits = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"]
    names = {c: "space" if c == " " else "period" if c == "." else digits[int(c)] if c.isdigit() else c for c in chars}
    objs: list = ["<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [3 0 R] /Count 1 >>", None]

    def add(obj: str) -> int:
        objs.append(obj)
        return len(objs)

    def stream(data: str) -> int:
        return add(f"<< /Length {len(data)} >>\nstream\n{data}\nendstream")

    fonts = {}
    codes = sorted(ord(c) for c in chars)
    cmap = ("/CIDInit /ProcSet findresource begin 12 dict begin begincmap /CMapName /T3 def "
            "1 begincodespacerange <00> <FF> endcodespacerange "
            f"{len(codes)} beginbfchar " + " ".join(f"<{k:02X}> <{k:04X}>" for k in codes) +
            " endbfchar endcmap CMapName currentdict /CMap defineresource pop end end")
    for weight in sorted({w for _, w in lines}):
        adv = 500 if weight < 600 else 560
        procs = {c: stream(f"{adv} 0 0 0 0 0 d1" if c == " " else f"{adv} 0 0 0 {adv - 60} 700 d1 0 0 {adv - 60} 700 re f")
                 for c in chars}
        desc = add(f"<< /Type /FontDescriptor /FontName /AAAAAA+Garamond-Regular /Flags 4 /FontWeight {weight} "
                   "/ItalicAngle 0 /StemV 100 >>")
        widths = " ".join(str(adv if chr(k) in chars else 0) for k in range(codes[0], codes[-1] + 1))
        fonts[weight] = add(
            "<< /Type /Font /Subtype /Type3 /FontBBox [0 0 1000 1000] /FontMatrix [0.001 0 0 0.001 0 0] "
            "/CharProcs << " + " ".join(f"/{names[c]} {procs[c]} 0 R" for c in chars) + " >> "
            "/Encoding << /Type /Encoding /Differences [" + " ".join(f"{ord(c)} /{names[c]}" for c in chars) + "] >> "
            f"/FirstChar {codes[0]} /LastChar {codes[-1]} /Widths [{widths}] /FontDescriptor {desc} 0 R "
            f"/ToUnicode {stream(cmap)} 0 R /Resources << >> >>")
    content = stream("BT 16 TL 72 760 Td " + " ".join(f"/W{w} 11 Tf ({t}) Tj T*" for t, w in lines) + " ET")
    res = " ".join(f"/W{w} {k} 0 R" for w, k in fonts.items())
    objs[2] = (f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << {res} >> >> "
               f"/Contents {content} 0 R >>")
    return _write_pdf(path, objs)


def test_a_type3_fonts_weight_comes_from_its_descriptor(tmp_path):
    pdf = _type3_pdf(tmp_path / "t3.pdf", [("0.1. Standing", 700), ("0.1.1. A member has the floor when recognized", 400),
                                          ("0.2. In Camera Session", 700)])
    lines = read_lines(pdf).lines
    assert [(ln.text, ln.bold) for ln in lines] == [("0.1. Standing", True),
                                                    ("0.1.1. A member has the floor when recognized", False),
                                                    ("0.2. In Camera Session", True)]


def test_browser_printed_bylaw_reads_its_bold_headings_and_drops_its_short_contents():
    from real_util import doc

    path = str(real_pdf(f"{UOFT_BYLAW}.pdf"))
    lines = read_lines(path).lines
    bold = {ln.text: ln.bold for ln in lines}
    assert bold["0.0. General"] and bold["1.0. President"] and bold["CHAPTER 1 - PRESIDENT"]
    assert not bold["1.0.1. The President is responsible for:"]
    # "CONTENTS" over three entries ending in their pages, bold now: the contents, never a paragraph or a heading
    d = doc(UOFT_BYLAW)
    assert {(x.text, x.reason) for x in d.dropped} >= {("1 President 4", "contents"), ("2 Vice-Presidents 5", "contents")}
    assert not any(p.text.startswith(("President 4", "Vice-Presidents 5")) for p in d.paragraphs)
    assert ("1.0", "President") in [(s.number, s.heading) for s in d.sections]
