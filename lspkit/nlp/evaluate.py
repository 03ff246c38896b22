"""Measure a tagger against hand-labelled paragraphs: per-theme P/R/F1, micro, macro, confusions.

Gold is JSONL, one paragraph a line: {"text": ..., "themes": [...]} or
{"file": ..., "number": ..., "themes": [...]}, optionally with "heading" (the
section heading, which the tagger uses as a prior), "id", "doc" (the
document: cross-validation folds never split one; defaults to "file") and
"publisher" (the file is read with
`lspkit.api.extract`, relative to the gold file's directory).  When both text
and file are given the text wins, so a gold set does not drift with the
extractor.  Paragraphs of one file are tagged together, so an acronym defined
in one counts in the others, as in `lspkit tag`.
"""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Optional, Sequence

from ..infra.errors import InputInvalidError, InputMissingError
from .taxonomy import Taxonomy


@dataclass(frozen=True)
class GoldItem:
    key: str  # "file#number" or "line N"
    group: str  # paragraphs of one document share a glossary
    text: str
    themes: frozenset[str]
    heading: Optional[str] = None  # the section heading, a prior for the tagger as in `lspkit tag`
    publisher: str = ""  # who published the document ("" when the gold file does not say)


@dataclass(frozen=True)
class ThemeScore:
    theme: str
    tp: int
    fp: int
    fn: int

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else (1.0 if not self.fn else 0.0)

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def support(self) -> int:
        return self.tp + self.fn

    def to_dict(self) -> dict[str, Any]:
        return {
            "theme": self.theme,
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "f1": round(self.f1, 4),
            "support": self.support,
            "tp": self.tp,
            "fp": self.fp,
            "fn": self.fn,
        }


@dataclass(frozen=True)
class EvalReport:
    name: str
    themes: tuple[ThemeScore, ...]
    paragraphs: int
    exact: int  # paragraphs whose predicted set equals the gold set
    confusions: tuple[tuple[str, str, int], ...] = ()  # (gold, predicted, count); "none" for no theme
    errors: tuple[dict[str, Any], ...] = field(default=(), compare=False)

    @property
    def micro(self) -> ThemeScore:
        return ThemeScore("micro", sum(t.tp for t in self.themes), sum(t.fp for t in self.themes), sum(t.fn for t in self.themes))

    @property
    def macro_f1(self) -> float:
        return sum(t.f1 for t in self.themes) / len(self.themes) if self.themes else 0.0

    @property
    def macro_precision(self) -> float:
        return sum(t.precision for t in self.themes) / len(self.themes) if self.themes else 0.0

    @property
    def macro_recall(self) -> float:
        return sum(t.recall for t in self.themes) / len(self.themes) if self.themes else 0.0

    def to_dict(self) -> dict[str, Any]:
        m = self.micro
        return {
            "name": self.name,
            "paragraphs": self.paragraphs,
            "exact_match": round(self.exact / self.paragraphs, 4) if self.paragraphs else 0.0,
            "themes": [t.to_dict() for t in self.themes],
            "micro": {"precision": round(m.precision, 4), "recall": round(m.recall, 4), "f1": round(m.f1, 4)},
            "macro": {
                "precision": round(self.macro_precision, 4),
                "recall": round(self.macro_recall, 4),
                "f1": round(self.macro_f1, 4),
            },
            "confusions": [{"gold": g, "predicted": p, "count": n} for g, p, n in self.confusions],
            "errors": list(self.errors),
        }


# ---------------------------------------------------------------- gold


def load_gold(path: str, taxonomy: Optional[Taxonomy] = None, *, extract: Callable[[str], Any]) -> list[GoldItem]:
    """The labelled paragraphs of a gold JSONL file; `extract` reads the papers a record names by file and number.

    The caller (`lspkit.pipeline.load_gold`) supplies the reader, so evaluation never reaches back up the pipeline.
    """
    p = Path(path)
    if not p.is_file():
        raise InputMissingError("no such gold file", path)
    names = set(taxonomy.names) if taxonomy else None
    items: list[GoldItem] = []
    documents: dict[str, Any] = {}
    with p.open(encoding="utf-8") as fh:
        for lineno, line in enumerate(fh, 1):
            if not line.strip():
                continue
            try:
                rec = json.loads(line)
            except json.JSONDecodeError as exc:
                raise InputInvalidError(f"line {lineno}: not JSON ({exc.msg})", path) from None
            if not isinstance(rec, dict):
                raise InputInvalidError(f"line {lineno}: expected an object", path)
            themes = rec.get("themes")
            if not isinstance(themes, list) or not all(isinstance(t, str) for t in themes):
                raise InputInvalidError(f"line {lineno}: 'themes' must be a list of theme names", path)
            if names is not None:
                unknown = [t for t in themes if t not in names]
                if unknown:
                    raise InputInvalidError(f"line {lineno}: unknown theme {unknown[0]!r} (taxonomy has {', '.join(sorted(names))})", path)
            file, number, text = rec.get("file"), rec.get("number"), rec.get("text")
            if text is None:
                if not file or number is None:
                    raise InputInvalidError(f"line {lineno}: needs 'text' or 'file' and 'number'", path)
                text = _paragraph_text(p.parent, str(file), str(number), documents, path, lineno, extract)
            if not isinstance(text, str):
                raise InputInvalidError(f"line {lineno}: 'text' must be a string", path)
            key = str(rec["id"]) if rec.get("id") is not None else (f"{file}#{number}" if file else f"line {lineno}")
            heading = rec.get("heading")
            if heading is not None and not isinstance(heading, str):
                raise InputInvalidError(f"line {lineno}: 'heading' must be a string", path)
            doc = rec.get("doc") or file  # the document: folds never split one
            publisher = rec.get("publisher") or ""
            if not isinstance(doc, (str, type(None))) or not isinstance(publisher, str):
                raise InputInvalidError(f"line {lineno}: 'doc' and 'publisher' must be strings", path)
            items.append(GoldItem(key, str(doc) if doc else "", text, frozenset(themes), heading, publisher))
    if not items:
        raise InputInvalidError("the gold file has no labelled paragraphs", path)
    return items


def _paragraph_text(base: Path, file: str, number: str, documents: dict, gold: str, lineno: int, extract) -> str:
    target = (base / file) if not Path(file).is_absolute() else Path(file)
    if str(target) not in documents:
        if not target.exists():
            raise InputMissingError(f"line {lineno}: no such file {file}", gold)
        documents[str(target)] = extract(str(target))
    para = documents[str(target)].paragraph(number)
    if para is None:
        raise InputInvalidError(f"line {lineno}: {file} has no paragraph {number}", gold)
    return para.text


# ---------------------------------------------------------------- scoring


def score(name: str, names: Sequence[str], items: Sequence[GoldItem], predicted: Sequence[frozenset[str]]) -> EvalReport:
    counts = {n: [0, 0, 0] for n in names}
    confusions: dict[tuple[str, str], int] = {}
    exact = 0
    errors = []
    for item, pred in zip(items, predicted):
        gold = item.themes
        if pred == gold:
            exact += 1
        else:
            errors.append({"key": item.key, "gold": sorted(gold), "predicted": sorted(pred)})
        for n in names:
            if n in gold and n in pred:
                counts[n][0] += 1
            elif n in pred:
                counts[n][1] += 1
            elif n in gold:
                counts[n][2] += 1
        missed = sorted(gold - pred) or (["none"] if not gold and pred else [])
        extra = sorted(pred - gold) or (["none"] if not pred and gold else [])
        for g in missed:
            for x in extra:
                if g != x:
                    confusions[(g, x)] = confusions.get((g, x), 0) + 1
    themes = tuple(ThemeScore(n, *counts[n]) for n in names)
    conf = tuple(sorted(((g, p, c) for (g, p), c in confusions.items()), key=lambda x: (-x[2], x[0], x[1])))
    return EvalReport(name, themes, len(items), exact, conf, tuple(errors))


def predict_lexicon(items: Sequence[GoldItem], taxonomy: Taxonomy, model: Optional[str] = None, min_score: Optional[float] = None):
    from .tagger import get_tagger

    tagger = get_tagger(taxonomy, model)
    out: dict[int, frozenset[str]] = {}
    groups: dict[str, list[int]] = {}
    for i, it in enumerate(items):
        groups.setdefault(it.group or f"#{i}", []).append(i)
    for idxs in groups.values():
        tags = tagger.tag_texts([(str(i), items[i].text, items[i].heading) for i in idxs], min_score=min_score)
        for i, t in zip(idxs, tags):
            out[i] = frozenset(h.theme for h in t.themes)
    return [out[i] for i in range(len(items))]


def evaluate(
    items: Sequence[GoldItem], taxonomy: Taxonomy, *, model: Optional[str] = None, min_score: Optional[float] = None
) -> EvalReport:
    from .tagger import get_tagger

    used = get_tagger(taxonomy, model).model
    name = f"{taxonomy.name}, " + (f"model {used}" if used else "lexicon alone")
    return score(name, taxonomy.names, items, predict_lexicon(items, taxonomy, model, min_score))
