"""Outlines of nested labels and printed line numbers, as student bodies' pdfTeX bylaws and constitutions print
them, each tested on the real paper that shows it (data/real/; restored by data/real/restore.py)."""
from __future__ import annotations

import re

from lspkit.read import read_lines
from real_util import REAL, doc, real_pdf


def test_printed_line_numbers_in_the_margin_are_not_the_lines_text():
    # CMU Student Senate bylaws (pdfTeX): "5", "10", "15" down the left margin, beside every fifth line; read
    # into the line they would turn "1. The general purpose" into "5 1. The general ...", and "15 A." into a
    # paragraph numbered 15
    real_pdf("cmu-student-senate_2017_bylaws.pdf")
    r = read_lines(str(REAL / "cmu-student-senate_2017_bylaws.pdf"))
    lines = [ln for ln in r.lines if ln.page == 1]
    first = next(ln for ln in lines if "The general purpose of Student Senate" in ln.text)
    assert first.text.startswith("1. The general purpose")
    a = next(ln for ln in lines if "The purpose of these bylaws" in ln.text)
    assert first.x0 > a.x0 + 10  # where the label is printed, not where the margin number is
    activities = next(ln for ln in lines if "The Activities Board refers" in ln.text)
    assert activities.text.startswith("A. The Activities Board")
    assert not [ln.text for ln in r.lines if re.match(r"^(5|10|15|20|25|30) [A-Za-z0-9]{1,2}\. ", ln.text)]


def test_an_outline_of_labels_under_articles_gives_every_item_as_a_paragraph_cited_by_its_path():
    # CMU Student Senate bylaws: "Article I. Purpose and Scope." (a title set in larger type with its closing
    # stop), then "A.", below it "1.", "a.", "(i)", "(I)", "(A)", each level further in, the letters restarting
    # under every article; a contents list fills the top of page 1
    d = doc("cmu-student-senate_2017_bylaws")
    by_id = {p.number: p for p in d.paragraphs}
    first = by_id["1:A"]
    assert first.label == "A" and first.text.startswith("The purpose of these bylaws")
    assert first.text.endswith("Student Body Constitution.")  # its item "1." is not glued on
    assert by_id["1:A.1"].text.startswith("The general purpose of Student Senate")
    assert by_id["2:A"].text.startswith("The Activities Board refers")  # restarted under Article II
    assert by_id["2:D.2"].text == "College of Fine Arts;"
    # a part's title over its items ("B. Student Senators:") is no provision; its items are
    assert not any(p.text.startswith("Student Senators:") for p in d.paragraphs)
    assert by_id["4:B.1"].text.startswith("Student Senators shall be elected")
    assert by_id["4:B.1.a"].label == "a"
    # the articles, not the contents lines above them on page 1 ("Article I. Purpose and Scope. 1")
    assert [(s.number, s.heading) for s in d.sections[:2]] == [("1", "Article I. Purpose and Scope"),
                                                               ("2", "Article II. Terms and Definitions")]
    assert any(x.reason.value == "contents" and x.text.startswith("Article XI. Amendment.") for x in d.dropped)
    assert len([p for p in d.paragraphs if ":" in p.number]) >= 380


def test_the_next_number_hanging_at_the_margin_starts_a_paragraph_after_one_that_ended_without_a_stop():
    # 35% Campaign letter (LibreOffice): "2. ... (para 5.iii)" ends without a full stop, and "3. The proposal ..."
    # hangs out at the numbers' margin, left of the text above; "10.There ..." is one line, "11.There ..." under it
    d = doc("35-percent-campaign_2018_letter-to-councillors-shopping-centre")
    by_id = {p.number: p for p in d.paragraphs}
    assert by_id["2"].text.endswith("(para 5.iii)")
    assert by_id["3"].text.startswith("The proposal to give first right of refusal")
    assert by_id["10"].text == "There will be a reduction of leisure floorspace (para 120, 143)"
    assert by_id["11"].text.startswith("There will be a minimum net loss")
    assert [p.number for p in d.paragraphs][:16] == [str(n) for n in range(1, 17)]


def test_a_list_of_items_ending_with_commas_under_a_section_gives_each_item():
    # Georgia Tech CoC Student Council constitution (pdfTeX): "Section 2. ... composed of:" then "1. A Masters
    # representative, ..., elected by Masters students," and "2. A PhD representative ..." at the same margin:
    # the first item is one line ending with a comma, and the second is no number wrapped into its sentence
    d = doc("gatech-coc-student-council_2018_constitution-draft")
    texts = [p.text for p in d.paragraphs if p.label in [str(n) for n in range(1, 10)]]
    assert texts[0] == "A Masters representative, pursuing a masters degree, elected by Masters students,"
    assert texts[1].startswith("A PhD representative pursuing a doctoral degree")
    assert len([t for t in texts if "representative" in t]) >= 9


def test_resolutions_numbered_under_their_minute_are_paragraphs():
    # Wroxton & Balscote PC minutes (Google Docs): minute "32/25 Accounts Pack and AGAR3 Return", then resolutions
    # "32/25.1 That ...", "32/25.2", ... each set in under "Resolutions were proposed ... as follows:-"
    d = doc("wroxton-balscote-pc_2025_minutes-may")
    assert [p.number for p in d.paragraphs][:4] == ["32/25.1", "32/25.2", "32/25.3", "32/25.4"]
    assert d.paragraphs[0].text.startswith("That the Annual Governance Statement")
    assert d.paragraphs[1].text.startswith("That the bank reconciliation statement")


def test_a_closing_line_left_of_the_paragraph_above_is_not_its_text():
    # the same minutes: "There being no further business ..." after a gap, at the page's margin, left of every line
    # of the indented resolution above it
    d = doc("wroxton-balscote-pc_2025_minutes-may")
    last = next(p for p in d.paragraphs if p.text.startswith("A vote of thanks to Mark Harris"))
    assert last.text.endswith("was unanimously supported.")
    assert any(b.text.startswith("There being no further business") for b in d.blocks)


def test_a_running_title_that_changes_with_the_article_is_furniture():
    # CMU Student Senate bylaws 2018: "ARTICLE IV. MEMBERS OF STUDENT SENATE." right-aligned at the top of five
    # pages, "ARTICLE II. ..." on one: never glued into the item that runs over the page break
    d = doc("cmu-student-senate_2018_bylaws")
    assert not [p.number for p in d.paragraphs if "ARTICLE" in p.text]
    heads = {x.text for x in d.dropped if x.reason.value == "header"}
    assert {"ARTICLE II. TERMS AND DEFINITIONS.", "ARTICLE IV. MEMBERS OF STUDENT SENATE."} <= heads


def test_a_short_title_out_at_the_margin_over_the_next_number_is_not_the_paragraph_above():
    # 35% Campaign letter: "39.We note ... (Table para 385)" ends without a stop; "Viability", at the page's margin
    # left of the numbered paragraphs, titles "40. We note that the Applicant ..."
    d = doc("35-percent-campaign_2018_letter-to-councillors-shopping-centre")
    by_id = {p.number: p for p in d.paragraphs}
    assert by_id["39"].text.endswith("(Table para 385)")
    assert by_id["40"].text.startswith("We note that the Applicant cites viability")


def test_a_sixth_outline_level_set_in_by_less_than_an_em():
    # CMU Student Senate bylaws: under "(I) Each voter shall have one vote ..." the labels "(A)", "(B)", "(C)" are
    # right-aligned and stand only 6 pt in from "(I)": a first label of another kind set in opens the level below
    d = doc("cmu-student-senate_2017_bylaws")
    by_id = {p.number: p for p in d.paragraphs}
    assert by_id["4:J.4.c.iii.I"].text.endswith("representing the most preferred.")
    assert by_id["4:J.4.c.iii.I.A"].text.startswith("No candidate may be ranked repeatedly")
    assert by_id["4:J.4.c.iii.I.C"].label == "C"
