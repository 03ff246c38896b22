"""Issue 12, round 7 (unseen publishers): the mechanisms the check found missing, on the papers and on lines."""
from pathlib import Path

import pytest

from lspkit.analyse.glossary import _qualified_brackets, _unglued, _as_printed
from lspkit.analyse.title import bad_title

REAL = Path(__file__).resolve().parent.parent / "data" / "real"


def test_an_instrument_named_by_its_number_is_no_date():
    assert not bad_title("RESOLUTION 41425")
    assert not bad_title("ORDINANCE NO. 89-2018")
    assert bad_title("November 20, 2017")


def test_short_forms_with_a_qualifier_a_prefix_a_repeat_or_a_dashed_explanation():
    got = _qualified_brackets([
        ("1", "The World Wide Web Consortium (W3C) is developing"),
        ("2", "the Web Content Accessibility Guidelines version 2.0 (WCAG 2.0) Level AA"),
        ("3", "the Commercial Off The Shelf Software and Hardware panel (COTS panel). The"),
        ("4", "b. NON-Water Quality Resource Area (NON-WQRA) or"),
        ("5", "12” DBH (Diameter Breast Height – measured at 4.5 feet)"),
        ("6", "members of the Parish Council (PC members) met"),  # the words before do not end with "members"
    ])
    assert [(s, l) for s, l, _ in got] == [
        ("W3C", "World Wide Web Consortium"),
        ("WCAG 2.0", "Web Content Accessibility Guidelines version 2.0"),
        ("COTS panel", "Commercial Off The Shelf Software and Hardware panel"),
        ("NON-WQRA", "NON-Water Quality Resource Area"),
        ("DBH", "Diameter Breast Height"),
    ]


def test_a_small_word_run_into_the_next_is_parted():
    assert _unglued("National Institute ofStandards and Technology (NIST)") == \
        "National Institute of Standards and Technology (NIST)"
    assert _unglued("iPhone theory often") == "iPhone theory often"


def test_a_plural_after_a_preposition_stays_as_printed():
    texts = ["the United Nations Convention on the Rights of Persons with Disabilities (UNCRPD) and", "Disability"]
    long = "United Nations Convention on the Rights of Persons with Disability"
    assert _as_printed(texts, "UNCRPD", long).endswith("Disabilities")


@pytest.mark.parametrize("name, title", [
    ("rivergrove-or_2019_resolution-41425-public-records",
     "Resolution 41425: A Resolution of the City of Rivergrove Amending Its Public Records Policy, Including Fees and Forms"),
    ("rivergrove-or_2017_ordinance-88-docks", "Ordinance No. 88-2017"),  # its long title's words ran together
    ("rivergrove-or_2018_council-minutes-december-10", "Rivergrove City Council Meeting Minutes December 10, 2018"),
    ("new-bradwell-pc_2022_complaints-procedure", "New Bradwell Parish Council – Complaints Procedure"),
])
def test_round7_titles(name, title):
    pdf = REAL / f"{name}.pdf"
    if not pdf.exists():
        pytest.skip("real PDFs not restored")
    from lspkit.analyse.title import find_title
    from real_util import extracted

    assert find_title(extracted(pdf)) == title
