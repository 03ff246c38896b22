"""The lockbox: whole publishers set aside by a fixed rule, scored by systems trained on the rest."""
from __future__ import annotations

import gc
import hashlib
import json
import math
from pathlib import Path

from lspkit.api import load_gold
from lspkit.nlp.evaluate import GoldItem
from lspkit.nlp.lockbox import evaluate_lockbox, lockbox_publishers, render, split
from lspkit.nlp.tagger import Tagger
from lspkit.nlp.taxonomy import load_taxonomy

ROOT = Path(__file__).resolve().parent.parent
REAL = ROOT / "data" / "labels" / "real"


def _items(spec):
    """spec: [(publisher, doc, themes)] -> GoldItems."""
    return [GoldItem(f"{d}#{i}", d, f"paragraph {i} of {d}", frozenset(t), None, p) for i, (p, d, t) in enumerate(spec)]


def test_rule_takes_whole_publishers_in_hash_order_until_a_fifth_of_the_documents():
    pubs = [f"Council {c}" for c in "ABCDEFGHIJ"]
    spec = [(p, f"{p}-doc{k}", ()) for p in pubs for k in range(1 + ord(p[-1]) % 3) for _ in range(2)]
    items = _items(spec)
    chosen = lockbox_publishers(items)
    order = sorted(pubs, key=lambda p: hashlib.sha256(p.encode()).hexdigest())
    assert list(chosen) == order[: len(chosen)]  # a prefix of the hash order
    docs = {p: {it.group for it in items if it.publisher == p} for p in pubs}
    total = sum(len(d) for d in docs.values())
    held = sum(len(docs[p]) for p in chosen)
    assert held >= math.ceil(total / 5)
    assert held - len(docs[chosen[-1]]) < math.ceil(total / 5)  # stops as soon as it has enough
    dev, box, _ = split(items)
    assert set(dev).isdisjoint(box) and len(dev) + len(box) == len(items)
    assert not {items[i].publisher for i in dev} & {items[i].publisher for i in box}
    assert not {items[i].group for i in dev} & {items[i].group for i in box}


def test_real_lockbox_is_a_fifth_of_the_documents_and_never_shares_a_document():
    rows = [json.loads(x) for x in (REAL / "gold.jsonl").read_text().splitlines() if x.strip()]
    items = [GoldItem(r["id"], r["doc"], r["text"], frozenset(r["themes"]), None, r["publisher"]) for r in rows]
    dev, box, pubs = split(items)
    docs = {it.group for it in items}
    box_docs = {items[i].group for i in box}
    assert len(box_docs) >= len(docs) / 5 and len(box_docs) < len(docs) / 2
    assert not box_docs & {items[i].group for i in dev}
    assert len(pubs) >= 2


def test_lockbox_systems_train_on_the_development_documents_only(tmp_path):
    # a small real slice: two documents from each of several publishers
    rows = [json.loads(x) for x in (REAL / "gold.jsonl").read_text().splitlines() if x.strip()]
    keep, per = [], {}
    for r in rows:
        n = per.setdefault(r["doc"], 0)
        if n < 10:
            per[r["doc"]] = n + 1
            keep.append(r)
    p = tmp_path / "slice.jsonl"
    p.write_text("".join(json.dumps(r) + "\n" for r in keep))
    tax = load_taxonomy()
    items = load_gold(str(p), tax)
    lb = evaluate_lockbox(items, tax, seed=0, k=3)
    _dev, box, pubs = split(items)
    assert lb.paragraphs == len(box) and lb.publishers == pubs
    assert [s.name for s in lb.systems] == ["blend", "model", "lexicon", "keywords"]
    for s in lb.systems:
        assert len(s.predicted) == len(box) and s.report.paragraphs == len(box)
    assert lb.development.paragraphs == lb.dev_paragraphs and lb.dev_paragraphs + lb.paragraphs == len(items)
    d = lb.to_dict()
    assert all("errors" not in s for s in d["lockbox"])  # no paragraph of the lockbox in the file
    assert d["lockbox"][0]["macro"]["f1"] == round(lb.systems[0].report.macro_f1, 4)
    text = render(lb)
    assert "lockbox" in text and "macro-F1" in text and all(pub in text for pub in pubs)


def test_tagging_pauses_automatic_collection_and_restores_it():
    import lspkit.nlp.themes as themes

    tagger = Tagger(load_taxonomy())
    seen = []
    assert gc.isenabled()
    before = themes.ThemeScorer.__call__
    themes.ThemeScorer.__call__ = lambda self, doc: (seen.append(gc.isenabled()), before(self, doc))[1]
    try:
        tagger.tag_texts([("1", "The Board will be chaired by the Leader."), ("2", "The scrutiny committee may call in decisions.")])
    finally:
        themes.ThemeScorer.__call__ = before
    assert seen == [False, False]
    assert gc.isenabled()
    gc.disable()
    try:
        tagger.tag_texts([("1", "The quorum is three.")])
        assert not gc.isenabled()  # left as the caller had it
    finally:
        gc.enable()
