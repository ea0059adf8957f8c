"""Words per second of the spaCy pipeline on the corpus articles, next to a blank tokenizer.

Three figures: the blank `nl` tokenizer, the NER pipeline alone (the syntax
component disabled), and the whole pipeline (NER + the linguistic layer of
`models/syntax-nl`: tagger, morphologizer, lemmatizer, parser).

Each pass over the articles is timed on its own; the best pass is the figure
(least disturbed by other jobs on a shared machine), the median is shown next to it.

Usage: python bench/bench_ner.py [--model DIR] [--repeat N] [--threads N] [DATA_DIR]
"""

from __future__ import annotations

import argparse
import os
import statistics
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("data", nargs="?", type=Path, default=REPO / "data")
    ap.add_argument("--model", type=Path, default=None)
    ap.add_argument("--repeat", type=int, default=5, help="timed passes")
    ap.add_argument("--threads", type=int, default=1, help="BLAS threads (1 = per core)")
    args = ap.parse_args()
    for var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
        os.environ.setdefault(var, str(args.threads))

    import spacy

    from timeline.loader import load_paths
    from timeline.ner import load_pipeline

    texts = [a.body for a in load_paths([args.data]).articles]
    blank = spacy.blank("nl")
    nlp = load_pipeline(args.model)
    words = sum(len(d) for d in blank.pipe(texts))
    print(f"{len(texts)} articles, {words} tokens, {args.repeat} timed passes")
    print(f"pipeline: {nlp.pipe_names}")
    list(nlp.pipe(texts[:5]))  # warm up
    results = {}
    variants = [("blank nl tokenizer", blank, []), ("NER pipeline", nlp, ["timeline_syntax"])]
    if "timeline_syntax" in nlp.pipe_names:
        variants.append(("whole pipeline", nlp, []))
    for name, pipe, disabled in variants:
        passes = []
        for _ in range(args.repeat):
            t0 = time.perf_counter()
            with pipe.select_pipes(disable=[d for d in disabled if d in pipe.pipe_names]):
                for _doc in pipe.pipe(texts, batch_size=64):
                    pass
            passes.append(time.perf_counter() - t0)
        best = min(passes)
        median = statistics.median(passes)
        results[name] = words / best
        print(
            f"{name:<20} {words / best:>12,.0f} words/s best pass  "
            f"({words / median:,.0f} median; {sum(passes):.2f} s in all)"
        )
    for name in ("NER pipeline", "whole pipeline"):
        if name in results:
            ratio = results[name] / results["blank nl tokenizer"]
            print(f"{name} runs at {ratio:.1%} of tokenizer speed ({args.threads} thread(s))")


if __name__ == "__main__":
    main()
