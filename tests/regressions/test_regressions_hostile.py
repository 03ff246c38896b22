"""One test per bug found by bench/fuzz.py and the hostile-input work, named after the bug.

Inputs found by the fuzzer are committed under tests/regressions/inputs/ as they were found.
"""
from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from hostile_util import lspkit  # noqa: E402

from lspkit.model import Line  # noqa: E402
from lspkit.model import Reading  # noqa: E402
from lspkit.segment import segment  # noqa: E402

INPUTS = HERE / "inputs"


def _extracts_cleanly(name: str, status: int) -> str:
    """`lspkit extract` on the input ends with `status` and no traceback; returns stderr.

    How long it takes and how much memory it needs is measured in bench/bench_hostile.py, not here.
    """
    run = lspkit("extract", INPUTS / name, timeout=120)
    assert "Traceback" not in run.stderr and "internal error" not in run.stderr, run.stderr
    assert run.status == status, run.stderr
    if status == 0:
        assert run.stdout.lstrip().startswith("{"), run.stdout[:200]
    return run.stderr


def test_text_a_billion_points_off_page_does_not_allocate_by_coordinate():
    """A mutated Td put text at x = 1e9: the column finder built a 1e9-slot coverage array (15 GB, 130 s)."""
    _extracts_cleanly("fuzz_text_a_billion_points_off_page.pdf", 0)


def test_absurd_stream_length_in_the_bomb_check():
    """/Length 99999999999999999999 sent the decompression-bomb pre-pass past the end: OverflowError."""
    stderr = _extracts_cleanly("fuzz_absurd_stream_length.pdf", 4)  # the mutated stream leaves no text: refused as a scan
    assert "no text layer" in stderr, stderr


def test_markdown_link_regex_is_linear():
    """A text file with a line of 100,000 '[' then ']' made the Markdown link pattern quadratic (minutes)."""
    run = lspkit("extract", INPUTS / "fuzz_markdown_link_regex_hang.txt", timeout=60)
    assert "Traceback" not in run.stderr and run.status == 0, run.stderr
    assert "no numbered paragraphs found" in run.stderr, run.stderr
    from lspkit.read.text import read_text

    for line in ["[" * 50000 + "]" * 50000, "<http://" * 30000, "[x](http://a.b/(" * 20000]:
        read_text("x.md", "1. " + line + "\n")  # each took minutes before; now milliseconds


def test_nan_character_box_is_skipped():
    """Absurd coordinates gave pdfium NaN character boxes: `max()` of an empty sequence in _make_line."""
    _extracts_cleanly("fuzz_nan_character_box.pdf", 0)


def test_lone_surrogate_from_pdfium_is_left_out(tmp_path):
    """The same file's glyph codes gave pdfium a lone UTF-16 surrogate: `-o FILE` (UTF-8, strict) was an internal error."""
    out = tmp_path / "r.json"
    run = lspkit("extract", INPUTS / "fuzz_nan_character_box.pdf", "-o", out, timeout=120)
    assert "Traceback" not in run.stderr and run.status == 0, run.stderr
    assert "have no Unicode mapping" in run.stderr
    text = out.read_text(encoding="utf-8")  # strict: no surrogate written
    assert '"paragraphs"' in text


def test_page_without_mediabox_in_the_table_pass():
    """pdfplumber (then used for tables) raised TypeError on a page whose /MediaBox was damaged."""
    _extracts_cleanly("fuzz_page_without_mediabox.pdf", 0)


def test_page_tree_read_differently_by_the_table_pass():
    """pdfplumber counted fewer pages than pdfium: IndexError on pdf.pages[page_no - 1]."""
    _extracts_cleanly("fuzz_page_tree_disagreement.pdf", 0)


def test_lines_resuming_a_paragraph_between_parts_are_kept():
    """'1.', '(a) The', '1.', '1. Council', '(a) The': 'Council' was dropped when the second part began."""
    texts = ["1.", "(a) The", "1.", "1. Council", "(a) The"]
    lines = [Line(text=t, page=1, x0=54.0, x1=54.0 + 6 * len(t), top=52.0 + 12 * i, bottom=60.0 + 12 * i, size=8.0,
                  page_height=842.0, page_width=595.0) for i, t in enumerate(texts)]
    reading = Reading(path="f.pdf", sha256="0" * 64, page_count=1, lines=lines, kind="pdf",
                      page_sizes={1: (595.0, 842.0)}, pages=(1,))
    doc = segment(reading)
    everything = " ".join(p.text for p in doc.paragraphs) + " ".join(b.text for b in doc.blocks)
    assert "Council" in everything


def test_cjk_numbered_paragraph_is_not_a_capitals_heading():
    """Caseless scripts counted as capitals, so '3. 理事会…' became a section heading, not paragraph 3."""
    from lspkit.read.text import read_text

    doc = segment(read_text("cjk.txt", "1. Alpha beta gamma.\n\n2. Delta epsilon.\n\n3. 理事会欢迎就地方战略伙伴关系的未来进行磋商。\n"))
    assert [p.number for p in doc.paragraphs] == ["1", "2", "3"]
    assert doc.paragraph("3").text == "理事会欢迎就地方战略伙伴关系的未来进行磋商。"


def test_fifo_without_writer_does_not_block(tmp_path):
    """open() on a FIFO with no writer blocked `lspkit extract` forever."""
    import os

    fifo = tmp_path / "p.pdf"
    os.mkfifo(fifo)
    run = lspkit("extract", fifo, timeout=20)
    assert run.status == 4 and "empty file" in run.stderr


def test_fifo_in_a_batch_does_not_block(tmp_path):
    """Hashing a FIFO found in a directory blocked the whole batch before any file was tagged."""
    import os

    (tmp_path / "a.txt").write_text("1. The Council welcomes the consultation.\n", encoding="utf-8")
    os.mkfifo(tmp_path / "b.pdf")
    out = tmp_path / "out" / "t.jsonl"
    out.parent.mkdir()
    run = lspkit("tag", tmp_path, "-o", out, "--no-cache", "-j", "1", "-f", "jsonl", timeout=60)
    assert run.status == 1, run.stderr
    assert "not a regular file" in run.stderr
    assert '"number": "1"' in out.read_text(encoding="utf-8")


def test_deep_flow_yaml_is_refused_before_pyyaml(tmp_path):
    """20,000 nested '[' kept PyYAML's quadratic scanner busy for minutes."""
    deep = tmp_path / "deep.yaml"
    deep.write_text("themes: " + "[" * 20000 + "]" * 20000 + "\n", encoding="utf-8")
    run = lspkit("themes", "--themes", deep, timeout=30)
    assert run.status == 6 and "nested more than 64 levels" in run.stderr
