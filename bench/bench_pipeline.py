"""Benchmark: the whole build over the bundled corpus, stage by stage.

Run: .venv/bin/python bench/bench_pipeline.py [PATH] [--repeat N]
Prints seconds per stage and articles per second; peak memory (max RSS).
"""

from __future__ import annotations

import argparse
import resource
import time
from pathlib import Path

from timeline import events, loader, merge, ner, segment, timex
from timeline.actors import load_actors


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("path", nargs="?", default="data")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    kb = load_actors()
    t0 = time.perf_counter()
    nlp = ner.load_pipeline()
    print(f"load pipeline      {time.perf_counter() - t0:8.3f} s")
    totals = dict.fromkeys(["load", "ner", "timex", "events", "merge"], 0.0)
    n = 0
    for _ in range(args.repeat):
        t = time.perf_counter()
        articles = loader.load_paths([Path(args.path)]).articles
        totals["load"] += time.perf_counter() - t
        mentions = []
        for a in articles:
            a = a.model_copy(update={"published": timex.narrow_published(a)})
            t = time.perf_counter()
            ents = ner.extract_entities(nlp(a.body), a.body_start)
            totals["ner"] += time.perf_counter() - t
            t = time.perf_counter()
            tx = timex.find_timexes(a)
            totals["timex"] += time.perf_counter() - t
            t = time.perf_counter()
            sents = segment.sentences(a.text, a.body_start)
            mentions += events.build_mentions(a, sents, ents, tx, kb)
            totals["events"] += time.perf_counter() - t
        t = time.perf_counter()
        merge.merge(mentions, kb.focus_ids)
        totals["merge"] += time.perf_counter() - t
        n += len(articles)
    for stage, secs in totals.items():
        print(f"{stage:18} {secs / args.repeat:8.3f} s per build")
    total = sum(totals.values())
    print(f"articles/second    {n / total:8.1f}")
    print(
        f"max RSS            {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:8.1f} MiB"
    )


if __name__ == "__main__":
    main()
