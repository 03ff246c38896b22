"""Issue 10: paragraph starts recovered from the document's own numbering (lspkit/segment/recover.py, and the
framed-paragraph and run-into-found rules of lspkit/segment/sequences.py), on the real papers that show each
(skipped where the paper is not on this machine): where the net must fire, and where the gold says it must not.
Expected starts are the page's (pdftotext -layout), not lspkit's output."""
from __future__ import annotations

from real_util import doc


def _starts(d) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for p in d.paragraphs:
        out.setdefault(p.label or p.number, []).append(p.text)
    return out


def _starting(d, words: str) -> list:
    return [p for p in d.paragraphs if p.text.startswith(words)]


def test_paragraphs_framed_one_by_one_and_running_into_the_found_series_are_read():
    # RBI's MPC minutes draw a rectangle behind each paragraph of page 1 (boxes 2, 3, 4 at the text edge); "2." to
    # "10." stand before "11." ... "61." that the layout rules read, and "1." is not printed
    d = doc("reserve-bank-of-india_2024_mpc-minutes-august")
    starts = _starts(d)
    assert any(t.startswith("The meeting was attended by all the members") for t in starts["2"])
    assert any(t.startswith("According to Section 45ZL of the Reserve Bank of India Act") for t in starts["3"])
    assert any(t.startswith("Headline inflation has moderated from its peak") for t in starts["10"])
    # the lettered items under 3 stay its text, as the gold records them
    assert not _starting(d, "the resolution adopted at the meeting")


def test_the_next_member_of_a_series_read_starts_a_paragraph():
    # .04 A and B were read; "C. Upon recognition ..." followed B in the same block after B's sentence ended
    d = doc("san-antonio-pd_2020_gm-procedure-611-mentally-ill-persons")
    (c,) = _starting(d, "Upon recognition of a mental health crisis situation")
    assert (c.label or c.number) == "C"


def test_lists_numbered_again_where_such_lists_were_read_are_paragraphs():
    # ATDIS: "Specifically, The Agency hopes to:" / "1. Establish ..." / "2. Work with vendors ..." in a block, where
    # the lists under 1.1.2 and 1.5.1 at the same edge were read as paragraphs
    d = doc("nsw-planning_2014_atdis-1-0-2-specification-published")
    (one,) = _starting(d, "Establish a State-wide data interchange standard")
    (two,) = _starting(d, "Work with vendors of municipal software systems")
    assert (one.label or one.number, two.label or two.number) == ("1", "2")
    assert not one.text.endswith("Work with vendors")  # ends where 2 starts
    d = doc("rivergrove-or_2018_ordinance-89-tree-cutting")
    assert _starting(d, "Each development or lot subdivision in Rivergrove comprised of one or more lots")


def test_lettered_items_completing_a_lead_in_stay_its_parts():
    # Warrenville's bylaws: "... the goals of the Library District are:" / "a. To make library services ..." are
    # the lead-in's list (gold keeps III.3 a.-f. out), though lettered paragraphs stand at that edge in VIII.3, XV
    d = doc("warrenville-library_2011_board-bylaws")
    assert not _starting(d, "To make library services available")
    # a Queensland protocol's "(a) ecological assets ..." under "... collect information on\u2014"
    d = doc("qld-dnrm_2016_boyne-river-basin-water-management-protocol")
    assert not _starting(d, "ecological assets that are linked")


def test_headings_numbered_like_the_series_are_no_paragraphs():
    # "1. Duties of the Chair of the Finance Committee:" (title case, a colon) and "A. Purpose. This section ..." /
    # "B. General requirements." (run-in titles) are headings in the gold
    d = doc("cmu-student-senate_2017_bylaws")
    assert not _starting(d, "Duties of the Chair of the Finance Committee")
    d = doc("town-of-marblehead_2026_warrant-article-4-3a-multifamily-overlay")
    assert not _starting(d, "General requirements.")
    assert not _starting(d, "Purpose. This section authorizing")


def test_a_bylaws_provisions_under_a_section_are_paragraphs_among_another_series():
    # Brookfield's "Section 5: Restricted Water Uses" sets a) to e) under it, each a sentence ended by a full stop,
    # among the paragraphs "Section 4", "Section 6" of another series
    d = doc("brookfield-ma_2024_general-bylaws")
    (a,) = _starting(d, "Odd/Even Day Outdoor Watering")
    (b,) = _starting(d, "Outdoor Watering Ban")
    assert (a.label or a.number, b.label or b.number) == ("a", "b")
    assert a.text.endswith("even numbered days.")
