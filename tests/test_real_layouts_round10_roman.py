"""Roman-numbered parts, by-laws' articles and sections, and items whose numbers carry a letter, as the round-10
unseen set showed them (data/real/; restored by data/real/restore.py): each test names the mechanism and checks the
page as printed; papers not on this machine skip with the reason.  Synthetic papers check the look-alikes that are
no such parts."""
from __future__ import annotations

from real_util import doc, para

import lspkit


def _numbers(d) -> list[str]:
    return [p.number for p in d.paragraphs]


def test_roman_numerals_with_a_run_in_title_are_the_paragraphs():
    # Warrenville library's investment policy: "I. GENERAL POLICY: It is the policy of the Library ...", to
    # "XVI. INVESTMENT POLICY ADOPTION: ...", each numeral a provision with its title in capitals run in
    d = doc("warrenville-library_2009_policy-130-investment")
    romans = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII", "XIII", "XIV", "XV", "XVI"]
    assert _numbers(d) == romans
    assert para(d, "I").text.startswith("GENERAL POLICY: It is the policy of the Library to invest public funds")
    # IV's lettered list ("A. Legality – ...", set in under it) and the block after the list are IV's own
    iv = para(d, "IV").text
    assert "A. Legality – Conformance with federal, state and other legal requirements." in iv
    assert iv.endswith("diversification and its general performance.")
    # VII runs over the page footer into its second block on page 2
    assert para(d, "VII").text.endswith("the Treasurer shall establish a policy regarding their selection.")


def test_roman_numerals_over_their_text_head_sections_and_may_jump():
    # Warrenville's purchasing policy: "IV. CONTRACT AND INVOICE", "V. CONTRACT LANGUAGE." (a title's closing
    # stop), then "XIII. SALE OR DISPOSITION ..." (the numbering jumps as printed); the letters under each restart
    d = doc("warrenville-library_2017_policy-120-purchasing-and-contracts")
    assert [(s.number, s.heading) for s in d.sections if s.number] == [
        ("I", "POLICY"), ("II", "DEFINITIONS"), ("III", "FORMAL BIDS"), ("IV", "CONTRACT AND INVOICE"),
        ("V", "CONTRACT LANGUAGE"), ("XIII", "SALE OR DISPOSITION OF REAL OR PERSONAL PROPERTY")]
    assert para(d, "IV:B").text.endswith("Invoices shall be sent to the Library at least monthly.")
    assert para(d, "V:A").text.startswith("Cancellations. When a meeting is scheduled by the Library")
    assert para(d, "V:B").text.endswith("they are deemed reasonable by the Library.")  # over the page footer
    assert [p.label for p in d.paragraphs if p.number.startswith("V:")] == list("ABCDEFGHIJKLM")


def test_a_list_numbered_in_roman_inside_a_paragraph_stays_its_text():
    # Local Public Data Panel: "6. ... will include:" then "I. Data quality, ..." to "V. Open data and
    # productivity." one under another: the paragraph's list, not parts of the paper
    d = doc("local-public-data-panel_2013_terms-of-reference")
    assert not any(n in ("I", "II", "III", "IV", "V") for n in _numbers(d))
    assert not any(s.number in ("I", "II", "III", "IV", "V") for s in d.sections)


def test_bylaws_sections_restart_under_each_article():
    # Warrenville's board by-laws: "ARTICLE IV" / "MEMBERSHIP", then "SECTION 1: The Library shall be governed
    # ...", "SECTION 2: ...": the sections restart under each article; under Article III, "SECTION 1: Mission
    # Statement" is a title and "SECTION 2: In 2004, ..." goes on from it
    d = doc("warrenville-library_2011_board-bylaws")
    texts = [p.text for p in d.paragraphs if p.label.startswith("Section")]
    assert any(t.startswith("The Library shall be governed by a seven person Board") for t in texts)
    assert any(t.startswith("In 2004, the Board adopted a set of Principles of Professionalism") for t in texts)
    assert any(t.startswith("The Officers of the Board shall be a President") for t in texts)
    # "SECTION 1: The order of business ... shall be as follows:" is the provision over its list, not a title
    order = next(p for p in d.paragraphs if p.text.startswith("The order of business at all regular meetings"))
    assert order.label == "Section 1"
    # a section's second block (no number) is its own: "All Trustees and the Director are authorized ..."
    treasurer = next(p for p in d.paragraphs if p.text.startswith("The Treasurer shall keep and maintain"))
    assert treasurer.text.endswith("perform all the duties and responsibilities of the President.")
    closed = next(p for p in d.paragraphs if p.text.startswith("The Board may adjourn to a \"closed meeting\""))
    assert closed.text.endswith("No final action may be taken at a closed meeting.")


def test_lettered_sentences_after_an_article_intro_are_its_provisions():
    # Article XV: "The Board subscribes to the following code of ethics, ... 1989." then "a. Trustees in the
    # capacity of trust ..." to "g. ...": sentences after an intro that ended, cited with the article; the
    # "(End of By-laws)" mark after the last is no part of it
    d = doc("warrenville-library_2011_board-bylaws")
    ethics = [p for p in d.paragraphs if p.parent == "15"]
    assert [p.label for p in ethics] == list("abcdefg")
    assert ethics[-1].text == "Trustees who accept appointment to a Library Board are expected to perform all of " \
                              "the functions of Library Trustees."


def _extract_text(tmp_path, text: str):
    path = tmp_path / "paper.txt"
    path.write_text(text)
    return lspkit.extract(str(path))


def test_a_pronoun_or_initials_are_no_roman_series(tmp_path):
    text = ("1. The committee met on Monday.\n\nI. Smith and J. Jones attended.\n\n"
            "2. The minutes were agreed.\n\nII. The chair closed the meeting.\n\n3. The next meeting is in May.\n")
    d = _extract_text(tmp_path, text)
    assert _numbers(d) == ["1", "2", "3"]


def test_numbers_with_a_letter_glued_on_are_the_paragraphs():
    # Port of Alsea's RFP addendum: "6a: Proposers shall include a completed Attachment F, ..." and "7a: Proposers
    # are required ...", numbered by the RFP's paragraphs they add to, set in smaller type than "1." and "2."
    # above them; "1b) General Conditions Work  Pass or Fail  Reference: 7a" is a table's row, no paragraph
    d = doc("port-of-alsea_2018_rfp-2018-01-addendum-1")
    assert _numbers(d)[:4] == ["1", "2", "6a", "7a"]
    assert para(d, "6a").text.endswith("expressed as a fixed percentage of the Cost of Work.")
    assert para(d, "7a").text.endswith("shall be reimbursed not as General Conditions Work but as Cost of the Work.")
    assert "1b" not in _numbers(d)


def test_an_outline_goes_on_over_a_letter_left_out_and_ends_at_the_parts_prose():
    # Warrenville's meeting-room policy: under "III. RESERVATIONS & SCHEDULING" the letters run A, B, C, E, F, G, H
    # (no "D." printed); under "II." the phrases "A. Library sponsored ..." to "E. All other organizations" are
    # followed by the part's own prose at the letters' margin ("Reservations are not accepted ..."), not E's
    d = doc("warrenville-library_2017_policy-370-public-use-of-meeting-room")
    assert [p.label for p in d.paragraphs if p.number.startswith("III:")] == list("ABCEFGH")
    assert para(d, "III:E").text.startswith("Reservations are considered tentative until the application")
    assert para(d, "II:E").text == "All other organizations"
    assert para(d, "III:C").text.endswith("no more than twice in a calendar year.")  # over the page break


def test_a_figure_set_in_a_paragraph_is_no_part_of_it_and_the_paragraph_resumes_after_it():
    # TAIC's Volendam report: 2.3.6 quotes SOLAS, then "Position of wire failure" / "Diagram courtesy of ..." /
    # "Figure 3" / "Wire fall reeving diagram" in smaller type, then "Since being fitted to number 7 davit, ...":
    # the figure is set apart and the paragraph goes on after it
    d = doc("taic_2011_interim-factual-report-volendam")
    p = para(d, "2.3.6")
    assert p.text.endswith("the fall had been greased on average every six weeks by ship’s staff using the "
                           "recommended grease.")
    assert "Figure 3" not in p.text and "Diagram courtesy" not in p.text
    # a title after a figure page ("Figure 2" / "Diagram of the telescopic davit ..." / "Wire falls") is not text
    assert para(d, "2.3.4").text.endswith("were 9.40 m apart in the stowed position.")
    # TAIC's Torea report: a chart on the page after 3.2.7, its caption and the words drawn on it
    t = doc("taic_2013_final-report-torea-collision-uncharted-rock")
    assert para(t, "3.2.7").text.endswith("He did not hold any formal maritime qualification.")


def test_a_numbered_quotation_in_smaller_type_is_the_paragraphs_text():
    # Volendam 2.4.6: "... the Defence Technology Agency summarised as follows:" then the memorandum's own
    # paragraphs "30." to "33." set in, in smaller type: quoted, so 2.4.6's text, and no paragraphs of the report
    d = doc("taic_2011_interim-factual-report-volendam")
    p = para(d, "2.4.6")
    assert "30. The wire rope was formed from galvanised steel wires." in p.text
    assert p.text.endswith("had not significantly reduced the cross sectional area of the wires or strand.")
    assert not {"30", "31", "32", "33"} & set(_numbers(d))


def test_the_back_cover_pages_after_the_last_paragraph_are_not_its_text():
    # TAIC's reports end with blank pages, then a back cover listing "Recent Marine Occurrence Reports published by"
    # (centred) and the price and ISSN: the last paragraph ends where it ends, its sentence finished or not
    d = doc("taic_2016_urgent-recommendation-azamara-quest")
    assert para(d, "2.5.1").text.endswith("meets the intent of Maritime Rules Part 90: Pilotage. (017/16)")
    v = doc("taic_2011_interim-factual-report-volendam")
    assert para(v, "5.1").text.endswith("(c) maintenance regime; and (d) survival aspects")


def test_roman_items_restarting_under_each_heading_are_no_series_of_parts():
    # Oxford University Liberal Association's standing orders: "1. ..." sections, "A." sub-headings, and under each
    # "I.", "II." ... again (right-aligned, in bold): items of the outline, never the paper's roman parts
    d = doc("oxford-university-liberal-association_2024_standing-orders-mt24-corrected")
    assert not any(s.number in ("I", "II", "III") for s in d.sections)
    assert not any(p.number in ("I", "II", "III") for p in d.paragraphs)


def test_roman_parts_are_numerals_to_the_sequence_check_not_annex_letters():
    """I, V and X in a run of roman-numbered parts are numerals: I..VI is no gap (it once warned "I is followed by
    V" on a policy numbered I. to XVI.); a real gap is named as printed; letters alone stay letters."""
    from lspkit.segment.numbering import sequence_warnings

    assert sequence_warnings(["I", "II", "III", "IV", "V", "VI", "IX", "X"]) == ["numbering gap: VI is followed by IX"]
    assert sequence_warnings(["A", "B", "D"]) == ["numbering gap: B is followed by D"]
