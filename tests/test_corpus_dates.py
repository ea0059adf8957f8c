"""Narrowing a month-only date line from the rest of the corpus (timex.corpus)."""

from __future__ import annotations

import datetime as dt

from timeline.loader import parse_article
from timeline.pipeline import build_from_articles
from timeline.schema import Interval

DAY = parse_article(
    "date 2025-02-13 Trump en Poetin hebben gisteren met elkaar gebeld. "
    "Het gesprek duurde gisteren anderhalf uur.",
    "a.txt",
)
MONTH = parse_article(
    "date 2025-02 Trump en Poetin hebben gisteren met elkaar gebeld.\n\n"
    "De twee presidenten belden gisteren anderhalf uur met elkaar.",
    "b.txt",
)
ONCE = parse_article("date 2025-02 Trump en Poetin hebben gisteren met elkaar gebeld.", "c.txt")


def test_month_dated_article_is_dated_by_the_contact_it_shares(nlp) -> None:  # type: ignore[no-untyped-def]
    _, analyses, articles = build_from_articles([DAY, MONTH], nlp=nlp)
    (b,) = [a for a in articles if a.id == "b.txt"]
    assert b.published.narrowed == Interval(
        earliest=dt.date(2025, 2, 13), latest=dt.date(2025, 2, 13)
    )
    assert "a.txt dates 2025-02-12" in (b.published.narrowed_because or "")
    (analysis,) = [a for a in analyses if a.article == "b.txt"]
    assert all(t.earliest == dt.date(2025, 2, 12) for t in analysis.timexes)


def test_one_report_is_not_enough(nlp) -> None:  # type: ignore[no-untyped-def]
    _, _, articles = build_from_articles([DAY, ONCE], nlp=nlp)
    (c,) = [a for a in articles if a.id == "c.txt"]
    assert c.published.narrowed is None


def test_day_dated_articles_are_left_alone(nlp) -> None:  # type: ignore[no-untyped-def]
    _, _, articles = build_from_articles([DAY, MONTH], nlp=nlp)
    (a,) = [x for x in articles if x.id == "a.txt"]
    assert a.published.narrowed is None
