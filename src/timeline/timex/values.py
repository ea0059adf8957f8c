"""Underspecified time values: what the words say, before the article date anchors them.

A recogniser rule turns a Dutch phrase into a `Value` (HeidelTime's
`UNDEF-REF-week-MINUS-1`, as a typed record); `resolve.py` anchors it.
"""

from __future__ import annotations

import datetime as dt
from typing import Literal, NamedTuple

Direction = Literal["past", "future"]
Unit = Literal["day", "week", "month", "year"]

# kind: what the words name
#   day          offset days from the DCT (vandaag, gisteren, morgen)
#   night        the night before the DCT (vannacht)
#   night_of     the night from `weekday` to the next day
#   weekday      a weekday; `offset` set when "vorige week dinsdag" names the week
#   week, month, year   calendar unit `offset` units from the DCT's, with `part`
#   weekend      the weekend before (offset -1) / of (0) / after (+1) the DCT
#   span         the last/next `lo` units (de afgelopen dagen)
#   month_name   `month` (and `year`), with `part`
#   date         `day` `month` (`year`)
#   dayrange     days `day`…`hi` of `month` (`year`): "tussen 10 en 14 maart"
#   quarter      quarter `day` (1–4) of `year`, or of the DCT's year + `offset` when `part`
#                is "year" ("het laatste kwartaal van vorig jaar")
#   year_name    `year`, with `part`
#   season       `month` = first month, `day` = last month, `year`
#   ago / ahead / within   lo…hi units before / after / up to the DCT, `approx`
#   anchor       offset days from the previously mentioned date (een dag later)
#   fixed        the day `date` (a reference event)
#   holiday      `month`/`day`, or Easter + `offset` when `easter`
#   past_ref / future_ref   open intervals
#   wrap         `op` applied to `inner` (sinds, tot, voor, kort_voor, kort_na, na_n, voor_n)
#   pair         tussen `inner` en `other`


class Value(NamedTuple):
    """An underspecified value (a NamedTuple: immutable, hashable, and cheap to make)."""

    kind: str
    offset: int = 0
    unit: Unit | None = None
    lo: float = 0
    hi: float = 0
    weekday: int | None = None
    month: int | None = None
    day: int | None = None
    year: int | None = None
    part: str | None = None
    approx: str | None = None
    direction: Direction | None = None
    easter: bool = False
    date: dt.date | None = None
    op: str | None = None
    inner: Value | None = None
    other: Value | None = None
