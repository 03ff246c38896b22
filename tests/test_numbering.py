"""Paragraph numbers: parsing, sequence checks, and candidates that are really text."""
from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from lspkit.segment.numbering import letter_kind, parse_label, sequence_warnings, successor_kind
from lspkit.read.text import read_text
from lspkit.segment import segment


@pytest.mark.parametrize(
    "line, kind, number, rest",
    [
        ("1. INTRODUCTION", "number", "1", "INTRODUCTION"),
        ("1.1 The purpose", "number", "1.1", "The purpose"),
        ("1.1. The purpose", "number", "1.1", "The purpose"),
        ("2.1.3. Housing", "number", "2.1.3", "Housing"),
        ("12. Members will", "number", "12", "Members will"),
        ("B.1. Northern quarter", "number", "B.1", "Northern quarter"),
        ("Q7 How should", "question", "Q7", "How should"),
        ("Question 12: What", "question", "Q12", "What"),
        ("Q.3 Why", "question", "Q3", "Why"),
        ("Consultation question 4: How", "question", "Q4", "How"),
        ("QUESTION 5 What", "question", "Q5", "What"),
        ("Chapter 3: Governance", "chapter", "3", "Governance"),
        ("CHAPTER IV – Capacity", "chapter", "4", "Capacity"),
        ("Annex A: Summary of questions", "annex", "A", "Summary of questions"),
        ("Appendix 2 Topic guide", "annex", "2", "Topic guide"),
        ("(a) the Partnership must", "part", "a", "the Partnership must"),
        ("b) offer grants", "part", "b", "offer grants"),
        ("(iv) too few residents", "part", "iv", "too few residents"),
        ("• governance;", "bullet", "", "governance;"),
        ("▪ County level", "bullet", "", "County level"),
        ("– signal the importance", "bullet", "", "signal the importance"),
        ("- accountability; and", "bullet", "", "accountability; and"),
        ("o capacity.", "bullet", "", "capacity."),
        ("\uf0b7 Agents generally", "bullet", "", "Agents generally"),
        ("➢ move from advisory", "bullet", "", "move from advisory"),
    ],
)
def test_parse_label(line, kind, number, rest):
    lab = parse_label(line)
    assert lab is not None and (lab.kind, lab.number, lab.rest) == (kind, number, rest)


@pytest.mark.parametrize("line", ["The purpose", "2006 was a year", "once upon", "organisations", "£3.5 million"])
def test_plain_lines_have_no_label(line):
    lab = parse_label(line)
    assert lab is None or lab.kind != "number" or line.startswith("2006")


@pytest.mark.parametrize(
    "prev, cand, kind",
    [
        ((3, 1), (3, 2), "next"),
        ((3, 2), (3, 2, 1), "down"),
        ((3, 2, 1), (3, 3), "up"),
        ((3, 7), (4, 1), "up"),
        ((12,), (13,), "next"),
        ((3, 4), (3, 4), "duplicate"),
        ((3, 4), (3, 5, 2), None),
        ((4, 2), (3, 5), None),
        ((12,), (1,), None),
        ((2, 3), (2006,), None),
    ],
)
def test_successor_kind(prev, cand, kind):
    assert successor_kind(prev, cand) == kind


def test_gap_allowed_only_when_asked():
    assert successor_kind((3, 4), (3, 6)) is None
    assert successor_kind((3, 4), (3, 6), max_gap=2) == "gap"


def test_i_after_h_is_a_letter_and_after_nothing_a_numeral():
    assert letter_kind("h", "i") == "letter"
    assert letter_kind(None, "i") == "roman"
    assert letter_kind("i", "ii") == "roman"
    assert letter_kind("u", "v") == "letter"


def test_sequence_warnings():
    assert sequence_warnings(["1.1", "1.2", "1.3"]) == []
    warnings = sequence_warnings(["1.1", "1.2", "1.4", "1.4", "1.1"])
    assert any("gap" in w and "1.4" in w for w in warnings)
    assert any("1.4 appears more than once" in w for w in warnings)
    assert any("restarts" in w for w in warnings)


@settings(max_examples=40, deadline=None)
@given(st.lists(st.integers(min_value=1, max_value=3), min_size=1, max_size=25))
def test_a_clean_sequence_is_found_whole(steps):
    """Any well-formed two-level numbering survives the segmenter unchanged."""
    numbers = []
    major, minor = 1, 0
    for s in steps:
        if s == 3 and minor:
            major, minor = major + 1, 1
        else:
            minor += 1
        numbers.append(f"{major}.{minor}")
    text = "\n\n".join(f"{n} Paragraph {n} says something about the partnership." for n in numbers)
    doc = segment(read_text("t.txt", text))
    assert [p.number for p in doc.paragraphs] == numbers
    assert not [w for w in doc.warnings if "gap" in w or "restarts" in w]


def doc_of(text: str):
    return segment(read_text("t.txt", text))


def test_numbers_that_do_not_fit_are_text():
    doc = doc_of(
        "1. INTRODUCTION\n\n"
        "1.1 The budget for the programme was set in\n"
        "2006. It has not changed since.\n\n"
        "1.2 The total cost is expected to be\n"
        "3.5 million pounds over three years.\n\n"
        "1.3 The steps are:\n"
        "1. agree the plan;\n"
        "2. consult partners.\n\n"
        "1.4 Final paragraph.\n"
    )
    assert [p.number for p in doc.paragraphs] == ["1.1", "1.2", "1.3", "1.4"]
    assert "2006. It has not changed" in doc.paragraph("1.1").text
    assert "3.5 million pounds" in doc.paragraph("1.2").text
    assert "1. agree the plan; 2. consult partners." in doc.paragraph("1.3").text


def test_flat_numbering_restarts_after_a_chapter():
    doc = doc_of(
        "Chapter 1: Introduction\n\n1. First.\n\n2. Second.\n\n"
        "Chapter 2: Governance\n\n1. Third.\n\n2. Fourth.\n"
    )
    # ids stay unique in the Document: each restarted series is qualified by its chapter; labels are as printed
    assert [(p.section, p.number, p.label) for p in doc.paragraphs] == [
        ("1", "1(1)", "1"), ("1", "1(2)", "2"), ("2", "2(1)", "1"), ("2", "2(2)", "2")]
    assert doc.paragraph("2(1)").text == "Third."
    assert [(s.number, s.heading, s.kind.value) for s in doc.sections] == [
        ("1", "Introduction", "chapter"), ("2", "Governance", "chapter")]


def test_gap_and_duplicate_are_warned():
    doc = doc_of("1. ONE\n\n1.1 a.\n\n1.2 b.\n\n1.4 d.\n\n1.5 e.\n\n1.5 f.\n\n1.6 g.\n")
    assert "1.4" in [p.number for p in doc.paragraphs]
    assert any("gap" in w for w in doc.warnings)


def test_questions_and_annex_listing():
    doc = doc_of(
        "Chapter 1: Role\n\n1.1 Text.\n\nQ1 Do you agree?\n\nQuestion 2: Why?\n\n"
        "Annex A: Summary of questions\n\nQ1 Do you agree?\n\nQ2 Why?\n"
    )
    assert [(p.number, p.kind.value) for p in doc.paragraphs] == [("1.1", "paragraph"), ("Q1", "question"), ("Q2", "question")]
    assert [q["number"] for q in doc.metadata["annex_questions"]] == ["Q1", "Q2"]
    assert doc.sections[-1].kind.value == "annex" and doc.sections[-1].number == "A"


def test_lettered_parts_belong_to_their_paragraph():
    doc = doc_of(
        "3. PROPOSALS\n\n3.1 The councils will:\n"
        "(a) one;\n(b) two;\n(c) three;\n(d) four;\n(e) five;\n(f) six;\n(g) seven;\n(h) eight;\n(i) nine.\n\n"
        "3.2 Next.\n"
    )
    p = doc.paragraph("3.1")
    assert len(p.parts) == 9 and p.parts[-1] == "(i) nine."
    assert [x.number for x in doc.paragraphs] == ["3.1", "3.2"]


def test_indented_list_inside_flat_numbering_is_text_and_a_late_start_is_kept():
    doc = doc_of(
        "11. Eleventh paragraph.\n\n12. The steps are as follows:\n\n    1. agree the plan;\n\n"
        "    2. consult partners;\n\n    3. publish it.\n\n13. Thirteenth.\n\n14. Fourteenth.\n"
    )
    assert [p.number for p in doc.paragraphs] == ["11", "12", "13", "14"]
    assert doc.paragraph("12").text.endswith("1. agree the plan; 2. consult partners; 3. publish it.")


def test_pages_option_starts_mid_sequence():
    from pathlib import Path

    from lspkit.api import extract

    pdf = Path(__file__).resolve().parent.parent / "data" / "consultation-v1.pdf"
    if not pdf.exists():
        pytest.skip("consultation fixture not built")
    doc = extract(str(pdf), pages=[4, 5])
    numbers = [p.number for p in doc.paragraphs]
    assert numbers[0] == "2.9" and "3.10" in numbers and "Q5" in numbers


def test_unnumbered_subheading_keeps_the_numbered_section():
    doc = doc_of("3. GOVERNANCE\n\n3.1 First.\n\n**Housing**\n\n3.2 Second.\n\n4. CAPACITY\n\n4.1 Third.\n")
    assert [(p.number, p.section, p.heading) for p in doc.paragraphs] == [
        ("3.1", "3", "GOVERNANCE"), ("3.2", "3", "Housing"), ("4.1", "4", "CAPACITY")]


def test_a_numbered_line_ending_in_a_colon_is_not_a_heading():
    doc = doc_of("2. RECOMMENDATIONS\n\n**2.1 That Cabinet:**\n(a) adopts the plan; and\n(b) agrees the budget.\n\n2.2 Next.\n")
    assert [p.number for p in doc.paragraphs] == ["2.1", "2.2"]
    assert doc.paragraph("2.1").parts == ("(a) adopts the plan; and", "(b) agrees the budget.")


def test_numbered_back_matter_is_metadata():
    doc = doc_of("1. INTRODUCTION\n\n1.1 Text.\n\n2. BACKGROUND PAPERS\n\nThe 2005 consultation paper.\n\n"
                 "3. CONTACT OFFICER\n\nJane Smith, Policy Officer\nTel: 01234 567890\n")
    assert [p.number for p in doc.paragraphs] == ["1.1"]
    assert doc.metadata["background_papers"] == "The 2005 consultation paper."
    assert doc.metadata["contact"] == "Jane Smith, Policy Officer, 01234 567890"


def test_a_reference_to_the_next_number_wrapped_to_a_line_start_is_text():
    doc = doc_of("4. SCOPE\n4.1 The details of the scheme are set out in paragraph\n4.2 below, with costs.\n"
                 "4.2 The scheme costs are as follows.\n4.3 Last.\n")
    assert [p.number for p in doc.paragraphs] == ["4.1", "4.2", "4.3"]
    assert doc.paragraph("4.1").text.endswith("set out in paragraph 4.2 below, with costs.")
    assert doc.paragraph("4.2").text == "The scheme costs are as follows."


def test_a_short_last_line_ends_a_paragraph_without_punctuation():
    doc = doc_of("1. ITEMS\n1.1 Draft budget for the coming year and beyond it\n1.2 Capital programme\n"
                 "1.3 A much longer line that runs on to the full width of the text and keeps going for a while\n")
    assert [p.number for p in doc.paragraphs] == ["1.1", "1.2", "1.3"]


def test_markdown_pipe_table_is_a_table_on_the_paragraph_it_follows():
    doc = doc_of("1. COSTS\n\n1.1 The costs are below.\n\n| Scheme | Cost |\n|---|---|\n| Mill Road | 450 |\n"
                 "| Station Road | 120 |\n\n1.2 Next paragraph.\n")
    assert [p.text for p in doc.paragraphs] == ["The costs are below.", "Next paragraph."]
    assert [list(r) for r in doc.paragraph("1.1").tables[0].rows] == [
        ["Scheme", "Cost"], ["Mill Road", "450"], ["Station Road", "120"]]
