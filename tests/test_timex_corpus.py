"""Runs the Duckling-style corpus tests/corpus/nl_time.toml through the resolver (issue 3)."""

from __future__ import annotations

import datetime as dt
import re
import tomllib
from pathlib import Path

import pytest

from tests.timex_articles import make_article
from timeline.timex import find_timexes

CORPUS = tomllib.loads((Path(__file__).parent / "corpus" / "nl_time.toml").read_text("utf-8"))
_MARK = re.compile(r"\[([^\]]+)\]")


def _cases() -> list[tuple[str, str, str | None, str | None]]:
    out = []
    for group in CORPUS["group"]:
        for earliest, latest, *phrasings in group["cases"]:
            for p in phrasings:
                out.append((group["dct"], p, earliest or None, latest or None))
    return out


CASES = _cases()


def _article(dct: str, sentence: str) -> tuple[str, list[tuple[int, int]]]:
    """Text of an article dated `dct`, and the spans of the [bracketed] parts (or the whole)."""
    head = f"date {dct}\n\n"
    spans: list[tuple[int, int]] = []
    plain = ""
    pos = 0
    for m in _MARK.finditer(sentence):
        plain += sentence[pos : m.start()]
        spans.append((len(head) + len(plain), len(head) + len(plain) + len(m.group(1))))
        plain += m.group(1)
        pos = m.end()
    plain += sentence[pos:]
    if not spans:
        spans = [(len(head), len(head) + len(plain))]
    return head + plain, spans


def test_corpus_is_large_enough() -> None:
    assert len(CASES) >= 300


@pytest.mark.parametrize(("dct", "phrasing", "earliest", "latest"), CASES)
def test_corpus(dct: str, phrasing: str, earliest: str | None, latest: str | None) -> None:
    text, spans = _article(dct, phrasing)
    found = {(t.start, t.end): t for t in find_timexes(make_article(text, "corpus.txt"))}
    target = spans[-1]
    assert target in found, f"{text[target[0] : target[1]]!r} not recognised; got {list(found)}"
    t = found[target]
    want = (
        dt.date.fromisoformat(earliest) if earliest else None,
        dt.date.fromisoformat(latest) if latest else None,
    )
    assert (t.earliest, t.latest) == want, t.note


@pytest.mark.parametrize("sentence", CORPUS["negative"]["texts"])
def test_negative(sentence: str) -> None:
    article = make_article(f"date 2025-02-12\n\n{sentence}", "negative.txt")
    assert [t.text for t in find_timexes(article)] == []
