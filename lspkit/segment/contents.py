"""Contents pages: a page whose lines mostly end in page numbers that never go down is dropped, not read as text."""
from __future__ import annotations

import re

from ..model import Dropped
from .lines import WorkLine

_TOC_LINE = re.compile(r"(?:\.{3,}|…+|\s)\s*(\d{1,3}|[ivxlc]{1,5})$", re.I)


def drop_contents(work: list[WorkLine], dropped: list[Dropped]) -> None:
    """Mark the lines of contents pages as furniture and record them as dropped."""
    by_page: dict[int, list[WorkLine]] = {}
    for w in work:
        by_page.setdefault(w.line.page, []).append(w)
    last_page = max(by_page, default=0)
    for page, ws in by_page.items():
        ends = []
        for w in ws:
            last = w.text.rstrip()[-4:]
            tail = last.rsplit(None, 1)[-1].lstrip(".…") if last else ""
            if tail.isdigit() and len(tail) <= 3 and len(w.text) > 4 and _TOC_LINE.search(w.text[-12:]):
                ends.append((w, int(tail)))
        # dot leaders ("Introduction ........ 3") make even a short list of entries a contents page
        # (typeset spaced, ". . . . 8", as Typst and LaTeX set them, too)
        leaders = sum(1 for w, _ in ends if re.search(r"(?:\.{3,}|…|(?:\. ){3,})\s*\S+$", w.text))
        if len(ends) < (3 if leaders >= 0.8 * len(ends) else 5) or len(ends) < 0.5 * len(ws):
            listed = _titled_list(ws, ends, page, last_page)  # a short list under its title: the title, its entries
            if listed:
                for w in ws[:listed]:
                    w.role = "furniture"
                    dropped.append(Dropped(w.text, page, "contents"))
                continue
            _drop_block(ws, dict((id(w), v) for w, v in ends), page, last_page, dropped)
            _drop_agenda_list(ws, dict((id(w), v) for w, v in ends), page, dropped)
            continue
        values = [v for _, v in ends]
        rising = sum(1 for a, b in zip(values, values[1:]) if b >= a)
        if rising < 0.8 * (len(values) - 1):
            continue
        for w in ws:
            w.role = "furniture"
            dropped.append(Dropped(w.text, page, "contents"))


def _drop_block(ws: list[WorkLine], ends: dict[int, int], page: int, last_page: int, dropped: list[Dropped]) -> None:
    """A contents list set above the text on the same page (a short paper's first page): at least six lines in a
    row, each ending in a page number of this document from this page on, never going down.  Dropped alone."""
    run: list[WorkLine] = []
    for w in ws + [None]:  # type: ignore[list-item]
        v = ends.get(id(w)) if w is not None else None
        if v is not None and page <= v <= last_page and (not run or v >= ends[id(run[-1])]):
            run.append(w)
            continue
        if len(run) >= 6:
            for r in run:
                r.role = "furniture"
                dropped.append(Dropped(r.text, page, "contents"))
        run = [w] if v is not None and page <= v <= last_page else []


_CONTENTS_TITLE = re.compile(r"^\s*(?:table\s+of\s+)?contents\s*$", re.I)


def _titled_list(ws: list[WorkLine], ends: list, page: int, last_page: int) -> int:
    """A short contents list under its title ("CONTENTS" / "0 General 3" / "1 President 4" / "2 Vice-Presidents
    5", a browser's print of a three-chapter bylaw): the page's first line reads "Contents" and the two or more
    lines that end in page numbers follow on from it, one after another, each a page of this document from this
    one on, never going down.  (Without the title a list this short is dropped only with dot leaders; a page that
    is mostly contents is dropped whole, title or not.)  An entry set with dot leaders may wrap onto a second line
    (a word processor's "1.3 Compliance of Entities' Operations with the Applicable Requirements and the" / "CB
    Management System ... .......7"): a line or two with no page number, the next line its entry's end with its
    leaders.  The list ends at the first line that is neither (the page's control block below it: "Issue No 2").
    Returns how many lines the title and its list take from the page's top (0: no such list)."""
    if len(ends) < 2 or not ws or not _CONTENTS_TITLE.match(ws[0].text):
        return 0
    value = {id(w): v for w, v in ends}
    taken: list[int] = []
    k = 1
    while k < len(ws):
        if id(ws[k]) in value:
            if not page <= value[id(ws[k])] <= last_page or (taken and value[id(ws[k])] < taken[-1]):
                break  # (a line below the list ending in a figure: "Issue No 2, Version 3")
            taken.append(value[id(ws[k])])
            k += 1
            continue
        nxt = next((j for j in (k + 1, k + 2) if j < len(ws) and id(ws[j]) in value), None)
        if not taken or nxt is None or not _LEADERS.search(ws[nxt].text) \
                or any(_LEADERS.search(ws[j].text) for j in range(k, nxt)):
            break
        k = nxt  # an entry's first line(s), wrapped: its page number is on the line with the leaders
    if len(taken) < 2 or len(taken) < len(ends) - 2:
        return 0  # (most of the page's lines with page numbers are the list's, or this is no contents list)
    if not (all(page <= v <= last_page for v in taken) and all(b >= a for a, b in zip(taken, taken[1:]))):
        return 0
    return k


_LEADERS = re.compile(r"(?:\.{3,}|…|(?:\. ){3,})\s*\S+$")


def _drop_agenda_list(ws: list[WorkLine], ends: dict[int, int], page: int, dropped: list[Dropped]) -> None:
    """An agenda pack's list of items with the page each item's papers start on ("1. Declarations of interest",
    "3. Minutes of the meeting held on ... 3" / "the Joint session ...", "4. Annual complaints report 9" ... "8. Work
    programme 169"): item numbers counting up one by one at one margin, each a title (no sentence's stop), four or
    more of them ending in a page number, never going down (pages of the whole pack, which a file of its first pages
    may not hold).  The items are the contents of the pack, not its paragraphs: dropped, their wrapped lines too."""
    run: list[WorkLine] = []
    for w in ws + [None]:  # type: ignore[list-item]
        lab = w.label if w is not None else None
        if w is not None and w.role:
            continue
        if lab is not None and lab.kind == "number" and len(lab.levels) == 1 and (
                not run or lab.levels[0] == run[-1].label.levels[0] + 1 and abs(w.line.x0 - run[0].line.x0) <= 3.0):
            run.append(w)
            continue
        if w is not None and run and lab is None and not w.gap_before and w.line.x0 > run[0].line.x0 + 3.0:
            continue  # an item's title wrapped: part of the entry
        pages = [ends[id(r)] for r in run if id(r) in ends]  # (on the item's own line, beside its title)
        if len(run) >= 4 and len(pages) >= 4 and all(b > a for a, b in zip(pages, pages[1:])) \
                and not any(re.search(r"[.;:]\s*\d{1,3}$|[.;:]$", r.text.rstrip()) for r in run):
            first, last = ws.index(run[0]), ws.index(run[-1])
            while last + 1 < len(ws) and ws[last + 1].label is None and not ws[last + 1].gap_before \
                    and ws[last + 1].line.x0 > run[0].line.x0 + 3.0:
                last += 1
            for v in ws[first: last + 1]:
                v.role = "furniture"
                dropped.append(Dropped(v.text, page, "contents"))
        run = [w] if lab is not None and lab.kind == "number" and len(lab.levels) == 1 else []

