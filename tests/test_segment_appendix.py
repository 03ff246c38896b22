"""An appendix that restarts its own numbering keeps paragraph numbers unique: `A.1.1`, not a second `1.1`.

Council reports often append a strategy or a policy numbered from 1 again; without this every
cross-reference, diff and batch record for those numbers would be ambiguous.
"""
from lspkit.api import extract

REPORT = """REPORT TO CABINET

1. INTRODUCTION

1.1 This report sets out the draft strategy for community safety.

1.2 The strategy is attached as Appendix A.

2. RECOMMENDATION

2.1 Cabinet is asked to approve the strategy at Appendix A.

APPENDIX A: DRAFT COMMUNITY SAFETY STRATEGY

1. PURPOSE

1.1 The partnership will reduce crime and disorder in the district.

1.2 The partnership board will meet quarterly.

1.3 Progress will be reported to the scrutiny panel.
"""

FLAT = """1. The council has reviewed its grants policy.

2. The revised policy is at Appendix B.

3. Members are asked to adopt it.

APPENDIX B: GRANTS POLICY

1. Grants are open to voluntary groups working in the district.

2. Applications are assessed twice a year.
"""


def _doc(tmp_path, text):
    path = tmp_path / "report.txt"
    path.write_text(text, encoding="utf-8")
    return extract(str(path))


def test_restarted_appendix_numbers_are_qualified(tmp_path):
    doc = _doc(tmp_path, REPORT)
    assert [p.number for p in doc.paragraphs] == ["1.1", "1.2", "2.1", "A.1.1", "A.1.2", "A.1.3"]
    assert doc.paragraph("A.1.2").text == "The partnership board will meet quarterly."
    assert doc.paragraph("A.1.1").section == "A.1"
    assert [s.number for s in doc.sections] == ["1", "2", "A", "A.1"]
    assert not any("more than once" in w for w in doc.warnings)


def test_flat_numbered_appendix(tmp_path):
    doc = _doc(tmp_path, FLAT)
    assert [p.number for p in doc.paragraphs] == ["1", "2", "3", "B.1", "B.2"]
    assert doc.paragraph("B.2").text == "Applications are assessed twice a year."


def test_appendix_that_continues_the_numbering_is_left_alone(tmp_path):
    text = REPORT.replace("1. PURPOSE", "3. PURPOSE").replace("\n1.1 The partnership", "\n3.1 The partnership")
    text = text.replace("\n1.2 The partnership", "\n3.2 The partnership").replace("\n1.3 Progress", "\n3.3 Progress")
    doc = _doc(tmp_path, text)
    assert [p.number for p in doc.paragraphs] == ["1.1", "1.2", "2.1", "3.1", "3.2", "3.3"]


def test_fuzz_found_annex_restart_keeps_order_and_printed_number():
    """Found by the segmenter property test: a bare 'Annex A' heading then '1.1' again."""
    from lspkit.model import Line
    from lspkit.model import Reading
    from lspkit.segment import segment

    def line(text, top, bold=False):
        return Line(text=text, page=1, x0=54.0, x1=96.0, top=top, bottom=top + 8, size=8.0, bold=bold,
                    page_height=842.0, page_width=595.0)

    reading = Reading(path="fuzz.pdf", sha256="0" * 64, page_count=1,
                      lines=[line("1.1", 52.0), line("1. LSP", 64.0), line("Annex A", 76.0, bold=True), line("1.1", 88.0)],
                      kind="pdf", tables=[], metadata={}, page_sizes={1: (595.0, 842.0)}, pages=(1,), markers=[],
                      warnings=())
    doc = segment(reading)
    assert [p.number for p in doc.paragraphs] == ["1.1", "A.1.1"]


def test_letter_numbers_are_never_qualified_again(tmp_path):
    """Found by the property test: 'B.1.' again inside Annex A became 'A.B.1'."""
    doc = _doc(tmp_path, "B.1. The first point.\n\nB.2. The second point.\n\nANNEX A: NOTES\n\nB.1. Again.\n")
    assert all(not p.number.startswith("A.") for p in doc.paragraphs), [p.number for p in doc.paragraphs]
