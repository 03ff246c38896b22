"""`lspkit tag PATH...` on real papers: every good paragraph exactly once, an error record
per bad file, exit status 1; --jobs 1 == --jobs 2; --resume after SIGKILL; the cache."""
import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from lspkit.cli import cli

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "data"
REPORT_PDF = DATA / "head-of-policy-report.pdf"
REPORT_TXT = DATA / "head-of-policy-report.txt"


def _make_pdf(path, paragraphs):
    """A small numbered paper, for when a data/ fixture is missing."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    c = canvas.Canvas(str(path), pagesize=A4)
    y = 760
    c.setFont("Helvetica-Bold", 12)
    c.drawString(72, y, "1. Introduction")
    y -= 30
    c.setFont("Helvetica", 10)
    for i, text in enumerate(paragraphs, 1):
        c.drawString(72, y, f"1.{i}")
        c.drawString(110, y, text)
        y -= 24
    c.save()


def _good_pdf(directory, name):
    target = directory / name
    if REPORT_PDF.exists():
        shutil.copy(REPORT_PDF, target)
    else:
        _make_pdf(target, ["The partnership board will review its governance.", "Members hold the executive to account."])
    return target


@pytest.fixture(scope="module")
def archive(tmp_path_factory):
    """Good PDFs, a duplicate, a corrupt PDF, an encrypted PDF and a text file."""
    pikepdf = pytest.importorskip("pikepdf", reason="pikepdf makes the encrypted fixture")
    d = tmp_path_factory.mktemp("archive")
    good = _good_pdf(d, "report.pdf")
    second = DATA / "consultation-v1.pdf"
    if second.exists():
        shutil.copy(second, d / "consultation.pdf")
    else:
        _make_pdf(d / "consultation.pdf", ["Local strategic partnerships shape their future.", "Capacity building for the voluntary sector."])
    (d / "sub").mkdir()
    shutil.copy(good, d / "sub" / "report-copy.pdf")
    data = good.read_bytes()
    (d / "corrupt.pdf").write_bytes(data[: len(data) // 2])
    with pikepdf.open(good) as pdf:
        pdf.save(d / "locked.pdf", encryption=pikepdf.Encryption(owner="o", user="secret"))
    if REPORT_TXT.exists():
        shutil.copy(REPORT_TXT, d / "notes.txt")
    else:
        (d / "notes.txt").write_text("1. Purpose\n\n1.1 The partnership will report to the board.\n", encoding="utf-8")
    return d


def _invoke(args, **kwargs):
    return CliRunner().invoke(cli, args, catch_exceptions=False, **kwargs)


def _lines(path):
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f]


@pytest.fixture(scope="module")
def batch_run(archive, tmp_path_factory):
    out = tmp_path_factory.mktemp("out") / "tags.jsonl"
    cache = tmp_path_factory.mktemp("cache")
    result = _invoke(["tag", str(archive), "-o", str(out), "--jobs", "2", "--cache-dir", str(cache)])
    return result, out, cache


def test_every_good_paragraph_once_and_an_error_per_bad_file(archive, batch_run):
    result, out, _ = batch_run
    assert result.exit_code == 1, result.stderr
    rows = _lines(out)
    errors = {Path(r["file"]).name: r for r in rows if r.get("status") == "error"}
    assert set(errors) == {"corrupt.pdf", "locked.pdf"}
    assert errors["locked.pdf"]["error"] == "encrypted" and errors["corrupt.pdf"]["error"] == "invalid"
    assert all(set(r) == {"file", "sha256", "status", "error", "message"} for r in errors.values())
    assert f"lspkit: {archive / 'locked.pdf'}: " in result.stderr
    assert f"lspkit: {archive / 'corrupt.pdf'}: " in result.stderr
    duplicates = [r for r in rows if r.get("status") == "duplicate"]
    assert len(duplicates) == 1
    assert {Path(duplicates[0]["file"]).name, Path(duplicates[0]["duplicate_of"]).name} == {"report.pdf", "report-copy.pdf"}
    # Each good file's paragraphs are exactly what single-file `tag --format jsonl` gives.
    paragraphs = [r for r in rows if "number" in r]
    tagged_files = sorted({r["file"] for r in paragraphs})
    assert [Path(f).name for f in tagged_files] == ["consultation.pdf", "notes.txt", "report.pdf"]
    for file in tagged_files:
        single = _invoke(["tag", file, "--format", "jsonl"])
        assert single.exit_code == 0, single.stderr
        expected = [json.loads(line) for line in single.stdout.splitlines()]
        assert [r for r in paragraphs if r["file"] == file] == expected
        assert expected
    assert "tagged 3 files" in result.stderr and "2 failed, 1 duplicates" in result.stderr
    assert not [p for p in os.listdir(out.parent) if p != out.name]  # no journal or temp file left


def test_jobs_1_and_2_identical_and_second_run_is_cached(archive, batch_run, tmp_path):
    _, out2, cache = batch_run
    out1 = tmp_path / "one.jsonl"
    result = _invoke(["tag", str(archive), "-o", str(out1), "--jobs", "1", "--no-cache"])
    assert result.exit_code == 1
    assert out1.read_bytes() == out2.read_bytes()
    # The same archive again with the cache: identical, and no worker had to tag anything.
    again = tmp_path / "again.jsonl"
    assert _invoke(["tag", str(archive), "-o", str(again), "--cache-dir", str(cache)]).exit_code == 1
    assert again.read_bytes() == out2.read_bytes()
    assert list((cache / "tags").rglob("*.json")) and list((cache / "extract").rglob("*.json"))
    from lspkit.batch.runner import BatchSettings, tag_batch
    from lspkit.batch.worker import TagOptions

    stats = tag_batch([str(archive)], TagOptions(cache_dir=str(cache)), BatchSettings(output=str(tmp_path / "lib.jsonl")))
    assert stats.tagged > 0 and stats.cached == stats.tagged  # every good file answered from the cache
    assert (tmp_path / "lib.jsonl").read_bytes() == out2.read_bytes()


def test_summary_csv_and_paths_on_stdin(archive, tmp_path):
    listing = "\n".join(str(archive / n) for n in ("report.pdf", "corrupt.pdf", "notes.txt")) + "\n"
    result = _invoke(["tag", "-", "--format", "csv", "--summary", "--no-cache"], input=listing)
    assert result.exit_code == 1
    import csv
    import io

    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert [(Path(r["file"]).name, r["status"]) for r in rows] == [("report.pdf", "ok"), ("corrupt.pdf", "error"), ("notes.txt", "ok")]
    assert int(rows[0]["paragraphs"]) > 0 and int(rows[0]["pages"]) > 0
    assert "paragraphs_governance" in rows[0]


def test_single_file_stdin_text_still_works():
    text = "1. Purpose\n\n1.1 The partnership board will review its governance arrangements.\n"
    result = _invoke(["tag", "-", "--format", "jsonl"], input=text)
    assert result.exit_code == 0, result.stderr
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert records and records[0]["file"] == "<stdin>"
    assert any("partnership board" in r["text"] for r in records)


def test_setup_errors_exit_2(archive, tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text("themes: [unclosed\n", encoding="utf-8")
    assert _invoke(["tag", str(archive), "--themes", str(bad)]).exit_code == 2
    result = _invoke(["tag", str(archive), "-o", str(tmp_path / "missing" / "x.jsonl")])
    assert result.exit_code == 2 and "does not exist" in result.stderr
    assert _invoke(["tag", str(archive), "--format", "table", "--jobs", "1"]).exit_code == 2
    assert _invoke(["tag", str(archive), "--shard", "4/3"]).exit_code == 2
    assert _invoke(["tag", str(archive), "--resume"]).exit_code == 2


def test_resume_after_sigkill_completes_without_duplicates(tmp_path):
    source = REPORT_TXT.read_text(encoding="utf-8") if REPORT_TXT.exists() else (
        "1. Purpose\n\n" + "".join(f"1.{i} The partnership board reviews governance item {i}.\n\n" for i in range(1, 40))
    )
    papers = tmp_path / "papers"
    papers.mkdir()
    for i in range(14):
        (papers / f"paper{i:02d}.txt").write_text(source + f"\n\n99.{i} Paper {i} ends here.\n", encoding="utf-8")
    out = tmp_path / "tags.jsonl"
    journal = Path(str(out) + ".lspkit-journal")
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    base = [sys.executable, "-m", "lspkit.cli", "-q", "tag", str(papers), "-o", str(out), "--jobs", "1", "--no-cache"]
    proc = subprocess.Popen(base, env=env, start_new_session=True, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and proc.poll() is None:
        if journal.exists() and journal.read_text(encoding="utf-8").count("\n") >= 3:
            break
        time.sleep(0.05)
    if proc.poll() is not None:
        pytest.fail(f"the batch finished before it could be killed: {proc.stderr.read()}")
    os.killpg(proc.pid, signal.SIGKILL)
    proc.wait()
    assert not out.exists()  # nothing half-written in place
    done_before = journal.read_text(encoding="utf-8").count("\n")
    assert 3 <= done_before < 14

    resume = [a for a in base if a != "-q"] + ["--resume"]
    resumed = subprocess.run(resume, env=env, capture_output=True, text=True, timeout=300)
    assert resumed.returncode == 0, resumed.stderr
    assert f"tagged {14 - done_before} files" in resumed.stderr
    assert f"{done_before} skipped (resume)" in resumed.stderr
    rows = _lines(out)
    keys = [(r["file"], r["number"]) for r in rows]
    assert len(keys) == len(set(keys))  # no paragraph twice
    assert sorted({Path(r["file"]).name for r in rows}) == [f"paper{i:02d}.txt" for i in range(14)]
    per_file = {}
    for r in rows:
        per_file[r["file"]] = per_file.get(r["file"], 0) + 1
    assert len(set(per_file.values())) == 1  # every paper complete (they differ only in the last paragraph)
    assert not journal.exists()


def test_cache_keys_tags_by_taxonomy_and_reuses_extraction(archive, tmp_path):
    """A second run is served from the cache; a changed taxonomy re-tags but does not re-extract."""
    from lspkit.batch import TagOptions, tag_file
    from lspkit.nlp.taxonomy import default_taxonomy_path

    cache = tmp_path / "cache"
    paper = str(archive / "report.pdf")
    first = tag_file(paper, TagOptions(cache_dir=str(cache)))
    again = tag_file(paper, TagOptions(cache_dir=str(cache)))
    assert (first.cached, again.cached) == ("", "tags")
    assert again.records == first.records and again.pages == first.pages
    changed = tmp_path / "themes.yaml"
    text = default_taxonomy_path().read_text(encoding="utf-8")
    changed.write_text(text.replace("min_score: 0.5", "min_score: 0.3") if "min_score: 0.5" in text else text + "\n# changed\n", encoding="utf-8")
    retagged = tag_file(paper, TagOptions(themes=str(changed), cache_dir=str(cache)))
    fresh = tag_file(paper, TagOptions(themes=str(changed), use_cache=False))
    assert retagged.cached == "extract"  # the Document came from the cache, the tags did not
    assert retagged.records == fresh.records


def test_shards_together_equal_the_whole(archive, batch_run, tmp_path):
    _, whole, cache = batch_run
    parts = []
    for k in (1, 2):
        out = tmp_path / f"part{k}.jsonl"
        result = _invoke(["tag", str(archive), "--shard", f"{k}/2", "-o", str(out), "--cache-dir", str(cache)])
        assert result.exit_code in (0, 1), result.stderr
        parts.append(out.read_text(encoding="utf-8").splitlines())
    key = lambda line: (json.loads(line)["file"], json.loads(line).get("number", ""))  # noqa: E731
    assert sorted(parts[0] + parts[1], key=key) == sorted(whole.read_text(encoding="utf-8").splitlines(), key=key)
