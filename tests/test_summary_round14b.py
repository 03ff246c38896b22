"""A meeting's record in the summary: its decisions are decisions taken, headed "Decisions" (not asks, so not
"Recommendations"), and one whose words are only its verb ("Question put and agreed to.") is read once, in every
format; the glossary's definitions that many papers share (a table with the short form in its own column, short forms
with digits or hyphens, "X means Y")."""
from __future__ import annotations

import json
from dataclasses import replace

import pytest
from real_util import summary

from lspkit.render.summary import render

DEBATE = "oireachtas_2015_dail-debate-24-april"


def _formats(s):
    return {fmt: render(s, fmt, **({"width": 100} if fmt == "terminal" else {}))
            for fmt in ("terminal", "markdown", "html")}


def test_a_decision_that_is_only_its_verb_is_read_once_in_every_format():
    s = summary(DEBATE)
    put = [r for r in s.recommendations if r.verb == "Question put and agreed to"]
    assert len(put) == 1 and put[0].text == "Question put and agreed to."
    for fmt, out in _formats(s).items():
        assert out.count("Question put and agreed to") == 1, fmt
    # a motion's words are not its verb: shown
    assert all("That the Bill be now read a Second Time." in out for out in _formats(s).values())
    # JSON keeps both fields
    (item,) = [r for r in json.loads(render(s, "json"))["recommendations"] if r["verb"] == "Question put and agreed to"]
    assert item["text"] == "Question put and agreed to." and item["kind"] == "decision"


def test_a_meetings_record_heads_its_decisions_decisions():
    s = summary(DEBATE)
    assert {r.kind for r in s.recommendations} == {"decision"}
    out = _formats(s)
    assert "## Decisions" in out["markdown"] and "## Recommendations" not in out["markdown"]
    assert "<h2>Decisions</h2>" in out["html"] and ">Recommendations<" not in out["html"]
    assert "Decisions" in out["terminal"] and "Recommendations" not in out["terminal"]
    minutes = summary("hertingfordbury-pc_2009_minutes-november")
    assert "## Decisions" in render(minutes, "markdown")


def test_a_paper_that_asks_keeps_recommendations_and_a_mixed_one_says_both():
    s = summary("coventry-cc_2018_air-quality-spd-revised-draft-cabinet-member-report")
    assert s.recommendations and {r.kind for r in s.recommendations} == {"recommendation"}
    assert "## Recommendations" in render(s, "markdown")
    assert [r["kind"] for r in json.loads(render(s, "json"))["recommendations"]] == ["recommendation"] * 2
    mixed = replace(s, recommendations=s.recommendations + summary(DEBATE).recommendations[:1])
    assert "## Recommendations and decisions" in render(mixed, "markdown")


def test_the_kind_survives_a_round_trip_and_old_json_reads_as_asked():
    from lspkit.analyse.summary import Summary

    s = summary(DEBATE)
    d = s.to_dict()
    assert [r.kind for r in Summary.from_dict(d).recommendations] == [r.kind for r in s.recommendations]
    for r in d["recommendations"]:
        del r["kind"]
    assert {r.kind for r in Summary.from_dict(d).recommendations} == {"recommendation"}


def _glossary(name):
    return {e.short: e.long for e in summary(name).acronyms}


def test_a_short_form_with_a_hyphen_or_a_number_is_the_initials_of_the_words_before_it():
    fca = _glossary("fca_2023_handbook-notice-108")
    assert fca["CET1"] == "common equity tier 1"
    assert fca["K-AUM"] == "K-factor requirement for assets under management"
    assert fca["K-COH"] == "K-factor requirement for client orders handled"
    assert fca["K-DTF"] == "K-factor requirement for daily trading flow"


@pytest.mark.parametrize("text, want", [
    ("a reduction of common equity tier 1 (CET1) own funds", [("CET1", "common equity tier 1")]),
    ("the TSP service computation date (TSP-SCD) is", [("TSP-SCD", "TSP service computation date")]),
    ("the National Government Constituency Development Fund (NG-CDF) was",
     [("NG-CDF", "National Government Constituency Development Fund")]),
    # a code after words that do not spell it defines nothing
    ("as set out in paragraph 3 (MM3)", []),
    ("the figures in table 1 (AB1)", []),
    ("the method set out in the rules (K-AUM)", []),
])
def test_coded_brackets_need_the_exact_initials(text, want):
    from lspkit.analyse.glossary import _coded_brackets

    assert [(s, l) for s, l, _ in _coded_brackets([("1", text)])] == want


def test_a_flattened_abbreviations_table_keeps_its_defined_terms_apart():
    """Broxbourne's "Abbreviations used in this report", read as one line: "The Act", "Core strategy" and "Plan" are
    rows of their own (each long form repeats the term's word), not the tail of the row before."""
    g = _glossary("planning_inspectorate_2020_broxbourne_local_plan_inspector_report")
    assert g["The Act"] == "The Planning & Compulsory Purchase Act 2004 (as amended)"
    assert g["Core strategy"] == "Broxbourne Core Strategy Development Plan Document 2010"
    assert g["Plan"].startswith("Broxbourne Local Plan 2018-2033")
    assert g["ONS"] == "Office for National Statistics"


@pytest.mark.parametrize("text, terms, want", [
    ("The Act The Planning Act 2008 HRA Habitats Regulations Assessment", True,
     [("The Act", "The Planning Act 2008"), ("HRA", "Habitats Regulations Assessment")]),
    # without a definitions heading the long form is still cut where the term row starts, the term left out
    ("ONS Office for National Statistics Plan Broxbourne Local Plan 2018 PPG Planning Practice Guidance", False,
     [("ONS", "Office for National Statistics"), ("PPG", "Planning Practice Guidance")]),
    # a long form whose tail does not repeat a term's word is left whole
    ("LDF Local Development Framework Core Document PPG Planning Practice Guidance", True,
     [("LDF", "Local Development Framework Core Document"), ("PPG", "Planning Practice Guidance")]),
])
def test_term_rows_need_the_term_repeated_in_its_long_form(text, terms, want):
    from lspkit.analyse.glossary import _entries_with_terms

    assert _entries_with_terms(text, terms=terms)[0] == want


def test_a_definitions_sections_means_line_is_no_term_row():
    """Oak Bay's "Council" / "means the Municipal Council ..." (the term on a line above): "means" is no short form."""
    assert "means" not in _glossary("district-of-oak-bay_2020_bylaw-4771-advisory-planning-commission-land-use")
