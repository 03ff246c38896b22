"""Cross-references: every pattern the issue names, resolved or kept as unresolved."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from lspkit.analyse.xrefs import XrefKind, find_xrefs, number_key
from lspkit.model import Document, Paragraph, ParagraphKind, Section, SectionKind, Source

DATA = Path(__file__).resolve().parent.parent / "data"


def doc(paragraphs, sections=()) -> Document:
    return Document(
        source=Source("t.txt", "0", 1),
        sections=tuple(sections),
        paragraphs=tuple(
            p if isinstance(p, Paragraph) else Paragraph(p[0], p[1], 1, section=p[0].split(".")[0])
            for p in paragraphs
        ),
    )


SECTIONS = (
    Section("1", "INTRODUCTION", 1),
    Section("4", "GOVERNANCE", 1),
    Section("7", "IMPLICATIONS AND CONCLUSIONS", 2),
    Section("8", "RECOMMENDATIONS", 2),
)
BODY = [
    ("4.1", "Governance."),
    ("4.2", "More."),
    ("4.3", "More."),
    ("4.4", "More."),
    ("4.5", "More."),
    ("4.6", "More."),
    ("7.1", "Conclusions."),
    ("8.1", "Recommendation."),
]


def refs(text: str, sections=SECTIONS, extra=()):
    d = doc([("1.1", text), *BODY, *extra], sections)
    return [x for x in find_xrefs(d) if x.from_ == "1.1"]


def test_paragraph_single_and_range_expand_to_existing_paragraphs():
    (x,) = refs("As paragraph 4.3 says.")
    assert (x.kind, x.to, x.resolved, x.text) == (XrefKind.PARAGRAPH, ("4.3",), True, "paragraph 4.3")
    (x,) = refs("See paras 4.3-4.5 for detail.")
    assert x.to == ("4.3", "4.4", "4.5") and x.resolved
    (x,) = refs("See paragraphs 4.2 to 4.4 and 7.1.")
    assert x.to == ("4.2", "4.3", "4.4", "7.1")
    (x,) = refs("See paragraphs 4.5\u20134.6.")
    assert x.to == ("4.5", "4.6")


def test_paragraph_that_does_not_exist_is_unresolved_not_dropped():
    (x,) = refs("See paragraph 9.9.")
    assert x.kind is XrefKind.PARAGRAPH and not x.resolved and x.to == () and x.target == "paragraph 9.9"


def test_section_with_repeated_heading_and_post():
    text = "Comments are in section 7 \u2013 Implications and Conclusions, post."
    (x,) = refs(text)
    assert x.kind is XrefKind.SECTION and x.to == ("7",) and x.resolved
    assert x.text == "section 7 \u2013 Implications and Conclusions, post"
    assert text[x.start : x.end] == x.text


def test_section_of_an_act_is_external_and_unresolved():
    (x,) = refs("The duty is in section 10 of the Children Act 2004.")
    assert x.kind is XrefKind.SECTION and x.external and not x.resolved
    assert "Children Act 2004" in x.target


def test_above_and_below_only_when_the_phrase_names_a_section():
    (x,) = refs("Members will note the conclusions below.")
    assert x.kind is XrefKind.SECTION and x.to == ("7",)
    (x,) = refs("We endorse the recommendations set out below.")
    assert x.to == ("8",)
    (x,) = refs("We endorse the conclusions to this report.")
    assert x.to == ("7",)
    assert refs("As set out below, the table shows it.") == []
    assert refs("See the table below.") == []
    # "above" looks backwards only: from section 1 there are no conclusions above
    (x,) = refs("the conclusions above")
    assert not x.resolved


def test_previous_and_following_paragraph():
    d = doc([("4.1", "x"), ("4.2", "As the previous paragraph and the following paragraph say."), ("4.3", "y")])
    xs = find_xrefs(d)
    assert [x.to for x in xs] == [("4.1",), ("4.3",)]


def test_annex_and_appendix_resolve_only_when_present():
    (x,) = refs("Questions are set out in the Annexe to this report.")
    assert x.kind is XrefKind.ANNEX and not x.resolved and x.text == "the Annexe to this report"
    with_annex = SECTIONS + (Section("B", "Appendix B: Costs", 3, SectionKind.ANNEX),)
    (x,) = refs("Costs are in Appendix B.", with_annex)
    assert x.resolved and x.to == ("B",) and x.text == "Appendix B"
    (x,) = refs("Costs are in the appendix.", with_annex)
    assert x.resolved and x.to == ("B",)
    (x,) = refs("Costs are in Appendix C.", with_annex)
    assert not x.resolved
    assert refs("They plan to annex the land.") == []


def test_questions_resolve_to_question_paragraphs():
    q = [Paragraph("Q7", "Do you agree?", 1, kind=ParagraphKind.QUESTION, section="4")]
    (x,) = refs("Our answer to Question 7 follows.", extra=q)
    assert x.kind is XrefKind.QUESTION and x.to == ("Q7",) and x.resolved
    (x,) = refs("Our answer to Question 8 follows.", extra=q)
    assert not x.resolved and x.target == "Question 8"


def test_minute_is_external_and_unresolved():
    (x,) = refs("The Panel considered this before (Minute 56 refers).")
    assert x.kind is XrefKind.MINUTE and x.text == "(Minute 56 refers)" and x.external and not x.resolved


def test_offsets_always_slice_the_text():
    text = "See paras 4.3-4.5, section 7, the Annexe, Question 2 and (Minute 12 refers)."
    xs = refs(text)
    assert [x.kind for x in xs] == [
        XrefKind.PARAGRAPH,
        XrefKind.SECTION,
        XrefKind.ANNEX,
        XrefKind.QUESTION,
        XrefKind.MINUTE,
    ]
    for x in xs:
        assert text[x.start : x.end] == x.text


def test_number_key_orders_paragraph_numbers_numerically():
    assert sorted(["4.10", "4.9", "10.1", "Q10", "Q9"], key=number_key) == ["4.9", "4.10", "10.1", "Q9", "Q10"]


# ---------------------------------------------------------------- the Head of Policy report


@pytest.fixture(scope="module")
def report() -> Document:
    pytest.importorskip("lspkit.segment", reason="the extractor (lspkit.segment) is not in this tree yet")
    from lspkit.api import extract

    return extract(str(DATA / "head-of-policy-report.pdf"))


def _by_from(document):
    out = {}
    for x in find_xrefs(document):
        out.setdefault(x.from_, []).append(x)
    return out


def test_head_of_policy_report_cross_references(report):
    xs = _by_from(report)
    (s7,) = [x for x in xs["1.4"] if x.kind is XrefKind.SECTION]
    assert s7.to == ("7",) and s7.resolved
    assert s7.text.startswith("section 7") and s7.text.endswith("post")
    (annex13,) = [x for x in xs["1.3"] if x.kind is XrefKind.ANNEX]
    assert annex13.text.startswith("the Annexe") and not annex13.resolved
    annex81 = [x for x in xs["8.1"] if x.kind is XrefKind.ANNEX]
    assert len(annex81) == 1 and not annex81[0].resolved
    conclusions = [x for x in xs["8.1"] if x.kind is XrefKind.SECTION]
    assert [(x.text, x.to) for x in conclusions] == [("the conclusions to this report", ("7",))]
    # nothing else in the report is a cross-reference
    assert sorted(xs) == ["1.3", "1.4", "8.1"]


def test_consultation_paper_cross_references():
    gold = json.loads((DATA / "consultation-v1.gold.json").read_text())
    d = Document.from_dict(
        {
            "source": {"path": gold["file"], "sha256": "0", "pages": gold["pages"]},
            "sections": gold["sections"],
            "paragraphs": gold["paragraphs"],
        }
    )
    found = {(x.from_, x.text): (x.to, x.resolved) for x in find_xrefs(d)}
    assert found[("Q5", "paragraphs 3.2 to 3.4")] == (("3.2", "3.3", "3.4"), True)
    assert found[("1.6", "Annex A")] == (("A",), True)
    assert found[("1.4", "Chapters 3 and 4")] == (("3", "4"), True)


REAL = DATA / "real"


def _real(name: str):
    from real_util import extracted

    path = REAL / name
    if not path.exists():
        pytest.skip(f"{name} is not on this machine (data/real/restore.py)")
    return extracted(path)  # once per session


def test_a_section_of_a_code_named_before_it_is_external():
    """ "for purposes of Des Moines City Code Section 2-26": the city's code, not the rules' own sections 2 to 7."""
    x = [x for x in find_xrefs(_real("des-moines_2021_council-procedural-rules-2021-06-28.pdf")) if "2-26" in x.text]
    assert x and all(r.external and not r.resolved and not r.to for r in x)


def test_a_section_range_resolves_to_the_sections_that_exist_and_flags_the_others():
    """A real paper's sections 1 to 4 (Tewkesbury's scheme): "sections 2-3" is 2 and 3; "sections 3-7" names 3
    and 4 and flags 5, 6 and 7 as not in this document."""
    from dataclasses import replace

    real = _real("tewkesbury_2025_local-development-scheme.pdf")
    numbers = [s.number for s in real.sections if s.number and s.number.isdigit()]
    top = max(int(n) for n in numbers)
    para = replace(real.paragraphs[0], text=f"As set out in sections 2-3 and sections {top - 1}-{top + 3} of this scheme.")
    xs = {x.text: x for x in find_xrefs(replace(real, paragraphs=(para,) + real.paragraphs[1:])) if x.from_ == para.number}
    both = xs["sections 2-3"]
    assert set(both.to) >= {"2", "3"} and not both.missing
    over = xs[f"sections {top - 1}-{top + 3}"]
    assert str(top) in over.to and over.missing == tuple(str(n) for n in range(top + 1, top + 4))
    # and the summary says so beside the sections it names
    from lspkit.analyse.summary import summarise
    from lspkit.render.summary import xref_target_label

    summary = summarise(replace(real, paragraphs=(para,) + real.paragraphs[1:]))
    shown = [xref_target_label(summary, x) for x in summary.xrefs if x.text == over.text]
    assert shown and f"{top + 1}, {top + 2}, {top + 3} not in this document" in shown[0]


@pytest.mark.parametrize("name,text", [
    ("coventry-cc_2018_hot-food-takeaway-spd-revised-draft-cabinet-member-report.pdf", "the recommendation to this report"),
    ("coventry-cc_2018_air-quality-spd-revised-draft-cabinet-member-report.pdf", "the recommendations of this report"),
])
def test_the_recommendations_of_this_report_in_a_cover_box_resolve_to_it(name, text):
    """The report's recommendations are on its cover under "Recommendations:" (a block, not a section): "the
    recommendations of this report" names them, and the summary shows the box's heading, not "not in this
    document"."""
    from lspkit.analyse.summary import summarise
    from lspkit.render.summary import xref_target_label

    summary = summarise(_real(name))
    xs = [x for x in summary.xrefs if x.text == text]
    assert xs and xs[0].resolved and xs[0].to == ("Recommendations",)
    assert xref_target_label(summary, xs[0]) == "“Recommendations”"
