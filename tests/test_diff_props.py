"""Property tests for `lspkit diff`: random edit scripts applied to a fixture-like paper are recovered.

The base document is the consultation fixture's own prose (its gold paragraphs),
cut into sections; edits are drawn by hypothesis and applied while every
paragraph keeps an identity, so the expected operation of every paragraph is
known independently of the aligner.
"""
from __future__ import annotations

import json
import random
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from lspkit.analyse.diff import ChangeKind, diff_documents
from lspkit.analyse.redline import RunOp, new_text, old_text, redline, tokenize
from lspkit.model import Document, Paragraph, ParagraphKind, Section, Source

DATA = Path(__file__).resolve().parent.parent / "data"

# Plain council vocabulary for inserted paragraphs and rewording: not the fixture's sentences,
# so an inserted paragraph is genuinely new text.
VOCAB = (
    "car parking charges town centre leisure review budget allotment licensing refuse collection "
    "recycling street lighting planning appeal conservation area footpath bus shelter grant tenant "
    "housing benefit council tax reserve audit committee contract procurement depot vehicle fleet "
    "cemetery market stall festival tourism visitor museum library swimming pool cycle route "
    "flood defence drainage highway verge hedge tree preservation order noise nuisance pest control"
).split()


def _base_texts() -> list[str]:
    gold = json.loads((DATA / "consultation-v1.gold.json").read_text(encoding="utf-8"))
    return [p["text"] for p in gold["paragraphs"] if p["kind"] == "paragraph"]


BASE = _base_texts()
HEADINGS = ["Introduction", "Role of partnerships", "Governance", "Accountability", "Capacity", "Next steps"]


class Item:
    """A paragraph with an identity that survives edits."""

    def __init__(self, ident, text, kind=ParagraphKind.PARAGRAPH, reworded=False):
        self.ident, self.text, self.kind, self.reworded = ident, text, kind, reworded


def _layout(n_sections: int, rng: random.Random) -> list[list[Item]]:
    texts = list(BASE)
    rng.shuffle(texts)
    sections: list[list[Item]] = [[] for _ in range(n_sections)]
    per = max(3, len(texts) // n_sections)
    k = 0
    for s in range(n_sections):
        for _ in range(per):
            if k < len(texts):
                sections[s].append(Item(("p", k), texts[k]))
                k += 1
        q = f"Question for section {s + 1}: do you agree with the approach to {HEADINGS[s].lower()} set out above?"
        sections[s].append(Item(("q", s), q, ParagraphKind.QUESTION))
    return sections


def _document(name: str, sections: list[list[Item]]) -> tuple[Document, dict]:
    """Number paragraphs by position (section.k) and questions globally (Qk), as papers do."""
    paragraphs = []
    where = {}
    q = 0
    for s, items in enumerate(sections):
        k = 0
        for it in items:
            if it.kind is ParagraphKind.QUESTION:
                q += 1
                number = f"Q{q}"
            else:
                k += 1
                number = f"{s + 1}.{k}"
            paragraphs.append(
                Paragraph(number=number, text=it.text, page=1, kind=it.kind, section=str(s + 1), heading=HEADINGS[s])
            )
            where[it.ident] = (number, s, it.text)
    doc = Document(
        source=Source(name, "", 1),
        sections=tuple(Section(str(s + 1), HEADINGS[s], 1) for s in range(len(sections))),
        paragraphs=tuple(paragraphs),
    )
    return doc, where


def _reword(text: str, rng: random.Random) -> str:
    words = text.split(" ")
    n = max(1, len(words) // 10)
    for i in rng.sample(range(len(words)), n):
        words[i] = rng.choice([w for w in VOCAB if w != words[i]])
    return " ".join(words)


def _fresh(rng: random.Random) -> str:
    return " ".join(rng.choice(VOCAB) for _ in range(rng.randint(12, 40))).capitalize() + "."


@st.composite
def edit_scripts(draw):
    seed = draw(st.integers(0, 2**32 - 1))
    n_sections = draw(st.integers(2, 5))
    ops = draw(st.lists(st.sampled_from(["insert", "delete", "move", "reword", "renumber"]), min_size=1, max_size=8))
    return seed, n_sections, ops


def _apply(seed: int, n_sections: int, ops: list[str]):
    rng = random.Random(seed)
    old_sections = _layout(n_sections, rng)
    new_sections = [list(items) for items in old_sections]
    touched: set = set()
    fresh = 0

    def pick(pred=lambda it: True):
        choices = [
            (s, k)
            for s, items in enumerate(new_sections)
            for k, it in enumerate(items)
            if it.ident not in touched and it.kind is ParagraphKind.PARAGRAPH and pred(it)
        ]
        return rng.choice(choices) if choices else None

    for op in ops:
        if op == "insert":
            s = rng.randrange(n_sections)
            fresh += 1
            item = Item(("new", fresh), _fresh(rng))
            touched.add(item.ident)
            new_sections[s].insert(rng.randint(0, len(new_sections[s]) - 1), item)
        elif op == "delete":
            at = pick()
            if at and sum(1 for it in new_sections[at[0]] if it.kind is ParagraphKind.PARAGRAPH) > 2:
                touched.add(new_sections[at[0]].pop(at[1]).ident)
        elif op == "move":
            at = pick()
            if at and sum(1 for it in new_sections[at[0]] if it.kind is ParagraphKind.PARAGRAPH) > 2:
                item = new_sections[at[0]].pop(at[1])
                touched.add(item.ident)
                dest = rng.choice([s for s in range(n_sections) if s != at[0]])
                new_sections[dest].insert(rng.randint(0, len(new_sections[dest]) - 1), item)
        elif op == "reword":
            at = pick()
            if at:
                item = new_sections[at[0]][at[1]]
                touched.add(item.ident)
                new_sections[at[0]][at[1]] = Item(item.ident, _reword(item.text, rng), item.kind, reworded=True)
        elif op == "renumber":
            # Two neighbours swap places: same texts, each under the other's number.
            at = pick()
            if at:
                s, k = at
                items = new_sections[s]
                if k + 1 < len(items) and items[k + 1].kind is ParagraphKind.PARAGRAPH and items[k + 1].ident not in touched:
                    touched.update({items[k].ident, items[k + 1].ident})
                    items[k], items[k + 1] = items[k + 1], items[k]
    old, old_where = _document("old", old_sections)
    new, new_where = _document("new", new_sections)
    expected = {}
    for ident, (number, s, text) in old_where.items():
        if ident not in new_where:
            expected[((number,), ())] = ChangeKind.DELETED
            continue
        n_number, n_s, n_text = new_where[ident]
        if n_s != s:
            kind = ChangeKind.MOVED
        elif n_text != text:
            kind = ChangeKind.MODIFIED
        elif n_number != number:
            kind = ChangeKind.RENUMBERED
        else:
            kind = ChangeKind.UNCHANGED
        expected[((number,), (n_number,))] = kind
    for ident, (number, _, _) in new_where.items():
        if ident not in old_where:
            expected[((), (number,))] = ChangeKind.ADDED
    return old, new, expected


def _ops(result) -> dict:
    return {(c.old, c.new): c.kind for c in result.changes}


def _covers_every_paragraph_once(result, old, new) -> None:
    olds = sorted(i for c in result.changes for i in c.old_index)
    news = sorted(j for c in result.changes for j in c.new_index)
    assert olds == list(range(len(old.paragraphs)))
    assert news == list(range(len(new.paragraphs)))


SETTINGS = settings(max_examples=int(__import__("os").environ.get("DIFF_EXAMPLES", "40")), deadline=None, suppress_health_check=[HealthCheck.too_slow])


@SETTINGS
@given(st.integers(0, 2**32 - 1), st.integers(2, 5))
def test_diff_of_a_document_with_itself_is_all_unchanged(seed, n_sections):
    doc, _ = _document("a", _layout(n_sections, random.Random(seed)))
    result = diff_documents(doc, doc)
    assert {c.kind for c in result.changes} == {ChangeKind.UNCHANGED}
    assert result.identical
    _covers_every_paragraph_once(result, doc, doc)


@SETTINGS
@given(edit_scripts())
def test_random_edit_scripts_are_recovered(script):
    old, new, expected = _apply(*script)
    result = diff_documents(old, new)
    _covers_every_paragraph_once(result, old, new)
    assert _ops(result) == expected


@SETTINGS
@given(edit_scripts())
def test_swapping_old_and_new_mirrors_the_operations(script):
    old, new, _ = _apply(*script)
    forward = diff_documents(old, new)
    backward = diff_documents(new, old)
    mirror = {
        ChangeKind.ADDED: ChangeKind.DELETED,
        ChangeKind.DELETED: ChangeKind.ADDED,
        ChangeKind.SPLIT: ChangeKind.MERGED,
        ChangeKind.MERGED: ChangeKind.SPLIT,
    }
    want = {(n, o): mirror.get(k, k) for (o, n), k in _ops(forward).items()}
    assert _ops(backward) == want


@st.composite
def split_merge_scripts(draw):
    return draw(st.integers(0, 2**32 - 1)), draw(st.integers(2, 4)), draw(st.booleans())


@SETTINGS
@given(split_merge_scripts())
def test_split_and_merge_are_found_and_mirror(script):
    seed, n_sections, merge = script
    rng = random.Random(seed)
    sections = _layout(n_sections, rng)
    s = rng.randrange(n_sections)
    paras = [k for k, it in enumerate(sections[s]) if it.kind is ParagraphKind.PARAGRAPH]
    splittable = [k for k in paras if ". " in sections[s][k].text]
    if not splittable:
        return
    k = rng.choice(splittable)
    sentences = sections[s][k].text.split(". ")
    cut = rng.randint(1, len(sentences) - 1)
    first = ". ".join(sentences[:cut]) + "."
    second = ". ".join(sentences[cut:])
    split_sections = [list(items) for items in sections]
    split_sections[s][k : k + 1] = [Item(("a",), first), Item(("b",), second)]
    old, _ = _document("old", sections)
    new, _ = _document("new", split_sections)
    if merge:
        old, new = new, old
    result = diff_documents(old, new)
    _covers_every_paragraph_once(result, old, new)
    kinds = [c.kind for c in result.changes if c.kind not in (ChangeKind.UNCHANGED, ChangeKind.RENUMBERED)]
    assert kinds == [ChangeKind.MERGED if merge else ChangeKind.SPLIT]
    number = f"{s + 1}.{paras.index(k) + 1}"
    other = f"{s + 1}.{paras.index(k) + 2}"
    change = next(c for c in result.changes if c.kind in (ChangeKind.SPLIT, ChangeKind.MERGED))
    pair = ((number,), (number, other))
    assert (change.old, change.new) == (pair[::-1] if merge else pair)


_TEXT = st.lists(st.sampled_from(list("abc XYZ,.;'-\n") + ["the ", "council ", "Partnership ", "é"]), max_size=40).map("".join)


def _solid(text: str) -> list[str]:
    return [t for t in tokenize(text) if not t.isspace()]


@settings(max_examples=150, deadline=None)
@given(_TEXT, _TEXT)
def test_redline_runs_rebuild_both_texts(a, b):
    runs = redline(a, b)
    # Equal runs carry the new version's text: whitespace (its kind, or whether there is any
    # between a word and a comma) is never a change, everything else is rebuilt exactly.
    assert _solid(old_text(runs)) == _solid(a)
    assert new_text(runs) == b
    # No two neighbouring runs of the same kind, and no empty runs.
    assert all(r.text for r in runs)
    assert all(x.op is not y.op for x, y in zip(runs, runs[1:]))


@settings(max_examples=100, deadline=None)
@given(_TEXT)
def test_redline_of_identical_texts_is_one_equal_run(a):
    runs = redline(a, a)
    assert all(r.op is RunOp.EQUAL for r in runs)
    assert new_text(runs) == a
