"""The tagger's fast paths give what the plain ways give, on the labelled real paragraphs.

Each shortcut taken for speed (issue 16) is checked against the straightforward
computation it replaces: stems as the vocabulary's NORM against `stem` itself,
features keyed by string id against features built from strings, the model
scored by ids against scored by strings, one acronym scan per paragraph against
scanning again, extension values written to user_data against `doc._`.  The
whole-output check over every fixture and real paper is bench/tag_identity.py.
"""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from lspkit.nlp import docdata
from lspkit.nlp.acronyms import (
    TAGGER_SPANS,
    AcronymComponent,
    find_acronyms,
    find_definitions,
    find_uses,
    scan,
)
from lspkit.nlp.linear import doc_feature_ids, doc_features
from lspkit.nlp.matching import stem
from lspkit.nlp.tagger import get_tagger

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def texts() -> list[str]:
    rows = [json.loads(line) for line in (ROOT / "data" / "labels" / "real" / "paragraphs.jsonl").read_text().splitlines() if line.strip()]
    return [r["text"] for r in rows[::3]]  # every third: all publishers, a few seconds


@pytest.fixture(scope="module")
def tagger():
    return get_tagger()


def reference_features(doc) -> dict[str, tuple[int, int]]:
    """The features as the model's docstring defines them, token by token from `stem` and strings."""
    out: dict[str, tuple[int, int]] = {}
    prev = None
    for tok in doc:
        if not tok.is_alpha or len(tok) < 2:
            prev = None
            continue
        word = tok.norm_
        end = tok.idx + len(tok)
        if not tok.is_stop and word not in out:
            out[word] = (tok.idx, end)
        if prev is not None and not (prev[1] and tok.is_stop):
            out.setdefault(f"{prev[0]} {word}", (prev[2], end))
        prev = (word, tok.is_stop, tok.idx)
    return out


def test_every_word_gets_its_stem_as_norm_from_the_vocabulary(tagger, texts):
    nlp = tagger.nlp
    seen = 0
    for doc in nlp.pipe(texts[:100]):
        for tok in doc:
            assert nlp.vocab[tok.orth].norm_ == stem(tok.text), tok.text
            seen += 1
    assert seen > 1000
    # a word first seen now, after the pipeline was built, too
    assert nlp.make_doc("Overscrutinisingly")[0].norm_ == stem("Overscrutinisingly")


def test_features_by_id_are_the_string_features(tagger, texts):
    for doc in tagger.nlp.pipe(texts):
        ids = doc_feature_ids(doc)
        strings = doc_features(doc)
        assert len(ids) == len(strings)
        assert strings == reference_features(doc)
        assert list(strings.values()) == list(ids.values())


def test_model_scores_by_id_exactly_as_by_string(tagger, texts):
    model = tagger.nlp.get_pipe("lsp_themes").model
    assert model is not None, "the shipped model scores the default taxonomy"
    known_words = 0
    for doc in tagger.nlp.pipe(texts):
        by_string, known_s = model.score(doc_features(doc))
        by_id, known_i = model.score(doc_feature_ids(doc), by_id=True)
        assert by_id == by_string  # exactly: same features, same order of additions
        assert [ws for _f, ws in known_i] == [ws for _f, ws in known_s]
        known_words += len(known_i)
        # the tagger's path: the features looked up as they are found, the unknown ones never built
        ids = doc_feature_ids(doc)
        for context in (None, model.document_context([0.3, 0.15, 0.6, 0.0])):
            probs, known_d, n, offsets = model.score_doc(doc, context=context)
            assert (probs, known_d) == model.score(ids, by_id=True, context=context)
            assert n == len(ids) and offsets == {f: ids[f] for f, _ws in known_d}
            for label in model.labels:
                assert model.contributions(offsets, label, known=known_d, context=context, n_features=n) == model.contributions(
                    ids, label, known=known_i, context=context
                )
    assert known_words > 1000


def test_symbol_words_are_found_by_id():
    """spaCy gives some strings ("number", "left") a symbol's small id, not a hash; the model must too."""
    from lspkit.nlp.linear import LinearModel
    from lspkit.nlp.pipeline import stemmed_blank

    model = LinearModel(("a",), [0.0], {"number": [2.0], "number of": [1.0], "plan": [0.5]})
    doc = stemmed_blank()("The number of plans")
    assert model.score(doc_features(doc))[0] == model.score(doc_feature_ids(doc), by_id=True)[0]
    assert len(model.score(doc_feature_ids(doc), by_id=True)[1]) == 3


def test_one_scan_serves_glossary_and_component(tagger, texts):
    pairs = [(str(i), t) for i, t in enumerate(texts)]
    scans = [scan(t) for t in texts]
    for t, s in zip(texts, scans):
        assert s.uses == tuple(find_uses(t)) and s.definitions == tuple(find_definitions(t))
    assert find_acronyms(pairs, scans=scans) == find_acronyms(pairs)
    component = AcronymComponent()
    for t, s in zip(texts[:60], scans):
        given = tagger.nlp.make_doc(t)
        given.user_data["lsp_acronym_scan"] = s
        fresh = tagger.nlp.make_doc(t)
        component(given)
        component(fresh)
        # the tagger's doc: the same spans as tuples for the scorer (TAGGER_SPANS), no span group (nothing when there is nothing to mark)
        uses, defs = given.user_data.get(TAGGER_SPANS, ([], set()))
        assert not given.spans
        assert uses == [(sp.start, sp.end, sp.label_) for sp in fresh.spans["acronyms"]]
        assert defs == {(sp.start, sp.end) for sp in fresh.spans["acronyms_definitions"]}


def test_docdata_is_where_spacy_keeps_extensions(tagger):
    doc = tagger.nlp("The Local Area Agreement (LAA) is scrutinised by members.")
    assert docdata.get(doc, "theme_hits") is doc._.theme_hits
    assert docdata.get(doc, "acronyms") is doc._.acronyms
    docdata.put(doc, "lsp_heading", "GOVERNANCE")
    assert doc._.lsp_heading == "GOVERNANCE"


def test_initials_found_anywhere_in_a_long_document():
    """The capitalised-word index finds the first run spelling an acronym, wherever it is."""
    filler = [(str(i), "Nothing to see in this paragraph at all.") for i in range(200)]
    paras = filler + [("x", "The Office of the Deputy Prime Minister wrote."), ("y", "The ODPM replied; the Other Deputy Person Matters.")]
    g = find_acronyms(paras)
    assert g.get("ODPM").long == "Office of the Deputy Prime Minister" and g.get("ODPM").how == "initials"
    assert g.get("ODPM").first == "x"


def test_evidence_and_hits_made_without_init_are_the_dataclasses(tagger, texts):
    """themes._evidence/_hit fill the instance's __dict__ instead of the frozen __init__: the same objects."""
    import pickle

    from lspkit.nlp import themes

    assert themes._FAST  # the fields are those the fast path fills; if they change it falls back to __init__
    for args in (("local area agreement", 3, 23, 1.5, "local area agreement"), ("", 0, 0, -0.25, "document: x", "model:document")):
        fast, plain = themes._evidence(*args), themes.Evidence(*args)
        assert fast == plain and hash(fast) == hash(plain) and repr(fast) == repr(plain)
        assert pickle.loads(pickle.dumps(fast)) == plain and fast.to_dict() == plain.to_dict()
        with pytest.raises(AttributeError):
            fast.weight = 0.0  # still frozen
    hit = themes._hit("governance", 0.75, (themes._evidence(*args),), 0.1)
    assert hit == themes.ThemeHit("governance", 0.75, (themes.Evidence(*args),), 0.1)
    assert hit.to_dict() == themes.ThemeHit("governance", 0.75, (themes.Evidence(*args),), 0.1).to_dict()
    # and what the scorer makes is what __init__ makes, field by field, on real paragraphs
    for tags in tagger.tag_texts([(str(i), t) for i, t in enumerate(texts[:40])]):
        for h in tags.themes:
            assert h == themes.ThemeHit(h.theme, h.score, tuple(themes.Evidence(*e.__dict__.values()) for e in h.evidence), h.prior)


def test_rules_found_token_by_token_as_before(texts):
    """rules._doc_matches (tried at the words each rule may start at, skipping the rest) against the plain
    loop it replaced: every word's rule bits, each tried in turn at every token."""
    from spacy.attrs import IDX, LOWER

    from lspkit.nlp import rules
    from lspkit.nlp.linear import feature_docs

    def plain(doc, text):
        low = text.lower()
        if len(low) != len(text):
            return rules.search_all(text)
        found, done, lines = {}, 0, 0
        for key, idx in doc.to_array([LOWER, IDX]).tolist():
            m = rules._word_mask(doc.vocab.strings[key])
            lines |= m & rules._LINE_RULES
            m &= ~rules._LINE_RULES & ~done
            for i in range(len(rules._COMPILED)):
                if m >> i & 1:
                    hit = rules._COMPILED[i][1].match(low, idx)
                    if hit is not None:
                        found[i], done = hit.span(), done | 1 << i
        for i in range(len(rules._COMPILED)):
            if lines >> i & 1 and (hit := rules._COMPILED[i][1].search(low)) is not None:
                found[i] = hit.span()
        return {rules._COMPILED[i][0]: found[i] for i in sorted(found)}

    docs = list(feature_docs(texts))
    assert sum(bool(rules._doc_matches(d, t)) for d, t in zip(docs, texts)) > len(texts) // 2
    for doc, text in zip(docs, texts):
        assert rules._doc_matches(doc, text) == plain(doc, text), text



def test_contributions_in_the_order_of_weight_then_start(tagger, texts):
    """LinearModel.contributions' two stable sorts on C keys give the order of one sort on (-weight, start)."""
    import math

    from lspkit.nlp.linear import _is_rule

    model = tagger.nlp.get_pipe("lsp_themes").model
    context = model.document_context([0.3, 0.15, 0.6, 0.0])
    ties = 0
    for doc in tagger.nlp.pipe(texts):
        probs, known, n, offsets = model.score_doc(doc, context=context)
        for label in model.labels:
            j = model.labels.index(label)
            v, scale = model.rule_value, 1.0 / math.sqrt(n + len(context.features))
            found = [(f, ws[j] * (v if v and _is_rule(f) else scale), *offsets[f]) for f, ws in known if ws[j] > 0]
            found.extend((f, ws[j] * scale, 0, 0) for f, ws in context.known if ws[j] > 0)
            ties += len({w for _f, w, _a, _b in found}) < len(found)
            for top in (5, 100):
                assert model.contributions(offsets, label, top=top, known=known, context=context, n_features=n) == sorted(
                    found, key=lambda x: (-x[1], x[2])
                )[:top]
    assert ties  # equal weights (a word and its pair) do occur: their order is by start


def test_words_of_a_whole_document_as_paragraph_by_paragraph(tagger, texts):
    """LinearModel.walk_docs (the model's words found with numpy over many paragraphs' tokens at once) gives each
    paragraph the features, order, offsets and so the scores of score_doc; in documents of 1 to 40 paragraphs,
    with empty and wordless paragraphs among them."""
    from lspkit.nlp.linear import token_array

    model = tagger.nlp.get_pipe("lsp_themes").model
    extra = ["", "   ", "12 34", "a", "The the of", "council council council", "Council's role, role and roles"]
    docs = [tagger.nlp.make_doc(t) for t in extra + texts]
    from lspkit.nlp.rules import _doc_matches

    context = model.document_context([0.3, 0.15, 0.6, 0.0])
    found = [_doc_matches(d, d.text) for d in docs]  # the guide rules join the words (the shipped model has them)
    plain = [model.score_doc(d, context=context, rules=r) for d, r in zip(docs, found)]
    assert sum(len(known) for _p, known, _n, _o in plain) > 1000 and model.uses_rules and sum(map(bool, found)) > 100
    i = step = 0
    while i < len(docs):
        step = step % 40 + 1
        part = docs[i : i + step]
        for doc, walk, before in zip(part, model.walk_docs([token_array(d) for d in part], tagger.nlp.vocab), plain[i : i + step]):
            probs, known, n, offsets = before
            rules = found[docs.index(doc)]
            now, weights, spans, names, n_now = model.scored_rows(*walk, context=context, rules=rules)
            assert (now, weights, spans, n_now) == (probs, [ws for _f, ws in known], [offsets[f] for f, _ws in known], n), doc.text
            assert names == (None if not any(isinstance(f, str) for f, _ws in known) else [f if isinstance(f, str) else None for f, _ws in known])
            for label in model.labels:
                before = model.contributions(offsets, label, known=known, context=context, n_features=n)
                assert [(f if isinstance(f, str) else None, *rest) for f, *rest in before] == model.contributions_of(
                    weights, spans, names, label, n, context=context
                )
        i += step


def test_words_keyed_in_three_when_one_key_would_overflow(tagger, texts, monkeypatch):
    """walk_docs sorts a paragraph's pairs by one int64 key; with too many distinct words for it (forced here) by three
    keys, and finds the same."""
    from lspkit.nlp import linear

    model = tagger.nlp.get_pipe("lsp_themes").model
    arrays = [linear.token_array(d) for d in tagger.nlp.pipe(texts[:200])]
    one = model.walk_docs(arrays, tagger.nlp.vocab)
    monkeypatch.setattr(linear, "_ONE_KEY", 0)
    assert model.walk_docs(arrays, tagger.nlp.vocab) == one and sum(len(w) for _n, w, _s in one) > 1000


def test_rules_of_a_whole_document_as_paragraph_by_paragraph(tagger, texts):
    """rules.docs_matches (the tokens a rule may start at found over many paragraphs at once) against _doc_matches."""
    from lspkit.nlp import rules
    from lspkit.nlp.linear import token_array

    texts = ["", "İstanbul's terms of reference", "Terms of reference"] + texts  # a lower case of another length: searched whole
    docs = [tagger.nlp.make_doc(t) for t in texts]
    for a in range(0, len(docs), 25):
        found = rules.docs_matches(texts[a : a + 25], [token_array(d) for d in docs[a : a + 25]], tagger.nlp.vocab.strings)
        assert found == [rules._doc_matches(d, t) for d, t in zip(docs[a : a + 25], texts[a : a + 25])]
    assert sum(map(bool, found)) > 5


def test_evidence_built_only_for_reported_themes_is_the_same(tagger, texts):
    """The tagger looks for the model's words only for themes it reports (finish_all's `report`): at every
    threshold its hits, evidence included, are those of a run reporting everything (evidence from 0.25, as
    before), cut at the threshold."""
    items = [(str(i), t) for i, t in enumerate(texts)]
    everything = tagger.tag_texts(items, min_score=0.0)
    assert sum(len(h.evidence) for p in everything for h in p.themes if h.score < 0.5) > 50  # themes below 0.5 with evidence
    for cut in (0.1, 0.3, 0.5, 0.8):
        now = tagger.tag_texts(items, min_score=cut)
        for a, b in zip(everything, now):
            assert tuple(h for h in a.themes if h.score >= cut) == b.themes
            assert a.scores == b.scores


def test_tagger_makes_only_the_hits_it_reports(tagger, texts, monkeypatch):
    """The Tagger asks finish_pending for the hits at or above its threshold only (`every=False`): its output is
    that of a run that makes every theme's hit and filters them itself, at thresholds on and between scores."""
    from lspkit.nlp.themes import ThemeScorer

    items = [(str(i), t) for i, t in enumerate(texts)]
    cuts = (0.0, 0.25, 0.5, 0.8) + tuple(sorted({s for p in tagger.tag_texts(items, min_score=0.0) for s in p.scores.values() if s > 0})[::40])
    fast = {cut: tagger.tag_texts(items, min_score=cut) for cut in cuts}
    original = ThemeScorer.finish_pending
    monkeypatch.setattr(ThemeScorer, "finish_pending", lambda self, pending, context, report=0.0, every=True: original(self, pending, context, report))
    for cut in cuts:
        assert tagger.tag_texts(items, min_score=cut) == fast[cut]
    assert sum(len(p.themes) for p in fast[0.5]) > 50


def test_document_finished_at_once_as_paragraph_by_paragraph(tagger, texts, monkeypatch):
    """ThemeScorer._finish_walked (scores and the model's evidence of a whole document's paragraphs at once, the
    contributions sorted with numpy) gives the hits and scores of _use_model paragraph by paragraph; in documents of
    1 to 60 paragraphs, at thresholds that report everything and the default."""
    scorer = tagger.nlp.get_pipe("lsp_themes")
    assert scorer.model is not None and not scorer.model.rule_value and scorer.model.uses_rules and scorer.model.uses_context
    extra = ["", "12 34", "a", "The the of", "Council's role, role and roles", "Terms of reference: the quorum is three."]
    items = [(str(i), t, "Governance" if i % 7 == 0 else None) for i, t in enumerate(extra + texts)]
    docs, i, step = [], 0, 0
    while i < len(items):
        step = step % 60 + 1
        docs.append(items[i : i + step])
        i += step
    runs = {}
    for at_once in (True, False):
        monkeypatch.setattr(type(scorer), "at_once", at_once)
        runs[at_once] = [tagger.tag_texts(d, min_score=m) for d in docs for m in (0.0, 0.5)]
    assert runs[True] == runs[False]
    model_evidence = [e.via for tags in runs[True] for p in tags for h in p.themes for e in h.evidence]
    assert {"model", "model:rule", "model:document"} <= set(model_evidence) and len(model_evidence) > 1000


def test_contributions_of_a_document_at_once_as_one_by_one(tagger, texts):
    """ThemeScorer._contributions (every wanted paragraph and label's heaviest features sorted together with numpy)
    against LinearModel.contributions_of paragraph by paragraph: the same features, weights and order, ties included,
    with the guide's rules and the document's context among them."""
    import math

    from lspkit.nlp.linear import token_array
    from lspkit.nlp.rules import docs_matches

    scorer = tagger.nlp.get_pipe("lsp_themes")
    model, vocab = scorer.model, tagger.nlp.vocab
    texts = ["", "12 34", "Council's role, role and roles"] + texts[:400]
    arrays = [token_array(d) for d in tagger.nlp.pipe(texts)]
    found = docs_matches(texts, arrays, vocab.strings)
    context = model.document_context([0.3, 0.15, 0.6, 0.0])
    walk = model.walk_arrays(arrays, vocab)
    scales, fired_of, wanted, ties = [], {}, [], 0
    for i, (one, rules) in enumerate(zip(model.walk_docs(arrays, vocab), found)):
        _p, weights, spans, names, n = model.scored_rows(*one, context=context, rules=rules)
        scales.append(1.0 / math.sqrt(n + len(context.features)))
        fired_of[i] = [(f, ws, rules[f]) for f in rules if (ws := model.weights.get(f)) is not None]
        if n:
            wanted += [(i, j) for j in range(len(model.labels))]
    for top in (5, 100):
        got = scorer._contributions(wanted, walk, fired_of, context, scales, walk.bounds, top)
        for i, j in wanted:
            one = model.walk_docs(arrays[i : i + 1], vocab)[0]
            _p, weights, spans, names, n = model.scored_rows(*one, context=context, rules=found[i])
            want = model.contributions_of(weights, spans, names, model.labels[j], n, top=top, context=context)
            assert got.get((i, j), []) == want, texts[i]
            ties += len({w for _f, w, _a, _b in want}) < len(want)
    assert ties and sum(f is not None and f.startswith("@rule:") for v in got.values() for f, *_r in v) > 50


def test_finish_all_on_docs_as_the_tagger(tagger, texts):
    """ThemeScorer.finish_all (docs kept, hits set on them) gives what the tagger's finish_pending gives (docs let go)."""
    from lspkit.nlp.linear import context_shares

    items = [(str(i), t) for i, t in enumerate(texts[:120])]
    glossary = find_acronyms(items, known=dict(tagger.taxonomy.acronyms))
    scorer = tagger.nlp.get_pipe("lsp_themes")
    docs = []
    for _k, text in items:
        doc = tagger.nlp.make_doc(text)
        docdata.put(doc, "lsp_context_glossary", glossary)
        docdata.put(doc, "lsp_defer_model", True)
        docs.append(tagger.nlp(doc))
    labels = scorer.model.labels
    context = scorer.context(context_shares([[scorer.lexicon_scores(d).get(n, 0.0) for n in labels] for d in docs], len(labels)))
    scorer.finish_all(docs, context)
    want = tagger.tag_texts(items, min_score=0.0, glossary=glossary)
    for doc, tags in zip(docs, want):
        assert docdata.get(doc, "theme_scores") == tags.scores
        assert tuple(h for h in doc._.theme_hits if h.score > 0) == tuple(sorted(tags.themes + tags.held_themes, key=lambda h: [n for n in labels].index(h.theme)))


def test_keep_longest_without_overlaps_as_with_the_full_walk():
    """themes._keep_longest returns the matches sorted when none overlaps; the same as its full walk, on random matches."""
    import random
    from types import SimpleNamespace

    from lspkit.nlp import themes

    def full(matches):  # the walk every paragraph took before
        order = sorted(matches, key=lambda m: (-(m[4] - m[3]), -m[1].weight, m[3]))
        taken, out = {}, []
        for m in order:
            th, term, neg, s, e = m
            occupied = taken.setdefault((th, neg), [])
            if any(a < e and s < b for a, b in occupied):
                continue
            occupied.append((s, e))
            out.append(m)
        return sorted(out, key=lambda m: (m[3], m[4]))

    rng = random.Random(7)
    terms = [SimpleNamespace(weight=w) for w in (0.5, 1.0, 1.0, 2.0)]
    fast = 0
    for _ in range(20_000):
        matches = []
        for _m in range(rng.randint(0, 6)):
            s = rng.randint(0, 30)
            matches.append((rng.choice("ab"), rng.choice(terms), rng.random() < 0.2, s, s + rng.randint(1, 4)))
        fast += all(x[3] >= y[4] or y[3] >= x[4] for i, x in enumerate(matches) for y in matches[:i])
        assert themes._keep_longest(matches) == full(matches)
    assert fast > 1000
