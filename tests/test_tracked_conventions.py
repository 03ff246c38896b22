"""`lspkit diff --tracked` on the tracked-changes constitution drawn the way other producers print their markup
(tests/tracked_draw.py): Word's filled rectangles and change bars, LibreOffice's stroked lines, a planning
inspector's black underline and strike-through, a redline that colours insertions without underlining them, a
double strike-through, blue insertions and red deletions.  The expected operations come from the fixture's gold
(data/tracked/constitution-tracked-changes.gold.json, written from its source, never from a reading).
"""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from lspkit.analyse.diff import ChangeKind

import tracked_draw

GOLD = json.loads((Path(__file__).resolve().parent.parent / "data" / "tracked" /
                   "constitution-tracked-changes.gold.json").read_text(encoding="utf-8"))

pytestmark = pytest.mark.skipif(not (tracked_draw.FONT_DIR / "LiberationSans-Regular.ttf").exists(),
                                reason="needs Liberation Sans (fonts-liberation)")


def _expected() -> set:
    """Each gold paragraph's operation: added (no original text), deleted (no final text), modified (its words
    changed, whether or not its label did), unchanged."""
    out = set()
    for g in GOLD["paragraphs"]:
        o, f = g["original"], g["final"]
        if not o["text"]:
            out.add(("added", None, f["number"]))
        elif not f["text"]:
            out.add(("deleted", o["number"], None))
        elif o["text"] != f["text"]:
            out.add(("modified", o["number"], f["number"]))
        else:
            out.add(("renumbered" if o["number"] != f["number"] else "unchanged", o["number"], f["number"]))
    return out


def _diff(tmp_path, convention):
    from lspkit.api import diff_files

    path = tracked_draw.draw(tmp_path / "tracked.pdf", convention)
    return diff_files(str(path), None, tracked=True, themes=False)


@pytest.mark.parametrize("convention", list(tracked_draw.CONVENTIONS))
def test_every_inserted_deleted_and_changed_paragraph_whatever_the_producer(tmp_path, convention):
    result = _diff(tmp_path, convention)
    got = {(c.kind.value, c.old[0] if c.old else None, c.new[0] if c.new else None) for c in result.changes}
    assert got == _expected()
    # the renumbered label 17.5. -> 17.6. is the paragraph's new number, and its word change the only edit
    moved = next(c for c in result.changes if c.old == ("17.5",) and c.new == ("17.6",))
    assert [(w.op.value, w.text.strip()) for w in moved.words if w.op.value != "equal"] == [
        ("delete", "ten"), ("insert", "five")]
    changed = next(c for c in result.changes if c.new == ("17.2",))
    assert [(w.op.value, w.text.strip()) for w in changed.words if w.op.value != "equal"] == [
        ("delete", "third"), ("insert", "fifth")]


@pytest.mark.parametrize("convention", list(tracked_draw.CONVENTIONS))
def test_the_original_text_is_rebuilt_exactly_whatever_the_producer(tmp_path, convention):
    from lspkit.analyse.diffparts import tracked_versions
    from lspkit.api import extract

    original, final, _ = tracked_versions(extract(str(tracked_draw.draw(tmp_path / "t.pdf", convention))))
    assert [(p.number, p.text) for p in original.paragraphs] == [
        (g["original"]["number"], g["original"]["text"]) for g in GOLD["paragraphs"] if g["original"]["text"]]
    assert [(p.number, p.text) for p in final.paragraphs] == [
        (g["final"]["number"], g["final"]["text"]) for g in GOLD["paragraphs"] if g["final"]["text"]]


def test_blue_insertions_without_change_bars_are_not_read_yet(tmp_path):
    """What is left: insertions blue and underlined, deletions red and struck through, no change bar.  A colour
    the document never strikes through reads as a hyperlink's, so the insertions are lost; the deletions are
    found.  This pins today's reading, so that the day it is fixed this test says so."""
    result = _diff(tmp_path, tracked_draw.TWO_COLOURS_NO_BARS)
    kinds = {c.kind for c in result.changes}
    assert ChangeKind.ADDED not in kinds
    words = [(w.op.value, w.text.strip()) for c in result.changes for w in c.words if w.op.value != "equal"]
    assert ("delete", "third") in words and ("insert", "fifth") not in words
