"""Fixture by fixture: every numbered paragraph found, none invented, right number, kind, page, section and text.

Parametrised over data/*.gold.json so a new fixture is tested as soon as it lands.
Each PDF is extracted once per module.
"""
from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from lspkit.api import extract

DATA = Path(__file__).resolve().parent.parent / "data"


def _extraction_golds() -> list[Path]:
    """Gold files describing an extraction (other helpers keep diff and summary golds here too)."""
    out = []
    for p in sorted(DATA.glob("*.gold.json")) if DATA.exists() else []:
        try:
            g = json.loads(p.read_text(encoding="utf-8"))
        except ValueError:
            continue
        if isinstance(g, dict) and "file" in g and "paragraphs" in g and (DATA / g["file"]).exists():
            out.append(p)
    return out


GOLDS = _extraction_golds()


def norm(text: str) -> str:
    return re.sub(r"\s+", " ", text or "").strip()


_cache: dict[str, tuple] = {}


def load(gold_path: Path):
    key = str(gold_path)
    if key not in _cache:
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        _cache[key] = (gold, extract(str(DATA / gold["file"])))
    return _cache[key]


ids = [p.name.replace(".gold.json", "") for p in GOLDS]


@pytest.mark.parametrize("gold_path", GOLDS, ids=ids)
def test_every_numbered_paragraph_found_and_none_invented(gold_path):
    gold, doc = load(gold_path)
    assert [p.number for p in doc.paragraphs] == [p["number"] for p in gold["paragraphs"]]


@pytest.mark.parametrize("gold_path", GOLDS, ids=ids)
def test_kind_page_section_heading(gold_path):
    gold, doc = load(gold_path)
    got = {p.number: p for p in doc.paragraphs}
    wrong = []
    for g in gold["paragraphs"]:
        p = got.get(g["number"])
        if p is None:
            continue
        for field in ("kind", "page", "section", "heading"):
            if field not in g:
                continue
            value = getattr(p, field)
            value = getattr(value, "value", value)
            if value != g[field]:
                wrong.append((g["number"], field, value, g[field]))
    assert not wrong


@pytest.mark.parametrize("gold_path", GOLDS, ids=ids)
def test_text_equals_gold(gold_path):
    gold, doc = load(gold_path)
    got = {p.number: p for p in doc.paragraphs}
    wrong = [g["number"] for g in gold["paragraphs"] if g["number"] in got and norm(got[g["number"]].text) != norm(g["text"])]
    assert not wrong, [(n, norm(got[n].text)) for n in wrong[:3]]


@pytest.mark.parametrize("gold_path", GOLDS, ids=ids)
def test_parts_are_the_bullets_and_lettered_items(gold_path):
    gold, doc = load(gold_path)
    got = {p.number: p for p in doc.paragraphs}
    for g in gold["paragraphs"]:
        if "parts" in g and g["number"] in got:
            assert [norm(x) for x in got[g["number"]].parts] == [norm(x) for x in g["parts"]], g["number"]


@pytest.mark.parametrize("gold_path", GOLDS, ids=ids)
def test_sections_found(gold_path):
    gold, doc = load(gold_path)
    if "sections" not in gold:
        pytest.skip("gold lists no sections")
    assert [(s.number, norm(s.heading), s.page) for s in doc.sections] == [
        (s["number"], norm(s["heading"]), s["page"]) for s in gold["sections"]
    ]


@pytest.mark.parametrize("gold_path", GOLDS, ids=ids)
def test_tables_and_notes_kept_out_of_text_and_attached(gold_path):
    gold, doc = load(gold_path)
    got = {p.number: p for p in doc.paragraphs}
    for t in gold.get("tables", []):
        p = got[t["after"]]
        assert [list(r) for tb in p.tables for r in tb.rows] == t["rows"]
        for row in t["rows"]:
            assert norm(" ".join(row)) not in norm(" ".join(x.text for x in doc.paragraphs))
    for n in gold.get("notes", []):
        assert any(x.label == n["label"] and norm(x.text) == norm(n["text"]) and x.page == n["page"] for x in doc.notes)
        p = got[n["after"]]
        assert any(x.label == n["label"] for x in p.notes)
        assert norm(n["text"]) not in norm(" ".join(x.text for x in doc.paragraphs))


@pytest.mark.parametrize("gold_path", GOLDS, ids=ids)
def test_front_and_back_matter_are_metadata_not_paragraphs(gold_path):
    gold, doc = load(gold_path)
    meta = gold.get("metadata", {})
    for key in ("title", "contact", "background_papers"):
        if key in meta:
            assert norm(doc.metadata.get(key)) == norm(meta[key]), key
    body = norm(" ".join(p.text for p in doc.paragraphs))
    for key in ("contact", "background_papers"):
        if key in meta:
            assert norm(meta[key]) not in body
    if gold.get("annex_questions"):
        annex = doc.metadata.get("annex_questions", [])
        assert [(q["number"], norm(q["text"])) for q in annex] == [
            (q["number"], norm(q["text"])) for q in gold["annex_questions"]
        ]


@pytest.mark.parametrize("gold_path", GOLDS, ids=ids)
def test_running_headers_and_page_numbers_dropped(gold_path):
    gold, doc = load(gold_path)
    if gold.get("pages", 1) < 2:
        pytest.skip("one page: nothing repeats")
    assert doc.dropped, "a multi-page fixture has running furniture to drop"
    body = " ".join(p.text for p in doc.paragraphs)
    for d in doc.dropped:
        if d.reason in ("header", "footer"):
            assert d.text not in body
    assert not re.search(r"\bPage \d+ of \d+\b", body)


def test_plain_text_gives_the_same_paragraphs_as_the_pdf():
    """The shared report text, AS IS with its markdown artefacts, against its PDF fixture."""
    shared = Path("/work/shared/inputs/head-of-policy-report.txt")
    text_path = shared if shared.exists() else DATA / "head-of-policy-report.txt"
    pdf_path = DATA / "head-of-policy-report.pdf"
    if not pdf_path.exists() or not text_path.exists():
        pytest.skip("Head of Policy fixture not built")
    from_text = extract(str(text_path))
    from_pdf = extract(str(pdf_path))
    assert [p.number for p in from_text.paragraphs] == [p.number for p in from_pdf.paragraphs]
    assert [norm(p.text) for p in from_text.paragraphs] == [norm(p.text) for p in from_pdf.paragraphs]
    assert [(s.number, s.heading) for s in from_text.sections] == [(s.number, s.heading) for s in from_pdf.sections]
    assert from_text.metadata.get("contact") == from_pdf.metadata.get("contact")
