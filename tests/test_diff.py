"""`lspkit diff`: the fixture pair op by op, the redline, dangling references, themes, renderers, the CLI."""
from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest
from click.testing import CliRunner

from lspkit.analyse.diff import ChangeKind, HeadingOp, diff_documents
from lspkit.analyse.redline import RunOp, redline
from lspkit.cli import cli
from lspkit.model import Document, Paragraph, ParagraphKind, Section, SectionKind, Source
from lspkit.render import diff as render

DATA = Path(__file__).resolve().parent.parent / "data"
V1, V2 = DATA / "consultation-v1.pdf", DATA / "consultation-v2.pdf"
GOLD = json.loads((DATA / "consultation-diff.gold.json").read_text(encoding="utf-8"))


def _gold_document(name: str) -> Document:
    """The fixture's gold extraction as a Document: the diff tested apart from the extractor."""
    d = json.loads((DATA / name).read_text(encoding="utf-8"))
    return Document(
        source=Source(d["file"], "", d["pages"]),
        sections=tuple(Section(s["number"], s["heading"], s["page"], SectionKind(s["kind"])) for s in d["sections"]),
        paragraphs=tuple(
            Paragraph(
                number=p["number"],
                text=p["text"],
                page=p["page"],
                kind=ParagraphKind(p["kind"]),
                section=p["section"],
                heading=p["heading"],
            )
            for p in d["paragraphs"]
        ),
    )


@pytest.fixture(scope="module")
def gold_docs():
    return _gold_document("consultation-v1.gold.json"), _gold_document("consultation-v2.gold.json")


@pytest.fixture(scope="module")
def pdf_docs():
    from lspkit.api import extract

    return extract(str(V1)), extract(str(V2))


def _ops(result) -> list[tuple[str, tuple, tuple]]:
    return sorted((c.kind.value, c.old, c.new) for c in result.changes)


GOLD_OPS = sorted((c["op"], tuple(c["old"]), tuple(c["new"])) for c in GOLD["changes"])


# ---------------------------------------------------------------- the fixture pair


def test_every_operation_of_the_fixture_pair_from_gold_documents(gold_docs):
    result = diff_documents(*gold_docs)
    assert _ops(result) == GOLD_OPS
    assert result.summary["ops"] == GOLD["counts"]


def test_every_operation_of_the_fixture_pair_from_the_pdfs(pdf_docs):
    """The bar: extract both PDFs, diff them, and every paragraph's operation is the gold one."""
    result = diff_documents(*pdf_docs)
    got = _ops(result)
    assert got == GOLD_OPS, "\n".join(
        [f"missing {x}" for x in sorted(set(GOLD_OPS) - set(got))] + [f"extra {x}" for x in sorted(set(got) - set(GOLD_OPS))]
    )
    # Listed in full, so a reader sees what "every operation right" means.
    assert Counter(op for op, _, _ in got) == Counter(
        unchanged=33, renumbered=18, modified=4, moved=1, added=2, deleted=1, split=1, merged=1
    )
    assert ("moved", ("2.11",), ("3.12",)) in got
    assert ("split", ("5.2",), ("5.2", "5.3")) in got
    assert ("merged", ("6.2", "6.3"), ("6.2",)) in got
    assert ("modified", ("3.6",), ("3.7",)) in got
    assert ("added", (), ("Q10",)) in got
    assert ("deleted", ("1.5",), ()) in got


def test_renamed_heading_and_dangling_reference_of_the_fixture(pdf_docs):
    result = diff_documents(*pdf_docs)
    renamed = [h for h in result.headings if h.op is HeadingOp.RENAMED]
    assert [(h.old_number, h.new_number) for h in renamed] == [("5", "5")]
    assert "Capacity" in renamed[0].old_heading and "Building Capacity" in renamed[0].new_heading
    assert all(h.op is HeadingOp.UNCHANGED for h in result.headings if h not in renamed)
    [gold_ref] = GOLD["dangling_references"]
    assert [(d.in_new, d.text) for d in result.dangling] == [(gold_ref["in"], gold_ref["text"])]
    d = result.dangling[0]
    assert d.was == ("3.2", "3.3", "3.4") and d.now_at == ("3.2", "3.3", "3.5") and d.reason == "moved"


def test_swapping_the_fixture_pair_swaps_added_deleted_split_merged(gold_docs):
    forward = diff_documents(*gold_docs)
    backward = diff_documents(gold_docs[1], gold_docs[0])
    mirror = {"added": "deleted", "deleted": "added", "split": "merged", "merged": "split"}
    assert _ops(backward) == sorted((mirror.get(op, op), new, old) for op, old, new in _ops(forward))


def test_a_document_against_itself_is_identical(gold_docs):
    result = diff_documents(gold_docs[0], gold_docs[0])
    assert result.identical
    assert result.summary["ops"]["unchanged"] == len(gold_docs[0].paragraphs)
    assert {h.op for h in result.headings} == {HeadingOp.UNCHANGED}


def test_changes_come_in_the_new_versions_order_with_deletions_in_place(gold_docs):
    result = diff_documents(*gold_docs)
    new_positions = [min(c.new_index) for c in result.changes if c.new_index]
    assert new_positions == sorted(new_positions)
    labels = [(c.old, c.new) for c in result.changes]
    # Old 1.5 was deleted between 1.4 and the old 1.6 (now 1.5).
    k = labels.index((("1.5",), ()))
    assert labels[k - 1] == (("1.4",), ("1.4",)) and labels[k + 1] == (("1.6",), ("1.5",))


# ---------------------------------------------------------------- built documents


def _doc(name, paragraphs, sections=(("1", "Introduction"), ("2", "Governance"))) -> Document:
    heads = dict(sections)
    return Document(
        source=Source(name, "", 1),
        sections=tuple(Section(n, h, 1) for n, h in sections),
        paragraphs=tuple(
            Paragraph(number=n, text=t, page=1, section=s, heading=heads[s],
                      kind=ParagraphKind.QUESTION if n.startswith("Q") else ParagraphKind.PARAGRAPH)
            for n, t, s in paragraphs
        ),
    )


A = "The council will consult parish councils on the draft sustainable community strategy before March."
B = "Members of the overview and scrutiny panel will review the partnership's performance every year."
C = "A duty to co-operate would apply to the bodies that deliver public services in the area."


def test_case_and_punctuation_options():
    old = _doc("a", [("1.1", A, "1"), ("1.2", B, "1")])
    new = _doc("b", [("1.1", A.upper(), "1"), ("1.2", B.replace("'", "").replace(".", ""), "1")])
    plain = diff_documents(old, new)
    # Matching never depends on case or punctuation; whether they count as a change does.  A change
    # of case is a change of content; one of punctuation only is reported as such, never as modified.
    assert [(c.kind, c.old, c.new) for c in plain.changes] == [
        (ChangeKind.MODIFIED, ("1.1",), ("1.1",)), (ChangeKind.PUNCTUATION, ("1.2",), ("1.2",))]
    assert [c.kind for c in diff_documents(old, new, ignore_case=True).changes] == [ChangeKind.UNCHANGED, ChangeKind.PUNCTUATION]
    assert [c.kind for c in diff_documents(old, new, ignore_punctuation=True).changes] == [ChangeKind.MODIFIED, ChangeKind.UNCHANGED]
    both = diff_documents(old, new, ignore_case=True, ignore_punctuation=True)
    assert both.identical


def test_threshold_decides_modified_against_deleted_plus_added():
    reworded = "Before March we will ask town and parish councils what they think of the draft strategy."
    old = _doc("a", [("1.1", A, "1"), ("1.2", B, "1"), ("1.3", C, "1")])
    new = _doc("b", [("1.1", B, "1"), ("1.2", C, "1"), ("1.3", reworded, "1")])
    sim = diff_documents(old, new, threshold=0.2)
    [m] = [c for c in sim.changes if c.kind is ChangeKind.MODIFIED]
    assert (m.old, m.new) == (("1.1",), ("1.3",)) and 0.2 <= m.similarity < 0.5
    strict = diff_documents(old, new, threshold=0.9)
    assert sorted(c.kind.value for c in strict.changes if c.kind is not ChangeKind.RENUMBERED) == ["added", "deleted"]


def test_a_paragraph_rewritten_in_place_keeps_its_identity_below_the_threshold():
    """Numbers are hints: alone between two matched paragraphs, with the same number, 0.7 x threshold is enough."""
    reworded = "Before March we will ask town and parish councils what they think of the draft strategy."
    old = _doc("a", [("1.1", B, "1"), ("1.2", A, "1"), ("1.3", C, "1")])
    in_place = diff_documents(old, _doc("b", [("1.1", B, "1"), ("1.2", reworded, "1"), ("1.3", C, "1")]))
    [m] = [c for c in in_place.changes if c.kind is ChangeKind.MODIFIED]
    assert (m.old, m.new) == (("1.2",), ("1.2",)) and 0.35 <= m.similarity < 0.5
    # The same rewording somewhere else is a deletion and an addition at the default threshold.
    elsewhere = diff_documents(old, _doc("b", [("1.1", B, "1"), ("1.2", C, "1"), ("1.3", reworded, "1")]))
    assert sorted(c.kind.value for c in elsewhere.changes) == ["added", "deleted", "renumbered", "unchanged"]


def test_moved_is_relative_to_the_mapped_section_not_the_number():
    # Section 1 becomes section 2 (a new section 1 is inserted before it): its paragraphs are renumbered, not moved.
    old = _doc("a", [("1.1", A, "1"), ("1.2", B, "1"), ("2.1", C, "2")], (("1", "Role"), ("2", "Governance")))
    new = _doc(
        "b",
        [("1.1", "A wholly new opening paragraph about car parking and leisure centres.", "1"),
         ("2.1", A, "2"), ("2.2", B, "2"), ("3.1", C, "3")],
        (("1", "Parking"), ("2", "Role"), ("3", "Governance")),
    )
    result = diff_documents(old, new)
    assert _ops(result) == sorted([
        ("added", (), ("1.1",)),
        ("renumbered", ("1.1",), ("2.1",)),
        ("renumbered", ("1.2",), ("2.2",)),
        ("renumbered", ("2.1",), ("3.1",)),
    ])
    assert {(h.op, h.old_number, h.new_number) for h in result.headings} == {
        (HeadingOp.ADDED, None, "1"), (HeadingOp.RENUMBERED, "1", "2"), (HeadingOp.RENUMBERED, "2", "3"),
    }


def _flat(name, rows) -> Document:
    """A flat-numbered cabinet report: paragraphs 1, 2, 3 ... under unnumbered headings."""
    heads = list(dict.fromkeys(h for _, h in rows))
    return Document(
        source=Source(name, "", 1),
        sections=tuple(Section(None, h, 1) for h in heads),
        paragraphs=tuple(Paragraph(str(k + 1), t, 1, section=None, heading=h) for k, (t, h) in enumerate(rows)),
    )


def test_flat_numbered_reports_with_unnumbered_headings():
    """Cabinet report -> council report: unnumbered sections are told apart by their headings."""
    d = "The Director of Finance will report the outturn to the next meeting of the Cabinet in July."
    old = _flat("cabinet", [(A, "BACKGROUND"), (B, "BACKGROUND"), (C, "PROPOSALS"), (d, "PROPOSALS")])
    new = _flat("council", [(A, "BACKGROUND"), (C, "THE PROPOSALS"), (B, "THE PROPOSALS"), (d, "THE PROPOSALS")])
    result = diff_documents(old, new)
    assert _ops(result) == sorted([
        ("unchanged", ("1",), ("1",)),
        ("moved", ("2",), ("3",)),
        ("renumbered", ("3",), ("2",)),
        ("unchanged", ("4",), ("4",)),
    ])
    assert [(h.op, h.old_heading, h.new_heading) for h in result.headings] == [
        (HeadingOp.UNCHANGED, "BACKGROUND", "BACKGROUND"), (HeadingOp.RENAMED, "PROPOSALS", "THE PROPOSALS")]
    moved = next(c for c in result.changes if c.kind is ChangeKind.MOVED)
    assert "section BACKGROUND → THE PROPOSALS" in render.detail(moved)
    assert [e["heading"] for e in result.summary["sections"]] == ["THE PROPOSALS"]


def test_moved_and_reworded_paragraph_is_moved_with_a_redline():
    old = _doc("a", [("1.1", A, "1"), ("1.2", B, "1"), ("2.1", C, "2")])
    new = _doc("b", [("1.1", A, "1"), ("2.1", C, "2"), ("2.2", B.replace("every year", "twice a year"), "2")])
    [moved] = [c for c in diff_documents(old, new).changes if c.kind is ChangeKind.MOVED]
    assert (moved.old, moved.new, moved.old_section, moved.new_section) == (("1.2",), ("2.2",), "1", "2")
    assert moved.text_changed and moved.to_dict()["text_changed"]
    assert [(w.op, w.text) for w in moved.words if w.op is not RunOp.EQUAL] == [
        (RunOp.DELETE, "every"), (RunOp.INSERT, "twice a")]


def test_questions_align_only_with_questions():
    q = "Do you agree that parish councils should be consulted on the draft strategy?"
    old = _doc("a", [("1.1", A, "1"), ("Q1", q, "1")])
    new = _doc("b", [("1.1", A, "1"), ("Q1", "Which bodies should a duty to co-operate cover?", "1"), ("Q2", q, "1")])
    assert _ops(diff_documents(old, new)) == sorted([
        ("unchanged", ("1.1",), ("1.1",)), ("added", (), ("Q1",)), ("renumbered", ("Q1",), ("Q2",))])


def test_dangling_reference_to_a_deleted_and_a_missing_paragraph():
    old = _doc("a", [("1.1", A, "1"), ("1.2", B, "1"), ("1.3", "As paragraph 1.2 explains, and see paragraph 1.1.", "1")])
    new = _doc("b", [("1.1", A, "1"), ("1.2", "As paragraph 1.2 explains, and see paragraph 1.1.", "1"),
                     ("1.3", "The annual review is described in paragraph 1.9.", "1")])
    found = {(d.in_new, d.text, d.reason) for d in diff_documents(old, new).dangling}
    assert found == {("1.2", "paragraph 1.2", "deleted"), ("1.3", "paragraph 1.9", "missing")}


def test_reference_finding_agrees_with_the_public_xrefs_finder(pdf_docs):
    """diff scans only paragraphs that mention a paragraph or question; it must find what find_xrefs finds."""
    from lspkit.analyse import diff as diff_module
    from lspkit.analyse.xrefs import XrefKind, find_xrefs

    for doc in pdf_docs:
        public = sorted(
            (x.from_, x.text, x.to) for x in find_xrefs(doc)
            if x.kind in (XrefKind.PARAGRAPH, XrefKind.QUESTION) and not x.external
        )
        ours = sorted(
            (doc.paragraphs[i].number, text, to) for i, refs in diff_module._refs(doc).items() for text, _, to in refs
        )
        assert ours == public and public


def test_unchanged_references_are_not_dangling(gold_docs):
    # v1 against itself: every reference still points where it did.
    assert diff_documents(gold_docs[0], gold_docs[0]).dangling == ()


# ---------------------------------------------------------------- redline


def test_redline_absorbs_single_unchanged_words_between_changes():
    runs = redline("the council will consult the parish", "the partnership should consult the parish")
    assert [(r.op.value, r.text) for r in runs] == [
        ("equal", "the "), ("delete", "council will"), ("insert", "partnership should"), ("equal", " consult the parish")]
    runs = redline("alpha beta gamma delta", "one beta two delta")
    assert [(r.op.value, r.text) for r in runs] == [
        ("delete", "alpha beta gamma"), ("insert", "one beta two"), ("equal", " delta")]


def test_redline_keeps_two_unchanged_words_as_a_break():
    runs = redline("alpha beta gamma delta", "one beta gamma two")
    assert [r.op.value for r in runs] == ["delete", "insert", "equal", "delete", "insert"]


def test_redline_ignore_punctuation_shows_punctuation_changes_as_equal():
    runs = redline("Members, officers and partners.", "Members officers and partners", ignore_punctuation=True)
    assert [r.op for r in runs] == [RunOp.EQUAL]


# ---------------------------------------------------------------- themes


class _Tags:
    def __init__(self, number, themes):
        self.number = number
        self.themes = tuple(type("Hit", (), {"theme": t, "score": 1.0, "evidence": ()})() for t in themes)


class _Tagged:
    def __init__(self, rows):
        self.paragraphs = tuple(_Tags(n, t) for n, t in rows)


def test_theme_changes_from_tagged_documents():
    old = _doc("a", [("1.1", A, "1"), ("1.2", B, "1")])
    new = _doc("b", [("1.1", A + " Funding will follow.", "1"), ("1.2", B, "1")])
    result = diff_documents(
        old, new,
        tagged_old=_Tagged([("1.1", ["governance"]), ("1.2", ["accountability"])]),
        tagged_new=_Tagged([("1.1", ["capacity"]), ("1.2", ["accountability"])]),
    )
    first = result.changes[0]
    assert (first.themes_added, first.themes_removed) == (("capacity",), ("governance",))
    assert result.summary["themes"] == {"gained": {"capacity": 1}, "lost": {"governance": 1}}
    assert diff_documents(old, new).summary["themes"] is None


def test_theme_changes_with_the_real_tagger(pdf_docs):
    tagger = pytest.importorskip("lspkit.nlp.tagger", reason="the theme tagger is not installed")
    old, new = pdf_docs
    result = diff_documents(old, new, tagged_old=tagger.tag_document(old), tagged_new=tagger.tag_document(new))
    assert result.themes
    added = next(c for c in result.changes if c.kind is ChangeKind.ADDED and c.new == ("3.4",))
    tags = tagger.tag_document(new).tags("3.4")
    assert set(added.themes_added) == {h.theme for h in tags.themes}


# ---------------------------------------------------------------- renderers


def test_json_shape_has_the_documented_stable_names(gold_docs):
    data = json.loads(render.render(diff_documents(*gold_docs), "json"))
    assert {"old", "new", "options", "identical", "summary", "changes", "headings", "dangling"} <= set(data)
    assert set(data["summary"]) >= {"ops", "sections", "headings", "themes", "paragraphs", "dangling"}
    change = next(c for c in data["changes"] if c["op"] == "modified")
    assert {"op", "old", "new", "similarity", "words", "themes_added", "themes_removed"} <= set(change)
    assert {w["op"] for w in change["words"]} == {"equal", "insert", "delete"}
    assert all(set(w) == {"op", "text"} for w in change["words"])
    assert len(data["changes"]) == sum(GOLD["counts"].values())
    only = json.loads(render.render(diff_documents(*gold_docs), "json", only=["added"]))
    assert [c["new"] for c in only["changes"]] == [["3.4"], ["Q10"]]


def test_unified_has_paragraph_numbers_in_hunk_headers(gold_docs):
    text = render.render(diff_documents(*gold_docs), "unified")
    lines = text.splitlines()
    assert lines[:2] == ["--- consultation-v1.pdf", "+++ consultation-v2.pdf"]
    k = lines.index("@@ 3.6 -> 3.7 modified 0.87 @@")
    assert lines[k + 1].startswith("-Active and wide representation") and lines[k + 2].startswith("+Active and wide")
    k = lines.index("@@ 5.2 -> 5.2, 5.3 split 1.00 @@")  # one - line for the old paragraph, a + line per piece
    assert [line[0] for line in lines[k + 1 : k + 4]] == ["-", "+", "+"]
    assert "@@ (none) -> Q10 added @@" in lines
    assert not any(line.endswith(" unchanged @@") for line in lines)
    with_context = render.render(diff_documents(*gold_docs), "unified", only=["moved"], context=1)
    headers = [line for line in with_context.splitlines() if line.startswith("@@")]
    # 3.12's neighbours: 3.11 before it is renumbered (not context), Q5 after it is unchanged.
    assert headers == ["@@ 2.11 -> 3.12 moved 1.00 @@", "@@ Q5 -> Q5 unchanged @@"]


def test_context_shows_unchanged_neighbours(gold_docs):
    shown = render.select(diff_documents(*gold_docs), ["modified"], context=1)
    assert [(s.change.new, s.context) for s in shown][:3] == [(("2.1",), True), (("2.2",), False), (("2.3",), True)]


def test_markdown_and_plain_terminal_redlines(gold_docs):
    result = diff_documents(*gold_docs)
    md = render.render(result, "markdown", only=["modified"])
    assert "### 2.2 → 2.2 modified (similarity 0.81)" in md
    assert "~~on behalf of~~<ins>for</ins>" in md
    plain = render.render(result, "terminal", only=["modified"], width=200)
    assert "\x1b[" not in plain
    assert "[-on behalf of-]{+for+}" in plain
    assert plain.index("Summary:") < plain.index("2.2 → 2.2 modified")
    coloured = render.render(result, "terminal", only=["modified"], color=True, width=200)
    assert "\x1b[9;31mon behalf of" in coloured  # struck through, red
    assert "\x1b[4;32mfor" in coloured  # underlined, green


def test_html_escapes_paper_text():
    from lspkit.model import Document, Paragraph, Source

    def doc(text):
        return Document(source=Source("<a>.pdf", "", 1), paragraphs=(Paragraph("1", text, 1),))

    page = render.render(diff_documents(doc("Fees < £5 & <b>bold</b>"), doc("Fees < £6 & <b>bold</b>")), "html")
    assert "<b>bold</b>" not in page and "&lt;b&gt;bold&lt;/b&gt;" in page and "&lt;a&gt;.pdf" in page


# ---------------------------------------------------------------- CLI


def test_cli_exit_statuses_and_json_on_the_pdfs(tmp_path):
    runner = CliRunner()
    out = tmp_path / "d.json"
    result = runner.invoke(cli, ["diff", str(V1), str(V2), "--format", "json", "--no-themes", "-o", str(out)])
    assert result.exit_code == 1, result.output
    data = json.loads(out.read_text(encoding="utf-8"))
    assert sorted((c["op"], tuple(c["old"]), tuple(c["new"])) for c in data["changes"]) == GOLD_OPS
    same = runner.invoke(cli, ["diff", str(V1), str(V1), "--no-themes"])
    assert same.exit_code == 0, same.output
    v1_paragraphs = sum(len(c["old"]) for c in GOLD["changes"])
    assert f"Summary: {v1_paragraphs} unchanged\n" in same.output


def test_cli_reports_theme_changes_by_default():
    pytest.importorskip("lspkit.nlp.tagger", reason="the theme tagger is not installed")
    result = CliRunner().invoke(cli, ["diff", str(V1), str(V2), "--format", "json", "--only", "added"])
    assert result.exit_code == 1, result.output
    data = json.loads(result.output)
    assert data["summary"]["themes"] is not None
    assert any(c["themes_added"] for c in data["changes"])


def test_cli_mixes_pdf_and_text_inputs(tmp_path):
    from lspkit.api import extract

    v2 = extract(str(V2))
    text = "\n\n".join(
        [f"{s.number} {s.heading.upper()}\n\n" + "\n\n".join(f"{p.number} {p.text}" for p in v2.paragraphs if p.section == s.number and p.kind is ParagraphKind.PARAGRAPH)
         for s in v2.sections if s.kind is not SectionKind.ANNEX]
    )
    txt = tmp_path / "v2.txt"
    txt.write_text(text, encoding="utf-8")
    result = CliRunner().invoke(cli, ["diff", str(V2), str(txt), "--format", "json", "--no-themes", "--only", "modified,added,deleted"])
    assert result.exit_code == 1, result.output
    data = json.loads(result.output)
    # The text copy has no questions; every numbered paragraph is found again word for word.
    assert data["summary"]["ops"]["modified"] == 0
    assert data["summary"]["ops"]["added"] == 0
    assert {tuple(c["old"]) for c in data["changes"] if c["op"] == "deleted"} == {(q.number,) for q in v2.questions}


def test_a_copy_with_its_numbering_stripped_is_aligned_through_blocks(pdf_docs, tmp_path):
    from lspkit.api import extract

    v2 = pdf_docs[1]
    stripped = tmp_path / "stripped.txt"
    stripped.write_text("\n\n".join(p.text for p in v2.paragraphs), encoding="utf-8")
    copy = extract(str(stripped))
    assert not copy.paragraphs and copy.blocks  # no numbers: the extractor keeps it all as blocks
    result = diff_documents(v2, copy)
    ops = Counter(c.kind for c in result.changes)
    # Every paragraph and question is found again word for word, under a block name; only v2's own
    # unnumbered text (title page, foreword) is missing from the copy.
    assert ops == {ChangeKind.RENUMBERED: len(v2.paragraphs), ChangeKind.DELETED: len(v2.blocks)}
    q5 = next(c for c in result.changes if c.old == ("Q5",))
    assert q5.new[0].startswith("¶") and q5.to_dict()["unit"] == "block"
    assert diff_documents(v2, copy, blocks=False).summary["ops"]["deleted"] == len(v2.paragraphs)


def test_cli_trouble_is_exit_2_with_one_line(tmp_path):
    runner = CliRunner()
    result = runner.invoke(cli, ["diff", str(tmp_path / "nope.pdf"), str(V2)])
    assert result.exit_code == 2
    assert result.output.strip().splitlines() == [f"lspkit: {tmp_path / 'nope.pdf'}: " + result.output.split(": ", 2)[2].strip()]
    bad = tmp_path / "bad.pdf"
    bad.write_bytes(b"%PDF-1.4\n garbage")
    result = runner.invoke(cli, ["diff", str(V1), str(bad), "-o", str(tmp_path / "out.html"), "--format", "html"])
    assert result.exit_code == 2 and result.output.startswith(f"lspkit: {bad}: ")
    assert not (tmp_path / "out.html").exists()
    assert runner.invoke(cli, ["diff", str(V1), str(V2), "--only", "changed"]).exit_code == 2
    assert runner.invoke(cli, ["diff", str(V1), str(V2), "--threshold", "0"]).exit_code == 2
    assert runner.invoke(cli, ["diff", "-", "-"]).exit_code == 2
    taxonomy = tmp_path / "t.yaml"
    taxonomy.write_text("themes: [\n", encoding="utf-8")
    result = runner.invoke(cli, ["diff", str(V1), str(V2), "--themes", str(taxonomy)])
    assert result.exit_code == 2 and result.output.startswith(f"lspkit: {taxonomy}")


def test_cli_maps_even_an_internal_error_to_exit_2(monkeypatch):
    import lspkit.analyse.diff as diff_module

    def broken(*args, **kwargs):
        raise RuntimeError("boom")

    monkeypatch.setattr(diff_module, "diff_documents", broken)
    result = CliRunner().invoke(cli, ["diff", str(V1), str(V2), "--no-themes"])
    assert result.exit_code == 2
    assert result.output.strip() == "lspkit: internal error: RuntimeError: boom (run with --verbose and report it)"
