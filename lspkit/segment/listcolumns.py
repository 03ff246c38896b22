"""A numbered list printed in two columns ("1. Bishopsteignton Primary School" ... "6. Denbury ..." on the left,
"7. Kingskerswell C of E Primary School" ... "10. Highweek Primary School" beside them on the right), which the
reader took column by column in the wrong order or apart: the right column's items put back after the left
column's last one, where the list goes on.  A list its lead-in introduces ("The primary schools involved are:")
and printed side by side is a list of names, never paragraphs: its items lose their labels and stay its text.
"""
from __future__ import annotations

from .lines import WorkLine


def join_list_columns(work: list[WorkLine]) -> None:
    """Move each right-hand column of a two-column numbered list to just after its left-hand column, in place.

    Both columns: two or more one-line items in a row at one margin on one page, numbered one after another, each a
    short phrase (no more than ten words); the right column's first number the one after the left's last, its
    margin right of every left item's end, each of its items level with an item of the left column; the line
    above the left column a lead-in ending ':'."""
    _join(work, None)


def _join(work: list[WorkLine], went_on: "tuple[int, int] | None") -> None:
    """join_list_columns, `went_on` the page and last number of the list last joined: its rows on the next page
    (the list broken over a page, "1." beside "2." on one, "3." to "7." beside "8." to "10." on the next) need no
    lead-in of their own.  Rows of one item each (the list's first row at a page's foot) are columns too where a
    lead-in introduces them."""
    runs = _runs(work)
    by_last: dict[int, list[list[int]]] = {}
    for run in runs:
        by_last.setdefault(int(work[run[-1]].label.number), []).append(run)
    for right in runs:
        first = int(work[right[0]].label.number)
        for left in by_last.get(first - 1, ()):
            if left is right:
                continue
            if (len(left) == 1) != (len(right) == 1):
                continue  # a run of one beside a longer one: no list printed in columns
            lw, rw = [work[k] for k in left], [work[k] for k in right]
            if lw[0].line.page != rw[0].line.page or max(w.line.x1 for w in lw) >= rw[0].line.x0:
                continue
            if not all(any(abs(r.line.top - v.line.top) <= 2 for v in lw) for r in rw):
                continue
            goes_on = went_on is not None and lw[0].line.page == went_on[0] + 1 \
                and int(lw[0].label.number) == went_on[1] + 1 and len(left) > 1
            if not goes_on and (left[0] == 0 or not work[left[0] - 1].text.rstrip().endswith(":")):
                continue  # "The primary schools involved are:": a list its lead-in introduces
            went = (rw[0].line.page, int(rw[-1].label.number))
            for w in lw + rw:
                w.label = None  # its items are the list's, no paragraphs: "1. Bishopsteignton Primary School"
            if right[0] == left[-1] + 1:
                return _join(work, went)  # read in order already
            moved = [work[k] for k in right]
            for w in moved:
                w.gap_before = False
            rest = [w for k, w in enumerate(work) if k not in set(right)]
            at = rest.index(lw[-1]) + 1
            work[:] = rest[:at] + moved + rest[at:]
            return _join(work, went)  # indexes changed: look again
    return None


def _runs(work: list[WorkLine]) -> list[list[int]]:
    runs: list[list[int]] = []
    cur: list[int] = []
    for k, w in enumerate(work):
        ok = w.role == "" and w.label is not None and w.label.kind == "number" and len(w.label.levels) == 1 \
            and w.label.number.isdigit() and len(w.label.rest.split()) <= 10
        if ok and cur:
            p = work[cur[-1]]
            if not w.gap_before and p.line.page == w.line.page and abs(p.line.x0 - w.line.x0) <= 2 \
                    and int(w.label.number) == int(p.label.number) + 1:
                cur.append(k)
                continue
        if cur:
            runs.append(cur)
        cur = [k] if ok else []
    if cur:
        runs.append(cur)
    return runs
