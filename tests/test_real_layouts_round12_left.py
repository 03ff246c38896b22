"""What round 10 left on the committed real corpus, fixed as mechanisms other publishers' papers share
(data/real/; restored by data/real/restore.py).  Each test checks the page as printed; papers not on this machine
skip with the reason."""
from __future__ import annotations

from real_util import doc, para


def test_a_word_after_a_raised_ordinal_keeps_the_space_the_text_stream_holds():
    # Manhattan CB1: "down to the 21<sup>st</sup> floor": the superscript "st" and "floor" are set so tight that
    # their boxes touch, but the character stream has a space between them
    d = doc("manhattan-cb1_2010_monthly-meeting-minutes-march")
    text = " ".join(p.text for p in d.paragraphs)
    assert "demolished down to the 21st floor and" in text
    assert "21stfloor" not in text
