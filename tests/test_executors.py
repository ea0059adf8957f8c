"""Executors: one interface (serial, processes, Dask), the same bytes from each.

The Dask tests run a `LocalCluster` of two worker processes on a few articles of
data/ (the module's cluster is shared; one test starts the build's own cluster).
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator, Sequence
from pathlib import Path

import pytest
from typer.testing import CliRunner

from timeline import dask_executor, executors, export, loader, pipeline
from timeline.actors import load_actors
from timeline.analysis import analyse_article, analyse_batch
from timeline.cli import app
from timeline.dask_executor import SCHEDULER_ENV, DaskExecutor
from timeline.executors import (
    BATCH_SIZE,
    AnalysisSpec,
    Done,
    ExecutorKind,
    SerialExecutor,
    WorkItem,
    batches,
)
from timeline.pipeline import BuildOptions, build_timeline, make_executor
from timeline.workers import ProcessExecutor

from .conftest import DATA, ROOT
from .small_corpus import SMALL, copy_corpus

runner = CliRunner()


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return copy_corpus(tmp_path_factory.mktemp("small"))


@pytest.fixture(scope="module")
def serial_json(corpus: Path, nlp) -> str:  # type: ignore[no-untyped-def]
    """The JSON of an uncached build in this process (`--jobs 1`)."""
    return export.render(build_timeline([corpus], BuildOptions(), nlp=nlp).timeline, "json")


def _cache_entries(root: Path) -> list[Path]:
    return list(root.glob("analysis-v2/*/*[0-9a-f].json"))


# -- the interface ---------------------------------------------------------------------------


def _items(n: int) -> list[WorkItem]:
    article = loader.load_paths([DATA / SMALL[0]]).articles[0]
    return [(i, article) for i in range(n)]


@pytest.mark.parametrize("n", [0, 1, 7, 40, 300, 1000])
@pytest.mark.parametrize("workers", [1, 2, 8])
def test_batches_cover_the_work_in_order(n: int, workers: int) -> None:
    todo = _items(n)
    cut = batches(todo, workers)
    assert [item for batch in cut for item in batch] == todo
    assert all(1 <= len(batch) <= BATCH_SIZE for batch in cut)
    if n >= 4 * workers:
        assert len(cut) >= 4 * workers  # every worker gets several batches: they finish together


def test_a_batch_gives_what_one_article_at_a_time_gives(nlp) -> None:  # type: ignore[no-untyped-def]
    articles = loader.load_paths([DATA]).articles[:24]
    kb, focus = load_actors(), load_actors().focus_ids
    one = [analyse_article(a, nlp, kb, focus) for a in articles]
    batched = dict(analyse_batch(enumerate(articles), nlp, kb, focus, batch_size=8))
    assert sorted(batched) == list(range(len(articles)))
    assert [batched[i] for i in range(len(articles))] == one


def test_no_work_loads_nothing(monkeypatch: pytest.MonkeyPatch) -> None:
    def no_pipeline(*args: object) -> None:
        raise AssertionError("the spaCy pipeline was loaded with nothing to analyse")

    monkeypatch.setattr(executors.ner, "load_pipeline", no_pipeline)
    spec = AnalysisSpec(frozenset({"trump"}))
    for executor in (SerialExecutor(), ProcessExecutor(2), DaskExecutor(workers=2)):
        assert list(executor.analyse([], spec)) == []


@pytest.mark.parametrize(
    ("options", "kind"),
    [
        (BuildOptions(), SerialExecutor),
        (BuildOptions(jobs=2), ProcessExecutor),
        (BuildOptions(jobs=0), ProcessExecutor),
        (BuildOptions(jobs=4, executor=ExecutorKind.serial), SerialExecutor),
        (BuildOptions(jobs=1, executor=ExecutorKind.processes), ProcessExecutor),
        (BuildOptions(executor=ExecutorKind.dask), DaskExecutor),
    ],
)
def test_the_options_pick_the_executor(options: BuildOptions, kind: type) -> None:
    assert isinstance(make_executor(options), kind)


def test_the_scheduler_comes_from_the_option_else_the_environment(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv(SCHEDULER_ENV, "tcp://from-env:8786")
    assert DaskExecutor().scheduler == "tcp://from-env:8786"
    assert DaskExecutor("tcp://given:8786").scheduler == "tcp://given:8786"
    monkeypatch.delenv(SCHEDULER_ENV)
    assert DaskExecutor().scheduler is None  # a LocalCluster


class _Reversed:
    """An executor that returns its results in the reverse order."""

    def __init__(self, nlp) -> None:  # type: ignore[no-untyped-def]
        self.inner = SerialExecutor(nlp)

    def analyse(self, todo: Sequence[WorkItem], spec: AnalysisSpec) -> Iterator[Done]:
        yield from reversed(list(self.inner.analyse(todo, spec)))


def test_results_in_any_order_give_the_same_bytes(
    corpus: Path, serial_json: str, nlp, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(pipeline, "make_executor", lambda options, nlp_: _Reversed(nlp))
    result = build_timeline([corpus], BuildOptions(cache_dir=tmp_path))
    assert result.analysed == sorted(SMALL)
    assert export.render(result.timeline, "json") == serial_json
    assert len(_cache_entries(tmp_path)) == len(SMALL)  # each result cached as it came


def test_pipeline_and_workers_do_not_import_each_other() -> None:
    code = (
        "import sys, timeline.workers, timeline.dask_executor\n"
        "assert 'timeline.pipeline' not in sys.modules, 'an executor imports the pipeline'\n"
        "del sys.modules['timeline.workers'], sys.modules['timeline.dask_executor']\n"
        "import timeline.pipeline\n"
        "assert 'timeline.workers' not in sys.modules, 'the pipeline imports the workers'\n"
        "assert 'distributed' not in sys.modules, 'Dask is imported without being used'\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True, cwd=ROOT)


def test_without_dask_installed_a_clear_message(
    corpus: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setitem(sys.modules, "distributed", None)  # import distributed: ImportError
    result = runner.invoke(
        app, ["build", str(corpus), "--executor", "dask", "--cache", str(tmp_path)]
    )
    assert result.exit_code == 2
    assert "needs Dask distributed" in result.stderr and "timeline[dask]" in result.stderr
    assert "Traceback" not in result.output


def test_scheduler_is_for_the_dask_executor(corpus: Path) -> None:
    result = runner.invoke(app, ["build", str(corpus), "--scheduler", "tcp://127.0.0.1:8786"])
    assert result.exit_code == 2 and "--executor dask" in result.output


# -- Dask ------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def scheduler() -> Iterator[str]:
    """The address of a LocalCluster of two worker processes, shared by this module's tests."""
    distributed = pytest.importorskip("distributed")
    cluster = dask_executor.local_cluster(distributed, 2)
    try:
        yield cluster.scheduler_address
    finally:
        cluster.close()


def test_dask_gives_the_bytes_of_jobs_1_and_fills_the_cache(
    scheduler: str, serial_json: str, tmp_path: Path
) -> None:
    shuffled = copy_corpus(tmp_path / "shuffled", list(reversed(SMALL)), shuffle_seed=3)
    root = tmp_path / "cache"
    args = ["build", str(shuffled), "--cache", str(root), "--executor", "dask"]
    result = runner.invoke(app, [*args, "--scheduler", scheduler])
    assert result.exit_code == 0, result.output
    assert result.stdout == serial_json
    assert len(_cache_entries(root)) == len(SMALL)  # the client stored every worker's result

    again = build_timeline([shuffled], BuildOptions(cache_dir=root, jobs=1))
    assert again.analysed == [] and sorted(again.cached) == sorted(SMALL)
    assert export.render(again.timeline, "json") == serial_json


def test_dask_scheduler_from_the_environment(
    scheduler: str, serial_json: str, corpus: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(SCHEDULER_ENV, scheduler)
    result = runner.invoke(app, ["build", str(corpus), "--no-cache", "--executor", "dask"])
    assert result.exit_code == 0, result.output
    assert result.stdout == serial_json


def test_a_worker_of_another_installation_stops_the_build(
    scheduler: str, corpus: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    # this process stands for a machine whose code or models differ from the workers'
    monkeypatch.setattr(dask_executor, "_fingerprint", lambda spec: "another-installation")
    args = ["build", str(corpus), "--cache", str(tmp_path), "--executor", "dask"]
    result = runner.invoke(app, [*args, "--scheduler", scheduler])
    assert result.exit_code == 2
    assert "runs another timeline installation" in result.stderr
    assert _cache_entries(tmp_path) == []  # nothing of theirs was cached


def test_an_unreachable_scheduler_is_a_clear_error(
    corpus: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    pytest.importorskip("distributed")
    monkeypatch.setattr(dask_executor, "CONNECT_TIMEOUT", "1s")
    args = ["build", str(corpus), "--cache", str(tmp_path), "--executor", "dask"]
    result = runner.invoke(app, [*args, "--scheduler", "tcp://127.0.0.1:9"])
    assert result.exit_code == 2
    assert "cannot reach the Dask scheduler at tcp://127.0.0.1:9" in result.stderr
    assert "Traceback" not in result.output


def test_dask_local_cluster_gives_the_bytes_of_jobs_1(
    serial_json: str, corpus: Path, tmp_path: Path
) -> None:
    pytest.importorskip("distributed")
    root = tmp_path / "cache"
    args = ["build", str(corpus), "--cache", str(root), "--executor", "dask", "-j", "2"]
    result = runner.invoke(app, args)
    assert result.exit_code == 0, result.output
    assert result.stdout == serial_json
    assert len(_cache_entries(root)) == len(SMALL)
    assert json.loads(result.stdout)["events"]


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="needs /proc")
def test_dask_workers_end_with_a_killed_build(tmp_path: Path) -> None:
    pytest.importorskip("distributed")
    from .test_jobs import _alive, _children

    def workers(pid: int) -> list[int]:  # the local cluster's worker processes
        found = []
        for child in _children(pid):
            try:
                cmdline = (Path("/proc") / str(child) / "cmdline").read_bytes()
            except OSError:
                continue
            if b"spawn_main" in cmdline and _alive(child):
                found.append(child)
        return found

    corpus = copy_corpus(tmp_path / "corpus")
    command = [sys.executable, "-m", "timeline", "build", str(corpus), "--executor", "dask"]
    proc = subprocess.Popen(
        [*command, "-j", "2", "--cache", str(tmp_path / "cache"), "-q"],
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 120
    seen: list[int] = []
    while len(seen) < 2 and proc.poll() is None and time.monotonic() < deadline:
        seen = workers(proc.pid)
        time.sleep(0.05)
    assert len(seen) >= 2, "no Dask worker processes seen"
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    deadline = time.monotonic() + 30
    while any(_alive(w) for w in seen) and time.monotonic() < deadline:
        time.sleep(0.1)
    left = [w for w in seen if _alive(w)]
    for w in left:  # do not leave them behind even when the test fails
        os.kill(w, signal.SIGKILL)
    assert not left, "Dask worker processes outlived the killed build"
