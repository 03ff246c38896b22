"""Pages printed only as an image (a scan with no text layer) read by OCR: rendered, read by Tesseract, made runs.

A council archive's older papers, a covering letter or an attachment are often scanned pages with nothing in
the text layer.  Such a page is found cheaply (almost no characters, an image over most of it: `scanned_cover`),
rendered by pdfium at `DPI`, and read by the `tesseract` command (an external program: no Python dependency,
and none at all where it is not installed, which is then a warning naming what to install).  Tesseract's TSV
gives each word's box; the words of one of its lines become runs (`pdf.Run`) with positions in points and a
type size estimated from the letters' heights, so the page is laid out and segmented like any other.  A page
with a text layer is never read by OCR unless the caller forces it (`MODES`).
"""
from __future__ import annotations

import functools
import os
import shutil
import subprocess
from typing import Optional

MODES = ("auto", "force", "off")  # auto: image-only pages; force: every page covered by an image; off: none
DPI = 300  # Tesseract reads body type best at 300 dpi (its own advice); 200 loses small print
NEGLIGIBLE = 10  # a page with fewer visible characters than this has no text layer to speak of (a stamp, a number)
COVERED = 0.8  # ... and is a scan when images cover at least this share of it (a scan is the page; a map or a
# photograph on an otherwise empty page, the GLA report's last page at 58%, is not)
MIN_CONFIDENCE = 30.0  # Tesseract's word confidence (0-100) below which a "word" is speckle, a signature or a map
LINE_CONFIDENCE = 60.0  # ... and a line's, its words' weighted by their letters: handwriting ("Pe cembkir 12,")
TIMEOUT = 300.0  # seconds for one page: a page that takes longer is skipped with a warning
INSTALL = "apt-get install tesseract-ocr tesseract-ocr-eng"  # what the warning asks for (brew install tesseract)


class OcrFailed(Exception):
    """Tesseract ran and failed on a page (the message says why)."""


@functools.lru_cache(maxsize=None)
def engine() -> Optional[str]:
    """The OCR engine this process would use ("tesseract 5.3.0"), or None when no `tesseract` is on PATH.

    Part of the extraction cache key, so a Document read before Tesseract was installed is not served after."""
    exe = shutil.which("tesseract")
    if exe is None:
        return None
    try:
        done = subprocess.run([exe, "--version"], capture_output=True, timeout=30)
    except (OSError, subprocess.SubprocessError):
        return None
    said = (done.stdout or done.stderr).decode("utf-8", "replace").splitlines()
    return said[0].strip() if done.returncode == 0 and said else None


def language() -> str:
    """Tesseract's language(s): `LSPKIT_OCR_LANG` ("fra", "eng+deu"), English by default."""
    return os.environ.get("LSPKIT_OCR_LANG", "").strip() or "eng"


def scanned_cover(page) -> float:
    """The share of a pypdfium2 page that its images cover (0..1): 1 for a scanned page."""
    import pypdfium2.raw as R

    width, height = page.get_size()
    if page.get_rotation() in (90, 270):  # the size is as shown, the objects' bounds are before the rotation
        width, height = height, width
    if not width > 0 or not height > 0:
        return 0.0
    covered = 0.0
    for obj in page.get_objects(filter=(R.FPDF_PAGEOBJ_IMAGE,), max_depth=3):
        try:
            left, bottom, right, top = obj.get_bounds()
        except Exception:  # noqa: BLE001 - an image whose bounds pdfium cannot give covers nothing we can see
            continue
        w = min(right, width) - max(left, 0.0)
        h = min(top, height) - max(bottom, 0.0)
        if w > 0 and h > 0:
            covered += w * h
    return min(1.0, covered / (width * height))


def render_gray(page, dpi: int = DPI) -> tuple[bytes, int, int]:
    """The page rendered in grey at `dpi` as a binary PGM (Tesseract reads it from stdin), and its pixel size."""
    bitmap = page.render(scale=dpi / 72, grayscale=True)
    try:
        w, h, stride = bitmap.width, bitmap.height, bitmap.stride
        buf = bytes(bitmap.buffer)
    finally:
        bitmap.close()
    rows = buf if stride == w else b"".join(buf[i * stride:i * stride + w] for i in range(h))
    return b"P5\n%d %d\n255\n" % (w, h) + rows, w, h


def tesseract_tsv(image: bytes, dpi: int = DPI) -> str:
    """Tesseract's TSV for one page image, English, read as one block of text (psm 6).

    Not Tesseract's automatic page segmentation (psm 3): it sets a paragraph's number in its margin apart as a
    block of its own and then loses most of them ("1.", "1.2", "2." of a numbered report, kept by psm 6), and
    the numbers are what lspkit reads.  Columns are found from the runs' geometry instead (`tsv_runs`).

    One thread per Tesseract (OMP_THREAD_LIMIT=1): pages are read side by side instead, which uses the cores
    better than Tesseract's own threads and never oversubscribes them."""
    exe = shutil.which("tesseract")
    if exe is None:
        raise OcrFailed("tesseract is not on PATH")
    env = dict(os.environ, OMP_THREAD_LIMIT="1")
    lang = language()
    try:
        done = subprocess.run([exe, "stdin", "stdout", "--dpi", str(dpi), "--psm", "6", "-l", lang, "tsv"],
                              input=image, capture_output=True, env=env, timeout=TIMEOUT)
    except subprocess.TimeoutExpired:
        raise OcrFailed(f"tesseract took more than {TIMEOUT:.0f} s") from None
    except OSError as exc:
        raise OcrFailed(f"tesseract cannot run ({exc.strerror or exc})") from None
    if done.returncode != 0:
        said = done.stderr.decode("utf-8", "replace").strip().splitlines()
        raise OcrFailed(f"tesseract failed: {said[-1] if said else f'exit status {done.returncode}'}")
    return done.stdout.decode("utf-8", "replace")


# The share of the type size (em) a word's box spans, by the letters it holds: capitals, figures and ascenders
# reach the cap height (~0.72 em), other letters the x-height (~0.47 em); descenders reach ~0.21 em under the
# baseline.  A word's box height over its share is the size the word is set in.
_TALL = frozenset("bdfhklt0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ()[]{}/\\|!?$%&#@£€§¶")
_LOW = frozenset("gjpqy()[]{}|§")
_TALL_SHARE, _X_SHARE, _LOW_SHARE = 0.72, 0.47, 0.21
# A PDF engine's size is a glyph's loose box, the font's ascent to its descent: about 1.13 em (Helvetica 1.16,
# Times 1.11); an OCR'd line's size is given on that scale, so a scanned page's type compares with a text page's
LOOSE = 1.13


def word_size(text: str, height: float) -> Optional[float]:
    """The type size a word is set in, estimated from its box height and its letters (None: no letter to go by)."""
    if not any(c.isalnum() for c in text):
        return None
    tall = any(c in _TALL or (c.isalpha() and c.isupper()) for c in text)
    share = (_TALL_SHARE if tall else _X_SHARE) + (_LOW_SHARE if any(c in _LOW for c in text) else 0.0)
    return height / share


def tsv_runs(tsv: str, scale_x: float, scale_y: float, run_gap: float = 0.9, pixels=None) -> list[list]:
    """Tesseract's TSV as runs (`pdf.Run`: x0, x1, top, bottom, size, bold, text, index, mark) in points.

    The words of one Tesseract line make one run, split where a gap is wider than `run_gap` sizes, as a PDF
    engine splits a line at a tab stop or a column's gutter: columns, margins and reading order are then the
    layout's to find (`lspkit.read.layout`), as on any page.  The run's size is the median of its words'
    sizes (`word_size`) as a loose box measures it (`LOOSE`), rounded to half a point; its top and bottom sit
    on the line's baseline as a PDF's loose boxes do.  Words and lines Tesseract is not confident of are left out.
    `pixels`: the page image (a numpy array of grey levels) the boxes are in, to tell bold lines (`_bold_lines`)."""
    lines: dict[tuple, list] = {}
    for row in tsv.splitlines()[1:]:
        cols = row.split("\t")
        if len(cols) < 12 or cols[0] != "5":
            continue
        text = cols[11].strip()
        try:
            conf = float(cols[10])
            left, top, width, height = (int(c) for c in cols[6:10])
        except ValueError:
            continue
        if not text or conf < MIN_CONFIDENCE or width <= 0 or height <= 0:
            continue
        lines.setdefault((cols[1], cols[2], cols[3], cols[4]), []).append((left, top, left + width, top + height, text,
                                                                           conf))
    # a line Tesseract is unsure of as a whole is handwriting, a stamp or a drawing's labels, not print
    lines = {k: [w[:5] for w in words] for k, words in lines.items()
             if sum(w[5] * len(w[4]) for w in words) >= LINE_CONFIDENCE * sum(len(w[4]) for w in words)}
    runs: list[list] = []
    bold = _bold_lines(list(lines.values()), pixels) if pixels is not None else set()
    for n, words in enumerate(lines.values()):
        words.sort()
        sizes = sorted(s for s in (word_size(w[4], (w[3] - w[1]) * scale_y) for w in words) if s is not None)
        if not sizes:
            continue  # a line of dashes or dots: rules and leaders, no text
        em = sizes[len(sizes) // 2]
        size = max(1.0, round(2 * LOOSE * em) / 2)
        # the baseline: the bottom of the words with no descender (the lowest word's bottom less one otherwise)
        flat = sorted(w[3] for w in words if not any(c in _LOW for c in w[4]))
        base = flat[len(flat) // 2] * scale_y if flat else max(w[3] for w in words) * scale_y - _LOW_SHARE * em
        bottom = base + (size - 0.75 * size)  # a loose box reaches about a quarter of its height under the baseline
        cur: Optional[list] = None
        for k, (left, _t, right, _b, text) in enumerate(words):
            if text[:1] == "|" and (text[1:] in (",", ";", ":", "'m", "’m", "'ve", "’ve", "'d", "’d")
                                    or text == "|" and any(w[4][:1].isalpha() for w in words[k + 1:k + 2])):
                text = "I" + text[1:]  # Tesseract's commonest misreading: a sans-serif capital I alone ("| have", "|,")
            x0, x1 = left * scale_x, right * scale_x
            if cur is not None and x0 - cur[1] <= run_gap * em:
                cur[6] += " " + text
                cur[1] = max(cur[1], x1)
                continue
            cur = [x0, x1, bottom - size, bottom, size, n in bold, text, len(runs), None]
            runs.append(cur)
    return runs


BOLDER = 1.3  # a line whose strokes are this much thicker (for its size) than the page's text is bold


def _bold_lines(lines: list[list], pixels) -> set[int]:
    """The lines (by index) set in bold: Tesseract does not say, the ink does.  A line's stroke is the mean length
    of the dark runs across each pixel row of its words' boxes (a stem's width), over its type size (`word_size`,
    in pixels); bold type's stems are about half as thick again as regular type's.  A line is bold when its
    stroke is `BOLDER` times the page's typical one (the median over its lines, each counted by its letters)."""
    weights: list[tuple[float, int]] = []  # (stroke per pixel of type size, letters)
    for words in lines:
        dark = runs = 0
        ems: list[float] = []
        letters = 0
        for left, top, right, bottom, text in words:
            em = word_size(text, bottom - top) if any(c.isalpha() for c in text) else None
            if em is None:
                continue
            box = pixels[top:bottom, left:right] < 128
            if box.size == 0:
                continue
            dark += int(box.sum())
            runs += int((box[:, 1:] & ~box[:, :-1]).sum() + box[:, 0].sum())
            ems.append(em)
            letters += len(text)
        ems.sort()
        weights.append((dark / runs / ems[len(ems) // 2], letters) if runs and ems else (0.0, 0))
    counted = sorted(w for w, n in weights for _ in range(min(n, 200)) if n)
    if not counted:
        return set()
    typical = counted[len(counted) // 2]
    return {k for k, (w, n) in enumerate(weights) if n and w > BOLDER * typical}


def read_scans(pdf, pages: list[int], sizes: dict[int, tuple[float, float]], workers: Optional[int] = None):
    """Yield (page, runs or OcrFailed) for each page of an open pypdfium2 document, in order.

    Pages are rendered here, one ahead of the Tesseracts reading the ones before (pdfium is not thread-safe;
    a Tesseract is a process of its own), so at most `workers` + 1 page images are held at once."""
    from concurrent.futures import ThreadPoolExecutor

    if workers is None:
        workers = max(1, min(4, len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1))
    if not pages:
        return

    def ocr(image: bytes, w: int, h: int, page_no: int):
        import numpy as np

        width, height = sizes[page_no]
        try:
            tsv = tesseract_tsv(image)
            pixels = np.frombuffer(image, dtype=np.uint8, count=w * h, offset=len(image) - w * h).reshape(h, w)
            return tsv_runs(tsv, width / w, height / h, pixels=pixels)
        except OcrFailed as exc:
            return exc

    with ThreadPoolExecutor(max_workers=workers) as pool:
        queued: list = []
        for page_no in pages:
            page = pdf[page_no - 1]
            try:
                image, w, h = render_gray(page)
            finally:
                page.close()
            queued.append((page_no, pool.submit(ocr, image, w, h, page_no)))
            del image
            while len(queued) > workers:
                page_no0, future = queued.pop(0)
                yield page_no0, future.result()
        for page_no0, future in queued:
            yield page_no0, future.result()
