"""Restore the real papers that are not committed (their licence does not allow it) from repository snapshots.

    python data/real/restore.py                  # restore every absent PDF listed in SOURCES.tsv
    python data/real/restore.py --mirror DIR     # snapshots live under DIR (default $LSPKIT_MIRROR or /work/.mirror)
    python data/real/restore.py --check          # only say which are present, absent or restorable

Each absent file is read with `git show COMMIT:PATH` from the bare snapshot of its source repository
(DIR/OWNER+NAME/repo, as the team's fetch tool lays it out) and kept only if its SHA-256 matches the one
recorded in SOURCES.tsv. Tests on a paper whose PDF is absent skip with the reason.
"""
from __future__ import annotations

import argparse
import csv
import hashlib
import os
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent


def sources() -> list[dict]:
    with open(HERE / "SOURCES.tsv", newline="", encoding="utf-8") as f:
        return list(csv.DictReader(f, delimiter="\t"))


def git_dir(mirror: Path, repo: str) -> Path | None:
    base = mirror / repo.replace("/", "+")
    for cand in (base / "repo", base / "repo" / ".git", base, base / ".git"):
        if (cand / "HEAD").exists():
            return cand
    return None


def restore(row: dict, mirror: Path) -> str:
    target = HERE / row["file"]
    if target.exists():
        return "present"
    gd = git_dir(mirror, row["source_repo"])
    if gd is None:
        return f"absent: no snapshot of {row['source_repo']} under {mirror}"
    for rev in (row["commit"], "HEAD"):
        out = subprocess.run(["git", "--git-dir", str(gd), "show", f"{rev}:{row['path_in_repo']}"], capture_output=True)
        if out.returncode == 0 and (not row.get("sha256") or hashlib.sha256(out.stdout).hexdigest() == row["sha256"]):
            tmp = target.with_suffix(".part")
            tmp.write_bytes(out.stdout)
            os.replace(tmp, target)
            return "restored"
    return f"absent: {row['path_in_repo']} at {row['commit'][:10]} not in the snapshot (or its checksum differs)"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--mirror", default=os.environ.get("LSPKIT_MIRROR", "/work/.mirror"))
    ap.add_argument("--check", action="store_true")
    args = ap.parse_args()
    mirror = Path(args.mirror)
    counts: dict[str, int] = {}
    for row in sources():
        if row.get("committed") == "yes":
            continue
        status = ("present" if (HERE / row["file"]).exists() else "absent") if args.check else restore(row, mirror)
        counts[status.split(":")[0]] = counts.get(status.split(":")[0], 0) + 1
        if status != "present":
            print(f"{row['file']}: {status}", file=sys.stderr)
    print(", ".join(f"{v} {k}" for k, v in sorted(counts.items())) or "nothing to restore")
    return 0


if __name__ == "__main__":
    sys.exit(main())
