"""The officer's summary on the real corpus, against gold written from the page, from one run.

    python bench/summary_real.py                     # per-feature figures, then the misses
    python bench/summary_real.py --gold DIR --json out.json name1 name2   # PDFs in DIR/.. or data/real

Per feature (one extraction and one summary per paper, in process):
- title: right when the summary's title and the gold title agree on their words (normalised: case,
  punctuation, dashes): at least 80% of the title's words are the gold's, and it carries at least 40%
  of the gold's (a title without its subtitle or date still names the paper; a label, a person, a
  file name does not: the file's own name, the summary's fallback, is never right).  A title block
  has a main title and a subtitle; the summary gives "main: subtitle", a gold either.  Fair both ways
  (note of 2026-11-30): the gold's whole main title alone is right, and so is a right title followed
  by a subtitle the gold leaves out when the front page prints it and it is neither a date nor a
  body's name (see `title_right`); a title with a date or a body's name added still fails;
- recommendations: a found decision matches a gold one when the verb agrees and the first six words
  of the text agree; precision over what was found, recall over gold (a paper whose gold asks no
  decision counts every recommendation found as a false one);
- glossary: recall of the gold's defined abbreviations (short form found with an expansion whose words
  agree with the gold's long form; a plural "MMs" is "MM"); a false acronym is an entry the summary
  says the paper defines (its table or a bracket) that the gold does not list (a verb, a postnominal,
  a code, a misread definition) and that the page does not print as a definition either ("Long Form
  (ABC)", "ABC (Long Form)", a table row "ABC Long Form" in pdftotext's text): some golds list only
  the paper's abbreviations table, and a bracketed definition they leave out is not junk (note of
  2026-11-29; such entries are counted apart as "unlisted").  Expansions taken from elsewhere (a capitalised run spelling the
  letters, the taxonomy's domain list) are shown as such and counted apart;
- references: each reference the summary found is judged against the gold's paragraphs and sections
  (the gold lists no references, so what is scored is the outcome of each one found, not recall).
  An internal reference (not marked external) is right when what it names is in the paper and it
  resolves to exactly that (the paragraphs the gold numbers so, the section numbered so -- "2" is the
  section printed "2.0" --, the appendix or annex the gold has a heading for), or when what it names
  is not in the paper and it is left unresolved ("not in this document": an appendix printed
  separately, a paragraph of the plan an inspector examines, a section of an Act).  External ones
  (qualified by another document) resolved inside the paper must be 0.  Limit: a reference to another
  document whose number happens to exist here ("paragraph 35" of the NPPF in a report with 35
  paragraphs) is scored right when it resolves; only reading the page catches it (see --refs).
  A section of an annex the summary numbers with its letter ("B.4" for the "4" printed under Annex B) is
  right when its heading is the gold's section's, word for word (note of 2026-11-30).
  Until a note of 2026-11-29 the bench counted every unresolved internal reference as a miss, which
  scored "not in this document" wrong even where the page has no such paragraph or appendix.
Papers whose PDF is absent are skipped and listed.
"""
from __future__ import annotations

import argparse
import json
import re
import sys
import time
import unicodedata
from pathlib import Path
from typing import Optional

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
REAL = ROOT / "data" / "real"
START_WORDS = 6


def norm_words(text: str) -> list[str]:
    text = unicodedata.normalize("NFKC", text or "").lower()
    return re.sub(r"[^0-9a-z]+", " ", text).split()


def _words_agree(found: list[str], gold: list[str]) -> bool:
    """At least 80% of the found words are the gold's, and they carry at least 40% of the gold's."""
    if not found or not gold:
        return False
    gs, fs = set(gold), set(found)
    return sum(1 for w in found if w in gs) / len(found) >= 0.8 and sum(1 for w in gs if w in fs) / len(gs) >= 0.4


# a body's name alone: it names the publisher, never the paper
_BODY = re.compile(r"(?i)\b(?:council|committee|corporation|authority|department|ministry|office|inspectorate|ltd|limited|"
                   r"plc|llp|agency|commons|government|cabinet|board|panel)\W*$")
_DATE_WORD = re.compile(r"(?i)^(?:\d+(?:st|nd|rd|th)?|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|"
                        r"(?:january|february|march|april|june|july|august|september|october|november|december)|"
                        r"(?:mon|tues|wednes|thurs|fri|satur|sun)day|on|of|held|at|pm|am)$")
_PARTS = re.compile(r"\s*:\s+|\s+[\u2013\u2014-]\s+|\s+(?=\()")


def _subtitle_line(part: str, page1: str) -> bool:
    """A subtitle of the title block: printed on the front page as it is, and neither a date nor a body's name
    (with its date words aside it still says something in three words or more)."""
    words = norm_words(part)
    said = [w for w in words if not _DATE_WORD.match(w)]
    return (len(said) >= 3 and not _BODY.search(part.strip()) and bool(page1)
            and f" {' '.join(words)} " in f" {' '.join(norm_words(page1))} ")


def title_right(found: str, gold: str, page1: str = "") -> bool:
    """The words agree (`_words_agree`), or, fairly in both directions between a title block's main title and its
    subtitle (the summary gives "main: subtitle", a gold may give either):
    - the found title is the gold's main title, all of it (the gold's part before its first ": ", " – " or "(",
      three words or more and not a body's name): "The Friends of the Woodbridge Library Constitution" for "...
      Constitution (as amended at the Charity's AGM on 24th April 2014)";
    - the found title is a right title followed by ": " and a subtitle the gold leaves out, that the front page
      prints as one line of words (`page1`, pdftotext's first page), not a date and not a body's name: "Government's
      new decision: Women's State Pension age communications: Response to the Parliamentary and Health Service
      Ombudsman's investigation".  A title with a date or a body's name added still fails, as does one whose
      addition is not on the front page.
    """
    f, g = norm_words(found), norm_words(gold)
    gs = set(g)
    parts = found.split(": ")

    def in_gold(part: str) -> bool:  # a part the gold has too (in its words, whatever its order or punctuation)
        w = norm_words(part)
        return bool(w) and sum(1 for x in w if x in gs) / len(w) >= 0.5

    # a part joined on that the gold does not have (": January 2026") fails even when the rest carries the share
    if _words_agree(f, g) and all(in_gold(x) for x in parts[1:]):
        return True
    main = _PARTS.split(gold.strip(), maxsplit=1)[0]
    m = norm_words(main)
    if len(m) >= 3 and not _BODY.search(main) and len(m) < len(g) and f == m:
        return True
    for cut in range(len(parts) - 1, 0, -1):  # the longest right head, then what follows it
        head, extra = ": ".join(parts[:cut]), parts[cut:]
        if title_right(head, gold) and all(in_gold(x) or _subtitle_line(x, page1) for x in extra):
            return True
    return False


def long_agrees(found: str, gold: str) -> bool:
    f, g = norm_words(found), norm_words(gold)
    return bool(f) and (f == g or " ".join(g) in " ".join(f) or " ".join(f) in " ".join(g))


def short_key(short: str) -> str:
    """'MMs' and 'MM', 'LSEs' and 'LSE', 'WwTWs' and 'WwTW' are one abbreviation."""
    s = short.strip()
    # a defined term with its article or without: "(the Authority)" is "Authority" (note of 2026-12-01: one gold gives
    # "the Authority", another "Authority" for 'Illinois Finance Authority (the "Authority")', and a summary giving
    # either was scored by which reader wrote the gold)
    s = re.sub(r"^(?i:the)\s+(?=[A-Z])", "", s)
    return s[:-1] if len(s) > 2 and s.endswith("s") and s[-2].isupper() and sum(c.isupper() for c in s) >= 2 else s


def verb_stem(verb: str) -> str:
    """ "ADOPTS", "adopt", "adopted" are one verb: the gold gives the verb as printed ("adopts"), the summary its
    base form (note of 2026-11-29: comparing them as strings scored every inflected gold verb a miss)."""
    v = (verb or "").lower()
    if len(v) > 3 and v.endswith(("ed", "es")):  # "amended" -> "amend", "agreed" -> "agre" (as "agree" below)
        return v[:-2]
    if len(v) > 3 and v.endswith("s") and not v.endswith("ss"):
        v = v[:-1]
    return v[:-1] if v.endswith("e") else v  # (before 2026-11-30 a bare final "d" went too: "AMEND" -> "amen")


_MODAL_VERB = re.compile(r"^(?:should|must|shall|ought\s+to|to)\s+(?:(?:also|now|urgently)\s+)*(?:be\s+)?")


def rec_key(verb: str, text: str) -> tuple[str, tuple[str, ...]]:
    words = norm_words(text)
    # a verb given with its modal, as printed ("should continue", "should look to harmonise", "should be initiated"),
    # is its first verb after the modal (note of 2026-12-01: the corpus's other golds give "ONS should assess" as
    # ASSESS, and the summary the verb so; the modal's words made every such gold verb a miss)
    v = _MODAL_VERB.sub("", (verb or "").lower().strip())
    v = v.split()[0] if len(v.split()) > 1 and _MODAL_VERB.match((verb or "").lower()) else v
    # a verb of several words is its head word, on both sides: the item's own words after it are compared anyway
    # (note of 2026-12-01: one gold gives "review and comment" and "consider recommending" as printed, another
    # "Review and approve ..." as REVIEW, a third "Approve and file ..." as APPROVE; a summary that gives either
    # form was scored by which reader wrote the gold.  "RECEIVE AND FILE" is "receive" with "and file ..." after it)
    v = v.split()[0] if v.split() else v
    if words and verb_stem(words[0]) == verb_stem(v):  # the verb printed at the start of the item
        words = words[1:]
    return verb_stem(v), tuple(words[:START_WORDS])


def page_text_of(pdf: Path) -> str:
    """The PDF's text as pdftotext lays it out, then in its reading order, whitespace folded (empty when pdftotext
    is absent).  The reading order keeps a table cell's wrapped lines together, where the layout interleaves
    them with the next column's: "Special Areas of | Conservation (SAC)" in a table's first column (note of
    2026-11-29: a definition printed so was scored a false acronym)."""
    import subprocess

    texts = []
    for mode in (["-layout"], []):
        try:
            out = subprocess.run(["pdftotext", *mode, str(pdf), "-"], capture_output=True, text=True, timeout=120).stdout
        except (OSError, subprocess.SubprocessError):
            return ""
        texts.append(" ".join(out.split()))
    return "\n".join(texts)


def front_page_of(pdf: Path) -> str:
    """The first page's text as pdftotext reads it (empty when pdftotext is absent): where a subtitle is printed."""
    import subprocess

    try:
        return subprocess.run(["pdftotext", "-l", "1", str(pdf), "-"], capture_output=True, text=True, timeout=120).stdout
    except (OSError, subprocess.SubprocessError):
        return ""


def printed_definition(short: str, long: str, text: str) -> bool:
    """ "Long Form (ABC)", "ABC (Long Form)" or a table row "ABC Long Form" on the page (case, spacing and a
    plural aside: the summary gives "DC District Centre" for "District Centres (DCs)")."""
    if not text:
        return False
    lo = re.escape(" ".join(long.split())).replace("\\ ", "\\s+") + "(?:e?s)?"  # "District Centres (DCs)"
    sh = re.escape(short)
    # "(ABC)", "(the “ABC”)", "(or ABC for short)", "(hereafter ABC)"
    lead = r"(?:(?:or|hereafter|henceforth|hereinafter|known\s+as|referred\s+to\s+as)\s+)?(?:the\s+)?[\"“‘']?(?:the\s+)?"
    pattern = rf"{lo}\s*[(\[]\s*{lead}{sh}s?\b|{sh}s?\s*[(\[]\s*{lo}|(?<![\w(]){sh}\s+{lo}"
    return bool(re.search(pattern, text, re.I))


def score_paper(gold: dict, summary, page_text: str = "", page1: str = "") -> dict:
    d = summary.to_dict()
    out: dict = {"title": summary.title, "gold_title": gold.get("title")}
    # a title that is the file's name is the summary having found none, never right however its words fall
    # (note of 2026-11-29: "milburn-pc_2018_minutes-march" scored right on its words)
    stem = Path(gold.get("file") or "").stem
    out["title_right"] = summary.title != stem and title_right(summary.title, gold.get("title") or "", page1)
    # recommendations
    # a gold gives a long recommendation by its first and last words (note of 2026-11-30: read as text "", every
    # such gold recommendation was a miss whatever was found)
    gold_recs = [rec_key(r.get("verb", ""), r.get("text") or r.get("first_words") or "")
                 for r in gold.get("recommendations") or []]
    found = [rec_key(r.get("verb") or "", r.get("text", "")) for r in d.get("recommendations", [])]
    matched = sum(1 for k in found if k in gold_recs)
    out["recs"] = {"gold": len(gold_recs), "found": len(found), "right": matched,
                   "found_items": [f"{r.get('label') or ''} {r.get('verb') or ''}: {r['text'][:70]}" for r in d.get("recommendations", [])]}
    # glossary
    gold_abbr = {short_key(a["short"]): a.get("long") or "" for a in gold.get("abbreviations") or []}
    expanded = {short_key(a["short"]): a["long"] for a in d.get("acronyms", []) if a.get("long")}
    source = {short_key(a["short"]): a.get("source") for a in d.get("acronyms", []) if a.get("long")}
    # a singular and its plural ("AB" Accreditation Body, "ABs" Accreditation Bodies) are one key on both sides; each
    # side's long forms for the key are all kept, and a key is a hit when any of the gold's agrees with any of the
    # summary's (note of 2026-12-01: the last of the two won on each side, so a paper whose gold and summary both
    # list "AB" and "ABs" scored a miss whenever the two sides listed them in another order)
    gold_longs: dict = {}
    for a in gold.get("abbreviations") or []:
        gold_longs.setdefault(short_key(a["short"]), []).append(a.get("long") or "")
    found_longs: dict = {}
    for a in d.get("acronyms", []):
        if a.get("long"):
            found_longs.setdefault(short_key(a["short"]), []).append(a["long"])
    hits = [s for s in gold_abbr if any(long_agrees(f, g) for f in found_longs.get(s, ()) for g in gold_longs[s])]
    # claimed as the paper's own definition (its table or a bracket) but not among the gold's definitions, and
    # not printed on the page as one either (the gold of some papers lists only their abbreviations table)
    claimed = sorted(s for s in expanded if s not in gold_abbr and source[s] in ("table", "text"))
    false = [s for s in claimed if not printed_definition(s, expanded[s], page_text)]
    out["glossary_unlisted"] = [s for s in claimed if s not in false]
    out["glossary_elsewhere"] = sorted(s for s in expanded if s not in gold_abbr and source[s] not in ("table", "text"))
    out["glossary"] = {"gold": len(gold_abbr), "right": len(hits),
                       "missed": sorted((s, gold_abbr[s], expanded.get(s)) for s in gold_abbr if s not in hits),
                       "false": [(s, expanded[s]) for s in false]}
    # references
    xrefs = d.get("xrefs", [])
    internal = [x for x in xrefs if not x.get("external")]
    external = [x for x in xrefs if x.get("external")]
    headings = {s["number"]: s.get("heading") or "" for s in d.get("sections", []) if s.get("number")}
    judged = [(x, ref_right(x, gold, headings)) for x in internal]
    out["refs"] = {"internal": len(internal), "resolved": sum(1 for x in internal if x["resolved"]),
                   "right": sum(1 for _, ok in judged if ok),
                   "in_paper": sum(1 for x, _ in judged if named_in_gold(x, gold)),
                   "in_paper_right": sum(1 for x, ok in judged if ok and named_in_gold(x, gold)),
                   "external": len(external), "external_resolved": sum(1 for x in external if x["resolved"] or x["to"]),
                   "unresolved_annex": sum(1 for x in internal if not x["resolved"] and x["kind"] == "annex"),
                   "unresolved": [x["text"] for x in internal if not x["resolved"]][:8],
                   "wrong": [f"{x['text']} -> {x['to'] or 'not in this document'} (gold: {gold_targets(x, gold) or 'absent'})"
                             for x, ok in judged if not ok]}
    return out


# ---------------------------------------------------------------- references against the gold's structure

_SUB = re.compile(r"\s?\([0-9a-zA-Z]{1,4}\)")


def _sec_norm(number: str) -> str:
    """"2.0" is how some papers print section 2."""
    n = (number or "").strip().rstrip(".")
    return n[:-2] if n.endswith(".0") else n


def _gold_paragraph_ids(gold: dict) -> set[str]:
    ids: set[str] = set()
    for p in gold.get("paragraphs") or []:
        n, under = (p.get("number") or "").strip(), p.get("under")
        ids.add(n)
        if under:
            ids.add(f"{under}({n})")
    return ids


def _listed(target: str) -> list[tuple[str, str]]:
    """'paragraphs 4.3-4.5 and 4.7' -> [('4.3', '4.5'), ('4.7', '4.7')]; subsections kept apart."""
    body = re.sub(r"^\S+\s+", "", target)
    body = re.split(r"\s+of\s+", body)[0]
    parts = re.split(r"\s*(?:,\s*(?:and|or)?|\band\b|\bor\b|&)\s*", body)
    out = []
    for part in parts:
        m = re.match(r"^\s*(\S+?)\s*(?:to|[-\u2013\u2014])\s*(\S+)\s*$", part)
        out.append((m.group(1), m.group(2)) if m else (part.strip(), part.strip()))
    return [(a, b) for a, b in out if a]


def _tok(number: str) -> tuple:
    """ "GB7 3" and "GB7(3)" are one id."""
    return tuple(re.findall(r"[0-9]+|[a-z]+", number.lower()))


def _key(number: str) -> tuple:
    return tuple((0, int(x), "") if x.isdigit() else (1, 0, x) for x in re.findall(r"\d+|[a-z]+", number.lower()))


def gold_targets(x: dict, gold: dict) -> list[str]:
    """What the reference names that the gold has in the paper (numbers, or annex headings)."""
    kind, target = x["kind"], x.get("target") or x["text"]
    if kind == "paragraph":
        ids = _gold_paragraph_ids(gold)
        found = []
        if re.search(r"(?i)\b(?:of|in) this (?:policy|section|part|chapter|annexe?|appendix|schedule)\b", x["text"]):
            # "paragraph 3 of this policy", cited from paragraph 4 of policy GB7: the gold's 3 under GB7
            head = _tok(x["from"])[:-1]
            for first, _ in _listed(target):
                found += [n for n in ids if _tok(n) == head + _tok(first)][:1]
            return found
        for first, last in _listed(target):
            if first == last:
                if first in ids or _SUB.sub("", first) in ids:
                    found.append(first if first in ids else _SUB.sub("", first))
            else:
                lo, hi = _key(_SUB.sub("", first)), _key(_SUB.sub("", last))
                found += [n for n in sorted(ids, key=_key) if "(" not in n and lo <= _key(n) <= hi
                          and len(_key(n)) == len(lo)]
        return found
    if kind == "section":
        if not re.search(r"\d", target):  # "the previous section", "the conclusions above"
            named = re.match(r"the\s+([a-z]+)", target)
            word = named.group(1)[:6] if named and named.group(1) not in ("previous", "preceding", "following", "next") else ""
            heads = [h.get("heading") or "" for h in gold.get("sections") or []]
            if word:  # the gold has a heading with that word ("Conclusions", "Recommendation(s)")
                return ["(a section)"] if any(word in h.lower() for h in heads) else []
            return ["(a section)"] if heads else []
        numbers = {_sec_norm(s.get("number") or "") for s in gold.get("sections") or []} - {""}
        found = []
        for first, last in _listed(target):
            a, b = _sec_norm(_SUB.sub("", first)), _sec_norm(_SUB.sub("", last))
            if a == b:
                found += [a] if a in numbers else []
            else:
                lo, hi = _key(a), _key(b)
                found += [n for n in sorted(numbers, key=_key) if lo <= _key(n) <= hi]
        return found
    if kind == "annex":
        heads = [f"{s.get('number') or ''} {s.get('heading') or ''}".strip() for s in gold.get("sections") or []]
        annexes = [h for h in heads if re.match(r"(?i)(?:annexe?|appendix)\b", h)]
        m = re.match(r"(?i)(?:annexe?s?|appendix|appendices)\s+(\w+)$", target.strip())
        if not m:
            return annexes[:1]
        ident = m.group(1)
        return [h for h in annexes if re.match(rf"(?i)(?:annexe?|appendix)\s+{re.escape(ident)}\b", h)][:1]
    if kind == "question":
        ids = {re.sub(r"(?i)^(?:q\.?|question\s*)", "", n) for n in _gold_paragraph_ids(gold)
               if re.match(r"(?i)^(?:q\.?|question\s*)\d", n)}
        for s in gold.get("sections") or []:
            m = re.match(r"(?i)^(?:q|question)\s*(\d+)", s.get("heading") or "")
            if m:
                ids.add(m.group(1))
        wanted = re.findall(r"\d+[a-z]?", target)
        return [w for w in wanted if w in ids]
    return []


def named_in_gold(x: dict, gold: dict) -> bool:
    return bool(gold_targets(x, gold))


def ref_right(x: dict, gold: dict, headings: Optional[dict] = None) -> bool:
    """Resolved to what the gold has under that name, or unresolved when the gold has nothing so named.

    A section inside an annex the summary numbers with the annex's letter ("B.4", printed "4" under "Annex B")
    is the gold's section when the two are the one the gold numbers so and their headings agree word for word
    (`headings`: the summary's section numbers to their headings; note of 2026-11-30)."""
    want = gold_targets(x, gold)
    to = [t for t in x.get("to") or [] if t is not None]
    if not want:
        return not x["resolved"]
    if not x["resolved"] or not to or len(to) != len(x.get("to") or []):
        return False
    if x["kind"] == "paragraph":
        return ({_SUB.sub("", t) for t in to} == {_SUB.sub("", w) for w in want} or set(to) == set(want)
                or {_tok(t) for t in to} == {_tok(w) for w in want})
    if x["kind"] == "section" and want != ["(a section)"]:
        if {_sec_norm(t) for t in to} == set(want):
            return True
        gold_heads = {_sec_norm(s.get("number") or ""): norm_words(s.get("heading") or "")
                      for s in gold.get("sections") or []}
        lettered = {re.sub(r"^[A-Z]{1,2}\.", "", _sec_norm(t)): t for t in to}
        return (set(lettered) == set(want) and headings is not None
                and all(norm_words(headings.get(t, "")) == gold_heads.get(n) for n, t in lettered.items()))
    if x["kind"] == "question":
        return {re.sub(r"(?i)^(?:q\.?|question\s*)", "", t) for t in to} == set(want)
    return True


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--gold", default=str(REAL / "gold"), help="folder of *.gold.json (default data/real/gold)")
    ap.add_argument("--json", metavar="PATH")
    ap.add_argument("--quiet", action="store_true", help="totals only")
    ap.add_argument("names", nargs="*")
    args = ap.parse_args()
    import lspkit
    from lspkit.analyse.summary import summarise

    rows, skipped = [], []
    started = time.time()
    for path in sorted(Path(args.gold).glob("*.gold.json")):
        gold = json.loads(path.read_text())
        stem = path.name[: -len(".gold.json")]
        if args.names and stem not in args.names:
            continue
        name = gold.get("file", stem + ".pdf")
        pdf = Path(args.gold).resolve().parent / name  # the PDFs beside the gold folder, else data/real
        if not pdf.exists():
            pdf = REAL / name
        if not pdf.exists():
            skipped.append(stem)
            continue
        try:
            summary = summarise(lspkit.extract(str(pdf)))
        except Exception as exc:  # a crash scores nothing
            print(f"{stem}: failed: {type(exc).__name__}: {exc}", file=sys.stderr)
            rows.append({"doc": stem, "failed": str(exc)})
            continue
        row = score_paper(gold, summary, page_text_of(pdf), front_page_of(pdf))
        row["doc"] = stem
        rows.append(row)
    ok = [r for r in rows if "failed" not in r]
    n = len(rows)
    titles = sum(1 for r in ok if r["title_right"])
    rg = sum(r["recs"]["gold"] for r in ok)
    rf = sum(r["recs"]["found"] for r in ok)
    rr = sum(r["recs"]["right"] for r in ok)
    gg = sum(r["glossary"]["gold"] for r in ok)
    gr = sum(r["glossary"]["right"] for r in ok)
    gf = sum(len(r["glossary"]["false"]) for r in ok)
    gu = sum(len(r.get("glossary_unlisted", [])) for r in ok)
    ri = sum(r["refs"]["internal"] for r in ok)
    ra = sum(r["refs"]["unresolved_annex"] for r in ok)
    rres = sum(r["refs"]["resolved"] for r in ok)
    rright = sum(r["refs"]["right"] for r in ok)
    rin = sum(r["refs"]["in_paper"] for r in ok)
    rinr = sum(r["refs"]["in_paper_right"] for r in ok)
    re_ = sum(r["refs"]["external"] for r in ok)
    rer = sum(r["refs"]["external_resolved"] for r in ok)
    totals = {
        "papers": n, "failed": n - len(ok), "skipped": skipped,
        "title_right": titles,
        "recommendations": {"gold": rg, "found": rf, "right": rr,
                            "precision": round(rr / rf, 3) if rf else 1.0, "recall": round(rr / rg, 3) if rg else 1.0},
        "glossary": {"gold": gg, "right": gr, "recall": round(gr / gg, 3) if gg else 1.0, "false_acronyms": gf,
                     "printed_not_in_gold": gu},
        "references": {"internal": ri, "resolved": rres, "right": rright,
                       "share": round(rright / ri, 3) if ri else 1.0,
                       "in_paper": rin, "in_paper_right": rinr,
                       "unresolved_annex": ra,
                       "external": re_, "external_resolved": rer},
        "seconds": round(time.time() - started, 1),
    }
    if not args.quiet:
        for r in ok:
            mark = "ok " if r["title_right"] else "BAD"
            print(f"{mark} {r['doc'][:48]:48} {r['title'][:70]!r}" + ("" if r["title_right"] else f"  gold: {r['gold_title'][:60]!r}"))
            if r["recs"]["found"] != r["recs"]["right"] or r["recs"]["gold"] != r["recs"]["right"]:
                print(f"      recs gold {r['recs']['gold']} found {r['recs']['found']} right {r['recs']['right']}: {r['recs']['found_items'][:4]}")
            if r["glossary"]["missed"]:
                print(f"      glossary missed {r['glossary']['missed'][:6]}")
            if r["glossary"]["false"]:
                print(f"      glossary false {r['glossary']['false'][:8]}")
            if r["refs"]["wrong"] or r["refs"]["external_resolved"]:
                print(f"      refs wrong {r['refs']['wrong'][:6]} external resolved {r['refs']['external_resolved']}")
    print(f"title right                {titles}/{len(ok)}")
    rec = totals["recommendations"]
    print(f"recommendations            P {rec['precision']:.2f} R {rec['recall']:.2f}  (gold {rg}, found {rf}, right {rr})")
    gl = totals["glossary"]
    print(f"glossary                   recall {gl['recall']:.2f} ({gr}/{gg}), false acronyms {gf} "
          f"({gu} more defined on the page but not in the gold)")
    ref = totals["references"]
    print(f"internal refs right        {ref['share']:.2f} ({rright}/{ri}; {rinr}/{rin} of those naming something in the "
          f"paper resolve to it; {rres} resolved, {ra} unresolved name an appendix or annex); "
          f"external {re_}, resolved inside {rer}")
    if skipped:
        print(f"skipped (PDF absent): {', '.join(skipped)}")
    if args.json:
        Path(args.json).write_text(json.dumps({"totals": totals, "papers": rows}, indent=1))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
