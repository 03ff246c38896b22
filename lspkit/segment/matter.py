"""Front and back matter: the text around the body that becomes metadata rather than paragraphs.

Front matter is everything before the first heading or numbered paragraph:
"To:/From:/Subject:" lines, a cover table of the same ("Report to: | Cabinet"),
the council's name, the report's author, its date, and the title (the
largest, then boldest, type).  Running headers add a date, committee and
agenda item, and the PDF's own metadata a title and author when the page has
none.  Back matter starts at a label such as "Background papers" or
"Contact officer" once the body has begun, and runs until the next heading or
paragraph; an annex that repeats the body's questions is kept as metadata too.
What front matter cannot place stays as text blocks.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import replace
from typing import Any, Optional

from ..model import Block, Dropped, Paragraph, Reading, TableRegion
from .lines import Body, WorkLine, caps
from .numbering import Label
from .paragraphs import Blocks, join_lines

BACK_MATTER = re.compile(
    r"^(background papers?|background documents?|contact officers?|contact|further information|"
    r"list of background papers|enquiries|report authors|report author|relevant directors?|author|responses to|"
    r"send responses to|"
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
# the first day of a range whose last is the date matched: "14–21 August 2024", "3 - 5 May"
_RANGE_END = re.compile(r"\b\d{1,2}(?:st|nd|rd|th)?\s*[\u2013\u2014-]\s*$")
_MONTH_YEAR = re.compile(r"^(" + "|".join(_MONTHS) + r")\s+(\d{4})$", re.I)
_LISTS = ("appendices", "annexes", "list_of")  # back matter that lists the appendices rather than saying something


# ---------------------------------------------------------------- front matter


class FrontMatter:
    """The lines before the first heading or numbered paragraph, while the title block is open."""

    def __init__(self) -> None:
        self.open = True
        self.lines: list[WorkLine] = []

    def add_line(self, w: WorkLine) -> None:
        self.lines.append(w)

    def close(self, meta: dict[str, Any], blocks: Blocks, body: Body) -> None:
        """The body begins: title, author, date and To/From/Subject lines to metadata, the rest to blocks."""
        self.open = False
        if not self.lines:
            return
        lines = self.lines
        self.lines = []
        rest: list[WorkLine] = []
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
            if (re.search(r"\b(?:council|authority|borough|county)$", text, re.I) and len(text) < 60 and "council" not in meta
                    and len(text.split()) > 1):  # "COUNCIL" alone ends a title's line above it, it names no council
                meta["council"] = _tidy_case(text)
                continue
            rest.append(w)
        rest = _title(rest, meta, body)
        remaining: list[WorkLine] = []
        ranged = False  # the date read was the end of a meeting's dates ("14–21 August 2024")
        for w in rest:
            t = w.text.strip()
            d = _DATE.search(t)
            if d and ranged and len(t) < 60 and not _RANGE_END.search(t[: d.start()]):
                # a paper tabled at a session prints the session's dates under its venue, then its own date under
                # its code ("WCPFC-SC20-2024/SA-WP-01" / "5 August 2024"): the paper's date is its own
                meta["date"] = _iso_date(d.group(0))
                ranged = False
                remaining.append(w)
                continue
            if d and "date" not in meta and len(t) < 60:
                ranged = bool(_RANGE_END.search(t[: d.start()]))
                meta["date"] = _iso_date(d.group(0))
                before = t[: d.start()].strip(" ,–-")
                if ((caps(before) and re.search(r"\b(?:on|at|held|of)$", before, re.I)) or (before[:1].islower() and t.endswith("."))
                        or re.match(r"(?i)(?:draft\s+|unconfirmed\s+)?(?:minutes|notice)\s+of\b", before)
                        or (w is rest[0] and not caps(before) and re.search(r"(?i)\bmeeting\s+(?:on|of)\b", before))):
                    # "WROXTON VILLAGE HALL on 12th May 2025 at 7.00pm": a title's line that goes on (a venue and
                    # when), not the meeting a paper goes to; a sentence going on ("References are to" / "the
                    # officer's report, 27 June 2018.") keeps its words; so does the minutes' own line ("Minutes of a
                    # Meeting held on Tuesday 1 October 2019"), their title, and the page's first line naming the
                    # meeting ("Seventy-fifth SAGE meeting on COVID-19, 07th January 2021")
                    remaining.append(w)
                    continue
                if before and caps(before) and "to" not in meta:
                    meta["to"] = before.title()
                continue
            mm = _MONTH_YEAR.match(t)
            if mm and "date" not in meta:
                meta["date"] = f"{mm.group(2)}-{_MONTHS[mm.group(1).lower()]:02d}"
                continue
            remaining.append(w)
        if remaining and "subtitle" not in meta and "title" in meta:
            first = remaining[0]
            if first.line.size and first.line.size > body.size * 1.1:
                # a subtitle wrapped over lines of its size, with no gap between them, is one subtitle ("Response
                # to the Parliamentary and Health Service" / "Ombudsman's investigation")
                n = 1
                while (n < len(remaining) and not remaining[n].gap_before and remaining[n].line.page == first.line.page
                       and abs(remaining[n].line.size - first.line.size) <= 0.05 * first.line.size
                       and remaining[n].line.bold == first.line.bold):
                    n += 1
                meta["subtitle"] = " ".join(w.text.strip() for w in remaining[:n])
                remaining = remaining[n:]
        from .tracked import place_changes

        def block(group: list[str], marked: list) -> Block:
            text = join_lines(group, body.vocab)
            blocks.tops.append((marked[0].page, marked[0].top))  # where it stands, as `Blocks.flush` records it
            return Block(text=text, page=page, changes=place_changes(marked, text))

        group: list[str] = []
        marked: list = []  # the group's lines, for their tracked changes
        page = remaining[0].line.page if remaining else 1
        at = 0  # the group's first line in `remaining`: each block's lines are recorded, as `Blocks.flush` does
        for k, w in enumerate(remaining):
            if w.gap_before and group:
                blocks.indexes[len(blocks.done)] = [x.index for x in remaining[at:k]]
                blocks.done.append(block(group, marked))
                group, marked = [], []
                at = k
            if not group:
                page = w.line.page
            group.append(w.label.rest if w.label is not None and w.label.kind == "bullet" else w.text)
            marked.append(w.line)
        if group:
            blocks.indexes[len(blocks.done)] = [x.index for x in remaining[at:]]
            blocks.done.append(block(group, marked))


def _title(rest: list[WorkLine], meta: dict[str, Any], body: Body) -> list[WorkLine]:
    """The title: the largest (then boldest) type in the front matter.  The lines left over."""
    sized = [w for w in rest if w.line.size or w.line.bold]
    if not sized:
        return rest
    top = max((w.line.size, w.line.bold) for w in sized)

    def same(w: WorkLine) -> bool:  # loose boxes vary a little from glyph to glyph: sizes within 8%
        return w.line.bold == top[1] and abs(w.line.size - top[0]) <= 0.08 * max(top[0], 1.0)

    title_lines = []
    started = False
    for w in rest:
        if same(w) and (not started or not w.gap_before or w.line.size > body.size):
            title_lines.append(w)
            started = True
        elif started:
            break
    if title_lines and (top[0] > body.size or top[1]):
        title = " ".join(x.text for x in title_lines).strip()
        if "title" not in meta and not _DATE.search(title):
            meta["title"] = title
            return [w for w in rest if w not in title_lines]
    return rest


def front_tables(paragraphs: list[Paragraph], regions: list[TableRegion], meta: dict[str, Any]) -> list[Paragraph]:
    """A key-value table above the first paragraph ("Report to: | Cabinet") is front matter, not a table."""
    if not paragraphs or not regions:
        return paragraphs
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


def reading_metadata(meta: dict[str, Any], reading: Reading, dropped: list[Dropped]) -> None:
    """What the PDF's own metadata and the running headers add to the front matter."""
    meta_from_pdf = reading.metadata
    pdf_title = meta_from_pdf.get("title")
    if pdf_title and not _generic_title(pdf_title):
        if "title" not in meta:
            meta["title"] = pdf_title
        elif _squash(meta["title"]) == _squash(pdf_title):
            meta["title"] = pdf_title  # the same title, in the author's casing rather than the page's capitals
    if "author" not in meta and _named_author(meta_from_pdf.get("author") or ""):
        meta["author"] = meta_from_pdf["author"]
    # a date, committee and agenda item in a running header are front matter too
    if dropped:
        _header_metadata(meta, [d.text for d in dropped if d.reason == "header"])
    for key in ("created", "modified", "producer", "creator"):
        if meta_from_pdf.get(key):
            meta.setdefault("pdf_" + key, meta_from_pdf[key])


# What word processors put in a PDF's Author field when nobody typed one: the account that saved the file.
_ACCOUNT_AUTHOR = re.compile(r"(?i)^(?:administrator|admin|user|owner|unknown|author|windows user|microsoft office user|"
                             r"authorised user|authorized user|default|guest|staff|pc|hp|dell)$")


_DEVICE_WORDS = frozenset("user users customer owner admin administrator desktop laptop computer workstation "
                          "supervisor scanner guest oem default login account".split())


def _named_author(author: str) -> bool:
    """Whether a PDF's Author property names someone a reader would know, not the login that saved the file.

    A login ("millichap", "jsmith2", "DOMAIN\\user", an e-mail address) or a placeholder ("Administrator",
    "Windows User") is not shown as the author; a name with a space or a capital ("J Smith", "Policy Team",
    "GLA") is.
    """
    author = author.strip()
    if not re.search(r"[^\W\d_]", author) or _ACCOUNT_AUTHOR.match(author):
        return False
    # a machine's or an account's name: a device or account word among its words, run-together ones split at their
    # capitals ("NipUser", "Compaq Customer", "Nick's Desktop", "oem user"), or words run together at a capital
    # after a small letter ("mgServices"), which a person's or a body's name never is (but "McIntyre", "DfE")
    parts = re.findall(r"[A-Z]?[a-z]+|[A-Z]+(?![a-z])", author)
    if any(x.lower() in _DEVICE_WORDS for x in parts) or parts[:1] and parts[0].lower() in ("your", "my"):
        return False  # ... or a template's placeholder ("Your council", "Your Name")
    if any(re.search(r"[a-z][A-Z]", w) and not re.match(r"(?:Mc|Mac|O'|O’|Fitz)[A-Z]", w) and len(w) > 4
           for w in author.split()):
        return False
    if " " not in author:
        return not re.search(r"[\d_@\\/]", author) and (author[0].isupper() or author.isupper())
    return True


def _header_metadata(meta: dict[str, Any], header_texts: list[str]) -> None:
    if not header_texts:
        return
    text = Counter(header_texts).most_common(1)[0][0]
    d = _DATE.search(text)
    if d:
        meta.setdefault("date", _iso_date(d.group(0)))
        before = text[: d.start()].strip(" ,–-—")
        council = re.match(r"^(.*\b(?:Council|Authority))\s+(\S.*)$", before)
        if council:
            meta.setdefault("council", council.group(1))
            before = council.group(2)
        if before and len(before) < 60:
            meta.setdefault("to", before)
    a = re.search(r"agenda item\s*[:.]?\s*(\w+)", text, re.I)
    if a:
        meta.setdefault("agenda_item", a.group(1))


# ---------------------------------------------------------------- a cover's recommendations

# what introduces a cover's list of decisions: a "Recommendations:" heading, or a lead-in ("The Cabinet Member is
# requested to:", "It is recommended that:", "Cabinet is asked to:")
_DECISIONS_HEAD = re.compile(r"^\W*(?:recommendations?|recommendation\(s\)|recommended|decisions?(?:\s+\w+)?|proposals?)"
                             r"\s*[:.\-–]?\s*$", re.I)
_DECISIONS_LEAD = re.compile(r"\b(?:is|are)\s+(?:asked|requested|recommended|invited|being\s+asked)\s+to\b"
                             r"|\brecommended\s+that\b|\bRECOMMENDED\b", re.I)


def cover_recommendations(body: Body) -> set[int]:
    """The lines of a cover's numbered list of recommendations ("Recommendations:" / "The Cabinet Member is requested
    to:" / "1. Note the consultation statement ..." / "2. Approve ..."), which are decisions, not paragraphs.

    A council report's front sheet lists the decisions before the report proper begins, and the report's own
    numbering then begins at 1 again in dotted form ("1. Context", "1.1 The planning process ...").  So a flat list
    1, 2, 3 ... is the cover's when it comes right after a recommendations heading or lead-in, before any dotted
    number, and the numbers after it start again at 1 and go on to 1.1: a body whose numbering simply continues
    ("RECOMMENDATIONS" / "23. That Cabinet:") or stays flat is left alone.
    """
    out: set[int] = set()
    for i, w in enumerate(body):
        lab = w.label
        if lab is not None and lab.kind == "number" and len(lab.levels) > 1:
            break  # the body's dotted numbering has begun
        intro = _introduction(body, i) if lab is not None and lab.kind == "number" and lab.levels == (1,) else None
        if intro is None:
            continue
        items, j, expect = [i], i + 1, 2
        while j < len(body):
            x = body[j]
            if x.label is not None and x.label.kind == "number":
                if x.label.levels != (expect,):
                    break
                items.append(j)
                expect += 1
            elif x.gap_before or x.label is not None and x.label.kind != "bullet" and x.label.kind != "part":
                break
            j += 1
        after = [body[k].label.levels for k in range(j, len(body))
                 if body[k].label is not None and body[k].label.kind == "number"][:4]
        if after and after[0] in ((1,), (1, 1)) and (1, 1) in after:
            out.update(range(intro, j))
        break
    return out


def _introduction(body: Body, i: int) -> Optional[int]:
    """The first line of the recommendations heading or lead-in ending with a colon that line i comes right after
    (up to two lines back), if it does."""
    found = None
    for k in range(i - 1, max(-1, i - 3), -1):
        t = body[k].text.strip()
        if body[k].label is not None:
            break
        if _DECISIONS_HEAD.match(t) or t.endswith(":") and _DECISIONS_LEAD.search(t):
            found = k
    return found


# ---------------------------------------------------------------- back matter


def back_matter_label(w: WorkLine, body: Body) -> Optional[re.Match]:
    """A line that starts back matter ("Background papers:", "9. CONTACT OFFICER"), once the body has begun."""
    lab = w.label
    text = w.text
    m = BACK_MATTER.match(text)
    if m is None and lab is not None and lab.kind == "number" and len(lab.levels) == 1 and lab.rest:
        m = BACK_MATTER.match(lab.rest)  # "9. BACKGROUND PAPERS" numbered like a section
        # ... or a numbered label with its value: "6. Relevant Director: ...", "7. Report Authors: ..."
        labelled = m is not None and (lab.rest[len(m.group(1)):].lstrip().startswith(":") or not m.group(2))
        if m and not (body.styled(w, lab.rest) and body.heading_text(m.group(1))) and not labelled:
            m = None
    if m and (body.styled(w, text) or ":" in text[: len(m.group(1)) + 2] or (lab is not None and lab.kind == "number")):
        return m
    return None


# a list of the works a paper cites, under its own unnumbered heading: its numbered entries are citations
_REFERENCES = re.compile(r"^(?:bibliography|references|reference list|endnotes|notes and references|sources)\s*:?$",
                         re.I)


def references_heading(w: WorkLine, body: Body) -> bool:
    """An unnumbered "Bibliography", "References" or "Endnotes" set as a heading: what follows lists citations."""
    return w.label is None and bool(_REFERENCES.match(w.text.strip())) and (body.styled(w, w.text) or w.gap_before)


class References:
    """The entries of a reference list ("1. Mathie, B. 2017. Charles Turner Thackrah ..."): a numbered line opens an
    entry, a line without a number goes on with the one before.  Kept as `metadata["references"]`, never as
    paragraphs: a bibliography numbers citations, not the paper's text."""

    def __init__(self) -> None:
        self.open = False
        self.entries: list[str] = []

    def takes(self, w: WorkLine, body: Body) -> bool:
        """Line w is the list's (an entry or its wrapped line); a heading ends the list."""
        if not self.open:
            return False
        lab = w.label
        if lab is not None and lab.kind == "number" and not body.numbered_heading_look(w) and lab.levels[0] < 1000:
            self.entries.append(w.text.strip())
            return True
        # a wrapped line ("2006. Obituary: ..." numbers no entry: it is the year of the one before)
        if (lab is None or lab.kind == "number") and not body.styled(w, w.text) and not body.big(w):
            if self.entries:
                self.entries[-1] += " " + w.text.strip()
            else:
                self.entries.append(w.text.strip())
            return True
        return False

    def close(self, meta: dict[str, Any]) -> None:
        if self.open and self.entries:
            meta.setdefault("references", []).extend(self.entries)
        self.open = False
        self.entries = []


class BackMatter:
    """The back-matter item being collected ("contact", "background_papers", ...) and its lines."""

    def __init__(self) -> None:
        self.key: Optional[str] = None
        self.lines: list[str] = []  # the last line taken, to tell a wrapped item from the next one
        self.head: Optional[WorkLine] = None  # the label line that started the item

    @property
    def open(self) -> bool:
        return self.key is not None

    def start(self, m: re.Match, w: WorkLine) -> None:
        self.key = _key(m.group(1))
        self.head = w
        self.lines = [m.group(2)] if m.group(2) else []
        self.last = w.line if m.group(2) else None

    def lists_appendix(self, w: WorkLine, body: Body) -> bool:
        """Take "Appendix A – ..." listed under "Appendices" (an entry, not the annex itself)."""
        lab = w.label
        if lab is not None and lab.kind == "annex" and self.key is not None and self.key.startswith(_LISTS) \
                and not w.line.size > body.size * 1.12:
            self.lines.append(w.text)
            return True
        return False

    def add_line(self, w: WorkLine, body: Body) -> None:
        if self.lines and self.last is not None and body.full_line(self.last) and not w.gap_before:
            self.lines[-1] += " " + w.text  # the item wrapped onto this line
        else:
            self.lines.append(w.text)
        self.last = w.line

    def close(self, meta: dict[str, Any], body: Body) -> Optional[WorkLine]:
        """Record the item; its label line when it came to nothing ("1. Contact" with no value after it), so that
        the caller keeps the words as text rather than losing them."""
        head, recorded = self.head, True
        if self.key is not None and self.key.startswith(_LISTS):
            items = [x.strip() for x in self.lines if x.strip()]
            if items:
                meta["appendices"] = items
            recorded = bool(items)
        elif self.key is not None:
            key = "contact" if self.key.startswith("contact") else self.key
            if key == "contact":
                # one line per item in an address block: "Name, Post, (01480) 388005"
                value = ", ".join(
                    re.sub(r"^(?:tel|telephone|phone|t)\b\s*[:.]?\s*(?=[(+\d])", "", x.strip().rstrip(","), flags=re.I)
                    for x in self.lines if x.strip()
                ).rstrip(".")
                value = re.sub(r"\s*(?:,\s*)?\b(?:tel|telephone|phone)\b\.?\s*:?\s*(?=[(+\d])", ", ", value, flags=re.I)
                value = re.sub(r"^,\s*|(?<=,)\s*,", "", value).strip()
            else:
                value = join_lines(self.lines, body.vocab)
            if value:
                meta[key] = value
            recorded = bool(value)
        else:
            head = None
        self.key = None
        self.lines = []
        self.head = None
        return None if recorded else head


class QuestionSummary:
    """An annex repeating the questions asked in the body ("Summary of questions"): metadata, not paragraphs."""

    def __init__(self) -> None:
        self.questions: list[dict[str, Any]] = []
        self.current: Optional[dict[str, Any]] = None

    def start(self, w: WorkLine, lab: Label) -> None:
        self.current = {"number": lab.number, "page": w.line.page, "text": [lab.rest]}
        self.questions.append(self.current)

    def stop(self) -> None:
        self.current = None

    def take(self, w: WorkLine) -> bool:
        """Take a line of the repeated question; a labelled line after a gap ends it."""
        if self.current is None:
            return False
        if w.gap_before and w.label is not None:
            self.current = None
            return False
        self.current["text"].append(w.text)
        return True

    def close(self, meta: dict[str, Any], body: Body) -> None:
        if self.questions:
            meta["annex_questions"] = [
                {"number": q["number"], "page": q["page"], "text": join_lines(q["text"], body.vocab)}
                for q in self.questions
            ]


# ---------------------------------------------------------------- keys and values


def _key(label: str) -> str:
    key = re.sub(r"[^a-z0-9]+", "_", label.lower()).strip("_")
    return {"background_paper": "background_papers", "background_document": "background_papers",
            "background_documents": "background_papers", "list_of_background_papers": "background_papers",
            "contact_officers": "contact", "contact_officer": "contact", "responses_to": "contact",
            "send_responses_to": "contact", "enquiries": "contact"}.get(key, key)


_KEY_ALIASES = {"report_of": "author", "report_by": "author", "meeting_date": "date", "report_to": "to",
                "date_of_meeting": "date", "report_author": "author",
                "wards_affected": "wards", "ward_affected": "wards", "ward": "wards"}


def _front_key(meta: dict[str, Any], label: str, value: str) -> None:
    key = re.sub(r"[^a-z0-9]+", "_", label.lower()).strip("_")
    key = _KEY_ALIASES.get(key, key)
    value = value.strip()
    if not key or not value:
        return
    meta.setdefault(key, _iso_date(value) if key in ("date", "closing_date") else value)
    if key == "subject":
        meta.setdefault("title", value)


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


def _squash(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "", text.lower())


def _generic_title(title: str) -> bool:
    t = title.lower()
    return t.startswith(("microsoft word", "untitled")) or t.endswith((".doc", ".docx", ".pdf", ".wpd")) or len(t) < 3
