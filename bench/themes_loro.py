"""Leave one blind round out, through the shipped path: how the tagger does on a round of papers it never saw.

    PYTHONPATH=$PWD python3 bench/themes_loro.py [--variants default,cw:0.8,...] [--errors default] [--json out.json]

Each past round's blind set (data/labels/unseen5 ... unseen16, every one labelled by two annotators and a third
reader, from publishers the tagger had not seen) is held out in turn.  For each, a model is trained by
`lspkit.nlp.train.train_tagger` (what `lspkit train` runs: weights, the lexicon's share and the per-theme
thresholds all chosen inside the training labels) on every other labelled set (data/labels/real and the other
rounds) minus any training paragraph whose text is the same as, or a near copy of, a held-out one (model
standing orders and financial regulations are reprinted by different councils), saved, loaded by the tagger as
`lspkit tag --model DIR` loads it, and scored on the held-out round with `lspkit eval`'s scorer.  So a round's
figure is what `lspkit eval data/labels/unseenN/gold.jsonl` would have said had the shipped model been trained
without it.  Beside it, from the same run: the lexicon alone (`--model none`, which learns nothing) and the keyword
baseline (15 stems per theme by log-odds on the training paragraphs, as `lspkit eval --cross-validate`).

Pooled: every held-out paragraph, each predicted by the model that never saw its round, scored together (the
figure the default is chosen by; a round's own macro-F1 moves by 0.1-0.3 with one paragraph of a rare theme).

`--paired A,B`: the 95% interval (documents resampled, the same draws for both) of the pooled macro-F1 of B minus
A's, the figure a variant is kept by.

A variant is settings joined by '+' (`default`: the committed recipe, TrainSettings() and train_tagger's
defaults): l2:X it:N mc:N cw:X rv:X bal:X (TrainSettings), and the recipe options of train_tagger named in
RECIPE below.
"""
from __future__ import annotations

import argparse
import json
import re
import sys
import tempfile
import time
from pathlib import Path

from lspkit.nlp import crossval as cv
from lspkit.nlp.evaluate import predict_lexicon, score
from lspkit.nlp.linear import TrainSettings, text_features
from lspkit.nlp.taxonomy import load_taxonomy
from lspkit.nlp.train import RECIPE, train_tagger
from lspkit.pipeline import load_gold

LABELS = Path(__file__).resolve().parent.parent / "data" / "labels"
TRAIN_ONLY = ("real",)  # the first labelled corpus: never a blind round, always training
ROUNDS = ("unseen5", "unseen6", "unseen8", "unseen9", "unseen10", "unseen11", "unseen11b", "unseen13", "unseen14", "unseen15", "unseen16")
NEAR = 0.8  # a training paragraph is dropped when this share of its word 3-grams (or of the test one's) is shared


def load_sets(tax, sets):
    items, where = [], []
    for s in sets:
        got = load_gold(str(LABELS / s / "gold.jsonl"), tax)
        items.extend(got)
        where.extend([s] * len(got))
    return items, where


def shingles(text: str) -> frozenset:
    w = re.findall(r"[a-z0-9]+", text.lower())
    return frozenset(zip(w, w[1:], w[2:])) if len(w) >= 3 else frozenset([tuple(w)])


def near_copies(train, test, items) -> set:
    """Training indices whose text is a near copy of a held-out paragraph's (same document text reprinted)."""
    index: dict = {}
    for i in test:
        for g in shingles(items[i].text):
            index.setdefault(g, set()).add(i)
    sh = {i: shingles(items[i].text) for i in test}
    out = set()
    for i in train:
        s = shingles(items[i].text)
        seen: dict = {}
        for g in s:
            for j in index.get(g, ()):
                seen[j] = seen.get(j, 0) + 1
        if any(c >= NEAR * min(len(s), len(sh[j])) for j, c in seen.items()):
            out.add(i)
    return out


def parse(spec: str):
    keys = {"l2": ("l2", float), "it": ("iterations", int), "mc": ("min_count", int), "rv": ("rule_value", float),
            "cw": ("class_weight", float), "bal": ("balance", float), "mg": ("min_groups", int), "pairs": ("pairs", lambda v: bool(int(v)))}
    kw, recipe = {}, {}
    for part in spec.split("+"):
        name, _, value = part.partition(":")
        if name in ("default", ""):
            continue
        if name in keys:
            kw[keys[name][0]] = keys[name][1](value)
        elif name in RECIPE:
            key, val = RECIPE[name](value)
            recipe[key] = val
        else:
            raise SystemExit(f"unknown variant part {part!r} (settings: {', '.join(keys)}; recipe: {', '.join(RECIPE)})")
    return TrainSettings(**kw), recipe


def keyword_predictions(items, names, words, groups, train, test):
    """The keyword baseline of `lspkit eval --cross-validate`, learnt on `train`, predicting `test`."""
    gold = [[n in it.themes for n in names] for it in items]
    kw, mins = [], []
    for j in range(len(names)):
        chosen = cv.choose_keywords([words[i] for i in train], [gold[i][j] for i in train], [groups[i] for i in train])
        counts = [sum(1 for w in chosen if w in words[i]) for i in train]
        m, _f = max(((m, cv.best_f1_at([gold[i][j] for i in train], counts, m)) for m in (1, 2, 3)), key=lambda x: (x[1], -x[0]))
        kw.append(chosen)
        mins.append(m)
    return [frozenset(names[j] for j in range(len(names)) if sum(1 for w in kw[j] if w in words[i]) >= mins[j]) for i in test]


def line(label, rep):
    per = " ".join(f"{t.theme[:4]} {t.precision:.2f}/{t.recall:.2f}/{t.f1:.2f}" for t in rep.themes)
    return f"{label:28s} macro {rep.macro_f1:.3f}  micro {rep.micro.f1:.3f}  {per}"


def main(argv=None):
    ap = argparse.ArgumentParser()
    ap.add_argument("--variants", default="default")
    ap.add_argument("--rounds", default=",".join(ROUNDS), help="the blind rounds to hold out in turn")
    ap.add_argument("--errors", help="a variant whose pooled errors to print per theme and publisher")
    ap.add_argument("--no-baselines", action="store_true")
    ap.add_argument("--paired", action="append", default=[], help="A,B: 95%% bootstrap interval (documents resampled) of pooled macro-F1(B) - macro-F1(A); repeat for more pairs")
    ap.add_argument("--json")
    ap.add_argument("--predictions", action="store_true", help="the JSON also keeps each system's pooled predictions by paragraph id (about 1 MB)")
    args = ap.parse_args(argv)
    tax = load_taxonomy(None)
    names = tax.names
    items, where = load_sets(tax, TRAIN_ONLY + ROUNDS)
    n = len(items)
    groups = [it.group or it.key for it in items]
    words = text_features(it.text for it in items) if not args.no_baselines else None
    variants = [v for v in args.variants.split(",") if v]
    held = [r for r in args.rounds.split(",") if r]
    systems = ([] if args.no_baselines else ["keywords", "lexicon"]) + variants
    pooled = {s: {} for s in systems}
    results: dict = {s: {} for s in systems}
    tmp = Path(tempfile.mkdtemp(prefix="themes_loro."))
    for r in held:
        test = [i for i in range(n) if where[i] == r]
        rest = [i for i in range(n) if where[i] != r]
        dropped = near_copies(rest, test, items)
        train = [i for i in rest if i not in dropped]
        assert not {groups[i] for i in test} & {groups[i] for i in train}
        pubs = {items[i].publisher for i in test} & {items[i].publisher for i in train}
        sub = [items[i] for i in test]
        print(f"== held out {r}: {len(test)} paragraphs, {len({groups[i] for i in test})} documents; trained on {len(train)}"
              f" ({len(dropped)} near copies of held-out text dropped; publishers also in training: {sorted(pubs) or 'none'})", flush=True)
        runs = []
        if not args.no_baselines:
            runs.append(("keywords", lambda: keyword_predictions(items, names, words, groups, train, test)))
            runs.append(("lexicon", lambda: predict_lexicon(sub, tax, "none")))
        for v in variants:
            def run(v=v):
                settings, recipe = parse(v)
                model = train_tagger([items[i] for i in train], tax, seed=0, settings=settings, **recipe)
                d = tmp / f"{r}-{len(results[v])}-{abs(hash(v))}"
                model.save(str(d))
                return predict_lexicon(sub, tax, str(d))
            runs.append((v, run))
        for s, fn in runs:
            t = time.time()
            p = fn()
            pooled[s].update(zip(test, p))
            rep = score(s, names, sub, p)
            results[s][r] = rep
            print(line(s, rep) + f"  ({time.time() - t:.0f}s)", flush=True)
    idx = sorted(next(iter(pooled.values())))
    print(f"== the held-out rounds pooled ({len(idx)} paragraphs, each predicted by a model that never saw its round);"
          f" mean of the rounds' macro-F1 in brackets", flush=True)
    out = {}
    for s in systems:
        rep = score(s, names, [items[i] for i in idx], [pooled[s][i] for i in idx])
        mean = sum(results[s][r].macro_f1 for r in held) / len(held)
        print(line(s, rep) + f"  [{mean:.3f}]", flush=True)
        out[s] = {"pooled": strip(rep.to_dict()), "mean_of_rounds": round(mean, 4), "rounds": {r: strip(results[s][r].to_dict()) for r in held}}
        if args.predictions:
            out[s]["predicted"] = {items[i].key: sorted(pooled[s][i]) for i in idx}
    for pair in args.paired:
        a, b = pair.split(",")
        diff = paired([items[i] for i in idx], names, [pooled[a][i] for i in idx], [pooled[b][i] for i in idx])
        print(f"paired {b} - {a}, pooled: {diff[0]:+.3f} [{diff[1]:+.3f}, {diff[2]:+.3f}], better in {diff[3]:.0%} of draws", flush=True)
        out.setdefault("paired", {})[f"{b} - {a}"] = [round(x, 4) for x in diff]
    if args.errors:
        print_errors(items, names, idx, pooled[args.errors], where)
    if args.json:
        Path(args.json).write_text(json.dumps(out, indent=1) + "\n")
    return 0


def paired(items, names, a, b, rounds=1000, seed=0):
    """(mean, low, high, share of draws better) of macro-F1(b) - macro-F1(a), documents resampled (tagger_experiments.paired)."""
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from tagger_experiments import paired as p

    return p(items, names, a, b, rounds, seed)


def strip(d):
    d.pop("errors", None)
    return d


def print_errors(items, names, idx, pred, where):
    """False and missed tags per theme, by publisher (the largest first), pooled over the held-out rounds."""
    by: dict = {}
    for i in idx:
        it = items[i]
        row = by.setdefault((where[i], it.publisher), {n: [0, 0, 0] for n in names})
        for n in names:
            g, p = n in it.themes, n in pred[i]
            if g and p:
                row[n][0] += 1
            elif p:
                row[n][1] += 1
            elif g:
                row[n][2] += 1
    print("== errors by publisher (tp/fp/fn per theme), most errors first")
    rows = sorted(by.items(), key=lambda kv: -sum(v[1] + v[2] for v in kv[1].values()))
    for (r, pub), row in rows[:40]:
        errs = sum(v[1] + v[2] for v in row.values())
        if errs:
            print(f"{r:9s} {pub[:44]:44s} {errs:3d}  " + "  ".join(f"{n[:4]} {a}/{b}/{c}" for n, (a, b, c) in row.items()))


if __name__ == "__main__":
    sys.exit(main())
