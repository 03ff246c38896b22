"""The officer's summary: what a report says, theme by theme, checkable against paragraph numbers.

`summarise(document)` builds a `Summary`: metadata, counts, a theme overview,
per theme the paragraphs in number order each with a gist, the
recommendations, resolved cross-references, a glossary of acronyms, the
consultation questions with the paragraphs that discuss them and, with
`against=`, links to the source paper and what the report left out.

Gists are extractive only: the sentence (or run of clauses) of the paragraph
carrying most of its theme evidence, always a contiguous span of the paragraph
text, so an officer never reads words the paper did not say.

`Summary.to_dict()` is the documented JSON (README, section `summarise`) and
`Summary.from_dict()` reads it back: the cache stores it, so a repeat run needs
neither spaCy nor pdfplumber (`lspkit.pipeline.SummaryJob` keys and serves it).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any, Iterable, Optional, Sequence

from ..model import Document, ParagraphKind, Section, SectionKind, Source
from .recommendations import Conclusion, Recommendation, find_conclusion, find_recommendations, find_recommendations_with_note  # noqa: F401
from .title import find_title
from .xrefs import Xref, XrefKind, find_xrefs, number_key

GIST_WORDS = 25  # "about 25 words": a run of clauses may reach GIST_WORDS + GIST_SLACK
GIST_SLACK = 5
SUMMARY_FORMAT = 3  # bump when the computed Summary changes shape or meaning (cache key)


# ---------------------------------------------------------------- data


@dataclass(frozen=True)
class Gist:
    """text == paragraph.text[start:end]; `score` is the theme evidence weight inside it."""

    text: str
    start: int
    end: int
    score: float = 0.0

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "start": self.start, "end": self.end, "score": round(self.score, 4)}

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> "Gist":
        return cls(d["text"], d["start"], d["end"], d.get("score", 0.0))


@dataclass(frozen=True)
class ThemeEntry:
    """One paragraph under one theme."""

    number: str
    page: int
    score: float
    gist: Gist

    def to_dict(self) -> dict[str, Any]:
        return {"number": self.number, "page": self.page, "score": round(self.score, 4), "gist": self.gist.to_dict()}

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> "ThemeEntry":
        return cls(d["number"], d["page"], d["score"], Gist.from_dict(d["gist"]))


@dataclass(frozen=True)
class ThemeSummary:
    name: str
    label: str
    count: int
    paragraphs: tuple[ThemeEntry, ...] = ()
    colour: str = "cyan"

    def to_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "label": self.label,
            "colour": self.colour,
            "count": self.count,
            "paragraphs": [e.to_dict() for e in self.paragraphs],
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> "ThemeSummary":
        return cls(
            d["name"],
            d["label"],
            d["count"],
            tuple(ThemeEntry.from_dict(e) for e in d.get("paragraphs", ())),
            d.get("colour", "cyan"),
        )


@dataclass(frozen=True)
class SummaryParagraph:
    """Every paragraph, with its themes (strongest first) and its overall gist."""

    number: str
    page: int
    text: str
    kind: ParagraphKind = ParagraphKind.PARAGRAPH
    section: Optional[str] = None
    heading: Optional[str] = None
    page_end: Optional[int] = None
    themes: tuple[str, ...] = ()
    scores: tuple[tuple[str, float], ...] = ()
    gist: Optional[Gist] = None

    def __post_init__(self):
        object.__setattr__(self, "kind", ParagraphKind(self.kind))

    def to_dict(self) -> dict[str, Any]:
        return {
            "number": self.number,
            "kind": self.kind.value,
            "section": self.section,
            "heading": self.heading,
            "page": self.page,
            "page_end": self.page_end if self.page_end is not None else self.page,
            "themes": list(self.themes),
            "scores": {k: round(v, 4) for k, v in self.scores},
            "gist": self.gist.to_dict() if self.gist else None,
            "text": self.text,
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> "SummaryParagraph":
        return cls(
            number=d["number"],
            page=d["page"],
            text=d["text"],
            kind=d.get("kind", "paragraph"),
            section=d.get("section"),
            heading=d.get("heading"),
            page_end=d.get("page_end"),
            themes=tuple(d.get("themes", ())),
            scores=tuple((k, v) for k, v in d.get("scores", {}).items()),
            gist=Gist.from_dict(d["gist"]) if d.get("gist") else None,
        )


@dataclass(frozen=True)
class GlossaryEntry:
    """`long` is None for an acronym the paper uses but never expands; `first` is the paragraph of first use.

    `source` says where the expansion came from: "table" (the paper's abbreviations table or list),
    "text" (a bracketed definition), "initials" (a capitalised run elsewhere in the paper spelling it),
    "known" (the taxonomy's domain list: not defined by the paper); None when unexpanded.
    """

    short: str
    long: Optional[str]
    first: Optional[str]
    source: Optional[str] = None

    def to_dict(self) -> dict[str, Any]:
        return {"short": self.short, "long": self.long, "first": self.first, "expanded": self.long is not None,
                "source": self.source}

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> "GlossaryEntry":
        return cls(d["short"], d.get("long"), d.get("first"), d.get("source"))


@dataclass(frozen=True)
class QuestionSummary:
    """A consultation question and the paragraphs that discuss it (`via`: "xref" or "terms" per paragraph)."""

    number: str
    page: int
    text: str
    section: Optional[str] = None
    discussed_by: tuple[tuple[str, str, float], ...] = ()  # (paragraph, via, score)

    def to_dict(self) -> dict[str, Any]:
        return {
            "number": self.number,
            "page": self.page,
            "section": self.section,
            "text": self.text,
            "discussed_by": [{"paragraph": n, "via": v, "score": round(s, 4)} for n, v, s in self.discussed_by],
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> "QuestionSummary":
        return cls(
            d["number"],
            d["page"],
            d["text"],
            d.get("section"),
            tuple((x["paragraph"], x["via"], x.get("score", 0.0)) for x in d.get("discussed_by", ())),
        )


@dataclass(frozen=True)
class Summary:
    source: Source
    metadata: dict[str, Any]
    counts: dict[str, int]
    sections: tuple[Section, ...]
    themes: tuple[ThemeSummary, ...]
    paragraphs: tuple[SummaryParagraph, ...]
    recommendations: tuple[Recommendation, ...] = ()
    xrefs: tuple[Xref, ...] = ()
    acronyms: tuple[GlossaryEntry, ...] = ()
    questions: tuple[QuestionSummary, ...] = ()
    against: Optional[Any] = None  # links.Against, when summarised against a source paper
    taxonomy: dict[str, Any] = field(default_factory=dict)
    warnings: tuple[str, ...] = ()
    conclusion: Optional[Conclusion] = None  # for a paper that asks no decision

    @property
    def title(self) -> str:
        from pathlib import PurePath

        return str(self.metadata.get("title") or PurePath(self.source.path).stem)

    def paragraph(self, number: str) -> Optional[SummaryParagraph]:
        for p in self.paragraphs:
            if p.number == number:
                return p
        return None

    def theme(self, name: str) -> Optional[ThemeSummary]:
        wanted = name.strip().lower()
        for t in self.themes:
            if t.name.lower() == wanted or t.label.lower() == wanted:
                return t
        return None

    def xrefs_from(self, number: str) -> tuple[Xref, ...]:
        return tuple(x for x in self.xrefs if x.from_ == number)

    def to_dict(self) -> dict[str, Any]:
        against = self.against
        return {
            "source": self.source.to_dict(),
            "metadata": dict(self.metadata),
            "counts": dict(self.counts),
            "sections": [s.to_dict() for s in self.sections],
            "themes": [t.to_dict() for t in self.themes],
            "recommendations": [r.to_dict() for r in self.recommendations],
            "conclusion": self.conclusion.to_dict() if self.conclusion is not None else None,
            "paragraphs": [p.to_dict() for p in self.paragraphs],
            "xrefs": [x.to_dict() for x in self.xrefs],
            "acronyms": [a.to_dict() for a in self.acronyms],
            "questions": [q.to_dict() for q in self.questions],
            "against": against.to_dict() if against is not None else None,
            "links": [link.to_dict() for link in against.links] if against is not None else [],
            "uncovered": against.uncovered_dict() if against is not None else None,
            "taxonomy": dict(self.taxonomy),
            "warnings": list(self.warnings),
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> "Summary":
        against = None
        if d.get("against"):
            from .links import Against

            against = Against.from_dict(d["against"])
        return cls(
            source=Source(**d["source"]),
            metadata=dict(d.get("metadata", {})),
            counts=dict(d.get("counts", {})),
            sections=tuple(
                Section(s["number"], s["heading"], s["page"], SectionKind(s.get("kind", "section")))
                for s in d.get("sections", ())
            ),
            themes=tuple(ThemeSummary.from_dict(t) for t in d.get("themes", ())),
            paragraphs=tuple(SummaryParagraph.from_dict(p) for p in d.get("paragraphs", ())),
            recommendations=tuple(Recommendation.from_dict(r) for r in d.get("recommendations", ())),
            xrefs=tuple(Xref.from_dict(x) for x in d.get("xrefs", ())),
            acronyms=tuple(GlossaryEntry.from_dict(a) for a in d.get("acronyms", ())),
            questions=tuple(QuestionSummary.from_dict(q) for q in d.get("questions", ())),
            against=against,
            taxonomy=dict(d.get("taxonomy", {})),
            warnings=tuple(d.get("warnings", ())),
            conclusion=Conclusion.from_dict(d["conclusion"]) if d.get("conclusion") else None,
        )


# ---------------------------------------------------------------- gists

_ABBREVIATIONS = re.compile(r"(?:\b(?:e\.g|i\.e|etc|no|nos|para|paras|cf|mr|mrs|ms|dr|st|vol|p|pp|fig)|\b[A-Z])\.$", re.I)
_SENTENCE_END = re.compile(r"[.!?][\"'’”)]*\s+(?=[\"'‘“(]?[A-Z0-9•\-–])")
_CLAUSE_END = re.compile(r"(?:[;:,](?=\s)|\s[\u2013\u2014-]\s|\s(?=•))")
# weaker boundaries, used only when no run of ordinary clauses fits: before a conjunction or relative pronoun
_WEAK_CLAUSE_END = re.compile(
    r"\s(?=(?:but|which|whose|where|while|whereas|although|because|so that|"
    r"(?:and|or) (?:is|are|was|were|will|has|have|had|can|could|should|would|must|may|it|they|this|these))\s)"
)
_WORD = re.compile(r"\S+")
_TRIM = " \t\n,;:\u2013\u2014-•"


def sentences(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence; abbreviations such as "e.g." and "para." do not end one."""
    spans: list[tuple[int, int]] = []
    start = 0
    for m in _SENTENCE_END.finditer(text):
        end = m.start() + 1
        if _ABBREVIATIONS.search(text[max(start, end - 8) : end]):
            continue
        spans.append((start, end))
        start = m.end()
    if start < len(text):
        spans.append((start, len(text)))
    return [s for s in (_strip(text, a, b) for a, b in spans) if s[1] > s[0]]


def _clauses(text: str, start: int, end: int, pattern: "re.Pattern[str]" = _CLAUSE_END) -> list[tuple[int, int]]:
    """Clause spans of text[start:end]; never split inside brackets (a list in parentheses is one clause)."""
    depth_at = _bracket_depths(text, start, end)
    spans: list[tuple[int, int]] = []
    a = start
    for m in pattern.finditer(text, start, end):
        if depth_at[m.start() - start]:
            continue
        b = m.end() if text[m.start()] in ";:," else m.start()
        if b > a:
            spans.append((a, b))
        a = b
    if a < end:
        spans.append((a, end))
    return spans


def _bracket_depths(text: str, start: int, end: int) -> list[int]:
    depths, depth = [], 0
    for ch in text[start:end]:
        if ch in "([":
            depth += 1
        elif ch in ")]" and depth:
            depth -= 1
        depths.append(depth)
    return depths


def _strip(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start] in _TRIM:
        start += 1
    while end > start and text[end - 1] in _TRIM:
        end -= 1
    return start, end


def _words(text: str, start: int, end: int) -> int:
    return len(_WORD.findall(text, start, end))


def _weight(evidence: Sequence[tuple[int, int, float]], start: int, end: int) -> float:
    return sum(w for a, b, w in evidence if a < end and b > start)


def make_gist(text: str, evidence: Sequence[tuple[int, int, float]] = (), max_words: int = GIST_WORDS) -> Gist:
    """The sentence carrying most evidence, cut to about `max_words` at clause boundaries.

    `evidence` is (start, end, weight) spans in `text`.  Without evidence the
    first sentence is the gist.  The result is always text[start:end].
    """
    if not text.strip():
        return Gist("", 0, 0, 0.0)
    spans = sentences(text) or [_strip(text, 0, len(text))]
    # a caption is never a gist, nor a connective and an adverbial alone ("Also on 5 February.")
    standing = [sp for sp in spans if not _CAPTION.match(text, sp[0]) and not _fragment(text, *sp)] or spans
    scored = [(_weight(evidence, a, b), -i, (a, b)) for i, (a, b) in enumerate(standing)]
    _, _, (start, end) = max(scored)
    limit = max_words + GIST_SLACK
    if _words(text, start, end) > limit:
        start, end = _best_window(text, _clauses(text, start, end), evidence, max_words, limit)
    start, end = _strip(text, start, end)
    m = _CONNECTIVE.match(text, start, end)
    if m and m.end() < end and _words(text, m.end(), end) >= 4:  # "In this respect, ...": the clause stands alone
        start = m.end()
        lead = _ADVERBIAL.match(text, start, end)
        if lead and _words(text, lead.end(), end) >= 4:  # "Also on 5 February, the Cabinet agreed": the main clause
            start = lead.end()
    if end <= start:  # nothing but punctuation: fall back to the whole paragraph, trimmed
        start, end = 0, len(text)
    return Gist(text[start:end], start, end, _weight(evidence, start, end))


# a leading connective points back at what came before: the gist starts after it
# Words that are a connective only before a comma ("In addition, the Council ..." but "In addition to a review
# of the evidence, 45 sites ..."; "Further, ..." but "Further work was then undertaken") need the comma.
_CONNECTIVE = re.compile(
    r"(?:(?:in this (?:respect|regard|context|case)|additionally|also|however|furthermore|moreover|"
    r"therefore|thus|consequently|accordingly|nevertheless|nonetheless|similarly|likewise|and|but)\b,?"
    r"|(?:in addition|as such|in (?:particular|turn)|to this end|for this reason|further|finally|firstly|secondly|"
    r"thirdly|then|so)\b,)\s+",
    re.I,
)
# a clause that can open a gist: a capital, a number, a quote, or a determiner or pronoun that begins a subject
# (not "which ...", "including ...", "with respect to ...", "fuelled by ...": the middle of a sentence)
_STANDS = re.compile(
    r"[\"“‘(]?[A-Z0-9]|(?:the|this|these|those|it|its|they|their|we|our|there|he|she|his|her|each|all|both|no|"
    r"any|some|a|an|many|several)\s"
)


def _stands(text: str, start: int, end: int) -> bool:
    start, end = _strip(text, start, end)
    m = _CONNECTIVE.match(text, start, end)
    if m:
        start = m.end()
    return bool(_STANDS.match(text, start, end))
# a time or place phrase left in front of the main clause once the connective is gone: "on 5 February, "
_ADVERBIAL = re.compile(
    r"(?:on|in|at|by|from|during|after|before|since|until|following|for|within|over)\s+[^,.;:]{1,60}?,\s+(?=[a-zA-Z])",
    re.I,
)


def _fragment(text: str, start: int, end: int) -> bool:
    """A connective and a phrase with no clause of its own ("Also on 5 February.")."""
    m = _CONNECTIVE.match(text, start, end)
    return bool(m) and _words(text, m.end(), end) < 4


# "Table 2: Housing supply", "Figure 3 – ...": a caption names a table, it says nothing
_CAPTION = re.compile(r"\s*(?:table|figure|fig\.|map|chart|plate|graph|diagram|image|photo)\s+[A-Z]?\d+[a-z]?\b", re.I)


def _best_window(text, clauses, evidence, max_words, limit, weak_ok: bool = True) -> tuple[int, int]:
    best: Optional[tuple] = None
    counts = [_words(text, a, b) for a, b in clauses]
    for i in range(len(clauses)):
        if i > 0 and not _stands(text, *clauses[i]):
            continue  # a window may open the sentence or a clause that stands on its own, never mid-thought
        total = 0
        for j in range(i, len(clauses)):
            total += counts[j]
            if total > limit:
                break
            a, b = clauses[i][0], clauses[j][1]
            # most evidence (a small bonus for the sentence's own opening), then closest to max_words, then earliest
            key = (_weight(evidence, a, b) + (0.5 if i == 0 else 0.0), -abs(max_words - total), -i)
            if best is None or key > best[0]:
                best = (key, (a, b))
    if best is not None:
        return best[1]
    if weak_ok:
        finer = [piece for a, b in clauses for piece in _clauses(text, a, b, _WEAK_CLAUSE_END)]
        if len(finer) > len(clauses):
            return _best_window(text, finer, evidence, max_words, limit, weak_ok=False)
    # every clause is too long: the sentence's first words, or (when they carry no evidence)
    # the window with the most, ending on a content word rather than "of the"
    a0, b0 = clauses[0][0], clauses[-1][1]
    words = [(m.start(), m.end()) for m in _WORD.finditer(text, a0, b0)]
    n = min(len(words), max_words)
    best_i = 0
    if _weight(evidence, words[0][0], words[n - 1][1]) <= 0:
        opens = [i for i in range(len(words) - n + 1) if i == 0 or _stands(text, words[i][0], b0)
                 and text[words[i - 1][0] : words[i - 1][1]][-1:] in ".;:"]
        best_i = max(opens, key=lambda i: (_weight(evidence, words[i][0], words[i + n - 1][1]), -i))
    last = best_i + n - 1
    while best_i > 0 and best_i < last and _FUNCTION_WORD.fullmatch(text[words[best_i][0] : words[best_i][1]].lower()):
        best_i += 1
    while last > best_i and _FUNCTION_WORD.fullmatch(text[words[last][0] : words[last][1]].strip(",;:").lower()):
        last -= 1
    return words[best_i][0], words[last][1]


_FUNCTION_WORD = re.compile(
    r"the|a|an|of|for|to|in|on|at|by|with|from|and|or|but|that|which|who|is|are|was|were|be|its|their|this|these|as"
)


# ---------------------------------------------------------------- building


def _glossary(document: Document, taxonomy, glossary=None) -> tuple[GlossaryEntry, ...]:
    """The paper's abbreviations table, then its definitions in text, then uses never expanded (analyse.glossary)."""
    from .glossary import build_glossary

    return build_glossary(document, known=dict(getattr(taxonomy, "acronyms", ()) or ()))


def _evidence_spans(hit) -> list[tuple[int, int, float]]:
    """Positive evidence only: a false-friend phrase must not pull the gist towards itself or away from it."""
    return [
        (e.start, e.end, float(e.weight))
        for e in hit.evidence
        if e.start is not None and e.end is not None and float(e.weight) > 0
    ]


def summarise(
    document: Document,
    *,
    taxonomy=None,
    against: Optional[Document] = None,
    tagged=None,
    glossary: Optional[Sequence[GlossaryEntry]] = None,
    max_words: int = GIST_WORDS,
) -> Summary:
    """Build the Summary of `document`; `tagged` and `glossary` may be passed in when already computed.

    `taxonomy` defaults to the shipped one; `against` is the source paper the
    report summarises (links and what was left out).
    """
    if taxonomy is None:
        from ..nlp.taxonomy import load_taxonomy

        taxonomy = load_taxonomy()
    if tagged is None:
        from ..nlp.tagger import tag_document

        tagged = tag_document(document, taxonomy)
    acronyms = (
        tuple(glossary) if glossary is not None else _glossary(document, taxonomy, getattr(tagged, "glossary", None))
    )

    tags = {t.number: t for t in tagged.paragraphs}
    position: dict[str, int] = {}
    for i, p in enumerate(document.paragraphs):
        position.setdefault(p.number, i)
    paragraphs: list[SummaryParagraph] = []
    per_theme: dict[str, list[ThemeEntry]] = {t.name: [] for t in taxonomy.themes}
    for p in document.paragraphs:
        tag = tags.get(p.number)
        hits = sorted(tag.themes, key=lambda h: -h.score) if tag is not None else []
        all_evidence = [span for h in hits for span in _evidence_spans(h)]
        for h in hits:
            gist = make_gist(p.text, _evidence_spans(h), max_words)
            per_theme.setdefault(h.theme, []).append(ThemeEntry(p.number, p.page, float(h.score), gist))
        scores = tuple((k, float(v)) for k, v in (getattr(tag, "scores", None) or {}).items()) if tag else ()
        paragraphs.append(
            SummaryParagraph(
                number=p.number,
                page=p.page,
                text=p.text,
                kind=p.kind,
                section=p.section,
                heading=p.heading,
                page_end=p.page_end,
                themes=tuple(h.theme for h in hits),
                scores=scores,
                gist=make_gist(p.text, all_evidence, max_words),
            )
        )
    themes = []
    for t in taxonomy.themes:
        entries = sorted(per_theme.get(t.name, []), key=lambda e: (position.get(e.number, 10**9), number_key(e.number)))
        themes.append(ThemeSummary(t.name, t.label, len(entries), tuple(entries), getattr(t, "colour", "cyan")))

    xrefs = find_xrefs(document)
    questions = _questions(document, xrefs, acronyms)
    against_result = None
    if against is not None:
        from .links import link_documents

        against_result = link_documents(document, against, glossary=acronyms, taxonomy=taxonomy)

    counts = {
        "pages": document.source.pages,
        "sections": len(document.sections),
        "paragraphs": sum(1 for p in document.paragraphs if p.kind is ParagraphKind.PARAGRAPH),
        "questions": len(document.questions),
        "tagged": sum(1 for p in paragraphs if p.themes),
        "xrefs": len(xrefs),
        "unresolved_xrefs": sum(1 for x in xrefs if not x.resolved),
        "acronyms": len(acronyms),
    }
    recommendations, note = find_recommendations_with_note(document)
    warnings = document.warnings + ((note,) if note else ())
    metadata = document.metadata.to_dict()
    title = find_title(document)
    if title:
        metadata["title"] = title
    else:
        metadata.pop("title", None)
    return Summary(
        source=document.source,
        metadata=metadata,
        counts=counts,
        sections=document.sections,
        themes=tuple(themes),
        paragraphs=tuple(paragraphs),
        recommendations=recommendations,
        conclusion=None if recommendations else find_conclusion(document),
        xrefs=xrefs,
        acronyms=acronyms,
        questions=questions,
        against=against_result,
        taxonomy={
            "name": getattr(taxonomy, "name", ""),
            "source": getattr(taxonomy, "source", ""),
            "fingerprint": getattr(taxonomy, "fingerprint", ""),
        },
        warnings=warnings,
    )


# ---------------------------------------------------------------- questions

QUESTION_THRESHOLD = 0.12  # cosine over normalised terms, same section
QUESTION_THRESHOLD_ANYWHERE = 0.2  # questions gathered in an annex: any paragraph, stricter
QUESTION_MAX = 4
QUESTION_RELATIVE = 0.5  # and at least half the best paragraph's score


def _questions(document: Document, xrefs: Iterable[Xref], acronyms) -> tuple[QuestionSummary, ...]:
    questions = document.questions
    if not questions:
        return ()
    from .links import TermSpace

    body = [p for p in document.paragraphs if p.kind is ParagraphKind.PARAGRAPH]
    space = TermSpace([p.text for p in document.paragraphs], acronyms)
    vectors = {id(p): space.vector(p.text) for p in document.paragraphs}
    annexes = {s.number for s in document.sections if s.kind is SectionKind.ANNEX}
    explicit: dict[str, list[str]] = {}
    question_numbers = {q.number for q in questions}
    for x in xrefs:
        if not x.resolved:
            continue
        if x.kind is XrefKind.QUESTION:  # "see Question 7" in a paragraph
            pairs = [(n, x.from_) for n in x.to]
        elif x.kind is XrefKind.PARAGRAPH and x.from_ in question_numbers:  # "... described in paragraphs 3.2 to 3.4?"
            pairs = [(x.from_, n) for n in x.to]
        else:
            continue
        for question, paragraph in pairs:
            if paragraph not in explicit.setdefault(question, []):
                explicit[question].append(paragraph)
    position: dict[str, int] = {}
    for i, p in enumerate(document.paragraphs):
        position.setdefault(p.number, i)
    out = []
    for q in questions:
        found: dict[str, tuple[str, float]] = {}
        qv = vectors[id(q)]
        for n in explicit.get(q.number, []):
            if n != q.number:
                found[n] = ("xref", 1.0)
        anywhere = q.section is None or q.section in annexes
        threshold = QUESTION_THRESHOLD_ANYWHERE if anywhere else QUESTION_THRESHOLD
        candidates = body if anywhere else [p for p in body if p.section == q.section]
        ranked = sorted(((space.cosine(qv, vectors[id(p)]), p.number) for p in candidates), reverse=True)
        floor = max(threshold, QUESTION_RELATIVE * ranked[0][0]) if ranked else threshold
        for score, number in ranked[:QUESTION_MAX]:
            if score >= floor and number not in found:
                found[number] = ("terms", score)
        ordered = sorted(found.items(), key=lambda kv: (position.get(kv[0], 10**9), number_key(kv[0])))
        out.append(
            QuestionSummary(q.number, q.page, q.text, q.section, tuple((n, v, s) for n, (v, s) in ordered))
        )
    return tuple(out)
