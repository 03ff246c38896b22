"""Where batch results go, file by file, so that a killed run loses nothing it finished.

To stdout, units stream as they come.  To `--output PATH`, each finished
file is appended as ONE line to a journal next to it (`PATH.lspkit-journal`:
JSON with the file's key and its rendered rows), and only at the end is PATH
written from the journal, atomically.  A kill (even SIGKILL) can at worst
tear the journal's last line, which reading ignores: that file simply has
not happened.  `--resume` reads the complete units of PATH and of the
journal, keeps those that succeeded (failed files are tried again), and the
run carries on; every file is in the final output exactly once.
"""
from __future__ import annotations

import json
import os
import sys
from typing import IO, Iterator, Optional

from ..infra.errors import OutputError
from ..infra.outputs import open_output
from ..render.batch import BatchRenderer, FormatMismatch, Unit
from ..results import DONE, STATUS_DUPLICATE, FileResult

JOURNAL_SUFFIX = ".lspkit-journal"
MEMORY_TEXT = 32 * 1024 * 1024  # characters of rendered units kept in memory for the commit (more: re-read)


def journal_path(output: str) -> str:
    return output + JOURNAL_SUFFIX


def read_journal(path: str) -> Iterator[Unit]:
    """Complete units of a journal; a torn last line (a killed run) is ignored."""
    try:
        stream = open(path, encoding="utf-8", newline="")
    except FileNotFoundError:
        return
    with stream:
        for line in stream:
            if not line.endswith("\n"):
                break  # torn by a kill mid-write
            try:
                d = json.loads(line)
                yield Unit(d["file"], d["sha256"], d["status"], d["text"], d.get("paragraphs", 0))
            except (ValueError, KeyError, TypeError):
                continue


class BatchOutput:
    """Streams units to stdout, or journals them for an atomic `--output` with `--resume`."""

    def __init__(self, path: Optional[str], renderer: BatchRenderer, resume: bool = False):
        self.path = None if path in (None, "-") else path
        self.renderer = renderer
        self.resume = resume
        self.done: dict[str, list[str]] = {}  # hash -> paths complete in the resumed output, tagged one first
        self.kept = 0  # units carried over from the resumed output
        self._journal: Optional[IO[str]] = None
        self._stdout_started = False
        self.discarded_journal = False
        # the journal's units' texts, in its order, while they stay under MEMORY_TEXT characters: the final
        # output is written from them without reading the journal back (a serial tail after the last file)
        self._texts: Optional[list[str]] = None
        self._text_size = 0

    # ------------------------------------------------------------ set-up

    def open(self) -> "BatchOutput":
        if self.path is None:
            if self.resume:
                raise OutputError("--resume needs --output PATH (there is nothing to resume on stdout)")
            return self
        directory = os.path.dirname(self.path) or "."
        if not os.path.isdir(directory):
            raise OutputError(f"cannot write output: directory {directory} does not exist", self.path)
        if not os.access(directory, os.W_OK):
            raise OutputError(f"cannot write output: directory {directory} is not writable", self.path)
        journal = journal_path(self.path)
        if self.resume:
            self._rebuild_journal(journal)
        else:
            self.discarded_journal = os.path.exists(journal)
        try:
            self._journal = open(journal, "a" if self.resume else "w", encoding="utf-8", newline="")
        except OSError as exc:
            raise OutputError(f"cannot write journal {journal}: {exc.strerror or exc}", self.path) from exc
        if not self.resume:  # a resumed journal starts with the units kept: commit reads it back
            self._texts = []
        return self

    def _previous_units(self, journal: str) -> Iterator[Unit]:
        if os.path.exists(self.path):
            try:
                with open(self.path, encoding="utf-8", newline="") as stream:
                    yield from self.renderer.read_units(stream)
            except FormatMismatch as exc:
                raise OutputError(f"cannot resume: {exc}", self.path) from None
            except (OSError, UnicodeDecodeError) as exc:
                raise OutputError(f"cannot resume: {exc}", self.path) from None
        yield from read_journal(journal)

    def _rebuild_journal(self, journal: str) -> None:
        """Keep the complete, successful units of the old output and journal, once each."""
        seen: set[tuple] = set()
        duplicates: list[Unit] = []
        tmp = journal + ".tmp"
        try:
            with open(tmp, "w", encoding="utf-8", newline="") as out:
                for unit in self._previous_units(journal):
                    key = (unit.file, unit.sha256, unit.status)
                    if key in seen:
                        continue
                    seen.add(key)
                    if unit.status in DONE and unit.sha256 and unit.sha256 not in self.done:
                        self.done[unit.sha256] = [unit.file]
                        out.write(_journal_line(unit))
                        self.kept += 1
                    elif unit.status == STATUS_DUPLICATE:
                        duplicates.append(unit)
                # A duplicate stands only if the copy it points at is complete.
                for unit in duplicates:
                    if unit.sha256 in self.done:
                        self.done[unit.sha256].append(unit.file)
                        out.write(_journal_line(unit))
                        self.kept += 1
                out.flush()
                os.fsync(out.fileno())
            os.replace(tmp, journal)
        except OSError as exc:
            try:
                os.unlink(tmp)
            except OSError:
                pass
            raise OutputError(f"cannot write journal {journal}: {exc.strerror or exc}", self.path) from exc

    # ------------------------------------------------------------ writing

    def write(self, result: FileResult) -> None:
        unit = self.renderer.unit(result)
        if self._journal is not None:
            try:
                self._journal.write(_journal_line(unit))  # one line: a kill cannot leave half a file
                self._journal.flush()
            except OSError as exc:  # disk full, quota, file too large: the journal so far stays for --resume
                raise OutputError(
                    f"cannot write journal {journal_path(self.path)}: {exc.strerror or exc}", self.path
                ) from exc
            if self._texts is not None:
                self._text_size += len(unit.text)
                if self._text_size > MEMORY_TEXT:
                    self._texts = None  # a large batch: commit reads the journal back instead
                else:
                    self._texts.append(unit.text)
            return
        if not self._stdout_started:
            sys.stdout.write(self.renderer.header())
            self._stdout_started = True
        sys.stdout.write(unit.text)
        sys.stdout.flush()

    def commit(self) -> None:
        """Write the final output from the journal (atomically) and remove the journal.

        The journal is flushed, not synced to disk: it is never synced while the batch runs (a killed process
        loses none of it; a power cut loses its unsynced tail, which `--resume` tags again), so a sync here
        guarded only the commit's own moment, and made every batch wait at its end for its whole journal, as
        large as the output, to reach the disk (0.07-0.15 s for 200 papers).  The output is synced, then renamed."""
        if self._journal is None:
            if not self._stdout_started:
                sys.stdout.write(self.renderer.header())
                sys.stdout.flush()
            return
        self._journal.flush()
        self._journal.close()
        self._journal = None
        journal = journal_path(self.path)
        texts = self._texts if self._texts is not None else (unit.text for unit in read_journal(journal))
        self._texts = None
        with open_output(self.path) as stream:
            stream.write(self.renderer.header())
            for text in texts:
                stream.write(text)
        try:
            os.unlink(journal)
        except OSError:
            pass

    def close(self) -> None:
        """Stop without committing: the journal stays for `--resume` (unless it holds nothing)."""
        if self._journal is not None:
            try:
                self._journal.flush()
                empty = self._journal.tell() == 0
                self._journal.close()
                if empty:
                    os.unlink(journal_path(self.path))
            except OSError:
                pass
            self._journal = None


_ENCODE = json.JSONEncoder(ensure_ascii=False).encode  # json.dumps(..., ensure_ascii=False), its encoder made once


def _journal_line(unit: Unit) -> str:
    return (
        _ENCODE({"file": unit.file, "sha256": unit.sha256, "status": unit.status, "paragraphs": unit.paragraphs, "text": unit.text})
        + "\n"
    )
