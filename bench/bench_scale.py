"""Benchmark: archive-sized builds of generated corpora (bench/make_corpus.py), in one run.

Run: .venv/bin/python bench/bench_scale.py [--sizes 1000,10000] [--seed 16] [--work DIR]

For each size N, a corpus of N articles is generated (`make_corpus.make`), then:

- cold build: `timeline build CORPUS --cache FRESH_DIR --jobs 1` in a child process
  (model loading included); its CPU seconds (user + system), wall seconds and peak
  memory (max RSS of that child, from wait4);
- the spaCy pipeline alone (`ner.load_pipeline()`, `nlp.pipe` over the articles'
  bodies in batches of 32, as the build does; loading not timed) and a blank spaCy
  `nl` tokenizer over the same texts, in this process;
- words per second per core (words / CPU seconds) of each, and build / pipeline;
- rebuild: one article changed (a sentence appended), the same command with the
  cache of the cold build: its CPU seconds as a fraction of the cold build's.

Words are the white-space separated words of the bodies. CPU seconds rather than
wall seconds: the machine may be shared (the load average is printed before and
after). 100,000 articles take over an hour on a two-core machine: pass
`--sizes 1000,10000,100000` only where that time is free.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

import make_corpus
import spacy

from timeline import loader, ner


@dataclass
class Run:
    wall: float
    cpu: float
    max_rss_mb: float


def child(cmd: list[str]) -> Run:
    """Run `cmd`; its wall and CPU seconds and its own peak memory (wait4, not the
    maximum over every child of this process)."""
    t = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    assert proc.stderr is not None
    err = proc.stderr.read()
    _, status, usage = os.wait4(proc.pid, 0)
    proc.returncode = os.waitstatus_to_exitcode(status)
    wall = time.perf_counter() - t
    if proc.returncode != 0:
        raise SystemExit(f"{' '.join(cmd)} failed ({proc.returncode}):\n{err.decode()[-2000:]}")
    return Run(wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024)


def cpu_of(work: object) -> float:
    """CPU seconds (all threads of this process) that calling `work` takes."""
    t = time.process_time()
    work()  # type: ignore[operator]
    return time.process_time() - t


def build_cmd(corpus: Path, cache: Path, out: Path) -> list[str]:
    return [
        sys.executable,
        "-m",
        "timeline",
        "build",
        str(corpus),
        "--cache",
        str(cache),
        "--jobs",
        "1",
        "-o",
        str(out),
    ]


def measure(n: int, seed: int, work: Path, nlp: spacy.Language, blank: spacy.Language) -> dict:
    corpus, cache, out = work / f"corpus-{n}", work / f"cache-{n}", work / f"out-{n}.json"
    files = make_corpus.make(n, seed, make_corpus.LATEST)
    make_corpus.write(files, corpus)
    bodies = [a.body for a in loader.load_paths([corpus]).articles]
    words = sum(len(b.split()) for b in bodies)

    cold = child(build_cmd(corpus, cache, out))
    events = len(json.loads(out.read_text(encoding="utf-8"))["events"])

    pipe_cpu = cpu_of(lambda: sum(1 for _ in nlp.pipe(bodies, batch_size=32)))
    tok_cpu = cpu_of(lambda: sum(1 for _ in blank.pipe(bodies, batch_size=256)))

    changed = corpus / files[len(files) // 2][0]
    changed.write_text(
        changed.read_text(encoding="utf-8").rstrip("\n") + "\n\nTrump sprak gisteren met Poetin.\n",
        encoding="utf-8",
    )
    rebuild = child(build_cmd(corpus, cache, out))
    return {
        "articles": n,
        "words": words,
        "events": events,
        "cold": cold,
        "rebuild": rebuild,
        "pipe_cpu": pipe_cpu,
        "tok_cpu": tok_cpu,
    }


def report(r: dict) -> None:
    words, cold, rebuild = r["words"], r["cold"], r["rebuild"]
    build_wps, pipe_wps, tok_wps = words / cold.cpu, words / r["pipe_cpu"], words / r["tok_cpu"]
    print(f"\n{r['articles']:,} articles, {words:,} words, {r['events']:,} events")
    print(
        f"  cold build       {cold.cpu:8.1f} s CPU {cold.wall:8.1f} s wall  {build_wps:9,.0f} w/s/core"
    )
    print(f"  spaCy pipeline   {r['pipe_cpu']:8.1f} s CPU {'':15}  {pipe_wps:9,.0f} w/s/core")
    print(f"  blank nl tokens  {r['tok_cpu']:8.1f} s CPU {'':15}  {tok_wps:9,.0f} w/s/core")
    print(f"  build / pipeline {build_wps / pipe_wps:8.2f}")
    print(
        f"  rebuild, 1 changed {rebuild.cpu:6.1f} s CPU {rebuild.wall:8.1f} s wall"
        f"  {rebuild.cpu / cold.cpu:8.1%} of the cold build (CPU)"
    )
    print(f"  peak memory      {cold.max_rss_mb:8.0f} MB (max RSS, cold build)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1000,10000", help="comma-separated article counts")
    parser.add_argument("--seed", type=int, default=16)
    parser.add_argument(
        "--work",
        type=Path,
        default=None,
        help="an empty folder to keep the corpora, caches and outputs in",
    )
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    print(f"load average before: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    nlp, blank = ner.load_pipeline(), spacy.blank("nl")
    with tempfile.TemporaryDirectory() as tmp:
        work = args.work or Path(tmp)
        results = []
        for n in sizes:
            results.append(measure(n, args.seed, work, nlp, blank))
            report(results[-1])
    if len(results) > 1:
        a, b = results[0], results[-1]
        print(
            f"\n{a['articles']:,} -> {b['articles']:,} articles: cold build CPU "
            f"x{b['cold'].cpu / a['cold'].cpu:.1f}, peak memory "
            f"x{b['cold'].max_rss_mb / a['cold'].max_rss_mb:.2f}"
        )
    print(f"load average after: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")


if __name__ == "__main__":
    main()
