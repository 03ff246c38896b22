"""One exception family, translated to a message and exit status only at the CLI boundary.

Library code raises these and never prints or exits; each carries the file it
is about and a one-line problem, so the CLI can say `lspkit: FILE: PROBLEM`.
"""
from __future__ import annotations

from typing import Optional

# Exit statuses, documented in the README.  Commands with a diff(1)-like
# contract (diff, batch tag) map every failure to 2 themselves.
EXIT_OK = 0
EXIT_DIFFERENT = 1  # diff: the documents differ; batch tag: some files failed
EXIT_USAGE = 2  # bad options (click's own status)
EXIT_INPUT_MISSING = 3  # no such file, a directory, unreadable
EXIT_INPUT_INVALID = 4  # not a PDF, empty, truncated or corrupt, no text layer
EXIT_ENCRYPTED = 5  # password needed or wrong
EXIT_CONFIG = 6  # taxonomy or settings file invalid
EXIT_OUTPUT = 7  # output cannot be written
EXIT_LIMIT = 8  # a time, memory or page limit was hit


class LspkitError(Exception):
    """Base of every error a user can cause; `exit_code` is what the CLI returns."""

    exit_code = EXIT_INPUT_INVALID
    kind = "error"

    def __init__(self, problem: str, path: Optional[str] = None):
        super().__init__(problem)
        self.problem = problem
        self.path = path

    def __str__(self) -> str:
        return f"{self.path}: {self.problem}" if self.path else self.problem


class InputMissingError(LspkitError):
    exit_code = EXIT_INPUT_MISSING
    kind = "missing"


class InputInvalidError(LspkitError):
    exit_code = EXIT_INPUT_INVALID
    kind = "invalid"


class NoTextLayerError(InputInvalidError):
    kind = "no-text"


class EncryptedError(LspkitError):
    exit_code = EXIT_ENCRYPTED
    kind = "encrypted"


class ConfigError(LspkitError):
    exit_code = EXIT_CONFIG
    kind = "config"


class OutputError(LspkitError):
    exit_code = EXIT_OUTPUT
    kind = "output"


class LimitError(LspkitError):
    exit_code = EXIT_LIMIT
    kind = "limit"
