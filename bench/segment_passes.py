"""CPU time of `segment` per paper, pass by pass, with the lspkit on PYTHONPATH (so two trees compare in one shell
loop, run alternately).

Each PDF is read once; then the papers are segmented `--repeats` times over and the run with the least CPU time
in all is kept.  Each top-level pass of `lspkit.segment.driver.segment` is timed by wrapping the name the driver
calls it by (one timer call per pass and paper: nothing per line), so the passes' times add up to about the
total.  A pass a tree does not have reads 0.

    PYTHONPATH=/tmp/base python bench/segment_passes.py data/real/*.pdf --json /tmp/base.json
    PYTHONPATH=. python bench/segment_passes.py data/real/*.pdf --json /tmp/this.json
    python bench/segment_passes.py --compare /tmp/base.json /tmp/this.json
"""
from __future__ import annotations

import argparse
import gc
import json
import sys
import time

PASSES = """table_rows find_furniture working_lines strip_margin_markers word_numbered_labels item_id_labels
lift_side_notes lift_votes repair_accents repair_ligatures body_size drop_contents lift_footnotes data_tables
lift_table_lines join_list_columns amount_tables adoption_lines vocabulary hyphenates Body register_titles Clauses
OutlineItems amendments register_records cover_recommendations lone_lead_items _diagram_pages _chapter_series
agenda_items _read_body attach strip_reference_markers unplaced_margin_notes front_tables unique_ids
reading_metadata sequence_warnings""".split()


def measure(paths: list[str], repeats: int) -> dict:
    import lspkit.segment.driver as driver
    from lspkit.read import read_lines

    spent: dict[str, float] = {}

    def timed(name, fn):
        def run(*args, **kwargs):
            t = time.process_time()
            try:
                return fn(*args, **kwargs)
            finally:
                spent[name] = spent.get(name, 0.0) + time.process_time() - t
        return run

    for name in PASSES:
        if hasattr(driver, name):
            setattr(driver, name, timed(name, getattr(driver, name)))
    readings = []
    for path in paths:
        try:
            readings.append(read_lines(path))
        except Exception as exc:  # noqa: BLE001 - a paper lspkit refuses is left out, and said so
            print(f"{path}: left out ({exc})", file=sys.stderr)
    best: dict = {}
    for _ in range(repeats):
        spent.clear()
        gc.collect()
        t = time.process_time()
        for reading in readings:
            driver.segment(reading)
        total = time.process_time() - t
        if not best or total < best["TOTAL"]:
            best = {**spent, "TOTAL": total}
    return {"papers": len(readings), "seconds": best}


def show(result: dict) -> None:
    n = result["papers"] or 1
    for name, s in sorted(result["seconds"].items(), key=lambda kv: -kv[1]):
        print(f"{name:28}{s * 1000 / n:9.2f} ms a paper")


def compare(a: dict, b: dict) -> None:
    na, nb = a["papers"] or 1, b["papers"] or 1
    sa, sb = a["seconds"], b["seconds"]
    print(f"{'':28}{'first':>9}{'second':>9}{'diff':>9}  (ms a paper)")
    for name in sorted(set(sa) | set(sb), key=lambda k: -abs(sb.get(k, 0) / nb - sa.get(k, 0) / na)):
        x, y = sa.get(name, 0.0) * 1000 / na, sb.get(name, 0.0) * 1000 / nb
        if max(x, y) >= 0.005:
            print(f"{name:28}{x:9.2f}{y:9.2f}{y - x:+9.2f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("pdfs", nargs="*", help="papers to segment")
    parser.add_argument("--repeats", type=int, default=3, help="runs over all the papers; the least CPU is kept")
    parser.add_argument("--json", metavar="OUT", help="also write the figures to OUT")
    parser.add_argument("--compare", nargs=2, metavar=("A", "B"), help="compare two --json outputs")
    args = parser.parse_args()
    if args.compare:
        a, b = (json.load(open(p)) for p in args.compare)
        compare(a, b)
        return
    if not args.pdfs:
        parser.error("give the papers to segment (or --compare A B)")
    result = measure(args.pdfs, args.repeats)
    show(result)
    if args.json:
        with open(args.json, "w") as f:
            json.dump(result, f)


if __name__ == "__main__":
    main()
