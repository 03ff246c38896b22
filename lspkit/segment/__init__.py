"""Stage 2, segment: a Reading becomes a Document of numbered paragraphs.

Decides what every line is: furniture (running headers, footers, page
numbers: `furniture`), a label and its level (`numbering`), a heading, a
paragraph, a part, a note, a table, front or back matter (`builder`).
"""
from .builder import join_lines, segment

__all__ = ["segment", "join_lines"]
