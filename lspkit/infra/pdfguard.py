"""Refuse decompression bombs before pdfium inflates them.

pdfium decodes a FlateDecode stream into memory in one go, so a 7 KB file
whose content stream inflates to 4 GB takes 5 GB of RAM and half a minute.
A cheap pre-pass inflates every Flate stream of the raw file in 1 MB steps,
keeping nothing, and stops as soon as one stream would exceed a size no real
council paper needs.  Image streams are skipped: text extraction never decodes
them, so a large scan is not refused and an image bomb is harmless.  Encrypted streams fail to inflate at once and are left
to pdfium (an encrypted bomb is then bounded only by --max-memory in batch).
"""
from __future__ import annotations

import re
import zlib

from .errors import LimitError

MAX_STREAM_BYTES = 128 * 1024 * 1024  # content, font and object streams; pdfium holds ~2x while parsing
MAX_TOTAL_BYTES = 2 * 1024 * 1024 * 1024  # all streams together
_STEP = 1 << 20

_STREAM = re.compile(rb"stream\r?\n")
_LENGTH = re.compile(rb"/Length\s+(\d+)(?!\s+\d+\s+R)")
_IMAGE = re.compile(rb"/Subtype\s*/Image\b")


class _TooBig(Exception):
    pass


def check_streams(data: bytes, path: str, *, max_stream: int = MAX_STREAM_BYTES, max_total: int = MAX_TOTAL_BYTES) -> None:
    """Raise LimitError if any Flate stream in `data` inflates beyond `max_stream` bytes."""
    total = 0
    pos = 0
    while True:
        m = _STREAM.search(data, pos)
        if m is None:
            return
        start = m.end()
        pos = start
        if data[m.start() - 3 : m.start()] == b"end":
            continue  # "endstream\n"
        head = data[max(0, m.start() - 2048) : m.start()]
        dict_start = head.rfind(b" obj")
        head = head[dict_start:] if dict_start >= 0 else head
        layers = head.count(b"/FlateDecode") + len(re.findall(rb"/Fl\b", head))
        if not layers or _IMAGE.search(head):
            continue  # images are never decoded for text (a 4 GB image bomb costs pdfium nothing)
        length = _LENGTH.search(head)
        end = start + int(length.group(1)) if length else data.find(b"endstream", start)
        if end < start or end > len(data):  # a damaged or absurd /Length: scan to the end of the file
            end = len(data)
        try:
            size = _inflated_size(data, start, min(end, len(data)), layers, max_stream)
        except _TooBig:
            raise LimitError(
                f"decompression bomb: a stream inflates to more than {max_stream // (1024 * 1024)} MB; refused",
                path,
            ) from None
        total += size
        if total > max_total:
            raise LimitError(
                f"decompression bomb: streams inflate to more than {max_total // (1024 * 1024)} MB in all; refused",
                path,
            )
        pos = max(pos, end)


def _inflated_size(data: bytes, start: int, end: int, layers: int, cap: int) -> int:
    """Bytes the stream gives after `layers` rounds of inflate, counted in 1 MB steps (nothing kept)."""
    stages = [zlib.decompressobj() for _ in range(min(layers, 4))]
    out = 0

    def push(i: int, chunk: bytes) -> None:
        nonlocal out
        if i == len(stages):
            out += len(chunk)
            if out > cap:
                raise _TooBig
            return
        d = stages[i]
        while chunk and not d.eof:
            produced = d.decompress(chunk, _STEP)
            if produced:
                push(i + 1, produced)
            chunk = d.unconsumed_tail

    try:
        view = memoryview(data)
        for k in range(start, end, _STEP):
            push(0, bytes(view[k : min(k + _STEP, end)]))
            if stages[0].eof:
                break
    except zlib.error:
        pass  # corrupt or encrypted: pdfium decides what to do with it
    return out
