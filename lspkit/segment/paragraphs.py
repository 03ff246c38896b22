"""Paragraphs: what belongs to the open paragraph, and how its lines become text.

Once numbering has accepted a paragraph's number, every following line
belongs to it until something else starts: a bullet or a lettered part opens a
part, a line back at the paragraph's margin after a part resumes the
paragraph, and a last line stopping short of the margin (or a sentence end)
finishes it.  Text outside any numbered paragraph goes to `Blocks`.  Lines are
joined by `join_lines`, which repairs line-end hyphenation from the words the
document itself writes whole.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Optional

from ..model import Block, Line, Paragraph, ParagraphKind, TrackedChange
from .lines import Body, WorkLine
from .numbering import Label, letter_kind, parse_label
from .tracked import place_changes

SENTENCE_END = re.compile(r"[.!?:;][\"'”’)\]]*$")  # (a bracketed note closes after its stop: "... final code.]")


@dataclass
class OpenParagraph:
    """A paragraph while its lines are gathered: an intro, then one list of lines per part, then a tail."""

    number: str
    kind: ParagraphKind
    page: int
    section: Optional[str]
    heading: Optional[str]
    x_text: float
    pieces: list[list[str]] = field(default_factory=list)  # [intro], then one list per part
    part_kinds: list[str] = field(default_factory=list)  # "bullet", "letter" or "roman", one per part
    tail: list[str] = field(default_factory=list)
    page_end: int = 0
    bbox: list[float] = field(default_factory=list)
    part_x: float = 0.0
    last_part_label: Optional[str] = None
    lines: list[int] = field(default_factory=list)  # indexes into Reading.lines, to place footnote markers
    last_line: Optional[Line] = None
    changes: tuple[TrackedChange, ...] = ()  # its lines' tracked changes, in reading order
    last_change_line: Optional[Line] = None
    read_lines: list[Line] = field(default_factory=list)  # every line, to place its changes in the joined text

    def add_changes(self, line: Line) -> None:
        self.read_lines.append(line)
        if line.changes:
            from ..read.pdf import merge_changes

            ends = self.last_change_line is not None and self.last_change_line.change_edges[1]
            self.changes = merge_changes(self.changes, ends, line)
        self.last_change_line = line
    label: Optional[str] = None  # the number as printed, where `number` (the id) qualifies it
    parent: Optional[str] = None  # the section a qualified id hangs from ("1" for "1(a)")


class Paragraphs:
    """The paragraphs gathered so far and the one still open."""

    def __init__(self) -> None:
        self.done: list[OpenParagraph] = []
        self.open: Optional[OpenParagraph] = None

    @property
    def started(self) -> bool:
        """Has the body (the first numbered paragraph or question) begun?"""
        return bool(self.done or self.open)

    def start(self, w: WorkLine, number: str, rest: str, kind: ParagraphKind, section: Optional[str],
              heading: Optional[str], label: Optional[str] = None, parent: Optional[str] = None) -> None:
        self.close()
        p = OpenParagraph(number=number, kind=kind, page=w.line.page, section=section, heading=heading,
                          x_text=w.line.x0, page_end=w.line.page,
                          bbox=[w.line.x0, w.line.top, w.line.x1, w.line.bottom], label=label, parent=parent)
        p.pieces.append([])
        p.lines.append(w.index)
        p.last_line = w.line
        p.add_changes(w.line)
        self.open = p
        if rest:
            sub = parse_label(rest)
            if sub is not None and sub.kind == "part":
                _add_part(p, sub, w, rest)
            else:
                p.pieces[0].append(rest)

    def close(self) -> None:
        if self.open is not None:
            self.done.append(self.open)
            self.open = None

    def in_part(self) -> bool:
        """Is the open paragraph in a bullet or lettered part (whose own lines may sit at any margin)?"""
        return self.open is not None and len(self.open.pieces) > 1

    def finished(self, body: Body) -> bool:
        """Did the open paragraph end: a sentence end, or a last line that stops well short of the margin?"""
        p = self.open
        if p is None:
            return True
        last = (p.tail or (p.pieces[-1] if p.pieces else []))
        if bool(last) and bool(SENTENCE_END.search(last[-1])):
            return True
        ln = p.last_line
        return ln is not None and not body.full_line(ln)

    def add_line(self, w: WorkLine, body: Body) -> None:
        """A line of the open paragraph: its intro, a new part, a part's continuation, or the resumed paragraph."""
        p = self.open
        assert p is not None
        p.page_end = max(p.page_end, w.line.page)
        p.lines.append(w.index)
        p.last_line = w.line
        p.add_changes(w.line)
        if w.line.page == p.page:
            p.bbox[0] = min(p.bbox[0], w.line.x0)
            p.bbox[2] = max(p.bbox[2], w.line.x1)
            p.bbox[3] = max(p.bbox[3], w.line.bottom)
        lab = w.label
        if lab is not None and lab.kind in ("bullet", "part"):
            _add_part(p, lab, w, w.text)
            return
        if len(p.pieces) > 1 and not p.tail:
            # after a bullet: a continuation of the item, or the paragraph resuming
            if body.pdf:
                # back at (or left of) the bullet glyph after an item that ended: the paragraph resumes
                ended = bool(SENTENCE_END.search(p.pieces[-1][-1])) if p.pieces[-1] else False
                resumes = w.line.x0 < p.part_x - 1 and w.gap_before or (w.line.x0 <= p.part_x + 1 and (
                    ended or w.gap_before))
            else:
                resumes = w.gap_before and w.line.x0 <= p.x_text
            if not resumes:
                p.pieces[-1].append(w.text)
                return
        if p.tail or len(p.pieces) > 1:
            p.tail.append(w.text)
            return
        p.pieces[0].append(w.text)

    def build(self, body: Body) -> list[Paragraph]:
        """The finished paragraphs, their lines joined into text."""
        out: list[Paragraph] = []
        for p in self.done:
            intro = join_lines(p.pieces[0], body.vocab) if p.pieces else ""
            parts = [join_lines(x, body.vocab) for x in p.pieces[1:]]
            tail = join_lines(p.tail, body.vocab)
            text = " ".join(x for x in [intro, *parts, tail] if x)
            out.append(Paragraph(
                number=p.number,
                text=text,
                page=p.page,
                kind=p.kind,
                section=p.section,
                heading=p.heading,
                page_end=p.page_end,
                parent=p.parent if p.label is not None else _parent(p.number),
                bbox=tuple(round(v, 1) for v in p.bbox) if body.pdf else None,
                parts=tuple(parts),
                changes=place_changes(p.read_lines, text) if p.changes else (),
                label=p.label,
                outcome=" ".join(body.side_notes[i] for i in p.lines if i in body.side_notes) or None,
                margin_notes=tuple(n for i in p.lines for n in body.margin_notes.get(i, ())),
            ))
        return out


def _add_part(p: OpenParagraph, lab: Label, w: WorkLine, raw: str) -> None:
    """A bullet or lettered part opens a new piece of the paragraph."""
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


def _parent(number: str) -> Optional[str]:
    if "." in number:
        return number.rsplit(".", 1)[0]
    return None


# a line that runs on into the next: it introduces what follows (":") or stops mid-sentence (",", a hyphen, a word
# in lower case)
_RUNS_ON = re.compile(r"(?:[:,]|[a-z]-?)$")


class Blocks:
    """Text outside the numbered paragraphs, one Block per run of lines between gaps."""

    def __init__(self) -> None:
        self.done: list[Block] = []
        self.lines: list[str] = []
        self.page = 0
        self.marked: list[Line] = []  # the open block's lines, for their tracked changes
        self.tops: list[tuple[int, float]] = []  # each done block's first line: its page and top
        self.indexes: dict[int, list[int]] = {}  # a done block's position: its lines (Reading indexes; sequences.py)
        self.open_indexes: list[int] = []

    def add_line(self, w: WorkLine, body: Body) -> None:
        if w.gap_before and self.lines and self.marked and self.marked[-1].page != w.line.page \
                and _RUNS_ON.search(self.lines[-1].rstrip()):
            pass  # a page break is no gap where the block's last line runs on ("To read instead as:" / the text it
            # introduces on the next page): the same words make the same block whatever page they fall on
        elif w.gap_before or not self.lines:
            self.flush(body)
            self.page = w.line.page
        self.lines.append(w.label.rest if w.label is not None and w.label.kind == "bullet" else w.text)
        self.marked.append(w.line)
        self.open_indexes.append(w.index)

    def flush(self, body: Body) -> None:
        if self.lines:
            text = join_lines(self.lines, body.vocab)
            self.done.append(Block(text=text, page=self.page, changes=place_changes(self.marked, text)))
            self.tops.append((self.marked[0].page, self.marked[0].top) if self.marked else (self.page, 0.0))
            if len(self.open_indexes) == len(self.lines):
                self.indexes[len(self.done) - 1] = self.open_indexes
        self.lines = []
        self.marked = []
        self.open_indexes = []


# ---------------------------------------------------------------- joining lines

# Prefixes that keep their hyphen at a line end ("sub-" + "regional" stays "sub-regional").
HYPHEN_PREFIXES = frozenset(
    "well sub co non cross multi inter self over under anti pre post semi pan mid long short high low "
    "full part out off up down cost value three two one four five".split()
)

SOFT_HYPHEN = "\u00ad"
_WORD_BEFORE = re.compile(r"([A-Za-z]+)-$")
_WORD_AFTER = re.compile(r"^([a-z]+)")


class Vocabulary(set):
    """The words a document writes whole, and whether its producer hyphenates words at line ends.

    A word processor that does not hyphenate (Word, LibreOffice, Aspose) only
    ever ends a line with a hyphen the author typed (`fast-` + `tracked`), so
    there the hyphen is kept unless the document itself writes the joined word
    and never the hyphenated one.
    """

    hyphenates: bool = True


def join_lines(lines: list[str], vocabulary: Optional[set[str]] = None) -> str:
    """Join visual lines into running text, repairing line-end hyphenation.

    A line ending in a soft hyphen (U+00AD) is always a word broken by the producer: joined, no hyphen.
    """
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
        if out.endswith(SOFT_HYPHEN):
            out = out[:-1] + s  # a discretionary hyphen where the word was broken: never printed
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
        if s[0] in ".,;:!?)" and (len(s) == 1 or not s[1].isalnum()):
            out = out + s  # a line that starts with the sentence's closing punctuation (after a removed change)
            continue
        if out[-1] in "-–" and len(out) > 1 and out[-2].isdigit() and s[0].isdigit():
            out = out + s  # "737–" + "9", "2018–" + "23–51": a number range or identifier broken at its dash
            continue
        out = out + " " + s
    return " ".join(("".join(head) + out).split())  # every run of whitespace one space (as re.sub(r"\s+", " ") and strip())


_WORDS = re.compile(r"[A-Za-z]+(?:-[A-Za-z]+)*")


def hyphenates(reading) -> bool:
    """Does the reading's producer break words at line ends?  Text files and unknown producers: assume so."""
    if reading.kind != "pdf":
        return True
    from ..read.pdf import producer_hyphenates

    # a print driver ("PScript5.dll" into Acrobat Distiller) names the application only in the title it writes:
    # "Microsoft Word - Rules of Procedure 2021.docx" was laid out by Word, which does not hyphenate
    title = str(reading.metadata.get("title") or "")
    return producer_hyphenates(reading.metadata) and not re.match(r"\s*Microsoft Word\s+-\s", title)


def vocabulary(texts, *, hyphenates: bool = True) -> Vocabulary:
    """Every word and hyphenated compound written inside a line, lower-cased: the evidence for hyphen repair.

    `hyphenates` says whether the document's producer breaks words at line ends (see `producer_hyphenates`).
    """
    vocab = Vocabulary()
    vocab.hyphenates = hyphenates
    plain: list[str] = []  # ASCII lines whose every word counts: searched at once, lower-cased at once (a word
    for t in texts:  # never runs over a line break; only ASCII text lower-cases letter for letter)
        if t.isascii() and not t.rstrip().endswith("-"):
            plain.append(t)
            continue
        words = _WORDS.findall(t)
        if t.rstrip().endswith("-") and words:
            words = words[:-1]  # the broken word at the line end is not evidence
        vocab.update(map(str.lower, words))
    # every other character a space, the distinct tokens once: a token without a hyphen is a word as it is, one
    # with a hyphen is searched (a word never runs over a character other than a letter or a hyphen)
    for token in set("\n".join(plain).lower().encode("ascii").translate(_LETTERS_AND_HYPHENS).split()):
        if b"-" in token:
            vocab.update(_WORDS.findall(token.decode("ascii")))
        else:
            vocab.add(token.decode("ascii"))
    return vocab


_LETTERS_AND_HYPHENS = bytes(c if 97 <= c <= 122 or c == 45 else 32 for c in range(256))


def _keep_hyphen(first: str, second: str, vocabulary: Optional[set[str]]) -> bool:
    vocab = vocabulary if vocabulary is not None else set()
    joined = (first + second).lower()
    hyph = f"{first}-{second}".lower()
    if joined in vocab and hyph not in vocab and not getattr(vocab, "hyphenates", True):
        return False  # even Word breaks a word the author marked with an optional hyphen
    if not getattr(vocab, "hyphenates", True):
        return True  # a producer that never hyphenates: the hyphen was typed ("fast-" + "tracked")
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
