"""Shared by the hostile-input tests: the corpus script, and running the CLI in a bounded child.

Every hostile case runs `python -m lspkit.cli` in a subprocess (its own
session, killed on timeout) so a hang fails the test instead of hanging the
suite, and the child's peak RSS can be measured.
"""
from __future__ import annotations

import importlib.util
import json
import os
import signal
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BAD = ROOT / "data" / "bad"

# Runs the command, then reports the peak RSS of its children (only the one command) on stderr.
_MEASURE = (
    "import os, resource, subprocess, sys\n"
    "fsize = int(os.environ.pop('HOSTILE_FSIZE', '0'))\n"
    "limit = (lambda: resource.setrlimit(resource.RLIMIT_FSIZE, (fsize, fsize))) if fsize else None\n"
    "r = subprocess.run(sys.argv[1:], preexec_fn=limit)\n"
    "sys.stderr.write('\\n@@MAXRSS_KB %d\\n' % resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)\n"
    "sys.exit(r.returncode)\n"
)


def load_corpus():
    spec = importlib.util.spec_from_file_location("make_bad_inputs", BAD / "make_bad_inputs.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@dataclass
class Run:
    status: int
    stdout: str
    stderr: str
    seconds: float
    maxrss_mb: float

    @property
    def messages(self) -> list[str]:
        return [ln for ln in self.stderr.splitlines() if ln.strip()]


def lspkit(*args, cwd=None, timeout: float = 60, stdin=None, env=None, fsize: int = 0) -> Run:
    """`lspkit ARGS` in a child process, bounded by `timeout` seconds (the test fails on a hang).

    `fsize` > 0 sets RLIMIT_FSIZE in the child: writes past it fail with EFBIG.
    """
    cmd = [sys.executable, "-c", _MEASURE, sys.executable, "-m", "lspkit.cli", *map(str, args)]
    full_env = {**os.environ, "PYTHONPATH": str(ROOT), "NO_COLOR": "1", **(env or {})}
    if fsize:
        full_env["HOSTILE_FSIZE"] = str(fsize)
    start = time.monotonic()
    proc = subprocess.Popen(
        cmd, cwd=cwd or ROOT, env=full_env, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
        stdin=subprocess.PIPE if stdin is not None else subprocess.DEVNULL, start_new_session=True,
    )
    try:
        out, err = proc.communicate(stdin, timeout=timeout)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
        proc.communicate()
        raise AssertionError(f"lspkit {' '.join(map(str, args))} still running after {timeout} s: a hang") from None
    seconds = time.monotonic() - start
    err_text = err.decode("utf-8", "replace")
    rss = 0.0
    if "@@MAXRSS_KB" in err_text:
        err_text, _, tail = err_text.rpartition("@@MAXRSS_KB")
        rss = int(tail.split()[0]) / 1024
        err_text = err_text.rstrip("\n") + ("\n" if err_text.strip() else "")
    return Run(proc.returncode, out.decode("utf-8", "replace"), err_text, seconds, rss)


def assert_clean_failure(run: Run, path, status: int, words: str, tmp_dir: Path | None = None) -> None:
    """One line `lspkit: PATH: problem`, the documented status, no traceback, nothing written."""
    assert run.status == status, (run.status, run.stderr)
    assert "Traceback" not in run.stderr, run.stderr
    errors = [ln for ln in run.messages if not ln.startswith("lspkit: warning:")]
    assert len(errors) == 1, run.stderr
    assert errors[0].startswith(f"lspkit: {path}: "), run.stderr
    assert words.lower() in errors[0].lower(), run.stderr
    assert run.stdout == ""
    if tmp_dir is not None:
        assert sorted(p.name for p in tmp_dir.iterdir()) == [], "partial output left behind"


def paragraphs(path: Path) -> dict[str, str]:
    data = json.loads(path.read_text(encoding="utf-8"))
    return {p["number"]: p["text"] for p in data["paragraphs"]}
