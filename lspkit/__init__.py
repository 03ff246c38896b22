"""lspkit: read council and government policy papers paragraph by paragraph.

The library is the product; the `lspkit` command only parses arguments and
renders.  Public entry points live in `lspkit.api` and are re-exported here
lazily, so `import lspkit` (and `lspkit --help`) never pulls in spaCy or pdfplumber.
"""
__version__ = "0.1.0"

__all__ = ["__version__", "extract", "read_document", "tag", "summarise", "diff", "tag_batch"]


def __getattr__(name):  # PEP 562: keep the heavy stages out of import time
    if name in {"extract", "read_document", "tag", "summarise", "diff", "tag_batch"}:
        from . import api

        return getattr(api, name)
    raise AttributeError(name)
