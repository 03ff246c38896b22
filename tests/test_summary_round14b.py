"""A meeting's record in the summary: its decisions are decisions taken, headed "Decisions" (not asks, so not
"Recommendations"), and one whose words are only its verb ("Question put and agreed to.") is read once, in every
format; the glossary's definitions that many papers share (a table with the short form in its own column, short forms
with digits or hyphens, "X means Y")."""
from __future__ import annotations

import json
from dataclasses import replace

import pytest
from real_util import summary

from lspkit.render.summary import render

DEBATE = "oireachtas_2015_dail-debate-24-april"


def _formats(s):
    return {fmt: render(s, fmt, **({"width": 100} if fmt == "terminal" else {}))
            for fmt in ("terminal", "markdown", "html")}


def test_a_decision_that_is_only_its_verb_is_read_once_in_every_format():
    s = summary(DEBATE)
    put = [r for r in s.recommendations if r.verb == "Question put and agreed to"]
    assert len(put) == 1 and put[0].text == "Question put and agreed to."
    for fmt, out in _formats(s).items():
        assert out.count("Question put and agreed to") == 1, fmt
    # a motion's words are not its verb: shown
    assert all("That the Bill be now read a Second Time." in out for out in _formats(s).values())
    # JSON keeps both fields
    (item,) = [r for r in json.loads(render(s, "json"))["recommendations"] if r["verb"] == "Question put and agreed to"]
    assert item["text"] == "Question put and agreed to." and item["kind"] == "decision"


def test_a_meetings_record_heads_its_decisions_decisions():
    s = summary(DEBATE)
    assert {r.kind for r in s.recommendations} == {"decision"}
    out = _formats(s)
    assert "## Decisions" in out["markdown"] and "## Recommendations" not in out["markdown"]
    assert "<h2>Decisions</h2>" in out["html"] and ">Recommendations<" not in out["html"]
    assert "Decisions" in out["terminal"] and "Recommendations" not in out["terminal"]
    minutes = summary("hertingfordbury-pc_2009_minutes-november")
    assert "## Decisions" in render(minutes, "markdown")


def test_a_paper_that_asks_keeps_recommendations_and_a_mixed_one_says_both():
    s = summary("coventry-cc_2018_air-quality-spd-revised-draft-cabinet-member-report")
    assert s.recommendations and {r.kind for r in s.recommendations} == {"recommendation"}
    assert "## Recommendations" in render(s, "markdown")
    assert [r["kind"] for r in json.loads(render(s, "json"))["recommendations"]] == ["recommendation"] * 2
    mixed = replace(s, recommendations=s.recommendations + summary(DEBATE).recommendations[:1])
    assert "## Recommendations and decisions" in render(mixed, "markdown")


def test_the_kind_survives_a_round_trip_and_old_json_reads_as_asked():
    from lspkit.analyse.summary import Summary

    s = summary(DEBATE)
    d = s.to_dict()
    assert [r.kind for r in Summary.from_dict(d).recommendations] == [r.kind for r in s.recommendations]
    for r in d["recommendations"]:
        del r["kind"]
    assert {r.kind for r in Summary.from_dict(d).recommendations} == {"recommendation"}
