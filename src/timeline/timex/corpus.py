"""Narrowing a month-only article date from the rest of the corpus.

An article dated `2025-03` says "Poetin heeft Witkoff gisteravond ontvangen"; the
merged chronology dates that meeting to 13 March because an article with a full
date line says so ("gisteren", dated 2025-03-14). Then this article's date line is
a day d of March whose "gisteravond" contains 13 March: 14 March. The narrowing
keeps exactly the days d for which the resolver, run with d as the article date,
gives an interval holding the contact's day, so it is as sound as the merge that
joined the two reports. Only contacts dated to one day by a time expression in an
article with a full date line count, and two different reports of the article
must agree (one could be a wrong merge).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from timeline.schema import Article, Event, Interval, Published, Source
from timeline.timex import recognise, resolve_mentions
from timeline.timex.resolve import Resolved


def narrow_by_corpus(events: Sequence[Event], articles: Sequence[Article]) -> dict[str, Published]:
    """The narrowed date of every month-dated article that the chronology pins down."""
    by_id = {a.id: a for a in articles}
    bounds: dict[str, tuple[dt.date, dt.date, list[str]]] = {}
    reports: dict[str, set[int]] = {}  # the sentences of each article that agree
    readings: dict[str, _Readings] = {}
    for event in events:
        day = event.date.earliest
        if day is None or day != event.date.latest:
            continue
        anchors = [s for s in event.sources if _anchors(s, day)]
        # the first anchor of another article than the first anchor's: with the first,
        # the first anchor of an article other than any one source's (no walk through
        # all anchors per source)
        second = next((a for a in anchors if a.article != anchors[0].article), None)
        for source in event.sources:
            article = by_id.get(source.article)
            other = anchors[0] if anchors and anchors[0].article != source.article else second
            if article is None or other is None or not _candidate(article, source):
                continue
            if article.id not in readings:
                readings[article.id] = _Readings(article)
            days = readings[article.id].days_agreeing(source, day)
            if not days:
                continue
            lo, hi, reasons = bounds.get(
                article.id,
                (article.published.interval.earliest, article.published.interval.latest, []),
            )
            lo, hi = max(lo, days[0]), min(hi, days[-1])  # type: ignore[type-var]
            reason = f"{source.timex!r} dates the contact {other.article} dates {day}"
            reasons = reasons if reason in reasons else [*reasons, reason]
            bounds[article.id] = (lo, hi, reasons)
            reports.setdefault(article.id, set()).add(source.start)
    out: dict[str, Published] = {}
    for article_id, (lo, hi, reasons) in sorted(bounds.items()):
        pub = by_id[article_id].published
        if lo > hi or (lo, hi) == (pub.interval.earliest, pub.interval.latest):
            continue  # the reports disagree, or they say nothing new
        if len(reports[article_id]) < 2:
            continue  # one merged report could be a wrong merge: two must agree
        because = "; ".join(r for r in [pub.narrowed_because, *reasons] if r)
        out[article_id] = pub.model_copy(
            update={"narrowed": Interval(earliest=lo, latest=hi), "narrowed_because": because}
        )
    return out


def _anchors(source: Source, day: dt.date) -> bool:
    """A report that dates the contact to `day` by words, in an article with a full date line."""
    return (
        source.timex is not None
        and len(source.published) == 10
        and source.date is not None
        and source.date.earliest == source.date.latest == day
    )


def _candidate(article: Article, source: Source) -> bool:
    return article.published.granularity == "month" and source.timex is not None


class _Readings:
    """One month-dated article's time expressions, recognised once, and resolved once
    per article date tried (each of the month's days), however many of its reports
    the corpus dates."""

    def __init__(self, article: Article) -> None:
        self.article = article
        self.ms = recognise(article.text, article.body_start)
        self.index: dict[int, int] = {}  # the first expression at each offset
        for i, m in enumerate(self.ms):
            self.index.setdefault(m.start, i)
        self.resolved: dict[dt.date, list[Resolved | None]] = {}

    def at(self, d: dt.date) -> list[Resolved | None]:
        """The expressions resolved with `d` as the article date."""
        if d not in self.resolved:
            one_day = Interval(earliest=d, latest=d)
            self.resolved[d] = resolve_mentions(self.article.text, self.ms, one_day)
        return self.resolved[d]

    def days_agreeing(self, source: Source, day: dt.date) -> list[dt.date]:
        """The article dates d for which the source's time expression holds `day`."""
        assert source.timex is not None
        article = self.article
        start = article.text.find(source.timex, source.start, source.end)
        span = article.published.interval
        if start < 0 or span.earliest is None or span.latest is None:
            return []
        at = self.index.get(start)
        if at is None:
            return []
        days = []
        d = span.earliest
        while d <= span.latest:
            hit = self.at(d)[at]
            if hit and hit.earliest and hit.latest and hit.earliest <= day <= hit.latest:
                days.append(d)
            d += dt.timedelta(days=1)
        return days
