"""Date phrases for exports: an interval of days → an honest, readable phrase.

`describe(earliest, latest, lang)` never claims more precision than the interval
has: a single day is written as a day, a whole calendar month as the month, a
whole year as the year, anything else as "tussen … en …"; an open end is said
to be open ("op of vóór …", "vanaf …").
"""

from __future__ import annotations

import calendar
import datetime as dt

MONTHS: dict[str, tuple[str, ...]] = {
    "nl": (
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
    ),
    "en": (
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
    ),
}

PHRASES: dict[str, dict[str, str]] = {
    "nl": {
        "unknown": "datum onbekend",
        "between": "tussen {a} en {b}",
        "until": "op of vóór {b}",
        "from": "vanaf {a}",
    },
    "en": {
        "unknown": "date unknown",
        "between": "between {a} and {b}",
        "until": "on or before {b}",
        "from": "on or after {a}",
    },
}


def _lang(lang: str) -> str:
    return lang if lang in MONTHS else "nl"


def month_name(month: int, lang: str = "nl") -> str:
    return MONTHS[_lang(lang)][month - 1]


def format_day(day: dt.date, lang: str = "nl", *, year: bool = True, month: bool = True) -> str:
    """'12 februari 2025' / '12 February 2025'; parts can be left off for ranges."""
    parts = [str(day.day)]
    if month:
        parts.append(month_name(day.month, lang))
    if year:
        parts.append(str(day.year))
    return " ".join(parts)


def format_month(year: int, month: int, lang: str = "nl") -> str:
    return f"{month_name(month, lang)} {year}"


def _month_end(day: dt.date) -> dt.date:
    return day.replace(day=calendar.monthrange(day.year, day.month)[1])


def is_whole_month(earliest: dt.date, latest: dt.date) -> bool:
    return earliest.day == 1 and latest == _month_end(earliest)


def is_whole_months(earliest: dt.date, latest: dt.date) -> bool:
    """True when the interval starts on a first and ends on a last day of a month."""
    return earliest.day == 1 and latest == _month_end(latest)


def is_whole_year(earliest: dt.date, latest: dt.date) -> bool:
    return (
        earliest.year == latest.year
        and (earliest.month, earliest.day) == (1, 1)
        and (latest.month, latest.day) == (12, 31)
    )


def _range(earliest: dt.date, latest: dt.date, lang: str) -> tuple[str, str]:
    """The two ends of an interval, leaving off what the second end repeats."""
    if is_whole_months(earliest, latest):
        if earliest.year == latest.year:
            return month_name(earliest.month, lang), format_month(latest.year, latest.month, lang)
        return (
            format_month(earliest.year, earliest.month, lang),
            format_month(latest.year, latest.month, lang),
        )
    if earliest.year != latest.year:
        return format_day(earliest, lang), format_day(latest, lang)
    if earliest.month != latest.month:
        return format_day(earliest, lang, year=False), format_day(latest, lang)
    return format_day(earliest, lang, year=False, month=False), format_day(latest, lang)


def describe(earliest: dt.date | None, latest: dt.date | None, lang: str = "nl") -> str:
    """An interval of days as a phrase that states exactly what is known.

    >>> describe(dt.date(2025, 2, 12), dt.date(2025, 2, 12))
    '12 februari 2025'
    >>> describe(dt.date(2025, 2, 3), dt.date(2025, 2, 9))
    'tussen 3 en 9 februari 2025'
    >>> describe(dt.date(2022, 2, 1), dt.date(2022, 2, 28), "en")
    'February 2022'
    >>> describe(None, dt.date(2025, 2, 7))
    'op of vóór 7 februari 2025'
    >>> describe(None, None, "en")
    'date unknown'
    """
    lang = _lang(lang)
    words = PHRASES[lang]
    if earliest is None and latest is None:
        return words["unknown"]
    if earliest is None:
        assert latest is not None
        return words["until"].format(b=format_day(latest, lang))
    if latest is None:
        return words["from"].format(a=format_day(earliest, lang))
    if earliest > latest:
        earliest, latest = latest, earliest
    if earliest == latest:
        return format_day(earliest, lang)
    if is_whole_year(earliest, latest):
        return str(earliest.year)
    if is_whole_month(earliest, latest):
        return format_month(earliest.year, earliest.month, lang)
    if (
        is_whole_months(earliest, latest)
        and earliest.year + 1 <= latest.year
        and (earliest.month, latest.month) == (1, 12)
    ):
        a, b = str(earliest.year), str(latest.year)
    else:
        a, b = _range(earliest, latest, lang)
    return words["between"].format(a=a, b=b)


def precision(earliest: dt.date | None, latest: dt.date | None) -> str:
    """What kind of date this is: day, month, year, interval, open-start, open-end, unknown."""
    if earliest is None and latest is None:
        return "unknown"
    if earliest is None:
        return "open-start"
    if latest is None:
        return "open-end"
    if earliest == latest:
        return "day"
    if is_whole_year(earliest, latest):
        return "year"
    if is_whole_month(earliest, latest):
        return "month"
    return "interval"
