"""Experiment (bench/tagger_loro.py variant `gate`; not adopted, see docs/reference.md): a learnt 'no theme' gate: one logistic model of whether a paragraph carries any theme at all.

Most paragraphs of a new publisher's papers (agenda business, statutory clauses, clinical
policy) carry no theme; the per-theme scores each see few positives, the gate sees every
themed paragraph of every theme.  It is learnt from the labels only (the same features as the
theme model), and its cut is chosen on out-of-fold scores of folds that keep publishers whole,
together with the blend's own out-of-fold scores (crossval.fit_blends' `oof`), to maximise
macro-F1 there: cut 0 (no gate) when gating does not help on the training labels.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Sequence

from lspkit.nlp.linear import LinearModel, TrainSettings, train_linear


@dataclass
class Gate:
    model: LinearModel
    cut: float

    def probability(self, features: dict) -> float:
        return self.model.probabilities(features)[0]

    def keeps(self, features: dict) -> bool:
        return self.cut <= 0 or self.probability(features) >= self.cut


def fit_gate(
    features: Sequence[dict],
    gold: Sequence[Sequence[bool]],
    groups: Sequence[str],
    oof_blend: Sequence[Sequence[float]],
    thresholds: Sequence[float],
    *,
    inner: int = 4,
    seed: int = 0,
    settings: TrainSettings = TrainSettings(),
) -> Gate:
    from lspkit.nlp.crossval import GoldItem, document_folds

    n = len(features)
    any_theme = [[any(g)] for g in gold]
    pseudo = [GoldItem(str(i), groups[i], "", frozenset()) for i in range(n)]
    oof = [0.0] * n
    k = min(inner, len(set(groups)))
    for fold in document_folds(pseudo, k, seed):
        held = set(fold)
        train = [i for i in range(n) if i not in held]
        m = train_linear([features[i] for i in train], [any_theme[i] for i in train], ["any"], settings)
        for i in fold:
            oof[i] = m.probabilities(features[i])[0]
    final = train_linear(features, any_theme, ["any"], settings)
    n_labels = len(thresholds)
    fires = [[oof_blend[i][j] >= thresholds[j] and oof_blend[i][j] > 0 for j in range(n_labels)] for i in range(n)]

    def macro(cut: float) -> float:
        total = 0.0
        for j in range(n_labels):
            tp = fp = fn = 0
            for i in range(n):
                p = fires[i][j] and oof[i] >= cut
                g = gold[i][j]
                tp += p and g
                fp += p and not g
                fn += g and not p
            total += 2 * tp / (2 * tp + fp + fn) if tp else 0.0
        return total / n_labels

    candidates = sorted({round(x, 3) for x in oof})
    step = max(1, len(candidates) // 60)
    best = (macro(0.0), 0.0)
    for c in candidates[::step]:
        f = macro(c)
        if f > best[0] + 1e-9:
            best = (f, c)
    return Gate(final, best[1])
