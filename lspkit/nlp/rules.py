"""The labelling guide's decision rules as features: what data/labels/GUIDE.md tells an annotator to look for.

    rule_features("The quorum of the Panel shall be three.")
    # {"@rule:gov:quorum-membership-chair": (4, 10)}

Each rule is a pattern written from the guide's text (its theme definitions,
numbered rules and hard cases), named after the theme it speaks for and
what it stands for, its description ending with the guide rule it comes
from (RULES: name -> (theme, description); "" for procedural paragraphs
and traps).  A
rule that fires is a feature of the paragraph like a word, at the offsets
of its first match, so the linear model (lspkit.nlp.linear) learns how much
each rule counts for each theme, and `--explain` shows the rule and the
words that made it fire.  Traps (guide rules 17, 20-23: physical capacity,
"role" in a job title, audit "accountability", plan-making, procedural
paragraphs) are rules too: the model learns that they count against their
theme.  No rule was written from a test paragraph: only from the guide.
"""
from __future__ import annotations

import re
from functools import lru_cache
from itertools import compress
from typing import Optional

RULE_PREFIX = "@rule:"

# body words: what "the body" is in the guide ("The body" paragraph)
_BODY = (
    r"(?:board|partnership|committee|sub-?committee|council|authority|panel|cabinet|executive|group|forum|body|"
    r"assembly|commission|joint committee|LSP|combined authority|parish|trust|company)"
)

# (name, theme or "", what it looks for (the guide rule), pattern); patterns are matched against the lower-cased text
_SPEC: tuple[tuple[str, str, str, str], ...] = (
    # ---- role (the theme's definition; rules 9, 10, 15, 17, 19)
    ("role:purpose", "role", "the body's purpose, remit or functions",
     rf"\b(?:purpose|remit|functions?|aims?|objectives?|mission|vision|raison d'être)\s+of\s+(?:the|this|our|a|each)\s+(?:\w+\s+){{0,3}}{_BODY}\b"
     rf"|\b{_BODY}(?:'s)?\s+(?:purpose|remit|functions?|role|aims?|mission)\b|\bexists?\s+to\b"),
    ("role:role-of-body", "role", "the part a body plays: its role, remit, functions or powers; what it is responsible for doing",
     r"\b(?:key|important|central|vital|lead|leading|strategic|critical|statutory|significant|crucial|wider|its|their|our|whose)\s+(?:\w+\s+)?role\b"
     r"|\brole\s+(?:of|in|for|as)\s+(?:the\s+|a\s+|local\s+)?(?:\w+\s+){0,2}(?:councils?|authorit\w+|board|partnership|committee|government|sector|bod(?:y|ies)|members|councillors|communit\w+)\b"
     r"|\b(?:remit|functions?|powers?\s+and\s+duties|purpose)\b|\bresponsib\w+\s+for\s+(?:the\s+)?(?:delivery|delivering|providing|provision|developing|leading|promoting|co-?ordinat\w+)\b"),
    ("role:services", "role", "commissioning or delivering services, or what the body does, as a function of the body",
     r"\b(?:councils?|authorit\w+|local\s+government|partnership|board)\s+(?:\w+\s+){0,2}(?:provides?|delivers?|supports?|works?\s+with|promotes?|represents?|helps?|enables?)\b"
     r"|\bservices\s+(?:to|for)\s+(?:local\s+)?(?:people|residents|communit\w+|citizens)\b|\bbehalf\s+of\s+(?:the\s+)?(?:community|residents|parish|people)\b"),
    ("role:strategy", "role", "producing, delivering or leading the body's strategy, plan or priorities",
     r"\b(?:develop|produce|prepare|deliver|lead|own|agree|set|drive|oversee)\w*\s+(?:the\s+|a\s+|its\s+|their\s+|our\s+)?(?:[\w-]+\s+){0,10}"
     r"(?:strateg(?:y|ies)|vision|priorities|action plan|community plan|delivery plan)\b|\bstrategic\s+(?:leadership|coordination|co-ordination|direction|role|lead)\b"
     r"|\b(?:strategy|plan)\s+(?:will|is\s+to|should|must)\s+(?:deliver|implement|give\s+effect\s+to|express)\b|\b(?:spatial|local)\s+expression\s+of\b"),
    ("role:leadership-of-place", "role", "strategic coordination and leadership of a place, community leadership",
     r"\b(?:community|place|civic|local)\s+leadership\b|\blead(?:ing|s)?\s+(?:and\s+\w+\s+)?(?:the\s+)?(?:area|place|borough|county|city|district|community|communities)\b"
     r"|\bco-?ordinat\w+\s+(?:the\s+)?(?:work|activit\w+|efforts?|action)\s+of\b"),
    ("role:engagement", "role", "engaging neighbourhoods, parishes and communities in shaping priorities (9)",
     r"\b(?:engag|involv|consult)\w*\s+(?:with\s+)?(?:local\s+)?(?:communities|residents|neighbourhoods|parishes|the\s+community|the\s+public|citizens)\b"
     r"|\bcommunity\s+(?:engagement|involvement|voice)\b"),
    ("role:division-of-functions", "role", "relationships between tiers and bodies as a division of functions",
     r"\b(?:two-tier|tiers? of (?:local\s+)?government|division of (?:functions|responsibilities)|(?:county|district|parish|town)\s+and\s+(?:county|district|parish|town)\s+councils)\b"
     r"|\b(?:functions?|powers|responsibilit\w+)\s+(?:of|exercised by|held by|transferred to|conferred on)\s+(?:the\s+)?(?:\w+\s+){0,2}(?:council|authority|mayor|combined authority)\b"),
    ("role:commissioning", "role", "commissioning or delivering services as a function of the body",
     r"\b(?:commissioning|commissioner of|provider of)\b|(?<=\bto\s)(?:provide|deliver)\b"),
    ("role:terms-of-reference-duties", "role", "terms of reference clauses that list what the body is to do (15)",
     r"^\s*(?:\(?[a-z0-9]{1,3}[.)]\s*)?to\s+(?:develop|monitor|promote|agree|oversee|advise|support|lead|consider|co-?ordinate|ensure|review|produce|prepare|deliver|encourage|represent)\b"),
    ("role:fund-purpose", "role", "what the body or fund is for (19)",
     r"\b(?:fund|funding|deal|programme)\s+(?:exists|is intended|is designed|aims)\s+to\b"),
    # ---- governance (definition; rules 8, 14, 15, 16, 18, 23)
    ("gov:terms-of-reference", "governance", "terms of reference (15)", r"\bterms\s+of\s+reference\b"),
    ("gov:quorum-membership-chair", "governance", "membership, quorum, chairing, substitutes, voting (15)",
     r"\bquor(?:um|ate)\b|\bmembership\b|\bsubstitut\w+\s+members?\b|\b(?:chair(?:ed|man|person|s)?|vice-?chair\w*)\b|\bcasting\s+vote\b"
     r"|\bvot(?:e|es|ing)\b|\bshall\s+(?:comprise|consist)\b|\bcomprise\s+(?:the\s+)?(?:\w+\s+){0,3}(?:members|councillors|leaders?|representatives)\b"
     r"|\b(?:appoint|elect|co-?opt|nominat)\w*\s+(?:\w+\s+){0,3}(?:members?|chair\w*|representatives?|councillors?)\b"),
    ("gov:constitution-standing-orders", "governance", "constitutions, standing orders, procedure rules, schemes of delegation (16)",
     r"\bconstitution\b|\bstanding\s+orders?\b|\bprocedure\s+rules?\b|\bscheme\s+of\s+delegation\b|\brules\s+of\s+procedure\b"
     r"|\bfinancial\s+regulations?\b|\bstanding\s+financial\s+instructions\b"),
    ("gov:delegation", "governance", "delegations, who may take which decision, key decisions, reserved matters (14, 16)",
     r"\bdelegat\w+\b|\bkey\s+decisions?\b|\breserved\s+(?:to|for|matters?)\b|\bforward\s+plan\b|\bdecision-?making\b|(?<=\bin\s)consultation\s+with\s+the\b"
     r"|\b(?:may|shall|will|must)\s+(?:only\s+)?(?:be\s+)?(?:decide|authori[sz]e|approv|determin)\w*\b|\bauthori[sz]ed\s+(?:by|to)\b|\bpowers?\s+to\s+(?:decide|approve|make)\b"),
    ("gov:structure", "governance", "boards, committees, sub-committees and their relations; reporting lines between bodies; avoiding duplication",
     r"\b(?:sub-?committees?|working\s+groups?|task\s+and\s+finish|joint\s+committee|cabinet\s+committee|executive\s+(?:arrangements|system)|committee\s+system|leader\s+and\s+cabinet|governance\s+(?:structure|model|framework|arrangements?))\b"
     r"|\b(?:report|reports|reporting)\s+(?:directly\s+)?(?:in)?to\s+the\s+(?:\w+\s+){0,3}(?:board|committee|group|cabinet|executive)\b|\bduplicat\w+\b"),
    ("gov:statutory-status", "governance", "legal or statutory status, legislative foundation, duty to co-operate (8)",
     r"\b(?:statutory|legal)\s+(?:status|basis|footing|body|foundation|framework|entity|personality)\b|\bduty\s+to\s+co-?operate\b|\bincorporat\w+\b|\bestablished\s+(?:by|under)\b"
     r"|\b(?:Act|Regulations|Order)\s+(?:19|20)\d\d\b|\bsection\s+\d+\w*\s+of\s+the\b"),
    ("gov:elections-constitution", "governance", "elections deciding how the body is made up or led (18)",
     r"\b(?:electoral\s+(?:cycle|arrangements|review)|whole-?council\s+elections|all-?out\s+elections|elections\s+by\s+thirds|directly\s+elected\s+mayor|number\s+of\s+(?:councillors|wards|members)|boundar(?:y|ies)\s+(?:review|commission))\b"),
    ("gov:company", "governance", "a council-owned company's board, shareholder committee, reserved matters (23)",
     r"\b(?:shareholder|articles\s+of\s+association|company\s+board|directors?\s+of\s+the\s+company|teckal|wholly[- ]owned)\b"),
    # ---- accountability (definition; rules 9, 11, 13, 16, 22)
    ("acc:scrutiny-call-in", "accountability", "overview and scrutiny, call-in, inquiries into a body's decisions (13)",
     r"\bscrutin\w+\b|\b(?:power|right)\s+to\s+(?:require|summon|call)\b|\bcall(?:ed|ing)?[- ]in\b|\boverview\s+and\s+scrutiny\b|\bselect\s+committee\b|(?<=\bto\s)account\b"),
    ("acc:answerable", "accountability", "who answers for what, to whom: accountable, answerable, responsible to",
     r"\baccountab\w+\b|\banswerab\w+\b|\bresponsible\s+to\b|\breport(?:s|ing)?\s+back\b|\bresponsibilities\s+of\s+(?:the\s+)?(?:partners?|members?|officers?|councillors?)\b"),
    ("acc:performance", "accountability", "performance management and reporting on performance",
     r"\bperformance\s+(?:management|reports?|reporting|indicators?|framework|monitoring|measures?|review|data)\b|\bmonitor\w*\s+(?:\w+\s+){0,2}(?:performance|progress|delivery|implementation)\b"
     r"|\b(?:quarterly|annual|six-monthly|regular)\s+(?:progress\s+|performance\s+)?reports?\b|\bkey\s+performance\b|\btargets?\b"),
    ("acc:residents", "accountability", "answering to residents: publishing, reporting back, complaints, transparency (9)",
     r"\btranspar\w+\b|\bcomplaints?\b|\bpublish\w*\b|\bfreedom\s+of\s+information\b|\bannual\s+report\b|\bpublic\s+(?:questions|forum|participation)\b|\bopenness\b"),
    ("acc:conduct-standards", "accountability", "code of conduct, registers of interests, the monitoring officer, standards (16)",
     r"\bcode\s+of\s+conduct\b|\bregisters?\s+of\s+(?:members'?\s+)?interests?\b|\bmonitoring\s+officer\b|\bstandards\s+(?:committee|board|regime)\b|\bnolan\b|\bseven\s+principles\b"
     r"|\b(?:disclosable\s+)?pecuniary\s+interests?\b|\bbring\s+(?:the|their|his|her)\s+(?:office|council|authority)\s+into\s+disrepute\b|\b(?:selflessness|integrity|objectivity|honesty)\b|\bbreach\w*\s+of\s+the\s+code\b"),
    ("acc:protocols", "accountability", "protocols and formal agreements between partners (11)",
     r"\bprotocols?\b|\b(?:memorandum|memoranda)\s+of\s+understanding\b|\binformation[- ]sharing\b|\bpartnership\s+agreement\b|\bservice\s+level\s+agreement\b|\bconcordat\b"),
    # ---- capacity (definition; rules 12, 19)
    ("cap:staffing", "capacity", "staffing, officer support, skills, training, recruitment",
     r"\bstaff\w*\b|\bofficer\s+(?:support|time|resource\w*)\b|\bskills?\b|\btraining\b|\brecruit\w*\b|\bsecondment\w*\b|\bvacanc\w+\b|\bworkforce\b|\bexpertise\b"
     r"|\b(?:dedicated|support|programme|project)\s+(?:team|officers?|staff)\b|\bco-?ordinator\b|\bclerk\b|\bleadership\s+development\b|\binduction\b"),
    ("cap:resources", "capacity", "funding, budgets and resources for the body or its work (19)",
     r"\bresourc\w+\b|\b(?:budget|funding|grant|finance|money)\s+(?:for|to\s+(?:support|fund|run|pay))\b|\b(?:revenue|capital)\s+funding\b|\bfund(?:ed|ing)?\s+by\b"
     r"|[£€]\s?\d[\d,.]*\s?(?:m|million|k|bn)?\b|\binvestment\s+fund\b|\bcapacity\s+(?:to|building|of\s+the|for)\b|\b(?:lack|lacks|lacking|shortage)\s+(?:of\s+)?(?:the\s+)?(?:capacity|resources?|staff|funding|support)\b"),
    ("cap:systems", "capacity", "information and systems the body needs",
     r"\b(?:IT|ICT|information|data|case\s+management)\s+systems?\b|\bdigital\s+(?:tools|platform|infrastructure)\b|\bequipment\b|\bsoftware\b"),
    # ---- procedural: no theme (rule 1)
    ("none:procedural", "", "procedural paragraph: apologies, minutes agreed, asked to note, contact officer, meeting dates (1)",
     r"\bapologies\b|\bdeclarations?\s+of\s+interests?\b|\bminutes\s+(?:of\s+the\s+(?:\w+\s+){0,4})?(?:were\s+|was\s+)?(?:agreed|approved|signed|adopted|confirmed|taken\s+as\s+read)\b"
     r"|\b(?:correct|true|accurate)\s+record\b|\basked\s+to\s+note\b|(?<=\bbe\s)noted\b|\bnoted\s+the\s+report\b|\bcontact\s+officer\b|\bbackground\s+papers\b|\bdate\s+of\s+(?:the\s+)?next\s+meeting\b"
     r"|\bmeeting\s+(?:closed|ended|concluded)\b|\b(?:will|would)\s+be\s+(?:heard|considered|taken)\s+(?:on|at)\b|\bproposed\s+by\b|\bseconded\s+by\b|\bpurpose\s+of\s+(?:this|the)\s+(?:report|paper|note|document)\b|\bhow\s+to\s+respond\b|\bconsultation\s+(?:closes|period)\b"),
    # ---- traps (false friends, rules 17, 20-23)
    ("trap:physical-capacity", "", "physical capacity: landfill, school places, roads, network, reserves, beds; 'in his capacity as' (20)",
     r"\b(?:landfill|waste|disposal|storage|road|junction|network|grid|highway|school|hospital|bed|parking|car\s+park|plant|treatment|reservoir|water|sewer\w*|mineral|generating|export|transmission)\s+(?:\w+\s+)?capacity\b"
     r"|\bcapacity\s+(?:of\s+(?:the\s+)?)?(?:\w+\s+)?(?:MW|GW|tonnes|places|beds|spaces|vehicles)\b|\b(?:MW|megawatts?|tonnes|landbank|school\s+places)\b|\bcapacity\s+as\b|(?<=\bat\s)capacity\b"),
    ("trap:role-title", "", "'role' in a job title or list of posts (21)",
     r"\brole\s+profile\b|\b(?:director|head|manager|officer|chief\s+\w+)\s+of\s+(?:[\w&-]+\s+){1,3}role\b|\b(?:officer|director|manager|head|clerk|co-?ordinator|post)\s+role\b|\btakes?\s+(?:on|up)\s+the\s+role\s+of\b|\b(?:job|post)\s+(?:title|description|role)\b"),
    ("trap:audit-sense", "", "financial audit 'accountability': accounts, external auditor, accountable body, treasury (22)",
     r"\bstatements?\s+of\s+accounts\b|\bexternal\s+audit\w*\b|\binternal\s+audit\w*\b|\baccountable\s+body\b|\btreasury\s+management\b|\baccounting\s+(?:policies|records?|standards)\b"
     r"|\bbank\s+(?:accounts?|reconciliation|mandate|statements?)\b|\bbookkeeping\b|\bcheques?\b|\binvoices?\b|\bVAT\b|\bpayments?\s+(?:shall|will|must)\b|\bpetty\s+cash\b|\bannual\s+return\b"),
    ("trap:plan-making", "", "plan-making: examination, inspector, main modifications, soundness, allocations, housing numbers (17)",
     r"\binspector\w*\b|\bmain\s+modifications?\b|\bMM\d+\b|\bsound(?:ness)?\b|\blegally\s+compliant\b|\bexamination\b|\bsite\s+allocations?\b|\ballocat\w+\s+(?:for|of)\s+(?:\d|housing|employment)"
     r"|\bhousing\s+(?:requirement|need|numbers|land\s+supply|trajectory)\b|\bevidence\s+base\b|\bPolicy\s+[A-Z]{1,4}\s?\d+\b|\bdwellings\b|\bgreen\s+belt\b|\bNPPF\b|\blocal\s+plan\b|\bdevelopment\s+plan\b"),
    ("trap:governance-in-passing", "", "'governance' in passing or as a slogan (23)",
     r"\bgood\s+governance\b|\bgovernance\s+(?:arrangements\s+)?(?:will|would)\s+be\s+(?:reported|considered|developed|set\s+out)\s+(?:later|in\s+due\s+course|separately)\b"),
    ("trap:operational", "", "operational service detail: CCTV, bins, youth activities, housing allocations, traffic schemes (4)",
     r"\bCCTV\b|\bbins?\b|\brefuse\b|\bgritting\b|\bpotholes?\b|\btraffic\b|\bspeeding\b|\blitter\b|\bdog\s+fouling\b|\bplay\s+area\b|\bfootpaths?\b|\bstreet\s+lights?\b|\bplanning\s+application\b|\bgarda\b|\bpolice\b|\bcrime\b|\banti-?social\b"),
    ("trap:election-running", "", "running an election: polling, canvass, count, candidates, results (18)",
     r"\bpolling\s+(?:stations?|day|districts?)\b|\bcanvass\b|\bturnout\b|\bcandidates?\b|\bnomination\s+papers\b|\bballot\s+papers?\b"),
)

# name -> how the word a match starts with begins (lower case): a rule is tried only at the tokens
# whose lower case begins so (rx.match there, not rx.search over the text: the tagger's speed);
# a word's rules are looked up once per vocabulary word.  tests/test_tag_rules.py checks, on every
# labelled paragraph, that this finds exactly what searching the whole text finds.
_STARTS: dict[str, tuple[str, ...]] = {
    'role:purpose': ('purpose', 'remit', 'function', 'aim', 'objective', 'mission', 'vision', 'raison', 'exist', 'board', 'partnership', 'committee', 'sub', 'council', 'authorit', 'panel', 'cabinet', 'executive', 'group', 'forum', 'body', 'assembly', 'commission', 'joint', 'lsp', 'combined', 'parish', 'trust', 'company'),
    'role:role-of-body': ('key', 'important', 'central', 'vital', 'lead', 'strategic', 'critical', 'statutory', 'significant', 'crucial', 'wider', 'its', 'their', 'our', 'whose', 'role', 'remit', 'function', 'power', 'purpose', 'responsib'),
    'role:services': ('council', 'authorit', 'local', 'partnership', 'board', 'services', 'behalf'),
    'role:strategy': ('develop', 'produce', 'prepare', 'deliver', 'lead', 'own', 'agree', 'set', 'drive', 'oversee', 'strategic', 'strategy', 'plan', 'spatial', 'local'),
    'role:leadership-of-place': ('community', 'place', 'civic', 'local', 'lead', 'co'),
    'role:engagement': ('engag', 'involv', 'consult', 'community'),
    'role:division-of-functions': ('two', 'tier', 'division', 'county', 'district', 'parish', 'town', 'function', 'power', 'responsib'),
    'role:commissioning': ('commissioning', 'commissioner', 'provider', 'provide', 'deliver'),
    'role:terms-of-reference-duties': ('to',),
    'role:fund-purpose': ('fund', 'deal', 'programme'),
    'gov:terms-of-reference': ('terms',),
    'gov:quorum-membership-chair': ('quor', 'membership', 'substitut', 'chair', 'vice', 'casting', 'vot', 'shall', 'comprise', 'appoint', 'elect', 'co', 'nominat'),
    'gov:constitution-standing-orders': ('constitution', 'standing', 'procedure', 'scheme', 'rules', 'financial'),
    'gov:delegation': ('delegat', 'key', 'reserved', 'forward', 'decision', 'consultation', 'may', 'shall', 'will', 'must', 'authori', 'power'),
    'gov:structure': ('sub', 'working', 'task', 'joint', 'cabinet', 'executive', 'committee', 'leader', 'governance', 'report', 'duplicat'),
    'gov:statutory-status': ('statutory', 'legal', 'duty', 'incorporat', 'established', 'act', 'regulations', 'order', 'section'),
    'gov:elections-constitution': ('electoral', 'whole', 'all', 'elections', 'directly', 'number', 'boundar'),
    'gov:company': ('shareholder', 'articles', 'company', 'director', 'teckal', 'wholly'),
    'acc:scrutiny-call-in': ('scrutin', 'power', 'right', 'call', 'overview', 'select', 'account'),
    'acc:answerable': ('accountab', 'answerab', 'responsib', 'report'),
    'acc:performance': ('performance', 'monitor', 'quarterly', 'annual', 'six', 'regular', 'key', 'target'),
    'acc:residents': ('transpar', 'complaint', 'publish', 'freedom', 'annual', 'public', 'openness'),
    'acc:conduct-standards': ('code', 'register', 'monitoring', 'standards', 'nolan', 'seven', 'disclosable', 'pecuniary', 'bring', 'selflessness', 'integrity', 'objectivity', 'honesty', 'breach'),
    'acc:protocols': ('protocol', 'memorand', 'information', 'partnership', 'service', 'concordat'),
    'cap:staffing': ('staff', 'officer', 'skill', 'training', 'recruit', 'secondment', 'vacanc', 'workforce', 'expertise', 'dedicated', 'support', 'programme', 'project', 'co', 'clerk', 'leadership', 'induction'),
    'cap:resources': ('resourc', 'budget', 'funding', 'grant', 'finance', 'money', 'revenue', 'capital', 'fund', '£', '€', 'investment', 'capacity', 'lack', 'shortage'),
    'cap:systems': ('it', 'ict', 'information', 'data', 'case', 'digital', 'equipment', 'software'),
    'none:procedural': ('apologies', 'declaration', 'minutes', 'correct', 'true', 'accurate', 'asked', 'noted', 'contact', 'background', 'date', 'meeting', 'will', 'would', 'proposed', 'seconded', 'purpose', 'how', 'consultation'),
    'trap:physical-capacity': ('landfill', 'waste', 'disposal', 'storage', 'road', 'junction', 'network', 'grid', 'highway', 'school', 'hospital', 'bed', 'parking', 'car', 'plant', 'treatment', 'reservoir', 'water', 'sewer', 'mineral', 'generating', 'export', 'transmission', 'capacity', 'mw', 'megawatt', 'tonnes', 'landbank'),
    'trap:role-title': ('role', 'director', 'head', 'manager', 'officer', 'chief', 'clerk', 'co', 'take', 'job', 'post'),
    'trap:audit-sense': ('statement', 'external', 'internal', 'accountable', 'treasury', 'accounting', 'bank', 'bookkeeping', 'cheque', 'invoice', 'vat', 'payment', 'petty', 'annual'),
    'trap:plan-making': ('inspector', 'main', 'mm', 'sound', 'legally', 'examination', 'site', 'allocat', 'housing', 'evidence', 'policy', 'dwellings', 'green', 'nppf', 'local', 'development'),
    'trap:governance-in-passing': ('good', 'governance'),
    'trap:operational': ('cctv', 'bin', 'refuse', 'gritting', 'pothole', 'traffic', 'speeding', 'litter', 'dog', 'play', 'footpath', 'street', 'planning', 'garda', 'police', 'crime', 'anti'),
    'trap:election-running': ('polling', 'canvass', 'turnout', 'candidate', 'nomination', 'ballot'),
}

RULES: dict[str, tuple[str, str]] = {name: (theme, desc) for name, theme, desc, _p in _SPEC}
# matched against the lower-cased text (much faster than IGNORECASE); a text whose lower case
# has another length (a few Unicode letters) is matched as it is, case ignored, so offsets hold
_COMPILED = tuple((RULE_PREFIX + name, re.compile(p.lower(), re.MULTILINE), _STARTS[name]) for name, _t, _d, p in _SPEC)


@lru_cache(maxsize=1)
def _compiled_icase() -> tuple:
    """The patterns with case ignored, for the rare text whose lower case has another length: compiled when first
    needed (compiling them with the rest took a fifth of the pipeline's load)."""
    return tuple((RULE_PREFIX + name, re.compile(p, re.IGNORECASE | re.MULTILINE), _STARTS[name]) for name, _t, _d, p in _SPEC)


class _RuleTable(dict):
    """A word's vocabulary id (ORTH) -> _word_rules of its lower case; one not seen before is looked up in `strings`
    (set by the caller) by `__missing__`, so the table is read with `map(table.__getitem__, ...)`."""

    strings = None

    def __missing__(self, key: int) -> tuple:
        found = self[key] = _word_rules(self.strings[key].lower())  # spaCy's LOWER is the ORTH's str.lower()
        return found


_WORD_RULES = _RuleTable()
_LINE_RULES = sum(1 << i for i, (_n, rx, _s) in enumerate(_COMPILED) if rx.pattern.startswith("^"))  # tried by search
_MATCH = tuple(rx.match for _n, rx, _s in _COMPILED)


def _word_mask(word: str) -> int:
    mask = 0
    for i, (_name, _rx, starts) in enumerate(_COMPILED):
        if word.startswith(starts):
            mask |= 1 << i
    return mask


def _word_rules(word: str) -> tuple:
    """(the indexes of the rules tried where `word` starts, in order; the bit mask of the line rules it names),
    or () when no rule can start at it."""
    mask = _word_mask(word)
    if not mask:
        return ()
    return tuple(i for i in range(len(_COMPILED)) if mask >> i & 1 and not _LINE_RULES >> i & 1), mask & _LINE_RULES


def _doc_matches(doc, text: str, columns: Optional[list] = None) -> dict[str, tuple[int, int]]:
    """`columns`: the doc's linear.token_columns, when the caller has them already."""
    low = text.lower()
    if len(low) != len(text):  # a few Unicode letters change length in lower case: search as it is
        return search_all(text)
    if not len(doc):
        return {}
    if columns is None:
        from .linear import token_columns

        columns = token_columns(doc)
    table = _WORD_RULES
    keys, _norms, starts = columns
    if len(table) > 200_000:
        table.clear()
    table.strings = doc.vocab.strings
    words = list(map(table.__getitem__, keys))  # a word not seen before is looked up by __missing__
    # words no rule can start at (most) are skipped
    return matches_at(low, compress(zip(words, starts), words))


def docs_matches(texts, arrays, strings, tokens=None) -> list[dict[str, tuple[int, int]]]:
    """_doc_matches of many paragraphs at once: `texts` and, for each, the [ORTH, NORM, IDX] array of its tokens
    (linear.token_array).  The tokens at which some rule may start are found for all the paragraphs' tokens
    together (a word's rules looked up once per distinct word), so a paragraph's Python walks only those.
    `tokens`: the arrays' linear.DocTokens, when the caller has them (LinearModel.walk_docs reads them too)."""
    import numpy as np

    from .linear import DocTokens

    t = tokens if tokens is not None else DocTokens(arrays)
    counts = t.counts
    starts_at: list = [[] for _a in arrays]
    if t.total:
        big, inverse = t.big, t.inverse
        table = _WORD_RULES
        if len(table) > 200_000:
            table.clear()
        table.strings = strings
        rules = list(map(table.__getitem__, t.unique_list))
        some = np.fromiter(map(bool, rules), bool, len(rules))[inverse]
        at = np.flatnonzero(some)
        doc = t.doc[at]
        bounds = np.searchsorted(doc, np.arange(len(arrays) + 1)).tolist()
        found = list(zip(map(rules.__getitem__, inverse[at].tolist()), big[at, 2].tolist()))
        starts_at = [found[a:b] for a, b in zip(bounds, bounds[1:])]
    out = []
    for text, n, at in zip(texts, counts, starts_at):
        low = text.lower()
        if len(low) != len(text):  # as _doc_matches
            out.append(search_all(text))
        elif not n:
            out.append({})
        else:
            out.append(matches_at(low, at))
    return out


def matches_at(low: str, at) -> dict[str, tuple[int, int]]:
    """The rules' first matches in `low` (a text's lower case, of the text's length), from `at`: ((tried, line),
    offset) of the tokens, in order, at which some rule may start (_word_rules of the token's lower case; words
    no rule can start at left out).  _doc_matches gives them token by token; the tagger (themes.ThemeScorer.
    finish_all) finds them for a whole document's tokens at once."""
    found: dict[int, tuple[int, int]] = {}
    lines = 0
    match = _MATCH
    # a rule's first match is at the first token (in order) where it starts a match
    for (tried, line), idx in at:
        if line:
            lines |= line
        for i in tried:
            if i not in found:
                hit = match[i](low, idx)
                if hit is not None:
                    found[i] = hit.span()
    while lines:
        bit = lines & -lines
        lines ^= bit
        i = bit.bit_length() - 1
        hit = _COMPILED[i][1].search(low)
        if hit is not None:
            found[i] = hit.span()
    return {_COMPILED[i][0]: found[i] for i in sorted(found)}


def search_all(text: str) -> dict[str, tuple[int, int]]:
    """rule_features without the _STARTS shortcut: every pattern searched over the whole text, case ignored."""
    out = {}
    for name, rx, _anchors in _compiled_icase():
        m = rx.search(text)
        if m is not None:
            out[name] = (m.start(), m.end())
    return out


def rule_features(text: str, doc=None, columns: Optional[list] = None) -> dict[str, tuple[int, int]]:
    """Rule feature -> (start, end) of its first match in `text` ("@rule:gov:delegation").

    `doc`: the text as the tagger tokenised it (made here if not given): a rule is tried only where a
    token begins as one of its _STARTS."""
    if doc is None:
        from .linear import feature_docs

        doc = next(iter(feature_docs([text])))
    return _doc_matches(doc, text, columns)


@lru_cache(maxsize=256)
def describe_rule(feature: str) -> str:
    """'@rule:gov:delegation' -> 'guide rule gov:delegation: delegations, who may take which decision, ... (14, 16)'."""
    name = feature[len(RULE_PREFIX):]
    found = RULES.get(name)
    return f"guide rule {name}: {found[1]}" if found else f"guide rule {name}"


def is_rule(feature) -> bool:
    return isinstance(feature, str) and feature.startswith(RULE_PREFIX)
