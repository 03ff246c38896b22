"""`lspkit diff` on round 15's blind pairs (data/real/pairs): the diff stage's and the change reader's share.

- West Ada Policy 1201 draft, a Word document with tracked changes printed by Aspose (Simbli board packet): its
  marks are highlights behind black text, insertions on pale cyan (never underlined), deletions struck through
  on pink, no change bar; five wholly struck paragraphs run on from the last inserted one.  `diff --tracked`
  reads it (5 deleted, 3 added, word for word the gold's), and the draft against the district's clean web print
  is its final text against the clean one: no paragraph changed, the title box's fields as cover changes.
- NHSX Digital Health Technology Standard v1 -> v2: two authors added under "Prepared by:" on a mostly unnumbered
  paper's cover: one cover change, no paragraph added.
- Australian Greens Victoria constitution 2023 -> 2024: a schedule item whose heading is run into its text in one
  version ("2 Notice State Council must ...") and read as a heading over unnumbered text in the other is no
  deletion.
The highlight convention is also drawn synthetically (tests/tracked_draw.py, "highlights"), with the other
producers' conventions in tests/test_tracked_conventions.py.
"""
from __future__ import annotations

import re

import pytest
from real_util import changed as _changed
from real_util import pair_diff as _diff
from real_util import pair_gold as _gold
from real_util import real_pdf

from lspkit.analyse.align import align
from lspkit.analyse.diff import ChangeKind

TRACKED = _gold("west-ada-sd_2024_policy-1201-non-discrimination-tracked-draft.tracked.gold.json")
DRAFT_CLEAN = _gold("west-ada-sd_2024_policy-1201-non-discrimination-tracked-draft--"
                    "west-ada-sd_2025_policy-1201-00-non-discrimination-clean-web.gold.json")
NHSX = _gold("nhsx_2020_digital-health-technology-standard-draft-v1--"
             "nhsx_2020_digital-health-technology-standard-draft-v2.gold.json")
GREENS = _gold("australian-greens-victoria_2023_constitution-v2023-01-02--"
               "australian-greens-victoria_2024_constitution-v2024-03-06.gold.json")


def _words(text) -> list[str]:
    return re.findall(r"\w+", (text or "").replace("\u2019", "'").casefold())


@pytest.fixture(scope="module")
def tracked():
    from lspkit.api import diff_files

    return diff_files(str(real_pdf(TRACKED["tracked"])), None, tracked=True, themes=False)


def test_highlighted_markup_every_paragraph_inserted_and_deleted_word_for_word(tracked):
    """The gold's five struck paragraphs deleted and three highlighted ones added, each its own unit with the
    gold's words (the struck ones were given to the last kept line by the reader: a paragraph's gap between
    them keeps them apart), and no other change."""
    got = {(c.kind.value, tuple(_words(" ".join(c.old_texts or c.new_texts)))) for c in _changed(tracked)}
    want = {(u["op"], tuple(_words(u["old"] or u["new"]))) for u in TRACKED["unnumbered_changes"]}
    assert got == want


def test_the_draft_against_its_clean_print_is_its_final_text_and_its_title_box():
    """The clean web print is the draft's final text word for word: no paragraph changed; the title box's
    status and adopted date (fields of a mostly unnumbered paper's cover) and the title are cover changes, and
    the title box's lines are not compared again as text."""
    result = _diff(DRAFT_CLEAN)
    assert not _changed(result), [(c.kind, c.old, c.new) for c in _changed(result)]
    fields = {f.field: (f.old, f.new) for f in result.metadata}
    assert fields.get("Original Adopted Date") == ("Pending", None)
    assert fields.get("status") == ("DRAFT", None)
    assert fields["title"] == ("Policy 1201: Non-Discrimination", "Policy 1201.00 Non-Discrimination")
    assert "carries tracked changes" in (result.tracked or "")


def test_authors_added_under_prepared_by_are_a_cover_change_not_paragraphs():
    """'Prepared by: Rhod Joyce, Head of Partnerships, NHSX' gains two lines shaped alike under it: the field's
    value runs on over them, one cover change; the body is word for word the same."""
    result = _diff(NHSX)
    assert not _changed(result), [(c.kind, c.old, c.new, c.new_texts) for c in _changed(result)]
    (field,) = [f for f in result.metadata if f.field == "Prepared by"]
    assert field.old == "Rhod Joyce, Head of Partnerships, NHSX"
    assert "Dr Indra Joshi, Director of AI, NHSX" in field.new and "Jess Morley, Senior Policy Advisor, NHSX" in field.new


def test_a_heading_run_into_its_text_in_one_version_is_no_deletion():
    """Schedule 5 item 2: the 2023 reading runs its heading in ('Notice State Council must give members as much
    notice ...', paragraph 5.2); the 2024 reading has the heading 'Notice' (section 5.2) over the same words as
    unnumbered text.  The gold: unchanged."""
    result = _diff(GREENS)
    (change,) = [c for c in result.changes if c.old == ("5.2",)]
    assert change.kind is ChangeKind.UNCHANGED
    assert "5.2" not in [c.old[0] for c in _changed(result) if c.old]


def test_highlights_with_nothing_struck_are_no_tracked_changes(tmp_path):
    """A paper that shades lines (a highlighted sentence, a key line on pale yellow) but strikes nothing through
    has no markup: no tracked changes are read."""
    pytest.importorskip("reportlab")
    from reportlab.pdfgen import canvas

    from lspkit.analyse.diff import NoTrackedChanges
    from lspkit.api import diff_files

    path = tmp_path / "shaded.pdf"
    c = canvas.Canvas(str(path), pagesize=(595, 842), invariant=1)
    y = 760
    for k, line in enumerate(["1. The Council agrees the budget for the coming year in full.",
                              "2. Members must declare their interests before the meeting.",
                              "3. The Mayor shall chair every meeting of the Council."]):
        if k == 1:
            c.setFillColorRGB(1.0, 1.0, 0.6)
            c.rect(72, y - 3.5, 330, 14, stroke=0, fill=1)
            c.setFillColorRGB(0, 0, 0)
        c.setFont("Helvetica", 11)
        c.drawString(72, y, line)
        y -= 30
    c.showPage()
    c.save()
    with pytest.raises(NoTrackedChanges):
        diff_files(str(path), None, tracked=True, themes=False)


# a constitution's lead-in over two items, between two clauses that do not change
_LEAD_IN_OVER_ITEMS = ["Quorum is a majority of the members present.",
                       "A member is eligible for election as a State Councillor if they:",
                       "have been a member for the last two years, ignoring any gap of less than 30 days; and",
                       "live in Victoria.",
                       "A member is not eligible if they hold a paid office."]


def test_a_lead_in_merged_with_its_last_item_over_a_deleted_item():
    """'eligible ... if they: (a) have been a member ...; and (b) live in Victoria.' becoming 'eligible ... if
    they live in Victoria.': the lead-in and (b) merged, (a) deleted."""
    old = _LEAD_IN_OVER_ITEMS
    new = ["Quorum is a majority of the members present.",
           "A member is eligible for election as a State Councillor if they live in Victoria.",
           "A member is not eligible if they hold a paid office."]
    pairs = {(m.old, m.new) for m in align(old, new)}
    assert ((1, 3), (1,)) in pairs
    assert not any(2 in o for o, _ in pairs)


def test_no_merge_over_a_gap_when_the_pieces_do_not_rebuild_the_whole():
    """A lead-in whose last item was reworded as well as folded in is modified, not merged over the gap."""
    old = _LEAD_IN_OVER_ITEMS
    new = ["Quorum is a majority of the members present.",
           "A member is eligible for election as a State Councillor if they reside in the State and are enrolled.",
           "A member is not eligible if they hold a paid office."]
    assert not any(len(m.old) > 1 for m in align(old, new))


def test_schedule_items_folded_into_their_lead_ins_are_merges_and_the_rest_deletions():
    """Schedule 8 items 3 and 4(2) (the gold): 3 and 3(a) merged into 3 ('... closed, they have been a member
    ... for the last three months.'), 3(b) deleted; 4(2)(a) deleted and 4(2) merged with 4(2)(b) ('... if they
    live in Victoria.').  The 2023 reading glues each list's last item into the one before it ('...; and (b)
    ...'): the diff cuts it at its printed label, and the lead-in is merged with the item that rebuilds it, not
    with a neighbour worded alike (item 2, 'eligible to vote in a preselection if they have been a member')."""
    result = _diff(GREENS)
    got = {(c.kind.value, c.old, c.new) for c in _changed(result) if c.old and c.old[0].startswith("8.")}
    assert got == {("merged", ("8.3", "8.3(a)"), ("8.3",)), ("deleted", ("8.3(b)",), ()),
                   ("modified", ("8.2",), ("8.2",)),
                   ("deleted", ("8.4(2)(a)",), ()), ("merged", ("8.4(2)", "8.4(2)(b)"), ("8.4(2)",))}


def _doc(*paragraphs):
    from lspkit.model import Document, Paragraph, Source

    return Document(source=Source(path="x.txt", sha256="0" * 64, pages=1),
                    paragraphs=tuple(Paragraph(number=n, text=t, page=1, label=n) for n, t in paragraphs))


def test_an_item_glued_into_the_one_before_is_cut_at_its_label_only_after_an_items_end():
    """'(a) ...; and (b) ...' is two items; a lead-in's own sub-list after a colon ('(h) the following: (i) ...
    (ii) ...') and an item that is already a paragraph are left as they are."""
    from lspkit.analyse.diff import _glued_items

    d = _doc(("4(a)", "have been a member for two years; and (b) live in Victoria."),
             ("5(h)", "the following: (i) a member; (ii) a delegate."),
             ("6(a)", "hold office; or (b) resign."), ("6(b)", "resign."))
    cut, origin = _glued_items(d, [0, 1, 2, 3])
    assert [(p.number, p.text) for p in cut.paragraphs] == [
        ("4(a)", "have been a member for two years; and"), ("4(b)", "live in Victoria."),
        ("5(h)", "the following: (i) a member; (ii) a delegate."),
        ("6(a)", "hold office; or (b) resign."), ("6(b)", "resign.")]
    assert origin == [0, None, 1, 2, 3]
    assert cut.paragraphs[1].label == "4(b)"  # printed as the item before it is kept


def test_a_marker_pen_highlight_struck_here_and_there_marks_nothing_but_the_strike(tmp_path):
    """Lines shaded yellow as with a marker pen, one word on them struck through: the highlight is neither the
    deletions' (most of its text is not struck) nor the insertions' (some is): only the struck word is a change."""
    pytest.importorskip("reportlab")
    from reportlab.pdfbase.pdfmetrics import stringWidth
    from reportlab.pdfgen import canvas

    from lspkit.api import extract

    path = tmp_path / "marker.pdf"
    c = canvas.Canvas(str(path), pagesize=(595, 842), invariant=1)
    lines = ["1. The Council agrees the annual budget for the coming year in full.",
             "2. Members must declare their interests before the meeting begins.",
             "3. The Mayor shall chair every ordinary meeting of the Council."]
    y = 760
    for line in lines:
        c.setFillColorRGB(1.0, 1.0, 0.4)
        c.rect(72, y - 3.5, stringWidth(line, "Helvetica", 11), 14, stroke=0, fill=1)
        c.setFillColorRGB(0, 0, 0)
        c.setFont("Helvetica", 11)
        c.drawString(72, y, line)
        if line.startswith("3."):  # "ordinary" struck through
            x0 = 72 + stringWidth("3. The Mayor shall chair every ", "Helvetica", 11)
            c.setLineWidth(0.6)
            c.line(x0, y + 3.2, x0 + stringWidth("ordinary", "Helvetica", 11), y + 3.2)
        y -= 30
    c.showPage()
    c.save()
    d = extract(str(path))
    marks = [(p.number, c.op.value, c.text) for p in d.paragraphs for c in p.changes]
    assert marks == [("3", "deleted", "ordinary")]
