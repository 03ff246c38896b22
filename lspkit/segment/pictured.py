"""Paragraph numbers a word processor drew as pictures: the number read from the headings above and the order.

Word can print its automatic paragraph numbers ("3.1.", "4.1.", ...) as small images: the page shows the number,
the text layer has none.  The reader marks a line that opens right after such a picture (`read.pdf.PICTURE` where
the number stood).  The number follows from the numbered line above it: the first after "4. Prohibitions" is 4.1,
the next 4.2; after "3.7" the next is 3.8.  Where nothing numbered stands above, or the paper draws only one such
picture (a picture bullet, an icon), the mark is taken out and the line read as printed.  A warning says which
numbers were inferred, to be checked against the page.
"""
from __future__ import annotations

from dataclasses import replace
from typing import Optional

from ..read.pdf import PICTURE
from .lines import WorkLine
from .numbering import parse_label


def picture_numbers(work: list[WorkLine]) -> list[str]:
    """Put the inferred number in place of each drawn label (see the module); the warnings to give."""
    marked = [w for w in work if w.text.startswith(PICTURE)]
    if not marked:
        return []
    xs = sorted(w.line.x0 for w in marked)
    # two or more at one margin: a series of numbers, not a lone icon
    series = len(marked) >= 2 and any(b - a <= 3.0 for a, b in zip(xs, xs[1:]))
    last: Optional[tuple[int, ...]] = None  # the number above, as printed or inferred
    titled = False  # and whether it heads a section (its items go one level down) or numbers a paragraph
    inferred: list[tuple[str, int]] = []
    for k, w in enumerate(work):
        if w.text.startswith(PICTURE):
            rest = w.text[len(PICTURE):].lstrip()
            levels = None
            if _heads(work, k, rest):
                last = None  # a numbered heading over its own text ("Block Contract" / "3.4.2.1 ..."): a section,
                # whose number nothing above gives; its text reads as printed, and the count waits for a printed number
            elif series and last is not None:
                levels = last + (1,) if titled or len(last) == 1 else last[:-1] + (last[-1] + 1,)
            number = ".".join(str(x) for x in levels) if levels is not None else None
            text = f"{number} {rest}" if number else rest
            w.set_line(replace(w.line, text=text))
            w.label = parse_label(text)
            if number:
                inferred.append((number, w.line.page))
                last, titled = levels, _title(work, k, rest)
            continue
        lab = w.label
        if lab is not None and lab.kind == "number" and w.gap_before and lab.levels and len(lab.levels) <= 4:
            last, titled = tuple(lab.levels), _title(work, k, lab.rest)
    if not inferred:
        return []
    pages = sorted({p for _, p in inferred})
    shown = ", ".join(n for n, _ in inferred[:6]) + (" ..." if len(inferred) > 6 else "")
    return [f"{len(inferred)} paragraph numbers are drawn as pictures, not text (pages {pages[0]}-{pages[-1]}): "
            f"read as {shown} from the numbered headings above them and their order; check them against the page"]


def _title(work: list[WorkLine], k: int, rest: str) -> bool:
    """Line k, its number aside, is a heading: a few words standing alone that end no sentence ("Application and
    Interpretation"), so the numbers below it go one level down (2.1 under 2)."""
    t = rest.strip()
    return 0 < len(t.split()) <= 10 and t[:1].isupper() and not t.endswith((".", ";", ",", ":")) \
        and (k + 1 >= len(work) or work[k + 1].gap_before)



def _heads(work: list[WorkLine], k: int, rest: str) -> bool:
    """Line k, drawn label aside, heads a section: a title (`_title`) with its own text below it, unnumbered prose
    or paragraphs numbered one level down ("Strategic Procurement Approach" / "The following high-level ...")."""
    if not _title(work, k, rest) or k + 1 >= len(work):
        return False
    nxt = work[k + 1]
    if nxt.text.startswith(PICTURE):
        return False
    lab = nxt.label
    if lab is None:
        return True
    return lab.kind == "number" and len(lab.levels) >= 2 and lab.levels[-1] == 1
