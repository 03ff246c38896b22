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

import logging
import multiprocessing
import signal
import threading
from contextlib import contextmanager
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


# ---------------------------------------------------------------- Ctrl-C
#
# Ctrl-C reaches the whole process group: this process, and the local
# cluster's worker processes, which are born with it held back (see
# `_client`) and so never die of it.  This process then closes the cluster,
# and the shutdown that follows (tasks cancelled, heartbeats to a scheduler
# that has gone, workers killed after a grace period) makes Dask log warnings
# and tracebacks in both.  None of that is news to a user who pressed Ctrl-C,
# so once it has been pressed Dask's log handlers drop everything.

_DASK_LOGGERS = ("distributed", "tornado", "tornado.application")


class _AfterInterrupt(logging.Filter):
    """Drops Dask's log records once `pressed()`, and the one cancellation warning a closing worker gives."""

    def __init__(self, pressed: Callable[[], bool]):
        super().__init__()
        self.pressed = pressed

    def filter(self, record: logging.LogRecord) -> bool:
        if self.pressed():
            return False
        message = record.getMessage()
        return not (message.startswith("Async instruction for") and message.endswith("ended with CancelledError"))


def _install_filter(pressed: Callable[[], bool]) -> list:
    handlers = [h for name in _DASK_LOGGERS for h in logging.getLogger(name).handlers]
    filt = _AfterInterrupt(pressed)
    for handler in handlers:
        handler.addFilter(filt)
    return [(handler, filt) for handler in handlers]


def _sigint_pending() -> bool:
    """In a worker process (SIGINT blocked): has the terminal sent Ctrl-C to the process group?"""
    return hasattr(signal, "sigpending") and signal.SIGINT in signal.sigpending()


def _quiet_worker(dask_worker=None) -> None:
    """Set-up for each worker of lspkit's own local cluster (`Client.register_worker_callbacks`)."""
    if not any(isinstance(f, _AfterInterrupt) for name in _DASK_LOGGERS for h in logging.getLogger(name).handlers for f in h.filters):
        _install_filter(_sigint_pending)


@contextmanager
def _quiet_after_interrupt() -> Iterator[threading.Event]:
    """In this process: from Ctrl-C (or any error) on, Dask's shutdown says nothing."""
    pressed = threading.Event()
    previous = None
    if threading.current_thread() is threading.main_thread() and signal.getsignal(signal.SIGINT) is signal.default_int_handler:

        def on_sigint(signum, frame):
            pressed.set()  # before Dask's threads react to the KeyboardInterrupt below
            raise KeyboardInterrupt

        previous = signal.signal(signal.SIGINT, on_sigint)
    installed = _install_filter(pressed.is_set)
    try:
        yield pressed
    except BaseException:
        pressed.set()
        raise
    finally:
        if previous is not None:
            signal.signal(signal.SIGINT, previous)
        if not pressed.is_set():  # a clean run: Dask's logging as it was
            for handler, filt in installed:
                handler.removeFilter(filt)


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
    from ..infra.limits import sigint_blocked

    # The local cluster's processes (and its event-loop thread, which starts any
    # replacement) are born with Ctrl-C held back: it is this process's to
    # handle, by closing the cluster, not theirs to die of with a traceback.
    with sigint_blocked():
        cluster = LocalCluster(
            n_workers=jobs,
            threads_per_worker=1,
            processes=True,
            host="127.0.0.1",
            dashboard_address=None,
            # No dashboard, and its HTTP server on any free port, not 8787 with a warning when that is taken.
            scheduler_kwargs={"dashboard_address": "127.0.0.1:0"},
            memory_limit=f"{int(max_memory)}MB" if max_memory else "auto",
        )
        client = Client(cluster)
    client.register_worker_callbacks(_quiet_worker)
    return client, cluster


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
    try:
        import distributed  # noqa: F401 - its log handlers must exist before they are quietened
    except ImportError:
        raise ConfigError("the dask engine needs Dask: pip install 'lspkit[dask]'") from None
    with _quiet_after_interrupt():
        yield from _run(tasks, options, jobs, ordered, timeout, max_memory, task, scheduler, client)


def _run(tasks, options, jobs, ordered, timeout, max_memory, task, scheduler, client):
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
