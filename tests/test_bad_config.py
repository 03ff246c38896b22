"""Broken and hostile taxonomy YAML: exit 6 with FILE, line and problem; never code execution, a hang,
a traceback or an output file.  Inputs are data/bad/*.yaml (made by data/bad/make_bad_inputs.py)."""
from __future__ import annotations

import pytest

from hostile_util import BAD, assert_clean_failure, load_corpus, lspkit
from lspkit.infra import errors

corpus = load_corpus()

# file, words in the message (after "lspkit: FILE: ")
CASES = [
    ("malformed.yaml", "line 4: invalid YAML"),
    ("tabs.yaml", "line 2: invalid YAML"),
    ("wrong_types.yaml", "line 4: theme 'governance': terms must be"),
    ("not_a_mapping.yaml", "line 1: taxonomy must be a mapping"),
    ("unknown_key.yaml", "line 5: theme: unknown key 'keywrods'"),
    ("python_tag.yaml", "line 1: tag !!python/object/apply:os.system is not allowed"),
    ("billion_laughs.yaml", "line 2: YAML aliases (*a) are not allowed"),
    ("deep_flow.yaml", "line 1: nested more than 64 levels deep"),
    ("empty.yaml", "empty taxonomy"),
    ("binary.yaml", "not UTF-8 text"),
]


@pytest.mark.parametrize("name,words", CASES, ids=[c[0] for c in CASES])
def test_bad_taxonomy_is_refused_by_themes(tmp_path, name, words):
    path = f"data/bad/{name}"
    run = lspkit("themes", "--themes", path, "-o", tmp_path / "themes.txt", timeout=30)
    assert_clean_failure(run, path, errors.EXIT_CONFIG, words, tmp_path)


@pytest.mark.parametrize("name,words", CASES[:6], ids=[c[0] for c in CASES[:6]])
def test_bad_taxonomy_is_refused_by_tag_before_any_work(tmp_path, name, words):
    path = f"data/bad/{name}"
    run = lspkit("tag", "data/bad/good.pdf", "--themes", path, "-f", "json", "-o", tmp_path / "tags.json", timeout=60)
    assert_clean_failure(run, path, errors.EXIT_CONFIG, words, tmp_path)


def test_bad_taxonomy_stops_a_batch_before_any_file(tmp_path):
    """In batch mode every failure of the run itself is status 2 (like diff); nothing is written."""
    path = "data/bad/python_tag.yaml"
    out = tmp_path / "tags.jsonl"
    run = lspkit("tag", "data/bad/good.pdf", "data/bad/non_latin.txt", "--themes", path, "-o", out,
                 "--no-cache", "-j", "1", timeout=60)
    assert_clean_failure(run, path, errors.EXIT_USAGE, "tag !!python/object/apply:os.system is not allowed", tmp_path)


def test_good_taxonomy_is_accepted():
    run = lspkit("themes", "--themes", "data/bad/good_taxonomy.yaml", "-f", "json")
    assert run.status == 0, run.stderr
    assert "governance" in run.stdout and "community" in run.stdout


def test_python_tag_never_runs(tmp_path):
    """The tag would run `touch`: the file must not appear, whatever the loader."""
    marker = tmp_path / "pwned"
    evil = tmp_path / "evil.yaml"
    evil.write_text(f"themes: !!python/object/apply:os.system ['touch {marker}']\n", encoding="utf-8")
    run = lspkit("themes", "--themes", evil)
    assert run.status == errors.EXIT_CONFIG
    assert not marker.exists()


def test_fifty_megabyte_yaml_refused_before_parsing(tmp_path):
    big = corpus.make_big_yaml(tmp_path / "big.yaml")
    assert big.stat().st_size >= 50 * 1024 * 1024
    run = lspkit("themes", "--themes", big, timeout=30)
    assert_clean_failure(run, big, errors.EXIT_CONFIG, "refusing files over")  # time and memory: bench/bench_hostile.py


def test_deep_block_nesting_is_a_config_error_not_a_recursion_crash(tmp_path):
    deep = corpus.make_deep_yaml(tmp_path / "deep.yaml")
    run = lspkit("themes", "--themes", deep, timeout=30)
    assert_clean_failure(run, deep, errors.EXIT_CONFIG, "nested more than 64 levels deep")


def test_missing_taxonomy(tmp_path):
    run = lspkit("themes", "--themes", tmp_path / "nope.yaml")
    assert_clean_failure(run, tmp_path / "nope.yaml", errors.EXIT_CONFIG, "no such taxonomy file")


def test_verbose_shows_the_traceback():
    run = lspkit("--verbose", "themes", "--themes", "data/bad/malformed.yaml")
    assert run.status == errors.EXIT_CONFIG
    assert "Traceback" in run.stderr


def test_corpus_configs_regenerate(tmp_path):
    corpus.write_configs(tmp_path)
    for p in tmp_path.iterdir():
        assert p.read_bytes() == (BAD / p.name).read_bytes(), p.name


def test_reference_table_lists_every_case():
    text = (BAD.parent.parent / "docs" / "reference.md").read_text(encoding="utf-8")
    section = text[text.index("\n## Bad and hostile input"):]
    rows = [ln for ln in section.splitlines() if ln.startswith("|")]
    for name, words in CASES:
        assert any(f"`{name}`" in r and r.rstrip().endswith("| 6 |") and words.split(": ")[-1][:20] in r for r in rows), name


# ---------------------------------------------------------------- fuzzing the loader

from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from lspkit.infra.errors import ConfigError  # noqa: E402
from lspkit.nlp.taxonomy import parse_taxonomy  # noqa: E402

_scalar = st.one_of(st.none(), st.booleans(), st.integers(-5, 10**6), st.floats(allow_nan=True), st.text(max_size=12))
_data = st.recursive(_scalar, lambda inner: st.one_of(
    st.lists(inner, max_size=4),
    st.dictionaries(st.one_of(st.sampled_from(["themes", "terms", "keywords", "negative", "label", "scoring",
                                               "acronyms", "name", "min_score", "colour", "headings"]),
                              st.text(max_size=6)), inner, max_size=4)), max_leaves=20)


@settings(max_examples=150, deadline=None)
@given(st.text(max_size=200))
def test_any_text_is_a_taxonomy_or_a_config_error(text):
    try:
        parse_taxonomy(text, "fuzz.yaml")
    except ConfigError as exc:
        assert exc.path == "fuzz.yaml" and exc.problem


@settings(max_examples=150, deadline=None)
@given(_data)
def test_any_yaml_data_is_a_taxonomy_or_a_config_error(data):
    import yaml

    text = yaml.safe_dump({"themes": data} if not isinstance(data, dict) else data, allow_unicode=True)
    try:
        parse_taxonomy(text, "fuzz.yaml")
    except ConfigError as exc:
        assert exc.problem
