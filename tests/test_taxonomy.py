"""Taxonomy loading: the shipped files, and every kind of bad file with its line number."""
from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from lspkit.cli import cli
from lspkit.infra.errors import EXIT_CONFIG, ConfigError
from lspkit.nlp.taxonomy import MAX_BYTES, default_taxonomy_path, load_taxonomy, parse_taxonomy

ROOT = Path(__file__).resolve().parent.parent
BAD = ROOT / "data" / "bad"

GOOD = """\
name: mine
themes:
  housing:
    label: Housing
    description: Homes.
    terms:
      affordable housing: 3
      homelessness: 2
  transport:
    terms: [bus services, road safety]
"""


def write(tmp_path, text: str, name: str = "t.yaml") -> str:
    p = tmp_path / name
    p.write_text(text, encoding="utf-8")
    return str(p)


def problem(tmp_path, text: str) -> str:
    with pytest.raises(ConfigError) as info:
        load_taxonomy(write(tmp_path, text))
    assert info.value.path.endswith("t.yaml")
    return info.value.problem


def test_default_taxonomy_has_the_four_themes_in_order():
    t = load_taxonomy()
    assert t.names == ("role", "governance", "accountability", "capacity")
    assert t.source == "default"
    for theme in t.themes:
        assert theme.label and len(theme.description) > 80 and len(theme.terms) >= 20
    assert any(n.text == "landfill capacity" for n in t.theme("capacity").negative)
    assert len(t.fingerprint) == 64


def test_laa_blocks_taxonomy_ships_too():
    t = load_taxonomy(str(default_taxonomy_path("laa-blocks.yaml")))
    assert len(t.themes) == 4
    assert "children-young-people" in t.names


def test_fingerprint_follows_content_not_path(tmp_path):
    a = load_taxonomy(write(tmp_path, GOOD, "a.yaml"))
    b = load_taxonomy(write(tmp_path, GOOD, "b.yaml"))
    c = load_taxonomy(write(tmp_path, GOOD.replace("homelessness: 2", "homelessness: 2.5"), "c.yaml"))
    assert a.fingerprint == b.fingerprint != c.fingerprint
    assert a.source.endswith("a.yaml")


def test_list_form_and_list_of_terms(tmp_path):
    t = load_taxonomy(write(tmp_path, "themes:\n  - id: housing\n    keywords: [homes, housing need]\n"))
    assert t.names == ("housing",)
    assert [x.weight for x in t.themes[0].terms] == [1.0, 1.0]


@pytest.mark.parametrize(
    "text, expected",
    [
        (GOOD.replace("    label: Housing\n", "    label: Housing\n    weight: 3\n"), "line 5: theme 'housing': unknown key 'weight'"),
        (GOOD.replace("name: mine\n", "name: mine\nflavour: x\n"), "line 2: taxonomy: unknown key 'flavour'"),
        (GOOD.replace("homelessness: 2", "homelessness: lots"), "line 8: theme 'housing': weight of 'homelessness' must be a number"),
        (GOOD.replace("    label: Housing", "    label: [Housing]"), "line 4: theme 'housing': label must be a string, not a list"),
        (GOOD.replace("homelessness: 2", "Affordable Housing: 2"), "line 8: theme 'housing': duplicate term 'Affordable Housing'"),
        (GOOD.replace("homelessness: 2", "affordable housings: 2"), "duplicate term 'affordable housings' (same as 'affordable housing'"),
        (GOOD + "  empty:\n", "line 11: theme 'empty' is empty"),
        (GOOD + "  empty:\n    label: Nothing\n", "line 11: theme 'empty' has no 'terms'"),
        (GOOD + "  empty:\n    terms: {}\n", "theme 'empty' has no terms"),
        ("themes: {}\n", "taxonomy has no themes"),
        ("name: x\n", "taxonomy has no 'themes'"),
        ("themes:\n  Bad Name:\n    terms: [x]\n", "line 2: theme name 'Bad Name'"),
        ("themes:\n  a:\n    terms: [x]\n  a:\n    terms: [y]\n", "line 4: themes: duplicate key 'a'"),
        ("themes:\n  a:\n    terms: {x: 0}\n", "line 3: theme 'a': weight of 'x' must be between"),
        ("scoring:\n  min_score: 2\nthemes:\n  a:\n    terms: [x]\n", "line 2: scoring: min_score must be between 0 and 1"),
        ("themes:\n  a:\n    terms: [x]\n    negative: [x]\n", "'x' is both a term and a negative term"),
        ("themes: !!python/object/apply:os.system ['true']\n", "line 1: tag !!python/object/apply:os.system is not allowed"),
        ("themes:\n  a: &x\n    terms: [x]\n  b: *x\n", "line 4: YAML aliases (*x) are not allowed"),
        ("themes: [unclosed\n", "invalid YAML"),
        ("", "empty taxonomy"),
    ],
)
def test_errors_name_line_and_problem(tmp_path, text, expected):
    assert expected in problem(tmp_path, text)


def test_python_tag_is_never_executed(tmp_path):
    marker = tmp_path / "pwned"
    text = f"themes: !!python/object/apply:os.system ['touch {marker}']\n"
    with pytest.raises(ConfigError):
        load_taxonomy(write(tmp_path, text))
    assert not marker.exists()


def test_billion_laughs_is_refused_quickly():
    with pytest.raises(ConfigError, match="aliases"):
        load_taxonomy(str(BAD / "billion_laughs.yaml"))


def test_huge_file_refused_before_reading(tmp_path):
    p = tmp_path / "huge.yaml"
    with open(p, "wb") as fh:
        fh.truncate(MAX_BYTES + 1)  # sparse: costs no disk
    with pytest.raises(ConfigError, match="refusing files over 5 MB"):
        load_taxonomy(str(p))


def test_missing_directory_and_binary(tmp_path):
    with pytest.raises(ConfigError, match="no such taxonomy file"):
        load_taxonomy(str(tmp_path / "nope.yaml"))
    with pytest.raises(ConfigError, match="is a directory"):
        load_taxonomy(str(tmp_path))
    (tmp_path / "bin.yaml").write_bytes(b"themes:\n  a: \xff\xfe\n")
    with pytest.raises(ConfigError, match="not UTF-8"):
        load_taxonomy(str(tmp_path / "bin.yaml"))


def test_parse_taxonomy_from_text():
    t = parse_taxonomy(GOOD, "<string>")
    assert t.names == ("housing", "transport") and t.source == "<string>"


def test_themes_command_shows_and_validates(tmp_path):
    runner = CliRunner()
    r = runner.invoke(cli, ["themes"])
    assert r.exit_code == 0, r.output
    assert "governance" in r.output and "partnership of partnerships" in r.output
    r = runner.invoke(cli, ["themes", "--format", "yaml"])
    assert r.exit_code == 0 and "landfill capacity" in r.output
    r = runner.invoke(cli, ["themes", "--format", "json", "--themes", write(tmp_path, GOOD)])
    assert r.exit_code == 0 and '"housing"' in r.output
    bad = write(tmp_path, GOOD.replace("homelessness: 2", "homelessness: [2]"), "bad.yaml")
    r = runner.invoke(cli, ["themes", "--themes", bad])
    assert r.exit_code == EXIT_CONFIG
    assert f"lspkit: {bad}: line 8: theme 'housing': weight of 'homelessness' must be a number" in r.output
    assert "Traceback" not in r.output


@pytest.mark.parametrize("name", ["billion_laughs.yaml", "python_tag.yaml", "binary.yaml", "tabs.yaml", "malformed.yaml", "empty.yaml", "not_a_mapping.yaml", "wrong_types.yaml"])
def test_bad_corpus_yaml_is_exit_6(name):
    if not (BAD / name).exists():
        pytest.skip(f"{name} not generated")
    r = CliRunner().invoke(cli, ["themes", "--themes", str(BAD / name)])
    assert r.exit_code == EXIT_CONFIG, r.output
    assert r.output.startswith(f"lspkit: {BAD / name}: ")


def test_yaml_output_loads_back_with_the_same_fingerprint(tmp_path):
    r = CliRunner().invoke(cli, ["themes", "--format", "yaml"])
    assert r.exit_code == 0
    again = load_taxonomy(write(tmp_path, r.stdout, "again.yaml"))
    assert again.fingerprint == load_taxonomy().fingerprint
