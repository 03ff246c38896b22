"""A long PDF's pages read in forked worker processes as well as this one; the Reading is the same.

`map_pages(read, pages)` yields `read(page)` for every page, in page order.
Below `MIN_PAGES` pages, or where forking is unavailable or unwanted, it is a
plain loop.  Otherwise it forks `workers_for(len(pages))` processes that
inherit the open document (nothing is pickled on the way in), hands them
chunks of `CHUNK` pages through a pipe, two chunks ahead so none waits, reads
chunks itself in between, and puts the results back in page order.  A page is
laid out wholly in whichever process reads it (`lspkit.read.pdf.lay_out_page`
depends on that page alone); only the assembly that runs over page breaks is
done here, in order.

The workers never outlive the reading: Ctrl-C is held back while they are
forked and ignored in them (the parent handles it, then kills them); they
are SIGKILLed and reaped when the reading ends, however it ends; and on Linux
the kernel kills them if this process dies first (a `--timeout` kill).  A
worker that dies is a LimitError naming the pages it held; an error in a
worker is raised here as it would have been in a serial read.
"""
from __future__ import annotations

import contextlib
import os
import signal
import sys
import warnings
from typing import Any, Callable, Iterator, Optional, Sequence

MIN_PAGES = 24  # shorter documents are read serially: forking and pickling the pages back cost more than they save
CHUNK = 4  # pages a worker reads per request: small enough to balance, large enough to amortise the pipe
MAX_PROCESSES = 4  # processes reading one document, this one included
AHEAD = 2  # chunks queued per worker, so it never waits for the parent to hand it the next

_serial = False  # set in processes that are themselves workers of a batch (their siblings use the other cores)
_meanwhile: list[Callable[[], Any]] = []  # work for this process once the next document's workers are started


@contextlib.contextmanager
def meanwhile(work: Callable[[], Any]) -> Iterator[None]:
    """Inside the block, have this process run `work` once the page readers of a document are started, while they
    read their first pages (the pipeline imports the segmenter so: not before the fork, where nothing else runs,
    nor after the last page, where it would add to the wait).  Not run if the document is read serially or not at
    all; an error in it is ignored (the caller meets it again when it does the work itself)."""
    _meanwhile.append(work)
    try:
        yield
    finally:
        if work in _meanwhile:
            _meanwhile.remove(work)


def read_serially() -> None:
    """Read every PDF in this process serially from now on (a batch worker: the batch already fills the cores)."""
    global _serial
    _serial = True


def workers_for(pages: int) -> int:
    """How many worker processes to fork for a document of `pages` pages (0: read it serially).

    `LSPKIT_READ_PROCESSES` sets the number of reading processes (this one included; 1 reads serially);
    by default, one per usable core up to MAX_PROCESSES.  Serial under an address-space limit
    (`--max-memory`: each process would get the whole limit), in batch workers and where fork() is not Linux's.
    """
    if _serial or pages < MIN_PAGES or not hasattr(os, "fork") or not sys.platform.startswith("linux"):
        return 0
    wanted = os.environ.get("LSPKIT_READ_PROCESSES", "").strip()
    if wanted.isdigit():
        processes = int(wanted)
    else:
        try:
            processes = min(len(os.sched_getaffinity(0)), MAX_PROCESSES)
        except (AttributeError, OSError):
            processes = min(os.cpu_count() or 1, MAX_PROCESSES)
    if processes <= 1 or _memory_capped():
        return 0
    return min(processes - 1, (pages + CHUNK - 1) // CHUNK - 1)


def _memory_capped() -> bool:
    try:
        import resource

        return resource.getrlimit(resource.RLIMIT_AS)[0] != resource.RLIM_INFINITY
    except (ImportError, OSError, ValueError):
        return True


def map_pages(read: Callable[[int], Any], pages: Sequence[int], *, path: Optional[str] = None,
              workers: Optional[int] = None) -> Iterator[Any]:
    """`read(page)` for each page, in order; in worker processes too when the document is long enough.

    `workers` overrides `workers_for` (0: serially).  `path` names the file
    in the error raised when a worker dies.
    """
    pages = list(pages)
    if workers is None:
        workers = workers_for(len(pages))
    chunks = [pages[i:i + CHUNK] for i in range(0, len(pages), CHUNK)]
    workers = min(workers, len(chunks) - 1)
    extra = _meanwhile[:]
    _meanwhile.clear()
    if workers <= 0:
        for page in pages:
            yield read(page)
        return
    # The last pages go one at a time: when every page is claimed, this process waits for what the workers hold,
    # which is then a page or two each instead of AHEAD chunks (the 400-page report: 0.03-0.18 s of waiting at
    # the end, on the critical path, with whole chunks).
    head = max(0, len(pages) - AHEAD * CHUNK * (workers + 1))
    chunks = [pages[i:min(i + CHUNK, head)] for i in range(0, head, CHUNK)] + [[p] for p in pages[head:]]
    yield from _Pool(read, chunks, workers, path, extra).results()


class _Worker:
    def __init__(self, pid: int, tasks: int, results: int):
        self.pid = pid
        self.tasks = tasks  # pipe (write end): chunk numbers to it, 4 bytes each
        self.results = results  # pipe (read end): ("ok" | "memory" | "error", chunk, payload) from it, framed
        self.queued: list[int] = []  # chunks sent, not yet answered


# The pipes carry bare bytes (os.pipe, no multiprocessing.connection: its import alone cost this process 15-35 ms
# of start-up before any worker could start): a task is a chunk number, 4 bytes; a result is its pickle's length,
# 8 bytes, then the pickle.
def _send(fd: int, obj) -> None:
    import pickle

    data = pickle.dumps(obj, protocol=pickle.HIGHEST_PROTOCOL)
    _write_all(fd, len(data).to_bytes(8, "little") + data)


def _write_all(fd: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        view = view[os.write(fd, view):]


def _read_exact(fd: int, n: int) -> bytes:
    """n bytes from the pipe; EOFError when it closes first (the other end died or is done)."""
    parts: list[bytes] = []
    while n:
        part = os.read(fd, min(n, 1 << 20))
        if not part:
            raise EOFError
        parts.append(part)
        n -= len(part)
    return parts[0] if len(parts) == 1 else b"".join(parts)


def _recv(fd: int):
    import pickle

    return pickle.loads(_read_exact(fd, int.from_bytes(_read_exact(fd, 8), "little")))


def _ready(fds: list[int], timeout: Optional[float]) -> list[int]:
    """The fds among `fds` with something to read (data, or the end of the pipe), waiting up to timeout
    seconds (None: until one has)."""
    import select

    poller = select.poll()
    for fd in fds:
        poller.register(fd, select.POLLIN)
    while True:
        try:
            return [fd for fd, _ in poller.poll(None if timeout is None else int(timeout * 1000))]
        except InterruptedError:  # pragma: no cover - PEP 475 retries poll itself
            continue


class _Pool:
    def __init__(self, read: Callable[[int], Any], chunks: list[list[int]], workers: int, path: Optional[str],
                 meanwhile: Sequence[Callable[[], Any]] = ()):
        self.read = read
        self.meanwhile = meanwhile
        self.chunks = chunks
        self.n_workers = workers
        self.path = path
        self.workers: list[_Worker] = []
        self.next = 0  # the first chunk nobody has claimed
        self.done: dict[int, list] = {}

    def results(self) -> Iterator[Any]:
        try:
            self._start()
            for work in self.meanwhile:
                try:
                    work()
                except Exception:  # noqa: BLE001 - the caller does it again, and meets the error then
                    pass
            emit = 0
            while emit < len(self.chunks):
                self._collect()
                if emit in self.done:
                    yield from self.done.pop(emit)
                    emit += 1
                elif self.next < len(self.chunks):  # this process reads the next unclaimed chunk itself
                    k = self.next
                    self.next += 1
                    self.done[k] = [self.read(p) for p in self.chunks[k]]
                else:
                    _ready([w.results for w in self.workers if w.queued], None)  # a result, or a worker's death
                    self._collect()
        finally:
            self._stop()

    def _start(self) -> None:
        parent_pid = os.getpid()
        for _ in range(self.n_workers):
            task_r, task_w = os.pipe()
            result_r, result_w = os.pipe()
            # Ctrl-C held back across fork(): the child inherits the block and ignores SIGINT before lifting it
            previous = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})
            pid = -1
            try:
                with warnings.catch_warnings():
                    # Python 3.12+ warns about forking beside other threads (a progress bar's refresher): the
                    # worker only runs pdfium and lspkit's own code, never what those threads hold locks for
                    warnings.filterwarnings("ignore", "This process .* is multi-threaded", DeprecationWarning)
                    pid = os.fork()
                if pid == 0:  # the worker: never returns
                    _work(self.read, self.chunks, task_r, result_w, parent_pid, [task_w, result_r], self.workers)
            finally:
                if pid != 0:
                    signal.pthread_sigmask(signal.SIG_SETMASK, previous)
            os.close(task_r)
            os.close(result_w)
            worker = _Worker(pid, task_w, result_r)
            self.workers.append(worker)
        for w in self.workers:
            self._feed(w)

    def _feed(self, w: _Worker) -> None:
        while len(w.queued) < AHEAD and self.next < len(self.chunks):
            try:
                _write_all(w.tasks, self.next.to_bytes(4, "little"))
            except OSError:  # it died: _collect finds out how, from its result pipe
                return
            w.queued.append(self.next)
            self.next += 1

    def _collect(self) -> None:
        """Take in every result that has arrived (without waiting); a worker that died raises LimitError."""
        for w in self.workers:
            while w.queued and _ready([w.results], 0):
                try:
                    status, k, payload = _recv(w.results)
                except (EOFError, OSError):
                    self._dead(w)
                w.queued.remove(k)
                if status == "ok":
                    self.done[k] = payload
                elif status == "memory":
                    raise MemoryError(f"reading pages {_span(self.chunks[k])}")
                else:
                    from ..infra.limits import error_from_wire

                    raise error_from_wire(payload)
                self._feed(w)

    def _dead(self, w: _Worker) -> None:
        from ..infra.errors import LimitError
        from ..infra.limits import describe_exit

        try:
            _pid, status = os.waitpid(w.pid, 0)
            code = os.waitstatus_to_exitcode(status)
        except ChildProcessError:
            code = None
        w.pid = 0
        # a worker reads its chunks in the order sent and answers each in turn: the first unanswered one is the one it
        # died reading (those queued behind it were never started, and how many were queued depends on timing)
        held = list(self.chunks[w.queued[0]]) if w.queued else []
        raise LimitError(f"page reader {describe_exit(code)} while reading page(s) {_span(held)}", self.path)

    def _stop(self) -> None:
        for w in self.workers:
            for fd in (w.tasks, w.results):
                try:
                    os.close(fd)
                except OSError:
                    pass
            if w.pid:
                try:
                    os.kill(w.pid, signal.SIGKILL)
                except ProcessLookupError:
                    pass
                try:
                    os.waitpid(w.pid, 0)
                except ChildProcessError:
                    pass
        self.workers = []


def _work(read, chunks, tasks, results, parent_pid: int, parents_ends: list, siblings: list[_Worker]) -> None:
    """A worker's life: read the chunks it is sent until the pipe closes, then _exit (no cleanup, no output)."""
    code = 0
    try:
        signal.signal(signal.SIGINT, signal.SIG_IGN)
        signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT})
        _die_with_parent()
        import faulthandler

        if faulthandler.is_enabled():  # a crash is reported by the parent, in one line, not as a C stack dump
            faulthandler.disable()
        if os.getppid() != parent_pid:  # the parent died before the line above
            os._exit(0)
        for fd in parents_ends:  # the parent's ends of this worker's pipes, and of earlier workers'
            os.close(fd)
        for w in siblings:
            os.close(w.tasks)
            os.close(w.results)
        from ..infra.limits import error_to_wire

        while True:
            try:
                k = int.from_bytes(_read_exact(tasks, 4), "little")
            except (EOFError, OSError):
                break
            try:
                payload = [read(p) for p in chunks[k]]
            except MemoryError:
                _send(results, ("memory", k, None))
                continue
            except BaseException as exc:  # noqa: BLE001 - every error goes back to the parent
                _send(results, ("error", k, error_to_wire(exc)))
                continue
            _send(results, ("ok", k, payload))
    except BaseException:  # noqa: BLE001 - a broken pipe: the parent is gone or done
        code = 1
    finally:
        os._exit(code)


def _die_with_parent() -> None:
    """Linux: SIGKILL this process when its parent dies (prctl PR_SET_PDEATHSIG)."""
    try:
        import ctypes

        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(1, signal.SIGKILL, 0, 0, 0)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        pass


def _span(pages: list[int]) -> str:
    """Pages as ranges: "5-8, 13-16"."""
    if not pages:
        return "?"
    pages = sorted(pages)
    out: list[str] = []
    start = prev = pages[0]
    for p in pages[1:] + [None]:
        if p is not None and p == prev + 1:
            prev = p
            continue
        out.append(str(start) if start == prev else f"{start}-{prev}")
        if p is not None:
            start = prev = p
    return ", ".join(out)
