"""The HTML summary: self-contained, every paragraph an anchor, every internal link has a target, renders in Chromium."""
from __future__ import annotations

import re
import shutil
import subprocess
from html.parser import HTMLParser
from pathlib import Path

import pytest

from lspkit.analyse.summary import Summary, summarise
from lspkit.model import Document, Paragraph, Section, Source
from lspkit.render.summary import as_html

DATA = Path(__file__).resolve().parent.parent / "data"
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")


class _Links(HTMLParser):
    def __init__(self):
        super().__init__()
        self.ids: list[str] = []
        self.hrefs: list[str] = []
        self.external: list[str] = []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if "id" in a:
            self.ids.append(a["id"])
        for key in ("href", "src", "xlink:href"):
            value = a.get(key)
            if value is None:
                continue
            if value.startswith("#"):
                self.hrefs.append(value[1:])
            else:
                self.external.append(value)


def _parse(html: str) -> _Links:
    p = _Links()
    p.feed(html)
    return p


@pytest.fixture(scope="module")
def summary() -> Summary:
    from lspkit.api import extract

    report = extract(str(DATA / "head-of-policy-report.pdf"))
    paper = extract(str(DATA / "consultation-v1.pdf"))
    return summarise(report, against=paper)


@pytest.fixture(scope="module")
def html(summary) -> str:
    return as_html(summary)


def test_self_contained_and_printable(html):
    links = _parse(html)
    assert links.external == [], links.external  # no stylesheet, script, font or image from anywhere
    assert "<script" not in html and "@import" not in html and "url(" not in html
    assert "@page { size: A4" in html and "@media print" in html
    assert "<svg" in html and "<rect" in html  # theme bars drawn


def test_every_paragraph_is_an_anchor_and_every_internal_link_has_a_target(summary, html):
    links = _parse(html)
    assert len(links.ids) == len(set(links.ids)), "ids are unique"
    for p in summary.paragraphs:
        assert f'id="p-{p.number}"' in html
    for s in summary.sections:
        assert f'id="s-{s.number}"' in html
    for sp in summary.against.paragraphs:
        assert f'id="src-{sp.number}"' in html
    missing = sorted(set(links.hrefs) - set(links.ids))
    assert missing == []
    assert len(links.hrefs) > 50


def test_cross_references_are_links_or_marked_unresolved(html):
    assert re.search(r'<a class="xref" href="#s-7"[^>]*>section 7 – Implications and Conclusions, post</a>', html)
    assert '<span class="unresolved" title="not in this document">the Annexe to this report</span>' in html


def test_source_links_point_into_the_source_paper(summary, html):
    link = next(link for link in summary.against.links if link.paragraph == "4.3")
    assert f'href="#src-{link.sources[0].number}"' in html


def test_awkward_numbers_and_text_are_escaped():
    d = Document(
        source=Source("t.txt", "0", 1, title='A <b>"bold"</b> title'),
        sections=(Section("1", "Intro & <more>", 1),),
        paragraphs=(
            Paragraph("1.1", "Text with <script>alert(1)</script> & see paragraph 1.2.", 1, section="1"),
            Paragraph('1.2"><x', "Odd number.", 1, section="1"),
            Paragraph("1 2", "Spaced number.", 1, section="1"),
        ),
    )
    out = as_html(summarise(d))
    assert "<script>" not in out and "&lt;script&gt;" in out
    assert '"><x' not in out
    links = _parse(out)
    assert sorted(set(links.hrefs) - set(links.ids)) == []
    assert len(links.ids) == len(set(links.ids))


@pytest.mark.skipif(CHROMIUM is None, reason="chromium is not installed (apt-get install chromium)")
def test_renders_in_headless_chromium(html, summary, tmp_path):
    page = tmp_path / "summary.html"
    page.write_text(html, encoding="utf-8")
    profile = tmp_path / "profile"
    cmd = [
        CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run", f"--user-data-dir={profile}",
        "--dump-dom", page.as_uri(),
    ]
    proc = subprocess.run(cmd, capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr[-2000:]
    dom = proc.stdout
    assert "<body" in dom
    for p in summary.paragraphs:
        assert f'id="p-{p.number}"' in dom
    assert "Shaping Their Future" in dom or "SHAPING THEIR FUTURE" in dom
    assert "The Cabinet are requested to endorse" in dom
    links = _parse(dom)
    assert sorted(set(links.hrefs) - set(links.ids)) == []


def test_one_theme_page_has_no_dangling_links(summary):
    out = as_html(summary, theme="governance", full=True)
    links = _parse(out)
    assert sorted(set(links.hrefs) - set(links.ids)) == []
    assert 'id="theme-governance"' in out and 'id="theme-capacity"' not in out
