"""Who takes part in a contact: the actors the clause names, pronouns and group
words resolved against the discourse, the subject of the sentence when the clause is
its complement, a host the place stands for ("bezoek aan het Witte Huis"), and the
neighbouring clauses when the clause itself names fewer than two parties."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import TYPE_CHECKING

from timeline.actors import ActorBase
from timeline.events.actor_mentions import ActorMention
from timeline.events.discourse import Discourse
from timeline.events.grammar import lemma, relative_antecedent
from timeline.events.lexicon import Clause, Lexicon, Trigger, refine_type

if TYPE_CHECKING:
    from timeline.events.sentence import ArticleContext, SentenceView


def participants(
    ctx: ArticleContext,
    view: SentenceView,
    mentions: Sequence[ActorMention],
    clause: Clause,
    discourse: Discourse,
) -> tuple[list[str], list[str]]:
    """Actor ids taking part in the clause's contact, and the words that named them."""
    lex, sentence_mentions, sentence_text = ctx.lex, view.mentions, view.text
    excluded, delegations, sentence_index = view.excluded, view.delegations, view.sentence.index
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
            if _sends(ctx, view, m):
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
        if m.kind == "pronoun" and (between or after_reporting_verb(sentence_text[: m.start], lex)):
            continue  # "voegde hij eraan toe", "zei hij": the speaker
        if m.kind == "pronoun" and m.text.lower() in ("hij", "hem", "zelf"):
            if m.text.lower() == "hij" and any(
                x.kind == "name" and x.start < m.start and set(x.actors) & set(ids) for x in inside
            ):
                continue  # "dat Trump een sterke positie heeft als hij ...": the name before it
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
    reported = clause.text.lower().startswith("dat ") and (
        bool(lex.reporting.search(sentence_text[: clause.start].lower()))
        or _complement(ctx, view.sentence.start + clause.start)
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


def after_reporting_verb(before: str, lex: Lexicon) -> bool:
    """ "voegde hij eraan toe", "zei hij": the pronoun right after a verb of saying."""
    words = before.split()
    return bool(words) and lex.reporting.fullmatch(words[-1].lower().strip(",\"'")) is not None


def host(text: str, lex: Lexicon, kb: ActorBase, day: dt.date | None) -> tuple[str, str] | None:
    """ "bij zijn bezoek aan het Witte Huis": the host the place stands for, and its words."""
    pattern, venues = lex.host_venues
    m = pattern.search(text)
    if m is None:
        return None
    holders = kb.descriptor_holders(venues[m.group("venue")], day)
    return (holders[0], m.group("venue")) if len(holders) == 1 else None


def present_too(
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


def with_bare_roles(
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


def clause_parties(
    ctx: ArticleContext,
    view: SentenceView,
    ci: int,
    ctrig: Sequence[Trigger],
    discourse: Discourse,
) -> tuple[Clause, list[str], list[str], bool]:
    """The parties of the contact in clause `ci`: (the span they were found in, actor
    ids, the words naming them, whether they were borrowed from a neighbour).

    A clause that names fewer than two parties borrows its neighbours' ("het
    telefoongesprek | dat Trump gisteren met Poetin voerde"), but a reported clause
    does not borrow its speaker ("Trump zei | dat zijn onderhandelaars Poetin spraken").
    """
    parts, text, smentions = view.parts, view.text, view.mentions
    clause = parts[ci]
    reported = (
        ci > 0
        and clause.text.lower().startswith("dat ")
        and (
            bool(ctx.lex.reporting.search(parts[ci - 1].text.lower()))
            or _complement(ctx, view.sentence.start + clause.start)
        )
    )
    spans: list[tuple[int | None, int]] = [(ci, ci), (ci - 1, ci), (ci, ci + 1), (ci - 1, ci + 1)]
    if (
        ci + 1 < len(parts)
        and parts[ci + 1].text.lower().startswith(("die ", "dat ", "waar"))
        and not text[ctrig[-1][1] : clause.end].strip()
    ):
        # "op de gesprekken | die Witkoff en Kushner met Zelensky voerden": the relative
        # clause names the parties, not the clause it hangs from
        spans.insert(1, (None, ci + 1))
    coordinated = ci > 0 and clause.text.lower().startswith("en ")
    named_by_rel = _named_by_relative(ctx, view, clause)
    ids: list[str] = []
    words: list[str] = []
    for lo, hi in spans:
        if lo is None:
            first = ctrig[-1][0]
            span = Clause(first, parts[hi].end, text[first : parts[hi].end])
            lo = hi
        else:
            lo, hi = max(lo, ci if reported else 0), min(hi, len(parts) - 1)
            span = Clause(parts[lo].start, parts[hi].end, text[parts[lo].start : parts[hi].end])
        # "met Macron, | die later Poetin belde": the relative pronoun is the noun it
        # hangs from, the clause's own subject
        pool = [*named_by_rel, *smentions] if (lo, hi) == (ci, ci) else smentions
        if coordinated and lo < ci:
            # "Hij verwacht een gesprek met Zelensky | en wil ook met Poetin spreken":
            # the clauses share their subject, nothing else
            subject = [m for m in smentions if parts[lo].start <= m.start < parts[ci].start]
            pool = [*subject[:1], *(m for m in smentions if m.start >= parts[ci].start)]
        ids, words = participants(ctx, view, pool, span, discourse)
        if (lo, hi) == (ci, ci) and (found := _hosted(ctx, view, clause, ctrig, ids, words)):
            return clause, *found, False  # "naar Moskou komen": the host, before borrowing
        if len(ids) >= 2:
            return span, ids, words, (lo, hi) != (ci, ci)
    return clause, *(_hosted(ctx, view, clause, ctrig, ids, words) or (ids, words)), False


def _hosted(
    ctx: ArticleContext,
    view: SentenceView,
    clause: Clause,
    ctrig: Sequence[Trigger],
    ids: list[str],
    words: list[str],
) -> tuple[list[str], list[str]] | None:
    """One party and the host of a meeting at a place that stands for one ("bezoek aan
    het Witte Huis", "naar Moskou komen"): the two parties, or None."""
    etype = refine_type([t[2] for t in ctrig], clause.text, ctx.lex, [t[3] for t in ctrig])
    if len(ids) != 1 or view.delegations or etype != "meeting":
        return None
    hosted = host(clause.text, ctx.lex, ctx.kb, ctx.day)
    if hosted is None or hosted[0] in ids:
        return None
    return [*ids, hosted[0]], [*words, hosted[1]]


def _complement(ctx: ArticleContext, at: int) -> bool:
    """The "dat" at `at` opens the complement clause of a verb ("Bessent stelt | dat
    ..."), not a relative clause: its subject is the matrix's, not the contact's."""
    mark = next(iter(ctx.tree.at(at, at + 3)), None)
    head = ctx.tree.head(mark) if mark is not None and mark.dep == "mark" else None
    return head is not None and head.dep == "ccomp"


def _named_by_relative(
    ctx: ArticleContext, view: SentenceView, clause: Clause
) -> list[ActorMention]:
    """The name a relative pronoun at the head of `clause` stands for, as a mention at
    the clause's start, when the clause names the other side itself."""
    start = view.sentence.start
    head = relative_antecedent(ctx.tree, start + clause.start, start + clause.end)
    if head is None or not any(
        clause.start <= x.start < clause.end and x.kind in ("name", "descriptor")
        for x in view.mentions
    ):
        return []
    return [
        ActorMention(clause.start, clause.start, m.text, m.kind, m.actors)
        for m in view.mentions
        if m.kind in ("name", "descriptor") and m.start <= head - start < m.end
    ]


def _sends(ctx: ArticleContext, view: SentenceView, m: ActorMention) -> bool:
    """ "Trump stuurt zijn gezant naar Moskou": the leader right before a verb of
    sending sends someone else; not when the parse reads another verb there
    ("stuurt aan op een gesprek": aims at one, `grammar.lemma` with its particle)."""
    hit = ctx.lex.senders.match(view.text[m.end : m.end + 40].lower())
    if hit is None:
        return False
    at = view.sentence.start + m.end + hit.start("verb")
    verb = ctx.tree.at(at, at + 1)
    return not verb or lemma(ctx.tree, verb[0]) in ctx.gram.senders
