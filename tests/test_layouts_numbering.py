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
