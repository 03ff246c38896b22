"""The lockbox: labelled documents set aside, scored once, never tuned on.

    python -m lspkit.nlp.lockbox data/labels/union/gold.jsonl -o lockbox.txt --json lockbox.json

Cross-validation by document measures papers the model never saw, but every
choice made while developing the tagger (features, settings, lexicon terms)
was made looking at cross-validated figures over the same documents.  The
lockbox is the part of the labelled corpus that no such choice saw.

The rule, written down before any error was looked at (2026-11-29):
publishers sorted by the SHA-256 of their name (UTF-8, hex, ascending);
whole publishers are taken in that order until the lockbox holds at least a
fifth of the documents (rounded up).  A publisher's papers are all in or all
out, so the lockbox also measures publishers never seen.  Its paragraphs are
not read one by one and nothing is chosen on them; this module trains every
system on the other documents exactly as `lspkit train` does, and scores the
lockbox once.  The development documents' own cross-validation is reported
beside it.
"""
from __future__ import annotations

import argparse
import hashlib
import json
import math
import sys
from dataclasses import dataclass
from typing import Any, Sequence

from .crossval import ALPHAS, BOOTSTRAP, CrossValidation, SystemResult, _fit_and_predict, hold_procedure, bootstrap, cross_validate, inner_fold_groups, lexicon_scores, model_features
from .evaluate import GoldItem, score
from .linear import TrainSettings, text_features
from .taxonomy import Taxonomy

SHARE = 5  # at least 1/SHARE of the documents


def lockbox_publishers(items: Sequence[GoldItem], share: int = SHARE) -> tuple[str, ...]:
    """The publishers whose documents are the lockbox (the rule in the module's docstring)."""
    docs: dict[str, set[str]] = {}
    for it in items:
        docs.setdefault(it.publisher or "(unknown)", set()).add(it.group or it.key)
    need = math.ceil(sum(len(d) for d in docs.values()) / share)
    chosen, held = [], 0
    for pub in sorted(docs, key=lambda p: hashlib.sha256(p.encode("utf-8")).hexdigest()):
        if held >= need:
            break
        chosen.append(pub)
        held += len(docs[pub])
    return tuple(chosen)


def split(items: Sequence[GoldItem], share: int = SHARE) -> tuple[list[int], list[int], tuple[str, ...]]:
    """(development indices, lockbox indices, lockbox publishers)."""
    box = set(lockbox_publishers(items, share))
    dev = [i for i, it in enumerate(items) if (it.publisher or "(unknown)") not in box]
    locked = [i for i, it in enumerate(items) if (it.publisher or "(unknown)") in box]
    return dev, locked, tuple(sorted(box))


@dataclass(frozen=True)
class Lockbox:
    publishers: tuple[str, ...]
    documents: tuple[str, ...]
    paragraphs: int
    dev_documents: int
    dev_paragraphs: int
    systems: tuple[SystemResult, ...]  # trained on the development documents, scored on the lockbox
    development: CrossValidation  # cross-validation by document inside the development documents

    def to_dict(self) -> dict[str, Any]:
        return {
            "rule": "publishers by sha256(name) ascending, whole publishers until >= 1/5 of the documents",
            "publishers": list(self.publishers),
            "documents": list(self.documents),
            "paragraphs": self.paragraphs,
            "development": {"documents": self.dev_documents, "paragraphs": self.dev_paragraphs},
            "bootstrap": BOOTSTRAP,
            "lockbox": [_counts_only(s.to_dict()) for s in self.systems],
            "development_cross_validation": [s.to_dict() for s in self.development.systems],
        }


def _counts_only(d: dict) -> dict:
    """A lockbox system's scores without its paragraph-by-paragraph errors: the file must not invite reading them."""
    d.pop("errors", None)
    return d


def evaluate_lockbox(items: Sequence[GoldItem], taxonomy: Taxonomy, *, seed: int = 0, k: int = 5, settings: TrainSettings = TrainSettings()) -> Lockbox:
    names = taxonomy.names
    dev, box, publishers = split(items)
    if not dev or not box:
        from ..infra.errors import ConfigError

        raise ConfigError("the lockbox needs labelled paragraphs from at least two publishers")
    groups = [it.group or it.key for it in items]
    gold_sets = [[t in it.themes for t in names] for it in items]
    lex = lexicon_scores(items, taxonomy)
    words = text_features(it.text for it in items)
    feats = model_features(items, words, lex, groups, names)
    n = len(items)
    preds: dict[str, list[frozenset[str]]] = {s: [frozenset()] * n for s in ("keywords", "lexicon", "model", "blend")}
    details: dict[str, list[dict]] = {s: [] for s in preds}
    _fit_and_predict(0, dev, box, names, words, feats, lex, gold_sets, groups, preds, details, seed, settings, inner_fold_groups(items))
    hold_procedure(items, preds)
    box_items = [items[i] for i in box]
    systems = []
    for name in ("blend", "model", "lexicon", "keywords"):
        predicted = [preds[name][i] for i in box]
        rep = score(f"{name}, trained on the development documents, scored on the lockbox", names, box_items, predicted)
        systems.append(SystemResult(name, "", rep, bootstrap(box_items, names, predicted, seed=seed), tuple(predicted), tuple(details[name])))
    development = cross_validate([items[i] for i in dev], taxonomy, k, seed=seed, settings=settings)
    return Lockbox(
        publishers,
        tuple(sorted({groups[i] for i in box})),
        len(box),
        len({groups[i] for i in dev}),
        len(dev),
        tuple(systems),
        development,
    )


def render(lb: Lockbox) -> str:
    """Plain-text tables: the lockbox beside the development documents' cross-validation."""
    names = [t.theme for t in lb.systems[0].report.themes]
    out = [
        f"Lockbox: {len(lb.documents)} documents, {lb.paragraphs} paragraphs from {len(lb.publishers)} publishers set aside by rule",
        "(publishers by sha256 of the name, whole publishers until >= 1/5 of the documents); every system trained",
        f"on the other {lb.dev_documents} documents ({lb.dev_paragraphs} paragraphs) as `lspkit train` does, scored once.",
        "Publishers: " + "; ".join(lb.publishers),
        "",
    ]

    def table(title: str, systems: Sequence[SystemResult]) -> None:
        out.append(title)
        out.append(f"{'system':10s} " + " ".join(f"{n[:14]:>14s}" for n in names) + f" {'macro-F1':>8s}  {'95% (docs)':>11s}")
        for s in systems:
            f1 = {t.theme: t.f1 for t in s.report.themes}
            ci = s.intervals["macro"]["f1"]
            out.append(f"{s.name:10s} " + " ".join(f"{f1[n]:14.2f}" for n in names) + f" {s.report.macro_f1:8.2f}  {ci.low:.2f}-{ci.high:.2f}")
        out.append("")

    table("lockbox (F1 per theme, macro-F1; interval: bootstrap over the lockbox's documents)", lb.systems)
    table(
        f"development documents, {lb.development.k}-fold cross-validation by document (seed {lb.development.seed})",
        lb.development.systems,
    )
    blend = lb.systems[0]
    out.append("lockbox, blend: " + ", ".join(f"{t.theme} P {t.precision:.2f} R {t.recall:.2f} (gold {t.support})" for t in blend.report.themes))
    return "\n".join(out) + "\n"


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m lspkit.nlp.lockbox", description="Score the lockbox once (see the module's docstring).")
    ap.add_argument("gold")
    ap.add_argument("-o", "--output", required=True, help="the text tables")
    ap.add_argument("--json", dest="json_out", default=None)
    ap.add_argument("--seed", type=int, default=0)
    args = ap.parse_args(argv)
    from ..infra.errors import InputInvalidError, LspkitError
    from .evaluate import load_gold
    from .taxonomy import load_taxonomy

    def no_files(path: str):  # nlp reads no papers (tests/test_layering.py): the lockbox needs labelled text
        raise InputInvalidError("the lockbox reads labelled paragraphs with their text, not papers named by file", path)

    try:
        taxonomy = load_taxonomy(None)
        items = load_gold(args.gold, taxonomy, extract=no_files)
        lb = evaluate_lockbox(items, taxonomy, seed=args.seed)
    except LspkitError as exc:
        print(f"lspkit: {exc}", file=sys.stderr)
        return getattr(exc, "exit_code", 2)
    text = render(lb)
    with open(args.output, "w", encoding="utf-8") as fh:
        fh.write(text)
    if args.json_out:
        with open(args.json_out, "w", encoding="utf-8") as fh:
            json.dump(lb.to_dict(), fh, indent=1)
            fh.write("\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
