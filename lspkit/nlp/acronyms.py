"""Acronyms and their expansions, found per document.

Council papers define an acronym once ("Local Area Agreement (LAA)", or the
reverse "LAA (Local Area Agreement)") and then use it everywhere; some never
define it in brackets at all but spell the long form out elsewhere ("Office of
the Deputy Prime Minister" in 1.1, "ODPM" in 1.4).  `find_acronyms` builds the
document glossary in three passes, each recorded in `Acronym.how`:

1. "parenthesis" / "reverse": a bracketed definition whose initials match;
2. "initials": for acronyms used but never bracketed, a run of capitalised
   words anywhere in the document whose initials spell it;
3. "known": the taxonomy's list of domain acronyms, as a last resort.

Pure Python (regular expressions), so the summary's glossary bar does not need
spaCy; the spaCy component at the bottom reuses it and puts every use on
`doc.spans["acronyms"]`.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, Iterable, Mapping, Optional, Sequence

# Words an acronym's initials may skip ("Office of the Deputy Prime Minister").
STOPWORDS = frozenset("of the and & for in on to a an at by with from".split())
# All-capital words that are words, not acronyms (headings, emphasis).
_CAPS_WORDS = frozenset(
    """THE AND FOR NOT ALL ANY ARE BUT CAN HAS HAD HER HIS ITS NEW NOW OUR OUT SEE SHE WAS WHO YOU
    NOTE ROLE PART ANNEX ANNEXE TABLE PAGE ITEM BY OF TO IN ON OR AN AS AT BE IF IS IT NO SO UP WE
    ME MY DO GO HE ONE TWO YES KEY AIM AIMS WHY HOW WHAT WHEN PLAN MUST SHALL SHOULD WILL MAY ONLY
    ALSO VERY NONE EACH BOTH THIS THAT THESE THOSE WITH FROM INTO OVER UNDER NB PS AM PM""".split()
)
_ROMAN = re.compile(r"^(?=[IVX]+$)X{0,3}(IX|IV|V?I{0,3})$")
_CANDIDATE = re.compile(r"(?<![A-Za-z0-9&])([A-Z][A-Za-z&]{1,9})(?![A-Za-z0-9&])")
_WORD = re.compile(r"[A-Za-z][A-Za-z'’]*(?:-[A-Za-z][A-Za-z'’]*)*|&")
_FORWARD = re.compile(r"\(\s*([A-Z][A-Za-z&]{1,9})\s*\)")
_REVERSE = re.compile(r"(?<![A-Za-z0-9&])([A-Z][A-Za-z&]{1,9})\s*\(\s*([^()]{3,150}?)\s*\)")


@dataclass(frozen=True)
class Acronym:
    short: str
    long: str
    first: str  # number of the first paragraph where it is used or defined
    how: str = "parenthesis"  # parenthesis | reverse | initials | known

    def to_dict(self) -> dict[str, Any]:
        return {"short": self.short, "long": self.long, "first": self.first, "how": self.how}


@dataclass(frozen=True)
class UnexpandedAcronym:
    short: str
    first: str

    def to_dict(self) -> dict[str, Any]:
        return {"short": self.short, "first": self.first}


@dataclass(frozen=True)
class Glossary:
    entries: tuple[Acronym, ...] = ()
    unexpanded: tuple[UnexpandedAcronym, ...] = ()

    def get(self, short: str) -> Optional[Acronym]:
        for a in self.entries:
            if a.short == short:
                return a
        return None

    def expansions(self) -> dict[str, str]:
        return {a.short: a.long for a in self.entries}

    def to_dict(self) -> dict[str, Any]:
        return {"entries": [a.to_dict() for a in self.entries], "unexpanded": [u.to_dict() for u in self.unexpanded]}


# ---------------------------------------------------------------- scanning one text


def acronym_base(token: str) -> Optional[str]:
    """'LSPs' -> 'LSP', 'O&S' -> 'O&S', 'DfES' -> 'DfES'; None when not an acronym."""
    base = token
    if len(token) >= 3 and token.endswith("s") and token[:-1].replace("&", "").isupper():
        base = token[:-1]
    letters = base.replace("&", "")
    if not letters.isalpha() or len(letters) < 2 or len(base) > 8:
        return None
    upper = sum(c.isupper() for c in letters)
    if upper < 2 or upper < len(letters) - upper or not base[-1].isupper() and base[-1] != "s":
        return None
    if not base[-1].isupper():
        return None
    if base in _CAPS_WORDS or _ROMAN.match(base):
        return None
    return base


def _is_shouting(word: str) -> bool:
    w = word.strip("*_:,.;()")
    return len(w) >= 2 and w.isalpha() and w.isupper() and (w in _CAPS_WORDS or len(w) >= 7)


def find_uses(text: str) -> list[tuple[int, int, str]]:
    """(start, end, base) of every acronym token, skipping all-capital headings."""
    out = []
    for m in _CANDIDATE.finditer(text):
        token = m.group(1)
        if token[1:].islower():
            continue  # "Council", "The": one capital, so never an acronym (acronym_base would say None)
        base = acronym_base(token)
        if base is None:
            continue
        before = text[max(0, m.start() - 30) : m.start()].split()
        after = text[m.end() : m.end() + 30].split()
        if (before and _is_shouting(before[-1])) or (after and _is_shouting(after[0])):
            continue
        out.append((m.start(), m.end(), base))
    return out


def _letters(short: str) -> str:
    return short.replace("&", "")


def _initials_match(words: list[str], letters: str, *, need_caps: bool) -> Optional[int]:
    """Index into `words` where a run ending at the last word spells `letters`.

    Stop words may be skipped (or spell a lower-case letter, "DfES").  With
    `need_caps`, every word that supplies a letter must be capitalised.
    """
    n = len(letters)

    def walk(i: int, j: int, budget: int) -> Optional[int]:
        if i < 0:
            # the long form may not start with a stop word
            return j + 1 if j + 1 < len(words) and words[j + 1].lower() not in STOPWORDS else None
        if j < 0 or budget == 0:
            return None
        w = words[j]
        lw = w.lower()
        if lw[0] == letters[i].lower() and (not need_caps or w[0].isupper() or lw in STOPWORDS):
            r = walk(i - 1, j - 1, budget - 1)
            if r is not None:
                return r
        if lw in STOPWORDS:
            return walk(i, j - 1, budget - 1)
        return None

    return walk(n - 1, len(words) - 1, n * 3 + 2)


def singular(long: str, plural_acronym: bool = False) -> str:
    """'Local Strategic Partnerships' -> 'Local Strategic Partnership' (last word only).

    Always for a plural acronym ("(LSPs)"); otherwise only for endings that
    are surely plural nouns ("Strategies", "Partnerships", "Agreements"), so
    "Department for Education and Skills" keeps its s.
    """
    head, _, last = long.rpartition(" ")
    lw = last.lower()
    if not plural_acronym and not lw.endswith(("ies", "ships", "ments")):
        return long
    if lw.endswith("ies") and len(lw) > 4:
        last = last[:-3] + ("Y" if last.isupper() else "y")
    elif lw.endswith("s") and not lw.endswith(("ss", "us", "is", "ics", "'s", "’s")) and len(lw) > 4:
        last = last[:-1]
    return f"{head} {last}" if head else last


def _clean_long(text: str) -> str:
    return " ".join(text.replace("*", " ").replace("_", " ").split()).strip(" ,;:-–")


def find_definitions(text: str) -> list[tuple[str, str, str, int, int]]:
    """(short, long, how, short_start, short_end) for bracketed definitions in `text`."""
    out = []
    for m in _FORWARD.finditer(text):
        short = acronym_base(m.group(1))
        if short is None:
            continue
        window = text[max(0, m.start() - 200) : m.start()]
        words = [(w.group(0), w.start(), w.end()) for w in _WORD.finditer(window)]
        words = words[-(len(_letters(short)) * 3 + 2) :]
        start = _initials_match([w for w, _, _ in words], _letters(short), need_caps=False)
        if start is not None:
            base = max(0, m.start() - 200)
            long = _clean_long(window[words[start][1] : words[-1][2]])
            if _FORWARD_GAP.search(text[base + words[-1][2] : m.start()]) is None:
                continue
            out.append((short, singular(long, m.group(1) != short), "parenthesis", m.start(1), m.end(1)))
    for m in _REVERSE.finditer(text):
        short = acronym_base(m.group(1))
        if short is None:
            continue
        words = _WORD.findall(m.group(2))
        if not words:
            continue
        start = _initials_match(words, _letters(short), need_caps=False)
        if start == 0 and len(words) <= len(_letters(short)) * 3:
            out.append((short, singular(_clean_long(m.group(2)), m.group(1) != short), "reverse", m.start(1), m.end(1)))
    return out


# between the long form and its bracket only spaces and emphasis marks
_FORWARD_GAP = re.compile(r"^[\s*_’']*$")


@dataclass(frozen=True)
class Scan:
    """One text's acronym uses (find_uses) and bracketed definitions (find_definitions).

    Scanned once per paragraph: the document's glossary and the spaCy
    component both read it (the tagger hands it over in
    doc.user_data["lsp_acronym_scan"]).
    """

    uses: tuple[tuple[int, int, str], ...] = ()
    definitions: tuple[tuple[str, str, str, int, int], ...] = ()


def scan(text: str) -> Scan:
    # both definition patterns need a bracket: most paragraphs skip the second scan
    return Scan(tuple(find_uses(text)), tuple(find_definitions(text)) if "(" in text else ())


# ---------------------------------------------------------------- a whole document


def find_acronyms(
    paragraphs: Sequence[tuple[str, str]],
    known: Optional[Mapping[str, str]] = None,
    scans: Optional[Sequence[Scan]] = None,
) -> Glossary:
    """The glossary of a document given as (paragraph number, text) pairs in order.

    `scans`, one per paragraph, are the texts' `scan` when the caller has them already.
    """
    first: dict[str, int] = {}  # short -> index of first paragraph using or defining it
    defined: dict[str, tuple[str, str, int]] = {}  # short -> (long, how, index)
    for idx, (_number, text) in enumerate(paragraphs):
        found = scans[idx] if scans is not None else scan(text)
        for _s, _e, base in found.uses:
            first.setdefault(base, idx)
        for short, long, how, _s, _e in found.definitions:
            first.setdefault(short, idx)
            if short not in defined or (defined[short][1] == "reverse" and how == "parenthesis"):
                defined[short] = (long, how, idx)
    # pass 2: acronyms used but never bracketed -> capitalised runs spelling them
    missing = [s for s in first if s not in defined]
    if missing:
        words = _CapitalisedWords(paragraphs)
        for short in missing:
            found = _find_by_initials(short, words, paragraphs)
            if found:
                long, idx = found
                defined[short] = (singular(long), "initials", idx)
                first[short] = min(first[short], idx)
    for short, long in (known or {}).items():
        if short in first and short not in defined:
            defined[short] = (long, "known", first[short])
    numbers = [n for n, _ in paragraphs]
    order = sorted(first, key=lambda s: (first[s], s))
    entries = tuple(Acronym(s, defined[s][0], numbers[first[s]], defined[s][1]) for s in order if s in defined)
    unexpanded = tuple(UnexpandedAcronym(s, numbers[first[s]]) for s in order if s not in defined)
    return Glossary(entries, unexpanded)


class _CapitalisedWords:
    """The document's words (_WORD), split once, with where each capital letter starts a word."""

    def __init__(self, paragraphs):
        self.words = [_WORD.findall(t) for _, t in paragraphs]
        self.starting: dict[str, list[tuple[int, int]]] = {}  # capital -> (paragraph index, word index), in order
        for idx, ws in enumerate(self.words):
            for j, w in enumerate(ws):
                if w[0].isupper():
                    self.starting.setdefault(w[0], []).append((idx, j))


def _find_by_initials(short: str, words: _CapitalisedWords, paragraphs) -> Optional[tuple[str, int]]:
    letters = _letters(short)
    for idx, j in words.starting.get(letters[-1].upper(), ()):
        lo = max(0, j + 1 - (len(letters) * 3 + 2))
        window = words.words[idx][lo : j + 1]
        start = _initials_match(window, letters, need_caps=True)
        if start is None:
            continue
        run = window[start:]
        content = [x for x in run if x.lower() not in STOPWORDS]
        if len(content) < 2 or not all(x[0].isupper() for x in content):
            continue
        # the run must not be the middle of a longer capitalised name
        if start > 0 and window[start - 1][0].isupper() and window[start - 1].lower() not in STOPWORDS:
            continue
        text = paragraphs[idx][1]
        spans = [m.span() for m in _WORD.finditer(text)]
        return _clean_long(text[spans[lo + start][0] : spans[j][1]]), idx
    return None


# ---------------------------------------------------------------- spaCy component


def _register() -> None:
    from spacy.language import Language
    from spacy.tokens import Doc

    for name, default in (("acronyms", None), ("lsp_context_glossary", None)):
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=default)

    if "lsp_acronyms" in Language.factories:
        return

    @Language.factory(
        "lsp_acronyms",
        assigns=["doc.spans", "doc._.acronyms"],
        default_config={"spans_key": "acronyms", "known": {}},
    )
    def make_acronyms(nlp, name: str, spans_key: str, known: dict):
        return AcronymComponent(spans_key=spans_key, known=known)


class AcronymComponent:
    """Marks every acronym use on `doc.spans[spans_key]` (label = the short form).

    The glossary comes from `doc._.lsp_context_glossary` when the caller set it
    (the whole document's glossary, so an acronym defined in 1.2 is known in
    5.3), else from the doc's own text.  Definition sites ("(LAA)" right after
    "Local Area Agreement") go on `doc.spans[spans_key + "_definitions"]` so
    the theme scorer does not count the long form twice.
    """

    def __init__(self, spans_key: str = "acronyms", known: Optional[Mapping[str, str]] = None):
        self.spans_key = spans_key
        self.known = dict(known or {})

    def __call__(self, doc):
        from . import docdata
        from .themes import doc_text

        text = doc_text(doc)
        found = doc.user_data.get("lsp_acronym_scan")
        if found is None:
            found = scan(text)
        glossary = docdata.get(doc, "lsp_context_glossary")
        if glossary is None:
            glossary = find_acronyms([("", text)], known=self.known, scans=[found])
        docdata.put(doc, "acronyms", glossary)
        char_span = doc.char_span
        defs = [char_span(s, e, label=short, alignment_mode="expand") for short, _l, _h, s, e in found.definitions]
        uses = [char_span(s, e, label=base, alignment_mode="expand") for s, e, base in found.uses]
        doc.spans[self.spans_key] = [sp for sp in uses if sp is not None]
        doc.spans[self.spans_key + "_definitions"] = [sp for sp in defs if sp is not None]
        return doc


def glossary_of(pairs: Iterable[tuple[str, str]], known: Optional[Mapping[str, str]] = None) -> Glossary:
    return find_acronyms(list(pairs), known=known)
