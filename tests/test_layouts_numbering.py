"""Numbering and heading layouts of real papers (issue 10 section 2), each on a small synthetic input.

Each test names the layout and the real paper that shows it (data/real/); the real papers themselves are held to
their floors by tests/test_real_corpus.py.
"""
from __future__ import annotations

from lspkit.read.text import read_text
from lspkit.segment import segment
from lspkit.segment.numbering import parse_label


def _doc(text: str):
    return segment(read_text("t.txt", text))


def test_flat_number_glued_to_its_text_is_a_label():
    # planning_inspectorate_2020_broxbourne_local_plan_inspector_report: "100.The proposed garden village ..."
    lab = parse_label("100.The proposed garden village would include")
    assert (lab.kind, lab.number, lab.rest, lab.dotted) == ("number", "100", "The proposed garden village would include", True)
    assert parse_label("10.Section 17.74 of the Constitution").number == "10"
    assert parse_label("2006.Next year") is None  # four digits are a year, never a paragraph number


def test_glued_flat_numbers_continue_the_sequence():
    text = "\n\n".join(f"{n}. Paragraph {n} of the report says something." for n in range(97, 100))
    text += "\n\n100.The proposed garden village would include a school.\n\n101.The development of over 800 dwellings."
    doc = _doc(text)
    assert [p.number for p in doc.paragraphs] == ["97", "98", "99", "100", "101"]
    assert doc.paragraphs[3].text.startswith("The proposed garden village")


def _pdf(rows, page_width=595.0):
    """A synthetic PDF Reading: rows of (page, x0, text, size, bold, gap_before); lines 1.2 x size apart."""
    from lspkit.model import Line, Reading

    lines, top, page = [], 72.0, 1
    for pg, x0, text, size, bold, gap in rows:
        if pg != page:
            page, top = pg, 72.0
        top += size * (2.6 if gap else 1.2)
        x1 = min(x0 + 0.5 * size * len(text), 523.0)
        lines.append(Line(text, pg, x0, x1, top, top + size, size, bold, 842.0, page_width))
    return Reading("t.pdf", "0" * 64, max(r[0] for r in rows), lines, "pdf",
                   page_sizes={p: (page_width, 842.0) for p in range(1, max(r[0] for r in rows) + 1)})


def _prose(number, size=12.5, page=1):
    return [
        (page, 73, f"{number} This report comprises the Sustainability Appraisal Post-Adoption", size, False, True),
        (page, 158, "Statement for the Local Plan 2018 - 2033. It has been prepared under", size, False, False),
        (page, 158, "Regulation 16 of the Strategic Environmental Assessment Regulations and the", size, False, False),
        (page, 158, "guidance that goes with them.", size, False, False),
    ]


def test_numbered_paragraph_in_large_body_type_is_not_a_heading():
    # lepus-broxbourne_2020_sa-post-adoption-statement: body set at 12.5pt, tables and notes at 10.6pt, so every
    # body line is "big"; "1.1.1 This report comprises ..." runs on into a sentence, so it is a paragraph
    rows = [(1, 73, "1 Introduction", 29.7, False, True), (1, 73, "1.1 Context and purpose of this report", 14.8, True, True)]
    rows += _prose("1.1.1") + _prose("1.1.2") + _prose("1.1.3")
    rows += [(1, 73, f"Table row {k} of the appendix with a long cell of text in it", 10.6, False, True) for k in range(40)]
    doc = segment(_pdf(rows))
    assert [p.number for p in doc.paragraphs] == ["1.1.1", "1.1.2", "1.1.3"]
    assert [s.number for s in doc.sections] == ["1", "1.1"]


def test_numbered_note_in_smaller_type_is_not_a_paragraph():
    # lepus-broxbourne / aecom-buckinghamshire: footnotes "2 The Environmental Assessment ..." set at 10.6pt
    # under 12.5pt numbered paragraphs would be taken as paragraph 2 (1.1.3 -> 2 is a step up)
    rows = _prose("1.1.1") + _prose("1.1.2") + _prose("1.1.3")
    rows += [(1, 73, "2 The Environmental Assessment of Plans and Programmes Regulations 2004.", 10.6, False, True)]
    rows += _prose("1.1.4", page=2)
    doc = segment(_pdf(rows))
    assert [p.number for p in doc.paragraphs] == ["1.1.1", "1.1.2", "1.1.3", "1.1.4"]
    assert "Environmental Assessment of Plans" not in doc.paragraph("1.1.3").text
