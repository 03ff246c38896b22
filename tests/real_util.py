"""Where the real corpus lives, and one way to skip a test whose paper is not on this machine."""
from pathlib import Path

import pytest

REAL = Path(__file__).resolve().parent.parent / "data" / "real"
PAIRS = REAL / "pairs"


def real_pdf(name: str) -> Path:
    """data/real/NAME, or a skip that says how to restore it (PDFs whose licence keeps them out of git)."""
    path = REAL / name
    if not path.exists():
        pytest.skip(f"{name} is not on this machine: run `python data/real/restore.py`")
    return path
