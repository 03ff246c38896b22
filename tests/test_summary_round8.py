"""Issue 12, round 8 (papers from publishers never seen before): the summary's title, recommendations and
glossary on the real PDFs where the mechanisms were missing.  Each test drives the real pipeline on a real PDF."""
from __future__ import annotations

import pytest
from real_util import doc, summary

# ---------------------------------------------------------------- titles


@pytest.mark.parametrize("name, title", [
    ("sri-lanka-parliament_2022_petroleum-products-special-provisions-amendment-act",
     "Petroleum Products (Special Provisions) (Amendment) Act, No. 27 of 2022"),
    ("sri-lanka-parliament_2022_prevention-of-terrorism-amendment-bill",
     "Prevention of Terrorism (Temporary Provisions) (Amendment)"),
    ("sri-lanka-parliament_2023_prevention-of-frauds-amendment-gazette", "Prevention of Frauds (Amendment)"),
])
def test_a_legislatures_banner_names_the_publisher_and_the_bill_or_act_is_the_title(name, title):
    """"PARLIAMENT OF THE DEMOCRATIC SOCIALIST REPUBLIC OF SRI LANKA" / "THE GAZETTE OF ..." in the largest type:
    the Act's title printed under it, or the bill's short title printed over "A BILL" (its "A" on the title's line
    in the gazette's setting)."""
    assert summary(name).title == title


def test_a_letters_subject_under_dear_is_its_title_and_an_act_only_when_nothing_else_heads_it():
    """An FOI reply: the subject line under "Dear Ms Robinson," (not the sender's name block the PDF calls its
    title); a reply headed only by the Act it answers under is named by it, never by its "Response" heading; a
    decision letter's "PLANNING ACT 2008" over its own heading stays the heading's."""
    assert summary("cumbria-constabulary_2025_foi-response-crimes-hospital-grounds").title == \
        "FREEDOM OF INFORMATION REQUEST – FOI 1306/25"
    assert summary("humberside-police_2025_foi-response-crimes-hospital-grounds").title == \
        "FREEDOM of INFORMATION ACT 2000"
    assert summary("desnz_2024_east_anglia_rtdcsg_plan_approval_letter").title.startswith("APPROVAL OF PLAN FOR")


def test_a_pdf_title_dated_otherwise_than_the_paper_and_not_printed_is_a_stale_template_name():
    """Kesgrave's April 2025 minutes carry the Title property "Mins 9 Apr 18": the printed heading wins."""
    assert summary("kesgrave-tc_2025_planning-development-minutes-april").title == \
        "Planning and Development Committee Meeting Minutes"


def test_a_title_ending_in_a_colon_goes_on_with_its_subtitle():
    assert summary("leeds-teaching-hospitals-uol_2020_shared-research-innovation-strategy").title.startswith(
        "Shared research and innovation strategy")


def test_an_agendas_title_block_ends_at_the_meetings_date():
    """Run on into the venue, the time and a notice (1,000 characters), or printed under the mayor's name: the kind
    of paper and the date, named with the council."""
    assert summary("rancho-palos-verdes_2022_city-council-agenda-december").title == (
        "AGENDA RANCHO PALOS VERDES CITY COUNCIL MEETING AND IMPROVEMENT AUTHORITY REGULAR MEETING DECEMBER 6, 2022")
    assert summary("lomita_2022_city-council-agenda-december").title == \
        "Lomita City Council Agenda Regular Meeting Tuesday, December 6, 2022"
    assert summary("ladwp_2022_board-regular-meeting-agenda-january").title.startswith(
        "REGULAR MEETING AGENDA Tuesday, January 11, 2022")
    assert "10:00" not in summary("ladwp_2022_board-regular-meeting-agenda-january").title


# ---------------------------------------------------------------- recommendations


def decisions(name: str) -> list[tuple[str, str]]:
    return [(r.verb, r.text) for r in summary(name).recommendations]


def test_an_agenda_items_recommended_action_label_is_no_verb():
    """Lomita: "RECOMMENDED ACTION: Approve minutes." asks APPROVE, not ACTION; "Authorize remote meetings ... by
    finding that: (1) ...; (2) ..." is one decision whose findings are numbered."""
    got = decisions("lomita_2022_city-council-agenda-december")
    assert ("APPROVE", "Approve minutes.") in got
    assert not any(v == "ACTION" for v, _ in got)
    assert any(v == "AUTHORIZE" and t.startswith("Authorize remote teleconference") for v, t in got)
    assert not any(t.startswith("state and local officials") for _, t in got)


def test_an_agendas_items_that_open_with_the_verb_in_capitals_are_its_decisions():
    """LA Metro prints no "Recommendation" label: each item opens "RECEIVE AND FILE ...", "AUTHORIZE the Chief
    Executive Officer ...", some set as blocks, some as paragraphs, some as headings; "ADOPT staff recommended
    position:" is a stem, not a decision; San Diego's headings in capitals ("REQUESTS FOR ITEMS ...") are none."""
    got = decisions("la-metro_2017_executive-management-committee-agenda-june")
    assert ("RECEIVE AND FILE", "RECEIVE AND FILE State and Federal Legislative Report.") in got
    assert any(v == "AUTHORIZE" and "Exclusive Negotiations" in t for v, t in got)
    assert any(v == "ADOPT" and t.startswith("ADOPT the Measure M Master Guidelines") for v, t in got)
    assert not any(t.endswith(":") for _, t in got)
    sd = decisions("san-diego-planning-commission_2022_agenda-september-29")
    assert ("RECOMMEND", "Recommend that the City Council Approve the Project") in sd
    assert not any(v == "REQUEST" for v, _ in sd)


def test_a_council_agendas_recommendations_with_their_own_verbs_and_lettered_items():
    """La Habra Heights: "It is recommended that the City Council announce ..." (the subjunctive's verb, not the
    later "appoint"), "... receive and file." (one compound verb), the lettered items under a lead-in block; no
    line in capitals ("END OF CONSENT CALENDAR") and no "Comments by ..." item is a decision."""
    got = decisions("la-habra-heights_2022_city-council-agenda-december")
    assert any(v == "ANNOUNCE" and "announce Planning Commission" in t for v, t in got)
    assert any(v == "FIND" for v, _ in got)
    assert ("RECEIVE AND FILE", "It is recommended that the City Council receive and file.") in got
    assert any(v == "OVERRULE" and t.startswith("Overrule protests") for v, t in got)
    assert any(v == "AUTHORIZE" and t.startswith("Authorize the Finance Manager to amend the budget for $7,497.36")
               for v, t in got)
    assert not any(v in ("END", "UPON", "COMMENT", "UNPAID", "GOVERNMENT") for v, _ in got)


def test_an_agenda_item_set_as_one_block_gives_what_follows_its_recommendation_label():
    """Rancho Palos Verdes: "B. Approval of Minutes (Takaoka) Recommendation: Approve the Minutes of ..."; the
    same resolution adopted under two items is two decisions."""
    got = decisions("rancho-palos-verdes_2022_city-council-agenda-december")
    assert ("APPROVE", "Approve the Minutes of November 15, 2022, Regular Meeting.") in got
    assert any(v == "RECEIVE AND FILE" and t.startswith("Receive and file the October 2022") for v, t in got)
    assert sum(1 for v, t in got if v == "ADOPT" and t.startswith("Adopt Resolution No. 2022-__")) >= 3


def test_staff_recommends_and_a_conclusion_that_asks_to_review_and_consider():
    got = decisions("norwalk-housing-authority_2022_agenda-packet-november")
    assert [v for v, _ in got] == ["APPROVE", "APPROVE"]
    assert all(t.startswith("Staff recommends the Housing Authority approve") for _, t in got)
    assert decisions("gardena_2022_planning-commission-agenda-staff-report-parcel-map") == [
        ("REVIEW AND CONSIDER", "The Planning Commission is being asked to review and consider the extension of time "
                                "for Tentative Parcel Map No. 82410 (PM #1-18).")]


def test_that_the_executive_approves_keeps_its_verb():
    assert [v for v, _ in decisions("southwark_2008_corporate-property-management-executive-report")] == [
        "APPROVE", "APPROVE", "APPROVE", "NOTE", "NOTE"]


# ---------------------------------------------------------------- glossary


def glossary(name: str) -> dict[str, str]:
    return {a.short: a.long for a in summary(name).acronyms if a.long}


def test_a_short_form_with_an_ampersand_and_a_names_last_word():
    assert glossary("garelochhead-cc_2017_minutes-november").get("G&P Trust") == "Garelochhead and Portincaple Trust"


def test_a_long_form_whose_words_ran_together_across_a_line_is_set_apart():
    assert glossary("glasgow-cc_2025_supporting-attendance-policy").get("EAP") == "Employee Assistance Provider"


def test_items_under_a_heading_that_scopes_them_for_approval_are_decisions_named_by_their_noun():
    """LADWP: "L. Items for Approval" / "1. Recommended by Corporate Services Approval of Amendment No. 1 ..." (the
    items run together in one block), "5. ... Recommends that the Board approve ...", "6. ... Resolution approving
    Findings ...", "7. Introduced by Board President ... for Consideration Motion Regarding ..."; "K. Minutes" /
    "Recommendation for approval of the minutes ..."; the closed session's numbered items after them are none."""
    got = decisions("ladwp_2022_board-regular-meeting-agenda-january")
    assert ("APPROVE", "Recommendation for approval of the minutes of the November 16, 2021, Special Meeting of the "
                       "Board of Water and Power Commissioners.") in got
    assert any(v == "APPROVE" and t.startswith("Approval of Amendment No. 1 to Contract No. 01803") for v, t in got)
    assert any(v == "APPROVE" and t.startswith("Approval to Establish Revised Duties") for v, t in got)
    assert any(v == "APPROVE" and t.startswith("Recommends that the Board approve the Personnel") for v, t in got)
    assert any(v == "APPROVE" and t.startswith("Resolution approving Findings") for v, t in got)
    assert any(v == "CONSIDER" and t.startswith("Motion Regarding Corrective Actions") for v, t in got)
    assert not any("CONFERENCE WITH LEGAL COUNSEL" in t or t.startswith("Recommended by") for _, t in got)
    assert len(got) == 9


def test_a_stem_in_capitals_ending_in_a_colon_gives_its_verb_to_the_lettered_items_after_it():
    """LA Metro: "APPROVE:" then "A. Emilie Elias, the recommended nominee ..." to "G. Linda Briskman ..." (some set
    as headings, some as blocks); "ADOPT staff recommended position:" then "A. TBD - California Global Warming
    ..."; under "CONSIDER:" the items keep their own verbs ("B. ADOPT the Measure M Master Guidelines")."""
    got = decisions("la-metro_2017_executive-management-committee-agenda-june")
    nominees = [t for v, t in got if v == "APPROVE" and ", the recommended nominee for" in t]
    assert [t.split(",")[0] for t in nominees] == ["Emilie Elias", "Carlos Bohorquez", "Ryan Campbell", "Scott Hood",
                                                   "Kyungwoo Kris Kim", "Virginia Tanzmann", "Linda Briskman"]
    assert any(v == "ADOPT" and t.startswith("TBD - California Global Warming Solutions Act") for v, t in got)
    assert not any(v == "CONSIDER" for v, _ in got)


def test_a_roll_table_with_each_roles_initials_in_brackets_defines_them():
    """Garelochhead 2016: "PRESENT: Watson Robinson / Adam Rodger ..." beside "Convenor(WR) Secretary(AR) ...
    A & B Councillor(RMc)", "ATTENDING Russell White ..." beside "Police-MDP (RW) ..."; "CC Member" (a role) and
    Sgt Robert Magee (no initials) define nothing."""
    got = glossary("garelochhead-cc_2016_minutes-january")
    assert got.get("AR") == "Adam Rodger"
    assert got.get("RMc") == "Robert McIntyre"
    assert got.get("DD") == "Denise Donald" and got.get("DH") == "Dorothy Hughes"
    assert got.get("RW") == "Russell White"
    assert "CC" not in got


def test_numbered_steps_that_end_with_the_body_to_act_are_one_decision():
    """Rancho Palos Verdes: "Selection of Mayor Action Required: (1) City Clerk will ask for nominations for Mayor;
    and (2) City Council to elect by majority vote." is one decision, ELECT, not ASK nor APPOINT ("Newly
    appointed Mayor will ask ...")."""
    got = decisions("rancho-palos-verdes_2022_city-council-agenda-december")
    steps = [(v, t) for v, t in got if "will ask for nominations" in t]
    assert [v for v, _ in steps] == ["ELECT", "ELECT"]
    assert all(t.startswith("(1)") and t.endswith("City Council to elect by majority vote.") for _, t in steps)


def test_an_agendas_part_in_capitals_run_into_its_request_and_its_stock_decisions_one_per_item():
    """La Habra Heights: "CONSENT CALENDAR It is recommended that items 13 through 19 be acted on by one motion"
    asks ACT; "RECOMMENDATION: Approve." printed under three items is three decisions, and so is "It is
    recommended that the City Council receive and file." under each of its items; San Diego's "DEPARTMENT
    RECOMMENDATION Recommend that the City Council Approve the Project" under items 1 and 2 is two."""
    got = decisions("la-habra-heights_2022_city-council-agenda-december")
    assert any(v == "ACT" and t.startswith("It is recommended that items 13 through 19 be acted on") for v, t in got)
    assert got.count(("APPROVE", "Approve.")) == 3
    assert got.count(("RECEIVE AND FILE", "It is recommended that the City Council receive and file.")) >= 3
    assert decisions("san-diego-planning-commission_2022_agenda-september-29").count(
        ("RECOMMEND", "Recommend that the City Council Approve the Project")) == 2


def test_guidance_that_asks_its_readers_to_bear_something_in_mind_asks_no_decision():
    assert decisions("nhs-england_2023_commissioning-policy-individual-funding-requests") == []


def test_a_term_in_lower_case_with_a_number_before_its_short_form_in_capitals():
    got = glossary("cambs-peterborough-icb_2024_dapagliflozin-empagliflozin-heart-failure-prescribing-support")
    assert got.get("T2DM") == "type 2 diabetes mellitus"
    assert got.get("T1DM") == "type 1 diabetes mellitus"
    assert got.get("DKA") == "diabetic ketoacidosis"
    assert got.get("ARB") == "angiotensin 2 receptor blockers"


def test_a_short_form_with_a_lower_case_initial_or_a_head_noun_after_the_spelled_words():
    got = glossary("leeds-teaching-hospitals-uol_2020_shared-research-innovation-strategy")
    assert got.get("eFI") == "Electronic Frailty Index"
    assert got.get("CMR") == "cardiac magnetic resonance scan"


def test_a_bills_number_in_a_quoted_short_form():
    """Lomita: 'in accordance with Assembly Bill 361 (“AB 361”)'."""
    assert glossary("lomita_2022_city-council-agenda-december").get("AB 361") == "Assembly Bill 361"


def test_prose_under_a_terminology_heading_is_no_abbreviations_table():
    """AGIMO: under "Use correct terminology", "SMEs will typically come from web, usability, design, ICT,
    communications, or technical teams, but may also include ... teams. Involving ..." is a sentence, not the row
    "ICT communications, or technical teams ..."."""
    got = glossary("agimo-au_2013_accessibility-web-ict-procurement")
    assert not got.get("ICT", "").startswith("communications")


def test_a_list_of_short_forms_with_equals_signs_gives_the_long_forms_without_the_sign():
    """Norwalk: "LLC = Limited Liability Company LP = Limited Partnership DBA = “Doing Business As”"."""
    got = glossary("norwalk-housing-authority_2022_agenda-packet-november")
    assert got.get("LP") == "Limited Partnership" and got.get("LLC") == "Limited Liability Company"
    assert got.get("DBA") == "Doing Business As"


# ---------------------------------------------------------------- an agenda item read whole as one paragraph


def _agenda(*texts):
    from lspkit.model import Document, Paragraph, Source
    paras = tuple(Paragraph(number=str(k), text=t, page=1) for k, t in enumerate(texts, start=1))
    return Document(source=Source("agenda.pdf", "0" * 64, 1), paragraphs=paras)


def test_an_agenda_item_paragraph_gives_its_own_request_with_its_lettered_items_and_a_stock_decision_per_item():
    """The agenda segmenter sets each item as one paragraph, its title and its "RECOMMENDATION:" inside (p9-agenda):
    the decisions are read inside the paragraph as they were in blocks and headings before."""
    from lspkit.analyse.recommendations import find_recommendations
    doc = _agenda(
        "SELECT MAYOR RECOMMENDATION: It is recommended that the City Council: A. Appoint Council Member X to serve "
        "as Mayor; AND B. Appoint Council Member Y to serve as Mayor Pro Tempore.",
        "WARRANT REPORT RECOMMENDATION: Approve.",
        "TREASURER'S REPORT RECOMMENDATION: Approve.",
        "SUBJECT: MEASURE M MASTER GUIDELINES CONSIDER: A. RECEIVE AND FILE report from the Policy Advisory Council; "
        "B. ADOPT the Measure M Master Guidelines; and C. AUTHORIZE the Chief Executive Officer to enter into MOUs.",
        "SUBJECT: COMMITTEE SELECTIONS APPROVE: A. Emilie Elias, the recommended nominee for judge; B. Carlos "
        "Bohorquez, the recommended nominee for Professional.",
        "SUBJECT: LEASE OF METRO PROPERTY AUTHORIZE the Chief Executive Officer (CEO) to execute a seven (7) -year lease.",
    )
    got = [(r.number, r.verb, r.text[:20]) for r in find_recommendations(doc)]
    assert got == [
        ("1.A", "APPOINT", "Appoint Council Memb"), ("1.B", "APPOINT", "Appoint Council Memb"),
        ("2", "APPROVE", "Approve."), ("3", "APPROVE", "Approve."),
        ("4.A", "RECEIVE AND FILE", "RECEIVE AND FILE rep"), ("4.B", "ADOPT", "ADOPT the Measure M "),
        ("4.C", "AUTHORIZE", "AUTHORIZE the Chief "),
        ("5.A", "APPROVE", "Emilie Elias, the re"), ("5.B", "APPROVE", "Carlos Bohorquez, th"),
        ("6", "AUTHORIZE", "AUTHORIZE the Chief "),
    ]


def test_a_statutes_following_section_quoted_inside_the_amending_section_is_that_section():
    """"Section 10 of the principal enactment is hereby repealed and the following section is substituted therefor:-
    10. An Order ...": the section named is quoted inside the amending section (the paragraph, whose marginal notes
    carry the quoted section's), so the reference resolves to the citing section, not to a next one or nowhere."""
    from lspkit.analyse.xrefs import find_xrefs
    d = doc("sri-lanka-parliament_2022_prevention-of-terrorism-amendment-bill")
    got = [(x.from_, x.to) for x in find_xrefs(d) if x.target == "the following section"]
    assert got == [("4", ("4",)), ("11", ("11",)), ("12", ("12",))]
    assert all(any(n.startswith("\u201c") for n in d.paragraph(f).margin_notes) for f, _ in got)


def test_a_word_shouted_in_capitals_that_the_text_also_writes_is_no_acronym():
    """Norwalk Housing Authority's agenda shouts "MEETING", "MINUTES" and "WARRANTS" in its item titles; its text
    writes "meeting", "minutes" and "warrants": words, never unexpanded acronyms.  Its real ones stay."""
    shorts = {e.short for e in summary("norwalk-housing-authority_2022_agenda-packet-november").acronyms}
    assert not shorts & {"MEETING", "MINUTES", "WARRANTS"}
    assert {"LLC", "IRS", "ADA"} <= shorts
