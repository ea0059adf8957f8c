"""Productions: a rule's match → an underspecified `Value` (or None to reject it).

One function per rule of lang/nl/time_rules.toml, registered in `PRODUCTIONS`.
They read the word data and the clause's tense; they never resolve against a date.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import cache

from timeline.timex.tense import direction_at, tense_at
from timeline.timex.values import Direction, Value
from timeline.timex.words import ReferenceEvent, Words, alternation, words

Production = Callable[[re.Match[str], str], Value | None]


def _past_mods() -> frozenset[str]:
    return words().past_mods


def _future_mods() -> frozenset[str]:
    return words().future_mods


def norm(s: str | None) -> str:
    low = (s or "").lower()
    return low if low.isalpha() else re.sub(r"\s+", " ", low)


def pieces(w: Words) -> dict[str, str]:
    nums = alternation([*w.numbers, *w.fuzzy])
    return {
        "WD": alternation(list(w.weekdays)),
        "MON": alternation(list(w.months)),
        "NUM": rf"(?:\d{{1,3}}|{nums})",
        "UNIT": alternation(list(w.units)),
        "PART": alternation(list(w.parts)),
        "DP": alternation(w.day_parts),
        "DEICTIC": alternation(list(w.deictic)),
        "PASTREF": alternation(w.past_refs),
        "FUTREF": alternation(w.future_refs),
        "SEASON": alternation(list(w.seasons)),
        "QUARTER": alternation(list(w.quarters)),
        "HOLIDAY": alternation(list(w.holidays)),
        "APPROX": alternation(list(w.approximations)),
        "REL": alternation([*w.past_mods, *w.future_mods, *w.this_mods]),
        "YEAR": r"(?:1[89]|20)\d{2}(?![\d.,]\d)",
    }


def _sentence_initial(text: str, pos: int) -> bool:
    i = pos - 1
    while i >= 0 and text[i] in " \t'\"‘“(":
        i -= 1
    return i < 0 or text[i] in ".!?:\n"


_NAME_NEXT = re.compile(r"\s+[A-Z][a-z]")


def _capital_ok(m: re.Match[str], text: str, group: str) -> bool:
    """A month or weekday with a capital inside a sentence is a name ("Mei", "Maartstraat")."""
    s = m.start(group)
    if s < 0 or not text[s].isupper():
        return True
    # "Mei Li": a capitalised word followed by another is a name, even sentence-initially
    if _NAME_NEXT.match(text, m.end(group)):
        return False
    return _sentence_initial(text, s)


def _dir(m: re.Match[str], text: str, mod: str | None) -> Direction:
    mod = norm(mod)
    if mod.split(" ")[0] in _past_mods():
        return "past"
    if mod.split(" ")[0] in _future_mods():
        return "future"
    return direction_at(text, m.start(), m.end())


def _explicit_dir(mod: str | None) -> Direction | None:
    first = norm(mod).split(" ")[0]
    if first in _past_mods():
        return "past"
    if first in _future_mods():
        return "future"
    return None


def p_deictic(m: re.Match[str], text: str) -> Value | None:
    return Value("day", offset=words().deictic[norm(m.group(0))])


def p_night(m: re.Match[str], text: str) -> Value | None:
    if m.group("d2"):  # "de nacht van 15 op 16 mei": the night into the second day
        year = int(m.group("year")) if m.group("year") else None
        day = int(m.group("d2"))
        if not 1 <= day <= 31:
            return None
        month = words().months[m.group("mon").lower()]
        direction = None if year else _calendar_dir(m, text)
        inner = Value("date", day=day, month=month, year=year, direction=direction)
        return Value("wrap", op="night_into", inner=inner)
    if m.group("wd1"):
        # nights are mostly reported afterwards: past unless the clause says otherwise
        direction = tense_at(text, m.start(), m.end()) or "past"
        return Value(
            "night_of", weekday=words().weekdays[m.group("wd1").lower()], direction=direction
        )
    return Value("night")


def p_weekday(m: re.Match[str], text: str) -> Value | None:
    w = words()
    if not _capital_ok(m, text, "wd"):
        return None
    if m.group("day"):
        if not _capital_ok(m, text, "mon"):
            return None
        year = int(m.group("year")) if m.group("year") else None
        return Value(
            "date", day=int(m.group("day")), month=w.months[m.group("mon").lower()], year=year
        )
    wd = w.weekdays[m.group("wd").lower()]
    mod = norm(m.group("mod"))
    if m.group("wmod"):  # "dinsdag vorige week"
        mod = f"{m.group('wmod').lower()} week"
        if mod == "deze week":
            return Value("weekday", weekday=wd, offset=0, part="week")
    if mod.endswith("week"):
        return Value(
            "weekday", weekday=wd, offset=words().rel_offset(mod.split(" ")[0]), part="week"
        )
    if mod in _past_mods():  # "afgelopen vrijdag": before the article's day, never on it
        return Value("weekday", weekday=wd, direction="past", part="before")
    if not mod and (by_prep := _prep_dir(m, text)) is not None:  # "tot vrijdag"
        return Value("weekday", weekday=wd, direction=by_prep, part="prep")
    return Value("weekday", weekday=wd, direction=_dir(m, text, mod))


def p_date(m: re.Match[str], text: str) -> Value | None:
    if not _capital_ok(m, text, "mon"):
        return None
    day = int(m.group("day"))
    if not 1 <= day <= 31:
        return None
    year = int(m.group("year")) if m.group("year") else None
    direction = None if year else _calendar_dir(m, text)
    month = words().months[m.group("mon").lower()]
    return Value("date", day=day, month=month, year=year, direction=direction)


@cache
def context_pattern(name: str, tail: str = "") -> re.Pattern[str]:
    """A pattern for the words of time_words.toml [context] `name`, ending where a match starts."""
    return re.compile(rf"\b(?:{alternation(words().context[name])})\s+{tail}$", re.IGNORECASE)


def _prep_dir(m: re.Match[str], text: str) -> Direction | None:
    """The direction a preposition before the match gives: "tot 10 maart", "tot
    vrijdag" lie ahead, "sinds februari" behind."""
    before = text[max(0, m.start() - 20) : m.start()]
    if context_pattern("behind_preps").search(before):
        return "past"
    if context_pattern("ahead_preps", r"(?:op\s+|in\s+)?").search(before):
        return "future"
    return None


def _calendar_dir(m: re.Match[str], text: str) -> Direction | None:
    """Direction for a month or date named without a year.

    A preposition decides first (`_prep_dir`); then a tense cue of the clause; without
    either, the resolver takes the nearest.
    """
    return _prep_dir(m, text) or tense_at(text, m.start(), m.end())


def p_numdate(m: re.Match[str], text: str) -> Value | None:
    """ "op 18-3", "dinsdag 18-3", "18-3-2025": day-month, after a date word or with a year."""
    day, month = int(m.group("day")), int(m.group("mon"))
    if not (1 <= day <= 31 and 1 <= month <= 12):
        return None
    year = int(m.group("year")) if m.group("year") else None
    if m.group("wd") and not _capital_ok(m, text, "wd"):
        return None
    if (
        year is None
        and not m.group("wd")
        and not context_pattern("numeric_date").search(text[max(0, m.start() - 20) : m.start()])
    ):
        return None
    direction = None if year else _calendar_dir(m, text)
    return Value("date", day=day, month=month, year=year, direction=direction)


def p_dayrange(m: re.Match[str], text: str) -> Value | None:
    """ "tussen 10 en 14 maart": days `day`…`hi` of one month (its year picked once)."""
    if not _capital_ok(m, text, "mon"):
        return None
    d1, d2 = int(m.group("d1")), int(m.group("d2"))
    if not 1 <= d1 < d2 <= 31:
        return None
    year = int(m.group("year")) if m.group("year") else None
    direction = None if year else _calendar_dir(m, text)
    month = words().months[m.group("mon").lower()]
    return Value("dayrange", day=d1, hi=d2, month=month, year=year, direction=direction)


def p_quarter(m: re.Match[str], text: str) -> Value | None:
    """ "het eerste kwartaal (van 2025 / van vorig jaar)", "Q3 2024"."""
    q = words().quarters[norm(m.group("ord"))] if m.group("ord") else int(m.group("q"))
    y = m.group("year") or m.group("year2")
    if y:
        return Value("quarter", day=q, year=int(y))
    if m.group("rel"):
        return Value("quarter", day=q, offset=words().rel_offset(m.group("rel")), part="year")
    return Value("quarter", day=q, direction=direction_at(text, m.start(), m.end()))


def p_dom(m: re.Match[str], text: str) -> Value | None:
    day = int(m.group("day"))
    return Value("dom", day=day) if 1 <= day <= 31 else None


def p_month(m: re.Match[str], text: str) -> Value | None:
    if not _capital_ok(m, text, "mon"):
        return None
    year = int(m.group("year")) if m.group("year") else None
    part = words().parts[m.group("part").lower()] if m.group("part") else None
    direction = None if year else _calendar_dir(m, text)
    month = words().months[m.group("mon").lower()]
    return Value("month_name", month=month, year=year, part=part, direction=direction)


def p_year(m: re.Match[str], text: str) -> Value | None:
    part = words().parts[m.group("part").lower()] if m.group("part") else None
    return Value("year_name", year=int(m.group("year")), part=part)


def p_relperiod(m: re.Match[str], text: str) -> Value | None:
    unit = m.group("unit").lower()
    off = words().rel_offset(m.group("mod"))
    part = m.group("part")
    p = None
    if part:
        p = part.lower() if part.lower() in ("eerder", "later") else words().parts[part.lower()]
        if p in ("eerder", "later") and off != 0:
            return None
    kind = {"week": "week", "maand": "month", "jaar": "year"}[unit]
    return Value(kind, offset=off, part=p)


def p_weekend(m: re.Match[str], text: str) -> Value | None:
    mod = norm(m.group("mod") or m.group("mod2"))
    off = (-1 if _dir(m, text, None) == "past" else 1) if not mod else words().rel_offset(mod)
    return Value("weekend", offset=off)


def p_span(m: re.Match[str], text: str) -> Value | None:
    if m.group("unit1"):  # "de afgelopen week": one unit
        mod, unit, n = m.group("mod1").lower(), words().unit(m.group("unit1")), 1
    else:
        mod, unit = m.group("mod").lower(), words().unit(m.group("unit"))
        n = words().count(m.group("num"))[1] if m.group("num") else 0
    direction: Direction = "past" if mod in _past_mods() else "future"
    return Value("span", unit=unit, lo=n, hi=n, direction=direction)  # type: ignore[arg-type]


def _counted(m: re.Match[str], kind: str) -> Value | None:
    w = words()
    lo, hi = w.count(m.group("num"))
    unit = w.unit(m.group("unit"))
    said = norm(m.groupdict().get("approx"))
    approx = w.approximations.get(said) if said else None
    if approx == "ongeveer" and lo == hi and lo > 1:
        lo, hi = lo - 1, hi + 1
    return Value(kind, unit=unit, lo=lo, hi=hi, approx=approx)  # type: ignore[arg-type]


def p_ago(m: re.Match[str], text: str) -> Value | None:
    return _counted(m, "ago")


def p_ahead(m: re.Match[str], text: str) -> Value | None:
    # "verspreid over twee dagen" is a duration, not a time
    if context_pattern("duration").search(text[max(0, m.start() - 20) : m.start()]):
        return None
    return _counted(m, "ahead")


def p_within(m: re.Match[str], text: str) -> Value | None:
    return _counted(m, "within")


def p_shift(m: re.Match[str], text: str) -> Value | None:
    w = words()
    lo, _ = w.count(m.group("num"))
    unit = w.unit(m.group("unit"))
    sign = -1 if m.group("dir").lower() in ("eerder", "daarvoor", "ervoor") else 1
    if unit == "day":
        return Value("anchor", offset=sign * round(lo))
    return Value("wrap", op="na_n" if sign > 0 else "voor_n", lo=lo, unit=unit)  # type: ignore[arg-type]


def _event_at(text: str, pos: int, limit: int = 80) -> ReferenceEvent | None:
    for ev in words().events:
        em = ev.pattern.match(text, pos, min(len(text), pos + limit))
        if em:
            return ev
    return None


def _occasion(np: str) -> bool:
    """ "de top", "het telefoongesprek": a noun for a datable occasion."""
    noun = np.split()[-1].lower()
    return noun in words().occasions or any(noun.endswith(o) for o in ("gesprek", "top", "bezoek"))


def p_relative_to(m: re.Match[str], text: str) -> Value | None:
    if not _occasion(m.group("np")):
        return None
    w = words()
    lo, _ = w.count(m.group("num"))
    unit = w.unit(m.group("unit"))
    op = "na_n" if m.group("dir").lower() == "na" else "voor_n"
    ev = _event_at(text, m.start("np"))
    inner = Value("fixed", date=ev.date) if ev else None
    return Value("wrap", op=op, lo=lo, unit=unit, inner=inner)  # type: ignore[arg-type]


def p_shortly(m: re.Match[str], text: str) -> Value | None:
    d = (m.group("dir") or m.group("dir2")).lower()
    op = "kort_voor" if d in ("voor", "voordat", "daarvoor") else "kort_na"
    if m.group("np") and not _occasion(m.group("np")):
        return None
    pos = m.start("np") if m.group("np") else m.end()
    ev = _event_at(text, pos + (0 if m.group("np") else 1))
    inner = Value("fixed", date=ev.date) if ev else None
    return Value("wrap", op=op, inner=inner)


def p_counted_event(m: re.Match[str], text: str) -> Value | None:
    """ "bijna drie weken nadat …": `lo`…`hi` units after / before the clause's event."""
    v = _counted(m, "wrap")
    if v is None:
        return None
    op = "na_n" if m.group("dir").lower() == "nadat" else "voor_n"
    ev = _event_at(text, m.end() + 1)
    inner = Value("fixed", date=ev.date) if ev else None
    return Value("wrap", op=op, lo=v.lo, hi=v.hi, unit=v.unit, approx=v.approx, inner=inner)


def p_sameday(m: re.Match[str], text: str) -> Value | None:
    return Value("anchor", offset=0)


def p_sindsdien(m: re.Match[str], text: str) -> Value | None:
    return Value("wrap", op="sinds", inner=None)


def p_pastref(m: re.Match[str], text: str) -> Value | None:
    return Value("past_ref")


def p_futref(m: re.Match[str], text: str) -> Value | None:
    return Value("future_ref")


def p_holiday(m: re.Match[str], text: str) -> Value | None:
    spec = words().holidays[norm(m.group("h"))]
    direction = direction_at(text, m.start(), m.end())
    if spec.startswith("easter"):
        return Value("holiday", easter=True, offset=int(spec[6:]), direction=direction)
    mm, dd = spec.split("-")
    return Value("holiday", month=int(mm), day=int(dd), direction=direction)


def p_season(m: re.Match[str], text: str) -> Value | None:
    first, last = words().seasons[(m.group("s") or m.group("s2")).lower()]
    y = m.group("year") or m.group("year2")
    year = int(y) if y else None
    mod = norm(m.group("mod"))
    explicit = _explicit_dir(mod)
    off = {"past": -1, "future": 1}.get(explicit or "", 0)
    direction = explicit or direction_at(text, m.start(), m.end())
    return Value("season", month=first, day=last, year=year, offset=off, direction=direction)


WRAP_OPS = {
    "sinds": "sinds",
    "vanaf": "sinds",
    "sedert": "sinds",
    "tot": "tot",
    "tot en met": "tot",
    "tegen": "tot",
    "voor": "voor",
    "vóór": "voor",
    "na": "na",
    "kort voor": "kort_voor",
    "vlak voor": "kort_voor",
    "net voor": "kort_voor",
    "kort na": "kort_na",
    "vlak na": "kort_na",
    "net na": "kort_na",
}

PRODUCTIONS: dict[str, Production] = {
    "deictic": p_deictic,
    "night": p_night,
    "weekday": p_weekday,
    "date": p_date,
    "dom": p_dom,
    "numdate": p_numdate,
    "dayrange": p_dayrange,
    "quarter": p_quarter,
    "month": p_month,
    "year": p_year,
    "relperiod": p_relperiod,
    "weekend": p_weekend,
    "span": p_span,
    "ago": p_ago,
    "ahead": p_ahead,
    "within": p_within,
    "shift": p_shift,
    "relative_to": p_relative_to,
    "shortly": p_shortly,
    "counted_event": p_counted_event,
    "sameday": p_sameday,
    "sindsdien": p_sindsdien,
    "past_ref": p_pastref,
    "future_ref": p_futref,
    "holiday": p_holiday,
    "season": p_season,
}
