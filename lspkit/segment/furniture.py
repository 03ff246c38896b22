"""Running headers, footers and page numbers: lines that repeat in the page's top or bottom band."""
from __future__ import annotations

import re
from collections import Counter, defaultdict
from typing import Sequence

from ..model import Line


# ---------------------------------------------------------------- headers and footers

_PAGE_NUMBER = re.compile(
    r"^(?:page\s*)?[-–—(\[]?\s*(?:\d{1,4}|[ivxlc]{1,6})\s*[-–—)\]]?(?:\s*(?:of|/)\s*\d{1,4})?"
    r"(?:\s*\|\s*page)?$",
    re.I,
)


_PAGE_OF = re.compile(r"^page\s+\d{1,4}\s+of\s+\d{1,4}$", re.I)

_NUMBERED = re.compile(r"^\s*\(?\d{1,3}(?:\.\d{1,3})*[.)]?\s+\S")  # "12. Paragraph twelve ...", "3.1 The ..."


# a printer's job code, a line of its own: capitals run into a long number, a run count, a month and year, no word
_PRINT_CODE = re.compile(r"^\(?[A-Z]{1,4}\s?\d{5,}(?:\s*[-–—/]\s*\d+)*\s*(?:\(\s*\d{1,2}\s*/\s*\d{2,4}\s*\)?)?\)?$")


# a web address alone on its line: "www.warrenville.com", "https://www.gov.uk/dft"
_WEB_ADDRESS = re.compile(r"^(?:https?://|www\.)[\w.-]+\.[a-z]{2,}(?:/[\w./-]*)?$", re.I)


def lines_page_height(lines: Sequence[Line]) -> float:
    return next((ln.page_height for ln in lines if ln.page_height), 0.0)


_DIGITS = re.compile(r"\d+")
_DASH = re.compile(r"\s*[-‐‑‒–—―]\s*")
_DASH_CHAR = re.compile(r"[-‐‑‒–—―]")
_NUMBER_AT_END = re.compile(r"^(?:page\s+)?#(?:\s*(?:of|/)\s*#)?\s+|\s+(?:page\s+)?#(?:\s*(?:of|/)\s*#)?$")


def mask(text: str) -> str:
    """Text with digits masked and spacing and case normalised, to compare furniture across pages."""
    t = _DIGITS.sub("#", text.lower())
    if _DASH_CHAR.search(t):  # (found at once, where _DASH's leading spaces are tried at every character)
        t = _DASH.sub("-", t)  # "Road –Supplementary ... - November" on one page, "Road – ..." on the next
    t = " ".join(t.split())  # every run of whitespace one space, as re.sub(r"\s+", " ", t).strip()
    if "#" not in t:  # no number at all, so none at either end
        return t
    # a page number before or after the running text ("47706 Federal Register ...", "... Rules 47703")
    core = _NUMBER_AT_END.sub("", t)
    return core or t


def find_furniture(lines: Sequence[Line], pages: Sequence[int]) -> dict[int, str]:
    """Indexes of running headers, footers and page numbers -> reason.

    A line is furniture when it sits in the top or bottom band of its page and
    its masked text recurs in that band on at least two pages and on a good
    share of the pages; a lone page number in those bands counts too.
    """
    by_page: dict[int, list[int]] = defaultdict(list)
    for i, ln in enumerate(lines):
        if ln.text:
            by_page[ln.page].append(i)
    npages = len(by_page)
    if npages == 0:
        return {}
    zones: dict[int, str] = {}
    for page, idxs in by_page.items():
        if not idxs:
            continue
        height = lines[idxs[0]].page_height
        if height > 0:
            for i in idxs:
                ln = lines[i]
                if ln.bottom <= height * 0.11:
                    zones[i] = "header"
                elif ln.top >= height * 0.89:
                    zones[i] = "footer"
        elif len(by_page) >= 2:  # text input with form feeds: the first and last two lines of a page
            first = idxs[:2]
            last = idxs[-2:]
            for i in first:
                zones[i] = "header"
            for i in last:
                zones.setdefault(i, "footer")
    masked = {text: mask(text) for text in {lines[i].text for i in zones}}  # each band line's, once
    masked.update((text.strip(), mask(text.strip())) for text in list(masked) if text.strip() not in masked)
    counts: Counter = Counter()
    for i, zone in zones.items():
        counts[(zone, masked[lines[i].text])] += 1
    # counted per page, not per line
    pages_with: dict[tuple[str, str], set[int]] = defaultdict(set)
    for i, zone in zones.items():
        pages_with[(zone, masked[lines[i].text])].add(lines[i].page)
    need = max(2, int(0.3 * npages + 0.5)) if npages >= 3 else 2
    # a chapter's running title repeats on only a few pages, but always at the same height in the band
    tops: dict[tuple[str, str], list[float]] = defaultdict(list)
    for i, zone in zones.items():
        tops[(zone, masked[lines[i].text])].append(lines[i].top)
    # (set smaller than the body text: a body line that happens to open two pages with the same words is not one)
    sizes: Counter = Counter()
    rounded: dict[float, float] = {}  # round(size, 1) once per distinct size (see lines.body_size)
    for ln in lines:
        size = ln.size
        if size:
            key = rounded.get(size)
            if key is None:
                key = rounded[size] = round(size, 1)
            sizes[key] += len(ln.text)
    body = sizes.most_common(1)[0][0] if sizes else 0.0
    small_keys = {(zone, masked[lines[i].text]) for i, zone in zones.items() if lines[i].size and lines[i].size < 0.95 * body}
    steady = {k for k, v in tops.items() if len(v) >= 2 and max(v) - min(v) <= 2.0 and lines_page_height(lines) > 0
              and k in small_keys}
    out: dict[int, str] = _running_below_band(lines, by_page, zones, need)
    for i, zone in zones.items():
        text = lines[i].text.strip()
        key = (zone, masked[text])
        if npages >= 2 and (len(pages_with[key]) >= need or (key in steady and len(pages_with[key]) >= 2)):
            out[i] = "page-number" if _PAGE_NUMBER.match(text) else zone
        elif _PAGE_NUMBER.match(text) and not text.endswith("."):
            # a page number alone in the band; plain text only when it really is a number
            if lines[i].page_height > 0 or npages >= 2:
                out[i] = "page-number"
    out.update(_chapter_heads(lines, zones, out, need))
    for idxs in by_page.values():  # "Page 1 of 2" wherever a short page leaves its footer: never body text
        for i in idxs:
            if i not in out and _PAGE_OF.match(lines[i].text.strip()):
                out[i] = "page-number"
        # a printer's job code, the lowest line of its page, on one page only and often above the footer band
        # (a gazette's text ends short of the foot): "(PL014216 - 475(10/2023)"
        low = max(idxs, key=lambda i: lines[i].top)
        if low not in out and _PRINT_CODE.match(lines[low].text.strip()):
            out[low] = "footer"
        elif low not in out and zones.get(low) == "footer" and _WEB_ADDRESS.match(lines[low].text.strip()):
            # the publisher's web address alone at the foot of a one-page paper ("www.warrenville.com" under an
            # agenda's last item), where nothing can repeat: the page's foot, never the last item's text
            out[low] = "footer"
    return out


def _running_below_band(lines: Sequence[Line], by_page: dict[int, list[int]], zones: dict[int, str],
                        need: int) -> dict[int, str]:
    """Running lines set a little inside the bands (the date under a running head: "MONDAY 31 JANUARY 2011" on
    every page of an order paper, 95 pt down a 842 pt page): in the top or bottom fifth of the page, the same
    text at the same height (within 2 pt) on at least three pages and a good share of them.  Body text does
    not repeat itself at one height page after page (a numbered paragraph that opens each page is still text)."""
    where: dict[tuple[str, str], list[int]] = defaultdict(list)
    numbered: dict[tuple[str, str], list[int]] = defaultdict(list)
    firsts: set[int] = set()  # each page's topmost line
    for idxs in by_page.values():
        # a page printed well inside its paper (a statute's small type area on A4) sets its running head below
        # the fifth: the page's two topmost (and two lowest) lines are in the band too
        by_top = sorted((i for i in idxs if lines[i].text.strip()), key=lambda i: lines[i].top)
        first, last = set(by_top[:2]), set(by_top[-2:])
        firsts.update(by_top[:1])
        for i in idxs:
            ln = lines[i]
            if i in zones or ln.page_height <= 0 or not ln.text.strip():
                continue
            # a line opening with a number is a running head only beside the same head without it (a verso's
            # "2 Prevention of Terrorism ..." and a recto's "Prevention of Terrorism ... 1")
            into = numbered if _NUMBERED.match(ln.text) else where
            if ln.bottom <= ln.page_height * 0.2 or i in first:
                into[("header", mask(ln.text))].append(i)
            elif ln.top >= ln.page_height * 0.8 or i in last:
                into[("footer", mask(ln.text))].append(i)
    for key, found in numbered.items():
        if key in where:
            where[key].extend(found)
    out: dict[int, str] = {}
    for (zone, _), idxs in where.items():
        pages = {lines[i].page for i in idxs}
        tops = [lines[i].top for i in idxs]
        # on two pages only when it is both pages' first line (a two-page bill's running head)
        few = 2 if zone == "header" and all(i in firsts for i in idxs) else max(3, need)
        if len(pages) >= few and len(pages) == len(idxs) and max(tops) - min(tops) <= 2.0:
            for i in idxs:
                out[i] = zone
        elif len(pages) == len(idxs) and len(idxs) >= 4:
            # the same line at one height on most pages and at another on one or two (a cover sets its footer
            # higher: IAF's "Issued: ... Application Date: ..." at 710 pt on page 1, 735 pt on pages 2-9): the
            # steady pages make it a running line, and so its copies elsewhere in the band
            common = Counter(round(t) for t in tops).most_common(1)[0][0]
            steady = [i for i in idxs if abs(lines[i].top - common) <= 2.0]
            if len(steady) >= few and len(idxs) - len(steady) <= 2:
                for i in idxs:
                    out[i] = zone
    return out


def _chapter_heads(lines: Sequence[Line], zones: dict[int, str], found: dict[int, str], need: int) -> dict[int, str]:
    """A running title that changes with the chapter ("ARTICLE II. TERMS ..." on one page, "ARTICLE IV. ..." on the
    next): in the top band, set off from the left margin (right-aligned or centred, never where the text's lines
    start), one to a page at the same height, size and right edge on at least three pages and a good share of
    them (those already found among them included)."""
    groups: dict[tuple, list[int]] = defaultdict(list)
    out: dict[int, str] = {}
    for i, zone in zones.items():
        ln = lines[i]
        if zone != "header" or not ln.size or not ln.text.strip():
            continue
        if ln.page_width and ln.x0 >= 0.3 * ln.page_width:
            groups[(round(ln.top), round(ln.size, 1), round(ln.x1))].append(i)
    for idxs in groups.values():
        pages = {lines[i].page for i in idxs}
        if len(pages) >= max(3, need) and len(pages) == len(idxs):
            out.update((i, "header") for i in idxs if i not in found)
    return out
