"""`lspkit diff`, round 17: the contents page compared line by line, shown apart and not counted; running
footers the segmenter kept as text; a constitution's clause prose under its title compared unasked.

- SAC 01 (Singapore Accreditation Council, 2018 -> 2020): a new section 3 renumbers every later section and moves
  their pages; each contents line that changed is reported as printed ("3 Obligations of the Accredited
  Organisations ... 2" -> "4 ... ... 3"), the new "3 Application for Accreditation ... 2" as added, in every format,
  and the diff's exit status does not depend on them.
- IAF MD 4 (2018 -> 2022): the old's footer "Issued: 04 July 2018 Application Date: ..." kept as text on most pages
  (and run into 4.1.2 over a page break) is a running footer: no block deleted, 4.1.2 unchanged, and the footer
  reported changed against the new's.
- Dorking and District Radio Society's constitution (2017 -> 2024): clause 5's unnumbered prose under "5. Finance",
  in a paper compared by its lettered paragraphs, is compared as clause 5 (modified), without --blocks.
"""
from __future__ import annotations

import json

from real_util import pair_diff
from real_util import pair_gold as _gold

from lspkit.analyse.diff import diff_documents
from lspkit.analyse.diffparts import contents_changes, contents_entries, running_blocks
from lspkit.model import Block, Document, DropReason, Dropped, Paragraph, Source
from lspkit.render.diff import render

SAC = ("singapore-accreditation-council_2018_sac-01-terms-and-conditions-for-accreditation--"
       "singapore-accreditation-council_2020_sac-01-terms-and-conditions-for-accreditation.gold.json")
KW = {"ignore_case": False, "ignore_punctuation": False}


def _doc(name: str, contents: list[str]) -> Document:
    return Document(source=Source(name, "", 2),
                    paragraphs=(Paragraph(number="1.1", text="The same text in both.", page=2),),
                    dropped=tuple(Dropped(text=t, page=1, reason=DropReason.CONTENTS) for t in contents))


def test_every_changed_contents_line_of_a_real_pair_is_reported_as_printed():
    gold = _gold(SAC)
    result = pair_diff(gold)
    want = [(c["old"], c["new"]) for c in gold["cover_changes"] if c["field"] == "contents"]
    got = [(f.old, f.new) for f in result.contents]
    assert len(got) == len(want) == 17
    assert ("3 Obligations of the Accredited Organisations ... 2",
            "4 Obligations of the Accredited Organisations ... 3") in got
    assert (None, "3 Application for Accreditation ... 2") in got
    # a title wrapped over two lines is one entry ("... and Re-" / "Application")
    assert any(f.old and f.old.endswith("and Re-Application ... 4") for f in result.contents)
    assert all(f.field == "contents" for f in result.contents)
    assert json.loads(render(result, "json"))["summary"]["contents"] == 17


def test_contents_lines_are_shown_in_every_format_and_never_counted():
    old = _doc("old.pdf", ["Contents", "1 General 1", "2 Scope 1", "3 Fees .......... 2"])
    new = _doc("new.pdf", ["Contents", "1 General 1", "2 Scope and Applicability 1", "3 Application 2",
                           "4 Fees .......... 3"])
    result = diff_documents(old, new)
    assert [(f.op, f.old, f.new) for f in result.contents] == [
        ("changed", "2 Scope ... 1", "2 Scope and Applicability ... 1"),
        ("added", None, "3 Application ... 2"),
        ("changed", "3 Fees ... 2", "4 Fees ... 3")]
    assert result.identical  # the text did not change: exit status 0
    assert "Contents page (not counted as a change):" in render(result, "terminal")
    assert "### Contents page" in render(result, "markdown")
    assert '<ul id="contents">' in render(result, "html")
    assert "@@ contents contents added @@" in render(result, "unified")
    assert json.loads(render(result, "json"))["contents"][1] == {"field": "contents", "op": "added", "old": None,
                                                               "new": "3 Application ... 2"}


def test_a_contents_page_only_one_version_prints_says_nothing():
    old = _doc("old.pdf", [])
    new = _doc("new.pdf", ["1 General 1", "2 Scope 1", "3 Fees 2"])
    assert contents_changes(old, new, KW) == []
    assert contents_entries(new) == [("1 General", "1"), ("2 Scope", "1"), ("3 Fees", "2")]


def test_every_page_moved_by_one_is_said_once():
    names = [f"{k} Part {w}" for k, w in enumerate("ABCDEF", 1)]
    old = _doc("old.pdf", [f"{n} {k + 4}" for k, n in enumerate(names)])
    new = _doc("new.pdf", [f"{n} {k + 3}" for k, n in enumerate(names)])
    got = contents_changes(old, new, KW)
    assert [(f.old, f.new) for f in got] == [("1 Part A ... 4", "1 Part A ... 3 (every page -1: 6 entries)")]


MD4 = ("iaf_2018_md4-use-of-ict-for-auditing-issue2--"
       "iaf_2022_md4-use-of-ict-for-auditing-issue2-v3.gold.json")
DORKING = "dorking-drs_2017_constitution--dorking-drs_2024_constitution.gold.json"


def test_a_footer_kept_as_text_on_most_pages_is_furniture():
    result = pair_diff(_gold(MD4))
    changed = [c for c in result.changes if c.kind.value != "unchanged"]
    assert not any("Issued: 04 July 2018" in " ".join(c.old_texts) for c in changed)
    assert not any(c.kind.value == "deleted" for c in changed)
    assert ("running footer", "Issued: 04 July 2018 Application Date: 04 July 2019 IAF MD 4:2018, Issue 2",
            "Issued: 01 February 2022 Application Date: 04 July 2019") in [
        (f.field, f.old, f.new) for f in result.furniture]


def test_running_blocks_are_lines_on_most_pages_not_text_repeated_on_some():
    footer = "Issued: 04 July 2018 Application Date: 04 July 2019"
    blocks = tuple(Block(text=t, page=p) for p, t in [(1, "A cover line of its own here."), (2, footer),
                                                     (3, footer), (4, footer), (4, "Signed by the Chair today")])
    blocks += (Block(text="Signed by the Chair today", page=5), Block(text="Issued: 04 July 2018", page=5))
    doc = Document(source=Source("x.pdf", "", 6), blocks=blocks,
                   paragraphs=tuple(Paragraph(number=str(k), text="Text.", page=k) for k in range(1, 7)))
    assert sorted(running_blocks(doc)) == [1, 2, 3, 6]  # the footer, and its piece on a page without it
    # a piece of a page's footer lines read as one ("Issued: ... Application Date: 08 May 2019" / "IAF MD 23:2018")
    dropped = tuple(Dropped(text=t, page=p, reason=DropReason.FOOTER) for p in (2, 3)
                    for t in ("Issued: 08 May 2018 Application Date: 08 May 2019", "IAF MD 23:2018"))
    doc = Document(source=Source("x.pdf", "", 3), dropped=dropped,
                   blocks=(Block(text="Application Date: 08 May 2019 IAF MD 23:2018", page=1),
                           Block(text="Application Date: 08 May 2019 IAF MD 23:2018", page=2)))
    assert sorted(running_blocks(doc)) == [0]  # page 2 prints the footer whole: its block there is text


def test_clause_prose_under_its_title_is_compared_without_blocks():
    result = pair_diff(_gold(DORKING))
    five = [c for c in result.changes if c.old == ("5",)]
    assert [(c.kind.value, c.new) for c in five] == [("modified", ("5",))]
    assert "temporarily held in a cash float" in " ".join(five[0].new_texts)


def test_a_space_taken_away_before_a_colon_or_after_an_item_bracket_is_punctuation():
    from lspkit.analyse.diffreread import spacing_fixes
    from lspkit.analyse.redline import RunOp

    def doc(name, text):
        return Document(source=Source(name, "", 1), paragraphs=(Paragraph(number="8(d)", text=text, page=1),))

    old = doc("old.pdf", "Items (i) to (v)shall be chaired by the outgoing Chairman , item (vi) by the new one.")
    new = doc("new.pdf", "Items (i) to (v) shall be chaired by the outgoing Chairman, item (vi) by the new one.")
    c = diff_documents(old, new).changes[0]
    assert c.kind.value == "punctuation" and c.noise == ("spacing",)
    assert [(w.op, w.text) for w in c.words if w.op is RunOp.INSERT] == [(RunOp.INSERT, "v) shall"),
                                                                         (RunOp.INSERT, " Chairman,")]
    assert spacing_fixes("responsible for : (i) keeping", "responsible for: (i) keeping") is not None
    # a space before a full stop, or after any bracket, is left to the word tokens: no spacing fix
    assert spacing_fixes("the end . Next", "the end. Next") is None
    assert spacing_fixes("see [note]then", "see [note] then") is None


def test_numbered_paragraphs_run_into_one_in_one_version_are_compared_as_themselves():
    rows = [("11.1", "Agendas for Committee Meetings must be made available to members."),
            ("11.1.1", "Agendas should be made available in advance of each meeting."),
            ("11.2", "Minutes for Committee Meetings must be made available to members."),
            ("11.2.1", "Minutes should be made available within a week of each meeting.")]
    old = Document(source=Source("old.pdf", "", 1),
                   paragraphs=tuple(Paragraph(number=n, text=t, page=1) for n, t in rows))
    glued = " ".join(f"{n} {t}" for n, t in rows)[len("11.1 "):].replace("within a week", "within ten days")
    new = Document(source=Source("new.pdf", "", 1), paragraphs=(Paragraph(number="11.1", text=glued, page=1),))
    got = [(c.kind.value, c.old, c.new) for c in diff_documents(old, new).changes if c.kind.value != "unchanged"]
    assert got == [("modified", ("11.2.1",), ("11.2.1",))]
    # a number in the text that opens otherwise than the other version's paragraph is text ("see 11.2 below")
    new = Document(source=Source("new.pdf", "", 1), paragraphs=(Paragraph(
        number="11.1", text=rows[0][1] + " 11.2 Below sets out the minutes.", page=1),))
    assert [c.kind.value for c in diff_documents(old, new).changes if c.old == ("11.1",)] != ["unchanged"]


def test_a_standards_documents_issue_lines_are_cover_changes_not_a_title_change():
    result = pair_diff(_gold(MD4))
    got = {(f.field, f.op, f.old, f.new) for f in result.metadata}
    # "Issue 2 (IAF MD 4:2018)" read into the old title, "Issue 2, Version 3" the new subtitle: the issue changed
    assert ("subtitle", "changed", "Issue 2 (IAF MD 4:2018)", "Issue 2, Version 3") in got
    assert not any(f == "title" for f, *_ in got)
    # the issue date changed: reported as the cover's field (both "Issued:" footers are dropped as running
    # footers since the cover's copy, set higher on page 1, counts with the other pages': segment/furniture.py)
    assert any(f == "issued" and op == "changed" and o.startswith("04 July 2018") and n.startswith("01 February 2022")
               for f, op, o, n in got)
    feet = {(f.field, f.old, f.new) for f in result.furniture}
    assert ("running footer", "Issued: 04 July 2018 Application Date: 04 July 2019 IAF MD 4:2018, Issue 2",
            "Issued: 01 February 2022 Application Date: 04 July 2019") in feet


def test_a_field_the_other_version_prints_as_its_footer_is_compared_with_it():
    from lspkit.analyse.diffparts import FieldChange, _field_in_running

    new = Document(source=Source("new.pdf", "", 2), dropped=tuple(
        Dropped(text="Review Date: March 2026", page=p, reason=DropReason.FOOTER) for p in (1, 2)))
    old = Document(source=Source("old.pdf", "", 2))
    f = FieldChange("review_date", "removed", "March 2025", None)
    assert _field_in_running(f, old, new, KW) == FieldChange("review_date", "changed", "March 2025", "March 2026")
    assert _field_in_running(FieldChange("review_date", "removed", "March 2026", None), old, new, KW) is None
    assert _field_in_running(FieldChange("author", "removed", "J Smith", None), old, new, KW).op == "removed"


MD23 = ("iaf_2018_md23-control-of-entities-issue1--"
        "iaf_2023_md23-control-of-entities-issue1-v2.gold.json")


def test_a_control_records_fields_are_cover_changes_and_its_block_no_text_change():
    result = pair_diff(_gold(MD23))
    got = {(f.field, f.old, f.new) for f in result.metadata}
    assert {("Issue No", "1", "1, Version 2"), ("Issue Date", "08 May 2018", "14 June 2023")} <= got
    record = [c for c in result.changes if "control record" in c.noise]
    assert record and all(c.kind.value == "unchanged" for c in record)
    assert not any("Prepared by" in " ".join(c.new_texts) for c in result.changes if c.kind.value != "unchanged")


def test_a_control_record_two_columns_read_as_one_line_is_cut_by_the_other_versions_labels():
    from lspkit.analyse.diffparts import document_record, record_changes

    body = "\n".join(["Some text of the paper that runs on."] * 12)
    old = ("Contents\nIssue No 2\nPrepared by: IAF Technical Committee\nApproved by: IAF Members\nDate: 08 June 2018\n"
           "Issue Date: 04 July 2018\nApplication Date: 04 July 2019\n" + body)
    new = ("Contents\nIssue No 2, Version 3\nPrepared by: IAF Technical Committee\n"
           "Approved by: IAF Members Date: 08 June 2018\n"
           "Issue Date: 01 February 2022 Application Date: 04 July 2019\n" + body)
    assert document_record(old)["Issue No"] == "2"
    assert [(f.field, f.old, f.new) for f in record_changes((old, new), KW)] == [
        ("Issue No", "2", "2, Version 3"), ("Issue Date", "04 July 2018", "01 February 2022")]
    # two labelled lines are no record; nor a run far into the paper
    assert document_record("Title\nDate: 1 May\nTime: 7pm\n" + body) == {}
    assert document_record(body + "\n" + body + "\nA: 1\nB: 2\nC: 3\nD: 4") == {}


def test_a_contents_page_in_two_columns_read_in_another_order_is_paired_by_number_and_title():
    old = _doc("old.pdf", ["1 Purposes......1", "2 Policies and party strategy.....1", "14 Joint branch proposal.....4",
                           "Schedule 1: Branch meeting procedure.....12", "Schedule 2: Joint branch proposal.....13"])
    # the new reads its two columns as one line each: "1 Purposes 1 Schedule 1: Branch meeting procedure ... 12"
    new = _doc("new.pdf", ["1 Purposes 1 Schedule 1: Branch meeting procedure......12",
                           "2 Policies and the party strategy 1 Schedule 2: Joint branch proposal.....13",
                           "14 Joint branch proposal.....5"])
    assert [(f.op, f.old, f.new) for f in contents_changes(old, new, KW)] == [
        ("changed", "2 Policies and party strategy ... 1", "2 Policies and the party strategy ... 1"),
        ("changed", "14 Joint branch proposal ... 4", "14 Joint branch proposal ... 5")]
