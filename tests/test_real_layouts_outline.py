"""Outlines of nested labels and printed line numbers, as student bodies' pdfTeX bylaws and constitutions print
them, each tested on the real paper that shows it (data/real/; restored by data/real/restore.py)."""
from __future__ import annotations

import re
from functools import lru_cache

from lspkit.api import extract
from lspkit.read import read_lines
from real_util import REAL, real_pdf


@lru_cache(maxsize=None)
def _doc(name: str):
    return extract(str(REAL / f"{name}.pdf"))


def doc(name: str):
    real_pdf(f"{name}.pdf")  # skips where the paper is not on this machine
    return _doc(name)


def test_printed_line_numbers_in_the_margin_are_not_the_lines_text():
    # CMU Student Senate bylaws (pdfTeX): "5", "10", "15" down the left margin, beside every fifth line; read
    # into the line they would turn "1. The general purpose" into "5 1. The general ...", and "15 A." into a
    # paragraph numbered 15
    real_pdf("cmu-student-senate_2017_bylaws.pdf")
    r = read_lines(str(REAL / "cmu-student-senate_2017_bylaws.pdf"))
    lines = [ln for ln in r.lines if ln.page == 1]
    first = next(ln for ln in lines if "The general purpose of Student Senate" in ln.text)
    assert first.text.startswith("1. The general purpose")
    a = next(ln for ln in lines if "The purpose of these bylaws" in ln.text)
    assert first.x0 > a.x0 + 10  # where the label is printed, not where the margin number is
    activities = next(ln for ln in lines if "The Activities Board refers" in ln.text)
    assert activities.text.startswith("A. The Activities Board")
    assert not [ln.text for ln in r.lines if re.match(r"^(5|10|15|20|25|30) [A-Za-z0-9]{1,2}\. ", ln.text)]
