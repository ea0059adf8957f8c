#!/usr/bin/env bash
# Reproduce the shipped NER model (models/ner-nl) from training/ner/data.
# About 10-12 minutes on one CPU core (5,000 steps, width-64/depth-2 tok2vec). Outputs go to training/output/ (git-ignored).
#
#   OUT=training/output/x PACKAGE_OUT=training/output/x/packaged training/ner/train.sh
#       train and package into training/output/x/packaged (models/ner-nl untouched)
#   PRETRAIN=1 training/ner/train.sh
#       experiment exp18 (not shipped): `spacy pretrain` of the tok2vec on the unlabelled
#       training text (convert.py --raw-text; 11 epochs, ≈ 5 min more), then training from
#       those weights, both with config-pretrain.cfg (= config.cfg + the pretraining blocks)
set -euo pipefail
cd "$(dirname "$0")/../.."
PY=${PYTHON:-.venv/bin/python}
OUT=${OUT:-training/output/ner}
PACKAGE_OUT=${PACKAGE_OUT:-models/ner-nl}
PRETRAIN=${PRETRAIN:-0}
RAW=training/corpus/raw.jsonl
# The data mix of the shipped model (see models/README.md, "Experiments").
CONVERT_ARGS=${CONVERT_ARGS:-"--multiconer -1 --news-repeat 2 --alpino-repeat 3 --surnames --ud-dev-train"}

CONFIG=training/ner/config.cfg
TRAIN_ARGS=()
# shellcheck disable=SC2086
"$PY" training/ner/convert.py $CONVERT_ARGS --raw-text "$RAW"
if [ "$PRETRAIN" = 1 ]; then
  CONFIG=training/ner/config-pretrain.cfg
  "$PY" -m spacy pretrain "$CONFIG" "$OUT/pretrain" --paths.raw_text "$RAW"
  TRAIN_ARGS+=(--paths.init_tok2vec "$OUT/pretrain/model-last.bin")
fi
"$PY" -m spacy train "$CONFIG" -o "$OUT" "${TRAIN_ARGS[@]}" "$@"
"$PY" training/ner/package.py "$OUT/model-best" --out "$PACKAGE_OUT" --convert-args "$CONVERT_ARGS"
"$PY" training/ner/evaluate.py --model "$PACKAGE_OUT" --json "$OUT/ud_test.json"
