"""Render a Summary: terminal (rich), markdown, json, html.

Renderers never compute: everything shown is in the Summary, so a cached
Summary renders exactly as a fresh one.  `theme` limits the output to one
theme; `full` shows whole paragraphs instead of gists.
"""
from __future__ import annotations

import re
from typing import Any, Optional

from ..analyse.summary import Gist, Summary, SummaryParagraph
from ..analyse.xrefs import Xref, XrefKind
from .common import decision_text, recommendations_heading, to_json

FORMATS = ("terminal", "markdown", "json", "html")
METADATA_ORDER = ("author", "to", "date", "agenda_item", "contact", "closing_date", "background_papers")


def render(summary: Summary, fmt: str, *, theme: Optional[str] = None, full: bool = False, **options: Any) -> str:
    if fmt == "json":
        return as_json(summary, theme=theme)
    if fmt == "markdown":
        return as_markdown(summary, theme=theme, full=full)
    if fmt == "html":
        return as_html(summary, theme=theme, full=full)
    if fmt == "terminal":
        return as_terminal(summary, theme=theme, full=full, **options)
    raise ValueError(f"unknown format {fmt!r}")


# ---------------------------------------------------------------- shared helpers


def display_gist(gist: Optional[Gist], text: str) -> str:
    """The gist with an ellipsis where it was cut out of a longer sentence (the words themselves unchanged)."""
    if gist is None or not gist.text:
        return ""
    before = text[: gist.start].rstrip()
    lead = "… " if before and before[-1] not in ".!?" else ""
    tail = "" if gist.text[-1] in ".!?" or gist.end >= len(text.rstrip()) else " …"
    return f"{lead}{gist.text}{tail}"


def _selected_themes(summary: Summary, theme: Optional[str]):
    if theme is None:
        return list(summary.themes)
    t = summary.theme(theme)
    return [t] if t is not None else []


def _meta_items(summary: Summary) -> list[tuple[str, str]]:
    meta = summary.metadata
    # the PDF's own producer/creator/dates describe the file, not the paper: JSON keeps them, the title block does not
    # lists and tables (e.g. an annex's questions) are data, not a title-block line: JSON has them
    keys = [k for k in METADATA_ORDER if meta.get(k)] + sorted(
        k for k in meta if k not in METADATA_ORDER and k != "title" and not k.startswith("pdf_") and meta.get(k)
    )
    keys = [k for k in keys if isinstance(meta[k], (str, int, float))]
    # a subtitle the title already carries ("main: subtitle") is said once
    keys = [k for k in keys if not (k == "subtitle" and isinstance(meta[k], str)
                                    and " ".join(meta[k].split()).lower() in " ".join((summary.title or "").split()).lower())]
    return [(k.replace("_", " ").capitalize(), str(meta[k])) for k in keys]


def _short_title(title: str, room: int) -> str:
    """A title cut at a word to fit `room` characters, with an ellipsis ("...: Response to the…"), never mid-word."""
    if len(title) <= room:
        return title
    cut = title[: max(room - 1, 1)]
    cut = cut[: cut.rfind(" ")] if " " in cut else cut
    return cut.rstrip(" :,;–-") + "…"


def _counts_line(summary: Summary) -> str:
    c = summary.counts
    bits = [
        f"{c.get('paragraphs', 0)} paragraphs",
        f"{c.get('sections', 0)} sections",
        f"{c.get('pages', 0)} pages",
    ]
    if c.get("questions"):
        bits.append(f"{c['questions']} questions")
    bits.append(f"{c.get('xrefs', 0)} cross-references ({c.get('unresolved_xrefs', 0)} unresolved)")
    bits.append(f"{c.get('acronyms', 0)} acronyms")
    return " · ".join(bits)


def _section_label(summary: Summary, number: str) -> str:
    """ "annex D Housing Calculations and Supply"; an unnumbered section is named by its heading (`Xref.to`)."""
    for s in summary.sections:
        if s.number == number or (s.number is None and s.heading == number):
            word = {"chapter": "chapter", "annex": "annex"}.get(s.kind.value, "section")
            heading = _title_case(s.heading, {a.short for a in summary.acronyms})
            if s.number is None:
                return f"“{heading}”"
            return f"{word} {s.number} {heading}".strip()
    if not re.search(r"\d", number) and len(number) > 2:
        return f"“{number}”"  # a cover box's heading, not a section ("Recommendations")
    return f"section {number}"


_SMALL_WORDS = {"a", "an", "and", "as", "at", "by", "for", "in", "of", "on", "or", "the", "to", "with"}


def _title_case(heading: Optional[str], acronyms: set[str] = frozenset()) -> str:
    """ "IMPLICATIONS AND CONCLUSIONS" -> "Implications and Conclusions"; acronyms ("LSPs", "SCS") kept."""
    if not heading:
        return ""
    letters = [c for c in heading if c.isalpha()]
    if not letters or sum(c.isupper() for c in letters) < 0.8 * len(letters):
        return heading  # already in mixed case: as printed
    words = []
    for i, w in enumerate(heading.split()):
        core = w.strip("()[],.:;")
        if core.rstrip("s") in acronyms or (core and not core.isupper()):
            words.append(w)  # "LSPs", "SCS"
        elif i and w.lower() in _SMALL_WORDS:
            words.append(w.lower())
        else:
            words.append(w.capitalize())
    return " ".join(words)


GLOSSARY_SOURCES = {
    "table": "the paper's list",
    "text": "defined in text",
    "initials": "spelt out elsewhere",
    "known": "not defined in the paper",
}


def glossary_source(entry) -> str:
    """Where an expansion comes from, in words: the paper's own list, its text, or outside it."""
    return GLOSSARY_SOURCES.get(getattr(entry, "source", None) or "", "")


def xref_target_label(summary: Summary, x: Xref) -> str:
    if not x.resolved:
        return "external" if x.external else "not in this document"
    absent = f" ({', '.join(x.missing)} not in this document)" if getattr(x, "missing", ()) else ""
    if x.kind in (XrefKind.SECTION, XrefKind.ANNEX):
        return ", ".join(_section_label(summary, n) for n in x.to) + absent
    if len(x.to) > 3:
        return f"paragraphs {x.to[0]}–{x.to[-1]} ({len(x.to)}){absent}"
    word = "question" if x.kind is XrefKind.QUESTION else "paragraph"
    return f"{word}{'s' if len(x.to) > 1 else ''} {', '.join(x.to)}{absent}"


def _bar(value: int, top: int, width: int = 24) -> str:
    if top <= 0 or value <= 0:
        return ""
    cells = value * width / top
    full = int(cells)
    part = "▏▎▍▌▋▊▉"[int((cells - full) * 7) - 1] if cells - full >= 1 / 7 else ""
    return "█" * full + part


# ---------------------------------------------------------------- json


def as_json(summary: Summary, *, theme: Optional[str] = None) -> str:
    data = summary.to_dict()
    if theme is not None:
        chosen = _selected_themes(summary, theme)
        names = {t.name for t in chosen}
        data["themes"] = [t.to_dict() for t in chosen]
        data["paragraphs"] = [p for p in data["paragraphs"] if names & set(p["themes"])]
    return to_json(data)


# ---------------------------------------------------------------- markdown


def _md(text: str) -> str:
    return re.sub(r"([\\`*_\[\]<>|])", r"\\\1", text)


def as_markdown(summary: Summary, *, theme: Optional[str] = None, full: bool = False) -> str:
    out: list[str] = [f"# {_md(summary.title)}", ""]
    for key, value in _meta_items(summary):
        out.append(f"- **{key}**: {_md(value)}")
    out += ["", f"*{_counts_line(summary)}*", ""]
    themes = _selected_themes(summary, theme)

    if summary.recommendations and theme is None:
        out += [f"## {recommendations_heading(summary.recommendations)}", ""]
        for r in summary.recommendations:
            label = " ".join(x for x in (r.number, r.verb) if x) or "Recommendation"
            where = f"paragraph {r.paragraph}, " if r.paragraph else "cover, " if r.source == "cover" else ""
            to = f"*to {_md(r.to)}:* " if getattr(r, "to", None) else ""  # a recommendation made to another body
            said = decision_text(r)
            out.append(f"- **{_md(label)}** ({where}p. {r.page})" + (f": {to}{_md(said)}" if said or to else ""))
        out.append("")
    elif summary.conclusion is not None and theme is None:
        c = summary.conclusion
        where = f"paragraph{'s' if len(c.paragraphs) > 1 else ''} {', '.join(c.paragraphs)}, " if c.paragraphs else ""
        out += ["## Conclusion", "", f"*No decision is asked; the paper concludes ({_md(c.heading)}, {where}p. {c.page}):*",
                "", _md(c.text), ""]

    out += ["## Themes", "", "| theme | paragraphs | |", "|---|---:|---|"]
    top = max((t.count for t in summary.themes), default=0)
    for t in themes:
        out.append(f"| {_md(t.label)} | {t.count} | {_bar(t.count, top, 20)} |")
    out.append("")
    for t in themes:
        out += [f"### {_md(t.label)} ({t.count})", ""]
        if not t.paragraphs:
            out += ["*No paragraph has this theme.*", ""]
            continue
        for e in t.paragraphs:
            p = summary.paragraph(e.number)
            body = p.text if (full and p) else display_gist(e.gist, p.text if p else e.gist.text)
            out.append(f"- **{e.number}** (p. {e.page}): {_md(body)}")
        out.append("")

    if theme is None:
        out += _markdown_tail(summary)
    return "\n".join(out).rstrip() + "\n"


def _markdown_tail(summary: Summary) -> list[str]:
    out: list[str] = []
    if summary.xrefs:
        out += ["## Cross-references", "", "| from | text | to |", "|---|---|---|"]
        for x in summary.xrefs:
            out.append(f"| {x.from_} | {_md(x.text)} | {_md(xref_target_label(summary, x))} |")
        out.append("")
    if summary.acronyms:
        out += ["## Glossary", "", "| acronym | expansion | from | first used |", "|---|---|---|---|"]
        for a in summary.acronyms:
            out.append(f"| {_md(a.short)} | {_md(a.long) if a.long else '*never expanded*'} | {glossary_source(a)} "
                       f"| {a.first or ''} |")
        out.append("")
    if summary.questions:
        out += ["## Consultation questions", ""]
        for q in summary.questions:
            discussed = ", ".join(n for n, _, _ in q.discussed_by) or "no paragraph"
            out.append(f"- **{q.number}** (p. {q.page}): {_md(q.text)}  \n  discussed in: {discussed}")
        out.append("")
    a = summary.against
    if a is not None:
        out += [f"## Against {_md(a.title or a.source.path)}", "", "| report | source paragraphs (score) |", "|---|---|"]
        for link in a.links:
            srcs = ", ".join(f"{s.number} ({s.score:.2f})" for s in link.sources)
            out.append(f"| {link.paragraph} | {srcs} |")
        out += ["", "### Not covered by the report", ""]
        out.append(f"- **Paragraphs**: {', '.join(a.uncovered_paragraphs) or 'none'}")
        out.append(f"- **Questions**: {', '.join(a.uncovered_questions) or 'none'}")
        out.append("")
    return out  # warnings: once, on stderr (the CLI); JSON keeps them


# ---------------------------------------------------------------- terminal


def as_terminal(
    summary: Summary,
    *,
    theme: Optional[str] = None,
    full: bool = False,
    width: Optional[int] = None,
    color: bool = False,
) -> str:
    """Rich panels and tables; `color=False` (a pipe, NO_COLOR) gives the same characters without colour.

    Warnings are not drawn: the CLI gives them once, on stderr.
    """
    from io import StringIO

    from rich import box
    from rich.console import Group
    from rich.panel import Panel
    from rich.table import Table
    from rich.text import Text
    from rich.tree import Tree

    from .console import buffer_console

    buf = StringIO()
    console = buffer_console(buf, color=color, width=width, emoji=False, legacy_windows=False, soft_wrap=False)
    panel_box = box.ROUNDED  # the same characters in a pipe as on a terminal, as tag and diff draw
    table_box = box.SIMPLE_HEAD
    themes = _selected_themes(summary, theme)

    # title block
    meta = Table.grid(padding=(0, 1))
    meta.add_column(style="bold", no_wrap=True)
    meta.add_column()
    for key, value in _meta_items(summary):
        meta.add_row(key, value)
    room = console.width - 6  # the panel's corners, borders and the spaces round its title
    shown = _short_title(summary.title, room)
    parts = [meta, Text(""), Text(_counts_line(summary), style="dim")]
    if shown != summary.title:  # the whole title inside the panel, wrapped, when the border cannot hold it
        parts = [Text(summary.title, style="bold"), Text("")] + parts
    head = Group(*parts)
    console.print(Panel(head, title=Text(shown, style="bold"), box=panel_box, expand=True))

    if summary.recommendations and theme is None:
        rec = Table(box=None, show_header=False, padding=(0, 1), expand=True)
        rec.add_column(no_wrap=True, style="bold")
        rec.add_column(ratio=1)
        for r in summary.recommendations:
            label = " ".join(x for x in (r.number, r.verb) if x) or r.paragraph or "-"
            where = f" (para {r.paragraph}, p. {r.page})" if r.paragraph else f" (cover, p. {r.page})" \
                if r.source == "cover" else f" (p. {r.page})"
            to = Text(f"to {r.to}: ", style="italic") if getattr(r, "to", None) else Text("")
            said = decision_text(r)
            rec.add_row(label, to + Text(said) + Text(where if said or r.to else where.lstrip(), style="dim"))
        console.print(Panel(rec, title=recommendations_heading(summary.recommendations), box=panel_box, expand=True,
                            border_style="yellow"))
    elif summary.conclusion is not None and theme is None:
        c = summary.conclusion
        where = f" ({c.heading}, para {', '.join(c.paragraphs)}, p. {c.page})" if c.paragraphs else f" (p. {c.page})"
        console.print(Panel(Text(c.text) + Text(where, style="dim"), title="Conclusion (no decision asked)",
                            box=panel_box, expand=True, border_style="yellow"))

    overview = Table(title="Themes", box=table_box, expand=True, title_justify="left")
    overview.add_column("theme", no_wrap=True)
    overview.add_column("paras", justify="right", no_wrap=True)
    overview.add_column("", ratio=1, no_wrap=True, overflow="crop")
    top = max((t.count for t in summary.themes), default=0)
    for t in themes:
        overview.add_row(t.label, str(t.count), Text(_bar(t.count, top, 30), style=t.colour if color else ""))
    console.print(overview)

    for t in themes:
        table = Table(
            title=f"{t.label}: {t.count} paragraph{'s' if t.count != 1 else ''}",
            title_justify="left",
            title_style="bold",
            box=table_box,
            expand=True,
            show_header=bool(t.paragraphs),
        )
        table.add_column("para", no_wrap=True, style="bold")
        table.add_column("p.", justify="right", no_wrap=True, style="dim")
        table.add_column("text" if full else "gist", ratio=1)
        for e in t.paragraphs:
            p = summary.paragraph(e.number)
            body = p.text if (full and p) else display_gist(e.gist, p.text if p else e.gist.text)
            table.add_row(e.number, str(e.page), body)
        if not t.paragraphs:
            table.add_row("", "", Text("no paragraph has this theme", style="dim"))
        console.print(table)

    if theme is None:
        if summary.xrefs:
            xt = Table(title="Cross-references", title_justify="left", title_style="bold", box=table_box, expand=True)
            xt.add_column("from", no_wrap=True, style="bold")
            xt.add_column("says", ratio=3)
            xt.add_column("points to", ratio=2)
            for x in summary.xrefs:
                label = xref_target_label(summary, x)
                xt.add_row(x.from_, x.text, Text(label, style="" if x.resolved else "red"))
            console.print(xt)
        if summary.acronyms:
            gt = Table(title="Glossary", title_justify="left", title_style="bold", box=table_box, expand=True)
            gt.add_column("acronym", no_wrap=True, style="bold")
            gt.add_column("expansion", ratio=1)
            gt.add_column("from", no_wrap=True, style="dim")
            gt.add_column("first", no_wrap=True, justify="right")
            for a in summary.acronyms:
                gt.add_row(a.short, a.long or Text("never expanded", style="red"), glossary_source(a), a.first or "")
            console.print(gt)
        if summary.questions:
            tree = Tree(Text("Consultation questions", style="bold"), guide_style="dim")
            for q in summary.questions:
                node = tree.add(Text(f"{q.number} ", style="bold") + Text(q.text))
                discussed = ", ".join(n for n, _, _ in q.discussed_by)
                node.add(Text(f"discussed in {discussed}" if discussed else "no paragraph discusses it", style="dim"))
            console.print(tree)
        a = summary.against
        if a is not None:
            lt = Table(
                title=f"Against {a.title or a.source.path}",
                title_justify="left",
                title_style="bold",
                box=table_box,
                expand=True,
            )
            lt.add_column("report", no_wrap=True, style="bold")
            lt.add_column("summarises source paragraphs (score)", ratio=1)
            for link in a.links:
                lt.add_row(link.paragraph, ", ".join(f"{s.number} ({s.score:.2f})" for s in link.sources))
            console.print(lt)
            body = Group(
                Text("Paragraphs: ", style="bold") + Text(", ".join(a.uncovered_paragraphs) or "none"),
                Text("Questions:  ", style="bold") + Text(", ".join(a.uncovered_questions) or "none"),
            )
            console.print(Panel(body, title="Not covered by the report", box=panel_box, expand=True))
    return buf.getvalue()


# ---------------------------------------------------------------- html


def as_html(summary: Summary, *, theme: Optional[str] = None, full: bool = False) -> str:
    """The report as one HTML page (templates/summary.html); this only decides what is shown and where links go."""
    from .html import Anchors, bar_chart, render_template

    anchors = Anchors()
    # ids first, so every link below can be checked against them; an unnumbered heading is no link target
    for s in summary.sections:
        if s.number is not None:
            anchors.id("s", s.number)
    for p in summary.paragraphs:
        anchors.id("p", p.number)
    for t in summary.themes:
        anchors.id("theme", t.name)
    whole = theme is None
    against = summary.against if whole else None  # one theme: the source paper is not shown
    if against is not None:
        for sp in against.paragraphs:
            anchors.id("src", sp.number)
    themes = _selected_themes(summary, theme)

    def xref_href(x: Xref) -> Optional[str]:
        if not x.resolved or not x.to:
            return None
        if x.kind in (XrefKind.SECTION, XrefKind.ANNEX):
            return f"#{anchors.id('s', x.to[0])}" if anchors.has("s", x.to[0]) else None
        return f"#{anchors.id('p', x.to[0])}" if anchors.has("p", x.to[0]) else None

    def plain(text: str) -> dict[str, Any]:
        return {"text": text, "href": None, "title": None, "why": None}

    def segments(p: SummaryParagraph) -> list[dict[str, Any]]:
        """Paragraph text cut at each cross-reference: a link, or marked unresolved."""
        out, at = [], 0
        for x in summary.xrefs_from(p.number):
            if x.start < at or p.text[x.start : x.end] != x.text:
                continue
            out.append(plain(p.text[at : x.start]))
            href = xref_href(x)
            if href:
                out.append({"text": x.text, "href": href, "title": xref_target_label(summary, x), "why": None})
            else:
                why = "external reference" if x.external else "not in this document"
                out.append({"text": x.text, "href": None, "title": None, "why": why})
            at = x.end
        out.append(plain(p.text[at:]))
        return out

    links_by_para = {link.paragraph: link for link in against.links} if against is not None else {}
    cited_by: dict[str, list[str]] = {}
    if against is not None:
        for link in against.links:
            for s in link.sources:
                cited_by.setdefault(s.number, []).append(link.paragraph)

    toc = [("#recommendations", recommendations_heading(summary.recommendations)) if summary.recommendations and whole
           else None,
           ("#themes", "Themes"),
           ("#xrefs", "Cross-references") if summary.xrefs and whole else None,
           ("#glossary", "Glossary") if summary.acronyms and whole else None,
           ("#questions", "Questions") if summary.questions and whole else None,
           ("#paragraphs", "Paragraphs"),
           ("#against", "Source paper") if against is not None else None]

    acronyms = {a.short for a in summary.acronyms}
    paragraphs = []
    current: object = object()
    placed: set[str] = set()
    for p in summary.paragraphs:
        row = {"number": p.number, "page": p.page, "id": anchors.id("p", p.number), "segments": segments(p),
               "chips": [_theme_label(summary, n) for n in p.themes],
               "sources": links_by_para[p.number].sources if p.number in links_by_para else (),
               "heading_id": None, "heading_label": None}
        # a numbered section is headed once, where its first paragraph is; an unnumbered heading wherever it changes
        here = p.section if p.section is not None else (None, p.heading)
        if here != current:
            current = here
            if p.section is not None and anchors.has("s", p.section) and p.section not in placed:
                placed.add(p.section)
                row["heading_id"] = anchors.id("s", p.section)
                row["heading_label"] = _section_label(summary, p.section)
            elif p.section is None and p.heading:
                row["heading_label"] = _title_case(p.heading, acronyms)
        paragraphs.append(row)
    # sections with no paragraphs still need their anchor
    unplaced = [{"id": anchors.id("s", s.number), "label": _section_label(summary, s.number)}
                for s in summary.sections if s.number is not None and s.number not in placed]

    return render_template(
        "summary.html",
        lang="en",
        title=summary.title,
        anchors=anchors,
        meta=_meta_items(summary),
        counts=_counts_line(summary),
        toc=[x for x in toc if x],
        full=full,
        recommendations=[{"r": r, "text": decision_text(r)} for r in summary.recommendations] if whole else (),
        recommendations_heading=recommendations_heading(summary.recommendations),
        conclusion=summary.conclusion if whole else None,
        glossary_source=glossary_source,
        chart=bar_chart([(t.label, t.count, f"#{anchors.id('theme', t.name)}") for t in themes],
                        title="Paragraphs per theme"),
        themes=[
            {"id": anchors.id("theme", t.name), "label": t.label, "count": t.count,
             "rows": [{"number": e.number, "page": e.page, "text": _entry_text(summary, e, full)} for e in t.paragraphs]}
            for t in themes
        ],
        xrefs=[{"from_": x.from_, "text": x.text, "href": xref_href(x), "label": xref_target_label(summary, x)}
               for x in summary.xrefs] if whole else (),
        acronyms=summary.acronyms if whole else (),
        questions=summary.questions if whole else (),
        paragraphs=paragraphs,
        unplaced=unplaced,
        against=against,
        cited_by=cited_by,
        uncovered=set(against.uncovered_paragraphs) | set(against.uncovered_questions) if against is not None else set(),
    )  # warnings: once, on stderr (the CLI), never in the report


def _entry_text(summary: Summary, e, full: bool) -> str:
    """A theme entry's text: the whole paragraph with --full, else its gist."""
    p = summary.paragraph(e.number)
    return p.text if (full and p) else display_gist(e.gist, p.text if p else e.gist.text)


def _theme_label(summary: Summary, name: str) -> str:
    for t in summary.themes:
        if t.name == name:
            return t.label
    return name
