"""What changed between two versions of a paper, in paragraph numbers.

Paragraphs (and, separately, questions) are aligned by content (see
`align.py`), sections by the paragraphs they hold and by their headings; then
every aligned pair is classified.  Every paragraph of both versions ends in
exactly one `Change`, so counts add up and nothing is silently skipped.

A paragraph is *moved* when the section it sits in is not the one its old
section became (sections are mapped across versions, so renumbering whole
sections does not make everything "moved"); *renumbered* when its text is the
same (or only its punctuation changed) but its number changed inside the same
section; *modified* when its text changed (whether or not the number changed
too); *punctuation* when only its
punctuation or spacing changed (`ignore_punctuation` makes that unchanged).  A
moved paragraph whose text also changed stays `moved`, with `text_changed` true
and its redline.  Word changes that are not changes of content -- table cells
that leaked into one version, running furniture, a heading printed glued to the
paragraph, footnote markers -- never make a paragraph modified: the change keeps
its redline and says why in `noise`.

Beyond the paragraphs (see `diffparts.py`): the cover's metadata, the
recommendations item by item, and the tables cell by cell.  A number printed
twice in one version is warned about; both paragraphs are aligned as themselves.
"""
from __future__ import annotations

import bisect
import difflib
import re
import statistics
from collections import Counter
from dataclasses import dataclass, field, replace
from enum import Enum
from typing import Any, Container, Optional, Sequence

from ..model import Document, Paragraph, ParagraphKind, Section
from .align import Match, align, comparison_tokens
from .diffreread import cells_text, grams, printed_in, spacing_fixes, words as _reread_words
from .diffparts import (
    FieldChange,
    NoiseContext,
    RecOp,
    RecommendationChange,
    TableChange,
    classify_edits,
    contents_blocks,
    cover_of,
    contents_changes,
    document_record,
    edits,
    record_changes,
    metadata_changes,
    recommendation_changes,
    running_blocks,
    running_changes,
    recommendations_of,
    status_lines,
    table_changes,
)
from .redline import RunOp, WordRun, redline


class ChangeKind(str, Enum):
    UNCHANGED = "unchanged"
    RENUMBERED = "renumbered"
    MODIFIED = "modified"
    MOVED = "moved"
    ADDED = "added"
    DELETED = "deleted"
    SPLIT = "split"
    MERGED = "merged"
    PUNCTUATION = "punctuation"


class DanglingReason(str, Enum):
    """Why a reference in the new version no longer points where it did."""

    MOVED = "moved"  # the text it named now has another number
    DELETED = "deleted"  # the text it named is gone
    MISSING = "missing"  # it names no paragraph at all


class HeadingOp(str, Enum):
    UNCHANGED = "unchanged"
    RENUMBERED = "renumbered"
    RENAMED = "renamed"
    ADDED = "added"
    DELETED = "deleted"
    PUNCTUATION = "punctuation"  # its words the same, its punctuation or spacing changed ("File No." -> "File No.,")


@dataclass(frozen=True)
class DiffOptions:
    """What counts as a difference and how similar two paragraphs must be to be one."""

    threshold: float = 0.5
    ignore_case: bool = False
    ignore_punctuation: bool = False

    def __post_init__(self) -> None:
        if not 0.0 < self.threshold <= 1.0:
            raise ValueError(f"threshold must be in (0, 1], not {self.threshold}")

    def to_dict(self) -> dict[str, Any]:
        return {
            "threshold": self.threshold,
            "ignore_case": self.ignore_case,
            "ignore_punctuation": self.ignore_punctuation,
        }


@dataclass(frozen=True)
class Change:
    """One operation: which old paragraph(s) became which new one(s), and how.

    `old_index` / `new_index` are positions in the documents' paragraph lists
    (numbers can repeat in a badly numbered paper; positions cannot); with
    blocks, in the list of paragraphs and blocks in reading order.
    `old_texts` / `new_texts` keep the paragraphs' own texts for renderers that
    show old and new apart (unified, side by side); they are not in the JSON,
    where `words` rebuilds both.
    """

    kind: ChangeKind
    old: tuple[str, ...]
    new: tuple[str, ...]
    similarity: float
    words: tuple[WordRun, ...] = ()
    themes_added: tuple[str, ...] = ()
    themes_removed: tuple[str, ...] = ()
    old_section: Optional[str] = None
    new_section: Optional[str] = None
    heading: Optional[str] = None
    old_heading: Optional[str] = None
    unit: ParagraphKind = ParagraphKind.PARAGRAPH
    old_index: tuple[int, ...] = ()
    new_index: tuple[int, ...] = ()
    old_texts: tuple[str, ...] = ()
    new_texts: tuple[str, ...] = ()
    noise: tuple[str, ...] = ()

    @property
    def text_changed(self) -> bool:
        return any(w.op is not RunOp.EQUAL for w in self.words)

    @property
    def label(self) -> str:
        """`3.4 → 3.5`, `→ 3.6` (added), `2.1 →` (deleted), `3.3 → 3.4, 3.5` (split)."""
        return f"{', '.join(self.old)} \u2192 {', '.join(self.new)}".strip()

    def to_dict(self) -> dict[str, Any]:
        return {
            "op": self.kind.value,
            "unit": "block" if any(is_block(n) for n in self.new or self.old) else self.unit.value,
            "old": list(self.old),
            "new": list(self.new),
            "similarity": round(self.similarity, 3),
            "text_changed": self.text_changed,
            "old_section": self.old_section,
            "new_section": self.new_section,
            "heading": self.heading,
            "old_heading": self.old_heading,
            "words": [w.to_dict() for w in self.words],
            "themes_added": list(self.themes_added),
            "themes_removed": list(self.themes_removed),
            "noise": list(self.noise),
        }


@dataclass(frozen=True)
class HeadingChange:
    """A section heading across versions; `renamed` when its words changed."""

    op: HeadingOp
    old_number: Optional[str]
    new_number: Optional[str]
    old_heading: Optional[str]
    new_heading: Optional[str]
    similarity: float

    def to_dict(self) -> dict[str, Any]:
        return {
            "op": self.op.value,
            "old": self.old_number,
            "new": self.new_number,
            "old_heading": self.old_heading,
            "new_heading": self.new_heading,
            "similarity": round(self.similarity, 3),
        }


@dataclass(frozen=True)
class DanglingRef:
    """A reference in the new version that no longer points where it did.

    `in_new` is the citing paragraph, `text` the reference as written, `target`
    the number it names; `was` the old paragraph it named and `now_at` where that
    paragraph's text is in the new version (empty when it was deleted).
    `reason` is a DanglingReason: moved, deleted or missing.
    """

    in_new: str
    in_old: Optional[str]
    text: str
    target: str
    was: tuple[str, ...]
    now_at: tuple[str, ...]
    reason: DanglingReason

    def __post_init__(self):
        object.__setattr__(self, "reason", DanglingReason(self.reason))

    def to_dict(self) -> dict[str, Any]:
        return {
            "in": self.in_new,
            "in_old": self.in_old,
            "text": self.text,
            "target": self.target,
            "was": list(self.was),
            "now_at": list(self.now_at),
            "reason": self.reason.value,
        }


@dataclass(frozen=True)
class DiffResult:
    old_path: str
    new_path: str
    changes: tuple[Change, ...]
    headings: tuple[HeadingChange, ...]
    dangling: tuple[DanglingRef, ...]
    summary: dict[str, Any] = field(default_factory=dict)
    options: DiffOptions = field(default_factory=DiffOptions)
    themes: bool = False
    metadata: tuple[FieldChange, ...] = ()  # printed cover fields
    properties: tuple[FieldChange, ...] = ()  # the file's document properties, printed nowhere (PDF Author ...)
    furniture: tuple[FieldChange, ...] = ()  # running headers and footers on most pages: shown, not counted
    contents: tuple[FieldChange, ...] = ()  # the contents page's lines (titles, numbers, pages): shown, not counted
    recommendations: tuple[RecommendationChange, ...] = ()
    recommendations_from: tuple[str, str] = ("none", "none")
    tables: tuple[TableChange, ...] = ()
    warnings: tuple[str, ...] = ()
    tracked: Optional[str] = None

    @property
    def identical(self) -> bool:
        """Same paragraph for paragraph, heading, cover field, recommendation and table cell: exit status 0."""
        return (
            all(c.kind is ChangeKind.UNCHANGED for c in self.changes)
            and all(h.op is HeadingOp.UNCHANGED for h in self.headings)
            and not self.metadata
            and all(r.op is RecOp.UNCHANGED for r in self.recommendations)
            and all(t.op == "unchanged" for t in self.tables)
        )

    @property
    def recommendations_changed(self) -> bool:
        return any(r.op is not RecOp.UNCHANGED for r in self.recommendations)

    def to_dict(self) -> dict[str, Any]:
        return {
            "old": self.old_path,
            "new": self.new_path,
            "options": self.options.to_dict(),
            "identical": self.identical,
            "summary": self.summary,
            "warnings": list(self.warnings),
            "tracked": self.tracked,
            "metadata": [m.to_dict() for m in self.metadata],
            "properties": [m.to_dict() for m in self.properties],
            "furniture": [m.to_dict() for m in self.furniture],
            "contents": [m.to_dict() for m in self.contents],
            "recommendations": [r.to_dict() for r in self.recommendations],
            "recommendations_from": {"old": self.recommendations_from[0], "new": self.recommendations_from[1]},
            "changes": [c.to_dict() for c in self.changes],
            "headings": [h.to_dict() for h in self.headings],
            "tables": [t.to_dict() for t in self.tables],
            "dangling": [d.to_dict() for d in self.dangling],
        }


# ---------------------------------------------------------------- the diff


def diff_documents(
    old: Document,
    new: Document,
    *,
    tagged_old: Any = None,
    tagged_new: Any = None,
    threshold: float = 0.5,
    ignore_case: bool = False,
    ignore_punctuation: bool = False,
    blocks: Optional[bool] = None,
    known: Optional[Sequence[tuple[tuple[str, int], tuple[str, int]]]] = None,
    unprinted: tuple[frozenset[str], frozenset[str]] = (frozenset(), frozenset()),
    pages: tuple[Optional[str], Optional[str]] = (None, None),
) -> DiffResult:
    """Align two versions and say, in paragraph numbers, what happened to every paragraph.

    `unprinted`: per version, the metadata keys that are only the file's document properties (see
    `diffparts.unprinted_fields`); a field changed in either is reported in `properties`, apart from
    the printed cover fields in `metadata`, and does not make the versions differ.

    `pages`: per version, the text its pages print, every line as read (None: not known); a cover field read
    longer in one version is no change where the other's pages print the longer reading too.

    `known`: the pairing is already known (a tracked-changes PDF: each marked
    paragraph's original and final text are one unit), as pairs of
    ("p", paragraph position) / ("b", block position) in the old and the new
    version; nothing else is aligned, so an unpaired unit is added or deleted.

    `tagged_old` / `tagged_new` (from `lspkit.nlp.tagger.tag_document`) add the
    themes each change gained or lost; without them theme fields stay empty.
    `blocks`: also align the unnumbered text (Document.blocks), named ¶1, ¶2 ...
    in reading order; `None` does so when a version's unnumbered text outweighs
    its numbered paragraphs (a copy with its numbering stripped, a constitution
    whose "Section 3" labels are headings): otherwise most of the paper would go
    uncompared, or come out as everything deleted or added.  A ¶ name is a
    position, not a printed number, so a block is never "renumbered", and a block
    cut in two by a page break in one version only is not split.
    """
    options = DiffOptions(threshold=threshold, ignore_case=ignore_case, ignore_punctuation=ignore_punctuation)
    chosen = blocks is not None
    if blocks is None:
        blocks = any(_mostly_unnumbered(d) for d in (old, new))
    # a status line one version prints atop its first page ("Draft Minutes Not Approved"), read into the text
    # under it: the cover's status, and the text compared without it
    old, new, status = status_lines(old, new, pages) if known is None else (old, new, [])
    original_old, original_new = old, new
    # prose under numbered headings named by them (`_heading_units`) only where both versions are set so
    owned: list[dict[int, Optional[Paragraph]]] = [{}, {}]
    # (also in a paper compared by its numbered paragraphs alone, unasked: a constitution whose lettered items are
    # paragraphs and whose clauses open with unnumbered prose under their titles, "5. Finance" / "All money ...",
    # compares that prose as clause 5, and no other unnumbered text)
    if (blocks or not chosen) and known is None and pages[0] and pages[1]:
        owned = [_heading_units(d, p, cover_of(d).blocks | contents_blocks(d))
                 for d, p in ((old, pages[0]), (new, pages[1]))]
        owned = owned if owned[0] and owned[1] else [{}, {}]
    old, old_origin = _units(old, blocks, labelled=known is None, cover=known is None, printed=pages[0],
                             owned=owned[0])
    new, new_origin = _units(new, blocks, labelled=known is None, cover=known is None, printed=pages[1],
                             owned=owned[1])
    if known is None:  # a tracked-changes PDF pairs its paragraphs itself, whole
        (old, old_origin), (new, new_origin) = _items_in_text(
            *_with_items(_glued_items(old, old_origin), _glued_items(new, new_origin)))
    ops, nps = old.paragraphs, new.paragraphs

    matches: list[Match] = []
    if known is not None:
        matches = _known_matches(ops, nps, old_origin, new_origin, known)
        (old, old_origin), (new, new_origin), matches = _tracked_items((old, old_origin), (new, new_origin), matches)
        ops, nps = old.paragraphs, new.paragraphs
    for kind in ParagraphKind if known is None else ():
        oi = [i for i, p in enumerate(ops) if p.kind is kind]
        ni = [j for j, p in enumerate(nps) if p.kind is kind]
        if not oi and not ni:
            continue
        pool = align(
            [ops[i].text for i in oi],
            [nps[j].text for j in ni],
            threshold=threshold,
            old_hints=[ops[i].number for i in oi],
            new_hints=[nps[j].number for j in ni],
        )
        matches.extend(Match(tuple(oi[k] for k in m.old), tuple(ni[k] for k in m.new), m.similarity) for m in pool)
    if blocks and known is None:
        # Unnumbered text has no kind: a block may be what is left of a question, too.
        matched_o = {i for m in matches for i in m.old}
        matched_n = {j for m in matches for j in m.new}
        oi = [i for i in range(len(ops)) if i not in matched_o]
        ni = [j for j in range(len(nps)) if j not in matched_n]
        if oi and ni:
            for m in align([ops[i].text for i in oi], [nps[j].text for j in ni], threshold=threshold):
                o, n = tuple(oi[k] for k in m.old), tuple(ni[k] for k in m.new)
                if any(is_block(ops[i].number) for i in o) or any(is_block(nps[j].number) for j in n):
                    matches.append(Match(o, n, m.similarity))

    old_sections, old_of = _sections(old)
    new_sections, new_of = _sections(new)
    known_sections = {a[1]: b[1] for a, b in known if a[0] == "s"} if known is not None else {}
    section_map, heading_changes = _align_sections(old_sections, new_sections, old_of, new_of, matches,
                                                   known_sections)

    themes_old = _themes_by_index(original_old, tagged_old, old_origin)
    themes_new = _themes_by_index(original_new, tagged_new, new_origin)
    with_themes = themes_old is not None and themes_new is not None

    # a numbered paragraph read as a heading in one version is no section its followers moved out of ...
    old_of, old_read = _paragraphs_read_as_headings(old_sections, ops, old_of, section_map)
    new_of, new_read = _paragraphs_read_as_headings(new_sections, nps, new_of, set(section_map.values()))
    if known is None and not blocks:  # ... and, its words put back together, is paired as that paragraph
        paired_o = {i for m in matches for i in m.old}
        paired_n = {j for m in matches for j in m.new}
        free_n = [j for j in range(len(nps)) if j not in paired_n]
        for p, above, j, sim in _heading_paragraphs(old_sections, old_read, original_old, ops, free_n, nps, options):
            if j in paired_n:  # two headings of one number: the first pairs
                continue
            paired_n.add(j)
            old = replace(old, paragraphs=old.paragraphs + (p,))
            old_origin.append(None)
            old_of.append(above)
            if themes_old is not None and themes_new is not None:  # never tagged: no theme change claimed
                themes_old.append(set(themes_new[j]))
            matches.append(Match((len(old.paragraphs) - 1,), (j,), sim))
            heading_changes = [h for h in heading_changes if not (
                h.op is HeadingOp.DELETED and (h.old_number or "").rstrip(".") == p.number)]
        paired_o = {i for m in matches for i in m.old}
        free_o = [i for i in range(len(old.paragraphs)) if i not in paired_o]
        for p, above, i, sim in _heading_paragraphs(new_sections, new_read, original_new, nps, free_o,
                                                    old.paragraphs, options):
            if i in paired_o:
                continue
            paired_o.add(i)
            new = replace(new, paragraphs=new.paragraphs + (p,))
            new_origin.append(None)
            new_of.append(above)
            if themes_new is not None and themes_old is not None:
                themes_new.append(set(themes_old[i]))
            matches.append(Match((i,), (len(new.paragraphs) - 1,), sim))
            heading_changes = [h for h in heading_changes if not (
                h.op is HeadingOp.ADDED and (h.new_number or "").rstrip(".") == p.number)]
        ops, nps = old.paragraphs, new.paragraphs

    changes: list[Change] = []
    keys: list[tuple] = []
    matched_old = {i for m in matches for i in m.old}
    matched_new = {j for m in matches for j in m.new}
    old_to_new: dict[int, int] = {}
    for m in matches:
        for i in m.old:
            old_to_new[i] = m.new[0]

    def themes_for(o: Sequence[int], n: Sequence[int]) -> tuple[tuple[str, ...], tuple[str, ...]]:
        if not with_themes:
            return (), ()
        before = set().union(*(themes_old[i] for i in o)) if o else set()
        after = set().union(*(themes_new[j] for j in n)) if n else set()
        return tuple(sorted(after - before)), tuple(sorted(before - after))

    noise_ctx = NoiseContext.of(original_old, original_new)
    for m in matches:
        o = [ops[i] for i in m.old]
        n = [nps[j] for j in m.new]
        old_text = "\n".join(p.text for p in o)
        new_text = "\n".join(p.text for p in n)
        same_text = _same_text(old_text, new_text, options)
        words = (
            (WordRun(RunOp.EQUAL, new_text),)
            if same_text
            else redline(old_text, new_text, ignore_case=ignore_case, ignore_punctuation=ignore_punctuation)
        )
        noise: tuple[str, ...] = ()
        punctuation_only = False
        if not same_text:
            spans = any(p.page_end is not None and p.page_end != p.page for p in (*o, *n))
            all_noise, noise = classify_edits(words, noise_ctx, spans_pages=spans)
            if all_noise:
                punctuation_only = "punctuation" in noise
                same_text = not punctuation_only
            else:
                noise = ()
        spaced = (spacing_fixes(old_text, new_text) if same_text and not ignore_punctuation and len(o) == len(n) == 1
                  else None)
        if spaced is not None:  # "governors,and" -> "governors, and": a space typed, which word tokens cannot see
            words, noise, same_text, punctuation_only = spaced, ("spacing",), False, True
        cut_lines = (len(o) > 1 or len(n) > 1) and not _page_break_only(o, n) and _lines_read_as_one(o, n)
        if (len(o) > 1 or len(n) > 1) and (_page_break_only(o, n) or cut_lines):
            # a block cut by a page break in one version only, or short lines (a signature block) read as one
            # block in one version and a block each in the other: not split or merged, changed only as its
            # words are
            if same_text:
                kind, noise = ChangeKind.UNCHANGED, ("lines read as one block" if cut_lines else "page break",)
            else:
                kind = ChangeKind.PUNCTUATION if punctuation_only else ChangeKind.MODIFIED
        elif len(o) > 1:
            kind = ChangeKind.MERGED
        elif len(n) > 1:
            kind = ChangeKind.SPLIT
        else:
            moved = _moved(m.old[0], m.new[0], old_of, new_of, section_map) and not _places_itself(o[0], n[0])
            if moved:
                kind = ChangeKind.MOVED
            elif punctuation_only and o[0].number != n[0].number and not (
                    is_block(o[0].number) and is_block(n[0].number)):
                # renumbered, its only edit a space typed or a comma put in: the new number is the news (the
                # redline still shows the punctuation, `text_changed` is true)
                kind = ChangeKind.RENUMBERED
            elif punctuation_only:
                kind = ChangeKind.PUNCTUATION
            elif not same_text:
                kind = ChangeKind.MODIFIED
            elif o[0].number != n[0].number and not (is_block(o[0].number) and is_block(n[0].number)):
                kind = ChangeKind.RENUMBERED
            else:
                kind = ChangeKind.UNCHANGED
            if kind is ChangeKind.RENUMBERED and _number_read_as_heading(o[0], n[0], old, new):
                # the same printed number, read as a heading's in one version: no renumbering of the page
                kind, noise = ChangeKind.UNCHANGED, tuple(dict.fromkeys(noise + ("number read as a heading",)))
            elif kind is ChangeKind.RENUMBERED and _number_read_as_text(o[0], n[0], options):
                # the same printed number, read into the text of unnumbered text in one version
                kind, noise = ChangeKind.UNCHANGED, tuple(dict.fromkeys(noise + ("number read as text",)))
        added, removed = themes_for(m.old, m.new)
        changes.append(
            Change(
                kind=kind,
                old=tuple(p.number for p in o),
                new=tuple(p.number for p in n),
                similarity=1.0 if same_text else _similarity(old_text, new_text, options),
                words=words,
                themes_added=added,
                themes_removed=removed,
                old_section=o[0].section,
                new_section=n[0].section,
                heading=n[0].heading,
                old_heading=o[0].heading,
                unit=n[0].kind,
                old_index=m.old,
                new_index=m.new,
                old_texts=tuple(p.text for p in o),
                new_texts=tuple(p.text for p in n),
                noise=noise,
            )
        )
        keys.append((min(m.new), 0, min(m.old)))

    for j, p in enumerate(nps):
        if j not in matched_new:
            added, removed = themes_for((), (j,))
            changes.append(
                Change(
                    kind=ChangeKind.ADDED,
                    old=(),
                    new=(p.number,),
                    similarity=0.0,
                    words=(WordRun(RunOp.INSERT, p.text),) if p.text else (),
                    themes_added=added,
                    themes_removed=removed,
                    new_section=p.section,
                    heading=p.heading,
                    unit=p.kind,
                    new_index=(j,),
                    new_texts=(p.text,),
                )
            )
            keys.append((j, 0, -1))

    # A deleted paragraph is listed where it would have been: after the new
    # counterpart of the nearest old paragraph before it that survived.
    last_new = -1
    for i, p in enumerate(ops):
        if i in old_to_new:
            last_new = old_to_new[i]
            continue
        if i in matched_old:
            continue
        added, removed = themes_for((i,), ())
        changes.append(
            Change(
                kind=ChangeKind.DELETED,
                old=(p.number,),
                new=(),
                similarity=0.0,
                words=(WordRun(RunOp.DELETE, p.text),) if p.text else (),
                themes_added=added,
                themes_removed=removed,
                old_section=p.section,
                heading=p.heading,
                old_heading=p.heading,
                unit=p.kind,
                old_index=(i,),
                old_texts=(p.text,),
            )
        )
        keys.append((last_new, 1, i))

    ordered = _boundary_shifts(tuple(c for _, c in sorted(zip(keys, changes), key=lambda kc: kc[0])))
    if known is None:  # a tracked-changes PDF says itself which unit is which
        ordered = _same_words(_block_runs(ordered, options, noise_ctx), ops, nps, options)
        ordered = _read_otherwise(ordered, ops, nps, original_old, original_new, blocks)
        ordered = _run_in_headings(ordered, ops, nps, original_old, original_new, blocks)
    ordered = _lettered_blocks(ordered, ops, nps)
    heading_changes = _punctuated_headings(_reconcile_headings(heading_changes, ordered), options)
    dangling = _dangling(old, new, matches)
    kw = {"ignore_case": ignore_case, "ignore_punctuation": ignore_punctuation}
    fields = metadata_changes(original_old, original_new, cover=known is None, pages=pages, **kw)
    if known is None:
        ordered = _record_blocks(ordered, pages, kw)
    hidden = unprinted[0] | unprinted[1]
    cover = tuple(status) + tuple(m for m in fields if m.field not in hidden)
    properties = tuple(m for m in fields if m.field in hidden)
    furniture = tuple(running_changes(original_old, original_new, kw, cover)) if known is None else ()
    contents = tuple(contents_changes(original_old, original_new, kw)) if known is None else ()
    recs_old, from_old = recommendations_of(original_old)
    recs_new, from_new = recommendations_of(original_new)
    recs = tuple(recommendation_changes(recs_old, recs_new, **kw))
    paragraph_map: dict[int, tuple[int, ...]] = {}
    for m in matches:
        for i in m.old:
            if old_origin[i] is not None:
                paragraph_map[old_origin[i]] = tuple(new_origin[j] for j in m.new if new_origin[j] is not None)
    tables = tuple(table_changes(original_old, original_new, paragraph_map, **kw))
    warnings = tuple(_duplicate_warnings(original_old, "old") + _duplicate_warnings(original_new, "new"))
    summary = _summary(ordered, heading_changes, dangling, with_themes)
    summary["metadata"] = len(cover)
    summary["properties"] = len(properties)
    summary["furniture"] = len(furniture)
    summary["contents"] = len(contents)
    summary["recommendations"] = {op.value: sum(1 for r in recs if r.op is op) for op in RecOp}
    summary["tables"] = {op: sum(1 for t in tables if t.op == op) for op in ("unchanged", "modified", "added", "deleted")}
    summary["noise"] = sum(1 for c in ordered if c.noise and c.kind is not ChangeKind.PUNCTUATION)
    return DiffResult(
        old_path=old.source.path,
        new_path=new.source.path,
        changes=ordered,
        headings=tuple(heading_changes),
        dangling=tuple(dangling),
        summary=summary,
        options=options,
        themes=with_themes,
        metadata=cover,
        properties=properties,
        furniture=furniture,
        contents=contents,
        recommendations=recs,
        recommendations_from=(from_old, from_new),
        tables=tables,
        warnings=warnings,
    )


def _record_blocks(changes: tuple[Change, ...], pages: tuple[Optional[str], Optional[str]], kw: dict
                   ) -> tuple[Change, ...]:
    """Unnumbered text that is the control record (`diffparts.document_record`: "Issue No 2" / "Prepared by: ..."
    / "Issue Date: 04 July 2018"), changed only in the record's values, which the cover reports field by field:
    no change of the text (noise "control record").  Every edit's words are the record's (old side in the old
    record, new side in the new), and one field at least changed."""
    if not record_changes(pages, kw):
        return changes
    known = sorted(set(document_record(pages[0])) | set(document_record(pages[1])))
    words = [set(_WORDS.findall(" ".join(f"{k} {v}" for k, v in document_record(p, known).items()).casefold()))
             for p in pages]
    out = list(changes)
    for k, c in enumerate(out):
        if c.kind not in (ChangeKind.MODIFIED, ChangeKind.MERGED, ChangeKind.SPLIT, ChangeKind.PUNCTUATION):
            continue
        if not all(is_block(x) for x in (*c.old, *c.new)):
            continue
        found = edits(c.words)
        if found and all(set(_WORDS.findall(d.casefold())) <= words[0] and set(_WORDS.findall(i.casefold())) <= words[1]
                         for d, i in found):
            out[k] = replace(c, kind=ChangeKind.UNCHANGED, noise=("control record",))
    return tuple(out)


def _known_matches(ops, nps, old_origin, new_origin, known) -> list[Match]:
    def keys(units, origin):
        out = {}
        for u, (p, k) in enumerate(zip(units, origin)):
            out[("p", k) if k is not None else ("b", int(p.number[len(BLOCK_MARK):]) - 1)] = u
        return out

    ko, kn = keys(ops, old_origin), keys(nps, new_origin)
    out = []
    for a, b in known:
        if tuple(a) in ko and tuple(b) in kn:
            out.append(Match((ko[tuple(a)],), (kn[tuple(b)],), 1.0))
    return sorted(out, key=lambda m: (m.new[0], m.old[0]))


def _mostly_unnumbered(document: Document) -> bool:
    """More words in the unnumbered blocks than in the numbered paragraphs."""
    if not document.blocks:
        return False
    numbered = sum(len(p.text.split()) for p in document.paragraphs)
    return sum(len(b.text.split()) for b in document.blocks) > numbered


def _page_break_only(o: Sequence[Paragraph], n: Sequence[Paragraph]) -> bool:
    """A block cut in two where a page ends, in one version only: the pieces are unnumbered and on consecutive pages."""
    pieces = o if len(o) > 1 else n
    whole = n if len(o) > 1 else o
    if len(whole) != 1 or not all(is_block(p.number) for p in (*o, *n)):
        return False
    return all(b.page == a.page + 1 for a, b in zip(pieces, pieces[1:]))


LINE_WORDS = 8


def _lines_read_as_one(o: Sequence[Paragraph], n: Sequence[Paragraph]) -> bool:
    """Short lines of one page, no sentence among them ("Robert Short, Chair" / "Jennifer Sawatzky,
    Secretary-Treasurer", a signature block), that one version reads as a block each and the other, set closer
    together, as one block: the cut is the reader's, not the author's (paragraphs of sentences joined are a
    merge)."""
    pieces = o if len(o) > 1 else n
    whole = n if len(o) > 1 else o
    if len(whole) != 1 or not all(is_block(p.number) for p in (*o, *n)):
        return False
    return len({p.page for p in (*pieces, *whole)}) == 1 and all(
        0 < len(p.text.split()) <= LINE_WORDS and not re.search(r"[.!?:;][\"\u201d\u2019')]*$", p.text.strip())
        for p in pieces)


def _boundary_shifts(changes: tuple[Change, ...]) -> tuple[Change, ...]:
    """Words that moved across the boundary between two neighbouring paragraphs are not a change of either.

    The extractor may give a line to the paragraph before in one version and to
    the one after in the other: the first loses words at its end that the second
    gains at its start (or the other way round), word for word.
    """
    out = list(changes)
    for k in range(len(out) - 1):
        a, b = out[k], out[k + 1]
        if a.kind is not ChangeKind.MODIFIED or b.kind is not ChangeKind.MODIFIED:
            continue
        ea, eb = _edge_edit(a.words, last=True), _edge_edit(b.words, last=False)
        if ea is None or eb is None:
            continue
        (da, ia), (db, ib) = ea, eb
        moved_down = not ia and not db and da.split() == ib.split() and da.strip()
        moved_up = not da and not ib and ia.split() == db.split() and ia.strip()
        if moved_down or moved_up:
            fix = lambda c: replace(  # noqa: E731
                c,
                kind=ChangeKind.RENUMBERED if c.old != c.new and not all(is_block(x) for x in (*c.old, *c.new)) else ChangeKind.UNCHANGED,
                noise=("boundary",),
                similarity=1.0,
            )
            out[k], out[k + 1] = fix(a), fix(b)
    return tuple(out)


_LETTER_LABEL = re.compile(r"^([A-Z])\.\s")
LETTERED_MIN = 3


def _block_letters(units: Sequence[Paragraph]) -> dict[str, str]:
    """The blocks that are a lettered series ("A. Pursuant to ...", "B. The ...", ... "G. ...": a by-law's
    recitals, which the segmenter leaves as unnumbered text), by their ¶ name: their printed letter.  Only a run
    of consecutive blocks lettered A, B, C ... from A, three at least."""
    out: dict[str, str] = {}
    run: list[tuple[str, str]] = []
    for p in (*units, None):
        m = _LETTER_LABEL.match(p.text) if p is not None and is_block(p.number) else None
        if m and m.group(1) == chr(ord("A") + len(run)):
            run.append((p.number, m.group(1)))
            continue
        if len(run) >= LETTERED_MIN:
            out.update(run)
        run = [(p.number, m.group(1))] if m and m.group(1) == "A" else []
    return out


def _lettered_blocks(changes: tuple[Change, ...], ops: Sequence[Paragraph], nps: Sequence[Paragraph]
                     ) -> tuple[Change, ...]:
    """Blocks that are a lettered series in a version named by their printed letter, as a reader cites them
    ("recital C modified", not "¶6 modified"); a letter that changed with its words unchanged is renumbered."""
    old_names, new_names = _block_letters(ops), _block_letters(nps)
    if not old_names and not new_names:
        return changes
    out = []
    for c in changes:
        old = tuple(old_names.get(x, x) for x in c.old)
        new = tuple(new_names.get(x, x) for x in c.new)
        if (old, new) == (c.old, c.new):
            out.append(c)
            continue
        kind = c.kind
        if kind is ChangeKind.UNCHANGED and len(old) == len(new) == 1 and old != new and not is_block(old[0]) \
                and not is_block(new[0]):
            kind = ChangeKind.RENUMBERED
        out.append(replace(c, old=old, new=new, kind=kind))
    return tuple(out)


def _edit_words(change: Change) -> int:
    """How many words a change edits; none when it is unchanged (its edits, if any, were noise)."""
    if change.kind is ChangeKind.UNCHANGED:
        return 0
    return sum(len(w.text.split()) for w in change.words if w.op is not RunOp.EQUAL)


def _block_runs(changes: tuple[Change, ...], options: DiffOptions, noise_ctx: NoiseContext) -> tuple[Change, ...]:
    """Unnumbered blocks that break at other places in the two versions are compared by their words, as one run.

    Blocks have no number to pair them by: where one version's page (or
    paragraph) break falls elsewhere than the other's, the text between two
    breaks is a block of its own, and block by block the diff shows lines
    lost by one block and gained by the next, a split or a merge, around the
    one real edit.  Neighbouring block changes (consecutive blocks in both
    versions, in order) are joined when their joined texts differ by fewer
    words than the two changes edit apart; the run is then one change,
    modified, punctuation or unchanged as its joined words are.  A block that
    is new or gone text joins nothing: its words are edited either way.
    """
    out: list[Change] = []
    runs: list[list[Change]] = []
    for c in changes:
        prev = runs[-1] if runs else None
        if prev is not None and _joins(prev[-1], c, options, noise_ctx):
            prev.append(c)
        else:
            runs.append([c])
    for run in runs:
        out.append(run[0] if len(run) == 1 else _joined(run, options, noise_ctx))
    return tuple(out)


SAME_WORDS_WINDOW = 40


def _same_words(changes: tuple[Change, ...], ops: Sequence[Paragraph], nps: Sequence[Paragraph],
                options: DiffOptions) -> tuple[Change, ...]:
    """Neighbouring changes that together hold the same words on both sides are no change: the text was cut
    at other places (page breaks moved by a re-pagination, a line read as a numbered paragraph in one version).

    Only where one version's side of the stretch is unnumbered text (blocks: their cuts are no printed
    numbers), the stretch is unbroken in both versions (consecutive units), and the joined words are the same;
    numbered paragraphs merged or split on both sides stay what they are.
    """
    out = list(changes)
    size = lambda idx, units: sum(len(units[i].text.split()) for i in idx)  # noqa: E731
    # only changes of wording or cut: a renumbered or moved unit kept its words and says so
    cut = {ChangeKind.MODIFIED, ChangeKind.PUNCTUATION, ChangeKind.ADDED, ChangeKind.DELETED, ChangeKind.MERGED,
           ChangeKind.SPLIT}
    k = 0
    while k < len(out):
        if out[k].kind not in cut:
            k += 1
            continue
        done = False
        olds: set[int] = set()
        news: set[int] = set()
        for m in range(k, min(len(out), k + SAME_WORDS_WINDOW)):
            c = out[m]
            if c.kind not in cut:
                break
            olds.update(c.old_index)
            news.update(c.new_index)
            if m == k or not olds or not news:
                continue
            if not (all(is_block(ops[i].number) for i in olds) or all(is_block(nps[j].number) for j in news)):
                continue
            if max(olds) - min(olds) + 1 != len(olds) or max(news) - min(news) + 1 != len(news):
                continue
            a, b = size(olds, ops), size(news, nps)
            if abs(a - b) > max(2, a // 50):
                continue
            old_text = "\n".join(ops[i].text for i in sorted(olds))
            new_text = "\n".join(nps[j].text for j in sorted(news))
            labels = sum(not is_block(ops[i].number) for i in olds) + sum(not is_block(nps[j].number) for j in news)
            if _same_text(old_text, new_text, options) or _same_but_labels(old_text, new_text, labels, options):
                for q in range(k, m + 1):
                    out[q] = replace(out[q], kind=ChangeKind.UNCHANGED, similarity=1.0, noise=("page break",))
                k, done = m + 1, True
                break
        if not done:
            k += 1
    return tuple(out)


_LABEL_TOKENS = re.compile(r"^\(?(?:\d{1,3}|[ivxlc]{1,5}|[a-z])[.)]?$", re.I)


_READ_OTHERWISE = {ChangeKind.ADDED, ChangeKind.DELETED, ChangeKind.MOVED, ChangeKind.SPLIT, ChangeKind.MERGED}
_JUDGED_ONLY = {ChangeKind.MODIFIED}  # judged (a list item paired with another item), never searched
_CUT = {ChangeKind.SPLIT, ChangeKind.MERGED}


def _read_otherwise(changes: tuple[Change, ...], ops: Sequence[Paragraph], nps: Sequence[Paragraph],
                    old_doc: Document, new_doc: Document, blocks: bool) -> tuple[Change, ...]:
    """An added, deleted, moved, split or merged paragraph whose words the other version prints all the same
    (each numbered one with its printed number just before them) is no change of the page, only of how the
    segmenter cut it: a two-column list read as numbered paragraphs in one version and as a block in the other,
    a table's cells leaked into a list's last item, a block cut at another line (`diffreread.printed_in`).

    The other version's text searched is its headings, its unnumbered text and its own added, deleted, moved,
    split or merged units, and those modified against unnumbered text -- never a paragraph that stayed or changed its wording (a paragraph deleted after its
    words were folded into a neighbour, or printed twice in one version only, is a change), nor, for a move, the
    paragraph paired with this one (a real move prints the same words there; a move word for word is never
    judged).  A split or merge is searched in its own pair too: a real split of a numbered paragraph is still
    found, as its new part's number is printed nowhere before those words in the old version.  A modified pair is
    judged (searched only where one side is unnumbered text): whole (an item of a re-read list paired with another item, "1 Bishopsteignton ..."
    with "9 Abbotskerswell ..."), where both print their numbers; where one side is unnumbered text, edit by
    edit (each run of words it gained or lost printed in the other version, with the words after it on its side
    to make three at least: "barring emergencies" is printed nowhere in a draft that wrote "bearing")."""
    # searched: also a unit modified against unnumbered text (a list item paired with a block of the list)
    searched = [c for c in changes if c.kind in _READ_OTHERWISE or (c.kind in _JUDGED_ONLY and _unnumbered_side(c))]
    moving_old = {i for c in searched for i in c.old_index}
    moving_new = {j for c in searched for j in c.new_index}
    if not moving_old and not moving_new:
        return changes

    def pool(doc: Document, units: Sequence[Paragraph], moving: set[int]) -> tuple[frozenset, dict[int, frozenset]]:
        texts = [s.heading for s in doc.sections if s.heading]
        if not blocks:
            texts += [b.text for b in doc.blocks]
        base = frozenset().union(*(grams(_reread_words(t)) for t in texts)) if texts else frozenset()
        # a unit's outcome (a line the segmenter took for its vote record) is printed with it too
        return base, {k: grams(_reread_words(f"{_printed_label(units[k])} {units[k].text}"))
                      | grams(_reread_words(str(getattr(units[k], "outcome", None) or ""))) for k in moving}

    old_base, old_units = pool(old_doc, ops, moving_old)
    new_base, new_units = pool(new_doc, nps, moving_new)

    counts = {id(units): Counter(g for grams_ in units.values() for g in grams_) for units in (old_units, new_units)}

    def other(base: frozenset, units: dict[int, frozenset], paired: Sequence[int]) -> "_Pool":
        return _Pool(base, counts[id(units)], [units[k] for k in paired if k in units])

    def found(mine: Sequence[Paragraph], text: frozenset) -> bool:
        return bool(mine) and all(printed_in(p.text, text, label=_printed_label(p)) for p in mine)

    def edits_found(c: Change, in_old: frozenset, in_new: frozenset) -> bool:
        ws = list(c.words)
        runs = [k for k, w in enumerate(ws) if w.op is not RunOp.EQUAL and w.text.strip()]
        if not runs:
            return False
        cells = all(cells_text(t) for t in (*c.old_texts, *c.new_texts))
        for k in runs:
            # the run with the words that follow it on its own side (or, at the end, precede it): three at least
            side = RunOp.DELETE if ws[k].op is RunOp.DELETE else RunOp.INSERT
            after = " ".join(w.text for w in ws[k + 1:] if w.op in (RunOp.EQUAL, side))
            before = " ".join(w.text for w in ws[:k] if w.op in (RunOp.EQUAL, side))
            other = in_new if side is RunOp.DELETE else in_old
            if cells:  # cells read in another order: the run's own words, each printed in the other version
                if all((w,) in other for w in _reread_words(ws[k].text)):
                    continue
                return False
            mine = _WORDS.findall(ws[k].text)
            need = max(0, 3 - len(mine))
            tail = _WORDS.findall(after)[:need]
            text = " ".join(mine + tail) if len(tail) == need else " ".join(_WORDS.findall(before)[-need:] + mine)
            if not printed_in(text, other):
                return False
        # a number the unnumbered side did not print: the other version prints it before the same words
        return all(not _printed_label(p) or tuple(_reread_words(f"{_printed_label(p)} {p.text}")[:3]) in text
                   for p, text in [(ops[i], in_new) for i in c.old_index] + [(nps[j], in_old) for j in c.new_index])

    out = list(changes)
    for k, c in enumerate(out):
        if c.kind not in _READ_OTHERWISE | _JUDGED_ONLY:
            continue
        if c.kind is ChangeKind.MOVED and not c.text_changed:  # the paragraph itself, word for word, elsewhere
            continue
        if c.kind is ChangeKind.MODIFIED and c.old == c.new and not _unnumbered_side(c):
            continue  # one number printed in both versions: the pair is the paragraph itself, its words changed
            # (Greens 8.2 'for the last year' -> 'for the last three months', each phrase printed elsewhere)
        paired_new = () if c.kind in _CUT else c.new_index
        paired_old = () if c.kind in _CUT else c.old_index
        in_new = other(new_base, new_units, paired_new)
        in_old = other(old_base, old_units, paired_old)
        # a modified pair whole only where both sides print their numbers (they vouch for the words' place)
        whole = not (c.kind is ChangeKind.MODIFIED and _unnumbered_side(c)) and (
            not c.old or found([ops[i] for i in c.old_index], in_new)) and (
            not c.new or found([nps[j] for j in c.new_index], in_old))
        if not whole and not (c.kind is ChangeKind.MODIFIED and _unnumbered_side(c)
                              and edits_found(c, in_old, in_new)):
            continue
        out[k] = replace(c, kind=ChangeKind.UNCHANGED, noise=("read otherwise",))
    return tuple(out)


_WORDS = re.compile(r"\w+", re.UNICODE)


def _run_in_headings(changes: tuple[Change, ...], ops: Sequence[Paragraph], nps: Sequence[Paragraph],
                     old_doc: Document, new_doc: Document, blocks: bool) -> tuple[Change, ...]:
    """A deleted (or added) numbered paragraph that opens with its heading run in ("2 Notice State Council must
    give members ...", read as paragraph 5.2), where the other version read that line as the heading of a
    section of the same number and the words under it as unnumbered text, word for word: one paragraph read two
    ways, no change of the page.  Only where the unnumbered text is not compared as units itself (`blocks`
    off), so the words are not found twice."""
    if blocks:
        return changes

    def norm(text: str) -> str:
        return " ".join(_WORDS.findall(text.casefold()))

    def found(p: Paragraph, doc: Document, bodies: set[str]) -> bool:
        text = norm(p.text)
        for sec in doc.sections:
            head = norm(sec.heading or "")
            if sec.number == p.number and head and text.startswith(head + " ") and text[len(head) + 1:] in bodies:
                return True
        return False

    old_bodies, new_bodies = ({norm(b.text) for b in d.blocks} for d in (old_doc, new_doc))  # normalised once
    out = list(changes)
    for k, c in enumerate(out):
        if c.kind is ChangeKind.DELETED and found(ops[c.old_index[0]], new_doc, new_bodies) or \
                c.kind is ChangeKind.ADDED and found(nps[c.new_index[0]], old_doc, old_bodies):
            out[k] = replace(c, kind=ChangeKind.UNCHANGED, noise=("heading read into the text",))
    return tuple(out)


class _Pool:
    """The runs of words a version prints, less one pair's units: looked up, never built per change (a diff of
    thousands of added and deleted units stays linear)."""

    def __init__(self, base: frozenset, counts: Counter, left_out: Sequence[frozenset]):
        self.base, self.counts, self.left_out = base, counts, left_out

    def __contains__(self, gram: tuple) -> bool:
        if gram in self.base:
            return True
        return self.counts.get(gram, 0) > sum(gram in g for g in self.left_out)


def _unnumbered_side(c: Change) -> bool:
    return any(is_block(x) for x in c.old) or any(is_block(x) for x in c.new)


def _printed_label(p: Paragraph) -> str:
    """A numbered paragraph's number as the page prints it ("a", "1", "5.4"); a block has none."""
    return "" if is_block(p.number) else (getattr(p, "label", None) or p.number)


def _same_but_labels(old_text: str, new_text: str, labels: int, options: DiffOptions) -> bool:
    """The same words but for at most `labels` item labels ("1.", "(ii)") printed in one version's text and
    read as a numbered paragraph's number (outside its text) in the other's."""
    if not labels:
        return False
    kw = {"ignore_case": options.ignore_case, "ignore_punctuation": options.ignore_punctuation}
    a = comparison_tokens(old_text, **kw)
    b = comparison_tokens(new_text, **kw)
    found = 0
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if op == "equal":
            continue
        if op == "replace" or not _LABEL_TOKENS.match("".join(a[i1:i2] or b[j1:j2])):
            return False
        found += 1
    return found <= labels


def _only_blocks(c: Change) -> bool:
    return bool(c.old or c.new) and all(is_block(x) for x in (*c.old, *c.new))


def _joins(a: Change, b: Change, options: DiffOptions, noise_ctx: NoiseContext) -> bool:
    if not (_only_blocks(a) and _only_blocks(b)):
        return False
    # consecutive blocks (¶k, ¶k+1: blocks are numbered in reading order, whatever numbered paragraphs a page
    # slots between them) on each side
    if a.old and b.old and _ordinal(b.old[0]) != _ordinal(a.old[-1]) + 1:
        return False
    if a.new and b.new and _ordinal(b.new[0]) != _ordinal(a.new[-1]) + 1:
        return False
    if not (a.old or b.old) or not (a.new or b.new):
        return False
    apart = _edit_words(a) + _edit_words(b)
    if not apart:
        return False
    joined = _joined([a, b], options, noise_ctx)
    return _edit_words(joined) < apart


def _ordinal(label: str) -> int:
    return int(label[len(BLOCK_MARK):])


def _joined(run: Sequence[Change], options: DiffOptions, noise_ctx: NoiseContext) -> Change:
    olds = sorted({(i, label, text) for c in run for i, label, text in zip(c.old_index, c.old, c.old_texts)})
    news = sorted({(j, label, text) for c in run for j, label, text in zip(c.new_index, c.new, c.new_texts)})
    old_text = "\n".join(t for _, _, t in olds)
    new_text = "\n".join(t for _, _, t in news)
    same = _same_text(old_text, new_text, options)
    words = ((WordRun(RunOp.EQUAL, new_text),) if same else
             redline(old_text, new_text, ignore_case=options.ignore_case, ignore_punctuation=options.ignore_punctuation))
    noise: tuple[str, ...] = ("page break",)
    kind = ChangeKind.UNCHANGED
    if not same:
        all_noise, kinds = classify_edits(words, noise_ctx)
        if all_noise:
            kind = ChangeKind.PUNCTUATION if "punctuation" in kinds else ChangeKind.UNCHANGED
            noise = kinds + noise
        else:
            kind, noise = ChangeKind.MODIFIED, ()
    first_old = next((c for c in run if c.old), run[0])
    first_new = next((c for c in run if c.new), run[0])
    return replace(
        first_new,
        kind=kind,
        old=tuple(label for _, label, _ in olds),
        new=tuple(label for _, label, _ in news),
        similarity=1.0 if kind is ChangeKind.UNCHANGED else _similarity(old_text, new_text, options),
        words=words,
        themes_added=tuple(sorted(set().union(*(c.themes_added for c in run)))),
        themes_removed=tuple(sorted(set().union(*(c.themes_removed for c in run)))),
        old_section=first_old.old_section,
        old_heading=first_old.old_heading,
        old_index=tuple(i for i, _, _ in olds),
        new_index=tuple(j for j, _, _ in news),
        old_texts=tuple(t for _, _, t in olds),
        new_texts=tuple(t for _, _, t in news),
        noise=noise if kind is not ChangeKind.MODIFIED else (),
    )


def _edge_edit(words: Sequence[WordRun], *, last: bool) -> Optional[tuple[str, str]]:
    """The paragraph's one change when it sits at its end (`last`) or start: (deleted, inserted)."""
    changed = [k for k, w in enumerate(words) if w.op is not RunOp.EQUAL]
    if not changed:
        return None
    lo, hi = changed[0], changed[-1]
    if any(words[k].op is RunOp.EQUAL and words[k].text.strip() for k in range(lo, hi + 1)):
        return None
    edge = all(not w.text.strip() for w in (words[hi + 1 :] if last else words[:lo]))
    if not edge:
        return None
    deleted = "".join(w.text for w in words[lo : hi + 1] if w.op is RunOp.DELETE)
    inserted = "".join(w.text for w in words[lo : hi + 1] if w.op is RunOp.INSERT)
    return deleted, inserted


def _reconcile_headings(headings: list[HeadingChange], changes: Sequence[Change]) -> list[HeadingChange]:
    """Headings that only look added or renamed because of how they were printed.

    * A heading wrapped onto two lines in one version reads as "renamed" plus an
      "added" heading made of its last words: it is the same heading.
    * A heading printed glued to the end of a paragraph in one version (the
      paragraph's change was explained as a glued heading) is that heading,
      renamed if its words differ, not a new one.
    """
    from rapidfuzz import fuzz

    out = list(headings)
    k = 0
    while k < len(out) - 1:
        h, nxt = out[k], out[k + 1]
        for first, second, flip in ((h, nxt, False),):
            if first.op is HeadingOp.RENAMED and second.op in (HeadingOp.ADDED, HeadingOp.DELETED):
                tail = second.new_heading if second.op is HeadingOp.ADDED else second.old_heading
                short, full = (first.new_heading, first.old_heading) if second.op is HeadingOp.ADDED else (first.old_heading, first.new_heading)
                if tail and _norm_heading(f"{short} {tail}") == _norm_heading(full):
                    out[k] = replace(first, op=HeadingOp.UNCHANGED, new_heading=full, old_heading=full, similarity=1.0)
                    del out[k + 1]
        k += 1
    glued_old = [d for c in changes if "heading" in c.noise for d, _ in _glued(c.words, RunOp.DELETE)]
    glued_new = [i for c in changes if "heading" in c.noise for i, _ in _glued(c.words, RunOp.INSERT)]
    for k, h in enumerate(out):
        pool, side = (glued_old, "old") if h.op is HeadingOp.ADDED else (glued_new, "new") if h.op is HeadingOp.DELETED else (None, None)
        if not pool:
            continue
        text = h.new_heading if side == "old" else h.old_heading
        best = max(pool, key=lambda g: fuzz.ratio(_norm_heading(g), _norm_heading(text)))
        score = fuzz.ratio(_norm_heading(best), _norm_heading(text)) / 100.0
        if score >= 0.85:
            pool.remove(best)
            old_h, new_h = (best.strip(), text) if side == "old" else (text, best.strip())
            op = HeadingOp.UNCHANGED if _norm_heading(old_h) == _norm_heading(new_h) else HeadingOp.RENAMED
            out[k] = replace(h, op=op, old_heading=old_h, new_heading=new_h, old_number=h.old_number or h.new_number,
                             new_number=h.new_number or h.old_number, similarity=score)
    return out


def _punctuated_headings(headings: list[HeadingChange], options: DiffOptions) -> list[HeadingChange]:
    """A heading whose words stayed and whose punctuation changed ("File No. A41/21, 26 Krogh Road" -> "File No.,
    A41/21, ..."): a change of punctuation, reported as such (headings are matched by their words, so it read as
    unchanged); `ignore_punctuation` keeps it unchanged."""
    if options.ignore_punctuation:
        return headings
    out = []
    for h in headings:
        if h.op is HeadingOp.UNCHANGED and h.old_heading and h.new_heading and \
                comparison_tokens(h.old_heading, ignore_case=True, ignore_punctuation=False) != \
                comparison_tokens(h.new_heading, ignore_case=True, ignore_punctuation=False):
            h = replace(h, op=HeadingOp.PUNCTUATION)
        out.append(h)
    return out


def _glued(words: Sequence[WordRun], op: RunOp) -> list[tuple[str, int]]:
    return [(w.text, k) for k, w in enumerate(words) if w.op is op and len(w.text.split()) >= 2]


_QUALIFIED = re.compile(r" \(\d+\)$")


def _duplicate_warnings(document: Document, which: str) -> list[str]:
    """A line per version that prints a paragraph number more than once (per kind): both are diffed as themselves."""
    seen: dict[tuple, list[int]] = {}
    for p in document.paragraphs:
        # the segmenter names the second of two paragraphs printed alike "5.4 (2)", "FGB 104/2122(a) (2)"
        seen.setdefault((p.kind, _QUALIFIED.sub("", p.number)), []).append(p.page)
    twice = [(kind, number, pages) for (kind, number), pages in seen.items() if len(pages) > 1]
    if not twice:
        return []
    if len(twice) == 1:
        kind, number, pages = twice[0]
        where = ", ".join(str(pg) for pg in pages)
        return [f"the {which} version prints {kind.value} number {number} {len(pages)} times (pages {where}); "
                "each is compared as itself"]
    listed = "; ".join(f"{number} ({len(pages)} times, pages {', '.join(str(pg) for pg in pages)})" for _, number, pages in twice)
    return [f"the {which} version prints {len(twice)} numbers more than once: {listed}; each paragraph is compared as itself"]


def _number_read_as_heading(po: Paragraph, pn: Paragraph, old: Document, new: Document) -> bool:
    """A numbered paragraph in one version paired with unnumbered text in the other, where that other version
    has a heading with the paragraph's number, on the same page, whose words open the paragraph ("4. Approval
    of the agenda (ACTION)" read as heading 4 over the item's second line, in one of two copies of an agenda
    that print item 4 alike): the segmenter read the printed number in both, once as the heading's.  The
    number was not taken away."""
    if is_block(po.number) == is_block(pn.number):
        return False
    numbered, block, doc = (pn, po, old) if is_block(po.number) else (po, pn, new)
    label = _QUALIFIED.sub("", _printed_label(numbered)).rstrip(".")
    opening = _norm_heading(numbered.text)
    return any(s.number is not None and s.number.rstrip(".") == label and s.page == block.page
               and _norm_heading(s.heading) and f"{opening} ".startswith(_norm_heading(s.heading) + " ")
               for s in doc.sections)


def _number_read_as_text(po: Paragraph, pn: Paragraph, options: DiffOptions) -> bool:
    """A numbered paragraph in one version paired with unnumbered text in the other that prints the same words
    after the paragraph's printed number ("4.1 Complies with specification", a figure's box label read as
    paragraph 4.1 in one version only): the number was not taken away, only read otherwise."""
    if is_block(po.number) == is_block(pn.number):
        return False
    numbered, block = (pn, po) if is_block(po.number) else (po, pn)
    label = _QUALIFIED.sub("", _printed_label(numbered))
    if not label:
        return False
    kw = {"ignore_case": options.ignore_case, "ignore_punctuation": True}
    return comparison_tokens(block.text, **kw) == comparison_tokens(f"{label} {numbered.text}", **kw)


def _same_text(a: str, b: str, options: DiffOptions) -> bool:
    kw = {"ignore_case": options.ignore_case, "ignore_punctuation": options.ignore_punctuation}
    return comparison_tokens(a, **kw) == comparison_tokens(b, **kw)


def _similarity(a: str, b: str, options: DiffOptions) -> float:
    """Word-level similarity as the options see the texts (case and punctuation count unless ignored)."""
    from rapidfuzz.distance import Indel

    kw = {"ignore_case": options.ignore_case, "ignore_punctuation": options.ignore_punctuation}
    return Indel.normalized_similarity(comparison_tokens(a, **kw), comparison_tokens(b, **kw))


def _moved(i: int, j: int, old_of: list[Optional[int]], new_of: list[Optional[int]], section_map: dict[int, int]) -> bool:
    """In another section than the one its old section became; unknown sections never count as a move."""
    so, sn = old_of[i], new_of[j]
    if so is None or sn is None:
        return False
    return section_map.get(so) != sn


_DOTTED = re.compile(r"^\d{1,3}(?:\.\d{1,3})+$")


def _places_itself(po: Paragraph, pn: Paragraph) -> bool:
    """The same multi-level number in both versions ("0.5.1", "0.2.2(g)"): the number says which part it is in,
    so the paragraph has not moved, whatever heading the segmenter put over it in one version (a heading read
    from a line of text, a heading added above it)."""
    number = (po.number or "").split("(", 1)[0]
    return po.number == pn.number and bool(_DOTTED.match(number))


def _paragraphs_read_as_headings(sections: Sequence[Section], paragraphs: Sequence[Paragraph],
                                 of: list[Optional[int]], mapped: Container
                                 ) -> tuple[list[Optional[int]], dict[int, int]]:
    """Each paragraph's section, where a section with no counterpart in the other version is a numbered
    paragraph read as a heading ("2.0.5. The Vice-President Finance is responsible for working with ..." taken
    for a heading in one version, between paragraphs 2.0.4 and 2.0.6): its number continues the series of the
    paragraphs before it (same depth and parent, a higher last part), so the paragraphs under it are still in
    the section above and are not moved.  A heading that is a section's own (Article V over paragraphs that
    were Article IV's) keeps them.  Also returned: each section so read, with the section above it."""
    out = list(of)
    read: dict[int, int] = {}
    prev_number: Optional[str] = None
    prev_section: Optional[int] = None
    for k, p in enumerate(paragraphs):
        sk = of[k]
        if sk is not None and sk not in mapped and prev_number is not None and prev_section is not None \
                and sk != prev_section and _continues_series(sections[sk].number, prev_number):
            out[k] = prev_section
            read[sk] = prev_section
            continue
        if _DOTTED.match(p.number or ""):
            prev_number, prev_section = p.number, out[k]
    return out, read


HEADING_RUN = 8


def _heading_paragraphs(sections: Sequence[Section], read: dict[int, int], document: Document,
                        units: Sequence[Paragraph], free_other: Sequence[int], other: Sequence[Paragraph],
                        options: DiffOptions) -> list[tuple[Paragraph, int, int, float]]:
    """The paragraphs one version read as headings (`_paragraphs_read_as_headings`), put back together to be
    paired with the other version's paragraph of that number, unpaired there: the heading's words and the
    unnumbered lines after it on its page that continue it (the run of blocks that reads most like the other
    version's paragraph; the segmenter leaves them as unnumbered text).  Only where the pair is at least as
    alike as the aligner asks of any pair, and the number is no paragraph's in this version.  Each: (the
    paragraph, the section it is in, the other version's unit, similarity)."""
    own = {_QUALIFIED.sub("", p.number) for p in units}
    out = []
    for s, above in read.items():
        number = (sections[s].number or "").rstrip(".")
        if not number or number in own:
            continue
        partners = [j for j in free_other if not is_block(other[j].number)
                    and _QUALIFIED.sub("", _printed_label(other[j])).rstrip(".") == number]
        if len(partners) != 1:
            continue
        j = partners[0]
        head = re.sub(r"^\s*\d{1,3}(?:\.\d{1,3})*\.?\s+", "", sections[s].heading)
        page = [b.text for b in document.blocks if b.page == sections[s].page]
        best, best_text = _similarity(head, other[j].text, options), head
        for a in range(len(page)):
            for b in range(a + 1, min(len(page), a + HEADING_RUN) + 1):
                text = " ".join([head, *page[a:b]])
                sim = _similarity(text, other[j].text, options)
                if sim > best:
                    best, best_text = sim, text
        if best < 0.5:
            continue
        paragraph = Paragraph(number=number, text=best_text, page=sections[s].page, section=sections[above].number,
                              heading=sections[above].heading, label=number)
        out.append((paragraph, above, j, best))
    return out


def _continues_series(number: Optional[str], before: str) -> bool:
    """`number` is the next of `before`'s series: '2.0.5' after '2.0.4' (same depth and parent, higher last)."""
    if not number or not _DOTTED.match(number.rstrip(".")):
        return False
    a, b = number.rstrip(".").split("."), before.split(".")
    return len(a) == len(b) and a[:-1] == b[:-1] and int(a[-1]) > int(b[-1])


# ---------------------------------------------------------------- units


BLOCK_MARK = "\u00b6"  # ¶


def _units(document: Document, blocks: bool, labelled: bool = False, cover: bool = False,
           printed: Optional[str] = None, owned: Optional[dict[int, Optional[Paragraph]]] = None,
           ) -> tuple[Document, list[Optional[int]]]:
    """The document with its blocks as extra paragraphs (¶1, ¶2 ...) when asked; each unit's paragraph position.

    Blocks carry only a page, so they are slotted in before the numbered
    paragraphs of their page: most unnumbered text is preamble or sits
    between sections.  Where the text the pages print is known (`printed`),
    each unit whose opening words it prints once takes its place there
    (`_printed_order`): unnumbered prose between two items sits between
    them; and in a paper whose numbered headings stand over unnumbered prose
    (a constitution's "3.2 Senior Treasurer" over its sentences), the prose
    under each such heading is one unit named by its number
    (`owned`, from `_heading_units`), as a reader cites it.  `labelled`: a paper with no
    numbered paragraph whose text runs as labelled items ("Rule 8. Preparation of Agenda. Prior to
    ...") is cut into one unit per item, named by its label, wherever the
    blocks (often a page each) end (`labelled_items`).
    """
    listed = _contents_entries(document)
    headed = any(p is not None for p in (owned or {}).values())  # prose owned by its heading, compared anyway
    if listed:
        kept = [k for k in range(len(document.paragraphs)) if k not in listed]
        # ... and the heading "Contents" over them goes with them, unless it still heads text
        heads = {document.paragraphs[k].heading for k in kept}
        gone = {document.paragraphs[k].heading for k in listed} - heads
        document = replace(document, sections=tuple(
            s for s in document.sections if not (s.heading in gone and _CONTENTS_TITLE.match(_norm_heading(s.heading)))))
        if (not blocks and not headed) or not document.blocks:
            return replace(document, paragraphs=tuple(document.paragraphs[k] for k in kept)), kept
    if (not blocks and not headed) or not document.blocks:
        return document, list(range(len(document.paragraphs)))
    if blocks and labelled and not document.paragraphs:
        items = labelled_items(document.blocks)
        if items is not None:
            return replace(document, paragraphs=tuple(items)), [None] * len(items)
    units = [(p.page, 1, k, p, k) for k, p in enumerate(document.paragraphs) if k not in listed]
    # the cover's lines are compared as cover fields (`cover_of`), not again as text
    on_cover = cover_of(document).blocks | contents_blocks(document) if cover else frozenset()
    # a running header or footer the segmenter kept as text is furniture, no text to compare (`running_blocks`)
    on_cover = on_cover | set(running_blocks(document)) if cover else on_cover
    owned = owned or {}
    units += [
        (b.page, 0, k, Paragraph(number=f"{BLOCK_MARK}{k + 1}", text=b.text, page=b.page), None)
        for k, b in enumerate(document.blocks) if k not in on_cover and k not in owned and blocks
    ]
    units += [(p.page, 0, k, p, None) for k, p in owned.items() if p is not None]
    units.sort(key=lambda u: (u[0], u[1], u[2]))
    if printed:
        units = _printed_order(units, printed)
    return replace(document, paragraphs=tuple(u[3] for u in units)), [u[4] for u in units]


_SECTION_NUMBER = re.compile(r"^\d{1,3}(?:\.\d{1,3})*$")
HEADED_MIN = 3


def _heading_units(document: Document, printed: str, skip: Container[int]) -> dict[int, Optional[Paragraph]]:
    """A paper whose numbered headings stand over unnumbered prose ("3.2. Senior Treasurer" / "The Senior
    Treasurer shall be ..."): the blocks under each such heading joined as one unit numbered as the heading
    ("3.2", in its section), so the diff aligns and names them as a reader cites them (5.5 renumbered 5.3, 5.1
    and 5.2 merged), not as ¶ positions.  The blocks are placed under their headings by where the pages print
    each (a heading's number and words where they are printed last, past a contents page; the headings kept
    in their order); a block placed under no numbered heading, or under one whose number a paragraph already
    has, stays a block.  Only in a paper with three such headings at least, no fewer than half its numbered
    headings, most of them over one block (a clause's title, not a report's section).  {block position: the
    unit, at its first block; None for the others joined into it}.  Linear: one pass over the printed words
    per length of key (`_printed_at`)."""
    numbered = [s for s in document.sections if s.number and _SECTION_NUMBER.match(s.number.rstrip("."))]
    if len(numbered) < HEADED_MIN:
        return {}
    words = re.findall(r"\w+", printed.casefold())

    def key(text: str) -> tuple[str, ...]:
        return tuple(re.findall(r"\w+", text.casefold())[:8])

    head_keys = [key(f"{sec.number} {sec.heading}") for sec in numbered]
    block_keys = {k: key(b.text) for k, b in enumerate(document.blocks) if k not in skip}
    first, last = _printed_at(words, set(head_keys) | set(block_keys.values()))
    heads: list[tuple[int, Section]] = []
    for sec, k in zip(numbered, head_keys):
        at = last.get(k, -1)
        if at > (heads[-1][0] if heads else -1):
            heads.append((at, sec))
    if len(heads) < HEADED_MIN:
        return {}
    under: dict[str, list[int]] = {}
    starts = [h for h, _ in heads]
    for k, opening in block_keys.items():
        at = first.get(opening, -1)
        if at < 0:
            continue
        owner = bisect.bisect_right(starts, at) - 1
        if owner >= 0:
            under.setdefault(heads[owner][1].number or "", []).append(k)
    taken = {p.number for p in document.paragraphs}
    if taken & {n.rstrip(".") for n in under}:  # ... unless it is a contents entry's (looked for only then)
        listed = _contents_entries(document)
        taken = {p.number for k, p in enumerate(document.paragraphs) if k not in listed}
    headed = [n for n in under if n.rstrip(".") not in taken]
    if len(headed) < HEADED_MIN or 2 * len(headed) < len(numbered):
        return {}
    # a clause's title over its sentences: most such headings head one block; a report's numbered sections
    # over paragraphs of prose (several blocks each) are sections, their prose unnumbered text
    if statistics.median(len(under[n]) for n in headed) > 1:
        return {}
    by_number = {s.number: s for _, s in heads}
    out: dict[int, Optional[Paragraph]] = {}
    for n in headed:
        ks = under[n]
        sec = by_number[n]
        text = " ".join(document.blocks[k].text for k in ks)
        out[ks[0]] = Paragraph(number=n.rstrip("."), text=text, page=document.blocks[ks[0]].page,
                               section=sec.number, heading=sec.heading)
        out.update({k: None for k in ks[1:]})
    return out


def _printed_at(words: Sequence[str], keys: set[tuple[str, ...]]) -> tuple[dict, dict]:
    """Where each key (a run of words) is printed first and last in `words`: one pass per length of key."""
    first: dict[tuple[str, ...], int] = {}
    last: dict[tuple[str, ...], int] = {}
    for size in {len(k) for k in keys if k}:
        for i in range(len(words) - size + 1):
            gram = tuple(words[i:i + size])
            if gram in keys:
                first.setdefault(gram, i)
                last[gram] = i
    return first, last


PLACE_WORDS = 6


def _printed_order(units: list, printed: str) -> list:
    """The units (page, _, _, paragraph, _) in the order the pages print them: each unit whose first six words
    the printed text holds once takes that place, in its page; a unit not found (too short, printed twice, read
    otherwise) keeps its place after the unit before it.  One pass over the printed words, one look-up a unit."""
    words = re.findall(r"\w+", printed.casefold())
    seen: dict[tuple[str, ...], int] = {}
    for k in range(len(words) - PLACE_WORDS + 1):
        key = tuple(words[k:k + PLACE_WORDS])
        seen[key] = -1 if key in seen else k
    where: list[float] = []
    last = -1.0
    for u in units:
        key = tuple(re.findall(r"\w+", u[3].text.casefold())[:PLACE_WORDS])
        at = seen.get(key, -1) if len(key) == PLACE_WORDS else -1
        last = float(at) if at >= 0 else last + 1e-6
        where.append(last)
    order = sorted(range(len(units)), key=lambda k: (units[k][0], where[k], k))
    return [units[k] for k in order]


# A paragraph's lettered parts as the extractor keeps them inside it ("(a) Chair No news.", "b) ...", "(ii) ...")
_PART_LABEL = re.compile(r"^(\()?([a-z]{1,5}|\d{1,2})([.)])\s")
_ROMAN_SERIES = ("i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x", "xi", "xii", "xiii", "xiv", "xv")


def _item_labels(p: Paragraph) -> Optional[list[str]]:
    """The labels of a paragraph's parts when they are one list: every part opens with a label printed alike
    ("(a)", "a)" or "a."), in one unbroken series from its first ((a) (b) (c) ..., (i) (ii) ..., (1) (2) ...),
    each part found in the paragraph's text in order.  None otherwise (bullets, a list within a list, parts
    the text does not hold as they are)."""
    if len(p.parts) < 2:
        return None
    labels, style = [], None
    for part in p.parts:
        m = _PART_LABEL.match(part)
        if m is None or (m.group(1) and m.group(3) != ")"):
            return None
        form = (bool(m.group(1)), m.group(3))
        if style is not None and form != style:
            return None
        style = form
        labels.append(m.group(2))
    n = len(labels)
    series = [
        [chr(ord("a") + k) for k in range(n)] if n <= 26 else [],
        list(_ROMAN_SERIES[:n]) if n <= len(_ROMAN_SERIES) else [],
        [str(k + 1) for k in range(n)],
    ]
    if labels not in series:
        return None
    return labels


def _split_items(p: Paragraph, labels: Sequence[str]) -> Optional[list[Paragraph]]:
    """The paragraph as its own text (what it prints before its first item and after its last) and one unit per
    item, numbered as a reader cites it: 4(d)."""
    text = " ".join(p.text.split())
    at, spans = 0, []
    for part in p.parts:
        piece = " ".join(part.split())
        k = text.find(piece, at)
        if k < 0:
            return None
        spans.append((k, k + len(piece)))
        at = k + len(piece)
    own = " ".join(f"{text[: spans[0][0]]} {text[spans[-1][1]:]}".split())
    out = [replace(p, text=own, parts=())]
    for label, (a, b) in zip(labels, spans):
        number = f"{p.number}({label})"
        item = text[a:b]
        item = item[_PART_LABEL.match(item).end():].strip()  # the number is outside the text, as a paragraph's
        out.append(replace(p, number=number, label=number, text=item, parts=(), parent=p.number, tables=(),
                           notes=()))
    return out


def _with_items(old: tuple[Document, list[Optional[int]]], new: tuple[Document, list[Optional[int]]]):
    """Both versions with the lettered items of their paragraphs as units of their own, wherever the same
    paragraph number holds such a list in both: minutes whose items (a), (b) ... the extractor keeps inside
    item 4 are compared, and reported, item by item (4(d) modified, 6(g) added), as they are cited.  The
    paragraph keeps its position (for its themes and tables); its items have none of their own.  A paragraph
    with a list in one version only, or added or deleted whole, stays one unit; so does a statute's section (a
    paragraph with a marginal note): its subsections are changed inside it, as the section is cited."""
    lists = []
    for document, _ in (old, new):
        lists.append({p.number: labels for p in document.paragraphs
                      if not is_block(p.number) and not p.margin_notes and (labels := _item_labels(p)) is not None})
    both = lists[0].keys() & lists[1].keys()
    if not both:
        return old, new
    out = []
    for (document, origin), found in zip((old, new), lists):
        units: list[Paragraph] = []
        where: list[Optional[int]] = []
        for p, k in zip(document.paragraphs, origin):
            pieces = _split_items(p, found[p.number]) if p.number in both else None
            if pieces is None:
                units.append(p)
                where.append(k)
                continue
            units.extend(pieces)
            where.extend([k] + [None] * (len(pieces) - 1))
        out.append((replace(document, paragraphs=tuple(units)), where))
    return out[0], out[1]


# a list item's number, its last label in brackets: "4(2)(a)" (never a repeated number's qualifier, "5.4 (2)")
_LAST_LABEL = re.compile(r"^(?P<head>.*\S)\((?P<label>[a-z]|[ivx]{1,5}|\d{1,2})\)$")


def _next_labels(label: str) -> list[str]:
    """The labels that may follow `label` in its series: b after a, iii after ii (i: j or ii), 3 after 2."""
    if label.isdigit():
        return [str(int(label) + 1)]
    out = [chr(ord(label) + 1)] if len(label) == 1 and label < "z" else []
    if label in _ROMAN_SERIES and _ROMAN_SERIES.index(label) + 1 < len(_ROMAN_SERIES):
        out.append(_ROMAN_SERIES[_ROMAN_SERIES.index(label) + 1])
    return out


def _glued_items(document: Document, origin: list[Optional[int]]) -> tuple[Document, list[Optional[int]]]:
    """The next items of a list that the extractor read into the item before them ("4(2)(a) have been a member
    ...; and (b) live in Victoria."): where a paragraph numbered as a list's item prints the next labels of its
    series in its text, each after an item's end (a semicolon or full stop, and an "and"/"or"), and the document has no
    paragraph of those numbers, each is a unit of its own, numbered as the page prints it (4(2)(b)) -- so a
    deletion or a merge of one item is not seen as an edit of the item before it."""
    numbers = {p.number for p in document.paragraphs}
    units: list[Paragraph] = []
    where: list[Optional[int]] = []
    changed = False
    for p, k in zip(document.paragraphs, origin):
        m = _LAST_LABEL.match(p.number or "") if not is_block(p.number) else None
        pieces = [p]
        if m is not None:
            label, text = m.group("label"), p.text
            while True:
                # after an item's end (";", "; and", "."), never after a colon: a lead-in's own sub-items follow
                # one; an "(i)" followed by an "(ii)" is a sub-list, not the letter after (h)
                found = [(c, nxt) for nxt in _next_labels(label) if f"{m.group('head')}({nxt})" not in numbers
                         for c in [re.search(rf"[;.]\s+(?:(?:and|or)\s+)?(\({re.escape(nxt)}\)\s+)(?=\S)", text)]
                         if c and not (nxt == "i" and "(ii)" in text[c.end():])]
                if not found:
                    break
                cut, nxt = min(found, key=lambda f: f[0].start())
                head, rest = text[:cut.start(1)].rstrip(), text[cut.end(1):]
                number = f"{m.group('head')}({nxt})"
                pieces[-1] = replace(pieces[-1], text=head, parts=())
                # its label as printed, in the form the item's own is kept ("b", or "(b)")
                own = p.label or ""
                printed = nxt.join(own.rsplit(label, 1)) if label in own else number  # its last label replaced
                pieces.append(replace(p, number=number, label=printed, text=rest, parts=(), tables=(), notes=()))
                label, text = nxt, rest
        if len(pieces) > 1:
            changed = True
        units.extend(pieces)
        where.extend([k] + [None] * (len(pieces) - 1))
    if not changed:
        return document, origin
    return replace(document, paragraphs=tuple(units)), where


# a lettered item inside a paragraph's text: "a. " at its start or after a colon, semicolon or full stop (or "; and")
_TEXT_ITEM = re.compile(r"(?:^|(?<=[:;.]\s)|(?<=;\sand\s)|(?<=;\sor\s))([a-z])\.\s")


def _text_items(text: str) -> Optional[list[tuple[str, int]]]:
    """The lettered items a paragraph's text runs as ("In this By-law: a. ... ; b. ... c. ..."): (letter, where
    its label starts), a, b, c ... in order from a, two at least; None otherwise."""
    out: list[tuple[str, int]] = []
    for m in _TEXT_ITEM.finditer(text):
        if m.group(1) == chr(ord("a") + len(out)):
            out.append((m.group(1), m.start()))
    return out if len(out) >= 2 else None


def _items_in_text(old: tuple[Document, list[Optional[int]]], new: tuple[Document, list[Optional[int]]]):
    """Both versions with the lettered items one of them reads into its paragraph's text ("... a motion that:
    a. takes precedence ...; b. requires a majority vote; ...") cut out as units of their own, where the other
    version prints them as paragraphs of their own (0.2.1(a), 0.2.1(b)): the same items are compared as
    themselves, so a list read otherwise in one version is no merge of every item into its lead-in.  Only a
    paragraph whose own version has no item of its number, and whose text runs a, b, ... from a (two at least,
    `_text_items`), while the other version has that number's (a) and (b); a lone (a) is cut only where the text
    after its "a." opens as the other version's (a) does."""
    def texts_of(document: Document) -> dict[str, str]:
        return {p.number: p.text for p in document.paragraphs if p.number and not is_block(p.number)}

    numbers = (texts_of(old[0]), texts_of(new[0]))
    out = []
    for side, (document, origin) in enumerate((old, new)):
        mine, other = numbers[side], numbers[1 - side]
        units: list[Paragraph] = []
        where: list[Optional[int]] = []
        for p, k in zip(document.paragraphs, origin):
            n = p.number
            pieces = None
            if n and not is_block(n) and not p.margin_notes and f"{n}(a)" in other and f"{n}(a)" not in mine:
                text = " ".join(p.text.split())
                items = _text_items(text) if f"{n}(b)" in other else _lone_item(text, other[f"{n}(a)"])
                if items is not None:
                    pieces = [replace(q, parent=n) if q.number != n else q for q in _cut_items(p, text, items)]
            elif n and not is_block(n) and not p.margin_notes:
                pieces = _numbers_in_text(p, mine, other)
            units.extend(pieces or [p])
            where.extend([k] + [None] * (len(pieces) - 1) if pieces else [k])
        out.append((replace(document, paragraphs=tuple(units)), where))
    return out[0], out[1]


_GLUED_NUMBER = re.compile(r"(?<=[.;:!?]\s)(\d{1,3}(?:\.\d{1,3})+)\.?\s")
GLUED_OPENING = 3


def _numbers_in_text(p: Paragraph, mine: dict[str, str], other: dict[str, str]) -> Optional[list[Paragraph]]:
    """A paragraph whose text runs on into numbered paragraphs after a sentence's end ("... made available to
    members. 11.1.1 Agendas should be ... 11.2 Minutes for ..."), each a number its own version does not have and
    the other version has as a paragraph of its own opening with the same words (three): cut there, each piece
    that paragraph, so a run read as one paragraph in one version is no merge of them all."""
    text = " ".join(p.text.split())
    cuts: list[tuple[str, int, int]] = []
    for m in _GLUED_NUMBER.finditer(text):
        number = m.group(1)
        if number == p.number or number in mine or number not in other:
            continue
        opening = other[number].split()[:GLUED_OPENING]
        if len(opening) == GLUED_OPENING and text[m.end():].split()[:GLUED_OPENING] == opening:
            cuts.append((number, m.start(), m.end()))
    if not cuts:
        return None
    out = [replace(p, text=text[: cuts[0][1]].strip(), parts=())]
    for (number, _, body), (_, end, _) in zip(cuts, [*cuts[1:], ("", len(text), 0)]):
        out.append(replace(p, number=number, label=number, text=text[body:end].strip(), parts=(), tables=(),
                           notes=(), changes=()))
    return out


def _lone_item(text: str, item: str) -> Optional[list[tuple[str, int]]]:
    """The one item "a." a paragraph's text prints after a sentence's end or a colon, where what follows it opens
    with the words `item` (the other version's (a)) opens with (four, or all it has)."""
    words = item.split()[:4]
    for m in _TEXT_ITEM.finditer(text):
        if m.group(1) == "a" and m.start() > 0 and text[m.end():].split()[:len(words)] == words:
            return [("a", m.start())]
    return None


def _tracked_items(old: tuple[Document, list[Optional[int]]], new: tuple[Document, list[Optional[int]]],
                   matches: list[Match]):
    """A tracked-changes PDF's paragraphs whose original and final texts run as the same lettered items (a
    by-law's definitions "a. ... b. ... c. ...", which the segmenter keeps inside section 1) compared and
    reported item by item, as `_with_items` does for two files: 1(a), 1(b) modified, not 1.  The pairing is the
    PDF's own: the paragraph's own text with its own, each item with the item of its letter."""
    (od, oo), (nd, no) = old, new
    split: dict[int, tuple[list[Paragraph], list[Paragraph]]] = {}
    for m in matches:
        if len(m.old) != 1 or len(m.new) != 1:
            continue
        po, pn = od.paragraphs[m.old[0]], nd.paragraphs[m.new[0]]
        if is_block(po.number) or is_block(pn.number) or po.margin_notes or pn.margin_notes:
            continue
        to, tn = " ".join(po.text.split()), " ".join(pn.text.split())
        io, in_ = _text_items(to), _text_items(tn)
        if io is None or in_ is None or [x for x, _ in io] != [x for x, _ in in_]:
            continue
        split[m.old[0]] = (_cut_items(po, to, io), _cut_items(pn, tn, in_))
    if not split:
        return old, new, matches

    def rebuilt(document: Document, origin: list[Optional[int]], side: int, key: dict[int, int]):
        """(the document with its split paragraphs' pieces, their origins), and each unit's new positions; `key`:
        a split unit's position -> its pair's key in `split`."""
        units: list[Paragraph] = []
        where: list[Optional[int]] = []
        position: dict[int, list[int]] = {}
        for i, (p, k) in enumerate(zip(document.paragraphs, origin)):
            pieces = split[key[i]][side] if i in key else [p]
            position[i] = list(range(len(units), len(units) + len(pieces)))
            units.extend(pieces)
            where.extend([k] + [None] * (len(pieces) - 1))
        return (replace(document, paragraphs=tuple(units)), where), position

    old_out, old_pos = rebuilt(od, oo, 0, {i: i for i in split})
    new_out, new_pos = rebuilt(nd, no, 1, {m.new[0]: m.old[0] for m in matches if len(m.old) == 1
                                           and len(m.new) == 1 and m.old[0] in split})
    out: list[Match] = []
    for m in matches:
        if len(m.old) == 1 and m.old[0] in split:
            out.extend(Match((a,), (b,), 1.0) for a, b in zip(old_pos[m.old[0]], new_pos[m.new[0]]))
        else:
            out.append(Match(tuple(old_pos[i][0] for i in m.old), tuple(new_pos[j][0] for j in m.new), m.similarity))
    return old_out, new_out, sorted(out, key=lambda m: (m.new[0], m.old[0]))


def _cut_items(p: Paragraph, text: str, items: list[tuple[str, int]]) -> list[Paragraph]:
    """The paragraph's own text (before its first item) and one unit per item, numbered 1(a) as cited."""
    out = [replace(p, text=text[: items[0][1]].strip(), parts=())]
    for (label, start), (_, end) in zip(items, [*items[1:], ("", len(text))]):
        number = f"{p.number}({label})"
        body = text[start:end].strip()
        body = body[len(label) + 1:].strip()
        out.append(replace(p, number=number, label=number, text=body, parts=(), parent=p.number, tables=(), notes=(),
                           changes=()))
    return out


_CONTENTS_TITLE = re.compile(r"^(?:table of )?contents$|^index$", re.I)
_PAGE_TAIL = re.compile(r"(?:\s*(?:\.{2,}|\u2026+))?\s*(?:\d{1,3}|[ivxlc]{1,5})?\s*$", re.I)
CONTENTS_MIN = 3
CONTENTS_WORDS = 12
CONTENTS_REPEATED = 0.8


def _contents_entries(document: Document) -> set[int]:
    """Positions of the paragraphs that are a list of contents: front matter, never paragraphs of the text.

    A run of at least three short paragraphs (up to 12 words, no sentence) under a heading "Contents" /
    "Table of contents" / "Index", or one whose entries mostly (80%) name, word for word, what begins a heading,
    paragraph or block later in the document (a contents page without page numbers, its lines numbered "1)"
    "2)" like the sections they list); and any paragraph that ends in dot leaders and a page number."""
    paragraphs = document.paragraphs

    def entry(p: Paragraph) -> Optional[str]:
        text = _norm_heading(_PAGE_TAIL.sub("", " ".join(p.text.split())))
        words = text.split()
        return text if words and len(words) <= CONTENTS_WORDS else None

    out: set[int] = set()
    k = 0
    while k < len(paragraphs):
        run = []
        while k < len(paragraphs) and entry(paragraphs[k]) is not None and (
                not run or paragraphs[k].heading == paragraphs[run[0]].heading):
            run.append(k)
            k += 1
        if not run:
            k += 1
            continue
        if len(run) < CONTENTS_MIN:
            continue
        if _CONTENTS_TITLE.match(_norm_heading(paragraphs[run[0]].heading)):
            out.update(run)
            continue
        # a heading named again, or a longer text that opens with the entry (never a short text repeated
        # as it is: a list quoted twice is no contents)
        page = paragraphs[run[-1]].page
        headings = {_norm_heading(t) for t in [s.heading for s in document.sections if s.page >= page]
                    + [p.heading or "" for p in paragraphs[run[-1] + 1:]]}
        texts = [_norm_heading(t) for t in [p.text for p in paragraphs[run[-1] + 1:]]
                 + [b.text for b in document.blocks if b.page >= page]]
        found = 0
        for e in (entry(paragraphs[i]) for i in run):
            found += any(h == e or h.startswith(e + " ") for h in headings) or any(t.startswith(e + " ") for t in texts)
        if found >= CONTENTS_REPEATED * len(run):
            out.update(run)
    # a line run out to its page number with dot leaders is a contents entry however few the segmenter read
    # as paragraphs (the rest of the contents page dropped as contents)
    out.update(k for k, p in enumerate(paragraphs) if _LEADERS_END.search(" ".join(p.text.split())))
    return out


_LEADERS_END = re.compile(r"(?:\.\s?){4,}\s*(?:\d{1,3}|[ivxlc]{1,5})$", re.I)


# "Rule 8. Preparation of Agenda." / "Article 12. Quorum." / "Standing Order 4. Notice of motions.": a label word,
# a number, then (group 4, empty if not) a heading in title case that ends at its full stop; a citation ("under
# Rule 37. The ...") has none
_SMALL = r"[a-z]{1,4}"
_ITEM = re.compile(
    r"(?:(?<=^)|(?<=[\s.;:]))((?:Rule|Article|Section|Clause|Regulation|Standing Order|Order|Byelaw|Bylaw)"
    r"\s+(\d{1,3})([A-Z]?))\.\s+(?=[A-Z0-9(“\"‘'])"
    rf"(?=((?:[A-Z0-9][\w'’,-]*|{_SMALL})(?:\s+(?:[A-Z0-9][\w'’,-]*|{_SMALL})){{0,9}}\.(?:\s|$))?)")
_SENTENCE_START = re.compile(r"(?:^|[.;:!?][\"”’')]*\s+)$")


def labelled_items(blocks: Sequence[Any]) -> Optional[list[Paragraph]]:
    """The blocks' text cut at labelled items ("Rule N. Heading."): a unit per item, named by its label
    ("Rule 8"), the text before the first as one block; None unless at least three items are found, their
    numbers rising in one series (a few numbers may be skipped, a lettered one, 31A, follows its own).  An item
    without a heading ("Rule 33A. Rule 33 of these Rules notwithstanding, ...") counts only as the very next
    of the series and at a sentence's start."""
    stream: list[tuple[int, int]] = []  # (offset in the joined text, page) where each block starts
    text = ""
    for b in blocks:
        stream.append((len(text), b.page))
        text += b.text + " "
    cuts: list[tuple[int, str]] = []
    word = None
    last: Optional[tuple[int, str]] = None
    for m in _ITEM.finditer(text):
        label, n, letter, heading = m.group(1), int(m.group(2)), m.group(3), m.group(4)
        kind = label.rsplit(" ", 1)[0]
        if word is not None and kind != word:
            continue
        key = (n, letter)
        if last is not None and not (last < key and n <= last[0] + 10):
            continue
        if not heading:
            after = last is not None and (key == (last[0] + 1, "") or (
                n == last[0] and letter and ord(letter) == ord(last[1] or "@") + 1))
            if not after or not _SENTENCE_START.search(text[max(0, m.start() - 4): m.start()]):
                continue
        word, last = kind, key
        cuts.append((m.start(), " ".join(label.split())))
    if len(cuts) < 3:
        return None

    def page_at(offset: int) -> int:
        return stream[max(0, bisect.bisect_right([s for s, _ in stream], offset) - 1)][1]

    # the last item ends where a record in capitals follows one of its sentences ("ADOPTED: June 15, 1987 ...",
    # an adoption history); else it runs to the end, what follows read into it in both versions alike
    tail = _RECORD.search(text, cuts[-1][0] + 1)
    stop = tail.start() if tail else len(text)
    out: list[Paragraph] = []
    if text[: cuts[0][0]].strip():
        out.append(Paragraph(number=f"{BLOCK_MARK}1", text=" ".join(text[: cuts[0][0]].split()), page=page_at(0)))
    for k, (start, label) in enumerate(cuts):
        end = cuts[k + 1][0] if k + 1 < len(cuts) else stop
        out.append(Paragraph(number=label, text=" ".join(text[start:end].split()), page=page_at(start)))
    if text[stop:].strip():
        out.append(Paragraph(number=f"{BLOCK_MARK}{len(out) - len(cuts) + 1}", text=" ".join(text[stop:].split()),
                             page=page_at(stop)))
    return out


_RECORD = re.compile(r"(?<=[.!?] )(?=[A-Z]{3,}(?: [A-Z]{2,})?: \S)")


def is_block(number: str) -> bool:
    return number.startswith(BLOCK_MARK)


# ---------------------------------------------------------------- sections


SECTION_CUTOFF = 0.9


def _sections(document: Document) -> tuple[list[Section], list[Optional[int]]]:
    """The document's sections (plus any a paragraph names that the list lacks) and each paragraph's section position.

    A section is known by its number, or by its heading when it has none (flat
    numbered reports have unnumbered headings): sections are positions here,
    never numbers, so two unnumbered sections never collapse into one.
    """
    sections = list(document.sections)
    by_number: dict[str, int] = {}
    by_heading: dict[str, list[int]] = {}
    for k, s in enumerate(sections):
        if s.number is not None:
            by_number.setdefault(s.number, k)
        by_heading.setdefault(_norm_heading(s.heading), []).append(k)
    of: list[Optional[int]] = []
    current = -1
    for p in document.paragraphs:
        k: Optional[int] = None
        if p.section is not None:
            k = by_number.get(p.section)
            if k is None:
                k = by_number[p.section] = len(sections)
                sections.append(Section(p.section, p.heading or "", p.page))
        elif p.heading:
            candidates = by_heading.get(_norm_heading(p.heading))
            if not candidates:
                candidates = by_heading[_norm_heading(p.heading)] = [len(sections)]
                sections.append(Section(None, p.heading, p.page))  # type: ignore[arg-type]
            # The same heading can recur (two "Background"s): take the first one not behind us.
            k = next((c for c in candidates if c >= current), candidates[-1])
        if k is not None:
            current = k
        of.append(k)
    return sections, of


def _norm_heading(text: Optional[str]) -> str:
    return " ".join(re.sub(r"[^\w\s]", " ", (text or "").casefold()).split())


def section_label(number: Optional[str], heading: Optional[str]) -> str:
    """How a section is named to a reader: its number, or its heading when it has none."""
    return number if number is not None else (heading or "")


def _align_sections(
    old_sections: list[Section],
    new_sections: list[Section],
    old_of: list[Optional[int]],
    new_of: list[Optional[int]],
    matches: Sequence[Match],
    known: Optional[dict[int, int]] = None,
) -> tuple[dict[int, int], list[HeadingChange]]:
    """Map old sections to new ones by where their paragraphs went and by heading words (`known`: pairs already
    known, a tracked-changes PDF's headings, before and after their marks).

    Score = heading similarity + the share of paragraphs that flowed from one to
    the other (+0.5 for the very same heading words, +0.1 for the same number),
    so a renamed section keeps its paragraphs' vote, a section whose
    paragraphs all changed keeps its heading's, and a renumbered section keeps both.
    """
    from rapidfuzz import fuzz

    size_old = Counter(k for k in old_of if k is not None)
    size_new = Counter(k for k in new_of if k is not None)
    flow: dict[tuple[int, int], float] = {}
    for m in matches:
        weight = 1.0 / max(len(m.old), len(m.new))
        for i in m.old:
            for j in m.new:
                so, sn = old_of[i], new_of[j]
                if so is not None and sn is not None:
                    flow[(so, sn)] = flow.get((so, sn), 0.0) + weight

    old_heads = [_norm_heading(s.heading) for s in old_sections]
    new_heads = [_norm_heading(s.heading) for s in new_sections]
    scored = []
    for a, so in enumerate(old_sections):
        for b, sn in enumerate(new_sections):
            ha, hb = old_heads[a], new_heads[b]
            h = fuzz.ratio(ha, hb) / 100.0 if (ha or hb) else 1.0
            bigger = max(size_old.get(a, 0), size_new.get(b, 0))
            score = h + (min(1.0, flow.get((a, b), 0.0) / bigger) if bigger else 0.0)
            same_number = so.number is not None and so.number == sn.number
            # one heading the other's and the line after it ("Date of next meeting" / "... Monday 11 July 2022"):
            # the same heading, read with one more line in one version
            extended = bool(ha) and bool(hb) and (ha.startswith(hb + " ") or hb.startswith(ha + " "))
            # numbered: the same number; unnumbered: a box filled in ("Signed" -> "Signed S Barnes"), a few words
            extended = extended and (same_number or (so.number is None and sn.number is None
                                                     and abs(len(ha.split()) - len(hb.split())) <= 4))
            score += 0.5 * (ha == hb or extended) + 0.1 * same_number
            if score >= SECTION_CUTOFF:
                scored.append((score, abs(_rel(a, len(old_sections)) - _rel(b, len(new_sections))), a, b, h))
    scored.sort(key=lambda x: (-x[0], x[1], x[2], x[3]))
    mapping: dict[int, int] = {}
    taken: set[int] = set()
    sims: dict[int, float] = {}
    for a, b in (known or {}).items():
        if a < len(old_sections) and b < len(new_sections) and b not in taken:
            mapping[a] = b
            taken.add(b)
            sims[a] = fuzz.ratio(old_heads[a], new_heads[b]) / 100.0 if (old_heads[a] or new_heads[b]) else 1.0
    for _, _, a, b, h in scored:
        if a not in mapping and b not in taken:
            mapping[a] = b
            taken.add(b)
            sims[a] = h

    changes: list[HeadingChange] = []
    reverse = {b: a for a, b in mapping.items()}
    for b, sn in enumerate(new_sections):
        a = reverse.get(b)
        if a is None:
            changes.append(HeadingChange(HeadingOp.ADDED, None, sn.number, None, sn.heading, 0.0))
            continue
        so = old_sections[a]
        if old_heads[a] != new_heads[b]:
            op = HeadingOp.RENAMED
        elif so.number != sn.number:
            op = HeadingOp.RENUMBERED
        else:
            op = HeadingOp.UNCHANGED
        changes.append(HeadingChange(op, so.number, sn.number, so.heading, sn.heading, sims[a]))
    # Deleted sections go after the last surviving section that preceded them.
    position = {a: k for k, a in enumerate(reverse.get(b) for b in range(len(new_sections))) if a is not None}
    inserts: dict[int, list[HeadingChange]] = {}
    last = -1
    for a, so in enumerate(old_sections):
        if a in position:
            last = position[a]
        else:
            inserts.setdefault(last, []).append(HeadingChange(HeadingOp.DELETED, so.number, None, so.heading, None, 0.0))
    out: list[HeadingChange] = list(inserts.get(-1, []))
    for k, c in enumerate(changes):
        out.append(c)
        out.extend(inserts.get(k, []))
    return mapping, out


def _rel(i: int, n: int) -> float:
    return (i + 0.5) / n if n else 0.0


# ---------------------------------------------------------------- themes


def _themes_by_index(document: Document, tagged: Any, origin: Sequence[Optional[int]]) -> Optional[list[set[str]]]:
    """Theme names per unit position (blocks have none), from a TaggedDocument; None without one."""
    per_paragraph = _themes_by_paragraph(document, tagged)
    if per_paragraph is None:
        return None
    return [per_paragraph[k] if k is not None else set() for k in origin]


def _themes_by_paragraph(document: Document, tagged: Any) -> Optional[list[set[str]]]:
    if tagged is None:
        return None
    entries = None
    for attr in ("paragraphs", "tags", "items"):
        value = getattr(tagged, attr, None)
        if value is not None and not callable(value):
            entries = list(value)
            break
    if entries is None:
        entries = list(tagged)

    def names(entry: Any) -> set[str]:
        out = set()
        for hit in getattr(entry, "themes", ()) or ():
            theme = getattr(hit, "theme", hit)
            out.add(str(getattr(theme, "name", None) or getattr(theme, "id", None) or theme))
        return out

    if len(entries) == len(document.paragraphs):
        return [names(e) for e in entries]
    by_number: dict[str, set[str]] = {}
    for e in entries:
        by_number.setdefault(str(getattr(e, "number", "")), names(e))
    return [by_number.get(p.number, set()) for p in document.paragraphs]


# ---------------------------------------------------------------- dangling references


_REF_HINT = re.compile(r"\b(?:para|question|Q\d)", re.I)


def _refs(document: Document) -> dict[int, list[tuple[str, str, tuple[str, ...]]]]:
    """Per paragraph position: (reference as written, normalised target, numbers it resolves to here).

    Only paragraphs that mention a paragraph or question are scanned.
    """
    from .xrefs import XrefKind, located_xrefs

    out: dict[int, list[tuple[str, str, tuple[str, ...]]]] = {}
    for i, x in located_xrefs(document, only=lambda p: bool(_REF_HINT.search(p.text))):
        if x.kind in (XrefKind.PARAGRAPH, XrefKind.QUESTION) and not x.external:
            out.setdefault(i, []).append((x.text, _norm_target(x.target or x.text), tuple(x.to)))
    return out


def _norm_target(text: str) -> str:
    return " ".join(re.sub(r"\bparas?\.?(?=\s|\d)", "paragraph", text.casefold()).replace("paragraphs", "paragraph").split())


def _dangling(old: Document, new: Document, matches: Sequence[Match]) -> list[DanglingRef]:
    """References whose words stayed the same but whose target's text now has another number."""
    if not any(_REF_HINT.search(p.text) for p in new.paragraphs):
        return []  # nothing in the new version cites a paragraph or question: skip the finder
    old_refs = _refs(old)
    new_refs = _refs(new)
    if not new_refs:
        return []
    old_pos: dict[str, int] = {}
    for i, p in enumerate(old.paragraphs):
        old_pos.setdefault(p.number, i)
    new_of_old: dict[int, tuple[int, ...]] = {}
    old_of_new: dict[int, tuple[int, ...]] = {}
    for m in matches:
        for i in m.old:
            new_of_old[i] = m.new
        for j in m.new:
            old_of_new[j] = m.old
    out: list[DanglingRef] = []
    for j in sorted(new_refs):
        citing = new.paragraphs[j]
        olds = old_of_new.get(j, ())
        before = {target: to for i in olds for _, target, to in old_refs.get(i, ())}
        for text, target, to in new_refs[j]:
            in_old = old.paragraphs[olds[0]].number if olds else None
            if target in before:
                was = before[target]
                if not was:
                    continue  # it pointed nowhere in the old version either
                now: list[str] = []
                for number in was:
                    i = old_pos.get(number)
                    for k in new_of_old.get(i, ()) if i is not None else ():
                        if new.paragraphs[k].number not in now:
                            now.append(new.paragraphs[k].number)
                if tuple(now) == tuple(to) or (now and set(now) <= set(to)):
                    continue
                reason = DanglingReason.MOVED if now else DanglingReason.DELETED
                out.append(DanglingRef(citing.number, in_old, text, target, tuple(was), tuple(now), reason))
            elif not to:
                out.append(DanglingRef(citing.number, in_old, text, target, (), (), DanglingReason.MISSING))
    return out


# ---------------------------------------------------------------- summary


def _summary(
    changes: Sequence[Change], headings: Sequence[HeadingChange], dangling: Sequence[DanglingRef], with_themes: bool
) -> dict[str, Any]:
    ops = {k.value: 0 for k in ChangeKind}
    for c in changes:
        ops[c.kind.value] += 1
    sections: dict[str, dict[str, Any]] = {}
    for c in changes:
        if c.kind is ChangeKind.UNCHANGED:
            continue
        key = c.new_section if c.new else c.old_section
        label = section_label(key, c.heading if c.new else c.old_heading)
        entry = sections.setdefault(label, {"section": key, "heading": c.heading if c.new else c.old_heading, "counts": {}})
        entry["counts"][c.kind.value] = entry["counts"].get(c.kind.value, 0) + 1
    heading_ops = {k.value: 0 for k in HeadingOp}
    for h in headings:
        heading_ops[h.op.value] += 1
    gained: dict[str, int] = {}
    lost: dict[str, int] = {}
    for c in changes:
        for t in c.themes_added:
            gained[t] = gained.get(t, 0) + 1
        for t in c.themes_removed:
            lost[t] = lost.get(t, 0) + 1
    return {
        "paragraphs": {"old": sum(len(c.old) for c in changes), "new": sum(len(c.new) for c in changes)},
        "ops": ops,
        "sections": list(sections.values()),
        "headings": heading_ops,
        "themes": {"gained": dict(sorted(gained.items())), "lost": dict(sorted(lost.items()))} if with_themes else None,
        "dangling": len(dangling),
    }


# ---------------------------------------------------------------- tracked changes


from ..infra.errors import InputInvalidError  # noqa: E402  (kept beside its one use)


class NoTrackedChanges(InputInvalidError):
    """The document carries no change marks the reader recognised."""


def diff_tracked(document: Document, **options: Any) -> DiffResult:
    """A tracked-changes PDF as a diff: its original text (deletions kept, insertions out) against its final text."""
    from .diffparts import insertions_only, tracked_versions

    pair = tracked_versions(document)
    if pair is None:
        raise NoTrackedChanges("no tracked changes found (no text is marked inserted or deleted)", document.source.path)
    if options.get("blocks") is None and (any(getattr(b, "changes", ()) for b in document.blocks)
                                          or len(pair[0].blocks) != len(document.blocks)
                                          or len(pair[1].blocks) != len(document.blocks)):
        # a marked change in the unnumbered text (a schedule of modifications appended to a numbered report)
        # is a change of the paper, however much numbered text surrounds it; so is text struck or inserted after
        # a wholly inserted paragraph, set apart as unnumbered text of its own (`diffparts._after_inserted`)
        options = {**options, "blocks": True}
    result = diff_documents(pair[0], pair[1], known=pair[2], **options)
    if insertions_only(document):
        return replace(result, tracked=f"{document.source.path} marks insertions only, nothing struck through: its "
                       "original text here is its final text less the insertions (what they replaced is not "
                       "printed, so no deletion is reported) against its final text")
    return replace(result, tracked=f"{document.source.path}: its original text (struck-through text kept, "
                   "insertions left out) against its final text")


def final_versions(old: Document, new: Document) -> tuple[Document, Document, list[str]]:
    """Both inputs as their final text; a line for each input that carried tracked changes."""
    from .diffparts import insertions_only, tracked_versions

    notes = []
    out = []
    for which, d in (("old", old), ("new", new)):
        pair = tracked_versions(d)
        if pair is None:
            out.append(d)
            continue
        out.append(replace(pair[1], source=d.source))
        notes.append(f"{d.source.path} carries tracked changes: compared against its final text"
                     + (" (it marks insertions only, nothing struck through)" if insertions_only(d) else ""))
    return out[0], out[1], notes
