"""Byline dates: the day a news page gives narrows a month-only date line.

An article dated `date 2025-03` whose byline says "woensdag, 5 maart 2025, 09:12"
was published on 5 March: its time expressions ("gisteren", "dinsdag") are then
resolved against that day. The date line stays as written (`Published.text`); the
day is `Published.narrowed`, and `narrowed_because` names the byline and the
parser that read it.

A byline's date is read by the project's Dutch grammar (`timex/`) first, and by
[dateparser](https://pypi.org/project/dateparser/) only when the grammar finds no
day: other formats and languages ("March 3, 2025", "5 mrt 2025 09:12", "Wed 5
March"). This is the one place dateparser is used: on the story text it finds
too little and too much (README, "Why dateparser only in bylines").

Only the bylines of the article's head count (above the first line of the story):
a date line on its own further down is a sub-heading of a live blog. A byline
day outside the date line's month is not used; a publication date wins over a
date labelled as a change ("Bijgewerkt").
"""

from __future__ import annotations

import datetime as dt
from typing import Literal, NamedTuple

from timeline import timex
from timeline.page import Furniture, find_furniture, head_furniture
from timeline.resources import load_toml
from timeline.schema import Article, FurnitureLine, Interval, Published
from timeline.timex.recognise import recognise

__all__ = [
    "BylineDate",
    "byline_dates",
    "furniture_lines",
    "narrow_by_byline",
    "parse_byline_date",
]

Parser = Literal["Dutch grammar", "dateparser"]


class BylineDate(NamedTuple):
    day: dt.date
    parser: Parser


def grammar_date(text: str, reference: Interval) -> dt.date | None:
    """The day the Dutch grammar reads in `text` (a date, not a weekday alone)."""
    mentions = recognise(text, 0)
    resolved = timex.resolve_mentions(text, mentions, reference)
    for m, r in zip(mentions, resolved, strict=True):
        if m.value.kind == "date" and r is not None and r.earliest and r.earliest == r.latest:
            return r.earliest
    return None


def dateparser_date(text: str, reference: Interval) -> dt.date | None:
    """The day dateparser reads in `text`, with the order of day and month and the
    languages of `page.toml`; a missing year is the reference's."""
    import dateparser  # only here: its import takes a while

    conf = load_toml("page.toml")["byline"]
    base = reference.earliest or dt.date(2000, 1, 1)
    try:
        parsed = dateparser.parse(
            text,
            languages=list(conf["dateparser_languages"]),
            settings={
                "DATE_ORDER": conf["date_order"],
                "RELATIVE_BASE": dt.datetime(base.year, base.month, base.day),
                "REQUIRE_PARTS": ["day", "month"],
                "PREFER_DAY_OF_MONTH": "first",
                "TIMEZONE": "UTC",  # the day as written, whatever the machine's zone
            },
        )
    except (ValueError, OverflowError):  # a malformed number is no date
        return None
    return parsed.date() if parsed is not None else None


def parse_byline_date(text: str, reference: Interval) -> BylineDate | None:
    """The day of a byline's date and time: the Dutch grammar, then dateparser."""
    day = grammar_date(text, reference)
    if day is not None:
        return BylineDate(day, "Dutch grammar")
    day = dateparser_date(text, reference)
    return BylineDate(day, "dateparser") if day is not None else None


def byline_dates(article: Article) -> list[tuple[Furniture, BylineDate]]:
    """The dated bylines of the article's head, with their days, in text order."""
    reference = Interval(earliest=article.published.earliest, latest=article.published.latest)
    out = []
    for f in head_furniture(article.text, article.body_start):
        if f.kind != "byline" or f.date is None:
            continue
        parsed = parse_byline_date(f.date, reference)
        if parsed is not None:
            out.append((f, parsed))
    return out


def narrow_by_byline(article: Article) -> Published | None:
    """The date line narrowed to the byline's day; None when no byline gives one."""
    pub = article.published
    if pub.granularity == "day":
        return None
    inside = [(f, d) for f, d in byline_dates(article) if pub.earliest <= d.day <= pub.latest]
    if not inside:
        return None
    f, d = min(inside, key=lambda x: x[0].updated)  # stable: the first of the best kind
    return pub.model_copy(
        update={
            "narrowed": Interval(earliest=d.day, latest=d.day),
            "narrowed_because": f"byline '{f.text}' ({d.parser})",
        }
    )


def furniture_lines(article: Article) -> list[FurnitureLine]:
    """Every furniture line of the article, a byline with the day its date gives."""
    reference = Interval(earliest=article.published.earliest, latest=article.published.latest)
    out = []
    for f in find_furniture(article.text, article.body_start):
        parsed = parse_byline_date(f.date, reference) if f.date else None
        out.append(
            FurnitureLine(
                kind=f.kind,
                start=f.start,
                end=f.end,
                text=f.text,
                why=f.why,
                date=f.date,
                day=parsed.day if parsed else None,
                parser=parsed.parser if parsed else None,
            )
        )
    return out
