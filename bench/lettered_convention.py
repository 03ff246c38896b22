"""When is a lettered or roman item a paragraph of its own (gold `2.3(a)`, with `under`), and when a part kept in
its paragraph's text?  The golds of data/real were written from the page and disagree per document; this script
looks for the page-based rule their writers followed.

    python3 bench/lettered_convention.py            # per rule: items classed right, overall and per document
    python3 bench/lettered_convention.py --docs     # also each document's table row by row
    python3 bench/lettered_convention.py --items N  # also N example items per document (features and gold class)

Every line of a PDF's `pdftotext -layout` text that opens with a label `(a)`, `a)`, `a.`, `(i)`, `i)`, `i.`,
`(1)`, `1)` is an item.  The gold classes it: a *paragraph* where a gold paragraph with that label starts with
the line's words; a *part* where the label and the line's words stand inside a gold paragraph's text (not at its
start).  Items the gold has neither way (furniture, papers without numbered paragraphs) are not counted.
The features are read from the page alone: the lead-in line over the item's run and how it ends, how the
item's own text ends, whether sub-items of another style follow it, whether it is nested in another item,
a blank line before it.  Nothing here is lspkit's output.
"""
from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
import unicodedata
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Optional

sys.path.insert(0, str(Path(__file__).resolve().parent))
from realscore import label_of, load_golds, norm  # noqa: E402

CACHE = Path("/tmp/lettered_convention")
_ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4, "v": 5, "vi": 6, "vii": 7, "viii": 8, "ix": 9, "x": 10, "xi": 11,
          "xii": 12, "xiii": 13, "xiv": 14, "xv": 15, "xvi": 16, "xvii": 17, "xviii": 18, "xix": 19, "xx": 20}


def layout(pdf: Path) -> list[str]:
    """The PDF's `pdftotext -layout` lines (cached: the corpus is read once per machine, not per run)."""
    CACHE.mkdir(parents=True, exist_ok=True)
    out = CACHE / (pdf.stem + ".txt")
    if not out.exists() or out.stat().st_mtime < pdf.stat().st_mtime:
        text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True).stdout
        out.write_text(text)
    return out.read_text().replace("\f", "\n\f").splitlines()


_B = r"\((?P<b>[a-z]{1,2}|[ivxl]{1,6}|\d{1,2})\)"  # "(a)", "(iv)", "(1)"
_C = r"(?P<c>[a-z]{1,2}|[ivxl]{1,6}|\d{1,2})\)"  # "a)", "iv)", "1)"
_ITEM_NUMBER = re.compile(rf"^(?:{_B}|{_C}|(?P<d>[a-z]{{1,2}}|[ivxl]{{1,6}})\.?)$")  # a gold number ("a": "a.")
_INLINE = re.compile(rf"(?:(?<=\s)|(?<=^))(?:{_B}|{_C}|(?P<d>[a-z]|[ivxl]{{1,6}})\.)\s*(?P<w>[^\W\d_][\w’'-]*)")
_SEG_LABEL = re.compile(rf"(?:^|(?<=\s{{3}}))(?:{_B}|{_C}|(?P<d>[a-z]{{1,2}}|[ivxl]{{1,6}})\.)"
                        r"\s*(?P<w>[^\W\d_][\w’'-]*)")
_GOVERNING = re.compile(r"\b(constitution|by-?laws?|bye-?laws?|standing orders|standing rules|rules|regulations|"
                        r"ordinance|terms of reference|articles of)\b", re.I)


def _nfkc(text: str) -> str:
    return unicodedata.normalize("NFKC", text or "")


def _style(m: re.Match) -> tuple[str, str]:
    value = (m.group("b") or m.group("c") or m.group("d")).lower()
    return value, "()" if m.group("b") else ")" if m.group("c") else "."


def _kind(value: str, prev_letter: Optional[str]) -> str:
    """Roman or letter: `i` after `h` is a letter, `(i)` opening a list or `ii` a numeral."""
    if value.isdigit():
        return "digit"
    if value in _ROMAN and not (len(value) == 1 and prev_letter and ord(value) == ord(prev_letter) + 1):
        if len(value) > 1 or value == "i" or prev_letter is None:
            return "roman"
    return "letter"


def _ordinal(kind: str, value: str) -> int:
    if kind == "digit":
        return int(value)
    if kind == "roman":
        return _ROMAN.get(value, 0)
    return (ord(value[0]) - 96) + (26 if len(value) == 2 else 0)


@dataclass
class Item:
    doc: str
    gold: str  # paragraph | part
    label: str
    value: str
    style: str
    kind: str
    own: str  # the item's own text
    lead: str  # the lead-in over its run: the parent's prose, or the heading it is under
    parent_number: str
    parent_is_heading: bool
    has_sub: bool
    level: int


def line_starts(lines: list[str]) -> set[tuple[str, str]]:
    """(label value, next word) of every label opening a printed line or a column's segment of one."""
    keys = set()
    for line in lines:
        for m in _SEG_LABEL.finditer(_nfkc(line).strip()):
            keys.add((_style(m)[0], norm(m.group("w"))))
    return keys


def _run_items(values: list[tuple[str, str]]) -> list[str]:
    """Kinds of a sequence of (value, style) labels, in order."""
    prev: dict[str, str] = {}
    out = []
    for value, style in values:
        k = _kind(value, prev.get(style))
        if k == "letter" and len(value) == 1:
            prev[style] = value
        out.append(k)
    return out


def gold_items(gold, lines: list[str]) -> list[Item]:
    """Every lettered, roman or `(1)` item the gold records: as a paragraph of its own, or as a part of one."""
    paras = gold.paragraphs
    keys = line_starts(lines)
    items: list[Item] = []
    numbers = [_nfkc(p.get("number") or "").strip() for p in paras]
    matches = [_ITEM_NUMBER.match(n) for n in numbers]
    kinds = _run_items([_style(m) if m else ("", "") for m in matches])
    for i, (p, m) in enumerate(zip(paras, matches)):
        if not m or not p.get("under"):
            continue
        value, style = _style(m)
        under = _nfkc(p["under"])
        parent = None
        for j in range(i - 1, -1, -1):
            q = paras[j]
            if q.get("under") != p.get("under") and label_of(numbers[j]) == label_of(under) and numbers[j]:
                parent = q
                break
        nxt = paras[i + 1] if i + 1 < len(paras) else None
        has_sub = bool(nxt and nxt.get("under") and nxt.get("under") != p.get("under")
                       and label_of(_nfkc(nxt["under"])) == value)
        ptext = _nfkc((parent or {}).get("text") or (parent or {}).get("last_words") or "")
        items.append(Item(gold.name, "paragraph", numbers[i], value, style, kinds[i],
                          _nfkc(p.get("text") or p.get("last_words") or ""), ptext or under,
                          _nfkc(parent.get("number")) if parent else under, parent is None or not ptext,
                          has_sub, 2 if parent is not None and _ITEM_NUMBER.match(numbers[paras.index(parent)]) else 1))
    for p, number in zip(paras, numbers):
        text = _nfkc(p.get("text") or "")
        found = [m for m in _INLINE.finditer(text) if m.start() > 0 and (_style(m)[0], norm(m.group("w"))) in keys]
        if not found:
            continue
        ks = _run_items([_style(m) for m in found])
        first_style = (_style(found[0])[1], ks[0])
        for n, m in enumerate(found):
            value, style = _style(m)
            end = found[n + 1].start() if n + 1 < len(found) else len(text)
            nested = (style, ks[n]) != first_style
            if nested:  # the lead-in is the enclosing part's text up to the sub-run
                k = n
                while k > 0 and (_style(found[k - 1])[1], ks[k - 1]) != first_style:
                    k -= 1
                lead = text[found[k - 1].start(): found[k].start()] if k > 0 else text[: found[0].start()]
            else:
                lead = text[: found[0].start()]
            has_sub = n + 1 < len(found) and (_style(found[n + 1])[1], ks[n + 1]) != (style, ks[n]) \
                and _ordinal(ks[n + 1], _style(found[n + 1])[0]) == 1
            items.append(Item(gold.name, "part", m.group(0).split()[0] if m.group(0).split() else value, value,
                              style, ks[n], text[m.start(): end], lead, number, not lead.strip(), has_sub,
                              2 if nested else 1))
    return items


def _end(text: str) -> str:
    t = text.rstrip(" )’”\"'")
    low = t.lower()
    if low.endswith(("; and", "; or", ";and", ";or")):
        return ";"
    if low.endswith((" and", " or")):
        return ","
    return t[-1:] if t else ""


def _title(text: str) -> bool:
    """A title without prose: a few words, capitalised or in capitals, no sentence's end."""
    words = re.sub(r"^[\dA-Z]{0,3}[\d.()]*\s*", "", text.strip()).rstrip(":").split()
    if not words or len(words) > 8 or _end(text) in (".", ";", ","):
        return False
    small = {"of", "and", "the", "to", "for", "in", "on", "a", "an", "or", "by", "with", "at"}
    return all(w[:1].isupper() or w.lower() in small or not w[:1].isalpha() for w in words)


def features(it: Item, governing: bool) -> dict:
    lead_end = _end(it.lead)
    own_end = _end(it.own)
    return {
        "lead_colon": lead_end in (":", "—", "-", "–"),
        "heading_parent": it.parent_is_heading or _title(it.lead),
        "own_sentence": own_end in (".", "?", "!"),
        "own_completes": own_end in (";", ","),
        "has_sub": it.has_sub,
        "level1": it.level == 1,
        "dotted_parent": bool(re.search(r"\d\.\d", it.parent_number)),
        "governing": governing,
        "long": len(it.own.split()) > 25,
        "style": it.style,
        "kind": it.kind,
    }


Rule = Callable[[dict], bool]  # True: a paragraph of its own
RULES: dict[str, Rule] = {
    "(baseline) always a paragraph": lambda f: True,
    "completes-lead-in -> part": lambda f: not (f["lead_colon"] and not f["own_sentence"]),
    "ends '.' -> paragraph": lambda f: f["own_sentence"],
    "lead-in not ':' -> paragraph": lambda f: not f["lead_colon"],
    "own sub-items -> paragraph": lambda f: f["has_sub"],
    "heading parent -> paragraph": lambda f: f["heading_parent"],
    "first level -> paragraph": lambda f: f["level1"],
    "sentence or sub-items or heading parent": lambda f: f["own_sentence"] or f["has_sub"] or f["heading_parent"],
    "hypotheses together, first level only": lambda f: f["level1"] and (
        f["own_sentence"] or f["has_sub"] or f["heading_parent"] or not f["lead_colon"]),
    "'(a)' style -> paragraph": lambda f: f["style"] == "()",
    "letter (not roman) -> paragraph": lambda f: f["kind"] == "letter",
    "parent not dotted (1.2.3) -> paragraph": lambda f: not f["dotted_parent"],
    "governing document -> paragraph": lambda f: f["governing"],
    "governing or heading parent": lambda f: f["governing"] or f["heading_parent"],
    "over 25 words -> paragraph": lambda f: f["long"],
}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--docs", action="store_true", help="the per-document table")
    ap.add_argument("--items", type=int, default=0, help="example items per document")
    ap.add_argument("--json", metavar="PATH")
    ap.add_argument("names", nargs="*")
    args = ap.parse_args()
    per_doc: dict[str, list[tuple[dict, str, Item]]] = {}
    for gold in load_golds(args.names or None):
        if not gold.paragraphs or not gold.pdf.exists():
            continue
        lines = layout(gold.pdf)
        first_page = " ".join(_nfkc("\n".join(lines)).split("\f")[0].split()[:60])
        governing = bool(_GOVERNING.search(first_page))
        rows = [(features(it, governing), it.gold, it) for it in gold_items(gold, lines)]
        if rows:
            per_doc[gold.name] = rows
    total = Counter(g for rows in per_doc.values() for _, g, _ in rows)
    print(f"{len(per_doc)} documents; gold items: {total['paragraph']} paragraphs, {total['part']} parts")
    summary = {}
    print(f"\n{'rule':44} {'right':>7} {'share':>6}  {'para ok':>8} {'part ok':>8}  docs mostly wrong")
    for name, rule in RULES.items():
        right = para_ok = part_ok = 0
        wrong_docs = []
        for doc, rows in per_doc.items():
            ok = sum(rule(f) == (g == "paragraph") for f, g, _ in rows)
            right += ok
            para_ok += sum(rule(f) for f, g, _ in rows if g == "paragraph")
            part_ok += sum(not rule(f) for f, g, _ in rows if g == "part")
            if ok * 2 < len(rows):
                wrong_docs.append(doc)
        n = sum(total.values())
        summary[name] = {"right": right, "share": round(right / n, 3), "mostly_wrong": wrong_docs}
        print(f"{name:44} {right:7} {right / n:6.2f}  {para_ok:4}/{total['paragraph']:<4} "
              f"{part_ok:4}/{total['part']:<4}  {len(wrong_docs)}")
    # the oracle bound of a per-document convention: each document all paragraph or all part
    doc_major = sum(max(Counter(g for _, g, _ in rows).values()) for rows in per_doc.values())
    print(f"{'(bound) one class per document':44} {doc_major:7} {doc_major / sum(total.values()):6.2f}")
    split = sorted(((Counter(g for _, g, _ in rows), d) for d, rows in per_doc.items()), key=lambda x: x[1])
    mixed = [f"{d} {c['paragraph']}/{c['part']}" for c, d in split if min(c["paragraph"], c["part"]) > 0]
    print(f"\nparts the majority in {sum(c['part'] > c['paragraph'] for c, _ in split)} documents "
          f"({sum(c['part'] for c, _ in split if c['part'] > c['paragraph'])} parts), paragraphs in "
          f"{sum(c['part'] <= c['paragraph'] for c, _ in split)}; both classes in {len(mixed)} (paragraphs/parts):")
    print("  " + "; ".join(mixed))
    if args.docs:
        names = list(RULES)
        print("\nper document: paragraphs/parts, then each rule's items right (share), rules in the order above")
        for doc, rows in sorted(per_doc.items()):
            c = Counter(g for _, g, _ in rows)
            shares = [sum(RULES[n](f) == (g == "paragraph") for f, g, _ in rows) / len(rows) for n in names]
            print(f"{doc[:58]:58} {c['paragraph']:4}/{c['part']:<4} " + " ".join(f"{s:.2f}" for s in shares))
    if args.items:
        for doc, rows in sorted(per_doc.items()):
            print(f"\n# {doc}")
            for f, g, it in rows[: args.items]:
                flags = ",".join(k for k, v in f.items() if v is True)
                print(f"  {g:9} L{it.level} {it.label:5} under {it.parent_number[:12]!r} lead=…{it.lead[-30:]!r}"
                      f" own=…{it.own[-25:]!r} [{flags}]")
    if args.json:
        Path(args.json).write_text(json.dumps({
            "rules": summary,
            "documents": {d: dict(Counter(g for _, g, _ in rows)) for d, rows in per_doc.items()}}, indent=1))


if __name__ == "__main__":
    main()
