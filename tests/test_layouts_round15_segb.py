"""Round 15 (issue 10): numbered paragraphs of papers from publishers new to the corpus that a pdftotext + regex
script found and lspkit did not (lettered lists spaced by pitch or packed under their lead-in, code listings, titles
set in bold or large type, an agenda pack's contents, a label inside an item, a minutes grid).  Each mechanism is
checked on a small page drawn here, and on the real paper that showed it (data/real/, skipped where absent)."""
from __future__ import annotations

import pytest
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas

from lspkit.api import extract

from real_util import doc


def draw(path, pages):
    """pages: lists of (x, y_from_top, text, size, font), ("rect", x, y_top, w, h) filled grey boxes and
    ("line", x0, y0, x1, y1) rules."""
    c = canvas.Canvas(str(path), pagesize=A4)
    for items in pages:
        for item in items:  # boxes and rules first, so the text is drawn over them
            if item[0] == "rect":
                _, x, y, w, h = item
                c.setFillGray(0.9)
                c.rect(x, A4[1] - y - h, w, h, stroke=0, fill=1)
                c.setFillGray(0)
            elif item[0] == "line":
                _, x0, y0, x1, y1 = item
                c.line(x0, A4[1] - y0, x1, A4[1] - y1)
        for item in items:
            if item[0] not in ("rect", "line"):
                x, y, text, size, font = item
                c.setFont(font, size)
                c.drawString(x, A4[1] - y, text)
        c.showPage()
    c.save()
    return str(path)


def _numbers(d):
    return [p.number for p in d.paragraphs]


def _text(d, number):
    return next(p.text for p in d.paragraphs if p.number == number)


H, B = "Helvetica", "Helvetica-Bold"


# ---------------------------------------------------------------- lettered items spaced by pitch, not by a gap

@pytest.fixture(scope="module")
def pitched(tmp_path_factory):
    """Terms of reference whose numbered paragraphs follow each other with no more space than a line's: each wraps
    at 13 points, each paragraph (and each lettered item under "3. ... purposes of:") starts 18 points down."""
    page, y = [(40, 50, "WORKING GROUP TERMS OF REFERENCE", 11, B)], 80
    paras = [
        ("1.", ["The name of the working group is the Riverside Working Group and it reports to the",
                "executive of the party twice a year on its work."]),
        ("2.", ["These terms of reference are written with the members of the group and may be changed",
                "by the executive after consulting the group at a general meeting."]),
        ("3.", ["The group is a working group of the party with the purposes of:"]),
    ]
    for label, lines in paras:
        page.append((40, y, f"{label} {lines[0]}", 10, H))
        for k, more in enumerate(lines[1:], 1):
            page.append((58, y + 13 * k, more, 10, H))
        y += 13 * (len(lines) - 1) + 18
    items = [("a)", ["Increasing membership of the party among people who live in the district;"]),
             ("b)", ["Supporting members to take part in the party at every level, from the local branch",
                     "to the national conference; and"]),
             ("c)", ["Serving as a forum for advice to the party on the river and its use."])]
    for label, lines in items:
        page.append((64, y, f"{label} {lines[0]}", 10, H))
        for k, more in enumerate(lines[1:], 1):
            page.append((82, y + 13 * k, more, 10, H))
        y += 13 * (len(lines) - 1) + 18
    page.append((40, y, "4. The group shall meet at least once every three months at a time and place set by", 10, H))
    page.append((58, y + 13, "its convenor, who shall give members a week's notice of each meeting.", 10, H))
    page.append((40, y + 31, "5. Decisions of the group are made by consensus of the members present at a meeting", 10,
                 H))
    page.append((58, y + 44, "where at least three members are present.", 10, H))
    return draw(tmp_path_factory.mktemp("pitched") / "tor.pdf", [page])


def test_lettered_items_spaced_by_pitch_under_a_lead_in_are_provisions(pitched):
    d = extract(pitched)
    assert _numbers(d) == ["1", "2", "3", "3(a)", "3(b)", "3(c)", "4", "5"]
    assert _text(d, "3") == "The group is a working group of the party with the purposes of:"
    assert _text(d, "3(b)").endswith("to the national conference; and")


def test_greens_terms_of_reference_lettered_items_are_paragraphs():
    d = doc("australian-greens-victoria_2019_blakgreens-working-group-terms-of-reference")
    got = {p.number: p for p in d.paragraphs}
    assert got["3"].text == "BGV is a working group of the Australian Greens Victoria (AGV) with the purposes of:"
    assert [n for n in got if n.startswith("15(")] == ["15(a)", "15(b)", "15(c)", "15(d)"]
    assert got["9(c)"].text == "Treasurer / Co-Treasurers (if BGV holds funds)."  # over the page break


# ---------------------------------------------------------------- a packed list of things under its lead-in

@pytest.fixture(scope="module")
def packed(tmp_path_factory):
    """A board's notes: "21. The new board ... is:" then seats a. to e. packed at 13 points, set in a type size beyond
    the paragraph's wrapped text, one wrapping with a hanging indent; and a statute's "23. You must-" over "(a) carry
    out ...;" clauses set the same way, which stay one sentence."""
    page = [(90, 60, "20. The board needs to represent its members, with commercial interests aside, in the", 11, H),
            (108, 73, "development of national standards for the service.", 11, H),
            (90, 86, "21. The proposed new board structure to lead the community in delivering on", 11, H),
            (108, 99, "its aims is:", 11, H)]
    seats = ["a. Clinical joint chair (a general practitioner)", "b. Non-clinical joint chair (a former board chair)",
             "c. Professional body (1 seat)", "d. Industry and suppliers (3 seats) One nominated by the trade",
             "e. Standards body (1 seat)"]
    y = 112
    for s in seats:
        page.append((126, y, s, 11, H))
        y += 13
        if s.startswith("d."):
            page.append((144, y, "association and two voted on by all member suppliers.", 11, H))
            y += 13
    page.append((90, y, "22. The meeting of the new board is proposed for the week of 5th June.", 11, H))
    y += 30
    page.append((90, y, "23. You must-", 11, H))
    for s in ["(a) carry out your duties with due regard to the principle of equality;",
              "(b) show respect and consideration for others; and",
              "(c) not do anything which compromises the impartiality of officers."]:
        y += 13
        page.append((108, y, s, 11, H))
    page.append((90, y + 26, "24. You must not disclose confidential information without consent.", 11, H))
    return draw(tmp_path_factory.mktemp("packed") / "notes.pdf", [page])


def test_a_packed_list_of_things_under_a_colon_is_paragraphs_a_statutes_clauses_are_not(packed):
    d = extract(packed)
    assert _numbers(d) == ["20", "21", "21(a)", "21(b)", "21(c)", "21(d)", "21(e)", "22", "23", "24"]
    assert _text(d, "21(d)") == ("Industry and suppliers (3 seats) One nominated by the trade association and two "
                                 "voted on by all member suppliers.")
    assert _text(d, "23").startswith("You must- (a) carry out your duties")


def test_interopen_board_seats_are_paragraphs():
    d = doc("interopen_2017_governance-notes")
    assert [n for n in _numbers(d) if n.startswith("21(")] == [f"21({c})" for c in "abcdefghijkl"]


# ---------------------------------------------------------------- a code listing's line numbers

@pytest.fixture(scope="module")
def listing(tmp_path_factory):
    """A technical paper: numbered headings in large type, code boxes whose lines are numbered 1, 2, 3 in smaller
    type, a title naming a function, and two lists of steps under unnumbered sub-headings."""
    page = [(72, 60, "1. Executive Summary", 18, H),
            (72, 84, "The framework is regenerated through a single master procedure:", 13, H),
            ("rect", 70, 92, 400, 20), (78, 106, "1 CALL property.create_capacity_model();", 11, H),
            (72, 130, "The procedure drops and recreates the views in order.", 13, H),
            (72, 160, "2. System Purpose", 18, H),
            (72, 184, "The framework answers the following questions:", 13, H),
            (90, 202, "1. Which properties have potential development capacity?", 13, H),
            (90, 220, "2. Which properties are vacant and suitable for development?", 13, H),
            (90, 238, "3. Which properties are constrained by overlays?", 13, H),
            (72, 270, "3. Utility Functions", 18, H),
            (72, 294, "3.1 property.get_rule_record(text)", 15.5, H),
            (72, 316, "Returns configured rule values from the rules table.", 13, H),
            ("rect", 70, 324, 400, 56), (78, 338, "1 SELECT *", 11, H),
            (78, 356, "2 FROM property.get_rule_record('min_lot_size');", 11, H),
            (78, 374, "3 WHERE value IS NOT NULL;", 11, H),
            (72, 400, "Method", 15.5, H),
            (90, 420, "1. Select the zoned properties.", 13, H),
            (90, 438, "2. Calculate each property's centroid and bounding box.", 13, H),
            (90, 456, "3. Split each property into quadrants.", 13, H)]
    return draw(tmp_path_factory.mktemp("listing") / "tech.pdf", [page])


def test_a_code_boxs_line_numbers_number_no_paragraphs(listing):
    d = extract(listing)
    assert [p.label for p in d.paragraphs] == ["1", "2", "3", "1", "2", "3"]
    assert not any("CALL" in p.text or "SELECT" in p.text for p in d.paragraphs)
    assert "3.1" in [s.number for s in d.sections]  # a title naming a function, set large: a heading


def test_whanganui_technical_documentation_lists_are_the_paragraphs():
    d = doc("whanganui-dc_2026_grz-land-development-capacity-model-technical-documentation")
    assert len(d.paragraphs) == 23 and not any(p.text.startswith("CALL") for p in d.paragraphs)


# ---------------------------------------------------------------- titles set in bold or in large type

@pytest.fixture(scope="module")
def titles(tmp_path_factory):
    """Minutes whose roman items have long titles set wholly in bold over their records; and a note whose numbered
    headings in large bold type, each over its prose, go on after a list "1." to "3." and restart under an
    unnumbered heading."""
    p1 = [(57, 60, "I. CALL TO ORDER", 11, B), (72, 76, "The chair called the meeting to order at 6:00 PM.", 11, H),
          (57, 104, "II. CONSENT AGENDA: All items on the Consent Agenda are considered action items. The Board", 11,
           B),
          (57, 117, "may approve all of the following items by a single motion and vote.", 11, B),
          (72, 133, "Motion to accept the Consent Agenda unanimously.", 11, H),
          (57, 161, "III. OLD BUSINESS - DISCUSSION & ACTION - the Board may take action to approve, deny or", 11, B),
          (57, 174, "postpone action on any of the items listed below", 11, B),
          (72, 190, "There was no old business.", 11, H),
          (57, 218, "IV. ADJOURNMENT", 11, B), (72, 234, "The chair adjourned the meeting at 7:05 PM.", 11, H)]
    record = ["The clerk read the notice of the meeting and the chair welcomed the members and the public to the",
              "meeting. The chair noted that the agenda had been published a week before the meeting and that",
              "no member had asked for an item to be added to it. The board thanked the staff for their work."]
    p1 = [(x, y if y < 218 else y + 50, t, z, f) for x, y, t, z, f in p1] + [
        (72, 204 + 13 * k, t, 11, H) for k, t in enumerate(record)]
    p2 = [(72, 60, "The objectives of the meeting were to:", 11, H),
          (90, 78, "1. Agree a set of principles for setting standards between systems.", 11, H),
          (90, 94, "2. Recommend approaches to some pressing issues raised by members.", 11, H),
          (90, 110, "3. Agree how to progress", 11, H),
          (72, 136, "Principles", 14, B)]
    y = 160
    for k, title in enumerate(["Evolution", "Visibility of data held in systems", "Simple questions first",
                               "Leverage current fit for purpose standards"], 1):
        p2 += [(90, y, f"{k}. {title}", 13, B), (72, y + 17, "New standards should be introduced by evolution and big",
                                                   11, H), (72, y + 31, "changes avoided where they can be.", 11, H)]
        y += 56
    p2 += [(72, y, "Specific proposals", 14, B)]
    y += 24
    for k, title in enumerate(["Real time data exchange", "Clinical document format"], 1):
        p2 += [(90, y, f"{k}. {title}", 13, B), (72, y + 17, "The base standard for the data content is recommended.",
                                                   11, H)]
        y += 44
    return (draw(tmp_path_factory.mktemp("titles") / "minutes.pdf", [p1]),
            draw(tmp_path_factory.mktemp("titles") / "outcomes.pdf", [p2]))


def test_bold_roman_titles_and_large_numbered_titles_are_headings(titles):
    d = extract(titles[0])
    assert [s.number for s in d.sections if s.number] == ["I", "II", "III", "IV"] and not d.paragraphs
    d = extract(titles[1])
    assert [s.number for s in d.sections if s.number] == ["1", "2", "3", "4", "1", "2"]
    assert [p.text for p in d.paragraphs] == [
        "Agree a set of principles for setting standards between systems.",
        "Recommend approaches to some pressing issues raised by members.", "Agree how to progress"]


@pytest.fixture(scope="module")
def display(tmp_path_factory):
    """A standard whose ten principles are titles in 18 pt bold wrapping over two lines, each over its prose; one
    with a list "1. Medical device regulation" / "2. Health and care regulation" under "Guidance"; and a report's
    bold domain titles, each over its list "1." to "2." (a paper of its own)."""
    page, y = [], 50
    for k in (6, 7, 8):
        page += [(72, y, f"{k}. Ensure that the product meets all the requirements of", 18, B),
                 (72, y + 22, f"principle number {k}", 18, B),
                 (72, y + 48, "Guidance", 12, B),
                 (72, y + 66, "Products may need to conform to regulation of two main types:", 12, H)]
        y += 84
        if k == 7:
            page += [(72, y, "1. Medical device regulation", 12, H),
                     (72, y + 18, "If the product is a medical device, it must be registered.", 12, H),
                     (72, y + 40, "2. Health and care service regulation: registration", 12, H),
                     (72, y + 58, "If the product provides a regulated activity, it must be registered.", 12, H)]
            y += 80
    prose = ["Based on an analysis of local need, the partnership plan for the next three years has four",
             "overlapping domains of system need, with priority areas of action for each of them. The plan",
             "was agreed by the partnership board after consulting its members and the public, and it will",
             "be reviewed each year in the light of the partnership's annual report on its progress."]
    page2 = [(54, 60, "System priorities", 11, B)] + [(54, 84 + 14.4 * k, t, 11, H) for k, t in enumerate(prose)]
    page2 += [(54, 160, "1. Protecting and supporting children and young people from drug and alcohol", 11, B),
              (54, 174.4, "harms.", 11, B),
              (61, 198, "1. Development of multi-agency approaches to tackling the exploitation of", 11, H),
              (97, 212.4, "children linked to county line networks, substance use, and safeguarding.", 11, H),
              (61, 226.8, "2. Support for targeted, whole family approaches for those most at risk of harm,", 11, H),
              (97, 241.2, "considering the impact of substance use across the generations.", 11, H),
              (54, 265, "2. Enhancing criminal justice pathways and community safety.", 11, B),
              (61, 289, "1. A continued focus on county line networks and bringing perpetrators to justice.", 11, H),
              (61, 303.4, "2. Strengthen pathways and continuity of care for prison leavers into community", 11, H),
              (97, 317.8, "treatment, and improve the sharing of intelligence between the agencies.", 11, H)]
    return (draw(tmp_path_factory.mktemp("display") / "standard.pdf", [page]),
            draw(tmp_path_factory.mktemp("display") / "priorities.pdf", [page2]))


def test_wrapped_large_titles_and_bold_titles_over_lists_are_headings(display):
    d = extract(display[0])
    assert [s.number for s in d.sections if s.number] == ["6", "7", "8"]
    assert [p.label for p in d.paragraphs] == ["1", "2"]
    assert d.paragraphs[1].text.startswith("Health and care service regulation: registration If the product")
    d = extract(display[1])
    assert [s.number for s in d.sections if s.number] == ["1", "2"]
    assert [p.label for p in d.paragraphs] == ["1", "2", "1", "2"]


def test_real_papers_with_titles_in_bold_or_large_type():
    d = doc("nhsx_2020_digital-health-technology-standard-draft-v1")
    assert [p.text.split()[0] for p in d.paragraphs] == ["Medical", "Health"]
    d = doc("code4health_2016_supplier-group-outcomes-march")
    assert len(d.paragraphs) == 6 and not any(p.text.startswith("Leverage") for p in d.paragraphs)
    d = doc("west-ada-sd_2024_board-regular-meeting-minutes-october-28")
    assert {"V(i)", "V(ii)"} <= set(_numbers(d)) and "VII" not in _numbers(d)


# ---------------------------------------------------------------- an agenda pack's contents; a label in an item

@pytest.fixture(scope="module")
def pack(tmp_path_factory):
    """An agenda pack's list of items with the pack pages their papers start on (past the file's last page), then
    the minutes; and a response whose numbered items each hold a bold "Response" label over its text."""
    p1 = [(95, 60, "1. Declarations of interest", 11, H), (95, 86, "2. Apologies for absence", 11, H),
          (95, 112, "3. Minutes of the meeting held on 24 September 2009 and notes of 3", 11, H),
          (131, 126, "the joint session with the General Purposes Committee", 11, H),
          (95, 152, "4. Annual complaints report 9", 11, H), (95, 178, "5. Internal audit progress report 23", 11, H),
          (95, 204, "6. Managing the risk of fraud 53", 11, H), (95, 230, "7. Work programme 169", 11, H),
          (90, 270, "Members are advised to declare any interests they may have in items on the agenda.", 11, H)]
    p2 = [(72, 60, "Comment on two main elements", 12, B)]
    y = 84
    for k in (1, 2):
        p2 += [(90, y, f"{k}) Governance based on regional communities building on the existing planning", 12, H),
               (108, y + 14, "approach, each community a learning health system for its population.", 12, H),
               (108, y + 40, "Response", 12, B),
               (108, y + 54, "There is broad support for organising governance in all networks.", 12, H)]
        y += 84
    return draw(tmp_path_factory.mktemp("pack") / "pack.pdf", [p1, p2])


def test_an_agenda_packs_contents_are_dropped_and_a_label_inside_an_item_is_its_text(pack):
    d = extract(pack)
    assert not any("complaints" in p.text or "Declarations" in p.text for p in d.paragraphs)
    assert [p.label for p in d.paragraphs] == ["1", "2"]
    assert d.paragraphs[0].text.endswith("for its population. Response There is broad support for organising "
                                         "governance in all networks.")


def test_real_agenda_pack_and_response():
    d = doc("merton-lbc_2009_audit-committee-agenda-pack")
    assert not any(p.text.startswith(("Declarations", "Annual complaints")) for p in d.paragraphs)
    d = doc("code4health-cib_2017_response-target-architecture")
    assert "Response This is supported" in d.paragraphs[2].text


# ---------------------------------------------------------------- a minutes grid numbered 1 / 1.1 / 1.2

@pytest.fixture(scope="module")
def grid(tmp_path_factory):
    """Minutes ruled as a grid: item numbers in a column of their own, decimal numbers in the next, the record, the
    action; the decimal numbers stand left of the record's wrapped lines."""
    rows = [("1", "", "Introductions and actions from last meeting", ""),
            ("", "1.1", "April minutes discussed. The board members are not directors and the minutes", "DS"),
            ("", "1.2", "The chair and minute taker should rotate between the members at each meeting", "All"),
            ("", "1.3", "Background given to progress since the last meeting and the naming of the group", "PC"),
            ("2", "", "Marketing and communication", ""),
            ("", "2.1", "A press release was discussed and agreed subject to removing the members names", "PC"),
            ("", "2.2", "Logo options were considered and two options will go to the members to choose", "All")]
    page, y, xs = [], 80, [66, 96, 124, 480, 530]
    page.append(("line", xs[0], y - 12, xs[-1], y - 12))
    for a, b, text, action in rows:
        page += [(72, y, a, 9, H), (99, y, b, 9, H), (127, y, text, 9, H), (483, y, action, 9, H)]
        if b:
            page.append((127, y + 11, "and this was agreed by all members present.", 9, H))
        y += 26
        page.append(("line", xs[0], y - 12, xs[-1], y - 12))
    for x in xs:
        page.append(("line", x, 68, x, y - 12))
    return draw(tmp_path_factory.mktemp("grid") / "grid.pdf", [page])


def test_a_minutes_grid_numbered_in_its_own_columns_is_read_as_text(grid):
    d = extract(grid)
    assert [p.number for p in d.paragraphs] == ["1.1", "1.2", "1.3", "2.1", "2.2"]
    assert d.paragraphs[1].text.startswith("The chair and minute taker should rotate")


def test_interopen_minutes_grid():
    d = doc("interopen_2016_minutes-april")
    assert {"1.1", "1.2", "1.3", "1.4", "1.5", "1.6"} <= set(_numbers(d))


def test_a_section_sign_before_a_number_is_no_bullet():
    from lspkit.segment.numbering import parse_label

    assert parse_label("§ 632-1. Definitions.") is None or parse_label("§ 632-1. Definitions.").kind != "bullet"
    assert parse_label("§ Wingdings bullet item").kind == "bullet"
