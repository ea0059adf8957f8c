"""bench/make_corpus.py: the generated archive is deterministic, has every kind of
article, repeats no body, names no leader in its filler and dates nothing late."""

from __future__ import annotations

import importlib.util
import re
import sys
from collections import Counter
from pathlib import Path
from types import ModuleType

import pytest

from timeline.errors import Code
from timeline.loader import load_paths
from timeline.page import classify_line

BENCH = Path(__file__).resolve().parents[1] / "bench" / "make_corpus.py"


@pytest.fixture(scope="module")
def make_corpus() -> ModuleType:
    spec = importlib.util.spec_from_file_location("make_corpus", BENCH)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["make_corpus"] = module
    spec.loader.exec_module(module)
    return module


def test_the_same_seed_gives_the_same_corpus_and_another_seed_another(
    make_corpus: ModuleType,
) -> None:
    a = make_corpus.make(300, 7, make_corpus.LATEST)
    assert a == make_corpus.make(300, 7, make_corpus.LATEST)
    assert a != make_corpus.make(300, 8, make_corpus.LATEST)
    kinds = Counter(name.split("_")[1] for name, _ in a)
    assert set(kinds) == set(make_corpus.KINDS)


def test_the_loader_reads_every_article_and_finds_no_duplicate(
    make_corpus: ModuleType, tmp_path: Path
) -> None:
    files = make_corpus.make(300, 16, make_corpus.LATEST)
    make_corpus.write(files, tmp_path / "c")
    loaded = load_paths([tmp_path / "c"])
    assert len(loaded.articles) == 300
    assert not [p for p in loaded.problems if p.code is Code.DUPLICATE]
    assert max(a.published.latest for a in loaded.articles) <= make_corpus.LATEST


def test_filler_names_no_leader_and_swapped_names_stay_in_the_actor_base(
    make_corpus: ModuleType,
) -> None:
    files = make_corpus.make(300, 16, make_corpus.LATEST)
    leaders = re.compile(r"\b(Trump|Zelensk\w*|Poetin\w*|Putin\w*)\b")
    fillers = [text for name, text in files if "_filler_" in name]
    assert fillers and not any(leaders.search(text) for text in fillers)
    swapped = make_corpus.swap_names("Steve Witkoff sprak met Lavrov, niet met Kellogg.", Random0())
    assert swapped == "Keith Kellogg sprak met Lavrov, niet met Witkoff."


class Random0:
    """A stand-in for random.Random whose sample takes the first pairs of names."""

    def sample(self, seq: list, k: int) -> list:
        return list(seq[:k])


def test_a_byline_of_sixteen_words_is_read_and_a_longer_line_is_not() -> None:
    # bylines are read from lines of at most 16 words; the tokenising stops after 17
    assert classify_line("Door Jan de Vries · 5 maart 2025, 09:12") is not None
    assert classify_line("Door " + " ".join(["Jan"] * 15)) is not None  # 16 words
    assert classify_line("Door " + " ".join(["Jan"] * 16)) is None  # 17 words
