"""TimelineJS3 JSON: start/end dates carry only the known parts; intervals get a display_date."""

from __future__ import annotations

import calendar
import datetime as dt
import json
from html import escape
from typing import Any

from timeline.export.dates import describe
from timeline.export.html import correction_text, headline, participants_text
from timeline.schema import Timeline

TITLE = {
    "nl": "Contacten tussen Trump, Zelensky en Poetin",
    "en": "Contacts between Trump, Zelensky and Putin",
}


def _parts(start: dt.date, end: dt.date) -> tuple[dict[str, str], dict[str, str] | None]:
    """The date parts the interval really knows: a whole month has no day, a whole year no month."""
    if start == end:
        return {"year": str(start.year), "month": str(start.month), "day": str(start.day)}, None
    whole_month = start.day == 1 and end == start.replace(
        day=calendar.monthrange(start.year, start.month)[1]
    )
    if whole_month:
        return {"year": str(start.year), "month": str(start.month)}, None
    if (start.month, start.day, end.month, end.day) == (1, 1, 12, 31) and start.year == end.year:
        return {"year": str(start.year)}, None
    return (
        {"year": str(start.year), "month": str(start.month), "day": str(start.day)},
        {"year": str(end.year), "month": str(end.month), "day": str(end.day)},
    )


def render(timeline: Timeline, *, lang: str = "nl") -> str:
    events: list[dict[str, Any]] = []
    for e in timeline.events:
        start, end = e.date.earliest, e.date.latest
        if start is None and end is None:
            continue
        known_start = start or end
        known_end = end or start
        assert known_start is not None and known_end is not None
        start_date, end_date = _parts(known_start, known_end)
        item: dict[str, Any] = {
            "unique_id": e.id,
            "start_date": start_date,
            "display_date": describe(start, end, lang),
            "group": participants_text(e, lang),
            "text": {
                "headline": escape(headline(e, lang)),
                "text": "".join(
                    f"<p><i>✎ {escape(correction_text(c, lang))}</i></p>" for c in e.corrections
                )
                + "".join(
                    f"<p><b>{escape(s.article)}</b>: {escape(s.quote)}</p>" for s in e.sources
                ),
            },
        }
        if end_date:
            item["end_date"] = end_date
        events.append(item)
    data = {
        "title": {"text": {"headline": TITLE.get(lang, TITLE["nl"]), "text": ""}},
        "events": events,
    }
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
