"""Stage 5, merge/dedup: event mentions from all articles → one `Event` per contact.

Blocking: mentions are grouped by their key actors (the focus leaders taking
part; for a contact with one leader, all its participants) and by family
(announcements: planned/proposed/cancelled; reports: occurred/claimed/denied).
Inside a block, mentions are sorted by how specific their date is and each joins
the compatible cluster (same or vaguer type, overlapping dates) whose dates fit
best, else starts a new one; a mention dated only by tense must also come from
an article published close to the cluster's own reports. Sorting dominates:
O(n log n) in mentions for blocks of bounded size.

The merged date is the intersection of what the sources support; when sources
conflict, the most recent, most specific report wins and the conflict is kept.
An occurred event `realizes` the announcement it fulfils.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import cache

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
    types_compatible,
)

ANNOUNCED: frozenset[str] = frozenset({"planned", "proposed", "cancelled"})
NEAR_DAYS = 4
CANCEL_DAYS = 31
SPECIFIC_DAYS = 45
FACT_PRECEDENCE: tuple[EventStatus, ...] = ("occurred", "denied", "claimed")
PLAN_PRECEDENCE: tuple[EventStatus, ...] = ("cancelled", "proposed", "planned")


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


def _width(i: Interval) -> int:
    w = i.width()
    return w if w is not None else 10**6


@dataclass
class Cluster:
    key: tuple[str, ...]
    family: str
    mentions: list[EventMention] = field(default_factory=list)
    interval: Interval = field(default_factory=Interval)
    conflicts: list[Conflict] = field(default_factory=list)

    @property
    def type(self) -> EventType:
        types = [m.type for m in self.mentions]
        specific = [t for t in types if t != "talks"]
        if not specific:
            return "talks"
        return Counter(specific).most_common(1)[0][0]

    def near(self, m: EventMention, days: int = 4, first_only: bool = False) -> bool:
        """Was `m` published within `days` of a report in the cluster (of its first
        report, for a plan that would otherwise chain on from week to week)?"""
        lo, hi = _published_span(m)
        spans = sorted(_published_span(x) for x in self.mentions)
        return any(
            (xl - hi).days <= days and (lo - xh).days <= days
            for xl, xh in (spans[:1] if first_only else spans)
        )

    def add(self, m: EventMention) -> None:
        dated = any(_stated(x) for x in self.mentions)
        self.mentions.append(m)
        if not _stated(m) and (dated or self.family == "announced"):
            # "planned: after the article date" from a later report adds nothing to a
            # date the sources state, nor to the first announcement's (and says
            # nothing once the plan is called off)
            return
        both = self.interval.intersect(m.date.interval)
        if both is None:
            self.conflicts.append(
                Conflict(
                    field="date",
                    kept=_fmt(self.interval),
                    dropped=_fmt(m.date.interval),
                    article=m.article,
                )
            )
        else:
            self.interval = both


def _stated(m: EventMention) -> bool:
    """Dated by words of the text, not by tense alone."""
    return m.date.basis.startswith(("time expression", "after "))


def _fmt(i: Interval) -> str:
    return f"{i.earliest or '…'} – {i.latest or '…'}"


def _fits(
    c: Cluster, m: EventMention, counts: dict[int, frozenset[tuple[str, str]]] | None = None
) -> int | None:
    """How well `m` fits cluster `c` (lower is better), or None."""
    if not types_compatible(c.type, m.type) or any(
        not types_compatible(x.type, m.type) for x in c.mentions
    ):
        return None  # a call and a meeting are two contacts, whatever else the cluster has
    mi = m.date.interval
    if any(_distinct_in_article(x, m) for x in c.mentions):
        return None
    if (
        c.family == "reported"  # a plan to meet "opnieuw" is again after a held contact
        and any(cue.startswith("again:") for cue in m.source.cues)
        and mi.earliest is not None
        and c.interval.latest is not None
        and c.interval.latest <= mi.earliest
    ):
        return None  # "opnieuw gesproken, na het overleg van vorige week": a later contact
    if not c.interval.overlaps(mi):
        return _held_outside(c, m)
    if _after_the_window(c, m):
        return None
    if _denied_and_held([*c.mentions, m]):
        return None  # "sinds half oktober niet meer gebeld" is not the call of 16 October
    specific = _width(mi) <= SPECIFIC_DAYS
    # a cancellation may come weeks after the announcement it calls off
    reach, first_only = NEAR_DAYS, False
    if (
        m.status == "cancelled"
        or _told_after(m)
        or (c.family == "announced" and mi.latest is None and c.interval.latest is None)
    ):
        # an open-ended plan is reported on for weeks after it is announced
        reach, first_only = CANCEL_DAYS, True
    if (not specific or c.family == "announced") and not c.near(m, reach, first_only):
        return None
    both = c.interval.intersect(mi)
    if both is None:
        return None
    if not _weekdays_fit([*c.mentions, m], both) or _counted_apart(c, m, counts or {}):
        return None
    # least cut from what the cluster's reports support, then the tightest: a vague
    # report overlapping a cluster by one edge day is not evidence for that day
    # ... and, between equals, the contact more articles report
    articles = len({x.article for x in c.mentions})
    # ... and, between equal cuts, a claim with a claim or denial, a fact with facts
    disputed = {"claimed", "denied"}
    mismatch = int((m.status in disputed) != any(x.status in disputed for x in c.mentions))
    cut = _width(c.interval) - _width(both)
    # (a claim goes with a claim or denial unless that cuts more than two more days)
    return ((cut * 2 + mismatch * 5) * 10**7 + _width(both)) * 10**4 - articles


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


def _weekdays_fit(mentions: Sequence[EventMention], interval: Interval) -> bool:
    """An article dated to the month puts "zaterdag" anywhere in it, but only on a
    Saturday: a cluster whose dates hold no such day is not that contact."""
    width = interval.width()
    if width is None or width >= 7 or interval.earliest is None:
        return True
    days = {(interval.earliest + dt.timedelta(days=i)).weekday() for i in range(width)}
    return all((w := _weekday(x)) is None or w in days for x in mentions)


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
        said = [(x, _counts(x)) for x in group]
        for m in group:
            if m.reference:
                # "het derde ... na de gesprekken van februari": those are not counted
                out[id(m)] = frozenset()
                continue
            out[id(m)] = frozenset(
                c
                for x, cs in said
                if family(x.status) == family(m.status)
                and x.date.interval.overlaps(m.date.interval)
                for c in cs
            )
    return out


def _counted_apart(
    c: Cluster, m: EventMention, counts: dict[int, frozenset[tuple[str, str]]]
) -> bool:
    """ "Het was de derde ontmoeting tussen Witkoff en Poetin" and "de vierde
    ontmoeting tussen de twee": two contacts."""
    mine = dict(counts.get(id(m), set() if m.reference else _counts(m)))
    if not mine:
        return False
    return any(
        noun in mine and mine[noun] != ordinal
        for x in c.mentions
        for noun, ordinal in counts.get(id(x), set() if x.reference else _counts(x))
    )


def _realized_between(c: Cluster, m: EventMention, held: set[tuple[dt.date, EventType]]) -> bool:
    """A plan for a contact "again" reported after the pair held a contact that the
    plan's dates allow, of a type the plan allows, is a new plan: the earlier one was
    met by that contact ("wil binnenkort met Poetin spreken" on the 27th, a call on
    the 28th, "spraken af opnieuw te bellen" on the 29th)."""
    if c.family != "announced" or m.status == "cancelled":
        return False
    if not any(cue.startswith("again:") for cue in m.source.cues):
        return False
    first = min(_published_span(x)[1] for x in c.mentions)
    published = _published_span(m)[0]
    return any(
        first <= day < published
        and types_compatible(kind, c.type)
        and types_compatible(kind, m.type)
        and c.interval.contains(Interval(earliest=day, latest=day))
        for day, kind in held
    )


def _after_the_window(c: Cluster, m: EventMention) -> bool:
    """A plan reported, without a date of its own, by an article that can only have
    appeared once the window the plan was given had (all but) passed ("binnen twee
    weken" from 19 August; an invitation published in September) is another plan."""
    if c.family != "announced" or _stated(m) or m.status == "cancelled":
        return False
    if _told_after(m):
        return False  # "Trump had het gesprek aangekondigd": the plan, told after the fact
    ends = [x.date.latest for x in c.mentions if _stated(x) and x.date.latest is not None]
    if not ends:
        return False
    return _published_span(m)[0] >= max(ends) - dt.timedelta(days=1)


def _denied_and_held(mentions: Sequence[EventMention]) -> bool:
    """A denial and a contact stated as held on its day are two things: the denial
    covers the time after the last contact."""
    denied = any(x.status == "denied" for x in mentions)
    held = any(
        x.status == "occurred" and _stated(x) and _width(x.date.interval) <= 1 for x in mentions
    )
    return denied and held


def _held_outside(c: Cluster, m: EventMention) -> int | None:
    """A plan dated only by a vague expression ("in de komende dagen": the next seven
    days by convention) joins the plan of the same parties announced within days
    that dates it just outside those bounds ("volgende week vrijdag"); the stated
    date wins and the difference is kept as a conflict. It fits worse than any plan
    whose dates overlap."""
    mi, ci = m.date.interval, c.interval
    if c.family != "announced" or not m.approximate or not c.near(m):
        return None
    if any(x.approximate for x in c.mentions) or not all(_stated(x) for x in c.mentions):
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


def _distinct_in_article(a: EventMention, b: EventMention) -> bool:
    """One article dating two reports differently ("vorige maand" and "gisteravond")
    speaks of two contacts, even where an article date only to the month lets the
    intervals overlap."""
    if a.article != b.article:
        return False
    if any(c.startswith("counted") for c in (*a.source.cues, *b.source.cues)) and (
        a.source.start == b.source.start
    ):
        return True  # "het tweede telefoongesprek deze maand": the one before, not this one
    if not (
        a.date.basis.startswith("time expression") and b.date.basis.startswith("time expression")
    ):
        return False
    ia, ib = a.date.interval, b.date.interval
    if a.approximate or b.approximate or None in (ia.earliest, ib.earliest):
        return False  # "onlangs", "sinds": vaguely dated, not dated apart
    return not (ia.contains(ib) or ib.contains(ia))


def _mention_order(m: EventMention) -> tuple[object, ...]:
    """A total order, so that the result never depends on input order."""
    return (
        # a plan's report not dated by words comes after those that are: it joins a plan,
        # it does not set its date
        family(m.status) == "announced" and not _stated(m),
        _told_after(m),  # a report of a plan after the fact
        _width(m.date.interval),
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


def cluster_mentions(mentions: Iterable[EventMention], focus: frozenset[str]) -> list[Cluster]:
    blocks: dict[tuple[tuple[str, ...], str], list[EventMention]] = defaultdict(list)
    held: dict[tuple[str, ...], set[tuple[dt.date, EventType]]] = defaultdict(set)
    mentions = list(mentions)
    counts = article_counts(mentions)
    for m in mentions:
        key = block_key(m.participants, focus)
        blocks[(key, family(m.status))].append(m)
        d = m.date.interval
        if (
            m.status == "occurred"
            and _stated(m)
            and d.earliest is not None
            and d.earliest == d.latest
        ):
            held[key].add((d.earliest, m.type))
    clusters: list[Cluster] = []
    for (key, fam), block in sorted(blocks.items()):
        block.sort(key=_mention_order)
        local: list[Cluster] = []
        for m in block:
            if _late(m):
                continue
            scored = [
                (s, i)
                for i, c in enumerate(local)
                if (s := _fits(c, m, counts)) is not None and not _realized_between(c, m, held[key])
            ]
            if scored:
                local[min(scored)[1]].add(m)
            else:
                _start(local, key, fam, m)
        # passing references ("na het gesprek met Poetin") join the most recent
        # contact they fit; one that fits none starts an event only if it dates it
        for m in block:
            if not _late(m):
                continue
            target = _referent(local, m)
            if target is not None:
                target.add(m)
        clusters.extend(local)
    return _join_told_after(clusters)


def _told_after(m: EventMention) -> bool:
    return m.date.basis.startswith(TOLD_AFTER)


def _join_told_after(clusters: list[Cluster]) -> list[Cluster]:
    """A plan told after the fact ("Hij had het bezoek vorige week aangekondigd") names
    the parties of the contact held, which may be more than the plan named (Witkoff
    and Kushner went, Witkoff's visit was announced): alone, it joins the plan of fewer
    of those parties that it fits."""
    out = list(clusters)
    for c in clusters:
        if c.family != "announced" or len(c.mentions) != 1 or not _told_after(c.mentions[0]):
            continue
        m = c.mentions[0]
        fitting = [
            d
            for d in out
            if d is not c
            and d.family == "announced"
            and set(_parties(d)) < set(m.participants)
            and types_compatible(d.type, m.type)
            and d.interval.overlaps(m.date.interval)
        ]
        if fitting:
            target = max(fitting, key=lambda d: (len(_parties(d)), len(d.mentions)))
            target.add(m)
            out.remove(c)
    return out


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


def _start(local: list[Cluster], key: tuple[str, ...], fam: str, m: EventMention) -> None:
    c = Cluster(key=key, family=fam, interval=m.date.interval)
    c.add(m)
    local.append(c)


def _referent(local: Sequence[Cluster], m: EventMention) -> Cluster | None:
    """The latest cluster a passing reference can mean (same contact type, dates overlap)."""
    mi = m.date.interval
    fitting = [
        c
        for c in local
        if types_compatible(c.type, m.type)
        and c.interval.overlaps(mi)
        and any(not x.reference for x in c.mentions)
        and not _denied_and_held([*c.mentions, m])
    ]
    if not fitting:
        return None
    return max(
        fitting,
        key=lambda c: (
            _width(c.interval) <= SPECIFIC_DAYS,  # a dated contact before a vague one
            c.interval.latest or c.interval.earliest or dt.date.min,
            -_width(c.interval),
            -len(c.mentions),
        ),
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
            {(m.source.article, m.source.start): m.source for m in c.mentions}.values(),
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
    """An occurred event realizes the overlapping announcement of the same contact."""
    plans = [e for e in events if e.status in ("planned", "proposed")]
    out = []
    for e in events:
        realizes = None
        if e.status == "occurred" and e.date.latest is not None:
            candidates = [
                p
                for p in plans
                if types_compatible(p.type, e.type)
                and set(p.participants) <= set(e.participants) | {"trump", "putin", "zelensky"}
                and set(p.participants) & set(e.participants) == set(p.participants)
                and p.date.interval.overlaps(e.date.interval)
                and min(s.published for s in p.sources) <= max(s.published for s in e.sources)
            ]
            if candidates:
                realizes = min(candidates, key=lambda p: (_width(p.date.interval), p.id)).id
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


def sort_key(e: Event) -> tuple[object, ...]:
    return (
        e.date.earliest or e.date.latest or dt.date.min,
        e.date.latest or dt.date.max,
        e.participants,
        e.type,
        e.id,
    )


def merge(mentions: Iterable[EventMention], focus: frozenset[str]) -> list[Event]:
    return sorted(to_events(cluster_mentions(mentions, focus)), key=sort_key)
