"""`lspkit diff` on a school governing body's draft and final minutes (a publisher the diff was not built on):
a letter printed twice in the draft and re-lettered in the final, a space typed after a comma, and a back page
(a two-column list of schools, a table of subject leads, a signature box) that the segmenter cuts differently in
the two versions although the page says the same.  Gold: data/real/pairs/decoy-school-fgb-minutes-2022-05-
draft-final.gold.json, written from both versions word by word.
"""
from __future__ import annotations

import json
import re
from functools import lru_cache

from lspkit.analyse.diff import ChangeKind, diff_documents
from lspkit.analyse.diffreread import printed_in, grams, words, spacing_fixes
from lspkit.analyse.redline import RunOp
from real_util import PAIRS
from real_util import real_pdf as _real

GOLD = json.loads((PAIRS / "decoy-school-fgb-minutes-2022-05-draft-final.gold.json").read_text(encoding="utf-8"))


@lru_cache(maxsize=None)
def _result():
    from lspkit.api import extract

    old, new = _real(GOLD["old"]), _real(GOLD["new"])
    return extract(str(old)), extract(str(new)), diff_documents(extract(str(old)), extract(str(new)))


def _printed(number: str) -> str:
    """lspkit's id as the gold keys it: 'FGB 104/2122(a) (2)' (the second 'a.' the draft prints) -> 'FGB 104/2122 a'."""
    return re.sub(r"\((\w+)\)( \(\d+\))?$", r" \1", number)


def test_every_gold_operation_and_no_other_change():
    _, _, result = _result()
    want = {(o["op"], o["old"], o["new"]) for o in GOLD["operations"]}
    # a space typed after a comma is 'punctuation' to lspkit, 'modified' with a note to this gold's annotators
    got = {("modified" if c.kind is ChangeKind.PUNCTUATION else c.kind.value,
            _printed(c.old[0]) if c.old else None, _printed(c.new[0]) if c.new else None)
           for c in result.changes if c.kind is not ChangeKind.UNCHANGED and not _signature(c)}
    assert got == want


def _signature(c) -> bool:
    """The signature box filled in (the gold's one unnumbered change): a block, never a numbered paragraph."""
    return all(x.startswith("\u00b6") for x in c.old + c.new) and any("Signed S Barnes" in t for t in c.new_texts)


def test_the_letter_printed_twice_is_renumbered_as_itself():
    old, _, result = _result()
    second = next(c for c in result.changes if c.old == ("FGB 104/2122(a) (2)",))
    assert second.kind is ChangeKind.RENUMBERED and second.new == ("FGB 104/2122(b)",)
    assert any("prints paragraph number FGB 104/2122(a) 2 times" in w for w in result.warnings)


def test_a_space_typed_after_a_comma_is_shown_and_is_no_content_change():
    _, _, result = _result()
    c = next(c for c in result.changes if c.old == ("FGB 103/2122(a)",))
    assert c.kind is ChangeKind.PUNCTUATION and c.noise == ("spacing",)
    edits = [(w.op, w.text) for w in c.words if w.op is not RunOp.EQUAL]
    assert edits == [(RunOp.DELETE, "governors,and"), (RunOp.INSERT, "governors, and")]
    # the runs rebuild both texts exactly
    assert "".join(w.text for w in c.words if w.op is not RunOp.INSERT) == c.old_texts[0]
    assert "".join(w.text for w in c.words if w.op is not RunOp.DELETE) == c.new_texts[0]
    # re-lettered and respaced ('break.Simon' -> 'break. Simon'): the new letter is the operation
    c = next(c for c in result.changes if c.old == ("FGB 104/2122(b)",))
    assert c.kind is ChangeKind.RENUMBERED and c.new == ("FGB 104/2122(c)",)
    assert (RunOp.INSERT, "break. Simon") in [(w.op, w.text) for w in c.words]


def test_the_back_page_read_otherwise_is_no_change_but_stays_visible():
    old, new, result = _result()
    # the segmenter reads the school list as numbered paragraphs 1, 3-8 (the table's cells leaked into 8) in the
    # draft and 7-10 in the final (1-6 as a block): every one of them is printed in the other version
    reread = [c for c in result.changes if "read otherwise" in c.noise]
    assert reread and all(c.kind is ChangeKind.UNCHANGED for c in reread)
    assert {n for c in reread for n in c.old} >= {"1", "3", "8"}
    assert all(not (c.old or c.new)[0].startswith("FGB") for c in reread)
    from lspkit.render.diff import summary_line

    assert f"{len(reread)} units read otherwise (not counted)" in summary_line(result)


def test_printed_in_wants_runs_of_words_and_the_printed_number():
    other = grams(words("The primary schools involved are: 1. Bishopsteignton Primary School 2. Bradley Barton"))
    assert printed_in("Bishopsteignton Primary School", other, label="1")
    assert not printed_in("Bishopsteignton Primary School", other, label="4")  # the number taken away or changed
    assert not printed_in("Primary Bishopsteignton School", other)  # the words, not in that order
    assert not printed_in("Primary School", other)  # too short to judge


def test_spacing_fixes_leave_numbers_and_other_edits_alone():
    assert spacing_fixes("a total of 3,000 pupils", "a total of 3, 000 pupils") is None
    assert spacing_fixes("the council agreed", "the board agreed") is None
    assert spacing_fixes("the council\nagreed.It", "the council agreed. It") is not None


def test_the_signature_box_filled_in_is_no_numbered_paragraphs_edit():
    """The final signs the box the draft left blank: reported as the heading renamed ("Signed" -> "Signed S
    Barnes") where the segmenter reads both lines as headings, or as the unnumbered line added where it reads the
    signed one as text; never as an edit of a numbered paragraph."""
    _, _, result = _result()
    renamed = [(h.old_heading, h.new_heading) for h in result.headings if h.op.value == "renamed"]
    blocks = [c for c in result.changes if c.kind is not ChangeKind.UNCHANGED and _signature(c)]
    assert ("Signed", "Signed S Barnes") in renamed or blocks
    assert not any("Signed" in " ".join(c.old_texts + c.new_texts) for c in result.changes
                   if c.kind is not ChangeKind.UNCHANGED and not _signature(c))


def test_the_same_minutes_remediated_for_accessibility_are_identical():
    """A no-change control: the same parish minutes before and after PDF/UA remediation (PAVE added a Title
    property, and the title reader took the line under the council's name with it in that copy only)."""
    from click.testing import CliRunner

    from lspkit.api import diff_files
    from lspkit.cli import cli

    gold = json.loads((PAIRS / "burton-cum-walden-pc-minutes-2025-11-original-pave.gold.json").read_text("utf-8"))
    old, new = _real(gold["old"]), _real(gold["new"])
    result = diff_files(str(old), str(new), themes=False)
    assert not result.metadata and result.identical
    assert {p.field for p in result.properties} <= {"author", "subject", "title", "file title"}
    assert CliRunner().invoke(cli, ["diff", str(old), str(new)]).exit_code == 0


def test_a_real_word_changed_in_unnumbered_boilerplate_stays_a_change():
    """Georgia Tech's student council bylaws repeat their sentences from section to section ('required to attend
    the Town Halls, bearing emergencies'); the draft's 'bearing' corrected to 'barring' in one of them is still a
    change, though nearly every run of three words around it is printed elsewhere in both versions."""
    from lspkit.api import extract

    gold = json.loads((PAIRS / "gatech-coc-student-council-bylaws-2018-draft-2019.gold.json").read_text("utf-8"))
    result = diff_documents(extract(str(_real(gold["old"]))), extract(str(_real(gold["new"]))))
    barring = [c for c in result.changes if any("barring emergencies" in t for t in c.new_texts)]
    assert len(barring) == 2 and all(c.kind is ChangeKind.MODIFIED for c in barring)
    assert not any("read otherwise" in c.noise for c in result.changes)


def test_cells_read_in_another_order_are_found_by_their_words():
    from lspkit.analyse.diffreread import cells_text

    rows = grams(words("Music John Smith PE Toby Strick Art and Design Emily Simpson Phonics Cassie Sinclair"))
    columns = "John Smith Toby Strick Emily Simpson Cassie Sinclair"
    assert cells_text(columns) and printed_in(columns, rows)
    assert not cells_text("The clerk will write to John Smith. Toby Strick agreed.")
    assert not printed_in("John Smith Toby Strick Emily Simpson Cassie Sinclair Helen Cammack", rows)
