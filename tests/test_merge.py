"""Merge/dedup: one event per contact, intersection of dates, realizes links."""

from __future__ import annotations

import datetime as dt
import random

from hypothesis import given, settings
from hypothesis import strategies as st

from timeline.merge import merge
from timeline.schema import EventDate, EventMention, Source

FOCUS = frozenset({"trump", "putin", "zelensky"})


def m(
    article: str,
    published: str,
    participants: list[str],
    etype: str = "call",
    status: str = "occurred",
    earliest: dt.date | None = None,
    latest: dt.date | None = None,
    start: int = 0,
) -> EventMention:
    quote = f"{article} {start}"
    return EventMention(
        article=article,
        type=etype,  # type: ignore[arg-type]
        participants=sorted(participants),
        status=status,  # type: ignore[arg-type]
        date=EventDate(earliest=earliest, latest=latest),
        source=Source(
            article=article, quote=quote, start=start, end=start + len(quote), published=published
        ),
    )


D = dt.date


def test_same_call_in_two_articles_is_one_event() -> None:
    events = merge(
        [
            m(
                "a.txt",
                "2025-02-12",
                ["trump", "putin"],
                earliest=D(2025, 2, 12),
                latest=D(2025, 2, 12),
            ),
            m(
                "b.txt",
                "2025-02-13",
                ["putin", "trump"],
                earliest=D(2025, 2, 12),
                latest=D(2025, 2, 12),
            ),
            m(
                "c.txt",
                "2025-02",
                ["putin", "trump"],
                etype="talks",
                earliest=D(2025, 1, 31),
                latest=D(2025, 2, 27),
            ),
        ],
        FOCUS,
    )
    assert len(events) == 1
    (e,) = events
    assert e.type == "call" and len(e.sources) == 3
    assert (e.date.earliest, e.date.latest) == (D(2025, 2, 12), D(2025, 2, 12))


def test_disjoint_dates_are_two_events() -> None:
    events = merge(
        [
            m(
                "a.txt",
                "2025-02-12",
                ["trump", "putin"],
                earliest=D(2025, 2, 12),
                latest=D(2025, 2, 12),
            ),
            m(
                "b.txt",
                "2025-03-18",
                ["trump", "putin"],
                earliest=D(2025, 3, 18),
                latest=D(2025, 3, 18),
            ),
        ],
        FOCUS,
    )
    assert [e.date.earliest for e in events] == [D(2025, 2, 12), D(2025, 3, 18)]


def test_planned_then_held_meeting_realizes_the_plan() -> None:
    plan = m(
        "a.txt",
        "2025-02-25",
        ["trump", "zelensky"],
        "meeting",
        "planned",
        D(2025, 2, 28),
        D(2025, 2, 28),
    )
    held = m(
        "b.txt",
        "2025-02-28",
        ["trump", "zelensky"],
        "meeting",
        "occurred",
        D(2025, 2, 28),
        D(2025, 2, 28),
    )
    events = merge([plan, held], FOCUS)
    assert len(events) == 2
    planned = next(e for e in events if e.status == "planned")
    occurred = next(e for e in events if e.status == "occurred")
    assert occurred.realizes == planned.id


def test_later_cancellation_settles_status() -> None:
    events = merge(
        [
            m(
                "a.txt",
                "2025-10-17",
                ["trump", "putin"],
                "meeting",
                "planned",
                D(2025, 10, 17),
                D(2025, 10, 31),
            ),
            m("b.txt", "2025-10-22", ["trump", "putin"], "meeting", "cancelled", None, None),
        ],
        FOCUS,
    )
    assert [e.status for e in events] == ["cancelled"]


def test_tense_only_report_does_not_merge_with_distant_contact() -> None:
    events = merge(
        [
            m(
                "a.txt",
                "2025-02-12",
                ["trump", "putin"],
                earliest=D(2025, 2, 12),
                latest=D(2025, 2, 12),
            ),
            m("b.txt", "2025-06-04", ["trump", "putin"], latest=D(2025, 6, 4)),
        ],
        FOCUS,
    )
    assert len(events) == 2


mentions_strategy = st.lists(
    st.builds(
        m,
        article=st.sampled_from(["a.txt", "b.txt", "c.txt"]),
        published=st.sampled_from(["2025-02-12", "2025-02-20", "2025-03"]),
        participants=st.sampled_from(
            [["trump", "putin"], ["trump", "zelensky"], ["putin", "witkoff"]]
        ),
        etype=st.sampled_from(["call", "meeting", "talks"]),
        status=st.sampled_from(["occurred", "planned", "claimed", "cancelled"]),
        earliest=st.one_of(st.none(), st.dates(D(2025, 1, 1), D(2025, 2, 10))),
        latest=st.one_of(st.none(), st.dates(D(2025, 2, 11), D(2025, 4, 1))),
        start=st.integers(0, 50),
    ),
    max_size=25,
)


@settings(max_examples=200, deadline=None)
@given(mentions_strategy, st.randoms(use_true_random=False))
def test_merge_is_order_independent_and_keeps_every_source(
    mentions: list[EventMention], rnd: random.Random
) -> None:
    events = merge(mentions, FOCUS)
    shuffled = list(mentions)
    rnd.shuffle(shuffled)
    assert merge(shuffled, FOCUS) == events
    kept = {(s.article, s.start) for e in events for s in e.sources}
    assert kept == {(x.source.article, x.source.start) for x in mentions}
    for e in events:
        if e.date.earliest and e.date.latest:
            assert e.date.earliest <= e.date.latest


def _ref(mention: EventMention) -> EventMention:
    return mention.model_copy(
        update={
            "reference": True,
            "date": EventDate(earliest=None, latest=mention.date.latest, basis="past"),
        }
    )


def test_passing_reference_joins_the_latest_contact_it_fits() -> None:
    first = m(
        "a.txt", "2025-02-12", ["trump", "putin"], earliest=D(2025, 2, 12), latest=D(2025, 2, 12)
    )
    second = m(
        "b.txt", "2025-03-18", ["trump", "putin"], earliest=D(2025, 3, 18), latest=D(2025, 3, 18)
    )
    later = _ref(m("c.txt", "2025-03-20", ["trump", "putin"], latest=D(2025, 3, 20)))
    events = merge([first, second, later], FOCUS)
    assert len(events) == 2
    assert [s.article for s in events[1].sources] == ["b.txt", "c.txt"]


def test_passing_reference_without_a_contact_or_a_date_starts_nothing() -> None:
    alone = _ref(m("c.txt", "2025-03-20", ["trump", "putin"], latest=D(2025, 3, 20)))
    assert merge([alone], FOCUS) == []


def test_one_article_dating_two_reports_differently_gives_two_contacts() -> None:
    month = m(
        "a.txt",
        "2025-03",
        ["witkoff", "putin"],
        "meeting",
        earliest=D(2025, 2, 1),
        latest=D(2025, 2, 28),
    )
    night = m(
        "a.txt",
        "2025-03",
        ["witkoff", "putin"],
        "meeting",
        earliest=D(2025, 2, 28),
        latest=D(2025, 3, 30),
        start=50,
    )
    for a, b in ((month, night), (night, month)):
        a = a.model_copy(
            update={"date": a.date.model_copy(update={"basis": "time expression 'x'"})}
        )
        b = b.model_copy(
            update={"date": b.date.model_copy(update={"basis": "time expression 'y'"})}
        )
        assert len(merge([a, b], FOCUS)) == 2


def test_month_dated_article_is_near_reports_from_that_month() -> None:
    plan = m(
        "a.txt",
        "2025-05-11",
        ["zelensky", "putin"],
        "meeting",
        "planned",
        D(2025, 5, 15),
        D(2025, 5, 15),
    )
    month = m(
        "b.txt",
        "2025-05",
        ["zelensky", "putin"],
        "meeting",
        "proposed",
        D(2025, 5, 8),
        D(2025, 6, 5),
    )
    assert len(merge([plan, month], FOCUS)) == 1


def test_open_ended_plan_does_not_chain_from_month_to_month() -> None:
    oct_ = m("a.txt", "2025-10-17", ["trump", "putin"], "meeting", "planned", D(2025, 10, 17))
    nov = m("b.txt", "2025-11-10", ["trump", "putin"], "meeting", "planned", D(2025, 11, 10))
    dec = m("c.txt", "2025-12-05", ["trump", "putin"], "meeting", "planned", D(2025, 12, 5))
    events = merge([oct_, nov, dec], FOCUS)
    assert len(events) == 2


def test_a_contact_again_after_another_is_not_that_one() -> None:
    held = m(
        "a.txt", "2025-08-19", ["trump", "putin"], earliest=D(2025, 8, 18), latest=D(2025, 8, 18)
    )
    again = m(
        "b.txt",
        "2025-08-21",
        ["trump", "putin"],
        "talks",
        "claimed",
        D(2025, 8, 18),
        D(2025, 8, 21),
    )
    again = again.model_copy(
        update={"source": again.source.model_copy(update={"cues": ["again: 'opnieuw'"]})}
    )
    assert len(merge([held, again], FOCUS)) == 2


def test_vague_plan_joins_the_plan_dated_just_outside_its_bounds() -> None:
    vague = m(
        "a.txt",
        "2025-08-07",
        ["trump", "putin"],
        "meeting",
        "planned",
        D(2025, 8, 8),
        D(2025, 8, 14),
    ).model_copy(update={"approximate": True})
    stated = m(
        "b.txt",
        "2025-08-09",
        ["trump", "putin"],
        "meeting",
        "planned",
        D(2025, 8, 15),
        D(2025, 8, 15),
    )
    stated = stated.model_copy(
        update={"date": stated.date.model_copy(update={"basis": "time expression 'vrijdag'"})}
    )
    vague = vague.model_copy(
        update={
            "date": vague.date.model_copy(update={"basis": "time expression 'in de komende dagen'"})
        }
    )
    (event,) = merge([vague, stated], FOCUS)
    assert (event.date.earliest, event.date.latest) == (D(2025, 8, 15), D(2025, 8, 15))
    assert event.conflicts and len(event.sources) == 2
    # not vague: two plans
    exact = vague.model_copy(update={"approximate": False})
    assert len(merge([exact, stated], FOCUS)) == 2


def test_plan_to_speak_again_after_a_held_contact_is_a_new_plan() -> None:
    def stated(x: EventMention, basis: str) -> EventMention:
        return x.model_copy(update={"date": x.date.model_copy(update={"basis": basis})})

    first = stated(
        m("a.txt", "2025-12-27", ["trump", "putin"], "talks", "planned", D(2025, 12, 27)),
        "time expression 'binnenkort'",
    )
    held = stated(
        m(
            "b.txt",
            "2025-12-28",
            ["trump", "putin"],
            "call",
            "occurred",
            D(2025, 12, 28),
            D(2025, 12, 28),
        ),
        "time expression 'zondag'",
    )
    again = m("c.txt", "2025-12-29", ["trump", "putin"], "call", "planned", D(2025, 12, 29))
    tagged = again.model_copy(
        update={"source": again.source.model_copy(update={"cues": ["again: 'opnieuw'"]})}
    )
    plans = [e for e in merge([first, held, tagged], FOCUS) if e.status == "planned"]
    assert len(plans) == 2
    plans = [e for e in merge([first, held, again], FOCUS) if e.status == "planned"]
    assert len(plans) == 1


def _dated_by(x: EventMention, timex: str) -> EventMention:
    return x.model_copy(
        update={
            "date": x.date.model_copy(update={"basis": f"time expression {timex!r}"}),
            "source": x.source.model_copy(update={"timex": timex}),
        }
    )


def test_a_weekday_in_a_month_dated_article_is_only_that_weekday() -> None:
    # 4 June 2025 is a Wednesday, 14 June a Saturday
    wednesday = _dated_by(
        m("a.txt", "2025-06-05", ["trump", "putin"], earliest=D(2025, 6, 4), latest=D(2025, 6, 4)),
        "gisteren",
    )
    saturday = _dated_by(
        m("b.txt", "2025-06", ["trump", "putin"], earliest=D(2025, 5, 31), latest=D(2025, 6, 28)),
        "zaterdag",
    )
    assert len(merge([wednesday, saturday], FOCUS)) == 2
    on_14 = _dated_by(
        m(
            "c.txt",
            "2025-06-25",
            ["trump", "putin"],
            earliest=D(2025, 6, 14),
            latest=D(2025, 6, 14),
        ),
        "14 juni",
    )
    assert len(merge([on_14, saturday], FOCUS)) == 1


def test_contacts_counted_differently_are_two() -> None:
    def said(x: EventMention, quote: str) -> EventMention:
        return x.model_copy(update={"source": x.source.model_copy(update={"quote": quote})})

    third = said(
        m(
            "a.txt",
            "2025-04",
            ["witkoff", "putin"],
            "meeting",
            earliest=D(2025, 4, 1),
            latest=D(2025, 4, 30),
        ),
        "Het was de derde ontmoeting tussen Witkoff en Poetin.",
    )
    fourth = said(
        m(
            "b.txt",
            "2025-04-25",
            ["witkoff", "putin"],
            "meeting",
            earliest=D(2025, 4, 25),
            latest=D(2025, 4, 25),
        ),
        "Het was de vierde ontmoeting tussen de twee.",
    )
    assert len(merge([third, fourth], FOCUS)) == 2
    again = said(fourth, "Het was de derde ontmoeting tussen de twee.")
    assert len(merge([third, again], FOCUS)) == 1


def test_vaguely_dated_passing_reference_joins_the_contact_it_fits() -> None:
    geneva = _dated_by(
        m(
            "a.txt",
            "2025-08-09",
            ["biden", "putin"],
            "meeting",
            earliest=D(2021, 6, 1),
            latest=D(2021, 6, 30),
        ),
        "juni 2021",
    )
    vague = _dated_by(
        m(
            "b.txt",
            "2025-08-16",
            ["biden", "putin"],
            "meeting",
            earliest=D(2020, 8, 17),
            latest=D(2021, 8, 16),
        ),
        "ruim vier jaar geleden",
    ).model_copy(update={"reference": True})
    (event,) = merge([geneva, vague], FOCUS)
    assert len(event.sources) == 2 and event.date.earliest == D(2021, 6, 1)
    assert merge([vague], FOCUS) == []  # fits nothing: starts nothing


def test_a_denial_is_not_the_contact_held_on_its_day() -> None:
    held = _dated_by(
        m(
            "a.txt",
            "2025-10-17",
            ["trump", "putin"],
            earliest=D(2025, 10, 16),
            latest=D(2025, 10, 16),
        ),
        "gisteren",
    )
    denial = _dated_by(
        m(
            "b.txt",
            "2025-12-16",
            ["trump", "putin"],
            "call",
            "denied",
            D(2025, 10, 11),
            D(2025, 12, 16),
        ),
        "sinds half oktober",
    )
    claim = m(
        "b.txt",
        "2025-12-16",
        ["trump", "putin"],
        "talks",
        "claimed",
        None,
        D(2025, 12, 16),
        start=50,
    )
    events = merge([held, denial, claim], FOCUS)
    assert sorted(e.status for e in events) == ["denied", "occurred"]
    (disputed,) = [e for e in events if e.status == "denied"]
    assert len(disputed.sources) == 2  # the claim goes with the denial, not with the call held


def test_plan_reported_after_its_window_is_another_plan() -> None:
    window = _dated_by(
        m(
            "a.txt",
            "2025-08-19",
            ["putin", "zelensky"],
            "meeting",
            "planned",
            D(2025, 8, 19),
            D(2025, 9, 2),
        ),
        "binnen twee weken",
    )
    late = m("b.txt", "2025-09", ["putin", "zelensky"], "meeting", "proposed", D(2025, 9, 1))
    late = late.model_copy(
        update={"date": late.date.model_copy(update={"basis": "planned: after the article date"})}
    )
    assert len(merge([window, late], FOCUS)) == 2
    early = late.model_copy(
        update={"source": late.source.model_copy(update={"published": "2025-08-22"})}
    )
    early = early.model_copy(
        update={"date": early.date.model_copy(update={"earliest": D(2025, 8, 22)})}
    )
    assert len(merge([window, early], FOCUS)) == 1


def test_plan_told_after_the_fact_joins_the_plan_of_fewer_parties() -> None:
    plan = _dated_by(
        m(
            "a.txt",
            "2025-11-28",
            ["witkoff", "putin"],
            "meeting",
            "planned",
            D(2025, 12, 1),
            D(2025, 12, 7),
        ),
        "volgende week",
    )
    told = m(
        "b.txt",
        "2025-12-04",
        ["kushner", "witkoff", "putin"],
        "meeting",
        "planned",
        D(2025, 12, 2),
        D(2025, 12, 2),
    )
    told = told.model_copy(
        update={
            "date": told.date.model_copy(
                update={"basis": "announced before it took place: the day it took place"}
            )
        }
    )
    (event,) = merge([plan, told], FOCUS)
    assert event.participants == ["putin", "witkoff"] and len(event.sources) == 2
    assert (event.date.earliest, event.date.latest) == (D(2025, 12, 1), D(2025, 12, 7))


def test_two_vague_dates_sharing_only_their_edge_days_are_two_contacts() -> None:
    # a call told in an article dated February (all of February), and one told as
    # "woensdag" in an article dated March (any Wednesday from 26 February on)
    feb = m(
        "a.txt", "2025-02", ["trump", "zelensky"], "call", "occurred", D(2025, 2, 1), D(2025, 2, 28)
    )
    mar = m(
        "b.txt",
        "2025-03",
        ["trump", "zelensky"],
        "call",
        "occurred",
        D(2025, 2, 26),
        D(2025, 3, 26),
    )
    assert len(merge([feb, mar], FOCUS)) == 2
    # sharing most of the narrower date, they are one
    late = m(
        "c.txt", "2025-03", ["trump", "zelensky"], "call", "occurred", D(2025, 2, 17), D(2025, 3, 3)
    )
    assert len(merge([feb, late], FOCUS)) == 1
    # "on or before the article date" has one edge only: no edge to share
    before = m(
        "d.txt", "2025-03-02", ["trump", "zelensky"], "call", "occurred", None, D(2025, 3, 2)
    )
    assert len(merge([mar, before], FOCUS)) == 1
