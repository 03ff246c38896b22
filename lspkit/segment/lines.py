"""The working lines and the document's typography: what every later decision asks about a line.

A Reading's lines become `WorkLine`s that carry what the segmenter learns
about them: the label they start with, whether a gap (a blank line, or more
space than the document's usual leading) comes before them, and the role given
by whoever claims them first (furniture, contents, note, table).  `Body` holds
the lines left to segment together with the yardsticks measured once over the
whole document: the body type size, whether bold is rare enough to mark a
heading, and where a full line ends.  Every judgement of a line's look is made
here, so headings, numbering, paragraphs and matter all judge it alike.
"""
from __future__ import annotations

import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, field, replace
from typing import Optional, Sequence

from ..model import Line, Reading
from .margins import margin_notes_by_line
from .numbering import Label, parse_label


@dataclass
class WorkLine:
    """A model Line plus what the segmenter learns about it."""

    line: Line
    index: int  # into Reading.lines
    label: Optional[Label] = None
    gap_before: bool = True
    role: str = ""  # "" (still to place), "furniture", "note", "table", "side" (a note beside another line),
    # "margin" (a marginal note: a statute's side heading)

    # the line's text, as a plain attribute (every decision reads it, several times a line: a property cost four
    # times a plain read): given with the line (`WorkLine(ln, i, ..., text=ln.text)`, no __post_init__ to call per
    # line); `set_line` puts in a new line with its text
    text: str = field(kw_only=True, repr=False, compare=False)

    def set_line(self, line: Line) -> None:
        """Put in a new line (an edited text): `line` and `text` together."""
        self.line = line
        self.text = line.text


def with_digits(texts: Sequence[str], at_least: int) -> list[int]:
    """The indexes of the texts that may hold `at_least` digits (`\\d`) or more: every one that does, and a few
    more (a character outside ASCII counts as a digit), found for all the texts at once in C.  The cheap sign a
    pass looks for before its per-line regex (an item number's digits, a vote's three counts): most lines of most
    papers have too few, and cost nothing more."""
    # in UTF-8 an ASCII digit is one byte and any other character (a digit of another script too) one lead byte
    # (0xC0 and over) and its continuation bytes (0x80-0xBF): keep the digits, the lead bytes and the NULs between
    # the texts, delete the rest
    kept = "\x00".join(texts).encode("utf-8", "surrogatepass").translate(None, _NOT_DIGIT_BYTES).split(b"\x00")
    if len(kept) != len(texts):  # a text holding a NUL itself
        return list(range(len(texts)))
    return [k for k, d in enumerate(kept) if len(d) >= at_least]


_NOT_DIGIT_BYTES = bytes(b for b in range(1, 0xC0) if not (b < 128 and chr(b).isdigit()))


# a word processor's list numbering set in Unicode's roman numeral characters ("(ⅰ)", "Ⅳ.", one character a
# numeral, as LibreOffice writes them): read as the letters they stand for, so "(ⅰ)" is the label "(i)" a reader
# cites ("6(c)(i)") and "items (ⅰ) to (ⅴ)" reads as printed
_ROMAN_GLYPHS = {c: unicodedata.normalize("NFKC", chr(c)) for c in range(0x2160, 0x2180)}


def plain_numerals(text: str) -> str:
    """The text with Unicode's roman numeral characters as the letters they stand for ("ⅳ" -> "iv")."""
    return text.translate(_ROMAN_GLYPHS)


def working_lines(reading: Reading, furniture: dict[int, str]) -> list[WorkLine]:
    """Every non-empty line that is not furniture, with its label and whether a gap comes before it."""
    lines = reading.lines
    work: list[WorkLine] = []
    prev: Optional[Line] = None
    before: Optional[Line] = None  # the line before prev, where prev read on from it in one paragraph
    blank = True
    leading = _leading(lines, furniture) if reading.kind == "pdf" else 0.0
    for i, ln in enumerate(lines):
        if i in furniture:
            continue
        if not ln.text:
            blank = True
            continue
        if ln.margin:  # a marginal note beside the text (lspkit.segment.margins): the spacing is the text's
            work.append(WorkLine(ln, i, None, False, "margin", text=ln.text))
            continue
        gap = blank
        if reading.kind == "pdf":
            if prev is None or prev.page != ln.page:
                gap = True
            else:
                # more space than between the lines of a paragraph (loose boxes can be far shorter than
                # the leading, so the document's own usual spacing is the yardstick)
                spacing = ln.top - prev.bottom
                gap = spacing > leading + max(2.0, 0.3 * ln.size) or ln.top < prev.top - 1 or ln.cell_start
                if not gap and before is not None:
                    gap = _tighter_gap(before, prev, ln, leading)
        text = plain_numerals(ln.text)
        if text != ln.text:
            ln = replace(ln, text=text)
        work.append(WorkLine(ln, i, parse_label(ln.text), gap, text=ln.text))
        before = prev if prev is not None and prev.page == ln.page and not gap else None
        prev = ln
        blank = False
    return work


_MARKER = re.compile(r"^([A-Z])\s+(?=\S)")
# a code identifier opening a title: "property.get_rule_record(text)", "general.calc_overlap(...)", "mv_summary"
_IDENTIFIER = re.compile(r"^\s*[a-z][A-Za-z0-9]*[._(][\w.]*")
_SMALL_ROMAN_TITLE = re.compile(r"(?:i{1,3}|iv|vi{0,3}|ix|xi{0,3})\.\s+[A-Z]")


def strip_margin_markers(work: list[WorkLine]) -> list[tuple[str, int]]:
    """Take off a letter printed in the margin beside a paragraph's text (an order paper's "N" for a question
    tabled for a named day) and return each as (marker, page).

    A marker is a capital letter alone at the start of a line, left of where the document's wrapped lines start:
    the same letter at least three times, always out there and always on a line that continues the one above
    (a heading "A Strong Economy" at the left margin stands after a gap).  A sentence that starts a line with
    "A" or "I" starts it at the text's left edge, so a letter that is always further left is not the text's.
    """
    starts: Counter = Counter(round(w.line.x0) for w in work if w.label is None and w.line.size)
    if not starts:
        return []
    text_x = starts.most_common(1)[0][0]
    seen: dict[str, list[WorkLine]] = {}
    for w in work:
        m = _MARKER.match(w.text)
        if m and w.label is None and not w.gap_before:  # beside a wrapped line, never heading a block
            seen.setdefault(m.group(1), []).append(w)
    out: list[tuple[str, int]] = _strip_glyph_markers(work, starts)
    for letter, ws in seen.items():
        if len(ws) < 3 or any(w.line.x0 > text_x - max(w.line.size, 4.0) for w in ws):
            continue
        for w in ws:
            rest = _MARKER.sub("", w.text, count=1)
            w.set_line(replace(w.line, text=rest))
            w.label = parse_label(rest)
            out.append((letter, w.line.page))
    return out


_GLYPHS = "●•■▪◆"
_GLYPH_MARK = re.compile(rf"^([{_GLYPHS}])\s+(?=\S)")
_JOINS = frozenset(("and", "or", "but", "nor"))


def _strip_glyph_markers(work: list[WorkLine], starts: Counter) -> list[tuple[str, int]]:
    """Take off a glyph printed in the margin beside lines of text (a model code's "●" for a provision that is
    statutory) and return each as (glyph, page).

    A bullet opens an item, and its item's wrapped lines start right of it; a margin glyph also stands beside a
    line that carries on a sentence from the line above.  So a glyph is a margin mark when it stands at least
    three times left of where the document's lines start, and at least once beside such a line (the line above
    ends mid-sentence, on a word that is not a joining "and"/"or", and the line goes on in lower case).
    """
    everything = "\x00".join(w.text for w in work)
    if not any(g in everything for g in _GLYPHS):
        return []  # (no margin glyph anywhere: a substring search per glyph, not a regex per line)
    common = sorted(x for x, n in starts.items() if n >= 3)
    seen: dict[str, list[tuple[int, WorkLine]]] = {}
    for i, w in enumerate(work):
        m = _GLYPH_MARK.match(w.text)
        if m:
            seen.setdefault(m.group(1), []).append((i, w))
    out: list[tuple[str, int]] = []
    for glyph, found in seen.items():
        if len(found) < 3:
            continue
        ws = [w for _, w in found]
        right = [x for x in common if x > ws[0].line.x0 + max(ws[0].line.size, 4.0)]
        if not right or any(abs(w.line.x0 - ws[0].line.x0) > 2 for w in ws):
            continue
        mid = False
        for i, w in found:  # the position kept from the scan: list.index compares every field of every line
            rest = _GLYPH_MARK.sub("", w.text, count=1)
            if i and not w.gap_before and rest[:1].islower():
                above = work[i - 1].text.rstrip()
                last = above.split()[-1] if above.split() else ""
                mid = mid or (above[-1:].isalpha() and last.lower() not in _JOINS)
        if not mid:
            continue
        wrapped = Counter(round(v.line.x0) for v in work if not v.gap_before and v.line.size
                          and v.line.x0 > ws[0].line.x0 + max(ws[0].line.size, 4.0) and not _GLYPH_MARK.match(v.text))
        for w in ws:
            rest = _GLYPH_MARK.sub("", w.text, count=1)
            x = right[0]
            if not w.gap_before and rest[:1].islower() and wrapped:
                x = wrapped.most_common(1)[0][0]  # a wrapped line: where the document's wrapped lines start
            w.set_line(replace(w.line, text=rest, x0=max(w.line.x0, x)))
            w.label = parse_label(rest)
            out.append((glyph, w.line.page))
    return out


# ligatures a font may map to a wrong code point (Calibri's "ti" read as "[" from some Quartz PDFs)
_LIGATURES = ("ti", "tt", "tf", "ft", "fi", "fl", "ff", "ffi", "ffl", "fj", "th", "ct", "st", "tti")
_GLYPH = re.compile(r"(?<=[A-Za-z])([^\sA-Za-z0-9\-'’‘.,;:/&_()\"“”!?%£$€*+=<>@#\u00ad])(?=[A-Za-z])")


# where a font maps a ligature to a character that is also ordinary text (a colon, a digit, a capital): only
# inside a word in lower case ("applica:on", "Applica5on", "leEng", "aDer", ":me"), never "10:30" or "GENERAL"
_ODD = re.compile(r"(?<=[a-z])([:#0-9A-Z])(?=[a-z])|(?<=[a-z])([A-Z])\b|(?<![^\s(“‘\"'])(:)(?=[a-z]{2})"
                  r"|(?<=\b[A-Z])([A-Z])(?=[a-z]{3})")
# The two tests above for a whole line, as patterns that open with the character in question, so the regex engine
# skips to the next candidate character instead of trying lookbehinds at every position (a line of ordinary text
# has none): _GLYPH_ANY finds a line exactly when _GLYPH does; _ODD_MAYBE finds every line _ODD finds (and a few
# more, which _ODD then tests).  About ten times faster over a long report's 18,000 lines.
_GLYPH_ANY = re.compile(r"[^\sA-Za-z0-9\-'’‘.,;:/&_()\"“”!?%£$€*+=<>@#\u00ad](?<=[A-Za-z].)(?=[A-Za-z])")
_ODD_MAYBE = re.compile(r"[:#0-9A-Z](?:(?<=[a-z].)|(?<=:)[a-z]|(?<=[A-Z][A-Z])[a-z])")
# English spellings that only a ligature's letters make, from the ligature on to the word's end: where a font maps
# every such ligature wrongly, the document writes none of those words whole to compare with ("-tion", "-tting")
_ENGLISH = re.compile(r"ti(?:on|ng|ve|ce|me|fy|fi|al|ca|cul|es|ty|tl|ll?|d|c|m|n|p|v)[a-z]*"
                      r"|tt(?:er|ed|ing|le|en|emp|ach|ract)[a-z]*|ft(?:er|s|ed|y|en|ware|h)[a-z]*|ft"
                      r"|ff(?:ic|ect|er|ort|ice|ord)[a-z]*|fi(?:c|nal|nan|nd|ne|nish|l|x|rst|ve|eld|g|t)[a-z]*|fl(?:ect|oor|ow|y|exi)[a-z]*"
                      r"|tti(?:ng|ngs)")


def repair_ligatures(work: list[WorkLine]) -> dict[str, str]:
    """Put back ligatures a font maps to a wrong character ("accoun[ng" -> "accounting") and return the mapping.

    The document is its own dictionary: a character found between letters is a ligature when putting one
    ligature in its place turns the words it sits in into words the document also writes whole, for most of
    them ("regula[ons" when "regulations" is printed elsewhere).  A real bracket inside a token
    ("executionUnits[steps") makes no such words and is left alone.  A character that is also ordinary text (a
    colon, a digit, a capital) counts only inside a lower-case word, and where a font maps every such ligature
    wrongly, the document writes none of those words whole: then English spellings the ligature's letters
    make ("-tion", "-tting", "after") decide, for most of the words.
    """
    inside: dict[str, set[str]] = {}
    odd: dict[str, set[str]] = {}
    glyph, maybe_odd = _GLYPH_ANY.search, _ODD_MAYBE.search
    for w in work:
        # (a match lies inside one token, its neighbours being letters: only a line with one is split)
        if glyph(w.text):
            for tok in w.text.split():
                for m in _GLYPH.finditer(tok):
                    if _accented(m.group(1)):
                        continue  # "boîte", "très", "crèche": a letter of the paper's language, no ligature
                    inside.setdefault(m.group(1), set()).add(re.sub(r"[^\w\[\]{}|~^`\\]", "", tok).lower())
        if maybe_odd(w.text) and _ODD.search(w.text):
            for tok in w.text.split():
                for m in _ODD.finditer(tok):
                    odd.setdefault(m.group(m.lastindex), set()).add(tok.strip("\"'“”‘’()[],.;!?"))
    mapping: dict[str, str] = {}
    whole: Optional[set[str]] = None
    for ch, toks in sorted(list(inside.items()) + [(c, t) for c, t in odd.items() if c not in inside],
                           key=lambda kv: -len(kv[1])):
        if len(toks) < (1 if mapping else 3):  # once a font is seen to map ligatures wrongly, one word will do
            continue
        if whole is None:  # every word the document writes whole, from its distinct tokens
            tokens = set("\n".join(w.text for w in work).split())
            whole = {word for word in (tok.strip("\"'“”‘’()[],.;:!?").lower() for tok in tokens) if word.isalpha()}
        scores = {lig: sum(1 for t in toks if _a_word(t, ch, lig, whole, ch in inside)) for lig in _LIGATURES}
        # a font maps each ligature to one character: a tie goes to the ligature no other character stands for
        # and then to the one that makes words the document writes (or was mended to write) whole
        known = {lig: sum(1 for t in toks if _mended(t, ch, lig, ch in inside) in whole) for lig in _LIGATURES}
        best = max(scores, key=lambda k: (scores[k], k not in mapping.values(), known[k], -len(k)))
        rivals = [n for k, n in scores.items() if k != best and (k not in mapping.values() or ch in inside)]
        if scores[best] >= (1 if mapping else 2) and scores[best] >= (0.3 if ch in inside else 0.6) * len(toks) \
                and (not rivals or max(rivals) < scores[best]):
            mapping[ch] = best
            # the words it mends are the document's words now: evidence for the next character ("leEngs" mended
            # to "lettings" tells that the bold font's "LeOngs" is "Lettings" too)
            whole.update(_mended(t, ch, best, ch in inside) for t in toks)
    if mapping:
        plain = {c: lig for c, lig in mapping.items() if c in inside}
        edge = re.compile("|".join(f"(?<=[A-Za-z]){re.escape(c)}|{re.escape(c)}(?=[A-Za-z])" for c in plain)) \
            if plain else None
        for w in work:
            if any(c in w.text for c in mapping):
                text = edge.sub(lambda m: plain[m.group(0)], w.text) if edge is not None else w.text
                text = _ODD.sub(lambda m: mapping.get(m.group(0), m.group(0)), text)
                if text != w.text:
                    w.set_line(replace(w.line, text=text))
                    w.label = parse_label(text)
    return mapping


def _accented(ch: str) -> bool:
    """A Latin letter with an accent ("î", "è", "ç", "ñ"; "ß", "æ", "œ", "ø"): a letter of the text's own language.
    A font that maps a ligature wrongly gives a symbol, a bracket or a bare letter no language writes accented
    ("Ɵ" for Calibri's "ti"), never one of these."""
    import unicodedata

    base = unicodedata.normalize("NFD", ch)
    return (len(base) > 1 and base[0].isascii() and base[0].isalpha()) or ch in "ßæœøðþÆŒØÐÞ"


def _mended(token: str, ch: str, lig: str, anywhere: bool) -> str:
    if anywhere:
        return token.replace(ch, lig).lower()
    return _ODD.sub(lambda m: lig if m.group(0) == ch else m.group(0), token).lower()


def _a_word(token: str, ch: str, lig: str, whole: set[str], anywhere: bool = False) -> bool:
    """With the ligature put back where the character stands (`anywhere`, or only inside lower-case letters), is
    the token a word the document writes whole, or spelt as English words go on from those letters?"""
    if anywhere:
        word = token.replace(ch, "\0")
    elif any(c.isupper() for c in token[1:] if c != ch):
        return False  # an identifier in camel case ("maxTxSize", "UTxO"), not a word with a ligature in it
    else:
        word = _ODD.sub(lambda m: "\0" if m.group(0) == ch else m.group(0), token).lower()
    if word.replace("\0", lig) in whole:
        return True
    pieces = word.split("\0")
    if len(pieces) < 2 or not all(p.replace("-", "").isalpha() for p in pieces if p):
        return False
    return all(_ENGLISH.fullmatch(lig + rest) for rest in pieces[1:])


# spacing accents a typesetter sets after the letter they belong to ("O¨pik", "Moˆ n"), and their combining forms
_SPACING_ACCENTS = {"\u00a8": "\u0308", "\u02c6": "\u0302", "\u00b4": "\u0301", "\u02dc": "\u0303",
                    "\u02c7": "\u030c", "\u02da": "\u030a", "\u00b8": "\u0327"}
_LOOSE_ACCENT = re.compile("([A-Za-z])([" + "".join(_SPACING_ACCENTS) + "]) ?(?=[a-z])")


def repair_accents(work: list[WorkLine]) -> int:
    """Put accents a typesetter set as separate spacing characters after their letter back on it ("O¨pik" ->
    "Öpik", "Ynys Moˆ n" -> "Ynys Môn"); how many lines changed.  A spacing accent between two letters of a word
    is never meant as itself."""
    import unicodedata

    changed = 0
    everything = "\x00".join(w.text for w in work)
    if not any(c in everything for c in _SPACING_ACCENTS):
        return changed  # (a substring search per accent over the paper, instead of one per accent and line)
    for w in work:
        text = w.line.text
        if not any(c in text for c in _SPACING_ACCENTS):
            continue
        new = _LOOSE_ACCENT.sub(lambda m: unicodedata.normalize("NFC", m.group(1) + _SPACING_ACCENTS[m.group(2)]), text)
        if new != text:
            w.set_line(replace(w.line, text=new))
            w.label = parse_label(new)
            changed += 1
    return changed


_WORD_NUMBER = re.compile(r"^([A-Z][a-z]{2,14})\s+(\d{1,3}(?:\.\d{1,3}){1,3})\.?\s+(?=[A-Z(“\"‘])(.*)$", re.S)
# words that put a number at a line's start to cite or caption something, never to number the paragraph itself
_CITING = {"Table", "Figure", "Fig", "Map", "Chart", "Plate", "Photo", "Image", "Graph", "Diagram", "Box", "Appendix",
           "Annex", "Annexe", "Policy", "Section", "Part", "Page", "Paragraph", "Para", "Regulation", "Article", "Rule",
           "Chapter", "Schedule", "Clause", "Note", "Footnote", "Question", "Option"}


def word_numbered_labels(work: list[WorkLine]) -> None:
    """Label the paragraphs a document numbers behind a word of its own ("Step 1.1 The proponents of a major
    scheme ...", "Step 1.2 ..."): a word that opens at least three lines with numbers that follow one another
    at least twice.  Words that cite or caption ("Table 3.1", "Paragraph 4.2 of the NPPF") are never such."""
    found: dict[str, list[tuple[WorkLine, re.Match]]] = {}
    for w in work:
        if w.label is not None:
            continue
        m = _WORD_NUMBER.match(w.text.strip())
        if m and m.group(1) not in _CITING:
            found.setdefault(m.group(1), []).append((w, m))
    from .numbering import Label, successor_kind

    for word, hits in found.items():
        levels = [tuple(int(x) for x in m.group(2).split(".")) for _, m in hits]
        follows = sum(1 for a, b in zip(levels, levels[1:]) if successor_kind(a, b) is not None)
        if len(hits) < 3 or follows < 2:
            continue
        for (w, m), lv in zip(hits, levels):
            w.label = Label("number", m.group(2), m.group(3).strip(), lv, False)
    _word_flat_labels(work)


_WORD_FLAT = re.compile(r"^([A-Z][a-z]{2,14}|[A-Z]{3,15})\s+(\d{1,3})([A-Z]?)(\.|:|\s?[-–—])\s+(?=[A-Z(“\"‘])(.*)$",
                        re.S)
# the words of legislation whose provisions an ordinance or by-law may label with a colon or a dash as well as a full
# stop ("SECTION 1: That the amounts hereinafter set forth ...", "Section 2 - That ..."); any other word takes the
# full stop ("Step 1: ...", "Recommendation 1: ..." are items of a list, not provisions)
_PROVISION_WORDS = frozenset({"Section", "Article", "Rule", "Regulation", "Clause", "Paragraph", "Para", "Bylaw"})
# words that caption, head or ask ("Table 3.", "Part 2.", "Question 4."), never a provision's own label
_NOT_PROVISIONS = (_CITING - {"Rule", "Regulation", "Article", "Clause", "Paragraph", "Para"}) | {
    "Stage", "Phase", "Step", "Level", "Tier", "Zone", "Ward", "Item", "Minute"}


def _word_flat_labels(work: list[WorkLine]) -> None:
    """Label the provisions a document numbers flat behind a word, with a full stop ("Rule 1.  Scope of Rules.
    These rules shall govern ...", "Rule 2.", ... "Rule 31A."): a word that opens at least three lines, at one
    margin, with numbers that mostly go up by one (a letter after a number is one inserted later).  The id is
    the word with the number, as the provision is cited ("Rule 31A").  Captions and headings ("Table 3.",
    "Part 2.") are never such; a citation wrapped to a line start ("Rule 33 of these Rules") has no full stop."""
    from .numbering import Label

    found: dict[str, list[tuple[WorkLine, re.Match]]] = {}
    # the "Section N." lines set as headings ("Section 3. Public Record Requests.", a bare "Section 4.") that a
    # paper prints in the same series: they count towards it, so a provision among them that runs on as a
    # sentence ("Section 1. Resolution 261-2019: ... is hereby repealed.") is one even where fewer than three do
    series: dict[str, list[tuple[int, int]]] = {}  # the word: (line, number) of each heading-like label
    for k, w in enumerate(work):
        lab = w.label
        if lab is not None and lab.kind == "chapter" and lab.word in ("Section", "Article") and w.gap_before \
                and not _runs_on_as_provision(w) and lab.number.isdigit() \
                and w.text.lstrip().startswith(lab.word):
            series.setdefault(lab.word, []).append((k, int(lab.number)))
    for k, w in enumerate(work):
        if w.label is not None and not _runs_on_as_provision(w):
            continue
        text = w.text.strip()
        figures = _spelled_out(text)  # "SECTION ONE:": no chapter's label, but a provision's as "SECTION 1:" is
        m = _WORD_FLAT.match(figures)
        if m and m.group(4) != "." and m.group(1).capitalize() not in _PROVISION_WORDS:
            m = None
        if m is None and w.label is None and w.gap_before:
            m = _WORD_RUNIN.match(text)  # "Recommendation 1 Processes ... should be developed.": run in, no stop
            if m and (m.group(1) in _PROVISION_WORDS or m.group(1) in _CITING or not _runs_in(work, k)):
                m = None
        if m and (m.group(1).capitalize() not in _NOT_PROVISIONS or w.label is not None or figures != text):
            found.setdefault(m.group(1), []).append((w, m))
    for word, hits in found.items():
        # an ordinance of one section ("Section 1. Section 5.100 of the Rivergrove Land Development Ordinance ...
        # is amended to read as follows:"): its one provision, set after a gap and running on as a sentence
        lone = len(hits) == 1 and hits[0][1].group(2) == "1" and not hits[0][1].group(3)
        if len(hits) < 3 and not (hits and hits[0][0].label is not None and all(v.gap_before for v, _ in hits)
                                  and (lone or _one_series(series.get(hits[0][0].label.word, []),
                                                           [(work.index(v), int(m.group(2))) for v, m in hits]))):
            continue
        if len(hits) < 3:
            for w, m in hits:
                number = f"{word.capitalize() if word.isupper() else word} {m.group(2)}{m.group(3)}"
                w.label = Label("number", number, m.group(5).strip(), (int(m.group(2)),), True, word.capitalize())
            continue
        # one margin, within a couple of points (Word sets "Section 1." at 66.5 on one page and 65.1 on the next)
        near = [[v for v, _ in hits if abs(v.line.x0 - w.line.x0) <= max(2.0, 0.6 * (v.line.size or 0))]
                for w, _ in hits]
        best = max(near, key=len)
        x, at = sorted(v.line.x0 for v in best)[len(best) // 2], len(best)
        nums = [int(m.group(2)) for _, m in hits]
        ups = sum(1 for a, b in zip(nums, nums[1:]) if b == a + 1 or b == a)
        if at < 3 or ups < max(2, 0.6 * (len(hits) - 1)):
            continue
        for w, m in hits:
            if abs(w.line.x0 - x) <= max(2.0, 0.6 * (w.line.size or 0)):
                number = f"{word.capitalize() if word.isupper() else word} {m.group(2)}{m.group(3)}"
                w.label = Label("number", number, m.group(5).strip(), (int(m.group(2)),), True, word.capitalize())


# a run-in item's label with no stop after its number ("Recommendation 1 Processes and procedures ... should be
# developed."): only where its words run on as prose (see _runs_in)
_WORD_RUNIN = re.compile(r"^([A-Z][a-z]{3,14})\s+(\d{1,3})()()\s+(?=[A-Z“\"‘])(.*)$", re.S)


def _runs_in(work: list[WorkLine], k: int) -> bool:
    """Line k's words after its label run on as a sentence: onto the next line without a gap, or to a stop."""
    nxt = work[k + 1] if k + 1 < len(work) else None
    return bool(re.search(r"[.;:][\"'”’)]*$", work[k].text.rstrip())) or (
        nxt is not None and not nxt.gap_before and nxt.label is None and nxt.line.page == work[k].line.page)


_NUMBER_WORDS = ("one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
                 "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen", "twenty")
_SPELLED = re.compile(r"^((?i:section|article|clause|rule|regulation)\s+)([A-Za-z]{3,9})\b(?=\s*[.:\-–—])")


def _spelled_out(text: str) -> str:
    """An ordinance's provision numbered in words ("SECTION ONE: That ...", "Section Twelve. ...") with the number in
    figures, as it is cited ("Section 1"); any other text as it is."""
    m = _SPELLED.match(text)
    if m is None or m.group(2).lower() not in _NUMBER_WORDS:
        return text
    return f"{m.group(1)}{_NUMBER_WORDS.index(m.group(2).lower()) + 1}{text[m.end():]}"


def _one_series(headings: list[tuple[int, int]], provisions: list[tuple[int, int]]) -> bool:
    """The "Section N." headings and provisions, in the order printed, make one series of three or more whose
    numbers mostly go up by one ("Section 1." ... "Section 2." ... "Section 3.")."""
    nums = [n for _, n in sorted(headings + provisions)]
    ups = sum(1 for a, b in zip(nums, nums[1:]) if b == a + 1)
    return len(nums) >= 3 and ups >= max(2, 0.6 * (len(nums) - 1))


def _runs_on_as_provision(w: WorkLine) -> bool:
    """A line labelled as a chapter ("SECTION 1.", "Article 2.") whose text runs straight on as a sentence ("SECTION 1.
    The City Council hereby adopts the Report and, based upon ..."): a resolution's operative provision, not a
    heading.  A heading's title is short, set in capitals, or a label ending with a colon ("Section 5. Vote for the
    Removal of Student Advisory Board Members:"); a sentence ending with one introduces a list ("... shall be as
    follows:") and is the provision's."""
    lab = w.label
    if lab is None or lab.kind != "chapter" or lab.word not in ("Section", "Article") or lab.rest.isupper() \
            or not lab.rest[:1].isupper():
        return False
    if lab.rest.rstrip().endswith(":"):
        # a short lead-in with its verb is a provision too ("Section 5: Their annual report shall contain:" over
        # its lettered items), a title ending with a colon has none
        return len(lab.rest.split()) >= 3 and bool(_LEAD_VERB.search(lab.rest))
    return len(lab.rest.split()) >= 8


# a sentence's verb in a provision that introduces a list ("SECTION 1: The order of business at all regular meetings
# shall be as follows:"); a title ending with a colon has none
_LEAD_VERB = re.compile(r"\b(?:shall|must|will|may|is|are)\b")


def lift_side_notes(work: list[WorkLine]) -> None:
    """Mark the notes the reader set apart at a line's right margin (an action column in minutes: "Noted",
    "Clerk", "Cllr. O. Williams"; an outcome: "Agreed"): on the same baseline as the line before, well to its
    right.  They are the paragraph's outcome, not its words."""
    for prev, w in zip(work, work[1:]):
        a, b = prev.line, w.line
        if prev.role or w.role or a.page != b.page or not b.size or b.cell_start:
            continue  # a cell of a grid read as lines (a schedule of changes) is the next column, not a note
        if abs(b.bottom - a.bottom) <= 0.25 * b.size and b.x0 >= a.x1 + 3 * b.size:
            w.role = "side"


def _tighter_gap(before: Line, prev: Line, ln: Line, leading: float) -> bool:
    """A gap by the spacing of the text just above, where it is set much tighter than the paper's usual: slides
    exported from PowerPoint set each text box in its own spacing, so a heading over a gap of 7 pt in a box whose
    lines overlap (-2.4 pt) has less space above it than the paper's usual line spacing, and is still apart.  Only
    a line in larger type than the text above (a heading): where a paper spaces its items by its usual leading and
    packs each item's lines tighter, the spacing between items of one size stays no gap (segment decisions rely on
    it; so do papers whose loose line boxes overlap: Code4Health's, the MoJ's, San Antonio's)."""
    if not (before.page == prev.page == ln.page and before.top < prev.top < ln.top):
        return False
    if abs(before.size - prev.size) > 0.3 or ln.size < 1.12 * prev.size:
        return False  # only a line in larger type (a heading) over the box
    local = prev.top - before.bottom
    return local < leading - 2.0 and ln.top - prev.bottom > local + max(2.0, 0.3 * ln.size)


def _leading(lines: Sequence[Line], furniture: dict[int, str]) -> float:
    """The usual space between consecutive lines of a paragraph: the median positive spacing."""
    spacings: list[float] = []
    pairs: list[tuple[float, float, float]] = []  # consecutive lines down a page: sizes and spacing, for _double_spacing
    text: dict[float, int] = {}  # characters by type size, furniture too
    prev = None
    for i, ln in enumerate(lines):
        text[ln.size] = text.get(ln.size, 0) + len(ln.text)
        if i in furniture or not ln.text:
            continue
        if prev is not None and prev.page == ln.page and ln.top > prev.top:
            sp = ln.top - prev.bottom
            pairs.append((prev.size, ln.size, sp))
            if -2 < sp < 3 * max(ln.size, 1.0):
                spacings.append(sp)
        prev = ln
    if not spacings:
        return 2.5
    spacings.sort()
    sizes = sorted(ln.size for ln in lines if ln.size) or [10.0]
    # a paper of one-line items has more paragraph gaps than line spacings: never more than 0.8 of the type size
    leading = max(min(spacings[len(spacings) // 2], 0.8 * sizes[len(sizes) // 2]), 0.0)
    by_size: Counter = Counter()
    for sz, chars in text.items():  # round(size, 1) once per distinct size
        by_size[round(sz, 1)] += chars
    total = sum(by_size.values()) or 1
    for size, chars in by_size.most_common(2):  # the sizes that set the text (not the median line's: a table's rows)
        double = _double_spacing(pairs, size) if size and chars >= 0.3 * total else None
        if double is not None and double > leading:
            return double
    body = by_size.most_common(1)[0][0]
    wrapped = _wrapped_leading(lines, furniture, body, leading)
    # (only where the wraps' spacing is one the median counts, and far from it: lines whose boxes overlap the next
    # by 2 pt or more are left as they are read today, their paragraph gaps unseen; see the revert of f776f53)
    if wrapped is not None and wrapped > -2.0 and abs(wrapped - leading) > 0.5 * body:
        return max(wrapped, 0.0)
    return leading


def _wrapped_count(found: list[float], leading: float) -> int:
    """How many wraps a paper must show before their spacing replaces the median as its leading: 20 where the
    wraps are wider (a double-spaced paper), 100 where they are tighter (a paper of many one-line labels and
    schedules, whose median is a gap; an agenda's few wrapped lines would turn its dashed rules into headings)."""
    return 20 if found and found[len(found) // 2] > leading else 100


def _wrapped_leading(lines: Sequence[Line], furniture: dict[int, str], size: float, leading: float) -> Optional[float]:
    """The space between a paragraph's lines where a line of body type runs to the text's right edge and the next
    goes on under it: a wrap, so that space is the leading whatever else the paper holds (a by-law of one-line
    labels and fine schedules, whose median spacing is a paragraph gap; a local law typed double-spaced, whose
    paragraphs are set apart by an indent, not a wider space).  None unless enough wraps (`_wrapped_count`), nearly
    all alike."""
    if not size:
        return None
    rights = sorted(ln.x1 for ln in lines if ln.text and abs(ln.size - size) < 0.5)
    if len(rights) < 40:
        return None
    right = rights[int(0.9 * len(rights))]
    found: list[float] = []
    prev = None
    for i, ln in enumerate(lines):
        if i in furniture or not ln.text:
            continue
        if prev is not None and prev.page == ln.page and ln.top > prev.top and abs(prev.size - size) < 0.5 \
                and abs(ln.size - size) < 0.5 and prev.x1 >= right - 1.5 * size and ln.x0 <= prev.x0 + 2 \
                and not prev.text.rstrip().endswith((".", ":", ";")):
            found.append(ln.top - prev.bottom)
        prev = ln
    found.sort()
    if len(found) < _wrapped_count(found, leading):
        return None
    usual = found[len(found) // 2]
    alike = sum(1 for sp in found if abs(sp - usual) <= 1.0)
    return usual if alike >= 0.7 * len(found) else None


def _double_spacing(pairs: Sequence[tuple[float, float, float]], size: float) -> Optional[float]:
    """The space between a double-spaced paper's lines (an ordinance or a resolution typed as a legal document:
    13 points between the lines of its 10-point text, 25 between its paragraphs): where the body type's most usual
    spacing is more than 0.8 of its size and a clearly wider one (half as wide again) also recurs, the narrower is
    the space inside a paragraph.  A paper of one-line items spaced apart has the one spacing only.  None where the
    paper is not so set.  `pairs`: (the size above, the size below, the spacing) of each line of text (not
    furniture) and the one above it on its page."""
    found: Counter = Counter()
    most = 3 * size
    for above, below, sp in pairs:
        if abs(below - size) < 0.5 and abs(above - size) < 0.5 and 0 < sp < most:
            found[round(sp * 2) / 2] += 1
    total = sum(found.values())
    if total < 10:
        return None
    usual, count = found.most_common(1)[0]
    if usual <= 0.8 * size or count < 0.4 * total:
        return None
    wider = sum(n for sp, n in found.items() if sp >= 1.5 * usual)
    return usual if wider >= max(3, 0.1 * total) else None


def body_size(work: Sequence[WorkLine]) -> float:
    """The type size that sets the most characters."""
    sizes: Counter = Counter()
    rounded: dict[float, float] = {}  # round(size, 1) once per distinct size: a line's is one of a few
    for w in work:
        size = w.line.size
        if size:
            key = rounded.get(size)
            if key is None:
                key = rounded[size] = round(size, 1)
            sizes[key] += len(w.line.text)
    return sizes.most_common(1)[0][0] if sizes else 0.0


_UPPER, _LOWER = bytes(range(65, 91)), bytes(range(97, 123))


def caps(text: str) -> bool:
    """Mostly capital letters: a heading set in capitals."""
    # only cased letters count: CJK, Arabic and Hebrew have no capitals, Greek and Cyrillic have both
    if text.isascii():  # the letters counted in C (this runs several times a line): the same counts as below
        ascii_text = text.encode("ascii")
        lower = len(ascii_text) - len(ascii_text.translate(None, _LOWER))
        upper = len(ascii_text) - len(ascii_text.translate(None, _UPPER))
    else:
        lower = sum(map(str.islower, text))  # map, not a generator: this runs on every line
        upper = sum(map(str.isupper, text))
    return upper + lower >= 3 and upper >= 0.75 * (upper + lower)


class Body(list):
    """The lines left to segment, in reading order, and the typography measured over the whole document.

    The Body is the list of those lines itself (`body[i]`, `len(body)`: list's own, in C, as the decisions ask
    them hundreds of thousands of times in a long report); `lines` names it too."""

    def __init__(self, work: list[WorkLine], kind: str, size: float, vocab: set[str]):
        if any(w.text is not w.line.text for w in work):
            raise AssertionError("a WorkLine's line was replaced without its text: use WorkLine.set_line")
        self.pdf = kind == "pdf"
        self.size = size  # the body type size
        self.vocab = vocab  # every word the document writes whole: the evidence for hyphen repair
        # bold marks a heading only where most of the text is not bold
        chars = sum(len(w.text) for w in work) or 1
        self.bold_marks = sum(len(w.text) for w in work if w.line.bold) < 0.4 * chars
        # where a full line ends: a last line stopping well short of it ended its paragraph (marginal notes stand
        # outside the text block and do not count)
        measured = [w for w in work if w.role != "margin"]
        self.short_end, self.right_edge = self._edges(measured)  # right_edge: where a full, justified line ends
        # a book's mirrored margins (recto and verso text blocks shifted sideways): measured per side
        self._sides: dict[int, tuple[float, float]] = {}
        if self.pdf:
            sides = {p: [w for w in measured if w.line.page % 2 == p] for p in (0, 1)}
            if all(len(s) >= 20 for s in sides.values()):
                edges = {p: self._edges(s) for p, s in sides.items()}
                if abs(edges[1][1] - edges[0][1]) > 6:
                    self._sides = edges
        super().__init__(w for w in work if w.role not in ("furniture", "note", "table", "side", "margin"))
        self.hanging = self._hanging() if self.pdf else False
        self.indented = self._indented() if self.pdf else False
        # the usual page width: a fold-out page (a landscape flow chart in a portrait paper) is set apart
        widths = Counter(round(w.line.page_width) for w in work)
        self.page_width = float(widths.most_common(1)[0][0]) if widths else 0.0
        # a short note set at the right margin beside a line ("Noted", "Clerk"): its text, by that line's index
        self.side_notes: dict[int, str] = {}
        for prev, w in zip(work, work[1:]):
            if w.role == "side":
                self.side_notes[prev.index] = w.text
        # marginal notes (a statute's side headings), by the index of the line each is beside
        self.margin_notes = margin_notes_by_line(work)

    @property
    def lines(self) -> "Body":
        """The body itself (a name older passes use).  A property, not an attribute pointing back at the body: that
        cycle kept the body's lines (17,469 WorkLines and their Lines in the 400-page report) alive until a full
        collection, which at exit cost the command 0.1-0.2 s."""
        return self

    __hash__ = object.__hash__  # one body is one pass's: by identity, as before it was a list
    __eq__ = object.__eq__
    __ne__ = object.__ne__

    # -------------------------------------------------------- the look of a line

    def line_end(self, ln: Line) -> float:
        return ln.x1 if self.pdf else ln.x0 + len(ln.text)

    def _edges(self, work: Sequence[WorkLine]) -> tuple[float, float]:
        """(where a line counts as full, where a full line ends) over these lines."""
        ends = sorted(self.line_end(w.line) for w in work) or [0.0]
        starts = sorted(w.line.x0 for w in work) or [0.0]
        right, left = ends[int(0.95 * (len(ends) - 1) + 0.5)], starts[int(0.05 * (len(starts) - 1))]
        return left + 0.75 * (right - left), right

    def right_edge_of(self, ln: Line) -> float:
        """Where a full, justified line ends on this line's page (its side's, where the margins are mirrored)."""
        side = self._sides.get(ln.page % 2)
        return side[1] if side else self.right_edge

    def full_line(self, ln: Line) -> bool:
        """A line that runs to the margin (so its paragraph or item wraps onto the next line)."""
        side = self._sides.get(ln.page % 2)
        short_end = side[0] if side else self.short_end
        if self.pdf:
            return self.line_end(ln) >= short_end
        return self.line_end(ln) >= max(short_end, 50)

    def big(self, w: WorkLine) -> bool:
        """Set noticeably larger than the body text."""
        return bool(self.size and w.line.size >= self.size * 1.12)

    def styled(self, w: WorkLine, text: str) -> bool:
        """Set apart from body text: bold (where bold is rare), larger, or in capitals."""
        return bool((w.line.bold and self.bold_marks) or self.big(w) or caps(text))

    @staticmethod
    def heading_text(text: str) -> bool:
        """Short enough for a heading, not ending like a sentence or a clause, and not starting lower case (a small
        roman numeral before a capital, "ii. Scope", numbers a heading's words)."""
        t = text.strip()
        if not (0 < len(t) <= 150) or re.search(r"[.,;]$", t) or len(t.split()) > 20:
            return False
        return sum(c.isalpha() for c in t) >= 2 and (not t[0].islower() or bool(_SMALL_ROMAN_TITLE.match(t)))

    def centred(self, w: WorkLine) -> bool:
        """Set centred on the page, well in from the left margin: a title standing apart even where no space sets it
        off (a double-spaced paper's "Part II. Time and Place of Meeting")."""
        width = w.line.page_width
        if not self.pdf or not width:
            return False
        return w.line.x0 > 0.2 * width and abs((w.line.x0 + w.line.x1) / 2 - width / 2) < 0.04 * width

    def numbered_heading_look(self, w: WorkLine) -> bool:
        """A numbered line set like a heading ("3. FINANCIAL IMPLICATIONS"), not like a numbered paragraph."""
        lab = w.label
        if lab is None or lab.kind != "number":
            return False
        if lab.rest.rstrip().endswith((":", "-", "–", "—")) and not caps(lab.rest):
            # "2.1 That Cabinet:", "15.-(1) ... you must, within 28 days of-" introduce their parts; a title in
            # capitals introduces its clause's items ("2 THE PURPOSES OF THE CHARITY ARE:-")
            return False
        if re.match(r"\(1\)\s", lab.rest):
            return False  # "15.—(1) Subject to ...": a paragraph's first sub-paragraph, never a heading
        if len(lab.levels) <= 3 and self.big(w) and _IDENTIFIER.match(lab.rest) and len(lab.rest.split()) <= 4 \
                and self.heading_text("X" + lab.rest.lstrip()[1:]):
            return True  # "7.1 property.get_rule_record(text)" set large: a technical paper's title naming a function
        return len(lab.levels) <= 3 and self.styled(w, lab.rest) and self.heading_text(lab.rest) and (
            (w.line.bold and self.bold_marks) or caps(lab.rest) or self.big(w)
        )

    def _hanging(self) -> bool:
        """Do numbered paragraphs hang: their second line set well in from the number (a hanging indent)?"""
        deltas = []
        for a, b in zip(self, self[1:]):
            if a.label is not None and a.label.kind == "number" and b.label is None and not b.gap_before \
                    and b.line.page == a.line.page and self.full_line(a.line):
                deltas.append(b.line.x0 - a.line.x0)
        if len(deltas) < 3:
            return False
        deltas.sort()
        return deltas[len(deltas) // 2] >= 8.0

    def _indented(self) -> bool:
        """Do numbered paragraphs open with a first-line indent: the number set well in from where their second line
        starts ("     Rule 1.  Scope of Rules.  These rules ..." / "of the Council and shall ...")?"""
        deltas = []
        for a, b in zip(self, self[1:]):
            if a.label is not None and a.label.kind == "number" and b.label is None and b.line.page == a.line.page \
                    and self.full_line(a.line) and b.line.top > a.line.top:
                deltas.append(a.line.x0 - b.line.x0)
        if len(deltas) < 3:
            return False
        deltas.sort()
        return deltas[len(deltas) // 2] >= 8.0

    # -------------------------------------------------------- looking ahead

    def numbers_after(self, i: int, k: int = 3) -> list[tuple[int, ...]]:
        """The levels of up to k paragraph numbers after line i (numbered headings skipped)."""
        out = []
        for j in range(i + 1, len(self)):  # not self[i + 1:]: a copy per line is quadratic
            w = self[j]
            if w.label is not None and w.label.kind == "number" and not self.numbered_heading_look(w):
                out.append(w.label.levels)
                if len(out) >= k:
                    break
        return out
