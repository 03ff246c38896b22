"""Scanned pages (an image, no text layer) read by OCR: found, rendered, read by Tesseract into the same Lines a PDF
engine gives, segmented as any page; flagged `ocr`; never a page with a text layer unless forced; a clear warning
naming what to install where Tesseract is absent (lspkit.read.ocr)."""
from __future__ import annotations

import io
import json
import shutil
import sys

import pytest

from hostile_util import lspkit
from real_util import real_pdf

HAS_TESSERACT = shutil.which("tesseract") is not None
needs_tesseract = pytest.mark.skipif(not HAS_TESSERACT, reason="tesseract is not on PATH "
                                     "(apt-get install tesseract-ocr tesseract-ocr-eng)")

# (number, heading, text): a report's numbered paragraphs under numbered headings
REPORT = [
    ("1.", "Introduction", None),
    ("1.1", None, "The Council welcomes the consultation on the future of local bus services and the chance to "
                  "comment on the proposals set out in the paper."),
    ("1.2", None, "Members are asked to note the report and to agree the response set out in Appendix A, subject "
                  "to any amendments agreed at the meeting."),
    ("2.", "Financial implications", None),
    ("2.1", None, "The costs are contained within existing budgets and there are no staffing implications arising "
                  "directly from this report."),
    ("2.2", None, "A further report on the capital programme will be brought to the Cabinet in March once the grant "
                  "settlement is known."),
]


def _text_pdf(background: bytes | None = None) -> bytes:
    """The report as a text PDF (Helvetica 11 pt body, bold 12 pt headings, numbers hanging in the margin);
    `background`: a PNG drawn over the whole page first (text over an image, as a scan with an OCR layer)."""
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfgen import canvas

    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=A4)
    w, h = A4
    if background is not None:
        c.drawImage(ImageReader(io.BytesIO(background)), 0, 0, width=w, height=h)
    y = h - 90
    c.setFont("Helvetica-Bold", 16)
    c.drawString(72, y, "Report to Cabinet: Bus Services Consultation")
    y -= 40
    for number, heading, text in REPORT:
        if heading:
            c.setFont("Helvetica-Bold", 12)
            c.drawString(72, y, number)
            c.drawString(108, y, heading)
            y -= 24
            continue
        c.setFont("Helvetica", 11)
        c.drawString(72, y, number)
        line = ""
        for word in text.split():
            if c.stringWidth(f"{line} {word}", "Helvetica", 11) > 400:
                c.drawString(108, y, line.strip())
                y -= 15
                line = ""
            line += " " + word
        c.drawString(108, y, line.strip())
        y -= 24
    c.showPage()
    c.save()
    return buf.getvalue()


def _page_png(pdf: bytes, dpi: int = 200) -> bytes:
    import pypdfium2 as pdfium

    doc = pdfium.PdfDocument(pdf)
    try:
        image = doc[0].render(scale=dpi / 72, grayscale=True).to_pil()
    finally:
        doc.close()
    out = io.BytesIO()
    image.save(out, format="PNG")
    return out.getvalue()


def _image_pdf(pngs: list[bytes]) -> bytes:
    """Each PNG as a page of its own, the image over the whole page and no text layer: a scan."""
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfgen import canvas

    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=A4)
    for png in pngs:
        c.drawImage(ImageReader(io.BytesIO(png)), 0, 0, width=A4[0], height=A4[1])
        c.showPage()
    c.save()
    return buf.getvalue()


@pytest.fixture(scope="module")
def scans(tmp_path_factory):
    """scan.pdf (the report scanned at 200 dpi), text.pdf (the report), mixed.pdf (text page, then the scan),
    layered.pdf (the report's text over its own scan: a page with a text layer)."""
    import pikepdf

    d = tmp_path_factory.mktemp("ocr")
    text = _text_pdf()
    png = _page_png(text)
    (d / "text.pdf").write_bytes(text)
    (d / "scan.pdf").write_bytes(_image_pdf([png]))
    (d / "layered.pdf").write_bytes(_text_pdf(background=png))
    mixed = pikepdf.new()
    for name in ("text.pdf", "scan.pdf"):
        with pikepdf.open(d / name) as src:
            mixed.pages.extend(src.pages)
    mixed.save(d / "mixed.pdf")
    return d


# ---------------------------------------------------------------- without Tesseract


TSV_HEADER = "level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext\n"


def _tsv(rows):
    return TSV_HEADER + "".join("5\t1\t1\t1\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\n".format(*r) for r in rows)


def test_tsv_words_become_runs_with_a_size_from_their_letters():
    from lspkit.read.ocr import tsv_runs

    # line 1 at 300 dpi: "2.1" (figures: cap height), "The" (cap), "costs" (x-height), "apply" (ascender and
    # descender), then a gap of 2 inches and "Page"; line 2: "| have" and a speck Tesseract is not sure of
    tsv = _tsv([
        (1, 1, 300, 1000, 60, 33, 95, "2.1"), (1, 2, 375, 1000, 70, 33, 96, "The"),
        (1, 3, 460, 1009, 90, 22, 96, "costs"), (1, 4, 565, 1000, 100, 43, 95, "apply"),
        (1, 5, 1320, 1000, 90, 33, 95, "Page"),
        (2, 1, 300, 1060, 8, 33, 91, "|"), (2, 2, 330, 1060, 80, 33, 96, "have"), (2, 3, 900, 1070, 5, 5, 12, "~"),
    ])
    scale = 72 / 300
    runs = tsv_runs(tsv, scale, scale)
    assert [r[6] for r in runs] == ["2.1 The costs apply", "Page", "I have"]
    first = runs[0]
    assert first[0] == pytest.approx(300 * scale) and first[1] == pytest.approx(665 * scale)
    # 33 px at 300 dpi is 7.9 pt of cap height: type of about 11 pt, given as a loose box (x 1.13), 12.5 pt
    assert 11.5 <= first[4] <= 13.5
    assert runs[1][2:5] == first[2:5]  # the same line: the same baseline and size
    assert first[2] < 1000 * scale < 1033 * scale < first[3]  # the loose box spans the letters


@pytest.fixture
def no_tesseract(monkeypatch):
    from lspkit.read import ocr

    monkeypatch.setattr(ocr, "engine", lambda: None)


def test_without_tesseract_a_scanned_page_is_a_warning_naming_what_to_install(scans, no_tesseract):
    from lspkit.api import extract

    document = extract(str(scans / "mixed.pdf"))
    assert [p.number for p in document.paragraphs] == ["1.1", "1.2", "2.1", "2.2"]  # page 1, the text page
    assert {p.page for p in document.paragraphs} == {1}
    missing = [w for w in document.warnings if "page(s) 2 " in w]
    assert len(missing) == 1 and "install Tesseract" in missing[0] and "apt-get install tesseract-ocr" in missing[0]


def test_without_tesseract_a_wholly_scanned_paper_is_refused_naming_what_to_install(scans, no_tesseract):
    from lspkit.api import extract
    from lspkit.infra.errors import NoTextLayerError

    with pytest.raises(NoTextLayerError, match="install Tesseract"):
        extract(str(scans / "scan.pdf"))


def test_the_cli_warns_in_one_line_when_tesseract_is_absent(scans, tmp_path):
    out = tmp_path / "r.json"
    empty = tmp_path / "bin"
    empty.mkdir()
    run = lspkit("extract", scans / "mixed.pdf", "-o", out, env={"PATH": str(empty)})
    assert run.status == 0, run.stderr
    lines = [ln for ln in run.stderr.splitlines() if "Tesseract" in ln]
    assert lines == [f"lspkit: warning: {scans / 'mixed.pdf'}: page(s) 2 are scanned images with no text layer and "
                     "were not read: install Tesseract to read them by OCR "
                     "(apt-get install tesseract-ocr tesseract-ocr-eng)"], run.stderr
    assert "Traceback" not in run.stderr


def test_a_page_with_a_text_layer_is_never_read_by_ocr(scans, monkeypatch):
    """Text over a scan of itself (a scan with an OCR layer): the text layer is read, Tesseract never runs."""
    from lspkit.api import extract
    from lspkit.read import ocr

    def refuse(*args, **kwargs):
        raise AssertionError("OCR ran on a page with a text layer")

    monkeypatch.setattr(ocr, "engine", lambda: "tesseract (test)")
    monkeypatch.setattr(ocr, "tesseract_tsv", refuse)
    document = extract(str(scans / "layered.pdf"))
    assert [p.number for p in document.paragraphs] == ["1.1", "1.2", "2.1", "2.2"]
    assert not any(p.ocr for p in document.paragraphs) and not any("OCR" in w for w in document.warnings)


def test_scanned_cover_tells_a_scan_from_a_text_page(scans):
    import pypdfium2 as pdfium

    from lspkit.read.ocr import scanned_cover

    for name, expected in (("scan.pdf", 1.0), ("text.pdf", 0.0)):
        doc = pdfium.PdfDocument(str(scans / name))
        try:
            assert scanned_cover(doc[0]) == pytest.approx(expected, abs=0.01)
        finally:
            doc.close()


# ---------------------------------------------------------------- with Tesseract


@needs_tesseract
def test_a_scanned_report_reads_as_its_text_version_does(scans, tmp_path):
    """The scan gives the paragraphs, numbers, sections and text the text PDF gives, flagged as OCR."""
    out, text_out = tmp_path / "scan.json", tmp_path / "text.json"
    run = lspkit("extract", scans / "scan.pdf", "-o", out, timeout=240)
    assert run.status == 0, run.stderr
    assert "page(s) 1 read by OCR" in run.stderr
    assert lspkit("extract", scans / "text.pdf", "-o", text_out).status == 0
    scanned, printed = json.loads(out.read_text()), json.loads(text_out.read_text())
    assert [p["number"] for p in scanned["paragraphs"]] == ["1.1", "1.2", "2.1", "2.2"]
    for p, (number, text) in zip(scanned["paragraphs"], [(n, t) for n, _, t in REPORT if t]):
        assert p["number"] == number and p["text"] == text
        assert p["ocr"] is True and p["section"] == number.split(".")[0]
    assert [(s["number"], s["heading"]) for s in scanned["sections"]] == \
        [(s["number"], s["heading"]) for s in printed["sections"]]
    assert ("1", "Introduction") in [(s["number"], s["heading"]) for s in scanned["sections"]]
    assert any("read by OCR" in w for w in scanned["warnings"])
    assert '"ocr"' not in text_out.read_text()  # the text PDF's JSON carries no "ocr" key at all


@needs_tesseract
def test_no_ocr_leaves_a_scan_unread(scans, tmp_path):
    run = lspkit("extract", scans / "scan.pdf", "--no-ocr", "-o", tmp_path / "r.json")
    assert run.status == 4 and "no text layer (scanned images; OCR is off)" in run.stderr, run.stderr


@needs_tesseract
def test_a_mixed_paper_reads_its_text_page_and_its_scan(scans):
    from lspkit.api import extract

    document = extract(str(scans / "mixed.pdf"))
    pages = {(p.label, p.page, p.ocr) for p in document.paragraphs}
    assert {("1.1", 1, False), ("2.2", 1, False), ("1.1", 2, True), ("2.2", 2, True)} <= pages
    assert "page(s) 2 read by OCR (scanned, no text layer): the text is what Tesseract recognised" in document.warnings


@needs_tesseract
def test_force_reads_a_scan_with_a_text_layer_by_ocr(scans):
    from lspkit.api import extract

    document = extract(str(scans / "layered.pdf"), ocr="force")
    assert [p.number for p in document.paragraphs] == ["1.1", "1.2", "2.1", "2.2"]
    assert all(p.ocr for p in document.paragraphs)
    assert any("--ocr force" in w for w in document.warnings)


@needs_tesseract
def test_a_real_scanned_letter_is_read():
    """Gardena's planning agenda: page 6 is the applicant's scanned letter (no text layer; gold notes it)."""
    from lspkit.api import extract

    path = real_pdf("gardena_2022_planning-commission-agenda-staff-report-parcel-map.pdf")
    document = extract(str(path), pages=[6])
    text = " ".join(b.text for b in document.blocks)
    assert all(b.ocr and b.page == 6 for b in document.blocks)
    for words in ("Dear Commission:", "Tentative Parcel Map", "requesting that the City grant an 18-month extension",
                  "April 16, 2019", "On behalf of my brother"):
        assert words in text, words
    assert document.warnings[0].startswith("page(s) 6 read by OCR")


@needs_tesseract
def test_a_real_scanned_covering_letter_is_left_to_force_and_the_decision_is_unchanged():
    """The Ombudsman's final decision: page 1 a scanned covering letter before 9 pages with a text layer.  `auto`
    leaves the letter unread, saying so (OCR in auto is for papers that are scans: a letter's OCR'd subject must
    not become the decision's title or cover); `--ocr force` reads it; the 36 paragraphs are the same in all."""
    from lspkit.api import extract

    path = real_pdf("lgo_2016_14-019-995-final-decision.pdf")
    auto, forced, without = extract(str(path)), extract(str(path), ocr="force"), extract(str(path), ocr="off")
    assert [p.to_dict() for p in auto.paragraphs] == [p.to_dict() for p in without.paragraphs]
    assert [p.to_dict() for p in forced.paragraphs] == [p.to_dict() for p in without.paragraphs]
    assert len(auto.paragraphs) == 36
    assert not any(b.page == 1 for b in auto.blocks) and not any(b.page == 1 for b in without.blocks)
    assert any(w.startswith("page(s) 1 are scanned images with no text layer among pages that have one")
               and "--ocr force" in w for w in auto.warnings), auto.warnings
    letter = " ".join(b.text for b in forced.blocks if b.page == 1)
    assert "Complaint about London Borough of Southwark" in letter and "I have now heard back from the Council" in letter
