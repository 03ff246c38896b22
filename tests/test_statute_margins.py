"""Statutes set with marginal notes (Sri Lankan bills and Acts, the Commonwealth form UK, Indian and Australian Acts
share): each mechanism on the real PDFs of data/real/, against what the page prints.

- a marginal note (a side heading in a narrow column of smaller type beside the text) is read apart: never in the
  text of the section beside it, never a paragraph of its own, kept as the section's `margin_notes`;
- line numbers printed down the margin every fifth line, centred or left-aligned, are dropped;
- a running head set below the page's top band (a small type area on A4) is furniture, also where a verso's
  starts with its page number;
- a section is one paragraph: its subsections and the sections it quotes stay inside it;
- a bold section number opening a roman line does not make the line a bold heading.
"""
from __future__ import annotations

from pathlib import Path

import pytest

from real_util import extracted

REAL = Path(__file__).resolve().parent.parent / "data" / "real"
PTA_BILL = REAL / "sri-lanka-parliament_2022_prevention-of-terrorism-amendment-bill.pdf"
FRAUDS_ACT = REAL / "sri-lanka-parliament_2024_prevention-of-frauds-amendment-act.pdf"
FRAUDS_GAZETTE = REAL / "sri-lanka-parliament_2023_prevention-of-frauds-amendment-gazette.pdf"
PETROLEUM_BILL = REAL / "sri-lanka-parliament_2022_petroleum-products-special-provisions-amendment-bill.pdf"


def _doc(path: Path):
    if not path.exists():
        pytest.skip(f"{path.name} is absent (python data/real/restore.py)")
    return extracted(path)  # once per session


@pytest.fixture(scope="module")
def pta():
    return _doc(PTA_BILL)


def test_marginal_notes_are_kept_apart_as_the_sections_notes(pta):
    by = {p.number: p for p in pta.paragraphs}
    assert [p.number for p in pta.paragraphs] == [str(n) for n in range(1, 15)]
    assert by["1"].text == ("This Act may be cited as the Prevention of Terrorism (Temporary Provisions) (Amendment) "
                            "Act, No. of 2022.")
    assert by["1"].margin_notes == ("Short title",)
    assert by["2"].margin_notes == ("Amendment of section 9 of Act, No. 48 of 1979",)
    assert "Amendment" not in by["2"].text and "of Act," not in by["2"].text.split("1979")[-1]
    # a quoted inserted section's own note, in the other margin, follows the section's
    assert by["3"].margin_notes == ("Insertion of sections 9A and 9B in the principal enactment",
                                    "“Certified copy of the detention Order to be served on the Magistrate",
                                    "Duty of the Magistrate to visit place of detention")
    assert "Certified copy of the detention" not in by["3"].text
    assert by["14"].margin_notes == ("Sinhala text to prevail in case of inconsistency",)
    assert by["14"].text.endswith("the Sinhala text shall prevail.")
    notes = {n for p in pta.paragraphs for n in p.margin_notes}
    assert not any(p.text.startswith(tuple(notes)) for p in pta.paragraphs)
    assert by["1"].to_dict()["margin_notes"] == ["Short title"]
    from lspkit.model import Document  # and a document served from the cache (its JSON read back) keeps them

    again = {p.number: p for p in Document.from_dict(pta.to_dict()).paragraphs}
    assert again["3"].margin_notes == by["3"].margin_notes and again["1"].margin_notes == ("Short title",)


def test_margin_line_numbers_are_dropped(pta):
    # "5", "10" ... down the left margin, centred: never a paragraph number, never in the text
    by = {p.number: p for p in pta.paragraphs}
    assert by["2"].text.startswith("Section 9 of the Prevention of Terrorism")
    assert " 15 " not in by["3"].text and " 25 " not in by["12"].text
    assert "“Protection" not in by["12"].text


def test_running_heads_below_the_top_band_are_furniture(pta):
    heads = [d for d in pta.dropped if d.reason == "header"]
    assert {d.page for d in heads if "Prevention of Terrorism" in d.text} == set(range(3, 11))
    assert not any("Prevention of Terrorism (Temporary Provisions) (Amendment) Judicial" in p.text
                   for p in pta.paragraphs)
    assert not pta.sections or all("(Amendment)" not in s.heading for s in pta.sections)


def test_a_section_keeps_its_subsections():
    pta = _doc(PTA_BILL)
    by = {p.number: p for p in pta.paragraphs}
    assert "(1) by the repeal of the definition" in by["13"].text and by["13"].text.endswith("1994;”.")
    petroleum = _doc(PETROLEUM_BILL)
    first = petroleum.paragraphs[0]
    assert first.number == "1" and "(2) The provisions of this Act other than this section" in first.text
    assert first.margin_notes == ("Short title & date of operation",)
    gazette = _doc(FRAUDS_GAZETTE)
    assert [p.number for p in gazette.paragraphs] == ["1", "2", "3"]


def test_a_bold_section_number_does_not_make_a_heading():
    # "1. This Act may be cited ..." is one run whose number alone is bold: a section, not a bold heading
    act = _doc(FRAUDS_ACT)
    assert [p.number for p in act.paragraphs] == ["1", "2", "3"]
    assert act.paragraphs[0].text == "This Act may be cited as the Prevention of Frauds (Amendment) Act, No. 4 of 2024."
    assert act.paragraphs[0].margin_notes == ("Short title",)
    assert not act.sections
