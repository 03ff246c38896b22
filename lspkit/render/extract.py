"""Render an extracted Document: json, jsonl, markdown, text."""
from __future__ import annotations

from collections.abc import Mapping

from ..model import Document
from .common import to_json, to_jsonl


def render(document: Document, fmt: str) -> str:
    return {"json": as_json, "jsonl": as_jsonl, "markdown": as_markdown, "text": as_text}[fmt](document)


def as_json(document: Document) -> str:
    return to_json(document.to_dict())


def as_jsonl(document: Document) -> str:
    """One paragraph per line, each carrying its file so lines from many files can be mixed."""
    src = document.source
    return to_jsonl({"file": src.path, "sha256": src.sha256, **p.to_dict()} for p in document.paragraphs)


def as_markdown(document: Document) -> str:
    out: list[str] = []
    title = document.metadata.get("title") or document.source.title
    if title:
        out.append(f"# {title}\n")
    for key, value in document.metadata.items():
        # scalars only; lists (appendices, annex questions) get their own block below, PDF facts stay in JSON
        if key == "title" or key.startswith("pdf_") or not value or isinstance(value, (tuple, Mapping)):
            continue
        out.append(f"- **{key.replace('_', ' ').capitalize()}**: {value}")
    if len(out) > 1:
        out.append("")
    current = object()
    for p in document.paragraphs:
        if (p.section, p.heading) != current:
            current = (p.section, p.heading)
            if p.heading or p.section:
                label = " ".join(x for x in (p.section, p.heading) if x)
                out.append(f"## {label}\n")
        marks = "".join(f"[^{n.label}]" for n in p.notes)
        out.append(f"**{p.number}** {_md(p.text)}{marks}  \n*page {p.page}*\n")
        for table in p.tables:
            out.extend(_md_table(table.rows))
    questions = document.metadata.get("annex_questions") or []
    if questions:
        out.append("## Annex: questions\n")
        out.extend(f"- **{q['number']}** {_md(q['text'])}" for q in questions)
        out.append("")
    appendices = document.metadata.get("appendices") or []
    if appendices:
        out.append("## Appendices\n")
        out.extend(f"- {_md(a)}" for a in appendices)
        out.append("")
    for n in document.notes:
        out.append(f"[^{n.label}]: {_md(n.text)}")
    # warnings: once, on stderr (the CLI); JSON keeps them
    return "\n".join(out).rstrip() + "\n"


def _md(text: str) -> str:
    """Text that Markdown would otherwise read as markup (a leading "1." or "-", stray * and _)."""
    text = text.replace("\\", "\\\\").replace("*", "\\*").replace("_", "\\_")
    return text


def _md_table(rows) -> list[str]:
    if not rows:
        return []
    width = max(len(r) for r in rows)
    cells = [[(c or "").replace("|", "\\|") for c in r] + [""] * (width - len(r)) for r in rows]
    out = ["| " + " | ".join(cells[0]) + " |", "|" + "---|" * width]
    out.extend("| " + " | ".join(r) + " |" for r in cells[1:])
    out.append("")
    return out


def as_text(document: Document) -> str:
    out: list[str] = []
    current = object()
    for p in document.paragraphs:
        if p.section != current:
            current = p.section
            if p.heading or p.section:
                out.append(" ".join(x for x in (p.section, p.heading) if x))
                out.append("")
        out.append(f"{p.number}  {p.text}")
        out.append("")
    return "\n".join(out).rstrip() + "\n"
