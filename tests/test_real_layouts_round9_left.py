"""Issue 10, the misses round 8 left: furniture inside a statute's sections on the real PDFs where a mechanism was
missing.  Each test drives the real pipeline on a real PDF."""
from __future__ import annotations

from real_util import doc, para


def test_a_pages_only_line_number_beside_a_sentence_that_goes_on_is_furniture():
    """Sri Lanka's petroleum bill: its last page of text has five lines, so one line number ("5", beside
    "regulation or rule made thereunder.") and no column of them; it was read into section 8."""
    text = para(doc("sri-lanka-parliament_2022_petroleum-products-special-provisions-amendment-bill"), "8").text
    assert text.endswith("and any other regulation or rule made thereunder.")
