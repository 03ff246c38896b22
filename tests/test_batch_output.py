"""Batch output with a stand-in task: record shapes, CSV columns, the journal, --resume."""
import csv
import io
import json
import os

import pytest

from lspkit.batch import FileResult
from lspkit.infra.cache import file_sha256
from lspkit.batch.output import BatchOutput, journal_path, read_journal
from lspkit.batch.runner import BatchSettings, tag_batch
from lspkit.infra.errors import OutputError
from lspkit.render.batch import BatchRenderer, FormatMismatch

from test_batch_engine import fake_task

THEMES = ("role", "governance", "accountability", "capacity")


def themed_task(path, options, sha):
    """fake_task plus themes and scores shaped like the tagger's records."""
    base = fake_task(path, options, sha)
    records = tuple(
        {**r, "kind": "paragraph", "page": 1, "section": None, "themes": {"role": 0.9} if "role" in r["text"] else {},
         "scores": {t: (0.9 if t == "role" and "role" in r["text"] else 0.0) for t in THEMES}}
        for r in base.records
    )
    counts = {t: sum(t in r["themes"] for r in records) for t in THEMES}
    return FileResult(file=path, sha256=sha, pages=1, records=records, theme_counts=counts)


def _corpus(d, n=6):
    d.mkdir(parents=True, exist_ok=True)
    for i in range(n):
        (d / f"p{i}.txt").write_text(f"paper {i} role\nline two {i}\n", encoding="utf-8")
    (d / "copy.txt").write_text("paper 0 role\nline two 0\n", encoding="utf-8")
    return d


def _run(inputs, output, **settings):
    errors = []
    stats = tag_batch(
        inputs,
        settings=BatchSettings(output=output, jobs=2, timeout=None, max_memory=None, **settings),
        task=themed_task,
        initializer=None,
        on_error=errors.append,
    )
    return stats, errors


def _jsonl(path):
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f]


def test_jsonl_records_errors_and_duplicates(tmp_path):
    d = _corpus(tmp_path / "in")
    out = tmp_path / "out.jsonl"
    stats, errors = _run([str(d), str(d / "missing.pdf")], str(out))
    rows = _jsonl(out)
    paragraphs = [r for r in rows if "number" in r]
    assert len(paragraphs) == 12 and len({(r["file"], r["number"]) for r in paragraphs}) == 12
    copy_sha = next(r["sha256"] for r in paragraphs if r["file"] == str(d / "copy.txt"))
    duplicates = [r for r in rows if r.get("status") == "duplicate"]
    # copy.txt sorts first, so p0.txt (same bytes) is the duplicate.
    assert duplicates == [{"file": str(d / "p0.txt"), "sha256": copy_sha, "status": "duplicate", "duplicate_of": str(d / "copy.txt")}]
    error = [r for r in rows if r.get("status") == "error"]
    assert error == [{"file": str(d / "missing.pdf"), "sha256": None, "status": "error", "error": "missing", "message": "no such file"}]
    assert [e.file for e in errors] == [str(d / "missing.pdf")]
    assert (stats.tagged, stats.failed, stats.duplicates, stats.paragraphs) == (6, 1, 1, 12)
    assert not os.path.exists(journal_path(str(out)))
    assert not [p for p in os.listdir(tmp_path) if p.startswith(".")]  # no temp files left


def test_csv_has_theme_columns_and_summary(tmp_path):
    d = _corpus(tmp_path / "in", n=2)
    out = tmp_path / "out.csv"
    _run([str(d)], str(out), fmt="csv")
    rows = list(csv.DictReader(open(out, encoding="utf-8")))
    scores = [f"score_{t}" for t in THEMES]
    assert list(rows[0]) == ["file", "sha256", "number", "kind", "page", "section", "themes", *scores, "text", "status", "error", "message", "duplicate_of"]
    first = rows[0]
    assert first["score_role"] == "0.9" and first["themes"] == "role" and first["status"] == "ok"
    assert [(r["status"], r["number"]) for r in rows if r["status"] != "ok"] == [("duplicate", "")]
    summary = tmp_path / "summary.csv"
    _run([str(d)], str(summary), fmt="csv", summary=True)
    rows = list(csv.DictReader(open(summary, encoding="utf-8")))
    assert [r["status"] for r in rows] == ["ok", "duplicate", "ok"]
    assert rows[0]["paragraphs"] == "2" and rows[0]["paragraphs_role"] == "1" and rows[0]["paragraphs_capacity"] == "0"


def test_renderer_reads_back_what_it_wrote():
    r = BatchRenderer("csv", THEMES)
    good = FileResult("a.pdf", "a" * 64, records=({"file": "a.pdf", "sha256": "a" * 64, "number": "1", "kind": "paragraph",
                                                   "page": 2, "section": "1", "themes": {"role": 0.75},
                                                   "scores": {"role": 0.75, "capacity": 0.1}, "text": 'He said "yes",\nthen no.'},))
    bad = FileResult.failure("b.pdf", None, "invalid", "not a PDF")
    text = r.header() + r.render(good) + r.render(bad)
    units = list(r.read_units(io.StringIO(text)))
    assert [(u.file, u.status, u.paragraphs) for u in units] == [("a.pdf", "ok", 1), ("b.pdf", "error", 0)]
    assert r.header() + "".join(u.text for u in units) == text
    with pytest.raises(FormatMismatch):
        list(BatchRenderer("jsonl", THEMES).read_units(io.StringIO(text)))
    with pytest.raises(FormatMismatch):
        list(BatchRenderer("csv", THEMES[:2]).read_units(io.StringIO(text)))


def test_resume_after_a_torn_journal(tmp_path):
    d = _corpus(tmp_path / "in")
    out = tmp_path / "out.jsonl"
    _run([str(d)], str(out))
    complete = _jsonl(out)
    # Simulate a run killed mid-way: a journal of three complete files, the fourth torn.
    renderer = BatchRenderer("jsonl", THEMES)
    output = BatchOutput(str(out) + ".2", renderer).open()
    for name in ("copy.txt", "p1.txt", "p2.txt"):  # what the killed run had finished
        output.write(themed_task(str(d / name), None, file_sha256(str(d / name))))
    output.close()
    journal = journal_path(str(out) + ".2")
    with open(journal, "a", encoding="utf-8") as f:
        f.write('{"file": "' + str(d / "p3.txt") + '", "sha256": "tor')
    assert len(list(read_journal(journal))) == 3
    stats, _ = _run([str(d)], str(out) + ".2", resume=True)
    assert (stats.skipped, stats.tagged, stats.duplicates) == (3, 3, 1)
    resumed = _jsonl(str(out) + ".2")
    key = lambda r: (r["file"], r.get("number", ""), r.get("status", ""))  # noqa: E731
    assert sorted(resumed, key=key) == sorted(complete, key=key)
    assert not os.path.exists(journal)


def test_resume_an_output_adds_new_files_and_retries_failures(tmp_path):
    d = _corpus(tmp_path / "in", n=2)
    out = tmp_path / "out.jsonl"
    _run([str(d), str(d / "late.txt")], str(out))
    assert [r for r in _jsonl(out) if r.get("status") == "error"]
    (d / "late.txt").write_text("arrived late role\n", encoding="utf-8")
    (d / "new.txt").write_text("a new paper\n", encoding="utf-8")
    stats, errors = _run([str(d), str(d / "late.txt")], str(out), resume=True)
    rows = _jsonl(out)
    assert not errors and not [r for r in rows if r.get("status") == "error"]
    files = [r["file"] for r in rows if "number" in r]
    assert sorted(set(files)) == sorted(str(d / n) for n in ("copy.txt", "late.txt", "new.txt", "p1.txt"))
    assert len(files) == len(set((r["file"], r["number"]) for r in rows if "number" in r))
    assert stats.skipped == 3  # copy.txt, p0.txt (its duplicate) and p1.txt


def test_resume_refuses_another_format_and_stdout(tmp_path):
    d = _corpus(tmp_path / "in", n=1)
    out = tmp_path / "out.jsonl"
    _run([str(d)], str(out))
    with pytest.raises(OutputError, match="cannot resume"):
        _run([str(d)], str(out), fmt="csv", resume=True)
    with pytest.raises(OutputError, match="needs --output"):
        _run([str(d)], None, resume=True)
    with pytest.raises(OutputError, match="does not exist"):
        _run([str(d)], str(tmp_path / "no" / "out.jsonl"))


@pytest.mark.parametrize("fmt", ["jsonl", "csv"])
def test_output_from_memory_is_the_output_from_the_journal(tmp_path, monkeypatch, fmt):
    """The final output is written from the units kept in memory, or read back from the journal when they grew
    past MEMORY_TEXT: the same bytes either way."""
    import lspkit.batch.output as output_module

    d = _corpus(tmp_path / "in", n=12)
    kept = []
    real_commit = BatchOutput.commit

    def commit(self):
        kept.append(self._texts is not None)
        real_commit(self)

    monkeypatch.setattr(BatchOutput, "commit", commit)
    _run([str(d)], str(tmp_path / "memory.out"), fmt=fmt)
    monkeypatch.setattr(output_module, "MEMORY_TEXT", 40)  # a few units, then the journal is read back
    _run([str(d)], str(tmp_path / "journal.out"), fmt=fmt)
    assert kept == [True, False]
    memory, journal = (tmp_path / "memory.out").read_bytes(), (tmp_path / "journal.out").read_bytes()
    assert memory == journal and memory.count(b"p1") >= 1
    assert not os.path.exists(journal_path(str(tmp_path / "memory.out")))
