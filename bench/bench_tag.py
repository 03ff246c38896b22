"""Theme tagging speed: paragraphs/s with the pipeline loaded, against a bare tokenizer pass.

    python bench/bench_tag.py [--n 10000] [--rounds 3] [--themes PATH] [--model DIR|none]

Paragraphs are the hand-labelled gold texts (data/labels/gold.jsonl) repeated
to N, each with a varying suffix so no cache can short-circuit the work.
Prints the pipeline's load time, the tokenizer-only rate of spacy.blank("en")
in the same run, the tagging rate (acronym glossary, matcher, scorer and model
included) and the ratio of the two: medians of interleaved rounds, in wall
time and in this process's CPU time (steadier on a busy machine).
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


def median(xs: list[float]) -> float:
    xs = sorted(xs)
    n = len(xs)
    return xs[n // 2] if n % 2 else (xs[n // 2 - 1] + xs[n // 2]) / 2


def timed(fn) -> tuple[float, float, object]:
    """(wall seconds, CPU seconds of this process, result)."""
    w, c = time.perf_counter(), time.process_time()
    out = fn()
    return time.perf_counter() - w, time.process_time() - c, out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=10_000)
    ap.add_argument("--rounds", type=int, default=3, help="tokenizer and tagger passes, interleaved (medians are printed)")
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
    load_wall, load_cpu, _ = timed(lambda: build_pipeline(taxonomy, args.model))  # a fresh build, as a new process pays
    tagger = Tagger(taxonomy, args.model)

    items = paragraphs(args.n)
    chars = sum(len(t) for _, t in items)
    blank = spacy.blank("en")
    list(blank.pipe(t for _, t in items[:200]))  # warm up
    tagger.tag_texts(items[:200])
    tok_runs, tag_runs = [], []
    ntok = tagged = 0
    for _ in range(args.rounds):  # interleaved, so a burst of load on a busy machine hits both
        w, c, ntok = timed(lambda: sum(len(d) for d in blank.pipe((t for _, t in items), batch_size=256)))
        tok_runs.append((w, c))
        w, c, tags = timed(lambda: tagger.tag_texts(items))
        tag_runs.append((w, c))
        tagged = sum(1 for t in tags if t.themes)
    tok_w, tok_c = median([w for w, _ in tok_runs]), median([c for _, c in tok_runs])
    tag_w, tag_c = median([w for w, _ in tag_runs]), median([c for _, c in tag_runs])
    ratio_w = median([b[0] / a[0] for a, b in zip(tok_runs, tag_runs)])
    ratio_c = median([b[1] / a[1] for a, b in zip(tok_runs, tag_runs)])

    print(f"paragraphs           {args.n} ({chars / args.n:.0f} chars, {ntok / args.n:.0f} tokens on average), {args.rounds} rounds, medians")
    print(f"import spacy+lspkit  {t_import:.2f} s")
    print(f"model                {tagger.model or 'none (lexicon alone)'}")
    print(f"pipeline load        {load_wall:.3f} s wall, {load_cpu:.3f} s CPU  ({len(taxonomy.themes)} themes, {sum(len(t.terms) + len(t.negative) for t in taxonomy.themes)} terms)")
    print(f"blank('en') tokenize {args.n / tok_w:,.0f} paragraphs/s wall, {args.n / tok_c:,.0f} CPU  ({tok_w:.2f} s)")
    print(f"tag (full pipeline)  {args.n / tag_w:,.0f} paragraphs/s wall, {args.n / tag_c:,.0f} CPU  ({tag_w:.2f} s; {tagged} paragraphs with a theme)")
    print(f"ratio                {ratio_w:.2f}x the tokenizer's time (wall), {ratio_c:.2f}x (CPU)")


if __name__ == "__main__":
    main()
