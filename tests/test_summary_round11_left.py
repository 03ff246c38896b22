"""The summary's panel and glossary on what round 10 left of the round-9 papers (data/real/, restored by
data/real/restore.py): the PDF's Author property only where it names someone, a title block only where it says
something, the keys and numbered names a board's minutes define."""
from __future__ import annotations

import pytest
from real_util import doc, summary


@pytest.mark.parametrize("author, shown", [
    ("NipUser", False), ("Compaq Customer", False), ("Nick's Desktop", False), ("oem user", False),
    ("mgServices", False), ("Supervisor", False), ("Your council", False),
    ("McIntyre, Margaret", True), ("Olive O'Sullivan", True), ("DfE", True), ("MHCLG", True),
    ("Romayne De Fonseka", True), ("Transparency Team", True)])
def test_a_pdf_author_that_names_a_machine_or_an_account_is_not_shown(author, shown):
    from lspkit.segment.matter import _named_author
    assert _named_author(author) is shown


def test_a_real_papers_account_author_is_not_in_its_summary():
    # Nipissing's minutes: the PDF's Author property is "NipUser", the account that saved the file
    assert summary("nipissing-township_2026_council-minutes-jan-20").metadata.get("author") is None


@pytest.mark.parametrize("name", [
    "coventry-cc_2018_air-quality-spd-revised-draft-cabinet-member-report",  # a symbol font's private glyphs, "\uf061\uf062\uf063"
    "dft_2020_tfl-extraordinary-funding-settlement-letter",  # a template's "Tel: xxxx xxx xxxx"
    "tintern-cc_2018_standing-orders",  # the file's name, "standingorders"
    "tintern-cc_2019_minutes-august",  # a date stamp, "20190919"
    "milburn-pc_2018_minutes-march",  # "Milburn Parish Council - 6th March 2012" on minutes of March 2018
    "southwark_2008_corporate-property-management-executive-report",  # a table's column heads, "Item No"
])
def test_a_title_block_that_says_nothing_is_not_kept(name):
    assert doc(name).metadata.get("title_block") is None


def test_a_title_block_the_page_prints_is_kept():
    # a masthead that defines an acronym stays, for the glossary
    assert doc("odug_2013_dvla-bulk-data-benefits-case").metadata.get("title_block") == "Open Data User Group (ODUG)"


def test_a_vote_records_keys_and_the_tables_definitions_are_in_the_glossary():
    # Manhattan CB4: the vote record's cell "VOTING KEY Y=Yes N=No A=Abstain PNE=Present, not eligible A'-- = No
    # vote ATTENDANCE KEY P=Present (IP v. V) Ab=Absent E=Excused", and the board reports set in ruled tables
    glossary = {g.short: g.long for g in summary("manhattan-cb4_2022_full-board-minutes-september").acronyms}
    assert glossary["PNE"] == "Present, not eligible" and glossary["Ab"] == "Absent" and glossary["E"] == "Excused"
    assert glossary["Y"] == "Yes" and glossary["A'--"] == "No vote"
    assert glossary["CHKLU"] == "Clinton Hell’s Kitchen Land Use"
    # the name's number run on to its initials: "Manhattan Community Board 4 (MCB4)"
    assert glossary["MCB4"] == "Manhattan Community Board 4"


def test_a_key_needs_its_head_a_sentence_with_equals_signs_is_none():
    from lspkit.analyse.glossary import _headed_keys
    assert _headed_keys("The totals were A=12 and B=14 in the second quarter.") == []
    assert _headed_keys("Key: Y=Yes N=No") == [("Y", "Yes"), ("N", "No")]
