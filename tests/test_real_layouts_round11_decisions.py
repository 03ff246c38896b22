"""Decision lists (data/real/; restored by data/real/restore.py): a licensing board's minutes number their cases
1, 2, 3 under each hearing's heading, each case a block of the licensee's name, field lines ("D/B/A: ...",
"Location: ...", "License#: ...") and a decision in bold or small capitals.  Each of those lines alone looks like a
heading; inside a record it is the record's own.  Papers not on this machine skip with the reason."""
from __future__ import annotations

from real_util import doc, para

_OCT = "boston-licensing-board_2020_voting-minutes-october-1"


def test_a_records_name_fields_and_decision_are_one_paragraph_not_headings():
    # "1. PT OPCO, LLC." / (bold) "D/B/A: Pink Taco" / "Location: ..." / ... / (small caps) "NO VIOLATION -
    # CORRESPONDENCE FROM THE BOARD": one paragraph, cited with its hearing's heading
    d = doc(_OCT)
    p = para(d, "1")
    assert p.text.startswith("PT OPCO, LLC. D/B/A: Pink Taco Location: 374 Congress St Boston, MA 02210")
    assert p.text.endswith("NO VIOLATION - CORRESPONDENCE FROM THE BOARD")
    # a second decision line stays in its record ("... CORRESPONDENCE FROM THE BOARD" / "COMMISSIONER CURRAN ...")
    assert para(d, "5").text.endswith(
        "CORRESPONDENCE FROM THE BOARD COMMISSIONER CURRAN VOTES FOR A VIOLATION")
    # (pages 8 to 10 list unnumbered records, not yet read as records: their lines still head sections there)
    headings = [s.heading for s in d.sections if s.page < 8]
    assert not [h for h in headings if h.startswith("D/B/A") or h in ("GRANTED", "CORRESPONDENCE FROM THE BOARD")]


def test_the_next_hearings_list_restarts_at_one_and_its_records_are_paragraphs_not_numbered_sections():
    # "Transactional Hearings: September 30, 2020" after the last disciplinary decision, then "1. Nassau One LLC" /
    # "D/B/A:" / "1 NASSAU ST" / "BOSTON, MA 02111" / "License #: ..." / ... / "DEFER PENDING ...": the heading
    # still heads (a decision closes its record), and the numbered cases under it are paragraphs
    d = doc(_OCT)
    assert "Transactional Hearings: September 30, 2020" in [s.heading for s in d.sections]
    assert "Old and New Business" in [s.heading for s in d.sections]
    p = para(d, "Transactional Hearings 1")
    assert p.text.startswith("Nassau One LLC D/B/A: 1 NASSAU ST BOSTON, MA 02111 License #: LB 434853")
    assert p.text.endswith("DEFER PENDING COMPLETION OF THE COMMUNITY PROCESS")
    assert para(d, "Transactional Hearings 10").text.endswith("RESCHEDULED")
    # the decision after the last case's unnumbered incident paragraph is still the case's own
    assert para(d, "8").text.endswith("VIOLATION - SUSPENSION DEEMED SERVED")
    assert not [s for s in d.sections if s.number]


_JAN = "boston-licensing-board_2022_voting-minutes-january-20"


def test_a_decision_in_bold_mixed_case_over_a_typed_rule_closes_its_case():
    # Google Docs: "1. 955 LLC" / "Doing business as: Dillon's" / ... / (bold underlined) "No Violation" /
    # "_____": the decision is the case's last words, the typed rule no words of it
    d = doc(_JAN)
    assert para(d, "1").text.endswith("in violation of M.G.L ch. 138 s. 64 and Board's 1.02B. No Violation")
    assert para(d, "6").text.endswith(
        "Defer - Board to reach out to district police captain for further information")
    # a decision that runs on in bold with its conditions, up to the rule
    p = para(d, "8")
    assert "Violation - FOUR DAY SUSPENSION TO BE SERVED UPON REOPENING" in p.text
    assert p.text.endswith("Further, the Board requests advance notice any time a promoter will be engaged by the "
                           "Licensee.")
    assert not [q for q in d.paragraphs if "____" in q.text]
    assert not [s for s in d.sections if s.heading in ("No Violation", "Granted")]


def test_a_case_written_as_one_sentence_in_a_decision_list_keeps_its_decision():
    # "1. Irziqat, Inc. d/b/a College Pizza, 50 Queensberry Street, ... Hours of operation: 11:00 AM – 1:00 AM." /
    # (bold) "Granted": no field lines of its own, but closed by a decision like the cases above it
    d = doc(_JAN)
    firsts = [p for p in d.paragraphs if p.text.startswith("Irziqat, Inc. d/b/a College Pizza")]
    assert len(firsts) == 1 and firsts[0].text.endswith("Hours of operation: 11:00 AM – 1:00 AM. Granted")
    assert sum(1 for p in d.paragraphs if p.text.endswith(". Granted")) == 6
