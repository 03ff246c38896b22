"""The summary's glossary: the paper's own abbreviations table first, then its definitions in text.

1. **table**: a section headed "Abbreviations (used in this report)", "Acronyms",
   "Glossary" or "Definitions": its rows (a ruled table's two columns, or the
   lines under the heading, "AA Appropriate Assessment", also when a flattened
   two-column list runs them together) are read first and win; the heading may be a line of its own the
   segmenter left as a block ("GLOSSARY OF TERMS"), and a row's long form in quotes with a note after it ('FL
   “Foreign lawyer”, within the definition of the LPA') is the quoted words.
2. **text**: bracketed definitions in paragraphs and unnumbered blocks
   (`Long Form (ABC)`, `ABC (Long Form)`, `the Council's ... ("the Plan")` is
   left to the table), then a capitalised run elsewhere whose initials spell an
   acronym used but never bracketed, then the taxonomy's domain list ("known").
   Also in text: a term defined in quotes after a name ('Freedom of Information Act 2000 ("the Act")',
   'Illinois Finance Authority (the "Authority")', 'Coronavirus Disease 2019 ("COVID-19")': the short form is
   what the quotes enclose); a bracket whose letters the words before it spell only loosely ("Non-Departmental
   Public Bodies (NDPBs)", "UK Trade and Investment (UKTI)"); the title block's own bracket ("Open Data User
   Group (ODUG)"); a short form with a hyphen or a number that is exactly the initials of the words before it
   ("common equity tier 1 (CET1)", "K-factor requirement for assets under management (K-AUM)").  People's initials (decided 2026-11-30, issue 12): the page defines them when it pairs them
   with the name -- in a bracket after it ("Hector Rufrancos (HR, Secretary)", "Mark Orr and Chris Orr (MO &
   CO)") or beside it in the roll of those present ("Present: Catherine Chisholm CC ...") -- and the initials are
   the name's own ("BMcT" Barbara McTavish, "KO" Kieron O'Hara); minutes use them as abbreviations and a reader
   needs the key.  Initials that are not the name's ("Chair (BH)") define nothing.
3. Never an acronym: a capitalised verb (ENDORSE, NOTE), a postnominal
   (MRTPI, BSc), a reference code (MM1), a roman numeral, a word in a heading in
   capitals; never an expansion that runs over a sentence end ("September 2020.
   As"), repeats the short form ("MM1, MM") or whose initials do not spell it.
   Uses without an acceptable definition are listed as unexpanded.
"""
from __future__ import annotations

import re
from dataclasses import replace
from typing import Iterable, Mapping, Optional

from ..model import Document

_HEADING = re.compile(r"\b(?:abbreviations?|acronyms?|glossary|definitions|terminology|jargon)\b", re.I)
# a short form in a table: letters with at least two capitals (DtC, NOx, APP/MM), capitals with digits (B2, NH3, O3)
_SHORT = re.compile(r"^(?=(?:[^A-Z]*[A-Z]){2}|[A-Z][A-Za-z]*\d)[A-Za-z][A-Za-z0-9&/.\-]{0,11}$|^[A-Z]\d{1,2}$")
DECISION_VERBS = frozenset(
    """NOTE NOTES AGREE APPROVE ENDORSE DELEGATE COMMENT ADOPT RECOMMEND DECIDE DEBATE CONSIDER RESOLVE
    RESOLVED AUTHORISE AUTHORIZE RECEIVE ACCEPT REJECT REFER REVIEW SUPPORT CONFIRM APPOINT ALLOCATE
    DELEGATED APPROVED AGREED NOTED ENDORSED ADOPTED RECOMMENDED""".split()
)
POSTNOMINALS = frozenset(
    """MRTPI FRTPI MCIM MRICS FRICS BA BSc MSc MA MPhil PhD DPhil LLB LLM MBA MCD IHBC CMLI MIEMA CEnv
    DipTP DipM MCIHT MCIWEM MCIEEM FCA ACA MBE OBE CBE KC QC MP MEP Hons""".split()
)
# a name's article set after it: "Birmingham Repertory Theatre Ltd (The)" defines nothing
_ARTICLES = frozenset(("the", "a", "an"))
_CODE = re.compile(r"^[A-Z]{1,4}\d+[A-Za-z]?$")  # MM1, R2, EN010061, Q7
# a list or appendix numeral (I to XXXIX); "CL" (Critical Load), "CC", "LC" are abbreviations, not 150, 200, 90
_ROMAN = re.compile(r"^(?=[IVX]+$)X{0,3}(IX|IV|V?I{0,3})$")
_SENTENCE_END = re.compile(r"[.!?]\s+\S|\d")


def bad_short(short: str, *, from_table: bool = False, long: Optional[str] = None) -> bool:
    """A token that is not an abbreviation (see the module's docstring).

    With `long`, the expansion found for it: a code whose long form carries its digits is an abbreviation
    ("PA2008" the Planning Act 2008, "EA2" East Anglia TWO, "NO2" nitrogen dioxide); "MM1" is not.
    """
    from ..nlp.acronyms import spelled_code

    s = short.strip()
    base = s[:-1] if s.endswith("s") and s[:-1].isupper() else s
    if base.upper() in DECISION_VERBS or base in POSTNOMINALS or _ROMAN.match(base) or base.lower() in _ARTICLES:
        return True
    if not from_table and _CODE.match(base) and not (long and spelled_code(base, long)):
        return True
    return False


def _letters_in_order(letters: str, text: str) -> bool:
    """Each letter of the short form appears, in order, as a word initial or inside a word of `text`."""
    t = text.lower()
    words = re.findall(r"[a-z0-9]+", t)
    if not words or not letters or words[0][0] != letters[0].lower():
        return False
    pos = 0
    for ch in letters.lower():
        pos = t.find(ch, pos)
        if pos < 0:
            return False
        pos += 1
    return True


def bad_expansion(short: str, long: Optional[str], *, spelled: bool = True) -> bool:
    """An expansion that cannot be what the short form stands for.

    `spelled=False` for a name whose letters the short form takes in another order ("Thailand Railways Board
    (SRT)"): the letters are not checked in order.  A formula's long form is a chemical's name ("NH3" ammonia).
    """
    from ..nlp.acronyms import is_formula, spelled_code

    if not long:
        return True
    if is_formula(short.strip()):
        return not spelled_code(short.strip(), long) or bool(re.search(r"[.!?]\s", long))
    long = long.strip()
    if _SENTENCE_END.search(long) and not re.search(r"\d", short):
        return True
    if re.search(rf"(?<![A-Za-z]){re.escape(short)}(?![a-z])", long):
        return True
    if re.search(r",\s+the\b", long, re.I):  # "Kent, the County Council": an apposition, not a name
        return True
    if not spelled:
        return False
    letters = re.sub(r"[^A-Za-z]", "", short)
    letters = letters[:-1] if letters.endswith("s") and letters[:-1].isupper() else letters
    return not _letters_in_order(letters, long)


# ---------------------------------------------------------------- the table


def _entries_in_line(text: str) -> list[tuple[str, str]]:
    """'AA Appropriate Assessment AAP Area Action Plan' -> [(AA, ...), (AAP, ...)]; one row per line too."""
    tokens = text.split()
    out: list[tuple[str, list[str]]] = []
    for i, tok in enumerate(tokens):
        core = tok.strip(",;:")
        starts = _SHORT.match(core) and not (out and not out[-1][1])  # right after a short: its long form's start
        if not starts and out and out[-1][1] and _unit_short(core, tokens[i + 1] if i + 1 < len(tokens) else ""):
            starts = True  # "... Duty to Co-operate dpa dwellings per annum": a lower-case short form starts a row
        if starts and out and out[-1][1] and _long_continues(out[-1], core):
            starts = False
        if starts:
            out.append((core, []))
        elif out:
            out[-1][1].append(tok)
    if not out and len(tokens) >= 2 and len(tokens[0]) <= 12 and tokens[0].isalpha() and tokens[0].islower():
        out = [(tokens[0], tokens[1:])]  # "sqm Square metres": a row whose short form is lower case
    for k, (short, words) in enumerate(out):
        # "SCI SHMA Strategic Housing Market Assessment": a row whose long form the reader lost; the next short
        # form took its place, and the letters say which of the two the long form spells
        if (len(words) >= 2 and _SHORT.match(words[0].strip(",;:")) and not _spells(short, words)
                and _spells(words[0].strip(",;:"), words[1:])):
            out[k] = (words[0].strip(",;:"), words[1:])
    # "LP = Limited Partnership", 'DBA = “Doing Business As”': the sign and the quotes are the row's, not the long form's
    rows = [(s, re.sub(r"^[=\s]+", "", " ".join(words)).strip(" -–:")) for s, words in out if words]
    rows = [(s, re.sub(r"^[“\"]([^“”\"]+)[”\"]$", r"\1", long)) for s, long in rows if long]
    # 'FL “Foreign lawyer”, within the definition of the LPA': the quoted words are the long form, the rest a note
    return [(s, re.sub(r"^[“\"]([^“”\"]{2,80})[”\"]\s*,\s+\S.*$", r"\1", long)) for s, long in rows]


_TERM_LONG = 24  # the most words a table row's long form runs to


def _term_rows(words: list[str]) -> Optional[list[tuple[str, str]]]:
    """A run of a flattened definitions table read as rows whose short form is a defined term, not letters ("The Act
    The Planning & Compulsory Purchase Act 2004 (as amended) Core strategy Broxbourne Core Strategy Development Plan
    Document 2010"): each term is "The Word" or a capitalised word with up to two small words after it ("Core
    strategy", "Plan"), its long form opens with a capital and repeats the term's last word ("Act ... Purchase Act
    2004", "strategy ... Core Strategy"); the whole run must read so, else None.  Each start is tried once (a page
    of capitalised words stays linear-ish, not exponential)."""
    memo: dict[int, Optional[list[tuple[str, str]]]] = {}
    lowered = [w.strip(",;:()").lower() for w in words]

    def at(i: int) -> Optional[list[tuple[str, str]]]:
        if i == len(words):
            return []
        if i in memo:
            return memo[i]
        memo[i] = None
        options = []
        if i + 2 < len(words) and words[i] == "The" and re.fullmatch(r"[A-Z][a-z]+", words[i + 1]):
            options.append(2)
        if re.fullmatch(r"[A-Z][a-z]+", words[i]):
            n = 1
            while n < 3 and i + n < len(words) and re.fullmatch(r"[a-z]+", words[i + n]) \
                    and words[i + n] not in _FUNCTION_WORDS:
                n += 1
            options.append(n)
        for n in options:
            start = i + n
            if start >= len(words) or not words[start][:1].isupper():
                continue
            last = words[start - 1].lower()
            for end in range(start + 2, min(len(words), start + _TERM_LONG) + 1):
                if lowered[end - 1] != last or words[end - 1] == "The":
                    continue
                # the long form runs on from the repeated word to where the next row starts (or the run ends)
                for stop in range(end, min(len(words), start + _TERM_LONG) + 1):
                    rest = at(stop)
                    if rest is not None:
                        memo[i] = [(" ".join(words[i:start]), " ".join(words[start:stop]))] + rest
                        return memo[i]
        return None

    return at(0)


def _entries_with_terms(text: str, *, terms: bool) -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
    """`_entries_in_line`, where a flattened table's rows whose short forms are defined terms ("Plan Broxbourne Local
    Plan 2018-2033 ...") ran into the long form before them ("ONS Office for National Statistics Plan ...") are cut
    off it: the long form ends where its initials spell the short form and the rest reads as term rows
    (`_term_rows`); with `terms` (under a definitions heading), those rows are kept, and so are the rows printed
    before the first short form.  (rows, the term rows among them: read as rows, not judged by their letters)"""
    entries = _entries_in_line(text)
    out: list[tuple[str, str]] = []
    found: list[tuple[str, str]] = []  # the term rows, which `_spelled_rows` must not judge by their letters
    if terms and entries:
        tokens, first = text.split(), entries[0][0]
        lead = tokens[: tokens.index(first)] if first in tokens else []
        found += _term_rows(lead) or []
        out += found
    for short, long in entries:
        words = long.split()
        for k in range(1, min(len(words) - 1, 2 * len(short) + 3)):  # the spelling words: a few a letter
            if not words[k][:1].isupper():
                continue
            rest = _term_rows(words[k:])
            if rest and _spells(short, words[:k]):
                out.append((short, " ".join(words[:k])))
                if terms:
                    out += rest
                    found += rest
                break
        else:
            out.append((short, long))
    return out, found


def _spells(short: str, words: list[str]) -> bool:
    """The words' initials, all of them, spell the short form ("SHMA" Strategic Housing Market Assessment)."""
    from ..nlp.acronyms import _WORD, _initials_match, _letters

    tokens = _WORD.findall(" ".join(words))
    return bool(tokens) and _initials_match(tokens, _letters(short), need_caps=False) == 0


# a row of the table whose short form is a defined term, one row to the line: "The 2004 Act The Planning & ...",
# "The Council Watford Borough Council"
_DEFINED_TERM_ROW = re.compile(r"^(The(?:\s+\d{4})?\s+(?!The\b)[A-Z][a-z]+)\s+([A-Z][^\n]{3,150})$")

_FUNCTION_WORDS = frozenset("a an and as at by for in of on or per the to use via with".split())


def _unit_short(token: str, following: str) -> bool:
    """A lower-case short form inside a flattened table ("dpa dwellings per annum", "ha hectare", "sqm Square
    metres"): two to four letters, not a function word, and the long form after it starts with its letter."""
    return (2 <= len(token) <= 4 and token.isalpha() and token.islower() and token not in _FUNCTION_WORDS
            and following[:1].lower() == token[0] and following[:1].isalpha() and len(following) > len(token))


def _long_continues(entry: tuple[str, list[str]], token: str) -> bool:
    """A capitals token inside a long form ("Use Class C2 – Residential") rather than the next short form."""
    words = entry[1]
    return bool(words) and words[-1] in ("Class", "of", "the", "and", "Use", "–", "-") and bool(re.search(r"\d", token))


def _pairs(table) -> list[tuple[str, str]]:
    """A table's rows as (first cell, second cell), empty cells left out."""
    out = []
    for r in table.rows:
        cells = [c.strip() for c in r if c and c.strip()]
        if len(cells) == 2:
            out.append((cells[0], cells[1]))
    return out


def _spelling_row(short: str, long: str) -> bool:
    short = short.strip(" :–-")
    return bool(_SHORT.match(short) or _unit_short(short, long)) and not bad_expansion(short, long)


def _abbreviation_tables(document: Document) -> list[tuple[str, str]]:
    """A two-column table most of whose rows are a short form and a long form spelling it, whatever its heading
    says or when the heading was lost ("Acronyms and Abbreviations" run into the cover page's text)."""
    rows: list[tuple[str, str]] = []
    for p in document.paragraphs:
        for table in p.tables:
            # letters only: a table of policy codes ("H1 Housing Delivery") is no abbreviations table
            pairs = [pr for pr in _pairs(table) if not re.search(r"\d", pr[0])]
            spelled = [pr for pr in pairs if _spelling_row(*pr)]
            if len(spelled) >= 3 and len(spelled) >= 0.6 * len(table.rows):
                rows += [pr for pr in pairs if _SHORT.match(pr[0].strip(" :–-")) or _unit_short(pr[0], pr[1])]
    return rows


def _abbreviation_lists(document: Document) -> list[tuple[str, str]]:
    """Lines of a page that are, three or more in a row, a short form and the words whose initials spell it
    ("GP General Practice" / "HRA Habitats Regulations Assessment" / ...), or one line of three or more such
    rows run together: an abbreviations list whose heading was lost or says something else."""
    rows: list[tuple[str, str]] = []
    run: list[tuple[str, str]] = []
    page = None

    def flush():
        if len(run) >= 3:
            rows.extend(run)
        run.clear()

    for b in document.blocks:
        if b.page != page:
            flush()
            page = b.page
        entries = [(sh, lo) for sh, lo in _entries_with_terms(b.text, terms=False)[0] if not re.search(r"\d", sh)]
        spelled = [(sh, lo) for sh, lo in entries if _spells(sh, lo.split()) or _contraction(sh, lo)]
        if len(entries) >= 3 and len(spelled) >= 0.8 * len(entries):
            rows.extend(spelled)  # a flattened list
            flush()
        elif len(entries) == 1 and spelled:
            run.extend(spelled)
        else:
            flush()
    flush()
    return rows


# a code with a hyphen after the name it stands for: "Low-Density Multiple-Family Residential zone",
# "Neighbourhood Commercial (NC-1)"
_HYPHEN_CODE = re.compile(r"\((?P<short>[A-Z]{1,3}-\d{1,3}[A-Z]?)\)")


def _named_codes(items: list[tuple[str, str]]) -> list[tuple[str, str, str]]:
    """(short, long, paragraph) for a hyphenated code in brackets after a name of two or more capitalised words
    (a zone, a use class, a district) whose words' initials, a hyphenated word giving each part's, hold the
    code's letters in order ("Residential" R for "R-2"): the name as printed, back to the first word that is
    not capitalised."""
    out = []
    for number, text in items:
        text = " ".join(text.split())
        for m in _HYPHEN_CODE.finditer(text):
            short = m.group("short")
            words = text[max(0, m.start() - 150): m.start()].split()
            name: list[str] = []
            for w in reversed(words):
                if w[:1].isupper() and re.fullmatch(r"[A-Za-z][A-Za-z’'&-]*", w):
                    name.insert(0, w)
                elif w in ("of", "and", "&") and name:
                    name.insert(0, w)
                else:
                    break
            while name and name[0] in ("of", "and", "&"):
                name.pop(0)
            if len(name) < 2:
                continue
            initials = "".join(x[0].upper() for w in name for x in re.split(r"[-‐]", w) if x and w not in ("of", "and"))
            letters = re.sub(r"[^A-Z]", "", short)
            if _in_order(letters, initials):
                out.append((short, " ".join(name), number))
    return out


_PLURAL_BRACKET = re.compile(r"\((?P<short>[A-Z]{2,8})s\)")


def _plural_definitions(items: list[tuple[str, str]], entries: Mapping) -> list[tuple[str, str, str]]:
    """(short, long, paragraph) for a plural defined in its own words beside the singular's definition:
    "Memorandums of Understanding (MOUs)" where "Memorandum of Understanding (MOU)" is defined too.  The
    plural is listed as printed: the same words as the singular's long form, one of them inflected."""
    out = []
    for number, text in items:
        text = " ".join(text.split())
        for m in _PLURAL_BRACKET.finditer(text):
            single = m.group("short")
            entry = entries.get(single)
            if entry is None or not entry.long:
                continue
            want = entry.long.split()
            got = text[: m.start()].split()[-len(want):]
            if len(got) != len(want):
                continue
            # the other words as the singular prints them, capitals and all: "houses in multiple occupation
            # (HMOs)" is the common term in use, not a name defined apart
            differ = [(a, b) for a, b in zip(got, want) if a != b]
            if len(differ) == 1:
                a, b = differ[0]
                keep = max(3, min(len(a), len(b)) - 2)
                if a.lower()[:keep] == b.lower()[:keep] and len(a) > len(b) - 1:
                    out.append((single + "s", " ".join(got), number))
    return out


def _in_order(letters: str, initials: str) -> bool:
    pos = 0
    for ch in letters:
        pos = initials.find(ch, pos)
        if pos < 0:
            return False
        pos += 1
    return True


def _from_first_letter(short: str, long: str) -> str:
    """A name read back from its bracket past where its letters begin ("Administrative Services Co-Op for the
    Dial-A-Ride Program (DAR)"): the name from the first word whose initial is the short form's and whose words
    spell it, the words after them kept ("Dial-A-Ride Program"); the long form as found when none does."""
    words = long.split()
    letters = re.sub(r"[^A-Za-z]", "", short)
    if not words or not letters or words[0][:1].upper() == letters[0].upper():
        return long
    for i, w in enumerate(words):
        if w[:1] != letters[0].upper():
            continue
        if any(_spells_loosely(letters, words[i:j]) for j in range(i + 1, len(words) + 1)):
            return " ".join(words[i:])
    return long


def _contraction(short: str, long: str) -> bool:
    """A short form cut from one word, its letters in the word's order from its first ("LTD" Limited, "DEPT"
    Department, "GOVT" Government): a row of an abbreviations list as much as one whose initials spell it."""
    word = long.strip(" .“”\"")
    if not (short.isupper() and short.isalpha() and 2 <= len(short) < len(word) and word.isalpha()):
        return False
    return word[0].upper() == short[0] and _letters_in_order(short, word)


# a key to the codes of a grid, printed as one line of entries: "P – Present S – Sanctioned A – Absent L – Late
# arrival" (an attendance grid's), "Key: Y=Yes N=No A=Abstain" (a vote record's): a code of one to four letters,
# a dash or an equals sign, and the one to four words it stands for
_KEY_SIGN = r"\s*(?:[–—=]|\s-)\s*"  # not a colon: "Q: ... A: ..." is a dialogue, "Date: ... Time: ..." fields
_KEY_CODE = r"[A-Z][A-Za-z]{0,3}"
_KEY_ENTRY = re.compile(rf"\s*(?P<code>{_KEY_CODE}){_KEY_SIGN}(?P<long>[A-Za-z][A-Za-z'’]*(?:,?\s+(?!{_KEY_CODE}"
                        rf"{_KEY_SIGN})[A-Za-z][A-Za-z'’]*){{0,3}})\s*[,;]?")
_KEY_HEAD = re.compile(r"^\s*(?:(?:(?:voting|vote|attendance)\s+)?key\s*:?\s*)?", re.I)


def _key_entries(text: str) -> list[tuple[str, str]]:
    """The entries of a key line, when the whole line is three or more of them with distinct codes (see
    `_KEY_ENTRY`); none otherwise, so a sentence never reads as a key."""
    text = " ".join(text.split())
    pos = _KEY_HEAD.match(text).end()
    out: list[tuple[str, str]] = []
    while pos < len(text):
        m = _KEY_ENTRY.match(text, pos)
        if not m or m.end() == pos:
            return []
        out.append((m.group("code"), m.group("long").strip()))
        pos = m.end()
    codes = [c for c, _ in out]
    if len(out) < 3 or len(set(codes)) < len(codes):
        return []
    return out


def _key_rows(document: Document) -> list[tuple[str, str]]:
    """The keys to a paper's grids (`_key_entries`), in blocks, paragraphs and table rows."""
    texts = [b.text for b in document.blocks] + [p.text for p in document.paragraphs]
    texts += [" ".join(c for c in r if c) for p in document.paragraphs for t in p.tables for r in t.rows]
    rows: list[tuple[str, str]] = []
    for text in texts:
        if len(text) <= 300:
            rows += _key_entries(text) or _headed_keys(text)
    return rows


_KEY_NAMED = re.compile(r"\b(?:(?:voting|vote|attendance)\s+key|key)\b\s*:?", re.I)
_KEY_EQUALS = re.compile(r"(?P<code>[A-Z][A-Za-z'’\-]{0,4})\s*=\s*(?P<long>[A-Za-z][A-Za-z'’]*(?:,?\s+[a-z][A-Za-z'’]*"
                         r"|\s+[A-Z][a-z][A-Za-z'’]*(?!\s*=)){0,3})")


def _headed_keys(text: str) -> list[tuple[str, str]]:
    """The entries of keys a cell names as such, each "code=words", one key after another in one cell ("VOTING KEY
    Y=Yes N=No A=Abstain PNE=Present, not eligible A'-- = No vote ATTENDANCE KEY P=Present (IP v. V) Ab=Absent
    E=Excused"): the head says it is a key, so what stands between the entries (a note in brackets, the grid's
    column heads) is passed over; two entries or more after each head, with distinct codes."""
    if "=" not in text:
        return []
    heads = list(_KEY_NAMED.finditer(text))
    if not heads:
        return []
    out: list[tuple[str, str]] = []
    for n, head in enumerate(heads):
        part = text[head.end(): heads[n + 1].start() if n + 1 < len(heads) else len(text)]
        found = [(m.group("code"), m.group("long").strip()) for m in _KEY_EQUALS.finditer(part)]
        codes = [c for c, _ in found]
        if len(found) >= 2 and len(set(codes)) == len(codes):
            out += found
    return out


# a definitions heading alone on its line: "GLOSSARY OF TERMS", "Abbreviations", "List of Acronyms" (no sentence)
_HEADING_LINE = re.compile(r"^(?:(?:list|table|glossary)\s+of\s+)?(?:abbreviations?|acronyms?|glossary|definitions|"
                           r"terminology)(?:\s+(?:of\s+terms|and\s+(?:abbreviations|acronyms|definitions)|used(?:\s+in\s+"
                           r"this\s+\w+)?))?\s*:?$", re.I)


def _table_rows(document: Document) -> list[tuple[str, str]]:
    rows: list[tuple[str, str]] = _abbreviation_tables(document) + _abbreviation_lists(document)
    heads = [s for s in document.sections if _HEADING.search(s.heading or "")]
    # a heading the segmenter left as a line of its own ("GLOSSARY OF TERMS" over the table's rows, set as lines)
    head_blocks = {b.page for b in document.blocks if _HEADING_LINE.match(" ".join(b.text.split()))}
    if not heads and not head_blocks:
        return _checked_rows(rows)
    numbers = {s.number for s in heads if s.number}
    pages = {s.page for s in heads} | head_blocks
    for p in document.paragraphs:  # numbered entries or paragraphs under the heading
        if p.section in numbers or (p.heading and _HEADING.search(p.heading)):
            for table in p.tables:
                rows += [(r[0].strip(), r[1].strip()) for r in table.rows if len(r) >= 2 and r[0].strip()]
            if not p.tables:
                rows += _spelled_rows(_entries_in_line(p.text))
    for b in document.blocks:  # the lines under an unnumbered heading, on its page and the next
        if b.page in pages or (b.page - 1 in pages and not rows):
            if len(b.text) > 40 and b.text.rstrip().endswith(".") and not _SHORT.match(b.text.split()[0]):
                continue  # prose under the table
            defined = _DEFINED_TERM_ROW.match(b.text.strip())
            if defined and defined.group(2).rstrip().endswith(":"):
                defined = None  # a sentence introducing a list ("The Guardrails Script only affects two types of
                # governance actions:"), not a defined term and what it stands for
            if defined and not any(_SHORT.match(t.strip(",;:")) for t in defined.group(2).split()[1:]):
                rows.append((defined.group(1), defined.group(2)))  # "The Plan The Watford Local Plan 2018-2036"
                continue
            entries, terms = _entries_with_terms(b.text, terms=True)
            rows += _spelled_rows([e for e in entries if e not in terms]) + terms
    return _checked_rows(rows)


def _spelled_rows(rows: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """Rows read from a line of text under a definitions heading, kept where the long form can be what the short
    form stands for (its letters in order, the first its first; no sentence end).  A ruled table's row is a row
    whatever it says; a line of text is not: prose under "DEFINITIONS" ("PhDs will involve, although not
    necessarily ...": "PhDs", and "not" read as "not necessarily") and a heading or a title block in capitals on
    the heading's page ("GENERAL REGULATIONS FOR ASSESSMENT", "DISTRICT OF OAK BAY BYLAW NO. 4770") split into
    "rows" whose long form is the next word."""
    out = []
    for short, long in rows:
        letters = short.strip(" :–-").replace("-", "")  # "By-Law" is a word
        if not letters.isalpha():  # a code ("APP/MM", "H2"): `_checked_rows` judges it
            out.append((short, long))
            continue
        letters = letters[:-1] if letters.endswith("s") and letters[:-1].isupper() else letters
        if _letters_in_order(letters, long) and not re.search(r"[a-z]{2}[.!?]\s+[A-Z]", long):
            out.append((short, long))
    return out


def _checked_rows(rows: list[tuple[str, str]]) -> list[tuple[str, str]]:
    out = []
    for short, long in rows:
        short = short.strip(" :–-")
        if not short or not long or len(short) > 20 or bad_short(short, from_table=True):
            continue
        if re.search(r"https?://|www\.", long) or (re.match(r"^\d", long) and "/" in short) \
                or long.strip().lower() in _ARTICLES:
            continue  # a reference list's row ("ISO/IAF Auditing Practices Group - ... https://...", "ISO/IEC 17020 -
            # Conformity assessment ..."): a citation, not what the letters stand for; an article alone names nothing
        if not re.search(r"[A-Z]", short) and len(short) > 5:
            continue
        if re.search(r"[a-z]{2}[.!?]\s+[A-Z]", long) and long.split()[0].endswith(","):
            continue  # prose under a "terminology" heading read as rows: "... design, ICT, communications, or technical
            # teams, but may also include ... teams. Involving ...": a list in a sentence that runs on past its end
        if re.search(r"\d", short) and (not re.search(r"[A-Za-z]{3,}", long)
                                         or (short not in long and bad_expansion(short, long))):
            continue  # a policy or site code in prose read under the table ("SA3.2 SA3.5,", "H2 based on ..."),
            # where a real row's long form spells the code's letters ("NO2 nitrogen dioxide") or names the code
            # ("C2 Use Class C2 – Residential institutions")
        out.append((short, long))
    return out


_TABLE_CODE = re.compile(r"^[A-Z]{2,5}$")
_MEANING = re.compile(r"^[A-Z][A-Za-z’'-]*(?:\s+[A-Za-z][A-Za-z’'-]*){1,10}$")


def _code_tables(document: Document) -> list[tuple[str, str]]:
    """A ruled table that is a key of codes (its head a word, "Grade" / "Reason" / "Note"; every row below a code
    in capitals and the words it stands for: "MC" / "Academic Concession for medical reasons", "WH" / "Results
    Withheld"): the page says what each code means, whether or not the words spell it.  Two rows or more, all of
    them so; a table of marks, of policy codes with digits or of names is none."""
    rows: list[tuple[str, str]] = []
    for p in document.paragraphs:
        for table in p.tables:
            if len(table.rows) < 3:
                continue
            head = [c.strip() for c in table.rows[0]]
            body = [[c.strip() for c in r] for r in table.rows[1:]]
            if not head or not re.fullmatch(r"[A-Z][a-z]+", head[0]) or _TABLE_CODE.match(head[0]):
                continue
            if all(len(r) >= 2 and _TABLE_CODE.match(r[0]) and _MEANING.match(r[1]) for r in body) \
                    and len({r[0] for r in body}) == len(body):
                rows += [(r[0], r[1]) for r in body]
    return rows


# a line that is a short form and its name after a dash, alone: "ILAC – International Laboratory Accreditation
# Cooperation" (a paper's own publisher named under its title)
_DASH_NAMED = re.compile(r"^(?P<short>[A-Z]{2,8})\s+[–—-]\s+(?P<long>[A-Z][\w’'-]*(?:\s+(?:[A-Z][\w’'-]*|of|and|for|the|&|on|in)){1,9})$")


def _dash_named(items: list[tuple[str, str]]) -> list[tuple[str, str, str]]:
    out = []
    for number, text in items:
        m = _DASH_NAMED.match(" ".join(text.split()))
        if m and _spells(m.group("short"), m.group("long").split()):
            out.append((m.group("short"), m.group("long"), number))
    return out


# a short form printed with an apostrophe for its plural: "Disclosable Pecuniary Interests (DPI’s)"
_APOSTROPHE_PLURAL = re.compile(r"\((?P<short>(?P<core>[A-Z]{2,8})[’']s)\)")


def _apostrophe_plurals(items: list[tuple[str, str]]) -> list[tuple[str, str, str]]:
    """(short as printed, long, paragraph) for `_APOSTROPHE_PLURAL`: the words before the bracket whose initials
    spell its capitals."""
    out = []
    for number, text in items:
        flat = " ".join(text.split())
        for m in _APOSTROPHE_PLURAL.finditer(flat):
            words = flat[: m.start()].split()
            n = len(m.group("core"))
            long = words[-n:]
            if len(long) == n and _spells(m.group("core"), long) and all(w[:1].isupper() for w in long):
                out.append((m.group("short"), " ".join(long), number))
    return out


# ---------------------------------------------------------------- the whole glossary


# the rest of a statute's citation read as a long form: "S.O." with "1996, c. 32, Sched., as amended, ..." (the
# Statutes of Ontario, 1996, chapter 32): a citation is never an abbreviation's definition
_CITATION_TAIL = re.compile(r"^\s*(?:\d{4}\s*,?\s*(?:c|ch|chap|s|art|no)\.?\s*\d|\d{4}\s*,)", re.I)


def build_glossary(document: Document, known: Optional[Mapping[str, str]] = None, found=None):
    """GlossaryEntry tuple: table entries, then text definitions, then unexpanded uses; alphabetical."""
    from ..nlp.acronyms import find_acronyms
    from .summary import GlossaryEntry

    items: list[tuple[str, str]] = [(p.number, p.text) for p in document.paragraphs]
    items += [("", b.text) for b in document.blocks]
    # a definition in a heading ("HRA Task 2: Appropriate Assessment (AA)") or a footnote ("The Control of Major
    # Accident Hazards (COMAH) competent authority"): the texts with a bracket, so no heading adds a use
    cells = [c for p in document.paragraphs for t in p.tables for r in t.rows for c in r]
    items += [("", t) for t in [s.heading or "" for s in document.sections] + [n.text for n in document.notes] + cells
              if t and "(" in t]
    # an acronym defined in the title block ("Open Data User Group (ODUG)", "Public of Rights of Way (PROW) – ...")
    items += [("", t) for t in (document.metadata.get("title"), document.metadata.get("subtitle"),
                                document.metadata.get("title_block"))
              if isinstance(t, str) and "(" in t]
    items = [(n, _round_brackets(_unglued(t))) for n, t in items]
    glossary = find_acronyms(items, known=dict(known or {}))
    texts = [t for _, t in items]
    entries: dict[str, GlossaryEntry] = {}
    for short, long in _headed_list(document) + _table_rows(document):
        if short not in entries:
            entries[short] = GlossaryEntry(short, long, _first_use(document, short), "table")
    for short, long in _key_rows(document):  # a grid's key: its codes are what the grid prints
        if short not in entries:
            entries[short] = GlossaryEntry(short, long, None, "table")
    for short, long in _code_tables(document):  # a ruled table keyed by codes ("MC" / "Academic Concession ...")
        if short not in entries and not bad_short(short, from_table=True):
            entries[short] = GlossaryEntry(short, long, _first_use(document, short), "table")
    for short, long, where in _quoted_definitions(items):
        if short not in entries and not bad_short(short, long=long):
            entries[short] = GlossaryEntry(short, long, where or _first_use(document, short), "text")
    for short, long, where in _initials_in_brackets(items):
        if short not in entries and not bad_short(short, long=long):
            entries[short] = GlossaryEntry(short, long, where or _first_use(document, short), "text")
    unexpanded: dict[str, GlossaryEntry] = {}
    for a in glossary.entries:
        if a.short in entries or bad_short(a.short, long=a.long if a.how in ("parenthesis", "reverse", "name") else None):
            continue
        if bad_expansion(a.short, a.long, spelled=a.how != "name"):
            unexpanded.setdefault(a.short, GlossaryEntry(a.short, None, a.first or None))
            continue
        if a.how == "name":
            a = replace(a, long=_from_first_letter(a.short, a.long))
        how = "text" if a.how in ("parenthesis", "reverse", "name") else a.how
        if how == "text":
            a = replace(a, long=_as_printed(texts, a.short, a.long))
        if how == "initials" and _weak_initials(a.short, a.long):
            unexpanded.setdefault(a.short, GlossaryEntry(a.short, None, a.first or None))
            continue
        entries[a.short] = GlossaryEntry(a.short, a.long, a.first or None, how)
    # what the acronym finder left: a term defined in quotes, a person's initials, a loosely spelled bracket; each
    # only where no table or bracketed definition gave the short form already (theirs keep the printed words)
    weak = lambda short: short not in entries or entries[short].source not in ("table", "text")  # noqa: E731
    for short, long, where in _defined_terms(items):
        if weak(short) and not bad_short(short, from_table=True):
            entries[short] = GlossaryEntry(short, long, where or _first_use(document, short), "text")
    for short, long, where in _people(items) + _roll(document):
        if weak(short):
            entries[short] = GlossaryEntry(short, long, where or _first_use(document, short), "text")
    for short, long, where in _spelled_in_brackets(items):
        if weak(short) and not bad_short(short, long=long):
            entries[short] = GlossaryEntry(short, long, where or _first_use(document, short), "text")
    for short, long, where in _joined_and_called(items):
        if weak(short):
            entries[short] = GlossaryEntry(short, long, where or _first_use(document, short), "text")
    for short, long, where in _lower_terms(items):
        if weak(short) and not bad_short(short, long=long):
            entries[short] = GlossaryEntry(short, long, where or _first_use(document, short), "text")
    for short, long, where in _named_after(items) + _lower_after(items):
        if weak(short) and not bad_short(short, long=long):
            entries[short] = GlossaryEntry(short, long, where or _first_use(document, short), "text")
    for short, long, where in _qualified_brackets(items):
        if weak(short):
            entries[short] = GlossaryEntry(short, long, where or _first_use(document, short), "text")
    for short, long, where in _coded_brackets(items):
        if weak(short):
            entries[short] = GlossaryEntry(short, long, where or _first_use(document, short), "text")
    for short, long, where in _named_codes(items):
        if weak(short):
            entries[short] = GlossaryEntry(short, long, where or _first_use(document, short), "text")
    for short, long, where in _short_names(items) + _place_codes(items) + _units(items) + _equals(items):
        if weak(short) and not bad_short(short, from_table=True):
            entries[short] = GlossaryEntry(short, long, where or _first_use(document, short), "text")
    for short, long, where in _explicit_definitions(items):
        # also over a definitions list's row that does not spell it ("WFES Fire Chief and includes ...": a line
        # of "“Fire Chief” means the WFES Fire Chief ..." wrapped at the short form)
        misread = short in entries and entries[short].long and not _spells(short, entries[short].long.split())
        # a letter that is a roman numeral is a short form when the page defines it so: “Victim” (V)
        if (weak(short) or misread) and (not bad_short(short, from_table=True, long=long) or _ROMAN.match(short)):
            entries[short] = GlossaryEntry(short, long, where or _first_use(document, short), "text")
    for short, long, where in _shared_head(items):
        if weak(short) and not bad_short(short, long=long):
            entries[short] = GlossaryEntry(short, long, where or _first_use(document, short), "text")
    for short, long, where in _dash_named(items) + _apostrophe_plurals(items):
        if weak(short) and not bad_short(short, long=long):
            entries[short] = GlossaryEntry(short, long, where or _first_use(document, short), "text")
    for short, long, where in _plural_definitions(items, entries):
        if short not in entries:
            entries[short] = GlossaryEntry(short, long, where or _first_use(document, short), "text")
    lower = _lower_words(texts)
    for u in glossary.unexpanded:
        if u.short not in entries and not bad_short(u.short) and not _in_caps_heading_only(document, u.short) \
                and not (len(u.short) >= 5 and u.short.isalpha() and u.short.lower() in lower):
            unexpanded.setdefault(u.short, GlossaryEntry(u.short, None, u.first or None))
    entries = {k: replace(e, long=_split_glued(e.short, e.long)) if e.long else e for k, e in entries.items()
               if not (e.long and _CITATION_TAIL.match(e.long))}
    out = list(entries.values()) + [u for s, u in unexpanded.items() if s not in entries]
    position = {p.number: i for i, p in enumerate(document.paragraphs)}
    out.sort(key=lambda e: (e.short.lower(), position.get(e.first or "", 10**9)))
    return tuple(out)


# two terms sharing their last words, defined in one bracket: "current and target operating models (COM and TOM)",
# "primary and secondary care trusts (PCTs and SCTs)"
_SHARED_HEAD = re.compile(r"\b(?P<a>[A-Za-z][\w-]*)\s+and\s+(?P<b>[A-Za-z][\w-]*)\s+(?P<head>[A-Za-z][\w-]*(?:\s+[A-Za-z][\w-]*){0,2})"
                          r"\s*\(\s*(?P<s1>[A-Z][A-Za-z]{1,6})\s+(?:and|&)\s+(?P<s2>[A-Z][A-Za-z]{1,6})\s*\)")


def _shared_head(items: list[tuple[str, str]]) -> list[tuple[str, str, str]]:
    """(short, long, paragraph) for each of two terms defined together whose words share their head ("current and
    target operating models (COM and TOM)": COM current operating model, TOM target operating model), where each
    long form's initials spell its short form exactly (a plural "s" of the head and of the short form aside)."""
    out = []
    for number, text in items:
        text = " ".join(text.split())
        for m in _SHARED_HEAD.finditer(text):
            head = m.group("head").split()
            if head[-1].endswith("s") and not head[-1].endswith("ss"):
                head[-1] = head[-1][:-1]
            pairs = [(m.group("s1"), [m.group("a")] + head), (m.group("s2"), [m.group("b")] + head)]
            pairs = [(sh[:-1] if sh.endswith("s") and sh[:-1].isupper() else sh, words) for sh, words in pairs]
            if pairs[0][0] != pairs[1][0] and all(_spells(sh, words) and len(words) == len(re.sub(r"[^A-Z]", "", sh)) for sh, words in pairs):
                out += [(sh, " ".join(words), number) for sh, words in pairs]
    return out


# a definition in quotes inside the bracket, the style of decision letters: Environment Agency’s (“EA”),
# non-material change (“NMC”), the Planning Act 2008 (“the PA2008”)
_QUOTED = re.compile(r"(?:['’]s)?\s*\(\s*[“\"‘']\s*(?:the\s+)?(?P<short>[A-Z][A-Za-z0-9&]{1,9}(?:\s\d{1,5})?)\s*[”\"’']\s*\)")


def _quoted_definitions(items: list[tuple[str, str]]) -> list[tuple[str, str, str]]:
    """(short, long, paragraph) for each `Long Form (“ABC”)`: the fewest words before the bracket whose
    letters spell the short form, starting with its first letter."""
    out = []
    for number, text in items:
        text = " ".join(text.split())
        for m in _QUOTED.finditer(text):
            short = m.group("short")
            core, _, num = short.partition(" ")  # a bill's number after its letters: Assembly Bill 361 (“AB 361”)
            if not _SHORT.match(core) or (num and not core.isupper()):
                continue  # (“the Applicant”): a defined term, not an abbreviation
            if num and not re.search(rf"\b{num}\s*$", text[: m.start()]):
                continue
            words = re.findall(r"[\w&’'-]+", text[max(0, m.start() - 160) : m.start()])[-10:]
            letters = re.sub(r"[^A-Za-z]", "", short)
            for n in range(1, len(words) + 1):
                long = " ".join(words[-n:])
                if words[-n][:1].lower() == short[0].lower() and not bad_expansion(short, long) \
                        and words[-n].lower() not in _FUNCTION_WORDS and n <= max(len(letters), 2) + 2:
                    out.append((short, long, number))
                    break
    return out


# a term in quotes and its short form in a bracket after it, the style of a procedure's report codes: the person
# "will be listed as the “Suspect” (SP)", the complainant "as the “Victim” (V)"; a company's name and its short form
# with the same suffix, "Tim Welch Consulting Inc. (TWC Inc.)"; a by-law's definition of a short form,
# "“WFES” means Whitby Fire and Emergency Services"
_QUOTED_TERM = re.compile(r"[“\"](?P<long>[A-Z][A-Za-z’'-]*(?:\s+[A-Za-z][A-Za-z’'-]*){0,5})[”\"]\s*\((?P<short>[A-Z]{1,6})\)")
_COMPANY = re.compile(r"(?P<long>(?:[A-Z][\w&’'-]*\s+){1,6}(?P<suffix>Inc\.|Ltd\.|LLC|LLP|Limited|Corp\.|Co\.))\s*"
                      r"\((?P<short>[A-Z]{2,6}\s+(?P=suffix))\)")
_MEANS = re.compile(r"[“\"](?P<short>[A-Z]{2,8})[”\"]\s+means\s+(?:the\s+)?(?P<long>[A-Z][\w&’'-]*(?:\s+(?:[A-Z][\w&’'-]*|of|and|for|"
                    r"the|&|on|in)){1,10}?)(?=\s*(?:[;,.]|\band\b\s*$|$))")


def _letters_within(short: str, long: str) -> bool:
    """The short form's letters in the long form's, in order, the first its first ("SP" Suspect, "V" Victim)."""
    low, at = long.lower(), 0
    if not long or short[0].lower() != low[0]:
        return False
    for ch in short.lower():
        at = low.find(ch, at)
        if at < 0:
            return False
        at += 1
    return True


def _explicit_definitions(items: list[tuple[str, str]]) -> list[tuple[str, str, str]]:
    """(short, long, paragraph) for definitions the page makes explicitly (see `_QUOTED_TERM`, `_COMPANY`,
    `_MEANS`): the quotes or the word "means" say it is one, so a short form of one letter counts."""
    out = []
    for number, text in items:
        text = " ".join(text.split())
        for m in _QUOTED_TERM.finditer(text):
            if _letters_within(m.group("short"), m.group("long")):
                out.append((m.group("short"), m.group("long"), number))
        for m in _COMPANY.finditer(text):
            long = m.group("long")
            words = long.split()
            for n in range(2, len(words) + 1):  # the fewest words before the suffix whose initials spell it
                head = words[-n:-1]
                if "".join(w[0] for w in head) == m.group("short").split()[0]:
                    out.append((m.group("short"), " ".join(words[-n:]), number))
                    break
        for m in _MEANS.finditer(text):
            if _spells(m.group("short"), m.group("long").split()):
                out.append((m.group("short"), m.group("long"), number))
    return out


# a short form in a bracket that is not in capitals: "Energy Services Company (ESCo)", "dwellings per hectare (dph)"
_MIXED = re.compile(r"\((?P<short>(?=[A-Za-z]*[a-z])[A-Za-z]{2,6})\)")


def _initials_in_brackets(items: list[tuple[str, str]]) -> list[tuple[str, str, str]]:
    """(short, long, paragraph) for a bracketed short form in mixed or lower case whose letters are the initials
    of the words just before the bracket, word for word: its capitals those of as many capitalised words ("ESCo":
    Energy Services Company), or, all in lower case, every letter one word's ("dph": dwellings per hectare)."""
    out = []
    for number, text in items:
        text = " ".join(text.split())
        for m in _MIXED.finditer(text):
            short = m.group("short")
            words = re.findall(r"[A-Za-z][\w’'-]*", text[max(0, m.start() - 120) : m.start()])
            if short.islower():
                n = len(short)
                if n >= 3 and len(words) >= n and "".join(w[0] for w in words[-n:]).lower() == short \
                        and words[-n].lower() not in _FUNCTION_WORDS:
                    out.append((short, " ".join(words[-n:]), number))
                continue
            caps = "".join(ch for ch in short if ch.isupper())
            if short[:1].islower() and len(caps) >= 2 and short[1:].isupper() and len(words) >= len(short) \
                    and all(w[:1].isupper() for w in words[-len(short):]) \
                    and "".join(w[0] for w in words[-len(short):]).lower() == short.lower():
                # a lower-case initial, then capitals: "Electronic Frailty Index (eFI)", every word's initial
                out.append((short, " ".join(words[-len(short):]), number))
                continue
            if len(caps) < 2 or not short.startswith(caps[0]) or short.isupper():
                continue  # capitals alone are the acronym finder's
            n = len(caps)
            if len(words) >= n and all(w[:1].isupper() for w in words[-n:]) \
                    and "".join(w[0] for w in words[-n:]) == caps:
                out.append((short, " ".join(words[-n:]), number))
    return out


# a defined term in quotes: 'Freedom of Information Act 2000 ("the Act")', 'Illinois Finance Authority (the
# "Authority")', 'Coronavirus Disease 2019 ("COVID-19")': the short form is what the quotes enclose
_TERM = re.compile(r"\(\s*(?:the\s+)?[“\"‘']\s*(?P<short>(?:the\s+)?[A-Z][A-Za-z0-9&-]{1,15})\s*[”\"’']\s*\)")
_NAME_RUN = re.compile(r"((?:(?:[A-Z][\w&’'-]*|\d{4}|of|and|for|the|on|in|&)\s+){0,9}(?:[A-Z][\w&’'-]*|\d{4}))\s*$")


def _defined_terms(items: list[tuple[str, str]]) -> list[tuple[str, str, str]]:
    """(short, long, paragraph) for a term the paper defines in quotes after a name: the name is the capitalised
    run before the bracket, from its first capitalised word, and it holds the term's main word ("Act" in the
    Freedom of Information Act 2000) or its letters spell the term ("COVID-19")."""
    out = []
    for number, text in items:
        text = " ".join(text.split())
        for m in _TERM.finditer(text):
            short = m.group("short")
            if re.fullmatch(r"the\s+[A-Z][A-Z0-9&-]+", short):  # ("the NPPF"), ("the PA2008"): the acronym itself
                short = short.split()[-1]
            run = _NAME_RUN.search(text[max(0, m.start() - 160): m.start()])
            if not run:
                continue
            words = run.group(1).split()
            while words and not words[0][:1].isupper():
                words = words[1:]
            if words and words[0] in ("The", "A", "An", "This", "I"):
                words = words[1:]
            if len(words) < 2:
                continue
            long = " ".join(words)
            main = short.split()[-1]
            letters = re.sub(r"[^A-Za-z]", "", main)
            if main.lower() in long.lower().split() or (letters.isupper() and _spells_loosely(letters, words, within=True)):
                out.append((short, long, number))
    return out


def _spells_loosely(letters: str, words: list[str], within: bool = False) -> bool:
    """The letters are the words' initials in order, a hyphenated word giving each part's ("Non-Departmental"
    N, D), a word in capitals all its letters ("UK" U, K), a small word ("of", "and") its initial or nothing, a
    word's letters may run on ("NDPB"), and with `within` (a term the paper defines in quotes) be taken from
    anywhere further in the word ("COVID": COronaVIrus Disease)."""
    parts = [x for w in words for x in re.split(r"[-‐]", w) if x]

    def go(i: int, k: int) -> bool:
        if k == len(letters):
            return i == len(parts) or all(p.lower() in _FUNCTION_WORDS or p.isdigit() for p in parts[i:])
        if i == len(parts):
            return False
        p = parts[i]
        if _SOUNDS.get(letters[k]) == p.lower():  # "4" for "for", "2" for "to": BBC4SR, B2B
            return go(i + 1, k + 1)
        if p.isdigit():
            return go(i + 1, k)
        if p.lower() in _FUNCTION_WORDS and go(i + 1, k):
            return True
        if p.isupper() and p.isalpha() and letters[k:k + len(p)].upper() == p:
            return go(i + 1, k + len(p))
        if p[:1].upper() != letters[k].upper():
            return False
        # the word's initial, then as many of its next letters as the short form goes on with
        n, at = 1, 1
        while True:
            if go(i + 1, k + n):
                return True
            if k + n >= len(letters):
                return False
            nxt = p.upper().find(letters[k + n].upper(), at)
            if nxt < 0 or (nxt != at and not within):
                return False
            n, at = n + 1, nxt + 1

    return go(0, 0)


# a digit in a short form that says a small word: "Birmingham Business Charter for Social Responsibility (BBC4SR)"
_SOUNDS = {"4": "for", "2": "to"}
# "(ABC)" or "(ABCs)" in capitals, a digit that says a word among them ("BBC4SR")
_CAPS_BRACKET = re.compile(r"\((?P<short>[A-Z](?:[A-Z]|[24](?=[A-Z])){1,7}|[A-Z]{2,6}(?:-[A-Z]{2,6})+)s?\)")


def _spelled_in_brackets(items: list[tuple[str, str]]) -> list[tuple[str, str, str]]:
    """(short, long, paragraph) for "Long Form (ABC)" whose words spell the short form only by the loose rules of
    `_spells_loosely` (a hyphenated word, a word in capitals, a small word that counts, "4" for "for"): "Birmingham
    Business Charter for Social Responsibility (BBC4SR)", "Non-Departmental Public
    Bodies (NDPBs)", "UK Trade and Investment (UKTI)", "Public of Rights of Way (PROW)".  The fewest words back
    from the bracket that spell it, starting with a capitalised word."""
    out = []
    for number, text in items:
        text = " ".join(text.split())
        for m in _CAPS_BRACKET.finditer(text):
            short = m.group("short")
            letters = short.replace("-", "")
            # a short form of two codes joined ("TWG-LWW") or a name in one word of parts ("MULTIFAN-CL (MFCL)",
            # "Multifan-CL"): letters may come from inside a word ("Tripartite WorkGroup", "MULTIFAN")
            joined = "-" in short
            words = re.findall(r"[A-Za-z][\w’'-]*|\d{4}", text[max(0, m.start() - 120): m.start()])[-10:]
            for n in range(1, len(words) + 1):
                cand = words[-n:]
                if n == 1 and not re.fullmatch(r"[A-Z][A-Za-z]+(?:-[A-Z][A-Za-z]*)+", cand[0]):
                    continue
                if not cand[0][:1].isupper() or cand[0].lower() in _FUNCTION_WORDS:
                    continue
                if cand[0][:1] != short[0]:
                    continue
                if (_spells_loosely(letters, cand, within=joined or n == 1)
                        and not any(c.lower() in ("and", "of") for c in cand[:1])):
                    out.append((short, " ".join(cand), number))
                    break
    return out


# a short form in lower case joined by hyphens after the compound it shortens: "year-on-year (y-o-y)"
_LOWER_JOINED = re.compile(r"(?<![\w-])(?P<long>[a-z]+(?:-[a-z]+){1,4})\s*\((?P<short>[a-z](?:[-.][a-z]){1,4})\.?\)")
# a term and its short form together in a bracket, joined by "or": "(called a maximum acceptable value or MAV)", "(the
# consumer price index, or CPI)"
_CALLED_OR = re.compile(r"\(\s*(?:(?:called|known\s+as|referred\s+to\s+as|termed)\s+)?(?:an?\s+|the\s+)?"
                        r"(?P<long>[A-Za-z][\w’'-]*(?:\s+[A-Za-z][\w’'-]*){1,7}?),?\s+or\s+(?:the\s+)?"
                        r"(?P<short>[A-Z]{2,8})s?\s*\)")


def _joined_and_called(items: list[tuple[str, str]]) -> list[tuple[str, str, str]]:
    """(short, long, paragraph) for a compound's short form in lower case ("year-on-year (y-o-y)": each part's
    initial, in order) and a term named with its short form in one bracket ("(called a maximum acceptable value or
    MAV)": the words spell it)."""
    out = []
    for number, text in items:
        text = " ".join(text.split())
        for m in _LOWER_JOINED.finditer(text):
            if "".join(w[0] for w in m.group("long").split("-")) == re.sub(r"[-.]", "", m.group("short")):
                out.append((m.group("short"), m.group("long"), number))
        for m in _CALLED_OR.finditer(text):
            words = m.group("long").split()
            if words[0][:1].lower() == m.group("short")[0].lower() and _spells_loosely(m.group("short"), words):
                out.append((m.group("short"), m.group("long"), number))
    return out



# the short form first, its name in the bracket: "The Pop-up HAWSE (Homes through Apprenticeships With Skills for
# Employment)"
_SHORT_THEN_NAME = re.compile(r"(?<![\w-])(?P<short>[A-Z]{2,8})\s*\((?:the\s+)?(?P<long>[A-Z][A-Za-z’'-]*(?:\s+[A-Za-z][A-Za-z’'-]*){1,11})\)")


def _named_after(items: list[tuple[str, str]]) -> list[tuple[str, str, str]]:
    """(short, long, paragraph) for "ABC (Long Form)" whose capitalised words' initials are the short form's letters
    exactly, the small words between them aside ("through", "for"): what the acronym finder's stricter reading of
    small words missed."""
    out = []
    for number, text in items:
        for m in _SHORT_THEN_NAME.finditer(" ".join(text.split())):
            words = m.group("long").split()
            caps = [w for w in words if w[:1].isupper()]
            initials = "".join(w[0] for w in caps)
            # (or the same letters in another order, three or more: a name translated, "DTU (Technical University of
            # Denmark)" for Danmarks Tekniske Universitet)
            if (len(caps) == len(m.group("short")) and (initials == m.group("short") or len(caps) >= 3
                                                        and sorted(initials) == sorted(m.group("short")))
                    and all(w[:1].isupper() or (w.islower() and len(w) <= 8) for w in words)):
                out.append((m.group("short"), m.group("long"), number))
    return out


# "ABC (long form)" with the long form in lower case, in any language: "le CA (conseil d’administration)", "le CVS
# (conseil de vie sociale)"
_SHORT_THEN_LOWER = re.compile(r"(?<![\w-])(?P<short>[A-Z]{2,6})\s*\((?P<long>[^\W\d_A-Z][\w’'-]*(?:\s+[\w’'-]+){1,7})\)")
_SMALL_WORDS = frozenset("of and the for to in on at by with a an de du des la le les et en pour sur aux au von der "
                         "und für del los las y".split())


def _lower_after(items: list[tuple[str, str]]) -> list[tuple[str, str, str]]:
    """(short, long, paragraph) for "ABC (long form)" in lower case whose words' initials, the small words and an
    elided article aside ("d’administration" is "administration"), are the short form's letters exactly."""
    out = []
    for number, text in items:
        for m in _SHORT_THEN_LOWER.finditer(" ".join(text.split())):
            words = m.group("long").split()
            if not all(w.islower() for w in words):
                continue
            heads = [re.sub(r"^(?:d|l|qu)['’]", "", w) for w in words]
            initials = "".join(w[0] for w in heads if w and w not in _SMALL_WORDS).upper()
            if initials == m.group("short"):
                out.append((m.group("short"), m.group("long"), number))
    return out


# a term in lower case and its short form in capitals, digits among them: "type 2 diabetes mellitus (T2DM)",
# "diabetic ketoacidosis (DKA)", "angiotensin 2 receptor blockers (ARBs)"
# (the bracket may go on after a comma: "s-gene target failure (SGTF, a proxy for variant B.1.1.7)")
_LOWER_TERM_BRACKET = re.compile(r"\((?P<short>[A-Z](?:[A-Z]|\d(?=[A-Z])){1,6})s?(?:\)|,\s)")


def _lower_terms(items: list[tuple[str, str]]) -> list[tuple[str, str, str]]:
    """(short, long, paragraph) for a common term in lower case before a bracket in capitals: the fewest words back
    from the bracket, all in lower case (a number among them), starting with the short form's first letter, that
    spell it by `_spells_loosely` (letters further in a word too: ketoAcidosis), every digit of the short form
    printed as a number among the words in its order ("type 2 ... (T2DM)")."""
    out = []
    for number, text in items:
        text = " ".join(text.split())
        for m in _LOWER_TERM_BRACKET.finditer(text):
            short = m.group("short")
            if sum(c.isupper() for c in short) < 2:
                continue
            words = re.findall(r"[A-Za-z][\w’'-]*|\d+", text[max(0, m.start() - 120): m.start()])[-10:]
            letters = re.sub(r"[^A-Z]", "", short)
            digits = re.findall(r"\d", short)
            for n in range(2, min(len(words), len(short) + 3) + 1):
                cand = words[-n:]
                if not all(w.islower() or w.isdigit() for w in cand):
                    break  # a capitalised word: a name's, the bracketed finders' business
                if cand[0][:1] != short[0].lower() or cand[0] in _FUNCTION_WORDS:
                    continue
                if [d for w in cand if w.isdigit() for d in w][:len(digits)] != digits or \
                        (digits and sum(1 for w in cand if w.isdigit()) != len(digits)):
                    continue
                spelling = [w for w in cand if not w.isdigit()]
                if _spells_loosely(letters, spelling, within=True) or (
                        # the term's head noun after the words that spell it: "cardiac magnetic resonance scan (CMR)"
                        len(letters) >= 3 and len(spelling) > 2 and len(cand[-1]) >= 3 and not cand[-1].isdigit()
                        and cand[-1] not in _FUNCTION_WORDS and not cand[-1][:1] == letters[-1].lower()
                        and _spells_loosely(letters, spelling[:-1])):
                    out.append((short, " ".join(cand), number))
                    break
    return out

# a short form with a qualifier the long form ends with too: "Web Content Accessibility Guidelines version 2.0
# (WCAG 2.0)", "Commercial Off The Shelf Software and Hardware panel (COTS panel)"
# ... and a name's last word: "Garelochhead and Portincaple Trust (G&P Trust)"
_QUALIFIED = re.compile(r"\((?P<short>(?P<core>[A-Z][A-Z0-9&]{1,7})\s+(?P<tail>\d+(?:\.\d+)*|[a-z]{3,12}|[A-Z][a-z]{2,12}))\)")
# a suffix the words do not spell, the name's variant or district: "Neighborhood Conservation and Enhancement
# (NCE-C)"
# the name's number run on to its initials: "Manhattan Community Board 4 (MCB4)", "Community Board 1 (CB1)"
_NUMBERED = re.compile(r"\((?P<short>(?P<core>[A-Z]{2,7})(?P<tail>\d{1,3}))\)")
_SUFFIXED = re.compile(r"\((?P<short>(?P<core>[A-Z]{2,8})-[A-Z]{1,2})\)")
# a prefix on both: "NON-Water Quality Resource Area (NON-WQRA)"
_PREFIXED = re.compile(r"\((?P<short>(?P<pre>[A-Za-z]{2,5})-(?P<core>[A-Z]{2,8}))\)")
# the long form first in the bracket, an explanation after a dash: "DBH (Diameter Breast Height – measured at ...)"
_DASHED = re.compile(r"(?<![A-Za-z0-9&-])(?P<short>[A-Z]{2,8})\s*\(\s*(?P<long>[A-Z][A-Za-z’' -]{3,80}?)\s+[–—-]\s+[^()]*\)")
# a digit that repeats the letter before it: "World Wide Web Consortium (W3C)"
_REPEATED = re.compile(r"\((?P<short>[A-Z]{1,4}(?P<n>[23])[A-Z]{1,4})\)")
_VERSION_WORDS = frozenset(("version", "v", "edition", "release"))


def _name_run_back(short: str, words: list[str], allow: frozenset = frozenset()) -> Optional[list[str]]:
    """The words from the one that starts spelling `short` to the end: capitalised (or small, or in `allow`) words,
    the first few spelling it loosely ("Commercial Off The Shelf" + "Software and Hardware")."""
    for start in range(len(words) - 1, -1, -1):
        run = words[start:]
        if not all(w[:1].isupper() or w.lower() in _FUNCTION_WORDS or w.lower() in allow or w[:1].isdigit()
                   for w in run):
            return None
        if run[0][:1] != short[:1] or run[0].lower() in _FUNCTION_WORDS:
            continue
        spelling = [w for w in run if w.lower() not in allow]
        if any(_spells_loosely(short, spelling[:j]) for j in range(1, len(spelling) + 1)):
            return run
    return None


def _qualified_brackets(items: list[tuple[str, str]]) -> list[tuple[str, str, str]]:
    """(short, long, paragraph) for a bracket whose short form carries a qualifier or a prefix that the words
    before it print too ("... Guidelines version 2.0 (WCAG 2.0)", "... Hardware panel (COTS panel)", "Manhattan
    Community Board 4 (MCB4)",
    "NON-Water Quality Resource Area (NON-WQRA)"), and for a short form before a bracket that opens with its long
    form and explains it after a dash ("DBH (Diameter Breast Height – measured ...)")."""
    out = []
    for number, text in items:
        text = " ".join(text.split())
        for m in list(_QUALIFIED.finditer(text)) + list(_NUMBERED.finditer(text)):
            core, tail = m.group("core"), m.group("tail")
            before = text[max(0, m.start() - 160): m.start()].rstrip()
            if not before.endswith(tail) or sum(c.isupper() for c in core) < 2:
                continue
            words = re.findall(r"[A-Za-z][\w’'-]*|\d+(?:\.\d+)*", before[: len(before) - len(tail)])[-12:]
            run = _name_run_back(core.replace("&", ""), words, _VERSION_WORDS)
            if run:
                out.append((m.group("short"), " ".join(run + [tail]), number))
        for m in _PREFIXED.finditer(text):
            pre, core = m.group("pre"), m.group("core")
            before = text[max(0, m.start() - 160): m.start()].rstrip()
            at = before.rfind(pre + "-")
            if at < 0 or (at and before[at - 1].isalnum()):
                continue
            words = re.findall(r"[A-Za-z][\w’']*", before[at + len(pre) + 1:])
            if words and _spells_loosely(core, words) and words[0][:1].isupper():
                out.append((m.group("short"), f"{pre}-{' '.join(words)}", number))
        for m in _SUFFIXED.finditer(text):
            words = re.findall(r"[A-Za-z][\w’'-]*|\d+", text[max(0, m.start() - 120): m.start()])[-10:]
            run = _name_run_back(m.group("core"), words)
            if run and _spells(m.group("core"), run):
                out.append((m.group("short"), " ".join(run), number))
        for m in _REPEATED.finditer(text):
            short, n = m.group("short"), int(m.group("n"))
            at = m.start("n") - m.start("short")
            letters = short[: at - 1] + short[at - 1] * n + short[at + 1:]
            words = re.findall(r"[A-Za-z][\w’'-]*", text[max(0, m.start() - 120): m.start()])[-8:]
            run = _name_run_back(letters, words)
            if run and _spells_loosely(letters, run):
                out.append((short, " ".join(run), number))
        for m in _DASHED.finditer(text):
            short, long = m.group("short"), m.group("long").strip()
            words = long.split()
            if 2 <= len(words) <= 8 and all(w[:1].isupper() or w.lower() in _FUNCTION_WORDS for w in words) \
                    and _spells_loosely(short, words):
                out.append((short, long, number))
    return out


# a short form with a hyphen or a number whose letters are the initials of the words just before it, in small
# letters as often as capitals: "common equity tier 1 (CET1)", "K-factor requirement for assets under management
# (K-AUM)", "TSP service computation date (TSP-SCD)", "National Government Constituency Development Fund (NG-CDF)"
_CODED_BRACKET = re.compile(r"\((?P<short>(?:[A-Za-z]{1,6}-)+[A-Z]{2,8}|[A-Z]{2,7}\d{1,2})\)")


def _initials_of(letters: str, words: list[str]) -> Optional[int]:
    """How many words at the end of `words` have `letters` as their initials, one letter a word (a small word
    inside the run counted or skipped: "assets under management" AUM), or None."""
    letters = letters.lower()
    for take in range(len(letters), min(len(words), 2 * len(letters)) + 1):
        run = words[len(words) - take:]
        if any(not w[:1].isalpha() for w in run) or run[0].lower() in _FUNCTION_WORDS:
            continue
        if "".join(w[0] for w in run).lower() == letters or (
                "".join(w[0] for w in run if w.lower() not in _FUNCTION_WORDS).lower() == letters):
            return take
    return None


def _coded_brackets(items: list[tuple[str, str]]) -> list[tuple[str, str, str]]:
    """(short, long, paragraph) for a bracketed short form with a hyphen or a number (`_CODED_BRACKET`): its last
    part must be exactly the initials of the words before the bracket (after the number, for "tier 1 (CET1)"), and
    each part before it the initials of the words before those, or a word printed so ("TSP service ...") or the
    start of one ("K-factor"), at most three words back; nothing looser, so a code after a sentence defines nothing."""
    out = []
    for number, text in items:
        text = " ".join(text.split())
        for m in _CODED_BRACKET.finditer(text):
            short = m.group("short")
            before = text[max(0, m.start() - 200): m.start()].rstrip()
            words = re.findall(r"[A-Za-z0-9][\w’'-]*", before)[-16:]
            digits = re.search(r"\d+$", short) if "-" not in short else None
            if digits:
                if not words or words[-1] != digits.group(0):
                    continue
                parts, tail = [short[: digits.start()]], [words.pop()]
            else:
                parts, tail = short.split("-"), []
            end = len(words)
            for part in reversed(parts):
                n = _initials_of(part, words[:end]) if part.isupper() or part == parts[-1] else None
                if n is None and part is not parts[-1]:
                    back = [k for k in range(end - 1, max(-1, end - 4), -1)
                            if words[k] == part or words[k].startswith(part + "-")]
                    n = end - back[0] if back else None
                if n is None:
                    break
                end -= n
            else:
                out.append((short, " ".join(words[end:] + tail), number))
    return out


# words run together where a small word met a capitalised one: "National Institute ofStandards and Technology"
_GLUED = re.compile(r"(?<![A-Za-z])(of|and|for|the|to|in|on)(?=[A-Z][a-z])")


def _split_glued(short: str, long: str) -> str:
    """A long form with two words run together across a line break ("Employee AssistanceProvider" for EAP): the
    words apart, when that is what makes one word per letter of the short form."""
    letters = re.sub(r"[^A-Z]", "", short)
    words = long.split()
    if len(words) >= len(letters) or not re.search(r"[a-z]{2}[A-Z][a-z]", long):
        return long
    apart = re.sub(r"(?<=[a-z]{2})(?=[A-Z][a-z]{2})", " ", long)
    if "".join(w[0] for w in apart.split() if w[:1].isupper()) == letters:
        return apart
    return long


def _unglued(text: str) -> str:
    return _GLUED.sub(r"\1 ", text)


# a person named with the initials the minutes use for them: "Hector Rufrancos (HR, Secretary)", "Barbara
# McTavish(BMcT,chair)", "Kieron O’Hara (KO)"
_PERSON = re.compile(r"(?P<name>(?:[A-Z][a-z]+\s+){1,2}(?:(?:Mc|Mac|O[’'])?[A-Z][a-z]+))\s*"
                     r"\((?P<short>[A-Z](?:[A-Za-z]{1,5}))\s*(?:,[^()]{0,40})?\)")


def person_initials(name: str) -> set[str]:
    """The initials a person may go by: "Barbara McTavish" BM, BMcT, BMc; "Kieron O’Hara" KO, KOH."""
    out = {""}
    for w in name.split():
        m = re.match(r"(Mc|Mac|O[’'])([A-Z])", w)
        choices = {w[0], m.group(1)[0] + m.group(2), m.group(1) + m.group(2) if m.group(1).startswith("M") else
                   "O" + m.group(2)} if m else {w[0]}
        if m and m.group(1).startswith("M"):
            choices.add(m.group(1))  # "RMc" Robert McIntyre
        out = {o + c for o in out for c in choices}
    return out


_NAME = r"(?:[A-Z][a-z]+\s+){1,2}(?:(?:Mc|Mac|O[’'])?[A-Z][a-z]+)"
# two people and their initials in one bracket: "Residents Mark Orr and Chris Orr (MO & CO)"
_PEOPLE = re.compile(rf"(?P<a>{_NAME})\s+(?:and|&)\s+(?P<b>{_NAME})\s*\((?P<sa>[A-Z][A-Za-z]{{1,5}})\s*(?:and|&)\s*"
                     r"(?P<sb>[A-Z][A-Za-z]{1,5})\s*\)")


def _owner_of(name: str, short: str) -> Optional[str]:
    """The person the initials belong to among the last two or three words before the bracket ("Community
    Councillors Lorna McWilliams (LMcW, ...)": Lorna McWilliams), or None."""
    words = name.split()
    for k in (2, 3):
        if len(words) >= k and short in person_initials(" ".join(words[-k:])):
            return " ".join(words[-k:])
    return None


def _people(items: list[tuple[str, str]]) -> list[tuple[str, str, str]]:
    """(initials, name, paragraph) for a person named with their initials in a bracket (see `_PERSON`, and two
    in one, `_PEOPLE`): minutes refer to members by them, and the page defines them so.  Only initials that are
    the name's (`person_initials`) count: "Chair (BH)" names a role, not a person defined."""
    out = []
    for number, text in items:
        text = " ".join(text.split())
        for m in _PERSON.finditer(text):
            owner = _owner_of(m.group("name"), m.group("short"))
            if owner:
                out.append((m.group("short"), owner, number))
        for m in _PEOPLE.finditer(text):
            for name, short in ((m.group("a"), m.group("sa")), (m.group("b"), m.group("sb"))):
                owner = _owner_of(name, short)
                if owner:
                    out.append((short, owner, number))
    return out


_ROLL_OPENS = re.compile(r"^\s*(?:(?i:present|attendees|in\s+attendance|members\s+present)\s*:|"
                         # a roll table's labels in capitals: "PRESENT:", "APOLOGIES", "ATTENDING"
                         r"(?:PRESENT|ATTENDING|IN\s+ATTENDANCE|ALSO\s+PRESENT|APOLOGIES)\b\s*:?(?=\s+[A-Z][a-z]))")
_ROLL_NAME = re.compile(r"(?<![A-Za-z])((?:[A-Z][a-z]+\s+)(?:(?:Mc|Mac|O[’'])?[A-Z][a-z]+))(?![A-Za-z])")
# the initials a roll table prints in brackets after each role: "Secretary(AR)", "Member(Planning)(CS)", "(RMc)"
_ROLL_BRACKETED = re.compile(r"\(([A-Z](?:[A-Z]|Mc|Mac|O’|O')?[A-Z]?[a-z]?)\)")


def _roll(document: Document) -> list[tuple[str, str, str]]:
    """(initials, name, "") from a roll of those present printed with a column of initials ("Present: Catherine
    Chisholm CC Kenny Combe KC ..."), the columns read in any order: a capitals token in the roll that is the
    initials of exactly one name in it is that person's.  A roll set as a table, its names in one column and each
    role with its initials in brackets in another ("PRESENT: Watson Robinson / Adam Rodger ..." beside "Convenor(WR)
    Secretary(AR) ..."), is read over the roll's blocks on its page (its labels PRESENT, APOLOGIES, ATTENDING); where
    the roll brackets its initials, only bracketed ones count ("CC Member" is a role, not Caroline Colquhoun's)."""
    blocks = list(document.blocks)
    out = []
    for i, b in enumerate(blocks):
        if not _ROLL_OPENS.match(b.text):
            continue
        # the roll's next block is its other column ("CC Kenny Combe KC JF ..."), not the minutes' prose after it ("PM
        # thanked all the staff ... HB thanked PM"): initials the page uses, not pairs it prints, are none of it
        roll = " ".join(x.text for x in blocks[i:i + 2] if x is b or len(re.findall(r"\b[a-z]{3,}\b", x.text)) < 4)
        roll = _ROLL_OPENS.sub("", roll)
        table = [x.text for x in blocks[i:i + 8] if x.page == b.page and len(x.text) < 400]
        names = _ROLL_NAME.findall(roll)
        tokens = set(re.findall(r"(?<![\w(])([A-Z]{2,3})(?![\w)])", roll))
        # each block's names read apart: a name does not run on into the next block's
        table_names = [n for x in table for n in _ROLL_NAME.findall(_ROLL_OPENS.sub("", x))]
        bracketed = {t for t in _ROLL_BRACKETED.findall(" ".join(table))
                     if any(t in person_initials(n) for n in table_names)}
        if bracketed:  # the roll brackets its people's initials ("(SBC)" after a name is a body's, not theirs)
            names, tokens = table_names, bracketed
        for short in sorted(tokens):
            owners = {n for n in names if short in person_initials(n)}
            if len(owners) == 1:
                out.append((short, owners.pop(), ""))
    return list(dict.fromkeys(out))


_BODY = re.compile(r"^(?:the\s+)?(?:Department|Ministry|Office|Institute|Commission|Agency|Association|Society|"
                   r"Federation|Union|Trust|Board|Council|Authority)\b")


def _as_printed(texts: list[str], short: str, long: str) -> str:
    """The long form as the paper prints it before "(ABC)" (or in the bracket after "ABC"): a singular made of a plural the short form does not
    have ("Housing and Communities (DLUHC)", "European Protected Species (EPS)") is put back."""
    head, _, last = long.rpartition(" ")
    stem = last[:-1] if len(last) > 3 else last
    words = (re.escape(head) + r"\s+" if head else "") + rf"({re.escape(stem)}\w*)"
    pattern = re.compile(rf"{words}\s*[(\[]\s*[\"“‘']?{re.escape(short)}[\"”’']?\s*[)\]]", re.I)
    # the short form first: "SAGE (the Scientific Advisory Group for Emergencies)"
    after = re.compile(rf"(?<![\w-]){re.escape(short)}\s*[(\[]\s*(?:the\s+)?[\"“‘']?{words}[\"”’']?\s*[)\]]", re.I)
    for text in texts:
        flat = " ".join(text.split())
        m = pattern.search(flat) or after.search(flat)
        if m and m.group(1) != last:
            printed = m.group(1)
            # a body's name keeps its words ("Department for ... Communities"); so does a word whose singular
            # the paper never uses ("Species", not "Specy"); "Strategies (SCS)" stays the strategy it names
            # and a plural after a preposition is not the name's head ("Convention on the Rights of Persons with
            # Disabilities (UNCRPD)")
            if (_BODY.match(long) or re.search(r"\b(?:of|on|with|for)\b", head)
                    or not any(re.search(rf"\b{re.escape(last)}\b", t) for t in texts)):
                return f"{head} {printed}" if head else printed
            break
    return long


def _weak_initials(short: str, long: str) -> bool:
    """A capitalised run that merely happens to spell the letters: a name ("Jacqui North"), a shouted
    heading ("UN DECADE OF ACTION"), a label run ("Present: Chairman Cllr"), "Annex D"."""
    letters = re.sub(r"[^A-Za-z]", "", short)
    if len(letters) < 3:
        return True
    words = long.split()
    if any(len(w) >= 2 and w.isalpha() and w.isupper() for w in words):
        return True
    if re.search(r"[:–—()]|\bCllr\b", long) or (words and len(words[-1]) == 1):
        return True  # a bracket: "Delegated Representatives (DReps" runs into another definition
    if any(sum(c.isupper() for c in w) >= 2 for w in words):
        return True  # other abbreviations in the run: "SPOs and DReps" for SAD
    if words and words[0].lower() in _RUN_OPENERS:
        return True  # a sentence's opening word, not a name's: "If an Special" for IAS
    return False


_RUN_OPENERS = frozenset("if when where while whilst as and or but so then thus for of to in on at by".split())


def _first_use(document: Document, short: str) -> Optional[str]:
    pattern = re.compile(rf"(?<![A-Za-z0-9]){re.escape(short)}(?![A-Za-z0-9])")
    for p in document.paragraphs:
        if pattern.search(p.text):
            return p.number
    return None


def _lower_words(texts: Iterable[str]) -> set[str]:
    """The words the paper also writes in lower case: "MINUTES", "WARRANTS" shouted in an agenda's item titles are
    the words "minutes" and "warrants" its text uses, not acronyms to expand."""
    return {w for t in texts for w in re.findall(r"\b[a-z]{5,}\b", t)}


def _in_caps_heading_only(document: Document, short: str) -> bool:
    """A capitals word that appears only in headings (or shouted lines) is a heading word, not an acronym."""
    pattern = re.compile(rf"(?<![A-Za-z0-9]){re.escape(short)}(?![A-Za-z0-9])")
    for p in document.paragraphs:
        for m in pattern.finditer(p.text):
            around = p.text[max(0, m.start() - 25) : m.end() + 25]
            letters = [c for c in around if c.isalpha()]
            if sum(c.islower() for c in letters) > 0.3 * len(letters):
                return False
    return True


def glossary_entries(entries: Iterable) -> dict[str, str]:
    return {e.short: e.long for e in entries if e.long}


# ---------------------------------------------------------------- an abbreviations list under a heading line, names
# shortened to a word, place codes, units, square brackets

# a heading line that names the list under it: "Abbreviations", "List of acronyms", "Abbreviations and acronyms"
_LIST_HEADING = re.compile(r"(?i)^\W*(?:list\s+of\s+|glossary\s+of\s+)?(?:abbreviations?|acronyms?)"
                           r"(?:\s+(?:and|&)\s+(?:abbreviations?|acronyms?|symbols?))?(?:\s+used(?:\s+in\s+this\s+\w+)?)?\W*$")
# a row of it: the short form (letters, digits, a degree sign; any case: "kW", "m", "°", "Commission"), the long form
_LIST_ROW = re.compile(r"^(?P<short>[A-Za-z°%][A-Za-z0-9°&/.\-]{0,11}|°)\s+(?P<long>\S.{0,150})$")


def _headed_list(document: Document) -> list[tuple[str, str]]:
    """The rows of an abbreviations list printed one to a line under a heading line of its own (a block, or an
    unnumbered heading: "Abbreviations" / "kW kilo Watt(s)" / "LMC Lloyds machinery certificate" / "m metre(s)" /
    "Commission Transport Accident Investigation Commission" / ...), on the heading's page, to the next heading line
    ("Glossary": its terms are words, not short forms) or the first line that is no row.  A list declared so is
    read whole, its short forms in any case and whatever their letters spell (an accident report's "UTC
    co-ordinated universal time", "kts knots"); a row needs a long form of words and a short form shorter than it."""
    lines = [(b.page, " ".join(b.text.split()), "block") for b in document.blocks]
    lines += [(s.page, " ".join((s.heading or "").split()), "heading") for s in document.sections if not s.number]
    lines.sort(key=lambda x: x[0])  # blocks and headings of a page stay in their own order (a stable sort)
    rows: list[tuple[str, str]] = []
    for i, (page, text, _) in enumerate(lines):
        if not _LIST_HEADING.match(text):
            continue
        for p, line, _ in lines[i + 1:]:
            if p != page:
                break
            m = _LIST_ROW.match(line)
            long = m.group("long").strip() if m else ""
            short = m.group("short").strip() if m else ""
            if (not m or len(long) <= len(short) or not re.search(r"[A-Za-z]{2}", long)
                    or long.endswith(".") or re.search(r"[.!?]\s", long)
                    or long.split()[0] in _FUNCTION_WORDS  # "Evidence and Examination Documents": the next heading
                    or (re.fullmatch(r"[A-Z][a-z]{3,}", short)
                        and short.lower() not in long.lower().split())):  # a word is a short form of a name with it
                break
            rows.append((short, long))
    return rows


# a name shortened to one of its words, that word in the bracket: "The Transport Accident Investigation Commission
# (Commission)", "Port of ALSEA, (Port)"
_WORD_BRACKET = re.compile(r",?\s*\(\s*(?:the\s+)?(?P<short>[A-Z][a-z]{2,20})\s*\)")


def _short_names(items: list[tuple[str, str]]) -> list[tuple[str, str, str]]:
    """(short, long, paragraph) for a name of two words or more followed by one of its own words in brackets, the
    word the paper then calls it by: the name as printed, a leading "The" left off."""
    out = []
    for number, text in items:
        text = " ".join(text.split())
        for m in _WORD_BRACKET.finditer(text):
            short = m.group("short")
            if short.lower() in _ARTICLES:
                continue
            run = _NAME_RUN.search(text[: m.start()])
            if not run or re.match(r"\s*[A-Z][\w&’'-]*", text[m.end():]):
                continue  # "InReach (Birmingham) Ltd": a bracket inside a name, its place or its kind
            words = run.group(1).split()
            if any(w.lower() in ("ltd", "limited", "plc", "llp", "inc") for w in words[:-1]):
                continue  # a run over two names of a list ("... Housing Ltd Forward Homes")
            joins = [k for k in range(len(words) - 1) if words[k] in ("and", "&") and words[k + 1] == "the"]
            if joins:  # two names joined ("... Regulations 2022 and the Drinking Water Quality Assurance Rules
                words = words[joins[-1] + 2:]  # 2022 (the Rules)"): the one before the bracket
            while words and (words[0].lower() in ("the", "of", "and", "for", "on", "in", "&") or words[0].isdigit()):
                words.pop(0)  # "... at about 1524 the Transport Accident Investigation Commission (Commission)"
            capitalised = [w for w in words if w[:1].isupper()]
            if len(capitalised) >= 2 and short.lower() in (w.lower() for w in words) and short != words[0] + "s":
                out.append((short, " ".join(words), number))
    return out


# a place's code after its name: "Canton Aerodrome (CTN7)", "Ottawa/Rockcliffe Airport (CYRO)", "Toronto/Lester B.
# Pearson International Airport, Ontario (CYYZ)": an aerodrome's or a station's identifier, whatever its letters
_PLACE_CODE = re.compile(
    r"(?P<long>(?:[A-Z][\w/’'.-]*\s+){1,7}(?:Airport|Aerodrome|Airfield|Heliport|Airpark|Air\s+Base|Station)"
    r"(?:,\s+[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?)?)\s*\((?P<short>[A-Z][A-Z0-9]{2,4})\)")


def _place_codes(items: list[tuple[str, str]]) -> list[tuple[str, str, str]]:
    out = []
    for number, text in items:
        for m in _PLACE_CODE.finditer(" ".join(text.split())):
            long = re.sub(r"^(?:The|At|In|From|To|For|Of)\s+", "", m.group("long").strip())
            out.append((m.group("short"), long, number))
    return out


# a unit after a quantity, its short form in lower case in the bracket: "1 nautical mile (nm)", "22.50 knots (kts)"
_UNIT = re.compile(r"(?<![\w.])\d[\d.,]*\s+(?P<long>[a-z]{2,}(?:\s+[a-z]{2,})?)\s*\((?P<short>[a-z]{1,4})\)")


def _units(items: list[tuple[str, str]]) -> list[tuple[str, str, str]]:
    """(short, long, paragraph) for a unit defined where a quantity is first given in it: the short form the
    words' initials ("nm" nautical mile) or the word's letters in order from its first ("kts" knots)."""
    out = []
    for number, text in items:
        for m in _UNIT.finditer(" ".join(text.split())):
            short, words = m.group("short"), m.group("long").split()
            initials = "".join(w[0] for w in words)
            if initials == short or (len(words) == 1 and len(short) >= 2 and _letters_in_order(short, words[0])):
                out.append((short, m.group("long"), number))
            elif len(words) == 2 and len(short) >= 2 and _letters_in_order(short, words[1]):
                out.append((short, words[1], number))  # "22.50 knots" read with a word before it
    return out


def _round_brackets(text: str) -> str:
    """A definition in square brackets read as one in round ones: "(safety management system [SMS]–based ...)",
    "BOLI [Bureau of labor & Industry] Prevailing Wage Rates"; a bracket of other words is left alone."""
    if "[" not in text:
        return text
    text = re.sub(r"\[([A-Z][A-Za-z&]{1,7}s?)\]", r"(\1)", text)
    return re.sub(r"(?<![A-Za-z])([A-Z]{2,8})\s+\[([A-Z][^\[\]()]{3,80})\]", r"\1 (\2)", text)


# a short form set equal to its long form in text: "(Note: MCC=Maximum Construction Costs, which includes ...)"
_EQUALS = re.compile(r"(?<![\w=+])(?P<short>[A-Z]{2,8})\s*=\s*(?P<long>[A-Z][a-z]+(?:\s+(?:of|and|for|the|[A-Z][a-z]+)){1,7})")


def _equals(items: list[tuple[str, str]]) -> list[tuple[str, str, str]]:
    """(short, long, paragraph) for "ABC=Long Form" in text whose capitalised words' initials spell the short form,
    word for word ("MCC" Maximum Construction Costs); the long form ends with the last word that spells it."""
    out = []
    for number, text in items:
        for m in _EQUALS.finditer(" ".join(text.split())):
            short, words = m.group("short"), m.group("long").split()
            capitals = [w for w in words if w[:1].isupper()]
            if len(capitals) >= len(short) and "".join(w[0] for w in capitals[: len(short)]) == short:
                last = words.index(capitals[len(short) - 1])
                out.append((short, " ".join(words[: last + 1]), number))
    return out
