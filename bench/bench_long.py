"""Benchmark: one article that is long in sentences, and one long sentence.

Run: .venv/bin/python bench/bench_long.py [--sizes 250 1000 5000] [--words 30000]

An article of n copies of "Trump sprak met Poetin." and one sentence of N words
without a full stop (a scraped table) are built end to end (`build_timeline`, model
loaded once, not timed); the time per size shows whether the per-article work is
linear. Measured on this machine (2 cores, shared), whole process before / build after
the fixes of this benchmark's commit: n = 1,000: 7.9 s / 1.1 s; n = 5,000: 135 s /
8.3 s; a 30,000-word sentence: 139 s / 5.7 s.
"""

from __future__ import annotations

import argparse
import random
import tempfile
import time
from pathlib import Path

from timeline import ner
from timeline.pipeline import build_timeline


def _time(nlp: object, body: str) -> tuple[float, int]:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "long.txt"
        path.write_text(f"date 2025-03-01\n{body}\n", encoding="utf-8")
        t = time.perf_counter()
        result = build_timeline([path], nlp=nlp)  # type: ignore[arg-type]
        return time.perf_counter() - t, len(result.timeline.events)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", type=int, nargs="*", default=[250, 1000, 5000])
    parser.add_argument("--words", type=int, default=30000)
    args = parser.parse_args()
    nlp = ner.load_pipeline()
    for n in args.sizes:
        seconds, events = _time(nlp, " ".join(["Trump sprak met Poetin."] * n))
        print(
            f"{n:6} sentences   {seconds:8.2f} s   {seconds / n * 1000:6.2f} ms/sentence  events {events}"
        )
    rng = random.Random(1)
    words = [
        "Trump",
        "Poetin",
        "de",
        "het",
        "gesprek",
        "met",
        "en",
        "een",
        "over",
        "Zelensky",
        "overleg",
        "in",
        "Moskou",
        "tabel",
    ]
    seconds, events = _time(nlp, " ".join(rng.choice(words) for _ in range(args.words)))
    print(f"{args.words:6} words, one sentence   {seconds:8.2f} s   events {events}")


if __name__ == "__main__":
    main()
