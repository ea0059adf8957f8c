"""The pure resolver: an underspecified `Value` + the article date → an interval.

`resolve_day` anchors a value on one publication day. `resolve` takes the DCT
interval and returns the union over its days, so that an article dated
`2025-02` gets every interval it could mean (TIMEX_CONVENTIONS.md, "Uncertain
publication date"). Nothing here reads text or files.
"""

from __future__ import annotations

import calendar
import datetime as dt
from typing import NamedTuple

from timeline.schema import Interval
from timeline.timex.values import Value

D = dt.timedelta
SHORTLY = 14  # "kort voor/na E": E−14 … E / E … E+14


class Resolved(NamedTuple):
    earliest: dt.date | None
    latest: dt.date | None
    value: str | None
    granularity: str

    @property
    def interval(self) -> Interval:
        return Interval(earliest=self.earliest, latest=self.latest)


def month_end(y: int, m: int) -> dt.date:
    return dt.date(y, m, calendar.monthrange(y, m)[1])


def add_months(d: dt.date, n: int) -> dt.date:
    m0 = d.month - 1 + n
    y, m = d.year + m0 // 12, m0 % 12 + 1
    return dt.date(y, m, min(d.day, calendar.monthrange(y, m)[1]))


def add_years(d: dt.date, n: int) -> dt.date:
    return add_months(d, 12 * n)


def monday(d: dt.date) -> dt.date:
    return d - D(days=d.weekday())


def iso_week(d: dt.date) -> str:
    y, w, _ = d.isocalendar()
    return f"{y}-W{w:02d}"


def easter(year: int) -> dt.date:
    """Gregorian Easter Sunday (anonymous computus)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = b // 4, b % 4
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = c // 4, c % 4
    la = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * la) // 451
    month = (h + la - 7 * m + 114) // 31
    day = (h + la - 7 * m + 114) % 31 + 1
    return dt.date(year, month, day)


def _day(d: dt.date) -> Resolved:
    return Resolved(d, d, d.isoformat(), "day")


def _span(lo: dt.date | None, hi: dt.date | None, value: str | None = None) -> Resolved:
    return Resolved(lo, hi, value, "interval" if lo and hi else "open")


def _part(lo: dt.date, hi: dt.date, part: str | None, unit: str) -> tuple[dt.date, dt.date]:
    """begin / half / eind of a week, month or year (conventions table)."""
    if part is None:
        return lo, hi
    if unit == "week":
        return (lo, lo + D(days=2)) if part == "begin" else (lo + D(days=3), hi)
    if unit == "month":
        if part == "begin":
            return lo, lo.replace(day=10)
        if part == "half":
            return lo.replace(day=11), lo.replace(day=20)
        return lo.replace(day=21), hi
    if part == "begin":
        return lo, dt.date(lo.year, 3, 31)
    if part == "half":
        return dt.date(lo.year, 4, 1), dt.date(lo.year, 9, 30)
    return dt.date(lo.year, 10, 1), hi


def _month(y: int, m: int, part: str | None) -> Resolved:
    lo, hi = _part(dt.date(y, m, 1), month_end(y, m), part, "month")
    return Resolved(lo, hi, f"{y}-{m:02d}", "month")


def _year(y: int, part: str | None) -> Resolved:
    lo, hi = _part(dt.date(y, 1, 1), dt.date(y, 12, 31), part, "year")
    gran = "year" if part is None else "interval" if part == "half" else "quarter"
    return Resolved(lo, hi, str(y), gran)


def _pick_year(dct: dt.date, month: int, day: int | None, direction: str | None) -> int:
    """The year of a month (or day) named without one: nearest, or in the tense's direction."""

    def key(y: int) -> dt.date:
        return dt.date(y, month, min(day or 1, calendar.monthrange(y, month)[1]))

    cands = [dct.year - 1, dct.year, dct.year + 1]
    if day is None and month == dct.month:
        return dct.year
    if direction == "past":
        ok = [y for y in cands if key(y) <= dct]
        return max(ok)
    if direction == "future":
        ok = [y for y in cands if key(y) >= dct.replace(day=1 if day is None else dct.day)]
        return min(ok)
    mid = dct.replace(day=1) if day is None else dct
    return min(cands, key=lambda y: (abs((key(y) - mid).days), -y))


def _shift(r: Interval, n: int) -> Resolved:
    lo = r.earliest + D(days=n) if r.earliest else None
    hi = r.latest + D(days=n) if r.latest else None
    if lo and lo == hi:
        return _day(lo)
    return _span(lo, hi)


def _count(v: Value) -> list[float]:
    lo, hi = v.lo, v.hi
    if lo == int(lo) and hi == int(hi):
        return [float(n) for n in range(int(lo), int(hi) + 1)]
    return [lo, hi] if lo != hi else [lo]


def _units(d: dt.date, n: float, unit: str) -> dt.date:
    """d + n units (n may be 1.5: anderhalve week = 10 days, anderhalf jaar = 18 months)."""
    if unit == "day":
        return d + D(days=round(n))
    if unit == "week":
        # "anderhalve week" is ten days (TIMEX_CONVENTIONS.md)
        days = 10 if abs(n) == 1.5 else round(7 * abs(n))
        return d + D(days=days if n > 0 else -days)
    if unit == "month":
        return add_months(d, round(n))
    return add_months(d, round(12 * n))


def _ago(v: Value, d: dt.date, sign: int) -> Resolved:
    unit = v.unit or "day"
    parts: list[Resolved] = []
    for n in _count(v):
        t = _units(d, sign * n, unit)
        whole = n == int(n)
        if v.approx == "precies" or not whole or unit == "day":
            r = _day(t)
        elif v.approx in ("bijna", "ruim") and sign < 0:
            if v.approx == "bijna":
                hi = _units(d, -(n - 1), unit) - D(days=1) if unit != "week" else t + D(days=6)
                r = _span(t, hi)
            else:
                lo = _units(d, -(n + 1), unit) + D(days=1) if unit != "week" else t - D(days=6)
                r = _span(lo, t)
        elif unit == "week":
            m = monday(t)
            r = Resolved(m, m + D(days=6), iso_week(t), "week")
        elif unit == "month":
            r = _month(t.year, t.month, None)
        else:
            r = _year(t.year, None)
        parts.append(r)
    out = union(parts)
    if v.approx in ("bijna", "ruim", "ongeveer") or len(parts) > 1:
        ref = "PAST_REF" if sign < 0 else "FUTURE_REF"
        return Resolved(out.earliest, out.latest, ref, out.granularity)
    return out


def union(parts: list[Resolved]) -> Resolved:
    if len(parts) == 1:
        return parts[0]
    los = [p.earliest for p in parts]
    his = [p.latest for p in parts]
    lo = None if any(x is None for x in los) else min(x for x in los if x)
    hi = None if any(x is None for x in his) else max(x for x in his if x)
    values = {p.value for p in parts}
    grans = {p.granularity for p in parts}
    value = values.pop() if len(values) == 1 else None
    gran = grans.pop() if len(grans) == 1 and value is not None else "interval"
    if lo is None or hi is None:
        gran = "open"
    return Resolved(lo, hi, value, gran)


def resolve_day(v: Value, d: dt.date, anchor: Interval | None = None) -> Resolved | None:
    """Anchor `v` on the publication day `d`; `anchor` is the previously mentioned date."""
    k = v.kind
    if k == "day":
        return _day(d + D(days=v.offset))
    if k == "night":
        return Resolved(d - D(days=1), d, f"{(d - D(days=1)).isoformat()}TNI", "interval")
    if k == "night_of":
        second = (v.weekday or 0) + 1
        end = _weekday(d, second % 7, v.direction or "past", None)
        return Resolved(end - D(days=1), end, f"{(end - D(days=1)).isoformat()}TNI", "interval")
    if k == "weekday":
        return _day(
            _weekday(
                d,
                v.weekday or 0,
                v.direction,
                v.offset if v.part == "week" else None,
                today=v.part == "today",
                before=v.part == "before",
            )
        )
    if k == "week":
        m = monday(d) + D(days=7 * v.offset)
        lo, hi = m, m + D(days=6)
        if v.part == "eerder":
            lo, hi = m, d - D(days=1)
        elif v.part == "later":
            lo, hi = d + D(days=1), m + D(days=6)
        else:
            lo, hi = _part(lo, hi, v.part, "week")
        if lo > hi:
            return None
        return Resolved(lo, hi, iso_week(m), "week")
    if k == "weekend":
        if v.offset < 0:
            sun = d - D(days=(d.weekday() + 1) % 7 or 7)
        elif v.offset > 0:
            sat = d + D(days=(5 - d.weekday()) % 7 or 7)
            sun = sat + D(days=1)
        else:
            sun = monday(d) + D(days=6)
        return Resolved(sun - D(days=1), sun, f"{iso_week(sun)}-WE", "interval")
    if k == "span":
        n = int(v.lo)
        days = (
            {"day": 7, "week": 21, "month": 90, "year": 365 * 3}[v.unit or "day"] if n == 0 else 0
        )
        if n:
            days = (_units(d, n, v.unit or "day") - d).days
        if v.direction == "past":
            return Resolved(d - D(days=days), d - D(days=1), "PAST_REF", "interval")
        return Resolved(d + D(days=1), d + D(days=days), "FUTURE_REF", "interval")
    if k == "month":
        t = add_months(d.replace(day=1), v.offset)
        r = _month(t.year, t.month, v.part if v.part in ("begin", "half", "eind") else None)
        if v.part == "eerder":
            if d.day == 1:
                return None
            return Resolved(d.replace(day=1), d - D(days=1), r.value, "month")
        if v.part == "later":
            end = month_end(d.year, d.month)
            return None if d == end else Resolved(d + D(days=1), end, r.value, "month")
        return r
    if k == "year":
        first, last = d.replace(month=1, day=1), d.replace(month=12, day=31)
        if v.part == "eerder":  # "eerder dit jaar": 1 January to the day before
            return None if d == first else Resolved(first, d - D(days=1), str(d.year), "year")
        if v.part == "later":  # "later dit jaar": the day after to 31 December
            return None if d == last else Resolved(d + D(days=1), last, str(d.year), "year")
        return _year(d.year + v.offset, v.part)
    if k == "month_name":
        mon = v.month or 1
        y = v.year if v.year is not None else _pick_year(d, mon, None, v.direction)
        return _month(y, mon, v.part)
    if k == "date":
        mon = v.month or 1
        y = v.year if v.year is not None else _pick_year(d, mon, v.day, v.direction)
        try:
            return _day(dt.date(y, mon, v.day or 1))
        except ValueError:
            return None
    if k == "dayrange":  # "tussen 10 en 14 maart": the month's year is picked once
        mon = v.month or 1
        y = v.year if v.year is not None else _pick_year(d, mon, None, v.direction)
        last = month_end(y, mon).day
        if (v.day or 1) > last:
            return None
        lo, hi = dt.date(y, mon, v.day or 1), dt.date(y, mon, min(int(v.hi), last))
        return Resolved(lo, hi, f"{y}-{mon:02d}", "interval")
    if k == "quarter":
        return _quarter(v, d)
    if k == "dom":  # "de 18e": that day of the DCT's month
        try:
            return _day(d.replace(day=v.day or 1))
        except ValueError:
            return None
    if k == "year_name":
        return _year(v.year or d.year, v.part)
    if k == "season":
        first, last = v.month or 1, v.day or 1
        y = v.year if v.year is not None else _season_year(d, first, last, v.direction, v.offset)
        lo = dt.date(y, first, 1)
        hi = month_end(y + (1 if last < first else 0), last)
        return Resolved(
            lo, hi, f"{y}-{['SP', 'SU', 'FA', 'WI'][[3, 6, 9, 12].index(first)]}", "season"
        )
    if k == "ago":
        return _ago(v, d, -1)
    if k == "ahead":
        return _ago(v, d, +1)
    if k == "within":
        return Resolved(d, _units(d, v.hi, v.unit or "day"), "FUTURE_REF", "interval")
    if k == "past_ref":
        return Resolved(None, d, "PAST_REF", "open")
    if k == "future_ref":
        return Resolved(d, None, "FUTURE_REF", "open")
    if k == "fixed":
        return _day(v.date or d)
    if k == "holiday":
        # the DCT's year, unless the tense contradicts it by more than a month
        # ("met Kerstmis sprak hij" in February is last Christmas)
        def on(y: int) -> dt.date:
            return (
                easter(y) + D(days=v.offset) if v.easter else dt.date(y, v.month or 1, v.day or 1)
            )

        t = on(d.year)
        if v.direction == "past" and (t - d).days > 31:
            t = on(d.year - 1)
        elif v.direction == "future" and (d - t).days > 31:
            t = on(d.year + 1)
        return _day(t)
    if k == "anchor":
        base = anchor or Interval(earliest=d, latest=d)
        return _shift(base, v.offset)
    if k == "wrap":
        return _wrap(v, d, anchor)
    if k == "pair" and v.inner and v.other:
        a = resolve_day(v.inner, d, anchor)
        b = resolve_day(v.other, d, anchor)
        if a is None or b is None:
            return None
        return _span(a.earliest, b.latest)
    return None


def _quarter(v: Value, d: dt.date) -> Resolved:
    """Quarter `v.day` of `v.year`, of the DCT's year + `offset` ("van vorig jaar"), or of the
    DCT's year unless the tense points past a quarter not yet begun / future one already over."""
    q = v.day or 1

    def bounds(y: int) -> tuple[dt.date, dt.date]:
        return dt.date(y, 3 * q - 2, 1), month_end(y, 3 * q)

    if v.year is not None:
        y = v.year
    elif v.part == "year":
        y = d.year + v.offset
    else:
        y = d.year
        if v.direction == "past" and bounds(y)[0] > d:
            y -= 1
        elif v.direction == "future" and bounds(y)[1] < d:
            y += 1
    lo, hi = bounds(y)
    return Resolved(lo, hi, f"{y}-Q{q}", "quarter")


def _season_year(d: dt.date, first: int, last: int, direction: str | None, offset: int) -> int:
    """Start year of a season named without one.

    "vorige/komende zomer" (offset ∓1): the last one over / the next one not yet begun;
    a bare season in a past / future clause: the last begun / the next not yet over;
    otherwise the one of the DCT's year (the current one for winter in Jan–Feb).
    """

    def bounds(y: int) -> tuple[dt.date, dt.date]:
        return dt.date(y, first, 1), month_end(y + (1 if last < first else 0), last)

    cands = [d.year - 2, d.year - 1, d.year, d.year + 1]
    if offset < 0:
        return max(y for y in cands if bounds(y)[1] < d)
    if offset > 0:
        return min(y for y in cands if bounds(y)[0] > d)
    if direction == "past":
        return max(y for y in cands if bounds(y)[0] <= d)
    if direction == "future":
        return min(y for y in cands if bounds(y)[1] >= d)
    return d.year if not (first == 12 and d.month <= 2) else d.year - 1


def _weekday(
    d: dt.date,
    w: int,
    direction: str | None,
    week_offset: int | None,
    today: bool = False,
    before: bool = False,
) -> dt.date:
    """The weekday `w` on or before `d` (past; before it with `before`: "afgelopen
    vrijdag" on a Friday is a week ago), after `d` (future; on or after it with
    `today`: a weekday told in the present, "reist woensdag" on a Wednesday), or in the
    week of `d` counted by `week_offset`."""
    if week_offset is not None:
        return monday(d) + D(days=7 * week_offset + w)
    if direction == "future":
        step = 0 if today else 1
        return d + D(days=(w - d.weekday() - step) % 7 + step)
    step = 1 if before else 0
    return d - D(days=(d.weekday() - w - step) % 7 + step)


def _wrap(v: Value, d: dt.date, anchor: Interval | None) -> Resolved | None:
    op = v.op
    if v.inner is None:
        base = anchor or Interval(earliest=d, latest=d)
        inner = Resolved(base.earliest, base.latest, None, "interval")
    else:
        r = resolve_day(v.inner, d, anchor)
        if r is None:
            return None
        inner = r
    lo, hi = inner.earliest, inner.latest
    if op == "night_into" and lo is not None:
        return Resolved(lo - D(days=1), lo, f"{(lo - D(days=1)).isoformat()}TNI", "interval")
    if op == "sinds":
        if lo is not None and lo > d:
            return _span(lo, None)
        return _span(lo, d)
    if op == "tot":
        return _span(d, hi) if hi is None or hi >= d else _span(None, hi)
    if op == "voor":
        if lo is None:
            return None
        if lo > d:
            return Resolved(d, lo - D(days=1), inner.value, "interval")
        return _span(None, lo - D(days=1))
    if op == "na":
        return _span(hi + D(days=1) if hi else None, None)
    if op == "kort_voor":
        return _span(lo - D(days=SHORTLY) if lo else None, hi)
    if op == "kort_na":
        return _span(lo, hi + D(days=SHORTLY) if hi else None)
    if op in ("na_n", "voor_n"):
        return _counted_from(v, lo, hi, 1 if op == "na_n" else -1)
    return None


def _counted_from(v: Value, lo: dt.date | None, hi: dt.date | None, sign: int) -> Resolved:
    """`v.lo`…`v.hi` units after (sign 1) or before (-1) the event lo … hi.

    Plain and "precies": the event shifted by N units. "bijna" / "ruim" as for "geleden"
    (TIMEX_CONVENTIONS.md), mirrored after the event: "bijna drie weken nadat E" is
    E+15 … E+21, "ruim drie weken nadat E" E+21 … E+27; "bijna drie weken voor E" E−21 … E−15.
    """
    unit = v.unit or "day"
    los: list[dt.date] = []
    his: list[dt.date] = []
    for n in _count(v) if v.hi else [v.lo]:
        a = _units(lo, sign * n, unit) if lo else None
        b = _units(hi, sign * n, unit) if hi else None
        less_a = _units(lo, sign * (n - 1), unit) if lo and n >= 1 else lo
        less_b = _units(hi, sign * (n - 1), unit) if hi and n >= 1 else hi
        more_a = _units(lo, sign * (n + 1), unit) if lo else None
        more_b = _units(hi, sign * (n + 1), unit) if hi else None
        near, far = (v.approx == "bijna"), (v.approx == "ruim")
        if near or far:
            # bijna: between N−1 units (exclusive) and N units from the event; ruim: N … N+1
            inner_a, inner_b = (less_a, less_b) if near else (a, b)
            outer_a, outer_b = (a, b) if near else (more_a, more_b)
            step = D(days=sign)
            if sign > 0:
                a2 = inner_a + step if inner_a and near else inner_a
                b2 = outer_b - step if outer_b and far else outer_b
            else:
                a2 = outer_a - step if outer_a and far else outer_a
                b2 = inner_b + step if inner_b and near else inner_b
            if a2 is not None:
                los.append(a2)
            if b2 is not None:
                his.append(b2)
        else:
            if a is not None:
                los.append(a)
            if b is not None:
                his.append(b)
    lo2 = min(los) if los and lo else None
    hi2 = max(his) if his and hi else None
    if lo2 and lo2 == hi2:
        return _day(lo2)
    return _span(lo2, hi2)


def resolve(
    v: Value, dct: Interval, anchor: Interval | None = None, *, by_day: bool = False
) -> Resolved | None:
    """The union of `resolve_day` over every possible publication day in `dct`.

    `by_day=True` takes the union day by day, without the shortcuts (slower, the same).
    A value that falls outside the calendar ("over 9000 jaar", "vorig jaar" in year 1)
    resolves to nothing rather than to a wrong date.
    """
    try:
        return _resolve(v, dct, anchor, by_day=by_day)
    except (ValueError, OverflowError):
        return None


def _resolve(
    v: Value, dct: Interval, anchor: Interval | None = None, *, by_day: bool = False
) -> Resolved | None:
    if dct.earliest is None or dct.latest is None:
        return None
    if dct.earliest == dct.latest:  # a day: the union of one
        return resolve_day(v, dct.earliest, anchor)
    one_month = (dct.earliest.year, dct.earliest.month) == (dct.latest.year, dct.latest.month)
    if (
        v.kind in ("date", "dayrange")
        and v.year is None
        and one_month
        and v.month == dct.earliest.month
    ):
        # "11 april" in an article dated April 2025: a day of the very month it was
        # published in, so of that year, ahead or past
        v = v._replace(year=dct.earliest.year)
    parts: list[Resolved] = []
    d = dct.earliest
    if not by_day and d < dct.latest and _day_free(v, anchor):
        # the same result on every day: the union of two copies is the union of them all
        r = resolve_day(v, d, anchor)
        if r is not None:
            parts = [r, r]
    elif not by_day and d < dct.latest and v.kind in _MONOTONE_DAYS:
        # never earlier for a later `d`: the union is that of the first and the last day's
        # results (skipping days without one, "eerder deze week" on a Monday), with one
        # value exactly when those two agree (then so do all between)
        parts = _ends(v, d, dct.latest, anchor)
    else:
        while d <= dct.latest:
            r = resolve_day(v, d, anchor)
            if r is not None:
                parts.append(r)
            d += D(days=1)
    if not parts:
        return None
    out = union(parts)
    if len(parts) > 1 and out.value is None and parts[0].value in ("PAST_REF", "FUTURE_REF"):
        out = Resolved(out.earliest, out.latest, parts[0].value, out.granularity)
    return out


# Kinds whose `resolve_day` moves, if at all, only later as `d` does (both ends), with a
# different value wherever it moves: a day (d + offset; the weekday on/after/before d, or of
# d's week; the night before d or of a weekday), a calendar unit counted from d's (the week,
# weekend, month or year, or a part of it: "eerder deze week" is monday(d) … d−1), a count
# of units before or after d (`_units` never goes back as d goes on: add_months clamps to
# the month's end), an open end at d; or a month `_month(y, …)` with y fixed or
# `_pick_year`'s, which is the largest y with month 1 ≤ d (past), the smallest with month 1 ≥
# d's month 1 (future), or the year of the month 1 nearest d's month 1, ties to the later.
# tests/test_timex_properties.py checks the shortcut against the day-by-day union.
_MONOTONE_DAYS = (
    "day",
    "night",
    "night_of",
    "weekday",
    "week",
    "weekend",
    "month",
    "year",
    "ago",
    "ahead",
    "within",
    "past_ref",
    "future_ref",
    "month_name",
)


def _ends(v: Value, d: dt.date, e: dt.date, anchor: Interval | None) -> list[Resolved]:
    """The results of the first and the last day of d … e that have one."""
    first = last = None
    while d <= e and (first := resolve_day(v, d, anchor)) is None:
        d += D(days=1)
    if first is None:
        return []
    while e > d and (last := resolve_day(v, e, anchor)) is None:
        e -= D(days=1)
    return [first] if last is None else [first, last]


_FREE_WRAPS = ("night_into", "na", "kort_voor", "kort_na", "na_n", "voor_n")


def _day_free(v: Value, anchor: Interval | None) -> bool:
    """Whether `resolve_day(v, d, anchor)` provably does not depend on the day `d`."""
    k = v.kind
    if k in ("month_name", "date"):
        return v.year is not None
    if k == "year_name":
        return bool(v.year)
    if k in ("dayrange", "quarter"):
        return v.year is not None
    if k == "fixed":
        return v.date is not None
    if k == "anchor":
        return anchor is not None
    if k == "pair":
        return (
            v.inner is not None
            and v.other is not None
            and _day_free(v.inner, anchor)
            and _day_free(v.other, anchor)
        )
    if k == "wrap" and v.op in _FREE_WRAPS:
        return anchor is not None if v.inner is None else _day_free(v.inner, anchor)
    return False
