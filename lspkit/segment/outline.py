"""Outlines: paragraphs labelled `A.`, `1.`, `a.`, `i.` level below level, each level set further in, under headings.

Bylaws and constitutions (a student senate's, a society's) print their provisions as an outline under each
article: `A. The purpose of these bylaws ...`, below it `1. The general purpose ...`, below that `a. ...` and
`i. ...`, the letters restarting under each article.  Every item is a provision of its own, cited by its path
(`I:A`, `I:A.1`, `IV:B.2.a`); an item's text ends where the next label at any level starts.

A document is set in an outline when capital-letter items run in at least two series `A.`, `B.` at one margin,
each series restarting under a new heading, and the items are prose (a sentence that runs on, not a one-line
title).  Then each level is a list at its own margin: a label at the margin of an open list that continues its
labels is that list's next item; set further in, a first label (`A`, `1`, `a`, `i`) opens a list below the item
before, unless it is wrapped into the middle of a sentence.  Labels in a typeset outline are right-aligned ("M."
starts left of "I."), so a margin is matched within most of an em.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Optional

from .numbering import letter_kind, _roman_value

if TYPE_CHECKING:
    from .lines import Body

# "A.", "1.", "a.", "ii." and, deeper down, bracketed "(i)", "(I)", "(A)"
_ITEM = re.compile(r"^(?:([A-Z]|\d{1,2}|[a-z]|[ivx]{2,6})[.)]|\(([a-z]|[ivx]{1,6}|[A-Z]|[IVX]{1,6}|\d{1,2})\))\s+(?=\S)(.*)$",
                   re.S)
# a sentence's verbs: "The student body is divided into ...:" introduces items but is a provision itself
_VERB = re.compile(r"\b(?:is|are|was|were|be|shall|should|may|must|will|can|has|have|means|refers|consists?)\b", re.I)
_FIRST = {"A": "upper", "1": "number", "a": "letter", "i": "roman"}
_FIRST_BRACKETED = {"A": "(upper)", "1": "(number)", "a": "(letter)", "i": "(roman)", "I": "(uroman)"}


def item_label(text: str) -> Optional[tuple[str, str, bool]]:
    """A line's outline label, its text, and whether the label is bracketed."""
    m = _ITEM.match(text.lstrip())
    if not m:
        return None
    return (m.group(1) or m.group(2)), m.group(3).strip(), m.group(2) is not None


def _kind(label: str, prev: Optional[str], bracketed: bool) -> str:
    if label.isdigit():
        kind = "number"
    elif label.isupper():
        kind = "uroman" if bracketed and prev is not None and re.fullmatch(r"[IVX]+", prev) and len(prev) + len(
            label) > 2 or len(label) > 1 else "upper"
    else:
        kind = letter_kind(prev, label)
    return f"({kind})" if bracketed else kind


def _follows(kind: str, last: str, label: str) -> bool:
    kind = kind.strip("()")
    if kind == "number":
        return label.isdigit() and int(label) == int(last) + 1
    if kind in ("upper", "letter"):
        return len(label) == 1 and label.isalpha() and label.isupper() == (kind == "upper") \
            and ord(label) == ord(last) + 1
    if kind == "uroman":
        return bool(re.fullmatch(r"[IVX]+", label)) and _roman_value(label.lower()) == _roman_value(last.lower()) + 1
    return bool(re.fullmatch(r"[ivx]+", label)) and _roman_value(label) == _roman_value(last) + 1


def _skips_one(kind: str, last: str, label: str) -> bool:
    """`label` follows `last` with one letter or number left out, as printed ("C." then "E.": no "D." on the
    page): the list goes on, at its margin, after a gap, a sentence opening."""
    kind = kind.strip("()")
    if kind == "number":
        return label.isdigit() and int(label) == int(last) + 2
    if kind in ("upper", "letter"):
        return len(label) == 1 and label.isalpha() and label.isupper() == (kind == "upper") \
            and ord(label) == ord(last) + 2
    return False


@dataclass
class _Level:
    x: float
    kind: str
    last: str
    ident: str  # the open item's path at this level


@dataclass
class Item:
    ident: str
    label: str
    rest: str
    parent: Optional[str]
    title: bool = False  # a part's title ("B. Student Senators:"), its items below it


class OutlineItems:
    """The outline while segmenting: the open levels under the current heading."""

    def __init__(self, body: "Body") -> None:
        self.mode = body.pdf and set_in_outline(body)
        self.stack: list[_Level] = []
        self.sections = 0

    def step(self, body: "Body", i: int, section: Optional[str], sections: int, mid_sentence: bool) -> Optional[Item]:
        """Does line i start an item of the outline?  Then record it and say which."""
        if not self.mode:
            return None
        if sections != self.sections:  # a new heading: its outline starts afresh
            self.sections, self.stack = sections, []
        w = body[i]
        got = item_label(w.text)
        if got is None:
            return None
        label, rest, bracketed = got
        x = w.line.x0
        tol = 0.8 * (w.line.size or 10.0)
        # the open level at this margin, if the label continues it
        for k in range(len(self.stack) - 1, -1, -1):
            lv = self.stack[k]
            if abs(x - lv.x) <= tol:
                kind = _kind(label, lv.last, bracketed)
                if lv.kind.strip("()") == "uroman" and kind.strip("()") == "upper":
                    kind = lv.kind  # "(II)" after "(I)"
                if kind == lv.kind and (_follows(lv.kind, lv.last, label) or _skips_one(lv.kind, lv.last, label)
                                        and w.gap_before and rest[:1].isupper()):
                    del self.stack[k + 1:]
                    return self._open(body, i, section, k, x, kind, label, rest)
                break
        first = _FIRST_BRACKETED if bracketed else _FIRST
        # a first item starts as a sentence does, or (lower case) after a lead-in ending "...:" on the line before
        if label not in first or not rest[:1].isupper() and not rest[:1] in "“\"‘(" \
                and not (i > 0 and body[i - 1].text.rstrip().endswith(":")):
            return None
        if self.stack and x <= self.stack[-1].x + tol and not (x > self.stack[-1].x + 2
                                                                and first[label] != self.stack[-1].kind):
            # a first label at or left of the open level: not a list below it; but a first label of another kind
            # set in, if only by a little ("(A)" under "(I)", the labels right-aligned), opens the level below
            return None
        if self.stack and mid_sentence and not re.search(r"[:;.]\s*$", body[i - 1].text):
            return None  # "... section" / "1. of the Constitution": wrapped into a sentence
        if not self.stack and label != "A":
            return None  # an outline under a heading opens with its top level
        return self._open(body, i, section, len(self.stack), x, first[label], label, rest)

    def _open(self, body: "Body", i: int, section: Optional[str], depth: int, x: float, kind: str, label: str,
              rest: str) -> Item:
        parent = self.stack[depth - 1].ident if depth else None
        if parent is not None:
            ident = f"{parent}.{label}"
        else:
            ident = f"{section}:{label}" if section is not None else label
        level = _Level(x, kind, label, ident)
        if depth < len(self.stack):
            self.stack[depth] = level
            del self.stack[depth + 1:]
        else:
            self.stack.append(level)
        # "B. Student Senators:" alone on its line over the items below it: the title of a part, not a provision
        # (a running header at a page's top may stand between it and its first item)
        nxt = next((body[j] for j in range(i + 1, min(i + 3, len(body))) if item_label(body[j].text) is not None
                    or body[j].line.page == body[i].line.page), None)
        title = (rest.endswith(":") or not re.search(r"[.;,]$", rest)) and len(rest.split()) <= 12 \
            and not _VERB.search(rest) and nxt is not None \
            and nxt.line.x0 > x + 0.8 * (nxt.line.size or 10.0) and item_label(nxt.text) is not None
        return Item(ident, label, rest, parent if parent is not None else section, title)


def set_in_outline(body: "Body") -> bool:
    """At least two series of capital-letter items `A.`, `B.` at one margin, each `A.` a sentence that runs on; or
    one long series (a by-law's section `A.` to `K.`) whose items hold bracketed sub-items `(1)`, `(2)` set in."""
    return _two_series(body) or _long_series(body)


def _long_series(body: "Body") -> bool:
    """One series `A.` to at least `H.` at one margin, in order with none left out, `A.` a sentence that runs on,
    and under at least three of its items a bracketed `(1)` set further in: a zoning by-law's section ("A. Purpose.
    The purposes of ... are:" / "(1) ..." / "(a) ...").  A report's lettered parts hold numbered paragraphs."""
    x: Optional[float] = None
    last, armed, subs = "", False, 0
    for w in body:
        got = item_label(w.text)
        if got is None:
            continue
        label, rest, bracketed = got
        size = w.line.size or 10.0
        if not bracketed and label == "A" and rest[:1].isupper() and len(rest.split()) >= 6:
            x, last, armed, subs = w.line.x0, "A", True, 0
        elif x is None:
            continue
        elif not bracketed and abs(w.line.x0 - x) <= 0.8 * size and len(label) == 1 and label.isupper():
            if ord(label) != ord(last) + 1 or not rest[:1].isupper():
                x = None
                continue
            last, armed = label, True
        elif bracketed and label == "1" and armed and w.line.x0 > x + 0.8 * size:
            subs, armed = subs + 1, False
        if x is not None and last >= "H" and subs >= 3:
            return True
    return False


def _two_series(body: "Body") -> bool:
    found = 0
    first: Optional[tuple[float, float]] = None  # (x, size) of the last "A." that runs on
    for j, w in enumerate(body):
        got = item_label(w.text)
        if got is None:
            continue
        label, rest, _ = got
        if label == "A" and rest[:1].isupper() and len(rest.split()) >= 6:
            first = (w.line.x0, w.line.size or 10.0)
        elif label == "B" and first is not None and abs(w.line.x0 - first[0]) <= 0.8 * first[1] \
                and rest[:1].isupper():
            found += 1
            first = None
            if found >= 2:
                return True
    return False
