"""The extract renderers on a Document built here: every format carries the paragraphs, nothing computed."""
from __future__ import annotations

import json

from lspkit.model import Document, Note, Paragraph, ParagraphKind, Section, Source, Table
from lspkit.render.extract import render


def doc() -> Document:
    note = Note("1", "A footnote with *stars*.", 1)
    return Document(
        source=Source("r.pdf", "abc", 2, "A Report"),
        metadata={"title": "A Report", "author": "Head of Policy", "pdf_producer": "x",
                  "annex_questions": [{"number": "Q1", "page": 2, "text": "Why?"}]},
        sections=(Section("1", "INTRODUCTION", 1),),
        paragraphs=(
            Paragraph("1.1", "First paragraph.", 1, section="1", heading="INTRODUCTION", notes=(note,), page_end=1,
                      tables=(Table(1, (("a", "b"), ("1", "2|3"))),)),
            Paragraph("Q1", "Why?", 2, kind=ParagraphKind.QUESTION, section="1", heading="INTRODUCTION", page_end=2),
        ),
        notes=(note,),
        warnings=("numbering gap: 1.1 is followed by 1.3",),
    )


def test_json_round_trips():
    d = doc()
    data = json.loads(render(d, "json"))
    assert Document.from_dict(data) == d
    assert [p["number"] for p in data["paragraphs"]] == ["1.1", "Q1"]
    assert data["paragraphs"][1]["kind"] == "question"


def test_jsonl_one_paragraph_per_line_with_its_file():
    lines = render(doc(), "jsonl").splitlines()
    assert [json.loads(x)["number"] for x in lines] == ["1.1", "Q1"]
    assert all(json.loads(x)["file"] == "r.pdf" and json.loads(x)["sha256"] == "abc" for x in lines)


def test_markdown_has_headings_tables_notes_and_questions():
    md = render(doc(), "markdown")
    assert md.startswith("# A Report\n")
    assert "- **Author**: Head of Policy" in md and "pdf_producer" not in md.lower().replace(" ", "_")
    assert "## 1 INTRODUCTION" in md and "**1.1** First paragraph.[^1]" in md
    assert "| a | b |" in md and "2\\|3" in md
    assert "[^1]: A footnote with \\*stars\\*." in md
    assert "- **Q1** Why?" in md and "numbering gap" not in md  # warnings go to stderr once, not into the output


def test_text_lists_numbers_and_sections():
    text = render(doc(), "text")
    assert "1 INTRODUCTION" in text and "1.1  First paragraph." in text and "Q1  Why?" in text
