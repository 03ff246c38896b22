"""Timeline of one `lspkit tag DIR` batch: where the fixed costs of `--jobs N` go.

    python3 bench/batch_timeline.py /tmp/papers --jobs 2            # this tree
    python3 bench/batch_timeline.py /tmp/papers --jobs 2 --tree /tmp/base   # another tree, same probes

Runs the CLI in this process with probes wrapped around the batch's pieces (nothing in lspkit is changed):
the parent's output writes (rendering and journalling, wall and CPU), each worker's start-up and each
file it starts and ends, the prefetcher's files.  Every process logs CLOCK_MONOTONIC times to one file,
so the timeline is comparable across processes.  It prints the time to the first worker and the first
record, each worker's idle time (alive but neither building its pipeline nor on a file: waiting for its
next file or for the parent), the parent's CPU and how much of it fell while a worker waited on it.
The probes cost a few microseconds a file.  A loaded machine stretches everything; read the CPU columns.
"""
from __future__ import annotations

import json
import os
import sys
import tempfile
import time

LOG = os.environ.get("LSPKIT_TIMELINE_LOG")


def _log(event: str, **kw) -> None:
    if not LOG:
        return
    kw.update(t=time.monotonic(), pid=os.getpid(), ev=event, cpu=time.process_time())
    fd = os.open(LOG, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o644)
    try:
        os.write(fd, (json.dumps(kw) + "\n").encode())
    finally:
        os.close(fd)


class _Conn:
    """A worker's end of its pipe, logging what it receives and sends."""

    def __init__(self, conn):
        self._conn = conn

    def recv(self):
        _log("wait")
        message = self._conn.recv()
        _log("got", seq=message[0] if message else None)
        return message

    def send(self, message):
        if message and message[0] == "start":
            _log("start", seq=message[1])
        else:
            _log("end", seq=message[0] if message else None)
        return self._conn.send(message)

    def __getattr__(self, name):
        return getattr(self._conn, name)


def install() -> None:
    """Wrap the batch's pieces in this process (and, through the preload list, in the forkserver)."""
    from lspkit.batch import output, pool, prefetch

    if getattr(pool, "_timeline", False):
        return
    pool._timeline = True
    worker_main = pool._worker_main

    def traced_worker(conn, task, options, max_memory, initializer, *rest):
        _log("worker")
        init = initializer

        def traced_init(opts):
            init(opts)
            _log("ready")

        return worker_main(_Conn(conn), task, options, max_memory, traced_init if init else None, *rest)

    traced_worker.__module__, traced_worker.__qualname__ = pool.__name__, "_worker_main"  # pickled by name
    pool._worker_main = traced_worker
    if "bench.batch_timeline" not in pool.PRELOAD:
        pool.PRELOAD.append("bench.batch_timeline")

    prefetch_main = prefetch._prefetch_main

    def traced_prefetch(conn, *args):
        _log("prefetcher")
        return prefetch_main(_Conn(conn), *args)

    prefetch._prefetch_main = traced_prefetch

    write = output.BatchOutput.write

    def traced_write(self, result):
        _log("write0")
        write(self, result)
        _log("write1")

    output.BatchOutput.write = traced_write


if LOG and os.environ.get("LSPKIT_TIMELINE_CHILD"):  # imported by the forkserver's preload
    install()


def analyse(path: str, t0: float, t_end: float) -> dict:
    events = [json.loads(line) for line in open(path)]
    parent = os.getpid()
    by_pid: dict[int, list] = {}
    for e in events:
        by_pid.setdefault(e["pid"], []).append(e)
    workers = {p: ev for p, ev in by_pid.items() if ev[0]["ev"] == "worker"}
    prefetchers = {p: ev for p, ev in by_pid.items() if ev[0]["ev"] == "prefetcher"}
    out: dict = {"wall": t_end - t0}
    firsts = sorted(ev[0]["t"] for ev in workers.values())
    out["first_worker_at"] = firsts[0] - t0 if firsts else None
    out["workers_at"] = [round(t - t0, 3) for t in firsts]
    readies = sorted(e["t"] for ev in workers.values() for e in ev if e["ev"] == "ready")
    out["ready_at"] = [round(t - t0, 3) for t in readies]
    writes = [e for e in by_pid.get(parent, []) if e["ev"] in ("write0", "write1")]
    out["first_record_at"] = writes[1]["t"] - t0 if len(writes) > 1 else None
    out["parent_write_cpu"] = sum(b["cpu"] - a["cpu"] for a, b in zip(writes[::2], writes[1::2]))
    out["parent_write_wall"] = sum(b["t"] - a["t"] for a, b in zip(writes[::2], writes[1::2]))
    idle = waiting = 0.0
    rows = []
    for pid, ev in sorted(workers.items(), key=lambda kv: kv[1][0]["t"]):
        ready = next((e["t"] for e in ev if e["ev"] == "ready"), ev[0]["t"])
        ready_cpu = next((e["cpu"] for e in ev if e["ev"] == "ready"), None)
        busy = 0.0
        files = 0
        start = None
        for e in ev:
            if e["ev"] == "start":
                start = e["t"]
            elif e["ev"] == "end" and start is not None and e.get("seq") is not None:
                busy += e["t"] - start
                files += 1
                start = None
        last = max(e["t"] for e in ev)
        gaps = sending = 0.0  # between sending a result and having the next file; of it, sending the result
        prev_end = wait_at = None
        for e in ev:
            if e["ev"] == "end":
                prev_end = e["t"]
            elif e["ev"] == "wait" and prev_end is not None:
                wait_at = e["t"]
            elif e["ev"] == "got" and prev_end is not None:
                gaps += e["t"] - prev_end
                sending += (wait_at or e["t"]) - prev_end
                prev_end = wait_at = None
        first_got = next((e["t"] for e in ev if e["ev"] == "got"), ready)
        waiting += max(0.0, first_got - ready)
        idle += gaps
        rows.append({"pid": pid, "start": round(ev[0]["t"] - t0, 3), "ready": round(ready - t0, 3),
                     "pipeline_s": round(ready - ev[0]["t"], 3),
                     "startup_cpu": None if ready_cpu is None else round(ready_cpu, 3), "files": files, "on_files_s": round(busy, 2),
                     "wait_first_file_s": round(max(0.0, first_got - ready), 3), "wait_next_file_s": round(gaps, 3), "of_it_sending_s": round(sending, 3),
                     "end": round(last - t0, 3), "cpu": round(ev[-1]["cpu"], 2)})
    out["workers"] = rows
    out["worker_idle_between_files_s"] = idle
    out["prefetcher"] = [{"files": sum(1 for e in ev if e["ev"] == "end"), "cpu": round(ev[-1]["cpu"], 2),
                          "start": round(ev[0]["t"] - t0, 3), "last": round(ev[-1]["t"] - t0, 3)}
                         for ev in prefetchers.values()]
    return out


def main() -> None:
    import argparse

    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("corpus")
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--tree", help="the lspkit tree to run (default: this one)")
    parser.add_argument("--json", action="store_true")
    args, rest = parser.parse_known_args()
    here = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    tree = os.path.abspath(args.tree or here)
    log = tempfile.mktemp(prefix="lspkit-timeline-", suffix=".jsonl")
    work = tempfile.mkdtemp(prefix="lspkit-timeline-")
    os.environ.update(LSPKIT_TIMELINE_LOG=log, LSPKIT_TIMELINE_CHILD="1",
                      LSPKIT_CACHE_DIR=os.environ.get("LSPKIT_CACHE_DIR", os.path.join(work, "cache")))
    os.environ.pop("PYTHONDONTWRITEBYTECODE", None)
    # The tree's lspkit first, this bench's folder after it (for the forkserver's `bench.batch_timeline`).
    os.environ["PYTHONPATH"] = os.pathsep.join([tree, here])
    sys.path[:0] = [tree, here]
    for name in [m for m in sys.modules if m == "bench" or m.startswith("bench.")]:
        del sys.modules[name]
    global LOG
    LOG = log
    t0 = time.monotonic()
    import bench.batch_timeline as me  # the module the forkserver imports: one set of wrappers

    me.LOG = log
    me.install()
    from lspkit.cli import main as cli

    sys.argv = ["lspkit", "-q", "tag", args.corpus, "--jobs", str(args.jobs), "--no-cache",
                "-o", os.path.join(work, "out.jsonl"), *rest]
    cpu0 = time.process_time()
    try:
        cli()
    except SystemExit:
        pass
    t_end = time.monotonic()
    parent_cpu = time.process_time() - cpu0
    out = me.analyse(log, t0, t_end)
    out["parent_cpu"] = parent_cpu
    os.unlink(log)
    if args.json:
        print(json.dumps(out))
        return
    print(f"wall {out['wall']:.2f} s; first worker forked at {out['first_worker_at']:.2f} s, pipelines ready at "
          f"{out['ready_at']}, first record written at {out['first_record_at']:.2f} s")
    print(f"parent CPU {parent_cpu:.2f} s, of which rendering + journalling {out['parent_write_cpu']:.2f} s "
          f"({out['parent_write_wall']:.2f} s wall)")
    for row in out["workers"]:
        print(f"  worker {row}")
    print(f"  workers idle between files: {out['worker_idle_between_files_s']:.3f} s")
    for row in out["prefetcher"]:
        print(f"  prefetcher {row}")


if __name__ == "__main__":
    main()
