"""Real tracked-changes PDFs read by the extractor's change marks: `lspkit diff --tracked`.

Two ways of printing a redline that the synthetic fixture (data/tracked) does not show:
- a browser-printed constitution markup: insertions coloured and NOT underlined, deletions struck through
  (coloured or black), no change bars;
- an inspector's schedule of main modifications: black text in a ruled table, deletions struck through,
  insertions underlined.
Gold: data/real/pairs/*.gold.json, written from the pages. The PDFs are restored by data/real/restore.py;
the tests skip when one is absent.
"""
from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from lspkit.analyse.diff import ChangeKind
from lspkit.cli import cli

from real_util import PAIRS
from real_util import real_pdf as _real
from test_diff_versions import LOCATE as PAIR_LOCATE


def _gold(name: str) -> dict:
    return json.loads((PAIRS / name).read_text(encoding="utf-8"))


def _norm(text: str) -> str:
    """Typography the gold was typed without: curly quotes, the ellipsis character, a space after a hyphen
    at a line end."""
    text = text.replace("\u2019", "'").replace("\u2018", "'").replace("\u2026", "...")
    return " ".join(re.sub(r"\s+(?=[.,;:)])", "", re.sub(r"-\s+", "-", text)).split())


def _tracked(path: Path):
    from lspkit.api import diff_files

    return diff_files(str(path), None, tracked=True, themes=False)


def _changed(result) -> list:
    return [c for c in result.changes if c.kind is not ChangeKind.UNCHANGED]


# ---------------------------------------------------------------- an inspector's schedule, black text

WATFORD = _gold("watford-main-modifications-p2-4.tracked.gold.json")


@pytest.fixture(scope="module")
def schedule():
    return _tracked(_real(WATFORD["tracked"]))


def test_schedule_every_modification_is_its_own_unit_with_the_gold_op(schedule):
    """M1-M15 in order: M1 (wholly underlined) added, every other item with text modified, M12 (a diagram) no
    text; the legend ('shown as red strike through ... underlined') and the table's rules are no change."""
    items = [i for i in WATFORD["items"] if i["final"] or i["original"]]
    changed = _changed(schedule)[: len(items)]
    expected = {n: op for op, ns in WATFORD["expected_ops"].items() if op != "no_text" for n in ns}
    assert [c.kind.value for c in changed] == [expected[i["number"]] for i in items]
    for item, change in zip(items, changed):
        final = _norm(item["final"])
        if item["number"] == "M8":
            # the cell's bold first line (a text box's title) is read as a heading, so the unit starts below it
            final = final[final.index("New development"):]
        assert _norm(" ".join(change.new_texts)) == final, item["number"]
    first = schedule.changes.index(changed[0])
    assert all(c.kind is ChangeKind.UNCHANGED for c in schedule.changes[:first])  # page 1's legend, headers


def test_schedule_every_gold_change_is_in_its_item(schedule):
    """Each struck-through stretch of the gold is in its item's original text and not in its final text, each
    underlined one in the final text (and, unless the words recur, not in the original)."""
    items = [i for i in WATFORD["items"] if i["final"] or i["original"]]
    for item, change in zip(items, _changed(schedule)):
        old, new = _norm(" ".join(change.old_texts)), _norm(" ".join(change.new_texts))
        for mark in item["changes"]:
            if item["number"] == "M8" and mark in item["changes"][:2]:
                continue  # the title's change: the title is read as a heading (above)
            text = _norm(mark["text"]).rstrip("-")
            here, there = (old, new) if mark["op"] == "deleted" else (new, old)
            assert text in here, (item["number"], mark)
            if len(text) > 2 and _norm(item["original" if mark["op"] == "inserted" else "final"]).count(text) == 0:
                assert text not in there, (item["number"], mark)


def test_schedule_original_text_of_items_changed_in_place(schedule):
    """Where every change replaces words in place, the item's original text is rebuilt exactly."""
    items = {i["number"]: i for i in WATFORD["items"]}
    by_final = {_norm(" ".join(c.new_texts)): c for c in _changed(schedule)}
    for number in ("M3", "M4", "M5", "M7", "M9", "M10", "M11", "M14"):
        change = by_final[_norm(items[number]["final"])]
        assert _norm(" ".join(change.old_texts)) == _norm(items[number]["original"]), number


def test_schedule_original_text_where_deletions_stand_alone(schedule):
    """A deletion with no insertion beside it goes back where it was printed, as each change carries its
    place in the joined text: the struck 's' of 'highlights' (M6), the struck clause closing M13, the
    deleted figure printed after its replacement (M8), the year range '2018 2021-2036 2038' (M2)."""
    items = {i["number"]: i for i in WATFORD["items"]}
    by_final = {_norm(" ".join(c.new_texts)): c for c in _changed(schedule)}
    for number in ("M2", "M6", "M13"):
        change = by_final[_norm(items[number]["final"])]
        assert _norm(" ".join(change.old_texts)) == _norm(items[number]["original"]), number
    # M8: the cell's bold first line is read as a heading (above); the text under it rebuilt exactly
    final, original = (_norm(items["M8"][k]) for k in ("final", "original"))
    change = by_final[final[final.index("New development"):]]
    assert _norm(" ".join(change.old_texts)) == original[original.index("New development"):]


def test_schedule_original_keeps_each_struck_stretch_in_its_place(schedule):
    """M15 as printed: a struck sentence, then 'Inappropriate' and 'approved except in very special
    circumstances' underlined (the gold's note reads the first as unchanged; the page underlines both), struck
    'supported' before the inserted 'approved', a struck clause before the full stop."""
    m15 = WATFORD["items"][-1]
    change = next(c for c in _changed(schedule) if _norm(" ".join(c.new_texts)) == _norm(m15["final"]))
    old = _norm(" ".join(change.old_texts))
    assert old.startswith(_norm(m15["changes"][0]["text"]) + " development,")
    assert old.endswith("in the Metropolitan Green Belt will not be supported unless it can be demonstrated that "
                        "exceptional circumstances apply.")


# ---------------------------------------------------------------- a schedule appended to a numbered report

LLDC = _gold("lldc-main-modifications-p31-35.tracked.gold.json")


@pytest.fixture(scope="module")
def appended():
    return _tracked(_real(LLDC["tracked"]))


def _count(phrase: str, text: str) -> int:
    return len(re.findall(rf"(?<!\w){re.escape(_norm(phrase))}(?!\w)", text))


def _within_other(phrase: str, others: list) -> bool:
    return any(_norm(phrase) in _norm(o) for o in others)


def test_appended_schedule_every_marked_item_found_with_its_op(appended):
    """The schedule's pages whose insertions are only underlined (pp31-32: no strike-through there, the report
    before it underlines its lead-ins) are read as markup like the struck pages after them, and the schedule,
    unnumbered text after 134 numbered paragraphs, is compared: each item's underlined stretches are added in
    its unit, its struck ones removed."""
    changed = _changed(appended)
    seen: dict = {}
    for item in LLDC["items"]:
        if item["op"] is None:
            continue
        # the item's unit: the one that holds its longest stretch found in one unit only (two items may insert
        # the same sentence)
        holders = [[c for c in changed if _count(p, _norm(" ".join(c.new_texts + c.old_texts)))]
                   for p in sorted(item["inserted"] + item["deleted"], key=len, reverse=True)]
        [unit] = next(h for h in holders if len(h) == 1)
        assert unit.kind.value == item["op"], item["number"]
        assert unit.new not in seen, (item["number"], seen.get(unit.new))  # each item its own unit (a ruled cell)
        seen[unit.new] = item["number"]
        # a cell that runs over a page break (or holds a table) is more than one unit: its stretches in any of them
        units = [unit] if "page_end" not in item else changed
        texts = [(_norm(" ".join(c.new_texts)), _norm(" ".join(c.old_texts))) for c in units]
        for phrase in item["inserted"]:
            if not _within_other(phrase, item["deleted"]) and len(phrase) > 3:
                assert any(_count(phrase, new) > _count(phrase, old) for new, old in texts), (item["number"], phrase)
        for phrase in item["deleted"]:
            if not _within_other(phrase, item["inserted"]) and len(phrase) > 3:
                assert any(_count(phrase, old) > _count(phrase, new) for new, old in texts), (item["number"], phrase)


def test_appended_schedule_no_wrong_extra(appended):
    """Every changed unit is a piece of a marked item of the schedule; no numbered paragraph of the report (its
    underlined lead-ins, 'Self -build housing:' ...) changed."""
    phrases = [p for i in LLDC["items"] for p in i["inserted"] + i["deleted"] + i.get("table_header", []) if len(p) >= 8]
    for change in _changed(appended):
        assert all(n.startswith("\u00b6") for n in change.old + change.new), change.new
        text = _norm(" ".join(change.new_texts + change.old_texts))
        assert any(_count(p, text) or text in _norm(p) for p in phrases), text[:80]


# ---------------------------------------------------------------- a constitution's redline, in colour

CONSTITUTION = _gold("cardano-constitution-0312-0412.gold.json")
# words of the final text that find each changed unit: the clean pair's, less III:4 (the markup leaves it unmarked)
LOCATE = {k: v for k, v in PAIR_LOCATE.items() if k != "III:4"}
# Not marked in the markup at all (printed black, unstruck): the clean drafts differ there, the markup does not.
UNMARKED = {"III:4"}


@pytest.fixture(scope="module")
def markup():
    return _tracked(_real(CONSTITUTION["tracked"]))


def test_markup_every_marked_change_found_and_no_wrong_extra(markup):
    changed = _changed(markup)
    found = []
    ops = [(o["op"], (o["new"] or o["old"])[0]) for o in CONSTITUTION["paragraph_ops"] if o["op"] != "unchanged"]
    ops += [(u["op"], u["where"]) for u in CONSTITUTION["unnumbered_changes"]]
    for op, label in ops:
        if label in UNMARKED:
            continue
        hits = [c for c in changed if any(LOCATE[label] in t for t in c.new_texts)]
        assert len(hits) == 1, f"{label}: {len(hits)} changed units hold {LOCATE[label]!r}"
        if label == "IV:5":
            # the markup strikes through, inside the new Section 5, words that are in neither draft (an
            # intermediate edit), so its original text there is that fragment: the section is not wholly new
            assert hits[0].kind is ChangeKind.MODIFIED
            assert " ".join(hits[0].old_texts).startswith("at least one DRep")
        else:
            assert hits[0].kind.value == op, label
        found.append(hits[0])
    # The definitions table's new rows, term and meaning, are added text; the renamed term modified.
    rows = [r["row"].split(" | ") for r in CONSTITUTION["table_changes"] if r["op"] == "row added"]
    for term, meaning in rows:
        for cell in (term, meaning):
            hits = [c for c in changed if c.kind is ChangeKind.ADDED and _norm(" ".join(c.new_texts)) == _norm(cell)]
            assert len(hits) == 1, cell
            found.append(hits[0])
    [renamed] = [r for r in CONSTITUTION["table_changes"] if r["op"] == "row modified"]
    hits = [c for c in changed if c.old_texts == (renamed["old"],) and c.new_texts == (renamed["new"],)]
    assert [c.kind for c in hits] == [ChangeKind.MODIFIED]
    found += hits
    assert [c for c in changed if c not in found] == []


def test_markup_final_and_original_text_read_from_colour_and_strikes(markup):
    """The coloured insertions (not underlined) are in the final text only, the struck deletions in the
    original only: IV:1 reads as the 04.12 draft, its original as the 03.12 draft."""
    [iv1] = [c for c in markup.changes if any(LOCATE["IV:1"] in t for t in c.new_texts)]
    new, old = " ".join(iv1.new_texts), " ".join(iv1.old_texts)
    assert "expected to periodically propose one or more budgets for the ongoing operation, maintenance" in new
    assert "not less than on an annual basis" not in new
    assert "The Cardano Community is expected to propose, not less than on an annual basis," in old
    assert "Any participant" not in old and "73 epochs" not in old


def test_markup_heading_renamed_by_its_marks(markup):
    """The Article IV heading's inserted word (coloured, in a bold heading line) renames the heading: the
    heading carries its marks like a paragraph, and a tracked diff pairs each heading with itself."""
    [gold] = CONSTITUTION["heading_changes"]
    renamed = [(h.old_heading, h.new_heading) for h in markup.headings if h.op.value == "renamed"]
    assert renamed == [(gold["old"], gold["new"])]


def test_clean_draft_against_the_markup_compares_the_final_text(tmp_path):
    clean = _real(CONSTITUTION["new"])
    marked = _real(CONSTITUTION["tracked"])
    out = tmp_path / "d.json"
    result = CliRunner().invoke(cli, ["diff", str(clean), str(marked), "--no-themes", "--format", "json", "-o", str(out)])
    assert result.exit_code in (0, 1), result.output
    assert f"{marked} carries tracked changes: compared against its final text" in result.output
    data = json.loads(out.read_text(encoding="utf-8"))
    changed = [c for c in data["changes"] if c["op"] != "unchanged"]
    # The 04.12 draft and the markup's final text: no inserted text of the markup is missing from the draft.
    assert not any(LOCATE["IV:5"] in " ".join(c.get("new_texts", [])) and c["op"] == "added" for c in changed)


# ---------------------------------------------------------------- coloured headings and links are no changes


@pytest.mark.parametrize("name", [
    "lepus-broxbourne_2020_sa-post-adoption-statement.pdf",  # blue headings, underlined blue links, pink text
    "hmrc_2015_research_report_361_risk_triggers.pdf",  # underlined pink and blue links, underlined black text
    "fenland_2013_facilitating-growth.pdf",  # purple headings
    "aecom-buckinghamshire_2025_local-plan-hra-reg18.pdf",  # green headings, underlined green links
])
def test_a_paper_with_coloured_headings_and_links_has_no_tracked_changes(name):
    path = _real(name)
    result = CliRunner().invoke(cli, ["diff", "--tracked", str(path), "--no-themes"])
    assert result.exit_code == 2
    assert result.output.strip().splitlines()[-1].endswith("no tracked changes found (no text is marked inserted or deleted)")
