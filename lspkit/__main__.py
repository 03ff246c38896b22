"""`python -m lspkit` and the `lspkit` console script: the same command.

Only the standard library is imported at module level, so that a Ctrl-C while
the command is still starting (importing click and lspkit.cli takes a few
hundred milliseconds) ends in one line and status 130 like one pressed later.
"""
import sys


def main() -> None:
    try:
        from .cli import main as cli_main
    except KeyboardInterrupt:
        import signal

        signal.signal(signal.SIGINT, signal.SIG_DFL)
        sys.stderr.write("lspkit: interrupted\n")
        sys.exit(130)
    cli_main()


if __name__ == "__main__":
    main()
