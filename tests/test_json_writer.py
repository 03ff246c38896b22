"""The JSON writer (lspkit.render.common.to_json) writes exactly what json.dumps(indent=2, ensure_ascii=False) does."""
from __future__ import annotations

import enum
import json
from pathlib import Path

import pytest

from lspkit.api import extract
from lspkit.render.common import to_json

ROOT = Path(__file__).resolve().parent.parent


def _reference(data) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


class _Int(enum.IntEnum):
    THREE = 3


class _Str(str, enum.Enum):
    B = "b"


@pytest.mark.parametrize("path", ["data/real/hmrc_2015_research_report_361_risk_triggers.pdf",
                                  "data/tracked/constitution-tracked-changes.pdf", "data/head-of-policy-report.pdf"])
def test_a_real_document_byte_for_byte(path):
    data = extract(str(ROOT / path)).to_dict()
    assert to_json(data) == _reference(data)


@pytest.mark.parametrize("data", [
    {}, [], (), {"a": [], "b": {}}, "", "é \u2028 \x00 \" \\ \ud800", 0, -7, 10**30, 1.5, -0.0, 1e300, True, False, None,
    {1: 2, 2.5: True, None: None, True: False, "x": float("nan"), "y": [float("inf"), -float("inf")]},
    ("t", ("u", [])), [[[]], [{}]], {"k": {"a": {"b": [1, {"c": []}]}}},
    {"e": _Int.THREE, "s": _Str.B, _Int.THREE: 1, _Str.B: [_Int.THREE, _Str.B]},
])
def test_values_and_nesting(data):
    assert to_json(data) == _reference(data)


@pytest.mark.parametrize("bad", [{"x": object()}, {(1, 2): 3}, [{1, 2}]])
def test_what_json_refuses_it_refuses_alike(bad):
    with pytest.raises(TypeError) as mine:
        to_json(bad)
    with pytest.raises(TypeError) as theirs:
        _reference(bad)
    assert str(mine.value) == str(theirs.value)
