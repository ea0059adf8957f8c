"""Narrowing the publication date where the text pins it against a reference event.

"sinds Trump bijna drie weken geleden opnieuw aantrad" in an article dated
`2025-02`: the inauguration (2025-01-20, lang/nl/reference_events.toml) lies
"bijna drie weken" before the DCT, so the DCT is 2025-01-20 + (14…21 days).
The narrowing is the set of DCT days d for which the resolved "geleden"
interval contains the event day: sound by construction.
"""

from __future__ import annotations

import datetime as dt

from timeline.schema import Article, Interval, Published
from timeline.timex.recognise import recognise
from timeline.timex.resolve import resolve_day
from timeline.timex.tense import sentence_bounds
from timeline.timex.words import words


def narrow_published(article: Article) -> Published:
    pub = article.published
    if pub.granularity == "day":
        return pub
    text = article.text
    lo_d, hi_d = pub.earliest, pub.latest
    reasons: list[str] = []
    for m in recognise(text, article.body_start):
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
