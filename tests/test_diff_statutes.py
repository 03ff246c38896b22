"""The diff of a bill and the Act it became (Sri Lankan bills and Acts in data/real/, pair gold in data/real/pairs/):
sections read whole (marginal notes apart, lspkit.segment.margins), each change reported at the section a reader
cites, and the cover changes an analyst checks first (Bill No. -> Act No., the certified date, the printing order).

- a number filled in inside a sentence of one page ("Act, No.      of 2022." -> "Act, No. 12 of 2022.") is a
  modification, not a page number caught in the text;
- a statute's section (a paragraph with a marginal note) is compared whole: its subsections change inside it;
- a section inserted in passage is added, the sections after it renumbered, a section dropped deleted;
- the cover: a field one version reads and a line the other prints that it extends are one change; two lines
  that say the same thing differently are paired; a bill's Statement of Legal Effect ("Clause 7 : ...") is no
  cover field; a rule of dashes is no cover line.
"""
from __future__ import annotations

from pathlib import Path

import pytest

import lspkit
from lspkit.analyse.diff import diff_documents

REAL = Path(__file__).resolve().parent.parent / "data" / "real"


def _pair(old: str, new: str):
    paths = [REAL / f"sri-lanka-parliament_{name}.pdf" for name in (old, new)]
    for p in paths:
        if not p.exists():
            pytest.skip(f"{p.name} is absent (python data/real/restore.py)")
    return diff_documents(lspkit.extract(str(paths[0])), lspkit.extract(str(paths[1])))


def _ops(result) -> list[tuple[str, tuple, tuple]]:
    return [(c.kind.value, c.old, c.new) for c in result.changes if c.kind.value != "unchanged"]


@pytest.fixture(scope="module")
def terrorism():
    return _pair("2022_prevention-of-terrorism-amendment-bill", "2022_prevention-of-terrorism-amendment-act")


def test_every_section_change_and_no_other(terrorism):
    assert _ops(terrorism) == [("modified", (n,), (n,)) for n in ("1", "3", "4", "6", "10", "12")]
    first = terrorism.changes[0]
    assert [(w.op.value, w.text) for w in first.words if w.op.value != "equal"] == [("insert", "12 ")]


def test_cover_changes_of_a_bill_become_an_act(terrorism):
    got = {(f.field, f.op, f.old, f.new) for f in terrorism.metadata}
    # the bill's name under the masthead became the Act's: the title (as every command names the paper), once
    assert ("title", "changed", "Prevention of Terrorism (Temporary Provisions) (Amendment)",
            "Prevention of Terrorism (Temporary Provisions) (Amendment) Act, No. 12 of 2022") in got
    assert not any(f.field == "subtitle" for f in terrorism.metadata)
    assert ("Price", "changed", "Rs. 18.00", "Rs. 14.00") in got
    assert ("cover line", "added", None, "[Certified on 29th of March, 2022]") in got
    assert ("cover line", "removed", "[Bill No. 106]", None) in got
    assert ("cover line", "changed", "Ordered by Parliament to be printed", "Printed on the Order of Government") in got
    assert ("cover line", "removed", "Presented by the Foreign Minister on 10th of February, 2022", None) in got
    assert any(f.op == "changed" and f.old == "(Published in the Gazette on January 27, 2022)"
               and "Supplement to Part II of the Gazette" in f.new for f in terrorism.metadata)
    assert not any(f.field.startswith("Clause") for f in terrorism.metadata)
    assert not any(not any(ch.isalnum() for ch in (f.old or f.new or "")) for f in terrorism.metadata)


def test_section_inserted_renumbers_the_rest():
    result = _pair("2022_petroleum-products-special-provisions-amendment-bill",
                   "2022_petroleum-products-special-provisions-amendment-act")
    ops = _ops(result)
    assert ("modified", ("1",), ("1",)) in ops and ("modified", ("4",), ("4",)) in ops
    assert ("added", (), ("5",)) in ops
    assert ("renumbered", ("5",), ("6",)) in ops
    assert ("deleted", ("7",), ()) in ops
    assert not any("(" in n for _, old, new in ops for n in (*old, *new))  # never a subsection on its own


def test_frauds_bill_to_act():
    result = _pair("2023_prevention-of-frauds-amendment-bill", "2024_prevention-of-frauds-amendment-act")
    assert _ops(result) == [("modified", ("1",), ("1",)), ("modified", ("2",), ("2",))]


def test_cover_lines_pair_by_what_they_say():
    # the printing order pairs with its successor, not with the first line of about its length ("Presented by
    # the Minister of Power and Energy ..." is a line the Act no longer prints); a rule between two lines of one
    # block ("Ordered by Parliament to be printed" / "————" / "[Bill No. 222]") sets them apart
    petroleum = _pair("2022_petroleum-products-special-provisions-amendment-bill",
                      "2022_petroleum-products-special-provisions-amendment-act")
    got = {(f.op, f.old, f.new) for f in petroleum.metadata if f.field == "cover line"}
    assert ("changed", "Ordered by Parliament to be printed", "Printed on the Order of Government") in got
    assert ("removed", "Presented by the Minister of Power and Energy on 31st of August, 2022", None) in got
    frauds = _pair("2023_prevention-of-frauds-amendment-bill", "2024_prevention-of-frauds-amendment-act")
    got = {(f.op, f.old, f.new) for f in frauds.metadata if f.field == "cover line"}
    assert ("changed", "Ordered by Parliament to be printed", "Printed on the Order of Government") in got
    assert ("removed", "[Bill No. 222]", None) in got
