"""Benchmark inputs made on demand, with the fixtures' own layout engine.

    from bench.corpus import long_report, paper_set, paragraphs_text
    long_report("/tmp/long.pdf", pages=400)        # one council-style report
    paper_set("/tmp/papers", n=200, pages=10)      # many different ~10-page papers
    paragraphs_text(1000, seed=0)                  # paragraph strings for NLP benches

Why generated and not committed: a 400-page PDF is large and says nothing a
generator cannot say again; the text comes from a seeded generator, so the
same arguments give the same files (reportlab writes with invariant=1).
Each function returns the gold record of what it laid out (numbers, pages,
texts) so a bench can also check that the fast path stayed correct.
"""
from __future__ import annotations

import importlib.util
import random
import sys
from pathlib import Path

_MF_PATH = Path(__file__).resolve().parents[1] / "data" / "make_fixtures.py"
_MODULE = "lspkit_make_fixtures"


def _mf():
    """data/make_fixtures.py as a module (data/ is not a package)."""
    if _MODULE not in sys.modules:
        spec = importlib.util.spec_from_file_location(_MODULE, _MF_PATH)
        module = importlib.util.module_from_spec(spec)
        sys.modules[_MODULE] = module
        spec.loader.exec_module(module)
    return sys.modules[_MODULE]


# ------------------------------------------------------------------- text generator

SUBJECTS = [
    "The partnership", "The Council", "Each partner", "The executive board", "The thematic partnerships",
    "The primary care trust", "The police authority", "The voluntary and community sector",
    "The Local Strategic Partnership (LSP)", "The county council", "Every responsible authority",
    "The Overview and Scrutiny Panel", "The business forum", "The housing associations",
    "Parish and town councils", "The Government Office for the region",
]
VERBS = [
    "should agree", "will review", "is expected to publish", "has been asked to consider", "will take the lead on",
    "should set out", "may wish to strengthen", "will monitor", "is responsible for", "should commission",
    "will report annually on", "has agreed to fund", "should be consulted on", "will work with partners on",
]
OBJECTS = [
    "a single action plan for the area", "the Local Area Agreement (LAA) outcomes",
    "the Sustainable Community Strategy (SCS)", "the arrangements for performance management",
    "a protocol for sharing information", "the priorities identified by neighbourhood panels",
    "the budget for community safety", "the skills needed to commission services",
    "the statement of community involvement", "the delivery of affordable housing",
    "a programme of training for board members", "the targets for reducing carbon emissions",
    "the duty to co-operate", "the accountability of partners to local people",
    "the links with regional and sub-regional strategies", "services for children and young people",
    "the well-being of older people", "the town centre regeneration scheme",
]
QUALIFIERS = [
    "by the end of the financial year", "in consultation with parish councils", "within existing resources",
    "subject to the approval of Cabinet", "as a matter of priority", "over the next three years",
    "in line with the Government's guidance", "where local circumstances allow",
    "so that residents can see what has been achieved", "without creating a new layer of bureaucracy",
    "taking account of the views expressed during the consultation", "",
]
HEADINGS = [
    "INTRODUCTION", "BACKGROUND", "GOVERNANCE", "ACCOUNTABILITY", "CAPACITY", "PERFORMANCE MANAGEMENT",
    "FINANCIAL IMPLICATIONS", "COMMUNITY ENGAGEMENT", "HOUSING", "TRANSPORT", "COMMUNITY SAFETY",
    "HEALTH AND WELL-BEING", "ECONOMIC DEVELOPMENT", "ENVIRONMENT", "RISKS", "CONCLUSIONS",
]


def _sentence(rng: random.Random, numbers: list[str]) -> str:
    s = f"{rng.choice(SUBJECTS)} {rng.choice(VERBS)} {rng.choice(OBJECTS)}"
    q = rng.choice(QUALIFIERS)
    if q:
        s += " " + q
    if numbers and rng.random() < 0.12:
        s += f", as set out in paragraph {rng.choice(numbers)}"
    return s + "."


def _paragraph(rng: random.Random, numbers: list[str], lo: int = 2, hi: int = 6) -> str:
    return " ".join(_sentence(rng, numbers) for _ in range(rng.randint(lo, hi)))


def paragraphs_text(n: int, seed: int = 0) -> list[str]:
    """n paragraph strings (2 to 6 sentences, acronyms, cross-references, hyphenated compounds)."""
    rng = random.Random(seed)
    numbers = [f"{rng.randint(1, 9)}.{rng.randint(1, 12)}" for _ in range(50)]
    return [_paragraph(rng, numbers) for _ in range(n)]


# -------------------------------------------------------------------------- PDFs

def _report_style(mf, title: str):
    from reportlab.pdfbase.pdfmetrics import stringWidth

    def header(page: int, pages: int) -> list:
        r, _, _ = mf.family("sans")
        return [("text", 72, mf.A4[1] - 42, r, 8.5, title)]

    def footer(page: int, pages: int) -> list:
        r, _, _ = mf.family("sans")
        t = f"Page {page} of {pages}"
        return [("text", (mf.A4[0] - stringWidth(t, r, 9)) / 2, 36, r, 9, t)]

    return mf.Style(fonts="sans", size=11, leading=14.2, para_gap=9, num_x=72, text_x=120, heading_x=72,
                    heading_text_x=120, part_indent=18, top=70, bottom=70, header=header, footer=footer)


def _generate(path: Path, pages: int, rng: random.Random, title: str) -> dict:
    """Lay out sections of numbered paragraphs until the page count is reached."""
    mf = _mf()
    lay = mf.Layout(_report_style(mf, title))
    lay.text_op(0, title.upper(), lay.bold, 13, align="center", gap=22)
    lay.y -= 8
    paragraphs: list[dict] = []
    numbers: list[str] = []
    section = 0
    while True:
        section += 1
        heading = rng.choice(HEADINGS)
        lay.heading(str(section), heading)
        for k in range(1, rng.randint(4, 12) + 1):
            number = f"{section}.{k}"
            para = mf.Para(number, _paragraph(rng, numbers))
            if rng.random() < 0.15:
                glyph = rng.choice(["•", "–", "▪"])
                para.parts = [mf.Part(glyph, _sentence(rng, numbers)[:-1] + ";") for _ in range(rng.randint(2, 4))]
            lay.paragraph(para)
            rec = lay.placed[number]
            paragraphs.append({"number": number, "kind": "paragraph", "section": str(section), "heading": heading,
                               "page": rec["page"], "page_end": rec["page_end"], "text": mf.para_text(para)})
            numbers.append(number)
            if lay.page >= pages and lay.y < 200:
                break
        if lay.page >= pages and lay.y < 200:
            break
    total = lay.render(Path(path), {"title": title, "author": "lspkit bench"})
    return {"file": Path(path).name, "pages": total, "title": title, "sections": lay.sections,
            "paragraphs": paragraphs}


def long_report(path, pages: int = 400, seed: int = 0) -> dict:
    """A council-style report of about `pages` pages: numbered sections and paragraphs,
    bullets, a running header and a "Page N of M" footer."""
    rng = random.Random(seed)
    return _generate(Path(path), pages, rng, "Local Strategic Partnership: Annual Review and Delivery Plan")


def paper_set(directory, n: int = 200, pages: int = 10, seed: int = 0) -> list[dict]:
    """n different papers of about `pages` pages each, named paper-0000.pdf ... in `directory`."""
    out = Path(directory)
    out.mkdir(parents=True, exist_ok=True)
    rng = random.Random(seed)
    golds = []
    for i in range(n):
        title = f"{rng.choice(HEADINGS).title()} Strategy: Report {i + 1}"
        golds.append(_generate(out / f"paper-{i:04d}.pdf", pages, random.Random(rng.random()), title))
    return golds


if __name__ == "__main__":
    import time

    t = time.perf_counter()
    g = long_report(sys.argv[1] if len(sys.argv) > 1 else "/tmp/lspkit-long.pdf",
                    pages=int(sys.argv[2]) if len(sys.argv) > 2 else 400)
    print(f"{g['pages']} pages, {len(g['paragraphs'])} paragraphs in {time.perf_counter() - t:.1f}s",
          file=sys.stderr)
