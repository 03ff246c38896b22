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
    runs = _runs(work)
    for right in runs:
        first = int(work[right[0]].label.number)
        for left in runs:
            if left is right or int(work[left[-1]].label.number) != first - 1:
                continue
            lw, rw = [work[k] for k in left], [work[k] for k in right]
            if lw[0].line.page != rw[0].line.page or max(w.line.x1 for w in lw) >= rw[0].line.x0:
                continue
            if not all(any(abs(r.line.top - v.line.top) <= 2 for v in lw) for r in rw):
                continue
            if left[0] == 0 or not work[left[0] - 1].text.rstrip().endswith(":"):
                continue  # "The primary schools involved are:": a list its lead-in introduces
            for w in lw + rw:
                w.label = None  # its items are the list's, no paragraphs: "1. Bishopsteignton Primary School"
            if right[0] == left[-1] + 1:
                return join_list_columns(work)  # read in order already
            moved = [work[k] for k in right]
            for w in moved:
                w.gap_before = False
            rest = [w for k, w in enumerate(work) if k not in set(right)]
            at = rest.index(lw[-1]) + 1
            work[:] = rest[:at] + moved + rest[at:]
            return join_list_columns(work)  # indexes changed: look again
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
        if len(cur) >= 2:
            runs.append(cur)
        cur = [k] if ok else []
    if len(cur) >= 2:
        runs.append(cur)
    return runs
