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
    reader: str = "pdfium",
) -> Document:
    """Read a PDF or text file into a Document of numbered paragraphs; `reader` names the PDF engine
    (lspkit.read.READERS: "pdfium", the default, or "pdfplumber")."""
    from .read import read_lines
    from .segment import segment

    reading = read_lines(path, pages=pages, password=password, max_pages=max_pages, reader=reader)
    return segment(reading)


read_document = extract


def tag(document: Document, taxonomy=None, *, model: Optional[str] = None, min_score: Optional[float] = None):
    """Themes with scores and evidence for every paragraph (see lspkit.nlp.tagger)."""
    from .nlp.tagger import tag_document

    return tag_document(document, taxonomy, model=model, min_score=min_score)


def summarise(document: Document, *, taxonomy=None, against: Optional[Document] = None):
    """The officer's cross-referenced summary (see lspkit.analyse.summary)."""
    from .analyse.summary import summarise as build

    return build(document, taxonomy=taxonomy, against=against)


def diff(old: Document, new: Document, **options):
    """Paragraph-aligned differences between two versions (see lspkit.analyse.diff)."""
    from .analyse.diff import diff_documents

    return diff_documents(old, new, **options)


def tag_batch(*args, **kwargs):
    """Tag many files on every core (see lspkit.batch.runner.tag_batch)."""
    from .batch.runner import tag_batch as run

    return run(*args, **kwargs)
