"""The README opens with the two commands a newcomer runs, and CI runs exactly the second one."""
from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _opening_commands() -> list[str]:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    before_first_section = text.split("\n## ", 1)[0]
    return [block.strip() for block in re.findall(r"```sh\n(.*?)```", before_first_section, re.S)]


def test_readme_opens_with_the_main_job_and_the_tests():
    run, tests = _opening_commands()
    assert run.startswith("python3 -m pip install . && lspkit ") and " data/" in run
    # the Dask engine is tested too; -n auto: pytest-xdist (in the test extra) runs the suite on every core
    assert tests == "python3 -m pip install '.[test,dask]' && python3 -m pytest -q -n auto"


def test_ci_runs_the_readmes_test_command():
    _, tests = _opening_commands()
    script = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    commands = [ln for ln in script.splitlines() if ln.startswith("python3 -m pip install")]
    assert commands == [tests]
