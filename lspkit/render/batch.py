"""Batch output: JSONL or CSV, paragraph rows or one summary row per file, and the progress bar.

A renderer turns one FileResult into one text unit (all of that file's rows),
so the output can be written, journalled and resumed file by file.  It can
also read an output back into units (`read_units`), which is how `--resume`
knows which files are already complete.  Paragraph records are the
single-file `tag` records unchanged; CSV spreads `scores` into one column per
theme.
"""
from __future__ import annotations

import csv
import io
import json
from dataclasses import dataclass
from typing import IO, Any, Iterator, Optional, Sequence

from ..results import DONE, STATUS_ERROR, STATUS_OK, FileResult

STATUS_FIELDS = ("status", "error", "message", "duplicate_of")
# json.dumps(r, ensure_ascii=False) without building a JSONEncoder for every record (same text): the batch's
# parent renders every file's records while the workers wait for a core (a third less of that work)
_JSONL = json.JSONEncoder(ensure_ascii=False).encode
SUMMARY_FIELDS = ("file", "sha256", "status", "pages", "paragraphs")
FORMATS = ("jsonl", "csv")


@dataclass(frozen=True)
class Unit:
    """The rendered rows of one file, with what identifies them."""

    file: str
    sha256: Optional[str]
    status: str
    text: str
    paragraphs: int = 0


class FormatMismatch(ValueError):
    """An existing output does not look like what this run would write."""


class BatchRenderer:
    """Renders FileResults as `fmt` ("jsonl" or "csv"): paragraph rows, or summary rows with `summary=True`.

    CSV paragraph rows are the single-file `tag --format csv` columns
    (`score_<theme>` per theme, `themes` joined with ';') plus status columns.
    """

    def __init__(self, fmt: str, theme_names: Sequence[str], summary: bool = False, explain: bool = False):
        fmt = fmt.lower()
        if fmt not in FORMATS:
            raise ValueError(f"batch output is jsonl or csv, not {fmt}")
        self.fmt = fmt
        self.summary = summary
        self.explain = explain
        self.theme_names = tuple(theme_names)
        if summary:
            counts = [f"paragraphs_{n}" for n in self.theme_names]
            self.columns = (*SUMMARY_FIELDS, *counts, *STATUS_FIELDS[1:])
        else:
            from .tags import csv_fields

            self.columns = (*csv_fields(self.theme_names, explain=explain), *STATUS_FIELDS)

    # ------------------------------------------------------------ writing

    def header(self) -> str:
        return self._csv_rows([list(self.columns)]) if self.fmt == "csv" else ""

    def rows(self, result: FileResult) -> list[dict[str, Any]]:
        """The records of one file, as dicts (JSONL shape)."""
        if self.summary:
            return [self.summary_row(result)]
        if result.status != STATUS_OK:
            return [result.error_record()]
        return list(result.records)

    def summary_row(self, result: FileResult) -> dict[str, Any]:
        ok = result.status in DONE
        return {
            "file": result.file,
            "sha256": result.sha256,
            "status": result.status.value,
            "pages": result.pages if ok else None,
            "paragraphs": result.paragraphs if ok else None,
            "paragraphs_per_theme": {n: result.theme_counts.get(n, 0) for n in self.theme_names} if ok else None,
            "error": result.error,
            "message": result.message,
            "duplicate_of": result.duplicate_of,
        }

    def render(self, result: FileResult) -> str:
        """All rows of one file as one string, so it is written in one piece."""
        rows = self.rows(result)
        if self.fmt == "jsonl":
            encode = _JSONL
            return "".join([encode(r) + "\n" for r in rows])
        return self._csv_rows([self._csv_cells(r) for r in rows])

    def unit(self, result: FileResult) -> Unit:
        return Unit(result.file, result.sha256, result.status.value, self.render(result), result.paragraphs)

    def _csv_cells(self, row: dict[str, Any]) -> list[Any]:
        status = row.get("status", STATUS_OK)
        if self.summary:
            cells = {k: row.get(k) for k in SUMMARY_FIELDS}
            for name, count in (row.get("paragraphs_per_theme") or {}).items():
                cells[f"paragraphs_{name}"] = count
        elif status == STATUS_OK:
            from .tags import csv_row

            cells = csv_row(row, self.theme_names, explain=self.explain)
            cells["status"] = status
        else:
            cells = {"file": row.get("file"), "sha256": row.get("sha256"), "status": status}
        cells.update({k: row.get(k) for k in STATUS_FIELDS[1:] if k in row})
        return ["" if cells.get(c) is None else cells[c] for c in self.columns]

    @staticmethod
    def _csv_rows(rows) -> str:
        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\n")
        writer.writerows(rows)
        return buffer.getvalue()

    # ------------------------------------------------------------ reading back (resume)

    def read_units(self, stream: IO[str], strict: bool = True) -> Iterator[Unit]:
        """Units of an output this renderer wrote: consecutive rows of one (file, sha256, status).

        Raises FormatMismatch when the text is not this format (another
        --format, another taxonomy's columns, not lspkit output).
        """
        rows = self._read_jsonl(stream) if self.fmt == "jsonl" else self._read_csv(stream)
        current: Optional[tuple] = None
        texts: list[str] = []
        count = 0
        for key, text, is_paragraph in rows:
            if key != current and current is not None:
                yield Unit(*current, "".join(texts), count)
                texts, count = [], 0
            current = key
            texts.append(text)
            count += int(is_paragraph)
        if current is not None:
            yield Unit(*current, "".join(texts), count)

    def _read_jsonl(self, stream):
        for number, line in enumerate(stream, 1):
            if not line.strip():
                continue
            try:
                row = json.loads(line)
            except ValueError:
                raise FormatMismatch(f"line {number} is not JSON (written with another --format?)") from None
            if not isinstance(row, dict) or "file" not in row or "sha256" not in row:
                raise FormatMismatch(f"line {number} is not an lspkit tag record")
            status = row.get("status", STATUS_OK)
            text = line if line.endswith("\n") else line + "\n"
            paragraph = not self.summary and status == STATUS_OK
            if self.summary and "paragraphs" not in row:
                raise FormatMismatch(f"line {number} is a paragraph record, not a --summary row")
            if not self.summary and "paragraphs" in row and "number" not in row:
                raise FormatMismatch(f"line {number} is a --summary row, not a paragraph record")
            yield (row["file"], row["sha256"], status), text, paragraph

    def _read_csv(self, stream):
        reader = csv.reader(stream)
        header = next(reader, None)
        if header is None:
            return
        if tuple(header) != self.columns:
            raise FormatMismatch("its CSV columns differ from this run's (another --format, --summary or taxonomy?)")
        at = {c: i for i, c in enumerate(self.columns)}
        for row in reader:
            if len(row) != len(self.columns):
                raise FormatMismatch(f"a row has {len(row)} columns, not {len(self.columns)}")
            status = row[at["status"]] or STATUS_OK
            sha = row[at["sha256"]] or None
            yield (row[at["file"]], sha, status), self._csv_rows([row]), not self.summary and status == STATUS_OK


__all__ = ["BatchRenderer", "BatchProgress", "Unit", "FormatMismatch", "FORMATS"]


# ---------------------------------------------------------------- progress


class BatchProgress:
    """A rich progress bar on stderr (files, pages, rate, ETA, failures); a no-op when `enabled` is false."""

    def __init__(self, total: int, enabled: bool):
        self.enabled = enabled
        self.total = total
        self.pages = 0
        self.failed = 0
        self._progress = None
        self._task = None

    def __enter__(self) -> "BatchProgress":
        if self.enabled:
            from rich.console import Console
            from rich.progress import (
                BarColumn,
                MofNCompleteColumn,
                Progress,
                TextColumn,
                TimeElapsedColumn,
                TimeRemainingColumn,
            )

            self._progress = Progress(
                TextColumn("tagging"),
                BarColumn(),
                MofNCompleteColumn(),
                TextColumn("files"),
                TextColumn("{task.fields[pages]} pages"),
                TextColumn("{task.fields[rate]}"),
                TextColumn("[red]{task.fields[failed]} failed"),
                TimeElapsedColumn(),
                TextColumn("ETA"),
                TimeRemainingColumn(),
                console=Console(stderr=True),
                transient=True,
            )
            self._progress.__enter__()
            self._task = self._progress.add_task("tag", total=self.total, pages=0, failed=0, rate="")
        return self

    def advance(self, result: Optional[FileResult]) -> None:
        if result is not None:
            self.pages += result.pages
            self.failed += result.status == STATUS_ERROR
        if self._progress is not None:
            task = self._progress.tasks[0]
            elapsed = task.elapsed or 0.0
            rate = f"{self.pages / elapsed:.1f} pages/s" if elapsed > 0 else ""
            self._progress.update(self._task, advance=1, pages=self.pages, failed=self.failed, rate=rate)

    def __exit__(self, *exc) -> None:
        if self._progress is not None:
            self._progress.__exit__(*exc)
