"""Round 17 (issue 10): UK report layouts from packs that mix papers set in different sizes (an agenda pack's
cover report and guidance among slides; a report's appendix), quarterly reports' covers, and slides exported
from PowerPoint, drawn here small: where each rule must fire, and where it must not."""
from __future__ import annotations

import pytest

from lspkit.api import extract
from lspkit.model import Line
from lspkit.segment.lines import _tighter_gap

from test_segment_layout import draw

H, B = "Helvetica", "Helvetica-Bold"

SLIDE = ["Primary care networks bring practices together to work at scale and share staff",
         "across a neighbourhood, with a clinical director for each network and funding",
         "for additional roles through the reimbursement scheme agreed nationally for",
         "every network in the borough and beyond it in the wider region as a whole."]


def _slides(n=2):
    """Pages set in 12 pt: the pack's largest share of characters, so its body size."""
    return [[(72, 60, f"Slide {k + 1}: access to general practice", 18, B)]
            + [(72, 100 + 16 * j, t, 12, H) for j, t in enumerate(SLIDE * 3)] for k in range(n)]


def _cover_report():
    """A cover report set in 10 pt whose numbered paragraphs run down to the foot of its page."""
    page = [(72, 60, "SCRUTINY REVIEW OF ACCESS TO GPS", 11, B), (72, 90, "Summary", 10, B),
            (72, 110, "The first session of the review will hear from the integrated care board about how", 10, H),
            (72, 123, "general practice is organised and funded in the borough this year.", 10, H),
            (72, 150, "Detail", 10, B)]
    y = 175
    for k, lines in enumerate([
            ["Building on the briefing presented at the last meeting of the committee, the board",
             "has prepared a presentation covering the arrangements for primary care.",
             "The presentation is included within these meeting papers for members."],
            ["A data pack has also been provided to supplement the presentation and it is",
             "available at the first appendix to this report."],
            ["A copy of the agreed scope and plan for this review is included for information."]], 1):
        page.append((72, y, f"{k}.", 10, H))
        page += [(100, y + 13 * j, t, 10, H) for j, t in enumerate(lines)]
        y += 13 * len(lines) + 10
        if k == 1:
            y = 520  # the last paragraphs stand in the lower part of the page
    page += [(72, 620, "Name of Contact Officer: Gary Woods", 10, B)]
    return page


@pytest.fixture(scope="module")
def pack(tmp_path_factory):
    return draw(tmp_path_factory.mktemp("pack") / "pack.pdf", _slides() + [_cover_report()])


def test_numbered_paragraphs_at_a_page_foot_in_their_pages_own_size_are_text_not_notes(pack):
    d = extract(pack)
    assert [p.number for p in d.paragraphs] == ["1", "2", "3"]
    assert d.paragraphs[2].text == "A copy of the agreed scope and plan for this review is included for information."
    assert not any(n.text.startswith(". A copy") or n.label in ("2", "3") for p in d.paragraphs for n in p.notes)


@pytest.fixture(scope="module")
def noted(tmp_path_factory):
    page = [(72, 60, "Access to general practice", 18, B), (72, 100, "1.", 12, H)]
    page += [(100, 100 + 16 * j, t, 12, H) for j, t in enumerate(SLIDE * 2)]
    page += [(72, 700, "1 The reimbursement scheme is described in the national contract.", 9, H),
             (72, 712, "2 Figures for the region are for the last quarter.", 9, H)]
    return draw(tmp_path_factory.mktemp("noted") / "noted.pdf", [page])


def test_small_numbered_lines_under_larger_text_are_still_footnotes(noted):
    d = extract(noted)
    assert [p.number for p in d.paragraphs] == ["1"]
    assert [n.label for n in d.paragraphs[0].notes] == ["1", "2"]


GUIDANCE = [("a)", ["any unpaid directorships"]),
            ("b)", ["any body of which you are a member or are in a position of general control or",
                    "management and to which you are nominated or appointed by your authority"]),
            ("c)", ["any body exercising functions of a public nature or directed to charitable",
                    "purposes of which you are a member or in a position of general control"])]


def _guidance(lead):
    """A guidance page set throughout in 9 pt (smaller than the pack's 12 pt) with a lettered list."""
    page = [(72, 60, "Table 2 - Other Registerable Interests", 13, B)]
    y = 90
    if lead:
        page.append((72, y, "You must register as an Other Registrable Interest any of the following:", 9, H))
        y += 22
    for label, lines in GUIDANCE:
        page.append((72, y, f"{label} {lines[0]}", 9, H))
        page += [(72, y + 11 * j, t, 9, H) for j, t in enumerate(lines[1:], 1)]
        y += 11 * len(lines) + 12
    return page


def test_a_list_in_small_type_is_the_pages_text_where_the_page_is_set_in_it_under_a_lead_in(tmp_path):
    d = extract(draw(tmp_path / "guidance.pdf", _slides() + [_guidance(lead=True)]))
    assert [p.number for p in d.paragraphs] == ["a)", "b)", "c)"] or [p.label or p.number for p in d.paragraphs] \
        == ["a", "b", "c"]
    assert d.paragraphs[1].text.endswith("nominated or appointed by your authority")


def test_a_list_in_small_type_straight_under_a_heading_stays_text(tmp_path):
    """No lead-in of prose in its size: a list of notes or references, as small type has always been read."""
    d = extract(draw(tmp_path / "notes.pdf", _slides() + [_guidance(lead=False)]))
    assert d.paragraphs == () or not d.paragraphs


@pytest.mark.parametrize("cover", [
    [(40, 600, "Insight Report", 18, H), (40, 630, "Q1 2025-2026", 18, H)],  # a quarter and its year
    [(40, 80, "Q2 Patient", 60, B), (40, 150, "Experience Report", 60, B)],  # a question label in display type
])
def test_a_quarter_on_a_reports_cover_is_no_question(tmp_path, cover):
    d = extract(draw(tmp_path / "cover.pdf", [cover] + _slides()))
    assert not any(p.number.startswith("Q") for p in d.paragraphs)


def test_a_question_list_is_still_read():
    from lspkit.segment.numbering import parse_label

    assert parse_label("Q1 How did you find getting an appointment?").kind == "question"
    quarter = parse_label("Q4 2024/25 figures for the last three months")
    assert quarter is None or quarter.kind != "question"
    assert parse_label("Q12 2020 figures").kind == "question"  # no quarter beyond Q4


def test_quarters_heading_a_tables_columns_are_no_questions():
    from lspkit.segment.numbering import parse_label

    label = parse_label("Q1 Q2 Q3 Q4 Quality of Appointment Treatment")
    assert label is None or label.kind != "question"


GP_QS = ["How do you find getting an appointment at your practice?", "How do you find getting through on the phone?",
         "How would you rate the quality of treatment and care received?"]
HOSPITAL_QS = ["How did you find getting a referral to the hospital?", "How do you find the waiting times there?",
               "How would you rate the quality of treatment and care received?"]


def _questions(title, questions):
    page = [(72, 60, title, 18, B), (72, 100, "As part of our patient experience approach we asked residents a", 12, H),
            (72, 116, "series of questions. The questions we asked were:", 12, H)]
    return page + [(72, 140 + 24 * k, f"Q{k + 1}) {q}", 12, H) for k, q in enumerate(questions)] \
        + [(72, 230, "Participants were asked to choose between one and five for every question.", 12, H)]


def test_a_second_list_of_questions_under_its_own_heading_restarts_at_q1(tmp_path):
    """A quarterly report asks its Q1) to Q6) about GP services, then another Q1) to Q6) about hospitals."""
    pages = [_questions("GP Services", GP_QS), _questions("Hospital Services", HOSPITAL_QS)]
    d = extract(draw(tmp_path / "questions.pdf", pages))
    assert [(p.label or p.number)[:2] for p in d.paragraphs] == ["Q1", "Q2", "Q3"] * 2
    assert d.paragraphs[3].text == HOSPITAL_QS[0]


def test_questions_repeated_word_for_word_under_a_heading_are_no_new_list(tmp_path):
    """A summary of the questions asked repeats them: the questions stay the ones asked first."""
    pages = [_questions("GP Services", GP_QS), _questions("Summary of questions", GP_QS)]
    d = extract(draw(tmp_path / "summary.pdf", pages))
    assert [p.number for p in d.paragraphs] == ["Q1", "Q2", "Q3"]


def _line(top, size=16.8, text="x"):
    return Line(text=text, page=1, x0=36, x1=400, top=top, bottom=top + size, size=size)


def test_a_gap_over_a_heading_in_a_slides_tight_box_is_a_gap():
    """PowerPoint: a box's lines overlap (-2.4 pt), the paper's usual spacing is 5.85 pt; 4.7 pt over a larger
    heading sets it apart."""
    before, prev = _line(353.59), _line(367.99)
    assert _tighter_gap(before, prev, _line(389.47, 19.7), 5.85)
    assert not _tighter_gap(before, prev, _line(382.39), 5.85)  # the box's next line
    # where the text above is set at the paper's usual spacing, its own measure decides alone
    assert not _tighter_gap(_line(100), _line(122.65), _line(150), 5.85)
    # a paper that packs each item's lines (2.2 pt) and spaces its items by its usual leading (8 pt): no new gap
    # between two items in one size
    assert not _tighter_gap(_line(100, 10), _line(112.2, 10), _line(130.4, 10), 8.0)


PROSE = ["Healthwatch is the patient and public champion for health and social care services in the",
         "borough. We send our reports to the national body to have an influence at a national level."]


def test_a_chapter_one_over_its_first_section_after_a_summarys_numbered_titles_is_a_heading(tmp_path):
    """A report's summary sets its recommendations as numbered titles "1." to "4."; the report then opens its
    chapters "1. Introduction" over "1.1 About Healthwatch": a chapter's title, not a paragraph "Introduction"."""
    summary = [(40, 60, "Report summary", 24, B)]
    for k, title in enumerate(["Place importance on equity of access", "Make online access straightforward",
                               "Support patient participation groups", "Give clearer messages to patients"]):
        y = 110 + 130 * k
        summary += [(40, y, f"{k + 1}. {title}", 16, B)] + [(40, y + 30 + 16 * j, t, 11, H) for j, t in enumerate(PROSE)]
    report = [(40, 60, "1. Introduction", 30, B), (40, 120, "1.1 About Healthwatch", 18, B)]
    report += [(40, 150 + 16 * j, t, 11, H) for j, t in enumerate(PROSE * 3)]
    report += [(40, 270, "1.2 Identifying the project focus", 18, B)]
    report += [(40, 300 + 16 * j, t, 11, H) for j, t in enumerate(PROSE * 3)]
    d = extract(draw(tmp_path / "chapters.pdf", [summary, report]))
    assert not any(p.text == "Introduction" for p in d.paragraphs)
    assert [(x.number, x.heading) for x in d.sections if x.page == 2][:2] == [("1", "Introduction"),
                                                                              ("1.1", "About Healthwatch")]
