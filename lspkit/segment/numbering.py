"""Paragraph numbers: parse them, and use their sequence as the document's identifiers.

A number at the start of a line is only a candidate: "2006." or "3.5 million"
wrapped to a line start, or a list item "1." inside a paragraph, look the same.
The candidate becomes a paragraph only when it continues the sequence (next at
the same level, one level down, back up a level, or a restart after a new
chapter); gaps, duplicates and restarts are accepted with a warning when the
numbers that follow confirm them.

Everything about labels lives here: how they are parsed (`parse_label`), how a
number follows another (`successor_kind`), and `Numbering`, the state of the
sequence, which decides whether a labelled line starts a numbered paragraph or
a question.  A new label kind or a new restart rule is a change to this module.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Collection, Optional, Sequence

from ..model import ParagraphKind

if TYPE_CHECKING:  # lines.py parses labels with this module, so its types are named only for checking
    from .lines import Body, WorkLine

# a day's month and year, all that a line has after its number: "9 July 2025" is a date
_MONTH_YEAR_ONLY = re.compile(r"(?i)^\s*(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?,?\s+\d{4}\s*$")
_NUM = re.compile(r"^(\d{1,3}(?:\.\d{1,3}){0,4})(\.|\))?(?:\s+|$)(.*)$", re.S)
_NUM_GLUED = re.compile(r"^(\d{1,3}(?:\.\d{1,3}){1,4})\.?(?=[A-Z(“\"‘])(.*)$", re.S)  # "4.1The ..." (no space)
_MINUTE = re.compile(r"^(\d{4})\.\s+(?=[A-Z])(.*)$", re.S)  # "2747. Police Report: ..." (minute numbers run on)
_FLAT_GLUED = re.compile(r"^(\d{1,3})\.(?=[A-Z“\"‘][a-z ])(.*)$", re.S)  # "100.The ...", "10.Section ..." (no space)
_NUM_DASH = re.compile(r"^(\d{1,3})\.?\s?[-–—]\s*(?=\(\d|[A-Z])(.*)$", re.S)  # "6.—(1) You must", "7- You must not"
# a sub-item's label, its letter joined to the item's number by a hyphen ("4-A   Determination of status ..." under
# "4. REGULAR AGENDA ITEMS"): no dash after a number, and not the item's number
_SUB_ITEM = re.compile(r"^\d{1,3}[-–][A-Z](?:\s|$)")
# a line ending with the noun a number cites, singular ("... with the exception of Standing Order" / "1. Therefore"):
# the number at the next line's start goes with it, mid-sentence (a title's plural, "... Standing Orders", cites none)
_REFERENCE_TAIL = re.compile(r"(?:\b(?:[Ss]tanding [Oo]rder|[Aa]rticle|[Ss]ection|[Cc]lause|[Pp]aragraph|[Rr]ule|"
                             r"[Rr]egulation|[Ss]chedule|[Aa]ppendix|[Aa]nnex|[Cc]hapter|[Pp]age)|§)$")
_ANNEX_NUM = re.compile(r"^([A-Z])\.(\d{1,3}(?:\.\d{1,3}){0,3})(\.|\))?(?:\s+|$)(.*)$", re.S)  # "B.1." in Annex B
# a resolution numbered under its minute, the minute's number "32/25" (minute 32 of 2025) then ".1", ".2"
_MINUTE_RESOLUTION = re.compile(r"^(\d{1,4}/\d{2,4})\.(\d{1,2})\b\.?\s*(?=\S)(.*)$", re.S)
# an agenda item lettered by its section with its number glued on ("D1. Accept the minutes ..." under "D. Consent
# Calendar", then "E1.", "G5."): cited as printed, the letter a first level as an annex's is
_LETTER_NUMBER = re.compile(r"^([A-Z])(\d{1,2})\.\s+(?=[A-Z“\"‘(])(.*)$", re.S)
# an agenda item's label before its file number, as agenda software prints them ("A  21-0020  Mary Avenue ...",
# "1.A  21-0177  Approve ...", "2  21-0017  Discussion ..."): the file number vouches for the label
_FILE_ITEM = re.compile(r"^(\d{1,2}\.[A-Z]|(?:[A-Z]|\d{1,2})\.-\d{1,2}(?=\.?\s)|[A-Z]|\d{1,2})\.?\s+"
                        r"(?=\d{2}-\d{3,5}\s+[A-Z])(.*)$", re.S)
# ("A.-1.  23-6764  Presentation ...": the section's letter or number, a dot, a hyphen, then the item's number)
_QUESTION = re.compile(r"^(?i:consultation\s+)?(?:(?i:question)|Q)\.?\s?(\d{1,3}[a-z]?)\b\s*[.:)\-–—]?\s*(.*)$", re.S)
# a quarter of a year, not a question: "Q1 2025–2026", "Q3 2024/25", "Q4 FY24", "Q2 of 2023", a table's columns
# "Q1 Q2 Q3 Q4"
_QUARTER = re.compile(r"^Q[1-4]\s*(?:(?:of\s+)?(?:19|20)\d\d\b|FY\s?\d\d|Q[1-4]\b)")
_CHAPTER = re.compile(r"^(Chapter|Part|Section|Article)\s+(\d{1,3}|[IVXLC]{1,6})\b\s*[:.\-–—]?\s*(.*)$", re.S | re.I)
_ANNEX = re.compile(r"^(Annexe|Annex|Appendix|Schedule)\s+([A-Z]|\d{1,3}|[IVX]{1,5})\b\s*[:.\-–—]?\s*(.*)$", re.S | re.I)
_SUBPART = re.compile(r"^(?:\(([a-z]{1,2}|[ivxlc]{1,6}|\d{1,2})\)\.?|([a-z]{1,2}|[ivx]{1,5})\))\s+(.*)$", re.S)
_BULLET = re.compile(
    r"^([•▪▫◦●○■□◆◇►▶▸➢➤➣✓✔✗✘·∙‣⁃⦁◘\uf0a7\uf0b7\uf0d8\uf0fc\uf076\uf0a8\uf0e0\uf0de\uf02d]|[\ue000-\uf8ff]"
    r"|[-–—*o!Øüq](?=\s)|§(?=\s(?!\d)))\s*(.*)$",  # Wingdings/Symbol bullets extracted as ! Ø ü § q (a "§ 632-1."
    # before a number is the section sign)
    re.S,
)


# the word of a label that an item's identifier of a series gave ("(12-095)", "R2026-16": itemids.py): the series
# vouches for it, as a file number does for an agenda's item, and its numbering is its own
ITEM_ID = "Id"
# the word of a label that a paper's series of roman numerals gave a run-in paragraph ("I. GENERAL POLICY: It is
# ...": roman.py): the series vouches for it, jumps and all ("V." then "XIII.")
ROMAN = "Roman"
# the word of a label whose number has a letter glued on, of a series the paper prints ("6a: Proposers shall ...":
# suffixed.py): the series vouches for it
SUFFIXED = "Suffixed"


@dataclass(frozen=True)
class Label:
    """What a line starts with: a number, a question, a chapter or annex, a lettered part or a bullet."""

    kind: str  # "number", "question", "chapter", "annex", "part", "bullet"
    number: str  # as printed, without a trailing dot; "" for bullets
    rest: str  # the text after the label
    levels: tuple[int, ...] = ()
    dotted: bool = False  # printed with a trailing "." or ")"
    word: str = ""  # "Chapter", "Annex", ... for headings


def unlabel_display_questions(work: list, size: float) -> None:
    """A question's label in display type (twice the body's size and more) is no question: "Q2 Patient Experience
    Report" over a cover is the title of a quarter's report; a paper's questions are set in its text or heading
    type."""
    if not size:
        return
    for w in work:
        if w.label is not None and w.label.kind == "question" and w.line.size >= 2 * size:
            w.label = None


def parse_label(text: str) -> Optional[Label]:
    """The label a line starts with, if any."""
    t = text.lstrip()
    if "-" in t[3:14] and (t[:1].isdigit() or "A" <= t[:1] <= "Z"):
        m = _FILE_ITEM.match(t)  # an agenda item's label before its file number ("1.A 21-0177 Approve ...")
        if m:
            number, rest = m.groups()
            head, _, letter = number.partition(".")
            if letter[:1] == "-":  # ("A.-1. 23-6764 Presentation ...": the file number printed as a column of
                # its own between the label and the item, the item's text after it)
                head_level = int(head) if head.isdigit() else annex_level(head)
                item = rest.split(None, 1)[1].strip()  # (a file number and a word after it: the pattern's lookahead)
                return Label("number", number, item, (head_level, int(letter[1:])), True, "File")
            levels = (int(head), ord(letter) - 64) if letter else \
                ((int(head),) if head.isdigit() else (annex_level(head),))
            return Label("number", number, rest.strip(), levels, True, "File")
    if not t[:1].isdigit():  # (every pattern up to _MINUTE_RESOLUTION opens with a digit: only those are tried
        return _lettered_label(t)  # on a line that opens with one, and only the others on any other line)
    m = _NUM.match(t)
    if m:
        number, dot, rest = m.groups()
        levels = tuple(int(x) for x in number.split("."))
        if len(levels) > 1 and levels[-1] == 0:
            levels = levels[:-1]  # "2.0 BACKGROUND" heads the 2.x paragraphs, like "2."
        if levels[0] == 0 and (len(levels) < 2 or not rest[:1].isupper()):
            return None  # "0.1 As information ...", "0.0.1 Adoption of the agenda": a standard's clause 0, a code's
            # chapter 0 (a capital after it); a bare "0", "0.5 mg" or "0.25 per cent" is no label
        return Label("number", number, rest.strip(), levels, bool(dot))
    m = _NUM_GLUED.match(t)
    if m:
        number, rest = m.groups()
        return Label("number", number, rest.strip(), tuple(int(x) for x in number.split(".")), False)
    m = _MINUTE.match(t)
    if m:
        number, rest = m.groups()
        return Label("number", number, rest.strip(), (int(number),), True)
    m = _NUM_DASH.match(t)
    if m and int(m.group(1)) > 0 and not _SUB_ITEM.match(t):  # the statutory style: a dash after the number
        number, rest = m.groups()
        return Label("number", number, rest.strip(), (int(number),), True)
    m = _FLAT_GLUED.match(t)
    if m and int(m.group(1)) > 0:
        number, rest = m.groups()
        return Label("number", number, rest.strip(), (int(number),), True)
    m = _MINUTE_RESOLUTION.match(t)
    if m and int(m.group(2)) > 0:
        minute, k, rest = m.groups()
        return Label("number", f"{minute}.{k}", rest.strip(), (int(k),), True)
    return None


# the characters _QUESTION, _CHAPTER and _ANNEX can open with (case-insensitive: "ſ" folds to "s")
_WORD_LED = frozenset("CQcqACPSacps\u017f")


def _lettered_label(t: str) -> Optional[Label]:
    """parse_label for a line that does not open with a digit.  The patterns in their order, each only where
    the line's first character is one it can open with."""
    first = t[:1]
    m = _ANNEX_NUM.match(t) if "A" <= first <= "Z" and t[1:2] == "." and first != "Q" else None  # "Q.3": a question
    if m:
        letter, number, dot, rest = m.groups()
        levels = (annex_level(letter),) + tuple(int(x) for x in number.split("."))
        return Label("number", f"{letter}.{number}", rest.strip(), levels, bool(dot))
    if first in _WORD_LED:
        m = _QUESTION.match(t)
        if m and not _QUARTER.match(t):
            return Label("question", "Q" + m.group(1), m.group(2).strip(), (_int(m.group(1)),))
        m = _CHAPTER.match(t)
        if m:
            word, num, rest = m.groups()
            return Label("chapter", _roman_or_int(num), rest.strip(), (), False, word.capitalize())
        m = _ANNEX.match(t)
        if m:
            word, num, rest = m.groups()
            return Label("annex", num.upper() if len(num) == 1 else num, rest.strip(), (), False, word.capitalize())
    if "A" <= first <= "Z" and t[1:2].isdigit():
        m = _LETTER_NUMBER.match(t)  # "D1. Accept the minutes ...": an agenda item lettered by its section
        if m and int(m.group(2)) > 0:
            letter, k, rest = m.groups()
            return Label("number", f"{letter}{k}", rest.strip(), (annex_level(letter), int(k)), True)
    m = _SUBPART.match(t) if first == "(" or "a" <= first <= "z" else None
    if m:
        label = m.group(1) or m.group(2)
        return Label("part", label, m.group(3).strip())
    if "A" <= first <= "Z" or "a" <= first <= "z" and first not in "oq":
        return None  # (no bullet is a letter, but for the Wingdings ones read as "o" and "q")
    m = _BULLET.match(t)
    if m and m.group(2).strip():
        return Label("bullet", "", m.group(2).strip())
    return None


def annex_level(letter: str) -> int:
    """Annex and appendix letters as a first numbering level that never meets a chapter number."""
    return 1000 + ord(letter.upper()) - ord("A") + 1


def _int(s: str) -> int:
    return int(re.match(r"\d+", s).group(0))


_ROMAN = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100}


def _roman_or_int(s: str) -> str:
    if s.isdigit():
        return s
    total = 0
    prev = 0
    for ch in reversed(s.upper()):
        v = _ROMAN[ch]
        total = total - v if v < prev else total + v
        prev = max(prev, v)
    return str(total)


# ---------------------------------------------------------------- sequences


def successor_kind(prev: Optional[tuple[int, ...]], cand: tuple[int, ...], max_gap: int = 0) -> Optional[str]:
    """How `cand` follows `prev`: "next", "down", "up", "gap" (within max_gap), "duplicate" or None."""
    if prev is None:
        return "next" if cand[-1] <= 1 + max_gap else None
    if cand == prev:
        return "duplicate"
    # one level down: 3.2 -> 3.2.1 (a level counted from 0 opens at 0: chapter 0's "0.0" -> "0.0.1")
    if len(cand) > len(prev) and cand[: len(prev)] == prev and all(c == 1 or c == 0 and k < len(cand) - 1
                                                                   for k, c in enumerate(cand) if k >= len(prev)):
        return "down"
    # same or higher level, incremented at depth k, deeper levels restarting at 1
    for k in range(min(len(prev), len(cand)), 0, -1):
        if cand[: k - 1] != prev[: k - 1]:
            continue
        step = cand[k - 1] - prev[k - 1]
        if step < 1 or not all(c == 1 for c in cand[k:]):
            continue
        if step == 1:
            return "next" if len(cand) == len(prev) and k == len(cand) else "up"
        if step <= 1 + max_gap:
            return "gap"
    return None


def letter_kind(prev: Optional[str], label: str) -> str:
    """Whether a part label like "i" is a letter or a roman numeral, given the label before it."""
    lab = label.lower()
    if not re.fullmatch(r"[ivxlc]+", lab):
        return "letter"
    if prev is None:
        return "roman"
    p = prev.lower()
    if len(lab) == 1 and len(p) == 1 and ord(lab) == ord(p) + 1:
        return "letter"  # (h) then (i), (u) then (v), (w) then (x)
    if re.fullmatch(r"[ivxlc]+", p) and _roman_value(lab) == _roman_value(p) + 1:
        return "roman"
    return "roman" if lab in ("i", "ii", "iii", "iv") else "letter"


def _roman_value(s: str) -> int:
    return int(_roman_or_int(s.upper()))


def sequence_warnings(numbers: Sequence[str], headings: Collection[str] = ()) -> list[str]:
    """Gaps, duplicates and restarts in a list of accepted paragraph numbers, in words a reader can check.
    `headings`: numbers the paper prints as headings (a minute item "4. Office Bearers reports:" over its lettered
    reports): a gap that only they fill is no gap."""
    out: list[str] = []
    seen: set[str] = set()
    prev: Optional[tuple[int, ...]] = None
    # parts numbered I, II, III (lspkit.segment.roman): I, V and X are numerals there, not annex letters
    roman = any(re.fullmatch(r"[IVXLC]{2,}", n) for n in numbers)
    shown = ""
    for n in numbers:
        if n.startswith("Q"):
            continue
        try:
            if roman and re.fullmatch(r"[IVXLC]+", n):
                cand = (int(_roman_or_int(n)),)
            else:
                cand = tuple(annex_level(x) if x.isalpha() and len(x) == 1 else int(x)
                             for x in n.replace(".-", ".").split("."))  # ("A.-1": an agenda's letter, then its item)
        except (ValueError, KeyError):
            continue
        if n in seen:
            out.append(f"paragraph number {n} appears more than once")
        seen.add(n)
        if prev is not None and (prev[0] > 1000) != (cand[0] > 1000):
            prev = None  # into (or out of) an annex: its numbering starts afresh
        if prev is not None:
            kind = successor_kind(prev, cand, max_gap=50)
            if kind == "gap" and not _filled(prev, cand, headings):
                out.append(f"numbering gap: {shown} is followed by {n}")
            elif kind is None and cand != prev:
                out.append(f"numbering restarts or goes back: {shown} is followed by {n}")
        prev, shown = cand, (n if roman and re.fullmatch(r"[IVXLC]+", n) or ".-" in n else _fmt(cand))
    return out


def _filled(prev: tuple[int, ...], cand: tuple[int, ...], headings: Collection[str]) -> bool:
    """Whether the numbers between prev and cand on their last level ("3" .. "5": "4") are all headings."""
    if not headings or len(prev) != len(cand) or prev[:-1] != cand[:-1] or cand[-1] - prev[-1] > 50:
        return False
    stem = "".join(f"{x}." for x in prev[:-1])
    return all(f"{stem}{k}" in headings for k in range(prev[-1] + 1, cand[-1]))


def question_warnings(numbers: Sequence[str]) -> list[str]:
    """Gaps in a list of accepted question numbers ("Q3" followed by "Q5")."""
    out = []
    prev = None
    for n in numbers:
        try:
            v = int(re.match(r"Q(\d+)", n).group(1))
        except (AttributeError, ValueError):
            continue
        if prev is not None and v > prev + 1:
            out.append(f"question numbering gap: Q{prev} is followed by {n}")
        prev = v
    return out


def _fmt(levels: tuple[int, ...]) -> str:
    return ".".join(chr(x - 1001 + ord("A")) if x > 1000 else str(x) for x in levels)


# ---------------------------------------------------------------- the sequence while segmenting


class Numbering:
    """Where the document's numbering has got to, and what may come next."""

    def __init__(self) -> None:
        self.last_levels: Optional[tuple[int, ...]] = None  # the last accepted paragraph number
        self.heading_since_last = False  # a heading came after it: numbering may restart
        self.last_q: Optional[int] = None
        self.seen_q: set[str] = set()
        self.first_q = ""  # the words Q1 asked: a Q1 after a heading that asks something else restarts the list
        self.number_x: list[float] = []  # where accepted numbers start on the line
        self.series_x: Optional[float] = None  # where a series restarted at a margin of its own starts its numbers
        self.number_size: list[float] = []  # the type size of accepted numbered lines
        self.annex = AnnexNumbers()
        self.letters = LetteredParagraphs()
        self.list_levels: Optional[tuple[int, ...]] = None  # the last item of a short numbered list of phrases
        self.seen_levels: set[tuple[int, ...]] = set()  # every number accepted so far
        self.title_levels: Optional[tuple[int, ...]] = None  # the last numbered title of a reading list
        self.item_id: Optional[str] = None  # the open item of an identified series ("R2026-17"): its list's parent

    def paragraph_start(self, body: Body, i: int, section_levels: Optional[tuple[int, ...]], in_paragraph: bool,
                        mid_sentence: bool) -> Optional[tuple[str, ParagraphKind]]:
        """Does line i start a numbered paragraph or a question?  Then record it; its number as shown and kind.

        `section_levels` are the levels of the numbered section the line is in; `in_paragraph` says a paragraph
        is open, `mid_sentence` that its last line did not end it.
        """
        w = body[i]
        lab = w.label
        if lab is None:
            return None
        if lab.kind == "number" and self._accept_number(body, i, section_levels, in_paragraph, mid_sentence):
            self.taken(w, lab.levels, body)
            if lab.word == ITEM_ID:
                self.last_levels = None  # "R2026-17 ...": a list "1." to "4." inside the item numbers afresh,
                self.item_id = lab.number  # its items cited with the item's identifier, "R2026-17(1)"
            elif self.item_id is not None and len(lab.levels) == 1 and not lab.word:
                if lab.levels == (1,):
                    self.series_x = w.line.x0  # the list's own margin, set in from the item's identifier
                return f"{self.item_id}({lab.number})", ParagraphKind.PARAGRAPH
            return self.annex.paragraph(lab.number), ParagraphKind.PARAGRAPH
        if lab.kind == "question" and self._accept_question(w, lab, in_paragraph, body, i):
            self.seen_q.add(lab.number)
            self.last_q = lab.levels[0]
            if lab.levels[0] == 1:
                self.first_q = _first_words(lab.rest)
            return lab.number, ParagraphKind.QUESTION
        return None

    def taken(self, w: WorkLine, levels: tuple[int, ...], body: Body) -> None:
        """Number `levels` on line w starts a paragraph (here, or an agenda's item): what may follow it."""
        self.letters.stop()
        self.last_levels = levels
        self.seen_levels.add(levels)
        self.heading_since_last = False
        self.number_x.append(w.line.x0)
        if self.series_x is not None and abs(w.line.x0 - self.series_x) > 2:
            self.series_x = None
        if abs(w.line.page_width - body.page_width) < 2:  # a fold-out flow chart's steps set no norm
            self.number_size.append(w.line.size)

    def repeated_question(self, lab: Optional[Label]) -> bool:
        """A question already asked: in an annex, the summary of questions repeats them."""
        return lab is not None and lab.kind == "question" and lab.number in self.seen_q

    def section_opens(self, number: Optional[str], annex: bool) -> Optional[str]:
        """A heading: numbering may restart after it, and an annex may qualify what follows.  Its number as shown."""
        self.heading_since_last = True
        self.letters.stop()
        self.item_id = None
        self.list_levels = None
        self.title_levels = None
        if annex:
            self.annex.enter(number or "Annex")
            return number
        return None if number is None else self.annex.section(number)

    def at_number_x(self, w: WorkLine, body: Body) -> bool:
        """Does the line start where this document's paragraph numbers start (not indented like a list)?"""
        if len(self.number_x) < 2:
            return True
        if self.series_x is not None and body.pdf and abs(w.line.x0 - self.series_x) <= 2:
            return True
        xs = sorted(self.number_x[-20:])
        median = xs[len(xs) // 2]
        if not body.pdf:
            return w.line.x0 <= median + 1  # indentation in characters
        return w.line.x0 <= median + max(6.0, 0.8 * (w.line.size or 10))

    def smaller_type(self, w: WorkLine, body: Body) -> bool:
        """Set clearly smaller than this document's numbered paragraphs: a footnote or a table's numbered row."""
        if not body.pdf or len(self.number_size) < 3 or not w.line.size:
            return False
        sizes = sorted(self.number_size[-20:])
        return w.line.size < 0.9 * sizes[len(sizes) // 2]

    def note_type(self, w: WorkLine, body: Body) -> bool:
        """Before three numbered paragraphs have set their size, set clearly smaller than the body text: a figure's
        or a table's notes ("1. Includes total cases for 2004 ...", in 6.5 pt under a chart in a 9 pt report) in a
        paper whose numbered lines are all such notes.  Such a line starts no paragraph (what it does to the lines
        around it is left as it was: a cover's small lines keep their blocks)."""
        return body.pdf and len(self.number_size) < 3 and bool(w.line.size) and bool(body.size) \
            and w.line.size < 0.8 * body.size

    def _accept_number(self, body: Body, i: int, section_levels: Optional[tuple[int, ...]], in_paragraph: bool,
                       mid_sentence: bool) -> bool:
        w = body[i]
        lab = w.label
        assert lab is not None
        cand = lab.levels
        if lab.word in (ROMAN, SUFFIXED):
            return True  # a series found over the whole paper vouches for its own, whatever their type's size
        if self.smaller_type(w, body) or self.note_type(w, body):
            return False
        if self._phrase_list(body, i) or self._list_title(body, i):
            return False
        if lab.word in ("File", ITEM_ID):
            return True  # an agenda item before its file number ("1.A 21-0177 Approve ..."): the file number vouches
            # (an item's identifier of a series, "(12-095)", "R2026-16": the series vouches)
        if lab.word:
            # a provision's own label ("Rule 31A."), found as a series over the whole paper: it starts a paragraph
            # wherever it follows on (a letter after a number is a provision inserted later; a few may be gone)
            # Under a new heading the series restarts ("ARTICLE IV" / "SECTION 1: The Library shall ..."), or goes
            # on from a provision of its own set as the heading ("SECTION 1: Mission Statement" / "SECTION 2: In ...")
            # (or jumps on under a heading past provisions repealed: "AUDITORS" / "*(Sections 18, 19, 20, 21, and 22
            # ... was repealed ...)" / "BOARD OF HEALTH" / "Section 23: The Board of Health shall ...")
            return self.last_levels is None or successor_kind(self.last_levels, cand, max_gap=3) is not None \
                or self.heading_since_last and len(cand) == 1 and (cand == (1,) or section_levels is not None
                                                                  and cand == (section_levels[-1] + 1,)
                                                                  or len(self.last_levels) == 1
                                                                  and cand[0] > self.last_levels[0])
        if self._boxed_restart(body, i):
            self.series_x = w.line.x0
        if in_paragraph and not w.gap_before and body.pdf and not self.at_number_x(w, body):
            return False
        if not self.at_number_x(w, body) and not w.gap_before:
            return False
        prev = self.last_levels
        if len(cand) == 1 and not lab.dotted and lab.rest[:1].islower():
            return False  # "2 full bulk data extracts at £50,000": a quantity, not a paragraph's number
        if len(cand) == 1 and not lab.dotted and _MONTH_YEAR_ONLY.match(lab.rest):
            return False  # "9 July 2025" alone on its line under a cover's title: a date, not paragraph 9
        if len(cand) == 1 and not lab.dotted and not w.gap_before and not self._undotted_item(body, i, mid_sentence):
            return False  # "12 months" wrapped to a line start
        again = self._printed_again(body, i)
        if not w.gap_before and mid_sentence and not again and not self._last_item(body, i) \
                and not self._hung_next(body, i):
            return False  # "... as set out in paragraph" / "4.3 below": a reference wrapped mid-sentence
        if not w.gap_before and i > 0 and _REFERENCE_TAIL.search(body[i - 1].text.rstrip()):
            return False  # "... with the exception of Standing Order" / "1. Therefore ...": the number it cites,
            # wrapped to the next line, whatever was open there (a paragraph or a block) and whatever the page
        kind = successor_kind(prev, cand)
        if prev is None:
            sec = section_levels
            if sec is not None and cand[: len(sec)] == sec and len(cand) == len(sec) + 1 and cand[-1] <= 2:
                return True
            if kind is not None:
                return True
            return self._confirmed(body, i, cand, None)
        if kind == "up" and len(cand) < len(prev):
            sec = section_levels
            if self.heading_since_last and sec is not None and cand == sec + (1,):
                return True  # "5.1" right under its heading "5." (after 4.2.2): the section's first paragraph
            # back up to a shallower level ("2." after 1.3): a list item inside a paragraph looks the same,
            # so the numbers after it must continue from it
            following = body.numbers_after(i, 1)
            if following:
                # (or on into the next chapter: "3.2" after 3.1.1, then "4.0 Address" and "4.1")
                return successor_kind(cand, following[0]) in ("next", "down") or w.gap_before and len(cand) >= 2 \
                    and following[0][0] == cand[0] + 1 and successor_kind(cand, following[0]) == "up"
            return w.gap_before
        if kind in ("next", "down", "up"):
            return True
        if self.heading_since_last and section_levels is not None and len(cand) == len(section_levels) == 1 \
                and cand[0] == section_levels[0] + 1 and cand[0] > prev[0] and w.gap_before and not mid_sentence \
                and len(lab.rest.split()) > 4 and not lab.rest.isupper() and not body.numbered_heading_look(w):
            return True  # numbered on from the item headings since the last paragraph ("3. MINUTES: Member Rocha
            # moved ..." / "4. REGULAR AGENDA ITEMS" ... "8. CIVIL SERVICE BOARD COMMUNICATIONS" / "None." / "9. There
            # being no further business ..."): a minutes' items count headings and paragraphs as one series
        if self.heading_since_last:
            sec = section_levels
            if sec is not None and cand[: len(sec)] == sec and cand[-1] == 1:
                return True
            depth = len(prev) - (prev[0] > 1000 and len(prev) > 1)  # an annex's "B.3" (a specimen's "X.3") is a "3"
            if cand[-1] == 1 and all(c == 1 for c in cand[1:]) and len(cand) in (len(prev), depth):
                return True  # flat numbering restarting in a new chapter
        if kind is None and len(cand) >= 2 and cand[0] == prev[0] and cand in self.seen_levels and w.gap_before \
                and not mid_sentence and lab.rest[:1].isupper() and self.at_number_x(w, body):
            return True  # "4.42" printed again after 4.45 (a word processor's list numbering stuck): keep both
        if kind == "duplicate" and (w.gap_before and not mid_sentence or again):
            # the same number printed twice: both are paragraphs (unique_ids gives the second its own id) when the
            # numbers after it go on from it
            following = body.numbers_after(i, 1)
            if not following or successor_kind(cand, following[0]) in ("next", "down", "up", "duplicate"):
                return True
        if successor_kind(prev, cand, max_gap=3) == "gap":
            return self._confirmed(body, i, cand, prev) or (w.gap_before and self.at_number_x(w, body))
        return self._confirmed(body, i, cand, prev)

    def _boxed_restart(self, body: Body, i: int) -> bool:
        """Line i restarts the numbering at "1." under a heading, at a margin of its own, and "2." follows at that
        margin: a paper's summary of its questions, set in a box under "Questions to prompt your thinking" with no
        space between the items.  Its items are sentences (a list of phrases stays a list)."""
        w = body[i]
        lab = w.label
        assert lab is not None
        if not (body.pdf and self.heading_since_last and self.last_levels is not None and lab.levels == (1,)
                and lab.dotted and len(lab.rest.split()) > 8 and not self.at_number_x(w, body)):
            return False
        for j in range(i + 1, min(len(body), i + 12)):
            v = body[j]
            if v.label is not None and v.label.kind == "number":
                return v.label.levels == (2,) and v.label.dotted and abs(v.line.x0 - w.line.x0) <= 2 \
                    and len(v.label.rest.split()) > 8
        return False

    def _next_flat(self, body: Body, i: int) -> bool:
        """Line i's single number is the next of a flat series, set where the series' numbers stand, and its text
        opens like an item (a capital)."""
        lab = body[i].label
        assert lab is not None
        prev = self.last_levels
        return prev is not None and len(prev) == 1 and len(lab.levels) == 1 and lab.levels[0] == prev[0] + 1 \
            and lab.rest[:1].isupper() and len(self.number_x) >= 2 and self.at_number_x(body[i], body) \
            and i > 0 and body[i - 1].line.page == body[i].line.page

    def _last_item(self, body: Body, i: int) -> bool:
        """A list's last item after "; and": the item before ends its clause with "and" / "or" ("... re-elected;
        and" / "5. At least two trustees ..."), so its sentence goes on into the next number, printed dotted."""
        lab = body[i].label
        assert lab is not None
        return lab.dotted and self._next_flat(body, i) and bool(re.search(r"[;,]\s*(?:and|or)$", body[i - 1].text.rstrip()))

    def _printed_again(self, body: Body, i: int) -> bool:
        """Line i repeats the number of the one-line paragraph right above it, at its number's very x, in a paper
        that sets its paragraphs tight ("6.5 To represent the group ..." / "6.5 To ensure their correct contact
        details ..." / "6.6 ..."): a number printed twice, each a paragraph, though no gap sets the second apart
        and the first ends without a stop.  A number wrapped into a sentence is no repeat of the one above."""
        lab = body[i].label
        assert lab is not None
        if not (body.pdf and i > 0 and self.last_levels is not None and lab.levels == self.last_levels
                and len(lab.levels) >= 2 and lab.rest[:1].isupper()):
            return False
        above = body[i - 1]
        return above.label is not None and above.label.kind == lab.kind and above.label.levels == lab.levels \
            and above.line.page == body[i].line.page and abs(above.line.x0 - body[i].line.x0) <= 1.0 \
            and self.at_number_x(body[i], body)

    def _hung_next(self, body: Body, i: int) -> bool:
        """The next number of a flat series, dotted, hanging out at the numbers' margin left of the text above it
        ("... (para 5.iii)" set in under "2." / "3. The proposal ..."): a new paragraph, though the one before
        ended without a stop.  A number wrapped into a sentence starts at the text's margin, not out here."""
        lab = body[i].label
        assert lab is not None
        prev = self.last_levels
        # (or the next of a decimal series, "1.2" under the wrapped text of "1.1" in a minutes' number column)
        nxt = lab.levels == (prev[0] + 1,) if prev is not None and len(prev) == 1 and lab.dotted else \
            prev is not None and len(prev) == 2 and successor_kind(prev, lab.levels) == "next"
        if not (body.pdf and nxt and lab.rest[:1].isupper() and i > 0
                and body[i - 1].line.page == body[i].line.page):
            return False
        above = body[i - 1].line
        tol = max(6.0, 0.8 * (above.size or 10))
        if body[i - 1].label is not None and body[i - 1].label.levels == prev:
            return abs(body[i].line.x0 - above.x0) <= tol  # under the one-line paragraph before, at its number
        return self.at_number_x(body[i], body) and body[i].line.x0 < above.x0 - tol

    def _undotted_item(self, body: Body, i: int, mid_sentence: bool) -> bool:
        """The next item of a dotted flat series printed without its dot ("2. Apply funds ...;" then "3 Co-operate
        with ..."), or of an undotted one: after an item that ended (not a number wrapped mid-sentence, "for 12" /
        "months"), or right under a heading set tight over it ("Nature of the work" / "12 The Management of ..."):
        the line above unnumbered, not a row of a list of numbered titles ("4 Water Operators" / "5 Highway Foreman"
        in a by-law's grades, a heading further up)."""
        return not mid_sentence and self._next_flat(body, i) and (bool(
            re.search(r"[.;:!?][\"'”’)]*$|[;,]\s*(?:and|or)$", body[i - 1].text.rstrip()))
            or self.heading_since_last and body[i - 1].label is None)

    def _phrase_list(self, body: Body, i: int) -> bool:
        """Is line i an item of a short numbered list of phrases ("Challenges:" then "1. Increasing congestion",
        "2. Poor air quality")?  Such a list stays inside its block or paragraph: it is not a restart of the
        paragraph numbering."""
        lab = body[i].label
        assert lab is not None
        phrase = len(lab.rest.split()) <= 8 and not re.search(r"[.;!?][\"'”’)]*$", lab.rest)
        # or the clauses of a sentence: "The Web Accessibility NTS:" then "1) promotes improved web services ...;",
        # "2) details the key milestones ...; and", "3) encourages ...": each opens in lower case, going on from the
        # words before the colon, so the list is the sentence's, not a restart of the paragraph numbering
        clause = lab.dotted and lab.rest[:1].islower()
        if self.list_levels is not None:
            # a phrase may close as an item of the lead-in's sentence does: "2. Mariama James;", "4. Liat Silberman;
            # and", "3. Diane Lapson,"
            item = phrase or len(lab.rest.split()) <= 8 and bool(re.search(r"(?:[;,]|[;,]\s+(?:and|or))$", lab.rest))
            if (item or clause) and successor_kind(self.list_levels, lab.levels) == "next":
                self.list_levels = lab.levels
                return True
            self.list_levels = None
        if not (phrase or clause) or lab.levels != (1,) or i == 0:
            return False
        if self.last_levels is None and not _first_list(body, i):
            return False
        if not body[i - 1].text.rstrip().endswith(":"):
            return False
        if clause:
            self.list_levels = lab.levels
            return True
        following = [j for j in range(i + 1, min(i + 3, len(body)))]
        if not following or body[following[0]].label is None or body[following[0]].label.levels != (2,):
            return False
        self.list_levels = lab.levels
        return True

    def _list_title(self, body: Body, i: int) -> bool:
        """Is line i one of the numbered titles of a reading list ("1. Commonwealth Procurement Rules - Dept Finance
        and Deregulation" over "• Commonwealth Procurement Rules" and its address, "2. Disability Discrimination Act
        1992" over its bullets, ... "6. Additional resources")?  A series restarting at "1." whose every item is a
        phrase on one line, that no sentence ends, with bullets straight under it, two items at least: its numbers
        count the lists, not paragraphs.  (One title over bullets among sentences, "53 Also relevant are the
        following SPDs" or a minute's "7 Investment Strategy Review", is not such a series.)"""
        lab = body[i].label
        assert lab is not None
        if self.title_levels is not None:
            if successor_kind(self.title_levels, lab.levels) == "next" and _titles_bullets(body, i):
                self.title_levels = lab.levels
                return True
            self.title_levels = None
        if lab.levels != (1,) and _after_titles(body, i):
            # the list's first titles were taken as headings of their own (short titles over bullets): its later
            # ones are still the list's ("5. UN Convention ..." after "4. W3C Web Accessibility Initiative")
            self.title_levels = lab.levels
            return True
        if lab.levels != (1,) or self.last_levels is None or not _titles_bullets(body, i):
            return False
        items, want = 1, 2
        for j in range(i + 1, len(body)):
            v = body[j]
            if v.label is None or v.label.kind != "number":
                continue
            if v.label.levels != (want,):
                break
            if not _titles_bullets(body, j):
                return False
            items, want = items + 1, want + 1
        if items < 2:
            return False
        self.title_levels = lab.levels
        return True

    def _own_margin(self, body: Body, i: int, cand: tuple[int, ...]) -> bool:
        """Line i opens a series under a heading at a margin of its own, set in from the paper's numbers, and the
        next two numbers at that margin go on from it, each a sentence: a specimen's clauses ("X.1 Information
        regarding ...", "X.2 Tenders are required ...", "X.3 ...", under "Conformance with Web Content
        Accessibility Guidelines 2.0") are its paragraphs, as a boxed summary's questions are, and their margin is
        the series' (series_x).  A number set further in is a wrapped one or an item's ("2.0 Techniques"), not
        the series'; a list's items are set in too, but not under a heading, or not as sentences."""
        w = body[i]
        if not (body.pdf and self.heading_since_last and w.gap_before and not self.at_number_x(w, body)
                and _sentence(w.label.rest)):
            return False
        last, seen = cand, 0
        for j in range(i + 1, min(len(body), i + 60)):
            v = body[j]
            if v.label is None or v.label.kind != "number" or body.numbered_heading_look(v):
                continue
            if v.line.x0 > w.line.x0 + 2:
                continue
            if v.line.x0 < w.line.x0 - 2 or successor_kind(last, v.label.levels) != "next" \
                    or not _sentence(v.label.rest) or not v.gap_before:
                return False
            last, seen = v.label.levels, seen + 1
            if seen == 2:
                self.series_x = w.line.x0
                return True
        return False

    def _confirmed(self, body: Body, i: int, cand: tuple[int, ...], prev: Optional[tuple[int, ...]]) -> bool:
        """Accept an out-of-sequence number only when the numbers after it continue from it."""
        if prev is not None and self._own_margin(body, i, cand):
            return True
        following = body.numbers_after(i, 2)
        if not following or not self.at_number_x(body[i], body):
            return False
        chain = [cand, *following] if prev is not None else [cand, following[0]]
        if any(successor_kind(a, b) not in ("next", "down", "up") for a, b in zip(chain, chain[1:])):
            return False
        if prev is not None and successor_kind(prev, following[0]) in ("next", "down", "up"):
            return False
        if prev is not None and len(following) < 2:
            return False  # a restart needs two numbers after it to vouch for it
        return body[i].gap_before

    def _accept_question(self, w: WorkLine, lab: Label, in_paragraph: bool, body: Body, i: int) -> bool:
        if lab.number in self.seen_q:
            asks = _first_words(lab.rest)
            if not (lab.levels[0] == 1 and self.heading_since_last and self.first_q and asks != self.first_q
                    and len(asks.split()) >= 4):
                return False  # a question asked again (an annex's summary repeats them word for word)
            # "Hospital Services" / "Q1) How did you find getting a referral ...": another list of questions under
            # its own heading, after the GP services' "Q1) How do you find getting an appointment?"
            self.seen_q, self.last_q = set(), None
        # inside a paragraph without a gap: after the line that introduces them ("... the questions raised in the
        # email:-" then "Q.1 - Site 1 ..."), or the next of a series already begun
        introduced = i > 0 and bool(re.search(r":\s*[-–—]?$", body[i - 1].text.rstrip()))
        series = self.last_q is not None and lab.levels[0] == self.last_q + 1
        if not (w.gap_before or not in_paragraph or w.line.bold or introduced or series):
            return False
        if self.last_q is None:
            return lab.levels[0] <= 2 or w.line.bold
        return lab.levels[0] > self.last_q and lab.levels[0] <= self.last_q + 3


def _first_words(text: str) -> str:
    """A question's first five words, lower case and without punctuation: what a summary repeating it keeps."""
    return " ".join(re.sub(r"[^\w\s]", " ", text.lower()).split()[:5])


class AnnexNumbers:
    """Numbers inside an appendix that restarts its own numbering (1., 1.1 ... again).

    They are qualified by the appendix letter ("A.1.1") from the first number
    that repeats one already used, so paragraph and section numbers stay unique
    identifiers.
    """

    def __init__(self) -> None:
        self.label: Optional[str] = None  # the annex we are in
        self.prefix: Optional[str] = None  # set once its numbering restarted
        self.used_numbers: set[str] = set()
        self.used_sections: set[str] = set()

    def enter(self, label: str) -> None:
        self.label, self.prefix = label, None

    def paragraph(self, number: str) -> str:
        return self._shown(number, self.used_numbers)

    def section(self, number: str) -> str:
        return self._shown(number, self.used_sections)

    def _shown(self, number: str, used: set[str]) -> str:
        numeric = number[:1].isdigit()  # "B.1" is already an appendix's own number
        if self.label is not None and self.prefix is None and number in used and numeric:
            self.prefix = self.label
        if self.prefix is not None and numeric:
            return f"{self.prefix}.{number}"
        used.add(number)
        return number


# ---------------------------------------------------------------- lettered paragraphs under numbered headings

_LETTER = re.compile(
    r"^(?:\(([a-z]|[ivx]{1,5}|\d{1,2})\)|([a-z]|[ivx]{1,5})[.)]|(\d{1,2})\)|([a-z])(?=\s+\[?[A-Z“\"‘(]))\s*(.*)$", re.S)


_AMOUNT = re.compile(r"£?\d[\d,]*\.\d\d$")

# an entry labelled by the minute it arises from: a number with the item's roman numeral glued on ("5vii)", "4.13i)",
# "5.iv)")
_REFERENCE = re.compile(r"^((?:\d{1,3}\.){0,5}\d{1,3}\.?[ivx]{1,5})\)\s+(?=[A-Z“\"‘(])(.*)$", re.S)


def reference_label(text: str) -> Optional[tuple[str, str]]:
    """A minutes' "matters arising" entry labelled by the earlier minute it follows up ("5vii) With regard to the
    decision not to sell ...", "4.13ii) Arrangements for ..."): the reference as printed ("5vii") and the text."""
    m = _REFERENCE.match(text.strip())
    return (m.group(1), m.group(2).strip()) if m else None


def letter_label(text: str) -> Optional[tuple[str, str]]:
    """A line's leading paragraph letter, roman or bracketed number: "(a)", "a)", "a.", bare "a " before a capital,
    "iv)", "(2)", "2)"; and its text."""
    m = _LETTER.match(text.lstrip())
    if not m:
        return None
    return (m.group(1) or m.group(2) or m.group(3) or m.group(4)), m.group(5).strip()


def _series_next(kind: str, last: str, label: str) -> bool:
    """Does `label` follow `last` in a series of letters (a, b ... h, i, j), roman numerals (i, ii, iii) or numbers?"""
    if kind == "number":
        return label.isdigit() and int(label) == int(last) + 1
    if kind == "letter":
        return len(label) == 1 and label.isalpha() and ord(label) == ord(last) + 1
    return bool(re.fullmatch(r"[ivx]+", label)) and _roman_value(label) == _roman_value(last) + 1


class LetteredParagraphs:
    """Paragraphs lettered a), b) ... straight under a numbered heading, the letters restarting under each one.

    Officers cite them with the heading's number: "1(a)", "3(h)".  A series opens only on "a" that starts right
    under a numbered heading (no numbered paragraph between) and is confirmed by a "b" at the same margin before
    the next heading; it runs letter by letter at that margin, so "i)" or "1)" items indented inside a lettered
    paragraph stay its parts, and "(i)" after "(h)" is the next letter.
    """

    def __init__(self) -> None:
        self.section: Optional[str] = None  # the numbered heading the series hangs from
        self.last: Optional[str] = None
        self.kind = "letter"  # "letter", "roman" or "number"
        self.x = 0.0
        self.paragraph: Optional[str] = None  # the numbered lead-in paragraph the series hangs from, if it does
        self.opened = 0  # series opened under headings so far

    def stop(self) -> None:
        self.section, self.last, self.paragraph = None, None, None

    def titled(self, opened: tuple, letter: str) -> None:
        """A lettered line of the open series set as a sub-title ("e. Remembrance Poppies" over its prose, after
        "a." to "d." that are items): the heading it opens stopped the series (`opened`, its state before), which
        goes on after it ("f. Carol asked ..." follows "e.")."""
        section, last, kind, x, paragraph = opened
        if section is not None and last is not None and _series_next(kind, last, letter):
            self.section, self.last, self.kind, self.x, self.paragraph = section, letter, kind, x, paragraph

    def state(self) -> tuple:
        return self.section, self.last, self.kind, self.x, self.paragraph

    def start_under(self, body: "Body", i: int, number: str, intro: str) -> Optional[tuple[str, str, str]]:
        """Does line i open lettered paragraphs under numbered paragraph `number`, whose whole text is a short lead-in
        ("11.1. Procedures as to contracts are laid down as follows:" / "a. Every contract shall comply ..." /
        "b. Where it is intended to enter into a contract ...")?  Then record it: (id, letter, text after it).

        Model financial regulations and standing orders set their rules so: a lead-in of a few words, then lettered
        rules that are sentences, each ending with a full stop.  Items that finish the lead-in's own sentence
        ("... change by:" / "a. Seeking to meet ..."; "should: a. Be designed ...; b. ..."), the entries of a list of
        terms ("a. Special Area of Conservation: ..."), and the items under a lead-in that says more are its parts.
        """
        got = letter_label(body[i].text)
        if got is None or got[0] not in ("a", "i"):
            return None  # (lettered series open at "a", roman ones at "i": most lines are asked no more)
        lead = len(intro.split()) <= 15 and bool(_COMPLETE_LEAD.search(intro.rstrip()))
        if got[0] == "a" and _DEFINITION.match(got[1]) and len(intro.split()) <= 15 and self._defines(body, i):
            letter, rest = got  # "1.1 In this by-law," / "(a) “adjacent boulevard” means ...;": the definitions
            self.kind, self.section, self.paragraph, self.x, self.last = "letter", number, number, body[i].line.x0, letter
            return f"{number}({letter})", letter, rest
        if got[0] == "i" and lead and got[1][:1].isupper() and not _TERM.match(got[1]) \
                and self._confirmed(body, i, "i", sentences=True, margin=_loose_margin(body, body[i])):
            # numbered in roman under the lead-in ("2. ... considered the following information and projections:" /
            # "i. In May, monthly inflation was ... components." / "ii. Following a significant reduction ..."):
            # sentences of their own, as the lettered ones are
            letter, rest = got
            self.kind, self.section, self.paragraph, self.x, self.last = "roman", number, number, body[i].line.x0, letter
            return f"{number}({letter})", letter, rest
        if got[0] != "a" or not got[1][:1].isupper() or (lead and _TERM.match(got[1])):
            return None
        provisions = _lead_over_provisions(body, i, intro)
        if not lead and not provisions and not _ended_lead(body, i, intro):
            return None
        if lead and not provisions and not self._confirmed(body, i, "a", sentences=True,
                                                           margin=_loose_margin(body, body[i])):
            return None
        if not lead and not provisions and not self._confirmed(body, i, "a", margin=_margin(body, body[i]),
                                                               ended=True):
            return None
        letter, rest = got
        self.kind, self.section, self.paragraph, self.x, self.last = "letter", number, number, body[i].line.x0, letter
        return f"{number}({letter})", letter, rest

    def start_after_lead(self, body: "Body", i: int, key: str) -> Optional[tuple[str, str, str]]:
        """Does line i open lettered resolutions below unnumbered text whose last line is a whole lead-in ("That
        Council approve the recommendations outlined in Report CSSS24-006 ... as follows:" / "a) That the Housing
        Needs Assessment ... be received for information;" / "b) That staff be directed to ...")?  Then record the
        series under `key`: (id, letter, text after it).

        Minutes that number nothing else set a motion's resolutions so, and they are the paper's own paragraph
        level: each item a clause of its own, opening with a capital and running a line or more, the letters at one
        margin.  A list of phrases under "the following:" ("a) Roads;", "b) Parks; and") fits in a few words an
        item, and stays the text of its block."""
        if not (body.pdf and i > 0) or not whole_lead(body[i - 1].text):
            return None
        got = letter_label(body[i].text)
        if got is None or got[0] not in ("a", "A") or not got[1][:1].isupper():
            return None
        w = body[i]
        x, tol = w.line.x0, _margin(body, w)
        firsts = [got[1]]
        for j in range(i + 1, min(len(body), i + 60)):
            v = body[j]
            if v.line.x0 < x - tol or (v.label is not None and v.label.kind in ("number", "chapter", "annex")):
                break
            nxt = letter_label(v.text) if abs(v.line.x0 - x) <= tol else None
            if nxt is None:
                continue
            if nxt[0] != chr(ord(got[0]) + len(firsts)):
                break
            firsts.append(nxt[1])
        if len(firsts) < 2 or any(len(t.split()) < 6 or not t[:1].isupper() for t in firsts):
            return None
        letter, rest = got
        self.kind, self.section, self.paragraph, self.x, self.last = "letter", key, key, x, letter
        return f"{key}({letter})", letter, rest

    @staticmethod
    def _defines(body: "Body", i: int) -> bool:
        """The lettered items from line i on are a by-law's definitions, one a term: "(b) “boulevard” means ...", at
        the margin of "(a)" and set apart from it as a paragraph of its own."""
        x = body[i].line.x0
        for j in range(i + 1, min(len(body), i + 60)):
            w = body[j]
            if w.line.x0 < x - _margin(body, w) or (w.label is not None and w.label.kind == "number"):
                return False
            got = letter_label(w.text) if abs(w.line.x0 - x) <= _margin(body, w) else None
            if got is not None:
                return got[0] == "b" and w.gap_before and bool(_DEFINITION.match(got[1]))
        return False

    def start(self, body: "Body", i: int, section: Optional[str], heading_since_last: bool,
              mid_sentence: bool) -> Optional[tuple[str, str, str]]:
        """Does line i start a lettered paragraph?  Then record it: (id, letter as printed, text after it)."""
        w = body[i]
        if section is None:
            return None
        got = letter_label(w.text)
        if got is None:
            return None
        letter, rest = got
        if not rest.lstrip("[")[:1].isupper() and not rest[:1] in "“\"‘(":
            return None  # "(a) make a copy of ...": an item of the sentence before it, not a paragraph
        if self.section == section and self.last is not None:
            margin = _loose_margin(body, w) if self.paragraph is not None else _margin(body, w)
            if not _series_next(self.kind, self.last, letter) or abs(w.line.x0 - self.x) > margin \
                    or (mid_sentence and not w.gap_before and not body.pdf):
                return None
        else:
            if letter not in ("a", "i", "1") or not heading_since_last:
                return None
            # a lone "a" where the paper letters the paragraphs under its headings (two series so far, at this
            # margin): a series of one ("10 MOTIONS AT A MEETING ..." / "a The following motions may be moved ...")
            lone = letter == "a" and self.opened >= 2 and abs(w.line.x0 - self.x) <= _margin(body, w) \
                and len(rest.split()) >= 5 and self.kind == "letter"
            if not lone and not self._confirmed(body, i, letter):
                return None
            if len(rest.split()) < 5 and (i + 1 >= len(body) or body[i + 1].gap_before):
                return None  # "i) Strategic Open Space": a sub-heading, not a paragraph
            self.kind = {"a": "letter", "i": "roman", "1": "number"}[letter]
            self.section, self.x = section, w.line.x0
            self.opened += 1
        self.last = letter
        return f"{section}({letter})", letter, rest

    def sentences_follow(self, body: "Body", i: int) -> bool:
        """Line i opens a lettered series ("a.") whose items are sentences of their own (the line before "b." ends
        with a full stop): provisions, not the words that finish the sentence a lead-in began."""
        got = letter_label(body[i].text)
        return got is not None and got[0] == "a" and got[1][:1].isupper() and self._confirmed(body, i, "a", True)

    def _confirmed(self, body: "Body", i: int, first: str, sentences: bool = False,
                   margin: Optional[float] = None, ended: bool = False) -> bool:
        """A second ("b", "ii", "2") at the same margin follows before the next numbered line at or left of it
        (`sentences`: and the first item ends with a full stop, a sentence rather than an item of one; `ended`: the
        sentence before the list ended, so its items finish no sentence, whatever they end with)."""
        second = {"a": "b", "i": "ii", "1": "2"}[first]
        x = body[i].line.x0
        for j in range(i + 1, min(len(body), i + 400)):
            w = body[j]
            if abs(w.line.x0 - x) > (margin if margin is not None else _margin(body, w)):
                continue
            got = letter_label(w.text)
            if got is not None and got[0] == second:
                if _AMOUNT.search(body[i].text) and _AMOUNT.search(w.text):
                    return False  # "i) Wales Air Ambulance, Donation, Chq No 1161 200.00": a list of payments
                # items of one sentence end "...;", "..., and", "; or": paragraphs end as sentences do
                before = body[j - 1].text.rstrip()
                if ended:
                    return True
                if sentences:
                    return bool(re.search(r"[.!?][\"'”’)]*$", before))
                return j - i > 4 or not re.search(r"([;,]|\b(?:and|or))$", before)
            if w.label is not None and w.label.kind in ("number", "chapter", "annex"):
                return False
        return False


def _sentence(text: str) -> bool:
    """Words enough to be a sentence, opening as one (more than eight, a capital first)."""
    return len(text.split()) > 8 and text[:1].isupper()


def _first_list(body: Body, i: int) -> bool:
    """Line i ("1. Linda Belfer"), the paper's first number, opens a list of a few words an item under the sentence
    that introduces it ("The following five members confirmed that they accepted nomination for the Nominating
    Committee:"), the list's own: its items follow straight under each other at one margin, and close as a
    sentence's items do ("2. Mariama James;", "3. Diane Lapson,", "4. Liat Silberman; and").  An agenda's items
    under "... transacting the following business:" ("1. Apologies" / "2. Welcome") close as titles do: items."""
    w = body[i]
    lab = w.label
    assert lab is not None
    if not body.pdf or len(lab.rest.split()) > 5 or not lab.rest[:1].isupper():
        return False
    run, j = [lab.rest], i + 1
    while j < len(body) and body[j].label is not None and body[j].label.kind == "number" \
            and body[j].label.levels == (len(run) + 1,) and not body[j].gap_before \
            and abs(body[j].line.x0 - w.line.x0) <= 2 and len(body[j].label.rest.split()) <= 5:
        run.append(body[j].label.rest)
        j += 1
    return len(run) >= 2 and any(re.search(r"(?:[;,]|[;,]?\s+(?:and|or))$", r.strip()) for r in run)


def _after_titles(body: Body, i: int) -> bool:
    """Line i ("5. ...") is a title over bullets, and every number before it back to "1." is one too."""
    lab = body[i].label
    if lab is None or len(lab.levels) != 1 or lab.levels[0] < 2 or not _titles_bullets(body, i):
        return False
    want = lab.levels[0] - 1
    for j in range(i - 1, -1, -1):
        v = body[j]
        if v.label is None or v.label.kind != "number":
            continue
        if v.label.levels != (want,) or not _titles_bullets(body, j):
            return False
        want -= 1
        if want == 0:
            return True
    return False


def _titles_bullets(body: "Body", i: int) -> bool:
    """Line i is a numbered phrase on one line, that no sentence ends, with a bullet straight under it."""
    lab = body[i].label
    assert lab is not None
    if len(lab.levels) != 1 or len(lab.rest.split()) > 10 or re.search(r"[.:;!?,][\"'”’)]*$", lab.rest):
        return False
    nxt = body[i + 1] if i + 1 < len(body) else None
    return nxt is not None and nxt.label is not None and nxt.label.kind == "bullet" \
        and nxt.line.page == body[i].line.page


# a citation of a lettered sub-paragraph by its paragraph's number: "paragraphs 9, 10, 13.d., 13.e.", "paragraph 36.a.",
# "paragraph 4(b)"
_LETTER_CITE = re.compile(r"(?:\b[Pp]aragraphs?\s+|,\s*|\band\s+)(\d{1,3})(?:\.[a-z]\.|\([a-z]\))")


def _cites_lettered(body: "Body") -> bool:
    """Does the paper cite the lettered sub-paragraphs of its own numbered paragraphs ("13.d.", "paragraph 36.a.",
    where it numbers a paragraph 13 and 36)?  Then its letters number citable provisions, not a sentence's parts."""
    got = getattr(body, "_cites_lettered", None)
    if got is None:
        numbers = {w.label.number for w in body if w.label is not None and w.label.kind == "number"}
        cited = {m.group(1) for w in body for m in _LETTER_CITE.finditer(w.text)}
        got = bool(cited & numbers)
        body._cites_lettered = got  # type: ignore[attr-defined]
    return got


def _lead_over_provisions(body: "Body", i: int, intro: str) -> bool:
    """A numbered paragraph of a letter or an agreement that introduces its lettered provisions ("3. ... will
    recognise both short and long-term objectives as follows:" / "a. Short term (up to 31 March 2021) - to provide
    ...", "13. For the H2 Funding Period, TfL or the Mayor ...:" / "a. Commits to deliver ..."), each a sentence or
    more of its own, set apart from the lead-in with a gap, cited by its letter ("13.d."): the provisions are
    paragraphs.  Items of a list that the lead-in's sentence runs into end without a full stop ("...;", "..., and")
    and hold no sentence, or fit on a line.  One provision alone under "the following matter:" is one too.  Only
    in a paper that cites such provisions by number and letter ("13.d."): a policy's "should:" over "a. Draw upon
    ...;" keeps its items as parts."""
    if not (body.pdf and intro.rstrip().endswith(":") and body[i].gap_before and _cites_lettered(body)):
        return False
    # every item of the series up to the next line left of it, lettered in turn
    x, size = body[i].line.x0, body[i].line.size or 10.0
    expect, items = "a", []
    for j in range(i, min(len(body), i + 200)):
        w = body[j]
        if w.line.x0 < x - 0.5 * size:
            break
        got = letter_label(w.text) if abs(w.line.x0 - x) <= 0.5 * size else None
        if got is not None and got[0] == expect:
            items.append([got[1]])
            expect = chr(ord(expect) + 1)
        elif got is not None:
            break
        else:
            items[-1].append(w.text.strip())
    if not items or sum(len(lines) for lines in items) < 2 * len(items):
        return False  # a list of one-line entries
    # each ends as a sentence does, or holds sentences of its own ("... the Dispute. If the Commissioner ...;")
    return all(re.search(r"[.!?][\"'”’)]*$|[a-z)][.!?] +[A-Z]", " ".join(lines)) for lines in items)


def _ended_lead(body: "Body", i: int, intro: str) -> bool:
    """Line i, set apart below a short numbered paragraph whose sentence has ended ("7. ... votes were received for
    the following roles." / "10. BMcT confirms the date of the next AGM"), set in from its number: a lettered series
    there finishes no sentence of the paragraph; its items are the minute's own entries (7(a), 7(b)), as a minutes'
    items are under their title.  A lead-in that introduces its items ("... as follows:", "... will:") does not end."""
    w = body[i]
    if not (body.pdf and w.gap_before and i > 0) or _OPEN_END.search(intro.rstrip()):
        return False
    prev = body[i - 1]
    return prev.line.page == w.line.page and w.line.x0 > prev.line.x0 - _margin(body, w)


# a lead-in whose sentence goes on into what follows: a colon or dash, a comma, a word that needs its object
_OPEN_END = re.compile(r"[:;,\-–—(]$|\b(?:and|or|but|nor|the|a|an|of|to|in|on|for|by|with|from|as|that|which|"
                       r"who|whom|whose|shall|will|must|may|should|would|can|could|is|are|be|including|include|"
                       r"includes|namely|are:|were|was)$", re.I)


def _margin(body: "Body", w: "WorkLine") -> float:
    return max(3.0, 0.3 * (w.line.size or 10)) if body.pdf else 0.5


# a lead-in that is a whole clause ("... are laid down as follows:"), not the opening of a sentence its items finish
# ("... should plan positively for future growth and change by:"); "the following" may name what follows ("... reviewed
# the following grant applications: -", a minutes' item over its lettered decisions)
_COMPLETE_LEAD = re.compile(r"\b(?:follows|following(?:\s+[\w’'/-]+){0,3}|below)\s*:\s*[-–—]?$", re.I)


def whole_lead(text: str) -> bool:
    """A lead-in that is a whole clause naming what follows ("... the planning applications listed below:")."""
    return bool(_COMPLETE_LEAD.search(text.rstrip()))
# a definition of a by-law or statute: a quoted term, then what it means ("“boulevard” means that part of ...")
_DEFINITION = re.compile(r"^[“\"‘'][^”\"’']{1,60}[”\"’'](?:\s+or\s+[“\"‘'][^”\"’']{1,60}[”\"’'])?,?\s+"
                         r"(?:means|includes|has\s+the\s+same\s+meaning|shall\s+mean|shall\s+include)\b")
# an entry of a glossary or a list of criteria ("Special Area of Conservation: Development of the site ..."), not a rule
_TERM = re.compile(r"^(?:[^\s:]+\s+){0,6}[^\s:]+:\s")


def _loose_margin(body: "Body", w: "WorkLine") -> float:
    """Lettered rules under a lead-in: a model document's letters wander by a tab stop ("h." set in from "g.")."""
    return 1.5 * (w.line.size or 10) if body.pdf else 2.0


def unique_ids(paragraphs: list, sections: Sequence = ()) -> tuple[list, list[str]]:
    """Every paragraph id unique in its Document, read the way it is cited; the printed number stays its label.

    Where numbering restarts under headings (flat `1.`..`6.` under `Background:`, again under `Solutions:`; `1.`
    under each chapter), every run of paragraphs under one heading that shares a printed number with another run
    is qualified by its heading: by the section number where the heading is numbered ("2(1)": paragraph 1 of
    section 2, as lettered paragraphs are "1(a)"), else by the heading's own code or words ("CC1 1" under
    "CC1: Planning for climate change", "Background 3").  A number printed twice under one heading keeps both
    paragraphs: the second is "5.4 (2)", the third "5.4 (3)", with a warning for each.  Ids already qualified
    (lettered paragraphs) and documents without repeats are left as they are.
    """
    from collections import Counter
    from dataclasses import replace

    out = list(paragraphs)
    runs: list[list[int]] = []  # runs of one numbering series: a new run where the numbers restart or go back
    prev: Optional[tuple[int, ...]] = None
    for k, p in enumerate(out):
        if p.label != p.number or p.kind.value != "paragraph":
            continue
        cand = _levels(p.number)
        if cand is None and re.fullmatch(r"[A-Z][A-Za-z]+ \d{1,3}", p.number):
            cand = _levels(p.number.split()[1])  # a provision's word and number ("Section 1" in each chapter)
        # the same number under the next unnumbered heading ("1. Report" under one committee, "1. Battery Park City
        # Library Branch" under the next) begins that heading's series again; under one heading it is a number
        # printed twice (and under a numbered one, its own series' number: "1" under "2 HAWSE proposals" then "1.1")
        if not runs or (cand is not None and prev is not None and (
                cand != prev and successor_kind(prev, cand, max_gap=50) is None
                or cand == prev and p.section is None and p.heading != out[runs[-1][-1]].heading)):
            runs.append([])
        runs[-1].append(k)
        prev = cand if cand is not None else prev
    # only series that restart ("1", "1.1" again) are qualified by their heading; a number printed again further
    # on ("4.42" after "4.45") is a duplicate, numbered "4.42 (2)" below
    every = runs
    runs = [run for run in runs if (_levels(out[run[0]].number.split()[-1]) or (1,))[-1] == 1]
    if len(runs) == 1 and len(every) > 1:
        # one series from 1 (a contents page's "1)" .. "16)") whose numbers the text prints again under other
        # headings, its own numbering starting later ("2" under the heading "1 The Ratification ..."): a restart
        # too, never a number printed twice; with a contents page or without, the text's ids stay the same
        own = runs[0]
        elsewhere = {(out[k].number, out[k].heading) for run in every if run is not own for k in run}
        again = {out[k].number for k in own
                 if any(n == out[k].number and h != out[k].heading for n, h in elsewhere)}
        if len(again) >= 2:
            first = out[own[0]]
            qual = _qualifier(first.section, first.heading, {sec.heading: sec.number for sec in sections
                                                             if sec.number})
            if qual is not None:
                parent = first.section if first.section and qual("x") == f"{first.section}(x)" else None
                for k in own:
                    p = out[k]
                    out[k] = replace(p, number=qual(p.number), label=p.label, parent=parent or p.parent)
    if len(runs) > 1:
        owners = Counter(n for run in runs for n in {out[k].number for k in run})
        numbered_heading = {sec.heading: sec.number for sec in sections if sec.number}
        for run in runs:
            first_number = out[run[0]].number
            shared = sum(1 for n in {out[k].number for k in run} if owners[n] > 1)
            begins_again = owners[first_number] > 1 and all(x == 1 for x in (_levels(first_number) or (1,)))
            if not begins_again and shared < 2:
                # a restart begins again at the beginning ("1", "1.1") or repeats a stretch of numbers; a run
                # that shares only one number printed twice ("5.1" again under 5.2) is not one: a duplicate
                continue
            first = out[run[0]]
            qual = _qualifier(first.section, first.heading, numbered_heading)
            if qual is None:
                continue
            parent = first.section if first.section and qual("x") == f"{first.section}(x)" else None
            for k in run:
                p = out[k]
                out[k] = replace(p, number=qual(p.number), label=p.label, parent=parent or p.parent)
    # the sub-paragraphs of a provision qualified above follow it ("Section 5(a)" under "5(Section 5)", Section 5
    # of Chapter V: "5(Section 5)(a)"), each under the provision of that number last seen above it
    renamed: dict[str, str] = {}
    for k, (old, p) in enumerate(zip(paragraphs, out)):
        if p.number != old.number:
            renamed[old.number] = p.number
        elif p.parent in renamed and p.number.startswith(f"{p.parent}(") \
                and re.fullmatch(r"[A-Z][A-Za-z]+ \d{1,3}", p.parent):  # (a provision's: other ids stay as they were)
            new_parent = renamed[p.parent]
            out[k] = replace(p, number=new_parent + p.number[len(p.parent):], label=p.label, parent=new_parent)
    seen: dict[str, int] = {}
    final, warnings = [], []
    taken = {p.number for p in out}
    for p in out:
        n = seen.get(p.number, 0) + 1
        seen[p.number] = n
        if n > 1:
            new = f"{p.number} ({n})"
            while new in taken:
                n += 1
                new = f"{p.number} ({n})"
            taken.add(new)
            warnings.append(f"paragraph number {p.label} is printed more than once: the paragraph on page {p.page} "
                            f"is \"{new}\"")
            p = replace(p, number=new, label=p.label)
        final.append(p)
    return final, warnings


def _qualifier(section: Optional[str], heading: Optional[str], numbered_heading: dict):
    """How a restarted run's printed numbers become ids: by its section number, or its heading's code or words."""
    if heading and numbered_heading.get(heading) == section and section:
        return lambda n: f"{section}({n})"
    if heading:
        h = heading.strip().rstrip(":").strip()
        code = h.split(":", 1)[0].strip() if ":" in h else ""
        short = code if code and len(code.split()) <= 3 else " ".join(h.split()[:4])
        short = re.sub(r"(?:\s+(?:and|&|of|to|for|the|in|on|at|with))+$", "", short, flags=re.I)  # not "BPC ... and"
        if short:
            return lambda n: f"{short} {n}"
    if section:
        return lambda n: f"{section}({n})"
    return None


def _levels(number: str) -> Optional[tuple[int, ...]]:
    try:
        return tuple(annex_level(x) if x.isalpha() and len(x) == 1 else int(x)
                     for x in number.replace(".-", ".").split("."))
    except ValueError:
        return None
