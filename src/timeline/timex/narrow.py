"""Narrowing the publication date where the text pins it against a reference event.

"sinds Trump bijna drie weken geleden opnieuw aantrad" in an article dated
`2025-02`: the inauguration (2025-01-20, lang/nl/reference_events.toml) lies
"bijna drie weken" before the DCT, so the DCT is 2025-01-20 + (14…21 days).
The narrowing is the set of DCT days d for which the resolved "geleden"
interval contains the event day: sound by construction.

Likewise "Trump belde gisteren met Poetin, bijna drie weken nadat hij op 20 januari
opnieuw aantrad": "bijna drie weken nadat" is 4–10 February whatever the DCT, and
"gisteren" dates the same call (same sentence, no reported speech between), so the
DCT is a day d whose "gisteren" falls in 4–10 February.
"""

from __future__ import annotations

import datetime as dt
import re
from bisect import bisect_left
from functools import cache

from timeline.schema import Article, Interval, Published
from timeline.timex.recognise import Mention, recognise
from timeline.timex.resolve import resolve_day
from timeline.timex.tense import sentence_bounds
from timeline.timex.words import alternation, words


def narrow_published(article: Article) -> Published:
    pub = article.published
    if pub.granularity == "day":
        return pub
    text = article.text
    lo_d, hi_d = pub.earliest, pub.latest
    reasons: list[str] = []
    ms = recognise(text, article.body_start)
    for m in ms:
        if m.value.kind != "ago":
            continue
        s_lo, s_hi = sentence_bounds(text, m.start, m.end)
        for ev in words().events:
            if not ev.narrows:
                continue
            em = ev.pattern.search(text, s_lo, s_hi)
            if em is None or not _adjacent(em.start(), em.end(), m.start, m.end):
                continue
            days = []
            d = pub.earliest
            while d <= pub.latest:
                r = resolve_day(m.value, d)
                if r and r.earliest and r.latest and r.earliest <= ev.date <= r.latest:
                    days.append(d)
                d += dt.timedelta(days=1)
            if days:
                lo_d, hi_d = max(lo_d, days[0]), min(hi_d, days[-1])
                reasons.append(f"'{text[m.start : m.end]}' before {ev.id} ({ev.date})")
    lo_d, hi_d = _by_counted_events(article, ms, lo_d, hi_d, reasons)
    if not reasons or (lo_d, hi_d) == (pub.earliest, pub.latest) or lo_d > hi_d:
        return pub
    return pub.model_copy(
        update={
            "narrowed": Interval(earliest=lo_d, latest=hi_d),
            "narrowed_because": "; ".join(reasons),
        }
    )


def _adjacent(a0: int, a1: int, b0: int, b1: int) -> bool:
    """The event phrase contains or touches the time expression (same clause)."""
    return (a0 <= b0 and b1 <= a1) or abs(a1 - b0) < 40 or abs(b1 - a0) < 40


@cache
def _speech() -> re.Pattern[str]:
    return re.compile(rf"\b(?:{alternation(words().context['speech'])})\b", re.IGNORECASE)


def _by_counted_events(
    article: Article, ms: list[Mention], lo_d: dt.date, hi_d: dt.date, reasons: list[str]
) -> tuple[dt.date, dt.date]:
    """Narrow by a DCT-relative day ("gisteren") dated by "N … nadat E" in its sentence;
    `ms` are the article's time expressions (`recognise`), in text order."""
    from timeline.timex import resolve_mentions  # the package imports this module

    text = article.text
    pub = article.published
    done = resolve_mentions(text, ms, Interval(earliest=pub.earliest, latest=pub.latest))
    starts = [x.start for x in ms]
    for m, r in zip(ms, done, strict=True):
        if m.rule != "counted_event" or r is None or r.earliest is None or r.latest is None:
            continue
        s_lo, s_hi = sentence_bounds(text, m.start, m.end)
        # the expressions of its sentence, found by bisection (no walk through the article)
        for x in ms[bisect_left(starts, s_lo) : bisect_left(starts, s_hi)]:
            if x.value.kind != "day":
                continue
            between = text[min(x.end, m.end) : max(x.start, m.start)]
            if _speech().search(between):
                continue
            days = []
            d = pub.earliest
            while d <= pub.latest:
                rd = resolve_day(x.value, d)
                if (
                    rd
                    and rd.earliest
                    and rd.latest
                    and rd.latest >= r.earliest
                    and rd.earliest <= r.latest
                ):
                    days.append(d)
                d += dt.timedelta(days=1)
            if days:
                lo_d, hi_d = max(lo_d, days[0]), min(hi_d, days[-1])
                reasons.append(
                    f"'{text[x.start : x.end]}' is '{text[m.start : m.end]}' ({r.earliest}…{r.latest})"
                )
    return lo_d, hi_d
