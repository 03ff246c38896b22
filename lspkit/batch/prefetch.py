"""Reading the batch's first files while the workers' forkserver imports spaCy.

A batch's start-up is serial: the forkserver imports spaCy and the tagging stack (about a second) before it
can fork the first worker, and each worker then builds its pipeline (about 0.4 s).  Meanwhile, at
`--jobs 2` and over, the other cores have nothing to do.  A `Prefetcher` is one process, forked from
lspkit before the forkserver starts, that extracts the first files in that time (reading and
segmentation need no spaCy): each Document comes back pickled and is handed to a worker with its file,
and the worker only tags it.  The prefetcher is stopped (SIGKILLed) as soon as a worker has its pipeline
(from then on the workers fill the cores) or when the workers would otherwise wait for its files; a file
it had not finished goes to a worker as if it had never been there.

It is only an advance: it reports nothing.  A file it cannot extract (an error, a crash, the memory cap)
is handed to a worker unread, and the worker reports the problem as it always has.  It is used only where
it hides start-up (the forkserver was just started), where a core is free for it (`--jobs 2` and over:
`--jobs N` keeps at most N processes busy, and during start-up the forkserver is one), and only where
forking is safe (no other thread in this process).
"""
from __future__ import annotations

import os
import pickle
import threading
import time
from collections import deque
from typing import Iterator, Optional

from ..infra.limits import ignore_sigint, set_memory_limit
from .worker import TagOptions

# Files handed to the prefetcher up front (it has about a second and a half; a ten-page paper takes it
# 0.05-0.1 s), up to so many bytes (each is hashed first, by the batch's plan, before the first worker starts).
# The ones it does not reach go back to the workers when it stops.
PREFETCH_FILES = 48
PREFETCH_BYTES = 64 * 1024 * 1024


def received(conn) -> Iterator:
    """What a batch child process is sent, until the parent closes its pipe or sends None (stop)."""
    while True:
        try:
            message = conn.recv()
        except (EOFError, OSError):
            return
        if message is None:
            return
        yield message


def _prefetch_main(conn, options: TagOptions, max_memory) -> None:
    ignore_sigint()  # Ctrl-C is the parent's to handle: it kills this process
    set_memory_limit(max_memory)
    from .. import pipeline
    from ..infra.cache import Cache
    from ..read.parallel import read_serially

    read_serially()  # one process on the one idle core
    cache = Cache(options.cache_dir, enabled=options.use_cache)
    extract_options = options.extract_options()
    for seq, path, sha in received(conn):
        start = time.perf_counter()
        try:
            document, hit = pipeline.extract_cached(path, sha256=sha, cache=cache, **extract_options)
            payload = pickle.dumps((document, hit, time.perf_counter() - start), pickle.HIGHEST_PROTOCOL)
        except BaseException:  # noqa: BLE001 - the worker reads the file again and reports what is wrong
            payload = None
        try:
            conn.send((seq, payload))
        except (OSError, ValueError):
            return


class Prefetcher:
    """The prefetching process, its pipe, and a thread that empties the pipe into `done` as results arrive
    (so the process never blocks on a full pipe while this one waits for the forkserver), nudging `wake`."""

    def __init__(self, options: TagOptions, max_memory: Optional[float] = None):
        import multiprocessing
        import signal

        ctx = multiprocessing.get_context("fork")
        parent, child = ctx.Pipe(duplex=True)
        self.process = ctx.Process(target=_prefetch_main, args=(child, options, max_memory), daemon=True,
                                   name="lspkit-prefetch")
        previous = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})  # see infra.limits.sigint_blocked
        try:
            self.process.start()
        finally:
            signal.pthread_sigmask(signal.SIG_SETMASK, previous)
        child.close()
        self.conn = parent
        self.done: deque = deque()  # (seq, payload or None), in the order they were finished
        self.wake_r, self._wake_w = os.pipe()
        os.set_blocking(self.wake_r, False)
        os.set_blocking(self._wake_w, False)
        self.stopped = False
        self._thread = threading.Thread(target=self._drain, name="lspkit-prefetch-reader", daemon=True)
        self._thread.start()

    def _drain(self) -> None:
        while True:
            try:
                item = self.conn.recv()
            except (EOFError, OSError, ValueError, pickle.UnpicklingError, MemoryError):
                break  # gone (stopped or crashed), or killed in the middle of a message
            self.done.append(item)
            try:
                os.write(self._wake_w, b".")
            except BlockingIOError:  # full of wakes not yet read: one is enough
                pass
            except OSError:
                break
        try:
            os.write(self._wake_w, b"!")  # one last wake: the pool notices it has stopped
        except OSError:
            pass

    def send(self, seq: int, path: str, sha256: Optional[str]) -> bool:
        try:
            self.conn.send((seq, path, sha256))
            return True
        except (OSError, ValueError):
            return False

    def clear_wake(self) -> None:
        if self.stopped:  # the descriptor is closed (and its number may be another file's now)
            return
        try:
            os.read(self.wake_r, 65536)
        except OSError:
            pass

    def stop(self) -> None:
        """Kill the process now, and keep what it had sent in full."""
        if self.stopped:
            return
        self.stopped = True
        try:
            self.process.kill()
        except (OSError, ValueError, AttributeError):
            pass
        self.process.join(5)
        self._thread.join(5)  # reads what is left in the pipe, then EOF
        try:
            self.conn.close()
        except OSError:
            pass
        if self._thread.is_alive():  # (it cannot be, past the EOF of a killed process): leave it its descriptors
            return
        for fd in (self.wake_r, self._wake_w):
            try:
                os.close(fd)
            except OSError:
                pass


def start_prefetcher(options: TagOptions, jobs: int, max_memory: Optional[float]) -> Optional[Prefetcher]:
    """A Prefetcher, or None where it would not help or forking is not safe."""
    import multiprocessing

    if jobs < 2 or os.environ.get("LSPKIT_PREFETCH", "1") == "0":
        return None
    if "fork" not in multiprocessing.get_all_start_methods() or threading.active_count() != 1:
        return None
    if threading.current_thread() is not threading.main_thread():
        return None
    try:
        return Prefetcher(options, max_memory)
    except OSError:  # no fork for us now (process limit, memory): the batch runs as it did without it
        return None
