"""Build the spaCy pipeline once per process: blank("en") + normaliser + acronyms + themes.

    nlp = get_pipeline(load_taxonomy())
    for doc, number in nlp.pipe(((text, n) for n, text in pairs), as_tuples=True):
        doc.cats, doc._.theme_hits, doc.spans["themes"], doc.spans["acronyms"]

With `model=DIR` (a pipeline saved by `lspkit train`) the trained
`textcat_multilabel` supplies the scores and the lexicon the evidence.  Only
local directories are loaded; nothing is downloaded.
"""
from __future__ import annotations

from pathlib import Path
from typing import Optional

from ..infra.errors import ConfigError
from .taxonomy import Taxonomy, load_taxonomy
from .matching import stem

MAX_CHARS = 1_000_000  # longer paragraph texts are truncated by the tagger, with a warning

_PIPELINES: dict[tuple[str, str, Optional[str]], object] = {}


class Normaliser:
    """Gives every token the stem (matching.stem) as its NORM, so PhraseMatcher(attr="NORM") is inflection-blind.

    The stem is set on the lexeme, once per vocabulary entry: a token's norm
    falls back to its lexeme's, so no per-token Python work is needed for
    words seen before.  Tokens that carry their own norm (tokenizer
    exceptions such as "n't") are set individually.
    """

    def __init__(self):
        self._done: set[int] = set()

    def __call__(self, doc):
        return normalise(doc, self._done)


def normalise(doc, done: set[int] | None = None):
    import numpy
    from spacy.attrs import ORTH

    done = set() if done is None else done
    vocab = doc.vocab
    if len(doc):
        for orth in numpy.unique(doc.to_array(ORTH)).tolist():
            if orth not in done:
                lex = vocab[orth]
                lex.norm_ = stem(lex.orth_)
                done.add(orth)
    return doc


def register_components() -> None:
    """Register the factories and extensions (safe to call repeatedly)."""
    from spacy.language import Language

    from . import acronyms, themes

    acronyms._register()
    themes._register()
    if "lsp_normaliser" not in Language.factories:

        @Language.factory("lsp_normaliser", assigns=["token.norm"], default_config={})
        def make_normaliser(nlp, name: str):
            return Normaliser()


def get_pipeline(taxonomy: Optional[Taxonomy] = None, model: Optional[str] = None):
    """The cached pipeline for this taxonomy (and trained model directory, if any)."""
    taxonomy = taxonomy if taxonomy is not None else load_taxonomy()
    model_key = str(Path(model).resolve()) if model else None
    key = (taxonomy.fingerprint, taxonomy.source, model_key)
    if key not in _PIPELINES:
        _PIPELINES[key] = build_pipeline(taxonomy, model)
    return _PIPELINES[key]


def build_pipeline(taxonomy: Taxonomy, model: Optional[str] = None):
    import spacy

    register_components()
    if model:
        nlp = load_model(model, taxonomy)
        if "lsp_normaliser" not in nlp.pipe_names:
            nlp.add_pipe("lsp_normaliser", first=True)
    else:
        nlp = spacy.blank("en")
        nlp.add_pipe("lsp_normaliser")
    nlp.max_length = MAX_CHARS + 1
    nlp.add_pipe("lsp_acronyms", config={"known": dict(taxonomy.acronyms)})
    source = taxonomy.source if taxonomy.source not in ("default", "<string>") else None
    themes = nlp.add_pipe("lsp_themes", config={"use_cats": bool(model), "taxonomy": source})
    themes.use(taxonomy)
    return nlp


def load_model(model: str, taxonomy: Taxonomy):
    """A pipeline saved by `lspkit train`: a local directory, its labels the taxonomy's themes."""
    import spacy

    path = Path(model)
    if not path.is_dir() or not (path / "config.cfg").is_file():
        raise ConfigError("not a trained pipeline directory (expected config.cfg; make one with `lspkit train`)", model)
    try:
        nlp = spacy.load(path)
    except Exception as exc:  # spaCy raises many kinds for a damaged directory
        raise ConfigError(f"cannot load trained pipeline: {exc}", model) from None
    if "textcat_multilabel" not in nlp.pipe_names:
        raise ConfigError("the pipeline has no textcat_multilabel component", model)
    labels = set(nlp.get_pipe("textcat_multilabel").labels)
    missing = set(taxonomy.names) - labels
    if missing:
        raise ConfigError(
            f"the model was trained for themes {', '.join(sorted(labels))}; the taxonomy also has {', '.join(sorted(missing))}", model
        )
    return nlp
