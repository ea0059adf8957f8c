#!/usr/bin/env bash
# Reproduce the shipped syntax model (models/syntax-nl) from training/syntax/data.
# convert (CoNLL-U → DocBins in training/corpus/syntax/), spacy train (one thread,
# output in training/output/syntax/), package into models/syntax-nl, evaluate on
# UD_Dutch-Alpino test (evaluation only; never trained on). Both output dirs are git-ignored.
#
#   OUT=training/output/x PACKAGE_OUT=training/output/x/packaged training/syntax/train.sh
#       train and package elsewhere (models/syntax-nl untouched)
#   training/syntax/train.sh --training.max_steps 2000
#       extra arguments go to `spacy train` (config overrides)
set -euo pipefail
cd "$(dirname "$0")/../.."
PY=${PYTHON:-.venv/bin/python}
OUT=${OUT:-training/output/syntax}
PACKAGE_OUT=${PACKAGE_OUT:-models/syntax-nl}
CONVERT_ARGS=${CONVERT_ARGS:-"--n-sents 10 --dev-every 10"}
CONFIG=training/syntax/config.cfg
export OMP_NUM_THREADS=${OMP_NUM_THREADS:-1} OPENBLAS_NUM_THREADS=${OPENBLAS_NUM_THREADS:-1}

# shellcheck disable=SC2086
"$PY" training/syntax/convert.py $CONVERT_ARGS
"$PY" -m spacy train "$CONFIG" -o "$OUT" "$@"
"$PY" training/syntax/evaluate.py --model "$OUT/model-best" --json "$OUT/alpino_test.json"
"$PY" training/syntax/package.py "$OUT/model-best" --out "$PACKAGE_OUT" \
  --convert-args "$CONVERT_ARGS" --scores "$OUT/alpino_test.json"
"$PY" training/syntax/evaluate.py --model "$PACKAGE_OUT" --json "$OUT/alpino_test_packaged.json"
