"""Stage 5, merge/dedup: event mentions from all articles → one `Event` per contact.

Blocking: mentions are grouped by their key actors (the focus leaders taking
part; for a contact with one leader, all its participants) and by family
(announcements: planned/proposed/cancelled; reports: occurred/claimed/denied).
Inside a block, mentions are sorted by how specific their date is and each joins
the compatible cluster (same or vaguer type, overlapping dates) whose dates fit
best, else starts a new one; a mention dated only by tense must also come from
an article published close to the cluster's own reports.

Blocking by time as well (`_Index`): a report is weighed only against the
clusters its dates overlap (indexed by the weeks they cover) or, where a fit asks
for a report published nearby, those with a report published within reach
(indexed by publication week); a cluster keeps what a fit asks of its reports, so
a fit costs the same however many reports it has. Passing references walk back
over the weeks from their own dates (`_Referents`); plans told after the fact and
realizations look plans up by parties and week of first report, within
`REALIZE_DAYS`. The work per mention is bounded by how many contacts of the pair
lie near it in time, not by the length of the archive: O(n log n) overall.

Wire copies (`timeline.copies`): a copy's mention that says what a mention of its
original says is one more source of that report, never a report of its own, so
near-duplicate articles give exactly the events one copy gives.

The merged date is the intersection of what the sources support; when sources
conflict, the most recent, most specific report wins and the conflict is kept.
An occurred event `realizes` the announcement it fulfils.
"""

from __future__ import annotations

import bisect
import datetime as dt
import hashlib
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cache, lru_cache
from typing import TypeVar

from timeline.resources import load_toml
from timeline.schema import (
    TOLD_AFTER,
    Conflict,
    Event,
    EventDate,
    EventMention,
    EventStatus,
    EventType,
    Interval,
    max_date,
    min_date,
    types_compatible,
)

ANNOUNCED: frozenset[str] = frozenset({"planned", "proposed", "cancelled"})
NEAR_DAYS = 4
CANCEL_DAYS = 31
SPECIFIC_DAYS = 45
EDGE_MIN_DAYS = 14  # `_edge_only`: dates this wide or wider are vague
FACT_PRECEDENCE: tuple[EventStatus, ...] = ("occurred", "denied", "claimed")
PLAN_PRECEDENCE: tuple[EventStatus, ...] = ("cancelled", "proposed", "planned")
BUCKET_DAYS = 7  # the time indexes hold clusters by week
NARROW_DAYS = 62  # a cluster dated more widely is looked at by every report (`_Index.wide`)
MAX_SPAN_DAYS = 31  # the most days an article may have been published on (a month)
T = TypeVar("T")
REALIZE_DAYS = 183  # a plan first reported longer before a contact is held is not its plan


def family(status: str) -> str:
    return "announced" if status in ANNOUNCED else "reported"


def block_key(participants: Sequence[str], focus: frozenset[str]) -> tuple[str, ...]:
    leaders = sorted(set(participants) & focus)
    return tuple(leaders) if len(leaders) >= 2 else tuple(sorted(participants))


def _published(m: EventMention) -> dt.date:
    date = m.source.date
    # the article date line value, e.g. "2025-02" or "2025-02-12"
    text = m.source.published
    if len(text) == 7:
        return dt.date.fromisoformat(text + "-28")
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        return date.latest if date and date.latest else dt.date.min


def _published_span(m: EventMention) -> tuple[dt.date, dt.date]:
    """The days the article may have been published on ("2025-05": all of May)."""
    text = m.source.published
    if len(text) == 7:
        first = dt.date.fromisoformat(text + "-01")
        nxt = (first.replace(day=28) + dt.timedelta(days=4)).replace(day=1)
        return first, nxt - dt.timedelta(days=1)
    day = _published(m)
    return day, day


def _width(i: Days | Interval) -> int:
    w = i.width()
    return w if w is not None else 10**6


def _week(day: int) -> int:
    """The bucket of a day ordinal in the time indexes."""
    return day // BUCKET_DAYS


def _weeks(lo: int, hi: int) -> range:
    return range(_week(lo), _week(hi) + 1)


@dataclass(slots=True, eq=False)
class Report:
    """A mention with what the merge asks of it, worked out once; `copies` are the
    same sentence, said the same way, in the article's wire copies."""

    m: EventMention
    interval: Days
    stated: bool
    held_day: bool  # a report of the contact held, stated to the day
    span: tuple[int, int]  # the days it may have been published on, as ordinals
    weekday: int | None
    counts: frozenset[tuple[str, str]]
    again: bool  # "opnieuw"
    counted: bool  # "het tweede telefoongesprek"
    dated: bool  # `_dated`
    told_after: bool  # `_told_after`
    copies: list[EventMention] = field(default_factory=list)


def _report(m: EventMention, counts: frozenset[tuple[str, str]]) -> Report:
    span = _span_of(m.source.published)
    if span is None:
        day = _published(m).toordinal()
        span = (day, day)
    interval = _interval(m.date.earliest, m.date.latest)
    stated = _stated(m)
    held_day = m.status == "occurred" and stated and _width(interval) <= 1
    cues = m.source.cues
    again = any(c.startswith("again:") for c in cues)
    counted = any(c.startswith("counted") for c in cues)
    return Report(
        m,
        interval,
        stated,
        held_day,
        span,
        _weekday(m),
        counts,
        again,
        counted,
        _dated(m),
        _told_after(m),
    )


@lru_cache(maxsize=4096)
def _span_of(published: str) -> tuple[int, int] | None:
    """`_published_span` of a date line, as ordinals (None when it names no day)."""
    try:
        if len(published) == 7:
            first = dt.date.fromisoformat(published + "-01")
            nxt = (first.replace(day=28) + dt.timedelta(days=4)).replace(day=1)
            return first.toordinal(), nxt.toordinal() - 1
        day = dt.date.fromisoformat(published).toordinal()
    except ValueError:
        return None
    return day, day


@dataclass(frozen=True, slots=True)
class Days:
    """An inclusive interval of days (`schema.Interval` without pydantic: the merge
    builds one per report and per fit, and a model costs twenty times as much)."""

    earliest: dt.date | None = None
    latest: dt.date | None = None

    @property
    def is_day(self) -> bool:
        return self.earliest is not None and self.earliest == self.latest

    def overlaps(self, other: Days | Interval) -> bool:
        lo = max_date(self.earliest, other.earliest)
        hi = min_date(self.latest, other.latest)
        return lo is None or hi is None or lo <= hi

    def contains(self, other: Days) -> bool:
        """True when every day of `other` lies inside this interval."""
        if self.earliest is not None and (other.earliest is None or other.earliest < self.earliest):
            return False
        return not (
            self.latest is not None and (other.latest is None or other.latest > self.latest)
        )

    def width(self) -> int | None:
        """Number of days, or None when an end is open."""
        if self.earliest is None or self.latest is None:
            return None
        return (self.latest - self.earliest).days + 1


def _interval(earliest: dt.date | None, latest: dt.date | None) -> Days:
    if earliest is not None and latest is not None and earliest > latest:
        raise ValueError(f"earliest {earliest} is after latest {latest}")
    return Days(earliest, latest)


def _intersect(a: Days, b: Days) -> Days | None:
    lo = max_date(a.earliest, b.earliest)
    hi = min_date(a.latest, b.latest)
    if lo is not None and hi is not None and lo > hi:
        return None
    return Days(lo, hi)


@dataclass(eq=False)
class Cluster:
    """One contact in the making. Besides its reports, it keeps what `_fits` asks of
    them (types, articles, publication days, weekdays named, counts, flags), updated as
    reports are added, so that a fit costs the same however many reports it has."""

    key: tuple[str, ...]
    family: str
    mentions: list[EventMention] = field(default_factory=list)
    interval: Days = field(default_factory=Days)
    conflicts: list[Conflict] = field(default_factory=list)
    copies: list[EventMention] = field(default_factory=list)
    types: set[str] = field(default_factory=set)
    specific: Counter[str] = field(default_factory=Counter)
    articles: set[str] = field(default_factory=set)
    spans: list[tuple[int, int]] = field(default_factory=list)  # distinct, sorted
    first_end: int = 0  # the last day the first report may have appeared on
    weekdays: set[int] = field(default_factory=set)
    counts: dict[str, set[str]] = field(default_factory=dict)
    starts: dict[str, dict[int, bool]] = field(default_factory=dict)  # counted at a start?
    dated_in: dict[str, set[tuple[dt.date, dt.date | None]]] = field(default_factory=dict)
    stated: bool = False  # any report dated by words
    all_stated: bool = True
    approximate: set[tuple[dt.date | None, dt.date | None]] = field(default_factory=set)
    disputed: bool = False  # a claim or a denial among the reports
    denied: bool = False
    held_day: bool = False  # a report of the contact held, stated to the day
    reported: bool = False  # a report that is not a passing reference
    again: bool = False  # a report of the contact held "opnieuw"
    stated_end: dt.date | None = None  # the latest end a stated report gives

    @property
    def type(self) -> EventType:
        if not self.specific:
            return "talks"
        return self.specific.most_common(1)[0][0]  # type: ignore[return-value]

    def near(self, span: tuple[int, int], days: int = 4, first_only: bool = False) -> bool:
        """Was a report published within `days` of `span` a report in the cluster (of
        its first report, for a plan that would otherwise chain on from week to week)?"""
        lo, hi = span
        if first_only:
            xl, xh = self.spans[0]
            return xl - hi <= days and lo - xh <= days
        i = bisect.bisect_left(self.spans, (lo - days - MAX_SPAN_DAYS, 0))
        for xl, xh in self.spans[i:]:
            if xl - hi > days:
                return False
            if lo - xh <= days:
                return True
        return False

    def add(self, r: Report) -> None:
        m = r.m
        dated = self.stated
        self.mentions.append(m)
        self.copies.extend(r.copies)
        self._learn(r)
        if not r.stated and (dated or self.family == "announced"):
            # "planned: after the article date" from a later report adds nothing to a
            # date the sources state, nor to the first announcement's (and says
            # nothing once the plan is called off)
            return
        both = _intersect(self.interval, r.interval)
        if both is None:
            self.conflicts.append(
                Conflict(
                    field="date",
                    kept=_fmt(self.interval),
                    dropped=_fmt(r.interval),
                    article=m.article,
                )
            )
        else:
            self.interval = both

    def _learn(self, r: Report) -> None:
        m = r.m
        self.types.add(m.type)
        if m.type != "talks":
            self.specific[m.type] += 1
        self.articles.add(m.article)
        self.first_end = r.span[1] if len(self.mentions) == 1 else min(self.first_end, r.span[1])
        i = bisect.bisect_left(self.spans, r.span)
        if i == len(self.spans) or self.spans[i] != r.span:
            self.spans.insert(i, r.span)
        if r.weekday is not None:
            self.weekdays.add(r.weekday)
        for noun, ordinal in r.counts:
            self.counts.setdefault(noun, set()).add(ordinal)
        starts = self.starts.setdefault(m.article, {})
        starts[m.source.start] = starts.get(m.source.start, False) or r.counted
        if r.dated:
            self.dated_in.setdefault(m.article, set()).add((m.date.earliest, m.date.latest))  # type: ignore[arg-type]
        self.stated = self.stated or r.stated
        self.all_stated = self.all_stated and r.stated
        if m.approximate:  # the dates of its vaguely dated reports
            self.approximate.add((r.interval.earliest, r.interval.latest))
        self.disputed = self.disputed or m.status in DISPUTED
        self.denied = self.denied or m.status == "denied"
        self.held_day = self.held_day or r.held_day
        self.reported = self.reported or not m.reference
        self.again = self.again or r.again
        if r.stated and m.date.latest is not None:
            self.stated_end = max_date(self.stated_end, m.date.latest)


DISPUTED = frozenset({"claimed", "denied"})


def _stated(m: EventMention) -> bool:
    """Dated by words of the text, not by tense alone."""
    return m.date.basis.startswith(("time expression", "after "))


def _dated(m: EventMention) -> bool:
    """Dated by a time expression of its own, not vaguely: two such reports of one
    article that do not contain each other are two contacts."""
    return (
        m.date.basis.startswith("time expression")
        and not m.approximate
        and m.date.earliest is not None
    )


def _fmt(i: Days) -> str:
    return f"{i.earliest or '…'} – {i.latest or '…'}"


def _compatible(c: Cluster, etype: str) -> bool:
    """A call and a meeting are two contacts, whatever else the cluster has."""
    return etype == "talks" or c.types <= {etype, "talks"}


def _fits(c: Cluster, r: Report) -> int | None:
    """How well `m` fits cluster `c` (lower is better), or None."""
    m, mi = r.m, r.interval
    if not _compatible(c, m.type):
        return None
    if _distinct_in_article(c, r):
        return None
    if (
        c.family == "reported"  # a plan to meet "opnieuw" is again after a held contact
        and r.again
        and mi.earliest is not None
        and c.interval.latest is not None
        and (c.interval.latest < mi.earliest or (c.interval.latest == mi.earliest and not c.again))
    ):
        return None  # "opnieuw gesproken, na het overleg van vorige week": a later contact
    if not c.interval.overlaps(mi):
        return _held_outside(c, r)
    if _after_the_window(c, r):
        return None
    if (c.denied or m.status == "denied") and (c.held_day or r.held_day):
        return None  # "sinds half oktober niet meer gebeld" is not the call of 16 October
    specific = _width(mi) <= SPECIFIC_DAYS
    # a cancellation may come weeks after the announcement it calls off
    reach, first_only = NEAR_DAYS, False
    if (
        m.status == "cancelled"
        or r.told_after
        or (c.family == "announced" and mi.latest is None and c.interval.latest is None)
    ):
        # an open-ended plan is reported on for weeks after it is announced
        reach, first_only = CANCEL_DAYS, True
    if (not specific or c.family == "announced") and not c.near(r.span, reach, first_only):
        return None
    both = _intersect(c.interval, mi)
    if both is None:
        return None
    if _edge_only(c.interval, mi, both):
        return None
    if not _weekdays_fit(c, r, both) or _counted_apart(c, r):
        return None
    # least cut from what the cluster's reports support, then the tightest: a vague
    # report overlapping a cluster by one edge day is not evidence for that day
    # ... and, between equals, the contact more articles report
    articles = len(c.articles)
    # ... and, between equal cuts, a claim with a claim or denial, a fact with facts
    mismatch = int((m.status in DISPUTED) != c.disputed)
    cut = _width(c.interval) - _width(both)
    # (a claim goes with a claim or denial unless that cuts more than two more days)
    return ((cut * 2 + mismatch * 5) * 10**7 + _width(both)) * 10**4 - articles


def _edge_only(a: Days, b: Days, both: Days) -> bool:
    """Two vague dates (two weeks or more each: an article's month, a weekday in a
    month-dated article) that share only their edge days (less than a quarter of the
    narrower) speak of two contacts, one at either end, not of one."""
    if None in (a.earliest, a.latest, b.earliest, b.latest):
        return False  # "on or before the article date" has one edge only
    wa, wb = _width(a), _width(b)
    return min(wa, wb) >= EDGE_MIN_DAYS and _width(both) * 4 < min(wa, wb)


@cache
def _weekday_words() -> tuple[re.Pattern[str], dict[str, int]]:
    days = {k: int(v) for k, v in load_toml("time_words.toml")["weekdays"].items()}
    names = "|".join(sorted(days, key=len, reverse=True))
    return re.compile(rf"(?i)(?<!\w)({names})"), days


def _weekday(m: EventMention) -> int | None:
    """The weekday of the time expression that dated `m` ("zaterdag", "vorige week
    dinsdag"), when it names exactly one."""
    if not m.source.timex or not m.date.basis.startswith("time expression"):
        return None
    pattern, days = _weekday_words()
    found = {days[x.lower()] for x in pattern.findall(m.source.timex)}
    return found.pop() if len(found) == 1 else None


def _weekdays_fit(c: Cluster, r: Report, interval: Days) -> bool:
    """An article dated to the month puts "zaterdag" anywhere in it, but only on a
    Saturday: a cluster whose dates hold no such day is not that contact."""
    if r.weekday is None and not c.weekdays:
        return True
    width = interval.width()
    if width is None or width >= 7 or interval.earliest is None:
        return True
    first = interval.earliest.weekday()
    days = {(first + i) % 7 for i in range(width)}
    return c.weekdays <= days and (r.weekday is None or r.weekday in days)


@cache
def _ordinal_pattern() -> re.Pattern[str]:
    data = load_toml("references.toml")["ordinals"]
    return re.compile(
        rf"(?i)\b(?:de|het|hun|zijn) ({'|'.join(data['words'])}) (?:\w+ )?"
        rf"({'|'.join(data['nouns'])})\b"
    )


def _counts(m: EventMention) -> set[tuple[str, str]]:
    return {(n.lower(), o.lower()) for o, n in _ordinal_pattern().findall(m.source.quote)}


def article_counts(mentions: Sequence[EventMention]) -> dict[int, frozenset[tuple[str, str]]]:
    """How each mention's article counts its contact: the ordinals ("de derde
    ontmoeting") said of the same parties in the same article at overlapping dates."""
    by_article: dict[tuple[str, tuple[str, ...]], list[EventMention]] = defaultdict(list)
    for m in mentions:
        by_article[(m.article, tuple(m.participants))].append(m)
    out: dict[int, frozenset[tuple[str, str]]] = {}
    for group in by_article.values():
        said = [(x, cs) for x in group if (cs := _counts(x))]  # most sentences count nothing
        for m in group:
            if m.reference or not said:
                # "het derde ... na de gesprekken van februari": those are not counted
                out[id(m)] = frozenset()
                continue
            out[id(m)] = frozenset(
                c
                for x, cs in said
                if family(x.status) == family(m.status) and _overlap(x.date, m.date)
                for c in cs
            )
    return out


def _overlap(a: EventDate, b: EventDate) -> bool:
    lo = max_date(a.earliest, b.earliest)
    hi = min_date(a.latest, b.latest)
    return lo is None or hi is None or lo <= hi


def _counted_apart(c: Cluster, r: Report) -> bool:
    """ "Het was de derde ontmoeting tussen Witkoff en Poetin" and "de vierde
    ontmoeting tussen de twee": two contacts."""
    if not r.counts or not c.counts:
        return False
    mine: dict[str, set[str]] = defaultdict(set)
    for noun, ordinal in r.counts:
        mine[noun].add(ordinal)
    return any(bool(c.counts.get(noun, set()) - ordinals) for noun, ordinals in mine.items())


def _realized_between(c: Cluster, r: Report, held: Sequence[tuple[int, EventType]]) -> bool:
    """A plan for a contact "again" reported after the pair held a contact that the
    plan's dates allow, of a type the plan allows, is a new plan: the earlier one was
    met by that contact ("wil binnenkort met Poetin spreken" on the 27th, a call on
    the 28th, "spraken af opnieuw te bellen" on the 29th). `held`: the pair's
    contacts held, stated to the day, sorted."""
    m = r.m
    if c.family != "announced" or m.status == "cancelled" or not r.again:
        return False
    published = r.span[0]
    i = bisect.bisect_left(held, (c.first_end, ""))
    for day, kind in held[i:]:
        if day >= published:
            return False
        date = dt.date.fromordinal(day)
        if (
            types_compatible(kind, c.type)
            and types_compatible(kind, m.type)
            and c.interval.contains(Days(date, date))
        ):
            return True
    return False


def _after_the_window(c: Cluster, r: Report) -> bool:
    """A plan reported, without a date of its own, by an article that can only have
    appeared once the window the plan was given had (all but) passed ("binnen twee
    weken" from 19 August; an invitation published in September) is another plan."""
    if c.family != "announced" or r.stated or r.m.status == "cancelled":
        return False
    if r.told_after:
        return False  # "Trump had het gesprek aangekondigd": the plan, told after the fact
    if c.stated_end is None:
        return False
    return r.span[0] >= (c.stated_end - dt.timedelta(days=1)).toordinal()


def _held_outside(c: Cluster, r: Report) -> int | None:
    """A plan dated only by a vague expression ("in de komende dagen": the next seven
    days by convention) joins the plan of the same parties announced within days
    that dates it just outside those bounds ("volgende week vrijdag"); the stated
    date wins and the difference is kept as a conflict. It fits worse than any plan
    whose dates overlap."""
    m, mi, ci = r.m, r.interval, c.interval
    if c.family != "announced" or not m.approximate or not c.near(r.span):
        return None
    if c.approximate - {(mi.earliest, mi.latest)} or not c.all_stated:
        # (the same vague date again is the same report of the plan, from another site)
        return None
    width = _width(mi)
    if width >= 10**6:
        return None
    gap = None
    if mi.latest is not None and ci.earliest is not None and mi.latest < ci.earliest:
        gap = (ci.earliest - mi.latest).days
    elif mi.earliest is not None and ci.latest is not None and ci.latest < mi.earliest:
        gap = (mi.earliest - ci.latest).days
    if gap is None or gap > width:
        return None
    return 10**15 + gap


def _distinct_in_article(c: Cluster, r: Report) -> bool:
    """One article dating two reports differently ("vorige maand" and "gisteravond")
    speaks of two contacts, even where an article date only to the month lets the
    intervals overlap."""
    m = r.m
    starts = c.starts.get(m.article)
    if starts is None:
        return False
    counted = starts.get(m.source.start)
    if counted is not None and (counted or r.counted):
        return True  # "het tweede telefoongesprek deze maand": the one before, not this one
    if not r.dated:
        return False  # "onlangs", "sinds": vaguely dated, not dated apart
    ib = r.interval
    for earliest, latest in c.dated_in.get(m.article, ()):
        ia = Days(earliest, latest)
        if not (ia.contains(ib) or ib.contains(ia)):
            return True
    return False


def _mention_order(r: Report) -> tuple[object, ...]:
    """A total order, so that the result never depends on input order."""
    m = r.m
    return (
        # a plan's report not dated by words comes after those that are: it joins a plan,
        # it does not set its date
        m.status in ANNOUNCED and not r.stated,
        r.told_after,  # a report of a plan after the fact
        _width(r.interval),
        m.article,
        m.source.start,
        m.type,
        m.status,
        m.date.earliest or dt.date.min,
        m.date.latest or dt.date.max,
        m.participants,
        m.source.quote,
        m.source.published,
    )


def _said(m: EventMention) -> tuple[object, ...]:
    """A mention as its sentence says it, wherever the sentence stands."""
    s = m.source
    return (
        m.type,
        tuple(m.participants),
        m.status,
        m.date.earliest,
        m.date.latest,
        m.date.basis,
        m.location,
        m.reference,
        m.approximate,
        " ".join(s.quote.split()),
        s.trigger,
        tuple(s.actors),
        s.timex,
        tuple(s.cues),
        s.published,
        s.type,
        s.status,
        s.date,
    )


def _repeats(
    mentions: Sequence[EventMention], reports: dict[int, Report], copies: Mapping[str, str]
) -> list[EventMention]:
    """The mentions of wire copies (`copies`: copy → original) that repeat a report of
    the original, word for word and read the same way: each becomes one more source
    of that report (`Report.copies`) and is not merged on its own."""
    if not copies:
        return []
    said: dict[tuple[str, tuple[object, ...]], Report] = {}
    for m in mentions:
        if m.article not in copies:
            said.setdefault((m.article, _said(m)), reports[id(m)])
    out = []
    for m in mentions:
        if m.article in copies and (r := said.get((copies[m.article], _said(m)))) is not None:
            r.copies.append(m)
            out.append(m)
    return out


@dataclass
class _Index:
    """Where to look for the clusters a report may join: by the weeks their dates
    cover (dated to within `NARROW_DAYS`, else in `wide`) and by the weeks their
    reports appeared in. Intervals only shrink, so an entry made when a cluster was
    started or a report added stays a superset of where the cluster can be."""

    dates: dict[int, list[int]] = field(default_factory=lambda: defaultdict(list))
    wide: list[int] = field(default_factory=list)
    published: dict[int, list[int]] = field(default_factory=lambda: defaultdict(list))
    weeks_of: dict[int, set[int]] = field(default_factory=lambda: defaultdict(set))

    def start(self, i: int, c: Cluster) -> None:
        iv = c.interval
        if iv.earliest is not None and iv.latest is not None and _width(iv) <= NARROW_DAYS:
            for w in _weeks(iv.earliest.toordinal(), iv.latest.toordinal()):
                self.dates[w].append(i)
        else:
            self.wide.append(i)

    def published_in(self, i: int, span: tuple[int, int]) -> None:
        seen = self.weeks_of[i]
        for w in _weeks(*span):
            if w not in seen:
                seen.add(w)
                self.published[w].append(i)

    def candidates(self, r: Report, fam: str) -> list[int]:
        """A superset of the clusters `_fits` can accept `r` into, in creation order."""
        m, mi = r.m, r.interval
        found: set[int] = set()
        if fam == "announced" or _width(mi) > SPECIFIC_DAYS:
            # every fit asks for a report published near this one
            wide_reach = (
                m.status == "cancelled"
                or r.told_after
                or (fam == "announced" and mi.latest is None)
            )
            reach = CANCEL_DAYS if wide_reach else NEAR_DAYS
            for w in _weeks(r.span[0] - reach, r.span[1] + reach):
                found.update(self.published.get(w, ()))
        else:  # a report dated to within weeks joins a contact its dates overlap
            assert mi.earliest is not None and mi.latest is not None
            for w in _weeks(mi.earliest.toordinal(), mi.latest.toordinal()):
                found.update(self.dates.get(w, ()))
            found.update(self.wide)
        return sorted(found)


def cluster_mentions(
    mentions: Iterable[EventMention],
    focus: frozenset[str],
    copies: Mapping[str, str] | None = None,
) -> list[Cluster]:
    """Mentions blocked by pair and family, then by time (`_Index`): a report is
    weighed only against the contacts its dates or its publication day can reach."""
    mentions = list(mentions)
    counts = article_counts(mentions)
    reports = {id(m): _report(m, counts[id(m)]) for m in mentions}
    repeated = {id(m) for m in _repeats(mentions, reports, copies or {})}
    mentions = [m for m in mentions if id(m) not in repeated]
    blocks: dict[tuple[tuple[str, ...], str], list[EventMention]] = defaultdict(list)
    held: dict[tuple[str, ...], set[tuple[int, EventType]]] = defaultdict(set)
    for m in mentions:
        key = block_key(m.participants, focus)
        blocks[(key, family(m.status))].append(m)
        r = reports[id(m)]
        if r.held_day and r.interval.earliest is not None and r.interval.is_day:
            held[key].add((r.interval.earliest.toordinal(), m.type))
    clusters: list[Cluster] = []
    for (key, fam), block in sorted(blocks.items()):
        block.sort(key=lambda m: _mention_order(reports[id(m)]))
        pair_held = sorted(held[key])
        local: list[Cluster] = []
        index = _Index()
        late: list[Report] = []
        for m in block:
            r = reports[id(m)]
            if _late(m):
                late.append(r)
                continue
            scored = [
                (s, i)
                for i in index.candidates(r, fam)
                if (s := _fits(local[i], r)) is not None
                and not _realized_between(local[i], r, pair_held)
            ]
            if scored:
                i = min(scored)[1]
                local[i].add(r)
            else:
                i = len(local)
                local.append(Cluster(key=key, family=fam, interval=r.interval))
                local[i].add(r)
                index.start(i, local[i])
            index.published_in(i, r.span)
        # passing references ("na het gesprek met Poetin") join the most recent
        # contact they fit; one that fits none starts an event only if it dates it
        if late:
            referents = _Referents(local)
            for r in late:
                target = referents.find(r)
                if target is not None:
                    local[target].add(r)
                    referents.changed(target)
        clusters.extend(local)
    return _join_told_after(clusters)


class _Referents:
    """The contacts a passing reference may mean, by the weeks their dates cover:
    the latest dated one it fits is found by walking back from its own dates."""

    def __init__(self, local: Sequence[Cluster]) -> None:
        self.local = local
        self.by_week: dict[int, list[int]] = defaultdict(list)
        self.weeks: list[int] = []
        self.indexed: set[int] = set()
        self.vague: list[int] = []
        for i in range(len(local)):
            self.changed(i)

    def changed(self, i: int) -> None:
        c = self.local[i]
        if i in self.indexed:
            return
        if _width(c.interval) > SPECIFIC_DAYS:
            if i not in self.vague:
                self.vague.append(i)
            return
        assert c.interval.earliest is not None and c.interval.latest is not None
        self.indexed.add(i)
        for w in _weeks(c.interval.earliest.toordinal(), c.interval.latest.toordinal()):
            if w not in self.by_week:
                bisect.insort(self.weeks, w)
            self.by_week[w].append(i)

    def find(self, r: Report) -> int | None:
        """The latest cluster a passing reference can mean (same contact type, dates
        overlap): a dated contact before a vague one, then the latest, the tightest,
        the one more reports name; between equals the first."""
        mi = r.interval
        best: tuple[tuple[object, ...], int] | None = None
        top = bisect.bisect_right(self.weeks, _week(mi.latest.toordinal())) if mi.latest else None
        bottom = _week(mi.earliest.toordinal()) if mi.earliest else None
        seen: set[int] = set()
        for w in reversed(self.weeks[:top]):
            if bottom is not None and w < bottom:
                break
            for i in self.by_week[w]:
                if i not in seen:
                    seen.add(i)
                    best = self._better(best, i, r)
            if best is not None:
                latest = self.local[best[1]].interval.latest
                if latest is not None and (w * BUCKET_DAYS) <= latest.toordinal():
                    break  # a cluster not seen yet ends before this one does
        if best is None:
            for i in self.vague:
                best = self._better(best, i, r)
        return None if best is None else best[1]

    def _better(
        self, best: tuple[tuple[object, ...], int] | None, i: int, r: Report
    ) -> tuple[tuple[object, ...], int] | None:
        c, m = self.local[i], r.m
        if not (
            types_compatible(c.type, m.type)
            and c.interval.overlaps(r.interval)
            and c.reported
            and not ((c.denied or m.status == "denied") and (c.held_day or r.held_day))
        ):
            return best
        key = (
            _width(c.interval) <= SPECIFIC_DAYS,  # a dated contact before a vague one
            c.interval.latest or c.interval.earliest or dt.date.min,
            -_width(c.interval),
            -len(c.mentions),
            -i,
        )
        return (key, i) if best is None or key > best[0] else best


def _told_after(m: EventMention) -> bool:
    return m.date.basis.startswith(TOLD_AFTER)


def _join_told_after(clusters: list[Cluster]) -> list[Cluster]:
    """A plan told after the fact ("Hij had het bezoek vorige week aangekondigd") names
    the parties of the contact held, which may be more than the plan named (Witkoff
    and Kushner went, Witkoff's visit was announced): alone, it joins the plan of fewer
    of those parties that it fits, first reported at most `REALIZE_DAYS` before the
    contact. Plans are looked up by their parties and the week of their first report."""
    parties = [frozenset(_parties(c)) if c.family == "announced" else frozenset() for c in clusters]
    plans: dict[frozenset[str], dict[int | None, list[int]]] = defaultdict(
        lambda: defaultdict(list)
    )
    for i, d in enumerate(clusters):
        if d.family == "announced":
            plans[parties[i]][_week(d.spans[0][0])].append(i)
    gone: set[int] = set()
    for j, c in enumerate(clusters):
        # alone: one report, perhaps repeated word for word by other articles
        if c.family != "announced" or not all(map(_told_after, c.mentions)):
            continue
        if len({_said(x) for x in c.mentions}) != 1:
            continue
        m = c.mentions[0]
        lo = 0 if m.date.latest is None else m.date.latest.toordinal() - REALIZE_DAYS
        fitting = {
            i
            for fewer in _proper_subsets(frozenset(m.participants))
            if fewer in plans
            for i in _in_weeks(plans[fewer], lo, c.spans[-1][1])
            if i != j
            and i not in gone
            and parties[i] == fewer
            and clusters[i].spans[0][0] >= lo
            and types_compatible(clusters[i].type, m.type)
            and clusters[i].interval.overlaps(m.date.interval)
        }
        if fitting:
            i = max(sorted(fitting), key=lambda i: (len(parties[i]), len(clusters[i].mentions)))
            target = clusters[i]
            for x in c.mentions:
                target.add(_report(x, frozenset()))
            target.copies.extend(c.copies)
            gone.add(j)
            grown = frozenset(_parties(target))
            if grown != parties[i]:  # a plan of told-after reports only names their parties
                parties[i] = grown
                plans[grown][_week(target.spans[0][0])].append(i)
    return [c for j, c in enumerate(clusters) if j not in gone]


def _proper_subsets(named: frozenset[str]) -> list[frozenset[str]]:
    items = sorted(named)
    return [
        frozenset(x for b, x in enumerate(items) if mask >> b & 1)
        for mask in range((1 << len(items)) - 1)
    ]


def _parties(c: Cluster) -> list[str]:
    """Who took part, by the reports that say so (not plans told after the fact)."""
    said = [m for m in c.mentions if not _told_after(m)] or c.mentions
    return sorted({p for m in said for p in m.participants})


def _late(m: EventMention) -> bool:
    """A passing reference dated only by tense, or only vaguely ("ruim vier jaar
    geleden"), waits until the contacts are known; one with a time expression of its
    own that dates it to within weeks dates a contact like any report."""
    return m.reference and (
        not m.date.basis.startswith("time expression") or _width(m.date.interval) > SPECIFIC_DAYS
    )


def _status(c: Cluster) -> EventStatus:
    statuses = [m.status for m in c.mentions]
    if c.family == "reported":
        if "denied" in statuses:
            return "denied"
        claimed = {m.article for m in c.mentions if m.status == "claimed"}
        confirmed = {
            m.article
            for m in c.mentions
            if m.status == "occurred"
            and m.date.basis.startswith("time expression")
            and _width(m.date.interval) <= SPECIFIC_DAYS
        }
        # a claim stays a claim until an article that does not report the claim
        # states the contact as fact
        if claimed and not (confirmed - claimed):
            return "claimed"
        return "occurred"
    latest = max(_published(m) for m in c.mentions)
    recent = [m.status for m in c.mentions if _published(m) == latest]
    if "cancelled" in recent:
        return "cancelled"
    counts = Counter(s for s in statuses if s != "cancelled")
    if not counts:
        return "cancelled"
    return max(PLAN_PRECEDENCE[1:], key=lambda s: (counts[s], s == "planned"))


def _event_id(c: Cluster) -> str:
    first = min(c.mentions, key=lambda m: (m.article, m.source.start))
    basis = "|".join([*c.key, c.family, first.article, first.source.quote])
    return "E" + hashlib.sha1(basis.encode("utf-8")).hexdigest()[:10]


def _location(c: Cluster) -> str | None:
    places = [m.location for m in c.mentions if m.location]
    return Counter(places).most_common(1)[0][0] if places else None


def _basis(c: Cluster) -> str:
    bases = sorted({m.date.basis for m in c.mentions if m.date.basis.startswith("time")})
    return "; ".join(bases) if bases else c.mentions[0].date.basis


def to_events(clusters: Sequence[Cluster]) -> list[Event]:
    events: list[Event] = []
    for c in clusters:
        participants = _parties(c)
        sources = sorted(
            {
                (m.source.article, m.source.start): m.source for m in [*c.mentions, *c.copies]
            }.values(),
            key=lambda s: (s.article, s.start),
        )
        events.append(
            Event(
                id=_event_id(c),
                type=c.type,
                participants=participants,
                status=_status(c),
                date=EventDate(
                    earliest=c.interval.earliest, latest=c.interval.latest, basis=_basis(c)
                ),
                location=_location(c),
                sources=sources,
                conflicts=c.conflicts,
            )
        )
    return link_realizations(events)


def link_realizations(events: list[Event]) -> list[Event]:
    """An occurred event realizes the overlapping announcement of the same contact:
    of its parties or fewer, a type it allows, announced before it was reported and
    at most `REALIZE_DAYS` before it was held (an open-ended "wil Poetin binnenkort
    spreken" is not met by every contact of the pair in the years after). Plans are
    looked up by their parties and the week of their first report, so the work per
    event is bounded."""
    plans: dict[frozenset[str], dict[int | None, list[_Plan]]] = defaultdict(
        lambda: defaultdict(list)
    )
    for p in events:
        if p.status in ("planned", "proposed"):
            first = min(s.published for s in p.sources)
            day = _first_day(first)
            plan = _Plan(p, first, day, _interval(p.date.earliest, p.date.latest))
            plans[frozenset(p.participants)][None if day is None else _week(day)].append(plan)
    out = []
    for e in events:
        realizes = None
        if e.status == "occurred" and e.date.latest is not None:
            reported = max(s.published for s in e.sources)
            held = _interval(e.date.earliest, e.date.latest)
            lo = e.date.latest.toordinal() - REALIZE_DAYS
            candidates = [
                p
                for parties in _subsets(e.participants)
                if parties in plans
                for p in _in_weeks(plans[parties], lo, _last_day(reported))
                if types_compatible(p.event.type, e.type)
                and p.interval.overlaps(held)
                and p.first <= reported
                and (p.day is None or p.day >= lo)
            ]
            if candidates:
                best = min(candidates, key=lambda p: (_width(p.interval), p.event.id))
                realizes = best.event.id
        out.append(e.model_copy(update={"realizes": realizes}) if realizes else e)
    # the announcement and the contact that fulfilled it are one contact, in one
    # place: a plan that names none takes the place where it was held
    held_at = {e.realizes: e.location for e in out if e.realizes and e.location}
    return [
        e.model_copy(update={"location": held_at[e.id]})
        if e.location is None and e.id in held_at
        else e
        for e in out
    ]


@dataclass(frozen=True, slots=True)
class _Plan:
    event: Event
    first: str  # the date line of its first report
    day: int | None  # the first day that date line allows
    interval: Days


def _in_weeks(by_week: dict[int | None, list[T]], lo: int, hi: int) -> Iterator[T]:
    """What was first reported in the weeks from day `lo` to day `hi`, and what has
    no date of first report (`None`)."""
    yield from by_week.get(None, ())
    weeks = _weeks(lo, max(lo, hi))
    if len(weeks) > len(by_week):
        weeks = sorted(w for w in by_week if w is not None and w in weeks)  # type: ignore[assignment]
    for w in weeks:
        yield from by_week.get(w, ())


def _subsets(participants: Sequence[str]) -> list[frozenset[str]]:
    items = sorted(set(participants))
    return [
        frozenset(x for b, x in enumerate(items) if mask >> b & 1)
        for mask in range(1, 1 << len(items))
    ]


def _first_day(published: str) -> int | None:
    """The first day a date line ("2025-05", "2025-05-12") allows, as an ordinal."""
    try:
        return dt.date.fromisoformat(
            published + "-01" if len(published) == 7 else published
        ).toordinal()
    except ValueError:
        return None


def _last_day(published: str) -> int:
    """The last day a date line allows, as an ordinal (far ahead when it names none)."""
    first = _first_day(published)
    if first is None:
        return dt.date.max.toordinal()
    return first + 30 if len(published) == 7 else first


def sort_key(e: Event) -> tuple[object, ...]:
    return (
        e.date.earliest or e.date.latest or dt.date.min,
        e.date.latest or dt.date.max,
        e.participants,
        e.type,
        e.id,
    )


def merge(
    mentions: Iterable[EventMention],
    focus: frozenset[str],
    copies: Mapping[str, str] | None = None,
) -> list[Event]:
    """One event per contact. `copies` maps each wire copy to its original article
    (`timeline.copies`): a copy's report of what the original says is a source of the
    same event, never a report of its own."""
    return sorted(to_events(cluster_mentions(mentions, focus, copies)), key=sort_key)
