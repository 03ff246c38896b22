"""The JSON contract: one JSON Schema per command, shipped in the package.

Each describes exactly what the command's `-f json` writes, which is the
result's own `to_dict()` (Document, TaggedDocument, Summary, DiffResult);
`lspkit schema NAME` prints it and the tests validate real output against it.
"""
from __future__ import annotations

import json
from importlib.resources import files
from typing import Any

COMMANDS = ("extract", "tag", "summarise", "diff")


def schema_text(command: str) -> str:
    if command not in COMMANDS:
        raise ValueError(f"no schema for {command!r}; one of {', '.join(COMMANDS)}")
    return files(__name__).joinpath(f"{command}.schema.json").read_text(encoding="utf-8")


def schema(command: str) -> dict[str, Any]:
    return json.loads(schema_text(command))
