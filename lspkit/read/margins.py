"""Marginal notes: the side headings a statute prints in a narrow column beside its sections.

UK, Indian, Sri Lankan and Australian Acts and bills set each section's heading ("Short title", "Amendment of
section 9 of Act, No. 48 of 1979") as a marginal note: a few short lines in smaller type, in the margin, level
with the section's first line; a quoted inserted section carries its own in the other margin.  Printed on the
baselines of the text beside them, they would be read into its lines ("... the Prevention of Terrorism Short
title").  Found from the page's geometry alone:

- in smaller type than the page's body text (at most 0.88 of the size that sets most characters);
- short lines stacked in a column (one left or right edge), each clear of the body text on its baseline by at
  least a third of a body size, on one side of it, never between two of its words;
- the note's first line level with a line of body prose (a footnote or a caption has no prose beside it);
- two lines or more, or one of two notes or more in one column on the page (a lone small line beside the text
  is too often something else: a figure's label, a form's field);
- in a margin: fewer than three runs of body prose on the page lie mostly within the note's width (a small
  heading in a column of a three-column page has its column's prose above and below it).

Each note is one Line flagged `margin`, placed after the body line it starts beside; the segmenter keeps it
apart from the paragraph text (lspkit.segment.margins).
"""
from __future__ import annotations

from collections import Counter
from typing import Optional

# run layout: [x0, x1, top, bottom, size, bold, text, first_char_index, ...]

_SMALL = 0.88  # a note's type is at most this share of the body size
_MAX_WORDS = 45  # a side heading, not a sidebar
_MAX_PIECES = 16


def margin_notes(runs: list[list]) -> list[list[list[list]]]:
    """The page's marginal notes: each a list of its visual lines (each a list of runs, left to right), top down."""
    text_runs = [r for r in runs if (r[6] or "").strip()]
    if len(text_runs) < 6:
        return []
    sizes: Counter = Counter()
    for r in text_runs:
        sizes[round(r[4], 1)] += len(r[6])
    body = sizes.most_common(1)[0][0]
    if not body:
        return []
    small = [r for r in text_runs if r[4] <= _SMALL * body]
    if not small:
        return []
    big = [r for r in text_runs if r[4] >= 0.95 * body]
    left = min(r[0] for r in big) if big else 0.0
    right = max(r[1] for r in big) if big else 0.0
    if right - left <= 0:
        return []
    pieces = [p for p in _pieces(small) if _clear(p, big, body, right - left)]
    if not pieces:
        return []
    notes = _stack(pieces)
    out = []
    columns: Counter = Counter()
    kept = []
    for note in notes:
        words = sum(len(r[6].split()) for p in note for r in p)
        letters = sum(c.isalpha() for p in note for r in p for c in r[6])
        if letters < 3 or words > _MAX_WORDS or len(note) > _MAX_PIECES:
            continue
        if not _beside_prose(note[0], big, body) or not _in_margin(note, big):
            continue
        kept.append(note)
        columns[_column_key(note)] += 1
    for note in kept:
        if len(note) >= 2 or columns[_column_key(note)] >= 2:
            out.append(note)
    return out


def _pieces(small: list[list]) -> list[list[list]]:
    """Small-type runs as pieces of visual lines: runs on one baseline no farther apart than a word space."""
    ordered = sorted(small, key=lambda r: (r[3], r[0]))
    lines: list[list[list]] = []
    for r in ordered:
        for ln in reversed(lines[-4:]):
            top, bottom = min(x[2] for x in ln), max(x[3] for x in ln)
            if min(bottom, r[3]) - max(top, r[2]) >= 0.5 * min(r[3] - r[2], bottom - top):
                ln.append(r)
                break
        else:
            lines.append([r])
    out: list[list[list]] = []
    for ln in lines:
        ln.sort(key=lambda r: r[0])
        cur = [ln[0]]
        for r in ln[1:]:
            if r[0] - cur[-1][1] > 1.2 * max(r[4], cur[-1][4]):
                out.append(cur)
                cur = [r]
            else:
                cur.append(r)
        out.append(cur)
    return out


def _clear(piece: list[list], big: list[list], body: float, width: float) -> bool:
    """Short, and clear of the body text on its baseline: body runs beside it all on one side, a third of a body
    size away or more (a small-capital letter or a footnote marker touches the word it belongs to)."""
    x0, x1 = piece[0][0], piece[-1][1]
    top, bottom = min(r[2] for r in piece), max(r[3] for r in piece)
    if x1 - x0 > 0.4 * width:
        return False
    gap = 0.35 * body
    sides = set()
    for r in big:
        if min(bottom, r[3]) - max(top, r[2]) <= 0:
            continue
        if r[1] <= x0 - gap:
            sides.add("left")
        elif r[0] >= x1 + gap:
            sides.add("right")
        else:
            return False
    return len(sides) <= 1


def _stack(pieces: list[list[list]]) -> list[list[list[list]]]:
    """Pieces stacked into notes: the next line down in the same column (one left edge, or one right edge),
    no farther than two of its own type sizes below."""
    pieces = sorted(pieces, key=lambda p: (min(r[2] for r in p), p[0][0]))
    notes: list[list[list[list]]] = []
    for p in pieces:
        x0, x1, top = p[0][0], p[-1][1], min(r[2] for r in p)
        size = max(r[4] for r in p)
        home = None
        for note in reversed(notes):
            last = note[-1]
            step = top - min(r[2] for r in last)
            if 0 < step <= 2.0 * size and (abs(last[0][0] - x0) <= 2.0 or abs(last[-1][1] - x1) <= 2.0):
                home = note
                break
        if home is not None:
            home.append(p)
        else:
            notes.append([p])
    return notes


def _beside_prose(first: list[list], big: list[list], body: float) -> bool:
    """A line of body prose (a run of 20 characters or more) on the note's first baseline."""
    top, bottom = min(r[2] for r in first), max(r[3] for r in first)
    return any(len(r[6].strip()) >= 20 and min(bottom, r[3]) - max(top, r[2]) > 0 for r in big)


def _in_margin(note: list[list[list]], big: list[list]) -> bool:
    """The note stands in a margin, not in a column of the text: fewer than three runs of body prose on the page lie
    mostly (three fifths of their width or more) within the note's own width.  A statute's margin holds its notes
    and nothing else (its full-width lines run past a note set under them, far wider than it); a heading set in
    small bold type in the middle column of a three-column Federal Register page ("§ 1600.35 Refunds of default
    employee" / "contributions.") has its column's prose above and below it, and is that column's text, never a
    note beside the column to its left."""
    x0 = min(p[0][0] for p in note)
    x1 = max(p[-1][1] for p in note)
    inside = 0
    for r in big:
        if min(x1, r[1]) - max(x0, r[0]) >= 0.6 * (r[1] - r[0]) and len(r[6].strip()) >= 20:
            inside += 1
            if inside >= 3:
                return False
    return True


def _column_key(note: list[list[list]]) -> int:
    return round(min(p[0][0] for p in note) / 4)


def place_notes(lines: list, notes: list) -> list:
    """`lines` (Lines in reading order) with each note Line (`notes`) placed after the line it starts beside:
    the last line whose baseline band meets the note's first line, else the last line above it."""
    out = list(lines)
    for note in sorted(notes, key=lambda n: n.top):
        at: Optional[int] = None
        above: Optional[int] = None
        for k, ln in enumerate(out):
            if getattr(ln, "margin", False):
                continue
            if min(ln.bottom, note.top + (note.size or 1)) - max(ln.top, note.top) > 0:
                at = k
            elif ln.top <= note.top:
                above = k
        k = at if at is not None else above
        out.insert(0 if k is None else k + 1, note)
    return out
