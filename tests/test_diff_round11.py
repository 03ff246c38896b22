"""`lspkit diff` on the round-11 real version pairs (data/real/pairs/peterborough-*.gold.json): a Committee of
Adjustment's draft minutes (a red "Draft Minutes Not Approved" line under the date) against the approved copies,
and a draft by-law printed with Word's tracked changes from two reviewers.

Each test drives the whole pipeline on the real PDFs (restored by data/real/restore.py; skipped when absent) and
checks the gold written from the pages.
"""
from __future__ import annotations

import pytest
from real_util import changed as _changed
from real_util import edits as _edits
from real_util import pair_diff as _diff
from real_util import pair_gold as _gold
from real_util import real_pdf as _real

from lspkit.analyse.diff import ChangeKind

JUNE = _gold("peterborough-on-coa-minutes-2021-06-22-draft-approved.gold.json")
OCTOBER = _gold("peterborough-on-coa-minutes-2021-10-05-draft-approved.gold.json")


@pytest.fixture(scope="module")
def june():
    return _diff(JUNE)


@pytest.fixture(scope="module")
def october():
    return _diff(OCTOBER)


# ---------------------------------------------------------------- a draft's status line


@pytest.mark.parametrize("which", ["june", "october"])
def test_the_draft_status_line_removed_is_the_cover_change_and_nothing_else_on_the_cover(which, request):
    """The draft prints "Draft Minutes Not Approved" under its date, a line of its own that the segmenter reads
    into the block under it; the approved copy does not print it.  The change is the cover's status removed (the
    gold's one cover change), and the title is no change: without the line the title was chosen otherwise from
    the same page (each copy's first page prints the other's title)."""
    result = request.getfixturevalue(which)
    gold = JUNE if which == "june" else OCTOBER
    [want] = gold["cover_changes"]
    assert [(f.field, f.op, f.old, f.new) for f in result.metadata] == [("status", "removed", want["old"], None)]


@pytest.mark.parametrize("which", ["june", "october"])
def test_the_text_under_the_status_line_is_no_change(which, request):
    """The sentence under the status line ("Minutes of a Meeting of Committee of Adjustment held on ...") is the
    same in both copies, however it rewraps: no unit's redline holds the status line's words (not even one
    called unchanged as read otherwise, which would hide the line's removal)."""
    result = request.getfixturevalue(which)
    for c in result.changes:
        assert not any("Draft Minutes" in text for _, text in _edits(c)), c.label


# ---------------------------------------------------------------- punctuation, and lines read as one block


def test_corrections_on_approval_are_punctuation_and_the_signatures_and_nothing_else(october):
    """The approved copy restores brackets ("condition ii," -> "condition ii),", "(2(h(i" -> "(2)(h)(i)") and
    types a comma into both item headings ("File No." -> "File No.,"): changes of punctuation, reported as
    such, never as content; "(Sgd.)" is added before both signatures; nothing else changed."""
    changed = _changed(october)
    kinds = sorted(c.kind.value for c in changed)
    assert kinds == ["modified", "modified", "punctuation"]
    [punct] = [c for c in changed if c.kind is ChangeKind.PUNCTUATION]
    assert ("insert", ")") in _edits(punct) and ("insert", ")(h)(i)") in _edits(punct)
    signed = [e for c in changed if c.kind is ChangeKind.MODIFIED for e in _edits(c)]
    assert signed == [("insert", "(Sgd.)"), ("insert", "(Sgd.)")]
    heads = [(h.op.value, h.old_number, h.old_heading, h.new_heading) for h in october.headings
             if h.op.value != "unchanged"]
    assert heads == [("punctuation", g["number"], g["old"], g["new"]) for g in OCTOBER["heading_changes"]]
    # --ignore-punctuation hides them, headings too
    from lspkit.api import diff_files

    hidden = diff_files(str(_real(OCTOBER["old"])), str(_real(OCTOBER["new"])), themes=False,
                        ignore_punctuation=True)
    assert all(h.op.value == "unchanged" for h in hidden.headings)
    assert sorted(c.kind.value for c in _changed(hidden)) == ["modified", "modified"]


def test_signature_lines_set_closer_together_are_no_merge(june):
    """The approved copy adds "(Signed)" before both signature lines and sets them closer, so the reader takes
    them as one block where the draft gives each its own: the two lines are modified (the gold's changes), not
    merged."""
    [change] = _changed(june)
    assert change.kind is ChangeKind.MODIFIED
    assert _edits(change) == [("insert", "(Signed)"), ("insert", "(Signed)")]


# ---------------------------------------------------------------- a by-law printed with tracked changes

BYLAW = _gold("peterborough-on-citizens-war-memorial-bylaw-2019.tracked.gold.json")


@pytest.fixture(scope="module")
def bylaw():
    from lspkit.api import diff_files

    return diff_files(str(_real(BYLAW["tracked"])), None, tracked=True, themes=False)


def _cited(label: str) -> str:
    """The gold's '7/b' as lspkit cites it, '7(b)'."""
    head, _, letter = label.partition("/")
    return f"{head}({letter})" if letter else head


def test_an_apostrophe_moved_by_tracked_marks_is_read(bylaw):
    """'Citizen’s' -> 'Citizens’': the reviewer strikes the apostrophe before the s and underlines one after it,
    each mark as short as the glyph.  Recitals B, C, D and sections 2 and 3 change only so (the gold's
    'deleted ’; inserted ’'); each is reported changed with the word redlined whole, and the heading over
    sections 7-11 is renamed the same way (the gold's heading change)."""
    by_new = {c.new[0]: c for c in bylaw.changes if c.new}
    for label in ("2", "3"):
        change = by_new[label]
        assert change.kind in (ChangeKind.MODIFIED, ChangeKind.PUNCTUATION), label
        assert ("delete", "Citizen\u2019s") in _edits(change) and ("insert", "Citizens\u2019") in _edits(change)
    [gold] = BYLAW["heading_changes"]
    renamed = [(h.old_heading, h.new_heading) for h in bylaw.headings if h.op.value == "renamed"]
    assert (gold["old"], gold["new"]) in renamed


def test_recitals_and_lettered_definitions_are_reported_by_their_labels(bylaw):
    """Recitals A-G (unnumbered text to the segmenter) are named by their printed letters, and the lettered
    clauses section 1 and section 7 print inside them are compared item by item (1(a), 1(b) ...), as the gold
    cites them: every gold operation on them is found, and section 1, whose own words did not change, is no
    change."""
    got = {(c.kind.value if c.kind is not ChangeKind.PUNCTUATION else "modified", c.old[0] if c.old else None,
            c.new[0] if c.new else None) for c in bylaw.changes if c.kind is not ChangeKind.UNCHANGED}
    want = {(o["op"], _cited(o["old"]) if o["old"] else None, _cited(o["new"]))
            for o in BYLAW["operations"] if o["old"] is None or o["old"][0] in "ABCDEFG1" or o["old"].startswith("7/")}
    want = {w for w in want if w[2] != "7(c)"}  # 7(c): its text is read under a heading "c. In the event ..."
    assert want <= got
    by_new = {c.new[0]: c for c in bylaw.changes if c.new}
    for label in ("B", "C", "D"):  # the recitals whose only change is the apostrophe moved
        assert ("delete", "Citizen\u2019s") in _edits(by_new[label]) and ("insert", "Citizens\u2019") in _edits(by_new[label])
    assert not any(c.new == ("1",) and c.kind is not ChangeKind.UNCHANGED for c in bylaw.changes)
