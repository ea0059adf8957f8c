"""The per-article stage on a Dask distributed cluster: `timeline build --executor dask`.

With a scheduler address (`--scheduler`, else $TIMELINE_DASK_SCHEDULER) the
articles go to that cluster's workers, on this machine or others; without one, a
`LocalCluster` of this machine is started for the build (worker processes, one
thread each, no dashboard) and closed after it.

Articles travel in batches (`executors.batches`), a few per worker in flight at
a time; each worker loads the spaCy pipeline once (a per-process cache keyed by
model directory) and runs a batch through `nlp.pipe`. Results stream back with
`as_completed`; the caller caches each one and merges them locally in
article-id order, so the output is the bytes of a serial build.

Every worker also reports the fingerprint of its installation (the analysis
cache's: code, language data, models, spaCy and Python versions, focus). A worker
whose fingerprint differs from this machine's would give different analyses, so
the build stops with a message naming it rather than mix them.

`dask[distributed]` is an optional dependency (`pip install 'timeline[dask]'`).
"""

from __future__ import annotations

import contextlib
import functools
import logging
import os
import signal
import threading
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from spacy.language import Language

from timeline import ner
from timeline.actors import load_actors
from timeline.analysis import analyse_batch
from timeline.cache import Fingerprint
from timeline.errors import TimelineError
from timeline.executors import (
    IN_FLIGHT_PER_WORKER,
    AnalysisSpec,
    Done,
    WorkItem,
    batches,
    cpu_count,
)

if TYPE_CHECKING:
    from distributed import Client

SCHEDULER_ENV = "TIMELINE_DASK_SCHEDULER"
CONNECT_TIMEOUT = "10s"
MISSING = (
    "--executor dask needs Dask distributed, which is not installed: "
    "pip install 'timeline[dask]' (or pip install 'dask[distributed]')"
)


class DaskExecutor:
    """The cluster at `scheduler` (None: $TIMELINE_DASK_SCHEDULER, else a LocalCluster
    of `workers` processes, 0: one per CPU)."""

    def __init__(self, scheduler: str | None = None, workers: int = 0) -> None:
        self.scheduler = scheduler or os.environ.get(SCHEDULER_ENV) or None
        self.workers = workers if workers > 0 else cpu_count()

    def analyse(self, todo: Sequence[WorkItem], spec: AnalysisSpec) -> Iterator[Done]:
        if not todo:
            return
        distributed = _import_distributed()
        expected = _fingerprint(spec)
        with _quiet_dask_logs():
            yield from self._analyse(distributed, todo, spec, expected)

    def _analyse(
        self, distributed: Any, todo: Sequence[WorkItem], spec: AnalysisSpec, expected: str
    ) -> Iterator[Done]:
        client, close = self._connect(distributed, len(todo))
        try:
            n = max(1, sum(client.nthreads().values()))
            queue = iter(batches(todo, n))
            running = distributed.as_completed(loop=client.loop)
            for _ in range(n * IN_FLIGHT_PER_WORKER):
                if (batch := next(queue, None)) is not None:
                    running.add(client.submit(_analyse_on_worker, batch, spec, pure=False))
            for future in running:
                worker, digest, done = future.result()
                if digest != expected:
                    raise TimelineError(
                        f"Dask worker {worker} runs another timeline installation than this "
                        "machine (code, language data, models, spaCy or Python version differ): "
                        "install the same version on every worker"
                    )
                yield from done
                if (batch := next(queue, None)) is not None:
                    running.add(client.submit(_analyse_on_worker, batch, spec, pure=False))
        except distributed.KilledWorker:
            raise TimelineError(
                "a Dask worker died while analysing articles; the finished ones are cached"
            ) from None
        except distributed.CancelledError:
            raise TimelineError(
                "the Dask scheduler cancelled the work (did it or its workers stop?); "
                "the finished articles are cached"
            ) from None
        finally:
            close()

    def _connect(self, distributed: Any, articles: int) -> tuple[Client, Any]:
        """A client of the cluster, and how to close what was opened for it."""
        if self.scheduler:
            try:
                client = distributed.Client(
                    self.scheduler, timeout=CONNECT_TIMEOUT, set_as_default=False
                )
            except (OSError, distributed.TimeoutError) as exc:
                raise TimelineError(
                    f"cannot reach the Dask scheduler at {self.scheduler}: {exc}"
                ) from None
            return client, client.close
        cluster = local_cluster(distributed, min(self.workers, articles))
        client = distributed.Client(cluster, set_as_default=False)

        def close() -> None:
            client.close()
            cluster.close()

        return client, close


def local_cluster(distributed: Any, workers: int) -> Any:
    """A LocalCluster of `workers` processes of one thread each, listening on this
    machine only, whose scheduler serves no dashboard and takes no fixed port (its
    HTTP server would otherwise try 8787 and warn when another cluster holds it)."""
    with _workers_ignore_ctrl_c():
        return distributed.LocalCluster(
            n_workers=workers,
            threads_per_worker=1,
            processes=True,
            host="127.0.0.1",
            dashboard_address=":0",
            scheduler_kwargs={"dashboard": False},
            silence_logs=logging.ERROR,
        )


@contextlib.contextmanager
def _workers_ignore_ctrl_c() -> Iterator[None]:
    """Start worker processes that ignore Ctrl-C: the main process handles it and closes
    the cluster (a spawned process inherits an ignored signal). A Ctrl-C while the
    cluster starts is ignored too; outside the main thread nothing changes."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)


@contextlib.contextmanager
def _quiet_dask_logs() -> Iterator[None]:
    """Dask's own log records (a lost scheduler logs tracebacks while the client retries)
    stay out of the build's stderr; what goes wrong ends the build with a message."""
    loggers = [
        logging.getLogger(name)
        for name in ["distributed", *logging.root.manager.loggerDict]
        if name == "distributed" or name.startswith("distributed.")
    ]
    levels = [logger.level for logger in loggers]
    for logger in loggers:
        logger.setLevel(logging.CRITICAL)
    try:
        yield
    finally:
        for logger, level in zip(loggers, levels, strict=True):
            logger.setLevel(level)


def _import_distributed() -> Any:
    try:
        import distributed
    except ImportError:
        raise TimelineError(MISSING) from None
    return distributed


def _fingerprint(spec: AnalysisSpec) -> str:
    """The digest of this installation's analysis fingerprint for `spec`."""
    model_dir = spec.model_dir if spec.model_dir is not None else ner.default_model_dir()
    return Fingerprint.compute(model_dir, spec.focus).digest


_lock = threading.Lock()  # a worker may run several threads (dask worker --nthreads)


@functools.cache
def _worker_pipeline(model_dir: Path | None) -> Language:
    """A worker process's spaCy pipeline, loaded once per process and model directory."""
    return ner.load_pipeline(model_dir)


@functools.cache
def _worker_fingerprint(spec: AnalysisSpec) -> str:
    return _fingerprint(spec)


def _analyse_on_worker(batch: list[WorkItem], spec: AnalysisSpec) -> tuple[str, str, list[Done]]:
    """(worker address, fingerprint digest, results) for one batch, on a Dask worker."""
    from distributed import get_worker

    address = get_worker().address
    try:
        with _lock:  # one pipeline per process, never run by two threads at once
            nlp = _worker_pipeline(spec.model_dir)
            digest = _worker_fingerprint(spec)
            done = list(analyse_batch(batch, nlp, load_actors(), spec.focus))
    except TimelineError as exc:  # a plain message travels back to the client intact
        raise TimelineError(f"on Dask worker {address}: {exc}") from None
    return address, digest, done
