"""A batch started from a directory holding files named like standard modules (a user's `timeit.py`,
`random.py`) still runs its workers; a process server that cannot start is one line, exit 2, never a
traceback.

Both run `python -m lspkit.cli` in a fresh interpreter, so each starts its own forkserver.
"""
import json
import os
import subprocess
import sys
from pathlib import Path

from test_interrupt import _group_gone

ROOT = Path(__file__).resolve().parent.parent
REPORT_TXT = ROOT / "data" / "head-of-policy-report.txt"

# Imported in place of the standard module, each would end the process that imports it.
SHADOW = 'import sys\nsys.stderr.write("shadowing module imported\\n")\nsys.exit(3)\n'


def _papers(directory: Path) -> list[str]:
    source = REPORT_TXT.read_text(encoding="utf-8") if REPORT_TXT.exists() else (
        "1. Purpose\n\n" + "".join(f"1.{i} The partnership board reviews governance item {i}.\n\n" for i in range(1, 12))
    )
    names = []
    for i in range(3):
        name = f"paper{i}.txt"
        (directory / name).write_text(source + f"\n\n99.{i} Paper {i} ends here.\n", encoding="utf-8")
        names.append(name)
    return names


def _tag(cwd: Path, names, pythonpath: str):
    env = {**os.environ, "PYTHONPATH": pythonpath, "NO_COLOR": "1"}
    command = [sys.executable, "-m", "lspkit.cli", "tag", *names, "--jobs", "2", "--no-cache", "-f", "jsonl"]
    return subprocess.run(command, cwd=cwd, env=env, capture_output=True, text=True, timeout=300)


def test_batch_runs_from_a_directory_with_modules_named_like_the_standard_library(tmp_path):
    names = _papers(tmp_path)
    # timeit is imported by spaCy in the forkserver's preload, random by multiprocessing itself as the
    # forkserver starts: before the fix the forkserver died and the batch said "internal error: EOFError".
    for module in ("timeit", "random", "tempfile"):
        (tmp_path / f"{module}.py").write_text(SHADOW, encoding="utf-8")
    done = _tag(tmp_path, names, str(ROOT))
    assert done.returncode == 0, done.stderr
    assert "shadowing module imported" not in done.stderr
    assert "Traceback" not in done.stderr
    rows = [json.loads(line) for line in done.stdout.splitlines()]
    assert {r["file"] for r in rows} == set(names)
    assert f"tagged {len(names)} files" in done.stderr
    # The workers ran in the user's directory: the records name the files as given, relative to it.
    reference = _tag(tmp_path / "..", [str(Path(tmp_path.name) / n) for n in names], str(ROOT))
    assert reference.returncode == 0, reference.stderr
    assert [r["text"] for r in rows] == [json.loads(line)["text"] for line in reference.stdout.splitlines()]


def test_a_process_server_that_dies_at_start_is_one_line_exit_2(tmp_path):
    names = _papers(tmp_path)
    shadow = tmp_path / "shadow"
    shadow.mkdir()
    (shadow / "spacy.py").write_text(SHADOW, encoding="utf-8")  # first on PYTHONPATH: the forkserver cannot load spaCy
    done = _tag(tmp_path, names, os.pathsep.join([str(shadow), str(ROOT)]))
    assert done.returncode == 2, done.stderr
    assert "Traceback" not in done.stderr
    lines = [line for line in done.stderr.splitlines() if line.startswith("lspkit:")]
    assert lines == ["lspkit: worker processes could not be started (the process server died: EOFError); see the messages above"]


def test_a_batch_that_stops_at_set_up_leaves_no_process_behind(tmp_path):
    """The process server starts before the taxonomy is read (it imports spaCy meanwhile): a bad taxonomy
    must not leave it running.  Here its spaCy import never ends, so only a kill ends it."""
    names = _papers(tmp_path)
    slow = tmp_path / "slow"
    slow.mkdir()
    (slow / "spacy.py").write_text("import time\ntime.sleep(120)\n", encoding="utf-8")
    (tmp_path / "bad.yaml").write_text("themes: [\n", encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(slow), str(ROOT)]), "NO_COLOR": "1"}
    command = [sys.executable, "-m", "lspkit.cli", "tag", *names, "--jobs", "2", "--no-cache", "--themes", "bad.yaml"]
    with open(tmp_path / "stderr.txt", "w") as stderr:  # a pipe would stay open as long as any child lives
        proc = subprocess.Popen(command, cwd=tmp_path, env=env, start_new_session=True, stderr=stderr)
        proc.wait(timeout=300)
    err = (tmp_path / "stderr.txt").read_text()
    assert proc.returncode == 2, err
    assert "bad.yaml" in err and "Traceback" not in err
    assert _group_gone(proc.pid), "a process outlived lspkit"


def _running(pid: int) -> bool:
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(") ", 1)[1][0] != "Z"
    except OSError:
        return False


def test_the_process_server_is_gone_when_lspkit_exits(tmp_path):
    """The forkserver (spaCy and lspkit imported) is stopped as lspkit exits, not left to tear its modules
    down on its own after lspkit has gone, holding lspkit's stderr open: a caller reading that pipe waited
    for it (0.2 s at the end of every batch)."""
    import time

    names = _papers(tmp_path)
    env = {**os.environ, "PYTHONPATH": str(ROOT), "NO_COLOR": "1"}
    command = [sys.executable, "-m", "lspkit.cli", "tag", *names, "--jobs", "1", "--no-cache", "-o", "out.jsonl"]
    with open(tmp_path / "err.txt", "w") as err:
        proc = subprocess.Popen(command, cwd=tmp_path, env=env, stdout=subprocess.DEVNULL, stderr=err)
        servers: set[int] = set()
        deadline = time.monotonic() + 300
        while proc.poll() is None and time.monotonic() < deadline:
            for child in Path(f"/proc/{proc.pid}/task/{proc.pid}/children").read_text().split() if Path(f"/proc/{proc.pid}").exists() else ():
                try:
                    if b"forkserver" in Path(f"/proc/{child}/cmdline").read_bytes():
                        servers.add(int(child))
                except OSError:
                    pass
            time.sleep(0.01)
        # the instant lspkit has exited (poll() reaped it), before its process server could have finished on its own
        alive = [pid for pid in servers if _running(pid)]
    assert proc.returncode == 0, (tmp_path / "err.txt").read_text()
    assert servers, "no forkserver seen"
    assert not alive
    assert len((tmp_path / "out.jsonl").read_text().splitlines()) > 3
