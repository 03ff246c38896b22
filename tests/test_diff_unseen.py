"""`lspkit diff` on real version pairs first measured unseen (data/real/pairs/, round 5): an ombudsman's
draft and final decision, a students' association's standing orders and their corrected edition.

Each test drives the whole pipeline on the real PDFs and checks the gold written from the page.
"""
from __future__ import annotations

import json

import pytest

from lspkit.analyse.diff import ChangeKind
from real_util import PAIRS
from real_util import real_pdf as _real

LGO = json.loads((PAIRS / "lgo-14-019-995-draft-final.gold.json").read_text(encoding="utf-8"))


def _diff(gold: dict):
    from lspkit.api import diff_files

    return diff_files(str(_real(gold["old"])), str(_real(gold["new"])), themes=False)


@pytest.fixture(scope="module")
def lgo():
    return _diff(LGO)


def _ops(result) -> set[tuple[str, str | None, str | None]]:
    out = set()
    for c in result.changes:
        if c.kind is ChangeKind.UNCHANGED:
            continue
        out.add((c.kind.value, c.old[0] if c.old else None, c.new[0] if c.new else None))
    return out


def test_a_paragraph_reworded_between_paired_neighbours_is_modified_not_deleted_and_added(lgo):
    got = _ops(lgo)
    # draft 30 -> final 34: renumbered and rewritten ("Unless the Council can provide..." -> "The Council says
    # ... it will consider his claim"), between 29 -> 33 and 31 -> 35
    assert ("modified", "30", "34") in got
    assert ("deleted", "30", None) not in got and ("added", None, "34") not in got
    # ... while draft 23 / final 25, also alone between paired neighbours, share little beyond names: the gold
    # keeps them deleted + added
    assert ("deleted", "23", None) in got and ("added", None, "25") in got


def test_every_gold_operation_of_the_draft_and_final_decision(lgo):
    want = {(o["op"], o["old"], o["new"]) for o in LGO["operations"]}
    got = _ops(lgo)
    assert sorted(want - got, key=str) == []
    assert sorted(got - want, key=str) == []


def _extract(name: str):
    from real_util import extracted

    return extracted(_real(name))  # once per session


def test_the_cover_behind_a_scanned_covering_letter_is_read_on_the_first_page_with_text(lgo):
    # the final's page 1 is a scanned letter (no text layer): its cover ("Complaint reference: 14 019 995",
    # "Complaint against: ...") sits above paragraph 1 on page 2, as the draft's does on page 1
    from lspkit.analyse.diffparts import cover_of

    final = _extract(LGO["new"])
    assert cover_of(final).fields.get("Complaint reference") == "14 019 995"
    fields = {f.field for f in lgo.metadata}
    assert fields <= {"title", "date", "signature"}, lgo.metadata
    assert {"title", "date"} <= fields


def test_a_cover_field_printed_by_both_versions_is_not_removed_however_it_was_read():
    # the same real cover, but the new version's two labelled lines read as one block (as a segmenter may
    # glue them): both lines are still printed on the new cover, so neither field was removed
    from dataclasses import replace

    from lspkit.analyse.diffparts import metadata_changes

    old, new = _extract(LGO["old"]), _extract(LGO["new"])
    blocks = list(new.blocks)
    assert blocks[0].text.startswith("Complaint reference") and blocks[1].text.startswith("Complaint against")
    glued = replace(new, blocks=tuple([replace(blocks[0], text=blocks[0].text + " " + blocks[1].text)] + blocks[2:]))
    changes = {(f.field, f.op) for f in metadata_changes(old, glued)}
    assert ("Complaint reference", "removed") not in changes and ("Complaint against", "removed") not in changes


OXFORD = json.loads((PAIRS / "oxford-university-liberal-association-standing-orders-mt24-corrected.gold.json")
                    .read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def oxford():
    return _diff(OXFORD)


def test_a_contents_page_added_by_a_corrected_edition_is_no_added_paragraph(oxford):
    # the corrected edition adds a page "CONTENTS" of sixteen lines "1) The Ratification ...", "16) History of
    # Standing Order Amendments" (no page numbers): front matter, not sixteen new paragraphs, not a new section
    listed = [c for c in oxford.changes if any("Ratification of the Standing Orders" == t.strip() for t in c.new_texts)]
    assert listed == []
    assert not [c for c in oxford.changes if c.kind is ChangeKind.ADDED]
    assert not [h for h in oxford.headings if "contents" in (h.new_heading or "").lower()]


def test_a_contents_list_without_its_title_is_known_by_the_headings_it_names():
    # the same real page with its title lost: its entries name, word for word, the sections that follow
    from dataclasses import replace

    from lspkit.analyse.diff import _contents_entries

    new = _extract(OXFORD["new"])
    listed = _contents_entries(new)
    assert len(listed) == 16
    untitled = replace(new, paragraphs=tuple(replace(p, heading=None) if k in listed else p
                                             for k, p in enumerate(new.paragraphs)))
    assert _contents_entries(untitled) == listed
    # a real standing orders' own short items are never taken for contents
    assert _contents_entries(_extract(OXFORD["old"])) == set()


def test_a_corrected_edition_with_the_same_words_cut_at_other_places_has_no_change(oxford):
    # Section 16 re-paginated: the old version's blocks 68-86 are read in the new one as a numbered paragraph
    # (a line "1. Therefore, ..." after "Standing Order") and other blocks; together they hold the same words,
    # but for that "1": the gold has no wording change at all
    changed = [c for c in oxford.changes if c.kind is not ChangeKind.UNCHANGED]
    assert changed == [], [(c.kind.value, c.old, c.new) for c in changed]
    assert any("page break" in c.noise for c in oxford.changes)


def test_a_one_word_closing_line_carries_a_merge_across_it():
    # the old history's letters close "Yours," / "The President, University College.": a run of old blocks the
    # new version reads as one unit is one merge, not broken at each closing "Yours,"
    from lspkit.analyse.align import align
    from lspkit.analyse.diff import _units

    # (the corrected edition no longer reads those blocks as one unit, so the one unit is their own words joined)
    old, _ = _units(_extract(OXFORD["old"]), True, labelled=True, cover=True)
    first = next(i for i, p in enumerate(old.paragraphs) if p.text.startswith("To change the name of the Association"))
    yours = next(i for i, p in enumerate(old.paragraphs) if i > first and p.text == "Yours,")
    olds = [p.text for p in old.paragraphs[first:yours + 3]]
    matches = align(olds, [" ".join(olds)])
    assert [m.old for m in matches] == [tuple(range(len(olds)))]


CMU = json.loads((PAIRS / "cmu-student-senate-bylaws-2017-2018.gold.json").read_text(encoding="utf-8"))


def test_a_contents_list_on_the_cover_is_no_cover_line():
    # the 2017 bylaws' page 1 prints its title, "Adopted: ..." and the contents ("Article I. Purpose and Scope. 1"
    # ... "Article XI. Amendment. 20"): the contents lines name what the text prints further on, then a page
    # number, so they are no cover lines to be 'removed' when the next edition re-paginates them
    from lspkit.analyse.diffparts import cover_of

    old = _extract(CMU["old"])
    lines = cover_of(old).lines
    assert not [t for t in lines if t.startswith(("Article I. Purpose", "Article XI. Amendment"))], lines
    assert len(lines) <= 1, lines  # "Article VI. Officers. 11": the text prints it behind a line number ("490 ...")
    assert CMU["cover_changes"] == []


def test_a_contents_list_is_not_compared_as_text_in_either_edition():
    # the 2018 edition is mostly unnumbered text (compared block by block): its contents page, re-paginated
    # and renumbered ("Article V. Elections Procedures. 9" inserted), is no added or modified text
    result = _diff(CMU)
    contents = [c for c in result.changes if c.kind is not ChangeKind.UNCHANGED
                and any(t.strip().startswith("Article I. Purpose and Scope") for t in (*c.old_texts, *c.new_texts))]
    assert contents == [], [(c.kind.value, c.old, c.new) for c in contents]
