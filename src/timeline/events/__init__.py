"""Stage 4, the event builder: sentences with a contact word → `EventMention`s.

One sentence at a time, in one direction; each step is a module of this package:

    read_sentence          sentence.py      actor mentions, time expressions, contact words
                                            (by lemma and compound head), contacts named in
                                            passing, clauses
    for each clause with a contact word:
      clause_parties       participants.py  who takes part: the clause, else its neighbours
      _clause_type         lexicon.py       call, meeting, talks or message
      clause_status        factuality.py    occurred, planned, ... from the grammar
      refer_to_known       discourse.py     "het gesprek" without parties: the contact it
                                            refers to
      clause_timexes,      dating.py        the clause's time expression, else the
      clause_date                           discourse's, else tense
    follow_ups             discourse.py     sentences that add to a contact just reported
    passing_mentions       passing.py       "na het gesprek met Poetin"
    remember               discourse.py     topic, pair and contacts for what follows

and per article, `earlier_calls` and `at_dateline` (places.py). The words of every
step are in `lang/nl/*.toml`; the grammar over the parse is in grammar.py.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Generic, TypeVar

from timeline.actors import ActorBase
from timeline.events.dating import clause_date, clause_timexes
from timeline.events.discourse import (
    Discourse,
    earlier_calls,
    follow_ups,
    pending_ref,
    refer_to_known,
    remember,
    settle_pending,
)
from timeline.events.evidence import Evidence, make_mention, redated
from timeline.events.factuality import clause_status, tense_status
from timeline.events.lexicon import Clause, Trigger, refine_type
from timeline.events.participants import clause_parties, present_too
from timeline.events.passing import passing_mentions
from timeline.events.places import at_dateline, location
from timeline.events.sentence import ArticleContext, SentenceView, read_sentence
from timeline.schema import Article, Entity, EventMention, EventType, TimeExpression, Token
from timeline.segment import Sentence

__all__ = ["build_mentions"]

T = TypeVar("T", TimeExpression, Entity)


def build_mentions(
    article: Article,
    sentences: Sequence[Sentence],
    entities: Sequence[Entity],
    timexes: Sequence[TimeExpression],
    kb: ActorBase,
    *,
    focus: frozenset[str] | None = None,
    tokens: Sequence[Token] = (),
) -> list[EventMention]:
    """All contact mentions of one article (pure: same input, same output)."""
    ctx = ArticleContext.of(article, kb, focus, tokens)
    discourse = Discourse()
    timex_at = _Spans(timexes)
    entity_at = _Spans(entities)
    for sentence in sentences:
        if sentence.heading or sentence.furniture:
            continue
        view = read_sentence(
            ctx, sentence, timex_at.within(sentence), entity_at.within(sentence), discourse
        )
        produced = _sentence_contacts(ctx, view, discourse)
        produced = follow_ups(ctx, view, discourse, produced)
        # contacts named in passing come first: the sentence's own contact is what a
        # following "dat gesprek" refers to
        passing = passing_mentions(ctx, view, discourse, produced)
        if discourse.pending is not None:
            produced = settle_pending(article, sentence, produced, discourse, ctx.lex)
        if not produced and not passing:
            discourse.pending = pending_ref(sentence, view.refs, view.timexes) or discourse.pending
        remember(ctx, view, discourse, passing + produced)
    return at_dateline(earlier_calls(discourse.recent), article)


class _Spans(Generic[T]):
    """Time expressions or entities by sentence, found by bisection (no scan of the
    whole article per sentence)."""

    def __init__(self, items: Sequence[T]) -> None:
        self.items = sorted(items, key=lambda x: x.start)
        self.starts = [x.start for x in self.items]

    def within(self, sentence: Sentence) -> list[T]:
        lo = bisect_left(self.starts, sentence.start)
        return self.items[lo : bisect_left(self.starts, sentence.end, lo)]


@dataclass(frozen=True)
class _Contact:
    """The contact a clause reports, the leaders joining it, and its further dates."""

    mention: EventMention
    joining: list[EventMention]
    borrowed: bool  # its parties come from a neighbouring clause
    redated: list[EventMention]  # "In februari en half maart zag hij Poetin"


def _sentence_contacts(
    ctx: ArticleContext, view: SentenceView, discourse: Discourse
) -> list[EventMention]:
    """The contacts the sentence's clauses report; a clause whose parties are its own
    replaces one that borrowed the same parties from it."""
    produced: list[EventMention] = []
    borrowed_in: dict[int, bool] = {}
    for ci, clause in enumerate(view.parts):
        ctrig = [t for t in view.triggers if clause.start <= t[0] < clause.end]
        if not ctrig:
            continue
        found = _clause_contact(ctx, view, ci, ctrig, discourse, produced)
        if isinstance(found, EventMention):
            produced.append(found)  # a report of a contact already known
            continue
        if found is None:
            continue
        produced += found.joining
        mention = found.mention
        same = [p for p in produced if p.participants == mention.participants]
        if not same:
            produced.append(mention)
            borrowed_in[id(mention)] = found.borrowed
            produced += found.redated
        elif borrowed_in.get(id(same[0])) and not found.borrowed:
            produced[produced.index(same[0])] = mention
            borrowed_in[id(mention)] = found.borrowed
    return produced


def _clause_contact(
    ctx: ArticleContext,
    view: SentenceView,
    ci: int,
    ctrig: Sequence[Trigger],
    discourse: Discourse,
    produced: Sequence[EventMention],
) -> _Contact | EventMention | None:
    """Parties, type, status and date of the contact of clause `ci`: a new contact, a
    report of one already known, or None when the clause reports no contact."""
    article, sentence, lex = ctx.article, view.sentence, ctx.lex
    clause, ids, words, borrowed = clause_parties(ctx, view, ci, ctrig, discourse)
    etype = _clause_type(ctx, view, clause, ctrig)
    decided = clause_status(ctx, view, clause, ctrig)
    if decided is None:
        return None
    status, cues = decided
    known = refer_to_known(ctx, view, clause, ctrig, ids, status, cues, discourse, produced)
    if not isinstance(known, list):
        return known
    ids = known
    timexes = clause_timexes(ctx, view, clause, ctrig, status, discourse)
    status, cues = tense_status(status, cues, ctrig, timexes[0], ctx.dct, lex)
    chosen, date, more = clause_date(ctx, view, ctrig, ids, status, timexes, discourse)
    if (again := lex.again.search(clause.text.lower())) is not None:
        cues = [*cues, f"again: {again.group()!r}"]
    place = location(view.entities, sentence, article.text) if etype == "meeting" else None
    joining = []
    if etype == "meeting" and (
        extra := present_too(ids, words, view.mentions, clause, view.text, lex)
    ):
        # both contacts are reported: the meeting, and the leader's joining it
        evidence = Evidence(ctrig, extra[1], chosen, [*cues, extra[2]])
        joining.append(
            make_mention(article, sentence, etype, extra[0], status, date, evidence, location=place)
        )
    evidence = Evidence(ctrig, words, chosen, cues)
    mention = make_mention(article, sentence, etype, ids, status, date, evidence, location=place)
    return _Contact(mention, joining, borrowed, [redated(mention, d, w) for d, w in more])


def _clause_type(
    ctx: ArticleContext, view: SentenceView, clause: Clause, ctrig: Sequence[Trigger]
) -> EventType:
    """The type of the clause's contact from its words and the sentence's, leaving out
    the contacts named in passing; a clause at a place just named ("..., waar hij
    overleg voerde met Zelensky") has its own."""
    text = view.text
    before = [t for t in view.triggers if t[1] <= ctrig[0][0]]
    where = re.search(r",\s+waar\s", text[before[-1][1] : ctrig[0][0]]) if before else None
    scope = text[before[-1][1] + where.start() : clause.end] if before and where else view.own_text
    return refine_type([t[2] for t in ctrig], scope, ctx.lex, [t[3] for t in ctrig])
