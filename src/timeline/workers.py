"""Local worker processes for `timeline build --jobs N`: the `ProcessExecutor`.

Each worker loads the spaCy pipeline once (spawned, never forked from a process
holding one), ignores Ctrl-C (the main process handles it) and exits when the
main process is gone. Articles go out in batches (`executors.batches`), a few
per worker in flight at a time, and each batch runs through `nlp.pipe`; results
come back as they finish and the caller puts them in article-id order, so the
output does not depend on the number of jobs.
"""

from __future__ import annotations

import functools
import multiprocessing
import multiprocessing.connection
import os
import signal
import threading
from collections.abc import Iterator, Sequence
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path

from spacy.language import Language

from timeline import ner
from timeline.actors import load_actors
from timeline.analysis import analyse_batch
from timeline.errors import TimelineError
from timeline.executors import (
    IN_FLIGHT_PER_WORKER,
    AnalysisSpec,
    Done,
    SerialExecutor,
    WorkItem,
    batches,
    cpu_count,
)


class ProcessExecutor:
    """`workers` spawned processes (0: one per CPU). With one worker's worth of work
    or less, the articles are analysed in this process instead: the same results
    without the cost of starting a process and loading the pipeline there."""

    def __init__(self, workers: int, nlp: Language | None = None) -> None:
        self.workers = workers if workers > 0 else cpu_count()
        self.serial = SerialExecutor(nlp)  # for the in-process case, its pipeline loaded once

    def analyse(self, todo: Sequence[WorkItem], spec: AnalysisSpec) -> Iterator[Done]:
        n = min(self.workers, len(todo))
        if n <= 1:
            yield from self.serial.analyse(todo, spec)
            return
        pool = ProcessPoolExecutor(
            max_workers=n,
            mp_context=multiprocessing.get_context("spawn"),  # no fork of a loaded spaCy pipeline
            initializer=_init_worker,
            initargs=(spec.model_dir,),
        )
        try:
            queue = iter(batches(todo, n))
            running: set[Future[list[Done]]] = set()
            while True:
                while len(running) < n * IN_FLIGHT_PER_WORKER:
                    batch = next(queue, None)
                    if batch is None:
                        break
                    running.add(pool.submit(_analyse_in_worker, batch, spec))
                if not running:
                    return
                finished, running = wait(running, return_when=FIRST_COMPLETED)
                for future in finished:
                    yield from future.result()
        except BrokenProcessPool:
            raise TimelineError(
                "a worker process died while analysing articles; the finished ones are cached"
            ) from None
        finally:
            pool.shutdown(wait=True, cancel_futures=True)


@functools.cache
def _worker_pipeline(model_dir: Path | None) -> Language:
    """The spaCy pipeline of a worker process, loaded once per process."""
    return ner.load_pipeline(model_dir)


def _init_worker(model_dir: Path | None) -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is for the main process to handle
    parent = multiprocessing.parent_process()
    if parent is not None and parent.sentinel is not None:
        threading.Thread(target=_exit_with, args=(parent.sentinel,), daemon=True).start()
    _worker_pipeline(model_dir)


def _exit_with(parent_sentinel: int) -> None:
    """End this worker when the main process is gone (killed: it cannot shut the pool down)."""
    multiprocessing.connection.wait([parent_sentinel])
    os._exit(1)


def _analyse_in_worker(batch: list[WorkItem], spec: AnalysisSpec) -> list[Done]:
    nlp = _worker_pipeline(spec.model_dir)
    return list(analyse_batch(batch, nlp, load_actors(), spec.focus))
