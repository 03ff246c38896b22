"""Render a TaggedDocument: table (rich), json, jsonl, csv.

The records are `TaggedDocument.record`'s, the one shape for JSON, JSONL and
CSV, shared with batch tagging so single-file and batch output have the same
field names.
"""
from __future__ import annotations

import csv
import io
from typing import Any, Optional

from .common import to_json, to_jsonl

FORMATS = ["table", "json", "jsonl", "csv"]


def render(tagged, fmt: str, *, explain: bool = False, color: bool = False, width: Optional[int] = None, colours=None) -> str:
    if fmt == "json":
        return as_json(tagged, explain=explain)
    if fmt == "jsonl":
        return to_jsonl(tagged.records(explain=explain))
    if fmt == "csv":
        return as_csv(tagged, explain=explain)
    if fmt == "table":
        return as_table(tagged, explain=explain, color=color, width=width, colours=colours)
    raise ValueError(f"unknown format {fmt!r}")


def as_json(tagged, *, explain: bool = False) -> str:
    return to_json(tagged.to_dict(explain=explain))


def csv_fields(theme_names, *, explain: bool = False) -> list[str]:
    fields = ["file", "sha256", "number", "kind", "page", "section", "themes"]
    fields += [f"score_{n}" for n in theme_names]
    fields.append("text")
    if explain:
        fields.append("evidence")
    return fields


def csv_row(rec: dict[str, Any], theme_names, *, explain: bool = False) -> dict[str, Any]:
    row = {k: rec[k] for k in ("file", "sha256", "number", "kind", "page", "section", "text")}
    row["themes"] = ";".join(rec["themes"])
    for n in theme_names:
        row[f"score_{n}"] = rec["scores"].get(n, 0.0)
    if explain:
        row["evidence"] = "; ".join(
            f"{theme}:{e['term']}@{e['start']}-{e['end']}" + (f"({e['via']})" if e.get("via") else "")
            for theme, evs in rec.get("evidence", {}).items()
            for e in evs
        )
        if rec.get("held_back"):
            row["evidence"] = (row["evidence"] + "; " if row["evidence"] else "") + f"held back: meeting procedure ({rec['held_back']['kind']})"
    return row


def as_csv(tagged, *, explain: bool = False) -> str:
    names = list(tagged.paragraphs[0].scores) if tagged.paragraphs else []
    out = io.StringIO()
    w = csv.DictWriter(out, fieldnames=csv_fields(names, explain=explain), lineterminator="\n")
    w.writeheader()
    for rec in tagged.records(explain=explain):
        w.writerow(csv_row(rec, names, explain=explain))
    return out.getvalue()


def _short(text: str, n: int = 90) -> str:
    text = " ".join(text.split())
    return text if len(text) <= n else text[: n - 1].rstrip() + "…"


def as_table(tagged, *, explain: bool = False, color: bool = False, width: Optional[int] = None, colours=None) -> str:
    from rich.table import Table
    from rich.text import Text

    from .console import buffer_console

    colours = colours or _colours(tagged)
    buf = io.StringIO()
    console = buffer_console(buf, color=color, width=width)
    title = f"{tagged.document.source.path}: themes ({tagged.taxonomy_name}, min score {tagged.min_score:g})"
    table = Table(title=title, show_lines=explain, expand=False)
    table.add_column("No.", no_wrap=True, style="bold")
    table.add_column("Page", justify="right")
    table.add_column("Text", overflow="fold", ratio=3)
    table.add_column("Themes", ratio=2)
    for p, t in zip(tagged.document.paragraphs, tagged.paragraphs):
        themes = Text()
        for h in t.themes:
            if themes:
                themes.append(" ")
            themes.append(f" {h.theme} {h.score:.2f} ", style=f"reverse {colours.get(h.theme, 'cyan')}")
            if explain:
                terms = ", ".join(dict.fromkeys(e.term + (f" ({e.via})" if e.via and e.via != "negative" else "") for e in h.evidence if e.weight > 0))
                themes.append(f"\n  {terms}" + (f"\n  + heading prior {h.prior:g}" if h.prior else ""), style="dim")
        if not t.themes:
            themes.append("—", style="dim")
            if explain and t.held is not None:
                would = ", ".join(f"{h.theme} {h.score:.2f}" for h in t.held_themes)
                themes.append(f"\n  held back: meeting procedure ({t.held.kind}: \"{t.held.text}\"); would have been {would}", style="dim")
        table.add_row(p.number, str(p.page), _short(p.text), themes)
    if not tagged.paragraphs:
        table.caption = "no numbered paragraphs found"
    console.print(table)
    if tagged.glossary.entries:
        console.print("Acronyms: " + "; ".join(f"{a.short} = {a.long}" for a in tagged.glossary.entries), style="dim")
    return buf.getvalue()


def _colours(tagged) -> dict[str, str]:
    palette = ["cyan", "magenta", "green", "yellow", "blue", "red"]
    names = list(tagged.paragraphs[0].scores) if tagged.paragraphs else []
    return {n: palette[i % len(palette)] for i, n in enumerate(names)}


def render_taxonomy(taxonomy, fmt: str, *, color: bool = False, width: Optional[int] = None) -> str:
    if fmt == "json":
        return to_json(taxonomy.to_dict())
    if fmt == "yaml":
        import yaml

        # loadable as it stands: `lspkit themes -f yaml > mine.yaml` is a starting point for your own
        head = f"# {taxonomy.label}\n# from {taxonomy.source}; fingerprint {taxonomy.fingerprint}\n"
        return head + yaml.safe_dump(taxonomy.canonical(), sort_keys=False, allow_unicode=True, width=100)
    from rich.table import Table

    from .console import buffer_console

    buf = io.StringIO()
    console = buffer_console(buf, color=color, width=width)
    console.print(f"[bold]{taxonomy.label}[/bold] ({taxonomy.name}, {taxonomy.source}, fingerprint {taxonomy.fingerprint[:12]})")
    if taxonomy.description:
        console.print(taxonomy.description)
    table = Table(show_lines=True)
    table.add_column("Theme", no_wrap=True)
    table.add_column("Description", ratio=3)
    table.add_column("Terms (weight)", ratio=2)
    for t in taxonomy.themes:
        terms = ", ".join(f"{x.text} ({x.weight:g})" for x in sorted(t.terms, key=lambda x: -x.weight)[:12])
        more = len(t.terms) - 12
        if more > 0:
            terms += f", … {more} more"
        if t.negative:
            terms += "\nnot: " + ", ".join(x.text for x in t.negative)
        table.add_row(f"[{t.colour}]{t.name}[/]\n{t.label}", t.description, terms)
    console.print(table)
    s = taxonomy.scoring
    console.print(f"min score {s.min_score:g}, scale {s.scale:g}, heading prior {s.heading_prior:g}, dominance {s.dominance:g}", style="dim")
    return buf.getvalue()


def render_eval(reports, fmt: str, *, color: bool = False, width: Optional[int] = None) -> str:
    if fmt == "json":
        return to_json([r.to_dict() for r in reports] if len(reports) > 1 else reports[0].to_dict())
    from rich.table import Table

    from .console import buffer_console

    buf = io.StringIO()
    console = buffer_console(buf, color=color, width=width)
    for r in reports:
        table = Table(title=f"{r.name}: {r.paragraphs} paragraphs, exact match {r.exact / max(1, r.paragraphs):.0%}")
        for col in ("Theme", "Precision", "Recall", "F1", "Support"):
            table.add_column(col, justify="left" if col == "Theme" else "right")
        for t in r.themes:
            table.add_row(t.theme, f"{t.precision:.3f}", f"{t.recall:.3f}", f"{t.f1:.3f}", str(t.support))
        m = r.micro
        table.add_row("micro", f"{m.precision:.3f}", f"{m.recall:.3f}", f"{m.f1:.3f}", str(m.support), style="bold")
        table.add_row("macro", f"{r.macro_precision:.3f}", f"{r.macro_recall:.3f}", f"{r.macro_f1:.3f}", "", style="bold")
        console.print(table)
        if r.confusions:
            console.print("Confusions (gold → predicted instead): " + "; ".join(f"{g} → {p} ×{n}" for g, p, n in r.confusions[:10]))
        console.print()
    return buf.getvalue()
