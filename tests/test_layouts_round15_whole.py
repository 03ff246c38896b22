"""Round 15 (issue 10): paragraphs found but not whole, something glued on at their end; checked on the real paper
(data/real/, skipped where it is not on this machine) and on a page drawn here that is not from the corpus."""
from __future__ import annotations

import pytest

from lspkit.api import extract

from real_util import doc
from test_segment_layout import draw

PROSE = [("We consulted on the proposed changes to the rules for firms that approve financial",
          "promotions for unauthorised persons, and most respondents agreed with them."),
         ("Several respondents asked whether the rules would apply to promotions that were",
          "approved before the new regime started, and how long the transition would last."),
         ("We are taking forward the proposed amendments but have updated them to reflect",
          "comments we received, including on the timing of the first annual attestation."),
         ("The changes will come into force on 7 February 2024, with the first attestation",
          "due twelve months after a firm first approves a promotion under the regime.")]


@pytest.fixture(scope="module")
def notice(tmp_path_factory):
    """Numbered paragraphs hanging (the number at 51, the text at 93), a short title in body type after a gap over
    the next number, and a sentence after a gap over another."""
    page, y = [], 60
    for k, (first, second) in enumerate(PROSE, start=20):
        if k == 22:
            y += 14
            page.append((93, y, "Our response", 11, "Helvetica"))
            y += 14
        page += [(51, y, f"3.{k}", 11, "Helvetica"), (93, y, first, 11, "Helvetica"),
                 (93, y + 14, second, 11, "Helvetica")]
        y += 28
        if k == 20:
            y += 14
            page.append((93, y, "A few respondents did not answer this question at all.", 11, "Helvetica"))
            y += 14
        y += 14
    return draw(tmp_path_factory.mktemp("notice") / "notice.pdf", [page])


def test_a_short_title_over_a_hanging_number_is_a_heading_not_the_paragraph_before(notice):
    d = extract(notice)
    got = {p.number: p.text for p in d.paragraphs}
    assert got["3.21"].endswith("how long the transition would last.")
    assert "Our response" in [s.heading for s in d.sections]
    # a sentence standing after a gap over the next number is no title
    assert not any(s.heading.startswith("A few respondents") for s in d.sections)


def test_the_fca_notices_titles_over_hanging_numbers():
    got = {p.number: p.text for p in doc("fca_2023_handbook-notice-108").paragraphs}
    assert got["3.29"].endswith("quickly identify and address poor practices that impact consumer outcomes.")
    assert got["3.21"].endswith("where legislation provides certain exemptions for these firms.")


@pytest.fixture(scope="module")
def bylaw(tmp_path_factory):
    """A bylaw's numbered sections set with no more space between them than between their lines, then its
    sign-off: read three times, adopted, passed this twenty-seventh day; and minutes closed by the chair."""
    lines = ["1. This Bylaw may be cited as the Council Remuneration Bylaw No. 4822, 2022.",
             "2. The annual remuneration of each councillor is set out in Schedule A to this Bylaw.",
             "READ a first, second and third time by the Municipal Council on July 11, 2022.",
             "ADOPTED and FINALLY PASSED by the Municipal Council on July 18, 2022.",
             "PASSED AND ADOPTED THIS TWENTY- SEVENTH DAY OF FEBRUARY, A.D., 2024.",
             "3. The Clerk reported that the new noticeboard had been installed at the hall.",
             "Resolved that the minutes of the meeting of 5 May 2024 be approved.",
             "The chairman closed the meeting at 9.04pm"]
    page = [(72, 60 + 15 * k, t, 11, "Helvetica") for k, t in enumerate(lines)]
    return draw(tmp_path_factory.mktemp("bylaw") / "bylaw.pdf", [page])


def test_a_papers_sign_off_is_not_its_last_paragraphs_text(bylaw):
    got = {p.number: p.text for p in extract(bylaw).paragraphs}
    assert got["2"] == "The annual remuneration of each councillor is set out in Schedule A to this Bylaw."
    # a minute's record dated in its words is the item's text, no sign-off
    assert got["3"] == ("The Clerk reported that the new noticeboard had been installed at the hall. Resolved that the "
                        "minutes of the meeting of 5 May 2024 be approved.")


def test_real_papers_sign_offs():
    got = {p.number: p.text for p in doc("district-of-oak-bay_2022_bylaw-4822-council-remuneration").paragraphs}
    assert got["6"] == "This Bylaw may be cited as the Council Remuneration Bylaw No. 4822, 2022."
    got = {p.number: p.text for p in doc("kesgrave-tc_2025_planning-development-minutes-april").paragraphs}
    assert not any("meeting closed at" in t for t in got.values())


def test_a_heading_in_large_type_filling_a_narrow_columns_line_breaks_off_the_paragraph():
    # Glasgow's policy in two columns: "... (see Paragraph 19 Capability Considerations)" / "Managing Long Term
    # Absence" at 18.8 points, as wide as the column / "16.1 Where an employee ..."
    got = {p.number: p.text for p in doc("glasgow-cc_2025_supporting-attendance-policy").paragraphs}
    assert got["15.3"].endswith("(see Paragraph 19 Capability Considerations)")


@pytest.fixture(scope="module")
def implications(tmp_path_factory):
    """A council report's implications sections, each closed by a bracketed note set flush right after a gap."""
    from reportlab.pdfbase.pdfmetrics import stringWidth

    right = 520
    page, y = [], 60
    for n, (title, text, note) in enumerate((
            ("Financial Implications", ["The funding for the local scheme reduced immediately by ten per cent of the",
                                        "direct subsidy in April 2013 and has continued to reduce since then."],
             "(Financial Services have been consulted in the preparation of this report.)"),
            ("Legal Implications", ["The Local Government Finance Act 2012 requires each authority to design a",
                                    "scheme specifying the reductions which are to apply to amounts of tax."],
             "(One Legal have been consulted in the preparation of this report.)")), start=9):
        page.append((57, y, f"{n}.0 {title}", 11, "Helvetica-Bold"))
        y += 26
        page.append((57, y, f"{n}.1", 11, "Helvetica"))
        page += [(93, y + 14 * k, t, 11, "Helvetica") for k, t in enumerate(text)]
        y += 14 * len(text) + 14
        page.append((right - stringWidth(note, "Helvetica", 11), y, note, 11, "Helvetica"))
        y += 36
    return draw(tmp_path_factory.mktemp("implications") / "implications.pdf", [page])


def test_a_bracketed_note_set_flush_right_under_a_paragraph_is_not_its_text(implications):
    got = {p.number: p.text for p in extract(implications).paragraphs}
    assert got["9.1"].endswith("has continued to reduce since then.")
    assert got["10.1"].endswith("which are to apply to amounts of tax.")


def test_a_raised_two_after_a_unit_is_its_power_not_a_note_marker(tmp_path):
    from reportlab.pdfbase.pdfmetrics import stringWidth

    from lspkit.read import read_lines

    def raised(x, y, before, mark, after):
        w = stringWidth(before, "Helvetica", 11)
        return [(x, y, before, 11, "Helvetica"), (x + w, y - 4, mark, 7, "Helvetica"),
                (x + w + stringWidth(mark, "Helvetica", 7) + 3, y, after, 11, "Helvetica")]

    page = raised(72, 100, "a default threshold of 2,500m", "2", "gross floorspace should be applied.")
    page += raised(72, 130, "as the policies set out", "3", "in the local plan require.")
    lines = [ln.text for ln in read_lines(draw(tmp_path / "units.pdf", [page])).lines]
    assert "a default threshold of 2,500m² gross floorspace should be applied." in lines
    assert "as the policies set out in the local plan require." in lines
