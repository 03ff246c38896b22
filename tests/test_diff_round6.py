"""`lspkit diff` on the round-6 real version pairs (data/real/pairs/), first measured unseen: a Treasury Board
directive's draft and final (a split that also reorders, comma-only changes, a cover that the extractor drops
with the contents page, a draft notice and a running header), and three pairs of community council minutes whose
lettered items (a), (b) ... the extractor keeps inside the numbered item.

Each real test drives the whole pipeline on the real PDFs and checks the gold written from the page; the small
tests pin each mechanism on a document built in the test, so that a change to it fails here first.
"""
from __future__ import annotations

import json
import re

import pytest
from click.testing import CliRunner

from lspkit.analyse.align import _pieces_similarity, align
from lspkit.analyse.diff import ChangeKind, _item_labels, diff_documents
from lspkit.cli import cli
from lspkit.model import Document, Dropped, DropReason, Paragraph, Source
from real_util import PAIRS
from real_util import real_pdf as _real


def _gold(name: str) -> dict:
    return json.loads((PAIRS / name).read_text(encoding="utf-8"))


TBS = _gold("tbs-canada-directive-identity-management-2018-draft-final.gold.json")
MAY = _gold("broomhill-cc-minutes-2025-05-draft-revised.gold.json")
AGM = _gold("broomhill-cc-agm-minutes-2025-10-corrected.gold.json")
MARCH = _gold("broomhill-cc-minutes-2025-03-date-correction.gold.json")


def _diff(gold: dict):
    from lspkit.api import diff_files

    return diff_files(str(_real(gold["old"])), str(_real(gold["new"])), themes=False)


def _cite(label):
    """The gold writes an item under its parent '4/d'; lspkit, as a reader cites it, '4(d)'. A split's new side
    lists every part; lspkit's change names them all too."""
    if label is None:
        return None
    if isinstance(label, list):
        return tuple(_cite(x) for x in label)
    return re.sub(r"^(.+)/(\w+)$", r"\1(\2)", label)


def _ops(result, punctuation_as: str = "punctuation") -> set:
    out = set()
    for c in result.changes:
        if c.kind is ChangeKind.UNCHANGED:
            continue
        kind = punctuation_as if c.kind is ChangeKind.PUNCTUATION else c.kind.value
        new = c.new if len(c.new) > 1 else (c.new[0] if c.new else None)
        out.add((kind, c.old[0] if c.old else None, new))
    return out


def _want(gold: dict) -> set:
    out = set()
    for o in gold["operations"]:
        new = _cite(o["new"])
        out.add((o["op"], _cite(o["old"]), new))
    return out


@pytest.fixture(scope="module")
def tbs():
    return _diff(TBS)


def test_minutes_lettered_items_are_compared_and_reported_item_by_item():
    got = _ops(_diff(MAY))
    assert sorted(got, key=str) == sorted(_want(MAY), key=str)
    assert ("added", None, "6(g)") in got  # the new AOB item, not "6 modified"


def test_corrected_agm_minutes_one_item_of_a_list_changed():
    assert _ops(_diff(AGM)) == _want(AGM) == {("modified", "1", "1"), ("modified", "7(a)", "7(a)")}


def test_a_date_only_correction_is_one_cover_change_and_no_paragraph_change():
    result = _diff(MARCH)
    assert _ops(result) == set()
    assert [(m.field, m.old, m.new) for m in result.metadata] == [("date", "2025-02-12", "2025-03-12")]
    assert not result.identical


def test_directive_every_gold_operation_and_no_wrong_extra(tbs):
    # the gold writes a comma inserted as "modified" (its note says "comma inserted"); lspkit calls a modified
    # paragraph whose only edits are punctuation "punctuation": exactly those two
    punct = {c.new[0] for c in tbs.changes if c.kind is ChangeKind.PUNCTUATION}
    assert punct == {"3.1.2", "4.1.3"}
    notes = {o["new"]: o["note"] for o in TBS["operations"] if isinstance(o["new"], str)}
    assert all("comma inserted" in notes[n] for n in punct)
    assert _ops(tbs, punctuation_as="modified") == _want(TBS)


def test_a_split_that_also_reorders_its_parts_is_a_split(tbs):
    # old A.2.3 "Ensure that the minimum requirements for establishing ... are met, as defined in the following
    # table, or ..." -> new A.2.3 "The minimum requirements for establishing ... are shown in Table 1." and new
    # A.2.3.1 "Ensure that the minimum requirements are met, or appropriately manage the related risks."
    split = [c for c in tbs.changes if c.kind is ChangeKind.SPLIT]
    assert [(c.old, c.new) for c in split] == [(("A.2.3",), ("A.2.3", "A.2.3.1"))]


def test_the_cover_dropped_with_the_contents_page_is_still_compared(tbs):
    got = {(m.field, m.op, m.old, m.new) for m in tbs.metadata}
    assert ("cover line", "changed", "FINAL 19 April 2018", "FINAL 22 May 2018") in got
    notice = [m for m in tbs.metadata if m.op == "removed"]
    assert len(notice) == 1 and notice[0].old.startswith("This draft instrument reflects feedback")
    assert notice[0].old.endswith("for their input.")  # its three lines read as one
    assert len(tbs.metadata) == 2  # the contents entries (their page numbers moved) are no cover lines
    # the running header, shown apart and not counted; the draft notice on every old page is said once, above
    assert [(m.field, m.old, m.new) for m in tbs.furniture] == [("running header", "Treasury Board of Canada",
                                                                 "Treasury Board")]


def test_the_directive_s_cover_and_running_header_in_the_terminal_and_the_json():
    out = CliRunner().invoke(cli, ["diff", str(_real(TBS["old"])), str(_real(TBS["new"])), "--no-themes"])
    assert out.exit_code == 1, out.output
    assert "cover line: FINAL 19 April 2018 → FINAL 22 May 2018" in out.output
    assert "Running headers and footers" in out.output
    js = CliRunner().invoke(cli, ["diff", str(_real(TBS["old"])), str(_real(TBS["new"])), "--no-themes",
                                  "--format", "json", "-q"])
    data = json.loads(js.output)
    assert data["furniture"] == [{"field": "running header", "op": "changed", "old": "Treasury Board of Canada",
                                  "new": "Treasury Board"}]
    assert data["summary"]["furniture"] == 1


# ---------------------------------------------------------------- the mechanisms, on documents built here


def _doc(paragraphs, dropped=()) -> Document:
    return Document(Source("x", "", 4), paragraphs=tuple(paragraphs), dropped=tuple(dropped))


def _with_parts(number: str, lead: str, items: list[str], labels: list[str], tail: str = "") -> Paragraph:
    parts = tuple(f"{lab} {text}" for lab, text in zip(labels, items))
    return Paragraph(number, " ".join(x for x in [lead, *parts, tail] if x), 1, parts=parts)


ITEMS = ["Chair No news to report.", "Treasurer Nothing changed in the accounts.",
         "Secretary Two letters were received about the postbox on the corner of the square."]


def test_only_one_unbroken_list_of_parts_is_taken_apart():
    assert _item_labels(_with_parts("4", "Reports:", ITEMS, ["(a)", "(b)", "(c)"])) == ["a", "b", "c"]
    assert _item_labels(_with_parts("4", "Reports:", ITEMS, ["(i)", "(ii)", "(iii)"])) == ["i", "ii", "iii"]
    assert _item_labels(_with_parts("4", "Reports:", ITEMS, ["a)", "b)", "c)"])) == ["a", "b", "c"]
    # a list within a list, a gap, mixed printing, bullets: kept whole
    assert _item_labels(_with_parts("4", "Reports:", ITEMS, ["(a)", "(b)", "(a)"])) is None
    assert _item_labels(_with_parts("4", "Reports:", ITEMS, ["(a)", "(c)", "(d)"])) is None
    assert _item_labels(_with_parts("4", "Reports:", ITEMS, ["(a)", "b)", "(c)"])) is None
    assert _item_labels(_with_parts("4", "Reports:", ITEMS, ["\u2022", "\u2022", "\u2022"])) is None


def test_an_item_inserted_in_a_list_renumbers_the_items_after_it():
    new_item = "Vice-Chair Attended the ward meeting and reported on the new bus routes through the estate."
    old = _doc([_with_parts("4", "Office bearers' reports:", ITEMS, ["(a)", "(b)", "(c)"], "Meeting closed.")])
    new = _doc([_with_parts("4", "Office bearers' reports:", [ITEMS[0], new_item, *ITEMS[1:]],
                            ["(a)", "(b)", "(c)", "(d)"], "Meeting closed.")])
    ops = {(c.kind, c.old, c.new) for c in diff_documents(old, new).changes}
    assert ops == {(ChangeKind.UNCHANGED, ("4",), ("4",)), (ChangeKind.UNCHANGED, ("4(a)",), ("4(a)",)),
                   (ChangeKind.ADDED, (), ("4(b)",)), (ChangeKind.RENUMBERED, ("4(b)",), ("4(c)",)),
                   (ChangeKind.RENUMBERED, ("4(c)",), ("4(d)",))}
    # the paragraph's own words changed (its closing line): the paragraph itself is modified, its items not
    edited = _doc([_with_parts("4", "Office bearers' reports:", ITEMS, ["(a)", "(b)", "(c)"], "Meeting closed at 9pm.")])
    changed = {(c.kind, c.new) for c in diff_documents(old, edited).changes if c.kind is not ChangeKind.UNCHANGED}
    assert changed == {(ChangeKind.MODIFIED, ("4",))}


def test_a_list_in_one_version_only_keeps_the_paragraph_whole():
    old = _doc([Paragraph("4", "Office bearers' reports: " + " ".join(ITEMS), 1)])
    new = _doc([_with_parts("4", "Office bearers' reports:", ITEMS, ["(a)", "(b)", "(c)"])])
    assert [(c.kind, c.old, c.new) for c in diff_documents(old, new).changes] == [
        (ChangeKind.MODIFIED, ("4",), ("4",))]


def test_pieces_rebuild_a_whole_in_another_order():
    whole = list(range(20))
    first, second = whole[10:], whole[:10]  # the second half now comes first
    assert _pieces_similarity(whole, [first, second]) == 1.0
    # the same split in order is scored alike; a piece with nothing of the whole adds nothing
    assert _pieces_similarity(whole, [second, first]) == 1.0
    assert _pieces_similarity(whole, [second, [100, 101, 102]]) < 0.65
    # words the whole holds once are given to one piece only
    assert _pieces_similarity([1, 2, 3], [[1, 2, 3], [1, 2, 3]]) == pytest.approx(2 * 3 / 9)
    old = ["Ensure that the minimum requirements for establishing an identity assurance level are met, as "
           "defined in the following table, or appropriately manage the related identity risks:", "Other text here."]
    new = ["The minimum requirements for establishing an identity assurance level are shown in Table 1.",
           "Ensure that the minimum requirements are met, or appropriately manage the related risks.",
           "Other text here."]
    assert [(m.old, m.new) for m in align(old, new)] == [((0,), (0, 1)), ((1,), (2,))]


def _running(page_texts: dict, reason=DropReason.HEADER) -> list[Dropped]:
    return [Dropped(t, page, reason) for page, texts in page_texts.items() for t in texts]


BODY = [Paragraph("1", "The text of the paper, the same in both versions.", 1)]


def test_running_lines_on_most_pages_are_compared_and_chapter_titles_are_not():
    old = _doc(BODY, _running({1: ["Draft for comment", "Chapter 1 Scope"], 2: ["Draft for comment", "Chapter 1 Scope"],
                               3: ["Draft for comment", "Chapter 2 Duties"], 4: ["Draft for comment", "Page 4 of 4"]}))
    new = _doc(BODY, _running({1: ["Final", "Chapter 1 Scope"], 2: ["Final", "Chapter 1 Scope"],
                               3: ["Final", "Chapter 2 Powers"], 4: ["Final", "Page 4 of 4"]}))
    result = diff_documents(old, new)
    assert [(m.field, m.op, m.old, m.new) for m in result.furniture] == [
        ("running header", "changed", "Draft for comment", "Final")]
    assert result.identical  # shown, not counted
    assert diff_documents(old, old).furniture == ()


def test_a_draft_notice_on_the_cover_and_every_page_is_one_cover_change():
    notice = ["This draft reflects the feedback received during the", "engagement exercise now concluded."]
    cover = [Dropped(t, 1, DropReason.CONTENTS) for t in ["Directive on Things", *notice, "FINAL 19 April 2018",
                                                           "Contents", "1. Scope .......... 2"]]
    body = [Paragraph("1.1", "The text of the paper, the same in both versions.", 2)]
    old = _doc(body, cover + _running({2: notice, 3: notice, 4: notice}))
    new = _doc(body, [Dropped(t, 1, DropReason.CONTENTS) for t in ["Directive on Things", "FINAL 22 May 2018",
                                                                    "Contents", "1. Scope .......... 3"]])
    result = diff_documents(old, new)
    assert [(m.op, m.old, m.new) for m in result.metadata] == [
        ("changed", "FINAL 19 April 2018", "FINAL 22 May 2018"), ("removed", " ".join(notice), None)]
    assert result.furniture == () and not result.identical


def test_running_lines_are_shown_apart_in_every_format():
    from lspkit.render.diff import render

    old = _doc(BODY, _running({1: ["Draft for comment"], 2: ["Draft for comment"], 3: ["Draft for comment"]},
                              DropReason.FOOTER))
    new = _doc(BODY, _running({1: ["Final"], 2: ["Final"], 3: ["Final"]}, DropReason.FOOTER))
    result = diff_documents(old, new)
    line = "running footer: Draft for comment → Final"
    assert line in render(result, "terminal", color=False)
    assert f"- {line}" in render(result, "markdown")
    assert "@@ furniture running footer changed @@" in render(result, "unified")
    html = render(result, "html")
    assert '<ul id="furniture">' in html and line in html
    assert json.loads(render(result, "json"))["furniture"][0]["new"] == "Final"
