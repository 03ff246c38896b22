"""The `lspkit` command: parse arguments, call the library, pick a renderer.

Nothing here computes.  Heavy imports (spaCy, pdfplumber, the renderers) happen
inside the commands so `lspkit --help` stays instant.  Errors from the library
(`LspkitError`) become one line on stderr and a documented exit status;
`--verbose` adds the traceback.
"""
from __future__ import annotations

import os
import sys
import traceback
from typing import Optional

import click

from . import __version__
from .errors import EXIT_USAGE, LspkitError

EXIT_INTERNAL = 70  # an lspkit bug: please report it with --verbose output


class Context:
    """Options of the group that every command needs."""

    def __init__(self, verbose: bool = False, quiet: bool = False):
        self.verbose = verbose
        self.quiet = quiet

    def warn(self, message: str) -> None:
        if not self.quiet:
            click.echo(f"lspkit: warning: {message}", err=True)


class LspkitGroup(click.Group):
    """Turns library errors into `lspkit: FILE: PROBLEM` and an exit status."""

    def invoke(self, ctx: click.Context):
        try:
            return super().invoke(ctx)
        except LspkitError as exc:
            _fail(ctx, str(exc), exc.exit_code)
        except (click.exceptions.Exit, click.exceptions.Abort, click.ClickException):
            raise
        except KeyboardInterrupt:
            click.echo("lspkit: interrupted", err=True)
            ctx.exit(130)
        except BrokenPipeError:
            # `lspkit ... | head`: the reader went away, which is not an error.
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, sys.stdout.fileno())
            ctx.exit(0)
        except MemoryError:
            _fail(ctx, "out of memory (try --max-pages or a smaller --pages range)", 8)
        except Exception as exc:  # a bug in lspkit, not in the user's input
            _fail(ctx, f"internal error: {type(exc).__name__}: {exc} (run with --verbose and report it)", EXIT_INTERNAL)


def _fail(ctx: click.Context, message: str, status: int) -> None:
    obj = ctx.find_object(Context)
    if obj is not None and obj.verbose:
        traceback.print_exc(file=sys.stderr)
    click.echo(f"lspkit: {message}", err=True)
    ctx.exit(status)


# ---------------------------------------------------------------- shared options


def format_option(choices: list[str], default: str):
    return click.option(
        "-f",
        "--format",
        "fmt",
        type=click.Choice(choices, case_sensitive=False),
        default=default,
        show_default=True,
        help="Output format.",
    )


def output_option(f):
    return click.option(
        "-o",
        "--output",
        type=click.Path(dir_okay=False, allow_dash=True),
        default=None,
        help="Write to PATH (atomically: no half-written file on failure) instead of stdout; '-' is stdout.",
    )(f)


def themes_option(f):
    return click.option(
        "--themes",
        "themes_path",
        type=click.Path(dir_okay=False, allow_dash=False),
        default=None,
        help="Theme taxonomy YAML (default: the four LSP themes). `lspkit themes` shows it.",
    )(f)


def pdf_options(f):
    """--pages, --password and --max-pages: how much of a PDF to read."""
    f = click.option("--password", default=None, help="Password for an encrypted PDF.")(f)
    f = click.option("--max-pages", type=click.IntRange(min=1), default=None, help="Refuse PDFs longer than N pages.")(f)
    f = click.option("--pages", "pages_spec", default=None, metavar="SPEC", help="Only these pages, e.g. 1-3,7.")(f)
    return f


def parse_pages(pages_spec: Optional[str]):
    if pages_spec is None:
        return None
    from .pagespec import parse_page_spec

    try:
        return parse_page_spec(pages_spec)
    except ValueError as exc:
        raise click.BadParameter(str(exc), param_hint="--pages") from None


def input_argument(name: str = "file"):
    return click.argument(name, type=click.Path(dir_okay=True, allow_dash=True), metavar=name.upper())


# ---------------------------------------------------------------- the group


@click.group(cls=LspkitGroup, context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
@click.version_option(__version__, "-V", "--version", prog_name="lspkit")
@click.option("-v", "--verbose", is_flag=True, help="Show tracebacks and extra detail on errors.")
@click.option("-q", "--quiet", is_flag=True, help="No warnings or progress; errors only.")
@click.pass_context
def cli(ctx: click.Context, verbose: bool, quiet: bool) -> None:
    """Read council and government policy papers paragraph by paragraph.

    \b
    Examples:
      lspkit extract report.pdf                 every numbered paragraph, as JSON
      lspkit summarise report.pdf               the officer's cross-referenced summary
      lspkit summarise report.pdf --against paper.pdf
      lspkit diff old.pdf new.pdf               what changed, paragraph by paragraph
      lspkit tag papers/ --format jsonl         themes for every paragraph of every paper

    FILE may be a PDF, a text or Markdown file, or '-' for standard input.
    Exit statuses are listed in the README (0 ok, 2 usage, 3-8 input and output problems).
    """
    ctx.obj = Context(verbose=verbose, quiet=quiet)


# ---------------------------------------------------------------- extract


@cli.command()
@input_argument()
@format_option(["json", "jsonl", "markdown", "text"], "json")
@output_option
@pdf_options
@click.pass_obj
def extract(obj: Context, file: str, fmt: str, output: Optional[str], pages_spec, password, max_pages) -> None:
    """Every numbered paragraph of FILE, with its number, section, page and text.

    Running headers, footers and page numbers are dropped (they are listed
    under "dropped" in JSON), paragraphs continued over a page break are
    joined, and front and back matter (title, author, contact officer,
    background papers) become metadata.

    \b
    Examples:
      lspkit extract report.pdf -o report.json
      lspkit extract report.pdf --format markdown --pages 2-5
      cat report.txt | lspkit extract - --format text
    """
    from .api import extract as extract_document
    from .outputs import write_text_atomic
    from .render import extract as render

    document = extract_document(file, pages=parse_pages(pages_spec), password=password, max_pages=max_pages)
    for warning in document.warnings:
        obj.warn(f"{file}: {warning}")
    write_text_atomic(output, render.render(document, fmt))


# ---------------------------------------------------------------- completion


@cli.command()
@click.argument("shell", type=click.Choice(["bash", "zsh", "fish"]))
def completion(shell: str) -> None:
    """Print the shell completion script for SHELL.

    \b
    Add to your shell's start-up file, e.g. for bash:
      eval "$(lspkit completion bash)"
    """
    from click.shell_completion import get_completion_class

    comp_cls = get_completion_class(shell)
    comp = comp_cls(cli, {}, "lspkit", "_LSPKIT_COMPLETE")
    click.echo(comp.source())


def main() -> None:
    cli(prog_name="lspkit")


if __name__ == "__main__":
    main()
