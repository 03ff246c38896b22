"""Roman numerals as a paper's first level: "I. PURPOSE" over its text, or "I. GENERAL POLICY: It is the policy ...".

Policies, by-laws and constitutions (US library boards and school districts, Irish and UK societies' rules) number
their parts I., II., III. at the left margin.  Two layouts share the numerals:

- a heading: the numeral and a short title alone on the line ("III. RESERVATIONS & SCHEDULING", "V. CONTRACT
  LANGUAGE."), its text and its lettered paragraphs (A., B. ...) below it;
- a run-in paragraph: the numeral, a title in capitals and the paragraph's first sentence on one line ("I. GENERAL
  POLICY: It is the policy of the Library to invest ..."), each numeral a provision cited by it ("IV").

An upper-case numeral at a line's start is only a candidate ("I. Smith" in a list of names, a lettered list's "I."
after "H.", "V." after "U.", a list of phrases inside a paragraph).  Candidates become labels only as a series: at
one margin, opening with "I." then "II.", the numerals going up (a policy may jump from V. to XIII. where parts were
removed), three at least, most with lines of their own between them; one series in the paper (numerals that
start again at I. under each of its headings are items, the outline's business).  The
heading lines get a chapter's label (numbered as printed, "III"), the run-in ones a paragraph number the series
vouches for (`ROMAN`).  Cheapest sign first: a paper with no line opening "II." or "II)" costs one scan.
"""
from __future__ import annotations

import re
from typing import TYPE_CHECKING, Optional

from .numbering import ROMAN, Label

if TYPE_CHECKING:
    from .lines import WorkLine

# (a word processor may leave out the space after the stop: "III.The Press Release", never "I.E." or "II.A")
_NUMERAL = re.compile(r"^(?P<num>X{0,3}(?:IX|IV|V?I{0,3}))(?P<dot>[.)])(?:\s+(?=\S)|(?=[A-Z][a-z]))(?P<rest>.*)$",
                      re.S)
_VALUES = {"I": 1, "V": 5, "X": 10}
# a run-in title: words in capitals closed by a colon or a full stop, then the paragraph's sentence ("GENERAL
# POLICY: It is ...", "SCOPE. This policy ...")
_RUN_IN = re.compile(r"^[A-Z0-9][A-Z0-9 ,&/'’()\-–]*[:.]\s+(?=[A-Z“\"‘(\d])\S")


def _value(numeral: str) -> int:
    total = prev = 0
    for ch in reversed(numeral):
        v = _VALUES[ch]
        total = total - v if v < prev else total + v
        prev = max(prev, v)
    return total


def roman_labels(work: list[WorkLine]) -> None:
    """Label the lines that open with a numeral of the paper's roman series (see above)."""
    if not any(w.text.lstrip().startswith(("II.", "II)")) for w in work):
        return  # (the cheapest sign: no second numeral, no series)
    cands: list[tuple[int, int, re.Match]] = []  # (line, value, match)
    for k, w in enumerate(work):
        if w.label is not None or w.role:
            continue
        t = w.text.lstrip()
        if t[:1] not in "IVX":
            continue
        m = _NUMERAL.match(t)
        if m is None or not m.group("num"):
            continue
        cands.append((k, _value(m.group("num")), m))
    runs = _series(work, cands)
    if len(runs) != 1 and not _reprinted(work, runs):
        return  # numerals restarting at I. again and again are items under other headings (a society's standing
        # orders: "A." then "I.", "II." under each), not the paper's parts
    x, size = work[runs[0][0][0]].line.x0, work[runs[0][0][0]].line.size or 10.0
    if sum(1 for k, value, _ in cands if value == 1 and abs(work[k].line.x0 - x) <= max(2.0, 0.6 * size)) > len(runs):
        return  # another "I." at the series' margin: the same
    for run in runs:
        for k, value, m in run:
            _label(work, k, value, m)


def _reprinted(work: list[WorkLine], runs: list[list[tuple[int, int, re.Match]]]) -> bool:
    """Two series, the second a paper printed after the first (a central bank's minutes, I. to III., then its press
    release, I. to V.): at one margin, every numeral of each with text of its own below it.  Series under a paper's
    headings come many."""
    if len(runs) != 2:
        return False
    (first, second), size = runs, work[runs[0][0][0]].line.size or 10.0
    if abs(work[first[0][0]].line.x0 - work[second[0][0]].line.x0) > max(2.0, 0.6 * size):
        return False
    return not any(b[0] <= a[0] + 1 for run in runs for a, b in zip(run, run[1:]))


def _series(work: list[WorkLine], cands: list[tuple[int, int, re.Match]]) -> list[list[tuple[int, int, re.Match]]]:
    """The runs I., II., ... at one margin: each opens with "I." followed there by "II.", goes on while the numerals
    rise (one that does not rise, a letter "I." among them, is left out), three numerals at least."""
    out: list[list[tuple[int, int, re.Match]]] = []
    for a, (k, value, _) in enumerate(cands):
        if value != 1 or any(k in (c[0] for c in run) for run in out):
            continue
        x, size = work[k].line.x0, work[k].line.size or 10.0
        at = [c for c in cands[a:] if abs(work[c[0]].line.x0 - x) <= max(2.0, 0.6 * size)]
        if len(at) < 3 or at[1][1] != 2:
            continue
        run = [at[0]]
        for c in at[1:]:
            if c[1] == 1:
                break  # a second series opens here
            if c[1] > run[-1][1] and c[1] - run[-1][1] <= 12:
                run.append(c)
        # numerals one under another with nothing between ("I. Data quality ..." / "II. Data-sharing ..." under
        # "... will include:") are a list inside a paragraph, not the paper's parts, which each have text
        apart = sum(1 for a, b in zip(run, run[1:]) if b[0] > a[0] + 1)
        if len(run) >= 3 and apart >= (len(run) - 1) / 2:
            out.append(run)
    return out


def _label(work: list[WorkLine], k: int, value: int, m: re.Match) -> None:
    w = work[k]
    numeral, rest = m.group("num"), m.group("rest").strip()
    if _runs_in(work, k, rest):
        w.label = Label("number", numeral, rest, (value,), True, ROMAN)
    else:  # a title's closing stop ("V. CONTRACT LANGUAGE.") is no sentence's
        title = rest[:-1].rstrip() if rest.endswith(".") and rest[:-1].isupper() else rest
        w.label = Label("chapter", numeral, title, (), False, "")


def _runs_in(work: list[WorkLine], k: int, rest: str) -> bool:
    """The numeral's line runs on as a paragraph: a title in capitals then a sentence ("GENERAL POLICY: It is ..."),
    or many words that wrap on to the next line at the text's margin with no gap (no title does).  Never where
    the numeral's lines are all bold and the text under them is not: a long bold title over its record ("VI.
    CONSENT AGENDA: All items on Consent Agenda are ... agenda." / "Motion to accept ..." in a minutes export)."""
    if _bold_title(work, k):
        return False
    if _RUN_IN.match(rest):
        return True
    if len(rest.split()) < 8 or rest.isupper():
        return False
    nxt: Optional[WorkLine] = work[k + 1] if k + 1 < len(work) else None
    return nxt is not None and not nxt.gap_before and nxt.label is None and nxt.line.page == work[k].line.page


def _bold_title(work: list[WorkLine], k: int) -> bool:
    """Line k and the lines that wrap on from it (no gap, same page) are bold, the line after them is not or
    starts after a gap, and the paper's text is not set in bold."""
    if not work[k].line.bold:
        return False
    j = k + 1
    while j < len(work) and not work[j].gap_before and work[j].line.page == work[k].line.page \
            and work[j].line.bold and work[j].label is None and j - k < 6:
        j += 1
    if j >= len(work) or work[j].line.bold and not work[j].gap_before:
        return False
    return 2 * sum(1 for w in work if w.line.bold) < len(work)
