"""Train the theme model on labelled paragraphs: what `lspkit train` runs.

    model = train_tagger(load_gold("labels.jsonl", taxonomy), taxonomy)
    model.save("model/")            # then: lspkit tag report.pdf --model model/

The model is lspkit.nlp.linear's logistic regression over stemmed words,
combined with the taxonomy's weighted lexicon.  How much weight the lexicon
gets (alpha) and each theme's threshold are chosen on out-of-fold scores of
a cross-validation inside the labels given that keeps publishers whole
(documents when fewer than four publishers are named; lspkit.nlp.crossval),
exactly as `lspkit eval --cross-validate` does in each training part, so
the cross-validated figure is this procedure's.  Deterministic: the same
labels and seed give the same file.
"""
from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Optional, Sequence

from .linear import LinearModel, TrainSettings, text_features
from .taxonomy import Taxonomy

# train_tagger's recipe options beyond TrainSettings, for bench/themes_loro.py's variants: name -> value text -> (keyword, value)
RECIPE: dict = {
    "ctx": lambda v: ("context", bool(int(v))),
    "kind": lambda v: ("kinds", bool(int(v))),
}


def train_tagger(
    items: Sequence,
    taxonomy: Taxonomy,
    *,
    seed: int = 0,
    settings: TrainSettings = TrainSettings(),
    gold: Optional[str] = None,
    context: bool = True,
    kinds: bool = False,
) -> LinearModel:
    from .crossval import ALPHAS, fit_blend, inner_fold_groups, lexicon_scores, model_features, with_rules

    names = taxonomy.names
    groups = [it.group or it.key for it in items]
    lexicon = lexicon_scores(items, taxonomy)
    words = text_features(it.text for it in items)
    # context=False: no document-context features (the model then reads each paragraph alone, LinearModel.uses_context)
    # kinds=True: the document's kind cues too (linear.kind_features: a record, rules, a statute, first person, money)
    feats = model_features(items, words, lexicon, groups, names, kinds=kinds) if context else with_rules(words, [it.text for it in items])
    model = fit_blend(
        feats,
        [[n in it.themes for n in names] for it in items],
        lexicon,
        groups,
        names,
        alphas=ALPHAS,
        seed=seed,
        settings=settings,
        inner_groups=inner_fold_groups(items),
    )
    model.taxonomy = taxonomy.name
    model.meta.update(
        {
            "seed": seed,
            "settings": {"l2": settings.l2, "iterations": settings.iterations, "learning_rate": settings.learning_rate, "min_count": settings.min_count, "rule_value": settings.rule_value,
                         "class_weight": settings.class_weight, "balance": settings.balance, "min_groups": settings.min_groups, "pairs": settings.pairs},
            "taxonomy_fingerprint": taxonomy.fingerprint,
        }
    )
    if gold:
        model.meta["gold"] = {"file": Path(gold).name, "sha256": hashlib.sha256(Path(gold).read_bytes()).hexdigest()}
    return model
