"""Tagging speed on real papers: paragraphs/s of the loaded tagger over whole documents, against the bare tokenizer.

    python bench/tag_identity.py --save /tmp/t.json.gz        # extracts data/*.pdf and data/real/*.pdf once
    python bench/bench_tag_real.py --documents /tmp/t.json.gz [--rounds 3] [--model DIR|none]

bench_tag.py tags the labelled paragraphs repeated to N as one document; this
tags each real paper's Document (as `lspkit tag` does after extraction, the
pipeline already loaded), so the acronym glossary, the document context and
the procedure check meet real documents.  The baseline is spacy.blank("en")
tokenising the same paragraphs in the same rounds (interleaved).  Prints the
minimum CPU time of the rounds and the ratio of the two.
"""
from __future__ import annotations

import argparse
import gc
import gzip
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--documents", required=True, help="a file written by bench/tag_identity.py --save")
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--model", default=None)
    ap.add_argument("--only", default="data/real/", help="stored names starting with this (default: the real papers)")
    args = ap.parse_args()

    import spacy

    from lspkit.model import Document
    from lspkit.nlp.tagger import get_tagger

    with gzip.open(args.documents, "rt", encoding="utf-8") as f:
        stored = json.load(f)
    docs = [Document.from_dict(e["document"]) for name, e in stored.items() if "document" in e and name.startswith(args.only)]
    texts = [p.text for d in docs for p in d.paragraphs]
    tagger = get_tagger(None, args.model)
    blank = spacy.blank("en")
    for d in docs:  # warm up: every word in the vocabularies, the tables filled
        tagger.tag(d)
    list(blank.pipe(texts))
    tok, tag = [], []
    for _ in range(args.rounds):
        enabled = gc.isenabled()
        gc.disable()  # as the tagger runs (collection_paused): the blank docs are made and dropped the same way
        c = time.process_time()
        for doc in blank.pipe(texts, batch_size=256):
            pass
        tok.append(time.process_time() - c)
        if enabled:
            gc.enable()
        c = time.process_time()
        for d in docs:
            tagger.tag(d)
        tag.append(time.process_time() - c)
    n = len(texts)
    print(f"documents            {len(docs)} ({n} paragraphs, {sum(map(len, texts)) / max(n, 1):.0f} chars on average), {args.rounds} rounds, minimum CPU")
    print(f"model                {tagger.model or 'none (lexicon alone)'}")
    print(f"blank('en') tokenize {n / min(tok):,.0f} paragraphs/s CPU ({min(tok):.2f} s)")
    print(f"tag (each document)  {n / min(tag):,.0f} paragraphs/s CPU ({min(tag):.2f} s)")
    print(f"ratio                {min(tag) / min(tok):.2f}x the tokenizer's CPU time")


if __name__ == "__main__":
    main()
