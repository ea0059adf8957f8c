"""Exports: CSV, ICS, TimelineJS, HTML, Markdown: valid, honest about dates, escaped."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json

import pytest
from icalendar import Calendar

from timeline import export
from timeline.export.dates import describe
from timeline.schema import ArticleInfo, Event, EventDate, Published, Source, Timeline

D = dt.date
XSS = '<script>alert(1)</script> and "><img src=x onerror=alert(1)> | [link](http://x) `code`'


def _event(
    i: str,
    earliest: dt.date | None,
    latest: dt.date | None,
    status: str = "occurred",
    quote: str = "Trump belde Poetin.",
) -> Event:
    return Event(
        id=i,
        type="call",
        participants=["putin", "trump"],
        status=status,  # type: ignore[arg-type]
        date=EventDate(earliest=earliest, latest=latest),
        sources=[Source(article="a.txt", quote=quote, start=0, end=len(quote))],
    )


@pytest.fixture
def timeline() -> Timeline:
    return Timeline(
        events=[
            _event("E1", D(2025, 2, 12), D(2025, 2, 12)),
            _event("E2", D(2025, 2, 3), D(2025, 2, 9), "planned"),
            _event("E3", D(2022, 2, 1), D(2022, 2, 28), "claimed"),
            _event("E4", None, D(2025, 2, 7), "denied"),
            _event("E5", D(2025, 2, 13), None, "proposed", quote=XSS),
        ],
        articles=[
            ArticleInfo(
                article="a.txt",
                published=Published(
                    text="2025-02-12",
                    earliest=D(2025, 2, 12),
                    latest=D(2025, 2, 12),
                    granularity="day",
                ),
                sha256="x",
            )
        ],
    )


def test_csv(timeline: Timeline) -> None:
    rows = list(csv.DictReader(io.StringIO(export.render(timeline, "csv"))))
    assert [r["id"] for r in rows] == ["E1", "E2", "E3", "E4", "E5"]
    assert rows[3]["earliest"] == "" and rows[3]["latest"] == "2025-02-07"
    assert rows[0]["participants"] == "putin;trump"


def test_ics(timeline: Timeline) -> None:
    text = export.render(timeline, "ics")
    cal = Calendar.from_ical(text)
    events = [c for c in cal.walk() if c.name == "VEVENT"]
    assert {str(e["uid"]) for e in events} == {f"E{i}@timeline" for i in range(1, 6)}
    e2 = next(e for e in events if str(e["uid"]) == "E2@timeline")
    assert e2.decoded("dtstart") == D(2025, 2, 3) and e2.decoded("dtend") == D(2025, 2, 10)
    assert "onzeker" in str(e2["description"])
    assert export.render(timeline, "ics") == text  # no clock in the output


def test_timelinejs(timeline: Timeline) -> None:
    data = json.loads(export.render(timeline, "timelinejs"))
    assert data["title"]["text"]["headline"]
    by_id = {e["unique_id"]: e for e in data["events"]}
    assert by_id["E1"]["start_date"] == {"year": "2025", "month": "2", "day": "12"}
    assert "end_date" not in by_id["E1"]
    assert by_id["E3"]["start_date"] == {"year": "2022", "month": "2"}  # a month, no invented day
    assert by_id["E2"]["end_date"] == {"year": "2025", "month": "2", "day": "9"}
    for e in data["events"]:
        assert {"start_date", "text", "unique_id", "group", "display_date"} <= set(e)
    assert "<script>" not in by_id["E5"]["text"]["text"]


def test_html_escapes_article_text(timeline: Timeline) -> None:
    html = export.render(timeline, "html")
    assert "<script>alert(1)" not in html
    assert "<img src=x" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert html.count("data-event-id=") == 5


def test_markdown_escapes(timeline: Timeline) -> None:
    md = export.render(timeline, "md")
    assert "<script>" not in md and "](http" not in md and "\\|" in md


@pytest.mark.parametrize(
    ("earliest", "latest", "phrase"),
    [
        (D(2025, 2, 12), D(2025, 2, 12), "12 februari 2025"),
        (D(2022, 2, 1), D(2022, 2, 28), "februari 2022"),
        (D(2019, 1, 1), D(2019, 12, 31), "2019"),
        (None, None, "datum onbekend"),
    ],
)
def test_date_phrases(earliest: dt.date | None, latest: dt.date | None, phrase: str) -> None:
    assert describe(earliest, latest, "nl") == phrase


def test_open_and_interval_phrases() -> None:
    assert "tussen" in describe(D(2025, 2, 3), D(2025, 3, 9), "nl")
    assert "vóór" in describe(None, D(2025, 2, 7), "nl")
    assert "vanaf" in describe(D(2025, 2, 13), None, "nl")
