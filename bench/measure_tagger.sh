#!/bin/sh
# Every tagging figure in the README, from the labelled real corpus, in one command:
#
#     sh bench/measure_tagger.sh
#
# 0. checks that data/labels/union/ is the union of data/labels/real, unseen5, unseen6, unseen8, unseen9 and unseen10
#    (python3 data/labels/union/build.py rebuilds it; SOURCES.tsv records each source's SHA-256),
# 1. retrains the shipped model on data/labels/union/gold.jsonl (seed 0; deterministic),
# 2. cross-validates by document (5 folds): blend, model, lexicon, keyword baseline,
#    with bootstrap intervals, by publisher, beside the two annotators' agreement,
# 3. scores the lockbox (lspkit/nlp/lockbox.py: whole publishers set aside by a fixed rule, about a fifth
#    of the documents): every system trained on the other documents, scored once,
# 4. scores the default tagger and the lexicon on the fixture labels (data/labels/gold.jsonl),
# 5. leaves one labelled round out (real, unseen5, unseen6, unseen8, unseen9, unseen10) and cross-validates by publisher over all of them,
#    the shipped recipe without (base) and with meeting procedure held back (proc, as the tagger ships) (bench/tagger_loro.py; to bench/tagger_loro.json).
# Results go to data/labels/union/crossval.txt and crossval.json, lockbox.txt and lockbox.json.
set -e
cd "$(dirname "$0")/.."
REAL=data/labels/union
LSPKIT="${LSPKIT:-python3 -m lspkit}"
python3 $REAL/build.py --check
$LSPKIT train $REAL/gold.jsonl -o lspkit/models/themes --seed 0
$LSPKIT eval $REAL/gold.jsonl --cross-validate 5 --seed 0 --by publisher \
    --agreement $REAL/annotator-a.jsonl $REAL/annotator-b.jsonl --format json -o $REAL/crossval.json
COLUMNS=100 $LSPKIT eval $REAL/gold.jsonl --cross-validate 5 --seed 0 --by publisher \
    --agreement $REAL/annotator-a.jsonl $REAL/annotator-b.jsonl -o $REAL/crossval.txt
python3 -m lspkit.nlp.lockbox $REAL/gold.jsonl --seed 0 -o $REAL/lockbox.txt --json $REAL/lockbox.json
for model in lspkit:themes none; do
    $LSPKIT eval data/labels/gold.jsonl --model $model --format json \
        | python3 -c 'import json,sys; d=json.load(sys.stdin); print("fixture gold:", d["name"], "macro-F1", d["macro"]["f1"], {t["theme"]: t["f1"] for t in d["themes"]})'
done
PYTHONPATH=$PWD python3 bench/tagger_loro.py --variants base,proc --pubcv --paired base,proc --json bench/tagger_loro.json
cat $REAL/crossval.txt $REAL/lockbox.txt
