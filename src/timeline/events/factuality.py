"""Factuality: the status of a contact (occurred, planned, proposed, cancelled,
claimed, denied) from the grammar of its clause.

The sentence's cues (`lexicon.decide_status`) give a first reading; the phrase that
governs the contact word outranks it (`grammar.governed_status`); a contact that is
the setting of what was said, or dated in the past in its own clause, took place;
negation and habits leave no single contact; a present tense with a date today or
later is an announcement.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from timeline.events.grammar import governed_status, out_of_scope
from timeline.events.lexicon import Clause, Lexicon, Trigger, clauses, decide_status
from timeline.schema import EventStatus, Interval, TimeExpression
from timeline.segment import Sentence

if TYPE_CHECKING:
    from timeline.events.sentence import ArticleContext, SentenceView


def in_setting(text: str, ctrig: Sequence[Trigger], lex: Lexicon) -> bool:
    """The trigger is in a phrase like "in een telefoongesprek met" after a perfect or
    past verb ("heeft toegezegd in een telefoongesprek")."""
    low = text.lower()
    occurred = dict(lex.cues)["occurred"]
    for m in lex.setting.finditer(low):
        if any(m.start() <= t[0] < m.end() for t in ctrig) and occurred.search(low[: m.start()]):
            return True
    return False


def past_in_own_clause(
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


def clause_status(
    ctx: ArticleContext, view: SentenceView, clause: Clause, ctrig: Sequence[Trigger]
) -> tuple[EventStatus, list[str]] | None:
    """The status of the contact in `clause` and the cues that set it; None when the
    clause reports no single contact ("hebben elkaar nooit meer gesproken", "ze
    spreken elkaar regelmatig")."""
    text, lex, sentence = view.text, ctx.lex, view.sentence
    status, cues = decide_status(text, lex)
    trigger_words = ctx.tree.at(sentence.start + ctrig[0][0], sentence.start + ctrig[-1][1])
    governed = governed_status(ctx.tree, trigger_words, ctx.gram)
    if governed is not None and (
        status in ("occurred", "planned") or governed[0] in ("cancelled", "denied")
    ):
        # the contact word's own phrase outranks the sentence's tense and plans; a
        # condition or a claim over the whole sentence still embeds it
        status, cues = governed
    if status in ("planned", "proposed") and in_setting(text, ctrig, lex):
        # "Dat heeft Poetin toegezegd in een telefoongesprek met Trump": what was
        # promised lies ahead, the call in which it was promised took place
        status, cues = "occurred", [f"setting of what was said: {ctrig[0][3]!r}"]
    if status in ("planned", "proposed") and past_in_own_clause(
        clause, cues, view.own_timex, sentence, ctx.dct, lex
    ):
        # "Zelensky, die gisteren door Trump werd bijgepraat, zei dat Oekraïne niet
        # akkoord gaat": the cue is another clause's; this one is dated in the past
        status, cues = "occurred", ["a past date in its own clause"]
    if status not in ("denied", "claimed") and lex.negation.search(text.lower()):
        return None
    if out_of_scope(ctx.tree, trigger_words, ctx.gram):
        return None
    return status, list(cues)


def tense_status(
    status: EventStatus,
    cues: list[str],
    ctrig: Sequence[Trigger],
    ctimex: Sequence[TimeExpression],
    dct: Interval,
    lex: Lexicon,
) -> tuple[EventStatus, list[str]]:
    """A contact without cues in the present tense, dated after the article ("Trump
    ontmoet Poetin volgende week") or today and later ("Trump ontvangt Zelensky
    vandaag"), is announced."""
    if status != "occurred" or cues:
        return status, cues
    if any(t.earliest and dct.latest and t.earliest > dct.latest for t in ctimex):
        return "planned", ["present tense with a future date"]
    if any(t[3].lower() in lex.present for t in ctrig) and any(
        t.earliest
        and t.latest
        and dct.earliest
        and dct.latest
        and t.earliest >= dct.earliest
        and t.latest >= dct.latest
        for t in ctimex
    ):
        return "planned", ["present tense, today or later"]
    return status, cues
