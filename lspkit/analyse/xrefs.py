"""Find the internal cross-references in a paper and resolve them to paragraphs and sections.

Officers check a summary against paragraph numbers, so every "see paragraph
4.3", "section 7 – Implications and Conclusions, post", "the Annexe" or
"(Minute 56 refers)" becomes an `Xref` from the citing paragraph to what it
names.  A reference that names something this document does not contain (an
annex circulated as a separate paper, a minute of an earlier meeting, a section
of an Act) is kept and marked unresolved rather than dropped: the officer has
to know it points elsewhere.

Relative references are resolved conservatively: "above" and "below" only
count when the phrase names a section by a word of its heading ("the
conclusions above", "the recommendations set out below", "the conclusions to
this report"); the nearest preceding (above) or following (below) section with
that word in its heading is the target, or the nearest either way for "to /
of / in this report".  A bare "as set out below" names nothing and is ignored.
"the previous / following paragraph (section)" resolves to the neighbour in
document order, except a statute's "the following section is substituted
therefor:- 10. ...", whose section is quoted inside the citing section: it
resolves to the citing section (its paragraph) itself.

Pure regular expressions over paragraph text: no spaCy, so a cached summary
never needs it.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace
from enum import Enum
from typing import Any, Callable, Iterable, Optional

from ..model import Document, Paragraph, ParagraphKind, Section, SectionKind


class XrefKind(str, Enum):
    PARAGRAPH = "paragraph"
    SECTION = "section"
    ANNEX = "annex"
    QUESTION = "question"
    MINUTE = "minute"


@dataclass(frozen=True)
class Xref:
    """One reference in paragraph `from_`'s text (`text` = text[start:end]).

    `to` holds paragraph numbers for paragraph and question references and
    section numbers for section and annex references; it is empty when the
    reference is unresolved.  `target` is what the text names, normalised
    ("paragraphs 4.3-4.5", "section 7", "the Annexe", "Minute 56").
    `external` marks a reference that by its own words points outside this
    document (a minute, "section 2 of the Local Government Act 2000").
    """

    from_: str
    to: tuple[str, ...]
    kind: XrefKind
    text: str
    start: int
    end: int
    resolved: bool
    target: str = ""
    external: bool = False
    missing: tuple[str, ...] = ()  # numbers a list or range names that this document does not have

    def to_dict(self) -> dict[str, Any]:
        return {
            "from": self.from_,
            "to": list(self.to),
            "kind": self.kind.value,
            "text": self.text,
            "start": self.start,
            "end": self.end,
            "resolved": self.resolved,
            "target": self.target,
            "external": self.external,
            "missing": list(self.missing),
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> "Xref":
        return cls(
            from_=d["from"],
            to=tuple(d.get("to", ())),
            kind=XrefKind(d["kind"]),
            text=d["text"],
            start=d["start"],
            end=d["end"],
            resolved=d["resolved"],
            target=d.get("target", ""),
            external=d.get("external", False),
            missing=tuple(d.get("missing", ())),
        )


# ---------------------------------------------------------------- numbers


def number_key(number: str) -> tuple:
    """Sort key for paragraph numbers as printed: "4.10" after "4.9", "Q7" after "Q6"."""
    parts = re.findall(r"\d+|[A-Za-z]+", number)
    return tuple((0, int(p), "") if p.isdigit() else (1, 0, p.lower()) for p in parts)


def _question_digits(number: str) -> Optional[str]:
    m = re.fullmatch(r"(?:Q|Question\s*)?(\d+[a-z]?)", number.strip(), re.I)
    return m.group(1).lower() if m else None


# ---------------------------------------------------------------- patterns

_DASH = "-\u2013\u2014"
_NUM = r"\d+(?:\.\d+)*[a-z]?(?:\s?\([0-9a-zA-Z]{1,4}\))*"  # "19(5)", "118(1)(b)", "56 (2)": subsections
_SEP = rf"\s*(?:,\s*(?:and|or)?|and|or|&|to|[{_DASH}])\s*"
_LIST = rf"{_NUM}(?:{_SEP}{_NUM})*"
_RANGE_SEP = re.compile(rf"^\s*(?:to|[{_DASH}])\s*$", re.I)

_SECNUM = r"\d+(?:\.\d+)*(?:\s?\([0-9a-zA-Z]{1,4}\))*"
_PARA_RE = re.compile(rf"\b(?:paragraphs?|paras?\.?)\s*(?P<list>{_LIST})(?![\w.]*\d)", re.I)
_SECTION_RE = re.compile(
    rf"\b(?P<word>sections?|chapters?)\s+(?P<list>{_SECNUM}(?:{_SEP}{_SECNUM})*)(?![\w.]*\d|[A-Za-z])", re.I
)
_QUESTION_RE = re.compile(
    rf"\b(?:questions?\s+(?P<list>\d+[a-z]?(?:{_SEP}\d+[a-z]?)*)\b|Q(?P<q>\d+[a-z]?)\b)", re.I
)
_ANNEX_RE = re.compile(
    r"\b(?P<the>(?:the|this|attached)\s+)?(?P<word>annexe?s?|appendix|appendices)\b"
    r"(?:\s+(?P<id>[A-Z](?![\w'’])|\d+\b|[IVX]+\b))?"
    r"(?P<tail>\s+(?:to|of)\s+(?:this|the)\s+(?:report|paper|document))?",
    re.I,
)
_MINUTE_RE = re.compile(r"\bminutes?\s+(?:no\.?\s*)?(?P<id>\d+(?:/\d+)?)(?:\s+refers\b)?", re.I)
_NEIGHBOUR_RE = re.compile(
    r"\b(?:the|this)\s+(?P<dir>previous|preceding|following|next)\s+(?P<what>paragraph|section)\b", re.I
)
# "the conclusions above", "the recommendations set out below", "the conclusions to this report"
_NAMED_RE = re.compile(
    r"\bthe\s+(?P<name>[A-Za-z]+(?:\s+and\s+[A-Za-z]+)?)\s+"
    r"(?:(?:set\s+out|given|shown|described|outlined)\s+)?"
    r"(?P<where>above|below|(?:to|of|in)\s+this\s+(?:report|paper))\b",
    re.I,
)
# "of the Local Government Act 2000", "in the consultation paper": the reference is to another document.
_EXTERNAL_TAIL = re.compile(
    r",?\s+(?:"
    r"(?:of|in)\s+the\s+(?P<paper>(?:consultation|government|draft|white|green|original)\s+"
    r"(?:paper|document|guidance|report|consultation))"
    r"|(?:(?:of|to|under)\s+(?!this\b)(?:the\s+|that\s+)?|(?:in|within)\s+(?:the|that)\s+)"
    r"(?!(?:Report|Document|Paper|Annexe?|Appendix|Section|Chapter|Table|Figure)\b)"
    r"(?P<doc>(?:[A-Z][\w&’'-]*|\d{4})(?:\s+(?:[A-Z][\w&’'-]*|\d{4}|of|and|for|&)(?=\s+[A-Z\d]))*"
    r"(?:\s+(?:[A-Z][\w&’'-]*|\d{4}))?)"
    r")"
)
# Words that name a part of a paper; only these may stand unresolved ("the conclusions above" in a
# paper with no conclusions section).  Other words ("the proposals below") count only when a heading has them.
_STRUCTURAL = {"conclusion", "recommendation", "introduction", "background", "implication", "summary"}
_OTHER_PART_WORDS = {"option", "proposal", "finding", "comment", "issue", "response", "risk", "consideration"}


def _stem(word: str) -> str:
    w = word.lower()
    for suffix in ("ations", "ation", "ions", "ion", "es", "s"):
        if len(w) - len(suffix) >= 4 and w.endswith(suffix):
            return w[: -len(suffix)]
    return w


_STEM_STRUCTURAL = {_stem(w) for w in _STRUCTURAL}
_STEM_PART_WORDS = _STEM_STRUCTURAL | {_stem(w) for w in _OTHER_PART_WORDS}


# ---------------------------------------------------------------- the finder


class _Index:
    """Lookups over one Document, built once per `find_xrefs` call."""

    def __init__(self, document: Document):
        self.document = document
        self.paragraphs = document.paragraphs
        self.numbers = {p.number for p in document.paragraphs}
        # runs of numbering: a new run where the printed numbers go back ("43" then "1"), for papers whose ids
        # the segmenter qualified because the numbering restarts
        self.by_label: dict[str, list[Paragraph]] = {}
        self.run: dict[str, int] = {}
        run, last = 0, None
        for p in document.paragraphs:
            if not p.label or p.kind is not ParagraphKind.PARAGRAPH or not p.label[:1].isdigit():
                continue
            key = number_key(p.label)
            if last is not None and key < last:
                run += 1
            last = key
            self.run[p.number] = run
            self.by_label.setdefault(p.label, []).append(p)
        self.position = {}
        for i, p in enumerate(document.paragraphs):
            self.position.setdefault(p.number, i)
        self.sections = document.sections
        self.section_numbers = {s.number for s in document.sections}
        self.section_position = {s.number: i for i, s in enumerate(document.sections)}
        self._questions = [p for p in self.paragraphs if p.kind is ParagraphKind.QUESTION]
        self._annexes: Optional[list[Section]] = None
        self.section_norm = {}
        for sec in document.sections:
            if sec.number:
                self.section_norm.setdefault(_section_key(sec.number), sec.number)
        counts: dict[str, int] = {}
        for p in document.paragraphs:
            for m in _SELF_NAME.finditer(p.text):
                counts[m.group(1).lower()] = counts.get(m.group(1).lower(), 0) + 1
        self.own_names = frozenset(w for w, n in counts.items() if n >= 2)
        # numbering scheme: a paper numbered 1, 2, 3 ... throughout has no paragraph "3.12"
        plain = [p.number for p in document.paragraphs if p.kind is ParagraphKind.PARAGRAPH]
        self.flat = len(plain) >= 5 and all(re.fullmatch(r"\d+", n) for n in plain)
        self.subject = _subject_document(document)
        self.declared = _declared_referent(document)

    def section_number(self, number: str) -> Optional[str]:
        """The section printed as "2.0" is section 2; "2" is what a reference says.  An annex numbered 1
        is "Appendix 1", never "section 1"."""
        found = number if number in self.section_numbers else self.section_norm.get(_section_key(number))
        if found is None:
            return None
        section = self.document.section(found)
        return None if section is not None and section.kind is SectionKind.ANNEX else found

    def sibling(self, paragraph: Paragraph, number: str) -> Optional[str]:
        """Paragraph `number` of the part `paragraph` is in: "GB7 4" cites "GB7 3", "12(b)" cites "12(a)"."""
        m = re.match(r"^(?P<head>.*?[\s(])[0-9a-z]+\)?(?:\s?\(\d+\))?$", paragraph.number)
        if m:
            head = m.group("head")
            for candidate in (f"{head}{number}" + (")" if head.endswith("(") else ""),):
                if candidate in self.numbers:
                    return candidate
        return self.paragraph_number(number)

    def paragraph_number(self, number: str, near: Optional[Paragraph] = None) -> Optional[str]:
        """The paragraph a reference's number names: as written ("5.4(2)", "1(a)"), without its parts
        ("6(1)(a)" is in 6(1), in 6), or, for "paragraph 3 of this policy", the citing paragraph's sibling.
        Where the numbering restarts, the paragraphs carry ids qualified by their run ("Context 17", "Context 17
        (2)" for the second run under a heading of the same name) and their printed number as label: "paragraph
        17", when no paragraph has that id, is the one so printed in the citing paragraph's own run."""
        n = re.sub(r"\s+", "", number)
        while True:
            for candidate in (n, re.sub(r"\((\w+)\)$", r" (\1)", n)):
                if candidate in self.numbers:
                    return candidate
                found = self.in_run(candidate, near) if near is not None else None
                if found:
                    return found
            shorter = re.sub(r"\s?\([0-9a-zA-Z]{1,4}\)$", "", n)
            if shorter == n:
                return None
            n = shorter

    def in_run(self, label: str, near: Paragraph) -> Optional[str]:
        """The paragraph printed `label` in the run of numbering `near` is in (its id qualified the same way)."""
        if near.number not in self.run or len(set(self.run.values())) < 2:
            return None
        for p in self.by_label.get(label, ()):
            if self.run.get(p.number) == self.run[near.number]:
                return p.number
        return None

    def expand(self, first: str, last: str) -> tuple[str, ...]:
        lo, hi = number_key(first), number_key(last)
        if lo > hi:
            lo, hi = hi, lo
        seen: list[str] = []
        for p in self.paragraphs:
            if p.kind is ParagraphKind.PARAGRAPH and lo <= number_key(p.number) <= hi and p.number not in seen:
                seen.append(p.number)
        return tuple(seen)

    def annexes(self) -> list[Section]:
        """The annexes this document holds: an annex heading with nothing after it but other annex headings (the
        last page's "Appendix 1 – ...", "Appendix 2 – ..." listing what is circulated separately) is a list
        entry, not the annex."""
        if self._annexes is None:
            found = [s for s in self.sections if s.kind is SectionKind.ANNEX or _ANNEX_HEADING.match(s.heading or "")]
            self._annexes = [s for s in found if self._has_content_from(s)]
        return self._annexes

    def _has_content_from(self, annex: Section) -> bool:
        """False for a list of annex headings with nothing else from this one on (no later section, paragraph,
        block or table): two or more annex headings on the page and nothing else is a list, not the annexes."""
        doc, page = self.document, annex.page
        others = [s for s in doc.sections if s is not annex and s.page == page and _ANNEX_HEADING.match(s.heading or "")]
        others += [b for b in doc.blocks if b.page == page and _ANNEX_HEADING.match(b.text or "")]
        if not others:
            return True  # one annex heading alone is the annex, whatever the segmenter kept of its content
        later = doc.sections[doc.sections.index(annex) + 1 :] if annex in doc.sections else ()
        if any(not (s.kind is SectionKind.ANNEX or _ANNEX_HEADING.match(s.heading or "")) for s in later):
            return True
        if any(p.page > page or (p.page == page and annex.number is not None and p.section == annex.number)
               for p in doc.paragraphs):
            return True
        if any(b.page >= page and not _ANNEX_HEADING.match(b.text or "") for b in doc.blocks):
            return True
        return any(t.page >= page for p in doc.paragraphs for t in p.tables)

    def questions(self) -> list[Paragraph]:
        """Computed once per document: callers ask for every paragraph, and rebuilding was quadratic."""
        return self._questions

    def section_in_part(self, paragraph: Paragraph, number: str) -> Optional[str]:
        """Inside Annex B, whose sections are printed B.1, B.2 ..., "section 4" is B.4 when the paper has no
        section 4 of its own."""
        here = self.section_of(paragraph)
        if here is None:
            return None
        for sec in reversed(self.sections[: here + 1]):
            m = re.match(r"^([A-Z]{1,2})(?:\.\d+)*$", sec.number or "")
            if m:
                candidate = f"{m.group(1)}.{_section_key(number)}"
                return candidate if candidate in self.section_numbers else None
        return None

    def section_of(self, paragraph: Paragraph) -> Optional[int]:
        if paragraph.section is not None and paragraph.section in self.section_position:
            return self.section_position[paragraph.section]
        return None


_ANNEX_HEADING = re.compile(r"^\s*(?:annexe?|appendix)\b", re.I)


def _section_key(number: str) -> str:
    n = number.strip().rstrip(".")
    return n[:-2] if n.endswith(".0") else n


# how a paper names the document it is about: "(“the Plan”)", "(the "Framework")"
_SUBJECT_RE = re.compile(
    r"\(\s*[“\"‘']\s*(?:the\s+)?(?P<name>(?:[A-Z][\w-]*\s+){0,2}(?:Plan|Framework|Strategy|Scheme|Policy|Order|"
    r"Constitution|Programme|Statement|SPD|DPD|AAP))\s*[”\"’']\s*\)"
)


# a paper that says whose numbers its references use: "References are to the officer's report, 27 June 2018",
# "Paragraph numbers refer to the draft Plan"
_DECLARED = re.compile(
    r"\b(?:(?:all\s+)?(?:paragraph\s+)?references\s+(?:(?:in|throughout)\s+this\s+\w+\s+)?are\s+to|"
    r"paragraph\s+(?:numbers|references)\s+(?:are\s+(?:to|those\s+of)|refer\s+to))\s+(?:the\s+)?"
    r"(?P<doc>[A-Za-z][\w'’ -]{2,60}?)\s*(?=[,.;(]|$)", re.I)


def _declared_referent(document: Document) -> Optional[str]:
    """The other document whose paragraphs this paper's references number, when its opening says so."""
    texts = [b.text for b in document.blocks[:12]] + [p.text for p in document.paragraphs[:3]]
    for text in texts:
        m = _DECLARED.search(" ".join(text.split()))
        if m and not re.match(r"(?i)(?:this|these|paragraphs?|sections?)\b", m.group("doc")):
            return "the " + m.group("doc").strip()
    return None


def _subject_document(document: Document) -> Optional[str]:
    """The document this paper examines, as it defines it in its first pages ("the Plan"), or None."""
    for p in document.paragraphs[:12]:
        m = _SUBJECT_RE.search(p.text)
        if m:
            return "the " + m.group("name")
    return None


def _split_list(text: str, keep_parts: bool = False) -> list[tuple[str, str]]:
    """ "4.3-4.5 and 4.7" -> [("4.3", "4.5"), ("4.7", "4.7")]; "19(5)" is in section 19 unless `keep_parts`."""
    tokens = re.split(rf"({_SEP})", text, flags=re.I)
    numbers = tokens[0::2]
    seps = tokens[1::2]
    numbers = [n.strip() if keep_parts else _strip_parts(n) for n in numbers]
    out: list[tuple[str, str]] = []
    i = 0
    while i < len(numbers):
        first = numbers[i].strip()
        if i < len(seps) and _RANGE_SEP.match(seps[i]) and i + 1 < len(numbers):
            out.append((first, numbers[i + 1].strip()))
            i += 2
        else:
            out.append((first, first))
            i += 1
    return out


def _range_numbers(first: str, last: str, limit: int = 50) -> list[str]:
    """ "6.2", "6.4" -> 6.2, 6.3, 6.4: the numbers a range names when both ends differ only in their last part."""
    a, b = first.split("."), last.split(".")
    if len(a) != len(b) or a[:-1] != b[:-1] or not (a[-1].isdigit() and b[-1].isdigit()):
        return [first, last]
    lo, hi = int(a[-1]), int(b[-1])
    if hi < lo or hi - lo > limit:
        return [first, last]
    return [".".join(a[:-1] + [str(n)]) for n in range(lo, hi + 1)]


def _external_after(text: str, end: int, start: Optional[int] = None, index: Optional["_Index"] = None) -> Optional[str]:
    """The other document a reference names: right after it ("of the Local Government Act 2000", "in the
    Plan", "to that Framework", "of the ruling", "of, and Schedule 6 to, the Planning Act 2008", after a
    quoted heading: "Chapter 8: Air Quality of the ES"), right before it ("NPPF paragraph 180b", "VAT Act
    1994 section 33", "the Framework (paragraph 182)", "Regulation 16 Paragraph 4", "the Framework,
    especially paragraphs 96-98"), as what it is ("the Section 182 guidance"), or, in brackets, after a
    clause about another document ("The Framework states that ... (paragraph 13)").

    A document the paper calls itself ("this Framework", twice or more) is never another document."""
    own = index.own_names if index is not None else frozenset()

    def other(doc: Optional[str]) -> Optional[str]:
        if not doc:
            return None
        words = re.findall(r"[A-Za-z]+", doc)
        if words and len(words) <= 2 and words[-1].lower() in own:
            return None  # "the Framework" in the Framework itself
        return doc.strip()

    for at in _tail_starts(text, end):
        m = _EXTERNAL_TAIL.match(text, at)
        if m:
            doc = m.group("doc") or (f"the {m.group('paper')}" if m.group("paper") else m.group("noun"))
            if re.search(r"\bthat\s+$", text[at : m.start(m.lastgroup)]) and doc:
                return doc.strip()  # "Annex 1 to that Framework": another one, even in a Framework
            if other(doc):
                return other(doc)
    if start is not None:
        b = _EXTERNAL_BEFORE.search(text[max(0, start - 80) : start])
        if b and other(b.group("doc")):
            return other(b.group("doc"))
        if re.search(r"(?i)\bexisting\s+$", text[max(0, start - 40) : start]):
            # an amending instrument's "... be added as Section 7 to By-law# 4394-99, as amended, with the existing
            # Sections 7, 9, 10 ... re-numbered": the sections of the instrument it amends, named earlier in the clause
            clause = re.split(r"(?<=[.;:!?])\s+(?=[A-Z])", text[max(0, start - 200) : start])[-1]
            amended = list(_INSTRUMENT_NAMED.finditer(clause))
            if amended:
                return amended[-1].group(0).strip()
        if _GUIDANCE_AFTER.match(text, end):
            return "statutory guidance"
        law = _LEGISLATION_AFTER.match(text, end)
        if law:
            return law.group("part")
        if start > 0 and text[start - 1] == "(":
            clause = re.split(r"(?<=[.;:!?])\s+", text[:start])[-1]
            named = [m.group("doc") for m in _DOC_NAMED.finditer(clause)]
            if named and other(named[-1]):
                return other(named[-1])
    return None


def _tail_starts(text: str, end: int) -> list[int]:
    """Where an "of the ..." tail may begin: right after the reference, after ", page 3", or after the heading
    it quotes ("Chapter 8: Air Quality of the ES")."""
    starts = [end]
    m = _SKIP_BEFORE_TAIL.match(text, end)
    if m:
        starts.append(m.end())
    return starts


_SKIP_BEFORE_TAIL = re.compile(
    rf"(?:,\s*(?:page|p\.)\s*\d+|\s*\([a-z0-9]{{1,4}}\)|\s*[:{_DASH}]\s*(?:[A-Z][\w’'-]*\s+){{0,5}}[A-Z][\w’'-]*)"
    r"(?=\s+(?:of|in|to)\s)"
)

# "of the Local Government Act 2000", "in the consultation paper", "of the ruling": the reference is to another document.
_OTHER_NOUNS = (
    r"ruling|judg(?:e)?ment|return|directive|regulations|act|order|orders|guidance|framework|constitution|"
    r"convention|treaty|circular|code|scheme|charter|bill|standards|specification|ES"
)
_EXTERNAL_TAIL = re.compile(
    r",?\s+(?:"
    r"(?:of|in)\s+the\s+(?P<paper>(?:consultation|government|draft|white|green|original)\s+"
    r"(?:paper|document|guidance|report|consultation))"
    r"|(?:of|in|to|under)\s+(?:the|that)\s+(?P<noun>(?:[a-z]+\s+){0,4}(?:" + _OTHER_NOUNS + r"|report\s+No\.?\s*\d+))\b"
    r"|(?:of,\s+and\s+[\w\s]{1,30}?\s+(?:to|of),\s+|(?:of|to|under)\s+(?!this\b)(?:the\s+|that\s+)?|(?:in|within)\s+(?:the|that)\s+)"
    r"(?!(?:Report|Document|Paper|Annexe?|Appendix|Section|Chapter|Table|Figure)\b)"
    r"(?P<doc>(?:[A-Z][\w&’'-]*|\d{4})(?:\s+(?:[A-Z][\w&’'-]*|\d{4}|of|and|for|&)(?=\s+[A-Z\d]))*"
    r"(?:\s+(?:[A-Z][\w&’'-]*|\d{4}))?)"
    r")"
)
# a document named just before the reference: an acronym (NPPF), an Act or Regulations with its year,
# a document word ("the Framework (paragraph 182)", "(The Framework) (paragraph 35)"), a titled report with its
# year ("Annual Report 2018/19 specifically Section 13"), a provision of legislation ("Regulation 16 Paragraph 4"),
# with at most a bracket, "'s" or "especially" between
_EXTERNAL_BEFORE = re.compile(
    r"(?P<doc>\b[A-Z]{2,}[a-z]?|\b(?:Act|Regulations|Order|Directive)\s+\d{4}|"
    r"\b(?:Framework|Constitution|Directive|Guidance|Act|Regulations)|"
    r"\b[A-Z][a-z]+\s+(?:Code|Ordinance|Statutes?)|"  # "Des Moines City Code Section 2-26"
    r"\b[A-Z][a-z]+\s+(?:Report|Review|Statement|Strategy|Assessment)\s+\d{4}(?:[/-]\d{2,4})?|"
    r"\b(?:Regulation|Article|Schedule)\s+\d+[A-Za-z]?)"
    r"(?:['’]s)?\)?\s*[(,]?\s*(?:(?:especially|particularly|in\s+particular|notably|specifically|at)\s+)?$"
)
# another instrument named by its number: "By-law# 4394-99", "Bylaw No. 3946", "Ordinance No. 88-2017"
_INSTRUMENT_NAMED = re.compile(r"(?i)\b(?:by-?law|ordinance|resolution)\s*(?:#|no\.?|number)\s*[\w-]*\d[\w-]*")
_GUIDANCE_AFTER = re.compile(r"\s+(?:statutory\s+)?guidance\b", re.I)
# "Paragraph 2, Schedule 18, Part 3 to the Orders": a provision of a schedule to an instrument
_LEGISLATION_AFTER = re.compile(r",?\s+(?:of\s+)?(?P<part>(?:Schedule|Regulation|Article)\s+\d+[A-Za-z]?)", re.I)
# a document a clause is about: "The Framework states that ...", "the NPPF says"
_DOC_NAMED = re.compile(
    r"\b[Tt]he\s+(?P<doc>Framework|Act|Regulations|Order|Guidance|Constitution|Directive|Plan|Strategy|Code|"
    r"Scheme|Charter|Convention|[A-Z]{3,}[a-z]?)\b(?!\s*\()"
)
# names a paper gives itself: "this Framework", "this Plan"
_SELF_NAME = re.compile(r"\bthis\s+(" + _OTHER_NOUNS.replace("|ES", "") + r"|plan|strategy|policy|report|letter)\b", re.I)


# what follows "the following section" when it introduces the section quoted right after it: "... is substituted
# therefor:- 10. An Order ...", "... is inserted ...: - 3. (1) There shall be ...", "... as section 9A:- “9A. ..."
_QUOTED_SECTION = re.compile(r"[^.:]{0,120}?:\s*[-\u2013\u2014]?\s*[\u201c\"]?\s*\d+\s?[A-Z]?\s*\.\s+\S")


def _neighbour_section(sections, here: int, forward: bool) -> Optional[int]:
    """The previous / following section at the level of section `here`: from numbered section 3, section 2
    (not an unnumbered subheading of section 2); from an unnumbered heading, the heading next to it."""
    step = 1 if forward else -1
    number = sections[here].number
    j = here + step
    if number:
        depth = len(_section_key(number).split("."))
        while 0 <= j < len(sections):
            other = sections[j].number
            if other and len(_section_key(other).split(".")) <= depth:
                return j
            j += step
        return None
    return j if 0 <= j < len(sections) else None


def section_id(section: Section) -> str:
    """How `Xref.to` names a section: its number, or its heading when it has none."""
    return section.number or section.heading


# "paragraph 3 of this policy / section / part": numbered within the part the citing paragraph is in
_SCOPE_AFTER = re.compile(r"\s+(?:of|in)\s+this\s+(?:policy|section|part|chapter|annexe?|appendix|schedule)\b", re.I)


def _strip_parts(number: str) -> str:
    return re.sub(r"\s?\(.*$", "", number.strip())


def _the_annex(index: "_Index", paragraph: Paragraph, earlier: list, the: str, annexes: list[Section]) -> str:
    """ "the Annex": the annex this paragraph is in ("This Annex sets out"), else the one the paragraph named
    last ("Annex D; the Annex also sets out"), else the paper's first."""
    if the.strip().lower() == "this" and paragraph.section is not None:
        for s in annexes:
            if s.number == paragraph.section:
                return section_id(s)
    named = [x for x in earlier if x.kind is XrefKind.ANNEX and x.resolved and x.to]
    if named:
        return named[-1].to[0]
    return section_id(annexes[0])


def find_xrefs(document: Document) -> tuple[Xref, ...]:
    """Every cross-reference in every paragraph, in document order."""
    return tuple(x for _, x in located_xrefs(document))


def located_xrefs(document: Document, only: Optional[Callable[[Paragraph], bool]] = None) -> list[tuple[int, Xref]]:
    """(paragraph position, Xref) for the paragraphs `only` accepts (all by default), in document order.

    Positions, not numbers: a badly numbered paper repeats numbers, and diff
    needs to know which of them cites.  `only` lets a caller skip paragraphs
    that cannot hold a reference without building the lookups more than once.
    """
    index = _Index(document)
    return [
        (i, x)
        for i, paragraph in enumerate(document.paragraphs)
        if only is None or only(paragraph)
        for x in _find_in_paragraph(paragraph, index)
    ]


def _find_in_paragraph(paragraph: Paragraph, index: _Index) -> list[Xref]:
    text = paragraph.text
    taken: list[tuple[int, int]] = []
    out: list[Xref] = []

    def free(start: int, end: int) -> bool:
        return all(end <= a or start >= b for a, b in taken)

    def add(xref: Xref) -> None:
        taken.append((xref.start, xref.end))
        out.append(xref)

    def make(kind, start, end, to, target, external=False) -> Xref:
        to = tuple(to)
        return Xref(
            from_=paragraph.number,
            to=to,
            kind=kind,
            text=text[start:end],
            start=start,
            end=end,
            resolved=bool(to) and not external,
            target=target,
            external=external,
        )

    # Minutes: "(Minute 56 refers)" is a minute of an earlier meeting, never this paper.
    for m in _MINUTE_RE.finditer(text):
        start, end = m.start(), m.end()
        if start > 0 and text[start - 1] == "(":
            close = text.find(")", end)
            if close != -1 and close - end < 12:
                start, end = start - 1, close + 1
        if free(start, end):
            add(make(XrefKind.MINUTE, start, end, (), f"Minute {m.group('id')}", external=True))

    # Paragraphs: "paragraph 4.3", "paras 4.3-4.5", "paragraphs 4.3 and 4.7".
    for m in _PARA_RE.finditer(text):
        start, end = m.start(), m.end()
        if not free(start, end):
            continue
        spans = _split_list(m.group("list"))
        target = ("paragraphs " if len(spans) > 1 or spans[0][0] != spans[0][1] else "paragraph ") + m.group(
            "list"
        ).strip()
        ext = _external_after(text, end, start, index)
        if ext:
            add(make(XrefKind.PARAGRAPH, start, end, (), f"{target} of {ext}", True))
            continue
        scoped = _SCOPE_AFTER.match(text, end)  # "paragraph 3 of this policy": the citing paragraph's sibling
        if scoped:
            end = scoped.end()
        elif index.declared:  # "References are to the officer's report": its paragraphs, not this letter's
            add(make(XrefKind.PARAGRAPH, start, end, (), f"{target} of {index.declared}", True))
            continue
        to: list[str] = []
        missing: list[str] = []
        for first, last in _split_list(m.group("list"), keep_parts=True):
            if first == last:
                found = index.sibling(paragraph, first) if scoped else index.paragraph_number(first, paragraph)
                if found and found not in to:
                    to.append(found)
                elif not found:
                    missing.append(first)
            else:
                first, last = _strip_parts(first), _strip_parts(last)
                if first in index.numbers or last in index.numbers:
                    to.extend(n for n in index.expand(first, last) if n not in to)
                    missing.extend(n for n in _range_numbers(first, last) if n not in index.numbers)
                    continue
                # where the numbering restarts and ids are qualified: "Paragraphs 20-21" printed so in the citing
                # paragraph's run ("Context 20 (2)")
                run = [index.in_run(n, paragraph) for n in _range_numbers(first, last)]
                to.extend(n for n in run if n and n not in to)
                missing.extend(n for n, got in zip(_range_numbers(first, last), run) if not got)
        if not to and index.subject and index.flat and all("." in _strip_parts(a) for a, _ in spans):
            # "paragraph 3.12" in a report numbered 1, 2, 3 ...: the plan it examines, by that plan's numbering
            add(make(XrefKind.PARAGRAPH, start, end, (), f"{target} of {index.subject}", True))
            continue
        add(replace(make(XrefKind.PARAGRAPH, start, end, to, target), missing=tuple(missing) if to else ()))

    # Sections: "section 7", "section 7 – Implications and Conclusions, post", "chapters 3 and 4".
    for m in _SECTION_RE.finditer(text):
        start, end = m.start(), m.end()
        if not free(start, end):
            continue
        spans = _split_list(m.group("list"))
        word = "chapter" if m.group("word").lower().startswith("chapter") else "section"
        target = f"{word}{'s' if len(spans) > 1 or spans[0][0] != spans[0][1] else ''} {m.group('list').strip()}"
        ext = _external_after(text, end, start, index)
        if ext:
            add(make(XrefKind.SECTION, start, end, (), f"{target} of {ext}", True))
            continue
        to = []
        missing = []
        for first, last in spans:
            if first == last:
                found = index.section_number(first) or index.section_in_part(paragraph, first)
                if found and found not in to:
                    to.append(found)
                elif not found:
                    missing.append(first)
            else:
                lo, hi = number_key(_section_key(first)), number_key(_section_key(last))
                to.extend(s.number for s in index.sections
                          if s.number and lo <= number_key(_section_key(s.number)) <= hi and s.number not in to)
                # "sections 2-4" names 2, 3 and 4: the ones this paper does not have are flagged
                missing.extend(n for n in _range_numbers(_section_key(first), _section_key(last))
                               if index.section_number(n) is None)
        if not to and word == "chapter" and index.subject and index.flat:
            # "chapter 13" in a report numbered 1, 2, 3 ... that has no chapter 13: the plan it examines
            add(make(XrefKind.SECTION, start, end, (), f"{target} of {index.subject}", True))
            continue
        end = _extend_with_heading(text, end, [index.document.section(n) for n in to])
        said = re.search(r"\b(above|ante|below|post)$", text[start:end], re.I)
        here = index.section_of(paragraph)
        if said and here is not None and to:
            # "section 1 above" names a section before this one; a section after it is another section 1
            backward = said.group(1).lower() in ("above", "ante")
            to = [n for n in to if (index.section_position.get(n, here) <= here) == backward
                  or index.section_position.get(n) == here]
        add(replace(make(XrefKind.SECTION, start, end, to, target), missing=tuple(missing) if to else ()))

    # Questions: "Question 7", "questions 3 and 4", "Q7".
    questions = index.questions()
    for m in _QUESTION_RE.finditer(text):
        start, end = m.start(), m.end()
        if not free(start, end):
            continue
        listed = m.group("list") or m.group("q")
        wanted: list[str] = []
        for first, last in _split_list(listed):
            if first == last:
                wanted.append(first.lower())
            elif first.isdigit() and last.isdigit():
                wanted.extend(str(n) for n in range(int(first), int(last) + 1))
        to = [q.number for w in wanted for q in questions if _question_digits(q.number) == w]
        target = ("Questions " if len(wanted) > 1 else "Question ") + listed.strip()
        ext = _external_after(text, end, index=index)
        if ext:
            add(make(XrefKind.QUESTION, start, end, (), f"{target} of {ext}", True))
            continue
        add(make(XrefKind.QUESTION, start, end, to, target))

    # Annexes and appendices: "the Annexe", "Annex A", "Appendix B".
    annexes = index.annexes()
    # annex sections whose numbers repeat (1, 1, 1, 2, 3, 1 ... under the company profiles of an agenda pack) are
    # numbered as parts inside annexes, not as the annexes themselves: "Appendix 1" then resolves only to a heading
    # that prints it, never to a part numbered 1 (nor 2, nor 3: one sequence of numbers, none of them an annex's)
    numbers = [a.number for a in annexes if a.number]
    repeated = set(numbers) if len(set(numbers)) < len(numbers) else set()
    for m in _ANNEX_RE.finditer(text):
        ident = m.group("id")
        if not ident and not m.group("the"):
            continue  # "annex" as a verb, or a stray heading word
        start = m.start("word") if not m.group("the") else m.start()
        end = m.end()
        if not free(start, end):
            continue
        word = m.group("word")
        if m.group("the") and m.group("the").strip().lower() != "the":
            start = m.start("word")
        target = (f"{word} {ident}" if ident else f"the {word}").strip()
        if not m.group("tail"):
            ext = _external_after(text, end, start, index)
            if ext:  # "Appendix H in the Plan", "Annex 1 to that Framework", "NPPF (CD6.1) in Annex 2"
                add(make(XrefKind.ANNEX, start, end, (), f"{target} of {ext}", True))
                continue
        to = []
        if ident:
            for s in annexes:
                label = f"{s.number or ''} {s.heading or ''}"
                if ((s.number or "").lower() == ident.lower() and s.number not in repeated) or re.search(
                    rf"\b(?:annexe?|appendix)\s+{re.escape(ident)}\b", label, re.I
                ):
                    to.append(section_id(s))
                    break
        elif annexes:
            to.append(_the_annex(index, paragraph, out, m.group("the") or "", annexes))
        add(make(XrefKind.ANNEX, start, end, to, target))

    # "the previous paragraph", "the following section".
    position = index.position.get(paragraph.number)
    for m in _NEIGHBOUR_RE.finditer(text):
        start, end = m.start(), m.end()
        if not free(start, end):
            continue
        forward = m.group("dir").lower() in ("following", "next")
        what = m.group("what").lower()
        to = []
        if what == "paragraph" and position is not None:
            j = position + (1 if forward else -1)
            if 0 <= j < len(index.paragraphs):
                to.append(index.paragraphs[j].number)
            kind = XrefKind.PARAGRAPH
        elif forward and _QUOTED_SECTION.match(text, end):
            # a statute's "the following section is substituted therefor:- 10. An Order ...": the section it names is
            # quoted right after it, inside this statute section (the paragraph; its quoted marginal note among the
            # paragraph's), so it resolves to the citing section itself, not to the next one
            kind = XrefKind.SECTION
            to.append(paragraph.number)
        else:
            kind = XrefKind.SECTION
            here = index.section_of(paragraph)
            if here is not None:
                j = _neighbour_section(index.sections, here, forward)
                if j is not None:
                    to.append(section_id(index.sections[j]))
        add(make(kind, start, end, to, f"the {m.group('dir').lower()} {what}"))

    # "the conclusions above", "the recommendations set out below", "the conclusions to this report".
    for m in _NAMED_RE.finditer(text):
        start, end = m.start(), m.end()
        if not free(start, end):
            continue
        names = [_stem(w) for w in re.split(r"\s+and\s+", m.group("name"), flags=re.I)]
        if not any(n in _STEM_PART_WORDS for n in names):
            continue  # "the table below", "the comments below": names no part of the paper
        where = m.group("where").lower()
        direction = "above" if where == "above" else "below" if where == "below" else "any"
        section = _nearest_heading(index, paragraph, names, direction)
        if section is None and not any(n in _STEM_STRUCTURAL for n in names):
            continue
        to = [section_id(section)] if section else []
        if not to:
            box = _heading_block(index.document, paragraph, names, direction)
            to = [box] if box else []
        add(make(XrefKind.SECTION, start, end, to, f"the {m.group('name').lower()} {where}"))

    out.sort(key=lambda x: x.start)
    return out


def _extend_with_heading(text: str, end: int, sections: Iterable[Optional[Section]]) -> int:
    """Take in " – Implications and Conclusions" when it repeats the heading, and a trailing ", post"."""
    for section in sections:
        if section is None or not section.heading:
            continue
        m = re.match(rf"\s*[{_DASH}:]\s*", text[end:])
        if m:
            heading = re.sub(r"\s+", " ", section.heading.strip())
            after = text[end + m.end() : end + m.end() + len(heading)]
            if after.lower() == heading.lower():
                end = end + m.end() + len(heading)
        break
    m = re.match(r",?\s+(?:post|ante|above|below)\b", text[end:], re.I)
    if m:
        end += m.end()
    return end


# a cover box's heading kept as a block: "Recommendations:", "Recommendation(s)", "Conclusions"
_BLOCK_HEADING = re.compile(r"^\s*(?P<head>[A-Z][A-Za-z()]*(?:\s+[A-Za-z()]+){0,3})\s*:?\s*$")


def _heading_block(document: Document, paragraph: Paragraph, names: list[str], direction: str) -> Optional[str]:
    """ "the recommendations of this report" where the paper's recommendations sit in a cover box whose heading
    ("Recommendations:") the segmenter kept as a block, not a section: that heading, as printed (no colon), on a
    page before the citing paragraph's for "above", after it for "below"."""
    for b in document.blocks:
        m = _BLOCK_HEADING.match(b.text or "")
        if not m or not any(n in {_stem(w) for w in re.findall(r"[A-Za-z]+", m.group("head"))} for n in names):
            continue
        if (direction == "above" and b.page > paragraph.page) or (direction == "below" and b.page < paragraph.page):
            continue
        return m.group("head")
    return None


def _heading_stems(section: Section) -> set[str]:
    return {_stem(w) for w in re.findall(r"[A-Za-z]+", section.heading or "")}


def _nearest_heading(index: _Index, paragraph: Paragraph, names: list[str], direction: str) -> Optional[Section]:
    """The nearest section before/after (or either side of) the paragraph whose heading has the word."""
    matches = [i for i, s in enumerate(index.sections) if any(n in _heading_stems(s) for n in names)]
    if not matches:
        return None
    here = index.section_of(paragraph)
    if here is None:
        return index.sections[matches[0]] if direction != "below" else index.sections[matches[-1]]
    if direction == "above":
        before = [i for i in matches if i <= here]
        return index.sections[before[-1]] if before else None
    if direction == "below":
        after = [i for i in matches if i >= here]
        return index.sections[after[0]] if after else None
    return index.sections[min(matches, key=lambda i: (abs(i - here), i))]
