"""How long `lspkit diff` takes on two 1,000-paragraph documents, against a flat difflib diff.

The first document is generated (a word-bigram chain trained on the consultation
fixture's own prose, so paragraphs read like a paper and share its vocabulary);
the second is a seeded edit of it: rewordings, deletions, insertions, moves
across sections, splits and merges.  Both the paragraph diff (alignment +
redlines, no theme tagging) and `difflib.unified_diff` of the same texts (one
paragraph per line) run in the same process, and the ratio is printed.

A second case, "noisy", changes one word in *every* paragraph (as a re-typeset
or OCR'd copy would): no paragraph matches exactly, so all of them go through
the fuzzy matcher.  A last table doubles the size to show the growth is close
to linear rather than quadratic.

    python bench/bench_diff.py            # 1,000 paragraphs, seed 1
    python bench/bench_diff.py 2000 7     # size and seed
"""
from __future__ import annotations

import difflib
import json
import random
import statistics
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from lspkit.analyse.diff import _refs, diff_documents  # noqa: E402
from lspkit.model import Document, Paragraph, Section, Source  # noqa: E402


def _chain() -> dict[str, list[str]]:
    texts = []
    for name in ("consultation-v1.gold.json", "head-of-policy-report.gold.json"):
        path = ROOT / "data" / name
        if path.exists():
            texts += [p["text"] for p in json.loads(path.read_text(encoding="utf-8")).get("paragraphs", [])]
    chain: dict[str, list[str]] = {}
    for text in texts:
        words = ["<s>"] + text.split() + ["</s>"]
        for a, b in zip(words, words[1:]):
            chain.setdefault(a, []).append(b)
    return chain


def _sentence(chain, rng: random.Random) -> str:
    out, word = [], "<s>"
    while len(out) < 45:
        word = rng.choice(chain.get(word, ["</s>"]))
        if word == "</s>":
            if len(out) >= 8:
                break
            word = "<s>"
            continue
        out.append(word)
    text = " ".join(out)
    return text if text.endswith(".") else text + "."


def _paragraph(chain, rng) -> str:
    return " ".join(_sentence(chain, rng) for _ in range(rng.randint(1, 4)))


def _document(name: str, sections: list[list[str]]) -> Document:
    paragraphs = []
    for s, texts in enumerate(sections):
        for k, text in enumerate(texts):
            paragraphs.append(Paragraph(f"{s + 1}.{k + 1}", text, 1 + len(paragraphs) // 8, section=str(s + 1), heading=f"Section {s + 1}"))
    return Document(
        source=Source(name, "", 1 + len(paragraphs) // 8),
        sections=tuple(Section(str(s + 1), f"Section {s + 1}", 1) for s in range(len(sections))),
        paragraphs=tuple(paragraphs),
    )


def make_pair(n: int, seed: int, noisy: bool = False):
    rng = random.Random(seed)
    chain = _chain()
    per = 50
    old = [[_paragraph(chain, rng) for _ in range(per)] for _ in range(max(1, n // per))]
    new = [list(s) for s in old]
    script = Counter()
    vocab = sorted({w for s in old for t in s for w in t.split()})

    def reword(text: str, share: float) -> str:
        words = text.split()
        for i in rng.sample(range(len(words)), max(1, int(len(words) * share))):
            words[i] = rng.choice(vocab)
        return " ".join(words)

    for s in new:
        for k in range(len(s)):
            if noisy:
                s[k] = reword(s[k], 0.0)
                continue
            r = rng.random()
            if r < 0.05:
                s[k] = reword(s[k], 0.15)
                script["reword"] += 1
    if not noisy:
        for _ in range(n // 50):  # 2% deleted
            s = rng.choice(new)
            s.pop(rng.randrange(len(s)))
            script["delete"] += 1
        for _ in range(n // 50):  # 2% inserted
            s = rng.choice(new)
            s.insert(rng.randrange(len(s) + 1), _paragraph(chain, rng))
            script["insert"] += 1
        for _ in range(n // 100):  # 1% moved to another section
            a, b = rng.sample(range(len(new)), 2)
            new[b].insert(rng.randrange(len(new[b]) + 1), new[a].pop(rng.randrange(len(new[a]))))
            script["move"] += 1
        for _ in range(n // 200):  # 0.5% split at a sentence, 0.5% merged with the next
            s = rng.choice(new)
            k = rng.randrange(len(s))
            if ". " in s[k]:
                head, tail = s[k].split(". ", 1)
                s[k : k + 1] = [head + ".", tail]
                script["split"] += 1
            s = rng.choice(new)
            k = rng.randrange(len(s) - 1)
            s[k : k + 2] = [s[k] + " " + s[k + 1]]
            script["merge"] += 1
    return _document("old", old), _document("new", new), script


def _time(fn, repeat: int) -> float:
    runs = []
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        runs.append(time.perf_counter() - t)
    return statistics.median(runs)


def flat_difflib(old: Document, new: Document) -> int:
    return sum(1 for _ in difflib.unified_diff([p.text for p in old.paragraphs], [p.text for p in new.paragraphs], lineterm=""))


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 1000
    seed = int(sys.argv[2]) if len(sys.argv) > 2 else 1
    print(f"lspkit diff benchmark: {n} paragraphs, seed {seed} (median of 3 runs, one process, no theme tagging)")
    print(f"{'case':<10}{'paragraphs':>16}{'lspkit diff':>14}{'flat difflib':>14}{'ratio':>8}   ops found")
    for label, noisy in (("edited", False), ("noisy", True)):
        old, new, script = make_pair(n, seed, noisy)
        t_diff = _time(lambda: diff_documents(old, new), 3)
        t_flat = _time(lambda: flat_difflib(old, new), 3)
        ops = Counter(c.kind.value for c in diff_documents(old, new).changes)
        found = ", ".join(f"{v} {k}" for k, v in sorted(ops.items()) if k != "unchanged")
        sizes = f"{len(old.paragraphs)}/{len(new.paragraphs)}"
        print(f"{label:<10}{sizes:>16}{t_diff:>13.3f}s{t_flat:>13.3f}s{t_diff / t_flat:>7.1f}x   {found}")
        t_refs = _time(lambda: (_refs(old), _refs(new)), 1)
        print(f"{'':<10}of which finding cross-references in both versions (lspkit.analyse.xrefs): {t_refs:.3f}s")
        if script:
            print(f"{'':<10}seeded edits: " + ", ".join(f"{v} {k}" for k, v in sorted(script.items())))
    print()
    print("growth (noisy case, every paragraph through the fuzzy matcher):")
    previous = None
    for size in (n // 2, n, 2 * n, 4 * n):
        old, new, _ = make_pair(size, seed, noisy=True)
        t = _time(lambda: diff_documents(old, new), 1)
        matched = sum(1 for c in diff_documents(old, new).changes if c.old and c.new)
        note = f"  x{t / previous:.1f} for x2 paragraphs" if previous else ""
        print(f"  {len(old.paragraphs):>6} paragraphs: {t:7.3f}s  ({matched} matched){note}")
        previous = t


if __name__ == "__main__":
    main()
