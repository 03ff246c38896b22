"""Every command, every format, every paper: no internal error.

extract (json, jsonl, markdown, text), tag (table, json, jsonl, csv) and summarise (terminal, markdown,
json, html) on every fixture and every real PDF in data/real/, and diff (terminal, json, markdown, html,
unified) on version pairs (the fixture pair, and real papers of one publisher and kind).  A run fails
on exit status 70 (an internal error) or a traceback anywhere in its output.

Runs in process (CliRunner): every command goes from its command line down to its renderer, but a
paper is read once for the whole session (`lspkit.pipeline.extract` goes to real_util.extracted, the one reading
the other modules' tests share, the Document being immutable) and tagged once for the whole module
(`lspkit.nlp.tagger.tag_document` memoised here), so the matrix costs about one summarise per paper; a version pair
is diffed once for its five formats (`lspkit.api.diff_files` memoised the same way: its reader warnings reach
the first format's run only, which is all this test reads of them).
A real paper whose PDF is absent (not committed for its licence; data/real/restore.py) skips.
"""
from __future__ import annotations

import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from lspkit.cli import cli
from real_util import extracted

DATA = Path(__file__).resolve().parent.parent / "data"
REAL = DATA / "real"
GOLD = REAL / "gold"

FIXTURES = sorted(DATA.glob("*.pdf")) + sorted(DATA.glob("*.txt"))
# every real paper with a gold file, present or not (absent ones skip), plus any other PDF dropped in data/real
REAL_NAMES = sorted({g.name[: -len(".gold.json")] + ".pdf" for g in GOLD.glob("*.gold.json")}
                    | {p.name for p in REAL.glob("*.pdf")})
PAPERS = [(p.name, p) for p in FIXTURES] + [(name, REAL / name) for name in REAL_NAMES]

COMMANDS = [("extract", f) for f in ("json", "jsonl", "markdown", "text")] + \
           [("tag", f) for f in ("table", "json", "jsonl", "csv")] + \
           [("summarise", f) for f in ("terminal", "markdown", "json", "html")]
DIFF_FORMATS = ("terminal", "json", "markdown", "html", "unified")


def _version_pairs() -> list[tuple[str, Path, Path]]:
    """The fixture pair, and consecutive real papers of one publisher and one kind (the name before its date)."""
    pairs = [("consultation-v1~v2", DATA / "consultation-v1.pdf", DATA / "consultation-v2.pdf")]
    groups: dict[tuple[str, str], list[str]] = {}
    for name in REAL_NAMES:
        m = re.match(r"^(?P<pub>.+?)_(?P<year>\d{4})_(?P<kind>[a-z]+)", name)
        if m:
            groups.setdefault((m.group("pub"), m.group("kind")), []).append(name)
    for (pub, kind), names in sorted(groups.items()):
        for a, b in zip(names, names[1:]):
            pairs.append((f"{a[:-4]}~{b[:-4]}", REAL / a, REAL / b))
    return pairs


PAIRS = _version_pairs()


@pytest.fixture(scope="module")
def shared_reading():
    """Each paper read once and tagged once, whichever command asks."""
    from lspkit import pipeline
    from lspkit.nlp import tagger

    tagged = {}
    real_tag = tagger.tag_document

    def extract(path, **options):
        return extracted(path, **options)  # the session's one reading, shared with real_util.doc's tests

    def tag(document, taxonomy=None, *args, **options):
        if args:
            return real_tag(document, taxonomy, *args, **options)
        key = (id(document), getattr(taxonomy, "fingerprint", None), repr(sorted(options.items())))
        if key not in tagged:
            tagged[key] = (document, real_tag(document, taxonomy, **options))
        return tagged[key][1]

    from lspkit import api

    diffed, real_diff = {}, api.diff_files

    def diff_files(old, new, **options):
        key = (str(old), str(new), repr(sorted((k, v) for k, v in options.items() if k != "on_warning")))
        if key not in diffed:
            diffed[key] = real_diff(old, new, **options)
        return diffed[key]

    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(pipeline, "extract", extract)
        mp.setattr(tagger, "tag_document", tag)
        mp.setattr(api, "diff_files", diff_files)
        yield


@pytest.fixture(scope="module")
def run(tmp_path_factory, shared_reading):
    cache = str(tmp_path_factory.mktemp("matrix-cache"))

    def invoke(*args: str):
        result = CliRunner().invoke(cli, list(args), env={"LSPKIT_CACHE_DIR": cache, "NO_COLOR": "1", "COLUMNS": "120"})
        crashed = result.exception is not None and not isinstance(result.exception, SystemExit)
        text = (result.stdout or "") + (result.stderr if result.stderr_bytes is not None else "")
        assert result.exit_code != 70 and not crashed and "Traceback (most recent call last)" not in text, (
            f"lspkit {' '.join(args)}: exit {result.exit_code}\n{text[-2000:]}\n{result.exception!r}"
        )
        return result

    return invoke


@pytest.mark.parametrize("name,path", PAPERS, ids=[n for n, _ in PAPERS])
def test_every_command_and_format_on_every_paper(run, name, path):
    if not path.exists():
        pytest.skip(f"{name} is not on this machine (data/real/restore.py)")
    for command, fmt in COMMANDS:
        result = run(command, str(path), "-f", fmt)
        assert result.exit_code in (0, 1, 2, 3), (command, fmt, result.exit_code)


@pytest.mark.parametrize("name,old,new", PAIRS, ids=[n for n, _, _ in PAIRS])
def test_diff_in_every_format_on_version_pairs(run, name, old, new):
    if not (old.exists() and new.exists()):
        pytest.skip(f"{name}: a paper is not on this machine (data/real/restore.py)")
    for fmt in DIFF_FORMATS:
        run("diff", str(old), str(new), "-f", fmt)


def test_the_matrix_covers_real_version_pairs():
    """The pairing finds real pairs (EDM notices, minutes of one council), not only the fixture pair."""
    assert len(PAIRS) >= 4


@pytest.mark.parametrize("flag", [("--no-cache",), ("--cache-dir", "CACHE")])
def test_cache_options_on_one_file_do_not_make_a_batch(run, tmp_path, flag):
    """`tag report.pdf --no-cache -f table` once failed: the flag made it a batch, and a batch is jsonl or csv."""
    flag = tuple(str(tmp_path) if f == "CACHE" else f for f in flag)
    result = run("tag", str(DATA / "head-of-policy-report.pdf"), *flag, "-f", "table")
    assert result.exit_code == 0, result.output
    assert "1.1" in result.stdout
