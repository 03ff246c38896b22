"""Code listings: the line numbers a word processor's code style prints down a shaded box are no paragraph numbers.

A technical paper sets its SQL, its calls and its identifiers in boxes of smaller type, each line numbered from 1
in the box's text (`1 CALL property.create_mv_...();`, `1 SELECT *` / `2 FROM property.get_rule_record(...)`, a
typed list inside one: `1 1. property_grz_...`).  Read as labels they make paragraph 1, 2, 3 of every box, and a
paper's real numbered paragraphs after them look out of sequence.  A box is a listing where its numbered lines
count 1, 2, 3 ... with no number missing, each a bare number (no stop, no bracket) at one margin, and the box's
text is set smaller than the paper's body; its numbers are then taken as the listing's, not labels.
"""
from __future__ import annotations

import re
from typing import Sequence

from .lines import WorkLine

_BARE = re.compile(r"^\s*(\d{1,3})(?:\s+|$)(?!\.)")


def unlabel_listings(work: Sequence[WorkLine], size: float) -> None:
    """Take the labels off the numbered lines of every code listing (see above)."""
    if not size:
        return
    boxes: dict[tuple[int, int], list[WorkLine]] = {}
    for w in work:
        if w.line.box and not w.role:
            boxes.setdefault((w.line.page, w.line.box), []).append(w)
    for lines in boxes.values():
        numbered = [(w, _BARE.match(w.text)) for w in lines]
        numbered = [(w, int(m.group(1))) for w, m in numbered if m and not re.match(r"\s*\d{1,3}\s*[.)]", w.text)]
        if not numbered or [n for _, n in numbered] != list(range(1, len(numbered) + 1)):
            continue
        x = numbered[0][0].line.x0
        if any(abs(w.line.x0 - x) > 2.0 for w, _ in numbered):
            continue
        texts = [w for w in lines if not re.fullmatch(r"\s*\d{1,3}\s*", w.text)]
        if not texts or any(w.line.size >= size - 0.5 for w in texts):
            continue
        for w, _ in numbered:
            w.label = None
