"""CSV export: one row per event, sources joined; editorial corrections in the last column."""

from __future__ import annotations

import csv
import io

from timeline.export.html import correction_text
from timeline.schema import Timeline

COLUMNS = [
    "id",
    "type",
    "status",
    "participants",
    "earliest",
    "latest",
    "date_basis",
    "location",
    "realizes",
    "n_sources",
    "sources",
    "corrections",
]


def render(timeline: Timeline, *, lang: str = "nl") -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(COLUMNS)
    for e in timeline.events:
        writer.writerow(
            [
                e.id,
                e.type,
                e.status,
                ";".join(e.participants),
                e.date.earliest.isoformat() if e.date.earliest else "",
                e.date.latest.isoformat() if e.date.latest else "",
                e.date.basis,
                e.location or "",
                e.realizes or "",
                len(e.sources),
                " | ".join(f"{s.article}: {s.quote}" for s in e.sources),
                " | ".join(correction_text(c, lang) for c in e.corrections),
            ]
        )
    return out.getvalue()
