"""The batch prefetcher (lspkit.batch.prefetch): the first files read while the workers start give the
same results as files read by the workers; a file it cannot read, or its death, loses nothing; it never
outlives the batch."""
import functools
import os
import signal
import time
from pathlib import Path

import pytest

from lspkit.batch import TagOptions, discover, plan, preload
from lspkit.batch.pool import WorkerPool
from lspkit.batch.prefetch import Prefetcher

ROOT = Path(__file__).resolve().parent.parent
PAPERS = [str(p) for p in sorted((ROOT / "data").glob("*.pdf"))[:6]]


def _slow_preload(options, delay):
    """The workers' start-up, made long enough that the prefetcher surely reads files meanwhile."""
    time.sleep(delay)
    preload(options)


def _run(paths, prefetcher=None, delay=0.0, jobs=2):
    options = TagOptions(use_cache=False)
    pool = WorkerPool(options, jobs=jobs, initializer=functools.partial(_slow_preload, delay=delay), prefetcher=prefetcher)
    results = [(t.path, r) for t, r in pool.imap(plan(discover(paths)))]
    return pool, results


def _comparable(results):
    return [(path, {k: v for k, v in r.to_dict().items() if k != "seconds"}) for path, r in results]


@pytest.fixture(scope="module")
def plain():
    return _comparable(_run(PAPERS, jobs=1)[1])


def test_prefetched_files_give_the_same_results(plain):
    prefetcher = Prefetcher(TagOptions(use_cache=False))
    pool, results = _run(PAPERS, prefetcher, delay=3.0)
    assert pool.prefetched > 0  # the workers slept 3 s before their first file: the prefetcher read some
    assert _comparable(results) == plain
    assert not prefetcher.process.is_alive()  # stopped once the workers had started


def test_a_file_the_prefetcher_cannot_read_is_reported_by_a_worker(tmp_path, plain):
    bad = tmp_path / "broken.pdf"
    bad.write_bytes(b"%PDF-1.7\nnot really a PDF\n")
    prefetcher = Prefetcher(TagOptions(use_cache=False))
    pool, results = _run([str(bad)] + PAPERS, prefetcher, delay=3.0)
    first = results[0][1]
    assert first.status == "error" and first.error == "invalid"
    assert _comparable(results[1:]) == plain


def test_a_dead_prefetcher_loses_no_file(plain):
    prefetcher = Prefetcher(TagOptions(use_cache=False))
    os.kill(prefetcher.process.pid, signal.SIGKILL)
    pool, results = _run(PAPERS, prefetcher)
    assert pool.prefetched == 0
    assert _comparable(results) == plain


def test_the_cli_batch_stops_its_prefetcher(tmp_path):
    """`lspkit tag --jobs 2` forks a prefetcher; nothing it started is left once it exits."""
    import subprocess
    import sys

    out = tmp_path / "out.jsonl"
    env = {**os.environ, "PYTHONPATH": str(ROOT), "LSPKIT_CACHE_DIR": str(tmp_path / "cache")}
    proc = subprocess.Popen([sys.executable, "-m", "lspkit.cli", "-q", "tag", *PAPERS[:3], "--jobs", "2", "-o", str(out)],
                            env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    forks = set()  # the prefetcher: a child with lspkit's own command line (the forkserver's is `python -c ...`)
    command = b""
    while proc.poll() is None:
        try:
            # read once: a process that is exiting has an empty command line, and so has every zombie
            command = command or Path(f"/proc/{proc.pid}/cmdline").read_bytes()
            for pid in Path(f"/proc/{proc.pid}/task/{proc.pid}/children").read_text().split() if command else ():
                if Path(f"/proc/{pid}/cmdline").read_bytes() == command:
                    forks.add(pid)
        except OSError:
            pass
        time.sleep(0.01)
    proc.communicate()
    assert proc.returncode == 0
    import json

    assert {json.loads(line)["file"] for line in out.read_text().splitlines()} == set(PAPERS[:3])
    assert forks  # it was there

    def still_lspkit(pid):  # (the forkserver and resource tracker also show lspkit's command line until they exec)
        try:
            return Path(f"/proc/{pid}/cmdline").read_bytes() == command
        except OSError:
            return False

    # and it is gone.  (This once compared against a command line read while lspkit was exiting, which is empty,
    # as is a zombie's: the resource tracker, caught before its exec and exiting just after lspkit, then looked
    # like a prefetcher left alive.)
    assert not [pid for pid in forks if still_lspkit(pid)]
