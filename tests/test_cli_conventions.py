"""Command-line manners, driven as a user drives them: the installed console script and
`python -m lspkit` in a subprocess (a pty or tmux where a terminal matters)."""
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "data"
REPORT_TXT = DATA / "head-of-policy-report.txt"


def _script() -> str:
    beside = Path(sys.executable).parent / "lspkit"
    found = str(beside) if beside.exists() else shutil.which("lspkit")
    if not found:
        pytest.skip("the lspkit console script is not installed")
    return found


def _env(tmp_path: Path, **extra) -> dict:
    env = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "FORCE_COLOR", "COLUMNS", "CLICOLOR_FORCE")}
    return {**env, "PYTHONPATH": str(ROOT), "LSPKIT_CACHE_DIR": str(tmp_path / "cache"), **extra}


def _run(args, tmp_path, *, module=False, **env):
    head = [sys.executable, "-m", "lspkit"] if module else [_script()]
    return subprocess.run([*head, *args], env=_env(tmp_path, **env), capture_output=True, text=True, timeout=300)


def test_python_dash_m_is_the_same_command(tmp_path):
    version = _run(["--version"], tmp_path, module=True)
    assert version.returncode == 0 and version.stdout.strip() == "lspkit, version " + __import__("lspkit").__version__
    help_ = _run(["--help"], tmp_path, module=True)
    assert help_.returncode == 0 and "Usage: lspkit [OPTIONS] COMMAND" in help_.stdout
    by_module = _run(["extract", str(REPORT_TXT), "--format", "text"], tmp_path, module=True)
    by_script = _run(["extract", str(REPORT_TXT), "--format", "text"], tmp_path)
    assert by_module.returncode == by_script.returncode == 0
    assert by_module.stdout == by_script.stdout and by_module.stdout.strip()
    missing = tmp_path / "missing.pdf"
    bad = _run(["extract", str(missing)], tmp_path, module=True)
    assert (bad.returncode, bad.stderr) == (3, f"lspkit: {missing}: no such file\n")
