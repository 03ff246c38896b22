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
from .infra.errors import EXIT_USAGE, LspkitError

EXIT_INTERNAL = 70  # an lspkit bug: please report it with --verbose output


COLOR_CHOICES = ("auto", "always", "never")
PIPE_WIDTH = 80  # columns of rich output in a pipe or a file, unless $COLUMNS says otherwise


class Context:
    """Options every command shares (given before the command or after it): -v, -q, --color."""

    def __init__(self, verbose: bool = False, quiet: bool = False, color: str = "auto"):
        self.verbose = verbose
        self.quiet = quiet
        self.color = color

    def warn(self, message: str) -> None:
        """A warning: once, on stderr, unless --quiet (JSON output keeps its own "warnings")."""
        if not self.quiet:
            click.echo(f"lspkit: warning: {message}", err=True)

    def use_color(self, is_terminal: bool) -> bool:
        """--color always|never wins; then NO_COLOR (set and not empty: no colour), then FORCE_COLOR, then the
        terminal, unless it says it cannot draw colour (TERM=dumb)."""
        if self.color != "auto":
            return self.color == "always"
        if os.environ.get("NO_COLOR"):
            return False
        if os.environ.get("FORCE_COLOR"):
            return True
        return is_terminal and os.environ.get("TERM", "").lower() != "dumb"

    def terminal(self, output: Optional[str]) -> tuple[bool, int]:
        """(colour?, width) for rich output, the same for every command.

        On a terminal: its width ($COLUMNS first, as shutil reads it).  In a pipe
        or a file: $COLUMNS if set, else 80.  The characters drawn are the same
        either way; only colour depends on the terminal (and --color, NO_COLOR, FORCE_COLOR).
        """
        import shutil

        to_terminal = output in (None, "-") and sys.stdout.isatty()
        if to_terminal:
            width = shutil.get_terminal_size((PIPE_WIDTH, 24)).columns
        else:
            columns = os.environ.get("COLUMNS", "")
            width = int(columns) if columns.isdigit() and int(columns) > 0 else PIPE_WIDTH
        return self.use_color(to_terminal), width

    def pages_progress(self):
        """A reporter for `lspkit.infra.progress`: a bar of pages read on a terminal (stderr), else None."""
        if self.quiet or not sys.stderr.isatty():
            return None
        from .render.progress import PagesBar

        return PagesBar(color=self.use_color(True))


class LspkitGroup(click.Group):
    """Turns library errors into `lspkit: FILE: PROBLEM` and an exit status."""

    def make_context(self, *args, **kwargs) -> click.Context:
        try:
            return super().make_context(*args, **kwargs)
        except KeyboardInterrupt:  # click would say "Aborted!" and exit 1
            _interrupted()
            click.echo("lspkit: interrupted", err=True)
            raise click.exceptions.Exit(130) from None

    def invoke(self, ctx: click.Context):
        try:
            return super().invoke(ctx)
        except LspkitError as exc:
            _fail(ctx, str(exc), exc.exit_code)
        except (click.exceptions.Exit, click.exceptions.Abort, click.ClickException):
            raise
        except KeyboardInterrupt:
            _interrupted()
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
            if _from_interrupt(exc):
                _interrupted()
                click.echo("lspkit: interrupted", err=True)
                ctx.exit(130)
            _fail(ctx, f"internal error: {type(exc).__name__}: {exc} (run with --verbose and report it)", EXIT_INTERNAL)


def _from_interrupt(exc: BaseException) -> bool:
    """Did Ctrl-C cause this?  A KeyboardInterrupt raised while Python builds a class (a dataclass's fields, during
    an import) comes out wrapped: "RuntimeError: Error calling __set_name__ on 'Field' instance ...", its cause the
    interrupt."""
    seen = 0
    while exc is not None and seen < 20:
        if isinstance(exc, KeyboardInterrupt):
            return True
        exc, seen = exc.__cause__ or exc.__context__, seen + 1
    return False


def _interrupted() -> None:
    """After the first Ctrl-C: a second one ends the process at once (status 130 from the shell), no traceback."""
    import signal

    signal.signal(signal.SIGINT, signal.SIG_DFL)


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


def reader_option(f):
    """--reader: the PDF engine (lspkit.read.READERS; named here so `--help` imports nothing to list them)."""
    return click.option(
        "--reader", type=click.Choice(["pdfium", "pdfplumber"]), default="pdfium", show_default=True,
        help="PDF engine: pdfium (pypdfium2's character stream, fast) or pdfplumber (pdfminer's exact fonts and sizes, slower).",
    )(f)


def tracked_option(f):
    """--tracked: how a PDF "with tracked changes" is read (lspkit.read.pdf.TRACKED_MODES)."""
    return click.option(
        "--tracked", type=click.Choice(["final", "original"]), default="final", show_default=True,
        help="A PDF with tracked changes shown: read the text after them (final) or before them (original). "
             "Each paragraph lists its changes either way.",
    )(f)


def ocr_option(f):
    """--ocr / --no-ocr: whether scanned pages are read by OCR (lspkit.read.ocr.MODES)."""
    f = click.option("--no-ocr", "ocr", flag_value="off", help="The same as --ocr off.")(f)
    return click.option(
        "--ocr", "ocr", type=click.Choice(["auto", "force", "off"]), default="auto", show_default=True,
        help="Scanned pages (an image, no text layer) read by OCR with Tesseract, if installed (auto); also scanned "
             "pages that carry a text layer, set aside (force); none (off).",
    )(f)


def pdf_options(f):
    """--pages, --password, --max-pages, --reader and --ocr: how much of a PDF to read, and how."""
    f = ocr_option(f)
    f = reader_option(f)
    f = click.option("--password", default=None, help="Password for an encrypted PDF.")(f)
    f = click.option("--max-pages", type=click.IntRange(min=1), default=None, help="Refuse PDFs longer than N pages.")(f)
    f = click.option("--pages", "pages_spec", default=None, metavar="SPEC", help="Only these pages, e.g. 1-3,7.")(f)
    return f


def parse_pages(pages_spec: Optional[str]):
    if pages_spec is None:
        return None
    from .infra.pagespec import parse_page_spec

    try:
        return parse_page_spec(pages_spec)
    except ValueError as exc:
        raise click.BadParameter(str(exc), param_hint="--pages") from None


def input_argument(name: str = "file"):
    return click.argument(name, type=click.Path(dir_okay=True, allow_dash=True), metavar=name.upper())


# ---------------------------------------------------------------- options of every command

VERBOSE_HELP = "Show tracebacks and extra detail on errors."
QUIET_HELP = "No warnings or progress; errors only."
COLOR_HELP = "Colour: auto (on a terminal, unless NO_COLOR is set; FORCE_COLOR forces it), always or never."


def _set_shared(ctx: click.Context, param: click.Parameter, value) -> None:
    """-v, -q and --color after the command name: the same as before it."""
    if value is None or value is False:  # not given here: what was given before the command stands
        return
    obj = ctx.find_object(Context) or ctx.ensure_object(Context)
    setattr(obj, param.name, value)


def _add_shared_options(group: click.Group) -> None:
    """Give every command -v/--verbose, -q/--quiet and --color, as the group has them."""
    for command in group.commands.values():
        command.params.extend([
            click.Option(["-v", "--verbose"], is_flag=True, expose_value=False, callback=_set_shared, help=VERBOSE_HELP),
            click.Option(["-q", "--quiet"], is_flag=True, expose_value=False, callback=_set_shared, help=QUIET_HELP),
            click.Option(["--color"], type=click.Choice(COLOR_CHOICES), default=None, expose_value=False,
                         callback=_set_shared, help=COLOR_HELP),
        ])


# ---------------------------------------------------------------- the group


@click.group(cls=LspkitGroup, context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
@click.version_option(__version__, "-V", "--version", prog_name="lspkit")
@click.option("-v", "--verbose", is_flag=True, help=VERBOSE_HELP)
@click.option("-q", "--quiet", is_flag=True, help=QUIET_HELP)
@click.option("--color", type=click.Choice(COLOR_CHOICES), default="auto", show_default=True, help=COLOR_HELP)
@click.pass_context
def cli(ctx: click.Context, verbose: bool, quiet: bool, color: str) -> None:
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
    ctx.obj = Context(verbose=verbose, quiet=quiet, color=color)


# ---------------------------------------------------------------- extract


@cli.command()
@input_argument()
@format_option(["json", "jsonl", "markdown", "text"], "json")
@output_option
@pdf_options
@tracked_option
@click.option(
    "--timeout", type=click.FloatRange(min=0, min_open=True), default=None, metavar="SECONDS",
    help="Give up (exit 8) if reading takes longer than SECONDS.",
)
@click.option(
    "--max-memory", type=click.FloatRange(min=0, min_open=True), default=None, metavar="MB",
    help="Give up (exit 8) if reading needs more than MB of memory.",
)
@click.pass_obj
def extract(
    obj: Context, file: str, fmt: str, output: Optional[str], pages_spec, password, max_pages, reader, ocr, tracked,
    timeout, max_memory,
) -> None:
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
      lspkit extract upload.pdf --timeout 30 --max-memory 500   an untrusted file
      lspkit extract constitution.pdf --tracked original      the text before its tracked changes
      lspkit extract scanned.pdf --no-ocr                      its scanned pages left unread
    """
    from .api import extract as extract_document
    from .infra.outputs import write_text_atomic
    from .render import extract as render

    options = dict(pages=parse_pages(pages_spec), password=password, max_pages=max_pages, reader=reader)
    if tracked != "final":
        options["tracked"] = tracked
    if ocr != "auto":
        options["ocr"] = ocr
    if (timeout or max_memory) and file != "-":
        from .infra.limits import run_limited

        document = run_limited(extract_document, file, timeout=timeout, max_memory=max_memory, path=file, **options)
    else:
        from .infra.progress import reporting

        with reporting(obj.pages_progress()):
            document = extract_document(file, **options)
    for warning in document.warnings:
        obj.warn(f"{file}: {warning}")
    write_text_atomic(output, render.render(document, fmt))


# ---------------------------------------------------------------- diff

DIFF_OPS = ["unchanged", "renumbered", "modified", "moved", "added", "deleted", "split", "merged", "punctuation"]


def _parse_only(ctx, param, value: Optional[str]):
    if not value:
        return None
    ops = [v.strip().lower() for v in value.split(",") if v.strip()]
    bad = [v for v in ops if v not in DIFF_OPS]
    if bad:
        raise click.BadParameter(f"unknown operation {', '.join(bad)} (choose from {', '.join(DIFF_OPS)})")
    return ops


@cli.command()
@click.argument("old", type=click.Path(dir_okay=True, allow_dash=True), metavar="OLD", required=False)
@click.argument("new", type=click.Path(dir_okay=True, allow_dash=True), metavar="NEW", required=False)
@click.option("--tracked", "tracked", type=click.Path(dir_okay=False), default=None, metavar="FILE",
              help="Diff one tracked-changes PDF: its original text (struck-through kept) against its final text.")
@format_option(["terminal", "json", "markdown", "html", "unified"], "terminal")
@output_option
@click.option("-i", "--ignore-case", is_flag=True, help="Changes of letter case do not count.")
@click.option("--ignore-punctuation", is_flag=True, help="Changes of punctuation do not count.")
@click.option(
    "--threshold",
    type=click.FloatRange(0.0, 1.0, min_open=True),
    default=0.5,
    show_default=True,
    help="Word-level similarity two paragraphs need to count as one (modified) rather than deleted + added.",
)
@click.option("--only", callback=_parse_only, metavar="OPS", help="Show only these operations, e.g. modified,added.")
@click.option("-C", "--context", type=click.IntRange(min=0), default=0, show_default=True, help="Unchanged paragraphs shown around each change.")
@click.option(
    "--blocks/--no-blocks",
    default=None,
    help="Also compare unnumbered text, named ¶1, ¶2 ... (default: only when a version has no numbered paragraphs).",
)
@themes_option
@click.option("--no-themes", is_flag=True, help="Do not tag themes (faster; no theme changes reported).")
@click.option("--password", default=None, help="Password for encrypted PDFs (tried on both files).")
@reader_option
@ocr_option
@click.pass_obj
def diff(
    obj: Context,
    old: str,
    new: str,
    fmt: str,
    output: Optional[str],
    ignore_case: bool,
    ignore_punctuation: bool,
    threshold: float,
    only,
    context: int,
    blocks: Optional[bool],
    themes_path: Optional[str],
    no_themes: bool,
    password: Optional[str],
    reader: str,
    ocr: str = "auto",
    tracked: Optional[str] = None,
) -> None:
    """What changed between two versions of a paper, paragraph by paragraph.

    Paragraphs are matched by their words, not their numbers, so a paragraph
    inserted near the top does not make everything below it look changed.
    Each paragraph ends in one operation: unchanged, renumbered, modified,
    moved (to another section), added, deleted, split or merged; changed
    paragraphs get a word-level redline.  OLD and NEW may be PDFs or text
    files, in any mix.

    The recommendations (item by item, with their verbs), the cover fields
    and the tables are compared too, and lead the output when they changed.
    A change of punctuation or spacing only is "punctuation"
    (--ignore-punctuation hides it).  `--tracked FILE` reads one PDF printed
    with tracked changes as the diff of its original and final text; a
    tracked-changes input to a two-file diff is compared as its final text.

    Exit status as diff(1): 0 same paragraph for paragraph, 1 different,
    2 trouble.

    \b
    Examples:
      lspkit diff cabinet.pdf council.pdf
      lspkit diff --tracked appendix-tracked.pdf
      lspkit diff draft.pdf final.pdf --only modified,added --context 1
      lspkit diff v1.pdf v2.pdf --format html -o changes.html
      lspkit diff v1.pdf v2.txt --format json | jq '.summary.ops'
    """
    if tracked and (old or new):
        raise click.UsageError("give either --tracked FILE or OLD and NEW, not both")
    if not tracked and not (old and new):
        raise click.UsageError("give OLD and NEW (or --tracked FILE)")
    if old == "-" and new == "-":
        raise click.UsageError("only one of OLD and NEW can be standard input ('-')")
    try:
        from .api import diff_files
        from .infra.outputs import write_text_atomic
        from .render import diff as render

        result = diff_files(
            tracked or old,
            None if tracked else new,
            tracked=bool(tracked),
            password=password,
            reader=reader,
            ocr=ocr,
            themes=not no_themes,
            taxonomy_path=themes_path,
            on_warning=obj.warn,
            threshold=threshold,
            ignore_case=ignore_case,
            ignore_punctuation=ignore_punctuation,
            blocks=blocks,
        )
        color, width = obj.terminal(output)
        color = color and fmt == "terminal"
        write_text_atomic(output, render.render(result, fmt, only=only, context=context, color=color, width=width))
    except (click.exceptions.Exit, click.exceptions.Abort, click.ClickException, BrokenPipeError):
        raise
    except (LspkitError, MemoryError, Exception) as exc:
        if _from_interrupt(exc):
            raise KeyboardInterrupt from None  # the group's handler: one line, status 130
        # diff(1)'s contract: every kind of trouble is status 2, never 3-8 or 70.
        if obj.verbose:
            traceback.print_exc(file=sys.stderr)
        if isinstance(exc, LspkitError):
            message = str(exc)
        elif isinstance(exc, MemoryError):
            message = "out of memory"
        else:
            message = f"internal error: {type(exc).__name__}: {exc} (run with --verbose and report it)"
        click.echo(f"lspkit: {message}", err=True)
        click.get_current_context().exit(2)
    click.get_current_context().exit(0 if result.identical else 1)


# ---------------------------------------------------------------- summarise


@cli.command()
@input_argument()
@format_option(["terminal", "markdown", "json", "html"], "terminal")
@output_option
@click.option(
    "--against",
    type=click.Path(dir_okay=False, allow_dash=False),
    default=None,
    metavar="PAPER",
    help="The source paper FILE summarises: link each paragraph to the paper's and list what was left out.",
)
@click.option("--theme", "theme", default=None, metavar="NAME", help="Show only this theme (name or label).")
@click.option("--full", is_flag=True, help="Whole paragraphs instead of one-sentence gists.")
@themes_option
@pdf_options
@click.option("--no-cache", is_flag=True, help="Neither read nor write the result cache.")
@click.option(
    "--cache-dir",
    type=click.Path(file_okay=False),
    default=None,
    help="Cache directory (default: $LSPKIT_CACHE_DIR or ~/.cache/lspkit).",
)
@click.pass_obj
def summarise(
    obj: Context,
    file: str,
    fmt: str,
    output: Optional[str],
    against: Optional[str],
    theme: Optional[str],
    full: bool,
    themes_path: Optional[str],
    pages_spec,
    password,
    max_pages,
    reader: str,
    ocr: str,
    no_cache: bool,
    cache_dir: Optional[str],
) -> None:
    """The officer's summary of FILE: themes with a gist per paragraph, cross-references, glossary.

    Shows the title block and metadata, the recommendations, paragraphs per
    theme (each with its number, page and a gist: the sentence carrying most
    of the theme, in the paper's own words), every cross-reference resolved
    (or flagged as pointing outside the paper), a glossary of acronyms and the
    consultation questions with the paragraphs that discuss them.

    A repeat run on the same file is served from a cache (keyed by the file's
    content, the taxonomy and the lspkit version) without re-reading the PDF.

    \b
    Examples:
      lspkit summarise report.pdf
      lspkit summarise report.pdf --theme governance --full
      lspkit summarise report.pdf --against consultation.pdf --format html -o summary.html
      lspkit summarise report.pdf --format json | jq '.xrefs[] | select(.resolved | not)'
    """
    from .api import SummaryJob
    from .infra.cache import Cache, make_key
    from .infra.outputs import write_text_atomic

    cache = Cache(cache_dir, enabled=not no_cache)
    pages = parse_pages(pages_spec)
    color, width = obj.terminal(output)
    options = {"width": width, "color": color} if fmt == "terminal" else {}

    # The same report with the same flags: the rendered output itself is cached (no rich, no parsing).
    job = SummaryJob(
        file, against=against, taxonomy_path=themes_path, pages=pages, password=password, max_pages=max_pages,
        reader=reader, ocr=ocr, cache=cache,
    )
    render_key = job.key and make_key("render", 2, job.key, file, against, fmt, theme, full, options)
    rendered = cache.get("render", render_key) if render_key else None
    if isinstance(rendered, dict) and isinstance(rendered.get("text"), str):
        for warning in rendered.get("warnings", ()):
            obj.warn(f"{file}: {warning}")
        write_text_atomic(output, rendered["text"])
        return

    from .infra.progress import reporting

    with reporting(obj.pages_progress()):
        summary, _hit = job.run()
    if theme is not None and summary.theme(theme) is None:
        names = ", ".join(t.name for t in summary.themes)
        raise click.BadParameter(f"no theme {theme!r} (choose from {names})", param_hint="--theme")
    for warning in summary.warnings:
        obj.warn(f"{file}: {warning}")
    from .render import summary as render

    text = render.render(summary, fmt, theme=theme, full=full, **options)
    write_text_atomic(output, text)
    if render_key:
        cache.put("render", render_key, {"text": text, "warnings": list(summary.warnings)})


# ---------------------------------------------------------------- tag, themes, eval, train


def _terminal(output: Optional[str]) -> tuple[bool, int]:
    """(colour?, width) for rich output: `Context.terminal` of the running command."""
    obj = click.get_current_context().find_object(Context) or Context()
    return obj.terminal(output)


def min_score_option(f):
    return click.option(
        "--min-score",
        type=click.FloatRange(0.0, 1.0),
        default=None,
        metavar="X",
        help="Report a theme when its score is at least X (0-1; default from the taxonomy, 0.5).",
    )(f)


def model_option(f):
    return click.option(
        "--model",
        type=click.Path(file_okay=False, exists=False),
        default=None,
        metavar="DIR",
        help="A model saved by `lspkit train` (a local directory), or 'none' for the weighted lexicon alone "
        "(default: the model shipped with lspkit when --themes is the default taxonomy).",
    )(f)


# Batch tagging (`lspkit tag PATH...`): options, and the batch half of the `tag` command.

# --cache-dir and --no-cache apply to a batch but do not make one: `tag report.pdf --no-cache -f table` is one file
BATCH_ONLY = ("globs", "summary", "jobs", "unordered", "resume", "shard", "engine", "scheduler")


def batch_options(f):
    """Options of `tag` over many files; any of them (or several PATHs, a directory, '-') makes a batch."""
    f = click.option("--scheduler", default=None, metavar="ADDR", help="Run on this Dask scheduler (tcp://host:8786); implies --engine dask.")(f)
    f = click.option(
        "--engine", type=click.Choice(["process", "dask"]), default="process", show_default=True,
        help="process: a local process pool; dask: a Dask cluster (pip install 'lspkit[dask]').",
    )(f)
    f = click.option("--shard", default=None, metavar="K/N", help="Tag only shard K of N (by content hash; stable across machines).")(f)
    f = click.option("--no-cache", is_flag=True, help="Neither read nor write the cache.")(f)
    f = click.option(
        "--cache-dir", type=click.Path(file_okay=False), default=None,
        help="Cache of extracted and tagged papers (default: $LSPKIT_CACHE_DIR or ~/.cache/lspkit).",
    )(f)
    f = click.option("--resume", is_flag=True, help="Skip files already complete in --output (by content hash); retry failed ones.")(f)
    f = click.option(
        "--max-memory", type=click.FloatRange(min=0), default=None, metavar="MB",
        help="Address-space cap per worker process (default 4096; 0 = none).",
    )(f)
    f = click.option(
        "--timeout", type=click.FloatRange(min=0), default=None, metavar="SECONDS",
        help="Give up on a file after SECONDS (default 300; 0 = never).",
    )(f)
    f = click.option("--unordered", is_flag=True, help="Write files as they finish, not in input order.")(f)
    f = click.option("-j", "--jobs", type=click.IntRange(min=1), default=None, help="Worker processes (default: all cores).")(f)
    f = click.option("--summary", is_flag=True, help="One row per file (pages, paragraphs, paragraphs per theme, status).")(f)
    f = click.option(
        "--glob", "globs", multiple=True, metavar="PATTERN",
        help="Files to take from directories (repeatable; default *.pdf, *.txt, *.md).",
    )(f)
    return f


def _stdin_paths() -> tuple[Optional[list[str]], bytes]:
    """(paths, bytes read): paths if standard input lists existing paths (`find ... | lspkit tag -`), else None.

    Anything else (a PDF, a paper's text) is handed on as bytes for single-file tagging.
    """
    data = sys.stdin.buffer.read()
    paths = None
    if data and b"\0" not in data and not data.lstrip().startswith(b"%PDF"):
        try:
            lines = [line for line in data.decode("utf-8").splitlines() if line.strip()]
        except UnicodeDecodeError:
            lines = []
        if lines and all(os.path.exists(line) for line in lines):
            paths = lines
    return paths, data


def _is_batch(ctx: click.Context, paths: tuple[str, ...]) -> tuple[bool, Optional[list[str]], Optional[bytes]]:
    """(batch?, paths read from stdin, stdin's bytes): several PATHs, a directory, '-' listing paths, or a batch option."""
    from click.core import ParameterSource

    explicit = any(ctx.get_parameter_source(name) not in (ParameterSource.DEFAULT, None) for name in BATCH_ONLY)
    if paths == ("-",):
        listed, data = _stdin_paths()
        return listed is not None or explicit, listed, data
    return explicit or len(paths) > 1 or any(os.path.isdir(p) for p in paths), None, None


def _tag_batch(ctx: click.Context, obj: Context, paths, listed, fmt: str, output, themes_path, explain, min_score, model,
               pages_spec, password, max_pages, reader, p: dict, raw_stdin: Optional[bytes] = None, ocr: str = "auto") -> None:
    import io

    from .batch.runner import DEFAULT_MAX_MEMORY, DEFAULT_TIMEOUT, BatchSettings, tag_batch
    from .batch.worker import TagOptions

    fmt = "jsonl" if ctx.get_parameter_source("fmt").name == "DEFAULT" else fmt
    if fmt not in ("jsonl", "csv"):
        raise click.BadParameter("a batch is written as jsonl or csv", param_hint="--format")
    from .batch.discover import parse_shard

    try:
        shard = parse_shard(p["shard"])
    except ValueError as exc:
        raise click.BadParameter(str(exc), param_hint="--shard") from None
    timeout = DEFAULT_TIMEOUT if p["timeout"] is None else (p["timeout"] or None)
    max_memory = DEFAULT_MAX_MEMORY if p["max_memory"] is None else (p["max_memory"] or None)
    options = TagOptions(
        themes=themes_path, model=model, pages=parse_pages(pages_spec), password=password, max_pages=max_pages,
        min_score=min_score, explain=explain, cache_dir=p["cache_dir"], use_cache=not p["no_cache"], reader=reader,
        ocr=ocr,
    )
    settings = BatchSettings(
        fmt=fmt, summary=p["summary"], output=output, resume=p["resume"], jobs=p["jobs"], ordered=not p["unordered"],
        timeout=timeout, max_memory=max_memory, shard=shard, globs=tuple(p["globs"]),
        engine="dask" if p["scheduler"] else p["engine"], scheduler=p["scheduler"],
    )
    if listed is not None:
        stdin = io.StringIO("\n".join(listed))
    elif raw_stdin is not None:  # already read to see whether it listed paths
        stdin = io.StringIO(raw_stdin.decode("utf-8", "replace"))
    else:
        stdin = sys.stdin if "-" in paths else None

    def on_error(result) -> None:
        click.echo(f"lspkit: {result.file}: {result.message}", err=True)

    def progress(total: int):
        from .render.batch import BatchProgress

        return BatchProgress(total, enabled=sys.stderr.isatty() and not obj.quiet)

    try:
        stats = tag_batch(
            paths, options, settings, stdin=stdin, on_error=on_error, progress=progress,
            on_warning=lambda path, problem: obj.warn(f"{path}: {problem}"),
        )
    except LspkitError as exc:
        _fail(ctx, str(exc), EXIT_USAGE)  # batch set-up trouble is a usage error, like diff's
        return
    except KeyboardInterrupt:
        _interrupted()
        if output not in (None, "-"):
            click.echo(f"lspkit: interrupted; finished files are kept, rerun with --resume -o {output}", err=True)
        else:
            click.echo("lspkit: interrupted", err=True)
        ctx.exit(130)
    if not obj.quiet:
        click.echo(stats.line(), err=True)
    ctx.exit(1 if stats.failed else 0)


@cli.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(dir_okay=True, allow_dash=True), metavar="PATH...")
@format_option(["table", "json", "jsonl", "csv"], "table")
@output_option
@themes_option
@click.option("--explain", is_flag=True, help="Show the evidence: matched phrases, offsets, weights, acronyms, heading prior.")
@min_score_option
@model_option
@pdf_options
@batch_options
@click.pass_context
def tag(ctx: click.Context, paths, fmt: str, output, themes_path, explain: bool, min_score, model, pages_spec, password, max_pages, reader, ocr, **batch) -> None:
    """The themes of every numbered paragraph of each PATH, with scores and evidence.

    Each paragraph gets every theme it is substantively about (possibly
    none), each with a score in [0, 1]; --explain shows the phrases that
    fired, so you can see why and disagree.  Terms match regardless of case,
    plural or inflection, an acronym the paper defines counts as its long form,
    and the section heading is a small prior, never an override.

    One FILE is tagged on its own ('-' reads a paper from standard input).
    Several PATHs, a directory (recursive), '-' listing paths on standard
    input, or any batch option make a batch: every core, one JSONL or CSV
    record per paragraph, an error record per bad file, duplicates tagged
    once, cached, resumable.  Batch exit status: 0 all tagged, 1 some failed,
    2 set-up trouble.

    \b
    Examples:
      lspkit tag report.pdf
      lspkit tag report.pdf --explain --min-score 0.6
      lspkit tag report.pdf --format jsonl -o tags.jsonl
      lspkit tag report.pdf --themes configs/laa-blocks.yaml --format csv
      lspkit tag papers/ -o tags.jsonl              a whole archive, all cores
      find . -name '*.pdf' | lspkit tag - --format csv --summary
      lspkit tag papers/ -o tags.jsonl --resume     carry on after a kill
      lspkit tag papers/ --shard 3/8 -o part3.jsonl one of eight array jobs
    """
    obj: Context = ctx.obj
    is_batch, listed, stdin = _is_batch(ctx, paths)
    if is_batch:
        _tag_batch(ctx, obj, paths, listed, fmt, output, themes_path, explain, min_score, model, pages_spec, password, max_pages, reader, batch,
                   raw_stdin=stdin, ocr=ocr)
        return
    file = paths[0]
    from .api import tag_file
    from .infra.outputs import write_text_atomic
    from .render import tags as render
    from .nlp.taxonomy import load_taxonomy

    taxonomy = load_taxonomy(themes_path)
    limits = {"timeout": batch["timeout"] or None, "max_memory": batch["max_memory"] or None}
    if any(limits.values()) and file != "-":
        from .infra.limits import run_limited

        tagged = run_limited(
            tag_file, file, taxonomy, model=model, min_score=min_score, pages=parse_pages(pages_spec), password=password,
            max_pages=max_pages, reader=reader, path=file, **limits, **({"ocr": ocr} if ocr != "auto" else {}),
        )
    else:
        tagged = tag_file(
            file, taxonomy, model=model, min_score=min_score, pages=parse_pages(pages_spec), password=password, max_pages=max_pages,
            reader=reader, **({"stdin": stdin} if stdin is not None else {}), **({"ocr": ocr} if ocr != "auto" else {}),
        )
    for warning in tagged.warnings:
        obj.warn(f"{file}: {warning}")
    color, width = _terminal(output)
    colours = {t.name: t.colour for t in taxonomy.themes}
    write_text_atomic(output, render.render(tagged, fmt, explain=explain, color=color and fmt == "table", width=width, colours=colours))


@cli.command()
@themes_option
@format_option(["table", "json", "yaml"], "table")
@output_option
def themes(themes_path: Optional[str], fmt: str, output: Optional[str]) -> None:
    """Show a theme taxonomy: themes, descriptions, weighted terms, false friends.

    Also validates a taxonomy file: errors name the file, the line and the
    problem, and the exit status is 6.

    \b
    Examples:
      lspkit themes
      lspkit themes --themes my-themes.yaml --format yaml
    """
    from .infra.outputs import write_text_atomic
    from .render.tags import render_taxonomy
    from .nlp.taxonomy import load_taxonomy

    taxonomy = load_taxonomy(themes_path)
    color, width = _terminal(output)
    write_text_atomic(output, render_taxonomy(taxonomy, fmt, color=color and fmt == "table", width=width))


@cli.command("eval")
@click.argument("gold", type=click.Path(dir_okay=False), metavar="GOLD")
@themes_option
@model_option
@min_score_option
@format_option(["table", "json"], "table")
@output_option
@click.option(
    "--cross-validate",
    "folds",
    type=click.IntRange(min=2),
    default=None,
    metavar="K",
    help="K folds of whole documents: train and tune on K-1, test on the held-out documents; "
    "blend, model, lexicon and a keyword baseline side by side, with bootstrap intervals.",
)
@click.option("--by", "by", type=click.Choice(["publisher"]), default=None, help="With --cross-validate: also a row per publisher.")
@click.option(
    "--agreement",
    nargs=2,
    type=click.Path(dir_okay=False),
    default=None,
    metavar="A.jsonl B.jsonl",
    help="With --cross-validate: two annotators' raw labels ({id, themes}); their agreement is reported beside the tagger's.",
)
@click.option("--seed", type=int, default=0, show_default=True, help="Random seed for the folds and the bootstrap.")
@click.pass_obj
def eval_command(obj: Context, gold: str, themes_path, model, min_score, fmt: str, output, folds, by, agreement, seed: int) -> None:
    """Precision, recall and F1 per theme (micro and macro) against labelled paragraphs.

    GOLD is JSONL, one paragraph a line: {"text": ..., "themes": [...]} or
    {"file": ..., "number": ..., "themes": [...]} (file relative to GOLD),
    optionally with "id", "doc" and "publisher".  Without --cross-validate
    the default tagger (or --model) is scored on all of GOLD.

    With --cross-validate K, folds are whole documents ("doc", else "file"):
    nothing of a test document is seen in training or in choosing a
    threshold.  Reported: the blend (lexicon + trained model: what `lspkit
    train` makes), the model alone, the lexicon with thresholds from the
    training folds, and a baseline of 15 keywords per theme chosen by
    log-odds on the training paragraphs, with 95% bootstrap intervals
    (resampling documents).

    \b
    Examples:
      lspkit eval data/labels/gold.jsonl
      lspkit eval data/labels/union/gold.jsonl --cross-validate 5 --by publisher \\
          --agreement data/labels/union/annotator-a.jsonl data/labels/union/annotator-b.jsonl
      lspkit eval gold.jsonl --model trained/ --format json
    """
    from .api import load_gold
    from .nlp.evaluate import evaluate
    from .infra.outputs import write_text_atomic
    from .nlp.taxonomy import load_taxonomy

    taxonomy = load_taxonomy(themes_path)
    items = load_gold(gold, taxonomy)
    color, width = _terminal(output)
    if folds:
        from .nlp.crossval import cross_validate
        from .render.evaluation import render_cross_validation

        if model:
            raise click.BadParameter("--model and --cross-validate do not mix (cross-validation trains its own)", param_hint="--model")
        progress = None if obj.quiet or not sys.stderr.isatty() else (lambda m: click.echo(f"lspkit: {m}", err=True))
        cv = cross_validate(items, taxonomy, folds, seed=seed, agreement_files=tuple(agreement) if agreement else None,
                            by_publisher=by == "publisher", gold=gold, progress=progress)
        write_text_atomic(output, render_cross_validation(cv, fmt, color=color and fmt == "table", width=width))
        return
    if by or agreement:
        raise click.BadParameter("needs --cross-validate", param_hint="--by/--agreement")
    from .render.tags import render_eval

    reports = [evaluate(items, taxonomy, model=model, min_score=min_score)]
    write_text_atomic(output, render_eval(reports, fmt, color=color and fmt == "table", width=width))


@cli.command()
@click.argument("gold", type=click.Path(dir_okay=False), metavar="LABELS")
@click.option("--output", "-o", "output", required=True, type=click.Path(file_okay=False), metavar="DIR", help="Directory to write the trained model to.")
@themes_option
@click.option("--seed", type=int, default=0, show_default=True, help="Random seed for the inner folds (training is deterministic for a seed).")
@click.pass_obj
def train(obj: Context, gold: str, output: str, themes_path, seed: int) -> None:
    """Train the theme model on labelled paragraphs, for `lspkit tag --model DIR`.

    LABELS is JSONL like `lspkit eval`'s GOLD (text, themes, and "doc" so
    the inner folds keep documents whole).  The themes are those of --themes.
    The model (a logistic regression over stemmed words and word pairs, one
    JSON file) is combined with the taxonomy's lexicon; the lexicon's share
    and a threshold per theme are chosen by cross-validation by document
    inside LABELS.  Measure the whole procedure on held-out documents with
    `lspkit eval LABELS --cross-validate 5`.

    \b
    Examples:
      lspkit train data/labels/union/gold.jsonl -o lspkit/models/themes   (the shipped model)
      lspkit train my-labels.jsonl --themes my-themes.yaml -o my-model/
      lspkit tag report.pdf --themes my-themes.yaml --model my-model/ --explain
    """
    from .api import load_gold
    from .nlp.train import train_tagger
    from .nlp.taxonomy import load_taxonomy

    taxonomy = load_taxonomy(themes_path)
    items = load_gold(gold, taxonomy)
    model = train_tagger(items, taxonomy, seed=seed, gold=gold)
    model.save(output)
    if not obj.quiet:
        click.echo(
            f"lspkit: trained on {len(items)} paragraphs of {model.meta['documents']} documents (seed {seed}, lexicon share {model.alpha}); "
            f"saved to {output}",
            err=True,
        )


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


# ---------------------------------------------------------------- schema


@cli.command()
@click.argument("command", type=click.Choice(["extract", "tag", "summarise", "diff"]))
def schema(command: str) -> None:
    """Print the JSON Schema of COMMAND's `-f json` output.

    \b
    The contract for tools that read lspkit's JSON, e.g.:
      lspkit schema summarise > summarise.schema.json
    """
    from .schemas import schema_text

    click.echo(schema_text(command), nl=False)


_add_shared_options(cli)


def main() -> None:
    try:
        cli(prog_name="lspkit")
    except KeyboardInterrupt:  # outside a command (while parsing or starting up): still one line and 130
        _interrupted()
        click.echo("lspkit: interrupted", err=True)
        sys.exit(130)
    finally:
        _leave_to_exit()


def _leave_to_exit() -> None:
    """The command is done and its output written (outputs are written whole and closed, see
    `infra.outputs`; the standard streams are still flushed at exit): what is left is the interpreter's teardown,
    whose collector walks and frees every object the loaded modules hold in cycles (pdfium's bindings, the
    segmenter's patterns, click's commands: 0.05-0.1 s of the 400-page `extract` at load 8-15, more than its JSON).
    `gc.freeze()` leaves those objects to the end of the process instead; objects made after it are collected
    as before, and atexit handlers and weakref finalizers (temporary directories, the batch's forkserver) run."""
    import gc

    gc.freeze()


if __name__ == "__main__":
    main()
