"""Run a batch on Dask: a local cluster (`--engine dask`) or an existing one (`--scheduler tcp://host:8786`).

An archive too big for one machine goes to an engine built for that, not a
home-made one.  Each file is one Dask task running the same picklable
`lspkit.batch.tag_file` the process pool runs, so the output is the same
record for record.  Dask's nanny looks after worker memory (`--max-memory`
becomes the local cluster's per-worker memory limit) and replaces dead
workers; a file whose worker keeps dying comes back as an error record.
`--timeout` is enforced per file where the worker may start a child process
(not in Dask's default daemonic worker processes, where Dask's own limits apply).
"""
from __future__ import annotations

import multiprocessing
from typing import Callable, Iterable, Iterator, Optional

from .discover import Task
from ..results import FileResult
from .worker import TagOptions, tag_file
from ..infra.errors import ConfigError, LspkitError


def _limited_task(task: Callable, path: str, options: TagOptions, sha: Optional[str], timeout, max_memory) -> FileResult:
    """Runs on a Dask worker: the per-file task, inside a time/memory-limited child when that is possible."""
    if not timeout or multiprocessing.current_process().daemon:
        return task(path, options, sha)
    from ..infra.limits import run_limited

    try:
        return run_limited(task, path, options, sha, timeout=timeout, max_memory=max_memory, path=path)
    except LspkitError as exc:
        return FileResult.failure(path, sha, exc.kind, exc.problem)


def _client(scheduler: Optional[str], jobs: int, max_memory: Optional[float]):
    try:
        from dask.distributed import Client, LocalCluster
    except ImportError:
        raise ConfigError("the dask engine needs Dask: pip install 'lspkit[dask]'") from None
    if scheduler:
        try:
            return Client(scheduler, timeout=30), None
        except (OSError, TimeoutError) as exc:
            raise ConfigError(f"cannot reach the Dask scheduler: {exc}", scheduler) from None
    cluster = LocalCluster(
        n_workers=jobs,
        threads_per_worker=1,
        processes=True,
        host="127.0.0.1",
        dashboard_address=None,
        memory_limit=f"{int(max_memory)}MB" if max_memory else "auto",
    )
    return Client(cluster), cluster


def run_dask(
    tasks: Iterable[Task],
    options: TagOptions = TagOptions(),
    *,
    jobs: int = 1,
    ordered: bool = True,
    timeout: Optional[float] = None,
    max_memory: Optional[float] = None,
    task: Callable = tag_file,
    scheduler: Optional[str] = None,
    client=None,
) -> Iterator[tuple[Task, Optional[FileResult]]]:
    """(task, result) for every planned task, like the process pool, computed on Dask."""
    own_cluster = None
    own_client = client is None
    if own_client:
        client, own_cluster = _client(scheduler, jobs, max_memory)
    try:
        from dask.distributed import as_completed

        items: list[tuple[Task, object]] = []
        for seq, t in enumerate(tasks):
            if t.result is not None or t.skipped:
                items.append((t, None))
                continue
            future = client.submit(
                _limited_task, task, t.path, options, t.sha256, timeout, max_memory, pure=False, key=f"lspkit-tag-{seq}"
            )
            items.append((t, future))

        def outcome(t: Task, future) -> Optional[FileResult]:
            if future is None:
                return t.result
            try:
                return future.result()
            except Exception as exc:  # noqa: BLE001 - KilledWorker, a lost worker, a bug on one file
                name = type(exc).__name__
                kind = "crash" if name == "KilledWorker" else "internal"
                return FileResult.failure(t.path, t.sha256, kind, f"dask: {name}: {exc}")
            finally:
                future.release()

        if ordered:
            for t, future in items:
                yield t, outcome(t, future)
        else:
            pending = {}
            for t, future in items:
                if future is None:
                    yield t, t.result
                else:
                    pending[future.key] = t
            for future in as_completed([f for _, f in items if f is not None]):
                t = pending.pop(future.key)
                yield t, outcome(t, future)
    finally:
        if own_client:
            client.close()
        if own_cluster is not None:
            own_cluster.close()
