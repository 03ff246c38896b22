"""Round 16's summary mechanisms, found on round 15's blind set (a scientific committee's working paper and its
session's report, student societies' constitutions, a by-law, a warrant article cut out of a warrant, a wage
council's guidelines, a regulator's strategy, a parent council's minutes), each tried on made-up Documents from
publishers not seen: decisions an invitation asks for and a session's outcomes; recommendations another meeting made,
only reported; titles from an instrument's title block, a body's name over its kind of document, a title block's
status lines, a part's run-in caption after the article before it; glossary entries for hyphenated short forms, a term
named with its short form, a name translated; initials a roll does not print; a paper's date under a session's."""
from __future__ import annotations

import pytest
from real_util import summary

from lspkit.analyse.glossary import build_glossary
from lspkit.analyse.recommendations import find_recommendations
from lspkit.analyse.title import bad_title, find_title
from lspkit.model import Block, Document, Metadata, Paragraph, Source


def _doc(title=None, blocks=(), paragraphs=(), **meta) -> Document:
    items = {**({"title": title} if title else {}), **meta}
    return Document(source=Source(path="x.pdf", sha256="0" * 64, pages=3, title=title), metadata=Metadata(items),
                    blocks=tuple(Block(t, 1) for t in blocks), paragraphs=tuple(paragraphs))


def _glossary(*texts: str) -> dict:
    return {e.short: e.long for e in build_glossary(_doc(blocks=texts)) if e.long}


# ---------------------------------------------------------------- decisions


def test_an_invitation_set_as_a_lead_in_asks_its_items():
    d = _doc(blocks=["Our progress is set out above.", "We invite TCC19 to:",
                     "note that the audit was completed in 2025;", "review and comment on the options listed;",
                     "endorse the revised work plan.", "Background"])
    recs = find_recommendations(d)
    assert [(r.verb, r.text.split()[0]) for r in recs] == [("NOTE", "note"), ("REVIEW", "review"),
                                                             ("ENDORSE", "endorse")]


def test_an_invitation_in_prose_asks_nothing():
    d = _doc(blocks=["We invite the Minister to reconsider the funding formula, as we said last year.",
                     "note that the audit was completed in 2025;"])
    assert find_recommendations(d) == ()


def _outcome(number, text, heading="Outcomes"):
    return Paragraph(number, text, 4, section="4.1", heading=heading, label=number)


def test_a_sessions_outcomes_are_the_decisions_it_took():
    d = _doc(paragraphs=[
        _outcome("40", "Japan thanked the secretariat for the paper.", "Discussion"),
        _outcome("41", "TCC19 noted the progress made on the register."),
        _outcome("42", "The report of the small group is included as Attachment C."),
        _outcome("43", "IWG-02 provided the following work areas: data, models."),
        _outcome("44", "TCC19 recommended the secretariat to publish the register annually."),
    ])
    recs = find_recommendations(d)
    assert [(r.number, r.verb, r.kind) for r in recs] == [("41", "NOTED", "decision"), ("44", "RECOMMENDED", "decision")]


def test_paragraphs_under_another_heading_or_with_no_session_are_no_outcomes():
    discussion = _doc(paragraphs=[_outcome("41", "TCC19 noted the progress.", "Discussion"),
                                  _outcome("42", "TCC19 recommended a review.", "Discussion")])
    assert find_recommendations(discussion) == ()
    mixed = _doc(paragraphs=[_outcome("41", "Japan noted the progress."), _outcome("42", "Korea supported it.")])
    assert find_recommendations(mixed) == ()


def test_recommendations_another_meeting_made_are_reported_not_asked():
    run = [Paragraph(str(n), t, 2, label=str(n)) for n, t in
           [(1, "Adopt the new platform for all assessments."), (2, "Review the tagging model annually.")]]
    reported = _doc(blocks=["The following recommendations emerged from the discussions at the expert workshop:"],
                    paragraphs=run)
    assert find_recommendations(reported) == ()
    ours = _doc(blocks=["Our recommendations are set out below:"], paragraphs=run)
    assert [r.verb for r in find_recommendations(ours)] == ["ADOPT", "REVIEW"]


# ---------------------------------------------------------------- titles


def test_an_instruments_title_block_names_its_number_and_long_title():
    d = _doc("The Corporation of the Town of Northbrook BY-LAW Number 2020-14 A bylaw to regulate parking on "
             "municipal lots WHEREAS the Municipal Act authorizes Council to")
    assert find_title(d) == "BY-LAW Number 2020-14: A bylaw to regulate parking on municipal lots"


def test_a_bodys_name_over_its_kind_of_document_is_no_dated_issue():
    d = _doc("Northbrook Chess Society", subtitle="CONSTITUTION", date="2025-07-30")
    assert find_title(d) == "Northbrook Chess Society Constitution"
    series = _doc("Northbrook Chess Society", subtitle="Newsletter", date="2025-07-30")
    assert find_title(series) == "Newsletter, 30 July 2025"


def test_a_title_blocks_status_lines_are_no_part_of_the_title():
    d = _doc("Constitution of the Northbrook Radio Club (NRC) Club founded March 2021 Constitution amended May 2024")
    assert find_title(d) == "Constitution of the Northbrook Radio Club (NRC)"
    assert find_title(_doc("Local Plan Review Adopted 12 May 2020")) == "Local Plan Review"
    assert find_title(_doc("Housing Strategy 2024")) == "Housing Strategy 2024"


def test_a_parts_caption_run_into_its_text_on_page_1():
    d = _doc(blocks=["ARTICLE 12: Transfer of funds To see if the Town will vote to transfer a sum of money.",
                     "Amendment #1"])
    assert find_title(d) == "Article 12: Transfer of funds"
    d = _doc(blocks=["ARTICLE 4: Amend Zoning Bylaw - Overlay District To see if the Town will vote to amend ..."])
    assert find_title(d) == "Article 4: Amend Zoning Bylaw - Overlay District"


def test_the_article_before_cut_out_with_it_is_no_title():
    """A warrant's article cut out of the warrant: the tail of the article before it comes first (a sentence, then
    its closing formula), then the article's own number and caption."""
    d = _doc("Conservation Commission for the purchase of vacant land, or to reimburse the Town for sums of money "
             "expended for such purposes or both. Sponsored by the Conservation Commission.",
             blocks=["or take any other action relative thereto.",
                     "ARTICLE 4: Amend Zoning Bylaw - Overlay District To see if the Town will vote to amend ...",
                     "Amendment #1"])
    assert find_title(d) == "Article 4: Amend Zoning Bylaw - Overlay District"
    assert bad_title("Conservation Commission for the purchase of vacant land and other purposes or both. Sponsored "
                     "by the Conservation Commission.")
    assert not bad_title("Report of the Independent Review of Children's Social Care in England, 2022")


# ---------------------------------------------------------------- glossary


def test_hyphenated_short_forms_and_a_name_of_parts():
    g = _glossary("The economy grew by 4.4% on a year-on-year (y-o-y) basis.",
                  "In 2020 the Tripartite Workgroup on Lower-Wage Workers (TWG-LWW) recommended a model.",
                  "The lead developer of MULTIFAN-CL (MFCL) retired.")
    assert g["y-o-y"] == "year-on-year"
    assert g["TWG-LWW"] == "Tripartite Workgroup on Lower-Wage Workers"
    assert g["MFCL"] == "MULTIFAN-CL"


def test_a_term_named_with_its_short_form_and_a_name_translated():
    g = _glossary("Results exceed the maximum amounts (called a maximum acceptable value or MAV) under the Standards.",
                  "Work with DTU (Technical University of Denmark) began in May.")
    assert g["MAV"] == "maximum acceptable value"
    assert g["DTU"] == "Technical University of Denmark"
    assert "ABC" not in _glossary("Work with ABC (Technical University of Denmark) began in May.")


def test_a_name_run_stops_where_two_names_are_joined():
    g = _glossary("under the Water Services Regulations 2022 and the Drinking Water Quality Assurance Rules 2022 "
                  "(the Rules). The Rules apply.")
    assert g["Rules"] == "Drinking Water Quality Assurance Rules 2022"


def test_initials_the_roll_does_not_print_are_not_spelt_out():
    """Minutes that call people by initials their roll never prints ("Present: Helen Brown (Head Teacher), ..."
    then "HB thanked PM"): the glossary does not guess who HB is; a roll that prints each name with its initials
    ("Catherine Chisholm CC") defines them."""
    guessed = _glossary("Present: Alan Bonnyman (Chair), Helen Brown (Head Teacher), Paddy Morrison (Afty)",
                        "PM thanked all the staff of the school for their support over the last year and HB thanked "
                        "PM for all his work.")
    assert "HB" not in guessed and "PM" not in guessed
    printed = _glossary("Present: Catherine Chisholm Jim Fullarton", "CC Kenny Combe KC JF")
    assert printed.get("CC") == "Catherine Chisholm" and printed.get("JF") == "Jim Fullarton"


# ---------------------------------------------------------------- round 15's blind papers


def test_round15_working_paper_asks_what_it_invites_and_dates_itself():
    s = summary("spc-ofp_2024_project123-progress-report-sc20-final")
    assert [r.verb for r in s.recommendations] == ["NOTE", "NOTE", "REVIEW", "CONSIDER", "PROMOTE"]
    assert s.metadata.get("date") == "2024-08-05"  # not the session's last day, 21 August


def test_round15_session_report_outcomes_and_the_draft_reports_none():
    s = summary("wcpfc_2025_sc21-summary-report-project123-extract")
    assert [(r.number, r.verb) for r in s.recommendations] == [("192", "THANKED"), ("193", "NOTED"),
                                                               ("194", "RECOMMENDED"), ("197", "ENCOURAGED")]
    assert summary("spc-ofp_2024_project123-progress-report-sc20-draft").recommendations == ()


def test_round15_cover_date_is_no_paragraph():
    s = summary("cucats_2025_constitution-9-july")
    assert s.metadata.get("date") == "2025-07-09"  # "9 July 2025" under the title: a date, not paragraph 9


@pytest.mark.parametrize("name, want", [
    ("city-of-belleville_2019_bylaw-2019-81-water-wastewater-rates",
     "BY-LAW Number 2019-81: A bylaw to establish rates and procedures for water and wastewater"),
    ("cucats_2025_constitution-30-july", "Cambridge University Computing and Technology Society Constitution"),
    ("town-of-marblehead_2026_warrant-article-4-3a-multifamily-overlay",
     "Article 4: Amend Zoning Bylaw - 3A Multi-Family Overlay District"),
])
def test_round15_blind_titles(name, want):
    assert summary(name).title == want


def test_round15_blind_title_without_status_lines():
    """GUWS April's title block: the title, its callsigns line (set in a slanted italic, read since p16-seg-a, as the
    February copy's is) and two status lines, "Society founded January 2023" / "Constitution emended April 2023",
    which are no part of the title."""
    title = summary("guws_2023_constitution-amended-april").title
    assert title.startswith("Constitution of the Glasgow University Wireless Society (GUWS)")
    assert "founded" not in title and "emended" not in title
