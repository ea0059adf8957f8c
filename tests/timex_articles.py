"""Articles for the timex tests, built here rather than by `timeline.loader` (issue 3).

make_article("date 2025-02\\n\\nTrump belde gisteren.")  # dated by month
"""

from __future__ import annotations

import calendar
import datetime as dt
import re

from timeline.schema import Article, Published

_DATE_LINE = re.compile(r"\s*date\s+(?P<y>\d{4})-(?P<m>\d{2})(?:-(?P<d>\d{2}))?\s*")


def published(stamp: str) -> Published:
    """The Published of a date line value, `2025-02` or `2025-02-12`."""
    y, m, *d = (int(p) for p in stamp.split("-"))
    if d:
        day = dt.date(y, m, d[0])
        return Published(text=stamp, earliest=day, latest=day, granularity="day")
    last = calendar.monthrange(y, m)[1]
    return Published(
        text=stamp, earliest=dt.date(y, m, 1), latest=dt.date(y, m, last), granularity="month"
    )


def make_article(text: str, id: str = "a.txt") -> Article:
    """An Article from text that starts with a date line (`date YYYY-MM[-DD]`)."""
    m = _DATE_LINE.match(text)
    if m is None:
        raise ValueError(f"no date line in {text[:40]!r}")
    stamp = f"{m['y']}-{m['m']}" + (f"-{m['d']}" if m["d"] else "")
    return Article(id=id, text=text, body_start=m.end(), published=published(stamp), sha256="x")
