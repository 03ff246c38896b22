"""The decompression-bomb pre-pass (lspkit/pdfguard.py): catches inflating streams in any number of Flate
layers without holding their output, never fires on the real papers, and survives damaged dictionaries."""
from __future__ import annotations

import zlib
from pathlib import Path

import pytest

from lspkit.infra.errors import LimitError
from lspkit.infra.pdfguard import check_streams

ROOT = Path(__file__).resolve().parent.parent


def _pdf_with_stream(payload: bytes, filters: str, length: str | None = None) -> bytes:
    return (b"%PDF-1.4\n1 0 obj\n<< /Length " + (length or str(len(payload))).encode() + b" /Filter " + filters.encode()
            + b" >>\nstream\n" + payload + b"\nendstream\nendobj\n%%EOF\n")


def _deflate(data: bytes, times: int) -> bytes:
    for _ in range(times):
        data = zlib.compress(data, 9)
    return data


@pytest.mark.parametrize("layers", [1, 2, 3])
def test_inflating_stream_is_refused_in_any_number_of_layers(layers):
    payload = _deflate(b"\x00" * (3 << 20), layers)
    pdf = _pdf_with_stream(payload, "[" + " /FlateDecode" * layers + " ]")
    with pytest.raises(LimitError, match="decompression bomb"):
        check_streams(pdf, "x.pdf", max_stream=2 << 20)
    check_streams(pdf, "x.pdf", max_stream=4 << 20)  # under the limit: fine


def test_total_over_all_streams_is_bounded():
    one = _pdf_with_stream(zlib.compress(b" " * (1 << 20)), "/FlateDecode")
    with pytest.raises(LimitError, match="in all"):
        check_streams(one * 5, "x.pdf", max_stream=2 << 20, max_total=4 << 20)


@pytest.mark.parametrize("length", ["99999999999999999999", "-5", "0", "7 0 R"])
def test_damaged_length_is_not_a_crash(length):
    check_streams(_pdf_with_stream(zlib.compress(b"BT ET"), "/FlateDecode", length), "x.pdf")


def test_corrupt_or_encrypted_stream_is_left_to_pdfium():
    check_streams(_pdf_with_stream(b"\x8f\x00garbage" * 100, "/FlateDecode"), "x.pdf")


def test_no_false_alarm_on_the_fixtures_and_real_papers():
    paths = sorted(ROOT.glob("data/*.pdf")) + sorted(ROOT.glob("data/real/*.pdf"))
    assert paths
    for path in paths:
        check_streams(path.read_bytes(), str(path))


def test_image_streams_are_not_measured():
    """pdfium never decodes an image to read text, so a huge (or bomb) image must not refuse the paper."""
    payload = _deflate(b"\x00" * (3 << 20), 2)
    pdf = (b"%PDF-1.4\n6 0 obj\n<< /Type /XObject /Subtype /Image /Width 2048 /Height 512 /BitsPerComponent 8 "
           b"/ColorSpace /DeviceRGB /Length " + str(len(payload)).encode() + b" /Filter [/FlateDecode /FlateDecode] >>\n"
           b"stream\n" + payload + b"\nendstream\nendobj\n%%EOF\n")
    check_streams(pdf, "x.pdf", max_stream=1 << 20)
