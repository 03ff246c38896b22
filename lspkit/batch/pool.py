"""A process pool that survives its files: per-file timeout, per-worker memory cap,
dead workers replaced.

concurrent.futures' pool cannot do this: one dead worker breaks the whole
pool, and a running task can be neither timed out nor killed.  Here each
worker gets one file at a time over its own pipe, so the parent always knows
which file a worker is on: if the file runs past its deadline the worker is
killed; if the worker dies (segfault, OOM killer, RLIMIT_AS) its file becomes
an error record; either way a fresh worker takes its place.
"""
from __future__ import annotations

import os
import signal
import sys
import time
from collections import deque
from dataclasses import dataclass, field
from multiprocessing.connection import wait
from typing import Callable, Iterable, Iterator, Optional

from ..infra.errors import LspkitError
from ..infra.limits import (
    describe_exit,
    forkserver_pid,
    ignore_sigint,
    kill_quietly,
    memory_problem,
    mp_context,
    set_memory_limit,
    shadow_free_path,
    start_forkserver,
    start_child,
)
from .discover import Task
from ..results import FileResult
from .prefetch import PREFETCH_BYTES, PREFETCH_FILES, received
from .worker import TagOptions, preload, tag_file

TaskFunction = Callable[[str, TagOptions, Optional[str]], FileResult]

_PRELOADED = False
# Imported once in the forkserver, so every worker (and every replacement) forks warm.  pdfplumber only when
# it is the reader asked for (it costs the forkserver a quarter of a second that every batch would wait for).
PRELOAD = [
    "lspkit.batch.pool",
    "lspkit.api",
    "lspkit.read",
    "lspkit.read.pdfium",
    "lspkit.segment",
    "lspkit.nlp.tagger",
    "lspkit.nlp.pipeline",
    "lspkit.render.tags",
    "spacy",
    "pypdfium2",
]


def preload_modules(options: TagOptions) -> list[str]:
    """What the forkserver imports before it forks a worker for `options`: last, with the default model,
    `lspkit.batch.warm`, which builds the taxonomy-free part of the workers' pipeline once for all of them."""
    from ..nlp.pipeline import SHIPPED_MODEL

    warm = ["lspkit.batch.warm"] if options.model in (None, SHIPPED_MODEL) else []
    return PRELOAD + (["pdfplumber"] if options.reader == "pdfplumber" else []) + warm


def _set_preload(ctx, options: TagOptions) -> None:
    global _PRELOADED
    if not _PRELOADED and ctx.get_start_method() == "forkserver":
        # Workers fork from a server that has already imported the heavy stack.
        ctx.set_forkserver_preload(preload_modules(options))
        _PRELOADED = True


_SPAWNED = 0  # worker processes started by this process
_EXIT_HOOK = False


def _stop_server_at_exit() -> None:
    """When this process exits, SIGKILL the batch workers' forkserver rather than let it wind down on its own.

    Left alone it notices that this process is gone and exits normally, tearing down the spaCy, numpy and
    lspkit modules it imported: 0.2 s after lspkit itself has exited, with lspkit's stderr still open, so a
    caller reading that pipe (a script, `lspkit tag ... 2>&1 | tee`) waited for it.  It holds nothing to save
    (no files of its own; its workers have been joined or killed by then)."""
    global _EXIT_HOOK
    if not _EXIT_HOOK:
        import atexit

        atexit.register(_kill_forkserver, os.getpid())  # runs before multiprocessing's own exit handler
        _EXIT_HOOK = True


def _kill_forkserver(owner: int) -> None:
    pid = forkserver_pid()
    if pid is None or os.getpid() != owner:  # a process forked from this one inherits the hook, not the server
        return
    try:
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)  # it is this process's child: gone before this process is
    except OSError:  # already gone, or reaped
        pass


class ProcessServer:
    """A forkserver started ahead of the pool (`start_process_server`), so that it imports spaCy while the
    batch sets up.  If no worker is forked from it after all (a set-up error, Ctrl-C, every file answered
    from the cache), `stop_if_unused` kills it: it would otherwise finish importing spaCy after lspkit exits."""

    def __init__(self, pid: int):
        self.pid = pid
        self.spawned = _SPAWNED

    def stop_if_unused(self) -> None:
        if _SPAWNED != self.spawned or forkserver_pid() != self.pid:
            return
        try:
            os.kill(self.pid, signal.SIGKILL)  # multiprocessing reaps it, and starts a new one if one is wanted
        except OSError:
            pass


def process_server_wanted() -> bool:
    """Would `start_process_server` start one now (workers come from a forkserver, and none is running)?"""
    return mp_context().get_start_method() == "forkserver" and forkserver_pid() is None


def start_process_server(options: TagOptions) -> Optional[ProcessServer]:
    """Start the batch workers' forkserver now, with its preload; None if it was running already or this
    platform's workers do not come from a forkserver."""
    ctx = mp_context()
    if ctx.get_start_method() != "forkserver" or forkserver_pid() is not None:
        return None
    _set_preload(ctx, options)
    pid = start_forkserver()
    if pid is None:
        return None
    _stop_server_at_exit()
    return ProcessServer(pid)


STARTUP_GRACE = 120.0  # seconds a fresh worker may take to load spaCy before its first file's clock starts


def _worker_main(conn, task: TaskFunction, options: TagOptions, max_memory, initializer) -> None:
    ignore_sigint()  # Ctrl-C is the parent's to handle: it stops the workers
    sys.path[:] = shadow_free_path(sys.path)  # no module of the user's directory in place of a standard one
    set_memory_limit(max_memory)
    from ..read.parallel import read_serially

    read_serially()  # the batch fills the cores with files: a long file's pages are not split over more processes
    if initializer is not None:
        try:
            initializer(options)
        except Exception:  # noqa: BLE001 - the files will report it
            pass
    for seq, path, sha, prefetched in received(conn):
        conn.send(("start", seq))  # the file's clock starts now, not while the pipeline loads
        try:
            result = task(path, options, sha) if prefetched is None else task(path, options, sha, prefetched=prefetched)
        except MemoryError:
            result = FileResult.failure(path, sha, "limit", memory_problem(max_memory))
        except BaseException as exc:  # noqa: BLE001
            result = FileResult.failure(path, sha, "internal", f"internal error: {type(exc).__name__}: {exc}")
        try:
            conn.send((seq, result))
        except MemoryError:
            conn.send((seq, FileResult.failure(path, sha, "limit", memory_problem(max_memory))))


@dataclass
class _Worker:
    process: object
    conn: object
    queue: deque = field(default_factory=deque)  # (seq, task) sent to it, oldest (the one it is on) first
    deadline: Optional[float] = None  # for the file at the head of the queue
    started: bool = False  # has acknowledged a file: it got through start-up
    acked: bool = False  # has acknowledged the file at the head of its queue
    broken: bool = False  # a send failed: it is dead or dying, and gets no more files


# Files queued per worker: the next one waits in the worker's pipe while it works on the current one, so it
# never idles while the parent renders, journals or hashes.
QUEUE_DEPTH = 2


class WorkerPool:
    """`jobs` worker processes running `task(path, options, sha256)`, one file each at a time."""

    def __init__(
        self,
        options: TagOptions = TagOptions(),
        *,
        jobs: int = 1,
        task: TaskFunction = tag_file,
        timeout: Optional[float] = None,
        max_memory: Optional[float] = None,
        initializer: Optional[Callable[[TagOptions], None]] = preload,
        prefetcher=None,
    ):
        self.options = options
        self.prefetcher = prefetcher  # lspkit.batch.prefetch.Prefetcher: reads the first files during start-up
        self.jobs = max(1, int(jobs))
        self.task = task
        self.timeout = timeout or None
        self.max_memory = max_memory or None
        self.initializer = initializer
        self.replaced = 0  # workers that died or were killed and replaced
        self.prefetched = 0  # files handed to a worker read already by the prefetcher
        self._ctx = mp_context()
        _set_preload(self._ctx, options)

    def _spawn(self) -> _Worker:
        global _SPAWNED
        _SPAWNED += 1
        if self._ctx.get_start_method() == "forkserver":
            _stop_server_at_exit()
        parent, child = self._ctx.Pipe(duplex=True)
        process = self._ctx.Process(
            target=_worker_main,
            args=(child, self.task, self.options, self.max_memory, self.initializer),
            daemon=True,
            name="lspkit-worker",
        )
        try:
            start_child(process)  # the forkserver too, on the first start: neither may see a Ctrl-C
        except (EOFError, ConnectionError) as exc:
            # The forkserver died before it could fork (a module it imports failed to load): its own
            # traceback is above; the batch stops with one line instead of a second traceback.
            child.close()
            parent.close()
            raise LspkitError(
                f"worker processes could not be started (the process server died: {type(exc).__name__}); "
                "see the messages above"
            ) from None
        child.close()
        return _Worker(process, parent)

    def _retire(self, worker: _Worker) -> None:
        try:
            worker.conn.close()
        except OSError:
            pass
        kill_quietly(worker.process)

    def imap(self, tasks: Iterable[Task], ordered: bool = True) -> Iterator[tuple[Task, FileResult]]:
        """(task, result) for every task: in input order, or as files finish with `ordered=False`.

        Tasks that arrive with a result (duplicates, unreadable files) pass
        straight through; skipped tasks are yielded with a None result.
        """
        source = iter(tasks)
        exhausted = False
        workers: list[_Worker] = []
        ready: dict[int, tuple[Task, Optional[FileResult]]] = {}
        next_out = 0
        seq = 0
        startup_deaths = 0
        retry: deque[tuple[int, Task]] = deque()  # files whose worker died or was stopped before starting them
        # The prefetcher (only with tag_file, whose extraction it does): files handed to it and not yet back, and
        # files it has read (payload: the pickled extraction, None if it could not), waiting for a worker.
        prefetcher = self.prefetcher if self.task is tag_file and self.prefetcher is not None else None
        holding: dict[int, Task] = {}
        # Files taken from the source ahead of handing them out, so the pool knows when the batch's last files are
        # being handed out: those go to a worker that is idle, never into the queue behind a busy worker's file
        # (where, behind a long file, the last file would keep one core busy while the others have finished).
        pending: deque[tuple[int, Task]] = deque()
        fetched: deque[tuple[int, Task, Optional[bytes]]] = deque()

        def finish(s: int, task: Task, result: Optional[FileResult]):
            ready[s] = (task, result)

        def pick(queue_behind: bool) -> Optional[_Worker]:
            """The worker for the next file: an idle one, else a new one (up to `jobs`), else, if `queue_behind`,
            the least loaded one with room in its queue."""
            open_ = [w for w in workers if not w.broken]
            idle = [w for w in open_ if not w.queue]
            if idle:
                return idle[0]
            if len(workers) < self.jobs:
                worker = self._spawn()
                workers.append(worker)
                return worker
            if not queue_behind:
                return None
            roomy = [w for w in open_ if len(w.queue) < QUEUE_DEPTH]
            return min(roomy, key=lambda w: len(w.queue)) if roomy else None

        def look_ahead(n: int) -> None:
            """Take tasks from the source until `pending` holds n files for the workers or the source is done
            (a task that comes with its result, a duplicate or a cached file, is finished on the way)."""
            nonlocal seq, exhausted
            while len(pending) < n and not exhausted:
                task = next(source, None)
                if task is None:
                    exhausted = True
                    break
                s, seq = seq, seq + 1
                if task.result is not None or task.skipped:
                    finish(s, task, task.result)
                else:
                    pending.append((s, task))

        def collect() -> None:
            prefetcher.clear_wake()
            while prefetcher.done:
                s, payload = prefetcher.done.popleft()
                task = holding.pop(s, None)
                if task is not None:
                    fetched.append((s, task, payload))

        def stop_prefetching() -> None:
            nonlocal prefetcher
            prefetcher.stop()
            collect()
            retry.extend(sorted(holding.items(), key=lambda item: item[0]))  # not reached: for the workers
            holding.clear()
            prefetcher = None

        def drop(worker: _Worker) -> None:
            workers.remove(worker)
            self._retire(worker)
            self.replaced += 1
            # The replacement is spawned lazily, when there is work for it.

        finished = False
        try:
            if prefetcher is not None:
                # The first files go to the prefetcher, which reads them while the first worker is forked (this
                # waits for the forkserver's imports) and builds its pipeline.
                # Cached and skipped files count too: results are delivered only from the loop below, so a resumed
                # or cached archive is not read through here first.
                size = 0
                while seq < PREFETCH_FILES and size < PREFETCH_BYTES:
                    task = next(source, None)
                    if task is None:
                        exhausted = True
                        break
                    s, seq = seq, seq + 1
                    if task.result is not None or task.skipped:
                        finish(s, task, task.result)
                    elif prefetcher.send(s, task.path, task.sha256):
                        holding[s] = task
                        try:
                            size += os.path.getsize(task.path)
                        except OSError:
                            pass
                    else:
                        retry.append((s, task))
                        break
                if holding:
                    workers.append(self._spawn())
            while True:
                if prefetcher is not None:
                    collect()
                    if prefetcher.process.exitcode is not None or any(w.started for w in workers):
                        stop_prefetching()  # the workers have their pipelines: they fill the cores from here
                # Hand out work until every worker has its queue full.
                while True:
                    look_ahead(self.jobs + 1)
                    left = len(fetched) + len(retry) + len(pending) + len(holding)
                    if not left:
                        break
                    # Into a busy worker's queue only while at least `jobs` more files follow this one: then
                    # every worker has work until this file's turn comes.
                    worker = pick(queue_behind=left > self.jobs)
                    if worker is None:
                        break
                    payload = None
                    if fetched:
                        s, task, payload = fetched.popleft()
                    elif retry:
                        s, task = retry.popleft()
                    elif pending:
                        s, task = pending.popleft()
                    else:
                        # All that is left is with the prefetcher: the worker takes the file it would reach last
                        # (if it reaches it after all, that read is dropped).
                        s = max(holding)
                        task = holding.pop(s)
                    if task.result is not None or task.skipped:
                        finish(s, task, task.result)
                        continue
                    try:
                        worker.conn.send((s, task.path, task.sha256, payload))
                    except (OSError, ValueError):
                        # Died: the wait below finds out how; the file goes to another worker.
                        worker.broken = True
                        if payload is not None:
                            fetched.appendleft((s, task, payload))
                        else:
                            retry.appendleft((s, task))
                        continue
                    worker.queue.append((s, task))
                    self.prefetched += payload is not None
                    if len(worker.queue) == 1:
                        # Until the worker says it has started the file, allow for its start-up too.
                        worker.acked = False
                        worker.deadline = time.monotonic() + self.timeout + STARTUP_GRACE if self.timeout else None

                # Deliver what can be delivered.
                if ordered:
                    while next_out in ready:
                        yield ready.pop(next_out)
                        next_out += 1
                else:
                    for s in sorted(ready):
                        yield ready.pop(s)

                busy = [w for w in workers if w.queue or w.broken]
                if exhausted and not busy and not retry and not fetched and not holding and not pending:
                    break
                if not busy and prefetcher is None:
                    continue

                deadlines = [w.deadline for w in busy if w.deadline is not None]
                wait_for = max(0.0, min(deadlines) - time.monotonic()) if deadlines else None
                wake = [prefetcher.wake_r] if prefetcher is not None else []
                wait([w.conn for w in busy] + [w.process.sentinel for w in busy] + wake, wait_for)

                now = time.monotonic()
                for worker in busy:
                    dead = False
                    try:
                        while worker.queue and worker.conn.poll():
                            tag, payload = worker.conn.recv()
                            if tag == "start":
                                worker.started = worker.acked = True
                                startup_deaths = 0
                                if self.timeout:
                                    worker.deadline = time.monotonic() + self.timeout
                                continue
                            s, task = worker.queue.popleft()
                            finish(s, task, payload)
                            worker.acked = False
                            worker.deadline = (
                                time.monotonic() + self.timeout + STARTUP_GRACE if self.timeout and worker.queue else None
                            )
                    except (EOFError, OSError):
                        dead = True
                    if not worker.queue and not worker.broken:
                        continue
                    if dead or worker.broken or not worker.process.is_alive():
                        worker.process.join(1)
                        if worker.queue and worker.acked:
                            s, task = worker.queue.popleft()
                            problem = f"worker {describe_exit(worker.process.exitcode)}"
                            if self.max_memory:
                                problem += f" (memory limit {self.max_memory:g} MB)"
                            # SIGKILL is the OOM killer's (or RLIMIT_AS's) signature; anything else is a crash.
                            kind = "limit" if worker.process.exitcode == -signal.SIGKILL else "crash"
                            finish(s, task, FileResult.failure(task.path, task.sha256, kind, problem))
                        elif not worker.started:
                            # It died before it began a file: not the file's fault.
                            startup_deaths += 1
                            if startup_deaths >= max(3, 2 * self.jobs):
                                raise LspkitError(
                                    f"worker processes die before they start ({describe_exit(worker.process.exitcode)}); "
                                    "see the messages above"
                                )
                    elif worker.deadline is not None and now >= worker.deadline:
                        s, task = worker.queue.popleft()
                        finish(s, task, FileResult.failure(
                            task.path, task.sha256, "limit", f"timed out after {self.timeout:g} s", self.timeout))
                    else:
                        continue
                    # Files it had not started go to the next worker, ahead of new ones and in their order.
                    retry.extendleft(reversed(worker.queue))
                    worker.queue.clear()
                    drop(worker)
            finished = True
        finally:
            if prefetcher is not None:
                prefetcher.stop()
            if finished:  # every file done: let the workers exit on their own
                for worker in workers:
                    try:
                        worker.conn.send(None)
                    except (OSError, ValueError):
                        pass
                end = time.monotonic() + 2
                for worker in workers:
                    worker.process.join(max(0.0, end - time.monotonic()))
            else:  # Ctrl-C, an error, or the consumer stopped reading: stop them now, mid-file or not
                for worker in workers:
                    try:
                        worker.process.kill()
                    except (OSError, ValueError, AttributeError):
                        pass
            for worker in workers:
                self._retire(worker)
