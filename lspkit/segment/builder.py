"""Turn a Reading (lines with layout facts) into a Document of numbered paragraphs.

The order of work: drop furniture (running headers, footers, page numbers,
contents pages), lift footnotes and tables out, find headings, accept
paragraph numbers only where they continue the document's sequence, then
gather each paragraph's lines, bullets and lettered parts.  Front matter before
the first heading or paragraph and back matter (background papers, contact
officer) become metadata.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from typing import Any, Optional

from .furniture import find_furniture
from ..model import Block, Document, Dropped, Line, Note, Paragraph, ParagraphKind, Section, SectionKind, Source, Table
from .numbering import Label, annex_level, letter_kind, parse_label, sequence_warnings, successor_kind
from ..model import Reading

# Prefixes that keep their hyphen at a line end ("sub-" + "regional" stays "sub-regional").
HYPHEN_PREFIXES = frozenset(
    "well sub co non cross multi inter self over under anti pre post semi pan mid long short high low "
    "full part out off up down cost value three two one four five".split()
)

BACK_MATTER = re.compile(
    r"^(background papers?|background documents?|contact officers?|contact|further information|"
    r"list of background papers|enquiries|report author|author|responses to|send responses to|"
    r"appendices|annexes|annexes attached|appendices attached|list of appendices)\b\s*[:\-–]?\s*(.*)$",
    re.I,
)
FRONT_KEYS = re.compile(
    r"^(to|report to|from|subject|date|date of meeting|report of|report by|meeting|meeting date|agenda item|ref|"
    r"reference|report number|wards? affected|portfolio|portfolio holder|cabinet member|lead officer|status|"
    r"key decision|classification|title|author|report author|closing date|issued|published)\s*[:\-–]\s*(.+)$",
    re.I,
)
_MONTHS = {m: i for i, m in enumerate(
    "january february march april may june july august september october november december".split(), 1)}
_DATE = re.compile(r"\b(\d{1,2})(?:st|nd|rd|th)?\s+(" + "|".join(_MONTHS) + r")\s+(\d{4})\b", re.I)
_MONTH_YEAR = re.compile(r"^(" + "|".join(_MONTHS) + r")\s+(\d{4})$", re.I)
_UPPER = re.compile(r"[^\W\d_a-z\u00df-\u00ff]")  # letters that are not lower case (approximately)
_LOWER = re.compile(r"[a-z\u00df-\u00ff]")


def _caps(text: str) -> bool:
    """Mostly capital letters: a heading set in capitals."""
    # only cased letters count: CJK, Arabic and Hebrew have no capitals, Greek and Cyrillic have both
    lower = sum(1 for c in text if c.islower())
    upper = sum(1 for c in text if c.isupper())
    return upper + lower >= 3 and upper >= 0.75 * (upper + lower)


_SENTENCE_END = re.compile(r"[.!?:;][\"'”’)]*$")


@dataclass
class L:
    """A working line: the model Line plus what the segmenter learns about it."""

    line: Line
    index: int
    label: Optional[Label] = None
    gap_before: bool = True
    role: str = ""  # heading, number, question, part, bullet, text, note, furniture, table

    @property
    def text(self) -> str:
        return self.line.text


@dataclass
class _Para:
    number: str
    kind: ParagraphKind
    page: int
    section: Optional[str]
    heading: Optional[str]
    x_text: float
    pieces: list[list[str]] = field(default_factory=list)  # [intro], then one list per part
    part_kinds: list[str] = field(default_factory=list)
    tail: list[str] = field(default_factory=list)
    page_end: int = 0
    bbox: list[float] = field(default_factory=list)
    tables: list[Table] = field(default_factory=list)
    notes: list[Note] = field(default_factory=list)
    part_x: float = 0.0
    last_part_label: Optional[str] = None
    lines: list[int] = field(default_factory=list)  # indexes into Reading.lines, to place footnote markers
    last_line: Optional[Line] = None


def segment(reading: Reading) -> Document:
    lines = reading.lines
    warnings: list[str] = list(reading.warnings)
    dropped: list[Dropped] = []
    furniture = find_furniture(lines, reading.pages)
    dropped_text_by_page: dict[int, list[str]] = {}
    for i, reason in sorted(furniture.items()):
        dropped.append(Dropped(lines[i].text, lines[i].page, reason))
        dropped_text_by_page.setdefault(lines[i].page, []).append(lines[i].text)
    work: list[L] = []
    prev: Optional[Line] = None
    blank = True
    leading = _leading(lines, furniture) if reading.kind == "pdf" else 0.0
    for i, ln in enumerate(lines):
        if i in furniture:
            continue
        if not ln.text:
            blank = True
            continue
        gap = blank
        if reading.kind == "pdf":
            if prev is None or prev.page != ln.page:
                gap = True
            else:
                # more space than between the lines of a paragraph (loose boxes can be far shorter than
                # the leading, so the document's own usual spacing is the yardstick)
                spacing = ln.top - prev.bottom
                gap = spacing > leading + max(2.0, 0.3 * ln.size) or ln.top < prev.top - 1
        work.append(L(ln, i, parse_label(ln.text), gap))
        prev = ln
        blank = False

    body_size = _body_size(work)
    _drop_contents(work, dropped)
    notes = _footnotes(work, body_size) if reading.kind == "pdf" else []
    table_regions = [t for t in reading.tables]
    _mark_table_lines(work, table_regions)

    vocab = _vocabulary(w.text for w in work)
    builder = _Builder(reading, work, body_size, warnings, vocab)
    builder.run()
    paragraphs = builder.finish(notes, table_regions)

    metadata = dict(builder.metadata)
    paragraphs = _front_tables(paragraphs, table_regions, metadata)
    meta_from_pdf = reading.metadata
    pdf_title = meta_from_pdf.get("title")
    if pdf_title and not _generic_title(pdf_title):
        if "title" not in metadata:
            metadata["title"] = pdf_title
        elif _squash(metadata["title"]) == _squash(pdf_title):
            metadata["title"] = pdf_title  # the same title, in the author's casing rather than the page's capitals
    if "author" not in metadata and meta_from_pdf.get("author") and not meta_from_pdf["author"].isdigit():
        metadata["author"] = meta_from_pdf["author"]
    # a date, committee and agenda item in a running header are front matter too
    if dropped:
        _header_metadata(metadata, [d.text for d in dropped if d.reason == "header"])
    for key in ("created", "modified", "producer", "creator"):
        if meta_from_pdf.get(key):
            metadata.setdefault("pdf_" + key, meta_from_pdf[key])

    if not paragraphs:
        warnings.append("no numbered paragraphs found; the text is under \"blocks\"")
    else:
        warnings.extend(sequence_warnings([p.number for p in paragraphs if p.kind is ParagraphKind.PARAGRAPH]))
        warnings.extend(_question_warnings([p.number for p in paragraphs if p.kind is ParagraphKind.QUESTION]))
    title = metadata.get("title") or None
    source = Source(path=reading.path, sha256=reading.sha256, pages=reading.page_count, title=title)
    return Document(
        source=source,
        metadata=metadata,
        sections=tuple(builder.sections),
        paragraphs=tuple(paragraphs),
        blocks=tuple(builder.blocks),
        notes=tuple(n for n in notes),
        dropped=tuple(dropped),
        warnings=tuple(dict.fromkeys(warnings)),
    )


# ---------------------------------------------------------------- preparation


def _leading(lines, furniture) -> float:
    """The usual space between consecutive lines of a paragraph: the median positive spacing."""
    spacings: list[float] = []
    prev = None
    for i, ln in enumerate(lines):
        if i in furniture or not ln.text:
            continue
        if prev is not None and prev.page == ln.page and ln.top > prev.top:
            sp = ln.top - prev.bottom
            if -2 < sp < 3 * max(ln.size, 1.0):
                spacings.append(sp)
        prev = ln
    if not spacings:
        return 2.5
    spacings.sort()
    sizes = sorted(ln.size for ln in lines if ln.size) or [10.0]
    # a paper of one-line items has more paragraph gaps than line spacings: never more than 0.8 of the type size
    return max(min(spacings[len(spacings) // 2], 0.8 * sizes[len(sizes) // 2]), 0.0)


def _body_size(work: list[L]) -> float:
    sizes: Counter = Counter()
    for w in work:
        if w.line.size:
            sizes[round(w.line.size, 1)] += len(w.text)
    return sizes.most_common(1)[0][0] if sizes else 0.0


_TOC_LINE = re.compile(r"(?:\.{3,}|…+|\s)\s*(\d{1,3}|[ivxlc]{1,5})$", re.I)


def _drop_contents(work: list[L], dropped: list[Dropped]) -> None:
    """A contents page: most of its lines end in a page number that never goes down."""
    by_page: dict[int, list[L]] = {}
    for w in work:
        by_page.setdefault(w.line.page, []).append(w)
    for page, ws in by_page.items():
        ends = []
        for w in ws:
            last = w.text.rstrip()[-4:]
            tail = last.rsplit(None, 1)[-1].lstrip(".…") if last else ""
            if tail.isdigit() and len(tail) <= 3 and len(w.text) > 4 and _TOC_LINE.search(w.text[-12:]):
                ends.append((w, int(tail)))
        # dot leaders ("Introduction ........ 3") make even a short list of entries a contents page
        leaders = sum(1 for w, _ in ends if re.search(r"(?:\.{3,}|…)\s*\S+$", w.text))
        if len(ends) < (3 if leaders >= 0.8 * len(ends) else 5) or len(ends) < 0.5 * len(ws):
            continue
        values = [v for _, v in ends]
        rising = sum(1 for a, b in zip(values, values[1:]) if b >= a)
        if rising < 0.8 * (len(values) - 1):
            continue
        for w in ws:
            w.role = "furniture"
            dropped.append(Dropped(w.text, page, "contents"))


_NOTE_START = re.compile(r"^(\d{1,3}|[*†‡§¶])(?!\d)\s*(\S.*)$")  # "2018, and" is not note 201


def _footnotes(work: list[L], body_size: float) -> list[Note]:
    """Small-type lines in the lower part of a page (or column) that start with a note label and run to its foot."""
    if not body_size:
        return []
    notes: list[Note] = []
    by_page: dict[int, list[L]] = {}
    for w in work:
        if w.role != "furniture":
            by_page.setdefault(w.line.page, []).append(w)

    def small(w: L) -> bool:
        return bool(w.line.size) and w.line.size <= body_size * 0.95 and w.line.top > (w.line.page_height or 842) * 0.4

    for page, ws in by_page.items():
        # foot blocks: maximal runs of small lines that end a column (the next line is higher up, or the page ends)
        k = 0
        while k < len(ws):
            if not small(ws[k]) or not _NOTE_START.match(ws[k].text):
                k += 1
                continue
            j = k
            while j + 1 < len(ws) and small(ws[j + 1]) and ws[j + 1].line.top >= ws[j].line.top:
                j += 1
            ends_column = j + 1 == len(ws) or ws[j + 1].line.top < ws[j].line.top
            if ends_column:
                _note_group(ws[k:j + 1], page, notes)
            k = j + 1
    return [Note(label=n[0], text=join_lines(n[1]), page=n[2]) for n in notes]  # type: ignore[index]


def _note_group(foot: list[L], page: int, notes: list) -> None:
    """Split a foot block into notes: a label at the block's left edge (or after a gap) starts one."""
    current: Optional[list] = None
    for w in foot:
        m = _NOTE_START.match(w.text)
        starts = m and (current is None or w.line.x0 <= current[3] + 1 or w.gap_before)
        if starts:
            current = [m.group(1), [m.group(2)], page, w.line.x0]
            notes.append(current)
        elif current is not None:
            current[1].append(w.text)
        w.role = "note"


def _mark_table_lines(work: list[L], tables) -> None:
    for w in work:
        for t in tables:
            if t.page != w.line.page:
                continue
            x0, top, x1, bottom = t.bbox
            cx = (w.line.x0 + w.line.x1) / 2
            cy = (w.line.top + w.line.bottom) / 2
            if x0 - 2 <= cx <= x1 + 2 and top - 2 <= cy <= bottom + 2:
                w.role = "table"


# ---------------------------------------------------------------- the builder


class _Builder:
    def __init__(self, reading: Reading, work: list[L], body_size: float, warnings: list[str], vocab: set[str]):
        self.vocab = vocab
        # bold marks a heading only where most of the text is not bold
        chars = sum(len(w.text) for w in work) or 1
        self.bold_marks = sum(len(w.text) for w in work if w.line.bold) < 0.4 * chars
        self.reading = reading
        # where a full line ends: a last line stopping well short of it ended its paragraph
        ends = sorted(self.line_end(w.line) for w in work) or [0.0]
        starts = sorted(w.line.x0 for w in work) or [0.0]
        right, left = ends[int(0.95 * (len(ends) - 1) + 0.5)], starts[int(0.05 * (len(starts) - 1))]
        self.short_end = left + 0.75 * (right - left)
        self.reading = reading
        self.work = [w for w in work if w.role not in ("furniture", "note", "table")]
        self.all = work
        self.body_size = body_size
        self.warnings = warnings
        self.sections: list[Section] = []
        self.blocks: list[Block] = []
        self.metadata: dict[str, Any] = {}
        self.paras: list[_Para] = []
        self.cur: Optional[_Para] = None
        self.section_number: Optional[str] = None
        self.section_levels: Optional[tuple[int, ...]] = None
        self.heading: Optional[str] = None
        self.section_kind: Optional[SectionKind] = None
        self.last_levels: Optional[tuple[int, ...]] = None
        self.heading_since_last = False
        self.last_q: Optional[int] = None
        self.seen_q: set[str] = set()
        self.number_x: list[float] = []
        self.block_lines: list[str] = []
        self.block_page = 0
        self.front = True
        self.back_key: Optional[str] = None
        self.back_last: Optional[Line] = None
        self.back_lines: list[str] = []
        self.front_lines: list[L] = []
        self.annex_questions: list[dict] = []
        self.pending_annex_q: Optional[dict] = None
        self.in_annex = False
        # An appendix that restarts its own numbering (1., 1.1 ... again) gets its numbers qualified by
        # the appendix letter ("A.1.1"), so paragraph numbers stay unique identifiers.
        self.annex_label: Optional[str] = None
        self.annex_prefix: Optional[str] = None
        self.used_numbers: set[str] = set()
        self.used_sections: set[str] = set()

    def join(self, lines: list[str]) -> str:
        return join_lines(lines, self.vocab)

    # -------------------------------------------------------- classification helpers

    def caps(self, text: str) -> bool:
        return _caps(text)

    def styled(self, w: L, text: str) -> bool:
        big = self.body_size and w.line.size >= self.body_size * 1.12
        return bool((w.line.bold and self.bold_marks) or big or self.caps(text))

    def heading_text_ok(self, text: str) -> bool:
        t = text.strip()
        if not (0 < len(t) <= 150) or re.search(r"[.,;]$", t) or len(t.split()) > 20:
            return False
        return sum(c.isalpha() for c in t) >= 2 and not t[0].islower()

    def runs_on(self, i: int) -> bool:
        """Line i is the first line of wrapped prose (a bold lead-in), not a heading standing alone."""
        if i + 1 >= len(self.work):
            return False
        a, b = self.work[i], self.work[i + 1]
        if b.gap_before or b.label is not None or b.line.page != a.line.page:
            return False
        return not self.styled(b, b.text) and bool(b.text[:1].islower() or not self.reading.kind == "pdf" or
                                                   a.line.x1 > 0.75 * (a.line.page_width or 1e9))

    def continues(self, i: int) -> bool:
        """Does line i+1 continue line i's heading (same style, no gap, no label)?"""
        if i + 1 >= len(self.work):
            return False
        a, b = self.work[i], self.work[i + 1]
        if b.label is not None or b.gap_before or b.line.page != a.line.page:
            return False
        return b.line.bold == a.line.bold and abs(b.line.size - a.line.size) < 0.5 and self.heading_text_ok(b.text) and (
            a.line.bold or self.caps(b.text) == self.caps(a.text)
        )

    def next_numbers(self, i: int, k: int = 3) -> list[tuple[int, ...]]:
        out = []
        for j in range(i + 1, len(self.work)):  # not self.work[i + 1:]: a copy per line is quadratic
            w = self.work[j]
            if w.label is not None and w.label.kind == "number" and not self.is_heading_candidate(w):
                out.append(w.label.levels)
                if len(out) >= k:
                    break
        return out

    def is_heading_candidate(self, w: L) -> bool:
        lab = w.label
        if lab is None or lab.kind != "number":
            return False
        if lab.rest.rstrip().endswith(":"):
            return False  # "2.1 That Cabinet:" introduces its lettered parts
        return len(lab.levels) <= 3 and self.styled(w, lab.rest) and self.heading_text_ok(lab.rest) and (
            (w.line.bold and self.bold_marks) or self.caps(lab.rest)
            or (self.body_size and w.line.size >= self.body_size * 1.12)
        )

    def at_number_x(self, w: L) -> bool:
        """Does the line start where this document's paragraph numbers start (not indented like a list)?"""
        if len(self.number_x) < 2:
            return True
        xs = sorted(self.number_x[-20:])
        median = xs[len(xs) // 2]
        if self.reading.kind != "pdf":
            return w.line.x0 <= median + 1  # indentation in characters
        return w.line.x0 <= median + max(6.0, 0.8 * (w.line.size or 10))

    # -------------------------------------------------------- main loop

    def run(self) -> None:
        i = 0
        n = len(self.work)
        while i < n:
            w = self.work[i]
            lab = w.label
            consumed = self.try_heading(i)
            if consumed:
                i += consumed
                continue
            if lab is not None and lab.kind == "number" and self.accept_number(i):
                self.start_para(w, lab.number, lab.rest, ParagraphKind.PARAGRAPH)
                self.last_levels = lab.levels
                self.heading_since_last = False
                self.number_x.append(w.line.x0)
                i += 1
                continue
            if lab is not None and lab.kind == "question" and self.accept_question(w, lab):
                self.start_para(w, lab.number, lab.rest, ParagraphKind.QUESTION)
                self.seen_q.add(lab.number)
                self.last_q = lab.levels[0]
                i += 1
                continue
            if lab is not None and lab.kind == "question" and self.in_annex and lab.number in self.seen_q:
                self.close_para()
                self.pending_annex_q = {"number": lab.number, "page": w.line.page, "text": [lab.rest]}
                self.annex_questions.append(self.pending_annex_q)
                i += 1
                continue
            self.add_line(w)
            i += 1
        self.close_para()
        self.flush_block()
        self.flush_back()
        self.finish_front()
        if self.annex_questions:
            self.metadata["annex_questions"] = [
                {"number": q["number"], "page": q["page"], "text": self.join(q["text"])} for q in self.annex_questions
            ]

    def try_heading(self, i: int) -> int:
        """Recognise a heading at line i; returns how many lines it used (0: not a heading)."""
        w = self.work[i]
        lab = w.label
        text = w.text
        # back matter labels end the body wherever they appear after it
        m = BACK_MATTER.match(text)
        if m is None and lab is not None and lab.kind == "number" and len(lab.levels) == 1 and lab.rest:
            m = BACK_MATTER.match(lab.rest)  # "9. BACKGROUND PAPERS" numbered like a section
            if m and not (self.styled(w, lab.rest) and self.heading_text_ok(m.group(1))):
                m = None
        if m and (self.paras or self.cur) and (self.styled(w, text) or ":" in text[: len(m.group(1)) + 2]
                                                or (lab is not None and lab.kind == "number")):
            self.close_para()
            self.flush_block()
            self.flush_back()
            self.back_key = _key(m.group(1))
            self.back_lines = [m.group(2)] if m.group(2) else []
            self.back_last = w.line if m.group(2) else None
            return 1
        if lab is not None and lab.kind == "annex" and self.back_key is not None and \
                self.back_key.startswith(("appendices", "annexes", "list_of")) and not w.line.size > self.body_size * 1.12:
            self.back_lines.append(text)  # "Appendix A – ..." listed under "Appendices", not the annex itself
            return 1
        if lab is not None and lab.kind in ("chapter", "annex"):
            rest = lab.rest
            if self.heading_text_ok(rest or text) and (w.gap_before or not self.cur) and not self.runs_on(i) \
                    and (self.styled(w, text) or w.gap_before):
                used = 1
                parts = [rest] if rest else []
                while self.continues(i + used - 1):
                    parts.append(self.work[i + used].text)
                    used += 1
                if not parts and i + used < len(self.work) and self.styled(self.work[i + used], self.work[i + used].text) \
                        and self.work[i + used].label is None:
                    parts.append(self.work[i + used].text)  # "ANNEX A" / "SUMMARY OF QUESTIONS" on two lines
                    used += 1
                kind = SectionKind.ANNEX if lab.kind == "annex" else SectionKind.CHAPTER
                if kind is SectionKind.ANNEX:
                    self.annex_label, self.annex_prefix = lab.number or "Annex", None
                self.new_section(lab.number, " ".join(parts).strip(), w.line.page, kind, None)
                self.in_annex = kind is SectionKind.ANNEX
                return used
            return 0
        if lab is not None and lab.kind == "number" and self.is_heading_candidate(w) and not (
            lab.levels and lab.levels == self.last_levels
        ) and not self.runs_on(i):
            fits = successor_kind(None, lab.levels) is not None
            ref = self.section_levels
            if ref is not None:
                fits = successor_kind(ref, lab.levels, max_gap=2) is not None
            if not fits and self.last_levels is not None:
                fits = successor_kind(self.last_levels, lab.levels, max_gap=2) is not None
            following = self.next_numbers(i, 1)
            child = bool(following and following[0][: len(lab.levels)] == lab.levels)
            if fits or child:
                used = 1
                parts = [lab.rest]
                while self.continues(i + used - 1):
                    parts.append(self.work[i + used].text)
                    used += 1
                self.new_section(lab.number, " ".join(parts).strip(), w.line.page, SectionKind.SECTION, lab.levels)
                return used
            return 0
        # unnumbered heading: styled, short, standing on its own
        if lab is None and self.styled(w, text) and self.heading_text_ok(text) and w.gap_before:
            if self.cur is not None and not self.para_finished():
                return 0
            used = 1
            parts = [text]
            while self.continues(i + used - 1):
                parts.append(self.work[i + used].text)
                used += 1
            nxt = self.work[i + used] if i + used < len(self.work) else None
            if nxt is not None and not nxt.gap_before and nxt.label is None and not self.styled(nxt, nxt.text):
                # the "heading" runs straight into prose: a bold lead-in, not a heading
                if self.reading.kind == "pdf":
                    return 0
            if self.front and not self.paras and not self.sections:
                # still in the title block, unless a first numbered paragraph follows straight on
                if nxt is None or nxt.label is None or nxt.label.kind != "number" or nxt.label.levels[-1] != 1 \
                        or self.is_heading_candidate(nxt):
                    return 0
                self.finish_front()
            self.new_section(None, " ".join(parts).strip(), w.line.page, SectionKind.SECTION, None)
            return used
        return 0

    def para_finished(self) -> bool:
        """Did the current paragraph end: a sentence end, or a last line that stops well short of the margin?"""
        if self.cur is None:
            return True
        last = (self.cur.tail or (self.cur.pieces[-1] if self.cur.pieces else []))
        if bool(last) and bool(_SENTENCE_END.search(last[-1])):
            return True
        ln = self.cur.last_line
        return ln is not None and not self.full_line(ln)

    def line_end(self, ln: Line) -> float:
        return ln.x1 if self.reading.kind == "pdf" else ln.x0 + len(ln.text)

    def full_line(self, ln: Line) -> bool:
        """A line that runs to the margin (so its paragraph or item wraps onto the next line)."""
        if self.reading.kind == "pdf":
            return self.line_end(ln) >= self.short_end
        return self.line_end(ln) >= max(self.short_end, 50)

    def new_section(self, number: Optional[str], heading: str, page: int, kind: SectionKind, levels) -> None:
        """A heading; `number` is None for an unnumbered one (it then keeps the numbered section's levels)."""
        self.close_para()
        self.flush_block()
        self.flush_back()
        self.finish_front()
        self.front = False
        shown = number
        if number is not None and kind is not SectionKind.ANNEX:
            if self.annex_label is not None and self.annex_prefix is None and number in self.used_sections \
                    and number[:1].isdigit():
                self.annex_prefix = self.annex_label
            if self.annex_prefix is not None and number[:1].isdigit():
                shown = f"{self.annex_prefix}.{number}"
            else:
                self.used_sections.add(number)
        self.sections.append(Section(number=shown, heading=heading, page=page, kind=kind))  # type: ignore[arg-type]
        if number is not None or kind is SectionKind.ANNEX:
            self.section_number = shown
        # an unnumbered sub-heading inside numbered section 3 leaves its paragraphs in section 3
        if number is not None:
            if levels:
                self.section_levels = levels
            elif number.replace(".", "").isdigit():
                self.section_levels = tuple(int(x) for x in number.split("."))
            elif kind is SectionKind.ANNEX and len(number) == 1 and number.isalpha():
                self.section_levels = (annex_level(number),)  # Annex B holds B.1, B.2 ...
            else:
                self.section_levels = None
        self.heading = heading
        self.section_kind = kind
        self.heading_since_last = True
        if kind is not SectionKind.ANNEX:
            self.in_annex = False

    def accept_number(self, i: int) -> bool:
        w = self.work[i]
        lab = w.label
        cand = lab.levels
        if self.cur is not None and not w.gap_before and self.reading.kind == "pdf" and not self.at_number_x(w):
            return False
        if not self.at_number_x(w) and not w.gap_before:
            return False
        if len(cand) == 1 and not lab.dotted and not w.gap_before:
            return False  # "12 months" wrapped to a line start
        if not w.gap_before and self.cur is not None and not self.para_finished():
            return False  # "... as set out in paragraph" / "4.3 below": a reference wrapped mid-sentence
        prev = self.last_levels
        kind = successor_kind(prev, cand)
        if prev is None:
            sec = self.section_levels
            if sec is not None and cand[: len(sec)] == sec and len(cand) == len(sec) + 1 and cand[-1] <= 2:
                return True
            if kind is not None:
                return True
            return self.confirmed(i, cand, None)
        if kind == "up" and len(cand) < len(prev):
            # back up to a shallower level ("2." after 1.3): a list item inside a paragraph looks the same,
            # so the numbers after it must continue from it
            following = self.next_numbers(i, 1)
            if following:
                return successor_kind(cand, following[0]) in ("next", "down")
            return w.gap_before
        if kind in ("next", "down", "up"):
            return True
        if self.heading_since_last:
            sec = self.section_levels
            if sec is not None and cand[: len(sec)] == sec and cand[-1] == 1:
                return True
            if cand[-1] == 1 and all(c == 1 for c in cand[1:]) and len(cand) == len(prev):
                return True  # flat numbering restarting in a new chapter
        if successor_kind(prev, cand, max_gap=3) == "gap":
            return self.confirmed(i, cand, prev) or (w.gap_before and self.at_number_x(w))
        return self.confirmed(i, cand, prev)

    def confirmed(self, i: int, cand: tuple[int, ...], prev) -> bool:
        """Accept an out-of-sequence number only when the numbers after it continue from it."""
        following = self.next_numbers(i, 2)
        if not following or not self.at_number_x(self.work[i]):
            return False
        chain = [cand, *following] if prev is not None else [cand, following[0]]
        if any(successor_kind(a, b) not in ("next", "down", "up") for a, b in zip(chain, chain[1:])):
            return False
        if prev is not None and successor_kind(prev, following[0]) in ("next", "down", "up"):
            return False
        if prev is not None and len(following) < 2:
            return False  # a restart needs two numbers after it to vouch for it
        return self.work[i].gap_before

    def accept_question(self, w: L, lab: Label) -> bool:
        if lab.number in self.seen_q:
            return False
        if not (w.gap_before or self.cur is None or w.line.bold):
            return False
        if self.last_q is None:
            return lab.levels[0] <= 2 or w.line.bold
        return lab.levels[0] > self.last_q and lab.levels[0] <= self.last_q + 3

    # -------------------------------------------------------- paragraphs

    def start_para(self, w: L, number: str, rest: str, kind: ParagraphKind) -> None:
        self.close_para()
        self.flush_block()
        self.flush_back()
        self.finish_front()
        self.front = False
        if kind is ParagraphKind.PARAGRAPH:
            numeric = number[:1].isdigit()  # "B.1" is already an appendix's own number
            if self.annex_label is not None and self.annex_prefix is None and number in self.used_numbers and numeric:
                self.annex_prefix = self.annex_label
            if self.annex_prefix is not None and numeric:
                number = f"{self.annex_prefix}.{number}"
            else:
                self.used_numbers.add(number)
        x_text = w.line.x0
        p = _Para(number=number, kind=kind, page=w.line.page, section=self.section_number, heading=self.heading,
                  x_text=x_text, page_end=w.line.page,
                  bbox=[w.line.x0, w.line.top, w.line.x1, w.line.bottom])
        p.pieces.append([])
        p.lines.append(w.index)
        p.last_line = w.line
        self.cur = p
        if rest:
            sub = parse_label(rest)
            if sub is not None and sub.kind == "part":
                self.add_part(p, sub, w, rest)
            else:
                p.pieces[0].append(rest)

    def add_part(self, p: _Para, lab: Label, w: L, raw: str) -> None:
        kind = "bullet" if lab.kind == "bullet" else letter_kind(p.last_part_label, lab.number)
        if lab.kind == "part":
            p.last_part_label = lab.number
            text = raw.strip()
        else:
            text = lab.rest
        if p.tail:  # the paragraph resumed between parts: keep those lines, in reading order
            p.pieces[-1].extend(p.tail)
        p.pieces.append([text])
        p.part_kinds.append(kind)
        p.tail = []
        p.part_x = w.line.x0

    def add_line(self, w: L) -> None:
        p = self.cur
        if self.pending_annex_q is not None:
            if w.gap_before and w.label is not None:
                self.pending_annex_q = None
            else:
                self.pending_annex_q["text"].append(w.text)
                return
        if p is None:
            if self.back_key is not None:
                last = self.back_last
                if self.back_lines and last is not None and self.full_line(last) and not w.gap_before:
                    self.back_lines[-1] += " " + w.text  # the item wrapped onto this line
                else:
                    self.back_lines.append(w.text)
                self.back_last = w.line
                return
            if self.front and not self.sections:
                self.front_lines.append(w)
                return
            if w.gap_before or not self.block_lines or w.line.page != self.block_page and w.gap_before:
                self.flush_block()
                self.block_page = w.line.page
            self.block_lines.append(w.label.rest if w.label is not None and w.label.kind == "bullet" else w.text)
            return
        p.page_end = max(p.page_end, w.line.page)
        p.lines.append(w.index)
        p.last_line = w.line
        if w.line.page == p.page:
            p.bbox[0] = min(p.bbox[0], w.line.x0)
            p.bbox[2] = max(p.bbox[2], w.line.x1)
            p.bbox[3] = max(p.bbox[3], w.line.bottom)
        lab = w.label
        if lab is not None and lab.kind in ("bullet", "part"):
            self.add_part(p, lab, w, w.text)
            return
        if len(p.pieces) > 1 and not p.tail:
            # after a bullet: a continuation of the item, or the paragraph resuming
            if self.reading.kind == "pdf":
                # back at (or left of) the bullet glyph after an item that ended: the paragraph resumes
                ended = bool(_SENTENCE_END.search(p.pieces[-1][-1])) if p.pieces[-1] else False
                resumes = w.line.x0 < p.part_x - 1 and w.gap_before or (w.line.x0 <= p.part_x + 1 and (
                    ended or w.gap_before))
            else:
                resumes = w.gap_before and w.line.x0 <= p.x_text
            if not resumes:
                p.pieces[-1].append(w.text)
                return
        if p.tail or (len(p.pieces) > 1 and not p.tail):
            p.tail.append(w.text)
            return
        p.pieces[0].append(w.text)

    def close_para(self) -> None:
        if self.cur is not None:
            self.paras.append(self.cur)
            self.cur = None
        self.pending_annex_q = None

    def flush_block(self) -> None:
        if self.block_lines:
            self.blocks.append(Block(text=self.join(self.block_lines), page=self.block_page))
        self.block_lines = []

    def flush_back(self) -> None:
        if self.back_key is not None and self.back_key.startswith(("appendices", "annexes", "list_of")):
            items = [x.strip() for x in self.back_lines if x.strip()]
            if items:
                self.metadata["appendices"] = items
            self.back_key = None
            self.back_lines = []
            return
        if self.back_key is not None:
            key = "contact" if self.back_key.startswith("contact") else self.back_key
            if key == "contact":
                # one line per item in an address block: "Name, Post, (01480) 388005"
                value = ", ".join(
                    re.sub(r"^(?:tel|telephone|phone|t)\b\s*[:.]?\s*(?=[(+\d])", "", x.strip().rstrip(","), flags=re.I)
                    for x in self.back_lines if x.strip()
                ).rstrip(".")
                value = re.sub(r"\s*(?:,\s*)?\b(?:tel|telephone|phone)\b\.?\s*:?\s*(?=[(+\d])", ", ", value, flags=re.I)
                value = re.sub(r"^,\s*|(?<=,)\s*,", "", value).strip()
            else:
                value = self.join(self.back_lines)
            if value:
                self.metadata[key] = value
        self.back_key = None
        self.back_lines = []

    def finish_front(self) -> None:
        """Title, author, date and To/From/Subject lines before the body."""
        if not self.front_lines:
            return
        lines = self.front_lines
        self.front_lines = []
        meta = self.metadata
        rest: list[L] = []
        for w in lines:
            m = FRONT_KEYS.match(w.text)
            if m:
                key = _key(m.group(1))
                key = _KEY_ALIASES.get(key, key)
                value = m.group(2).strip()
                meta.setdefault(key, _iso_date(value) if key in ("date", "closing_date") else value)
                continue
            text = w.text
            a = re.search(r"\bagenda item\s*(?:no\.?\s*)?[:.]?\s*(\w+)\s*$", text, re.I)
            if a:
                meta.setdefault("agenda_item", a.group(1))
                text = text[: a.start()].strip(" ,–-—")
                if not text:
                    continue
            m = re.match(r"^\(?\s*report (?:by|of) (?:the )?(.+?)\s*\)?$", text, re.I)
            if m:
                meta.setdefault("author", _tidy_case(m.group(1)))
                continue
            if re.search(r"\b(?:council|authority|borough|county)$", text, re.I) and len(text) < 60 and "council" not in meta:
                meta["council"] = _tidy_case(text)
                continue
            rest.append(w)
        # the title: the largest (then boldest) type in the front matter
        sized = [w for w in rest if w.line.size or w.line.bold]
        if sized:
            top = max((w.line.size, w.line.bold) for w in sized)

            def same(w: L) -> bool:  # loose boxes vary a little from glyph to glyph: sizes within 8%
                return w.line.bold == top[1] and abs(w.line.size - top[0]) <= 0.08 * max(top[0], 1.0)

            title_lines = []
            started = False
            for w in rest:
                if same(w) and (not started or not w.gap_before or w.line.size > self.body_size):
                    title_lines.append(w)
                    started = True
                elif started:
                    break
            if title_lines and (top[0] > self.body_size or top[1]):
                title = " ".join(x.text for x in title_lines).strip()
                if "title" not in meta and not _DATE.search(title):
                    meta["title"] = title
                    rest = [w for w in rest if w not in title_lines]
        remaining: list[L] = []
        for w in rest:
            t = w.text.strip()
            d = _DATE.search(t)
            if d and "date" not in meta and len(t) < 60:
                meta["date"] = _iso_date(d.group(0))
                body = t[: d.start()].strip(" ,–-")
                if body and self.caps(body) and "to" not in meta:
                    meta["to"] = body.title()
                continue
            mm = _MONTH_YEAR.match(t)
            if mm and "date" not in meta:
                meta["date"] = f"{mm.group(2)}-{_MONTHS[mm.group(1).lower()]:02d}"
                continue
            remaining.append(w)
        if remaining and "subtitle" not in meta and "title" in meta:
            first = remaining[0]
            if first.line.size and first.line.size > self.body_size * 1.1:
                meta["subtitle"] = first.text
                remaining = remaining[1:]
        group: list[str] = []
        page = remaining[0].line.page if remaining else 1
        for w in remaining:
            if w.gap_before and group:
                self.blocks.append(Block(text=self.join(group), page=page))
                group = []
            if not group:
                page = w.line.page
            group.append(w.label.rest if w.label is not None and w.label.kind == "bullet" else w.text)
        if group:
            self.blocks.append(Block(text=self.join(group), page=page))

    # -------------------------------------------------------- results

    def finish(self, notes: list[Note], tables) -> list[Paragraph]:
        out: list[Paragraph] = []
        for p in self.paras:
            intro = self.join(p.pieces[0]) if p.pieces else ""
            parts = [self.join(x) for x in p.pieces[1:]]
            tail = self.join(p.tail)
            text = " ".join(x for x in [intro, *parts, tail] if x)
            out.append(Paragraph(
                number=p.number,
                text=text,
                page=p.page,
                kind=p.kind,
                section=p.section,
                heading=p.heading,
                page_end=p.page_end,
                parent=_parent(p.number),
                bbox=tuple(round(v, 1) for v in p.bbox) if self.reading.kind == "pdf" else None,
                parts=tuple(parts),
            ))
        # tables and notes go to the paragraph they follow
        if out and (tables or notes):
            out = self.attach(out, notes, tables)
        return out

    def attach(self, paras: list[Paragraph], notes: list[Note], tables) -> list[Paragraph]:
        from dataclasses import replace

        def owner(page: int, top: float) -> int:
            best = 0
            for k, p in enumerate(self.paras):  # the working paragraphs know their first line's top, text too
                if (p.page, p.bbox[1]) <= (page, top):
                    best = k
            return best

        extra_tables: dict[int, list[Table]] = {}
        for t in tables:
            mine = extra_tables.setdefault(owner(t.page, t.bbox[1]), [])
            prev = mine[-1] if mine else None
            if prev is not None and t.page == prev.page + 1 and prev.rows and t.rows \
                    and len(prev.rows[0]) == len(t.rows[0]):
                # a table running over a page break, its header row repeated on the new page
                rows = t.rows[1:] if t.rows[0] == prev.rows[0] else t.rows
                mine[-1] = Table(page=prev.page, rows=prev.rows + rows)
                continue
            mine.append(Table(page=t.page, rows=t.rows))
        line_owner: dict[int, int] = {}
        for j, p in enumerate(self.paras):
            for idx in p.lines:
                line_owner[idx] = j
        extra_notes: dict[int, list[Note]] = {}
        for n in notes:
            # the paragraph holding the note's superscript marker, else the last one on or before its page
            k = None
            for page, idx, label in self.reading.markers:
                if label == n.label and page <= n.page and idx in line_owner:
                    k = line_owner[idx]
            if k is None:
                for j, p in enumerate(paras):
                    if p.page <= n.page:
                        k = j
            extra_notes.setdefault(k or 0, []).append(n)
        return [
            replace(p, tables=p.tables + tuple(extra_tables.get(k, ())), notes=p.notes + tuple(extra_notes.get(k, ())))
            for k, p in enumerate(paras)
        ]


# ---------------------------------------------------------------- text helpers

_WORD_BEFORE = re.compile(r"([A-Za-z]+)-$")
_WORD_AFTER = re.compile(r"^([a-z]+)")


def join_lines(lines: list[str], vocabulary: Optional[set[str]] = None) -> str:
    """Join visual lines into running text, repairing line-end hyphenation."""
    head: list[str] = []  # finished text; `out` keeps a short working tail, so a 100,000-line paragraph joins in linear time
    out = ""
    for raw in lines:
        if len(out) > 8192:
            head.append(out[:-1024])
            out = out[-1024:]
        s = raw.strip()
        if not s:
            continue
        if not out:
            out = s
            continue
        if vocabulary and out.endswith(" -"):
            # "par -" + "ish": a hyphen set apart by justification, when the document knows the whole word
            a = re.search(r"([A-Za-z]+) -$", out[-80:])
            b = _WORD_AFTER.match(s)
            if a and b and (a.group(1) + b.group(1)).lower() in vocabulary:
                out = out[:-2] + s
                continue
        m = _WORD_BEFORE.search(out[-80:]) if out.endswith("-") else None
        n = _WORD_AFTER.match(s) if m else None
        if m and n and ((not head and len(out) == len(m.group(0))) or not out[-len(m.group(0)) - 1].isalnum()):
            first, second = m.group(1), n.group(1)
            chained = (bool(head) or len(out) > len(m.group(0))) and out[-len(m.group(0)) - 1] == "-"  # "face-to-" + "face"
            if chained or _keep_hyphen(first, second, vocabulary):
                out = out + s
            else:
                out = out[:-1] + s
            continue
        if out.endswith(("://", "@")) or (out.endswith("/") and re.search(r"https?://\S*$", out[-200:])):
            out = out + s  # a URL or address broken at the line end
            continue
        if out[-1] in "-–" and len(out) > 1 and out[-2].isdigit() and s[0].isdigit():
            out = out + s  # "737–" + "9", "2018–" + "23–51": a number range or identifier broken at its dash
            continue
        out = out + " " + s
    return re.sub(r"\s+", " ", "".join(head) + out).strip()


_WORDS = re.compile(r"[A-Za-z]+(?:-[A-Za-z]+)*")


def _vocabulary(texts) -> set[str]:
    """Every word and hyphenated compound written inside a line, lower-cased: the evidence for hyphen repair."""
    vocab: set[str] = set()
    for t in texts:
        words = _WORDS.findall(t)
        if t.rstrip().endswith("-") and words:
            words = words[:-1]  # the broken word at the line end is not evidence
        vocab.update(w.lower() for w in words)
    return vocab


def _keep_hyphen(first: str, second: str, vocabulary: Optional[set[str]]) -> bool:
    vocab = vocabulary if vocabulary is not None else set()
    joined = (first + second).lower()
    hyph = f"{first}-{second}".lower()
    if joined in vocab:
        return False
    if hyph in vocab:
        return True
    if first.lower() in HYPHEN_PREFIXES:
        return True
    if first[:1].isupper() and second[:1].isupper():
        return True
    # both halves are words this document uses on their own ("county-" + "wide"), unlike "Strat-" + "egies"
    if len(first) >= 3 and len(second) >= 3 and first.lower() in vocab and second.lower() in vocab:
        return True
    return False


def _key(label: str) -> str:
    key = re.sub(r"[^a-z0-9]+", "_", label.lower()).strip("_")
    return {"background_paper": "background_papers", "background_document": "background_papers",
            "background_documents": "background_papers", "list_of_background_papers": "background_papers",
            "contact_officers": "contact", "contact_officer": "contact", "responses_to": "contact",
            "send_responses_to": "contact", "enquiries": "contact"}.get(key, key)


def _iso_date(text: str) -> str:
    m = _DATE.search(text)
    if m:
        return f"{m.group(3)}-{_MONTHS[m.group(2).lower()]:02d}-{int(m.group(1)):02d}"
    return text


_SMALL_WORDS = {"of", "and", "the", "for", "to", "in", "on", "a", "an", "by", "with", "or", "at"}


def _tidy_case(text: str) -> str:
    """SHOUTED front-matter text in title case ("HEAD OF COMMUNITY SERVICES" -> "Head of Community Services")."""
    letters = [c for c in text if c.isalpha()]
    if not letters or sum(c.isupper() for c in letters) < 0.8 * len(letters):
        return text
    words = text.lower().split()
    return " ".join(w if (i and w in _SMALL_WORDS) else w[:1].upper() + w[1:] for i, w in enumerate(words))


def _parent(number: str) -> Optional[str]:
    if "." in number:
        return number.rsplit(".", 1)[0]
    return None


def _squash(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "", text.lower())


def _generic_title(title: str) -> bool:
    t = title.lower()
    return t.startswith(("microsoft word", "untitled")) or t.endswith((".doc", ".docx", ".pdf", ".wpd")) or len(t) < 3


def _front_tables(paragraphs: list[Paragraph], regions, meta: dict) -> list[Paragraph]:
    """A key-value table above the first paragraph ("Report to: | Cabinet") is front matter, not a table."""
    if not paragraphs or not regions:
        return paragraphs
    from dataclasses import replace

    first = paragraphs[0]
    start = (first.page, first.bbox[1] if first.bbox else 0.0)
    keep_out = []
    for t in regions:
        if (t.page, t.bbox[1]) >= start:
            continue
        rows = [[c for c in r if c] for r in t.rows]
        # "Report to: | Cabinet", or the same without colons when the labels are the usual ones
        if rows and all(len(r) == 2 and len(r[0]) <= 40 and (
                r[0].rstrip().endswith(":") or FRONT_KEYS.match(f"{r[0].strip()}: {r[1]}")) for r in rows):
            for key, value in rows:
                _front_key(meta, key.rstrip().rstrip(":"), value)
            keep_out.append(t.rows)
    if not keep_out:
        return paragraphs
    cleaned = tuple(x for x in first.tables if x.rows not in keep_out)
    return [replace(first, tables=cleaned)] + list(paragraphs[1:])


_KEY_ALIASES = {"report_of": "author", "report_by": "author", "meeting_date": "date", "report_to": "to",
                "date_of_meeting": "date", "report_author": "author",
                "wards_affected": "wards", "ward_affected": "wards", "ward": "wards"}


def _front_key(meta: dict, label: str, value: str) -> None:
    key = re.sub(r"[^a-z0-9]+", "_", label.lower()).strip("_")
    key = _KEY_ALIASES.get(key, key)
    value = value.strip()
    if not key or not value:
        return
    meta.setdefault(key, _iso_date(value) if key in ("date", "closing_date") else value)
    if key == "subject":
        meta.setdefault("title", value)


def _header_metadata(meta: dict, header_texts: list[str]) -> None:
    if not header_texts:
        return
    text = Counter(header_texts).most_common(1)[0][0]
    d = _DATE.search(text)
    if d:
        meta.setdefault("date", _iso_date(d.group(0)))
        body = text[: d.start()].strip(" ,–-—")
        council = re.match(r"^(.*\b(?:Council|Authority))\s+(\S.*)$", body)
        if council:
            meta.setdefault("council", council.group(1))
            body = council.group(2)
        if body and len(body) < 60:
            meta.setdefault("to", body)
    a = re.search(r"agenda item\s*[:.]?\s*(\w+)", text, re.I)
    if a:
        meta.setdefault("agenda_item", a.group(1))


def _question_warnings(numbers: list[str]) -> list[str]:
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
