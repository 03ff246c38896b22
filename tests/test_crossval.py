"""Cross-validation by document, the shipped model, training a council's own themes, evidence for every tag."""
from __future__ import annotations

import configparser
import json
import random
from pathlib import Path

import pytest
from click.testing import CliRunner

import lspkit
from lspkit.cli import cli
from lspkit.infra.errors import ConfigError
from lspkit.nlp.crossval import best_threshold, cohen_kappa, cross_validate, document_folds
from lspkit.api import load_gold
from lspkit.nlp.evaluate import GoldItem
from lspkit.nlp.pipeline import SHIPPED_MODEL, resolve_model, shipped_model_dir
from lspkit.nlp.tagger import Tagger, get_tagger
from lspkit.nlp.taxonomy import load_taxonomy, parse_taxonomy

ROOT = Path(__file__).resolve().parent.parent
REAL = ROOT / "data" / "labels" / "real"


def real_slice(tmp_path, docs: int = 4, per_doc: int = 12) -> Path:
    """The first `per_doc` paragraphs of `docs` documents of the real corpus."""
    rows = [json.loads(x) for x in (REAL / "gold.jsonl").read_text().splitlines() if x.strip()]
    keep: dict[str, list] = {}
    for r in rows:
        if r["doc"] in keep or len(keep) < docs:
            keep.setdefault(r["doc"], [])
            if len(keep[r["doc"]]) < per_doc:
                keep[r["doc"]].append(r)
    p = tmp_path / "slice.jsonl"
    p.write_text("".join(json.dumps(r) + "\n" for rs in keep.values() for r in rs))
    return p


# ---------------------------------------------------------------- folds


def test_folds_never_share_a_document():
    items = load_gold(str(REAL / "gold.jsonl"), load_taxonomy())
    folds = document_folds(items, 5, seed=0)
    assert sorted(i for f in folds for i in f) == list(range(len(items)))
    docs = [{items[i].group for i in f} for f in folds]
    for a in range(len(docs)):
        for b in range(a + 1, len(docs)):
            assert not docs[a] & docs[b]
    sizes = [len(f) for f in folds]
    assert max(sizes) - min(sizes) <= 40  # whole documents, dealt largest first


def test_a_document_signature_does_not_leak_into_the_score():
    """Every paragraph of a document carries a word unique to it, and the labels are per document.

    Paragraph-level folds would learn the word and score near 1; folds by document
    cannot, because the word never occurs in training.  The test fails if folds split documents.
    """
    rng = random.Random(3)
    filler = "the council met and the report was noted by members present at the meeting".split()
    items = []
    for d in range(8):
        themes = frozenset({"governance"}) if d % 2 else frozenset()
        for p in range(10):
            words = rng.sample(filler, 8) + [f"zq{d}sig", f"zq{d}sig"]
            items.append(GoldItem(f"d{d}#{p}", f"doc{d}", " ".join(words), themes, None, f"pub{d % 3}"))
    tax = load_taxonomy()
    cv = cross_validate(items, tax, 4, seed=0)
    gov = next(t for t in cv.system("model").report.themes if t.theme == "governance")
    assert gov.f1 < 0.8, gov  # a leak would give ~1.0


def test_k_must_fit_the_documents():
    items = [GoldItem(f"{d}#{i}", f"doc{d}", "x", frozenset()) for d in range(3) for i in range(5)]
    with pytest.raises(ConfigError, match="2 <= K <= 3"):
        document_folds(items, 4)


def test_threshold_and_kappa_arithmetic():
    t, f = best_threshold([True, True, False, False], [0.9, 0.6, 0.5, 0.1])
    assert 0.5 < t <= 0.6 and f == 1.0
    assert cohen_kappa([True, False, True, False], [True, False, True, False]) == 1.0
    assert abs(cohen_kappa([True, True, False, False], [True, False, True, False])) < 1e-9


def test_eval_cross_validate_on_a_slice(tmp_path):
    gold = real_slice(tmp_path)
    r = CliRunner().invoke(
        cli,
        ["eval", str(gold), "--cross-validate", "2", "--by", "publisher", "--agreement",
         str(REAL / "annotator-a.jsonl"), str(REAL / "annotator-b.jsonl"), "--format", "json"],
    )
    assert r.exit_code == 0, r.output
    d = json.loads(r.stdout)
    assert d["cross_validation"]["by"] == "document" and d["documents"] == 4
    assert [s["name"] for s in d["systems"]] == ["blend", "model", "lexicon", "keywords"]
    for s in d["systems"]:
        assert {t["theme"] for t in s["themes"]} == {"role", "governance", "accountability", "capacity"}
        for t in s["themes"]:
            lo, hi = t["f1_ci"]
            assert 0.0 <= lo <= hi <= 1.0
        assert len(s["folds"]) == 2
    kw = d["systems"][3]["folds"][0]["keywords"]
    assert all(len(v) <= 15 for v in kw.values())
    assert d["agreement"]["themes"][0]["kappa"] <= 1.0
    assert sum(p["paragraphs"] for p in d["by_publisher"]) == d["paragraphs"]
    folds = [set(f) for f in d["folds"]]
    assert not folds[0] & folds[1]
    table = CliRunner().invoke(cli, ["eval", str(gold), "--cross-validate", "2"])
    assert table.exit_code == 0 and "keywords" in table.stdout and "macro" in table.stdout


def test_by_and_agreement_need_cross_validation(tmp_path):
    r = CliRunner().invoke(cli, ["eval", str(real_slice(tmp_path)), "--by", "publisher"])
    assert r.exit_code != 0 and "--cross-validate" in r.output


# ---------------------------------------------------------------- the shipped model


def test_shipped_model_is_in_the_package_and_is_the_default():
    path = shipped_model_dir()
    assert (path / "lspkit-model.json").is_file()
    assert Path(lspkit.__file__).resolve().parent in path.resolve().parents
    name, model = resolve_model(load_taxonomy(), None)
    assert name == SHIPPED_MODEL and set(model.labels) == set(load_taxonomy().names)
    assert get_tagger().model == SHIPPED_MODEL
    assert Tagger(load_taxonomy(), "none").model is None
    cfg = configparser.ConfigParser()
    cfg.read(ROOT / "setup.cfg")
    assert "models/themes/*.json" in cfg["options.package_data"]["lspkit"]  # `pip install .` ships it


def test_laa_blocks_taxonomy_keeps_its_own_lexicon():
    laa = load_taxonomy(str(ROOT / "lspkit" / "configs" / "laa-blocks.yaml"))
    tagger = get_tagger(laa)
    assert tagger.model is None
    tags = tagger.tag_texts([("1", "The Children and Young People block covers early years and youth services.")])
    assert set(tags[0].scores) == set(laa.names)


def test_every_tag_has_evidence_inside_its_paragraph():
    rows = [json.loads(x) for x in (REAL / "gold.jsonl").read_text().splitlines()[:300]]
    tagger = get_tagger()
    tags = tagger.tag_texts([(r["id"], r["text"]) for r in rows])
    tagged = 0
    for r, t in zip(rows, tags):
        for h in t.themes:
            tagged += 1
            assert h.evidence, (r["id"], h.theme)
            assert any(e.weight > 0 for e in h.evidence)
            for e in h.evidence:
                assert r["text"][e.start : e.end] == e.text
    assert tagged > 50
    vias = {e.via for t in tags for h in t.themes for e in h.evidence}
    assert "model" in vias and None in vias  # the model's words and the lexicon's phrases


def test_explain_shows_model_words():
    r = CliRunner().invoke(cli, ["tag", str(ROOT / "data" / "head-of-policy-report.txt"), "--explain", "-f", "jsonl"])
    assert r.exit_code == 0, r.output
    recs = [json.loads(x) for x in r.stdout.splitlines()]
    assert any(e["via"] == "model" for rec in recs for ev in rec["evidence"].values() for e in ev)
    for rec in recs:
        for theme in rec["themes"]:
            assert rec["evidence"][theme]


# ---------------------------------------------------------------- a council's own themes

OWN = """\
name: my-council
themes:
  housing:
    label: Housing
    terms: {homelessness: 2, affordable homes: 3}
  climate:
    label: Climate
    terms: {net zero: 3, carbon: 2}
"""


def own_labels(tmp_path) -> Path:
    rng = random.Random(0)
    housing = ["homeless families in temporary accommodation", "affordable homes for rent", "the housing waiting list grew",
               "rough sleeping rose", "new council homes were let"]
    climate = ["carbon emissions from the fleet", "the net zero target for 2030", "heat pumps in schools",
               "tree planting absorbs carbon", "electric buses cut emissions"]
    other = ["the minutes were agreed", "apologies were received", "the meeting closed at nine"]
    rows = []
    for d in range(6):
        for i in range(8):
            kind = rng.choice(["h", "c", "o"])
            text = rng.choice({"h": housing, "c": climate, "o": other}[kind]) + f" (item {d}.{i})."
            rows.append({"id": f"doc{d}#{i}", "doc": f"doc{d}", "text": text,
                         "themes": {"h": ["housing"], "c": ["climate"], "o": []}[kind]})
    p = tmp_path / "labels.jsonl"
    p.write_text("".join(json.dumps(r) + "\n" for r in rows))
    return p


def test_train_own_themes_then_tag_with_the_model(tmp_path):
    themes = tmp_path / "my.yaml"
    themes.write_text(OWN)
    labels = own_labels(tmp_path)
    out = tmp_path / "model"
    r = CliRunner().invoke(cli, ["train", str(labels), "--themes", str(themes), "-o", str(out)])
    assert r.exit_code == 0, r.output
    saved = json.loads((out / "lspkit-model.json").read_text())
    assert saved["labels"] == ["housing", "climate"] and saved["taxonomy"] == "my-council"
    paper = tmp_path / "paper.txt"
    paper.write_text("1. Homeless families in temporary accommodation need affordable homes.\n\n"
                     "2. Electric buses cut carbon emissions.\n\n3. The meeting closed at nine.\n")
    r = CliRunner().invoke(cli, ["tag", str(paper), "--themes", str(themes), "--model", str(out), "--explain", "-f", "jsonl"])
    assert r.exit_code == 0, r.output
    recs = {json.loads(x)["number"]: json.loads(x) for x in r.stdout.splitlines()}
    assert list(recs["1"]["themes"]) == ["housing"] and list(recs["2"]["themes"]) == ["climate"]
    assert not recs["3"]["themes"]
    assert recs["1"]["evidence"]["housing"]
    # same labels, same seed: the same file
    out2 = tmp_path / "model2"
    CliRunner().invoke(cli, ["train", str(labels), "--themes", str(themes), "-o", str(out2)])
    assert (out2 / "lspkit-model.json").read_text() == (out / "lspkit-model.json").read_text()
    # a model for other themes is refused by the default taxonomy
    r = CliRunner().invoke(cli, ["tag", str(paper), "--model", str(out)])
    assert r.exit_code == 6 and "trained for themes" in r.output


def test_model_files_are_checked(tmp_path):
    (tmp_path / "lspkit-model.json").write_text('{"format": "something-else"}')
    with pytest.raises(ConfigError, match="not an lspkit model"):
        resolve_model(load_taxonomy(), str(tmp_path))
    with pytest.raises(ConfigError, match="not a trained model"):
        resolve_model(parse_taxonomy(OWN), str(tmp_path / "missing"))


# ---------------------------------------------------------------- the document's context


def test_context_shares_and_features():
    from lspkit.nlp.linear import context_features, context_shares, describe_context

    lex = [[0.9, 0.0], [0.5, 0.2], [0.1, 0.6], [0.0, 0.0]]
    assert context_shares(lex, 2) == [0.5, 0.25]
    assert context_shares([], 2) == [0.0, 0.0]
    feats = context_features(("role", "governance"), [0.5, 0.25])
    assert sorted(feats) == ["@doc:governance>0.1", "@doc:governance>0.2", "@doc:role>0.1", "@doc:role>0.2", "@doc:role>0.3"]
    assert set(feats.values()) == {(0, 0)}
    assert describe_context("@doc:governance>0.2") == "document: governance in over 20% of its paragraphs"


def test_a_paragraph_is_read_in_its_document():
    """The shipped model weighs the document's context: clauses of standing orders tagged together score higher
    for governance than each clause tagged alone, and the context is named in the evidence."""
    rows = [json.loads(x) for x in (REAL / "paragraphs.jsonl").read_text().splitlines() if x.strip()]
    rows = [r for r in rows if r["doc"] == "wyevalley-cc-standing-orders"]
    assert len(rows) >= 20
    tagger = get_tagger()
    assert tagger.nlp.get_pipe("lsp_themes").model.uses_context
    together = tagger.tag_texts([(r["id"], r["text"]) for r in rows], min_score=0.0)
    alone = [tagger.tag_texts([(r["id"], r["text"])], min_score=0.0)[0] for r in rows]
    higher = sum(t.scores["governance"] > a.scores["governance"] for t, a in zip(together, alone))
    assert higher > len(rows) * 0.8
    context = [e for t in together for h in t.themes for e in h.evidence if e.via == "model:document"]
    assert context and all(e.term.startswith("document: ") and (e.start, e.end, e.text) == (0, 0, "") for e in context)
    # the same paragraphs through nlp.pipe (no Tagger): each is its own document, as when tagged alone
    direct = [tagger.nlp(r["text"]).cats["governance"] for r in rows[:5]]
    assert direct == [a.scores["governance"] for a in alone[:5]]


def test_context_comes_from_the_text_not_the_labels(tmp_path):
    """with_context reads the document's lexicon scores; relabelling the paragraphs does not change a feature."""
    from lspkit.nlp.crossval import lexicon_scores, with_context
    from lspkit.nlp.linear import text_features

    taxonomy = load_taxonomy()
    items = load_gold(str(real_slice(tmp_path)), taxonomy)
    groups = [it.group for it in items]
    relabelled = [GoldItem(it.key, it.group, it.text, frozenset(), it.heading, it.publisher) for it in items]
    a = with_context(text_features(it.text for it in items), lexicon_scores(items, taxonomy), groups, taxonomy.names)
    b = with_context(text_features(it.text for it in relabelled), lexicon_scores(relabelled, taxonomy), groups, taxonomy.names)
    assert a == b
    assert any(f.startswith("@doc:") for fs in a for f in fs)
