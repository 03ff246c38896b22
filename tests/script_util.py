"""The installed `lspkit` console script, for tests that drive it as a user does (terminal, signals)."""
import shutil
import sys
from pathlib import Path

import pytest


def console_script() -> str:
    """The installed console script (not a pyenv shim, whose start-up is a second interpreter's)."""
    beside = Path(sys.executable).parent / "lspkit"
    found = str(beside) if beside.exists() else shutil.which("lspkit")
    if not found:
        pytest.skip("the lspkit console script is not installed")
    return found
