"""`lspkit diff` on round 14's real version pairs (data/real/pairs): the diff stage's share of what the blind
pairs got wrong.  Each test drives the whole pipeline on the real PDFs (restored by data/real/restore.py;
skipped when absent) and checks the gold written from the pages (both versions read word by word).

- uoft-engsoc Bylaw 4, October 2024 -> January 2026: the old 2.0.5 is read as a heading (its first line, the
  rest unnumbered text); its followers 2.0.6-2.0.8 stayed where they were and are no moves, and it is put
  back together and paired with the new 2.0.5 (modified, the gold's op).
- Sri Lanka Petroleum Products (Special Provisions) Amendment, bill -> act: section 6 -> 7 renumbered after an
  inserted section, a comma put in: renumbered (the gold's op), with the comma in its redline.
- NSW ATDIS specification, draft -> published: a figure's box label "4.1 Complies with specification" read as
  numbered paragraph 4.1 in the draft and as text in the published version is no renumbering.
"""
from __future__ import annotations

import pytest
from real_util import changed as _changed
from real_util import edits as _edits
from real_util import pair_diff as _diff
from real_util import pair_gold as _gold

from lspkit.analyse.diff import ChangeKind

BYLAW = _gold("uoft-engsoc_2024_bylaw-4-officers-oct-2024--uoft-engsoc_2026_bylaw-4-officers-jan-2026.gold.json")
PETROLEUM = _gold("sri-lanka-petroleum-products-special-provisions-2022-bill-act.gold.json")
ATDIS = _gold("nsw-planning-atdis-draft-published.gold.json")
CMU = _gold("cmu-student-senate-bylaws-2017-2018.gold.json")


@pytest.fixture(scope="module")
def bylaw():
    return _diff(BYLAW)


@pytest.fixture(scope="module")
def petroleum():
    return _diff(PETROLEUM)


@pytest.fixture(scope="module")
def atdis():
    return _diff(ATDIS)


# ---------------------------------------------------------------- a paragraph read as a heading


def test_paragraphs_after_one_read_as_a_heading_are_not_moved(bylaw):
    """The old 2.0.5 ("2.0.5. The Vice-President Finance is responsible for working with the Alumni Outreach")
    is read as a heading numbered 2.0.5, a section the new version lacks; 2.0.6, 2.0.7 (a-c) and 2.0.8 sit
    under it in the old reading and under 2.0 in the new.  Word for word the same and in the same place (the
    gold: unchanged), they are no moves."""
    by_old = {c.old[0]: c for c in bylaw.changes if c.old}
    for label in ("2.0.6", "2.0.7", "2.0.7(a)", "2.0.7(b)", "2.0.7(c)", "2.0.8"):
        assert by_old[label].kind is ChangeKind.UNCHANGED, (label, by_old[label].kind)
        assert by_old[label].new == (label,)
    assert not [c.label for c in bylaw.changes if c.kind is ChangeKind.MOVED]


def test_the_bylaws_gold_changes_and_no_other(bylaw):
    """Every gold op: 1.0.4 deleted, 1.0.5 -> 1.0.4 renumbered, 2.0.5 modified; nothing else changed."""
    ops = {(c.kind.value, c.old, c.new) for c in _changed(bylaw)}
    assert ops == {("deleted", ("1.0.4",), ()), ("renumbered", ("1.0.5",), ("1.0.4",)),
                   ("modified", ("2.0.5",), ("2.0.5",))}


def test_a_paragraph_read_as_a_heading_is_put_back_together_and_paired(bylaw):
    """The old 2.0.5 is a heading (its first line) and two lines of unnumbered text on its page; put back
    together it is the new 2.0.5 with 'Alumni' -> 'Alumni & Graduate' (the gold's one edit), not an added
    paragraph with its old words nowhere, and its heading is no deleted section."""
    [c] = [c for c in bylaw.changes if c.new == ("2.0.5",)]
    assert c.kind is ChangeKind.MODIFIED and c.old == ("2.0.5",)
    assert _edits(c) == [("insert", "& Graduate")]
    assert c.old_texts[0].endswith("on matters pertaining to fundraising.")
    assert not [h for h in bylaw.headings if h.op.value == "deleted" and (h.old_number or "").startswith("2.0.5")]


def test_a_new_article_over_moved_paragraphs_still_moves_them():
    """The guard of the rule above: CMU's 2018 bylaws put a new Article V ("Elections Procedures") over the
    voting procedure that was Article IV's J.4.c; Article V's number is no paragraph's series, so the
    paragraphs under it are moved (the gold's 25 moves), not kept with the article before."""
    result = _diff(CMU)
    moved = [c for c in result.changes if c.kind is ChangeKind.MOVED]
    gold_moves = [o for o in CMU["operations"] if o["op"] == "moved"]
    assert len(moved) >= len(gold_moves)
    assert all(c.new[0].startswith("5:") for c in moved if c.old[0].startswith("4:J.4"))


# ---------------------------------------------------------------- renumbered, a comma put in


def test_a_renumbered_section_whose_only_edit_is_a_comma_is_renumbered(petroleum):
    """Bill section 6 is the act's section 7 (a section was inserted before it), '"Minister" means the
    Minister' -> '"Minister" means, the Minister': the gold's op is renumbered; the comma stays in the
    redline (`text_changed`), and the change says it is punctuation."""
    [c] = [c for c in petroleum.changes if c.old == ("6",)]
    assert c.kind is ChangeKind.RENUMBERED and c.new == ("7",)
    assert c.text_changed and "punctuation" in c.noise
    assert _edits(c) == [("insert", ",")]


def test_a_comma_at_the_same_number_stays_punctuation(petroleum):
    """Without a new number a punctuation-only change is still `punctuation` (the bill's section 3 keeps its
    number; its 'the' moved outside the quotation marks is a word change and stays modified)."""
    kinds = {c.old: c.kind for c in petroleum.changes if c.old}
    assert all(k is not ChangeKind.RENUMBERED for old, k in kinds.items() if old in {("1",), ("2",), ("3",), ("4",)})
    assert any(c.kind is ChangeKind.PUNCTUATION and c.old == c.new for c in petroleum.changes)


# ---------------------------------------------------------------- a number read into the text


def test_a_box_label_read_as_a_number_in_one_version_only_is_no_renumbering(atdis):
    """Figure 1's box "4.1 Complies with specification" is numbered paragraph 4.1 in the draft's reading and a
    line of unnumbered text in the published version's; the page prints the same (the gold: figure text, no
    paragraph, no change)."""
    [c] = [c for c in atdis.changes if c.old and c.old[0].endswith("(4.1)")]
    assert c.kind is ChangeKind.UNCHANGED and "number read as text" in c.noise
    assert not any(c.kind is ChangeKind.RENUMBERED and any(x.startswith("\u00b6") for x in c.new)
                   for c in atdis.changes)
