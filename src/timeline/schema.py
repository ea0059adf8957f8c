"""The data model at every stage boundary (pydantic v2, strict).

Offsets (`start`, `end`) are always character offsets into `Article.text`, the
decoded text of the file exactly as read (date line included), so that
`article.text[start:end] == quote` holds for every quote.
"""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    SerializerFunctionWrapHandler,
    model_serializer,
    model_validator,
)

SCHEMA_VERSION = "1"

EntityLabel = Literal["PER", "ORG", "LOC", "MISC"]
EventType = Literal["call", "meeting", "talks", "message"]
EventStatus = Literal["occurred", "claimed", "denied", "planned", "proposed", "cancelled"]
Granularity = Literal["day", "week", "month", "quarter", "season", "year", "interval", "open"]


def types_compatible(a: str, b: str) -> bool:
    """Two reports may be of one contact: same type, or one says only "talks"."""
    return a == b or "talks" in (a, b)


EVENT_TYPES: tuple[EventType, ...] = ("call", "meeting", "talks", "message")
EVENT_STATUSES: tuple[EventStatus, ...] = (
    "occurred",
    "claimed",
    "denied",
    "planned",
    "proposed",
    "cancelled",
)


class Model(BaseModel):
    """Base: strict, immutable, no unknown fields."""

    model_config = ConfigDict(strict=True, frozen=True, extra="forbid")


class Interval(Model):
    """An inclusive interval of calendar days; `None` is an open end."""

    earliest: dt.date | None = None
    latest: dt.date | None = None

    @model_validator(mode="after")
    def _ordered(self) -> Interval:
        if self.earliest and self.latest and self.earliest > self.latest:
            raise ValueError(f"earliest {self.earliest} is after latest {self.latest}")
        return self

    @property
    def is_day(self) -> bool:
        return self.earliest is not None and self.earliest == self.latest

    def overlaps(self, other: Interval) -> bool:
        lo = max_date(self.earliest, other.earliest)
        hi = min_date(self.latest, other.latest)
        return lo is None or hi is None or lo <= hi

    def contains(self, other: Interval) -> bool:
        """True when every day of `other` lies inside this interval."""
        if self.earliest is not None and (other.earliest is None or other.earliest < self.earliest):
            return False
        return not (
            self.latest is not None and (other.latest is None or other.latest > self.latest)
        )

    def intersect(self, other: Interval) -> Interval | None:
        lo = max_date(self.earliest, other.earliest)
        hi = min_date(self.latest, other.latest)
        if lo is not None and hi is not None and lo > hi:
            return None
        return Interval(earliest=lo, latest=hi)

    def width(self) -> int | None:
        """Number of days, or None when an end is open."""
        if self.earliest is None or self.latest is None:
            return None
        return (self.latest - self.earliest).days + 1


def max_date(a: dt.date | None, b: dt.date | None) -> dt.date | None:
    if a is None:
        return b
    if b is None:
        return a
    return max(a, b)


def min_date(a: dt.date | None, b: dt.date | None) -> dt.date | None:
    if a is None:
        return b
    if b is None:
        return a
    return min(a, b)


class Published(Model):
    """The article's publication date (DCT): a day, or every day of a month."""

    text: str = Field(description="the date as written on the date line, e.g. '2025-02'")
    earliest: dt.date
    latest: dt.date
    granularity: Literal["day", "month"]
    narrowed: Interval | None = Field(
        default=None, description="a tighter DCT that the corpus soundly supports"
    )
    narrowed_because: str | None = None

    @property
    def interval(self) -> Interval:
        return self.narrowed or Interval(earliest=self.earliest, latest=self.latest)


class Article(Model):
    id: str = Field(description="path relative to the corpus root, '/'-separated")
    text: str = Field(description="the decoded file text, date line included")
    body_start: int = Field(description="offset of the body, after the date line")
    published: Published
    sha256: str
    encoding: str = "utf-8"

    @property
    def body(self) -> str:
        return self.text[self.body_start :]


class Span(Model):
    text: str
    start: int
    end: int


class Entity(Span):
    label: EntityLabel
    actor: str | None = Field(default=None, description="canonical actor id, e.g. 'trump'")


class TimeExpression(Span):
    earliest: dt.date | None
    latest: dt.date | None
    value: str | None = Field(description="TIMEX3-style value: 2025-02-12, 2025-W07, PAST_REF…")
    granularity: Granularity
    rule: str = Field(default="", description="the recogniser rule that matched")
    note: str | None = Field(default=None, description="how the interval was derived")

    @property
    def interval(self) -> Interval:
        return Interval(earliest=self.earliest, latest=self.latest)


class EventDate(Model):
    earliest: dt.date | None
    latest: dt.date | None
    basis: str = Field(default="", description="what the date rests on: a time expression, tense")

    @property
    def interval(self) -> Interval:
        return Interval(earliest=self.earliest, latest=self.latest)


class Source(Model):
    """One sentence that reports a contact, with the words that produced it."""

    article: str
    quote: str
    start: int
    end: int
    published: str = Field(default="", description="the article's date line value")
    trigger: str = Field(default="", description="the contact word that fired")
    actors: list[str] = Field(default_factory=list, description="the words naming participants")
    timex: str | None = Field(default=None, description="the time expression that dated it")
    cues: list[str] = Field(default_factory=list, description="the words that set the status")
    type: EventType | None = None
    status: EventStatus | None = None
    date: Interval | None = None


# `EventDate.basis` of a plan told after the contact took place ("Trump had het gesprek
# zaterdag aangekondigd"): dated by the contact's day, it joins a plan and narrows nothing
TOLD_AFTER = "announced before it took place"


class EventMention(Model):
    """A contact as one sentence of one article reports it (before merging)."""

    article: str
    type: EventType
    participants: list[str]
    status: EventStatus
    date: EventDate
    location: str | None = None
    source: Source
    sentence_index: int = 0
    # a passing reference to a contact ("na het gesprek met Poetin"): it joins
    # the contact it refers to and starts an event only when it dates one
    reference: bool = False
    # dated by a vague expression ("in de komende dagen", "binnenkort"): its bounds
    # are the conventions', not the speaker's, so a plan may be held just outside them
    approximate: bool = False


class Conflict(Model):
    field: str
    kept: str
    dropped: str
    article: str


CorrectionAction = Literal["set", "drop", "merge", "split", "add"]


def _empty(value: object) -> bool:
    return not value


class AppliedCorrection(Model):
    """An editorial correction (`corrections.toml`) that changed this event."""

    action: CorrectionAction
    note: str = Field(description="why, in the editor's words")
    by: str | None = None
    fields: list[str] = Field(
        default_factory=list, description="the fields the correction decided, e.g. ['status']"
    )


class Event(Model):
    id: str
    type: EventType
    participants: list[str]
    status: EventStatus
    date: EventDate
    location: str | None = None
    sources: list[Source]
    realizes: str | None = None
    conflicts: list[Conflict] = Field(default_factory=list)
    # left out of the JSON when empty, so a build without corrections is unchanged
    corrections: list[AppliedCorrection] = Field(
        default_factory=list,
        exclude_if=_empty,
        description="editorial corrections applied to this event (absent when none)",
    )


class Problem(Model):
    """A file that could not be used, or was used with a warning."""

    path: str
    code: str
    message: str
    severity: Literal["error", "warning"] = "error"


class CorrectionRecord(Model):
    """One entry of the corrections file as the build applied it."""

    entry: int = Field(description="the entry's number in the corrections file, from 1")
    action: CorrectionAction
    note: str
    by: str | None = None
    events: list[str] = Field(default_factory=list, description="ids of the events it changed")
    removed: list[str] = Field(
        default_factory=list,
        description="ids the build would have without corrections that it removed "
        "(dropped, merged into another event, split apart)",
    )


class ArticleInfo(Model):
    article: str
    published: Published
    sha256: str
    copy_of: str | None = Field(
        default=None,
        description="the article this one republishes (a wire copy, `timeline.copies`); "
        "left out of the JSON when there is none",
    )

    @model_serializer(mode="wrap")
    def _without_no_copy(self, handler: SerializerFunctionWrapHandler) -> dict[str, object]:
        data: dict[str, object] = handler(self)
        if self.copy_of is None:
            data.pop("copy_of", None)
        return data


class Timeline(Model):
    schema_version: str = SCHEMA_VERSION
    generator: str = "timeline"
    events: list[Event]
    articles: list[ArticleInfo] = Field(default_factory=list)
    problems: list[Problem] = Field(default_factory=list)
    corrections: list[CorrectionRecord] = Field(
        default_factory=list,
        exclude_if=_empty,
        description="the corrections applied, one per entry (absent when none)",
    )


class Token(Model):
    """One token as the linguistic layer (`models/syntax-nl`) reads it.

    Offsets are in `Article.text`; `head` is the index (`i`) of the syntactic head,
    the token itself at a sentence root. Without the syntax pipeline the analysis
    fields are empty strings.
    """

    i: int
    text: str
    start: int
    end: int
    lemma: str = ""
    pos: str = Field(default="", description="universal part of speech (UPOS)")
    tag: str = Field(default="", description="Dutch fine tag (XPOS)")
    morph: str = Field(default="", description="UD features: Tense=Past|VerbForm=Fin …")
    dep: str = ""
    head: int = 0


class FurnitureLine(Model):
    """A line of page furniture as `timeline inspect` shows it (`timeline.page`)."""

    kind: Literal["byline", "prefix", "caption", "credit", "trailer"]
    start: int
    end: int
    text: str
    why: str = Field(description="the rule that matched")
    date: str | None = Field(default=None, description="a byline's date and time as written")
    day: dt.date | None = Field(default=None, description="the day read from `date`")
    parser: Literal["Dutch grammar", "dateparser"] | None = None


class ArticleAnalysis(Model):
    """What `timeline inspect` shows for one article."""

    article: str
    published: Published
    entities: list[Entity]
    timexes: list[TimeExpression]
    events: list[EventMention]
    tokens: list[Token] = Field(default_factory=list)
