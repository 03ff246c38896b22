"""Figure captions: "Figure 9" / "Enlarged photograph of failure point ..." with its credit ("Photograph courtesy of
...") and the labels drawn on the figure, set in type smaller than the text's.

Accident and inspection reports set a figure between the lines of a paragraph, or on a page of its own after it:
the caption's label ("Figure 3", "Photo 2", "Map 1"), the caption, the credit and the words printed on a chart or a
diagram ("position of grounding", "NOT TO BE USED FOR NAVIGATION") are lines of the page, in smaller type.  They are
never the paragraph's text; the paragraph goes on after the figure where its sentences resume.

A caption's label alone is the sign: a line opening with the word and a number, short, in type smaller than the
body's.  The lines next to it on its page in type as small or smaller, unlabelled, are the figure's too.  Cheapest
sign first: only lines opening with a caption word's first letter are matched.
"""
from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .lines import Body

_LABEL = re.compile(r"(?:Figure|Fig\.?|Photograph|Photo|Plate|Diagram|Map|Chart|Graph|Image|Illustration)\s+"
                    r"\d{1,3}[a-z]?(?:[.:\-–—]|\s|$)")


def figure_captions(body: "Body") -> set[int]:
    """The body lines (by index) of the figures' captions, credits and drawn labels (see above)."""
    out: set[int] = set()
    if not body.pdf or not body.size:
        return out
    for i, w in enumerate(body):
        t = w.text.lstrip()
        if t[:1] not in "FPDMCGI" or not _LABEL.match(t) or len(t.split()) > 14 or w.label is not None \
                or not w.line.size or w.line.size >= 0.95 * body.size:
            continue
        limit = w.line.size + 0.3
        out.add(i)
        for step in (-1, 1):
            j = i + step
            while 0 <= j < len(body):
                v = body[j]
                if v.line.page != w.line.page or v.label is not None or not v.line.size or v.line.size > limit:
                    break
                out.add(j)
                j += step
    return out
