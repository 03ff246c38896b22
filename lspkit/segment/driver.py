"""The segmenter's driver: the decisions run in order over a Reading, and a Document assembled from them.

First what is not running text is set aside: furniture (`furniture`),
contents pages (`contents`), footnotes and table lines (`notes`).  Then one
pass over the remaining lines offers each in turn to back matter (`matter`),
headings (`headings`), paragraph numbers and questions (`numbering`), and a
question repeated in an annex (`matter`); a line none of them takes belongs
to the open paragraph (`paragraphs`), back-matter item, title block, or a
text block.  Whatever starts (a heading, a paragraph, back matter) first
closes whatever is open.  Last, paragraphs are joined, tables and notes
attached, and the front matter completed.  Each module owns the state it
decides; `_State` only holds them together for this pass.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from typing import Any, Optional

from ..model import Document, Dropped, ParagraphKind, Reading, SectionKind, Source
from .agenda import Agenda, agenda_items, inside_item, link_line, link_runs_on
from .clauses import Clauses, Step
from .contents import drop_contents
from .forms import adoption_lines, amount_tables
from .figures import figure_captions
from .furniture import find_furniture
from .headings import Heading, Outline, find_heading, series_opens
from .lines import (
    Body,
    WorkLine,
    body_size,
    lift_side_notes,
    repair_accents,
    repair_ligatures,
    strip_margin_markers,
    word_numbered_labels,
    working_lines,
)
from .listcolumns import join_list_columns
from .coderows import code_rows, name_rows
from .sectionsign import SignedSections, signed_sections
from .bracketed import bracketed_series
from .headed import calls_itself_constitution, clause_prose, title_series
from .margins import unplaced_margin_notes
from .matter import (
    BackMatter,
    FrontMatter,
    QuestionSummary,
    References,
    back_matter_label,
    cover_recommendations,
    front_tables,
    reading_metadata,
    references_heading,
)
from .itemids import item_id_labels
from .listings import unlabel_listings
from .roman import roman_labels
from .sequences import recover_sequences
from .recover import continue_series
from .subitems import split_roman_lists
from .prefixed import prefixed_labels
from .suffixed import suffixed_labels
from .leadins import lone_lead_items
from .pictured import PICTURE, picture_numbers
from .notes import attach, lift_footnotes, lift_table_lines, strip_reference_markers, table_blocks
from .outline import OutlineItems
from .numbering import (
    Numbering,
    letter_label,
    question_warnings,
    reference_label,
    sequence_warnings,
    unique_ids,
    unlabel_display_questions,
    whole_lead,
)
from .paragraphs import SENTENCE_END, Blocks, OpenParagraph, Paragraphs, hyphenates, vocabulary
from .votes import lift_votes
from .tablerows import TableRows, data_tables, row_heading, table_rows
from .records import record_lines
from .register import amendments, ends_id_item, id_numbers, item_text_starts, register_records, register_titles, title_lines


def segment(reading: Reading) -> Document:
    """A Reading's lines as a Document of numbered paragraphs, sections, notes, blocks and metadata."""
    document, headed = _segment(reading, headed=False)
    if headed:
        # a constitution whose numbered clause titles stand over prose with hardly a numbered paragraph of its own
        # (fewer than one for five numbered sections): read again, each clause's prose its paragraph (headed.py)
        document, _ = _segment(reading, headed=True)
    return document


def _segment(reading: Reading, headed: bool) -> tuple[Document, bool]:
    """segment(), each numbered clause title's own prose its paragraph where `headed`; and whether the paper is a
    constitution that wants that (asked only where not `headed`)."""
    rows = table_rows(reading)  # minutes set as a table: read row by row
    reading = rows.reading
    lines = reading.lines
    warnings: list[str] = list(reading.warnings)
    dropped: list[Dropped] = []
    furniture = find_furniture(lines, reading.pages)
    for i in rows.heads:
        furniture.pop(i, None)  # "FGB 104/2122" at a page's top, like "FGB 103/2122" a page before: a row, no header
    for i in rows.headers:
        furniture.setdefault(i, "header")  # a grid's column headings spelled down the page, letter under letter
    for i, reason in sorted(furniture.items()):
        dropped.append(Dropped(lines[i].text.replace(PICTURE + " ", ""), lines[i].page, reason))
    work = working_lines(reading, furniture)
    dropped.extend(Dropped(marker, page, "margin-marker") for marker, page in strip_margin_markers(work))
    warnings.extend(picture_numbers(work))  # "4.1." printed as an image: numbered from the heading above (pictured.py)
    word_numbered_labels(work)
    item_id_labels(work)
    roman_labels(work)  # "I. GENERAL POLICY: It is ...", "III. RESERVATIONS": a paper's roman series (roman.py)
    suffixed_labels(work)  # "6a: Proposers shall include ...": numbers with a letter glued on (suffixed.py)
    prefixed_labels(work)  # "GR 1.1.1 Assessment is ...": numbers behind a code of capitals (prefixed.py)
    if reading.kind == "pdf":
        lift_side_notes(work)
        for w in work if rows.actions else ():  # a minutes table's action column: the paragraph's outcome, not its text
            if w.index in rows.actions:
                w.role = "side"
        lift_votes(work)  # "BOARD VOTE: 34 In Favor 0 Opposed ...": the outcome of the item above it
        repair_accents(work)
        for wrong, ligature in repair_ligatures(work).items():
            warnings.append(f"the font maps the ligature {ligature!r} to {wrong!r}; put back from the words the "
                            "document writes whole")
    size = body_size(work)
    unlabel_listings(work, size)  # "1 SELECT *" / "2 FROM ...": a code box's line numbers (listings.py)
    unlabel_display_questions(work, size)  # "Q2 Patient Experience Report" on a cover: a title (numbering.py)
    drop_contents(work, dropped)
    notes = lift_footnotes(work, size, reading.foot_rules) if reading.kind == "pdf" else []
    table_regions = data_tables(rows, reading.tables) + rows.tables  # a minutes table's grid is its layout, not data
    lift_table_lines(work, table_regions)
    join_list_columns(work)  # "1. ... 6." beside "7. ... 10.": one list, read on from 6 (listcolumns.py)
    table_regions = list(table_regions) + amount_tables(work)  # "Insurance Fund  60,989" under "as follows:"
    adoption = {work[k].index for k in adoption_lines(work)}  # "ADOPTED this ____ day of": no section's text

    s = _State(Body(work, reading.kind, size, vocabulary([w.text for w in work], hyphenates=hyphenates(reading))))
    s.adoption = adoption
    s.register = register_titles(s.body) if s.body.pdf else set()
    s.clauses = Clauses(s.body)
    constitution = bool(s.body.pdf) and not s.clauses.mode and calls_itself_constitution(s.body)
    s.headed = constitution and headed
    s.titles = title_series(s.body) if constitution else set()
    s.items = OutlineItems(s.body)
    s.amendments = amendments(s.body, s.register)
    s.records = register_records(s.body, s.register)
    s.register -= set(s.records)
    s.ids = id_numbers(s.body) if s.body.pdf else {}  # "37. Mr V M Manzini ...", "106. ...": question ids (register.py)
    s.cover = cover_recommendations(s.body)
    s.lead_items, s.lead_end = lone_lead_items(s.body)
    s.diagram_pages = _diagram_pages(s.body)
    s.chapter_series = _chapter_series(s.body)
    s.decisions = record_lines(s.body)
    s.agenda = agenda_items(s.body)
    s.figures = figure_captions(s.body)
    s.signed = signed_sections(s.body)  # "§ 2. Composition ... a. The commission ...": a law's sections (sectionsign)
    brackets = bracketed_series(s.body)  # "Conditions" / "(1) All grants ...", "(2) ...": a policy's (bracketed.py)
    if brackets.lines and not brackets.lines & s.signed.lines:
        s.signed.lines |= brackets.lines
        s.signed.starts.update(brackets.starts)
        s.signed.ends |= brackets.ends
    s.code_rows = code_rows(s.body)  # "2 Clerks" / "2 Custodians": a list's rows keyed by a grade, no paragraphs
    s.code_rows |= name_rows(s.body)  # "1. Ms Indranee Rajah SC, Senior Minister ...": a list of members (coderows)
    s.rows = rows if rows.heads or rows.subheads or rows.items else None  # (None: no line of _read_body asks)
    _read_body(s)
    recover_sequences(s.body, s.paragraphs.done, s.blocks, s.outline.sections)  # labels in a sequence left as text
    continue_series(s.body, s.paragraphs.done, s.blocks, s.outline.sections)  # a series' next member (recover.py)
    split_roman_lists(s.body, s.paragraphs.done, s.blocks, s.outline.sections)  # "6(c)(i)": a letter's numerals
    paragraphs = attach(s.paragraphs.build(s.body), s.paragraphs.done, notes, table_regions, reading.markers)
    paragraphs = strip_reference_markers(paragraphs)  # "... were reported [1].": a marker, no words (notes.py)
    dropped.extend(unplaced_margin_notes(work, {i for p in s.paragraphs.done for i in p.lines}))
    # numbers with nothing after them, again and again (a word processor's list numbering running on below the
    # text: "24", "25", ... alone on their lines) number no paragraphs; one or two bare numbers may be a paragraph
    # whose text was lost, and stay
    bare = [not (p.text or p.tables or p.notes or p.changes) for p in paragraphs]
    if sum(bare) >= 3:
        paragraphs = [p for p, b in zip(paragraphs, bare) if not b]
    metadata = s.metadata
    paragraphs = front_tables(paragraphs, table_regions, metadata)
    paragraphs, duplicates = unique_ids(paragraphs, s.outline.sections)
    reading_metadata(metadata, reading, dropped)

    if not paragraphs:
        warnings.append("no numbered paragraphs found; the text is under \"blocks\"")
    else:
        warnings.extend(duplicates)
        items = {s.body[i].text.split()[0] for i in s.register}  # a register's ids have gaps by nature
        items |= {number for number, _ in s.records.values()}
        items |= {number for number, _ in s.ids.values()}
        items |= {a.label for a in s.agenda.items.values()}  # an agenda's items restart and run out of order by nature
        warnings.extend(sequence_warnings([p.number for p in paragraphs if p.kind is ParagraphKind.PARAGRAPH
                                           and p.label == p.number and p.number not in items],
                                          {x.number for x in s.outline.sections if x.number}))
        warnings.extend(question_warnings([p.number for p in paragraphs if p.kind is ParagraphKind.QUESTION]))
    title = metadata.get("title") or None
    source = Source(path=reading.path, sha256=reading.sha256, pages=reading.page_count, title=title)
    blocks = table_blocks(s.blocks.done, s.blocks.tops, table_regions) if not paragraphs else s.blocks.done
    if reading.ocr_pages:
        paragraphs, blocks = _flag_ocr(paragraphs, blocks, reading.ocr_pages)
    numbered = sum(1 for x in s.outline.sections if x.number is not None)
    again = constitution and not headed and numbered >= 5 and len(paragraphs) < 0.2 * numbered
    return Document(
        source=source,
        metadata=metadata,
        sections=tuple(s.outline.sections),
        paragraphs=tuple(paragraphs),
        blocks=tuple(blocks),
        notes=tuple(notes),
        dropped=tuple(dropped),
        warnings=tuple(dict.fromkeys(warnings)),
    ), again


def _flag_ocr(paragraphs: list, blocks: list, pages: tuple) -> tuple[list, list]:
    """Paragraphs and blocks with text from a page read by OCR flagged `ocr` (its words may be misread)."""
    ocr = set(pages)

    def read(first: int, last: Optional[int]) -> bool:
        return any(p in ocr for p in range(first, (last or first) + 1))

    return ([replace(p, ocr=True) if read(p.page, p.page_end) else p for p in paragraphs],
            [replace(b, ocr=True) if b.page in ocr else b for b in blocks])


@dataclass
class _State:
    """The state of one pass, each part owned by the module that decides it."""

    body: Body
    outline: Outline = field(default_factory=Outline)
    numbering: Numbering = field(default_factory=Numbering)
    paragraphs: Paragraphs = field(default_factory=Paragraphs)
    blocks: Blocks = field(default_factory=Blocks)
    front: FrontMatter = field(default_factory=FrontMatter)
    back: BackMatter = field(default_factory=BackMatter)
    questions: QuestionSummary = field(default_factory=QuestionSummary)
    references: References = field(default_factory=References)
    metadata: dict[str, Any] = field(default_factory=dict)
    sub_series: Optional[tuple[str, int]] = None  # a paragraph that opened "(1)" and its last sub-paragraph
    register: set[int] = field(default_factory=set)  # lines titling the items of a register (register.py)
    item: Optional[str] = None  # the register item whose prose is still to come
    clauses: Optional[Clauses] = None  # sub-clauses (1), (a), (i) as paragraphs (clauses.py)
    items: Optional[OutlineItems] = None  # an outline's items A., 1., a. as paragraphs (outline.py)
    amendments: dict[int, str] = field(default_factory=dict)  # lines opening an item's amendment: its tag (register)
    records: dict[int, tuple[str, str]] = field(default_factory=dict)  # items a register only records ("908 ...")
    ids: dict[int, tuple[str, str]] = field(default_factory=dict)  # items numbered with ids rising with gaps
    id_item: object = None  # the open paragraph of such an item
    cover: set[int] = field(default_factory=set)  # lines of a cover's numbered recommendations (matter.py)
    lead_items: dict[int, tuple[str, str, str]] = field(default_factory=dict)  # items under a lone lead-in (leadins)
    lead_end: Optional[int] = None  # the line after those items: it ends the last
    cover_seen: bool = False  # the cover's recommendations came: back matter may start as after a paragraph
    diagram_pages: set[int] = field(default_factory=set)  # pages of a flow chart: text in many drawn boxes
    chapter_series: set[int] = field(default_factory=set)  # "Section N." lines of a series the paper prints
    decisions: dict[int, Optional[bool]] = field(default_factory=dict)  # a decision list's lines (records.py)
    agenda: Agenda = field(default_factory=Agenda)  # an agenda's items, the titles over them (agenda.py)
    adoption: set[int] = field(default_factory=set)  # a form's adoption clause, by Reading line (forms.py)
    agenda_x: Optional[float] = None  # where the open agenda item's label stands
    agenda_size: float = 0.0  # and the size of its type
    agenda_link: Optional[int] = None  # the last line set apart under it as a link to its papers
    rows: Optional[TableRows] = None  # a minutes table read row by row (lspkit.segment.tablerows)
    figures: set[int] = field(default_factory=set)  # a figure's caption, credit and drawn labels (figures.py)
    signed: SignedSections = field(default_factory=SignedSections)  # sections numbered "§ N." (sectionsign.py)
    code_rows: set[int] = field(default_factory=set)  # rows of a list keyed by a code that repeats (coderows.py)
    sub_item: Optional[tuple[str, str, float]] = None  # a lettered one's last roman sub-paragraph: parent, label, x
    motions: int = 0  # lettered resolutions opened under an unnumbered lead-in so far ("motion 2(a)")
    motion_keys: set[str] = field(default_factory=set)  # what those series hang from
    # the open resolution: the paragraph itself (not its id(), which a later object may reuse), label x, wrap x
    motion_item: Optional[tuple[object, float, Optional[float]]] = None
    # a bare "SECTION 5." over its prose: its id, the prose's margin, the last letter of its lettered provisions
    provision: Optional[tuple[str, float, Optional[str]]] = None
    headed: bool = False  # a constitution's numbered clause titles over their own prose (headed.py)
    headed_open: object = None  # the clause whose prose is open: its further blocks are its own, to the next title
    titles: set[int] = field(default_factory=set)  # a constitution's clause titles set in the text's type (headed)


def _read_body(s: _State) -> None:
    """One pass over the body lines: each starts something, or joins what is open."""
    body = s.body
    i = 0
    after_heading = -1  # the line just after the last heading: where a lettered series may open
    while i < len(body):
        w = body[i]
        if i == s.lead_end:
            _close(s)  # the letter's text again after the request's items, never the last item's
        if s.references.takes(w, body):
            i += 1  # "1. Mathie, B. 2017. ..." under "Bibliography": a citation, kept in metadata
            continue
        s.references.close(s.metadata)
        if s.paragraphs.started and references_heading(w, body):
            _close(s)
            s.outline.open(Heading(None, w.text.strip(), w.line.page, SectionKind.SECTION, None, 1),
                           s.numbering.section_opens(None, annex=False))
            s.references.open = True
            i += 1
            continue
        in_paragraph = s.paragraphs.open is not None
        mid_sentence = in_paragraph and not s.paragraphs.finished(body)
        if w.line.box and w.line.page in s.diagram_pages:
            s.paragraphs.close()  # a flow chart's boxes ("2.1 Formal submission of pre application"): a diagram
            s.blocks.add_line(w, s.body)
            i += 1
            continue
        if i in s.figures:
            s.blocks.add_line(w, s.body)  # "Figure 3" / "Wire fall reeving diagram": set apart, and the paragraph
            i += 1  # the figure stands in goes on after it
            continue
        if i in s.signed.ends and i not in s.signed.lines:
            _close(s)  # the line after a claimed unit's last ("Applications for support ..." after "(9) ..."): not its
        if i in s.signed.lines:
            units = s.signed.starts.get(i)
            if units:
                _close(s)  # "§ 2. Composition of the commission. a. The ...": "§ 2", then "§ 2(a)"
                for u in units:
                    s.paragraphs.start(w, u.ident, u.rest, ParagraphKind.PARAGRAPH, s.outline.number,
                                       s.outline.heading, label=u.label, parent=u.parent)
            else:
                w.label = None  # ("(a) of section 3-211 ..." wrapped to a line's start: the unit's words)
                _add_line(s, w)
            i += 1
            continue
        if i in s.code_rows:
            if i - 1 not in s.code_rows:
                _close(s)  # "1 Seasonal Laborer" / "2 Clerks" / "2 Custodians": a list's rows, after the text above
            s.blocks.add_line(w, s.body)
            i += 1
            continue
        if i in s.ids:
            _close(s)  # "144. Mr D B Feldman (COPE-Gauteng) (p 77)—Defence ...": a question's id, its paragraph
            number, rest = s.ids[i]
            s.numbering.taken(w, w.label.levels, body)
            s.paragraphs.start(w, number, rest, ParagraphKind.PARAGRAPH, s.outline.number, s.outline.heading)
            s.id_item = s.paragraphs.open
            i += 1
            continue
        if s.id_item is not None:
            if s.paragraphs.open is s.id_item and ends_id_item(body, i):
                _close(s)  # "FRIDAY, 28 MARCH 2013" under question 37: the next day's title, not the question's
                in_paragraph = mid_sentence = False
            s.id_item = None if s.paragraphs.open is not s.id_item else s.id_item
        if i in s.records:
            _close(s)  # "908 SCIENCE AND ...: Tim Farron has withdrawn his name.": the item's record, its paragraph
            number, rest = s.records[i]
            s.paragraphs.start(w, number, rest, ParagraphKind.PARAGRAPH, s.outline.number, s.outline.heading)
            i += 1
            continue
        if i in s.lead_items:
            _close(s)  # "a. For each year" under a letter's one numbered request: a paragraph, cited "1(a)"
            number, label, rest = s.lead_items[i]
            s.paragraphs.start(w, f"{number}({label})", rest, ParagraphKind.PARAGRAPH, s.outline.number,
                               s.outline.heading, label=label, parent=number)
            i += 1
            continue
        if i in s.cover:
            # the cover's recommendations, their heading and items: decisions, kept as text for recommendations
            numbered = w.label is not None and w.label.kind == "number"
            if s.front.open or numbered:
                _close(s)
            if numbered:
                s.cover_seen = True
                raw = w.text.strip()
                at = raw.rfind(w.label.rest) if w.label.rest else -1
                if at > 0 and not raw[at - 1].isspace():  # "1.Note the ...": the label set apart from its text
                    spaced = replace(w.line, text=f"{raw[:at]} {raw[at:]}")
                    w = WorkLine(spaced, w.index, w.label, w.gap_before, w.role, text=spaced.text)
            s.blocks.add_line(w, s.body)
            i += 1
            continue
        if s.rows is not None and w.index in s.rows.heads:
            _close(s)  # a minutes table's row: the item's number and heading head what its notes column says
            number, title = row_heading(w.text)
            s.outline.open(Heading(number, title or number, w.line.page, SectionKind.SECTION, None, 1),
                           s.numbering.section_opens(number, annex=False))
            i += 1
            after_heading = i
            continue
        if s.rows is not None and w.index in s.rows.subheads:
            _close(s)  # "Finance:" over its own lettered items in a minutes table's notes: it ends the item before
            s.blocks.add_line(w, s.body)
            i += 1
            continue
        if s.rows is not None and w.index in s.rows.items:
            _close(s)  # its lettered items in the notes column: the paragraphs, cited "FGB 103/2122(b)"
            number, letter, rest = s.rows.items[w.index]
            s.paragraphs.start(w, f"{number}({letter})" if number else letter, rest, ParagraphKind.PARAGRAPH,
                               s.outline.number, s.outline.heading, label=letter, parent=number)
            i += 1
            continue
        if w.index in s.adoption:
            if w.gap_before:
                _close(s)  # "ADOPTED this ____ day of _______ , 2022 ...": the form's sign-off, a block
            s.blocks.add_line(w, s.body)
            i += 1
            continue
        if _agenda_step(s, i):
            i += 1
            continue
        if i in s.decisions and s.decisions[i] is None:
            _close(s)  # the typed rule "______" under a case's decision: it closes the case
            i += 1
            continue
        if in_paragraph and s.decisions.get(i) is False:
            _add_line(s, w)  # a decision list's record: its fields and decision ("GRANTED") are its own (records.py)
            i += 1
            continue
        # a record's numbered line is its paragraph's start, never a numbered heading
        used = 0 if i in s.decisions else _heading_or_back_matter(s, i, in_paragraph, mid_sentence, i == after_heading)
        if used:
            i += used
            after_heading = i
            continue
        sub_provision = _sub_provision(s, w)
        if sub_provision is not None:
            ident, letter, rest, parent = sub_provision
            _close(s)  # "a. The Town Collector ..." spaced apart at the margin of "SECTION 5."'s prose: "Section 5(a)"
            s.paragraphs.start(w, ident, rest, ParagraphKind.PARAGRAPH, s.outline.number, s.outline.heading,
                               label=letter, parent=parent)
            i += 1
            continue
        if w.label is not None and w.label.kind != "part" or w.gap_before and s.provision is not None \
                and w.line.x0 < s.provision[1] - 2.0:
            s.provision = None  # (another label, or a block left of its margin: the provision's letters are over)
        item = s.items.step(body, i, s.outline.number, len(s.outline.sections), mid_sentence) if s.items else None
        if item is not None:
            _close(s)  # an outline's item (`A.`, `1.`, `a.` below each other): cited by its path, "I:A.1"
            if item.title:
                _add_line(s, w)  # a part's title over its items
                i += 1
                continue
            s.paragraphs.start(w, item.ident, item.rest, ParagraphKind.PARAGRAPH, s.outline.number,
                               s.outline.heading, label=item.label, parent=item.parent)
            i += 1
            continue
        step = _clause_step(s, i, mid_sentence, i == after_heading)
        if step is not None:
            if step.kind == "heading":
                after_heading = i + 1
            i += 1
            continue
        sub = _sub_item(s, w, mid_sentence)
        if sub is not None:
            ident, label, rest, parent = sub
            _close(s)  # "i. A sensitivity analysis ..." set in under "c. Some laboratories ...": "17(c)(i)"
            s.paragraphs.start(w, ident, rest, ParagraphKind.PARAGRAPH, s.outline.number, s.outline.heading,
                               label=label, parent=parent)
            s.sub_item = (parent, label, w.line.x0)
            i += 1
            continue
        # "2. Reduce ..." under "1. Improve ...", set in inside "1.1 ... three priorities:": a list item, never a start
        start = None if _next_list_item(s, w) or _list_of_letter(s, w) or _numeric_row(body, i) else \
            s.numbering.paragraph_start(body, i, s.outline.levels, in_paragraph, mid_sentence)
        # under an unnumbered heading, after the text that introduces them, lettered sentences are paragraphs too
        # ("General principles" / "... have emerged:" / "a. The Council will ..."), cited with the heading
        intro = not in_paragraph and s.outline.number is None and s.outline.heading is not None \
            and _after_intro(body, i, after_heading)
        by_heading = s.outline.number is None and s.outline.heading is not None and (
            intro or s.numbering.letters.section == s.outline.heading)
        hung = s.numbering.letters.paragraph  # lettered rules under a numbered lead-in paragraph ("11.1 ... follows:")
        lettered = None if start is not None else s.numbering.letters.start(
            body, i, hung or (s.outline.heading if by_heading else s.outline.number),
            hung is not None or s.numbering.heading_since_last and (intro or _right_under(body, i, after_heading)
                                                                    or _after_whole_lead(body, i, after_heading)
                                                                    or _after_ended_intro(body, i, after_heading)
                                                                    or i - after_heading <= 2
                                                                    and _after_intro(body, i, after_heading)
                                                                    and not _FINISHED_BY_ITEMS.search(body[i - 1].text)
                                                                    and s.numbering.letters.sentences_follow(body, i)
                                                                    or _clause_items(s, i, after_heading)),
            mid_sentence)
        if lettered is not None and by_heading and hung is None:
            lettered = (f"{s.outline.heading} {lettered[1]}", lettered[1], lettered[2])
        if start is None and lettered is None and hung is None and s.paragraphs.open is not None \
                and s.paragraphs.open.kind is ParagraphKind.PARAGRAPH and len(s.paragraphs.open.pieces) == 1 \
                and _lead_in_lines(s.paragraphs.open.pieces[0]) and not s.paragraphs.open.tail \
                and s.paragraphs.open.label is None:  # a lead-in of a line or three, never a long paragraph's
            lettered = s.numbering.letters.start_under(body, i, s.paragraphs.open.number,
                                                       " ".join(s.paragraphs.open.pieces[0]))
            hung = s.numbering.letters.paragraph
        if start is None and lettered is None and not in_paragraph and w.label is not None and w.label.kind == "part" \
                and i > 0 and body[i - 1].text.rstrip().endswith(":"):
            # "That Council approve ... as follows:" / "a) That ...", "b) That ...": a motion's lettered resolutions
            # under unnumbered text, cited by the heading above, or the motion's place among the paper's
            key = s.outline.heading or s.outline.number or f"motion {s.motions + 1}"
            lettered = s.numbering.letters.start_after_lead(body, i, key)
            if lettered is not None:
                s.motions += 1
                hung = s.numbering.letters.paragraph
                s.motion_keys.add(key)
        free = start is None and lettered is None  # nothing numbered or lettered starts here
        # ... after a gap: the closings below that need one (each asks w.gap_before first) are asked only then
        apart = free and w.gap_before
        reference = None
        if free and s.outline.number is not None and not mid_sentence \
                and (w.label is None or w.label.kind == "number"):
            reference = reference_label(w.text)
            if reference is not None and i > 0 and w.line.x0 > body[i - 1].line.x0 + 2:
                reference = None  # set in: an item inside the entry before, not an entry
        if free and s.headed and i == after_heading and not in_paragraph \
                and s.outline.sections and s.outline.sections[-1].number is not None \
                and clause_prose(body, i, s.outline.number):
            _close(s)  # "3.2. Senior Treasurer" / "The senior treasurer shall be ...": the clause, cited "3.2"
            s.paragraphs.start(w, s.outline.number, w.text.strip(), ParagraphKind.PARAGRAPH, s.outline.number,
                               s.outline.heading)
            s.headed_open = s.paragraphs.open
        elif reference is not None:
            _close(s)  # "5vii) With regard to ...": a matters-arising entry, cited by its section and the reference
            label, rest = reference
            s.paragraphs.start(w, f"{s.outline.number}({label})", rest, ParagraphKind.PARAGRAPH, s.outline.number,
                               s.outline.heading, label=label, parent=s.outline.number)
        elif i in s.amendments and free and s.outline.number is not None:
            _close(s)  # an amendment to the item: cited by the item's number and its tag, "1083(a1)"
            tag = s.amendments[i]
            s.paragraphs.start(w, f"{s.outline.number}({tag})", w.text.strip(), ParagraphKind.PARAGRAPH,
                               s.outline.number, s.outline.heading, label=tag, parent=s.outline.number)
        elif s.item is not None and not in_paragraph and item_text_starts(body, i):
            _close(s)  # the item's prose, under its title and names: the paragraph cited by the item's number
            s.paragraphs.start(w, s.item, w.text.strip(), ParagraphKind.PARAGRAPH, s.outline.number,
                               s.outline.heading)
            s.item = None
        elif s.register and in_paragraph and not mid_sentence and w.gap_before and w.label is None \
                and s.paragraphs.open is not None and s.paragraphs.open.section in _item_numbers(s):
            _close(s)  # after an item's prose: an amendment's preamble, not the motion's words
            _add_line(s, w)
        elif free and _motion_ends(s, i, mid_sentence):
            _close(s)  # "Carried" at the letters' margin after the last resolution: the minute's, not the item's
            _add_line(s, w)
        elif free and in_paragraph and _decision_record(s, w):
            _close(s)  # "(1) R/54/42G - Householder planning permission ..." / "RESOLVED: That the Council had no
            _add_line(s, w)  # objection ...": the minute's decision on the item, not the item's text
        elif apart and in_paragraph and not mid_sentence and _bold_record(s, w):
            _close(s)  # "Action: WM to circulate ..." in bold after the minute's text: a record, not its text
            _add_line(s, w)
        elif apart and in_paragraph and (_no_words(w.text) or _end_mark(w.text)):
            _close(s)  # "//" or "* * *" set apart after the paragraph: a filler or a break, never its text
            _add_line(s, w)
        elif apart and _out_of_box(s, w, mid_sentence):
            _close(s)  # the drawn box the paragraph was printed in ended: what follows is not its text
            _add_line(s, w)
        elif apart and _back_cover(s, w, in_paragraph):
            _close(s)  # "Recent Marine Occurrence Reports published by" centred on the back cover, pages after the
            _add_line(s, w)  # last paragraph: never its text, whether or not its last sentence ended
        elif apart and _after_outline_item(s, w, in_paragraph):
            _close(s)  # back at an outline item's letter after a gap ("E. All other organizations" / "Reservations
            _add_line(s, w)  # are not accepted ..."): the part's own prose after its list, not the item's
        elif apart and _outdented_after(s, w, in_paragraph, mid_sentence):
            _close(s)  # back at the number's margin after a gap, with no number: not this paragraph's text
            _add_line(s, w)
        elif apart and _after_item_record(s, w, in_paragraph, mid_sentence):
            _close(s)  # "(12-105) Recommendation to ..." / "The City Manager gave a presentation.": the debate
            _add_line(s, w)
        elif apart and _signed_off(s, w, in_paragraph, mid_sentence):
            _close(s)  # "9. There being no further business ... 6:15 p.m." / "Respectfully submitted,": the sign-off
            _add_line(s, w)
        elif apart and _aside_after(s, w, in_paragraph, mid_sentence):
            _close(s)  # "(Financial Services have been consulted in the preparation of this report.)" set flush
            _add_line(s, w)  # right under the paragraph: a note on the report, not the paragraph's words
        elif apart and _unnumbered_after(s, i, in_paragraph, mid_sentence):
            _close(s)  # a block of its own after a paragraph that ended: unnumbered prose, not the paragraph's text
            _add_line(s, w)
        elif free and _left_of_paragraph(s, i, in_paragraph, mid_sentence):
            _close(s)  # after a gap, left of every line of a paragraph that ended: a closing line, not its text
            _add_line(s, w)
        elif free and _unindented_after(s, w, in_paragraph):
            _close(s)  # at the wrap margin after a paragraph that ended, where paragraphs open indented
            _add_line(s, w)
        elif free and _next_subparagraph(s, w):
            base, k = s.sub_series  # type: ignore[misc]
            _close(s)
            s.paragraphs.start(w, f"{base}({k + 1})", w.text.strip(), ParagraphKind.PARAGRAPH, s.outline.number,
                               s.outline.heading, label=str(k + 1), parent=base)
            s.sub_series = (base, k + 1)
        elif start is not None:
            number, kind = start
            _close(s)
            printed = w.label.number
            if kind is ParagraphKind.PARAGRAPH and number != printed and number.endswith("." + printed):
                # an annex's restarted numbering qualified ("A.1" for the "1." printed in Annex A): the label is
                # the number as printed
                s.paragraphs.start(w, number, w.label.rest, kind, s.outline.number, s.outline.heading,
                                   label=printed, parent=number[: -len(printed) - 1])
            elif kind is ParagraphKind.PARAGRAPH and number.endswith(f"({printed})"):
                # a list numbered inside an identified item ("1." under "R2026-17 ..."): "R2026-17(1)"
                s.paragraphs.start(w, number, w.label.rest, kind, s.outline.number, s.outline.heading,
                                   label=printed, parent=number[: -len(printed) - 2])
            else:
                s.paragraphs.start(w, number, w.label.rest, kind, s.outline.number, s.outline.heading)
            # "6.—(1) You must-": the (2), (3) that follow are its sub-paragraphs, cited 6(2), 6(3)
            # (a statute set with marginal notes keeps its subsections inside the section: `margins`)
            s.sub_series = (number, 1) if re.match(r"\(1\)\s", w.label.rest) and not s.clauses.off else None
        elif lettered is not None:
            ident, letter, rest = lettered
            _close(s)
            both = _two_letters(w.text, letter, rest)
            if both is not None:  # "f) Road repairs and g) wheelie bins to be removed.": two items on one line
                rest, second, second_rest = both
            s.paragraphs.start(w, ident, rest, ParagraphKind.PARAGRAPH, s.outline.number, s.outline.heading,
                               label=letter, parent=hung or s.outline.number)
            s.motion_item = (s.paragraphs.open, w.line.x0, None) if hung in s.motion_keys else None
            if both is not None:
                bracketed = ident.endswith(f"({letter})")  # "6(f)", or "Background f" under an unnumbered heading
                second_ident = ident[: len(ident) - len(letter) - 2 * bracketed] + (f"({second})" if bracketed
                                                                                    else second)
                s.paragraphs.start(w, second_ident, second_rest, ParagraphKind.PARAGRAPH, s.outline.number,
                                   s.outline.heading, label=second, parent=hung or s.outline.number)
                s.numbering.letters.last = second
        elif w.gap_before and w.label is not None and w.label.kind == "number" and s.numbering.smaller_type(w, body) \
                and not _quoted_number(s, w):
            _close(s)  # a numbered note in smaller type (a footnote the notes pass left): not the paragraph's text
            _add_line(s, w)
        elif s.outline.in_annex and s.numbering.repeated_question(w.label):
            s.paragraphs.close()
            s.questions.start(w, w.label)
        else:
            _add_line(s, w)
        i += 1
    _close(s)
    s.references.close(s.metadata)
    s.questions.close(s.metadata, body)


def _agenda_step(s: _State, i: int) -> bool:
    """Line i opens an agenda's item, or is set in under the open item (its title, text, recommendation): the item
    is the paragraph its label cites, its lines its text, however much they look like headings (agenda.py)."""
    w = s.body[i]
    if i in s.agenda.heads:
        _close(s)  # "CONSENT CALENDAR", "Student Appointment(s):": the title of the items set in under it
        lab = w.label
        if lab is not None and lab.kind == "number":  # "1. Establish Budgets" over its lettered items
            s.outline.open(Heading(lab.number, lab.rest.strip(), w.line.page, SectionKind.SECTION, lab.levels, 1),
                           s.numbering.section_opens(lab.number, annex=False))
        else:
            s.outline.open(Heading(None, w.text.strip(), w.line.page, SectionKind.SECTION, None, 1),
                           s.numbering.section_opens(None, annex=False))
        s.agenda_x = None
        return True
    item = s.agenda.items.get(i)
    if item is not None:
        _close(s)
        s.paragraphs.start(w, item.ident, item.rest, ParagraphKind.PARAGRAPH, s.outline.number, s.outline.heading,
                           label=item.label if item.label != item.ident else None, parent=item.parent)
        s.agenda_x, s.agenda_size, s.agenda_link = w.line.x0, w.line.size, None
        if item.label.isdigit():
            s.numbering.taken(w, (int(item.label),), s.body)
        return True
    p = s.paragraphs.open
    if s.agenda_x is None or p is None:
        s.agenda_x = None
        return False
    if inside_item(s.body, i, s.agenda_x):
        if i in s.agenda.names:
            s.blocks.add_line(w, s.body)  # the roll call's names: a list under the item, not its text
            s.blocks.flush(s.body)
            return True
        last = p.tail or (p.pieces[-1] if p.pieces else [])
        ended = bool(last) and bool(SENTENCE_END.search(last[-1].rstrip()))
        margins = [ln.x0 for ln in p.read_lines[1:]]
        if link_line(s.body, i, s.agenda_size, ended, margins) or (
                s.agenda_link is not None and link_runs_on(s.body, i, s.agenda_link)):
            s.blocks.add_line(w, s.body)  # a link to the item's papers, a dashed rule: set apart, not its text
            s.blocks.flush(s.body)
            s.agenda_link = i
        else:
            s.paragraphs.add_line(w, s.body)
        return True
    if w.line.x0 < s.agenda_x - 4:
        _close(s)  # left of the item's label: a heading over the next items, never the item's text
    s.agenda_x = None
    return False


def _clause_step(s: _State, i: int, mid_sentence: bool, after_heading: bool) -> Optional[Step]:
    """Line i opens a sub-clause paragraph, heads a clause or sub-clause, or ends the open sub-clause
    (clauses.py); what it did, or None."""
    if s.clauses is None:
        return None
    step = s.clauses.step(s.body, i, s.outline, s.paragraphs.open, mid_sentence, after_heading)
    if step is None:
        return None
    w = s.body[i]
    if step.kind == "close":
        _close(s)
        _add_line(s, w)
    elif step.kind == "heading":
        _close(s)
        s.outline.open(Heading(step.ident, step.text, w.line.page, SectionKind.SECTION, step.levels, 1),
                       s.numbering.section_opens(step.ident, annex=False))
    else:
        _close(s)
        s.paragraphs.start(w, step.ident, step.text, ParagraphKind.PARAGRAPH, s.outline.number, s.outline.heading,
                           label=step.label, parent=step.parent)
        s.clauses.opened(s.paragraphs.open)
    return step


def _sub_item(s: _State, w: WorkLine, mid_sentence: bool) -> Optional[tuple[str, str, str, str]]:
    """A roman sub-paragraph of a lettered paragraph: "i. A sensitivity analysis of the Imperial study produced ..."
    set in beyond the letter's margin after "c. Some laboratories only report SGTF if ... applied to non-SGTF positive
    samples." (the letters under "17. There are potential limitations in these datasets:").  Where the letter's own
    text has ended and the item is a sentence of its own, the item is the document's next paragraph level, cited by
    the letter's id and its numeral ("17(c)(i)"), as the letters are by their number's; a roman item that finishes
    the letter's sentence ("... as follows:" / "i) ...;") stays its part.  (id, label, text, parent id), or None."""
    p = s.paragraphs.open
    if mid_sentence or p is None or p.label is None or w.text.lstrip()[:1] not in "(ivx":
        return None
    goes_on = s.sub_item is not None and p.number == f"{s.sub_item[0]}({s.sub_item[1]})"  # "ii." after "i."
    if not goes_on and (len(p.label) != 1 or not p.label.isalpha() or not p.number.endswith(f"({p.label})")
                        or len(p.pieces) != 1):
        return None
    got = letter_label(w.text)
    if got is None or not re.fullmatch(r"[ivx]+", got[0]):
        return None
    label, rest = got
    if goes_on:
        parent, last, x = s.sub_item  # type: ignore[misc]
        if abs(w.line.x0 - x) > 3 or _roman_next(last) != label:
            return None
    else:
        parent = p.number
        if label != "i" or w.line.x0 <= p.x_text + 3:
            return None
    if not rest[:1].isupper() or len(rest.split()) < 5 \
            or not re.search(r"[.!?][\"'”’)]*$", " ".join(p.pieces[-1]).rstrip()):
        return None
    return f"{parent}({label})", label, rest, parent


def _roman_next(label: str) -> str:
    values = ["i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x", "xi", "xii"]
    return values[values.index(label) + 1] if label in values[:-1] else ""


def _lead_in_lines(lines: list[str]) -> bool:
    """Short enough to be a lead-in: a line or three, or up to eight that end introducing what follows (a letter's
    paragraph that sets out its conditions, then "... shall be addressed as follows:")."""
    return len(lines) <= 3 or len(lines) <= 8 and bool(lines) and lines[-1].rstrip().endswith(":")


def _two_letters(text: str, letter: str, rest: str) -> Optional[tuple[str, str, str]]:
    """A lettered line that prints the next letter too, in its own brackets after a space ("f) Road repairs and g)
    wheelie bins to be removed."): the first item's text, the second letter, and the second item's text."""
    if len(letter) != 1 or not letter.isalpha() or letter == "z":
        return None
    nxt = chr(ord(letter) + 1)
    head = text.lstrip()
    if head.startswith(f"({letter})"):
        mark = rf"\({nxt}\)"
    elif head.startswith(f"{letter})"):
        mark = rf"(?<!\(){nxt}\)"
    else:
        return None  # "g. " inside a sentence may be an initial or an abbreviation's end; only brackets are read
    m = re.search(rf"(?<=\s){mark}\s*(?=\S)", rest)
    if m is None or not rest[: m.start()].strip():
        return None
    return rest[: m.start()].strip(), nxt, rest[m.end():].strip()


_DECISION = re.compile(r"(?:FURTHER\s+)?(?:RESOLVED|AGREED)\b\s*(?:[:–—-]|that\b|to\b|That\b|To\b)")
# what became of the item, in capitals after a gap: "TABLED, because of concerns including ..." under "3. Enforcement
# of licensed sightseeing guide requirement for tour buses - Resolution"
_OUTCOME = re.compile(r"(?:TABLED|DEFERRED|WITHDRAWN|POSTPONED|CARRIED|DEFEATED|REJECTED)\b\s*[,:.;–—-]")


def _motion_ends(s: _State, i: int, mid_sentence: bool) -> bool:
    """Line i, unlabelled, ends the open lettered resolution of a motion: after its sentence ended, set apart, or
    left of the item's wrapped lines ("Carried" at the letters' margin), or at the letters' margin under an item of
    one line.  Before that, a line of the item: the first one wrapped gives the item's margin."""
    got = s.motion_item
    p = s.paragraphs.open
    if got is None or p is None or p is not got[0]:
        return False
    w = s.body[i]
    _, x, wrap = got
    tol = max(3.0, 0.3 * (w.line.size or 10))
    if not mid_sentence and (w.gap_before or (w.line.x0 < wrap - tol if wrap is not None else w.line.x0 <= x + tol)):
        s.motion_item = None
        return True
    if wrap is None:
        s.motion_item = (got[0], x, w.line.x0)
    return False


def _decision_record(s: _State, w: WorkLine) -> bool:
    """A line opening with a minute's decision in capitals ("RESOLVED: That ...", "FURTHER RESOLVED: ...", "AGREED
    that ..."), at or left of the text margin of the open paragraph, an item under a minute (a numbered or lettered
    entry cited with it, "7(1)", or an identified item): the minute's decision on the item, not the item's words.
    After a gap, what became of any numbered item ("TABLED, because of concerns ...") is its record too."""
    p = s.paragraphs.open
    if p is None or w.label is not None or p.kind is not ParagraphKind.PARAGRAPH:
        return False
    if not (w.gap_before and _OUTCOME.match(w.text.lstrip())) and (
            p.label is None and p.number != s.numbering.item_id or not _DECISION.match(w.text.lstrip())):
        return False
    return w.line.x0 <= p.x_text + 2 or w.line.x0 <= p.bbox[0] + 2


def _bold_record(s: _State, w: WorkLine) -> bool:
    """A bold line after a gap that opens with a word and a colon ("Action: WM to circulate ...", "Agreed: ..."),
    under a paragraph in body type that ended: the minutes' record of an action or a decision, not the text."""
    p = s.paragraphs.open
    if p is None or p.last_line is None or not w.gap_before or w.label is not None or not (
            w.line.bold and s.body.bold_marks) or p.last_line.bold:
        return False
    return bool(re.match(r"[A-Z][a-z]+(?: [a-z]+)?:\s+\S", w.text.strip()))


def _no_words(text: str) -> bool:
    """A line without a letter or a digit ("//", "* * *", "______")."""
    return bool(text.strip()) and not any(c.isalnum() for c in text)


_END_MARK = re.compile(r"[(\[]?\s*(?:[-–—*]+\s*)?(?i:end\b)[^.;:!?]{0,40}[)\]]?\s*(?:[-–—*]+)?$")


def _end_mark(text: str) -> bool:
    """A line that marks the end of the paper or its part, set apart in brackets, dashes or capitals ("(End of
    By-laws)", "- END -", "[End of document]", "END OF REPORT"); not a sentence opening "End of life care ..." """
    t = text.strip()
    return (t[:1] in "([-–—*" or t.isupper()) and len(t.split()) <= 6 and bool(_END_MARK.match(t))


def _out_of_box(s: _State, w: WorkLine, mid_sentence: bool) -> bool:
    """The open paragraph was printed inside a drawn box (a shaded or ruled frame around a quoted recommendation)
    and line w, after a gap, stands outside every box: the box ended the paragraph, and text set below it (a
    response, a comment) is not its continuation.  Over a page break a box goes on in the next page's box."""
    p = s.paragraphs.open
    if p is None or p.last_line is None or not p.last_line.box or w.line.box or mid_sentence or not w.gap_before:
        return False
    return not s.paragraphs.in_part() or w.line.x0 <= p.x_text + 2


def _prose_block(body, i: int) -> bool:
    """The block at line i (to the next gap) is prose: it ends a sentence, or runs on for more than ten words (a
    title after a figure, "Wire falls", does neither)."""
    j = i
    while j + 1 < len(body) and not body[j + 1].gap_before and body[j + 1].label is None:
        j += 1
    words = sum(len(body[k].text.split()) for k in range(i, j + 1))
    return words > 10 or bool(_STOPPED.search(body[j].text.rstrip()))


def _quoted_number(s: _State, w: WorkLine) -> bool:
    """Line w, numbered in smaller type and set in from the open paragraph's text, quotes a numbered passage the
    paragraph introduces ("... the Defence Technology Agency summarised as follows:" / "30. The wire rope was formed
    ...", "31. ..."): the quotation is the paragraph's text, its numbers the quoted paper's."""
    p = s.paragraphs.open
    if p is None or p.last_line is None or p.kind is not ParagraphKind.PARAGRAPH:
        return False
    margin = _text_margin(p) or p.x_text
    if w.line.x0 < margin + 8:
        return False
    last = p.tail or (p.pieces[-1] if p.pieces else [])
    introduced = bool(last) and last[-1].rstrip().endswith(":")
    quoting = abs(p.last_line.size - w.line.size) < 0.3 and p.last_line.x0 > margin + 8
    return introduced or quoting


def _back_cover(s: _State, w: WorkLine, in_paragraph: bool) -> bool:
    """Line w stands centred, after a gap, two pages or more after the open paragraph's last line (the pages between
    blank or figures): a back cover's or an end page's title, not the paragraph running on."""
    p = s.paragraphs.open
    return in_paragraph and p is not None and p.last_line is not None and w.gap_before and w.label is None \
        and w.line.page >= p.last_line.page + 2 and s.body.centred(w)


def _after_outline_item(s: _State, w: WorkLine, in_paragraph: bool) -> bool:
    """The open paragraph is an item of an outline (outline.py) whose text hangs from its letter, or a phrase on one
    line; line w, unlabelled, after a gap on the same page, stands back at the item's letter: the prose of the part
    the list is in, not the item's (its own second block is set at its text's margin)."""
    p = s.paragraphs.open
    if not (in_paragraph and w.gap_before and w.label is None and s.items is not None and s.items.mode) \
            or p is None or p.label is None or p.last_line is None or p.last_line.page != w.line.page \
            or abs(w.line.x0 - p.x_text) > 2 or s.paragraphs.in_part():
        return False
    margin = _text_margin(p)
    if margin is None:  # one line: a phrase ("All other organizations"), no sentence that could run on
        return not SENTENCE_END.search(p.last_line.text.rstrip()) and len(p.last_line.text.split()) <= 8
    return margin > p.x_text + 8


def _outdented_after(s: _State, w: WorkLine, in_paragraph: bool, mid_sentence: bool) -> bool:
    """Where numbered paragraphs hang (the text set in from the number), an unnumbered line after a gap, back at
    the number's margin, after a paragraph that ended, is not that paragraph's: a letter's "Yours sincerely", a
    closing note.  A paragraph's own second block is set at its text's margin."""
    p = s.paragraphs.open
    if not (in_paragraph and not mid_sentence and w.gap_before and w.label is None) or p is None:
        return False
    # where the paper as a whole does not hang its paragraphs, one that hangs its own text (its last line set in
    # from its number: "1. Election of Chair ..." / "Select a new Chair ...") ends as a hanging paragraph does
    hangs = s.body.hanging or (s.body.pdf and p.last_line is not None and len(p.lines) > 1
                               and p.last_line.x0 > p.x_text + max(6.0, 0.8 * (p.last_line.size or 10))
                               and letter_label(w.text) is None)  # "viii. Appropriate ...": its next item
    return hangs and w.line.x0 <= p.x_text + 2 and not s.paragraphs.in_part()


_PROVISION = re.compile(r"(?:Section|Article|Rule|Regulation|Clause|Bylaw) \d")
_STOPPED = re.compile(r"[.!?][\"'”’)\]]*$")
_LIST_ITEM = re.compile(r"\s*(?:\(?(?:[a-z]|[ivx]{1,4}|\d{1,2})[.)]|[•▪●◦■□➢✓\-–])\s")
_CAPITAL_ITEM = re.compile(r"\s*\(?[A-Z][.)]\s")  # "A. Legality – ...": an item when set in from its paragraph


def _small_note_under(p: OpenParagraph, w: WorkLine) -> bool:
    """Line w, in smaller type, is a note printed under the item p on its page: the item is a title that ended with
    no stop ("4. Approval of the agenda (ACTION)" / "Trustees may request to remove any items ..." in an agenda's
    small print) and the note is set in from the item's number.  A caption or a source line follows a paragraph
    that said something and ended."""
    last = p.tail or (p.pieces[-1] if p.pieces else [])
    return bool(last and p.read_lines and p.last_line is not None and p.last_line.page == w.line.page
                and len(p.read_lines) == 1 and not _STOPPED.search(last[-1].rstrip())
                and w.line.x0 > p.read_lines[0].x0 + 6)


def _unnumbered_after(s: _State, i: int, in_paragraph: bool, mid_sentence: bool) -> bool:
    """After a numbered paragraph whose last sentence ended, a new block on the same page (a gap above it), set no
    further in than the paragraph's text and opening a sentence of its own, is unnumbered prose between numbered
    paragraphs ("2.2 The first of these options ..." / "The second option would be ..."): a reader cites the
    number for its own block only.  An indented quotation, a list the paragraph introduces (":"), a sentence
    running on in lower case, text resuming after the paragraph's list, or a block over a page break stays the
    paragraph's."""
    p = s.paragraphs.open
    w = s.body[i]
    if p is not None and p is s.headed_open:
        return False  # a clause's prose in blocks under its title ("Candidates for ..." twice): all the clause's
    if p is not None and w.gap_before and w.label is None and _bare(p) and s.paragraphs.done \
            and _bare(s.paragraphs.done[-1]):
        return True  # list numbers running on alone below the text ("41", "42"), then a contact box: not their text
    if not (s.body.pdf and in_paragraph and not mid_sentence and w.gap_before and w.label is None) or p is None \
            or p.last_line is None or p.kind is not ParagraphKind.PARAGRAPH:
        return False
    if w.line.size and w.line.size < 0.85 * p.last_line.size and not _small_note_under(p, w):
        # in clearly smaller type, on this page or the next: a caption, a source line or a contact box ("for
        # further information, contact ..."), not its text nor its list's
        return True
    if i > 0 and i - 1 in s.figures:
        # the paragraph's text resumes after the figure set in it ("Figure 3" / "Since being fitted ..."), on its
        # page or the next; a title there ("Wire falls") is not its text
        return not (w.line.x0 >= (_text_margin(p) or p.x_text) - 2 and _prose_block(s.body, i))
    if p.last_line.page != w.line.page or s.paragraphs.in_part():
        return False
    if _PROVISION.match(p.number) and w.line.x0 >= p.bbox[0] - 2:
        # a provision labelled with its word ("SECTION 6: The Treasurer shall ..." / "All Trustees and the Director
        # ..."): a section of by-laws or a statute runs to the next section or heading, its second block its own
        return False
    if p.label is not None and p.label.isalpha() and p.read_lines and w.line.x0 > p.read_lines[0].x0 + 6 \
            and abs(w.line.x0 - (_text_margin(p) or p.x_text)) <= 4:
        # an item of a lettered list that hangs its text ("Council is recommended to approve: -" / "a) That the CBSO
        # be commissioned ..."), its explanation set under it at its text's margin, in from its letter ("The concert
        # programme would ..."): the list goes on at the next letter, and what comes between is the item's, not
        # prose between numbered paragraphs.  A line back at the letter's margin closes the list ("As there was no
        # further business ...")
        return False
    if all(ln.bold for ln in p.read_lines) and not w.line.bold and w.line.x0 > p.x_text + 2:
        # "8. United Nations Convention ... (UNCRPD)." in bold, then its text set in under it: a lead-in
        return False
    if any(_LIST_ITEM.match(ln.text) or _CAPITAL_ITEM.match(ln.text) and ln.x0 > p.read_lines[0].x0 + 6
           for ln in p.read_lines[1:]) and s.numbering.item_id != p.number:
        return False  # "a. 58 are ..." / "b. 72 are ..." / "The makeup of these sites ...": it resumes after its list
        # (an identified item's record, "(12-105) ... (1) (a) ... (2) ...", is all of its text: minuted debate
        # follows it, set apart)
    last = p.tail or (p.pieces[-1] if p.pieces else [])
    if not last or not _STOPPED.search(last[-1].rstrip()):
        return False
    first = w.text.lstrip()[:1]
    if first in "*†" and w.text.lstrip()[1:2].isupper():
        first = w.text.lstrip()[1:2]  # "*NOTE: Revisions to the original RFQ were made on ...": a starred note
    if not (first.isupper() or first.isdigit()):
        return False
    margin = _text_margin(p)
    if w.line.x0 > (p.x_text if margin is None else margin) + 2:
        return False  # set in further: a quotation, a note under the paragraph (a one-line one: at its number)
    body, j = s.body, i
    while j + 1 < len(body) and not body[j + 1].gap_before and body[j + 1].label is None:
        j += 1
    if _spaced_closer(body, w, p):
        return False  # "1. Committee Members Present were: ..." / "Apologies were received from: ...": its own
    if body[j].text.rstrip().endswith(":") and j + 1 < len(body) and body[j + 1].line.x0 > w.line.x0 + 2 \
            and (letter_label(body[j + 1].text) is not None or _LIST_ITEM.match(body[j + 1].text)):
        return False  # "It shall be the duty ... Those matters are:" / "a) the manner ...": a list's lead-in, its own
    # a block running on over the page break ("... together with" / "any other consents ..."): a paragraph's own
    # second block as often as a new one, and the page hides which; it stays the paragraph's
    return not (j + 1 < len(body) and body[j + 1].line.page != w.line.page and not _STOPPED.search(body[j].text.rstrip()))


def _after_item_record(s: _State, w: WorkLine, in_paragraph: bool, mid_sentence: bool) -> bool:
    """The open paragraph is an item of an identified series ("(12-105) Recommendation to ...", "R2026-20 ...":
    itemids.py), the record of the item in one block, and line w opens a new block after a gap, not set in from
    the item's text: the minuted debate, the vote or a note that follows the item, not its text.  Over a page
    break the item goes on unless its sentence ended."""
    p = s.paragraphs.open
    if not (in_paragraph and w.gap_before and w.label is None) or p is None or p.last_line is None \
            or p.number != s.numbering.item_id or p.kind is not ParagraphKind.PARAGRAPH or _bare(p):
        return False  # (the identifier alone over a gap, "Resolution 2024-17" / "Moved by ...": its text to come)
    if p.last_line.page != w.line.page and mid_sentence:
        return False
    if not (w.text.lstrip()[:1].isupper() or w.text.lstrip()[:1] in "[(*“\"'‘"):
        return False
    if w.line.x0 <= p.x_text + 2 or w.line.x0 <= p.bbox[0] + 2:
        return True
    # set in (a signature's "Mayor:", a note): after an item whose last sentence ended with a full stop, not after
    # one that introduces what is set in under it ("... as follows:")
    last = p.tail or (p.pieces[-1] if p.pieces else [])
    return bool(last) and bool(_STOPPED.search(last[-1].rstrip()))


def _signed_off(s: _State, w: WorkLine, in_paragraph: bool, mid_sentence: bool) -> bool:
    """After a numbered paragraph whose last sentence ended with a full stop, a short line after a gap set out in the
    right half of the page, far in from the paragraph's text ("Respectfully submitted," / "Karen Willis", a
    signature's "Mayor:"): the paper's sign-off, not the paragraph's words."""
    p = s.paragraphs.open
    if not (s.body.pdf and in_paragraph and not mid_sentence and w.gap_before and w.label is None) or p is None \
            or p.kind is not ParagraphKind.PARAGRAPH or not w.line.page_width:
        return False
    size = w.line.size or 10
    if w.line.x0 < 0.45 * w.line.page_width or w.line.x0 < p.x_text + 6 * size or len(w.text.split()) > 8:
        return False
    last = p.tail or (p.pieces[-1] if p.pieces else [])
    return bool(last) and bool(_STOPPED.search(last[-1].rstrip()))


def _aside_after(s: _State, w: WorkLine, in_paragraph: bool, mid_sentence: bool) -> bool:
    """After a numbered paragraph whose last sentence ended, a line after a gap wholly in brackets and set flush right,
    its start far in from the paragraph's text ("(Financial Services have been consulted in the preparation of this
    report.)", a council report's note under each implications section): an aside, not the paragraph's words."""
    p = s.paragraphs.open
    if not (s.body.pdf and in_paragraph and not mid_sentence and w.gap_before and w.label is None) or p is None \
            or p.kind is not ParagraphKind.PARAGRAPH:
        return False
    t = w.text.strip()
    if not (t.startswith("(") and t.endswith(")") and t.count("(") == t.count(")")) or len(t.split()) > 25:
        return False
    size = w.line.size or 10
    if w.line.x0 < p.x_text + 3 * size or not s.body.full_line(w.line):
        return False
    last = p.tail or (p.pieces[-1] if p.pieces else [])
    return bool(last) and bool(_STOPPED.search(last[-1].rstrip()))


def _spaced_closer(body, w: WorkLine, p: OpenParagraph) -> bool:
    """The block at w is set clearly closer under the open paragraph (top to top) than the paper sets its numbered
    paragraphs apart (the median over the paper, each from the line above it on its page): a space between the
    paragraph's own blocks, not between paragraphs (Broomhill's minutes: 15.8 points against 19.6).  Where the two
    spaces are the same (Coventry: "2.2 ..." / "The second option would be ..."), the page does not say."""
    if p.last_line is None or w.line.page != p.last_line.page:
        return False
    gaps = getattr(body, "_paragraph_gaps", None)
    if gaps is None:
        gaps = []
        for k in range(1, len(body)):
            a, b = body[k - 1], body[k]
            if b.label is not None and b.label.kind == "number" and b.gap_before and a.line.page == b.line.page \
                    and b.line.top > a.line.top:
                gaps.append(b.line.top - a.line.top)
        gaps.sort()
        body._paragraph_gaps = gaps  # type: ignore[attr-defined]
    if len(gaps) < 3:
        return False
    below = w.line.top - p.last_line.top
    return 0 < below < 0.85 * gaps[len(gaps) // 2]


_ITEM_NUMBER = re.compile(r"\s*(\d{1,2})[.)]\s")


def _list_of_letter(s: _State, w: WorkLine) -> bool:
    """Line w opens a numbered list ("1.") set in beyond the text of the open lettered paragraph, whose last line
    introduces it ("(b) ... issued an advisory notice No. 02/2011 which recommended:" / "that each operating line:" /
    "1. Inspects all lifeboat ..."): the letter's own list, its parts, not a new series of paragraphs."""
    p = s.paragraphs.open
    lab = w.label
    if p is None or lab is None or lab.kind != "number" or lab.levels != (1,) or not p.label \
            or not p.label.isalpha() or w.line.x0 < p.x_text + 8 or p.last_line is None:
        return False
    last = p.tail or (p.pieces[-1] if p.pieces else [])
    return bool(last) and last[-1].rstrip().endswith(":") and p.last_line.page in (w.line.page, w.line.page - 1)


def _next_list_item(s: _State, w: WorkLine) -> bool:
    """Line w carries the next number of a list set in inside the open paragraph: its item "k-1." stands at the
    same margin among the paragraph's own lines, clearly in from the paragraph's number ("1.1 The Council has three
    priorities:" / "1. Improve ..." / "2. Reduce ..."), so "2." numbers a list item, not the next paragraph."""
    p = s.paragraphs.open
    lab = w.label
    if p is None or lab is None or lab.kind != "number" or len(lab.levels) != 1 or lab.levels[0] < 2 \
            or w.line.x0 < p.x_text + 8:
        return False
    for ln in reversed(p.read_lines[1:]):
        m = _ITEM_NUMBER.match(ln.text)
        if m and abs(ln.x0 - w.line.x0) <= 2:
            return int(m.group(1)) == lab.levels[0] - 1
    return False


def _diagram_pages(body) -> set[int]:
    """Pages whose text stands in six or more drawn boxes, numbered steps in three of them or more: a flow chart
    summarising the steps the paper then sets out as paragraphs (the same numbers again), not the paragraphs."""
    if not body.pdf:
        return set()
    boxes: dict[int, set[int]] = {}
    numbered: dict[int, set[int]] = {}
    for w in body:
        if w.line.box:
            boxes.setdefault(w.line.page, set()).add(w.line.box)
            if w.label is not None and w.label.kind == "number":
                numbered.setdefault(w.line.page, set()).add(w.line.box)
    return {page for page, b in boxes.items() if len(b) >= 6 and len(numbered.get(page, ())) >= 3}


_NUMERIC_CELL = re.compile(r"[£$€]?\d[\d,./:%-]*$")


def _numeric_row(body, i: int) -> bool:
    """Line i is a row of a table whose first column numbers the rows, its next cell a figure or a date
    ("1 16/07/25 Final JR" under "Revision Revision date Details Authorized"), with a row like it right above or
    below at its margin: no sentence, so no paragraph."""
    w = body[i]
    if not body.pdf or w.label is None or w.label.kind != "number" or not _is_numeric_row(w):
        return False
    return any(0 <= j < len(body) and body[j].line.page == w.line.page and abs(body[j].line.x0 - w.line.x0) <= 2
               and body[j].label is not None and body[j].label.kind == "number" and _is_numeric_row(body[j])
               for j in (i - 1, i + 1))


def _is_numeric_row(w: WorkLine) -> bool:
    words = w.label.rest.split()
    return len(words) >= 2 and bool(_NUMERIC_CELL.match(words[0])) and not SENTENCE_END.search(w.text.rstrip())


def _bare(p: OpenParagraph) -> bool:
    """A number alone on its line with no text gathered under it."""
    return len(p.pieces) == 1 and not p.pieces[0] and not p.tail


def _text_margin(p: OpenParagraph) -> Optional[float]:
    """Where the open paragraph's wrapped lines start on its first page (None: it has none there)."""
    xs = [ln.x0 for ln in p.read_lines[1:] if ln.page == p.page]
    return min(xs) if xs else None


def _left_of_paragraph(s: _State, i: int, in_paragraph: bool, mid_sentence: bool) -> bool:
    """An unnumbered line after a gap, set clearly left of every line of the open paragraph, which ended: the
    minutes' closing line under an indented resolution ("There being no further business ..."), not its text; so
    too a line opening with a number that starts no paragraph (a letter's date, "1 July 2018")."""
    p = s.paragraphs.open
    w = s.body[i]
    if not (s.body.pdf and in_paragraph and (w.label is None or w.label.kind == "number" and not mid_sentence)) \
            or p is None or p.last_line is None \
            or s.paragraphs.in_part() or w.line.x0 >= p.bbox[0] - max(6.0, 0.8 * (w.line.size or 10)):
        return False
    if not mid_sentence and w.gap_before:
        return True  # on the same page or the next: a page break does not make it the paragraph's text
    # a short title out there, over the next numbered paragraph ("Viability" / "40. We note ..."), gap or not,
    # after a paragraph that ended without a stop ("... (Table para 385)")
    body = s.body
    nxt = body[i + 1] if i + 1 < len(body) else None
    return nxt is not None and nxt.label is not None and nxt.label.kind == "number" and len(w.text.split()) <= 6 \
        and w.text[:1].isupper() and not SENTENCE_END.search(w.text.rstrip()) and not w.text.rstrip().endswith(",") \
        and nxt.line.x0 >= p.bbox[0] - 2


def _unindented_after(s: _State, w: WorkLine, in_paragraph: bool) -> bool:
    """Where numbered paragraphs open with a first-line indent, a line at the wrap margin after the paragraph ended
    (a sentence's end on a line stopping short of the margin) is not its text, gap or not (a double-spaced paper
    sets none): another paragraph would open indented, so what follows unindented is a record or a list ("ADOPTED:
    June 15, 1987" / "Roll Call 87-2608" after the last rule)."""
    p = s.paragraphs.open
    if not (s.body.indented and in_paragraph and w.label is None) or p is None or s.paragraphs.in_part():
        return False
    last = p.tail or (p.pieces[-1] if p.pieces else [])
    if not last or not SENTENCE_END.search(last[-1]) or p.last_line is None or s.body.full_line(p.last_line):
        return False
    return w.line.x0 < p.x_text - 8 and w.line.page == p.last_line.page


def _item_numbers(s: _State) -> set[Optional[str]]:
    return {sec.number for sec in s.outline.sections if sec.number is not None}


def _next_subparagraph(s: _State, w: WorkLine) -> bool:
    """Line w starts the next bracketed sub-paragraph ("(2) You must comply ...") of a numbered paragraph that
    opened with "(1)": the statutory style of codes of conduct and standing orders, where (2) is cited as 6(2)."""
    if s.sub_series is None or s.paragraphs.open is None or w.label is None or w.label.kind != "part":
        return False
    return w.label.number.isdigit() and int(w.label.number) == s.sub_series[1] + 1 and w.text.lstrip().startswith("(")


# a lead-in whose sentence its items finish: "... the goals of the District are:" / "a. To make ...", "... shall
# include:", "... as follows:"; not one that sets the scene for provisions of their own ("At a public meeting
# properly called with appropriate notice and quorum present:" / "a. There must be a citation ...")
_FINISHED_BY_ITEMS = re.compile(r"(?i)\b(?:is|are|was|were|be|been|include|includes|including|follows|following|"
                                r"to|that|of|by|for|with|shall|will|must|may)\s*:\s*$|\bfollowing(?:\s+\w+){1,2}\s*:\s*$")


def _after_intro(body, i: int, after_heading: int) -> bool:
    """Line i comes after a heading and the few lines of one block that introduce a list ("... the following
    general principles have emerged:")."""
    if after_heading < 0 or not 0 < i - after_heading <= 4 or not body[i - 1].text.rstrip().endswith(":"):
        return False
    return all(not body[j].gap_before and body[j].label is None for j in range(after_heading + 1, i)) \
        and body[after_heading].label is None


def _clause_items(s: _State, i: int, after_heading: int) -> bool:
    """Line i opens lettered items under a constitution's clause title set in its text's type and the few lines
    of prose that lead into them ("6. Membership of the Society's Committee" / "... The Committee ... shall consist
    of:" / "a. A Chairman who will preside ..."): the clause's provisions, as its other clauses' letters are, even
    where they finish the lead-in's sentence."""
    return after_heading - 1 in s.titles and _after_intro(s.body, i, after_heading) \
        and s.numbering.letters.sentences_follow(s.body, i)


def _after_whole_lead(body, i: int, after_heading: int) -> bool:
    """Line i comes after a heading and one short block that introduces its items as a whole clause ("7. Planning
    Applications" / "The Council considered and responded to the planning applications listed below:" / "(1)
    R/54/42G - Householder planning permission ..."): the items are the minute's entries, not the end of a
    sentence the lead-in began ("The required parts of the development plan are:")."""
    if after_heading < 0 or not 0 < i - after_heading <= 3 or not whole_lead(body[i - 1].text):
        return False
    return all(not body[j].gap_before or j == after_heading for j in range(after_heading, i)) \
        and all(body[j].label is None for j in range(after_heading, i))


def _after_ended_intro(body, i: int, after_heading: int) -> bool:
    """Line i opens a list after a gap, under a heading and one short block of prose that ended with a full stop
    ("ARTICLE XV ETHICS STATEMENT FOR TRUSTEES" / "The Board subscribes to the following code of ethics, ... 1989." /
    "a. Trustees in the capacity of trust ..."): the intro says what follows and the sentence is over, so the
    lettered items are the heading's provisions, not the end of a sentence."""
    if after_heading < 0 or not 1 < i - after_heading <= 6 or not body[i].gap_before \
            or not re.search(r"\.[\"'”’)]*$", body[i - 1].text.rstrip()):
        return False  # (a question set in bold under the heading, "Does the Plan ... ?", is the heading's own)
    return all(body[j].label is None and (j == after_heading or not body[j].gap_before) and not body[j].line.bold
               for j in range(after_heading, i))


def _right_under(body, i: int, after_heading: int) -> bool:
    """Line i comes right under a heading: next to it, or after one short note ("See also standing order 20"),
    not after an introduction to a list ("The required parts of the development plan are:")."""
    if i == after_heading:
        return True
    if not after_heading < i <= after_heading + 4 or (i - after_heading > 1 and not body[i].gap_before):
        return False
    # a short note, or a few short lines set apart above it (a model code's "Full Council meetings ● / Committee
    # meetings ●" box of where the order applies): none a full line of text, none an introduction
    return all(not body.full_line(body[j].line) and not body[j].text.rstrip().endswith(":")
               for j in range(after_heading, i))


def _chapter_series(body: Body) -> set[int]:
    """The lines that open with a "Section N." / "Article N." label after a gap, set short (a title of a few
    words or none), in a paper that prints that series: three or more such labels of one word whose numbers
    mostly go up by one, at one margin.  Lines whose text runs on as a sentence are left to the provision and
    heading passes."""
    found: dict[str, list[int]] = {}
    for i in range(len(body)):
        lab = body[i].label
        if lab is not None and lab.kind == "chapter" and lab.word in ("Section", "Article") \
                and body[i].text.lstrip()[:len(lab.word)].capitalize() == lab.word and lab.number.isdigit():
            found.setdefault(lab.word, []).append(i)  # ("SECTION 2." in capitals too)
    out: set[int] = set()
    for word, idx in found.items():
        if len(idx) < 3:
            continue
        nums = [int(body[i].label.number) for i in idx]  # type: ignore[union-attr]
        ups = sum(1 for a, b in zip(nums, nums[1:]) if b == a + 1)
        if ups < max(2, 0.6 * (len(idx) - 1)):
            continue
        xs = sorted(body[i].line.x0 for i in idx)
        x = xs[len(xs) // 2]
        last = None
        for i in idx:
            w = body[i]
            rest = w.label.rest.strip()  # type: ignore[union-attr]
            n = int(w.label.number)  # type: ignore[union-attr]
            # at the series' margin, or a bare label ("Section 5." set in by a tab) that is the series' next number
            at = abs(w.line.x0 - x) <= max(2.0, 0.6 * (w.line.size or 0)) or (not rest and last is not None
                                                                               and n == last + 1)
            # (after a gap, or right under the chapter's heading: "CHAPTER II Town Meetings" / "SECTION 1.")
            under = i > 0 and body[i - 1].label is not None and body[i - 1].label.kind == "chapter" \
                and body[i - 1].label.word == "Chapter"
            if (w.gap_before or under) and at and len(rest.split()) <= 6 and not rest[:1].islower():
                out.add(i)
            last = n
    return out


_PROVISION_LETTER = re.compile(r"^([a-z])\.\s+(?=[A-Z“\"‘(])(.*)$", re.S)


def _sub_provision(s: _State, w: WorkLine) -> Optional[tuple[str, str, str, str]]:
    """Line w opens the next lettered provision ("a. The Town Collector ...", then "b.") of the open bare "SECTION
    5." provision: after a gap, at the margin of the provision's prose, the letters in order from "a", each a
    sentence.  Its id, letter, text and parent; None otherwise."""
    if s.provision is None or not w.gap_before or s.paragraphs.open is None:
        return None
    ident, x, last = s.provision
    m = _PROVISION_LETTER.match(w.text.lstrip())
    if m is None or abs(w.line.x0 - x) > 2.0 or m.group(1) != ("a" if last is None else chr(ord(last) + 1)):
        return None
    s.provision = (ident, x, m.group(1))
    return f"{ident}({m.group(1)})", m.group(1), m.group(2).strip(), ident


def _bare_over_prose(body: Body, i: int) -> bool:
    """Line i is a provision's label alone ("Section 5.") over the prose it numbers: the next line, on its page,
    unlabelled and unstyled, opens with a capital, right under the label or, after a gap, set in under it."""
    w = body[i]
    nxt = body[i + 1] if i + 1 < len(body) else None
    return not w.label.rest.strip() and nxt is not None and nxt.label is None \
        and (not nxt.gap_before or nxt.line.x0 > w.line.x0 + (w.line.size or 10.0)) \
        and nxt.line.page == w.line.page and nxt.text[:1].isupper() and not body.styled(nxt, nxt.text)


def _heading_or_back_matter(s: _State, i: int, in_paragraph: bool, mid_sentence: bool, after_heading: bool) -> int:
    """Start back matter or a section at line i; how many lines that took (0: neither starts here)."""
    w = s.body[i]
    if s.paragraphs.started or s.cover_seen:
        m = back_matter_label(w, s.body)
        if m is not None:
            _close(s)
            s.back.start(m, w)
            return 1
    if s.back.lists_appendix(w, s.body):
        return 1
    if i in s.register:
        number, title, used = title_lines(s.body, i)
        _close(s)
        s.outline.open(Heading(number, title, w.line.page, SectionKind.SECTION, (int(number),), used),
                       s.numbering.section_opens(number, annex=False))
        s.item = number
        return used
    lab = w.label
    if i in s.chapter_series and _bare_over_prose(s.body, i) and (
            not mid_sentence or w.gap_before and w.line.bold and s.body.big(w)):
        # (after a gap in larger bold type, a bare label ends the text above whatever its last line ended with: "...
        # (AG Approval July 28, 2011)" / "SECTION 5.")
        # a bare "Section 5." over the sentence it numbers ("The City of Rivergrove hereby adopts ..."): the
        # provision, cited "Section 5", as where the label runs on into its sentence on its own line; so too over a
        # gap where the sentence is set in under the label as a block of its own (a by-law's bold "SECTION 2." at
        # the margin, its text indented below it), however much the label looks like a heading
        _close(s)
        s.paragraphs.start(w, f"{lab.word} {lab.number}", "", ParagraphKind.PARAGRAPH, s.outline.number,
                           s.outline.heading)
        s.provision = (f"{lab.word} {lab.number}", s.body[i + 1].line.x0, None)
        return 1
    h = find_heading(s.body, i, s.outline, s.numbering, in_paragraph=in_paragraph, mid_sentence=mid_sentence,
                     in_title_block=s.front.open, after_heading=after_heading)
    if h is None and i in s.titles:
        h = Heading(lab.number, lab.rest.strip(), w.line.page, SectionKind.SECTION, lab.levels, 1)  # "1. Name"
    if h is None and i in s.chapter_series and not mid_sentence:
        # "Section 3. Public Record Requests." or a bare "Section 4." after a gap, in a paper that prints the
        # series: a heading, never the tail of the paragraph above
        h = Heading(lab.number, lab.rest.strip(), w.line.page, SectionKind.CHAPTER, None, 1)
    if h is None or h.number is None and h.size == 1 and w.label is None and _label_in_item(s, i):
        return 0
    series = s.numbering.letters.state()
    shown = s.numbering.section_opens(h.number, annex=h.kind is SectionKind.ANNEX)
    titled = letter_label(w.text) if h.number is None and (w.label is None or w.label.kind == "part") else None
    if titled is not None:
        s.numbering.letters.titled(series, titled[0])  # "e. Remembrance Poppies" over its prose, then "f. ..."
    _close(s)
    s.outline.open(h, shown)
    if i + h.size < len(s.body) and series_opens(s.body, i + h.size):
        s.body[i + h.size].gap_before = True  # a list set right under its title starts a block, gap or not
    marked = [x.line for x in s.body[i: i + h.size]]
    if any(ln.changes for ln in marked):  # a heading's tracked changes, placed in its text (a renamed heading)
        from dataclasses import replace

        from .tracked import place_changes

        s.outline.sections[-1] = replace(s.outline.sections[-1], changes=place_changes(marked, h.text))
    return h.size


def _label_in_item(s: _State, i: int) -> bool:
    """Line i, a short unnumbered title, stands at the hanging text margin of the open numbered item, set in from the
    item's number, with the item's text going on under it at that margin ("1) Governance based on ..." / "Response"
    / "There is broad consistent support ..."), a word or a few in bold over text in the text's weight: a label
    inside the item, not a heading of the paper ("SECOND READING: None" there is an agenda's next part)."""
    p, body = s.paragraphs.open, s.body
    if p is None or p.kind is not ParagraphKind.PARAGRAPH or len(p.read_lines) < 2 or i + 1 >= len(body):
        return False
    first, second = p.read_lines[0], p.read_lines[1]
    if second.page != first.page or second.x0 < p.x_text + 8.0:
        return False  # (no hanging indent: a title at the text's margin is the paper's own)
    w, nxt = body[i], body[i + 1]
    tol = max(3.0, 0.3 * (w.line.size or 10.0))
    return abs(w.line.x0 - second.x0) <= tol and abs(nxt.line.x0 - second.x0) <= tol and nxt.label is None \
        and len(w.text.split()) <= 4 and w.line.bold and not nxt.line.bold and ":" not in w.text


def _add_line(s: _State, w: WorkLine) -> None:
    """A line that starts nothing: it continues whatever is open."""
    if s.questions.take(w):
        return
    if s.paragraphs.open is not None and _display_formula(w.text):
        s.paragraphs.close()  # a displayed equation ("𝑆𝑖𝑡𝑒 𝑎𝑟𝑒𝑎 × ...") follows its paragraph, it is not part of it
        s.blocks.add_line(w, s.body)
    elif s.paragraphs.open is not None:
        s.paragraphs.add_line(w, s.body)
    elif s.back.open:
        s.back.add_line(w, s.body)
    elif s.front.open:
        s.front.add_line(w)
    else:
        s.blocks.add_line(w, s.body)


def _display_formula(text: str) -> bool:
    """A line set mostly in mathematical letters (U+1D400-1D7FF): an equation on its own line."""
    if text.isascii() or max(text) < "\U0001d400":  # nothing from the block at all (almost every line): no formula
        return False
    letters = [c for c in text if c.isalpha()]
    maths = sum(1 for c in letters if 0x1D400 <= ord(c) <= 0x1D7FF)
    return maths >= 3 and maths >= 0.6 * len(letters)


def _close(s: _State) -> None:
    """Close whatever is open: the paragraph, a repeated question, a text block, back matter, the title block."""
    s.paragraphs.close()
    s.questions.stop()
    s.blocks.flush(s.body)
    orphan = s.back.close(s.metadata, s.body)
    if orphan is not None:  # a back-matter label with nothing after it: its words stay, as text
        s.blocks.add_line(orphan, s.body)
        s.blocks.flush(s.body)
    s.front.close(s.metadata, s.blocks, s.body)

