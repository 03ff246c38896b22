"""Analyses over extracted Documents: summaries, cross-references, links to a source paper, diff alignment."""
