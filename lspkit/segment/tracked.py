"""Tracked changes placed in the text their lines were joined into.

The reader records each change where it is in its line's text (`TrackedChange.at`).  A paragraph's text is
its lines joined (`join_lines`: a label taken off the first line, a hyphen at a line end joined, spaces
collapsed), so here each line is found again in the joined text, in order, and its changes' offsets moved
with it.  A change running over a line break stays one change, where it starts.
"""
from __future__ import annotations

from dataclasses import replace
from typing import Optional

from ..model import Line


def place_changes(lines: list[Line], text: str) -> tuple:
    """The tracked changes of consecutive `lines`, in reading order, each placed in `text`, the text they were
    joined into (a change whose line cannot be found there keeps no position: `at` None)."""
    from ..read.pdf import merge_changes

    changes: tuple = ()
    ends = False
    cursor = 0
    for line in lines:
        found = _locate(line.text, text, cursor)
        if line.changes:
            placed = tuple(replace(c, at=_moved(c, line.text, found, text)) for c in line.changes)
            changes = merge_changes(changes, ends, replace(line, changes=placed))
        if found is not None:
            cursor = found[0] + found[2]
        ends = line.change_edges[1]
    return changes


def _locate(line_text: str, text: str, cursor: int) -> Optional[tuple[int, int, int]]:
    """Where the line sits in `text`, from `cursor` on: (where its kept part starts there, how many characters
    of the line's collapsed text were cut before it (a label, a bullet), how many of it follow in `text`).
    The longest match wins, at `cursor` or one space after it, with up to three leading words cut."""
    words = line_text.split()
    if not words:
        return (_back_over_space(text, cursor), 0, 0)
    whole = " ".join(words)
    best: Optional[tuple[int, int, int]] = None
    cut = 0
    for k in range(min(4, len(words))):
        rest = whole[cut:]
        for start in (cursor, cursor + 1):
            n = _common(rest, text, start)
            if n and (best is None or n > best[2]):
                best = (start, cut, n)
        if best is not None and best[2] == len(rest):
            break
        cut += len(words[k]) + 1
    if best is None or best[2] < min(len(whole) - best[1], 4):
        return None
    return best


def _common(a: str, text: str, start: int) -> int:
    """How many first characters of `a` `text` has from `start` on."""
    limit = min(len(a), len(text) - start)
    if limit <= 0:
        return 0
    if text.startswith(a[:limit], start):
        return limit
    lo, hi = 0, limit  # binary search on the common prefix's length
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if text.startswith(a[:mid], start):
            lo = mid
        else:
            hi = mid - 1
    return lo


def _back_over_space(text: str, at: int) -> int:
    return at - 1 if 0 < at <= len(text) and text[at - 1] == " " else min(at, len(text))


def _moved(change, line_text: str, found: Optional[tuple[int, int, int]], text: str) -> Optional[int]:
    """A line's offset `at` as an offset in the joined text.  A change the text leaves out, at the line's
    start, is placed before the space that joined the line to the one above (just after the text printed
    before it, as in a line); one the text holds stays where its words start."""
    at = change.at
    if at is None or found is None:
        return None
    words = change.text.split()
    held = bool(words) and line_text.startswith(words[0], at)
    start, cut, n = found
    head = line_text[:at]
    k = len(" ".join(head.split())) + (1 if head.strip() and head[-1].isspace() else 0)  # in the collapsed line
    if k <= cut:
        return start if held else _back_over_space(text, start)
    return min(start + min(k - cut, n), len(text))
