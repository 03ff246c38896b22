#!/usr/bin/env python3
"""Run lspkit from a checkout without installing it: `python cli.py --help`."""
from lspkit.cli import main

if __name__ == "__main__":
    main()
