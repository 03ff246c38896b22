"""Minutes set in ruled tables and lettered sub-paragraphs, as the round-9 unseen set showed them (data/real/;
restored by data/real/restore.py).  Each test names the mechanism and checks the page as printed; papers not on
this machine skip with the reason."""
from __future__ import annotations

from real_util import doc, para


def _numbers(d) -> list[str]:
    return [p.number for p in d.paragraphs]


def test_a_minutes_table_is_read_row_by_row_its_lettered_notes_the_paragraphs():
    # Decoy school, Learning & Wellbeing Committee: a 4-column ruled table "Item | heading | Notes | Action"; the text
    # layer gives the item numbers and headings of a page before its notes ("LW 71/2122 School" ... "LW 72/2122
    # Governors", then "a. Monitor progress ..."), so item 71's lettered notes were read under item 72's heading
    d = doc("decoy-school_2022_lw-committee-minutes-may")
    numbers = _numbers(d)
    assert [n for n in numbers if n.startswith("LW 71/2122(")] == [f"LW 71/2122({c})" for c in "abcde"]
    assert [n for n in numbers if n.startswith("LW 72/2122(")] == [f"LW 72/2122({c})" for c in "abcd"]
    assert para(d, "LW 71/2122(a)").text.startswith("Monitor progress against SIP with focus on curriculum.")
    assert para(d, "LW 72/2122(a)").text == "The following visit reports were considered"
    assert para(d, "LW 72/2122(b)").text.startswith("Annual Parent/Pupil/Staff questionnaire(s). Heather had")
    assert para(d, "LW 76/2122(a)").text == "There were no policies/documents to be approved."
    # each row's number and heading (its cell's lines joined) heads the item
    heads = {s.number: s.heading for s in d.sections}
    assert heads["LW 71/2122"] == "School Improvement Plan (SIP) and School Performance Data"
    assert heads["LW 72/2122"] == "Governors"


def test_a_minutes_tables_action_column_is_the_outcome_never_the_text():
    # the Action column beside item 72 a 3) ("Heather Poustie" in three cells down the page, beside three notes lines)
    # was glued into the visit report's text: "... This is planned to be Heather Poustie Heather Poustie ..."
    d = doc("decoy-school_2022_lw-committee-minutes-may")
    three = next(p for p in d.paragraphs if p.text.startswith("Literacy Visit (Sandra Cartwright/Paul Evemy)"))
    assert three.text == ("Literacy Visit (Sandra Cartwright/Paul Evemy). This is planned to be re-dated to the "
                          "second week in June (i.e. from 6 June 2022).")
    assert not any("Heather Poustie Heather Poustie" in p.text for p in d.paragraphs)
    # the grid the minutes are set in is their layout: its rows are text, never a data table of a paragraph's
    assert not any(t.page == 8 for p in d.paragraphs for t in p.tables)


def test_cells_on_one_baseline_of_a_ruled_table_are_read_apart():
    # Decoy school FGB (final): the row "FGB 104/2122 | Headteacher's Update | a. Headteacher's Update. Heather ..." is
    # one baseline across three ruled columns (the row fills the page: a table of one row there); read as one line
    # it glued the item's number, its heading and its first lettered note together.  Cut at the column rules
    d = doc("decoy-school_2022_fgb-minutes-may-final")
    heads = {s.number: s.heading for s in d.sections}
    assert heads["FGB 104/2122"] == "Headteacher’s Update"
    assert heads["FGB 100/2122"] == "Division of Agenda"
    assert para(d, "FGB 104/2122(a)").text.startswith("Headteacher’s Update. Heather introduced her update and its")
    assert [n for n in _numbers(d) if n.startswith("FGB 104/2122(")] == [f"FGB 104/2122({c})" for c in "abcd"]
    assert [n for n in _numbers(d) if n.startswith("FGB 110/2122(")] == [f"FGB 110/2122({c})" for c in "abcd"]


def test_a_letter_printed_twice_under_one_item_is_two_paragraphs():
    # the draft of the same minutes prints "a." twice under item 104 ("a. Headteacher's Update ..." set in a little,
    # in a box, then "a. Progress against the SIP ..."): two paragraphs, neither merged into the other
    d = doc("decoy-school_2022_fgb-minutes-may-draft")
    under = [p for p in d.paragraphs if p.number.startswith("FGB 104/2122")]
    assert [p.label for p in under] == ["a", "a", "b", "c"]
    assert under[0].text.startswith("Headteacher’s Update. Heather introduced her update")
    assert under[1].text.startswith("Progress against the SIP, including the governing board")
    assert len({p.number for p in under}) == 4  # unique ids, as printed twice


def test_lettered_provisions_under_a_letters_numbered_paragraphs_that_the_letter_cites():
    # DfT's TfL settlement letter: "13. For the H2 Funding Period, TfL or the Mayor (...):" then "a. Commits to deliver
    # the £413 million ..." to "o."; the letter cites them so ("paragraphs 9, 10, 13.d., 13.e., 13.j., 13.k.",
    # "paragraph 36.a."): each lettered provision is a paragraph, 13(a) ... 13(o), the lead-in keeps its own text;
    # a lead-in of seven lines ("36. If a measure ... shall be addressed as follows:") leads in all the same
    d = doc("dft_2020_tfl-extraordinary-funding-settlement-letter")
    numbers = _numbers(d)
    assert [n for n in numbers if n.startswith("13(")] == [f"13({c})" for c in "abcdefghijklmno"]
    assert [n for n in numbers if n.startswith("9(")] == [f"9({c})" for c in "abcdef"]
    assert [n for n in numbers if n.startswith("36(")] == ["36(a)", "36(b)"]
    assert para(d, "3").text.endswith("will recognise both short and long-term objectives as follows:")
    assert para(d, "3(a)").text.startswith("Short term (up to 31 March 2021) – to provide sufficient financial")
    assert para(d, "31(a)").text.startswith("To the extent that any exceptional costs incurred by TfL")
    assert para(d, "36(a)").text.endswith("either party may refer to the matter to an independent body for resolution;")


def test_a_policys_lettered_items_stay_parts_where_the_paper_never_cites_them_by_letter():
    # the draft NPPF: "2. To achieve this, plan-makers should:" / "a. Draw upon existing evidence ...;" - the items
    # finish the policy's sentence and the paper never cites "2.a.": they stay inside paragraph 2
    d = doc("mhclg_2025_draft_nppf_consultation_text")
    assert not any(p.number.endswith("(a)") and p.text.startswith("Draw upon existing evidence") for p in d.paragraphs)
    assert any("should: a. Draw upon existing evidence" in p.text for p in d.paragraphs)


def test_letters_restart_under_the_sub_headings_of_a_table_rows_notes():
    # Decoy school BM minutes, item 93 "Matters for the next agenda": "Finance:" / "a. Monitor budget ..." "b." "c.",
    # then "Personnel:" / "a. Review current staffing ...", "Premises" / "a. ...": each sub-heading restarts the
    # letters, and ends the item before it (it is no part of "c. Analyse use and impact ...")
    d = doc("decoy-school_2022_bm-committee-minutes-may")
    under = [p for p in d.paragraphs if p.number.startswith("BM 93/2122")]
    assert [p.label for p in under] == ["a", "b", "c", "a", "a", "a", "a", "a"]
    assert under[2].text == "Analyse use and impact of additional funding (Pupil Premium, PE funding, catch-up funding etc)"
    assert under[3].text == "Review current staffing structure and staffing needs for the next academic year"
    # a list of topics lettered in the notes ("b. Finance", "c. Data Protection" under FGB 114) is no paragraphs
    final = doc("decoy-school_2022_fgb-minutes-may-final")
    assert not any(p.text in ("Finance", "Data Protection", "Personnel") for p in final.paragraphs)


def test_a_table_of_site_references_is_no_minutes_table():
    # Manordeilo & Salem: a table "Site Reference | Location | Observations" ("SR/147/001 | Salem | No concerns.")
    # inside a minute: its references look like minute numbers with a slash, but they share no year or session
    # ("SR/147/001", "SR/165/005"), so its rows head no items and a prose line that opens with one ("SR/042/002.
    # Cllr. H. Gwynne again declared an interest ...") stays prose
    d = doc("manordeilo-salem-cc_2019_extraordinary-meeting-minutes")
    assert not any((s.number or "").startswith("SR/") for s in d.sections)
    assert not any(p.number.startswith("SR/") for p in d.paragraphs)


def test_a_vote_record_is_the_outcome_of_the_item_above_it():
    # Manhattan CB1: "2. Ending the Impasse at the World Trade Center Site – Resolution" then, set apart, "BOARD VOTE:
    # 34 In Favor 0 Opposed 0 Abstained 1 Recused": the count is the item's outcome; it headed a section of its own and
    # made the numbered item above it a heading with no text
    d = doc("manhattan-cb1_2010_monthly-meeting-minutes-march")
    item = para(d, "WTC Redevelopment Committee 2")
    assert item.text == "Ending the Impasse at the World Trade Center Site – Resolution"
    assert item.outcome == "BOARD VOTE: 34 In Favor 0 Opposed 0 Abstained 1 Recused"
    assert not any("BOARD VOTE" in s.heading for s in d.sections)
    assert not any("BOARD VOTE" in p.text for p in d.paragraphs)
