"""Contacts named in passing: "na het gesprek met Poetin", "tijdens hun ontmoeting
in Alaska", "sinds de top van vorige week". Such a phrase inside a clause about
something else refers to another contact; it is found by a pattern over the words
(`passing_refs`) and on the tree (`grammar.passing_contacts`), is kept out of the
sentence's own contact, and becomes a mention of its own when it names both sides
(`reference_mention`), or a reference back to the contact just reported.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING

from timeline.actors import ActorBase
from timeline.events.actor_mentions import ActorMention
from timeline.events.dating import RELATIVE_RULES, choose_timex, tense_date, timex_date
from timeline.events.discourse import Discourse, antecedent, refer_back
from timeline.events.evidence import Evidence, PassingRef, make_mention
from timeline.events.grammar import contact_type, modifier_status, passing_contacts, told_ahead
from timeline.events.lexicon import Lexicon, decide_status, find_triggers, refine_type
from timeline.events.participants import host
from timeline.resources import load_toml
from timeline.schema import (
    Article,
    Entity,
    EventDate,
    EventMention,
    EventStatus,
    Interval,
    TimeExpression,
    types_compatible,
)
from timeline.segment import Sentence
from timeline.syntax import feature

if TYPE_CHECKING:
    from timeline.events.sentence import ArticleContext, SentenceView

# "na het gesprek met Poetin": a reference to another contact inside the clause
_PP_EVENT = re.compile(
    r"(?i)(?<!\w)(?:kort |vlak )?(?P<prep>na|sinds|over|tijdens|voor|voordat|uit|bij)\s+"
    # "een" only after "na", "tijdens", "sinds" ("tijdens een bezoek aan Denemarken"):
    # "een voorstel voor een ontmoeting tussen Zelensky en Poetin" is the contact itself
    r"(?P<det>het|de|(?:(?<=na )|(?<=tijdens )|(?<=sinds ))een|zijn|hun|dat|diens|die|deze|dit"
    # a possessive name: "sinds Rutte's bezoek aan Kyiv"
    r"|[A-Z][\w-]+(?:'s|’s))\s+"
    # up to four words before the noun ("de uit de hand gelopen bijeenkomst"), but not
    # over another phrase ("voor de gastvrijheid | tijdens hun ontmoeting")
    r"(?:(?!(?:na|sinds|over|tijdens|voor|bij|met|hun|zijn)\s)\w[\w-]*\s+){0,4}?"
    r"(?:telefoon)?(?:gesprek|ontmoeting|top|overleg|bezoek|onderhandeling|bijeenkomst|ruzie)\w*"
    r"(?:\s+(?:met|tussen|van|aan)\s+|\b)"
)


@cache
def _glue() -> re.Pattern[str]:
    """What may follow the head of such a phrase and still belong to it ("na het
    gesprek met Poetin en Zelensky van gisteren in Alaska"): linking words, then a
    nationality and an office word (`references.toml` `[passing]` `titles`) before a name."""
    titles = "|".join(load_toml("references.toml")["passing"]["titles"])
    return re.compile(
        r"\s*(?:,\s*)?(?:(?:met|van|tussen|en|in|bij|op|de|het|zijn|diens)\s+)*"
        rf"(?:[A-Z][^\W\d_]+(?:se|sche)\s+)?(?:(?:{titles})\s+)?"
    )


_PP_LINK = re.compile(r"\s*(?:,\s*)?(?:met|van|tussen|en|in|bij|op|aan)\s")

# "het derde bekende telefoongesprek ... na de gesprekken van februari en maart"
_COUNTED = re.compile(r"(?i)\b(?:de|het|hun) (?:eerste|tweede|derde|vierde|vijfde)\b")

_GLUE_WORD = re.compile(r"(?<!\w)\w")  # where a word of the glue begins


def passing_refs(
    text: str,
    mentions: Sequence[ActorMention],
    timexes: Sequence[tuple[int, int]] = (),
) -> list[PassingRef]:
    """Phrases like "na het gesprek met Poetin van gisteren" that refer to another contact.

    The phrase runs on over the actors, time expressions and glue words
    ("met", "en", "van") that follow its head noun.
    """
    refs = []
    found = list(_PP_EVENT.finditer(text))
    for m in found:
        end = m.end()
        # a phrase runs on up to the next such phrase, not into it
        limit = min((x.start() for x in found if x.start() > m.start()), default=len(text))
        while True:
            # the next actor, place or date may begin after any of the glue words
            # ("met | zijn Amerikaanse ambtgenoot": "zijn" is glue and part of the name);
            # after the first, only a date follows without a linking word ("met Poetin
            # gisteren"), not the clause's object ("na zijn lunch met Macron | de
            # premier opbellen")
            at = _glue().match(text, end)
            stops = {end, at.end()} if at is not None else {end}
            if at is not None:
                stops |= {end + g.start() for g in _GLUE_WORD.finditer(text[end : at.end()])}
            linked = end == m.end() or _PP_LINK.match(text, end) is not None
            spans = [*((x.start, x.end) for x in mentions), *timexes] if linked else timexes
            nxt = [b for a, b in spans if a in stops and end < b and a < limit]
            if not nxt:
                break
            end = max(nxt)
        head = text[m.start() : m.end()].rstrip()
        refs.append(
            PassingRef(m.start(), end, m.group("prep").lower(), m.group("det").lower(), head)
        )
    return refs


@dataclass
class _Parties:
    """Who a contact named in passing is between, and what else its phrase says."""

    ids: list[str]
    words: list[str]
    ref: PassingRef  # run on over a "met" phrase further on, where that names a side
    counted_from: bool  # "hun eerste ontmoeting sinds ...": the contact counted from
    together_at: str | None  # where "hun" were together, when the text says
    status: EventStatus | None  # ahead: planned or proposed
    told: str | None  # the words that put it ahead


def _reference_parties(
    article: Article,
    sentence: Sentence,
    ref: PassingRef,
    smentions: Sequence[ActorMention],
    discourse: Discourse,
    lex: Lexicon,
    own_pair: Sequence[str],
    kb: ActorBase | None,
    ahead: tuple[EventStatus, str] | None,
) -> _Parties:
    """The parties of a contact named in passing: named in its phrase or a relative
    clause after it, else "met" further on, else the sentence's subject, pair or topic."""
    text = sentence.text
    ids: list[str] = []
    words: list[str] = []
    counted_from = False
    together_at: str | None = None

    def add(actor: str, word: str) -> None:
        if actor not in lex.reporters and actor not in ids:
            ids.append(actor)
            words.append(word)

    for m in smentions:
        if ref.start <= m.start < ref.end and m.kind in ("name", "descriptor", "possessive"):
            for a in m.actors:
                add(a, m.text)
    # "over de top die Trump met Poetin in Boedapest wil houden": a relative clause that
    # names the parties, and says whether the contact lies ahead
    rel = re.match(r"\s*(?:die|dat)\s+[^,.;]*", text[ref.end :])
    rel_status: EventStatus | None = None
    if rel is not None and len(ids) < 2:
        for m in smentions:
            if ref.end <= m.start < ref.end + rel.end() and m.kind in ("name", "descriptor"):
                for a in m.actors:
                    add(a, m.text)
        found, rel_cues = decide_status(rel.group(), lex)
        rel_status = found if rel_cues and found in ("planned", "proposed") else None
    told = rel.group().strip() if rel is not None and rel_status is not None else None
    if rel_status is None and ahead is not None:
        rel_status, told = ahead
    if not ids and ref.det in ("een", "de", "het"):
        # "na een telefoongesprek van ruim twee uur met zijn Russische ambtgenoot": the
        # other side, named with "met" further on in the phrase's clause
        stop = re.search(r"[,;:]", text[ref.end :])
        end = ref.end + (stop.start() if stop else len(text) - ref.end)
        for m in smentions:
            if (
                ref.end <= m.start < end
                and m.kind in ("name", "descriptor")
                and re.search(r"\bmet\s+(?:\w+\s+){0,2}$", text[ref.end : m.start])
            ):
                for a in m.actors:
                    add(a, m.text)
                ref = PassingRef(ref.start, m.end, ref.prep, ref.det, ref.head)
                break

    outside = _named_outside(ref, smentions, text, lex, discourse)
    first_since = (
        ref.prep in ("sinds", "na")
        and len(ids) < 2
        and bool(own_pair)
        and _COUNTED.search(text[: ref.start]) is not None
    )
    if first_since:
        # "Het was hun eerste ontmoeting sinds de bijeenkomst in het Oval Office": the
        # contact counted from is one of the same pair
        counted_from = True
        for a in own_pair:
            add(a, ref.det)
    elif ref.det == "hun" and len(ids) < 2:
        # "Trump en Zelensky zeggen na hun ontmoeting ...": the sentence's pair,
        # else the pair the article spoke of just before
        if own_pair:
            for a in own_pair:
                add(a, ref.det)
        elif len({a for _, a in outside}) >= 2:
            for m, a in outside:
                add(a, m.text)
        elif sentence.index - discourse.pair_sentence <= 3:
            for a in discourse.last_pair:
                add(a, ref.det)
            together_at = discourse.pair_place
    elif ref.det in ("zijn", "diens") or len(ids) == 1:
        # "na zijn telefoongesprek met Poetin", "na het gesprek met Poetin belde
        # Trump": the other side is the sentence's subject, else the topic
        subject = next((a for m, a in outside if a not in ids), None)
        if ref.det == "diens":
            before = [a for m, a in outside if m.start < ref.start and a not in ids]
            subject = before[-1] if before else subject
        if subject is None and discourse.last_actor not in (None, *ids):
            subject = discourse.last_actor
        if subject is not None:
            add(subject, ref.det)
    if len(ids) == 1 and kb is not None:
        hosted = host(text[ref.start : ref.end], lex, kb, article.published.interval.latest)
        if hosted is not None:
            add(*hosted)
    return _Parties(ids, words, ref, counted_from, together_at, rel_status, told)


def reference_mention(
    article: Article,
    sentence: Sentence,
    ref: PassingRef,
    smentions: Sequence[ActorMention],
    stimex: Sequence[TimeExpression],
    discourse: Discourse,
    lex: Lexicon,
    carried: TimeExpression | None = None,
    own_pair: Sequence[str] = (),
    kb: ActorBase | None = None,
    own_date: Interval | None = None,
    ahead: tuple[EventStatus, str] | None = None,
) -> EventMention | None:
    """The contact a passing reference names, when it names both sides of it.

    Only references to a past contact count ("na", "sinds", "tijdens", or "over"/
    "voor" with a past date), or to one `ahead` (the cue that says so); the mention
    joins the contact it refers to in the merge (`reference=True`) and starts an
    event only when it dates one.
    """
    parties = _reference_parties(
        article, sentence, ref, smentions, discourse, lex, own_pair, kb, ahead
    )
    ids, words, ref = parties.ids, parties.words, parties.ref
    if len(ids) < 2 or not (set(ids) & lex.focus):
        return None
    text = sentence.text
    rel_status, told = parties.status, parties.told
    counted_from, together_at = parties.counted_from, parties.together_at
    inside = [
        t
        for t in stimex
        if ref.start <= t.start - sentence.start < ref.end and t.rule not in RELATIVE_RULES
    ]
    dct = article.published.interval
    ctrig = find_triggers(ref.head, lex)
    if rel_status is not None and ctrig and not (ahead and _past_inside(inside, dct)):
        date = tense_date(rel_status, dct)
        cues = [f"named in passing: {text[ref.start : ref.end]!r}", str(told)]
        etype = refine_type([t[2] for t in ctrig], ref.head, lex, [t[3] for t in ctrig])
        return make_mention(
            article,
            sentence,
            etype,
            ids,
            rel_status,
            date,
            Evidence(ctrig, words, None, cues),
            reference=True,
        )
    past = [t for t in inside if t.latest is not None and dct.latest and t.latest <= dct.latest]
    earlier = "vorige" in ref.head.lower()  # "bij zijn vorige bezoek"
    if ref.prep in ("over", "voor", "voordat", "bij") and not past and not earlier:
        return None  # "over de top met Poetin" may well be a planned one
    ctrig = find_triggers(ref.head, lex)
    if not ctrig:
        return None
    etype = refine_type(
        [t[2] for t in ctrig], text[ref.start : ref.end], lex, [t[3] for t in ctrig]
    )
    if etype == "talks" and together_at is not None:
        etype = "meeting"  # "tijdens hun overleg", the group being together in Kyiv
    chosen = choose_timex(past, sentence.start + ref.start, "occurred", dct)
    if chosen is None and counted_from:
        # "hun eerste ontmoeting sinds de ruzie in het Witte Huis": before their own
        # before the latest day the own contact may have been on: all that is known
        earlier = (
            own_date.latest - dt.timedelta(days=1)
            if own_date is not None and own_date.latest is not None
            else dct.latest
        )
        date = EventDate(
            earliest=None,
            latest=min(earlier, dct.latest) if earlier and dct.latest else earlier,
            basis="referred to as past: before the contact counted from it",
        )
        cues = [f"named in passing: {text[ref.start : ref.end]!r}", "counted from"]
        return make_mention(
            article,
            sentence,
            etype,
            ids,
            "occurred",
            date,
            Evidence(ctrig, words, None, cues),
            reference=True,
        )
    if chosen is None:
        chosen = _past_day(ref, sentence, stimex, carried, dct)
    if chosen is not None:
        date = timex_date(chosen)
    else:
        date = EventDate(
            earliest=None,
            latest=dct.latest,
            basis="referred to as past: on or before the article date",
        )
    cues = [f"named in passing: {text[ref.start : ref.end]!r}"]
    if counted_from:
        cues.append("counted from")  # the contact a "tweede"/"derde" one is counted from
    evidence = Evidence(ctrig, words, chosen, cues)
    return make_mention(article, sentence, etype, ids, "occurred", date, evidence, reference=True)


def _named_outside(
    ref: PassingRef,
    smentions: Sequence[ActorMention],
    text: str,
    lex: Lexicon,
    discourse: Discourse,
) -> list[tuple[ActorMention, str]]:
    """Who the sentence names outside the phrase: the subject before it, by name or
    title ("Dat maakte de Oekraïense president bekend na een telefoongesprek met ..."),
    a "hij" before any name (the topic), then names after it."""

    def named_outside(kinds: tuple[str, ...]) -> list[tuple[ActorMention, str]]:
        return [
            (m, a)
            for m in smentions
            if not ref.start <= m.start < ref.end
            and m.kind in kinds
            and not lex.bystander.search(text[max(0, m.start - 40) : m.start].lower())
            for a in m.actors
            if a not in lex.reporters
        ]

    # the subject before the phrase, by name or title ("Dat maakte de Oekraïense
    # president bekend na een telefoongesprek met ..."), then names after it
    outside = [x for x in named_outside(("name", "descriptor")) if x[0].start < ref.start] + [
        x for x in named_outside(("name",)) if x[0].start >= ref.end
    ]
    # "Na het gesprek met Vance benadrukte hij ...": a pronoun before any name is the subject
    pronoun = next(
        (
            m
            for m in smentions
            if m.kind == "pronoun"
            and m.text.lower() == "hij"
            and not ref.start <= m.start < ref.end
        ),
        None,
    )
    if (
        pronoun is not None
        and discourse.last_actor
        and (not outside or pronoun.start < outside[0][0].start)
    ):
        outside.insert(0, (pronoun, discourse.last_actor))
    return outside


def _past_day(
    ref: PassingRef,
    sentence: Sentence,
    stimex: Sequence[TimeExpression],
    carried: TimeExpression | None,
    dct: Interval,
) -> TimeExpression | None:
    """The time expression that dates a contact named in passing as past when its
    phrase has none: the day the sentence says it was spoken of right after it
    ("gisteren ... na een telefoongesprek"), else one carried from the sentence before."""
    text = sentence.text
    chosen = None
    if ref.prep == "na":
        # "Dat maakte Trump gisteren bekend na een telefoongesprek met Poetin": said that
        # day, right after it, so that day
        said = [
            t
            for t in stimex
            if t.end - sentence.start <= ref.start
            and t.rule not in RELATIVE_RULES  # "Een dag na het telefoongesprek" counts from it
            and t.interval.width() == 1
            and t.latest is not None
            and dct.latest is not None
            and t.latest <= dct.latest
            and not re.search(r"[,;:]", text[t.end - sentence.start : ref.start])
        ]
        chosen = said[-1] if said else None
    if (
        chosen is None
        and carried is not None
        and (carried.interval.width() or 10**6) <= 31
        and carried.latest is not None
        and dct.latest is not None
        and carried.latest <= dct.latest  # a contact named as past is not dated ahead
    ):
        chosen = carried  # "Dat werd gisteren gedaan ... Tijdens hun overleg belden ze"
    return chosen


def _past_inside(timexes: Sequence[TimeExpression], dct: Interval) -> bool:
    return any(t.latest is not None and dct.latest and t.latest < dct.latest for t in timexes)


def find_refs(
    ctx: ArticleContext,
    sentence: Sentence,
    smentions: Sequence[ActorMention],
    stimex: Sequence[TimeExpression],
    sentities: Sequence[Entity],
) -> list[PassingRef]:
    """The contacts named in passing in a sentence: by the pattern, which runs on over
    the actors, dates and places after the noun ("tijdens hun ontmoeting in Alaska,
    eerder deze maand"), then those only the tree finds that name an actor."""
    text, lex = sentence.text, ctx.lex
    venues = [(m.start("venue"), m.end("venue")) for m in lex.host_venues[0].finditer(text)]
    places = [
        (e.start - sentence.start, e.end - sentence.start) for e in sentities if e.label == "LOC"
    ]
    dates = [(t.start - sentence.start, t.end - sentence.start) for t in stimex]
    refs = passing_refs(text, smentions, dates + venues + places)
    no_contact = [m.span() for m in lex.exclude.finditer(text.lower())]  # "sprak van"
    refs += [
        PassingRef(*found)
        for found in passing_contacts(ctx.tree, sentence.start, sentence.end, ctx.gram)
        if not any(r.start < found[1] and found[0] < r.end for r in refs)
        and any(found[0] <= m.start < found[1] for m in smentions)
        and not any(a <= found[0] <= b for a, b in no_contact)
    ]
    return refs


def passing_mentions(
    ctx: ArticleContext,
    view: SentenceView,
    discourse: Discourse,
    produced: Sequence[EventMention],
) -> list[EventMention]:
    """The mentions of the contacts the sentence names in passing, other than its own."""
    sentence = view.sentence
    passing: list[EventMention] = []
    for ref in view.refs:
        start = view.sentence.start
        # "wil hij bespreken tijdens hun ontmoeting", "gaat na zijn lunch met Macron
        # Poetin opbellen": under a modal or the future, a contact yet to come
        ahead: tuple[EventStatus, str] | None = (
            ("planned", "named in passing, under a modal or the future")
            if told_ahead(ctx.tree, start + ref.start, start + ref.end, ctx.gram)
            else _not_yet(ctx, start + ref.start, start + ref.end)
        )
        # "het eerste gesprek tussen beide presidenten sinds hun ontmoeting": the pair
        # of the sentence's own contact, when it is a pair
        own_pair = produced[-1].participants if produced else ()
        mention = reference_mention(
            ctx.article,
            sentence,
            ref,
            view.mentions,
            view.timexes,
            discourse,
            ctx.lex,
            view.previous_timex,
            own_pair if len(own_pair) == 2 else (),
            ctx.kb,
            produced[-1].date.interval if produced else None,
            ahead,
        )
        if mention is None and ref.det in ("dat", "die", "deze", "dit", "het", "de"):
            mention = _named_again(ctx, view, ref, discourse, produced)
        if mention is not None and (
            any(c.startswith("counted") for c in mention.source.cues)
            or not any(
                p.participants == mention.participants
                and types_compatible(p.type, mention.type)
                and p.date.interval.overlaps(mention.date.interval)  # "sinds" an earlier one
                for p in [*produced, *passing]
            )
        ):
            passing.append(mention)
    return passing


def _named_again(
    ctx: ArticleContext,
    view: SentenceView,
    ref: PassingRef,
    discourse: Discourse,
    produced: Sequence[EventMention],
) -> EventMention | None:
    """ "Over dat gesprek bracht Trump Zelensky op de hoogte", "Tijdens het gesprek
    ging het over gevangenen": the contact just reported, named again in passing with a
    demonstrative or definite article and no parties of its own."""
    named = [m for m in view.mentions if ref.start <= m.start < ref.end]
    if ref.det in ("het", "de") and _plural(ctx, view, ref):
        return None  # "bij de onderhandelingen": the process, not the contact just told
    known = antecedent(discourse.recent, ref.head, "occurred", [], ctx.lex)
    ctrig = [
        (ref.start + a, ref.start + b, k, w) for a, b, k, w in find_triggers(ref.head, ctx.lex)
    ]
    if (
        known is None
        or not ctrig
        or named
        or any(p.participants == known.participants for p in produced)
    ):
        return None
    return refer_back(ctx.article, view.sentence, known, ctrig, [], ctx.lex)


def _plural(ctx: ArticleContext, view: SentenceView, ref: PassingRef) -> bool:
    """The contact noun of a passing phrase is plural ("de gesprekken")."""
    start = view.sentence.start
    nouns = [t for t in ctx.tree.at(start + ref.start, start + ref.end) if t.pos == "NOUN"]
    return any(feature(t, "Number") == "Plur" for t in nouns if contact_type(ctx.tree, t, ctx.gram))


def _not_yet(ctx: ArticleContext, start: int, end: int) -> tuple[EventStatus, str] | None:
    """ "na een eventueel overleg met Rutte": a contact noun in passing that its
    own modifier puts ahead (`grammar.modifier_status`)."""
    for t in ctx.tree.at(start, end):
        if t.pos == "NOUN" and contact_type(ctx.tree, t, ctx.gram) is not None:
            return modifier_status(ctx.tree, t, ctx.gram)
    return None
