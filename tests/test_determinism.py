"""Extraction is a function of the file alone: not of PYTHONHASHSEED, the allocator or what else is in memory.

Two Queensland water protocols once read differently from run to run (28 or 30 paragraphs; precision 0.557 or
0.531): the clause outline remembered an item by id(), and a later item allocated where a freed one had been
took its memory.  Each run here is a fresh interpreter with a different hash seed, allocator (PYTHONMALLOC=malloc
alone turned the Boyne protocol's 41(2)(b)(i)-(ii) into paragraphs of their own) or heap of live objects.
"""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PAPERS = [
    ROOT / "data/real/qld-dnrm_2016_boyne-river-basin-water-management-protocol.pdf",
    ROOT / "data/real/qld-dlgwv_2025_gold-coast-draft-water-management-protocol.pdf",
]
# (PYTHONHASHSEED, PYTHONMALLOC, objects kept alive before extracting)
RUNS = [("0", None, 0), ("1", "malloc", 0), ("2", None, 4097), ("3", "malloc", 777), ("4", "pymalloc_debug", 33)]

_SCRIPT = """
import sys
junk = [object() for _ in range(int(sys.argv.pop()))] + [[k] for k in range(1000)]
from lspkit.__main__ import main
main()
"""


def _run(pdf: Path, seed: str, malloc, junk: int, cache: Path) -> str:
    env = dict(os.environ, PYTHONPATH=str(ROOT), PYTHONHASHSEED=seed, LSPKIT_CACHE_DIR=str(cache / seed))
    env.pop("PYTHONMALLOC", None)
    if malloc:
        env["PYTHONMALLOC"] = malloc
    got = subprocess.run([sys.executable, "-c", _SCRIPT, "extract", str(pdf), "--format", "json", str(junk)],
                         env=env, capture_output=True, text=True, timeout=300)
    assert got.returncode == 0, got.stderr[-2000:]
    return got.stdout


@pytest.mark.parametrize("pdf", PAPERS, ids=lambda p: p.name.split("_")[0])
def test_same_output_under_any_hash_seed_or_memory_layout(pdf: Path, tmp_path: Path) -> None:
    if not pdf.exists():
        pytest.skip(f"{pdf.name} absent (restore with data/real/restore.py)")
    outs = {run: _run(pdf, *run, tmp_path) for run in RUNS}
    first = outs[RUNS[0]]
    assert '"paragraphs"' in first
    for run, out in outs.items():
        assert out == first, f"{pdf.name}: output under {run} differs from {RUNS[0]}"
