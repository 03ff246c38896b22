"""`lspkit diff` on the round-10 real version pairs (data/real/pairs/warrenville-*.gold.json): a committee agenda
re-issued with a line added to its cover, the same agenda corrected in one word, and a Request for Qualifications
against its revision printed with Word's tracked insertions (red, underlined, change bars; deletions not shown).

Each test drives the whole pipeline on the real PDFs (restored by data/real/restore.py; skipped when absent) and
checks the gold written from the pages.
"""
from __future__ import annotations

import pytest
from click.testing import CliRunner
from real_util import changed as _changed
from real_util import edits as _edits
from real_util import pair_diff as _diff
from real_util import pair_gold as _gold
from real_util import real_pdf as _real

from lspkit.analyse.diff import ChangeKind
from lspkit.cli import cli

AGENDA_TIME = _gold("warrenville-library-agenda-mrpc-2017-01-10-time-added.gold.json")
AGENDA_WORD = _gold("warrenville-library-agenda-mrpc-2017-02-02-approve-corrected.gold.json")
RFQ = _gold("warrenville-library_2016_rfq-construction-management-original-rev1.gold.json")


@pytest.fixture(scope="module")
def rfq():
    return _diff(RFQ)


@pytest.fixture(scope="module")
def rfq_tracked():
    from lspkit.api import diff_files

    return diff_files(str(_real(RFQ["new"])), None, tracked=True, themes=False)


# ---------------------------------------------------------------- insertion-only tracked changes


def test_two_file_diff_says_the_revision_marks_insertions_only(rfq):
    """The revision prints Word's insertions and no struck-through text: the output (not only stderr) says the
    input carries tracked changes, insertions only, and compares its final text."""
    assert rfq.tracked is not None
    assert str(_real(RFQ["new"])) in rfq.tracked
    assert "insertions only" in rfq.tracked


def test_inserted_word_read_glued_to_the_word_before_is_a_word_of_its_own(rfq):
    """'Acceptance/Rejection ofResponses .' (the inserted word's spacing lost with its markup): the gold's change,
    'Proposals' -> 'Responses', is one word replaced, 'of' kept."""
    # both series '1'..'4' are read (under 'Submittal Requirements/Statement of Qualifications' and under
    # 'Selection Process'), so the second is cited by its heading, as the pair's gold names its operation
    [four] = [c for c in _changed(rfq) if c.new == ("Selection Process 4",)]
    assert four.kind is ChangeKind.MODIFIED
    edits = _edits(four)
    assert ("delete", "Proposals") in edits and ("insert", "Responses") in edits
    assert not any("ofResponses" in text for _, text in edits)


def test_tracked_insertions_only_reports_insertions_and_no_deletion(rfq_tracked):
    """`diff --tracked` on the revision alone: it says the file marks insertions only, each change is an
    insertion ('Responses', 'responses', 'RFQ', 'Statements of Qualifications', the closing note), and nothing is
    reported deleted: what the insertions replaced is not printed."""
    assert "insertions only" in (rfq_tracked.tracked or "")
    changed = _changed(rfq_tracked)
    assert changed and all(c.kind in (ChangeKind.MODIFIED, ChangeKind.ADDED) for c in changed)
    edits = [e for c in changed for e in _edits(c)]
    assert edits and all(op == "insert" for op, _ in edits)
    inserted = " ".join(text for _, text in edits)
    for phrase in ("Responses", "responses", "RFQ", "Statements of Qualifications", "*NOTE: Revisions"):
        assert phrase in inserted
    assert "ofResponses" not in inserted


def test_tracked_cli_says_insertions_only():
    result = CliRunner().invoke(cli, ["diff", "--tracked", str(_real(RFQ["new"])), "--no-themes", "--color",
                                      "never", "-q"])
    assert result.exit_code == 1, result.output
    assert "insertions only" in " ".join(result.output.split())


# ---------------------------------------------------------------- an agenda item whose number was read as a heading


@pytest.fixture(scope="module")
def agenda_time():
    return _diff(AGENDA_TIME)


def test_item_number_read_as_a_heading_in_one_copy_is_no_renumbering(agenda_time):
    """Item 4 ('4. Approval of the agenda (ACTION)' over two lines of small print) is a numbered paragraph in one
    copy and, read as the segmenter once read the other, heading 4 over unnumbered text: both copies print '4.'
    alike, so nothing changed.  Both copies are now read alike (tests/test_real_layouts_round12_left.py), so the
    misreading is rebuilt from the real copy: its item 4 taken for a heading over the note as a block."""
    from dataclasses import replace

    from lspkit.analyse.diff import diff_documents
    from lspkit.api import extract
    from lspkit.model import Block, Section

    assert _changed(agenda_time) == []
    [four] = [c for c in agenda_time.changes if c.old == ("4",)]
    assert four.kind is ChangeKind.UNCHANGED and not four.noise
    old, new = extract(str(_real(AGENDA_TIME["old"]))), extract(str(_real(AGENDA_TIME["new"])))
    [item] = [p for p in new.paragraphs if p.number == "4"]
    title = "Approval of the agenda (ACTION)"
    assert item.text.startswith(title + " ")
    misread = replace(new, paragraphs=tuple(p for p in new.paragraphs if p is not item),
                      sections=new.sections + (Section(number="4", heading=title, page=item.page),),
                      blocks=new.blocks + (Block(text=item.text[len(title):].strip(), page=item.page),))
    result = diff_documents(old, misread)
    assert _changed(result) == []
    [four] = [c for c in result.changes if c.old == ("4",)]
    assert four.kind is ChangeKind.UNCHANGED
    assert "number read as a heading" in four.noise


def test_a_time_line_added_under_the_date_is_the_cover_change_not_a_new_title(agenda_time):
    """The re-issued agenda adds the line '7 p.m.' under its date line; the title block read down to the date
    takes it in: the change is the line added, as the gold says, not the title changed."""
    [gold] = AGENDA_TIME["cover_changes"]
    got = [(f.op, f.old, f.new) for f in agenda_time.metadata]
    assert got == [("added", None, gold["new"])]


def test_one_word_corrected_in_an_agenda_item_is_that_item_modified_and_nothing_else():
    result = _diff(AGENDA_WORD)
    [gold] = AGENDA_WORD["operations"]
    [change] = _changed(result)
    assert (change.kind.value, change.old, change.new) == (gold["op"], (gold["old"],), (gold["new"],))
    assert _edits(change) == [("delete", "Approved"), ("insert", "Approve")]
    assert not result.metadata


# ---------------------------------------------------------------- where the cover ends


def test_a_schedule_after_the_body_has_begun_is_no_cover(rfq):
    """The request opens its text on page 1 (a paragraph of sentences) and numbers its items only from page 2:
    its Expected Schedule on page 2 is body, not cover, so its changed rows are no cover fields (the gold lists
    no cover change) but changes of the text."""
    assert RFQ["cover_changes"] == []
    assert [f for f in rfq.metadata] == []
    texts = " ".join(t for c in _changed(rfq) for t in (*c.old_texts, *c.new_texts))
    assert "Statements of Qualifications received" in texts and "RFP proposals received" in texts
