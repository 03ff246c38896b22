"""Issue 10, the misses round 8 left: furniture inside a statute's sections on the real PDFs where a mechanism was
missing.  Each test drives the real pipeline on a real PDF."""
from __future__ import annotations

from real_util import doc, para


def test_a_pages_only_line_number_beside_a_sentence_that_goes_on_is_furniture():
    """Sri Lanka's petroleum bill: its last page of text has five lines, so one line number ("5", beside
    "regulation or rule made thereunder.") and no column of them; it was read into section 8."""
    text = para(doc("sri-lanka-parliament_2022_petroleum-products-special-provisions-amendment-bill"), "8").text
    assert text.endswith("and any other regulation or rule made thereunder.")


def test_a_printers_job_code_at_a_pages_foot_is_furniture():
    """Sri Lanka's frauds gazette: "(PL014216 - 475(10/2023)" under the text of page 1, above the footer band,
    was read into section 2."""
    d = doc("sri-lanka-parliament_2023_prevention-of-frauds-amendment-gazette")
    assert "PL014216" not in para(d, "2").text
    assert any("PL014216" in x.text for x in d.dropped)


def test_a_title_of_a_part_of_a_paragraphs_list_set_in_beyond_its_text_does_not_end_it():
    """Kesgrave: item 10's list of budget lines is grouped under "Administration", "MJH", "Youth Provision" set in
    beyond the item's text with bullets further in; "MJH" (capitals, grey) was read as a section heading and
    cut the item there."""
    d = doc("kesgrave-tc_2024_finance-governance-minutes-november")
    text = para(d, "10").text
    assert "MJH 1400 (MJH room hire)" in text and text.endswith("costs for proposed pump track.")
    assert not any(s.heading == "MJH" for s in d.sections)
