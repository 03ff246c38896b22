#!/usr/bin/env python3
"""Mutation fuzzer for the extractor: mutate fixture PDFs, extract them in bounded child processes.

    python bench/fuzz.py --seconds 600            # 10 minutes on all cores
    python bench/fuzz.py --seconds 60 --jobs 1 --seed 7

Seeds are every PDF under data/ (fixtures and data/bad/, bomb excepted), also
rewritten with uncompressed streams so mutations reach content operators,
fonts and the cross-reference table rather than only zlib's checksum, and the
.txt fixtures (fed to the text reader under a .txt name).
Mutations: bit flips, interesting bytes (delimiters, digits, NUL), numbers
made huge or negative, chunks deleted, duplicated or spliced in from another
seed, and truncation.  Each input goes to `lspkit.api.extract` in a worker
process with an address-space limit and a wall-clock timeout.

An `LspkitError` is the right answer to a broken file; anything else is a
crash, grouped by exception type and the innermost lspkit frame.  A worker
killed by the timeout is a hang, one killed by a signal a native crash.  Each
distinct finding's first input is saved under bench/out/fuzz/ with its
traceback; turn it into a regression test in tests/regressions/.
Not run in CI: speed and findings vary with the time given.
"""
from __future__ import annotations

import argparse
import hashlib
import io
import json
import os
import random
import re
import select
import signal
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "bench" / "out" / "fuzz"

WORKER = r"""
import json, os, resource, sys, traceback
limit = int(sys.argv[1]) * 1024 * 1024
resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
from lspkit.api import extract
from lspkit.infra.errors import LspkitError
for line in sys.stdin:
    path = line.strip()
    try:
        doc = extract(path)
        out = {"status": "ok", "paragraphs": len(doc.paragraphs)}
    except LspkitError as exc:
        out = {"status": "error", "kind": type(exc).__name__, "problem": exc.problem[:200]}
    except MemoryError:
        out = {"status": "memory"}
    except BaseException as exc:
        frames = traceback.extract_tb(exc.__traceback__)
        ours = [f for f in frames if "/lspkit/" in f.filename] or frames
        where = f"{os.path.basename(ours[-1].filename)}:{ours[-1].lineno}" if ours else "?"
        inner = f"{os.path.basename(frames[-1].filename)}:{frames[-1].lineno}" if frames else "?"
        out = {"status": "crash", "type": type(exc).__name__, "where": where, "inner": inner,
               "message": str(exc)[:300], "traceback": "".join(traceback.format_exception(exc))[-4000:]}
    sys.stdout.write(json.dumps(out) + "\n")
    sys.stdout.flush()
"""


# ---------------------------------------------------------------- seeds and mutations


def load_seeds() -> list[bytes]:
    """PDF seeds (also with plain streams), then text seeds, which start with no %PDF header."""
    import pikepdf

    seeds = []
    for path in sorted(ROOT.glob("data/*.pdf")) + sorted(ROOT.glob("data/bad/*.pdf")):
        if path.name in ("bomb.pdf", "image_bomb.pdf") or path.stat().st_size > 2_000_000:
            continue
        raw = path.read_bytes()
        if len(raw) < 16:
            continue
        seeds.append(raw)
        try:  # the same document with plain streams: mutations then hit operators and fonts
            with pikepdf.open(io.BytesIO(raw)) as pdf:
                buf = io.BytesIO()
                pdf.save(buf, compress_streams=False, stream_decode_level=pikepdf.StreamDecodeLevel.generalized,
                         object_stream_mode=pikepdf.ObjectStreamMode.disable)
                if buf.tell() <= 4_000_000:  # a decoded image can be huge: keep seeds small
                    seeds.append(buf.getvalue())
        except Exception:
            pass
    for path in sorted(ROOT.glob("data/src/*.txt")) + sorted(ROOT.glob("data/bad/*.txt")):
        raw = path.read_bytes()
        if len(raw) >= 16:
            seeds.append(raw)
    return seeds


def suffix_for(data: bytes) -> str:
    """Mutated PDFs keep .pdf; text seeds go in as .txt so the text reader is fuzzed too."""
    return ".pdf" if b"%PDF" in data[:1024] or not data[:1].isascii() else ".txt"


INTERESTING = [b"\x00", b"\xff", b"(", b")", b"<", b">", b"[", b"]", b"{", b"}", b"/", b"%", b"\\", b"R", b"0",
               b"9", b" ", b"\n", b"obj", b"endobj", b"stream", b"endstream", b"BT", b"ET", b"Tj", b"TJ", b"Do", b"q", b"Q"]
NUMBER = re.compile(rb"-?\d+(?:\.\d+)?")
HUGE = [b"0", b"-1", b"999999999", b"2147483648", b"-2147483649", b"1e308", b"4294967295", b"0.000001", b"99999999999999999999"]


def mutate(data: bytes, seeds: list[bytes], rng: random.Random) -> tuple[bytes, str]:
    b = bytearray(data)
    ops = []
    for _ in range(rng.choice([1, 1, 2, 3, 5])):
        op = rng.choice(["flip", "flip", "byte", "number", "number", "delete", "dup", "splice", "truncate"])
        n = len(b)
        if n < 2:
            break
        if op == "flip":
            for _ in range(rng.randint(1, 8)):
                i = rng.randrange(n)
                b[i] ^= 1 << rng.randrange(8)
        elif op == "byte":
            i = rng.randrange(n)
            tok = rng.choice(INTERESTING)
            b[i:i + rng.randint(0, len(tok))] = tok
        elif op == "number":
            matches = list(NUMBER.finditer(b))
            if matches:
                m = rng.choice(matches)
                b[m.start():m.end()] = rng.choice(HUGE)
        elif op == "delete":
            i = rng.randrange(n)
            del b[i:i + rng.choice([1, 4, 16, 256, 4096])]
        elif op == "dup":
            i = rng.randrange(n)
            chunk = b[i:i + rng.choice([1, 16, 256, 4096])]
            j = rng.randrange(n)
            b[j:j] = chunk * rng.choice([1, 2, 10])
        elif op == "splice":
            other = rng.choice(seeds)
            i = rng.randrange(len(other))
            j = rng.randrange(n)
            b[j:j] = other[i:i + rng.choice([16, 256, 4096])]
        elif op == "truncate":
            del b[rng.randrange(n):]
        ops.append(op)
    return bytes(b), "+".join(ops)


# ---------------------------------------------------------------- workers


class Worker:
    def __init__(self, max_memory: int):
        self.max_memory = max_memory
        self.proc = None
        self.start()

    def start(self):
        env = {**os.environ, "PYTHONPATH": str(ROOT)}
        self.proc = subprocess.Popen([sys.executable, "-c", WORKER, str(self.max_memory)], stdin=subprocess.PIPE,
                                     stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, env=env, start_new_session=True)
        self.since = None

    def submit(self, path: str):
        self.proc.stdin.write((path + "\n").encode())
        self.proc.stdin.flush()
        self.since = time.monotonic()

    def kill(self):
        try:
            os.killpg(self.proc.pid, signal.SIGKILL)
        except OSError:
            pass
        self.proc.wait()


def run(seconds: float, jobs: int, seed: int, timeout: float, max_memory: int) -> dict:
    rng = random.Random(seed)
    seeds = load_seeds()
    OUT.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix="lspkit-fuzz-"))
    workers = [Worker(max_memory) for _ in range(jobs)]
    pending: dict[int, tuple[str, bytes, str]] = {}
    stats: Counter = Counter()
    findings: dict[str, dict] = {}
    deadline = time.monotonic() + seconds
    started = time.monotonic()

    def record(key: str, data: bytes, info: dict):
        stats["finding"] += 1
        if key in findings:
            findings[key]["count"] += 1
            return
        digest = hashlib.sha256(key.encode() + data[:4096]).hexdigest()[:12]  # a new run never overwrites an old find
        sample = OUT / f"{digest}{suffix_for(data)}"
        sample.write_bytes(data)
        (OUT / f"{digest}.json").write_text(json.dumps({"key": key, **info}, indent=1), encoding="utf-8")
        findings[key] = {"count": 1, "sample": str(sample.relative_to(ROOT)), **{k: v for k, v in info.items() if k != "traceback"}}
        print(f"  new: {key}  ({sample.relative_to(ROOT)})", flush=True)

    try:
        for k, w in enumerate(workers):
            data, ops = mutate(rng.choice(seeds), seeds, rng)
            path = tmp / f"in{k}{suffix_for(data)}"
            path.write_bytes(data)
            pending[k] = (str(path), data, ops)
            w.submit(str(path))
        while time.monotonic() < deadline:
            fds = {w.proc.stdout.fileno(): k for k, w in enumerate(workers)}
            ready, _, _ = select.select(list(fds), [], [], 0.2)
            now = time.monotonic()
            finished = []
            for fd in ready:
                k = fds[fd]
                line = workers[k].proc.stdout.readline()
                finished.append((k, line))
            for k, w in enumerate(workers):
                if k not in [f[0] for f in finished] and w.since and now - w.since > timeout:
                    finished.append((k, None))
            for k, line in finished:
                w = workers[k]
                path, data, ops = pending[k]
                stats["executions"] += 1
                if line is None:  # timeout
                    w.kill()
                    record("hang (timeout)", data, {"ops": ops})
                    stats["hang"] += 1
                    w.start()
                elif not line:  # the worker died
                    code = w.proc.wait()
                    record(f"died ({'signal ' + str(-code) if code < 0 else 'exit ' + str(code)})", data, {"ops": ops})
                    stats["died"] += 1
                    w.start()
                else:
                    out = json.loads(line)
                    stats[out["status"]] += 1
                    if out["status"] == "crash":
                        record(f"{out['type']} at {out['where']} ({out['inner']})", data,
                               {"ops": ops, "message": out["message"], "traceback": out["traceback"]})
                    elif out["status"] == "memory":
                        record("MemoryError", data, {"ops": ops})
                new, ops = mutate(rng.choice(seeds), seeds, rng)
                path = str(tmp / f"in{k}{suffix_for(new)}")
                Path(path).write_bytes(new)
                pending[k] = (path, new, ops)
                w.submit(path)
    finally:
        for w in workers:
            w.kill()
    elapsed = time.monotonic() - started
    return {"seconds": round(elapsed, 1), "executions": stats["executions"], "per_second": round(stats["executions"] / elapsed, 1),
            "outcomes": {k: v for k, v in stats.items() if k not in ("executions", "finding")},
            "distinct_findings": len(findings), "findings": findings, "seeds": len(seeds), "seed": seed}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--seconds", type=float, default=60)
    ap.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--timeout", type=float, default=10, help="seconds per input before it counts as a hang")
    ap.add_argument("--max-memory", type=int, default=1024, help="MB of address space per worker")
    args = ap.parse_args()
    report = run(args.seconds, args.jobs, args.seed, args.timeout, args.max_memory)
    (OUT / "report.json").write_text(json.dumps(report, indent=1), encoding="utf-8")
    print(json.dumps({k: v for k, v in report.items() if k != "findings"}, indent=1))
    for key, f in sorted(report["findings"].items(), key=lambda kv: -kv[1]["count"]):
        print(f"{f['count']:6d}  {key}  {f['sample']}")


if __name__ == "__main__":
    main()
