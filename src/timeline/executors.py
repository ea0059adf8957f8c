"""Where the per-article stage runs: one small interface, three implementations.

An executor takes (index, Article) work items and what a worker needs to
analyse them (`AnalysisSpec`: the model directory and the focus actors), runs
`timeline.analysis` on each and yields (index, analysis) pairs as they finish,
in any order. The caller (`pipeline.analyse_articles`) caches each result as it
arrives and puts them back in article-id order, so the output is the same
bytes whichever executor ran.

    SerialExecutor     this process, articles batched through `nlp.pipe`
    ProcessExecutor    local worker processes (`timeline.workers`, `--jobs N`)
    DaskExecutor       a Dask distributed cluster (`timeline.dask_executor`)

`pipeline.make_executor` picks one from the build options. This module holds the
interface and what the implementations share; it imports none of them.
"""

from __future__ import annotations

import os
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import Protocol

from spacy.language import Language

from timeline import ner
from timeline.actors import load_actors
from timeline.analysis import BATCH_SIZE, Analysis, analyse_batch
from timeline.schema import Article

WorkItem = tuple[int, Article]  # (index in the caller's list, the article as loaded)
Done = tuple[int, Analysis]  # (that index, the article as analysed and its analysis)

# batches in flight per worker: enough to keep each busy, few enough that memory
# stays bounded and Ctrl-C does not wait for a whole corpus
IN_FLIGHT_PER_WORKER = 2


class ExecutorKind(StrEnum):
    auto = "auto"  # serial for --jobs 1, local processes otherwise
    serial = "serial"
    processes = "processes"
    dask = "dask"


@dataclass(frozen=True)
class AnalysisSpec:
    """What a worker needs besides the articles (picklable: it travels to workers)."""

    focus: frozenset[str]
    # None: the model installed with timeline, as each worker finds it (on another
    # machine, its own copy); a path must exist wherever the workers run
    model_dir: Path | None = None


class Executor(Protocol):
    """Runs the per-article stage over work items; yields results as they finish."""

    def analyse(self, todo: Sequence[WorkItem], spec: AnalysisSpec) -> Iterator[Done]:
        """(index, analysis) for every item of `todo`, in any order. Loads nothing
        and starts nothing when `todo` is empty."""
        ...


class SerialExecutor:
    """In this process: the spaCy pipeline (given, or loaded once when there is work)
    runs over `batch_size` articles at a time."""

    def __init__(self, nlp: Language | None = None, batch_size: int = BATCH_SIZE) -> None:
        self.nlp = nlp
        self.batch_size = batch_size

    def analyse(self, todo: Sequence[WorkItem], spec: AnalysisSpec) -> Iterator[Done]:
        if not todo:
            return
        if self.nlp is None:
            self.nlp = ner.load_pipeline(spec.model_dir)
        yield from analyse_batch(todo, self.nlp, load_actors(), spec.focus, self.batch_size)


def cpu_count() -> int:
    """The CPUs this process may run on."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def batches(todo: Sequence[WorkItem], workers: int) -> list[list[WorkItem]]:
    """`todo` cut into consecutive batches for `workers` workers: at most `BATCH_SIZE`
    articles each (one `nlp.pipe` batch), and at least four batches per worker while
    there are articles enough, so that the workers finish together."""
    size = max(1, min(BATCH_SIZE, len(todo) // (4 * max(1, workers))))
    return [list(todo[i : i + size]) for i in range(0, len(todo), size)]
