"""Score an extraction against a real paper's gold, written from the page (data/real/gold/*.gold.json).

Three figures per document, as a reader would judge them:
- found: a gold paragraph's start is the start of an extracted paragraph (its first words begin one);
- whole: found, and nothing glued on or cut off (the whole text, or the first and last words, agree);
- numbers right: found, and the extracted number's own label is the printed one (`5.4`; `a` for `1(a)`).
Precision: of the extracted numbered paragraphs, the share whose start is some gold paragraph's start.
A gold paragraph whose label the PDF draws but leaves out of its text layer (`label_in_text_layer: false`: a number
painted as vector outlines or an image) cannot be found from text; it is counted apart (`hidden`), not in the four
figures, and its start still counts as a true start for precision.
Text is compared after normalising case, quotes, dashes, ligatures and everything but letters and digits,
so a curly quote or a line-end hyphen does not decide a score.  Used by bench/real.py and tests/test_real_corpus.py.
"""
from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Optional

ROOT = Path(__file__).resolve().parent.parent
REAL = ROOT / "data" / "real"
GOLD = REAL / "gold"
START_WORDS = 6


def norm(text: str) -> str:
    text = unicodedata.normalize("NFKC", text or "").lower()
    text = re.sub(r"[^0-9a-z]+", " ", text)
    return " ".join(text.split())


def words(text: str) -> list[str]:
    return norm(text).split()


def label_of(number: Optional[str]) -> str:
    """The paragraph's own label: '292(1)' -> '1', '1(a)' -> 'a', 'Background 3' -> '3', '5.4.' -> '5.4'."""
    if not number:
        return ""
    n = number.strip()
    m = re.search(r"\(([^()]+)\)\s*$", n)
    if m:
        n = m.group(1)
    n = n.split()[-1] if n.split() else n
    return n.strip("().").lower()


@dataclass
class Para:
    number: str
    text: str


@dataclass
class Gold:
    name: str
    pdf: Path
    data: dict

    @property
    def paragraphs(self) -> list[dict]:
        return self.data.get("paragraphs", [])

    def start(self, g: dict) -> list[str]:
        return words(g.get("text") or g.get("first_words") or "")[:START_WORDS]


def load_golds(names: Optional[Iterable[str]] = None) -> list[Gold]:
    out = []
    for path in sorted(GOLD.glob("*.gold.json")):
        data = json.loads(path.read_text())
        stem = path.name[: -len(".gold.json")]
        if names and stem not in names:
            continue
        out.append(Gold(stem, REAL / data.get("file", stem + ".pdf"), data))
    return out


@dataclass
class Score:
    gold: int = 0
    found: int = 0
    whole: int = 0
    numbers: int = 0
    extracted: int = 0
    true_starts: int = 0
    hidden: int = 0  # gold paragraphs whose label is not in the PDF's text layer: scored apart
    hidden_found: int = 0  # ... of which lspkit still found the start
    misses: list = field(default_factory=list)

    def add(self, other: "Score") -> "Score":
        for k in ("gold", "found", "whole", "numbers", "extracted", "true_starts", "hidden", "hidden_found"):
            setattr(self, k, getattr(self, k) + getattr(other, k))
        return self

    def ratio(self, k: str) -> float:
        if k == "precision":
            return self.true_starts / self.extracted if self.extracted else 1.0
        return getattr(self, k) / self.gold if self.gold else 1.0

    def row(self) -> dict:
        return {k: round(self.ratio(k), 3) for k in ("found", "whole", "numbers", "precision")} | {
            "gold": self.gold, "extracted": self.extracted, "hidden": self.hidden}


def _whole(g: dict, ext: list[str]) -> bool:
    if g.get("text"):
        return words(g["text"]) == ext
    first, last = words(g.get("first_words", "")), words(g.get("last_words", ""))
    return ext[: len(first)] == first and (not last or ext[-len(last):] == last)


def score(gold: Gold, extracted: list[Para]) -> Score:
    hidden = [g for g in gold.paragraphs if g.get("label_in_text_layer") is False]
    scored = [g for g in gold.paragraphs if g.get("label_in_text_layer") is not False]
    s = Score(gold=len(scored), extracted=len(extracted), hidden=len(hidden))
    ext = [(p, words(p.text)) for p in extracted]
    used: set[int] = set()
    starts = {tuple(gold.start(g)) for g in gold.paragraphs}
    for p, w in ext:
        if any(st and tuple(w[: len(st)]) == st for st in starts):
            s.true_starts += 1
    for g in hidden:
        st = gold.start(g)
        s.hidden_found += any(st and w[: len(st)] == st for _, w in ext)
    for g in scored:
        st = gold.start(g)
        hit = None
        for i, (p, w) in enumerate(ext):
            if i not in used and st and w[: len(st)] == st:
                hit = i
                break
        if hit is None:
            s.misses.append((g.get("under"), g.get("number"), " ".join(st)))
            continue
        used.add(hit)
        s.found += 1
        p, w = ext[hit]
        s.whole += _whole(g, w)
        s.numbers += label_of(p.number) == label_of(g.get("number"))
    return s


def lspkit_paragraphs(pdf: Path, **options) -> list[Para]:
    import lspkit

    return paragraphs_of(lspkit.extract(str(pdf), **options))


def paragraphs_of(doc) -> list[Para]:
    """A Document's paragraphs as gold records them (the test suite scores the Document it has already read)."""
    # the number as printed (`label`: "a" for the paragraph whose id is "1(a)") is what gold records
    return [Para(getattr(p, "label", None) or p.number, p.text) for p in doc.paragraphs]


_START = re.compile(r"^\s{0,12}(\(?(?:\d{1,3}(?:\.\d{1,3}){0,3}|[a-z]|[ivx]{1,4})[.)]?)\.?\s+(?=\S)(.*)$")


def baseline_paragraphs(pdf: Path) -> list[Para]:
    """The one-hour script: `pdftotext -layout`, a line starting with a number or letter label starts a paragraph,
    which runs on until the next label or a blank line."""
    import subprocess

    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True).stdout
    paras: list[Para] = []
    current: Optional[Para] = None
    for line in text.splitlines():
        m = _START.match(line)
        if m and len(m.group(2)) > 3:
            current = Para(m.group(1).strip("().").rstrip("."), m.group(2).strip())
            paras.append(current)
        elif not line.strip() or "\f" in line:
            current = None
        elif current is not None:
            current.text += " " + line.strip()
    return paras
