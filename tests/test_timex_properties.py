"""Properties of the time resolver (issue 3): ordered, month = union of its days, pure."""

from __future__ import annotations

import calendar
import datetime as dt

from hypothesis import given, settings
from hypothesis import strategies as st

from tests.timex_articles import make_article
from timeline.schema import Interval
from timeline.timex import (
    _DAYLIKE,
    _HEADING,
    _bounded,
    _section_start,
    _undated_clause,
    _until_dct,
    find_timexes,
    resolve_mentions,
)
from timeline.timex.recognise import (
    _UNSAFE,
    Mention,
    _longest_first,
    _safe,
    recognise,
    sentence_of,
)
from timeline.timex.resolve import Resolved, resolve
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


# -- the long-article shortcuts against the scans they replace (issue #16) -------------------


def _longest_first_by_scan(cands: list[Mention]) -> list[Mention]:
    """The choice among overlapping matches as first written: each against all chosen."""
    chosen: list[Mention] = []
    for c in sorted(cands, key=lambda c: (-(c.end - c.start), c.start)):
        if all(c.end <= o.start or c.start >= o.end for o in chosen):
            chosen.append(c)
    return sorted(chosen, key=lambda c: c.start)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 40), st.integers(1, 12)), max_size=30))
def test_longest_first_equals_pairwise_check(spans: list[tuple[int, int]]) -> None:
    value = recognise("gisteren")[0].value
    cands = [Mention(s, s + w, f"rule{k}", value) for k, (s, w) in enumerate(spans)]
    assert _longest_first(cands) == _longest_first_by_scan(cands)


def _section_start_by_scan(text: str, pos: int) -> int:
    start = 0
    for m in _HEADING.finditer(text, 0, pos):
        start = m.end()
    return start


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.sampled_from(["Kop", "Een zin.", "\n", "\n\n", " ", "tekst"]), max_size=30),
    st.data(),
)
def test_section_start_equals_scan(parts: list[str], data: st.DataObject) -> None:
    text = "".join(parts)
    pos = data.draw(st.integers(0, len(text)))
    assert _section_start(text, pos) == _section_start_by_scan(text, pos)


def _anchor_by_scan(
    text: str, i: int, ms: list[Mention], done: list[Resolved | None], dct: Interval
) -> Interval | None:
    """`timex._anchor` as first written: lists of every mention before and after."""
    mode = ms[i].anchor
    if mode is None:
        return None
    prev = [j for j in range(i - 1, -1, -1) if (r := done[j]) is not None and _bounded(r)]
    if ms[i].value.kind == "anchor":
        prev = [j for j in prev if ms[j].value.kind in _DAYLIKE]
        if ms[i].rule == "sameday":
            par = _section_start_by_scan(text, ms[i].start)
            prev = [j for j in prev if ms[j].start >= par]
    if mode == "near":
        lo, hi = sentence_of(text, ms[i])
        same = [j for j in prev if ms[j].start >= lo]
        if same:
            r = done[same[0]]
            return r.interval if r else None
        if [j for j in range(i + 1, len(ms)) if ms[j].start < hi and ms[j].anchor is None]:
            return None
    if prev:
        r = done[prev[0]]
        if r is None:
            return None
        if mode == "near" and _undated_clause(text, ms[i]):
            return _until_dct(r.interval, dct)
        return r.interval
    return None


def _resolve_by_scan(text: str, ms: list[Mention], dct: Interval) -> list[Resolved | None]:
    """`resolve_mentions` as first written."""
    done: list[Resolved | None] = [None] * len(ms)
    for i, m in enumerate(ms):
        if m.anchor is None or (m.value.kind == "wrap" and m.value.inner is not None):
            done[i] = resolve(m.value, dct)
    for i, m in enumerate(ms):
        if done[i] is not None:
            continue
        anchor = _anchor_by_scan(text, i, ms, done, dct)
        if anchor is None and m.anchor == "near":
            _lo, hi = sentence_of(text, m)
            later = [j for j in range(i + 1, len(ms)) if (r := done[j]) is not None and _bounded(r)]
            pick = [j for j in later if ms[j].start < hi] or later
            if pick and (r := done[pick[0]]) is not None:
                anchor = r.interval
        if anchor is None and m.anchor == "prev" and m.rule == "shift":
            done[i] = Resolved(None, None, None, "open")
            continue
        done[i] = resolve(m.value, dct, anchor or dct)
    return done


ANCHORED = [
    "twee dagen later",
    "een week eerder",
    "drie dagen daarna",
    "kort daarna",
    "kort voordat",
    "vlak na de top",
    "twee dagen na de top",
    "bijna drie weken nadat",
    "later die dag",
    "eerder op de dag",
    "die avond",
    "sindsdien",
]
DATED = ["gisteren", "dinsdag", "18 maart", "vorige maand", "begin maart", "vorig jaar"]
PIECES = [*DATED, *ANCHORED, "Trump belde Poetin.", "\n\nKop\n\n", "\n\n", ". ", ", "]


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=24), months, st.booleans())
def test_resolution_equals_scan(parts: list[str], ym: tuple[int, int], day: bool) -> None:
    """The anchors found by walking back (or on) to the first that fits are the ones
    the lists of all mentions before (and after) gave."""
    y, m = ym
    text = "date 2025-02\n\n" + " ".join(parts)
    last = 1 if day else calendar.monthrange(y, m)[1]  # a day's date line, or a month's
    dct = Interval(earliest=dt.date(y, m, 1), latest=dt.date(y, m, last))
    ms = recognise(text, 14)
    assert resolve_mentions(text, ms, dct) == _resolve_by_scan(text, ms, dct)
