"""Round 17 (issue 10): standards and university documents a pdftotext + regex script read better than lspkit
(IAF mandatory documents, ILAC's mark rules, a Sri Lankan university's by-law).  Each mechanism is checked on a
small page drawn here, and on the real paper that showed it (data/real/, skipped where absent)."""
from __future__ import annotations

import pytest

from lspkit.api import extract

from real_util import doc
from test_layouts_round15_segb import B, H, draw


def _numbers(d):
    return [p.number for p in d.paragraphs]


def _text(d, number):
    return next(p.text for p in d.paragraphs if p.number == number)


# ---------------------------------------------------------------- a contents list whose entries wrap, over a block

@pytest.fixture(scope="module")
def wrapped_contents(tmp_path_factory):
    """A standard's contents page (Word's dot leaders): an entry wrapped onto a second line whose page number is on
    the line with the leaders, and the document's control block ("Issue No 2", "Prepared by: ...") below it, so the
    entries are under half the page's lines; then the text, numbered 1., 1.1 ... from page 2."""
    dots = "." * 60
    toc = [(220, 60, "TABLE OF CONTENTS", 11, B),
           (60, 90, f"1. Scope {dots} 2", 11, H),
           (60, 108, f"2. Obligations of Certification Bodies {dots[:40]} 2", 11, H),
           (80, 126, f"2.1 Risk Assessment of Candidate Entities {dots[:36]} 2", 11, H),
           (80, 144, "2.2 Compliance of Entities' Operations with the Applicable Requirements and the", 11, H),
           (100, 158, f"CB Management System and Governance Documents {dots[:30]} 3", 11, H),
           (60, 176, f"3. Obligations of Accreditation Bodies {dots[:40]} 3", 11, H),
           (60, 194, "Annex 1: Toolset for Special Investigative Assessment of Entities' Operations", 11, H),
           (60, 208, f"(Informative) {dots} 3", 11, H)]
    block = ["Issue No 2", "Prepared by: Technical Committee", "Approved by: Members", "Issue Date: 08 May 2018",
             "Name for Enquiries: The Secretary", "Telephone: +1 613 454-8159", "Email: secretary@example.org",
             "Version 3"]
    toc += [(60, 420 + 14 * k, t, 11, H) for k, t in enumerate(block)]
    body = [(60, 60, "1. SCOPE", 11, B),
            (60, 84, "This document applies to entities working on behalf of certification bodies.", 11, H),
            (60, 114, "2. OBLIGATIONS OF CERTIFICATION BODIES", 11, B),
            (60, 138, "2.1 Prior to entering any agreement, the body shall perform a risk assessment of the", 11, H),
            (60, 152, "candidate entity in the country in which it is located.", 11, H),
            (60, 176, "2.2 The body shall monitor the ongoing performance of the entity, including on-site", 11, H),
            (60, 190, "internal audits of the entity against the requirements.", 11, H)]
    body2 = [(60, 60, "3. OBLIGATIONS OF ACCREDITATION BODIES", 11, B),
             (60, 84, "3.1 An accreditation body shall share this information with the local bodies.", 11, H)]
    return draw(tmp_path_factory.mktemp("contents") / "md.pdf", [toc, body, body2])


def test_a_titled_contents_list_with_wrapped_entries_is_dropped_above_its_control_block(wrapped_contents):
    d = extract(wrapped_contents)
    assert _numbers(d) == ["2.1", "2.2", "3.1"]
    contents = [x.text for x in d.dropped if x.reason == "contents"]
    assert contents[0] == "TABLE OF CONTENTS"
    assert "CB Management System and Governance Documents" in " ".join(contents)
    assert not any(t.startswith("Issue No") for t in contents)  # the control block below is no entry


def test_iaf_contents_pages_are_no_paragraphs():
    for name in ("iaf_2018_md23-control-of-entities-issue1", "iaf_2022_md4-use-of-ict-for-auditing-issue2-v3"):
        d = doc(name)
        assert not [p.number for p in d.paragraphs if "...." in p.text], name
    d = doc("iaf_2022_md4-use-of-ict-for-auditing-issue2-v3")
    assert _numbers(d)[:8] == ["0.1", "0.2", "0.3", "0.4", "0.4(i)", "0.4(ii)", "0.4(iii)", "0.5"]
    assert _text(d, "0.4") == "The objectives for the effective application of ICT for audit/assessment purposes are:"


# ---------------------------------------------------------------- a number's own sub-paragraphs packed under it

@pytest.fixture(scope="module")
def children(tmp_path_factory):
    """A by-law's regulations: "4.2 Selection of a field of specialisation:" with its own 4.2.1 to 4.2.4 packed
    under it (no space between them, each wrapped to a hanging indent), between 4.1 and 5.1."""
    page = [(60, 60, "4. Common Core Course", 11, B),
            (70, 84, "4.1 The Common Core Course offered jointly by all departments of study in the Faculty", 11, H),
            (92, 98, "shall consist of thirty six credits towards the graduation requirement.", 11, H),
            (70, 120, "4.2 Selection of a field of specialisation:", 11, H)]
    subs = [["4.2.1 The selection of students to the fields of specialisation shall be made at the",
             "end of Semester 2 of the programme on the merit list."],
            ["4.2.2 When calculating the mean grade point average for the merit list in section 4.2.1",
             "the grade point values for withheld grades are taken as zero."],
            ["4.2.3 A minimum of eighteen total credits from the first year are required to obtain the",
             "registration for a specialisation course."],
            ["4.2.4 A student who fails any module in the Common Core Course should improve the grade",
             "to pass level by reattempting the module as a repeater."]]
    y = 134
    for lines in subs:
        page.append((92, y, lines[0], 11, H))
        page.append((122, y + 14, lines[1], 11, H))
        y += 28
    page += [(60, y + 20, "5. Specialisation Courses", 11, B),
             (70, y + 44, "5.1 Specialisation courses shall be offered in the major fields of study of the", 11, H),
             (92, y + 58, "Faculty as the Senate may decide from time to time.", 11, H)]
    return draw(tmp_path_factory.mktemp("children") / "bylaw.pdf", [page])


def test_a_numbers_own_sub_paragraphs_packed_under_it_are_paragraphs(children):
    d = extract(children)
    assert [n.split("(")[-1].rstrip(")") for n in _numbers(d)] == ["4.1", "4.2", "4.2.1", "4.2.2", "4.2.3",
                                                                   "4.2.4", "5.1"]
    assert _text(d, next(n for n in _numbers(d) if n.endswith("4.2"))) == "Selection of a field of specialisation:"


def test_ruhuna_4_2_sub_paragraphs():
    d = doc("university-of-ruhuna_2024_bylaw-42-bsc-engineering-honours")
    labels = [p.label or p.number for p in d.paragraphs]
    for n in ("4.2.1", "4.2.2", "4.2.3", "4.2.4", "4.2.5", "4.2.6"):
        assert n in labels


# ---------------------------------------------------------------- a series' next letter in prose full of names

def test_ilac_lettered_items_after_a_figure_continue_their_series():
    """ "c) Recognised Regional Co-operation Bodies are entitled to use the ILAC MRA Mark by itself" / "but are
    required ...": capitalised names, but a sentence running on in lower case, not a title-case heading."""
    d = doc("ilac_2015_r7-rules-for-use-of-ilac-mra-mark")
    numbers = _numbers(d)
    for n in ("3(c)", "3(d)", "3(e)", "3(f)", "3(g)", "4(c)", "4(i)"):
        assert n in numbers
    assert _text(d, "3(c)").startswith("Recognised Regional Co-operation Bodies are entitled")


# ---------------------------------------------------------------- a clause or a chapter numbered 0

@pytest.fixture(scope="module")
def clause_zero(tmp_path_factory):
    """A standard opening with its clause 0 ("0. INTRODUCTION", then 0.1 and 0.2, as ISO and IAF number an
    introduction), then 1. and its paragraphs; and a society's code whose one chapter is 0 ("0.1. Standing" over
    "0.1.1.", "0.1.2.", then "0.2. Speaking Limits" over "0.2.1.", "0.2.2.")."""
    std = [(60, 60, "0. INTRODUCTION", 11, B),
           (60, 84, "0.1 As information and communication technology becomes more sophisticated, it is", 11, H),
           (60, 98, "important to be able to use it to optimise the effectiveness of an audit.", 11, H),
           (60, 122, "0.2 The use of technology may be appropriate for auditing both locally and remotely,", 11, H),
           (60, 136, "as agreed with the body being audited.", 11, H),
           (60, 166, "1. SCOPE", 11, B),
           (60, 190, "1.1 This mandatory document provides for the consistent application of technology in", 11, H),
           (60, 204, "auditing as part of the methodology.", 11, H),
           (60, 228, "1.2 The use of technology is not mandatory, but where it is used this document applies.", 11, H)]
    code = [(120, 60, "CHAPTER 0 - STANDING RULES OF ORDER", 12, B),
            (60, 90, "0.1.     Standing", 11, H),
            (80, 108, "0.1.1.  A member has the floor when recognised by the Speaker, and does not have to", 11, H),
            (116, 122, "stand up to speak.", 11, H),
            (80, 140, "0.1.2.  A member may yield the floor to another member at any time while speaking.", 11, H),
            (60, 170, "0.2.     Speaking Limits", 11, H),
            (80, 188, "0.2.1.  Members are permitted to speak any number of times and for any duration to a", 11, H),
            (116, 202, "single motion, unless the assembly adopts limits on debate.", 11, H),
            (80, 220, "0.2.2.  A motion to limit debate requires a two-thirds vote of the members present.", 11, H)]
    return (draw(tmp_path_factory.mktemp("zero") / "std.pdf", [std]),
            draw(tmp_path_factory.mktemp("zero") / "code.pdf", [code]))


def test_a_clause_or_chapter_numbered_0_numbers_its_paragraphs(clause_zero):
    std, code = clause_zero
    d = extract(std)
    assert _numbers(d) == ["0.1", "0.2", "1.1", "1.2"]
    assert _text(d, "0.2").endswith("as agreed with the body being audited.")
    d = extract(code)
    assert _numbers(d) == ["0.1.1", "0.1.2", "0.2.1", "0.2.2"]
    assert [s.number for s in d.sections if s.number][-2:] == ["0.1", "0.2"]


def test_uoft_standing_rules_chapter_0():
    d = doc("uoft-engsoc_2025_standing-rules-of-order-october")
    numbers = _numbers(d)
    for n in ("0.1.1", "0.2.1", "0.2.1(a)", "0.2.2", "0.3.1", "0.4.1", "0.5.1", "0.6.1"):
        assert n in numbers


def test_a_zero_led_number_is_a_label_only_before_a_capital():
    from lspkit.segment.numbering import parse_label
    assert parse_label("0.1 As information and communication technology").levels == (0, 1)
    assert parse_label("0.0.1. Adoption of the agenda").levels == (0, 0, 1)
    for text in ("0.5 mg of the compound was added", "0.25 per cent of the levy", "0 General", "0.5"):
        assert parse_label(text) is None, text
