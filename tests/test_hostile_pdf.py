"""Hostile and broken inputs to `lspkit extract`: a clear message, the documented status, no traceback,
no partial output.  Time and memory on the same inputs are measured by bench/bench_hostile.py.  The inputs are data/bad/ (made by data/bad/make_bad_inputs.py);
each row here is a row of the bad-input table in docs/reference.md (test_reference_table_matches keeps them in step)."""
from __future__ import annotations

import re

import pytest

from hostile_util import BAD, ROOT, assert_clean_failure, load_corpus, lspkit, paragraphs
from lspkit.infra import errors

corpus = load_corpus()
GOOD_TEXTS = corpus.PARAGRAPHS

# input, extra args, exit status, words in the one-line message ("" when it succeeds)
FAILURES = [
    ("not_pdf_text.pdf", [], errors.EXIT_INPUT_INVALID, "not a PDF (it is plain text"),
    ("not_pdf_html.pdf", [], errors.EXIT_INPUT_INVALID, "not a PDF (it is an HTML page)"),
    ("png_named.pdf", [], errors.EXIT_INPUT_INVALID, "not a PDF (it is a PNG image)"),
    ("empty.pdf", [], errors.EXIT_INPUT_INVALID, "empty file"),
    ("empty.txt", [], errors.EXIT_INPUT_INVALID, "empty file"),
    ("header_only.pdf", [], errors.EXIT_INPUT_INVALID, "truncated or corrupt PDF"),
    ("truncated_10.pdf", [], errors.EXIT_INPUT_INVALID, "truncated or corrupt PDF"),
    ("truncated_50.pdf", [], errors.EXIT_INPUT_INVALID, "truncated or corrupt PDF"),
    ("truncated_90.pdf", [], errors.EXIT_INPUT_INVALID, "truncated or corrupt PDF"),
    ("missing_xref.pdf", [], errors.EXIT_INPUT_INVALID, "truncated or corrupt PDF"),
    ("encrypted_user.pdf", [], errors.EXIT_ENCRYPTED, "give its password with --password"),
    ("encrypted_user.pdf", ["--password", "guess"], errors.EXIT_ENCRYPTED, "the password is wrong"),
    ("image_only.pdf", ["--no-ocr"], errors.EXIT_INPUT_INVALID, "no text layer (scanned images; OCR is off)"),
    ("vector_only.pdf", [], errors.EXIT_INPUT_INVALID, "no text layer"),
    ("self_reference.pdf", [], errors.EXIT_INPUT_INVALID, "no text layer"),
    ("deep_page_tree.pdf", [], errors.EXIT_INPUT_INVALID, "no page can be loaded"),
    ("broken_font.pdf", [], errors.EXIT_INPUT_INVALID, "no readable text"),
    ("type3_font.pdf", [], errors.EXIT_INPUT_INVALID, "no readable text"),
    ("bomb.pdf", [], errors.EXIT_LIMIT, "decompression bomb"),
    ("binary_junk.txt", [], errors.EXIT_INPUT_INVALID, "not a text file"),
    ("nul_bytes.txt", [], errors.EXIT_INPUT_INVALID, "not a text file"),
]

# input, extra args, warning words ("" for none), paragraph numbers that must come out with their text
SUCCESSES = [
    ("good.pdf", [], "", {str(n): GOOD_TEXTS[(n - 1) % 4] for n in range(1, 13)}),
    ("corrupt_xref.pdf", [], "", {str(n): GOOD_TEXTS[(n - 1) % 4] for n in range(1, 13)}),
    ("encrypted_owner_only.pdf", [], "", {str(n): GOOD_TEXTS[(n - 1) % 4] for n in range(1, 13)}),
    ("encrypted_user.pdf", ["--password", "secret"], "", {str(n): GOOD_TEXTS[(n - 1) % 4] for n in range(1, 13)}),
    ("cyclic_pages.pdf", [], "page(s) 2 cannot be loaded", {"1": "The Council welcomes the consultation."}),
    ("cyclic_resources.pdf", [], "", {"1": "The Council welcomes the consultation."}),
    ("deep_arrays.pdf", [], "", {"1": "The Council welcomes the consultation."}),
    ("image_bomb.pdf", [], "", {"1": "The Council welcomes the consultation."}),
    ("non_latin.pdf", [], "", {t.split(" ", 1)[0].rstrip("."): t.split(" ", 1)[1] for _s, t in corpus.SCRIPTS}),
    ("non_latin.txt", [], "", {t.split(" ", 1)[0].rstrip("."): t.split(" ", 1)[1] for _s, t in corpus.SCRIPTS}),
    ("invalid_utf8.txt", [], "", {"1": GOOD_TEXTS[0].replace("Council", "Council éÿþ€ café", 1), "2": GOOD_TEXTS[1]}),
]

HANG = 60  # seconds before a run counts as a hang (the test fails instead of hanging the suite)


@pytest.mark.parametrize("name,args,status,words", FAILURES, ids=[f"{c[0]}{'+pw' if c[1] else ''}" for c in FAILURES])
def test_bad_input_fails_cleanly(tmp_path, name, args, status, words):
    out_dir = tmp_path / "out"
    out_dir.mkdir()
    path = f"data/bad/{name}"
    run = lspkit("extract", path, *args, "-o", out_dir / "result.json", timeout=HANG)
    assert_clean_failure(run, path, status, words, out_dir)


@pytest.mark.parametrize("name,args,warning,expected", SUCCESSES, ids=[f"{c[0]}{'+pw' if c[1] else ''}" for c in SUCCESSES])
def test_damaged_but_readable_input_extracts(tmp_path, name, args, warning, expected):
    out = tmp_path / "result.json"
    run = lspkit("extract", f"data/bad/{name}", *args, "-o", out, timeout=HANG)
    assert run.status == 0, run.stderr
    assert "Traceback" not in run.stderr
    if warning:
        assert any(ln.startswith("lspkit: warning: ") and warning in ln for ln in run.messages), run.stderr
    else:
        assert not [ln for ln in run.messages if "no numbered paragraphs" in ln], run.stderr
    got = paragraphs(out)
    for number, text in expected.items():
        assert got.get(number) == text, (number, got.get(number))
    assert sorted(p.name for p in tmp_path.iterdir()) == ["result.json"]


def test_decompression_bomb_is_refused_before_pdfium_inflates_it():
    """bomb.pdf is 7 KB and its content stream inflates to 4 GB (its peak memory: bench/bench_hostile.py)."""
    assert (BAD / "bomb.pdf").stat().st_size < 64 * 1024
    run = lspkit("extract", "data/bad/bomb.pdf", timeout=HANG)
    assert_clean_failure(run, "data/bad/bomb.pdf", errors.EXIT_LIMIT, "decompression bomb")


def test_missing_file_and_directory(tmp_path):
    out_dir = tmp_path / "out"
    out_dir.mkdir()
    run = lspkit("extract", tmp_path / "nope.pdf", "-o", out_dir / "r.json")
    assert_clean_failure(run, tmp_path / "nope.pdf", errors.EXIT_INPUT_MISSING, "no such file", out_dir)
    run = lspkit("extract", "data/bad", "-o", out_dir / "r.json")
    assert_clean_failure(run, "data/bad", errors.EXIT_INPUT_MISSING, "is a directory", out_dir)


def test_dangling_symlink_fifo_and_device_as_single_input(tmp_path):
    """Root reads chmod-000 files, so 'unreadable' is a dangling link; a FIFO must not block forever."""
    import os

    link = tmp_path / "gone.pdf"
    os.symlink(tmp_path / "nowhere.pdf", link)
    run = lspkit("extract", link)
    assert_clean_failure(run, link, errors.EXIT_INPUT_MISSING, "no such file")
    fifo = tmp_path / "pipe.pdf"
    os.mkfifo(fifo)
    run = lspkit("extract", fifo, timeout=30)  # no writer: reads as empty instead of blocking in open()
    assert_clean_failure(run, fifo, errors.EXIT_INPUT_INVALID, "empty file")
    run = lspkit("extract", "/dev/zero", timeout=30)  # would never end
    assert_clean_failure(run, "/dev/zero", errors.EXIT_INPUT_INVALID, "a device, not a file")


def test_binary_junk_on_stdin():
    run = lspkit("extract", "-", stdin=(BAD / "binary_junk.txt").read_bytes())
    assert_clean_failure(run, "<stdin>", errors.EXIT_INPUT_INVALID, "not a PDF")


def test_verbose_shows_the_traceback():
    run = lspkit("--verbose", "extract", "data/bad/truncated_50.pdf")
    assert run.status == errors.EXIT_INPUT_INVALID
    assert "Traceback" in run.stderr
    assert run.stderr.rstrip().splitlines()[-1].startswith("lspkit: data/bad/truncated_50.pdf: truncated")


def test_output_directory_missing(tmp_path):
    target = tmp_path / "no" / "such" / "dir" / "out.json"
    run = lspkit("extract", "data/bad/good.pdf", "-o", target)
    assert_clean_failure(run, target, errors.EXIT_OUTPUT, "does not exist")
    assert not (tmp_path / "no").exists()


# ---------------------------------------------------------------- size limits


@pytest.fixture(scope="module")
def thousand_pages(tmp_path_factory):
    return corpus.make_thousand_page_pdf(tmp_path_factory.mktemp("big") / "thousand.pdf")


def test_thousand_pages_refused_by_max_pages(thousand_pages, tmp_path):
    run = lspkit("extract", thousand_pages, "--max-pages", "200", "-o", tmp_path / "r.json")
    assert_clean_failure(run, thousand_pages, errors.EXIT_LIMIT, "PDF has 1000 pages, more than --max-pages 200", tmp_path)


def test_thousand_pages_read_whole(thousand_pages, tmp_path):
    out = tmp_path / "r.json"
    run = lspkit("extract", thousand_pages, "-o", out, timeout=120)
    assert run.status == 0, run.stderr
    got = paragraphs(out)
    assert list(got) == [corpus.thousand_page_number(p) for p in range(1, 1001)]
    assert got["100.10"] == GOOD_TEXTS[1000 % 4]


def test_one_page_with_100000_characters(tmp_path):
    out = tmp_path / "r.json"
    run = lspkit("extract", "data/bad/long_page.pdf", "-o", out, timeout=60)
    assert run.status == 0, run.stderr
    got = paragraphs(out)
    assert list(got) == ["1"]
    assert len(got["1"]) >= 99_000
    assert got["1"].startswith(GOOD_TEXTS[0])


def test_two_gigabyte_file_is_refused_before_pdfium_aborts(tmp_path):
    """pdfium kills the process with SIGABRT on a file of 2 GiB or more (found by bench/fuzz.py)."""
    big = tmp_path / "huge.pdf"
    with open(big, "wb") as f:  # sparse: no disk space used
        f.write((BAD / "good.pdf").read_bytes())
        f.truncate(2**31 + 1024)
    run = lspkit("extract", big, "-o", tmp_path / "out" / "r.json", timeout=60)
    assert_clean_failure(run, big, errors.EXIT_LIMIT, "file is 2048 MB; files of 2 GB or more cannot be read")


def test_huge_text_file_is_read_whole(tmp_path):
    """100,000 lines, 90,000 of them one paragraph (paragraph numbers stop at four digits, 9999, as minute numbers
    do): joining was quadratic (timed by bench/bench_hostile.py; the timeout here only turns a hang into a failure)."""
    path = corpus.make_huge_text(tmp_path / "huge.txt")
    out = tmp_path / "r.json"
    run = lspkit("extract", path, "-o", out, timeout=120)
    assert run.status == 0, run.stderr
    got = paragraphs(out)
    assert len(got) == 9999 and len(got["9999"]) > 4_000_000


# ---------------------------------------------------------------- the corpus and its documentation


def test_corpus_regenerates_byte_for_byte(tmp_path):
    """The committed files are what the script writes (all but the two slow-to-make bombs)."""
    from pathlib import Path

    if not Path(corpus.DEJAVU).exists():
        pytest.skip("fonts-dejavu-core is not installed: the scanned-page and non-Latin files cannot be remade")
    for write in (corpus.write_not_pdfs, corpus.write_image_only, corpus.write_vector_only, corpus.write_long_page,
                  corpus.write_cyclic, corpus.write_nested, corpus.write_broken_font, corpus.write_type3_font,
                  corpus.write_scripts, corpus.write_bad_text, corpus.write_configs):
        write(tmp_path)
    good = corpus.good_pdf_bytes()
    (tmp_path / "good.pdf").write_bytes(good)
    corpus.write_truncated(tmp_path, good)
    corpus.write_corrupt_xref(tmp_path, good)
    corpus.write_encrypted(tmp_path, good)
    made = sorted(p.name for p in tmp_path.iterdir())
    for name in made:
        assert (tmp_path / name).read_bytes() == (BAD / name).read_bytes(), name
    committed = sorted(p.name for p in BAD.iterdir() if p.suffix != ".py" and not p.name.startswith("."))
    assert sorted(made + ["bomb.pdf", "image_bomb.pdf"]) == committed


def _readme_rows() -> list[str]:
    text = (ROOT / "docs" / "reference.md").read_text(encoding="utf-8")
    start = text.index("\n## Bad and hostile input")
    end = text.find("\n## ", start + 10)
    section = text[start:end if end > 0 else None]
    return [ln for ln in section.splitlines() if ln.startswith("|")]


def test_reference_table_matches():
    """Every tested input has a row in docs/reference.md with the status the test asserts."""
    rows = _readme_rows()
    assert rows, "the bad-input section of docs/reference.md has no table"
    for name, _args, status, _words in FAILURES:
        assert any(f"`{name}`" in r and re.search(rf"\|\s*{status}\s*\|", r) for r in rows), name
    for name, _args, _warning, _expected in SUCCESSES[1:]:  # [0] is the undamaged control
        assert any(f"`{name}`" in r and re.search(r"\|\s*0\s*\|", r) for r in rows), name


# ---------------------------------------------------------------- partly bad documents


def _merge(tmp_path, *names) -> str:
    import pikepdf

    out = pikepdf.new()
    for name in names:
        with pikepdf.open(BAD / name) as src:
            out.pages.extend(src.pages)
    path = tmp_path / "merged.pdf"
    out.save(path)
    return str(path)


def test_some_pages_scanned_warns_and_reads_the_rest(tmp_path):
    path = _merge(tmp_path, "good.pdf", "image_only.pdf")  # pages 4 and 5 are pictures
    out = tmp_path / "r.json"
    run = lspkit("extract", path, "-o", out, "--no-ocr")  # (read by OCR where asked: tests/test_ocr.py)
    assert run.status == 0, run.stderr
    assert f"lspkit: warning: {path}: page(s) 4, 5 are scanned images with no text layer and were not read (OCR is off)" \
        in run.stderr
    assert list(paragraphs(out)) == [str(n) for n in range(1, 13)]


def test_a_few_unmapped_glyphs_warn_and_are_left_out(tmp_path):
    path = _merge(tmp_path, "good.pdf", "good.pdf", "broken_font.pdf")  # page 7: glyph codes
    out = tmp_path / "r.json"
    run = lspkit("extract", path, "-o", out)
    assert run.status == 0, run.stderr
    assert re.search(r"warning: .*: \d+ character\(s\) on page\(s\) 7 have no Unicode mapping", run.stderr), run.stderr
    text = out.read_text(encoding="utf-8")
    assert not re.search(r"\\u00[01][0-9a-f]", text)  # no control characters in the JSON
