"""Writing results without ever leaving a half-written file behind."""
from __future__ import annotations

import os
import sys
import tempfile
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Iterator, Optional

from .errors import OutputError


@contextmanager
def open_output(path: Optional[str], mode: str = "w") -> Iterator[IO]:
    """Yield a writable stream; a real path is a temp file renamed into place on success.

    `None` or "-" is stdout.  On any exception the temp file is removed, so a
    failed run leaves the old output (or nothing) rather than a truncated one.
    """
    if path is None or path == "-":
        stream = sys.stdout.buffer if "b" in mode else sys.stdout
        yield stream
        stream.flush()
        return
    target = Path(path)
    directory = target.parent if str(target.parent) else Path(".")
    if not directory.is_dir():
        raise OutputError(f"cannot write output: directory {directory} does not exist", str(path))
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".part", dir=directory)
    except OSError as exc:
        raise OutputError(f"cannot write output: {exc.strerror or exc}", str(path)) from exc
    try:
        os.chmod(tmp, 0o666 & ~_umask())  # mkstemp makes 0600; outputs get the user's usual mode
        with os.fdopen(fd, mode, **({} if "b" in mode else {"encoding": "utf-8", "newline": ""})) as stream:
            yield stream
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(tmp, target)
    except OSError as exc:
        _unlink(tmp)
        raise OutputError(f"cannot write output: {exc.strerror or exc}", str(path)) from exc
    except BaseException:
        _unlink(tmp)
        raise


def write_text_atomic(path: Optional[str], text: str) -> None:
    with open_output(path) as stream:
        stream.write(text)


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def _unlink(p: str) -> None:
    try:
        os.unlink(p)
    except OSError:
        pass
