"""The last pass of segmenting: a label that continues a series the segmenter already read starts a paragraph.

The layout rules recognise one family of layouts at a time, and `sequences` trusts labels it finds left as text
only in runs of three or more (or the one missing between two found).  A paper from an unseen publisher still
leaves single members behind: "(b)" glued into the paragraph "(a)" started, "3.2" inside "3.1", "C." in an
unnumbered block after "B." was read.  The evidence here is the document's own numbering: a line opening with
the next value of a series whose member just before it, at the same left edge and nothing set further left in
between, is a paragraph the segmenter started.  The layout must agree as well: the line above ended its sentence
(or stopped short of the margin), the label's text reads as prose rather than a heading or a list of names, and
it is no contents line, caption, boxed or small-type text, date or amount.  Each accepted start is itself a
member the next one may continue ("(c)" after a recovered "(b)").  A list numbered from 1 again in an unnumbered
block is read the way the segmenter read such lists at that edge elsewhere in the paper (as paragraphs), unless
its letters complete a lead-in ("... are:" / "a. To make ...").
"""
from __future__ import annotations

import re
from typing import Optional

from ..model import Section
from .lines import Body
from .paragraphs import SENTENCE_END, Blocks, OpenParagraph
from .sequences import (
    _AMOUNT,
    _CAPTION,
    _CONTENTS,
    _X_TOL,
    _Label,
    _boxed,
    _insert,
    line_owners,
    _label_lines,
    _new_paragraph,
    _parse,
    _runs_on_into,
    _section_at,
    _take,
)

_RUN_IN = re.compile(r"^(?:[A-Z][\w'\u2019-]*)(?:\s+[\w'\u2019-]+){0,2}\.(?:\s|$)")
_REACH = 120  # lines back to look for the member before (a long paragraph's lines stand between two members)
_DATE = re.compile(r"^(?:January|February|March|April|May|June|July|August|September|October|November|December|"
                   r"Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\b|^(?:am|pm|a\.m\.|p\.m\.)\b", re.I)


def continue_series(body: Body, done: list[OpenParagraph], blocks: Blocks, sections: list[Section]) -> None:
    """Start a paragraph at each line whose label is the next member of a series the segmenter read.

    Changes `done` and `blocks` in place (a paragraph or block holding such a line keeps its lines before it)."""
    if not body.pdf or not done:
        return
    pos_of = {w.index: k for k, w in enumerate(body)}
    found: dict[int, OpenParagraph] = {}
    for p in done:
        if p.lines and p.lines[0] in pos_of:
            found[pos_of[p.lines[0]]] = p
    owner = line_owners(done, blocks)
    labels: dict[int, tuple] = {}
    for q in list(_label_lines(body)) + list(found):
        parsed = _parse(body[q].text)
        if parsed is not None:
            labels[q] = parsed
    boxes: dict = {}
    members: dict[int, tuple[str, Optional[str]]] = {}  # start -> (its label as printed, the number it hangs from)
    for q, p in found.items():
        if q in labels and _numbered_as(p, labels[q][0]) is not None:
            members[q] = (labels[q][0], _numbered_as(p, labels[q][0]))
    accepted: list[tuple[int, _Label, str, Optional[str]]] = []
    lists = _lists_like_found(body, labels, found, owner, boxes)
    for q in sorted(labels):
        if q in lists:
            w = body[q]
            label, rest, keys = labels[q]
            members[q] = (label, "")
            accepted.append((q, _Label(q, label, rest, keys, w.line.x0, owner[w.index], False, w.line.page), label,
                             None))
            continue
        w = body[q]
        where = owner.get(w.index)
        if q in found or where is None or not _reads_as_start(body, q, labels[q][1], boxes):
            continue
        sibling = _member_before(body, q, labels, members, found)
        if sibling is None:
            continue
        label, rest, keys = labels[q]
        parent = members[sibling][1]
        members[q] = (label, parent)
        accepted.append((q, _Label(q, label, rest, keys, w.line.x0, where, False, w.line.page), label, parent))
    if accepted:
        _apply(body, done, blocks, sections, accepted, found, pos_of, owner)


def _lists_like_found(body: Body, labels: dict[int, tuple], found: dict, owner: dict[int, tuple],
                      boxes: dict) -> set[int]:
    """The members of lists numbered from 1 again, in a style and at an edge where the segmenter read such lists
    as paragraphs (lists of two or more there, three members in all): "1. Create ...", "2. Give ..." under each
    lead-in in a block.  Only in blocks: a list inside a paragraph read is that paragraph's parts."""
    edges: dict[tuple, list[float]] = {}
    found_lists: dict[tuple, int] = {}
    for q in sorted(found):
        if q not in labels:
            continue
        for st, v in labels[q][2]:
            if v != 1:
                continue
            run = _run_from(body, q, st, labels, lambda r: r in found)
            if len(run) >= 2:
                key = (st, round(body[q].line.x0))
                found_lists[key] = found_lists.get(key, 0) + len(run)
                edges.setdefault(st, []).append(body[q].line.x0)
    if not edges:
        return set()
    out: set[int] = set()
    for q in sorted(labels):
        if q in found or q in out or owner.get(body[q].index) is None:
            continue
        x = body[q].line.x0
        for st, v in labels[q][2]:
            if v != 1 or not any(abs(x - e) <= _X_TOL for e in edges.get(st, ())):
                continue
            if sum(n for (s2, ex), n in found_lists.items() if s2 == st and abs(ex - x) <= _X_TOL) < 3:
                continue
            if owner[body[q].index][0] != "b":
                continue  # a list inside a paragraph read is that paragraph's parts, whatever the style
            run = _run_from(body, q, st, labels, lambda r: r not in found and owner.get(body[r].index) is not None)
            if len(run) < 2 or not all(_reads_as_start(body, r, labels[r][1], boxes,
                                                                    lettered=r == q and st[0] != "dec") for r in run):
                continue
            out.update(run)
            break
    return out


def _run_from(body: Body, q: int, style: tuple, labels: dict[int, tuple], ok) -> list[int]:
    """The members q, then value 2, 3, ... of `style` at q's edge, each the next label there and passing `ok`."""
    x = body[q].line.x0
    run = [q]
    v = next(v for st, v in labels[q][2] if st == style)
    r = q + 1
    while r < len(body) and r - run[-1] <= _REACH:
        if body[r].line.x0 < x - 3 and r not in labels:
            r += 1
            continue
        if r in labels and abs(body[r].line.x0 - x) <= _X_TOL:
            if (style, v + 1) not in labels[r][2] or not ok(r):
                break
            run.append(r)
            v += 1
        elif r in labels and body[r].line.x0 < x - 3:
            break  # a label further out: the list has ended
        r += 1
    return run


def _numbered_as(p: OpenParagraph, printed: str) -> Optional[str]:
    """What a found paragraph's number hangs from ("" for none), if its number is its printed label read that way
    (`3.1`; `3.1(a)` under `3.1`); None where it was numbered some other way (a heading's name, a section index)."""
    parent = getattr(p, "parent", None)
    if parent and p.number == f"{parent}({printed})":
        return parent
    return "" if p.number == printed else None


def _reads_as_start(body: Body, q: int, rest: str, boxes: dict, lettered: bool = False) -> bool:
    """Does the layout agree the line starts a paragraph: a sentence ended above, prose after the label, and no
    contents line, caption, box or small type, date or amount?  `lettered`: the first of a list of letters, which
    completing a lead-in above ("... are:", "... information on\u2014") is that sentence's parts."""
    w = body[q]
    if q == 0 or _runs_on_into(body, q):
        return False
    prev = body[q - 1]
    if not (SENTENCE_END.search(prev.text.rstrip()) or not body.full_line(prev.line)):
        return False  # "... in accordance with section" / "3.2 of the Act": a cross-reference read on
    if _CAPTION.match(rest) or _CONTENTS.search(w.text.rstrip()) or _DATE.match(rest) or _AMOUNT.search(rest):
        return False
    if (w.line.box and _boxed(body, w, boxes)) or (w.line.size and w.line.size < 0.92 * body.size):
        return False
    if body.big(w):
        return False  # set larger than the text: a heading the segmenter chose not to read as one
    t = rest.rstrip()
    words = t.split()
    if len(words) <= 7 and (t.endswith(":") or not SENTENCE_END.search(t)) and not body.full_line(w.line):
        return False  # "Term of Service:", "Dog Fund Account": a heading or a topic, no paragraph
    if len(words) <= 6 and all(not x[:1].isalpha() or x[:1].isupper() or len(x) <= 3 for x in words):
        return False  # "Brian Bergman, Council Member": a name in a list
    long = [x for x in words if x[:1].isalpha() and len(x) > 3]
    if (t.endswith(":") or not SENTENCE_END.search(t)) and long \
            and sum(x[:1].isupper() for x in long) >= 0.7 * len(long) and not _runs_on_below(body, q):
        return False  # "Persons with Mental Illness Involved in Critical Incidents", "Duties of the Chair of the
        # Finance Committee:": a heading in title case
    if _RUN_IN.match(t):
        return False  # "Purpose. This section ...", "General requirements.": a run-in heading, a section's title
    if lettered and body[q - 1].text.rstrip().endswith((":", "\u2014", "-")):
        return False  # "... the goals of the District are:" / "a. To make ...": letters completing a lead-in
    return True


def _runs_on_below(body: Body, q: int) -> bool:
    """Line q fills the line and its sentence runs on into the next in lower case ("c) Recognised Regional
    Co-operation Bodies are entitled to use the ILAC MRA Mark by itself" / "but are required to ..."): prose
    full of names, not a heading in title case (a title stops short of the margin, or wraps onto a capital)."""
    if q + 1 >= len(body) or not body.full_line(body[q].line):
        return False
    nxt = body[q + 1]
    return nxt.line.page == body[q].line.page and not nxt.gap_before and nxt.text[:1].islower()


def _member_before(body: Body, q: int, labels: dict[int, tuple], members: dict, found: dict) -> Optional[int]:
    """The start (found or recovered) of the member just before line q's in its series, at its edge; None if the
    nearest label of that series at that edge is not one, or a paragraph set further left comes between."""
    x = body[q].line.x0
    keys = labels[q][2]
    styles = {st for st, _ in keys}
    for r in range(q - 1, max(-1, q - _REACH), -1):
        if r in found and body[r].line.x0 < x - 3:
            return None  # a paragraph further out: another parent's series
        if r not in labels or abs(body[r].line.x0 - x) > _X_TOL:
            continue
        theirs = labels[r][2]
        if not styles & {st for st, _ in theirs}:
            continue
        if r in members and any((st, v - 1) in theirs for st, v in keys):
            return r
        return None
    return None


def _apply(body: Body, done: list[OpenParagraph], blocks: Blocks, sections: list[Section],
           accepted: list[tuple[int, _Label, str, Optional[str]]], found: dict, pos_of: dict[int, int],
           owner: dict[int, tuple]) -> None:
    starts = set(found) | {q for q, *_ in accepted}
    new_paras: list[tuple[int, OpenParagraph]] = []
    cut_paras: dict[int, int] = {}
    cut_blocks: dict[int, set[int]] = {}
    for q, lab, label, parent in accepted:
        kind, k = lab.owner
        src = done[k].lines if kind == "p" else blocks.indexes[k]
        taken = _take(body, done, lab, q, src, starts, pos_of, owner, cut_paras, cut_blocks)
        if taken is None:
            continue
        number = f"{parent}({label})" if parent else label
        section, heading = _section_at(done, q, pos_of, sections, body)
        new_paras.append((q, _new_paragraph(taken, number, lab.rest, section, heading,
                                            label if parent else None, parent or None, body)))
    _insert(done, new_paras, cut_paras, cut_blocks, blocks, body, pos_of)
