"""Layout mechanisms, each tested on a real paper that shows it (data/real/; restored by data/real/restore.py).

Each test names the mechanism and checks the page as printed: break the mechanism and the paragraph it protects
comes out with something glued on, cut off or lost.  Papers not committed for their licence skip with the reason.
"""
from __future__ import annotations



from lspkit.api import extract
from real_util import REAL, doc, para


def headings(d) -> list[str]:
    return [s.heading for s in d.sections]


# ---------------------------------------------------------------- headings set in the body type

def test_italic_heading_between_paragraphs_is_not_glued_to_the_one_before():
    # Planning Inspectorate: "Background", "Main Modifications" set in italic body type, alone between two numbered
    # paragraphs with a gap either side; the reader sees no italics, so only where the line stands tells.
    d = doc("planning_inspectorate_2020_broxbourne_local_plan_inspector_report")
    assert para(d, "2").text.endswith("(“the Regulations”).")
    assert para(d, "6").text.endswith("published in 2012.")
    assert {"Background", "Main Modifications", "Conclusion on the Duty to Cooperate"} <= set(headings(d))


def test_a_bold_heading_as_long_as_a_line_of_text_with_a_number_right_under_it():
    # DWP (a publisher first measured unseen): "Work and Pensions Select Committee proposal and evidence sessions",
    # bold, no gap before it, as long as the text's lines, then "60. The PHSO asked ..." on the next line; it had
    # been read into 59, and 60 to 73 with it
    d = doc("dwp_2026_womens-state-pension-age-new-decision")
    assert para(d, "59").text.endswith("failing to provide a fair remedy”.")
    assert para(d, "60").text.startswith("The PHSO asked Parliament")
    assert "Work and Pensions Select Committee proposal and evidence sessions" in headings(d)


def test_heading_over_three_lines_ending_with_a_question_mark():
    # "Issue 2 – Whether the City Centre Area Action Plan makes appropriate provision ... effective?"
    d = doc("planning_inspectorate_2017_coventry_city_centre_aap_inspector_report")
    assert para(d, "17").text.endswith("reflects the most up-to-date position.")
    assert para(d, "18").text.endswith("adapt to climate change.")
    assert any(h.startswith("Issue 2 – Whether the City Centre") and h.endswith("effective?") for h in headings(d))


def test_roman_lettered_heading_standing_alone_is_a_heading():
    # "(ii) Relationship with the London Plan" between paragraphs 15 and 16
    d = doc("planning_inspectorate_2020_lldc_revised_local_plan_inspector_report")
    assert para(d, "15").text.endswith("social infrastructure considerations.")
    assert "(ii) Relationship with the London Plan" in headings(d)


def test_bold_heading_with_a_full_stop_under_a_paragraph():
    # Dacorum: "Determine assessment area and site size." in bold (bold rare), indented like the text
    d = doc("dacorum_2023_shlaa-update-main-report")
    assert para(d, "3.2").text.endswith("for subsequent further assessment.")


def test_a_paragraphs_unnumbered_continuation_stays_in_it():
    # the same position, but a sentence: a paragraph's own second block, not a heading
    d = doc("planning_inspectorate_2020_broxbourne_local_plan_inspector_report")
    assert not any(h.endswith(".") and len(h.split()) > 12 for h in headings(d))


# ---------------------------------------------------------------- furniture and margin marks

def test_running_date_line_under_the_band_is_furniture():
    # Questions Book: "MONDAY 31 JANUARY 2011" 95 pt down every page, below the header band, under "2 Questions Book"
    d = doc("house_of_commons_2011_questions_book_31_january")
    assert para(d, "5").text.endswith("(b) Serious Fraud Office. (37343)")
    assert not any("JANUARY 2011" in p.text for p in d.paragraphs)
    assert sum(1 for x in d.dropped if x.text == "MONDAY 31 JANUARY 2011") >= 50


def test_margin_letter_beside_the_text_is_not_the_texts():
    # Questions Book: "N" (a named-day question) in the number column on the question's second line
    d = doc("house_of_commons_2011_questions_book_31_january")
    assert para(d, "2").text == ("Gordon Banks (Ochil and South Perthshire): To ask the Attorney General, what regulations "
                                 "the Law Officers’ Departments have removed since 6 May 2010. (37407)")
    assert "Secretary of State for Business, Innovation" in para(d, "8").text
    assert sum(1 for x in d.dropped if x.reason == "margin-marker" and x.text == "N") > 100


# ---------------------------------------------------------------- notes beside the text

def test_action_column_in_minutes_is_the_outcome_not_the_text():
    # Manordeilo and Salem minutes: "Noted", "Clerk", "Cllr. O. Williams" set at the right margin of an item's line
    d = doc("manordeilo-salem-cc_2018_minutes-march")
    first = para(d, "5(i)")
    assert first.text.endswith("Credit Balance of £71.49.")
    assert first.outcome == "Noted"
    assert para(d, "5(v)").outcome == "Cllr. O. Williams"
    assert para(d, "5(v)").text.endswith("Planning Policy Wales.")
    assert para(d, "5(i)").to_dict()["outcome"] == "Noted"


def test_bracketed_reference_at_the_right_margin_stays_in_the_text():
    # Questions Book: "[Transferred] (37124)" at the right margin is the question's own reference, not a note
    d = doc("house_of_commons_2011_questions_book_31_january")
    assert any(p.text.endswith("[Transferred] (37124)") for p in d.paragraphs)
    assert not any(p.outcome for p in d.paragraphs)


# ---------------------------------------------------------------- the statutory style

def test_number_with_a_dash_opens_a_paragraph():
    # Tintern code of conduct (the Welsh model code): "6.-(1) You must-", "7- You must not-"
    d = doc("tintern-cc_2017_code-of-conduct")
    assert para(d, "6").text.startswith("(1) You must- (a) not conduct yourself")
    assert para(d, "7").text.startswith("You must not- (a) in your official capacity")
    assert not para(d, "5").text.endswith("disadvantage;")  # 6 and 7 no longer swallowed by 5


def test_bracketed_sub_paragraphs_after_a_first_one_are_paragraphs_cited_n_k():
    # "14.-(1) Subject to ... (2). Where you have ... (3) Sub-paragraph (1) does not ..."
    d = doc("tintern-cc_2017_code-of-conduct")
    assert para(d, "14").text.startswith("(1) Subject to sub-paragraphs (2), (3) and (4)")
    sub = para(d, "14(3)")
    assert (sub.label, sub.parent) == ("3", "14")
    assert sub.text.startswith("(3) Sub-paragraph (1) does not prevent you")
    assert para(d, "14(2)").text.startswith("(2). Where you have a prejudicial interest")
    # a bold "15.-(1) ... within 28 days of-" opens a paragraph, not a section
    assert para(d, "15").text.startswith("(1) Subject to sub-paragraph (3), you must, within 28 days of-")
    assert "15" not in [s.number for s in d.sections]


# ---------------------------------------------------------------- glyphs

def test_ligature_mapped_to_a_bracket_is_put_back_from_the_documents_own_words():
    # Tintern financial regulations (Quartz PDFContext, Calibri): "ti" comes out as "[" ("accoun[ng", "regula[ons")
    d = doc("tintern-cc_2017_financial-regulations")
    assert para(d, "1.10").text.startswith("The accounting records determined by the RFO")
    assert para(d, "1.14").text.startswith("In addition the council must:")
    assert not any("[" in p.text for p in d.paragraphs if p.number.startswith("1."))
    assert any("'ti'" in w and "'['" in w for w in d.warnings)


def test_a_real_bracket_inside_a_token_is_left_alone():
    # Intersect's Cardano constitution: "executionUnits[steps" is a bracket, and no ligature makes words of it
    d = doc("intersect_2024_cardano-draft-constitution-03-12-clean")
    assert not any("ligature" in w for w in d.warnings)


# ---------------------------------------------------------------- registers of numbered items

def test_register_item_titles_are_sections_and_the_motion_is_their_paragraph():
    # Early day motions: "963 SAVE BBC 6 MUSIC AND ASIAN NETWORK CAMPAIGN   1:3:10", names, then the motion
    d = doc("house_of_commons_2010_early_day_motions_11_march")
    assert ("963", "SAVE BBC 6 MUSIC AND ASIAN NETWORK CAMPAIGN") in [(s.number, s.heading) for s in d.sections]
    assert ("961", "MANUFACTURING WEEK 2010") in [(s.number, s.heading) for s in d.sections]
    motion = para(d, "963")
    assert motion.text.startswith("That this House notes with deep concern recent newspaper speculation")
    assert motion.text.endswith("Network for many years to come.")
    assert "Tom Watson" not in motion.text and "$ 72" not in motion.text
    assert not any(w.startswith("numbering gap") for w in d.warnings)  # a register's ids have gaps by nature


def test_a_register_ends_with_older_items_listed_again():
    # 18 March: the titles rise 1029 ... 1139, then 874, 908, 977 listed again at the end
    d = doc("house_of_commons_2010_early_day_motions_18_march")
    assert para(d, "1031").text.startswith("That this House deeply regrets that")


def test_a_registers_amendments_records_and_two_line_motions_are_paragraphs():
    # 18 March EDMs: under 1083, "As Amendments to Mr Mike Hancock's proposed Motion ...:", names, then "Line 1, after
    # 'Day', insert ...   16:3:10 (a1)" to "(a5)": each amendment cited by the item and its tag, the date and tag off
    # its text.  "1030 FALKLAND ISLANDS": a motion of two lines.  "NAMES WITHDRAWN" / "908 SCIENCE AND TECHNOLOGY
    # COMMITTEE REPORT ON HOMEOPATHY: Tim Farron has withdrawn his name.": a record, the item's paragraph
    d = doc("house_of_commons_2010_early_day_motions_18_march")
    a1 = para(d, "1083(a1)")
    assert (a1.label, a1.parent) == ("a1", "1083")
    assert a1.text == "Line 1, after ‘Day’, insert ‘in England and St Piran’s Day in Cornwall.’."
    assert [p.label for p in d.paragraphs if p.parent == "1083"] == ["a1", "a2", "a3", "a4", "a5"]
    assert para(d, "1083").text.endswith("on St George’s Day.") or "(a1)" not in para(d, "1083").text
    assert para(d, "1030").text.endswith("people of the Falkland Islands.")
    assert para(d, "908").text == ("SCIENCE AND TECHNOLOGY COMMITTEE REPORT ON HOMEOPATHY: Tim Farron has withdrawn "
                                   "his name.")
    assert "908" not in {s.number for s in d.sections}
    # the typesetter's accents set apart after their letter ("O¨pik", "Moˆ n") are put back on it
    assert para(d, "1125").text == "INTERNET CAFES: Lembit \u00d6pik has withdrawn his motion."
    assert "Ynys M\u00f4n and calls" in para(d, "1035(a3)").text
    assert not any(w.startswith(("numbering gap", "numbering restarts")) for w in d.warnings)


def test_numbered_sections_counting_on_are_not_a_register():
    # Manordeilo and Salem minutes: "1. WELCOME AND APOLOGIES" ... items counting 1, 2, 3: their prose stays prose
    d = doc("manordeilo-salem-cc_2018_minutes-march")
    assert not any(p.text.startswith("Cllr. G. Evans took the Chair") for p in d.paragraphs)


# ---------------------------------------------------------------- where a paragraph ends

def test_unnumbered_line_back_at_the_number_margin_ends_a_hanging_paragraph():
    # DESNZ letter: paragraphs hang (text set in from "10."); "Yours sincerely" after a gap at the number's margin
    d = doc("desnz_2024_east_anglia_rtdcsg_plan_approval_letter")
    assert para(d, "10").text == "The Secretary of State therefore approves the Approval Request."
    assert any("Yours sincerely" in b.text for b in d.blocks)


def test_bold_heading_in_a_paper_without_paragraph_spacing():
    # Broxbourne Wharf Road SPD: single-spaced throughout; "General principles" in bold straight after "enhanced."
    d = doc("broxbourne_2023_wharf-road-spd")
    assert para(d, "2").text.endswith("the environment of the waterfront enhanced.")
    assert "General principles" in headings(d)


def test_lettered_sentences_after_an_introduction_under_an_unnumbered_heading():
    # "General principles" / "... the following general principles have emerged ...:" / "a. The Council will ..."
    d = doc("broxbourne_2023_wharf-road-spd")
    a = para(d, "General principles a")
    assert a.label == "a" and a.text.startswith("The Council will look favourably upon applications")
    assert a.text.endswith("on the masterplan.")
    assert para(d, "General principles k").text.endswith("in respect of proximity to Main Rivers.")


# ---------------------------------------------------------------- numbers behind a word, and a fold-out chart

def test_paragraphs_numbered_behind_a_word_after_a_fold_out_flow_chart():
    # Fenland "Facilitating Growth": a landscape flow chart in large type (17 pt) numbers its boxes 1.1 ... 6.3;
    # the portrait pages after it number the paragraphs "Step 1.1 The proponents of a major scheme ..." in 12.5 pt
    d = doc("fenland_2013_facilitating-growth")
    steps = {p.label: p for p in d.paragraphs if p.page >= 5}
    assert steps["1.1"].text.startswith("The proponents of a major scheme should approach")
    # the chart's boxed steps are a diagram, not paragraphs (test_real_layouts_blocks.py), so the steps' numbers
    # are the paper's first: cited as printed
    assert steps["1.1"].number == "1.1"
    assert steps["2.4"].text.startswith("The case officer will carry out a site visit")


def test_questions_listed_inside_a_minute_after_the_line_that_introduces_them():
    # Tintern minutes, item 2572: "Mr Baldwin then went through the questions raised in the email:-" / "Q.1 - ..."
    d = doc("tintern-cc_2018_minutes-september")
    q1 = para(d, "Q1")
    assert q1.kind.value == "question"
    assert q1.text.startswith("Site 1 (Wyndcliff) the earliest they can start work is 1st April 2019")
    assert para(d, "Q2").text.startswith("Easter Opening")
    assert para(d, "2572").text.endswith("the questions raised in the email:–")


def test_annex_paragraph_id_is_qualified_and_its_label_is_the_printed_number():
    # MHCLG draft NPPF, Annex A: "1." restarts; the id is "A.1", the label the "1" printed on the page
    d = doc("mhclg_2025_draft_nppf_consultation_text")
    a1 = para(d, "A.1")
    assert (a1.label, a1.parent) == ("1", "A")
    assert a1.text.startswith("The policies in this Framework are material considerations")


def test_a_number_printed_twice_is_a_duplicate_not_a_restart_of_the_series():
    # Coventry householder design guide report: under the sub-heading "5.2 Legal implications" page 5 prints "5.1"
    # again (the heading "5.1 Financial implications" came before).  One shared number is not a restart that
    # qualifies every id from 1.1 on by its heading ("1(1.1)"): the ids stay as cited, the paragraph keeps "5.1"
    d = doc("coventry-cc_2023_householder-design-guide-spd-adoption-cabinet-report")
    ids = [p.number for p in d.paragraphs]
    assert "1.1" in ids and "3.4" in ids and "4.1" in ids
    assert para(d, "5.1").text.startswith("There are no direct implications as a result of this report")
    assert para(d, "5.1").section == "5.2"
    assert not any("(" in n for n in ids) and "1(1.1)" not in ids


def test_numbered_titles_over_unnumbered_prose_are_sub_headings():
    # Coventry cabinet report template: "5.1 Financial implications", "6.2 How is risk being managed?" set in body
    # type, alone on their line, with unnumbered prose under them after a gap ("There are no risks associated with
    # this report."): numbered sub-headings, not one-line paragraphs; the text under them is not numbered
    d = doc("coventry-cc_2023_householder-design-guide-spd-adoption-cabinet-report")
    subs = {s.number: s.heading for s in d.sections if s.number and "." in s.number}
    assert subs == {"5.1": "Financial implications", "5.2": "Legal implications",
                    "6.1": "How will this contribute to achievement of the Council's Plan?",
                    "6.2": "How is risk being managed?", "6.3": "What is the impact on the organisation?",
                    "6.4": "Equalities Impact Assessment EIA",
                    "6.5": "Implications for (or impact on) climate change and the environment",
                    "6.6": "Implications for partner organisations?"}
    assert not any(p.number.startswith("6.") for p in d.paragraphs)
    assert "There are no risks associated with this report." in {b.text for b in d.blocks}
    # a one-line numbered paragraph set the same way says something, ending like a sentence: still a paragraph
    assert para(d, "4.1").text == "The SPD will be adopted as soon as practicable."


def test_a_covers_numbered_recommendations_are_not_paragraphs():
    # Coventry front sheet: "Recommendations:" / "The Cabinet Member is requested to:" / "1. Note the consultation
    # statement ..." / "2. Approve ..." before the report proper, which numbers again from "1. Context" / "1.1".
    # The cover's items are decisions (recommendations reads them from the blocks), not paragraphs 1 and 2
    for name in ("coventry-cc_2018_air-quality-spd-revised-draft-cabinet-member-report",
                 "coventry-cc_2023_householder-design-guide-spd-adoption-cabinet-report"):
        d = doc(name)
        assert d.paragraphs[0].number == "1.1"
        assert not any(p.page == 1 for p in d.paragraphs)
        assert any(b.text.startswith(("1. Note the consultation", "1) That Cabinet adopts")) for b in d.blocks)
    # a body whose numbering simply goes on into its recommendations ("RECOMMENDATIONS" / "23. That Cabinet:") is
    # left alone
    d = extract(str(REAL.parent / "flat-numbered-chromium.pdf"))
    assert any(p.number == "23" and p.text.startswith("That Cabinet") for p in d.paragraphs)


def test_a_signature_blank_and_a_page_of_line_left_mid_page_are_never_headings():
    # Milburn minutes, signed copy: page 1 is short, so its footer ("Signed ____ Dated 3rd March 2020", "Page 1 of
    # 2") stands between item 20.01.05 and 20.01.06, where a short block standing alone would be taken for a heading
    d = doc("milburn-pc_2020_minutes-january-signed")
    assert not any("____" in (s.heading or "") or (s.heading or "").startswith("Page ") for s in d.sections)
    assert ("Page 1 of 2", "page-number") in {(x.text, x.reason.value) for x in d.dropped}


# ---------------------------------------------------------------- clauses: sub-clauses (1), (a), (i) as paragraphs

def test_sub_clauses_under_clause_headings_are_paragraphs_cited_by_their_path():
    # Charity Commission model CIO constitution: bold "4. Powers", an unnumbered lead-in "... include power to:",
    # then "(1) borrow money ...", "(2)", "(3)", "4) employ ..." (printed without its opening bracket), "(5)"
    d = doc("friends-of-southwold-library_2015_cio-constitution")
    p = para(d, "4(1)")
    assert (p.label, p.parent) == ("1", "4")
    assert p.text.startswith("borrow money and to charge") and p.text.endswith("if it wishes to mortgage land;")
    assert para(d, "4(4)").text.startswith("employ and remunerate such staff")
    # "(a)" set further in below "(1) The income ...": cited 5(1)(a); "(i)" further in again: 6(4)(a)(i)
    assert para(d, "5(1)").text == "The income and property of FoSL must be applied solely towards the promotion of the objects."
    assert (para(d, "5(1)(a)").label, para(d, "5(1)(a)").parent) == ("a", "5(1)")
    assert para(d, "6(4)(a)(i)").text == "holds more than 50% of the shares; or"
    assert para(d, "6(4)(a)").text == "“FoSL” includes any company in which FoSL:"


def test_a_short_sub_clause_line_standing_alone_heads_a_section():
    # "(1) General provisions" then prose: a sub-clause heading (section 6(1)), its items 6(1)(a)...; "(2) Transfer
    # of membership" after "(a) Eligibility", "(b) Admission procedure" in clause 9; "2) Calling general meetings"
    d = doc("friends-of-southwold-library_2015_cio-constitution")
    sections = {s.number: s.heading for s in d.sections}
    assert sections["6(1)"] == "General provisions"
    assert sections["9(b)"] == "Admission procedure" and sections["9(2)"] == "Transfer of membership"
    assert sections["11(2)"] == "Calling general meetings"
    assert "6(1)" not in [p.number for p in d.paragraphs]
    assert para(d, "6(1)(a)").text.startswith("buy or receive any goods or services")
    assert para(d, "9(b)(i)").text.startswith("may require applications for membership")
    assert para(d, "11(2)(a)(i)").text.startswith("must call the annual general meeting")


def test_text_after_a_sub_clause_list_at_the_outer_margin_is_not_the_last_items():
    d = doc("friends-of-southwold-library_2015_cio-constitution")
    assert para(d, "6(1)(d)").text == "receive any other financial benefit from FoSL;"  # "unless the payment ..." after
    assert para(d, "7(2)").text.endswith("(including but not limited to any financial interest).")
    # "(a) of this clause" wrapped to a line's start mid-sentence stays in the sentence; "(4) First charity
    # trustees" after 12(3)(c) heads the next sub-clause
    assert para(d, "12(3)(c)").text.endswith("sub-clause (a) of this clause. No trustee appointment may be made in "
                                              "excess of these provisions.")
    # "(e)" after "(ii) ... when taken together" (no closing punctuation) is the next item at its list's margin
    assert para(d, "30(d)(ii)").text.endswith("when taken together")
    assert para(d, "30(e)").text == "a body corporate in which –"


def test_lettered_list_set_apart_under_a_numbered_paragraph_is_its_paragraphs():
    # byelaws: "1. In these byelaws, unless the context otherwise requires:" then "a." to "l." definitions, each
    # spaced apart and set further in than the byelaw's own text: paragraphs 1(a) ... 1(l)
    d = doc("suffolk-cc_1997_library-byelaws")
    assert para(d, "1").text == "In these byelaws, unless the context otherwise requires:"
    assert [p.label for p in d.paragraphs if p.parent == "1"] == list("abcdefghijkl")
    assert para(d, "1(a)").text == "\"the Act\" means the Public Libraries and Museums Act 1964;"
    assert para(d, "1(g)").text.startswith("\"library\" means: i. any premises")  # its own roman items stay inside
    assert para(d, "5(d)").text == "remain in the library after the time fixed for its closing."


def test_lettered_items_of_one_sentence_stay_in_their_paragraph():
    # "21. No person who: a. Borrows ... b. Fails to pay any charge shall, unless ...": the sentence resumes after
    # the list, so the items are parts of byelaw 21
    d = doc("suffolk-cc_1997_library-byelaws")
    assert "21(a)" not in [p.number for p in d.paragraphs]
    assert para(d, "21").text.endswith("shall, unless with the specific consent of a library officer, borrow any "
                                       "other library property.")
    # a lettered list at the paragraph's own text margin stays inside it (the NPPF's policy criteria)
    n = doc("mhclg_2025_draft_nppf_consultation_text")
    p = next(p for p in n.paragraphs if p.text.startswith("Housing requirement figures should:"))
    assert "a. Reflect the extent" in p.text and "b. Be higher than" in p.text
    assert not [q for q in n.paragraphs if q.parent == p.number]
# ---------------------------------------------------------------- lettered rules under a numbered lead-in

def test_lettered_rules_under_a_numbered_lead_in_are_paragraphs():
    # Tintern financial regulations: "11.1. Procedures as to contracts are laid down as follows:" then the rules
    # "a. Every contract shall comply ..." to "j. The European Union Procurement Directive ...", each a sentence or
    # more ending with a full stop, the letters wandering by a tab stop from "h." on.  They are paragraphs cited
    # "11.1(a)"; the roman items under (a) stay its parts
    d = doc("tintern-cc_2017_financial-regulations")
    assert para(d, "11.1").text == "Procedures as to contracts are laid down as follows:"
    a = para(d, "11.1(a)")
    assert (a.label, a.parent) == ("a", "11.1")
    assert a.text.startswith("Every contract shall comply") and a.text.endswith("only sold at a fixed price.")
    assert [p.label for p in d.paragraphs if p.parent == "11.1"] == list("abcdefghij")
    # "... other than: a) by any councillor who can demonstrate a need to know;": items of 7.4's sentence
    assert para(d, "7.4").text.endswith("c) by the external auditor.")


def test_items_that_finish_the_lead_ins_sentence_stay_its_parts():
    # MHCLG draft NPPF, S1: "1. The development plan should plan positively for future growth and change by:" /
    # "a. Seeking to meet the development needs ...": the items finish the sentence the lead-in opened
    d = doc("mhclg_2025_draft_nppf_consultation_text")
    assert not any(p.text.startswith("Seeking to meet the development needs") for p in d.paragraphs)
    # Dacorum SHLAA 3.29 "... are set out below:" / "a. Special Area of Conservation: ...": a list of terms
    d = doc("dacorum_2023_shlaa-update-main-report")
    assert "Special Area of Conservation: Development of the site" in para(d, "3.29").text


# ---------------------------------------------------------------- provisions numbered behind a word

def test_rules_numbered_behind_a_word_are_paragraphs_cited_by_word_and_number():
    # Des Moines procedural rules, double-spaced (no space between paragraphs): "Rule 1.  Scope of Rules.  These
    # rules shall govern ...", to "Rule 47.", with "Rule 31A." inserted later; "Part II. Time and Place of Meeting"
    # centred between two rules; the adoption history ("ADOPTED: June 15, 1987" / "Roll Call 87-2608") set at the
    # wrap margin after the last rule, where every rule opens indented
    d = doc("des-moines_2021_council-procedural-rules-2021-10-18")
    ids = [p.number for p in d.paragraphs]
    assert ids[:3] == ["Rule 1", "Rule 2", "Rule 3"] and ids[-1] == "Rule 47" and len(ids) == 50
    assert {"Rule 31A", "Rule 33A", "Rule 42A"} <= set(ids)
    assert para(d, "Rule 1").text.startswith("Scope of Rules. These rules shall govern the conduct")
    assert para(d, "Rule 4").text.endswith("the ordinances of the City of Des Moines.")
    assert ("2", "Time and Place of Meeting") in {(s.number, s.heading) for s in d.sections}
    assert para(d, "Rule 47").text.endswith("City Clerk or any City employee.")
    assert any(b.text.startswith("ADOPTED: June 15, 1987") for b in d.blocks)
    # "... under Rule 37 or Rule 38." wrapped to a line's start cites a rule: no full stop after the number
    assert para(d, "Rule 38").text.startswith("Action to Multiple Items.")


def test_a_lone_a_under_a_heading_where_the_paper_letters_its_paragraphs():
    # Tintern standing orders (NALC model): every heading's paragraphs are lettered a, b, c ...; under "10 MOTIONS AT
    # A MEETING THAT DO NOT REQUIRE WRITTEN NOTICE" there is only "a The following motions may be moved ...", with
    # its roman items: a series of one, at the margin of the series before it
    d = doc("tintern-cc_2018_standing-orders")
    a = para(d, "10(a)")
    assert (a.label, a.parent) == ("a", "10")
    assert a.text.startswith("The following motions may be moved at a meeting without written notice")
    assert not any(p.number == "9(i)" for p in d.paragraphs)


def test_matters_arising_entries_labelled_by_the_minute_they_follow_up():
    # Manordeilo and Salem minutes, "4. MATTERS ARISING": "4.13i) The road had been swept ...", "5v) The Clerk had
    # emailed ...", "13i) With regard to the poor state ...": each entry cited by its item and the reference printed
    d = doc("manordeilo-salem-cc_2018_minutes-march")
    e = para(d, "4(5v)")
    assert (e.label, e.parent) == ("5v", "4")
    assert e.text.startswith("The Clerk had emailed the link to the Rural Affairs Survey")
    assert para(d, "4(4.13i)").text == "The road had been swept of the loose chippings in Salem."
    assert "4(13i)" in [p.number for p in d.paragraphs]
