"""What a Python user calls: the same functions the CLI calls, nothing more.

A thin facade: the work, and the cache, live in `lspkit.pipeline` (one file)
and `lspkit.batch` (many files).
"""
from __future__ import annotations

from typing import Any, Optional, Sequence

from . import pipeline
from .model import Document
from .pipeline import SummaryJob, diff_files, load_gold, tag_file

__all__ = [
    "extract", "read_document", "tag", "tag_file", "summarise", "SummaryJob", "diff", "diff_files", "tag_batch",
    "load_gold",
]


def extract(
    path: str,
    *,
    pages: Optional[Sequence[int]] = None,
    password: Optional[str] = None,
    max_pages: Optional[int] = None,
    **read_options: Any,
) -> Document:
    """Read a PDF or text file into a Document of numbered paragraphs."""
    return pipeline.extract(path, pages=pages, password=password, max_pages=max_pages, **read_options)


read_document = extract


def tag(document: Document, taxonomy=None, *, model: Optional[str] = None, min_score: Optional[float] = None):
    """Themes with scores and evidence for every paragraph (see lspkit.nlp.tagger)."""
    return pipeline.tag(document, taxonomy, model=model, min_score=min_score)


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
