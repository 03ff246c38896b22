"""One title per paper: `extract`'s metadata title and the summary's title, each scored against the gold's.

    python bench/title_agree.py [--json out.json] [names...]

For every gold in data/real/gold whose PDF is present: the title `lspkit extract` reports (the Document's
`metadata.title`, through the pipeline as the command reads it, no cache) and the one `lspkit summarise`
reports, each judged right or wrong against the gold's "title" the way bench/summary_real.py judges titles
(`title_right`), and whether the two agree.  Extract keeps a title block's subtitle apart (`subtitle`), which
the summary joins on ("Title: Subtitle"): extract's title is scored alone, and as right either alone or with
its subtitle joined on; "agree with subtitle" counts the papers where the summary's title is extract's, or
extract's with its subtitle.  "stable": the summary of the Document extract gives names the paper as the title
chosen on the segmenter's own Document (only where lspkit.pipeline.titled exists).  Prints one line per paper where either is wrong or they differ,
then the totals.
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from summary_real import front_page_of, title_right  # noqa: E402

REAL = ROOT / "data" / "real"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--json", metavar="PATH")
    ap.add_argument("names", nargs="*")
    args = ap.parse_args()
    from lspkit import api, pipeline
    from lspkit.analyse.summary import summarise
    from lspkit.analyse.title import _with_subtitle

    rows = []
    for path in sorted((REAL / "gold").glob("*.gold.json")):
        stem = path.name[: -len(".gold.json")]
        if args.names and stem not in args.names:
            continue
        gold = json.loads(path.read_text(encoding="utf-8"))
        pdf = REAL / gold.get("file", stem + ".pdf")
        if not pdf.exists() or not gold.get("title"):
            continue
        document = api.extract(str(pdf))
        extracted = document.metadata.get("title") or ""
        subtitle = document.metadata.get("subtitle")
        # what extract shows: its title and, apart, its subtitle (the summary joins them "Title: Subtitle")
        with_subtitle = _with_subtitle(extracted, subtitle) if extracted and isinstance(subtitle, str) else extracted
        summarised = summarise(document).metadata.get("title") or ""
        chosen = summarised
        if hasattr(pipeline, "titled"):  # the title chosen on the segmenter's own Document, before it is applied
            from lspkit.analyse.title import find_title
            from lspkit.read import read_lines
            from lspkit.segment import segment

            chosen = find_title(segment(read_lines(str(pdf)))) or ""
        page1 = front_page_of(pdf)
        rows.append({"doc": stem, "gold": gold["title"], "extract": extracted, "summary": summarised,
                     "extract_right": bool(extracted) and title_right(extracted, gold["title"], page1),
                     "extract_with_subtitle_right": bool(extracted) and (title_right(extracted, gold["title"], page1)
                                                                         or title_right(with_subtitle, gold["title"], page1)),
                     "summary_right": bool(summarised) and title_right(summarised, gold["title"], page1),
                     "stable": chosen == summarised})
    for r in rows:
        if not (r["extract_right"] and r["summary_right"] and r["extract"] == r["summary"] and r["stable"]):
            print(f"{r['doc'][:50]:50} extract {'ok ' if r['extract_right'] else 'BAD'} {r['extract'][:60]!r}\n"
                  f"{'':50} summary {'ok ' if r['summary_right'] else 'BAD'} {r['summary'][:60]!r}\n"
                  f"{'':50} gold        {r['gold'][:60]!r}" + ("" if r["stable"] else "  (summary differs from the choice)"))
    totals = {"papers": len(rows), "extract_right": sum(r["extract_right"] for r in rows),
              "extract_with_subtitle_right": sum(r.get("extract_with_subtitle_right", False) for r in rows),
              "summary_right": sum(r["summary_right"] for r in rows),
              "agree": sum(r["extract"] == r["summary"] for r in rows),
              "agree_with_subtitle": sum(r["extract"] == r["summary"] or r["summary"].startswith(r["extract"] + ": ")
                                         for r in rows if r["extract"]),
              "stable": sum(r["stable"] for r in rows)}
    print(json.dumps(totals))
    if args.json:
        Path(args.json).write_text(json.dumps({"totals": totals, "rows": rows}, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
