"""Numbering and heading layouts of real papers (issue 10 section 2), each on a small synthetic input.

Each test names the layout and the real paper that shows it (data/real/); the real papers themselves are held to
their floors by tests/test_real_corpus.py.
"""
from __future__ import annotations

from lspkit.read.text import read_text
from lspkit.segment import segment
from lspkit.segment.numbering import parse_label


def _doc(text: str):
    return segment(read_text("t.txt", text))


def test_flat_number_glued_to_its_text_is_a_label():
    # planning_inspectorate_2020_broxbourne_local_plan_inspector_report: "100.The proposed garden village ..."
    lab = parse_label("100.The proposed garden village would include")
    assert (lab.kind, lab.number, lab.rest, lab.dotted) == ("number", "100", "The proposed garden village would include", True)
    assert parse_label("10.Section 17.74 of the Constitution").number == "10"
    assert parse_label("2006.Next year") is None  # four digits are a year, never a paragraph number


def test_glued_flat_numbers_continue_the_sequence():
    text = "\n\n".join(f"{n}. Paragraph {n} of the report says something." for n in range(97, 100))
    text += "\n\n100.The proposed garden village would include a school.\n\n101.The development of over 800 dwellings."
    doc = _doc(text)
    assert [p.number for p in doc.paragraphs] == ["97", "98", "99", "100", "101"]
    assert doc.paragraphs[3].text.startswith("The proposed garden village")


def _pdf(rows, page_width=595.0):
    """A synthetic PDF Reading: rows of (page, x0, text, size, bold, gap_before); lines 1.2 x size apart."""
    from lspkit.model import Line, Reading

    lines, top, page = [], 72.0, 1
    for pg, x0, text, size, bold, gap in rows:
        if pg != page:
            page, top = pg, 72.0
        top += size * (2.6 if gap else 1.2)
        x1 = min(x0 + 0.5 * size * len(text), 523.0)
        lines.append(Line(text, pg, x0, x1, top, top + size, size, bold, 842.0, page_width))
    return Reading("t.pdf", "0" * 64, max(r[0] for r in rows), lines, "pdf",
                   page_sizes={p: (page_width, 842.0) for p in range(1, max(r[0] for r in rows) + 1)})


def _prose(number, size=12.5, page=1):
    return [
        (page, 73, f"{number} This report comprises the Sustainability Appraisal Post-Adoption", size, False, True),
        (page, 158, "Statement for the Local Plan 2018 - 2033. It has been prepared under", size, False, False),
        (page, 158, "Regulation 16 of the Strategic Environmental Assessment Regulations and the", size, False, False),
        (page, 158, "guidance that goes with them.", size, False, False),
    ]


def test_numbered_paragraph_in_large_body_type_is_not_a_heading():
    # lepus-broxbourne_2020_sa-post-adoption-statement: body set at 12.5pt, tables and notes at 10.6pt, so every
    # body line is "big"; "1.1.1 This report comprises ..." runs on into a sentence, so it is a paragraph
    rows = [(1, 73, "1 Introduction", 29.7, False, True), (1, 73, "1.1 Context and purpose of this report", 14.8, True, True)]
    rows += _prose("1.1.1") + _prose("1.1.2") + _prose("1.1.3")
    rows += [(1, 73, f"Table row {k} of the appendix with a long cell of text in it", 10.6, False, True) for k in range(40)]
    doc = segment(_pdf(rows))
    assert [p.number for p in doc.paragraphs] == ["1.1.1", "1.1.2", "1.1.3"]
    assert [s.number for s in doc.sections] == ["1", "1.1"]


def test_numbered_note_in_smaller_type_is_not_a_paragraph():
    # lepus-broxbourne / aecom-buckinghamshire: footnotes "2 The Environmental Assessment ..." set at 10.6pt
    # under 12.5pt numbered paragraphs would be taken as paragraph 2 (1.1.3 -> 2 is a step up)
    rows = _prose("1.1.1") + _prose("1.1.2") + _prose("1.1.3")
    rows += [(1, 73, "2 The Environmental Assessment of Plans and Programmes Regulations 2004.", 10.6, False, True)]
    rows += _prose("1.1.4", page=2)
    doc = segment(_pdf(rows))
    assert [p.number for p in doc.paragraphs] == ["1.1.1", "1.1.2", "1.1.3", "1.1.4"]
    assert "Environmental Assessment of Plans" not in doc.paragraph("1.1.3").text


def _lettered_rows():
    rows = []
    for n, heading in ((1, "MOTIONS ON THE AGENDA"), (2, "DISORDERLY CONDUCT AT MEETINGS")):
        rows.append((1, 45.4, f"{n} {heading}", 11.1, True, True))
        for k, letter in enumerate("abc"):
            rows.append((1, 45.4, f"{letter} The {letter} rule under heading {n} says that the council shall act fairly and", 11.1, False, k == 0))
            rows.append((1, 73.7, "in public, and that the chairman of the meeting shall decide.", 11.1, False, False))
            if letter == "b":
                rows.append((1, 59.5, "i to proceed to the next business;", 11.1, False, True))
                rows.append((1, 59.5, "ii to adjourn the debate.", 11.1, False, False))
    return rows


def test_lettered_paragraphs_under_numbered_headings():
    # tintern-cc_2018_standing-orders: "1 MOTIONS ON THE AGENDA" then "a Motions on the agenda shall be ...",
    # letters restarting under each numbered heading; cited as 1(a), 2(c)
    doc = segment(_pdf(_lettered_rows()))
    assert [p.number for p in doc.paragraphs] == ["1(a)", "1(b)", "1(c)", "2(a)", "2(b)", "2(c)"]
    assert [p.label for p in doc.paragraphs] == ["a", "b", "c"] * 2
    assert [s.number for s in doc.sections] == ["1", "2"]
    b = doc.paragraph("2(b)")
    assert b.parent == "2" and b.section == "2"
    assert "to proceed to the next business" in b.text  # the roman items inside it stay its text
    assert b.to_dict()["label"] == "b" and b.to_dict()["number"] == "2(b)"


def test_lettered_list_items_are_not_paragraphs():
    # mhclg_2025_draft_nppf_consultation_text: "The required parts ... are:" then "a. A spatial development strategy";
    # lepus-broxbourne: "(a) make a copy of the plan ..." quoting a regulation: items of a sentence, not paragraphs
    rows = [(1, 48, "2. Plan-making policies", 22.5, False, True),
            (1, 48, "The required parts of the development plan are:", 11.3, False, True),
            (1, 66, "a. A spatial development strategy, produced by strategic planning authorities;", 11.3, False, True),
            (1, 66, "b. A local plan produced by a local planning authority; and", 11.3, False, True),
            (1, 48, "3. Something else entirely", 22.5, False, True),
            (1, 66, "(a) make a copy of the plan or programme available for inspection;", 11.3, False, True),
            (1, 66, "(b) take such steps as it considers appropriate.", 11.3, False, True)]
    rows += [(1, 48, f"Body line {k} of a long paragraph set in the body type size for the document.", 11.3, False, k == 0)
             for k in range(30)]
    doc = segment(_pdf(rows))
    assert not [p for p in doc.paragraphs if p.label in ("a", "b")]


def test_a_number_printed_twice_keeps_both_with_unique_ids():
    text = ("5.3 The first paragraph.\n\n5.4 The second paragraph.\n\n5.4 A different paragraph printed with the "
            "same number.\n\n5.5 The last paragraph.")
    doc = _doc(text)
    assert [p.number for p in doc.paragraphs] == ["5.3", "5.4", "5.4 (2)", "5.5"]
    assert [p.label for p in doc.paragraphs] == ["5.3", "5.4", "5.4", "5.5"]
    assert doc.paragraph("5.4 (2)").text.startswith("A different paragraph")
    assert any("5.4" in w and "more than once" in w for w in doc.warnings)


def test_label_round_trips_and_defaults_to_the_number():
    from lspkit.model import Document, Paragraph

    p = Paragraph("3.4", "Text.", 1)
    assert p.label == "3.4" and p.to_dict()["label"] == "3.4"
    doc = _doc("1. Introduction\n\na) The Working Party was set up.\n\nb) It met twice.\n\n2. Findings\n\n"
               "a) The first finding.\n\nb) The second finding.")
    again = Document.from_dict(doc.to_dict())
    assert [(p.number, p.label) for p in again.paragraphs] == [(p.number, p.label) for p in doc.paragraphs]


def test_flat_numbering_restarting_under_unnumbered_headings_gets_unique_ids():
    # a committee-report template: "Background:" 1.-3., "Solutions:" 1.-4., each series cited by its heading;
    # mhclg_2025_draft_nppf_consultation_text does the same under policy headings "PM1: ...", "CC1: ..."
    text = "**Background:**\n\n" + "\n\n".join(f"{n}. Background point {n} is set out here." for n in range(1, 4))
    text += "\n\n**Solutions:**\n\n" + "\n\n".join(f"{n}. Solution {n} is set out here." for n in range(1, 5))
    doc = _doc(text)
    assert [p.number for p in doc.paragraphs] == [f"Background {n}" for n in range(1, 4)] + [
        f"Solutions {n}" for n in range(1, 5)]
    assert [p.label for p in doc.paragraphs] == ["1", "2", "3", "1", "2", "3", "4"]
    assert doc.paragraph("Solutions 4").text == "Solution 4 is set out here."
    assert len({p.number for p in doc.paragraphs}) == len(doc.paragraphs)


def test_minute_items_numbered_on_from_earlier_meetings():
    # tintern-cc_2019_minutes-august: minute numbers run on across meetings ("2747." ... "2758."), set bold,
    # some running straight on into their text ("2753. Accounts for payment:-" then the payments)
    rows = [(1, 218, "TINTERN COMMUNITY COUNCIL", 13.3, True, True),
            (1, 72, "2747. Police Report: Attached. No Police presence.", 13.3, True, True),
            (1, 72, "2748. Public Forum: No members of the public present.", 13.3, True, True),
            (1, 72, "2749. Apologies for absence: Cllr Ashman, County Cllr Webb.", 13.3, True, True),
            (1, 72, "2750. Accounts for payment:-", 13.3, True, True),
            (1, 72, "Merlin Waste - £30 (Ch. No. 300135)", 13.3, False, False),
            (1, 72, "Clerk’s Salary & Expenses - £266.05 (Ch. No. 300136) – all approved.", 13.3, False, False),
            (1, 72, "2751. Reports from Sub-Committees:- Finance – No report.", 13.3, True, True)]
    rows += [(1, 72, f"Body line {k} of the minutes, set in the body type without bold at all in it.", 13.3, False, k == 0)
             for k in range(12)]
    doc = segment(_pdf(rows))
    assert [p.number for p in doc.paragraphs][:5] == ["2747", "2748", "2749", "2750", "2751"]
    assert doc.paragraph("2750").text.startswith("Accounts for payment:- Merlin Waste")


def test_roman_resolutions_restart_under_each_minute_item_and_payment_lists_are_not_paragraphs():
    # manordeilo-salem-cc_2016_minutes-february: "2. CORRESPONDENCE" then "i) Lloyds Bank Statement ...",
    # "9. LLANDEILO BY-PASS ROUNDABOUT" then "i) Cllr. Joseph Davies reported ..."; "11. ACCOUNTS" lists payments
    rows = [(1, 42.6, "1. MATTERS ARISING", 10.6, True, True),
            (1, 42.6, "Nothing was raised under matters arising at this meeting of the council.", 11.3, False, False),
            (1, 42.6, "2. CORRESPONDENCE", 10.6, True, True)]
    rows += [(1, 42.6, f"{r}) The Clerk reported letter {r} from the county council on the road and it was noted.",
              11.3, False, False) for r in ("i", "ii", "iii")]
    rows += [(1, 42.6, "3. LLANDEILO BY-PASS ROUNDABOUT", 10.6, True, True)]
    rows += [(1, 42.6, f"{r}) Cllr. Davies reported point {r} about the roundabout speed limit to the meeting.",
              11.3, False, False) for r in ("i", "ii")]
    rows += [(1, 42.6, "4. ACCOUNTS FOR PAYMENT", 10.6, True, True),
             (1, 42.6, "i) Wales Air Ambulance, Donation, Chq No 1161 200.00", 11.3, False, False),
             (1, 42.6, "ii) Macmillan Cancer Support, Donation, Chq No 1163 75.00", 11.3, False, False)]
    doc = segment(_pdf(rows))
    assert [p.number for p in doc.paragraphs] == ["2(i)", "2(ii)", "2(iii)", "3(i)", "3(ii)"]
    assert [s.number for s in doc.sections] == ["1", "2", "3", "4"]
    assert [p.label for p in doc.paragraphs] == ["i", "ii", "iii", "i", "ii"]


def test_numbered_back_matter_goes_to_metadata():
    # a committee-report template ends "6. Relevant Director: ...", "7. Report Authors: ...", "8. Background
    # documents": labels with their values, numbered on from the paragraphs, but not paragraphs
    text = ("1. The report asks the committee to note the position.\n\n2. The council has consulted widely.\n\n"
            "3. The costs are met from existing budgets.\n\n"
            "6. Relevant Director: Jane Smith, Director of Place\n\n"
            "7. Report Authors: Tom Brown, Planning Policy Manager\n\n"
            "8. Background documents\n\nLocal Plan 2018-2033")
    doc = _doc(text)
    assert [p.number for p in doc.paragraphs] == ["1", "2", "3"]
    assert doc.metadata["relevant_director"] == "Jane Smith, Director of Place"
    assert doc.metadata["report_authors"] == "Tom Brown, Planning Policy Manager"
    assert "Local Plan 2018-2033" in doc.metadata["background_papers"]


def test_short_numbered_list_of_phrases_stays_inside_its_block():
    # a committee-report template: "Challenges:" then "1. Increasing congestion 2. Poor air quality" is a list,
    # not a restart of the paragraph numbering; "3. The review ..." continues the paragraphs
    text = ("**Background:**\n\n1. The council adopted its transport strategy in 2019 and has reviewed it since.\n\n"
            "2. The strategy identifies the main problems facing the town centre.\n\nChallenges:\n\n"
            "1. Increasing congestion\n2. Poor air quality\n3. Limited bus services\n\n"
            "3. The review proposes three solutions, set out below in turn.\n\n**Solutions:**\n\n"
            "1. A new park and ride site at the northern edge of the town.\n\n"
            "2. Extended bus lanes on the main radial routes.\n")
    doc = _doc(text)
    assert [p.number for p in doc.paragraphs] == ["Background 1", "Background 2", "Background 3", "Solutions 1",
                                                  "Solutions 2"]
    assert "1. Increasing congestion 2. Poor air quality 3. Limited bus services" in doc.paragraph("Background 2").text
    assert not any("more than once" in w for w in doc.warnings)


def test_a_dotted_number_printed_again_further_on_keeps_every_paragraph():
    # dacorum_2023_shlaa-update-main-report: Word's list numbering stuck, "4.42" ... "4.45" then "4.42" four times
    text = "\n\n".join(f"4.{n} Paragraph {n} of the chapter says something." for n in range(40, 46))
    text += "\n\n" + "\n\n".join(f"4.42 Conclusion {k} is a different paragraph." for k in range(1, 5))
    doc = _doc(text)
    numbers = [p.number for p in doc.paragraphs]
    assert numbers == ["4.40", "4.41", "4.42", "4.43", "4.44", "4.45", "4.42 (2)", "4.42 (3)", "4.42 (4)", "4.42 (5)"]
    assert doc.paragraph("4.42 (4)").text == "Conclusion 3 is a different paragraph."
    assert sum("4.42" in w and "more than once" in w for w in doc.warnings) == 4
