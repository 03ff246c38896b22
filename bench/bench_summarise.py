"""How much `summarise` adds on top of `extract`, and how fast a cached repeat is.

    python bench/bench_summarise.py [--pages 100] [--repeat 3]

For the sample report and a generated report of about 100 pages
(bench/corpus.py `long_report`), prints in one run:
  extract      the extractor alone (lspkit.api.extract), in-process
  summarise    extract + tag + summary, in-process, cache off
  added        summarise - extract: what the summary costs on top of extraction
  cold CLI     `lspkit summarise FILE` in a fresh process with an empty cache
  cached CLI   the same command again (the rendered output is cached: no spaCy, no PDF library, no rich)
  other flags  a cached summary rendered with flags not used before (--theme T, --full, --format)
Times are the best of --repeat runs (wall clock).  The in-process runs share one
loaded spaCy pipeline, as a batch or a second call would; the CLI runs are what
an officer sees.
"""
from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))


def best(fn, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return min(times)


def cli_time(args: list[str], env: dict, repeat: int) -> float:
    def once():
        subprocess.run([sys.executable, "-m", "lspkit.cli", *args], check=True, env=env, cwd=str(ROOT),
                       stdout=subprocess.DEVNULL)

    return best(once, repeat)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--pages", type=int, default=100)
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()

    from lspkit.analyse.summary import summarise
    from lspkit.api import extract
    from lspkit.nlp.taxonomy import load_taxonomy

    with tempfile.TemporaryDirectory() as tmp:
        long_pdf = Path(tmp) / "long-report.pdf"
        try:
            from corpus import long_report

            long_report(long_pdf, pages=args.pages)
        except ImportError:
            sys.exit("bench/corpus.py (long_report) is missing")
        files = [("sample report", ROOT / "data" / "head-of-policy-report.pdf"), (f"{args.pages}-page report", long_pdf)]

        taxonomy = load_taxonomy()
        summarise(extract(str(files[0][1])), taxonomy=taxonomy)  # load spaCy and the pipeline once, outside the timings

        print(f"{'file':<18}{'paras':>6}{'extract':>10}{'summarise':>11}{'added':>9}{'cold CLI':>10}{'cached CLI':>12}"
              f"{'other flags':>13}")
        for label, path in files:
            document = extract(str(path))
            t_extract = best(lambda: extract(str(path)), args.repeat)
            t_summary = best(lambda: summarise(extract(str(path)), taxonomy=taxonomy), args.repeat)
            cache_dir = Path(tmp) / f"cache-{label.split()[0]}"
            # Bytecode as an installed package has it (this checkout may run with PYTHONDONTWRITEBYTECODE,
            # which recompiles every lspkit module on every run); the .pyc files go to a temporary prefix.
            env = {**os.environ, "LSPKIT_CACHE_DIR": str(cache_dir), "NO_COLOR": "1",
                   "PYTHONPYCACHEPREFIX": str(Path(tmp) / "pycache")}
            env.pop("PYTHONDONTWRITEBYTECODE", None)
            cmd = ["summarise", str(path)]

            def cold():
                subprocess.run(["rm", "-rf", str(cache_dir)], check=True)
                subprocess.run([sys.executable, "-m", "lspkit.cli", *cmd], check=True, env=env, cwd=str(ROOT),
                               stdout=subprocess.DEVNULL)

            t_cold = best(cold, 1)
            t_cached = cli_time(cmd, env, args.repeat)
            variants = iter([["--theme", "governance"], ["--full"], ["--theme", "capacity", "--full"],
                             ["--format", "markdown"], ["--theme", "role"], ["--format", "html"]])

            def other():
                subprocess.run([sys.executable, "-m", "lspkit.cli", *cmd, *next(variants)], check=True, env=env,
                               cwd=str(ROOT), stdout=subprocess.DEVNULL)

            t_other = best(other, min(args.repeat, 6))
            print(
                f"{label:<18}{len(document.paragraphs):>6}{t_extract:>9.2f}s{t_summary:>10.2f}s"
                f"{t_summary - t_extract:>8.2f}s{t_cold:>9.2f}s{t_cached:>11.2f}s{t_other:>12.2f}s"
            )
        t_python = best(lambda: subprocess.run([sys.executable, "-c", "pass"], check=True), args.repeat)
        print(f"(a bare `python -c pass` takes {t_python:.2f}s on this machine)")


if __name__ == "__main__":
    main()
