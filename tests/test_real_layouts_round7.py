"""Layouts the round-7 check set shows (data/real/; restored by data/real/restore.py): each test names the
mechanism and checks the page as printed.  Papers not committed for their licence skip with the reason."""
from __future__ import annotations

from real_util import doc, para


def test_a_glyph_in_the_margin_beside_lettered_paragraphs_is_not_a_bullet():
    # NALC model standing orders: "●" printed in the margin beside the orders that are statutory ("●  a  Meetings
    # shall not take place ...", and beside a wrapped line "●  to the public interest ..."): the line is the
    # lettered paragraph's, the glyph a mark of the margin
    d = doc("nalc_2022_model-standing-orders-england")
    assert para(d, "3(a)").text.startswith("Meetings shall not take place in premises")
    assert para(d, "3(d)").text.startswith("Meetings shall be open to the public unless their presence is "
                                           "prejudicial to the public interest")
    assert not any("●" in p.text for p in d.paragraphs)


def test_lettered_paragraphs_after_a_short_box_under_their_heading():
    # NALC: "3. MEETINGS GENERALLY", then a box of three short lines ("Full Council meetings ●" / "Committee
    # meetings ●" / "Sub-committee meetings ●"), then "a", "b", ...: the box stands between the heading and its
    # lettered paragraphs, which are the heading's all the same
    d = doc("nalc_2022_model-standing-orders-england")
    assert para(d, "3(b)").text.startswith("The minimum three clear days for notice")


def test_a_bare_letter_before_a_bracketed_alternative_opens_the_next_paragraph():
    # NALC: "i  [A person shall stand when requesting to speak ...] OR [A person shall raise his hand ...]" after
    # "h": the bracket is the drafting option, the letter the paragraph's
    d = doc("nalc_2022_model-standing-orders-england")
    assert para(d, "3(i)").text.startswith("[A person shall stand when requesting to speak")
    assert para(d, "3(j)").text.startswith("A person who speaks at a meeting")


def test_section_provisions_at_one_margin_within_a_point_or_two():
    # City of Rivergrove ordinance (Word): "Section 1. Rivergrove Ordinance No. 70-2001 is amended ...", "Section 2.
    # ...", "Section 3. ..." set at 66.5, 66.9 and 65.1 pt: one margin, so the three are the ordinance's provisions
    # (cited "Section 1"), not three lines at three margins
    d = doc("rivergrove-or_2017_ordinance-88-docks")
    assert para(d, "Section 1").text.startswith("Rivergrove Ordinance No. 70-2001 is amended by adding")
    assert para(d, "Section 3").text.startswith("Rivergrove Land Development Ordinance is amended")
    assert "Section 2." not in " ".join(p.text for p in d.paragraphs)


def test_a_bold_numbered_sentence_whose_number_is_set_larger_is_a_paragraph():
    # LGA model code of conduct: "1.2 I treat local authority employees, employees and representatives of partner" /
    # "organisations and those volunteering ..." / "respect the role they play.", all bold, the number in a larger
    # size than the text, then unnumbered guidance: the wrapped sentence is the paragraph, not a heading
    d = doc("lga_2020_model-councillor-code-of-conduct")
    assert para(d, "1.2").text.endswith("respect the role they play.")
    assert not any(s.number == "1.2" for s in d.sections)
    # on two lines: "2.3 I promote equalities and do not discriminate unlawfully against any" / "person."
    assert para(d, "2.3").text == "I promote equalities and do not discriminate unlawfully against any person."


def test_a_boxed_summary_of_questions_restarts_its_numbers_at_a_margin_of_its_own():
    # DPMC consultation paper, page 13: "Questions to prompt your thinking", then "1. How can the Australian
    # Government ..." to "13. What experience have you had ...", set in a box indented from the paper's numbers and
    # with no space between them: a restarted series under its heading, each question a paragraph
    d = doc("dpmc-au_2016_ict-procurement-taskforce-consultation-paper")
    summary = [p for p in d.paragraphs if p.page == 13]
    assert [p.label for p in summary] == [str(k) for k in range(1, 14)]
    assert summary[0].text.startswith("How can the Australian Government make better use of ICT procurement")


def test_a_bold_note_whose_sentence_wraps_in_lower_case_is_no_heading():
    # NALC, page 8: "See standing orders 5(h) and (i) for the different rules that apply in" / "election of the
    # Chairperson ..." / "Council.", set in bold between 3(r) and 3(s): a note, so the lettered series goes on
    d = doc("nalc_2022_model-standing-orders-england")
    assert not any(s.heading.startswith("See standing order") for s in d.sections)
    assert para(d, "3(s)").text.startswith("Unless standing orders provide otherwise")
    assert para(d, "3(x)").text.startswith("A meeting shall not exceed")


def test_a_section_label_after_a_gap_in_a_series_is_never_glued_to_the_paragraph_above():
    # City of Rivergrove resolution 41425: "Section 1. Resolution 261-2019: ... is" / "hereby repealed.", "Section 2.
    # The City hereby adopts ... as follows:", then "Section 3. Public Record Requests." and a bare "Section 4.",
    # each at the margin after a gap: one series, so sections 3 and 4 head their lettered paragraphs (cited 3(a))
    # rather than running on as the tail of 2(b) and 3(i), and section 1 is a provision of its own
    d = doc("rivergrove-or_2019_resolution-41425-public-records")
    assert {"2", "3", "4"} <= {s.number for s in d.sections}
    assert para(d, "2(b)").text.endswith("OAR Division 166-200.")
    assert para(d, "3(a)").text.startswith("Document Requests.")
    assert "Section 4" not in para(d, "3(i)").text
    assert para(d, "Section 1").text.startswith("Resolution 261-2019: A Resolution Establishing a Public Records")
    # "Section 5." set in by a tab, bare, after a gap, over its sentence: the series' next number, so the
    # provision "Section 5", not 1.3's tail
    assert para(d, "Section 5").text.startswith("The City of Rivergrove hereby adopts the Fee Schedule")
    assert para(d, "1.3").text == "Response to Public Records Request."


def test_an_ordinance_of_one_section_keeps_its_section_1():
    # City of Rivergrove ordinance 89: "Section 1. Section 5.100 of the Rivergrove Land Development Ordinance ..."
    # after a gap, running on as a sentence, the ordinance's one provision before the amended text: cited
    # "Section 1", not lost among the lines before it
    d = doc("rivergrove-or_2018_ordinance-89-tree-cutting")
    assert para(d, "Section 1").text.startswith("Section 5.100 of the Rivergrove Land Development Ordinance")
