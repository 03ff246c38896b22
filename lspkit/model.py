"""The document model every stage reads and writes.

Frozen dataclasses so a Document can be shared between stages (and worker
processes) without anyone mutating it behind another stage's back; `to_dict`
gives the JSON shape documented in the README and `from_dict` reads it back
(the cache stores Documents as JSON, so a repeat run never imports pdfplumber).
"""
from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from enum import Enum
from typing import Any, Iterator, Optional


class ParagraphKind(str, Enum):
    PARAGRAPH = "paragraph"
    QUESTION = "question"


class SectionKind(str, Enum):
    SECTION = "section"
    CHAPTER = "chapter"
    ANNEX = "annex"


class DropReason(str, Enum):
    """Why a line was dropped as furniture (a str, so `d.reason == "header"` still reads)."""

    HEADER = "header"
    FOOTER = "footer"
    PAGE_NUMBER = "page-number"
    CONTENTS = "contents"  # a table-of-contents entry
    MARGIN_MARKER = "margin-marker"  # a letter printed in the margin beside the text ("N": a named-day question)
    MARGIN_NOTE = "margin-note"  # a marginal note beside text that is no numbered paragraph (a preamble, a schedule)


class ChangeOp(str, Enum):
    """A tracked change as the PDF shows it: inserted (underlined, coloured) or deleted (struck through)."""

    INSERTED = "inserted"
    DELETED = "deleted"


class ReadingKind(str, Enum):
    PDF = "pdf"
    TEXT = "text"


class Metadata(Mapping):
    """Read-only, hashable front- and back-matter facts, in the order they were found.

    Built from the segmenter's dict: nested lists become tuples and nested
    dicts Metadata, so a Document really is frozen (and can be hashed);
    `to_dict` gives the JSON back, unchanged.
    """

    __slots__ = ("_items",)

    def __init__(self, items: Optional[Mapping[str, Any]] = None) -> None:
        self._items = {str(k): _freeze(v) for k, v in (items or {}).items()}

    def __getitem__(self, key: str) -> Any:
        return self._items[key]

    def __iter__(self) -> Iterator[str]:
        return iter(self._items)

    def __len__(self) -> int:
        return len(self._items)

    def __hash__(self) -> int:
        return hash(tuple(self._items.items()))

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Mapping) and dict(self.items()) == dict(other.items())

    def __repr__(self) -> str:
        return f"Metadata({self._items!r})"

    def to_dict(self) -> dict[str, Any]:
        return {k: _thaw(v) for k, v in self._items.items()}


def _freeze(value: Any) -> Any:
    if isinstance(value, Mapping):
        return value if isinstance(value, Metadata) else Metadata(value)
    if isinstance(value, (list, tuple)):
        return tuple(_freeze(v) for v in value)
    return value


def _thaw(value: Any) -> Any:
    if isinstance(value, Metadata):
        return value.to_dict()
    if isinstance(value, tuple):
        return [_thaw(v) for v in value]
    return value


@dataclass(frozen=True)
class Line:
    """One visual line with the layout facts the segmenter needs.

    `x0` is the left edge of the first character in points; `size` the
    dominant font size; `bold` true when most characters are bold.  Plain-text
    input gives lines with page 1 (or form-feed pages) and x0 = indentation.
    """

    text: str
    page: int
    x0: float = 0.0
    x1: float = 0.0
    top: float = 0.0
    bottom: float = 0.0
    size: float = 0.0
    bold: bool = False
    page_height: float = 0.0
    page_width: float = 0.0
    changes: tuple["TrackedChange", ...] = ()  # tracked changes shown on this line, in reading order
    # does the line start / end inside a change (so a change running over the line break is one change)?
    change_edges: tuple[bool, bool] = (False, False)
    # the first line of a cell of a ruled grid read as lines (a schedule of tracked changes): a new unit starts
    cell_start: bool = False
    # the drawn box (a filled or stroked rectangle, or touching ones, around text) the line sits in, numbered on
    # its page from 1; 0: none.  Where a box ends, what follows is not the boxed text's continuation
    box: int = 0
    # a marginal note (a statute's side heading set in a narrow column of smaller type beside the text), its lines
    # joined: never part of the text beside it (lspkit.read.margins)
    margin: bool = False
    # read by OCR from a scanned page's image (lspkit.read.ocr), not from a text layer: its text may be misread
    ocr: bool = False


@dataclass(frozen=True)
class Table:
    """A table kept out of paragraph text: rows of cells, attached to the paragraph it follows."""

    page: int
    rows: tuple[tuple[str, ...], ...]

    def to_dict(self) -> dict[str, Any]:
        return {"page": self.page, "rows": [list(r) for r in self.rows]}


@dataclass(frozen=True)
class Note:
    """A footnote, kept out of the paragraph text that cites it."""

    label: str
    text: str
    page: int

    def to_dict(self) -> dict[str, Any]:
        return {"label": self.label, "text": self.text, "page": self.page}


@dataclass(frozen=True)
class TrackedChange:
    """One tracked change inside a paragraph, in reading order: what was inserted or deleted.

    `at` is where it is in the text as read (the paragraph's, or the line's on a Line): for a change the text
    holds (an insertion read as final), where it starts; for one the text leaves out (a deletion read as final),
    where it was printed, just after the text before it.  `glued`: a change the text leaves out was printed
    touching the text before it ("highlight" + a struck "s"), not after a space.  Neither takes part in
    equality: a change is its op and its words."""

    op: ChangeOp
    text: str
    at: Optional[int] = field(default=None, compare=False)
    glued: bool = field(default=False, compare=False)
    # a change the text leaves out that opens a paragraph of its own: a wholly struck paragraph, set apart from
    # the line above it by a paragraph's gap, given to the last line kept (`read.pdf.Collector._to_last_line`)
    opens: bool = field(default=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "op", ChangeOp(self.op))

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"op": self.op.value, "text": self.text}
        if self.at is not None:
            out["at"] = self.at
        if self.glued:
            out["glued"] = True
        if self.opens:
            out["opens"] = True
        return out

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> "TrackedChange":
        return cls(ChangeOp(d["op"]), d["text"], d.get("at"), bool(d.get("glued", False)), bool(d.get("opens", False)))


@dataclass(frozen=True)
class Section:
    number: Optional[str]  # None for an unnumbered heading
    heading: str
    page: int
    kind: SectionKind = SectionKind.SECTION
    changes: tuple[TrackedChange, ...] = ()  # tracked changes in its heading (a PDF "with tracked changes")

    def to_dict(self) -> dict[str, Any]:
        out = {"number": self.number, "heading": self.heading, "page": self.page, "kind": self.kind.value}
        if self.changes:  # only where the PDF shows tracked changes in the heading
            out["changes"] = [c.to_dict() for c in self.changes]
        return out


@dataclass(frozen=True)
class Paragraph:
    """A numbered paragraph: the unit every later stage speaks in.

    `number` is the paragraph's id, unique in its Document and read the way it is cited: as printed, without a
    trailing dot ("3.4", "12", "Q7"), or qualified where the printed number alone repeats (lettered paragraphs
    under numbered heading 1 are "1(a)", "1(b)"; resolutions under minute 292 are "292(1)"; the second of two
    paragraphs both printed "5.4" is "5.4 (2)").  `label` is the number as printed ("a", "1", "5.4"); it equals
    `number` unless the id is qualified.
    `text` holds the whole paragraph, its bullets and lettered parts, lines joined.
    """

    number: str
    text: str
    page: int
    kind: ParagraphKind = ParagraphKind.PARAGRAPH
    section: Optional[str] = None
    heading: Optional[str] = None
    page_end: Optional[int] = None
    parent: Optional[str] = None
    bbox: Optional[tuple[float, float, float, float]] = None
    parts: tuple[str, ...] = ()
    tables: tuple[Table, ...] = ()
    notes: tuple[Note, ...] = ()
    changes: tuple[TrackedChange, ...] = ()  # tracked changes (a PDF "with tracked changes"), in reading order
    label: Optional[str] = None
    outcome: Optional[str] = None  # a note set at the right margin beside it: "Noted", "Clerk", "Agreed"
    # marginal notes set beside it (a statute section's side heading, then those of the sections it quotes)
    margin_notes: tuple[str, ...] = ()
    ocr: bool = False  # its text was read by OCR from a scanned page (lspkit.read.ocr): words may be misread

    def __post_init__(self) -> None:
        if self.label is None:
            object.__setattr__(self, "label", self.number)

    def to_dict(self) -> dict[str, Any]:
        out = {
            "number": self.number,
            "label": self.label,
            "kind": self.kind.value,
            "section": self.section,
            "heading": self.heading,
            "page": self.page,
            "page_end": self.page_end if self.page_end is not None else self.page,
            "parent": self.parent,
            "bbox": list(self.bbox) if self.bbox else None,
            "text": self.text,
            "parts": list(self.parts),
            "tables": [t.to_dict() for t in self.tables],
            "notes": [n.to_dict() for n in self.notes],
        }
        if self.changes:  # only where the PDF shows tracked changes, so other output keeps its shape
            out["changes"] = [c.to_dict() for c in self.changes]
        if self.outcome:  # only where the page sets a note beside the paragraph
            out["outcome"] = self.outcome
        if self.margin_notes:  # only where the page sets marginal notes beside it (a statute's side headings)
            out["margin_notes"] = list(self.margin_notes)
        if self.ocr:  # only where a scanned page was read by OCR
            out["ocr"] = True
        return out


@dataclass(frozen=True)
class Block:
    """Text that is not a numbered paragraph (preamble, unnumbered prose)."""

    text: str
    page: int
    changes: tuple[TrackedChange, ...] = ()  # tracked changes, as on a Paragraph
    ocr: bool = False  # read by OCR from a scanned page, as on a Paragraph

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"text": self.text, "page": self.page}
        if self.changes:  # only where the PDF shows tracked changes
            out["changes"] = [c.to_dict() for c in self.changes]
        if self.ocr:  # only where a scanned page was read by OCR
            out["ocr"] = True
        return out


@dataclass(frozen=True)
class Dropped:
    """A line removed as layout furniture, kept so nothing vanishes silently."""

    text: str
    page: int
    reason: DropReason

    def __post_init__(self) -> None:
        object.__setattr__(self, "reason", DropReason(self.reason))

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "page": self.page, "reason": self.reason.value}


@dataclass(frozen=True)
class Source:
    path: str
    sha256: str
    pages: int
    title: Optional[str] = None

    def to_dict(self) -> dict[str, Any]:
        return {"path": self.path, "sha256": self.sha256, "pages": self.pages, "title": self.title}


@dataclass(frozen=True)
class Document:
    source: Source
    metadata: Metadata = field(default_factory=Metadata)
    sections: tuple[Section, ...] = ()
    paragraphs: tuple[Paragraph, ...] = ()
    blocks: tuple[Block, ...] = ()
    notes: tuple[Note, ...] = ()
    dropped: tuple[Dropped, ...] = ()
    warnings: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        if not isinstance(self.metadata, Metadata):
            object.__setattr__(self, "metadata", Metadata(self.metadata))

    def paragraph(self, number: str) -> Optional[Paragraph]:
        for p in self.paragraphs:
            if p.number == number:
                return p
        return None

    def section(self, number: str) -> Optional[Section]:
        for s in self.sections:
            if s.number == number:
                return s
        return None

    @property
    def questions(self) -> tuple[Paragraph, ...]:
        return tuple(p for p in self.paragraphs if p.kind is ParagraphKind.QUESTION)

    def with_warnings(self, *more: str) -> "Document":
        return replace(self, warnings=self.warnings + tuple(more))

    def to_dict(self) -> dict[str, Any]:
        return {
            "source": self.source.to_dict(),
            "metadata": self.metadata.to_dict(),
            "sections": [s.to_dict() for s in self.sections],
            "paragraphs": [p.to_dict() for p in self.paragraphs],
            "blocks": [b.to_dict() for b in self.blocks],
            "notes": [n.to_dict() for n in self.notes],
            "dropped": [d.to_dict() for d in self.dropped],
            "warnings": list(self.warnings),
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> "Document":
        def table(t: dict) -> Table:
            return Table(page=t["page"], rows=tuple(tuple(r) for r in t["rows"]))

        def note(n: dict) -> Note:
            return Note(label=n["label"], text=n["text"], page=n["page"])

        paragraphs = tuple(
            Paragraph(
                number=p["number"],
                text=p["text"],
                page=p["page"],
                kind=ParagraphKind(p.get("kind", "paragraph")),
                section=p.get("section"),
                heading=p.get("heading"),
                page_end=p.get("page_end"),
                parent=p.get("parent"),
                bbox=tuple(p["bbox"]) if p.get("bbox") else None,
                parts=tuple(p.get("parts", ())),
                tables=tuple(table(t) for t in p.get("tables", ())),
                notes=tuple(note(n) for n in p.get("notes", ())),
                changes=tuple(TrackedChange.from_dict(c) for c in p.get("changes", ())),
                label=p.get("label"),
                outcome=p.get("outcome"),
                ocr=bool(p.get("ocr", False)),
                margin_notes=tuple(p.get("margin_notes", ())),
            )
            for p in d.get("paragraphs", ())
        )
        return cls(
            source=Source(**d["source"]),
            metadata=Metadata(d.get("metadata", {})),
            sections=tuple(
                Section(s["number"], s["heading"], s["page"], SectionKind(s.get("kind", "section")),
                        tuple(TrackedChange.from_dict(c) for c in s.get("changes", ())))
                for s in d.get("sections", ())
            ),
            paragraphs=paragraphs,
            blocks=tuple(Block(b["text"], b["page"], tuple(TrackedChange.from_dict(c) for c in b.get("changes", ())),
                               bool(b.get("ocr", False))) for b in d.get("blocks", ())),
            notes=tuple(note(n) for n in d.get("notes", ())),
            dropped=tuple(Dropped(**x) for x in d.get("dropped", ())),
            warnings=tuple(d.get("warnings", ())),
        )


@dataclass(frozen=True)
class TableRegion:
    """A ruled table found on a page: its box (x0, top, x1, bottom) and cells."""

    page: int
    bbox: tuple[float, float, float, float]
    rows: tuple[tuple[str, ...], ...]


@dataclass(frozen=True)
class Reading:
    """Everything the segmenter needs from one input, and nothing it does not."""

    path: str
    sha256: str
    page_count: int
    lines: list[Line]
    kind: ReadingKind = ReadingKind.PDF
    tables: list[TableRegion] = field(default_factory=list)
    metadata: dict[str, Any] = field(default_factory=dict)
    page_sizes: dict[int, tuple[float, float]] = field(default_factory=dict)
    pages: tuple[int, ...] = ()
    # (page, line index in `lines`, label): superscript footnote markers removed from line text
    markers: list[tuple[int, int, str]] = field(default_factory=list)
    warnings: tuple[str, ...] = ()
    # page -> y (top-down) of the footnote separator drawn on it: what lies below is the page's footnotes
    foot_rules: dict[int, float] = field(default_factory=dict)
    ocr_pages: tuple[int, ...] = ()  # pages read by OCR (scans with no text layer): their lines are flagged `ocr`

    def __post_init__(self) -> None:
        object.__setattr__(self, "kind", ReadingKind(self.kind))

    @property
    def producer(self) -> str:
        """What made the file (the PDF's Producer, then its Creator), "" when unknown or not a PDF."""
        return " ".join(str(self.metadata.get(k, "")) for k in ("producer", "creator")).strip()

