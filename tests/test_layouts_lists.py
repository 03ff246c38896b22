"""A numbered list set inside a numbered paragraph, on small PDFs drawn here with reportlab (no real paper in
data/real/ shows it; council reports often do: "1.1 The Council has three priorities:" / "1. Improve ...").

The list's own "2." is the next number of a chapter's flat series ("1. Background", then "2."), so read alone it
looks like the next paragraph; every paragraph after it would then be lost as out of sequence.
"""
from __future__ import annotations

import pytest

from lspkit.api import extract

A4 = (595.27, 841.89)
PROSE = ("The Council has reviewed the arrangements for the delivery of the service and has consulted residents on "
         "the options set out in this report over a period of twelve weeks.")
ITEMS = ["Improve the condition of the highway network.", "Reduce the carbon footprint of council buildings.",
         "Support local businesses to grow."]


def _draw(path, number_x, item_x, dotted):
    import textwrap

    from reportlab.pdfgen import canvas

    c = canvas.Canvas(str(path), pagesize=A4)
    c.setFont("Helvetica", 8)
    c.drawString(72, A4[1] - 40, "Cabinet 12 March 2024 - Agenda Item 7")
    c.drawString(280, 30, "Page 1 of 1")
    c.setFont("Helvetica-Bold", 14)
    c.drawString(72, A4[1] - 80, "Review of Library Services")
    y = 110

    def para(num, text):
        nonlocal y
        c.setFont("Helvetica", 10.5)
        c.drawString(number_x, A4[1] - y, num)
        for k, line in enumerate(textwrap.wrap(text, 80)):
            c.drawString(108, A4[1] - y - 14 * k, line)
        y += 14 * len(textwrap.wrap(text, 80)) + 10

    c.setFont("Helvetica-Bold", 11)
    if dotted:
        c.drawString(72, A4[1] - y, "1. Background")
        y += 24
    n = (lambda k: f"1.{k}") if dotted else (lambda k: f"{k}.")
    para(n(1), "The Council has three priorities for the coming year:")
    y -= 6
    for k, item in enumerate(ITEMS, 1):
        c.setFont("Helvetica", 10.5)
        c.drawString(item_x, A4[1] - y, f"{k}.")
        c.drawString(item_x + 18, A4[1] - y, item)
        y += 14
    y += 10
    para(n(2), PROSE)
    para(n(3), "Members are asked to note the responses received.")
    c.showPage()
    c.save()
    return str(path)


@pytest.mark.parametrize("dotted", [True, False], ids=["dotted", "flat"])
@pytest.mark.parametrize("item_x", [108, 126], ids=["at-text", "set-in"])
def test_a_numbered_list_inside_a_paragraph_stays_in_it(tmp_path, dotted, item_x):
    doc = extract(_draw(tmp_path / "list.pdf", 72, item_x, dotted))
    want = ["1.1", "1.2", "1.3"] if dotted else ["1", "2", "3"]
    assert [p.number for p in doc.paragraphs] == want
    intro = doc.paragraphs[0].text
    assert intro.startswith("The Council has three priorities for the coming year:")
    assert all(item in intro for item in ITEMS)
    assert doc.paragraphs[1].text == PROSE
