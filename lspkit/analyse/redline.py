"""Word-level redline between two paragraph texts.

Tokens are words with their whitespace and punctuation kept as tokens of their
own, so the runs concatenate back to the texts exactly.  difflib on word
tokens gives a readable diff (character diffs shred words); afterwards change
runs separated by a single unchanged word, or by nothing but spaces and
punctuation, are joined, because "~~the council~~ ++the partnership++ ~~will~~
++should++" reads worse than one deletion and one insertion.
"""
from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from enum import Enum
from typing import Any, Sequence

from .align import fold_typography

_TOKEN_RE = re.compile(r"\w+(?:['\u2019]\w+)*|\s+|[^\w\s]", re.UNICODE)
_WORD_RE = re.compile(r"\w", re.UNICODE)


class RunOp(str, Enum):
    EQUAL = "equal"
    INSERT = "insert"
    DELETE = "delete"


@dataclass(frozen=True)
class WordRun:
    """A stretch of text that is the same in both versions, or only in one."""

    op: RunOp
    text: str

    def to_dict(self) -> dict[str, Any]:
        return {"op": self.op.value, "text": self.text}


def tokenize(text: str) -> list[str]:
    return _TOKEN_RE.findall(text)


def _is_word(token: str) -> bool:
    return bool(_WORD_RE.search(token))


def _token_key(token: str, ignore_case: bool, ignore_punctuation: bool) -> str:
    if token.isspace():
        return " "
    token = fold_typography(token)
    if ignore_punctuation:
        if not _is_word(token):
            return "\x00p"
        token = re.sub(r"['\u2019]", "", token)
    return token.casefold() if ignore_case else token


def redline(
    old: str,
    new: str,
    *,
    ignore_case: bool = False,
    ignore_punctuation: bool = False,
) -> tuple[WordRun, ...]:
    """Runs that rebuild `old` (equal + delete) and `new` (equal + insert).

    Equal runs carry the new version's text, which differs from the old one
    only where the options say differences do not count (case, punctuation,
    the kind of whitespace) or in typography, which never counts (a ligature
    glyph, a curly quote: `align.fold_typography`).
    """
    a, b = tokenize(old), tokenize(new)
    # difflib sees words and punctuation only: whitespace, the commonest token of all, would
    # make it slow and anchor matches on nothing.  It is put back between the matched blocks.
    ia = [k for k, t in enumerate(a) if not t.isspace()]
    ib = [k for k, t in enumerate(b) if not t.isspace()]
    ka = [_token_key(a[k], ignore_case, ignore_punctuation) for k in ia]
    kb = [_token_key(b[k], ignore_case, ignore_punctuation) for k in ib]
    matcher = difflib.SequenceMatcher(None, ka, kb, autojunk=False)
    # chunks: ["=", new_text, old_text] or ["~", deleted_text, inserted_text]
    chunks: list[list] = []
    pa = pb = 0
    for i, j, n in matcher.get_matching_blocks():
        fa = ia[i] if i < len(ia) else len(a)
        fb = ib[j] if j < len(ib) else len(b)
        _gap(chunks, a[pa:fa], b[pb:fb])
        if n:
            ea, eb = ia[i + n - 1] + 1, ib[j + n - 1] + 1
            chunks.append(["=", "".join(b[fb:eb]), "".join(a[fa:ea])])
            pa, pb = ea, eb
        else:
            pa, pb = fa, fb
    if ignore_punctuation:
        chunks = [_punctuation_as_equal(c) for c in chunks]
    chunks = _absorb_short_equals(chunks)
    return _to_runs(chunks)


def _gap(chunks: list[list], ga: list[str], gb: list[str]) -> None:
    """What lies between two matched blocks: a change, with whitespace at its edges kept equal."""
    if not ga and not gb:
        return
    if ga and gb and ga[0].isspace() and gb[0].isspace():
        chunks.append(["=", gb[0], ga[0]])
        ga, gb = ga[1:], gb[1:]
    trail = None
    if ga and gb and ga[-1].isspace() and gb[-1].isspace():
        trail = ["=", gb[-1], ga[-1]]
        ga, gb = ga[:-1], gb[:-1]
    if all(t.isspace() for t in ga) and all(t.isspace() for t in gb):
        if ga or gb:
            chunks.append(["=", "".join(gb), "".join(ga)])  # the kind of whitespace is never a change
    else:
        chunks.append(["~", "".join(ga), "".join(gb)])
    if trail:
        chunks.append(trail)


def _punctuation_as_equal(chunk: list) -> list:
    """With --ignore-punctuation a change made only of punctuation is shown as the new text, unchanged."""
    if chunk[0] == "~" and not _is_word(chunk[1]) and not _is_word(chunk[2]):
        return ["=", chunk[2], chunk[1]]
    return chunk


def _absorb_short_equals(chunks: list[list]) -> list[list]:
    """Join change chunks separated by one unchanged word or by spaces/punctuation only."""
    merged: list[list] = []
    for c in chunks:
        if merged and merged[-1][0] == c[0]:
            merged[-1] = [c[0], merged[-1][1] + c[1], merged[-1][2] + c[2]]
        else:
            merged.append(list(c))
    chunks = merged
    out: list[list] = []
    i = 0
    while i < len(chunks):
        c = chunks[i]
        if (
            c[0] == "="
            and out
            and out[-1][0] == "~"
            and i + 1 < len(chunks)
            and chunks[i + 1][0] == "~"
            and sum(1 for t in tokenize(c[1]) if _is_word(t)) <= 1
        ):
            nxt = chunks[i + 1]
            prev = out[-1]
            out[-1] = ["~", prev[1] + c[2] + nxt[1], prev[2] + c[1] + nxt[2]]
            i += 2
            continue
        if c[0] == "~" and out and out[-1][0] == "~":
            out[-1] = ["~", out[-1][1] + c[1], out[-1][2] + c[2]]
        elif c[0] == "=" and out and out[-1][0] == "=":
            out[-1] = ["=", out[-1][1] + c[1], out[-1][2] + c[2]]
        else:
            out.append(list(c))
        i += 1
    return out


def _to_runs(chunks: Sequence[list]) -> tuple[WordRun, ...]:
    runs: list[WordRun] = []
    for c in chunks:
        if c[0] == "=":
            if c[1]:
                runs.append(WordRun(RunOp.EQUAL, c[1]))
        else:
            if c[1]:
                runs.append(WordRun(RunOp.DELETE, c[1]))
            if c[2]:
                runs.append(WordRun(RunOp.INSERT, c[2]))
    return tuple(runs)


def old_text(runs: Sequence[WordRun]) -> str:
    return "".join(r.text for r in runs if r.op is not RunOp.INSERT)


def new_text(runs: Sequence[WordRun]) -> str:
    return "".join(r.text for r in runs if r.op is not RunOp.DELETE)
