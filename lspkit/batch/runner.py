"""A whole batch, start to finish: what `lspkit tag PATH...` calls.

Discover -> plan (hash, dedupe, shard, resume) -> run (pool or Dask) ->
journalled output -> committed atomically.  Set-up problems (a bad
taxonomy, an output directory that does not exist, an output that cannot be
resumed) raise LspkitError before any file is tagged; problems with single
files never raise, they become error records.
"""
from __future__ import annotations

import functools
from dataclasses import dataclass
from typing import Callable, Iterable, Optional, TextIO

from . import BatchStats, TagOptions, default_jobs, discover, plan, run_batch, tag_file
from .output import BatchOutput
from ..results import STATUS_ERROR, STATUS_NO_PARAGRAPHS, FileResult
from .pool import process_server_wanted, start_process_server
from .prefetch import start_prefetcher
from .worker import preload

DEFAULT_TIMEOUT = 300.0  # seconds per file; a 300-page report takes well under a minute
DEFAULT_MAX_MEMORY = 4096.0  # MB of address space per worker


@dataclass(frozen=True)
class BatchSettings:
    """How to run a batch, as opposed to how to tag a file (TagOptions)."""

    fmt: str = "jsonl"
    summary: bool = False
    output: Optional[str] = None
    resume: bool = False
    jobs: Optional[int] = None
    ordered: bool = True
    timeout: Optional[float] = DEFAULT_TIMEOUT
    max_memory: Optional[float] = DEFAULT_MAX_MEMORY
    shard: Optional[tuple[int, int]] = None
    globs: tuple[str, ...] = ()
    engine: str = "process"
    scheduler: Optional[str] = None


class _NoProgress:
    def __enter__(self):
        return self

    def __exit__(self, *exc):
        return None

    def advance(self, result) -> None:
        pass


def _answer_from_cache(tasks, options: TagOptions):
    """Resolve cache hits here in the parent: a cached archive needs no worker processes."""
    from dataclasses import replace

    from .worker import cached_result

    for t in tasks:
        if t.result is None and not t.skipped and t.sha256:
            hit = cached_result(t.path, t.sha256, options)
            if hit is not None:
                t = replace(t, result=hit)
        yield t


def tag_batch(
    inputs: Iterable[str],
    options: TagOptions = TagOptions(),
    settings: BatchSettings = BatchSettings(),
    *,
    stdin: Optional[TextIO] = None,
    on_error: Optional[Callable[[FileResult], None]] = None,
    on_warning: Optional[Callable[[str, str], None]] = None,
    progress: Optional[Callable[[int], object]] = None,
    task: Callable = tag_file,
    initializer: Optional[Callable] = preload,
) -> BatchStats:
    """Tag every input file into `settings.output` (stdout if None); returns the counts.

    `progress(total)` makes a context manager with `advance(result)` (the
    CLI's rich bar).  `on_error` is called for each file that failed,
    `on_warning(path, problem)` for set-up notes and each file without a
    numbered paragraph (its record has status "no-paragraphs" and its pages).
    """
    from ..nlp.taxonomy import load_taxonomy

    # The process server imports spaCy (a second or more) while this process reads the taxonomy, opens the
    # output and hashes the first files, instead of after; with a core to spare, a prefetcher reads the first
    # files meanwhile (forked first, so that it holds none of the server's descriptors).
    prefetcher = None
    if settings.engine == "process" and task is tag_file and process_server_wanted():
        prefetcher = start_prefetcher(options, settings.jobs or default_jobs(), settings.max_memory)
    server = start_process_server(options) if settings.engine == "process" else None
    try:
        taxonomy = load_taxonomy(options.themes)  # a bad taxonomy stops the batch before it starts
        if initializer is preload:
            initializer = functools.partial(preload, taxonomy=taxonomy)  # the workers need not parse it again
        stats = _run(inputs, options, settings, taxonomy, stdin, on_error, on_warning, progress, task, initializer,
                     prefetcher)
    finally:
        if prefetcher is not None:
            prefetcher.stop()
        if server is not None:
            server.stop_if_unused()  # no worker forked: a set-up error, an interrupt, or every file cached
    return stats


def _run(inputs, options, settings, taxonomy, stdin, on_error, on_warning, progress, task, initializer,
         prefetcher=None) -> BatchStats:
    from ..render.batch import BatchRenderer

    renderer = BatchRenderer(settings.fmt, taxonomy.names, settings.summary, explain=options.explain)
    output = BatchOutput(settings.output, renderer, resume=settings.resume).open()
    if output.discarded_journal and on_warning:
        on_warning(settings.output, "an unfinished run's journal was discarded (use --resume to continue a run)")
    stats = BatchStats()
    try:
        found = list(discover(inputs, settings.globs or None, stdin=stdin))
        tasks = plan(found, shard=settings.shard, done=output.done, on_warning=on_warning)
        if task is tag_file and options.use_cache:
            tasks = _answer_from_cache(tasks, options)
        total = len(found)
        if settings.shard is not None:  # every file must be hashed to know its shard anyway
            tasks = list(tasks)
            total = len(tasks)
        bar = progress(total) if progress else _NoProgress()
        with bar:
            for task_, result in run_batch(
                tasks,
                options,
                jobs=settings.jobs or default_jobs(),
                ordered=settings.ordered,
                timeout=settings.timeout,
                max_memory=settings.max_memory,
                task=task,
                initializer=initializer,
                engine=settings.engine,
                scheduler=settings.scheduler,
                prefetcher=prefetcher,
            ):
                stats.add(task_, result)
                if result is not None:
                    output.write(result)
                    if result.status == STATUS_ERROR and on_error:
                        on_error(result)
                    elif result.status == STATUS_NO_PARAGRAPHS and on_warning:
                        on_warning(result.file, result.no_paragraphs_message())
                bar.advance(result)
        output.commit()
    finally:
        output.close()
    return stats
