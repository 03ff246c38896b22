"""Property tests for the segmenter and the numbering parser: any sequence of lines.

Whatever lines come in (numbers, bullets, headings, furniture, junk, any Unicode),
the segmenter must not crash, must give paragraphs in document order, and must
account for every line: its words are in a paragraph, a section heading, a
block, a note, a table, the metadata, or the list of dropped furniture.
"""
from __future__ import annotations

import re

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from lspkit.model import Line
from lspkit.segment.numbering import parse_label, sequence_warnings, successor_kind
from lspkit.model import Reading
from lspkit.segment import segment

# the pieces policy papers are made of, to reach the segmenter's interesting paths
LABELS = ["1.", "2.", "3.", "1.1", "1.2", "2.1", "2.1.1", "10.", "4)", "(a)", "(b)", "(ii)", "a)", "Q1", "Q2",
          "Question 3", "Chapter 2", "Annex A", "Appendix B", "B.1.", "•", "-", "▪", "PART 1", ""]
WORDS = ["The", "Council", "partnership", "LSP", "accountable", "consul-", "tation", "sub-", "regional",
         "Page", "of", "Contact", "officer:", "Background", "papers", "Cabinet", "12", "March", "2004",
         "RECOMMENDATION", "INTRODUCTION", "2006.", "3.5", "million", "Agenda", "item", "To:", "From:",
         "Date:", "Subject:", "ﬁnance", "e.g.", "i.e.", "(see", "para", "3.4)", "\u00ad", "–", "“quoted”"]

word = st.one_of(st.sampled_from(WORDS), st.text(min_size=1, max_size=8).filter(lambda s: s.strip() == s and s))
line_text = st.builds(
    lambda label, words: (label + " " if label else "") + " ".join(words),
    st.sampled_from(LABELS),
    st.lists(word, min_size=0, max_size=12),
).map(str.strip)


@st.composite
def readings(draw):
    kind = draw(st.sampled_from(["pdf", "text"]))
    n_pages = draw(st.integers(1, 3))
    lines: list[Line] = []
    for page in range(1, n_pages + 1):
        top = 40.0
        for _ in range(draw(st.integers(0, 14))):
            text = draw(line_text)
            size = draw(st.sampled_from([8.0, 10.0, 11.0, 11.0, 11.0, 14.0]))
            top += draw(st.sampled_from([12.0, 14.0, 14.0, 24.0, 40.0]))
            if top > 800:
                break
            x0 = draw(st.sampled_from([54.0, 72.0, 72.0, 90.0, 108.0]))
            bold = draw(st.booleans())
            if kind == "text":
                x0 = x0 // 18 - 3
                size = 0.0
            lines.append(Line(text=text, page=page, x0=x0, x1=x0 + 6 * len(text), top=top, bottom=top + (size or 10),
                              size=size, bold=bold, page_height=842.0, page_width=595.0))
    return Reading(
        path="fuzz.pdf" if kind == "pdf" else "fuzz.txt",
        sha256="0" * 64,
        page_count=n_pages,
        lines=lines,
        kind=kind,
        page_sizes={p: (595.0, 842.0) for p in range(1, n_pages + 1)} if kind == "pdf" else {},
        pages=tuple(range(1, n_pages + 1)),
    )


def _squash(text: str) -> str:
    """Letters and digits only, case-folded, accents off: joins, hyphens and spacing do not matter, nor a spacing
    accent the segmenter puts back on its letter ("K\u00b8a" is "\u0136a", segment/lines.py repair_accents)."""
    import unicodedata

    return "".join(c for c in unicodedata.normalize("NFKD", text.casefold()) if c.isalnum())


def _everything(doc) -> str:
    parts: list[str] = []
    for p in doc.paragraphs:
        parts += [p.number, p.text, p.heading or "", *p.parts]
        parts += [n.text for n in p.notes] + [n.label for n in p.notes]
        parts += [c for t in p.tables for row in t.rows for c in row]
    parts += [(s.number or "") + " " + s.heading for s in doc.sections]
    parts += [b.text for b in doc.blocks] + [n.text for n in doc.notes] + [n.label for n in doc.notes]
    parts += [d.text for d in doc.dropped]

    def flat(v):
        if isinstance(v, dict):
            for k, x in v.items():
                yield str(k)
                yield from flat(x)
        elif isinstance(v, (list, tuple)):
            for x in v:
                yield from flat(x)
        elif v is not None:
            yield str(v)

    parts += list(flat(doc.metadata.to_dict()))
    return "\n".join(parts)


def _accounted(line: str, blob: str) -> bool:
    """A line is accounted for when its words (less its label, or a 'Key:' of front/back matter) are in the output."""
    candidates = [line]
    label = parse_label(line)
    if label is not None:
        candidates.append(label.rest)
    if ":" in line:
        candidates.append(line.split(":", 1)[1])
    for c in candidates:
        s = _squash(c)
        if not s or s in blob:
            return True
    # a front-matter date is normalised (12 March 2004 -> 2004-03-12): its words need not survive verbatim
    return False


SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@SETTINGS
@given(readings())
def test_segment_never_crashes_and_keeps_document_order(reading):
    doc = segment(reading)
    pages = [p.page for p in doc.paragraphs]
    assert pages == sorted(pages), pages
    for p in doc.paragraphs:
        assert p.number and p.label, p
        assert (p.page_end or p.page) >= p.page
    assert len({p.number for p in doc.paragraphs}) == len(doc.paragraphs), "paragraph ids are unique"
    if reading.kind == "pdf":
        # one column: within a page, a later paragraph starts lower down
        by_page: dict[int, list[float]] = {}
        for p in doc.paragraphs:
            if p.bbox:
                by_page.setdefault(p.page, []).append(p.bbox[1])
        for tops in by_page.values():
            assert tops == sorted(tops), tops
    # numbers come out in the order their lines came in: each paragraph's numbered line follows the last one's
    last = -1
    for p in doc.paragraphs:
        later = [i for i in range(last + 1, len(reading.lines))
                 if reading.lines[i].page == p.page and _numbered(reading.lines[i].text, p.label)]
        assert later, (p.number, [q.number for q in doc.paragraphs])
        last = later[0]
    doc.to_dict()  # and it serialises


def _numbered(text: str, number: str) -> bool:
    lab = parse_label(text)
    printed = [number]
    if re.match(r"^[A-Z]\.\d", number):
        printed.append(number.split(".", 1)[1])  # "A.1.1": an appendix's restarted 1.1, qualified by its letter
    return any(lab is not None and lab.number == n or _squash(text).startswith(_squash(n)) for n in printed)


_DATEISH = re.compile(r"\b(\d{1,2})\s+(january|february|march|april|may|june|july|august|september|october|november|december)\s+(\d{4})\b", re.I)


@SETTINGS
@given(readings())
def test_every_line_is_accounted_for(reading):
    doc = segment(reading)
    blob = _squash(_everything(doc))
    lost = [ln.text for ln in reading.lines if ln.text and not _accounted(ln.text, blob) and not _DATEISH.search(ln.text)]
    assert not lost, lost


@example("1.")
@example("1.1.1.1.1.1.1")
@example("999999999999999999999. x")
@example("Question 0")
@example("(mmmmmmmmmmmmmmmmmmmmmm) x")
@settings(max_examples=300, deadline=None)
@given(st.text(max_size=40))
def test_parse_label_total(text):
    label = parse_label(text)
    if label is not None:
        assert label.kind in ("number", "question", "chapter", "annex", "part", "bullet")
        assert isinstance(label.rest, str)
        if label.kind == "number":
            assert label.levels and all(isinstance(v, int) and v >= 0 for v in label.levels)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.lists(st.integers(0, 30), min_size=1, max_size=4).map(tuple), max_size=30))
def test_sequence_functions_total(seq):
    numbers = [".".join(map(str, s)) for s in seq]
    sequence_warnings(numbers)
    prev = None
    for cand in seq:
        kind = successor_kind(prev, cand)
        assert kind in (None, "next", "down", "up", "gap", "duplicate"), kind
        if kind == "duplicate":
            assert cand == prev
        prev = cand


text_doc = st.lists(
    st.one_of(line_text, st.just(""), st.just("\f"), st.text(max_size=30)), max_size=40
).map("\n".join)


@SETTINGS
@given(text_doc)
def test_any_text_file_segments_and_keeps_its_words(text):
    """The plain-text path end to end: read_text (Markdown marks, form feeds, tabs) then segment."""
    from lspkit.read.text import read_text

    reading = read_text("fuzz.txt", text)
    doc = segment(reading)
    blob = _squash(_everything(doc))
    lost = [ln.text for ln in reading.lines if ln.text and not _accounted(ln.text, blob) and not _DATEISH.search(ln.text)]
    assert not lost, lost
    doc.to_dict()



def _column(*texts_by_page: tuple[str, ...]) -> Reading:
    """A made reading: each page's lines at the left margin, 12 pt apart, in 8 pt type."""
    from lspkit.model import ReadingKind

    lines = [Line(text=t, page=page, x0=54.0, x1=54.0 + 6.0 * len(t), top=52.0 + 12 * k, bottom=60.0 + 12 * k,
                  size=8.0, bold=False, page_height=842.0, page_width=595.0)
             for page, texts in enumerate(texts_by_page, 1) for k, t in enumerate(texts)]
    pages = tuple(range(1, len(texts_by_page) + 1))
    return Reading(path="fuzz.pdf", sha256="0" * 64, page_count=len(pages), lines=lines, kind=ReadingKind.PDF,
                   tables=[], metadata={}, page_sizes={p: (595.0, 842.0) for p in pages}, pages=pages, markers=[],
                   warnings=(), foot_rules={})


def test_a_spacing_accent_put_back_on_its_letter_is_not_a_lost_line():
    """Found by the fuzzer (2026-11-30): "1. K\u00b8a" is read "\u0136a" (the accent put back on its letter); its words are
    still there."""
    doc = segment(_column(("1.",) * 6, ("1.",), ("1. K\u00b8a",)))
    assert "\u0136a" in [p.text for p in doc.paragraphs]
    assert _accounted("1. K\u00b8a", _squash(_everything(doc)))


def test_a_back_matter_label_with_nothing_after_it_keeps_its_words():
    """Found by the fuzzer (2026-11-30): a last line "1. Contact" opens back matter that never gets a value; its
    words were lost (no metadata, no block).  They stay, as a block."""
    doc = segment(_column(("1.",) * 4, ("1.",) * 14, ("1. Contact",)))
    assert [b.text for b in doc.blocks] == ["1. Contact"] and "contact" not in doc.metadata.to_dict()
