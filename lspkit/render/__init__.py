"""Renderers: take a finished result and return text; they never compute.

One module per kind of result (extract, tags, summary, diff); adding a format
is adding a function there.
"""
