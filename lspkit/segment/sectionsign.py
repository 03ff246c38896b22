"""Sections numbered with the section sign, each running on into its text: a local law's or a statute's "§ 2.
Composition of the commission. a. The commission shall consist of ...", then "b. The speaker ...", a list "1.",
"2." under a subdivision that introduces it, and "§ 3. ..." (a first section printed "Section 1." as such laws open).

The section is the paragraph cited "§ 2" (its run-in title its text where a subdivision follows on the same line,
else the title and all its text); each lettered subdivision the paragraph "§ 2(a)", each numbered item under it
"§ 2(a)(1)".  Subdivisions and items are set at the section's own first-line indent, one under another in
sequence (a, b, c; 1, 2, 3 under the latest subdivision or the section); any other line goes on with the unit
above.  A section ends at the next section, or at a line set apart by a gap (not a page's first line) or in
another type size (a clerk's certificate after the last section).

Gated on the series: two or more "§ N." lines at one margin, each running on into prose and each after a line
that ended a sentence (a citation "§ 2" wrapped to a line's start is mid-sentence).  A section sign with only a
title on its line ("§ 1 - Definitions", its text below) heads a section and is left to the heading passes; a
paper that uses "§" as a bullet glyph prints no number and a full stop after it.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Optional

from .paragraphs import SENTENCE_END

if TYPE_CHECKING:
    from .lines import Body

_SIGN = re.compile(r"^§\s?(\d{1,4}(?:[-.]\d{1,4})*[A-Za-z]?)\.?\s+(?=[A-Z“\"‘(])(.*)$", re.S)  # "§ 2. ", "§ 1-101 "
_FIRST = re.compile(r"^(?:Section|SECTION)\s+(\d{1,3})\.\s+(?=[A-Z“\"‘(])(.*)$", re.S)  # "Section 1. There is ..."
# a run-in title and the first subdivision glued on after it ("Composition of the commission. a. The ...")
_TITLE_THEN_A = re.compile(r"^(.{1,120}?[.:])\s+a\.\s+(?=[A-Z“\"‘(])(.*)$", re.S)
_LETTER = re.compile(r"^([a-z])\.\s+(?=\S)(.*)$", re.S)
_ITEM = re.compile(r"^(\d{1,2})\.\s+(?=\S)(.*)$", re.S)


@dataclass(frozen=True)
class Unit:
    """A paragraph a line starts: its id as cited, its own label, the unit it hangs from, its first text."""

    ident: str
    label: Optional[str]
    parent: Optional[str]
    rest: str


@dataclass
class SignedSections:
    """The lines the sections claim, and the units each starts (in order: a line may start two)."""

    lines: set[int] = field(default_factory=set)
    starts: dict[int, list[Unit]] = field(default_factory=dict)
    ends: set[int] = field(default_factory=set)  # the lines right after a unit's last: they close it


def signed_sections(body: Body) -> SignedSections:
    """The sections of a paper numbered "§ N." that run on into their text (see the module's docstring)."""
    out = SignedSections()
    if not body.pdf or not any(w.text.lstrip().startswith("§") for w in body):
        return out  # (the cheapest sign: no line opens with a section sign)
    heads: list[tuple[int, str, str]] = []  # (line, number, rest) of each section that runs on
    for i, w in enumerate(body):
        m = _SIGN.match(w.text.lstrip())
        if m is None or not _after_sentence(body, i):
            continue
        number, rest = m.group(1), m.group(2).strip()
        if _runs_on(rest):
            heads.append((i, f"§ {number}", rest))
    if len(heads) < 2:
        return out
    xs = sorted(body[i].line.x0 for i, _, _ in heads)
    x = xs[len(xs) // 2]
    heads = [h for h in heads if abs(body[h[0]].line.x0 - x) <= 2.0]
    if len(heads) < 2:
        return out
    first = heads[0][0]
    for j in range(first - 1, max(first - 30, -1), -1):  # "Section 1. There is ...": the law's first section
        m = _FIRST.match(body[j].text.lstrip())
        if m and abs(body[j].line.x0 - x) <= 2.0 and _after_sentence(body, j) and _runs_on(m.group(2)):
            heads.insert(0, (j, f"Section {m.group(1)}", m.group(2).strip()))
            break
        if body[j].label is not None and body[j].label.kind != "bullet":
            break
    ends = [h[0] for h in heads[1:]] + [len(body)]
    for (i, ident, rest), stop in zip(heads, ends):
        _claim(body, i, ident, rest, stop, x, out)
    return out


def _after_sentence(body: Body, i: int) -> bool:
    """Line i opens a unit, not the wrap of a sentence ("... as defined in" / "§ 3-211 of the code"): the line
    above ended a sentence or a list's item ("... by the public advocate; and"), or line i opens a page or comes
    after a gap."""
    if i == 0 or body[i].gap_before or body[i - 1].line.page != body[i].line.page:
        return True
    above = body[i - 1].text.rstrip()
    return bool(SENTENCE_END.search(above) or _ITEM_END.search(above))


_ITEM_END = re.compile(r"[;,]\s+(?:and|or)$")


def _runs_on(rest: str) -> bool:
    """The text after a section's label runs on as prose (a title then a sentence, or a sentence), not a title
    alone over text below it."""
    return len(rest.split()) >= 6 or bool(re.search(r"[.:]\s+\S", rest))


def _claim(body: Body, i: int, ident: str, rest: str, stop: int, x: float, out: SignedSections) -> None:
    """Claim the section opened at line i, up to line `stop` at the latest: its units and their lines."""
    size = body[i].line.size
    m = _TITLE_THEN_A.match(rest)
    units = [Unit(ident, None, None, m.group(1).strip() if m else rest)]
    letter: Optional[str] = None  # the last subdivision's letter
    item = 0  # the last item's number under the current subdivision (or the section)
    if m:
        letter = "a"
        units.append(Unit(f"{ident}(a)", "a", ident, m.group(2).strip()))
    out.starts[i] = units
    out.lines.add(i)
    for j in range(i + 1, stop):
        w = body[j]
        page_top = body[j - 1].line.page != w.line.page
        if (w.gap_before and not page_top) or (size and abs(w.line.size - size) > 1.0):
            out.ends.add(j)
            return  # a block of its own after the section: not its text
        out.lines.add(j)
        if abs(w.line.x0 - x) > 2.0:
            continue
        text = w.text.lstrip()
        lm = _LETTER.match(text)
        expected = "a" if letter is None else chr(ord(letter) + 1)
        if lm and lm.group(1) == expected and _after_sentence(body, j):
            letter, item = expected, 0
            out.starts[j] = [Unit(f"{ident}({letter})", letter, ident, lm.group(2).strip())]
            continue
        im = _ITEM.match(text)
        if im and int(im.group(1)) == item + 1 and _after_sentence(body, j):
            item += 1
            parent = f"{ident}({letter})" if letter else ident
            out.starts[j] = [Unit(f"{parent}({item})", str(item), parent, im.group(2).strip())]
