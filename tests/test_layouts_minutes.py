"""Minutes whose item numbers run on from earlier meetings, on a small PDF drawn here with reportlab.

"292. Minutes of the previous meeting", "293. Budget monitoring report": each item a bold title over unnumbered
prose and its resolutions "(1) That ...", "(2) That ...".  A first heading numbered 292 fits no series that starts
at 1, so read alone it heads nothing, and every resolution under it was lost with it.
"""
from __future__ import annotations

import textwrap

from lspkit.api import extract

A4 = (595.27, 841.89)
ITEMS = [
    ("Minutes of the previous meeting", "RESOLVED - that the minutes of the meeting held on 12 March 2024 be "
     "confirmed as a correct record and signed by the Lord Mayor.", []),
    ("Budget monitoring report", "The Cabinet considered the report of the Director of Finance on the revenue "
     "budget position at the end of the third quarter of the year.",
     ["That the report be noted.", "That the virements set out in Appendix A be approved and reported to the "
      "next meeting.", "That officers report back on the parking income shortfall."]),
    ("Library opening hours", "The Cabinet considered the results of the consultation on library opening hours "
     "and the options set out in the report.",
     ["That option two be adopted from 1 April 2024.", "That the Head of Libraries be authorised to make minor "
      "changes."]),
]


def _draw(path, first, label="({})"):
    from reportlab.pdfgen import canvas

    c = canvas.Canvas(str(path), pagesize=A4)
    c.setFont("Helvetica", 8)
    c.drawString(72, A4[1] - 40, "Full Council 14 May 2024")
    c.drawString(280, 30, "Page 1 of 1")
    c.setFont("Helvetica-Bold", 14)
    c.drawString(72, A4[1] - 80, "Full Council - Minutes - 14 May 2024")
    y = 110

    def lines(x, text, width=72):
        nonlocal y
        c.setFont("Helvetica", 10.5)
        for line in textwrap.wrap(text, width):
            c.drawString(x, A4[1] - y, line)
            y += 14
        y += 10

    for k, (title, prose, resolutions) in enumerate(ITEMS, first):
        c.setFont("Helvetica-Bold", 10.5)
        c.drawString(72, A4[1] - y, f"{k}.")
        c.drawString(108, A4[1] - y, title)
        y += 20
        lines(108, prose)
        if resolutions:
            c.setFont("Helvetica-Bold", 10.5)
            c.drawString(108, A4[1] - y, "RESOLVED:")
            y += 18
        for j, text in enumerate(resolutions, 1):
            c.setFont("Helvetica", 10.5)
            c.drawString(108, A4[1] - y, label.format(j))
            lines(136, text, 60)
        y += 8
    c.showPage()
    c.save()
    return str(path)


def test_minute_items_numbered_on_from_earlier_meetings_head_their_resolutions(tmp_path):
    doc = extract(_draw(tmp_path / "minutes.pdf", 292))
    assert [s.number for s in doc.sections if s.number] == ["292", "293", "294"]
    assert [p.number for p in doc.paragraphs] == ["293(1)", "293(2)", "293(3)", "294(1)", "294(2)"]
    assert [p.label for p in doc.paragraphs] == ["1", "2", "3", "1", "2"]
    assert doc.paragraph("293(2)").text == ITEMS[1][2][1]


def test_minute_items_numbered_from_one_read_the_same(tmp_path):
    doc = extract(_draw(tmp_path / "minutes.pdf", 1))
    assert [p.number for p in doc.paragraphs] == ["2(1)", "2(2)", "2(3)", "3(1)", "3(2)"]


def test_an_item_heading_numbered_like_the_last_resolution_still_heads_its_item(tmp_path):
    # "1)", "2)", "3)" resolutions set in under item 2, then "3. Library opening hours" out at the items' margin:
    # the same number as the last resolution, but a heading, not that number printed twice
    doc = extract(_draw(tmp_path / "minutes.pdf", 1, "{})"))
    assert [s.number for s in doc.sections if s.number] == ["1", "2", "3"]
    assert [p.label for p in doc.paragraphs] == ["1", "2", "3", "1", "2"]
    assert doc.paragraphs[3].text == ITEMS[2][2][0]
