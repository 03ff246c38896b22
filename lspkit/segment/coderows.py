"""Rows of a list keyed by a code that repeats: a by-law's grades for positions ("1 Casual Labor", "2 Cemetery
Caretakers", "2 Clerks", "2 Custodians", ..., "P1 Part-time Police"), a schedule's classes.

Each row looks like a numbered paragraph with no full stop after its number, but the numbers are no sequence: one
is printed again and again on the rows under it, because it is a value the row holds (a grade), not the row's
place.  A run of such rows, each a short title with no sentence (five words or fewer, no full stop), one under
another at one margin with nothing but other short lines between them, in which a code is printed again right
under itself at least twice, is a list: no row of it starts a paragraph.  One repeat is no list (the same number
printed twice is a duplicate paragraph, kept with a warning).
"""
from __future__ import annotations

import re
from typing import TYPE_CHECKING

from .paragraphs import SENTENCE_END

if TYPE_CHECKING:
    from .lines import WorkLine

_CODE = re.compile(r"^(?:[A-Z]{1,2})?\d{1,3}$")  # "2", "P1", "E2"


def code_rows(work: list[WorkLine]) -> set[int]:
    """The indexes (into `work`) of the rows of every such list (see the module's docstring)."""
    out: set[int] = set()
    run: list[int] = []  # the rows of the open run
    x = 0.0
    for k, w in enumerate(work):
        if w.role:
            continue
        if _row(w) and (not run or abs(w.line.x0 - x) <= max(2.0, 0.3 * (w.line.size or 10.0))):
            if not run:
                x = w.line.x0
            run.append(k)
            continue
        if run and _short(w.text) and w.line.x0 >= x - 2:
            continue  # a row with no code ("Police Chief" set in under the codes), or a title over the next rows
        _close(work, run, out)
        run = [k] if _row(w) else []
        x = w.line.x0
    _close(work, run, out)
    return out


def _row(w: WorkLine) -> bool:
    lab = w.label
    return lab is not None and lab.kind == "number" and not lab.dotted and bool(_CODE.match(lab.number)) \
        and 0 < len(lab.rest.split()) <= 5 and _short(lab.rest)


def _short(text: str) -> bool:
    return len(text.split()) <= 5 and not SENTENCE_END.search(text.rstrip())


def _close(work: list[WorkLine], run: list[int], out: set[int]) -> None:
    codes = [work[k].label.number for k in run]  # type: ignore[union-attr]
    repeats = sum(1 for a, b in zip(codes, codes[1:]) if a == b)
    if len(run) >= 4 and repeats >= 2:
        out.update(run)


# a person named with a title, then a comma and a role: "Ms Indranee Rajah SC, Senior Minister of State ...",
# "Justice VK Rajah, Judge of Appeal", "Judicial Commissioner Tan Siong Thye, Supreme Court", "Dr Sudha Nair, ..."
_NAMED = re.compile(r"^(?:Mr|Mrs|Ms|Miss|Mx|Dr|Prof|Professor|Assoc Prof|Associate Professor|Justice|Judge|"
                    r"Judicial Commissioner|Sir|Dame|Lord|Lady|Baroness|Cllr|Councillor|Rev|Revd|Hon)\.?\s+"
                    r"[A-Z][\w'’.\-]*(?:\s+[A-Z][\w'’.\-]*){0,6},\s")


def name_rows(work: list[WorkLine]) -> set[int]:
    """The indexes of the lines of a numbered list of people ("1. Ms Indranee Rajah SC, Senior Minister of State
    for Law ...", "2. Justice VK Rajah, Judge of Appeal, ..."): a committee's members listed under their own title,
    five or more counting on from 1, four in five of them a titled name with its role after a comma.  They are a
    list of names, never the paper's paragraphs (its "1." to "25." after its paragraphs 1 to 96); the lines a name
    wraps onto, set in under it, are the list's too."""
    out: set[int] = set()
    k = 0
    while k < len(work):
        w = work[k]
        lab = w.label
        if lab is None or lab.kind != "number" or lab.levels != (1,) or lab.word:
            k += 1
            continue
        rows, named, want, j = [], 0, 1, k
        while j < len(work):
            v = work[j]
            if v.label is not None and v.label.kind == "number" and v.label.levels == (want,) and not v.label.word \
                    and abs(v.line.x0 - w.line.x0) <= 3.0:
                rows.append(j)
                named += bool(_NAMED.match(v.label.rest))
                want += 1
            elif not v.line.x0 > w.line.x0 + 3.0:
                break  # (a name wrapped onto a line set in under it goes on, "31 October 2013)" too)
            j += 1
        if len(rows) >= 5 and named >= 0.8 * len(rows):
            out.update(range(k, j))
            k = j
        else:
            k += 1
    return out
