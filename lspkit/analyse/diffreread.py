"""Two small judgements of the diff about what a version prints, apart from the alignment itself.

* A space typed after a comma or a full stop ("governors,and" -> "governors, and", "break.Simon" -> "break. Simon"),
  or taken away before a comma, semicolon or colon ("responsible for :" -> "responsible for:"), is an edit a clerk makes between a draft and its final copy; the word tokens the diff compares cannot see it
  (whitespace never counts), so `spacing_fixes` finds it between two texts whose words are the same.
* A paragraph reported added, deleted or moved whose words the other version prints all the same, in order
  (`printed_in`), changed only in how the segmenter cut the text -- a two-column list of schools read as numbered
  paragraphs in one version and as a block in the other, a table's cells leaked into a list's last item -- not
  in what the page says.
"""
from __future__ import annotations

import difflib
import re
from typing import Container, Optional, Sequence

from .align import fold_typography
from .redline import RunOp, WordRun

_TOKEN = re.compile(r"\w+(?:['\u2019]\w+)*|\s+|[^\w\s]", re.UNICODE)
_STOP = {",", ".", ";", ":"}
_BEFORE_STOP = {",", ";", ":"}


def _letters(token: str) -> bool:
    return bool(token) and token[0].isalpha()


def spacing_fixes(old: str, new: str) -> Optional[tuple[WordRun, ...]]:
    """The runs of a redline showing each space added or taken away right after a comma, full stop, semicolon or
    colon between two words ("governors,and" -> "governors, and"), when that is the two texts' only difference
    but for other whitespace (a line broken elsewhere); None when there is none.  Letters on both sides: "2.5"
    and "3,000" are numbers, not sentences run together."""
    a = [t if not t.isspace() else " " for t in _TOKEN.findall(fold_typography(old))]
    b = [t if not t.isspace() else " " for t in _TOKEN.findall(fold_typography(new))]
    if [t for t in a if t != " "] != [t for t in b if t != " "]:
        return None
    segments: list[list] = []  # [op, old tokens, new tokens]
    fixes = 0
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if op == "equal":
            segments.append(["equal", a[i1:i2], b[j1:j2]])
            continue
        before = a[i1 - 1] if i1 > 0 else ""
        after = a[i2] if i2 < len(a) else ""
        two_back = a[i1 - 2] if i1 > 1 else ""
        spaces = {*a[i1:i2], *b[j1:j2]} <= {" "} and bool(a[i1:i2]) != bool(b[j1:j2])
        # after a comma or full stop between two words ("governors,and"); before a comma, semicolon or colon
        # closing a word ("responsible for :" -> "responsible for:", "Chairman ," -> "Chairman,"); after an
        # item's closing bracket before a word ("(v)shall" -> "(v) shall")
        fix = spaces and ((before in _STOP and _letters(two_back) and _letters(after))
                          or (_letters(before) and after in _BEFORE_STOP)
                          or (before == ")" and _letters(after) and re.fullmatch(r"[ivxlc]{1,5}|[a-z]|\d{1,2}", two_back)
                              and (a[i1 - 3] if i1 > 2 else "") == "("))
        if not fix:  # other whitespace: a line broken elsewhere, not an edit
            segments.append(["equal", a[i1:i2], b[j1:j2]])
            continue
        fixes += 1
        segments.append(["fix", a[i1:i2], b[j1:j2]])
    if not fixes:
        return None
    runs: list[WordRun] = []
    for k, (op, ta, tb) in enumerate(segments):
        if op == "equal":
            continue
        # the fix shown with the word before it and the word after it: "governors,and" -> "governors, and"
        prev, nxt = segments[k - 1], segments[k + 1]
        head_a, head_b = prev[1][-2:], prev[2][-2:]
        del prev[1][-2:], prev[2][-2:]
        tail_a, tail_b = nxt[1][:1], nxt[2][:1]
        del nxt[1][:1], nxt[2][:1]
        segments[k] = ["fix", head_a + ta + tail_a, head_b + tb + tail_b]
    for op, ta, tb in segments:
        if op == "equal":
            if tb:
                runs.append(WordRun(RunOp.EQUAL, "".join(tb)))
        else:
            runs.append(WordRun(RunOp.DELETE, "".join(ta)))
            runs.append(WordRun(RunOp.INSERT, "".join(tb)))
    return tuple(runs)


_WORD = re.compile(r"\w+", re.UNICODE)


def words(text: str) -> list[str]:
    return [w.casefold() for w in _WORD.findall(fold_typography(text))]


def grams(text_words: Sequence[str]) -> frozenset:
    """The words, and the runs of two and of three words, a version prints (a text of its paragraphs or its unnumbered text), for
    `printed_in`."""
    return frozenset(tuple(text_words[k:k + n]) for n in (1, 2, 3) for k in range(len(text_words) - n + 1))


def _covered(mine: Sequence[str], other: Container, run: int) -> int:
    covered = [False] * len(mine)
    for k in range(len(mine) - run + 1):
        if tuple(mine[k:k + run]) in other:
            covered[k:k + run] = [True] * run
    return sum(covered)


def printed_in(text: str, other: Container, *, label: str = "", share: float = 0.9) -> bool:
    """`text`'s words printed in the other version (`other`: its `grams`): covered, to `share`, by runs of three
    words the other prints too; or, where a table's cells leaked into the text in another order than the other
    version reads them (column by column in one, row by row in the other), covered to `share` by pairs of words
    (a name, a cell of two words) and to two thirds by runs of three; or, for text that reads as cells run
    together (`cells_text`), every word printed there and most with a neighbour of theirs.  Runs, not single words, so
    a paragraph of common words is not found scattered across a paper.  A text shorter than three words is never judged.
    `label` (a numbered paragraph's printed number): the other version prints it too, just before the text's
    first words -- a list item read as a block there, not a paragraph whose number was taken away."""
    lead = words(label)
    mine = lead + words(text)
    if len(mine) - len(lead) < 3:
        return False
    if lead and tuple(mine[: max(3, len(lead) + 1)]) not in other and tuple(mine[: len(lead) + 1]) not in other:
        return False
    threes = _covered(mine, other, 3)
    if threes >= share * len(mine):
        return True
    twos = _covered(mine, other, 2)
    if threes >= 2 * len(mine) / 3 and twos >= share * len(mine):
        return True
    # table cells (names, subjects: capitalised words, no sentence) read in another order: each word printed
    # there, most of them with a neighbour of their cell
    return cells_text(text) and twos >= 0.6 * len(mine) and _covered(mine, other, 1) == len(mine)


def cells_text(text: str) -> bool:
    """Text that reads as a table's cells run together: no sentence ends inside, most words capitalised."""
    tokens = re.findall(r"\w+", text)
    if re.search(r"[.!?;]\s+\w", text) or not tokens:
        return False
    return sum(t[0].isupper() or t[0].isdigit() for t in tokens) >= 0.7 * len(tokens)
