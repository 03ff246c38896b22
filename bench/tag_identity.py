"""Tagging output unchanged by a speed change: themes, scores, evidence and glossary, exactly.

    python bench/tag_identity.py --save /tmp/tags.json.gz      # before the change
    python bench/tag_identity.py --compare /tmp/tags.json.gz   # after: exit 1 on any difference

`--save` extracts every fixture (data/*.pdf) and every real paper present
(data/real/*.pdf), and stores each Document with its `tag -f json --explain`
output under the shipped model and under the lexicon alone (`--model none`),
plus the summary's JSON; and the labelled paragraphs (data/labels/gold.jsonl,
data/labels/real/paragraphs.jsonl, about 4,000, one document at a time)
with their `Tagger.tag_texts` themes, scores and evidence under both.  `--compare` tags the *stored* Documents again, so
a change to the PDF readers between the two runs does not count, and reports
every record that differs.  Extraction is not compared (bench/real.py and the
fixture tests do that).
"""
from __future__ import annotations

import argparse
import gzip
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

MODELS = (None, "none")


def pdfs() -> list[Path]:
    return sorted((ROOT / "data").glob("*.pdf")) + sorted((ROOT / "data" / "real").glob("*.pdf"))


def outputs(document) -> dict:
    from lspkit import api

    jobs = {f"tag:{model or 'default'}": (lambda m=model: api.tag(document, model=m).to_dict(explain=True)) for model in MODELS}
    jobs["summary"] = lambda: api.summarise(document).to_dict()
    out = {}
    for key, job in jobs.items():
        try:
            out[key] = json.loads(json.dumps(job()))  # tuples -> lists, as the JSON writer sees them
        except Exception as exc:  # noqa: BLE001 - a failure must stay the same failure
            out[key] = {"error": f"{type(exc).__name__}: {exc}"}
    return out


def label_groups() -> dict[str, list[tuple]]:
    """The labelled paragraphs (data/labels/), as (number, text, heading) items grouped by their document."""
    groups: dict[str, list[tuple]] = {}
    for line in (ROOT / "data" / "labels" / "gold.jsonl").read_text(encoding="utf-8").splitlines():
        if line.strip():
            r = json.loads(line)
            groups.setdefault(f"labels/gold:{r['file']}", []).append((r["number"], r["text"], r.get("heading")))
    for line in (ROOT / "data" / "labels" / "real" / "paragraphs.jsonl").read_text(encoding="utf-8").splitlines():
        if line.strip():
            r = json.loads(line)
            groups.setdefault(f"labels/real:{r['doc']}", []).append((r["id"], r["text"], None))
    return groups


def tag_items(items: list) -> dict:
    from lspkit.nlp.tagger import get_tagger

    out = {}
    for model in MODELS:
        tags = get_tagger(None, model).tag_texts(items)
        out[f"tag_texts:{model or 'default'}"] = [
            {"number": t.number, "themes": [h.to_dict() for h in t.themes], "scores": t.scores} for t in tags
        ]
    return json.loads(json.dumps(out))


def save(path: Path) -> None:
    from lspkit import api
    from lspkit.model import Document

    stored = {}
    for name, items in label_groups().items():
        stored[name] = {"items": items, "outputs": tag_items(items)}
    for pdf in pdfs():
        name = str(pdf.relative_to(ROOT))
        try:
            document = api.extract(str(pdf))
        except Exception as exc:  # noqa: BLE001 - a bench: note the file and go on
            print(f"{name}: not extracted ({exc})", file=sys.stderr)
            continue
        # tag what --compare will read back: JSON joins a surrogate pair a reader left split
        document = Document.from_dict(json.loads(json.dumps(document.to_dict())))
        stored[name] = {"document": document.to_dict(), "outputs": outputs(document)}
        print(f"{name}: {len(document.paragraphs)} paragraphs", file=sys.stderr)
    with gzip.open(path, "wt", encoding="utf-8") as f:
        json.dump(stored, f)  # ASCII: a reader may leave lone surrogates in a text
    print(f"saved {len(stored)} documents to {path}")


def first_difference(a, b, where: str = "") -> str:
    if type(a) is not type(b):
        return f"{where}: {a!r} != {b!r}"
    if isinstance(a, dict):
        for k in list(a) + [k for k in b if k not in a]:
            if k not in a or k not in b:
                return f"{where}.{k}: only on one side"
            d = first_difference(a[k], b[k], f"{where}.{k}")
            if d:
                return d
        if list(a) != list(b):
            return f"{where}: keys in another order"
        return ""
    if isinstance(a, list):
        if len(a) != len(b):
            return f"{where}: {len(a)} items != {len(b)}"
        for i, (x, y) in enumerate(zip(a, b)):
            d = first_difference(x, y, f"{where}[{i}]")
            if d:
                return d
        return ""
    return "" if a == b else f"{where}: {a!r} != {b!r}"


def compare(path: Path) -> int:
    from lspkit.model import Document

    with gzip.open(path, "rt", encoding="utf-8") as f:
        stored = json.load(f)
    bad = 0
    paragraphs = 0
    for name, entry in stored.items():
        if "items" in entry:
            paragraphs += len(entry["items"])
            now = tag_items([tuple(it) for it in entry["items"]])
        else:
            document = Document.from_dict(entry["document"])
            paragraphs += len(document.paragraphs)
            now = outputs(document)
        for key, before in entry["outputs"].items():
            d = first_difference(before, now[key], key)
            if d:
                bad += 1
                print(f"DIFFERENT {name} {d}")
    print(f"{len(stored)} documents or label groups, {paragraphs} paragraphs, {len(MODELS)} models + summary: {bad} outputs differ")
    return 1 if bad else 0


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    group = ap.add_mutually_exclusive_group(required=True)
    group.add_argument("--save", type=Path)
    group.add_argument("--compare", type=Path)
    args = ap.parse_args()
    if args.save:
        save(args.save)
    else:
        sys.exit(compare(args.compare))


if __name__ == "__main__":
    main()
