"""The model is frozen all the way down: metadata read-only and hashable, kinds and reasons as enums."""
import json

import pytest

from lspkit.model import Document, DropReason, Dropped, Metadata, ReadingKind, Reading, Source


def doc(**metadata):
    return Document(source=Source("a.pdf", "0" * 64, 1), metadata=metadata)


def test_metadata_from_a_dict_is_read_only_and_the_document_hashes():
    d = doc(title="T", appendices=["A", "B"], annex_questions=[{"number": "Q1", "text": "Why?"}])
    assert isinstance(d.metadata, Metadata)
    with pytest.raises(TypeError):
        d.metadata["title"] = "changed"  # type: ignore[index]
    assert d.metadata["appendices"] == ("A", "B")
    assert d.metadata["annex_questions"][0]["number"] == "Q1"
    assert hash(d) == hash(doc(title="T", appendices=["A", "B"], annex_questions=[{"number": "Q1", "text": "Why?"}]))


def test_metadata_json_is_unchanged_and_round_trips():
    meta = {"title": "T", "appendices": ["A"], "annex_questions": [{"number": "Q1", "text": "Why?"}], "n": 3}
    d = doc(**meta)
    assert d.to_dict()["metadata"] == meta
    assert list(d.to_dict()["metadata"]) == list(meta)  # order as found
    again = Document.from_dict(json.loads(json.dumps(d.to_dict())))
    assert again == d and hash(again) == hash(d)


def test_dropped_reason_and_reading_kind_are_enums_that_still_compare_as_text():
    x = Dropped("Page 3", 3, "page-number")
    assert x.reason is DropReason.PAGE_NUMBER and x.reason == "page-number"
    assert x.to_dict()["reason"] == "page-number"
    with pytest.raises(ValueError):
        Dropped("x", 1, "banner")
    r = Reading(path="a.txt", sha256="0", page_count=1, lines=[], kind="text")
    assert r.kind is ReadingKind.TEXT and r.kind == "text"
