"""tag_document: multi-label scores with evidence, acronyms, heading prior, false friends, bad input.

These pin the weighted lexicon's mechanics, so they tag with model="none"; the default
(lexicon blended with the shipped model) is tested in test_crossval.py.
"""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from lspkit.infra.errors import ConfigError
from lspkit.model import Document, Paragraph, Section, Source
from lspkit.nlp.tagger import Tagger, get_tagger, tag_document
from lspkit.nlp.taxonomy import default_taxonomy_path, load_taxonomy, parse_taxonomy

ROOT = Path(__file__).resolve().parent.parent


def doc(*paras, sections=()):
    ps = []
    for i, p in enumerate(paras, 1):
        if isinstance(p, str):
            p = Paragraph(str(i), p, 1)
        ps.append(p)
    return Document(Source("test.txt", "0" * 64, 1), sections=tuple(sections), paragraphs=tuple(ps))


def tag_lexicon(document, *args, **kw):
    return tag_document(document, *args, model="none", **kw)


def themes_of(tagged, number):
    return [h.theme for h in tagged.tags(number).themes]


@pytest.fixture(scope="module")
def hop():
    gold = json.loads((ROOT / "data" / "head-of-policy-report.gold.json").read_text())
    paras = tuple(
        Paragraph(p["number"], p["text"], p["page"], section=p["section"], heading=p["heading"]) for p in gold["paragraphs"]
    )
    d = Document(Source("head-of-policy-report.pdf", "0" * 64, 3), paragraphs=paras)
    return tag_lexicon(d)


def test_shape_order_scores_and_offsets(hop):
    assert [p.number for p in hop.paragraphs] == [p.number for p in hop.document.paragraphs]
    for tags, para in zip(hop.paragraphs, hop.document.paragraphs):
        assert set(tags.scores) == {"role", "governance", "accountability", "capacity"}
        assert all(0.0 <= s <= 1.0 for s in tags.scores.values())
        assert [h.score for h in tags.themes] == sorted((h.score for h in tags.themes), reverse=True)
        assert all(h.score >= hop.min_score for h in tags.themes)
        for h in tags.themes:
            assert h.evidence
            for e in h.evidence:
                assert para.text[e.start : e.end] == e.text
    d = hop.to_dict()
    json.dumps(d)
    assert d["paragraphs"][0]["number"] == "1.1"


def test_head_of_policy_report_sections(hop):
    assert themes_of(hop, "3.4")[0] == "role"
    assert themes_of(hop, "4.2")[0] == "governance"
    assert themes_of(hop, "5.4") == ["accountability"]
    assert themes_of(hop, "6.2") == ["capacity"]
    assert themes_of(hop, "8.1") == []  # the recommendation is procedural
    # the table of contents names the themes but is about none of them
    assert not {"governance", "accountability", "capacity"} & set(themes_of(hop, "1.2"))


def test_acronym_counts_as_its_long_form(hop):
    hits = {h.theme: h for h in hop.tags("3.5").themes}
    via = [e for e in hits["role"].evidence if e.via == "acronym:LAA"]
    assert via and via[0].text == "LAA" and via[0].term == "local area agreement"
    assert hop.glossary.get("LAA").long == "Local Area Agreement"


def test_definition_site_is_not_counted_twice():
    t = tag_lexicon(doc("Delivering the Local Area Agreement (LAA) is the aim."))
    role = t.paragraphs[0].scores and {h.theme: h for h in t.paragraphs[0].themes}.get("role")
    evidence = [e for h in t.paragraphs[0].themes for e in h.evidence] if role is None else role.evidence
    assert not any(e.via == "acronym:LAA" for e in evidence)


def test_inflections_match():
    t = tag_lexicon(doc("Members will be scrutinising the plans; the panel scrutinised them last year."))
    hit = t.paragraphs[0].themes[0]
    assert hit.theme == "accountability"
    assert {e.text for e in hit.evidence} >= {"scrutinising", "scrutinised"}


def test_multi_label_and_none():
    t = tag_lexicon(
        doc(
            "The executive board and thematic partnerships need skills, training and core funding to work.",
            "The meeting will be held on 12 May at 7pm in the Council Chamber.",
        )
    )
    assert set(themes_of(t, "1")) == {"governance", "capacity"}
    assert themes_of(t, "2") == []


def test_heading_is_a_prior_not_an_override():
    text = "Partners lack the skills, staffing and funding to run the partnership; training is needed."
    sections = (Section("4", "GOVERNANCE", 1),)
    t = tag_lexicon(doc(Paragraph("4.1", text, 1, section="4"), sections=sections))
    assert themes_of(t, "4.1") == ["capacity"]  # not governance, though the section is
    # a heading adds its prior only where the paragraph has evidence of its own
    gov = Paragraph("4.2", "Membership of the board is set out in the terms of reference.", 1, section="4")
    plain = tag_lexicon(doc(Paragraph("4.2", gov.text, 1)))
    headed = tag_lexicon(doc(gov, sections=sections))
    h = headed.paragraphs[0].themes[0]
    assert h.theme == "governance" and h.prior > 0
    assert headed.paragraphs[0].scores["governance"] > plain.paragraphs[0].scores["governance"]
    assert headed.paragraphs[0].scores["capacity"] == 0.0


@pytest.mark.parametrize(
    "text, theme",
    [
        ("Landfill capacity in the county will run out by 2012 and storage capacity is limited.", "capacity"),
        ("Cllr Smith attended in his capacity as chair of the trust.", "capacity"),
        ("The auditor reviewed the statement of accounts and financial accountability arrangements.", "accountability"),
        ("The Head of Policy job role and role profile have been revised by Personnel.", "role"),
    ],
)
def test_false_friends(text, theme):
    t = tag_lexicon(doc(text))
    assert theme not in themes_of(t, "1"), t.paragraphs[0].to_dict()


def test_min_score_threshold():
    d = doc("The board should consider representation and membership.")
    low = tag_lexicon(d, min_score=0.0)
    high = tag_lexicon(d, min_score=1.0)
    assert "governance" in themes_of(low, "1")
    assert themes_of(high, "1") == []
    assert low.paragraphs[0].scores == high.paragraphs[0].scores
    with pytest.raises(ConfigError):
        tag_lexicon(d, min_score=1.5)


def test_empty_document():
    t = tag_lexicon(doc())
    assert t.paragraphs == () and t.glossary.entries == ()
    assert json.loads(json.dumps(t.to_dict()))["paragraphs"] == []


def test_empty_paragraph_text():
    t = tag_lexicon(doc(""))
    assert t.paragraphs[0].themes == () and set(t.paragraphs[0].scores.values()) == {0.0}


def test_paragraph_of_100000_characters():
    text = ("Performance management and overview and scrutiny hold partners to account. " * 1400)[:100_000]
    t = tag_lexicon(doc(text))
    assert themes_of(t, "1") == ["accountability"]
    assert 0.0 < t.paragraphs[0].scores["accountability"] <= 1.0


def test_non_english_text():
    t = tag_lexicon(
        doc(
            "Le partenariat stratégique local doit améliorer la gouvernance.",
            "地方战略伙伴关系的作用和治理。",
            "Τοπικές στρατηγικές συνεργασίες και λογοδοσία.",
        )
    )
    assert all(p.themes == () for p in t.paragraphs)


def test_taxonomy_with_no_terms_is_a_clear_error():
    with pytest.raises(ConfigError, match="has no terms"):
        parse_taxonomy("themes:\n  a:\n    terms: []\n")


def test_second_taxonomy_generalises():
    laa = load_taxonomy(str(default_taxonomy_path("laa-blocks.yaml")))
    t = tag_lexicon(
        doc(
            "Reducing anti-social behaviour and the fear of crime through neighbourhood policing.",
            "Improving educational attainment and safeguarding for children and young people.",
            "Tackling health inequalities and supporting older people to live independently.",
            "Business start-ups, inward investment and reducing worklessness.",
        ),
        laa,
    )
    assert [themes_of(t, str(i))[:1] for i in range(1, 5)] == [
        ["safer-stronger"],
        ["children-young-people"],
        ["healthier-older"],
        ["economic-enterprise"],
    ]
    assert t.taxonomy_name == "laa-blocks"


def test_tagger_is_cached_and_tag_texts_works():
    assert get_tagger() is get_tagger(None)
    tg = Tagger(load_taxonomy())
    out = tg.tag_texts([("a", "Overview and scrutiny of performance."), ("b", "Nothing here at all.", "CAPACITY")])
    assert [p.number for p in out] == ["a", "b"]
    assert out[0].themes[0].theme == "accountability" and out[1].themes == ()


def test_spacy_pipeline_results_live_on_the_doc():
    from lspkit.nlp.pipeline import get_pipeline

    nlp = get_pipeline(load_taxonomy())
    assert nlp.pipe_names == ["lsp_acronyms", "lsp_themes"]
    assert get_pipeline(load_taxonomy()) is nlp
    d = nlp("The Local Area Agreement (LAA) is scrutinised by members. The LAA matters.")
    assert d.cats["accountability"] > 0 and d._.theme_scores == d.cats
    assert {h.theme for h in d._.theme_hits if h.evidence} >= {"accountability", "role"}
    assert [s.text for s in d.spans["acronyms"]] == ["LAA", "LAA"]
    assert [t.norm_ for t in d[8:11]] == ["scrutin", "by", "member"]  # the stem is the vocabulary's NORM


from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

WORDS = st.sampled_from(
    "the LSP LSPs (LAA) Local Area Agreement board scrutiny capacity landfill role of partners funding "
    "governance government elected members – & and ( ) . , ; ’s Überprüfung 合作 ! 1.2 LDF".split()
)


@settings(max_examples=60, deadline=None)
@given(st.lists(st.lists(WORDS, max_size=40).map(" ".join), max_size=5), st.one_of(st.none(), st.text(max_size=30)))
def test_any_text_gives_valid_scores_and_offsets(texts, heading):
    from lspkit.nlp.tagger import get_tagger

    tagger = get_tagger()
    items = [(str(i), t, heading) for i, t in enumerate(texts)]
    for (key, text, _h), tags in zip(items, tagger.tag_texts(items)):
        assert tags.number == key
        assert all(0.0 <= s <= 1.0 for s in tags.scores.values())
        for h in tags.themes:
            assert h.score >= 0.5
            for e in h.evidence:
                assert text[e.start : e.end] == e.text
