"""Build the union of the theme-labelled sets: what `lspkit train` ships and `lspkit eval --cross-validate` measures.

    python3 data/labels/union/build.py          # rewrites gold.jsonl, annotator-a.jsonl, annotator-b.jsonl here
    python3 data/labels/union/build.py --check  # exit 1 if the committed files are not what the sources give

The sources are never edited; each record is copied byte for byte from its JSON line
(key order kept), with one field added, "set" (the directory it came from), so a
figure on the union can be split back by set.  SOURCES.tsv records every source
file with its SHA-256, its paragraphs and documents.  Ids and documents are
unique across the sets (checked here), so folds by document stay whole.
"""
from __future__ import annotations

import hashlib
import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
LABELS = HERE.parent
SETS = ("real", "unseen5", "unseen6", "unseen8", "unseen9", "unseen10", "unseen11", "unseen11b", "unseen13", "unseen14", "unseen15", "unseen16")  # data/labels/<set>/: the training corpus, then the rounds 5, 6, 8, 9, 10, 11, 11b, 13, 14, 15 and 16 checks once measured
FILES = ("gold.jsonl", "annotator-a.jsonl", "annotator-b.jsonl")


def build() -> dict[str, str]:
    out: dict[str, list[str]] = {f: [] for f in FILES}
    sources = ["set\tfile\tsha256\tparagraphs\tdocuments\tpublishers"]
    ids: dict[str, str] = {}
    docs: dict[str, str] = {}
    for s in SETS:
        for f in FILES:
            path = LABELS / s / f
            raw = path.read_bytes()
            recs = [json.loads(line) for line in raw.decode("utf-8").splitlines() if line.strip()]
            for rec in recs:
                rec["set"] = s
                out[f].append(json.dumps(rec, ensure_ascii=False))
                if f == "gold.jsonl":
                    if rec["id"] in ids:
                        raise SystemExit(f"build.py: id {rec['id']!r} in both {ids[rec['id']]} and {s}")
                    ids[rec["id"]] = s
                    if docs.setdefault(rec["doc"], s) != s:
                        raise SystemExit(f"build.py: document {rec['doc']!r} in both {docs[rec['doc']]} and {s}")
            n_docs = len({r.get("doc") for r in recs if "doc" in r}) or ""
            n_pubs = len({r.get("publisher") for r in recs if "publisher" in r}) or ""
            sources.append(f"{s}\tdata/labels/{s}/{f}\t{hashlib.sha256(raw).hexdigest()}\t{len(recs)}\t{n_docs}\t{n_pubs}")
    result = {f: "\n".join(lines) + "\n" for f, lines in out.items()}
    result["SOURCES.tsv"] = "\n".join(sources) + "\n"
    return result


def main(argv: list[str]) -> int:
    files = build()
    if "--check" in argv:
        stale = [f for f, text in files.items() if not (HERE / f).is_file() or (HERE / f).read_text(encoding="utf-8") != text]
        if stale:
            print(f"build.py: out of date: {', '.join(stale)} (run python3 data/labels/union/build.py)", file=sys.stderr)
            return 1
        return 0
    for f, text in files.items():
        (HERE / f).write_text(text, encoding="utf-8")
    gold = [json.loads(line) for line in files["gold.jsonl"].splitlines()]
    print(f"{len(gold)} paragraphs, {len({r['doc'] for r in gold})} documents, {len({r['publisher'] for r in gold})} publishers", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
