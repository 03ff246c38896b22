"""What a paragraph diff misses: the cover, the recommendations, the tables, and the noise.

`diff.py` aligns numbered paragraphs.  An analyst comparing the Cabinet and the
Council versions of a report checks other things first:

* the cover (`metadata_changes`): To: Cabinet -> County Council, the date, the
  decision number, the pathway lines -- whatever `Document.metadata` carries;
* the recommendations (`recommendation_changes`): aligned item by item, with the
  verb each item asks for (`(iii) ENDORSE -> ADOPT`) and a word redline;
* the tables (`table_changes`): rows keyed by their first cell, columns by their
  header, every differing cell listed.

It also decides which word changes are not changes of content (`edit_noise`):
table cells that leaked into a paragraph in one version only, running headers
and footers, a heading printed glued to a paragraph, footnote markers, and
changes of punctuation or spacing only.
"""
from __future__ import annotations

import bisect
import difflib
from collections import Counter
import re
from dataclasses import dataclass, field, replace as _dc_replace
from enum import Enum
from typing import Any, Optional, Sequence

from ..model import Block, Document, Paragraph
from .align import align, comparison_tokens
from .redline import RunOp, WordRun, redline

# ---------------------------------------------------------------- metadata

# Keys the PDF writer sets (producer, creation time): a re-save is not a change of the paper.
TECHNICAL_PREFIXES = ("pdf_",)


@dataclass(frozen=True)
class FieldChange:
    """One metadata field across versions: `changed`, `added` (only in the new) or `removed`."""

    field: str
    op: str
    old: Optional[str]
    new: Optional[str]

    def to_dict(self) -> dict[str, Any]:
        return {"field": self.field, "op": self.op, "old": self.old, "new": self.new}


def _field_text(value: Any) -> Optional[str]:
    if value is None:
        return None
    if isinstance(value, (list, tuple)):
        value = "; ".join(str(v) for v in value)
    elif isinstance(value, dict):
        value = "; ".join(f"{k}: {v}" for k, v in value.items())
    text = " ".join(str(value).split())
    return text or None


def unprinted_fields(metadata: Any, properties: Any, printed: str) -> frozenset[str]:
    """The metadata keys whose value is the file's own document property (the PDF's Title, Author,
    Subject) and is printed nowhere on its pages: not a cover field, a property of the file.

    `properties` is what the reader found in the file's document information, `printed` the text of
    its lines; a value the segmenter read from the page is printed there by definition."""
    def norm(text: Any) -> str:
        return " ".join(comparison_tokens(str(text), ignore_case=True, ignore_punctuation=True))

    page = f" {norm(printed)} "
    out = set()
    for key, value in metadata.items():
        own = (properties or {}).get(key)
        if own and not key.startswith(TECHNICAL_PREFIXES) and norm(value) == norm(own) and f" {norm(value)} " not in page:
            out.add(key)
    return frozenset(out)


def with_file_properties(document: Document, properties: Any) -> tuple[Document, frozenset[str]]:
    """The document with the file's own document properties that its metadata left out (a Title that is a
    Word file name, "Microsoft Word - Rules 2021.doc", is no title of the paper), and their keys: a diff
    lists them as changed properties of the file, never as cover fields.  Where the metadata holds another
    value under the key (the title printed on the page), the file's own is kept as "file title".  Keys the writer sets (producer,
    dates) are kept as the segmenter keeps them, "pdf_"-prefixed, or not at all."""
    from dataclasses import replace as _replace

    from ..model import Metadata

    have = dict(document.metadata.items())
    extra = {}
    for k, v in (properties or {}).items():
        if not _field_text(v) or any(f"{p}{k}" in have for p in TECHNICAL_PREFIXES):
            continue
        if k not in have:
            extra[k] = v
        elif _field_text(have[k]) != _field_text(v):
            extra[f"file {k}"] = v  # the page's title is the paper's; the file's own Title is a property of it
    if not extra:
        return document, frozenset()
    return _replace(document, metadata=Metadata({**have, **extra})), frozenset(extra)


# A cover line the segmenter left as text: "Name of Cabinet Member: ...", "Is this a key decision? No.",
# "File Ref: PINS/Y1945/429/7", "Decision No: 2024/15", "Will this report go to Council? Yes".
_COVER_FIELD = re.compile(r"^(?P<label>[A-Z][^:?.;]{0,58}?[^\s:?])\s*(?P<sep>[:?])\s+(?P<value>\S.*)$", re.S)
_COVER_ITEM = re.compile(r"^\s*(?:\(?(?:[ivxlc]+|[a-z]|\d{1,2})[.)]|[\u2022\u25aa\u25cf\-\u2013])\s", re.I)
COVER_LINE = "cover line"


@dataclass(frozen=True)
class Cover:
    """What a report's cover prints outside the segmenter's metadata: its labelled lines as fields (by their
    printed label), its short unlabelled lines ("Cabinet Report", "Council - 25 March 2024"), and which blocks
    they are (positions in Document.blocks), so that the paragraph diff does not compare them again."""

    fields: dict
    lines: tuple[str, ...]
    blocks: frozenset[int]


def cover_of(document: Document) -> Cover:
    """The cover of a paper with numbered paragraphs: its unnumbered blocks before the body (on the pages
    before the first numbered paragraph's, at most the first two, or on that page when no page before it prints
    text: page 1, or the page after a scanned covering letter).
    A labelled line is a field when its label is short (up to 8 words) and its value too (up to 16); a line
    of up to 8 words that is no sentence and no list item is a cover line.  The cover ends with the page where
    the body's prose starts (a block of sentences, `_prose`): pages after it are body.  A paper without numbered
    paragraphs, or whose unnumbered text in the body (from the first numbered paragraph's page on) outweighs
    them, has no cover told apart from its text: its blocks are compared as paragraphs."""
    numbered = sum(len(p.text.split()) for p in document.paragraphs)
    if not document.paragraphs:
        return _unnumbered_cover(document)
    # the body's unnumbered text (from the first numbered paragraph's page on) against its numbered text
    body_from = min(p.page for p in document.paragraphs)
    if sum(len(b.text.split()) for b in document.blocks if b.page >= body_from) > numbered:
        return _unnumbered_cover(document)
    first = min(body_from, 3)
    # Prose (a block of sentences) on a page before the first numbered paragraph's is the body already: the
    # cover does not run past that page (a request for qualifications whose first page opens its text, numbered
    # items only on page 3: its schedule on page 2 is no cover line)
    prose = [b.page for b in document.blocks if b.page < first and not b.ocr and _prose(b.text)]
    if prose:
        first = min(first, min(prose) + 1)
    # The body starts on the first page that prints text (page 1, or page 2 behind a scanned covering letter
    # that has none, or whose text was read by OCR): the cover is on that page, above the body.  A scanned page
    # read by OCR is no cover: its lines are not the text layer's, and the version before may not have had it read
    opening = min([p.page for p in document.paragraphs] + [b.page for b in document.blocks if not b.ocr])
    fields: dict[str, str] = {}
    lines: list[str] = []
    used: set[int] = set()
    taken = {_norm(_field_text(v) or "") for v in document.metadata.values()}
    on_cover = [k for k, b in enumerate(document.blocks)
                if not b.ocr and (b.page < first or b.page == first == opening)]
    entries = contents_blocks(document) | _numbered_notes(document, on_cover)
    # the cover's lines the segmenter dropped with a contents page it shares (a directive's title page: its
    # title, "FINAL 19 April 2018", a draft notice, then "Contents"): compared as cover lines, the entries not
    for text in _dropped_cover_lines(document, first, opening):
        if _norm(text) not in taken:
            lines.append(text)
    for k in on_cover:
        b = document.blocks[k]
        text = " ".join(b.text.split())
        if k in entries:
            used.add(k)  # a contents entry or a list of notes on the cover: front matter, neither a field nor a line
            continue
        m = _COVER_FIELD.match(text)
        if m and len(m.group("label").split()) <= 8 and len(m.group("value").split()) <= 16 \
                and not RECOMMENDATION_HEADING.search(m.group("label")):
            label = m.group("label") + ("?" if m.group("sep") == "?" else "")
            if label.lower() not in {f.lower() for f in fields}:
                fields[label] = m.group("value").rstrip(" .;,")  # "No." and "No" are one answer
                used.add(k)
            continue
        if k in entries:
            used.add(k)  # a contents entry on the cover: front matter, neither a cover line nor text
            continue
        # a page wholly before the body (a bill's or an Act's cover) may print longer lines: "Presented by the
        # Foreign Minister on 10th of February, 2022"
        most = COVER_PAGE_WORDS if b.page < body_from else 8
        # lines a rule of dashes sets apart, read into one block ("Ordered by Parliament to be printed" / "————" /
        # "[Bill No. 222]"), are lines each
        pieces = [p for p in _RULE.split(text) if p.strip()]
        if pieces and all(_cover_line(p, most, taken) for p in pieces):
            lines.extend(pieces)
            used.add(k)
    return Cover(fields, tuple(lines), frozenset(used))


UNNUMBERED_COVER_BLOCKS = 12


def _unnumbered_cover(document: Document) -> Cover:
    """The cover of a paper whose text is mostly unnumbered (a policy, a consultation draft): its blocks before
    the first block of prose (`_prose`), on its first two pages that print text, at most 12.  Of those, a line
    the segmenter already read as a metadata value (the title: reported as that field, not again as text) and a
    short labelled field ("Original Adopted Date: Pending", "Prepared by: ...") are the cover; a field's value
    runs on over the lines under it shaped as it is (names listed one a line, "Dr A B, Director of AI, NHSX",
    as many comma-separated parts).  Every other line stays text: in such a paper an unlabelled short line is
    as likely its first heading or a minute's first line as a cover line."""
    if not document.blocks:
        return Cover({}, (), frozenset())
    pages = sorted({b.page for b in document.blocks if not b.ocr} | {p.page for p in document.paragraphs})[:2]
    taken = {_norm(_field_text(v) or "") for v in document.metadata.values()} - {""}
    fields: dict[str, str] = {}
    used: set[int] = set()
    last: Optional[tuple[str, int]] = None  # the field read last, and how many parts its value has
    for k, b in enumerate(document.blocks[:UNNUMBERED_COVER_BLOCKS]):
        text = " ".join(b.text.split())
        if b.ocr or b.page not in pages or _prose(text) or any(p.page < b.page for p in document.paragraphs):
            break
        if _norm(text) in taken:
            used.add(k)
            last = None
            continue
        m = _COVER_FIELD.match(text)
        if m and m.group("sep") == ":" and len(m.group("label").split()) <= 5 and len(m.group("value").split()) <= 12 \
                and not re.search(r"[.;]$", text) and not RECOMMENDATION_HEADING.search(m.group("label")) \
                and not re.search(r"[-_=]{3,}", m.group("value")) and m.group("label").lower() not in {f.lower() for f in fields}:
            # (a value with a rule in it, "M/O Field --- ------", is a table's head read as a line, no field)
            label = m.group("label")
            fields[label] = m.group("value").rstrip(" .;,")
            used.add(k)
            last = (label, len(m.group("value").split(",")))
            continue
        parts = len(text.split(","))
        if last is not None and parts == last[1] >= 2 and len(text.split()) <= 12 and not re.search(r"[.;:]$", text):
            fields[last[0]] += " / " + text  # one more name under the field's first
            used.add(k)
            continue
        last = None
    return Cover(fields, (), frozenset(used))


PROSE_WORDS = 30


def _prose(text: str) -> bool:
    """A block of running text: at least 30 words, ending a sentence, with more than one sentence or none of a
    cover field's 'Label: value' shape."""
    flat = " ".join(text.split())
    if len(flat.split()) < PROSE_WORDS or not re.search(r"[.!?][\"\u201d\u2019')]*$", flat):
        return False
    return len(re.findall(r"[a-z][.!?]\s+[A-Z]", flat)) >= 1 or not _COVER_FIELD.match(flat)


_RULE = re.compile(r"\s*[\u2014\u2013\u2015_=-]{4,}\s*")


def _cover_line(text: str, most: int, taken: set) -> bool:
    """A short unlabelled line of a cover: no sentence, no list item, not a metadata value, not a form's blank
    ("Signed ____"), and some letter or digit (a rule "————" is no line)."""
    words = text.split()
    return 0 < len(words) <= most and not re.search(r"[.;:,]$", text) and not _COVER_ITEM.match(text) \
        and _norm(text) not in taken and not re.search(r"_{5,}", text) and bool(re.search(r"[^\W_]", text))


COVER_PAGE_WORDS = 24
_NOTE_LABEL = re.compile(r"^([A-Z][a-z]+)\s+\d{1,3}[A-Z]?\s*:")


def _numbered_notes(document: Document, on_cover: Sequence[int]) -> frozenset[int]:
    """Cover blocks that are entries of a list of notes labelled alike ("Clause 2 : This clause amends ...",
    "Clause 3 : ...": a bill's Statement of Legal Effect), two or more: front matter, never cover fields."""
    words = {k: m.group(1) for k in on_cover if (m := _NOTE_LABEL.match(document.blocks[k].text.strip()))}
    counts = Counter(words.values())
    return frozenset(k for k, w in words.items() if counts[w] >= 2)


_LEADERS = re.compile(r"(?:\.\s?){3,}|\u2026")


def _joined_lines(lines: Sequence[Any]) -> list[Any]:
    """Consecutive dropped lines of one page joined where a sentence runs on: the line before ends without a
    full stop (or colon, semicolon) and the next starts in lower case ("... government-wide" / "engagement
    exercise ...").  Each out item is (page, text)."""
    out: list[list] = []
    for d in lines:
        text = " ".join(d.text.split())
        if not text:
            continue
        if out and out[-1][0] == d.page and out[-1][2] == d.reason and not re.search(r"[.:;!?]$", out[-1][1]) \
                and text[0].islower():
            out[-1][1] += " " + text
        else:
            out.append([d.page, text, d.reason])
    return [(page, text) for page, text, _ in out]


def _dropped_cover_lines(document: Document, first: int, opening: int) -> list[str]:
    """The lines of the cover page(s) (as `cover_of`) that the segmenter dropped as a contents page, but for
    the contents entries themselves (dot leaders, a closing page number, a heading of the paper)."""
    from ..model import DropReason

    dropped = [d for d in document.dropped if d.reason is DropReason.CONTENTS
               and (d.page < first or d.page == first == opening)]
    if not dropped:
        return []
    headings = {" ".join(_words(f"{s.number or ''} {s.heading}")) for s in document.sections}
    headings |= {" ".join(_words(s.heading)) for s in document.sections}
    out = []
    for _, text in _joined_lines(dropped):
        if _LEADERS.search(text) or _PAGE_NUMBER_TAIL.search(text) or _contents_entry(text, headings):
            continue  # an entry: leaders, or a page number closing a line the segmenter read as contents
        out.append(text)
    return out


RUNNING = {"header": "running header", "footer": "running footer"}
RUNNING_SHARE = 0.5
RUNNING_BLOCK_PAGES = 3
RUNNING_BLOCK_WORDS = (3, 30)


def running_blocks(document: Document) -> dict[int, str]:
    """Blocks that are a running header or footer the segmenter kept as text (position: its text): the same
    short line (three to thirty words) kept as a block on three pages or more and on half the pages at least
    ("Issued: 04 July 2018 Application Date: 04 July 2019 IAF MD 4:2018, Issue 2" at the foot of most pages), or
    a line the segmenter dropped as a header or footer on two pages or more, kept on the one page where it was
    not (the cover's copy); a block that is a piece of such a line (the footer cut in two on one page) too."""
    from ..model import DropReason

    def short(t: str) -> bool:
        return RUNNING_BLOCK_WORDS[0] <= len(t.split()) <= RUNNING_BLOCK_WORDS[1] and bool(re.search(r"[^\W\d_]", t))

    kept: dict[str, set[int]] = {}
    for b in document.blocks:
        t = _norm(b.text)
        if short(t):
            kept.setdefault(t, set()).add(b.page)
    pages = {u.page for u in (*document.paragraphs, *document.blocks)}
    running = {t for t, on in kept.items() if len(on) >= max(RUNNING_BLOCK_PAGES, RUNNING_SHARE * len(pages))}
    dropped: dict[str, set[int]] = {}
    band: dict[tuple[int, DropReason], list[str]] = {}  # a page's footer lines, read as one line too
    for d in document.dropped:
        if d.reason in (DropReason.HEADER, DropReason.FOOTER) and _norm(d.text):
            band.setdefault((d.page, d.reason), []).append(_norm(d.text))
            if short(_norm(d.text)):
                dropped.setdefault(_norm(d.text), set()).add(d.page)
    for (page, _), lines in band.items():
        if len(lines) > 1 and short(" ".join(lines)):
            dropped.setdefault(" ".join(lines), set()).add(page)
    on_pages = {t: on for t, on in dropped.items() if len(on) >= 2}
    on_pages.update({t: kept[t] | dropped.get(t, set()) for t in running})
    out: dict[int, str] = {}
    for k, b in enumerate(document.blocks):
        t = _norm(b.text)
        # a piece only on a page that does not print the line whole (a signature "The President, University
        # College." over its own page's footer naming the president is text)
        if t in on_pages or (short(t) and any(f" {t} " in f" {r} " and b.page not in on for r, on in on_pages.items())):
            out[k] = " ".join(b.text.split())
    return out




def running_changes(old: Document, new: Document, kw: dict, cover: Sequence[FieldChange] = ()) -> list[FieldChange]:
    """The running headers and footers (the lines the segmenter dropped as furniture, printed on at least half
    the pages that print any) that one version prints and the other does not: "Treasury Board of Canada" ->
    "Treasury Board" at the top of every page, "Draft decision for your comments" -> "Final decision".  A line
    is compared as printed (a version date in it counts), but for a number that changes from page to page in
    the same version (a page count): that is the furniture itself.  A line gone with a cover line of the same
    words (a draft notice on the cover and atop every page), in `cover`, is said there once.  Reported apart:
    readers disagree whether a changed footer is a change of the paper, so it is shown, never counted."""
    from ..model import DropReason

    def lines(document: Document, reason: DropReason) -> list[str]:
        got = _joined_lines([d for d in document.dropped if d.reason is reason])
        by_shape: dict[str, set[str]] = {}
        for _, text in got:
            by_shape.setdefault(re.sub(r"\d+", "#", text), set()).add(text)
        # a page number alone (a counter with no words) is no running line; a date printed alone ("03.12.24",
        # the same on every page) is one
        got = [(page, text) for page, text in got
               if re.search(r"[^\W\d_]", text) or len(by_shape[re.sub(r"\d+", "#", text)]) == 1]
        pages: dict[str, set[int]] = {}
        for page, text in got:
            shape = re.sub(r"\d+", "#", text)
            pages.setdefault(shape if len(by_shape[shape]) > 1 else text, set()).add(page)  # a counter: its shape
        printing = {page for page, _ in got}
        # a line on most pages that print any: a chapter's running title (on that chapter's pages) is no
        # furniture of the paper, and follows its heading
        return [t for t, on in pages.items() if len(on) >= max(2, RUNNING_SHARE * len(printing))]

    out: list[FieldChange] = []
    said = {(f.op, _norm(f.old if f.op == "removed" else f.new)) for f in cover}
    for reason, name in ((DropReason.HEADER, RUNNING["header"]), (DropReason.FOOTER, RUNNING["footer"])):
        found = _cover_line_changes(lines(old, reason), lines(new, reason), kw)
        if [f.op for f in found] == ["added", "removed"]:  # the one running line in place of the other
            found = [FieldChange(name, "changed", found[1].old, found[0].new)]
        for f in found:
            if (f.op, _norm(f.old if f.op == "removed" else f.new)) not in said:
                out.append(FieldChange(name, f.op, f.old, f.new))
    return _kept_running(out, old, new, kw)


def _kept_running(out: list[FieldChange], old: Document, new: Document, kw: dict) -> list[FieldChange]:
    """A running line one version's segmenter kept as text (`running_blocks`), the other dropped: where the other
    version's line is reported added (removed) and the kept one reads like it, the one line in place of the other
    ("Issued: 04 July 2018 ..." kept on most pages of the old, "Issued: 01 February 2022 ..." the new's footer)."""
    for side, op in ((old, "added"), (new, "removed")):
        kept = sorted(dict.fromkeys(running_blocks(side).values()), key=len, reverse=True)  # a whole line first
        for line in kept:
            for k, f in enumerate(out):
                if f.op != op:
                    continue
                other = f.new if op == "added" else f.old
                paired = _cover_line_changes([line], [other], kw) if op == "added" else \
                    _cover_line_changes([other], [line], kw)
                if [g.op for g in paired] == ["changed"]:
                    out[k] = FieldChange(f.field, "changed", *((line, other) if op == "added" else (other, line)))
                    break
    return out


CONTENTS_OPENING = 12
CONTENTS_MIN = 3
CONTENTS_PAGES = 3
_PAGE_NUMBER_TAIL = re.compile(r"(?:\s+|\s*(?:\.{2,}|\u2026+)\s*)(?:\d{1,3}|[ivxlc]{1,5})$", re.I)


def contents_blocks(document: Document) -> frozenset[int]:
    """Positions of the blocks on the first pages (up to 3) that are a list of contents: at least three lines
    "Article V. Student Senate Fiscal Policy. 11", each a heading or the opening of a text the document prints
    elsewhere, then a page number.  Front matter: neither a cover line nor text to compare."""
    candidates = [k for k, b in enumerate(document.blocks)
                  if b.page <= CONTENTS_PAGES and _PAGE_NUMBER_TAIL.search(" ".join(b.text.split()))]
    if len(candidates) < CONTENTS_MIN:
        return frozenset()
    # what the document prints elsewhere: its headings, and the openings of its text (a contents line's own
    # block, and the other contents lines, left out)
    headings = {" ".join(_words(s.heading)) for s in document.sections}
    for t in (*document.blocks, *document.paragraphs):
        if not _PAGE_NUMBER_TAIL.search(" ".join(t.text.split())):
            words = _words(t.text)[:CONTENTS_OPENING]
            headings.update(" ".join(words[:n]) for n in range(1, len(words) + 1))
    entries = frozenset(k for k in candidates if _contents_entry(" ".join(document.blocks[k].text.split()), headings))
    return entries if len(entries) >= CONTENTS_MIN else frozenset()  # one line "Agenda item 7" is no contents


CONTENTS_FIELD = "contents"
_CONTENTS_LINE = re.compile(
    r"^(?P<name>.*?\S)(?:\s*(?:\.\s?){2,}\s*|\s*\u2026+\s*|\s+)(?P<page>\d{1,3}|[ivxlc]{1,5})$", re.I)
_ENTRY_NUMBER = re.compile(r"^(?:(?:part|section|article|chapter|appendix|annex|schedule)\s+)?"
                           r"(?:\d{1,3}(?:\.\d{1,3})*\.?|[A-Z](?:\.\d{1,3})*\.?|[IVXLC]{1,6}\.?)(?:\s*:)?\s+", re.I)


def contents_entries(document: Document) -> list[tuple[str, str]]:
    """A version's contents page as (name, page) entries, from the lines the segmenter dropped as contents: the
    dot leaders left out, a title's wrapped line ("... and Re-" / "Application") joined to the entry it ends, the
    page's own heading ("CONTENT", "PAGE") no entry."""
    from ..model import DropReason

    out: list[list[str]] = []
    for _, text in _joined_lines([d for d in document.dropped if d.reason is DropReason.CONTENTS]):
        m = _CONTENTS_LINE.match(text)
        if m and re.search(r"[^\W\d_]", m.group("name")):
            name = " ".join(_LEADERS.sub(" ", m.group("name")).split())
            # two columns read as one line: "6 Affirmative action 3 Schedule 2: Joint branch proposal ... 13"
            glued = _GLUED_ENTRY.match(name)
            if glued and re.search(r"[^\W\d_]", glued.group("first")):
                out.append([glued.group("first"), glued.group("page")])
                name = glued.group("second")
            out.append([name, m.group("page")])
        elif out and re.search(r"[^\W\d_]", text) and not _CONTENTS_TITLE_LINE.match(text):
            name = out[-1][0]
            out[-1][0] = name + text if name.endswith("-") else f"{name} {text}"
    return [(name, page) for name, page in out]


_GLUED_ENTRY = re.compile(r"^(?P<first>.*?[^\W\d_].*?)\s(?P<page>\d{1,3})\s+"
                          r"(?P<second>(?:[A-Z][a-z]+\s+(?:\d{1,3}|[A-Z])\b|\d{1,3}(?:\.\d{1,3})*\.?\s+[A-Z]).*)$")
_CONTENTS_TITLE_LINE = re.compile(r"^(?:table of )?contents?$|^page$|^index$", re.I)


def contents_changes(old: Document, new: Document, kw: dict) -> list[FieldChange]:
    """The contents page's lines that changed between the versions (field "contents", each line printed as
    "4 Obligations of the Accredited Organisations ... 3"): a section renamed, added or gone, renumbered, or moved
    to another page.  Entries are paired by their number and title, then by their title (the number left out, so a
    section renumbered after a new one is the same entry), then a changed title by its likeness, wherever they
    stand (a contents page in two columns is read in another order by one version).  Only where
    both versions print a contents page (three entries each): a contents page one reader missed says nothing."""
    from rapidfuzz import fuzz

    a, b = contents_entries(old), contents_entries(new)
    if len(a) < CONTENTS_MIN or len(b) < CONTENTS_MIN:
        return []
    title = lambda e: tuple(comparison_tokens(_ENTRY_NUMBER.sub("", e[0]), ignore_case=True,  # noqa: E731
                                              ignore_punctuation=True))
    printed = lambda e: tuple(comparison_tokens(f"{e[0]} {e[1]}", **kw))  # noqa: E731
    line = lambda e: f"{e[0]} ... {e[1]}"  # noqa: E731
    # entries paired by their titles wherever they stand (a contents page set in two columns is read in
    # another order by one version), the same title first, then a changed title by its likeness
    # (its number and title first: "14 Joint branch proposal ..." and "Schedule 2: Joint branch proposal ...")
    pairs: dict[int, int] = {}
    whole = lambda e: tuple(comparison_tokens(e[0], ignore_case=True, ignore_punctuation=True))  # noqa: E731
    for key in (whole, title):
        by_key: dict[tuple, list[int]] = {}
        for i, e in enumerate(a):
            if i not in pairs.values():
                by_key.setdefault(key(e), []).append(i)
        for j, e in enumerate(b):
            if j not in pairs and by_key.get(key(e)):
                pairs[j] = by_key[key(e)].pop(0)
    gone = [i for i in range(len(a)) if i not in pairs.values()]
    came = [j for j in range(len(b)) if j not in pairs]
    taken: set[int] = set()
    for score, i, j in sorted(((fuzz.token_set_ratio(" ".join(title(a[i])), " ".join(title(b[j]))), i, j)
                               for i in gone for j in came), key=lambda t: (-t[0], abs(t[1] - t[2]), t[1], t[2])):
        if score >= 70 and i not in taken and j not in pairs:
            pairs[j] = i
            taken.add(i)
    out: list[FieldChange] = []
    for j, y in enumerate(b):
        if j not in pairs:
            out.append(FieldChange(CONTENTS_FIELD, "added", None, line(y)))
        elif printed(a[pairs[j]]) != printed(y):
            out.append(FieldChange(CONTENTS_FIELD, "changed", line(a[pairs[j]]), line(y)))
    paired = set(pairs.values())
    out += [FieldChange(CONTENTS_FIELD, "removed", line(x), None) for i, x in enumerate(a) if i not in paired]
    return _page_shift(out, len(b))


CONTENTS_SHIFT = 0.8


def _page_shift(changes: list[FieldChange], entries: int) -> list[FieldChange]:
    """A contents page whose every entry (four in five at least) changed only its page, all by the same number (a
    title page added, the body set one page shorter), said once: the first such entry, "every page -1"."""
    def page_only(f: FieldChange) -> Optional[int]:
        if f.op != "changed":
            return None
        (name_a, _, page_a), (name_b, _, page_b) = f.old.rpartition(" ... "), f.new.rpartition(" ... ")
        if name_a != name_b or not (page_a.isdigit() and page_b.isdigit()):
            return None
        return int(page_b) - int(page_a)

    shifts = [page_only(f) for f in changes]
    offsets = Counter(x for x in shifts if x)
    if not offsets:
        return changes
    offset, count = offsets.most_common(1)[0]
    if count < max(CONTENTS_MIN, CONTENTS_SHIFT * entries):
        return changes
    first = next(f for f, x in zip(changes, shifts) if x == offset)
    said = FieldChange(CONTENTS_FIELD, "changed", first.old, f"{first.new} (every page {offset:+d}: {count} entries)")
    out = [f for f, x in zip(changes, shifts) if x != offset]
    out.insert(next((k for k, f in enumerate(out) if changes.index(f) > changes.index(first)), len(out)), said)
    return out


def _contents_entry(text: str, headings: set[str]) -> bool:
    """A line "Article V. Student Senate Fiscal Policy. 11": a heading the document prints further on, then a
    page number."""
    tail = _PAGE_NUMBER_TAIL.search(text)
    if not tail:
        return False
    name = " ".join(_words(text[: tail.start()]))
    return bool(name) and name in headings


def _only_in(these: Sequence[str], other: Sequence[str], key) -> list[str]:
    """The lines of `these` that `other` lacks, a line printed twice counted twice (a multiset difference by `key`)."""
    left = Counter(key(t) for t in other)
    out = []
    for t in these:
        k = key(t)
        if left[k]:
            left[k] -= 1
        else:
            out.append(t)
    return out


def _cover_line_changes(a: Sequence[str], b: Sequence[str], kw: dict) -> list[FieldChange]:
    """Unlabelled cover lines: those in one version only, a removed and an added one that read alike paired."""
    from rapidfuzz import fuzz

    key = lambda t: tuple(comparison_tokens(t, **kw))  # noqa: E731
    gone, came = _only_in(a, b, key), _only_in(b, a, key)
    out: list[FieldChange] = []

    def alike(g: str, t: str) -> float:
        """How alike two lines read: by their characters, or (at least 60) where they share two words' stems
        ("Ordered by Parliament to be printed" / "Printed on the Order of Government"; "(Published in the Gazette
        on January 27, 2022)" / "Published as a Supplement to Part II of the Gazette ...")."""
        score = fuzz.ratio(g.lower(), t.lower())
        return max(score, 60.0) if len(_stems(g) & _stems(t)) >= 2 else score

    # the most alike pairs first, so that a line takes the one that says the same thing, not the first it meets
    scored = sorted(((alike(g, t), -gi, -ti) for ti, t in enumerate(came) for gi, g in enumerate(gone)), reverse=True)
    partner: dict[int, int] = {}
    taken: set[int] = set()
    for score, gi, ti in scored:
        if score < 50:
            break
        if -ti not in partner and -gi not in taken:
            partner[-ti] = -gi
            taken.add(-gi)
    for ti, t in enumerate(came):
        if ti in partner:
            out.append(FieldChange(COVER_LINE, "changed", gone[partner[ti]], t))
        else:
            out.append(FieldChange(COVER_LINE, "added", None, t))
    out += [FieldChange(COVER_LINE, "removed", g, None) for gi, g in enumerate(gone) if gi not in taken]
    return out


_STOP = frozenset("the and for from with this that which are was were been has have had its his her their of on in "
                  "to by at as an or be".split())


def _stems(text: str) -> set[str]:
    """A line's words that carry content, stemmed crudely ("Ordered" and "Order", "printed" and "Printed")."""
    out = set()
    for w in _words(text):
        if len(w) < 4 or w in _STOP or w.isdigit():
            continue
        for suffix in ("ing", "ed", "s"):
            if w.endswith(suffix) and len(w) - len(suffix) >= 4:
                w = w[: -len(suffix)]
                break
        out.add(w)
    return out


def metadata_changes(old: Document, new: Document, *, ignore_case: bool = False, ignore_punctuation: bool = False,
                     cover: bool = True, pages: tuple[Optional[str], Optional[str]] = (None, None)) -> list[FieldChange]:
    """Every metadata field whose value differs, in the new version's key order, then fields it lost; then (with
    `cover`) the cover's own labelled lines and short lines (`cover_of`) the same way.  `pages`: each version's
    printed text where known (`_read_longer`)."""
    none = Cover({}, (), frozenset())
    cover_a, cover_b = (cover_of(old), cover_of(new)) if cover else (none, none)
    a = {k: _field_text(v) for k, v in old.metadata.items() if not k.startswith(TECHNICAL_PREFIXES)}
    b = {k: _field_text(v) for k, v in new.metadata.items() if not k.startswith(TECHNICAL_PREFIXES)}
    a.update({k: v for k, v in cover_a.fields.items() if k not in a})
    b.update({k: v for k, v in cover_b.fields.items() if k not in b})
    kw = {"ignore_case": ignore_case, "ignore_punctuation": ignore_punctuation}
    out: list[FieldChange] = []
    for key, value in b.items():
        before = a.get(key)
        if value is None and before is None:
            continue
        if before is None:
            out.append(FieldChange(key, "added", None, value))
        elif value is None:
            out.append(FieldChange(key, "removed", before, None))
        elif comparison_tokens(before, **kw) != comparison_tokens(value, **kw):
            out.append(FieldChange(key, "changed", before, value))
    for key, value in a.items():
        if key not in b and value is not None:
            out.append(FieldChange(key, "removed", value, None))
    # A cover line read as a field in one version only is no change where the other prints it on its cover pages
    # too (there it was read as part of a block, or on a page the cover was not looked for).
    printed = {"added": _cover_text(old), "removed": _cover_text(new)}
    out = [f for f in out if not (f.field in cover_a.fields or f.field in cover_b.fields) or f.op not in printed
           or not _prints(printed[f.op], f.field, f.new if f.op == "added" else f.old)]
    # an unlabelled line on one cover that the other cover prints too, read otherwise there (a running header
    # on one title page, a line of the dropped contents page on the other), is no change
    whole = {"added": " ".join(_words(pages[0])) if pages[0] else printed["added"],
             "removed": " ".join(_words(pages[1])) if pages[1] else printed["removed"]}
    out = [f for f in out if not _read_longer(f, printed, whole)]
    # a field read with one more line of the cover in one version (a title block taken down to the line under
    # it: "... Tuesday, January 10, 2017" -> "... Tuesday, January 10, 2017 7 p.m."): that line is the change
    out = [_line_of_its_own(f, pages) for f in out]
    # the title block a chosen title replaced (analyse.title) is kept in one version only where the two titles were
    # read differently: no change where the other version's pages print it too (a PDF remediated for accessibility
    # whose Title property the segmenter read, the same page under it)
    out = [f for f in out if not (f.field == "title_block" and f.op in whole
                                  and " ".join(_words(f.new if f.op == "added" else f.old)) in whole[f.op])]
    # the title chosen otherwise from the same first page (a draft's status line under its date kept the title
    # block the title; without it the sentence under the date was chosen): each version's first page prints the
    # other's title, neither title holding the other, so the page did not change, only the choice
    out = [f for f in out if not (f.field == "title" and _title_read_otherwise(f, old, new))]
    out = _line_read_into_title(out, kw)
    out = [g for g in (_field_in_running(f, old, new, kw) for f in out) if g is not None]
    out, raw = _field_for_line(out, _cover_line_changes(cover_a.lines, cover_b.lines, kw))
    lines = [f for f in raw if f.op not in printed
             or not _prints(printed[f.op], "", f.new if f.op == "added" else f.old)]
    # the control record's fields, but for those read as cover fields already ("Issued" on the cover)
    taken = {_key(k) for k in ({f.field for f in out} | set(a) | set(b))}
    return out + lines + [f for f in record_changes(pages, kw) if _key(f.field) not in taken]


def _key(label: str) -> str:
    return "_".join(_words(label))


def _line_read_into_title(out: list[FieldChange], kw: dict) -> list[FieldChange]:
    """A cover line read into the title in one version and as the subtitle in the other ("... PURPOSES Issue 2
    (IAF MD 4:2018)" -> "... PURPOSES" and "Issue 2, Version 3"): the title unchanged, the subtitle changed from
    the words the title ended with.  Only where the one title is the other with a tail that shares two words
    with the subtitle one version lacks."""
    title = next((f for f in out if f.field == "title" and f.op == "changed"), None)
    sub = next((f for f in out if f.field == "subtitle" and f.op in ("added", "removed")), None)
    if title is None or sub is None:
        return out
    longer, shorter = (title.old, title.new) if sub.op == "added" else (title.new, title.old)
    a, b = comparison_tokens(longer, **kw), comparison_tokens(shorter, **kw)
    if len(a) <= len(b) or a[: len(b)] != b:
        return out
    tail = " ".join(longer.split()[len(shorter.split()):]) if longer.startswith(shorter) else None
    value = sub.new if sub.op == "added" else sub.old
    if not tail or len(set(_words(tail)) & set(_words(value))) < 2:
        return out
    changed = FieldChange("subtitle", "changed", *((tail, value) if sub.op == "added" else (value, tail)))
    return [changed if f is sub else f for f in out if f is not title]


def _field_in_running(f: FieldChange, old: Document, new: Document, kw: dict) -> Optional[FieldChange]:
    """A labelled cover field one version reads on its cover ("Issued: 04 July 2018 ...") that the other prints
    as its running header or footer, dropped there from the cover too ("Issued: 01 February 2022 ..."): the field
    changed to (from) that line's value, or no change where the value is the same; the field otherwise."""
    from ..model import DropReason

    if f.op not in ("added", "removed") or f.field in (COVER_LINE, STATUS, "title", "title_block", "subtitle"):
        return f
    other = new if f.op == "removed" else old
    label = re.compile(rf"^{re.escape(f.field.replace('_', ' '))}\s*:\s*(?P<value>\S.*)$", re.I)
    values = Counter(m.group("value") for d in other.dropped if d.reason in (DropReason.HEADER, DropReason.FOOTER)
                     for m in [label.match(" ".join(d.text.split()))] if m)
    if not values:
        return f
    value = values.most_common(1)[0][0]
    before, after = (f.old, value) if f.op == "removed" else (value, f.new)
    if comparison_tokens(before, **kw) == comparison_tokens(after, **kw):
        return None
    return FieldChange(f.field, "changed", before, after)


_RECORD_LINE = re.compile(r"^(?P<label>[A-Z][A-Za-z]*(?: (?:[A-Z][A-Za-z]*|by|for|of|to|on)){0,3})\s*:\s*(?P<value>\S.{0,80})$")
_RECORD_HEAD = re.compile(r"^(?P<label>[A-Z][A-Za-z]*(?: [A-Z][A-Za-z]*\.?){0,2})\s+(?P<value>\d[\w.,: ]{0,30})$")
RECORD_MIN = 3
RECORD_OPENING = 0.4


def document_record(printed: Optional[str], known: Sequence[str] = ()) -> dict[str, str]:
    """A standards document's control record, printed as lines of "Label: value" near its start ("Issue No 2" /
    "Prepared by: IAF Technical Committee" / "Approved by: IAF Members" / "Issue Date: 04 July 2018" ...):
    {label: value}, the first run of three labelled lines or more (a short unlabelled line between two of them a
    value's second line) in the first two fifths of the lines the pages print, with the numbered line just above it
    ("Issue No 2": label "Issue No").  `known`: labels (the other version's) that may follow a value on its line,
    two columns read as one ("Approved by: IAF Members Date: 08 June 2018"): the line cut before each.  {} where
    there is none."""
    if not printed:
        return {}
    lines = [" ".join(x.split()) for x in printed.split("\n")]
    lines = [x for x in lines if x]
    end = max(1, int(RECORD_OPENING * len(lines)))
    k = 0
    while k < end:
        run: list[int] = []
        j = k
        while j < len(lines):
            if _RECORD_LINE.match(lines[j]):
                run.append(j)
            elif not (run and j + 1 < len(lines) and _RECORD_LINE.match(lines[j + 1]) and len(lines[j].split()) <= 5
                      and ":" not in lines[j]):
                break
            j += 1
        labels = {_RECORD_LINE.match(lines[r]).group("label").lower() for r in run}
        if len(labels) >= RECORD_MIN:
            out: dict[str, str] = {}
            head = _RECORD_HEAD.match(lines[run[0] - 1]) if run[0] > 0 and not _LEADERS.search(lines[run[0] - 1]) else None
            if head:
                out[head.group("label")] = head.group("value")
            for r in run:
                for label, value in _record_pairs(lines[r], known):
                    out.setdefault(label, value)
            return out
        k = max(j, k + 1)
    return {}


def _record_pairs(line: str, known: Sequence[str]) -> list[tuple[str, str]]:
    """A record line's (label, value) pairs: one, or more where a known label follows a value on the line."""
    m = _RECORD_LINE.match(line)
    label, value = m.group("label"), m.group("value")
    for other in sorted(known, key=len, reverse=True):
        at = value.find(f" {other}:")
        if at > 0:
            rest = value[at + 1:]
            if _RECORD_LINE.match(rest):
                return [(label, value[:at].strip())] + _record_pairs(rest, known)
    return [(label, value)]


def record_changes(pages: tuple[Optional[str], Optional[str]], kw: dict) -> list[FieldChange]:
    """The control record's fields (`document_record`) whose value changed between versions that both print one
    ("Issue Date: 04 July 2018" -> "14 June 2023", "Issue No 2" -> "2, Version 3"); a field one version lacks is
    said too.  Named by the label as printed."""
    a, b = document_record(pages[0]), document_record(pages[1])
    if not a or not b:
        return []
    known = sorted(set(a) | set(b))
    a, b = document_record(pages[0], known), document_record(pages[1], known)
    out = []
    for label, value in b.items():
        before = a.get(label)
        if before is None:
            out.append(FieldChange(label, "added", None, value))
        elif comparison_tokens(before, **kw) != comparison_tokens(value, **kw):
            out.append(FieldChange(label, "changed", before, value))
    out += [FieldChange(label, "removed", value, None) for label, value in a.items() if label not in b]
    return out


def _opening_words(document: Document) -> str:
    """The words a version prints on its first page that prints text (its title and title block among them),
    normalised for `_prints`."""
    units = [*document.paragraphs, *document.blocks]
    if not units:
        return ""
    opening = min(u.page for u in units)
    texts = [_field_text(document.metadata.get(k)) or "" for k in ("title", "title_block")]
    texts += [u.text for u in units if u.page == opening]
    texts += [f"{s.number or ''} {s.heading}" for s in document.sections if s.page == opening]
    texts += [d.text for d in document.dropped if d.page == opening]
    return " ".join(_words(" ".join(texts)))


def _title_read_otherwise(f: FieldChange, old: Document, new: Document) -> bool:
    """A title changed whose old value the new version's first page prints and whose new value the old
    version's first page prints, neither holding the other: the same page, its title chosen otherwise."""
    if f.op != "changed" or not f.old or not f.new:
        return False
    a, b = " ".join(_words(f.old)), " ".join(_words(f.new))
    if len(a.split()) < 3 or len(b.split()) < 3 or f" {a} " in f" {b} " or f" {b} " in f" {a} ":
        return False
    return _prints(_opening_words(new), "", f.old) and _prints(_opening_words(old), "", f.new)


def _read_longer(f: FieldChange, printed: dict[str, str], whole: dict[str, str]) -> bool:
    """(`printed`: what each version's cover prints, keyed by the op that would need it, normalised as
    `_cover_text`; `whole`: what its pages print, looked in for three words or more, where a word or two would
    be found anywhere.)
    A field one version reads longer than the other (a title taken with the line under it, where the file's
    Title property said so: "BURTON-CUM-WALDEN PARISH COUNCIL" -> "... COUNCIL MINUTES OF THE PARISH COUNCIL
    MEETING HELD ON ...") whose words beyond the shorter value the shorter one's cover prints as well: the page is
    the same, only the reading of it differs."""
    if f.op != "changed" or not f.old or not f.new:
        return False
    a, b = " ".join(_words(f.old)), " ".join(_words(f.new))
    if not a or not b or a == b:
        return False
    # the words one version reads more, on the other's cover (where the field itself was read, its own value
    # is no longer in the cover's text)
    if b.startswith(a + " "):
        op, extra = "added", b[len(a):]
    elif a.startswith(b + " "):
        op, extra = "removed", a[len(b):]
    else:
        return False
    return _prints((whole if len(extra.split()) >= 3 else printed)[op], "", extra)


_MONTH = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?"
_DAY = r"(?:(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?:day)?\.?,?\s+)?"
# a line that is only a time or a date: "7 p.m.", "7:00pm", "19.00", "Tuesday, January 10, 2017", "10 January 2017"
_CLOCK = r"\d{1,2}(?:[:.]\d{2})?\s*(?:[ap]\.?\s?m\.?|noon)|\d{1,2}[:.]\d{2}"
_TIME_OR_DATE = re.compile(
    rf"^(?:(?:at\s+)?(?:\d{{1,2}}(?:[:.]\d{{2}})?\s*(?:[ap]\.?\s?m\.?)?\s*[-\u2013]\s*)?(?:{_CLOCK})"
    rf"|{_DAY}{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}|{_DAY}\d{{1,2}}(?:st|nd|rd|th)?\s+{_MONTH},?\s+\d{{4}})$",
    re.I)


def _line_of_its_own(f: FieldChange, pages: tuple[Optional[str], Optional[str]]) -> FieldChange:
    """A field changed only by words at its end (or start) that one version prints as a line of its own, a time
    or a date ("7 p.m." under an agenda's date line, read into its title block), a line the other version does
    not print: that cover line added (or removed), not the field changed.  A line of other words extends the
    field itself (a bill's title printed with "ACT, No. 12 OF 2022" under it in the Act): the field changed.
    Unknown pages (None) leave the field as it is."""
    if f.op != "changed" or not f.old or not f.new or pages[0] is None or pages[1] is None:
        return f
    a, b = _words(f.old), _words(f.new)
    longer, shorter, op = (b, a, "added") if len(b) > len(a) else (a, b, "removed")
    if not shorter:
        return f
    if longer[: len(shorter)] == shorter:
        extra = longer[len(shorter):]
    elif longer[-len(shorter):] == shorter:
        extra = longer[: len(longer) - len(shorter)]
    else:
        return f
    mine, theirs = (pages[1], pages[0]) if op == "added" else (pages[0], pages[1])
    line = next((t.strip() for t in mine.splitlines() if _words(t) == extra and _TIME_OR_DATE.match(t.strip())), None)
    if line is None or any(_words(t) == extra for t in theirs.splitlines()):
        return f
    return FieldChange(COVER_LINE, op, None if op == "added" else line, line if op == "added" else None)


def _field_for_line(fields: list[FieldChange], lines: list[FieldChange]) -> tuple[list[FieldChange], list[FieldChange]]:
    """A field one version reads (the Act's subtitle "PREVENTION OF ... (AMENDMENT) ACT, No. 12 OF 2022") and a
    cover line only the other prints that it extends or shortens ("PREVENTION OF ... (AMENDMENT)" on the bill's
    cover) are one field changed, not an addition and a removal.  (The fields, the cover lines left.)"""
    lines = list(lines)
    out: list[FieldChange] = []
    for f in fields:
        if f.op in ("added", "removed"):
            value = f.new if f.op == "added" else f.old
            other = "removed" if f.op == "added" else "added"
            mine = _words(value or "")
            for k, ln in enumerate(lines):
                text = ln.old if other == "removed" else ln.new
                theirs = _words(text or "")
                if ln.op == other and len(theirs) >= 3 and len(mine) >= 3 and (
                        mine[: len(theirs)] == theirs or theirs[: len(mine)] == mine):
                    f = FieldChange(f.field, "changed", text if f.op == "added" else value,
                                    value if f.op == "added" else text)
                    del lines[k]
                    break
        out.append(f)
    return out, lines


# A document's status printed as a line of its own atop its first page: "Draft Minutes Not Approved", "DRAFT",
# "Unconfirmed minutes", "Subject to approval", "FINAL 19 April 2018", "Confidential"
_STATUS_WORD = re.compile(
    r"\b(?:draft|unapproved|approved|unconfirmed|confirmed|provisional|final|unsigned|signed|confidential|"
    r"embargoed|superseded|subject\s+to\s+(?:approval|confirmation|ratification|change))\b", re.I)
STATUS = "status"
STATUS_WORDS = 8


# the other words a status line is made of: what the paper is, and little words ("Draft Minutes Not Approved",
# "Draft for consultation", "Unconfirmed minutes subject to approval", "Final version 2")
_STATUS_OTHER = frozenset(
    "minutes agenda report document paper copy version issue text notes decision decisions record not yet for "
    "consultation comment comments discussion approval confirmation ratification review publication public only "
    "until and or by the at of to be subject change changes issued no v".split())


def _status_line(text: str) -> bool:
    """A short line that says what state the paper is in: up to 8 words, a status word among them and every
    other word a word of status lines (what the paper is, little words; a date or a number), no sentence (no
    closing full stop, colon, semicolon or comma) and no list item.  "Draft Hot Food Takeaway Supplementary
    Planning Document" is a title, no status line."""
    flat = " ".join(text.split())
    if not 0 < len(flat.split()) <= STATUS_WORDS or not _STATUS_WORD.search(flat) or re.search(r"[.;:,]$", flat) \
            or _COVER_ITEM.match(flat):
        return False
    rest = _STATUS_WORD.sub(" ", flat.casefold())
    return all(w in _STATUS_OTHER or w.isdigit() or re.fullmatch(_MONTH, w) for w in re.findall(r"[^\W_]+", rest))


def status_lines(old: Document, new: Document, pages: tuple[Optional[str], Optional[str]]
                 ) -> tuple[Document, Document, list[FieldChange]]:
    """A status line ("Draft Minutes Not Approved", a red banner under a draft's date) that one version prints
    atop its first page and the other does not, read by the segmenter into the block under it: cut from that
    block and reported as the cover's status removed, added or changed, so that the text under it is compared
    as itself (unchanged, however it rewraps).  Only a line the pages print as a line of its own
    (`pages`: each version's printed lines; unknown, nothing is cut), at the start or end of an unnumbered
    block (or a block of its own) on the first page that prints text; a status both versions print alike is
    no change and is left where it is."""
    if pages[0] is None or pages[1] is None:
        return old, new, []

    def found(document: Document, printed: str) -> list[tuple[int, str, str]]:
        if not document.blocks:
            return []
        lines = {" ".join(t.split()) for t in printed.splitlines() if _status_line(t)}
        if not lines:
            return []
        opening = min([p.page for p in document.paragraphs] + [b.page for b in document.blocks])
        out = []
        for k, b in enumerate(document.blocks):
            if b.page != opening:
                continue
            flat = " ".join(b.text.split())
            for line in sorted(lines, key=len, reverse=True):
                if flat == line:
                    out.append((k, line, ""))
                elif flat.startswith(line + " "):
                    out.append((k, line, flat[len(line) + 1:]))
                elif flat.endswith(" " + line):
                    out.append((k, line, flat[: -len(line) - 1]))
                else:
                    continue
                break
        return out

    got_old, got_new = found(old, pages[0]), found(new, pages[1])
    key = lambda t: tuple(_words(t))  # noqa: E731
    gone = _only_in([line for _, line, _ in got_old], [line for _, line, _ in got_new], key)
    came = _only_in([line for _, line, _ in got_new], [line for _, line, _ in got_old], key)
    if not gone and not came:
        return old, new, []

    def cut(document: Document, got: list[tuple[int, str, str]], lines: list[str]) -> Document:
        rest = {k: text for k, line, text in got if line in lines}
        blocks = tuple(_dc_replace(b, text=rest[k]) if k in rest else b
                       for k, b in enumerate(document.blocks) if rest.get(k, None) != "")
        return _dc_replace(document, blocks=blocks)

    out: list[FieldChange] = []
    if len(gone) == 1 and len(came) == 1:
        out.append(FieldChange(STATUS, "changed", gone[0], came[0]))
    else:
        out += [FieldChange(STATUS, "removed", g, None) for g in gone]
        out += [FieldChange(STATUS, "added", None, c) for c in came]
    return cut(old, got_old, gone), cut(new, got_new, came), out


def _cover_text(document: Document) -> str:
    """Everything a version prints on its cover pages (up to the first numbered paragraph's page, at most 3),
    normalised for `_prints`."""
    pages = [p.page for p in document.paragraphs]
    last = min(min(pages), 3) if pages else 3
    texts = [b.text for b in document.blocks if b.page <= last] + [p.text for p in document.paragraphs if p.page <= last]
    texts += [d.text for d in document.dropped if d.page <= last]  # its furniture and contents lines too
    return " ".join(_words(" ".join(texts)))


def _prints(text: str, label: str, value: Optional[str]) -> bool:
    """`label` followed by `value` in `text` (both normalised as words)."""
    want = " ".join(_words(label.rstrip("?") + " " + (value or "")))
    return bool(want) and f" {want} " in f" {text} "


# ---------------------------------------------------------------- recommendations


@dataclass(frozen=True)
class Recommendation:
    """One decision the meeting is asked to take: its printed label, its verb, its words."""

    label: str
    verb: Optional[str]
    text: str
    page: Optional[int] = None

    def to_dict(self) -> dict[str, Any]:
        return {"label": self.label, "verb": self.verb, "text": self.text, "page": self.page}


class RecOp(str, Enum):
    UNCHANGED = "unchanged"
    RELABELLED = "relabelled"
    MODIFIED = "modified"
    ADDED = "added"
    DELETED = "deleted"


@dataclass(frozen=True)
class RecommendationChange:
    op: RecOp
    old: Optional[Recommendation]
    new: Optional[Recommendation]
    similarity: float
    words: tuple[WordRun, ...] = ()

    @property
    def verb_changed(self) -> bool:
        return bool(self.old and self.new and (self.old.verb or "") != (self.new.verb or ""))

    @property
    def label(self) -> str:
        """`(iii) ENDORSE → ADOPT`, `+ (iv) DELEGATE`, `− (ii) NOTE`, `(i) NOTE`."""
        if self.old is None and self.new is not None:
            return f"+ {self.new.label} {self.new.verb or ''}".rstrip()
        if self.new is None and self.old is not None:
            return f"\u2212 {self.old.label} {self.old.verb or ''}".rstrip()
        assert self.old is not None and self.new is not None
        labels = self.new.label if self.old.label == self.new.label else f"{self.old.label} \u2192 {self.new.label}"
        if self.verb_changed:
            return f"{labels} {self.old.verb or '(no verb)'} \u2192 {self.new.verb or '(no verb)'}"
        return f"{labels} {self.new.verb or ''}".rstrip()

    def to_dict(self) -> dict[str, Any]:
        return {
            "op": self.op.value,
            "old": self.old.to_dict() if self.old else None,
            "new": self.new.to_dict() if self.new else None,
            "verb_changed": self.verb_changed,
            "similarity": round(self.similarity, 3),
            "words": [w.to_dict() for w in self.words],
        }


# The action words council papers ask decisions with, as printed in capitals ("NOTE") or
# inflected in a sentence ("That Cabinet: (a) adopts ...", "to note the ...").
VERBS = {
    "ACCEPT", "ADOPT", "AGREE", "ALLOCATE", "APPOINT", "APPROVE", "ASK", "AUTHORISE", "AUTHORIZE", "COMMENT",
    "COMMISSION", "CONFIRM", "CONSIDER", "DECIDE", "DELEGATE", "DETERMINE", "ENDORSE", "GRANT", "INSTRUCT",
    "NOMINATE", "NOTE", "RATIFY", "RECEIVE", "RECOMMEND", "REFER", "REFUSE", "REJECT", "REQUEST", "RESOLVE",
    "REVIEW", "SUPPORT", "SUBMIT", "WELCOME", "AMEND", "APPLY", "DEFER", "RESCIND", "REVOKE", "RETAIN", "PUBLISH",
    "CONSULT", "PROCEED", "ACKNOWLEDGE",
}
# Words that stand between "That" and the verb: "That the Cabinet are requested to endorse ...".
_FILLER = {"that", "the", "is", "are", "be", "it", "and", "to", "members", "member", "hereby"}
_ASKED = {"asked", "requested", "recommended", "invited", "minded", "resolved", "agreed"}
_ITEM_LABEL = re.compile(r"\(\s*(?:[ivxlc]+|[a-z]|\d{1,2})\s*\)|(?<![\w.])(?:[ivxlc]+|[a-z]|\d{1,2})[.)](?=\s)", re.I)
_OPENS_WITH_RECOMMENDATION = re.compile(r"\s*(?i:(?:the\s+)?recommendations?)\s*(?:[:.\u2013\u2014-]|\s(?=[A-Z(]))")
RECOMMENDATION_HEADING = re.compile(r"\brecommendations?\b|\bdecisions?\s+(?:required|sought)\b|\bresolution\b", re.I)


def _verb_of(text: str) -> Optional[str]:
    """The item's action word: a capitalised verb among its first words ("NOTE"), else the first
    known verb after the body's name and any "is asked to" ("That Council approves", "to note")."""
    words = re.findall(r"[A-Za-z]+", text[:240])
    for w in words[:6]:
        if len(w) >= 3 and w.isupper() and _base(w) in VERBS:
            return _base(w)
    k = 0
    while k < min(len(words), 16):
        w = words[k]
        low = w.lower()
        if low in _ASKED and k + 1 < len(words) and words[k + 1].lower() == "to":
            k += 2
            continue
        base = _base(w.upper())
        if base in VERBS:
            return base
        if low in _FILLER or w[0].isupper():
            k += 1  # "That", "the", a body's name ("Cabinet", "Portfolio Holder")
            continue
        return None
    return None


def _base(word: str) -> str:
    if word in VERBS:
        return word
    for suffix, repl in (("IES", "Y"), ("ES", "E"), ("ES", ""), ("S", ""), ("ED", "E"), ("ED", ""), ("D", "")):
        if word.endswith(suffix) and word[: -len(suffix)] + repl in VERBS:
            return word[: -len(suffix)] + repl
    return word


def _split_items(paragraph: Paragraph) -> list[Recommendation]:
    """A recommendation paragraph's items: its lettered/numbered parts, else the paragraph itself."""
    if paragraph.parts:
        items = []
        for k, part in enumerate(paragraph.parts):
            m = re.match(r"\s*(\(\s*\w{1,4}\s*\)|\w{1,4}[.)])\s+", part)
            label = m.group(1) if m else f"{paragraph.number}.{k + 1}"
            text = part[m.end():] if m else part
            items.append(Recommendation(label, _verb_of(text), _clean_item(text), paragraph.page))
        return items
    text = " ".join(paragraph.text.split())
    starts = [m for m in _ITEM_LABEL.finditer(text) if m.start() == 0 or text[m.start() - 1] in " :;"]
    seq = _label_sequence(starts)
    if len(seq) >= 2:
        items = []
        for k, m in enumerate(seq):
            end = seq[k + 1].start() if k + 1 < len(seq) else len(text)
            body = _clean_item(text[m.end():end])
            items.append(Recommendation(m.group(0).strip(), _verb_of(body), body, paragraph.page))
        return items
    return [Recommendation(paragraph.number, _verb_of(text), text, paragraph.page)]


def _clean_item(text: str) -> str:
    """An item's words without the list's glue: the closing ";", ", and", "; or", "." that only
    say where the item stands in the list (they move when an item is added after it)."""
    body = " ".join(text.split())
    return re.sub(r"(?:\s*[;,.]?\s*\b(?:and|or))?\s*[;,.]?\s*$", "", body).strip()


def _label_sequence(matches: Sequence[re.Match]) -> list[re.Match]:
    """Item labels that count up from the first one ((i), (ii) ...; (a), (b) ...; 1) 2) ...)."""
    def key(label: str) -> Optional[tuple[str, int]]:
        core = re.sub(r"[^\w]", "", label).lower()
        romans = ["i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x", "xi", "xii"]
        if core in romans:
            return ("r", romans.index(core))
        if core.isdigit():
            return ("d", int(core) - 1)
        if len(core) == 1 and core.isalpha():
            return ("a", ord(core) - ord("a"))
        return None

    out: list[re.Match] = []
    for m in matches:
        k = key(m.group(0))
        if k is None:
            continue
        if not out:
            if k[1] == 0:
                out.append(m)
            continue
        last = key(out[-1].group(0))
        if last and k[0] == last[0] and k[1] == last[1] + 1:
            out.append(m)
    return out


def recommendations_of(document: Document) -> tuple[list[Recommendation], str]:
    """The document's recommendations and where they came from.

    `Document.recommendations` when the extractor provides it (items with
    label, verb, text, page as attributes or keys); otherwise the paragraphs
    under a heading such as "Recommendation(s)", each split into its items.
    """
    given = getattr(document, "recommendations", None)
    if given:
        out = []
        for k, item in enumerate(given):
            get = (lambda name, item=item: item.get(name)) if isinstance(item, dict) else (lambda name, item=item: getattr(item, name, None))
            text = " ".join(str(get("text") or "").split())
            verb = get("verb") or _verb_of(text)
            out.append(Recommendation(str(get("label") or k + 1), str(verb).upper() if verb else None, text, get("page")))
        return out, "document"
    found = _found_recommendations(document)
    if found:
        return found
    items: list[Recommendation] = []
    for p in document.paragraphs:
        if p.heading and RECOMMENDATION_HEADING.search(p.heading):
            items.extend(_split_items(p))
    if items:
        return items, "section"
    # A cover box or a paragraph that opens with the word: "RECOMMENDATIONS: Cabinet is asked to (i) ...".
    for number, text, page in [(p.number, p.text, p.page) for p in document.paragraphs] + [
        (f"R{k + 1}", b.text, b.page) for k, b in enumerate(document.blocks)
    ]:
        m = _OPENS_WITH_RECOMMENDATION.match(text)
        if m:
            rest = text[m.end():].strip()
            if rest:
                items.extend(_split_items(Paragraph(number, rest, page)))
    return items, "box" if items else "none"


def _found_recommendations(document: Document) -> Optional[tuple[list[Recommendation], str]]:
    """The decisions `analyse.recommendations` finds (the extraction's own reading: a cover's "Recommendations:"
    and the items in the blocks after it, a Recommendation(s) section, a paragraph that asks), as items of the
    diff: labelled as printed, else by their paragraph's number; "box" when they come from the cover (or a
    paragraph that opens with the word, a cover box read as a paragraph), "section" from the body."""
    from .recommendations import find_recommendations

    given = find_recommendations(document)
    if not given:
        return None
    texts = {p.number: p.text for p in document.paragraphs}
    out: list[Recommendation] = []
    box = True
    for k, r in enumerate(given):
        label = r.number or r.paragraph or str(k + 1)
        # the item's own opening verb first: "notes that Cabinet adopted ..." asks to NOTE, not to ADOPT
        out.append(Recommendation(label, _verb_of(r.text) or r.verb, _clean_item(r.text), r.page))
        box = box and (r.source == "cover" or bool(r.paragraph and _OPENS_WITH_RECOMMENDATION.match(texts.get(r.paragraph, ""))))
    return out, "box" if box else "section"


_ROMANS = ["i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x", "xi", "xii", "xiii", "xiv", "xv"]


def _ordinal(label: str) -> Optional[int]:
    """An item label's place in its list: (a), (i), 1., 1) and a) are all the first."""
    core = re.sub(r"[^\w]", "", label).lower()
    if core in _ROMANS:
        return _ROMANS.index(core)
    if core.isdigit():
        return int(core) - 1
    if len(core) == 1 and core.isalpha():
        return ord(core) - ord("a")
    return None


def _same_place(old: Sequence[Recommendation], new: Sequence[Recommendation], pair: dict[int, int]) -> dict[int, int]:
    """Items the words alone left unpaired that hold the same place in the list, between the same paired items:
    a decision reworded around a new verb ("(iii) ENDORSE the Plan for adoption by Council" -> "(iii) ADOPT the
    Plan") or relabelled in another scheme ((c) -> (iii)) is the same item modified, when some of its words stay
    (a fifth, compared as the diff compares)."""
    from rapidfuzz.distance import Indel

    out: dict[int, int] = {}
    back = {i: j for j, i in pair.items()}
    free_old = [i for i in range(len(old)) if i not in back]
    for j in range(len(new)):
        if j in pair:
            continue
        lo = max((pair[k] for k in pair if k < j), default=-1)
        hi = min((pair[k] for k in pair if k > j), default=len(old))
        place = _ordinal(new[j].label)
        if place is None:
            continue
        for i in free_old:
            if lo < i < hi and i not in out.values() and _ordinal(old[i].label) == place:
                a = comparison_tokens(old[i].text, ignore_case=True, ignore_punctuation=True)
                b = comparison_tokens(new[j].text, ignore_case=True, ignore_punctuation=True)
                if Indel.normalized_similarity(a, b) >= 0.2:
                    out[j] = i
                break
    return out


def recommendation_changes(
    old: Sequence[Recommendation],
    new: Sequence[Recommendation],
    *,
    ignore_case: bool = False,
    ignore_punctuation: bool = False,
) -> list[RecommendationChange]:
    """The items aligned by their words (labels as hints), in the new version's order, deletions in place.

    Items are short and the verb is often the one word that changed, so the
    threshold is lower than for paragraphs: "ENDORSE the plan" and "ADOPT the
    plan" are one item whose verb changed, not a deletion and an addition.
    """
    if not old and not new:
        return []
    matches = align(
        [r.text for r in old],
        [r.text for r in new],
        threshold=0.4,
        old_hints=[r.label for r in old],
        new_hints=[r.label for r in new],
    )
    kw = {"ignore_case": ignore_case, "ignore_punctuation": ignore_punctuation}
    pair: dict[int, int] = {}
    for m in matches:
        if len(m.old) == 1 and len(m.new) == 1:
            pair[m.new[0]] = m.old[0]
    pair.update(_same_place(old, new, pair))
    used_old = set(pair.values())
    out: list[tuple[tuple, RecommendationChange]] = []
    from rapidfuzz.distance import Indel

    for j, r in enumerate(new):
        i = pair.get(j)
        if i is None:
            out.append(((j, 0, -1), RecommendationChange(RecOp.ADDED, None, r, 0.0, (WordRun(RunOp.INSERT, r.text),))))
            continue
        o = old[i]
        same = comparison_tokens(o.text, **kw) == comparison_tokens(r.text, **kw) and (o.verb or "") == (r.verb or "")
        if same:
            op = RecOp.UNCHANGED if o.label == r.label else RecOp.RELABELLED
            words: tuple[WordRun, ...] = (WordRun(RunOp.EQUAL, r.text),)
            sim = 1.0
        else:
            op = RecOp.MODIFIED
            words = redline(o.text, r.text, **kw)
            sim = Indel.normalized_similarity(comparison_tokens(o.text, **kw), comparison_tokens(r.text, **kw))
        out.append(((j, 0, i), RecommendationChange(op, o, r, sim, words)))
    last = -1
    back = {i: j for j, i in pair.items()}
    for i, o in enumerate(old):
        if i in back:
            last = back[i]
            continue
        out.append(((last, 1, i), RecommendationChange(RecOp.DELETED, o, None, 0.0, (WordRun(RunOp.DELETE, o.text),))))
    return [c for _, c in sorted(out, key=lambda kc: kc[0])]


# ---------------------------------------------------------------- tables


@dataclass(frozen=True)
class CellChange:
    row: str
    column: str
    old: Optional[str]
    new: Optional[str]

    def to_dict(self) -> dict[str, Any]:
        return {"row": self.row, "column": self.column, "old": self.old, "new": self.new}


@dataclass(frozen=True)
class TableChange:
    """One table across versions: `unchanged`, `modified` (cells listed), `added` or `deleted`."""

    op: str
    old_after: Optional[str]
    new_after: Optional[str]
    old_page: Optional[int]
    new_page: Optional[int]
    rows_added: tuple[str, ...] = ()
    rows_deleted: tuple[str, ...] = ()
    columns_added: tuple[str, ...] = ()
    columns_deleted: tuple[str, ...] = ()
    cells: tuple[CellChange, ...] = ()

    @property
    def label(self) -> str:
        where = lambda after, page: f"after {after}" if after else f"p{page}"  # noqa: E731
        if self.op == "added":
            return f"\u2192 table {where(self.new_after, self.new_page)} added"
        if self.op == "deleted":
            return f"table {where(self.old_after, self.old_page)} \u2192 deleted"
        return f"table {where(self.old_after, self.old_page)} \u2192 {where(self.new_after, self.new_page)} {self.op}"

    def to_dict(self) -> dict[str, Any]:
        return {
            "op": self.op,
            "old_after": self.old_after,
            "new_after": self.new_after,
            "old_page": self.old_page,
            "new_page": self.new_page,
            "rows_added": list(self.rows_added),
            "rows_deleted": list(self.rows_deleted),
            "columns_added": list(self.columns_added),
            "columns_deleted": list(self.columns_deleted),
            "cells": [c.to_dict() for c in self.cells],
        }


def _cell(text: Any) -> str:
    return " ".join(str(text or "").split())


@dataclass(frozen=True)
class _Grid:
    """A table as compared: its rows, whether the first is a header, its first page."""

    page: int
    rows: tuple[tuple[str, ...], ...]
    header: bool


# A value in a cell: an amount (£75, 104.81, 12%, (3,200)), or nil/dash. A bare whole number is not one
# (a header may be a year or a column number), nor a unit like £000.
_FIGURE = re.compile(r"^[(\[]?(?:[£$€]\s*[-\u2013]?(?!0+[)\]]?$)\d[\d,]*(?:\.\d+)?|[-\u2013]?\d[\d,]*\.\d+|[-\u2013]?\d[\d,]*(?:\.\d+)?\s*%)[)\]]?$"
                     r"|^(?:nil|n/a|[-\u2013\u2014])$", re.I)


def _looks_like_header(row: Sequence[str]) -> bool:
    """A header row: every cell short (a label, not a sentence), not empty, and no value in it
    ("Offices | City-wide | £75 | £104.81" is a row of values)."""
    cells = [c for c in row if c]
    return bool(cells) and all(len(c.split()) <= 6 for c in cells) and not any(_FIGURE.match(c.strip()) for c in cells)


def _header_continues(row: Sequence[str]) -> bool:
    """A second header line (the units under the names: "| | (£ per m2) | (£ per m2)"): the first cell
    empty, no figure, every cell short."""
    cells = [c for c in row if c]
    return bool(row) and not row[0] and bool(cells) and not any(_FIGURE.match(c.strip()) for c in cells) and all(
        len(c.split()) <= 12 for c in cells)


def _join_rows(before: Sequence[tuple[str, ...]], after: Sequence[tuple[str, ...]]) -> tuple[tuple[str, ...], ...]:
    """Rows of a table continued over a page break; the first row after the break joins the last
    before it when the break cut a row in two (the last cell stops mid-sentence and the next
    row's cells go on in lower case)."""
    rows = list(before)
    after = list(after)
    if rows and after and _continues(rows[-1], after[0]):
        rows[-1] = tuple(" ".join(x for x in (a, b) if x) for a, b in zip(rows[-1], after[0]))
        after = after[1:]
    return tuple(rows + after)


def _continues(last: Sequence[str], row: Sequence[str]) -> bool:
    """`row` is the rest of `last`, cut where a cell wrapped: the last cell stops mid-sentence
    (a letter, no closing punctuation) and every later cell of `row` goes on in lower case."""
    tail = last[-1] if last else ""
    rest = [c for c in row[1:] if c]
    return bool(tail and tail[-1].isalpha() and rest and all(c[0].islower() for c in rest))


def tables_of(document: Document) -> list[tuple[int, str, _Grid]]:
    """(unit position, unit name, table) for every table kept beside a paragraph (or a block of unnumbered
    text, named ¶1, ¶2 ..., positions after the paragraphs'), in reading order.

    A table continued over a page break reads as two tables beside the same
    paragraph: consecutive tables there with the same number of columns are
    one when the first has no header or the second repeats it (the repeat is
    dropped).  A row whose first cell is empty continues the row above (a cell
    broken by the page break).
    """
    out: list[tuple[int, str, _Grid]] = []
    units = [(p.number, p.tables) for p in document.paragraphs]
    units += [(f"\u00b6{k + 1}", getattr(b, "tables", ()) or ()) for k, b in enumerate(document.blocks)]
    for i, (name, tables) in enumerate(units):
        grids: list[_Grid] = []
        for t in tables:
            rows = [tuple(_cell(c) for c in r) for r in t.rows if any(_cell(c) for c in r)]
            if not rows:
                continue
            header = len(rows) > 1 and _looks_like_header(rows[0])
            prev = grids[-1] if grids else None
            if prev and len(prev.rows[0]) == len(rows[0]):
                if not prev.header:
                    grids[-1] = _Grid(prev.page, _join_rows(prev.rows, rows), False)
                    continue
                if rows[0] == prev.rows[0]:
                    grids[-1] = _Grid(prev.page, _join_rows(prev.rows, rows[1:]), True)
                    continue
            grids.append(_Grid(t.page, tuple(rows), header))
        for g in grids:
            merged: list[tuple[str, ...]] = []
            header_open = g.header
            for r in g.rows:
                join = lambda: tuple(" ".join(x for x in (a, b) if x) for a, b in zip(merged[-1], r))  # noqa: E731
                if header_open and len(merged) == 1 and len(r) == len(merged[0]) and _header_continues(r):
                    merged[-1] = join()
                    continue
                header_open = header_open and not merged
                body = len(merged) > 1 or (merged and not g.header)
                if body and len(r) == len(merged[-1]) and (not r[0] or _continues(merged[-1], r)):
                    merged[-1] = join()
                else:
                    merged.append(r)
            out.append((i, name, _Grid(g.page, tuple(merged), g.header)))
    return out


def table_changes(
    old: Document,
    new: Document,
    paragraph_map: dict[int, tuple[int, ...]],
    *,
    ignore_case: bool = False,
    ignore_punctuation: bool = False,
) -> list[TableChange]:
    """Tables paired by the paragraphs they follow (as aligned), else by their header row; cells compared."""
    ta, tb = tables_of(old), tables_of(new)
    if not ta and not tb:
        return []
    kw = {"ignore_case": ignore_case, "ignore_punctuation": ignore_punctuation}

    def same(x: str, y: str) -> bool:
        return comparison_tokens(x, **kw) == comparison_tokens(y, **kw)

    def header(t) -> str:
        return " ".join(t.rows[0]) if t.rows else ""

    def row_names(t) -> set[str]:
        return {_norm(r[0]) for r in t.rows[1 if t.header else 0:] if r and _norm(r[0])}

    def likeness(x, y) -> float:
        """Header text alike, or the same rows by name (a header the reader lost in one version)."""
        from rapidfuzz import fuzz

        names_x, names_y = row_names(x), row_names(y)
        shared = len(names_x & names_y) / max(len(names_x | names_y), 1)
        return max(fuzz.ratio(header(x), header(y)), 100.0 * shared)

    pairs: dict[int, int] = {}
    taken: set[int] = set()
    # 1. the same paragraph (as aligned) holds a table in both versions, k-th with k-th.
    by_para_new: dict[int, list[int]] = {}
    for b, (j, _, _) in enumerate(tb):
        by_para_new.setdefault(j, []).append(b)
    by_para_old: dict[int, list[int]] = {}
    for a, (i, _, _) in enumerate(ta):
        by_para_old.setdefault(i, []).append(a)
    for i, olds in by_para_old.items():
        news = [b for j in paragraph_map.get(i, ()) for b in by_para_new.get(j, [])]
        for a, b in zip(olds, news):
            if b not in taken:
                pairs[a] = b
                taken.add(b)
    # 2. left-overs by header similarity, in order.
    rest_a = [a for a in range(len(ta)) if a not in pairs]
    rest_b = [b for b in range(len(tb)) if b not in taken]
    if rest_a and rest_b:
        scored = sorted(
            ((likeness(ta[a][2], tb[b][2]), a, b) for a in rest_a for b in rest_b),
            key=lambda x: (-x[0], x[1], x[2]),
        )
        for score, a, b in scored:
            if score >= 60 and a not in pairs and b not in taken:
                pairs[a] = b
                taken.add(b)

    out: list[tuple[tuple, TableChange]] = []
    back = {b: a for a, b in pairs.items()}
    for b, (j, pn, t) in enumerate(tb):
        a = back.get(b)
        if a is None:
            out.append(((b, 0), TableChange("added", None, pn, None, t.page)))
            continue
        i, po, to = ta[a]
        out.append(((b, 0), _compare_table(to, t, po, pn, same)))
    last = -1
    for a, (i, po, to) in enumerate(ta):
        if a in pairs:
            last = pairs[a]
            continue
        out.append(((last, 1), TableChange("deleted", po, None, to.page, None)))
    return [c for _, c in sorted(out, key=lambda kc: kc[0])]


def _compare_table(a: _Grid, b: _Grid, old_after: str, new_after: str, same) -> TableChange:
    """Rows by their name (first cell), columns by header text or, where a version has no header (or the
    reader lost it), by the cells they hold; every differing cell, and the cells of an added column."""
    norm = lambda s: " ".join(re.findall(r"\w+", s.casefold()))  # noqa: E731
    data_a = [list(r) for r in (a.rows[1:] if a.header else a.rows)]
    data_b = [list(r) for r in (b.rows[1:] if b.header else b.rows)]
    width_a = max([len(r) for r in a.rows] or [0])
    width_b = max([len(r) for r in b.rows] or [0])
    head_a = list(a.rows[0]) + [""] * (width_a - len(a.rows[0])) if a.header and a.rows else [""] * width_a
    head_b = list(b.rows[0]) + [""] * (width_b - len(b.rows[0])) if b.header and b.rows else [""] * width_b
    # Rows by their first cell (the row's name), in order.
    key_a = [norm(r[0]) if r else "" for r in data_a]
    key_b = [norm(r[0]) if r else "" for r in data_b]
    row_map: dict[int, int] = {}
    sm = difflib.SequenceMatcher(None, key_a, key_b, autojunk=False)
    for op, i1, i2, j1, j2 in sm.get_opcodes():
        if op == "equal" or (op == "replace" and i2 - i1 == j2 - j1):
            for k in range(i2 - i1):
                row_map[i1 + k] = j1 + k
    col_map = _column_map(head_a, head_b, data_a, data_b, row_map, norm)
    column_b = lambda k: head_b[k] or f"column {k + 1}"  # noqa: E731
    cols_added = tuple(column_b(k) for k in range(width_b) if k not in col_map.values())
    cols_deleted = tuple(head_a[k] or f"column {k + 1}" for k in range(width_a) if k not in col_map)
    name_a, name_b = _row_names(data_a), _row_names(data_b)
    rows_added = tuple(name_b[k] for k in range(len(key_b)) if k not in row_map.values())
    rows_deleted = tuple(name_a[k] for k in range(len(key_a)) if k not in row_map)
    cells: list[CellChange] = []
    if a.header and b.header:
        for ca, cb in sorted(col_map.items()):
            if not same(head_a[ca], head_b[cb]):
                cells.append(CellChange("(header)", column_b(cb), head_a[ca], head_b[cb]))
    for ra, rb in sorted(row_map.items()):
        ra_cells, rb_cells = data_a[ra], data_b[rb]
        for ca, cb in sorted(col_map.items()):
            x = ra_cells[ca] if ca < len(ra_cells) else ""
            y = rb_cells[cb] if cb < len(rb_cells) else ""
            if not same(x, y):
                cells.append(CellChange(name_b[rb], column_b(cb), x or None, y or None))
        for cb in range(width_b):  # a new column's values, row by row
            if cb not in col_map.values() and cb < len(rb_cells) and rb_cells[cb]:
                cells.append(CellChange(name_b[rb], column_b(cb), None, rb_cells[cb]))
    changed = bool(cells or rows_added or rows_deleted or cols_added or cols_deleted)
    return TableChange(
        "modified" if changed else "unchanged",
        old_after,
        new_after,
        a.page,
        b.page,
        rows_added,
        rows_deleted,
        cols_added,
        cols_deleted,
        tuple(cells),
    )


def _row_names(rows: Sequence[Sequence[str]]) -> list[str]:
    """A row's name is its first cell; "Residential / Riverside" where the first cell repeats."""
    firsts = Counter(r[0] if r else "" for r in rows)
    out = []
    for k, r in enumerate(rows):
        first = r[0] if r else ""
        if not first:
            out.append(f"row {k + 1}")
        elif firsts[first] > 1 and len(r) > 1 and r[1]:
            out.append(f"{first} / {r[1]}")
        else:
            out.append(first)
    return out


def _column_map(head_a, head_b, data_a, data_b, row_map, norm) -> dict[int, int]:
    """Old column -> new column, in order: by header text where both have one (a header that changed only
    its punctuation or case, or its wording a little, is the same column), else by the cells of the rows
    both versions have; left-overs at the same position in tables of one width."""
    from rapidfuzz import fuzz

    n, m = len(head_a), len(head_b)

    def score(ca: int, cb: int) -> float:
        ha, hb = norm(head_a[ca]), norm(head_b[cb])
        if ha and hb:
            if ha == hb:
                return 2.0
            ratio = fuzz.token_set_ratio(ha, hb) / 100.0
            return ratio if ratio >= 0.9 else 0.0
        pairs = [(data_a[ra][ca] if ca < len(data_a[ra]) else "", data_b[rb][cb] if cb < len(data_b[rb]) else "")
                 for ra, rb in row_map.items()]
        pairs = [(x, y) for x, y in pairs if x or y]
        if not pairs:
            return 0.0
        agree = sum(1 for x, y in pairs if norm(x) == norm(y)) / len(pairs)
        return agree if agree >= 0.6 else 0.0

    best = [[0.0] * (m + 1) for _ in range(n + 1)]  # the heaviest in-order matching (an LCS with weights)
    for ca in range(n - 1, -1, -1):
        for cb in range(m - 1, -1, -1):
            s = score(ca, cb)
            best[ca][cb] = max(best[ca + 1][cb], best[ca][cb + 1], (s + best[ca + 1][cb + 1]) if s > 0 else 0.0)
    col_map: dict[int, int] = {}
    ca = cb = 0
    while ca < n and cb < m:
        s = score(ca, cb)
        if s > 0 and best[ca][cb] == s + best[ca + 1][cb + 1]:
            col_map[ca] = cb
            ca, cb = ca + 1, cb + 1
        elif best[ca][cb] == best[ca + 1][cb]:
            ca += 1
        else:
            cb += 1
    if n == m:
        for k in range(n):
            if k not in col_map and k not in col_map.values():
                col_map[k] = k
    return dict(sorted(col_map.items()))


# ---------------------------------------------------------------- noise


class Noise(str, Enum):
    """Why a word change is not a change of content."""

    PUNCTUATION = "punctuation"  # only punctuation or spacing differs ("co-ordinated" / "coordinated", "policy ;")
    TABLE = "table cells"  # words of a table that leaked into the paragraph in one version
    FURNITURE = "furniture"  # a running header/footer or page number caught in the paragraph
    HEADING = "heading"  # a heading printed glued to the paragraph
    FOOTNOTE = "footnote marker"  # "council3" against "council"
    HYPHENATION = "hyphenation"  # a word hyphenated at a line end in one version: "recom- mended"


@dataclass
class NoiseContext:
    """What one pair of versions offers to explain a change away: their tables, furniture and headings."""

    table_words: set[str] = field(default_factory=set)
    furniture: list[str] = field(default_factory=list)
    headings: list[str] = field(default_factory=list)
    # per version (old, new): each unit's words with a closing page number cut off, and its page
    endings: tuple[list[tuple[str, int]], ...] = ((), ())

    @classmethod
    def of(cls, *documents: Document) -> "NoiseContext":
        ctx = cls()
        ctx.endings = tuple(
            [(_PAGE_TAIL.sub("", _norm(u.text)), u.page) for u in (*d.paragraphs, *d.blocks)] for d in documents)
        for d in documents:
            for p in (*d.paragraphs, *d.blocks):
                for t in getattr(p, "tables", ()) or ():
                    for row in t.rows:
                        for c in row:
                            ctx.table_words.update(_words(str(c)))
            ctx.furniture.extend(_norm(x.text) for x in d.dropped if _norm(x.text))
            ctx.furniture.extend(_norm(t) for t in running_blocks(d).values())
            ctx.headings.extend(_norm(s.heading) for s in d.sections if _norm(s.heading))
            ctx.headings.extend(_norm(p.heading) for p in d.paragraphs if p.heading and _norm(p.heading))
        ctx.furniture = sorted(set(ctx.furniture))
        ctx.headings = sorted(set(ctx.headings))
        return ctx


def _words(text: str) -> list[str]:
    return re.findall(r"\w+", text.casefold())


def _norm(text: Optional[str]) -> str:
    return " ".join(_words(text or ""))


_MARKER = re.compile(r"(?<=[^\W\d_])[0-9\u00b9\u00b2\u00b3\u2070-\u2079*\u2020\u2021]{1,3}(?=\W|$)")
_PAGE_NO = re.compile(r"^(?:page\s+)?\d{1,4}(?:\s+of\s+\d{1,4})?$")
_PAGE_OF = re.compile(r"^page\s+\d{1,4}(?:\s+of\s+\d{1,4})?$")
_PAGE_TAIL = re.compile(r"(?:\s*\bpage\s+\d{1,4}(?:\s+of\s+\d{1,4})?)+$")


def _running_footer(text: str, endings: Sequence[tuple[str, int]]) -> bool:
    """A footer the extractor left in the text (a signature line, "Signed ... Dated 3rd March 2020 Page 1
    of 2"): two or more words, "page N of M" aside, with which units on two or more pages end."""
    phrase = _PAGE_TAIL.sub("", text).strip()
    if len(phrase.split()) < 2:
        return False
    pages = {page for ending, page in endings if ending == phrase or ending.endswith(" " + phrase)}
    return len(pages) >= 2


def edits(words: Sequence[WordRun]) -> list[tuple[str, str]]:
    """The redline's changes as (deleted text, inserted text) pairs, adjacent runs together."""
    out: list[tuple[str, str]] = []
    cur: Optional[list[str]] = None
    for w in words:
        if w.op is RunOp.EQUAL:
            if cur is not None:
                out.append((cur[0], cur[1]))
                cur = None
            continue
        if cur is None:
            cur = ["", ""]
        if w.op is RunOp.DELETE:
            cur[0] += w.text
        else:
            cur[1] += w.text
    if cur is not None:
        out.append((cur[0], cur[1]))
    return out


_BROKEN = re.compile(r"(?<=\w)-\s+(?=\w)")


def _line_end_hyphen(broken: str, whole: str) -> bool:
    """`broken` is `whole` with a word hyphenated where a line ended ("recom- mended", "co- ordinated"): the
    hyphen and the line break dropped ("recommended") or the break only ("co-ordinated") give `whole`."""
    if not _BROKEN.search(broken):
        return False
    solid = "".join(whole.split())
    return any("".join(_BROKEN.sub(by, broken).split()) == solid for by in ("", "-"))


def edit_noise(deleted: str, inserted: str, ctx: NoiseContext, *, at_end: bool = False,
               spans_pages: bool = True) -> Optional[Noise]:
    """Why this one change is not a change of content, or None when it is one (`at_end`: nothing but a page
    number follows it in its unit, where a footer the extractor kept lands when a page ends there;
    `spans_pages`: the units run over a page break, where a page number caught in them would stand)."""
    exact_a, exact_b = re.findall(r"\w+", deleted), re.findall(r"\w+", inserted)
    if _line_end_hyphen(deleted, inserted) or _line_end_hyphen(inserted, deleted):
        return Noise.HYPHENATION
    if exact_a == exact_b:
        return Noise.PUNCTUATION
    if exact_a and "".join(exact_a) == "".join(exact_b):
        return Noise.PUNCTUATION  # a word broken or joined by spacing/hyphenation: "co- ordinated"
    a, b = _words(deleted), _words(inserted)
    if _MARKER.sub("", deleted).split() == _MARKER.sub("", inserted).split() and (a or b):
        return Noise.FOOTNOTE
    if a and b:
        return None
    one = a or b
    text = " ".join(one)
    # a bare number is a page number caught in the text only where a page breaks or the unit ends ("Act, No. 12
    # of 2022" fills in a blank inside a sentence of one page)
    page_no = _PAGE_NO.match(text) and (spans_pages or at_end)
    if ctx.furniture and (text in ctx.furniture or page_no or any(text in f for f in ctx.furniture if len(text) >= 8)):
        return Noise.FURNITURE
    if _PAGE_OF.match(text) or (at_end and _running_footer(text, ctx.endings[0 if a else 1])):
        return Noise.FURNITURE
    if ctx.headings and len(one) >= 2:
        from rapidfuzz import fuzz

        if any(fuzz.ratio(text, h) >= 85 for h in ctx.headings):
            return Noise.HEADING
    if ctx.table_words and all(w in ctx.table_words for w in one) and (len(one) >= 3 or any(ch.isdigit() for ch in text)):
        return Noise.TABLE
    return None


# A footnote or citation marker standing on its own: "plan.1", "plan,²", "plan [3]", "plan[3]"
_LONE_MARKER = re.compile(r"^(?:\s?\[\d{1,3}\]|[0-9\u00b9\u00b2\u00b3\u2070-\u2079]{1,3})$")


def _edit_surroundings(words: Sequence[WordRun]) -> list[tuple[str, str]]:
    """For each edit of `edits(words)`: the unchanged text just before it and just after it."""
    out: list[tuple[str, str]] = []
    k = 0
    while k < len(words):
        if words[k].op is RunOp.EQUAL:
            k += 1
            continue
        before = words[k - 1].text if k else ""
        while k < len(words) and words[k].op is not RunOp.EQUAL:
            k += 1
        out.append((before, words[k].text if k < len(words) else ""))
    return out


def _detached_marker(deleted: str, inserted: str, before: str, after: str) -> bool:
    """A marker added or dropped right after a word or its punctuation ("plan.1" / "plan."), not a figure of a
    number ("4.1" / "4."): no space before it, none or a space or punctuation after."""
    mark = deleted or inserted
    if (deleted and inserted) or not _LONE_MARKER.match(mark):
        return False
    if mark[0].isspace() or mark.startswith("["):
        tail = before.rstrip()
    else:
        if not before or before[-1].isspace():
            return False
        tail = before
    if not tail or not (tail[-1].isalpha() or tail[-1] in ".,;:)\u201d\u2019\"'"):
        return False
    if tail[-1] in ".," and len(tail) > 1 and tail[-2].isdigit():
        return False
    return not after or not (after[0].isalnum())


def classify_edits(words: Sequence[WordRun], ctx: NoiseContext, spans_pages: bool = True) -> tuple[bool, tuple[str, ...]]:
    """(every change is noise, the kinds of noise seen): a paragraph whose changes are all noise is not modified.
    `spans_pages`: the units compared run over a page break on one side or the other."""
    kinds: list[str] = []
    found = edits(words)
    last = len(words)  # past the closing page number or spacing, does the unit end with a change?
    while last and words[last - 1].op is RunOp.EQUAL and not _PAGE_TAIL.sub("", _norm(words[last - 1].text)).strip():
        last -= 1
    ends_with_edit = last > 0 and words[last - 1].op is not RunOp.EQUAL
    around = _edit_surroundings(words)
    for k, (d, i) in enumerate(found):
        if _detached_marker(d, i, *around[k]):
            n: Optional[Noise] = Noise.FOOTNOTE
        else:
            n = edit_noise(d, i, ctx, at_end=ends_with_edit and k == len(found) - 1, spans_pages=spans_pages)
        if n is None:
            return False, ()
        if n.value not in kinds:
            kinds.append(n.value)
    return True, tuple(kinds)



# ---------------------------------------------------------------- tracked changes


def has_tracked_changes(document: Document) -> bool:
    return any(getattr(p, "changes", None) for p in (*document.paragraphs, *document.blocks))


def insertions_only(document: Document) -> bool:
    """A tracked-changes PDF that marks insertions and nothing struck through (Word set to show its markup
    without deletions: red underlined insertions, change bars): what an insertion replaced is not printed, so
    its original text is the final text less the insertions, and no deletion can be read from it."""
    ops = {_op(c) for x in (*document.paragraphs, *document.blocks, *document.sections)
           for c in (getattr(x, "changes", None) or ())}
    return bool(ops) and ops <= {"inserted", "equal"} and "inserted" in ops


def tracked_versions(document: Document) -> Optional[tuple[Document, Document, list]]:
    """(original, final, pairs) for a document printed with tracked changes; None when it carries none.

    `pairs` says which unit of the original is which of the final version
    (("p", position) / ("b", block position) each): a marked paragraph is one
    paragraph in both, however much of it changed.

    Reads the extractor's change marks on each paragraph, `Paragraph.changes`:
    items with `op` "inserted" or "deleted" (struck-through text is deleted,
    underlined/coloured text inserted) and `text`, as attributes or keys.  Two
    shapes are understood:

    * runs covering the whole paragraph in reading order, with "equal" runs
      for unmarked text: both versions are rebuilt exactly;
    * only the marked stretches, `text` being the final text: an item with
      `at` (its offset in the final text) is placed there; without `at`, an
      insertion is found in the final text after the previous change and a
      deletion is put back just before the insertion that follows it (where a
      replacement prints it), else after the previous change.

    A paragraph with `old_number` (a renumbered label printed "17.5.17.6.",
    the old number struck through) is numbered so in the original.  A paragraph
    that is wholly inserted is absent from the original, one wholly deleted
    absent from the final version.
    """
    from dataclasses import fields, replace

    def _replace(x: Any, **kw: Any) -> Any:  # the rebuilt versions carry no marks of their own
        if "changes" in {f.name for f in fields(x)}:
            kw.setdefault("changes", ())
        return replace(x, **kw)

    if not has_tracked_changes(document):
        return None
    old_sections, new_sections, renamed, section_pairs = _tracked_sections(document.sections, _replace)
    original: list[Paragraph] = []
    final: list[Paragraph] = []
    pairs: list[tuple[tuple[str, int], tuple[str, int]]] = list(section_pairs)
    struck_after: list[Any] = []  # marks printed after a wholly inserted paragraph: units of their own
    inserted_after: list[Any] = []
    for p in document.paragraphs:
        changes = list(getattr(p, "changes", None) or ())
        cut = _after_inserted(p, changes)
        if cut is not None:
            end, changes, gone, added = cut
            page = p.page_end or p.page
            struck_after += [Block(text=t, page=page) for t in gone]
            inserted_after += [Block(text=t, page=page) for t in added]
            p = replace(p, text=p.text[:end].rstrip())
        old_number = getattr(p, "old_number", None)
        if old_number is None:
            old_number, changes = _renumbered(p, changes)
        changes, deleted = _deleted_paragraphs(changes, old_number)
        old_text, new_text = _rebuild(p.text, changes) if changes else (p.text, p.text)
        in_old = in_new = None
        if old_text.strip():
            in_old = ("p", len(original))
            original.append(_replace(p, number=old_number, text=old_text, parts=() if changes else p.parts,
                                     tables=() if changes else p.tables, heading=renamed.get(p.heading, p.heading)))
        if new_text.strip():
            in_new = ("p", len(final))
            final.append(_replace(p, text=new_text, parts=() if new_text != p.text else p.parts))
        if in_old and in_new:
            pairs.append((in_old, in_new))
        for number, text in deleted:  # a wholly deleted paragraph: in the original only, after this one
            original.append(_replace(p, number=number, label=number, text=text, parts=(), tables=()))
    old_blocks, new_blocks = [], []
    for b in document.blocks:  # unnumbered text carries its marks the same way
        changes, struck = _struck_blocks(list(getattr(b, "changes", None) or ()), b.text)
        old_text, new_text = _rebuild(b.text, changes) if changes else (b.text, b.text)
        if old_text.strip() and new_text.strip():
            pairs.append((("b", len(old_blocks)), ("b", len(new_blocks))))
        if old_text.strip():
            old_blocks.append(_replace(b, text=old_text))
        if new_text.strip():
            new_blocks.append(_replace(b, text=new_text))
        for text in struck:  # a wholly deleted paragraph: in the original only, after this block
            old_blocks.append(_replace(b, text=text))
    old_blocks += struck_after
    new_blocks += inserted_after
    path = document.source.path
    old_doc = replace(document, paragraphs=tuple(original), blocks=tuple(old_blocks), sections=tuple(old_sections),
                      source=replace(document.source, path=f"{path} (original)"))
    new_doc = replace(document, paragraphs=tuple(final), blocks=tuple(new_blocks), sections=tuple(new_sections),
                      source=replace(document.source, path=f"{path} (final)"))
    return old_doc, new_doc, pairs


def _after_inserted(p: Paragraph, changes: list) -> Optional[tuple[int, list, list[str], list[str]]]:
    """A numbered paragraph inserted whole, its printed label too ("9. Communicate ..." underlined from its
    number on), that the reader gave the marks printed after it: struck text (a deleted paragraph of the
    original) and text inserted after that.  A paragraph that did not exist in the original has no original text
    of its own, so what is struck after it is text of the original set apart, and what is inserted after that
    strike is no part of it either.  (Where its own text ends; its own marks; each deletion's text; the text
    inserted after it, as one unit.)  None unless every mark after the paragraph's own is a deletion or an
    insertion, the text after it is wholly inserted text, and no struck text opens with a number."""
    if len(changes) < 2 or any(_op(c) not in ("inserted", "deleted") for c in changes):
        return None
    first = changes[0]
    label = _LABELLED.match(" ".join(str(_item(first, "text") or "").split()))
    number = (getattr(p, "label", None) or p.number or "").rstrip(".")
    if (_op(first) != "inserted" or _item(first, "at") not in (0, None) or label is None
            or label.group(1) != number or _op(changes[1]) != "deleted"):
        return None
    span = _span_at(p.text, 0, label.group(2))
    if span is None or (p.text[:span[0]].strip()):
        return None
    end = span[1]
    rest = changes[1:]
    tail = " ".join(p.text[end:].split())
    added = " ".join(" ".join(str(_item(c, "text") or "").split()) for c in rest if _op(c) == "inserted")
    if _norm(tail) != _norm(added):
        return None
    gone = [" ".join(str(_item(c, "text") or "").split()) for c in rest if _op(c) == "deleted"]
    if any(_LABELLED.match(t) for t in gone):  # a struck paragraph with its number: `_deleted_paragraphs`' to number
        return None
    # its own mark as the text it covers (the mark may print "in to" where the text reads "into")
    whole = p.text[:end].rstrip()
    own = {**first, "text": whole, "at": 0} if isinstance(first, dict) else _dc_replace(first, text=whole, at=0)
    return end, [own], [t for t in gone if t], [tail] if tail else []


def _tracked_sections(sections: Sequence[Any], _replace: Any) -> tuple[list, list, dict[str, str], list]:
    """The sections before and after their headings' tracked changes, each renamed heading's old text (by its
    new text), and which section is which (("s", old position), ("s", new position)).  A heading wholly
    inserted (its number and words) is absent from the original, one wholly struck absent from the final."""
    old: list = []
    new: list = []
    renamed: dict[str, str] = {}
    pairs: list = []
    for sec in sections:
        changes = list(getattr(sec, "changes", None) or ())
        if not changes:
            pairs.append((("s", len(old)), ("s", len(new))))
            old.append(sec)
            new.append(sec)
            continue
        old_heading, new_heading = _rebuild(sec.heading, changes)
        printed = set(_norm(f"{sec.number or ''} {sec.heading}").split())
        ops = {_op(c) for c in changes}
        marked = set(_norm(" ".join(str(_item(c, "text") or "") for c in changes)).split())
        in_old = not (ops == {"inserted"} and printed <= marked)
        in_new = not (ops == {"deleted"} and printed <= marked)
        if in_old and in_new:
            pairs.append((("s", len(old)), ("s", len(new))))
        if in_old:
            old.append(_replace(sec, heading=old_heading))
            if old_heading != new_heading:
                renamed[sec.heading] = old_heading
        if in_new:
            new.append(_replace(sec, heading=new_heading))
    return old, new, renamed, pairs


def _span_at(new: str, at: int, text: str) -> Optional[tuple[int, int]]:
    """The span of `new` from `at` that reads `text` (spaces and a hyphen joined over a line break aside)."""
    i, n = at, len(new)
    for ch in text:
        if ch.isspace():
            continue
        while i < n and new[i].isspace():
            i += 1
        if i < n and new[i] == ch:
            i += 1
        elif ch not in "-\u00ad":
            return None
    return (at, i) if i > at else None


def _item(change: Any, name: str) -> Any:
    return change.get(name) if isinstance(change, dict) else getattr(change, name, None)


_LEADING_LABEL = re.compile(r"^\s*\d{1,3}(?:\.\d{1,3})*\.?\s+")
_LABEL_ONLY = re.compile(r"^\s*(\d{1,3}(?:\.\d{1,3})*)\.?\s*$")
_LABELLED = re.compile(r"^\s*(\d{1,3}(?:\.\d{1,3})*)\.?\s+(\S.*)$", re.S)


def _op(change: Any) -> str:
    return str(getattr(_item(change, "op"), "value", _item(change, "op")) or "").lower()  # ChangeOp or str


def _renumbered(p: Paragraph, changes: list) -> tuple[str, list]:
    """A label printed renumbered ("17.5.17.6.": the old number struck through, the new one inserted):
    (the old number, the marks without the label's).  The inserted label must be the paragraph's own
    number and absent from its text, so a changed figure inside the text is never read as a label."""
    marks = [(k, c) for k, c in enumerate(changes) if _op(c) != "equal" or str(_item(c, "text") or "").strip()]
    if len(marks) < 2:
        return p.number, changes
    (i, deleted), (j, inserted) = marks[0], marks[1]
    if _op(deleted) != "deleted" or _op(inserted) != "inserted":
        return p.number, changes
    d = _LABEL_ONLY.match(str(_item(deleted, "text") or ""))
    n = _LABEL_ONLY.match(str(_item(inserted, "text") or ""))
    label = getattr(p, "label", None) or p.number
    if (not d or not n or n.group(1) not in (p.number, label.rstrip("."))
            or re.search(rf"(?<![\d.]){re.escape(n.group(1))}(?!\.?\d)", p.text)):
        return p.number, changes
    return d.group(1), [c for k, c in enumerate(changes) if k not in (i, j)]


def _series_key(number: str) -> Optional[tuple[int, ...]]:
    parts = number.rstrip(".").split(".")
    return tuple(int(x) for x in parts) if all(x.isdigit() for x in parts) else None


def _deleted_paragraphs(changes: list, number: str) -> tuple[list, list[tuple[str, str]]]:
    """Wholly deleted paragraphs the extractor gave to the paragraph before them (their struck-through
    text, label first, closing its marks): (the paragraph's own marks, [(number, text), ...]).

    A trailing deletion is a paragraph of its own when it opens with a label of the same series as this
    paragraph's number (as many parts, and further on: 17.6 after 17.5, 18.1 after 17.6); deletions after
    it without a label of their own belong to it."""
    if "equal" in {_op(c) for c in changes}:
        return changes, []
    here = _series_key(number or "")
    if here is None:
        return changes, []
    k = len(changes)
    while k > 0 and _op(changes[k - 1]) == "deleted":
        k -= 1
    out: list[tuple[str, str]] = []
    cut = None
    for i in range(k, len(changes)):
        text = " ".join(str(_item(changes[i], "text") or "").split())
        m = _LABELLED.match(text)
        key = _series_key(m.group(1)) if m else None
        if key is not None and len(key) == len(here) and key > (_series_key(out[-1][0]) if out else here):
            out.append((m.group(1), m.group(2)))
            cut = i if cut is None else cut
        elif out:
            out[-1] = (out[-1][0], f"{out[-1][1]} {text}")
    return (changes if cut is None else changes[:cut]), out


def _struck_blocks(changes: list, final_text: str) -> tuple[list, list[str]]:
    """Wholly deleted paragraphs the reader gave to the unnumbered block before them: the block's last changes,
    deletions printed after all its text, each one that `opens` a paragraph (the reader marks a struck line set
    apart by a paragraph's gap so, `read.pdf.Collector._to_last_line`) starting one.  (The block's own marks;
    the paragraphs after it, each one's text.)"""
    k = len(changes)
    while k > 0 and _op(changes[k - 1]) == "deleted" and (
            _item(changes[k - 1], "at") is None or _item(changes[k - 1], "at") >= len(final_text.rstrip())):
        k -= 1
    tail = changes[k:]
    first = next((i for i, c in enumerate(tail) if _item(c, "opens")), None)
    if first is None:
        return changes, []
    struck: list[str] = []
    for c in tail[first:]:
        text = " ".join(str(_item(c, "text") or "").split())
        if _item(c, "opens") or not struck:
            struck.append(text)
        else:
            struck[-1] = f"{struck[-1]} {text}"
    return changes[:k + first], [t for t in struck if t]


def _rebuild(final_text: str, changes: Sequence[Any]) -> tuple[str, str]:
    ops = [_op(c) for c in changes]
    texts = [str(_item(c, "text") or "") for c in changes]
    if "equal" in ops:  # full runs
        old = "".join(t for o, t in zip(ops, texts) if o != "inserted")
        new = "".join(t for o, t in zip(ops, texts) if o != "deleted")
        return " ".join(old.split()), " ".join(new.split())
    final_text, changes = _unglued(final_text, changes, ops, texts)
    new = final_text
    inserted_spans: list[tuple[int, int]] = []
    deletions: list[tuple[int, str]] = []
    inside: set[int] = set()  # deletions printed inside a word
    cursor = 0
    pending: list[str] = []
    for change, op, text in zip(changes, ops, texts):
        at = _item(change, "at")
        at = int(at) if isinstance(at, int) and 0 <= at <= len(new) else None
        if op == "inserted":
            span = _span_at(new, at, text) if at is not None else None
            if span is None:
                k = new.find(text, cursor)
                if k < 0:
                    k = new.find(text)
                if k < 0:  # a wholly inserted paragraph's mark carries its printed label, the text does not
                    label = _LEADING_LABEL.match(text)
                    if label:
                        text = text[label.end():]
                        k = new.find(text)
                if k < 0:
                    continue
                span = (k, k + len(text))
            inserted_spans.append(span)
            for d in pending:
                deletions.append((span[0], d))
            pending = []
            cursor = span[1]
        elif op == "deleted":
            if at is not None:
                # placed where it was printed: after the text before it, a space between unless printed touching it
                glued = bool(_item(change, "glued"))
                if glued and 0 < at < len(new) and new[at - 1].isalnum() and new[at].isalnum() and not text.strip(
                        "\u2019'`-\u2010\u2011"):
                    inside.add(len(deletions))  # an apostrophe or hyphen struck inside a word ("Citizen’s"): no space
                deletions.append((at, text if glued else " " + text))
            else:
                pending.append(" " + text + " ")
    for d in pending:
        deletions.append((cursor, d))
    # The original: the final text without its insertions, with the deletions put back.
    pieces: list[str] = []
    put_back: set[int] = set()  # the pieces that are deletions put back
    last = 0
    # at one place a deletion goes before an insertion that starts there (printed "old new"), in reading order
    events = sorted([(a, 1, b, "", k) for k, (a, b) in enumerate(inserted_spans)]
                    + [(at, 0, at, t, k) for k, (at, t) in enumerate(deletions)])
    for start, kind, end, text, k in events:
        if kind == 1:
            if start >= last:
                pieces.append(new[last:start])
                last = end
        else:
            if start >= last:
                pieces.append(new[last:start])
                last = start
            if k not in inside:
                put_back.add(len(pieces))
            pieces.append(text)
    pieces.append(new[last:])
    for k in sorted(put_back):  # a word straight after a deletion put back was printed after a space
        after = next((p for p in pieces[k + 1:] if p), "")
        if after[:1].isalnum() and pieces[k][-1:].strip():
            pieces[k] += " "
    old = " ".join("".join(pieces).split())
    old = re.sub(r"\s+([,.;:)])", r"\1", old)
    return old, " ".join(new.split())


def _unglued(final_text: str, changes: Sequence[Any], ops: Sequence[str], texts: Sequence[str]) -> tuple[str, list]:
    """The final text with a space put back where an insertion was read glued to the word before it, a capital
    after a small letter ("Acceptance/Rejection ofResponses .": the inserted word's own spacing lost with its
    markup); the marks' offsets moved past each space put back.  An insertion glued in lower case ("highlight" +
    an inserted "s") is an edit of the word, and stays as printed."""
    glued = []
    for change, op, text in zip(changes, ops, texts):
        at = _item(change, "at")
        if op != "inserted" or not isinstance(at, int) or not 0 < at < len(final_text):
            continue
        first = re.match(r"\w+", text.lstrip())
        if final_text[at - 1].islower() and final_text[at].isupper() and first is not None \
                and len(first.group()) >= 2 and final_text.startswith(first.group(), at):
            glued.append(at)
    if not glued:
        return final_text, list(changes)
    text = final_text
    for at in reversed(glued):
        text = text[:at] + " " + text[at:]
    out = []
    for change in changes:
        at = _item(change, "at")
        if isinstance(at, int):
            moved = at + bisect.bisect_right(glued, at)
            change = {**change, "at": moved} if isinstance(change, dict) else _dc_replace(change, at=moved)
        out.append(change)
    return text, out
