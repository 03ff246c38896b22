"""Item identifiers of two parts: the numbers councils give their minuted items and resolutions as a series.

Minutes and legislation number their items with the year (or the meeting, or the committee) built in, and print
the identifier at the start of the item:

- a clerk's "paragraph numbers", bracketed, the year first: "(12-095) Proclamation Declaring March 2012 ...",
  "(*12-098) Minutes of the Special ... Approved." (the asterisk marks an item adopted on consent);
- resolutions numbered in the year: "R2026-16 S. Foote, L. Chalapenko:" over the resolution's text,
  "Resolution 2024-17 That the ...", "Res. No. 23-104 ...";
- minutes numbered in the council's year: "23/045 The Council resolved ...", "Minute 45/23: ...".

A hyphenated or slashed number at a line's start is only a candidate (a fiscal year "2024-25", a date "14/03", a
citation wrapped to a line start).  Candidates become paragraph labels only as a series: printed in one shape
(the same brackets, word or letters before them), one of the two parts fixed (the year) while the other counts up,
mostly by one, at one margin, three times or more (twice where a word, letters or brackets vouch for the shape),
and each with text of its own (a list of identifiers one under another is an agenda or an index, not the items).
A series whose items are short titles over prose (a minute's "23/25 Election of Chairman") heads sections; it
is left to the headings.  The paragraph's id is the identifier as printed, without its brackets and status mark.
"""
from __future__ import annotations

import re
from typing import TYPE_CHECKING

from .numbering import ITEM_ID, Label

if TYPE_CHECKING:
    from .lines import WorkLine

_ID = re.compile(
    r"^\*?(?P<open>[(\[])?(?P<star>\*)?"
    r"(?P<word>(?i:(?:council\s+)?(?:resolution|res|minute|min|motion|item|ordinance|ord|by-?law))\.?\s*"
    r"(?:(?i:no)\.?:?\s*|(?i:number):?\s+|#\s*)?(?=\d|[A-Z]{1,3}[-./]?\d))?"
    r"(?P<pre>[A-Z]{1,3}[-./]?)?"
    r"(?P<a>\d{1,4})(?P<sep>[-/–])(?P<b>\d{1,4})(?![-/–.]?\d|[A-Za-z])"
    r"(?P<close>[)\]])?(?P<punct>[.:])?(?:\s+(?=\S)(?P<rest>.*)|\s*$)",
    re.S,
)
_CLOSE = {"(": ")", "[": "]"}
_WORD_ONLY = re.compile(r"((?i:council\s+)?[A-Za-z-]+)\.?")  # the word without its "No." or "#"
# a resolution's identifier: its text is the item whatever its length ("R2026-16 S. Foote, L. Chalapenko:")
_RESOLUTION = re.compile(r"^(?:R|RES|Resolution|Council Resolution|Motion)\b", re.I)
_ENDS = re.compile(r"[.:;,!?][\"'”’)\]]*$")


class _Hit:
    __slots__ = ("k", "m", "shape", "a", "b")

    def __init__(self, k: int, m: re.Match):
        self.k, self.m = k, m
        word = " ".join((m.group("word") or "").split()).lower().rstrip(".")
        self.shape = (m.group("open") or "", word, (m.group("pre") or "").upper(), m.group("sep"))
        self.a, self.b = int(m.group("a")), int(m.group("b"))

    @property
    def vouched(self) -> bool:
        """Brackets, a word or letters before the numbers: a shape no sentence or table row opens with."""
        return any(self.shape[:3])


def item_id_labels(work: list[WorkLine]) -> None:
    """Label the lines that open an item with a two-part identifier of a series the paper prints (see above)."""
    hits: dict[tuple, list[_Hit]] = {}
    for k, w in enumerate(work):
        if w.label is not None and w.label.kind == "number" or w.role:
            continue  # (an agenda's "1.A 21-0177 ..." is labelled already, by its item's label)
        t = w.text.lstrip()
        if not t[:1].isdigit() and t[:1] not in "([*" and not ("A" <= t[:1] <= "Z"):
            continue
        head = t[:40]
        if "-" not in head and "/" not in head and "–" not in head:
            continue  # (no identifier's two parts near the start: most lines cost no regex)
        m = _ID.match(t)
        if m is None or bool(m.group("open")) != bool(m.group("close")) \
                or (m.group("open") and _CLOSE[m.group("open")] != m.group("close")):
            continue
        hit = _Hit(k, m)
        hits.setdefault(hit.shape, []).append(hit)
    for found in hits.values():
        for series, fixed_first in _series(found):
            _label(work, series, fixed_first)


def _series(found: list[_Hit]) -> list[tuple[list[_Hit], bool]]:
    """The series among one shape's candidates: those sharing a fixed part, the other part counting up; with
    whether the fixed part is the first ("12-095": the year 2012's item 95) or the second ("45/23")."""
    out: list[tuple[list[_Hit], bool]] = []
    taken: set[int] = set()
    for fixed_first in (True, False):
        groups: dict[int, list[_Hit]] = {}
        for h in found:
            groups.setdefault(h.a if fixed_first else h.b, []).append(h)
        for fixed, group in groups.items():
            group = [h for h in group if h.k not in taken]
            nums = [h.b if fixed_first else h.a for h in group]
            if not _counts_up(nums, vouched=all(h.vouched for h in group)):
                continue
            if not fixed_first and not group[0].vouched and fixed <= 12 and max(nums) <= 31:
                continue  # "14/03 Site visit", "15/03 ...": days of a month, a diary's dates
            if fixed_first and not group[0].vouched and fixed <= 12 and max(nums) <= 31 and len(str(fixed)) < 4:
                continue  # "03/14", "03/15": the American order of the same dates
            if fixed_first and not group[0].vouched and fixed >= 1900 and max(nums) <= 12 \
                    and all(len(h.m.group("b")) == 2 for h in group):
                continue  # "2024-01", "2024-02": a year's months
            out.append((group, fixed_first))
            taken.update(h.k for h in group)
    return out


def _counts_up(nums: list[int], vouched: bool) -> bool:
    """Three numbers or more (two, where the shape is vouched for), mostly each one to three above the last."""
    if len(set(nums)) < (2 if vouched else 3):
        return False
    ups = sum(1 for a, b in zip(nums, nums[1:]) if 1 <= b - a <= 3)
    return ups >= max(1 if vouched else 2, 0.6 * (len(nums) - 1))


def _label(work: list[WorkLine], series: list[_Hit], fixed_first: bool) -> None:
    """Label a series' items at its margin, unless they are a list of identifiers or titles over prose."""
    xs = sorted(work[h.k].line.x0 for h in series)
    x = xs[len(xs) // 2]
    at = [h for h in series if abs(work[h.k].line.x0 - x) <= max(3.0, 0.4 * (work[h.k].line.size or 10))]
    if len(at) < min(len(series), 2) or len(at) < 0.8 * len(series):
        return
    keys = {h.k for h in at}
    # one under another, each with nothing of its own under it: an agenda's or an index's list of the items, not
    # the items (the minutes under the agenda may still print them as a series)
    at = [h for h in at if not (h.k + 1 in keys and not work[h.k + 1].gap_before
                                or _bare_line(work, h.k) and not _resolution(h))]
    if not _counts_up([h.b if fixed_first else h.a for h in at], vouched=all(h.vouched for h in at)):
        return
    opening = [h for h in at if _opens(work, h.k)]
    if len(opening) < 0.8 * len(at):
        return  # numbers wrapped into sentences: not the items' own labels
    at = opening  # (one wrapped into a sentence is a citation of the item, not its label)
    items = sum(1 for h in at if _item_text(work, h))
    if items <= len(at) / 2:
        return  # short titles over prose: a minute's items head sections ("23/25 Election of Chairman")
    for h in at:
        m = h.m
        ident = f"{m.group('pre') or ''}{m.group('a')}{m.group('sep')}{m.group('b')}"
        word = _WORD_ONLY.match(m.group("word") or "")
        # the identifier as it is cited: "Resolution 2024-17" for "RESOLUTION NO. 2024-17", "12-095" for "(*12-095)"
        name = word.group(1) if word else ""
        number = f"{name.title() if name.isupper() else name} {ident}" if name else ident
        rest = (m.group("rest") or "").strip()
        work[h.k].label = Label("number", number, rest, (h.b if fixed_first else h.a,), True, ITEM_ID)


def _bare_line(work: list[WorkLine], k: int) -> bool:
    """Line k is the identifier with a few words and nothing below it before a gap or a page's end."""
    nxt = work[k + 1] if k + 1 < len(work) else None
    return (nxt is None or nxt.gap_before or nxt.line.page != work[k].line.page) and len(work[k].text.split()) <= 3


def _opens(work: list[WorkLine], k: int) -> bool:
    """Line k opens something: after a gap, a page's start, a line that ended a sentence, or a fence ("* * *")."""
    if k == 0 or work[k].gap_before or work[k - 1].line.page != work[k].line.page:
        return True
    before = work[k - 1].text.rstrip()
    return bool(re.search(r"[.:;!?][\"'”’)\]]*$", before)) or not any(c.isalnum() for c in before)


def _resolution(h: _Hit) -> bool:
    """A resolution's or a motion's identifier ("R2026-16", "Resolution 2024-17"): an item whatever its look."""
    return bool(_RESOLUTION.match((h.m.group("word") or h.m.group("pre") or "").strip()))


def _item_text(work: list[WorkLine], h: _Hit) -> bool:
    """The item's text starts on its identifier's line: a resolution's, or one that ends as a sentence or a lead-in
    does ("... Red Cross Month.", "... L. Chalapenko:"), or runs on to the next line unbroken."""
    m = h.m
    rest = (m.group("rest") or "").strip()
    if _resolution(h):
        return True
    if _ENDS.search(rest):
        return True
    w = work[h.k]
    nxt = work[h.k + 1] if h.k + 1 < len(work) else None
    if nxt is None or nxt.gap_before or nxt.line.page != w.line.page or nxt.label is not None:
        return False
    if not rest:
        return True  # the identifier alone on its line, the item's text right under it
    # the identifier's line runs to the right margin (as far as its page's longest lines, near enough)
    right = max(v.line.x1 for v in work[max(0, h.k - 40): h.k + 40] if v.line.page == w.line.page)
    return w.line.x1 >= right - 1.5 * (w.line.size or 10)


