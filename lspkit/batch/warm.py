"""Imported by the batch workers' forkserver (its preload list, `pool.preload_modules`), and only there.

Importing it does ahead, once, the part of each worker's start-up that does not depend on the taxonomy
(`nlp.pipeline.warm`: a stemmed spaCy blank, the shipped model), so that every worker forked from the
server starts with them, shared copy-on-write, instead of building them itself: at `--jobs 2` the two
workers made the same spaCy English pipeline side by side (about 0.2 CPU s each, a third of a worker's
start-up).  A failure here only leaves the workers to build as before.
"""
try:
    from ..nlp import pipeline as _pipeline

    _pipeline.warm()
except Exception:  # noqa: BLE001 - the forkserver must live on: each worker then builds its own
    pass
