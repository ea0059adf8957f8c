"""Words per second of the NER pipeline on the corpus articles, next to a blank tokenizer.

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
    for name, pipe in (("blank nl tokenizer", blank), ("NER pipeline", nlp)):
        passes = []
        for _ in range(args.repeat):
            t0 = time.perf_counter()
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
    ratio = results["NER pipeline"] / results["blank nl tokenizer"]
    print(f"NER pipeline runs at {ratio:.1%} of tokenizer speed ({args.threads} thread(s))")


if __name__ == "__main__":
    main()
