"""Clauses: numbered clauses whose sub-clauses `(1)`, `(a)`, `(i)` are the paragraphs, cited `4(1)`, `5(1)(a)`.

Constitutions, byelaws and standing orders number their CLAUSES (`4. Powers`, often a bold heading) and set the
provisions below them as bracketed sub-clauses: `(1)`, `(2)` (some printed `4)`), with `(a)`, `(b)` below those
and `(i)`, `(ii)` below those.  A reader cites each one by its path: clause 4(1), 5(1)(a), 6(4)(a)(i).  Each
level is a list set at its own margin, so the path of an item follows from where its label stands: at the margin
of an open list and continuing its labels it is that list's next item; further in, with a first label (`1`, `a`,
`i`) it opens a list below the item before.  A label "at the margin" may be set right-aligned (`(9)` then `(10)`
one digit further left; `(i)`, `(ii)`, `(iii)`): its end then stands where the list's first label ends.  Where a
paper spaces its items no further apart than its lines, an item closed by the list's joining word (`...; and`)
still ends there: the next label at the list's margin starts the next item.  A short label line that stands alone
(`(2) Transfer of membership`, then prose or a list) heads a sub-clause: a section numbered `9(2)`, not a
paragraph.  A clause's own prose, set where its sub-clauses' text runs (`17 Constitution` / `State Council is
made up of 15 State Councillors.`), is the provision whose label the clause heading carries: paragraph `17`.

Two ways in:
- a document set in clauses: at least two numbered lines each followed by sub-clauses `(1)`, `(2)` that start
  lines at one margin (the statutory `6.-(1)` prints its first sub-clause on the number's line, so a code of
  conduct in that style is not one).  There every level is a paragraph, whatever opens it: a clause heading, the
  clause's unnumbered lead-in, or the sub-clause before;
- in any document, a lettered list set apart under a numbered paragraph whose text introduces it (`1. In these
  byelaws ...:` then `a. "the Act" means ...`): each item spaced as a paragraph of its own and set further in
  than the paragraph's own text, so each item is a provision cited `1(a)`.  A list at the paragraph's own text
  margin, or packed without spacing, stays inside the paragraph as its parts, except in a paper numbered as one
  flat series (`1.` to `96.` running on through its chapters, as a committee's report or a consultation paper
  is): there a paragraph's list is cited `4(a)`, `29(iii)`, whether it is set at the text margin the numbers hang
  from (spaced as paragraphs) or set in beyond it (spaced or packed).
Either way, a list whose sentence resumes after its last item (`No person who: a. ... b. ... shall, unless ...`)
is one sentence, kept whole in the paragraph it belongs to.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Optional

from .margins import sections_with_notes
from .numbering import letter_kind

if TYPE_CHECKING:
    from .lines import Body

# "(1)", "(a)", "(iv)", "(1).", "4)", "a)", "a.", "iv)", "iv." at a line's start; "1." is a paragraph number
# (and "A." or "A)", a capital, where a resolution letters its findings)
_ITEM = re.compile(r"^(?:\((\d{1,2}|[a-z]{1,2}|[ivxlc]{1,6})\)\.?|(\d{1,2})\)|([a-z]|[ivxlc]{1,6}|[A-Z])[.)])\s+(?=\S)(.*)$",
                   re.S)
_FIRST = {"1", "a", "i"}
_INTRO_END = re.compile(r"[:;\-–—]\s*$")
# a lead-in asking a meeting for decisions: its items are the recommendations of one paragraph, not provisions
_DECISION = re.compile(
    r"\b(?:is|are)\s+(?:asked|requested|recommended|invited|being\s+asked)\s+to\b|\brecommended\s+that\b"
    r"|\bRECOMMEND(?:ED|ATIONS?)?\b|\bRESOLVED\b|\brecommends?\s+(?:that|to)\b",
    re.I,
)
# an item closed by the list's joining word: "(b) the policies made by the Party ...; and" (then "(c) ...")
_JOINING = re.compile(r"[;,]\s*(?:and|or|and/or)$")
# in a flat paper's lead-in, only a request for decisions: a report's own "Recommendation 1:", "released its
# recommendations" or "the Committee recommends that judges ... the following:" (a committee's report speaking of
# itself) introduces the report's provisions, not a meeting's decisions ("Officers recommend that Members:" does)
_ASKED = re.compile(
    r"\b(?:is|are)\s+(?:asked|requested|recommended|invited|being\s+asked)\s+to\b|\brecommended\s+that\b"
    r"|\brecommend\s+(?:that|to)\b|(?i:\bRESOLVED\b)|\bRECOMMEND(?:ED|ATIONS?)?\b",
)
_ENDED = re.compile(r"[.!?:;,\-–—][\"'”’)]*$|\b(?:and|or)$")


def item_label(text: str) -> Optional[tuple[str, str, bool]]:
    """A clause item's label at the start of a line, its text, and whether the label is bracketed "(1)"."""
    m = _ITEM.match(text.lstrip())
    if not m:
        return None
    label = m.group(1) or m.group(2) or m.group(3)
    return label, m.group(4).strip(), m.group(1) is not None


def _kind(label: str, prev: Optional[str]) -> str:
    if label.isdigit():
        return "number"
    return letter_kind(prev, label)


def _follows(kind: str, last: str, label: str) -> bool:
    """Does `label` come next after `last` in a list of this kind?"""
    if kind == "number":
        return label.isdigit() and last.isdigit() and int(label) == int(last) + 1
    if kind == "letter":
        return len(label) == 1 and len(last) == 1 and (label.isalpha() and ord(label) == ord(last) + 1
                                                         or _misread(last, label) is not None)
    if kind == "roman":
        from .numbering import _roman_value

        return bool(re.fullmatch(r"[ivxlc]+", label)) and _roman_value(label) == _roman_value(last) + 1
    return False


# a letter and the digit a scan's OCR reads it as ("(9)" for "(g)" in a by-law's definitions (a) to (j))
_LOOKALIKES = {"g": "9", "l": "1", "o": "0", "s": "5", "b": "6", "z": "2", "q": "9"}


def _misread(last: str, label: str) -> Optional[str]:
    """The letter after `last` where `label` is the digit OCR reads it as, else None."""
    if not (label.isdigit() and last.isalpha() and len(last) == 1):
        return None
    nxt = chr(ord(last) + 1)
    nxt_lower = nxt.lower()
    return nxt if _LOOKALIKES.get(nxt_lower) == label else None


def _next_label(label: str) -> str:
    nxt = {"1": "2", "a": "b", "i": "ii"}[label.lower()]
    return nxt.upper() if label.isupper() else nxt


@dataclass
class _Frame:
    """A level of the clause outline: a clause or numbered paragraph (the root), a list of items, or a heading."""

    ident: str
    x: float
    kind: str  # "root" (a numbered section), "par" (a numbered paragraph), "number", "letter", "roman"
    last: str = ""
    heading: bool = False  # a sub-clause heading (or the clause itself): its lists may start at its own margin
    margin: float = 0.0  # where its text runs (a paragraph's text margin)
    first: int = -1  # the body line a numbered paragraph starts on
    packed: bool = False  # a list whose items follow one another without spacing (a packed list, `_opens`)
    opener: str = ""  # the label its list opened with ("1", "a", "i"): where a right-aligned label ends
    opened_at: int = -1  # the body line its list opened on


@dataclass(frozen=True)
class Step:
    """What a line does to the clause outline: opens a paragraph, heads a sub-clause, or ends the open item."""

    kind: str  # "paragraph", "heading", "close"
    ident: str = ""
    label: str = ""
    parent: Optional[str] = None
    text: str = ""
    levels: Optional[tuple[int, ...]] = None  # a heading's: the clause's number levels


class Clauses:
    """The clause outline while segmenting: the open levels, and which lines open a sub-clause."""

    def __init__(self, body: "Body") -> None:
        self.mode = body.pdf and set_in_clauses(body)
        # a statute whose sections carry marginal notes: the section is the unit, its subsections inside it
        self.off = body.pdf and sections_with_notes(body)
        self.hang = _hang(body) if body.pdf else 0.0
        # where the text of the document's sub-clauses "(1)", "(2)" wraps, when it hangs right of their labels
        self.provision_margin = _provision_margin(body) if self.mode else None
        self.stack: list[_Frame] = []
        self.sections = 0  # sections seen so far: a new one (a clause heading) resets the outline
        self.expect_section = False  # the next new section is the sub-clause heading this module opened
        self.owner: object = None  # the numbered paragraph the lists hang from
        # the open paragraphs this module started, by id(), each kept alive so its id is never reused by another
        self.mine: dict[int, object] = {}
        self.item: Optional[_Frame] = None  # the level of the open item
        self.levels: Optional[tuple[int, ...]] = None  # the clause's number levels, kept by its sub-clause headings
        self.hangs: dict[int, float] = {}  # where an item's wrapped text runs, by the x of its label (learned)
        # (the item, x) whose list at x was kept as its parts: the frame itself, not its id(), which a later frame
        # may be given once this one is freed (the output then hung on memory layout)
        self.parts: Optional[tuple[_Frame, float]] = None
        self.pitch: Optional[float] = None  # the usual distance down to a paragraph's wrapped line (_wrap_pitch)
        self.packing = False  # the list _opens just confirmed is packed (read by _child)
        # one flat series of paragraph numbers ("1." ... "96."): a paragraph's lists are its citable parts
        self.flat = bool(body.pdf) and not self.mode and flat_numbering(body)
        # a shorter paper numbered so (a by-law's sections 1. to 13., ten at least: a paper of eight keeps its lists
        # as parts): its lists hung as definitions are provisions
        self.short_flat = self.flat or bool(body.pdf) and not self.mode and flat_numbering(body, 10)

    def opened(self, paragraph: object) -> None:
        """The paragraph the driver just started for a "paragraph" step."""
        self.mine[id(paragraph)] = paragraph
        self.owner = paragraph

    def step(self, body: "Body", i: int, outline, open_paragraph, mid_sentence: bool,
             after_heading: bool) -> Optional[Step]:
        """What line i does to the clause outline (None: nothing, it goes on as before)."""
        if not body.pdf or self.off:
            return None
        self._follow(body, i, outline, open_paragraph)
        w = body[i]
        if self.mode and w.label is not None and w.label.kind == "number":
            heading = self._clause_heading(body, i, mid_sentence)
            if heading is not None:
                return heading
        if not self.stack:
            return None
        got = item_label(w.text)
        mine = open_paragraph is not None and id(open_paragraph) in self.mine
        if got is None and after_heading and self.mode and open_paragraph is None:
            lead = self._clause_text(body, i, outline)
            if lead is not None:
                return lead
        if got is None:
            if mine and self.item is not None and self._ends_item(body, i, mid_sentence):
                self.item = None
                return Step("close")
            return None
        label, rest, _ = got
        apart = self.mode or self._apart(body, i)
        goes = not apart and self._goes_on(body, i, label)
        if not apart and not goes and label.lower() not in _FIRST:
            return None  # outside a clause document, only items spaced as paragraphs of their own (or a list's first,
            # which _opens judges: packed under its colon, or a flat paper's lettered part's own roman list)
        # "(a) of this clause" wrapped to a line's start mid-sentence is no item (see _place for the exception); a
        # packed list's item after one ending "; and" (or no stop at all) starts one all the same
        packed = self.item is not None and self.item.packed and (goes or abs(w.line.x0 - self.item.x) <= _tol(w))
        return self._place(body, i, label, rest, w.gap_before or after_heading or not mid_sentence or packed)

    def _clause_text(self, body: "Body", i: int, outline) -> Optional[Step]:
        """Unlabelled prose right under a clause's heading ("17 Constitution" / "State Council is made up of 15 State
        Councillors.", or the lead-in "The purposes of the Party are:" over its items): the clause's own provision,
        a paragraph cited by the clause's number, its items below it cited "1(a)"."""
        w = body[i]
        if len(self.stack) != 1 or self.stack[0].kind != "root" or w.label is not None or self.item is not None:
            return None
        if self.provision_margin is None or abs(w.line.x0 - self.provision_margin) > _tol(w):
            return None  # set where the sub-clauses' text runs, as a provision whose label is left out; prose at the
            # clause number's margin or at the labels' (a statute's "This protocol applies to ...") is the clause's
            # text, no provision
        t = w.text.lstrip()
        if not (t[:1].isupper() or t[:1] in "“\"‘") or outline.levels is None:
            return None
        label = ".".join(str(n) for n in outline.levels)
        return Step("paragraph", self.stack[0].ident, label, None, w.text.strip())

    # ------------------------------------------------------------ where the outline hangs from

    def _clause_heading(self, body: "Body", i: int, mid_sentence: bool) -> Optional[Step]:
        """A clause number set in body type before a short title standing alone ("5. Quorum", then a gap and
        its sub-clauses): the clause heading, as the bold ones are, when it is the next clause."""
        w = body[i]
        lab = w.label
        assert lab is not None
        if not w.gap_before or mid_sentence or re.match(r"\d{1,3}\)", w.text.lstrip()):
            return None
        if len(lab.levels) == 1:
            last = self.levels[0] if self.levels is not None and len(self.levels) == 1 else 0
            if lab.levels[0] != last + 1:
                return None
        elif not _titled(lab.rest):
            return None  # a manual's sections "2.3.59.1", "2.3.59.1.1", "2.3.59.2": a number and a title
        nxt = body[i + 1] if i + 1 < len(body) else None
        beside = nxt is not None and nxt.line.page == w.line.page and abs(nxt.line.top - w.line.top) <= 2.0
        if not self._heading_shaped(body, i, lab.rest) or not (body[i + 1].gap_before or beside):
            return None  # (a side heading has its first sub-clause level with it)
        self.levels = lab.levels
        return Step("heading", lab.number, lab.number, None, lab.rest, lab.levels)

    def _follow(self, body: "Body", i: int, outline, open_paragraph) -> None:
        if len(outline.sections) != self.sections:
            self.sections = len(outline.sections)
            if self.expect_section:
                self.expect_section = False
            else:
                self.item = None
                self.owner = None
                self.levels = outline.levels
                self.stack = [_Frame(outline.number, -1e9, "root", heading=True)] \
                    if self.mode and outline.number is not None and outline.sections[-1].number is not None else []
        p = open_paragraph
        if p is None or p is self.owner or id(p) in self.mine:
            return
        self.owner = p
        self.item = None
        if p.kind.value != "paragraph" or (p.label is not None and not self.mode):
            return  # a question, or (outside a clause document) a paragraph already qualified (lettered, "6(2)")
        first = self._first_line(body, i, p)
        x = p.x_text
        margin = x + self.hang
        if first is not None and first + 1 < len(body):
            nxt = body[first + 1]
            if not nxt.gap_before and nxt.label is None and item_label(nxt.text) is None \
                    and nxt.line.page == body[first].line.page:
                margin = nxt.line.x0
        frame = _Frame(p.number, x, "par", margin=margin, first=-1 if first is None else first)
        root = [f for f in self.stack[:1] if f.kind == "root"]
        self.stack = root + [frame]

    @staticmethod
    def _first_line(body: "Body", i: int, p) -> Optional[int]:
        for j in range(i - 1, max(-1, i - 40), -1):
            if body[j].index == p.lines[0]:
                return j
        return None

    # ------------------------------------------------------------ placing an item

    def _place(self, body: "Body", i: int, label: str, rest: str, starts: bool) -> Optional[Step]:
        w = body[i]
        x = w.line.x0
        tol = _tol(w)
        for k in range(len(self.stack) - 1, -1, -1):
            f = self.stack[k]
            if f.kind in ("number", "letter", "roman") and _aligned(w, label, f):
                # after an item that ends without punctuation, the next label of an outer list (left of the open
                # item) still starts an item; at the open item's own margin it is a reference wrapped mid-sentence
                # (but not after an item closed by "; and" / "; or", the list's own joining word)
                outer = self.item is not None and x < self.item.x - tol
                if _follows(f.kind, f.last, label) and (starts or outer or self.mode and _joined(body, i, f)):
                    return self._sibling(body, i, k, label, rest, f.kind)
                if not starts:
                    return None
                if f.heading and self.mode and self._heading_shaped(body, i, rest):
                    return self._sibling(body, i, k, label, rest, _kind(label, None))  # "(2)" after "(b) ..."
                if f.heading and label.lower() in _FIRST and self._opens(body, i, f, label):
                    return self._child(body, i, k, label, rest)  # a list at its heading's own margin
                continue  # a heading and its own list share a margin: the heading's series may go on
            # a list's next label after a gap, set left of its margin but not left of the level above (its items
            # at 85.5 on one page, "(4)" at 72 on the next, where the paragraph's number stands): the list goes on
            if starts and w.gap_before and f.kind in ("number", "letter", "roman") and x < f.x and k > 0 \
                    and x > self.stack[k - 1].x - tol and _follows(f.kind, f.last, label) \
                    and not any(g.kind in ("number", "letter", "roman") and _aligned(w, label, g)
                                for g in self.stack[:k]):
                return self._sibling(body, i, k, label, rest, f.kind)
            # below a clause (a heading, or a numbered paragraph "4. FoSL has power ...:") its sub-clauses may
            # start at the clause number's own margin; below an item, further in
            if f.kind == "root" or x > f.x + tol or (self.mode and f.kind == "par" and x > f.x - tol):
                if starts and label.lower() in _FIRST and self._opens(body, i, f, label):
                    return self._child(body, i, k, label, rest)
                return None
        return None

    def _apart(self, body: "Body", i: int) -> bool:
        """Line i is spaced as a paragraph of its own: after the paper's gap, or (in a paper that spaces its
        paragraphs by no more than its gap's threshold) further below the line above than a paragraph's wrapped
        lines are below each other ("3. ... purposes of:" / "a) Increasing ..." / "b) Supporting ... regional" /
        "to national ...;" / "c) ...": 17.5 points down to each item, 11.5 to its wrapped line)."""
        w = body[i]
        if w.gap_before:
            return True
        if i == 0 or body[i - 1].line.page != w.line.page:
            return False
        if self.pitch is None:
            self.pitch = _wrap_pitch(body)
        pitch = w.line.top - body[i - 1].line.top
        return self.pitch > 0 and pitch > self.pitch + max(2.5, 0.3 * (w.line.size or 10.0))

    def _goes_on(self, body: "Body", i: int, label: str) -> bool:
        """Line i is the next item of a list already opened as provisions, at its margin, after an item that ended
        as a sentence does: a list once read as paragraphs stays so where its later items are packed closer
        ("(a) ..." and "(b) ..." spaced apart, then "(c)" to "(j)" without spacing)."""
        w = body[i]
        if self.item is None or not (self.item.packed or re.search(r"[.!?][\"'”’)]*$", body[i - 1].text.rstrip())):
            return False  # (a packed list's items run on item after item, ended or not)
        f = self.item
        return f.kind in ("number", "letter", "roman") and _aligned(w, label, f) \
            and _follows(f.kind, f.last, label) and body[i - 1].line.page == w.line.page

    def _sibling(self, body: "Body", i: int, k: int, label: str, rest: str, kind: str) -> Step:
        f = self.stack[k]
        if f.kind == "letter":
            label = _misread(f.last, label) or label  # cited as printed: "(9)" after "(f)" is 1(g)
            kind = "letter"
        del self.stack[k + 1:]
        f.last, f.kind = label, kind
        parent = self.stack[k - 1].ident if k > 0 else None
        f.ident = f"{parent}({label})" if parent else label
        return self._item(body, i, f, parent, label, rest)

    def _child(self, body: "Body", i: int, k: int, label: str, rest: str) -> Step:
        parent = self.stack[k]
        del self.stack[k + 1:]
        w = body[i]
        f = _Frame(f"{parent.ident}({label})", w.line.x0, _kind(label, None), last=label, packed=self.packing,
                   opener=label, opened_at=i)
        self.packing = False
        self.stack.append(f)
        return self._item(body, i, f, parent.ident, label, rest)

    def _item(self, body: "Body", i: int, f: _Frame, parent: Optional[str], label: str, rest: str) -> Step:
        # "(a) State Council has given them leave not to attend; or": an item joined to the next, never a heading
        joined = bool(_JOINING.search(rest.strip())) and not _dash_led(body, f)
        if self.mode and not joined and self._heading_shaped(body, i, rest):
            f.heading = True
            self.item = None
            self.expect_section = True
            return Step("heading", f.ident, label, parent, rest, self.levels)
        f.heading = False
        f.first = i
        self.item = f
        return Step("paragraph", f.ident, label, parent, rest)

    def _text_margin(self, body: "Body", f: _Frame, i: int) -> Optional[float]:
        """Where item f's wrapped text runs (its hanging indent), from its own second line before line i, or else as
        the items at its label's margin wrapped before."""
        if f.first < 0:
            return None
        for j in range(f.first + 1, i):
            v = body[j]
            if v.gap_before or v.label is not None or item_label(v.text) is not None \
                    or v.line.page != body[f.first].line.page:
                break
            self.hangs[round(f.x)] = v.line.x0
            return v.line.x0
        return self.hangs.get(round(f.x))

    @staticmethod
    def _kept_parts(body: "Body", f: _Frame, i: int, margin: float, tol: float) -> bool:
        """Item f already ran on into labelled parts set at its text margin (read as its sentence, no level of
        their own) before line i."""
        return f.first >= 0 and any(item_label(body[j].text) is not None and abs(body[j].line.x0 - margin) <= tol
                                    for j in range(f.first + 1, i))

    def _opens(self, body: "Body", i: int, f: _Frame, first: str) -> bool:
        """Does a list open at line i below level f: confirmed by its second item, and not one sentence?"""
        w = body[i]
        x, tol = w.line.x0, _tol(w)
        self.packing = False
        flat = spaced_ok = False
        if not self.mode:
            # outside a clause document: only under a numbered paragraph that introduces the list, set further in
            # than the paragraph's own text, each item spaced apart
            if self._sub_list(body, i, first) and f is self.item:
                # "(d) How Singapore can ..., including:" / "i. The principles ...": the item's own list, cited
                # 84(d)(i), confirmed by its second numeral set in as far
                second = self._second(body, i, x, tol, _next_label(first), first, loose=True)
                self.packing = second is not None and not body[second].gap_before
                return second is not None
            apart = self._apart(body, i)
            if f.kind != "par" or not _INTRO_END.search(body[i - 1].text.rstrip()):
                return False
            # (spaced by the paper's own gap, or packed, a full type size in; by a wider pitch, clearly in)
            further = x >= f.margin + (max(tol, w.line.size or 10.0) - 0.5 if w.gap_before or not apart else tol + 1.0)
            # in a flat paper whose numbers hang left of their text, under a lead-in ending with a colon, a list after
            # the paper's gap (a quoted provision's "to include—" keeps its parts)
            flat = self.flat and w.gap_before and f.margin > f.x + tol and body[i - 1].text.rstrip().endswith(":")
            # a list spaced as paragraphs at the text margin, each item's text hung well in from its label (a
            # by-law's "1. In this By-law ...:" / "(a) City means ..." / "(c) Collective Agreement means ..." /
            # "governing the ...", its wrapped lines set under the item's words, not its label)
            hung = self.short_flat and not further and not flat and w.gap_before and abs(x - f.margin) <= tol \
                and _hung_items(body, i, x, tol)
            flat = flat or hung
            if not further and not flat:
                return False
            if not apart and not (body[i - 1].text.rstrip().endswith(":") and item_label(w.text)[1][:1].isupper()
                                  and _hanging_list(body, i, x, tol, first)):
                return False  # (packed, only a list of things after a colon: "You must-" / "(a) carry out your
                # duties ...;" / "(b) show respect ...;" are one sentence in parts)
            # (a flat paper's list spaced as paragraphs: exactly at the text margin, as a word processor sets a list's
            # labels, or further in; packed, see below)
            spaced_ok = further or abs(x - f.margin) <= 1.5 or x > f.margin + tol
            if f.first < 0 or any(item_label(body[j].text) is not None for j in range(f.first + 1, i)):
                return False  # the list of an item of the paragraph ("a. ... which:" then "i."), not its own
            if (_ASKED if flat else _DECISION).search(" ".join(body[j].text for j in range(f.first, i))):
                return False  # "Cabinet is asked to: (a) approve ...": one decision list, read whole as recommendations
        if self.mode and f.kind in ("number", "letter", "roman") and not item_label(w.text)[1][:1].isupper():
            if self.parts is not None and self.parts[0] is f and x >= self.parts[1] - tol:
                return False  # "(i) the Nerang water supply scheme; or" under such a part: a part too
            margin = self._text_margin(body, f, i)
            if margin is not None and x > margin + tol and self._kept_parts(body, f, i, margin, tol):
                self.parts = (f, margin)
                return False  # "(2) ... satisfied that—" / "(b) the granting is consistent with—" read on as its
                # sentence, then "(i) the environmental flow objectives ..." set further in: a part of that part
            if margin is not None and abs(x - margin) <= tol:
                self.parts = (f, x)
                return False  # "(2) The chief executive may release water ... if—" / "(a) the proposed location is
                # within—", the list set at the margin its item's own text wraps to: the words that finish the
                # item's sentence, its parts (a constitution's list set in further, "(a) a benefit from ...", is
                # its own level)
        second = self._second(body, i, x, tol, _next_label(first), first, loose=flat)
        if second is None and self.mode and first == "1" and w.text.lstrip().startswith("(1) "):
            return True  # a clause's only sub-clause, printed "(1)" all the same ("2.3.59.1.2 Authority" / "(1)")
        if second is None:
            return False
        packing = False
        if not self.mode:
            if not apart:
                packing = True  # packed from its first item under the colon (a hanging list, checked above)
            elif flat and not body[second].gap_before and self._hangs_in(body, i, second, f, x, tol):
                # spaced from the lead-in, then packed: the paragraph's parts, but in a flat paper a list set in
                # beyond the text margin the numbers hang from ("4. The Committee's objective is ... that will:" /
                # "i. Protect ...;" / "ii. ...")
                packing = True
            elif not self._apart(body, second) or not (further or body[second].gap_before and spaced_ok):
                return False  # spaced items: the second spaced as the first is
        if f.kind != "root" and not f.heading and _resumes(body, i, x, tol):
            return False  # "No person who: a. ... b. ... shall, unless ...": items of one sentence
        self.packing = packing
        return True

    def _sub_list(self, body: "Body", i: int, label: str) -> bool:
        """In a flat paper, line i opens a list of roman numerals under the open lettered item whose words end with a
        colon, set in beyond the item's label, spaced or not."""
        f = self.item
        w = body[i]
        if not (self.flat and f is not None and f.kind == "letter" and label == "i" and i > 0 and len(self.stack) >= 2
                and body[i - 1].text.rstrip().endswith(":") and w.line.x0 > f.x + max(_tol(w), w.line.size or 10.0)):
            return False
        par = self.stack[-2]
        return par.kind == "par" and (abs(f.x - par.margin) <= 1.5 or f.packed)  # a list this module's flat rule
        # opened (a quoted provision's "(b) ... circumstances exist:" / "(i)" set in further keeps its parts)

    @staticmethod
    def _hangs_in(body: "Body", i: int, second: int, f: _Frame, x: float, tol: float) -> bool:
        """Is the packed list opening at line i set in beyond its paragraph's text margin: its first label, or
        (numerals hung left of that margin, "viii." out to the number's side) its first item's wrapped text?"""
        if x > f.margin + tol:
            return True
        if abs(x - f.margin) <= 1.5:
            # at the very margin the paragraph's text runs at: items packed as tight as its lines ("a. Introducing
            # video recording of interviews" / "b. ..."), not set a little apart as a list style sets its parts
            a, b, c = body[i - 2], body[i - 1], body[second - 1]
            if i < 2 or a.line.page != b.line.page or c.line.page != body[second].line.page or b.gap_before:
                return False
            return body[second].line.top - c.line.top <= b.line.top - a.line.top + 1.0
        for j in range(i + 1, min(len(body), i + 200)):
            v = body[j]
            if j > second and (v.gap_before or v.line.x0 < x - 2 * tol):
                return False  # the list has ended
            if item_label(v.text) is None and v.line.x0 > f.margin + tol and v.line.x0 > x + tol:
                return True
        return False

    @staticmethod
    def _second(body: "Body", i: int, x: float, tol: float, second: str, first: str = "",
                loose: bool = False) -> Optional[int]:
        """The line of the list's second item at the same margin, before the list ends (`loose`: the next label at
        that margin is the second item even where the line before does not end as an item does)."""
        for j in range(i + 1, min(len(body), i + 300)):
            w = body[j]
            got = item_label(w.text)
            if got is not None and (_item_start(body, j) or loose and got[0] == second):
                if _aligned(w, got[0], _Frame("", x, "", opener=first)):
                    return j if got[0] == second else None
                if w.line.x0 < x - tol:
                    return None
                continue
            if w.label is not None and w.label.kind in ("number", "chapter", "annex") and w.gap_before:
                return None
            if w.gap_before and w.label is None and w.line.x0 < x - tol:
                return None
        return None

    def _heading_shaped(self, body: "Body", i: int, rest: str) -> bool:
        """A sub-clause heading: a short label line standing alone, then prose or a list below it."""
        w = body[i]
        t = rest.strip()
        if not body.heading_text(t) or _INTRO_END.search(t) or len(t.split()) > 12:
            return False
        if i + 1 >= len(body):
            return False
        nxt = body[i + 1]
        if item_label(nxt.text) is not None:
            return nxt.line.x0 >= w.line.x0 - _tol(w)
        # prose after a gap, or (set tight) a new sentence under a line that stops short of the margin
        return (nxt.gap_before or not body.full_line(w.line)) and nxt.label is None and (
            nxt.text.lstrip()[:1].isupper() or nxt.text.lstrip()[:1] in "“\"‘")

    def _ends_item(self, body: "Body", i: int, mid_sentence: bool) -> bool:
        """An unlabelled line after a gap that belongs to the level above the open item: set left of it, or (in a
        clause document) a new sentence at its margin after the item ended."""
        w = body[i]
        f = self.item
        if f is None or not w.gap_before or mid_sentence or (w.label is not None and w.label.kind not in (
                "chapter", "annex")):
            return False  # a bullet at the item's margin is the item's own part
        if w.line.x0 < f.x - _tol(w):
            return True
        return self.mode and abs(w.line.x0 - f.x) <= _tol(w) and (w.text.lstrip()[:1].isupper()
                                                                   or w.text.lstrip()[:1] in "“\"‘")


def _tol(w) -> float:
    return max(3.0, 0.35 * (w.line.size or 10.0))  # a narrow label ("I.") set right-aligned to the others


# advance widths in ems of the characters of item labels (Times and Arial agree to within a tenth of an em):
# enough to tell where a label set right-aligned ends
_WIDTHS = {"i": 0.278, "j": 0.278, "l": 0.278, "f": 0.333, "t": 0.3, "r": 0.35, "s": 0.4, "a": 0.46, "c": 0.444,
           "e": 0.444, "z": 0.444, "m": 0.78, "w": 0.72}


def _label_width(label: str, size: float) -> float:
    return sum(0.5 if ch.isdigit() else _WIDTHS.get(ch.lower(), 0.5) for ch in label) * size


def _aligned(w, label: str, f: _Frame) -> bool:
    """Line w's label stands at list f's margin: its left edge at the list's, or (a list whose labels are set
    right-aligned, "(9)" then "(10)" one digit further left, "(i)", "(ii)", "(iii)", "(l)" then the wider "(m)")
    its label's end at the end of the list's first label."""
    x, tol = w.line.x0, _tol(w)
    if abs(x - f.x) <= tol:
        return True
    if not f.opener or label == f.opener:
        return False
    size = w.line.size or 10.0
    return abs(x + _label_width(label, size) - f.x - _label_width(f.opener, size)) <= tol


def _joined(body: "Body", i: int, f: _Frame) -> bool:
    """The line before line i closes an item with the list's joining word ("...; and", "...; or"): a label at the
    list's margin starts its next item, though the sentence reads on.  Not in a list its lead-in runs into with a
    dash ("... the trading zones are—"), as a statute's parts of one sentence are."""
    return i > 0 and bool(_JOINING.search(body[i - 1].text.rstrip())) and not _dash_led(body, f)


def _dash_led(body: "Body", f: _Frame) -> bool:
    """List f's lead-in runs into it with a dash ("... the trading zones are—"): a statute's parts of one sentence,
    whose items the joining words do not set apart."""
    return f.opened_at > 0 and bool(re.search(r"[—–-]\s*$", body[f.opened_at - 1].text))


def _item_start(body: "Body", j: int) -> bool:
    """Does the item label on line j start an item (not a reference wrapped to a line start mid-sentence)?"""
    w = body[j]
    if w.gap_before or j == 0:
        return True
    prev = body[j - 1]
    return bool(_ENDED.search(prev.text.rstrip())) or not body.full_line(prev.line)


def _resumes(body: "Body", i: int, x: float, tol: float) -> bool:
    """After the list that opens at line i, does its sentence resume (a line left of the items, lower case)?"""
    for j in range(i + 1, min(len(body), i + 300)):
        w = body[j]
        if w.line.x0 >= x - tol:
            continue
        return w.label is None and item_label(w.text) is None and w.text.lstrip()[:1].islower()
    return False


def _hanging_list(body: "Body", i: int, x: float, tol: float, first: str) -> bool:
    """A list packed under its lead-in, set in a type size beyond the paragraph's text, as a word processor sets a
    second-level list ("21. The proposed new board structure ... is:" / "a. INTEROPen clinical joint chair" /
    "b. ..." ... "l. NHS England (1 seat)"): four items or more at one margin, labels following each other, every
    wrapped line hanging further in than the labels, until a line left of them ends the list."""
    n, kind, last = 0, _kind(first, None), ""
    for j in range(i, min(len(body), i + 200)):
        w = body[j]
        if w.line.x0 < x - tol:
            break
        got = item_label(w.text)
        if got is not None and abs(w.line.x0 - x) <= tol:
            if not (got[0] == first if n == 0 else _follows(kind, last, got[0])):
                return False
            n, last = n + 1, got[0]
        elif w.line.x0 <= x + tol or w.gap_before:
            return False
    return n >= 4


def _hung_items(body: "Body", i: int, x: float, tol: float) -> bool:
    """The spaced list opening at line i hangs its text: every item starts after a gap at its labels' margin x, and
    every wrapped line of its first three items stands at least two type sizes right of x (one at least)."""
    items = wrapped = 0
    for j in range(i, min(len(body), i + 60)):
        w = body[j]
        size = w.line.size or 10.0
        if item_label(w.text) is not None and abs(w.line.x0 - x) <= tol:
            if not w.gap_before or items == 3:
                break
            items += 1
        elif w.gap_before or w.line.page != body[j - 1].line.page or w.line.x0 < x - tol:
            break
        elif w.line.x0 < x + 2 * size:
            return False
        else:
            wrapped += 1
    return items >= 2 and wrapped >= 1


def _wrap_pitch(body: "Body") -> float:
    """The usual distance from a line down to the next line of its paragraph (unlabelled, no gap, same page, same
    size): the median over the paper, 0 with too few."""
    pitches = []
    for a, b in zip(body, body[1:]):
        if b.label is None and not b.gap_before and b.line.page == a.line.page and b.line.top > a.line.top \
                and abs(b.line.size - a.line.size) < 0.5 and item_label(b.text) is None:
            pitches.append(b.line.top - a.line.top)
    if len(pitches) < 5:
        return 0.0
    pitches.sort()
    return pitches[len(pitches) // 2]


def _hang(body: "Body") -> float:
    """How far a numbered paragraph's second line is set in from its number (0 where the text does not hang)."""
    deltas = []
    for a, b in zip(body, body[1:]):
        if a.label is not None and a.label.kind == "number" and b.label is None and not b.gap_before \
                and b.line.page == a.line.page and body.full_line(a.line):
            deltas.append(b.line.x0 - a.line.x0)
    if len(deltas) < 3:
        return 0.0
    deltas.sort()
    return max(deltas[len(deltas) // 2], 0.0)


def _provision_margin(body: "Body") -> Optional[float]:
    """The margin the wrapped text of numbered sub-clauses ("(1) State Council may ...", its second line) runs at,
    where it hangs right of their labels in most of them; None where it does not (wrapped under the label)."""
    pairs = []
    for a, b in zip(body, body[1:]):
        got = item_label(a.text)
        if got is not None and got[2] and got[0].isdigit() and b.label is None and not b.gap_before \
                and item_label(b.text) is None and b.line.page == a.line.page and body.full_line(a.line):
            pairs.append((a.line.x0, b.line.x0))
    if len(pairs) < 3:
        return None
    hung = sorted(b for a, b in pairs if b > a + 3.0)
    if 2 * len(hung) <= len(pairs):
        return None
    return hung[len(hung) // 2]


def _titled(rest: str) -> bool:
    """A section number's words are a title (a manual's "2.3.59.1 Program Scope and Objectives"): a few words, not
    ending as a sentence or a lead-in does."""
    rest = rest.strip()
    return 0 < len(rest.split()) <= 10 and not rest.endswith((".", ":", ";", ",", "-", "–", "—"))


def set_in_clauses(body: "Body") -> bool:
    """Is the document set in clauses: at least two numbered lines (`4. Powers`) each followed, before the next,
    by sub-clauses `(1)` (or `1)`) and `(2)` that start lines at one margin?"""
    found = 0
    first_x: Optional[float] = None
    armed = False
    for w in body:
        lab = w.label
        t = w.text.lstrip()
        if lab is not None and lab.kind == "number" and (len(lab.levels) == 1 or _titled(lab.rest)) \
                and w.gap_before and not re.match(r"\d{1,3}\)", t):
            armed, first_x = True, None
            continue
        if not armed:
            continue
        if t.startswith(("(1) ", "1) ")):
            first_x = w.line.x0
        elif t.startswith(("(2) ", "2) ")) and first_x is not None and abs(w.line.x0 - first_x) <= _tol(w):
            found += 1
            armed = False
            if found >= 2:
                return True
    return False


def flat_numbering(body: "Body", least: int = 20) -> bool:
    """Is the paper numbered as one flat series: at least twenty (`least`) paragraph numbers after a gap, nearly
    all of one level, nearly every one the last plus one (a restart or two allowed: an executive summary numbered
    apart)?  Conditions numbered `1.1.1`, a framework's policies restarting at `1.` under each heading, are not."""
    numbers = [w.label.levels for w in body if w.label is not None and w.label.kind == "number" and w.gap_before
               and not w.label.word]
    flat = [lv[0] for lv in numbers if len(lv) == 1]
    if len(flat) < least or len(flat) < 0.9 * len(numbers):
        return False
    steps = list(zip(flat, flat[1:]))
    on = sum(1 for a, b in steps if b == a + 1)
    back = sum(1 for a, b in steps if b <= a)
    return on >= 0.8 * len(steps) and back <= max(1, len(steps) // 30)
