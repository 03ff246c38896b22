"""Shared test settings.

Hypothesis runs derandomized by default, so a run's result (CI's or a developer's) does not depend on the
examples one run happens to draw. `LSPKIT_FUZZ_EXPLORE=1` explores afresh each run and saves what it finds;
pin what it finds as an `@example`.
"""
import os

from hypothesis import settings

settings.register_profile("fixed", derandomize=True, database=None)
settings.register_profile("explore")
settings.load_profile("explore" if os.environ.get("LSPKIT_FUZZ_EXPLORE") else "fixed")


def pytest_sessionstart(session):
    """Restore the real papers that are not committed (licence) from local repository snapshots, where the
    machine has them (data/real/restore.py; $LSPKIT_MIRROR or /work/.mirror); elsewhere their tests skip.

    Under pytest-xdist only the controller restores, before it starts its workers: a worker writing the PDFs
    while another collects would make the two collect different tests (test_matrix lists data/real/*.pdf)."""
    if os.environ.get("PYTEST_XDIST_WORKER"):
        return
    import subprocess
    import sys
    from pathlib import Path

    restore = Path(__file__).resolve().parent.parent / "data" / "real" / "restore.py"
    mirror = os.environ.get("LSPKIT_MIRROR", "/work/.mirror")
    if restore.exists() and os.path.isdir(mirror):
        subprocess.run([sys.executable, str(restore), "--mirror", mirror], capture_output=True, timeout=120)
