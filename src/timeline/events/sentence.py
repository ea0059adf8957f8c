"""Reading one sentence for the event builder: the article-wide context, and what
the sentence holds (actor mentions, time expressions, contact words, the contacts it
names in passing, its clauses), computed once and read by every later stage."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from timeline.actors import ActorBase
from timeline.events.actor_mentions import ActorMention, MentionMatcher, mention_matcher
from timeline.events.discourse import Discourse
from timeline.events.evidence import PassingRef
from timeline.events.grammar import Grammar, contact_words, grammar
from timeline.events.lexicon import Clause, Lexicon, Trigger, clauses, find_triggers, lexicon
from timeline.events.participants import with_bare_roles
from timeline.events.passing import find_refs
from timeline.schema import Article, Entity, Interval, TimeExpression, Token
from timeline.segment import Sentence
from timeline.syntax import Tree


@dataclass(frozen=True)
class ArticleContext:
    """What every sentence of one article is read against."""

    article: Article
    kb: ActorBase
    focus: frozenset[str]
    lex: Lexicon
    gram: Grammar
    tree: Tree
    matcher: MentionMatcher

    @classmethod
    def of(
        cls,
        article: Article,
        kb: ActorBase,
        focus: frozenset[str] | None,
        tokens: Sequence[Token],
    ) -> ArticleContext:
        return cls(
            article=article,
            kb=kb,
            focus=focus if focus is not None else kb.focus_ids,
            lex=lexicon(),
            gram=grammar(),
            tree=Tree(tokens),
            matcher=mention_matcher(kb),
        )

    @property
    def dct(self) -> Interval:
        """The article's date, as an interval ("2025-02": all of February)."""
        return self.article.published.interval

    @property
    def day(self) -> dt.date | None:
        return self.article.published.interval.latest


@dataclass(frozen=True)
class SentenceView:
    """One sentence as the builder reads it. Offsets of mentions, triggers, refs and
    clauses are in the sentence text; time expressions and entities keep the
    article's."""

    sentence: Sentence
    mentions: list[ActorMention]
    timexes: list[TimeExpression]
    entities: list[Entity]
    refs: list[PassingRef]  # contacts named in passing
    excluded: list[tuple[int, int]]  # their spans
    triggers: list[Trigger]  # contact words outside them
    own_text: str  # the text with the refs blanked out
    own_timex: list[TimeExpression]  # time expressions outside the refs
    parts: list[Clause]
    delegations: bool  # "de delegaties", "de onderhandelaars": no leaders in person
    previous_timex: TimeExpression | None  # the paragraph's last, while nothing intervened

    @property
    def text(self) -> str:
        return self.sentence.text


def read_sentence(
    ctx: ArticleContext,
    sentence: Sentence,
    stimex: list[TimeExpression],
    sentities: list[Entity],
    discourse: Discourse,
) -> SentenceView:
    """The `SentenceView` of a sentence whose time expressions and entities are given."""
    text, lex = sentence.text, ctx.lex
    smentions = with_bare_roles(ctx.matcher.find(text, ctx.day), text, discourse, lex, ctx.kb)
    refs = find_refs(ctx, sentence, smentions, stimex, sentities)
    excluded = [(r.start, r.end) for r in refs]
    # the sentence without the contacts named in passing, for the type ("na het overleg
    # in het Witte Huis" makes nothing else a meeting)
    own_text = text
    for a, b in excluded:
        own_text = own_text[:a] + " " * (b - a) + own_text[b:]
    by_lemma = contact_words(ctx.tree, sentence.start, sentence.end, ctx.gram)
    return SentenceView(
        sentence=sentence,
        mentions=smentions,
        timexes=stimex,
        entities=sentities,
        refs=refs,
        excluded=excluded,
        triggers=[
            t
            for t in find_triggers(text, lex, by_lemma)
            if not any(a <= t[0] < b for a, b in excluded)
        ],
        own_text=own_text,
        # a time expression inside "na het gesprek van gisteren" dates that contact only
        own_timex=[
            t for t in stimex if not any(a < t.start - sentence.start < b for a, b in excluded)
        ],
        parts=clauses(text),
        delegations=bool(lex.delegations.search(text.lower())),
        previous_timex=discourse.last_timex
        if sentence.paragraph == discourse.last_paragraph
        else None,
    )
