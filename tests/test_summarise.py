"""The Summary library: glossary, cross-references, themes, gists, recommendations, questions, JSON shape."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from lspkit.analyse.summary import Gist, GlossaryEntry, Summary, make_gist, sentences, summarise
from lspkit.model import Document, Paragraph, Section, Source

DATA = Path(__file__).resolve().parent.parent / "data"
FIXTURES = [
    DATA / "head-of-policy-report.pdf",
    DATA / "head-of-policy-report.txt",
    DATA / "consultation-v1.pdf",
    DATA / "consultation-v2.pdf",
]


@pytest.fixture(scope="module")
def documents() -> dict[str, Document]:
    from lspkit.api import extract

    return {p.name: extract(str(p)) for p in FIXTURES if p.exists()}


@pytest.fixture(scope="module")
def summaries(documents) -> dict[str, Summary]:
    return {name: summarise(d) for name, d in documents.items()}


@pytest.fixture(scope="module")
def report(summaries) -> Summary:
    return summaries["head-of-policy-report.pdf"]


# ---------------------------------------------------------------- the Head of Policy report


def test_glossary_has_every_acronym_with_its_expansion(report):
    glossary = {a.short: a for a in report.acronyms}
    expected = {
        "LSP": "Local Strategic Partnership",
        "SCS": "Sustainable Community Strategy",
        "LAA": "Local Area Agreement",
        "HSP": "Huntingdonshire Strategic Partnership",
        "ODPM": "Office of the Deputy Prime Minister",
    }
    for short, long in expected.items():
        assert short in glossary, short
        assert glossary[short].long is not None and glossary[short].long.lower().rstrip("s") == long.lower(), short
    assert glossary["LSP"].first == "1.2"
    assert glossary["LAA"].first == "2.1"
    assert glossary["HSP"].first == "1.4"
    # every acronym is in the glossary exactly once
    assert len(glossary) == len(report.acronyms)


def test_unexpanded_acronyms_are_listed_as_such():
    d = Document(
        source=Source("t.txt", "0", 1),
        paragraphs=(
            Paragraph("1.1", "The Local Area Agreement (LAA) is agreed with the GOEE.", 1),
            Paragraph("1.2", "The GOEE will sign off the LAA.", 1),
        ),
    )
    s = summarise(d)
    by = {a.short: a for a in s.acronyms}
    assert by["LAA"].long == "Local Area Agreement"
    assert by["GOEE"].long is None and by["GOEE"].first == "1.1"
    assert {"short": "GOEE", "long": None, "first": "1.1", "expanded": False, "source": None} in s.to_dict()["acronyms"]


def test_cross_references_of_the_report(report):
    xs = {(x.from_, x.kind.value): x for x in report.xrefs}
    assert xs[("1.4", "section")].to == ("7",) and xs[("1.4", "section")].resolved
    assert not xs[("8.1", "annex")].resolved and xs[("8.1", "annex")].to == ()
    assert not xs[("1.3", "annex")].resolved
    assert xs[("8.1", "section")].text == "the conclusions to this report" and xs[("8.1", "section")].to == ("7",)
    assert report.counts["unresolved_xrefs"] == 2


def test_recommendation_pulled_out_with_its_paragraph(report):
    assert [(r.paragraph, r.page) for r in report.recommendations] == [("8.1", 5)]
    assert report.recommendations[0].text.startswith("The Cabinet are requested to endorse")


def test_metadata_and_counts(report):
    assert report.metadata["author"] == "Head of Policy"
    assert "Leatherbarrow" in report.metadata["contact"]
    assert report.counts["paragraphs"] == 30 and report.counts["sections"] == 8


def test_theme_overview_counts_and_number_order(report):
    numbers = [p.number for p in report.paragraphs]
    assert report.themes, "the default taxonomy has themes"
    for t in report.themes:
        assert t.count == len(t.paragraphs)
        order = [numbers.index(e.number) for e in t.paragraphs]
        assert order == sorted(order), t.name
        for e in t.paragraphs:
            assert t.name in report.paragraph(e.number).themes
    governance = report.theme("governance")
    assert governance is not None and "4.2" in {e.number for e in governance.paragraphs}
    assert "5.4" in {e.number for e in report.theme("accountability").paragraphs}


def test_gist_is_the_heaviest_sentence_in_the_paragraphs_words(report):
    accountability = {e.number: e for e in report.theme("accountability").paragraphs}
    gist = accountability["5.4"].gist
    assert gist.text.startswith("Effective performance management")
    for t in report.themes:
        for e in t.paragraphs:
            assert len(e.gist.text.split()) <= 30, (t.name, e.number, e.gist.text)


def test_json_round_trip_and_stable_names(report):
    data = json.loads(json.dumps(report.to_dict()))
    for key in ("themes", "paragraphs", "xrefs", "acronyms", "links", "uncovered", "recommendations",
                "questions", "metadata", "source"):
        assert key in data, key
    x = data["xrefs"][0]
    assert {"from", "to", "kind", "resolved"} <= set(x)
    assert {"short", "long", "first"} <= set(data["acronyms"][0])
    assert Summary.from_dict(data).to_dict() == report.to_dict()


# ---------------------------------------------------------------- gists: extractive, always


def test_every_gist_of_every_fixture_is_a_span_of_its_paragraph(documents, summaries):
    assert len(summaries) == len(FIXTURES), "all fixtures present"
    checked = 0
    for name, s in summaries.items():
        text = {p.number: p.text for p in documents[name].paragraphs}
        for p in s.paragraphs:
            assert p.gist is not None and p.gist.text in p.text
            assert p.text[p.gist.start : p.gist.end] == p.gist.text
        for t in s.themes:
            for e in t.paragraphs:
                assert e.gist.text in text[e.number], (name, e.number)
                assert text[e.number][e.gist.start : e.gist.end] == e.gist.text
                checked += 1
    assert checked > 50


_words = st.text(alphabet="abcdefghij ", min_size=1, max_size=12)
_piece = st.one_of(_words, st.sampled_from([". ", ", ", "; ", " – ", ": ", "(", ")", "e.g. ", "\n", " • ", "A", "."]))


@settings(max_examples=150, deadline=None)
@given(st.lists(_piece, min_size=1, max_size=60), st.lists(st.tuples(st.integers(0, 400), st.integers(1, 30), st.floats(0.1, 3)), max_size=6))
def test_make_gist_is_always_contiguous_and_bounded(pieces, spans):
    text = "".join(pieces)
    evidence = [(a, min(len(text), a + n), w) for a, n, w in spans if a < len(text)]
    g = make_gist(text, evidence, 25)
    assert isinstance(g, Gist)
    assert text[g.start : g.end] == g.text
    if text.strip():
        assert g.text.strip()


def test_sentences_do_not_end_at_abbreviations():
    text = "LSPs agree priorities, e.g. housing. The Board decides. See para. 4 on this."
    spans = [text[a:b] for a, b in sentences(text)]
    assert spans == ["LSPs agree priorities, e.g. housing.", "The Board decides.", "See para. 4 on this."]


def test_long_sentence_is_cut_at_a_clause_boundary():
    text = (
        "The consultation paper identifies that clear accountability requires mutually understood ways of working, "
        "internal performance management, external scrutiny by elected members of the council and its partners, "
        "and a range of other things that have nothing to do with the theme at all in any way whatsoever."
    )
    start = text.index("external scrutiny")
    g = make_gist(text, [(start, start + 17, 2.0), (text.index("accountability"), text.index("accountability") + 14, 1.0)])
    assert g.text in text and len(g.text.split()) <= 30
    assert "external scrutiny" in g.text and "accountability" in g.text


# ---------------------------------------------------------------- questions


def test_consultation_questions_with_discussing_paragraphs(summaries):
    s = summaries["consultation-v1.pdf"]
    qs = {q.number: q for q in s.questions}
    assert len(qs) == 15
    q5 = {n: via for n, via, _ in qs["Q5"].discussed_by}
    assert {"3.2", "3.3", "3.4"} <= set(q5) and q5["3.2"] == "xref"
    assert "2.2" in {n for n, _, _ in qs["Q1"].discussed_by}  # commissioning and delivering services
    assert "2.8" in {n for n, _, _ in qs["Q3"].discussed_by}  # the SCS and the LDF
    for q in qs.values():
        assert q.discussed_by, q.number
        for n, via, _ in q.discussed_by:
            if via == "terms":
                assert s.paragraph(n).section == q.section  # same chapter


def test_document_without_sections_or_themes_still_summarises():
    d = Document(source=Source("t.txt", "0", 1), paragraphs=(Paragraph("1", "Nothing about anything.", 1),))
    s = summarise(d)
    assert [p.number for p in s.paragraphs] == ["1"] and s.xrefs == () and s.recommendations == ()
    assert all(t.count == 0 for t in s.themes)


def test_glossary_can_be_passed_in():
    d = Document(source=Source("t.txt", "0", 1), sections=(Section("1", "INTRO", 1),),
                 paragraphs=(Paragraph("1.1", "The LSP met.", 1, section="1"),))
    s = summarise(d, glossary=[GlossaryEntry("LSP", "Local Strategic Partnership", "1.1")])
    assert [a.short for a in s.acronyms] == ["LSP"]
