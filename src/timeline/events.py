"""Stage 4, the event builder: sentences with a contact word → `EventMention`s.

For each sentence: find contact triggers (`lang/nl/triggers.toml`), split the
sentence into clauses, take the participants of each triggering clause from the
actor mentions (names, dated descriptors, pronouns and "de twee" resolved
against the discourse), the status from factuality cues
(`lang/nl/status_cues.toml`), and the date from the time expression of the
clause, else from the article date and tense. A sentence that only refers back
("het gesprek duurde een uur") becomes another source of the contact it refers to.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cache

from timeline.actors import ActorBase
from timeline.contact_dates import (
    RELATIVE_RULES,
    choose_timex,
    coordinated_dates,
    inside_since,
    said_on,
    tense_date,
    timex_date,
)
from timeline.contact_words import (
    TYPE_SPECIFICITY,
    Clause,
    Lexicon,
    clauses,
    decide_status,
    find_triggers,
    lexicon,
    refine_type,
)
from timeline.grammar import (
    contact_words,
    governed_status,
    grammar,
    out_of_scope,
    passing_contacts,
    pronoun_subject,
    relative_antecedent,
    told_ahead,
)
from timeline.loader import find_dateline
from timeline.mentions import ActorMention, mention_matcher
from timeline.resources import load_toml
from timeline.schema import (
    TOLD_AFTER,
    Article,
    Entity,
    EventDate,
    EventMention,
    EventStatus,
    EventType,
    Interval,
    Source,
    TimeExpression,
    Token,
    types_compatible,
)
from timeline.segment import Sentence
from timeline.syntax import Tree
from timeline.timex.tense import cue_direction

_ANNOUNCED = frozenset({"planned", "proposed", "cancelled"})
# "het eerste telefoontje", "de tweede ontmoeting": one of several contacts of a pair
_ORDINAL = re.compile(r"(?i)\b(?:het|de) (?:eerste|tweede|derde|vierde)\b")


# "na het gesprek met Poetin": a reference to another contact inside the clause
_PP_EVENT = re.compile(
    r"(?i)(?<!\w)(?:kort |vlak )?(?P<prep>na|sinds|over|tijdens|voor|voordat|uit|bij)\s+"
    # "een" only after "na", "tijdens", "sinds" ("tijdens een bezoek aan Denemarken"):
    # "een voorstel voor een ontmoeting tussen Zelensky en Poetin" is the contact itself
    r"(?P<det>het|de|(?:(?<=na )|(?<=tijdens )|(?<=sinds ))een|zijn|hun|dat|diens|die|deze|dit)\s+"
    # up to four words before the noun ("de uit de hand gelopen bijeenkomst"), but not
    # over another phrase ("voor de gastvrijheid | tijdens hun ontmoeting")
    r"(?:(?!(?:na|sinds|over|tijdens|voor|bij|met|hun|zijn)\s)\w+\s+){0,4}?"
    r"(?:telefoon)?(?:gesprek|ontmoeting|top|overleg|bezoek|onderhandeling|bijeenkomst|ruzie)\w*"
    r"(?:\s+(?:met|tussen|van|aan)\s+|\b)"
)
# what may follow the head of such a phrase and still belong to it:
# "na het gesprek met Poetin en Zelensky van gisteren in Alaska"
_PP_GLUE = re.compile(
    r"\s*(?:,\s*)?(?:(?:met|van|tussen|en|in|bij|op|de|het|zijn|diens)\s+)*"
    r"(?:[A-Z][a-zë]+(?:se|sche)\s+)?(?:(?:president|premier|bondskanselier|leider|gezant)\s+)?"
)
# "het derde bekende telefoongesprek ... na de gesprekken van februari en maart"
_COUNTED = re.compile(r"(?i)\b(?:de|het|hun) (?:eerste|tweede|derde|vierde|vijfde)\b")
_GLUE_WORD = re.compile(r"(?<!\w)\w")  # where a word of the glue begins
_ANAPHOR = re.compile(
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
    recent: list[EventMention] = field(default_factory=list)
    # a dated contact named in passing whose parties the article names later:
    # (its sentence, its contact words, its time expression)
    pending: tuple[Sentence, PassingRef, TimeExpression] | None = None
    named: list[str] = field(default_factory=list)  # actors named so far, in order
    pair_place: str | None = None  # "in Kyiv" in the sentence that set last_pair


def _participants(
    mentions: Sequence[ActorMention],
    clause: Clause,
    sentence_mentions: Sequence[ActorMention],
    discourse: Discourse,
    lex: Lexicon,
    excluded: Sequence[tuple[int, int]] = (),
    delegations: bool = False,
    sentence_text: str = "",
    sentence_index: int = 0,
) -> tuple[list[str], list[str]]:
    """Actor ids taking part in the clause's contact, and the words that named them."""
    ids: list[str] = []
    words: list[str] = []

    def clause_text_before(m: ActorMention) -> str:
        return sentence_text[max(0, m.start - 40) : m.start].lower()

    def add(actor: str, word: str) -> None:
        if actor in lex.reporters:
            return
        if actor not in ids:
            ids.append(actor)
        if word not in words:
            words.append(word)

    inside = [
        m
        for m in mentions
        if clause.start <= m.start < clause.end and not any(a <= m.start < b for a, b in excluded)
    ]
    for m in inside:
        if m.kind in ("name", "descriptor"):
            before = clause_text_before(m)
            if lex.senders.match(sentence_text[m.end : m.end + 40].lower()):
                continue  # "Trump stuurt zijn gezant naar Moskou": the envoy goes
            for a in m.actors:
                if lex.dependent.search(before) or (
                    a not in lex.focus and lex.bystander.search(before)
                ):
                    continue  # "de schoonzoon van Trump", "de uitvaart van paus Franciscus"
                add(a, m.text)
    named_before = [
        a
        for m in sentence_mentions
        if m.start < clause.start
        and m.kind == "name"
        and not any(a <= m.start < b for a, b in excluded)
        for a in m.actors
    ]
    # "een ontmoeting tussen Poetin en Zelensky": the parties are named; a pronoun
    # there is the one who speaks of it or prepares it
    between = len(ids) >= 2 and " tussen " in clause.text
    for m in inside:
        if m.kind == "pronoun" and (
            between or _after_reporting_verb(sentence_text[: m.start], lex)
        ):
            continue  # "voegde hij eraan toe", "zei hij": the speaker
        if m.kind == "pronoun" and m.text.lower() in ("hij", "hem", "zelf"):
            candidates = [a for a in reversed(named_before) if a not in ids]
            if candidates:
                add(candidates[0], m.text)
            elif discourse.last_actor and discourse.last_actor not in ids:
                add(discourse.last_actor, m.text)
        elif (
            m.kind == "group"
            and len(ids) < 2
            and not delegations
            and sentence_index - discourse.pair_sentence <= lex.group_reach(m.text)
        ):
            for a in discourse.last_pair:
                add(a, m.text)
    reported = clause.text.lower().startswith("dat ") and bool(
        lex.reporting.search(sentence_text[: clause.start].lower())
    )
    if (
        len(ids) == 1
        and ids[0] in discourse.last_pair
        and len(discourse.last_pair) == 2
        and lex.counterparts.search(clause.text.lower())
    ):
        # "Poetin nodigde zijn gastheer uit": the other side of the pair
        other = next(a for a in discourse.last_pair if a != ids[0])
        add(other, lex.counterparts.search(clause.text.lower()).group())  # type: ignore[union-attr]
    if len(ids) == 1 and not delegations and not reported:
        # the subject of the sentence, when the clause is its complement; not
        # the speaker of "Trump zei dat zijn onderhandelaars Poetin spraken"
        before = [
            m
            for m in sentence_mentions
            if m.start < clause.start
            and m.kind == "name"
            and not any(a <= m.start < b for a, b in excluded)
        ]
        for i, m in enumerate(before):
            if any(a not in ids for a in m.actors):
                # ... with whoever is named with it ("Witkoff en Kushner, de schoonzoon
                # van Trump, hebben met Poetin gesproken")
                group = [m]
                for nxt in before[i + 1 :]:
                    if sentence_text[group[-1].end : nxt.start] != " en ":
                        break
                    group.append(nxt)
                for g in group:
                    for a in g.actors:
                        add(a, g.text)
                break
    return ids, words


@dataclass(frozen=True)
class Evidence:
    """What made a mention: its contact words, the words naming the parties, the
    time expression that dated it and the cues that set its status."""

    triggers: Sequence[tuple[int, int, EventType, str]]
    actors: Sequence[str]
    timex: TimeExpression | None
    cues: Sequence[str]


def _mention(
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


def _past_in_own_clause(
    clause: Clause,
    cues: Sequence[str],
    timexes: Sequence[TimeExpression],
    sentence: Sentence,
    dct: Interval,
    lex: Lexicon | None = None,
) -> bool:
    """The clause has none of the sentence's cues and a time expression wholly in the
    past, not in a part about saying something ("…, zei Poetin woensdag")."""
    low = clause.text.lower()
    if any(c in low for c in cues):
        return False
    said = [
        p
        for p in clauses(sentence.text)
        if lex is not None and lex.reporting.search(p.text.lower())
    ]
    return any(
        clause.start <= t.start - sentence.start < clause.end
        and not any(p.start <= t.start - sentence.start < p.end for p in said)
        and t.latest is not None
        and dct.earliest is not None
        and t.latest < dct.earliest
        for t in timexes
    )


def _after_passing(
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


def _after_reporting_verb(before: str, lex: Lexicon) -> bool:
    """ "voegde hij eraan toe", "zei hij": the pronoun right after a verb of saying."""
    words = before.split()
    return bool(words) and lex.reporting.fullmatch(words[-1].lower().strip(",\"'")) is not None


def _host(text: str, lex: Lexicon, kb: ActorBase, day: dt.date | None) -> tuple[str, str] | None:
    """ "bij zijn bezoek aan het Witte Huis": the host the place stands for, and its words."""
    pattern, venues = lex.host_venues
    m = pattern.search(text)
    if m is None:
        return None
    holders = kb.descriptor_holders(venues[m.group("venue")], day)
    return (holders[0], m.group("venue")) if len(holders) == 1 else None


def _in_setting(text: str, ctrig: Sequence[tuple[int, int, EventType, str]], lex: Lexicon) -> bool:
    """The trigger is in a phrase like "in een telefoongesprek met" after a perfect or
    past verb ("heeft toegezegd in een telefoongesprek")."""
    low = text.lower()
    occurred = dict(lex.cues)["occurred"]
    for m in lex.setting.finditer(low):
        if any(m.start() <= t[0] < m.end() for t in ctrig) and occurred.search(low[: m.start()]):
            return True
    return False


def _carried_date(
    text: str, status: EventStatus, discourse: Discourse, lex: Lexicon, dct: Interval
) -> EventDate | None:
    """The day of the contact just reported, for a sentence that opens with
    "Aansluitend" or "Direct daarna" and has no time expression of its own."""
    low = text.lower()
    same_day = lex.carry_contact.match(low) is not None
    after = lex.carry_after.search(low) is not None
    # the last contact reported as such (not one named in passing), of the same kind:
    # "na afloop" of the summit held, not of the follow-up it proposed
    own = [
        m
        for m in discourse.recent
        if not m.reference and (m.status in _ANNOUNCED) == (status in _ANNOUNCED)
    ]
    if not own or not (same_day or after):
        return None
    last = own[-1]
    if not last.date.basis.startswith("time expression"):
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
    if status not in _ANNOUNCED and last.date.latest is not None:
        latest = last.date.latest + dt.timedelta(days=1)
        if dct.latest is not None:
            latest = min(latest, dct.latest)
    return EventDate(
        earliest=last.date.earliest,
        latest=latest,
        basis=f"after the contact dated by {last.date.basis}",
    )


_PLACE_BEFORE = re.compile(
    r"\b(?:in|op|naar|bij|te)\s+(?:het\s+|de\s+)?(?:\w+e\s+(?:hoofdstad|stad)\s+)?$"
)
_CAPITAL = re.compile(r"\b(?:in|naar) de (\w+) hoofdstad\b")


def _location(entities: Sequence[Entity], sentence: Sentence, text: str) -> str | None:
    """Where a meeting was held: a place after "in", "op", "naar", "bij" or "te"
    ("in de Hongaarse hoofdstad Boedapest"), else a capital named by its country
    ("in de Duitse hoofdstad", `places.toml` `[capitals]`)."""
    for e in entities:
        if e.label == "LOC" and sentence.start <= e.start < sentence.end:
            before = text[max(sentence.start, e.start - 40) : e.start].lower()
            if _PLACE_BEFORE.search(before):
                return e.text
    capital = _CAPITAL.search(sentence.text)
    if capital is not None:
        return _capitals().get(capital.group(1))
    return None


@cache
def _capitals() -> dict[str, str]:
    return dict(load_toml("places.toml").get("capitals", {}))


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
    lex = lexicon()
    gram = grammar()
    tree = Tree(tokens)
    matcher = mention_matcher(kb)
    focus = focus if focus is not None else kb.focus_ids
    dct = article.published.interval
    day = dct.latest
    discourse = Discourse()
    out: list[EventMention] = []
    last_timex: TimeExpression | None = None
    last_paragraph = -1
    prior_timex: tuple[int, TimeExpression] | None = None  # (sentence, its last timex)
    for sentence in sentences:
        if sentence.heading:
            continue
        text = sentence.text
        smentions = _with_bare_roles(matcher.find(text, day), text, discourse, lex, kb)
        stimex = [t for t in timexes if sentence.start <= t.start < sentence.end]
        venues = [(m.start("venue"), m.end("venue")) for m in lex.host_venues[0].finditer(text)]
        # places run on the phrase too: "tijdens hun ontmoeting in Alaska, eerder deze maand"
        places = [
            (e.start - sentence.start, e.end - sentence.start)
            for e in entities
            if e.label == "LOC" and sentence.start <= e.start < sentence.end
        ]
        refs = _passing_refs(
            text,
            smentions,
            [(t.start - sentence.start, t.end - sentence.start) for t in stimex] + venues + places,
        )
        no_contact = [m.span() for m in lex.exclude.finditer(text.lower())]  # "sprak van"
        refs += [
            PassingRef(*found)
            for found in passing_contacts(tree, sentence.start, sentence.end, gram)
            if not any(r.start < found[1] and found[0] < r.end for r in refs)
            and any(found[0] <= m.start < found[1] for m in smentions)
            and not any(a <= found[0] <= b for a, b in no_contact)
        ]
        excluded = [(r.start, r.end) for r in refs]
        # the sentence without the contacts named in passing, for the type ("na het
        # overleg in het Witte Huis" makes nothing else a meeting); once per sentence
        own_text = text
        for a, b in excluded:
            own_text = own_text[:a] + " " * (b - a) + own_text[b:]
        by_lemma = contact_words(tree, sentence.start, sentence.end, gram)
        triggers = [
            t
            for t in find_triggers(text, lex, by_lemma)
            if not any(a <= t[0] < b for a, b in excluded)
        ]
        delegations = bool(lex.delegations.search(text.lower()))
        # a time expression inside "na het gesprek van gisteren" dates that contact only
        own_timex = [
            t for t in stimex if not any(a < t.start - sentence.start < b for a, b in excluded)
        ]
        produced: list[EventMention] = []
        borrowed_in: dict[int, bool] = {}
        previous_timex = last_timex if sentence.paragraph == last_paragraph else None
        parts = clauses(text)
        for ci, clause in enumerate(parts):
            ctrig = [t for t in triggers if clause.start <= t[0] < clause.end]
            if not ctrig:
                continue
            borrowed = False
            # a clause that names fewer than two parties borrows its neighbours'
            # ("het telefoongesprek | dat Trump gisteren met Poetin voerde")
            # ... but a reported clause does not borrow its speaker ("Trump zei | dat
            # zijn onderhandelaars Poetin spraken")
            reported = (
                ci > 0
                and clause.text.lower().startswith("dat ")
                and bool(lex.reporting.search(parts[ci - 1].text.lower()))
            )
            spans: list[tuple[int | None, int]] = [
                (ci, ci),
                (ci - 1, ci),
                (ci, ci + 1),
                (ci - 1, ci + 1),
            ]
            relative = (
                ci + 1 < len(parts)
                and parts[ci + 1].text.lower().startswith(("die ", "dat ", "waar"))
                and not text[ctrig[-1][1] : clause.end].strip()
            )
            if relative:
                # "op de gesprekken | die Witkoff en Kushner met Zelensky voerden": the
                # relative clause names the parties, not the clause it hangs from
                spans.insert(1, (None, ci + 1))
            coordinated = ci > 0 and clause.text.lower().startswith("en ")
            antecedent_of = relative_antecedent(
                tree, sentence.start + clause.start, sentence.start + clause.end
            )
            named_by_rel = [
                ActorMention(clause.start, clause.start, m.text, m.kind, m.actors)
                for m in smentions
                if antecedent_of is not None
                and m.kind in ("name", "descriptor")
                and m.start <= antecedent_of - sentence.start < m.end
                # only when the clause names the other side itself
                and any(
                    clause.start <= x.start < clause.end and x.kind in ("name", "descriptor")
                    for x in smentions
                )
            ]
            for lo, hi in spans:
                if lo is None:
                    first = ctrig[-1][0]
                    span = Clause(first, parts[hi].end, text[first : parts[hi].end])
                    lo = hi
                else:
                    lo, hi = max(lo, ci if reported else 0), min(hi, len(parts) - 1)
                    span = Clause(
                        parts[lo].start, parts[hi].end, text[parts[lo].start : parts[hi].end]
                    )
                # "met Macron, | die later Poetin belde": the relative pronoun is the noun
                # it hangs from, the clause's own subject
                pool = [*named_by_rel, *smentions] if (lo, hi) == (ci, ci) else smentions
                if coordinated and lo < ci:
                    # "Hij verwacht een gesprek met Zelensky | en wil ook met Poetin
                    # spreken": the clauses share their subject, nothing else
                    subject = [m for m in smentions if parts[lo].start <= m.start < parts[ci].start]
                    pool = [
                        *subject[:1],
                        *(m for m in smentions if m.start >= parts[ci].start),
                    ]
                ids, words = _participants(
                    pool,
                    span,
                    smentions,
                    discourse,
                    lex,
                    excluded,
                    delegations,
                    text,
                    sentence.index,
                )
                if len(ids) >= 2:
                    borrowed = (lo, hi) != (ci, ci)
                    clause = span
                    break
            # "Trump belde Poetin vanuit het Witte Huis, | waar hij overleg voerde met
            # Zelensky": a clause at the place just named has its own type
            before = [t for t in triggers if t[1] <= ctrig[0][0]]
            where = re.search(r",\s+waar\s", text[before[-1][1] : ctrig[0][0]]) if before else None
            etype = refine_type(
                [t[2] for t in ctrig],
                text[before[-1][1] + where.start() : clause.end] if before and where else own_text,
                lex,
                [t[3] for t in ctrig],
            )
            if len(ids) == 1 and etype == "meeting" and not delegations:
                host = _host(clause.text, lex, kb, day)
                if host is not None and host[0] not in ids:
                    ids, words = [*ids, host[0]], [*words, host[1]]  # "bezoek aan het Witte Huis"
            status, cues = decide_status(text, lex)
            trigger_words = tree.at(sentence.start + ctrig[0][0], sentence.start + ctrig[-1][1])
            governed = governed_status(tree, trigger_words, gram)
            if governed is not None and (
                status in ("occurred", "planned") or governed[0] in ("cancelled", "denied")
            ):
                # the contact word's own phrase outranks the sentence's tense and plans;
                # a condition or a claim over the whole sentence still embeds it
                status, cues = governed
            if status in ("planned", "proposed") and _in_setting(text, ctrig, lex):
                # "Dat heeft Poetin toegezegd in een telefoongesprek met Trump": what was
                # promised lies ahead, the call in which it was promised took place
                status, cues = "occurred", [f"setting of what was said: {ctrig[0][3]!r}"]
            if status in ("planned", "proposed") and _past_in_own_clause(
                clause, cues, own_timex, sentence, dct, lex
            ):
                # "Zelensky, die gisteren door Trump werd bijgepraat, zei dat Oekraïne niet
                # akkoord gaat": the cue is another clause's; this one is dated in the past
                status, cues = "occurred", ["a past date in its own clause"]
            if status not in ("denied", "claimed") and lex.negation.search(text.lower()):
                continue  # "hebben elkaar nooit meer gesproken": no contact to report
            if out_of_scope(tree, trigger_words, gram):
                continue  # "ze spreken elkaar regelmatig": no single contact
            # "Het bezoek volgt op spanningen tussen beide presidenten": a definite
            # contact noun whose parties come only from a group word refers back
            definite = any(
                a.start() <= t[0] < a.end() for a in _ANAPHOR.finditer(text) for t in ctrig
            )
            named = [
                m
                for m in smentions
                if m.kind in ("name", "descriptor") and clause.start <= m.start < clause.end
            ]
            group_ids = ids
            if definite and not named and discourse.recent:
                ids = []
            joins = bool(lex.joined.search(text.lower())) and any(
                not any(a <= x.start() < b for a, b in excluded) for x in _ANAPHOR.finditer(text)
            )
            if len(ids) < 2 or not (set(ids) & focus) or (joins and discourse.recent):
                anaphor = _ANAPHOR.search(text)
                # "het eerste bezoek van een Russische functionaris": a contact with
                # agents of its own, not the one just reported
                own_agent = anaphor is not None and re.match(
                    r"\s+(?:van|tussen|met) (?:een|geen)\b", text[anaphor.end() :]
                )
                antecedent = (
                    _antecedent(
                        discourse.recent,
                        anaphor.group(),
                        status,
                        cues,
                        lex,
                        any(cue_direction(w) == "past" for w in re.findall(r"\w+", text)),
                    )
                    if anaphor and not own_agent
                    else None
                )
                if antecedent is not None and not produced:
                    # "Bij dat gesprek waren ook Macron en Merz aangesloten": named
                    # leaders in a sentence about the same contact join it
                    joined = ids if joins or lex.joined.search(text.lower()) else []
                    again = _refer_back(article, sentence, antecedent, ctrig, stimex, lex, joined)
                    if again is not None:
                        produced.append(again)
                        _widen(out, discourse, antecedent, again)
                        continue
                if not (
                    not produced
                    and len(group_ids) >= 2
                    and set(group_ids) & focus
                    and (stimex or antecedent is None)
                ):
                    continue
                # "De enige ontmoeting tussen de twee vond plaats in december 2019": dated
                # apart from the contact just reported, another contact of the pair
                ids = group_ids
            ctimex = [t for t in own_timex if clause.start <= t.start - sentence.start < clause.end]
            if not ctimex:
                # a time expression elsewhere in the sentence dates the contact,
                # unless its clause is about saying or publishing something
                ctimex = [
                    t
                    for t in own_timex
                    if not any(
                        c.start <= t.start - sentence.start < c.end
                        and lex.reporting.search(c.text.lower())
                        for c in parts
                    )
                ]
            if (
                not ctimex
                and previous_timex is not None
                and status == "occurred"
                and (previous_timex.interval.width() or 10**6) <= 31
                and not lex.carry_after.search(text.lower())  # "na afloop": see below
            ):
                ctimex = [previous_timex]  # "Begin februari 2022 reisde Macron ... Daar sprak hij"
            if (
                not ctimex
                and prior_timex is not None
                and prior_timex[0] == sentence.index - 1
                and lex.carry_timex.match(text.lower())
            ):
                ctimex = [prior_timex[1]]  # "reist volgende week naar Kyiv. Daar wil hij ..."
            # "sinds Trump bijna drie weken geleden aantrad": the start of a
            # period the contact is measured against, not its date
            since = [
                t
                for t in ctimex
                if status != "denied" and inside_since(t, ctrig, sentence, article.text)
            ]
            ctimex = [t for t in ctimex if t not in since]
            if (
                status == "occurred"
                and not cues
                and any(t.earliest and dct.latest and t.earliest > dct.latest for t in ctimex)
            ):
                status, cues = "planned", ["present tense with a future date"]
            elif (
                status == "occurred"
                and not cues
                and any(t[3].lower() in lex.present for t in ctrig)
                and any(
                    t.earliest
                    and t.latest
                    and dct.earliest
                    and dct.latest
                    and t.earliest >= dct.earliest
                    and t.latest >= dct.latest
                    for t in ctimex
                )
            ):
                # "Trump ontvangt Zelensky vandaag in het Witte Huis": announced for today
                status, cues = "planned", ["present tense, today or later"]
            chosen = choose_timex(ctimex, sentence.start + ctrig[0][0], status, dct, sentence.start)
            more_dates: list[tuple[EventDate, str]] = []
            if chosen is not None:
                (date, _), *more_dates = coordinated_dates(chosen, ctimex, article.text)
            elif (carried := _carried_date(text, status, discourse, lex, dct)) is not None:
                date = carried  # "Aansluitend wil Trump met Zelensky bellen"
            else:
                # "De twee leiders spraken toen een uur": the date of the
                # same contact mentioned just before in this article
                previous = [
                    p
                    for p in discourse.recent
                    if p.participants == sorted(ids)
                    and (p.status in _ANNOUNCED) == (status in _ANNOUNCED)
                ]
                if previous and previous[-1].date.basis.startswith("time expression"):
                    date = previous[-1].date
                else:
                    date = tense_date(status, dct)
                    bound = since[0] if since and status in ("occurred", "claimed") else None
                    if (
                        bound is not None
                        and bound.earliest is not None
                        and (date.latest is None or bound.earliest <= date.latest)
                    ):
                        # "het eerste contact sinds Trump aantrad": after that, up to the article
                        date = EventDate(
                            earliest=bound.earliest,
                            latest=date.latest,
                            basis=f"after {bound.text!r}, on or before the article date",
                        )
                    after = _after_passing(refs, stimex, sentence, text)
                    if (
                        bound is None
                        and after is not None
                        and status in ("occurred", "claimed")
                        and after[0].earliest is not None
                        and (date.latest is None or after[0].earliest <= date.latest)
                    ):
                        # "na het overleg van vorige week opnieuw met Poetin gesproken"
                        date = EventDate(
                            earliest=after[0].earliest,
                            latest=date.latest,
                            basis=f"after {after[1]!r}, on or before the article date",
                        )
            said = said_on(text, ctrig[0][0], own_timex, sentence, lex)
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
                    earliest=date.earliest,
                    latest=said.latest,
                    basis=f"{date.basis}; said {said.text!r}",
                )
            if (again_word := lex.again.search(clause.text.lower())) is not None:
                cues = [*cues, f"again: {again_word.group()!r}"]
            if etype == "meeting" and (
                joining := _present_too(ids, words, smentions, clause, text, lex)
            ):
                # both contacts are reported: the meeting, and the leader's joining it
                produced.append(
                    _mention(
                        article,
                        sentence,
                        etype,
                        joining[0],
                        status,
                        date,
                        Evidence(ctrig, joining[1], chosen, [*cues, joining[2]]),
                        location=_location(entities, sentence, article.text),
                    )
                )
            mention = _mention(
                article,
                sentence,
                etype,
                ids,
                status,
                date,
                Evidence(ctrig, words, chosen, cues),
                location=_location(entities, sentence, article.text)
                if etype == "meeting"
                else None,
            )
            same = [p for p in produced if p.participants == mention.participants]
            if not same:
                produced.append(mention)
                borrowed_in[id(mention)] = borrowed
                for other, words in more_dates:  # "In februari en half maart zag hij Poetin"
                    produced.append(_redated(mention, other, words))
            elif borrowed_in.get(id(same[0])) and not borrowed:
                produced[produced.index(same[0])] = mention
                borrowed_in[id(mention)] = borrowed
        joined_word, joined_kind = None, ""
        for kind, pattern in lex.joined_after:
            if (hit := pattern.search(text.lower())) is not None:
                joined_word, joined_kind = hit, kind
                break
        travel = lex.travel.search(text.lower())
        if travel is not None and not produced and discourse.recent:
            # "Witkoff reisde vorige week dinsdag naar de Russische hoofdstad": the trip
            # to a meeting just reported, by one who took part in it
            travellers = {
                a
                for m in smentions
                if m.kind in ("name", "descriptor", "pronoun")
                for a in (m.actors or ((discourse.last_actor,) if discourse.last_actor else ()))
            }
            meetings = [
                m
                for m in discourse.recent[-6:]
                if types_compatible(m.type, "meeting")
                and not m.reference
                and travellers & set(m.participants)
            ]
            dct_day = article.published.interval
            ahead = any(
                t.earliest is not None
                and dct_day.latest is not None
                and t.earliest > dct_day.latest
                for t in stimex
            )
            behind = any(
                t.latest is not None
                and dct_day.earliest is not None
                and t.latest < dct_day.earliest
                for t in stimex
            )
            # a trip ahead is to a planned meeting, one behind to a held one
            meetings = [
                m
                for m in meetings
                if not (ahead and m.status not in _ANNOUNCED)
                and not (behind and m.status in _ANNOUNCED)
            ]
            if meetings:
                target = min(reversed(meetings), key=lambda m: len(m.participants))
                cue = [(travel.start(), travel.end(), target.type, travel.group())]
                again = _refer_back(article, sentence, target, cue, stimex, lex, tighten=True)
                if again is not None:
                    produced.append(again)
        confirm = lex.confirms.search(text.lower())
        if not triggers and confirm and discourse.recent:
            last = discourse.recent[-1]
            if sentence.index - last.sentence_index <= 1:
                # "Dat heeft Kremlin-woordvoerder Peskov vandaag bevestigd."
                cue = [(confirm.start(), confirm.end(), last.type, confirm.group())]
                if (again := _refer_back(article, sentence, last, cue, [], lex)) is not None:
                    produced.append(again)
        if not triggers and discourse.recent and joined_word and not produced:
            joiners = sorted(
                {
                    a
                    for m in smentions
                    if m.kind in ("name", "descriptor")
                    for a in m.actors
                    if a not in lex.reporters and a not in lex.focus
                }
            )
            fitting = [
                m
                for m in discourse.recent
                if joined_kind == "any" or types_compatible(m.type, joined_kind)
            ]
            last = fitting[-1] if fitting else discourse.recent[-1]
            if joiners and fitting and sentence.index - last.sentence_index <= 5:
                # "Daarna schoven Macron, Merz en Starmer aan."
                cue = [(joined_word.start(), joined_word.end(), last.type, joined_word.group())]
                if (
                    again := _refer_back(article, sentence, last, cue, [], lex, joiners)
                ) is not None:
                    produced.append(again)
                    _widen(out, discourse, last, again)
        # contacts named in passing come first: the sentence's own contact is
        # what a following "dat gesprek" refers to
        passing = []
        for ref in refs:
            if told_ahead(tree, sentence.start + ref.start, sentence.start + ref.end, gram):
                # "wil hij bespreken tijdens hun ontmoeting": a contact yet to come is
                # the sentence's own plan, not a reference to one held
                continue
            # "het eerste gesprek tussen beide presidenten sinds hun ontmoeting": the
            # pair of the sentence's own contact, when it is a pair
            own_pair = produced[-1].participants if produced else ()
            own_pair = own_pair if len(own_pair) == 2 else ()
            mention = _reference_mention(
                article,
                sentence,
                ref,
                smentions,
                stimex,
                discourse,
                lex,
                previous_timex,
                own_pair,
                kb,
                produced[-1].date.interval if produced else None,
            )
            if mention is None and ref.det in ("dat", "die", "deze", "dit"):
                # "Over dat gesprek bracht Trump Zelensky op de hoogte": the contact
                # just reported, named again in passing (besides the sentence's own)
                named = [m for m in smentions if ref.start <= m.start < ref.end]
                antecedent = _antecedent(discourse.recent, ref.head, "occurred", [], lex)
                ctrig = [
                    (ref.start + a, ref.start + b, k, w)
                    for a, b, k, w in find_triggers(ref.head, lex)
                ]
                if (
                    antecedent is not None
                    and ctrig
                    and not named
                    and not any(p.participants == antecedent.participants for p in produced)
                ):
                    mention = _refer_back(article, sentence, antecedent, ctrig, [], lex)
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
        if discourse.pending is not None:
            produced = _settle_pending(article, sentence, produced, discourse, lex)
        if not produced and not passing:
            discourse.pending = _pending(sentence, refs, stimex) or discourse.pending
        produced = passing + produced
        out.extend(produced)
        if stimex:
            last_timex, last_paragraph = stimex[-1], sentence.paragraph
            prior_timex = (sentence.index, stimex[-1])
        elif produced:
            last_timex = None
        discourse.recent.extend(m for m in produced)
        named = [a for m in smentions if m.kind in ("name", "descriptor") for a in m.actors]
        named = [a for a in named if a not in lex.reporters]
        discourse.named.extend(a for m in smentions if m.kind == "name" for a in m.actors)
        if named and not pronoun_subject(tree, sentence.start, sentence.end):
            # the sentence's first-named actor is its topic, unless its subject is a
            # pronoun: "Hij zegt ... Poetin ...": the topic stays who "hij" was
            discourse.last_actor = named[0]
        pair = sorted({a for m in produced for a in m.participants}) or sorted(set(named))
        if len(pair) >= 2:
            discourse.last_pair = tuple(pair)
            discourse.pair_sentence = sentence.index
            # "Dat voorstel werd gisteren in Kyiv gedaan door Zelensky, Macron, ...": where
            # the group was, for "tijdens hun overleg" in the sentences after
            place = re.search(r"\bin ([A-Z][\w-]+)", text)
            discourse.pair_place = (
                place.group(1) if place and place.group(1) not in lex.refine["not_venues"] else None
            )
    return _at_dateline(_earlier_calls(out), article)


def _at_dateline(mentions: list[EventMention], article: Article) -> list[EventMention]:
    """A meeting held, reported in a wire story without a place of its own, is at the
    place of the dateline ("PARIJS (ANP/AFP) - ...")."""
    line = find_dateline(article.text, article.body_start)
    if line is None:
        return mentions
    place = _place_name(line.place)
    if place is None:
        return mentions
    return [
        x.model_copy(update={"location": place})
        if x.type == "meeting" and x.status == "occurred" and x.location is None and not x.reference
        else x
        for x in mentions
    ]


@cache
def _place_names() -> dict[str, str]:
    groups = load_toml("places.toml")["group"]
    return {n.upper(): n for g in groups if g["label"] == "LOC" for n in g["names"]}


def _place_name(upper: str) -> str | None:
    return _place_names().get(upper.strip().upper())


def _present_too(
    ids: Sequence[str],
    words: Sequence[str],
    smentions: Sequence[ActorMention],
    clause: Clause,
    text: str,
    lex: Lexicon,
) -> tuple[list[str], list[str], str] | None:
    """ "Zelensky wacht Poetin op, en wil dat Trump er ook bij is": the leaders the
    sentence names outside the meeting's clause join it (parties, words, cue)."""
    hit = lex.present_too.search(text.lower())
    extra = [
        (a, m.text)
        for m in smentions
        if m.kind in ("name", "descriptor") and not clause.start <= m.start < clause.end
        for a in m.actors
        if a in lex.focus and a not in ids
    ]
    if hit is None or not extra:
        return None
    return (
        [*ids, *(a for a, _ in extra)],
        [*words, *(w for _, w in extra)],
        f"present too: {hit.group()!r}",
    )


def _redated(mention: EventMention, date: EventDate, timex: str) -> EventMention:
    """`mention` dated again, by the time expression `timex`."""
    return mention.model_copy(
        update={
            "date": date,
            "source": mention.source.model_copy(update={"timex": timex, "date": date.interval}),
        }
    )


def _with_bare_roles(
    found: list[ActorMention], text: str, discourse: Discourse, lex: Lexicon, kb: ActorBase
) -> list[ActorMention]:
    """ "In februari en half maart zag de gezant de Russische president al": a bare
    office word is the actor named last in the article who holds such an office
    (`references.toml` `bare_roles`)."""
    out = list(found)
    for m in lex.envoy_groups.finditer(text):
        # "Trump zei dat zijn onderhandelaars een goede ontmoeting met Poetin hadden": the
        # envoys of the contact just reported
        if any(x.start <= m.start() < x.end and x.kind in ("name", "descriptor") for x in found):
            continue
        out = [x for x in out if not m.start() <= x.start < m.end()]  # "zijn" is part of it
        for recent in reversed(discourse.recent[-6:]):
            envoys = tuple(a for a in recent.participants if a not in lex.focus)
            if envoys:
                out.append(ActorMention(m.start(), m.end(), m.group(), "descriptor", envoys))
                break
    for m in lex.bare_roles.finditer(text):
        if any(x.start <= m.start() < x.end for x in found):
            continue
        head = m.group("head").lower()
        holders = {
            a.id for a in kb.actors for r in a.roles for w in r.words if w.lower().endswith(head)
        }
        who = next((a for a in reversed(discourse.named) if a in holders), None)
        if who is not None:
            out.append(ActorMention(m.start(), m.end(), m.group(), "descriptor", (who,)))
    return sorted(out, key=lambda x: x.start)


def _pending(
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


def _settle_pending(
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
        dated = _redated(m, date, timex.text)
        cue = f"the contact named in sentence {first.index + 1}"
        dated = dated.model_copy(
            update={"source": dated.source.model_copy(update={"cues": [*m.source.cues, cue]})}
        )
        shifted = [(ref.start + a, ref.start + b, k, w) for a, b, k, w in ctrig]
        evidence = Evidence(
            shifted, [], timex, [f"named in passing: {first.text[ref.start : ref.end]!r}"]
        )
        named = _mention(
            article, first, m.type, m.participants, m.status, date, evidence, reference=True
        )
        return [named, *produced[:i], dated, *produced[i + 1 :]]
    return produced


def _earlier_calls(mentions: list[EventMention]) -> list[EventMention]:
    """ "Zelensky heeft gisteren opnieuw met Trump gebeld. De twee hadden vrijdag al met
    elkaar gesproken": a call made again makes the pair's earlier talks in the same
    article a call too (the medium is given once, for both)."""
    again = [
        m
        for m in mentions
        if m.type == "call"
        and m.date.earliest is not None
        and any(c.startswith("again:") for c in m.source.cues)
    ]
    out = []
    for x in mentions:
        earlier = x.date.latest is not None and any(
            a.participants == x.participants
            and a.date.earliest is not None
            and x.date.latest < a.date.earliest
            for a in again
        )
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


@dataclass(frozen=True)
class PassingRef:
    """ "na het gesprek met Poetin": a contact named in passing, inside a clause about
    something else. Offsets are in the sentence text."""

    start: int
    end: int
    prep: str
    det: str
    head: str  # the phrase up to the contact noun


def _passing_refs(
    text: str,
    mentions: Sequence[ActorMention],
    timexes: Sequence[tuple[int, int]] = (),
) -> list[PassingRef]:
    """Phrases like "na het gesprek met Poetin van gisteren" that refer to another contact.

    The phrase runs on over the actors, time expressions and glue words
    ("met", "en", "van") that follow its head noun.
    """
    refs = []
    spans = [*((x.start, x.end) for x in mentions), *timexes]
    found = list(_PP_EVENT.finditer(text))
    for m in found:
        end = m.end()
        # a phrase runs on up to the next such phrase, not into it
        limit = min((x.start() for x in found if x.start() > m.start()), default=len(text))
        while True:
            # the next actor, place or date may begin after any of the glue words
            # ("met | zijn Amerikaanse ambtgenoot": "zijn" is glue and part of the name)
            at = _PP_GLUE.match(text, end)
            stops = {end, at.end()} if at is not None else {end}
            if at is not None:
                stops |= {end + g.start() for g in _GLUE_WORD.finditer(text[end : at.end()])}
            nxt = [b for a, b in spans if a in stops and end < b and a < limit]
            if not nxt:
                break
            end = max(nxt)
        head = text[m.start() : m.end()].rstrip()
        refs.append(
            PassingRef(m.start(), end, m.group("prep").lower(), m.group("det").lower(), head)
        )
    return refs


def _reference_mention(
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
) -> EventMention | None:
    """The contact a passing reference names, when it names both sides of it.

    Only references to a past contact count ("na", "sinds", "tijdens", or "over"/
    "voor" with a past date); the mention joins the contact it refers to in the
    merge (`reference=True`) and starts an event only when it dates one.
    """
    text = sentence.text
    ids: list[str] = []
    words: list[str] = []
    counted_from = False
    together_at: str | None = None  # where "hun" were together, when the text says

    def add(actor: str, word: str) -> None:
        if actor not in lex.reporters and actor not in ids:
            ids.append(actor)
            words.append(word)

    for m in smentions:
        if ref.start <= m.start < ref.end and m.kind in ("name", "descriptor"):
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
        host = _host(text[ref.start : ref.end], lex, kb, article.published.interval.latest)
        if host is not None:
            add(*host)
    if len(ids) < 2 or not (set(ids) & lex.focus):
        return None
    inside = [
        t
        for t in stimex
        if ref.start <= t.start - sentence.start < ref.end and t.rule not in RELATIVE_RULES
    ]
    dct = article.published.interval
    ctrig = find_triggers(ref.head, lex)
    if rel_status is not None and ctrig:
        date = tense_date(rel_status, dct)
        cues = [f"named in passing: {text[ref.start : ref.end]!r}", rel.group().strip()]  # type: ignore[union-attr]
        etype = refine_type([t[2] for t in ctrig], ref.head, lex, [t[3] for t in ctrig])
        return _mention(
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
        earlier = (
            own_date.earliest - dt.timedelta(days=1)
            if own_date is not None and own_date.earliest is not None
            else dct.latest
        )
        date = EventDate(
            earliest=None,
            latest=min(earlier, dct.latest) if earlier and dct.latest else earlier,
            basis="referred to as past: before the contact counted from it",
        )
        cues = [f"named in passing: {text[ref.start : ref.end]!r}", "counted from"]
        return _mention(
            article,
            sentence,
            etype,
            ids,
            "occurred",
            date,
            Evidence(ctrig, words, None, cues),
            reference=True,
        )
    if chosen is None and ref.prep == "na":
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
    return _mention(article, sentence, etype, ids, "occurred", date, evidence, reference=True)


def _antecedent(
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
        same = [m for m in fitting if (m.status in _ANNOUNCED) == (status in _ANNOUNCED)]
        fitting = same or fitting
    else:
        # "In Kyiv werd de ontmoeting in het Vaticaan als een succes gezien": in the past
        # tense the one held; never the one that did not happen
        fitting = [m for m in fitting if m.status != "cancelled"] or fitting
        if past_tense:
            fitting = [m for m in fitting if m.status not in _ANNOUNCED] or fitting
    if not anaphor.lower().startswith(("dat ", "die ", "deze ", "dit ")):
        # "Het ging over zijn telefoongesprek met Poetin. Het was het eerste gesprek
        # tussen beide presidenten": "het gesprek" is the article's own contact, not
        # one named in passing; a demonstrative ("dat gesprek") may be either
        own = [m for m in fitting if not m.reference]
        fitting = own or fitting
    return fitting[-1] if fitting else None


def _widen(
    out: list[EventMention], discourse: Discourse, antecedent: EventMention, again: EventMention
) -> None:
    """Leaders who join a contact ("Ook deelname van Trump en Erdogan aan zo'n top zou
    waardevol zijn") took part in it as the article first reported it: that report
    gets them too, so both sentences are sources of one contact."""
    if not set(again.participants) > set(antecedent.participants):
        return
    wider = antecedent.model_copy(update={"participants": again.participants})
    for items in (out, discourse.recent):
        for i, m in enumerate(items):
            if m is antecedent:
                items[i] = wider


def _soft(m: EventMention) -> Interval:
    """The interval a later report may tighten: a date from the article's month alone
    (no time expression) bounds a contact only from above."""
    d = m.date.interval
    if m.date.basis.startswith(("time expression", "after ")):
        return d
    return Interval(earliest=None, latest=d.latest)


def _refer_back(
    article: Article,
    sentence: Sentence,
    antecedent: EventMention,
    ctrig: Sequence[tuple[int, int, EventType, str]],
    timexes: Sequence[TimeExpression] = (),
    lex: Lexicon | None = None,
    joined: Sequence[str] = (),
    *,
    tighten: bool = False,
) -> EventMention | None:
    """A sentence that mentions the contact again without naming both sides.

    Its own time expression and status cues ("Het eerste telefoontje vond
    zaterdag plaats") refine what it says about the contact.
    """
    status, cues = decide_status(sentence.text, lex) if lex else (antecedent.status, [])
    announced_before = (
        lex is not None
        and status == "planned"
        and antecedent.status == "occurred"
        and lex.announced.search(sentence.text.lower()) is not None
    )
    if announced_before:
        # "Trump had het gesprek zaterdag aangekondigd": the plan of the contact just
        # reported, for its day
        cues = [*cues, TOLD_AFTER]
    elif not cues or (status in _ANNOUNCED) != (antecedent.status in _ANNOUNCED):
        status, cues = antecedent.status, []
    dct = article.published.interval
    if lex is not None:
        # "Trump had het gesprek zaterdag aangekondigd": a time expression in a clause of
        # saying or announcing dates that, not the contact
        parts = clauses(sentence.text)
        timexes = [
            t
            for t in timexes
            if not any(
                c.start <= t.start - sentence.start < c.end and lex.reporting.search(c.text.lower())
                for c in parts
            )
        ]
    chosen = choose_timex(timexes, sentence.start + ctrig[0][0], status, dct) if timexes else None
    date = antecedent.date
    ante = antecedent.date.interval
    trigger_clause = next(
        (c for c in clauses(sentence.text) if c.start <= ctrig[0][0] < c.end), None
    )
    own_clause = (
        chosen is not None
        and trigger_clause is not None
        and trigger_clause.start <= chosen.start - sentence.start < trigger_clause.end
    )
    ordinal = bool(_ORDINAL.search(sentence.text))
    named_day = [
        t
        for t in timexes
        if t.interval.width() == 1
        and antecedent.date.interval.contains(t.interval)
        and t.latest is not None
        and dct.earliest is not None
        and t.latest < dct.earliest
    ]
    # a report dated only by tense takes a day its refer-back names, if recent: the
    # contact's day, not a plan's or a cancellation's
    tense_only = (
        antecedent.status not in _ANNOUNCED
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
        chosen = named_day[0]
        # "Peskov verwees naar het telefoongesprek van 16 oktober": the last contact
        # before the one denied, held on its day (not "vandaag", when he said it)
        date = timex_date(chosen)
        # a contact on a day the text names is a fact, whatever the claim or denial
        # around it ("Trump wekte de indruk ...; Peskov verwees naar het gesprek van 16 oktober")
        status = "occurred"
        ordinal = True  # dated apart on purpose
    if chosen is not None and not chosen.interval.overlaps(ante) and own_clause and not ordinal:
        # "De enige ontmoeting tussen de twee vond plaats in december 2019": dated
        # apart from the contact just reported, so not that one
        return None
    if chosen is not None and not chosen.interval.overlaps(ante) and own_clause:
        # "Gisteren spraken ze elkaar voor de tweede keer. Het eerste telefoontje vond
        # zaterdag plaats.": a date of its own makes it another contact of the pair
        date = timex_date(chosen)
    elif (
        chosen is not None
        and (bool(cues) or tighten)  # "Het eerste telefoontje vond zaterdag plaats"
        and (soft := _soft(antecedent)).contains(chosen.interval)
        and (chosen.interval.width() or 10**6) < (soft.width() or 10**6)
    ):
        # a tighter date for the same contact
        date = timex_date(chosen)
    if announced_before:
        # the plan's own words dated it; this report adds a source, not a narrower date
        date = EventDate(
            earliest=date.earliest,
            latest=date.latest,
            basis=f"{TOLD_AFTER}: the day it took place",
        )
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
    etype = antecedent.type
    own = [t[2] for t in ctrig if types_compatible(t[2], antecedent.type)]
    if own and lex is not None:
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


def article_day(article: Article) -> dt.date | None:
    return article.published.interval.latest
