"""Both PDF engines against the fixture golds and the real papers.

The golds were written from the fixtures' source data, never from an
extractor, so running them through two engines with independent character
streams tells a layout bug (both fail) from an engine's misreading (one fails).
Each (fixture, engine) is extracted once per module.
"""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from lspkit.api import extract
from lspkit.read import READERS, read_lines

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "data"
REAL = DATA / "real" if (DATA / "real").exists() else Path("/work/shared/real-pdfs")
ENGINES = list(READERS)


def _extraction_golds() -> list[Path]:
    out = []
    for p in sorted(DATA.glob("*.gold.json")):
        g = json.loads(p.read_text(encoding="utf-8"))
        if isinstance(g, dict) and "file" in g and "paragraphs" in g and g["file"].endswith(".pdf"):
            out.append(p)
    return out


GOLDS = _extraction_golds()


def norm(text) -> str:
    return " ".join(str(text or "").replace("\u00a0", " ").split())


_read: dict[tuple[str, str], tuple] = {}


def reading(path, engine: str):
    """(Reading, Document) of `path` by `engine`, each read once per module (pdfminer is slow)."""
    key = (str(path), engine)
    if key not in _read:
        from lspkit.segment import segment

        lines = read_lines(str(path), reader=engine)
        _read[key] = (lines, segment(lines))
    return _read[key]


def read(path, engine: str):
    return reading(path, engine)[1]


def stem(p: Path) -> str:
    return p.name.replace(".gold.json", "")


@pytest.mark.parametrize("engine", ENGINES)
@pytest.mark.parametrize("gold_path", GOLDS, ids=stem)
def test_fixture_is_read_to_its_gold(gold_path: Path, engine: str):
    """Numbers, kinds, pages, sections, text and parts; tables and notes attached; front and back matter."""
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    doc = read(DATA / gold["file"], engine)
    got = [(p.number, p.kind.value, p.page, p.section, norm(p.text), [norm(x) for x in p.parts]) for p in doc.paragraphs]
    assert got == [(g["number"], g["kind"], g["page"], g.get("section"), norm(g["text"]), [norm(x) for x in g["parts"]])
                   for g in gold["paragraphs"]]
    assert [(s.number, norm(s.heading), s.page) for s in doc.sections] == [
        (s["number"], norm(s["heading"]), s["page"]) for s in gold["sections"]]
    by_number = {p.number: p for p in doc.paragraphs}
    for t in gold.get("tables", []):
        assert [list(r) for tb in by_number[t["after"]].tables for r in tb.rows] == t["rows"], t["after"]
    for n in gold.get("notes", []):
        assert any(x.label == n["label"] and norm(x.text) == norm(n["text"]) and x.page == n["page"] for x in doc.notes)
        assert any(x.label == n["label"] for x in by_number[n["after"]].notes)
    for key in ("title", "contact", "background_papers"):
        if key in gold.get("metadata", {}):
            assert norm(doc.metadata.get(key)) == norm(gold["metadata"][key]), key
    if gold.get("annex_questions"):
        assert [(q["number"], norm(q["text"])) for q in doc.metadata.get("annex_questions", [])] == [
            (q["number"], norm(q["text"])) for q in gold["annex_questions"]]


@pytest.mark.parametrize("gold_path", GOLDS, ids=stem)
def test_engines_agree_on_what_they_drop(gold_path: Path):
    """Running headers, footers and page numbers are found from the lines alike, whichever engine read them (a dot
    leader drawn apart from its page number, "....3" 1.6 points apart, is two words in both)."""
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    dropped = [sorted((d.page, d.reason, norm(d.text)) for d in read(DATA / gold["file"], e).dropped) for e in ENGINES]
    assert all(d == dropped[0] for d in dropped)


REAL_PAPERS = ["hmrc_2015_research_report_361_risk_triggers.pdf", "us_copyright_office_1998_dmca_summary.pdf",
               "us_federal_register_2020-17221_faa_proposed_ad.pdf"]


@pytest.mark.parametrize("name", REAL_PAPERS)
def test_real_papers_read_alike_by_both_engines(name: str):
    path = REAL / name
    if not path.exists():
        pytest.skip(f"{name} not available")
    docs = [read(path, e) for e in ENGINES]
    assert all(d.paragraphs or d.blocks for d in docs)
    assert len({len(d.paragraphs) for d in docs}) == 1, [len(d.paragraphs) for d in docs]
    assert len({tuple(p.number for p in d.paragraphs) for d in docs}) == 1


@pytest.mark.parametrize("gold_path", GOLDS, ids=stem)
def test_engines_give_the_same_lines_bar_size_spacing_and_lead_ins(gold_path: Path):
    """Line for line the same text, position, markers and tables.

    Four engine differences are allowed, each seen on the fixtures: the type
    size (pdfminer's is the size set, pdfium's a box height); the box edges
    (under a point across, up to a fifth of the size down); a space or two
    (pdfium's text stream spaces 'par -' at a LibreOffice hyphen break and runs
    a dot leader into its page number, where pdfminer's characters do neither);
    and a bold lead-in ('Question 1:', 'Contact Officer:'), which pdfium calls a
    bold line because it weighs each run by its first character, pdfminer not.
    """
    path = str(DATA / json.loads(gold_path.read_text(encoding="utf-8"))["file"])
    base, other = (reading(path, e)[0] for e in ENGINES)
    assert len(other.lines) == len(base.lines)
    for a, b in zip(base.lines, other.lines):
        assert (b.page, b.text.replace(" ", "")) == (a.page, a.text.replace(" ", ""))
        # boxes: pdfium's loose box from the glyph, pdfminer's from the advance and the font's descent
        assert abs(a.x0 - b.x0) < 1.0 and abs(a.bottom - b.bottom) < 0.25 * b.size, (a, b)
        assert a.bold == b.bold or (a.bold and not b.bold), a.text
    assert sum(a.text != b.text for a, b in zip(base.lines, other.lines)) <= 5
    assert other.tables == base.tables and other.markers == base.markers
    assert other.metadata == base.metadata and other.page_count == base.page_count


def test_pdfplumber_reads_libreoffice_type_sizes_exactly():
    """The office fixtures set body text in 11.5 pt: pdfminer says 11.5, pdfium's loose box about 30% less."""
    pages = {e: [ln for ln in reading(DATA / "office-consultation-response.pdf", e)[0].lines if ln.page == 2]
             for e in ENGINES}
    body = {e: max(set(ln.size for ln in lines), key=[ln.size for ln in lines].count) for e, lines in pages.items()}
    assert body["pdfplumber"] == 11.5
    assert body["pdfium"] < 0.75 * 11.5


def test_an_unknown_reader_is_refused_naming_the_valid_ones(tmp_path):
    with pytest.raises(ValueError, match=r"unknown reader 'pdfminer' \(choose from pdfium, pdfplumber\)"):
        extract(str(tmp_path / "never-opened.pdf"), reader="pdfminer")


def test_text_files_are_text_whatever_the_reader():
    path = str(DATA / "head-of-policy-report.txt")
    assert extract(path, reader="pdfplumber").to_dict() == extract(path).to_dict()


@pytest.mark.parametrize("name,kind", [("encrypted_user.pdf", "encrypted"), ("truncated_50.pdf", "invalid"),
                                       ("image_only.pdf", "no-text"), ("bomb.pdf", "limit")])
def test_bad_pdfs_fail_alike_in_both_engines(name: str, kind: str):
    from lspkit.infra.errors import LspkitError

    messages = []
    for engine in ENGINES:
        with pytest.raises(LspkitError) as exc:
            extract(str(DATA / "bad" / name), reader=engine, ocr="off")  # (a scan read by OCR: tests/test_ocr.py)
        messages.append((exc.value.kind, exc.value.problem))
    assert messages[0] == messages[1] and messages[0][0] == kind


def test_the_default_engine_never_imports_pdfplumber():
    import subprocess
    import sys

    code = ("import sys, lspkit.api as a; a.extract(sys.argv[1]); "
            "print(sorted(m for m in sys.modules if m.split('.')[0] in ('pdfplumber', 'pdfminer')))")
    out = subprocess.run([sys.executable, "-c", code, str(DATA / "head-of-policy-report.pdf")],
                         capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"


@pytest.mark.parametrize("command", [["extract"], ["tag", "-f", "json"], ["summarise", "-f", "json", "--no-cache"]])
def test_reader_option_reaches_the_engine(command, monkeypatch):
    from click.testing import CliRunner

    import lspkit.read as read
    from lspkit.cli import cli

    seen = []
    real = read.pdf_reader

    def spy(name):
        seen.append(name)
        return real(name)

    monkeypatch.setattr(read, "pdf_reader", spy)
    path = str(DATA / "trailing-dot-report.pdf")
    result = CliRunner().invoke(cli, [command[0], path, *command[1:], "--reader", "pdfplumber"])
    assert result.exit_code == 0, result.output
    assert seen == ["pdfplumber"]


def test_diff_reads_both_versions_with_the_reader(monkeypatch):
    from click.testing import CliRunner

    import lspkit.read as read
    from lspkit.cli import cli

    seen = []
    real = read.pdf_reader
    monkeypatch.setattr(read, "pdf_reader", lambda name: seen.append(name) or real(name))
    v1, v2 = str(DATA / "consultation-v1.pdf"), str(DATA / "consultation-v2.pdf")
    result = CliRunner().invoke(cli, ["diff", v1, v2, "-f", "json", "--no-themes", "--reader", "pdfplumber"])
    assert result.exit_code == 1, result.output
    assert seen == ["pdfplumber", "pdfplumber"]


def test_reader_option_refuses_an_unknown_engine():
    from click.testing import CliRunner

    from lspkit.cli import cli

    result = CliRunner().invoke(cli, ["extract", str(DATA / "trailing-dot-report.pdf"), "--reader", "pdfminer"])
    assert result.exit_code == 2
    assert "'pdfium', 'pdfplumber'" in result.output or "pdfium, pdfplumber" in result.output


def test_reader_option_lists_every_engine():
    from lspkit.cli import cli

    for command in ("extract", "tag", "summarise", "diff"):
        option = next(p for p in cli.commands[command].params if p.name == "reader")
        assert list(option.type.choices) == ENGINES and option.default == "pdfium"


def test_cache_keys_name_only_a_reader_other_than_the_default(tmp_path):
    """Results cached before --reader existed stay valid; a pdfplumber reading is never served for pdfium's."""
    from lspkit.batch.worker import TagOptions
    from lspkit.pipeline import SummaryJob
    from lspkit.infra.cache import Cache

    assert "reader" not in TagOptions().extract_options()
    assert TagOptions(reader="pdfplumber").extract_options()["reader"] == "pdfplumber"
    cache = Cache(tmp_path)
    path = str(DATA / "trailing-dot-report.pdf")
    keys = {e: SummaryJob(path, cache=cache, reader=e).key for e in ENGINES}
    assert keys["pdfium"] == SummaryJob(path, cache=cache).key and len(set(keys.values())) == 2


def test_batch_tag_reads_with_the_reader(tmp_path):
    from click.testing import CliRunner

    from lspkit.cli import cli

    args = ["tag", str(DATA / "trailing-dot-report.pdf"), str(DATA / "office-parking-decision.pdf"), "--jobs", "1",
            "--cache-dir", str(tmp_path), "-f", "jsonl"]
    outputs = [CliRunner().invoke(cli, args + ["--reader", e]) for e in ENGINES]
    assert [r.exit_code for r in outputs] == [0, 0], outputs[1].output
    assert outputs[0].stdout == outputs[1].stdout
