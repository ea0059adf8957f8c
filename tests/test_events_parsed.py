"""Event mechanisms that read the parse, on invented sentences run through the shipped
pipeline (NER and the syntax model)."""

from __future__ import annotations

from spacy.language import Language

from tests.timex_articles import make_article
from timeline.actors import load_actors
from timeline.analysis import analyse_article
from timeline.schema import EventMention


def _mentions(nlp: Language, body: str, date: str = "2025-05-14") -> list[EventMention]:
    kb = load_actors()
    _, analysis = analyse_article(make_article(f"date {date}\n\n{body}"), nlp, kb, kb.focus_ids)
    return analysis.events


def test_a_complement_clause_does_not_borrow_the_speaker(nlp: Language) -> None:
    # the speaker of "stelt dat" takes no part, and "hij" after "Trump" in the clause
    # is Trump: a talk with a country is no contact between people
    got = _mentions(nlp, "Rutte stelt dat Trump sterker staat als hij met China gaat praten.")
    assert all("rutte" not in m.participants for m in got)


def test_a_meeting_at_a_place_takes_its_host_before_another_clause(nlp: Language) -> None:
    # the host of Moscow, not the speaker's clause with its day of speaking
    got = _mentions(nlp, "Als Zelensky dat wil, kan hij naar Moskou komen, zei Poetin dinsdag.")
    meetings = [m for m in got if m.participants == ["putin", "zelensky"]]
    assert meetings and all(m.source.timex is None for m in meetings)
