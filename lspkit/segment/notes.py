"""Footnotes and tables: lifted out of the text flow, then attached to the paragraph they belong to.

A footnote is a run of small-type lines in the lower part of a page (or
column) that starts with a note label and runs to the column's foot; a table
is whatever lies inside a table region the reader found.  Their lines take no
part in headings or paragraphs.  Afterwards each note goes to the paragraph
holding its superscript marker (else the last paragraph on or before its
page), and each table to the paragraph it follows, a table running over a
page break joined into one.
"""
from __future__ import annotations

import re
from dataclasses import replace
from typing import Optional

from ..model import Block, Note, Paragraph, Table, TableRegion
from .lines import WorkLine
from .paragraphs import OpenParagraph, join_lines

_NOTE_START = re.compile(r"^(\d{1,3}|[*†‡§¶])(?!\d)\s*(\S.*)$")  # "2018, and" is not note 201


def lift_footnotes(work: list[WorkLine], body_size: float, foot_rules: Optional[dict[int, float]] = None) -> list[Note]:
    """Small-type lines in the lower part of a page (or column) that start with a note label and run to its foot.

    Below a footnote separator (`foot_rules`, the reader's) the notes may be set as large as the body text.
    """
    if not body_size:
        return []
    foot_rules = foot_rules or {}
    notes: list[list] = []
    by_page: dict[int, list[WorkLine]] = {}
    for w in work:
        if w.role not in ("furniture", "margin"):  # a marginal note is no footnote (lspkit.segment.margins)
            by_page.setdefault(w.line.page, []).append(w)

    def small(w: WorkLine) -> bool:
        rule = foot_rules.get(w.line.page)
        if rule is not None and w.line.top >= rule - 1:
            return True
        return bool(w.line.size) and w.line.size <= body_size * 0.95 and w.line.top > (w.line.page_height or 842) * 0.4

    for page, ws in by_page.items():
        # foot blocks: maximal runs of small lines that end a column (the next line is higher up, or the page ends)
        k = 0
        while k < len(ws):
            if not small(ws[k]) or not _NOTE_START.match(ws[k].text):
                k += 1
                continue
            j = k
            while j + 1 < len(ws) and small(ws[j + 1]) and ws[j + 1].line.top >= ws[j].line.top:
                j += 1
            ends_column = j + 1 == len(ws) or ws[j + 1].line.top < ws[j].line.top
            if ends_column and (_below_rule(ws[k], foot_rules) or _smaller_than_page(ws[:k], ws[k:j + 1])):
                _note_group(ws[k:j + 1], page, notes)
            k = j + 1
    return [Note(label=n[0], text=join_lines(n[1]), page=n[2]) for n in notes]


def _below_rule(w: WorkLine, foot_rules: dict[int, float]) -> bool:
    rule = foot_rules.get(w.line.page)
    return rule is not None and w.line.top >= rule - 1


def _smaller_than_page(above: list[WorkLine], foot: list[WorkLine]) -> bool:
    """Is the foot block set smaller than the text above it on its page?  An agenda pack or a report with
    appendices mixes papers set in different sizes: a cover report's numbered paragraphs in 10.4 pt, at the
    foot of its page, are smaller than the pack's slides but the same size as the report's own prose above
    them, and are its text, not its notes.  Only prose counts as the page's text in the block's size (lines of
    eight words and more, hardly a figure, not bold, 200 characters at least): a table's rows and its bold title
    in small type over the table's notes ("41.1 ‡ 73,900 88,900" / "NOTE: ...") set nothing."""
    size = max(w.line.size or 0.0 for w in foot)
    larger = same = 0
    for w in above:
        if w.line.size and w.line.size > size + 0.3:
            larger += len(w.text)
        elif _prose(w):
            same += len(w.text)
    return not (same >= 200 and same > larger)


def _prose(w: WorkLine) -> bool:
    text = w.text
    return not w.line.bold and len(text.split()) >= 8 and sum(c.isdigit() for c in text) <= 0.1 * len(text)


def _note_group(foot: list[WorkLine], page: int, notes: list[list]) -> None:
    """Split a foot block into notes: a label at the block's left edge (or after a gap) starts one."""
    current: Optional[list] = None
    for w in foot:
        m = _NOTE_START.match(w.text)
        starts = m and (current is None or w.line.x0 <= current[3] + 1 or w.gap_before)
        if starts:
            current = [m.group(1), [m.group(2)], page, w.line.x0]
            notes.append(current)
        elif current is not None:
            current[1].append(w.text)
        w.role = "note"


def lift_table_lines(work: list[WorkLine], tables: list[TableRegion]) -> None:
    """Lines inside a table region belong to the table, not to the text; so does a numbered caption
    ("4.3.2 Table 1: Sites", "Table 2.1:") standing just above one."""
    from ..read.tables import CAPTION

    for k, w in enumerate(work):
        nxt = work[k + 1] if k + 1 < len(work) else None
        if nxt is None or not CAPTION.match(w.text) or w.line.page != nxt.line.page:
            continue
        size = w.line.size or 10.0
        for t in tables:
            x0, top, x1, bottom = t.bbox
            if t.page == w.line.page and top - 2.5 * size <= w.line.bottom <= top + 1 and w.line.x0 < x1 \
                    and w.line.x1 > x0:
                w.role = "table"
    for w in work:
        for t in tables:
            if t.page != w.line.page:
                continue
            x0, top, x1, bottom = t.bbox
            cx = (w.line.x0 + w.line.x1) / 2
            cy = (w.line.top + w.line.bottom) / 2
            if x0 - 2 <= cx <= x1 + 2 and top - 2 <= cy <= bottom + 2:
                w.role = "table"


def attach(paras: list[Paragraph], working: list[OpenParagraph], notes: list[Note], tables: list[TableRegion],
           markers: list[tuple[int, int, str]]) -> list[Paragraph]:
    """Each table and note on the paragraph it belongs to; `working` are the same paragraphs as gathered."""
    if not paras or not (tables or notes):
        return paras

    def owner(page: int, top: float) -> int:
        best = 0
        for k, p in enumerate(working):  # the working paragraphs know their first line's top, text too
            if (p.page, p.bbox[1]) <= (page, top):
                best = k
        return best

    extra_tables: dict[int, list[Table]] = {}
    for t in tables:
        mine = extra_tables.setdefault(owner(t.page, t.bbox[1]), [])
        prev = mine[-1] if mine else None
        if prev is not None and t.page == prev.page + 1 and prev.rows and t.rows \
                and len(prev.rows[0]) == len(t.rows[0]):
            # a table running over a page break, its header row repeated on the new page
            rows = t.rows[1:] if t.rows[0] == prev.rows[0] else t.rows
            mine[-1] = Table(page=prev.page, rows=prev.rows + rows)
            continue
        mine.append(Table(page=t.page, rows=t.rows))
    line_owner: dict[int, int] = {}
    for j, p in enumerate(working):
        for idx in p.lines:
            line_owner[idx] = j
    extra_notes: dict[int, list[Note]] = {}
    for n in notes:
        # the paragraph holding the note's superscript marker, else the last one on or before its page
        k = None
        for page, idx, label in markers:
            if label == n.label and page <= n.page and idx in line_owner:
                k = line_owner[idx]
        if k is None:
            for j, q in enumerate(paras):
                if q.page <= n.page:
                    k = j
        extra_notes.setdefault(k or 0, []).append(n)
    return [
        replace(p, tables=p.tables + tuple(extra_tables.get(k, ())), notes=p.notes + tuple(extra_notes.get(k, ())))
        for k, p in enumerate(paras)
    ]


def table_blocks(blocks: list[Block], tops: list[tuple[int, float]], tables: list[TableRegion]) -> list[Block]:
    """A paper without numbered paragraphs keeps its tables as text: each row a block, its cells in order, placed
    among the other blocks where it stands on its page (a board's minutes set as ruled tables of reports, "Chair's
    Report | The Chair gave the following updates: ... Clinton Hell's Kitchen Land Use (CHKLU) ..."; a vote record's
    key).  With no paragraph to attach them to, they would otherwise be lost, and with them what they define."""
    if not tables:
        return blocks
    out = list(blocks)
    at_tops = list(tops) if len(tops) == len(blocks) else [(b.page, 0.0) for b in blocks]
    for t in sorted(tables, key=lambda t: (t.page, t.bbox[1])):
        rows = [Block(text=r, page=t.page) for r in _row_texts(t.rows)]
        # before the first block that starts below the table's top (the other blocks keep their reading order)
        k = next((k for k, top in enumerate(at_tops) if top > (t.page, t.bbox[1])), len(out))
        out[k:k] = rows
        at_tops[k:k] = [(t.page, t.bbox[1])] * len(rows)
    return out


def _row_texts(rows: tuple[tuple[str, ...], ...]) -> list[str]:
    """Each row's cells as one text; a row with its first cell empty that goes on in the column where the row before
    ended, which ended no sentence, and opens with no bullet ("o Clinton Hell's Kitchen Land Use (CHKLU) and
    Housing, Health &" / "Human Services Committees (HHHS): ..."), is that row's wrapped line, where the grid drew no
    rule between."""
    out: list[str] = []
    last_col = -1  # the column of the row before's last filled cell
    for row in rows:
        filled = [k for k, c in enumerate(row) if c and c.strip()]
        if not filled:
            continue
        text = " ".join(" ".join(row[k].split()) for k in filled)
        if out and filled[0] > 0 and filled[0] == last_col and not re.search(r"[.:;!?]$", out[-1]) \
                and not re.match(r"[-–•▪◦o]\s", text):
            out[-1] = f"{out[-1]} {text}"  # the same cell's text wrapping on in the same column
        else:
            out.append(text)
        last_col = filled[-1]
    return out


# a reference marker in square brackets in the text's own type, after a word or a sentence's end: "... with other
# variants. [1]", "... compared to non-VOC [1].", "a paper from LSHTM [2] and ...", "[2, 3]", "[4-6]"; one to
# three digits, so a law report's year ("[2020] EWHC 12") is never one
_REF_MARK = re.compile(r"(?<=[\w.,;:)’”\"'%])\s?\[(\d{1,3}(?:\s*[,–-]\s*\d{1,3})*)\](?=[\s.,;:)]|$)")
# the word before a bracketed number that cites it as a paragraph of a judgment or a report ("at [45]", "see [12]",
# "paras [3] and [4]"): the text needs it
_CITING = frozenset("at in see para paras paragraph paragraphs and or to of from cf also under per with by on "
                    "footnote note notes reference references ref refs item section sections page pages p pp".split())


def strip_reference_markers(paras: list[Paragraph]) -> list[Paragraph]:
    """Numbered reference markers in square brackets ("... were reported [1].", "a paper from LSHTM [2] and")
    taken out of the paragraphs' text, as superscript note markers are: they point to the paper's reference
    list and are no words of the paragraph.  Only where the paper's markers run as citation-order references do:
    each number first cited is the next one after those cited before (1, then 2 or 2-3, ...), so a judgment's
    cross-references to its own paragraphs ("at [45]") and a bracketed number in an item's text are kept."""
    found: list[tuple[int, str, list[int]]] = []
    for k, p in enumerate(paras):
        if "[" not in p.text:
            continue  # (the marker's bracket: a paragraph without one costs no scan of the lookbehind pattern)
        for m in _REF_MARK.finditer(p.text):
            before = p.text[: m.start()].split()
            if not before or before[-1].lower().strip(".,;:") in _CITING:
                return paras
            found.append((k, m.group(0), _marker_numbers(m.group(1))))
    if not found or not _citation_order([n for _, _, n in found]):
        return paras

    def clean(text: str) -> str:
        return _REF_MARK.sub("", text)

    touched = {k for k, _, _ in found}
    return [replace(p, text=clean(p.text), parts=tuple(clean(x) for x in p.parts)) if k in touched else p
            for k, p in enumerate(paras)]


def _marker_numbers(inside: str) -> list[int]:
    """"2, 3" -> [2, 3]; "4-6" -> [4, 5, 6]."""
    out: list[int] = []
    for piece in re.split(r"\s*,\s*", inside):
        ends = [int(x) for x in re.split(r"\s*[–-]\s*", piece) if x]
        if len(ends) == 2 and ends[0] < ends[1] <= ends[0] + 50:
            out.extend(range(ends[0], ends[1] + 1))
        else:
            out.extend(ends)
    return out


def _citation_order(markers: list[list[int]]) -> bool:
    """The numbers are first cited in order, from 1, each new one the next after the highest cited before."""
    high = 0
    for numbers in markers:
        for n in numbers:
            if n > high + 1:
                return False
            high = max(high, n)
    return high >= 1
