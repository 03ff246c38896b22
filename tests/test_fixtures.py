"""The fixtures' gold files agree with their PDFs and with each other.

Cheap consistency checks only; how well the extractor matches the gold is
tested by the extractor's own tests.
"""
from __future__ import annotations

import importlib.util
import json
import re
import sys
from pathlib import Path

import pytest

DATA = Path(__file__).resolve().parents[1] / "data"
PDFS = sorted(DATA.glob("*.pdf"))
GOLDS = [pdf.with_name(pdf.stem + ".gold.json") for pdf in PDFS]
NUMBER = re.compile(r"^(Q\d+|[A-Z]?\.?\d+(\.\d+)*|[A-Z]\.\d+)$")


def load_make_fixtures():
    name = "lspkit_make_fixtures"
    if name not in sys.modules:
        spec = importlib.util.spec_from_file_location(name, DATA / "make_fixtures.py")
        module = importlib.util.module_from_spec(spec)
        sys.modules[name] = module
        spec.loader.exec_module(module)
    return sys.modules[name]


def page_count(pdf: Path) -> int:
    import pypdfium2 as pdfium

    doc = pdfium.PdfDocument(str(pdf))
    try:
        return len(doc)
    finally:
        doc.close()


@pytest.fixture(scope="module")
def golds() -> dict[str, dict]:
    return {p.name: json.loads(p.read_text(encoding="utf-8")) for p in GOLDS}


def test_every_pdf_fixture_has_a_gold():
    assert PDFS, "no fixtures in data/"
    for pdf, gold in zip(PDFS, GOLDS):
        assert gold.exists(), f"{pdf.name} has no {gold.name}"
        assert json.loads(gold.read_text(encoding="utf-8"))["file"] == pdf.name


@pytest.mark.parametrize("gold_path", GOLDS, ids=lambda p: p.name)
def test_gold_is_consistent_with_its_pdf(gold_path: Path):
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    pdf = DATA / gold["file"]
    pages = page_count(pdf)
    assert gold["pages"] == pages
    numbers = [p["number"] for p in gold["paragraphs"]]
    assert numbers and len(numbers) == len(set(numbers)), "paragraph numbers must be unique"
    last_page = 1
    for p in gold["paragraphs"]:
        assert NUMBER.match(p["number"]) and not p["number"].endswith("."), p["number"]
        assert p["kind"] in ("paragraph", "question")
        assert (p["kind"] == "question") == p["number"].startswith("Q")
        assert p["text"].strip() and p["text"] == " ".join(p["text"].split())
        assert "\u00ad" not in p["text"] and "\ufb01" not in p["text"] and "\ufb02" not in p["text"]
        assert 1 <= p["page"] <= p["page_end"] <= pages
        assert p["page"] >= last_page, "paragraphs are in reading order"
        last_page = p["page"]
        at = 0
        for part in p["parts"]:
            found = p["text"].find(part, at)
            assert found >= 0, (p["number"], part)
            at = found + len(part)
    for s in gold["sections"]:
        assert 1 <= s["page"] <= pages and s["heading"].strip()
    for t in gold["tables"]:
        assert t["after"] in numbers and t["rows"]
    for n in gold["notes"]:
        assert n["after"] in numbers and n["text"].strip()
        assert n["text"] not in " ".join(p["text"] for p in gold["paragraphs"])
    for q in gold.get("annex_questions", []):
        body = next(p for p in gold["paragraphs"] if p["number"] == q["number"])
        assert body["text"] == q["text"] and q["page"] >= body["page"]


def test_diff_gold_covers_every_paragraph_once(golds):
    diff = json.loads((DATA / "consultation-diff.gold.json").read_text(encoding="utf-8"))
    old = [p["number"] for p in golds["consultation-v1.gold.json"]["paragraphs"]]
    new = [p["number"] for p in golds["consultation-v2.gold.json"]["paragraphs"]]
    ops = {"unchanged", "renumbered", "modified", "moved", "added", "deleted", "split", "merged"}
    assert all(c["op"] in ops for c in diff["changes"])
    assert sorted(n for c in diff["changes"] for n in c["old"]) == sorted(old)
    assert sorted(n for c in diff["changes"] for n in c["new"]) == sorted(new)
    assert {c["op"] for c in diff["changes"]} == ops, "the pair exercises every operation"
    assert diff["headings"]
    v1 = {p["number"]: p["text"] for p in golds["consultation-v1.gold.json"]["paragraphs"]}
    v2 = {p["number"]: p["text"] for p in golds["consultation-v2.gold.json"]["paragraphs"]}
    for c in diff["changes"]:
        if c["op"] in ("unchanged", "renumbered", "moved"):
            assert v1[c["old"][0]] == v2[c["new"][0]]
        if c["op"] == "modified":
            assert v1[c["old"][0]] != v2[c["new"][0]]


def test_against_mapping_names_real_paragraphs(golds):
    against = json.loads((DATA / "against.intended.json").read_text(encoding="utf-8"))
    report = {p["number"] for p in golds["head-of-policy-report.gold.json"]["paragraphs"]}
    paper = {p["number"] for p in golds["consultation-v1.gold.json"]["paragraphs"]}
    links = {k: v for k, v in against.items() if k not in ("uncovered", "report_without_source")}
    assert set(links) <= report
    used = {n for v in links.values() for n in v}
    assert used <= paper and 1 <= min(map(len, links.values())) and max(map(len, links.values())) <= 3
    assert set(against["uncovered"]) == paper - used


def test_text_sample_has_the_same_paragraphs(golds):
    text = (DATA / "head-of-policy-report.txt").read_text(encoding="utf-8")
    found = re.findall(r"(?m)^(\d+\.\d+) ", text)
    assert found == [p["number"] for p in golds["head-of-policy-report.gold.json"]["paragraphs"]]


def test_make_fixtures_is_importable_without_side_effects():
    mf = load_make_fixtures()
    assert callable(mf.main) and set(mf.FIXTURES) >= {"hop", "v1", "v2", "chromium", "trailing"}


def test_reportlab_fixtures_regenerate_to_the_committed_gold(tmp_path, monkeypatch):
    """The committed gold is what the script makes from the committed sources."""
    fonts = ["liberation/LiberationSans-Regular.ttf", "liberation/LiberationSerif-Regular.ttf", "dejavu/DejaVuSans.ttf"]
    missing = [f for f in fonts if not (Path("/usr/share/fonts/truetype") / f).exists()]
    if missing:
        pytest.skip(f"fonts the fixtures were made with are missing ({', '.join(missing)}): "
                    "install fonts-liberation and fonts-dejavu-core")
    mf = load_make_fixtures()
    monkeypatch.setattr(mf, "HERE", tmp_path)
    for name in ("hop", "v1", "v2", "trailing"):
        mf.FIXTURES[name]()
    for name in ("head-of-policy-report.gold.json", "consultation-v1.gold.json", "consultation-v2.gold.json",
                 "consultation-diff.gold.json", "trailing-dot-report.gold.json", "against.intended.json"):
        assert json.loads((tmp_path / name).read_text(encoding="utf-8")) == \
            json.loads((DATA / name).read_text(encoding="utf-8")), name
