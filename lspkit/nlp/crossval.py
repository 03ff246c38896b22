"""Cross-validation by document: how a tagger does on papers it has never seen.

    cv = cross_validate(items, taxonomy, k=5, seed=0, agreement=("a.jsonl", "b.jsonl"))
    cv.systems[0].report.macro_f1, cv.systems[0].intervals["macro"]

Folds are made of whole documents (GoldItem.group: the gold file's `doc`,
else its `file`): no paragraph of a test document is seen in training or in
choosing a threshold.  Inside each training part, everything that learns
learns from the training paragraphs only:

- `keywords`: the baseline.  15 stems per theme with the highest smoothed
  log-odds of appearing in that theme's training paragraphs against the
  others; a paragraph gets the theme when it has at least m of them, m (1-3)
  chosen on the training paragraphs.
- `lexicon`: the taxonomy's weighted terms (they learn nothing); one
  threshold per theme chosen on the training paragraphs.
- `model`: the linear model (lspkit.nlp.linear) trained on the training
  documents, on each paragraph's words and its document's context (the
  share of the document's paragraphs the lexicon finds about each theme:
  `with_context`, from the text alone, as the tagger computes it at run
  time); thresholds chosen on out-of-fold scores of an inner
  cross-validation that keeps publishers whole (inner_fold_groups), so they
  are chosen on publishers the inner model never saw.
- `blend`: alpha * lexicon + (1 - alpha) * model, alpha and thresholds
  chosen on the same inner out-of-fold scores.  This is what `lspkit train`
  does on the whole corpus, so its figure is the shipped tagger's.

Confidence intervals: 95% percentile bootstrap over documents (documents
drawn with replacement, 1,000 times, fixed seed).  With two annotators'
raw label files their agreement (F1 of one against the other, Cohen's kappa)
is reported on the same paragraphs.
"""
from __future__ import annotations

import json
import math
import random
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Optional, Sequence

from ..infra.errors import ConfigError, InputInvalidError, InputMissingError
from .evaluate import EvalReport, GoldItem, score
from .linear import CONTEXT_BINS, CONTEXT_CUT, KIND_BINS, KIND_MIN, KIND_PREFIX, KINDS, LinearModel, kind_features, kind_shares, TrainSettings, context_features, context_shares, text_features, train_linear
from .taxonomy import Taxonomy

KEYWORDS_PER_THEME = 15
ALPHAS = (0.0, 0.25, 0.5, 0.75)
INNER_FOLDS = 4
BOOTSTRAP = 1000


# ---------------------------------------------------------------- folds


def document_folds(items: Sequence[GoldItem], k: int, seed: int = 0) -> list[list[int]]:
    """K folds of paragraph indices; every document's paragraphs in exactly one fold.

    Documents are shuffled (seeded) and dealt largest first to the fold with
    fewest paragraphs, so folds are about the same size.
    """
    groups: dict[str, list[int]] = {}
    for i, it in enumerate(items):
        groups.setdefault(it.group or it.key, []).append(i)
    if k < 2 or k > len(groups):
        raise ConfigError(f"--cross-validate needs 2 <= K <= {len(groups)} (the number of documents), not {k}")
    names = sorted(groups)
    random.Random(seed).shuffle(names)
    names.sort(key=lambda g: -len(groups[g]))  # stable: ties keep the shuffled order
    folds: list[list[int]] = [[] for _ in range(k)]
    for g in names:
        smallest = min(range(k), key=lambda f: (len(folds[f]), f))
        folds[smallest].extend(groups[g])
    return [sorted(f) for f in folds]


# ---------------------------------------------------------------- thresholds


def best_threshold(gold: Sequence[bool], scores: Sequence[float]) -> tuple[float, float]:
    """(threshold, F1): the cut on `scores` that maximises F1 on these paragraphs (midpoints between values)."""
    pairs = sorted(zip(scores, gold), key=lambda x: -x[0])
    positives = sum(1 for g in gold if g)
    if not positives:
        return (max(scores, default=0.0) + 1e-6, 1.0)
    best_f, best_t = -1.0, 1.0
    tp = fp = 0
    for i, (s, g) in enumerate(pairs):
        tp += g
        fp += not g
        if i + 1 < len(pairs) and pairs[i + 1][0] == s:
            continue  # a threshold cannot separate equal scores
        if s <= 0:
            break  # a score of 0 is no evidence at all
        f = 2 * tp / (2 * tp + fp + (positives - tp))
        if f > best_f:
            nxt = pairs[i + 1][0] if i + 1 < len(pairs) else 0.0
            best_f, best_t = f, (s + max(nxt, 0.0)) / 2
    return best_t, max(best_f, 0.0)


# ---------------------------------------------------------------- systems


def lexicon_scores(items: Sequence[GoldItem], taxonomy: Taxonomy) -> list[list[float]]:
    """The lexicon's score for every theme of every paragraph (paragraphs of one document tagged together)."""
    from .tagger import get_tagger

    tagger = get_tagger(taxonomy, "none")
    names = taxonomy.names
    out: dict[int, list[float]] = {}
    groups: dict[str, list[int]] = {}
    for i, it in enumerate(items):
        groups.setdefault(it.group or f"#{i}", []).append(i)
    for idxs in groups.values():
        tags = tagger.tag_texts([(str(i), items[i].text, items[i].heading) for i in idxs], min_score=0.0)
        for i, t in zip(idxs, tags):
            out[i] = [float(t.scores.get(n, 0.0)) for n in names]
    return [out[i] for i in range(len(items))]


def with_context(
    features: Sequence[dict], lexicon: Sequence[Sequence[float]], groups: Sequence[str], labels: Sequence[str], texts: Optional[Sequence[str]] = None
) -> list[dict]:
    """Every paragraph's features plus its document's context features (linear.context_features).

    A document is a group (the gold file's `doc`); its context is computed from
    the lexicon scores of its own paragraphs, as the tagger does at run time.
    With `texts`, the document's kind features too (linear.kind_features, from its paragraphs' text).
    """
    by: dict[str, list[int]] = {}
    for i, g in enumerate(groups):
        by.setdefault(g, []).append(i)
    shares = {g: context_shares([lexicon[i] for i in idxs], len(labels)) for g, idxs in by.items()}
    if texts is None:
        return [{**f, **context_features(labels, shares[g])} for f, g in zip(features, groups)]
    kinds = {g: kind_features(kind_shares([texts[i] for i in idxs])) for g, idxs in by.items()}
    return [{**f, **context_features(labels, shares[g]), **kinds[g]} for f, g in zip(features, groups)]


def with_rules(features: Sequence[dict], texts: Sequence[str]) -> list[dict]:
    """Every paragraph's features plus the labelling guide's rules that fire on its text (lspkit.nlp.rules)."""
    from .linear import feature_docs
    from .rules import rule_features

    return [{**f, **rule_features(t, d)} for f, t, d in zip(features, texts, feature_docs(texts))]


def model_features(items: Sequence[GoldItem], words: Sequence[dict], lexicon, groups: Sequence[str], labels: Sequence[str], kinds: bool = False) -> list[dict]:
    """What the model reads of each paragraph: its words, its document's context and the guide's rules.

    One function for cross-validation, the lockbox and `lspkit train`, so all three measure the same procedure.
    `kinds`: the document's kind features too (linear.kind_features)."""
    texts = [it.text for it in items]
    return with_rules(with_context(words, lexicon, groups, labels, texts if kinds else None), texts)


def context_meta() -> dict:
    return {"context": {"cut": CONTEXT_CUT, "bins": list(CONTEXT_BINS)}}


def choose_keywords(features: Sequence[dict], gold: Sequence[bool], groups: Sequence[str], n: int = KEYWORDS_PER_THEME) -> list[str]:
    """The n single-word stems most over-represented in the positive paragraphs (smoothed log-odds).

    A keyword must occur in positive paragraphs of at least 3 documents, so one paper's names do not count.
    """
    pos: dict[str, int] = {}
    neg: dict[str, int] = {}
    docs: dict[str, set] = {}
    for fs, g, d in zip(features, gold, groups):
        for f in fs:
            if " " in f:
                continue
            (pos if g else neg)[f] = (pos if g else neg).get(f, 0) + 1
            if g:
                docs.setdefault(f, set()).add(d)
    npos = max(1, sum(1 for g in gold if g))
    nneg = max(1, len(gold) - npos)

    def logodds(f: str) -> float:
        a, b = pos.get(f, 0) + 0.5, neg.get(f, 0) + 0.5
        return math.log(a / (npos - a + 1)) - math.log(b / (nneg - b + 1))

    ranked = sorted((f for f, c in pos.items() if c >= 3 and len(docs[f]) >= 3), key=lambda f: (-logodds(f), f))
    return ranked[:n]


def fit_blend(
    features: Sequence[dict],
    gold: Sequence[Sequence[bool]],
    lexicon: Sequence[Sequence[float]],
    groups: Sequence[str],
    labels: Sequence[str],
    *,
    alphas: Sequence[float] = ALPHAS,
    inner: int = INNER_FOLDS,
    seed: int = 0,
    settings: TrainSettings = TrainSettings(),
    inner_groups: Optional[Sequence[str]] = None,
) -> LinearModel:
    """Train the model on these paragraphs; choose alpha and per-theme thresholds on inner out-of-fold scores.

    The inner folds are by document too, by publisher when `inner_groups` names enough of them.
    `alphas=(0.0,)` gives the model alone.
    """
    return fit_blends(features, gold, lexicon, groups, labels, grids=(tuple(alphas),), inner=inner, seed=seed, settings=settings, inner_groups=inner_groups)[0]


def fit_blends(features, gold, lexicon, groups, labels, *, grids, inner=INNER_FOLDS, seed=0, settings=TrainSettings(), inner_groups=None, bag=False) -> list[LinearModel]:
    """fit_blend for several alpha grids at the price of one: the same inner fits and final weights.

    `inner_groups`: what the inner folds keep whole (inner_fold_groups: publishers), when there are at
    least `inner` of them; else the documents (`groups`)."""
    n = len(features)
    oof = [[0.0] * len(labels) for _ in range(n)]
    by = groups if inner_groups is None or len(set(inner_groups)) < inner else inner_groups
    pseudo = [GoldItem(str(i), by[i], "", frozenset()) for i in range(n)]
    k = min(inner, len(set(by)))
    inner_models = []
    if k >= 2:
        for fold in document_folds(pseudo, k, seed):
            held = set(fold)
            train = [i for i in range(n) if i not in held]
            m = train_linear([features[i] for i in train], [gold[i] for i in train], labels, settings, [by[i] for i in train])
            inner_models.append(m)
            for i in fold:
                oof[i] = m.probabilities(features[i])
    final = train_linear(features, gold, labels, settings, by)
    if bag and inner_models:  # experiment: the weights averaged over the inner models and the final one
        ms = [*inner_models, final]
        keys = set().union(*(m.weights for m in ms))
        zero = (0.0,) * len(labels)
        final.weights = {f: tuple(sum(c) / len(ms) for c in zip(*(m.weights.get(f, zero) for m in ms))) for f in keys}
        final.bias = [sum(c) / len(ms) for c in zip(*(m.bias for m in ms))]
    out = []
    for alphas in grids:
        best = None
        for a in alphas:
            combined = [[a * lexicon[i][j] + (1 - a) * oof[i][j] for j in range(len(labels))] for i in range(n)]
            cuts = [best_threshold([gold[i][j] for i in range(n)], [combined[i][j] for i in range(n)]) for j in range(len(labels))]
            macro = sum(f for _t, f in cuts) / len(labels)
            if best is None or macro > best[0] + 1e-9:
                best = (macro, a, [t for t, _f in cuts], combined)
        meta = {"inner_folds": k, "inner_macro_f1": round(best[0], 4), "alphas": list(alphas), "paragraphs": n, "documents": len(set(groups))}
        if by is not groups:
            meta["inner_folds_by"] = "publisher"
            meta["publishers"] = len(set(by))
        if any(f.startswith("@doc:") for f in final.weights):
            meta.update(context_meta())
            if any(f.startswith(KIND_PREFIX) for f in final.weights):
                meta["context"]["kinds"] = {"cues": list(KINDS), "bins": list(KIND_BINS), "min": KIND_MIN}
        if final.uses_rules:
            meta["rules"] = dict(final.meta["rules"])
        model = LinearModel(final.labels, final.bias, final.weights, best[2], best[1], "", meta)
        model.oof = best[3]  # the out-of-fold blended scores the thresholds were chosen on (not saved)
        out.append(model)
    return out


def inner_fold_groups(items: Sequence[GoldItem]) -> list[str]:
    """What the inner folds (alpha and thresholds) keep whole: the publisher, else the document.

    The tagger meets papers of publishers it has never seen; thresholds chosen on out-of-fold
    scores of publishers left out are chosen for that (fit_blends falls back to documents when
    fewer publishers than inner folds are named, as in one council's own labels)."""
    return [it.publisher or it.group or it.key for it in items]


# ---------------------------------------------------------------- bootstrap


@dataclass(frozen=True)
class Interval:
    low: float
    high: float

    def to_dict(self) -> list[float]:
        return [round(self.low, 4), round(self.high, 4)]


def bootstrap(
    items: Sequence[GoldItem], names: Sequence[str], predicted: Sequence[frozenset[str]], *, rounds: int = BOOTSTRAP, seed: int = 0
) -> dict[str, dict[str, Interval]]:
    """95% percentile intervals for precision, recall, F1 per theme and macro-F1, resampling documents."""
    import numpy as np

    docs = sorted({it.group or it.key for it in items})
    index = {d: i for i, d in enumerate(docs)}
    counts = np.zeros((len(docs), len(names), 3))  # tp, fp, fn
    for it, pred in zip(items, predicted):
        d = index[it.group or it.key]
        for j, n in enumerate(names):
            g, p = n in it.themes, n in pred
            if g and p:
                counts[d, j, 0] += 1
            elif p:
                counts[d, j, 1] += 1
            elif g:
                counts[d, j, 2] += 1
    rng = np.random.default_rng(seed)
    draws = rng.integers(0, len(docs), size=(rounds, len(docs)))
    total = counts[draws].sum(axis=1)  # rounds x themes x 3
    tp, fp, fn = total[..., 0], total[..., 1], total[..., 2]
    with np.errstate(invalid="ignore", divide="ignore"):
        precision = np.where(tp + fp > 0, tp / (tp + fp), np.where(fn > 0, 0.0, 1.0))
        recall = np.where(tp + fn > 0, tp / (tp + fn), 1.0)
        f1 = np.where(precision + recall > 0, 2 * precision * recall / (precision + recall), 0.0)

    def iv(a) -> Interval:
        lo, hi = np.percentile(a, [2.5, 97.5])
        return Interval(float(lo), float(hi))

    out = {n: {"precision": iv(precision[:, j]), "recall": iv(recall[:, j]), "f1": iv(f1[:, j])} for j, n in enumerate(names)}
    out["macro"] = {"f1": iv(f1.mean(axis=1)), "precision": iv(precision.mean(axis=1)), "recall": iv(recall.mean(axis=1))}
    return out


# ---------------------------------------------------------------- agreement


@dataclass(frozen=True)
class Agreement:
    report: EvalReport  # annotator B scored against annotator A (F1 is symmetric)
    kappa: dict[str, float]
    intervals: dict[str, dict[str, Interval]]
    sources: tuple[str, str]

    def to_dict(self) -> dict[str, Any]:
        d = self.report.to_dict()
        d.pop("errors", None)
        d.pop("confusions", None)
        for t in d["themes"]:
            t["kappa"] = round(self.kappa[t["theme"]], 4)
            t["f1_ci"] = self.intervals[t["theme"]]["f1"].to_dict()
        d["macro"]["f1_ci"] = self.intervals["macro"]["f1"].to_dict()
        d["sources"] = list(self.sources)
        return d


def _labels_by_id(path: str, names: set[str]) -> dict[str, frozenset[str]]:
    p = Path(path)
    if not p.is_file():
        raise InputMissingError("no such annotator file", path)
    out = {}
    for lineno, line in enumerate(p.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            rec = json.loads(line)
            key, themes = str(rec["id"]), rec["themes"]
        except (json.JSONDecodeError, KeyError, TypeError):
            raise InputInvalidError(f"line {lineno}: expected {{\"id\": ..., \"themes\": [...]}}", path) from None
        unknown = [t for t in themes if t not in names]
        if unknown:
            raise InputInvalidError(f"line {lineno}: unknown theme {unknown[0]!r}", path)
        out[key] = frozenset(themes)
    return out


def cohen_kappa(a: Sequence[bool], b: Sequence[bool]) -> float:
    n = len(a)
    if not n:
        return 0.0
    po = sum(1 for x, y in zip(a, b) if x == y) / n
    pa, pb = sum(a) / n, sum(b) / n
    pe = pa * pb + (1 - pa) * (1 - pb)
    return (po - pe) / (1 - pe) if pe < 1 else 1.0


def agreement(items: Sequence[GoldItem], names: Sequence[str], file_a: str, file_b: str, *, seed: int = 0) -> Agreement:
    """Annotator B against annotator A on the gold paragraphs (matched by id)."""
    a = _labels_by_id(file_a, set(names))
    b = _labels_by_id(file_b, set(names))
    missing = [it.key for it in items if it.key not in a or it.key not in b]
    if missing:
        raise InputInvalidError(f"{len(missing)} gold paragraphs have no label from both annotators (first: {missing[0]})", file_a)
    ref = [GoldItem(it.key, it.group, it.text, a[it.key], it.heading, it.publisher) for it in items]
    pred = [b[it.key] for it in items]
    report = score("annotator B against annotator A", names, ref, pred)
    kappa = {n: cohen_kappa([n in r.themes for r in ref], [n in p for p in pred]) for n in names}
    return Agreement(report, kappa, bootstrap(ref, names, pred, seed=seed), (file_a, file_b))


# ---------------------------------------------------------------- the run


@dataclass(frozen=True)
class SystemResult:
    name: str
    description: str
    report: EvalReport
    intervals: dict[str, dict[str, Interval]]
    predicted: tuple[frozenset[str], ...] = field(repr=False, default=())
    folds: tuple[dict[str, Any], ...] = ()  # per fold: thresholds, alpha, keywords

    def to_dict(self) -> dict[str, Any]:
        d = self.report.to_dict()
        d["name"] = self.name
        d["description"] = self.description
        for t in d["themes"]:
            for m in ("precision", "recall", "f1"):
                t[f"{m}_ci"] = self.intervals[t["theme"]][m].to_dict()
        for m in ("precision", "recall", "f1"):
            d["macro"][f"{m}_ci"] = self.intervals["macro"][m].to_dict()
        d["folds"] = list(self.folds)
        return d


@dataclass(frozen=True)
class PublisherRow:
    publisher: str
    documents: int
    paragraphs: int
    tags: int  # gold theme tags
    micro_f1: dict[str, float]  # system name -> micro-F1 on this publisher's paragraphs

    def to_dict(self) -> dict[str, Any]:
        return {
            "publisher": self.publisher,
            "documents": self.documents,
            "paragraphs": self.paragraphs,
            "gold_tags": self.tags,
            "micro_f1": {k: round(v, 4) for k, v in self.micro_f1.items()},
        }


@dataclass(frozen=True)
class CrossValidation:
    gold: str
    k: int
    seed: int
    paragraphs: int
    documents: int
    publishers: int
    themes: tuple[str, ...]
    systems: tuple[SystemResult, ...]
    fold_documents: tuple[tuple[str, ...], ...]
    agreement: Optional[Agreement] = None
    by_publisher: tuple[PublisherRow, ...] = ()

    def system(self, name: str) -> SystemResult:
        return next(s for s in self.systems if s.name == name)

    def to_dict(self) -> dict[str, Any]:
        return {
            "gold": self.gold,
            "cross_validation": {"k": self.k, "seed": self.seed, "by": "document", "bootstrap": BOOTSTRAP},
            "paragraphs": self.paragraphs,
            "documents": self.documents,
            "publishers": self.publishers,
            "folds": [list(f) for f in self.fold_documents],
            "systems": [s.to_dict() for s in self.systems],
            "agreement": self.agreement.to_dict() if self.agreement else None,
            "by_publisher": [r.to_dict() for r in self.by_publisher],
        }


def _sets(names: Sequence[str], scores: Sequence[Sequence[float]], thresholds: Sequence[float]) -> list[frozenset[str]]:
    return [frozenset(n for j, n in enumerate(names) if s[j] >= thresholds[j] and s[j] > 0) for s in scores]


def cross_validate(
    items: Sequence[GoldItem],
    taxonomy: Taxonomy,
    k: int = 5,
    *,
    seed: int = 0,
    agreement_files: Optional[tuple[str, str]] = None,
    by_publisher: bool = False,
    gold: str = "",
    settings: TrainSettings = TrainSettings(),
    progress=None,
) -> CrossValidation:
    names = taxonomy.names
    folds = document_folds(items, k, seed)
    n = len(items)
    groups = [it.group or it.key for it in items]
    gold_sets = [[t in it.themes for t in names] for it in items]
    lex = lexicon_scores(items, taxonomy)
    words = text_features(it.text for it in items)
    feats = model_features(items, words, lex, groups, names)
    preds: dict[str, list[frozenset[str]]] = {s: [frozenset()] * n for s in ("keywords", "lexicon", "model", "blend")}
    details: dict[str, list[dict]] = {s: [] for s in preds}
    for f, fold in enumerate(folds):
        if progress:
            progress(f"fold {f + 1}/{k}: {len(fold)} test paragraphs")
        held = set(fold)
        train = [i for i in range(n) if i not in held]
        _fit_and_predict(f, train, fold, names, words, feats, lex, gold_sets, groups, preds, details, seed, settings, inner_fold_groups(items))
    hold_procedure(items, preds)
    descriptions = {
        "keywords": f"baseline: {KEYWORDS_PER_THEME} keywords per theme by log-odds on the training paragraphs",
        "lexicon": f"weighted lexicon ({taxonomy.name}), thresholds per theme from the training paragraphs",
        "model": "linear model on stemmed words and pairs, the labelling guide's rules and the document's context, trained on the training documents",
        "blend": "lexicon + model, alpha and thresholds from inner cross-validation by publisher (the shipped tagger)",
    }
    systems = []
    for name in ("blend", "model", "lexicon", "keywords"):
        rep = score(f"{name}, {k}-fold by document", names, items, preds[name])
        systems.append(SystemResult(name, descriptions[name], rep, bootstrap(items, names, preds[name], seed=seed), tuple(preds[name]), tuple(details[name])))
    agree = agreement(items, names, *agreement_files, seed=seed) if agreement_files else None
    rows: tuple[PublisherRow, ...] = ()
    if by_publisher:
        rows = publisher_rows(items, names, {s.name: s.predicted for s in systems})
    fold_docs = tuple(tuple(sorted({groups[i] for i in fold})) for fold in folds)
    return CrossValidation(
        gold, k, seed, n, len(set(groups)), len({it.publisher for it in items if it.publisher}), tuple(names), tuple(systems),
        fold_docs, agree, rows,
    )


def hold_procedure(items: Sequence[GoldItem], preds: dict[str, list[frozenset[str]]]) -> None:
    """As the tagger does: meeting procedure (lspkit.nlp.procedure) gets no theme from the lexicon, the model or the blend
    (the keyword baseline is left as it is)."""
    from .procedure import held_back

    for i, it in enumerate(items):
        if any(preds[s][i] for s in ("lexicon", "model", "blend")) and held_back(it.text) is not None:
            for s in ("lexicon", "model", "blend"):
                preds[s][i] = frozenset()


def _fit_and_predict(f, train, fold, names, words, feats, lex, gold_sets, groups, preds, details, seed, settings, inner_groups=None) -> None:
    """Every system learns from the `train` paragraphs only and predicts the `fold` paragraphs (into preds[system])."""
    # keyword baseline
    kw, mins = [], []
    for j in range(len(names)):
        chosen = choose_keywords([words[i] for i in train], [gold_sets[i][j] for i in train], [groups[i] for i in train])
        counts = [sum(1 for w in chosen if w in words[i]) for i in train]
        t, _f1 = max(((m, best_f1_at([gold_sets[i][j] for i in train], counts, m)) for m in (1, 2, 3)), key=lambda x: (x[1], -x[0]))
        kw.append(chosen)
        mins.append(t)
    for i in fold:
        preds["keywords"][i] = frozenset(names[j] for j in range(len(names)) if sum(1 for w in kw[j] if w in words[i]) >= mins[j])
    details["keywords"].append({"fold": f, "keywords": {names[j]: kw[j] for j in range(len(names))}, "min_matches": dict(zip(names, mins))})
    # lexicon with thresholds from the training paragraphs
    cuts = [best_threshold([gold_sets[i][j] for i in train], [lex[i][j] for i in train])[0] for j in range(len(names))]
    for i, s in zip(fold, _sets(names, [lex[i] for i in fold], cuts)):
        preds["lexicon"][i] = s
    details["lexicon"].append({"fold": f, "thresholds": dict(zip(names, (round(c, 4) for c in cuts)))})
    # the model alone, and the blend
    fitted = fit_blends(
        [feats[i] for i in train], [gold_sets[i] for i in train], [lex[i] for i in train], [groups[i] for i in train],
        names, grids=((0.0,), ALPHAS), seed=seed, settings=settings,
        inner_groups=[inner_groups[i] for i in train] if inner_groups is not None else None,
    )
    for system, m in zip(("model", "blend"), fitted):
        combined = [m.blended(lex[i], m.probabilities(feats[i])) for i in fold]
        for i, s in zip(fold, _sets(names, combined, m.thresholds)):
            preds[system][i] = s
        details[system].append({"fold": f, "alpha": m.alpha, "thresholds": dict(zip(names, (round(t, 4) for t in m.thresholds)))})


def best_f1_at(gold: Sequence[bool], counts: Sequence[int], m: int) -> float:
    tp = sum(1 for g, c in zip(gold, counts) if g and c >= m)
    fp = sum(1 for g, c in zip(gold, counts) if not g and c >= m)
    fn = sum(1 for g, c in zip(gold, counts) if g and c < m)
    return 2 * tp / (2 * tp + fp + fn) if tp else 0.0


def publisher_rows(items: Sequence[GoldItem], names: Sequence[str], predicted: dict[str, Sequence[frozenset[str]]]) -> tuple[PublisherRow, ...]:
    by: dict[str, list[int]] = {}
    for i, it in enumerate(items):
        by.setdefault(it.publisher or "(unknown)", []).append(i)
    rows = []
    for pub, idxs in by.items():
        sub = [items[i] for i in idxs]
        f1s = {s: score(s, names, sub, [p[i] for i in idxs]).micro.f1 for s, p in predicted.items()}
        rows.append(PublisherRow(pub, len({items[i].group for i in idxs}), len(idxs), sum(len(items[i].themes) for i in idxs), f1s))
    rows.sort(key=lambda r: (-r.paragraphs, r.publisher))
    return tuple(rows)
