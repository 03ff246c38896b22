"""PDFs "with tracked changes": the final text by default, the original on request, the changes recorded.

The fixture is SYNTHETIC (no real tracked-changes PDF is in the corpus): data/make_tracked_fixture.py draws a
constitution the way Word exports one with its markup shown, and writes the gold from its source.
"""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from lspkit.api import extract
from lspkit.cli import cli
from lspkit.model import ChangeOp, Document, TrackedChange
from lspkit.read import READERS

DATA = Path(__file__).resolve().parent.parent / "data" / "tracked"
PDF = DATA / "constitution-tracked-changes.pdf"
GOLD = json.loads((DATA / "constitution-tracked-changes.gold.json").read_text(encoding="utf-8"))


def expected(mode: str) -> list[tuple[str, str, list[dict]]]:
    """(number, text, changes) per paragraph the mode keeps; a paragraph the mode removes whole (a deleted one
    read as final, an inserted one read as original) gives its changes to the paragraph before it."""
    out: list[tuple[str, str, list[dict]]] = []
    for g in GOLD["paragraphs"]:
        reading = g[mode]
        if not reading["text"]:
            out[-1][2].extend(g["changes"])
            continue
        out.append((reading["number"], reading["text"], list(g["changes"])))
    return out


def got(doc: Document) -> list[tuple[str, str, list[dict]]]:
    """(number, text, changes as op and text: where each is, `at`, is checked below)."""
    return [(p.number, p.text, [{"op": c.op.value, "text": c.text} for c in p.changes]) for p in doc.paragraphs]


@pytest.mark.parametrize("engine", list(READERS))
def test_a_tracked_changes_pdf_reads_as_final_by_default_with_its_changes(engine: str):
    """Struck-through deletions out, underlined insertions in, `17.5.17.6.` read as 17.6; the blue underlined
    hyperlink in 17.1 (no change bar) is not an insertion."""
    assert got(extract(str(PDF), reader=engine)) == expected("final")


@pytest.mark.parametrize("engine", list(READERS))
def test_tracked_original_reads_the_text_before_the_changes(engine: str):
    assert got(extract(str(PDF), reader=engine, tracked="original")) == expected("original")


def test_changes_survive_the_json_round_trip_and_only_appear_where_there_are_some():
    doc = extract(str(PDF))
    d = doc.to_dict()
    assert "changes" not in d["paragraphs"][0]  # 17.1: nothing changed, the usual shape
    text = d["paragraphs"][1]["text"]
    at = text.index(" fifth clear")
    # the deletion where it was printed, just after "the"; the insertion where its word starts
    assert d["paragraphs"][1]["changes"] == [{"op": "deleted", "text": "third", "at": at},
                                             {"op": "inserted", "text": "fifth", "at": at + 1}]
    back = Document.from_dict(d)
    assert back.paragraphs[1].changes == (TrackedChange(ChangeOp.DELETED, "third"), TrackedChange(ChangeOp.INSERTED, "fifth"))
    assert [c.at for c in back.paragraphs[1].changes] == [at, at + 1]


def test_extract_json_with_changes_matches_the_schema():
    jsonschema = pytest.importorskip("jsonschema")
    schema = json.loads((Path(__file__).resolve().parent.parent / "lspkit" / "schemas" / "extract.schema.json").read_text())
    jsonschema.validate(extract(str(PDF)).to_dict(), schema)


def test_cli_tracked_option():
    runner = CliRunner()
    final = runner.invoke(cli, ["extract", str(PDF), "--format", "json"])
    original = runner.invoke(cli, ["extract", str(PDF), "--format", "json", "--tracked", "original"])
    assert final.exit_code == 0 and original.exit_code == 0, final.output + original.output
    text = {p["number"]: p["text"] for p in json.loads(original.stdout)["paragraphs"]}
    assert "the third clear working day" in text["17.2"]
    assert "the fifth clear working day" in {p["number"]: p["text"] for p in json.loads(final.stdout)["paragraphs"]}["17.2"]
    bad = runner.invoke(cli, ["extract", str(PDF), "--tracked", "both"])
    assert bad.exit_code == 2


def test_an_untracked_pdf_has_no_changes():
    doc = extract(str(Path(__file__).resolve().parent.parent / "data" / "office-cabinet-report.pdf"))
    assert not any(p.changes for p in doc.paragraphs)


def test_tracked_pdf_as_a_diff_finds_the_inserted_paragraph_and_the_word_change():
    """`lspkit diff --tracked`: the extractor's change marks (ChangeOp values) drive the diff of original and final."""
    from lspkit.api import diff_files

    result = diff_files(str(PDF), None, tracked=True, themes=False)
    ops = {(tuple(c.old), tuple(c.new)): c.kind.value for c in result.changes}
    assert ops.get(((), ("17.5",))) == "added", ops
    change = next(c for c in result.changes if c.new == ("17.2",))
    assert change.kind.value == "modified"
    words = [(w.op.value, w.text.strip()) for w in change.words if w.op.value != "equal"]
    assert ("delete", "third") in words and ("insert", "fifth") in words, words


@pytest.mark.parametrize("engine", list(READERS))
def test_each_change_is_placed_where_it_is_printed_so_the_original_is_rebuilt_exactly(engine: str):
    """Every change carries where it is in its paragraph's text (`at`); the original rebuilt from the final
    text and the changes alone (no second reading) is the gold's original, paragraph by paragraph."""
    from lspkit.analyse.diffparts import tracked_versions

    original, _final, _pairs = tracked_versions(extract(str(PDF), reader=engine))
    want = [(g["original"]["number"], g["original"]["text"]) for g in GOLD["paragraphs"] if g["original"]["text"]]
    assert [(p.number, p.text) for p in original.paragraphs] == want
