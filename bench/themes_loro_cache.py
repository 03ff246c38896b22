"""Leave one blind round out, in process, keeping the scores: for bench/themes_loro_posthoc.py.

    PYTHONPATH=$PWD python3 bench/themes_loro_cache.py TAG [l2=1e-3 class_weight=1.0 min_groups=3 pairs=0 ctx=0 skip=real ...]

For each round of bench/themes_loro.py (same training sets, near copies dropped) the model of
crossval.fit_blends is fitted as `lspkit train` fits it (features of crossval.model_features, inner folds by
publisher), and kept: the inner out-of-fold probabilities of the training paragraphs, the held-out round's
probabilities from the final model and from each inner model, the lexicon's scores, the gold and the
procedure check, written to /tmp/themes_loro_TAG.pkl.  Ways of choosing alpha and thresholds from the
training rounds can then be compared in seconds (themes_loro_posthoc.py); the default's pooled figure
here is 0.392 against themes_loro.py's 0.399 (the in-process features, not the tagger's).  `skip=SET`
leaves a labelled set out of every training part (skip=real: the first, LSP corpus).
"""
import sys, pickle, time, os
from pathlib import Path
sys.path.insert(0, str(Path(__file__).resolve().parent))
import numpy as np
from themes_loro import load_sets, near_copies, TRAIN_ONLY, ROUNDS
from lspkit.nlp import crossval as cv
from lspkit.nlp.linear import TrainSettings, text_features, train_linear
from lspkit.nlp.taxonomy import load_taxonomy
from lspkit.nlp.evaluate import GoldItem
from lspkit.nlp.procedure import held_back

SKIP = set()

def build(tag, settings, featkind="full", ctx=True):
    out = f"/tmp/themes_loro_{tag}.pkl"
    if os.path.exists(out):
        return pickle.load(open(out, "rb"))
    tax = load_taxonomy(None); names = tax.names
    items, where = load_sets(tax, TRAIN_ONLY + ROUNDS)
    n = len(items)
    groups = [it.group or it.key for it in items]
    pubs = cv.inner_fold_groups(items)
    lex = cv.lexicon_scores(items, tax)
    words = text_features(it.text for it in items)
    feats = cv.model_features(items, words, lex, groups, names) if ctx else cv.with_rules(words, [it.text for it in items])
    if featkind == "nowords_ctx":
        pass
    gold = np.array([[t in it.themes for t in names] for it in items])
    proc = np.array([held_back(it.text) is not None for it in items])
    res = {"names": names, "where": where, "pubs": pubs, "groups": groups, "gold": gold, "lex": np.array(lex), "proc": proc, "rounds": {}}
    for r in ROUNDS:
        t = time.time()
        test = [i for i in range(n) if where[i] == r]
        rest = [i for i in range(n) if where[i] != r]
        drop = near_copies(rest, test, items)
        train = [i for i in rest if i not in drop and where[i] not in SKIP]
        by = [pubs[i] for i in train]
        pseudo = [GoldItem(str(k), by[k], "", frozenset()) for k in range(len(train))]
        oof = np.zeros((len(train), len(names)))
        inner_test = []
        for fold in cv.document_folds(pseudo, 4, 0):
            held = set(fold)
            tr = [train[k] for k in range(len(train)) if k not in held]
            m = train_linear([feats[i] for i in tr], [gold[i].tolist() for i in tr], names, settings, [pubs[i] for i in tr])
            for k in fold:
                oof[k] = m.probabilities(feats[train[k]])
            inner_test.append(np.array([m.probabilities(feats[i]) for i in test]))
        m = train_linear([feats[i] for i in train], [gold[i].tolist() for i in train], names, settings, by)
        tp = np.array([m.probabilities(feats[i]) for i in test])
        res["rounds"][r] = {"train": np.array(train), "test": np.array(test), "oof": oof, "testp": tp, "inner_test": inner_test}
        print(tag, r, f"{time.time()-t:.0f}s", flush=True)
    pickle.dump(res, open(out, "wb"))
    return res

if __name__ == "__main__":
    tag = sys.argv[1]
    kw = {}
    ctx = True
    for part in sys.argv[2:]:
        k, v = part.split("=")
        if k == "ctx":
            ctx = bool(int(v)); continue
        if k == "skip":
            SKIP.add(v); continue
        kw[k] = bool(int(v)) if k == "pairs" else int(v) if k in ("iterations", "min_count", "min_groups") else float(v)
    build(tag, TrainSettings(**kw), ctx=ctx)
