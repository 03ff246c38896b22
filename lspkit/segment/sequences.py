"""Paragraph starts recovered from sequences of labels the layout rules left as text.

The segmenter's layout rules are right where they fire, but a layout they were not written for leaves its
numbered paragraphs as unnumbered blocks (`(1)` ... `(9)` under a bold lead-in, `0.0.1` ... `0.0.10` in a rule
book) or glues one into its neighbour (found 1, 2, 4; "3." sits inside 2).  This pass runs after the body is read
and trusts a label only where the labels form a sequence: consecutive values in one numbering style at one left
edge, three or more of them recovered, or the one missing member between two paragraphs already found.
Only lines the segmenter kept as plain text are looked at (never a heading, front or back matter, a table, a
contents line, furniture or a note: those never reach a block), and a paragraph's own lettered parts are left
to it.  A list of names or figures, contents entries and numeric rows are no paragraphs; nor is a number that
continues a sentence from the line above.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Optional

from ..model import Block, ParagraphKind, Section
from .lines import Body, WorkLine
from .pagetype import page_text_size
from .paragraphs import SENTENCE_END, Blocks, OpenParagraph, Paragraphs, join_lines
from .tracked import place_changes

_LABEL = re.compile(
    r"""^(?:
      (?P<dec>\d{1,3}(?:\.\d{1,3}){0,3})(?P<dp>[.)]?)
     |\((?P<pnum>\d{1,3})\)
     |\((?P<plet>[a-z]{1,2}|[ivx]{1,5})\)
     |(?P<let>[a-z]|[ivx]{2,5})(?P<lp>[.)])
     |\((?P<pcap>[A-Z])\)
     |(?P<cap>[A-Z])(?P<cp>[.)])
     |Q(?P<q>\d{1,3})[.:)]?
    )\s+(?P<rest>[A-Za-z"'(\u2018\u201c].*)$""",
    re.X,
)
_ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4, "v": 5, "vi": 6, "vii": 7, "viii": 8, "ix": 9, "x": 10, "xi": 11,
          "xii": 12, "xiii": 13, "xiv": 14, "xv": 15, "xvi": 16, "xvii": 17, "xviii": 18, "xix": 19, "xx": 20}
_CONTENTS = re.compile(r"(?:\.{3,}|\u2026|\s)\s*\d{1,3}$")
_CAPTION = re.compile(r"^(?:Figure|Fig\.|Table|Map|Photo|Plate|Chart|Diagram|Appendix|Annex)\b", re.I)
_RUNS_ON = re.compile(r"[a-z,]$")
_AMOUNT = re.compile(r"[£$€]\s?\d|\d[\d,]*\.\d\d\b")
_X_TOL = 6.0  # labels of one series stand within this of each other (right-aligned letters move a little)


@dataclass
class _Label:
    pos: int  # position in the Body
    label: str  # as printed, without brackets or dot ("1", "4.2", "a", "iv", "Q3")
    rest: str
    keys: list[tuple[tuple, int]]  # each reading of the label: (style, value)
    x: float
    owner: tuple  # ("p", k) inside done paragraph k, ("b", k) inside block k
    found: bool = False  # the first line of a paragraph the segmenter made
    page: int = 0


@dataclass
class _Run:
    style: tuple
    x: float
    first: int
    last: int
    members: list[_Label] = field(default_factory=list)


_QUICK = re.compile(r"^[^\S\n]*(?:\d{1,3}(?:\.\d{1,3}){0,3}[.)]?|\([0-9a-zA-Z]{1,5}\)|[a-zA-Z]{1,5}[.)]|Q\d{1,3}[.:)]?)"
                    r"[^\S\n]+[A-Za-z\"'(\u2018\u201c]", re.M)


def _label_lines(body: Body) -> list[int]:
    """The Body positions of the lines that may open with a label: one regex over all the texts joined."""
    texts = [w.text for w in body]
    joined = "\n".join(texts)
    if joined.count("\n") != len(texts) - 1:  # a text holding a line break itself: line by line
        return [k for k, t in enumerate(texts) if _QUICK.match(t)]
    out, line, at = [], 0, 0
    for m in _QUICK.finditer(joined):
        line += joined.count("\n", at, m.start())
        at = m.start()
        out.append(line)
    return out


def _parse(text: str) -> Optional[tuple[str, str, list[tuple[tuple, int]]]]:
    """The label a line opens with, its text, and each (style, value) it may be read as."""
    m = _LABEL.match(text.strip())
    if not m:
        return None
    g = m.groupdict()
    rest = g["rest"]
    if g["dec"] is not None:
        parts = g["dec"].split(".")
        return g["dec"], rest, [(("dec", len(parts), ".".join(parts[:-1]), g["dp"]), int(parts[-1]))]
    if g["pnum"] is not None:
        return g["pnum"], rest, [(("(n)",), int(g["pnum"]))]
    if g["q"] is not None:
        return "Q" + g["q"], rest, [(("Q",), int(g["q"]))]
    for name, punct in (("plet", "()"), ("let", g["lp"])):
        tok = g[name]
        if tok is not None:
            keys = []
            if len(tok) == 1:
                keys.append((("alpha", punct), ord(tok) - 96))
            if tok in _ROMAN:
                keys.append((("roman", punct), _ROMAN[tok]))
            if len(tok) == 2 and tok[0] == tok[1]:  # "aa": after "z"
                keys.append((("alpha", punct), 26 + ord(tok[0]) - 96))
            return (tok, rest, keys) if keys else None
    for name, punct in (("pcap", "()"), ("cap", g["cp"])):
        tok = g[name]
        if tok is not None:
            return tok, rest, [(("CAP", punct), ord(tok) - 64)]
    return None


def _boxed(body: Body, w: WorkLine, boxes: dict[tuple[int, int], int]) -> bool:
    """Is the line in a box set apart on its page (a quotation, a panel), not a frame drawn around the whole text?

    Three or more boxes one under another at the page's text edge, holding most of its lines, frame its
    paragraphs one by one (a rectangle behind every paragraph, as some producers draw them): they set nothing
    apart.  Boxes side by side (a flow chart's, a table's cells) still do."""
    if not boxes:
        lefts: dict[tuple[int, int], float] = {}
        for x in body:
            page = x.line.page
            boxes[(page, x.line.box)] = boxes.get((page, x.line.box), 0) + 1
            boxes[(page, -1)] = boxes.get((page, -1), 0) + 1
            if x.line.box:
                key = (page, x.line.box)
                lefts[key] = min(lefts.get(key, x.line.x0), x.line.x0)
        by_page: dict[int, list[tuple[float, int]]] = {}
        for (page, box), left in lefts.items():
            by_page.setdefault(page, []).append((left, box))
        for page, ls in by_page.items():
            edge = min(left for left, _ in ls)
            framed = [box for left, box in ls if left - edge <= _X_TOL]
            side = [box for left, box in ls if left - edge > 4 * _X_TOL]  # a box beside them: a chart or a grid
            if len(framed) >= 3 and not side \
                    and sum(boxes[(page, b)] for b in framed) >= 0.6 * boxes[(page, -1)]:
                for b in framed:
                    boxes[(page, -10 - b)] = 1
    return not boxes.get((w.line.page, -10 - w.line.box)) \
        and boxes.get((w.line.page, w.line.box), 0) < 0.6 * boxes.get((w.line.page, -1), 1)


def _runs_on_into(body: Body, pos: int) -> bool:
    """Does the line before continue a sentence into this one ("... under section" / "3. of the Act")?"""
    if pos == 0:
        return False
    prev = body[pos - 1]
    if not (_RUNS_ON.search(prev.text.rstrip()) and body.full_line(prev.line)):
        return False
    w = body[pos]
    if w.gap_before and prev.line.page == w.line.page and prev.line.x0 > w.line.x0 + _X_TOL:
        return False  # a list set in above, a space, then this label back at the margin: a new item, not a run-on
    # a list item's one line ending without a stop ("(1) How well ... benefits" / "(2) How effectively") runs on
    # into nothing: the line before opens with a label of the same kind, and this one with a new sentence
    before = _parse(prev.text)
    mine = _parse(body[pos].text)
    return not (before and mine and mine[1][:1].isupper() and {st for st, _ in before[2]} & {st for st, _ in mine[2]})



def line_owners(done: list[OpenParagraph], blocks: Blocks) -> dict[int, tuple]:
    """Each line's holder: ("p", k) for the k-th paragraph read, else ("b", k) for the k-th unnumbered block (the
    series pass and the final safety net, segment/recover.py, both take a new member's lines from their owner)."""
    owner: dict[int, tuple] = {}
    for k, p in enumerate(done):
        for i in p.lines:
            owner[i] = ("p", k)
    for k, idx in blocks.indexes.items():
        for i in idx:
            owner.setdefault(i, ("b", k))
    return owner

def recover_sequences(body: Body, done: list[OpenParagraph], blocks: Blocks,
                      sections: list[Section]) -> list[str]:
    """Add the paragraphs whose labels form a sequence; split the blocks and paragraphs they were read into.

    Changes `done` and `blocks` in place; returns warnings (none yet: every recovered start is in a sequence)."""
    if not body.pdf or not (blocks.indexes or done):
        return []
    hits = _label_lines(body)  # the few lines that open with a label, found for all lines at once in C
    first_lines = {p.lines[0]: k for k, p in enumerate(done) if p.lines}
    if not any(body[q].index not in first_lines for q in hits):
        return []
    pos_of = {w.index: k for k, w in enumerate(body)}
    owner = line_owners(done, blocks)
    labels: list[_Label] = []
    boxes: dict[tuple[int, int], int] = {}  # lines per (page, box), filled on first need
    page_sizes: dict = {}  # each page's type sizes, measured on first need (pagetype.py)
    styles_cache: dict[int, set] = {}

    def styles_of_found(k: int) -> set:
        """The styles paragraph k's own label may be read in (parsed on first need: most are never asked)."""
        if k not in styles_cache:
            p = done[k]
            parsed = _parse(body[pos_of[p.lines[0]]].text) if p.lines and p.lines[0] in pos_of else None
            styles_cache[k] = {st for st, _ in parsed[2]} if parsed else set()
        return styles_cache[k]

    for pos in hits:
        i = body[pos].index
        where = owner.get(i)
        if where is None or i in first_lines or (where[0] == "p" and not styles_of_found(where[1])):
            continue
        w = body[pos]
        parsed = _parse(w.text)
        if parsed is None:
            continue
        keys = parsed[2]
        if where[0] == "p":  # inside a paragraph: only a member of that paragraph's own series glued on, or of
            # the series its own number heads ("4.2 Selection of a field:" / "4.2.1 The selection ...")
            own = _own_number(done[where[1]], body, pos_of)
            keys = [kv for kv in keys if kv[0] in styles_of_found(where[1]) or _child_style(kv[0], own)]
            if not keys:
                continue
        if _runs_on_into(body, pos) or _CAPTION.match(parsed[1]) or _CONTENTS.search(w.text.rstrip()):
            continue
        if (w.line.box and _boxed(body, w, boxes)) or (w.line.size and w.line.size < 0.92 * body.size
                                                        and not page_text_size(body, w, page_sizes)):
            continue  # a boxed quotation, a note or reference list in small type: never the paper's paragraphs
        labels.append(_Label(pos, parsed[0], parsed[1], keys, w.line.x0, where, False, w.line.page))
    if not labels:
        return []
    for k, p in enumerate(done):  # the paragraphs found: members of the series the recovered ones may join
        if not p.lines or p.lines[0] not in pos_of:
            continue
        w = body[pos_of[p.lines[0]]]
        parsed = _parse(w.text)
        if parsed is not None:
            labels.append(_Label(pos_of[p.lines[0]], parsed[0], parsed[1], parsed[2], w.line.x0, ("p", k), True,
                                 w.line.page))
    labels.sort(key=lambda lab: lab.pos)
    accepted = _accepted(labels)
    if not accepted:
        return []
    _apply(body, done, blocks, sections, labels, accepted, pos_of, owner)
    return []


def _accepted(labels: list[_Label]) -> list[tuple["_Run", list[_Label]]]:
    """The runs whose recovered labels stand in a sequence, each with those labels."""
    runs: list[_Run] = []
    for lab in labels:
        for style, value in lab.keys:
            best = None
            for r in reversed(runs):
                # one series: the next value, at the same edge, on the same page or the next (a "5." pages on is
                # another list's)
                if r.style == style and r.last == value - 1 and abs(r.x - lab.x) <= _X_TOL \
                        and lab.page - r.members[-1].page <= 1:
                    best = r
                    break
            if best is None:
                best = _Run(style, lab.x, value, value)
                runs.append(best)
            best.members.append(lab)
            best.last = value
    out: list[tuple[_Run, list[_Label]]] = []
    established: list[tuple[tuple, float]] = []  # a style and edge where a run of three or more was recovered
    short: list[_Run] = []
    found_styles = {st for r in runs for m in r.members if m.found for st, _ in m.keys}
    for r in runs:
        new = [m for m in r.members if not m.found]
        if not new or _not_paragraphs(new):
            continue
        if r.style in found_styles and len(new) == len(r.members):
            continue  # the paper's own series stands elsewhere: these repeat its numbers (a chart, a summary)
        if len(new) >= 3 or (len(r.members) >= 4 and len(new) >= 2):
            out.append((r, new))
            established.append((r.style, r.x))
            continue
        if r.first == 1 and len(new) == len(r.members):
            short.append(r)
        gaps = [m for k, m in enumerate(r.members)  # the one missing between two found: "1", "2", [3], "4"
                if not m.found and 0 < k < len(r.members) - 1 and r.members[k - 1].found and r.members[k + 1].found]
        if gaps:
            out.append((r, gaps))
    for r in short:  # "a.", "b." under one paragraph where "a." to "i." stand under the one before it
        if any(st == r.style and abs(x - r.x) <= _X_TOL for st, x in established):
            out.append((r, list(r.members)))
    return out


def _not_paragraphs(new: list[_Label]) -> bool:
    """A list of names or short titles (every word capitalised, a few words each): a list, not paragraphs."""
    def titled(rest: str) -> bool:
        words = rest.split()
        return len(words) <= 6 and all(not w[:1].isalpha() or w[:1].isupper() or len(w) <= 3 for w in words)
    if sum(bool(_AMOUNT.search(m.rest)) for m in new) >= 0.5 * len(new):
        return True  # a list of payments or figures ("Wales Air Ambulance, Donation, Chq No 1161 200.00")
    return sum(titled(m.rest) for m in new) >= 0.8 * len(new)


def _extent(body: Body, lab: _Label, src: list[int], starts: set[int], pos_of: dict[int, int],
            owner_of: dict[int, tuple], taken_blocks: set[int]) -> list[WorkLine]:
    """A recovered paragraph's lines: from its label to the next start or heading, in its block or paragraph."""
    kind = lab.owner[0]
    at = src.index(body[lab.pos].index)
    taken = [body[lab.pos]]
    hang: Optional[float] = None
    for i in src[at + 1:]:
        q = pos_of.get(i)
        if q is None or q in starts:
            break
        w = body[q]
        if kind == "b" and _ends_before(body, taken[-1], w, lab.x, hang):
            break
        if hang is None:
            hang = w.line.x0
        taken.append(w)
    if kind == "b" and taken[-1].index == src[-1]:
        # the block ended over a blank line in the middle of a sentence (a paper set double-spaced): the
        # paragraph reads on into the next block, as long as its lines run on
        q = pos_of[taken[-1].index] + 1
        while q < len(body) and q not in starts and owner_of.get(body[q].index, ("",))[0] == "b":
            w, last = body[q], taken[-1]
            if (SENTENCE_END.search(last.text.rstrip()) or not body.full_line(last.line)) \
                    and not w.text[:1].islower():
                break
            if _ends_before(body, last, w, lab.x, hang) or owner_of[w.index][1] in taken_blocks:
                break
            hang = w.line.x0 if hang is None else hang
            taken.append(w)
            q += 1
    return taken


def _titles(extents: list[list[WorkLine]]) -> bool:
    """Items whose first line ends as a title does (a colon; no stop on a line of its own, or one the text does not
    run on from): a list of headings or topics, not paragraphs."""
    def title(ws: list[WorkLine]) -> bool:
        t = ws[0].text.rstrip()
        if t.endswith(":"):
            return True
        # a short line with no stop ("Domestic price conditions"); a criterion that reads as a clause ("How
        # effectively the group will use the grant") is longer
        return len(t.split()) <= 7 and not t.endswith((".", ";", ",", "?", "!", ")", "\u201d", '"')) \
            and (len(ws) == 1 or not t[-1:].islower())
    return sum(title(ws) for ws in extents) >= 0.8 * len(extents)


def _apply(body: Body, done: list[OpenParagraph], blocks: Blocks, sections: list[Section],
           labels: list[_Label], runs: list[tuple[_Run, list[_Label]]], pos_of: dict[int, int],
           owner_of: dict[int, tuple]) -> None:
    found = {lab.pos for lab in labels if lab.found}
    styles_of = {lab.pos: {st for st, _ in lab.keys} for lab in labels}
    number_of: dict[int, str] = {}
    for k, p in enumerate(done):
        if p.lines and p.lines[0] in pos_of:
            number_of[pos_of[p.lines[0]]] = p.number

    def src_of(lab: _Label) -> list[int]:
        return done[lab.owner[1]].lines if lab.owner[0] == "p" else blocks.indexes[lab.owner[1]]

    # a list a paragraph the segmenter found goes on into (its lead-in "... as follows:" is that paragraph's
    # line, or the list hangs from it) stays that paragraph's list
    kept = []
    recovered = {m.pos for _, new in runs for m in new}
    for r, new in runs:
        first = new[0]
        if first.owner[0] == "p" and _child_style(r.style, _own_number(done[first.owner[1]], body, pos_of)):
            kept.append((r, new))  # "4.2.1", "4.2.2", ... glued inside 4.2: its sub-paragraphs, never its parts
            continue
        prev = body[first.pos - 1] if first.pos else None
        lead = owner_of.get(prev.index) if prev is not None else None
        if lead and lead[0] == "p" and not first.found and r.style not in _styles(done[lead[1]], body, pos_of):
            continue
        if not first.found and r.first > 1:
            above = _opened_above(body, first, r.style, r.first)
            if above is None and not (len(new) >= 4 and r.members[-1].found):
                # its first members are not at the start of any line ("Regulation 3 (1) An employer ..."); a long
                # run that goes on into the paragraphs found at its edge ("2." ... "10." before "11." ... "61.")
                # is their series whatever the first paragraph's number (not in the text layer, or none printed)
                continue
            if above is not None and body[above].index in owner_of and above not in found and above not in recovered:
                # the first member is text that failed a gate ("... this application," / "i. grants ..."), or a
                # part inside a found paragraph of another series: what follows it is that list's too
                continue
        parent = _parent_of(first, body, found | {m.pos for m in new}, owner_of, number_of, styles_of)
        if parent is not None and parent in {number_of.get(q) for q in found}:
            continue  # a list set in under a paragraph the segmenter read: that paragraph's parts
        if prev is not None and prev.text.rstrip().endswith(":") and first.pos >= 2 and lead and lead[0] == "b":
            before = body[first.pos - 2]
            if body.full_line(before.line) and _RUNS_ON.search(before.text.rstrip()) and _parse(before.text) is None:
                continue  # "... any person who commits the following acts ... of the Board:": a sentence's list
        if any(q < first.pos for q in found) and any(q > new[-1].pos for q in found) and all(
                r.style not in styles_of[q] for q in found) and not _provisions(body, new):
            continue  # set among paragraphs of another series: a list or a quotation inside them
        if _follows_found(body, first, done, found, pos_of):
            continue  # a list set under a paragraph the segmenter read, just after it: that paragraph's parts
        if (r.style[0] == "(n)" or r.style[:2] == ("dec", 1)) \
                and sum(m.rest[:1].islower() for m in new) >= 0.5 * len(new):
            continue  # "1. promotes ...", "2. details ...": a numbered list going on from its lead-in's sentence
        kept.append((r, new))
    starts = found | {m.pos for _, new in kept for m in new}
    extents = {m.pos: _extent(body, m, src_of(m), starts, pos_of, owner_of, set()) for _, new in kept for m in new}
    kept = [(r, new) for r, new in kept if not _titles([extents[m.pos] for m in new])]
    accepted = {m.pos: m for _, new in kept for m in new}
    if not accepted:
        return
    starts = found | set(accepted)
    new_paras: list[tuple[int, OpenParagraph]] = []
    cut_paras: dict[int, int] = {}  # done paragraph -> how many of its lines it keeps
    cut_blocks: dict[int, set[int]] = {}  # block -> Reading indexes taken from it
    for pos in sorted(accepted):
        lab = accepted[pos]
        taken = _take(body, done, lab, pos, src_of(lab), starts, pos_of, owner_of, cut_paras, cut_blocks)
        if taken is None:
            continue
        parent = _parent_of(lab, body, starts, owner_of, number_of, styles_of)
        number = f"{parent}({lab.label})" if parent else lab.label
        label, rest = lab.label, lab.rest
        sub = _parse(rest)
        if sub is not None and any(v == 1 and st[0] != lab.keys[0][0][0] for st, v in sub[2]):
            # "(2) (a) Recipients of ...": the number heads its first lettered paragraph, which is cited 2(a)
            parent, label, rest = number, sub[0], sub[1]
            number = f"{parent}({label})"
        number_of[pos] = parent if label != lab.label else number  # what a series further in hangs from
        section, heading = _section_at(done, pos, pos_of, sections, body)
        new_paras.append((pos, _new_paragraph(taken, number, rest, section, heading,
                                              label if parent else None, parent, body)))
    _insert(done, new_paras, cut_paras, cut_blocks, blocks, body, pos_of)


def _take(body: Body, done: list[OpenParagraph], lab: _Label, pos: int, src: list, starts: set[int],
          pos_of: dict[int, int], owner_of: dict[int, tuple], cut_paras: dict[int, int],
          cut_blocks: dict[int, set[int]]) -> Optional[list]:
    """The lines a new member at `pos` takes from the paragraph or block that held it, noting what that owner keeps
    (`cut_paras`: a paragraph's lines kept; `cut_blocks`: a block's lines given away); None where the paragraph
    cannot be cut (shared by the series pass here and the safety net of segment/recover.py)."""
    kind, k = lab.owner
    taken = _extent(body, lab, src, starts, pos_of, owner_of, set(cut_blocks))
    if kind == "p":
        if not _cuttable(done[k], body, pos_of):
            return None
        cut_paras[k] = min(cut_paras.get(k, len(src)), src.index(body[pos].index))
    else:
        for w in taken:
            cut_blocks.setdefault(owner_of[w.index][1], set()).add(w.index)
    return taken


def _new_paragraph(taken: list, number: str, rest: str, section, heading, label: Optional[str],
                   parent: Optional[str], body: Body) -> OpenParagraph:
    """A paragraph of the lines `taken` (its label's line first), numbered as a series member is."""
    ps = Paragraphs()
    ps.start(taken[0], number, rest, ParagraphKind.PARAGRAPH, section, heading, label=label, parent=parent)
    for w in taken[1:]:
        ps.add_line(w, body)
    ps.close()
    return ps.done[0]


def _insert(done: list[OpenParagraph], new_paras: list[tuple[int, OpenParagraph]], cut_paras: dict[int, int],
            cut_blocks: dict[int, set[int]], blocks: Blocks, body: Body, pos_of: dict[int, int]) -> None:
    """The new paragraphs put in reading order among the found ones, the paragraphs and blocks they were cut from
    shortened (shared by the series pass here and the safety net of segment/recover.py)."""
    if not new_paras:
        return
    for k, keep in cut_paras.items():
        _cut(done[k], keep, body, pos_of)
    _split_blocks(body, blocks, cut_blocks, pos_of)
    merged = [(pos_of.get(p.lines[0], -1) if p.lines else -1, p) for p in done] + new_paras
    merged.sort(key=lambda t: t[0])
    done[:] = [p for _, p in merged]


def _provisions(body: Body, new: list[_Label]) -> bool:
    """Five members or more, each a sentence of its own that a full stop ends before the next label: a by-law's
    provisions set under one of its sections ("(2) Election Signs shall not ...", "b) Outdoor Watering Ban: ...").
    A list inside a paragraph, or a quotation, completes the paragraph's sentence ("... shall—", "; and")."""
    if len(new) < 5 or sum(len(m.rest.split()) >= 6 for m in new) < 0.8 * len(new):
        return False  # (short items, "Create ATDIS specification.": a table's or a list's rows)
    for m, nxt in zip(new, new[1:]):
        last = body[nxt.pos - 1].text.rstrip()
        if not last.endswith((".", ".)", ".”", '."')) or m.rest[:1].islower():
            return False
    return not new[-1].rest[:1].islower()


def _follows_found(body: Body, lab: _Label, done: list[OpenParagraph], found: set[int],
                   pos_of: dict[int, int]) -> bool:
    """Does the run open within two lines after a found paragraph's last line, set further in than its label?"""
    ends = {pos_of[p.lines[-1]]: p for p in done if p.lines and p.lines[-1] in pos_of and p.lines[0] in pos_of}
    for q in range(lab.pos - 1, max(-1, lab.pos - 3), -1):
        p = ends.get(q)
        if p is not None:
            return body[pos_of[p.lines[0]]].line.x0 < lab.x - 3
    return False


def _opened_above(body: Body, lab: _Label, style: tuple, first: int) -> Optional[int]:
    """The line above where the member before the run's first starts, at its edge (a heading, a found paragraph)."""
    for q in range(lab.pos - 1, max(-1, lab.pos - 300), -1):
        w = body[q]
        if w.line.x0 > lab.x + _X_TOL:
            continue
        parsed = _parse(w.text)
        if parsed is None:
            continue
        if abs(w.line.x0 - lab.x) <= _X_TOL and (style, first - 1) in parsed[2]:
            return q
        inner = _parse(parsed[1])  # "(2) (a) Recipients ...": the first member opens its parent's line
        if inner is not None and (style, first - 1) in inner[2]:
            return q
    return None


def _own_number(p: OpenParagraph, body: Body, pos_of: dict[int, int]) -> Optional[str]:
    """A found paragraph's decimal number as printed at its start ("4.2"), if it has one."""
    if not p.lines or p.lines[0] not in pos_of:
        return None
    m = _LABEL.match(body[pos_of[p.lines[0]]].text.strip())
    return m.group("dec") if m and m.group("dec") else None


def _child_style(style: tuple, own: Optional[str]) -> bool:
    """Is `style` the decimal series one level under the number `own` ("4.2.1", "4.2.2" under "4.2")?"""
    return own is not None and style[0] == "dec" and style[2] == own and style[1] == own.count(".") + 2


def _styles(p: OpenParagraph, body: Body, pos_of: dict[int, int]) -> set:
    """The numbering styles a found paragraph's own label may be read in."""
    if not p.lines or p.lines[0] not in pos_of:
        return set()
    parsed = _parse(body[pos_of[p.lines[0]]].text)
    return {st for st, _ in parsed[2]} if parsed else set()


def _ends_before(body: Body, last: WorkLine, w: WorkLine, label_x: float, hang: Optional[float]) -> bool:
    """Does line `w` end the recovered paragraph: left of its label, out of its hanging indent, or a heading?"""
    x = w.line.x0
    ended = bool(SENTENCE_END.search(last.text.rstrip())) or not body.full_line(last.line)
    if x < label_x - 3:
        # left of the label: the paragraph's own lines where its label is indented as a first line is (the line
        # before ran on to the margin mid-sentence, or the lines before already stood there); else what follows it
        if hang is None:
            return ended
        if x < hang - 3:
            return True
    elif hang is not None and hang > label_x + 4 and x < hang - 3:
        return True  # the paragraph hangs its lines under its text: a line back at the label's edge is no part
    return ended and x <= label_x + 2 and not body.full_line(w.line) and len(w.text.split()) <= 12 \
        and not w.text[:1].islower()


def _parent_of(lab: _Label, body: Body, starts: set[int], owner: dict[int, tuple], number_of: dict[int, str],
               styles_of: dict[int, set]) -> Optional[str]:
    """A letter or roman series under a paragraph (or a numbered heading) set further left hangs from it
    (`0.2.1(a)`); its siblings and their own series stand at its edge or further in."""
    if not any(st[0] in ("alpha", "roman", "CAP") for st, _ in lab.keys):
        return None
    mine = {st for st, _ in lab.keys}
    for q in range(lab.pos - 1, max(-1, lab.pos - 300), -1):
        w = body[q]
        if w.line.x0 >= lab.x - 3 or (q not in starts and w.index in owner):
            continue
        if q in starts:
            if not styles_of.get(q, set()) & mine:
                return number_of.get(q)
            continue
        parsed = _parse(w.text)  # a numbered heading the segmenter read as one
        if parsed is not None and not {st for st, _ in parsed[2]} & mine:
            return parsed[0]
    return None


def _section_at(done: list[OpenParagraph], pos: int, pos_of: dict[int, int], sections: list[Section],
                body: Body) -> tuple[Optional[str], Optional[str]]:
    """The section in force at a recovered start: the last paragraph's before it, unless a heading came between."""
    prev = None
    for p in done:
        if p.lines and pos_of.get(p.lines[0], -1) < pos:
            prev = p
    page = body[pos].line.page
    later = [s for s in sections if (prev is None or s.page > prev.page_end) and s.page <= page]
    if later:
        return later[-1].number, later[-1].heading
    if prev is not None:
        return prev.section, prev.heading
    return None, None


def _strings(p: OpenParagraph) -> list[str]:
    return [t for piece in p.pieces for t in piece] + list(p.tail)


def _cuttable(p: OpenParagraph, body: Body, pos_of: dict[int, int]) -> bool:
    """Can the paragraph be cut by line: one string per line after its first (the way `Paragraphs` gathers)?"""
    n = len(_strings(p))
    return n in (len(p.lines), len(p.lines) - 1) and not p.changes


def _cut(p: OpenParagraph, keep: int, body: Body, pos_of: dict[int, int]) -> None:
    """Keep the paragraph's first `keep` lines (its label line and the lines that follow it)."""
    n = len(_strings(p))
    keep_strings = keep - (len(p.lines) - n)
    pieces, left = [], keep_strings
    for piece in p.pieces:
        pieces.append(piece[:max(left, 0)])
        left -= len(piece)
    tail = p.tail[:max(left, 0)]
    while len(pieces) > 1 and not pieces[-1]:
        pieces.pop()
        p.part_kinds = p.part_kinds[:len(pieces) - 1]
    p.pieces, p.tail = pieces, tail
    p.lines = p.lines[:keep]
    p.read_lines = p.read_lines[:keep]
    p.page_end = max([p.page] + [body[pos_of[i]].line.page for i in p.lines if i in pos_of])


def _split_blocks(body: Body, blocks: Blocks, cut: dict[int, set[int]], pos_of: dict[int, int]) -> None:
    """Blocks that lent lines to recovered paragraphs keep the rest, split where the paragraphs stood."""
    if not cut:
        return
    done, tops, indexes = [], [], {}
    for k, b in enumerate(blocks.done):
        if k not in cut:
            if k in blocks.indexes:
                indexes[len(done)] = blocks.indexes[k]
            done.append(b)
            tops.append(blocks.tops[k] if k < len(blocks.tops) else (b.page, 0.0))
            continue
        group: list[int] = []
        for i in blocks.indexes[k] + [None]:  # type: ignore[operator]
            if i is None or i in cut[k]:
                if group:
                    ws = [body[pos_of[j]] for j in group]
                    texts = [w.label.rest if w.label is not None and w.label.kind == "bullet" else w.text for w in ws]
                    text = join_lines(texts, body.vocab)
                    indexes[len(done)] = group
                    done.append(Block(text=text, page=ws[0].line.page,
                                      changes=place_changes([w.line for w in ws], text)))
                    tops.append((ws[0].line.page, ws[0].line.top))
                group = []
            else:
                group.append(i)
    blocks.done[:], blocks.tops[:] = done, tops
    blocks.indexes = indexes
