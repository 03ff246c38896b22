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


# ---------------------------------------------------------------- prose under numbered headings, placed by print

CLAUSES = {
    "Banking": "The Society must maintain a banking account with a suitable Bank or Building Society to hold funds.",
    "Treasurer": "It shall be the responsibility of the Junior Treasurer to manage the bank accounts of the Society.",
    "Registration": "The Society shall register with the University each year and keep its record up to date.",
    "Contracts": "No member may enter into a contract on behalf of the Society without the Committee's approval.",
    "Liability": "Members shall not be liable for debts the Society incurs pursuant to a contract so approved.",
}


def _clauses(name: str, numbered: list[tuple[str, str, list[str]]]) -> tuple[Document, str]:
    """A constitution set as numbered headings over their sentences (no numbered paragraph), and the text its
    page prints: a contents list first (the headings again, with page numbers), then the body."""
    from lspkit.model import Block

    sections = tuple(Section(n, h, 2) for n, h, _ in numbered)
    blocks = tuple(Block(t, 2) for _, _, texts in numbered for t in texts)
    contents = [f"{n}. {h} . . . . . . 2" for n, h, _ in numbered]
    body = [line for n, h, texts in numbered for line in [f"{n}. {h}", *texts]]
    doc = Document(source=Source(name, "", 2), sections=sections, blocks=blocks)
    return doc, "\n".join(["Contents", *contents, *body])


def test_prose_under_clause_headings_is_compared_as_the_numbered_clause():
    c = CLAUSES
    old, old_printed = _clauses("old.pdf", [("5.1", "Banking", [c["Banking"]]), ("5.2", "Treasurer", [c["Treasurer"]]),
                                           ("5.3", "Registration", [c["Registration"]]),
                                           ("5.4", "Contracts", [c["Contracts"]]), ("5.5", "Liability", [c["Liability"]])])
    new, new_printed = _clauses("new.pdf", [("5.1", "Junior Treasurer", [c["Banking"], c["Treasurer"]]),
                                           ("5.2", "Registration", [c["Registration"]]),
                                           ("5.3", "Contracts", [c["Contracts"]]), ("5.4", "Liability", [c["Liability"]])])
    result = diff_documents(old, new, blocks=True, pages=(old_printed, new_printed))
    got = [(c.kind, c.old, c.new) for c in _changed(result)]
    assert got == [(ChangeKind.MERGED, ("5.1", "5.2"), ("5.1",)), (ChangeKind.RENUMBERED, ("5.3",), ("5.2",)),
                   (ChangeKind.RENUMBERED, ("5.4",), ("5.3",)), (ChangeKind.RENUMBERED, ("5.5",), ("5.4",))]
    # without the printed text the blocks cannot be placed under their headings: positions, as before
    assert all(x.startswith("\u00b6") for c in _changed(diff_documents(old, new, blocks=True))
               for x in c.old + c.new)


def test_a_reports_sections_over_several_paragraphs_keep_their_prose_unnumbered():
    c = list(CLAUSES.values())
    shape = [("1", "Introduction", c[0:2]), ("2", "Background", c[2:4]), ("3", "Options", c[3:5]),
             ("4", "Risks", c[0:2])]
    old, old_printed = _clauses("old.pdf", shape)
    new, new_printed = _clauses("new.pdf", shape[:3] + [("4", "Risks", [c[0], c[1] + " Added."])])
    got = _changed(diff_documents(old, new, blocks=True, pages=(old_printed, new_printed)))
    assert got and all(x.startswith("\u00b6") for ch in got for x in ch.old + ch.new)


def test_unnumbered_prose_between_two_items_is_placed_between_them_where_the_pages_print_it():
    """A Block has only a page: slotted before the page's numbered paragraphs it is nowhere near the item it
    follows; placed where the pages print it, an item and the prose after it read as one in the other version
    are paired with it (the same words read otherwise), not the prose deleted and the item 'modified'."""
    from lspkit.model import Block

    item = "The District has designated Ramona Lee as the District's Section 504 Compliance Officer."
    after = "The District's 504 Compliance Officer is responsible for the coordination of compliance."
    first = "The District has designated Dr Reinhart as the Title II ADA Coordinator for the District."
    old = Document(source=Source("old.pdf", "", 1), paragraphs=(Paragraph("1", first, 1), Paragraph("2", item, 1)),
                   blocks=(Block("Administrative regulation on accommodating individuals with disabilities.", 1),
                           Block(after, 1)))
    new = Document(source=Source("new.pdf", "", 1),
                   paragraphs=(Paragraph("1", first, 1), Paragraph("2", f"{item} {after}", 1)),
                   blocks=(Block("Administrative regulation on accommodating individuals with disabilities.", 1),))
    printed_old = "\n".join([old.blocks[0].text, f"1. {first}", f"2. {item}", after])
    printed_new = "\n".join([new.blocks[0].text, f"1. {first}", f"2. {item} {after}"])
    result = diff_documents(old, new, blocks=True, pages=(printed_old, printed_new))
    assert not _changed(result)  # the same words, cut otherwise by the reader: no change
    assert [(c.old, c.new) for c in result.changes][-1] == (("2", "\u00b62"), ("2",))
    # placed before the page's numbered paragraphs (the text printed unknown): 2 "modified", the prose "deleted"
    got = {c.kind for c in _changed(diff_documents(old, new, blocks=True))}
    assert got == {ChangeKind.MODIFIED, ChangeKind.DELETED}


def test_a_line_run_out_to_its_page_number_with_leaders_is_no_paragraph():
    text = "Dissolution Process . . . . . . . . . . . . . . 8"
    old = Document(source=Source("old.pdf", "", 1), paragraphs=(Paragraph("10.1", text, 1), Paragraph("1", LATER, 1)))
    new = Document(source=Source("new.pdf", "", 1), paragraphs=(Paragraph("1", LATER, 1),))
    assert not _changed(diff_documents(old, new))


CUCATS = _gold("cucats_2025_constitution-9-july--cucats_2025_constitution-30-july.gold.json")
STANDING = _gold("uoft-engsoc_2025_standing-rules-of-order-may--uoft-engsoc_2025_standing-rules-of-order-october"
                 ".gold.json")


def _label(x):
    return x[0] if isinstance(x, list) else x


def test_cucats_clauses_under_their_headings_every_gold_operation():
    """Typst sets each subsection as a bold "5.1. Banking" over unnumbered sentences: compared as the numbered
    clause, every operation of the gold is found as written (5.1 + 5.2 -> 5.1 merged, 5.5 -> 5.3 renumbered,
    3.12 modified ...), and the contents line read as paragraph 10.1 is no deletion."""
    from real_util import pair_diff

    result = pair_diff(CUCATS)
    got = {(c.kind.value, c.old[0] if c.old else None, c.new[0] if c.new else None) for c in _changed(result)}
    want = {(o["op"], _label(o["old"]), _label(o["new"])) for o in CUCATS["operations"]}
    assert want <= got
    assert not any(c.old and c.old[0] in ("10.1", "10.2") for c in _changed(result))


def test_standing_rules_items_run_into_their_lead_in_are_no_merge():
    """The October print runs 0.2.1's items into its text ("... a privileged motion that: a. takes precedence
    ..."); the May print sets them apart (0.2.1(a) ...): the same items, unchanged; none of the May sections'
    rules 'moved' under the October heading the segmenter read from a line of text."""
    from real_util import pair_diff

    result = pair_diff(STANDING)
    kinds = {c.kind for c in _changed(result)}
    assert ChangeKind.MERGED not in kinds and ChangeKind.MOVED not in kinds
    assert {n for c in result.changes if c.kind is ChangeKind.UNCHANGED for n in c.new} >= {
        f"0.2.1({k})" for k in "abcdefghi"}
