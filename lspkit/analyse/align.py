"""Match the paragraphs of two versions by content, numbers only as hints.

Why not a flat diff: insert one paragraph near the top and every later number
shifts, so a diff keyed on numbers (or on position) reports everything as
changed.  Here identical texts are paired first (in order, then out of order),
then the rest are compared with a fuzzy word-level similarity (rapidfuzz's
Indel distance over word ids, so word order and rewording count but spelling
noise inside a word counts once) on *candidate* pairs only:

* pairs in the same gap between already matched paragraphs (the usual
  "reworded in place" case), nearest first and capped per paragraph;
* pairs that share some of their rarest words (an inverted index over word
  ids, queried with each paragraph's rarest words), which finds paragraphs
  that moved anywhere in the document.

So the work grows with the number of *changed* paragraphs times a small
constant, not with the product of the document lengths.  A paragraph whose
text is covered by two or more consecutive paragraphs of the other version is
proposed as a split (or, the other way round, a merge) and wins over a plain
one-to-one match when the concatenation explains clearly more of it.
"""
from __future__ import annotations

import bisect
import difflib
import heapq
import re
from collections import Counter
from itertools import chain
from dataclasses import dataclass
from typing import Optional, Sequence

_WORD_RE = re.compile(r"\w+(?:['\u2019]\w+)*|[^\w\s]", re.UNICODE)
_PLAIN_WORD_RE = re.compile(r"\w+", re.UNICODE)

# Candidate generation: how many nearby / rare-word candidates per paragraph.
GAP_WINDOW = 8
RARE_WORDS = 12
RARE_CANDIDATES = 15
MAX_DF = 50
# Split/merge: runs of pieces this long or shorter are also proposed in part (each shorter run holding the piece).
SUB_RUNS = 6
# Split/merge: a piece must be mostly contained in the whole and not tiny.
PIECE_CONTAINMENT = 0.75
PIECE_MIN_TOKENS = 3
SPLIT_GAIN = 0.05
# ... unless the pieces rebuild the whole almost word for word (a one-line first sentence split off).
SPLIT_EXACT = 0.97
# A paragraph rewritten in place (same gap, same number, alone in its gap)
# is still the same paragraph at a lower similarity.
IN_PLACE_FACTOR = 0.7
# ... and so is a paragraph kept word for word with a sentence or more added to it (or cut from it).
EXTENDED_FACTOR = 0.6
EXTENDED_CONTAINMENT = 0.9
# One unpaired paragraph on each side between the same two paired neighbours (its number shifted, its
# wording redone: a draft's "I propose..." become the final's "The Council has agreed...") is that
# paragraph rewritten when this much of it is the same words; a new paragraph put in place of a deleted
# one shares little more than the subject's names.
BETWEEN_PAIRED = 0.3


@dataclass(frozen=True)
class Match:
    """Indices into the old and new sequences that are one paragraph (or a split / merge)."""

    old: tuple[int, ...]
    new: tuple[int, ...]
    similarity: float


# Typography a reader or a re-save changes without changing a word: ligature glyphs ("ﬁ") and curly quotes.
_TYPOGRAPHY = str.maketrans({"\ufb00": "ff", "\ufb01": "fi", "\ufb02": "fl", "\ufb03": "ffi", "\ufb04": "ffl",
                             "\ufb05": "st", "\ufb06": "st", "\u2018": "'", "\u2019": "'", "\u201c": '"',
                             "\u201d": '"', "\u00a0": " "})


def fold_typography(text: str) -> str:
    """The text with ligatures spelled out and quotes straightened: what decides a change, never what is shown."""
    return text.translate(_TYPOGRAPHY)


def comparison_tokens(text: str, *, ignore_case: bool, ignore_punctuation: bool) -> list[str]:
    """The tokens whose equality decides whether a paragraph changed (whitespace never counts; nor do ligature
    glyphs or curly quotes, `fold_typography`)."""
    text = fold_typography(text)
    if ignore_case:
        text = text.casefold()
    if ignore_punctuation:
        # "partnership's" and "partnerships" are the same word once apostrophes do not count.
        return _PLAIN_WORD_RE.findall(text.replace("'", "").replace("\u2019", ""))
    return _WORD_RE.findall(text)


def align(
    old_texts: Sequence[str],
    new_texts: Sequence[str],
    *,
    threshold: float = 0.5,
    old_hints: Optional[Sequence[str]] = None,
    new_hints: Optional[Sequence[str]] = None,
) -> list[Match]:
    """Matches between two sequences of paragraph texts; unmatched indices are additions/deletions.

    Matching always compares case-folded words, punctuation left out: a paragraph
    whose only change is its case or punctuation is still the same paragraph
    (whether that counts as a modification is the caller's business).
    `old_hints` / `new_hints` (paragraph numbers) only break near-ties and let a
    paragraph rewritten in place match below `threshold`; they never decide alone.
    """
    from rapidfuzz.distance import Indel

    ids: dict[str, int] = {}

    def interned(text: str) -> tuple[int, ...]:
        return tuple([ids.setdefault(t, len(ids)) for t in comparison_tokens(text, ignore_case=True, ignore_punctuation=True)])

    otoks = [interned(s) for s in old_texts]
    ntoks = [interned(s) for s in new_texts]
    n_old, n_new = len(otoks), len(ntoks)
    old_free = [True] * n_old
    new_free = [True] * n_new
    matches: list[Match] = []

    def take(o: Sequence[int], n: Sequence[int], sim: float) -> None:
        for i in o:
            old_free[i] = False
        for j in n:
            new_free[j] = False
        matches.append(Match(tuple(o), tuple(n), sim))

    # 1. Identical texts in order (the anchors), then identical texts that moved.
    key_ids: dict[tuple, int] = {}
    okeys = [key_ids.setdefault(t, len(key_ids)) for t in otoks]
    nkeys = [key_ids.setdefault(t, len(key_ids)) for t in ntoks]
    matcher = difflib.SequenceMatcher(None, okeys, nkeys, autojunk=False)
    for a, b, size in matcher.get_matching_blocks():
        for k in range(size):
            take((a + k,), (b + k,), 1.0)
    anchors = sorted((m.old[0], m.new[0]) for m in matches)
    by_key: dict[int, list[int]] = {}
    for j in range(n_new):
        if new_free[j]:
            by_key.setdefault(nkeys[j], []).append(j)
    pairs = []
    for i in range(n_old):
        if old_free[i]:
            for j in by_key.get(okeys[i], ()):
                pairs.append((abs(_rel(i, n_old) - _rel(j, n_new)), i, j))
    for _, i, j in sorted(pairs):
        if old_free[i] and new_free[j]:
            take((i,), (j,), 1.0)

    rest_old = [i for i in range(n_old) if old_free[i]]
    rest_new = [j for j in range(n_new) if new_free[j]]
    if not rest_old or not rest_new:
        return _sorted(matches)

    # 2. Candidate pairs: same gap between anchors, and shared rare words.
    gap_old, gap_new = _gaps(anchors, n_old, n_new)
    candidates: set[tuple[int, int]] = set()
    candidates |= _gap_candidates(rest_old, rest_new, gap_old, gap_new, n_old, n_new)
    candidates |= _rare_word_candidates(rest_old, rest_new, otoks, ntoks)
    candidates |= {(i, j) for j, i in _rare_word_candidates(rest_new, rest_old, ntoks, otoks)}

    sims: dict[tuple[int, int], float] = {}
    lcs: dict[tuple[int, int], int] = {}
    for i, j in candidates:
        a, b = otoks[i], ntoks[j]
        d = Indel.distance(a, b)
        total = len(a) + len(b)
        sims[(i, j)] = 1.0 - d / total if total else 1.0
        lcs[(i, j)] = (total - d) // 2

    def lcs_of(i: int, j: int) -> int:
        if (i, j) not in lcs:
            a, b = otoks[i], ntoks[j]
            lcs[(i, j)] = (len(a) + len(b) - Indel.distance(a, b)) // 2
        return lcs[(i, j)]

    # 3. Proposals: one-to-one, splits, merges; best explanation first.
    proposals: list[tuple] = []
    best_old: dict[int, float] = {}
    best_new: dict[int, float] = {}
    for (i, j), s in sims.items():
        best_old[i] = max(best_old.get(i, 0.0), s)
        best_new[j] = max(best_new.get(j, 0.0), s)
    lone_gaps = _lone_gaps(rest_old, rest_new, gap_old, gap_new)

    def _bonus(i: int, j: int) -> float:
        """The tie-breakers a one-to-one pair gets; a split or merge gets them through its first piece."""
        return 0.01 * bool(old_hints and new_hints and old_hints[i] == new_hints[j]) + 0.01 * (gap_old[i] == gap_new[j])

    for (i, j), s in sims.items():
        same_number = bool(old_hints and new_hints and old_hints[i] == new_hints[j])
        same_gap = gap_old[i] == gap_new[j]
        cutoff = threshold
        if same_number and same_gap and gap_old[i] in lone_gaps:
            cutoff = threshold * IN_PLACE_FACTOR
        elif same_number and same_gap and _extended(otoks[i], ntoks[j], lcs_of(i, j)):
            cutoff = threshold * EXTENDED_FACTOR
        if s >= cutoff and s > 0:
            bonus = 0.01 * same_number + 0.01 * same_gap
            proposals.append((s + bonus, abs(_rel(i, n_old) - _rel(j, n_new)), (i,), (j,), s))

    def pieces_of(side_free: list[bool], cands: list[int], containment, toks) -> list[tuple[int, ...]]:
        """Runs of 2+ consecutive free paragraphs each mostly contained in `whole`; a piece too short to judge
        ("Yours," closing a letter quoted in the text) is carried inside a run when all its words are in the
        whole, never at its ends."""

        def ok(k: int) -> bool:
            return 0 <= k < len(side_free) and side_free[k] and containment(k)

        def tiny(k: int) -> bool:
            return len(toks[k]) < PIECE_MIN_TOKENS

        runs = set()
        for k in cands:
            if not ok(k) or tiny(k):
                continue
            lo = hi = k
            while ok(lo - 1):
                lo -= 1
            while ok(hi + 1):
                hi += 1
            while tiny(lo):
                lo += 1
            while tiny(hi):
                hi -= 1
            if hi > lo:
                runs.add(tuple(range(lo, hi + 1)))
            # and the shorter runs inside it that hold this piece: a neighbour that shares the whole's words (the
            # item before, worded alike: "eligible to vote in a preselection if ...") is no part of it, and the
            # run with it may explain the whole less well than the run without
            if SUB_RUNS >= hi - lo + 1 > 2:
                runs.update(tuple(range(a, b + 1)) for a in range(lo, k + 1) for b in range(max(k, a + 1), hi + 1)
                            if (a, b) != (lo, hi) and not tiny(a) and not tiny(b))
        return sorted(runs)

    cand_by_old: dict[int, list[int]] = {}
    cand_by_new: dict[int, list[int]] = {}
    for i, j in sims:
        cand_by_old.setdefault(i, []).append(j)
        cand_by_new.setdefault(j, []).append(i)

    for i, js in cand_by_old.items():
        whole = otoks[i]

        def contained(j: int, i: int = i) -> bool:
            piece = ntoks[j]
            if 0 < len(piece) < PIECE_MIN_TOKENS:
                return lcs_of(i, j) == len(piece)
            return len(piece) >= PIECE_MIN_TOKENS and len(piece) < len(whole) and lcs_of(i, j) >= PIECE_CONTAINMENT * len(piece)

        for run in pieces_of(new_free, js, contained, ntoks):
            joined = tuple(t for j in run for t in ntoks[j])
            s = Indel.normalized_similarity(whole, joined)
            if _reorder_may_explain(s, whole, [ntoks[j] for j in run], [lcs_of(i, j) for j in run],
                                    threshold):
                s = max(s, _pieces_similarity(whole, [ntoks[j] for j in run]))
            verbatim = _verbatim_tail(whole, [ntoks[j] for j in run])
            if s >= threshold and _explains_more(s, best_old.get(i, 0.0), verbatim):
                proposals.append((s + _bonus(i, run[0]), abs(_rel(i, n_old) - _rel(run[0], n_new)), (i,), run, s))

    for j, is_ in cand_by_new.items():
        whole = ntoks[j]

        def contained_old(i: int, j: int = j) -> bool:
            piece = otoks[i]
            if 0 < len(piece) < PIECE_MIN_TOKENS:
                return lcs_of(i, j) == len(piece)
            return len(piece) >= PIECE_MIN_TOKENS and len(piece) < len(whole) and lcs_of(i, j) >= PIECE_CONTAINMENT * len(piece)

        for run in pieces_of(old_free, is_, contained_old, otoks):
            joined = tuple(t for i in run for t in otoks[i])
            s = Indel.normalized_similarity(joined, whole)
            if _reorder_may_explain(s, whole, [otoks[i] for i in run], [lcs_of(i, j) for i in run],
                                    threshold):
                s = max(s, _pieces_similarity(whole, [otoks[i] for i in run]))
            verbatim = _verbatim_tail(whole, [otoks[i] for i in run])
            if s >= threshold and _explains_more(s, best_new.get(j, 0.0), verbatim):
                proposals.append((s + _bonus(run[0], j), abs(_rel(run[0], n_old) - _rel(j, n_new)), run, (j,), s))

        for run, s in _merged_over_gap(whole, is_, old_free, contained_old, otoks, lcs_of, j):
            if _explains_more(s, best_new.get(j, 0.0)):
                proposals.append((s + _bonus(run[0], j), abs(_rel(run[0], n_old) - _rel(j, n_new)), run, (j,), s))

    # Best first; ties broken by how close the two sit in their documents.
    proposals.sort(key=lambda p: (-p[0], p[1], min(p[2][0], p[3][0]), p[2], p[3]))
    for _, _, o, n, s in proposals:
        if all(old_free[i] for i in o) and all(new_free[j] for j in n):
            take(o, n, s)

    # 4. A lone unpaired paragraph on each side with paired neighbours on both sides: the same place.
    for i, j in _between_paired(matches, old_free, new_free):
        s = Indel.normalized_similarity(otoks[i], ntoks[j])
        if s >= BETWEEN_PAIRED:
            take((i,), (j,), s)
    return _sorted(matches)


# A merge over deleted items: the two pieces rebuild the whole nearly word for word.
GAP_MERGE = 0.9
GAP_MERGE_SPAN = 3


def _merged_over_gap(whole, cands, free, contained, toks, lcs_of, j) -> list[tuple[tuple[int, ...], float]]:
    """Merges whose two pieces are not neighbours: a list's lead-in and its last item become one sentence once
    the items between are deleted ("eligible if they: (a) have been a member ...; and (b) live in Victoria." ->
    "eligible if they live in Victoria.").  Each (lead, item) pair of free candidates at most three apart, both
    mostly contained in the whole, every paragraph between them free and not contained (those are deleted),
    and the two joined rebuilding the whole at 0.9 or more; the pieces as the merge, the gap left unpaired."""
    from rapidfuzz.distance import Indel

    out = []
    inside = sorted(i for i in cands if free[i] and contained(i))
    for a, b in zip(inside, inside[1:]):
        if not 1 < b - a <= GAP_MERGE_SPAN or not all(free[k] and not contained(k) for k in range(a + 1, b)):
            continue
        s = Indel.normalized_similarity(tuple(toks[a]) + tuple(toks[b]), whole)
        if s >= GAP_MERGE and lcs_of(a, j) + lcs_of(b, j) >= GAP_MERGE * len(whole):
            out.append(((a, b), s))
    return out


def _between_paired(matches: Sequence[Match], old_free: Sequence[bool], new_free: Sequence[bool]) -> list[tuple[int, int]]:
    """(i, j) free on both sides where old i-1 and new j-1 end one match and old i+1 and new j+1 begin one."""
    ends = {(m.old[-1], m.new[-1]) for m in matches}
    starts = {(m.old[0], m.new[0]) for m in matches}
    return [(i, j) for (a, b) in sorted(ends)
            for i, j in [(a + 1, b + 1)]
            if i < len(old_free) and j < len(new_free) and old_free[i] and new_free[j] and (i + 1, j + 1) in starts]


def _explains_more(joined: float, best_single: float, verbatim: bool = False) -> bool:
    """A split/merge must explain clearly more than the best one-to-one match, or rebuild the whole.

    `verbatim`: every piece after the first is word for word a stretch of the
    whole (a sentence split off unchanged), so even a small gain is the truth:
    a short unchanged second part is not an addition.
    """
    if verbatim and joined > best_single:
        return True
    return joined >= best_single + SPLIT_GAIN or (joined >= SPLIT_EXACT and joined > best_single)


def _reorder_may_explain(joined: float, whole, pieces, common: Sequence[int], threshold: float) -> bool:
    """Can `_pieces_similarity` change anything: the most the pieces could rebuild (each piece's words in common
    with the whole, at most the whole) is above the joined pieces' similarity and reaches the threshold?"""
    total = len(whole) + sum(len(p) for p in pieces)
    bound = 2.0 * min(len(whole), sum(common)) / total if total else 1.0
    return bound > joined and bound >= threshold


def _pieces_similarity(whole: Sequence[int], pieces: Sequence[Sequence[int]]) -> float:
    """How much of `whole` the pieces rebuild, each from words of its own: the longest piece takes its common
    words first, the next the common words left, and so on; similarity as Indel's, 2 x shared / (both lengths).

    The joined pieces compared in their order undercount a split that also reorders: "Ensure that the minimum
    requirements ... are met, as defined in the following table, or ..." becoming "The minimum requirements ...
    are shown in Table 1." then "Ensure that the minimum requirements are met, or ..." shares most words with
    each piece, but the join in that order keeps only one piece's share."""
    from rapidfuzz.distance import Indel

    left = list(whole)
    shared = 0
    for piece in sorted(pieces, key=len, reverse=True):
        for op in Indel.opcodes(left, piece):
            if op.tag == "equal":
                shared += op.src_end - op.src_start
                for k in range(op.src_start, op.src_end):
                    left[k] = -1 - k  # taken: matches no word of any piece (word ids are >= 0)
    total = len(whole) + sum(len(p) for p in pieces)
    return 2.0 * shared / total if total else 1.0


def _verbatim_tail(whole: Sequence[int], pieces: Sequence[Sequence[int]]) -> bool:
    """Every piece but the first occurs word for word, in order, inside `whole`."""
    if len(pieces) < 2:
        return False
    at = 0
    for piece in pieces[1:]:
        k = _find(whole, piece, at)
        if k < 0:
            return False
        at = k + len(piece)
    return True


def _find(hay: Sequence[int], needle: Sequence[int], start: int) -> int:
    n = len(needle)
    if not n:
        return -1
    first = needle[0]
    for k in range(start, len(hay) - n + 1):
        if hay[k] == first and tuple(hay[k : k + n]) == tuple(needle):
            return k
    return -1


def _extended(a: Sequence[int], b: Sequence[int], common: int) -> bool:
    """One text (of a few words at least) kept nearly word for word inside the other."""
    short = min(len(a), len(b))
    return short >= PIECE_MIN_TOKENS and common >= EXTENDED_CONTAINMENT * short


def _rel(i: int, n: int) -> float:
    return (i + 0.5) / n if n else 0.0


def _sorted(matches: list[Match]) -> list[Match]:
    return sorted(matches, key=lambda m: (m.new[0], m.old[0]))


def _gaps(anchors: list[tuple[int, int]], n_old: int, n_new: int) -> tuple[list[int], list[int]]:
    """Gap number of every index: paragraphs between the same two in-order anchors share one."""
    gap_old = [0] * n_old
    gap_new = [0] * n_new
    g, prev = 0, 0
    for a, _ in anchors:
        for i in range(prev, a):
            gap_old[i] = g
        gap_old[a] = -1
        g += 1
        prev = a + 1
    for i in range(prev, n_old):
        gap_old[i] = g
    g, prev = 0, 0
    for _, b in anchors:
        for j in range(prev, b):
            gap_new[j] = g
        gap_new[b] = -1
        g += 1
        prev = b + 1
    for j in range(prev, n_new):
        gap_new[j] = g
    return gap_old, gap_new


def _gap_candidates(rest_old, rest_new, gap_old, gap_new, n_old, n_new) -> set[tuple[int, int]]:
    by_gap_new: dict[int, list[int]] = {}
    for j in rest_new:
        by_gap_new.setdefault(gap_new[j], []).append(j)
    by_gap_old: dict[int, list[int]] = {}
    for i in rest_old:
        by_gap_old.setdefault(gap_old[i], []).append(i)
    out: set[tuple[int, int]] = set()
    for g, olds in by_gap_old.items():
        news = by_gap_new.get(g, [])
        if not news:
            continue
        if len(olds) * len(news) <= GAP_WINDOW * GAP_WINDOW:
            out.update((i, j) for i in olds for j in news)
            continue
        # A big gap (noisy extraction, a rewritten chapter): nearest by relative position only.
        out.update(_nearest(olds, news, GAP_WINDOW))
        out.update((i, j) for j, i in _nearest(news, olds, GAP_WINDOW))
    return out


def _nearest(queries: list[int], targets: list[int], k: int) -> list[tuple[int, int]]:
    """Each query with the k targets nearest its relative position inside the gap (both lists sorted)."""
    q0, q1 = queries[0], queries[-1] + 1
    t0, t1 = targets[0], targets[-1] + 1
    out = []
    for i in queries:
        centre = t0 + (i - q0 + 0.5) / (q1 - q0) * (t1 - t0)
        at = bisect.bisect_left(targets, centre)
        lo, hi = max(0, at - k), min(len(targets), at + k)
        window = sorted(targets[lo:hi], key=lambda j: (abs(j + 0.5 - centre), j))[:k]
        out.extend((i, j) for j in window)
    return out


def _lone_gaps(rest_old, rest_new, gap_old, gap_new) -> set[int]:
    """Gaps holding exactly one unmatched paragraph on each side: a paragraph rewritten in place."""
    count_old: dict[int, int] = {}
    count_new: dict[int, int] = {}
    for i in rest_old:
        count_old[gap_old[i]] = count_old.get(gap_old[i], 0) + 1
    for j in rest_new:
        count_new[gap_new[j]] = count_new.get(gap_new[j], 0) + 1
    return {g for g, c in count_old.items() if c == 1 and count_new.get(g) == 1}


def _rare_word_candidates(queries, targets, qtoks, ttoks) -> set[tuple[int, int]]:
    """(query, target) pairs sharing some of the query's rarest words among the targets."""
    postings: dict[int, list[int]] = {}
    for j in targets:
        for t in set(ttoks[j]):
            postings.setdefault(t, []).append(j)
    max_df = min(MAX_DF, max(20, len(targets) // 20))  # a constant cap keeps each lookup O(1)
    # Rank = (document frequency, word id) folded into one int, so the rarest words come first.
    rank = {t: len(js) * (1 << 32) + t for t, js in postings.items() if len(js) <= max_df}
    out: set[tuple[int, int]] = set()
    for i in queries:
        words = heapq.nsmallest(RARE_WORDS, set(qtoks[i]) & rank.keys(), key=rank.__getitem__)
        counts = Counter(chain.from_iterable(postings[t] for t in words))
        best = heapq.nsmallest(RARE_CANDIDATES, counts.items(), key=lambda kv: (-kv[1], kv[0]))
        out.update((i, j) for j, _ in best)
    return out
