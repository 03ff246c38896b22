"""The paper's title as a reader would name it, for the summary's heading.

In order: the cover's `Subject:` (or `Title:`) line; the title block the
segmenter found in the largest type on the front page (with its subtitle);
the first heading on page 1 (two heading lines joined when the first ends
mid-phrase, "Report on the Examination of the" + "Coventry Local Plan");
the PDF's own title.  A candidate is never a label ("Past Pathway of Paper:
N/A", "Summary:"), a bullet, a file name or path, a person (an inspector's
name and qualifications, "Dear ..."), an address, an Act's name on its own
("Planning and Compulsory Purchase Act 2004 (as amended)": the legal basis,
not the paper) or text that is not words (a broken font's glyph codes).
"""
from __future__ import annotations

import re
from typing import Iterable, Optional

from ..model import Document

_LABEL = re.compile(r"^[^:]{1,60}:\s*(?:n/?a|none|nil|tbc|-|–)?\s*$", re.I)
_BULLET = re.compile(r"^\s*(?:[•\u25aa\u25cf\u2022\u2013\u2014*\-]|\(?[a-z0-9]{1,4}[.)]\s)", re.I)
# a file name or path: a backslash, two slashes between names ("C:/x/y", "a/b/c"), or a file extension
_PATH = re.compile(r"\\|[\w.-]+/[\w.-]+/[\w.-]+|\.(?:pages|pdf|docx?|wpd|rtf|odt|txt|xlsx?)\b", re.I)
_POSTNOMINAL = re.compile(r"\b(?:MRTPI|FRTPI|MCIM|MRICS|FRICS|BA|BSc|MSc|MA|MPhil|PhD|DipTP|Dip\s?TP|LLB|MCD|IHBC|CMLI)\b")
_PERSON = re.compile(r"^(?:by|dear|prepared by|author|from)\b", re.I)
_POSTCODE = re.compile(r"\b[A-Z]{1,2}\d[A-Z\d]?\s*\d[A-Z]{2}\b")
_ACT_ONLY = re.compile(r"^[A-Za-z ,&'’()-]*\bAct\s+\d{4}(?:\s*\((?:as amended)\))?\.?$", re.I)
_DATE_ONLY = re.compile(r"^[\d\s/.,-]*(?:\w+\s+)?\d{4}[\d\s/.,-]*$")
_DANGLING = re.compile(r"\b(?:of|the|and|for|to|on|in|a|an|by|with|at|from)$", re.I)
_WORDISH = re.compile(r"[A-Za-z][a-z]+|[A-Z]{2,}")


def bad_title(text: Optional[str]) -> bool:
    """True when `text` cannot be the paper's title (see the module's docstring)."""
    t = (text or "").strip()
    if len(t) < 4 or len(t) > 300:
        return True
    if _LABEL.match(t) or _BULLET.match(t) or _PATH.search(t) or _PERSON.match(t):
        return True
    if len(_POSTNOMINAL.findall(t)) >= 2 or _POSTCODE.search(t) or "@" in t:
        return True
    if _ACT_ONLY.match(t) or _DATE_ONLY.match(t) or t.isdigit():
        return True
    letters = sum(ch.isalpha() for ch in t)
    words = _WORDISH.findall(t)
    if letters < 0.6 * len(t.replace(" ", "")) or not words:
        return True
    # glyph-code garbage: few real words among the tokens
    if len(words) < 0.5 * len(t.split()):
        return True
    return False


def _joined_headings(document: Document) -> Iterable[str]:
    """Page-1 headings, a heading ending mid-phrase ("... of the") joined to the one after it."""
    heads = [s.heading.strip() for s in document.sections if s.page == 1 and (s.heading or "").strip()]
    i = 0
    while i < len(heads):
        h = heads[i]
        if _DANGLING.search(h) and i + 1 < len(heads):
            yield f"{h} {heads[i + 1]}"
            i += 2
            continue
        yield h
        i += 1


def _with_subtitle(title: str, subtitle: Optional[str]) -> str:
    sub = (subtitle or "").strip().rstrip(":")
    if not sub or bad_title(sub) or sub.lower() in title.lower():
        return title
    return f"{title}: {sub}"


def find_title(document: Document) -> Optional[str]:
    """The title as a reader would name it, or None when nothing on the page or in the file will do."""
    meta = document.metadata
    for key in ("subject",):
        value = meta.get(key)
        if isinstance(value, str) and not bad_title(value):
            return value.strip()
    title = meta.get("title")
    if isinstance(title, str) and not bad_title(title):
        return _with_subtitle(title.strip(), meta.get("subtitle") if isinstance(meta.get("subtitle"), str) else None)
    for heading in _joined_headings(document):
        if not bad_title(heading):
            return heading
    if document.source.title and not bad_title(document.source.title):
        return document.source.title.strip()
    for block in document.blocks:  # a short line standing alone on the front page
        text = block.text.strip()
        if block.page == 1 and len(text.split()) <= 15 and not text.endswith(".") and not bad_title(text):
            return text
    return None
