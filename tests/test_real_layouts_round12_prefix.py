"""Paragraph labels with a prefix before the number, as round 11's second unseen set showed them (data/real/;
restored by data/real/restore.py): "GR 1.1.1 Assessment is ..." (a university's regulations, the rules' code before
every paragraph's number) and "A.-1. 23-6764 Presentation ..." (an agenda's section letter, a dot and a hyphen before
the item's number, the file number after it).  Papers not on this machine skip with the reason; synthetic papers
check the look-alikes that are no such labels."""
from __future__ import annotations

from real_util import doc, para

import lspkit


def _numbers(d) -> list[str]:
    return [p.number for p in d.paragraphs]


def test_a_code_before_every_paragraph_number_is_kept_in_the_number():
    # Lancaster University's MARP General Regulations: "GR 1.1.1      Assessment is the primary means ...", the
    # titles over them "GR 1  DEFINITIONS, PRINCIPLES AND CONDITIONS", "GR 1.1  DEFINITIONS"
    d = doc("lancaster-university_2025_marp-general-regulations-assessment-award")
    numbers = _numbers(d)
    assert numbers[:5] == ["GR 1.1.1", "GR 1.1.2", "GR 1.1.3", "GR 1.1.4", "GR 1.2.1"]
    assert len([n for n in numbers if n.startswith("GR ")]) >= 160
    assert para(d, "GR 1.1.1").text.startswith("Assessment is the primary means whereby students demonstrate")
    assert para(d, "GR 1.1.1").text.endswith("institutions with which it enters into agreements.")
    assert [(s.number, s.heading) for s in d.sections if s.number][:3] == [
        ("GR 1", "DEFINITIONS, PRINCIPLES AND CONDITIONS"), ("GR 1.1", "DEFINITIONS"),
        ("GR 1.2", "PRINCIPLES AND CONDITIONS")]


def _extract_text(tmp_path, text: str):
    path = tmp_path / "paper.txt"
    path.write_text(text)
    return lspkit.extract(str(path))


def test_standing_orders_numbered_behind_their_code(tmp_path):
    text = ("SO 12.1 The Mayor shall preside at every meeting of the Council at which the Mayor is present.\n\n"
            "SO 12.2 If the Mayor is absent the Deputy Mayor shall preside at the meeting.\n\n"
            "SO 12.3 If both are absent the Council shall choose a member to preside.\n")
    d = _extract_text(tmp_path, text)
    assert _numbers(d) == ["SO 12.1", "SO 12.2", "SO 12.3"]
    assert para(d, "SO 12.2").text.startswith("If the Mayor is absent")


def test_an_acronym_and_a_figure_opening_lines_are_no_series(tmp_path):
    # "NHS 111 ..." three times: the same figure, no numbers that follow one another; "CO2 Emissions ..." once
    text = ("1. The committee noted the report.\n\nNHS 111 Calls rose again over the winter months this year.\n\n"
            "2. The committee agreed the plan.\n\nNHS 111 Staff were added to meet the demand in January.\n\n"
            "3. The next meeting is in May.\n\nNHS 111 Figures will be reported at the next meeting.\n\n"
            "CO2 Emissions fell by a tenth over the year.\n")
    d = _extract_text(tmp_path, text)
    assert _numbers(d) == ["1", "2", "3"]


def test_an_agenda_items_section_letter_dot_and_hyphen_before_its_number():
    # Coral Gables' commission agenda: "E.-1.     23-6723      An Ordinance of the City Commission amending ...":
    # the section's letter, a dot, a hyphen and the item's number, then the file number in a column of its own
    # (no part of the item's text); "2.-1." likewise under the second group of board items
    d = doc("coral-gables_2024_city-commission-agenda-january-9")
    numbers = _numbers(d)
    assert ["E.-1", "E.-2", "E.-3", "E.-4"] == [n for n in numbers if n.startswith("E.-")][:4]
    assert para(d, "E.-1").text.startswith("An Ordinance of the City Commission amending the Cocoplum Phase 1")
    assert para(d, "E.-2").text.endswith("providing for an effective date.")
    assert para(d, "2.-1").text.startswith("A Resolution of the Coral Gables Historic Preservation Board")
    assert para(d, "H.-3").text == "Illegal dumping mitigation technology update."
    assert not any("E.-1 is followed by E.-2" in w for w in d.warnings)  # read as one series, not restarts


def test_regulations_numbered_behind_a_shortened_word(tmp_path):
    text = ("Reg. 1 These regulations apply to every meeting of the Board and its committees.\n\n"
            "Reg. 2 The Board shall meet at least four times in each year.\n\n"
            "Reg. 3 A quorum shall be one third of the members of the Board.\n\n"
            "Fig. 3 Shows the attendance over the year for every member.\n")
    d = _extract_text(tmp_path, text)
    assert _numbers(d) == ["Reg. 1", "Reg. 2", "Reg. 3"]
    assert para(d, "Reg. 3").text.startswith("A quorum shall be one third of the members of the Board.")
