"""Worker processes for `timeline build --jobs N`: stages 2–4 for many articles at once.

Each worker loads the spaCy pipeline once (spawned, never forked from a process
holding one), ignores Ctrl-C (the main process handles it) and exits when the
main process is gone. Results come back as they finish; the caller puts them in
article-id order, so the output does not depend on the number of jobs.
"""

from __future__ import annotations

import functools
import multiprocessing
import multiprocessing.connection
import os
import signal
import threading
from collections.abc import Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor, as_completed
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path

from spacy.language import Language

from timeline import ner
from timeline.actors import load_actors
from timeline.errors import TimelineError
from timeline.schema import Article, ArticleAnalysis


def analyse_in_processes(
    todo: Sequence[tuple[int, Article]], model_dir: Path, focus: frozenset[str], workers: int
) -> Iterator[tuple[int, tuple[Article, ArticleAnalysis]]]:
    """(index, result) for every article of `todo`, analysed in `workers` processes."""
    pool = ProcessPoolExecutor(
        max_workers=workers,
        mp_context=multiprocessing.get_context("spawn"),  # no fork of a loaded spaCy pipeline
        initializer=_init_worker,
        initargs=(model_dir,),
    )
    try:
        futures = {pool.submit(_analyse_in_worker, a, model_dir, focus): i for i, a in todo}
        for future in as_completed(futures):
            yield futures[future], future.result()
    except BrokenProcessPool:
        raise TimelineError(
            "a worker process died while analysing articles; the finished ones are cached"
        ) from None
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def cpu_count() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


@functools.cache
def _worker_pipeline(model_dir: Path) -> Language:
    """The spaCy pipeline of a worker process, loaded once per process."""
    return ner.load_pipeline(model_dir)


def _init_worker(model_dir: Path) -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is for the main process to handle
    parent = multiprocessing.parent_process()
    if parent is not None and parent.sentinel is not None:
        threading.Thread(target=_exit_with, args=(parent.sentinel,), daemon=True).start()
    _worker_pipeline(model_dir)


def _exit_with(parent_sentinel: int) -> None:
    """End this worker when the main process is gone (killed: it cannot shut the pool down)."""
    multiprocessing.connection.wait([parent_sentinel])
    os._exit(1)


def _analyse_in_worker(
    article: Article, model_dir: Path, focus: frozenset[str]
) -> tuple[Article, ArticleAnalysis]:
    from timeline.pipeline import analyse_article  # the same stage code as a serial build

    return analyse_article(article, _worker_pipeline(model_dir), load_actors(), focus)
