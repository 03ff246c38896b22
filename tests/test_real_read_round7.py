"""Reading order and line building on two round-7 papers (data/real/; restored by data/real/restore.py): each test
names the mechanism and checks the page as printed."""
from __future__ import annotations

from real_util import doc


def _paras(name: str) -> list[tuple[str, str]]:
    return [(p.label, p.text) for p in doc(name).paragraphs]


def test_a_ragged_line_ending_in_the_gutter_stays_in_its_column():
    # Yorkshire Ambulance gender pay gap, page 2: two columns, each point numbered "1)" ... "6)". The left
    # column's first line ("... publish on their website the results of six") ends a point and a half past the edge
    # its other lines give, in the 13 pt gutter: it is still the left column's, not a line spanning both that cuts
    # the page, which had the right column's "4) Median bonus ..." read before it and 4)-6) lost among the tables
    got = _paras("yorkshire-ambulance-nhs_2024_gender-pay-gap-action-plan")
    assert [label for label, _ in got] == ["1", "2", "3", "4", "5", "6"]
    assert got[0][1].startswith("Mean gender pay gap in hourly pay")
    assert got[3][1].startswith("Median bonus gender pay gap – arranging bonus payments of all")
    assert got[4][1].startswith("Proportion of males and females receiving bonus payments")
    assert got[5][1].startswith("Proportion of males and females in each pay quartile")
    assert "£" not in got[4][1] and "£" not in got[5][1]  # not run into the tables beside them


AGIMO = "agimo-au_2013_accessibility-web-ict-procurement"


def test_a_font_with_absurd_ascent_and_descent_sits_on_its_baseline():
    # AGIMO web accessibility procurement (Adobe PDF Library 10): its Cambria carries Cambria Math's metrics, a
    # loose box six ems tall whose bottom is three ems under the baseline, so each line of it was set among the
    # lines below ("especially in the following stages:2.1. Assessment:Approach to Market:"); the box comes from
    # the character's em and baseline instead
    got = _paras(AGIMO)
    assert got[0] == ("1", "Approach to Market: may include RFT, EOI, RFQ or any other type of approach to market.")
    assert got[1][0] == "2" and got[1][1].startswith("Assessment: the consideration and review of responses")
    assert got[3][0] == "4" and got[3][1].startswith("Maintenance: the continued monitoring and engagement")


def test_a_sentence_s_clauses_numbered_after_its_colon_are_not_paragraphs():
    # AGIMO page 5: "The Web Accessibility NTS:" then "1) promotes improved web services ...;", "2) details ...; and",
    # "3) encourages ...": each item opens in lower case, going on from the words before the colon; the list is the
    # sentence's, not a restart of the paper's numbering under the heading above it
    d = doc(AGIMO)
    assert not any(p.text.startswith(("promotes", "details the key", "encourages")) for p in d.paragraphs)
    blocks = " ".join(b.text for b in d.blocks)
    assert "The Web Accessibility NTS:" in blocks and "1) promotes improved web services" in blocks


def test_a_reading_list_s_numbered_titles_over_bullets_are_not_paragraphs():
    # AGIMO pages 8-9, under "Resources": "1. Commonwealth Procurement Rules - Dept Finance and Deregulation" over
    # bullets of titles and addresses, ... "6. Additional resources": every item a one-line title with bullets under
    # it, so the numbers count lists, not paragraphs
    d = doc(AGIMO)
    assert not any(p.text.startswith(("Commonwealth Procurement Rules", "Disability Discrimination Act 1992",
                                      "Additional resources")) for p in d.paragraphs)
    # kept as the list's text or as a heading over its bullets (a short numbered title over bullets heads them)
    assert "6. Additional resources" in [b.text for b in d.blocks] or \
        ("6", "Additional resources") in [(s.number, s.heading) for s in d.sections]
    assert not any(p.text.startswith("UN Convention") for p in d.paragraphs)


def test_a_specimen_s_clauses_at_a_margin_of_their_own_are_paragraphs():
    # AGIMO page 6, under "Conformance with Web Content Accessibility Guidelines 2.0": the specimen clauses "X.1",
    # "X.2", "X.3" stand 28 pt in from the paper's numbers, each a sentence, the next two at the same margin going on
    # from the first: they are paragraphs (X.1 keeping its a)-c) and not ending at the wrapped "2.0 Techniques");
    # the flat "1." under "Article 4" after them restarts the numbering as after any paragraph number
    got = _paras(AGIMO)
    labels = [label for label, _ in got]
    assert labels == ["1", "2", "3", "4", "X.1", "X.2", "X.3", "1", "1", "2"]
    x1 = got[4][1]
    assert x1.startswith("Information regarding the Web Accessibility National Transition Strategy")
    assert "c) Assessments for WCAG 2.0 Conformance" in x1 and x1.endswith("WCAG 2.0 Quick Reference.")
    assert got[5][1] == "Tenders are required to state at <schedule> whether their tender complies with the Web " \
                        "Accessibility NTS."
    assert got[7][1].startswith("States Parties undertake to ensure and promote the full realization")
