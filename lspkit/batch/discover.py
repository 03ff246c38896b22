"""Which files a batch tags: walking directories, reading paths from stdin, hashing,
dropping duplicates, skipping what a resumed run already has, and sharding.

Everything here runs in the parent and is cheap (directory walks and sha256
reads); the expensive work is left to the pool.  The plan is a lazy stream so
hashing overlaps with tagging.
"""
from __future__ import annotations

import fnmatch
import hashlib
import os
import re
import stat
from dataclasses import dataclass
from typing import Callable, Iterable, Iterator, Mapping, Optional, Sequence, TextIO

from ..infra.cache import file_sha256
from ..results import FileResult

DEFAULT_GLOBS = ("*.pdf", "*.txt", "*.md")


@dataclass(frozen=True)
class Found:
    """A path to tag, or a problem met while looking for paths."""

    path: str
    problem: Optional[str] = None  # set for an entry that cannot be tagged (unreadable directory)
    warning: Optional[str] = None  # set for something skipped harmlessly (a symlink loop)


def _matches(name: str, globs: tuple[str, ...]) -> bool:
    lower = name.lower()
    return any(fnmatch.fnmatchcase(lower, g.lower()) for g in globs)


def _walk(top: str, globs: tuple[str, ...], seen: set) -> Iterator[Found]:
    """Files under `top` matching `globs`, sorted, following symlinks but never in a loop.

    Hidden entries (a leading dot) are skipped: they hold VCS data and our own
    temporary output files.
    """
    try:
        st = os.stat(top)
    except OSError as exc:
        yield Found(top, problem=f"cannot read directory: {exc.strerror or exc}")
        return
    ident = (st.st_dev, st.st_ino)
    if ident in seen:
        yield Found(top, warning="directory already visited (symbolic link loop or repeated argument): skipped")
        return
    seen.add(ident)
    try:
        with os.scandir(top) as it:
            entries = sorted(it, key=lambda e: e.name)
    except OSError as exc:
        yield Found(top, problem=f"cannot read directory: {exc.strerror or exc}")
        return
    for entry in entries:
        if entry.name.startswith("."):
            continue
        path = os.path.join(top, entry.name)
        try:
            is_dir = entry.is_dir(follow_symlinks=True)
        except OSError:
            is_dir = False
        if is_dir:
            yield from _walk(path, globs, seen)
            continue
        if not _matches(entry.name, globs):
            continue
        if entry.is_symlink() and not os.path.exists(path):
            yield Found(path, problem="broken symbolic link")
            continue
        yield Found(path)


def discover(
    inputs: Iterable[str],
    globs: Optional[Iterable[str]] = None,
    stdin: Optional[TextIO] = None,
) -> Iterator[Found]:
    """Expand files, directories (recursively, filtered by `globs`) and '-' (paths on `stdin`, one a line).

    A file named explicitly is taken whatever its extension; files found in a
    directory must match a glob (default: PDFs, .txt and .md).
    """
    globs = tuple(globs) if globs else DEFAULT_GLOBS
    seen: set = set()
    for arg in inputs:
        if arg == "-":
            if stdin is None:
                continue
            for line in stdin:
                line = line.rstrip("\r\n")
                if line.strip():
                    yield from _one(line, globs, seen)
        else:
            yield from _one(arg, globs, seen)


def _one(arg: str, globs, seen) -> Iterator[Found]:
    if os.path.isdir(arg):
        yield from _walk(arg, globs, seen)
    else:
        yield Found(arg)


# ---------------------------------------------------------------- sharding


_SHARD = re.compile(r"^\s*(\d+)\s*/\s*(\d+)\s*$")


def parse_shard(spec: Optional[str]) -> Optional[tuple[int, int]]:
    """'K/N' (1 <= K <= N) to (K, N); raises ValueError with a usable message."""
    if spec is None:
        return None
    m = _SHARD.match(spec)
    if not m:
        raise ValueError(f"{spec!r} is not K/N (e.g. 3/8)")
    k, n = int(m.group(1)), int(m.group(2))
    if n < 1 or not 1 <= k <= n:
        raise ValueError(f"{spec!r}: need 1 <= K <= N")
    return k, n


def shard_of(key: str, n: int) -> int:
    """Shard number (1-based) of a content hash (or, for an unreadable file, its path)."""
    digest = key if re.fullmatch(r"[0-9a-f]{64}", key or "") else hashlib.sha256(key.encode("utf-8")).hexdigest()
    return int(digest[:16], 16) % n + 1


# ---------------------------------------------------------------- the plan


@dataclass(frozen=True)
class Task:
    """One input in order: to be tagged by a worker, or already decided (`result` set)."""

    index: int
    path: str
    sha256: Optional[str]
    result: Optional[FileResult] = None  # error or duplicate, decided here
    skipped: bool = False  # already complete in the output being resumed


class _NotRegular(Exception):
    pass


def plan(
    found: Iterable[Found],
    *,
    shard: Optional[tuple[int, int]] = None,
    done: Optional[Mapping[str, Sequence[str]]] = None,
    on_warning: Optional[Callable[[str, str], None]] = None,
    hasher: Callable[[str], str] = file_sha256,
) -> Iterator[Task]:
    """Hash each path and decide: tag it, report it (unreadable, duplicate), or skip it (resume, other shard).

    Sharding is by content hash, so it is stable across machines whatever the
    mount points, and copies of one paper always land in the same shard (where
    they are deduplicated).  `done` maps each hash a resumed output already
    has to the paths it has it under, the tagged one first: those paths are
    skipped, and a new path with that content is a duplicate of the first.
    """
    done = done or {}
    first_path: dict[str, str] = {}
    index = 0
    for item in found:
        if item.warning:
            if on_warning:
                on_warning(item.path, item.warning)
            continue
        sha: Optional[str] = None
        result: Optional[FileResult] = None
        if item.problem:
            result = FileResult.failure(item.path, None, "missing", item.problem)
        else:
            try:
                mode = os.stat(item.path).st_mode
                if stat.S_ISDIR(mode):
                    raise IsADirectoryError
                if not stat.S_ISREG(mode):  # hashing a FIFO nobody writes to would block the whole batch
                    raise _NotRegular
                sha = hasher(item.path)
            except _NotRegular:
                result = FileResult.failure(item.path, None, "missing", "not a regular file (a FIFO, socket or device)")
            except FileNotFoundError:
                result = FileResult.failure(item.path, None, "missing", "no such file")
            except IsADirectoryError:
                result = FileResult.failure(item.path, None, "missing", "is a directory")
            except OSError as exc:
                result = FileResult.failure(item.path, None, "missing", f"cannot read: {exc.strerror or exc}")
        if shard is not None and shard_of(sha or item.path, shard[1]) != shard[0]:
            continue
        if sha is not None:
            if sha in done and sha not in first_path:
                first_path[sha] = done[sha][0]
            if item.path in done.get(sha, ()):
                yield Task(index, item.path, sha, skipped=True)
                index += 1
                continue
            if sha in first_path:
                result = FileResult.duplicate(item.path, sha, first_path[sha])
            else:
                first_path[sha] = item.path
        yield Task(index, item.path, sha, result)
        index += 1
