"""The batch workers' forkserver builds the taxonomy-free part of their pipeline once (lspkit.batch.warm):
a worker forked from it starts with a stemmed spaCy blank and the shipped model already made, and a
pipeline built on that blank tags exactly as one built from scratch."""
import json
import os
import subprocess
import sys
from pathlib import Path

from lspkit.batch.pool import preload_modules
from lspkit.batch.worker import TagOptions

ROOT = Path(__file__).resolve().parent.parent
TEXTS = [
    ("1.1", "The Local Strategic Partnership board agreed the Local Area Agreement (LAA) targets with partners."),
    ("1.2", "Scrutiny of the LAA's performance rests with the council's overview committee and residents."),
    ("1.3", "Members noted the minutes of the previous meeting."),
    ("1.4", "Voluntary sector capacity and community engagement need funding over three years."),
    ("1.5", "Partnerships scrutinised the councils' delivery plans; residents were consulted and engaged."),
    ("1.6", "The board can't and won't agree it, e.g. Mr. Smith's plan didn't."),
]


def _spare_state(path, options, sha256=None):
    """A stand-in batch task: what this worker process was forked with (run with no initializer)."""
    from lspkit.nlp import pipeline
    from lspkit.results import FileResult

    shipped = str(pipeline.Path(str(pipeline.shipped_model_dir())).resolve())
    state = {"spare": len(pipeline._SPARE), "model": shipped in pipeline._MODELS}
    return FileResult(file=path, sha256=sha256, message=json.dumps(state))


def test_a_pipeline_on_the_spare_blank_tags_as_one_built_from_scratch():
    from lspkit.nlp import pipeline
    from lspkit.nlp.tagger import Tagger
    from lspkit.nlp.taxonomy import load_taxonomy

    taxonomy = load_taxonomy()
    pipeline._SPARE.clear()
    scratch = pipeline.build_pipeline(taxonomy)
    pipeline.warm()
    assert len(pipeline._SPARE) == 1
    spare = pipeline._SPARE[0]
    on_spare = pipeline.build_pipeline(taxonomy)
    assert on_spare is spare and not pipeline._SPARE  # taken once: a second build makes its own
    assert pipeline.build_pipeline(taxonomy) is not spare
    for _key, text in TEXTS:  # English tokens (its exceptions too), stems as norms: as built from scratch
        tokens = [(t.text, t.norm_) for t in scratch.make_doc(text)]
        assert [(t.text, t.norm_) for t in on_spare.make_doc(text)] == tokens
    tagger = Tagger(taxonomy)
    tagger.nlp = scratch
    expected = tagger.tag_texts(TEXTS)
    tagger.nlp = on_spare
    assert tagger.tag_texts(TEXTS) == expected
    assert any(p.themes for p in expected)


def test_the_forkserver_preloads_the_warm_pieces_for_the_default_model_only():
    assert preload_modules(TagOptions())[-1] == "lspkit.batch.warm"
    assert preload_modules(TagOptions(model="lspkit:themes"))[-1] == "lspkit.batch.warm"
    assert "lspkit.batch.warm" not in preload_modules(TagOptions(model="none"))


def test_workers_are_forked_with_the_spare_blank_and_the_model(tmp_path):
    # A fresh interpreter: its forkserver is started here, with this batch's preload list.
    script = (
        "import json, sys\n"
        "from lspkit.batch.pool import WorkerPool\n"
        "from lspkit.batch.discover import Task\n"
        "from lspkit.batch.worker import TagOptions\n"
        "from test_batch_warm import _spare_state\n"
        "pool = WorkerPool(TagOptions(), jobs=2, task=_spare_state, initializer=None)\n"
        "tasks = [Task(index=i, path=f'f{i}', sha256=None) for i in range(4)]\n"
        "print(json.dumps([json.loads(r.message) for _t, r in pool.imap(tasks)]))\n"
    )
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(ROOT), str(ROOT / "tests")])}
    done = subprocess.run([sys.executable, "-c", script], cwd=tmp_path, env=env, capture_output=True, text=True,
                          timeout=300)
    assert done.returncode == 0, done.stderr
    states = json.loads(done.stdout.splitlines()[-1])
    assert len(states) == 4
    # each worker's first file finds the spare untouched (no initializer took it); the model was read once,
    # in the server
    assert all(s["model"] for s in states) and all(s["spare"] == 1 for s in states)
