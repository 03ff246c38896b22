"""Where the real corpus lives, one way to skip a test whose paper is not on this machine, and its papers read once."""
from functools import lru_cache
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


@lru_cache(maxsize=None)
def _doc(name: str):
    from lspkit.api import extract

    return extract(str(REAL / f"{name}.pdf"))


def doc(name: str):
    """data/real/NAME.pdf extracted (once per test session), or a skip where the paper is not on this machine."""
    real_pdf(f"{name}.pdf")
    return _doc(name)


def para(d, number: str):
    """The paragraph of Document `d` numbered `number`."""
    return next(p for p in d.paragraphs if p.number == number)


@lru_cache(maxsize=None)
def _summary(name: str):
    from lspkit.analyse.summary import summarise

    return summarise(_doc(name))


def summary(name: str):
    """The officer's summary of data/real/NAME.pdf (once per test session), or a skip where the paper is absent."""
    real_pdf(f"{name}.pdf")
    return _summary(name)


def pair_gold(name: str) -> dict:
    """A version pair's gold (data/real/pairs/NAME), written from both versions' pages."""
    import json

    return json.loads((PAIRS / name).read_text(encoding="utf-8"))


def pair_diff(gold: dict):
    """`lspkit diff` of a pair's two real PDFs through the API (skips when one is absent), without themes."""
    from lspkit.api import diff_files

    return diff_files(str(real_pdf(gold["old"])), str(real_pdf(gold["new"])), themes=False)


def changed(result) -> list:
    """The changes of a diff that are not UNCHANGED."""
    from lspkit.analyse.diff import ChangeKind

    return [c for c in result.changes if c.kind is not ChangeKind.UNCHANGED]


def edits(change) -> list[tuple[str, str]]:
    """A change's word edits as (op, words), the equal runs left out."""
    return [(w.op.value, " ".join(w.text.split())) for w in change.words if w.op.value != "equal"]
