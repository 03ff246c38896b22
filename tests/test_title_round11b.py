"""The summary's title on round 11's blind second set (data/real/, restored by data/real/restore.py): an
ordinance's or a resolution's caption under its number, an OCR layer's "2024- 06" read as the number the page
prints; a resolution's decision number is no part of its title; an OCR'd contents heading is never a title."""
from __future__ import annotations

import pytest
from real_util import summary


@pytest.mark.parametrize("name, start, words", [
    # "ORDINANCE NO. 2024- 06" (the OCR layer's space), the caption over two blocks in capitals
    ("coral-gables_2024_ordinance-2024-06-public-information-meetings",
     "Ordinance No. 2024-06: An Ordinance of the City Commission Providing for Text Amendments",
     "effective date"),
    # the caption longer than 400 characters, in one block
    ("coral-gables_2024_ordinance-2024-12-window-hurricane-shutters",
     "Ordinance No. 2024-12: An Ordinance of the City Commission Providing for a Text Amendment", "Section 5-314"),
    # the caption, not the enacting clause "NOW, THEREFORE, BE IT RESOLVED ..." (the PDF's title)
    ("coral-gables_2024_resolution-2024-44-city-manager-appointment",
     "Resolution No. 2024-44: A Resolution of the City Commission Appointing Amos Rojas", "Benefits Package"),
])
def test_an_ordinances_caption_under_its_number_is_its_title(name, start, words):
    title = summary(name).title
    assert title.lower().startswith(start.lower()) and words.lower() in title.lower() and "WHEREAS" not in title.upper()


@pytest.mark.parametrize("name, title", [
    ("who-wha_2013_wha66-12-neglected-tropical-diseases", "Neglected tropical diseases"),
    ("who-wha_2013_wha66-9-disability", "Disability"),
    ("who-wha_2013_wha66-24-ehealth-standardization-interoperability", "eHealth standardization and interoperability"),
])
def test_a_resolutions_number_is_no_part_of_its_title(name, title):
    assert summary(name).title == title


def test_an_ocr_contents_heading_is_never_a_title():
    title = summary("kenya-national-assembly_2024_kenya-roads-board-amendment-bill").title
    assert "".join(title.split()).lower() not in ("content", "contents")


def test_a_gazette_supplements_one_bill_in_its_contents_is_its_title():
    # "CONT EN T" / "Bill for Introduction into the National Assembly— Page" / "The Kenya RoadsBoard (Amendment)
    # Bill, 2024 4 5 1": the entry without its page number (the OCR layer runs "Roads" and "Board" together)
    assert summary("kenya-national-assembly_2024_kenya-roads-board-amendment-bill").title == \
        "The Kenya RoadsBoard (Amendment) Bill, 2024"


def test_a_bodys_name_under_the_title_is_no_subtitle():
    # the PDF's title "Sundry traffic regulation(s) and sign(s)", its subtitle "City of Chicago": whose, not what
    assert summary("chicago-city-council_2016_so2016-561-traffic-regulations-do-not-pass-report").title == \
        "Sundry traffic regulation(s) and sign(s)"


def test_an_agendas_title_block_under_the_bodys_address():
    # "City of Coral Gables" / its address, then "Agenda - Final" / "Tuesday, January 9, 2024" / ... / "City Commission"
    assert summary("coral-gables_2024_city-commission-agenda-january-9").title == \
        "City Commission Agenda - Final, Tuesday, January 9, 2024"


def test_a_record_titled_by_its_date_is_named_with_the_body_over_it():
    # the running header "COUNCIL OF THE CITY OF WINNIPEG" over the PDF's title "Wednesday, November 6, 2013"
    assert summary("winnipeg-city-council_2013_hansard-organizational-meeting-november-6").title == \
        "Council of the City of Winnipeg, Wednesday, November 6, 2013"
