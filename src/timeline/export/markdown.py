"""Markdown export: a readable chronology grouped by month, in Dutch or English.

Labels, names and month names are shared with the HTML export.
"""

from __future__ import annotations

import re

from timeline.export.dates import MONTHS, describe
from timeline.export.html import (
    correction_text,
    lang_of,
    participants_text,
    status_label,
    type_label,
)
from timeline.schema import Event, Timeline

LABELS = {
    "nl": {
        "title": "Tijdlijn van contacten",
        "undated": "Zonder datum",
        "sources": "Bronnen",
        "realizes": "voert uit",
        "location": "plaats",
        "count": "{n} contacten uit {a} artikelen.",
        "edited": "Bewerkt",
    },
    "en": {
        "title": "Timeline of contacts",
        "undated": "Undated",
        "sources": "Sources",
        "realizes": "realizes",
        "location": "place",
        "count": "{n} contacts from {a} articles.",
        "edited": "Edited",
    },
}
_SPECIAL = re.compile(r"([\\`*_{}\[\]()<>#+!|~])")


def escape(text: str) -> str:
    """Neutralise Markdown and HTML in article text."""
    return _SPECIAL.sub(r"\\\1", text.replace("\n", " "))


def _month(event: Event, lang: str) -> str:
    day = event.date.earliest or event.date.latest
    if day is None:
        return LABELS[lang]["undated"]
    return f"{MONTHS[lang][day.month - 1]} {day.year}".capitalize()


def render(timeline: Timeline, *, lang: str = "nl") -> str:
    lang = lang_of(lang)
    lab = LABELS[lang]
    lines = [
        f"# {lab['title']}",
        "",
        lab["count"].format(n=len(timeline.events), a=len(timeline.articles)),
        "",
    ]
    current = None
    for event in timeline.events:
        month = _month(event, lang)
        if month != current:
            lines += [f"## {month}", ""]
            current = month
        lines.append(
            f"### {describe(event.date.earliest, event.date.latest, lang)}: {participants_text(event, lang)}"
        )
        lines.append("")
        meta = f"*{type_label(event, lang)}, {status_label(event.status, lang)}*"
        if event.location:
            meta += f" · {lab['location']}: {escape(event.location)}"
        if event.realizes:
            meta += f" · {lab['realizes']} `{event.realizes}`"
        if event.corrections:
            meta += f" · ✎ {lab['edited'].lower()}"
        lines += [f"{meta} · `{event.id}`", ""]
        for c in event.corrections:
            lines.append(f"> ✎ {escape(correction_text(c, lang))}")
        if event.corrections:
            lines.append("")
        lines += [f"{lab['sources']}:", ""]
        for i, s in enumerate(event.sources, 1):
            lines.append(f"{i}. {escape(s.article)} ({s.published}): “{escape(s.quote)}”")
        lines.append("")
    return "\n".join(lines).rstrip() + "\n"
