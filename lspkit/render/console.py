"""One way to make the rich Console every renderer draws into, so colour means the same everywhere.

The CLI decides whether there is colour (--color, NO_COLOR, FORCE_COLOR, the terminal);
a renderer must not second-guess it.  rich's own detection turns colour off under
TERM=dumb even when it is forced, so a forced colour on such a terminal uses the 16
standard colours instead.
"""
from __future__ import annotations

import os
from typing import IO, Any, Optional


def color_system(color: bool) -> Optional[str]:
    """None without colour; "standard" where rich would find no colour system; else rich's detection."""
    if not color:
        return None
    if os.environ.get("TERM", "").lower() in ("dumb", "unknown"):
        return "standard"
    return "auto"


def buffer_console(file: IO[str], *, color: bool, width: Optional[int] = None, **options: Any):
    """A Console writing to `file` at `width` (80 by default), coloured exactly when `color` says so."""
    from rich.console import Console

    settings: dict[str, Any] = dict(highlight=False)
    settings.update(options)
    return Console(
        file=file, force_terminal=color, no_color=not color, color_system=color_system(color),
        width=width or 80, **settings,
    )
