"""Render an extracted Document: json, jsonl, markdown, text."""
from __future__ import annotations

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
        if key != "title" and value:
            out.append(f"- **{key.replace('_', ' ').capitalize()}**: {value}")
    if len(out) > 1:
        out.append("")
    current = object()
    for p in document.paragraphs:
        if p.section != current:
            current = p.section
            if p.heading or p.section:
                label = " ".join(x for x in (p.section, p.heading) if x)
                out.append(f"## {label}\n")
        out.append(f"**{p.number}** {p.text}  \n*page {p.page}*\n")
    for w in document.warnings:
        out.append(f"> warning: {w}")
    return "\n".join(out).rstrip() + "\n"


def as_text(document: Document) -> str:
    out: list[str] = []
    current = object()
    for p in document.paragraphs:
        if p.section != current:
            current = p.section
            if p.heading or p.section:
                out.append(" ".join(x for x in (p.section, p.heading) if x).upper())
                out.append("")
        out.append(f"{p.number}  {p.text}")
        out.append("")
    return "\n".join(out).rstrip() + "\n"
