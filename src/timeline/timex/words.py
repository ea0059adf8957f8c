"""The Dutch word data (lang/nl/*.toml) as regular-expression pieces and lookup tables."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import cache

from timeline.resources import load_toml


def alternation(words: list[str]) -> str:
    """Longest first, so that "eergisteren" wins over "gisteren"."""
    return "|".join(
        re.escape(w).replace(r"\ ", r"\s+") for w in sorted(words, key=len, reverse=True)
    )


@dataclass(frozen=True)
class ReferenceEvent:
    id: str
    date: dt.date
    pattern: re.Pattern[str]
    narrows: bool


@dataclass(frozen=True)
class Words:
    weekdays: dict[str, int]
    months: dict[str, int]
    numbers: dict[str, float]
    fuzzy: dict[str, tuple[int, int]]
    units: dict[str, str]
    deictic: dict[str, int]
    parts: dict[str, str]
    past_refs: list[str]
    future_refs: list[str]
    seasons: dict[str, tuple[int, int]]
    quarters: dict[str, int]
    holidays: dict[str, str]
    day_parts: list[str]
    future_cues: frozenset[str]
    past_cues: frozenset[str]
    weak_past: re.Pattern[str]
    not_past: frozenset[str]
    default_direction: str
    events: tuple[ReferenceEvent, ...]
    occasions: frozenset[str]
    past_mods: frozenset[str]
    future_mods: frozenset[str]
    this_mods: frozenset[str]
    approximations: dict[str, str]
    context: dict[str, list[str]]

    def rel_offset(self, mod: str) -> int:
        m = re.sub(r"\s+", " ", mod.lower())
        return -1 if m in self.past_mods else 1 if m in self.future_mods else 0

    def count(self, word: str) -> tuple[float, float]:
        w = re.sub(r"\s+", " ", word.lower())
        if w in self.fuzzy:
            lo, hi = self.fuzzy[w]
            return float(lo), float(hi)
        if w.isdigit():
            return float(w), float(w)
        n = self.numbers[w]
        return n, n

    def unit(self, word: str) -> str:
        return self.units[word.lower()]


@cache
def words() -> Words:
    tw = load_toml("time_words.toml")
    tc = load_toml("tense_cues.toml")
    ev = load_toml("reference_events.toml")
    events = tuple(
        ReferenceEvent(
            id=e["id"],
            date=dt.date.fromisoformat(e["date"]),
            pattern=re.compile("|".join(f"(?:{p})" for p in e["patterns"]), re.IGNORECASE),
            narrows=bool(e.get("narrows", False)),
        )
        for e in ev["event"]
    )
    return Words(
        weekdays=dict(tw["weekdays"]),
        months=dict(tw["months"]),
        numbers={k: float(v) for k, v in tw["numbers"].items()},
        fuzzy={k: (int(v[0]), int(v[1])) for k, v in tw["fuzzy_counts"].items()},
        units=dict(tw["units"]),
        deictic=dict(tw["deictic"]),
        parts=dict(tw["period_parts"]),
        past_refs=list(tw["past_refs"]["words"]),
        future_refs=list(tw["future_refs"]["words"]),
        seasons={k: (int(v[0]), int(v[1])) for k, v in tw["seasons"].items()},
        quarters={k: int(v) for k, v in tw["quarters"].items()},
        holidays=dict(tw["holidays"]),
        day_parts=list(tw["day_parts"]["suffixes"]),
        future_cues=frozenset(w.lower() for w in tc["future"]),
        past_cues=frozenset(w.lower() for w in tc["past"]),
        weak_past=re.compile(tc["weak_past"], re.IGNORECASE),
        not_past=frozenset(w.lower() for w in tc["not_past"]),
        default_direction=tc["default"],
        events=events,
        occasions=frozenset(ev["occasions"]["nouns"]),
        past_mods=frozenset(tw["modifiers"]["past"]),
        future_mods=frozenset(tw["modifiers"]["future"]),
        this_mods=frozenset(tw["modifiers"]["this"]),
        approximations=dict(tw["approximations"]),
        context={k: list(v) for k, v in tw["context"].items()},
    )
