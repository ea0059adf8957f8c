"""Markdown export: a readable chronology grouped by month, in Dutch or English.

Labels, names and month names are shared with the HTML export.
"""

from __future__ import annotations

import re

from timeline.copies import copies_of, source_groups
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
        "count_copies": "{n} contacten uit {a} artikelen, waarvan {c} kopieën van een ander bericht.",
        "same_report": "zelfde bericht, {n} sites",
    },
    "en": {
        "title": "Timeline of contacts",
        "undated": "Undated",
        "sources": "Sources",
        "realizes": "realizes",
        "location": "place",
        "count": "{n} contacts from {a} articles.",
        "edited": "Edited",
        "count_copies": "{n} contacts from {a} articles, {c} of them copies of another report.",
        "same_report": "same report, {n} sites",
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
    wire = copies_of(timeline.articles)
    count = lab["count_copies"] if wire else lab["count"]
    lines = [
        f"# {lab['title']}",
        "",
        count.format(n=len(timeline.events), a=len(timeline.articles), c=len(wire)),
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
        for i, group in enumerate(source_groups(event.sources, wire), 1):
            s = group[0]
            line = f"{i}. {escape(s.article)} ({s.published}): “{escape(s.quote)}”"
            if len(group) > 1:  # one report republished, not independent confirmations
                others = ", ".join(escape(x.article) for x in group[1:])
                line += f" — {lab['same_report'].format(n=len(group))}: {others}"
            lines.append(line)
        lines.append("")
    return "\n".join(lines).rstrip() + "\n"
