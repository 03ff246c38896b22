"""`lspkit diff`, round 16: lists read otherwise in one version, numbers that place themselves, and marks
printed after a wholly inserted paragraph of a tracked-changes PDF.

- A standing-rules revision (UofT EngSoc, May -> October 2025) whose lettered items are paragraphs of their own
  in one version (0.2.1(a) ... (i)) and run into their lead-in's text in the other ("... a motion that: a. takes
  precedence ...; b. requires ...") is compared item by item, not as every item merged into the lead-in.
- A paragraph whose multi-level number is the same in both versions (0.5.1) has not moved, whatever heading the
  segmenter put over it in one of them.
- WCPFC's tracked terms of reference: items 2-9 are inserted whole with their numbers; the struck paragraphs and
  the inserted closing line printed after item 9 are units of their own (deleted, added), not item 9's original
  text; item 7 is added, not "modified" by the stretch struck after it.
"""
from __future__ import annotations

from dataclasses import replace

import pytest
from real_util import changed as _changed
from real_util import pair_gold as _gold
from real_util import real_pdf

from lspkit.analyse.diff import ChangeKind, diff_documents
from lspkit.analyse.diffparts import tracked_versions
from lspkit.model import ChangeOp, Document, Paragraph, Section, Source, TrackedChange

LEAD = "The motion to enter an in camera session is a privileged motion that:"
ITEMS = ("takes precedence of all others except the privileged motions to take a recess;",
         "requires a majority vote;", "is in order only when not already in camera; and",
         "is out of order when another has the floor.")
LATER = "Minutes are still kept during in camera sessions, but they shall not normally be published."


def _doc(name: str, paragraphs, sections=(("0.2", "In-Camera Session"), ("0.4", "Documents"))) -> Document:
    heads = dict(sections)
    return Document(source=Source(name, "", 1), sections=tuple(Section(n, h, 1) for n, h in sections),
                    paragraphs=tuple(Paragraph(number=n, text=t, page=1, section=s, heading=heads[s])
                                     for n, t, s in paragraphs))


def test_items_run_into_their_lead_in_in_one_version_are_compared_item_by_item():
    old = _doc("old.pdf", [("0.2.1", LEAD, "0.2")] + [(f"0.2.1({k})", t, "0.2") for k, t in zip("abcd", ITEMS)]
               + [("0.2.2", LATER, "0.2")])
    glued = LEAD + " " + " ".join(f"{k}. {t}" for k, t in zip("abcd", ITEMS))
    new = _doc("new.pdf", [("0.2.1", glued, "0.2"), ("0.2.2", LATER, "0.2")])
    result = diff_documents(old, new)
    assert not _changed(result)
    assert [c.new for c in result.changes][:5] == [("0.2.1",), ("0.2.1(a)",), ("0.2.1(b)",), ("0.2.1(c)",),
                                                   ("0.2.1(d)",)]
    # an item reworded in the glued version is that item modified, nothing merged
    new2 = _doc("new.pdf", [("0.2.1", glued.replace("a majority vote", "a two-thirds vote"), "0.2"),
                            ("0.2.2", LATER, "0.2")])
    got = [(c.kind, c.old, c.new) for c in _changed(diff_documents(old, new2))]
    assert got == [(ChangeKind.MODIFIED, ("0.2.1(b)",), ("0.2.1(b)",))]


def test_a_lone_item_is_cut_only_where_it_opens_as_the_other_versions():
    item = "Notwithstanding the above, a motion disposed of in camera must have its text published."
    old = _doc("old.pdf", [("0.2.7", LATER, "0.2"), ("0.2.7(a)", item, "0.2")])
    assert not _changed(diff_documents(old, _doc("new.pdf", [("0.2.7", f"{LATER} a. {item}", "0.2")])))
    other = "A different sentence altogether follows the letter here, nothing like the old item."
    got = {c.kind for c in _changed(diff_documents(old, _doc("new.pdf", [("0.2.7", f"{LATER} a. {other}", "0.2")])))}
    assert ChangeKind.MERGED in got or ChangeKind.MODIFIED in got  # no item of the other's: not cut


def test_a_number_that_places_itself_has_not_moved_under_another_heading():
    text = "Members may submit discussion items for inclusion on the agenda, as main motions are."
    other = "Reports are a special form of discussion item with precedence on the agenda."
    old = _doc("old.pdf", [("0.2.1", LEAD, "0.2"), ("0.4.1", text, "0.4")])
    # the new version's segmenter put 0.4.1 under 0.2's heading (its own heading read as text)
    new = _doc("new.pdf", [("0.2.1", LEAD, "0.2"), ("0.4.1", text, "0.2"), ("0.4.2", other, "0.4")])
    got = [(c.kind, c.new) for c in _changed(diff_documents(old, new))]
    assert got == [(ChangeKind.ADDED, ("0.4.2",))]
    # a paragraph numbered in one flat series is still moved when its section changes
    old = _doc("old.pdf", [("1", LEAD, "0.2"), ("2", text, "0.4")])
    new = _doc("new.pdf", [("1", LEAD, "0.2"), ("2", text, "0.2"), ("3", other, "0.4")])
    assert (ChangeKind.MOVED, ("2",)) in [(c.kind, c.new) for c in _changed(diff_documents(old, new))]


def _tracked(paragraphs) -> Document:
    return Document(source=Source("t.pdf", "", 2), paragraphs=tuple(paragraphs))


def test_marks_after_a_wholly_inserted_paragraph_are_units_of_their_own():
    own = "Communicate with the project team to evaluate joint software development."
    struck = "Conduct a simulation scoping study to evaluate the degree of bias."
    closing = "To be decided, based on discussions at SC21."
    p = Paragraph("9", f"{own} {closing}", 1, page_end=2, changes=(
        TrackedChange(ChangeOp.INSERTED, f"9. {own}", at=0),
        TrackedChange(ChangeOp.DELETED, struck, at=len(own)),
        TrackedChange(ChangeOp.INSERTED, closing, at=len(own) + 1)))
    kept = Paragraph("1", "Review and identify a list of necessary features.", 1)
    original, final, _ = tracked_versions(_tracked([kept, p]))
    assert [x.text for x in original.paragraphs] == [kept.text]
    assert [x.text for x in final.paragraphs] == [kept.text, own]
    assert [b.text for b in original.blocks] == [struck] and [b.text for b in final.blocks] == [closing]
    # a paragraph whose own text was there before (its number unmarked) keeps the struck text as its original
    q = Paragraph("9", f"{own} {closing}", 1, changes=(
        TrackedChange(ChangeOp.INSERTED, own, at=0), TrackedChange(ChangeOp.DELETED, struck, at=len(own)),
        TrackedChange(ChangeOp.INSERTED, closing, at=len(own) + 1)))
    original, final, _ = tracked_versions(_tracked([kept, q]))
    assert not original.blocks and not final.blocks


WCPFC = _gold("wcpfc_2025_project123-terms-of-reference-tracked-changes.tracked.gold.json")


@pytest.fixture(scope="module")
def wcpfc():
    from lspkit.api import diff_files

    return diff_files(str(real_pdf(WCPFC["tracked"])), None, tracked=True, themes=False)


def test_wcpfc_items_added_whole_and_the_struck_stages_deleted(wcpfc):
    """Items 2-9 added (7 too: the stretch struck after it is no original text of an item that did not exist);
    item 1 unchanged; each struck stage deleted in a unit that holds no final text."""
    kinds = {c.new[0]: c.kind for c in wcpfc.changes if c.new and not c.new[0].startswith("\u00b6")}
    assert kinds == {"1": ChangeKind.UNCHANGED, **{str(k): ChangeKind.ADDED for k in range(2, 10)}}
    deleted = " ".join(t for c in wcpfc.changes if c.kind is ChangeKind.DELETED for t in c.old_texts)
    for u in WCPFC["unnumbered_changes"]:
        if u["op"] == "deleted":
            assert " ".join(u["old"].split()) in " ".join(deleted.split())
    added = [t for c in wcpfc.changes if c.kind is ChangeKind.ADDED for t in c.new_texts]
    assert any(t.endswith("To be decided, based on discussions at SC21 and findings from stages 1 through 9.")
               for t in added)
    assert not any("To be decided" in t for c in wcpfc.changes if c.new == ("9",) for t in c.new_texts)
