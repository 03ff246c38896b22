"""Round 17 (issue 10): a lettered paragraph's own roman list (lspkit/segment/subitems.py) and list numbers set in
Unicode's roman numeral characters (lspkit/segment/lines.py).  The golds make each numeral under a lettered
paragraph a paragraph (`6(c)(i)`) unless the numerals only complete the letter's sentence (`; or`); see
data/real/README.md.  Checked on pages drawn here and on the real papers (data/real/, skipped where absent)."""
from __future__ import annotations

from lspkit.api import extract
from lspkit.segment.lines import plain_numerals

from real_util import doc
from test_segment_layout import draw

B, R = "Helvetica-Bold", "Helvetica"


def _page(items: list[str]) -> list:
    """A constitution's clause 6: a lead-in, lettered paragraphs, and under (b) a roman list of `items`."""
    lines = [(72, 60, "Riverside Rowing Club Constitution", 18, B), (72, 100, "6. Officers", 13, B),
             (72, 120, "The affairs of the Club shall be administered by a Committee consisting of:", 11, R),
             (90, 140, "a) A Captain who will preside at all meetings at which he or she is present.", 11, R),
             (90, 160, "b) A Secretary who will be responsible for:", 11, R)]
    y = 180
    for k, text in enumerate(items):
        lines.append((108, y, f"({'i' * (k + 1) if k < 3 else 'iv'}) {text}", 11, R))
        y += 20
    lines += [(90, y, "c) A Treasurer who will keep the accounts of the Club.", 11, R),
              (90, y + 20, "d) Up to five ordinary Committee members.", 11, R)]
    return [lines]


def test_a_lettered_paragraphs_own_roman_list_already_read_is_left_as_it_is(tmp_path):
    # where the clause reader itself reads the numerals under the letter (`6(b)(i)`), the pass finds nothing to do
    d = extract(draw(tmp_path / "club.pdf", _page(["keeping the minutes of all meetings of the Club.",
                                                   "ensuring that all correspondence is correctly handled.",
                                                   "keeping a register of the Club's boats."])))
    got = {p.number: p for p in d.paragraphs}
    assert got["6(b)"].text == "A Secretary who will be responsible for:"
    assert got["6(b)(i)"].text == "keeping the minutes of all meetings of the Club."
    assert got["6(b)(ii)"].label == "ii" and got["6(b)(iii)"].text == "keeping a register of the Club's boats."
    assert got["6(c)"].text == "A Treasurer who will keep the accounts of the Club."


def test_roman_lists_left_inside_lettered_paragraphs_are_read_out_of_them():
    # GUWS (macOS Quartz): "b. A Secretary who will be responsible for:" / "i. keeping the minutes ..."; the
    # membership classes "i. Full members. ..." under 3(a)
    d = doc("guws_2023_constitution-agreed-february")
    got = {p.number: p for p in d.paragraphs}
    assert got["6(c)(i)"].text.startswith("keeping the minutes of all meetings")
    assert got["3(a)(ii)"].text.startswith("Associate Members.")
    assert not got["6(c)"].text.endswith("equipment.")  # the letter keeps its lead-in only
    # the Town of Paonia's pre-bid minutes (Word): a lettered item's list of names, no punctuation
    d = doc("town-of-paonia_2026_west-loop-water-main-prebid-meeting")
    got = {p.number: p.text for p in d.paragraphs}
    assert got["1(a)(ii)"] == "Stefen Wynn \u2013 Town Administrator"


def test_numerals_completing_the_letters_sentence_stay_its_parts(tmp_path):
    d = extract(draw(tmp_path / "club.pdf", _page(["keeping the minutes of all meetings;",
                                                   "ensuring that all correspondence is handled; and",
                                                   "keeping a register of the Club's boats."])))
    numbers = [p.number for p in d.paragraphs]
    assert "6(b)(i)" not in numbers and "6(b)" in numbers
    assert "(ii) ensuring that all correspondence" in next(p.text for p in d.paragraphs if p.number == "6(b)")


def test_unicode_roman_numerals_read_as_letters():
    assert plain_numerals("(\u2170) keeping the minutes") == "(i) keeping the minutes"
    assert plain_numerals("Items (\u2170) to (\u2174)shall be chaired") == "Items (i) to (v)shall be chaired"
    assert plain_numerals("\u2163. Finance") == "IV. Finance"
    assert plain_numerals("no numerals here") == "no numerals here"


def test_dorkings_libreoffice_roman_list_is_read():
    # LibreOffice writes the list numbers "(ⅰ)" ... "(ⅳ)" as Unicode roman numerals, in three columns on one page
    d = doc("dorking-drs_2024_constitution")
    got = {p.number: p for p in d.paragraphs}
    sub = [n for n in got if n.startswith("6(b)(")]
    assert sub == ["6(b)(i)", "6(b)(ii)", "6(b)(iii)", "6(b)(iv)"]
    assert got["6(b)(i)"].text == "keeping the minutes of all meetings of the Society."
    assert got["6(b)(i)"].label == "i"


def test_nalcs_agenda_items_ending_with_semicolons_stay_the_letters_parts():
    # NALC's standing order 5(j): twenty "i. ... ;" items of the annual meeting's business, kept in 5(j) by the gold
    d = doc("nalc_2022_model-standing-orders-england")
    assert not [p for p in d.paragraphs if p.number.startswith("5(j)(")]

