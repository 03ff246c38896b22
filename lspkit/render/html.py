"""The shared shell of lspkit's HTML reports: one self-contained file, printable on A4.

No scripts, fonts, images or stylesheets are fetched: CSS is inline and charts
are inline SVG, so a report can be mailed, archived and opened offline.
The markup lives in Jinja2 templates (lspkit/render/templates/) with autoescape
on, so no field reaches the page unescaped and a missing one (None) renders as
nothing.  Anchor ids are built by `Anchors` so they are unique, valid and safe
in both `id="..."` and `href="#..."` whatever a paragraph number contains.
"""
from __future__ import annotations

import html
import re
from functools import lru_cache
from typing import Any, Iterable, Optional


def _finalize(value: Any) -> Any:
    """Every `{{ }}`: None is empty; text escaped as `html.escape` does (`&quot;`, `&#x27;`), markup kept.

    Escaping here rather than with markupsafe's entities keeps the reports
    byte-identical to the ones lspkit wrote before it used templates.
    """
    from markupsafe import Markup

    if value is None:
        return ""
    if hasattr(value, "__html__"):
        return value
    return Markup(html.escape(str(value), quote=True))


@lru_cache(maxsize=None)
def environment():
    """The template environment, built once (Jinja2 is imported only when HTML is asked for)."""
    from jinja2 import Environment, PackageLoader, StrictUndefined

    return Environment(
        loader=PackageLoader("lspkit", "render/templates"),
        autoescape=True,
        finalize=_finalize,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )


def render_template(name: str, **context: Any) -> str:
    return environment().get_template(name).render(**context)


class Anchors:
    """Unique, URL-safe ids: ("p", "4.3") -> "p-4.3"; a repeated number gets "-2", "-3"."""

    def __init__(self) -> None:
        self._ids: dict[tuple[str, str], str] = {}
        self._used: set[str] = set()

    def id(self, prefix: str, name: str) -> str:
        key = (prefix, name)
        if key not in self._ids:
            slug = re.sub(r"[^A-Za-z0-9._-]+", "_", name.strip()).strip("_") or "x"
            base = f"{prefix}-{slug}"
            candidate, n = base, 1
            while candidate in self._used:
                n += 1
                candidate = f"{base}-{n}"
            self._used.add(candidate)
            self._ids[key] = candidate
        return self._ids[key]

    def has(self, prefix: str, name: Optional[str]) -> bool:
        return (prefix, name) in self._ids


def bar_chart(rows: Iterable[tuple[str, int, Optional[str]]], *, width: int = 640, title: str = "") -> dict[str, Any]:
    """The geometry of a horizontal bar chart, one (label, value, href) per row, for templates/bars.html."""
    rows = list(rows)
    label_w, row_h, pad = 210, 26, 6
    top = max((v for _, v, _ in rows), default=0) or 1
    bar_w = width - label_w - 60
    return {
        "title": title,
        "width": width,
        "height": row_h * len(rows) + pad * 2,
        "label_w": label_w,
        "row_h": row_h,
        "bar_w": bar_w,
        "rows": [
            {
                "label": label,
                "value": value,
                "href": href,
                "y": pad + i * row_h,
                "w": 0 if value <= 0 else max(2, round(bar_w * value / top)),
            }
            for i, (label, value, href) in enumerate(rows)
        ],
    }
