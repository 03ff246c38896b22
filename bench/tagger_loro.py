"""Leave one round out: train on every labelled round but one, score on that one (papers of publishers never seen).

    PYTHONPATH=$PWD python3 bench/tagger_loro.py [--variants base,cw:0+l2:1e-3,...] [--pubcv] [--json out.json]

The rounds are the label sets of data/labels/ with document and publisher: `real` (the first
labelled corpus), `unseen5`, `unseen6`, `unseen8`, `unseen9`, `unseen10` (each scored once when new, from publishers the
tagger had never seen; all six are now in the union the shipped model is trained on).  For each round held out, every system learns from the other rounds only:
the model's weights, the blend's alpha and the per-theme thresholds (inner folds by publisher
inside the training rounds, crossval.fit_blends), the lexicon's thresholds and the keyword
baseline's words.  The held-out round's paragraphs are never seen, not even for thresholds.
`--pubcv` adds 5-fold cross-validation grouped by publisher over all the rounds together.

A variant is settings joined by '+': l2:X it:N mc:N cw:X rv:X (TrainSettings), alphas:A/B/C,
noctx (no document context), proc (meeting procedure held back: lspkit.nlp.procedure), lexfeat (the lexicon's score per theme, binned, as features), norules (no guide rules), gate (the learnt no-theme gate,
bench/tagger_gate.py), thrpub (per-theme thresholds that maximise the mean of the training publishers' F1, not the pooled F1), minpos:X (a theme needs its blended score at least X above its threshold).
`base` is the shipped recipe's settings.
"""
from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

from lspkit.nlp import crossval as cv
from lspkit.nlp.evaluate import GoldItem, score
from lspkit.nlp.linear import TrainSettings, text_features
from lspkit.nlp.procedure import held_back
from lspkit.nlp.taxonomy import load_taxonomy
from lspkit.pipeline import load_gold

ROUNDS = ("real", "unseen5", "unseen6", "unseen8", "unseen9", "unseen10", "unseen11", "unseen11b")
LABELS = Path(__file__).resolve().parent.parent / "data" / "labels"


def load_rounds(tax):
    items, rounds = [], []
    for r in ROUNDS:
        got = load_gold(str(LABELS / r / "gold.jsonl"), tax)
        items.extend(got)
        rounds.extend([r] * len(got))
    return items, rounds


def parse(spec):
    kw, alphas, opts = {}, cv.ALPHAS, set()
    keys = {"l2": ("l2", float), "it": ("iterations", int), "mc": ("min_count", int), "rv": ("rule_value", float), "cw": ("class_weight", float), "bal": ("balance", float)}
    extra = {}
    for part in spec.split("+"):
        name, _, value = part.partition(":")
        if name in keys:
            kw[keys[name][0]] = keys[name][1](value)
        elif name == "alphas":
            alphas = tuple(float(a) for a in value.split("/"))
        elif name in ("noctx", "norules", "gate", "base", "lexfeat", "proc", "thrpub"):
            opts.add(name)
        elif name in ("minpos",):
            extra[name] = float(value)
        else:
            raise SystemExit(f"unknown variant part {part!r}")
    return TrainSettings(**kw), alphas, opts, extra


class Data:
    def __init__(self, items, tax):
        self.items, self.tax, self.names = items, tax, tax.names
        self.groups = [it.group or it.key for it in items]
        self.pubs = cv.inner_fold_groups(items)
        self.gold = [[t in it.themes for t in self.names] for it in items]
        t0 = time.time()
        self.lex = cv.lexicon_scores(items, tax)
        self.words = text_features(it.text for it in items)
        self.ctx = cv.with_context(self.words, self.lex, self.groups, self.names)
        self.full = cv.with_rules(self.ctx, [it.text for it in items])
        self.norules = self.ctx
        self.noctx = cv.with_rules(self.words, [it.text for it in items])
        # the lexicon's own score per theme as binned features: the model learns how far to trust the lexicon per theme
        self.lexfeat = [{**f, **{f"@lex:{n}>{b}": (0, 0) for n, x in zip(self.names, lx) for b in (0.2, 0.4, 0.6, 0.8) if x > b}}
                        for f, lx in zip(self.full, self.lex)]
        print(f"features for {len(items)} paragraphs in {time.time() - t0:.1f}s", file=sys.stderr)


def predict(d: Data, train, test, spec, seed=0):
    """The variant's blend trained on `train`, predicting `test` (a list of frozensets)."""
    settings, alphas, opts, extra = parse(spec)
    feats = d.noctx if "noctx" in opts else d.norules if "norules" in opts else d.lexfeat if "lexfeat" in opts else d.full
    m = cv.fit_blends([feats[i] for i in train], [d.gold[i] for i in train], [d.lex[i] for i in train], [d.groups[i] for i in train],
                      d.names, grids=(tuple(alphas),), seed=seed, settings=settings, inner_groups=[d.pubs[i] for i in train])[0]
    if "thrpub" in opts:
        m.thresholds = publisher_thresholds(m.oof, [d.gold[i] for i in train], [d.pubs[i] for i in train])
    gate = None
    if "gate" in opts:
        sys.path.insert(0, str(Path(__file__).resolve().parent))
        from tagger_gate import fit_gate

        gate = fit_gate([feats[i] for i in train], [d.gold[i] for i in train], [d.pubs[i] for i in train], m.oof, m.thresholds, seed=seed, settings=settings)
    margin = extra.get("minpos", 0.0)
    out = []
    for i in test:
        s = m.blended(d.lex[i], m.probabilities(feats[i]))
        tags = frozenset(n for j, n in enumerate(d.names) if s[j] >= m.thresholds[j] + margin and s[j] > 0)
        if gate is not None and tags and not gate.keeps(feats[i]):
            tags = frozenset()
        if "proc" in opts and tags and held_back(d.items[i].text) is not None:
            tags = frozenset()
        out.append(tags)
    return out


def publisher_thresholds(scores, gold, pubs):
    """Per theme, the cut on the inner out-of-fold blended scores that maximises the mean over training publishers of
    that publisher's F1 (a publisher without the theme scores 1 if nothing is tagged, else 0): every publisher counts
    alike, as a new round's publishers do, instead of the pooled F1 that the largest publishers decide."""
    import numpy as np

    names = sorted(set(pubs))
    index = np.array([names.index(p) for p in pubs])
    out = []
    for j in range(len(scores[0])):
        s = np.array([x[j] for x in scores])
        g = np.array([x[j] for x in gold], dtype=bool)
        pos = np.bincount(index, weights=g, minlength=len(names))
        cands = np.unique(s[s > 0])
        cuts = (cands[:-1] + cands[1:]) / 2 if len(cands) > 1 else cands
        best = (-1.0, 1.0)
        for t in cuts:
            q = s >= t
            tp = np.bincount(index, weights=q & g, minlength=len(names))
            fp = np.bincount(index, weights=q & ~g, minlength=len(names))
            f = np.where(pos > 0, 2 * tp / np.maximum(2 * tp + fp + (pos - tp), 1), (fp == 0).astype(float))
            if f.mean() > best[0] + 1e-12:
                best = (f.mean(), float(t))
        out.append(best[1])
    return out


def baselines(d: Data, train, test):
    preds = {s: [frozenset()] * len(d.items) for s in ("keywords", "lexicon", "model", "blend")}
    details = {s: [] for s in preds}
    cv._fit_and_predict(0, train, test, d.names, d.words, d.full, d.lex, d.gold, d.groups, preds, details, 0, TrainSettings(), d.pubs)
    return {s: [preds[s][i] for i in test] for s in ("keywords", "lexicon")}


def paired(items, names, a, b, rounds=1000, seed=0):
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from tagger_experiments import paired as p

    return p(items, names, a, b, rounds, seed)


def line(label, rep):
    per = " ".join(f"{t.theme[:4]} {t.precision:.2f}/{t.recall:.2f}/{t.f1:.2f}" for t in rep.themes)
    return f"{label:34s} macro {rep.macro_f1:.3f}  {per}"


def main(argv=None):
    ap = argparse.ArgumentParser()
    ap.add_argument("--variants", default="base")
    ap.add_argument("--rounds", default=",".join(ROUNDS), help="the rounds to hold out in turn")
    ap.add_argument("--pubcv", action="store_true", help="also 5-fold cross-validation grouped by publisher over all rounds")
    ap.add_argument("--no-baselines", action="store_true")
    ap.add_argument("--train-rounds", help="train only on these rounds (comma-separated; default: every round not held out)")
    ap.add_argument("--json")
    ap.add_argument("--paired", action="append", default=[], help="A,B: 95%% bootstrap interval (documents resampled) of macro-F1(B) - macro-F1(A) on the pooled held-out rounds (all; the unseen ones) and the publisher folds; repeat for more pairs")
    args = ap.parse_args(argv)
    tax = load_taxonomy(None)
    items, rounds = load_rounds(tax)
    d = Data(items, tax)
    variants = args.variants.split(",")
    results = {}
    pooled_loro: dict = {}
    n = len(items)
    for r in [x for x in args.rounds.split(",") if x]:
        test = [i for i in range(n) if rounds[i] == r]
        train = [i for i in range(n) if rounds[i] != r and (not args.train_rounds or rounds[i] in args.train_rounds.split(","))]
        assert not {d.groups[i] for i in test} & {d.groups[i] for i in train}
        shared = {d.pubs[i] for i in test} & {d.pubs[i] for i in train}
        sub = [items[i] for i in test]
        print(f"== held out {r}: {len(test)} paragraphs, {len({d.groups[i] for i in test})} documents; trained on {len(train)}"
              f" ({len(shared)} publishers of the held-out round also in training)", flush=True)
        if not args.no_baselines:
            for s, p in baselines(d, train, test).items():
                rep = score(s, d.names, sub, p)
                results.setdefault(s, {})[r] = rep.to_dict() if hasattr(rep, "to_dict") else rep.macro_f1
                pooled_loro.setdefault(s, {}).update(zip(test, p))
                print(line(s, rep), flush=True)
        for v in variants:
            t = time.time()
            p = predict(d, train, test, v)
            pooled_loro.setdefault(v, {}).update(zip(test, p))
            rep = score(v, d.names, sub, p)
            results.setdefault(v, {})[r] = rep.to_dict() if hasattr(rep, "to_dict") else rep.macro_f1
            print(line(v, rep) + f"  ({time.time() - t:.0f}s)", flush=True)
    held = sorted(next(iter(pooled_loro.values()))) if pooled_loro else []
    if held:
        print(f"== the held-out rounds pooled ({len(held)} paragraphs, each predicted by the model that never saw its round)"
              f"; mean of the rounds' macro-F1 in brackets", flush=True)
        for s, p in pooled_loro.items():
            rep = score(s, d.names, [items[i] for i in held], [p[i] for i in held])
            per_round = [results[s][r]["macro"]["f1"] for r in args.rounds.split(",") if r]
            results[s]["pooled"] = rep.to_dict()
            print(line(s, rep) + f"  [{sum(per_round) / len(per_round):.3f}]", flush=True)
        unseen = [i for i in held if rounds[i] != "real"]
        if unseen and len(unseen) < len(held):
            print(f"== the unseen rounds pooled ({len(unseen)} paragraphs: every held-out round but `real`, the first labelled corpus)", flush=True)
            for s, p in pooled_loro.items():
                rep = score(s, d.names, [items[i] for i in unseen], [p[i] for i in unseen])
                results[s]["unseen_pooled"] = rep.to_dict()
                print(line(s, rep), flush=True)
        for pair in args.paired:
            a, b = pair.split(",")
            for label, idx in (("held-out rounds pooled", held), ("unseen rounds pooled", unseen)):
                if idx:
                    diff = paired([items[i] for i in idx], d.names, [pooled_loro[a][i] for i in idx], [pooled_loro[b][i] for i in idx])
                    print(f"paired {b} - {a}, {label}: {diff[0]:+.3f} [{diff[1]:+.3f}, {diff[2]:+.3f}], better in {diff[3]:.0%} of draws", flush=True)
    if args.pubcv:
        folds = cv.document_folds([GoldItem(str(i), d.pubs[i], "", frozenset()) for i in range(n)], 5, 0)
        print(f"== 5-fold cross-validation by publisher over all rounds ({n} paragraphs, {len(set(d.pubs))} publishers)", flush=True)
        pooled = {}
        for fold in folds:
            held = set(fold)
            train = [i for i in range(n) if i not in held]
            if not args.no_baselines:
                for s, p in baselines(d, train, fold).items():
                    pooled.setdefault(s, [frozenset()] * n)
                    for i, q in zip(fold, p):
                        pooled[s][i] = q
            for v in variants:
                pooled.setdefault(v, [frozenset()] * n)
                for i, q in zip(fold, predict(d, train, fold, v)):
                    pooled[v][i] = q
        for s, p in pooled.items():
            rep = score(s, d.names, items, p)
            results.setdefault(s, {})["pubcv"] = rep.to_dict() if hasattr(rep, "to_dict") else rep.macro_f1
            print(line(s, rep), flush=True)
        for pair in args.paired:
            a, b = pair.split(",")
            diff = paired(items, d.names, pooled[a], pooled[b])
            print(f"paired {b} - {a}, folds by publisher: {diff[0]:+.3f} [{diff[1]:+.3f}, {diff[2]:+.3f}], better in {diff[3]:.0%} of draws", flush=True)
    if args.json:  # the figures and confusions; the per-paragraph errors stay out (the file is committed)
        for by_round in results.values():
            for rep in by_round.values():
                if isinstance(rep, dict):
                    rep.pop("errors", None)
        Path(args.json).write_text(json.dumps(results, indent=1) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
