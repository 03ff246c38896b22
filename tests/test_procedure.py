"""Meeting procedure and routine business are held back from themes (lspkit.nlp.procedure, guide rule 1)."""
import json

import pytest

from lspkit.nlp.procedure import held_back
from lspkit.nlp.tagger import get_tagger


@pytest.mark.parametrize(
    "text, kind",
    [
        ("The Chair opened the meeting at 7.30 pm and welcomed everyone.", "opening"),
        ("Apologies for absence were received from Cllrs Patel and Green.", "attendance"),
        ("The minutes of the meeting held on 4 March were approved as a correct record and signed by the Chair.", "minutes"),
        ("Moved by Councillor Hughes, seconded by Councillor Reid. Carried unanimously.", "motion"),
        ("On motion of Alderman Price, the item was referred back; Ayes 5, Nays 2.", "motion"),
        ("There being no further business, the Mayor declared the meeting closed at 9.10 pm.", "adjournment"),
        ("The date of the next meeting will be confirmed by the Clerk.", "next-meeting"),
        ("Approval of the Agenda", "agenda-item"),
    ],
)
def test_routine_minutes_are_held_back(text, kind):
    got = held_back(text)
    assert got is not None and kind in got.kinds
    assert got.reason.endswith("(guide rule 1)")
    assert text[got.start:got.end] == got.text


@pytest.mark.parametrize(
    "text",
    [
        # a standing order about motions is a rule (governance, guide rule 16), not a record of one
        "A motion shall not be debated unless it has been moved and seconded.",
        # a motion whose substance is the body's terms of reference keeps its theme (guide rule 2)
        "Councillor Hughes moved that the revised terms of reference of the Scrutiny Committee be approved; seconded and carried.",
        # appointing members to a board is governance even when it is proposed and seconded
        "It was proposed and seconded that two members be appointed to the Board of the Joint Waste Committee. Carried.",
        # a discussion that ends in a vote is more than procedure
        "Members discussed at length whether the partnership had enough officer support to deliver its programme, noting the loss of"
        " two posts, the coordinator's reduced hours and the lack of any budget for training; the motion to seek funding carried 6-1.",
        "The Partnership exists to lead the regeneration of the town centre.",
    ],
)
def test_substance_and_rules_are_not_held_back(text):
    assert held_back(text) is None


def test_tagger_keeps_scores_but_no_theme_and_explains():
    tagger = get_tagger()
    procedure, substance = tagger.tag_texts([
        ("1", "Member Okafor moved approval of the quorum item, Member Lind seconded, and the motion carried 4-0."),
        ("2", "The Joint Committee will comprise the Leader of each constituent council and will be quorate when four members are present."),
    ])
    assert procedure.themes == () and procedure.held is not None and procedure.held.kind == "motion"
    assert procedure.held_themes, "the themes it would have had are kept for --explain"
    assert max(procedure.scores.values()) >= procedure.held_themes[-1].score  # scores are untouched
    assert "governance" in {h.theme for h in substance.themes} and substance.held is None
    tagger.hold_procedure = False
    try:
        again = tagger.tag_texts([("1", "Member Okafor moved approval of the quorum item, Member Lind seconded, and the motion carried 4-0.")])[0]
        assert again.themes and again.held is None
    finally:
        tagger.hold_procedure = True


def test_labelled_rounds_held_paragraphs_mostly_have_no_theme():
    """On the labelled rounds, the paragraphs held back are ones the annotators gave no theme (at most 1 in 20 otherwise)."""
    from pathlib import Path

    root = Path(__file__).resolve().parent.parent / "data" / "labels"
    held = wrong = 0
    for r in ("real", "unseen5", "unseen6", "unseen8", "unseen9"):
        for line in (root / r / "gold.jsonl").read_text(encoding="utf-8").splitlines():
            rec = json.loads(line)
            if held_back(rec["text"]) is not None:
                held += 1
                wrong += bool(rec["themes"])
    assert held >= 60 and wrong <= held / 20


def test_the_words_a_pattern_needs_never_hide_a_match():
    """`_NEEDS` lists, per kind, words one of which every alternative of its pattern contains; a pattern is tried
    only where one is present.  On every labelled paragraph the filtered scan finds exactly what the patterns find
    unfiltered, so a pattern edited without its words fails here."""
    from pathlib import Path

    from lspkit.nlp import procedure

    texts = []
    for path in sorted((Path(__file__).resolve().parent.parent / "data" / "labels").rglob("*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            text = json.loads(line).get("text") if line.strip() else None
            if text:
                texts.append(text.lower())
    assert len(texts) > 3000
    for low in dict.fromkeys(texts):
        plain = sorted(((kind, m.start(), m.end()) for kind, _d, rx, _n in procedure._COMPILED
                        for m in rx.finditer(low) if m.end() > m.start()), key=lambda s: s[1])
        assert procedure._procedure_spans(low) == plain, low


def test_line_start_patterns_on_one_line_and_on_several():
    """A kind whose alternatives all start at a line's start is tried once at the start of a one-line text
    (procedure._line_start) and over every line of a longer one: the spans are the whole patterns' either way."""
    from lspkit.nlp import procedure

    titles = ["call to order", "3. approval of the agenda", "public comment (limit 3 minutes):", "present: mayor smith", "new business"]
    texts = titles + [f"the report on {t}" for t in titles] + ["\n".join(titles), "minutes\n" + "\n\n".join(titles[::-1]), "  new business\nreports of the clerk"]
    anchored = 0
    for low in texts:
        plain = sorted(((kind, m.start(), m.end()) for kind, _d, rx, _n in procedure._COMPILED
                        for m in rx.finditer(low) if m.end() > m.start()), key=lambda s: s[1])
        assert procedure._procedure_spans(low) == plain, low
        anchored += any(f.__name__ == "find" for f in procedure._JOINED.values())
    assert anchored and sum(1 for low in texts if procedure._procedure_spans(low)) >= 8


def test_each_alternative_holds_the_words_it_is_tried_for():
    """`_ALTERNATIVE_NEEDS` gives each alternative of a kind's pattern the words any of its matches contains (a
    tuple: all of them); `_procedure_spans` tries only the alternatives whose words the paragraph holds.  Every match
    of every alternative, alone, over the labelled and gold paragraphs, holds its words in the matched text itself,
    and the alternatives split from a pattern join back into it."""
    import re
    from pathlib import Path

    from lspkit.nlp import procedure

    root = Path(__file__).resolve().parent.parent / "data"
    texts = []
    for path in sorted((root / "labels").rglob("*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            text = json.loads(line).get("text") if line.strip() else None
            if text:
                texts.append(text.lower())
    for path in sorted((root / "real" / "gold").glob("*.json")):
        texts.extend(p["text"].lower() for p in json.loads(path.read_text(encoding="utf-8")).get("paragraphs", []) if p.get("text"))
    texts = list(dict.fromkeys(texts))
    matched = 0
    for kind, _desc, pattern in procedure.PATTERNS:
        alternatives = procedure._alternatives(pattern)
        assert "|".join(alternatives) == pattern
        for alternative, needs in zip(alternatives, procedure._ALTERNATIVE_NEEDS[kind]):
            rx = re.compile(alternative, re.MULTILINE)
            for low in texts:
                for m in rx.finditer(low):
                    matched += 1
                    held = m.group()
                    assert any(all(w in held for w in need) if isinstance(need, tuple) else need in held for need in needs), (kind, alternative, held)
    assert matched > 300


def test_held_back_with_the_taggers_tokenizer_as_with_its_own():
    """held_back(text, make_doc) (the tagger passes its own blank("en") tokenizer for the guide rules on the remainder)
    decides as held_back(text), which builds a tokenizer of its own, on every labelled paragraph; and the rules found
    on each remainder are the same."""
    from pathlib import Path

    from lspkit.nlp import procedure
    from lspkit.nlp.rules import rule_features
    from lspkit.nlp.tagger import get_tagger

    make_doc = get_tagger().nlp.make_doc
    root = Path(__file__).resolve().parent.parent / "data" / "labels"
    found = 0
    for r in ("real", "unseen5", "unseen6", "unseen8", "unseen9"):
        for line in (root / r / "gold.jsonl").read_text(encoding="utf-8").splitlines():
            text = json.loads(line)["text"]
            assert held_back(text, make_doc) == held_back(text), text
            spans = procedure._procedure_spans(text.lower())
            if spans:
                rest = procedure.remainder(text, spans)
                rules = rule_features(rest)
                assert rule_features(rest, make_doc(rest)) == rules, rest
                found += len(rules)
    assert found > 100
