"""Meeting procedure and routine business: paragraphs the labelling guide's rule 1 gives no theme.

    held_back("The meeting was called to order at 7.02 pm.")
    # Procedure(kind="opening", text="called to order", ...): the tagger keeps every theme off it
    held_back("A motion shall not be progressed unless it has been moved and seconded.")
    # None: a standing order *about* motions is a rule (governance, guide rule 16), not a record of one

Minutes and agendas in the UK, Ireland, the US, Canada and Australia record the
same routine in a few set forms: the meeting opened or called to order, the
roll call, apologies and declarations of interest, the minutes of the last
meeting approved, a motion moved, seconded and carried (with a vote count or
"unanimously"), items noted, received, deferred or tabled, the date of the
next meeting, the meeting adjourned or closed; and agendas list the same
steps as bare item titles ("Call to Order", "Approval of the Agenda",
"Adjournment").  Guide rule 1 says such a paragraph carries no theme; rule 16
says a paragraph *applying* a standing order in a meeting is none too.

A paragraph is held back when one of the PATTERNS below fires and nothing
outside the procedure is substantive:

- no standing-order wording: "shall", "must", "may not", "is/are required to"
  make it a rule about meetings (governance by rule 16), not a record of one;
- what is left once the procedural phrases are taken out (and names, numbers,
  times, vote counts) is short: at most LONG_REMAINDER words of three letters
  or more (a longer remainder is a discussion, which may have a theme); and
- no strong guide rule (lspkit.nlp.rules, the STRONG list: terms of reference,
  constitution, committee structure, scrutiny, answerability, performance
  reporting, protocols, purpose of the body) fires on that remainder: "moved
  that the revised terms of reference be approved; carried" keeps governance
  (guide rule 2).

The patterns were written from the guide and from the set forms of minutes
and agendas, not from labelled paragraphs.  The tagger (lspkit.nlp.tagger)
keeps a held paragraph's scores but gives it no theme; `--explain` shows why
(ParagraphTags.held: the kind, the words that fired, and what the paragraph
would have been tagged).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import reduce
from operator import or_
from typing import Any, Optional

# (kind, what it stands for, pattern); matched against the lower-cased text
PATTERNS: tuple[tuple[str, str, str], ...] = (
    ("opening", "the meeting opened, called to order, welcome, prayers, pledge, acknowledgement of country",
     r"\bcall(?:ed|s)?\s+(?:the\s+)?(?:\w+\s+){0,3}(?:meeting|session)?\s*to\s+order\b|\bopened\s+the\s+meeting\b|\bmeeting\s+(?:was\s+)?opened\b"
     r"|\bwelcomed\s+(?:everyone|all|those|members|the\s+members|attendees|councillors)\b|\bpledge\s+of\s+allegiance\b|\bflag\s+salute\b"
     r"|\b(?:acknowledge?ment\s+of\s+country|land\s+acknowledge?ment|welcome\s+to\s+country)\b|\b(?:opening\s+)?(?:prayers?|invocation)\b"),
    ("attendance", "roll call, present / absent, apologies, quorum declared",
     r"\broll\s+call\b|^\s*(?:present|absent|in\s+attendance|also\s+present|members\s+present|staff\s+present)\s*[:\-–]"
     r"|\bapologies\s+(?:for\s+absence\s+)?(?:were\s+|was\s+)?(?:received|noted|given|tendered|submitted|accepted)\b|\bapologies\s*(?:for\s+absence)?\s*[:\-–]"
     r"|\bno\s+apologies\b|\bnone\s+present\b|\bpublic\s*[:\-–]\s*none\b|\bexclu(?:de|sion\s+of)\s+(?:the\s+)?(?:press\s+and\s+)?public\b|\bquorum\s+(?:was\s+)?(?:present|established|confirmed|declared|achieved)\b|\b(?:was|were)\s+(?:absent|excused)\b"),
    ("interests", "declarations of interest recorded",
     r"\b(?:no\s+)?declarations?\s+of\s+(?:\w+\s+)?interests?\b|\bconflicts?\s+of\s+interest\s*[:\-–]\s*none\b|\bno\s+(?:conflicts?\s+of\s+)?interests?\s+(?:were\s+)?declared\b"),
    ("minutes", "minutes of the last meeting approved, agenda approved, matters arising",
     r"\bminutes\s+(?:of\s+the\s+(?:\w+\s+){0,5})?(?:were\s+|was\s+)?(?:agreed|approved|signed|adopted|confirmed|accepted|taken\s+as\s+read)\b"
     r"|\b(?:approv\w+|adopt\w+|confirm\w+)\s+(?:of\s+)?(?:the\s+)?(?:draft\s+)?(?:minutes|agenda)\b|\b(?:correct|true|accurate)\s+record\b|\bmatters\s+arising\b"
     r"|\b(?:approv|adopt|confirm|sign)\w*\s+(?:of\s+)?(?:the\s+)?(?:[\w,;]+\s+){0,10}minutes\b"),
    ("motion", "a motion moved, seconded, carried or lost; a vote count; resolved without a theme",
     r"\b(?:moved|seconded|proposed)\s+by\b|\b(?:moved|seconded)\s+(?:to|that|the|approval|adoption|acceptance)\b|\bon\s+(?:the\s+)?motion\s+(?:of|by)\b"
     r"|\bmotion\s+(?:was\s+)?(?:carried|passed|failed|lost|approved|adopted|defeated|withdrawn)\b|\bcarried\s+(?:unanimously|by|\d)|\bunanimously\s+(?:carried|agreed|resolved|approved|adopted)\b"
     r"|\b(?:ayes|nays|noes|yeas|abstentions?|abstained)\b|\ball\s+(?:in\s+)?favou?r\b|\bvote\s*[:\-–]?\s*\d+\s*[-–:]\s*\d+\b|\(\s*\d+\s*[-–]\s*\d+\s*\)|\b\d+\s*[-–]\s*\d+\s+vote\b"
     r"|\bseconder\b|\bso\s+moved\b|\bmotion\s+to\s+[a-z]+\b"),
    ("adjournment", "the meeting adjourned or closed, no further business",
     r"\badjourn\w*\b|\bmeeting\s+(?:was\s+)?(?:closed|ended|concluded|terminated)\b|\bno\s+further\s+business\b|\b(?:declared|closed)\s+the\s+meeting\b|\bclose\s+of\s+(?:the\s+)?meeting\b"),
    ("next-meeting", "dates and times of the next or future meetings",
     r"\b(?:date|time|dates)\s+(?:and\s+(?:time|venue)\s+)?(?:of|for)\s+(?:the\s+)?(?:next|future|forthcoming|subsequent|committee|\d{4})\s*(?:\w+\s+){0,2}meetings?\b"
     r"|\bnext\s+meeting\s+(?:will|is|to|would|shall)\s+be\b|\bnext\s+meeting\s*[:\-–]|\b(?:date|time|dates)s?\s+(?:of|for)\s+(?:the\s+)?(?:[\w/-]+\s+){0,4}meetings\b|\bmeeting\s+dates\b"),
    ("noted", "an item noted, received, filed, deferred or tabled; nothing raised; no business",
     r"(?<!should\s)(?<!must\s)(?<!to\s)\b(?:was|were|be|been|is|are)\s+(?:duly\s+)?(?:noted|received|deferred|tabled|postponed|withdrawn|filed)\b|\b(?:receive|approve|note)\s+and\s+file\b|\bnoted\s+the\s+(?:report|update|information|minutes|correspondence)\b"
     r"|\bno\s+(?:questions|comments|matters|items|issues|correspondence|business|reports?|members\s+of\s+the\s+public|public\s+comments?)\s+(?:were\s+|was\s+)?(?:raised|asked|received|submitted|to\s+report|reported|heard)\b"
     r"|\bnothing\s+(?:further\s+)?to\s+report\b|(?:^|[.:;]\s*)(?:carried|agreed|lost|deferred|noted|approved|accepted)(?:\s+(?:unanimously|to\s+item\s+\S+))?\s*[.;]?\s*$"
     r"|\b(?:receive|accept|note)\s+the\s+(?:\w+\s+){0,3}(?:report|correspondence|minutes|update|information)\s+(?:as\s+(?:presented|circulated|read)|for\s+information)\b|\bfor\s+(?:information|noting)\s+only\b|\bconsent\s+(?:agenda|calendar)\b"),
    ("routine-approval", "a planning, licensing or land-use matter recommended or approved (the application's content: guide rule 4)",
     r"\b(?:recommend\w*|approv\w*|grant\w*|refus\w*|den(?:y|ied))\s+(?:of\s+)?(?:the\s+|a\s+|an\s+)?(?:\w+\s+){0,4}(?:rezon\w*|(?:preliminary|final)\s+plat|plat|special\s+use\s+permit|conditional\s+use\s+permit|variance|annexation|subdivision|site\s+plan|planning\s+(?:application|permission)|liquor\s+licen[cs]e|premises\s+licen[cs]e)\b"
     r"|\b(?:planning\s+(?:board|commission)|planning\s+department)\s+recommends?\b"),
    ("agenda-item", "an agenda item's bare title: call to order, approval of agenda, public comment, new business, adjournment",
     r"^\s*(?:(?:item\s+)?[\dA-Za-z]{1,3}[.):]?\s+)?(?:call\s+(?:meeting\s+)?to\s+order|roll\s+call|approval\s+of\s+(?:the\s+)?(?:agenda|minutes)|adoption\s+of\s+(?:the\s+)?(?:agenda|minutes)"
     r"|public\s+(?:and\s+\w+\s+)?(?:comments?|forum|participation|question\s+time)|(?:old|new|unfinished|other)\s+business|any\s+other\s+business|closed\s+session|communications|correspondence"
     r"|announcements|council\s+(?:comments|referrals)|oral\s+communications|(?:welcome\s+and\s+)?introductions|presentations?|proclamations?|reports?\s+of\s+(?:the\s+)?(?:\w+\s+){0,3}(?:officers?|committees?|clerk|mayor))\s*(?:\([^)]*\))?\s*[.:]?\s*$"),
)

# words one of which every alternative of a kind's pattern contains (the test of a kind as a whole; tests check it)
_NEEDS: dict[str, tuple[str, ...]] = {
    "opening": ("order", "opened", "welcomed", "pledge", "flag", "acknowledg", "country", "prayer", "invocation"),
    "attendance": ("roll", "present", "absent", "attendance", "apolog", "public", "exclu", "quorum", "excused"),
    "interests": ("interest",),
    "minutes": ("minutes", "agenda", "record", "arising"),
    "motion": ("moved", "second", "proposed", "motion", "carried", "unanimously", "ayes", "nays", "noes", "yeas",
               "abst", "favo", "vote", "-", "\u2013"),  # a count in brackets "(4-0)" has its dash
    "adjournment": ("adjourn", "meeting", "further"),
    "next-meeting": ("meeting",),
    "noted": ("noted", "received", "deferred", "tabled", "postponed", "withdrawn", "file", "raised", "asked",
              "submitted", "report", "heard", "carried", "agreed", "lost", "approved", "accepted", "presented",
              "circulated", "read", "information", "only", "consent"),
    "routine-approval": ("rezon", "plat", "permit", "variance", "annexation", "subdivision", "site", "planning", "licen"),
    "agenda-item": ("order", "roll", "agenda", "minutes", "public", "business", "session", "communications",
                    "correspondence", "announcements", "council", "introductions", "presentation", "proclamation", "report"),
}


def __getattr__(name: str):
    """`_COMPILED`: (kind, description, the whole pattern compiled, _NEEDS[kind]) for each kind, compiled when first
    asked for (the tests compare the scan with it; the scan itself compiles the alternatives it meets)."""
    if name == "_COMPILED":
        found = globals()["_COMPILED"] = tuple((kind, desc, re.compile(p, re.MULTILINE), _NEEDS[kind]) for kind, desc, p in PATTERNS)
        return found
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


# The same words, finer: per kind, for each top-level alternative of its pattern (in order), what any match of that
# alternative contains: a word, or a tuple of words all of which it contains.  A paragraph's scan for a kind uses only
# the alternatives whose words it holds, joined in their order into one pattern: an alternative left out cannot
# match, so the joined pattern finds exactly what the whole one finds (each alternative tried at a position in the
# same order), and most paragraphs try none or one or two short ones instead of scanning every character with
# every alternative (the check was a fifth of the tagger's time).  tests/test_procedure.py holds these words to
# the patterns; bench/procedure_identity.py compares the whole check with the version before on 66,000 texts.
_ALTERNATIVE_NEEDS: dict[str, tuple[tuple, ...]] = {
    "opening": (("order",), ("opened",), ("opened",), ("welcomed",), ("pledge",), ("flag",), ("country", "acknowledg"),
                ("prayer", "invocation")),
    "attendance": (("roll",), ("present", "absent", "attendance"), ("apolog",), ("apolog",), ("apolog",), ("present",),
                   ("public",), ("exclu",), ("quorum",), ("absent", "excused")),
    "interests": (("interest",), ("interest",), ("interest",)),
    "minutes": (("minutes",), ("minutes", "agenda"), ("record",), ("arising",), ("minutes",)),
    "motion": (("moved", "seconded", "proposed"), ("moved", "seconded"), ("motion",), ("motion",), ("carried",),
               ("unanimously",), ("ayes", "nays", "noes", "yeas", "abst"), ("favo",), ("vote",),
               (("(", "-"), ("(", "\u2013")), ("vote",), ("seconder",), ("moved",), ("motion",)),
    "adjournment": (("adjourn",), ("closed", "ended", "concluded", "terminated"), ("business",), ("declared", "closed"),
                    ("close",)),
    "next-meeting": ((("meeting", "date"), ("meeting", "time")), (("next", "meeting"),), (("next", "meeting"),),
                     (("meetings", "date"), ("meetings", "time")), (("meeting", "dates"),)),
    "noted": (("noted", "received", "deferred", "tabled", "postponed", "withdrawn", "filed"), ("file",), ("noted",),
              ("raised", "asked", "received", "submitted", "report", "heard"), ("nothing",),
              ("carried", "agreed", "lost", "deferred", "noted", "approved", "accepted"),
              ("presented", "circulated", "read", "information"), ("only",), ("consent",)),
    "routine-approval": (("rezon", "plat", "permit", "variance", "annexation", "subdivision", "site", "planning", "licen"),
                         (("planning", "recommend"),)),
    "agenda-item": (_NEEDS["agenda-item"],),
}


def _alternatives(pattern: str) -> list[str]:
    """The top-level alternatives of a regular expression (split at each "|" outside groups and classes)."""
    out, depth, start, i = [], 0, 0, 0
    while i < len(pattern):
        c = pattern[i]
        if c == "\\":
            i += 2
            continue
        if c == "[":  # a class: to its closing bracket (a "]" first in it, or escaped, is a member)
            i += 2 if pattern[i + 1 : i + 2] == "]" else 1
            while pattern[i] != "]":
                i += 2 if pattern[i] == "\\" else 1
        elif c == "(":
            depth += 1
        elif c == ")":
            depth -= 1
        elif c == "|" and not depth:
            out.append(pattern[start:i])
            start = i + 1
        i += 1
    out.append(pattern[start:])
    return out


def _index_alternatives():
    """(kinds, word -> bits, [(bits of words all needed, bit)]): one bit per alternative of every kind, in PATTERNS'
    order, then one per word of a tuple (all needed); each kind is (kind, its alternatives' sources, its first bit,
    the mask of its bits)."""
    kinds, word_bits, all_of, bit = [], {}, [], 0
    for kind, _desc, pattern in PATTERNS:
        alternatives = _alternatives(pattern)
        needs = _ALTERNATIVE_NEEDS[kind]
        if len(needs) != len(alternatives):
            raise AssertionError(f"procedure pattern {kind}: {len(alternatives)} alternatives, words for {len(needs)}")
        first = bit
        for need in needs:
            for word in need:
                if isinstance(word, tuple):
                    all_of.append((word, 1 << bit))
                else:
                    word_bits[word] = word_bits.get(word, 0) | 1 << bit
            bit += 1
        kinds.append((kind, tuple(alternatives), first, ((1 << bit) - 1) ^ ((1 << first) - 1)))
    own: dict[str, int] = {}  # a word of a tuple -> its own bit, above the alternatives'
    for words, _bit in all_of:
        for word in words:
            if word not in own:
                own[word] = 1 << (bit + len(own))
                word_bits[word] = word_bits.get(word, 0) | own[word]
    all_of = [(reduce(or_, [own[w] for w in words]), alt) for words, alt in all_of]
    return tuple(kinds), tuple(word_bits.items()), tuple(all_of)


_KINDS, _WORD_BITS, _ALL_OF = _index_alternatives()
if any(c.isspace() for word, _bits in _WORD_BITS for c in word):
    raise AssertionError("a procedure word holds a space: _procedure_spans looks for them chunk by chunk")


class _ChunkTable(dict):
    """A whitespace-free chunk of lower-case text -> the bits of the words it holds (worked out when first seen)."""

    def __missing__(self, chunk: str) -> int:
        found = self[chunk] = reduce(or_, [bits for word, bits in _WORD_BITS if word in chunk], 0)
        return found


_CHUNK_BITS = _ChunkTable()
_JOINED: dict[tuple[int, int], Any] = {}  # (kind's index, its alternatives present) -> the joined pattern's finditer


def _joined(k: int, mask: int):
    """The finditer of kind k's alternatives in `mask` (bits from the kind's first), joined in their order."""
    _kind, alternatives, _first, _bits = _KINDS[k]
    chosen = [a for i, a in enumerate(alternatives) if mask >> i & 1]
    rx = re.compile("|".join(chosen), re.MULTILINE)
    finditer = _JOINED[k, mask] = _line_start(rx) if all(a.startswith("^") for a in chosen) else rx.finditer
    return finditer


def _line_start(rx):
    """rx.finditer for a pattern whose every alternative starts at a line's start ("^", MULTILINE): in a text of one
    line that is only its start, so one `match` there instead of the engine trying "^" at every character (an agenda
    item's title pattern is tried on two paragraphs in five, for its common words)."""
    finditer, match = rx.finditer, rx.match

    def find(low: str):
        if "\n" in low:
            return finditer(low)
        m = match(low)
        return () if m is None else (m,)

    return find


# a rule about meetings (standing orders, procedure rules), not a record of one: guide rule 16
_NORMATIVE = re.compile(r"\b(?:shall|must|(?<!\d\s)may(?!\s+\d)|will\s+not\s+be|no\s+more\s+than|provided\s+that|(?:is|are)\s+required\s+to)\b")

# substance the guide gives a theme even inside a motion (rules 2, 15): who is appointed or nominated to a body, its membership
_SUBSTANCE = re.compile(
    r"\b(?:appoint|nominat|elect|co-?opt)\w*\s+(?:\w+\s+){0,4}(?:members?|representatives?|councillors?|chairs?(?:-designate|man|person)?|vice-?chair\w*|directors?|trustees?|governors?)\b"
    r"|\b(?:members?|representatives?|councillors?|directors?|trustees?|governors?)\s+(?:\w+\s+){0,2}(?:appointed|nominated|elected|co-?opted)\b"
    r"|\bmembership\b|\brepresentatives?\s+(?:on|to)\s+the\b"
)

LONG_REMAINDER = 15  # words of 3+ letters left outside the procedure beyond which the paragraph is a discussion

# the guide rules (lspkit.nlp.rules) strong enough to give a procedural paragraph its theme (guide rule 2)
STRONG = frozenset(
    {
        "gov:terms-of-reference", "gov:constitution-standing-orders", "gov:structure", "gov:elections-constitution", "gov:company",
        "acc:scrutiny-call-in", "acc:answerable", "acc:protocols", "acc:performance",
        "role:purpose", "role:division-of-functions", "role:strategy",
    }
)

_WORD = re.compile(r"[A-Za-z][a-z'’-]{2,}")  # a lower-case content word of 3+ letters: names (capitalised) are not counted
_FILLER = frozenset(
    "the and that was were for with this from are has had have been being which who whom its their his her they them then there "
    "not but all any also item items report council councillor councilmember member members board committee meeting agenda "
    "mayor chair chairman chairperson clerk motion vote votes voted voting amended amendment following follows said would will "
    "upon into per via page pages approve approved approval accept accepted".split()
)


@dataclass(frozen=True)
class Procedure:
    """Why a paragraph was held back: the kind of procedure, the words that fired, and the remainder judged."""

    kind: str  # PATTERNS' kind: opening, attendance, interests, minutes, motion, adjournment, next-meeting, noted, agenda-item
    text: str  # the words that fired (the first match)
    start: int
    end: int
    remainder_words: int  # content words outside the procedural phrases
    kinds: tuple[str, ...] = ()  # every kind that fired

    @property
    def reason(self) -> str:
        desc = dict((k, d) for k, d, _p in PATTERNS)[self.kind]
        return (f"meeting procedure ({self.kind}: {desc}); {self.remainder_words} content word(s) outside it and no strong guide rule:"
                " no theme (guide rule 1)")

    def to_dict(self) -> dict[str, Any]:
        return {"kind": self.kind, "kinds": list(self.kinds), "text": self.text, "start": self.start, "end": self.end,
                "remainder_words": self.remainder_words, "reason": self.reason}


def _procedure_spans(low: str) -> list[tuple[str, int, int]]:
    # no word holds a space: a word is in the text where it is in one of its whitespace-separated chunks, whose
    # bits are kept (most chunks are common words: a paragraph looks up its chunks instead of searching it 86 times)
    if len(_CHUNK_BITS) > 100_000:
        _CHUNK_BITS.clear()
    mask = reduce(or_, set(map(_CHUNK_BITS.__getitem__, low.split())), 0)  # (or-ed once per distinct value: most are 0)
    for need, bit in _ALL_OF:
        if mask & need == need:
            mask |= bit
    out = []
    if not mask:
        return out
    for k, (kind, _alternatives, first, bits) in enumerate(_KINDS):
        if mask & bits:
            key = (mask & bits) >> first
            finditer = _JOINED.get((k, key)) or _joined(k, key)
            for m in finditer(low):
                if m.end() > m.start():
                    out.append((kind, m.start(), m.end()))
    out.sort(key=_start)
    return out


def _start(span) -> int:
    return span[1]


def remainder(text: str, spans) -> str:
    """`text` with the procedural spans blanked out."""
    chars = list(text)
    for _k, a, b in spans:
        chars[a:b] = " " * (b - a)
    return "".join(chars)


def content_words(text: str) -> int:
    return sum(1 for w in _WORD.findall(text) if w[0].islower() and w.lower() not in _FILLER)


def held_back(text: str, make_doc=None) -> Optional[Procedure]:
    """A Procedure when `text` is meeting procedure or routine business with nothing substantive beside it, else None.

    `make_doc`: the tagger's tokenizer (blank("en"), as rules.rule_features's own), so the guide rules are tried on
    the remainder without a second pipeline being built and run one text at a time."""
    if not text:
        return None
    low = text.lower()
    if len(low) != len(text):  # offsets must hold: a few Unicode letters change length in lower case
        low = "".join(c if len(c.lower()) != 1 else c.lower() for c in text)
    spans = _procedure_spans(low)  # first: most paragraphs try no pattern at all
    if not spans or _NORMATIVE.search(low):  # (None either way)
        return None
    rest = remainder(text, spans)
    n = content_words(rest)
    if n > LONG_REMAINDER:
        return None
    from .rules import rule_features

    strong = [name for name in rule_features(rest, make_doc(rest) if make_doc is not None else None) if name.split(":", 1)[1] in STRONG]
    if strong or _SUBSTANCE.search(rest.lower()):
        return None
    kind, a, b = spans[0]
    kinds = tuple(dict.fromkeys(k for k, _a, _b in spans))
    return Procedure(kind, text[a:b], a, b, n, kinds)
