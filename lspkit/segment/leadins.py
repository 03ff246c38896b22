"""A paper's one numbered lead-in over its items: the items are the paper's paragraphs.

A letter that answers a request quotes it: "1. The total number of crimes logged ... Please could these be broken
down as follows:" and under it "a. For each year", "b. By the nature of each crime", ... (or "1. By the nature ...",
"2. ...", numbered again at the lead-in's own margin).  Where a paper numbers several paragraphs, short items under
one of them are its parts; where the lead-in is the paper's only numbered paragraph (a "1." that no "2." follows),
its items are the level the paper numbers at, and each is a paragraph, cited under the lead-in: "1(a)", "1(2)".
"""
from __future__ import annotations

from typing import Optional

from .lines import Body
from .numbering import letter_label


def lone_lead_items(body: Body) -> tuple[dict[int, tuple[str, str, str]], Optional[int]]:
    """The item lines under a paper's lone numbered lead-in: line index -> (lead-in number, item label, text); and
    the line after the last item, which ends it (the letter's own text goes on there)."""
    none: tuple[dict[int, tuple[str, str, str]], Optional[int]] = ({}, None)
    if not body.pdf:
        return none
    first = next((i for i, w in enumerate(body) if w.label is not None and w.label.kind == "number"
                  and len(w.label.levels) == 1), None)
    if first is None or body[first].label.levels != (1,):  # type: ignore[union-attr]
        return none
    k = first + 1
    while k < len(body) and k - first <= 4 and not body[k].gap_before and _item(body, k) is None:
        if body[k].label is not None:
            return none  # "1. Background" / "1.1 The Council has three priorities:": a heading, not the lead-in
        k += 1
    if k >= len(body) or body[k].gap_before or body[k].line.page != body[first].line.page \
            or not body[k - 1].text.rstrip().endswith(":"):
        return none
    got = _item(body, k)
    if got is None or got[0] not in ("a", "1"):
        return none
    x = body[k].line.x0
    tol = max(3.0, 0.3 * (body[k].line.size or 10))
    items = {k: got}
    expected = _next(got[0])
    end = None
    for j in range(k + 1, len(body)):
        w = body[j]
        end = j
        got = _item(body, j)
        if got is not None and got[0] == expected and abs(w.line.x0 - x) <= tol and not w.gap_before:
            items[j] = got
            expected = _next(got[0])
            end = None
        elif got is None and not w.gap_before and w.line.x0 > x + tol and w.label is None:
            continue  # an item's wrapped line, set in under its text
        else:
            break
    if len(items) < 2:
        return none
    # lone: the next single-level number after the items restarts a series of its own ("1." under "Response") or
    # never comes; a "2." goes on from the lead-in, which is then one paragraph of several
    last = max(items)
    for j in range(last + 1, len(body)):
        w = body[j]
        if w.label is not None and w.label.kind == "number" and len(w.label.levels) == 1:
            if w.label.levels != (1,):
                return none
            break
    number = body[first].label.number  # type: ignore[union-attr]
    return {j: (number, label, rest) for j, (label, rest) in items.items()}, end


def _item(body: Body, i: int) -> Optional[tuple[str, str]]:
    """Line i's item label ("a", "1") and text, when it opens with one and the text starts as an item does."""
    w = body[i]
    if w.label is not None and w.label.kind == "number":
        if len(w.label.levels) != 1 or not w.label.rest[:1].isupper():
            return None
        return str(w.label.levels[0]), w.label.rest.strip()
    got = letter_label(w.text)
    if got is None or len(got[0]) != 1 or not got[0].isalpha() or not got[1][:1].isupper():
        return None
    return got


def _next(label: str) -> str:
    return str(int(label) + 1) if label.isdigit() else chr(ord(label) + 1)
