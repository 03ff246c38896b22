"""The public tagging API: a Document in, every paragraph's themes with scores and evidence out.

    from lspkit.nlp.tagger import tag_document
    tagged = tag_document(document)              # default taxonomy
    for p in tagged.paragraphs: p.number, p.themes, p.scores

`Tagger` holds the loaded pipeline; `get_tagger` caches one per process (a
batch worker calls it once).  The document's acronym glossary is computed
first over all paragraphs, so "LAA" in 5.3 counts even though it was defined
in 2.1.
"""
from __future__ import annotations

import gc
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any, Iterable, Optional, Sequence, Union

from ..model import Document, Paragraph
from .taxonomy import Taxonomy, load_taxonomy
from . import docdata
from .acronyms import Glossary, find_acronyms, scan
from .procedure import Procedure, held_back
from .linear import context_shares, kind_shares, token_array
from .themes import Evidence, ThemeHit  # noqa: F401  (re-exported for users

TaxonomyLike = Union[Taxonomy, str, None]


@dataclass(frozen=True)
class ParagraphTags:
    number: str
    themes: tuple[ThemeHit, ...]  # at or above the threshold, best first
    scores: dict[str, float] = field(default_factory=dict)  # every theme
    # meeting procedure held back (lspkit.nlp.procedure, guide rule 1): why, and the themes it would have had
    held: Optional[Procedure] = None
    held_themes: tuple[ThemeHit, ...] = ()


@dataclass(frozen=True)
class TaggedDocument:
    document: Document
    taxonomy_name: str
    paragraphs: tuple[ParagraphTags, ...]
    min_score: float = 0.5
    taxonomy_fingerprint: str = ""
    model: Optional[str] = None
    glossary: Glossary = field(default_factory=Glossary)
    warnings: tuple[str, ...] = ()

    def tags(self, number: str) -> Optional[ParagraphTags]:
        for p in self.paragraphs:
            if p.number == number:
                return p
        return None

    def record(self, p: Paragraph, tags: ParagraphTags, *, explain: bool = False) -> dict[str, Any]:
        """One paragraph's record (JSONL line, CSV row, batch record): file, sha256, number, kind, page,
        section, themes (at/above threshold), scores (all), text[, evidence, prior]."""
        src = self.document.source
        rec: dict[str, Any] = {
            "file": src.path,
            "sha256": src.sha256,
            "number": p.number,
            "kind": p.kind.value,
            "page": p.page,
            "section": p.section,
            "themes": {h.theme: h.score for h in tags.themes},
            "scores": dict(tags.scores),
            "text": p.text,
        }
        if explain:
            rec["evidence"] = {h.theme: [e.to_dict() for e in h.evidence] for h in tags.themes}
            rec["prior"] = {h.theme: h.prior for h in tags.themes if h.prior}
            if tags.held is not None:
                rec["held_back"] = {**tags.held.to_dict(), "themes": {h.theme: h.score for h in tags.held_themes}}
        return rec

    def records(self, *, explain: bool = False) -> list[dict[str, Any]]:
        return [self.record(p, t, explain=explain) for p, t in zip(self.document.paragraphs, self.paragraphs)]

    def to_dict(self, *, explain: bool = False) -> dict[str, Any]:
        """The `lspkit tag -f json` document (schema: `lspkit schema tag`)."""
        return {
            "source": self.document.source.to_dict(),
            "taxonomy": self.taxonomy_name,
            "taxonomy_fingerprint": self.taxonomy_fingerprint,
            "model": self.model,
            "min_score": self.min_score,
            "glossary": self.glossary.to_dict(),
            "paragraphs": self.records(explain=explain),
            "warnings": list(self.warnings),
        }


def _taxonomy(taxonomy: TaxonomyLike) -> Taxonomy:
    if isinstance(taxonomy, Taxonomy):
        return taxonomy
    return load_taxonomy(taxonomy)


@contextmanager
def collection_paused():
    """Python's automatic garbage collection off while one document is tagged, back as it was after.

    Tagging a paragraph makes a few dozen small objects (evidence, hits,
    features) and no reference cycles, so a collection during tagging finds
    nothing to free; but each full collection walks every live object, and a
    long document's docs are all alive until its context is known.  With
    collections on, they took a third of the model's tagging time
    (bench/bench_tag.py).  Cycles made meanwhile are collected at the next
    collection after.
    """
    if not gc.isenabled():
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        gc.enable()  # (a contextmanager is also a decorator: Tagger.tag and tag_texts run under it)


class Tagger:
    """A loaded pipeline for one taxonomy (and optionally a trained model)."""

    def __init__(self, taxonomy: TaxonomyLike = None, model: Optional[str] = None):
        from .pipeline import get_pipeline

        self.taxonomy = _taxonomy(taxonomy)
        self.nlp = get_pipeline(self.taxonomy, model)
        self.model = self.nlp.meta.get("lspkit_model")  # what scored: the shipped model, a directory, or None (lexicon)
        self.hold_procedure = True  # meeting procedure gets no theme (lspkit.nlp.procedure); False: every paragraph as scored

    def _threshold(self, min_score: Optional[float]) -> float:
        if min_score is None:
            return 0.5 if self.model else self.taxonomy.scoring.min_score
        return float(min_score)

    @collection_paused()
    def tag_texts(
        self,
        items: Iterable[Sequence[Any]],
        *,
        min_score: Optional[float] = None,
        glossary: Optional[Glossary] = None,
        batch_size: int = 256,
    ) -> list[ParagraphTags]:
        """Tag (key, text) or (key, text, heading) items; `key` becomes ParagraphTags.number.

        The items are read as one document's paragraphs: they share an acronym
        glossary, and a model trained with the document's context
        (LinearModel.uses_context) weighs each paragraph in the context of all
        of them.  Tag each document's paragraphs in one call."""
        from .pipeline import MAX_CHARS

        items = [(it[0], it[1] or "", it[2] if len(it) > 2 else None) for it in items]
        scans = [scan(text) for _k, text, _h in items]  # once per paragraph: the glossary and the tagger read it
        if glossary is None:
            glossary = find_acronyms([(str(k), text) for k, text, _h in items], known=dict(self.taxonomy.acronyms), scans=scans)
        for i, (key, text, heading) in enumerate(items):
            if len(text) > MAX_CHARS:
                items[i] = (key, text[:MAX_CHARS], heading)
                scans[i] = None  # the tagged text is shorter than the scanned one
        return self._tag(items, scans, glossary, self._threshold(min_score), batch_size)

    def _tag(self, items: list, scans: list, glossary: Glossary, threshold: float, batch_size: int = 256) -> list[ParagraphTags]:
        """(key, text, heading) items with each text's acronym scan (None: the component scans it)."""
        make_doc = self.nlp.make_doc
        scorer = self.nlp.get_pipe("lsp_themes")
        model = scorer.model
        defer = model is not None and model.uses_context  # the model reads the document's context: two steps

        steps = [proc for _name, proc in self.nlp.pipeline]  # what nlp.pipe would call on each doc, in order
        glossary_key, heading_key, defer_key = docdata.key("lsp_context_glossary"), docdata.key("lsp_heading"), docdata.key("lsp_defer_model")

        def docs():
            for (key, text, heading), found in zip(items, scans):
                doc = make_doc(text)
                data = doc.user_data
                data["lsp_text"] = text
                data["lsp_acronym_scan"] = found
                data[glossary_key] = glossary
                data[heading_key] = heading
                if defer:
                    data[defer_key] = True
                for step in steps:
                    doc = step(doc)
                yield doc, key

        done = docs()
        if defer:
            # the lexicon over every paragraph first, each doc let go once it has scored (what the model reads of it
            # kept: its text, lexicon scores and evidence, and its tokens' ids); then the model, with the items as one document
            pending_key = docdata.key("lsp_pending")
            kept = [(key, (doc.user_data["lsp_text"], doc.user_data[pending_key], token_array(doc))) for doc, key in done]
            labels = model.labels
            kinds = kind_shares([t for _k, (t, _p, _a) in kept]) if model.uses_kinds else None
            context = scorer.context(context_shares([[p[1].get(n, 0.0) for n in labels] for _k, (_t, p, _a) in kept], len(labels)), kinds)
            results = scorer.finish_pending([k for _key, k in kept], context, report=max(threshold, 0.0), every=False)  # the hits read below
            done = [(key, text, scores, hits) for (key, (text, _p, _a)), (scores, hits) in zip(kept, results)]
        else:
            done = ((key, doc.user_data["lsp_text"], docdata.get(doc, "theme_scores"), docdata.get(doc, "theme_hits")) for doc, key in done)
        out = []
        for key, text, scores, every in done:
            hits = [h for h in every if h.score >= threshold and h.score > 0]
            hits.sort(key=_best_first)
            held = held_back(text, make_doc) if hits and self.hold_procedure else None
            if held is not None:  # meeting procedure with nothing substantive beside it: no theme (guide rule 1)
                out.append(ParagraphTags(str(key), (), dict(scores), held, tuple(hits)))
                continue
            out.append(ParagraphTags(str(key), tuple(hits), dict(scores)))
        return out

    @collection_paused()
    def tag(self, document: Document, *, min_score: Optional[float] = None) -> TaggedDocument:
        from .pipeline import MAX_CHARS

        warnings = []
        scans = [scan(p.text) for p in document.paragraphs]  # once per paragraph: the glossary and the tagger read it
        glossary = find_acronyms([(p.number, p.text) for p in document.paragraphs], known=dict(self.taxonomy.acronyms), scans=scans)
        items = []
        for i, p in enumerate(document.paragraphs):
            if len(p.text) > MAX_CHARS:
                warnings.append(f"paragraph {p.number}: only the first {MAX_CHARS} of {len(p.text)} characters were tagged")
                scans[i] = None  # the tagged text is shorter than the scanned one
            items.append((p.number, p.text[:MAX_CHARS], heading_of(document, p)))
        tags = self._tag(items, scans, glossary, self._threshold(min_score))
        return TaggedDocument(
            document=document,
            taxonomy_name=self.taxonomy.name,
            paragraphs=tuple(tags),
            min_score=self._threshold(min_score),
            taxonomy_fingerprint=self.taxonomy.fingerprint,
            model=self.model,
            glossary=glossary,
            warnings=tuple(warnings),
        )


def _best_first(hit: ThemeHit) -> float:
    return -hit.score


def heading_of(document: Document, p) -> Optional[str]:
    """The heading a paragraph sits under: its own, else its section's."""
    if p.heading:
        return p.heading
    if p.section:
        s = document.section(p.section)
        if s is not None:
            return s.heading
    return None


_TAGGERS: dict[tuple[str, str, Optional[str]], Tagger] = {}


def get_tagger(taxonomy: TaxonomyLike = None, model: Optional[str] = None) -> Tagger:
    """One Tagger per (taxonomy, model) per process."""
    tax = _taxonomy(taxonomy)
    key = (tax.fingerprint, tax.source, model)
    if key not in _TAGGERS:
        _TAGGERS[key] = Tagger(tax, model)
    return _TAGGERS[key]


def tag_document(
    document: Document,
    taxonomy: TaxonomyLike = None,
    *,
    model: Optional[str] = None,
    min_score: Optional[float] = None,
) -> TaggedDocument:
    """Themes, scores and evidence for every paragraph of `document`, in document order."""
    if min_score is not None and not (0.0 <= float(min_score) <= 1.0):
        from ..infra.errors import ConfigError

        raise ConfigError(f"min-score must be between 0 and 1, not {min_score}")
    return get_tagger(taxonomy, model).tag(document, min_score=min_score)
