"""Batch `lspkit tag PATH...` over hostile inputs: every bad file is one error record and one message,
every good file's paragraphs are still in the output, nothing hangs, nothing half-written is left.

Tests run as root in CI, and root reads a chmod-000 file, so 'unreadable' is simulated with a dangling
symlink, a symlink loop and a FIFO nobody writes to (opening it would block forever); the chmod-000
case itself runs only when not root.
"""
from __future__ import annotations

import json
import os
import shutil
import subprocess

import pytest

from hostile_util import BAD, assert_clean_failure, load_corpus, lspkit
from lspkit.infra import errors
from test_hostile_pdf import FAILURES

corpus = load_corpus()
GOOD = corpus.PARAGRAPHS
BATCH = ["--no-cache", "-j", "2", "-f", "jsonl"]


def records(path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def paragraphs_of(recs, file) -> dict[str, str]:
    return {r["number"]: r["text"] for r in recs if r["file"] == str(file) and "number" in r}


def errors_of(recs) -> dict[str, str]:
    return {r["file"]: r["message"] for r in recs if r.get("status") == "error"}


@pytest.fixture()
def tree(tmp_path):
    return corpus.make_batch_tree(tmp_path / "in")


def test_unreadable_entries_and_symlink_loop_do_not_stop_the_batch(tree, tmp_path):
    out_dir = tmp_path / "out"
    out_dir.mkdir()
    out = out_dir / "tags.jsonl"
    run = lspkit("tag", tree["good1"].parent, "-o", out, *BATCH, timeout=120)
    assert run.status == errors.EXIT_DIFFERENT, run.stderr  # 1: some files failed
    assert "Traceback" not in run.stderr
    assert sorted(p.name for p in out_dir.iterdir()) == ["tags.jsonl"]  # no journal, no .part
    recs = records(out)
    assert paragraphs_of(recs, tree["good1"]) == {str(n): GOOD[(n - 1) % 4] for n in range(1, 13)}
    assert paragraphs_of(recs, tree["good2"]) == {"1": GOOD[2], "2": GOOD[3]}
    failed = errors_of(recs)
    loop = tree["loopdir"]
    assert failed == {
        str(tree["dangling"]): "broken symbolic link",
        str(tree["fifo"]): "not a regular file (a FIFO, socket or device)",
        str(loop / "a.pdf"): "broken symbolic link",
        str(loop / "b.pdf"): "broken symbolic link",
        str(tree["broken"]): "truncated or corrupt PDF (no end-of-file marker)",
    }
    for path, message in failed.items():
        assert f"lspkit: {path}: {message}" in run.stderr
    assert f"lspkit: warning: {loop / 'self'}: directory already visited" in run.stderr


def test_every_bad_pdf_in_one_batch(tmp_path):
    """All of data/bad's refused inputs between two good papers: one error each, the good ones complete."""
    names = sorted({name for name, args, _s, _w in FAILURES if not args})
    inputs = ["data/bad/good.pdf", *[f"data/bad/{n}" for n in names], "data/bad/non_latin.txt"]
    out = tmp_path / "tags.jsonl"
    run = lspkit("tag", *inputs, "-o", out, *BATCH, "--timeout", "60", timeout=240)
    assert run.status == errors.EXIT_DIFFERENT, run.stderr
    assert "Traceback" not in run.stderr
    assert run.maxrss_mb < 600, f"peak RSS of the batch and its workers {run.maxrss_mb:.0f} MB"
    recs = records(out)
    assert paragraphs_of(recs, "data/bad/good.pdf") == {str(n): GOOD[(n - 1) % 4] for n in range(1, 13)}
    assert len(paragraphs_of(recs, "data/bad/non_latin.txt")) == 5
    failed = errors_of(recs)
    words = {name: w for name, args, _s, w in FAILURES if not args}
    # empty.pdf and empty.txt have the same (empty) content: the second is a duplicate of the first
    dup = {r["file"] for r in recs if r.get("status") == "duplicate"}
    for name in names:
        path = f"data/bad/{name}"
        if path in dup:
            continue
        assert path in failed, (path, sorted(failed))
        assert words[name].lower() in failed[path].lower(), (path, failed[path])


def test_batch_output_directory_missing(tree, tmp_path):
    target = tmp_path / "no" / "such" / "tags.jsonl"
    run = lspkit("tag", tree["good1"], tree["good2"], "-o", target, *BATCH)
    assert_clean_failure(run, target, errors.EXIT_USAGE, "does not exist")  # batch: any set-up trouble is 2
    assert not (tmp_path / "no").exists()


@pytest.fixture()
def tiny_disk(tmp_path):
    """A 64 KB tmpfs: a real 'No space left on device'.  Needs root and mount(8)."""
    mnt = tmp_path / "tiny"
    mnt.mkdir()
    if os.geteuid() != 0 or not shutil.which("mount"):
        pytest.skip("mounting a tmpfs needs root and mount(8); see test_file_size_limit for the portable case")
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=64k", "tmpfs", str(mnt)], capture_output=True)
    if done.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {done.stderr.decode(errors='replace').strip()}")
    try:
        yield mnt
    finally:
        subprocess.run(["umount", str(mnt)], capture_output=True)


@pytest.fixture(scope="module")
def thousand(tmp_path_factory):
    return corpus.make_thousand_page_pdf(tmp_path_factory.mktemp("big") / "thousand.pdf")


def test_full_disk_batch(tree, tiny_disk, thousand):
    out = tiny_disk / "tags.jsonl"
    run = lspkit("tag", tree["good1"], thousand, tree["good2"], "-o", out, *BATCH, timeout=120)
    assert_clean_failure(run, out, errors.EXIT_USAGE, "No space left on device")
    names = [p.name for p in tiny_disk.iterdir()]
    assert "tags.jsonl" not in names and not [n for n in names if n.endswith(".part")], names
    # what is left is the journal, kept on purpose for --resume once there is room
    assert set(names) <= {"tags.jsonl.lspkit-journal"}


def test_full_disk_single_file(tiny_disk, thousand):
    out = tiny_disk / "thousand.json"
    run = lspkit("extract", thousand, "-o", out, timeout=120)
    assert_clean_failure(run, out, errors.EXIT_OUTPUT, "No space left on device", tiny_disk)


def test_file_size_limit(tmp_path, thousand):
    """RLIMIT_FSIZE makes writes fail with EFBIG: the portable way to run out of room mid-write."""
    pytest.importorskip("resource")
    out_dir = tmp_path / "out"
    out_dir.mkdir()
    run = lspkit("extract", thousand, "-o", out_dir / "thousand.json", timeout=120, fsize=64 * 1024)
    assert_clean_failure(run, out_dir / "thousand.json", errors.EXIT_OUTPUT, "File too large", out_dir)


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads chmod-000 files; the FIFO and dangling-link cases stand in")
def test_chmod_000_file(tmp_path):
    path = tmp_path / "secret.pdf"
    path.write_bytes((BAD / "good.pdf").read_bytes())
    path.chmod(0)
    run = lspkit("extract", path)
    assert_clean_failure(run, path, errors.EXIT_INPUT_MISSING, "cannot read")


def test_single_file_time_and_memory_limits(tmp_path):
    """`tag FILE --timeout/--max-memory` run the work in a bounded child: exit 8 and no output when hit."""
    out = tmp_path / "t.json"
    run = lspkit("tag", "data/bad/long_page.pdf", "--timeout", "0.3", "-f", "json", "-o", out, timeout=60)
    assert_clean_failure(run, "data/bad/long_page.pdf", errors.EXIT_LIMIT, "timed out after 0.3 s", tmp_path)
    run = lspkit("tag", "data/bad/long_page.pdf", "--max-memory", "100", "-f", "json", "-o", out, timeout=60)
    assert run.status == errors.EXIT_LIMIT, run.stderr
    assert "Traceback" not in run.stderr
    assert "lspkit: data/bad/long_page.pdf: " in run.stderr and "memory limit of 100 MB" in run.stderr
    assert not out.exists()
