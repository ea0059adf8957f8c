"""Fuzzing loader, resolver and event builder with generated article text.

CI runs a bounded number of examples; `bench/fuzz.py` runs as many as asked.
"""

from __future__ import annotations

import os

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from timeline.actors import load_actors
from timeline.errors import ArticleError
from timeline.events import build_mentions
from timeline.loader import decode, parse_article
from timeline.segment import sentences
from timeline.timex import find_timexes

KB = load_actors()
EXAMPLES = int(os.environ.get("TIMELINE_FUZZ_EXAMPLES", "300"))

WORDS = [
    "Trump",
    "Poetin",
    "Zelensky",
    "Biden",
    "Witkoff",
    "de",
    "Russische",
    "president",
    "heeft",
    "gisteren",
    "vandaag",
    "morgen",
    "dinsdag",
    "vorige",
    "volgende",
    "week",
    "maand",
    "jaar",
    "geleden",
    "bijna",
    "ruim",
    "drie",
    "twee",
    "begin",
    "eind",
    "half",
    "februari",
    "maart",
    "2022",
    "2025",
    "18",
    "gebeld",
    "belde",
    "ontmoeten",
    "ontmoeting",
    "gesprek",
    "top",
    "sinds",
    "tot",
    "tussen",
    "en",
    "kort",
    "na",
    "voor",
    "zal",
    "wil",
    "ontkent",
    "niet",
    "zo",
    "mei",
    "hij",
    "de twee",
    "elkaar",
    ".",
    ",",
    '"',
    "\n\n",
    "Kop",
    "ook",
    "met",
    "in",
    "Moskou",
    "Witte",
    "Huis",
    "over",
    "dagen",
    "weken",
    "een",
    "dag",
    "later",
    "eerder",
]
date_lines = st.one_of(
    st.builds(
        lambda y, m, d: f"date {y:04d}-{m:02d}" + (f"-{d:02d}" if d else ""),
        st.integers(1990, 2030),
        st.integers(0, 13),
        st.one_of(st.none(), st.integers(0, 32)),
    ),
    st.text(max_size=20),
)
bodies = st.lists(st.sampled_from(WORDS), max_size=80).map(" ".join)
noise = st.text(max_size=40)


@settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(date_lines, bodies, noise, st.sampled_from(["", " ", "\ufeff", "\n"]))
def test_pipeline_never_crashes(date_line: str, body: str, extra: str, lead: str) -> None:
    text = f"{lead}{date_line} {body}{extra}"
    try:
        decoded, _ = decode(text.encode("utf-8", "surrogatepass"))
        article = parse_article(decoded, "fuzz.txt")
    except (ArticleError, UnicodeEncodeError):
        return
    timexes = find_timexes(article)
    for t in timexes:
        assert article.text[t.start : t.end] == t.text
        if t.earliest and t.latest:
            assert t.earliest <= t.latest
    mentions = build_mentions(article, sentences(article.text, article.body_start), [], timexes, KB)
    for m in mentions:
        assert article.text[m.source.start : m.source.end] == m.source.quote
        if m.date.earliest and m.date.latest:
            assert m.date.earliest <= m.date.latest


@settings(max_examples=EXAMPLES, deadline=None)
@given(st.binary(max_size=200))
def test_loader_takes_any_bytes(data: bytes) -> None:
    try:
        text, _ = decode(data)
        parse_article(text, "x.txt")
    except ArticleError:
        pass
