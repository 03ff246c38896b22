"""Time and memory limits, so one hostile PDF cannot hang or swallow the machine.

A Python thread cannot be stopped and a runaway allocation cannot be taken
back, so limits are enforced by running the work in a child process: the
parent kills it when the wall clock runs out, and RLIMIT_AS inside the child
turns an over-large allocation into a MemoryError there (or a dead child)
instead of an exhausted host.  Used by the batch pool (per worker) and by any
command that offers --timeout / --max-memory for a single file.
"""
from __future__ import annotations

import os
import signal
import sys
import traceback
from contextlib import contextmanager
from typing import Any, Callable, Iterator, Optional

from .errors import LimitError, LspkitError

_MB = 1024 * 1024


def mp_context():
    """The start method for every lspkit child process.

    forkserver is safe when the parent has threads (rich's progress refresher,
    a Dask client); fork would copy their held locks.  spawn where neither exists.
    """
    import multiprocessing  # here, not at the top: a single `extract` starts no child this way (8 ms of start-up)

    methods = multiprocessing.get_all_start_methods()
    main = sys.modules.get("__main__")
    main_file = getattr(main, "__file__", None)
    if main_file and not os.path.exists(main_file) and "fork" in methods:
        # `python -` or an embedded interpreter: forkserver and spawn would try
        # to re-import a __main__ that is not on disk, and every child would die.
        return multiprocessing.get_context("fork")
    return multiprocessing.get_context("forkserver" if "forkserver" in methods else "spawn")


def _lspkit_root() -> str:
    """The directory this lspkit package was imported from (the folder holding `lspkit/`)."""
    return os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


@contextmanager
def _neutral_start() -> Iterator[None]:
    """Start multiprocessing's helper processes (the forkserver, the resource tracker) from a directory that
    cannot shadow a module.

    They are `python -c ...` processes, so the directory they start in is first on their sys.path, and
    Python 3.11's forkserver never applies the parent's sys.path: a `timeit.py` or `random.py` in the user's
    directory was imported in place of the standard module and the forkserver died ("EOFError" in the
    parent).  They start in the standard library's own directory instead, with this lspkit's folder on
    PYTHONPATH so that they import the same lspkit as this process.  Workers forked from the forkserver
    still run in the user's directory (multiprocessing moves each child there).
    """
    try:
        here = os.getcwd()
    except OSError:  # the directory was removed under us: nothing in it to shadow anything
        yield
        return
    neutral = os.path.dirname(os.__file__)
    old_path = os.environ.get("PYTHONPATH")
    os.environ["PYTHONPATH"] = os.pathsep.join(p for p in (_lspkit_root(), old_path) if p)
    try:
        os.chdir(neutral)
    except OSError:
        neutral = None
    try:
        yield
    finally:
        if neutral is not None:
            os.chdir(here)
        if old_path is None:
            os.environ.pop("PYTHONPATH", None)
        else:
            os.environ["PYTHONPATH"] = old_path


def shadow_free_path(path: list) -> list:
    """`path` (a sys.path) without the current directory, unless lspkit itself was imported from there.

    Set in each batch worker: multiprocessing gives it the parent's sys.path, on which `python -m lspkit.cli`
    put the user's directory first, so a module imported later (after the forkserver's preload) could be
    a file of the user's that happens to share a standard module's name.
    """
    try:
        here = os.path.realpath(os.getcwd())
    except OSError:
        return list(path)
    root = os.path.realpath(_lspkit_root())
    return [p for p in path if root == here or os.path.realpath(p or ".") != here]


@contextmanager
def sigint_blocked() -> Iterator[None]:
    """Hold back SIGINT in this thread while child processes (and threads that start them) are made.

    Ctrl-C goes to the terminal's whole process group: the forkserver (while it
    is still importing its preload list) and a freshly forked worker (before it
    ignores SIGINT) would each die with a KeyboardInterrupt traceback.  A child
    process inherits the blocked mask (across exec too), and so does a thread,
    so no child can be interrupted until it has chosen to ignore SIGINT
    (`ignore_sigint`).  A Ctrl-C meant for this process is not lost: it stays
    pending and is raised when the block ends.  This is what multiprocessing's
    own resource tracker does for itself (bpo-33613).
    """
    import threading

    if threading.current_thread() is not threading.main_thread() or not hasattr(signal, "pthread_sigmask"):
        yield
        return
    method = mp_context().get_start_method()
    if method != "fork":
        # Started lazily by the first child, it unblocks SIGINT in the thread
        # that starts it: start it first, so that the block below holds throughout.
        from multiprocessing import resource_tracker

        with _neutral_start():
            resource_tracker.ensure_running()
    previous = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})
    try:
        if method == "forkserver":  # started here, not by the child's start(), to start it neutrally
            from multiprocessing import forkserver

            with _neutral_start():
                forkserver.ensure_running()
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, previous)


def forkserver_pid() -> Optional[int]:
    """The pid of multiprocessing's forkserver for this process, if it has started one."""
    from multiprocessing import forkserver

    return getattr(getattr(forkserver, "_forkserver", None), "_forkserver_pid", None)


def start_forkserver() -> Optional[int]:
    """Start the forkserver now, as the first child would (SIGINT held back, from a neutral directory), and
    return its pid; None where children are not started by a forkserver (or not from the main thread)."""
    if mp_context().get_start_method() != "forkserver":
        return None
    with sigint_blocked():
        pass
    return forkserver_pid()


def ignore_sigint() -> None:
    """In a child process: Ctrl-C is the parent's to handle (it then stops the child)."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    if hasattr(signal, "pthread_sigmask"):
        signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT})


def start_child(process) -> None:
    """`process.start()` with SIGINT held back (see `sigint_blocked`); the child must call `ignore_sigint`."""
    with sigint_blocked():
        process.start()


def set_memory_limit(max_memory_mb: Optional[float]) -> None:
    """Cap this process's address space (RLIMIT_AS) at `max_memory_mb` megabytes; None leaves it."""
    if not max_memory_mb:
        return
    try:
        import resource
    except ImportError:  # not on POSIX: no cap rather than no run
        return
    limit = int(max_memory_mb * _MB)
    _soft, hard = resource.getrlimit(resource.RLIMIT_AS)
    if hard != resource.RLIM_INFINITY:
        limit = min(limit, hard)
    resource.setrlimit(resource.RLIMIT_AS, (limit, hard))


def describe_exit(exitcode: Optional[int]) -> str:
    """How a child process ended, in words: 'killed by SIGKILL (out of memory?)'."""
    if exitcode is None:
        return "still running"
    if exitcode < 0:
        try:
            name = signal.Signals(-exitcode).name
        except ValueError:
            name = f"signal {-exitcode}"
        hint = " (out of memory?)" if -exitcode == signal.SIGKILL else ""
        return f"killed by {name}{hint}"
    return f"exited with status {exitcode}"


def memory_problem(max_memory_mb: Optional[float]) -> str:
    return f"memory limit of {max_memory_mb:g} MB exceeded" if max_memory_mb else "out of memory"


def error_to_wire(exc: BaseException) -> tuple:
    """An exception as plain data: LspkitError's `path` does not survive pickling."""
    if isinstance(exc, LspkitError):
        return ("lspkit", type(exc).__module__, type(exc).__qualname__, exc.problem, exc.path)
    return ("other", type(exc).__module__, type(exc).__qualname__, str(exc), "".join(traceback.format_exception(exc)))


def error_from_wire(wire: tuple) -> BaseException:
    kind, module, qualname, problem, extra = wire
    if kind == "lspkit":
        import importlib

        try:
            cls = getattr(importlib.import_module(module), qualname)
            if isinstance(cls, type) and issubclass(cls, LspkitError):
                return cls(problem, extra)
        except (ImportError, AttributeError):
            pass
        return LspkitError(problem, extra)
    return RuntimeError(f"{qualname}: {problem}")


def _child(conn, func, args, kwargs, max_memory_mb) -> None:
    ignore_sigint()
    try:
        set_memory_limit(max_memory_mb)
        result = func(*args, **kwargs)
        conn.send(("ok", result))
    except MemoryError:
        conn.send(("error", error_to_wire(LimitError(memory_problem(max_memory_mb)))))
    except ImportError as exc:
        # Under RLIMIT_AS a lazily imported extension module cannot be mapped: that is the limit, not a bug.
        if max_memory_mb and ("failed to map segment" in str(exc) or "Cannot allocate memory" in str(exc)):
            conn.send(("error", error_to_wire(LimitError(memory_problem(max_memory_mb)))))
        else:
            conn.send(("error", error_to_wire(exc)))
    except BaseException as exc:  # noqa: BLE001 - everything goes back to the parent
        try:
            conn.send(("error", error_to_wire(exc)))
        except Exception:  # the exception itself would not pickle
            conn.send(("error", ("other", "builtins", type(exc).__qualname__, str(exc), "")))
    finally:
        conn.close()


def run_limited(
    func: Callable[..., Any],
    *args: Any,
    timeout: Optional[float] = None,
    max_memory: Optional[float] = None,
    path: Optional[str] = None,
    **kwargs: Any,
) -> Any:
    """`func(*args, **kwargs)` in a child process, killed after `timeout` seconds, capped at `max_memory` MB.

    Returns what `func` returns (it must pickle).  An LspkitError raised in the
    child is raised again here with its path; a hit limit or a dead child is a
    LimitError about `path`.  With neither limit set the call runs in-process.
    """
    if timeout is None and max_memory is None:
        return func(*args, **kwargs)
    ctx = mp_context()
    parent, child = ctx.Pipe(duplex=False)
    proc = ctx.Process(target=_child, args=(child, func, args, kwargs, max_memory), daemon=True)
    start_child(proc)
    child.close()
    try:
        if not parent.poll(timeout):
            raise LimitError(f"timed out after {timeout:g} s", path)
        try:
            status, payload = parent.recv()
        except EOFError:
            proc.join(5)
            problem = describe_exit(proc.exitcode)
            if max_memory:
                problem += f" with a memory limit of {max_memory:g} MB"
            raise LimitError(f"worker {problem}", path) from None
    finally:
        if proc.is_alive():
            proc.kill()
        proc.join(5)
        parent.close()
    if status == "ok":
        return payload
    exc = error_from_wire(payload)
    if isinstance(exc, LspkitError) and exc.path is None:
        exc.path = path
    raise exc


def kill_quietly(proc) -> None:
    """Stop a child for good: SIGKILL (a hung PDF parser ignores nothing else reliably), then reap."""
    try:
        if proc.is_alive():
            proc.kill()
        proc.join(5)
    except (OSError, ValueError, AssertionError):
        pass
