"""Train a spaCy `textcat_multilabel` on labelled paragraphs (CPU, small, seeded).

The pipeline is blank("en") + lsp_normaliser + a bag-of-words textcat: it
trains in seconds on a few hundred paragraphs and is saved with `to_disk` so
`lspkit tag --model DIR` can use it (the lexicon still supplies evidence).
"""
from __future__ import annotations

import random
import shutil
import tempfile
from pathlib import Path
from typing import Sequence

from ..infra.errors import ConfigError, OutputError

TEXTCAT_MODEL = {
    "@architectures": "spacy.TextCatBOW.v3",
    "exclusive_classes": False,
    "ngram_size": 1,
    "no_output_layer": False,
    "length": 262144,
}


def train_textcat(items: Sequence, labels: Sequence[str], *, epochs: int = 20, seed: int = 0, dropout: float = 0.1):
    """`items` have `.text` and `.themes`; returns the trained Language."""
    import spacy
    from spacy.training import Example
    from spacy.util import fix_random_seed, minibatch

    from .pipeline import register_components

    if not items:
        raise ConfigError("no labelled paragraphs to train on")
    register_components()
    fix_random_seed(seed)
    nlp = spacy.blank("en")
    nlp.add_pipe("lsp_normaliser")
    textcat = nlp.add_pipe("textcat_multilabel", config={"model": TEXTCAT_MODEL, "threshold": 0.5})
    for label in labels:
        textcat.add_label(label)
    examples = [Example.from_dict(nlp.make_doc(it.text), {"cats": {l: float(l in it.themes) for l in labels}}) for it in items]
    optimizer = nlp.initialize(lambda: examples)
    rng = random.Random(seed)
    order = list(examples)
    for _ in range(epochs):
        rng.shuffle(order)
        losses: dict = {}
        for batch in minibatch(order, size=8):
            nlp.update(batch, sgd=optimizer, drop=dropout, losses=losses)
    return nlp


def predict_textcat(nlp, texts: Sequence[str], threshold: float = 0.5) -> list[frozenset[str]]:
    return [frozenset(l for l, s in doc.cats.items() if s >= threshold) for doc in nlp.pipe(texts)]


def save_pipeline(nlp, output: str) -> None:
    """Write the pipeline directory atomically: a temp dir renamed into place."""
    target = Path(output)
    parent = target.parent if str(target.parent) else Path(".")
    if not parent.is_dir():
        raise OutputError(f"directory {parent} does not exist", output)
    if target.exists() and not (target / "config.cfg").is_file():
        raise OutputError("exists and is not a trained pipeline; refusing to overwrite it", output)
    tmp = Path(tempfile.mkdtemp(prefix=f".{target.name}.", dir=parent))
    try:
        nlp.to_disk(tmp)
        if target.exists():
            shutil.rmtree(target)
        tmp.rename(target)
    except OSError as exc:
        shutil.rmtree(tmp, ignore_errors=True)
        raise OutputError(f"cannot write the pipeline: {exc.strerror or exc}", output) from None
