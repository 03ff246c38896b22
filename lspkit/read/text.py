"""Plain text and Markdown: indentation is x, form feeds are page breaks, **bold** is bold."""
from __future__ import annotations

import re
import unicodedata
from typing import Optional, Sequence

from ..model import Line
from ..model import Reading, TableRegion


_LIGATURES = {chr(c) for c in range(0xFB00, 0xFB07)}
_LIGATURE_RE = re.compile("[\ufb00-\ufb06]")
_SPACES = re.compile(r"[\u00a0\u2000-\u200a\u202f\u205f\u3000\t]+")
_ZERO_WIDTH = re.compile(r"[\u00ad\u200b-\u200d\u2060\ufeff]")


def clean_text(text: str) -> str:
    """Ligatures to letters, odd spaces to spaces, soft hyphens and zero-width characters out."""
    if text.isascii():  # (most lines) of all that, only a tab can be there
        return _SPACES.sub(" ", text) if "\t" in text else text
    if _LIGATURE_RE.search(text):
        text = _LIGATURE_RE.sub(lambda m: unicodedata.normalize("NFKC", m.group(0)), text)
    text = _ZERO_WIDTH.sub("", text)
    text = text.replace("\u2010", "-").replace("\u2011", "-")
    return _SPACES.sub(" ", text)


# ---------------------------------------------------------------- plain text

_MD_HEADING = re.compile(r"^\s{0,3}#{1,6}\s+")
_MD_NUMBER_MARKER = re.compile(r"^(\s*)[-*+]\s+(?=(?:\d+(?:\.\d+)*\.?|\([a-z]{1,4}\)|[a-z]\)|Q\d+|Question\s+\d+)\s)")
_MD_STRONG = re.compile(r"\*\*|__")
_MD_EM = re.compile(r"(?<![\w*])\*(?=\S)([^*\n]+?)(?<=\S)\*(?![\w*])")
_MD_AUTOLINK = re.compile(r"<((?:https?://|mailto:|www\.)[^<>\s]+)>")  # no '<' inside: linear on '<http://' * n
_MD_LINK = re.compile(r"\[([^\[\]]+)\]\((?:https?://|mailto:)[^()\s]+\)")  # no '[' inside: 100,000 '[' took minutes


def read_text(path: str, text: str, *, sha: str = "", pages: Optional[Sequence[int]] = None) -> Reading:
    """Plain text or Markdown: indentation is x, form feeds are page breaks, `**bold**` is bold."""
    if not sha:
        import hashlib

        sha = hashlib.sha256(text.encode("utf-8")).hexdigest()
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    page_texts = text.split("\f")
    wanted = set(pages) if pages else None
    lines: list[Line] = []
    in_strong = False
    y = 0.0
    for page_no, page_text in enumerate(page_texts, start=1):
        if wanted is not None and page_no not in wanted:
            continue
        y = 0.0
        for raw in page_text.split("\n"):
            y += 12.0
            expanded = raw.expandtabs(4).rstrip()
            if not expanded.strip():
                lines.append(Line(text="", page=page_no, top=y, bottom=y + 10))
                continue
            bold = in_strong
            heading = bool(_MD_HEADING.match(expanded))
            if heading:
                expanded = _MD_HEADING.sub("", expanded)
            expanded = _MD_NUMBER_MARKER.sub(r"\1", expanded)
            indent = len(expanded) - len(expanded.lstrip(" "))
            body = expanded.strip()
            # bold: the line starts bold (inside or opening a ** span) and most of it is bold
            marks = [m.start() for m in _MD_STRONG.finditer(body)]
            if marks:
                if not in_strong and marks[0] == 0:
                    bold = len(marks) == 1 or marks[1] >= len(body) * 0.6 or marks[1] == len(body) - 2
                if len(marks) % 2 == 1:
                    in_strong = not in_strong
            body = _MD_STRONG.sub("", body)
            body = _MD_EM.sub(r"\1", body)
            body = _MD_LINK.sub(r"\1", body)
            body = _MD_AUTOLINK.sub(r"\1", body)
            body = clean_text(body).strip()
            if not body:
                lines.append(Line(text="", page=page_no, top=y, bottom=y + 10))
                continue
            lines.append(
                Line(text=body, page=page_no, x0=float(indent), x1=float(indent + len(body)), top=y, bottom=y + 10,
                     size=0.0, bold=bold or heading)
            )
    return Reading(
        path=path,
        sha256=sha,
        page_count=len(page_texts),
        lines=lines,
        kind="text",
        tables=_pipe_tables(lines),
        pages=tuple(sorted(wanted)) if wanted else tuple(range(1, len(page_texts) + 1)),
    )


_PIPE_RULE = re.compile(r"^\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?$")


def _pipe_tables(lines: list[Line]) -> list[TableRegion]:
    """Markdown pipe tables (`| a | b |` lines) as tables, so their cells stay out of paragraphs."""
    out: list[TableRegion] = []
    i = 0
    while i < len(lines):
        j = i
        while j < len(lines) and lines[j].text.startswith("|") and lines[j].text.endswith("|") \
                and lines[j].page == lines[i].page:
            j += 1
        if j - i >= 2:
            rows = [tuple(c.strip() for c in ln.text.strip("|").split("|"))
                    for ln in lines[i:j] if not _PIPE_RULE.match(ln.text)]
            if len(rows) >= 2 and max(len(r) for r in rows) >= 2:
                out.append(TableRegion(page=lines[i].page, bbox=(-1.0, lines[i].top - 1, 1e9, lines[j - 1].bottom + 1),
                                       rows=tuple(rows)))
            i = j
        else:
            i += 1
    return out


# ---------------------------------------------------------------- PDF


