"""CPU of a batch's start-up, two trees alternately: the workers' forkserver's preload, then one worker's
pipeline build after it (what each worker forked from that server still has to do).

    python3 bench/batch_startup.py /tmp/base . --rounds 6

Each measurement is a fresh interpreter with the tree on PYTHONPATH (bytecode allowed), importing
`pool.preload_modules(TagOptions())` as the forkserver does, then running the workers' `preload`.  At `--jobs 1`
the two are in series (the first file waits for both); at `--jobs N` the server's part is paid once and the
worker's N times.
"""
from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys

CODE = r'''
import importlib, time
from lspkit.batch import pool
from lspkit.batch.worker import TagOptions, preload
from lspkit.nlp.taxonomy import load_taxonomy
taxonomy = load_taxonomy(None)  # the parent's, handed to the workers
t0 = time.process_time()
for name in pool.preload_modules(TagOptions()):
    importlib.import_module(name)
t1 = time.process_time()
preload(TagOptions(), taxonomy=taxonomy)
print(t1 - t0, time.process_time() - t1)
'''


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("trees", nargs=2, metavar="TREE", help="the version before, then this one")
    parser.add_argument("--rounds", type=int, default=6)
    args = parser.parse_args()
    trees = [os.path.abspath(t) for t in args.trees]
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    got: dict[str, list] = {t: [] for t in trees}
    for r in range(args.rounds):
        for tree in trees if r % 2 == 0 else trees[::-1]:
            out = subprocess.run([sys.executable, "-c", CODE], cwd="/", env={**env, "PYTHONPATH": tree},
                                 capture_output=True, text=True, check=True).stdout.split()
            server, worker = map(float, out)
            got[tree].append((server, worker))
            print(f"{tree}: server {server:.3f} s, worker {worker:.3f} s CPU  (load {os.getloadavg()[0]:.1f})", flush=True)
    for tree, rows in got.items():
        server = statistics.median(s for s, _w in rows)
        worker = statistics.median(w for _s, w in rows)
        print(f"{tree}: medians: server {server:.3f}, worker {worker:.3f}; --jobs 1 path {server + worker:.3f}, "
              f"--jobs 2 CPU {server + 2 * worker:.3f} s")


if __name__ == "__main__":
    main()
