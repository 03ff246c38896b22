"""What users wait for on real papers: `lspkit extract`, `tag` and `summarise` per file, against pdftotext.

For every real paper present (data/real/*.pdf; `python3 data/real/restore.py` brings the others),
each command runs once per round as its own process, the way a user runs it, rounds interleaved
file by file so a burst of load elsewhere hits every command alike:

    pdftotext FILE OUT.txt                      (the baseline, from the same run)
    lspkit extract FILE -o OUT.json
    lspkit tag FILE -f json -o OUT.json                     (one file is not cached)
    lspkit summarise FILE -f json --no-cache -o OUT.json    (a paper seen for the first time)

Prints, per command, the median over rounds of the corpus total (wall, and CPU of the child,
steadier on a busy machine), files per second, pages per second and the ratio to pdftotext's
time.  A command that fails on a file is counted and named, not timed.

    python bench/bench_real.py               # 3 rounds
    python bench/bench_real.py --rounds 5 --files 10
"""
from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.bench_extract import measure


def pages(pdf: Path) -> int:
    out = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=False).stdout
    m = re.search(r"^Pages:\s+(\d+)", out, re.MULTILINE)
    return int(m.group(1)) if m else 0


def median(xs: list[float]) -> float:
    xs = sorted(xs)
    n = len(xs)
    return xs[n // 2] if n % 2 else (xs[n // 2 - 1] + xs[n // 2]) / 2


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--files", type=int, default=0, help="only the first N papers (default: all)")
    args = ap.parse_args()
    for tool in ("pdftotext", "pdfinfo"):
        if not shutil.which(tool):
            raise SystemExit(f"{tool} (poppler-utils) is needed for the comparison")
    pdfs = sorted((ROOT / "data" / "real").glob("*.pdf"))
    if args.files:
        pdfs = pdfs[: args.files]
    if not pdfs:
        raise SystemExit("no real papers in data/real/ (python3 data/real/restore.py)")
    work = Path(tempfile.mkdtemp(prefix="lspkit-bench-real-"))
    lsp = [sys.executable, "-m", "lspkit.cli"]
    commands = {
        "pdftotext": lambda f: ["pdftotext", str(f), str(work / "out.txt")],
        "lspkit extract": lambda f: [*lsp, "extract", str(f), "-o", str(work / "extract.json")],
        "lspkit tag": lambda f: [*lsp, "tag", str(f), "-f", "json", "-o", str(work / "tag.json")],  # one file: no cache
        "lspkit summarise": lambda f: [*lsp, "summarise", str(f), "-f", "json", "--no-cache", "-o", str(work / "summary.json")],
    }
    n_pages = {f: pages(f) for f in pdfs}
    failed: dict[str, set[str]] = {name: set() for name in commands}
    totals: dict[str, list[tuple[float, float]]] = {name: [] for name in commands}
    for _ in range(args.rounds):
        round_sum = {name: [0.0, 0.0] for name in commands}
        for f in pdfs:
            for name, cmd in commands.items():
                try:
                    wall, cpu, _rss = measure(cmd(f))
                except SystemExit:
                    failed[name].add(f.name)
                    continue
                round_sum[name][0] += wall
                round_sum[name][1] += cpu
        for name in commands:
            totals[name].append(tuple(round_sum[name]))
    shutil.rmtree(work, ignore_errors=True)

    files, total_pages = len(pdfs), sum(n_pages.values())
    base_w = median([w for w, _ in totals["pdftotext"]])
    base_c = median([c for _, c in totals["pdftotext"]])
    print(f"{files} real papers, {total_pages} pages, {args.rounds} rounds interleaved file by file; medians of corpus totals")
    print(f"{'':18}{'wall s':>8}{'files/s':>9}{'pages/s':>9}{'x p2t':>7}{'CPU s':>8}{'files/s':>9}{'pages/s':>9}{'x p2t':>7}")
    for name in commands:
        w = median([w for w, _ in totals[name]])
        c = median([c for _, c in totals[name]])
        if not w or not c:
            print(f"{name:18}  failed on every file")
            continue
        print(f"{name:18}{w:8.2f}{files / w:9.2f}{total_pages / w:9.1f}{w / base_w:7.1f}"
              f"{c:8.2f}{files / c:9.2f}{total_pages / c:9.1f}{c / base_c:7.1f}")
    for name, bad in failed.items():
        if bad:
            print(f"{name} failed on {len(bad)}: {', '.join(sorted(bad))} (not timed)")


if __name__ == "__main__":
    os.environ.setdefault("PYTHONPATH", str(ROOT))
    main()
