"""Long PDFs are read in worker processes too (lspkit.read.parallel): the same Reading and Document as a serial
read, worker errors and deaths reported as documented, and no worker left behind."""
from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from lspkit.infra.errors import InputInvalidError, LimitError
from lspkit.read import parallel, read_lines
from lspkit.segment import segment

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "data"
HMRC = DATA / "real" / "hmrc_2015_research_report_361_risk_triggers.pdf"  # 28 pages, committed
TRACKED = DATA / "tracked" / "constitution-tracked-changes.pdf"

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="parallel reading forks on Linux only")


def _children() -> set[int]:
    """This process's child processes, running or not yet reaped (from /proc)."""
    me = str(os.getpid())
    found = set()
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open(f"/proc/{entry}/stat") as f:
                    if f.read().rsplit(")", 1)[1].split()[1] == me:
                        found.add(int(entry))
            except (OSError, IndexError):
                pass
    return found


@pytest.fixture(autouse=True)
def no_worker_left():
    """Every test: no child process it started is left, running or unreaped (others' children, such as a
    batch test's forkserver in the same pytest process, are not counted)."""
    before = _children()
    yield
    assert _children() <= before, "a page-reading worker was left behind"


def _read(path: Path, processes: int, monkeypatch, **options):
    monkeypatch.setenv("LSPKIT_READ_PROCESSES", str(processes))
    return read_lines(str(path), **options)


@pytest.mark.parametrize("processes", [2, 3])
def test_parallel_reading_gives_the_serial_reading(processes, monkeypatch):
    serial = _read(HMRC, 1, monkeypatch)
    assert len(serial.pages) >= parallel.MIN_PAGES  # long enough for the default threshold
    assert parallel.workers_for(len(serial.pages)) == 0
    monkeypatch.setenv("LSPKIT_READ_PROCESSES", str(processes))
    assert parallel.workers_for(len(serial.pages)) == processes - 1
    par = read_lines(str(HMRC))
    assert par == serial  # every line, marker, table, page size, footnote rule and warning
    assert segment(par).to_dict() == segment(serial).to_dict()


def test_parallel_reading_of_chosen_pages_and_tracked_changes(monkeypatch):
    """Chunks of one page, so a deleted line read as final joins the line before across a chunk boundary."""
    monkeypatch.setattr(parallel, "MIN_PAGES", 1)
    monkeypatch.setattr(parallel, "CHUNK", 1)
    for path, options in ((TRACKED, {}), (TRACKED, {"tracked": "original"}), (HMRC, {"pages": [3, 1, 7, 8, 20]})):
        serial = _read(path, 1, monkeypatch, **options)
        assert _read(path, 2, monkeypatch, **options) == serial, (path, options)


def test_short_documents_stay_serial(monkeypatch):
    monkeypatch.setenv("LSPKIT_READ_PROCESSES", "4")
    assert parallel.workers_for(parallel.MIN_PAGES - 1) == 0
    parallel_before = parallel._serial
    try:
        parallel.read_serially()  # what a batch worker does
        assert parallel.workers_for(400) == 0
    finally:
        parallel._serial = parallel_before


def _crash_on(page: int, how: str):
    parent = os.getpid()

    def read(p: int) -> int:
        if p == page and os.getpid() != parent:
            if how == "segfault":
                os.kill(os.getpid(), signal.SIGSEGV)
            if how == "error":
                raise InputInvalidError("page cannot be read", "x.pdf")
            if how == "memory":
                raise MemoryError()
        return p * 10

    return read


def test_results_come_in_page_order():
    pages = list(range(1, 41))
    assert list(parallel.map_pages(lambda p: p * 10, pages, workers=2)) == [p * 10 for p in pages]


def test_a_worker_that_dies_is_a_limit_error_naming_its_pages():
    # the worker is handed chunks 0 and 1 (pages 1-8) before this process reads chunk 2 itself
    with pytest.raises(LimitError) as err:
        list(parallel.map_pages(_crash_on(6, "segfault"), list(range(1, 41)), path="long.pdf", workers=1))
    assert str(err.value).startswith("long.pdf: page reader killed by SIGSEGV while reading page(s) ")
    assert str(err.value).endswith("page(s) 5-8")  # not the chunk queued behind it (5-12 under load, CI 2026-12-01)


def test_a_dead_worker_names_only_the_pages_it_was_reading():
    """Chunks 0 and 1 are queued to the worker at once; it dies in chunk 0: pages 1-4, never 1-8."""
    with pytest.raises(LimitError) as err:
        list(parallel.map_pages(_crash_on(2, "segfault"), list(range(1, 41)), path="long.pdf", workers=1))
    assert str(err.value).endswith("while reading page(s) 1-4")


def test_an_error_in_a_worker_is_raised_as_in_a_serial_read():
    with pytest.raises(InputInvalidError) as err:
        list(parallel.map_pages(_crash_on(6, "error"), list(range(1, 41)), workers=1))
    assert str(err.value) == "x.pdf: page cannot be read"
    with pytest.raises(MemoryError):
        list(parallel.map_pages(_crash_on(6, "memory"), list(range(1, 41)), workers=1))


def test_stopping_early_kills_the_workers():
    """The consumer stops (an exception, Ctrl-C in the parent): closing the generator reaps every worker."""
    results = parallel.map_pages(lambda p: p, list(range(1, 201)), workers=2)
    assert next(results) == 1
    results.close()


def test_workers_die_with_a_killed_parent(tmp_path):
    """A --timeout kills the reading process with SIGKILL: its workers must not run on (PR_SET_PDEATHSIG)."""
    script = tmp_path / "hang.py"
    script.write_text(
        "import os, sys, time\n"
        f"sys.path.insert(0, {str(ROOT)!r})\n"
        "from lspkit.read import parallel\n"
        "def read(p):\n"
        "    if p > 4:\n"
        "        print(os.getpid(), flush=True)\n"
        "        time.sleep(600)\n"
        "    return p\n"
        "list(parallel.map_pages(read, list(range(1, 41)), workers=2))\n"
    )
    proc = subprocess.Popen([sys.executable, str(script)], stdout=subprocess.PIPE, text=True)
    pids = {int(proc.stdout.readline()) for _ in range(2)} - {proc.pid}
    assert pids  # at least one worker is sleeping in read()
    proc.kill()
    proc.wait(30)
    import time

    deadline = time.monotonic() + 10
    alive = pids
    while alive and time.monotonic() < deadline:
        alive = {p for p in alive if _alive(p)}
        time.sleep(0.05)
    assert not alive, "a worker outlived its killed parent"


def _alive(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/stat") as f:
            return f.read().split(") ")[1][0] != "Z"
    except FileNotFoundError:
        return False


def test_memory_cap_reads_serially(monkeypatch):
    """Under --max-memory (RLIMIT_AS) every process would get the whole limit: read in one process."""
    monkeypatch.setenv("LSPKIT_READ_PROCESSES", "2")
    monkeypatch.setattr(parallel, "_memory_capped", lambda: True)
    assert parallel.workers_for(400) == 0


def test_extract_imports_no_tagging_stack(tmp_path):
    """`extract` of a long PDF (read in parallel) never imports spaCy, pdfplumber, numpy or rich."""
    code = (
        "import sys\n"
        "from lspkit.cli import cli\n"
        "try:\n"
        f"    cli(['extract', {str(HMRC)!r}, '-o', {str(tmp_path / 'out.json')!r}], prog_name='lspkit')\n"
        "except SystemExit as exc:\n"
        "    assert not exc.code, exc.code\n"
        "print('HEAVY', [m for m in ('spacy', 'pdfplumber', 'pdfminer', 'numpy', 'rich') if m in sys.modules])\n"
    )
    env = {**os.environ, "PYTHONPATH": str(ROOT), "LSPKIT_READ_PROCESSES": "2"}
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=300)
    assert out.returncode == 0, out.stderr
    assert "HEAVY []" in out.stdout
    assert (tmp_path / "out.json").stat().st_size > 0


def test_meanwhile_runs_in_this_process_after_the_fork_and_only_then(monkeypatch):
    """`parallel.meanwhile`: the work runs here once the page readers are forked (so it overlaps their pages and
    is not in them), is not run by a serial read, is forgotten after its block, and an error in it is ignored."""
    seen: list[tuple[int, int]] = []

    def work():
        seen.append((os.getpid(), len(_children())))

    with parallel.meanwhile(work):
        _read(HMRC, 1, monkeypatch)
    assert seen == [] and parallel._meanwhile == []  # serial: not run, and gone with its block
    with parallel.meanwhile(work):
        parallel_reading = _read(HMRC, 2, monkeypatch)
    assert len(seen) == 1 and seen[0][0] == os.getpid() and seen[0][1] >= 1  # here, with a worker running
    assert parallel._meanwhile == []
    _read(HMRC, 2, monkeypatch)
    assert len(seen) == 1  # not run again by the next document

    def broken():
        raise RuntimeError("never seen")

    with parallel.meanwhile(broken):
        assert _read(HMRC, 2, monkeypatch).lines == parallel_reading.lines
