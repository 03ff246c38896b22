"""Small type judged against its own page: a paper set in one size inside a pack or report set in another.

An agenda pack (a cover report, a guidance note, slides), or a report whose appendix is set smaller, has one body
size over the whole file that is not every page's: a guidance page set throughout in 9.3 pt, in a pack whose slides
set most characters in 11.3 pt, reads as small type (a note, a reference list) to a rule that only knows the
file's size.  A labelled line in small type is the page's own text when its page is set in that size (most of the
page's characters) and the list is introduced by prose in that size just above it ("You must register as an Other
Registrable Interest:"), as a paper's lists are; a list of endnotes or references follows a heading, not prose.
"""
from __future__ import annotations

from .lines import Body, WorkLine

_TOL = 0.35  # points: one size as producers round it (9.3 and 9.4 pt)


def page_text_size(body: Body, w: WorkLine, cache: dict) -> bool:
    """Is `w`, in type smaller than the paper's, set in its page's own text size under a lead-in of prose?"""
    size = w.line.size
    if not size:
        return False
    page = w.line.page
    if page not in cache:
        if "pages" not in cache:  # each page's Body positions, found once
            by_page: dict[int, list[int]] = {}
            for k, x in enumerate(body):
                by_page.setdefault(x.line.page, []).append(k)
            cache["pages"] = by_page
        cache[page] = _page_sizes(body, page, cache["pages"].get(page, []))
    sizes, leads = cache[page]
    mine = sum(n for s, n in sizes.items() if abs(s - size) <= _TOL)
    if mine < 0.6 * max(1, sum(sizes.values())):
        return False
    return any(abs(s - size) <= _TOL for s in leads)


def _page_sizes(body: Body, page: int, lines: list[int]) -> tuple[dict[float, int], set[float]]:
    """The characters a page sets in each size, and the sizes whose first labelled line on the page has a lead-in:
    the line just above it unlabelled, not bold, in the same size, a sentence's words (at least four)."""
    from .sequences import _parse  # the labels the series pass reads

    sizes: dict[float, int] = {}
    leads: set[float] = set()
    opened: list[float] = []  # the sizes a labelled line was seen in: only each size's first has a lead-in
    for k in lines:
        x = body[k]
        if x.line.size:
            key = round(x.line.size, 1)
            sizes[key] = sizes.get(key, 0) + len(x.text)
        if not x.line.size or _parse(x.text) is None or any(abs(s - x.line.size) <= _TOL for s in opened):
            continue
        opened.append(x.line.size)
        prev = body[k - 1] if k else None
        if prev is not None and prev.line.page == page and _parse(prev.text) is None \
                and len(prev.text.split()) >= 4 and prev.line.size and not prev.line.bold \
                and abs(prev.line.size - x.line.size) <= _TOL:
            leads.add(round(x.line.size, 1))
    return sizes, leads
