"""ICS export (icalendar): all-day events; an uncertain date is a multi-day event.

DTSTAMP is derived from the data (the latest article date), not the clock, so
the same input gives the same file.
"""

from __future__ import annotations

import datetime as dt

from icalendar import Calendar
from icalendar import Event as VEvent

from timeline.export.dates import describe
from timeline.export.html import correction_text, headline
from timeline.schema import Timeline

NOTE = {
    "nl": {
        "exact": "Datum: {d}.",
        "span": "Datum onzeker: {d}. Weergegeven als meerdaagse gebeurtenis.",
        "open": "Datum onzeker: {d}. Eén open einde: weergegeven op de bekende dag.",
        "sources": "Bronnen:",
        "edited": "Bewerkt",
    },
    "en": {
        "exact": "Date: {d}.",
        "span": "Date uncertain: {d}. Shown as a multi-day event.",
        "open": "Date uncertain: {d}. One end is open: shown on the known day.",
        "sources": "Sources:",
        "edited": "Edited",
    },
}


def render(timeline: Timeline, *, lang: str = "nl") -> str:
    labels = NOTE.get(lang, NOTE["nl"])
    cal = Calendar()
    cal.add("prodid", "-//timeline//Dutch news contacts//NL")
    cal.add("version", "2.0")
    days = [a.published.latest for a in timeline.articles] or [dt.date(2000, 1, 1)]
    stamp = dt.datetime.combine(max(days), dt.time(0, 0), tzinfo=dt.UTC)
    for e in timeline.events:
        start, end = e.date.earliest, e.date.latest
        if start is None and end is None:
            continue  # nothing to place in a calendar
        phrase = describe(start, end, lang)
        if start is not None and end is not None:
            note = labels["exact" if start == end else "span"].format(d=phrase)
        else:
            note = labels["open"].format(d=phrase)
            start = end = start or end
        assert start is not None and end is not None
        ev = VEvent()
        ev.add("uid", f"{e.id}@timeline")
        ev.add("dtstamp", stamp)
        ev.add("summary", headline(e, lang))
        ev.add("dtstart", start)
        ev.add("dtend", end + dt.timedelta(days=1))
        lines = [note, f"{e.type}, {e.status}"]
        lines += [f"{labels['edited']}: {correction_text(c, lang)}" for c in e.corrections]
        lines.append(labels["sources"])
        lines += [f"- {s.article}: {s.quote}" for s in e.sources]
        ev.add("description", "\n".join(lines))
        if e.location:
            ev.add("location", e.location)
        cal.add_component(ev)
    return cal.to_ical().decode("utf-8")
