"""The theme scorer: weighted, explainable, multi-label.

Every score can be traced to the phrases that produced it: an Evidence is a
span of the paragraph (character offsets), the taxonomy term it matched, its
weight, and `via` when it came indirectly ("acronym:LAA" when "LAA" counted
as "Local Area Agreement").  The section heading is a prior: it adds
`heading_prior` to a theme the paragraph already has evidence for, and is
recorded on the ThemeHit as `prior`; it never creates or removes a theme on
its own.
"""
from __future__ import annotations

import math
from itertools import repeat
from dataclasses import dataclass, fields
from operator import add, attrgetter, itemgetter
from typing import Any, Optional, Sequence

from . import docdata
from .acronyms import TAGGER_SPANS
from .linear import DocTokens, _sigmoid, context_shares, describe_context, kind_shares, token_array, token_columns
from .rules import describe_rule, docs_matches, is_rule, rule_features
from .taxonomy import Scoring, Taxonomy
from .matching import stem


@dataclass(frozen=True)
class Evidence:
    text: str
    start: int  # character offsets into the paragraph text
    end: int
    weight: float  # negative for a false-friend phrase that lowered the score
    term: str  # the taxonomy term that fired
    via: Optional[str] = None  # "acronym:LAA" when it came through an acronym

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "start": self.start, "end": self.end, "weight": self.weight, "term": self.term, "via": self.via}


@dataclass(frozen=True)
class ThemeHit:
    theme: str
    score: float  # in [0, 1]
    evidence: tuple[Evidence, ...] = ()
    prior: float = 0.0  # raw weight added because the section heading names the theme

    def to_dict(self) -> dict[str, Any]:
        return {"theme": self.theme, "score": self.score, "prior": self.prior, "evidence": [e.to_dict() for e in self.evidence]}


_new = object.__new__
_FAST = tuple(f.name for f in fields(Evidence)) == ("text", "start", "end", "weight", "term", "via") and tuple(
    f.name for f in fields(ThemeHit)
) == ("theme", "score", "evidence", "prior")


def _evidence(text: str, start: int, end: int, weight: float, term: str, via: Optional[str] = None) -> Evidence:
    """Evidence(...) without the frozen dataclass's __init__, which sets each field through object.__setattr__
    (3.3 us against 0.7 us; a dozen evidence and hits a paragraph): the same object, equal, hashing and
    pickling alike (tests/test_tag_fast_paths.py)."""
    if not _FAST:
        return Evidence(text, start, end, weight, term, via)
    e = _new(Evidence)
    d = e.__dict__  # (item by item: no keyword dictionary to build and merge; 0.39 us against 0.74)
    d["text"] = text
    d["start"] = start
    d["end"] = end
    d["weight"] = weight
    d["term"] = term
    d["via"] = via
    return e


def _hit(theme: str, score: float, evidence: tuple, prior: float) -> ThemeHit:
    """ThemeHit(...) as _evidence makes an Evidence."""
    if not _FAST:
        return ThemeHit(theme, score, evidence, prior)
    h = _new(ThemeHit)
    d = h.__dict__
    d["theme"] = theme
    d["score"] = score
    d["evidence"] = evidence
    d["prior"] = prior
    return h


def term_variants(text: str) -> list[str]:
    """Spellings one term stands for: hyphenated or not, '&' or 'and'."""
    out = [text]
    for v in (text.replace("-", " "), text.replace("-", ""), text.replace(" & ", " and "), text.replace(" and ", " & ")):
        v = " ".join(v.split())
        if v and v not in out:
            out.append(v)
    return out


def combine(
    scoring: Scoring,
    names: tuple[str, ...],
    raw: dict[str, float],
    priors: dict[str, float],
) -> dict[str, float]:
    """Raw weights (prior included) -> scores in [0, 1] for every theme."""
    best = max([r for r in raw.values() if r > 0] or [0.0])
    if best <= 0:
        return dict.fromkeys(names, 0.0)
    scale, dominance = scoring.scale, scoring.dominance
    rest = 1.0 - dominance  # (1.0 - d + d * x is (1.0 - d) + d * x: the same sum)
    exp = math.exp
    scores = {}
    for name in names:
        r = raw.get(name, 0.0)
        if r <= 0:
            scores[name] = 0.0
            continue
        scores[name] = round(max(0.0, min(1.0, (1.0 - exp(-r / scale)) * (rest + dominance * (r / best)))), 4)
    return scores


EVIDENCE_FLOOR = 0.25  # the model's words are listed for themes scoring at least this (half the default threshold)


class ThemeScorer:
    """spaCy component: doc.cats and doc._.theme_scores, doc._.theme_hits (with the evidence's offsets).

    Matches token norms against the taxonomy terms, both stemmed by
    matching.stem (`use` makes the stem the vocabulary's NORM), and uses `doc.spans["acronyms"]` from `lsp_acronyms`
    when present.  With a trained model (`use(taxonomy, model)`) a theme's
    score is alpha * lexicon + (1 - alpha) * the model's probability,
    calibrated so its tuned threshold is 0.5, and the words that weighed most
    in the model join the evidence (`via: "model"`).  A model trained with the
    document's context (LinearModel.uses_context) also weighs the share of the
    document's paragraphs the lexicon finds about each theme: the Tagger sets
    `lsp_defer_model`, scores every paragraph's lexicon first (the doc has no
    hits yet) and then calls `finish` with the document's `context(shares)`;
    a doc scored on its own (`nlp(text)`) is its own document.  That context joins the evidence as
    `via: "model:document"` (no span: start = end = 0).
    """

    at_once = True  # finish_all: _finish_walked for a model that allows it; False: _use_model paragraph by paragraph

    def __init__(self, nlp, name: str = "lsp_themes", taxonomy_path: Optional[str] = None):
        self.nlp = nlp
        self.name = name
        self.taxonomy_path = taxonomy_path  # loaded on first use unless `use` was called first
        self.taxonomy: Optional[Taxonomy] = None
        self.model = None  # a LinearModel (lspkit.nlp.linear) combined with the lexicon
        self.matcher = None
        self._keys: dict[int, tuple[str, Any, bool]] = {}
        self._long_cache: dict[str, list[tuple[str, Any]]] = {}
        self._heading_cache: dict[str, tuple[str, ...]] = {}
        self._heading_theme_cache: dict[str, frozenset] = {}
        self._glossary = None
        self._glossary_expansions: dict[str, str] = {}

    # -------------------------------------------------------------- set up

    def use(self, taxonomy: Taxonomy, model=None) -> None:
        from spacy.attrs import NORM
        from spacy.matcher import PhraseMatcher

        from .pipeline import use_stems

        if self.nlp.vocab.lex_attr_getters.get(NORM) is not stem:
            use_stems(self.nlp.vocab)  # the matcher compares stems
        self.taxonomy = taxonomy
        self._name_order = taxonomy.names  # (a property that builds the tuple)
        self.model = model
        self._model_labels = set(model.labels) if model is not None else set()
        self.matcher = PhraseMatcher(self.nlp.vocab, attr="NORM")
        self._keys = {}
        self._long_cache = {}
        self._heading_cache = {}
        self._heading_theme_cache = {}
        self._names = {t.name: {t.name.replace("_", " ").replace("-", " "), t.label.lower()} for t in taxonomy.themes}
        self._headings = {
            t.name: [tuple(stem(w.text) for w in self.nlp.make_doc(h) if not w.is_punct) for h in t.headings] for t in taxonomy.themes
        }
        for theme in taxonomy.themes:
            for negative, terms in ((False, theme.terms), (True, theme.negative)):
                for i, term in enumerate(terms):
                    key = f"{'-' if negative else '+'}{theme.name}\x1f{i}"
                    patterns = [self._normalised(self.nlp.make_doc(v)) for v in term_variants(term.text)]
                    patterns = [p for p in patterns if len(p)]
                    if not patterns:
                        continue
                    self.matcher.add(key, patterns)
                    self._keys[self.nlp.vocab.strings[key]] = (theme.name, term, negative)

    @staticmethod
    def _normalised(doc):
        """A term's doc with every token's norm the stem, tokenizer exceptions too."""
        for tok in doc:
            s = stem(tok.text)
            if tok.norm_ != s:  # a tokenizer exception's own norm
                tok.norm_ = s
        return doc

    # -------------------------------------------------------------- scoring

    def _term_matches(self, doc) -> list[tuple[str, Any, bool, int, int]]:
        return [(*self._keys[mid], s, e) for mid, s, e in self.matcher(doc)]

    def _long_form_terms(self, long: str) -> list[tuple[str, Any]]:
        """Positive terms a long form contains ("Local Area Agreement" -> role: local area agreement)."""
        if long not in self._long_cache:
            doc = self._normalised(self.nlp.make_doc(long))
            found = [(th, term) for th, term, neg, _s, _e in _keep_longest(self._term_matches(doc)) if not neg]
            if len(self._long_cache) > 10_000:
                self._long_cache.clear()
            self._long_cache[long] = found
        return self._long_cache[long]

    def _heading_themes(self, heading: str) -> frozenset:
        """The themes whose headings (taxonomy `headings`, stemmed) the section heading contains: one look per heading
        (a document's paragraphs share a few)."""
        found = self._heading_theme_cache.get(heading)
        if found is None:
            hstems = self._heading_stems(heading)
            found = frozenset(name for name, hs in self._headings.items() if any(_contains(hstems, h) for h in hs))
            if len(self._heading_theme_cache) > 10_000:
                self._heading_theme_cache.clear()
            self._heading_theme_cache[heading] = found
        return found

    def _heading_stems(self, heading: str) -> tuple[str, ...]:
        found = self._heading_cache.get(heading)
        if found is None:
            found = tuple(stem(w.text) for w in self.nlp.make_doc(heading) if not w.is_punct)
            if len(self._heading_cache) > 10_000:
                self._heading_cache.clear()
            self._heading_cache[heading] = found
        return found

    def _expansions(self, glossary) -> dict[str, str]:
        if self._glossary is not glossary:  # one glossary serves a whole document
            self._glossary, self._glossary_expansions = glossary, glossary.expansions()
        return self._glossary_expansions

    def __call__(self, doc):
        if self.taxonomy is None:
            from .taxonomy import load_taxonomy

            self.use(load_taxonomy(self.taxonomy_path))
        tax = self.taxonomy
        names = self._name_order
        text = doc_text(doc)
        found = self.matcher(doc)
        glossary = docdata.get(doc, "acronyms")
        defs = None
        if glossary is None:
            uses = None
        else:
            given = doc.user_data.get(TAGGER_SPANS)  # the tagger's doc: its spans as tuples
            if given is not None:
                uses, defs = given
            else:
                uses = doc.spans.get("acronyms")
                if uses:
                    uses = [(sp.start, sp.end, sp.label_) for sp in uses]
        if not found and not uses:  # no term and no acronym: every theme's raw weight and score is 0
            self._scored(doc, text, names, {n: 0.0 for n in names}, {n: [] for n in names}, {})
            return doc
        keys = self._keys
        matches = _keep_longest([(*keys[mid], s, e) for mid, s, e in found])
        negatives = [(th, term, s, e) for th, term, neg, s, e in matches if neg]
        evidence: dict[str, list[Evidence]] = {n: [] for n in names}
        for th, term, neg, s, e in matches:
            if neg:
                continue
            if negatives and any(nth == th and ns < e and s < ne for nth, _t, ns, ne in negatives):
                continue  # inside a false friend of this theme
            a, b = _chars(doc, s, e)
            evidence[th].append(_evidence(text[a:b], a, b, term.weight, term.text))
        # acronyms count as their long forms (not at the definition site, where the long form already counted)
        if uses:
            expansions = self._expansions(glossary)
            if defs is None:
                defs = {(sp.start, sp.end) for sp in doc.spans.get("acronyms_definitions", ())}
            for start, end, label in uses:
                long = expansions.get(label)
                if not long:
                    continue
                if (start, end) in defs:
                    continue
                if any(nth and ns < end and start < ne for nth, _t, ns, ne in negatives):
                    continue
                for th, term in self._long_form_terms(long):
                    a, b = _chars(doc, start, end)
                    evidence[th].append(_evidence(text[a:b], a, b, term.weight, term.text, f"acronym:{label}"))
        # "this report covers governance, accountability and capacity": when two or more
        # themes are named only by their own name, it is a list of topics, not a point
        bare = [n for n in names if evidence[n] and all(e.term.lower() in self._names[n] for e in evidence[n])]
        if len(bare) >= 2:
            for n in bare:
                evidence[n] = [_evidence(e.text, e.start, e.end, 0.0, e.term, "listed") for e in evidence[n]]
        scoring = tax.scoring
        raw: dict[str, float] = {}
        for name in names:
            ev = evidence[name]
            total = 0.0
            if ev:
                counts: dict[str, int] = {}
                weights: dict[str, float] = {}
                for e in ev:
                    if e.weight <= 0:
                        continue
                    counts[e.term] = counts.get(e.term, 0) + 1
                    weights[e.term] = e.weight
                for t, n in counts.items():
                    extra = min(n, scoring.max_repeat) - 1
                    total += weights[t] * (1.0 + scoring.repeat_bonus * extra)
            if negatives:
                seen_neg = set()
                for nth, term, s, e in negatives:
                    if nth == name and term.text not in seen_neg:
                        seen_neg.add(term.text)
                        total -= term.weight
                        a, b = _chars(doc, s, e)
                        ev.append(_evidence(text[a:b], a, b, -term.weight, term.text, "negative"))
            raw[name] = total
        priors = {}
        heading = docdata.get(doc, "lsp_heading")
        if heading:
            named = self._heading_themes(heading)
            for name in names:
                if raw[name] > 0 and name in named:
                    priors[name] = scoring.heading_prior
                    raw[name] += scoring.heading_prior
        self._scored(doc, text, names, combine(scoring, names, raw, priors), evidence, priors)
        return doc

    def _scored(self, doc, text: str, names, scores: dict, evidence: dict, priors: dict) -> None:
        """The lexicon's scores of a doc: the model's part now, or left for finish() (`lsp_defer_model`)."""
        if self.model is not None and self.model.uses_context and docdata.get(doc, "lsp_defer_model"):
            # the caller tags a whole document and calls finish() with its context (Tagger._tag);
            # until then the doc has its lexicon scores and no hits
            docdata.put(doc, "lsp_pending", (names, scores, evidence, priors))
            return
        if self.model is not None:
            own = context_shares([[scores.get(n, 0.0) for n in self.model.labels]], len(self.model.labels))
            self._use_model(doc, text, names, scores, evidence, self.context(own, kind_shares([text]) if self.model.uses_kinds else None))
        self._set(doc, names, scores, evidence, priors)

    def lexicon_scores(self, doc) -> Optional[dict]:
        """The lexicon's scores of a doc waiting for finish(), else None."""
        pending = docdata.get(doc, "lsp_pending")
        return pending[1] if pending is not None else None

    def context(self, shares: Sequence[float], kinds: Optional[Sequence[float]] = None):
        """The model's DocumentContext for a document's shares (context_shares, in the model's labels' order) and
        its kind cues' shares (kind_shares; read by a model trained with them)."""
        return self.model.document_context(shares, kinds) if self.model is not None and self.model.uses_context else None

    def finish(self, doc, context) -> None:
        """Apply the model to a doc scored with `lsp_defer_model`, in its document's context (`context`)."""
        pending = docdata.get(doc, "lsp_pending")
        if pending is None:
            return
        docdata.put(doc, "lsp_pending", None)
        names, scores, evidence, priors = pending
        self._use_model(doc, doc_text(doc), names, scores, evidence, context)
        self._set(doc, names, scores, evidence, priors)

    def finish_all(self, docs, context, report: float = 0.0) -> None:
        """finish() for a document's docs at once (finish_pending); their hits and scores are set on them."""
        pending, where = [], []
        for doc in docs:
            found = docdata.get(doc, "lsp_pending")
            if found is not None:
                docdata.put(doc, "lsp_pending", None)
                pending.append((doc_text(doc), found, token_array(doc)))
                where.append(doc)
        for doc, (scores, hits) in zip(where, self.finish_pending(pending, context, report)):
            self._put(doc, scores, hits)

    def finish_pending(self, pending, context, report: float = 0.0, every: bool = True) -> list[tuple[dict, tuple]]:
        """(scores, hits) of a document's paragraphs left for the model: each as (text, its `lsp_pending`, its
        linear.token_array), so the Tagger can let each doc go once the lexicon has scored it.  The model's
        words (LinearModel.walk_arrays) and the tokens the guide's rules may start at (rules.docs_matches) are
        found over all their tokens together.  `report`: the caller reads the hits scoring at least this only;
        a theme below it gets no evidence (the model's words are not looked for, the lexicon's not sorted), its
        score as always.  `every`: False for a caller that reads only the hits scoring at least `report` and above 0
        (the Tagger): the others' ThemeHits are not made."""
        if not pending:
            return []
        model = self.model
        arrays = [a for _t, _p, a in pending]
        tokens = DocTokens(arrays)  # joined once for the words and the rules
        rules = docs_matches([t for t, _p, _a in pending], arrays, self.nlp.vocab.strings, tokens) if model.uses_rules else repeat(None)
        floor = max(EVIDENCE_FLOOR, report)
        if not model.rule_value and self.at_once:  # the guide's rules count as words (the shipped model): all at once
            return self._finish_walked(pending, model.walk_arrays(arrays, self.nlp.vocab, tokens), rules, context, floor, report, every)
        walks = model.walk_docs(arrays, self.nlp.vocab, tokens)
        out = []
        for (text, (names, scores, evidence, priors), _a), walk, found in zip(pending, walks, rules):
            self._use_model(None, text, names, scores, evidence, context, walk=walk, rules=found, floor=floor)
            out.append((scores, self._hits(names, scores, evidence, priors, report, every)))
        return out

    def _finish_walked(self, pending, walk, rules, context, floor: float, report: float, every: bool = True, top: int = 5) -> list[tuple[dict, tuple]]:
        """finish_pending's (scores, hits) as _use_model and _hits make them, for a model whose guide rules count as words
        (rule_value 0): the scores as _use_model makes them (the same sums, in the same order), and the
        contributions of every theme that gets evidence found for all the paragraphs at once with numpy (the
        same weights, order and cut as LinearModel.contributions_of: tests/test_tag_fast_paths.py)."""
        model = self.model
        labels = model.labels
        named = model.weights
        bias = model.bias
        extra = len(context.features) if context is not None else 0
        csums = context.sums if extra else None
        alpha = model.alpha
        beta = 1 - alpha
        cuts = [min(max(t, 1e-6), 1 - 1e-6) for t in model.thresholds]  # calibrate's
        uses_rules = model.uses_rules
        n_docs = len(pending)
        if walk is None:
            ns, bounds, known = [0] * n_docs, [0] * (n_docs + 1), []
        else:
            ns, bounds, known = walk.n, walk.bounds, walk.weights
        scales = [0.0] * n_docs
        fired_of: dict[int, list] = {}  # a paragraph -> its guide rules the model knows: (name, weights, span)
        wanted: list[tuple[int, int]] = []  # (paragraph, label) whose contributions join the evidence
        plans: dict = {}
        for i, ((_text, (names, scores, _ev, _pr), _a), found) in enumerate(zip(pending, rules)):
            n = ns[i]
            if not n:
                continue  # no words: nothing for the model to weigh
            weights = known[bounds[i] : bounds[i + 1]]
            if found and uses_rules:
                fired = [(f, ws) for f in found if (ws := named.get(f)) is not None]
                if fired:
                    fired_of[i] = [(f, ws, found[f]) for f, ws in fired]
                    weights = weights + [ws for _f, ws in fired]
                n += len(found)  # scaled like words: they count among the features
            scale = scales[i] = 1.0 / math.sqrt(n + extra) if n + extra else 0.0
            if not weights and not extra:
                probabilities = [_sigmoid(b) for b in bias]
            else:  # bias + scale * (x1 + x2 + ...), the weights added in the features' order (_probabilities_of)
                sums = map(sum, zip(*weights)) if weights else repeat(0.0)
                if extra:
                    sums = map(add, sums, csums)
                probabilities = [_sigmoid(b + s * scale) for b, s in zip(bias, sums)]
            plan = plans.get(names)
            if plan is None:
                plan = plans[names] = [(name, labels.index(name)) for name in names if name in self._model_labels]
            for name, j in plan:  # model.combine: calibrate(alpha * lexicon + (1 - alpha) * probability, threshold)
                x = min(max(alpha * scores[name] + beta * probabilities[j], 0.0), 1.0)
                t = cuts[j]
                got = scores[name] = round(0.5 * x / t if x < t else 0.5 + 0.5 * (x - t) / (1 - t), 4)
                if got >= floor:
                    wanted.append((i, j))
        tops = self._contributions(wanted, walk, fired_of, context, scales, bounds, top) if wanted else {}
        out = []
        for i, (text, (names, scores, evidence, priors), _a) in enumerate(pending):
            if tops:
                for name, j in plans.get(names, ()):
                    found = tops.get((i, j))
                    if not found:
                        continue
                    ev = evidence[name]
                    for feat, w, a, b in found:
                        if feat is None:  # a word or a pair of words
                            ev.append(_evidence(text[a:b], a, b, round(w, 3), text[a:b].lower(), "model"))
                        elif is_rule(feat):  # a rule of the labelling guide, and the words that made it fire
                            ev.append(_evidence(text[a:b], a, b, round(w, 3), describe_rule(feat), "model:rule"))
                        else:  # a context feature, by name
                            ev.append(_evidence("", 0, 0, round(w, 3), describe_context(feat), "model:document"))
            out.append((scores, self._hits(names, scores, evidence, priors, report, every)))
        return out

    def _contributions(self, wanted, walk, fired_of, context, scales, bounds, top: int) -> dict:
        """{(paragraph, label): [(feature name or None for a word, weight, start, end)]}: for each wanted pair,
        LinearModel.contributions_of's answer (the features that raised the label most, heaviest, then earliest,
        then first in the paragraph's order; at most `top`), found for all the pairs together."""
        import numpy as np

        model = self.model
        n_labels = len(model.labels)
        scale = np.array(scales, dtype=np.float64)
        need = np.zeros((len(scales), n_labels), bool)
        docs_wanted, labels_wanted = zip(*wanted)
        need[list(docs_wanted), list(labels_wanted)] = True
        # the features after a paragraph's words, in _use_model's order: its guide rules, then the document's context.
        # Laid out as every wanted paragraph's words, then their rules, then their context features, so a paragraph's
        # features come in its own order along the arrays (the stable sort below needs no key for that order)
        cknown = context.known if context is not None and context.features else ()
        ex_doc, ex_start, ex_end, ex_weights, ex_names = [], [], [], [], []
        wanted_docs = sorted(set(docs_wanted))
        for i in wanted_docs:
            for f, ws, (a, b) in fired_of.get(i, ()):
                ex_doc.append(i)
                ex_start.append(a)
                ex_end.append(b)
                ex_weights.append(ws)
                ex_names.append(f)
        n_words = len(walk.rows) if walk is not None else 0
        n_fired = len(ex_doc)
        ex_doc_a = np.array(ex_doc, dtype=np.int64)
        ex_start_a = np.array(ex_start, dtype=np.int64)
        ex_end_a = np.array(ex_end, dtype=np.int64)
        ex_matrix = np.array(ex_weights, dtype=np.float64).reshape(n_fired, n_labels)
        c_matrix = np.array([ws for _f, ws in cknown], dtype=np.float64).reshape(len(cknown), n_labels)
        c_first = n_words + n_fired  # a context feature's place: c_first + its index in cknown
        if walk is not None:
            cols = model.weight_matrix()[walk.rows]
            needs = need[walk.doc]
        out: dict = {}
        for j in sorted(set(labels_wanted)):
            parts = []
            if walk is not None:
                col = cols[:, j]
                keep = np.flatnonzero(needs[:, j] & (col > 0))
                d = walk.doc[keep]
                parts.append((d, col[keep] * scale[d], walk.start[keep], walk.end[keep], keep))
            if n_fired:
                col = ex_matrix[:, j]
                keep = np.flatnonzero(need[ex_doc_a, j] & (col > 0))
                d = ex_doc_a[keep]
                parts.append((d, col[keep] * scale[d], ex_start_a[keep], ex_end_a[keep], keep + n_words))
            if len(cknown):
                raised = np.flatnonzero(c_matrix[:, j] > 0)
                docs = np.flatnonzero(need[:, j])
                if len(raised) and len(docs):
                    d = np.repeat(docs, len(raised))
                    zero = np.zeros(len(d), np.int64)
                    parts.append((d, np.tile(c_matrix[raised, j], len(docs)) * scale[d], zero, zero, np.tile(raised + c_first, len(docs))))
            if not parts:
                continue
            d, w, a, b, pos = (np.concatenate(x) for x in zip(*parts))
            if not len(d):
                continue
            # heaviest first, then the earliest, then the first in the paragraph's order (the arrays' order, kept by
            # the stable sort); the first `top` of each
            order = np.lexsort((a, -w, d))
            d, pos = d[order], pos[order]
            first = np.ones(len(d), bool)
            first[1:] = d[1:] != d[:-1]
            at = np.arange(len(d))
            rank = at - np.maximum.accumulate(np.where(first, at, 0))
            chosen = order[rank < top]
            for i, weight, start, end, p in zip(d[rank < top].tolist(), w[chosen].tolist(), a[chosen].tolist(), b[chosen].tolist(), pos[rank < top].tolist()):
                item = (None if p < n_words else ex_names[p - n_words] if p < c_first else cknown[p - c_first][0], weight, start, end)
                found = out.get((i, j))
                if found is None:
                    out[(i, j)] = [item]
                else:
                    found.append(item)
        return out

    @staticmethod
    def _set(doc, names, scores: dict, evidence: dict, priors: dict, report: float = 0.0) -> None:
        ThemeScorer._put(doc, scores, ThemeScorer._hits(names, scores, evidence, priors, report))

    @staticmethod
    def _hits(names, scores: dict, evidence: dict, priors: dict, report: float = 0.0, every: bool = True) -> tuple:
        """Every theme's ThemeHit (`every`; else only those scoring at least `report` and above 0); the evidence in
        the order of the text, for a theme scoring at least `report`."""
        return tuple(
            _hit(n, scores[n], tuple(sorted(evidence[n], key=_evidence_order)) if evidence[n] and scores[n] >= report else (), priors.get(n, 0.0))
            for n in names
            if every or scores[n] >= report and scores[n] > 0
        )

    @staticmethod
    def _put(doc, scores: dict, hits: tuple) -> None:
        docdata.put(doc, "theme_scores", scores)
        docdata.put(doc, "theme_hits", hits)
        doc.cats = dict(scores)

    def _use_model(self, doc, text: str, names, scores: dict, evidence: dict, context, walk=None, rules=None, floor: float = EVIDENCE_FLOOR) -> None:
        """Combine lexicon and model scores (calibrated: 0.5 is the theme's tuned threshold); add the model's evidence.

        `context`: the document's DocumentContext (self.context), None for a model without it.  `walk` and `rules`:
        the doc's LinearModel.walk_docs and guide-rule features, when finish_all found them.  `floor`: the model's
        words join the evidence of a theme scoring at least this (EVIDENCE_FLOOR, or what the caller reports)."""
        model = self.model
        if walk is not None:
            probabilities, weights, spans, features, n_features = model.scored_rows(*walk, context=context, rules=rules)

            def contributions(n):
                return model.contributions_of(weights, spans, features, n, n_features, context=context)
        else:
            columns = token_columns(doc)  # once for the rules and the words
            rules = rule_features(text, doc, columns) if model.uses_rules else None
            probabilities, known, n_features, offsets = model.score_doc(doc, context=context, rules=rules, columns=columns)

            def contributions(n):
                return model.contributions(offsets, n, known=known, context=context, n_features=n_features)
        if not n_features:
            return  # no words: nothing for the model to weigh
        probs = dict(zip(model.labels, probabilities))
        for n in names:
            if n not in self._model_labels:
                continue
            scores[n] = model.combine(n, scores[n], probs[n])
            if scores[n] >= floor:
                for feat, w, a, b in contributions(n):
                    if is_rule(feat):  # a rule of the labelling guide, and the words that made it fire
                        evidence[n].append(_evidence(text[a:b], a, b, round(w, 3), describe_rule(feat), "model:rule"))
                    elif a == b:  # a context feature, by name
                        evidence[n].append(_evidence("", 0, 0, round(w, 3), describe_context(feat), "model:document"))
                    else:
                        evidence[n].append(_evidence(text[a:b], a, b, round(w, 3), text[a:b].lower(), "model"))


def doc_text(doc) -> str:
    """The doc's text; the tagger leaves it in user_data so it is not rebuilt token by token."""
    text = doc.user_data.get("lsp_text")
    return text if text is not None else doc.text


def _chars(doc, start: int, end: int) -> tuple[int, int]:
    last = doc[end - 1]
    return doc[start].idx, last.idx + len(last)


_evidence_order = attrgetter("start", "end")  # evidence in the order of the text


def _contains(hay: tuple[str, ...], needle: tuple[str, ...]) -> bool:
    n = len(needle)
    return n > 0 and any(hay[i : i + n] == needle for i in range(len(hay) - n + 1))


_span = itemgetter(3, 4)


def _keep_longest(matches):
    """Within a theme (and sign), overlapping matches keep only the longest, then heaviest."""
    if len(matches) < 2:
        return list(matches)
    found = sorted(matches, key=_span)
    end = 0
    for m in found:  # (most paragraphs: no two matches overlap, whatever their themes: all are kept)
        if m[3] < end:
            break
        end = m[4]
    else:
        return found
    order = sorted(matches, key=lambda m: (-(m[4] - m[3]), -m[1].weight, m[3]))
    taken: dict[tuple[str, bool], list[tuple[int, int]]] = {}
    out = []
    for m in order:
        th, term, neg, s, e = m
        occupied = taken.setdefault((th, neg), [])
        if any(a < e and s < b for a, b in occupied):
            continue
        occupied.append((s, e))
        out.append(m)
    return sorted(out, key=lambda m: (m[3], m[4]))


def _register() -> None:
    from spacy.language import Language
    from spacy.tokens import Doc

    for name, default in (("theme_scores", None), ("theme_hits", None), ("lsp_heading", None)):
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=default)
    if "lsp_themes" in Language.factories:
        return

    @Language.factory(
        "lsp_themes",
        assigns=["doc.cats", "doc._.theme_scores", "doc._.theme_hits"],
        default_config={"taxonomy": None},
    )
    def make_themes(nlp, name: str, taxonomy: Optional[str]):
        # the taxonomy (a YAML path, None for the default) is loaded when the first doc comes,
        # so build_pipeline's own `use(taxonomy, model)` does not build the matcher twice
        return ThemeScorer(nlp, name, taxonomy_path=taxonomy)
