"""Headed clauses: a governing document's numbered clause titles over their own unlabelled prose.

A society's constitution, a club's rules or by-laws often number only their clause titles (`1. Name`, `3.2.
Senior Treasurer`, set bold on a line of their own) and set each clause's provision under its title as plain
prose, with no label of its own (`The name of the Society shall be ...`).  A reader cites that prose by the
title's number ("clause 3.2"), so it is the paragraph numbered as its title, the title the section's heading.
Read as any paper's, the prose is an unnumbered block between headings and the constitution has no paragraphs.

Switched on only in a paper that calls itself a constitution, by-laws or rules in a short title line of its first
page (a report about a council's constitution runs its title into more words, and numbers its own paragraphs).
"""
from __future__ import annotations

import re

from .lines import Body

# "CONSTITUTION", "Society Constitution", "Constitution of the Glasgow University Wireless Society (GUWS)",
# "OSGeo:UK Constitution", "Rules of the Club", "General By-laws"
_TITLE = re.compile(r"\b(?:constitution|by[- ]?laws?|bye[- ]?laws?|rules\s+of|articles\s+of\s+association)\b", re.I)
_REPORT = re.compile(r"\b(?:report|review|changes?|amendments?|update|proposals?|agenda|minutes)\b", re.I)


def calls_itself_constitution(body: Body) -> bool:
    """A short line on the first page names the paper a constitution (or by-laws, rules): its title, not a
    report's words about one ("Review of the Council's Constitution" is a report)."""
    for w in body[:60]:
        if w.line.page > 1:
            break
        t = w.text.strip()
        if len(t.split()) <= 12 and _TITLE.search(t) and not _REPORT.search(t):
            return True
    return False


def clause_prose(body: Body, i: int, number: str | None) -> bool:
    """Line i, right under the numbered clause title `number`, opens the clause's own prose: no label, a sentence's
    capital (or a quotation), in body type, not itself a title over more lines."""
    if number is None or i >= len(body):
        return False
    w = body[i]
    if w.label is not None:
        return False
    t = w.text.lstrip()
    if not (t[:1].isupper() or t[:1] in "“\"‘'"):
        return False
    if body.big(w) or w.line.bold and len(t.split()) <= 8:
        return False  # a sub-title in heading type, not the clause's words
    return len(t.split()) >= 3


def title_series(body: Body) -> set[int]:
    """The lines of a constitution's series of numbered clause titles, where every number of the series is one:
    `1.`, `2.`, ... counting up at one margin, each a few words with no stop ("1. Name", "6. Membership of the
    Society's Committee"), each over text set in from its number (its prose, or its lettered items), never right
    over the next number.  Set in the text's own type, such a title reads like a paragraph whose first line is
    short; the items of one series are one kind, and where every one is a title they are the clauses' headings."""
    if not body.pdf:
        return set()
    by_x: dict[int, list[int]] = {}
    for i, w in enumerate(body):
        lab = w.label
        if lab is not None and lab.kind == "number" and len(lab.levels) == 1 and not lab.word:
            by_x.setdefault(round(w.line.x0), []).append(i)
    for _, rows in sorted(by_x.items()):
        rows = [i for i in rows if all(abs(body[i].line.x0 - body[j].line.x0) <= 2.0 for j in rows[:1])]
        if len(rows) < 4 or [body[i].label.levels[0] for i in rows] != list(range(1, len(rows) + 1)):
            continue
        if all(_clause_title(body, i) for i in rows):
            return set(rows)
    return set()


def _clause_title(body: Body, i: int) -> bool:
    w = body[i]
    rest = w.label.rest.strip()
    words = rest.split()
    if not (0 < len(words) <= 8) or rest.endswith((".", ":", ";", ",")) or not rest[:1].isupper():
        return False
    if i + 1 >= len(body):
        return False
    nxt = body[i + 1]
    return nxt.line.x0 > w.line.x0 + 4.0 and not (nxt.label is not None and nxt.label.kind == "number"
                                                   and len(nxt.label.levels) == 1)

