"""Stage 2, segment: a Reading becomes a Document of numbered paragraphs.

Each module decides one thing about the lines:

- `furniture`: running headers, footers and page numbers;
- `contents`: contents pages;
- `notes`: footnotes and tables, lifted out of the text and attached to their paragraph;
- `lines`: the working lines and the document's typography (what counts as styled, a full line, a gap);
- `numbering`: labels, their sequence, and which numbers and questions start a paragraph;
- `headings`: which lines head a section, and the section each paragraph is in;
- `paragraphs`: which lines and parts belong to a paragraph, and joining lines (hyphen repair);
- `matter`: front matter (title block, cover tables, headers) and back matter (contact officer,
  background papers) as metadata;
- `driver`: `segment()`, which runs them in order.
"""
from .driver import segment
from .paragraphs import join_lines

__all__ = ["segment", "join_lines"]
