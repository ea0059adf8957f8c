"""Score the full pipeline (ruler included) on the development corpus entities.

Usage: python training/ner/eval_corpus.py [--model DIR] [--gold GOLD.jsonl] [CORPUS_DIR]
"""

from __future__ import annotations

import argparse
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("corpus", nargs="?", type=Path, default=REPO / "data")
    ap.add_argument("--model", type=Path, default=None)
    ap.add_argument(
        "--gold", type=Path, default=REPO / "tests" / "fixtures" / "dev" / "gold" / "entities.jsonl"
    )
    ap.add_argument("--max-errors", type=int, default=200)
    args = ap.parse_args()

    from timeline.evaluation.entities import entities_for_paths, evaluate_entities
    from timeline.ner import load_pipeline

    nlp = load_pipeline(args.model)
    report = evaluate_entities(args.gold, entities_for_paths([args.corpus], nlp))
    print(report.render(args.max_errors))


if __name__ == "__main__":
    main()
