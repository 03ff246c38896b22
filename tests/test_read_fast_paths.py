"""The reader's shortcuts give what the long way gives: a Line built without the dataclass's __init__, and a
page taken over whole by the Collector when none of its lines needs a question asked."""
from __future__ import annotations

import dataclasses
import pickle
from pathlib import Path

import pytest

from lspkit.model import Line
from lspkit.read import pdf as pdfmod
from lspkit.read import pdfium as pdfium_engine
from lspkit.read import read_lines

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "data"
PDFS = [DATA / "real" / "hmrc_2015_research_report_361_risk_triggers.pdf", DATA / "head-of-policy-report.pdf",
        DATA / "real" / "us_federal_register_2020-17221_faa_proposed_ad.pdf"]


def test_fast_line_is_the_dataclass_line():
    assert pdfmod._FAST_LINE, "Line's fields changed: update read.pdf._line (it falls back to Line(...) meanwhile)"
    args = ("3.1 The Council", 4, 72.0, 300.5, 100.25, 110.0, 11.0, True, 841.89, 595.28, (), (False, False))
    fast, slow = pdfmod._line(*args), Line(*args)
    assert fast == slow and hash(fast) == hash(slow) and repr(fast) == repr(slow)
    assert vars(fast) == vars(slow) and list(vars(fast)) == list(vars(slow))
    assert pickle.loads(pickle.dumps(fast)) == slow
    assert dataclasses.replace(fast, text="x") == dataclasses.replace(slow, text="x")
    with pytest.raises(dataclasses.FrozenInstanceError):
        fast.text = "changed"


@pytest.mark.parametrize("path", PDFS, ids=lambda p: p.name)
def test_plain_pages_read_as_every_page_is_read(path, monkeypatch):
    monkeypatch.setenv("LSPKIT_READ_PROCESSES", "1")
    fast = read_lines(str(path))
    laid_out = []

    def no_shortcut(*args, **kwargs):
        laid = pdfmod.lay_out_page(*args, **kwargs)
        laid_out.append(laid.plain)
        laid.plain = False
        return laid

    monkeypatch.setattr(pdfium_engine, "lay_out_page", no_shortcut)
    slow = read_lines(str(path))
    assert any(laid_out)  # the shortcut was there to be refused
    assert fast.lines == slow.lines and fast.markers == slow.markers and fast.warnings == slow.warnings
    assert [vars(a) for a in fast.lines] == [vars(b) for b in slow.lines]
