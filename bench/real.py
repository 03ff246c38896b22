"""Paragraphs found / whole / numbers right on the real corpus: lspkit against a pdftotext + regex script, one run.

    python bench/real.py                 # table by publisher and producer, then totals
    python bench/real.py --json out.json # also the per-document figures
    python bench/real.py --misses        # the gold paragraphs lspkit did not find
    python bench/real.py --ocr off NAMES # lspkit without OCR of scanned pages (or --ocr force: OCR over a text layer)

Gold paragraphs whose label is not in the PDF's text layer (`label_in_text_layer: false`) are counted apart.
Documents whose PDF is absent (not committed for its licence; see data/real/restore.py) are listed as skipped.
"""
from __future__ import annotations

import argparse
import json
import sys
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from realscore import Score, baseline_paragraphs, load_golds, lspkit_paragraphs, score  # noqa: E402


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--json", metavar="PATH")
    ap.add_argument("--misses", action="store_true")
    ap.add_argument("--write-floors", action="store_true", help="raise data/real/floors.json to today's lspkit figures")
    ap.add_argument("--ocr", choices=["auto", "force", "off"], default="auto",
                    help="lspkit's OCR of scanned pages (force: also those with an OCR text layer)")
    ap.add_argument("names", nargs="*")
    args = ap.parse_args()
    rows, skipped = [], []
    totals = {"lspkit": Score(), "baseline": Score()}
    groups: dict[tuple[str, str], dict[str, Score]] = defaultdict(lambda: {"lspkit": Score(), "baseline": Score()})
    for gold in load_golds(args.names or None):
        if not gold.paragraphs:
            continue
        if not gold.pdf.exists():
            skipped.append(gold.name)
            continue
        try:
            mine = score(gold, lspkit_paragraphs(gold.pdf, **({"ocr": args.ocr} if args.ocr != "auto" else {})))
        except Exception as exc:  # a crash scores nothing found
            print(f"{gold.name}: lspkit failed: {exc}", file=sys.stderr)
            mine = score(gold, [])
        base = score(gold, baseline_paragraphs(gold.pdf))
        key = (gold.data.get("publisher", "?")[:40], (gold.data.get("producer") or "?").split("(")[0].strip()[:28])
        for name, s in (("lspkit", mine), ("baseline", base)):
            totals[name].add(s)
            groups[key][name].add(s)
        rows.append({"doc": gold.name, "publisher": key[0], "producer": key[1], "lspkit": mine.row(), "baseline": base.row()})
        if args.misses and mine.misses:
            print(f"# {gold.name}: missed {len(mine.misses)}", file=sys.stderr)
            for m in mine.misses[:12]:
                print(f"   {m}", file=sys.stderr)
    print(f"{'publisher':40} {'producer':28} {'gold':>5}  lspkit found/whole/num/prec   baseline found/whole/num/prec")
    for (pub, prod), d in sorted(groups.items()):
        a, b = d["lspkit"].row(), d["baseline"].row()
        print(f"{pub:40} {prod:28} {a['gold']:5}  {a['found']:.2f} {a['whole']:.2f} {a['numbers']:.2f} {a['precision']:.2f}"
              f"        {b['found']:.2f} {b['whole']:.2f} {b['numbers']:.2f} {b['precision']:.2f}")
    a, b = totals["lspkit"].row(), totals["baseline"].row()
    print(f"{'ALL (' + str(len(rows)) + ' documents)':69} {a['gold']:5}  {a['found']:.2f} {a['whole']:.2f} {a['numbers']:.2f} {a['precision']:.2f}"
          f"        {b['found']:.2f} {b['whole']:.2f} {b['numbers']:.2f} {b['precision']:.2f}")
    hidden = totals["lspkit"].hidden
    if hidden:
        print(f"not scored: {hidden} gold paragraphs whose label the PDF draws outside its text layer "
              f"(label_in_text_layer: false; lspkit found the start of {totals['lspkit'].hidden_found}, "
              f"the baseline of {totals['baseline'].hidden_found})")
    if skipped:
        print(f"skipped (PDF absent): {', '.join(skipped)}")
    if args.write_floors:
        path = Path(__file__).resolve().parent.parent / "data" / "real" / "floors.json"
        floors = json.loads(path.read_text()) if path.exists() else {}
        for r in rows:
            old = floors.get(r["doc"], {})
            floors[r["doc"]] = {k: max(r["lspkit"][k], old.get(k, 0.0)) for k in ("found", "whole", "numbers", "precision")}
        path.write_text(json.dumps(dict(sorted(floors.items())), indent=1) + "\n")
    if args.json:
        Path(args.json).write_text(json.dumps({"documents": rows, "lspkit": a, "baseline": b}, indent=1))


if __name__ == "__main__":
    main()
