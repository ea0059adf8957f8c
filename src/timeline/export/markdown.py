"""Markdown export: a readable chronology grouped by month, in Dutch or English."""

from __future__ import annotations

import re

from timeline.export.dates import describe
from timeline.schema import Event, Timeline

LABELS = {
    "nl": {
        "title": "Tijdlijn van contacten",
        "undated": "Zonder datum",
        "sources": "Bronnen",
        "realizes": "voert uit",
        "location": "plaats",
        "types": {
            "call": "telefoongesprek",
            "meeting": "ontmoeting",
            "talks": "gesprek",
            "message": "bericht",
        },
        "statuses": {
            "occurred": "vond plaats",
            "claimed": "geclaimd",
            "denied": "ontkend",
            "planned": "gepland",
            "proposed": "voorgesteld",
            "cancelled": "afgelast",
        },
        "months": [
            "januari",
            "februari",
            "maart",
            "april",
            "mei",
            "juni",
            "juli",
            "augustus",
            "september",
            "oktober",
            "november",
            "december",
        ],
        "count": "{n} contacten uit {a} artikelen.",
    },
    "en": {
        "title": "Timeline of contacts",
        "undated": "Undated",
        "sources": "Sources",
        "realizes": "realizes",
        "location": "place",
        "types": {
            "call": "phone call",
            "meeting": "meeting",
            "talks": "talks",
            "message": "message",
        },
        "statuses": {
            "occurred": "occurred",
            "claimed": "claimed",
            "denied": "denied",
            "planned": "planned",
            "proposed": "proposed",
            "cancelled": "cancelled",
        },
        "months": [
            "January",
            "February",
            "March",
            "April",
            "May",
            "June",
            "July",
            "August",
            "September",
            "October",
            "November",
            "December",
        ],
        "count": "{n} contacts from {a} articles.",
    },
}
_SPECIAL = re.compile(r"([\\`*_{}\[\]()<>#+!|~])")


def escape(text: str) -> str:
    """Neutralise Markdown and HTML in article text."""
    return _SPECIAL.sub(r"\\\1", text.replace("\n", " "))


def _name(actor: str) -> str:
    return actor.capitalize()


def _month(event: Event, lang: str) -> str:
    day = event.date.earliest or event.date.latest
    if day is None:
        return LABELS[lang]["undated"]  # type: ignore[return-value]
    return f"{LABELS[lang]['months'][day.month - 1]} {day.year}".capitalize()  # type: ignore[index]


def render(timeline: Timeline, *, lang: str = "nl") -> str:
    lab = LABELS[lang]
    lines = [
        f"# {lab['title']}",
        "",
        str(lab["count"]).format(n=len(timeline.events), a=len(timeline.articles)),
        "",
    ]
    current = None
    for event in timeline.events:
        month = _month(event, lang)
        if month != current:
            lines += [f"## {month}", ""]
            current = month
        who = " – ".join(_name(p) for p in event.participants)
        kind = lab["types"][event.type]  # type: ignore[index]
        status = lab["statuses"][event.status]  # type: ignore[index]
        lines.append(f"### {describe(event.date.earliest, event.date.latest, lang)}: {who}")
        lines.append("")
        meta = f"*{kind}, {status}*"
        if event.location:
            meta += f" · {lab['location']}: {escape(event.location)}"
        if event.realizes:
            meta += f" · {lab['realizes']} `{event.realizes}`"
        lines += [f"{meta} · `{event.id}`", "", f"{lab['sources']}:", ""]
        for i, s in enumerate(event.sources, 1):
            lines.append(f"{i}. {escape(s.article)} ({s.published}): “{escape(s.quote)}”")
        lines.append("")
    return "\n".join(lines).rstrip() + "\n"
