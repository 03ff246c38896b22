"""Batch tagging: many files, every core, every file accounted for.

    from lspkit.batch import TagOptions, discover, plan, run_batch
    tasks = plan(discover(["papers/"]))
    for task, result in run_batch(tasks, TagOptions(), jobs=4):
        ...

The pieces: `discover` (paths from files, directories, stdin), `plan`
(hash, deduplicate, shard, skip what a resume already has), `run_batch`
(the process pool, or Dask), `tag_file` (the per-file work, picklable for
any engine) and `BatchOutput` (journalled atomic output with resume).
"""
from __future__ import annotations

import os
import time
from dataclasses import dataclass, field
from typing import Callable, Iterable, Iterator, Optional

from .discover import DEFAULT_GLOBS, Found, Task, discover, parse_shard, plan, shard_of
from ..results import STATUS_DUPLICATE, STATUS_ERROR, STATUS_NO_PARAGRAPHS, STATUS_OK, FileResult, FileStatus
from .worker import TagOptions, preload, tag_file

ENGINES = ("process", "dask")


def default_jobs() -> int:
    """The cores this process may use (affinity-aware, so containers and taskset are honoured)."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except (AttributeError, OSError):
        return max(1, os.cpu_count() or 1)


@dataclass
class BatchStats:
    """Running totals for the progress bar and the final summary line."""

    tagged: int = 0  # files read and tagged, those without numbered paragraphs too
    no_paragraphs: int = 0
    paragraphs: int = 0
    pages: int = 0
    failed: int = 0
    duplicates: int = 0
    skipped: int = 0
    cached: int = 0
    started: float = field(default_factory=time.monotonic)

    def add(self, task: Task, result: Optional[FileResult]) -> None:
        if result is None:
            self.skipped += task.skipped
            return
        if result.status in (STATUS_OK, STATUS_NO_PARAGRAPHS):
            self.tagged += 1
            self.no_paragraphs += result.status == STATUS_NO_PARAGRAPHS
            self.paragraphs += result.paragraphs
            self.pages += result.pages
            self.cached += result.cached == "tags"
        elif result.status == STATUS_DUPLICATE:
            self.duplicates += 1
        else:
            self.failed += 1

    @property
    def seconds(self) -> float:
        return time.monotonic() - self.started

    def line(self) -> str:
        return (
            f"tagged {self.tagged} files ({self.paragraphs} paragraphs), {self.no_paragraphs} without numbered paragraphs, "
            f"{self.failed} failed, "
            f"{self.duplicates} duplicates, {self.skipped} skipped (resume) in {self.seconds:.1f} s"
        )


def run_batch(
    tasks: Iterable[Task],
    options: TagOptions = TagOptions(),
    *,
    jobs: Optional[int] = None,
    ordered: bool = True,
    timeout: Optional[float] = None,
    max_memory: Optional[float] = None,
    task: Callable = tag_file,
    initializer: Optional[Callable] = preload,
    engine: str = "process",
    scheduler: Optional[str] = None,
    prefetcher=None,
) -> Iterator[tuple[Task, Optional[FileResult]]]:
    """(task, result) for every planned task, in input order (or as finished with `ordered=False`).

    `task(path, options, sha256) -> FileResult` is the per-file work (tests
    pass stand-ins); `engine="dask"` runs it on a Dask cluster (`scheduler`
    address, or a local one).  Skipped tasks come back with result None.  `prefetcher`: a
    `lspkit.batch.prefetch.Prefetcher` that reads the first files while the workers start (process engine).
    """
    jobs = jobs or default_jobs()
    if engine == "dask":
        from .dask import run_dask

        yield from run_dask(
            tasks, options, jobs=jobs, ordered=ordered, timeout=timeout, max_memory=max_memory, task=task, scheduler=scheduler
        )
        return
    if engine != "process":
        raise ValueError(f"unknown engine {engine!r} (choose from {', '.join(ENGINES)})")
    from .pool import WorkerPool

    pool = WorkerPool(
        options, jobs=jobs, task=task, timeout=timeout, max_memory=max_memory, initializer=initializer, prefetcher=prefetcher
    )
    yield from pool.imap(tasks, ordered=ordered)


__all__ = [
    "DEFAULT_GLOBS",
    "ENGINES",
    "BatchStats",
    "FileResult",
    "FileStatus",
    "Found",
    "STATUS_DUPLICATE",
    "STATUS_ERROR",
    "STATUS_NO_PARAGRAPHS",
    "STATUS_OK",
    "TagOptions",
    "Task",
    "default_jobs",
    "discover",
    "parse_shard",
    "plan",
    "preload",
    "run_batch",
    "shard_of",
    "tag_file",
]
