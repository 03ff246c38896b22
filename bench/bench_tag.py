"""Theme tagging speed: paragraphs/s with the pipeline loaded, against a bare tokenizer pass.

    python bench/bench_tag.py [--n 10000] [--themes PATH] [--model DIR|none]

Paragraphs are the hand-labelled gold texts (data/labels/gold.jsonl) repeated
to N, each with a varying suffix so no cache can short-circuit the work.
Prints the pipeline's load time, the tokenizer-only rate of spacy.blank("en")
in the same run, the tagging rate (acronym glossary, normaliser, matcher and
scorer included) and the ratio of the two.
"""
from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def paragraphs(n: int) -> list[tuple[str, str]]:
    texts = [json.loads(line)["text"] for line in (ROOT / "data" / "labels" / "gold.jsonl").read_text().splitlines() if line.strip()]
    return [(str(i), f"{texts[i % len(texts)]} (ref {i})") for i in range(n)]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=10_000)
    ap.add_argument("--themes", default=None)
    ap.add_argument("--model", default=None, help="a model directory, or 'none' for the lexicon alone (default: the shipped model)")
    args = ap.parse_args()

    t0 = time.perf_counter()
    import spacy

    from lspkit.nlp.pipeline import build_pipeline
    from lspkit.nlp.tagger import Tagger
    from lspkit.nlp.taxonomy import load_taxonomy

    t_import = time.perf_counter() - t0
    taxonomy = load_taxonomy(args.themes)
    t1 = time.perf_counter()
    build_pipeline(taxonomy, args.model)  # a fresh build, as a new process would pay
    t_load = time.perf_counter() - t1
    tagger = Tagger(taxonomy, args.model)

    items = paragraphs(args.n)
    chars = sum(len(t) for _, t in items)
    blank = spacy.blank("en")
    list(blank.pipe(t for _, t in items[:200]))  # warm up
    t2 = time.perf_counter()
    ntok = sum(len(d) for d in blank.pipe((t for _, t in items), batch_size=256))
    t_tok = time.perf_counter() - t2

    tagger.tag_texts(items[:200])  # warm up
    t3 = time.perf_counter()
    tags = tagger.tag_texts(items)
    t_tag = time.perf_counter() - t3
    tagged = sum(1 for t in tags if t.themes)

    print(f"paragraphs           {args.n} ({chars / args.n:.0f} chars, {ntok / args.n:.0f} tokens on average)")
    print(f"import spacy+lspkit  {t_import:.2f} s")
    print(f"model                {tagger.model or 'none (lexicon alone)'}")
    print(f"pipeline load        {t_load:.3f} s  ({len(taxonomy.themes)} themes, {sum(len(t.terms) + len(t.negative) for t in taxonomy.themes)} terms)")
    print(f"blank('en') tokenize {args.n / t_tok:,.0f} paragraphs/s  ({t_tok:.2f} s)")
    print(f"tag (full pipeline)  {args.n / t_tag:,.0f} paragraphs/s  ({t_tag:.2f} s; {tagged} paragraphs with a theme)")
    print(f"ratio                {t_tag / t_tok:.1f}x the tokenizer's time")


if __name__ == "__main__":
    main()
