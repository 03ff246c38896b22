"""Registers of numbered items: a paper whose numbers are ids, each heading one item whose text is its paragraph.

An order paper's notices of motions print each motion as a numbered title in capitals ("963 SAVE BBC 6 MUSIC AND
ASIAN NETWORK CAMPAIGN   1:3:10"), the names in support under it, then the motion's text.  The numbers are ids
given out as items are tabled, so they rise with gaps (960, 961, 963, 971): not a document's own outline, where
sections count 1, 2, 3.  Each such title heads a section, and the item's prose (the first line indented like a
paragraph's first line over a justified block) is the paragraph with the title's number, as the item is cited.
"""
from __future__ import annotations

import re
from dataclasses import replace

from .lines import Body, caps

_TITLE = re.compile(r"^(\d{1,5})\s+(\S.*)$")  # "963 SAVE BBC 6 MUSIC ...", "1060 CIVIL SERVICE ..." (no dot)
_TRAILING_REF = re.compile(r"\s+\d{1,2}[:/.]\d{1,2}[:/.]\d{2,4}$")  # "1:3:10": the date tabled, at the right margin


def register_titles(body: Body) -> set[int]:
    """The lines that title the items of a register: numbered, in capitals, after a gap, rising with gaps.

    At least three, nearly every one higher than the last, and at least three steps (and a tenth of them) more than
    one: a document's own sections count on, 1, 2, 3, so minutes' items and reports' chapters are not registers."""
    idx, numbers = [], []
    for i, w in enumerate(body):
        m = _TITLE.match(w.text.strip())
        if m and w.gap_before and caps(m.group(2)) and int(m.group(1)) > 0:
            idx.append(i)
            numbers.append(int(m.group(1)))
    if len(idx) < 3:
        return set()
    steps = [b - a for a, b in zip(numbers, numbers[1:])]
    gaps = sum(1 for s in steps if s > 1)
    # (a paper may list older items again at its end: "names withdrawn" from 874, 908)
    if sum(1 for s in steps if s <= 0) > 0.1 * len(steps) or gaps < 3 or gaps < len(steps) / 10:
        return set()
    # and no numbered paragraph between two titles: a report whose headings share the paragraphs' sequence
    # ("5 POLICY" after paragraphs 2 to 4) rises with gaps too, but its sections hold numbered paragraphs
    titles = set(idx)
    if any(w.gap_before and w.label is not None and w.label.kind == "number" and i not in titles
           for i, w in enumerate(body) if idx[0] < i < idx[-1]):
        return set()
    return titles


def title_lines(body: Body, i: int) -> tuple[str, str, int]:
    """A register title's number, its text (its right-margin date taken off) and how many lines it takes."""
    m = _TITLE.match(body[i].text.strip())
    assert m is not None
    parts = [_TRAILING_REF.sub("", m.group(2)).strip()]
    used = 1
    while i + used < len(body):
        w = body[i + used]
        if w.gap_before or w.label is not None or not caps(w.text) or w.line.page != body[i].line.page:
            break
        parts.append(_TRAILING_REF.sub("", w.text).strip())
        used += 1
    return m.group(1), " ".join(parts), used


def item_text_starts(body: Body, i: int) -> bool:
    """Line i opens an item's prose: set in from the line under it (a first-line indent) and justified to the right
    margin, like the line under it unless that one ends the text (a row of names may be indented too, but stops
    short)."""
    if i + 1 >= len(body):
        return False
    a, b = body[i], body[i + 1]
    if b.line.page != a.line.page or b.gap_before or b.label is not None or a.label is not None:
        return False
    flush = body.right_edge_of(a.line) - 1.5 * (a.line.size or 10)
    # the line under it runs to the margin too, or is the text's last line (a motion of two lines)
    last = re.search(r"[.!?][\"'”’)]*$", b.text.rstrip()) is not None and (
        i + 2 >= len(body) or body[i + 2].gap_before or body[i + 2].line.page != b.line.page)
    return a.line.x0 >= b.line.x0 + 3 and a.line.x1 >= flush and (b.line.x1 >= flush or last)


# an amendment's own tag at its text's end, after the date it was tabled: "... insert ‘April 2008’.   9:3:10 (a1)"
_AMENDMENT_TAG = re.compile(r"(?:\s+\d{1,2}[:/.]\d{1,2}[:/.]\d{2,4})?\s+\((a\d{1,2})\)\s*$")


def amendments(body: Body, titles: set[int]) -> dict[int, str]:
    """The amendments printed under a register's items ("As Amendments to Mr Mike Hancock's proposed Motion ...:",
    the names, then "Line 1, after ‘Day’, insert ...   16:3:10 (a1)"): by the line their text starts on, the
    tag they are cited by ("a1", the item's amendment 1).  The tag and the date before it are taken off the text's
    last line.  A block of the item's text ending with such a tag, after a gap; nothing where there is no register."""
    out: dict[int, str] = {}
    if not titles:
        return out
    first = min(titles)
    i = first
    while i < len(body):
        w = body[i]
        if i <= first or i in titles or not w.gap_before or w.label is not None:
            i += 1
            continue
        j = i
        while j < len(body) and j - i < 30 and (j == i or not body[j].gap_before) and j not in titles:
            m = _AMENDMENT_TAG.search(body[j].text)
            if m:
                text = body[j].text[: m.start()].rstrip()
                if text:
                    body[j].set_line(replace(body[j].line, text=text))
                    out[i] = m.group(1)
                break
            j += 1
        i = j + 1 if i in out else i + 1
    return out


_RECORD = re.compile(r"^(\d{1,5})\s+([^:]{3,}):\s+(?=\S*[a-z])(.*)$")


def register_records(body: Body, titles: set[int]) -> dict[int, tuple[str, str]]:
    """Items a register only records, one line or two of their own under a heading ("NAMES WITHDRAWN" / "908
    SCIENCE AND TECHNOLOGY COMMITTEE REPORT ON HOMEOPATHY: Tim Farron has withdrawn his name."): the number, the
    item's title in capitals, a colon and what happened, in running text.  Each is a paragraph with the item's
    number, not a title: no names and no motion follow.  By line, the number and the text after it; nothing where
    there is no register."""
    out: dict[int, tuple[str, str]] = {}
    if not titles:
        return out
    first = min(titles)
    for i, w in enumerate(body):
        if i <= first or not w.gap_before:
            continue
        m = _RECORD.match(w.text.strip())
        if m and caps(m.group(2)) and int(m.group(1)) > 0:
            out[i] = (m.group(1), w.text.strip()[len(m.group(1)):].strip())
    return out


def id_numbers(body: Body) -> dict[int, tuple[str, str]]:
    """Items numbered with ids that rise with gaps, as a parliament numbers its questions as they are tabled ("37.
    Mr V M Manzini (DA-Mpumalanga) (p 204)—Cooperative Governance ...", "106. Mr D Joseph ...", "144.", "152."),
    one under another, each on a line of its own after the last one ended: each is a paragraph with its id.

    A run of at least eight numbered lines, every number higher than the one before (at whatever margin: facing
    pages, and a page's later part, may set it apart), each opening with a capital, after the last item ended, and
    at least a quarter of the steps (and three) more than one: a paper's own paragraphs count on, 1, 2, 3, and
    never make such a run.  By line, the number as printed and the text after it; nothing in any other paper."""
    cands = []
    for i, w in enumerate(body):
        lab = w.label
        if lab is None or lab.kind != "number" or lab.word or len(lab.levels) != 1 or not lab.dotted \
                or not lab.rest[:1].isupper():
            continue
        prev = body[i - 1] if i > 0 else None
        if prev is not None and not w.gap_before and body.full_line(prev.line) and not caps(prev.text) \
                and not re.search(r"[.!?)\]][\"'”’]*$", prev.text.rstrip()):
            continue  # "... as set out in paragraph" / "12. Therefore": a number wrapped mid-sentence
        cands.append(i)
    out: dict[int, tuple[str, str]] = {}
    run: list[int] = []

    def close() -> None:
        nums = [body[k].label.levels[0] for k in run]
        steps = [b - a for a, b in zip(nums, nums[1:])]
        jumps = sum(1 for s in steps if s > 1)
        if len(run) >= 8 and jumps >= max(3, len(steps) / 4):
            for k in run:
                out[k] = (body[k].label.number, body[k].label.rest)

    for i in cands:
        if run and body[i].label.levels[0] <= body[run[-1]].label.levels[0]:
            close()
            run = []
        run.append(i)
    if run:
        close()
    return out


def ends_id_item(body: Body, i: int) -> bool:
    """Line i, under an id's item, is a title of its own, not the item's words: a short line in capitals on a line
    below the last ("FRIDAY, 28 MARCH 2013" over the next day's questions; a reference "CW647E" set level with the
    item's last line at the right margin is the item's)."""
    w = body[i]
    if w.label is not None or not caps(w.text) or len(w.text.split()) > 6 or i == 0:
        return False
    prev = body[i - 1]
    return prev.line.page != w.line.page or w.line.top - prev.line.top > 0.5 * (w.line.size or 10.0)
