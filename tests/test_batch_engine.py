"""The batch engine with stand-in per-file tasks: discovery, dedupe, sharding, the
fault-tolerant pool (timeouts, memory caps, dead workers), ordering, limits."""
import os
import signal
import time

import pytest

from lspkit.batch import FileResult, TagOptions, discover, parse_shard, plan, run_batch, shard_of
from lspkit.infra.errors import InputInvalidError, LimitError
from lspkit.infra.limits import run_limited


def fake_task(path, options, sha):
    """Stands in for tag_file: a record per line; the first word can misbehave on purpose."""
    with open(path, encoding="utf-8") as f:
        text = f.read()
    first = text.split()[0] if text.split() else ""
    if first == "EXIT":
        os._exit(3)
    if first == "KILL":
        os.kill(os.getpid(), signal.SIGKILL)
    if first == "HANG":
        time.sleep(60)
    if first == "GREEDY":
        hog = bytearray(4 * 1024 ** 3)  # RLIMIT_AS makes this a MemoryError
        return FileResult(file=path, sha256=sha, pages=len(hog))
    if first == "SLOW":
        time.sleep(0.3)
    lines = [line for line in text.splitlines() if line.strip()]
    records = tuple({"file": path, "sha256": sha, "number": str(i), "text": line} for i, line in enumerate(lines, 1))
    return FileResult(file=path, sha256=sha, pages=1, records=records)


def _write(directory, name, text):
    path = directory / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return str(path)


def _run(inputs, **kwargs):
    tasks = plan(discover(inputs))
    kwargs.setdefault("initializer", None)
    return [(t, r) for t, r in run_batch(tasks, TagOptions(), task=fake_task, **kwargs)]


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    d = tmp_path_factory.mktemp("corpus")
    for i in range(6):
        _write(d, f"paper{i}.txt", f"{'SLOW ' if i % 2 else ''}paper {i}\nsecond line {i}\n")
    _write(d, "sub/nested.md", "nested paper\n")
    _write(d, "sub/copy.txt", "paper 0\nsecond line 0\n")  # same bytes as paper0.txt
    _write(d, "ignored.docx", "not matched by the default globs\n")
    _write(d, ".hidden.txt", "hidden files are skipped\n")
    return d


def test_discovery_is_sorted_recursive_and_filtered(corpus):
    paths = [os.path.relpath(f.path, corpus) for f in discover([str(corpus)])]
    assert paths == [f"paper{i}.txt" for i in range(6)] + ["sub/copy.txt", "sub/nested.md"]
    only_md = [os.path.basename(f.path) for f in discover([str(corpus)], globs=["*.MD"])]
    assert only_md == ["nested.md"]


def test_paths_on_stdin_and_explicit_files(corpus, tmp_path):
    import io

    listing = io.StringIO(f"{corpus / 'paper1.txt'}\n\n{corpus / 'sub'}\n")
    found = [f.path for f in discover(["-", str(corpus / "ignored.docx")], stdin=listing)]
    assert found == [str(corpus / "paper1.txt"), str(corpus / "sub" / "copy.txt"), str(corpus / "sub" / "nested.md"), str(corpus / "ignored.docx")]


def test_symlink_loop_is_reported_not_fatal(tmp_path):
    _write(tmp_path, "a/one.txt", "one\n")
    os.symlink(tmp_path / "a", tmp_path / "a" / "loop")
    warnings = []
    tasks = list(plan(discover([str(tmp_path)]), on_warning=lambda p, w: warnings.append((p, w))))
    assert [os.path.basename(t.path) for t in tasks] == ["one.txt"]
    assert warnings and "loop" in warnings[0][1]


def test_unreadable_directory_becomes_error(tmp_path, monkeypatch):
    _write(tmp_path, "locked/x.txt", "x\n")
    _write(tmp_path, "open/y.txt", "y\n")
    real_scandir = os.scandir

    def scandir(path):  # chmod 0 does not stop root, so refuse the way the OS would
        if os.path.basename(path) == "locked":
            raise PermissionError(13, "Permission denied")
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", scandir)
    tasks = list(plan(discover([str(tmp_path)])))
    assert [(os.path.basename(t.path), t.result and t.result.status) for t in tasks] == [("locked", "error"), ("y.txt", None)]
    assert tasks[0].result.message == "cannot read directory: Permission denied"


def test_duplicates_missing_and_order(corpus):
    results = _run([str(corpus), str(corpus / "nope.pdf")], jobs=2)
    by_name = {os.path.relpath(t.path, corpus): r for t, r in results}
    assert by_name["sub/copy.txt"].status == "duplicate"
    assert by_name["sub/copy.txt"].duplicate_of == str(corpus / "paper0.txt")
    assert by_name["nope.pdf"].status == "error" and by_name["nope.pdf"].error == "missing"
    assert [t.index for t, _ in results] == list(range(len(results)))
    assert all(r.status == "ok" for n, r in by_name.items() if n.startswith("paper"))


def test_jobs_1_and_2_and_unordered_agree(corpus):
    one = [r.to_dict() for _, r in _run([str(corpus)], jobs=1)]
    two = [r.to_dict() for _, r in _run([str(corpus)], jobs=2)]
    for d in one + two:
        d.pop("seconds")
    assert one == two
    unordered = [r.to_dict() for _, r in _run([str(corpus)], jobs=2, ordered=False)]
    for d in unordered:
        d.pop("seconds")
    key = lambda d: d["file"]  # noqa: E731
    assert sorted(unordered, key=key) == sorted(one, key=key)


def test_dead_workers_and_timeouts_are_reported_and_replaced(tmp_path):
    paths = [
        _write(tmp_path, "a.txt", "fine a\n"),
        _write(tmp_path, "b.txt", "EXIT now\n"),
        _write(tmp_path, "c.txt", "KILL now\n"),
        _write(tmp_path, "d.txt", "HANG forever\n"),
        _write(tmp_path, "e.txt", "fine e\n"),
        _write(tmp_path, "f.txt", "fine f\n"),
    ]
    results = {os.path.basename(t.path): r for t, r in _run(paths, jobs=2, timeout=1.5)}
    assert results["a.txt"].ok and results["e.txt"].ok and results["f.txt"].ok
    assert results["b.txt"].error == "crash" and "exited with status 3" in results["b.txt"].message
    assert results["c.txt"].error == "limit" and "SIGKILL" in results["c.txt"].message
    assert results["d.txt"].error == "limit" and "timed out after 1.5 s" in results["d.txt"].message


def test_files_queued_behind_a_dead_or_hung_file_are_tagged(tmp_path):
    """Each worker holds its next file in its queue (pool.QUEUE_DEPTH); when the file it is on kills it or
    times out, the files queued behind go to a fresh worker, in order, and come out as if nothing happened."""
    from lspkit.batch import pool

    assert pool.QUEUE_DEPTH >= 2
    paths = [
        _write(tmp_path, "a.txt", "EXIT now\n"),
        _write(tmp_path, "b.txt", "fine b\n"),
        _write(tmp_path, "c.txt", "HANG forever\n"),
        _write(tmp_path, "d.txt", "fine d\n"),
        _write(tmp_path, "e.txt", "KILL now\n"),
        _write(tmp_path, "f.txt", "fine f\n"),
    ]
    got = [(os.path.basename(t.path), r) for t, r in _run(paths, jobs=1, timeout=1.5)]
    assert [name for name, _ in got] == ["a.txt", "b.txt", "c.txt", "d.txt", "e.txt", "f.txt"]
    results = dict(got)
    assert results["b.txt"].ok and results["d.txt"].ok and results["f.txt"].ok
    assert [r["text"] for r in results["d.txt"].records] == ["fine d"]
    assert results["a.txt"].error == "crash" and "exited with status 3" in results["a.txt"].message
    assert results["c.txt"].error == "limit" and "timed out after 1.5 s" in results["c.txt"].message
    assert results["e.txt"].error == "limit" and "SIGKILL" in results["e.txt"].message


def test_the_last_files_go_to_an_idle_worker_not_into_a_busy_ones_queue(tmp_path):
    """Mid-batch each worker holds its next file in its queue; the batch's last files are handed only to a worker
    with nothing to do, so none waits behind a long file while another worker is idle (here: "c" behind the file
    that hangs until its timeout, while the other worker has finished "b")."""
    paths = [
        _write(tmp_path, "a.txt", "HANG forever\n"),
        _write(tmp_path, "b.txt", "fine b\n"),
        _write(tmp_path, "c.txt", "fine c\n"),
    ]
    start = time.monotonic()
    arrived, results = {}, {}
    for t, r in run_batch(plan(discover(paths)), TagOptions(), task=fake_task, jobs=2, timeout=2.0, ordered=False,
                          initializer=None):
        name = os.path.basename(t.path)
        arrived[name], results[name] = time.monotonic() - start, r
    assert results["b.txt"].ok and results["c.txt"].ok
    assert results["a.txt"].error == "limit" and "timed out" in results["a.txt"].message
    assert arrived["c.txt"] < arrived["a.txt"]


def test_memory_cap_turns_a_hog_into_an_error(tmp_path):
    paths = [_write(tmp_path, "hog.txt", "GREEDY\n"), _write(tmp_path, "ok.txt", "fine\n")]
    results = {os.path.basename(t.path): r for t, r in _run(paths, jobs=1, max_memory=1024)}
    assert results["hog.txt"].error == "limit" and "1024 MB" in results["hog.txt"].message
    assert results["ok.txt"].ok


def test_shards_partition_the_inputs(corpus):
    assert parse_shard("2/3") == (2, 3)
    for bad in ("0/3", "4/3", "x", "1/0"):
        with pytest.raises(ValueError):
            parse_shard(bad)
    everything = {t.path for t in plan(discover([str(corpus)]))}
    parts = [{t.path for t in plan(discover([str(corpus)]), shard=(k, 3))} for k in (1, 2, 3)]
    assert set().union(*parts) == everything
    assert sum(len(p) for p in parts) == len(everything)
    # Copies share a hash, so they land in the same shard and are deduplicated there.
    copies = {str(corpus / "paper0.txt"), str(corpus / "sub" / "copy.txt")}
    assert any(copies <= p for p in parts)
    assert shard_of("a" * 64, 5) == shard_of("a" * 64, 5)


def test_resume_skips_done_paths_and_reports_new_copies(corpus):
    tasks = list(plan(discover([str(corpus)])))
    # The resumed output has paper0.txt tagged, but not yet its copy's duplicate record.
    done = {tasks[0].sha256: [tasks[0].path]}
    again = {os.path.basename(t.path): t for t in plan(discover([str(corpus)]), done=done)}
    assert [n for n, t in again.items() if t.skipped] == ["paper0.txt"]
    copy = again["copy.txt"].result
    assert copy.status == "duplicate" and copy.duplicate_of == tasks[0].path


# ---------------------------------------------------------------- limits.run_limited


def _raise_invalid(path):
    raise InputInvalidError("not a PDF", path)


def _sleep(seconds):
    time.sleep(seconds)
    return "woke"


def _allocate(mb):
    return len(bytearray(mb * 1024 * 1024))


def test_run_limited():
    assert run_limited(_sleep, 0, timeout=10) == "woke"
    with pytest.raises(LimitError, match="timed out after 0.5 s"):
        run_limited(_sleep, 30, timeout=0.5, path="x.pdf")
    with pytest.raises(InputInvalidError) as info:
        run_limited(_raise_invalid, "y.pdf", timeout=10)
    assert info.value.path == "y.pdf" and info.value.problem == "not a PDF"
    with pytest.raises(LimitError, match="memory limit of 600 MB"):
        run_limited(_allocate, 2048, max_memory=600, path="z.pdf")
    assert run_limited(_allocate, 10, max_memory=600) == 10 * 1024 * 1024


def _die_at_start(options):
    os._exit(7)


def test_workers_that_cannot_start_stop_the_batch(corpus):
    from lspkit.infra.errors import LspkitError

    with pytest.raises(LspkitError, match="die before they start"):
        _run([str(corpus)], jobs=2, initializer=_die_at_start)
