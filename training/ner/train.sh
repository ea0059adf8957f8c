#!/usr/bin/env bash
# Reproduce the shipped NER model (models/ner-nl) from training/ner/data.
# About 10-12 minutes on one CPU core (5,000 steps, width-64/depth-2 tok2vec). Outputs go to training/output/ (git-ignored).
set -euo pipefail
cd "$(dirname "$0")/../.."
PY=${PYTHON:-.venv/bin/python}
OUT=${OUT:-training/output/ner}
# The data mix of the shipped model (see models/README.md, "Experiments").
CONVERT_ARGS=${CONVERT_ARGS:-"--multiconer -1 --news-repeat 2 --alpino-repeat 3 --surnames --ud-dev-train"}

# shellcheck disable=SC2086
"$PY" training/ner/convert.py $CONVERT_ARGS
"$PY" -m spacy train training/ner/config.cfg -o "$OUT" "$@"
"$PY" training/ner/package.py "$OUT/model-best" --convert-args "$CONVERT_ARGS"
"$PY" training/ner/evaluate.py --json "$OUT/ud_test.json"
