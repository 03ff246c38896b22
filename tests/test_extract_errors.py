"""Bad input to `lspkit extract`: one clear line naming the file and the problem, the documented exit
status, no traceback, and no output file left behind.  The bad files are made here, in tmp_path."""
from __future__ import annotations

import io

import pytest
from click.testing import CliRunner

from lspkit.infra import errors
from lspkit.cli import cli


def make_pdf(path, paragraphs, pages=1):
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    c = canvas.Canvas(str(path), pagesize=A4)
    for page in range(pages):
        y = 780
        for text in paragraphs:
            c.drawString(72, y, text)
            y -= 20
        c.showPage()
    c.save()
    return path


NUMBERED = ["1. INTRODUCTION", "1.1 The purpose of this report is to set out the proposals.",
            "1.2 The Council is asked to agree them.", "2. RECOMMENDATION", "2.1 That the proposals be agreed."]


def run(args):
    result = CliRunner().invoke(cli, ["extract", *args])
    return result, result.stderr


def assert_clean_failure(result, stderr, path, status, words):
    assert result.exit_code == status, (result.exit_code, stderr)
    lines = [ln for ln in stderr.splitlines() if ln.strip()]
    assert len(lines) == 1, stderr
    assert lines[0].startswith("lspkit: ") and str(path) in lines[0]
    assert words in lines[0].lower()
    assert "Traceback" not in stderr
    assert result.stdout == ""


@pytest.fixture()
def out(tmp_path):
    return tmp_path / "result.json"


def test_missing_file(tmp_path, out):
    path = tmp_path / "nope.pdf"
    result, stderr = run([str(path), "-o", str(out)])
    assert_clean_failure(result, stderr, path, errors.EXIT_INPUT_MISSING, "no such file")
    assert not out.exists()


def test_directory(tmp_path, out):
    result, stderr = run([str(tmp_path), "-o", str(out)])
    assert_clean_failure(result, stderr, tmp_path, errors.EXIT_INPUT_MISSING, "directory")
    assert not out.exists()


def test_not_a_pdf_is_sniffed_not_trusted_by_extension(tmp_path, out):
    path = tmp_path / "photo.pdf"
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4)
    result, stderr = run([str(path), "-o", str(out)])
    assert_clean_failure(result, stderr, path, errors.EXIT_INPUT_INVALID, "not a pdf")
    assert "png" in stderr.lower()
    assert not out.exists()


def test_empty_file(tmp_path, out):
    path = tmp_path / "empty.pdf"
    path.write_bytes(b"")
    result, stderr = run([str(path), "-o", str(out)])
    assert_clean_failure(result, stderr, path, errors.EXIT_INPUT_INVALID, "empty")
    assert not out.exists()


def test_truncated_pdf(tmp_path, out):
    good = make_pdf(tmp_path / "good.pdf", NUMBERED, pages=3)
    data = good.read_bytes()
    path = tmp_path / "truncated.pdf"
    path.write_bytes(data[: len(data) // 2])
    result, stderr = run([str(path), "-o", str(out)])
    assert_clean_failure(result, stderr, path, errors.EXIT_INPUT_INVALID, "truncated or corrupt")
    assert not out.exists()


def test_corrupt_pdf(tmp_path, out):
    path = tmp_path / "corrupt.pdf"
    path.write_bytes(b"%PDF-1.7\n" + b"\x00garbage\xff" * 200 + b"\n%%EOF\n")
    result, stderr = run([str(path), "-o", str(out)])
    assert_clean_failure(result, stderr, path, errors.EXIT_INPUT_INVALID, "corrupt")
    assert not out.exists()


@pytest.fixture()
def encrypted(tmp_path):
    pikepdf = pytest.importorskip("pikepdf")
    plain = make_pdf(tmp_path / "plain.pdf", NUMBERED)
    path = tmp_path / "locked.pdf"
    with pikepdf.open(plain) as pdf:
        pdf.save(path, encryption=pikepdf.Encryption(user="secret", owner="owner-secret", R=4))
    return path


def test_encrypted_without_password(encrypted, out):
    result, stderr = run([str(encrypted), "-o", str(out)])
    assert_clean_failure(result, stderr, encrypted, errors.EXIT_ENCRYPTED, "password")
    assert not out.exists()


def test_encrypted_with_wrong_password(encrypted, out):
    result, stderr = run([str(encrypted), "--password", "guess", "-o", str(out)])
    assert_clean_failure(result, stderr, encrypted, errors.EXIT_ENCRYPTED, "wrong")
    assert not out.exists()


def test_encrypted_with_right_password(encrypted, out):
    result, stderr = run([str(encrypted), "--password", "secret", "-o", str(out)])
    assert result.exit_code == 0, stderr
    import json

    doc = json.loads(out.read_text())
    assert [p["number"] for p in doc["paragraphs"]] == ["1.1", "1.2", "2.1"]


def test_scanned_pdf_without_text_layer(tmp_path, out):
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfgen import canvas

    # a tiny grey bitmap (a PGM-free PPM would need PIL; reportlab draws raw RGB through ImageReader)
    PIL = pytest.importorskip("PIL.Image")
    img = PIL.new("RGB", (60, 80), (200, 200, 200))
    buf = io.BytesIO()
    img.save(buf, format="PNG")
    buf.seek(0)
    path = tmp_path / "scan.pdf"
    c = canvas.Canvas(str(path), pagesize=A4)
    c.drawImage(ImageReader(buf), 50, 50, width=495, height=740)
    c.showPage()
    c.save()
    result, stderr = run([str(path), "-o", str(out)])
    assert_clean_failure(result, stderr, path, errors.EXIT_INPUT_INVALID, "no text layer")
    assert not out.exists()


def test_text_without_numbered_paragraphs_warns_and_keeps_blocks(tmp_path, out):
    path = make_pdf(tmp_path / "prose.pdf", ["This is a letter with no numbered paragraphs at all.",
                                             "It goes on for a second line of prose."])
    result, stderr = run([str(path), "-o", str(out)])
    assert result.exit_code == 0
    assert "no numbered paragraphs" in stderr and str(path) in stderr
    import json

    doc = json.loads(out.read_text())
    assert doc["paragraphs"] == []
    assert "no numbered paragraphs at all" in " ".join(b["text"] for b in doc["blocks"])
    assert any("no numbered paragraphs" in w for w in doc["warnings"])


def test_binary_text_file(tmp_path, out):
    path = tmp_path / "notes.txt"
    path.write_bytes(b"\x00\x01\x02binary\x00" * 100)
    result, stderr = run([str(path), "-o", str(out)])
    assert result.exit_code == errors.EXIT_INPUT_INVALID
    assert "Traceback" not in stderr and str(path) in stderr
    assert not out.exists()


def test_page_out_of_range(tmp_path, out):
    path = make_pdf(tmp_path / "two.pdf", NUMBERED, pages=2)
    result, stderr = run([str(path), "--pages", "5", "-o", str(out)])
    assert result.exit_code == errors.EXIT_INPUT_INVALID
    assert "2 pages" in stderr
    assert not out.exists()


def test_max_pages_limit(tmp_path, out):
    path = make_pdf(tmp_path / "three.pdf", NUMBERED, pages=3)
    result, stderr = run([str(path), "--max-pages", "2", "-o", str(out)])
    assert result.exit_code == errors.EXIT_LIMIT
    assert not out.exists()


def test_stdin_text(tmp_path):
    result = CliRunner().invoke(cli, ["extract", "-", "-f", "text"], input="1. INTRO\n\n1.1 Hello there.\n\n1.2 Goodbye.\n")
    assert result.exit_code == 0, result.stderr
    assert "1.1  Hello there." in result.stdout and "1.2  Goodbye." in result.stdout
