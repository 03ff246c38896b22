"""The pipeline in one place: read -> segment -> tag -> analyse, each input hashed once.

Every command and every batch worker comes through here, so the stages never
call each other backwards: `nlp` and `analyse` take Documents and return
results; only this module reads files, keys the cache and decides what is
served from it.  An input's sha256 is computed once (or handed in by the
caller that already has it) and keys every artefact, each in one namespace:
`extract` (the Document), `tags` (a batch file's records, see
`lspkit.batch.worker`) and `summary`.  Options that only the reader cares
about (`**read_options`) pass through to `lspkit.read.read_lines` and into the
extraction key unchanged.
"""
from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import Any, Callable, Optional, Sequence

from .infra.cache import Cache, file_sha256, make_key
from .model import Document


# ---------------------------------------------------------------- read + segment


def extract(
    path: str,
    *,
    pages: Optional[Sequence[int]] = None,
    password: Optional[str] = None,
    max_pages: Optional[int] = None,
    sha256: Optional[str] = None,
    **read_options: Any,
) -> Document:
    """Read and segment `path` ("-" is standard input); `sha256`, when the caller has it, is not recomputed."""
    from .read import parallel, read_lines

    with parallel.meanwhile(_import_segmenter):  # imported while the page readers read a long PDF's first pages
        reading = read_lines(path, pages=pages, password=password, max_pages=max_pages, sha256=sha256, **read_options)
    from .segment import segment

    return titled(segment(reading))


def titled(document: Document) -> Document:
    """The Document with the one title every command reports: the summary's choice (`lspkit.analyse.title`).

    The segmenter's front matter (`lspkit.segment.matter`) records the title block it finds in the largest type
    on the front page; the title as a reader names the paper is chosen from that and from the rest of the
    Document (the cover's `Subject:` line, a minutes' opening line, a letter's subject under "Dear ...", the
    PDF's own title, ...) by `lspkit.analyse.title.find_title`.  That choice lives in `analyse` and is applied
    here, after segmenting and before anything is cached, so the stages keep their direction
    (docs/architecture.md: `segment` never imports `analyse`; only this module wires the stages together) and
    `extract`, `tag`, `summarise`, `diff` and the batch records all read the same `metadata.title` and
    `source.title`.  `lspkit.analyse.title.titled` says in which form it is applied (a title block's subtitle
    stays apart, as `subtitle`) and guarantees that `summarise` on the titled Document chooses it again.
    """
    from .analyse.title import titled as with_title

    return with_title(document)


def _import_segmenter() -> None:
    from . import segment  # noqa: F401
    from .analyse import title  # noqa: F401 - `titled`'s, after segmenting (18-30 ms of regexes on the critical path)


def extract_key(
    sha256: str,
    *,
    pages: Optional[Sequence[int]] = None,
    password: Optional[str] = None,
    max_pages: Optional[int] = None,
    **read_options: Any,
) -> str:
    """The extraction cache key: the bytes and every option that changes the Document, and the OCR engine that
    would read its scanned pages (a Document read before Tesseract was installed is not served after)."""
    options = {"pages": sorted(pages) if pages else None, "password": password, "max_pages": max_pages, **read_options}
    engine = ocr_engine(read_options.get("ocr", "auto"))
    if engine is not None:
        options["ocr_engine"] = engine
    return make_key("extract", sha256, options)


def ocr_engine(mode: str = "auto") -> Optional[str]:
    """The OCR engine a read in `mode` would use and its language ("tesseract 5.3.0 eng"), None when OCR is off or
    not installed."""
    if mode == "off":
        return None
    from .read.ocr import engine, language

    found = engine()
    return f"{found} {language()}" if found else None


def extract_cached(
    path: str,
    *,
    sha256: Optional[str],
    cache: Cache,
    pages: Optional[Sequence[int]] = None,
    password: Optional[str] = None,
    max_pages: Optional[int] = None,
    **read_options: Any,
) -> tuple[Document, bool]:
    """(Document, served from cache): the same content under another name reports the name asked for."""
    options = dict(pages=pages, password=password, max_pages=max_pages, **read_options)
    key = extract_key(sha256, **options) if sha256 and cache.enabled else None
    if key is not None:
        hit = cache.get("extract", key)
        if isinstance(hit, dict):
            try:
                document = Document.from_dict(hit)
                return replace(document, source=replace(document.source, path=path)), True
            except (KeyError, TypeError, ValueError):
                pass  # an entry from an incompatible build: re-read and overwrite
    document = extract(path, sha256=sha256, **options)
    if key is not None:
        cache.put("extract", key, document.to_dict())
    return document, False


def input_sha256(path: str) -> Optional[str]:
    """The file's sha256, or None for standard input or a file that cannot be read (the reader reports it)."""
    if path == "-":
        return None
    try:
        return file_sha256(path)
    except OSError:
        return None


# ---------------------------------------------------------------- tag


def tag(document: Document, taxonomy=None, *, model: Optional[str] = None, min_score: Optional[float] = None):
    """Themes with scores and evidence for every paragraph (see lspkit.nlp.tagger)."""
    from .nlp.tagger import tag_document

    return tag_document(document, taxonomy, model=model, min_score=min_score)


def tag_file(
    path: str,
    taxonomy=None,
    *,
    model: Optional[str] = None,
    min_score: Optional[float] = None,
    pages: Optional[Sequence[int]] = None,
    password: Optional[str] = None,
    max_pages: Optional[int] = None,
    **read_options: Any,
):
    """Extract one file and tag it, the reader's warnings first: what `lspkit tag FILE` does."""
    document = extract(path, pages=pages, password=password, max_pages=max_pages, **read_options)
    tagged = tag(document, taxonomy, model=model, min_score=min_score)
    if document.warnings:
        tagged = replace(tagged, warnings=tuple(document.warnings) + tagged.warnings)
    return tagged


# ---------------------------------------------------------------- diff


def diff_files(
    old: str,
    new: Optional[str],
    *,
    tracked: bool = False,
    password: Optional[str] = None,
    reader: str = "pdfium",
    ocr: str = "auto",
    themes: bool = True,
    taxonomy_path: Optional[str] = None,
    on_warning: Optional[Callable[[str], None]] = None,
    **options: Any,
):
    """Extract both versions, tag them (unless `themes` is False) and diff them (see lspkit.analyse.diff).

    `on_warning` receives each reader warning as "FILE: warning", in order.
    `tracked`: `old` is one tracked-changes PDF (`new` is None), diffed as its
    original text against its final text; otherwise an input that carries
    tracked changes is compared as its final text (and said so).
    """
    from .analyse.diff import diff_documents, diff_tracked, final_versions

    warn = on_warning or (lambda message: None)
    if ocr != "auto":
        reader_options: dict[str, Any] = {"reader": reader, "ocr": ocr}
    else:
        reader_options = {"reader": reader}
    if tracked:
        document = extract(old, password=password, **reader_options)
        for warning in document.warnings:
            warn(f"{old}: {warning}")
        return diff_tracked(document, **options)
    assert new is not None
    old_doc, old_unprinted, old_pages = _extract_for_diff(old, password=password, **reader_options)
    new_doc, new_unprinted, new_pages = _extract_for_diff(new, password=password, **reader_options)
    for name, document in ((old, old_doc), (new, new_doc)):
        for warning in document.warnings:
            warn(f"{name}: {warning}")
    old_doc, new_doc, notes = final_versions(old_doc, new_doc)
    for note in notes:
        warn(note)
    tagged_old = tagged_new = None
    if themes:
        from .nlp.taxonomy import load_taxonomy

        taxonomy = load_taxonomy(taxonomy_path)
        tagged_old = tag(old_doc, taxonomy)
        tagged_new = tag(new_doc, taxonomy)
    result = diff_documents(old_doc, new_doc, tagged_old=tagged_old, tagged_new=tagged_new,
                            unprinted=(old_unprinted, new_unprinted), pages=(old_pages, new_pages), **options)
    # the output says which input carried tracked changes, not only the warnings on stderr
    return replace(result, tracked="; ".join(notes)) if notes else result


def _extract_for_diff(path: str, **read_options: Any) -> tuple[Document, frozenset[str], str]:
    """The Document, its metadata keys that are only the file's document properties, not printed, and the text
    its pages print (every line, as read)."""
    from .analyse.diffparts import unprinted_fields, with_file_properties
    from .model import Metadata
    from .read import read_lines
    from .segment import segment

    reading = read_lines(path, **read_options)
    document = titled(segment(reading))
    printed = "\n".join(line.text for line in reading.lines)
    block = document.metadata.get("title_block")
    if isinstance(block, str) and " ".join(block.lower().split()) not in " ".join(printed.lower().split()):
        # the segmenter's title block was the file's Title property, printed nowhere: no cover field (the file's
        # own Title is compared as a property of the file)
        document = replace(document, metadata=Metadata({k: v for k, v in document.metadata.items()
                                                        if k != "title_block"}))
    document, own = with_file_properties(document, reading.metadata)
    return document, unprinted_fields(document.metadata, reading.metadata, printed) | own, printed


# ---------------------------------------------------------------- summarise


class SummaryJob:
    """One summarise request with its cache key, computed once (each input hashed once).

    `key` is None when the result must not be cached: standard input, a
    password (the cache must not hand out what a password protects) or a
    disabled cache.  The key is the content of both files, the taxonomy
    fingerprint, the page selection and limit, the summary format and (inside
    `make_key`) the lspkit version, so an entry is never stale; a caller may
    key its own derived artefacts (the CLI's rendered output) on it.
    """

    def __init__(
        self,
        path: str,
        *,
        against: Optional[str] = None,
        taxonomy_path: Optional[str] = None,
        pages: Optional[Sequence[int]] = None,
        password: Optional[str] = None,
        max_pages: Optional[int] = None,
        reader: str = "pdfium",
        ocr: str = "auto",
        cache: Optional[Cache] = None,
    ):
        self.path, self.against, self.taxonomy_path = path, against, taxonomy_path
        # the default engine's keys are those from before --reader, so existing cache entries stay valid
        self.read_options: dict[str, Any] = {"reader": reader} if reader != "pdfium" else {}
        if ocr != "auto":
            self.read_options["ocr"] = ocr
        self.pages, self.password, self.max_pages = pages, password, max_pages
        self.cache = cache if cache is not None else Cache(enabled=False)
        self.sha256: Optional[str] = None
        self.against_sha256: Optional[str] = None
        self.taxonomy = None
        self.key: Optional[str] = None
        if not self.cache.enabled or path == "-" or against == "-" or password is not None:
            return
        self.sha256 = input_sha256(path)
        self.against_sha256 = input_sha256(against) if against else None
        if self.sha256 is None or (against and self.against_sha256 is None):
            return  # let the reader report the missing or unreadable file properly
        fingerprint, self.taxonomy = _taxonomy_fingerprint(taxonomy_path, self.cache)
        from .analyse.summary import SUMMARY_FORMAT

        pages_key = sorted(pages) if pages else None
        self.key = make_key(
            "summary", SUMMARY_FORMAT, self.sha256, self.against_sha256, fingerprint, pages_key, max_pages,
            *self.read_options.values(), *filter(None, [ocr_engine(ocr)]),
        )

    def run(self):
        """(Summary, served from cache).  A hit is `Summary.from_dict`: no spaCy, no pdfplumber.

        Extracted Documents are cached too, so a new taxonomy or `--against`
        re-tags without re-reading the PDF.
        """
        from .analyse.summary import Summary, summarise

        cache = self.cache if self.key is not None else Cache(enabled=False)
        if self.key is not None:
            hit = cache.get("summary", self.key)
            if hit is not None:
                try:
                    return _at_paths(Summary.from_dict(hit), self.path, self.against), True
                except (KeyError, TypeError, ValueError):
                    pass  # an entry from an incompatible build: recompute and overwrite
        taxonomy = self.taxonomy
        if taxonomy is None:
            from .nlp.taxonomy import load_taxonomy

            taxonomy = load_taxonomy(self.taxonomy_path)
        document, _ = extract_cached(
            self.path, sha256=self.sha256, cache=cache, pages=self.pages, password=self.password, max_pages=self.max_pages,
            **self.read_options,
        )
        source = None
        if self.against is not None:
            source, _ = extract_cached(self.against, sha256=self.against_sha256, cache=cache, max_pages=self.max_pages,
                                       **self.read_options)
        summary = summarise(document, taxonomy=taxonomy, against=source)
        if self.key is not None:
            cache.put("summary", self.key, summary.to_dict())
        return summary, False


def _taxonomy_fingerprint(taxonomy_path: Optional[str], cache: Cache):
    """(fingerprint, Taxonomy or None): the fingerprint of a taxonomy file seen before comes from the cache.

    Keyed by the YAML file's bytes, so a repeat run neither imports PyYAML nor
    parses the file; a new or edited file is loaded (and validated) as usual.
    """
    if taxonomy_path is None:
        path = Path(__file__).resolve().parent / "configs" / "lsp-themes.yaml"
    else:
        path = Path(taxonomy_path)
    try:
        data = path.read_bytes() if path.is_file() else None
    except OSError:
        data = None
    key = None
    if data is not None:
        import hashlib

        key = make_key("taxonomy", str(taxonomy_path is None), hashlib.sha256(data).hexdigest())
        hit = cache.get("taxonomy", key)
        if isinstance(hit, dict) and hit.get("fingerprint"):
            return hit["fingerprint"], None
    from .nlp.taxonomy import load_taxonomy

    taxonomy = load_taxonomy(taxonomy_path)  # raises ConfigError for a missing or invalid file
    if key is not None and taxonomy.fingerprint:
        cache.put("taxonomy", key, {"fingerprint": taxonomy.fingerprint})
    return taxonomy.fingerprint, taxonomy


def _at_paths(summary, path: str, against: Optional[str]):
    """The same content may have been cached under another file name: report the name asked for."""
    summary = replace(summary, source=replace(summary.source, path=path))
    if summary.against is not None and against is not None:
        summary = replace(summary, against=replace(summary.against, source=replace(summary.against.source, path=against)))
    return summary


# ---------------------------------------------------------------- evaluation


def load_gold(path: str, taxonomy=None):
    """Labelled paragraphs for `eval` and `train`; paragraphs named by file and number are extracted here."""
    from .nlp.evaluate import load_gold as load

    return load(path, taxonomy, extract=extract)
