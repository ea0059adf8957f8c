"""Discourse: what the article has said so far, and the sentences that add to a
contact already reported.

`Discourse` keeps the topic, the last pair, the contacts reported and the time
expressions a next sentence may lean on. `refer_to_known` sends "het gesprek"
without parties of its own to the contact it refers to (`antecedent`,
`refer_back`); `follow_ups` does the same for sentences without a contact word
that travel to, confirm or join it; a contact named in passing with a date and
no parties waits for the parties of the next sentences (`pending`,
`settle_pending`); `remember` updates the state after each sentence.
"""

from __future__ import annotations

import datetime as dt
import re
from bisect import insort
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from timeline.events.dating import choose_timex, outside_saying, timex_date
from timeline.events.evidence import ANNOUNCED, Evidence, PassingRef, make_mention, redated
from timeline.events.grammar import demonstrative_alone, predicate_of_pronoun, pronoun_subject
from timeline.events.lexicon import (
    TYPE_SPECIFICITY,
    Clause,
    Lexicon,
    Trigger,
    clauses,
    decide_status,
    find_triggers,
)
from timeline.schema import (
    TOLD_AFTER,
    Article,
    EventDate,
    EventMention,
    EventStatus,
    Interval,
    TimeExpression,
    types_compatible,
)
from timeline.segment import Sentence
from timeline.timex.tense import cue_direction

if TYPE_CHECKING:
    from timeline.events.sentence import ArticleContext, SentenceView

# "het eerste telefoontje", "de tweede ontmoeting": one of several contacts of a pair
ORDINAL = re.compile(r"(?i)\b(?:het|de) (?:eerste|tweede|derde|vierde)\b")


ANAPHOR = re.compile(
    r"(?i)(?<!\w)(?:(?:het|de|dat|dit|die|deze|hun|zijn|onze|zo'n)\s+(?:\w+\s+){0,2}"
    r"(?:telefoongesprek|gesprek|ontmoeting|top|telefoontje|overleg|bezoek|bijeenkomst|brief)"
    # "of er sindsdien nog contact is geweest"; "sprak van een 'zeer productief' gesprek"
    r"|(?:nog|geen|nieuw) contact|(?:sprak|spraken|spreekt) van een [^.,;]{0,30}?gesprek)"
)


@dataclass
class Discourse:
    """What the article has mentioned so far, for pronouns and references back."""

    last_actor: str | None = None
    last_pair: tuple[str, ...] = ()
    pair_sentence: int = -99  # the sentence that set last_pair
    recent: list[EventMention] = field(default_factory=list)  # every mention so far
    # where in `recent` the reports of each pair are, reported or announced (`pair_key`):
    # the latest report of a pair is found without a walk back through the article
    places: dict[tuple[tuple[str, ...], bool], list[int]] = field(default_factory=dict)
    # a dated contact named in passing whose parties the article names later:
    # (its sentence, its contact words, its time expression)
    pending: tuple[Sentence, PassingRef, TimeExpression] | None = None
    # actors named so far, in the order they were last named (one key per actor: the
    # latest holder of an office is found without a walk through every name so far)
    named: dict[str, None] = field(default_factory=dict)
    pair_place: str | None = None  # "in Kyiv" in the sentence that set last_pair
    last_timex: TimeExpression | None = None  # of the paragraph, while nothing intervenes
    last_paragraph: int = -1
    prior_timex: tuple[int, TimeExpression] | None = None  # (sentence, its last timex)

    def add(self, mentions: Sequence[EventMention]) -> None:
        """Remember `mentions`, after all so far."""
        for m in mentions:
            self.places.setdefault(pair_key(m), []).append(len(self.recent))
            self.recent.append(m)

    def latest(self, pair: Sequence[str], announced: bool) -> EventMention | None:
        """The latest report of the contact of `pair` (as its participants are listed),
        announced or not."""
        at = self.places.get((tuple(pair), announced))
        return self.recent[at[-1]] if at else None

    def replace(self, old: EventMention, new: EventMention) -> None:
        """`new` where `old` is (each report is remembered once, its latest place first)."""
        at = self.places.get(pair_key(old), [])
        for k in range(len(at) - 1, -1, -1):
            i = at[k]
            if self.recent[i] is old:
                self.recent[i] = new
                del at[k]
                insort(self.places.setdefault(pair_key(new), []), i)
                return


def pair_key(m: EventMention) -> tuple[tuple[str, ...], bool]:
    """A report's parties, and whether it is of a contact announced (not held)."""
    return tuple(m.participants), m.status in ANNOUNCED


def antecedent(
    recent: Sequence[EventMention],
    anaphor: str,
    status: EventStatus,
    cues: Sequence[str],
    lex: Lexicon,
    past_tense: bool = False,
) -> EventMention | None:
    """The contact "het gesprek" / "die ontmoeting" refers to: the latest one of a
    compatible type, of the same kind (announced or reported) as the sentence's
    own tense when it has one ("het gesprek duurde een uur" is not the planned one)."""
    kinds = {t[2] for t in find_triggers(anaphor, lex)}
    fitting = [
        m for m in recent[-6:] if not kinds or any(types_compatible(k, m.type) for k in kinds)
    ]
    if cues:
        same = [m for m in fitting if (m.status in ANNOUNCED) == (status in ANNOUNCED)]
        fitting = same or fitting
    else:
        # "In Kyiv werd de ontmoeting in het Vaticaan als een succes gezien": in the past
        # tense the one held; never the one that did not happen
        fitting = [m for m in fitting if m.status != "cancelled"] or fitting
        if past_tense:
            fitting = [m for m in fitting if m.status not in ANNOUNCED] or fitting
    if not anaphor.lower().startswith(("dat ", "die ", "deze ", "dit ")):
        # "Het ging over zijn telefoongesprek met Poetin. Het was het eerste gesprek
        # tussen beide presidenten": "het gesprek" is the article's own contact, not
        # one named in passing; a demonstrative ("dat gesprek") may be either
        own = [m for m in fitting if not m.reference]
        fitting = own or fitting
    return fitting[-1] if fitting else None


def soft_interval(m: EventMention) -> Interval:
    """The interval a later report may tighten: a date from the article's month alone
    (no time expression) bounds a contact only from above."""
    d = m.date.interval
    if m.date.basis.startswith(("time expression", "after ")):
        return d
    return Interval(earliest=None, latest=d.latest)


def refer_back(
    article: Article,
    sentence: Sentence,
    antecedent: EventMention,
    ctrig: Sequence[Trigger],
    timexes: Sequence[TimeExpression],
    lex: Lexicon,
    joined: Sequence[str] = (),
    *,
    tighten: bool = False,
) -> EventMention | None:
    """A sentence that mentions the contact again without naming both sides.

    Its own time expression and status cues ("Het eerste telefoontje vond
    zaterdag plaats") refine what it says about the contact; a date of its own in
    the contact's clause, apart from the contact's, makes it another one (None).
    """
    status, cues, announced_before = _status_again(sentence, antecedent, lex)
    dated = _date_again(sentence, article, antecedent, ctrig, timexes, lex, status, cues, tighten)
    if dated is None:
        return None
    status, date, chosen = dated
    if announced_before:
        # the plan's own words dated it; this report adds a source, not a narrower date
        date = EventDate(
            earliest=date.earliest, latest=date.latest, basis=f"{TOLD_AFTER}: the day it took place"
        )
    dct = article.published.interval
    if (
        status == "denied"
        and antecedent.status == "occurred"
        and antecedent.date.latest is not None
        and dct.latest is not None
        and antecedent.date.latest < dct.latest
    ):
        # "Op de vraag of er sindsdien nog contact is geweest, antwoordde hij ontkennend":
        # what is denied is a contact after the one just named
        date = EventDate(
            earliest=antecedent.date.latest + dt.timedelta(days=1),
            latest=dct.latest,
            basis=f"after the contact of {antecedent.date.latest}: denied since",
        )
    own = [t[2] for t in ctrig if types_compatible(t[2], antecedent.type)]
    etype = max([antecedent.type, *own], key=lambda t: TYPE_SPECIFICITY[t])
    return antecedent.model_copy(
        update={
            "type": etype,
            "participants": sorted({*antecedent.participants, *joined}),
            "status": status,
            "date": date,
            "sentence_index": sentence.index,
            "source": antecedent.source.model_copy(
                update={
                    "quote": sentence.text,
                    "start": sentence.start,
                    "end": sentence.end,
                    "trigger": ", ".join(t[3] for t in ctrig),
                    "actors": [],
                    "timex": chosen.text
                    if chosen is not None and date is not antecedent.date
                    else None,
                    "cues": ["refers back to the previous contact", *cues],
                    "status": status,
                    "type": etype,
                    "date": date.interval,
                }
            ),
        }
    )


def _status_again(
    sentence: Sentence, antecedent: EventMention, lex: Lexicon
) -> tuple[EventStatus, list[str], bool]:
    """The status a sentence referring back gives the contact: its own cues when they
    are of the contact's kind (announced or reported), else the contact's. "Trump had
    het gesprek zaterdag aangekondigd" is the plan of the contact held (the last value)."""
    status, cues = decide_status(sentence.text, lex)
    if (
        status == "planned"
        and antecedent.status == "occurred"
        and lex.announced.search(sentence.text.lower()) is not None
    ):
        return status, [*cues, TOLD_AFTER], True
    if not cues or (status in ANNOUNCED) != (antecedent.status in ANNOUNCED):
        return antecedent.status, [], False
    return status, list(cues), False


def _date_again(
    sentence: Sentence,
    article: Article,
    antecedent: EventMention,
    ctrig: Sequence[Trigger],
    timexes: Sequence[TimeExpression],
    lex: Lexicon,
    status: EventStatus,
    cues: Sequence[str],
    tighten: bool,
) -> tuple[EventStatus, EventDate, TimeExpression | None] | None:
    """(status, date, the time expression that gave it) of a contact referred back to;
    None when the sentence dates another contact of its own."""
    dct = article.published.interval
    # "Trump had het gesprek zaterdag aangekondigd": a time expression in a clause of
    # saying or announcing dates that, not the contact
    parts = clauses(sentence.text)
    timexes = outside_saying(timexes, sentence, lex, parts)
    chosen = choose_timex(timexes, sentence.start + ctrig[0][0], status, dct) if timexes else None
    date = antecedent.date
    ante = antecedent.date.interval
    trigger_clause = next((c for c in parts if c.start <= ctrig[0][0] < c.end), None)
    own_clause = (
        chosen is not None
        and trigger_clause is not None
        and trigger_clause.start <= chosen.start - sentence.start < trigger_clause.end
    )
    ordinal = bool(ORDINAL.search(sentence.text))
    named_day = [
        t
        for t in timexes
        if t.interval.width() == 1
        and ante.contains(t.interval)
        and t.latest is not None
        and dct.earliest is not None
        and t.latest < dct.earliest
    ]
    # a report dated only by tense takes a day its refer-back names, if recent: the
    # contact's day, not a plan's or a cancellation's
    tense_only = (
        antecedent.status not in ANNOUNCED
        # dated by tense, or only up to a bound ("onlangs", "recent")
        and (
            antecedent.date.earliest is None
            or antecedent.approximate
            or not antecedent.date.basis.startswith(("time expression", "after "))
        )
        and bool(named_day)
        and dct.earliest is not None
        and named_day[0].earliest is not None
        and (dct.earliest - named_day[0].earliest).days <= 120
    )
    if (antecedent.status == "denied" or tense_only) and named_day and not cues:
        # "Peskov verwees naar het telefoongesprek van 16 oktober": the last contact
        # before the one denied, held on its day (not "vandaag", when he said it); a
        # contact on a day the text names is a fact, whatever the claim around it
        chosen = named_day[0]
        return "occurred", timex_date(chosen), chosen
    if chosen is not None and not chosen.interval.overlaps(ante) and own_clause:
        if not ordinal:
            # "De enige ontmoeting tussen de twee vond plaats in december 2019": dated
            # apart from the contact just reported, so not that one
            return None
        # "Gisteren spraken ze elkaar voor de tweede keer. Het eerste telefoontje vond
        # zaterdag plaats.": a date of its own makes it another contact of the pair
        return status, timex_date(chosen), chosen
    if (
        chosen is not None
        and (bool(cues) or tighten)  # "Het eerste telefoontje vond zaterdag plaats"
        and (soft := soft_interval(antecedent)).contains(chosen.interval)
        and (chosen.interval.width() or 10**6) < (soft.width() or 10**6)
    ):
        date = timex_date(chosen)  # a tighter date for the same contact
    return status, date, chosen


def pending_ref(
    sentence: Sentence, refs: Sequence[PassingRef], stimex: Sequence[TimeExpression]
) -> tuple[Sentence, PassingRef, TimeExpression] | None:
    """ "Europese leiders hebben na de onderhandelingen in Berlijn, half december, een
    verklaring gepresenteerd": a contact named in passing with a date right after it
    and nobody named; the parties may follow in the next sentences."""
    for ref in refs:
        for t in stimex:
            at = t.start - sentence.start
            gap = sentence.text[ref.end : at]
            inside = ref.start <= at < ref.end
            if inside or (0 <= at - ref.end <= 30 and re.fullmatch(r"[\w\s,]*", gap)):
                return sentence, ref, t
    return None


def settle_pending(
    article: Article,
    sentence: Sentence,
    produced: list[EventMention],
    discourse: Discourse,
    lex: Lexicon,
) -> list[EventMention]:
    """The first contact reported within three sentences of a pending one, of a fitting
    type and dated by tense alone, is that contact ("De verklaring volgde op gesprekken
    tussen Zelensky en Witkoff"): it takes the date, and the first sentence becomes a
    source of it."""
    assert discourse.pending is not None
    first, ref, timex = discourse.pending
    if sentence.index - first.index > 3:
        discourse.pending = None
        return produced
    dct = article.published.interval
    ctrig = find_triggers(ref.head, lex)
    for i, m in enumerate(produced):
        fits = (
            not m.reference
            and m.status in ("occurred", "claimed")
            and not m.date.basis.startswith(("time expression", "after "))
            and ctrig
            and any(types_compatible(t[2], m.type) for t in ctrig)
            and timex.latest is not None
            and dct.latest is not None
            and timex.latest <= dct.latest
            and (m.date.latest is None or timex.earliest is None or timex.earliest <= m.date.latest)
        )
        if not fits:
            continue
        discourse.pending = None
        date = timex_date(timex)
        dated = redated(m, date, timex.text)
        cue = f"the contact named in sentence {first.index + 1}"
        dated = dated.model_copy(
            update={"source": dated.source.model_copy(update={"cues": [*m.source.cues, cue]})}
        )
        shifted = [(ref.start + a, ref.start + b, k, w) for a, b, k, w in ctrig]
        evidence = Evidence(
            shifted, [], timex, [f"named in passing: {first.text[ref.start : ref.end]!r}"]
        )
        named = make_mention(
            article, first, m.type, m.participants, m.status, date, evidence, reference=True
        )
        return [named, *produced[:i], dated, *produced[i + 1 :]]
    return produced


def widen(discourse: Discourse, antecedent: EventMention, again: EventMention) -> None:
    """Leaders who join a contact ("Ook deelname van Trump en Erdogan aan zo'n top zou
    waardevol zijn") took part in it as the article first reported it: that report
    gets them too, so both sentences are sources of one contact."""
    if not set(again.participants) > set(antecedent.participants):
        return
    discourse.replace(
        antecedent, antecedent.model_copy(update={"participants": again.participants})
    )


def refer_to_known(
    ctx: ArticleContext,
    view: SentenceView,
    clause: Clause,
    ctrig: Sequence[Trigger],
    ids: list[str],
    status: EventStatus,
    cues: Sequence[str],
    discourse: Discourse,
    produced: Sequence[EventMention],
) -> list[str] | EventMention | None:
    """A contact word without two parties of its own (or "het gesprek" whose parties
    come only from a group word) refers back: the report of the contact it refers to
    (an `EventMention`), else the parties the clause does name when it is a contact of
    its own ("De enige ontmoeting tussen de twee vond plaats in 2019"), else None."""
    text, lex = view.text, ctx.lex
    # "Het bezoek volgt op spanningen tussen beide presidenten": a definite contact
    # noun whose parties come only from a group word refers back
    definite = any(a.start() <= t[0] < a.end() for a in ANAPHOR.finditer(text) for t in ctrig)
    named = [
        m
        for m in view.mentions
        if m.kind in ("name", "descriptor") and clause.start <= m.start < clause.end
    ]
    group_ids = ids
    words_at = ctx.tree.at(view.sentence.start + ctrig[0][0], view.sentence.start + ctrig[-1][1])
    # "Het was een positief gesprek": the predicate of a pronoun, the contact just told
    told = predicate_of_pronoun(ctx.tree, words_at)
    # "In dat overleg kregen Rutte en Tusk elk hun zin": a demonstrative noun with no
    # party of its own is the contact just told, whoever else the clause names
    shown = demonstrative_alone(ctx.tree, words_at, ctx.gram)
    if (((definite or told) and not named) or shown) and discourse.recent:
        ids = []
    joins = bool(lex.joined.search(text.lower())) and any(
        not any(a <= x.start() < b for a, b in view.excluded) for x in ANAPHOR.finditer(text)
    )
    if len(ids) >= 2 and set(ids) & ctx.focus and not (joins and discourse.recent):
        return ids
    anaphor = ANAPHOR.search(text)
    # "het eerste bezoek van een Russische functionaris": a contact with agents of its
    # own, not the one just reported
    own_agent = anaphor is not None and re.match(
        r"\s+(?:van|tussen|met) (?:een|geen)\b", text[anaphor.end() :]
    )
    words = anaphor.group() if anaphor is not None else ctrig[0][3] if told else None
    known = (
        antecedent(
            discourse.recent,
            words,
            status,
            cues,
            lex,
            any(cue_direction(w) == "past" for w in re.findall(r"\w+", text)),
        )
        if words and not own_agent
        else None
    )
    if known is not None and not produced:
        # "Bij dat gesprek waren ook Macron en Merz aangesloten": named leaders in a
        # sentence about the same contact join it
        joined = ids if joins or lex.joined.search(text.lower()) else []
        again = refer_back(ctx.article, view.sentence, known, ctrig, view.timexes, lex, joined)
        if again is not None:
            widen(discourse, known, again)
            return again
    if produced or len(group_ids) < 2 or not set(group_ids) & ctx.focus:
        return None
    # dated apart from the contact just reported: another contact of the pair
    return group_ids if view.timexes or known is None else None


def follow_ups(
    ctx: ArticleContext,
    view: SentenceView,
    discourse: Discourse,
    produced: list[EventMention],
) -> list[EventMention]:
    """`produced` and the reports of sentences without a contact of their own that
    add to one just reported: a trip to it, a confirmation of it, others joining it."""
    text, lex, sentence = view.text, ctx.lex, view.sentence
    low = text.lower()
    produced = list(produced)
    travel = lex.travel.search(low)
    if travel is not None and not produced and discourse.recent:
        target = _trip_to(ctx, view, discourse)
        if target is not None:
            # "Witkoff reisde vorige week dinsdag naar de Russische hoofdstad": the trip
            # to a meeting just reported, by one who took part in it
            cue = [(travel.start(), travel.end(), target.type, travel.group())]
            again = refer_back(ctx.article, sentence, target, cue, view.timexes, lex, tighten=True)
            if again is not None:
                produced.append(again)
    confirm = lex.confirms.search(low)
    if not view.triggers and confirm and discourse.recent:
        last = discourse.recent[-1]
        if sentence.index - last.sentence_index <= 1:
            # "Dat heeft Kremlin-woordvoerder Peskov vandaag bevestigd."
            cue = [(confirm.start(), confirm.end(), last.type, confirm.group())]
            if (again := refer_back(ctx.article, sentence, last, cue, [], lex)) is not None:
                produced.append(again)
    joined = next(
        ((hit, kind) for kind, pattern in lex.joined_after if (hit := pattern.search(low))),
        None,
    )
    if not view.triggers and discourse.recent and joined and not produced:
        hit, kind = joined
        joiners = sorted(
            {
                a
                for m in view.mentions
                if m.kind in ("name", "descriptor")
                for a in m.actors
                if a not in lex.reporters and a not in lex.focus
            }
        )
        fitting = next(
            (
                m
                for m in reversed(discourse.recent)  # the latest: no scan of the whole article
                if kind == "any" or types_compatible(m.type, kind)
            ),
            None,
        )
        last = fitting if fitting is not None else discourse.recent[-1]
        if joiners and fitting is not None and sentence.index - last.sentence_index <= 5:
            # "Daarna schoven Macron, Merz en Starmer aan."
            cue = [(hit.start(), hit.end(), last.type, hit.group())]
            again = refer_back(ctx.article, sentence, last, cue, [], lex, joiners)
            if again is not None:
                produced.append(again)
                widen(discourse, last, again)
    return produced


def _trip_to(ctx: ArticleContext, view: SentenceView, discourse: Discourse) -> EventMention | None:
    """The meeting a trip in the sentence goes to: a recent one of a traveller's, held
    when the trip lies behind, planned when it lies ahead."""
    travellers = {
        a
        for m in view.mentions
        if m.kind in ("name", "descriptor", "pronoun")
        for a in (m.actors or ((discourse.last_actor,) if discourse.last_actor else ()))
    }
    dct = ctx.dct
    ahead = any(
        t.earliest is not None and dct.latest is not None and t.earliest > dct.latest
        for t in view.timexes
    )
    behind = any(
        t.latest is not None and dct.earliest is not None and t.latest < dct.earliest
        for t in view.timexes
    )
    meetings = [
        m
        for m in discourse.recent[-6:]
        if types_compatible(m.type, "meeting")
        and not m.reference
        and travellers & set(m.participants)
        and not (ahead and m.status not in ANNOUNCED)
        and not (behind and m.status in ANNOUNCED)
    ]
    if not meetings:
        return None
    return min(reversed(meetings), key=lambda m: len(m.participants))


def remember(
    ctx: ArticleContext, view: SentenceView, discourse: Discourse, produced: list[EventMention]
) -> None:
    """After a sentence: its mentions, its last time expression, its topic and pair."""
    sentence, lex = view.sentence, ctx.lex
    if view.timexes:
        discourse.last_timex, discourse.last_paragraph = view.timexes[-1], sentence.paragraph
        discourse.prior_timex = (sentence.index, view.timexes[-1])
    elif produced:
        discourse.last_timex = None
    discourse.add(produced)
    named = [a for m in view.mentions if m.kind in ("name", "descriptor") for a in m.actors]
    named = [a for a in named if a not in lex.reporters]
    for a in (a for m in view.mentions if m.kind == "name" for a in m.actors):
        discourse.named.pop(a, None)
        discourse.named[a] = None  # named last
    if named and not pronoun_subject(ctx.tree, sentence.start, sentence.end):
        # the sentence's first-named actor is its topic, unless its subject is a
        # pronoun: "Hij zegt ... Poetin ...": the topic stays who "hij" was
        discourse.last_actor = named[0]
    pair = sorted({a for m in produced for a in m.participants}) or sorted(set(named))
    if len(pair) >= 2:
        discourse.last_pair = tuple(pair)
        discourse.pair_sentence = sentence.index
        # "Dat voorstel werd gisteren in Kyiv gedaan door Zelensky, Macron, ...": where
        # the group was, for "tijdens hun overleg" in the sentences after
        place = re.search(r"\bin ([A-Z][\w-]+)", view.text)
        discourse.pair_place = (
            place.group(1) if place and place.group(1) not in lex.refine["not_venues"] else None
        )


def earlier_calls(mentions: list[EventMention]) -> list[EventMention]:
    """ "Zelensky heeft gisteren opnieuw met Trump gebeld. De twee hadden vrijdag al met
    elkaar gesproken": a call made again makes the pair's earlier talks in the same
    article a call too (the medium is given once, for both)."""
    # the latest start of a call made again, per pair: one look-up per mention, not a
    # scan of all calls made again
    again: dict[tuple[str, ...], dt.date] = {}
    for m in mentions:
        if (
            m.type == "call"
            and m.date.earliest is not None
            and any(c.startswith("again:") for c in m.source.cues)
        ):
            pair = tuple(m.participants)
            again[pair] = max(m.date.earliest, again.get(pair, m.date.earliest))
    out = []
    for x in mentions:
        start = again.get(tuple(x.participants))
        earlier = x.date.latest is not None and start is not None and x.date.latest < start
        if x.type == "talks" and earlier and x.status in ("occurred", "claimed"):
            x = x.model_copy(
                update={
                    "type": "call",
                    "source": x.source.model_copy(
                        update={
                            "type": "call",
                            "cues": [*x.source.cues, "before the call made again: a call"],
                        }
                    ),
                }
            )
        out.append(x)
    return out
