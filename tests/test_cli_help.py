"""Every command teaches: --help works and has an example; --version; completion."""
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from lspkit import __version__
from lspkit.cli import cli

HOP = str(Path(__file__).resolve().parents[1] / "data" / "head-of-policy-report.pdf")

COMMANDS = sorted(cli.commands)


def test_version():
    result = CliRunner().invoke(cli, ["--version"])
    assert result.exit_code == 0
    assert __version__ in result.output


@pytest.mark.parametrize("name", COMMANDS)
def test_every_command_has_help(name):
    result = CliRunner().invoke(cli, [name, "--help"])
    assert result.exit_code == 0, result.output
    assert "Usage: " in result.output
    command = cli.commands[name]
    assert command.help and len(command.help.strip()) > 20, f"{name} needs a real docstring"


def test_group_help_lists_commands():
    result = CliRunner().invoke(cli, ["--help"])
    assert result.exit_code == 0
    for name in ("extract", "completion"):
        assert name in result.output


def test_help_does_not_import_heavy_stages():
    code = (
        "import sys\n"
        "from lspkit.cli import cli\n"
        "try:\n    cli(['--help'], prog_name='lspkit')\nexcept SystemExit:\n    pass\n"
        "heavy = [m for m in ('spacy', 'pdfplumber', 'pypdfium2', 'rapidfuzz', 'pdfminer') if m in sys.modules]\n"
        "print('HEAVY', heavy)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert "HEAVY []" in out


@pytest.mark.parametrize("shell", ["bash", "zsh", "fish"])
def test_completion_script(shell):
    result = CliRunner().invoke(cli, ["completion", shell])
    assert result.exit_code == 0
    assert "_LSPKIT_COMPLETE" in result.output


def test_unknown_option_is_usage_error():
    result = CliRunner().invoke(cli, ["extract", "--no-such-option", "x"])
    assert result.exit_code == 2


def test_extract_limits_run_the_real_extractor_in_a_child(tmp_path):
    out = tmp_path / "hop.json"
    result = CliRunner().invoke(
        cli, ["extract", HOP, "--timeout", "60", "--max-memory", "2000", "-o", str(out)]
    )
    assert result.exit_code == 0, result.output
    import json

    assert [p["number"] for p in json.loads(out.read_text())["paragraphs"]][:3] == ["1.1", "1.2", "1.3"]


def test_extract_memory_limit_is_exit_8_without_output(tmp_path):
    out = tmp_path / "hop.json"
    result = CliRunner().invoke(cli, ["extract", HOP, "--max-memory", "1", "-o", str(out)])
    assert result.exit_code == 8, result.output
    assert HOP in result.output
    assert list(tmp_path.iterdir()) == []
