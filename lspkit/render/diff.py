"""Render a DiffResult: terminal (rich), json, markdown, html, unified.

When the recommendations changed, every format opens with them (the change
that decides the meeting), item by item with their verbs and a redline; then
come the summary, warnings (a number printed twice), the cover fields, the
headings and tables, and the paragraph changes in the new version's order.  `--only` and `--context` decide which changes are shown
(JSON with no `--only` keeps every change, unchanged ones included, so the
counts add up); renderers never align or compare anything themselves.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Optional, Sequence

from ..analyse.diff import (
    Change,
    ChangeKind,
    DanglingReason,
    DiffResult,
    HeadingOp,
    section_label,
)
from ..analyse.diffparts import RecommendationChange, RecOp, TableChange
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
    if change.noise:
        bits.append("not a change of content: " + ", ".join(change.noise))
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
    line = ", ".join(parts) if parts else "no paragraphs"
    extra = []
    recs = [r for r in result.recommendations if r.op is not RecOp.UNCHANGED]
    if recs:
        extra.append(f"{len(recs)} recommendation{'s' if len(recs) != 1 else ''} changed")
    if result.metadata:
        extra.append(f"{len(result.metadata)} cover field{'s' if len(result.metadata) != 1 else ''} changed")
    tables = [t for t in result.tables if t.op != "unchanged"]
    if tables:
        extra.append(f"{len(tables)} table{'s' if len(tables) != 1 else ''} changed")
    if result.properties:
        extra.append(f"{len(result.properties)} document propert{'ies' if len(result.properties) != 1 else 'y'} changed (not printed)")
    reread = sum(1 for c in result.changes if "read otherwise" in c.noise)
    if reread:  # units the segmenter cut otherwise in one version, their words and numbers printed in both
        extra.append(f"{reread} unit{'s' if reread != 1 else ''} read otherwise (not counted)")
    if result.furniture:
        extra.append(f"{len(result.furniture)} running header{'s' if len(result.furniture) != 1 else ''}/footer"
                     f"{'s' if len(result.furniture) != 1 else ''} changed (not counted)")
    if result.contents:
        extra.append(f"{len(result.contents)} contents line{'s' if len(result.contents) != 1 else ''} changed (not counted)")
    return line + ("; " + "; ".join(extra) if extra else "")


def changed_recommendations(result: DiffResult) -> list[RecommendationChange]:
    return [r for r in result.recommendations if r.op is not RecOp.UNCHANGED]


def recommendation_title(r: RecommendationChange) -> str:
    """`(iii) ENDORSE → ADOPT modified`, `+ (iv) DELEGATE added`."""
    return f"{r.label} {r.op.value}"


def metadata_line(m) -> str:
    if m.op == "added":
        return f"{m.field}: + {m.new}"
    if m.op == "removed":
        return f"{m.field}: − {m.old}"
    return f"{m.field}: {m.old} → {m.new}"


def table_lines(t: TableChange) -> list[str]:
    out = []
    if t.columns_added:
        out.append("columns added: " + "; ".join(t.columns_added))
    if t.columns_deleted:
        out.append("columns deleted: " + "; ".join(t.columns_deleted))
    if t.rows_added:
        out.append("rows added: " + "; ".join(t.rows_added))
    if t.rows_deleted:
        out.append("rows deleted: " + "; ".join(t.rows_deleted))
    for c in t.cells:
        if c.old is None and c.column in t.columns_added:
            out.append(f"{c.row} | {c.column}: + {c.new}")
        else:
            out.append(f"{c.row} | {c.column}: {c.old or '(empty)'} → {c.new or '(empty)'}")
    return out


def _plain_runs(words) -> str:
    """wdiff-style markers for output without colour: [-deleted-]{+inserted+}."""
    out = []
    for w in words:
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

    from rich.table import Table
    from rich.text import Text

    from .console import buffer_console

    buffer = StringIO()
    console = buffer_console(buffer, color=color, width=width, emoji=False, markup=False)
    console.print(Text(f"{result.old_path} \u2192 {result.new_path}", style="bold"))
    if result.tracked:
        console.print(f"Tracked changes: {result.tracked}")
    recs = changed_recommendations(result)
    if recs:
        console.print(Text("Recommendations changed:", style="bold"))
        for r in recs:
            console.print(Text(f"  {recommendation_title(r)}", style="bold"))
            console.print(_terminal_runs(r.words, color, Text, indent="    "))
        console.print()
    console.print(f"Summary: {summary_line(result)}")
    for w in result.warnings:
        console.print(f"Warning: {w}")
    if result.metadata:
        console.print("Cover:")
        for m in result.metadata:
            console.print(f"  {metadata_line(m)}")
    if result.properties:
        console.print("Document properties (not printed; not counted as a change):")
        for m in result.properties:
            console.print(f"  {metadata_line(m)}")
    if result.furniture:
        console.print("Running headers and footers (on most pages; not counted as a change):")
        for m in result.furniture:
            console.print(f"  {metadata_line(m)}")
    if result.contents:
        console.print("Contents page (not counted as a change):")
        for m in result.contents:
            console.print(f"  {metadata_line(m)}")
    _terminal_summary(console, result, Table)
    tables = [t for t in result.tables if t.op != "unchanged"]
    if tables:
        console.print("Tables:")
        for t in tables:
            console.print(f"  {t.label}")
            for line in table_lines(t):
                console.print(f"    {line}")
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
            body = Text(_plain_runs(c.words))
        console.print(body)
        console.print()
    return buffer.getvalue()


def _terminal_runs(words, color: bool, Text, indent: str = ""):
    if not color:
        return Text(indent + _plain_runs(words))
    body = Text(indent)
    for w in words:
        style = {RunOp.EQUAL: "", RunOp.DELETE: "strike red", RunOp.INSERT: "underline green"}[w.op]
        body.append(w.text, style=style)
    return body


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
    if h.op is HeadingOp.PUNCTUATION:  # its words the same: said once, with both printings
        return f"punctuation {num(h.new_number)}: \u201c{h.old_heading}\u201d \u2192 \u201c{h.new_heading}\u201d"
    if h.old_number is None and h.new_number is None:
        return f"renamed \u201c{h.old_heading}\u201d \u2192 \u201c{h.new_heading}\u201d"
    return (
        f"renamed {num(h.old_number)} \u2192 {num(h.new_number)}: "
        f"\u201c{h.old_heading}\u201d \u2192 \u201c{h.new_heading}\u201d"
    )


def _dangling_line(d) -> str:
    if d.reason is DanglingReason.MISSING:
        return f"{d.in_new}: \u201c{d.text}\u201d names no paragraph of the new version"
    if d.reason is DanglingReason.DELETED:
        return f"{d.in_new}: \u201c{d.text}\u201d pointed at {', '.join(d.was)}, which was deleted"
    return f"{d.in_new}: \u201c{d.text}\u201d pointed at {', '.join(d.was)}, now numbered {', '.join(d.now_at)}"


# ---------------------------------------------------------------- markdown


def _md_escape(text: str) -> str:
    out = text
    for ch in "\\`*_[]<>~|":
        out = out.replace(ch, "\\" + ch)
    return out


def as_markdown(result: DiffResult, shown: Sequence[Shown]) -> str:
    out = [f"# {_md_escape(result.old_path)} \u2192 {_md_escape(result.new_path)}", ""]
    if result.tracked:
        out += [f"Tracked changes: {_md_escape(result.tracked)}", ""]
    recs = changed_recommendations(result)
    if recs:
        out += ["## Recommendations", ""]
        for r in recs:
            out += [f"### {_md_escape(recommendation_title(r))}", "", _md_runs(r.words), ""]
    out += ["## Summary", ""]
    out += [f"> Warning: {_md_escape(w)}" for w in result.warnings] + ([""] if result.warnings else [])
    out += ["| operation | paragraphs |", "|---|---:|"]
    out += [f"| {op} | {n} |" for op, n in result.summary["ops"].items()]
    out.append("")
    if result.summary["sections"]:
        out += ["| section | heading | changes |", "|---|---|---|"]
        for e in result.summary["sections"]:
            counts = ", ".join(f"{n} {op}" for op, n in e["counts"].items())
            out.append(f"| {_md_escape(e['section'] or '')} | {_md_escape(e['heading'] or '')} | {counts} |")
        out.append("")
    if result.metadata:
        out += ["### Cover", ""] + [f"- {_md_escape(metadata_line(m))}" for m in result.metadata] + [""]
    if result.properties:
        out += ["### Document properties (not printed; not counted as a change)", ""]
        out += [f"- {_md_escape(metadata_line(m))}" for m in result.properties] + [""]
    if result.furniture:
        out += ["### Running headers and footers (on most pages; not counted as a change)", ""]
        out += [f"- {_md_escape(metadata_line(m))}" for m in result.furniture] + [""]
    if result.contents:
        out += ["### Contents page (not counted as a change)", ""]
        out += [f"- {_md_escape(metadata_line(m))}" for m in result.contents] + [""]
    heads = [h for h in result.headings if h.op is not HeadingOp.UNCHANGED]
    if heads:
        out += ["### Headings", ""] + [f"- {_md_escape(_heading_line(h))}" for h in heads] + [""]
    tables = [t for t in result.tables if t.op != "unchanged"]
    if tables:
        out += ["### Tables", ""]
        for t in tables:
            out.append(f"- {_md_escape(t.label)}")
            out += [f"  - {_md_escape(line)}" for line in table_lines(t)]
        out.append("")
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
        out.append(_md_runs(c.words))
        out.append("")
    return "\n".join(out).rstrip() + "\n"


def _md_runs(words) -> str:
    body = []
    for w in words:
        text = _md_escape(w.text)
        if w.op is RunOp.EQUAL or not w.text.strip():
            body.append(text)
        elif w.op is RunOp.DELETE:
            body.append(f"~~{text}~~")
        else:
            body.append(f"<ins>{text}</ins>")
    return "".join(body).replace("\n", "  \n")


# ---------------------------------------------------------------- unified


def as_unified(result: DiffResult, shown: Sequence[Shown]) -> str:
    """Patch-like: `@@ 3.4 -> 3.5 modified @@` then `-` old and `+` new lines, one paragraph per line."""
    out = [f"--- {result.old_path}", f"+++ {result.new_path}"]
    for r in changed_recommendations(result):
        out.append(f"@@ recommendation {recommendation_title(r)} @@")
        if r.old is not None:
            out.append("-" + _one_line(f"{r.old.label} {r.old.text}"))
        if r.new is not None:
            out.append("+" + _one_line(f"{r.new.label} {r.new.text}"))
    for where, fields in (("cover", result.metadata), ("property", result.properties), ("furniture", result.furniture),
                          ("contents", result.contents)):
        for m in fields:
            out.append(f"@@ {where} {m.field} {m.op} @@")
            if m.old is not None:
                out.append("-" + _one_line(m.old))
            if m.new is not None:
                out.append("+" + _one_line(m.new))
    for t in result.tables:
        if t.op == "unchanged":
            continue
        out.append(f"@@ {t.label} @@")
        for c in t.cells:
            out.append(f"-{_one_line(c.row)} | {_one_line(c.column)}: {_one_line(c.old or '')}")
            out.append(f"+{_one_line(c.row)} | {_one_line(c.column)}: {_one_line(c.new or '')}")
        out += ["+" + _one_line(x) for x in t.rows_added + t.columns_added]
        out += ["-" + _one_line(x) for x in t.rows_deleted + t.columns_deleted]
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
        tracked=result.tracked,
        recommendations=[
            {"anchor": f"r{k + 1}", "op": r.op.value, "title": recommendation_title(r), "words": r.words}
            for k, r in enumerate(changed_recommendations(result))
        ],
        warnings=list(result.warnings),
        cover=[metadata_line(m) for m in result.metadata],
        properties=[metadata_line(m) for m in result.properties],
        furniture=[metadata_line(m) for m in result.furniture],
        contents=[metadata_line(m) for m in result.contents],
        tables=[{"label": t.label, "lines": table_lines(t)} for t in result.tables if t.op != "unchanged"],
        EQUAL=RunOp.EQUAL,
        INSERT=RunOp.INSERT,
        DELETE=RunOp.DELETE,
    )
