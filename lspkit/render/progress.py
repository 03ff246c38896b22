"""A bar of pages read, on stderr, for one long document (`extract`, `summarise` on a terminal).

Drawn only for a document of at least LONG pages, so a short paper never
flashes a bar; transient, so it leaves nothing behind on the terminal.
"""
from __future__ import annotations

import os
from typing import Optional

LONG = 20  # pages: a document this long gets a bar


class PagesBar:
    """`lspkit.infra.progress.PageReporter` drawing a rich progress bar on stderr."""

    def __init__(self, color: bool = True, long: int = LONG):
        self.color = color
        self.long = long
        self._progress = None
        self._task = None

    def document(self, path: str, pages: int) -> None:
        self._stop()
        if pages < self.long:
            return
        from rich.console import Console
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn, TimeRemainingColumn

        console = Console(stderr=True, no_color=not self.color, highlight=False)
        self._progress = Progress(
            TextColumn("reading"),
            TextColumn("{task.description}"),
            BarColumn(),
            MofNCompleteColumn(),
            TextColumn("pages"),
            TimeElapsedColumn(),
            TextColumn("ETA"),
            TimeRemainingColumn(),
            console=console,
            transient=True,
        )
        self._progress.start()
        self._task = self._progress.add_task(_short(path), total=pages)

    def page_done(self) -> None:
        if self._progress is not None:
            self._progress.advance(self._task)

    def close(self) -> None:
        self._stop()

    def _stop(self) -> None:
        if self._progress is not None:
            self._progress.stop()
            self._progress = self._task = None


def _short(path: Optional[str], limit: int = 40) -> str:
    name = os.path.basename(path or "") or "-"
    return name if len(name) <= limit else name[: limit - 1] + "…"
