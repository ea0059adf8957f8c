"""--jobs N: the same bytes for any number of worker processes and any file order."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

from timeline import export
from timeline.cli import app
from timeline.pipeline import BuildOptions, build_timeline

from .conftest import ROOT
from .small_corpus import SMALL, copy_corpus

runner = CliRunner()


def test_jobs_and_file_order_give_the_same_bytes(tmp_path: Path, nlp) -> None:  # type: ignore[no-untyped-def]
    ordered = copy_corpus(tmp_path / "ordered")
    one = export.render(build_timeline([ordered], BuildOptions(jobs=1), nlp=nlp).timeline, "json")

    shuffled = copy_corpus(tmp_path / "shuffled", list(reversed(SMALL)), shuffle_seed=7)
    root = tmp_path / "cache"
    result = runner.invoke(app, ["build", str(shuffled), "--jobs", "2", "--cache", str(root)])
    assert result.exit_code == 0, result.output
    assert result.stdout == one

    # the workers' results were cached by the main process, one entry per article
    again = build_timeline([shuffled], BuildOptions(cache_dir=root, jobs=2))
    assert again.analysed == [] and sorted(again.cached) == sorted(SMALL)
    assert export.render(again.timeline, "json") == one


def test_jobs_must_not_be_negative() -> None:
    result = runner.invoke(app, ["build", "data/", "--jobs", "-1"])
    assert result.exit_code == 2


def _children(pid: int) -> list[int]:
    out = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[1]) == pid:
            out.append(int(stat.parent.name))
    return out


def _alive(pid: int) -> bool:
    try:
        state = (Path("/proc") / str(pid) / "stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="needs /proc")
def test_workers_end_with_a_killed_build(tmp_path: Path) -> None:
    corpus = copy_corpus(tmp_path / "corpus")
    root = tmp_path / "cache"
    command = [sys.executable, "-m", "timeline", "build", str(corpus), "-j", "2"]
    proc = subprocess.Popen(
        [*command, "--cache", str(root), "-q"],
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 120
    workers: list[int] = []
    while len(workers) < 2 and proc.poll() is None and time.monotonic() < deadline:
        workers = [c for c in _children(proc.pid) if _alive(c)]
        time.sleep(0.05)
    assert len(workers) >= 2, "no worker processes seen"
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    deadline = time.monotonic() + 30
    while any(_alive(w) for w in workers) and time.monotonic() < deadline:
        time.sleep(0.1)
    left = [w for w in workers if _alive(w)]
    for w in left:  # do not leave them behind even when the test fails
        os.kill(w, signal.SIGKILL)
    assert not left, "worker processes outlived the killed build"
