"""Round 14 (issue 10): paragraph starts recovered from sequences of labels the layout rules left as text
(lspkit/segment/sequences.py), on the real papers that show it (skipped where the paper is not on this machine)
and on small pages drawn here: where it must fire, and where it must not."""
from __future__ import annotations

import pytest

from lspkit.api import extract

from real_util import doc
from test_segment_layout import draw

H, B = "Helvetica", "Helvetica-Bold"

TERMS = [
    ["Each booking is confirmed in writing by the bookings secretary once the deposit", "has been paid in full."],
    ["The hirer is responsible for leaving the hall clean and tidy, with all the",
     "furniture put back where it was found."],
    ["No alcohol may be sold on the premises without a licence from the district", "council."],
    ["The committee may cancel a booking at short notice where the hall is needed", "for an election."],
]


def _items(y, labels, texts, x=72, indent=100):
    """Items with the label at `x` and the text hanging at `indent`; returns the items and the next free y."""
    out = []
    for label, lines in zip(labels, texts):
        out.append((x, y, label, 10, H))
        out += [(indent, y + 13 * j, t, 10, H) for j, t in enumerate(lines)]
        y += 13 * len(lines) + 4
    return out, y


def _page(labels, texts, lead="Terms of hire:"):
    page = [(72, 60, "Village Hall Lettings Policy", 14, B),
            (72, 90, "The hall committee lets the hall to local groups on the terms below, which", 10, H),
            (72, 103, "every hirer accepts when the booking form is signed and returned.", 10, H),
            (72, 125, lead, 10, H)]
    items, y = _items(140, labels, texts)
    return page + items + [(72, y + 10, "Charges", 10, H),
                           (72, y + 25, "Charges are reviewed every year at the annual meeting of the committee.", 10, H)]


@pytest.fixture(scope="module")
def terms(tmp_path_factory):
    return draw(tmp_path_factory.mktemp("seq") / "terms.pdf", [_page([f"({k})" for k in range(1, 5)], TERMS)])


def test_a_run_of_bracketed_numbers_left_as_text_is_read_as_paragraphs(terms):
    d = extract(terms)
    assert [p.number for p in d.paragraphs] == ["1", "2", "3", "4"]
    assert [p.text for p in d.paragraphs] == [" ".join(t) for t in TERMS]  # each whole, up to the next label
    assert not any("(1)" in b.text or "Each booking" in b.text for b in d.blocks)  # taken out of the block
    assert any(b.text == "Terms of hire:" for b in d.blocks)  # the lead-in stays where it was
    assert not any("Charges" in p.text for p in d.paragraphs)  # the heading after the last ends it


@pytest.fixture(scope="module")
def names(tmp_path_factory):
    people = [["Councillor Jane Smith (Chair)"], ["Councillor Peter Brown"], ["Councillor Asha Patel"],
              ["Councillor Tom Green"]]
    return draw(tmp_path_factory.mktemp("seq") / "names.pdf",
                [_page([f"({k})" for k in range(1, 5)], people, lead="Members of the committee:")])


def test_a_numbered_list_of_names_is_no_paragraphs(names):
    d = extract(names)
    assert d.paragraphs == ()
    assert any("(1) Councillor Jane Smith" in b.text for b in d.blocks)  # kept as the block's list


@pytest.fixture(scope="module")
def two(tmp_path_factory):
    return draw(tmp_path_factory.mktemp("seq") / "two.pdf", [_page(["(1)", "(2)"], TERMS[:2])])


def test_two_labels_alone_are_no_sequence(two):
    assert extract(two).paragraphs == ()


@pytest.fixture(scope="module")
def contents(tmp_path_factory):
    rows = [["Booking the hall and paying the deposit .......... 3"], ["Cleaning and the furniture .......... 4"],
            ["Alcohol and the licence from the district .......... 5"], ["Cancelling a booking .......... 6"]]
    return draw(tmp_path_factory.mktemp("seq") / "contents.pdf",
                [_page([f"({k})" for k in range(1, 5)], rows, lead="Contents")])


def test_a_contents_list_is_no_paragraphs(contents):
    assert extract(contents).paragraphs == ()


@pytest.fixture(scope="module")
def running(tmp_path_factory):
    """Numbers that start lines only because a sentence wrapped there: "... under section" / "3. of the Act"."""
    lines = ["The hirer must comply with the conditions set out in paragraph",
             "1. of the schedule and the licence conditions under section",
             "2. of the Licensing Act, and must follow the fire procedures in note",
             "3. of the hall rules, which are displayed in the entrance lobby for",
             "4. hirers and their guests to read before any event begins here."]
    page = [(72, 60, "Village Hall Lettings Policy", 14, B)] + [(72, 90 + 13 * k, t, 10, H) for k, t in enumerate(lines)]
    return draw(tmp_path_factory.mktemp("seq") / "running.pdf", [page])


def test_numbers_in_running_text_are_no_paragraphs(running):
    assert extract(running).paragraphs == ()


# ---------------------------------------------------------------- real papers

def test_grants_policy_bracketed_conditions_restarting_under_each_heading():
    # Hertingfordbury Parish Council's grants policy (Word for Office 365): "(1)" to "(9)" under an unbold lead-in,
    # "(1)", "(2)" under the next, restarting under each heading; all were left as blocks
    d = doc("hertingfordbury-pc_2012_grants-policy")
    texts = [p.text for p in d.paragraphs]
    assert texts[0].startswith("Each application to be considered on its merit")
    assert texts[0].endswith("forty per cent of the approved cost.")
    assert texts[8] == "The Parish Council cannot give financial assistance to individuals under this scheme."
    got = {p.number: p for p in d.paragraphs}
    # "(2) (a) Recipients ...": the number heads its first lettered paragraph, and the letters hang from it (the
    # restarting series are cited with their heading, segment/bracketed.py, which reads this paper before this pass)
    first = next(p for p in d.paragraphs if p.text.startswith("Recipients of grants"))
    assert (first.label, first.parent) == ("a", "Conditions (2)")
    assert got["Conditions (2)(b)"].text.startswith("All grant recipients are required")
    assert len(d.paragraphs) == 32


def test_rule_book_lettered_items_hang_from_their_rule():
    # University of Toronto Engineering Society's standing rules (Skia/PDF): "0.2.1." rules with "a." to "i."
    # set further in, each rule and each item read as its own line's block
    d = doc("uoft-engsoc_2025_standing-rules-of-order-may")
    got = {p.number: p for p in d.paragraphs}
    assert got["0.2.1"].text.startswith("The motion to enter an in camera session")
    assert got["0.2.1(a)"].text.startswith("takes precedence of all others except the privileged motions")
    assert got["0.2.1(i)"].text == "is out of order when another has the floor."
    assert got["0.2.1(i)"].parent == "0.2.1"
    assert got["0.5.1(g)"].label == "g"
