#!/usr/bin/env python3
"""Write the corpus of hostile and broken inputs into data/bad/ (deterministically).

Council archives hold scans, password-protected appendices, half-downloaded
files and the odd malicious upload; these files are what lspkit must answer
with a clear message instead of a traceback, a hang or a lost batch.

    python data/bad/make_bad_inputs.py            # (re)write data/bad/*
    python data/bad/make_bad_inputs.py OUTDIR     # somewhere else

Large cases are not committed; the tests build them on the fly into a tmp dir
with the functions below: `make_thousand_page_pdf`, `make_big_yaml`,
`make_batch_tree` (FIFOs, dangling symlinks and symlink loops do not belong
in git).  Running the script twice gives byte-identical files.
"""
from __future__ import annotations

import io
import os
import random
import sys
import zlib
from pathlib import Path

HERE = Path(__file__).resolve().parent
DEJAVU = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"

PARAGRAPHS = [
    "The Council welcomes the consultation on the future of Local Strategic Partnerships "
    "and the opportunity to comment on the proposals set out in the paper.",
    "Partnerships should remain locally led, with the district council as the accountable "
    "body, and the community strategy should be the single plan for the area.",
    "Members are asked to note the report and to agree the response set out in Appendix A, "
    "subject to any amendments agreed at the meeting.",
    "The financial implications are contained within existing budgets and there are no "
    "staffing implications arising directly from this report.",
]


# ---------------------------------------------------------------- helpers


def _canvas(buf, pagesize=None):
    from reportlab import rl_config
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    rl_config.invariant = 1  # no creation date or random document id: byte-identical output
    return canvas.Canvas(buf, pagesize=pagesize or A4, invariant=1)


def _wrap(text: str, width: int = 80) -> list[str]:
    lines, line = [], ""
    for word in text.split():
        if line and len(line) + 1 + len(word) > width:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}" if line else word
    if line:
        lines.append(line)
    return lines


def good_pdf_bytes(pages: int = 3, compress: bool = False) -> bytes:
    """A small well-formed report: header, numbered paragraphs, page-number footer.

    Uncompressed by default so truncation and xref damage hit readable structure.
    """
    buf = io.BytesIO()
    c = _canvas(buf)
    c.setPageCompression(1 if compress else 0)
    width, height = c._pagesize
    n = 0
    for page in range(1, pages + 1):
        c.setFont("Helvetica", 8)
        c.drawString(72, height - 40, "Cabinet 12 March 2004 - Local Strategic Partnerships")
        y = height - 100
        if page == 1:
            c.setFont("Helvetica-Bold", 14)
            c.drawString(72, y, "Report of the Head of Policy")
            y -= 36
        for text in PARAGRAPHS:
            n += 1
            c.setFont("Helvetica", 11)
            c.drawString(72, y, f"{n}.")
            for line in _wrap(text):
                c.drawString(100, y, line)
                y -= 14
            y -= 10
        c.setFont("Helvetica", 9)
        c.drawCentredString(width / 2, 30, str(page))
        c.showPage()
    c.save()
    return buf.getvalue()


def _pikepdf_save(pdf, path: Path, **kw) -> None:
    # encrypted files cannot take a content-derived id; a static one (with RC4,
    # which has no random IVs) keeps them byte-identical too
    if kw.get("encryption"):
        pdf.save(path, static_id=True, **kw)
    else:
        pdf.save(path, deterministic_id=True, **kw)


# ---------------------------------------------------------------- not a PDF / damaged


def write_not_pdfs(out: Path) -> None:
    (out / "not_pdf_text.pdf").write_text(
        "This is a plain text note that someone saved with a .pdf name.\n", encoding="utf-8"
    )
    (out / "not_pdf_html.pdf").write_text(
        "<!DOCTYPE html>\n<html><head><title>404 Not Found</title></head>\n"
        "<body><h1>Not Found</h1><p>The requested document was not found.</p></body></html>\n",
        encoding="utf-8",
    )
    from PIL import Image

    img = Image.new("RGB", (40, 20), (200, 30, 30))
    buf = io.BytesIO()
    img.save(buf, format="PNG", optimize=False)
    (out / "png_named.pdf").write_bytes(buf.getvalue())
    (out / "empty.pdf").write_bytes(b"")
    (out / "empty.txt").write_bytes(b"")
    (out / "header_only.pdf").write_bytes(b"%PDF-1.4\n")


def write_truncated(out: Path, good: bytes) -> None:
    for pct in (10, 50, 90):
        (out / f"truncated_{pct}.pdf").write_bytes(good[: len(good) * pct // 100])


def write_corrupt_xref(out: Path, good: bytes) -> None:
    """Two kinds of damage: garbage offsets in the xref table, and no xref at all."""
    start = good.rindex(b"\nxref\n") + 1
    end = good.index(b"trailer", start)
    table = good[start:end]
    rows = table.split(b"\n")
    damaged = []
    for row in rows:
        if len(row) >= 18 and row[:10].isdigit():
            damaged.append(b"98765" + row[5:])  # every offset points nowhere
        else:
            damaged.append(row)
    (out / "corrupt_xref.pdf").write_bytes(good[:start] + b"\n".join(damaged) + good[end:])
    # no xref table, startxref past the end of the file
    tail = b"trailer\n<< /Size 99 /Root 1 0 R >>\nstartxref\n99999999\n%%EOF\n"
    (out / "missing_xref.pdf").write_bytes(good[:start] + tail)


def write_encrypted(out: Path, good: bytes) -> None:
    import pikepdf

    with pikepdf.open(io.BytesIO(good)) as pdf:
        _pikepdf_save(pdf, out / "encrypted_user.pdf",
                      encryption=pikepdf.Encryption(user="secret", owner="owner-secret", R=3, aes=False, metadata=False))
    with pikepdf.open(io.BytesIO(good)) as pdf:
        # only an owner password: anyone may open it, printing/copying is "restricted"
        _pikepdf_save(pdf, out / "encrypted_owner_only.pdf",
                      encryption=pikepdf.Encryption(user="", owner="owner-secret", R=3, aes=False, metadata=False,
                                                    allow=pikepdf.Permissions(extract=False)))


# ---------------------------------------------------------------- no text


def write_image_only(out: Path) -> None:
    """A 'scan': the page is one picture of text, no text layer (OCR is not supported)."""
    from PIL import Image, ImageDraw, ImageFont
    from reportlab.lib.utils import ImageReader

    img = Image.new("L", (850, 1100), 255)
    draw = ImageDraw.Draw(img)
    font = ImageFont.truetype(DEJAVU, 18)
    y = 80
    for n, text in enumerate(PARAGRAPHS, 1):
        for i, line in enumerate(_wrap(text, 70)):
            draw.text((60, y), (f"{n}.  " if i == 0 else "     ") + line, fill=0, font=font)
            y += 26
        y += 16
    buf = io.BytesIO()
    c = _canvas(buf)
    w, h = c._pagesize
    for _ in range(2):
        c.drawImage(ImageReader(img), 0, 0, width=w, height=h)
        c.showPage()
    c.save()
    (out / "image_only.pdf").write_bytes(buf.getvalue())


def write_vector_only(out: Path) -> None:
    """Zero characters but plenty of drawing: rules, boxes, a chart."""
    buf = io.BytesIO()
    c = _canvas(buf)
    w, h = c._pagesize
    c.setLineWidth(1)
    for i in range(40):
        c.line(50, 50 + i * 18, w - 50, 50 + i * 18)
    for i in range(10):
        c.rect(80 + i * 45, 400, 30, 20 + i * 25, stroke=1, fill=i % 2)
    c.circle(w / 2, h - 150, 80)
    c.bezier(50, 700, 200, 800, 350, 600, 500, 750)
    c.showPage()
    c.save()
    (out / "vector_only.pdf").write_bytes(buf.getvalue())


# ---------------------------------------------------------------- big


def thousand_page_number(page: int) -> str:
    return f"{(page - 1) // 10 + 1}.{(page - 1) % 10 + 1}"


def make_thousand_page_pdf(path, pages: int = 1000) -> Path:
    """A 1,000-page report (about 0.6 MB): one paragraph per page, numbered 1.1 ... 100.10.

    (Flat numbers stop at 999 by design: "2006." at a line start is a year, not paragraph 2006.)
    """
    path = Path(path)
    c = _canvas(str(path))
    c.setPageCompression(1)
    width, height = c._pagesize
    for page in range(1, pages + 1):
        c.setFont("Helvetica", 11)
        c.drawString(72, height - 100, thousand_page_number(page))
        for i, line in enumerate(_wrap(PARAGRAPHS[page % len(PARAGRAPHS)])):
            c.drawString(110, height - 100 - 14 * i, line)
        c.setFont("Helvetica", 9)
        c.drawCentredString(width / 2, 30, str(page))
        c.showPage()
    c.save()
    return path


def write_long_page(out: Path, chars: int = 100_000) -> None:
    """One page holding 100,000 characters: a numbered paragraph in 4-pt type on a tall sheet."""
    words = " ".join(PARAGRAPHS).split()
    per_line = 300
    lines, line, total = [], "", 0
    i = 0
    while total < chars:
        word = words[i % len(words)]
        i += 1
        if len(line) + 1 + len(word) > per_line:
            lines.append(line)
            total += len(line) + 1
            line = word
        else:
            line = f"{line} {word}" if line else word
    buf = io.BytesIO()
    height = 60 + 6 * len(lines) + 60
    c = _canvas(buf, pagesize=(700, height))
    c.setPageCompression(1)
    c.setFont("Helvetica", 11)
    c.drawString(20, height - 60, "1.")
    c.setFont("Helvetica", 4)
    y = height - 60
    for text in lines:
        c.drawString(40, y, text)
        y -= 6
    c.showPage()
    c.save()
    (out / "long_page.pdf").write_bytes(buf.getvalue())


# ---------------------------------------------------------------- hostile structure


def _raw_pdf(objects: list[bytes], root: int = 1) -> bytes:
    """Assemble numbered objects (1-based) into a PDF with a correct xref table."""
    out = bytearray(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for num, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % num + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for off in offsets:
        out += b"%010d 00000 n \n" % off
    out += b"trailer\n<< /Size %d /Root %d 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, root, xref)
    return bytes(out)


def _stream(data: bytes, extra: bytes = b"") -> bytes:
    return b"<< /Length %d %s>>\nstream\n" % (len(data), extra) + data + b"\nendstream"


_FONT = b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>"


def _text_content(text: str = "1. The Council welcomes the consultation.") -> bytes:
    return b"BT /F1 11 Tf 72 720 Td (" + text.encode("latin-1") + b") Tj ET"


def write_cyclic(out: Path) -> None:
    """Object graphs that loop: a page tree that contains itself, a form XObject that draws itself."""
    content = _text_content()
    # 1 catalog, 2 pages (Kids holds the page and the Pages node itself), 3 page, 4 content, 5 font
    objs = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R 2 0 R] /Count 2 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        _stream(content),
        _FONT,
    ]
    (out / "cyclic_pages.pdf").write_bytes(_raw_pdf(objs))
    # a Resources cycle: form XObject /Fm1 whose own resources name itself and whose content draws it
    form = b"BT /F1 11 Tf 72 700 Td (2. Inside the form.) Tj ET /Fm1 Do"
    objs = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources 7 0 R >>",
        _stream(content + b" /Fm1 Do"),
        _FONT,
        _stream(form, b"/Type /XObject /Subtype /Form /BBox [0 0 612 792] /Resources 7 0 R "),
        b"<< /Font << /F1 5 0 R >> /XObject << /Fm1 6 0 R >> >>",
    ]
    (out / "cyclic_resources.pdf").write_bytes(_raw_pdf(objs))
    # an indirect reference to itself as the page's /Contents and /Resources
    objs = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources 4 0 R >>",
        b"4 0 R",
    ]
    (out / "self_reference.pdf").write_bytes(_raw_pdf(objs))


def write_nested(out: Path, depth: int = 50_000) -> None:
    """Pathological nesting: a page tree 3,000 levels deep; arrays nested 50,000 deep."""
    # deep page tree: Pages -> Pages -> ... -> Page
    levels = 3000
    objs = [b"<< /Type /Catalog /Pages 2 0 R >>"]
    for i in range(levels):
        num = 2 + i
        parent = b"" if i == 0 else b"/Parent %d 0 R " % (num - 1)
        objs.append(b"<< /Type /Pages %s/Kids [%d 0 R] /Count 1 >>" % (parent, num + 1))
    page = 2 + levels
    objs.append(b"<< /Type /Page /Parent %d 0 R /MediaBox [0 0 612 792] /Contents %d 0 R "
                b"/Resources << /Font << /F1 %d 0 R >> >> >>" % (page - 1, page + 1, page + 2))
    objs.append(_stream(_text_content()))
    objs.append(_FONT)
    (out / "deep_page_tree.pdf").write_bytes(_raw_pdf(objs))
    # deeply nested arrays, both in a page dictionary and in the content stream
    nest = b"[" * depth + b"]" * depth
    content = _text_content() + b"\n" + nest + b" pop"
    objs = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> /Junk " + nest + b" >>",
        _stream(content),
        _FONT,
    ]
    (out / "deep_arrays.pdf").write_bytes(_raw_pdf(objs))


def write_bomb(out: Path, gigabytes: int = 4) -> None:
    """A decompression bomb: a ~10 KB file whose content stream inflates to `gigabytes` GB.

    Spaces compressed twice (/Filter [/FlateDecode /FlateDecode]); generated in
    1 MB chunks so the generator itself never holds more than a few MB.
    """
    inner = zlib.compressobj(9)
    outer = zlib.compressobj(9)
    chunk = b" " * (1 << 20)
    parts = []
    # the page's real text first, so a bounded reader may still find it
    first = _text_content() + b"\n"
    parts.append(outer.compress(inner.compress(first)))
    for _ in range(gigabytes * 1024):
        parts.append(outer.compress(inner.compress(chunk)))
    parts.append(outer.compress(inner.flush()))
    parts.append(outer.flush())
    data = b"".join(parts)
    objs = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        _stream(data, b"/Filter [/FlateDecode /FlateDecode] "),
        _FONT,
    ]
    (out / "bomb.pdf").write_bytes(_raw_pdf(objs))


def write_image_bomb(out: Path, gigabytes: int = 2) -> None:
    """A 4 KB image XObject that inflates to 2 GB: harmless, since text extraction never decodes images."""
    inner = zlib.compressobj(9)
    outer = zlib.compressobj(9)
    chunk = b"\x00" * (1 << 20)
    parts = [outer.compress(inner.compress(chunk)) for _ in range(gigabytes * 1024)]
    parts.append(outer.compress(inner.flush()))
    parts.append(outer.flush())
    content = _text_content() + b"\nq 100 0 0 100 72 500 cm /Im1 Do Q"
    objs = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> /XObject << /Im1 6 0 R >> >> >>",
        _stream(content),
        _FONT,
        _stream(b"".join(parts), b"/Type /XObject /Subtype /Image /Width 32768 /Height 21845 /ColorSpace /DeviceRGB "
                                 b"/BitsPerComponent 8 /Filter [/FlateDecode /FlateDecode] "),
    ]
    (out / "image_bomb.pdf").write_bytes(_raw_pdf(objs))


# ---------------------------------------------------------------- fonts and scripts


def write_broken_font(out: Path) -> None:
    """A TrueType font with a made-up encoding, no /ToUnicode map and no font program.

    What a careless converter leaves behind: the numbers are in Helvetica and
    readable, the words are glyph codes nobody can map back to characters.
    """
    alphabet = sorted(set("".join(PARAGRAPHS)))
    code = {ch: i + 1 for i, ch in enumerate(alphabet)}
    widths = b" ".join(b"500" for _ in alphabet)
    font = (b"<< /Type /Font /Subtype /TrueType /BaseFont /QWERTY+Custom /FirstChar 1 /LastChar %d "
            b"/Widths [%s] /Encoding << /Type /Encoding /Differences [1 %s] >> "
            b"/FontDescriptor 6 0 R >>" % (len(alphabet), widths,
                                          b" ".join(b"/g%d" % (i + 1) for i in range(len(alphabet)))))
    descriptor = (b"<< /Type /FontDescriptor /FontName /QWERTY+Custom /Flags 32 /FontBBox [0 -200 1000 900] "
                  b"/ItalicAngle 0 /Ascent 900 /Descent -200 /CapHeight 700 /StemV 80 >>")
    ops = [b"BT"]
    y = 760
    for n, text in enumerate(PARAGRAPHS, 1):
        ops.append(b"/F1 11 Tf 1 0 0 1 72 %d Tm (%d.) Tj" % (y, n))
        for line in _wrap(text):
            hexcodes = "".join("%02x" % code[ch] for ch in line).encode()
            ops.append(b"/F2 11 Tf 1 0 0 1 100 %d Tm <%s> Tj" % (y, hexcodes))
            y -= 14
        y -= 10
    ops.append(b"ET")
    objs = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
        b"/Resources << /Font << /F1 7 0 R /F2 5 0 R >> >> >>",
        _stream(b"\n".join(ops)),
        font,
        descriptor,
        _FONT,
    ]
    (out / "broken_font.pdf").write_bytes(_raw_pdf(objs))


def write_type3_font(out: Path) -> None:
    """A Type3 font (glyphs drawn as paths) with no ToUnicode and made-up glyph names."""
    charprocs = b"<< /g7 7 0 R /g9 7 0 R >>"
    font = (b"<< /Type /Font /Subtype /Type3 /FontBBox [0 0 1000 1000] /FontMatrix [0.001 0 0 0.001 0 0] "
            b"/CharProcs " + charprocs + b" /Encoding << /Type /Encoding /Differences [1 /g7 /g9] >> "
            b"/FirstChar 1 /LastChar 2 /Widths [600 600] /Resources << >> >>")
    content = b"BT /T3 11 Tf 72 720 Td <0102010201020102> Tj 0 -14 Td <02010201> Tj ET"
    objs = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
        b"/Resources << /Font << /T3 5 0 R >> >> >>",
        _stream(content),
        font,
        b"null",
        _stream(b"600 0 0 0 500 700 d1 0 0 500 700 re f"),
    ]
    (out / "type3_font.pdf").write_bytes(_raw_pdf(objs))


SCRIPTS = [
    ("Arabic", "1. ترحب الحكومة بالمشاورة حول مستقبل الشراكات الاستراتيجية المحلية"),
    ("Hebrew", "2. המועצה מברכת על ההתייעצות בנושא עתיד השותפויות האסטרטגיות המקומיות"),
    ("Greek", "3. Το Συμβούλιο χαιρετίζει τη διαβούλευση για τις τοπικές σχέσεις."),
    ("Cyrillic", "4. Совет приветствует консультацию о местных партнёрствах."),
    ("CJK", "5. 理事会欢迎就地方战略伙伴关系的未来进行磋商。"),
]


def write_scripts(out: Path) -> None:
    """Right-to-left and non-Latin text, each with a font that has the glyphs."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfbase.ttfonts import TTFont

    pdfmetrics.registerFont(TTFont("DejaVuSans", DEJAVU))
    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    buf = io.BytesIO()
    c = _canvas(buf)
    y = 760
    for script, text in SCRIPTS:
        number, body = text.split(" ", 1)
        c.setFont("STSong-Light" if script == "CJK" else "DejaVuSans", 11)
        c.drawString(50, y, number)
        if script in ("Arabic", "Hebrew"):
            # what a bidi-aware producer writes: glyphs placed right to left (no Arabic shaping here);
            # no final stop, whose place would depend on the line's base direction
            c.drawRightString(560, y, body[::-1])
        else:
            c.drawString(80, y, body)
        y -= 30
    c.showPage()
    c.save()
    (out / "non_latin.pdf").write_bytes(buf.getvalue())
    (out / "non_latin.txt").write_text("\n\n".join(t for _s, t in SCRIPTS) + "\n", encoding="utf-8")


def write_bad_text(out: Path) -> None:
    good = ("1. " + PARAGRAPHS[0] + "\n\n2. " + PARAGRAPHS[1] + "\n").encode("utf-8")
    # Latin-1 and stray continuation bytes in the middle of otherwise good UTF-8
    bad = good.replace(b"Council", b"Council \xe9\xff\xfe\x80 caf\xe9", 1)
    (out / "invalid_utf8.txt").write_bytes(bad)
    rng = random.Random(7)
    (out / "binary_junk.txt").write_bytes(bytes(rng.randrange(256) for _ in range(4096)))
    (out / "nul_bytes.txt").write_bytes(good.replace(b" ", b" \x00", 20))


# ---------------------------------------------------------------- configuration

GOOD_TAXONOMY = """\
# a valid two-theme taxonomy, for comparison
themes:
  - id: governance
    label: Governance and accountability
    keywords: [accountable body, scrutiny, governance]
  - id: community
    label: Community engagement
    keywords: [community strategy, engagement, consultation]
"""

BAD_CONFIGS = {
    "malformed.yaml": "themes:\n  - id: governance\n    label: [unclosed\n    keywords: {a: b\n",
    "tabs.yaml": "themes:\n\t- id: governance\n",
    "wrong_types.yaml": "themes:\n  - id: governance\n    label: Governance\n    keywords: 42\n",
    "not_a_mapping.yaml": "- just\n- a\n- list\n",
    "unknown_key.yaml": GOOD_TAXONOMY.replace("    keywords: [accountable", "    keywrods: [accountable"),  # a typo
    "python_tag.yaml": "themes: !!python/object/apply:os.system ['touch /tmp/lspkit-pwned']\n",
    "billion_laughs.yaml": (
        'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n'
        + "".join(
            f"{chr(98 + i)}: &{chr(98 + i)} [" + ",".join([f"*{chr(97 + i)}"] * 9) + "]\n" for i in range(8)
        )
        + "themes: *i\n"
    ),
    "empty.yaml": "",
    "deep_flow.yaml": "themes: " + "[" * 20_000 + "]" * 20_000 + "\n",  # PyYAML's scanner is quadratic in this
    "binary.yaml": None,  # written as bytes below
}


def write_configs(out: Path) -> None:
    (out / "good_taxonomy.yaml").write_text(GOOD_TAXONOMY, encoding="utf-8")
    for name, text in BAD_CONFIGS.items():
        if text is None:
            continue
        (out / name).write_text(text, encoding="utf-8")
    (out / "binary.yaml").write_bytes(b"themes:\n  - id: \xff\xfe\x00\x01\n")


def make_huge_text(path, lines: int = 100_000) -> Path:
    """A 5 MB plain-text paper whose numbering stops at 999: 99,000 lines join into one paragraph."""
    path = Path(path)
    rng = random.Random(11)
    words = [w.strip(".,") for w in " ".join(PARAGRAPHS).split()]
    with open(path, "w", encoding="utf-8") as f:
        for i in range(1, lines + 1):
            f.write(f"{i}. The " + " ".join(rng.choice(words) for _ in range(8)) + ".\n")
    return path


def make_deep_yaml(path, levels: int = 600) -> Path:
    """Block mappings nested `levels` deep (PyYAML composes them recursively)."""
    path = Path(path)
    path.write_text("themes:\n" + "".join("  " * i + f"a{i}:\n" for i in range(1, levels)) + "  " * levels + "x: 1\n",
                    encoding="utf-8")
    return path


def make_big_yaml(path, megabytes: int = 50) -> Path:
    """A 50 MB taxonomy: valid YAML, far too large to be a theme list anyone wrote."""
    path = Path(path)
    with open(path, "w", encoding="utf-8") as f:
        f.write("themes:\n")
        line = "  - id: theme{0}\n    label: Theme {0}\n    keywords: [" + ", ".join(["keyword"] * 20) + "]\n"
        written, i = 9, 0
        while written < megabytes * 1024 * 1024:
            s = line.format(i)
            f.write(s)
            written += len(s)
            i += 1
    return path


# ---------------------------------------------------------------- batch trees


def make_batch_tree(root, good: bytes | None = None) -> dict[str, Path]:
    """A directory for batch runs: two good reports plus every kind of unreadable entry.

    Tests run as root in CI, and root reads a chmod-000 file happily, so
    'unreadable' is simulated with a FIFO (open() would block forever) and a
    dangling symlink; a symlink loop sits in a subdirectory.
    """
    root = Path(root)
    root.mkdir(parents=True, exist_ok=True)
    good = good or good_pdf_bytes()
    paths = {
        "good1": root / "a_good.pdf",
        "good2": root / "z_good.txt",
        "broken": root / "m_truncated.pdf",
        "fifo": root / "fifo.pdf",
        "dangling": root / "dangling.pdf",
        "loopdir": root / "loop",
    }
    paths["good1"].write_bytes(good)
    paths["good2"].write_text("1. " + PARAGRAPHS[2] + "\n\n2. " + PARAGRAPHS[3] + "\n", encoding="utf-8")
    paths["broken"].write_bytes(good[: len(good) // 2])
    if not paths["fifo"].exists():
        os.mkfifo(paths["fifo"])
    if not paths["dangling"].is_symlink():
        os.symlink(root / "does-not-exist.pdf", paths["dangling"])
    paths["loopdir"].mkdir(exist_ok=True)
    if not (paths["loopdir"] / "self").is_symlink():
        os.symlink("..", paths["loopdir"] / "self")  # loop/self/loop/self/...
    if not (paths["loopdir"] / "a.pdf").is_symlink():
        os.symlink("b.pdf", paths["loopdir"] / "a.pdf")
        os.symlink("a.pdf", paths["loopdir"] / "b.pdf")  # a.pdf -> b.pdf -> a.pdf
    return paths


# ---------------------------------------------------------------- main


def write_all(out: Path = HERE) -> list[Path]:
    out.mkdir(parents=True, exist_ok=True)
    before = set(out.iterdir())
    good = good_pdf_bytes()
    (out / "good.pdf").write_bytes(good)
    write_not_pdfs(out)
    write_truncated(out, good)
    write_corrupt_xref(out, good)
    write_encrypted(out, good)
    write_image_only(out)
    write_vector_only(out)
    write_long_page(out)
    write_cyclic(out)
    write_nested(out)
    write_bomb(out)
    write_image_bomb(out)
    write_broken_font(out)
    write_type3_font(out)
    write_scripts(out)
    write_bad_text(out)
    write_configs(out)
    return sorted(set(out.iterdir()) | before)


if __name__ == "__main__":
    target = Path(sys.argv[1]) if len(sys.argv) > 1 else HERE
    for p in write_all(target):
        if p.suffix != ".py":
            print(f"{p.stat().st_size:>10}  {p.name}")
