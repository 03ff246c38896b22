"""Decision lists: numbered records of the same few fields, each closed by its decision.

A licensing board's or planning committee's minutes list their cases as numbered blocks ("1. PT OPCO, LLC." /
"D/B/A: Pink Taco" / "Location: 374 Congress St" / "License#: LB 99282" / "Date: 03/22/2020" / "Notice: ..." /
"NO VIOLATION - CORRESPONDENCE FROM THE BOARD"), the numbers restarting under each hearing's heading.  The
licensee's name, the field lines and the decision are set in bold or capitals, short and apart: each alone looks
like a heading.  Inside a record they are the record's own lines: never a heading, never a new section.

The sign, cheap and checked first: field lines ("Location: ...", "Application No: ...") that follow numbered lines
closely, two of the same labels in two records at least.
"""

from __future__ import annotations

import re
from typing import Optional

from .lines import Body, WorkLine

# "Location: 374 ...", "License#: LB 99282", "D/B/A: Pink Taco", "Hours of Operation: 9:00 AM", "Notice/Violation#:"
_FIELD = re.compile(r"^[A-Z][A-Za-z/#.'’&-]*(?:\s+[A-Za-z/#.'’&-]+){0,3}\s?#?:(?:\s*\S|$)")
_REACH = 6  # a record's first field lines come within this many lines of its number


def _field(text: str) -> bool:
    """A field line: a label of one to four words and its value ("License #: LB 434853"), or the label alone with
    its value on the lines under it ("D/B/A:" / "1 NASSAU ST")."""
    t = text.strip()
    return ":" in t[:32] and bool(_FIELD.match(t))


# a vote's record under an item ("RESULT: APPROVED" / "MOTION BY: Garcia" / "AYES: ..."): its outcome, set apart
# from the item's text (votes.py), not the fields of a case
_VOTE = {"result", "motion", "motionby", "moved", "movedby", "mover", "second", "seconded", "secondedby", "seconder",
         "ayes", "aye", "nays", "nay", "noes", "absent", "abstain", "abstained", "abstention", "abstentions", "recused",
         "vote", "votes", "for", "against", "carried", "outcome"}


def _name(text: str) -> str:
    """A field's label, to compare: "License #:" and "License#:" are one."""
    return re.sub(r"[^a-z]", "", text.split(":", 1)[0].lower())


def _caps(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return len(letters) >= 4 and not any(c.islower() for c in letters)


def _styled(body: Body, w: WorkLine, text: str) -> bool:
    """Bold (where bold is rare), larger, or in capitals: a line's tail "34A, 34C, 64-64A." is none of them."""
    return bool((w.line.bold and body.bold_marks) or body.big(w) or _caps(text))


_RULE = re.compile(r"^[_=\-–—]{8,}$")


def _decision(body: Body, j: int, styled: bool, text: str) -> int:
    """Line j closes its record with the board's decision: short, no figures (an address has them), and in
    capitals ("GRANTED"), or in bold over the rule, the next case or plain text ("No Violation" / "____" / "3. ...").
    A decision may run on in bold ("Violation - FOUR DAY SUSPENSION ..." / "TO BE APPROVED BY THE BOARD" / its
    conditions); a bold line over a list that starts at one, or over another bold line after a gap, is the next
    list's heading.  How many lines the decision takes (0: line j is none)."""
    if any(c.isdigit() for c in text) or len(text.split()) > 16:
        return 0
    if _caps(text):
        return 1
    if not styled or text.endswith(":"):
        return 0
    k = j + 1
    while k < len(body) and not body[k].gap_before and body[k].label is None \
            and _styled(body, body[k], body[k].text.strip()) and not _RULE.match(body[k].text.strip()):
        k += 1  # the decision's own lines, set on without a gap
    if k >= len(body):
        return k - j
    nxt = body[k]
    if nxt.label is not None and nxt.label.kind == "number":
        return k - j if nxt.label.levels != (1,) else 0
    return k - j if _RULE.match(nxt.text.strip()) or not _styled(body, nxt, nxt.text.strip()) else 0


def record_lines(body: Body) -> dict[int, Optional[bool]]:
    """The lines inside a decision list's numbered records that are never headings: each record's numbered line
    (True: it opens the record), its field lines, the lines between them, and the decision lines in capitals that
    close it (False: they join the record's paragraph), and the typed rule under it (None: it closes the case).  A record ends at
    the next numbered line, or at a line that is neither a field, nor a decision in capitals, nor the record's
    prose (a heading in mixed case over the next hearing's list)."""
    if not body.pdf:
        return {}
    starts = [i for i in range(len(body)) if body[i].label is not None and body[i].label.kind == "number"
              and len(body[i].label.levels) == 1]
    labels: dict[int, set[str]] = {}
    for i in starts:
        got: set[str] = set()
        for j in range(i + 1, min(len(body), i + 1 + _REACH)):
            v = body[j]
            if v.label is not None and v.label.kind == "number" and v.label.levels == (body[i].label.levels[0] + 1,):
                break  # the next item: this one has no fields of its own
            if v.label is not None and (v.label.kind != "number" or len(v.label.levels) > 1):
                break  # "2.1 Note the information ...", "a. Attend meetings": the item's own paragraphs, not a case
            if v.label is None and _field(v.text) and _name(v.text) not in _VOTE:
                got.add(_name(v.text))
        if len(got) >= 2:
            labels[i] = got
    # the same fields in record after record ("Location", "License"): a one-off "ABSENT: None" / "STAFF PRESENT:"
    # under a minutes' roll call, or "Member-at-Large:" in a constitution, is no record's field
    seen: dict[str, int] = {}
    for got in labels.values():
        for name in got:
            seen[name] = seen.get(name, 0) + 1
    opened = [i for i, got in labels.items() if sum(1 for name in got if seen[name] >= 2) >= 2]
    numbers = {body[i].label.levels[0] for i in opened}
    if len(opened) < 2 or not any(n + 1 in numbers for n in numbers):
        return {}  # cases are numbered in a run ("1.", "2."); "25 September 2015" / "14 019 995" over fields are not
    # in a decision list, a case written out as one sentence ("1. Irziqat, Inc. d/b/a College Pizza, 50 Queensberry
    # Street, ... Hours of operation: ...") and closed by its decision ("Granted" / "____") is a case as well
    for i in starts:
        if i in labels:
            continue
        for j in range(i + 1, min(len(body), i + 12)):
            v = body[j]
            t = v.text.strip()
            if j in starts or _RULE.match(t):
                break
            took = _decision(body, j, _styled(body, v, t), t) if v.gap_before else 0
            if took and (_caps(t) or j + took < len(body) and _RULE.match(body[j + took].text.strip())):
                opened.append(i)  # (a bold line in mixed case over the next item may be its heading: not enough)
                break
    opened.sort()
    out: dict[int, Optional[bool]] = {}
    starts_set, opens = set(starts), set(opened)
    for i in opened:
        x = body[i].line.x0
        out[i] = True
        j = i + 1
        decided = False
        while j < len(body):
            w = body[j]
            t = w.text.strip()
            if j in starts_set and (w.line.x0 <= x + 3 or j in opens):
                break  # the next case at the list's margin or left of it ("500 MORTON ST", set in, is an address)
            if _RULE.match(t):
                out[j] = None  # "________": the typed rule that closes the case, no words of it
                break
            styled = _styled(body, w, t)
            if decided and j + 1 < len(body) and body[j + 1].label is None and _field(body[j + 1].text):
                break  # "PUSHCART CAFE" / "D/B/A: ...": an unnumbered case's name after the decision, not a second one
            took = _decision(body, j, styled, t) if j > i + 1 and not _field(t) else 0
            if took:
                decided = True  # "GRANTED", "NO VIOLATION - CORRESPONDENCE FROM THE BOARD", "No Violation"
                for k in range(j, j + took):
                    out[k] = False
                j += took
                continue
            if decided and styled:
                break  # after the decision, a heading over the next hearing's list
            if _field(t) or not styled or j == i + 1 or any(c.isdigit() for c in t):
                # a field, the record's prose, the licensee's second line right under the number, or its address
                # in capitals ("500 MORTON ST" / "DORCHESTER, MA 02124")
                out[j] = False
                j += 1
                continue
            break
    return out
