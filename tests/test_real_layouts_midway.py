"""Numbered lines that are no paragraphs in papers of publishers the corpus had not had.

A paper whose numbering starts partway (a chapter or an extract printed alone): its first numbered line, a short
title in body type over unnumbered prose, heads a section like the titles after it.  Read as a paragraph (its number
does not open a series: 5.4.8, 3), the title had its prose glued on and every title after it was taken as the next
paragraph of that series.  Seen on two US federal extracts of publishers the corpus had not had (data/real/)."""
from __future__ import annotations

from real_util import doc


def test_an_underlined_title_opening_an_extract_at_5_4_8_heads_a_section():
    # US EPA, Mercury Study Report to Congress, pages 5-15 to 5-17: "5.4.8 Calculation of a Wildlife Criterion for
    # the Florida Panther" (underlined) over indented prose, then 5.4.9, 5.4.10, 5.4.11 set the same way
    d = doc("us-epa_1997_mercury-study-report-wildlife-criteria-extract")
    assert not d.paragraphs
    heads = {s.number: s.heading for s in d.sections}
    assert heads["5.4.8"] == "Calculation of a Wildlife Criterion for the Florida Panther"
    assert heads["5.4.9"] == "Comparison of GLWQI Criteria with WC Derived in this Report"
    assert heads["5.4.11"] == "Sensitivity Analysis"


def test_an_italic_title_opening_an_extract_at_3_heads_a_section():
    # US FDA, patient-reported outcome guidance, pages 14 to 16: "3. Recall Period" (italic, set in) over prose
    d = doc("us-fda_2009_pro-guidance-instrument-extract")
    assert not d.paragraphs
    heads = {s.number: s.heading for s in d.sections}
    assert heads["3"] == "Recall Period" and heads["4"] == "Response Options"
    assert heads["7"] == "Scoring of Items and Domains"


def test_a_figures_numbered_notes_in_small_type_are_not_paragraphs():
    # EFSA, zoonoses report pp. 180-182: "1. Includes total cases for 2004 ..." in small type under each chart, in a
    # paper with no numbered paragraph; NCES: "1 Enrolled in a graduate ..." (8.5 pt) under Figure 2 (body 11.3 pt).
    # With no numbered paragraph to measure them by, the body text's size does.
    assert not doc("efsa_2009_zoonoses-report-brucellosis-extract").paragraphs
    assert not doc("us-nces_2007_graduate-borrowing-extract").paragraphs
