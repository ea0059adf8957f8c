"""The date of a contact mention from its sentence's time expressions (pure functions)."""

from __future__ import annotations

import datetime as dt

from timeline.events.dating import choose_timex, coordinated_dates, said_on, tense_date
from timeline.events.lexicon import lexicon
from timeline.loader import parse_article
from timeline.schema import Interval
from timeline.segment import sentences
from timeline.timex import find_timexes

D = dt.date


def _parts(body: str, date: str):  # type: ignore[no-untyped-def]
    article = parse_article(f"date {date} {body}", "t.txt")
    (sentence,) = sentences(article.text, article.body_start)
    return article, sentence, find_timexes(article)


def test_days_that_meet_are_one_span_and_days_apart_two_contacts() -> None:
    article, _, tx = _parts("Ze spraken zondag en maandag in Berlijn.", "2025-12-16")
    ((span, words),) = coordinated_dates(tx[0], tx, article.text)
    assert (span.earliest, span.latest) == (D(2025, 12, 14), D(2025, 12, 15))
    assert words == "zondag en maandag"
    article, _, tx = _parts("In februari en half maart zag hij Poetin.", "2025-04-12")
    (first, _), (second, words) = coordinated_dates(tx[1], tx, article.text)  # either end
    assert first.earliest == D(2025, 2, 1) and second.earliest == D(2025, 3, 11)
    assert words == "half maart"


def test_said_on_is_the_day_of_the_verb_of_saying() -> None:
    _, sentence, tx = _parts("Trump zei gisteren dat hij Poetin had gesproken.", "2025-12-16")
    trigger = sentence.text.index("gesproken")
    said = said_on(sentence.text, trigger, tx, sentence, lexicon())
    assert said is not None and said.latest == D(2025, 12, 15)
    _, sentence, tx = _parts("Trump heeft gisteren Poetin gesproken.", "2025-12-16")
    assert said_on(sentence.text, sentence.text.index("gesproken"), tx, sentence, lexicon()) is None


def test_a_plan_is_not_dated_in_the_past_nor_a_fact_ahead() -> None:
    article, sentence, tx = _parts("Gisteren zei hij dat ze morgen bellen.", "2025-03-10")
    dct = article.published.interval
    chosen = choose_timex(tx, sentence.text.index("bellen"), "planned", dct, sentence.start)
    assert chosen is not None and chosen.text == "morgen"
    assert tense_date("planned", dct).earliest == D(2025, 3, 10)
    assert tense_date(
        "occurred", Interval(earliest=D(2025, 2, 1), latest=D(2025, 2, 28))
    ).latest == D(2025, 2, 28)
