"""A paper's list of works cited is its sources, never its paragraphs (segment/matter.py `References`; Leeds's
bibliography is tested in test_real_layouts_round8_minutes.py); a numbered section titled "References" is the paper's
own text.  Each test drives the real pipeline on a real PDF."""
from __future__ import annotations

from real_util import doc, para


def test_a_directives_references_section_keeps_its_own_paragraphs():
    # TBS Canada's directive: "7. References" opens with its own paragraph 7.1 ("The references indicated in
    # section 8 ..."), which is not a citation
    d = doc("tbs-canada_2018_directive-identity-management-final-22may")
    assert para(d, "7.1").text.startswith("The references")
