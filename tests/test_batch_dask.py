"""The Dask engine on a loopback LocalCluster gives the process pool's output record for record."""
import pytest

pytest.importorskip("dask", reason="dask is not installed (pip install 'lspkit[dask]')")
distributed = pytest.importorskip("distributed", reason="dask.distributed is not installed (pip install 'lspkit[dask]')")

from lspkit.batch import TagOptions, discover, plan, run_batch  # noqa: E402
from lspkit.batch.dask import run_dask  # noqa: E402

from test_batch_engine import fake_task  # noqa: E402


@pytest.fixture(scope="module")
def cluster():
    with distributed.LocalCluster(
        n_workers=1, threads_per_worker=2, processes=False, protocol="tcp", host="127.0.0.1", dashboard_address=None
    ) as cluster:
        yield cluster


def _files(tmp_path):
    for i in range(5):
        (tmp_path / f"p{i}.txt").write_text(f"paper {i}\nline two {i}\n", encoding="utf-8")
    (tmp_path / "copy.txt").write_text("paper 0\nline two 0\n", encoding="utf-8")
    return [str(tmp_path), str(tmp_path / "missing.pdf")]


def _dicts(pairs):
    out = []
    for task, result in pairs:
        d = result.to_dict()
        d.pop("seconds")
        out.append(d)
    return out


def test_dask_equals_process_pool(cluster, tmp_path):
    inputs = _files(tmp_path)
    pool = _dicts(run_batch(plan(discover(inputs)), TagOptions(), jobs=2, task=fake_task, initializer=None))
    on_dask = _dicts(run_dask(plan(discover(inputs)), TagOptions(), task=fake_task, scheduler=cluster.scheduler_address))
    assert on_dask == pool
    assert {d["status"] for d in pool} == {"ok", "duplicate", "error"}
    unordered = _dicts(run_dask(plan(discover(inputs)), TagOptions(), task=fake_task, scheduler=cluster.scheduler_address, ordered=False))
    assert sorted(unordered, key=lambda d: d["file"]) == sorted(pool, key=lambda d: d["file"])


def test_dask_real_tagging_equals_process_pool(cluster, tmp_path):
    """The real per-file task, shipped to the loopback cluster: the same records as the pool."""
    from pathlib import Path

    report = Path(__file__).resolve().parent.parent / "data" / "head-of-policy-report.txt"
    text = report.read_text(encoding="utf-8") if report.exists() else "1. Purpose\n\n1.1 The partnership board reviews governance.\n"
    (tmp_path / "a.txt").write_text(text, encoding="utf-8")
    (tmp_path / "b.md").write_text(text + "\n\n9.9 A last paragraph about scrutiny and accountability.\n", encoding="utf-8")
    (tmp_path / "broken.pdf").write_bytes(b"%PDF-1.4\n1 0 obj\n<<")
    options = TagOptions(use_cache=False)
    pool = _dicts(run_batch(plan(discover([str(tmp_path)])), options, jobs=2))
    on_dask = _dicts(run_dask(plan(discover([str(tmp_path)])), options, scheduler=cluster.scheduler_address))
    assert on_dask == pool
    assert [d["status"] for d in pool] == ["ok", "ok", "error"]
    assert pool[0]["records"] and pool[0]["records"][0]["file"] == str(tmp_path / "a.txt")
