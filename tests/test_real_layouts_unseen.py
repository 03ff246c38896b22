"""Layout mechanisms first seen on papers from publishers the extractor had not been built on, each tested on the
real paper that shows it (data/real/; restored by data/real/restore.py).  Break the mechanism and the paragraph it
protects comes out with something glued on, or is lost."""
from __future__ import annotations


from real_util import REAL, doc, para, real_pdf


def test_a_drawn_box_ends_the_paragraph_printed_in_it():
    # Cabinet Office: the Committee's recommendations are quoted in shaded boxes (a ruled frame, a band of
    # shading per line); the Government's unnumbered response set under each box is not the recommendation's text.
    d = doc("cabinet-office_2011_behaviour-change-government-response")
    assert para(d, "8.1").text.endswith("(paragraph 2.20).")
    assert para(d, "8.4").text.endswith("(paragraph 4.8).")
    assert para(d, "8.5").text.endswith("(paragraph 4.16).")
    assert any(b.text.startswith("The Government agrees with the Committee") for b in d.blocks)


def test_drawn_boxes_are_read_as_layout_facts():
    from lspkit.read import read_lines

    real_pdf("cabinet-office_2011_behaviour-change-government-response.pdf")
    r = read_lines(str(REAL / "cabinet-office_2011_behaviour-change-government-response.pdf"))
    page3 = [ln for ln in r.lines if ln.page == 3]
    boxed = {ln.text[:5]: ln.box for ln in page3}
    assert boxed["8.1. "] and boxed["8.2. "] and boxed["8.1. "] != boxed["8.2. "]
    assert not next(ln.box for ln in page3 if ln.text.startswith("The Government agrees"))


def test_the_last_item_after_and_is_the_next_number_not_the_items_text():
    # Friends of Woodbridge Library: "4. Trustees may serve ... re-elected; and" then "5. At least two trustees ...":
    # the list's sentence runs on into its last item, which is still the next paragraph.
    d = doc("friends-of-woodbridge-library_2014_constitution")
    assert para(d, "3(4)").text.endswith("re-elected; and")
    assert para(d, "3(5)").text == "At least two trustees will retire at each Annual General Meeting."


def test_an_item_printed_without_its_dot_is_the_next_item():
    # "2. Apply funds ...;" then "3 Co-operate with ..." (the dot every other item has is missing); and the clause
    # headings printed "4 CARRYING OUT THE PURPOSES", "2 THE PURPOSES OF THE CHARITY ARE:-" head sections.
    d = doc("friends-of-woodbridge-library_2014_constitution")
    assert para(d, "4(3)").text.startswith("Co-operate with and support other charities")
    assert para(d, "4(2)").text == "Apply funds to carry out the work of the Charity;"
    heads = {s.number: s.heading for s in d.sections}
    assert heads["2"] == "THE PURPOSES OF THE CHARITY ARE:-" and heads["4"] == "CARRYING OUT THE PURPOSES"
    assert para(d, "2(1)").section == "2"


def test_ligatures_a_font_maps_to_a_colon_a_digit_or_a_capital_are_put_back():
    # Suffolk Libraries (Apple Pages -> Quartz, Calibri): every "ti" is read as ":" ("applica:on"), as "5" in bold
    # ("Applica5on"), "tti" as "E" ("leEng"), "ft" as "D" ("aDer"), "tt" as "[" ("le[er"); the document writes none
    # of these words whole, so English spellings decide.  Real colons, times and capitals stay.
    d = doc("suffolk-libraries-ips_2016_stowmarket-room-hire-conditions")
    assert para(d, "1").text.startswith("Application. Suffolk Libraries reserves the right, either before or after "
                                        "acceptance of the letting, to call for further particulars")
    assert "from time to time" in para(d, "6(a)").text
    text = " ".join(p.text for p in d.paragraphs)
    assert "letter or email" in text and ":" in text  # "as follows:" keeps its colon
    assert not any(w in text for w in ("applica:on", "aDer", "leEng", "le[er"))


def test_a_bold_fonts_own_wrong_ligatures_are_put_back_from_the_words_already_mended():
    # the bold font maps "tti" to "O" ("LeOngs", "Sub-leOng") and "tt" to "X" ("AXendants"): two words and one, too
    # few to go on alone, but the regular font's "leEngs" was mended to "lettings", so "LeOngs" is "Lettings".
    d = doc("suffolk-libraries-ips_2016_stowmarket-room-hire-conditions")
    assert para(d, "3").text.startswith("Lettings at Suffolk Libraries Discretion.")
    assert para(d, "5").text.startswith("Assigning or Sub-letting.")
    assert para(d, "8").text.startswith("Attendants. Where The Space is hired")


def test_a_lettered_list_opened_as_provisions_stays_so_where_its_items_pack_closer():
    # Suffolk: "12 General Conditions. ... the following general conditions:" then "(a) ..." spaced apart, "(b)" at
    # the next page's top, then "(c)" to "(j)" with no space between: every item is a provision, 12(a) to 12(j).
    d = doc("suffolk-libraries-ips_2016_stowmarket-room-hire-conditions")
    assert [p.label for p in d.paragraphs if p.parent == "12"] == list("abcdefghij")
    assert para(d, "12(b)").text.endswith("without consent from Suffolk Libraries.")
    assert para(d, "12(c)").text == "No obstructions of gangways or entrances shall be caused by The Hirer."


def test_a_numbered_bold_title_with_only_a_lettered_list_under_it_heads_it():
    # Suffolk: "14 Damage to Libraries' and Third Person's Property." (bold, ending with the full stop every run-in
    # title has, nothing after it) then "(a)" to "(d)": the clause's title, its items the paragraphs 14(a)-14(d).
    d = doc("suffolk-libraries-ips_2016_stowmarket-room-hire-conditions")
    assert any(s.number == "14" and s.heading.startswith("Damage to Libraries") for s in d.sections)
    assert "14" not in [p.number for p in d.paragraphs]
    assert para(d, "14(a)").text.startswith("The Hirer shall take good care")
    assert [p.label for p in d.paragraphs if p.parent == "14"] == list("abcd")


def test_a_number_set_apart_by_a_tab_the_text_layer_leaves_out_is_split_from_its_text():
    # DWP Annex B: "35." then, at the hanging indent, "27.4% of the 1950s cohort ..." with no space in the text layer
    # (the page sets a tab stop); read whole it is "35.27.4%", no paragraph number at all.
    from lspkit.read import read_lines

    real_pdf("dwp_2026_womens-state-pension-age-new-decision.pdf")
    r = read_lines(str(REAL / "dwp_2026_womens-state-pension-age-new-decision.pdf"))
    texts = [ln.text for ln in r.lines if ln.page == 45]
    assert any(t.startswith("35. 27.4% of the 1950s cohort") for t in texts)
    d = doc("dwp_2026_womens-state-pension-age-new-decision")
    assert para(d, "B.35").text.startswith("27.4% of the 1950s cohort of women")
    assert "27.4%" not in para(d, "B.34").text


def test_a_numbered_list_right_under_its_body_type_title_restarts_under_it():
    # DWP Annex B: "Family Test questions" in body type, then "1. What kinds of impact ..." set in with no gap, then
    # "2." to "5.": the title heads them and they are paragraphs 1-5 under it, not text glued to paragraph 54.
    d = doc("dwp_2026_womens-state-pension-age-new-decision")
    qs = [p for p in d.paragraphs if p.heading == "Family Test questions" and p.label in ("1", "2", "3", "4", "5")]
    assert [p.label for p in qs] == ["1", "2", "3", "4", "5"]
    assert qs[0].text == "What kinds of impact might the policy have on family formation?"
    assert para(d, "B.54").text.endswith("is being considered.")


def test_an_annex_title_in_display_type_over_four_lines_heads_its_annex():
    # DWP: "Annex A – Chronology of State" / "Pension age related" / "communications activities" / "1991-2013 -
    # highlights" in 44 pt type at a page's top: a title, not prose glued to the paragraph before.
    d = doc("dwp_2026_womens-state-pension-age-new-decision")
    annex = next(s for s in d.sections if s.number == "A")
    assert annex.heading == "Chronology of State Pension age related communications activities 1991-2013 - highlights"
    assert "Chronology" not in para(d, "139").text


def test_a_numbered_sentence_introducing_a_list_is_a_paragraph_not_a_heading():
    # Lepus (Quartz): the body type is larger than the paper's many tables, so every body line looks "big";
    # "1.4.2 This report follows the SEA Regulation requirements. The chapters are" / "structured as per the criteria
    # presented in Box 1.1:" runs on as prose (a sentence ends inside it), and "3.1.2 The SA has presented
    # recommendations at the following stages of the" / "plan making process:" wraps a full line: paragraphs both.
    d = doc("lepus-broxbourne_2020_sa-post-adoption-statement")
    assert para(d, "1.4.2").text.startswith("This report follows the SEA Regulation requirements.")
    assert para(d, "3.1.2").text.startswith("The SA has presented recommendations at the following stages")
    assert not {"1.4.2", "3.1.2"} & {s.number for s in d.sections}
