"""A paper's list of works cited is its sources, never its paragraphs: numbered entries under "Bibliography" (or under
"References" where they read as citations) go to the notes.  Each test drives the real pipeline on a real PDF."""
from __future__ import annotations

from real_util import doc, para


def test_a_bibliographys_numbered_sources_are_notes_not_paragraphs():
    # Leeds Teaching Hospitals / University of Leeds strategy (Adobe InDesign): "Bibliography" on pp. 30-31 numbers
    # its 49 sources "1. Yorkshire and Humber Academic Health Science Network ..." to "49. ... [Online]"
    d = doc("leeds-teaching-hospitals-uol_2020_shared-research-innovation-strategy")
    assert not [p.number for p in d.paragraphs if (p.heading or "") == "Bibliography"]
    cited = [n for n in d.notes if n.page in (30, 31)]
    assert len(cited) >= 40
    assert any(n.text.startswith("Leeds City Council. 2016. Leeds Health and Wellbeing Strateg") for n in cited)


def test_a_directives_references_section_keeps_its_own_paragraphs():
    # TBS Canada's directive: "7. References" opens with its own paragraph 7.1 ("The references indicated in
    # section 8 ..."), which is not a citation
    d = doc("tbs-canada_2018_directive-identity-management-final-22may")
    assert para(d, "7.1").text.startswith("The references")
