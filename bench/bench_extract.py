"""How fast `lspkit extract` reads a 400-page report, against pdftotext on the same file.

One run prints:
  * pages/s of `lspkit extract FILE -o out.json` and of `pdftotext FILE out.txt`, and the ratio
    (wall time, best of N, and CPU time of the child, which is steadier on a busy machine);
  * the CPU time of the lspkit process alone, without its page-reading workers (lspkit.read.parallel): on an
    idle machine the wall time is about that, so on a shared one it is the steadier figure;
  * peak memory (max RSS) of the lspkit child process;
  * that the fast path stayed correct: paragraph numbers, pages and texts against the generator's gold;
  * start-up: `lspkit --help` against `python -c "import click, rich"` (best of N).

Bars (issue 2): extraction within 10x of pdftotext's time, peak memory under 300 MB,
`--help` within 1.5x of importing click and rich.

    python bench/bench_extract.py              # 400 pages, best of 3
    python bench/bench_extract.py 800 5        # pages, repeats
"""
from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

# The environment of every lspkit run: this tree first, and Python allowed to keep its bytecode (an installed
# lspkit has its .pyc files; PYTHONDONTWRITEBYTECODE, set on the machine these figures come from, made every
# run compile lspkit's modules again, about 0.1 s of CPU).  `main` runs lspkit once before measuring.
ENV = {**{k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}, "PYTHONPATH": str(ROOT)}

MEASURE = r"""
import resource, subprocess, sys, time
t = time.perf_counter()
r = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL)
wall = time.perf_counter() - t
u = resource.getrusage(resource.RUSAGE_CHILDREN)
print(r.returncode, wall, u.ru_utime + u.ru_stime, u.ru_maxrss)
"""


def measure(cmd: list[str]) -> tuple[float, float, int]:
    """(wall seconds, CPU seconds, max RSS in KB) of one run of cmd, measured from a clean parent."""
    out = subprocess.run([sys.executable, "-c", MEASURE, *cmd], capture_output=True, text=True, cwd=ROOT, env=ENV)
    code, wall, cpu, rss = out.stdout.split()
    if code != "0":
        raise SystemExit(f"{' '.join(cmd)} failed with status {code}: {out.stderr}")
    return float(wall), float(cpu), int(rss)


# Runs `python -m lspkit.cli ...` and writes the CPU seconds of that process alone (not its page-reading
# workers) to the file named by LSPKIT_BENCH_SELF_CPU when it exits.
SELF_CPU = r"""
import atexit, os, resource, runpy, sys
def _report():
    u = resource.getrusage(resource.RUSAGE_SELF)
    with open(os.environ["LSPKIT_BENCH_SELF_CPU"], "w") as f:
        f.write(str(u.ru_utime + u.ru_stime))
atexit.register(_report)
sys.argv = ["lspkit", *sys.argv[1:]]
runpy.run_module("lspkit.cli", run_name="__main__")
"""


def self_cpu(args: list[str], repeats: int) -> float:
    """Best CPU seconds of the lspkit process itself: on an idle machine its wall time is about this, as the
    page-reading workers run beside it on the other cores."""
    out = Path(tempfile.mkstemp(prefix="lspkit-selfcpu-")[1])
    runs = []
    for _ in range(repeats):
        subprocess.run([sys.executable, "-c", SELF_CPU, *args], cwd=ROOT, stdout=subprocess.DEVNULL, check=True,
                       env={**ENV, "LSPKIT_BENCH_SELF_CPU": str(out)})
        runs.append(float(out.read_text()))
    out.unlink()
    return min(runs)


def best(cmd: list[str], repeats: int) -> tuple[float, float, int]:
    runs = [measure(cmd) for _ in range(repeats)]
    return min(r[0] for r in runs), min(r[1] for r in runs), max(r[2] for r in runs)


def main() -> None:
    pages = int(sys.argv[1]) if len(sys.argv) > 1 else 400
    repeats = int(sys.argv[2]) if len(sys.argv) > 2 else 3
    if not shutil.which("pdftotext"):
        raise SystemExit("pdftotext (poppler-utils) is needed for the comparison")
    work = Path(tempfile.gettempdir()) / "lspkit-bench"
    work.mkdir(exist_ok=True)
    pdf = work / f"long-{pages}.pdf"
    gold_path = work / f"long-{pages}.gold.json"
    if not pdf.exists() or not gold_path.exists():
        from bench.corpus import long_report

        gold = long_report(pdf, pages=pages)
        gold_path.write_text(json.dumps(gold))
    gold = json.loads(gold_path.read_text())
    n = gold["pages"]
    out_json = work / "out.json"

    lsp = [sys.executable, "-m", "lspkit.cli", "extract", str(pdf), "-o", str(out_json)]
    p2t = ["pdftotext", str(pdf), str(work / "out.txt")]
    measure(lsp)  # warm-up: Python's bytecode written, the file in the page cache
    l_wall, l_cpu, l_rss = best(lsp, repeats)
    p_wall, p_cpu, _ = best(p2t, repeats)
    l_self = self_cpu(lsp[3:], repeats)

    doc = json.loads(out_json.read_text())
    got = {p["number"]: p for p in doc["paragraphs"]}
    norm = lambda t: re.sub(r"\s+", " ", t).strip()  # noqa: E731
    found = sum(1 for g in gold["paragraphs"] if g["number"] in got)
    exact = sum(1 for g in gold["paragraphs"] if g["number"] in got and norm(got[g["number"]]["text"]) == norm(g["text"])
                and got[g["number"]]["page"] == g["page"])
    invented = len(set(got) - {g["number"] for g in gold["paragraphs"]})

    help_cmd = [sys.executable, "-m", "lspkit.cli", "--help"]
    base_cmd = [sys.executable, "-c", "import click, rich"]
    h_runs, b_runs = [], []
    for _ in range(max(repeats, 15)):  # interleaved, so a burst of load elsewhere hits both alike
        h_runs.append(measure(help_cmd)[0])
        b_runs.append(measure(base_cmd)[0])
    h_wall, b_wall = min(h_runs), min(b_runs)

    print(f"file: {pdf} ({n} pages, {pdf.stat().st_size / 1e6:.1f} MB), best of {repeats}")
    print(f"{'':24}{'wall s':>9}{'pages/s':>9}{'CPU s':>9}{'pages/s':>9}")
    print(f"{'lspkit extract':24}{l_wall:9.2f}{n / l_wall:9.0f}{l_cpu:9.2f}{n / l_cpu:9.0f}")
    print(f"{'pdftotext':24}{p_wall:9.2f}{n / p_wall:9.0f}{p_cpu:9.2f}{n / p_cpu:9.0f}")
    print(f"ratio lspkit/pdftotext: wall {l_wall / p_wall:.1f}x, CPU {l_cpu / p_cpu:.1f}x  (bar: 10x)")
    print(f"CPU of the lspkit process alone (its page-reading workers not counted): {l_self:.2f} s, "
          f"{l_self / p_cpu:.1f}x pdftotext's CPU (the wall-time ratio on an idle machine with a core per process)")
    print(f"peak memory of lspkit extract: {l_rss / 1024:.0f} MB  (bar: 300 MB)")
    print(f"paragraphs: {found}/{len(gold['paragraphs'])} found, {exact} with exact text and page, {invented} invented")
    print(f"start-up: lspkit --help {h_wall * 1000:.0f} ms, import click+rich {b_wall * 1000:.0f} ms, "
          f"ratio {h_wall / b_wall:.2f}x  (bar: 1.5x)")


if __name__ == "__main__":
    main()
