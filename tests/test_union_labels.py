"""The shipped theme model is trained on the union of the labelled sets, and the training choices it was built with.

The union (data/labels/union/) is built by a committed script from data/labels/real, unseen5,
unseen6, unseen8, unseen9, unseen10, unseen11, unseen11b, unseen13, unseen14, unseen15 and unseen16 and never edited by hand; the shipped model records the SHA-256 of the file it was trained on.
"""
from __future__ import annotations

import hashlib
import json
import subprocess
import sys
from pathlib import Path

from lspkit.nlp.crossval import fit_blend, inner_fold_groups
from lspkit.nlp.evaluate import GoldItem
from lspkit.nlp.linear import TrainSettings, load_model_dir, train_linear
from lspkit.nlp.pipeline import shipped_model_dir

ROOT = Path(__file__).resolve().parent.parent
UNION = ROOT / "data" / "labels" / "union"


def test_the_union_is_the_twelve_sets_unchanged():
    """build.py --check rebuilds the union from its sources and compares: a hand edit, or a source changed, fails."""
    done = subprocess.run([sys.executable, str(UNION / "build.py"), "--check"], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    rows = [json.loads(x) for x in (UNION / "gold.jsonl").read_text(encoding="utf-8").splitlines()]
    for s in ("real", "unseen5", "unseen6", "unseen8", "unseen9", "unseen10", "unseen11", "unseen11b", "unseen13", "unseen14", "unseen15", "unseen16"):
        src = [json.loads(x) for x in (ROOT / "data" / "labels" / s / "gold.jsonl").read_text(encoding="utf-8").splitlines() if x.strip()]
        mine = [r for r in rows if r["set"] == s]
        assert [r["id"] for r in mine] == [r["id"] for r in src]
        assert [r["themes"] for r in mine] == [r["themes"] for r in src]
    assert len({r["id"] for r in rows}) == len(rows) == 4508


def test_the_shipped_model_was_trained_on_the_union():
    model = load_model_dir(str(shipped_model_dir()))
    digest = hashlib.sha256((UNION / "gold.jsonl").read_bytes()).hexdigest()
    assert model.meta["gold"]["sha256"] == digest, "retrain: lspkit train data/labels/union/gold.jsonl -o lspkit/models/themes"
    assert model.meta["paragraphs"] == 4508
    assert model.meta["inner_folds_by"] == "publisher"
    assert model.meta["settings"]["class_weight"] == TrainSettings().class_weight


def _items(publishers: int, docs_per: int = 2, per_doc: int = 6):
    items, feats, gold = [], [], []
    for p in range(publishers):
        for d in range(docs_per):
            for i in range(per_doc):
                pos = i % 3 == 0
                items.append(GoldItem(f"p{p}d{d}#{i}", f"p{p}d{d}", "", frozenset(), None, f"pub{p}" if publishers > 1 else "one council"))
                feats.append({"quorum" if pos else "weather": (0, 1), f"w{p}{d}{i}": (0, 1)})
                gold.append([pos])
    return items, feats, gold


def test_inner_folds_keep_publishers_whole_and_fall_back_to_documents():
    items, feats, gold = _items(5)
    m = fit_blend(feats, gold, [[0.0]] * len(items), [it.group for it in items], ["governance"], inner_groups=inner_fold_groups(items))
    assert m.meta["inner_folds_by"] == "publisher" and m.meta["publishers"] == 5
    # one council's own labels, one publisher: the inner folds are its documents, and thresholds are still learned
    items, feats, gold = _items(1, docs_per=6)
    m = fit_blend(feats, gold, [[0.0]] * len(items), [it.group for it in items], ["governance"], inner_groups=inner_fold_groups(items))
    assert "inner_folds_by" not in m.meta and m.meta["inner_folds"] == 4
    assert m.probabilities({"quorum": (0, 1)})[0] >= m.thresholds[0] > m.probabilities({"weather": (0, 1)})[0]


def test_class_weight_lifts_a_rare_theme():
    """With positives weighted up, a rare theme's word gets a higher probability than unweighted."""
    feats = [{"quorum": (0, 1)} if i < 5 else {"weather": (0, 1)} for i in range(100)]
    feats[5] = {"quorum": (0, 1)}
    gold = [[i < 5] for i in range(100)]
    plain = train_linear(feats, gold, ["governance"], TrainSettings(class_weight=0.0))
    weighted = train_linear(feats, gold, ["governance"], TrainSettings(class_weight=1.0))
    assert weighted.probabilities({"quorum": (0, 1)})[0] > plain.probabilities({"quorum": (0, 1)})[0]


def test_balance_weighs_each_publisher_alike():
    """With balance 1 a publisher's many paragraphs count as much as another's few: its word's pull shrinks."""
    feats = [{"quorum": (0, 1)} for _ in range(40)] + [{"levy": (0, 1)} for _ in range(4)] + [{"weather": (0, 1)} for _ in range(40)]
    gold = [[True]] * 44 + [[False]] * 40
    groups = ["big"] * 40 + ["small"] * 4 + [f"n{i}" for i in range(40)]
    plain = train_linear(feats, gold, ["governance"], TrainSettings(class_weight=0.0))
    balanced = train_linear(feats, gold, ["governance"], TrainSettings(class_weight=0.0, balance=1.0), groups)
    ratio = lambda m: m.weights["quorum"][0] / m.weights["levy"][0]
    assert ratio(balanced) < ratio(plain)


def test_min_groups_leaves_out_one_publishers_wording():
    """A word only one publisher's paragraphs use gets no weight with min_groups 2; a word two publishers use keeps it."""
    feats = [{"quorum": (0, 1), "wroxtonian": (0, 1)} for _ in range(10)] + [{"quorum": (0, 1)} for _ in range(10)] + [{"weather": (0, 1)} for _ in range(40)]
    gold = [[True]] * 20 + [[False]] * 40
    groups = ["wroxton"] * 10 + ["souldern"] * 10 + [f"n{i % 5}" for i in range(40)]
    plain = train_linear(feats, gold, ["governance"], TrainSettings(), groups)
    pruned = train_linear(feats, gold, ["governance"], TrainSettings(min_groups=2), groups)
    assert "wroxtonian" in plain.weights and "wroxtonian" not in pruned.weights
    assert "quorum" in pruned.weights and "weather" in pruned.weights


def test_pairs_off_keeps_single_stems_rules_and_context():
    feats = [{"quorum": (0, 1), "the quorum": (0, 1), "@rule:gov:quorum-membership-chair": (0, 1), "@doc:governance>0.1": (0, 0)} for _ in range(10)]
    feats += [{"weather": (0, 1), "the weather": (0, 1)} for _ in range(30)]
    gold = [[True]] * 10 + [[False]] * 30
    m = train_linear(feats, gold, ["governance"], TrainSettings(pairs=False))
    assert not any(" " in f for f in m.weights)
    assert {"quorum", "@rule:gov:quorum-membership-chair", "@doc:governance>0.1"} <= set(m.weights)
