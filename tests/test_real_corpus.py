"""The real corpus (data/real/): gold written from the page, one test per document.

Each document's extraction is scored against its gold (bench/realscore.py: paragraphs found, whole, numbers
right, precision) and must not fall below the floor recorded in data/real/floors.json, so a change that loses
paragraphs on any real paper fails here; `python bench/real.py --write-floors` raises the floors after an
improvement (never lowers them). PDFs not committed for their licence skip with the reason; restore them
with `python data/real/restore.py`.
"""
from __future__ import annotations

import csv
import json
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))
from realscore import REAL, load_golds, paragraphs_of, score  # noqa: E402
from real_util import extracted  # noqa: E402

GOLDS = load_golds()
FLOORS = json.loads((REAL / "floors.json").read_text()) if (REAL / "floors.json").exists() else {}


def _sources() -> dict[str, dict]:
    with open(REAL / "SOURCES.tsv", encoding="utf-8", newline="") as f:
        return {row["file"]: row for row in csv.DictReader(f, delimiter="\t")}


def test_corpus_size_and_variety():
    sources = _sources()
    assert len(sources) >= 30
    assert len({row["publisher"] for row in sources.values()}) >= 6


@pytest.mark.parametrize("gold", GOLDS, ids=[g.name for g in GOLDS])
def test_gold_is_well_formed_and_sourced(gold):
    sources = _sources()
    assert gold.data["file"] in sources, "every gold names a PDF recorded in SOURCES.tsv"
    row = sources[gold.data["file"]]
    assert row["source_repo"] and row["commit"] and row["licence_note"] and row["publisher"]
    for p in gold.paragraphs:
        assert p.get("number") and isinstance(p.get("page"), int), p
        assert p.get("text") or p.get("first_words"), p


@pytest.mark.parametrize("gold", [g for g in GOLDS if g.paragraphs], ids=[g.name for g in GOLDS if g.paragraphs])
def test_real_paper_scores_at_least_its_floor(gold):
    if not gold.pdf.exists():
        pytest.skip(f"{gold.pdf.name} is not committed (licence): run `python data/real/restore.py` after fetching "
                    f"{_sources()[gold.data['file']]['source_repo']}")
    s = score(gold, paragraphs_of(extracted(gold.pdf))).row()  # the session's one reading of the paper
    floor = FLOORS.get(gold.name)
    assert floor is not None, f"no floor for {gold.name}: run python bench/real.py --write-floors"
    for k in ("found", "whole", "numbers", "precision"):
        assert s[k] >= floor[k], f"{gold.name}: {k} {s[k]} < floor {floor[k]}"
