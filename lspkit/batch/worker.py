"""The per-file work of a batch: what a pool process, a Dask worker or a Spark task calls.

`tag_file(path, options)` is a plain module-level function of picklable
arguments returning a picklable `FileResult`, so any engine that can ship a
function to a worker can run it.  It never raises for a bad file: every
problem becomes an error result, so one hostile PDF cannot stop a batch.
The taxonomy and the spaCy tagger are built once per process and reused.
"""
from __future__ import annotations

import os
import pickle
import time
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import Any, Optional

from .. import pipeline
from ..infra.cache import Cache, file_sha256, make_key
from ..infra.errors import LspkitError
from ..results import STATUS_NO_PARAGRAPHS, STATUS_OK, FileResult


@dataclass(frozen=True)
class TagOptions:
    """Everything a worker needs to tag one file; plain values so it pickles."""

    themes: Optional[str] = None  # taxonomy YAML path; None is the shipped default
    model: Optional[str] = None  # a spaCy pipeline name, None for spacy.blank("en")
    pages: Optional[tuple[int, ...]] = None
    password: Optional[str] = None
    max_pages: Optional[int] = None
    min_score: Optional[float] = None  # None: the taxonomy's own threshold
    explain: bool = False
    cache_dir: Optional[str] = None  # None: lspkit.infra.cache.default_cache_dir()
    use_cache: bool = True
    reader: str = "pdfium"  # the PDF engine (lspkit.read.READERS)
    ocr: str = "auto"  # scanned pages read by OCR (lspkit.read.ocr.MODES)

    def extract_options(self) -> dict[str, Any]:
        options = {"pages": self.pages, "password": self.password, "max_pages": self.max_pages}
        if self.reader != "pdfium":  # the default reader's keys are those from before --reader
            options["reader"] = self.reader
        if self.ocr != "auto":
            options["ocr"] = self.ocr
        return options


# ---------------------------------------------------------------- per-process state


# Taxonomies handed over by the batch parent, which has parsed the YAML already (`preload(options, taxonomy)`):
# a worker then starts without parsing it again (a fifth of a second of every batch's start-up).
_SEEDED: dict[Optional[str], Any] = {}


def _taxonomy(themes: Optional[str]):
    seeded = _SEEDED.get(themes)
    return seeded if seeded is not None else _load_taxonomy(themes)


@lru_cache(maxsize=8)
def _load_taxonomy(themes: Optional[str]):
    from ..nlp.taxonomy import load_taxonomy

    return load_taxonomy(themes)


def _tagger(options: TagOptions):
    from ..nlp.tagger import get_tagger  # cached per process by the tagger module

    return get_tagger(_taxonomy(options.themes), model=options.model)


def preload(options: TagOptions, taxonomy=None) -> None:
    """Build the taxonomy and spaCy pipeline now, once per worker, not on the first file.

    `taxonomy`: `options.themes` as the parent loaded it, used instead of reading the file again.
    A failure here is not fatal: the same error then comes back as each file's
    error record (the CLI has already validated the taxonomy in the parent).
    """
    if taxonomy is not None:
        _SEEDED[options.themes] = taxonomy
    try:
        _tagger(options)
        from .. import read, segment  # noqa: F401  (extraction's imports, before the first file's clock
    except Exception:  # noqa: BLE001
        pass


# ---------------------------------------------------------------- the work


def _records(tagged, explain: bool) -> tuple[dict, ...]:
    return tuple(tagged.records(explain=explain))


def _status(records) -> str:
    """A file read without trouble but without one numbered paragraph says so (and the batch warns)."""
    return STATUS_OK if records else STATUS_NO_PARAGRAPHS


def _counts(records, names) -> dict[str, int]:
    counts = {name: 0 for name in names}
    for record in records:
        for theme in record.get("themes") or ():
            name = theme if isinstance(theme, str) else theme.get("name")
            counts[name] = counts.get(name, 0) + 1
    return counts


@lru_cache(maxsize=8)
def _model_stamp(model: Optional[str]) -> Optional[list]:
    """A trained model directory's files with sizes and times, so retraining in place invalidates the cache."""
    if not model or not os.path.isdir(model):
        return None
    stamp = []
    for root, _dirs, files in os.walk(model):
        for name in sorted(files):
            path = os.path.join(root, name)
            try:
                st = os.stat(path)
            except OSError:
                continue
            stamp.append([os.path.relpath(path, model), st.st_size, st.st_mtime_ns])
    return sorted(stamp)


def _keys(sha256: str, options: TagOptions, taxonomy) -> tuple[str, str]:
    """Cache keys: extraction's is the pipeline's (the bytes and extract options); tags also on taxonomy and model."""
    extract_key = pipeline.extract_key(sha256, **options.extract_options())
    model = [options.model, _model_stamp(options.model)] if options.model else None
    tags_key = make_key("tags", extract_key, taxonomy.fingerprint, model, options.min_score, options.explain)
    return extract_key, tags_key


def cached_result(path: str, sha256: str, options: TagOptions) -> Optional[FileResult]:
    """The file's result from the tags cache, or None; imports neither spaCy nor pdfplumber.

    The batch parent calls this first, so a re-run over a cached archive
    starts no worker at all.
    """
    if not options.use_cache:
        return None
    taxonomy = _taxonomy(options.themes)
    hit = Cache(options.cache_dir).get("tags", _keys(sha256, options, taxonomy)[1])
    if isinstance(hit, dict) and hit.get("error") in CACHED_ERRORS:
        return FileResult.failure(path, sha256, hit["error"], str(hit.get("message", "")))
    if not (isinstance(hit, dict) and isinstance(hit.get("records"), list)):
        return None
    records = tuple({**r, "file": path} for r in hit["records"])
    return FileResult(
        file=path,
        sha256=sha256,
        status=_status(records),
        pages=hit.get("pages", 0),
        records=records,
        theme_counts=_counts(records, taxonomy.names),
        warnings=tuple(hit.get("warnings", ())),
        cached="tags",
    )


def _tag(path: str, sha256: str, options: TagOptions, extracted=None) -> FileResult:
    cache = Cache(options.cache_dir, enabled=options.use_cache)
    taxonomy = _taxonomy(options.themes)
    tags_key = _keys(sha256, options, taxonomy)[1]
    done = cached_result(path, sha256, options)
    if done is not None:
        return done
    if extracted is not None:  # read by the batch's prefetcher (lspkit.batch.prefetch), cache entry included
        document, hit = extracted
    else:
        document, hit = pipeline.extract_cached(path, sha256=sha256, cache=cache, **options.extract_options())
    tagged = pipeline.tag(document, taxonomy, model=options.model, min_score=options.min_score)
    records = _records(tagged, options.explain)
    pages = document.source.pages
    cache.put("tags", tags_key, {"pages": pages, "records": list(records), "warnings": list(document.warnings)})
    return FileResult(
        file=path,
        sha256=sha256,
        status=_status(records),
        pages=pages,
        records=records,
        theme_counts=_counts(records, taxonomy.names),
        warnings=tuple(document.warnings),
        cached="extract" if hit else "",
    )


# Failures that depend only on the bytes (and extract options, in the key) are cached
# too, so a re-run does not parse a known-bad PDF again; limits and crashes are not.
CACHED_ERRORS = ("invalid", "no-text", "encrypted")


def _remember_failure(path: str, sha256: Optional[str], exc: LspkitError, options: TagOptions) -> None:
    if sha256 is None or exc.kind not in CACHED_ERRORS or not options.use_cache:
        return
    try:
        tags_key = _keys(sha256, options, _taxonomy(options.themes))[1]
    except Exception:  # noqa: BLE001 - no taxonomy, nothing to key on
        return
    Cache(options.cache_dir).put("tags", tags_key, {"error": exc.kind, "message": exc.problem})


def tag_file(
    path: str, options: Optional[TagOptions] = None, sha256: Optional[str] = None, prefetched: Optional[bytes] = None
) -> FileResult:
    """Tag one file; every problem with the file comes back as an error result, never raised.

    `sha256` saves re-hashing when the caller already has it.  Safe to call
    from any process or thread; picklable for Dask, Spark, Ray or multiprocessing.
    `prefetched`: the file's extraction done already by the batch's prefetcher, pickled
    (Document, served from cache, seconds it took), with the same sha256 and options.
    """
    options = options or TagOptions()
    start = time.perf_counter()
    extracted = None
    if prefetched is not None:
        document, hit, read_seconds = pickle.loads(prefetched)
        extracted = (document, hit)
        start -= read_seconds  # the file's seconds include its reading, wherever it was done
    try:
        if sha256 is None:
            sha256 = file_sha256(path)
        result = _tag(path, sha256, options, extracted)
        return replace(result, seconds=time.perf_counter() - start)
    except LspkitError as exc:
        _remember_failure(path, sha256, exc, options)
        return FileResult.failure(path, sha256, exc.kind, exc.problem, time.perf_counter() - start)
    except MemoryError:
        return FileResult.failure(path, sha256, "limit", "out of memory", time.perf_counter() - start)
    except IsADirectoryError:
        return FileResult.failure(path, sha256, "missing", "is a directory", time.perf_counter() - start)
    except FileNotFoundError:
        return FileResult.failure(path, sha256, "missing", "no such file", time.perf_counter() - start)
    except OSError as exc:
        return FileResult.failure(path, sha256, "missing", f"cannot read: {exc.strerror or exc}", time.perf_counter() - start)
    except RecursionError:
        return FileResult.failure(path, sha256, "invalid", "structure nested too deeply", time.perf_counter() - start)
    except Exception as exc:  # noqa: BLE001 - a bug on one file must not stop the batch
        problem = f"internal error: {type(exc).__name__}: {exc}"
        if os.environ.get("LSPKIT_DEBUG"):
            import traceback

            problem += "\n" + traceback.format_exc()
        return FileResult.failure(path, sha256, "internal", problem, time.perf_counter() - start)
