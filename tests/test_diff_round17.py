"""`lspkit diff`, round 17: the contents page compared line by line, shown apart and not counted.

- SAC 01 (Singapore Accreditation Council, 2018 -> 2020): a new section 3 renumbers every later section and moves
  their pages; each contents line that changed is reported as printed ("3 Obligations of the Accredited
  Organisations ... 2" -> "4 ... ... 3"), the new "3 Application for Accreditation ... 2" as added, in every format,
  and the diff's exit status does not depend on them.
"""
from __future__ import annotations

import json

from real_util import pair_diff
from real_util import pair_gold as _gold

from lspkit.analyse.diff import diff_documents
from lspkit.analyse.diffparts import contents_changes, contents_entries
from lspkit.model import Document, DropReason, Dropped, Paragraph, Source
from lspkit.render.diff import render

SAC = ("singapore-accreditation-council_2018_sac-01-terms-and-conditions-for-accreditation--"
       "singapore-accreditation-council_2020_sac-01-terms-and-conditions-for-accreditation.gold.json")
KW = {"ignore_case": False, "ignore_punctuation": False}


def _doc(name: str, contents: list[str]) -> Document:
    return Document(source=Source(name, "", 2),
                    paragraphs=(Paragraph(number="1.1", text="The same text in both.", page=2),),
                    dropped=tuple(Dropped(text=t, page=1, reason=DropReason.CONTENTS) for t in contents))


def test_every_changed_contents_line_of_a_real_pair_is_reported_as_printed():
    gold = _gold(SAC)
    result = pair_diff(gold)
    want = [(c["old"], c["new"]) for c in gold["cover_changes"] if c["field"] == "contents"]
    got = [(f.old, f.new) for f in result.contents]
    assert len(got) == len(want) == 17
    assert ("3 Obligations of the Accredited Organisations ... 2",
            "4 Obligations of the Accredited Organisations ... 3") in got
    assert (None, "3 Application for Accreditation ... 2") in got
    # a title wrapped over two lines is one entry ("... and Re-" / "Application")
    assert any(f.old and f.old.endswith("and Re-Application ... 4") for f in result.contents)
    assert all(f.field == "contents" for f in result.contents)
    assert json.loads(render(result, "json"))["summary"]["contents"] == 17


def test_contents_lines_are_shown_in_every_format_and_never_counted():
    old = _doc("old.pdf", ["Contents", "1 General 1", "2 Scope 1", "3 Fees .......... 2"])
    new = _doc("new.pdf", ["Contents", "1 General 1", "2 Scope and Applicability 1", "3 Application 2",
                           "4 Fees .......... 3"])
    result = diff_documents(old, new)
    assert [(f.op, f.old, f.new) for f in result.contents] == [
        ("changed", "2 Scope ... 1", "2 Scope and Applicability ... 1"),
        ("added", None, "3 Application ... 2"),
        ("changed", "3 Fees ... 2", "4 Fees ... 3")]
    assert result.identical  # the text did not change: exit status 0
    assert "Contents page (not counted as a change):" in render(result, "terminal")
    assert "### Contents page" in render(result, "markdown")
    assert '<ul id="contents">' in render(result, "html")
    assert "@@ contents contents added @@" in render(result, "unified")
    assert json.loads(render(result, "json"))["contents"][1] == {"field": "contents", "op": "added", "old": None,
                                                               "new": "3 Application ... 2"}


def test_a_contents_page_only_one_version_prints_says_nothing():
    old = _doc("old.pdf", [])
    new = _doc("new.pdf", ["1 General 1", "2 Scope 1", "3 Fees 2"])
    assert contents_changes(old, new, KW) == []
    assert contents_entries(new) == [("1 General", "1"), ("2 Scope", "1"), ("3 Fees", "2")]


def test_every_page_moved_by_one_is_said_once():
    names = [f"{k} Part {w}" for k, w in enumerate("ABCDEF", 1)]
    old = _doc("old.pdf", [f"{n} {k + 4}" for k, n in enumerate(names)])
    new = _doc("new.pdf", [f"{n} {k + 3}" for k, n in enumerate(names)])
    got = contents_changes(old, new, KW)
    assert [(f.old, f.new) for f in got] == [("1 Part A ... 4", "1 Part A ... 3 (every page -1: 6 entries)")]
