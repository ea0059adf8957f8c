"""Benchmark: the per-article stage under each executor, on data/ copied k times.

Run: .venv/bin/python bench/bench_executors.py [--copies K] [--jobs N] [--skip-dask]

Each copy of data/ has one line appended to every article, so no two files are
the same. Every executor analyses the whole corpus from scratch (no cache),
pipeline loading included, in one run: serial one article at a time (as before
`nlp.pipe` batching), serial batched, N local processes, and a Dask LocalCluster
of N workers (its start-up included). Prints wall seconds, articles and words per
second, the ratio to serial, CPU seconds (this process and its workers: on a
busy machine the wall times mislead, the CPU seconds less so) and whether every
executor gave the same analyses.
"""

from __future__ import annotations

import argparse
import os
import resource
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from timeline import loader
from timeline.actors import load_actors
from timeline.executors import AnalysisSpec, Executor, SerialExecutor, cpu_count
from timeline.schema import Article

DATA = Path(__file__).resolve().parents[1] / "data"


def corpus(target: Path, copies: int) -> list[Article]:
    for k in range(copies):
        for path in sorted(DATA.glob("*.txt")):
            text = path.read_text(encoding="utf-8").rstrip("\n")
            (target / f"{k:03d}-{path.name}").write_text(
                f"{text}\nKopie {k} van dit bericht.\n", encoding="utf-8"
            )
    return sorted(loader.load_paths([target]).articles, key=lambda a: a.id)


def cpu_seconds() -> float:
    """User and system CPU of this process and of its ended child processes."""
    own = resource.getrusage(resource.RUSAGE_SELF)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def run(
    executor: Executor, articles: list[Article], spec: AnalysisSpec
) -> tuple[float, float, list[str]]:
    """Wall seconds, CPU seconds and the analyses (as JSON) of one executor's run."""
    t, cpu = time.perf_counter(), cpu_seconds()
    done = dict(executor.analyse(list(enumerate(articles)), spec))
    time.sleep(1.0)  # a closed cluster's worker processes end and are reaped
    secs, cpu = time.perf_counter() - t - 1.0, cpu_seconds() - cpu
    return secs, cpu, [done[i][1].model_dump_json() for i in range(len(articles))]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--copies", type=int, default=4)
    parser.add_argument("--jobs", type=int, default=0, help="workers (0: one per CPU)")
    parser.add_argument("--skip-dask", action="store_true")
    args = parser.parse_args()
    jobs = args.jobs or cpu_count()
    spec = AnalysisSpec(load_actors().focus_ids)
    with tempfile.TemporaryDirectory() as tmp:
        articles = corpus(Path(tmp), args.copies)
    words = sum(len(a.body.split()) for a in articles)
    load = ", ".join(f"{x:.1f}" for x in os.getloadavg())
    print(f"data/ x{args.copies}: {len(articles)} articles, {words:,} words; {jobs} workers")
    print(f"load average before the run: {load} on {os.cpu_count()} CPUs")

    from timeline.workers import ProcessExecutor

    executors: list[tuple[str, Callable[[], Executor]]] = [
        ("serial, one article at a time", lambda: SerialExecutor(batch_size=1)),
        ("serial, nlp.pipe batches", lambda: SerialExecutor()),
        (f"processes, {jobs}", lambda: ProcessExecutor(jobs)),
    ]
    if not args.skip_dask:
        from timeline.dask_executor import DaskExecutor

        executors.append((f"dask LocalCluster, {jobs}", lambda: DaskExecutor(workers=jobs)))
    reference: list[str] | None = None
    base = 0.0
    print(
        f"{'executor':34} {'seconds':>8} {'articles/s':>11} {'words/s':>8} {'x serial':>8} "
        f"{'CPU s':>7}  same"
    )
    for name, make in executors:
        secs, cpu, out = run(make(), articles, spec)
        reference = reference or out
        base = base or secs
        print(
            f"{name:34} {secs:8.1f} {len(articles) / secs:11.1f} {words / secs:8.0f} "
            f"{base / secs:8.2f} {cpu:7.1f}  {out == reference}"
        )


if __name__ == "__main__":
    main()
