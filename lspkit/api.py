"""What a Python user calls: the same functions the CLI calls, nothing more."""
from __future__ import annotations

from typing import Optional, Sequence

from .model import Document


def extract(
    path: str,
    *,
    pages: Optional[Sequence[int]] = None,
    password: Optional[str] = None,
    max_pages: Optional[int] = None,
) -> Document:
    """Read a PDF or text file into a Document of numbered paragraphs."""
    from .read import read_lines
    from .segment import segment

    reading = read_lines(path, pages=pages, password=password, max_pages=max_pages)
    return segment(reading)


read_document = extract
