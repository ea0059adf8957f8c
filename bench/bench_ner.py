"""Words per second of the NER pipeline on the corpus articles, next to a blank tokenizer.

Usage: python bench/bench_ner.py [--model DIR] [--repeat N] [--threads N] [DATA_DIR]
"""

from __future__ import annotations

import argparse
import os
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("data", nargs="?", type=Path, default=REPO / "data")
    ap.add_argument("--model", type=Path, default=None)
    ap.add_argument("--repeat", type=int, default=3)
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
    words = sum(len(d) for d in blank.pipe(texts)) * args.repeat
    print(f"{len(texts)} articles, {words // args.repeat} tokens x {args.repeat} repeats")
    print(f"pipeline: {nlp.pipe_names}")
    list(nlp.pipe(texts[:5]))  # warm up
    results = {}
    for name, pipe in (("blank nl tokenizer", blank), ("NER pipeline", nlp)):
        t0 = time.perf_counter()
        for _ in range(args.repeat):
            for _doc in pipe.pipe(texts, batch_size=64):
                pass
        elapsed = time.perf_counter() - t0
        results[name] = words / elapsed
        print(f"{name:<20} {words / elapsed:>12,.0f} words/s  ({elapsed:.2f} s)")
    ratio = results["NER pipeline"] / results["blank nl tokenizer"]
    print(f"NER pipeline runs at {ratio:.1%} of tokenizer speed ({args.threads} thread(s))")


if __name__ == "__main__":
    main()
