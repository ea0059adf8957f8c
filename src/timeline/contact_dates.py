"""The date of a contact mention from the time expressions of its sentence: which
expression dates the contact (not the saying of it, not the start of a period it is
counted from), the interval tense gives when none does, two expressions joined by
"en", and the day a reported contact was said on. Pure functions.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from timeline.contact_words import Lexicon
from timeline.schema import EventDate, EventStatus, EventType, Interval, TimeExpression
from timeline.segment import Sentence

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
