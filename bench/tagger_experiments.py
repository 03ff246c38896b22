"""Compare kinds of theme model by cross-validation by document (the same folds as `lspkit eval --cross-validate 5`).

    PYTHONPATH=$PWD python3 bench/tagger_experiments.py [--variants base,rules,...] [--curve]

Every variant learns from the training documents only (weights, alpha and
thresholds from inner folds by document: crossval.fit_blends); only the
features change.  Prints macro-F1 and per-theme F1 per variant, and with
--curve macro-F1 against the number of training documents.
"""
from __future__ import annotations

import argparse
import random
import sys
import time

from lspkit.nlp import crossval as cv
from lspkit.nlp.evaluate import score
from lspkit.nlp.linear import TrainSettings, text_features
from lspkit.nlp.taxonomy import load_taxonomy
from lspkit.pipeline import load_gold

GOLD = "data/labels/union/gold.jsonl"


def add(feats, extra):
    return [{**f, **e} for f, e in zip(feats, extra)]


def run(items, names, feats, lex, folds, groups, gold_sets, *, alphas=cv.ALPHAS, settings=TrainSettings(), gate=None, train_docs=None, seed=0, inner_groups=None, bag=False):
    n = len(items)
    pred = [frozenset()] * n
    for fold in folds:
        held = set(fold)
        train = [i for i in range(n) if i not in held]
        if train_docs is not None:
            docs = sorted({groups[i] for i in train})
            random.Random(seed).shuffle(docs)
            keep = set(docs[:train_docs])
            train = [i for i in train if groups[i] in keep]
        inner = inner_groups or cv.inner_fold_groups(items)
        m = cv.fit_blends([feats[i] for i in train], [gold_sets[i] for i in train], [lex[i] for i in train], [inner[i] for i in train], names,
                          grids=(tuple(alphas),), seed=seed, settings=settings, bag=bag)[0]
        for i in fold:
            ps = m.probabilities(feats[i])
            s = m.blended(lex[i], ps)
            tags = frozenset(nm for j, nm in enumerate(names) if s[j] >= m.thresholds[j] and s[j] > 0)
            if gate:
                tags = gate(i, tags)
            pred[i] = tags
    return pred


def report(label, items, names, pred):
    rep = score(label, names, items, pred)
    ci = cv.bootstrap(items, names, pred, seed=0)
    per = " ".join(f"{t.theme[:4]} {t.precision:.2f}/{t.recall:.2f}/{t.f1:.2f}" for t in rep.themes)
    lo, hi = ci["macro"]["f1"].low, ci["macro"]["f1"].high
    print(f"{label:28s} macro {rep.macro_f1:.3f} [{lo:.2f}-{hi:.2f}]  {per}", flush=True)
    return rep


def paired(items, names, a, b, rounds=1000, seed=0):
    """95% bootstrap interval (documents resampled) of macro-F1(b) - macro-F1(a) on the same draws."""
    import numpy as np

    docs = sorted({it.group or it.key for it in items})
    index = {d: i for i, d in enumerate(docs)}
    counts = np.zeros((2, len(docs), len(names), 3))
    for s, pred in enumerate((a, b)):
        for it, p in zip(items, pred):
            d = index[it.group or it.key]
            for j, n in enumerate(names):
                g, q = n in it.themes, n in p
                counts[s, d, j, 0 if g and q else 1 if q else 2 if g else 0] += (g or q)
    draws = np.random.default_rng(seed).integers(0, len(docs), size=(rounds, len(docs)))
    out = []
    for s in range(2):
        t = counts[s][draws].sum(axis=1)
        tp, fp, fn = t[..., 0], t[..., 1], t[..., 2]
        out.append(np.where(2 * tp + fp + fn > 0, 2 * tp / np.maximum(2 * tp + fp + fn, 1), 0.0).mean(axis=1))
    diff = out[1] - out[0]
    lo, hi = np.percentile(diff, [2.5, 97.5])
    return float(diff.mean()), float(lo), float(hi), float((diff > 0).mean())


def main(argv=None):
    ap = argparse.ArgumentParser()
    ap.add_argument("--gold", default=GOLD)
    ap.add_argument("--variants", default="base,rules",
                    help="comma-separated; a variant is a name below, or settings joined by '+': "
                         "l2:X it:N mc:N rv:X cw:X (TrainSettings), alphas:A/B/C, noctx (no document context), "
                         "gate-proc, e.g. rules+l2:1e-3+cw:0.5")
    ap.add_argument("--curve", action="store_true")
    ap.add_argument("--folds-by", choices=("document", "publisher"), default="document",
                    help="publisher: the outer folds keep publishers whole (papers of publishers never seen, as the unseen rounds)")
    args = ap.parse_args(argv)
    tax = load_taxonomy(None)
    names = tax.names
    items = load_gold(args.gold, tax)
    groups = [it.group or it.key for it in items]
    gold_sets = [[t in it.themes for t in names] for it in items]
    if args.folds_by == "publisher":
        from lspkit.nlp.evaluate import GoldItem

        folds = cv.document_folds([GoldItem(it.key, it.publisher or it.group, "", frozenset()) for it in items], 5, 0)
    else:
        folds = cv.document_folds(items, 5, 0)
    t0 = time.time()
    lex = cv.lexicon_scores(items, tax)
    words = text_features(it.text for it in items)
    base = cv.with_context(words, lex, groups, names)
    from lspkit.nlp.rules import rule_features

    from lspkit.nlp.linear import feature_docs

    rules = [rule_features(it.text, d) for it, d in zip(items, feature_docs([it.text for it in items]))]
    print(f"features in {time.time() - t0:.1f}s", file=sys.stderr)

    prefix = {"role": "role:", "governance": "gov:", "accountability": "acc:", "capacity": "cap:"}

    def needs_rule(themes):
        def gate(i, tags):
            fired = [f[len("@rule:"):] for f in rules[i]]
            return frozenset(t for t in tags if t not in themes or any(r.startswith(prefix[t]) for r in fired))
        return gate

    def procedural(i, tags):
        fired = [f[len("@rule:"):] for f in rules[i]]
        if "none:procedural" in fired and not any(r.split(":")[0] in ("role", "gov", "acc", "cap") for r in fired):
            return frozenset()
        return tags

    R = add(base, rules)

    def trigrams():
        out = []
        for d in feature_docs([it.text for it in items]):
            ws = [t.norm_ for t in d if t.is_alpha and len(t) > 1]
            out.append({f"{a} {b} {c}": (0, 0) for a, b, c in zip(ws, ws[1:], ws[2:])})
        return out
    by = {}
    for i, g in enumerate(groups):
        by.setdefault(g, []).append(i)
    docrule = []
    for i, g in enumerate(groups):
        share = {}
        for k in by[g]:
            for f in rules[k]:
                share[f] = share.get(f, 0) + 1 / len(by[g])
        docrule.append({f"@docrule:{f[6:]}>{b}": (0, 0) for f, v in share.items() for b in (0.1, 0.25) if v > b})
    variants = {
        "rules+trigrams": lambda: run(items, names, add(R, trigrams()), lex, folds, groups, gold_sets),
        "docrules": lambda: run(items, names, add(R, docrule), lex, folds, groups, gold_sets),
        "gate-all": lambda: run(items, names, R, lex, folds, groups, gold_sets, gate=needs_rule(set(names))),
        "gate-role": lambda: run(items, names, R, lex, folds, groups, gold_sets, gate=needs_rule({"role"})),
        "gate-gov": lambda: run(items, names, R, lex, folds, groups, gold_sets, gate=needs_rule({"governance"})),
        "gate-acc": lambda: run(items, names, R, lex, folds, groups, gold_sets, gate=needs_rule({"accountability"})),
        "gate-cap": lambda: run(items, names, R, lex, folds, groups, gold_sets, gate=needs_rule({"capacity"})),
        "gate-proc": lambda: run(items, names, R, lex, folds, groups, gold_sets, gate=procedural),
        "base": lambda: run(items, names, base, lex, folds, groups, gold_sets),
        "rules": lambda: run(items, names, add(base, rules), lex, folds, groups, gold_sets),
        "rules-only-words": lambda: run(items, names, add(words, rules), lex, folds, groups, gold_sets),
        "rules-v0.3": lambda: run(items, names, add(base, rules), lex, folds, groups, gold_sets, settings=TrainSettings(rule_value=0.3)),
        "rules-v0.6": lambda: run(items, names, add(base, rules), lex, folds, groups, gold_sets, settings=TrainSettings(rule_value=0.6)),
        "rules-v1": lambda: run(items, names, add(base, rules), lex, folds, groups, gold_sets, settings=TrainSettings(rule_value=1.0)),
        "rules-model": lambda: run(items, names, add(base, rules), lex, folds, groups, gold_sets, alphas=(0.0,)),
    }
    def generic(spec):
        kw, alphas, feats, gate, inner, bag = {}, cv.ALPHAS, add(base, rules), None, None, False
        keys = {"l2": ("l2", float), "it": ("iterations", int), "mc": ("min_count", int), "rv": ("rule_value", float), "cw": ("class_weight", float)}
        for part in spec.split("+"):
            name, _, value = part.partition(":")
            if name in keys:
                kw[keys[name][0]] = keys[name][1](value)
            elif name == "alphas":
                alphas = tuple(float(a) for a in value.split("/"))
            elif name == "noctx":
                feats = add(words, rules)
            elif name == "norules":
                feats = base
            elif name == "inner-doc":  # the inner folds (thresholds, alpha) keep documents whole (before round 9)
                inner = groups
            elif name == "bag":  # the weights averaged over the inner models and the final one
                bag = True
            elif name == "docrules":
                feats = add(feats, docrule)
            elif name == "trigrams":
                feats = add(feats, trigrams())
            elif name == "gate-proc":
                gate = procedural
            elif name not in ("rules", "base"):
                raise SystemExit(f"unknown variant part {part!r}")
        return run(items, names, feats, lex, folds, groups, gold_sets, alphas=alphas, settings=TrainSettings(**kw), gate=gate, inner_groups=inner, bag=bag)

    preds = {}
    for v in args.variants.split(","):
        t = time.time()
        preds[v] = variants[v]() if v in variants else generic(v)
        report(v, items, names, preds[v])
        print(f"  ({time.time() - t:.0f}s)", file=sys.stderr)
    first = args.variants.split(",")[0]
    for v in list(preds)[1:]:
        m, lo, hi, share = paired(items, names, preds[first], preds[v])
        print(f"{v} - {first}: macro-F1 {m:+.3f} [{lo:+.3f} to {hi:+.3f}], better in {share:.0%} of document resamples")
    if args.curve:
        for nd in (8, 16, 24, 32):
            report(f"curve {nd} docs", items, names, run(items, names, add(base, rules), lex, folds, groups, gold_sets, train_docs=nd))


if __name__ == "__main__":
    main()
