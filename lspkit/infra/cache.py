"""A content-addressed cache of stage results, so a repeat run skips the heavy work.

Keys combine the input file's sha256, what the result depends on (taxonomy
hash, options), the lspkit version and a stamp of the installed package's
files (code, templates, shipped model), so an edit or a retrained model
without a version bump never serves a stale entry.
Entries are JSON files written atomically; a corrupt entry counts as a miss.
This module imports nothing heavy: a cache hit must not import spaCy or pdfplumber.
"""
from __future__ import annotations

import hashlib
import json
import os
import tempfile
from pathlib import Path
from functools import lru_cache
from typing import Any, Optional

from .. import __version__


def default_cache_dir() -> Path:
    """$LSPKIT_CACHE_DIR, else the platform's user cache directory.

    platformdirs knows each platform's convention (XDG on Linux, honouring
    $XDG_CACHE_HOME; ~/Library/Caches on macOS; %LOCALAPPDATA% on Windows).
    """
    env = os.environ.get("LSPKIT_CACHE_DIR")
    if env:
        return Path(env)
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("lspkit", appauthor=False))


def file_sha256(path: str, chunk: int = 1 << 20) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as f:
        while True:
            block = f.read(chunk)
            if not block:
                break
            h.update(block)
    return h.hexdigest()


_STAMPED = (".py", ".json", ".yaml", ".yml", ".html", ".j2", ".txt", ".tsv")


def tree_stamp(root: os.PathLike | str) -> str:
    """A hash of every code or data file's name, size and mtime under `root`.

    A stat per file (no reading), so a cache hit stays cheap; any edit,
    reinstall or retrained model changes the stamp.
    """
    h = hashlib.sha256()
    for dirpath, dirnames, files in os.walk(root):
        dirnames[:] = sorted(d for d in dirnames if d != "__pycache__")
        for name in sorted(files):
            if not name.endswith(_STAMPED):
                continue
            path = os.path.join(dirpath, name)
            try:
                st = os.stat(path)
            except OSError:
                continue
            h.update(f"{os.path.relpath(path, root)}\0{st.st_size}\0{st.st_mtime_ns}\n".encode("utf-8"))
    return h.hexdigest()


@lru_cache(maxsize=1)
def package_stamp() -> str:
    """`tree_stamp` of the lspkit package itself, once per process."""
    return tree_stamp(Path(__file__).resolve().parent.parent)


def make_key(*parts: Any) -> str:
    """A stable key from the parts, the lspkit version and the package's stamp."""
    text = json.dumps([__version__, package_stamp(), *parts], sort_keys=True, default=str)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


class Cache:
    """JSON values under `directory/<namespace>/<key[:2]>/<key>.json`.  `Cache(None)` is disabled."""

    def __init__(self, directory: Optional[os.PathLike | str] = None, enabled: bool = True):
        self.directory = Path(directory) if directory is not None else default_cache_dir()
        self.enabled = enabled

    def _path(self, namespace: str, key: str) -> Path:
        return self.directory / namespace / key[:2] / f"{key}.json"

    def get(self, namespace: str, key: str) -> Optional[Any]:
        if not self.enabled:
            return None
        try:
            with open(self._path(namespace, key), encoding="utf-8") as f:
                return json.load(f)
        except (OSError, ValueError):
            return None

    def put(self, namespace: str, key: str, value: Any) -> None:
        """Best effort: a cache that cannot be written must never fail the run."""
        if not self.enabled:
            return
        path = self._path(namespace, key)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(dir=path.parent, suffix=".part")
            with os.fdopen(fd, "w", encoding="utf-8") as f:
                json.dump(value, f, ensure_ascii=False)
            os.replace(tmp, path)
        except OSError:
            try:
                os.unlink(tmp)  # type: ignore[possibly-undefined]
            except (OSError, NameError):
                pass
