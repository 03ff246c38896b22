"""Build the spaCy pipeline once per process: blank("en") with stems as NORM + acronyms + themes.

    nlp = get_pipeline(load_taxonomy())
    for doc, number in nlp.pipe(((text, n) for n, text in pairs), as_tuples=True):
        doc.cats, doc._.theme_hits, doc.spans["acronyms"]

The theme scores combine the weighted lexicon with a trained linear model
(lspkit.nlp.linear): by default the model shipped in the package
(lspkit/models/themes/, trained by `lspkit train` on data/labels/union/),
used when the taxonomy is the one it was trained for; `model=DIR` a model
saved by `lspkit train`; `model="none"` the lexicon alone.  Only local files
are read; nothing is downloaded.
"""
from __future__ import annotations

from pathlib import Path
from typing import Optional

from ..infra.errors import ConfigError
from .taxonomy import Taxonomy, load_taxonomy
from .matching import stem

MAX_CHARS = 1_000_000  # longer paragraph texts are truncated by the tagger, with a warning

_PIPELINES: dict[tuple[str, str, Optional[str]], object] = {}


def use_stems(vocab) -> None:
    """Make the stem (matching.stem) every lexeme's NORM, so PhraseMatcher(attr="NORM") is inflection-blind.

    spaCy's own way: the vocabulary's lexical attribute getter for NORM runs
    once when a word is first seen, so a token costs nothing; lexemes the
    vocabulary already holds (the tokenizer's exceptions) are set here.
    Tokens that carry their own norm (tokenizer exceptions such as "n't")
    keep it.
    """
    from spacy.attrs import NORM

    vocab.lex_attr_getters[NORM] = stem
    for lex in vocab:
        lex.norm_ = stem(lex.orth_)


def stemmed_blank():
    """spacy.blank("en") whose NORM is the stem: the tagger's tokens and norms, without its components."""
    import spacy

    nlp = spacy.blank("en")
    use_stems(nlp.vocab)
    return nlp


_SPARE: list = []  # stemmed blanks made ahead by `warm`, each taken by one build_pipeline


def warm(shipped_model: bool = True) -> None:
    """Do now the part of a first `build_pipeline` that does not depend on the taxonomy: one stemmed blank
    (most of a build: spaCy's English tokenizer and vocabulary) kept for the next build, and the shipped model
    read.  The batch workers' forkserver calls it, so every worker it forks has them already, shared
    copy-on-write, instead of each making its own.  A blank not yet used is the same as a fresh one."""
    if not _SPARE:
        _SPARE.append(stemmed_blank())
    if shipped_model and (shipped_model_dir() / "lspkit-model.json").is_file():
        _load_linear(str(shipped_model_dir()))


def register_components() -> None:
    """Register the factories and extensions (safe to call repeatedly)."""
    from . import acronyms, themes

    acronyms._register()
    themes._register()


SHIPPED_MODEL = "lspkit:themes"  # the model in the package (lspkit/models/themes/)
NO_MODEL = ("none", "lexicon")  # --model none: the weighted lexicon alone


def shipped_model_dir() -> Path:
    from importlib.resources import files

    return Path(str(files("lspkit") / "models" / "themes"))


_MODELS: dict[str, object] = {}


def _load_linear(path: str):
    from .linear import load_model_dir

    key = str(Path(path).resolve())
    if key not in _MODELS:
        _MODELS[key] = load_model_dir(path)
    return _MODELS[key]


def resolve_model(taxonomy: Taxonomy, model: Optional[str]):
    """(name, LinearModel or None) for a --model value.

    None: the shipped model when it was trained for this taxonomy's themes
    (the default taxonomy), else the lexicon alone; "none": the lexicon
    alone; a directory: a model saved by `lspkit train`, whose labels must be
    the taxonomy's themes.
    """
    if model is not None and model.lower() in NO_MODEL:
        return None, None
    if model is None or model == SHIPPED_MODEL:
        path = shipped_model_dir()
        if not (path / "lspkit-model.json").is_file():
            if model == SHIPPED_MODEL:
                raise ConfigError("the shipped model is missing from this installation", str(path))
            return None, None
        linear = _load_linear(str(path))
        if model is None and (linear.taxonomy != taxonomy.name or set(linear.labels) != set(taxonomy.names)):
            return None, None  # another taxonomy: its own lexicon only
        return SHIPPED_MODEL, _check_labels(linear, taxonomy, str(path))
    path = Path(model)
    if path.is_dir() and (path / "config.cfg").is_file() and not (path / "lspkit-model.json").is_file():
        raise ConfigError("a spaCy pipeline from an older lspkit; retrain it with `lspkit train`", model)
    return str(path), _check_labels(_load_linear(model), taxonomy, model)


def _check_labels(linear, taxonomy: Taxonomy, where: str):
    missing = set(taxonomy.names) - set(linear.labels)
    if missing:
        raise ConfigError(
            f"the model was trained for themes {', '.join(sorted(linear.labels))}; the taxonomy also has {', '.join(sorted(missing))}", where
        )
    return linear


def get_pipeline(taxonomy: Optional[Taxonomy] = None, model: Optional[str] = None):
    """The cached pipeline for this taxonomy (and trained model, if any; see resolve_model)."""
    taxonomy = taxonomy if taxonomy is not None else load_taxonomy()
    model_key = str(Path(model).resolve()) if model and model.lower() not in NO_MODEL and model != SHIPPED_MODEL else model
    key = (taxonomy.fingerprint, taxonomy.source, model_key)
    if key not in _PIPELINES:
        _PIPELINES[key] = build_pipeline(taxonomy, model)
    return _PIPELINES[key]


def build_pipeline(taxonomy: Taxonomy, model: Optional[str] = None):
    """blank("en") with stems as NORM + lsp_acronyms + lsp_themes (with the trained model's weights, if any)."""
    register_components()
    name, linear = resolve_model(taxonomy, model)
    nlp = _SPARE.pop() if _SPARE else stemmed_blank()
    nlp.max_length = MAX_CHARS + 1
    nlp.add_pipe("lsp_acronyms", config={"known": dict(taxonomy.acronyms)})
    source = taxonomy.source if taxonomy.source not in ("default", "<string>") else None
    themes = nlp.add_pipe("lsp_themes", config={"taxonomy": source})
    themes.use(taxonomy, linear)
    nlp.meta["lspkit_model"] = name
    return nlp
