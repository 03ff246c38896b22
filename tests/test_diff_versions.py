"""`lspkit diff` on real versions: a constitution's two drafts, an annual summary re-issued, a
report's recommendations from Cabinet to Council, noise that is not a change, duplicates, splits,
punctuation, and tracked changes.

The real pairs' gold (data/real/pairs/*.gold.json) was written by reading both versions on the
page; the PDFs are restored by data/real/restore.py and the tests skip when one is absent.
"""
from __future__ import annotations

import json
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Optional

import pytest
from click.testing import CliRunner

from lspkit.analyse.align import align
from lspkit.analyse.diff import ChangeKind, HeadingOp, diff_documents, diff_tracked, final_versions
from lspkit.analyse.diffparts import RecOp, recommendations_of
from lspkit.cli import cli
from lspkit.model import Block, Document, Paragraph, Source, Table
from lspkit.render import diff as render
from real_util import PAIRS, extracted
from real_util import real_pdf as _real

DATA = Path(__file__).resolve().parent.parent / "data"
CABINET = DATA / "office-cabinet-report.pdf"


def _extract(path: Path) -> Document:
    """A committed or restored paper, read once per session (real_util.extracted)."""
    return extracted(path)


def _gold(name: str) -> dict:
    return json.loads((PAIRS / name).read_text(encoding="utf-8"))


# ---------------------------------------------------------------- a constitution, two drafts

CONSTITUTION = _gold("cardano-constitution-0312-0412.gold.json")
# Words from the page that find each changed unit of the gold among lspkit's units (the drafts'
# prose is unnumbered text under "Section N" headings, so lspkit names it ¶1, ¶2 ... by position).
LOCATE = {
    "III:4": "A special form of on-chain governance action",
    "IV:1": "Any participant in the Cardano Community may propose",
    "IV:2": "Development of Cardano Blockchain ecosystem budgets",
    "IV:4": "Any governance action requesting ada from the Cardano Blockchain treasury",
    "IV:5": "Any ada received from a Cardano Blockchain treasury withdrawal",
    "VII:4": "In the case of \u201cInfo\u201d actions that propose",
    "VII:8": "Budgets approved for the Cardano Blockchain ecosystem",
    "TREASURY-02": "TREASURY-02",
    "TREASURY-03": "TREASURY-03",
    "TREASURY-04a": "TREASURY-04a",
    "Appendix II, opening framing note": "These Framing Notes and Definitions are intended",
}


@pytest.fixture(scope="module")
def constitution():
    old = _extract(_real(CONSTITUTION["old"]))
    new = _extract(_real(CONSTITUTION["new"]))
    return diff_documents(old, new)


def _expected_constitution_ops() -> list[tuple[str, str]]:
    ops = [(o["op"], (o["new"] or o["old"])[0]) for o in CONSTITUTION["paragraph_ops"] if o["op"] != "unchanged"]
    ops += [(u["op"], u["where"]) for u in CONSTITUTION["unnumbered_changes"]]
    return ops


def test_constitution_every_gold_change_found_and_no_wrong_extra(constitution):
    found = []
    for op, label in _expected_constitution_ops():
        phrase = LOCATE[label]
        hits = [c for c in constitution.changes if any(phrase in t for t in c.new_texts)]
        assert hits, f"{label}: no unit of the new version holds {phrase!r}"
        assert hits[0].kind.value == op, f"{label}: {hits[0].kind.value} (gold {op})"
        found.append(hits[0])
    # Everything else is unchanged: page breaks, the running date, a heading glued to a paragraph,
    # a line given to the neighbouring paragraph are not changes of content.
    extra = [c for c in constitution.changes if c.kind is not ChangeKind.UNCHANGED and c not in found]
    assert extra == []
    assert constitution.summary["ops"]["modified"] == 10 and constitution.summary["ops"]["added"] == 1


def test_constitution_definitions_table_row_by_row(constitution):
    """The definitions run over a page break in both drafts (and a cell wraps into a row of its own):
    read as one header-less table, exactly the gold's rows are added and one term renamed."""
    gold = CONSTITUTION["table_changes"]
    [table] = [t for t in constitution.tables if t.op != "unchanged"]
    added = [g["row"].split(" | ")[0] for g in gold if g["op"] == "row added"]
    assert sorted(table.rows_added) == sorted(added) and table.rows_deleted == ()
    [renamed] = [g for g in gold if g["op"] == "row modified"]
    assert [(c.old, c.new) for c in table.cells] == [(renamed["old"], renamed["new"])]


def test_constitution_heading_glued_to_a_paragraph_is_the_renamed_heading(constitution):
    [gold] = CONSTITUTION["heading_changes"]
    renamed = [h for h in constitution.headings if h.op is HeadingOp.RENAMED]
    assert [(h.old_heading, h.new_heading) for h in renamed] == [(gold["old"], gold["new"])]
    glued = next(c for c in constitution.changes if any(gold["old"] in t for t in c.old_texts))
    assert glued.kind is ChangeKind.UNCHANGED and glued.noise == ("heading",)
    assert not [h for h in constitution.headings if h.op is HeadingOp.ADDED and h.new_heading == gold["new"]]


def test_constitution_on_the_command_line(tmp_path):
    out = tmp_path / "c.json"
    result = CliRunner().invoke(cli, ["diff", str(_real(CONSTITUTION["old"])), str(_real(CONSTITUTION["new"])),
                                      "--no-themes", "--format", "json", "-o", str(out)])
    assert result.exit_code == 1, result.output
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["summary"]["ops"]["modified"] == 10
    assert any(h["op"] == "renamed" for h in data["headings"])


# ---------------------------------------------------------------- an annual summary re-issued


@pytest.mark.parametrize("pair", ["city-of-london-cil-2022-2023.gold.json", "city-of-london-cil-2023-2024.gold.json"])
def test_cover_changes_of_a_reissued_summary(pair):
    """Every printed cover change and nothing else: the PDF's own Author (Bernhardt, Carl in 2024, printed
    nowhere) is a document property, reported apart and not counted as a change."""
    from lspkit.api import diff_files

    gold = _gold(pair)
    result = diff_files(str(_real(gold["old"])), str(_real(gold["new"])), themes=False)
    got = {m.field: (m.old, m.new) for m in result.metadata}
    assert got == {m["field"]: (m["old"], m["new"]) for m in gold["metadata_changes"]}
    assert "1 cover field changed" in render.summary_line(result)
    assert not result.identical
    if pair.endswith("2023-2024.gold.json"):
        assert [(m.field, m.old, m.new) for m in result.properties] == [("author", "City of London Corporation", "Bernhardt, Carl")]
        assert "Document properties (not printed; not counted as a change):" in render.render(result, "terminal", width=200)
        assert json.loads(render.render(result, "json"))["properties"][0]["field"] == "author"


def test_a_document_property_printed_on_the_page_is_a_cover_field():
    from lspkit.analyse.diffparts import unprinted_fields

    meta = {"title": "Annual Summary 2024", "author": "Director of Place", "pdf_producer": "Word"}
    info = {"title": "Annual Summary 2024", "author": "Director of Place", "producer": "Word"}
    assert unprinted_fields(meta, info, "ANNUAL SUMMARY 2024\nReport of: Director of Place") == frozenset()
    assert unprinted_fields(meta, info, "Annual Summary 2024\nReport of the Director") == frozenset({"author"})
    assert unprinted_fields(meta, {"author": "jmf"}, "nothing printed") == frozenset()  # not the property's value


@dataclass(frozen=True)
class TabledBlock(Block):
    """Unnumbered text with the tables printed beside it, as the extractor is to give it: today a paper
    without numbered paragraphs loses the tables the reader found (Block has no tables)."""

    tables: tuple = ()


def _with_reader_tables(path: Path) -> Document:
    from lspkit.read import read_lines

    document = _extract(path)
    tables = tuple(Table(t.page, t.rows) for t in read_lines(str(path)).tables)
    first = TabledBlock(document.blocks[0].text, document.blocks[0].page, tables=tables)
    return replace(document, blocks=(first,) + document.blocks[1:])


@pytest.mark.parametrize("pair", ["city-of-london-cil-2022-2023.gold.json", "city-of-london-cil-2023-2024.gold.json"])
def test_rates_table_compared_cell_by_cell(pair):
    """The reader's ruled rates table (2023's header rows are outside the region it finds): rows by name
    ("Residential / Riverside" where the first cell repeats), columns by header or, against the header-less
    2023 table, by the cells they hold. Exactly the gold's new column and its values; no other cell."""
    gold = _gold(pair)
    [added] = [t for t in gold["table_changes"] if t["op"] == "column added"]
    result = diff_documents(_with_reader_tables(_real(gold["old"])), _with_reader_tables(_real(gold["new"])))
    [table] = result.tables
    assert table.op == "modified" and table.rows_added == table.rows_deleted == table.columns_deleted == ()
    [column] = table.columns_added
    if pair.endswith("2023-2024.gold.json"):
        assert column == added["column"]
    new_cells = {c.row: c.new for c in table.cells if c.column == column and c.old is None}
    expected = {}
    for key, value in added["cells"].items():
        [row] = [r for r in new_cells if r == key or (" / " not in key and key in r)]
        expected[row] = value
    assert new_cells == expected
    assert [c for c in table.cells if c.column != column] == []
    assert f"Offices | {column}: + {added['cells']['Offices']}" in render.render(result, "terminal", width=200)


def test_a_row_of_figures_is_not_a_header_and_units_under_a_header_join_it():
    from lspkit.analyse.diffparts import tables_of

    rows = (("Use", "Zone", "Rate 2023"), ("", "", "(£ per m2)"), ("Offices", "City-wide", "£111.40"), ("Hotels", "City-wide", "Nil"))
    doc = Document(Source("t", "", 1), paragraphs=(Paragraph("1.1", "Rates are as follows:", 1, tables=(Table(1, rows),)),))
    [(_, _, grid)] = tables_of(doc)
    assert grid.header and grid.rows[0] == ("Use", "Zone", "Rate 2023 (£ per m2)") and len(grid.rows) == 3
    bare = replace(doc, paragraphs=(replace(doc.paragraphs[0], tables=(Table(1, rows[2:]),)),))
    assert not tables_of(bare)[0][2].header


# ---------------------------------------------------------------- minutes, draft and signed

MINUTES = _gold("milburn-minutes-2020-01-draft-signed.gold.json")


def test_draft_and_signed_minutes_differ_only_in_furniture(tmp_path):
    """The signed copy fills in the signature footer ("Dated 3rd March 2020", on both pages) and breaks the
    page elsewhere; the extractor keeps the footer in the minute above it. No minute changed."""
    from lspkit.api import diff_files

    result = diff_files(str(_real(MINUTES["old"])), str(_real(MINUTES["new"])), themes=False)
    got = [(c.kind.value, list(c.old), list(c.new)) for c in result.changes if c.old and c.old[0].startswith("20.")]
    assert got == [(o["op"], o["old"], o["new"]) for o in MINUTES["paragraph_ops"]]
    assert [c for c in result.changes if c.kind is not ChangeKind.UNCHANGED] == []
    assert {n for c in result.changes for n in c.noise} == {"furniture"}
    assert result.identical and not result.metadata
    out = CliRunner().invoke(cli, ["diff", str(_real(MINUTES["old"])), str(_real(MINUTES["new"])), "--no-themes"])
    assert out.exit_code == 0, out.output


def test_a_footer_phrase_is_furniture_only_where_a_unit_ends_with_it():
    """The same words inserted mid-paragraph are content, even where other paragraphs end with them."""
    footer = "Signed ____ Dated 3rd March 2020"
    old = Document(Source("a", "", 2), paragraphs=(
        Paragraph("1.1", "The clerk reported on the precept.", 1),
        Paragraph("1.2", "The council agreed the budget on 3rd March 2020 at the meeting.", 1),
        Paragraph("2.1", "The meeting closed at 8.25pm.", 2)))
    new = replace(old, paragraphs=(
        Paragraph("1.1", f"The clerk reported on the precept. {footer} Page 1 of 2", 1),
        Paragraph("1.2", "The council agreed the budget on 3rd March 2020 at the meeting.", 1),
        Paragraph("2.1", f"The meeting closed at 8.25pm. {footer}", 2)))
    assert diff_documents(old, new).identical
    plain = replace(old, paragraphs=(old.paragraphs[0], Paragraph("1.2", "The council agreed the budget at the meeting.", 1),
                                     old.paragraphs[2]))
    inside = replace(new, paragraphs=(new.paragraphs[0], Paragraph(
        "1.2", f"The council agreed the budget {footer} at the meeting.", 1), new.paragraphs[2]))
    kinds = {c.new[0]: c.kind for c in diff_documents(plain, inside).changes}
    assert kinds["1.2"] is ChangeKind.MODIFIED


# ---------------------------------------------------------------- council rules, two versions

RULES = _gold("des-moines-procedural-rules-2021-06-2021-10.gold.json")


@pytest.fixture(scope="module")
def council_rules():
    from lspkit.api import diff_files

    # the rules are paragraphs ("Rule 1" ...); the adoption history after Rule 47, where the new "AMENDED:" line is,
    # is unnumbered text, compared too (the gold's unnumbered_changes)
    return diff_files(str(_real(RULES["old"])), str(_real(RULES["new"])), themes=False, blocks=True)


def test_council_rules_amendment_is_found_and_the_file_properties_kept_apart(council_rules):
    """Rule 28's four new sentences and the new AMENDED line are inserted text of the diff; the PDFs' own Title
    and Author (printed nowhere) are document properties, not cover changes."""
    inserted = " ".join(w.text for c in council_rules.changes for w in c.words if w.op.value == "insert")
    inserted = " ".join(inserted.split())
    for phrase in ("In lieu of providing a current residential address",
                   "At all public hearings, however, each speaker at each hearing that is a party in interest",
                   "October 18, 2021 Roll Call No. 21-1530"):
        assert phrase in inserted
    assert council_rules.metadata == () and RULES["metadata_changes"] == []
    props = {m.field: (m.old, m.new) for m in council_rules.properties}
    assert props["author"] == ("pkcmelik", "It Department")
    # the old copy's Title is a Word file name ("Microsoft Word - Rules of Procedure ..."), no title of the paper
    # for the extraction, but a property of the file that changed all the same; both versions' title is the one
    # printed ("PROCEDURAL RULES OF DES MOINES CITY COUNCIL", the same in both), so the file's own is "file title"
    title = RULES["document_property_changes"][0]
    assert props["file title"] == (title["old"], title["new"]) and title["old"].startswith("Microsoft Word - ")
    assert "title" not in props


def test_council_rules_every_rule_op_right(council_rules):
    """Every rule is a paragraph ('Rule 8', 'Rule 31A'), so each rule is compared with itself wherever the pages
    break, and the last rule ends where the adoption history's records in capitals begin ('ADOPTED: June 15,
    1987 ...'); Rule 29's 'input', broken 'in-' / 'put' at a line end of the new copy, is joined as one word."""
    got = {}
    for c in council_rules.changes:
        for label in c.new or c.old:
            got.setdefault(label, c.kind.value)
    want = {o["new"][0]: o["op"] for o in RULES["paragraph_ops"]}
    assert len(want) == 50
    assert {label: got.get(label) for label in want} == want
    # the history after the rules: the gold's one unnumbered addition is inserted text there
    [added] = [u["new"] for u in RULES["unnumbered_changes"]]
    history = [c for c in council_rules.changes if not (c.new or c.old)[0].startswith("Rule ")]
    inserted = " ".join(" ".join(w.text.split()) for c in history for w in c.words if w.op.value == "insert")
    assert added in inserted


def test_council_rules_history_is_one_change(council_rules):
    """The adoption history after the rules is unnumbered blocks that break at other places in the two copies (a
    page each): compared by their words, not their breaks, it is one change whose one edit is the new line."""
    [added] = [u["new"] for u in RULES["unnumbered_changes"]]
    [history] = [c for c in council_rules.changes
                 if not (c.new or c.old)[0].startswith("Rule ") and c.kind is not ChangeKind.UNCHANGED]
    assert history.kind is ChangeKind.MODIFIED and history.new_texts[0].startswith("ADOPTED: June 15, 1987")
    assert [" ".join(w.text.split()) for w in history.words if w.op.value != "equal"] == [added]


def test_blocks_broken_at_other_places_join_only_where_that_explains_edits():
    """Two blocks whose break moved are one change; a block of new text next to them stays added, and
    neighbouring blocks whose edits are their own stay apart."""
    first, second = "The council met in March and agreed the budget.", "It then set the precept for the year ahead."
    old = Document(source=Source("old.pdf", "0", 3), paragraphs=(), blocks=(
        Block(f"{first} {second} Members thanked the clerk.", 1), Block("Tail text that stays put.", 2)))
    new = replace(old, blocks=(Block(first, 1), Block(f"{second} Members warmly thanked the clerk.", 2),
                               Block("A wholly new closing note from the chair.", 2),
                               Block("Tail text that stays put.", 3)))
    changes = [c for c in diff_documents(old, new, blocks=True).changes if c.kind is not ChangeKind.UNCHANGED]
    assert [(c.kind, c.old, c.new) for c in changes] == [
        (ChangeKind.MODIFIED, ("\u00b61",), ("\u00b61", "\u00b62")), (ChangeKind.ADDED, (), ("\u00b63",))]
    assert [w.text.strip() for w in changes[0].words if w.op.value != "equal"] == ["warmly"]


def test_labelled_items_need_a_heading_or_to_be_next_at_a_sentence_start():
    """'under Rule 19. The selected ...' (a citation, the next number) is no item; 'Rule 21A. Rule 21 of these
    Rules notwithstanding' (no heading, the next of the series, a sentence's start) is one."""
    from lspkit.analyse.diff import labelled_items
    from lspkit.model import Block

    text = ("Rule 18. Call to Order. The Mayor shall call the meeting to order under Rule 19. The selected officer "
            "shall serve. Rule 19. Presiding Officer. The Mayor presides. Rule 21. Quorum of Seven. Seven make a "
            "quorum. Rule 21A. Rule 21 of these Rules notwithstanding, five may act.")
    items = labelled_items([Block(text, 1)])
    assert [p.number for p in items] == ["Rule 18", "Rule 19", "Rule 21", "Rule 21A"]
    assert items[0].text.endswith("under Rule 19. The selected officer shall serve.")
    assert labelled_items([Block("See Rule 4. Also Rule 5. Then Rule 6.", 1)]) is None
    # records in capitals after the last item's sentence are not the item's: an adoption history
    items = labelled_items([Block(text + " ADOPTED: June 15, 1987 Roll Call 87-2608 AMENDED: July 6, 1987", 2)])
    assert [p.number for p in items][-2:] == ["Rule 21A", "\u00b61"] and items[-2].text.endswith("five may act.")


# ---------------------------------------------------------------- recommendations, Cabinet to Council


@pytest.fixture(scope="module")
def cabinet():
    return _extract(CABINET)


def _council_version(doc: Document) -> Document:
    """The report as it would go on to full Council: addressed to Council, (a) now NOTEs, (d) added."""
    rec = doc.paragraph("2.1")
    parts = (
        "(a) notes that Cabinet adopted the Local Cycling and Walking Infrastructure Plan set out in Appendix A, "
        "including the changes made in response to consultation;",
        rec.parts[1],
        rec.parts[2].replace("consistent with it.", "consistent with it; and"),
        "(d) allocates £1.1 million of developer contributions to the Mill Road segregated cycle route.",
    )
    paragraphs = tuple(
        replace(p, text="That Council: " + " ".join(parts), parts=parts) if p.number == "2.1" else p for p in doc.paragraphs
    )
    metadata = {**doc.metadata, "to": "Council", "date": "2024-04-16"}
    return replace(doc, paragraphs=paragraphs, metadata=metadata, source=replace(doc.source, path="council.pdf"))


def test_recommendations_aligned_item_by_item_with_their_verbs(cabinet):
    result = diff_documents(cabinet, _council_version(cabinet))
    assert result.recommendations_from == ("section", "section")
    got = [(r.op, r.label) for r in result.recommendations]
    assert got == [
        (RecOp.MODIFIED, "(a) ADOPT \u2192 NOTE"),
        (RecOp.UNCHANGED, "(b) APPROVE"),
        (RecOp.UNCHANGED, "(c) DELEGATE"),  # only the list's glue changed ("it." -> "it; and")
        (RecOp.ADDED, "+ (d) ALLOCATE"),
    ]
    a = result.recommendations[0]
    assert a.verb_changed and any(w.op.value == "delete" and "adopts" in w.text for w in a.words)
    assert {m.field: (m.old, m.new) for m in result.metadata} == {"to": ("Cabinet", "Council"), "date": ("2024-03-12", "2024-04-16")}


def test_recommendations_lead_every_format(cabinet):
    result = diff_documents(cabinet, _council_version(cabinet))
    plain = render.render(result, "terminal", width=200)
    assert plain.index("Recommendations changed:") < plain.index("Summary:")
    assert "(a) ADOPT \u2192 NOTE modified" in plain and "+ (d) ALLOCATE added" in plain
    assert "to: Cabinet \u2192 Council" in plain
    page = render.render(result, "html")
    assert page.index('id="recommendations"') < page.index('id="summary"') and 'id="cover"' in page
    md = render.render(result, "markdown")
    assert md.index("## Recommendations") < md.index("## Summary") and "### Cover" in md
    unified = render.render(result, "unified").splitlines()
    assert unified[2] == "@@ recommendation (a) ADOPT \u2192 NOTE modified @@"
    data = json.loads(render.render(result, "json"))
    assert [r["op"] for r in data["recommendations"]] == ["modified", "unchanged", "unchanged", "added"]
    assert data["metadata"][0] == {"field": "to", "op": "changed", "old": "Cabinet", "new": "Council"}


def test_recommendations_the_extractor_provides_are_used_as_given(cabinet):
    @dataclass(frozen=True)
    class WithRecommendations(Document):
        recommendations: tuple = ()

    old = WithRecommendations(**{f: getattr(cabinet, f) for f in cabinet.__dataclass_fields__},
                              recommendations=({"label": "(i)", "verb": "NOTE", "text": "NOTE the report."},
                                               {"label": "(ii)", "verb": "ENDORSE", "text": "ENDORSE the plan."}))
    new = replace(old, recommendations=({"label": "(i)", "verb": "NOTE", "text": "NOTE the report."},
                                        {"label": "(ii)", "verb": "ADOPT", "text": "ADOPT the plan."},
                                        {"label": "(iii)", "verb": "DELEGATE", "text": "DELEGATE minor changes to the Director."}))
    assert recommendations_of(old)[1] == "document"
    result = diff_documents(old, new)
    assert [r.label for r in result.recommendations if r.op is not RecOp.UNCHANGED] == [
        "(ii) ENDORSE \u2192 ADOPT", "+ (iii) DELEGATE"]


def test_a_recommendations_box_read_as_a_paragraph_is_split_into_its_items():
    """The cover's box came out as paragraph 11 in one version and 5.1 in the other: its items still align."""
    cabinet = Document(Source("cabinet.pdf", "", 1), metadata={"to": "Cabinet"}, paragraphs=(Paragraph(
        "11", "RECOMMENDATIONS: Cabinet is asked to: (i) NOTE the responses to the consultation; "
              "(ii) ENDORSE the Minerals Plan for adoption by County Council.", 1),))
    council = Document(Source("council.pdf", "", 1), metadata={"to": "County Council"}, paragraphs=(Paragraph(
        "5.1", "RECOMMENDATIONS: County Council is asked to: (i) NOTE the responses to the consultation; "
               "(ii) ADOPT the Minerals Plan; and (iii) DELEGATE to the Director minor changes before publication.", 1),))
    result = diff_documents(cabinet, council)
    assert result.recommendations_from == ("box", "box")
    assert [r.label for r in result.recommendations] == ["(i) NOTE", "(ii) ENDORSE \u2192 ADOPT", "+ (iii) DELEGATE"]
    assert [m.to_dict() for m in result.metadata] == [{"field": "to", "op": "changed", "old": "Cabinet", "new": "County Council"}]


def test_recommendations_of_a_real_report_from_its_heading():
    items, source = recommendations_of(_extract(DATA / "head-of-policy-report.pdf"))
    assert source == "section" and [(r.label, r.verb) for r in items] == [("8.1", "ENDORSE")]


# ---------------------------------------------------------------- noise is not a change


COVENTRY = ["coventry-cc_2018_air-quality-spd-revised-draft-cabinet-member-report",
            "coventry-cc_2018_hot-food-takeaway-spd-revised-draft-cabinet-member-report",
            "coventry-cc_2023_householder-design-guide-spd-adoption-cabinet-report"]


@pytest.mark.parametrize("name", COVENTRY)
def test_recommendations_of_real_cabinet_reports_from_their_cover(name):
    """A cover's "Recommendations:" with its lead-in ("The Cabinet Member is requested to:") and its items in the
    blocks after it ("1. Note ...", "1) That Cabinet adopts ..."): each item, label, verb and words, as the gold
    has them (a paper with numbered paragraphs leaves its cover unaligned, so this is the only place they show)."""
    from lspkit.analyse.diffparts import _base

    gold = json.loads((PAIRS.parent / "gold" / f"{name}.gold.json").read_text(encoding="utf-8"))["recommendations"]
    items, source = recommendations_of(_extract(_real(f"{name}.pdf")))
    assert source == "box"
    assert [(r.label, r.verb, r.text) for r in items] == [
        (g["label"], _base(g["verb"]), g["text"].rstrip(".")) for g in gold]


def test_recommendation_changes_between_real_covers():
    """Two real reports on one template: the same two decisions for another document are each modified, with
    their redline; against a report asking other decisions (ADOPT, DELEGATE), nothing is paired."""
    from lspkit.api import diff_files

    air, food, design = (str(_real(f"{n}.pdf")) for n in COVENTRY)
    result = diff_files(air, food, themes=False)
    assert [(r.op, r.label) for r in result.recommendations] == [(RecOp.MODIFIED, "1 NOTE"), (RecOp.MODIFIED, "2 APPROVE")]
    assert [(w.op.value, w.text) for w in result.recommendations[0].words if w.op.value != "equal"] == [
        ("delete", "1"), ("insert", "2")]
    other = diff_files(air, design, themes=False)
    assert [r.label for r in other.recommendations] == ["\u2212 1 NOTE", "\u2212 2 APPROVE", "+ 1) ADOPT", "+ 2) DELEGATE"]


def test_a_cover_s_labelled_lines_are_cover_fields():
    """Two real reports on one cover template, whose labelled lines the segmenter leaves as text ("Name of Cabinet
    Member:" / "Cabinet Member for Housing and Communities – Councillor Ruane", "Is this a key decision?" / "No."):
    each line is a field by its printed label; the two that differ on the page are changed, the ones that read
    alike are not ("No." and "No" are one answer), and none of them is compared again as text."""
    from lspkit.analyse.diffparts import cover_of
    from lspkit.api import diff_files

    air, food = (str(_real(f"{n}.pdf")) for n in COVENTRY[:2])
    result = diff_files(air, food, themes=False, blocks=True)
    fields = {m.field: (m.old, m.new) for m in result.metadata if m.field[0].isupper()}
    assert fields == {
        "Name of Cabinet Member": ("Cabinet Member for Housing and Communities \u2013 Councillor Ruane",
                                   "Cabinet Member for Housing and Communities \u2013 Councillor E Ruane"),
        "Title": ("Air Quality Supplementary Planning Document \u2013 Revised Draft",
                  "Draft Hot Food Takeaway Supplementary Planning Document")}
    cover = cover_of(_extract(_real(f"{COVENTRY[1]}.pdf"))).fields
    assert cover["Is this a key decision?"] == "No" and cover["Ward(s) affected"] == "All"
    texts = " ".join(t for c in result.changes for t in c.old_texts + c.new_texts)
    assert "Name of Cabinet Member" not in texts and "Is this a key decision?" not in texts
    # an unlabelled line of the cover: "Cabinet Member" (a Cabinet Member report) against "Cabinet Report"
    design = diff_files(air, str(_real(f"{COVENTRY[2]}.pdf")), themes=False)
    assert ("cover line", "changed", "Cabinet Member", "Cabinet Report") in [
        (m.field, m.op, m.old, m.new) for m in design.metadata]
    assert "cover line: Cabinet Member \u2192 Cabinet Report" in render.render(design, "terminal", width=200)


def test_a_reworded_recommendation_at_the_same_place_is_the_same_item(cabinet):
    """Relabelled (a) -> (i) and the middle item reworded around a new verb (a fifth of its words stay): it is
    (b) -> (ii) APPROVE -> ENDORSE modified, between its unchanged neighbours, not a deletion and an addition."""
    rec = cabinet.paragraph("2.1")
    parts = ("(i) " + rec.parts[0].split(" ", 1)[1],
             "(ii) endorses the programme of schemes in Appendix A as the basis for the bids to the Active Travel Fund;",
             "(iii) " + rec.parts[2].split(" ", 1)[1])
    new = replace(cabinet, paragraphs=tuple(replace(p, text="That Cabinet: " + " ".join(parts), parts=parts)
                                            if p.number == "2.1" else p for p in cabinet.paragraphs))
    result = diff_documents(cabinet, new)
    assert [(r.op, r.label) for r in result.recommendations] == [
        (RecOp.RELABELLED, "(a) \u2192 (i) ADOPT"), (RecOp.MODIFIED, "(b) \u2192 (ii) APPROVE \u2192 ENDORSE"),
        (RecOp.RELABELLED, "(c) \u2192 (iii) DELEGATE")]


def test_leaked_table_cells_furniture_and_footnote_markers_are_not_modifications(cabinet):
    table = cabinet.paragraph("4.2").tables[0]
    leaked = " ".join(" ".join(row) for row in table.rows[1:4])
    edits = {
        "4.2": lambda t: f"{t} {leaked}",  # the table's cells read into the paragraph
        "3.3": lambda t: f"{t} Page 2 of 4",  # the page footer caught at a page break
        "5.1": lambda t: t.replace("Road Traffic Regulation Act 1984", "Road Traffic Regulation Act 19842", 1),
        "6.2": lambda t: t.replace("carbon emissions.", "carbon emissions3.", 1),  # a footnote marker
    }
    noisy = replace(cabinet, paragraphs=tuple(replace(p, text=edits[p.number](p.text)) if p.number in edits else p
                                              for p in cabinet.paragraphs))
    result = diff_documents(cabinet, noisy)
    by_number = {c.new[0]: c for c in result.changes if c.new}
    assert by_number["4.2"].kind is ChangeKind.UNCHANGED and by_number["4.2"].noise == ("table cells",)
    assert by_number["3.3"].kind is ChangeKind.UNCHANGED and by_number["3.3"].noise == ("furniture",)
    assert by_number["6.2"].kind is ChangeKind.UNCHANGED and by_number["6.2"].noise == ("footnote marker",)
    # A changed year is a change of content even though it looks like a marker glued to a number.
    assert by_number["5.1"].kind is ChangeKind.MODIFIED
    assert result.summary["ops"]["modified"] == 1 and result.summary["noise"] == 3


def test_ligature_glyphs_and_curly_quotes_are_no_change(cabinet):
    """One reader gives "ﬁ" as a ligature glyph, a re-save turns ' into ’: no word changed, so no paragraph did;
    in a paragraph that did change, the redline shows only the words that changed."""
    typeset = str.maketrans({"'": "\u2019"})
    new = replace(cabinet, paragraphs=tuple(
        replace(p, text=p.text.replace("fi", "\ufb01").replace("fl", "\ufb02").translate(typeset))
        for p in cabinet.paragraphs))
    assert sum("\ufb01" in p.text for p in new.paragraphs) >= 3
    assert diff_documents(cabinet, new).identical
    first = new.paragraphs[0]
    new = replace(new, paragraphs=(replace(first, text=first.text + " A new closing sentence."),) + new.paragraphs[1:])
    [changed] = [c for c in diff_documents(cabinet, new).changes if c.kind is not ChangeKind.UNCHANGED]
    assert [w.text.strip() for w in changed.words if w.op.value != "equal"] == ["A new closing sentence."]


def test_a_word_hyphenated_at_a_line_end_is_no_change(cabinet):
    """'recom- mended' (a hyphen and a line break the extractor kept, in one version) is the word 'recommended':
    unchanged, its noise named; a hyphen without the break ('recom-mended') is a change of punctuation, and a
    changed word beside a broken one is a modification."""
    first = cabinet.paragraphs[0]
    word = max(first.text.split(), key=len).strip(",.;:()")
    assert len(word) >= 8 and word.isalpha()
    cut = len(word) // 2

    def with_word(spelling: str) -> Document:
        return replace(cabinet, paragraphs=(replace(first, text=first.text.replace(word, spelling, 1)),)
                       + cabinet.paragraphs[1:])

    broken = diff_documents(cabinet, with_word(f"{word[:cut]}- {word[cut:]}"))
    assert broken.identical
    assert [c.noise for c in broken.changes if c.noise] == [("hyphenation",)]
    kinds = {c.new[0]: c.kind for c in diff_documents(cabinet, with_word(f"{word[:cut]}-{word[cut:]}")).changes}
    assert kinds[first.number] is ChangeKind.PUNCTUATION
    kinds = {c.new[0]: c.kind for c in diff_documents(cabinet, with_word(f"{word[:cut]}- {word[cut:]}x")).changes}
    assert kinds[first.number] is ChangeKind.MODIFIED


def test_a_footnote_marker_after_punctuation_is_no_change(cabinet):
    """A marker printed after a sentence's full stop or a comma ("plan.1", "plan,²") or in brackets
    ("plan [3]") in one version only is a footnote marker; a figure of a number ("4.87" / "4.") is a change."""
    # no page numbers or table cells to take a lone figure for
    cabinet = replace(cabinet, dropped=(), paragraphs=tuple(replace(p, tables=()) for p in cabinet.paragraphs))
    first = next(p for p in cabinet.paragraphs if ". " in p.text)
    stop = first.text.index(". ") + 1
    for marked in (first.text[:stop] + "1" + first.text[stop:], first.text[:stop - 1] + " [3]" + first.text[stop - 1:]):
        new = replace(cabinet, paragraphs=tuple(replace(p, text=marked) if p is first else p for p in cabinet.paragraphs))
        result = diff_documents(cabinet, new)
        assert result.identical and [c.noise for c in result.changes if c.noise] == [("footnote marker",)]
    figure = replace(first, text="See paragraph 4.87 of the plan.")
    old = replace(cabinet, paragraphs=tuple(figure if p is first else p for p in cabinet.paragraphs))
    new = replace(cabinet, paragraphs=tuple(replace(figure, text="See paragraph 4. of the plan.") if p is first else p
                                            for p in cabinet.paragraphs))
    assert {c.new[0]: c.kind for c in diff_documents(old, new).changes}[first.number] is ChangeKind.MODIFIED


def test_a_change_of_punctuation_only_is_reported_as_such(cabinet):
    edited = replace(cabinet, paragraphs=tuple(
        replace(p, text=p.text.replace("consultation, and", "consultation and").replace("co-ordinated", "coordinated"))
        if p.number == "1.1" else p for p in cabinet.paragraphs))
    result = diff_documents(cabinet, edited)
    [change] = [c for c in result.changes if c.kind is not ChangeKind.UNCHANGED]
    assert change.kind is ChangeKind.PUNCTUATION and change.new == ("1.1",)
    assert "1 punctuation" in render.summary_line(result)
    assert diff_documents(cabinet, edited, ignore_punctuation=True).identical


def test_table_cells_compared_rows_by_name_columns_by_header(cabinet):
    table = cabinet.paragraph("4.2").tables[0]
    rows = [list(r) for r in table.rows]
    rows[0][4] = "Total (£000)"  # the header's punctuation only: the same column
    station = next(r for r in rows if r[0] == "Station Road corridor")
    station[2] = "720"
    rows.insert(4, ["Bus stop accessibility", "10", "20", "–", "30"])
    rows = [r for r in rows if r[0] != "Wayfinding and signage"]
    edited = replace(table, rows=tuple(tuple(r) for r in rows))
    new = replace(cabinet, paragraphs=tuple(replace(p, tables=(edited,)) if p.number == "4.2" else p for p in cabinet.paragraphs))
    result = diff_documents(cabinet, new)
    [t] = result.tables
    assert t.op == "modified" and (t.old_after, t.new_after) == ("4.2", "4.2")
    assert t.rows_added == ("Bus stop accessibility",) and t.rows_deleted == ("Wayfinding and signage",)
    assert [(c.row, c.column, c.old, c.new) for c in t.cells] == [
        ("(header)", "Total (£000)", "Total £000", "Total (£000)"),
        ("Station Road corridor", "2025/26 £000", "680", "720"),
    ]
    assert [c.kind for c in result.changes if c.kind is not ChangeKind.UNCHANGED] == []  # no paragraph changed
    assert not result.identical and "1 table changed" in render.summary_line(result)
    assert "Station Road corridor | 2025/26 £000: 680 \u2192 720" in render.render(result, "terminal", width=200)
    assert diff_documents(cabinet, new, ignore_punctuation=True).tables[0].cells[0].row == "Station Road corridor"


# ---------------------------------------------------------------- duplicates and splits


def test_a_number_printed_twice_is_warned_and_both_paragraphs_are_themselves(cabinet):
    paragraphs = list(cabinet.paragraphs)
    k = next(i for i, p in enumerate(paragraphs) if p.number == "3.5")
    paragraphs[k + 1] = replace(paragraphs[k + 1], number="3.5")  # 3.6 printed as a second 3.5
    result = diff_documents(cabinet, replace(cabinet, paragraphs=tuple(paragraphs)))
    [warning] = result.warnings
    assert warning.startswith("the new version prints paragraph number 3.5 2 times (pages ")
    assert warning.endswith("); each is compared as itself")
    pairs = [(c.kind, c.old, c.new) for c in result.changes if "3.5" in c.new]
    assert pairs == [(ChangeKind.UNCHANGED, ("3.5",), ("3.5",)), (ChangeKind.RENUMBERED, ("3.6",), ("3.5",))]
    plain = render.render(result, "terminal", width=200)
    assert "Warning: the new version prints paragraph number 3.5" in plain


LONG = (
    "The council will consult parish councils, town councils and the voluntary sector on the draft sustainable "
    "community strategy before the end of March and will report the results of that consultation to the Cabinet "
    "in the summer, together with any changes it proposes to make to the strategy in response. The consultation "
    "will run for twelve weeks and will include public meetings in each of the market towns, an online survey and "
    "workshops with young people, older people and disabled residents, so that the views of those who do not "
    "usually respond to consultations are heard."
)
REWORDED = (
    "The council will ask parish and town councils and the voluntary and community sector about the draft "
    "sustainable community strategy before the end of April and will report what they said to the Cabinet in the "
    "autumn, together with the changes it proposes to make to the strategy in response. The consultation will run "
    "for ten weeks and will include public meetings in each of the market towns, an online survey and workshops "
    "with young people and older residents, so that the views of those who do not usually respond to "
    "consultations are heard."
)


def test_a_split_whose_second_part_is_unchanged_old_text_is_a_split():
    tail = "Late responses accepted."
    other = "Something else entirely about parking charges in the town."
    # The first part reworded, the short second part word for word: a split, not a rewording plus an addition.
    assert align([f"{LONG} {tail}", other], [REWORDED, tail, other])[0].new == (0, 1)
    old = Document(Source("a", "", 1), paragraphs=(Paragraph("5.1", f"{LONG} {tail}", 1), Paragraph("5.2", other, 1)))
    new = Document(Source("b", "", 1), paragraphs=(Paragraph("5.1", REWORDED, 1), Paragraph("5.2", tail, 1),
                                                   Paragraph("5.3", other, 1)))
    ops = [(c.kind, c.old, c.new) for c in diff_documents(old, new).changes]
    assert ops == [(ChangeKind.SPLIT, ("5.1",), ("5.1", "5.2")), (ChangeKind.RENUMBERED, ("5.2",), ("5.3",))]


# ---------------------------------------------------------------- tracked changes


@dataclass(frozen=True)
class MarkedParagraph(Paragraph):
    """A paragraph as the extractor is to give it for a tracked-changes PDF (Paragraph.changes)."""

    changes: tuple = ()
    old_number: Optional[str] = None


def test_a_tracked_changes_schedule_as_a_diff_of_its_original_and_final_text():
    gold = _gold("watford-main-modifications-p2-4.tracked.gold.json")
    paragraphs = tuple(
        MarkedParagraph(item["number"], item["final"] or "", item["page"], changes=tuple(item["changes"]))
        for item in gold["items"] if item["final"] is not None
    )
    marked = Document(Source(gold["tracked"], "", 85), paragraphs=paragraphs)
    result = diff_tracked(marked)
    assert result.tracked and "original text" in result.tracked
    got = {kind: sorted((c.new or c.old)[0] for c in result.changes if c.kind.value == kind) for kind in ("added", "modified")}
    expected = gold["expected_ops"]
    assert got["added"] == sorted(expected["added"])
    assert got["modified"] == sorted(expected["modified"], key=str)
    m3 = next(c for c in result.changes if c.new == ("M3",))
    assert [(w.op.value, w.text) for w in m3.words if w.op.value != "equal"] == [("delete", "2018 to 2036"), ("insert", "2021 to 2038")]
    assert render.render(result, "terminal", width=200).splitlines()[1].startswith("Tracked changes: ")


def test_tracked_runs_rebuild_both_versions_exactly_and_a_renumbered_label():
    runs = ({"op": "equal", "text": "The panel will meet "}, {"op": "deleted", "text": "four"},
            {"op": "inserted", "text": "six"}, {"op": "equal", "text": " times a year."})
    marked = Document(Source("t.pdf", "", 1), paragraphs=(
        MarkedParagraph("17.6", "The panel will meet six times a year.", 1, changes=runs, old_number="17.5"),
        MarkedParagraph("17.7", "Substitutes may attend.", 1, changes=({"op": "inserted", "text": "Substitutes may attend."},)),
        Paragraph("17.8", "Minutes are published.", 1),
    ))
    result = diff_tracked(marked)
    assert [(c.kind, c.old, c.new) for c in result.changes] == [
        (ChangeKind.MODIFIED, ("17.5",), ("17.6",)),
        (ChangeKind.ADDED, (), ("17.7",)),
        (ChangeKind.UNCHANGED, ("17.8",), ("17.8",)),
    ]


def test_tracked_marks_with_offsets_are_put_back_where_they_were():
    final = "Inappropriate development, as defined in national planning policy, in the Green Belt will not be approved."
    marks = (
        {"op": "deleted", "text": "All development will take place on brownfield land.", "at": 0},
        {"op": "inserted", "text": ", as defined in national planning policy,", "at": final.index(", as")},
        {"op": "deleted", "text": "supported", "at": final.index("approved")},
        {"op": "inserted", "text": "approved", "at": final.index("approved")},
    )
    marked = Document(Source("mm.pdf", "", 1), paragraphs=(MarkedParagraph("M15", final, 4, changes=marks),))
    [change] = diff_tracked(marked).changes
    assert change.old_texts == ("All development will take place on brownfield land. Inappropriate development in the "
                                "Green Belt will not be supported.",)
    assert change.new_texts == (final,)


def test_a_clean_copy_against_a_tracked_copy_compares_the_final_text():
    clean = Document(Source("clean.pdf", "", 1), paragraphs=(Paragraph("17.5", "The panel will meet four times a year.", 1),))
    runs = ({"op": "equal", "text": "The panel will meet "}, {"op": "deleted", "text": "four"},
            {"op": "inserted", "text": "six"}, {"op": "equal", "text": " times a year."})
    tracked = Document(Source("tracked.pdf", "", 1), paragraphs=(
        MarkedParagraph("17.6", "The panel will meet four six times a year.", 1, changes=runs, old_number="17.5"),))
    old, new, notes = final_versions(clean, tracked)
    assert notes == ["tracked.pdf carries tracked changes: compared against its final text"]
    [change] = diff_documents(old, new).changes
    assert (change.kind, change.old, change.new) == (ChangeKind.MODIFIED, ("17.5",), ("17.6",))
    assert [(w.op.value, w.text) for w in change.words if w.op.value != "equal"] == [("delete", "four"), ("insert", "six")]


TRACKED_FIXTURE = DATA / "tracked" / "constitution-tracked-changes.pdf"


def _ops(result) -> list[tuple]:
    return [(c.kind, c.old, c.new, [(w.op.value, w.text) for w in c.words if w.op.value != "equal"])
            for c in result.changes]


def test_tracked_fixture_is_the_same_diff_as_its_two_versions_side_by_side():
    """The Word export's markup (data/tracked): a wholly deleted paragraph is a deleted paragraph (the
    extractor gives its struck text to the paragraph before), the label printed `17.5.17.6.` is old 17.5,
    new 17.6, and every op and redline equals the two-file diff of the gold's original and final texts."""
    gold = json.loads((DATA / "tracked" / "constitution-tracked-changes.gold.json").read_text(encoding="utf-8"))
    doc = _extract(TRACKED_FIXTURE)
    tracked = diff_tracked(doc)
    assert [(c.kind, c.old, c.new) for c in tracked.changes] == [
        (ChangeKind.UNCHANGED, ("17.1",), ("17.1",)),
        (ChangeKind.MODIFIED, ("17.2",), ("17.2",)),
        (ChangeKind.MODIFIED, ("17.3",), ("17.3",)),
        (ChangeKind.MODIFIED, ("17.4",), ("17.4",)),
        (ChangeKind.ADDED, (), ("17.5",)),
        (ChangeKind.MODIFIED, ("17.5",), ("17.6",)),
        (ChangeKind.DELETED, ("17.6",), ()),
        (ChangeKind.UNCHANGED, ("18.1",), ("18.1",)),
    ]
    renumbered = tracked.changes[5]
    assert [(w.op.value, w.text) for w in renumbered.words if w.op.value != "equal"] == [("delete", "ten"), ("insert", "five")]

    def version(mode: str) -> Document:
        return replace(doc, blocks=(), paragraphs=tuple(
            Paragraph(g[mode]["number"], g[mode]["text"], g["page"]) for g in gold["paragraphs"] if g[mode]["text"]))

    assert _ops(tracked) == _ops(diff_documents(version("original"), version("final")))
    plain = render.render(tracked, "terminal", width=200)
    assert "17.6 → deleted" in plain and "17.5 → 17.6 modified" in plain


def test_a_changed_figure_at_the_head_of_a_paragraph_is_not_a_renumbered_label():
    runs = ({"op": "deleted", "text": "2.5"}, {"op": "inserted", "text": "3.0"})
    marked = Document(Source("t.pdf", "", 1), paragraphs=(
        MarkedParagraph("3.0", "3.0 per cent is the increase proposed.", 1, changes=runs),))
    [change] = diff_tracked(marked).changes
    assert (change.old, change.new) == (("3.0",), ("3.0",))
    assert change.old_texts == ("2.5 per cent is the increase proposed.",)


def test_a_sentence_added_to_a_short_paragraph_keeps_it_the_same_paragraph():
    old = Document(Source("a", "", 1), paragraphs=tuple(Paragraph(n, t, 1) for n, t in (
        ("4.1", "The committee meets monthly."), ("4.2", "Every question shall be put and answered without discussion."),
        ("4.3", "The chair may extend the time allowed."), ("4.4", "Minutes are published within a week."))))
    longer = ("Every question shall be put and answered without discussion. The member to whom a question has been put "
              "may decline to answer it, and shall then say why in writing within five working days.")
    new = replace(old, paragraphs=(old.paragraphs[0], Paragraph("4.2", longer, 1),
                                   Paragraph("4.3", "The chair may extend the time allowed by ten minutes.", 1),
                                   Paragraph("4.4", "Minutes are published within two weeks.", 1)))
    kinds = [(c.kind, c.old, c.new) for c in diff_documents(old, new).changes]
    assert (ChangeKind.MODIFIED, ("4.2",), ("4.2",)) in kinds


def test_tracked_on_a_file_without_marks_is_exit_2_with_one_line():
    result = CliRunner().invoke(cli, ["diff", "--tracked", str(CABINET), "--no-themes"])
    assert result.exit_code == 2
    assert result.output.strip().splitlines()[-1] == f"lspkit: {CABINET}: no tracked changes found (no text is marked inserted or deleted)"
    assert CliRunner().invoke(cli, ["diff", "--tracked", str(CABINET), str(CABINET)]).exit_code == 2
    assert CliRunner().invoke(cli, ["diff", str(CABINET)]).exit_code == 2


IPAD = json.loads((PAIRS / "suffolk-libraries-ipad-user-agreement-2015-2016.gold.json").read_text(encoding="utf-8"))


def test_a_reissued_form_gives_its_one_changed_charge_and_nothing_else():
    """A pair from a publisher the diff had never seen, measured before any change for it: one charge changed
    (Cover = £10 -> £15); the old copy's text layer separates every word with tab, carriage return, space and a
    no-break space, the new one with spaces, and the page's lines shift: none of that is a change."""
    from lspkit.api import diff_files

    result = diff_files(str(_real(IPAD["old"])), str(_real(IPAD["new"])), themes=False)
    changed = [c for c in result.changes if c.kind is not ChangeKind.UNCHANGED]
    assert len(changed) == 1 and changed[0].kind is ChangeKind.MODIFIED
    assert [(w.op.value, w.text) for w in changed[0].words if w.op.value != "equal"] == [("delete", "10"), ("insert", "15")]
    [u] = IPAD["unnumbered_changes"]
    assert u["old"] in " ".join(changed[0].old_texts) and u["new"] in " ".join(changed[0].new_texts)
    # the printed title is the same; the files' own Title (a Word file name) changed: a property, apart
    assert result.metadata == ()
    assert [(m.field, m.old, m.new) for m in result.properties] == [
        ("file title", "Microsoft Word - SL iPad User Agreement.doc",
         "Microsoft Word - suffolk-libraries-ipad-user-agreement.doc")]
