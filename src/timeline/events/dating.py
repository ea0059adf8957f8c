"""The date of a contact mention from the time expressions of its sentence: which
expression dates the contact (not the saying of it, not the start of a period it is
counted from), the interval tense gives when none does, two expressions joined by
"en", and the day a reported contact was said on. Pure functions.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

from timeline.events.evidence import ANNOUNCED, PassingRef
from timeline.events.lexicon import Clause, Lexicon, Trigger, clauses
from timeline.schema import EventDate, EventStatus, EventType, Interval, TimeExpression
from timeline.segment import Sentence

if TYPE_CHECKING:
    from timeline.events.discourse import Discourse
    from timeline.events.sentence import ArticleContext, SentenceView

SINCE = re.compile(r"(?i)\b(?:sinds|nadat)\b[^,.;]{0,40}$")
# time expressions counted from another event ("kort voordat", "twee dagen na de top")
RELATIVE_RULES = frozenset({"shortly", "relative_to", "counted_event"})


def timex_date(t: TimeExpression) -> EventDate:
    """The date a time expression gives a contact, with it as the basis."""
    return EventDate(earliest=t.earliest, latest=t.latest, basis=f"time expression {t.text!r}")


def inside_since(
    t: TimeExpression,
    ctrig: Sequence[tuple[int, int, EventType, str]],
    sentence: Sentence,
    text: str,
) -> bool:
    """ "het eerste contact sinds Trump bijna drie weken geleden aantrad": `t` dates the
    start of a period the contact is measured against, not the contact, unless the
    contact word is in that clause itself ("sinds Biden Poetin in juni 2021 sprak")."""
    if t.text.lower().startswith("sinds "):
        keyword = t.start  # "sinds begin 2022" as one expression
    else:
        lo = max(sentence.start, t.start - 45)
        m = SINCE.search(text[lo : t.start])
        if m is None:
            return False
        keyword = lo + m.start()
    return not any(sentence.start + c[0] > keyword for c in ctrig)


def choose_timex(
    timexes: Sequence[TimeExpression],
    trigger_pos: int,
    status: EventStatus,
    dct: Interval,
    sentence_start: int = 0,
) -> TimeExpression | None:
    usable = []
    for t in timexes:
        if status != "denied" and t.text.lower().startswith(("sinds", "vanaf")):
            continue  # "het eerste contact sinds begin 2022" dates nothing
        if (
            t.rule in RELATIVE_RULES
            and sentence_start <= t.start <= trigger_pos
            and (trigger_pos < t.end or t.text.lower().endswith(("voordat", "nadat")))
        ):
            continue  # "kort voordat Trump Zelensky ontving" dates the other contact
        future = t.earliest is not None and dct.latest is not None and t.earliest > dct.latest
        past = t.latest is not None and dct.earliest is not None and t.latest < dct.earliest
        if status in ("planned", "proposed") and past:
            continue
        if status in ("occurred", "claimed") and future:
            continue
        usable.append(t)
    if not usable:
        return None
    return min(usable, key=lambda t: abs(t.start - trigger_pos))


def tense_date(status: EventStatus, dct: Interval) -> EventDate:
    """The date of a contact whose report has no time expression of its own: a plan
    lies ahead of the article, a contact held lies in the article's month when the
    date line gives only the month (a news report is of recent contacts), else on
    or before the article's day."""
    if status in ("planned", "proposed"):
        return EventDate(
            earliest=dct.earliest, latest=None, basis="planned: after the article date"
        )
    if status == "cancelled":
        return EventDate(earliest=None, latest=None, basis="cancelled: no date given")
    if dct.earliest is not None and dct.latest is not None and dct.earliest < dct.latest:
        return EventDate(
            earliest=dct.earliest,
            latest=dct.latest,
            basis="past tense, no date of its own: in the month of the article",
        )
    return EventDate(
        earliest=None, latest=dct.latest, basis="past tense: on or before the article date"
    )


def coordinated_dates(
    chosen: TimeExpression, timexes: Sequence[TimeExpression], text: str
) -> list[tuple[EventDate, str]]:
    """ "de gesprekken die ze zondag en maandag in Berlijn voerden": two time
    expressions joined by "en" date one report from the first day to the last, when
    they meet; apart ("In februari en half maart zag de gezant Poetin"), two contacts.
    Each date comes with the words that give it."""
    ordered = sorted(timexes, key=lambda t: t.start)
    for t in reversed(ordered):  # the chain may start before the chosen one
        if t.end < chosen.start and text[t.end : chosen.start] == " en ":
            chosen = t
    last = chosen
    for t in ordered:
        if t.start > last.end and text[last.end : t.start] == " en ":
            last = t
    own = (timex_date(chosen), chosen.text)
    if last is chosen or chosen.earliest is None or last.latest is None:
        return [own]
    if (
        chosen.latest is not None
        and last.earliest is not None
        and (last.earliest - chosen.latest).days > 1
    ):
        return [own, (timex_date(last), last.text)]
    words = text[chosen.start : last.end]
    span = EventDate(
        earliest=min(chosen.earliest, last.earliest or chosen.earliest),
        latest=max(last.latest, chosen.latest or last.latest),
        basis=f"time expression {words!r}",
    )
    return [(span, words)]


def said_on(
    text: str,
    trigger: int,
    timexes: Sequence[TimeExpression],
    sentence: Sentence,
    lex: Lexicon,
) -> TimeExpression | None:
    """The day a reported clause was said on: a single-day time expression in the
    part of the sentence before the "dat" that opens the trigger's clause, the part with
    the verb of saying."""
    low = text.lower()
    at = low.rfind(" dat ", 0, trigger)
    if at < 0 or re.search(r"[,;:]", low[at:trigger]):
        return None
    head = low[:at]
    if not lex.reporting.search(head) and "indruk" not in head:
        return None
    days = [
        t
        for t in timexes
        if t.end - sentence.start <= at and t.interval.width() == 1 and t.latest is not None
    ]
    return days[-1] if days else None


def carried_date(
    text: str, status: EventStatus, discourse: Discourse, lex: Lexicon, dct: Interval
) -> EventDate | None:
    """The day of the contact just reported, for a sentence that opens with
    "Aansluitend" or "Direct daarna" and has no time expression of its own."""
    low = text.lower()
    same_day = lex.carry_contact.match(low) is not None
    after = lex.carry_after.search(low) is not None
    if not (same_day or after):
        return None
    # the last contact reported as such (not one named in passing), of the same kind:
    # "na afloop" of the summit held, not of the follow-up it proposed; the latest
    # first, no scan of the whole article
    last = next(
        (
            m
            for m in reversed(discourse.recent)
            if not m.reference and (m.status in ANNOUNCED) == (status in ANNOUNCED)
        ),
        None,
    )
    if last is None or not last.date.basis.startswith("time expression"):
        return None
    if same_day:
        return EventDate(
            earliest=last.date.earliest,
            latest=last.date.latest,
            basis=f"right after the contact dated by {last.date.basis}",
        )
    if not after or last.date.earliest is None:
        return None
    # "na afloop": after the contact just reported, that day or the next
    latest = None
    if status not in ANNOUNCED and last.date.latest is not None:
        latest = last.date.latest + dt.timedelta(days=1)
        if dct.latest is not None:
            latest = min(latest, dct.latest)
    return EventDate(
        earliest=last.date.earliest,
        latest=latest,
        basis=f"after the contact dated by {last.date.basis}",
    )


def after_passing(
    refs: Sequence[PassingRef], stimex: Sequence[TimeExpression], sentence: Sentence, text: str
) -> tuple[TimeExpression, str] | None:
    """The dated contact named after "na"/"sinds" in the sentence, and its words."""
    for ref in refs:
        if ref.prep not in ("na", "sinds"):
            continue
        for t in stimex:
            if ref.start <= t.start - sentence.start < ref.end and t.rule not in RELATIVE_RULES:
                return t, text[ref.start : ref.end]
    return None


def clause_timexes(
    ctx: ArticleContext,
    view: SentenceView,
    clause: Clause,
    ctrig: Sequence[Trigger],
    status: EventStatus,
    discourse: Discourse,
) -> tuple[list[TimeExpression], list[TimeExpression]]:
    """The time expressions that may date the contact of `clause`, and those that only
    start a period it is measured against ("sinds Trump bijna drie weken geleden
    aantrad"): the clause's own, else the sentence's outside clauses of saying, else
    one carried over from the sentences before."""
    sentence, lex, low = view.sentence, ctx.lex, view.text.lower()
    ctimex = [t for t in view.own_timex if clause.start <= t.start - sentence.start < clause.end]
    if not ctimex:
        ctimex = outside_saying(view.own_timex, sentence, lex, view.parts)
    previous = view.previous_timex
    if (
        not ctimex
        and previous is not None
        and status == "occurred"
        and (previous.interval.width() or 10**6) <= 31
        and not lex.carry_after.search(low)  # "na afloop": carried_date
    ):
        ctimex = [previous]  # "Begin februari 2022 reisde Macron ... Daar sprak hij"
    prior = discourse.prior_timex
    if (
        not ctimex
        and prior is not None
        and prior[0] == sentence.index - 1
        and lex.carry_timex.match(low)
    ):
        ctimex = [prior[1]]  # "reist volgende week naar Kyiv. Daar wil hij ..."
    since = [
        t
        for t in ctimex
        if status != "denied" and inside_since(t, ctrig, sentence, ctx.article.text)
    ]
    return [t for t in ctimex if t not in since], since


def clause_date(
    ctx: ArticleContext,
    view: SentenceView,
    ctrig: Sequence[Trigger],
    ids: Sequence[str],
    status: EventStatus,
    timexes: tuple[list[TimeExpression], list[TimeExpression]],
    discourse: Discourse,
) -> tuple[TimeExpression | None, EventDate, list[tuple[EventDate, str]]]:
    """The date of a contact: (the time expression chosen, the date, the dates of
    further expressions joined to it by "en"). Without a time expression: the day
    of the contact just reported ("Aansluitend"), the date of the same contact
    reported before, else the tense bounded by "sinds" or "na het overleg van ...".
    The day it was said on bounds a contact reported as past."""
    ctimex, since = timexes
    sentence, dct, text = view.sentence, ctx.dct, view.text
    chosen = choose_timex(ctimex, sentence.start + ctrig[0][0], status, dct, sentence.start)
    more: list[tuple[EventDate, str]] = []
    if chosen is not None:
        (date, _), *more = coordinated_dates(chosen, ctimex, ctx.article.text)
    elif (carried := carried_date(text, status, discourse, ctx.lex, dct)) is not None:
        date = carried  # "Aansluitend wil Trump met Zelensky bellen"
    else:
        date = _undated(ctx, view, ids, status, since, discourse)
    said = said_on(text, ctrig[0][0], view.own_timex, sentence, ctx.lex)
    if (
        said is not None
        and status in ("occurred", "claimed", "denied")
        and said.latest is not None
        and (date.latest is None or said.latest < date.latest)
        and (date.earliest is None or date.earliest <= said.latest)
    ):
        # "Trump wekte gisteren de indruk dat hij Poetin onlangs had gesproken": what
        # was said yesterday to have happened happened by yesterday
        date = EventDate(
            earliest=date.earliest, latest=said.latest, basis=f"{date.basis}; said {said.text!r}"
        )
    return chosen, date, more


def _undated(
    ctx: ArticleContext,
    view: SentenceView,
    ids: Sequence[str],
    status: EventStatus,
    since: Sequence[TimeExpression],
    discourse: Discourse,
) -> EventDate:
    """The date of a contact its sentence gives no time expression for."""
    # "De twee leiders spraken toen een uur": the date of the same contact mentioned
    # just before in this article
    previous = discourse.latest(sorted(ids), status in ANNOUNCED)
    if previous is not None and previous.date.basis.startswith("time expression"):
        return previous.date
    date = tense_date(status, ctx.dct)
    bound = since[0] if since and status in ("occurred", "claimed") else None
    if (
        bound is not None
        and bound.earliest is not None
        and (date.latest is None or bound.earliest <= date.latest)
    ):
        # "het eerste contact sinds Trump aantrad": after that, up to the article
        return EventDate(
            earliest=bound.earliest,
            latest=date.latest,
            basis=f"after {bound.text!r}, on or before the article date",
        )
    after = after_passing(view.refs, view.timexes, view.sentence, view.text)
    if (
        bound is None
        and after is not None
        and status in ("occurred", "claimed")
        and after[0].earliest is not None
        and (date.latest is None or after[0].earliest <= date.latest)
    ):
        # "na het overleg van vorige week opnieuw met Poetin gesproken"
        return EventDate(
            earliest=after[0].earliest,
            latest=date.latest,
            basis=f"after {after[1]!r}, on or before the article date",
        )
    return date


def outside_saying(
    timexes: Sequence[TimeExpression],
    sentence: Sentence,
    lex: Lexicon,
    parts: Sequence[Clause] | None = None,
) -> list[TimeExpression]:
    """The time expressions of a sentence outside its clauses of saying or publishing
    ("..., zei Poetin woensdag": woensdag dates the saying, not the contact)."""
    parts = clauses(sentence.text) if parts is None else parts
    return [
        t
        for t in timexes
        if not any(
            c.start <= t.start - sentence.start < c.end and lex.reporting.search(c.text.lower())
            for c in parts
        )
    ]
