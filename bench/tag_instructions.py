"""Tagging cost in machine instructions, which other jobs on the machine do not change: for a loaded machine.

    python bench/tag_instructions.py TREE [TREE ...]

Each tree's `Tagger.tag_texts` of bench_tag's 3,000 paragraphs, and the bare `spacy.blank("en")` tokenizer on
the same texts (in the first tree's process), each run once under valgrind's callgrind with instrumentation on
for that one pass only (both warmed first: every word already in the vocabulary), all the runs side by side.
Prints instructions a paragraph and the ratio to the tokenizer's.  Instructions are not time (a cache miss
costs more than an add), but two versions of the same code compare well by them, to a fraction of a percent,
when the CPU times of interleaved runs swing by 10% (tag_ab.py).  Several minutes a run (valgrind is slow),
so the runs go in parallel.
"""
from __future__ import annotations

import os
import re
import subprocess
import sys
import tempfile

CODE = r'''
import os, subprocess, sys
tree, mode = sys.argv[1], sys.argv[2]
sys.path.insert(0, tree); sys.path.insert(0, tree + "/bench")
from bench_tag import paragraphs
from lspkit.nlp.tagger import Tagger
import spacy
t = Tagger(); items = paragraphs(3000); blank = spacy.blank("en"); texts = [x for _, x in items]
list(blank.pipe(texts, batch_size=256)); t.tag_texts(items)
subprocess.run(["callgrind_control", "-i", "on", str(os.getpid())], capture_output=True)
if mode == "tag":
    t.tag_texts(items)
else:
    list(blank.pipe(texts, batch_size=256))
subprocess.run(["callgrind_control", "-i", "off", str(os.getpid())], capture_output=True)
'''


def main() -> None:
    trees = [os.path.abspath(t) for t in sys.argv[1:]] or [os.path.abspath(os.path.join(os.path.dirname(__file__), ".."))]
    python = os.path.realpath(sys.executable)  # (valgrind must start the interpreter itself, not a shim script)
    with tempfile.TemporaryDirectory() as tmp:
        script = os.path.join(tmp, "one.py")
        with open(script, "w") as f:
            f.write(CODE)
        jobs = [("tokenizer", trees[0], "tok")] + [(tree, tree, "tag") for tree in trees]
        procs = []
        for k, (_name, tree, mode) in enumerate(jobs):
            cmd = ["valgrind", "--tool=callgrind", "--instr-atstart=no", f"--callgrind-out-file={tmp}/out.{k}", python, script, tree, mode]
            procs.append(subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, env={**os.environ, "PYTHONPATH": tree}))
        counts = []
        for (name, _tree, _mode), proc in zip(jobs, procs):
            out = proc.communicate()[0]
            found = re.search(r"Collected : (\d+)", out)
            if proc.returncode or not found:
                sys.exit(f"{name}: valgrind failed:\n{out[-2000:]}")
            counts.append(int(found.group(1)))
    tok = counts[0]
    print(f"tokenizer: {tok / 3000:,.0f} instructions a paragraph")
    for (name, _t, _m), n in zip(jobs[1:], counts[1:]):
        print(f"{name}: {n / 3000:,.0f} instructions a paragraph, {n / tok:.2f}x the tokenizer")


if __name__ == "__main__":
    main()
