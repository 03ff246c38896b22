"""Tagging speed of two trees, alternately: Tagger.tag_texts of bench_tag's 3,000 paragraphs, each tree in its own process.

    python bench/tag_ab.py TREE_BEFORE TREE_AFTER [ROUNDS]

Each process tags the paragraphs (and tokenizes them with the bare blank("en")) five times and prints the
least CPU time a paragraph of each; the trees take turns ROUNDS times (default 3), so a burst of load on a
shared machine hits both.  Prints each run and the medians.
"""
import os
import statistics
import subprocess
import sys
trees = [os.path.abspath(t) for t in sys.argv[1:3]]; rounds = int(sys.argv[3]) if len(sys.argv) > 3 else 3
code = r'''
import sys, time, gc
tree = sys.argv[1]
sys.path.insert(0, tree); sys.path.insert(0, tree + "/bench")
from bench_tag import paragraphs
from lspkit.nlp.tagger import Tagger
import spacy
t = Tagger(); items = paragraphs(3000); t.tag_texts(items[:300])
blank = spacy.blank("en"); texts=[x for _, x in items]
best = bt = 1e9
for _ in range(5):
    c = time.process_time(); list(blank.pipe(texts, batch_size=256)); bt = min(bt, time.process_time() - c)
    c = time.process_time(); t.tag_texts(items); best = min(best, time.process_time() - c)
print(best / 3000 * 1e6, bt / 3000 * 1e6)
'''
res = {t: [] for t in trees}
for r in range(rounds):
    for t in trees:
        out = subprocess.run([sys.executable, "-c", code, t], capture_output=True, text=True, env={**os.environ, "PYTHONPATH": t}).stdout.split()
        res[t].append((float(out[0]), float(out[1])))
        print(f"{t}: tag {float(out[0]):.1f} us/par, tokenizer {float(out[1]):.1f} us/par, {float(out[0])/float(out[1]):.1f}x", flush=True)
for t in trees:
    print(t, "median tag", round(statistics.median(x for x, _ in res[t]), 1), "ratio", round(statistics.median(x / y for x, y in res[t]), 2))
