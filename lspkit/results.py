"""What a batch produces for one file: a FileResult and its status.

Its own module because two rooms share it one way: `lspkit.batch` makes
results, `lspkit.render.batch` writes them, and render never imports batch.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum
from typing import Any, Optional

class FileStatus(str, Enum):
    """A batch file's outcome (a str, so `status == "ok"` still reads and JSON shows the value)."""

    OK = "ok"
    ERROR = "error"
    DUPLICATE = "duplicate"
    NO_PARAGRAPHS = "no-paragraphs"  # read and tagged, but not one numbered paragraph in it

    def __str__(self) -> str:  # CSV cells and f-strings show "ok", not "FileStatus.OK"
        return self.value


STATUS_OK = FileStatus.OK
STATUS_ERROR = FileStatus.ERROR
STATUS_DUPLICATE = FileStatus.DUPLICATE
STATUS_NO_PARAGRAPHS = FileStatus.NO_PARAGRAPHS
DONE = (STATUS_OK, STATUS_NO_PARAGRAPHS)  # statuses of a file that need not be tagged again


@dataclass(frozen=True)
class FileResult:
    """One input file's outcome: its paragraph records, or why it has none.

    `records` are exactly the single-file `tag` records (`TaggedDocument.records`);
    `theme_counts` is paragraphs per theme, for the summary.  `cached` says
    which stage came from the cache ("tags", "extract" or "").
    """

    file: str
    sha256: Optional[str]
    status: FileStatus = FileStatus.OK
    pages: int = 0
    records: tuple[dict, ...] = ()
    theme_counts: dict = field(default_factory=dict)
    error: Optional[str] = None  # an LspkitError kind: missing, invalid, encrypted, limit, ...
    message: Optional[str] = None
    duplicate_of: Optional[str] = None
    warnings: tuple[str, ...] = ()
    cached: str = ""
    seconds: float = 0.0

    def __post_init__(self):
        object.__setattr__(self, "status", FileStatus(self.status))

    @property
    def ok(self) -> bool:
        return self.status == STATUS_OK

    @property
    def paragraphs(self) -> int:
        return len(self.records)

    def no_paragraphs_message(self) -> str:
        return f"no numbered paragraphs in {self.pages} page{'s' if self.pages != 1 else ''}"

    @classmethod
    def failure(cls, file: str, sha256: Optional[str], kind: str, message: str, seconds: float = 0.0) -> "FileResult":
        return cls(file=file, sha256=sha256, status=STATUS_ERROR, error=kind, message=message, seconds=seconds)

    @classmethod
    def duplicate(cls, file: str, sha256: str, first: str) -> "FileResult":
        return cls(file=file, sha256=sha256, status=STATUS_DUPLICATE, duplicate_of=first)

    def error_record(self) -> dict[str, Any]:
        """The output record of a file that failed, was a duplicate, or has no numbered paragraphs."""
        if self.status == STATUS_NO_PARAGRAPHS:
            return {
                "file": self.file, "sha256": self.sha256, "status": self.status.value, "pages": self.pages,
                "message": self.no_paragraphs_message(),
            }
        if self.status == STATUS_DUPLICATE:
            return {"file": self.file, "sha256": self.sha256, "status": self.status.value, "duplicate_of": self.duplicate_of}
        return {"file": self.file, "sha256": self.sha256, "status": self.status.value, "error": self.error,
                "message": self.message}

    def to_dict(self) -> dict[str, Any]:
        return {
            "file": self.file,
            "sha256": self.sha256,
            "status": self.status.value,
            "pages": self.pages,
            "paragraphs": self.paragraphs,
            "theme_counts": dict(self.theme_counts),
            "error": self.error,
            "message": self.message,
            "duplicate_of": self.duplicate_of,
            "warnings": list(self.warnings),
            "cached": self.cached,
            "seconds": round(self.seconds, 4),
            "records": list(self.records),
        }
