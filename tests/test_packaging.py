"""`pip install .` (not only an editable install) ships every module: the tests import lspkit from the source tree,
so a package setuptools does not find would pass here and fail for every user."""
from pathlib import Path

from setuptools import find_packages

ROOT = Path(__file__).resolve().parent.parent


def test_every_folder_of_python_modules_is_a_package_setuptools_finds():
    found = set(find_packages(str(ROOT), include=["lspkit", "lspkit.*"]))
    with_code = {".".join(p.parent.relative_to(ROOT).parts) for p in (ROOT / "lspkit").rglob("*.py")
                 if "__pycache__" not in p.parts}
    assert with_code - found == set()
