"""`lspkit diff` on the real version pairs and tracked-changes PDFs of data/real/pairs/, one run, one line each.

    python bench/diff_pairs.py

For each pair: the diff's summary line and, where the gold names its units so they can be matched
mechanically, how many of the gold's operations the diff got right and how many changed units it reports
that the gold does not (wrong extras), listed; then how many of the gold's cover changes the diff reports
(cover fields, and the running headers and footers it shows apart), and the cover fields it reports that the
gold does not.  Labels are compared in one form (`_cite`: '4/d' and '4(d)' alike, an article's roman numeral as
a number); lspkit's 'punctuation' counts as 'modified' for a gold that never uses the word (`_op_in`).  The tests (tests/test_diff_versions.py, tests/test_tracked_real.py)
check the same pairs item by item; this prints the figures for the README's table.  PDFs are restored by
data/real/restore.py; a pair whose PDF is missing is skipped.
"""
from __future__ import annotations

import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from lspkit.analyse.diff import ChangeKind  # noqa: E402
from lspkit.api import diff_files  # noqa: E402
from lspkit.infra.errors import LspkitError  # noqa: E402
from lspkit.render.diff import summary_line  # noqa: E402

REAL = ROOT / "data" / "real"
PAIRS = REAL / "pairs"


def _gold(name: str) -> dict:
    return json.loads((PAIRS / name).read_text(encoding="utf-8"))


def _norm(text: str) -> str:
    text = text.replace("\u2019", "'").replace("\u2018", "'").replace("\u2026", "...")
    return " ".join(re.sub(r"\s+(?=[.,;:)])", "", re.sub(r"-\s+", "-", text)).split())


def _count(phrase: str, text: str) -> int:
    return len(re.findall(rf"(?<!\w){re.escape(_norm(phrase))}(?!\w)", text))


def _changed(result) -> list:
    return [c for c in result.changes if c.kind is not ChangeKind.UNCHANGED]


def two_files(gold: dict, blocks=None):
    old, new = REAL / gold["old"], REAL / gold["new"]
    if not (old.exists() and new.exists()):
        return None
    return diff_files(str(old), str(new), themes=False, blocks=blocks)


def _labelled_rules(gold: dict) -> bool:
    return bool(gold.get("paragraph_ops")) and gold["paragraph_ops"][0]["old"][0].startswith("Rule ")


def tracked(gold: dict):
    path = REAL / gold["tracked"]
    if not path.exists():
        return None
    return diff_files(str(path), None, tracked=True, themes=False)


def rules(result, gold: dict) -> str:
    got: dict = {}
    for c in result.changes:
        for label in c.new or c.old:
            got.setdefault(label, c.kind.value)
    want = {o["new"][0]: o["op"] for o in gold["paragraph_ops"]}
    right = sum(got.get(k) == v for k, v in want.items())
    wrong = [k for k, v in want.items() if got.get(k) != v]
    # the unnumbered text after the rules (compared with blocks): each gold change found as its own edit
    outside = [c for c in _changed(result) if not (c.new or c.old)[0].startswith("Rule ")]
    edited = [" ".join(w.text.split()) for c in outside for w in c.words if w.op.value != "equal"]
    found = sum(u.get("new", "") in edited for u in gold.get("unnumbered_changes", []))
    return (f"rule ops right {right}/{len(want)} (wrong: {wrong}); changes outside the rules: "
            f"{[c.label for c in outside]} with {len(edited)} edits, the gold's unnumbered changes found as one edit each: "
            f"{found}/{len(gold.get('unnumbered_changes', []))}")


def in_order(result, gold: dict) -> str:
    """A schedule read from its start (the Watford shape): the first changed units, in order, against the gold's
    items with text, op by op and final text; and the original text rebuilt exactly."""
    changed = _changed(result)
    items = [i for i in gold["items"] if i["final"] or i["original"]]
    expected = {n: op for op, ns in gold["expected_ops"].items() if op != "no_text" for n in ns}
    ops = sum(c.kind.value == expected[i["number"]] for i, c in zip(items, changed))
    finals = sum(_norm(" ".join(c.new_texts)) == _norm(i["final"]) for i, c in zip(items, changed))
    originals = sum(_norm(" ".join(c.old_texts)) == _norm(i["original"] or "") for i, c in zip(items, changed))
    return (f"items {len(items)}: op right {ops}, final text exact {finals}, original text exact {originals}; "
            f"changed units in the whole file {len(changed)}")


def schedule(result, gold: dict, key: str = "items") -> str:
    changed = _changed(result)
    items = [i for i in gold[key] if i.get("op") or (i.get("final") or i.get("original"))]
    found = 0
    for item in items:
        phrases = item.get("inserted", []) + item.get("deleted", [])
        if not phrases:  # the Watford shape: the item's final text
            phrases = [item["final"] or item["original"]]
        op = item.get("op") or next(o for o, ns in gold["expected_ops"].items() if item["number"] in ns)
        holders = [[c for c in changed if _holds(c, p)] for p in sorted(phrases, key=len, reverse=True)]
        unit = next((h[0] for h in holders if len(h) == 1), None)
        found += unit is not None and unit.kind.value == op
    return f"marked items found with the gold's op {found}/{len(items)}; changed units {len(changed)}"


_PRINTED_LABEL = re.compile(r"^\s*\(?(\w{1,5})[.)]\s+")


def _holds(change, phrase: str) -> bool:
    """The change's text holds the gold's marked phrase; a phrase that opens with the unit's printed label ('2.
    Conduct two workshops ...', an inserted item quoted with its number as the page underlines it) is held by
    the unit of that label, whose text is kept without it."""
    text = _norm(" ".join(change.new_texts + change.old_texts))
    if _count(phrase, text):
        return True
    label = _PRINTED_LABEL.match(phrase)
    labels = {str(x).rstrip(".") for x in (change.new or ()) + (change.old or ()) if x}
    return bool(label) and label.group(1) in labels and bool(_count(phrase[label.end():], text))


_ROMAN = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100}


def _cite(label):
    """A label in one form whoever wrote it: an article's roman numeral before ':' as its number ('IV:J.4' is
    lspkit's '4:J.4'), a schedule's name before ':' as its number and a '.' ('Schedule 8:3(a)' is '8.3(a)'),
    '/' between levels as '.'."""
    if label is None:
        return None
    if isinstance(label, list):  # a split or merge written with every part ("new": ["A.2.3", "A.2.3.1"]): its first
        label = label[0] if label else None  # part, as lspkit's change names it first
        if label is None:
            return None
    # a unit a gold names with its heading's word ('Section 1', the whole label), lspkit by the number the
    # heading prints ('1')
    label = re.sub(r"^(?:Section|Article|Clause)\s+(\d+(?:\.\d+)*)$", r"\1", label)
    head, sep, rest = label.partition(":")
    # an item of a schedule keyed by it ('Schedule 8:4(2)', items restarting in each schedule) is lspkit's
    # '8.4(2)': the schedule's number, then the item's path
    sched = re.fullmatch(r"(?:Schedule|Appendix|Annex)\s+(\d+)", head.strip(), re.I) if sep else None
    if sched:
        head, sep, rest = "", "", f"{sched.group(1)}.{rest}"
    if sep and head and set(head) <= set(_ROMAN):
        vals = [_ROMAN[ch] for ch in head]
        head = str(sum(-v if i + 1 < len(vals) and v < vals[i + 1] else v for i, v in enumerate(vals)))
    # an item under its parent: the gold writes '4/d', lspkit (as a reader cites it) '4(d)'; a label qualified
    # as the second of two printed alike ('5.4 (2)', with its space) stays as it is
    # a lettered sub-item written after a space ('FGB 104/2122 a', as a minute's gold keys it) is the same '.a'
    # labels one after another ('6(c)(i)') each a level; a level the gold writes as printed, bracketed or with its
    # closing bracket ('6/c)/(i)', '3.1/(a)'), is the same level ('6.c.i', '3.1.a')
    cited = re.sub(r"(?<=[\w)])\((\w{1,5})\)", r".\1", head + sep + rest).replace("/", ".")
    cited = re.sub(r"(?:^|(?<=[.:]))\(?(\w{1,5})\)(?=$|\.)", r"\1", cited)
    return re.sub(r"(?<=\d) ([a-z]{1,2})$", r".\1", cited)


def _printed(label, gold: dict):
    """lspkit's label as the gold writes it: a gold that never qualifies a repeated label ('5.4 (2)') names the
    second of two paragraphs printed alike by what the page prints ('FGB 104/2122 a', twice), so lspkit's
    qualifier is left off for it (as `_op_in` reads 'punctuation')."""
    labels = [x for o in gold.get("operations", []) for x in (o.get("old"), o.get("new")) if isinstance(x, str)]
    if label is None or any(re.search(r" \(\d+\)$", x) for x in labels):
        return label
    return re.sub(r" \(\d+\)$", "", label)


def operations(result, gold: dict) -> str:
    """The gold's `operations` (op, old label, new label) found exactly, and the changed units that are none of
    them; labels compared in one form (`_cite`), so a gold labelled by another scheme scores 0 found."""
    want = {(o["op"], _cite(o["old"]), _cite(o["new"])) for o in gold["operations"]}
    got = {(_op_in(gold, c), _cite(_printed(c.old[0], gold)) if c.old else None,
            _cite(_printed(c.new[0], gold)) if c.new else None)
           for c in _changed(result) if not _gold_unnumbered(c, gold)}
    line = f"gold ops found exactly {len(want & got)}/{len(want)}; changed units not in the gold {len(got - want)}"
    extra = sorted(got - want, key=str)
    return line + (f" {extra}" if extra else "")


def _gold_unnumbered(change, gold: dict) -> bool:
    """A change of unnumbered text (a block, '¶N') that the gold lists among its `unnumbered_changes` (a signature
    box filled in: "Signed S Barnes"): the gold's change, not an extra."""
    labels = [x for x in (change.old or ()) + (change.new or ()) if x]
    if not labels or not all(str(x).startswith("\u00b6") for x in labels):
        return False
    words = lambda t: " ".join(re.findall(r"\w+", (t or "").casefold()))
    texts = [words(t) for t in tuple(change.new_texts or ()) + tuple(change.old_texts or ()) if words(t)]
    golds = [words(u.get("new")) + " | " + words(u.get("old")) for u in gold.get("unnumbered_changes", [])]
    if bool(texts) and all(any(t in g for g in golds) for t in texts):
        return True
    # a unit the reader cut otherwise than the gold (two signature lines read as one block; a minute's motion and
    # decision in one block, where the gold quotes each paragraph, its rest elided with '...'): the gold's when
    # every edit, with the words either side of it, reads in one of the gold's changes (old side in its old, new
    # side in its new)
    pieces = _edit_pieces(change)
    wanted = [(_norm(u.get("old") or ""), _norm(u.get("new") or "")) for u in gold.get("unnumbered_changes", [])]
    return bool(pieces) and bool(wanted) and all(
        any(o in go and n in gn for o, n in sides for go, gn in wanted) for sides in pieces)


EDIT_CONTEXT = 3


def _edit_pieces(change) -> list:
    """Each edit of a change (adjacent deletions and insertions together) as its readings (old side, new side),
    normalised as `_norm`: with up to three unchanged words either side, or on one side only (where the other
    side's words are the next line, which the gold quotes apart)."""
    runs = [(w.op.value, w.text) for w in change.words]
    out, k = [], 0
    while k < len(runs):
        if runs[k][0] == "equal":
            k += 1
            continue
        m = k
        while m < len(runs) and runs[m][0] != "equal":
            m += 1
        before = runs[k - 1][1] if k > 0 else ""
        after = runs[m][1] if m < len(runs) else ""
        head = " ".join(before.split()[-EDIT_CONTEXT:]) + (" " if before[-1:].isspace() else "")
        tail = (" " if after[:1].isspace() else "") + " ".join(after.split()[:EDIT_CONTEXT])
        deleted = "".join(t for op, t in runs[k:m] if op == "delete")
        inserted = "".join(t for op, t in runs[k:m] if op == "insert")
        sides = [(h, t) for h, t in ((head, tail), ("", tail), (head, "")) if (h + t).strip()]
        out.append([(_norm(h + deleted + t), _norm(h + inserted + t)) for h, t in sides])
        k = m
    return out


def _op_in(gold: dict, change) -> str:
    """The change's op in the gold's words: a gold that never writes 'punctuation' (its annotators wrote a comma
    inserted as 'modified', with a note) gets lspkit's 'punctuation' -- a modified paragraph whose only edits are
    punctuation -- as 'modified'; a gold that uses the word is held to it both ways."""
    op = change.kind.value
    ops = {o["op"] for o in gold.get("operations", []) + gold.get("paragraph_ops", [])}
    return "modified" if op == "punctuation" and "punctuation" not in ops else op


_MONTHS = {m: k + 1 for k, m in enumerate(("january", "february", "march", "april", "may", "june", "july",
                                          "august", "september", "october", "november", "december"))}


def _dates(text) -> set:
    """The calendar dates a value prints, as (year, month, day): '12th February 2025', 'February 12, 2025',
    '2025-02-12'."""
    out = set()
    t = (text or "").lower()
    for d, m, y in re.findall(r"\b(\d{1,2})(?:st|nd|rd|th)?\s+([a-z]+)\s*,?\s+(\d{4})\b", t):
        if m in _MONTHS:
            out.add((int(y), _MONTHS[m], int(d)))
    for m, d, y in re.findall(r"\b([a-z]+)\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})\b", t):
        if m in _MONTHS:
            out.add((int(y), _MONTHS[m], int(d)))
    for y, m, d in re.findall(r"\b(\d{4})-(\d{2})-(\d{2})\b", t):
        out.add((int(y), int(m), int(d)))
    return out


def _words(text) -> str:
    return " ".join(re.findall(r"\w+", _norm(text or "").lower()))


def _same_value(gold_value, got_value) -> bool:
    """One side of a cover change: both absent; or one's words inside the other's (two words at least: the
    gold may describe the line, '... (left)'); or the same calendar date however printed."""
    if gold_value is None or got_value is None:
        return gold_value is None and got_value is None
    a, b = _words(gold_value), _words(got_value)
    short, long_ = sorted((a, b), key=len)
    if len(short.split()) >= 2 and f" {short} " in f" {long_} ":
        return True
    return bool(_dates(gold_value)) and _dates(gold_value) == _dates(got_value)


def _labelled(field, value):
    """A cover field's value as its line prints it, label first ('Original Adopted Date: Pending')."""
    return None if value is None else f"{field.field}: {value}"


def cover(result, gold: dict) -> str:
    """The gold's cover changes (what the pages print above the text and around it) found among the diff's cover
    fields, each old and new value alike (`_same_value`); and the cover fields the diff reports that none is."""
    want = gold.get("cover_changes", gold.get("metadata_changes", []))
    # a running header is a cover change to one gold's annotators and noise to another's: what the diff shows
    # apart (not counted as a change) can find one, and is never a wrong extra; so can a file property (an
    # older gold's metadata_changes list the PDF's own Title)
    # the contents page's changed lines are shown apart too (not counted): the same
    got = list(result.metadata) + list(result.furniture) + list(result.properties) + list(result.contents)
    found, used = 0, set()
    for w in want:
        # one reported line may show two gold changes ("Founded November 13, 2018 Revised November 8, 2018" ->
        # "... 15 ... January 10, 2019", read as one subtitle): each is found where both its values are shown
        # a labelled field is reported by its label and value ('Status' / 'DRAFT'); a gold may quote the line as
        # printed ('Status: DRAFT'): either reading is the field
        k = next((k for k, f in enumerate(got) if any(
            _same_value(w.get("old"), a) and _same_value(w.get("new"), b)
            for a, b in ((f.old, f.new), (_labelled(f, f.old), _labelled(f, f.new))))), None)
        if k is not None:
            used.add(k)
            found += 1
    extra = sum(1 for k in range(len(result.metadata)) if k not in used)
    what = "cover changes" if "cover_changes" in gold else "metadata changes (older gold)"
    return f"{what} found {found}/{len(want)}, cover fields reported not in the gold {extra}"


def main() -> int:
    rows = []
    for name in sorted(PAIRS.glob("*.gold.json")):
        gold = _gold(name.name)
        try:
            if "tracked" in gold and "old" not in gold:
                result = tracked(gold)
            else:  # a rules document's unnumbered history is compared too (blocks), as its tests do
                result = two_files(gold, blocks=True if _labelled_rules(gold) else None)
        except LspkitError as exc:  # lspkit refuses the pair (no tracked changes read, ...): a result, not a crash
            rows.append((name.name, f"lspkit refused: {exc}"))
            continue
        if result is None:
            rows.append((name.name, "skipped: PDF missing (python3 data/real/restore.py)"))
            continue
        line = summary_line(result)
        if _labelled_rules(gold):
            line += "; " + rules(result, gold)
        if "expected_ops" in gold:
            line += "; " + in_order(result, gold)
        elif "tracked" in gold and "old" not in gold and "items" in gold:
            line += "; " + schedule(result, gold)
        if "operations" in gold and "paragraph_ops" not in gold:
            line += "; " + operations(result, gold)
        if "cover_changes" in gold or "metadata_changes" in gold:
            line += "; " + cover(result, gold)
        rows.append((name.name, line))
    if "cardano-constitution-0312-0412.gold.json" in {n for n, _ in rows}:
        gold = _gold("cardano-constitution-0312-0412.gold.json")
        result = tracked(gold)
        if result is not None:
            renamed = [(h.old_heading, h.new_heading) for h in result.headings if h.op.value == "renamed"]
            rows.append(("cardano markup (diff --tracked)", f"{summary_line(result)}; headings renamed {renamed}"))
    for name, line in rows:
        print(f"{name}: {line}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
