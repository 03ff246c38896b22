"""The decisions a paper asks for: each with its label, its action verb and where it comes from.

`find_recommendations(document)` reads three places:

- **cover boxes**: an unnumbered block opening "Recommendation(s):" or holding a
  lead-in ("Cabinet is asked to:", "It is RECOMMENDED that") with its items
  "(i) NOTE ... (ii) ENDORSE ..." (in one block or in the blocks after it);
- **Recommendation(s) sections**: a heading that starts with "Recommendation" (or is "Decision(s)
  recommended:" alone, its lead-in "That the Committee:-" left as a block), and every paragraph under it
  (its items, its parts);
- **recommending paragraphs** anywhere: "The Cabinet are requested to endorse ...",
  "It is recommended that the Council approves ...".

Also: a lead-in that names the verb ("Cabinet is asked to RECOMMEND that: (1) ...", "Council is recommended to
approve: - a) That ...") gives it to every item under it; items numbered under a lead-in paragraph ("2 That
Cabinet:" / "2.1 Approves ...") are its items whatever parent the segmenter set; an agenda item's own
"Recommendation: Approve ..." is its decision; "<Body> recommends that:" (a heading or a block) takes the blocks
after it as decisions ("DVLA makes ...", "Produce, in association ..."); a block announcing "suggestions" or
"recommendations" "set out below" takes the run of paragraphs 1, 2, 3 after it.  An agenda's decisions named by a noun under a heading
that scopes them ("Items for Approval" / "1. Recommended by ... Approval of ...", "Recommendation for approval of the
minutes") take the noun's verb; a stem in capitals ("APPROVE:", "ADOPT staff recommended position:") gives its verb
to the lettered items after it; numbered steps that end with the body to act ("(1) City Clerk will ask ...; (2) City
Council to elect") are one decision; a short stock decision printed under several items ("RECOMMENDATION:
Approve.") is one per item.  All of these are read as well inside an agenda item set as one paragraph (its title, text
and own "RECOMMENDATION: ..." together: `_agenda_item_decisions`), so both segmentations give the same decisions.
A label after a paragraph's
number ("approved at 2.1 (1) above") cites an item, it does not start one.  A meeting's record gives the decisions
it states it took (`_minuted_decisions`): "RESOLVED that ..." clauses (verb RESOLVED, labelled with their minute's
number), motions moved in a chamber ("I move: That ...", verb MOVE) and the question agreed to ("Question put and
agreed to."); its ordinary discussion ("It was agreed ...", "Members noted ...", "resolved to pay") is none.  Motions
printed as "Motion to <verb> ..." (`_motions`) are decisions taken where the record says they were moved, seconded or
voted on, and asked in an agenda (but not its motions on how the meeting runs: to adjourn, to waive a reading); an
agenda item opening "Consider action to <verb> ..." asks that action (`_considered_actions`), whatever the verb.  The
list a lead-in of objectives introduces ("The objectives of the meeting were to:") is never a run of recommendations,
nor is one another meeting made and the paper reports ("The following recommendations emerged from the discussions at
the expert meeting:").  A working paper's authors inviting the session it is tabled at, set as a lead-in of its own
("We invite SC20 to:"), ask the items after it; a session's record states its decisions under its "Outcomes" heading,
each paragraph opening with the session's name and its verb in the past ("SC21 recommended ...": `_session_outcomes`).

An item is a decision only when it carries an action verb: NOTE, AGREE,
APPROVE, ENDORSE, DELEGATE, COMMENT, ADOPT, RECOMMEND ... at its start ("To
COMMENT on", "(ii) ENDORSE", "Approve the"), in capitals, or right after the
lead-in ("is asked to note", "recommended that Cabinet approves").  So an
inspector's "Overall Conclusion and Recommendation" ("The Council has requested
that I recommend MMs ...") asks no decision, and an empty "Recommendation:" is
nothing.  Back matter ("Relevant Director", "Report Authors", "Contact
Officer", "Background Papers") ends a list and is never an item.

When the cover and the body both list them, the list appears once: the body's,
with a note when the two differ.  `find_conclusion(document)` gives, for a
paper that asks no decision, its conclusion (the last section headed
Conclusion(s)).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import Any, Optional, Sequence

from ..model import Document, ParagraphKind

VERBS = (
    "NOTE AGREE APPROVE ENDORSE DELEGATE COMMENT ADOPT RECOMMEND DECIDE DEBATE CONSIDER RESOLVE AUTHORISE "
    "AUTHORIZE RECEIVE ACCEPT REJECT REFER REVIEW SUPPORT CONFIRM APPOINT ALLOCATE REQUEST INSTRUCT ASK "
    "ACKNOWLEDGE SUBMIT AMEND RATIFY PROCEED GRANT REFUSE PROPOSE ADVISE DISCUSS DETERMINE AGREES APPROVES "
    "OVERRULE WAIVE ANNOUNCE ELECT DIRECT PROVIDE"
).split()
_VERB_FORMS: dict[str, str] = {}
for _v in VERBS:
    base = _v[:-1] if _v in ("AGREES", "APPROVES") else _v
    for form in (base, base + "S", base + "D", base + "ED", base[:-1] + "ES" if base.endswith("E") else base + "ES"):
        _VERB_FORMS.setdefault(form, base)
_DECIDING = frozenset(_VERB_FORMS.values()) | {"RECEIVE AND FILE", "REVIEW AND CONSIDER"}
_VERB_FORMS.pop("NOTED", None)  # "noted" reports, it does not ask
_VERB_FORMS.pop("AGREED", None)
_VERB_FORMS.pop("APPROVED", None)

_HEADING = re.compile(r"^\W*(?:\d+(?:\.\d+)*\W*)?(?:recommendations?|recommended\s+actions?)\b|^\W*recommendation\(s\)"
                      # "Decision(s) recommended:" kept as a heading of its own, its items numbered under it
                      r"|^\W*(?:\d+(?:\.\d+)*\W*)?decisions?(?:\(s\))?\s+recommended\W*$", re.I)
_HEADING_ALONE = re.compile(r"\W*(?:\d+(?:\.\d+)*\W*)?(?:recommendations?|recommendation\(s\)|recommended\s+action)\W*", re.I)
# "Recommendation(s):", "Decision(s) recommended:", and a heading run into its lead-in ("Recommendations That
# Cabinet:", "Recommendation That the Minister notes ..."): the capital "That" starts the decision's clause
_OPENING = re.compile(r"^\s*(?:(?:recommendations?|recommendation\(s\))\s*(?:to\s+\w+\s*)?[:.\-\u2013]|"
                      # an agenda item's label: "RECOMMENDED ACTION:", "Staff Recommendation:", "Action Required:"
                      r"(?:(?:staff|committee|officers?)\s+)?recommended\s+(?:actions?|motion)\s*:|"
                      r"(?:staff|committee|officers?)\s+recommendations?\s*:|action\s+(?:required|requested)\s*:|"
                      r"(?-i:(?:DEPARTMENT|STAFF|COMMITTEE|OFFICERS?)\s+RECOMMENDATIONS?)\s+(?=[A-Z][a-z])|"
                      r"decisions?(?:\(s\))?\s+recommended\s*[:.\-\u2013]|"
                      r"(?:recommendations?|recommendation\(s\))(?=\s+(?-i:That)\s))\s*", re.I)
# a "Recommendation:" printed inside an agenda item, after its number and title ("B 21-0108 Approve 2021 Work Plans
# Recommendation: Approve the 2021 Work Plans as submitted."): what follows it is the decision asked
_INLINE = re.compile(r"(?<=\S)\s+(?-i:Recommendations?|RECOMMENDATIONS?|(?:Staff\s+)?Recommended\s+Actions?|"
                     r"RECOMMENDED\s+ACTIONS?|Staff\s+Recommendations?|STAFF\s+RECOMMENDATIONS?|Action\s+Required|"
                     r"ACTION\s+REQUIRED):\s+(?=\S)")
# the paper's authors inviting the meeting it is tabled at, in the active voice: "We invite SC20 to:", "The Secretariat
# invites the Committee to:", "We would like to ask the Scientific Committee to" (a scientific committee's and an
# international body's working paper); the body invited is named in capitals, as "is invited to" names it before
_INVITE = (r"\b(?:we|(?-i:[A-Z][\w&'’.-]*)(?:\s+(?-i:[A-Z][\w&'’.-]*)){0,3})\s+(?:would\s+(?:like\s+to\s+)?)?"
           r"(?:invites?|asks?|requests?)\s+(?:the\s+)?(?-i:[A-Z][\w&'’.-]*)(?:\s+(?:(?-i:[A-Z][\w&'’.-]*)|of|and|the))"
           r"{0,5}\s+to\b\s*:?")
# only set as a lead-in of its own, its colon ending it: "We invite the Council to reconsider" in prose asks nothing
# of the meeting
_INVITATION = re.compile(rf"^\s*{_INVITE}\s*(?<=:)\s*$", re.I)
_LEAD = re.compile(
    r"\b(?:is|are)\s+(?:asked|requested|recommended|invited|being\s+asked)\s+to\b\s*:?"
    r"|\b(?:it\s+is|are|is)\s+recommended\s+that\b\s*:?"
    r"|(?-i:\bRECOMMENDED\b)\s*(?:that\b)?\s*:?"  # in capitals only: "would have recommended that" reports
    r"|\bthat\s+(?=(?:the\s+)?(?:cabinet|council|committee|panel|board|executive|members?)\b)"
    r"|\brecommends?\s+that\b(?:\s+(?:the\s+)?\w+\s+should\b)?\s*:?"  # "ODUG recommends that government should:"
    r"|\bstaff\s+recommends\b(?=\s+(?:that\s+)?the\s+[A-Z])",  # "Staff recommends the Housing Authority approve ..."
    re.I,
)
# outside a Recommendation(s) section only an explicit request counts ("It is proposed that the Panel
# receives ..." describes; "The Cabinet is asked to note ..." asks)
_REQUEST = re.compile(
    r"\b(?:is|are)\s+(?:asked|requested|recommended|invited|being\s+asked)\s+to\b|\brecommended\s+that\b|\bRECOMMENDED\b"
    r"|\b[Ss]taff\s+recommends\s+(?:that\s+)?the\s+[A-Z]"
)
# an agenda item's title before its request: "MEETING MINUTES – Staff recommends the Housing Authority approve ..."
_ITEM_TITLE = re.compile(r"^[A-Z][A-Z0-9 &'’/,-]{2,60}\s+[\u2013\u2014-]\s+(?=[A-Z][a-z])")
# a recommendation in the passive: "these should also be paid", "the policy must be reviewed"
_OBLIGED = re.compile(r"\b(?:should|must|ought\s+to)\s+(?:also\s+|now\s+|then\s+)?be\s+\w+ed\b|\b(?:should|must)\s+(?:also\s+)?be\s+(?:paid|made|done|given|taken|sent|put|kept|set)\b")
_BACK_MATTER = re.compile(
    r"^\W*(?:\d+(?:\.\d+)*\W*)?(?:relevant\s+director|report\s+authors?|authors?|contact\s+officers?|contact\s+details?|"
    r"background\s+(?:papers?|documents?)|lead\s+(?:member|officer)|appendices|annexes|implications|"
    r"reasons?\s+for\s+(?:the\s+)?recommendations?|financial\s+implications|legal\s+implications|"
    r"equalit(?:y|ies)|wards?\s+affected|key\s+decision|decision\s+number)\b",
    re.I,
)
# item labels: (i) (ii) (a) i) a) 1. 1) R1 bullets
_LABEL = re.compile(
    r"(?:(?<=\s)|^)(?P<label>\((?:[ivxl]{1,5}|[a-z]|\d{1,2})\)|(?:[ivxl]{1,5}|[a-z]|\d{1,2})\)|\d{1,2}\.(?=\s)|R\d{1,2}[:.]|[•\u25aa\u25cf\-\u2013](?=\s))\s+",
)
_FIRST_WORDS = 6
_SAME_WORDS = 200  # the whole decision, near enough
_STOCK_WORDS = 12


@dataclass(frozen=True)
class Recommendation:
    """One decision: `number` is its label as printed ("(i)", "1", "R2") or None; `verb` its action word
    upper-cased; `paragraph` the numbered paragraph it comes from (None for a cover box or an unnumbered
    block); `source` "cover" or "body"; `to` the body a recommendation made to another body is addressed to (its
    text then starts at the verb: `addressed_decision`)."""

    paragraph: Optional[str]
    page: int
    text: str
    number: Optional[str] = None
    verb: Optional[str] = None
    source: str = "body"
    to: Optional[str] = None  # whom a recommendation to another body is made to ("the Director of Maritime New Zealand")
    # "recommendation": a decision the paper asks for; "decision": one a meeting's record states it took (RESOLVED, a
    # motion moved, the question agreed to: `_minuted_decisions`), so an officer is not told it is still to be taken
    kind: str = "recommendation"
    # "report": the paper's own recommendation (a Healthwatch report's numbered "Recommendations", a review's or an
    # inspector's to other bodies), printed by a paper that asks no decision of a meeting: not one asked of the
    # meeting; None for a decision asked (or, kind "decision", taken)
    origin: Optional[str] = None

    @property
    def label(self) -> Optional[str]:
        return self.number

    def to_dict(self) -> dict[str, Any]:
        d = {"number": self.number, "label": self.number, "verb": self.verb, "paragraph": self.paragraph,
             "page": self.page, "text": self.text, "source": self.source, "kind": self.kind}
        if self.to:
            d["to"] = self.to
        if self.origin:  # added, never in place of a field: a reader of "kind" alone reads what it read before
            d["origin"] = self.origin
        return d

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> "Recommendation":
        return cls(d.get("paragraph"), d["page"], d["text"], d.get("number"), d.get("verb"), d.get("source", "body"),
                   d.get("to"), d.get("kind", "recommendation"), d.get("origin"))


@dataclass(frozen=True)
class Conclusion:
    """What a paper that asks no decision concludes: its conclusion section's opening paragraphs."""

    heading: str
    paragraphs: tuple[str, ...]
    page: int
    text: str

    def to_dict(self) -> dict[str, Any]:
        return {"heading": self.heading, "paragraphs": list(self.paragraphs), "page": self.page, "text": self.text}

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> "Conclusion":
        return cls(d["heading"], tuple(d.get("paragraphs", ())), d["page"], d["text"])


# two verbs an agenda asks as one decision: "RECEIVE AND FILE the report", "is being asked to review and consider"
_COMPOUND = re.compile(r"(?i)\b(receive|review)\s+and\s+(file|consider)\b")


def verb_of(item: str, led: bool = False) -> Optional[str]:
    """The action verb of a decision item, or None when it asks nothing.

    At its start (after "To", "That", the body's name), in capitals in its first words, or (when a
    lead-in asked for decisions, `led`) the first verb in its first few words.  An agenda's compound verb is one
    verb: "RECEIVE AND FILE", "REVIEW AND CONSIDER".
    """
    verb = _verb_of(item, led)
    if verb in ("RECEIVE", "REVIEW"):
        m = _COMPOUND.search(item[:300])
        if m and m.group(1).upper() == verb:
            return f"{verb} AND {m.group(2).upper()}"
    return verb


def _verb_of(item: str, led: bool = False) -> Optional[str]:
    words = re.findall(r"[A-Za-z]+", item[:200])
    if not words:
        return None
    if led:
        obliged = modal_verb(item, subject_only=True)  # "PHE to review ...", "ONS should assess ...": not "PHE"
        if obliged:
            return obliged
    if re.match(r"^\W*(?:to\s+)?take\s+note\b", item, re.I):  # "To take note of existing allocations"
        return "NOTE"
    # "Council is asked to note that ...", "Members are recommended to approve ...": the verb after the ask
    asked = re.match(r"^\W*(?:that\s+)?[\w ,&'’-]{1,80}?\b(?:is|are)\s+(?:asked|requested|invited|recommended)\s+"
                     r"to\s+(?:take\s+(note)|([a-z]+))\b", item, re.I)
    if asked:
        verb = "NOTE" if asked.group(1) else asked.group(2).upper()
        return _VERB_FORMS.get(verb, verb if led else None)
    # "To review and, if thought appropriate, approve the budget": the decision is the second verb
    # (an item printed "Review and approve the questionnaire" opens with its verb: REVIEW, as printed)
    then = re.match(r"^\W*(?:to\s+(?:review|consider|discuss|receive)\s+and,?\s+|(?:review|consider|discuss|receive)"
                    r"\s+and,\s+)(?:if\s+[^,]{1,40},\s*)?([a-z]+)", item, re.I)
    if then and then.group(1).upper() in _VERB_FORMS:
        return _VERB_FORMS[then.group(1).upper()]
    for w in words[:12]:  # a verb printed in capitals: "(ii) ENDORSE the ...", "To COMMENT on"
        if len(w) >= 4 and w.isupper() and w in _VERB_FORMS:
            return _VERB_FORMS[w]
    i = 0
    while i < len(words) and words[i].lower() in ("to", "that", "and", "or", "the", "it", "be"):
        i += 1
    if i < len(words) and words[i].upper() in _VERB_FORMS:
        return _VERB_FORMS[words[i].upper()]
    if words[0].lower() == "that" and i < len(words):
        return _clause_verb(words[i:])  # "That the executive approves ...": the verb after the body's name
    if re.match(r"^\W*(?:(?:to|that|the)\s+)*[\d£$€]", item, re.I):
        return None  # "10 units as intermediate rent": a figure, not an action
    letters = [c for c in item[:120] if c.isalpha()]
    if led and letters and sum(c.isupper() for c in letters) > 0.8 * len(letters) and words[i:i + 1] \
            and words[i].upper() not in _VERB_FORMS:
        return None  # a line in capitals that is no verb: "END OF CONSENT CALENDAR", "UPON ADJOURNMENT ..."
    if led and i < len(words) and len(words[i]) >= 3 and (words[i].islower() or words[i].isupper()) \
            and not words[i].lower().endswith("ing") \
            and words[i].lower() not in _NOT_VERBS:
        return words[i].upper()  # an item under a lead-in starts with its verb, whatever the verb
    imperative = _imperative(item)
    if led and imperative:
        return imperative
    if led:
        for w in words[i : i + 6]:
            if w.upper() in _VERB_FORMS and w.islower():
                return _VERB_FORMS[w.upper()]
    return None


# a body named, then what it is to do: "PHE to review if ...", "ONS should assess ...", "Co-CIN to stratify ...",
# "ISARIC CCP-UK / CO-CIN to be re-prioritised ...", "Professional bodies, such as the royal colleges, should come
# together ...": the subject's words, the modal, the verb (a participle after "be", a particle kept)
_SUBJECT_WORD = r"(?:[A-Z][\w&'’.-]*|of|and|for|the|on|in|&|/)"
_MODAL = (r"(?:should|must|ought\s+to|to|is\s+to|are\s+to)\s+(?:(?:also|urgently|now|then|further|jointly|"
          r"immediately|continue\s+to|seek\s+to)\s+)*(?P<be>be\s+)?(?P<verb>[a-z][a-z-]{2,})"
          r"(?P<particle>\s+(?:together|out|up|forward|back))?\b")
_SUBJECT_MODAL = re.compile(rf"^\W*(?:{_SUBJECT_WORD}\s*){{1,8}}\s+{_MODAL}")
# the same anywhere in a review's recommendation: "... NHS England should convene ...", "We recommend the
# following actions", "This recommendation is for local ICSs to review ..."
_ANY_MODAL = re.compile(rf"\b(?P<we>we\s+(?:therefore\s+|also\s+)?recommend)\b|\bfor\s+(?:[\w-]+\s+){{1,5}}?to\s+"
                        rf"(?P<verb2>[a-z]{{3,}})\b|\b(?:should|must)\s+{_MODAL[_MODAL.index('(?:(?:also'):]}", re.I)
_NOT_MODAL_VERBS = frozenset("be being been do not the a an".split())


def _participle_base(word: str) -> str:
    """ "RE-PRIORITISED" RE-PRIORITISE, "IMPLEMENTED" IMPLEMENT, "INITIATED" INITIATE (as `_clause_verb` reads "be
    advised")."""
    p = word.upper()
    if not p.endswith("ED"):
        return p
    if p[-4:-2] in ("AT", "UR", "UD", "IV", "AG", "UC", "NG", "RG"):  # "INITIATED" INITIATE, "SECURED", "ARRANGED"
        return p[:-1]
    if len(p) > 5 and p[-3] == p[-4] and p[-3] in "BDGMNPRT":  # "SUBMITTED" SUBMIT, "PLANNED" PLAN
        return p[:-3]
    if p.endswith("SSED"):  # "ADDRESSED" ADDRESS
        return p[:-2]
    return p[:-1] if p[-3:-2] in "AEIOUSCVZ" else p[:-2]


def modal_verb(text: str, subject_only: bool = False) -> Optional[str]:
    """What a recommendation asks someone to do, read from its modal: "PHE to review" REVIEW, "ONS should assess"
    ASSESS, "should be implemented" IMPLEMENT, "should come together" COME TOGETHER, "We recommend" RECOMMEND.
    `subject_only`: only when the text opens with its subject and the modal (a named body, then "to"/"should")."""
    m = _SUBJECT_MODAL.match(text) if subject_only else _ANY_MODAL.search(text)
    if not m:
        return None
    first = re.match(r"\W*([A-Za-z]+)", text)
    if subject_only and first and (first.group(1).upper() in _VERB_FORMS or _imperative(text)):
        return None  # "Authorize the Finance Manager to amend ...": the item's own verb comes first, no subject
    if not subject_only and m.group("we"):
        return "RECOMMEND"
    if not subject_only and m.group("verb2"):
        verb = m.group("verb2")
        return None if verb in _NOT_MODAL_VERBS else verb.upper()
    verb = m.group("verb")
    if m.group("be"):
        return _participle_base(verb) if verb.endswith("ed") else None
    if verb in _NOT_MODAL_VERBS or verb.endswith("ing") and verb not in ("bring", "string"):
        return None
    return verb.upper() + (m.group("particle") or "").upper()


_IMPERATIVE = re.compile(r"([A-Z][a-z]{2,})(?:,|\s+(?:the|a|an|all|any|its|their|that|whether|in|on|with|for|"
                         r"more|new|our|this|these|how|what)\b)")


def _imperative(item: str) -> Optional[str]:
    """The verb of an item that opens with an imperative in sentence case, a word the list of VERBS need not hold:
    "Produce, in association with local government ...", "Create a shared and constructive space.", "Recognise
    that transparency ...".  Told from a noun by what follows (a comma, an article, "that", a preposition) and by
    its form (not "-ing", "-ed", "-s", nor a noun's "-ion", "-ance", "-ment", "-ity", "-ary", "-al": "Compliance with
    ...", "Sanitary, ventilation ..." in a list of conditions); used only under a lead-in that asks for decisions."""
    m = _IMPERATIVE.match(item.lstrip(" \t\u2022\u25aa\u25cf-\u2013*"))
    if not m or re.search(r"(?:ing|ed|s|ion|ance|ence|ment|ity|ary|ness|al)$", m.group(1)) or m.group(1).lower() in _NOT_VERBS | _NOT_IMPERATIVE:
        return None
    return m.group(1).upper()


# sentence openers that look like an imperative by the test above and are not
_NOT_IMPERATIVE = frozenset("the for with from after before during under over where when while since although though "
                            "however further also then there here once given following please whether".split())
_NOT_VERBS = frozenset("this these those there their its all any each every our his her they we you".split())
_NOT_THIRD_PERSON = frozenset("is was has its this as us thus plus status gas bus less unless whereas".split())


def _clause_verb(words: Sequence[str]) -> Optional[str]:
    """The verb of "That <who> <verb> ...", the subject skipped: a decision verb in lower case ("That the Cabinet
    Member for Regeneration, Planning and Transport approves", "That the Mayor, acting as Local Planning
    Authority, grant"), a passive's participle ("That Barking and Dagenham Council be advised" ADVISE), else the
    first verb in the third person ("That the Panel welcomes"); None when the clause has none ("That works to
    ensure the building ... are still carried out" states, it does not ask)."""
    words = list(words[:20])
    for k, w in enumerate(words):
        if w == "be" and k + 1 < len(words) and words[k + 1].islower() and words[k + 1].endswith("ed"):
            p = words[k + 1].upper()
            for stem in (p[:-1], p[:-2], p[:-3] if p[-3:-2] == p[-4:-3] else p[:-2]):  # advis-ed, grant-ed, refer-red
                if stem in _VERB_FORMS:
                    return _VERB_FORMS[stem]
            return p[:-1] if p[-3:-2] in "AEIOUSCVZ" else p[:-2]
        if w.islower() and w.upper() in _VERB_FORMS:
            return _VERB_FORMS[w.upper()]
        if (w.islower() and w not in _SUBJECT_LINKS and k and words[k - 1][:1].isupper() and len(w) >= 3
                and not re.search(r"(?:s|ed|ing)$", w) and w not in _NOT_VERBS and w not in ("be", "to", "not")
                and all(not x.islower() or x in _SUBJECT_LINKS for x in words[:k])):
            return w.upper()  # the subjunctive after the body's name: "that the City Council announce ...", "... find that"
    for k, w in enumerate(words):
        if not (w.islower() or w.lower() in _SUBJECT_LINKS):
            continue  # a capitalised word: the body's name goes on
        if w.lower() in _SUBJECT_LINKS:
            continue
        if k and len(w) >= 4 and w.endswith("s") and not w.endswith("ss") and w not in _NOT_THIRD_PERSON:
            return (w[:-2] if re.search(r"(?:sh|ch|x|ss|z)es$", w) else w[:-1]).upper()
        return None  # a lower-case word that is no verb: the subject is not a body's name
    return None


# the words a body's name may hold besides capitalised ones: "the Cabinet Member for Regeneration and Transport"
_SUBJECT_LINKS = frozenset("the of and for & on in acting as behalf".split())


def _split_items(text: str) -> list[tuple[Optional[str], str]]:
    """(label, text) items of a list run together in one block or paragraph; the lead-in is not an item."""
    # a dash inside a sentence joins words ("the Assistant Director - Planning"): a dash is an item's mark only
    # where a list can start, at the start or after a colon, a semicolon or a sentence's end
    marks = [m for m in _LABEL.finditer(text)
             if m.group("label") not in ("-", "\u2013") or not text[: m.start()].strip()
             or re.search(r"[:;.]\s*$", text[: m.start()])]
    # a label that follows a paragraph's number or a pointing word is a reference, not an item's mark: "the scheme
    # approved at 2.1 (1) above", "see (a)"
    marks = [m for m in marks if not re.search(r"(?:\d+\.\d+|\b(?:at|see|paragraph|para|section|appendix|item))\s*$",
                                               text[: m.start()], re.I)]
    # keep a sequence that starts at (i)/(a)/1/bullet: labels inside an item's own text are rare
    if not marks:
        # unlabelled decisions one after another, each its own clause: "That the Minister notes the information
        # above. That the Minister notes the advice above."
        parts = re.split(r"(?<=[.;])\s+(?=That\s+(?:the\s+)?[A-Z])", text.strip())
        return [(None, x.strip()) for x in parts if x.strip()]
    items = []
    head = text[: marks[0].start()].strip()
    if head:
        items.append((None, head))
    for k, m in enumerate(marks):
        end = marks[k + 1].start() if k + 1 < len(marks) else len(text)
        body = text[m.end() : end].strip()
        if body:
            items.append((m.group("label").rstrip(":."), body))
    return items


def _imperative_starts(text: str) -> list[str]:
    """The imperatives that open sentences of `text` after its first (escaped for a pattern)."""
    return [re.escape(m.group(1)) for m in re.finditer(r"(?<=[.;])\s+(?=([A-Z][a-z]{2,}))", text)
            if _imperative(text[m.end():])]


def lead_verb_of(lead: str) -> Optional[str]:
    """The verb a lead-in asks for every item under it, when it names one before its colon: "Cabinet is asked to
    RECOMMEND that:", "Council is recommended to approve: -", "Council is asked to RESOLVE that:".  Each item is
    then the content of that decision ("(1) the current scheme ... be adopted", "a) That the CBSO be
    commissioned"), and its own words are not its verb.  None for a lead-in that names none ("Cabinet is asked
    to:", "That Cabinet:")."""
    m = re.search(r"\b(?:is|are)\s+(?:asked|requested|recommended|invited|being\s+asked)\s+to\s+([A-Za-z]+)"
                  r"(?:\s+that)?\s*[:\-\u2013\s]*$", lead.strip(), re.I)
    if not m:
        return None
    verb = m.group(1).upper()
    return _VERB_FORMS.get(verb)


def _steps_verb(items: Sequence[tuple[Optional[str], str]]) -> Optional[str]:
    """The verb of numbered steps that make one decision: "Action Required: (1) City Clerk will ask for nominations
    for Mayor; and (2) City Council to elect by majority vote." (ELECT): the other steps say what someone will do,
    one sets the body to act ("<Body> to <verb>")."""
    labelled = [item for label, item in items if label]
    acts = [re.match(r"^\W*(?:the\s+)?(?:[A-Z][\w&'’-]*\s+){1,4}to\s+([a-z]{3,})\b", item) for item in labelled]
    if len(labelled) < 2 or sum(1 for a in acts if a) != 1:
        return None
    if not all(a or re.match(r"^\W*(?:the\s+)?[A-Z][\w&'’-]*\s+(?:[\w&'’-]+\s+){0,4}(?:will|shall)\s+[a-z]", item)
               for a, item in zip(acts, labelled)):
        return None
    verb = next(a for a in acts if a).group(1)
    return None if verb in _NOT_VERBS or verb.endswith("ing") else verb.upper()

# ---------------------------------------------------------------- recommendations made to other bodies
# An investigating body's recommendation to another body, in one sentence: "It is recommended that as a matter of
# urgency, the Navalimpianti Tecnimpianti Group alert all owners ...", "On 2 August 2016 the Commission recommended
# that the Director of Maritime New Zealand review ...": who is to act is named in it, and each recommendation may
# name another.  The lead-in: "It is recommended that", or a body reporting its own recommendation ("the Commission
# recommended that", "The Board recommends that"), dated or not.
_ADDRESSED_LEAD = re.compile(
    r"^\W*(?i:on\s+\d{1,2}\s+[a-z]+\s+\d{4},?\s+)?(?:(?i:it\s+is)|(?P<who>(?i:the\s+)?[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*){0,4}))"
    r"\s+(?:has\s+|had\s+)?(?:also\s+)?(?:recommended|recommends)\s+that\s+")
# a condition or a time before the addressee: "as a matter of urgency,", "before allowing cruise ships ... in future,"
_ADVERBIAL = re.compile(r"^(?:as|before|after|within|until|when|where|following|pending|subject|in\s+order|by|once|"
                        r"if|unless|with\s+immediate)\b[^,]{2,160},\s+(?=(?:the\s+)?[A-Z])")
# the addressee, a capitalised name ("the Chief Executive of the Marlborough District Council"), then its verb in the
# bare form (the subjunctive) or after a modal
_ADDRESSEE = re.compile(r"^(?P<to>(?:the\s+)?[A-Z][\w&’'.-]*(?:\s+(?:[A-Z][\w&’'.-]*|of|and|for|the|&|on|in))*?"
                        r"\s+[A-Z][\w&’'.)-]*|(?:the\s+)?[A-Z][\w&’'.-]*)\s+(?:(?:should|must|shall)\s+)?"
                        r"(?:(?:urgently|also|immediately|promptly|jointly)\s+)?(?P<verb>[a-z]{3,})\b")
# the body's own number for a recommendation, printed at its end: "(016/16)", "(009/11)"; what follows it (the
# addressee's reply, "On 9 August 2016, Marlborough District Council replied: ...") is no part of it
_CODE = re.compile(r"\(\s*(?P<code>[A-Z]{0,3}\d{2,4}/\d{2,4})\s*\)")
# the paper's own decision makers, named by their kind: "the Council", "the City Council", "Cabinet", "the Board"
_OWN_BODY = re.compile(r"(?i)^(?:the\s+)?(?:(?:city|town|county|district|parish|borough|full|executive|planning)\s+)?"
                       r"(?:council|cabinet|committee|board|executive|mayor|members?|panel|commission|trustees|"
                       r"authority|governing\s+body)$")
_NOT_BARE = frozenset("has had was were are not been being also only".split())


def addressed_decision(text: str) -> Optional[tuple[str, str, str, Optional[str]]]:
    """(addressee, verb, decision, code) of a recommendation made to another body (see above), its decision the
    text from the verb ("alert all owners of vessels ... (009/11)"), or None when the text is none.  Only where the
    sentence sets the addressee apart from the paper's own decision makers: a condition before it ("as a matter of
    urgency,") or a body reporting its recommendation ("the Commission recommended that"); a council's "It is
    recommended that the City Council approve ..." is read whole, as before."""
    text = " ".join(text.split())
    lead = _ADDRESSED_LEAD.match(text)
    if not lead:
        return None
    rest = text[lead.end():]
    adverbial = _ADVERBIAL.match(rest)
    if adverbial:
        rest = rest[adverbial.end():]
    elif not lead.group("who") or re.match(r"(?i)^\W*(?:it|this|that)\b", lead.group("who")):
        return None
    m = _ADDRESSEE.match(rest)
    if not m or _OWN_BODY.match(m.group("to").strip()):
        return None  # "Staff recommends that the Council discuss ...": the paper's own decision makers, asked
    verb = m.group("verb")
    if verb in _NOT_BARE or verb in _NOT_VERBS or re.search(r"(?:ing|ed)$", verb) or (
            verb.endswith("s") and not verb.endswith("ss") and "should" not in m.group(0)):
        return None
    decision = rest[m.start("verb"):].strip()
    code = _CODE.search(decision)
    if code:
        decision = decision[: code.end()]
    return m.group("to").strip(), verb.upper(), decision, code.group("code") if code else None


def _decisions_in(text: str, *, paragraph: Optional[str], page: int, source: str, led: bool,
                  number: Optional[str] = None, lead_verb: Optional[str] = None,
                  clause: bool = False) -> tuple[list[Recommendation], bool]:
    """Decisions in one text; returns (decisions, whether the text ends with a lead-in awaiting items).
    `lead_verb`: the verb a lead-in before this text asked for (`lead_verb_of`), given to a labelled item or a
    "That ..." clause; `clause`: a lead-in before this text ended "recommends that:", so each item is a clause
    ("DVLA makes an open release ...") whose verb follows its subject."""
    outer_clause = clause
    text = _OPENING.sub("", text.strip(), count=1)
    if not text:
        return [], led
    lead = None
    for m in _LEAD.finditer(text):
        lead = m
        break
    out: list[Recommendation] = []
    items = _split_items(text)
    if led and not any(label for label, _ in items):
        # decisions run together after a lead-in, their bullets lost: "Produce, in association with ... made
        # available. Promote the new licensing ...": in a text that opens with an imperative, a sentence that opens
        # with one starts the next decision
        items = [(None, x) for _, item in items
                 for x in re.split(r"(?<=[.;])\s+(?=[A-Z])(?=(?:" + "|".join(_imperative_starts(item)) + r")\b)", item)
                 if x.strip()] if any(_imperative(item) and _imperative_starts(item) for _, item in items) else items
    awaiting = False
    labelled = any(label for label, _ in items)
    steps = _steps_verb(items) if labelled and led else None
    if steps:
        return [Recommendation(paragraph, page, text.strip(), number, steps, source)], False
    for label, item in items:
        if _BACK_MATTER.match(item):
            break
        first = re.match(r"^\W*([A-Za-z]+)", item)
        if (label is None and labelled and re.search(r"\bthat\W*$", item, re.I) and len(item.split()) >= 8
                and first and first.group(1).upper() in _VERB_FORMS and not _LEAD.search(item)):
            # "Authorize remote meetings ... by finding that: (1) a state of emergency ...; (2) ...": one decision
            # whose findings are numbered, not a lead-in to decisions
            out.append(Recommendation(paragraph, page, text.strip(), number, _VERB_FORMS[first.group(1).upper()], source))
            break
        if label is None and labelled and re.search(r"(?::|\bto|\bthat)\W*$", item, re.I):
            led = True  # "That the Committee recommends Council to:" introduces the items, it is not one
            lead_verb = lead_verb_of(item) or lead_verb
            continue
        if lead_verb and (label or re.match(r"^\W*that\b", item, re.I)):  # "Cabinet is asked to RECOMMEND that: (1) the current scheme ... be adopted"
            out.append(Recommendation(paragraph, page, item.strip(), label, lead_verb, source))
            continue
        addressed = addressed_decision(item)
        if addressed:  # "It is recommended that as a matter of urgency, the <Group> alert ...": to another body
            to, verb, decision, code = addressed
            out.append(Recommendation(paragraph, page, decision, label or number or code, verb, source, to))
            continue
        if re.match(r"^\W*Recommend\s+that\s", item):  # "Recommend that the City Council Approve the Project"
            out.append(Recommendation(paragraph, page, item.strip(), label or number, "RECOMMEND", source))
            continue
        lead_here = _LEAD.search(item)
        content = item
        if lead_here is not None and lead_here.start() < 120:
            content = item[lead_here.end() :].strip(" :")
            led = True
            if not content:
                awaiting = True
                continue
        clause = outer_clause or lead_here is not None and lead_here.start() < 120 and re.search(r"that\W*$", lead_here.group(0), re.I)
        proposal = re.search(r"\b(?:I|we)\s+(propose|recommend)\b", item) if led else None
        verb = proposal.group(1).upper() if proposal else verb_of("That " + content if clause and not re.match(r"(?i)\W*that\b", content) else content, led)  # "recommended that the Council be advised"
        if verb is None:
            continue
        out.append(Recommendation(paragraph, page, item.strip() if label else text.strip() if len(items) == 1 else item,
                                  label or number, verb, source))
    if lead is not None and not out:
        awaiting = True
    return out, awaiting or (led and not out)


# an agenda's list of the decisions it asks: "a) DECISIONS", "Items for decision", "Decisions required"
_DECISIONS = re.compile(r"^\W*(?:\(?[a-z0-9]{1,3}[.)]\s*)?(?:decisions?(?:\s+(?:required|to\s+be\s+(?:made|taken)))?|"
                        r"items?\s+for\s+decision|for\s+decision)\b\s*[:.\-\u2013]?\s*", re.I)
# the next part of the agenda item: "b) DISCUSSIONS", "c) CLERK UPDATE"
_NEXT_PART = re.compile(r"^\W*\(?[a-z0-9]{1,3}[.)]\s*[A-Z]{3,}")


def _agenda_decisions(p) -> list[Recommendation]:
    """The items of an agenda's "DECISIONS" part, each "To <verb> ...", to the next lettered part."""
    parts = list(p.parts) or [p.text]
    m = _DECISIONS.match(parts[0])
    if not m:
        return []
    parts[0] = parts[0][m.end():]
    out: list[Recommendation] = []
    for part in parts:
        if out and _NEXT_PART.match(part):
            break
        for chunk in re.split(r"\s+(?=To\s+[a-z])", part.strip()):  # items run together on one line
            if not re.match(r"^To\s+[a-z]", chunk):
                continue
            verb = verb_of(chunk, True)
            if verb:
                out.append(Recommendation(p.number, p.page, chunk.strip(), None, verb, "body"))
    return out


def _core(number: Optional[str]) -> Optional[str]:
    """A paragraph id's printed number: "PUBLIC 2.1" -> "2.1", "1.2.1 (2)" -> "1.2.1"."""
    m = re.search(r"\d+(?:\.\d+)*", number or "")
    return m.group(0) if m else None


def _under(number: Optional[str], lead: str) -> bool:
    """A paragraph numbered under the lead-in's paragraph ("2.1" under "Decision(s) recommended: That the
    Committee:-" numbered "2"; "1.2.1 (2)" under "1.2 (2)"), whatever the segmenter set as its parent."""
    a, b = _core(number), _core(lead)
    return bool(a and b) and a.startswith(b + ".")


def _lead_heading(heading: Optional[str]) -> bool:
    """A heading that is itself a lead-in awaiting its items: "Council is recommended to approve: -",
    "ODUG recommends that:"."""
    h = (heading or "").strip()
    return bool(h) and bool(re.search(r"[:\-\u2013]\s*$", h)) and bool(_LEAD.search(h))


# prose that announces a list of recommendations: "We have set out below some suggestions for how this can be
# achieved.", "Our recommendations are as follows:"
# (what comes between names the items, not what they came from: "The following priority action areas are based on
# recommendations from people ..." announces action areas)
_ANNOUNCES = re.compile(r"\b(?:set\s+out\s+below|below\s+(?:are|is)|as\s+follows|the\s+following)\b"
                        r"(?:(?!\b(?:based|drawn|derived|from|informed)\b)[^.]){0,60}?"
                        r"\b(?:suggestions|recommendations|proposals)\b|\b(?:suggestions|recommendations|proposals)\b"
                        r"[^.]{0,40}?\b(?:below|as\s+follows|(?:are|is)\s+the\s+following)\b", re.I)


# a body's recommendations recorded as made, in minutes: "The committee supports ... but has made the following
# recommendations:", "The Committee made several recommendations": what it said, not what the paper asks
_RECORDED = re.compile(r"(?i)\b(?:has|have|had)\s+(?:also\s+)?made\s+(?:the\s+following|several|a\s+number\s+of|some|"
                       r"these|two|three|four|five)\b|\bmade\s+(?:the\s+following|several|a\s+number\s+of)\s+"
                       r"(?:recommendations|suggestions|proposals)\b"
                       # made by another meeting and reported: "The following recommendations emerged from the
                       # discussions at the international expert meeting:", "... arose from the workshop"
                       r"|\b(?:recommendations|suggestions|proposals)\s+(?:\w+\s+){0,2}?(?:emerged|arose|came\s+out|"
                       r"resulted)\s+(?:from|of|at)\b")


# a list's lead-in naming what a meeting or a group set out to do: "The objectives of the meeting were to:", "Our aims
# are:", "The purpose of the group is to:"
_OBJECTIVES_LEAD = re.compile(r"(?i)\b(?:objectives?|aims?|purposes?|goals?)\b[^.:]{0,60}?\b(?:were|are|is|was|will\s+be)"
                              r"(?:\s+to|\s+as\s+follows)?\s*:?\s*$")


def _suggested_run(document: Document) -> set[str]:
    """The paragraphs a block announcing recommendations or suggestions introduces: on its page (or the next),
    the run of paragraphs numbered 1, 2, 3 ... from the first numbered "1" there."""
    out: set[str] = set()
    objectives = {b.page for b in document.blocks if _OBJECTIVES_LEAD.search(" ".join(b.text.split()))}
    for b in document.blocks:
        if not _ANNOUNCES.search(b.text) or len(b.text) > 600 or _RECORDED.search(b.text):
            continue
        if b.page in objectives:
            continue  # "The objectives of the meeting were to: 1. Agree ... 2. Recommend ...": the page's first run is
            # what the meeting set out to do, not what it recommends (which run each block leads is not known)
        expect = 1
        for p in document.paragraphs:
            if p.page < b.page or (expect == 1 and p.page > b.page + 1):
                continue
            if (p.label or p.number).strip() != str(expect):
                if expect > 1:
                    break
                continue
            out.add(p.number)
            expect += 1
    return out


def _body_decisions(document: Document) -> list[Recommendation]:
    headed = {s.number for s in document.sections if s.number and _HEADING.match(s.heading or "")}
    out: list[Recommendation] = []
    stray: list[Recommendation] = []  # requests outside a Recommendation(s) section
    led_paragraph: Optional[str] = None
    lead_verb: Optional[str] = None
    suggested = _suggested_run(document)
    section_verbs: dict = {}  # a recommendations section's verb, from its first item that names one
    # a section whose recommendation is made in a sentence to another body ("Recommendation one" / "The Commission
    # reviewed ..." / "On 2 August 2016 the Commission recommended that the <addressee> review ..."): its other
    # paragraphs are the reasons for it and the replies to it, not decisions
    addressed = {(p.section, p.heading) for p in document.paragraphs if addressed_decision(p.text)}
    for p in document.paragraphs:
        if p.kind is ParagraphKind.QUESTION:
            continue
        if (p.section, p.heading) in addressed and not addressed_decision(p.text):
            continue
        agenda = _agenda_decisions(p)
        if agenda:
            out.extend(agenda)
            continue
        text = p.text.strip()
        titled = _ITEM_TITLE.match(text)
        if titled and _REQUEST.search(text[titled.end(): titled.end() + 200]):
            text = text[titled.end():]
        inline = _INLINE.search(text)
        if inline and not _OPENING.match(text) and not _REQUEST.search(text[: inline.start()]):
            # an agenda item's own "Recommendation: Approve the minutes ...": read by `_agenda_item_decisions`
            continue
        lead_heading = _lead_heading(p.heading)
        in_section = (p.section in headed or bool(p.heading and _HEADING.match(p.heading)) or lead_heading
                      or p.number in suggested)
        opening = bool(_OPENING.match(text)) or bool(re.match(r"^\s*(?:Recommendation\s+\d+|R\d+)\b", text))
        under = led_paragraph is not None and (p.parent == led_paragraph or _under(p.number, led_paragraph))
        led_here = in_section or opening or under
        if not (led_here or _REQUEST.search(text[:200])):
            led_paragraph = None if not under else led_paragraph
            continue
        if _BACK_MATTER.match(text):
            continue
        m = re.match(r"^\s*(?:Recommendation\s+(?P<n>\d+[a-z]?)|(?P<r>R\d+))\s*[:.\-\u2013)]?\s*", text, re.I)
        number = (m.group("n") or m.group("r").upper()) if m else None
        if m:
            text = text[m.end() :]
        verb_asked = lead_verb_of(p.heading or "") if lead_heading else lead_verb if under else None
        found, awaiting = _decisions_in(text, paragraph=p.number, page=p.page, source="body",
                                        led=led_here, number=number, lead_verb=verb_asked)
        if not found and in_section and not text.rstrip().endswith(":") and (p.section, p.heading) in section_verbs and _OBLIGED.search(text):
            # under "Recommended action", among items that each "propose", one that recommends in the passive
            # ("Unless the Council can provide clear evidence ... these should also be paid") is one of them
            found, awaiting = [Recommendation(p.number, p.page, text.strip(), number,
                                              section_verbs[p.section, p.heading], "body")], False
        for r in found:
            section_verbs.setdefault((p.section, p.heading), r.verb)
        if not led_here:
            # a request outside any Recommendation(s) section asks a decision only with a decision's verb: "Clinicians
            # are asked to bear this policy in mind" (a policy's guidance) is none
            found = [r for r in found if r.verb in _DECIDING]
        (out if led_here else stray).extend(found)
        if awaiting:
            led_paragraph, lead_verb = p.number, lead_verb_of(_OPENING.sub("", text, count=1))
        elif not under:
            led_paragraph = None
    return out or stray


# a body's recommendation set as a lead-in of its own, ending in a colon: "ODUG recommends that government should:",
# "The Committee recommends:" (its items follow as blocks)
_RECOMMENDS_LEAD = re.compile(r"^[\w ,&'’()-]{1,80}?\brecommends?(?:\s+that\b(?:\s+(?:the\s+)?\w+\s+should\b)?)?\s*:\s*$")


def _cover_decisions(document: Document) -> list[Recommendation]:
    out: list[Recommendation] = []
    awaiting = False
    page = None
    empty_heading: Optional[int] = None  # the page of a "Recommendations:" block with no items of its own
    headed_pages = {s.page for s in document.sections if _HEADING.match(s.heading or "") and len(s.heading.split()) <= 3}
    # a lead-in the segmenter kept as a heading ("ODUG recommends that:"): its items are the blocks on its page
    lead_pages = {s.page: s.heading for s in document.sections if _lead_heading(s.heading) and not s.number}
    clause = False
    under_heading = False  # the items awaited are under a "Recommendations" line, not a lead-in
    motion: Optional[str] = None  # the label of a "MOTION:" line whose clause comes next
    for b in document.blocks:
        if not awaiting:
            under_heading = False
        text = b.text.strip()
        if b.page in lead_pages and not (awaiting and b.page == page):
            lead = lead_pages[b.page]
            found, _ = _decisions_in(text, paragraph=None, page=b.page, source="cover", led=True,
                                     lead_verb=lead_verb_of(lead), clause=bool(re.search(r"that\W*$", lead, re.I)))
            if found:  # the first block on the page that decides starts the run; the first that does not ends it
                out += found
                awaiting, page, clause = True, b.page, bool(re.search(r"that\W*$", lead, re.I))
                del lead_pages[b.page]
                continue
        if len(text) < 200 and _INVITATION.match(text):
            # "We invite SC20 to:" set as a line of its own: the blocks after it are the decisions it asks
            awaiting, page, clause = True, b.page, False
            continue
        if _RECOMMENDS_LEAD.search(text) and len(text) < 200:
            # "ODUG recommends that government should:", "The Panel recommends:": the blocks after it are its items
            awaiting, page, clause = True, b.page, bool(re.search(r"that\W*$", text, re.I))
            continue
        if _HEADING_ALONE.fullmatch(text):
            awaiting, page = True, b.page  # "Recommendation" set as a line of its own: its items follow
            under_heading = True
            continue
        if _MOTION_ALONE.fullmatch(text):
            # "MOTION:" set as a line of its own over the clause it moves ("That the Zoning Bylaw ... be amended
            # ..."): the decision asked, labelled so
            awaiting, page, clause, motion = True, b.page, True, "MOTION"
            continue
        if (not awaiting or b.page != page) and b.page in headed_pages and re.match(r"^That\s+\S", text):
            # "That Barking and Dagenham Council be advised ..." on a page headed "Recommendation" (a heading the
            # segmenter kept as a section, the decision as a block)
            found, _ = _decisions_in(text, paragraph=None, page=b.page, source="cover", led=True)
            out += found
            continue
        if awaiting and b.page == page:
            if _BACK_MATTER.match(text) or _HEADING.match(text) and not _OPENING.match(text):
                awaiting = False
                continue
            if out and out[-1].source == "cover" and out[-1].number and not _LABEL.match(text):
                awaiting = False  # after labelled items ("1. Note ...", "2. Approve ..."), unlabelled text ends them
                continue
            if motion:
                # a motion moves one clause, whole ("That the Zoning Bylaw ..., Chapter 5. DISTRICT REGULATIONS be
                # amended ..."; its "5." is no item); what follows it is the text it enacts
                verb = verb_of(text, True) if re.match(r"(?i)^that\s", text) else None
                motion, awaiting = (None, False) if verb else (motion, awaiting)
                if verb:
                    out.append(Recommendation(None, b.page, text, "MOTION", verb, "cover"))
                    continue
            found, _ = _decisions_in(text, paragraph=None, page=b.page, source="cover", led=True, clause=clause)
            if not found and under_heading:
                # "Recommendations" / "In the short term ... should continue to use ... Endeavour and NHS Digital should
                # look to harmonise ...": a briefing's recommendations as sentences, each asking with its modal
                found = [Recommendation(None, b.page, sentence, None, verb, "cover")
                         for sentence, verb in _modal_sentences(text)]
            if found:
                out += found
                continue
            if text.endswith(":") and _LEAD.search(text):
                continue  # the lead-in between the heading and its items ("The Cabinet Member is requested to:")
            awaiting, clause = False, False
        shouted = _RUN_IN_HEADING.match(text)
        if shouted and _REQUEST.search(text[shouted.end(): shouted.end() + 200]):
            text = text[shouted.end():]  # "CONCLUSION The Planning Commission is being asked to review and consider ..."
        if _OPENING.match(text) or _REQUEST.search(text[:200]) and re.match(
                r"^\s*(?:recommend|the\s+\w+\s+(?:is|are)|the\s+(?:[A-Z]\w+\s+){1,4}(?:is|are)|it\s+is)", text, re.I):
            found, waiting = _decisions_in(text, paragraph=None, page=b.page, source="cover",
                                           led=bool(_OPENING.match(text)))
            out += found
            awaiting, page = waiting or bool(found), b.page
            if not found and _OPENING.match(text) and empty_heading is None:
                empty_heading = b.page
    if not out and empty_heading is not None:
        out = _cover_items_as_paragraphs(document, empty_heading)
    return out


# what a sentence asks with its modal: "... should continue to use" CONTINUE, "... should look to harmonise" LOOK,
# "... should be initiated" INITIATE (a participle's base), "... must now publish" PUBLISH
_MODAL_HEAD = re.compile(r"\b(?:should|must|ought\s+to)\s+(?:(?:also|now|urgently|then|further|jointly|immediately)\s+)*"
                         r"(?P<be>be\s+)?(?P<verb>[a-z][a-z-]{2,})\b")
# a sentence that goes on with the item before it rather than starting one: "As part of the development process ...",
# "This should ...", "It should also ..."
_GOES_ON_ITEM = re.compile(r"(?i)^(?:as|also|in\s+addition|additionally|furthermore|this|these|that|those|it|they|such|"
                           r"where|when|if|otherwise)\b")


def _modal_sentences(text: str) -> list[tuple[str, str]]:
    """(item, verb) for each recommendation a block under a "Recommendations" line makes in sentences: a sentence
    with "should" or "must" and its verb starts an item; one that has none, or opens by going on from the last ("As
    part of ...", "This ..."), belongs to the item before it.  None when the block's first sentence asks nothing."""
    sentences = [x.strip() for x in re.split(r"(?<=[.!?])\s+(?=[A-Z(\d“\"])", " ".join(text.split())) if x.strip()]
    items: list[tuple[str, str]] = []
    for i, sentence in enumerate(sentences):
        m = _MODAL_HEAD.search(sentence)
        verb = None
        if m and m.group("verb") not in _NOT_MODAL_VERBS and not m.group("verb").endswith("ing"):
            verb = _participle_base(m.group("verb")) if m.group("be") else m.group("verb").upper()
            if m.group("be") and not m.group("verb").endswith("ed"):
                verb = None
        if verb and (not items or not _GOES_ON_ITEM.match(sentence)):
            items.append((sentence, verb))
        elif items:
            items[-1] = (f"{items[-1][0]} {sentence}", items[-1][1])
        elif i == 0:
            return []
    return items


# a motion's label alone on its line: "MOTION:", "Main Motion", "PROPOSED MOTION:"
_MOTION_ALONE = re.compile(r"\W*(?:(?:main|proposed|draft|substitute)\s+)?motion\s*:?\s*", re.I)
# a heading in capitals run into its block's text: "CONCLUSION The Planning Commission is being asked to ..."
_RUN_IN_HEADING = re.compile(r"^(?:CONCLUSIONS?|RECOMMENDATIONS?|RECOMMENDED\s+ACTION|ACTION|DECISION|SUMMARY)\s+(?=[A-Z][a-z])"
                             # an agenda's part in capitals: "CONSENT CALENDAR It is recommended that items 13 ..."
                             r"|^(?:[A-Z]{3,}\s+){1,3}(?=It\s+is\s+recommended\s)")


def _cover_items_as_paragraphs(document: Document, page: int) -> list[Recommendation]:
    """A cover's "Recommendations:" whose items the segmenter numbered as paragraphs ("1. Note the consultation
    statement ...", "2. Approve a final round ..."): the plain-numbered paragraphs on that page that open with a
    decision verb, up to the body's first dotted number."""
    out: list[Recommendation] = []
    for p in document.paragraphs:
        if p.page < page:
            continue
        if p.page > page or "." in p.number or p.kind is ParagraphKind.QUESTION:
            break
        if _BACK_MATTER.match(p.text):
            break
        found, _ = _decisions_in(p.text, paragraph=p.number, page=p.page, source="cover", led=True,
                                 number=p.label if hasattr(p, "label") else p.number)
        out += found
    return out


def _key(r: Recommendation, n: int = _FIRST_WORDS) -> tuple:
    words = re.findall(r"[a-z0-9]+", r.text.lower())
    if words and r.verb and words[0] == r.verb.lower():
        words = words[1:]
    return (r.verb, tuple(words[:n]))


# an agenda item that opens with the decision it asks, its verb in capitals: "AUTHORIZE the Chief Executive Officer
# to execute ...", "RECEIVE AND FILE State and Federal Legislative Report.", "C. ADOPT the Measure M Master
# Guidelines; and" (after the item's number or letter)
_SHOUTED = re.compile(r"^\s*(?:(?:\(?[A-Za-z]\)|\(?\d{1,3}[a-z]?[.)]|[A-Z][.)]|\d{1,3}\.\d{1,2}\.?)\s+)?"
                      r"(?P<verb>[A-Z]{4,})(?:\s+AND\s+[A-Z]{4,})?\s+(?P<next>\S+)")


def _shouted(text: str) -> Optional[Recommendation]:
    m = _SHOUTED.match(text)
    if not m or _VERB_FORMS.get(m.group("verb")) != m.group("verb") or text.rstrip().endswith(":"):
        return None  # "REQUESTS FOR ITEMS ...", "ADOPT staff recommended position:" (a stem, its items follow)
    letters = [c for c in text[:80] if c.isalpha()]
    if sum(c.isupper() for c in letters) > 0.8 * len(letters):
        return None  # a heading in capitals: "REQUEST FOR ITEMS TO BE PLACED ON CONSENT AGENDA"
    after = m.group("next")
    if after.isupper() and len(after) > 3 and after not in ("CEO",):  # a heading in capitals: "APPROVE THE MINUTES"
        return None
    if len(text.split()) < 4 or _BACK_MATTER.match(text):
        return None
    body = text[m.start("verb"):].strip()
    return Recommendation(None, 0, body, None, verb_of(body, True) or _VERB_FORMS[m.group("verb")], "body")


def _shouted_decisions(document: Document, others: int = 0) -> list[Recommendation]:
    """The items of an agenda that each open with the decision's verb in capitals, from its paragraphs and its
    blocks as they are (however the segmenter split the agenda): when at least two do, they are its decisions."""
    out: list[Recommendation] = []
    for p in document.paragraphs:
        if p.kind is ParagraphKind.QUESTION:
            continue
        for part in [p.text]:
            r = _shouted(part.strip())
            if r:
                out.append(Recommendation(p.number, p.page, r.text, p.label if hasattr(p, "label") else p.number,
                                          r.verb, "body"))
    for b in document.blocks:
        r = _shouted(b.text.strip())
        if r:
            out.append(Recommendation(None, b.page, r.text, None, r.verb, "cover"))
    for s in document.sections:  # an item the segmenter set as a heading ("C. AUTHORIZE the Chief Executive ...")
        r = _shouted((s.heading or "").strip())
        if r and s.number is None:
            out.append(Recommendation(None, s.page, r.text, None, r.verb, "body"))
    return out if len(out) + others >= 2 else []  # `others`: such items read inside agenda item paragraphs


_LETTER = re.compile(r"^\(?[A-Za-z]\)?\.?$")


def _lettered_after_lead(document: Document) -> list[Recommendation]:
    """An agenda item's "RECOMMENDATION: It is recommended that the City Council:" set as a block and its items
    "A. Appoint Council Member ...", "B. Authorize the Finance Manager ..." set as the item's lettered paragraphs:
    on the lead's page or the next, each lettered paragraph that opens with a decision verb."""
    pages = {b.page for b in document.blocks
             if b.text.strip().endswith(":") and _LEAD.search(b.text) and len(b.text) < 200}
    groups: dict[tuple, list[tuple[Any, Optional[str]]]] = {}
    for p in document.paragraphs:
        if not (p.page in pages or p.page - 1 in pages) or not _LETTER.match((p.label or "").strip()):
            continue
        first = re.match(r"^\W*([A-Z][a-z]+|[A-Z]{4,})\b", p.text)
        verb = None
        if first and _VERB_FORMS.get(first.group(1).upper()) == first.group(1).upper():  # "Comments by ..." asks nothing
            verb = verb_of(p.text, True)
        groups.setdefault((p.section, p.parent), []).append((p, verb))
    out: list[Recommendation] = []
    for items in groups.values():
        # the decisions a lead asks for are most of its list; a minute's list where a few items happen to open
        # with a verb ("Monitor budget", "Approve the writing off ...", "Catering/school meals" as matters for the
        # next agenda) asks nothing
        if 2 * sum(1 for _, verb in items if verb) <= len(items):
            continue
        out += [Recommendation(p.number, p.page, p.text.strip(), p.label, verb, "body") for p, verb in items if verb]
    return out


def _inline_blocks(document: Document) -> list[Recommendation]:
    """An agenda item set as one block, its number and title then its own "Recommendation: Approve the Minutes of
    ..." ("B. Approval of Minutes (Takaoka) Recommendation: ..."): what follows the label, as for a paragraph."""
    out: list[Recommendation] = []
    for b in document.blocks:
        text = b.text.strip()
        inline = _INLINE.search(text)
        if inline and not _OPENING.match(text) and not _REQUEST.search(text[: inline.start()]):
            found, _ = _decisions_in(text[inline.end():], paragraph=None, page=b.page, source="cover", led=True)
            out.extend(found)
    return out


# ---------------------------------------------------------------- decisions named by a noun, scoped by a heading
# an agenda that lists its decisions as noun phrases under a heading that scopes them: "L. Items for Approval" /
# "1. Recommended by Corporate Services Approval of Amendment No. 1 ...", "Recommendation for approval of the minutes
# ..."; each item's verb is its noun's (Approval APPROVE), a participle ("Resolution approving" APPROVE), a clause
# ("Recommends that the Board approve"), what it is introduced for ("for Consideration" CONSIDER), else the heading's
_NOUN_VERBS = {"approval": "APPROVE", "adoption": "ADOPT", "authorization": "AUTHORIZE", "authorisation": "AUTHORISE",
               "ratification": "RATIFY", "consideration": "CONSIDER", "confirmation": "CONFIRM",
               "appointment": "APPOINT", "acceptance": "ACCEPT", "endorsement": "ENDORSE", "decision": "DECIDE"}
_NOUNS = "|".join(_NOUN_VERBS)
_SCOPING = re.compile(r"(?i)^\W*(?:[A-Z0-9]{1,3}[.)]\s*)?(?:(?:consent\s+)?items?|matters?|business)\s+"
                      r"(?:recommended\s+)?for\s+(" + _NOUNS + r")\W*$")
_RECOMMENDATION_FOR = re.compile(r"^\W*Recommendations?\s+(?:for|of)\s+(?:the\s+)?(" + _NOUNS + r")\b", re.I)
# where the decision starts in an item introduced by who sends it: "Recommended by Water System Approval of ...",
# "Introduced by Board President McClain-Hill for Consideration Motion Regarding ..."
_CUE = re.compile(r"\bfor\s+(?P<for>" + _NOUNS + r")\s+(?=[A-Z])"
                  r"|(?-i:\b(?P<noun>Approval|Adoption|Authori[sz]ation|Ratification|Confirmation|Appointment|"
                  r"Acceptance|Endorsement)\b)(?=\s+(?:of|to|for)\b)"
                  r"|(?-i:\b(?P<clause>Recommends?\s+that)\b)"
                  r"|(?-i:\b(?P<act>Resolution|Ordinance|Motion)\b)", re.I)
_INTRODUCED = re.compile(r"^\W*(?:Recommended|Introduced|Submitted|Presented|Sponsored|Requested|Proposed)\s+by\b")


def _noun_decision(item: str, fallback: Optional[str]) -> Optional[tuple[str, str]]:
    """(verb, text) of an item named by a noun (see above), or None when it names no decision."""
    item = item.strip()
    m = _RECOMMENDATION_FOR.match(item)
    if m:
        return _NOUN_VERBS[m.group(1).lower()], item
    start = 0
    if _INTRODUCED.match(item):
        cue = _CUE.search(item, 0, 200)
        if not cue:
            return (fallback, item) if fallback else None
        start = cue.end() if cue.group("for") else cue.start()
        if cue.group("for"):
            fallback = _NOUN_VERBS[cue.group("for").lower()]
    text = item[start:].strip()
    if not text:
        return None
    first = re.match(r"^\W*(?-i:([A-Z][a-z]+))\b(?:\s+(?:of|to|for)\b)?", text)
    if first and first.group(1).lower() in _NOUN_VERBS and first.group(0) != first.group(1):
        return _NOUN_VERBS[first.group(1).lower()], text
    if re.match(r"^\W*Recommends?\s+that\b", text):
        verb = verb_of("That" + text[re.match(r"^\W*Recommends?\s+that", text).end():], True)
        return (verb or fallback, text) if (verb or fallback) else None
    act = re.match(r"^\W*(?:Resolution|Ordinance|Motion)\s+(?:No\.?\s*\S+\s+)?([a-z]+ing)\b", text)
    if act:
        p = act.group(1)[:-3].upper()
        for stem in (p, p + "E", p[:-1] if len(p) > 2 and p[-1] == p[-2] else p):
            if stem in _VERB_FORMS:
                return _VERB_FORMS[stem], text
    verb = verb_of(text, True) if re.match(r"^\W*[A-Z]{4,}\b", text) else None
    if verb:
        return verb, text
    return (fallback, text) if fallback and re.match(r"^\W*[A-Z]", text) else None


def _numbered_run(texts: Sequence[tuple[str, int]]) -> list[tuple[str, str, int]]:
    """(label, item, page) of the items numbered 1, 2, 3 ... run together in the texts, in order: the run starts
    with the first text that opens "1." and ends at a text that does not open with the next number."""
    out: list[tuple[str, str, int]] = []
    expect = 1
    for text, page in texts:
        text = text.strip()
        if not re.match(rf"^{expect}[.)]\s+\S", text):
            if expect > 1:
                break
            continue
        marks = []
        pos = 0
        while True:
            m = re.compile(rf"(?:^|(?<=[.;:]\s))({expect})[.)]\s+(?=[A-Z])").search(text, pos)
            if not m:
                break
            marks.append(m)
            pos, expect = m.end(), expect + 1
        for k, m in enumerate(marks):
            end = marks[k + 1].start() if k + 1 < len(marks) else len(text)
            out.append((m.group(1), text[m.end():end].strip(), page))
    return out


def _scoped_decisions(document: Document) -> list[Recommendation]:
    """Items named by a noun: under a heading that scopes them as decisions ("Items for Approval", "Consent Items
    Recommended for Adoption"), the paragraphs it heads and the numbered items run together in the blocks on its
    pages; anywhere, an item that opens "Recommendation for approval of ...".  See `_noun_decision`."""
    out: list[Recommendation] = []
    sections = list(document.sections)
    for k, s in enumerate(sections):
        m = _SCOPING.match(s.heading or "")
        if not m:
            continue
        fallback = _NOUN_VERBS[m.group(1).lower()] if m.group(1).lower() in ("approval", "adoption") else None
        last = sections[k + 1].page if k + 1 < len(sections) else document.source.pages
        for p in document.paragraphs:
            if (p.heading or "").strip() == s.heading.strip() and p.kind is not ParagraphKind.QUESTION:
                found = _noun_decision(p.text, fallback)
                if found:
                    out.append(Recommendation(p.number, p.page, found[1], p.label, found[0], "body"))
        blocks = [(b.text, b.page) for b in document.blocks if s.page <= b.page <= last]
        for label, item, page in _numbered_run(blocks):
            found = _noun_decision(item, fallback)
            if found:
                out.append(Recommendation(None, page, found[1], label, found[0], "body"))
    for p in document.paragraphs:
        if _RECOMMENDATION_FOR.match(p.text):
            out.append(Recommendation(p.number, p.page, p.text.strip(), p.label, _noun_decision(p.text, None)[0], "body"))
    for b in document.blocks:
        if _RECOMMENDATION_FOR.match(b.text):
            out.append(Recommendation(None, b.page, b.text.strip(), None, _noun_decision(b.text, None)[0], "cover"))
    return out


# "APPROVE:", "ADOPT staff recommended position:": a stem whose verb every lettered item after it takes ("A. Emilie
# Elias, the recommended nominee for ...", "A. TBD - California Global Warming Solutions Act ... SUPPORT"), the items
# set as headings or blocks however the segmenter split them; an item with its own verb in capitals keeps it (found
# by `_shouted_decisions`)
_STEM = re.compile(r"^\W*(?P<verb>[A-Z]{4,}(?:\s+AND\s+[A-Z]{4,})?)(?:\s+[A-Za-z ]{1,40})?\s*:\s*$")
_LETTERED = re.compile(r"^\s*\(?(?P<letter>[A-Z])[.)]\s+(?P<text>\S.*)$", re.S)


def _stem_decisions(document: Document) -> list[Recommendation]:
    out: list[Recommendation] = []
    sections = list(document.sections)
    for k, s in enumerate(sections):
        m = _STEM.match(s.heading or "")
        verb = m and m.group("verb")
        if not verb or not all(w == "AND" or _VERB_FORMS.get(w) == w for w in verb.split()):
            continue
        after = []  # the lettered headings right after the stem
        for t in sections[k + 1:]:
            lm = _LETTERED.match(t.heading or "")
            if not lm:
                break
            after.append((lm.group("letter"), lm.group("text"), t.page))
        last = sections[k + 1 + len(after)].page if k + 1 + len(after) < len(sections) else s.page + 1
        blocks = [(lm.group("letter"), lm.group("text"), b.page) for b in document.blocks
                  if s.page <= b.page <= last for lm in [_LETTERED.match(b.text)] if lm]
        page = s.page
        for letter in "ABCDEFGHIJKLMNOPQRSTUVWXYZ":
            pick = next((c for c in after if c[0] == letter and c[2] >= page), None) or \
                next((c for c in blocks if c[0] == letter and c[2] >= page), None)
            if not pick:
                break
            page = pick[2]
            text = pick[1].strip()
            if re.match(r"^\W*[A-Z]{4,}\b", text) and verb_of(text, True) in _VERB_FORMS.values():
                continue  # "B. ADOPT the Measure M Master Guidelines": its own verb
            out.append(Recommendation(None, pick[2], text, letter, " ".join(
                _VERB_FORMS.get(w, w) for w in verb.split()), "body"))
    return out


# ---------------------------------------------------------------- an agenda item read whole as one paragraph
# The agenda segmenter sets each numbered or lettered agenda item as one paragraph, its title, text and its own
# request inside: "SELECT MAYOR ... RECOMMENDATION: It is recommended that the City Council: A. Appoint ...; AND B.
# Appoint ...", "Warrants/Payroll Register RECOMMENDED ACTION: Approve and file ...", "SUBJECT: MEASURE M MASTER
# GUIDELINES CONSIDER: A. RECEIVE AND FILE report ...; B. ADOPT ...".  What the passes above read in blocks and
# headings (an older segmentation) is read here inside the paragraph's text.
# the item's decision opening with its verb in capitals after a title in capitals: "... REPORT RECEIVE AND FILE State
# and Federal ...", "... SELECTIONS APPROVE: A. Emilie ...", "... LEGISLATION ADOPT staff recommended position: A. ..."
_CAPS_VERB = re.compile(r"\b(?P<verb>[A-Z]{4,})(?:\s+AND\s+[A-Z]{4,})?(?=\s*:|\s+(?:[a-z]|[A-Z][a-z]|CEO\b))")
_SUBJECT = re.compile(r"^\s*SUBJECT\s*:\s*")


def _lettered_items(text: str) -> Optional[tuple[str, list[tuple[str, str]]]]:
    """(head, [(letter, item)]) of items lettered A., B., C. ... in order, run together in one text after a head that
    ends with a colon ("It is recommended that the City Council: A. Appoint ...; AND B. Appoint ..."); None when
    the text has no such run."""
    marks = []
    expect = "A"
    for m in re.finditer(r"(?<!\S)\(?([A-Z])[.)]\s+(?=\S)", text):
        if m.group(1) != expect:
            continue
        before = text[: m.start()].rstrip()
        if expect == "A":
            if not before.endswith(":"):
                continue
        elif not re.search(r"(?:[;:.,]|\b(?:and|AND|or|OR))$", before):
            continue
        marks.append(m)
        expect = chr(ord(expect) + 1)
    if len(marks) < 2 and not (marks and re.search(r"[A-Z]{4,}[^:]{0,40}:\s*$", text[: marks[0].start()])):
        return None  # one "A." after a stem in capitals ("ADOPT staff recommended position: A. TBD ...") is a list
    items = [(m.group(1), text[m.end(): marks[k + 1].start() if k + 1 < len(marks) else len(text)].strip())
             for k, m in enumerate(marks)]
    return text[: marks[0].start()].strip(), items


def _item_request(text: str, p, shouted: bool = False) -> list[Recommendation]:
    """The decisions in an agenda item's request (the text after its label or title); `shouted`: it opens with its
    verb in capitals, one decision unless it lettered items ("AUTHORIZE the CEO to execute a seven (7) -year lease")."""
    lettered = _lettered_items(text)
    if lettered is None and shouted:
        r = _shouted(text)
        return [Recommendation(p.number, p.page, r.text, p.label, r.verb, "body")] if r else []
    if lettered is None:
        found, _ = _decisions_in(text, paragraph=p.number, page=p.page, source="body", led=True, number=p.label)
        if not found:
            r = _shouted(text)
            if r:
                found = [Recommendation(p.number, p.page, r.text, p.label, r.verb, "body")]
        return found
    head, items = lettered
    stem = _STEM.match(head)
    stem_verb = None
    if stem and all(w == "AND" or _VERB_FORMS.get(w) == w for w in stem.group("verb").split()):
        stem_verb = " ".join(_VERB_FORMS.get(w, w) for w in stem.group("verb").split())
    out = []
    for letter, item in items:
        first = re.match(r"^\W*([A-Z][a-z]+|[A-Z]{4,})\b", item)
        own = verb_of(item, True) if first and _VERB_FORMS.get(first.group(1).upper()) == first.group(1).upper() else None
        verb = own or stem_verb
        if verb is None and _LEAD.search(head):
            verb = verb_of(item, True)
        if verb:
            out.append(Recommendation(p.number, p.page, item, f"{p.label}.{letter}" if p.label else letter, verb, "body"))
    return out


def _item_paragraph_request(text: str) -> Optional[tuple[str, bool]]:
    """The request inside an agenda item paragraph: what follows its "RECOMMENDATION:" label, or its decision
    opening with a verb in capitals after a title in capitals ("SUBJECT: STATE AND FEDERAL REPORT RECEIVE AND FILE
    State ...", and True then); None when the paragraph is no such item."""
    text = text.strip()
    inline = _INLINE.search(text)
    if inline and not _OPENING.match(text) and not _REQUEST.search(text[: inline.start()]):
        return text[inline.end():], False
    subject = _SUBJECT.match(text)
    start = subject.end() if subject else 0
    for m in _CAPS_VERB.finditer(text, start):
        if _VERB_FORMS.get(m.group("verb")) != m.group("verb"):
            continue
        title = text[start: m.start()]
        if len(title.split()) >= 2 and not re.search(r"[a-z]", title):
            return text[m.start():], True
        break
    return None


def _agenda_item_decisions(document: Document) -> list[Recommendation]:
    """Each agenda item paragraph's own request (see above)."""
    out: list[Recommendation] = []
    for p in document.paragraphs:
        if p.kind is ParagraphKind.QUESTION or _agenda_decisions(p):
            continue
        request = _item_paragraph_request(p.text)
        if request is not None:
            out.extend(_item_request(request[0], p, request[1]))
    return out


# a review's recommendation in a box of its own, its label alone above it: "Recommendation 1" / "NHS England should
# establish ..."; the box ends at the next label or at the block that answers it ("Government response to
# recommendation 1 ...")
_BOX_LABEL = re.compile(r"^\W*(?P<label>recommendation\s+(?P<n>\d{1,3}[a-z]?))\s*[:.]?\s*$", re.I)
_BOX_END = re.compile(r"^\W*(?:[\w’'-]+\s+){0,5}(?:recommendations?|response)\b", re.I)
_BOX_BLOCKS = 12


def _numbered_boxes(document: Document) -> list[Recommendation]:
    """A review's numbered recommendations printed as boxes under their labels ("Recommendation 1" .. "13", the
    government's response after each), each one decision: its label, and the verb its modal names (`modal_verb`:
    "should establish", "We recommend", "is for local ICSs to review").  Read only from a run of two labels or
    more, in order from 1; a box with no such verb is none."""
    blocks = document.blocks
    starts = [(i, _BOX_LABEL.match(b.text.strip())) for i, b in enumerate(blocks)]
    starts = [(i, m) for i, m in starts if m]
    numbers = [int(re.match(r"\d+", m.group("n")).group(0)) for _, m in starts]
    if len(starts) < 2 or numbers[0] != 1 or any(b < a for a, b in zip(numbers, numbers[1:])):
        return []
    out: list[Recommendation] = []
    for k, (i, m) in enumerate(starts):
        end = starts[k + 1][0] if k + 1 < len(starts) else len(blocks)
        box: list[str] = []
        for b in blocks[i + 1 : min(end, i + 1 + _BOX_BLOCKS)]:
            if box and _BOX_END.match(b.text):
                break
            box.append(" ".join(b.text.split()))
        text = " ".join(box).strip()
        addressed = addressed_decision(text) if text else None
        if addressed:  # "It is recommended that as a matter of urgency, the <Group> alert ...": to another body
            to, verb, decision, _ = addressed
            label = " ".join(m.group("label").split())
            out.append(Recommendation(None, blocks[i].page, decision, label[:1].upper() + label[1:], verb, "body", to,
                                      origin=REPORT))
            continue
        # a box that asks a decision in a council's words ("That Cabinet approves ...") keeps that verb; a review's
        # says who should do what
        asked = verb_of(text, led=True) if text else None
        verb = asked if asked in _DECIDING else modal_verb(text[:1500]) if text else None
        if verb:
            label = " ".join(m.group("label").split())
            out.append(Recommendation(None, blocks[i].page, text, label[:1].upper() + label[1:], verb, "body",
                                      origin=None if asked in _DECIDING else REPORT))
    return out


# a report's recommendations listed after a lead-in, each opening with what it does as a gerund: "The recommendations
# include:" / "Broadening participation in SAGE ..." / "Reforming and clarifying the structures ..."
_LISTED_LEAD = re.compile(r"\b(?:the\s+(?:main\s+|key\s+)?recommendations\s+(?:include|are)|we\s+recommend)\s*"
                          r"(?:the\s+following)?\s*:\s*$", re.I)
_GERUND_START = re.compile(r"(?:^|(?<=[.;:!?])\s+)(?=(?P<verb>[A-Z][a-z]{3,}ing)\s+[a-z])")
_NOT_GERUNDS = frozenset("during according regarding including following notwithstanding nothing something anything "
                         "everything morning evening building funding housing planning training meeting".split())


def _gerund_items(document: Document) -> list[Recommendation]:
    """The items after a lead-in that lists a report's recommendations (`_LISTED_LEAD`), in the blocks after it:
    each opens a sentence with a gerund ("Broadening ...", "Ensuring that ...") and runs to the next; the first
    block with no such item ends the list (the first item's opening line read as a heading is joined back to its
    words).  The verb is the gerund as printed."""
    blocks = document.blocks
    out: list[Recommendation] = []
    for i, b in enumerate(blocks):
        if not _LISTED_LEAD.search(b.text.strip()):
            continue
        for nxt in blocks[i + 1 : i + 8]:
            text = " ".join(nxt.text.split())
            starts = [m for m in _GERUND_START.finditer(text) if m.group("verb").lower() not in _NOT_GERUNDS]
            if not starts or (starts[0].start() > 0 and not text[:1].islower()):
                break
            if text[:1].islower() and nxt is blocks[i + 1]:
                # the first item's opening line set in bold was read as a heading ("Improving consideration of
                # the impact ... most at risk" / "in an emergency: changes should ..."): the unnumbered heading on
                # the page that opens with a gerund, joined to the words that go on from it
                head = [h for h in document.sections if h.page == nxt.page and not h.number
                        and _GERUND_START.match(h.heading or "") and h.heading.split()[0].lower() not in _NOT_GERUNDS]
                if len(head) == 1:
                    item = f"{' '.join(head[0].heading.split())} {text[: starts[0].start()].strip()}"
                    out.append(Recommendation(None, nxt.page, item, None, head[0].heading.split()[0].upper(), "body",
                                              origin=REPORT))
            for k, m in enumerate(starts):
                end = starts[k + 1].start() if k + 1 < len(starts) else len(text)
                item = text[m.start() : end].strip()
                out.append(Recommendation(None, nxt.page, item, None, m.group("verb").upper(), "body", origin=REPORT))
    return out


# ---------------------------------------------------------------- a report's own recommendations
# A paper that asks no decision of a meeting but prints its own recommendations (a Healthwatch report, a scrutiny
# review, an inspector's report) lists them under a heading or a lead-in of its own; each item says what should be
# done, its verb as printed: an imperative ("Make online forms of access ..."), a gerund ("Organising training
# sessions ..."), a noun's adjective ("Better, clearer ... messaging"), or the participle of "should be provided".
REPORT = "report"
# prose that announces the report's own list: "Below is a list of recommendations for GP practices ...", "we have four
# key recommendations for improving ...:", "These recommendations aim to support ...", "Our recommendations are:"
_REPORT_LEAD = re.compile(r"(?i)\b(?:below\s+(?:is|are)\s+(?:a\s+list\s+of\s+|the\s+|our\s+)?(?:\w+\s+){0,2}?recommendations|"
                          r"(?:we|I)\s+(?:have|make|set\s+out)\s+(?:the\s+following\s+|(?:\w+\s+){0,2}?)(?:key\s+)?"
                          r"recommendations\b[^.]{0,160}:\s*$|"
                          r"(?:our|the\s+report['’]s|the\s+review['’]s)\s+(?:key\s+)?recommendations\s+are\s*:\s*$)")
# the author's requests of the body that receives the report, as a lead-in of their own: "Healthwatch in Greater
# Manchester asks that the Q&PC / appointed member provides a written response and that that response includes:"
_ASKS_LEAD = re.compile(r"^(?:[^.]*\.\s+)?[A-Z][\w&'’-]*\s+(?:(?:[A-Z][\w&'’-]*|in|of|and|for|the)\s+){0,6}"
                        r"(?:asks?|requests?)\s+that\b[^.]{0,200}:\s*$")
# "Recommendations", "Our recommendations", "Key recommendations", "Recommendations and Ideas for Improvement"
_REPORT_HEADING = re.compile(r"(?i)^\W*(?:\d+(?:\.\d+)*\W*)?(?:our\s+|key\s+|summary\s+of\s+)?recommendations"
                             r"(?:\s+(?:and|&)\s+[\w ]{3,40})?\W*$")
# the first word of an item that is no verb of its own: an article, a pronoun, a preposition, a connective
_NO_VERB = frozenset("the a an this these those that there their our we it its all any each every in for of on at by "
                     "with from to as if when where while however also further additionally furthermore finally "
                     "firstly secondly thirdly lastly it's they you he she his her some many most more no not one "
                     "two three four five yes".split())
_PASSIVE_ASK = re.compile(r"^[^.;:]{3,200}?\b(?:should|must)\s+(?:also\s+|always\s+|now\s+)?be\s+(?P<verb>[a-z]{3,}ed)\b")
_ASK_OF = re.compile(r"(?i)\b(?:ask|request)\s+(?:of|for|to)\s+(?:the\s+)?(?:[\w&/-]+\s+){1,4}?to\s+(?P<verb>[a-z]{3,})\b")
# items run together in one paragraph, each after a sentence's end ("... the system. Getting through on the telephone
# 1. Finding ways to ... 2. Introducing a call-back ..."), a sub-heading between allowed
_GLUED_ITEM = re.compile(r"(?<=[.!?])\s+(?:(?:[A-Z][\w’'-]*)(?:\s+[\w’'-]+){0,6}?\s+)?(?P<n>\d{1,2})\.\s+(?=[A-Z][a-z])")


def _printed_verb(text: str) -> Optional[str]:
    """An item's verb as printed (see above), or None when it names none ("The online booking system should not be
    the sole option ..." says what should not be, no action)."""
    text = " ".join(text.split())
    passive = _PASSIVE_ASK.match(text)
    if passive:  # "Refreshments such as water dispensers ... should be provided"
        p = passive.group("verb").upper()
        known = next((_VERB_FORMS[x] for x in (p[:-1], p[:-2], p[:-3]) if x in _VERB_FORMS), None)
        return known or _participle_base(p)
    asked = _ASK_OF.search(text[:200])
    if asked and re.match(r"(?i)^\W*there\s+is\b", text):  # "There is also an ask of the committee to support ..."
        return asked.group("verb").upper()
    m = re.match(r"^\W*([A-Z][a-z]{2,}|[A-Z]{3,})\b(?![’'])", text)
    if not m or m.group(1).lower() in _NO_VERB or m.group(1).lower() in _NOT_GERUNDS:
        return None
    return m.group(1).upper()


def _report_item(text: str, page: int, paragraph: Optional[str] = None, number: Optional[str] = None
                 ) -> Optional[Recommendation]:
    verb = _printed_verb(text)
    if not verb or len(text.split()) < 2:
        return None
    return Recommendation(paragraph, page, " ".join(text.split()), number, verb, "body", origin=REPORT)


def _split_glued(text: str) -> list[tuple[Optional[str], str]]:
    """An item's text and the numbered items run on into it (`_GLUED_ITEM`): [(None, first), ("1", ...), ...]."""
    marks = list(_GLUED_ITEM.finditer(text))
    if not marks:
        return [(None, text)]
    out = [(None, text[: marks[0].start()].strip())]
    for k, m in enumerate(marks):
        end = marks[k + 1].start() if k + 1 < len(marks) else len(text)
        out.append((m.group("n"), text[m.end():end].strip()))
    return out


def _announced_items(document: Document) -> list[Recommendation]:
    """The numbered paragraphs on the page of a block that announces the report's recommendations (`_REPORT_LEAD`,
    `_ASKS_LEAD`), runs restarting under sub-headings included, items run together in one paragraph split."""
    out: list[Recommendation] = []
    pages = sorted({b.page for b in document.blocks
                    if (_REPORT_LEAD.search(" ".join(b.text.split())) or _ASKS_LEAD.match(" ".join(b.text.split())))
                    and not _RECORDED.search(b.text) and len(b.text) <= 600})
    for page in pages:
        run = [p for p in document.paragraphs
               if p.page == page and p.kind is ParagraphKind.PARAGRAPH and re.fullmatch(r"\d{1,2}", p.label or "")]
        if len(run) < 2 or (run[0].label or "") != "1":
            continue
        for p in run:
            for k, (label, text) in enumerate(_split_glued(" ".join(p.text.split()))):
                item = _report_item(text, p.page, p.number, (p.label if k == 0 else label))
                if item:
                    out.append(item)
    return out


def _headed_items(document: Document) -> list[Recommendation]:
    """The recommendations a report sets as sub-headings under its Recommendations heading (`_REPORT_HEADING`):
    its numbered sub-sections, each heading a recommendation in a sentence ("3.1 Place continued importance on
    equity of access"); or, under an unnumbered heading, the unnumbered sub-headings after it, each over its one
    block of prose ("Improve access across all service areas" / "With an immediate focus on ..."), paired in their
    order on the page (a block before the first, whose heading ran into it, is one too where it opens so)."""
    sections = list(document.sections)
    out: list[Recommendation] = []
    for i, head in enumerate(sections):
        if not _REPORT_HEADING.match(head.heading or ""):
            continue
        if head.number:
            subs = [s for s in sections[i + 1:] if s.number and s.number.startswith(head.number + ".")
                    and s.number.count(".") == head.number.count(".") + 1]
            subs = [s for s in subs if _sentence_heading(s.heading)]
            if len(subs) >= 2:
                for s in subs:
                    item = _report_item(s.heading, s.page, None, s.number)
                    if item:
                        out.append(item)
            continue
        subs = []
        for s in sections[i + 1:]:
            if s.number or s.page > head.page + 2 or not _sentence_heading(s.heading, 2):
                break
            subs.append(s)
        if len(subs) < 2:
            continue
        for page in sorted({s.page for s in subs}):
            on_page = [s for s in subs if s.page == page]
            blocks = [" ".join(b.text.split()) for b in document.blocks if b.page == page]
            if page == head.page:  # the heading's own lead-in prose comes first
                blocks = [b for b in blocks if not re.search(r"(?i)\brecommendations?\b", b)] or blocks
            if len(blocks) < len(on_page):
                continue
            spare = len(blocks) - len(on_page)
            for b in blocks[:spare]:
                item = _report_item(b, page) if page != head.page and _sentence_heading(" ".join(b.split()[:8]), 2) else None
                if item:
                    out.append(item)
            for s, b in zip(on_page, blocks[spare:]):
                item = _report_item(f"{' '.join(s.heading.split()).rstrip('.')}. {b}", page)
                if item:
                    out.append(item)
    return out


def _sentence_heading(heading: Optional[str], least: int = 4) -> bool:
    """A heading that reads as a sentence saying what to do: `least` words or more, in sentence case (most of the
    words after the first in lower case), no "recommendation" of its own."""
    words = (heading or "").split()
    if len(words) < least or re.search(r"(?i)recommend", heading or "") or not words[0][:1].isupper():
        return False
    rest = [w for w in words[1:] if w[:1].isalpha()]
    return not rest or sum(1 for w in rest if w[:1].islower()) >= 0.5 * len(rest)


def _report_recommendations(document: Document) -> list[Recommendation]:
    return _dedupe(_headed_items(document) + _announced_items(document))


def _with_report_recommendations(recs: tuple[Recommendation, ...], report: Sequence[Recommendation]
                                 ) -> tuple[Recommendation, ...]:
    """The decisions found, with the report's own recommendations: a decision found in the same item (read there
    with a verb not as printed, "ONLINE" of "The online booking system ...") gives way to it; a decision asked of
    the meeting (a decision's verb, asked) wins, and the report's are then left out."""
    if not report:
        return recs

    def start(text: str) -> str:
        return " ".join(re.findall(r"\w+", text.lower())[:8])

    starts = {(r.page, start(r.text)) for r in report}
    paragraphs = {(r.page, r.paragraph) for r in report if r.paragraph}
    kept = tuple(r for r in recs if (r.page, start(r.text)) not in starts and (r.page, r.paragraph) not in paragraphs
                 and not any(start(r.text) and start(r.text) in start(x.text) for x in report if x.page == r.page))
    if any(r.kind != DECISION and r.origin != REPORT and r.verb in _DECIDING for r in kept):
        return recs
    known = {_key(r, _SAME_WORDS) for r in kept}
    return tuple(sorted(kept + tuple(r for r in report if _key(r, _SAME_WORDS) not in known), key=lambda r: r.page))


def find_recommendations_with_note(document: Document) -> tuple[tuple[Recommendation, ...], Optional[str]]:
    """(decisions, note): the note says when cover and body listed different decisions.  Also an agenda's
    decisions however its items were split: items opening with the verb in capitals, lettered items under a
    lead-in block, items set as one block with their own "Recommendation:"."""
    recs, note = _found_with_note(document)
    known = {_key(r, _SAME_WORDS) for r in recs}
    items = _agenda_item_decisions(document)
    extra = [r for r in _dedupe(items + _shouted_decisions(document, sum(1 for r in items if _SHOUTED.match(r.text)))
                                  + _lettered_after_lead(document) + _inline_blocks(document)
                                  + _scoped_decisions(document) + _stem_decisions(document)
                                  + _numbered_boxes(document) + _gerund_items(document)
                                  + _committee_formula(document) + _minuted_decisions(document)
                                  + _motions(document) + _considered_actions(document)
                                  + _session_outcomes(document))
             if _key(r, _SAME_WORDS) not in known]
    if extra:  # an agenda's decisions in capitals that no Recommendation label introduced
        recs = tuple(sorted(recs + tuple(extra), key=lambda r: r.page))
    recs = _labelled_from(recs, _numbered_boxes(document))
    # a recommendation made to another body (an inspector's, a commission's) is the report's own, not an ask
    recs = tuple(replace(r, origin=REPORT) if r.to and r.kind != DECISION else r for r in recs)
    return _with_report_recommendations(recs, _report_recommendations(document)), note


# a decision a meeting's record states: "RESOLVED that the minutes ... be confirmed ...", "RESOLVED: To set the Precept
# ...", "FURTHER RESOLVED: That the Clerk be instructed ..." (the word in capitals, or "Resolved" opening a clause
# with "that" or a colon).  An instrument's enacting clause ("NOW, THEREFORE, BE IT RESOLVED BY THE COMMISSION ...")
# is the instrument, not a decision recorded; "RESOLVED:-" over a block of what was noted names no clause; a
# resolution "to pay" in an outcome column ("resolved to pay", "Resolved to Sign") is no clause either
_RESOLVED = re.compile(r"(?<![A-Za-z])(?<!BE IT )(?<!Be it )(?<!be it )(?<!FURTHER )(?<!Further )(?<!FINALLY )"
                       r"(?<!Finally )(?:(?:FURTHER|Further)\s+)?"
                       r"(?P<verb>RESOLVED(?=\s*(?::|[\u2013\u2014-](?!\s*$))?\s*(?:\([A-Za-z0-9]{1,3}\)\s*)?(?i:that|to)\b)"
                       r"|Resolved(?=\s*(?::\s*(?i:that|to)\b|\s+that\b)))\s*(?::|[\u2013\u2014-])?\s*")
# a sentence ends at a full stop before a capital, a digit (the next minute's number run on) or the text's end; not
# after a title or an abbreviation ("Cllr.", "No.")
_SENTENCE_END = re.compile(r"\s?[.](?=\s+[A-Z(\d\u201c\"]|\s*$)")
_ABBREVIATION = re.compile(r"(?:^|\s)(?:No|no|Nos|Cllr|Cllrs|Mr|Mrs|Ms|Dr|St|Co|cf|viz|e\.g|i\.e)$")
# a resolution's lettered parts, each a clause of its own: "(A) That ...", "(B) That ..."
_RESOLVED_PART = re.compile(r"(?:^|(?<=\s))\((?P<part>[A-Za-z0-9]{1,3})\)\s+(?=(?i:that|to)\b)")
# the minute's number and title run into the text before it ("... Nothing to report. 85. RISK ASSESSMENTS RESOLVED")
_MINUTE_HEAD = re.compile(r"(?:^|\s)(?P<n>\d{1,3}(?:\.\d{1,2})?)\.?\s+[A-Z0-9][A-Z0-9’'&,/ -]{3,}\s*$")
# a motion moved in a chamber: "I move: “That the Bill be now read a Second Time.”", "I beg to move, That ..."
_MOVED = re.compile(r"\bI\s+(?:beg\s+to\s+)?move\s*[:,]?\s*[\u201c\"‘']?(?P<text>That\s.+?)[\u201d\"’']?\s*$", re.S)
_MOVE_LEAD = re.compile(r"\bI\s+(?:beg\s+to\s+)?move\s*[:,]?\s*$")
# the House's decision on the question put ("Question put and agreed to."), the formula as printed being the verb
_QUESTION_PUT = re.compile(r"^\s*(?P<verb>Question\s+put\s+and\s+(?:agreed\s+to|declared\s+(?:carried|lost)|negatived))\s*\.?\s*$")


DECISION = "decision"  # a Recommendation's kind when a meeting's record states it took it


def _clause(text: str) -> str:
    """A resolution's clause: to the end of its first sentence, without what the record says next ("Two electors
    left the meeting.", "The clerk to check the availability of the school.")."""
    m = next((m for m in _SENTENCE_END.finditer(text) if not _ABBREVIATION.search(text[: m.start()])), None)
    return " ".join((text[: m.end()] if m else text).split()).replace(" .", ".")


def _minuted_decisions(document: Document) -> list[Recommendation]:
    """The decisions a meeting's record (minutes, a chamber's debate) states it took: each "RESOLVED that ..." clause
    (`_RESOLVED`) in a paragraph or a block, labelled with its minute's number, verb RESOLVED; each motion moved ("I
    move: That ...", or the "That ..." block after a line ending "I move:" on the same page), verb MOVE; the House's
    decision on a question ("Question put and agreed to."). Ordinary discussion ("It was agreed ...", "Members
    noted ...", "resolved to pay") is not read: only the record's formulas."""
    out: list[Recommendation] = []
    units = [(p.number, p.page, p.text) for p in document.paragraphs if p.kind is not ParagraphKind.QUESTION]
    units += [(None, b.page, b.text) for b in document.blocks]
    resolved_at: Optional[tuple[int, Optional[str]]] = None  # the page and label of the last "RESOLVED: (A) That ..."
    for number, page, text in units:
        flat = " ".join(text.split())
        part = _RESOLVED_PART.match(flat)
        if part and resolved_at and resolved_at[0] == page and not _RESOLVED.search(flat):
            # "(B) That the Audit Committee notes ..." set as a block of its own under "RESOLVED: (A) That ..."
            clause = _clause(flat[part.end():])
            label = resolved_at[1]
            if len(clause.split()) >= 3:
                out.append(Recommendation(number, page, clause, f"{label} ({part.group('part')})" if label else None,
                                          "RESOLVED", "body", kind=DECISION))
            continue
        resolved_at = None
        for m in _RESOLVED.finditer(flat):
            body = flat[m.end():]
            nxt = _RESOLVED.search(body)
            region = body[: nxt.start()] if nxt else body
            head = _MINUTE_HEAD.search(flat[: m.start()])
            label = head.group("n") if head else number
            # "RESOLVED: (A) That the Committee notes ... (B) That the Committee notes ...": each part a decision
            parts = list(_RESOLVED_PART.finditer(region)) if _RESOLVED_PART.match(region) else []
            if parts:
                resolved_at = (page, label)
            spans = [(p.group("part"), p.end(), parts[i + 1].start() if i + 1 < len(parts) else len(region))
                     for i, p in enumerate(parts)] or [(None, 0, len(region))]
            for part, start, end in spans:
                clause = _clause(region[start:end])
                if len(clause.split()) < 3:
                    continue
                where = f"{label} ({part})" if part and label else label
                out.append(Recommendation(number, page, clause, where, "RESOLVED", "body", kind=DECISION))
        moved = _MOVED.search(flat)
        if moved:
            out.append(Recommendation(number, page, _clause(moved.group("text")), None, "MOVE", "body", kind=DECISION))
        put = _QUESTION_PUT.match(flat)
        if put:
            verb = " ".join(put.group("verb").split())
            out.append(Recommendation(number, page, f"{verb}.", None, verb, "body", kind=DECISION))
    lead_pages = {s.page for s in document.sections if _MOVE_LEAD.search(" ".join((s.heading or "").split()))}
    lead_pages |= {b.page for b in document.blocks if _MOVE_LEAD.search(" ".join(b.text.split()))}
    for page in sorted(lead_pages):
        first = next((b for b in document.blocks if b.page == page and b.text.lstrip().startswith("That ")), None)
        if first is not None:
            out.append(Recommendation(None, page, _clause(" ".join(first.text.split())), None, "MOVE", "body",
                                      kind=DECISION))
    # in the record's order: a page's minutes by their numbers (paragraphs and blocks were read apart)
    return sorted(out, key=lambda r: (r.page, float(r.number) if re.fullmatch(r"\d{1,3}(?:\.\d{1,2})?", r.number or "")
                                      else float("inf")))


# a motion as a board's minutes or an agenda print it: "Motion to accept the Consent Agenda unanimously.", "Motion to
# Adjourn the meeting.", "MOTION TO APPROVE the minutes": the verb is the word after "to", whatever it is
_MOTION = re.compile(r"(?P<text>(?:Motion|MOTION)\s+(?:(?:was\s+)?made\s+)?(?i:to)\s+"
                     r"(?P<verb>[A-Za-z][a-z]{2,}|[A-Z]{3,})\b.*)$", re.S)
# the record that a motion was moved and voted on: "Motion made by: ...", "seconded by", "Carried", "Voting:"
_MOTION_RECORD = re.compile(r"(?i)\b(?:(?:motion\s+)?(?:made|moved|seconded)\s+by\b|carried\b|voting\s*:|"
                            r"(?:unanimously\s+)?(?:approved|passed|adopted|defeated|failed)\b)")
_MOTION_MOVED = re.compile(r"(?i)\b(?:motion\s+)?(?:made|moved|seconded)\s+by\b|\bvoting\s*:")
_NOT_MOTION_VERBS = frozenset("the a an be this that".split())
# motions on how the meeting itself runs, asked in an agenda: its business, not a decision it is asked to take
_PROCEDURAL = frozenset("ADJOURN EXCUSE RECESS RECONVENE WAIVE SUSPEND".split())
_OWN_AGENDA = re.compile(r"(?i)\bamend\s+(?:the\s+)?agenda\b")


def _motions(document: Document) -> list[Recommendation]:
    """Motions printed as "Motion to <verb> ...": in a meeting's record (moved, seconded and voted on in the words
    after it or in a block of its page: "Motion made by: ... Motion seconded by: ... Voting: Unanimously Approved"),
    decisions taken, verb as printed; in an agenda, what the meeting is asked to decide, except its motions on how it
    runs (to adjourn, excuse absence, waive a reading, amend the agenda).  A motion's mention in a
    sentence ("by a single motion and vote") is none: the word opens its own sentence."""
    out: list[Recommendation] = []
    units = [(p.number, p.label, p.page, p.text) for p in document.paragraphs if p.kind is not ParagraphKind.QUESTION]
    units += [(None, None, b.page, b.text) for b in document.blocks]
    recorded_pages = {b.page for b in document.blocks if _MOTION_MOVED.search(" ".join(b.text.split()))}
    for number, label, page, text in units:
        flat = " ".join(text.split())
        for m in re.finditer(r"(?:Motion|MOTION)\s", flat):
            motion = _MOTION.match(flat, m.start())
            if not motion or motion.group("verb").lower() in _NOT_MOTION_VERBS:
                continue
            before = flat[: m.start()].rstrip()
            if before and not (before.endswith((".", ":", ";", ")")) or re.search(r"(?:^|\s)[A-Z][\w’'-]*$", before)):
                continue  # "... passed the Motion to ...": a motion's mention; opening its sentence or after an item's title
            if re.search(r"(?:^|\s)(?:The|A|An|This|That|Each|No)$", before):
                continue
            clause = _clause(motion.group("text"))
            if len(clause.split()) < 3:
                continue
            after = flat[m.start() + len(clause): m.start() + len(clause) + 300]
            decided = bool(_MOTION_RECORD.search(after)) or page in recorded_pages
            if not decided and (motion.group("verb").upper() in _PROCEDURAL or _OWN_AGENDA.search(clause)):
                continue  # an agenda's motion on how the meeting runs ("Motion to adjourn", "to waive full reading")
            out.append(Recommendation(number, page, clause, label, motion.group("verb").upper(), "body",
                                      kind=DECISION if decided else "recommendation"))
    return out


# an agenda's item asking for an action: "Consider action to adopt Ordinance No. 1286 ...", "Consider a motion to
# authorize ...", "Discussion and possible action to approve ...": the verb after "to", whatever it is
_CONSIDER = re.compile(r"^\W*(?:(?:consider|discussion\s+and\s+(?:possible\s+)?|possible)\s*)(?:action|a\s+motion)\s+to\s+"
                       r"(?P<verb>[a-z]{3,})\b", re.I)


def _considered_actions(document: Document) -> list[Recommendation]:
    """Agenda items that open by asking the meeting to consider an action: each a decision asked, its verb the word
    after "to" ("hire", "exonerate": not only the usual verbs), its text the item's first sentence."""
    out: list[Recommendation] = []
    for p in document.paragraphs:
        flat = " ".join(p.text.split())
        m = _CONSIDER.match(flat)
        if m and m.group("verb").lower() not in _NOT_MOTION_VERBS:
            out.append(Recommendation(p.number, p.page, flat, p.label, m.group("verb").upper(), "body"))
    return out


# a session's record of what it decided, under its "Outcomes" heading, each paragraph opening with the session's name
# and the verb in the past ("SC21 thanked the SSP ...", "SC21 recommended the SSP to collaborate ...", "The Committee
# noted ..."): the way a scientific committee's or an international body's summary report sets out its decisions
_OUTCOMES_HEADING = re.compile(r"(?i)^\W*(?:\d+(?:\.\d+)*\W*)?(?:agreed\s+)?outcomes?\W*$")
_SESSION_SUBJECT = re.compile(r"^(?P<who>(?:The\s+)?[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*){0,3})\s+(?:also\s+|further\s+)?"
                              r"(?P<verb>[a-z]{3,}ed)\b(?!\s+by\b)")
# a session's own name: its code ("SC21", "TCC19", "WCPFC22") or the meeting named by its kind
_SESSION_NAME = re.compile(r"^(?:[A-Z]{2,8}\d{1,3}|The\s+(?:(?:Scientific|Technical|Executive|Standing)\s+)?"
                           r"(?:Committee|Commission|Meeting|Conference|Council|Board|Assembly|Plenary))$")


def _session_outcomes(document: Document) -> list[Recommendation]:
    """The decisions a session's record states under its "Outcomes" heading: the paragraphs that open with the
    session's name and a verb in the past, verb as printed.  The session is the subject most of them open with
    (two or more), or its name ("SC21", "The Committee") where one alone does; the other paragraphs under the
    heading (a report "is included as Attachment J", what a small group "provided") are what it records, not what
    it decided.  A decision it states it took, not one asked (kind "decision")."""
    groups: dict = {}
    for p in document.paragraphs:
        if p.kind is ParagraphKind.PARAGRAPH and _OUTCOMES_HEADING.match(p.heading or ""):
            groups.setdefault((p.section, p.heading), []).append(p)
    out: list[Recommendation] = []
    for paragraphs in groups.values():
        opened = [(p, _SESSION_SUBJECT.match(" ".join(p.text.split()))) for p in paragraphs]
        subjects = [m.group("who") for _, m in opened if m]
        if not subjects:
            continue
        who = max(subjects, key=subjects.count)
        if subjects.count(who) < 2 and not _SESSION_NAME.match(who):
            continue
        for p, m in opened:
            if m and m.group("who") == who:
                out.append(Recommendation(p.number, p.page, " ".join(p.text.split()), p.label,
                                          m.group("verb").upper(), "body", kind=DECISION))
    return out


# a committee's report in the formula of US city councils: "Your Committee on ... begs leave to recommend that Your
# Honorable Body DO PASS the proposed ordinance ...", "... DO NOT PASS the sundry proposed ordinance(s) ...": the
# decision is the capitals after the addressee and what they govern, to the end of the sentence
_COMMITTEE_FORMULA = re.compile(
    r"\brecommends?\s+that\s+(?:Your|the)\s+Honou?rable\s+Body\s+"
    r"(?P<text>(?P<verb>(?:DO\s+(?:NOT\s+)?|NOT\s+)?[A-Z]{3,}(?:\s+(?:AND|ON|TO)\s+[A-Z]{3,})*)\s+(?=[a-z(])[^.:]{3,600}(?:[.:]|$))")


def _committee_formula(document: Document) -> list[Recommendation]:
    out: list[Recommendation] = []
    for b in document.blocks:
        if "Honorable Body" not in b.text and "Honourable Body" not in b.text:
            continue  # the cheapest sign of the formula
        for m in _COMMITTEE_FORMULA.finditer(" ".join(b.text.split())):
            out.append(Recommendation(None, b.page, m.group("text").strip(), None,
                                      " ".join(m.group("verb").split()), "body"))
    return out


def _labelled_from(recs: tuple[Recommendation, ...], boxes: Sequence[Recommendation]) -> tuple[Recommendation, ...]:
    """A decision read from a block without the box label printed above it ("Recommendation 1"), or with only the
    body's code for it ("009/11"), takes the label of the box that holds the same decision."""
    labels = {_key(b, _SAME_WORDS): b.number for b in boxes if b.number}
    if not labels:
        return recs
    own = {_key(b, _SAME_WORDS) for b in boxes if b.origin == REPORT}  # a review's own, read from its box too
    recs = tuple(replace(r, origin=REPORT) if _key(r, _SAME_WORDS) in own and r.kind != DECISION else r for r in recs)
    return tuple(replace(r, number=labels[_key(r, _SAME_WORDS)])
                 if _key(r, _SAME_WORDS) in labels and (r.number is None or _CODE.fullmatch(f"({r.number})")) else r
                 for r in recs)


def _found_with_note(document: Document) -> tuple[tuple[Recommendation, ...], Optional[str]]:
    cover = _dedupe(_cover_decisions(document))
    body = _dedupe(_body_decisions(document))
    if cover and body:
        if [_key(r) for r in cover] == [_key(r) for r in body] or {_key(r) for r in cover} <= {_key(r) for r in body}:
            return tuple(body), None
        return tuple(body), (
            f"the cover lists {len(cover)} recommendation(s) that differ from the {len(body)} in the body; "
            "the body's are shown"
        )
    return tuple(body or cover), None


def find_recommendations(document: Document) -> tuple[Recommendation, ...]:
    """The decisions the paper asks for, once, in order (see the module's docstring)."""
    return find_recommendations_with_note(document)[0]


def _dedupe(items: Sequence[Recommendation]) -> list[Recommendation]:
    seen, out = set(), []
    where: dict = {}  # the paragraphs each decision was found in
    for r in items:
        # a decision printed twice, not two that open alike ("That the executive approves the strategy for the
        # management of ..." / "... the strategy for disposal of ...")
        k = _key(r, _SAME_WORDS)
        if k in seen and len(r.text.split()) <= _STOCK_WORDS and (
                r.source == "cover" and r.paragraph is None or r.paragraph is not None and r.paragraph not in where.get(k, ())):
            # an agenda's stock decision each item asks on its own ("RECOMMENDATION: Approve.", "It is recommended
            # that the City Council receive and file."), each found in its own block or item paragraph: one per item
            out.append(r)
            where.setdefault(k, set()).add(r.paragraph)
            continue
        if k in seen:
            continue
        seen.add(k)
        where.setdefault(k, set()).add(r.paragraph)
        out.append(r)
    return out


_CONCLUSION = re.compile(r"\bconclusions?\b", re.I)


def find_conclusion(document: Document, max_paragraphs: int = 2) -> Optional[Conclusion]:
    """The last section headed Conclusion(s): its first paragraphs (or blocks on its page when unnumbered)."""
    heads = [s for s in document.sections if _CONCLUSION.search(s.heading or "")]
    for s in reversed(heads):
        paras = [p for p in document.paragraphs
                 if p.kind is ParagraphKind.PARAGRAPH and (
                     (s.number is not None and p.section == s.number) or (p.heading or "").strip() == s.heading.strip())]
        if paras:
            chosen = paras[:max_paragraphs]
            return Conclusion(s.heading.strip(), tuple(p.number for p in chosen), chosen[0].page,
                              " ".join(p.text.strip() for p in chosen))
    return None
