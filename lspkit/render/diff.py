"""Render a DiffResult: terminal (rich), json, markdown, html, unified.

Every format starts with the summary and then lists the changes in the new
version's order.  `--only` and `--context` decide which changes are shown
(JSON with no `--only` keeps every change, unchanged ones included, so the
counts add up); renderers never align or compare anything themselves.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Optional, Sequence

from ..analyse.diff import Change, ChangeKind, DiffResult, HeadingOp, section_label
from ..analyse.redline import RunOp
from .common import to_json

FORMATS = ["terminal", "json", "markdown", "html", "unified"]


@dataclass(frozen=True)
class Shown:
    change: Change
    context: bool  # an unchanged paragraph shown only because --context asked for it
    anchor: str


def select(result: DiffResult, only: Optional[Sequence[str]] = None, context: int = 0) -> list[Shown]:
    """The changes to show: those of the kinds in `only` (default: all but unchanged) plus context."""
    kinds = {ChangeKind(k) for k in only} if only else {k for k in ChangeKind if k is not ChangeKind.UNCHANGED}
    changes = result.changes
    wanted = [c.kind in kinds for c in changes]
    keep = [False] * len(changes)
    for k, w in enumerate(wanted):
        if w:
            keep[k] = True
            for d in range(1, context + 1):
                for n in (k - d, k + d):
                    if 0 <= n < len(changes) and changes[n].kind is ChangeKind.UNCHANGED:
                        keep[n] = True
    return [Shown(c, not wanted[k], anchor(k)) for k, c in enumerate(changes) if keep[k]]


def anchor(k: int) -> str:
    return f"c{k + 1}"


def render(
    result: DiffResult,
    fmt: str,
    *,
    only: Optional[Sequence[str]] = None,
    context: int = 0,
    color: bool = False,
    width: Optional[int] = None,
    side_by_side: bool = False,
) -> str:
    if fmt == "json":
        return as_json(result, only=only)
    shown = select(result, only, context)
    if fmt == "terminal":
        return as_terminal(result, shown, color=color, width=width)
    if fmt == "markdown":
        return as_markdown(result, shown)
    if fmt == "html":
        return as_html(result, shown, side_by_side=side_by_side)
    if fmt == "unified":
        return as_unified(result, shown)
    raise ValueError(f"unknown format {fmt!r}")


def as_json(result: DiffResult, only: Optional[Sequence[str]] = None) -> str:
    data = result.to_dict()
    if only:
        data["changes"] = [c for c in data["changes"] if c["op"] in set(only)]
    return to_json(data)


# ---------------------------------------------------------------- shared wording


def title(change: Change) -> str:
    """`3.4 → 3.5 modified`, `→ 3.6 added`, `2.1 → deleted`."""
    return f"{change.label} {change.kind.value}"


def detail(change: Change) -> str:
    bits = []
    if change.kind not in (ChangeKind.ADDED, ChangeKind.DELETED):
        bits.append(f"similarity {change.similarity:.2f}")
    if change.kind is ChangeKind.MOVED:
        old = section_label(change.old_section, change.old_heading)
        new = section_label(change.new_section, change.heading)
        bits.append(f"section {old} \u2192 {new}")
    if change.themes_added:
        bits.append("themes +" + ", +".join(change.themes_added))
    if change.themes_removed:
        bits.append("themes \u2212" + ", \u2212".join(change.themes_removed))
    return "; ".join(bits)


def summary_line(result: DiffResult) -> str:
    ops = result.summary["ops"]
    parts = [f"{n} {op}" for op, n in ops.items() if n]
    return ", ".join(parts) if parts else "no paragraphs"


def _plain_redline(change: Change) -> str:
    """wdiff-style markers for output without colour: [-deleted-]{+inserted+}."""
    out = []
    for w in change.words:
        if w.op is RunOp.EQUAL:
            out.append(w.text)
        elif w.op is RunOp.DELETE:
            out.append(f"[-{w.text}-]")
        else:
            out.append(f"{{+{w.text}+}}")
    return "".join(out)


# ---------------------------------------------------------------- terminal


def as_terminal(result: DiffResult, shown: Sequence[Shown], *, color: bool, width: Optional[int] = None) -> str:
    from io import StringIO

    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    buffer = StringIO()
    console = Console(
        file=buffer,
        force_terminal=color,
        no_color=not color,
        color_system="standard" if color else None,
        width=width or 80,
        highlight=False,
        emoji=False,
        markup=False,
    )
    console.print(Text(f"{result.old_path} \u2192 {result.new_path}", style="bold"))
    console.print(f"Summary: {summary_line(result)}")
    _terminal_summary(console, result, Table)
    console.print()
    for s in shown:
        c = s.change
        head = Text(title(c), style="dim" if s.context else "bold")
        extra = detail(c)
        if extra and not s.context:
            head.append(f"  ({extra})", style="dim")
        console.print(head)
        if color:
            body = Text()
            for w in c.words:
                style = {RunOp.EQUAL: "", RunOp.DELETE: "strike red", RunOp.INSERT: "underline green"}[w.op]
                body.append(w.text, style=style)
            if s.context:
                body.stylize("dim")
        else:
            body = Text(_plain_redline(c))
        console.print(body)
        console.print()
    return buffer.getvalue()


def _terminal_summary(console, result: DiffResult, Table) -> None:
    summary = result.summary
    if summary["sections"]:
        table = Table(title="Per section", title_justify="left", show_edge=False, pad_edge=False)
        table.add_column("section")
        table.add_column("heading")
        table.add_column("changes")
        for entry in summary["sections"]:
            counts = ", ".join(f"{n} {op}" for op, n in entry["counts"].items())
            table.add_row(entry["section"] or "", entry["heading"] or "", counts)
        console.print(table)
    heads = [h for h in result.headings if h.op is not HeadingOp.UNCHANGED]
    if heads:
        console.print("Headings:")
        for h in heads:
            console.print(f"  {_heading_line(h)}")
    themes = summary.get("themes")
    if themes and (themes["gained"] or themes["lost"]):
        gained = ", ".join(f"{t} ({n})" for t, n in themes["gained"].items()) or "none"
        lost = ", ".join(f"{t} ({n})" for t, n in themes["lost"].items()) or "none"
        console.print(f"Themes gained: {gained}; lost: {lost}")
    if result.dangling:
        console.print("References left dangling:")
        for d in result.dangling:
            console.print(f"  {_dangling_line(d)}")


def _heading_line(h) -> str:
    def num(n):
        return "(unnumbered)" if n is None else n

    if h.op is HeadingOp.ADDED:
        return f"added {num(h.new_number)} {h.new_heading}"
    if h.op is HeadingOp.DELETED:
        return f"deleted {num(h.old_number)} {h.old_heading}"
    if h.op is HeadingOp.RENUMBERED:
        return f"renumbered {num(h.old_number)} \u2192 {num(h.new_number)} {h.new_heading}"
    if h.old_number is None and h.new_number is None:
        return f"renamed \u201c{h.old_heading}\u201d \u2192 \u201c{h.new_heading}\u201d"
    return (
        f"renamed {num(h.old_number)} \u2192 {num(h.new_number)}: "
        f"\u201c{h.old_heading}\u201d \u2192 \u201c{h.new_heading}\u201d"
    )


def _dangling_line(d) -> str:
    if d.reason == "missing":
        return f"{d.in_new}: \u201c{d.text}\u201d names no paragraph of the new version"
    if d.reason == "deleted":
        return f"{d.in_new}: \u201c{d.text}\u201d pointed at {', '.join(d.was)}, which was deleted"
    return f"{d.in_new}: \u201c{d.text}\u201d pointed at {', '.join(d.was)}, now numbered {', '.join(d.now_at)}"


# ---------------------------------------------------------------- markdown


def _md_escape(text: str) -> str:
    out = text
    for ch in "\\`*_[]<>~|":
        out = out.replace(ch, "\\" + ch)
    return out


def as_markdown(result: DiffResult, shown: Sequence[Shown]) -> str:
    out = [f"# {_md_escape(result.old_path)} \u2192 {_md_escape(result.new_path)}", "", "## Summary", ""]
    out += ["| operation | paragraphs |", "|---|---:|"]
    out += [f"| {op} | {n} |" for op, n in result.summary["ops"].items()]
    out.append("")
    if result.summary["sections"]:
        out += ["| section | heading | changes |", "|---|---|---|"]
        for e in result.summary["sections"]:
            counts = ", ".join(f"{n} {op}" for op, n in e["counts"].items())
            out.append(f"| {_md_escape(e['section'] or '')} | {_md_escape(e['heading'] or '')} | {counts} |")
        out.append("")
    heads = [h for h in result.headings if h.op is not HeadingOp.UNCHANGED]
    if heads:
        out += ["### Headings", ""] + [f"- {_md_escape(_heading_line(h))}" for h in heads] + [""]
    themes = result.summary.get("themes")
    if themes and (themes["gained"] or themes["lost"]):
        out += ["### Themes", ""]
        out += [f"- gained: {t} ({n})" for t, n in themes["gained"].items()]
        out += [f"- lost: {t} ({n})" for t, n in themes["lost"].items()]
        out.append("")
    if result.dangling:
        out += ["### References left dangling", ""] + [f"- {_md_escape(_dangling_line(d))}" for d in result.dangling] + [""]
    out += ["## Changes", ""]
    for s in shown:
        c = s.change
        extra = detail(c)
        out.append(f"### {_md_escape(title(c))}" + (f" ({extra})" if extra and not s.context else ""))
        out.append("")
        body = []
        for w in c.words:
            text = _md_escape(w.text)
            if w.op is RunOp.EQUAL or not w.text.strip():
                body.append(text)
            elif w.op is RunOp.DELETE:
                body.append(f"~~{text}~~")
            else:
                body.append(f"<ins>{text}</ins>")
        out.append("".join(body).replace("\n", "  \n"))
        out.append("")
    return "\n".join(out).rstrip() + "\n"


# ---------------------------------------------------------------- unified


def as_unified(result: DiffResult, shown: Sequence[Shown]) -> str:
    """Patch-like: `@@ 3.4 -> 3.5 modified @@` then `-` old and `+` new lines, one paragraph per line."""
    out = [f"--- {result.old_path}", f"+++ {result.new_path}"]
    for s in shown:
        c = s.change
        old = ", ".join(c.old) or "(none)"
        new = ", ".join(c.new) or "(none)"
        extra = f" {c.similarity:.2f}" if c.kind not in (ChangeKind.ADDED, ChangeKind.DELETED, ChangeKind.UNCHANGED) else ""
        out.append(f"@@ {old} -> {new} {c.kind.value}{extra} @@")
        if not c.text_changed and c.kind not in (ChangeKind.ADDED, ChangeKind.DELETED, ChangeKind.SPLIT, ChangeKind.MERGED):
            out += [" " + _one_line(t) for t in c.new_texts]
            continue
        out += ["-" + _one_line(t) for t in c.old_texts]
        out += ["+" + _one_line(t) for t in c.new_texts]
    return "\n".join(out) + "\n"


def _one_line(text: str) -> str:
    return " ".join(text.split())


# ---------------------------------------------------------------- html


def as_html(result: DiffResult, shown: Sequence[Shown], *, side_by_side: bool = False) -> str:
    """One self-contained page (templates/diff.html): inline CSS, no script, no network; every change is an anchor.

    Inline redline by default; a CSS-only toggle (a checkbox, so no script)
    switches to old and new side by side, and `side_by_side` starts there.
    """
    from .html import render_template

    by_new_number: dict[str, str] = {}
    for s in shown:
        for number in s.change.new:
            by_new_number.setdefault(number, s.anchor)
    themes = result.summary.get("themes") or {}
    return render_template(
        "diff.html",
        old_path=result.old_path,
        new_path=result.new_path,
        summary_line=summary_line(result),
        side_by_side=side_by_side,
        ops=result.summary["ops"],
        sections=[
            {"section": e["section"], "heading": e["heading"],
             "counts": ", ".join(f"{n} {op}" for op, n in e["counts"].items())}
            for e in result.summary["sections"]
        ],
        headings=[_heading_line(h) for h in result.headings if h.op is not HeadingOp.UNCHANGED],
        themes_gained=list((themes.get("gained") or {}).items()),
        themes_lost=list((themes.get("lost") or {}).items()),
        dangling=[{"label": _dangling_line(d), "target": by_new_number.get(d.in_new)} for d in result.dangling],
        shown=[
            {"anchor": s.anchor, "context": s.context, "kind": s.change.kind.value, "label": s.change.label,
             "title": title(s.change), "detail": detail(s.change), "words": s.change.words}
            for s in shown
        ],
        EQUAL=RunOp.EQUAL,
        INSERT=RunOp.INSERT,
        DELETE=RunOp.DELETE,
    )
