"""Acronym glossary: bracketed both ways, plurals, initials found elsewhere, the spaCy component."""
from __future__ import annotations

import json
from pathlib import Path


from lspkit.nlp.acronyms import find_acronyms

ROOT = Path(__file__).resolve().parent.parent


def gloss(*texts, known=None):
    g = find_acronyms([(str(i + 1), t) for i, t in enumerate(texts)], known=known)
    return {a.short: (a.long, a.first, a.how) for a in g.entries}, {u.short: u.first for u in g.unexpanded}


def test_forward_and_reverse_definitions():
    got, _ = gloss("The Local Area Agreement (LAA) sets targets.", "The LDF (Local Development Framework) follows.")
    assert got["LAA"] == ("Local Area Agreement", "1", "parenthesis")
    assert got["LDF"] == ("Local Development Framework", "2", "reverse")


def test_plural_acronym_and_plural_long_form():
    got, _ = gloss(
        "the role of Local Strategic Partnerships (LSPs) and Sustainable Community Strategies (SCS);",
        "Each LSP will prepare an SCS.",
    )
    assert got["LSP"][0] == "Local Strategic Partnership"
    assert got["SCS"][0] == "Sustainable Community Strategy"


def test_ampersand_and_of_the_and_lower_case_letters():
    got, _ = gloss(
        "Crime & Disorder Reduction Partnerships (CDRPs) and Overview & Scrutiny (O&S) panels.",
        "The Department for Education and Skills (DfES) agreed.",
    )
    assert got["CDRP"][0] == "Crime & Disorder Reduction Partnership"
    assert got["O&S"][0] == "Overview & Scrutiny"
    assert got["DfES"][0] == "Department for Education and Skills"  # 'Skills' keeps its s


def test_initials_found_across_paragraphs():
    got, unexpanded = gloss(
        "a consultation paper issued by the Office of the Deputy Prime Minister.",
        "Partners will submit their own comments to the ODPM.",
    )
    assert got["ODPM"] == ("Office of the Deputy Prime Minister", "1", "initials")
    assert not unexpanded


def test_known_list_is_last_resort_and_unexpanded_reported():
    got, unexpanded = gloss("The PCT and the XYZ met.", known={"PCT": "Primary Care Trust"})
    assert got["PCT"] == ("Primary Care Trust", "1", "known")
    assert unexpanded == {"XYZ": "1"}


def test_headings_in_capitals_and_roman_numerals_are_not_acronyms():
    got, unexpanded = gloss("THE ROLE OF LSPs AND SUSTAINABLE COMMUNITY STRATEGIES", "See part II and (iv).")
    assert not got and not unexpanded


def test_no_text_no_glossary():
    assert find_acronyms([]).entries == ()
    assert find_acronyms([("1", "")]).to_dict() == {"entries": [], "unexpanded": []}


def test_head_of_policy_report_glossary():
    gold = json.loads((ROOT / "data" / "head-of-policy-report.gold.json").read_text())
    g = find_acronyms([(p["number"], p["text"]) for p in gold["paragraphs"]])
    got = {a.short: a.long for a in g.entries}
    assert got == {
        "ODPM": "Office of the Deputy Prime Minister",
        "LSP": "Local Strategic Partnership",
        "SCS": "Sustainable Community Strategy",
        "HSP": "Huntingdonshire Strategic Partnership",
        "LAA": "Local Area Agreement",
    }
    assert g.get("ODPM").first == "1.1" and g.get("LAA").first == "2.1"
    assert not g.unexpanded


def test_spacy_component_marks_uses_and_definitions():
    import spacy

    from lspkit.nlp.pipeline import register_components

    register_components()
    nlp = spacy.blank("en")
    nlp.add_pipe("lsp_acronyms")
    doc = nlp("The Local Area Agreement (LAA) matters. Both LAAs were signed.")
    assert [(s.text, s.label_) for s in doc.spans["acronyms"]] == [("LAA", "LAA"), ("LAAs", "LAA")]
    assert [s.text for s in doc.spans["acronyms_definitions"]] == ["LAA"]
    assert doc._.acronyms.get("LAA").long == "Local Area Agreement"
    # registering again (re-import) is harmless
    register_components()
