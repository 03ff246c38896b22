"""A lettered paragraph's own roman list: each numeral a paragraph of its own, cited `6(c)(i)`.

A constitution or a set of rules letters its clauses' paragraphs (`c) A Secretary who will be responsible for:`)
and numbers a list under one of them in roman numerals, one provision a line (`(i) keeping the minutes of all
meetings of the Society.`, `(ii) ensuring that all correspondence is correctly handled.`).  Officers cite such an
item as they cite the letter, `6(c)(ii)`, and the corpus golds make it a paragraph wherever the letter above it is
one (229 of the 240 roman items under a lettered item; the 11 others are under letters kept as parts themselves;
`bench/lettered_convention.py`).  Where the numerals only complete the letter's sentence (`... except: i. to
move an amendment; ii. ...; or v. ...`: half the items before the last or more end `;` or `,`) the golds keep
them as the letter's parts (NALC's standing orders, Oak Bay's and Suffolk's by-laws), and so does this pass.

Runs last, on the paragraphs the segmenter read: only a paragraph numbered by a letter under its parent, only a
run `i`, `ii`, `iii` ... of one style at one edge, set no further left than the letter, opening lines of the
paragraph after its own first line.
"""
from __future__ import annotations

import re

from ..model import Section
from .lines import Body
from .paragraphs import Blocks, OpenParagraph
from .sequences import _X_TOL, _Label, _insert, _new_paragraph, _parse, _take

_LETTER = re.compile(r"^[a-z]$")
_COMPLETES = re.compile(r"(?:[;,]|[;,]?\s+(?:and|or)|[;,]\s*and/or)$", re.I)


def split_roman_lists(body: Body, done: list[OpenParagraph], blocks: Blocks, sections: list[Section]) -> None:
    """Make each member of a lettered paragraph's own roman list a paragraph under it (changes `done` in place)."""
    if not body.pdf or not done:
        return
    pos_of = {w.index: k for k, w in enumerate(body)}
    plans = [(k, run) for k, p in enumerate(done) if _lettered(p) for run in [_roman_run(body, k, p, pos_of)] if run]
    if not plans:
        return
    owner_of = {i: ("p", k) for k, p in enumerate(done) for i in p.lines}
    starts = {pos_of[p.lines[0]] for p in done if p.lines and p.lines[0] in pos_of}
    starts |= {m.pos for _, run in plans for m in run}
    new_paras: list[tuple[int, OpenParagraph]] = []
    cut_paras: dict[int, int] = {}
    cut_blocks: dict[int, set[int]] = {}
    for k, run in plans:
        p = done[k]
        for m in run:
            taken = _take(body, done, m, m.pos, p.lines, starts, pos_of, owner_of, cut_paras, cut_blocks)
            if taken is None:
                break  # a paragraph that cannot be cut by line keeps its list
            new_paras.append((m.pos, _new_paragraph(taken, f"{p.number}({m.label})", m.rest, p.section, p.heading,
                                                    m.label, p.number, body)))
    _insert(done, new_paras, cut_paras, cut_blocks, blocks, body, pos_of)


def _lettered(p: OpenParagraph) -> bool:
    """A paragraph cited by a letter under its parent (`6(c)`), not a numbered or top-level one."""
    return p.parent is not None and p.label is not None and bool(_LETTER.match(p.label)) \
        and p.number.endswith(f"({p.label})") and len(p.lines) >= 3


def _roman_run(body: Body, k: int, p: OpenParagraph, pos_of: dict[int, int]) -> list[_Label]:
    """The paragraph's lines opening `i`, `ii`, `iii` ... in one style at one edge, after its first line; none where
    the numerals complete the letter's sentence or stand left of the letter."""
    positions = [pos_of[i] for i in p.lines if i in pos_of]
    if len(positions) != len(p.lines):
        return []
    head = body[positions[0]]
    run: list[_Label] = []
    style = None
    for q in positions[1:]:
        w = body[q]
        parsed = _parse(w.text)
        if parsed is None:
            continue
        label, rest, keys = parsed
        romans = [(st, v) for st, v in keys if st[0] == "roman"]
        if not romans:
            continue
        st, v = romans[0]
        if not run and v == 1:
            style = st
        elif not (run and st == style and v == len(run) + 1 and abs(w.line.x0 - run[0].x) <= _X_TOL):
            continue
        run.append(_Label(q, label, rest, keys, w.line.x0, ("p", k), False, w.line.page))
    if len(run) < 2 or run[0].x < head.line.x0 - 3:
        return []
    ends = [body[m.pos - 1].text.rstrip() for m in run[1:]]
    if sum(bool(_COMPLETES.search(e)) for e in ends) * 2 >= len(ends):
        return []  # "... except: i. ...; ii. ...; or iii. ...": parts of the letter's one sentence
    return run
