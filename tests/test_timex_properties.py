"""Properties of the time resolver (issue 3): ordered, month = union of its days, pure."""

from __future__ import annotations

import calendar
import datetime as dt

from hypothesis import given, settings
from hypothesis import strategies as st

from tests.timex_articles import make_article
from timeline.schema import Interval
from timeline.timex import find_timexes
from timeline.timex.recognise import _UNSAFE, _safe, recognise
from timeline.timex.resolve import resolve
from timeline.timex.tense import _SENTENCE_END, _mark_ends, sentence_bounds

PHRASES = [
    "gisteren",
    "vandaag",
    "morgen",
    "eergisteren",
    "vannacht",
    "dinsdag",
    "vrijdagavond",
    "afgelopen zondag",
    "komende maandag",
    "vorige week",
    "deze week",
    "volgende week",
    "eerder deze week",
    "later deze week",
    "vorige week dinsdag",
    "volgende week vrijdag",
    "het afgelopen weekend",
    "deze maand",
    "vorige maand",
    "eerder deze maand",
    "later deze maand",
    "begin maart",
    "half juni",
    "eind december",
    "februari",
    "maart 2024",
    "18 maart",
    "dinsdag 18 maart",
    "begin 2022",
    "vorig jaar",
    "dit jaar",
    "drie dagen geleden",
    "twee weken geleden",
    "bijna drie weken geleden",
    "ruim een maand geleden",
    "bijna drie jaar geleden",
    "precies drie jaar geleden",
    "een paar dagen geleden",
    "zo'n drie weken geleden",
    "over twee weken",
    "over een paar jaar",
    "binnen twee weken",
    "de afgelopen dagen",
    "de komende dagen",
    "binnenkort",
    "onlangs",
    "sinds 2022",
    "tot half april",
    "vóór 2014",
    "Kerstmis",
    "Pasen",
    "deze zomer",
    "de 18e",
    "in de nacht van zaterdag op zondag",
    "sinds de oorlog begon",
    "anderhalve week geleden",
]
CONTEXTS = ["{}", "Trump belde {} met Poetin.", "Zelensky reist {} naar Washington."]

months = st.tuples(st.integers(2020, 2030), st.integers(1, 12))
phrase = st.sampled_from(PHRASES)
context = st.sampled_from(CONTEXTS)


def _timexes(dct: str, sentence: str):  # type: ignore[no-untyped-def]
    return find_timexes(make_article(f"date {dct}\n\n{sentence}", "p.txt"))


@settings(max_examples=150, deadline=None)
@given(months, phrase, context)
def test_earliest_not_after_latest(ym: tuple[int, int], p: str, c: str) -> None:
    y, m = ym
    for dct in (f"{y}-{m:02d}", f"{y}-{m:02d}-15"):
        for t in _timexes(dct, c.format(p)):
            assert t.earliest is None or t.latest is None or t.earliest <= t.latest
            assert t.granularity in {
                "day",
                "week",
                "month",
                "quarter",
                "season",
                "year",
                "interval",
                "open",
            }


@settings(max_examples=100, deadline=None)
@given(months, phrase, context)
def test_month_contains_each_day(ym: tuple[int, int], p: str, c: str) -> None:
    """An article dated by month denotes the union over its days (TIMEX_CONVENTIONS.md)."""
    y, m = ym
    sentence = c.format(p)
    text = f"date {y}-{m:02d}\n\n{sentence}"
    ms = recognise(text)
    month = Interval(earliest=dt.date(y, m, 1), latest=dt.date(y, m, calendar.monthrange(y, m)[1]))
    for mention in ms:
        whole = resolve(mention.value, month)
        for day in range(1, calendar.monthrange(y, m)[1] + 1):
            d = dt.date(y, m, day)
            one = resolve(mention.value, Interval(earliest=d, latest=d))
            if one is None:
                continue
            assert whole is not None
            assert whole.interval.contains(one.interval), (sentence, d)


@settings(max_examples=60, deadline=None)
@given(months, st.lists(phrase, min_size=1, max_size=5), context)
def test_deterministic_and_offsets(ym: tuple[int, int], ps: list[str], c: str) -> None:
    y, m = ym
    sentence = " ".join(c.format(p) for p in ps)
    article = make_article(f"date {y}-{m:02d}-10\n\n{sentence}", "p.txt")
    first = find_timexes(article)
    assert first == find_timexes(article)
    for t in first:
        assert article.text[t.start : t.end] == t.text
        assert t.start >= article.body_start
    assert [t.start for t in first] == sorted(t.start for t in first)


VOCAB = [
    "de",
    "het",
    "op",
    "in",
    "sinds",
    "tot",
    "voor",
    "vóór",
    "na",
    "kort",
    "vlak",
    "over",
    "binnen",
    "en",
    "tussen",
    "bijna",
    "ruim",
    "zo'n",
    "een",
    "paar",
    "enkele",
    "twee",
    "drie",
    "dagen",
    "weken",
    "maanden",
    "jaar",
    "geleden",
    "later",
    "eerder",
    "deze",
    "vorige",
    "volgende",
    "week",
    "maand",
    "weekend",
    "nacht",
    "van",
    "dinsdag",
    "zondag",
    "maart",
    "februari",
    "18",
    "31",
    "2022",
    "begin",
    "eind",
    "half",
    "zomer",
    "Kerstmis",
    "belde",
    "zal",
    "Trump",
    ".",
    ",",
    "\n\n",
]


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from(VOCAB), max_size=25), months)
def test_never_raises_on_word_salad(ws: list[str], ym: tuple[int, int]) -> None:
    y, m = ym
    article = make_article(f"date {y}-{m:02d}\n\n" + " ".join(ws) + " x", "salad.txt")
    for t in find_timexes(article):
        assert article.text[t.start : t.end] == t.text
        assert t.earliest is None or t.latest is None or t.earliest <= t.latest


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from(PHRASES + VOCAB + ["over", "dag", "voor"]), max_size=30))
def test_windowed_recognition_equals_whole_text(ws: list[str]) -> None:
    """Running rules only around their keys finds what running them everywhere finds."""
    text = "date 2025-02\n\n" + " ".join(ws)
    assert recognise(text, 14) == recognise(text, 14, windowed=False)


def _sentence_bounds_by_scan(text: str, start: int, end: int) -> tuple[int, int]:
    """sentence_bounds as first written: scan text[:start] for the last sentence end."""
    lo = 0
    for m in _SENTENCE_END.finditer(text, 0, start):
        lo = m.end()
    m2 = _SENTENCE_END.search(text, end)
    return lo, (m2.start() + 1 if m2 else len(text))


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="ab .!?\n", max_size=40), st.data())
def test_sentence_bounds_equals_scan(text: str, data: st.DataObject) -> None:
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    assert sentence_bounds(text, start, end) == _sentence_bounds_by_scan(text, start, end)


@settings(max_examples=200, deadline=None)
@given(months, phrase, context)
def test_month_union_shortcuts_equal_day_by_day(ym: tuple[int, int], p: str, c: str) -> None:
    """resolve's shortcuts for month-dated articles give the day-by-day union exactly."""
    y, m = ym
    text = f"date {y}-{m:02d}\n\n{c.format(p)}"
    month = Interval(earliest=dt.date(y, m, 1), latest=dt.date(y, m, calendar.monthrange(y, m)[1]))
    anchor = Interval(earliest=dt.date(y, m, 3), latest=dt.date(y, m, 3))
    for mention in recognise(text):
        for a in (None, anchor):
            assert resolve(mention.value, month, a) == resolve(mention.value, month, a, by_day=True)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="ab .!?\n\t\u2003\u201c", max_size=40))
def test_sentence_marks_equal_finditer(text: str) -> None:
    assert _mark_ends(text) == tuple(m.end() for m in _SENTENCE_END.finditer(text))


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="aZ ë\x85\xb5\xff\u0100\u017f\u201c\u2014\u20ac\U0001f600", max_size=12))
def test_safe_text_check_equals_pattern(text: str) -> None:
    assert _safe(text) == (_UNSAFE.search(text) is None)
