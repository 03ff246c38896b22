"""Where the real corpus lives, one way to skip a test whose paper is not on this machine, and its papers read once."""
from functools import lru_cache
from pathlib import Path

import pytest

from lspkit.pipeline import extract as _pipeline_extract  # the real one, whatever a test patches later

REAL = Path(__file__).resolve().parent.parent / "data" / "real"
PAIRS = REAL / "pairs"

_EXTRACTED: dict = {}
_DEFAULT_OPTIONS = {"pages": None, "password": None, "max_pages": None, "reader": None, "tracked": "final"}


def extracted(path, **options):
    """`lspkit.pipeline.extract(path, **options)` of a file the tests only read (data/), once per test process.

    Every test module that needs a paper's Document (real_util.doc, test_matrix's CLI runs, ...) shares this one
    reading instead of each keeping its own: the Document is immutable, and it carries the reader's warnings.
    Options at their defaults and `sha256` (which only saves hashing) are left out of the key, so the CLI's call
    and the API's call of one file are one reading.  Never for a file a test writes or a reader a test patches."""
    from lspkit.read import DEFAULT_READER

    defaults = {**_DEFAULT_OPTIONS, "reader": DEFAULT_READER}
    key = (str(path),  # as given: the Document records the path it was read from
           repr(sorted((k, v) for k, v in options.items() if k != "sha256" and (k not in defaults or v != defaults[k]))))
    if key not in _EXTRACTED:
        _EXTRACTED[key] = _pipeline_extract(str(path), **options)
    return _EXTRACTED[key]


def real_pdf(name: str) -> Path:
    """data/real/NAME, or a skip that says how to restore it (PDFs whose licence keeps them out of git)."""
    path = REAL / name
    if not path.exists():
        pytest.skip(f"{name} is not on this machine: run `python data/real/restore.py`")
    return path


def _doc(name: str):
    return extracted(REAL / f"{name}.pdf")


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
