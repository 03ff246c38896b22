"""The HTML redline opened in headless Chromium: it renders, is self-contained, and every internal link has a target."""
from __future__ import annotations

import shutil
import subprocess
from html.parser import HTMLParser
from pathlib import Path

import pytest

from lspkit.analyse.diff import diff_documents
from lspkit.render import diff as render

DATA = Path(__file__).resolve().parent.parent / "data"
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")

pytestmark = pytest.mark.skipif(CHROMIUM is None, reason="chromium is not installed (needed to render the HTML redline)")


def _chromium(tmp: Path, *args: str) -> subprocess.CompletedProcess:
    profile = tmp / "profile"
    profile.mkdir(exist_ok=True)
    return subprocess.run(
        [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", "--no-first-run", f"--user-data-dir={profile}", *args],
        capture_output=True, text=True, timeout=90,
    )


class _Links(HTMLParser):
    def __init__(self):
        super().__init__()
        self.ids, self.hrefs, self.external, self.tags = set(), [], [], []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        self.tags.append((tag, a))
        if "id" in a:
            self.ids.add(a["id"])
        if tag == "a" and "href" in a:
            self.hrefs.append(a["href"])
        for key in ("src", "href"):
            if a.get(key, "").startswith(("http:", "https:", "//")):
                self.external.append(a[key])
        if tag == "link":
            self.external.append(a.get("href", ""))


@pytest.fixture(scope="module")
def pages(tmp_path_factory):
    from lspkit.api import extract

    tmp = tmp_path_factory.mktemp("diffhtml")
    result = diff_documents(extract(str(DATA / "consultation-v1.pdf")), extract(str(DATA / "consultation-v2.pdf")))
    inline = tmp / "inline.html"
    inline.write_text(render.render(result, "html", context=1), encoding="utf-8")
    sbs = tmp / "sbs.html"
    sbs.write_text(render.render(result, "html", side_by_side=True), encoding="utf-8")
    return tmp, result, inline, sbs


def test_html_renders_in_chromium_and_every_internal_link_has_a_target(pages):
    tmp, result, inline, _ = pages
    run = _chromium(tmp, "--dump-dom", inline.as_uri())
    assert run.returncode == 0, run.stderr[-2000:]
    dom = run.stdout
    parser = _Links()
    parser.feed(dom)
    assert parser.external == []  # self-contained: no stylesheet, script or image from anywhere
    internal = [h for h in parser.hrefs if h.startswith("#")]
    assert internal, "the page has a table of contents"
    assert [h for h in internal if h[1:] not in parser.ids] == []
    # Every change that is not unchanged is an anchored section, in the summary's numbers.
    shown = [t for t, a in parser.tags if t == "section" and "change" in a.get("class", "")]
    changed = [c for c in result.changes if c.kind.value != "unchanged"]
    assert len([1 for t, a in parser.tags if t == "section" and "change" in a.get("class", "") and "context" not in a.get("class", "")]) == len(changed)
    assert len(shown) > len(changed)  # --context 1 added unchanged neighbours
    assert "2.2 → 2.2" in dom and "<del>" in dom and "<ins>" in dom
    assert "renamed 5 → 5" in dom and "paragraphs 3.2 to 3.4" in dom


def test_html_screenshots_inline_and_side_by_side(pages):
    tmp, _, inline, sbs = pages
    for page in (inline, sbs):
        png = tmp / (page.stem + ".png")
        run = _chromium(tmp, "--window-size=1200,1600", f"--screenshot={png}", page.as_uri())
        assert run.returncode == 0, run.stderr[-2000:]
        data = png.read_bytes()
        assert data[:8] == b"\x89PNG\r\n\x1a\n" and len(data) > 20_000  # a blank page compresses to a few KB
    # The side-by-side page starts with the toggle on: its old and new columns are laid out as a grid.
    dom = _chromium(tmp, "--dump-dom", sbs.as_uri()).stdout
    assert 'id="layout" checked' in dom and 'class="sbs"' in dom

