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


# ---------------------------------------------------------------- definitions as real papers print them


def defs(text):
    from lspkit.nlp.acronyms import find_definitions

    return {short: (long, how) for short, long, how, _s, _e in find_definitions(text)}


def test_mixed_case_short_forms_take_lower_case_letters_from_inside_a_word():
    got = defs("Policy CC2 Sustainable Drainage Systems (SuDS) applies. An Equality Impact Assessment (EqIA) "
               "and Wastewater Treatment Works (WwTWs). The Department for Environment, Food and Rural Affairs "
               "(Defra) agreed; a Zone of Influence (ZoI).")
    # spelled letter by letter ("parenthesis"), not a name sharing some of them ("name")
    assert got["SuDS"] == ("Sustainable Drainage Systems", "parenthesis")
    assert got["EqIA"] == ("Equality Impact Assessment", "parenthesis")
    assert got["WwTW"] == ("Wastewater Treatment Works", "parenthesis")  # "Works" is one works: no "Work"
    assert got["Defra"][0] == "Department for Environment, Food and Rural Affairs"
    assert got["ZoI"][0] == "Zone of Influence"


def test_a_word_in_brackets_is_no_short_form_unless_the_capitals_before_it_spell_it():
    assert defs("the scheme was agreed by the Parish Council (Note) and the Chair (Apologies).") == {}


def test_formulas_are_defined_by_a_chemicals_name():
    got = defs("oxides of nitrogen (NOx), ammonia (NH3) and Sulphur dioxide (SO2); Ozone (O3) and nitrogen "
               "dioxide (NO2). The Council (CO2) met.")
    assert got == {"NOx": ("oxides of nitrogen", "parenthesis"), "NH3": ("ammonia", "parenthesis"),
                   "SO2": ("Sulphur dioxide", "parenthesis"), "O3": ("Ozone", "parenthesis"),
                   "NO2": ("nitrogen dioxide", "parenthesis")}


def test_bracket_styles_dots_quotes_for_short_possessive_and_numbers():
    got = defs("a response from Carmarthenshire County Council’s (C.C.C.) officers; the Statement of Community "
               "Involvement (or SCI for short); the red-throated diver implementation and monitoring plan (the "
               "“RTDIMP”); the Planning Act 2008 (“the PA2008”); East Anglia TWO (“EA2”); the Planning "
               "Inspectorate’s (PINS) website; No Adastral New Town Ltd (NANT) v Suffolk; Hot Food Takeaway "
               "Supplementary Planning Document (HFT SPD) and ancient semi-natural woodland (ASNW).")
    assert got["C.C.C."][0] == "Carmarthenshire County Council"
    assert got["SCI"][0] == "Statement of Community Involvement"
    assert got["RTDIMP"][0] == "red-throated diver implementation and monitoring plan"
    assert got["PA2008"][0] == "Planning Act 2008" and got["EA2"][0] == "East Anglia TWO"
    assert got["NANT"] == ("No Adastral New Town Ltd", "parenthesis")
    assert got["HFT SPD"][0] == "Hot Food Takeaway Supplementary Planning Document"
    assert got["ASNW"][0] == "ancient semi-natural woodland"


def test_a_name_whose_letters_come_in_another_order_and_one_long_word():
    got = defs("the practices of the Thailand Railways Board (SRT); mayors from the Peace and Democracy Party "
               "(BDP); no National Institute for Health and Clinical Excellence (NICE) treatment; the National "
               "Telecommunications and Information Administration of the Department of Commerce (NTIA) and "
               "the rise in tuberculosis (TB) cases.")
    assert got["SRT"] == ("Thailand Railways Board", "name")
    assert got["BDP"] == ("Peace and Democracy Party", "name")
    assert got["NICE"][0] == "National Institute for Health and Clinical Excellence"
    assert got["NTIA"][0] == "National Telecommunications and Information Administration"
    assert got["TB"][0] == "tuberculosis"


def test_a_name_is_joined_by_of_and_for_never_by_in_and_shares_two_thirds_of_the_letters():
    got = defs("the requirements of the Sweetman 2 Judgment in the European Court of Justice (CJEU) and the "
               "Planning Inspectorate (PINS).")
    assert got["CJEU"] == ("European Court of Justice", "name")
    assert got["PINS"] == ("Planning Inspectorate", "parenthesis")  # INS: the first letters of Inspectorate
    # two columns read across each other: half the letters is no name
    assert defs("documents such as a Flight Crew export certificate of airworthiness on or Operations Manual (FCOM)") == {}


def test_no_definition_across_a_number_a_bracket_or_a_sentence():
    assert defs("a Draft Infrastructure Delivery Plan 2018-2033 (IDP) and Local Plan Review (see paragraph 5) "
                "(LPR). Members met. Highways (MH) and the chair (XYZ).") == {}


def test_a_footnote_mark_between_the_long_form_and_its_bracket():
    assert defs("studies have determined ‘Critical Loads’ 14 (CLs) of deposition")["CL"][0] == "Critical Load"


def test_species_and_series_are_no_plurals():
    from lspkit.nlp.acronyms import singular

    assert singular("European Protected Species") == "European Protected Species"
    assert singular("Local Strategic Partnerships", True) == "Local Strategic Partnership"
    assert singular("Sustainable Community Strategies") == "Sustainable Community Strategy"


def test_reverse_definitions_with_an_article_or_quotes_and_an_ampersand():
    assert defs("the LPA (the Local Planning Authority) agreed")["LPA"] == ("Local Planning Authority", "reverse")
    assert defs("the LPA (“Local Planning Authority”) agreed")["LPA"] == ("Local Planning Authority", "reverse")
    assert defs("attendances at Accident and Emergency (A&E) rose")["A&E"][0] == "Accident and Emergency"
    assert defs("The Cabinet is asked to (ENDORSE) the plan; Mr J Smith (MRTPI); Annex (IV); Policy (H12).") == {}


def test_a_short_form_with_a_number_carries_a_year_a_section_or_a_number_word_never_a_codes_number():
    assert defs("a Section 106 (S106) agreement")["S106"][0] == "Section 106"
    assert defs("the Planning Act 2008 (PA2008) and East Anglia TWO (EA2)")["EA2"][0] == "East Anglia TWO"
    assert defs("Main Modification 12 (MM12), see Appendix 2 (A2), in Zone 3 (Z3), Policy H12 (H12)") == {}


def test_candidate_patterns_find_what_their_look_behind_form_finds():
    """_CANDIDATE and _REVERSE check "no letter, digit or & before the capital" after the capital (so the pattern
    starts with a class the engine can jump to); on the labelled paragraphs and on random strings of capitals,
    letters, digits, "&", brackets and line ends, every match and group is the look-behind form's."""
    import json
    import random
    import re
    from pathlib import Path

    from lspkit.nlp import acronyms

    reference = {
        acronyms._CANDIDATE: re.compile(r"(?<![A-Za-z0-9&])([A-Z][A-Za-z&]{1,9})(?![A-Za-z0-9&])"),
        acronyms._REVERSE: re.compile(r"(?<![A-Za-z0-9&])([A-Z][A-Za-z&]{1,9})\s*\(\s*([^()]{3,150}?)\s*\)"),
    }
    texts = []
    for line in (Path(__file__).resolve().parent.parent / "data" / "labels" / "gold.jsonl").read_text(encoding="utf-8").splitlines():
        if line.strip():
            texts.append(json.loads(line)["text"])
    rng = random.Random(7)
    texts += ["".join(rng.choice("ABZabz09&( )\n.-É") for _ in range(rng.randint(0, 30))) for _ in range(20_000)]
    found = 0
    for fast, plain in reference.items():
        for text in texts:
            got = [(m.span(), m.regs) for m in fast.finditer(text)]
            assert got == [(m.span(), m.regs) for m in plain.finditer(text)], text
            found += len(got)
    assert found > 1000


def test_uses_found_by_the_two_capitals_pattern_as_by_every_candidate():
    """find_uses reads _USE (a _CANDIDATE token with a second capital) instead of every _CANDIDATE token, whose ones
    with a single capital acronym_base always refused: the same uses on the labelled paragraphs and random strings."""
    import json
    import random
    from pathlib import Path

    from lspkit.nlp import acronyms

    def plain(text):  # find_uses as it was: every candidate token, "Council" and "The" turned away one by one
        out = []
        for m in acronyms._CANDIDATE.finditer(text):
            base = acronyms.acronym_base(m.group(1))
            if base is None:
                continue
            before = text[max(0, m.start() - 30) : m.start()].split()
            after = text[m.end() : m.end() + 30].split()
            if (before and acronyms._is_shouting(before[-1])) or (after and acronyms._is_shouting(after[0])):
                continue
            out.append((m.start(), m.end(), base))
        return out

    root = Path(__file__).resolve().parent.parent / "data" / "labels"
    texts = [json.loads(line)["text"] for f in ("gold.jsonl", "real/paragraphs.jsonl") for line in (root / f).read_text(encoding="utf-8").splitlines() if line.strip()]
    rng = random.Random(11)
    texts += ["".join(rng.choice("ABSZabsz09&( )\n.-É") for _ in range(rng.randint(0, 40))) for _ in range(20_000)]
    found = 0
    for text in texts:
        got = acronyms.find_uses(text)
        assert got == plain(text), text
        found += len(got)
    assert found > 2000
