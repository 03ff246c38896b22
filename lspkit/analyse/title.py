"""The paper's title as a reader would name it, for the summary's heading.

In order: the cover's `Subject:` (or `Title:`) line; for minutes, their
opening line ("Minutes of a meeting of ... held on ...", without the time and
the venue); the title block the
segmenter found in the largest type on the front page (with its subtitle);
the first heading on page 1 (two heading lines joined when the first ends
mid-phrase, "Report on the Examination of the" + "Coventry Local Plan");
the PDF's own title (cut before labelled fields run into it, "AGENDA Time: 5:00 p.m. ...", and after a header
run into it, "<Board> – 19th May Lessons learned ..."; a kind of meeting paper alone, "REGULAR MEETING AGENDA",
named with its council and date; a body's name alone completed by the line naming the kind of paper under it,
"<Panel> – Minutes, 14 February 2014"); a front-page line; the PDF's title when it is a file's name,
its extension and draft marks cut, after the body's name the page is headed with.  A cover that is a contents
page is named by the line its pages repeat as their running header ("Directive on Identity Management"), else
the line above "Contents".  A candidate is never a label ("Past Pathway of Paper:
N/A", "Summary:"), the roll of a meeting ("Present: ...", "Chair: ..."), a bullet, a file name or path, a person (an inspector's
name and qualifications, "Dear ..."), an address, an Act's name on its own
("Planning and Compulsory Purchase Act 2004 (as amended)": the legal basis,
not the paper) or text that is not words (a broken font's glyph codes).  A title block's status lines ("Society
founded January 2023", "Constitution emended April 2023") are no part of the title; a part cut out of a larger paper
whose number and caption run into its text at the top of page 1 ("ARTICLE 4: Amend Zoning Bylaw - ... To see if the
Town will vote ...") is named by them.
"""
from __future__ import annotations

import re
from typing import Iterable, Optional

from ..model import Document

_LABEL = re.compile(r"^[^:]{1,60}:\s*(?:n/?a|none|nil|tbc|-|–)?\s*$", re.I)
_BULLET = re.compile(r"^\s*(?:[•\u25aa\u25cf\u2022\u2013\u2014*\-]|\(?[a-z0-9]{1,4}[.)]\s)", re.I)
# a file name or path: a backslash, two slashes between names ("C:/x/y", "a/b/c"), or a file extension
_PATH = re.compile(r"\w\\\w|[\w.-]+/[\w.-]+/[\w.-]+|\.(?:pages|pdf|docx?|wpd|rtf|odt|txt|xlsx?)\b", re.I)
# a reference printed with slashes is no path: "16/AP/4458", "PDU/0553/01", "D&P/0150c/02" (capitals and digits)
_REF_CODE = re.compile(r"^[A-Z0-9&]+(?:/[A-Z0-9&]+[a-z]?){2,}$")
_POSTNOMINAL = re.compile(r"\b(?:MRTPI|FRTPI|MCIM|MRICS|FRICS|BA|BSc|MSc|MA|MPhil|PhD|DipTP|Dip\s?TP|LLB|MCD|IHBC|CMLI)\b")
_PERSON = re.compile(r"^(?:by|dear|prepared by|author|from|(?:chaired|clerked|minuted|taken|signed|presented)\s+by)\b(?!-)",  # "BY-LAWS" is none
                     re.I)
# a contact field of the letterhead: "Tel: xxxx xxx xxxx", "E-Mail: ...", "Web site: www.gov.uk/dft"
_CONTACT = re.compile(r"^(?:tel(?:ephone)?|phone|fax|e-?mail|web\s*site|website|mobile|direct\s+(?:line|dial)|dx)\s*[:.]",
                      re.I)
# a row of people's names run together from a grid's first column ("HEATHER POUSTIE PAUL EVEMY SIMON BARNES ..."):
# eight words or more, all capitalised, not one small word nor a word that names a kind of paper or body
_SMALL_WORDS = frozenset("of and the for to in on at by with from a an &".split())
_PAPER_WORDS = re.compile(r"(?i)^(?:report|minutes|agenda|plan|policy|strategy|statement|meeting|council|committee|board|"
                          r"review|budget|notice|letter|response|consultation|framework|assessment|annual|accounts|"
                          r"regulations|order|act|bill|scheme|standards|guidance|programme|update|summary|schedule|"
                          r"application|decision|appeal|inquiry|evidence|paper|note|notes|proposal|proposals)$")


def _names_row(text: str) -> bool:
    words = text.split()
    return (len(words) >= 8 and all(w[:1].isupper() and w.replace("'", "").replace("’", "").replace("-", "").isalpha()
                                    for w in words)
            and not any(w.lower() in _SMALL_WORDS or _PAPER_WORDS.match(w) for w in words))
_PLACEHOLDER = re.compile(r"^(?:none|n/?a|nil|tbc|tba|untitled|no\s+\w+(?:\s+\w+)?)\W*$", re.I)
_NAME_AND_ROLE = re.compile(
    r"^(?:(?:mr|mrs|ms|miss|dr|cllr|councillor)\.?\s+)?[A-Z](?:\.|[a-z]+)?\s+[A-Z][a-z'’-]+(?:,|\s[-–—])\s*"
    r"(?i:the\s+)?(?i:[a-z]+\s+)?(?i:councillor|cllr|clerk|chair(?:man|person)?|mayor|officer|member|director|"
    r"inspector|president|secretary|treasurer)(?:\b|(?=\d)).*$"
)  # "R Healey, Councillor"; "Zagham Farhan - The President, Collegium ..." (a by-law's signatories under its title)
# the roll of a meeting and a paper's labelled fields: never its title
_ROLL = re.compile(r"^(?:present|attendees|attendance|in\s+attendance|apologies|chair(?:man|person)?|members?\s+present|"
                   r"officers?\s+present|dataset|time|location|venue|date)\s*:", re.I)
_POSTCODE = re.compile(r"\b[A-Z]{1,2}\d[A-Z\d]?\s*\d[A-Z]{2}\b")
_ACT_ONLY = re.compile(r"^[A-Za-z ,&'’()-]*\bAct\s+\d{4}(?:\s*\((?:as amended)\))?\.?$", re.I)
_DATE_ONLY = re.compile(
    r"^[\d\s/.,-]*(?:\w+\s+)?\d{4}[\d\s/.,-]*$"
    r"|^(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day,?\s+)?\d{1,2}(?:st|nd|rd|th)?\s+[a-z]+(?:\s+\d{4})?$",
    re.I,
)
_DANGLING = re.compile(r"\b(?:of|the|and|for|to|on|in|a|an|by|with|at|from)$", re.I)
_WORDISH = re.compile(r"[A-Za-z][a-z]+|[A-Z]{2,}")
# a body's name alone names the publisher, not the paper ("House of Commons", "MONMOUTHSHIRE COUNTY COUNCIL")
_ORGANISATION = re.compile(
    r"^(?:the\s+)?[\w&'’ ,.-]{0,60}\b(?:council|commons|lords|corporation|authority|department|ministry|inspectorate|"
    r"office|parliament|agency|customs|executive|government|ltd|limited|llp|plc|committee|cabinet|panel|board|group|"
    r"forum|partnership|association|society|district)(?:\s+\([A-Z]{2,8}\))?$",  # "... Public Library District"  # "Open Data User Group (ODUG)"
    re.I,
)
_NAME_WORDS = {"of", "and", "the", "for", "&", "on", "upon", "in", "at"}


# a kind of document followed by whose it is: "PROCEDURAL RULES OF DES MOINES CITY COUNCIL" ends with a body's name
# but is a paper's title
_KIND_OF = re.compile(
    r"^\s*(?i:the\s+)?(?i:(?:procedural|council|meeting)\s+)?(?i:(?:rules(?:\s+of\s+procedure)?|standing\s+orders|constitution|"
    r"bye-?laws|code\s+of\s+conduct|financial\s+regulations|terms\s+of\s+reference|scheme\s+of\s+delegation|minutes|"
    r"statement\s+of\s+accounts)\s+(?:of|for)\s+(?:the\s+)?)[A-Z]",
)


def _organisation(text: str) -> bool:
    """A body's name alone, every word capitalised ("House of Commons", "Licensing Committee"); "Minutes of the
    Annual General Meeting of the above Council" ends with one but is not one, nor is "Procedural Rules of Des
    Moines City Council"."""
    if _KIND_OF.match(text):
        return False
    return bool(_ORGANISATION.match(text)) and all(
        w[:1].isupper() or w.lower() in _NAME_WORDS or not w[:1].isalpha() for w in text.split())
# a heading any paper may have: it names a part, not the paper
_GENERIC = re.compile(
    r"^(?:\d+\W*)?(?:introduction|interpretation|background|contents|table of contents|summary|executive summary|purpose|"
    r"purpose of (?:the |this )?report|foreword|preface|overview|index|glossary|abbreviations|definitions|appendix|annex|"
    r"welcome and apologies|apologies|present|minutes|agenda|recommendations?|conclusions?|response|request|citation|"
    r"short\s+title|"
    r"(?:public|private|confidential|committee|cabinet)\s+report(?:\s+template)?|(?:report\s+)?template)\W*$",
    re.I,
)
# a status and date before a subtitle: "Adopted October 2013", "Published: July 2019"
_STATUS_DATE = re.compile(
    r"^(?:(?:adopted|published|approved|issued|updated|revised|draft|final|consultation draft|version \S+)\s*:?\s*)?"
    r"(?:\d{1,2}(?:st|nd|rd|th)?\s+)?(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d{4}\b\s*",
    re.I,
)
# the meeting a paper goes to and its date ("CABINET 19 JANUARY 2006"), not the paper's title
_MEETING_DATE = re.compile(
    r"^(?:the\s+)?(?:[a-z&]+\s+){0,5}(?:cabinet|council|committee|panel|board|executive|meeting|forum|assembly)"
    r"(?:\s+meeting)?\s*[,:\-–]?\s*"
    r"(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day,?\s+)?\d{1,2}(?:st|nd|rd|th)?\s+[a-z]+\s+\d{4}$",
    re.I,
)
_MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
           "November", "December"]


def _path(text: str) -> bool:
    """A file name or path in the text; a reference code with slashes ("planning application 16/AP/4458") is none."""
    for m in _PATH.finditer(text):
        whole = re.search(r"\S*" + re.escape(m.group(0)) + r"\S*", text)
        if not (whole and _REF_CODE.match(whole.group(0).strip(".,;:()"))):
            return True
    return False


# a table's column headings, not a title: "Item No Item", "No. | Description | Action by"
_COLUMN_WORDS = {"item", "items", "no", "number", "ref", "description", "action", "actions", "by", "who", "when",
                 "date", "page", "subject", "status", "owner", "details", "deadline", "minute", "agenda", "title"}


def bad_title(text: Optional[str]) -> bool:
    """True when `text` cannot be the paper's title (see the module's docstring)."""
    t = (text or "").strip()
    if len(t) < 4 or len(t) > 500:  # a resolution's title names all it resolves: 400 characters and more
        return True
    if _INSTRUMENT.match(t):  # "RESOLUTION 41425", "ORDINANCE NO. 89-2018": an instrument named by its number
        return False
    if _ROLL.match(t):  # "Present: Catherine Chisholm ...", "Chair: Dr Kieron O'Hara": who was there, not the paper
        return True
    if _ATTENDANCE.match(t):  # "ATTENDANCE AT THIS REGULAR PUBLIC MEETING (Board Members who arrive ...)"
        return True
    if _LABEL.match(t) or _BULLET.match(t) or _path(t) or _PERSON.match(t) or _PLACEHOLDER.match(t):
        return True
    if _CONTACT.match(t) or _names_row(t):  # the letterhead's "Tel: ...", a grid's column of names
        return True
    if _FRAGMENT.match(t) or _LEAD_IN.match(t):  # "is allowed" (a sentence's tail); "... have led to the following:"
        return True
    if _BYLINE.match(t):  # "POSTED Sunday 12th March by Amir Mehrkar (acting INTEROPen Chair)": who and when
        return True
    if _SENTENCES.match(t):  # "... such purposes or both. Sponsored by the Conservation Commission.": prose
        return True
    if _BODY_SENTENCE.search(t) or (t.endswith(",") and len(t.split()) >= 6):
        return True  # "... restructurings should be developed."; "... arrangements for the membership," cut mid-sentence
    if _NAME_AND_ROLE.match(t):  # "R Healey, Councillor": an apology in minutes, a person
        return True
    if len(_POSTNOMINAL.findall(t)) >= 2 or _POSTCODE.search(t) or "@" in t:
        return True
    if _ACT_ONLY.match(t) or _DATE_ONLY.match(t) or t.isdigit() or _OUTCOME_ONLY.match(t):
        return True
    if _CONTENTS.match(re.sub(r"\s+", "", t)):  # "CONT EN T", "Table of Contents": the contents list's heading
        return True
    if _TEMPLATE_NAME.search(t) or _history_only(t):  # "MINUTE TEMPLATE"; "APPROVED: April 16, 1997 AMENDED: ..."
        return True
    if _HISTORY_FIELD.match(t):  # "Original Adopted Date: Pending": a field of the paper's history, not its title
        return True
    if all(w in _COLUMN_WORDS for w in re.findall(r"[a-z]+", t.lower())):  # a table header row
        return True
    if _organisation(t) or _GENERIC.match(t) or _MEETING_DATE.match(t):
        return True
    addressee = re.match(r"^(?:an?\s+)?report\s+(?:to|for)\s+(?:the\s+)?(?P<body>.+)$", t, re.I)
    if addressee and _organisation(addressee.group("body")):  # "Report to London Legacy Development Corporation"
        return True
    if len(t.split()) == 1 and not t[:1].isupper():  # "standingorders": a file's name, not a title
        return True
    letters = sum(ch.isalpha() for ch in t)
    words = _WORDISH.findall(t)
    if letters < 0.6 * len(t.replace(" ", "")) or not words:
        return True
    # glyph-code garbage: few real words among the tokens
    if len(words) < 0.5 * len(t.split()):
        return True
    return False


_CONTENTS = re.compile(r"(?i)^(?:tableof)?contents?\W*$|^(?:index|arrangementofclauses)$")
# the tail of a sentence broken over the title's line ("is allowed"): it opens with a verb or a joining word in lower
# case, as no title does
_FRAGMENT = re.compile(r"^(?:is|are|was|were|be|been|has|have|had|will|shall|may|can|and|or|but|which|that|who|"
                       r"whose|of|to|in|on|by|with|for|from|as|at|than|then|so|if|not)\b(?!-)")
# a post's or an article's byline: "POSTED Sunday 12th March by Amir Mehrkar", "Written by ...", "Published on ... by"
_BYLINE = re.compile(r"(?i)^(?:posted|written|published|submitted|uploaded)(?:\s+(?:on\s+)?[^:]{0,40}?\d[^:]{0,20}?)?\s+by\s+(?-i:[A-Z@])")
# a body's sentence: a modal and its verb, ending with a full stop ("Recommendation 1 Processes and procedures ...
# should be developed."): what a paper says, not what it is called
_BODY_SENTENCE = re.compile(r"^(?=(?:\S+\s+){5,}).*\b(?:should|must|shall|will|would|may|can|could)\s+(?:not\s+)?"
                            r"(?:be|have|[a-z]{3,})\b[^.?!]*\.$")
# two sentences or more, twelve words or more, ending with a full stop: prose, never a title (the tail of the article
# before a warrant's article cut out with it: "... or to reimburse the Town for sums of money expended for such
# purposes or both. Sponsored by the Conservation Commission.")
_SENTENCES = re.compile(r"^(?=(?:\S+\s+){11,}).*[a-z]{2}\.\s+[A-Z][a-z]+\s.*[a-z]\.$")
# a sentence leading into a list ("Discussions amongst leaders of these networks have led to the following
# agreement:"): seven words or more ending with a colon, a body sentence, never a title
_LEAD_IN = re.compile(r"^(?:\S+\s+){6,}\S*:$")
# the name of the template a file was made from, left as its PDF title: "MINUTE TEMPLATE", "Agenda template v2"
_TEMPLATE_NAME = re.compile(r"(?i)\btemplate\b(?:\s+v?\d[\w.]*)?\W*$")
# a minute's outcome alone on its line ("• Agreed" under "3 Minutes of the last meeting"): what was decided, not a title
_OUTCOME_ONLY = re.compile(r"^(?:agreed|noted|approved|carried|resolved|accepted|none)(?:\s+unanimously)?\.?$", re.I)

# an instrument named by its number ("ORDINANCE NO. 88-2017", "RESOLUTION 41425"), and its long title under it
# ("AN ORDINANCE THAT AMENDS ...", "A RESOLUTION OF THE CITY OF ... AMENDING ...")
_INSTRUMENT = re.compile(r"^(?:ordinance|resolution|by-?law)\s+(?:no\.?\s*|number\s+)?[\w./-]*\d[\w./-]*$", re.I)
_LONG_TITLE = re.compile(r"^(?:being\s+)?an?\s+(?:ordinance|resolution|by-?law)\b", re.I)  # "Being a by-law to ..."


# an instrument's number with the body's name before it ("Town of Whitby By-law # 7749-21"), and a name under it that
# is the instrument's short title ("Election Sign By-law", "Amendment to Fence By-law # 4394-99"), not a long title
_BODY_NUMBER = re.compile(r"(?i)^(?:[\w&'’.,-]+\s+){1,8}?(?:by-?law|ordinance)\s*(?:#|no\.?|number)\s*[\w./-]*\d[\w./-]*$")
_SHORT_NAME = re.compile(r"(?i)^(?!(?:an?|being|the)\s).{0,80}\b(?:by-?law|ordinance)\b")


def _named_instrument(title: Optional[str], subtitle: Optional[str]) -> Optional[str]:
    """A by-law headed by its body and number, its name printed under them: the name, as the by-law calls itself."""
    if not (isinstance(title, str) and isinstance(subtitle, str) and _BODY_NUMBER.match(" ".join(title.split()))):
        return None
    name = " ".join(subtitle.split())
    return name if _SHORT_NAME.match(name) and len(name) <= 120 and not bad_title(name) else None


_RUN_INSTRUMENT = re.compile(r"(?:^|\s)(?P<number>(?i:ordinance|resolution|by-?law)\s+(?i:no\.?\s*|number\s+)[\w./-]*\d[\w./-]*)"
                             r"\s+(?P<long>(?i:(?:being\s+)?an?\s+(?:ordinance|resolution|by-?law))\s+(?i:to|for|of|that|"
                             r"respecting|regarding|amending|establishing)\b.*\S)$")


def _instrument(document: Document) -> Optional[str]:
    """An ordinance's or a resolution's title: its number (the PDF's title, or a line at the top of page 1) and
    the long title printed under it, "Resolution 41425: A Resolution of the City of ... amending ..."; the number
    alone when the long title is not there or its words ran together ("ANORDINANCETHATAMENDS...")."""
    # an OCR layer's space after a hyphen ("ORDINANCE NO. 2024- 06") is not in the number the page prints
    top = [_OCR_HYPHEN.sub("-", " ".join(b.text.split())) for b in document.blocks if b.page == 1][:6]
    block = document.metadata.get("title")
    # the body, the number and the long title read as one block ("THE CORPORATION OF THE DISTRICT OF OAK BAY BYLAW
    # NO. 4821 A Bylaw to establish an Alternative Tax Collection Scheme"), or as the title block, set in one type
    # ("The Corporation of the City of Belleville" / "BY-LAW Number 2019-81" / "A bylaw to establish rates ...")
    for line in top[:2] + ([_OCR_HYPHEN.sub("-", " ".join(block.split()))] if isinstance(block, str) else []):
        m = _RUN_INSTRUMENT.search(re.sub(r"\s+(?:WHEREAS|Whereas|NOW,?\s+THEREFORE|Now,?\s+therefore)\b.*$", "", line))
        if m and len(m.group("long")) <= 400 and not any(len(w) > 24 for w in m.group("long").split()):
            number = m.group("number")  # (the recitals under it, in the title block's type, are none of it)
            return f"{_title_case(number) if number.isupper() else number}: {m.group('long')}"
    title = document.metadata.get("title")
    number = next((t for t in [title if isinstance(title, str) else ""] + top[:2] if _INSTRUMENT.match(t.strip())), None)
    if not number:
        return None
    number = number.strip()
    number = _title_case(number) if number.isupper() else number
    for at, line in enumerate(top[:4]):
        # a caption in capitals names all the ordinance provides for: 400 characters and more
        if (_LONG_TITLE.match(line) and not any(len(w) > 24 for w in line.split())
                and len(line) <= (900 if line.isupper() else 400)):
            line = _long_title_lines(line, top[at + 1:])
            line = _title_case(line) if line.isupper() else line
            # a draft's number still to be given ("By-Law Number 19-XXX", "Ordinance No. ____") names nothing
            return line if _PLACEHOLDER_NUMBER.search(number) else f"{number}: {line}"
    return number


_OCR_HYPHEN = re.compile(r"(?<=\d)-\s+(?=\d)")
# where a long title's caption ends: the recitals ("WHEREAS, ...") or the enacting clause ("NOW, THEREFORE, BE IT ...")
_CAPTION_END = re.compile(r"(?i)^(?:whereas|now,?\s+therefore|be\s+it\s+(?:ordained|resolved|enacted)|section\s+\d)\b")


def _long_title_lines(line: str, rest: list[str]) -> str:
    """A long title in capitals printed over several blocks ("AN ORDINANCE OF THE CITY COMMISSION PROVIDING FOR ...
    ARTICLE 15," / "FOR THE APPLICANTS REQUIRED ..."): its blocks up to the recitals, while they stay in capitals."""
    if not line.isupper():
        return line
    for more in rest:
        if _CAPTION_END.match(more) or not more.isupper() or _INSTRUMENT.match(more) or len(line) + len(more) > 900:
            break
        line = f"{line} {more}"
    return line


_PLACEHOLDER_NUMBER = re.compile(r"(?i)(?:^|[\s#.-])(?:x{2,}|_{2,}|\?{2,}|tbc|tba)\s*$")


def _whose(title: str, document: Document) -> Optional[str]:
    """The PDF's title as page 1 prints it after the body's name, "NEW BRADWELL PARISH COUNCIL – COMPLAINTS
    PROCEDURE" for "Complaints Procedure": the body's name and the title."""
    lines = [s.heading for s in document.sections if s.page == 1 and s.heading][:3]
    lines += [b.text for b in document.blocks if b.page == 1][:3]
    for line in lines:
        m = re.match(r"^(?P<body>.{4,80}?)\s+[–—-]\s+(?P<rest>.+)$", " ".join(line.split()))
        if m and m.group("rest").strip(" .:").lower() == title.strip().lower():
            body = _title_case(m.group("body"))
            if _organisation(body):
                return f"{body} – {title.strip()}"
    return None


# the label of a meeting's roll on a line of its own ("Councillors:", "Membership:", "Other Members:"): the names
# follow it
_FIELD_LABEL = re.compile(r"(?i)^(?:(?:other|voting|non-voting|co-opted|independent|board|committee)\s+)?"
                          r"(?:councillors?|members?|membership|present|attendees|in\s+attendance|attendance|apologies|"
                          r"trustees|commissioners|directors|governors|officers(?:\s+present)?)\s*:$")


def _front_lines(document: Document) -> list[str]:
    """Short lines standing alone on the front page (unnumbered blocks), in order; the value under a field's label
    ("Councillors:" / "Angela Caldara Corinna Edge Rod Scott") is the roll's, never a line of the title block."""
    out = []
    after_label = False
    for block in document.blocks:
        text = block.text.strip()
        if block.page != 1:
            continue
        if (len(text.split()) <= 15 and not text.endswith(".") and text[:1].isupper() and not after_label):
            out.append(text)
        after_label = bool(_FIELD_LABEL.match(" ".join(text.split())))
    return out


def _joined_headings(document: Document) -> Iterable[str]:
    """Unnumbered page-1 headings (a numbered one is an agenda item or a chapter), a heading ending mid-phrase
    ("Report on the Examination of the") joined to the heading, or the front-page line, that completes it."""
    heads: list[str] = []
    items = 0
    first = next((p for p in document.paragraphs if p.page == 1), None)
    if first is not None and not first.heading:
        return  # page 1's first numbered paragraph has no heading over it: its headings come after the body began
        # (Milburn's minutes "20.01.04 Matters Arising" and its lines "Road plainings have been delivered, ...")
    for s in document.sections:
        if s.page != 1:
            break
        heading = (s.heading or "").strip()
        if s.number is not None and not (_DANGLING.search(heading) and len(heading.split()) <= 12):
            # a numbered heading is an item of the body, unless a title's first line took the page number
            # ("20" / "Report on the Examination of the"); an item run on into a label and its sentence ("2. ATTEND THE
            # MEETING IN PERSON PUBLIC COMMENT: The Planning Commission will hear ... on the") is an item still
            items += 1
            if heads or items >= 2:
                break  # the body's numbered items have begun: a heading after them ("Site Reference" over a
                # table under item 3) names a part, not the paper
            continue
        if heading:
            heads.append(heading)
    i = 0
    while i < len(heads):
        h = heads[i]
        if _DANGLING.search(h):
            if i + 1 < len(heads):
                yield f"{h} {heads[i + 1]}"
                i += 2
                continue
            for line in _front_lines(document):
                if not bad_title(line):
                    yield f"{h} {line}"
                    break
            i += 1
            continue
        yield h
        i += 1


# a subtitle that is only when the paper was made or changed: "Founded November 13, 2018 Revised November 8, 2018"
_HISTORY_WORD = re.compile(
    r"(?i)\b(?:founded|established|revised|adopted|approved|amended|updated|published|issued|ratified|effective|"
    r"draft|final|version|last|on|and|from|as|of|dated?|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*|"
    r"\d{1,4}(?:st|nd|rd|th)?)\b")


_HISTORY_FIELD = re.compile(r"(?i)^(?:original\s+|last\s+|next\s+)?(?:adopted|revised|amended|approved|effective|"
                            r"review(?:ed)?|issued?|revision)\s+date\s*:")


def _history_only(text: str) -> bool:
    return bool(re.search(r"\b\d{4}\b", text)) and not re.sub(r"[\W_]+", "", _HISTORY_WORD.sub("", text))


# a title block's second line in smaller type that goes on with the title: "Five Estates, Peckham Partnerships" /
# "in the London Borough of Southwark"
_CONTINUATION = re.compile(r"^(?:in|at|of|for|on|near|within|to|and)\s+\S")


def _continued(title: str, document: Document) -> str:
    """The title with the front page's first line when that line starts in lower case with a preposition and
    completes it (where the place is)."""
    first = next((b for b in document.blocks), None)
    if first is None or first.page != 1:
        return title
    line = " ".join(first.text.split())
    if (_CONTINUATION.match(line) and len(line.split()) <= 12 and not line.endswith((".", ":", ";"))
            and line.lower() not in title.lower() and not _path(line)):
        return f"{title} {line}"
    return title


def _interleaved(title: str, document: Document) -> str:
    """A cover's title block with a strapline's words set beside it read in among its lines ("Social Security
    Scotland Safe Digital and Technology Strategy Secure document" for the title and "Safe / Secure / Interactive
    document"): the title as the first pages print it again on its own (the inside title page's "Social Security
    Scotland Digital and Technology Strategy"), where that reprint is the block's words in order with a few stray
    words left out between them (never a shorter title that only drops the end: that is a subtitle)."""
    words = title.split()
    if len(words) < 6:
        return title
    lines = [b.text for b in document.blocks if b.page <= 2][:12]
    lines += [s.heading for s in document.sections if s.page <= 2 and s.heading][:6]
    low = [w.lower() for w in words]
    for line in lines:
        found, j = [], 0
        for w in line.split():
            k = j
            while k < len(low) and low[k] != w.lower():
                k += 1
            if k == len(low):
                break
            found.append((k, w))
            j = k + 1
        if len(found) < 4 or len(found) < 0.6 * len(words):
            continue
        idx = [k for k, _ in found]
        gaps = idx[-1] - idx[0] + 1 - len(idx)  # title words skipped between the reprint's words
        if idx[0] == 0 and 1 <= gaps <= 3 and len(words) - len(idx) <= 4:
            return " ".join(w for _, w in found)
    return title


# a subtitle that names only the kind of paper ("Staff Report" under the report's title): it adds nothing to the title
_KIND_SUBTITLE = re.compile(r"(?i)^(?:(?:staff|officer['’]?s?|committee|council|cabinet|information|briefing|decision)\s+)?"
                            r"(?:report|note|paper|memo(?:randum)?)$"
                            # a statistics office's or a press office's kind of release ("Statistical bulletin")
                            r"|^(?:statistical|press|news|media)\s+(?:bulletin|release|notice)$")


# a title block's part that is a number or an ordinal alone ("264th" set large beside the title, "No. 12"): a mark
_MARK_ONLY = re.compile(r"(?i)^\W*(?:no\.?\s*)?\d+(?:st|nd|rd|th)?\W*$")


def _completed(title: str, subtitle: Optional[str], document: Document) -> tuple[str, Optional[str]]:
    """A title block that ends mid-phrase ("Minutes of the Meeting of the", "Minutes of Meeting (no.439) of") goes
    on in the next line of the block, whatever its type size: the subtitle, else the body's name the front matter
    took from the line under it ("Broomhill Community Council"), else the front page's first line ("Monetary Policy
    Committee — Copom").  (title, subtitle) as they are when nothing completes it or it does not end so."""
    if not _DANGLING.search(title.strip()):
        return title, subtitle
    council = document.metadata.get("council")
    first = next((" ".join(b.text.split()) for b in document.blocks if b.page == 1), None)
    for line, rest in ((subtitle, None), (council, subtitle), (first, subtitle)):
        if not isinstance(line, str):
            continue
        line = " ".join(line.split())
        if (line and len(line.split()) <= 12 and line[:1].isupper() and not line.endswith((".", ":", ";"))
                and line.lower() not in title.lower() and (not bad_title(line) or _organisation(line))  # "of" whom
                and not _DATE_ONLY.match(line) and not _FULL_DATE.fullmatch(line)):
            return f"{title.strip()} {line}", rest
    return title, subtitle


# a subtitle that says which copy of the paper this is, not what it is: "Issue 1", "Issue 2, Version 3", "Version 2.1"
_ISSUE_ONLY = re.compile(r"(?i)^(?:(?:issue|version|edition|revision|rev\.?|v)\s*\d+(?:\.\d+)*(?:\s*,\s*|\s+|$))+$")


def _with_subtitle(title: str, subtitle: Optional[str]) -> str:
    sub = _STATUS_DATE.sub("", (subtitle or "").strip()).strip().rstrip(":")
    if re.match(r"^(?:of|for|on|to|by)\s+\S", sub) and not bad_title(f"{title} {sub}"):
        return f"{title} {sub}"  # "Public Consultation Paper" / "of the Committee for Family Justice": one phrase
    if not sub or _history_only(sub) or _KIND_SUBTITLE.match(sub) or _ISSUE_ONLY.match(sub) or bad_title(sub) or sub.lower() in title.lower() or _names_publisher(sub):
        return title
    body = _PLACE_BODY.match(sub)
    if body and body.end() >= len(sub.rstrip(" .,")):  # "City of Chicago" under the title: the body, not a subtitle
        return title
    return f"{title}: {sub}"


def _names_publisher(text: str) -> bool:
    """ "HM Revenue and Customs Research Report 361": the publisher and its series, not the paper's subject."""
    return bool(re.search(r"\b(?:council|customs|department|ministry|inspectorate|corporation|agency|ltd|llp)\b", text, re.I))


_MINUTES = re.compile(r"(?:draft\s+|unconfirmed\s+)?minutes\s+(?:of|from\s+(?:the|an?)\s+(?:[\w&]+\s+){0,3}meeting)\b"
                      r"(?!\s+(?:the\s+)?(?:last|previous|prior)\b)"
                      r"|(?P<notice>notice\s+of\s+(?:the\s+|an?\s+)?(?:[\w&]+\s+){0,4}meeting\b)", re.I)
_VENUE = re.compile(r"\s+(?:at\s+\d|held\s+(?:in|at)\b|in\s+(?:the\s+)?[A-Z][\w ]*\bHall\b)|[.;]\s*$")
_WHEN_WORD = re.compile(r"^(?:(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*|(?:mon|tues|wednes|thurs|fri|"
                        r"satur|sun)day)\W*$", re.I)


def _opening(line: str) -> Optional[re.Match]:
    """Where "Minutes of ..." / "Notice of the ... Meeting" opens in a front-page line: at its start, or after a
    heading run together with it in capitals ("WROXTON & BALSCOTE ANNUAL PARISH MEETING ... MINUTES OF ...")."""
    for m in _MINUTES.finditer(line):
        before = line[: m.start()].strip()
        if not before or (before.isupper() and m.group(0).isupper()):
            return m
        break
    return None


def _shouted_only(line: str) -> str:
    """A line in capitals followed by the venue in title case ("... PARISH COUNCIL Balscote Village Hall 7.30 pm"):
    the capitals; a month or a day goes on with them ("... HALL on 12th May 2025")."""
    words = line.split()
    if len(words) < 3 or not " ".join(words[:3]).isupper():
        return line
    for i, w in enumerate(words):
        if i >= 3 and re.match(r"[A-Z][a-z]", w) and not _WHEN_WORD.match(w):
            return " ".join(words[:i])
    return line


# a title block that names the body and the kind of paper ("Committee of Adjustment Minutes", "City Council
# Minutes"), run on into the lines under it: the venue ("Council Chambers, City Hall") and the date
_BODY_KIND = re.compile(r"^(?P<title>(?:(?:Draft|DRAFT)\s+)?(?:[A-Z][\w&'’.-]*\s+(?:(?:of|and|&|for|the)\s+)?){1,7}?"
                        r"(?:Minutes|MINUTES|Agenda|AGENDA))(?P<rest>(?:\s+.*)?)$")
_PLACE_WORD = re.compile(r"(?i)\b(?:chambers?|hall|room|centre|center|building|offices?|library|street|road|avenue|"
                         r"virtual|online|electronic|zoom|teams|via)\b")
# a full date, US or British style ("TUESDAY, DECEMBER 6, 2022", "Thursday 5th June 2025"); _MEETING_WHEN is it too
_DATE_TEXT = (r"(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day,?\s+)?(?:(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)"
              r"[a-z]*\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4}|\d{1,2}(?:st|nd|rd|th)?\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|"
              r"oct|nov|dec)[a-z]*\.?,?\s+\d{4})")
_FULL_DATE = re.compile(r"(?i)" + _DATE_TEXT)


def _venue_or_date(rest: str) -> bool:
    """What a title block's lines under the title say when they say only where and when: "Council Chambers, City
    Hall", "October 5, 2021", both."""
    rest = _FULL_DATE.sub(" ", rest)
    words = re.findall(r"[A-Za-z]+", rest)
    return not words or (bool(_PLACE_WORD.search(rest)) and len(words) <= 8
                         and all(w[:1].isupper() or w.lower() in _NAME_WORDS for w in words))


def _body_kind_block(document: Document) -> Optional[str]:
    """The title block "<body> Minutes" (or Agenda) in the largest type, without the venue and the date printed
    under it: what the page names the paper, before the opening line "Minutes of a Meeting of <body> held on ...
    at 6:00 p.m. in ..." (the record's first sentence) and before the block run on into its venue."""
    meta = document.metadata
    for value in (meta.get("title_block"), meta.get("title"), document.source.title):
        if not isinstance(value, str):
            continue
        m = _BODY_KIND.match(" ".join(value.split()))
        # only a block run on into its venue or date is cut ("... AGENDA – April 24, 2019" prints its date on the
        # title's line, joined; a block with nothing run on is read as before, with its subtitle)
        if m and m.group("rest").strip() and not re.match(r"\s*[\u2013\u2014,:-]", m.group("rest")) \
                and _venue_or_date(m.group("rest")):
            title = m.group("title")
            if len(title.split()) >= 2 and not bad_title(title):
                return title
    return None


def _without_date_line(title: str) -> str:
    """A title block run on into the date printed on its own line under it ("Draft Zoning Regulations MBTA
    Communities" / "August 17, 2023"): the title; the date of a meeting ("... Meeting March 23, 2010"), or one the
    title leads into ("held on ...", "as at ..."), stays."""
    m = re.search(rf"(?i)\s+(?:{_DATE_TEXT})\s*$", title)
    if not m:
        return title
    head = title[: m.start()].strip()
    if (len(head.split()) < 2 or not re.search(r"[A-Za-z]$", head) or _DANGLING.search(head)
            or re.search(r"(?i)\b(?:held|dated|as\s+at|on|meeting|minutes|agenda|hearing|session|until|ending|"
                         r"effective|updated|revised|adopted|approved)$", head)
            or re.search(r"(?i)\b(?:meeting|minutes|agenda|hearing|session|sitting)\b", head) or bad_title(head)):
        return title
    return head


_HELD_ON = re.compile(r"(?i)^held\s+on\s+(?P<when>" + _DATE_TEXT + r")\b")


def _minutes_line(document: Document) -> Optional[str]:
    """Minutes that open "Minutes of a meeting of the above Council held on Monday 19th August 2019 at 7.00 pm
    in ... Hall.": that line, the council named, without the time and the venue; a notice of a meeting likewise."""
    council = document.metadata.get("council")
    title = document.metadata.get("title")
    firsts = ([title] if isinstance(title, str) else []) + [b.text for b in document.blocks if b.page == 1][:2]
    held = next((m for m in (_HELD_ON.match(" ".join(t.split())) for t in firsts) if m), None)
    if held and isinstance(council, str) and _opening(council) and not bad_title(council):
        # the heading's two lines read apart: "MINUTES OF A MEETING OF ... PARISH COUNCIL" (taken for the council)
        # over "HELD ON 13TH DECEMBER 2017 AT 19.00 IN ..." (taken for the title): one line, without time and venue
        when = " ".join(w.lower() if w[:1].isdigit() else w.capitalize() for w in held.group("when").split())
        return f"{_title_case(council.strip())} held on {when}"
    if (isinstance(title, str) and isinstance(council, str) and _opening(council)
            and _HELD_ON.match(title[len(_title_case(council.strip())):].strip())
            and title.startswith(_title_case(council.strip()))):
        return title  # the line made of the two above, as the titled Document carries it
    lines = [b.text.strip() for b in document.blocks if b.page == 1]
    lines += [s.heading.strip() for s in document.sections if s.page == 1 and s.heading]
    subtitle = document.metadata.get("subtitle")
    dated = isinstance(subtitle, str) and bool(_FULL_DATE.fullmatch(subtitle.strip()))
    if isinstance(title, str) and dated:
        lines.append(title.strip())  # "Minutes of the Monetary Policy Meeting" set large, its date under it
    for line in lines:
        opened = _opening(line)
        if opened is None:
            continue
        line = re.sub(r"\s*_{3,}\s*", " ", line).strip()  # a rule drawn with underscores under a notice's heading
        opened = _opening(line)
        line = _shouted_only(line[opened.start():])
        if (isinstance(council, str) and re.search(r"\b(?:of\s+the\s+)?[A-Z]+$", line) and line.isupper()
                and council.lower() not in line.lower() and not re.search(r"\b\d{4}\b", line)):
            # the heading's second line was read as the council ("PUBLIC NOTICE OF SPECIAL MEETING OF THE CONDUIT
            # FINANCING" / "COMMITTEE MEMBERS OF THE ILLINOIS FINANCE AUTHORITY"): the heading goes on with it
            line = f"{line} {council.upper()}"
        if isinstance(council, str):
            line = re.sub(r"\bthe above(?:\s+(?:council|committee))?", council, line, flags=re.I)
        else:  # "of the above Council" names nothing when the council is not known
            line = re.sub(r"\s+of\s+the\s+above(?:\s+(?:council|committee))?\b", "", line, flags=re.I)
        m = _VENUE.search(line)
        line = (line[: m.start()] if m else line).strip(" ,.;")
        when_printed = _MEETING_WHEN.search(line)
        if when_printed and len(line[when_printed.end():].split()) >= 2:
            # the heading goes on past its date into the venue in capitals ("... MANHATTAN COMMUNITY BOARD #1 MARCH
            # 23, 2010 BOROUGH OF MANHATTAN COMMUNITY COLLEGE 199 CHAMBERS STREET ..."): the date ends it
            line = line[: when_printed.end()]
        line = re.sub(r"\s+(?:on|at|in)$", "", line)
        when = _long_date(document.metadata.get("date")) or (" ".join(subtitle.split()) if dated else None)
        if when and not re.search(r"\b\d{4}\b", line):  # the date ran on past the venue, or onto the next line
            line = f"{line}, {when}" if opened.group("notice") else f"{line} held on {when}"
        if not bad_title(line):
            return _title_case(line)
    return None


# a meeting named by its number in the series: "Seventy-fifth SAGE meeting on COVID-19, 07th January 2021", "The 12th
# meeting of the Board", "75th Meeting of the Advisory Group"
_TENS = r"(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)"
_UNITS = r"(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth)"
_ORDINAL_MEETING = re.compile(
    rf"(?i)^(?:the\s+)?(?:\d+(?:st|nd|rd|th)|{_TENS}-{_UNITS}|{_UNITS}|tenth|eleventh|twelfth|[a-z]+teenth|"
    r"twentieth|thirtieth|fortieth|fiftieth|sixtieth|seventieth|eightieth|ninetieth|hundredth)\s+"
    r"(?:[\w&'’()-]+\s+){0,5}?meeting\b")


def _numbered_meeting(document: Document) -> Optional[str]:
    """The front page's first line when it names the meeting by its number in the series (`_ORDINAL_MEETING`),
    the minutes' own title, before a title the PDF's properties give; what follows its date or its venue cut."""
    lines = [b.text.strip() for b in document.blocks if b.page == 1][:2]
    for line in lines:
        line = " ".join(line.split())
        if _ORDINAL_MEETING.match(line) and len(line.split()) <= 20 and not line.endswith("."):  # not a sentence
            when = _MEETING_WHEN.search(line)  # the date ends it: "... 07th January 2021 Held via Video Teleconference"
            line = line[: when.end()] if when else line
            m = _VENUE.search(line)
            line = (line[: m.start()] if m else line).strip(" ,.;")
            return None if bad_title(line) else line
    return None


# a meeting's attendance row run into a title block ("... SAN DIEGO, CA 92103 ATTENDANCE AT THIS REGULAR PUBLIC
# MEETING (Board Members who arrive ...)"), or standing alone as the title: who was there, never what the paper is
_ATTENDANCE = re.compile(r"(?:^|\s+)(?:attendance|roll\s+call|members\s+present)\s+(?:at|of|for)\s+(?:this|the)\b.*$",
                         re.I | re.S)
# a meeting's name opening a title block: "REGULAR PUBLIC MEETING OF THE BOARD OF EDUCATION", "Special Meeting of ..."
_MEETING_OPEN = re.compile(r"(?i)^(?:(?:regular|special|annual|ordinary|extraordinary|adjourned|public|emergency)\s+)"
                           r"{1,2}meeting\s+of\s+(?:the\s+)?\S")
# the last word of a body's name: where the meeting's name ends and the venue begins
_BODY_END = re.compile(r"(?i)\b(?:council|committee|board|district|authority|commission|corporation|trustees|"
                       r"education|assembly|cabinet|panel|trust)\b")
_KIND_ALONE = re.compile(r"(?i)^(?:draft\s+|unconfirmed\s+|approved\s+)?(?:minutes|agenda|notes)$")


def _meeting_heading(document: Document) -> Optional[str]:
    """Minutes whose title block names the meeting and the body ("MINUTES" / "REGULAR PUBLIC MEETING OF THE BOARD OF
    EDUCATION" / "SAN DIEGO UNIFIED SCHOOL DISTRICT" / the venue / the date), run on into the venue and the
    attendance row: "Minutes, Regular Public Meeting of the Board of Education, San Diego Unified School District,
    September 5, 2000" -- the kind printed alone on page 1, the meeting's name to the body's last word, its date."""
    from ..model import DropReason

    title = document.metadata.get("title")
    lines = ([title] if isinstance(title, str) else []) + [b.text for b in document.blocks if b.page == 1][:3]
    for line in lines:
        line = " ".join(line.split())
        if not _MEETING_OPEN.match(line):
            continue
        line = _ATTENDANCE.sub("", line).split(",")[0]
        ends = list(_BODY_END.finditer(line))
        if not ends:
            continue
        name = line[: ends[-1].end()].strip()
        if len(name.split()) > 20:
            continue
        name = _title_case(name) if name.isupper() else name
        page1 = [" ".join(d.text.split()) for d in document.dropped if d.page == 1 and d.reason is DropReason.HEADER]
        page1 += [" ".join(b.text.split()) for b in document.blocks if b.page == 1]
        kind = next((x for x in page1 if _KIND_ALONE.match(x)), None)
        when = _long_date(document.metadata.get("date"))
        if not when:
            when = next((m.group(0) for m in map(_MEETING_WHEN.search, page1) if m), None)
        named = f"{kind.title() if kind.isupper() else kind}, {name}" if kind else name
        if when and when not in named:
            named = f"{named}, {when}"
        if not bad_title(named):
            return named
    return None


# a meeting paper's kind and date on one front-page line ("Voting Hearing Agenda August 13, 2020 (all members
# present)", "Voting Agenda, May 28, 2020"): the title, without the attendance note
_DATED_KIND = re.compile(r"^(?P<kind>(?:[A-Z][\w&'’-]*\s+){0,4}(?:Agenda|Minutes|AGENDA|MINUTES))\s*[,:\-–]?\s*$")


def _dated_kind_line(document: Document) -> Optional[str]:
    for b in [b for b in document.blocks if b.page == 1][:3]:
        line = " ".join(b.text.split())
        m = _MEETING_WHEN.search(line)
        if not m or not _DATED_KIND.match(line[: m.start()]):
            continue
        rest = line[m.end():].strip()
        if rest and not re.fullmatch(r"(?i)\((?:all\s+)?(?:members?\s+)?(?:present|absent)[^)]*\)", rest):
            continue
        named = line[: m.end()].strip()
        if not bad_title(named):
            return named
    return None


# a meeting's line under the body's name, English or French: "RÉUNION DU MERCREDI 27 OCTOBRE 2021", "Meeting held on
# 3 May 2021", "Séance du 12 juillet 2023"; and the kind of paper on its own line ("COMPTE RENDU", "Minutes")
_MEETING_LINE = re.compile(r"(?i)^(?:r[ée]union|s[ée]ance|assembl[ée]e|meeting)\b[^.]{0,60}\b\d{4}$")
_PAPER_KIND = re.compile(r"(?i)^(?:compte[\s-]+rendu|proc[èe]s[\s-]+verbal|ordre\s+du\s+jour|minutes|agenda|notes)"
                         r"(?:\s+(?:de\s+(?:la\s+)?)?(?:r[ée]union|s[ée]ance|meeting))?$")


def _body_then_meeting(document: Document) -> Optional[str]:
    """A body's name as the title block's first line, the meeting and its date under it, the kind of paper under
    that ("CONSEIL DE QUARTIER LOUVOIS" / "RÉUNION DU MERCREDI 27 OCTOBRE 2021" / "COMPTE RENDU"): the name alone
    says whose, not which paper; the three lines together are the title."""
    title = document.metadata.get("title")
    if not isinstance(title, str) or len(title.split()) > 8 or any(ch.isdigit() for ch in title):
        return None
    page1 = [" ".join(b.text.split()) for b in document.blocks if b.page == 1][:2]
    if not page1 or not _MEETING_LINE.match(page1[0]) or len(page1[0].split()) > 10:
        return None
    parts = [" ".join(title.split()), page1[0]]
    if len(page1) > 1 and _PAPER_KIND.match(page1[1]):
        parts.append(page1[1])
    parts = [p[:1] + p[1:].lower() if p.isupper() and i else (_title_case(p) if p.isupper() else p)
             for i, p in enumerate(parts)]
    named = ", ".join(parts)
    return None if bad_title(named) else named


_GOES_ON = re.compile(r"^(?:du|de|des|de\s+la|d['’]|of|for|on|held\s+on)\s*\S")


def _line_above(title: str, document: Document) -> Optional[str]:
    """A title that opens in lower case with the word that joins it to the line above ("du 12 juillet 2023" under
    "Réunion du Conseil Municipal", which every page repeats and the header went with): the two lines as one."""
    from ..model import DropReason

    title = " ".join(title.split())
    if not _GOES_ON.match(title) or len(title.split()) > 10:
        return None
    for d in document.dropped:
        if d.page == 1 and d.reason is DropReason.HEADER:
            line = " ".join(d.text.split())
            if (2 <= len(line.split()) <= 10 and line[:1].isupper() and not any(ch.isdigit() for ch in line)
                    and not _LABEL.match(line) and ":" not in line):
                named = f"{line} {title}"
                if not bad_title(named):
                    return named
    return None


# "Title:", "Subject:", "Report title:", "Title of report:", "Name of paper:", a letter's "Re:"
_LABEL_WORDS = (r"(?:(?:report|paper|item)\s+(?:title|subject|name)|(?:title|subject|name)\s+of\s+(?:the\s+)?"
                r"(?:report|paper|item)|title|subject|re)")
_COVER_LABEL = re.compile(rf"^\s*{_LABEL_WORDS}\s*:\s*(?P<value>\S.{{3,300}})$", re.I | re.S)
_COVER_CELL = re.compile(rf"^\s*{_LABEL_WORDS}\s*:?\s*$", re.I)


def _cover_label(document: Document) -> Optional[str]:
    """The value of a cover's "Title:" / "Subject:" / "Report title:" line on the first two pages, or of a cover
    table's row so labelled ("Report title" | "Council Tax Support Scheme 2025/26")."""
    lines = [b.text for b in document.blocks if b.page <= 2]
    lines += [s.heading for s in document.sections if s.page <= 2 and s.heading]
    for line in lines:
        m = _COVER_LABEL.match(" ".join(line.split()))
        if m and not bad_title(m.group("value").strip()):
            return m.group("value").strip()
    for p in document.paragraphs:
        for table in p.tables:
            if table.page > 2:
                continue
            for row in table.rows:
                cells = [" ".join((c or "").split()) for c in row if c and c.strip()]
                if len(cells) >= 2 and _COVER_CELL.match(cells[0]) and not bad_title(cells[1]):
                    return cells[1]
    return None


# the instrument's name in its running footer or header: "By-law Name: Signing Authority By-law", "Policy Title: ..."
_FURNITURE_NAME = re.compile(r"(?i)^\s*(?:by-?law|policy|procedure|ordinance|directive|guideline|standard|document)\s+"
                             r"(?:name|title)\s*:\s*(?P<value>\S.{3,200}?)\s*$")


def _furniture_name(document: Document) -> Optional[str]:
    """The name a by-law or a policy repeats in its footer or header under a label, on its first two pages
    ("By-law Name: Election Sign By-law" under "By-law # 7749-21 ... Page 1 of 9"): the title the cover prints
    between the body's name and the by-law's number, which the largest type may split or run into its neighbours."""
    from ..model import DropReason

    for d in document.dropped:
        if d.page > 2 or d.reason not in (DropReason.HEADER, DropReason.FOOTER):
            continue
        m = _FURNITURE_NAME.match(" ".join(d.text.split()))
        if m and not bad_title(m.group("value")):
            return m.group("value")
    return None


def _long_date(value) -> Optional[str]:
    """ "2019-05-20" -> "20 May 2019"."""
    m = re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", value) if isinstance(value, str) else None
    return f"{int(m.group(3))} {_MONTHS[int(m.group(2)) - 1]} {m.group(1)}" if m else None


# a line after a title that says how it was made, not what it is: "Code of Conduct as recommended by the Welsh
# Assembly", "Standing Orders adopted at the meeting of ..."
_PROVENANCE = re.compile(r"\s+(?:as\s+(?:recommended|adopted|approved|amended|agreed)|(?:adopted|approved|agreed)\s+"
                         r"(?:at|by|on)|prepared\s+by|published\s+by)\b.*$")


def _meeting(document: Document) -> Optional[str]:
    """Minutes with no title line: "<council> <meeting> <date>" from the front matter, when it has all three."""
    meta = document.metadata
    council, to, date = meta.get("council"), meta.get("to"), meta.get("date")
    if not (isinstance(council, str) and isinstance(to, str) and isinstance(date, str)) or "meeting" not in to.lower():
        return None
    m = re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", date)
    when = f"{int(m.group(3))} {_MONTHS[int(m.group(2)) - 1]} {m.group(1)}" if m else date
    return f"{council} {to} {when}"


# the legal basis printed after the title in brackets: "[Under Section 45ZL of the Reserve Bank of India Act, 1934]",
# "(made under section 3 of the ... Act 2004)": what the paper is made under, not what it is
_LEGAL_BASIS = re.compile(r"(?i)\s*[\[(]\s*(?:made\s+|issued\s+|published\s+)?(?:under|pursuant\s+to|in\s+accordance\s+with)\s+"
                          r"(?:the\s+)?(?:section|sections|s\.|article|regulation|rule|paragraph)\b[^\[\]()]*\b(?:act|code|"
                          r"regulations|order|ordinance)\b[^\[\]()]*[\])]\s*$")


# a resolution's or decision's number printed before its title ("WHA66.12 Neglected tropical diseases",
# "EB132.R5 ..."): the number the body gave it, not a word of its title
_DECISION_NUMBER = re.compile(r"^(?P<number>[A-Z]{2,6}\d{1,3}(?:\.[A-Z]?\d{1,3})+)\s+(?P<title>[A-Za-z].*)$")


_HEADER_BODY = re.compile(r"(?i)^(?:council|committee|board|assembly|commission)\s+of\s+(?:the\s+)?[a-z][\w'’ -]{2,60}$")


def _header_body(document: Document) -> Optional[str]:
    """The body a record is of, in page 1's running header ("COUNCIL OF THE CITY OF WINNIPEG"), for a title that is
    the meeting's date alone."""
    from ..model import DropReason

    for d in document.dropped:
        if d.page == 1 and d.reason is DropReason.HEADER:
            text = " ".join(d.text.split())
            if _HEADER_BODY.match(text) or _organisation(text) and not any(ch.isdigit() for ch in text):
                return _title_case(text) if text.isupper() else text
    return None


# the hour a meeting starts and what the line runs on into after it ("at 7.00 pm", ", 7:00 P.M. 24300 NARBONNE AVENUE",
# "from 10:00 a.m.-12:00 p.m."): when the meeting sits, never a word of the paper's title
_CLOCK = re.compile(r"(?i)(?:,?\s+(?:at|from|commencing\s+at|starting\s+at))?,?\s+\d{1,2}(?:[.:]\d{2})?\s*"
                    r"(?:a\.?m\b\.?|p\.?m\b\.?).*$")


def find_title(document: Document) -> Optional[str]:
    """The title as a reader would name it, or None when nothing on the page or in the file will do."""
    title = _find_title(document)
    if title:
        title = _session_paper(title, document) or title  # a session's banner over the paper tabled at it
    if title and _CLOCK.search(title) and len(title[: _CLOCK.search(title).start()].split()) >= 3:
        title = title[: _CLOCK.search(title).start()].rstrip(" ,;-–")  # "... on Tuesday 19th January at 7.00 pm"
    if title and (_DATE_ONLY.match(title.strip()) or _FULL_DATE.fullmatch(title.strip())):
        body = _header_body(document)  # "COUNCIL OF THE CITY OF WINNIPEG" over "Wednesday, November 6, 2013"
        if body:
            title = f"{body}, {title.strip()}"
    numbered = _DECISION_NUMBER.match(title.strip()) if title else None
    if numbered and not bad_title(numbered.group("title")):
        title = numbered.group("title")
    if title and _LEGAL_BASIS.search(title):
        cut = _LEGAL_BASIS.sub("", title).strip()
        title = cut if not bad_title(cut) else title
    version = _VERSION_NOTE.search(title) if title else None
    if version and not bad_title(title[: version.start()]):
        title = title[: version.start()]  # "... TERMS OF REFERENCE (Final Version 01 OCT 2019)": which copy, not what
    if title and _PART_ONLY.match(title.strip()):
        title = _part_named(title.strip(), document) or title  # "Chapter 632" over "PROPERTY, VACANT OR HAZARDOUS"
    if title:
        title = _without_status_lines(title)
        title = _unrepeated(title)
    if title and _KIND_ONLY.match(title):
        # "CONSTITUTION" under "The Friends of the Woodbridge Library, New Street ..."; else the name its Name clause
        # gives the body ("The association’s name is Devon Ambulance Staff Benevolent Fund (and in this ...")
        owner = _owner(document) or _named_in_clause(document)
        if owner and owner.lower() not in title.lower():
            return f"{owner} {title.strip().title() if title.isupper() else title.strip()}"
    return title


def _unrepeated(title: str) -> str:
    """A title block whose first line is repeated in capitals at the start of the next, the two read as one ("IAF
    Mandatory Document IAF MANDATORY DOCUMENT FOR THE USE OF ... (ICT) ..."): the first line once, then the rest of
    the capitals in headline case, an acronym in brackets kept ("IAF Mandatory Document for the Use of ... (ICT)
    ...").  Any other title as it is."""
    words = title.split()
    for k in range(2, len(words) // 2 + 1):
        head, again, rest = words[:k], words[k:2 * k], words[2 * k:]
        if ([w.lower() for w in head] != [w.lower() for w in again] or not all(w.isupper() for w in again)
                or all(w.isupper() for w in head) or not rest):
            continue
        shouted = 0  # the line in capitals, up to what follows it in another case ("Issue 2 (IAF MD 4:2018)")
        while shouted < len(rest) and (rest[shouted].isupper() or not any(c.isalpha() for c in rest[shouted])):
            shouted += 1
        if shouted < 2:
            return title
        cased = _headline_case(" ".join(again + rest[:shouted])).split()[k:]
        cased = [re.sub(r"/([a-z])", lambda m: "/" + m.group(1).upper(), c) for c in cased]  # "Auditing/Assessment"
        kept = [r if re.fullmatch(r"\([A-Z]{2,6}\)[.,:;]?", r) else c for c, r in zip(cased, rest)]
        return " ".join(head + kept + rest[shouted:])
    return title


# a title block's lines under the title saying when the body or this version of the paper came about: "Society founded
# January 2023", "Constitution emended April 2023", "Adopted 12 May 2020", "Last amended 2019"
_STATUS_LINE = re.compile(
    r"(?P<lead>(?:\s+(?:[A-Z][a-z]+|[Ll]ast|[Ff]irst)){0,2})\s+(?i:founded|established|formed|adopted|amended|emended|"
    r"revised|approved|ratified|updated|agreed|passed)\s+(?:(?i:in|on)\s+)?"
    rf"(?:(?i:{_DATE_TEXT})|(?i:(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+)?\d{{4}})\s*$")


def _without_status_lines(title: str) -> str:
    """The title without the status lines its block ran on into (`_STATUS_LINE`), each cut from its end while
    three words or more of title stay: "Constitution of the Glasgow University Wireless Society (GUWS)" of "...
    (GUWS) Society founded January 2023 Constitution emended April 2023".  The words before the status go with it
    where the title names them already (the line's subject, "Society", "Constitution"), else they stay the title's
    ("Local Plan Review" of "Local Plan Review Adopted 12 May 2020")."""
    while True:
        m = _STATUS_LINE.search(title)
        if not m:
            return title
        lead = m.group("lead").split()
        head = title[: m.start()]
        named = {w.lower() for w in re.findall(r"[A-Za-z]+", head)}
        if not all(w.lower() in named or w.lower() in ("last", "first") for w in lead):
            head = title[: m.end("lead")]
        if re.search(r"[,:;\u2013\u2014-]\s*$", head):
            return title  # "MODEL STANDING ORDERS 2018 (ENGLAND) — UPDATED APRIL 2022": set on the title's line
        head = head.rstrip()
        if len(head.split()) < 3 or _DANGLING.search(head) or bad_title(head):
            return title
        title = head


# a copy's version and date in brackets after the title: "(Final Version 01 OCT 2019)", "(v2.1, March 2020)"
_VERSION_NOTE = re.compile(r"\s*\((?=[^()]*\b(?i:version|draft|final|v\s?\d|rev(?:ision)?|updated?)\b)(?=[^()]*\d)[^()]*\)\s*$")
# a part of a collection named by its number alone: "Chapter 632", "Part 4", "Title 13"
_PART_ONLY = re.compile(r"(?i)^(?:chapter|part|title|article|schedule|division|book)\s+[\w.-]*\d[\w.-]*$")
# the collection a part belongs to, in the running header over it: "TORONTO MUNICIPAL CODE", "Code of Ordinances"
_CODE_NAME = re.compile(r"(?i)^(?:[\w&'’.-]+\s+){0,5}(?:code|ordinances|code\s+of\s+ordinances|manual|regulations|"
                         r"by-?laws|statutes)$")


def _part_named(title: str, document: Document) -> Optional[str]:
    """A part named by its number alone ("Chapter 632") is named by its heading too: the running header that starts
    with it ("CHAPTER 632, PROPERTY, VACANT OR HAZARDOUS", after the collection's name over it, "TORONTO MUNICIPAL
    CODE"), else the heading of page 1's section so numbered ("Chapter 632: Property, Vacant or Hazardous")."""
    from ..model import DropReason

    header = [" ".join(d.text.split()) for d in document.dropped if d.page == 1 and d.reason is DropReason.HEADER]
    number = title.split()[-1]
    collection = next((h for h in header if _CODE_NAME.match(h) and not bad_title(h)), None)
    named = None
    for h in header:
        rest = h[len(title):] if h.lower().startswith(title.lower()) else ""
        if re.match(r"^\s*[,:.\u2013\u2014-]\s*[A-Za-z]", rest):
            named = _headline_case(h)
            break
    if named is None:
        heading = next((s.heading for s in document.sections if s.page == 1 and s.number == number and s.heading), None)
        if heading and not bad_title(heading):
            named = f"{title}: {_headline_case(' '.join(heading.split()))}"
    if named and collection and collection.lower() not in named.lower():
        named = f"{_headline_case(collection)} {named}"
    return named


# a title that names only the kind of document: whose it is comes from the lines above it
_KIND_ONLY = re.compile(
    r"^\s*(?:the\s+)?(?:constitution|bye-?laws|standing\s+orders|financial\s+regulations|terms\s+of\s+reference|"
    r"code\s+of\s+conduct|rules|scheme\s+of\s+delegation|articles\s+of\s+association|governing\s+document)\W*$",
    re.I,
)
# where an address starts in a name line run together with it: "... Library New Street Woodbridge IP12 1DT"
_ADDRESS = re.compile(
    r"\s+(?:\d+[A-Za-z]?\s+)?[A-Z][\w'’-]*\s+(?:Street|Road|Lane|Avenue|Way|Place|Square|Green|Hill|Row|Close|"
    r"Drive|Crescent|Terrace|Walk|Parade)\b.*$|,.*$"
)


_NAME_CLAUSE = re.compile(r"(?i:\bname\s+(?:is|shall\s+be)|\bshall\s+be\s+(?:known\s+as|called))\s+(?:(?i:the)\s+)?[“\"‘']?"
                          r"(?P<name>[A-Z][\w&'’-]*(?:\s+(?:[A-Z][\w&'’-]*|of|and|&|for|the)){1,10})")


def _named_in_clause(document: Document) -> Optional[str]:
    """The body's name as a governing document's Name clause states it, on its first two pages: "The association’s
    name is Devon Ambulance Staff Benevolent Fund (and in this document ...)", "The Society shall be known as the
    Dorking and District Radio Society."  The clause may be read as headings one under another, so each kind of
    text is read run together in its order."""
    streams = [" ".join(s.heading for s in document.sections if s.page <= 2 and s.heading),
               " ".join(p.text for p in document.paragraphs if p.page <= 2),
               " ".join(b.text for b in document.blocks if b.page <= 2)]
    for text in streams:
        m = _NAME_CLAUSE.search(" ".join(text.split()))
        if m:
            name = re.sub(r"\s+(?:of|and|&|for|the)$", "", m.group("name"))
            if len(name.split()) >= 2 and not bad_title(name):
                return name
    return None


def _owner(document: Document) -> Optional[str]:
    """The body a kind-only title belongs to: the front page's name line (the file's title line), address cut."""
    from ..model import DropReason

    header = [d.text for d in document.dropped if d.page == 1 and d.reason is DropReason.HEADER]
    # the body's name in page 1's running header ("Souldern Parish Council"), printed above the title; not the
    # front matter's council, which a paper's heading block names whether or not the title is its
    candidates = ([document.metadata.get("title")] + _front_lines(document)[:3]
                  + [h for h in header if _organisation(" ".join(h.split()))])
    for value in candidates:
        if not isinstance(value, str):
            continue
        name = _ADDRESS.sub("", value.strip()).strip()
        words = name.split()
        if (2 <= len(words) <= 10 and not _KIND_ONLY.match(name) and not any(ch.isdigit() for ch in name)
                and all(w[:1].isupper() or w.lower() in _NAME_WORDS for w in words)
                and (not bad_title(name) or _organisation(name))):  # a body's name is what an owner is
            return name
    return None


_PACK_ITEM = re.compile(r"^(?P<n>\d{1,3}[a-z]?)\.?\s+(?P<title>[A-Z][^.:;]{10,160}?)\s*(?:\(Pages?\s+\d+.*)?$")
_PACK_PAGES = re.compile(r"\(Pages?\s+(?P<a>\d+)\s*(?:[-\u2013]\s*(?P<b>\d+))?\)")


def _one_item_pack(document: Document) -> Optional[str]:
    """An agenda pack whose front sheet lists one item alone, the papers of which are most of the pack ("AGENDA" /
    "8 Scrutiny Review of Access to GPs and Primary Medical Care" / "(Pages 7 - 56)" in a pack of 56 pages: a
    supplement published for that item): the paper is that item's, named by its title, not by the meeting's name
    every pack of the committee carries.  None for a front sheet that lists several items, or none."""
    front = [" ".join(b.text.split()) for b in document.blocks if b.page == 1]
    if not any(re.fullmatch(r"(?i)agenda", line) for line in front):
        return None
    starts = [i for i, line in enumerate(front) if re.fullmatch(r"(?i)agenda", line)]
    items = [m for line in front[starts[-1] + 1:] for m in [_PACK_ITEM.match(line)] if m]
    pages = [m for line in front[starts[-1] + 1:] for m in _PACK_PAGES.finditer(line)]
    total = document.source.pages or 0
    if len(items) != 1 or len(pages) != 1 or not total:
        return None
    last = int(pages[0].group("b") or pages[0].group("a"))
    if last < total or (last - int(pages[0].group("a")) + 1) < 0.6 * total:
        return None
    title = items[0].group("title").strip()
    return None if bad_title(title) else title


def _find_title(document: Document) -> Optional[str]:
    meta = document.metadata
    for key in ("subject",):
        value = meta.get(key)
        if isinstance(value, str) and not bad_title(value):
            return value.strip()
    cover = _cover_label(document) or _furniture_name(document)  # "Title: Draft Hot Food ...", "By-law Name: ..."
    if cover:
        return cover
    item = _one_item_pack(document)  # an agenda supplement that is one item's papers: "8 Scrutiny Review of ..."
    if item:
        return item
    minutes = (_body_kind_block(document)  # "Committee of Adjustment Minutes" over "Council Chambers, City Hall"
               or _minutes_line(document) or _numbered_meeting(document))  # "Minutes of a meeting of ... held on ..."
    if minutes:
        return minutes
    heading = (_meeting_heading(document) or _dated_kind_line(document)  # "REGULAR PUBLIC MEETING OF THE BOARD OF ..."
               or _body_then_meeting(document))
    if heading:
        return heading
    instrument = _named_instrument(meta.get("title"), meta.get("subtitle")) or _instrument(document)
    if instrument:
        return instrument
    enacted = _legislation(document) or _contents_bill(document)  # a bill's or an Act's title under its banner
    if enacted:
        return enacted
    letter = _letter_subject(document)  # a letter's subject line under "Dear ...,"
    if letter:
        return letter
    serial = _serial_title(document) or _serial_header(document)  # "POLICY NO. 320" over "GENERAL RULES OF CONDUCT"
    if serial:
        return serial
    title = meta.get("title")
    if isinstance(title, str):
        above = _line_above(title, document)  # "Réunion du Conseil Municipal" (the running header) / "du 12 juillet 2023"
        if above:
            return above
    if isinstance(title, str):
        title = _after_history(" ".join(title.split()))  # "APPROVED: April 16, 1997 AMENDED: ... BY-LAWS OF ..."
        title = _without_body_tail(title)  # "BYLAW 4 THE OFFICERS BYLAW UNIVERSITY OF TORONTO ENGINEERING SOCIETY"
        named = (_debates_record(title, document) or _collected_instrument(title, document)
                 or _register_document(title, document))
        if named:
            return named
        named = _letterhead_meeting(title, document) or _report_named(title, document)
        if named:
            return named
    subtitle = meta.get("subtitle") if isinstance(meta.get("subtitle"), str) else None
    if isinstance(title, str) and _stale(title, document):  # "Mins 9 Apr 18" on minutes of 28 April 2025
        title, subtitle = None, None
    if isinstance(title, str) and subtitle and title.rstrip().endswith(":"):
        title = title.rstrip().rstrip(":").rstrip()  # "Shared research and innovation strategy:" / "2020 – 2030"
    if isinstance(title, str) and subtitle and _MARK_ONLY.match(title):
        title, subtitle = subtitle, None  # "264th" set large beside "Minutes of the Meeting of the": a mark, no title
    if isinstance(title, str) and subtitle and _FRAGMENT.match(title.strip()) and not bad_title(subtitle):
        # "is allowed" over "Building Plan Approval & Inspection Procedure": a sentence's tail, not the title; "and
        # The Charter of The Greens" set large beside "Constitution of ...": the title's last line, read first
        joined = f"{' '.join(subtitle.split())} {' '.join(title.split())}"
        title, subtitle = (joined if re.match(r"^(?:and|&)\s", title.strip()) else subtitle), None
    if isinstance(title, str):
        title, subtitle = _completed(title, subtitle, document)  # "Minutes of the Meeting of the" / "Monetary ..."
    if isinstance(title, str):
        title = _to_meeting_date(title)  # "AGENDA ... REGULAR MEETING DECEMBER 6, 2022 FRED HESSE PARK ... 7:00 P.M."
        title = _without_date_line(title)  # "Draft Zoning Regulations MBTA Communities August 17, 2023"
    council = meta.get("council")
    # the front matter's body line that is a kind of document and whose ("PROCEDURAL RULES OF DES MOINES CITY
    # COUNCIL"): the title the page prints, before the PDF's own title property ("City Council Rules")
    printed = council.strip() if isinstance(council, str) and _KIND_OF.match(council) and not bad_title(council) else None
    if printed and (not isinstance(title, str) or title == document.source.title):
        return printed
    if isinstance(title, str):
        named = _meeting_header(title, document)  # "Regular Meeting of the Board of Trustees" over every page
        if named:
            return named
    place = _PLACE_BODY.match(title.strip()) if isinstance(title, str) else None
    if isinstance(title, str) and (len(title.split()) <= 2 and not _KIND_WORD.search(title)
                                   or place and place.end() >= len(title.strip())):  # "City of Coral Gables"
        named = _agenda_blocks(document)  # "Metro" over "Agenda - Final" / "Thursday, June 15, 2017" / "<Committee>"
        if named:
            return named
    if isinstance(title, str):
        # a rule drawn with underscores ends the title: "... Minutes December 10, 2018 ____ CALL TO ORDER ..."
        title = re.split(r"\s*_{3,}\s*", title.strip())[0] or title
        title = _after_header(_before_labels(title.strip()))
        meeting_paper = _meeting_paper(title, document)
        if meeting_paper:
            return meeting_paper
    if isinstance(title, str) and not bad_title(title) and _whose(title, document):
        return _whose(title, document)
    if isinstance(title, str) and _KIND_OF_REPORT.match(" ".join(title.split())):
        named = _running_name(document)  # "Report and Recommendations In Brief" under the head every page prints
        if named:
            return f"{named}: {' '.join(title.split())}"

    if isinstance(title, str) and not bad_title(title):
        # a resolution's title ends where its recitals begin ("... § 4.20.070 WHEREAS, Chapter 4 of ...")
        title = _interleaved(title.strip(), document)  # "... Safe Digital and Technology Strategy Secure document"
        return re.sub(r"\s+WHEREAS\b.*$", "", _with_subtitle(_continued(title, document), subtitle))
    dated = subtitle if subtitle and (_DATE_ONLY.match(subtitle.strip()) or _FULL_DATE.fullmatch(subtitle.strip())) else None
    if isinstance(title, str) and _organisation(title.strip()) and (not subtitle or dated):
        # the body's name, the meeting's date under it ("Accessibility Advisory Committee ..." / "February 18, 2020")
        named = _body_and_kind(title.strip(), document, dated.strip() if dated else None)
        if named:
            return named
    if isinstance(title, str) and _organisation(title.strip()) and (not subtitle or dated):
        named = _noticed_meeting(title.strip(), document)  # "Audit Committee" over "A meeting of ... will be held:"
        if named:
            return named
    if isinstance(title, str) and _organisation(title.strip()) and subtitle and not bad_title(subtitle):
        # the publisher in the largest type, the series under it: an issue of a series is named by its date
        when = _long_date(meta.get("date"))
        named = _tidy(subtitle)
        if _KIND_ONLY.match(named):
            # "Cambridge University Computing and Technology Society" over "CONSTITUTION": no series' issue, the
            # body's own document, named with its owner (`find_title`), whatever date is printed under it
            return named
        return f"{named}, {when}" if when and not re.search(r"\b\d{4}\b", named) else named
    if isinstance(title, str) and _organisation(title.strip()):
        named = _body_kind_line(title.strip(), document)  # "<Partnership>" over "Annual Progress Report"
        if named:
            return named
    if printed:
        return printed
    agenda = _agenda_line(document)  # "AGENDA REGULAR MEETING TUESDAY, DECEMBER 6, 2022 6:00 P.M. 24300 ..."
    if agenda:
        return agenda
    for heading in _joined_headings(document):
        if not bad_title(heading):
            return heading
    letter = _letter_subject(document, acts=True)
    if letter:
        return letter
    if document.source.title and not bad_title(document.source.title) and not _stale(document.source.title, document):
        return document.source.title.strip()
    meeting = _meeting(document)
    if meeting:
        return meeting
    if any(s.page == 1 and s.number and re.fullmatch(r"\d+(?:\.\d+){2,}", s.number) for s in document.sections):
        # minutes numbered 18.03.1 ...: the lines of page 1 are the items' text ("R Healey, Councillor"); the
        # council and the meeting's date name them
        return _council_and_date(document)
    serial = _serial_block(document)  # "Administrative Regulation 1201-AR(3): Non-Discrimination - ..." at length
    if serial:
        return serial
    article = _article_caption(document)  # "ARTICLE 4: Amend Zoning Bylaw - ... District To see if the Town will ..."
    if article:
        return article
    quarter = _quarter_report(document)  # "Q2 Patient Experience Report" read as question Q2
    if quarter:
        return quarter
    for line in _front_lines(document):
        if _SPACED.search(line):  # "A D V I C E": counsel's advice headed by its kind, spaced out for show
            line = _title_case(_unspaced(line))
        line = _without_date_line(_tidy(line))  # the title's lines and the date under them read as one block
        line = _interleaved(line, document)  # a strapline's words read in among the title's lines
        line = _heading_continued(line, document)  # "REPORT OF THE COMMITTEE TO STUDY ..." / "INITIATIVES"
        if not bad_title(line):
            return line
    above = _above_contents(document)  # a front page that is the contents list, its title printed above it
    if above:
        return above
    named = _file_title(document.source.title)
    if named:  # the page names nothing but its body: the author's name for the file says what it is
        council = _council(document)
        return f"{council}: {named}" if council and council.lower() not in named.lower() else named
    return _council_and_date(document)


_QUARTER_KIND = re.compile(r"^(?P<title>(?:[A-Z][\w&'’-]*\s+){0,5}?(?:Report|Review|Update|Bulletin|Summary|Dashboard))\b")


def _quarter_report(document: Document) -> Optional[str]:
    """A quarter's report whose title opens with the quarter ("Q2" / "Patient Experience Report" / "Healthwatch
    Tower Hamlets" / "July – September 2024"), the title block read as question Q2 for its label: the quarter and the
    title's words up to the kind of paper, the publisher and the period under it left out.  Only page 1's first
    paragraph, a "question" that asks nothing (no question mark)."""
    from ..model import ParagraphKind

    first = next((p for p in document.paragraphs if p.page == 1), None)
    if first is None or first.kind is not ParagraphKind.QUESTION or "?" in first.text:
        return None
    quarter = re.fullmatch(r"Q([1-4])", first.number or "")
    m = _QUARTER_KIND.match(" ".join(first.text.split()))
    if not quarter or not m:
        return None
    title = f"{first.number} {m.group('title')}"
    return None if bad_title(title) else title


# a part of a larger paper cut out on its own, its number and caption run into its text at the top of page 1: a town
# meeting warrant's "ARTICLE 4: Amend Zoning Bylaw - 3A Multi-Family Overlay District To see if the Town will vote ..."
_ARTICLE_RUN_IN = re.compile(r"^(?P<label>(?:ARTICLE|Article|SECTION|Section|CHAPTER|Chapter|PART|Part)\s+[\w.-]*\d[\w.-]*)"
                             r"\s*[:.\u2013\u2014-]\s+(?P<rest>\S.*)$")


def _article_caption(document: Document) -> Optional[str]:
    """The title block, or one of page 1's first two blocks, opening with a part's number and its caption
    (`_ARTICLE_RUN_IN`), where page 1 has no heading: "Article 4: Amend Zoning Bylaw - 3A Multi-Family Overlay District".  The caption ends where the text's
    first sentence starts, a capitalised word before a word in lower case ("To see if ..."); a caption with words
    in lower case of its own ("Transfer of funds") ends there too."""
    if any(s.page == 1 for s in document.sections):
        return None
    # the segmenter's title block, where it took the article's line for one; else page 1's first two blocks (the
    # tail of the article before it, cut out with it, may come first: "or take any other action relative thereto.")
    block = document.metadata.get("title")
    firsts = [b.text for b in document.blocks if b.page == 1][:2]
    m = next((m for m in (_ARTICLE_RUN_IN.match(" ".join(t.split())) for t in [block, *firsts] if isinstance(t, str))
              if m), None)
    if not m:
        return None
    words = m.group("rest").split()
    end = next((k for k in range(1, len(words) - 1) if words[k][:1].isupper() and words[k + 1][:1].islower()
                and words[k + 1].lower() not in _SMALL_WORDS), None)
    caption = " ".join(words[:end] if end else words)
    label = m.group("label")
    title = f"{_title_case(label) if label.isupper() else label}: {caption}"
    # (judged with its number: a caption alone may read as a body's name, "... Overlay District")
    if not 2 <= len(caption.split()) <= 15 or bad_title(title) or _DANGLING.search(caption):
        return None
    return title


# a page announcing its body's meeting: "A meeting of the Audit Committee will be held:", "Notice of meeting"
_NOTICE = re.compile(r"(?i)\bmeeting\s+of\s+(?:the\s+)?[\w&'’ ,-]{3,80}?\s+will\s+be\s+held\b|\bnotice\s+(?:is\s+"
                     r"(?:hereby\s+)?given\s+)?of\s+(?:an?\s+)?(?:\w+\s+)?meeting\b|\byou\s+are\s+(?:hereby\s+)?summoned\b")


def _noticed_meeting(body: str, document: Document) -> Optional[str]:
    """A committee's name alone as the title block, and page 1 announcing its meeting ("A meeting of the Audit
    Committee will be held: Date: 22 October 2009"): the paper is that meeting's agenda, named with the council
    the front matter names and the meeting's date ("Merton Council Audit Committee – Agenda, 22 October 2009")."""
    when = _long_date(document.metadata.get("date"))
    texts = [b.text for b in document.blocks if b.page == 1] + [p.text for p in document.paragraphs if p.page == 1]
    if not when or not any(_NOTICE.search(" ".join(t.split())) for t in texts):
        return None
    council = _council(document)
    whose = body
    if council and council.lower() not in body.lower() and body.lower() not in council.lower():
        whose = f"{council} {body}"
    named = f"{whose} – Agenda, {when}"
    return None if bad_title(named) else named


# a kind of paper named on its own line under the body's name, with no subject of its own: "Annual Progress Report",
# "Strategy 2024-2029" ("Local Plan Review" names its subject: a title of its own)
_KIND_LINE = re.compile(r"(?i)^(?:(?:annual|quarterly|monthly|interim|final|draft|progress|performance|activity|impact|"
                        r"delivery|business|corporate|strategic|year|end|of|half|the|first|second|third|fourth|"
                        r"year-end|end-of-year|\d{4}(?:\s*[-–/]\s*\d{2,4})?)\s+){0,4}(?:report|strategy|plan|review|statement|update|briefing|"
                        r"summary|framework|prospectus|guidance|policy|charter|terms\s+of\s+reference)"
                        r"(?:\s+\d{4}(?:\s*[-–/]\s*\d{2,4})?)?$")


def _body_kind_line(body: str, document: Document) -> Optional[str]:
    """A body's name alone in the largest type, and the line under it naming the kind of paper ("West Sussex Drug
    and Alcohol Partnership" / "Annual Progress Report"): the two together are the title; the name alone says only
    whose the paper is."""
    for line in _front_lines(document)[:4]:
        line = " ".join(line.split())
        if _KIND_LINE.match(line) and line.lower() not in body.lower() and not _organisation(line):
            named = f"{_headline_case(body)} {_headline_case(line)}"
            return None if bad_title(named) else named
    # a governing document's kind set as page 1's one unnumbered heading ("Dorking and District Radio Society" /
    # "Constitution", the title block's second line read as a heading among the clauses printed in columns beside it)
    kinds = [" ".join(s.heading.split()) for s in document.sections
             if s.page == 1 and s.number is None and s.heading and _KIND_ONLY.match(s.heading)]
    if len(kinds) == 1 and kinds[0].lower() not in body.lower():
        named = f"{_headline_case(body)} {_headline_case(kinds[0])}"
        return None if bad_title(named) else named
    return None


def _heading_continued(line: str, document: Document) -> str:
    """A title in capitals broken over two lines, the first taken as page 1's first heading (numbered with the annex
    the report is printed as: "ANNEX B" / "REPORT OF THE COMMITTEE TO STUDY COMMUNITY LEGAL SERVICES"), its last
    word or two left as a line of their own ("INITIATIVES"): the heading and the line are one title."""
    words = line.split()
    first = next((s for s in document.sections if s.page == 1), None)
    from ..model import SectionKind

    if (first is None or not 1 <= len(words) <= 3 or not line.isupper() or not first.heading
            or not first.heading.isupper()
            or first.number is not None and first.kind is not SectionKind.ANNEX):  # "1 RULES OF DEBATE": an item
        return line
    heading = " ".join(first.heading.split())
    if (len(heading.split()) < 4 or len(heading.split()) > 20 or heading.endswith((".", ":", ";"))
            or line.lower() in heading.lower() or not re.search(r"(?i)\b(?:of|for|on|to|the|and)\b", heading)):
        return line
    return _headline_case(f"{heading} {line}")


# a meeting's name: "Regular Meeting of the Board of Trustees", "Special Meeting of the City Council"
_MEETING_NAME = re.compile(r"^(?i:(?:(?:regular|special|annual|ordinary|extraordinary|adjourned|public)\s+)?"
                           r"meeting\s+of\s+(?:the\s+)?)[A-Z][\w&'’-]*(?:\s+(?:of|and|&|the|[A-Z][\w&'’-]*)){0,8}$")
_DATED = re.compile(r"(?i)\b(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|"
                    r"dec)[a-z]*\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4})\b")


def _meeting_header(title: str, document: Document) -> Optional[str]:
    """A meeting paper whose title block every page repeats: its first line, the meeting's name, went to the
    running header, and what was left as the title is the body, the date and the venue ("Cuyahoga Community
    College District Thursday, September 26, 2019 Jerry Sue Thornton Center ...").  The meeting's name, printed
    on page 1 as that header, is the title."""
    from ..model import DropReason

    if not _DATED.search(title):
        return None
    for d in document.dropped:
        if d.page == 1 and d.reason is DropReason.HEADER:
            line = " ".join(d.text.split())
            if _MEETING_NAME.match(line) and not bad_title(line):
                return line
    return None


def _before_labels(title: str) -> str:
    """A title block run into the labelled fields after it ("REGULAR MEETING AGENDA Time: 5:00 p.m. Regular
    Meeting Location: ..."): the words before the first label."""
    m = re.search(r"\s+(?:Time|Date|Location|Venue|Place|Present|Chair)\s*:", title)
    return title[: m.start()].strip() if m and len(title[: m.start()].split()) >= 2 else title


def _after_header(title: str) -> str:
    """A title block run on from a header that names the body and the meeting's date ("Public Sector Transparency
    Board – 19th May Lessons learned on the publication ..."): the words after it."""
    m = re.match(r"^(?P<body>[A-Z][\w&'’ ]+?)\s+[\u2013\u2014-]\s+\d{1,2}(?:st|nd|rd|th)?\s+(?i:jan|feb|mar|apr|may|jun|jul|"
                 r"aug|sep|oct|nov|dec)[a-z]*(?:\s+\d{4})?\s+(?P<rest>[A-Z].{8,})$", title)
    if m and _organisation(m.group("body")) and not bad_title(m.group("rest")):
        return m.group("rest")
    return title


_MEETING_PAPER = re.compile(r"(?i)^(?:(?:regular|special|annual|ordinary|extraordinary|adjourned)\s+)?(?:meeting\s+)?"
                            r"(?:agenda|minutes|notice(?:\s+and\s+agenda)?)$")


def _meeting_paper(title: str, document: Document) -> Optional[str]:
    """A title that names only the kind of meeting paper ("REGULAR MEETING AGENDA"): whose and when from the
    front matter ("City Council Regular Meeting Agenda, 1/12/2021")."""
    if not _MEETING_PAPER.match(title):
        return None
    council = _council(document)
    date = document.metadata.get("date")
    when = _long_date(date) or (date if isinstance(date, str) else None)
    if council is None:
        council, printed_when = _body_line(document)
        when = when or printed_when
    named = _title_case(title)
    if council is None:
        meeting, printed_when = _header_meeting(document)  # "Regular Board Meeting" / "10/28/2024 - 06:00 PM" above
        if meeting and meeting.lower() not in named.lower():
            when = when or printed_when
            return f"{named} – {meeting}, {when}" if when else f"{named} – {meeting}"
    if council and council.lower() not in named.lower():
        named = f"{council} {named}"
    return f"{named}, {when}" if when else named


# a meeting's name alone in a running header ("Regular Board Meeting", "Special Council Meeting"), and a header's date
_HEADER_MEETING = re.compile(r"(?i)^(?:(?:regular|special|annual|ordinary|extraordinary|adjourned|public|emergency|"
                             r"board|council|committee|trustees|general)\s+){1,3}meeting$")
_NUMERIC_DATE = re.compile(r"\b\d{1,2}/\d{1,2}/\d{4}\b")


def _header_meeting(document: Document) -> tuple[Optional[str], Optional[str]]:
    """(the meeting's name, its date as printed) from page 1's running header: a meeting paper titled by its kind
    alone ("MEETING MINUTES") whose every page is headed "Regular Board Meeting" / "10/28/2024 - 06:00 PM"."""
    from ..model import DropReason

    header = [" ".join(d.text.split()) for d in document.dropped if d.page == 1 and d.reason is DropReason.HEADER]
    meeting = next((h for h in header if _HEADER_MEETING.match(h)), None)
    if meeting is None:
        return None, None
    when = next((m.group(0) for m in (_MEETING_WHEN.search(h) or _NUMERIC_DATE.search(h) for h in header) if m), None)
    return (_title_case(meeting) if meeting.isupper() else meeting), when


# a place's body named on its own line under a meeting paper's kind ("MINUTES" / "TOWNSHIP OF NIPISSING Tuesday,
# January 20, 2026"), with the meeting's date or without
_PLACE_BODY = re.compile(r"^(?:the\s+)?(?i:township|city|town|village|county|borough|municipality|district|parish|"
                         r"county\s+borough|city\s+and\s+county)\s+(?i:of)\s+[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,3}")


_BODY_MEETING = re.compile(r"^(?P<body>.+?)\s+[\u2013\u2014-]\s+(?P<meeting>(?:(?:regular|special|annual|ordinary|"
                           r"extraordinary|adjourned|public|council|board|committee)\s+){1,2}meeting)\b", re.I)


def _body_line(document: Document) -> tuple[Optional[str], Optional[str]]:
    """(body, date as printed) from the first front-page line that is a body's name alone or followed by the
    meeting's date (`_PLACE_BODY`, or a body's name `_organisation` knows); a place's body and its meeting, the
    venue, date and time run on after them, in one of page 1's first blocks ("Borough of Ambridge — Regular Meeting
    ... July 12, 2016 — 7:00 PM": "Borough of Ambridge – Regular Meeting"); (None, None) when none is."""
    for block in [b for b in document.blocks if b.page == 1][:3]:
        # "Borough of Ambridge — Regular Meeting Ambridge Municipal Complex, Council Chambers July 12, 2016 — 7:00 PM":
        # the body, its meeting and its date, the venue after the meeting's name and the time after the date
        line = " ".join(block.text.split())
        m = _BODY_MEETING.match(line)
        place = _PLACE_BODY.match(m.group("body")) if m else None
        when = _MEETING_WHEN.search(line)
        if m and place and place.end() == len(m.group("body")) and len(line.split()) <= 30:
            return f"{m.group('body')} – {_title_case(m.group('meeting'))}", when.group(0) if when else None
    for line in _front_lines(document)[:3]:
        line = " ".join(line.split())
        when = _MEETING_WHEN.search(line)
        name = (line[: when.start()] if when else line).strip(" ,–-")
        rest = line[when.end():].strip(" ,.") if when else ""
        place = _PLACE_BODY.match(name)
        if rest or not name or not (place and place.end() == len(name) or _organisation(name)):
            continue
        return _title_case(name) if name.isupper() else name, when.group(0) if when else None
    return None, None


_KIND_WORD = re.compile(r"(?i)^(?:minutes|agenda|notes|notice|terms\s+of\s+reference|action\s+notes|report)\b")


_DRAFT_KIND = re.compile(r"(?i)^(?:draft|unconfirmed|unapproved)\s+(?P<kind>minutes|notes)\b(?:\s+(?:not\s+(?:yet\s+)?approved|"
                         r"subject\s+to\s+approval))?")


def _body_and_kind(body: str, document: Document, when_printed: Optional[str] = None) -> Optional[str]:
    """A body's name in the largest type and what the paper is under it on page 1: a line that goes on from the
    name ("LOCAL PUBLIC DATA PANEL --- TERMS OF REFERENCE 2013-14 (as at 14 October 2013) ---"), or a line naming
    the kind alone ("Minutes"), dated from the front matter ("Crime and Justice Transparency Sector Panel –
    Minutes, 14 February 2014")."""
    lines = [" ".join(b.text.split()) for b in document.blocks if b.page == 1]
    for line in lines:
        clean = re.sub(r"\s*(?:-{2,}|_{3,}|\u2014{2,})\s*", " ", line).strip()
        if clean.lower().startswith(body.lower() + " ") and _KIND_WORD.match(clean[len(body):].strip()):
            return clean
    for line in lines:
        draft = _DRAFT_KIND.match(line)  # "Draft minutes not approved" run into the record's first sentence
        if draft:
            line = draft.group("kind").capitalize()
        if _KIND_WORD.match(line) and len(line.split()) <= 4 and not line.endswith("."):
            when = _long_date(document.metadata.get("date")) or when_printed
            kind = _title_case(line)
            return f"{body} – {kind}, {when}" if when else f"{body} – {kind}"
    return None


_WORD_PREFIX = re.compile(r"^\s*microsoft\s+(?:word|excel|powerpoint)\s*-\s*", re.I)
_FILE_EXT = re.compile(r"\.(?:pages|pdf|docx?|wpd|rtf|odt|txt|xlsx?|pptx?)\s*$", re.I)
# what a file's name carries besides its subject: a draft mark, a copy number, a version
_FILE_NOISE = re.compile(r"\s*\((?:draft|final|copy|v\s*\d+[\w.]*)\)|\s*[-_ ](?:\d{1,2}|v\s*\d+[\w.]*|final|draft)$", re.I)


def _file_title(value: Optional[str]) -> Optional[str]:
    """A PDF title that is a file's name ("A466 Road Closure Recommendation (Draft)-1.pages", "Microsoft Word -
    SL iPad User Agreement.doc") as the words it names, or None when it is not a file's name or names nothing."""
    if not isinstance(value, str) or not (_WORD_PREFIX.match(value) or _FILE_EXT.search(value.strip())):
        return None
    name = _FILE_EXT.sub("", _WORD_PREFIX.sub("", value.strip()))
    if "/" in name or "\\" in name:
        return None
    name = re.sub(r"[_]+", " ", name)
    for _ in range(3):
        name = _FILE_NOISE.sub("", name).strip(" -")
    words = name.split()
    while words and re.fullmatch(r"\d+[A-Za-z]*", words[-1]):  # a version or a date code: "... Statement 8 060520CW"
        words.pop()
    while words and re.fullmatch(r"[A-Z]{1,4}-\d+", words[0]):  # a job number: "LC-620 Broxbourne ..."
        words.pop(0)
    name = " ".join(words)
    if len(name.split()) < 2 or bad_title(name) or re.match(r"(?i)^(?:document|untitled|copy of)\b", name):
        return None
    return name


def _above_contents(document: Document) -> Optional[str]:
    """The line printed above a front page's "Contents" heading, when the segmenter set the whole page aside as a
    contents list ("WROXTON & BALSCOTE FINANCIAL REGULATIONS" / "July 2024" / "Contents" / "1. General ....")."""
    from ..model import DropReason

    above: list[str] = []
    for d in document.dropped:
        if d.page != 1 or d.reason is not DropReason.CONTENTS:
            continue
        text = " ".join(d.text.split())
        if re.fullmatch(r"(?i)(?:table\s+of\s+)?contents?\W*", text):
            break
        above.append(text)
    else:
        return None
    running = _running_title(document)
    if running:  # the cover's line the pages repeat as their header ("Directive on Identity Management")
        return running
    for line in above:
        if not bad_title(line) and not re.search(r"\.{4,}|\s\d+$", line):
            return _title_case(_tidy(line))
    return None


_CLASSIFICATION = re.compile(r"(?i)\b(?:unclassified|classified|official|sensitive|restricted|confidential|protect|"
                             r"draft|final)\b")


def _running_title(document: Document) -> Optional[str]:
    """A line of page 1's running header that the other pages repeat as theirs, when it is neither a body's name
    ("Treasury Board of Canada") nor a classification ("UNCLASSIFIED / NON CLASSIFIÉ"): a directive or a guide
    names itself so on every page."""
    from ..model import DropReason

    headers: dict[str, set[int]] = {}
    for d in document.dropped:
        if d.reason is DropReason.HEADER:
            headers.setdefault(" ".join(d.text.split()), set()).add(d.page)
    for d in document.dropped:
        text = " ".join(d.text.split())
        if d.page != 1 or d.reason is not DropReason.HEADER or len(headers.get(text, ())) < 2:
            continue
        body = re.sub(r"\s+of\s+[A-Z][\w ]+$", "", text)  # "Treasury Board of Canada": a board, of somewhere
        if bad_title(text) or _CLASSIFICATION.search(text) or _organisation(text) or _organisation(body):
            continue
        return _title_case(text)
    return None


# a title that names only the kind of report it is, not what it reports on
_KIND_OF_REPORT = re.compile(r"(?i)^(?:the\s+)?(?:(?:final|interim|full|summary|draft)\s+)?(?:report|summary|findings|overview)"
                          r"(?:\s+(?:and|&)\s+(?:recommendations|findings|summary))?(?:\s+in\s+brief)?\W*$"
                          r"|^(?:executive\s+summary|in\s+brief)\W*$")


def _running_name(document: Document) -> Optional[str]:
    """What the paper is about, from the running head its pages repeat: page 1's first header line of three words
    or more that the other pages repeat, neither a body's name nor a classification (a logo's words beside it are
    no name), with the header line after it that goes on in lower case ("Module 2, 2A, 2B, 2C: Core
    decision-making and political" / "governance")."""
    from ..model import DropReason

    pages: dict[str, set[int]] = {}
    for d in document.dropped:
        if d.reason is DropReason.HEADER:
            pages.setdefault(" ".join(d.text.split()), set()).add(d.page)
    first = [" ".join(d.text.split()) for d in document.dropped if d.page == 1 and d.reason is DropReason.HEADER]
    for k, text in enumerate(first):
        if len(pages.get(text, ())) < 2 or len(text.split()) < 3 or bad_title(text) or _CLASSIFICATION.search(text) \
                or _organisation(text):
            continue
        parts = [text]
        for more in first[k + 1:]:
            if more[:1].islower() and len(pages.get(more, ())) >= 2:
                parts.append(more)
                break
        return " ".join(parts)
    return None


def _council_and_date(document: Document) -> Optional[str]:
    """The last resort before no title: a paper headed only by the council's name and a date (parish minutes
    whose page 1 prints "Milburn Parish Council / 7th March 2017") is named by both."""
    council, when = _printed_body(document) or _council(document), _long_date(document.metadata.get("date"))
    return f"{council}, {when}" if council and when else None


def _printed_body(document: Document) -> Optional[str]:
    """The body a meeting's notes are headed with on the front page ("LONDON BOROUGH OF SOUTHWARK PENSION FUND
    PENSIONS ADVISORY PANEL"), in title case: it names the meeting more closely than the council does."""
    for line in _front_lines(document)[:2]:
        line = " ".join(line.split())
        if _organisation(line) and len(line.split()) >= 3:
            return _title_case(line)
    return None


def _title_case(text: str) -> str:
    """A shouted line in title case, small words lower ("LONDON BOROUGH OF SOUTHWARK" -> "London Borough of
    Southwark"); any other line as it is."""
    letters = [c for c in text if c.isalpha()]
    if not letters or sum(c.isupper() for c in letters) < 0.8 * len(letters):
        return text
    return " ".join(w.lower() if i and w.lower() in _NAME_WORDS else w[:1] + w[1:].lower()
                    for i, w in enumerate(text.split()))


def _headline_case(text: str) -> str:
    """`_title_case`, with every small word after the first in lower case ("Property, Vacant or Hazardous", "Committee
    to Study ..."): for a title put together here from lines in capitals."""
    out = _title_case(text)
    if out == text:
        return text
    return re.sub(r"(?<=\S )(To|Or|A|An|By|With|From|Into|Nor|But|As|Per|Via)\b(?! *$)", lambda m: m.group(1).lower(), out)


_BODY_NAME = re.compile(r"^\s*((?:[A-Z][\w&'’-]*\s+){1,5}(?:Council|Authority))\b")


def _council(document: Document) -> Optional[str]:
    """The council named on the page's front matter, else the body a PDF's own title starts with ("Milburn Parish
    Council - 6th March 2012": a template's title whose date is stale, whose council is not)."""
    council = document.metadata.get("council")
    if isinstance(council, str) and council.strip() and ":" not in council:  # "Venue: Southwark Council" is a place
        return council.strip()
    for title in (document.metadata.get("title"), document.source.title):
        m = _BODY_NAME.match(title) if isinstance(title, str) else None
        if m and _organisation(m.group(1)):
            return " ".join(m.group(1).split())
    return None


def _tidy(line: str) -> str:
    """A front-page line as a title: a stray backslash from a graphic is a dash ("Public Forum\\ Full Licensing
    Committee AGM"), and how the paper was made is not its name ("... as recommended by the Welsh Assembly")."""
    line = re.sub(r"\s*\\\s+", " – ", line.strip())
    cut = _PROVENANCE.sub("", line).strip()
    return cut if cut and not bad_title(cut) else line


# a legislature's or its gazette's banner names the publisher, not the bill or the Act it prints
_BANNER = re.compile(
    r"(?i)^(?:the\s+)?(?:parliament|(?:official\s+)?gazette|official\s+journal|congress|senate|legislature|"
    r"(?:general|national|legislative)\s+assembly|house\s+of\s+\w+|(?:[\w-]+\s+){0,3}(?:republic|kingdom|"
    r"commonwealth|state|states))\s+of\s+(?:the\s+)?[\w ,'’-]{3,80}$")
_ACT_TITLE = re.compile(r"(?i)^[\w ,'’()&-]{4,200}?\bAct,?\s+No\.?\s*\d+\s+of\s+\d{4}$")
# "A" / "BILL" / "to amend ...": the line above is the bill's short title
_BILL_WORD = re.compile(r"(?i)^(?:an?\s+)?bill\b")


def _legislation(document: Document) -> Optional[str]:
    """A bill or an Act under its legislature's banner ("PARLIAMENT OF THE DEMOCRATIC SOCIALIST REPUBLIC OF SRI
    LANKA", "THE GAZETTE OF ..."): the Act's title printed under it ("... (AMENDMENT) ACT, No. 27 OF 2022"), or the
    bill's short title, the line printed over "A BILL" (its "A" read onto the title's line or onto its own)."""
    title = document.metadata.get("title")
    subtitle = document.metadata.get("subtitle")
    banner = isinstance(title, str) and bool(_BANNER.match(" ".join(title.split())))
    if banner and isinstance(subtitle, str) and _ACT_TITLE.match(" ".join(subtitle.split())):
        return _legal_case(" ".join(subtitle.split()))
    lines = [" ".join(b.text.split()) for b in document.blocks if b.page == 1][:12]
    for i, line in enumerate(lines[1:], 1):
        nxt = " ".join(lines[i:i + 2])
        if not (_BILL_WORD.match(line) or (line.strip().lower() in ("a", "an") and _BILL_WORD.match(nxt))):
            continue
        above = re.sub(r"\s+an?$", "", lines[i - 1], flags=re.I).strip()
        if above.lower() in ("a", "an") and i >= 2:
            above = lines[i - 2]
        words = above.split()
        if 2 <= len(words) <= 20 and above.isupper() and not bad_title(above):
            return _legal_case(above)
    return None


_CONTENTS_BILL = re.compile(r"^(?P<title>(?:The\s+)?[A-Z][\w'’() ,-]{3,150}?\b(?:Bill|Act)\s*,\s*\d{4})(?:\s+\d[\d ]*)?$")


def _contents_bill(document: Document) -> Optional[str]:
    """A gazette's supplement whose front page lists its one bill under "CONTENTS" ("The Kenya Roads Board
    (Amendment) Bill, 2024 ... 451"): that entry, without its page number."""
    lines = [" ".join(b.text.split()) for b in document.blocks if b.page == 1][:16]
    at = next((i for i, line in enumerate(lines) if _CONTENTS.match(re.sub(r"\s+", "", line))), None)
    if at is None:
        return None
    entries = [m.group("title") for line in lines[at + 1:at + 5] for m in [_CONTENTS_BILL.match(line)] if m]
    return re.sub(r"\s+,", ",", entries[0]) if len(entries) == 1 else None


def _legal_case(text: str) -> str:
    """A title printed in capitals in title case, bracketed words too ("(SPECIAL PROVISIONS)" -> "(Special
    Provisions)"), the small words lower, "No." kept."""
    if sum(c.isupper() for c in text) < 0.8 * sum(c.isalpha() for c in text):
        return text
    out = []
    for i, w in enumerate(text.split()):
        low = w.lower()
        if i and low in _NAME_WORDS:
            out.append(low)
        else:
            out.append(re.sub(r"[a-z]", lambda m: m.group(0).upper(), low, count=1))
    return " ".join(out)


_SALUTATION = re.compile(r"^dear\s+\S", re.I)


def _letter_subject(document: Document, acts: bool = False) -> Optional[str]:
    """A letter's subject: the line in capitals or bold printed right under its "Dear ...," ("FREEDOM OF
    INFORMATION REQUEST – FOI 1306/25"); with `acts`, also an Act's name there ("FREEDOM of INFORMATION ACT 2000":
    what a reply with no other heading is), else an Act's name is no subject ("PLANNING ACT 2008" over a decision
    letter's own heading)."""
    lines = [" ".join(v.split()) for v in (document.metadata.get("title_block"), document.metadata.get("title"))
             if isinstance(v, str)]  # the salutation the segmenter took for the title block, then the title
    lines += [" ".join(b.text.split()) for b in document.blocks if b.page == 1][:15]
    for i, line in enumerate(lines[:-1]):
        if not _SALUTATION.match(line) or len(line.split()) > 6:
            continue
        subject = lines[i + 1].strip()
        if _subject_line(subject) and (acts if _LEGISLATION.match(subject) else not bad_title(subject)):
            return subject
        return None
    return None


# an Act's or an Order's name on its own: what a letter is made under ("PLANNING ACT 2008", "... WIND FARM ORDER
# 2022"); the letter's subject only when it has no other heading
_LEGISLATION = re.compile(r"(?i)^[\w ,&'’()-]*\b(?:act|order|regulations|rules)\s+\d{4}\.?$")


def _subject_line(line: str) -> bool:
    """A short line mostly in capitals that does not end as a sentence: a letter's subject line."""
    letters = [c for c in line if c.isalpha()]
    return (bool(letters) and sum(c.isupper() for c in letters) >= 0.6 * len(letters) and 2 <= len(line.split()) <= 15
            and not line.endswith((".", ",", ":")))


_MONTH_NUM = {m[:3].lower(): i + 1 for i, m in enumerate(_MONTHS)}
_DATE_IN = re.compile(r"(?i)\b(\d{1,2})(?:st|nd|rd|th)?\s+(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+"
                      r"(\d{4}|\d{2})\b")


def _stale(title: str, document: Document) -> bool:
    """A PDF title property the page does not print, dated otherwise than the paper ("Mins 9 Apr 18" on minutes
    of 28 April 2025): the name of the template the file was made from, not the paper's."""
    date = document.metadata.get("date")
    m = _DATE_IN.search(title)
    d = re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", date) if isinstance(date, str) else None
    if not (m and d):
        return False
    year = int(m.group(3)) + (2000 if len(m.group(3)) == 2 else 0)
    if (year, _MONTH_NUM[m.group(2).lower()], int(m.group(1))) == (int(d.group(1)), int(d.group(2)), int(d.group(3))):
        return False
    page1 = " ".join(" ".join(b.text.split()) for b in document.blocks if b.page == 1)
    page1 += " " + " ".join(" ".join((s.heading or "").split()) for s in document.sections if s.page == 1)
    return " ".join(title.split()).lower() not in page1.lower()


# a meeting paper's date, US or British style ("TUESDAY, DECEMBER 6, 2022", "Thursday 5th June 2025")
_MEETING_WHEN = re.compile(r"(?i)\b" + _DATE_TEXT + r"\b")
_AGENDA_OPEN = re.compile(r"(?i)^(?:[\w&'’.,-]+\s+){0,14}?(?:agenda|meeting)\b")


def _to_meeting_date(title: str) -> str:
    """An agenda's title block run on past its date into the time, the venue and notices ("AGENDA ... REGULAR
    MEETING DECEMBER 6, 2022 FRED HESSE COMMUNITY PARK ... 7:00 P.M. ..."; "REGULAR MEETING AGENDA Tuesday,
    January 11, 2022, at 10:00 AM"): the words up to the date."""
    m = _MEETING_WHEN.search(title)
    if not m or not _AGENDA_OPEN.match(title[: m.start()] + " ") or not re.search(r"(?i)\bagenda\b", title[: m.end()]):
        return title
    rest = title[m.end():].strip(" ,.")
    return title[: m.end()].strip(" ,") if rest else title


_AGENDA_KIND = re.compile(r"(?i)^(?:(?:regular|special|adjourned|annual)\s+(?:meeting\s+)?)?agenda(?:\s*[-–—]\s*"
                          r"(?:final|draft|revised|amended))?$")


_COMMISSION = re.compile(r"(?:[A-Z][\w&'’-]*\s+){1,5}Commission")  # "City Commission", a US city's council


def _agenda_blocks(document: Document) -> Optional[str]:
    """A front page under a masthead (the body's short name in the largest type: "Metro") that prints the kind of
    paper, its date and the meeting body each on its own line ("Agenda - Final" / "Thursday, June 15, 2017" /
    ... / "Executive Management Committee"): "<body> <kind>, <date>"."""
    page1 = [" ".join(b.text.split()) for b in document.blocks if b.page == 1]
    for i, line in enumerate(page1[:-1]):
        if not _AGENDA_KIND.match(line):
            continue
        when = _MEETING_WHEN.search(page1[i + 1])
        if not when or len(page1[i + 1].split()) > 6:
            continue
        body = next((x for x in page1[i + 2:i + 8] if (_organisation(x) or _COMMISSION.fullmatch(x)) and len(x.split()) <= 8),
                    None)
        if body:
            return f"{body} {line}, {when.group(0)}"
    return None


# a word printed with its letters spaced out ("A G E N D A"): four letters or more, one space between each
_SPACED = re.compile(r"(?<!\S)(?:[A-Z] ){3,}[A-Z](?!\S)")
# a cover's block that runs the body's name, its venue and contact lines and the kind of paper together before the date
_BODY_VENUE_KIND = re.compile(r"^(?P<body>[A-Z][A-Z&'’ .,-]*?\b(?:COMMISSION|COMMITTEE|COUNCIL|BOARD|AUTHORITY|"
                              r"TRUSTEES|PANEL|CABINET))\b.{0,200}?\s(?P<kind>AGENDA|MINUTES)$")


def _unspaced(text: str) -> str:
    """ "A G E N D A" -> "AGENDA": a word whose letters were spaced out for show."""
    return _SPACED.sub(lambda m: m.group(0).replace(" ", ""), text)


def _agenda_line(document: Document) -> Optional[str]:
    """A front-page line that opens with the kind of meeting paper and its date ("AGENDA REGULAR MEETING TUESDAY,
    DECEMBER 6, 2022 6:00 P.M. 24300 NARBONNE AVENUE ..."): the kind and the date, named with the council."""
    for b in document.blocks:
        if b.page != 1:
            break
        line = _unspaced(" ".join(b.text.split()))
        m = _MEETING_WHEN.search(line)
        head = line[: m.start()].strip(" ,") if m else ""
        bodied = _BODY_VENUE_KIND.match(head)
        if m and bodied and len(bodied.group("body").split()) <= 10:
            # "PLANNING & ENVIRONMENTAL QUALITY COMMISSION CITY COUNCIL CHAMBER ■ 1700 WEST 162nd STREET ■ ... A G E N D A
            # TUESDAY, November 1, 2022": the body (to its first word that ends a body's name), the kind, the date
            when = re.sub(r"\b[A-Z]{3,}\b", lambda w: w.group(0).capitalize(), m.group(0))
            return f"{_title_case(bodied.group('body'))} {_title_case(bodied.group('kind'))}, {when}"
        if not m or not re.match(r"(?i)^(?:(?:regular|special|adjourned|annual)\s+(?:meeting\s+)?)?agenda\b|"
                                 r"^agenda\s+(?:regular|special|adjourned|annual)\s+meeting\b", head):
            continue
        if len(head.split()) > 6:
            continue
        named = _title_case(line[: m.end()].strip(" ,"))
        council = _council(document)
        return f"{council} {named}" if council and council.lower() not in named.lower() else named
    return None



# ---------------------------------------------------------------- a publisher's serials, histories and report kinds

# a paper's serial in its publisher's series, on a line of its own: "POLICY NO. 320", "Procedure No. 12", "Directive #4"
_SERIAL = re.compile(r"(?i)^(?:[a-z][\w&'’-]*\s+){0,3}?(?:policy|procedure|directive|guideline|standard|circular|"
                     r"regulation|rule|bulletin|instruction)\s+(?:no\.?|number|#)\s*[\w.-]*\d[\w.-]*\.?$")


def _serial_title(document: Document) -> Optional[str]:
    """A paper that prints its serial in the publisher's series over its title ("POLICY NO. 320" / "GENERAL RULES OF
    CONDUCT", the serial often its PDF title too, a letterhead's name above both): the title under the serial.  The
    serial names the slot in the series, the line under it what the paper is."""
    meta_title = document.metadata.get("title")
    lines = [v for v in (meta_title, document.source.title) if isinstance(v, str)]
    lines += [b.text for b in document.blocks if b.page == 1][:4]
    # the title under the serial is a section's heading where the paper's numbered parts follow it
    lines += [s.heading for s in document.sections if s.page == 1 and s.heading and s.number is None][:2]
    lines = [" ".join(v.split()) for v in lines]
    for i, line in enumerate(lines):
        if not _SERIAL.match(line):
            continue
        for after in lines[i + 1:]:
            if _SERIAL.match(after) or after.lower() == line.lower():
                continue
            if (len(after.split()) <= 15 and not after.endswith((".", ":", ";", ",")) and after[:1].isupper()
                    and not re.match(r"^(?:[IVX]+|\d+|[A-Z])[.)]\s", after) and not bad_title(after)):
                return _title_case(after)
            break
        return None
    return None


# a paper's serial in its series and its name, opening page 1's first block: "Administrative Regulation 1201-AR(3):
# Non-Discrimination - Accommodating Individuals ...", "Policy 4.2: Data Retention"
_SERIAL_OPEN = re.compile(r"(?i)^(?:administrative\s+|board\s+|general\s+)?(?:policy|procedure|regulation|directive|"
                          r"guideline|standard|circular|bulletin|instruction|order)\s+(?:no\.?\s*|#\s*)?"
                          r"[\w.()/-]*\d[\w.()/-]*\s*[\u2013\u2014:-]\s*(?-i:[A-Z])")
# a field of the header set beside the title's lines and read in among them: "Status: DRAFT", "Version: 2"
_FIELD_AMONG = re.compile(r"\s+(?:Status|Version|Revision|Draft)\s*:\s*[A-Z0-9][A-Z0-9.]*\b(?=\s)")


def _serial_block(document: Document) -> Optional[str]:
    """Page 1's first lines, a serial and the paper's name run on over lines ("Administrative Regulation 1201-AR(3):
    Non-Discrimination - Accommodating Individuals Status: DRAFT with Disabilities - Section 505 ..."): the title,
    without the header's field its lines were read among; up to 40 words and no full stop (a sentence is none)."""
    for b in [b for b in document.blocks if b.page == 1][:3]:
        line = _FIELD_AMONG.sub("", " ".join(b.text.split()))
        if _SERIAL_OPEN.match(line) and len(line.split()) <= 40 and not line.endswith(".") and not bad_title(line):
            return line
    return None


# a serial and its title in one line of the running header: "Procedure 611 – Mentally Ill Persons", "Policy 4.2: Data
# Retention", "General Order 3.10 - Use of Force"
_SERIAL_NAMED = re.compile(r"(?i)^(?:(?:general|special|standing|departmental)\s+)?(?:policy|procedure|directive|guideline|"
                           r"standard|circular|regulation|bulletin|instruction|order)\s+(?:no\.?\s*|number\s+|#\s*)?"
                           r"[\w.-]*\d[\w.-]*\s*[\u2013\u2014:-]\s*(?P<name>[A-Z][^.;]{2,100})$")


def _serial_header(document: Document) -> Optional[str]:
    """A procedure that prints its serial and its title in the box at the top of its first page, which the segmenter
    reads as the running header ("San Antonio Police Department" / "GENERAL MANUAL" / "Procedure 611 – Mentally Ill
    Persons"): that line, its title, where the page's first heading only names a part (".01 INTRODUCTION")."""
    from ..model import DropReason

    for d in document.dropped:
        if d.page != 1 or d.reason is not DropReason.HEADER:
            continue
        line = " ".join(d.text.split())
        m = _SERIAL_NAMED.match(line)
        if m and not bad_title(m.group("name")):
            return line
    return None


# an approval and amendment history run into the title before it ("APPROVED: April 16, 1997 AMENDED: February 19,
# 2003 ... BY-LAWS OF THE ..."): when the paper was made and changed, not what it is
_HISTORY_HEAD = re.compile(
    r"^(?:(?:last\s+)?(?:approved|amended|adopted|revised|reviewed|updated|effective|ratified|issued)(?:\s+(?:on|by))?\s*:?\s*"
    r"(?:(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+(?:\d{1,2}(?:st|nd|rd|th)?,?\s+)?\d{4}|"
    r"\d{1,2}(?:st|nd|rd|th)?\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?,?\s+\d{4}|"
    r"\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4})[,;]?\s*)+", re.I)


def _after_history(title: str) -> str:
    """The title without the approval and amendment history printed before it (`_HISTORY_HEAD`)."""
    m = _HISTORY_HEAD.match(title)
    rest = title[m.end():].strip() if m else ""
    return rest if m and len(rest.split()) >= 2 and not bad_title(rest) else title


# a title block that ends with its publisher's name on a line of its own ("BYLAW 4" / "THE OFFICERS BYLAW" /
# "UNIVERSITY OF TORONTO ENGINEERING SOCIETY"): the paper's name ends with the kind of paper it is
_KIND_END = re.compile(r"(?i)\b(?:by-?laws?|rules(?:\s+of\s+order)?|standing\s+orders|order|constitution|polic(?:y|ies)|"
                       r"procedures?|regulations|code|standards?|charter|guidelines?|terms\s+of\s+reference|statutes?)$")


# a collection's noun, which continues the words before it ("Board Policy Manual West Ada School District" is the
# district's policy manual, a running head, not "Board Policy" of a body named "Manual West Ada School District")
_COLLECTION_NOUN = re.compile(r"(?i)^(?:manual|handbook|book|guide|compendium|collection|series|register|volume)$")


def _without_body_tail(title: str) -> str:
    """The title without the body's name printed under it as the last line of the title block: what is left names
    a kind of paper (`_KIND_END`) in two words or more, and what is cut is a body's name alone (`_organisation`)."""
    words = title.split()
    for i in range(len(words) - 2, 1, -1):
        head, tail = " ".join(words[:i]), " ".join(words[i:])
        if words[i].lower() in _SMALL_WORDS or not words[i][:1].isupper() or _COLLECTION_NOUN.match(words[i]):
            continue
        if _KIND_END.search(head) and _organisation(tail) and not _KIND_ONLY.match(head) and not bad_title(head):
            return head
    return title


# the record of a chamber's sitting: its banner names the kind ("DÍOSPÓIREACHTAÍ PARLAIMINTE / PARLIAMENTARY
# DEBATES", "OFFICIAL REPORT", "Hansard") under or over the chamber's name set largest ("Dáil Éireann")
_DEBATES = re.compile(r"(?i)\b(?:parliamentary\s+debates|official\s+report|hansard)\b")
_WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]


def _debates_record(title: str, document: Document) -> Optional[str]:
    """A debate's record titled by its chamber's name alone: "<chamber> Debate, <weekday> <date>", as the record is
    cited ("Dáil Éireann Debate, Friday 24 April 2015"), when a front-page line names it a debate and its date is
    known; the chamber's name alone names the publisher, not the sitting."""
    import datetime

    name = " ".join(title.split())
    if not name or len(name.split()) > 5 or _DEBATES.search(name) or re.search(r"\d", name):
        return None
    if not any(_DEBATES.search(b.text) for b in document.blocks[:8] if b.page == 1):
        return None
    when = document.metadata.get("date")
    m = re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", when) if isinstance(when, str) else None
    if not m:
        return None
    day = _WEEKDAYS[datetime.date(int(m.group(1)), int(m.group(2)), int(m.group(3))).weekday()]
    return f"{_title_case(name)} Debate, {day} {_long_date(when)}"


# a yearbook's or a code's name over the one instrument the page prints ("LOCAL LAWS OF THE CITY OF NEW YORK FOR THE
# YEAR 2018" over "No. 91", "A LOCAL LAW", "In relation to establishing a charter revision commission ...")
_COLLECTION = re.compile(r"(?i)^(?:local\s+laws|ordinances|by-?laws|resolutions|acts|statutes|laws)\s+of\b")
_ONE_INSTRUMENT = re.compile(r"(?i)^an?\s+(?:local\s+law|ordinance|resolution|by-?law|bill|act)\W*$")
_PURPOSE = re.compile(r"(?i)^(?:in\s+relation\s+to|relating\s+to|to\s+[a-z]+|for\s+[a-z]+|concerning|providing|"
                      r"amending|establishing)\b")


def _collected_instrument(title: str, document: Document) -> Optional[str]:
    """The instrument a collection's page prints under the collection's name: its kind and its long title read as
    one ("A Local Law in relation to establishing a charter revision commission ...")."""
    if not _COLLECTION.match(" ".join(title.split())):
        return None
    blocks = [" ".join(b.text.split()) for b in document.blocks if b.page == 1][:8]
    for i, line in enumerate(blocks[:-1]):
        nxt = blocks[i + 1]
        if _ONE_INSTRUMENT.match(line) and _PURPOSE.match(nxt) and len(nxt) <= 400:
            kind = _title_case(line.strip(" .:"))
            return f"{kind} {nxt[:1].lower()}{nxt[1:]}".rstrip(" .")
    for block in blocks:  # the same lines read as one block with the sponsors above and the enacting clause below
        m = _INLINE_INSTRUMENT.search(block)
        if m and _PURPOSE.match(m.group("purpose")):
            return f"{_title_case(m.group('kind'))} {m.group('purpose')[:1].lower()}{m.group('purpose')[1:]}".rstrip(" .")
    return None


_INLINE_INSTRUMENT = re.compile(
    r"\b(?P<kind>AN? (?:LOCAL LAW|ORDINANCE|RESOLUTION|BY-?LAW|BILL|ACT))\s+"
    r"(?P<purpose>[A-Z][^.]{10,400}?)\s*(?:\.|$|(?=Be it (?:enacted|ordained|resolved)\b))")


# a Federal Register's section name set largest over each document it prints ("Rules and Regulations", "Proposed
# Rules", "Notices"): the document's own title is the line after its CFR part ("5 CFR Part 1600")
_REGISTER_SECTION = re.compile(r"(?i)^(?:rules\s+and\s+regulations|proposed\s+rules|notices|presidential\s+documents)$")
_CFR = re.compile(r"^\d+\s+CFR\s+(?:Parts?|Chapter)\b")


def _register_document(title: str, document: Document) -> Optional[str]:
    if not _REGISTER_SECTION.match(title.strip()):
        return None
    blocks = [" ".join(b.text.split()) for b in document.blocks if b.page == 1][:12]
    for i, line in enumerate(blocks):
        if _CFR.match(line):
            for nxt in blocks[i + 1:i + 4]:
                if nxt.startswith(("[", "RIN ", ":")) or _CFR.match(nxt):
                    continue
                return nxt if not bad_title(nxt) else None
    return None


# a title block of a letterhead in capitals, the meeting's body and its date ("WARRENVILLE PUBLIC LIBRARY DISTRICT
# Meeting Room Policy Committee Tuesday, January 10, 2017"), the kind of paper printed under it on its own line
_LETTERHEAD_MEETING = re.compile(r"^(?P<publisher>[A-Z][A-Z0-9&'’ .,-]+?)\s+(?P<body>[A-Z][a-z][\w&'’ -]*?)\s*,?\s*$")


def _letterhead_meeting(title: str, document: Document) -> Optional[str]:
    """A meeting paper's title block that runs its publisher's letterhead, the meeting's body and the date together,
    the kind of paper ("AGENDA") printed under it: "<body> <kind>" ("Meeting Room Policy Committee Agenda").  The
    publisher is the letterhead and the date is the paper's date, both fields of their own."""
    when = _MEETING_WHEN.search(title)
    if not when:
        return None
    m = _LETTERHEAD_MEETING.match(title[: when.start()])
    if not m or not _organisation(m.group("publisher").strip(" ,")) or not _organisation(m.group("body")):
        return None
    for line in [" ".join(b.text.split()) for b in document.blocks if b.page == 1][:4]:
        if _MEETING_PAPER.match(line):
            return f"{m.group('body').strip()} {_title_case(line)}"
    return None


# a meeting's banner over the papers tabled at it: "SCIENTIFIC COMMITTEE / TWENTIETH REGULAR SESSION", "GENERAL
# ASSEMBLY SIXTY-FIRST SESSION" -- a body and its session by number, no paper's name
_SESSION_BANNER = re.compile(
    rf"(?i)^(?:the\s+)?(?:[\w&'’-]+\s+){{1,6}}?(?:\d+(?:st|nd|rd|th)|{_TENS}(?:-{_UNITS})?|{_UNITS}|tenth|eleventh|"
    r"twelfth|[a-z]+teenth|twentieth|thirtieth|fortieth|fiftieth|sixtieth|seventieth|eightieth|ninetieth)\s+"
    r"(?:(?:regular|special|ordinary|annual|plenary)\s+)?session$")
_SESSION_KIND = re.compile(r"(?i)^(?:(?:final|draft|summary|interim)\s+)?(?:report|record|minutes|agenda)$")


def _session_paper(title: str, document: Document) -> Optional[str]:
    """A paper tabled at a numbered session, whose largest type is the session's banner: the paper's own title,
    the first block under the banner on page 1 that is neither the venue nor a date nor a reference ("Scoping
    the Next Generation of Tuna Stock Assessment Software: ..."); a kind alone under it ("SUMMARY REPORT") is the
    session's, named with the banner."""
    title = " ".join(title.split())
    if not _SESSION_BANNER.match(title):
        return None
    page1 = [" ".join(b.text.split()) for b in document.blocks if b.page == 1]
    if title not in page1:
        return None
    for line in page1[page1.index(title) + 1:][:4]:
        if _SESSION_KIND.match(line):
            return f"{_title_case(title) if title.isupper() else title} {_title_case(line) if line.isupper() else line}"
        words = line.split()
        if len(words) < 4 or _MEETING_WHEN.search(line) and len(words) <= 8 or bad_title(line):
            continue  # "Manila, Philippines", "14-21 August 2024", "WCPFC-SC20-2024/SA-WP-01 5 August 2024"
        return line
    return None


# a title that names only the kind of report, with its number or without ("Final Report", "Urgent Recommendation",
# "Interim Factual Report", "ADDENDUM #1", "Air Investigation Report A11F0012"): the report itself is named by the
# number and the subject printed with it
_REF = r"(?:#\s*\d+|[A-Z]{0,4}-?\d[\dA-Z]*(?:[-/.][\dA-Z]+)+|[A-Z]+\d+[A-Z]+\d+)"
_REPORT_KIND = re.compile(
    rf"^(?P<kind>(?:[A-Z][\w-]*\s+){{0,4}}?(?i:report|recommendations?|addendum|bulletin|inquiry|investigation))"
    rf"(?:\s+(?:(?i:no\.?)\s*)?(?P<ref>{_REF}))?$")
_NAMED_REF = re.compile(rf"^(?P<head>(?:[A-Z][\w-]*\s+){{1,4}}?(?P<ref>{_REF}))\s*[:\u2013\u2014-]?\s*(?P<subject>.*)$")


def _norm(text: str) -> str:
    return " ".join(re.findall(r"\w+", text.lower()))


def _report_named(title: str, document: Document) -> Optional[str]:
    """A report whose largest type names only its kind: the kind with its number and subject as the front pages
    print them ("Urgent Recommendation MO-2016-202: Cruise ship Azamara Quest, contact with Wheki Rock, ..."):
    - a front line that starts with the kind and goes on with a number and the subject;
    - else, the title having a number, the line printing that number and the title block under it ("AVIATION
      INVESTIGATION REPORT A11F0012" / "PITCH EXCURSION" / "AIR CANADA BOEING 767-333 ...");
    - else a line naming an inquiry by its number and subject ("Inquiry 12-202: Fishing vessel Torea, ...").
    A subject cut short (its last line read as the date: it ends with a comma) is completed from another line
    printing the same number with a longer subject that starts with it."""
    kind_m = _REPORT_KIND.match(" ".join(title.split()))
    if not kind_m:
        return None
    blocks = [(b.page, " ".join(b.text.split())) for b in document.blocks if b.page <= 3]
    subtitle = document.metadata.get("subtitle")
    lines = ([(1, " ".join(subtitle.split()))] if isinstance(subtitle, str) else []) + blocks
    lines += [(d.page, " ".join(d.text.split())) for d in document.dropped if d.page == 1]
    kind, ref = _norm(kind_m.group("kind")), kind_m.group("ref")

    def subject_of(i: int, line: str, number: str) -> str:
        rest = line[line.find(number) + len(number):].strip(" :\u2013\u2014-") if number in line else ""
        if rest or i + 1 >= len(lines) or i < 0:
            return rest
        page = lines[i][0]  # the number ends its line: the title block under it on its page
        under = []
        for p, nxt in lines[i + 1:i + 4]:
            if (p != page or len(nxt.split()) > 20 or nxt.endswith(".") or bad_title(nxt)
                    or re.match(r"^[^:]{1,40}:\s", nxt)):  # "Approved for publication: February 2011" is a field
                break
            under.append(nxt)
            if re.search(r"\b\d{4}$", nxt):  # the date ends the title block
                break
        return ", ".join(under)

    found = None  # (head, number, subject)
    for i, (_, line) in enumerate(lines):
        n = _norm(line)
        if ref and n.startswith(_norm(title) + " "):  # the title and on: "Addendum #1- Port of Alsea Boat Launch ..."
            head = re.match(r"^\W*" + r"\W+".join(map(re.escape, _norm(title).split())) + r"\b", line, re.I)
            if head:
                found = (head.group(0).strip(), ref, line[head.end():].strip(" :\u2013\u2014-"))
                break
        if n.startswith(kind + " ") and not ref:
            m = _NAMED_REF.match(line)
            if m and _norm(m.group("head")).startswith(kind):
                found = (m.group("head"), m.group("ref"), subject_of(i, line, m.group("ref")))
                break
    if found is None and ref:
        for i, (_, line) in enumerate(lines):
            if ref in line and line.rstrip().endswith(ref) and len(line.split()) <= 8:
                found = (line, ref, subject_of(i, line, ref))
                break
    if found is None and not ref:
        for i, (page, line) in enumerate(lines):
            m = _NAMED_REF.match(line)
            if page == 1 and m and ":" in line[m.end("ref"):m.end("ref") + 2] and len(m.group("subject").split()) >= 3:
                found = (m.group("head"), m.group("ref"), m.group("subject"))
                break
    if found is None:
        return None
    head, number, subject = found
    if len(subject.split()) < 2:
        return None
    if subject.endswith(","):  # cut short: another line with the same number says more
        for i, (_, line) in enumerate(lines):
            if number not in line:
                continue
            other = subject_of(i, line, number)
            if len(other) > len(subject) and _norm(other).startswith(_norm(subject)):
                subject = other
    return f"{head}: {subject.rstrip(' ,')}"


def titled(document: Document) -> Document:
    """The Document with the title `find_title` chooses as its metadata `title` (and its `source.title`, which
    the segmenter sets to its title block), so that every command reports the one title.

    The choice is made on the segmenter's Document; it is applied only in a form from which it is chosen again,
    so that `summarise` on the titled Document names the paper as `extract` does:
    - the title without the subtitle the metadata keeps apart, where it ends the title ("Local Strategic
      Partnerships: Shaping Their Future" with its subtitle "A Consultation Paper"): the summary joins it on;
    - else the whole title, the subtitle kept;
    - else the whole title without the subtitle, where the title chosen is not the segmenter's title block and
      its subtitle is no part of it (an agenda's "AGENDA" over the venue's address, replaced by "A Regular
      Meeting of the ... City Council Agenda": the address is no subtitle of that);
    - else (the evidence the choice was made from was the title block itself: a letter's subject read under a
      "Dear ...," that the segmenter took for the title) the Document is left as the segmenter made it.
    The segmenter's title block, where the title chosen replaced it and does not print it, is kept as
    `title_block` (a masthead, a letterhead's line, a body's name with its acronym): the page prints it, and what
    is read from it stays read (an acronym it defines, for the glossary; a letter's salutation above its
    subject; a diff's cover).  Where nothing on the page or in the file will do (the summary has no title), the
    Document keeps the
    segmenter's title block: what it prints is still read from it (an acronym defined there, "Open Data User
    Group (ODUG)", for the glossary).
    """
    from dataclasses import replace

    from ..model import Metadata

    chosen = find_title(document)
    meta = dict(document.metadata.items())
    if not chosen or (chosen == meta.get("title") and chosen == document.source.title):
        return document
    subtitle = meta.get("subtitle")
    variants = []
    if chosen and isinstance(subtitle, str):
        sub = _STATUS_DATE.sub("", subtitle.strip()).strip().rstrip(":")
        if sub and chosen.endswith(f": {sub}") and len(chosen) > len(sub) + 2:
            variants.append((chosen[: -len(sub) - 2], True))
    if "subtitle" in meta and _same_words(subtitle, chosen):
        # the title block's second line became the title ("PARLIAMENT OF ..." over "PETROLEUM PRODUCTS ... ACT,
        # No. 27 OF 2022"): it is no longer a subtitle
        variants.append((chosen, False))
    variants.append((chosen, True))
    if "subtitle" in meta:
        variants.append((chosen, False))
    for title, keep in variants:
        items = {k: v for k, v in meta.items() if keep or k != "subtitle"}
        # in the segmenter's place for it where it had one, else first
        items = {**items, "title": title} if "title" in items else {"title": title, **items}
        candidate = replace(document, metadata=Metadata(items), source=replace(document.source, title=title))
        block = replaced_title_block(document, candidate)
        if block and not junk_block(block, document):
            candidate = replace(candidate, metadata=Metadata({**items, "title_block": block}))
        if find_title(candidate) == chosen:
            return candidate
    return document


def _same_words(a, b) -> bool:
    """Two lines that print the same words, whatever their case and punctuation."""
    if not (isinstance(a, str) and isinstance(b, str)):
        return False
    return re.findall(r"\w+", a.lower()) == re.findall(r"\w+", b.lower())


def junk_block(text: str, document: Document) -> bool:
    """A title block that says nothing a reader could use, so none is kept: no word in it (a symbol font's private
    glyphs "\uf061\uf062\uf063", a rule of underscores), a file's name (the PDF's title property: "Code of Conduct
    adopted 27th March 2017.pages", "standingorders", "20190919", "2025-11-03 Agenda"), a template's placeholder
    ("Tel: xxxx xxx xxxx"), a table's column heads ("Item No"), words run together over a number ("Cindy Segawa,
    Mayor1Special"), or a title dated otherwise than the paper (`_stale`: "Milburn Parish Council - 6th March 2012"
    on minutes of 2018).  A masthead, a body's name, an Act's, an addressee, a salutation stay: the page prints them."""
    t = " ".join(text.split())
    if not re.search(r"[A-Za-z]", t) or _FILE_EXT.search(t) or _WORD_PREFIX.match(t) or _path(t):
        return True
    if len(t.split()) == 1 and not t[:1].isupper() or re.match(r"^(?:\d{8}|\d{4}-\d{2}-\d{2})\b", t):
        return True  # a file's name: one word in lower case, or a date stamp leading it
    if re.search(r"\b[xX]{3,}\b", t) or re.search(r"[a-z]\d+[A-Z][a-z]", t):
        return True
    if all(w in _COLUMN_WORDS for w in re.findall(r"[a-z]+", t.lower())):
        return True
    return _stale(t, document)


def replaced_title_block(segmented: Document, document: Document) -> Optional[str]:
    """The segmenter's title block where the title chosen (`titled`) replaced it and does not print it: a line
    the cover prints above the title ("THE GAZETTE OF THE DEMOCRATIC SOCIALIST REPUBLIC OF SRI LANKA", a
    letterhead's "Tel: ..." line, "Open Data User Group (ODUG)")."""
    block = segmented.metadata.get("title")
    title = document.metadata.get("title")
    if not isinstance(block, str) or not block.strip() or block == title:
        return None
    if isinstance(title, str) and " ".join(block.lower().split()) in " ".join(title.lower().split()):
        return None
    return block
