"""The per-article analysis cache: same bytes, nothing analysed twice, resumes, survives corruption."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

from timeline import cache, executors, export, ner, pipeline
from timeline.actors import load_actors
from timeline.cache import AnalysisCache, Fingerprint, default_cache_dir
from timeline.cli import app
from timeline.loader import load_paths
from timeline.pipeline import BuildOptions, build_timeline
from timeline.schema import Timeline

from .conftest import DATA, ROOT
from .small_corpus import copy_corpus

runner = CliRunner()


def _json(result: pipeline.BuildResult) -> str:
    return export.render(result.timeline, "json")


def _entries(root: Path) -> list[Path]:
    return sorted((root / cache.NAMESPACE).glob("*/*[0-9a-f].json"))


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return copy_corpus(tmp_path_factory.mktemp("corpus"))


@pytest.fixture(scope="module")
def clean(corpus: Path, nlp) -> str:  # type: ignore[no-untyped-def]
    """The JSON of an uncached build."""
    return _json(build_timeline([corpus], BuildOptions(), nlp=nlp))


def test_cached_build_is_byte_identical_and_analyses_nothing(
    corpus: Path, clean: str, nlp, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    options = BuildOptions(cache_dir=tmp_path / "cache")
    first = build_timeline([corpus], options, nlp=nlp)
    ids = sorted(p.name for p in corpus.iterdir())
    assert first.analysed == ids and first.cached == []
    assert len(_entries(tmp_path / "cache")) == len(ids)
    assert _json(first) == clean

    calls: list[str] = []
    real = executors.analyse_batch

    def counted(todo, *rest):  # type: ignore[no-untyped-def]
        todo = list(todo)
        calls.extend(a.id for _, a in todo)
        return real(todo, *rest)

    monkeypatch.setattr(executors, "analyse_batch", counted)

    def no_pipeline(*args: object) -> None:
        raise AssertionError("the spaCy pipeline was loaded for a fully cached build")

    monkeypatch.setattr(pipeline.ner, "load_pipeline", no_pipeline)
    second = build_timeline([corpus], options)  # no nlp given: it must not be needed
    assert calls == [] and second.analysed == [] and second.cached == ids
    assert second.cache_warnings == []
    assert _json(second) == clean
    assert [a.model_dump() for a in second.analyses] == [a.model_dump() for a in first.analyses]
    assert second.articles == first.articles  # the narrowed articles too


def test_cli_uses_the_cache(corpus: Path, clean: str, nlp, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    root = tmp_path / "cache"
    build_timeline([corpus], BuildOptions(cache_dir=root), nlp=nlp)  # fill it
    result = runner.invoke(app, ["build", str(corpus), "--cache", str(root)])
    assert result.exit_code == 0, result.output
    assert result.stdout == clean
    assert "(4 from the cache)" in result.stderr
    result = runner.invoke(app, ["build", str(corpus), "--cache", str(root), "--no-cache"])
    assert result.exit_code == 2 and "not both" in result.output


def test_default_cache_dir(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("TIMELINE_CACHE_DIR", str(tmp_path / "a"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert default_cache_dir() == tmp_path / "a"
    monkeypatch.delenv("TIMELINE_CACHE_DIR")
    assert default_cache_dir() == tmp_path / "xdg" / "timeline"
    monkeypatch.setenv("XDG_CACHE_HOME", "relative/ignored")
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    assert default_cache_dir() == tmp_path / "home" / ".cache" / "timeline"


def test_fingerprint_changes_with_model_data_and_focus(tmp_path: Path) -> None:
    model = tmp_path / "model"
    model.mkdir()
    (model / "meta.json").write_text('{"version": "1"}', encoding="utf-8")
    base = Fingerprint.compute(model, ["trump", "putin"])
    assert Fingerprint.compute(model, ["putin", "trump"]).digest == base.digest
    assert Fingerprint.compute(model, ["trump"]).digest != base.digest
    (model / "meta.json").write_text('{"version": "2"}', encoding="utf-8")
    assert Fingerprint.compute(model, ["trump", "putin"]).digest != base.digest
    lang = tmp_path / "lang"
    (lang / "nl").mkdir(parents=True)
    (lang / "nl" / "triggers.toml").write_text("a = 1\n", encoding="utf-8")
    before = cache._hash_tree(lang, "*")
    (lang / "nl" / "triggers.toml").write_text("a = 2\n", encoding="utf-8")
    assert cache._hash_tree(lang, "*") != before
    with pytest.raises(cache.ModelNotFoundError):
        Fingerprint.compute(tmp_path / "nothing", [])


def test_stale_fingerprints_are_pruned(tmp_path: Path) -> None:
    model = tmp_path / "model"
    model.mkdir()
    for i in range(5):
        (model / "meta.json").write_text(str(i), encoding="utf-8")
        AnalysisCache.open(tmp_path / "cache", Fingerprint.compute(model, []))
        time.sleep(0.01)
    (tmp_path / "cache" / cache.NAMESPACE / "not-ours").mkdir()
    kept = sorted(p.name for p in (tmp_path / "cache" / cache.NAMESPACE).iterdir())
    assert len(kept) == cache.KEEP_FINGERPRINTS + 1 and "not-ours" in kept


def test_corrupt_entries_are_recomputed_with_a_warning(
    corpus: Path, clean: str, nlp, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    root = tmp_path / "cache"
    options = BuildOptions(cache_dir=root)
    build_timeline([corpus], options, nlp=nlp)
    entries = _entries(root)
    entries[0].write_bytes(entries[0].read_bytes()[:100])  # truncated
    entries[1].write_bytes(b"\x00\xff garbage")
    entries[2].write_bytes(entries[3].read_bytes())  # valid JSON, another article
    result = build_timeline([corpus], options, nlp=nlp)
    assert len(result.analysed) == 3 and len(result.cached) == 1
    assert len(result.cache_warnings) == 3
    assert all("corrupt cache entry" in w for w in result.cache_warnings)
    assert _json(result) == clean
    again = build_timeline([corpus], options, nlp=nlp)  # rewritten: all hits now
    assert again.analysed == [] and again.cache_warnings == []

    entries[0].write_text('{"format": 1}', encoding="utf-8")  # through the CLI: a warning
    result = runner.invoke(app, ["build", str(corpus), "--cache", str(root), "-q"])
    assert result.exit_code == 0, result.output
    assert "warning" in result.stderr and "corrupt cache entry" in result.stderr
    assert "Traceback" not in result.output
    assert result.stdout == clean


def test_an_unwritable_cache_only_warns(corpus: Path, clean: str, nlp, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    blocker = tmp_path / "file"
    blocker.write_text("not a directory", encoding="utf-8")
    result = build_timeline([corpus], BuildOptions(cache_dir=blocker / "cache"), nlp=nlp)
    assert _json(result) == clean
    assert len(result.cache_warnings) == 1 and "cannot be written" in result.cache_warnings[0]


def test_killed_build_resumes_from_the_cache(tmp_path: Path, nlp) -> None:  # type: ignore[no-untyped-def]
    names = sorted(p.name for p in DATA.glob("1*.txt"))[:16]
    corpus = copy_corpus(tmp_path / "corpus", names)
    root, out = tmp_path / "cache", tmp_path / "t.json"
    command = [sys.executable, "-m", "timeline", "build", str(corpus), "--cache", str(root)]
    proc = subprocess.Popen(
        [*command, "-o", str(out), "-q"],
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 120
    while not _entries(root) and proc.poll() is None and time.monotonic() < deadline:
        time.sleep(0.005)
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    finished = {json.loads(p.read_bytes())["article"]["id"] for p in _entries(root)}
    assert 1 <= len(finished) < len(names), "the build was not killed mid-corpus"
    assert not out.exists()

    resumed = build_timeline([corpus], BuildOptions(cache_dir=root), nlp=nlp)
    assert set(resumed.cached) == finished
    assert sorted(resumed.analysed) == sorted(set(names) - finished)
    clean = build_timeline([corpus], BuildOptions(), nlp=nlp)
    assert _json(resumed) == _json(clean)
    Timeline.model_validate_json(_json(resumed))


def test_diff_builds_corpus_folders_from_the_cache(
    corpus: Path, nlp, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    root = tmp_path / "cache"
    build_timeline([corpus], BuildOptions(cache_dir=root), nlp=nlp)  # fill it

    def no_pipeline(*args: object) -> None:
        raise AssertionError("diff analysed an article that is in the cache")

    monkeypatch.setattr(pipeline.ner, "load_pipeline", no_pipeline)
    result = runner.invoke(app, ["diff", str(corpus), str(corpus), "--cache", str(root)])
    assert result.exit_code == 0, result.output
    assert "no changes" in result.stdout


def test_tokens_are_kept_apart_and_a_build_does_not_read_them(
    corpus: Path, clean: str, nlp, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    root = tmp_path / "cache"
    first = build_timeline([corpus], BuildOptions(cache_dir=root), nlp=nlp)
    assert all(a.tokens == [] for a in first.analyses)  # a build keeps only what it merges
    store = cache.open_cache(root, ner.default_model_dir(), load_actors().focus_ids)
    assert store is not None
    fresh = pipeline.analyse_articles(load_paths([corpus]).articles, nlp=nlp)
    for article, analysis in zip(fresh.articles, fresh.analyses, strict=True):
        hit = store.get(article)
        assert hit is not None and hit[1] == analysis  # the token columns read back whole
        slim = store.get(article, tokens=False)
        assert slim is not None and slim[1].tokens == [] and slim[1].events == analysis.events
    for path in (root / cache.NAMESPACE).glob("*/*.tokens.json"):
        path.write_bytes(b"\x00 not tokens")
    again = build_timeline([corpus], BuildOptions(cache_dir=root), nlp=nlp)
    assert again.analysed == [] and _json(again) == clean
    assert store.get(fresh.articles[0]) is None  # a full read finds the tokens corrupt
    assert "corrupt cache entry" in store.warnings[0]
