"""Stage 1, read: a PDF or a text file becomes a Reading (lines with layout facts).

`read_lines` decides what the input is and hands it to one reader: a PDF to
the PDF engine asked for (`READERS`: `pdfium`, pypdfium2's character stream,
the default; `pdfplumber`, pdfminer's characters with their exact font names
and sizes, slower), plain text and Markdown to `text`.  Every PDF engine gives
the same `Line`s; what they share is in `pdf` (checks, reading order, lines,
tables).  This package only reads; deciding what is a paragraph belongs to
`lspkit.segment`.
"""
from __future__ import annotations

import os
import sys
from typing import Optional, Sequence

from ..infra.errors import InputInvalidError, InputMissingError, LimitError
from ..model import Reading
from .text import read_text

__all__ = ["read_lines", "read_text", "Reading", "READERS", "DEFAULT_READER", "TEXT_SUFFIXES"]

TEXT_SUFFIXES = {".txt", ".text", ".md", ".markdown", ".rst"}

# PDF engines by name: the module whose read_pdf(path, data, sha, *, pages, password, max_pages) reads a PDF.
# Imported only when used, so naming them costs nothing.
READERS = {"pdfium": "lspkit.read.pdfium", "pdfplumber": "lspkit.read.plumber"}
DEFAULT_READER = "pdfium"


def pdf_reader(name: str):
    """The read_pdf function of the engine called `name`; ValueError naming the valid engines otherwise."""
    if name not in READERS:
        raise ValueError(f"unknown reader {name!r} (choose from {', '.join(READERS)})")
    import importlib

    return importlib.import_module(READERS[name]).read_pdf


def read_lines(
    path: str,
    *,
    pages: Optional[Sequence[int]] = None,
    password: Optional[str] = None,
    max_pages: Optional[int] = None,
    reader: str = DEFAULT_READER,
    sha256: Optional[str] = None,
    tracked: str = "final",
    ocr: str = "auto",
    stdin: Optional[bytes] = None,
) -> Reading:
    """Read `path` ("-" is standard input) into a Reading; raises LspkitError subclasses on bad input.

    `reader` names the PDF engine (a key of READERS); text files are read as text whatever it says.
    `sha256` is the file's digest when the caller (the pipeline) already has it, so the bytes are hashed once.
    `tracked` is how a PDF with tracked changes is read: "final" (deletions out, insertions in, the default)
    or "original" (the text before the changes); either way each line records its changes.
    `ocr` is whether a PDF's scanned pages are read by OCR (`lspkit.read.ocr`): "auto" (pages that are an image
    with no text layer, when Tesseract is installed), "force" (every page covered by an image, its text layer
    set aside) or "off".
    `stdin` is standard input's bytes when the caller has already read them (to see whether they list paths).
    """
    import functools

    from .ocr import MODES as OCR_MODES
    from .pdf import TRACKED_MODES

    if tracked not in TRACKED_MODES:
        raise ValueError(f"unknown tracked-changes mode {tracked!r} (choose from {', '.join(TRACKED_MODES)})")
    if ocr not in OCR_MODES:
        raise ValueError(f"unknown OCR mode {ocr!r} (choose from {', '.join(OCR_MODES)})")
    read_pdf = pdf_reader(reader)  # an unknown name fails before any file is touched
    if tracked != "final":
        read_pdf = functools.partial(read_pdf, tracked=tracked)
    if ocr != "auto":
        read_pdf = functools.partial(read_pdf, ocr=ocr)
    if path == "-":
        data = stdin if stdin is not None else sys.stdin.buffer.read()
        return _read_bytes("<stdin>", data, read_pdf, pages=pages, password=password, max_pages=max_pages)
    if not os.path.exists(path):
        raise InputMissingError("no such file", path)
    if os.path.isdir(path):
        raise InputMissingError("is a directory, not a file", path)
    if os.path.isfile(path):
        _check_size(os.path.getsize(path), path)  # before reading it all into memory
    try:
        if os.path.isfile(path):
            with open(path, "rb") as f:
                data = f.read()
        else:
            data = _read_special(path)
    except OSError as exc:
        raise InputMissingError(f"cannot read ({exc.strerror or exc})", path) from None
    return _read_bytes(path, data, read_pdf, pages=pages, password=password, max_pages=max_pages, sha256=sha256)


def _read_special(path: str) -> bytes:
    """A FIFO or process substitution: never block in open() when nobody writes (then it reads as empty)."""
    import stat

    if stat.S_ISCHR(os.stat(path).st_mode) or stat.S_ISBLK(os.stat(path).st_mode):
        raise InputInvalidError("a device, not a file", path)
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    try:
        if hasattr(os, "set_blocking"):
            os.set_blocking(fd, True)  # a writer that is there may take its time
        with os.fdopen(fd, "rb", closefd=False) as f:
            return f.read()
    finally:
        os.close(fd)


MAX_INPUT_BYTES = 2**31 - 1  # pdfium aborts the whole process (SIGABRT) on a file of 2 GiB or more


def _check_size(size: int, path: str) -> None:
    if size > MAX_INPUT_BYTES:
        raise LimitError(f"file is {size // (1024 * 1024)} MB; files of 2 GB or more cannot be read", path)


def _read_bytes(path: str, data: bytes, read_pdf, *, pages, password, max_pages, sha256: Optional[str] = None) -> Reading:
    import hashlib

    _check_size(len(data), path)
    sha = sha256 or hashlib.sha256(data).hexdigest()
    if not data.strip():
        raise InputInvalidError("empty file", path)
    if b"%PDF-" in data[:1024]:
        return read_pdf(path, data, sha, pages=pages, password=password, max_pages=max_pages)
    suffix = os.path.splitext(path)[1].lower()
    text = _decode_text(data)
    if text is None and suffix in TEXT_SUFFIXES:
        raise InputInvalidError("not a text file (binary data, or an encoding other than UTF-8/UTF-16/cp1252)", path)
    if suffix == ".pdf" or text is None:
        raise InputInvalidError(f"not a PDF ({_sniff(data)})", path)
    return read_text(path, text, sha=sha, pages=pages)


def _sniff(data: bytes) -> str:
    head = data[:16]
    known = [
        (b"\x89PNG", "it is a PNG image"),
        (b"\xff\xd8\xff", "it is a JPEG image"),
        (b"PK\x03\x04", "it is a ZIP archive, e.g. a Word .docx"),
        (b"\xd0\xcf\x11\xe0", "it is an old Office document"),
        (b"GIF8", "it is a GIF image"),
        (b"II*\x00", "it is a TIFF image"),
        (b"MM\x00*", "it is a TIFF image"),
    ]
    for magic, what in known:
        if head.startswith(magic):
            return what
    lowered = data[:512].lower()
    if b"<html" in lowered or b"<!doctype html" in lowered:
        return "it is an HTML page"
    if _decode_text(data[:4096]) is not None:
        return "it is plain text; give it a .txt extension to read it as text"
    return "no %PDF header"


def _decode_text(data: bytes) -> Optional[str]:
    if b"\x00" in data[:8192] and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return None
    for enc in ("utf-8-sig", "utf-16") if data.startswith((b"\xff\xfe", b"\xfe\xff")) else ("utf-8-sig",):
        try:
            return data.decode(enc)
        except UnicodeDecodeError:
            pass
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        return None
    controls = sum(1 for c in text[:8192] if ord(c) < 32 and c not in "\r\n\t\f")
    return None if controls > 8 else text
