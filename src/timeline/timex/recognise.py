"""The recogniser: compiled patterns over the text → `Mention`s with underspecified values.

Rules are a table of (name, pattern, production), as in Duckling. Patterns are
built from the word lists in lang/nl/time_words.toml; a production turns a match
into a `Value` (or rejects it). Overlaps go to the longest match; then prefixes
("in", "op", "sinds", "tot", "vóór", "tussen … en") widen a match.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from functools import cache

from timeline.timex.tense import direction_at, sentence_bounds
from timeline.timex.values import Direction, Value
from timeline.timex.words import ReferenceEvent, Words, alternation, words


@dataclass(frozen=True)
class Mention:
    start: int
    end: int
    rule: str
    value: Value
    # "prev": anchored on the previous mention; "near": on a mention in the same sentence
    anchor: str | None = None


Production = Callable[[re.Match[str], str], Value | None]

APPROX = r"bijna|ruim|zo'n|zo’n|ongeveer|circa|precies|pakweg|ruwweg|krap|nog\s+geen"
PAST_MODS = {"vorige", "vorig", "afgelopen", "voorbije", "jongstleden", "laatste"}
FUTURE_MODS = {"volgende", "volgend", "komende", "komend", "aanstaande"}
REL_OFFSET = {
    **{m: -1 for m in PAST_MODS},
    **{m: 1 for m in FUTURE_MODS},
    "deze": 0,
    "dit": 0,
}


def _norm(s: str | None) -> str:
    return re.sub(r"\s+", " ", (s or "").lower())


def _pieces(w: Words) -> dict[str, str]:
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
        "HOLIDAY": alternation(list(w.holidays)),
        "APPROX": APPROX,
        "REL": alternation(list(REL_OFFSET)),
        "YEAR": r"(?:1[89]|20)\d{2}(?![\d.,]\d)",
    }


def _sentence_initial(text: str, pos: int) -> bool:
    i = pos - 1
    while i >= 0 and text[i] in " \t'\"‘“(":
        i -= 1
    return i < 0 or text[i] in ".!?:\n"


def _capital_ok(m: re.Match[str], text: str, group: str) -> bool:
    """A month or weekday with a capital inside a sentence is a name ("Mei", "Maartstraat")."""
    s = m.start(group)
    if s < 0 or not text[s].isupper():
        return True
    # "Mei Li": a capitalised word followed by another is a name, even sentence-initially
    if re.match(r"\s+[A-Z][a-z]", text[m.end(group) :]):
        return False
    return _sentence_initial(text, s)


def _dir(m: re.Match[str], text: str, mod: str | None) -> Direction:
    mod = _norm(mod)
    if mod.split(" ")[0] in PAST_MODS:
        return "past"
    if mod.split(" ")[0] in FUTURE_MODS:
        return "future"
    return direction_at(text, m.start(), m.end())


def _explicit_dir(mod: str | None) -> Direction | None:
    first = _norm(mod).split(" ")[0]
    if first in PAST_MODS:
        return "past"
    if first in FUTURE_MODS:
        return "future"
    return None


def p_deictic(m: re.Match[str], text: str) -> Value | None:
    return Value("day", offset=words().deictic[_norm(m.group(0))])


def p_night(m: re.Match[str], text: str) -> Value | None:
    if m.group("wd1"):
        return Value("night_of", weekday=words().weekdays[m.group("wd1").lower()], direction="past")
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
    mod = _norm(m.group("mod"))
    if mod.endswith("week"):
        return Value("weekday", weekday=wd, offset=REL_OFFSET[mod.split(" ")[0]], part="week")
    return Value("weekday", weekday=wd, direction=_dir(m, text, mod))


def p_date(m: re.Match[str], text: str) -> Value | None:
    if not _capital_ok(m, text, "mon"):
        return None
    day = int(m.group("day"))
    if not 1 <= day <= 31:
        return None
    year = int(m.group("year")) if m.group("year") else None
    return Value("date", day=day, month=words().months[m.group("mon").lower()], year=year)


def p_dom(m: re.Match[str], text: str) -> Value | None:
    day = int(m.group("day"))
    return Value("dom", day=day) if 1 <= day <= 31 else None


def p_month(m: re.Match[str], text: str) -> Value | None:
    if not _capital_ok(m, text, "mon"):
        return None
    year = int(m.group("year")) if m.group("year") else None
    part = words().parts[m.group("part").lower()] if m.group("part") else None
    return Value("month_name", month=words().months[m.group("mon").lower()], year=year, part=part)


def p_year(m: re.Match[str], text: str) -> Value | None:
    part = words().parts[m.group("part").lower()] if m.group("part") else None
    return Value("year_name", year=int(m.group("year")), part=part)


def p_relperiod(m: re.Match[str], text: str) -> Value | None:
    unit = m.group("unit").lower()
    off = REL_OFFSET[m.group("mod").lower()]
    part = m.group("part")
    p = None
    if part:
        p = part.lower() if part.lower() in ("eerder", "later") else words().parts[part.lower()]
        if p in ("eerder", "later") and off != 0:
            return None
    kind = {"week": "week", "maand": "month", "jaar": "year"}[unit]
    return Value(kind, offset=off, part=p)


def p_weekend(m: re.Match[str], text: str) -> Value | None:
    mod = _norm(m.group("mod") or m.group("mod2"))
    off = (-1 if _dir(m, text, None) == "past" else 1) if not mod else REL_OFFSET[mod]
    return Value("weekend", offset=off)


def p_span(m: re.Match[str], text: str) -> Value | None:
    mod = m.group("mod").lower()
    unit = words().unit(m.group("unit"))
    n = words().count(m.group("num"))[1] if m.group("num") else 0
    direction: Direction = "past" if mod in PAST_MODS else "future"
    return Value("span", unit=unit, lo=n, hi=n, direction=direction)  # type: ignore[arg-type]


def _counted(m: re.Match[str], kind: str) -> Value | None:
    w = words()
    lo, hi = w.count(m.group("num"))
    unit = w.unit(m.group("unit"))
    approx = _norm(m.groupdict().get("approx")) or None
    if approx in ("zo'n", "zo’n", "ongeveer", "circa", "pakweg", "ruwweg") and lo == hi and lo > 1:
        lo, hi, approx = lo - 1, hi + 1, "ongeveer"
    if approx == "krap" or approx == "nog geen":
        approx = "bijna"
    return Value(kind, unit=unit, lo=lo, hi=hi, approx=approx)  # type: ignore[arg-type]


def p_ago(m: re.Match[str], text: str) -> Value | None:
    return _counted(m, "ago")


def p_ahead(m: re.Match[str], text: str) -> Value | None:
    # "verspreid over twee dagen" is a duration, not a time
    if re.search(
        r"\b(?:verspreid|verdeeld|uitgesmeerd|gespreid)\s+$",
        text[max(0, m.start() - 20) : m.start()],
        re.IGNORECASE,
    ):
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


def p_sameday(m: re.Match[str], text: str) -> Value | None:
    return Value("anchor", offset=0)


def p_sindsdien(m: re.Match[str], text: str) -> Value | None:
    return Value("wrap", op="sinds", inner=None)


def p_pastref(m: re.Match[str], text: str) -> Value | None:
    return Value("past_ref")


def p_futref(m: re.Match[str], text: str) -> Value | None:
    return Value("future_ref")


def p_holiday(m: re.Match[str], text: str) -> Value | None:
    spec = words().holidays[_norm(m.group("h"))]
    direction = direction_at(text, m.start(), m.end())
    if spec.startswith("easter"):
        return Value("holiday", easter=True, offset=int(spec[6:]), direction=direction)
    mm, dd = spec.split("-")
    return Value("holiday", month=int(mm), day=int(dd), direction=direction)


def p_season(m: re.Match[str], text: str) -> Value | None:
    first, last = words().seasons[(m.group("s") or m.group("s2")).lower()]
    y = m.group("year") or m.group("year2")
    year = int(y) if y else None
    mod = _norm(m.group("mod"))
    explicit = _explicit_dir(mod)
    off = {"past": -1, "future": 1}.get(explicit or "", 0)
    direction = explicit or direction_at(text, m.start(), m.end())
    return Value("season", month=first, day=last, year=year, offset=off, direction=direction)


_WRAP_OPS = {
    "sinds": "sinds",
    "vanaf": "sinds",
    "sedert": "sinds",
    "tot": "tot",
    "tot en met": "tot",
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

RULES: list[tuple[str, str, Production, str | None]] = [
    ("deictic", r"\b(?:{DEICTIC})\b", p_deictic, None),
    (
        "night",
        r"\bvannacht\b|\bin\s+de\s+nacht\s+naar\s+vandaag\b"
        r"|\b(?:in\s+)?de\s+nacht\s+van\s+(?P<wd1>{WD})\s+op\s+(?P<wd2>{WD})\b",
        p_night,
        None,
    ),
    (
        "weekday",
        r"\b(?:(?P<mod>(?:vorige|volgende|komende)\s+week|afgelopen|komende|vorige|volgende"
        r"|aanstaande)\s+)?(?P<wd>{WD})(?:{DP})?"
        r"(?:\s+(?P<day>\d{{1,2}})\s+(?P<mon>{MON})(?:\s+(?P<year>{YEAR}))?)?\b",
        p_weekday,
        None,
    ),
    (
        "date",
        r"\b(?P<day>\d{{1,2}})(?:e|ste|de)?\s+(?P<mon>{MON})(?:\s+(?P<year>{YEAR}))?\b",
        p_date,
        None,
    ),
    (
        "dom",
        r"\bde\s+(?P<day>\d{{1,2}})(?:e|ste|de)\b(?!\s+(?:eeuw|keer|plaats|ronde))",
        p_dom,
        None,
    ),
    ("month", r"\b(?:(?P<part>{PART})\s+)?(?P<mon>{MON})(?:\s+(?P<year>{YEAR}))?\b", p_month, None),
    (
        "year",
        r"(?<![\d.,€$])\b(?:(?P<part>{PART})\s+)?(?P<year>{YEAR})\b"
        r"(?!\s*(?:euro|dollar|mensen|soldaten|doden|km|kilometer|procent|%|miljoen|miljard|keer|meter))",
        p_year,
        None,
    ),
    (
        "relperiod",
        r"\b(?:(?P<part>{PART}|eerder|later)\s+)?(?P<mod>{REL})\s+(?P<unit>week|maand|jaar)\b",
        p_relperiod,
        None,
    ),
    (
        "weekend",
        r"\b(?:in\s+)?het\s+(?:(?P<mod>{REL})\s+)?weekend\b|\b(?P<mod2>{REL})\s+weekend\b",
        p_weekend,
        None,
    ),
    (
        "span",
        r"\b(?:in\s+)?(?:de\s+)?(?P<mod>afgelopen|komende|voorbije|laatste|volgende)\s+"
        r"(?:(?P<num>{NUM})\s+)?(?P<unit>dagen|weken|maanden|jaren)\b",
        p_span,
        None,
    ),
    (
        "ago",
        r"\b(?:(?P<approx>{APPROX})\s+)?(?P<num>{NUM})\s+(?P<unit>{UNIT})\s+geleden\b",
        p_ago,
        None,
    ),
    (
        "ahead",
        r"\bover\s+(?:(?P<approx>{APPROX})\s+)?(?P<num>{NUM})\s+(?P<unit>{UNIT})\b",
        p_ahead,
        None,
    ),
    ("within", r"\bbinnen\s+(?P<num>{NUM})\s+(?P<unit>{UNIT})\b", p_within, None),
    (
        "shift",
        r"\b(?P<num>{NUM})\s+(?P<unit>{UNIT})\s+(?P<dir>later|eerder|daarna|daarvoor|nadien|erna|ervoor)\b",
        p_shift,
        "prev",
    ),
    (
        "relative_to",
        r"\b(?P<num>{NUM})\s+(?P<unit>{UNIT})\s+(?P<dir>na|voor)\s+(?P<np>(?:het|de)\s+[\w-]+)",
        p_relative_to,
        "near",
    ),
    (
        "shortly",
        r"\b(?:kort|vlak|net|direct|meteen)\s+(?:(?P<dir>voordat|nadat|daarna|daarvoor)\b"
        r"|(?P<dir2>voor|na)\s+(?P<np>(?:de|het)\s+[\w-]+))",
        p_shortly,
        "near",
    ),
    (
        "sameday",
        r"\b(?:eerder|later)\s+op\s+de\s+dag\b|\b(?:eerder|later)\s+die\s+(?:dag|ochtend|middag|avond)\b"
        r"|\b(?:die|diezelfde|dezelfde)\s+(?:ochtend|middag|avond|dag)\b",
        p_sameday,
        "prev",
    ),
    ("sindsdien", r"\bsindsdien\b", p_sindsdien, "prev"),
    ("past_ref", r"\b(?:{PASTREF})\b", p_pastref, None),
    ("future_ref", r"\b(?:{FUTREF})\b", p_futref, None),
    ("holiday", r"\b(?P<h>{HOLIDAY})\b", p_holiday, None),
    (
        "season",
        r"\b(?:(?P<part>{PART})\s+)?(?:(?P<mod>{REL})\s+|in\s+(?:de|het)\s+)(?P<s>{SEASON})"
        r"(?:\s+(?:van\s+)?(?P<year>{YEAR}))?\b|\b(?P<s2>{SEASON})\s+(?P<year2>{YEAR})\b",
        p_season,
        None,
    ),
]

_PREFIX = re.compile(
    r"\b(?P<w>tot\s+en\s+met|sinds|sedert|vanaf|tot|vóór|voor|na|in|op|tussen)\s+$", re.IGNORECASE
)
_PREFIX_KINDS = {
    "in": {"month_name", "year_name", "season"},
    "op": {"date"},
    "sinds": {
        "month_name",
        "date",
        "year_name",
        "year",
        "month",
        "week",
        "weekday",
        "holiday",
        "season",
        "dom",
    },
    "tot": {
        "month_name",
        "year_name",
        "year",
        "month",
        "week",
        "weekday",
        "holiday",
        "season",
        "dom",
    },
    "vóór": {"year_name", "holiday", "month_name", "date"},
    "voor": {"holiday"},
    "na": {"year_name", "month_name", "date"},
}


# Words a rule cannot match without: a rule whose words are all absent is skipped.
_NEEDS: dict[str, tuple[str, ...]] = {
    "ago": ("geleden",),
    "ahead": ("over",),
    "within": ("binnen",),
    "shift": ("later", "eerder", "daarna", "daarvoor", "nadien", "erna", "ervoor"),
    "relative_to": (" na ", " voor "),
    "weekend": ("weekend",),
    "span": ("afgelopen", "komende", "voorbije", "laatste", "volgende"),
    "sindsdien": ("sindsdien",),
    "sameday": ("dag", "ochtend", "middag", "avond"),
    "shortly": ("kort", "vlak", "net ", "direct", "meteen"),
    "night": ("nacht",),
    "dom": ("de ",),
    "season": ("lente", "voorjaar", "zomer", "herfst", "najaar", "winter"),
    "relperiod": ("week", "maand", "jaar"),
}


@cache
def compiled() -> list[tuple[str, re.Pattern[str], Production, str | None]]:
    pieces = _pieces(words())
    return [
        (name, re.compile(pat.format(**pieces), re.IGNORECASE), prod, anchor)
        for name, pat, prod, anchor in RULES
    ]


def _since_event_matches(text: str, lo: int, hi: int) -> list[Mention]:
    out: list[Mention] = []
    for m in re.finditer(
        r"\b(?P<op>sinds|sedert|vanaf)\s+",
        text[:hi],
        re.IGNORECASE,
    ):
        if m.start() < lo:
            continue
        for ev in words().events:
            em = ev.pattern.match(text, m.end(), min(hi, m.end() + 80))
            if em:
                op = _WRAP_OPS[_norm(m.group("op"))]
                v = Value("wrap", op=op, inner=Value("fixed", date=ev.date))
                out.append(Mention(m.start(), em.end(), "since_event", v))
                break
    return out


def recognise(text: str, lo: int = 0, hi: int | None = None) -> list[Mention]:
    """All time expressions in text[lo:hi], non-overlapping, in text order (pure)."""
    hi = len(text) if hi is None else hi
    cands: list[Mention] = []
    low = text[lo:hi].lower()
    for name, pat, prod, anchor in compiled():
        needs = _NEEDS.get(name)
        if needs and not any(n in low for n in needs):
            continue
        if name == "since_event":
            continue
        for m in pat.finditer(text, lo, hi):
            if m.end() == m.start():
                continue
            v = prod(m, text)
            if v is not None:
                cands.append(Mention(m.start(), m.end(), name, v, anchor))
    # an event clause that holds a time expression of its own is not one ("sinds Trump
    # bijna drie weken geleden opnieuw aantrad": the expression is "bijna drie weken geleden")
    for ev in _since_event_matches(text, lo, hi):
        if not any(ev.start < c.start and c.end <= ev.end for c in cands):
            cands.append(ev)
    # events after "kort voor" / "sinds" beat the shorter generic reading
    cands.sort(key=lambda c: (-(c.end - c.start), c.start))
    chosen: list[Mention] = []
    for c in cands:
        if all(c.end <= o.start or c.start >= o.end for o in chosen):
            chosen.append(c)
    chosen.sort(key=lambda c: c.start)
    return _widen(text, lo, chosen)


def _widen(text: str, lo: int, ms: list[Mention]) -> list[Mention]:
    out: list[Mention] = []
    for i, m in enumerate(ms):
        # tussen X en Y
        if out and out[-1].rule == "tussen" and out[-1].end == -1:
            pass
        pm = _PREFIX.search(text, max(lo, m.start - 16), m.start)
        prev_end = out[-1].end if out else lo
        if pm and pm.start() >= prev_end:
            w = _norm(pm.group("w"))
            key = {"tot en met": "tot", "vanaf": "sinds", "sedert": "sinds"}.get(w, w)
            if key == "tussen":
                nxt = ms[i + 1] if i + 1 < len(ms) else None
                if nxt and re.fullmatch(r"\s+en\s+", text[m.end : nxt.start]):
                    v = Value("pair", inner=m.value, other=nxt.value)
                    out.append(Mention(pm.start(), nxt.end, "tussen", v))
                    ms[i + 1] = replace(nxt, rule="_merged")
                    continue
            elif m.value.kind in _PREFIX_KINDS.get(key, set()) and _may_widen(
                text, pm.start(), m, key
            ):
                if key in ("in", "op"):
                    m = replace(m, start=pm.start())
                    pm2 = _PREFIX.search(text, max(lo, m.start - 16), m.start)
                    if pm2 and pm2.start() >= prev_end and _norm(pm2.group("w")) == "sinds":
                        pm, key = pm2, "sinds"
                if key not in ("in", "op"):
                    op = _WRAP_OPS[key]
                    m = Mention(
                        pm.start(), m.end, f"{m.rule}+{key}", Value("wrap", op=op, inner=m.value)
                    )
        if m.rule == "_merged":
            continue
        out.append(m)
    return out


_FOCUS = re.compile(
    r"\b(?:uiterlijk|pas|al|nog|ook|zelfs|voor\s+het\s+laatst|voor\s+het\s+eerst)\s+$", re.I
)


def _may_widen(text: str, pos: int, m: Mention, key: str) -> bool:
    """Whether the preposition belongs to the expression.

    Not after a focus adverb ("uiterlijk in 2035", "voor het laatst op 14 juni"),
    not when it governs a coordination ("in mei en juni"), not for the target
    of a postponement ("uitgesteld tot 10 maart"); plain "voor" only before a
    definite holiday ("voor de jaarwisseling").
    """
    before = text[max(0, pos - 30) : pos]
    if _FOCUS.search(before):
        return False
    if key in ("in", "op") and re.match(r"\s+en\s+\w", text[m.end :]):
        return False
    if key == "tot" and re.search(r"\b(?:uitgesteld|verschoven|verlengd|opgeschort)\s+$", before):
        return False
    return not (key == "voor" and not text[m.start : m.end].lower().startswith("de "))


def sentence_of(text: str, m: Mention) -> tuple[int, int]:
    return sentence_bounds(text, m.start, m.end)
