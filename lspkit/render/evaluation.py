"""Render a cross-validation by document (lspkit.nlp.crossval.CrossValidation): tables or JSON."""
from __future__ import annotations

import io
from typing import Optional

from .common import to_json


def _ci(iv) -> str:
    return f"{iv.low:.2f}-{iv.high:.2f}"


def render_cross_validation(cv, fmt: str, *, color: bool = False, width: Optional[int] = None) -> str:
    if fmt == "json":
        return to_json(cv.to_dict())
    from rich.table import Table

    from .console import buffer_console

    buf = io.StringIO()
    console = buffer_console(buf, color=color, width=width)
    console.print(
        f"{cv.paragraphs} paragraphs, {cv.documents} documents, {cv.publishers} publishers; "
        f"{cv.k}-fold cross-validation by document (seed {cv.seed}); 95% intervals: bootstrap over documents"
    )
    for s in cv.systems:
        r = s.report
        table = Table(title=f"{s.name}: {s.description}", title_justify="left")
        for col in ("Theme", "P", "P 95%", "R", "R 95%", "F1", "F1 95%", "Gold"):
            table.add_column(col, justify="left" if col == "Theme" else "right")
        for t in r.themes:
            iv = s.intervals[t.theme]
            table.add_row(
                t.theme, f"{t.precision:.2f}", _ci(iv["precision"]), f"{t.recall:.2f}", _ci(iv["recall"]), f"{t.f1:.2f}", _ci(iv["f1"]), str(t.support)
            )
        m = s.intervals["macro"]
        table.add_row(
            "macro", f"{r.macro_precision:.2f}", _ci(m["precision"]), f"{r.macro_recall:.2f}", _ci(m["recall"]),
            f"{r.macro_f1:.2f}", _ci(m["f1"]), "", style="bold",
        )
        console.print(table)
    if cv.agreement is not None:
        a = cv.agreement
        table = Table(title="annotators: B against A (F1 is symmetric), Cohen's kappa", title_justify="left")
        for col in ("Theme", "F1", "F1 95%", "kappa", "A", "B"):
            table.add_column(col, justify="left" if col == "Theme" else "right")
        for t in a.report.themes:
            table.add_row(t.theme, f"{t.f1:.2f}", _ci(a.intervals[t.theme]["f1"]), f"{a.kappa[t.theme]:.2f}", str(t.tp + t.fn), str(t.tp + t.fp))
        table.add_row("macro", f"{a.report.macro_f1:.2f}", _ci(a.intervals["macro"]["f1"]), "", "", "", style="bold")
        console.print(table)
    summary = Table(title="macro-F1 side by side", title_justify="left")
    summary.add_column("System")
    for name in cv.themes:
        summary.add_column(name[:14], justify="right")
    summary.add_column("macro", justify="right")
    for s in cv.systems:
        summary.add_row(s.name, *(f"{t.f1:.2f}" for t in s.report.themes), f"{s.report.macro_f1:.2f}")
    if cv.agreement is not None:
        summary.add_row("annotators", *(f"{t.f1:.2f}" for t in cv.agreement.report.themes), f"{cv.agreement.report.macro_f1:.2f}", style="italic")
    console.print(summary)
    if cv.by_publisher:
        table = Table(title="by publisher: micro-F1 over all themes", title_justify="left")
        table.add_column("Publisher", overflow="fold")
        for col in ("Docs", "Paras", "Tags"):
            table.add_column(col, justify="right")
        names = [s.name for s in cv.systems]
        for n in names:
            table.add_column(n[:8], justify="right")
        for row in cv.by_publisher:
            table.add_row(row.publisher, str(row.documents), str(row.paragraphs), str(row.tags), *(f"{row.micro_f1[n]:.2f}" for n in names))
        console.print(table)
    return buf.getvalue()
