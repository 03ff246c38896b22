"""Cache keys follow the code: an edit or a retrained model without a version bump is a miss, not a stale hit."""
import os

from lspkit.infra import cache


def test_tree_stamp_changes_with_a_file_edit_and_ignores_bytecode(tmp_path):
    (tmp_path / "mod.py").write_text("x = 1\n")
    (tmp_path / "models").mkdir()
    (tmp_path / "models" / "m.json").write_text("{}")
    first = cache.tree_stamp(tmp_path)
    (tmp_path / "__pycache__").mkdir()
    (tmp_path / "__pycache__" / "mod.cpython-311.pyc").write_bytes(b"\0")
    assert cache.tree_stamp(tmp_path) == first
    (tmp_path / "models" / "m.json").write_text('{"w": 1}')
    assert cache.tree_stamp(tmp_path) != first


def test_tree_stamp_sees_an_edit_of_the_same_size(tmp_path):
    f = tmp_path / "mod.py"
    f.write_text("x = 1\n")
    st = os.stat(f)
    first = cache.tree_stamp(tmp_path)
    f.write_text("x = 2\n")
    os.utime(f, ns=(st.st_atime_ns, st.st_mtime_ns + 1_000_000))
    assert cache.tree_stamp(tmp_path) != first


def test_make_key_depends_on_the_package_stamp(monkeypatch):
    before = cache.make_key("extract", "abc")
    monkeypatch.setattr(cache, "package_stamp", lambda: "another build")
    assert cache.make_key("extract", "abc") != before


def test_package_stamp_covers_the_shipped_model():
    root = os.path.dirname(os.path.dirname(os.path.abspath(cache.__file__)))
    stamped = []
    for dirpath, _dirs, files in os.walk(root):
        stamped += [n for n in files if n.endswith(cache._STAMPED)]
    assert "lspkit-model.json" in stamped and "cli.py" in stamped
