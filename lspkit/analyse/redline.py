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
    the kind of whitespace).
    """
    a, b = tokenize(old), tokenize(new)
    ka = [_token_key(t, ignore_case, ignore_punctuation) for t in a]
    kb = [_token_key(t, ignore_case, ignore_punctuation) for t in b]
    matcher = difflib.SequenceMatcher(None, ka, kb, autojunk=False)
    # chunks: ("=", new_text) or ("~", deleted_text, inserted_text)
    chunks: list[list] = []
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            chunks.append(["=", "".join(b[j1:j2]), "".join(a[i1:i2])])
        else:
            chunks.append(["~", "".join(a[i1:i2]), "".join(b[j1:j2])])
    if ignore_punctuation:
        chunks = [_punctuation_as_equal(c) for c in chunks]
    chunks = _absorb_short_equals(chunks)
    return _to_runs(chunks)


def _punctuation_as_equal(chunk: list) -> list:
    """With --ignore-punctuation a change made only of punctuation is shown as the new text, unchanged."""
    if chunk[0] == "~" and not _is_word(chunk[1]) and not _is_word(chunk[2]):
        return ["=", chunk[2], chunk[1]]
    return chunk


def _absorb_short_equals(chunks: list[list]) -> list[list]:
    """Join change chunks separated by one unchanged word or by spaces/punctuation only."""
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
