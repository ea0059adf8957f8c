"""Where a meeting was held: a place the sentence names after a preposition, a
capital named by its country, else the place of a wire story's dateline."""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache

from timeline.loader import find_dateline
from timeline.resources import load_toml
from timeline.schema import Article, Entity, EventMention
from timeline.segment import Sentence

_PLACE_BEFORE = re.compile(
    r"\b(?:in|op|naar|bij|te)\s+(?:het\s+|de\s+)?(?:\w+e\s+(?:hoofdstad|stad)\s+)?$"
)
_CAPITAL = re.compile(r"\b(?:in|naar) de (\w+) hoofdstad\b")


def location(entities: Sequence[Entity], sentence: Sentence, text: str) -> str | None:
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


def at_dateline(mentions: list[EventMention], article: Article) -> list[EventMention]:
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
