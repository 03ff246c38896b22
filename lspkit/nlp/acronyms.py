"""Acronyms and their expansions, found per document.

Council papers define an acronym once ("Local Area Agreement (LAA)", or the
reverse "LAA (Local Area Agreement)") and then use it everywhere; some never
define it in brackets at all but spell the long form out elsewhere ("Office of
the Deputy Prime Minister" in 1.1, "ODPM" in 1.4).  `find_acronyms` builds the
document glossary in three passes, each recorded in `Acronym.how`:

1. "parenthesis" / "reverse": a bracketed definition whose initials match
   ("Sustainable Drainage Systems (SuDS)", "Planning Act 2008 (“PA2008”)",
   "(or SCI for short)", "(C.C.C.)", a formula "nitrogen dioxide (NO2)");
   "name": a capitalised name before an all-capitals bracket that shares
   its letters in another order ("Thailand Railways Board (SRT)");
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
from typing import Any, Iterable, Iterator, Mapping, Optional, Sequence

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
# A capital not preceded by a letter, digit or "&": the check comes after the capital ("(?<![...].)" looks at the
# character before it), so the pattern starts with a class and the regular-expression engine jumps from capital to
# capital instead of trying the look-behind at every character (the same matches: tests/test_nlp_acronyms.py).
_CANDIDATE = re.compile(r"([A-Z](?<![A-Za-z0-9&].)[A-Za-z&]{1,9})(?![A-Za-z0-9&])")
# _CANDIDATE with a second capital in it (find_uses): a word with one capital is never an acronym (acronym_base needs
# two), so the engine passes over "Council" and "The" without a Python step each
_USE = re.compile(r"([A-Z](?<![A-Za-z0-9&].)(?=[a-z&]{0,8}[A-Z])[A-Za-z&]{1,9})(?![A-Za-z0-9&])")
_WORD = re.compile(r"[A-Za-z][A-Za-z'’]*(?:[-‐‑]\s?[A-Za-z][A-Za-z'’]*)*|&")
# the words before a bracket, numbers too ("the Planning Act 2008 (PA2008)", "East Anglia TWO (EA2)")
_TOKEN = re.compile(r"[A-Za-z][A-Za-z'’]*(?:[-‐‑]\s?[A-Za-z][A-Za-z'’]*)*|&|\d+")
# "(ABC)", "(ABCs)", "(SuDS)", "(Defra)", "(C.C.C.)", "(NO2)", "(HFT SPD)", "(“EA”)", "(the “RTDIMP”)",
# "(or SCI for short)", "(hereafter the LPA)", "(known as ABC)"
_FORWARD = re.compile(
    r"\(\s*(?:(?:or|hereafter|henceforth|hereinafter|known\s+as|referred\s+to\s+as)\s+)?(?:the\s+)?[“\"‘']?(?:the\s+)?"
    r"((?:[A-Z]\.){2,6}|[A-Z][A-Za-z0-9&]{1,9}(?:\s[A-Z]{2,6}(?![A-Za-z]))?)"
    r"[”\"’']?(?:\s+for\s+short)?\s*\)"
)
_REVERSE = re.compile(r"([A-Z](?<![A-Za-z0-9&].)[A-Za-z&]{1,9})\s*\(\s*([^()]{3,150}?)\s*\)")  # (as _CANDIDATE)


@dataclass(frozen=True)
class Acronym:
    short: str
    long: str
    first: str  # number of the first paragraph where it is used or defined
    how: str = "parenthesis"  # parenthesis | reverse | name | initials | known

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
    if len(token) >= 3 and token.endswith("s") and token[-2].isupper() and sum(c.isupper() for c in token) >= 2:
        base = token[:-1]  # "LSPs", "WwTWs"
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
    for m in _USE.finditer(text):  # (tokens of _CANDIDATE with two capitals or more)
        token = m.group(1)
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
    return short.replace("&", "").replace(".", "").replace(" ", "")


def _units(letters: str) -> list[str]:
    """'SuDS' -> S u D S; 'PA2008' -> P A 2008 (a number is one unit); 'C.C.C.' -> C C C."""
    return re.findall(r"\d+|[A-Za-z]", letters)


_NUMBER_WORDS = {w: str(i) for i, w in enumerate("zero one two three four five six seven eight nine ten".split())}


def _subsequence(small: str, big: str) -> bool:
    it = iter(big)
    return all(c in it for c in small)


def _initials_match(words: list[str], letters: str, *, need_caps: bool) -> Optional[int]:
    """Index into `words` where a run ending at the last word spells `letters`.

    Stop words may be skipped (or spell a lower-case letter, "DfES").  A capital
    with lower-case letters after it may take them from inside its word ("SuDS":
    Sustainable Drainage Systems, "EqIA": Equality Impact Assessment, "WwTW":
    Wastewater Treatment Works).  A number in the short form is a number or a
    number word in the run ("PA2008": Planning Act 2008, "EA2": East Anglia TWO).
    With `need_caps`, every word that supplies a letter must be capitalised.
    """
    units = _units(letters)
    n = len(units)

    def walk(i: int, j: int, budget: int) -> Optional[int]:
        if i < 0:
            # the long form may not start with a stop word
            return j + 1 if j + 1 < len(words) and words[j + 1].lower() not in STOPWORDS else None
        if j < 0 or budget == 0:
            return None
        w = words[j]
        lw = w.lower()
        u = units[i]
        if u.isdigit():
            if lw == u or _NUMBER_WORDS.get(lw) == u:
                r = walk(i - 1, j - 1, budget - 1)
                if r is not None:
                    return r
        elif lw[0] == u.lower() and (not need_caps or w[0].isupper() or lw in STOPWORDS):
            r = walk(i - 1, j - 1, budget - 1)
            if r is not None:
                return r
        if u.isalpha() and u.islower():  # "Su" of Sustainable: a capital and the lower-case letters after it
            k = i
            while k > 0 and units[k].isalpha() and units[k].islower():
                k -= 1
            head = units[k]
            if (head.isalpha() and head.isupper() and lw[0] == head.lower() and (not need_caps or w[0].isupper())
                    and _subsequence("".join(units[k + 1 : i + 1]).lower(), lw[1:])):
                r = walk(k - 1, j - 1, budget - 1)
                if r is not None:
                    return r
        if u.isalpha() and u.isupper() and len(lw) >= 6 and (not need_caps or w[0].isupper()):
            for size in (3, 2):  # "PINS": Planning INSpectorate, the word's first letters; other words give the rest
                k = i - size + 1
                if k > 0 and all(x.isalpha() and x.isupper() for x in units[k : i + 1]) \
                        and lw.startswith("".join(units[k : i + 1]).lower()):
                    r = walk(k - 1, j - 1, budget - 1)
                    if r is not None:
                        return r
        if lw in STOPWORDS:
            return walk(i, j - 1, budget - 1)
        return None

    return walk(n - 1, len(words) - 1, n * 3 + 2)


# words that are one thing though they end in s ("European Protected Species (EPS)", "Treatment Works (WwTWs)")
_INVARIANT = frozenset("species series means works headquarters news crossroads".split())


def singular(long: str, plural_acronym: bool = False) -> str:
    """'Local Strategic Partnerships' -> 'Local Strategic Partnership' (last word only).

    Always for a plural acronym ("(LSPs)"); otherwise only for endings that
    are surely plural nouns ("Strategies", "Partnerships", "Agreements"), so
    "Department for Education and Skills" keeps its s, and never for a word
    whose singular is itself ("Species", "Works").
    """
    head, _, last = long.rpartition(" ")
    lw = last.lower()
    if lw in _INVARIANT or not plural_acronym and not lw.endswith(("ies", "ships", "ments")):
        return long
    if lw.endswith("ies") and len(lw) > 4:
        last = last[:-3] + ("Y" if last.isupper() else "y")
    elif lw.endswith("s") and not lw.endswith(("ss", "us", "is", "ics", "'s", "’s")) and len(lw) > 4:
        last = last[:-1]
    return f"{head} {last}" if head else last


def _clean_long(text: str) -> str:
    text = " ".join(text.replace("*", " ").replace("_", " ").split()).strip(" ,;:-–")
    text = re.sub(r"[’']s$", "", text)  # "the Planning Inspectorate’s (PINS) website"
    return text.strip(" ,;:-–‘’“”\"'")


# the small words inside a name ("Peace and Democracy Party"); "in", "to", "by" join a name to something else
# ("Judgment in the European Court of Justice")
_NAME_JOINS = frozenset("of the and for".split())
_CLAUSE_END = re.compile(r"[.;:!?](?=\s)|[()\[\]]")

# a company's suffix after the letters: "No Adastral New Town Ltd (NANT)"
_COMPANY = frozenset("ltd limited plc llp inc".split())

# chemical formulas: "(NO2)", "(NOx)", "(NH3)", "(O3)", "(SO2)", "(CO2)"
_ELEMENTS = frozenset("H C N O S P F Cl Br Na K Ca Mg Fe Pb Hg Zn Cu Cd Ni As Cr Mn Al Si".split())
_FORMULA = re.compile(r"^(?:[A-Z][a-z]?\d{0,2})+x?$")
_CHEMICAL_WORDS = frozenset(
    """nitrogen oxygen hydrogen carbon sulphur sulfur chlorine fluorine phosphorus ammonia ozone methane lead
    mercury sodium calcium magnesium iron zinc copper cadmium nickel arsenic chromium manganese""".split()
)


def is_formula(short: str) -> bool:
    """'NO2', 'NOx', 'NH3', 'O3': element symbols with counts (a digit or a trailing x)."""
    if not _FORMULA.match(short) or not (re.search(r"\d", short) or short.endswith("x")):
        return False
    return all(sym in _ELEMENTS for sym in re.findall(r"[A-Z][a-z]?", short.rstrip("x")))


def _chemical(word: str) -> bool:
    w = word.lower()
    return w in _CHEMICAL_WORDS or w.endswith(("ide", "ides", "ate", "ates", "ite", "ites"))


def spelled_code(short: str, long: str) -> bool:
    """A short form with digits whose long form carries them ("PA2008" Planning Act 2008, "EA2" East Anglia TWO,
    "NO2" nitrogen dioxide): an abbreviation, not a reference code."""
    if is_formula(short):
        return any(_chemical(w) for w in re.findall(r"[A-Za-z]+", long))
    words = {w.lower() for w in re.findall(r"[A-Za-z]+|\d+", long)}
    # a year or a section of an Act ("2008", "106") or a number spelt out ("TWO"); "Main Modification 12 (MM12)",
    # "Appendix 2 (A2)" are a reference code and its label
    return all(len(d) >= 3 and d in words or any(_NUMBER_WORDS.get(w) == d for w in words)
               for d in re.findall(r"\d+", short))


def _classify(token: str) -> Optional[tuple[str, str, str, bool]]:
    """(kind, short, letters, plural) of a bracketed token, or None when it is no short form."""
    if re.fullmatch(r"(?:[A-Z]\.){2,6}", token):
        return "dotted", token, _letters(token), False
    if " " in token:  # "(HFT SPD)"
        first, second = token.split(" ", 1)
        if acronym_base(first) == first and acronym_base(second) == second:
            return "acronym", token, _letters(token), False
        return None
    if re.search(r"\d", token):
        if is_formula(token):
            return "formula", token, token, False
        letters = re.sub(r"\d", "", token)
        if letters and token[0].isupper() and sum(c.isupper() for c in letters) >= len(letters) - 1:
            # "S106" (Section 106), "PA2008" (Planning Act 2008): the long form must spell the letters and carry
            # the number, which a reference code's context ("Policy H12 (H12)") does not
            return "code", token, token, False
        return None
    if is_formula(token):  # "NOx"
        return "formula", token, token, False
    base = acronym_base(token)
    if base is not None:
        return "acronym", base, _letters(base), token != base
    if 3 <= len(token) <= 6 and token[1:].islower() and token.isalpha():  # "Defra": a word made of the initials
        return "word", token, token, False
    return None


def _spans(window: str, pattern: re.Pattern, split: bool) -> list[tuple[str, int, int]]:
    out = []
    for m in pattern.finditer(window):
        word = m.group(0)
        if split and re.search(r"[-‐‑]", word):  # "semi-natural" gives s and n
            out += [(p.group(0), m.start() + p.start(), m.start() + p.end()) for p in re.finditer(r"[A-Za-z][A-Za-z'’]*", word)]
        else:
            out.append((word, m.start(), m.end()))
    return out


def _strict(window: str, kind: str, letters: str) -> Optional[tuple[int, int]]:
    """(start, end) in `window` of the run whose initials spell `letters`, ending at the bracket."""
    pattern = _TOKEN if kind == "code" else _WORD
    for split in (False, True):
        spans = _spans(window, pattern, split)
        if not spans:
            return None
        ends = [len(spans)]
        if spans[-1][0].lower().rstrip(".") in _COMPANY:
            ends.append(len(spans) - 1)  # "... New Town Ltd (NANT)": the letters end before "Ltd"
        for end in ends:
            words = spans[:end][-(len(letters) * 3 + 2) :]
            if not words:
                continue
            start = _initials_match([w for w, _, _ in words], letters, need_caps=kind == "word")
            if start is not None:
                return words[start][1], spans[-1][2]
    return None


def _loose(window: str, letters: str) -> Optional[tuple[int, int]]:
    """A capitalised name right before an all-capitals bracket whose letters it shares in part, in another order
    or with words skipped: "Thailand Railways Board (SRT)", "Peace and Democracy Party (BDP)", "National Institute
    for Health and Clinical Excellence (NICE)", "Planning Inspectorate’s (PINS)"."""
    spans = _spans(window, _WORD, False)
    run: list[tuple[str, int, int]] = []
    for k in range(len(spans) - 1, -1, -1):
        w, s, e = spans[k]
        if run and not re.fullmatch(r"[\s,&]*", window[e : run[-1][1]]):
            break  # a full stop, a bracket, a number: the name ends there
        if w == "&" or w in _NAME_JOINS:
            run.append(spans[k])
        elif w[0].isupper() and not (len(w) > 1 and w.isupper()):
            run.append(spans[k])
        else:
            break
    run.reverse()
    while run and (run[0][0].lower() in STOPWORDS or run[0][0] == "&"):
        run.pop(0)
    content = [w for w in run if w[0].lower() not in STOPWORDS and w[0] != "&"]
    want = {c for c in letters if c.isupper()}
    if len(letters) < 3 or len(content) < 2:
        return None
    for k in range(len(run) - 1, 0, -1):  # a name and its qualifier: "National Telecommunications and Information
        # Administration of the Department of Commerce (NTIA)" is the name before "of"
        if run[k][0].lower() in ("of", "for", "in", "at") and run[k - 1][0].lower() not in STOPWORDS:
            words = [w for w, _, _ in run[:k]]
            start = _initials_match(words, letters, need_caps=False)
            if start is not None:
                return run[start][1], run[k - 1][2]
    best, best_at = 0, None
    for k in range(len(content) - 1, -1, -1):  # the shortest tail of the name with the most letters shared
        got = len(want & {w[0][0].upper() for w in content[k:]})
        if got > best:
            best, best_at = got, k
    if best_at is None or best < max(2, -(-2 * len(want) // 3)):  # two thirds of the letters, at least two
        return None
    while best_at > 0 and content[best_at - 1][0][0].upper() in want:  # "Peace and Democracy Party (BDP)"
        best_at -= 1
    if len(content) - best_at < 2:
        return None
    if len(content) - best_at > len(letters) + 2:
        return None
    return content[best_at][1], spans[-1][2]


def _one_word(window: str, letters: str) -> Optional[tuple[int, int]]:
    """A long word whose letters hold the short form's, from its first: "tuberculosis (TB)"."""
    spans = _spans(window, _WORD, False)
    if not spans or not 2 <= len(letters) <= 4:
        return None
    w, s, e = spans[-1]
    lw = w.lower()
    if len(lw) >= max(8, 3 * len(letters)) and lw[0] == letters[0].lower() and _subsequence(letters.lower(), lw):
        return s, e
    return None


def _formula_long(window: str) -> Optional[tuple[int, int]]:
    """ "nitrogen dioxide (NO2)", "Oxides of Nitrogen (NOx)", "Ammonia (NH3)"."""
    spans = _spans(window, _WORD, False)
    if not spans or not _chemical(spans[-1][0]):
        return None
    if len(spans) >= 3 and spans[-2][0].lower() == "of" and _chemical(spans[-3][0]):
        return spans[-3][1], spans[-1][2]
    if len(spans) >= 2 and spans[-2][0].lower() in _CHEMICAL_WORDS:
        return spans[-2][1], spans[-1][2]
    return spans[-1][1], spans[-1][2]


def find_definitions(text: str) -> list[tuple[str, str, str, int, int]]:
    """(short, long, how, short_start, short_end) for bracketed definitions in `text`."""
    out = []
    for m in _FORWARD.finditer(text):
        kinded = _classify(m.group(1))
        if kinded is None:
            continue
        kind, short, letters, plural = kinded
        base = max(0, m.start() - 200)
        window = text[base : m.start()]
        # between the long form and the bracket: quotes, emphasis, a footnote's number ("‘Critical Loads’ 14 (CLs)")
        gap = re.search(r"[\s*_’'\"“”‘]*(?:(?<![\d\-–])\d{1,3}[\s*]*)?$" if kind != "code" else r"[\s*_’'\"“”‘]*$", window)
        window = window[: gap.start()] if gap else window
        cut = None
        for cut in _CLAUSE_END.finditer(window):
            pass
        offset = cut.end() if cut else 0  # the long form stays inside its sentence ("met. Highways (MH)")
        window = window[offset:]
        if not re.search(r"[A-Za-z0-9&]$" if kind == "code" else r"[A-Za-z&’']$", window):
            continue  # "(see paragraph 5) (LPR)", "Plan 2018-2033 (IDP)": the bracket does not follow the long form
        how = "parenthesis"
        if kind == "formula":
            span = _formula_long(window)
        else:
            span = _strict(window, kind, letters)
            if span is None and kind == "acronym":
                span = _one_word(window, letters) if letters.isupper() else None
                if span is None:
                    span, how = _loose(window, letters), "name"
        if span is None:
            continue
        long = _clean_long(window[span[0] : span[1]])
        if not long or kind == "code" and not spelled_code(short, long):
            continue
        out.append((short, singular(long, plural) if kind == "acronym" else long, how, m.start(1), m.end(1)))
    for m in _REVERSE.finditer(text):
        short = acronym_base(m.group(1))
        if short is None:
            continue
        inside = re.sub(r"^(?:the|a|an)\s+", "", m.group(2).strip(" “”\"‘’'"), flags=re.I)  # "LPA (the Local ...)"
        words = _WORD.findall(inside)
        if not words:
            continue
        start = _initials_match(words, _letters(short), need_caps=False)
        if start == 0 and len(words) <= len(_letters(short)) * 3:
            out.append((short, singular(_clean_long(inside), m.group(1) != short), "reverse", m.start(1), m.end(1)))
    return out



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
    """The document's words (_WORD) and where a capital letter starts one, each paragraph split when first needed.

    An acronym's long form is looked for from the first paragraph on, and most are found early: the paragraphs
    after it are not split at all, and a paragraph without the capital is skipped by a substring test."""

    def __init__(self, paragraphs):
        self.texts = [t for _, t in paragraphs]
        self._words: dict[int, list[str]] = {}
        self._capitals: dict[int, dict[str, list[int]]] = {}  # paragraph index -> capital -> indexes of its words

    def words(self, idx: int) -> list[str]:
        found = self._words.get(idx)
        if found is None:
            found = self._words[idx] = _WORD.findall(self.texts[idx])
        return found

    def starting(self, capital: str) -> Iterator[tuple[int, list[int]]]:
        """(paragraph index, indexes of its words whose first letter is `capital`), for each paragraph that has one,
        in order (`capital`: a capital letter)."""
        capitals = self._capitals
        for idx, text in enumerate(self.texts):
            if capital not in text:
                continue
            at = capitals.get(idx)
            if at is None:
                at = capitals[idx] = {}
                for j, w in enumerate(self.words(idx)):
                    if w[0].isupper():
                        at.setdefault(w[0], []).append(j)
            if capital in at:
                yield idx, at[capital]


def _find_by_initials(short: str, words: _CapitalisedWords, paragraphs) -> Optional[tuple[str, int]]:
    letters = _letters(short)
    reach = len(letters) * 3 + 2
    for idx, at in words.starting(letters[-1].upper()):
        ws = words.words(idx)
        for j in at:
            lo = max(0, j + 1 - reach)
            window = ws[lo : j + 1]
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


TAGGER_SPANS = "lsp_acronym_spans"  # user_data: a tagger's doc's acronym uses [(start, end, short)] and definitions {(start, end)}


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
        given = found is not None
        if found is None:
            found = scan(text)
        glossary = docdata.get(doc, "lsp_context_glossary")
        if glossary is None:
            glossary = find_acronyms([("", text)], known=self.known, scans=[found])
        docdata.put(doc, "acronyms", glossary)
        if given and not found.uses and not found.definitions:
            return doc  # the tagger's doc (it scanned the text): no span groups to make when there is nothing to mark
        char_span = doc.char_span
        defs = [char_span(s, e, label=short, alignment_mode="expand") for short, _l, _h, s, e in found.definitions]
        uses = [char_span(s, e, label=base, alignment_mode="expand") for s, e, base in found.uses]
        if given and self.spans_key == "acronyms":
            # the tagger's doc, read by the theme scorer alone: the spans' tokens as tuples (TAGGER_SPANS), without
            # the two span groups spaCy would build (a fifth of this component's time)
            doc.user_data[TAGGER_SPANS] = (
                [(sp.start, sp.end, label) for sp, (_s, _e, label) in zip(uses, found.uses) if sp is not None],
                {(sp.start, sp.end) for sp in defs if sp is not None},
            )
            return doc
        doc.spans[self.spans_key] = [sp for sp in uses if sp is not None]
        doc.spans[self.spans_key + "_definitions"] = [sp for sp in defs if sp is not None]
        return doc


def glossary_of(pairs: Iterable[tuple[str, str]], known: Optional[Mapping[str, str]] = None) -> Glossary:
    return find_acronyms(list(pairs), known=known)
