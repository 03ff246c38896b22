"""The labelling guide's rules as model features (lspkit.nlp.rules): from the guide, scored exactly, shown as evidence."""
from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from lspkit.nlp.linear import doc_features
from lspkit.nlp.rules import RULES, describe_rule, rule_features, search_all
from lspkit.nlp.tagger import get_tagger

ROOT = Path(__file__).resolve().parent.parent
GUIDE = ROOT / "data" / "labels" / "GUIDE.md"
PREFIX = {"role": "role:", "governance": "gov:", "accountability": "acc:", "capacity": "cap:"}


def worked_cases() -> list[tuple[str, set[str]]]:
    """The guide's table of worked hard cases: (paragraph, themes)."""
    table = GUIDE.read_text(encoding="utf-8").split("## Worked hard cases")[1].split("## Coverage")[0]
    out = []
    for line in table.splitlines():
        m = re.match(r'\| "(.+?)" \| (.+?) \|', line)
        if m:
            themes = {t.strip() for t in m.group(2).split("+")} - {"none"}
            out.append((m.group(1), themes))
    return out


def test_every_worked_case_of_the_guide_fires_a_rule_of_each_of_its_themes():
    cases = worked_cases()
    assert len(cases) >= 15
    for text, themes in cases:
        fired = [f.split(":", 1)[1] for f in rule_features(text)]
        for theme in themes:
            assert any(r.startswith(PREFIX[theme]) for r in fired), (text, theme, fired)
        if not themes:  # a "none" case is a trap or a procedural paragraph, and the guide's rule says which
            assert any(r.startswith(("trap:", "none:")) for r in fired), (text, fired)


def test_traps_are_told_apart_from_the_theme():
    assert "@rule:trap:physical-capacity" in rule_features("The Waste Plan must identify 2.1 million tonnes of landfill capacity to 2030.")
    assert "@rule:trap:physical-capacity" in rule_features("In his capacity as Chairman he thanked the members.")
    assert "@rule:trap:physical-capacity" not in rule_features("The Partnership lacks the capacity to commission services.")
    assert "@rule:trap:role-title" in rule_features("The Director of Public Health role will transfer to the council in April.")
    assert "@rule:trap:plan-making" in rule_features("The Inspector's main modification MM12 deletes Policy H4.")


def test_rule_offsets_point_at_the_words_that_fired():
    text = "Decisions on grants under £50,000 are delegated to the Director of Finance."
    for feature, (a, b) in rule_features(text).items():
        assert 0 <= a < b <= len(text), feature
    a, b = rule_features(text)["@rule:gov:delegation"]
    assert text[a:b] == "delegated"
    assert describe_rule("@rule:gov:delegation").startswith("guide rule gov:delegation: ")
    assert set(RULES) >= {"gov:delegation", "acc:scrutiny-call-in", "cap:staffing", "trap:plan-making"}


def test_trying_rules_only_where_their_words_start_finds_what_searching_the_whole_text_finds():
    """The tagger tries a rule only at tokens that begin as its _STARTS (speed); on every labelled
    paragraph and every quoted example of the guide that finds exactly the first match a search finds.
    (A web address is one token to the tokenizer: a rule inside it is not tried, so those are left out.)"""
    texts = [json.loads(x)["text"] for x in (ROOT / "data" / "labels" / "real" / "paragraphs.jsonl").read_text().splitlines() if x.strip()]
    texts += [json.loads(x)["text"] for x in (ROOT / "data" / "labels" / "gold.jsonl").read_text().splitlines() if x.strip()]
    texts += re.findall(r'"([^"]{20,})"', GUIDE.read_text(encoding="utf-8"))
    from lspkit.nlp.linear import feature_docs

    checked = fired = 0
    for text, doc in zip(texts, feature_docs(texts)):
        if "://" in text:
            continue
        found = rule_features(text, doc)
        assert found == search_all(text), text[:80]
        checked += 1
        fired += len(found)
    assert checked > 1200 and fired > 1000


@pytest.fixture(scope="module")
def tagger():
    return get_tagger()


def test_shipped_model_uses_the_rules_and_scores_them_as_features(tagger):
    """The tagger's fast path (score_doc with the rules) gives exactly the plain score of words + rules."""
    model = tagger.nlp.get_pipe("lsp_themes").model
    assert model.uses_rules and any(f.startswith("@rule:") for f in model.weights)
    rows = [json.loads(x) for x in (ROOT / "data" / "labels" / "real" / "paragraphs.jsonl").read_text().splitlines() if x.strip()]
    texts = [r["text"] for r in rows[::7]]
    fired = 0
    for doc in tagger.nlp.pipe(texts):
        rules = rule_features(doc.text, doc)
        plain, _known = model.score({**doc_features(doc), **rules})
        fast, known, n, offsets = model.score_doc(doc, rules=rules)
        assert fast == plain
        fired += sum(1 for f, _ws in known if isinstance(f, str) and f.startswith("@rule:"))
        for f, _ws in known:
            if isinstance(f, str) and f.startswith("@rule:"):
                assert offsets[f] == rules[f]
    assert fired > 50


def test_explain_names_the_guide_rule_that_fired(tagger):
    text = "The quorum of the Panel shall be three, of whom one must be an independent member."
    [tags] = tagger.tag_texts([("1", text)])
    gov = next(h for h in tags.themes if h.theme == "governance")
    rules = [e for e in gov.evidence if e.via == "model:rule"]
    assert rules, gov.evidence
    assert any(e.term.startswith("guide rule gov:quorum-membership-chair") and text[e.start:e.end] == e.text == "quorum" for e in rules)
    # a trap counts against every theme: plan-making narrative gets no theme from its rule
    [plan] = tagger.tag_texts([("1", "The Inspector concludes that, with the main modifications, the Plan is sound and legally compliant.")])
    assert not plan.themes
