"""Headings: which lines head a section, and which section each paragraph is in.

A heading is styled apart from the body (bold where bold is rare, larger, or
in capitals: `Body.styled`), short, and stands on its own rather than running
on into prose.  A chapter or annex label ("Chapter 2", "Annex B") heads a
section when it stands after a gap; a numbered line set like a heading
("3. FINANCIAL IMPLICATIONS") heads one when its number fits the sequence or
the paragraphs after it are its children; an unnumbered one needs a gap
before it and a finished paragraph behind it.  `Outline` keeps the sections
found and the numbered section the next paragraphs belong to: an unnumbered
sub-heading inside section 3 leaves them in section 3.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Optional

from ..model import Section, SectionKind
from .lines import Body, WorkLine, caps
from .numbering import ITEM_ID, ROMAN, SUFFIXED, Numbering, annex_level, successor_kind


@dataclass(frozen=True)
class Heading:
    """A heading found at a line: its number as printed (None when unnumbered) and how many lines it takes."""

    number: Optional[str]
    text: str
    page: int
    kind: SectionKind
    levels: Optional[tuple[int, ...]]  # a numbered section's levels, from its label
    size: int


class Outline:
    """The sections found so far and the section the next paragraphs belong to."""

    def __init__(self) -> None:
        self.sections: list[Section] = []
        self.number: Optional[str] = None  # the last numbered section, as shown
        self.levels: Optional[tuple[int, ...]] = None  # its number's levels: its paragraphs continue them
        self.heading: Optional[str] = None  # the last heading, numbered or not
        self.in_annex = False
        # the last numbered section's levels, kept over the chapter and part headings between (an act's sections
        # run 1-8 under "Chapter 1", 9 under "Chapter 2", 10-11 under its "Part 1")
        self.section_levels: Optional[tuple[int, ...]] = None

    def open(self, h: Heading, shown: Optional[str]) -> None:
        """Enter the section headed by `h`, its number shown as `shown` (an annex may qualify it)."""
        self.sections.append(Section(number=shown, heading=h.text, page=h.page, kind=h.kind))  # type: ignore[arg-type]
        # an unnumbered sub-heading inside numbered section 3 leaves its paragraphs in section 3
        if h.number is not None:
            self.number = shown
            if h.levels:
                self.levels = h.levels
            elif h.number.replace(".", "").isdigit():
                self.levels = tuple(int(x) for x in h.number.split("."))
            elif h.kind is SectionKind.ANNEX and len(h.number) == 1 and h.number.isalpha():
                self.levels = (annex_level(h.number),)  # Annex B holds B.1, B.2 ...
            else:
                self.levels = None
            if h.kind is SectionKind.SECTION:
                self.section_levels = self.levels
        self.heading = h.text
        self.in_annex = h.kind is SectionKind.ANNEX


def find_heading(body: Body, i: int, outline: Outline, numbering: Numbering, *, in_paragraph: bool,
                 mid_sentence: bool, in_title_block: bool, after_heading: bool = False) -> Optional[Heading]:
    """The heading that starts at line i, if one does.

    `in_paragraph` says a paragraph is open and `mid_sentence` that its last
    line did not end it; `in_title_block` that no heading or paragraph has come
    yet, so styled lines are still the title and its company; `after_heading`
    that the line before was a heading.
    """
    if "_____" in body[i].text:  # five underscores or more (a substring search, not a regex over every character)
        return None  # "Signed ________ Dated 3rd March 2020": a form's blank to fill in is never a heading
    lab = body[i].label
    if lab is None and in_paragraph and _list_part_title(body, i):
        return None
    if (lab is None or lab.kind == "part") and not mid_sentence:
        lettered = _lettered_title(body, i)
        if lettered is not None:
            return lettered
    if lab is None:
        return _unnumbered(body, i, mid_sentence and not _next_lettered_title(body, i, outline), in_title_block) or \
            _standalone(body, i, in_paragraph, after_heading, in_title_block) or \
            _tight_title(body, i, mid_sentence, in_title_block) or \
            _hung_title(body, i, in_paragraph, mid_sentence, in_title_block, numbering) or \
            _over_hanging_number(body, i, mid_sentence, in_title_block)
    if lab.kind == "part":  # "(ii) Relationship with the London Plan", set alone between two paragraphs
        return _standalone(body, i, in_paragraph, after_heading, in_title_block) or \
            _tight_title(body, i, mid_sentence, in_title_block)
    if lab.kind in ("chapter", "annex"):
        return _chapter_or_annex(body, i, in_paragraph)
    if lab.kind == "number":
        return _numbered(body, i, outline, numbering)
    return None


_BULLET = re.compile(r"^\s*[•▪●◦‣∙·\-–]\s")


def _list_part_title(body: Body, i: int) -> bool:
    """A title of a part of the open paragraph's list: set in beyond the paragraph's own lines (its label's and
    its wrapped text's left edges) with bullets set in further under it ("10 Version 1 Draft Budget ... budget:-"
    / "Administration" / "• 4002 ..." / "MJH" / "• 1400 ..."): the paragraph goes on, whatever its type (a grey
    or capitals "MJH" looks like a heading to the styles)."""
    if not body.pdf or i + 1 >= len(body):
        return False
    w, nxt = body[i], body[i + 1]
    if not _BULLET.match(nxt.text) or nxt.line.x0 <= w.line.x0 + 4 or nxt.line.page != w.line.page:
        return False
    for j in range(i - 1, max(-1, i - 60), -1):
        lab = body[j].label
        if lab is not None and lab.kind == "number":
            if body[j].line.page not in (w.line.page, w.line.page - 1):
                return False
            lefts = [body[j].line.x0]
            if j + 1 < i and body[j + 1].label is None and body[j + 1].line.page == body[j].line.page:
                lefts.append(body[j + 1].line.x0)
            return w.line.x0 > max(lefts) + 9
    return False


def _chapter_or_annex(body: Body, i: int, in_paragraph: bool) -> Optional[Heading]:
    w = body[i]
    lab = w.label
    assert lab is not None
    rest = lab.rest
    alone = w.gap_before or body.centred(w)
    # set in display type (twice the body's and more), an annex's title runs over lines without being prose
    display = bool(body.size) and w.line.size >= 2 * body.size
    if rest.endswith(".") and body.size and w.line.size >= 1.2 * body.size:
        rest = rest[:-1].rstrip()  # "Article I. Purpose and Scope." set in larger type: a title's closing stop
    bold = _bold_title_lines(body, i) if lab.kind == "chapter" and alone else 0
    if bold:
        # "VII. OLD BUSINESS - DISCUSSION & ACTION - the Board may take action ..." over two lines, all bold, its
        # items and record below in other type: a long title of a part, as the paper's roman series vouches
        return Heading(lab.number, " ".join([rest] + [body[i + k].text for k in range(1, bold)]).strip(),
                       w.line.page, SectionKind.CHAPTER, None, bold)
    if not (body.heading_text(rest or w.text) and (alone or not in_paragraph) and (display or not _runs_on(body, i))
            and (body.styled(w, w.text) or alone)):
        return None
    parts, used = _gather(body, i, [rest] if rest else [])
    if not parts and i + used < len(body) and body.styled(body[i + used], body[i + used].text) \
            and body[i + used].label is None:
        parts.append(body[i + used].text)  # "ANNEX A" / "SUMMARY OF QUESTIONS" on two lines
        used += 1
    kind = SectionKind.ANNEX if lab.kind == "annex" else SectionKind.CHAPTER
    title = " ".join(parts).strip()
    if lab.word == "Article" and title:
        # an article is cited by its label: its heading reads as printed ("ARTICLE IV. THE CARDANO ... BUDGET")
        title = f"{w.text.strip()[: len(w.text.strip()) - len(lab.rest)].strip()} {title}"
    return Heading(lab.number, title, w.line.page, kind, None, used)


def _numbered(body: Body, i: int, outline: Outline, numbering: Numbering) -> Optional[Heading]:
    w = body[i]
    lab = w.label
    assert lab is not None
    if lab.word in ("File", ITEM_ID, ROMAN, SUFFIXED):
        return None  # an agenda item with its file number ("1.A 21-0177 Approve ..."): an item, never a title
    if _lead_in_item(body, i, outline, numbering):
        return None
    # a title alone on its line over what it heads: lettered items or a lettered sub-title (a minutes' item), or
    # prose set in under it without a gap; such a title neither runs on nor is the item after a paragraph
    display = _display_title(body, i) or _bold_over_list(body, i)
    over = titles_lettered(body, i) or _over_lettered_title(body, i) or _titles_hung_prose(body, i) \
        or _over_items(body, i) or _over_first_child(body, i) or bool(display)
    # the first item right under a numbered annex's heading, set as a heading ("SCHEDULE 2: ..." / "1 Submitting"
    # in bold): its items count again from 1, whatever the paragraphs before it were numbered
    opens_annex = outline.in_annex and lab.levels == (1,) and outline.levels is not None \
        and len(outline.levels) == 1 and body.numbered_heading_look(w) and not _paragraph_series(body, i, numbering)
    if not (body.numbered_heading_look(w) or over or _titles_prose(body, i) or _titles_list(body, i)
            or _titles_children(body, i) or template_title(body, i)) \
            or (lab.levels and lab.levels == numbering.last_levels and not opens_annex
                and not _out_of_series(body, i, numbering) and not _next_heading(body, i, outline, numbering)
                and not display) \
            or (_runs_on(body, i) and not template_title(body, i) and not _titles_children(body, i) and not over):
        return None
    if (_next_item(body, i, numbering) and not over and not _next_heading(body, i, outline, numbering)
            or _run_in_item(body, i, numbering) or _bare_item(body, i)):
        return None
    if _paragraph_series(body, i, numbering) and _titled_by_prose_only(body, i):
        return None
    fits = successor_kind(None, lab.levels) is not None or opens_annex
    if outline.levels is not None and not opens_annex:
        fits = successor_kind(outline.levels, lab.levels, max_gap=2) is not None
    if not fits and numbering.last_levels is not None:
        fits = successor_kind(numbering.last_levels, lab.levels, max_gap=2) is not None
    if not fits and outline.section_levels is not None and outline.section_levels != outline.levels:
        # the next section after a chapter or part heading: sections numbered through the chapters
        fits = successor_kind(outline.section_levels, lab.levels, max_gap=2) is not None
    if not fits and lab.levels == (1,) and outline.sections and outline.sections[-1].number is None \
            and body.big(w) and body.numbered_heading_look(w) and i + 1 < len(body) and body[i + 1].label is None \
            and body[i + 1].line.page == w.line.page and not body.styled(body[i + 1], body[i + 1].text):
        fits = True  # "Specific proposals" / "1. Real time ... exchange" over its prose: numbered titles start again
    if not fits and lab.levels == (1,) and outline.sections and body.big(w) and body.numbered_heading_look(w) \
            and i + 1 < len(body) and body[i + 1].line.page == w.line.page and body[i + 1].label is not None \
            and body[i + 1].label.kind == "number" and body[i + 1].label.levels == (1, 1) \
            and body.numbered_heading_look(body[i + 1]):
        fits = True  # "1. Introduction" over "1.1 About ...", after a summary's "1." to "4.": the chapters start
    if not fits and display and len(lab.levels) == 1:
        # "8. Ensure that the product ..." set as "7. Ensure ..." was, after a list "1.", "2." under "Guidance"
        fits = any(x.number == str(lab.levels[0] - 1) for x in outline.sections)
    following = body.numbers_after(i, 1)
    child = bool(following and following[0][: len(lab.levels)] == lab.levels)
    if not (fits or child or outline.levels is None and numbering.last_levels is None
            and (_numbered_on(body, i) or _opens_midway(body, i))):
        return None
    parts, used = ([lab.rest], 1) if over and not titles_lettered(body, i) else _gather(body, i, [lab.rest])
    if display:
        parts, used = [lab.rest] + [body[i + k].text for k in range(1, display)], display
    if used == 1 and i + 1 < len(body) and not re.search(r"[:.]$", lab.rest.strip()) and _titles_children(body, i) \
            and body[i + 1].line.bold and body[i + 1].label is None and not body[i + 1].gap_before:
        parts, used = [lab.rest, body[i + 1].text], 2  # the bold title's second line
    template = _template_lines(body, i)
    if template:
        parts, used = [lab.rest] + [body[i + k].text for k in range(1, template)], template
    return Heading(lab.number, " ".join(parts).strip(), w.line.page, SectionKind.SECTION, lab.levels, used)


def _paragraph_series(body: Body, i: int, numbering: Numbering) -> bool:
    """Line i's series is one of paragraphs: the item before it at its margin (its number's predecessor, no heading
    between) was taken as a paragraph and runs on into its text as one does, or the next item at its margin (its successor, or the same number where the
    series restarts under the next heading) runs on into its text as a paragraph does (past items set as short titles
    over their records like line i, which decide nothing).  A committee's minutes number their items so, each a
    title and its record ("1. LMDC update – Report" / "130 Liberty Street has been demolished ..."; "2. RiverAlive
    wants to build on Pier 13. However, ..."): one item set as a short title over its record is an item like its
    neighbours, not a heading.  The items of one series are one kind."""
    w = body[i]
    lab = w.label
    assert lab is not None
    if not body.pdf or len(lab.levels) != 1:
        return False
    tol = max(3.0, 0.3 * (w.line.size or 10))
    last = numbering.last_levels
    if last is not None and not numbering.heading_since_last and numbering.number_x \
            and successor_kind(last, lab.levels) == "next" and abs(numbering.number_x[-1] - w.line.x0) <= tol:
        for j in range(i - 1, max(-1, i - 160), -1):  # the item before, taken as a paragraph: does its form say so?
            v = body[j]
            if v.label is not None and v.label.kind == "number" and v.label.levels == last \
                    and abs(v.line.x0 - w.line.x0) <= tol:
                if _runs_on(body, j) and not _titles_prose(body, j) and not body.numbered_heading_look(v):
                    return True
                if _titles_prose(body, j) and _titles_prose(body, i) and not body.numbered_heading_look(v) \
                        and not body.numbered_heading_look(w) and v.line.bold == w.line.bold \
                        and abs(v.line.size - w.line.size) < 0.3:
                    return True  # "1. Medical device regulation" taken over its prose, "2. Health and care service
                    # regulation: ..." set as it is over its own: the same kind
                break
    levels, page, j = lab.levels, w.line.page, i + 1
    while j < min(len(body), i + 160):
        v = body[j]
        j += 1
        if v.line.page > page + 1:
            return False
        if v.label is None or v.label.kind != "number" or abs(v.line.x0 - w.line.x0) > tol:
            continue
        if len(v.label.levels) != 1 or (v.label.levels != levels and successor_kind(levels, v.label.levels) != "next"):
            return False
        if body.numbered_heading_look(v) or not _runs_on(body, j - 1):
            return False
        if not _titles_prose(body, j - 1):
            return True
        levels, page = v.label.levels, v.line.page  # a short title over its record as well: the next item decides
    return False


def _titled_by_prose_only(body: Body, i: int) -> bool:
    """Line i would head a section only because it is a short line in body type over prose (`_titles_prose`,
    `_titles_hung_prose`): no heading's type, no lettered or numbered children, no template's title."""
    return not (body.numbered_heading_look(body[i]) or titles_lettered(body, i) or _over_lettered_title(body, i)
                or _over_items(body, i) or _over_first_child(body, i) or _titles_list(body, i)
                or _titles_children(body, i) or template_title(body, i))


def _out_of_series(body: Body, i: int, numbering: Numbering) -> bool:
    """Line i's number equals the last paragraph's, but it stands clearly left of where that number stood: an item
    heading out at its margin ("3. Library opening hours") after resolutions set in under the item before
    ("(3) That officers report back ..."), not the same number printed twice.  An item heading's number is
    printed as headings' are ("3.", "3"); one closed by a bracket ("2) Calling general meetings" under a
    constitution's clause 11) is in the form of the resolutions and sub-clauses, whose own series it goes on."""
    if not body.pdf or not numbering.number_x or re.match(r"\s*\(?\d+\)", body[i].text):
        return False
    return body[i].line.x0 < numbering.number_x[-1] - max(8.0, 0.8 * (body[i].line.size or 10))


def _opens_midway(body: Body, i: int) -> bool:
    """The first numbered line of a paper that starts partway through its numbering (a chapter or an extract
    printed alone: "5.4.8 Calculation of a Wildlife Criterion for the Florida Panther", "8.6.2 Coffee", "3. Recall
    Period", each a short title in body type over unnumbered prose): a title over its prose, and the next number at
    its margin is the one after it, set the same way.  Read as a paragraph, the title would be glued to the prose
    and the titles after it taken as that paragraph's series."""
    w = body[i]
    lab = w.label
    assert lab is not None
    if not _titles_prose(body, i):
        return False
    tol = max(3.0, 0.3 * (w.line.size or 10))
    for j in range(i + 1, min(len(body), i + 400)):
        v = body[j]
        if v.label is None or v.label.kind != "number" or abs(v.line.x0 - w.line.x0) > tol \
                or len(v.label.levels) != len(lab.levels):
            continue
        return successor_kind(lab.levels, v.label.levels) == "next" and _titles_prose(body, j)
    return False


def _numbered_on(body: Body, i: int) -> bool:
    """The first numbered heading of a paper whose numbers run on from earlier papers (minutes: "292. Minutes of
    the previous meeting", then "293. Budget monitoring report"): the next heading set like it, at its margin, is
    its successor."""
    w = body[i]
    lab = w.label
    assert lab is not None
    if len(lab.levels) != 1:
        return False
    for j in range(i + 1, min(len(body), i + 400)):
        v = body[j]
        if v.label is not None and v.label.kind == "number" and len(v.label.levels) == 1 \
                and abs(v.line.x0 - w.line.x0) <= 2 and body.numbered_heading_look(v):
            return v.label.levels[0] == lab.levels[0] + 1
    return False


def _titles_list(body: Body, i: int) -> bool:
    """A numbered bold title alone on its line, ending with the full stop a paper's run-in titles end with, over a
    lettered list ("14 Damage to Libraries' and Third Person's Property." / "(a) The Hirer shall ..."): where the
    other clauses run on from their titles, this one has no text of its own; it heads its items."""
    from .numbering import letter_label

    w = body[i]
    lab = w.label
    assert lab is not None
    rest = lab.rest.strip()
    if not (body.pdf and w.line.bold and body.bold_marks and rest.endswith(".") and len(rest.split()) <= 12
            and body.heading_text(rest[:-1]) and not body.full_line(w.line)) or i + 1 >= len(body):
        return False
    nxt = body[i + 1]
    got = letter_label(nxt.text)
    return nxt.gap_before and got is not None and got[0] in ("a", "1", "i") and not nxt.line.bold


def template_title(body: Body, i: int) -> bool:
    """A numbered question or label a report template prints ("3.1 Are Decisions consistent with relevant Council
    Policies, Plans or Strategies?:", "3.4 Will decisions be carried out within existing finances and resources?"),
    the same number and words in two reports or more of one paper, each time over different text: a heading, its
    answer the unnumbered text below.  A paragraph is written once; a title the template repeats heads."""
    return _template_lines(body, i) > 0


def _template_lines(body: Body, i: int) -> int:
    """How many lines the template title at line i takes (0: it is none)."""
    lab = body[i].label
    if lab is None or lab.kind != "number" or not body[i].gap_before:
        return 0
    titles = getattr(body, "_template_titles", None)
    if titles is None:
        from collections import Counter

        titles = Counter(t for j in range(len(body)) for t in [_template_text(body, j)] if t is not None)
        body._template_titles = titles  # type: ignore[attr-defined]
    got = _template_text(body, i)
    if got is None or titles[got] < 2:
        return 0
    used = 1 if _TEMPLATE_END.search(lab.rest) else 2
    nxt = body[i + used] if i + used < len(body) else None
    return used if nxt is not None and nxt.label is None and nxt.text.lstrip()[:1].isupper() else 0


def _template_text(body: Body, j: int) -> Optional[tuple[str, str]]:
    """A numbered line's title (with a short last line it wraps onto: "... implications (if" / "any):") when it
    ends as a template's question or label does, with "?" or ":"."""
    w = body[j]
    lab = w.label
    if lab is None or lab.kind != "number" or not w.gap_before:
        return None
    if _TEMPLATE_END.search(lab.rest):
        return lab.number, " ".join(lab.rest.split())
    if j + 1 < len(body):
        nxt = body[j + 1]
        if not nxt.gap_before and nxt.label is None and len(nxt.text.split()) <= 3 and _TEMPLATE_END.search(nxt.text):
            return lab.number, " ".join(f"{lab.rest} {nxt.text}".split())
    return None


_TEMPLATE_END = re.compile(r"(?:\?|:|\?:)\s*$")


def _titles_children(body: Body, i: int) -> bool:
    """A bold numbered title ending with a colon or a full stop ("4. Compliance Issues:", "5. Check that Bike and
    publication of stolen vehicle data.", on a line or two) over its own numbered paragraphs (4.1, 4.2): a report's
    or a minutes' heading.  A lead-in that ends with a colon introduces its parts, and a paragraph says something
    after its number; a title is followed by its first child number instead."""
    w = body[i]
    lab = w.label
    assert lab is not None
    if not (body.pdf and w.line.bold and body.bold_marks and w.gap_before):
        return False
    text = lab.rest.strip()
    if not re.search(r"[:.]$", text) and i + 1 < len(body) and body[i + 1].line.bold and body[i + 1].label is None \
            and not body[i + 1].gap_before:
        text = f"{text} {body[i + 1].text.strip()}"  # "3. Update on the downgrading of ... recorded" / "crime ... ."
    if not re.search(r"[:.]$", text) or len(text.split()) > 16 or not body.heading_text(text[:-1]):
        return False
    following = body.numbers_after(i, 1)
    return bool(following) and following[0] == lab.levels + (1,)


def titles_lettered(body: Body, i: int) -> bool:
    """A numbered line in body type that is only a title ("5. Office Bearers reports:", "7. Updates"), set apart over
    a lettered series whose items each start a line at one margin and follow on ("(a) Chair No news to report." /
    "(b) Vice-Chair ..."): a minutes' item whose reports are lettered.  It heads its items; the items are the
    paragraphs (5(a), 5(b)).  A title says nothing: a few words, no sentence's end, not wrapped."""
    from .numbering import letter_label

    w = body[i]
    lab = w.label
    assert lab is not None
    rest = lab.rest.strip()
    if not (body.pdf and w.gap_before and rest and len(lab.levels) == 1 and len(rest.split()) <= 6
            and body.heading_text(rest.rstrip(":")) and not body.full_line(w.line)) or i + 2 >= len(body):
        return False
    if re.search(r"\b(?:must|should|shall|will|may|can|could|would|is|are|be|was|were|has|have)\b"
                 r"|\b(?:to|that|who|which|of|and|or|the)\s*:?$", rest, re.I):
        return False  # "8. You must:", "Parking standards should take into account:": a sentence its items finish
    nxt = body[i + 1]
    got = letter_label(nxt.text)
    # the first item set in under the title, after a gap or straight under it (a minutes' table row: "6 Matters arising
    # from minutes" / "a)Reports. Planning – ...", the letters at the text's column, right of the item's number)
    if not (got is not None and got[0] == "a" and got[1][:1].isupper() and nxt.line.x0 > w.line.x0):
        return False
    tol = max(3.0, 0.3 * (nxt.line.size or 10))
    for j in range(i + 2, min(len(body), i + 60)):
        b = body[j]
        if b.label is not None and b.label.kind == "number":
            return False
        if abs(b.line.x0 - nxt.line.x0) <= tol and (letter_label(b.text) or ("",))[0] == "b":
            return True
        if b.line.x0 < nxt.line.x0 - tol:
            return False
    return False


def _titles_prose(body: Body, i: int) -> bool:
    """A numbered line in body type that titles the unnumbered prose under it: a short phrase or a question alone on
    its line, a gap on either side, and under it a block of unnumbered text ("6.2 How is risk being managed?" /
    "There are no risks associated with this report."; "5.1 Financial implications" / "Unlike the Local Plan ...").
    A council report's implications and "other implications" questions are set so.  A numbered paragraph says
    something: it runs on into a sentence or ends like one; a bold lead-in runs on without a gap."""
    w = body[i]
    lab = w.label
    assert lab is not None
    rest = lab.rest.strip()
    if not body.pdf or not w.gap_before or not rest or not (rest[0].isupper() or rest[0] in "(‘“\"'") \
            or len(rest.split()) > 12 or body.line_end(w.line) > body.right_edge_of(w.line) - 3 * (w.line.size or 10) \
            or len(lab.levels) > 3:
        return False
    if re.search(r"[.,;:!\-–—]$", rest) or not body.heading_text(rest.rstrip("?")):
        return False
    if i + 1 >= len(body):
        return False
    nxt = body[i + 1]
    if nxt.line.page == w.line.page and not nxt.gap_before and not _hangs_under(body, i):
        return False
    if nxt.label is not None:
        # a numbered line after it: only its own child ("5.2 Legal implications" / "5.2.1 ...") or a number that
        # does not follow it (the template's "5.1" printed again under 5.2) makes it a title
        if nxt.label.kind != "number":
            return False
        return nxt.label.levels[: len(lab.levels)] == lab.levels and len(nxt.label.levels) > len(lab.levels) or \
            successor_kind(lab.levels, nxt.label.levels, max_gap=2) is None and nxt.label.levels != lab.levels
    text = nxt.text.strip()
    if not text[:1].isupper() or body.styled(nxt, text):
        return False
    if body.size and nxt.line.size and nxt.line.size < 0.9 * body.size and w.line.size < 1.05 * body.size \
            and not body.styled(w, rest):
        return False  # a note in small print under an item in body type ("4. Approval of the agenda (ACTION)" /
        # "Trustees may request ..." in an agenda's small print): the item's own note, never a section's prose.
        # Smaller than the body's type, not only than the line over it: a title set a size up over prose in body
        # type ("1. The Ratification of the Standing Orders ..." 15.6 pt over 14 pt text) still titles it
    # prose: a sentence's end, or a line that runs to the margin and wraps on
    return bool(_ENDED.search(text)) or body.full_line(nxt.line)


def _lettered_title(body: Body, i: int) -> Optional[Heading]:
    """A lettered line that only titles what is under it ("b. Treasurer" / "Previous Balance £2030.06"; "a Planning:
    Applications Noted" / "1. Ref No ..."; "a. Covenors Report" / "Martin presented the report ..."): a minutes'
    sub-item, a heading inside its numbered item, as a numbered title over prose is.  A title is short, stops short
    of the margin and ends as no sentence does; the next line, right under it, is prose of its own, a list opening
    at 1 or a bullet, never the next letter (then the letters are a list's items: "a. Welcome ..." / "b. Apologies ...") nor words
    that wrap on in lower case.  Its paragraphs stay in the numbered item; the letter stays in the heading's text."""
    from .numbering import letter_label

    w = body[i]
    got = letter_label(w.text)
    if not body.pdf or got is None or len(got[0]) != 1 or not got[0].isalpha() or i + 1 >= len(body):
        return None
    rest = got[1].strip()
    if not rest or not rest[0].isupper() or len(rest.split()) > 12 or not body.heading_text(rest.rstrip(":")) \
            or rest.endswith(":") and not re.search(r"\w:\s", rest + " ") or body.full_line(w.line):
        return None
    nxt = body[i + 1]
    if nxt.line.page != w.line.page or nxt.gap_before:
        return None  # a title sits right over what it heads
    if nxt.line.bold and not w.line.bold and body.bold_marks:
        return None  # "a. Selection of Mayor" / "**Action Required:** (1) ...": an agenda item over its fields
    if i > 0 and not w.gap_before and letter_label(body[i - 1].text) is not None:
        return None  # the last of a tight list ("c. What the crime outcome was ..." / "d. The name of the hospital")
    if letter_label(nxt.text) is not None and nxt.label is None or nxt.label is not None and nxt.label.kind == "part":
        return None
    if nxt.label is not None:
        if nxt.label.kind == "number" and nxt.label.levels == (1,):
            pass  # a list of its own under the title ("1. Ref No 1702817/PP ...")
        elif nxt.label.kind != "bullet":
            return None
    elif not nxt.text[:1].isupper():
        return None
    return Heading(None, w.text.strip(), w.line.page, SectionKind.SECTION, None, 1)


def _lead_in_item(body: Body, i: int, outline: Outline, numbering: Numbering) -> bool:
    """A numbered bold lead-in of a line to three over prose in body type set in under it without a gap, in a series
    of its own under an unnumbered heading, introduced by the sentence above it ("... commit to work together to:"
    / "1. Adopt a value-based healthcare approach" / "We will prioritise research ...", then "2. Support research
    which brings about" / "transformative change ..." in bold over its prose): a designed paper's numbered aims,
    each a paragraph opening with its title.  A minutes' item title over its prose is introduced by nothing, and
    under a numbered section the same shape is a sub-heading."""
    w = body[i]
    lab = w.label
    assert lab is not None
    if not (body.pdf and body.bold_marks and w.line.bold and len(lab.levels) == 1) or outline.number is not None:
        return False
    # the first aim finishes the sentence above it ("... our organisations commit to work together to:"), as no
    # heading does; the next ones go on from the aim before
    last = numbering.last_levels
    first = lab.levels == (1,) and (numbering.heading_since_last or last is None) and i > 0 \
        and body[i - 1].line.page == w.line.page and body[i - 1].label is None \
        and body[i - 1].text.rstrip().endswith(":")
    if not (first or last is not None and len(last) == 1 and not numbering.heading_since_last
            and successor_kind(last, lab.levels) == "next"):
        return False
    tol = max(3.0, 0.3 * (w.line.size or 10))
    j = i + 1
    while j < len(body) and j - i <= 3 and body[j].line.bold and not body[j].gap_before and body[j].label is None \
            and body[j].line.page == w.line.page:
        j += 1
    if j >= len(body) or j - i > 3 or j + 1 >= len(body):
        return False
    p, q = body[j], body[j + 1]
    if p.gap_before or p.label is not None or p.line.bold or p.line.page != w.line.page \
            or abs(p.line.size - w.line.size) >= 0.5 or p.line.x0 <= w.line.x0 + tol \
            or (j > i + 1 and abs(body[i + 1].line.x0 - p.line.x0) > tol):
        return False
    # prose: two lines or more at its margin
    return not q.gap_before and q.label is None and not q.line.bold and abs(q.line.x0 - p.line.x0) <= tol


def _over_lettered_title(body: Body, i: int) -> bool:
    """A short numbered title right over a lettered title ("3. Police reports" / "a. Police Scotland: Presented by
    ..." / prose): a minutes' item heading its lettered sub-items."""
    w = body[i]
    lab = w.label
    assert lab is not None
    rest = lab.rest.strip()
    return body.pdf and i + 1 < len(body) and len(lab.levels) == 1 and bool(rest) and len(rest.split()) <= 8 \
        and body.heading_text(rest.rstrip(":")) and not body.full_line(w.line) \
        and _lettered_title(body, i + 1) is not None


def _short_title(body: Body, i: int) -> bool:
    """Numbered line i's words name rather than say: a few capitalised words, no colon that introduces, stopping
    short of the margin, with a line after it."""
    lab = body[i].label
    assert lab is not None
    rest = lab.rest.strip()
    return (body.pdf and i + 1 < len(body) and bool(rest) and rest[0].isupper() and len(rest.split()) <= 8
            and body.heading_text(rest) and not rest.endswith(":") and not body.full_line(body[i].line))


def _over_items(body: Body, i: int) -> bool:
    """A short numbered title right over its own first child number or over bullets ("6. Questions from the Public" /
    "6.1 3 Lochs Way – Questions were raised ..."; "9. Any Other Business" / "• Christmas Party"): it heads them.  A
    title names (a few words, no sentence's end, no colon that introduces) and stops short of the margin."""
    if not _short_title(body, i):
        return False
    w = body[i]
    lab = w.label
    rest = lab.rest.strip()
    nxt = body[i + 1]
    if nxt.label is None or nxt.line.page != w.line.page:
        return False
    if nxt.label.kind == "bullet":  # not a sentence its bullets finish ("53 Also relevant are the following SPDs")
        return not re.search(r"\b(?:to|that|who|which|of|and|or|the|for|by|with)$|\b(?:is|are|was|were|be|will|"
                             r"should|must|shall|may|can|has|have|include|includes|following)\b", rest, re.I) \
            and not _long_sibling(body, i)
    return nxt.label.kind == "number" and nxt.label.levels == lab.levels + (1,)


def _long_sibling(body: Body, i: int) -> bool:
    """An item of line i's series, next to it at its margin, is no short title but a long line over the text set in
    under it ("1. Information about the Firm" / bullets; "2. Qualifications of the individual(s) who will work on the
    renovation project" / "Identify and provide resumes ..."; "3. Representative projects" / bullets): the items of
    one series are one kind, and that one is an item with its text, so the short ones over bullets are items too."""
    w = body[i]
    lab = w.label
    if not body.pdf or lab is None or len(lab.levels) != 1:
        return False
    tol = max(3.0, 0.3 * (w.line.size or 10))
    for step in (-1, 1):
        want, page, j = lab.levels[0] + step, w.line.page, i + step
        while 0 <= j < len(body) and abs(body[j].line.page - page) <= 1:
            v = body[j]
            if v.label is not None and v.label.kind == "number" and abs(v.line.x0 - w.line.x0) <= tol:
                if v.label.levels != (want,):
                    break
                if j + 1 < len(body) and not _short_title(body, j) \
                        and not body.numbered_heading_look(v) and body[j + 1].label is None \
                        and body[j + 1].line.x0 > v.line.x0 + 8 and body[j + 1].line.page == v.line.page:
                    return True
                want, page = want + step, v.line.page  # a short title too: the series goes on
            elif v.line.x0 < w.line.x0 - tol:
                break
            j += step
    return False


def _over_first_child(body: Body, i: int) -> bool:
    """A short numbered title whose first child number follows within a few unnumbered lines ("5. Councillors'
    Updates" / "Councillor George Freeman Report" / "Cllr George Freeman sent his apologies ... following items:" /
    "5.1 Broadband Update"): the lines between are the section's opening, the title heads them and its children."""
    if not _short_title(body, i):
        return False
    w = body[i]
    lab = w.label
    if not body[i + 1].text[:1].isupper():
        return False  # the title's words wrapping on in lower case: a sentence
    for j in range(i + 1, min(len(body), i + 6)):
        v = body[j]
        if v.line.page != w.line.page and j > i + 1:
            return False
        if v.label is not None:
            return v.label.kind == "number" and v.label.levels == lab.levels + (1,) and j > i + 1
    return False


def _titles_hung_prose(body: Body, i: int) -> bool:
    """A numbered title over prose set in under it without a gap (`_hangs_under`, `_titles_prose`)."""
    return i + 1 < len(body) and not body[i + 1].gap_before and _hangs_under(body, i) and _titles_prose(body, i)


def _hangs_under(body: Body, i: int) -> bool:
    """The prose under numbered title i starts on the next line without a gap, set in at the title's text ("5.1
    Broadband Update" / "Cllr George Freeman updated GCC on ..."): the title stopped well short of the margin, so the
    line below is not its wrapped words but a block of its own.  (A title must not end as a sentence does; see
    `_titles_prose`.)"""
    w, nxt = body[i], body[i + 1]
    lab = w.label
    if lab is None or nxt.label is not None or nxt.line.page != w.line.page or body.full_line(w.line):
        return False
    at = w.text.find(lab.rest) if lab.rest else -1
    if at <= 0 or not nxt.text[:1].isupper():
        return False
    tol = max(3.0, 0.3 * (w.line.size or 10))
    # the prose starts about where the title's words do (the number's width in), not at a tab stop far to the right
    # ("1. Ref No 1702817/PP    Saddleview, Portincaple" / "Alterations and ...": a list entry's second column)
    words_x = w.line.x0 + at * (w.line.x1 - w.line.x0) / max(1, len(w.text))
    # and the title ends well before the line could have: a sentence wrapped at the margin fills its line as the
    # lines under it do ("3.9 The TBP applies to the administrative area of Tewkesbury Borough" / "Council. It ...")
    end = body.short_end
    for j in range(i + 1, min(len(body), i + 4)):
        if body[j].line.page != w.line.page or body[j].label is not None or j > i + 1 and body[j].gap_before:
            break
        end = max(end, body.line_end(body[j].line))
    return nxt.line.x0 > w.line.x0 + tol and abs(nxt.line.x0 - words_x) <= 2.5 * (w.line.size or 10) \
        and body.line_end(w.line) - w.line.x0 < 0.6 * (end - w.line.x0)


def _unnumbered(body: Body, i: int, mid_sentence: bool, in_title_block: bool) -> Optional[Heading]:
    """Styled, short, standing on its own after a gap."""
    w = body[i]
    # a paper that sets no space between paragraphs: a short bold line after a sentence's end stands alone too
    # (a line as long as the text's may stand alone too when a numbered paragraph opens right under it)
    tight = body.pdf and i > 0 and w.line.bold and body.bold_marks \
        and (not body.full_line(w.line) or _numbered_under(body, i)) \
        and bool(_ENDED.search(body[i - 1].text.rstrip())) and body[i - 1].line.page == w.line.page
    # (the gap first: most lines follow the line above without one, and then their style is not asked)
    if not ((w.gap_before or tight) and body.styled(w, w.text) and body.heading_text(w.text)) \
            or mid_sentence and not _breaks_off(body, i):
        return None
    parts, used = _gather(body, i, [w.text])
    nxt = body[i + used] if i + used < len(body) else None
    if body.pdf and nxt is not None and not nxt.gap_before and nxt.label is None and not body.styled(nxt, nxt.text) \
            and (not tight or body.full_line(body[i + used - 1].line)) and not _over_outline(parts, nxt):
        return None  # the "heading" runs straight into prose: a bold lead-in, not a heading
    if body.pdf and nxt is not None and not nxt.gap_before and nxt.label is None and nxt.text[:1].islower() \
            and not nxt.text.rstrip().endswith(("?", ":")) \
            and nxt.line.page == w.line.page and _sentence_block(body, i + used - 1):
        return None  # a note set in bold whose sentence wraps on in lower case ("See standing orders 5(h) and (i)
        # for the different rules that apply in" / "election of the Chairperson ..."): prose, not a heading; a
        # question or label wrapped onto a second line ("... Advisory Panel" / "or other body?") still heads its answer
    # still in the title block, unless a first numbered paragraph follows straight on
    if in_title_block and (nxt is None or nxt.label is None or nxt.label.kind != "number"
                           or nxt.label.levels[-1] != 1 or body.numbered_heading_look(nxt)):
        return None
    return Heading(None, " ".join(parts).strip(), w.line.page, SectionKind.SECTION, None, used)


def _over_outline(parts: list[str], nxt: WorkLine) -> bool:
    """A title in capitals right over an outline's first item (".04 RECOGNITION OF MENTAL ILLNESS" / "A. Police
    officers routinely encounter ..."): it heads the items, it is no lead-in of their prose."""
    from .outline import item_label as outline_item

    text = " ".join(parts)
    got = outline_item(nxt.text)
    return got is not None and got[0] == "A" and any(c.isalpha() for c in text) and text.upper() == text


def _breaks_off(body: Body, i: int) -> bool:
    """A paragraph whose last sentence has no stop ("... thereby ensuring effectiveness [MM155]") is followed,
    after a gap on the same page, by a short line set in bold or larger type, and a numbered paragraph opens right
    under it: a heading ("Conclusion" / "142. Subject to ..."), not the sentence running on.  A sentence never
    goes on after a gap in another type."""
    w = body[i]
    if not body.pdf or i == 0 or i + 1 >= len(body) or not w.gap_before or body[i - 1].line.page != w.line.page:
        return False
    if not ((w.line.bold and body.bold_marks) or body.big(w)):
        return False
    if body.full_line(w.line) and not (body.big(w) and len(w.text.split()) <= 8):
        return False  # (a few words in large type may fill a narrow column's line: "Managing Long Term Absence")
    nxt = body[i + 1]
    return nxt.label is not None and nxt.label.kind == "number" and nxt.line.page == w.line.page \
        and not body.styled(nxt, nxt.text) and nxt.line.x0 <= w.line.x0 + 2


_LETTERED_TITLE = re.compile(r"^([A-Z])\.\s+\S")


def _next_lettered_title(body: Body, i: int, outline: Outline) -> bool:
    """Line i is the next of a series of lettered titles ("D. Consent Calendar" after "C. Public Comment"), styled
    and after a gap: it heads a new part even where the item before it ended without a stop ("... (Staff Report
    #21-004-CC)" / "E. Public Hearing")."""
    w = body[i]
    m = _LETTERED_TITLE.match(w.text.strip())
    if not (m and w.gap_before and body.styled(w, w.text) and m.group(1) > "A"):
        return False
    before = chr(ord(m.group(1)) - 1)
    for sec in reversed(outline.sections):
        got = _LETTERED_TITLE.match(sec.heading or "")
        if got:
            return got.group(1) == before
    return False


def _tight_title(body: Body, i: int, mid_sentence: bool, in_title_block: bool) -> Optional[Heading]:
    """Where a paper sets no space between paragraphs: a short title on a line or two of its own, right over a
    numbered paragraph whose number stands at or right of it ("... delay in responding to requests." / "Licensing" /
    "22. If the dataset ..."; "ii. Scope" in bold / "7. This Code applies ...").  In body type it follows a
    sentence that ended; in bold (where bold is rare) it may follow a list's last item.  A paragraph's own last
    line runs on from a line that did not end, or is followed by unnumbered text."""
    if not body.pdf or in_title_block or body[i].gap_before or i == 0:
        return None
    w = body[i]
    bold = bool(w.line.bold and body.bold_marks)
    used = 1
    while bold and used < 3 and i + used < len(body) and body[i + used].label is None \
            and body[i + used].line.bold and not body[i + used].gap_before:
        used += 1  # "iv. Standards applicable to public authorities in connection with the disclosure of" / "a dataset"
    if i + used >= len(body):
        return None
    nxt = body[i + used]
    # (where the next line is no numbered paragraph, most lines, nothing below is asked: the title is not built)
    if nxt.label is None or nxt.label.kind != "number" or nxt.gap_before or nxt.line.page != w.line.page \
            or nxt.line.x0 < w.line.x0 - 2:
        return None
    text = " ".join(body[j].text.strip() for j in range(i, i + used))
    core = re.sub(r"^(?:\(?[ivxlc]{1,6}|\(?[a-zA-Z])[.)]\s+", "", text)  # "ii. Scope": the title after its label
    if len(text.split()) > 16 or not body.heading_text(core) or not (core[:1].isupper() or core[:1].isdigit()):
        return None
    if not bold:
        prev = body[i - 1]
        if mid_sentence or len(text.split()) > 12 or body.full_line(w.line) or prev.line.page != w.line.page \
                or not _ENDED.search(prev.text.rstrip()) or abs(nxt.line.x0 - w.line.x0) > 2:
            return None
    return Heading(None, text, w.line.page, SectionKind.SECTION, None, used)


def _over_hanging_number(body: Body, i: int, mid_sentence: bool, in_title_block: bool) -> Optional[Heading]:
    """Where numbered paragraphs hang (the number out in the margin, the text set in at a margin of its own): a short
    line or two at that text margin, after a gap and a sentence that ended, right over a numbered paragraph whose
    number stands out left of it ("... these activities involve retail customers." / "Cost benefit analysis" /
    "3.27 As set out in the consultation ..."): a heading, however it is set.  Text that goes on the paragraph
    before runs on into its own prose; this stops short, and the next number's paragraph takes its margin."""
    if not body.pdf or in_title_block or mid_sentence or i == 0 or not body[i].gap_before:
        return None
    w, prev = body[i], body[i - 1]
    if prev.line.page not in (w.line.page, w.line.page - 1) or not _ENDED.search(prev.text.rstrip()):
        return None
    used = 1
    while used < 3 and i + used < len(body) and body[i + used].label is None and not body[i + used].gap_before \
            and body[i + used].line.page == w.line.page and abs(body[i + used].line.x0 - w.line.x0) <= 2:
        used += 1  # "Our response" / "Firms approving or communicating financial promotions"
    if i + used + 1 >= len(body):
        return None
    nxt, after = body[i + used], body[i + used + 1]
    if nxt.label is None or nxt.label.kind != "number" or nxt.gap_before or nxt.line.page != w.line.page \
            or nxt.line.x0 > w.line.x0 - 6 or body.styled(nxt, nxt.text):
        return None
    if after.label is not None or after.gap_before or after.line.page != w.line.page \
            or abs(after.line.x0 - w.line.x0) > 2:
        return None  # (the numbered paragraph's second line at the title's margin: its text hangs there)
    lines = [body[j] for j in range(i, i + used)]
    text = " ".join(v.text.strip() for v in lines)
    if any(body.full_line(v.line) for v in lines) or len(text.split()) > 12 or not text[:1].isupper() \
            or re.search(r"[.,;:!?\-–—]$", text) or not all(body.heading_text(v.text.strip()) for v in lines):
        return None
    return Heading(None, text, w.line.page, SectionKind.SECTION, None, used)


def _numbered_under(body: Body, i: int) -> bool:
    """A numbered paragraph in body type opens on the line right under line i ("Work and Pensions Select Committee
    proposal and evidence sessions" in bold, then "60. The PHSO asked ..."): a bold lead-in runs into its own
    sentence, never into the next number."""
    if i + 1 >= len(body):
        return False
    nxt = body[i + 1]
    return nxt.label is not None and nxt.label.kind == "number" and nxt.line.page == body[i].line.page \
        and not nxt.line.bold


_ENDED = re.compile(r"[.!?][\"'”’)\]]*$")


def _standalone(body: Body, i: int, in_paragraph: bool, after_heading: bool, in_title_block: bool) -> Optional[Heading]:
    """A line or two standing alone between a finished paragraph and a numbered one, a gap on either side: a
    heading however it is set.  Italic headings in body type ("Background", "Conclusion on Issue 1") look like
    text to a reader that sees no italics; what gives them away is where they stand.  A paragraph's own
    unnumbered continuation ends like a sentence; a heading does not (a bold one may end with a full stop)."""
    if not body.pdf or in_title_block or not body[i].gap_before:
        return None
    if not after_heading and not (in_paragraph and i > 0 and (_ENDED.search(body[i - 1].text.rstrip())
                                                              or _stopped_short(body, i - 1, body[i]))):
        return None
    used = _standalone_block(body, i)
    if not used:
        return None
    nxt = i + used
    if nxt < len(body) and nxt + 1 < len(body) and body[nxt].label is None and body[nxt].gap_before:
        later = _standalone_block(body, nxt)  # two such headings in a row ("Housing" then "Affordable housing")
        if later:
            nxt += later
    if nxt >= len(body) or body[nxt].label is None or body[nxt].label.kind != "number":
        return None
    if not body[nxt].gap_before and not series_opens(body, nxt):
        return None
    parts = [body[j].text.strip() for j in range(i, i + used)]
    return Heading(None, " ".join(parts), body[i].line.page, SectionKind.SECTION, None, used)


_WORD_AND_NUMBER = re.compile(r"^[A-Z][a-z]+\s+\d+[a-z]?$")


def _hung_title(body: Body, i: int, in_paragraph: bool, mid_sentence: bool, in_title_block: bool,
                numbering: Numbering) -> Optional[Heading]:
    """Where numbered paragraphs hang their text (the number out at the margin, the words set in), a short line
    standing alone at the text's margin between a paragraph that ended and a block that opens a sentence or a
    lettered item, a gap on either side: a heading, however it is set (TAIC's italic "Safety actions addressing
    proposed recommendations" / "(a) On 11 January 2011 ..."; "... identified during an inquiry" / "Safety issue –
    the master was unaware ...").  `_standalone` asks for a numbered paragraph after it; a heading over lettered
    items or unnumbered prose is one too.  A paragraph's own second block fills its lines; this names."""
    if not body.pdf or in_title_block or mid_sentence or not in_paragraph or i == 0 or not numbering.number_x:
        return None
    w, prev = body[i], body[i - 1]
    if not w.gap_before or prev.line.page != w.line.page or not _ENDED.search(prev.text.rstrip()) \
            or w.line.x0 < numbering.number_x[-1] + 12 or body.full_line(w.line):
        return None
    text = w.text.strip()
    if not text[:1].isupper() or len(text.split()) > 12 or re.search(r"[.,;:!?\-–—]$", text) \
            or not body.heading_text(text) or _standalone_block(body, i) != 1 or _WORD_AND_NUMBER.match(text):
        return None  # ("Recommendation 1", "Figure 3": a label over its item, which its own readers take)
    if i + 1 >= len(body):
        return None
    nxt = body[i + 1]
    if nxt.line.page != w.line.page or abs(nxt.line.x0 - w.line.x0) > 3 or not nxt.text.strip()[:1].isupper() \
            and not (nxt.label is not None and nxt.label.kind == "part"):
        return None
    if nxt.label is not None and nxt.label.kind != "part":
        return None  # a numbered paragraph after it: `_standalone`'s
    return Heading(None, text, w.line.page, SectionKind.SECTION, None, 1)


def series_opens(body: Body, i: int) -> bool:
    """Line i opens a numbered series of its own, set in from the line above: "1." (no gap before it) with "2."
    after it ("Family Test questions" / "1. What kinds of impact ..." / "2. What kind ...").  Under a title, a list
    that starts again at one is the title's."""
    lab = body[i].label
    if lab is None or lab.levels != (1,) or i == 0 or body[i].line.x0 < body[i - 1].line.x0 + 2 \
            or body[i - 1].label is not None or not re.match(r"\s*1\.\s", body[i].text):
        return False  # (under a numbered line, "16.—" / "1) As soon as ...", the list is the provision's own)
    following = body.numbers_after(i, 1)
    return bool(following) and following[0] == (2,)


def _stopped_short(body: Body, j: int, w: WorkLine) -> bool:
    """Line j ends its paragraph without a stop ("... secure this sum as a planning obligation accordingly"): it stops
    well short of the margin on w's page, and neither introduces nor runs on into what follows."""
    prev = body[j]
    return prev.line.page == w.line.page and not body.full_line(prev.line) \
        and not re.search(r"[:,;\-–—]$", prev.text.rstrip()) and w.line.x0 <= prev.line.x0 + 2


def _standalone_block(body: Body, i: int) -> int:
    """How many lines the short block at line i takes when it is shaped like a heading (0: it is not)."""
    w = body[i]
    j = i + 1
    while j < len(body) and not body[j].gap_before and body[j].label is None and body[j].line.page == w.line.page \
            and abs(body[j].line.size - w.line.size) < 0.5:
        j += 1
    if j - i > 3 or j >= len(body) or not (body[j].gap_before or body[j].line.page != w.line.page
                                          or series_opens(body, j)):
        return 0
    text = " ".join(body[k].text.strip() for k in range(i, j))
    lab = w.label
    head = lab.rest if lab is not None else text
    if not head or head[0].islower() or len(text.split()) > 30 or re.search(r"[,;:]$", text):
        return 0
    if _ENDED.search(text) and not text.endswith("?"):
        # a full stop: only a short heading set bold where bold is rare ("Determine assessment area and site size.")
        if not (j - i == 1 and w.line.bold and body.bold_marks and len(text.split()) <= 12):
            return 0
    return j - i


def _bold_title_lines(body: Body, i: int) -> int:
    """How many lines a chapter's title set wholly in bold takes from line i (the label's line and those wrapping on
    from it, no gap, same page), where it is over a line in body weight or one after a gap; 0 otherwise, or where
    it is a single short line (the usual rules decide those) or the paper's text is bold too."""
    w = body[i]
    if not body.pdf or not w.line.bold:
        return 0
    j = i + 1
    while j < len(body) and not body[j].gap_before and body[j].line.page == w.line.page and body[j].line.bold \
            and body[j].label is None and j - i < 6:
        j += 1
    if j >= len(body) or body[j].line.bold and not body[j].gap_before:
        return 0
    if j == i + 1 and len(w.text.split()) < 12:
        return 0
    return j - i if 2 * sum(1 for v in body if v.line.bold) < len(body) else 0


def _gather(body: Body, i: int, parts: list[str]) -> tuple[list[str], int]:
    """The heading's text from line i on, with the lines that continue it; and how many lines it takes."""
    used = 1
    while _continues(body, i + used - 1):
        parts.append(body[i + used].text)
        used += 1
    return parts, used


def _runs_on(body: Body, i: int) -> bool:
    """Line i is the first line of wrapped prose (a bold lead-in), not a heading standing alone."""
    if i + 1 >= len(body):
        return False
    a, b = body[i], body[i + 1]
    if b.gap_before or b.line.page != a.line.page:
        return False
    if b.label is not None:
        # a full line running on to a wrapped line that opens with a dotted name at the text's margin, in from the
        # number ("7. Based on these analyses, there is a realistic possibility that infection with VOC" /
        # "B.1.1.7 is associated with ..."): the sentence goes on, the name is no label
        return body.pdf and b.label.kind == "number" and b.line.x0 > a.line.x0 + 8 \
            and a.line.x1 > 0.75 * (a.line.page_width or 1e9) and not re.search(r"[.:;]$", a.text.rstrip()) \
            and bool(re.match(r"[A-Za-z]", b.text.lstrip()))
    if _sentence_block(body, i):
        return True
    return not body.styled(b, b.text) and bool(b.text[:1].islower() or not body.pdf or
                                               a.line.x1 > 0.75 * (a.line.page_width or 1e9))


def _next_item(body: Body, i: int, numbering: Numbering) -> bool:
    """A flat-numbered item set bold like a heading ("2753. Accounts for payment:-") that is the next number of the
    paragraphs before it and runs straight on, without a gap, into its own text: minutes number their items so."""
    w, last = body[i], numbering.last_levels
    lab = w.label
    assert lab is not None
    if last is None or len(last) != 1 or len(lab.levels) != 1 or successor_kind(last, lab.levels) != "next":
        return False
    if caps(lab.rest) or i + 1 >= len(body):
        return False
    b = body[i + 1]
    return not b.gap_before and b.label is None and b.line.page == w.line.page


def _bold_over_list(body: Body, i: int) -> int:
    """How many lines a numbered title set wholly in bold takes where a list numbered from 1 follows it ("1.
    Protecting and supporting children and young people from drug and alcohol" / "harms." in bold, then "1.
    Development of multi-agency approaches ..." in the text's weight): the title of the list, not a paragraph, however
    it ends; 0 otherwise."""
    used = _bold_title_lines(body, i) or (1 if body.pdf and body[i].line.bold else 0)
    if not used or i + used >= len(body):
        return 0
    nxt = body[i + used]
    if nxt.line.bold or nxt.label is None or nxt.label.kind != "number" or nxt.label.levels != (1,) \
            or body[i].label is None or body[i].label.levels == (1,) and nxt.line.x0 <= body[i].line.x0 + 3.0:
        return 0
    if used == 1 and i + 1 < len(body) and body[i + 1].line.bold:
        return 0
    if body[i + used - 1].text.rstrip().endswith((":", "-", "–", "—")):
        return 0  # "2. Community Council sent the following thank you letters:": a lead-in, its paragraph's list
    return used if 2 * sum(1 for v in body if v.line.bold) < len(body) else 0


def _display_title(body: Body, i: int) -> int:
    """How many lines a numbered title set wholly in large type takes ("1. Review the Code of Conduct for
    Data-Driven Health and" / "Care Technologies and, as appropriate, abide by the" / "principles" in 18 pt bold
    over "Rationale" and prose in 12 pt): its lines wrap as a paragraph's do, but no paragraph is set larger than
    the text; 0 where the line is not such a title."""
    w = body[i]
    if not body.pdf or not body.size or w.line.size < 1.3 * body.size:
        return 0
    j = i + 1
    while j < len(body) and j - i < 5 and not body[j].gap_before and body[j].label is None \
            and body[j].line.page == w.line.page and body[j].line.bold == w.line.bold \
            and abs(body[j].line.size - w.line.size) < 0.3:
        j += 1
    if j == i + 1 or j >= len(body) or body[j].line.size > w.line.size - 1.0:
        return 0  # (a single line: the usual rules decide)
    return j - i


def _next_heading(body: Body, i: int, outline: Outline, numbering: Numbering) -> bool:
    """Line i's number goes on from the numbered heading just opened (no paragraph since), printed at its margin in
    its type ("1. Evolution", "2. ...", "3. Simple questions first", each over its prose, then "4. Leverage use of
    current ... standards" after a list "1." to "3." of objectives), in type larger than the text's: the headings'
    series, not the list's.  So too a level up from it ("4. Membership" after "3.12. Removal from Office", set
    smaller), set as the heading of its own level before it ("3. The Committee ...")."""
    w = body[i]
    lab = w.label
    assert lab is not None
    if not body.pdf or not numbering.heading_since_last or outline.levels is None:
        return False
    step = successor_kind(outline.levels, lab.levels)
    if step not in ("next", "up"):
        return False

    def same_look(v: WorkLine) -> bool:
        return abs(v.line.x0 - w.line.x0) <= max(3.0, 0.3 * (w.line.size or 10)) \
            and abs(v.line.size - w.line.size) < 0.5 and v.line.bold == w.line.bold \
            and body.numbered_heading_look(v) and body.numbered_heading_look(w) and body.big(w)

    for j in range(i - 1, max(-1, i - 120), -1) if step == "next" else ():
        v = body[j]
        if v.label is not None and v.label.kind == "number" and v.label.levels == outline.levels:
            if same_look(v):
                return True
            break
    # a level up from the heading just opened ("4. Membership" after "3.12. Removal from Office", set smaller): the
    # heading of its own level before it ("3. The Committee ...", opened as a section) is set as it is
    if len(lab.levels) >= len(outline.levels) or lab.levels[-1] < 2:
        return False
    before = lab.levels[:-1] + (lab.levels[-1] - 1,)
    shown = ".".join(str(n) for n in before)
    if not any(x.number == shown for x in outline.sections):
        return False
    for j in range(i - 1, max(-1, i - 400), -1):
        v = body[j]
        if v.label is not None and v.label.kind == "number" and v.label.levels == before \
                and body.numbered_heading_look(v):
            return same_look(v)
    return False


def _run_in_item(body: Body, i: int, numbering: Numbering) -> bool:
    """A minutes' item that goes on from the paragraphs before it and whose title runs into its record after a dash
    ("11. Other/Urgent Communications – none" after "10 Version 1 Draft Budget – The following amendments ..."):
    the record is short, but it is the item's text, in lower case where a title's second part is capitalised."""
    w, last = body[i], numbering.last_levels
    lab = w.label
    assert lab is not None
    if last is None or len(last) != 1 or len(lab.levels) != 1 or successor_kind(last, lab.levels) != "next":
        return False
    return bool(re.search(r"\S\s[–—-]\s+[a-z]", lab.rest))


def _bare_item(body: Body, i: int) -> bool:
    """A numbered line with nothing under it: the next line is the next number at its margin ("5.Rural watch signage
    hung around village" / "6.Portincaple Development"; "8. Christmas tree – Carol to update" / "9. Mr L Thompson –
    He is keen ..."), however it is set.  A heading heads something; an item of a list that says all it has to say
    on its own line is the list's entry, a paragraph.  The next number is set as this one is (a heading in larger
    type may share one series with the paragraphs)."""
    w = body[i]
    lab = w.label
    assert lab is not None
    if i + 1 >= len(body) or not body.pdf:
        return False
    nxt = body[i + 1]
    if nxt.label is None or nxt.label.kind != "number" or nxt.line.page != w.line.page \
            or abs(nxt.line.x0 - w.line.x0) > max(3.0, 0.3 * (w.line.size or 10)):
        return False
    if abs(nxt.line.size - w.line.size) >= 0.5 or nxt.line.bold != w.line.bold:
        return False  # "4 Site description" in heading type over "5 The application relates ...": one series for both
    return len(nxt.label.levels) == len(lab.levels) and successor_kind(lab.levels, nxt.label.levels) == "next"


def _sentence_block(body: Body, i: int) -> bool:
    """Line i and the lines set like it without a gap read as prose: three lines or more, or a sentence's end.

    A heading is short and does not run on into a sentence, however it is set (a paper whose body type is larger
    than its tables and notes makes every body line look "big").
    """
    a = body[i]
    lines = [a.text]
    j = i + 1
    while j < len(body) and len(lines) < 4:
        b = body[j]
        # a number set larger than its text ("1.2" in 13.4 pt over 12.3 pt text) makes the first line's size the
        # number's: a line that goes on in lower case, in the text's size, still wraps the sentence
        wraps = a.label is not None and len(lines) > 1 or b.text[:1].islower()
        tol = 0.15 * a.line.size if wraps and a.label is not None and b.line.size < a.line.size else 0.5
        if b.gap_before or b.label is not None or b.line.page != a.line.page or abs(b.line.size - a.line.size) >= tol \
                or b.line.bold != a.line.bold:
            break
        lines.append(b.text)
        j += 1
    if len(lines) < 2:
        return False
    # two lines: a sentence's end, or the colon that introduces a list after a sentence ("... requirements. The
    # chapters are" / "structured as per the criteria presented in Box 1.1:")
    text = " ".join(lines)
    if a.label is not None and a.label.kind == "number" and lines[1][:1].islower() and a.line.size > body[i + 1].line.size \
            and re.search(r"[.!?][\"'”’)]*$", lines[-1]):
        return True  # "2.3 I promote equalities and do not discriminate unlawfully against any" / "person.", the number
        # set larger than its text: the sentence wraps and ends
    return len(lines) >= 3 or len(text.split()) > 12 and (bool(re.search(r"[.!?;][\"'”’)]*$", lines[-1])) or (
        lines[-1].rstrip().endswith(":") and (bool(re.search(r"[a-z]{2}\.\s+[A-Z][a-z]", text))
                                              or body.full_line(a.line))))


def _continues(body: Body, i: int) -> bool:
    """Does line i+1 continue line i's heading (same style, no gap, no label)?"""
    if i + 1 >= len(body):
        return False
    a, b = body[i], body[i + 1]
    if b.label is not None or b.gap_before or b.line.page != a.line.page:
        return False
    # a title in large type wraps where its words do ("Pension age related" / "communications activities")
    wrapped = body.big(b) and b.text[:1].islower() and body.heading_text(b.text[:1].upper() + b.text[1:])
    return b.line.bold == a.line.bold and abs(b.line.size - a.line.size) < 0.5 and (
        body.heading_text(b.text) or wrapped) and (a.line.bold or caps(b.text) == caps(a.text))
