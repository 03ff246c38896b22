"""The shared shell of lspkit's HTML reports: one self-contained file, printable on A4.

No scripts, fonts, images or stylesheets are fetched: CSS is inline and charts
are inline SVG, so a report can be mailed, archived and opened offline.
Anchor ids are built by `Anchors` so they are unique, valid and safe in both
`id="..."` and `href="#..."` whatever a paragraph number contains.
"""
from __future__ import annotations

import html
import re
from typing import Iterable, Optional

BASE_CSS = """
:root { --ink: #1d2329; --muted: #5b6670; --rule: #d5dbe0; --accent: #1f5f99; --warn: #a33b20; --bg-soft: #f4f6f8; }
* { box-sizing: border-box; }
html { font-family: "DejaVu Sans", "Helvetica Neue", Arial, sans-serif; font-size: 15px; color: var(--ink); }
body { max-width: 52rem; margin: 0 auto; padding: 1.5rem 1.25rem 3rem; line-height: 1.45; }
h1 { font-size: 1.6rem; margin: 0 0 .4rem; line-height: 1.2; }
h2 { font-size: 1.25rem; margin: 2rem 0 .6rem; padding-bottom: .2rem; border-bottom: 2px solid var(--rule); }
h3 { font-size: 1.05rem; margin: 1.4rem 0 .4rem; }
a { color: var(--accent); text-decoration: none; }
a:hover { text-decoration: underline; }
table { border-collapse: collapse; width: 100%; margin: .4rem 0 1rem; font-size: .93rem; }
th, td { text-align: left; vertical-align: top; padding: .3rem .5rem; border-bottom: 1px solid var(--rule); }
th { font-weight: 600; background: var(--bg-soft); }
.muted { color: var(--muted); }
.num { font-variant-numeric: tabular-nums; white-space: nowrap; }
.meta { display: grid; grid-template-columns: max-content 1fr; gap: .15rem 1rem; margin: .6rem 0; }
.meta dt { font-weight: 600; color: var(--muted); }
.meta dd { margin: 0; }
nav.toc { background: var(--bg-soft); padding: .5rem .8rem; border-radius: 4px; font-size: .9rem; }
nav.toc a { margin-right: .9rem; display: inline-block; }
.chip { display: inline-block; font-size: .75rem; padding: 0 .4rem; border-radius: 8px; background: var(--bg-soft);
        border: 1px solid var(--rule); margin-left: .25rem; color: var(--muted); }
.unresolved { color: var(--warn); border-bottom: 1px dotted var(--warn); }
.flag { color: var(--warn); font-weight: 600; }
@page { size: A4; margin: 18mm 16mm; }
@media print {
  html { font-size: 10.5pt; }
  body { max-width: none; padding: 0; }
  nav.toc { display: none; }
  a { color: inherit; }
  h2, h3 { break-after: avoid; page-break-after: avoid; }
  tr, li, .para, figure { break-inside: avoid; page-break-inside: avoid; }
}
"""


def esc(text: object) -> str:
    return html.escape("" if text is None else str(text), quote=True)


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

    def has(self, prefix: str, name: str) -> bool:
        return (prefix, name) in self._ids


def bar_chart_svg(rows: Iterable[tuple[str, int, Optional[str]]], *, width: int = 640, title: str = "") -> str:
    """Horizontal bars: (label, value, href) per row, drawn as inline SVG with a text fallback."""
    rows = list(rows)
    label_w, row_h, pad = 210, 26, 6
    top = max((v for _, v, _ in rows), default=0) or 1
    bar_w = width - label_w - 60
    height = row_h * len(rows) + pad * 2
    parts = [
        f'<svg class="bars" role="img" aria-label="{esc(title)}" xmlns="http://www.w3.org/2000/svg" '
        f'width="{width}" height="{height}" viewBox="0 0 {width} {height}">',
        f"<title>{esc(title)}</title>",
    ]
    for i, (label, value, href) in enumerate(rows):
        y = pad + i * row_h
        w = 0 if value <= 0 else max(2, round(bar_w * value / top))
        text = f'<text x="{label_w - 8}" y="{y + 17}" text-anchor="end" font-size="13" fill="#1d2329">{esc(label)}</text>'
        if href:
            text = f'<a href="{esc(href)}">{text}</a>'
        parts.append(text)
        parts.append(f'<rect x="{label_w}" y="{y + 4}" width="{bar_w}" height="{row_h - 8}" fill="#eef1f4"/>')
        parts.append(f'<rect x="{label_w}" y="{y + 4}" width="{w}" height="{row_h - 8}" fill="#1f5f99"/>')
        parts.append(f'<text x="{label_w + w + 6}" y="{y + 17}" font-size="13" fill="#1d2329">{value}</text>')
    parts.append("</svg>")
    return "".join(parts)


def page(title: str, body: str, *, css: str = "", lang: str = "en") -> str:
    return (
        "<!DOCTYPE html>\n"
        f'<html lang="{esc(lang)}">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        '<meta name="generator" content="lspkit">\n'
        f"<title>{esc(title)}</title>\n<style>{BASE_CSS}{css}</style>\n</head>\n<body>\n{body}\n</body>\n</html>\n"
    )
