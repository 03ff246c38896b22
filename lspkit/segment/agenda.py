"""Agenda items: the numbered or lettered items of a meeting's agenda, each the paragraph its label cites.

A council's or a board's agenda sets its business under headings ("CONSENT CALENDAR", "L. Items for Approval",
"8. CONSENT AGENDA"), and under each heading its items, set in from the heading: "1. CALL MEETING TO ORDER",
"13. WAIVE READING IN FULL ...", "a. Motion to Waive Full Reading" with the item's text and its
"RECOMMENDATION: ..." under it, further in.  An item's title is short and often in capitals, so it looks like a
numbered heading, yet it is the item the meeting takes and the minutes cite: the paragraph.  The series restart
under each heading ("1." under "I. Management Reports", again under "K. Minutes") or run on across them ("13."
under "CONSENT CALENDAR" after "12." under "REGULAR BUSINESS"), and a series of one ("a." alone under "9.") is
an item where the paper letters its items so elsewhere.  Items may be lettered again under an item ("4. ADJOURN
TO CLOSED SESSION ..." / "A. CONFERENCE WITH LEGAL COUNSEL ...").  A board's items keyed by their file numbers
("33. SUBJECT: STATE AND FEDERAL REPORT   2017-0346") are items in whatever order the agenda takes them.

Switched on only in a paper that calls itself an agenda; the items are found once over the paper, before the pass.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Optional

from .lines import Body, caps
from .numbering import ITEM_ID

# "1. ", "13. ", "3a. ", "A. ", "a) ", "(a) ": an item's label and its text
_ITEM = re.compile(r"^(?:(?:(\d{1,3})([a-z])?|([A-Za-z]))[.)]|\(([A-Za-z])\))\s+(\S.*)$")
# a capital letter glued to a title in capitals ("H.RESOLUTION (2019-44) Renew contract ...")
_GLUED = re.compile(r"^([A-Z])\.([A-Z]{2,}\b.*)$")
# a Legistar file number at the line's right end ("33. SUBJECT: STATE AND FEDERAL REPORT 2017-0346")
_FILE_NO = re.compile(r"\s(?:\d{2}|\d{4})-\d{3,5}$")
_AGENDA = re.compile(r"\bagenda\b", re.I)
# a person and their office, and nothing more: "Norm Zezula, Mayor Pro Tempore", "Carol Engelhardt, Council Member"
_NAME_ROLE = re.compile(r"^[A-Z][\w.'’-]+(?: [A-Z][\w.'’-]+){1,3}, [A-Z][\w'’-]+(?: [A-Za-z][\w'’-]+){0,3}$")
_LEAD_END = re.compile(r":\s*[-–—]?$")  # "... the City Council:", "... to approve: -"


@dataclass(frozen=True)
class AgendaItem:
    ident: str  # the paragraph's id: "13", "3a", "4(A)" under an item, "A" under a heading
    label: str  # as printed: "13", "3a", "A"
    parent: Optional[str]  # the item it is lettered under
    rest: str  # the text after the label on its line


@dataclass
class _Cand:
    i: int
    kind: str  # "num", "lower" or "upper"
    value: int
    suffix: str
    label: str
    rest: str
    x: float
    parent: Optional[int] = None  # the line it is set in under


@dataclass
class Agenda:
    """What agenda_items found: the lines opening items, the titles over them, the lines of name lists."""

    items: dict[int, AgendaItem] = field(default_factory=dict)
    heads: set[int] = field(default_factory=set)  # unlabelled titles items are set under ("CONSENT CALENDAR")
    names: set[int] = field(default_factory=set)  # a roll call's lettered names ("A. Norm Zezula, Mayor Pro Tempore")


def agenda_items(body: Body) -> Agenda:
    """The lines that open an agenda's items, and what each is; the unlabelled titles they are set under
    ("OPENING CEREMONIES", "CONSENT CALENDAR:", "Student Appointment(s):"), each heading its part of the agenda;
    and the lines of lettered lists of names under an item ("2. ROLL CALL" / "A. Norm Zezula, Mayor Pro Tempore"),
    which are no items.  Nothing where the paper is no agenda."""
    if not body.pdf or not _is_agenda(body):
        return Agenda()
    cands = [c for c in (_candidate(body, i) for i in range(len(body))) if c is not None]
    out: dict[int, _Cand] = {}
    at = {c.i: c for c in cands}
    for c in cands:
        c.parent = _parent(body, c, at)
    # runs: items at one margin, of one kind, each the next of the last or the first under a new heading
    runs: list[list[_Cand]] = []
    open_runs: dict[tuple[str, int], list[_Cand]] = {}
    for c in cands:
        if c.parent is None:
            continue
        key = (c.kind, round(c.x / 4))
        run = open_runs.get(key) or open_runs.get((c.kind, round(c.x / 4) - 1)) or open_runs.get(
            (c.kind, round(c.x / 4) + 1))
        if run is not None and abs(run[-1].x - c.x) <= _tol(c) and _follows(run[-1], c) and _same_block(body, run[-1], c):
            run.append(c)
            continue
        if c.value == 1:
            run = [c]
            runs.append(run)
            for k in [k for k, r in open_runs.items() if k[0] == c.kind and abs(r[-1].x - c.x) <= _tol(c)]:
                del open_runs[k]
            open_runs[key] = run
    margins: dict[str, list[float]] = {}
    for run in runs:
        if len(run) >= 2:
            margins.setdefault(run[0].kind, []).append(run[0].x)
    names: set[int] = set()
    for run in runs:
        if len(run) >= 3 and all(_NAME_ROLE.match(c.rest.strip()) and _one_line(body, c) for c in run):
            names.update(c.i for c in run)  # "A. Norm Zezula, Mayor Pro Tempore", "B. Brian Bergman, Council Member"
            continue
        single_ok = any(abs(run[0].x - x) <= 3 for x in margins.get(run[0].kind, ()))
        if len(run) >= 2 or single_ok:
            for c in run:
                out[c.i] = c
    lone: set[int] = set()
    for run in runs:
        if len(run) == 1 and run[0].i not in out and _lone_sub_item(body, run[0], at, out):
            out[run[0].i] = run[0]
            lone.add(run[0].i)
    # letters that head numbered items ("I. Management Reports" / "1. Presentation ...", "K. Minutes" / "1. ...")
    # are the agenda's headings, not its items: an agenda numbers its items, and letters either head them or
    # part them ("4. ADJOURN TO CLOSED SESSION ..." / "A. CONFERENCE WITH LEGAL COUNSEL ...")
    heads = {c.parent for c in out.values() if c.kind == "num"}
    for run in runs:
        if run[0].kind != "num" and any(c.i in heads for c in run):
            for c in run:
                out.pop(c.i, None)
    for c in _filed(body, cands):
        out.setdefault(c.i, c)
    items: dict[int, AgendaItem] = {}
    for i in sorted(out):
        c = out[i]
        if c.kind != "num" and c.parent in at and at[c.parent].kind != "num" and c.parent not in out:
            # letters set in under a lettered line that is no item ("h. Committee Reports" in a minute's list of
            # topics for the next agenda / "a. Learning & Wellbeing Committee (27 June 2022)"): a list's sub-list
            continue
        parent = items.get(c.parent) if c.parent is not None else None
        if parent is not None and c.kind != "num":
            items[i] = AgendaItem(f"{parent.ident}({c.label})", c.label, parent.ident, c.rest)
        elif c.kind != "num" and c.parent is not None and body[c.parent].label is not None \
                and body[c.parent].label.kind == "number":
            # under a numbered title that heads them ("1. OPENING CEREMONIES" / "a) Call Meeting to Order"): 1(a)
            number = body[c.parent].label.number
            items[i] = AgendaItem(f"{number}({c.label})", c.label, number, c.rest)
        elif c.kind != "num" and c.parent is not None and not _ITEM.match(body[c.parent].text.strip()) \
                and body[c.parent].label is None:
            # under an unlabelled title, cited with it: "Student Appointment(s) B"
            title = body[c.parent].text.strip().rstrip(":").strip()
            items[i] = AgendaItem(f"{title} {c.label}", c.label, None, c.rest)
        else:
            items[i] = AgendaItem(c.label, c.label, None, c.rest)
    heads = {c.parent for c in out.values() if c.parent is not None and c.parent not in items
             and body[c.parent].label is None and not _ITEM.match(body[c.parent].text.strip())}
    # a numbered title that is no item itself, right over its lettered items ("1. Establish Budgets" / "A.
    # Establish a budget for ..."): it heads them, with no text of its own
    heads |= {c.parent for c in out.values() if c.kind != "num" and c.parent is not None and c.parent not in items
              and c.parent + 1 == c.i and body[c.parent].label is not None and body[c.parent].label.kind == "number"
              and len(body[c.parent].label.levels) == 1 and _title(body[c.parent].label.rest) and c.i not in lone}
    return Agenda(items, heads, names)


def inside_item(body: Body, i: int, item_x: float) -> bool:
    """Line i is set in from the open item's label: the item's own title, text and recommendation; not a title
    centred on the page (the meeting's name and date over the next page's items)."""
    w = body[i]
    return w.line.x0 > item_x + 3 and not (w.gap_before and body.centred(w))


def link_line(body: Body, i: int, item_size: float, ended: bool, margins: list[float]) -> bool:
    """Line i, under an agenda item, is none of its text: a link to the item's papers set apart under it ("Agenda
    Report", "2022 12 12 ITEM NO 7", in smaller type "Attachments: Attachment A - Site Map"), or a dashed rule
    ("----- END OF CLOSED SESSION -----").  `ended`: the item's text so far ends a sentence; `margins`: where its
    wrapped lines start (a link stands off them)."""
    w = body[i]
    t = w.text.strip()
    if t.startswith("-----"):
        return True
    if not w.gap_before:
        return False  # a note in smaller type run on under the text ("Determine item is exempt ...") is its own
    if item_size and w.line.size and w.line.size < 0.93 * item_size:
        return True
    apart = bool(margins) and all(abs(w.line.x0 - x) > 1.5 for x in margins)
    return (ended or apart) and len(t.split()) <= 6 and not re.search(r"[.:;,!?)]$", t) and not caps(t)


def link_runs_on(body: Body, i: int, link: int) -> bool:
    """Line i runs on from link line `link` right above it (no gap, its margin and type): the link's own second
    line ("2022 12 12 ITEM NO 23_ATTACHMENT 1 OF 2" / "2022 12 12 ITEM NO 23_ATTACHMENT 2 OF 2")."""
    w, v = body[i], body[link]
    return link == i - 1 and not w.gap_before and abs(w.line.x0 - v.line.x0) <= 1.5 \
        and abs(w.line.size - v.line.size) < 0.3


def _is_agenda(body: Body) -> bool:
    """The paper calls itself an agenda on its first pages."""
    return any(w.line.page <= 2 and _AGENDA.search(w.text) for w in body[:200])


def _candidate(body: Body, i: int) -> Optional[_Cand]:
    w = body[i]
    m = _ITEM.match(w.text.strip())
    if m is not None:
        num, suffix, letter, bracketed, rest = m.groups()
        letter = letter or bracketed
    else:
        g = _GLUED.match(w.text.strip())
        if g is None:
            return None
        num, suffix, letter, rest = None, None, g.group(1), g.group(2)
    if not (rest[:1].isupper() or rest[:1].isdigit() or rest[:1] in "“\"'‘("):
        return None
    if num is not None:
        if w.label is not None and w.label.kind == "number" and len(w.label.levels) > 1:
            return None
        return _Cand(i, "num", int(num), suffix or "", num + (suffix or ""), rest, w.line.x0)
    kind = "lower" if letter.islower() else "upper"
    return _Cand(i, kind, ord(letter.lower()) - ord("a") + 1, "", letter, rest, w.line.x0)


def _heading_like(body: Body, i: int) -> bool:
    """A line that can head items: labelled, or short and set apart (bold, or in capitals), its text no sentence,
    or a title of a few words ("Administration", "Student Appointment(s):")."""
    w = body[i]
    t = w.text.strip()
    if w.label is not None and w.label.word == ITEM_ID:
        return False  # "R2026-17 S. Kirkey, J. Scott:": an item of an identified series, its list its own
    m = _ITEM.match(t)
    if m or (w.label is not None and w.label.kind in ("number", "chapter", "annex")):
        # an item or a numbered title: in capitals or bold, or a few words that are no sentence ("4. Council
        # Reorganization"); not a paragraph's lead-in ("1.1 The Council has three priorities for the year:")
        rest = m.group(5) if m else (w.label.rest if w.label is not None else t)
        return caps(rest) or (w.line.bold and body.bold_marks) or (
            len(rest.split()) <= 8 and not re.search(r"[.:;,!?]$", rest.rstrip()))
    if len(t.split()) > 12:
        return False
    if i > 0 and not w.gap_before and body[i - 1].line.page == w.line.page and body.full_line(body[i - 1].line) \
            and re.search(r"[a-z,]$", body[i - 1].text.rstrip()):
        return False  # "... by the Association of" / "Municipalities of Ontario (AMO):": a sentence's wrapped end
    lead_in = bool(_LEAD_END.search(t))
    if w.line.bold and body.bold_marks:
        # "REGULAR BUSINESS AT 6:30 P.M.", "CONSENT CALENDAR:"; not "Council is recommended to approve: -"
        return not t.endswith((",", ";")) and not (lead_in and not caps(t) and len(t.split()) > 4)
    if len(t.split()) <= 4 and t[:1].isupper() and not re.search(r"[.;,]$", t):
        return True
    # in capitals: "OPENING CEREMONIES"; not "CONSIDER:", a lead-in whose items are its text
    return caps(t) and not re.search(r"[.;,:]$", t)


def _parent(body: Body, c: _Cand, at: dict[int, _Cand]) -> Optional[int]:
    """The line item c is set in under: walking back over the lines at or right of its margin (the items before it
    and their text), then over a short introduction at the heading's margin, to a heading-like line left of it.
    None: the item stands at the outer margin, or under prose, or its letters finish a sentence of an item's text
    ("7. SELECT MAYOR ..." / "RECOMMENDATION: It is recommended that the City Council:" / "A. Appoint ...";
    "38. SUBJECT: ..." / "CONSIDER:" / "A. RECEIVE AND FILE ...")."""
    x = c.x
    prose = 0
    lead = c.kind != "num" and c.i > 0 and bool(_LEAD_END.search(body[c.i - 1].text.rstrip())) \
        and not _ITEM.match(body[c.i - 1].text.strip())
    item = _item_above(body, c, at)
    if item is not None and _under_item(body, c, item, lead):
        return item.i  # "8. Res. that the preliminary plat ... – see attached." / "(a) Planning Board ... recommend"
    for j in range(c.i - 1, max(-1, c.i - 40), -1):
        v = body[j]
        if body[c.i].line.page - v.line.page > 1:
            return None  # a heading pages back is no heading of these items
        before = at.get(j)
        if before is not None and before.kind == c.kind and abs(before.x - x) <= _tol(c) and not prose:
            return before.parent  # the item before it at its margin: under the same heading
        if v.line.x0 >= x - _tol(c):
            if prose:
                return None  # back at the items' margin above the introduction: not a heading's introduction
            continue
        if j == c.i - 1 and lead and not (v.line.bold and body.bold_marks) and (
                len(v.text.split()) > 4 or _in_item(body, j, at)):
            return None  # the lead-in is prose left of the letters, or an item's own ("CONSIDER:"), not a title
        if _heading_like(body, j):
            if lead and j != c.i - 1 and _ITEM.match(v.text.strip()):
                return None
            return j
        if _ITEM.match(v.text.strip()) or (v.label is not None and v.label.kind == "number"):
            return None  # under a numbered paragraph's lead-in ("1.1 The Council has three priorities:"): its list
        prose += 1
        if prose > 12:
            return None
    return None


def _item_above(body: Body, c: _Cand, at: dict[int, _Cand]) -> Optional[_Cand]:
    """The numbered item right above c whose text runs down to c: every line between set in from its label (its
    wrapped text, however much a line of it looks like a title: "PASSED TODAY))"); None if another label comes
    first or a line stands at or left of the item's label."""
    for j in range(c.i - 1, max(-1, c.i - 40), -1):
        cand = at.get(j)
        if cand is not None:
            ok = cand.kind == "num" and all(body[k].line.x0 > cand.x + 3 for k in range(j + 1, c.i))
            return cand if ok else None
    return None


def _under_item(body: Body, c: _Cand, item: Optional[_Cand], lead: bool) -> bool:
    """Letter c is set in under numbered item `item`, whose text is a sentence of prose ("8. Res. that the plat
    ... is hereby accepted – see attached."), and stands apart from it over a gap, its own line opening a
    sentence: a sub-item of it, cited "8(a)" ("(a) Planning Board and Planning Department recommend approval
    ...").  Not the list a lead-in ends by introducing ("... the City Council:" / "A. Appoint ...")."""
    if item is None or item.kind != "num" or c.kind == "num" or lead:
        return False
    w, prev = body[c.i], body[c.i - 1]
    return bool(w.gap_before) and c.x > item.x + 8 and not _LEAD_END.search(prev.text.rstrip()) \
        and bool(re.search(r"[.)”\"]$", prev.text.rstrip())) and body[c.i].line.page - body[item.i].line.page <= 1


def _lone_sub_item(body: Body, c: _Cand, at: dict[int, _Cand], items: dict[int, _Cand]) -> bool:
    """A lone "a." set in on the line right under a numbered item of the agenda's series that is a short title
    ("6. New Business" / "a. Discussion of Meeting Room Policy"): the item's one sub-item, cited "6(a)", not its
    text.  A list of one is still a list where the item above it only names a business."""
    if c.kind == "num" or c.value != 1 or c.parent is None or c.parent != c.i - 1:
        return False
    item = at.get(c.parent)
    numbered = body[c.parent].label is not None and body[c.parent].label.kind == "number" \
        and len(body[c.parent].label.levels) == 1
    return item is not None and item.kind == "num" and (item.i in items or numbered) and c.x > item.x + 8 \
        and _title(item.rest) and body[c.i].line.page == body[item.i].line.page and _one_line(body, c)


def _in_item(body: Body, j: int, at: dict[int, _Cand]) -> bool:
    """Line j is set in under a numbered item on its page: the item's own text."""
    x = body[j].line.x0
    for k in range(j - 1, max(-1, j - 40), -1):
        v = body[k]
        if v.line.page != body[j].line.page:
            return False
        if v.line.x0 < x - 3:
            c = at.get(k)
            return c is not None and c.kind == "num"
    return False


def _title(text: str) -> bool:
    """A few words that are no sentence and introduce none: "Establish Budgets", not "Grant Requests – the
    committee reviewed the following grant applications: -"."""
    t = text.strip()
    return 0 < len(t.split()) <= 6 and not re.search(r"[.:;,!?\-–—]$", t)


def _one_line(body: Body, c: _Cand) -> bool:
    """Item c takes its line only: the next line is another label, or stands at or left of c's label."""
    if c.i + 1 >= len(body):
        return True
    nxt = body[c.i + 1]
    return bool(_ITEM.match(nxt.text.strip())) or nxt.line.x0 <= c.x + 3 or nxt.line.page != body[c.i].line.page


def _tol(c: _Cand) -> float:
    """How far an item's label may stand off its series' margin (a label set a space further in)."""
    return 5.0


def _follows(a: _Cand, b: _Cand) -> bool:
    """Item b comes next after item a: the next number or letter; "3a." before "3." (an item added), or after it."""
    if a.kind != b.kind:
        return False
    if b.value == a.value + 1:
        return True
    return a.kind == "num" and (b.value == a.value and a.suffix != b.suffix
                                or b.value == a.value + 1 and bool(b.suffix))


def _same_block(body: Body, a: _Cand, b: _Cand) -> bool:
    """Nothing between items a and b is set left of them except headings (a series may run on across its
    headings: "12." under "REGULAR BUSINESS", "13." under "CONSENT CALENDAR"), and the next item of a lettered
    series stays under the same parent."""
    if a.kind != "num" and a.parent != b.parent:
        return False
    for j in range(a.i + 1, b.i):
        v = body[j]
        if v.line.x0 < a.x - 4 and not _heading_like(body, j) and a.kind != "num":
            return False
    return True


def _filed(body: Body, cands: list[_Cand]) -> list[_Cand]:
    """Numbered items keyed by a file number at the line's end, two or more at one margin: a board's items in the
    order the agenda takes them (33, 43, 35, ...), whatever their numbers."""
    filed = [c for c in cands if c.kind == "num" and _FILE_NO.search(body[c.i].text.rstrip())]
    if len(filed) < 2:
        return []
    xs = sorted(c.x for c in filed)
    x = xs[len(xs) // 2]
    at = [c for c in filed if abs(c.x - x) <= 3]
    if len(at) < 2:
        return []
    for c in at:
        c.rest = _FILE_NO.sub("", c.rest.rstrip()).rstrip()
    return at
