"""Command-line manners, driven as a user drives them: the installed console script and
`python -m lspkit` in a subprocess (a pty or tmux where a terminal matters)."""
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from script_util import console_script

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "data"
REPORT_TXT = DATA / "head-of-policy-report.txt"




def _env(tmp_path: Path, **extra) -> dict:
    env = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "FORCE_COLOR", "COLUMNS", "CLICOLOR_FORCE")}
    return {**env, "PYTHONPATH": str(ROOT), "LSPKIT_CACHE_DIR": str(tmp_path / "cache"), **extra}


def _run(args, tmp_path, *, module=False, **env):
    head = [sys.executable, "-m", "lspkit"] if module else [console_script()]
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


# ---------------------------------------------------------------- a terminal, for the cases that need one


def _on_terminal(args, tmp_path, *, stdout_tty=True, stderr_tty=False, columns=100, **env):
    """Run the console script with stdout and/or stderr on a pseudo-terminal; returns (status, stdout, stderr)."""
    import fcntl
    import pty
    import select
    import struct
    import termios

    ptys = {}
    for name, wanted in (("stdout", stdout_tty), ("stderr", stderr_tty)):
        if wanted:
            master, slave = pty.openpty()
            fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 40, columns, 0, 0))
            ptys[name] = (master, slave)
    environment = _env(tmp_path, **{"TERM": "xterm-256color", **env})
    proc = subprocess.Popen(
        [console_script(), *args], env=environment, stdin=subprocess.DEVNULL,
        stdout=ptys["stdout"][1] if "stdout" in ptys else subprocess.PIPE,
        stderr=ptys["stderr"][1] if "stderr" in ptys else subprocess.PIPE,
    )
    for _master, slave in ptys.values():
        os.close(slave)
    chunks = {name: b"" for name in ("stdout", "stderr")}
    fds = {master: name for name, (master, _slave) in ptys.items()}
    for name in ("stdout", "stderr"):
        if name not in ptys:
            fds[getattr(proc, name).fileno()] = name
    while fds:
        ready, _, _ = select.select(list(fds), [], [], 120)
        if not ready:
            proc.kill()
            pytest.fail(f"lspkit {' '.join(args)} hung")
        for fd in ready:
            try:
                data = os.read(fd, 65536)
            except OSError:  # EIO: the pty's other end has closed
                data = b""
            if data:
                chunks[fds[fd]] += data
            else:
                del fds[fd]
    status = proc.wait(timeout=60)
    for master, _slave in ptys.values():
        os.close(master)
    return status, chunks["stdout"].decode("utf-8", "replace"), chunks["stderr"].decode("utf-8", "replace")


ESC = "\x1b["


@pytest.fixture()
def gap_paper(tmp_path):
    """A real paper's shape with a numbering gap: extraction warns about it."""
    paper = tmp_path / "gap.txt"
    paper.write_text(
        "1. Purpose\n\n1.1 The partnership board reviews its governance arrangements each year.\n\n"
        "1.3 Members hold the executive to account for delivery of the community strategy.\n",
        encoding="utf-8",
    )
    return paper


GAP_WARNING = "numbering gap: 1.1 is followed by 1.3"


# ---------------------------------------------------------------- -v / -q / --color on every command


def test_every_command_takes_verbose_quiet_and_color_after_its_name(tmp_path):
    from lspkit.cli import cli

    for name in cli.commands:
        helped = _run([name, "--help"], tmp_path)
        assert helped.returncode == 0, name
        for option in ("-v, --verbose", "-q, --quiet", "--color [auto|always|never]"):
            assert option in helped.stdout, (name, option)


def test_verbose_after_the_command_shows_the_traceback(tmp_path):
    missing = str(tmp_path / "missing.pdf")
    for args in (["summarise", missing, "--verbose"], ["-v", "summarise", missing], ["summarise", "-v", missing]):
        result = _run(args, tmp_path)
        assert result.returncode == 3, args
        assert "Traceback (most recent call last)" in result.stderr, args
        assert result.stderr.splitlines()[-1] == f"lspkit: {missing}: no such file"
    plain = _run(["summarise", missing], tmp_path)
    assert plain.stderr == f"lspkit: {missing}: no such file\n"


def test_quiet_after_the_command_silences_warnings(gap_paper, tmp_path):
    loud = _run(["extract", str(gap_paper), "-f", "text"], tmp_path)
    assert loud.returncode == 0 and loud.stderr == f"lspkit: warning: {gap_paper}: {GAP_WARNING}\n"
    for args in (["extract", str(gap_paper), "-f", "text", "-q"], ["-q", "extract", str(gap_paper), "-f", "text"]):
        quiet = _run(args, tmp_path)
        assert (quiet.returncode, quiet.stderr, quiet.stdout) == (0, "", loud.stdout)


# ---------------------------------------------------------------- warnings once, on stderr


@pytest.mark.parametrize("command", ["summarise", "extract"])
def test_warnings_once_on_stderr_never_on_stdout(command, gap_paper, tmp_path):
    fmt = "terminal" if command == "summarise" else "text"
    status, out, err = _on_terminal([command, str(gap_paper), "-f", fmt], tmp_path)
    assert status == 0
    assert err.count(GAP_WARNING) == 1 and err.startswith("lspkit: warning: ")
    assert GAP_WARNING not in out and "warning:" not in out
    for fmt in ("markdown", "text") if command == "extract" else ("markdown",):
        piped = _run([command, str(gap_paper), "-f", fmt, "--no-cache"] if command == "summarise" else [command, str(gap_paper), "-f", fmt], tmp_path)
        assert "numbering gap" not in piped.stdout and piped.stderr.count(GAP_WARNING) == 1
    status, out, err = _on_terminal([command, str(gap_paper), "-f", fmt, "-q"], tmp_path)
    assert (status, err) == (0, "") and "numbering gap" not in out
    as_json = _run([command, str(gap_paper), "-f", "json", "-q"], tmp_path)
    assert as_json.stderr == "" and GAP_WARNING in __import__("json").loads(as_json.stdout)["warnings"]


# ---------------------------------------------------------------- colour


def _colour_cases(gap_paper):
    return {
        "themes": ["themes"],
        "tag": ["tag", str(gap_paper)],
        "summarise": ["summarise", str(gap_paper), "--no-cache"],
        "diff": ["diff", str(DATA / "consultation-v1.pdf"), str(DATA / "consultation-v2.pdf")],
    }


@pytest.mark.parametrize("command", ["themes", "tag", "summarise", "diff"])
def test_color_auto_always_never_and_the_environment(command, gap_paper, tmp_path):
    args = _colour_cases(gap_paper)[command]
    ok = (0, 1) if command == "diff" else (0,)

    def piped(extra=(), **env):
        result = _run([*args, *extra], tmp_path, **env)
        assert result.returncode in ok, result.stderr
        return ESC in result.stdout

    def terminal(extra=(), **env):
        status, out, _err = _on_terminal([*args, *extra], tmp_path, **env)
        assert status in ok
        return ESC in out

    assert terminal() and not piped()  # auto: colour on a terminal only
    assert piped(["--color", "always"]) and not terminal(["--color", "never"])
    assert piped(["--color", "always"], TERM="dumb")  # forced colour is drawn even where rich would find none
    if command != "themes":
        return  # the whole matrix once, on the quickest command: every command resolves colour in one place
    assert piped(["--color=always"], NO_COLOR="1")  # the flag wins over the environment
    assert not terminal(NO_COLOR="1")
    assert not terminal(TERM="dumb")  # auto: a terminal that says it cannot draw colour gets none
    assert piped(FORCE_COLOR="1") and not piped(FORCE_COLOR="1", NO_COLOR="1")
    assert not piped(["--color", "always", "--color", "never"])
    assert _run(["--color", "always", *args], tmp_path).stdout == _run([*args, "--color", "always"], tmp_path).stdout


def test_in_a_pipe_every_command_draws_the_same_characters_and_honours_columns(gap_paper, tmp_path):
    for command, args in _colour_cases(gap_paper).items():
        if command == "themes":
            continue  # a list, not a table: nothing to draw
        widths = {}
        for columns in ("60", "100"):
            out = _run(args, tmp_path, COLUMNS=columns).stdout
            assert ESC not in out, command
            if command != "diff":  # diff draws no boxes, only arrows and markers
                assert "─" in out, command  # box drawing, as on a terminal, not ASCII rules
            assert not any(line.startswith(("+-", "|")) for line in out.splitlines()), command
            widths[columns] = max(len(line) for line in out.splitlines())
            assert widths[columns] <= int(columns), command
        assert widths["60"] < widths["100"] or widths["60"] == 60, command
        status, on_terminal, _err = _on_terminal(args, tmp_path, columns=100, NO_COLOR="1")
        piped = _run(args, tmp_path, COLUMNS="100").stdout
        assert on_terminal.replace("\r\n", "\n") == piped, command  # the same text, terminal or pipe


# ---------------------------------------------------------------- a batch says what it skipped


def test_batch_file_without_numbered_paragraphs_gets_a_record_and_a_warning(gap_paper, tmp_path):
    import json

    papers = tmp_path / "papers"
    papers.mkdir()
    shutil.copy(gap_paper, papers / "gap.txt")
    (papers / "note.txt").write_text("A short note about the weather.\n\nNothing in it is numbered.\n", encoding="utf-8")
    notice = DATA / "real" / "us_federal_register_2020-17221_faa_proposed_ad.pdf"  # 15 pages, no numbered paragraph
    if notice.exists():
        shutil.copy(notice, papers / notice.name)
    out = tmp_path / "tags.jsonl"
    result = _run(["tag", str(papers), "-o", str(out), "--jobs", "1", "--no-cache"], tmp_path)
    assert result.returncode == 0, result.stderr
    rows = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    empty = {Path(r["file"]).name: r for r in rows if r.get("status") == "no-paragraphs"}
    expected = {"note.txt": 1}
    if notice.exists():
        expected[notice.name] = 15
    assert {name: r["pages"] for name, r in empty.items()} == expected
    for name, pages in expected.items():
        line = f"lspkit: warning: {papers / name}: no numbered paragraphs in {pages} page{'s' if pages > 1 else ''}"
        assert result.stderr.count(line) == 1, result.stderr
    assert [r["number"] for r in rows if "number" in r] == ["1", "1.1", "1.3"]
    last = result.stderr.splitlines()[-1]
    assert last.startswith(f"tagged {len(expected) + 1} files (3 paragraphs), {len(expected)} without numbered paragraphs, 0 failed")
    summary = _run(["tag", str(papers), "--summary", "--jobs", "1", "-q"], tmp_path)
    by_file = {Path(r["file"]).name: r for r in map(json.loads, summary.stdout.splitlines())}
    assert by_file["note.txt"]["status"] == "no-paragraphs" and by_file["note.txt"]["pages"] == 1
    assert summary.stderr == ""
    again = _run(["tag", str(papers), "-o", str(out), "--jobs", "1", "--resume"], tmp_path)  # done is done
    assert f"{len(expected) + 1} skipped (resume)" in again.stderr.splitlines()[-1]


# ---------------------------------------------------------------- progress for a long document


def _long_paper(tmp_path, pages=30) -> Path:
    """A numbered paper of `pages` pages (reportlab); the committed 28-page HMRC report when present."""
    real = DATA / "real" / "hmrc_2015_research_report_361_risk_triggers.pdf"
    if real.exists():
        return real
    pytest.importorskip("reportlab")
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    target = tmp_path / "long.pdf"
    c = canvas.Canvas(str(target), pagesize=A4)
    for page in range(1, pages + 1):
        c.setFont("Helvetica", 10)
        c.drawString(72, 760, f"{page}.1 The partnership board reviews item {page} of its governance plan.")
        c.showPage()
    c.save()
    return target


@pytest.mark.parametrize("command", ["extract", "summarise"])
def test_progress_bar_of_pages_on_a_terminal_only(command, tmp_path):
    paper = _long_paper(tmp_path)
    from lspkit.read import read_lines

    pages = len(read_lines(str(paper)).pages)
    args = [command, str(paper), "-o", str(tmp_path / "out.txt")] + (["--no-cache"] if command == "summarise" else [])
    status, _out, err = _on_terminal(args, tmp_path, stdout_tty=False, stderr_tty=True)
    assert status == 0
    drawn = re.sub(r"\x1b\[[0-9;?]*[A-Za-z]", "", err)
    assert f"reading {paper.name[:20]}" in drawn and f"{pages}/{pages} pages" in drawn, drawn[-500:]
    piped = _run(args, tmp_path)
    assert "reading " not in piped.stderr and "━" not in piped.stderr
    status, _out, err = _on_terminal([*args, "-q"], tmp_path, stdout_tty=False, stderr_tty=True)
    assert status == 0 and err == ""
    short = DATA / "consultation-v1.pdf"  # 9 pages: no bar flashes for a short paper
    status, _out, err = _on_terminal([command, str(short), "-o", str(tmp_path / "s.txt"), "-q"][:-1], tmp_path, stdout_tty=False, stderr_tty=True)
    assert status == 0 and "reading" not in err
