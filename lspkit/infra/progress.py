"""Progress of long work: reported where it happens, drawn (or not) by whoever asked.

The library never draws.  A reader calls `document(path, pages)` when it opens
a file and `page_done()` after each page; those go to the reporter the caller
installed with `reporting(reporter)` for the current context, and nowhere
when none is installed (the default, so library use and batch workers pay
nothing).  The CLI installs a terminal bar (`lspkit.render.progress.PagesBar`).
"""
from __future__ import annotations

from contextlib import contextmanager
from contextvars import ContextVar
from typing import Iterator, Optional, Protocol


class PageReporter(Protocol):
    def document(self, path: str, pages: int) -> None:
        """A document of `pages` pages is about to be read."""

    def page_done(self) -> None:
        """One more page of it has been read."""

    def close(self) -> None:
        """The work is over (finished or not)."""


_reporter: ContextVar[Optional[PageReporter]] = ContextVar("lspkit_page_reporter", default=None)


@contextmanager
def reporting(reporter: Optional[PageReporter]) -> Iterator[None]:
    """Send page progress in this context to `reporter` (None: nowhere); closed at the end."""
    token = _reporter.set(reporter)
    try:
        yield
    finally:
        _reporter.reset(token)
        if reporter is not None:
            reporter.close()


def document(path: str, pages: int) -> None:
    reporter = _reporter.get()
    if reporter is not None:
        reporter.document(path, pages)


def page_done() -> None:
    reporter = _reporter.get()
    if reporter is not None:
        reporter.page_done()
