"""A trained theme model: one logistic regression per theme over stemmed words and word pairs.

    model = train_linear(items, taxonomy.names, lexicon=scores)   # items have .text, .themes
    model.save("models/themes")                                    # one JSON file, no pickle
    model = load_model_dir("models/themes")

Features are the stems (the tagger's NORM) of a paragraph's words (stop words
left out) and of adjacent word pairs ("standing order", "call in"), present
or not, scaled by 1/sqrt(number of features).  Training is full-batch Adam
with an L2 penalty: deterministic, numpy only, a second on a thousand
paragraphs.  Every score is explained by its weights: `contributions` gives
the features that pushed a paragraph's score up, with their token offsets.

A model trained by `lspkit train` also reads the paragraph's document: the
context features ("@doc:governance>0.2": over 20% of the document's
paragraphs are about governance by the lexicon alone; context_features) are
added to the words', because the labellers read a clause of a code of
conduct or of standing orders as part of it.  Models saved without them
(`meta["context"]` absent) are scored as before.

The saved model also carries how to combine it with the lexicon (`alpha`:
score = alpha * lexicon + (1 - alpha) * probability) and one threshold per
theme; `calibrate` maps a combined score so that the theme's threshold lands
on 0.5, so `--min-score 0.5` means "the tuned threshold" for every theme.
"""
from __future__ import annotations

import json
import math
import re
from dataclasses import dataclass, field
from functools import lru_cache, reduce
from itertools import compress, repeat
from operator import add, itemgetter
from pathlib import Path
from typing import Any, Iterable, Optional, Sequence

from ..infra.errors import ConfigError, OutputError

FORMAT = "lspkit-linear/1"
_second = itemgetter(1)
_third = itemgetter(2)

MODEL_FILE = "lspkit-model.json"


# ---------------------------------------------------------------- features


def token_columns(doc) -> list:
    """[ORTH ids, NORM ids, IDX] of the doc's tokens, as three lists: what the model's words (score_doc) and the
    guide rules (rules._doc_matches) read, taken from the doc once for both (`to_array` costs more per attribute
    than the features' loop per token; a word's letters, length and stop flag are its lexeme's: _WORDS)."""
    from spacy.attrs import IDX, NORM, ORTH

    if not len(doc):
        return [[], [], []]
    return doc.to_array([ORTH, NORM, IDX]).T.tolist()


def token_array(doc):
    """[ORTH, NORM, IDX] of the doc's tokens as one uint64 array a token a row (LinearModel.walk_docs)."""
    import numpy as np
    from spacy.attrs import IDX, NORM, ORTH

    if not len(doc):
        return np.zeros((0, 3), dtype=np.uint64)
    return doc.to_array([ORTH, NORM, IDX])


@dataclass(frozen=True)
class Walk:
    """LinearModel.walk_arrays: every paragraph's known features, in score_doc's order, paragraph after paragraph."""

    n: list  # per paragraph, its number of features (known or not)
    bounds: list  # paragraph i's known features are [bounds[i], bounds[i + 1])
    weights: list  # each known feature's weights (the model's own tuples)
    rows: Any  # numpy: each known feature's row of LinearModel.weight_matrix()
    doc: Any  # numpy: its paragraph
    start: Any  # numpy: its character offsets in the paragraph
    end: Any


_ONE_KEY = 2**62  # walk_docs sorts a paragraph's pairs by one int64 key while (paragraphs x distinct norms^2) stays below this


class DocTokens:
    """A document's paragraphs' token_arrays joined: what LinearModel.walk_docs and rules.docs_matches both read,
    made once (the paragraph of each token, and the distinct ORTH ids with each token's place among them)."""

    def __init__(self, arrays: Sequence):
        import numpy as np

        self.counts = [len(a) for a in arrays]
        self.total = sum(self.counts)
        if not self.total:
            return
        self.big = np.concatenate(arrays) if len(arrays) > 1 else arrays[0]
        unique, self.inverse = np.unique(self.big[:, 0], return_inverse=True)
        self.unique_list = unique.tolist()
        self.doc = np.repeat(np.arange(len(arrays)), self.counts)


def _lookup(sorted_keys, values):
    """(place, found) of each of `values` in the sorted array `sorted_keys` (place 0 where not found)."""
    import numpy as np

    if not len(sorted_keys) or not len(values):
        return np.zeros(len(values), np.int64), np.zeros(len(values), bool)
    at = np.searchsorted(sorted_keys, values)
    at[at == len(sorted_keys)] = 0
    found = sorted_keys[at] == values
    at[~found] = 0
    return at, found


class _WordTable(dict):
    """ORTH id -> (is a stop word, length) for a word of two or more letters, 0 for any other token: what score_doc
    needs of a token beside its NORM, from its lexeme (IS_ALPHA, LENGTH and IS_STOP are lexical attributes in
    spaCy).  A token not seen before is looked up in `vocab` (set by the caller) by `__missing__`, so the table is
    read with `map(table.__getitem__, ...)` and no test for a miss."""

    vocab = None

    def __missing__(self, orth: int):
        lex = self.vocab[orth]
        length = len(lex.orth_)  # spaCy's LENGTH: the length of the lexeme's string
        found = self[orth] = (bool(lex.is_stop), length) if lex.is_alpha and length >= 2 else 0
        return found


_WORDS = _WordTable()


def doc_feature_ids(doc) -> dict:
    """doc_features keyed by the vocabulary's string ids, building no string.

    A word's key is its NORM (the hash of its stem), a pair's the tuple of
    the two; the order, the offsets and the count are doc_features' own.
    """
    from spacy.attrs import IDX, IS_ALPHA, IS_STOP, LENGTH, NORM

    out: dict = {}
    if not len(doc):
        return out
    prev = None  # norm of the previous word, None after a token that is not one
    prev_stop = False
    prev_idx = 0
    for norm, alpha, stop, idx, length in doc.to_array([NORM, IS_ALPHA, IS_STOP, IDX, LENGTH]).tolist():
        if not alpha or length < 2:
            prev = None
            continue
        end = idx + length
        if not stop and norm not in out:
            out[norm] = (idx, end)
        if prev is not None and not (prev_stop and stop):
            pair = (prev, norm)
            if pair not in out:
                out[pair] = (prev_idx, end)
        prev, prev_stop, prev_idx = norm, stop, idx
    return out


def doc_features(doc) -> dict[str, tuple[int, int]]:
    """Feature -> (start, end) character offsets of its first occurrence, from a Doc whose NORM is the stem.

    Features are the stems of the words (letters only, two or more; stop
    words left out) and "stem stem" for adjacent words unless both are stop
    words; a token that is not such a word breaks the chain.
    """
    strings = doc.vocab.strings
    return {
        (f"{strings[key[0]]} {strings[key[1]]}" if isinstance(key, tuple) else strings[key]): span
        for key, span in doc_feature_ids(doc).items()
    }


_FEATURE_NLP = None


def feature_docs(texts: Iterable[str]):
    """The texts as the tagger tokenises them: blank("en") with stems as NORM."""
    global _FEATURE_NLP
    if _FEATURE_NLP is None:
        from .pipeline import stemmed_blank

        _FEATURE_NLP = stemmed_blank()
    return _FEATURE_NLP.pipe(texts, batch_size=256)


def text_features(texts: Iterable[str]) -> list[dict[str, tuple[int, int]]]:
    """doc_features for raw texts, through blank("en") with stems as NORM (the tagger's tokens and stems)."""
    return [doc_features(d) for d in feature_docs(texts)]


# ---------------------------------------------------------------- document context

CONTEXT_CUT = 0.5  # a paragraph "has" a theme by the lexicon alone when its lexicon score reaches this
CONTEXT_BINS = (0.1, 0.2, 0.3, 0.5)  # shares of the document's paragraphs that make a context feature
CONTEXT_PREFIX = "@doc:"


def context_shares(lexicon: Sequence[Sequence[float]], n_labels: int) -> list[float]:
    """Per theme, the share of a document's paragraphs whose lexicon score reaches CONTEXT_CUT.

    `lexicon` is every paragraph's lexicon scores, in the labels' order.  The
    labellers read a paragraph in its document (a clause of a code of conduct
    is accountability, a clause of standing orders governance, though it
    may name neither); this is how much of the document the lexicon alone
    finds about each theme.  It uses the document's text, never a label.
    """
    if not lexicon:
        return [0.0] * n_labels
    return [sum(1 for s in lexicon if s[j] >= CONTEXT_CUT) / len(lexicon) for j in range(n_labels)]


def context_features(labels: Sequence[str], shares: Sequence[float]) -> dict[str, tuple[int, int]]:
    """The document-context features ("@doc:governance>0.2"), at offsets (0, 0): they are no span of the text."""
    return {f"{CONTEXT_PREFIX}{name}>{b}": (0, 0) for name, share in zip(labels, shares) for b in CONTEXT_BINS if share > b}


# The kind of paper, inferred from its text: a record of a meeting, a body of rules (constitution, standing orders,
# by-law, terms of reference), a statute, a paper written in the first person (report, strategy, letter), a money
# paper.  Each cue is read per paragraph; a document's share of paragraphs with it is a context feature
# ("@kind:rules>0.5"), and its strongest cue is its kind ("@kind:is:rules").  The labellers read a clause of a
# constitution as governance and a line of minutes as business (guide rules 1, 16); the lexicon's shares
# (@doc:) say what a document is about, not what kind of paper it is.
KIND_PREFIX = "@kind:"
KIND_BINS = (0.25, 0.5)
KIND_MIN = 0.3  # the strongest cue names the document's kind only from this share of its paragraphs up
_KIND_CUES = (
    ("record", re.compile(r"\b(?:resolved|seconded|carried|minutes|apologies|was|were)\b|\bmoved\s+(?:by|that)\b", re.I)),
    ("rules", re.compile(r"\b(?:shall|must)\b|\b(?:is|are)\s+required\s+to\b|\bprovided\s+that\b", re.I)),
    ("statute", re.compile(r"\b(?:section|subsection|regulation|article|schedule)\s+\(?\d|\bthis\s+(?:act|order|regulations?|by-?law)\b", re.I)),
    ("voice", re.compile(r"\b(?:we|our|us)\b", re.I)),
    ("money", re.compile(r"[£$€]\s?\d|\b\d{1,3}(?:,\d{3})+\b|\b\d+(?:\.\d+)?\s?%")),
)
KINDS = tuple(name for name, _rx in _KIND_CUES)


def kind_shares(texts: Sequence[str]) -> list[float]:
    """Per kind cue (KINDS), the share of a document's paragraphs whose text has it: from the text alone."""
    texts = list(texts)
    if not texts:
        return [0.0] * len(KINDS)
    return [sum(1 for t in texts if rx.search(t)) / len(texts) for _name, rx in _KIND_CUES]


def kind_features(shares: Sequence[float]) -> dict[str, tuple[int, int]]:
    """The document-kind features ("@kind:rules>0.5", "@kind:is:rules"), at offsets (0, 0) as the context's."""
    out = {f"{KIND_PREFIX}{name}>{b}": (0, 0) for name, share in zip(KINDS, shares) for b in KIND_BINS if share > b}
    best = max(range(len(KINDS)), key=lambda j: (shares[j], -j)) if shares else 0
    out[f"{KIND_PREFIX}is:{KINDS[best] if shares and shares[best] >= KIND_MIN else 'other'}"] = (0, 0)
    return out


@lru_cache(maxsize=256)
def describe_context(feature: str) -> str:
    """'@doc:governance>0.2' -> 'document: governance in over 20% of its paragraphs' (by the lexicon alone)."""
    if feature.startswith(KIND_PREFIX):
        rest = feature[len(KIND_PREFIX):]
        if rest.startswith("is:"):
            return f"document: a {rest[3:]} paper (its commonest kind cue)"
        name, _, share = rest.rpartition(">")
        return f"document: kind cue {name} in over {float(share):.0%} of its paragraphs"
    name, _, share = feature[len(CONTEXT_PREFIX):].rpartition(">")
    return f"document: {name} in over {float(share):.0%} of its paragraphs"


@dataclass(frozen=True)
class DocumentContext:
    """A document's context features as the model sees them (LinearModel.document_context)."""

    features: tuple[str, ...]  # every context feature of the document: each counts in a paragraph's scale
    known: tuple[tuple[str, tuple[float, ...]], ...]  # those the model has weights for
    sums: tuple[float, ...]  # per label, their weights added up


# ---------------------------------------------------------------- the model


@dataclass
class LinearModel:
    labels: tuple[str, ...]
    bias: list[float]
    weights: dict[str, tuple[float, ...]]  # feature -> one weight per label (tuples: the garbage collector stops tracking them)
    thresholds: list[float] = field(default_factory=list)  # per label, on the combined score
    alpha: float = 0.0  # weight of the lexicon score in the combination
    taxonomy: str = ""  # the taxonomy name the lexicon half was tuned with
    meta: dict[str, Any] = field(default_factory=dict)

    def __post_init__(self):
        if not self.thresholds:
            self.thresholds = [0.5] * len(self.labels)

    def blended(self, lexicon: Sequence[float], probabilities: Sequence[float]) -> list[float]:
        """Per label, alpha * lexicon + (1 - alpha) * probability (uncalibrated: compare with `thresholds`)."""
        a = self.alpha
        return [a * x + (1 - a) * p for x, p in zip(lexicon, probabilities)]

    @property
    def uses_context(self) -> bool:
        """Trained with the document-context features (context_features); older models were not."""
        return bool(self.meta.get("context"))

    @property
    def uses_kinds(self) -> bool:
        """Trained with the document-kind features too (kind_features)."""
        return bool((self.meta.get("context") or {}).get("kinds"))

    # ---------------------------------------------------------- scoring

    @property
    def rule_value(self) -> float:
        """What a guide-rule feature (lspkit.nlp.rules) adds to a paragraph's sum: 0 when scaled like a word."""
        return float((self.meta.get("rules") or {}).get("value", 0.0))

    def probabilities(self, features: dict) -> list[float]:
        return self.score(features)[0]

    def score(self, features: dict, *, by_id: bool = False, context: Optional[DocumentContext] = None) -> tuple[list[float], list[tuple[Any, list[float]]]]:
        """(probability per label, [(feature, weights)] for the features the model knows).

        `by_id`: the features are doc_feature_ids' keys rather than strings.
        `context`: the paragraph's document (document_context), whose features
        count as the paragraph's own, added up once per document.
        """
        if not len(features):
            return [_sigmoid(b) for b in self.bias], []
        w = self.weights_by_id() if by_id else self.weights
        known = [(f, ws) for f in features if (ws := w.get(f)) is not None]
        if self.rule_value:
            rules = [(f, ws) for f, ws in known if _is_rule(f)]
            if rules:
                words = [(f, ws) for f, ws in known if not _is_rule(f)]
                n = sum(1 for f in features if not _is_rule(f))
                return self._probabilities(n, words, context, rules), known
        return self._probabilities(len(features), known, context), known

    def score_doc(
        self, doc, *, context: Optional[DocumentContext] = None, rules: Optional[dict] = None, columns: Optional[list] = None
    ) -> tuple[list[float], list[tuple[Any, tuple[float, ...]]], int, dict]:
        """score(doc_feature_ids(doc), by_id=True) without building the features the model does not know.

        (probabilities, known, number of features, {key: (start, end)} of the known ones): the
        same features in the same order, so the same sums, as `score` (tests/test_tag_fast_paths.py).
        `rules`: the paragraph's guide-rule features (rules.rule_features), for a model trained with them.
        `columns`: the doc's token_columns, when the caller has them already.
        """
        table = self.weights_by_id()
        seen: set = set()
        offsets: dict = {}
        known: list = []
        orths, norms, starts = columns if columns is not None else token_columns(doc)
        if orths:
            if len(_WORDS) > 500_000:
                _WORDS.clear()
            _WORDS.vocab = doc.vocab
            words = list(map(_WORDS.__getitem__, orths))  # (stop, length) of a word, 0 for another token: per lexeme
            prev = None
            prev_stop = False
            prev_idx = 0
            for word, norm, idx in zip(words, norms, starts):
                if not word:
                    prev = None
                    continue
                stop, length = word
                if not stop and norm not in seen:
                    seen.add(norm)
                    ws = table.get(norm)
                    if ws is not None:
                        known.append((norm, ws))
                        offsets[norm] = (idx, idx + length)
                if prev is not None and not (prev_stop and stop):
                    pair = (prev, norm)
                    if pair not in seen:
                        seen.add(pair)
                        ws = table.get(pair)
                        if ws is not None:
                            known.append((pair, ws))
                            offsets[pair] = (prev_idx, idx + length)
                prev, prev_stop, prev_idx = norm, stop, idx
        return self.scored(len(seen), known, offsets, context=context, rules=rules)

    def scored(
        self, n: int, known: list, offsets: dict, *, context: Optional[DocumentContext] = None, rules: Optional[dict] = None
    ) -> tuple[list[float], list[tuple[Any, tuple[float, ...]]], int, dict]:
        """score_doc's answer from a paragraph's walk: `n` features, the `known` ones [(key, weights)] in order,
        their `offsets`; `rules` as score_doc's."""
        if not n:
            return [_sigmoid(b) for b in self.bias], [], 0, offsets
        fired = None
        if rules and self.uses_rules:
            w = self.weights
            fired = [(f, ws) for f in rules if (ws := w.get(f)) is not None]
            for f, _ws in fired:
                offsets[f] = rules[f]
            if not self.rule_value:  # scaled like words: they count among the features
                known.extend(fired)
                n += len(rules)  # (names: never a word's or a pair's key)
                fired = None
            else:
                known.extend(fired)
                return self._probabilities(n, known[: len(known) - len(fired)], context, fired), known, n, offsets
        return self._probabilities(n, known, context), known, n, offsets

    def walk_docs(self, arrays: Sequence, vocab, tokens: Optional["DocTokens"] = None) -> list[tuple[int, list, dict]]:
        """score_doc's walk over the words of many paragraphs at once: (number of features, the known ones
        [(key, weights)] in score_doc's order, {key: (start, end)} of the known ones) for each paragraph, from its
        token_array.  The same features, order and offsets as score_doc (tests/test_tag_fast_paths.py), found
        with numpy over all the tokens: a Python step per known feature instead of several per token.
        `tokens`: the arrays' DocTokens, when the caller has them (rules.docs_matches reads them too)."""
        w = self.walk_arrays(arrays, vocab, tokens)
        if w is None:
            return [(0, [], {}) for _a in arrays]
        spans = list(zip(w.start.tolist(), w.end.tolist()))
        weights, bounds = w.weights, w.bounds
        return [(c, weights[a:b], spans[a:b]) for c, a, b in zip(w.n, bounds, bounds[1:])]

    def walk_arrays(self, arrays: Sequence, vocab, tokens: Optional["DocTokens"] = None) -> Optional["Walk"]:
        """walk_docs' answer for all the paragraphs together (None when they have no tokens): a Walk, whose known
        features are in score_doc's order paragraph after paragraph (`bounds`), as numpy arrays (the weights'
        rows, paragraph, start, end) and the weights' tuples as one list."""
        import numpy as np

        t = tokens if tokens is not None else DocTokens(arrays)
        total = t.total
        if not total:
            return None
        big, inverse = t.big, t.inverse
        norm, idx = big[:, 1], big[:, 2].astype(np.int64)
        if len(_WORDS) > 500_000:
            _WORDS.clear()
        _WORDS.vocab = vocab
        info = list(map(_WORDS.__getitem__, t.unique_list))  # per lexeme, as score_doc reads it
        word = np.fromiter((bool(x) for x in info), bool, len(info))[inverse]
        stop = np.fromiter((bool(x and x[0]) for x in info), bool, len(info))[inverse]
        length = np.fromiter((x[1] if x else 0 for x in info), np.int64, len(info))[inverse]
        doc = t.doc
        # the previous token is a word of the same paragraph
        prev_word = np.empty(total, bool)
        prev_word[0] = False
        prev_word[1:] = word[:-1] & (doc[1:] == doc[:-1])
        prev_stop = np.empty(total, bool)
        prev_stop[0] = False
        prev_stop[1:] = stop[:-1]
        unigram = np.flatnonzero(word & ~stop)
        pair = np.flatnonzero(word & prev_word & ~(stop & prev_stop))
        # each token's NORM as a small number (its place among the distinct norms), so a paragraph's word or pair is
        # one int64 key, and the model's words are looked up once per distinct norm
        norms, dense = np.unique(norm, return_inverse=True)
        u = len(norms)
        n_docs = len(arrays)
        # first occurrences in each paragraph: a stable sort by (paragraph, key) keeps the earliest first
        key = doc[unigram] * u + dense[unigram]
        order = np.argsort(key, kind="stable")
        key = key[order]
        new = np.ones(len(order), bool)
        new[1:] = key[1:] != key[:-1]
        unigram = unigram[order[new]]
        if n_docs * u * u < _ONE_KEY:
            key = (doc[pair] * u + dense[pair - 1]) * u + dense[pair]
            order = np.argsort(key, kind="stable")
            key = key[order]
            new = np.ones(len(order), bool)
            new[1:] = key[1:] != key[:-1]
        else:  # (too many distinct words for one key: three)
            d, k1, k2 = doc[pair], dense[pair - 1], dense[pair]
            order = np.lexsort((k2, k1, d))
            d, k1, k2 = d[order], k1[order], k2[order]
            new = np.ones(len(order), bool)
            new[1:] = (d[1:] != d[:-1]) | (k1[1:] != k1[:-1]) | (k2[1:] != k2[:-1])
        pair = pair[order[new]]
        n = (np.bincount(doc[unigram], minlength=n_docs) + np.bincount(doc[pair], minlength=n_docs)).tolist()
        # the ones the model knows, as rows of its weights: a word by its key, a pair by its words' places among
        # the pairs' first and second words (each looked up once per distinct norm)
        word_keys, word_rows, firsts, seconds, pair_codes, pair_rows, rows = self._rows()
        at, hit = _lookup(word_keys, norms)
        row_of = (np.where(hit, word_rows[at], -1) if len(word_rows) else np.full(u, -1))[dense[unigram]]
        hit = row_of >= 0
        unigram, unigram_rows = unigram[hit], row_of[hit]
        at, hit = _lookup(firsts, norms)
        first_of = np.where(hit, at, -1)
        at, hit = _lookup(seconds, norms)
        second_of = np.where(hit, at, -1)
        first, second = first_of[dense[pair - 1]], second_of[dense[pair]]
        hit = (first >= 0) & (second >= 0)
        pair, first, second = pair[hit], first[hit], second[hit]
        at, found = _lookup(pair_codes, first * len(seconds) + second)
        pair, pair_rows = pair[found], pair_rows[at[found]]
        # in score_doc's order: token by token, a token's word before its pair
        at = np.concatenate((unigram * 2, pair * 2 + 1))
        order = np.argsort(at, kind="stable")
        at = at[order]
        g = at >> 1
        known_rows = np.concatenate((unigram_rows, pair_rows))[order]
        weights = list(map(rows.__getitem__, known_rows.tolist()))
        start = np.where((at & 1).astype(bool), idx[g - 1], idx[g])
        bounds = np.searchsorted(doc[g], np.arange(n_docs + 1)).tolist()
        return Walk(n, bounds, weights, known_rows, doc[g], start, idx[g] + length[g])

    def _rows(self):
        """weights_by_id as sorted arrays for walk_docs: the words' keys and their rows; the pairs' first words,
        second words, and codes (first's place * number of seconds + second's place) and their rows; the rows'
        weights (the table's own tuples)."""
        table = self.weights_by_id()
        cached = self.__dict__.get("_rows_cache")
        if cached is None or cached[0] is not table:
            import numpy as np

            keys = list(table)
            rows = list(table.values())
            is_pair = np.array([type(k) is tuple for k in keys], dtype=bool)
            at = np.arange(len(keys))
            word_rows, pair_rows = at[~is_pair], at[is_pair]
            word_keys = np.array([keys[r] for r in word_rows.tolist()], dtype=np.uint64)
            order = np.argsort(word_keys, kind="stable")
            pairs = np.array([keys[r] for r in pair_rows.tolist()], dtype=np.uint64).reshape(-1, 2)
            firsts, first = np.unique(pairs[:, 0], return_inverse=True)
            seconds, second = np.unique(pairs[:, 1], return_inverse=True)
            codes = first.astype(np.int64) * len(seconds) + second
            order2 = np.argsort(codes, kind="stable")
            found = (word_keys[order], word_rows[order], firsts, seconds, codes[order2], pair_rows[order2], rows)
            cached = self.__dict__["_rows_cache"] = (table, found)
        return cached[1]

    def weight_matrix(self):
        """The rows of _rows (weights_by_id's tuples) as one float64 matrix, a row per feature, a column per label."""
        rows = self._rows()[-1]
        cached = self.__dict__.get("_matrix_cache")
        if cached is None or cached[0] is not rows:
            import numpy as np

            matrix = np.array(rows, dtype=np.float64).reshape(len(rows), len(self.labels))
            cached = self.__dict__["_matrix_cache"] = (rows, matrix)
        return cached[1]

    def scored_rows(self, n: int, weights: list, spans: list, *, context: Optional[DocumentContext] = None, rules: Optional[dict] = None):
        """score_doc's answer from a paragraph's walk_docs (`n` features, the known ones' `weights` and `spans` in
        order), with its guide-rule features: (probabilities, weights, spans, names, n) where names is None when
        every known feature is a word, else the feature's name for a rule and None for a word."""
        if not n:
            return [_sigmoid(b) for b in self.bias], [], [], None, 0
        names = None
        if rules and self.uses_rules:
            w = self.weights
            fired = [(f, ws) for f in rules if (ws := w.get(f)) is not None]
            if fired:
                names = [None] * len(weights) + [f for f, _ws in fired]
                spans = spans + [rules[f] for f, _ws in fired]
            if not self.rule_value:  # scaled like words: they count among the features (score_doc)
                weights = weights + [ws for _f, ws in fired]
                n += len(rules)
            else:
                words = weights
                weights = weights + [ws for _f, ws in fired]
                return self._probabilities_of(n, words, context, [ws for _f, ws in fired]), weights, spans, names, n
        return self._probabilities_of(n, weights, context), weights, spans, names, n

    def contributions_of(self, weights: list, spans: list, names, label: str, n: int, top: int = 5, context: Optional[DocumentContext] = None):
        """contributions() from scored_rows' answer (a word's feature is None: its text is its span's)."""
        j = self.labels.index(label)
        extra = len(context.features) if context is not None else 0
        v = self.rule_value
        scale = 1.0 / math.sqrt(n + extra) if n + extra else 0.0
        if names is None:
            found = [(None, ws[j] * scale, a, b) for ws, (a, b) in zip(weights, spans) if ws[j] > 0]
        elif v:
            found = [(f, ws[j] * (scale if f is None else v), a, b) for ws, (a, b), f in zip(weights, spans, names) if ws[j] > 0]
        else:
            found = [(f, ws[j] * scale, a, b) for ws, (a, b), f in zip(weights, spans, names) if ws[j] > 0]
        if extra:
            found.extend((f, ws[j] * scale, 0, 0) for f, ws in context.known if ws[j] > 0)
        found.sort(key=_third)
        found.sort(key=_second, reverse=True)
        return found[:top]

    @property
    def uses_rules(self) -> bool:
        """Trained with the guide's rules as features (lspkit.nlp.rules)."""
        return bool(self.meta.get("rules"))

    def _probabilities(self, n_features: int, known: list, context: Optional[DocumentContext], rules: Sequence = ()) -> list[float]:
        return self._probabilities_of(n_features, list(map(_second, known)), context, list(map(_second, rules)))

    def _probabilities_of(self, n_features: int, weights: list, context: Optional[DocumentContext], rules: Sequence = ()) -> list[float]:
        """_probabilities from the known features' weights (and the rules' weights, for a rule_value model)."""
        extra = len(context.features) if context is not None else 0
        if not weights and not extra and not rules:
            return [_sigmoid(b) for b in self.bias]
        scale = 1.0 / math.sqrt(n_features + extra) if n_features + extra else 0.0
        # bias + scale * (x1 + x2 + ...), the weights added in the features' order, one label at a time
        sums = map(sum, zip(*weights)) if weights else repeat(0.0)
        if extra:
            sums = map(add, sums, context.sums)
        if rules:
            v = self.rule_value
            fixed = [v * x for x in map(sum, zip(*rules))]
            return [_sigmoid(b + s * scale + r) for b, s, r in zip(self.bias, sums, fixed)]
        return [_sigmoid(b + s * scale) for b, s in zip(self.bias, sums)]

    def document_context(self, shares: Sequence[float], kinds: Optional[Sequence[float]] = None) -> DocumentContext:
        """The context features of a document with these shares (context_shares, in the labels' order) and, for a
        model trained with them, its kind cues' shares (kind_shares)."""
        feats = tuple(context_features(self.labels, shares)) if self.uses_context else ()
        if kinds is not None and self.uses_kinds:
            feats += tuple(kind_features(kinds))
        known = tuple((f, tuple(ws)) for f in feats if (ws := self.weights.get(f)) is not None)
        sums = tuple(reduce(add, col, 0.0) for col in zip(*[ws for _f, ws in known])) if known else (0.0,) * len(self.labels)
        return DocumentContext(feats, known, sums)

    def weights_by_id(self) -> dict[Any, list[float]]:
        """The weights keyed as doc_feature_ids keys them (built on first use; `weights` is not changed after)."""
        cached = self.__dict__.get("_by_id")
        if cached is None or cached[0] is not self.weights:
            from spacy.strings import get_string_id  # a hash, or a symbol's own id ("number")

            table = {}
            for f, ws in self.weights.items():
                first, _, second = f.partition(" ")
                table[(get_string_id(first), get_string_id(second)) if second else get_string_id(first)] = ws
            cached = self.__dict__["_by_id"] = (self.weights, table)
        return cached[1]

    def contributions(
        self, features: dict, label: str, top: int = 5, known=None, context: Optional[DocumentContext] = None, n_features: Optional[int] = None
    ) -> list[tuple[str, float, int, int]]:
        """The features that raised `label`'s score most: (feature, weight, start, end), heaviest first.

        With `context`, the document's context features compete too (offsets 0, 0; the feature is its name).
        `n_features`: how many features the paragraph has when `features` holds only the known ones (score_doc)."""
        j = self.labels.index(label)
        extra = len(context.features) if context is not None else 0
        v = self.rule_value
        n = (sum(1 for f in features if not (v and _is_rule(f))) if n_features is None else n_features)
        scale = 1.0 / math.sqrt(n + extra) if n + extra else 0.0
        if known is None:
            known = [(f, ws) for f in features if (ws := self.weights.get(f)) is not None]
        # the heaviest `top` (then the earliest), each by what it adds to the sum
        if v:
            found = [(f, ws[j] * (v if _is_rule(f) else scale), *features[f]) for f, ws in known if ws[j] > 0]
        else:
            found = [(f, ws[j] * scale, *features[f]) for f, ws in known if ws[j] > 0]
        if extra:
            found.extend((f, ws[j] * scale, 0, 0) for f, ws in context.known if ws[j] > 0)
        # by (-weight, start), as two stable sorts on C keys: earliest first, then heaviest first (ties keep that)
        found.sort(key=_third)
        found.sort(key=_second, reverse=True)
        return found[:top]

    def combine(self, label: str, lexicon: float, probability: float) -> float:
        """The combined, calibrated score in [0, 1]: the theme's tuned threshold maps to 0.5."""
        return calibrate(self.alpha * lexicon + (1 - self.alpha) * probability, self.thresholds[self.labels.index(label)])

    # ---------------------------------------------------------- files

    def to_dict(self) -> dict[str, Any]:
        return {
            "format": FORMAT,
            "labels": list(self.labels),
            "taxonomy": self.taxonomy,
            "alpha": self.alpha,
            "thresholds": [round(t, 6) for t in self.thresholds],
            "bias": [round(b, 6) for b in self.bias],
            "meta": self.meta,
            "weights": {f: [round(x, 5) for x in ws] for f, ws in sorted(self.weights.items())},
        }

    def save(self, directory: str) -> None:
        """Write DIR/lspkit-model.json atomically (the directory is made if its parent exists)."""
        target = Path(directory)
        parent = target.parent if str(target.parent) else Path(".")
        if not parent.is_dir():
            raise OutputError(f"directory {parent} does not exist", directory)
        if target.exists() and not target.is_dir():
            raise OutputError("exists and is not a directory", directory)
        if target.is_dir() and any(target.iterdir()) and not (target / MODEL_FILE).is_file():
            raise OutputError("exists and is not a trained model; refusing to write into it", directory)
        from ..infra.outputs import write_text_atomic

        target.mkdir(exist_ok=True)
        write_text_atomic(str(target / MODEL_FILE), self.to_json())

    def to_json(self) -> str:
        """The model file: settings first, then one feature a line (diffable, stable for a seed)."""
        d = self.to_dict()
        weights = d.pop("weights")
        head = json.dumps(d, indent=1, ensure_ascii=False)
        lines = ",\n".join(f" {json.dumps(f, ensure_ascii=False)}: {json.dumps(ws)}" for f, ws in weights.items())
        return head[:-2] + ',\n "weights": {\n' + lines + "\n }\n}\n"


def _is_rule(feature) -> bool:
    return isinstance(feature, str) and feature.startswith("@rule:")


def calibrate(score: float, threshold: float) -> float:
    """Piecewise linear, monotone: 0 -> 0, threshold -> 0.5, 1 -> 1."""
    t = min(max(threshold, 1e-6), 1 - 1e-6)
    s = min(max(score, 0.0), 1.0)
    out = 0.5 * s / t if s < t else 0.5 + 0.5 * (s - t) / (1 - t)
    return round(out, 4)


def _sigmoid(z: float) -> float:
    if z >= 0:
        return 1.0 / (1.0 + math.exp(-z))
    e = math.exp(z)
    return e / (1.0 + e)


def load_model_dir(directory: str) -> LinearModel:
    path = Path(directory)
    file = path / MODEL_FILE if path.is_dir() else path
    if not file.is_file():
        raise ConfigError(f"not a trained model (expected {MODEL_FILE}; make one with `lspkit train`)", directory)
    try:
        data = json.loads(file.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise ConfigError(f"cannot read the trained model: {exc}", directory) from None
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise ConfigError(f"not an lspkit model (format {data.get('format') if isinstance(data, dict) else None!r}, expected {FORMAT})", directory)
    try:
        labels = tuple(str(x) for x in data["labels"])
        bias = [float(x) for x in data["bias"]]
        weights = {str(f): tuple(map(float, ws)) for f, ws in data["weights"].items()}
        thresholds = [float(x) for x in data.get("thresholds") or [0.5] * len(labels)]
        alpha = float(data.get("alpha", 0.0))
    except (KeyError, TypeError, ValueError, AttributeError) as exc:
        raise ConfigError(f"damaged model file ({exc})", directory) from None
    if len(bias) != len(labels) or len(thresholds) != len(labels) or any(len(ws) != len(labels) for ws in weights.values()):
        raise ConfigError("damaged model file (weights do not match the labels)", directory)
    if not 0.0 <= alpha <= 1.0:
        raise ConfigError(f"damaged model file (alpha {alpha} is not in [0, 1])", directory)
    return LinearModel(labels, bias, weights, thresholds, alpha, str(data.get("taxonomy", "")), dict(data.get("meta") or {}))


# ---------------------------------------------------------------- training


@dataclass(frozen=True)
class TrainSettings:
    l2: float = 1e-4
    iterations: int = 300
    learning_rate: float = 0.1
    min_count: int = 2  # a feature must occur in at least this many training paragraphs
    rule_value: float = 0.0  # a guide-rule feature's value (lspkit.nlp.rules); 0: scaled like a word
    class_weight: float = 0.5  # a theme's positive paragraphs weigh (negatives / positives) ** class_weight in the loss; 0: all equal
    balance: float = 0.0  # a paragraph weighs (its publisher's paragraphs) ** -balance in the loss (fit_blends passes the publishers); 0: all equal
    min_groups: int = 1  # a feature must occur in paragraphs of at least this many groups (fit_blends passes the publishers): no one publisher's wording
    pairs: bool = True  # word pairs as features; False: single stems, the guide's rules and the context only

    def __post_init__(self):
        if self.l2 < 0 or self.iterations < 1 or self.learning_rate <= 0 or self.min_count < 1 or not 0 <= self.class_weight <= 1 or not 0 <= self.balance <= 1 or self.min_groups < 1:
            raise ConfigError(f"bad training settings {self}")


def fit_weights(features: Sequence[dict], targets: Sequence[Sequence[bool]], labels: Sequence[str], settings: TrainSettings = TrainSettings(), groups: Optional[Sequence[str]] = None):
    """Logistic regression per label; returns (bias, weights).  Deterministic.

    `groups` (the paragraphs' publishers) with `settings.balance` > 0: a paragraph weighs
    (its group's size) ** -balance, so a publisher with many labelled paragraphs does not
    set the model's idea of what a council paper says."""
    import numpy as np

    if not features:
        raise ConfigError("no labelled paragraphs to train on")
    counts: dict[str, int] = {}
    for fs in features:
        for f in fs:
            counts[f] = counts.get(f, 0) + 1
    vocab = [f for f, c in counts.items() if c >= settings.min_count and (settings.pairs or " " not in f or f.startswith("@"))]
    if groups is not None and settings.min_groups > 1:
        seen: dict[str, set] = {}
        for fs, g in zip(features, groups):
            for f in fs:
                seen.setdefault(f, set()).add(g)
        vocab = [f for f in vocab if len(seen[f]) >= settings.min_groups or f.startswith("@")]
    vocab = sorted(vocab)
    index = {f: i for i, f in enumerate(vocab)}
    # a sparse matrix by hand (numpy only): row r has columns cols[start[r]:start[r+1]], all of value val
    rows, cols, vals = [], [], []
    rv = settings.rule_value
    for r, fs in enumerate(features):
        n_scaled = sum(1 for f in fs if not (rv and _is_rule(f))) if rv else len(fs)
        scale = 1.0 / math.sqrt(n_scaled) if n_scaled else 0.0
        for f in fs:
            c = index.get(f)
            if c is None:
                continue
            rows.append(r)
            cols.append(c)
            vals.append(rv if rv and _is_rule(f) else scale)
    rows_a = np.asarray(rows, dtype=np.int64)
    cols_a = np.asarray(cols, dtype=np.int64)
    vals_a = np.asarray(vals, dtype=np.float64)
    n, k, v = len(features), len(labels), len(vocab)
    Y = np.asarray(targets, dtype=np.float64).reshape(n, k)

    def xw(W):
        out = np.zeros((n, k))
        contrib = W[cols_a] * vals_a[:, None]
        for j in range(k):
            out[:, j] = np.bincount(rows_a, weights=contrib[:, j], minlength=n)
        return out

    def xtg(G):
        g = G[rows_a] * vals_a[:, None]
        return np.stack([np.bincount(cols_a, weights=g[:, j], minlength=v) for j in range(k)], axis=1)

    W = np.zeros((v, k))
    pos = Y.mean(0).clip(1e-3, 1 - 1e-3)
    b = np.log(pos / (1 - pos))
    # class weighting: a theme's rare positives count (neg/pos) ** class_weight times; the loss is normalised back to
    # the paragraphs' count so l2 means the same; the bias starts where the weighted prior puts it
    cw = ((1 - pos) / pos) ** settings.class_weight
    S = np.where(Y > 0, cw, 1.0)
    if groups is not None and settings.balance:
        size: dict = {}
        for g in groups:
            size[g] = size.get(g, 0) + 1
        S = S * np.asarray([size[g] ** -settings.balance for g in groups], dtype=np.float64)[:, None]
    S = S / S.mean(0)
    if settings.class_weight:
        b = b + np.log(cw)
    mW, vW = np.zeros_like(W), np.zeros_like(W)
    mb, vb = np.zeros_like(b), np.zeros_like(b)
    lr, b1, b2 = settings.learning_rate, 0.9, 0.999
    for it in range(1, settings.iterations + 1):
        P = 1.0 / (1.0 + np.exp(-(xw(W) + b)))
        G = (P - Y) * S
        gW = xtg(G) / n + settings.l2 * W
        gb = G.mean(0)
        mW = b1 * mW + (1 - b1) * gW
        vW = b2 * vW + (1 - b2) * gW * gW
        mb = b1 * mb + (1 - b1) * gb
        vb = b2 * vb + (1 - b2) * gb * gb
        c1, c2 = 1 - b1**it, 1 - b2**it
        W -= lr * (mW / c1) / (np.sqrt(vW / c2) + 1e-8)
        b -= lr * (mb / c1) / (np.sqrt(vb / c2) + 1e-8)
    weights = {f: tuple(float(x) for x in W[i]) for f, i in index.items() if float(abs(W[i]).max()) >= 1e-3}
    return [float(x) for x in b], weights


def train_linear(
    features: Sequence[dict],
    targets: Sequence[Sequence[bool]],
    labels: Sequence[str],
    settings: TrainSettings = TrainSettings(),
    groups: Optional[Sequence[str]] = None,
) -> LinearModel:
    bias, weights = fit_weights(features, targets, labels, settings, groups)
    meta = {"rules": {"value": settings.rule_value}} if any(_is_rule(f) for fs in features for f in fs) else {}
    return LinearModel(tuple(labels), bias, weights, meta=meta)
