"""What a mention is made of: its evidence (contact words, the words naming the
parties, the time expression, the status cues), the mention built from it, and a
contact named in passing ("na het gesprek met Poetin")."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from timeline.events.lexicon import Trigger
from timeline.schema import (
    Article,
    EventDate,
    EventMention,
    EventStatus,
    EventType,
    Source,
    TimeExpression,
)
from timeline.segment import Sentence

ANNOUNCED = frozenset({"planned", "proposed", "cancelled"})


@dataclass(frozen=True)
class Evidence:
    """What made a mention: its contact words, the words naming the parties, the
    time expression that dated it and the cues that set its status."""

    triggers: Sequence[Trigger]
    actors: Sequence[str]
    timex: TimeExpression | None
    cues: Sequence[str]


def make_mention(
    article: Article,
    sentence: Sentence,
    etype: EventType,
    ids: Sequence[str],
    status: EventStatus,
    date: EventDate,
    evidence: Evidence,
    *,
    location: str | None = None,
    reference: bool = False,
) -> EventMention:
    return EventMention(
        article=article.id,
        type=etype,
        participants=sorted(ids),
        status=status,
        date=date,
        location=location,
        sentence_index=sentence.index,
        reference=reference,
        approximate=evidence.timex is not None and (evidence.timex.value or "").endswith("_REF"),
        source=Source(
            article=article.id,
            quote=sentence.text,
            start=sentence.start,
            end=sentence.end,
            published=article.published.text,
            trigger=", ".join(t[3] for t in evidence.triggers),
            actors=list(evidence.actors),
            timex=evidence.timex.text if evidence.timex else None,
            cues=list(evidence.cues),
            type=etype,
            status=status,
            date=date.interval,
        ),
    )


def redated(mention: EventMention, date: EventDate, timex: str) -> EventMention:
    """`mention` dated again, by the time expression `timex`."""
    return mention.model_copy(
        update={
            "date": date,
            "source": mention.source.model_copy(update={"timex": timex, "date": date.interval}),
        }
    )


@dataclass(frozen=True)
class PassingRef:
    """ "na het gesprek met Poetin": a contact named in passing, inside a clause about
    something else. Offsets are in the sentence text."""

    start: int
    end: int
    prep: str
    det: str
    head: str  # the phrase up to the contact noun
