"""Layout facts the segmenter depends on, on small PDFs drawn here with reportlab.

Each case is drawn in the awkward way real producers do it: margin numbers
written after the text, columns, running headers, hyphens at line ends,
ligature code points, superscript footnote markers.
"""
from __future__ import annotations

import pytest

from lspkit.api import extract
from lspkit.segment import join_lines

A4 = (595.27, 841.89)


DEJAVU = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"


def text_font() -> str:
    """A TrueType font that has the fi ligature glyph, else Helvetica (which draws it as a box)."""
    import os

    if not os.path.exists(DEJAVU):
        return "Helvetica"
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    if "DejaVuSans" not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont("DejaVuSans", DEJAVU))
    return "DejaVuSans"


def draw(path, pages):
    """pages: list of lists of (x, y_from_top, text, size, font)."""
    from reportlab.pdfgen import canvas

    c = canvas.Canvas(str(path), pagesize=A4)
    for items in pages:
        for x, y, text, size, font in items:
            c.setFont(font, size)
            c.drawString(x, A4[1] - y, text)
        c.showPage()
    c.save()
    return str(path)


def body(lines, x=108, y0=100, step=14, size=10.5, font="Helvetica"):
    return [(x, y0 + i * step, t, size, font) for i, t in enumerate(lines)]


def furniture(page, total):
    return [(72, 40, "Cabinet 19 January 2006 - Agenda Item 7", 8, "Helvetica"),
            (280, 810, f"Page {page} of {total}", 8, "Helvetica")]


@pytest.fixture(scope="module")
def report(tmp_path_factory):
    """Two pages: margin numbers drawn last, a paragraph over the page break, hyphens, a footnote."""
    d = tmp_path_factory.mktemp("layout")
    page1 = body([
        "The purpose of this report is to consider the partner-",
        "ships in the district and their sub-",
        "regional links, and to promote well-",
        "being and the duty to co-",
        "operate.",
    ], y0=160)
    page1 += body(["The second paragraph runs on over the page and its text", "continues to the foot of this page"],
                  y0=250)
    page1 += [(72, 120, "1. INTRODUCTION", 10.5, "Helvetica-Bold")]
    # margin numbers written after their text, as some producers do
    page1 += [(72, 160, "1.1", 10.5, "Helvetica"), (72, 250, "1.2", 10.5, "Helvetica")]
    # a footnote marker after "partnerships" and the note at the page foot
    page1 += [(300, 156, "1", 6, "Helvetica"), (108, 770, "1 Partnerships are listed in the annex.", 8, "Helvetica")]
    page1 += furniture(1, 2)
    page2 = body(["before the partnerships fully agree it \ufb01nally."], y0=100, font=text_font())
    page2 += body(["The third paragraph mentions partnerships again."], y0=140)
    page2 += [(72, 140, "1.3", 10.5, "Helvetica")]
    page2 += furniture(2, 2)
    return extract(draw(d / "report.pdf", [page1, page2]))


def test_margin_numbers_read_with_their_lines(report):
    assert [p.number for p in report.paragraphs] == ["1.1", "1.2", "1.3"]
    assert report.paragraph("1.1").text.startswith("The purpose of this report")


def test_hyphens_repaired_but_compounds_kept(report):
    text = report.paragraph("1.1").text
    assert "partnerships in the district" in text
    assert "sub-regional" in text and "well-being" in text and "co-operate" in text


def test_paragraph_joined_over_the_page_break(report):
    p = report.paragraph("1.2")
    assert "continues to the foot of this page before the partnerships fully agree it" in p.text
    assert (p.page, p.page_end) == (1, 2)


def test_ligature_normalised(report):
    if text_font() == "Helvetica":
        pytest.skip("no TrueType font with an fi ligature (fonts-dejavu-core) to draw it")
    assert "finally" in report.paragraph("1.2").text and "\ufb01" not in report.paragraph("1.2").text


def test_running_header_and_page_numbers_dropped(report):
    reasons = {(d.reason, d.text) for d in report.dropped}
    assert ("page-number", "Page 1 of 2") in reasons or ("footer", "Page 1 of 2") in reasons
    assert any(d.reason == "header" and "Agenda Item" in d.text for d in report.dropped)
    assert all("Agenda Item" not in p.text and "Page " not in p.text for p in report.paragraphs)


def test_footnote_kept_out_and_attached(report):
    assert [(n.label, n.text) for n in report.notes] == [("1", "Partnerships are listed in the annex.")]
    assert "listed in the annex" not in report.paragraph("1.1").text
    assert report.paragraph("1.1").notes and report.paragraph("1.1").notes[0].label == "1"


def test_sections_and_heading(report):
    assert [(s.number, s.heading) for s in report.sections] == [("1", "INTRODUCTION")]
    assert all(p.section == "1" and p.heading == "INTRODUCTION" for p in report.paragraphs)


def test_three_columns_read_column_by_column(tmp_path):
    items = [(40, 60, "FEDERAL NOTICE OF PROPOSED RULES AND OTHER MATTERS ACROSS THE PAGE", 12, "Helvetica-Bold")]
    for col, x in enumerate((40, 225, 410)):
        for i in range(14):
            items.append((x, 100 + i * 12, f"column {col + 1} line {i + 1} of the text here", 9, "Helvetica"))
    doc = extract(draw(tmp_path / "cols.pdf", [items]))
    text = " ".join(b.text for b in doc.blocks) + " " + " ".join(doc.metadata.values() if False else [])
    order = [int(w) for w in text.replace("column", " column").split() if w.isdigit()]
    # every line of column 1 before column 2, and column 2 before column 3
    flat = text.split("column ")[1:]
    cols = [int(x.split()[0]) for x in flat]
    assert cols == sorted(cols), cols[:30]
    assert order


def test_bullets_in_any_glyph_stay_in_order(tmp_path):
    items = [(72, 100, "1. BACKGROUND", 10.5, "Helvetica-Bold"),
             (72, 130, "1.1 The paper proposes that LSPs should -", 10.5, "Helvetica")]
    glyphs = ["\u2022", "\u25aa", "\u2013", "-", "o", "*"]
    for i, g in enumerate(glyphs):
        items.append((108, 148 + i * 16, f"{g}  item number {i + 1};", 10.5, "Helvetica"))
    items.append((72, 260, "1.2 Next paragraph.", 10.5, "Helvetica"))
    doc = extract(draw(tmp_path / "bullets.pdf", [items]))
    p = doc.paragraph("1.1")
    assert list(p.parts) == [f"item number {i + 1};" for i in range(len(glyphs))]
    assert p.text == "The paper proposes that LSPs should - " + " ".join(p.parts)


@pytest.mark.parametrize(
    "lines, expected",
    [
        (["the partner-", "ships"], "the partnerships"),
        (["a sub-", "regional plan"], "a sub-regional plan"),
        (["face-to-", "face meetings"], "face-to-face meetings"),
        (["the 2006 -", "2008 period"], "the 2006 - 2008 period"),
        (["first line", "second line"], "first line second line"),
    ],
)
def test_join_lines(lines, expected):
    assert join_lines(lines, set()) == expected


def test_join_lines_uses_the_documents_own_words():
    assert join_lines(["county-", "wide"], {"county", "wide"}) == "county-wide"
    assert join_lines(["county-", "wide"], {"countywide"}) == "countywide"


def test_running_chapter_titles_dropped_though_each_repeats_on_few_pages(tmp_path):
    pages = []
    n = 1
    for chapter in range(1, 6):
        for k in range(4):
            items = [(72, 40, f"Chapter {chapter}: running title number {chapter}", 8, "Helvetica"),
                     (280, 810, f"{len(pages) + 1}", 8, "Helvetica")]
            items += [(72, 100, f"{n}. Paragraph {n} of the report has some words in it.", 10.5, "Helvetica")]
            n += 1
            pages.append(items)
    doc = extract(draw(tmp_path / "titles.pdf", pages))
    assert [p.number for p in doc.paragraphs] == [str(i) for i in range(1, n)]
    assert sum(1 for d in doc.dropped if "running title" in d.text) == 20
    assert all("running title" not in p.text for p in doc.paragraphs)


def test_two_column_stretch_between_full_width_text(tmp_path):
    wide = "The full-width paragraph runs right across the page from one margin to the other side."
    items = [(72, 100, "1. " + wide, 10, "Helvetica")]
    left = ["2. The left column starts here and", "carries on down the column for a", "few lines until it ends at last."]
    right = ["3. The right column begins at the", "top beside it and runs down its", "own side to a stop of its own."]
    for i, (a, b) in enumerate(zip(left, right)):
        items.append((72, 130 + i * 13, a, 10, "Helvetica"))
        items.append((320, 130 + i * 13, b, 10, "Helvetica"))
    items.append((72, 190, "4. " + wide, 10, "Helvetica"))
    doc = extract(draw(tmp_path / "band.pdf", [items]))
    assert [p.number for p in doc.paragraphs] == ["1", "2", "3", "4"]
    assert doc.paragraph("2").text == "The left column starts here and carries on down the column for a few lines until it ends at last."
    assert doc.paragraph("3").text.startswith("The right column begins at the top beside it")


def test_ruled_table_kept_out_and_a_boxed_question_is_not_a_table(tmp_path):
    from reportlab.pdfgen import canvas

    path = tmp_path / "table.pdf"
    c = canvas.Canvas(str(path), pagesize=A4)
    top = A4[1]
    c.setFont("Helvetica", 10)
    c.drawString(72, top - 100, "1.1 The costs are shown in the table below.")
    xs, ys = [100, 250, 400], [120, 140, 160, 180]
    for y in ys:
        c.line(xs[0], top - y, xs[-1], top - y)
    for x in xs:
        c.line(x, top - ys[0], x, top - ys[-1])
    for r, (a, b) in enumerate([("Scheme", "Cost"), ("Mill Road", "450"), ("Station Road", "120")]):
        c.drawString(xs[0] + 4, top - ys[r] - 14, a)
        c.drawString(xs[1] + 4, top - ys[r] - 14, b)
    c.drawString(72, top - 210, "1.2 The next paragraph follows the table.")
    c.rect(100, top - 280, 300, 40)  # a box round a question
    c.drawString(108, top - 262, "Question 1: Do you agree with the costs?")
    c.showPage()
    c.save()
    doc = extract(str(path))
    assert [p.number for p in doc.paragraphs] == ["1.1", "1.2", "Q1"]
    assert [list(r) for t in doc.paragraph("1.1").tables for r in t.rows] == [
        ["Scheme", "Cost"], ["Mill Road", "450"], ["Station Road", "120"]]
    assert "Mill Road" not in " ".join(p.text for p in doc.paragraphs)
    assert doc.paragraph("Q1").text == "Do you agree with the costs?" and not doc.paragraph("Q1").tables


def test_a_decision_lead_ins_lettered_list_stays_one_paragraph(tmp_path):
    """Byelaw 1's lettered definitions set apart under it are its paragraphs 1(a), 1(b); a report's "2.1 Cabinet is
    asked to:" with items set the same way is one decision list, read whole by the recommendations."""
    items = [
        (72, 100, "1. Introduction", 11, "Helvetica-Bold"),
        (72, 120, "1.1 This report sets out the draft strategy for the district and the responses received to", 10.5, "Helvetica"),
        (90, 134, "the consultation held over the summer.", 10.5, "Helvetica"),
        (72, 160, "2. Recommendations", 11, "Helvetica-Bold"),
        (72, 180, "2.1 Cabinet is asked to:", 10.5, "Helvetica"),
        (108, 206, "(a) approve the draft strategy for consultation with partners and residents;", 10.5, "Helvetica"),
        (108, 232, "(b) note the responses received to the first round of engagement; and", 10.5, "Helvetica"),
        (108, 258, "(c) delegate authority to the Director to make minor changes.", 10.5, "Helvetica"),
        (72, 284, "2.2 The reasons for the recommendations are set out in section 3 of this report.", 10.5, "Helvetica"),
    ]
    doc = extract(draw(tmp_path / "asked.pdf", [items]))
    assert [p.number for p in doc.paragraphs] == ["1.1", "2.1", "2.2"]
    assert doc.paragraph("2.1").text.endswith("(c) delegate authority to the Director to make minor changes.")
    defined = [(x, y, t.replace("2.1 Cabinet is asked to:", "2.1 In this strategy:"), s, f) for x, y, t, s, f in items]
    doc = extract(draw(tmp_path / "defined.pdf", [defined]))
    assert [p.number for p in doc.paragraphs] == ["1.1", "2.1", "2.1(a)", "2.1(b)", "2.1(c)", "2.2"]
