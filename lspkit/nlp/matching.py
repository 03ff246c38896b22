"""Normalised matching: one small rule-based English stemmer used on both sides.

Theme terms and paragraph tokens go through the same `stem`, so a taxonomy
term written once matches its case, plural and inflected forms:
scrutiny / scrutinise / scrutinising / scrutinised -> "scrutin",
partnership / partnerships -> "partnership", governance / governing -> "govern",
accountable / accountability -> "accountabl" (but "account" stays "account",
so audit accounts are not accountability).

Deliberately conservative: it only strips suffixes that change the inflection
or the noun/verb form of the same idea, never "-er" or "-al", so distinct words
("member"/"memo", "partner"/"partnership") stay distinct.  No dictionary and no
downloaded data, so it works on `spacy.blank("en")`.
"""
from __future__ import annotations

import re
from functools import lru_cache

# Irregular forms a suffix rule would get wrong.
_EXCEPTIONS = {
    "children": "child",
    "people": "people",
    "women": "woman",
    "men": "man",
    "bus": "bus",
    "gas": "gas",
    "news": "news",
    "status": "status",
    "means": "means",
    "series": "series",
    "species": "species",
    "analysis": "analysis",
    "analyses": "analysis",
    "basis": "basis",
    "bases": "basis",
    "crisis": "crisis",
    "crises": "crisis",
    "business": "business",
    "businesses": "business",
    "process": "process",
    "processes": "process",
    "across": "across",
    "towards": "toward",
    "was": "was",
    "has": "has",
    "is": "is",
    "its": "its",
    "this": "this",
    "thus": "thus",
    "less": "less",
    "unless": "unless",
    # -ment nouns that are not the verb's action: government is not governance
    "government": "government",
    "governments": "government",
    "department": "department",
    "departments": "department",
    "parliament": "parliament",
    "element": "element",
    "elements": "element",
    "moment": "moment",
    "comment": "comment",
    "comments": "comment",
    "document": "document",
    "documents": "document",
    "statement": "statement",
    "statements": "statement",
    "apartment": "apartment",
    "segment": "segment",
    "secondment": "secondment",
    "secondments": "secondment",
}

# Suffixes removed after plural handling, longest first.  Each maps to what
# replaces it; the stem must keep at least `_MIN_STEM` characters.
_SUFFIXES = (
    ("isations", ""),
    ("izations", ""),
    ("isation", ""),
    ("ization", ""),
    ("abilities", "abl"),
    ("ability", "abl"),
    ("ibility", "ibl"),
    ("ising", ""),
    ("izing", ""),
    ("ised", ""),
    ("ized", ""),
    ("ises", ""),
    ("izes", ""),
    ("ise", ""),
    ("ize", ""),
    ("able", "abl"),
    ("ible", "ibl"),
    ("ments", ""),
    ("ment", ""),
    ("ances", ""),
    ("ance", ""),
    ("ences", ""),
    ("ence", ""),
    ("ing", ""),
    ("ied", "y"),
    ("ed", ""),
)
_MIN_STEM = 4
_DOUBLED = re.compile(r"([bdfgklmnprtz])\1$")
_APOSTROPHES = ("'s", "’s", "s'", "s’")


@lru_cache(maxsize=200_000)
def stem(word: str) -> str:
    """The normal form of one token: lower case, no possessive, no inflection."""
    if len(word) >= 3 and word[-1] == "s" and word[:-1].isupper() and word[:-1].replace("&", "").isalpha():
        return word[:-1].lower()  # LSPs -> lsp, LAAs -> laa
    w = word.lower()
    if not w or not w[0].isalpha():
        return w
    for a in _APOSTROPHES:
        if w.endswith(a) and len(w) > len(a) + 1:
            w = w[: -len(a)] + ("s" if a.startswith("s") else "")
            break
    if w in _EXCEPTIONS:
        return _EXCEPTIONS[w]
    if not w.isalpha() or len(w) <= 3:
        return w  # short words, numbers, "o&s"
    # plural
    if w.endswith("ies") and len(w) > 4:
        w = w[:-3] + "y"
    elif w.endswith("sses"):
        w = w[:-2]
    elif w.endswith("s") and not w.endswith(("ss", "us", "is", "ics")):
        w = w[:-1]
    for suffix, repl in _SUFFIXES:
        if w.endswith(suffix) and len(w) - len(suffix) + len(repl) >= _MIN_STEM:
            w = w[: -len(suffix)] + repl
            if suffix in ("ing", "ed") and _DOUBLED.search(w):
                w = w[:-1]  # planning -> plan, committed -> commit
            break
    # a final silent 'e' and a final 'y' vary between the forms of one word
    # (engage/engaging, scrutiny/scrutinise, agree/agreed)
    if len(w) > _MIN_STEM and w[-1] in "ey":
        w = w[:-1]
    return w


_WORD = re.compile(r"[A-Za-z0-9][A-Za-z0-9&'’\-]*")


def stem_phrase(text: str) -> tuple[str, ...]:
    """Stems of a phrase split the way a user thinks of it (for duplicate checks)."""
    return tuple(stem(w) for w in _WORD.findall(text.replace("-", " ")))
