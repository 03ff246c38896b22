"""Link a report's paragraphs to the source-paper paragraphs they summarise, and find what it left out.

A report paraphrases: "LSPs" for "Local Strategic Partnerships", "governance
arrangements" for "governance".  So both sides go through the same
normalisation: acronyms expanded to their long forms (from both papers'
glossaries and the taxonomy), stop words dropped, every word stemmed with the
tagger's stemmer (`lspkit.nlp.matching.stem`), then TF-IDF weighted (IDF over
the paragraphs of both papers, so words every paragraph uses count for little)
and compared by cosine.

Each report paragraph links to its best one to three source paragraphs whose
score reaches `LINK_THRESHOLD` and at least `LINK_RELATIVE` of its best score.
A source paragraph no report paragraph links to is "uncovered"; links go to
paragraphs only (restating a proposal is not answering the question asked
about it), so a question is covered only when the report names it ("Question 7").
The thresholds were set on the Head of Policy report against the consultation
fixture and are measured against hand-checked gold (tests/test_summarise_against.py).
"""
from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass
from typing import Any, Iterable, Optional, Sequence

from ..model import Document, ParagraphKind, Source

LINK_THRESHOLD = 0.25
LINK_RELATIVE = 0.7
MAX_LINKS = 3

_STOP = frozenset(
    """a about above after again against all also am an and any are as at be because been before being below
    between both but by can could did do does doing down during each either etc few for from further had has have
    having he her here hers him his how i if in into is it its itself just may me might more most must my no nor
    not now of off on once only or other our ours out over own same shall she should so some such than that the
    their theirs them then there these they this those through to too under until up upon very was we were what
    when where which while who whom why will with within without would you your yours one two three four five
    also however therefore thus paper consultation report paragraph para section""".split()
)
_TOKEN = re.compile(r"[A-Za-z][A-Za-z&'’\-]*[A-Za-z]|[A-Za-z]")


def _stemmer():
    try:
        from ..nlp.matching import stem

        return stem
    except ImportError:  # the tagger's stemmer is the one to share; this keeps links usable without it
        def stem(word: str) -> str:
            w = word.lower()
            for suffix in ("ies", "ing", "ed", "es", "s"):
                if len(w) - len(suffix) >= 4 and w.endswith(suffix):
                    return w[: -len(suffix)] + ("y" if suffix == "ies" else "")
            return w

        return stem


class TermSpace:
    """TF-IDF vectors over normalised terms, IDF from `texts`; acronyms expanded first."""

    def __init__(self, texts: Iterable[str], acronyms: Iterable[Any] = ()):
        self._stem = _stemmer()
        self.expansions: dict[str, list[str]] = {}
        for entry in acronyms:
            short, long = _pair(entry)
            if short and long:
                self.expansions.setdefault(short, self._stems(long, expand=False))
        docs = [set(self.terms(t)) for t in texts]
        n = max(1, len(docs))
        df = Counter(term for d in docs for term in d)
        self.idf = {term: math.log((1 + n) / (1 + c)) + 1.0 for term, c in df.items()}
        self.default_idf = math.log(1 + n) + 1.0

    def _stems(self, text: str, expand: bool = True) -> list[str]:
        out: list[str] = []
        for tok in _TOKEN.findall(text):
            if expand:
                key = tok[:-1] if tok.endswith("s") and tok[:-1] in self.expansions else tok
                if key in self.expansions:
                    out.extend(self.expansions[key])
                    continue
            low = tok.lower()
            if low in _STOP or len(low) < 2:
                continue
            out.append(self._stem(tok))
        return out

    def terms(self, text: str) -> list[str]:
        return self._stems(text)

    def vector(self, text: str) -> dict[str, float]:
        counts = Counter(self.terms(text))
        vec = {t: (1 + math.log(c)) * self.idf.get(t, self.default_idf) for t, c in counts.items()}
        norm = math.sqrt(sum(v * v for v in vec.values())) or 1.0
        return {t: v / norm for t, v in vec.items()}

    @staticmethod
    def cosine(a: dict[str, float], b: dict[str, float]) -> float:
        if len(a) > len(b):
            a, b = b, a
        return sum(v * b.get(t, 0.0) for t, v in a.items())


def _pair(entry: Any) -> tuple[Optional[str], Optional[str]]:
    if isinstance(entry, (tuple, list)):
        return entry[0], entry[1]
    return getattr(entry, "short", None), getattr(entry, "long", None)


# ---------------------------------------------------------------- results


@dataclass(frozen=True)
class SourceMatch:
    number: str
    page: int
    score: float

    def to_dict(self) -> dict[str, Any]:
        return {"number": self.number, "page": self.page, "score": round(self.score, 4)}


@dataclass(frozen=True)
class Link:
    """Report paragraph `paragraph` summarises `sources` (best first)."""

    paragraph: str
    sources: tuple[SourceMatch, ...]

    def to_dict(self) -> dict[str, Any]:
        return {"paragraph": self.paragraph, "sources": [s.to_dict() for s in self.sources]}

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> "Link":
        return cls(d["paragraph"], tuple(SourceMatch(s["number"], s["page"], s["score"]) for s in d["sources"]))


@dataclass(frozen=True)
class SourceParagraph:
    number: str
    page: int
    kind: ParagraphKind
    section: Optional[str]
    text: str

    def __post_init__(self):
        object.__setattr__(self, "kind", ParagraphKind(self.kind))

    def to_dict(self) -> dict[str, Any]:
        return {"number": self.number, "page": self.page, "kind": self.kind.value, "section": self.section, "text": self.text}


@dataclass(frozen=True)
class Against:
    """The source paper, the links into it and what no report paragraph covers."""

    source: Source
    title: Optional[str]
    links: tuple[Link, ...]
    uncovered_paragraphs: tuple[str, ...]
    uncovered_questions: tuple[str, ...]
    paragraphs: tuple[SourceParagraph, ...] = ()
    threshold: float = LINK_THRESHOLD

    def paragraph(self, number: str) -> Optional[SourceParagraph]:
        for p in self.paragraphs:
            if p.number == number:
                return p
        return None

    def uncovered_dict(self) -> dict[str, Any]:
        return {"paragraphs": list(self.uncovered_paragraphs), "questions": list(self.uncovered_questions)}

    def to_dict(self) -> dict[str, Any]:
        return {
            "source": self.source.to_dict(),
            "title": self.title,
            "threshold": self.threshold,
            "links": [link.to_dict() for link in self.links],
            "uncovered": self.uncovered_dict(),
            "paragraphs": [p.to_dict() for p in self.paragraphs],
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> "Against":
        return cls(
            source=Source(**d["source"]),
            title=d.get("title"),
            links=tuple(Link.from_dict(x) for x in d.get("links", ())),
            uncovered_paragraphs=tuple(d.get("uncovered", {}).get("paragraphs", ())),
            uncovered_questions=tuple(d.get("uncovered", {}).get("questions", ())),
            paragraphs=tuple(SourceParagraph(**p) for p in d.get("paragraphs", ())),
            threshold=d.get("threshold", LINK_THRESHOLD),
        )


# ---------------------------------------------------------------- linking


def _acronym_pairs(document: Document) -> list[tuple[str, str]]:
    try:
        from ..nlp.acronyms import find_acronyms
    except ImportError:
        return []
    glossary = find_acronyms([(p.number, p.text) for p in document.paragraphs])
    return [(a.short, a.long) for a in glossary.entries if a.long]


def link_documents(
    report: Document,
    source: Document,
    *,
    glossary: Sequence[Any] = (),
    taxonomy=None,
    threshold: float = LINK_THRESHOLD,
    relative: float = LINK_RELATIVE,
    max_links: int = MAX_LINKS,
) -> Against:
    """Link every report paragraph to the 1-3 source paragraphs it summarises; list what none covers."""
    acronyms: list[tuple[str, str]] = [p for p in (_pair(e) for e in glossary) if p[0] and p[1]]
    acronyms += _acronym_pairs(source)
    if taxonomy is not None:
        acronyms += list(getattr(taxonomy, "acronyms", ()) or ())
    report_paras = [p for p in report.paragraphs if p.kind is ParagraphKind.PARAGRAPH]
    # A report summarises the paper's argument, so links go to its paragraphs, not to its questions:
    # restating a proposal is not answering the question asked about it.
    source_paras = [p for p in source.paragraphs if p.kind is ParagraphKind.PARAGRAPH]
    space = TermSpace([p.text for p in report_paras] + [p.text for p in source.paragraphs], acronyms)
    source_vectors = [space.vector(p.text) for p in source_paras]

    links: list[Link] = []
    covered: set[str] = set()
    for rp in report_paras:
        rv = space.vector(rp.text)
        ranked = sorted(
            ((space.cosine(rv, sv), i) for i, sv in enumerate(source_vectors)), key=lambda x: (-x[0], x[1])
        )
        if not ranked or ranked[0][0] < threshold:
            continue
        best = ranked[0][0]
        chosen = [(s, i) for s, i in ranked[:max_links] if s >= threshold and s >= relative * best]
        matches = tuple(SourceMatch(source_paras[i].number, source_paras[i].page, s) for s, i in chosen)
        covered.update(m.number for m in matches)
        links.append(Link(rp.number, matches))

    # A question counts as covered only when a report paragraph names it ("our answer to Question 7"):
    # the source paper's question 7 even though the report itself has no question 7.
    from .xrefs import XrefKind, _question_digits, find_xrefs

    named = set()
    for x in find_xrefs(report):
        if x.kind is XrefKind.QUESTION:
            named.update(re.findall(r"\d+[a-z]?", x.target.lower()))
    for q in source.questions:
        if _question_digits(q.number) in named:
            covered.add(q.number)

    uncovered_paragraphs = tuple(p.number for p in source_paras if p.number not in covered)
    uncovered_questions = tuple(q.number for q in source.questions if q.number not in covered)
    return Against(
        source=source.source,
        title=source.metadata.get("title") or source.source.title,
        links=tuple(links),
        uncovered_paragraphs=uncovered_paragraphs,
        uncovered_questions=uncovered_questions,
        paragraphs=tuple(
            SourceParagraph(p.number, p.page, p.kind, p.section, p.text) for p in source.paragraphs
        ),
        threshold=threshold,
    )


def precision_recall(predicted: Iterable[tuple[str, str]], gold: Iterable[tuple[str, str]]) -> tuple[float, float]:
    """Link precision and recall of (report paragraph, source paragraph) pairs against gold pairs."""
    p, g = set(predicted), set(gold)
    hit = len(p & g)
    return (hit / len(p) if p else 0.0, hit / len(g) if g else 0.0)
