#!/usr/bin/env bash
# Usage: bench/extract_identity.sh TREE OUTDIR -- `extract -f json` (fresh cache) of every PDF in data/real, data/*.pdf
# and the tests, run with TREE's lspkit, one .json and one .err (stderr and exit status) per file in OUTDIR.
# A speed change keeps the output byte-identical: run it on the tree before and after, then `diff -r`.
# `python3 -P`: the current directory (this checkout) is not put before PYTHONPATH, so TREE's code is what runs.
set -u
tree=$(cd "$1" && pwd); out=$2; mkdir -p "$out"
root=$(cd "$(dirname "$0")/.." && pwd)
export PYTHONPATH=$tree NO_COLOR=1 LSPKIT_CACHE_DIR=$(mktemp -d)
cd "$root"
for f in data/real/*.pdf data/*.pdf $(find tests -name '*.pdf' | sort); do
  b=$(echo "$f" | tr / _)
  python3 -P -m lspkit.cli extract "$f" -f json > "$out/$b.json" 2> "$out/$b.err"; echo "exit $?" >> "$out/$b.err"
done
echo "$(ls "$out" | grep -c '\.json$') outputs in $out"
