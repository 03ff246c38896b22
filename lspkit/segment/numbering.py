"""Paragraph numbers: parse them, and use their sequence as the document's identifiers.

A number at the start of a line is only a candidate: "2006." or "3.5 million"
wrapped to a line start, or a list item "1." inside a paragraph, look the same.
The candidate becomes a paragraph only when it continues the sequence (next at
the same level, one level down, back up a level, or a restart after a new
chapter); gaps, duplicates and restarts are accepted with a warning when the
numbers that follow confirm them.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Optional, Sequence

_NUM = re.compile(r"^(\d{1,3}(?:\.\d{1,3}){0,4})(\.|\))?(?:\s+|$)(.*)$", re.S)
_NUM_GLUED = re.compile(r"^(\d{1,3}(?:\.\d{1,3}){1,4})\.?(?=[A-Z(“\"‘])(.*)$", re.S)  # "4.1The ..." (no space)
_ANNEX_NUM = re.compile(r"^([A-Z])\.(\d{1,3}(?:\.\d{1,3}){0,3})(\.|\))?(?:\s+|$)(.*)$", re.S)  # "B.1." in Annex B
_QUESTION = re.compile(r"^(?i:consultation\s+)?(?:(?i:question)|Q)\.?\s?(\d{1,3}[a-z]?)\b\s*[.:)\-–—]?\s*(.*)$", re.S)
_CHAPTER = re.compile(r"^(Chapter|Part|Section)\s+(\d{1,3}|[IVXLC]{1,6})\b\s*[:.\-–—]?\s*(.*)$", re.S | re.I)
_ANNEX = re.compile(r"^(Annexe|Annex|Appendix|Schedule)\s+([A-Z]|\d{1,3}|[IVX]{1,5})\b\s*[:.\-–—]?\s*(.*)$", re.S | re.I)
_SUBPART = re.compile(r"^(?:\(([a-z]{1,2}|[ivxlc]{1,6}|\d{1,2})\)|([a-z]{1,2}|[ivx]{1,5})\))\s+(.*)$", re.S)
_BULLET = re.compile(
    r"^([•▪▫◦●○■□◆◇►▶▸➢➤➣✓✔✗✘·∙‣⁃⦁◘\uf0a7\uf0b7\uf0d8\uf0fc\uf076\uf0a8\uf0e0\uf0de\uf02d]|[\ue000-\uf8ff]"
    r"|[-–—*o!Øü§q](?=\s))\s*(.*)$",  # Wingdings/Symbol bullets extracted as ! Ø ü § q
    re.S,
)


@dataclass(frozen=True)
class Label:
    """What a line starts with: a number, a question, a chapter or annex, a lettered part or a bullet."""

    kind: str  # "number", "question", "chapter", "annex", "part", "bullet"
    number: str  # as printed, without a trailing dot; "" for bullets
    rest: str  # the text after the label
    levels: tuple[int, ...] = ()
    dotted: bool = False  # printed with a trailing "." or ")"
    word: str = ""  # "Chapter", "Annex", ... for headings


def parse_label(text: str) -> Optional[Label]:
    """The label a line starts with, if any."""
    t = text.lstrip()
    m = _NUM.match(t)
    if m:
        number, dot, rest = m.groups()
        levels = tuple(int(x) for x in number.split("."))
        if len(levels) > 1 and levels[-1] == 0:
            levels = levels[:-1]  # "2.0 BACKGROUND" heads the 2.x paragraphs, like "2."
        if levels[0] == 0:
            return None
        return Label("number", number, rest.strip(), levels, bool(dot))
    m = _ANNEX_NUM.match(t) if not t.startswith("Q.") else None  # "Q.3" is a question, not Annex Q
    if m:
        letter, number, dot, rest = m.groups()
        levels = (annex_level(letter),) + tuple(int(x) for x in number.split("."))
        return Label("number", f"{letter}.{number}", rest.strip(), levels, bool(dot))
    m = _NUM_GLUED.match(t)
    if m:
        number, rest = m.groups()
        return Label("number", number, rest.strip(), tuple(int(x) for x in number.split(".")), False)
    m = _QUESTION.match(t)
    if m:
        return Label("question", "Q" + m.group(1), m.group(2).strip(), (_int(m.group(1)),))
    m = _CHAPTER.match(t)
    if m:
        word, num, rest = m.groups()
        return Label("chapter", _roman_or_int(num), rest.strip(), (), False, word.capitalize())
    m = _ANNEX.match(t)
    if m:
        word, num, rest = m.groups()
        return Label("annex", num.upper() if len(num) == 1 else num, rest.strip(), (), False, word.capitalize())
    m = _SUBPART.match(t)
    if m:
        label = m.group(1) or m.group(2)
        return Label("part", label, m.group(3).strip())
    m = _BULLET.match(t)
    if m and m.group(2).strip():
        return Label("bullet", "", m.group(2).strip())
    return None


def annex_level(letter: str) -> int:
    """Annex and appendix letters as a first numbering level that never meets a chapter number."""
    return 1000 + ord(letter.upper()) - ord("A") + 1


def _int(s: str) -> int:
    return int(re.match(r"\d+", s).group(0))


_ROMAN = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100}


def _roman_or_int(s: str) -> str:
    if s.isdigit():
        return s
    total = 0
    prev = 0
    for ch in reversed(s.upper()):
        v = _ROMAN[ch]
        total = total - v if v < prev else total + v
        prev = max(prev, v)
    return str(total)


# ---------------------------------------------------------------- sequences


def successor_kind(prev: Optional[tuple[int, ...]], cand: tuple[int, ...], max_gap: int = 0) -> Optional[str]:
    """How `cand` follows `prev`: "next", "down", "up", "gap" (within max_gap), "duplicate" or None."""
    if prev is None:
        return "next" if cand[-1] <= 1 + max_gap else None
    if cand == prev:
        return "duplicate"
    # one level down: 3.2 -> 3.2.1
    if len(cand) > len(prev) and cand[: len(prev)] == prev and all(c == 1 for c in cand[len(prev):]):
        return "down"
    # same or higher level, incremented at depth k, deeper levels restarting at 1
    for k in range(min(len(prev), len(cand)), 0, -1):
        if cand[: k - 1] != prev[: k - 1]:
            continue
        step = cand[k - 1] - prev[k - 1]
        if step < 1 or not all(c == 1 for c in cand[k:]):
            continue
        if step == 1:
            return "next" if len(cand) == len(prev) and k == len(cand) else "up"
        if step <= 1 + max_gap:
            return "gap"
    return None


def letter_kind(prev: Optional[str], label: str) -> str:
    """Whether a part label like "i" is a letter or a roman numeral, given the label before it."""
    lab = label.lower()
    if not re.fullmatch(r"[ivxlc]+", lab):
        return "letter"
    if prev is None:
        return "roman" if lab != "i" or True else "letter"
    p = prev.lower()
    if len(lab) == 1 and len(p) == 1 and ord(lab) == ord(p) + 1:
        return "letter"  # (h) then (i), (u) then (v), (w) then (x)
    if re.fullmatch(r"[ivxlc]+", p) and _roman_value(lab) == _roman_value(p) + 1:
        return "roman"
    return "roman" if lab in ("i", "ii", "iii", "iv") else "letter"


def _roman_value(s: str) -> int:
    return int(_roman_or_int(s.upper()))


def sequence_warnings(numbers: Sequence[str]) -> list[str]:
    """Gaps, duplicates and restarts in a list of accepted paragraph numbers, in words a reader can check."""
    out: list[str] = []
    seen: set[str] = set()
    prev: Optional[tuple[int, ...]] = None
    for n in numbers:
        if n.startswith("Q"):
            continue
        try:
            cand = tuple(annex_level(x) if x.isalpha() and len(x) == 1 else int(x) for x in n.split("."))
        except ValueError:
            continue
        if n in seen:
            out.append(f"paragraph number {n} appears more than once")
        seen.add(n)
        if prev is not None and (prev[0] > 1000) != (cand[0] > 1000):
            prev = None  # into (or out of) an annex: its numbering starts afresh
        if prev is not None:
            kind = successor_kind(prev, cand, max_gap=50)
            if kind == "gap":
                out.append(f"numbering gap: {_fmt(prev)} is followed by {n}")
            elif kind is None and cand != prev:
                out.append(f"numbering restarts or goes back: {_fmt(prev)} is followed by {n}")
        prev = cand
    return out


def _fmt(levels: tuple[int, ...]) -> str:
    return ".".join(chr(x - 1001 + ord("A")) if x > 1000 else str(x) for x in levels)
