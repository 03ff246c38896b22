"""Time and peak memory of lspkit on hostile and broken inputs, against the budgets the tests used to assert.

The tests (tests/test_hostile_*.py, tests/test_bad_config.py, tests/regressions/) check what lspkit
does with these inputs: the exit status, the one-line message, the output, no traceback.  How long it
takes and how much memory it needs is measured here, where a busy machine cannot fail the suite:

    python bench/bench_hostile.py            # every case once; exit 1 if any is over its budget
    python bench/bench_hostile.py --only bomb,yaml

Each row: the case, the exit status, wall seconds, peak RSS of the lspkit process (of the batch and
its workers for the batch row), and the budget.  The first row, `lspkit --version`, is the start-up
every row includes: the baseline of the same run.
"""
from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))
sys.path.insert(0, str(ROOT))

from hostile_util import BAD, load_corpus, lspkit  # noqa: E402  (the tests' bounded runner: same measurement)

REGRESSIONS = ROOT / "tests" / "regressions" / "inputs"
REAL = ROOT / "data" / "real"


def cases(work: Path):
    """(group, name, args, seconds budget, MB budget): the budgets are those the tests asserted before."""
    corpus = load_corpus()
    yield "baseline", "lspkit --version (start-up alone)", ["--version"], 10, 100
    refused = [
        "not_pdf_text.pdf", "not_pdf_html.pdf", "png_named.pdf", "empty.pdf", "empty.txt", "header_only.pdf",
        "truncated_10.pdf", "truncated_50.pdf", "truncated_90.pdf", "missing_xref.pdf", "encrypted_user.pdf",
        "image_only.pdf", "vector_only.pdf", "self_reference.pdf", "deep_page_tree.pdf", "broken_font.pdf",
        "type3_font.pdf", "binary_junk.txt", "nul_bytes.txt",
    ]
    for name in refused:
        yield "bad", name, ["extract", BAD / name], 30, 500
    readable = [
        "good.pdf", "corrupt_xref.pdf", "encrypted_owner_only.pdf", "cyclic_pages.pdf", "cyclic_resources.pdf",
        "deep_arrays.pdf", "image_bomb.pdf", "non_latin.pdf", "non_latin.txt", "invalid_utf8.txt", "long_page.pdf",
    ]
    for name in readable:
        yield "readable", name, ["extract", BAD / name], 30, 500
    yield "bomb", "bomb.pdf (4 GB inflated)", ["extract", BAD / "bomb.pdf"], 20, 200
    big = work / "huge.pdf"
    with open(big, "wb") as f:  # sparse: no disk space used
        f.write((BAD / "good.pdf").read_bytes())
        f.truncate(2**31 + 1024)
    yield "limits", "2 GB file refused", ["extract", big], 10, 200
    thousand = corpus.make_thousand_page_pdf(work / "thousand.pdf")
    yield "limits", "1,000 pages, --max-pages 200", ["extract", thousand, "--max-pages", "200"], 10, 500
    yield "limits", "1,000 pages read whole", ["extract", thousand], 30, 500
    yield "limits", "100,000-line text file", ["extract", corpus.make_huge_text(work / "huge.txt")], 30, 500
    for name in ["malformed.yaml", "python_tag.yaml", "billion_laughs.yaml", "deep_flow.yaml", "binary.yaml"]:
        yield "yaml", name, ["themes", "--themes", BAD / name], 10, 300
    yield "yaml", "50 MB taxonomy", ["themes", "--themes", corpus.make_big_yaml(work / "big.yaml")], 10, 300
    deep = work / "deep_flow_20000.yaml"
    deep.write_text("themes: " + "[" * 20000 + "]" * 20000 + "\n", encoding="utf-8")
    yield "yaml", "20,000 nested '['", ["themes", "--themes", deep], 10, 300
    for name, seconds, mb in [
        ("fuzz_text_a_billion_points_off_page.pdf", 10, 200), ("fuzz_absurd_stream_length.pdf", 20, 300),
        ("fuzz_nan_character_box.pdf", 20, 300), ("fuzz_page_without_mediabox.pdf", 20, 300),
        ("fuzz_page_tree_disagreement.pdf", 20, 300), ("fuzz_markdown_link_regex_hang.txt", 10, 300),
    ]:
        yield "fuzz", name, ["extract", REGRESSIONS / name], seconds, mb
    for name in ["hmrc_2015_research_report_361_risk_triggers.pdf", "us_copyright_office_1998_dmca_summary.pdf",
                 "us_federal_register_2020-17221_faa_proposed_ad.pdf"]:
        if (REAL / name).exists():
            yield "real", name, ["extract", REAL / name], 20, 400
    every_bad = [BAD / "good.pdf", *(BAD / n for n in refused if n != "encrypted_user.pdf"), BAD / "bomb.pdf",
                 BAD / "encrypted_user.pdf", BAD / "non_latin.txt"]
    yield "batch", "every bad input in one batch, -j 2", [
        "tag", *every_bad, "--no-cache", "-j", "2", "-f", "jsonl", "--timeout", "60", "-o", work / "batch.jsonl"], 240, 600


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", default="", help="comma-separated groups: bad,readable,bomb,limits,yaml,fuzz,real,batch")
    args = parser.parse_args()
    only = {g for g in args.only.split(",") if g}
    over = []
    with tempfile.TemporaryDirectory(prefix="lspkit-hostile-") as tmp:
        work = Path(tmp)
        print(f"{'group':9} {'case':44} {'exit':>4} {'seconds':>8} {'budget':>6} {'peak MB':>8} {'budget':>6}")
        for group, name, argv, max_s, max_mb in cases(work):
            if only and group not in only and group != "baseline":
                continue
            out = ["-o", work / "out.json"] if argv[0] == "extract" else []
            run = lspkit(*argv, *out, timeout=max_s * 4)
            flag = "" if run.seconds < max_s and run.maxrss_mb < max_mb else "  OVER"
            if flag:
                over.append(name)
            print(f"{group:9} {name[:44]:44} {run.status:>4} {run.seconds:8.2f} {max_s:>6} {run.maxrss_mb:8.0f} "
                  f"{max_mb:>6}{flag}")
            (work / "out.json").unlink(missing_ok=True)
    if over:
        raise SystemExit(f"over budget: {', '.join(over)}")


if __name__ == "__main__":
    main()
