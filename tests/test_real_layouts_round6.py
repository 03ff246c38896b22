"""Layout mechanisms first seen on the round-6 papers (publishers the extractor had not been built on), each tested
on the real paper that shows it (data/real/; restored by data/real/restore.py).  Break the mechanism and the
paragraphs it protects are lost, glued together, or come out under the wrong number."""
from __future__ import annotations

from real_util import doc, para


def test_a_minutes_item_that_is_only_a_title_heads_its_lettered_reports():
    # Broomhill Community Council (pdfTeX): "5. Office Bearers reports:" and "7. Updates" are titles in body type;
    # the lettered reports under them, "(a) Chair No News to report.", are the minutes' paragraphs, cited 5(a).
    d = doc("broomhill-cc_2025_minutes-march-v1")
    heads = {s.number: s.heading for s in d.sections}
    assert heads["5"] == "Office Bearers reports:" and heads["7"] == "Updates"
    assert para(d, "5(a)").text == "Chair No News to report."
    assert para(d, "5(d)").text == "Treasurer Nothing changed in accounts."
    assert para(d, "7(d)").text == "Planning No planning applications"
    assert para(d, "7(f)").label == "f" and para(d, "7(f)").parent == "7"
    assert not any(p.number == "5" for p in d.paragraphs)
    # the item that heads lettered reports is in the printed sequence: 4, 5(a)..5(d), 6 is no gap
    assert not [w for w in d.warnings if "numbering gap" in w]


def test_a_lettered_series_after_a_numbered_sentence_that_ended_is_its_own_entries():
    # Broomhill AGM: "7. ... votes were receive for the following roles." (a sentence that ends), then "(a) Chair
    # (BH)," ... "(k) Communications Lead (IY)" set apart: the entries 7(a)-7(k), not 7's text; "10. BMcT confirms the
    # date of the next AGM" then, after a gap, the reports (a)-(f).
    d = doc("broomhill-cc_2025_agm-minutes-october-v1")
    assert para(d, "7").text.endswith("for the following roles.")
    assert para(d, "7(a)").text == "Chair (BH),"
    assert para(d, "7(k)").text == "Communications Lead (IY)"
    assert para(d, "10").text == "BMcT confirms the date of the next AGM to take place on 14th October 2026"
    assert para(d, "10(d)").text == "VPCT AH was absent and no report was submitted."


def test_a_lead_in_its_items_finish_keeps_them_and_is_no_title():
    # MHCLG draft NPPF: "1. All plan-makers should, in preparing plans:" then "a. Only address matters ..." is one
    # sentence: the numbered line is a paragraph, never a title over lettered paragraphs.
    d = doc("mhclg_2025_draft_nppf_consultation_text")
    assert any(p.text.startswith("All plan-makers should, in preparing plans: a. Only address") for p in d.paragraphs)
    assert any(p.text.startswith("Parking standards should take into account: a. The connectivity")
               for p in d.paragraphs)


def test_agenda_items_lettered_by_section_with_the_number_glued_on():
    # Menlo Park agenda: "D. Consent Calendar" then "D1.", "D2." ...; "E. Public Hearing" heads its part although
    # D5 ends without a stop ("... (Staff Report #21-004-CC)").
    d = doc("menlo-park_2021_city-council-agenda-january-12")
    assert [p.number for p in d.paragraphs][:6] == ["D1", "D2", "D3", "D4", "D5", "E1"]
    assert para(d, "D5").text.endswith("(Staff Report #21-004-CC)")
    assert para(d, "E1").text.endswith("(Presentation)")
    assert para(d, "G5").text.startswith("Adopt Resolution No. 6606")
    heads = [s.heading for s in d.sections]
    assert "E. Public Hearing" in heads and "F. Recess" in heads


def test_a_resolutions_sections_that_run_on_are_its_paragraphs_with_their_lettered_findings():
    # San José resolution: "SECTION 1. The City Council hereby adopts ..." is a provision, not a heading; its findings
    # "A." to "I." (set apart, hanging; "I." narrower and set right-aligned) are paragraphs 1(A)-1(I); the "//"
    # filler after the last section is not its text.
    d = doc("san-jose_2021_resolution-vacate-north-almaden-boulevard")
    numbers = [p.number for p in d.paragraphs]
    assert numbers[0] == "Section 1" and numbers[-1] == "Section 5"
    assert [p.label for p in d.paragraphs[1:10]] == list("ABCDEFGHI")
    assert para(d, "Section 1(I)").text.endswith("reduce future ongoing maintenance obligations.")
    assert para(d, "Section 5").text.endswith("will no longer constitute a public street.")


def test_a_section_label_over_a_title_stays_a_heading():
    # Georgia Tech student council constitution: "Section 5. Vote for the Removal of Student Advisory Board
    # Members:" is a title (a label ending with a colon), not a provision that runs on.
    d = doc("gatech-coc-student-council_2018_constitution-draft")
    assert not any(p.number.startswith("Section") for p in d.paragraphs)


def test_a_bold_title_ending_with_a_colon_over_its_own_numbers_heads_them():
    # Birmingham agenda pack: "4. Compliance Issues:" and "5. Relevant background/chronology of key events:" (bold,
    # then 4.1, 5.1) are the report template's headings, not paragraphs.
    d = doc("birmingham-cc_2018_cabinet-committee-group-company-governance-agenda-pack")
    texts = [p.text for p in d.paragraphs]
    assert "Compliance Issues:" not in texts and "Relevant background/chronology of key events:" not in texts
    assert any(s.heading == "Compliance Issues:" for s in d.sections)


def test_a_numbered_question_a_template_repeats_heads_its_answer():
    # Birmingham agenda pack: every report prints "3.1 Are Decisions consistent with relevant Council Policies, Plans
    # or Strategies?:" and "3.3 Relevant legal powers, ... implications (if" / "any):" over its own answer; the
    # repeated numbered question is the template's heading, not a paragraph.
    d = doc("birmingham-cc_2018_cabinet-committee-group-company-governance-agenda-pack")
    assert not any(p.text.startswith("Are Decisions consistent with relevant Council") for p in d.paragraphs)
    assert not any(p.text.startswith("Will decisions be carried out within existing finances") for p in d.paragraphs)
    heads = [s.heading for s in d.sections]
    assert heads.count("Will decisions be carried out within existing finances and resources?") >= 3


def test_agenda_items_labelled_before_their_file_numbers():
    # Sunnyvale (Legistar): "A 21-0020 Mary Avenue Overcrossing", "1.A 21-0177 Approve ...", "2 21-0017 ...": the
    # label before the file number is the item's, as printed; "Recommendation: ..." under it is its text.
    d = doc("sunnyvale_2021_city-council-notice-and-agenda-february-2")
    assert [p.number for p in d.paragraphs] == ["A", "B", "C", "1.A", "1.B", "1.C", "1.D", "2"]
    assert para(d, "1.B").text == ("21-0108 Approve 2021 Board and Commission Work Plans Recommendation: Approve the "
                                   "2021 Work Plans as submitted.")


def test_a_title_set_tight_over_the_next_numbered_paragraph_is_not_the_last_ones_text():
    # MoJ draft code of practice (no space between paragraphs): "Licensing" after "... responding to requests." and
    # right over "22. If the dataset ..."; "ii. Scope" in bold under the last item of a list, over "7. This Code ...".
    d = doc("moj_2013_draft-code-of-practice-datasets-foi-s45")

    def starting(words):
        return next(p for p in d.paragraphs if p.text.startswith(words))

    assert starting("Authorities should consider how best to streamline").text.endswith(
        "delay in responding to requests.")
    assert starting("The guidance in the Code covers the following areas").text.endswith("h. Complaints")
    assert starting("Public authorities should consider best practice").text.endswith(
        "issued by the Information Commissioner.")
    heads = [s.heading for s in d.sections]
    assert "Licensing" in heads and "ii. Scope" in heads


def test_minutes_bold_titles_head_their_numbers_and_bold_action_lines_are_not_the_text():
    # MoJ Crime and Justice panel minutes: "5. Check that Bike and publication of stolen vehicle data." (bold, over
    # 5.1) and "3. Update on ... recorded" / "crime outcomes framework." are items' titles; "Action: JM to provide
    # more detail ..." in bold after a minute's text is the minutes' record, not the minute's text.
    d = doc("moj-crime-justice-transparency-panel_2014_minutes-february")
    heads = {s.number: s.heading for s in d.sections}
    assert heads["5"] == "Check that Bike and publication of stolen vehicle data."
    assert heads["3"].endswith("recorded crime outcomes framework.")
    assert para(d, "5.2").text.endswith("The value of having a senior police sponsor of the project was discussed.")
    assert para(d, "2.1").text.endswith("by the end of the month.")
    assert not any("Action:" in p.text for p in d.paragraphs)


def test_a_paragraph_that_hangs_its_text_ends_where_a_line_comes_back_to_its_number():
    # East Palo Alto minutes: "1. Election of Chair and Vice Chair" / "Select a new Chair ..." set in under the
    # title; "Commissioner Allen Fisk made a motion ..." after a gap, back at the number's margin, is the minutes'
    # record, not the item's text (the paper as a whole does not hang its paragraphs).
    d = doc("east-palo-alto_2020_planning-commission-minutes-january")
    election = next(p for p in d.paragraphs if p.text.startswith("Election of Chair and Vice Chair"))
    assert election.text.endswith("Rules of the Planning Commission adopted in 2003.")


def test_a_number_before_a_lower_case_word_is_a_quantity():
    # ODUG DVLA case: "104 weekly data scans at £3,000 = £312,000" / "2 full bulk data extracts at £50,000": costs,
    # not numbered paragraphs.
    d = doc("odug_2013_dvla-bulk-data-benefits-case")
    assert not any(p.text.startswith(("full bulk data", "monthly data scans")) for p in d.paragraphs)


def test_the_first_child_right_under_its_heading_after_a_deeper_number():
    # WA Animal Welfare Advisory Committee terms of reference: "4.2.2 Business ..." then the heading "5. REPORTING"
    # and "5.1 AWAC will provide an annual report ...": 5.1 is the section's first paragraph, though the number after
    # it (6.1) does not go on from it.
    d = doc("wa-awac_2021_terms-of-reference")
    assert para(d, "5.1").text.startswith("AWAC will provide an annual report to the Minister")


# ---------------------------------------------------------------- the same mechanisms on small synthetic pages


def _pdf(rows):
    """A synthetic PDF Reading: rows of (x0, text, bold, gap_before), 10pt type, lines 12pt apart (30 after a gap)."""
    from lspkit.model import Line, Reading

    lines, top = [], 72.0
    for x0, text, bold, gap in rows:
        top += 30.0 if gap else 12.0
        lines.append(Line(text, 1, x0, min(x0 + 5.0 * len(text), 523.0), top, top + 10.0, 10.0, bold, 842.0, 595.0))
    return Reading("t.pdf", "0" * 64, 1, lines, "pdf", page_sizes={1: (595.0, 842.0)})


def test_synthetic_minutes_title_in_body_type_heads_its_lettered_reports():
    from lspkit.segment import segment

    rows = [(72, "4. Councillor reports were given on potholes, bins and the parking zone.", False, True),
            (72, "5. Office Bearers reports:", False, True),
            (90, "(a) Chair No news to report.", False, True),
            (90, "(b) Treasurer Nothing changed in the accounts this month.", False, False),
            (72, "6. Public Open Forum A resident raised the state of the oval.", False, True)]
    doc = segment(_pdf(rows))
    assert [p.number for p in doc.paragraphs] == ["4", "5(a)", "5(b)", "6"]
    assert any(s.number == "5" and s.heading == "Office Bearers reports:" for s in doc.sections)


def test_synthetic_lead_in_whose_sentence_its_items_finish_is_no_title():
    from lspkit.segment import segment

    rows = [(72, "4. Councillor reports were given on potholes, bins and the parking zone.", False, True),
            (72, "5. You must:", False, True),
            (90, "(a) Treat others with respect.", False, True),
            (90, "(b) Not bully any person.", False, False),
            (72, "6. Public Open Forum A resident raised the state of the oval.", False, True)]
    doc = segment(_pdf(rows))
    assert [p.number for p in doc.paragraphs] == ["4", "5", "6"]
    assert not any(s.number == "5" for s in doc.sections)


def test_agenda_labels_parse_as_printed():
    from lspkit.segment.numbering import parse_label

    assert parse_label("D1. Accept the City Council meeting minutes").number == "D1"
    assert parse_label("G5. Adopt Resolution No. 6606").levels == (1007, 5)
    lab = parse_label("1.A 21-0177 Approve City Council Meeting Minutes")
    assert (lab.number, lab.rest, lab.word) == ("1.A", "21-0177 Approve City Council Meeting Minutes", "File")
    assert parse_label("A 21-0020 Mary Avenue Overcrossing").number == "A"
    assert parse_label("B1 use class") is None  # a use class, no full stop: never an item label
