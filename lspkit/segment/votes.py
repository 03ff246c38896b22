"""Vote records in minutes: "BOARD VOTE: 34 In Favor 0 Opposed 0 Abstained 1 Recused", "For (52) Against (7)
Abstain (0)".  A line that counts the votes for, against and abstaining is the record of the item above it: its
outcome, never a heading over what follows and never the item's text."""

from __future__ import annotations

import re
from typing import Sequence

from .lines import WorkLine, with_digits

# a count with its side: "34 In Favor", "0 Opposed", "Against (7)", "Abstain: 0", "1 Recused"
_SIDE = r"(?:in\s+favou?r|for|against|opposed|abstain(?:ed|ing|s)?|abstentions?|recused|absent)"
_COUNT = re.compile(rf"(?:\b\d{{1,3}}\s+{_SIDE}\b|\b{_SIDE}\s*[:(]?\s*\d{{1,3}}\b\)?)", re.I)


_THREE_DIGITS = re.compile(r"(?:\D*\d){3}")  # three counts have three digits at least: most lines go no further


def vote_record(text: str) -> bool:
    """Does the line count the votes: three counts or more, and little else ("BOARD VOTE:", "Vote:")?"""
    if not _THREE_DIGITS.match(text):
        return False
    counts = _COUNT.findall(text)
    if len(counts) < 3:
        return False
    rest = _COUNT.sub(" ", text)
    return len(re.findall(r"[A-Za-z]{2,}", rest)) <= 3


def lift_votes(work: Sequence[WorkLine]) -> None:
    """Mark each vote record as a note beside the line before it: the outcome of the item it follows."""
    for k in with_digits([w.text for w in work], 3):  # three counts have three digits: most lines have fewer
        w = work[k]
        if k and not w.role and vote_record(w.text):
            w.role = "side"
