"""Contact words, clauses and factuality cues: the Dutch language data the event
builder reads (`lang/nl/triggers.toml`, `status_cues.toml`, `references.toml`),
compiled once per run, and the small pure functions over it.

`find_triggers` finds the contact words of a sentence, `refine_type` makes a vague
"talks" a call or a meeting when the sentence gives the medium or the place,
`decide_status` takes the status from the factuality cues, `clauses` splits a
sentence where a contact's participants may change.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache

from timeline.actors import load_actors
from timeline.resources import load_toml
from timeline.schema import EventStatus, EventType

TYPE_SPECIFICITY: dict[str, int] = {"call": 3, "meeting": 3, "message": 2, "talks": 1}

_CLAUSE = re.compile(
    r",\s+|;\s+|:\s+|\s+(?=(?:nadat|voordat|toen|waarna|waarover|terwijl|maar|omdat|dat|waar|die|om)\s)"
)


@dataclass(frozen=True)
class Lexicon:
    """Compiled trigger and cue patterns (built once per run from the data files)."""

    triggers: tuple[tuple[EventType, re.Pattern[str]], ...]
    exclude: re.Pattern[str]
    refine: dict[str, tuple[str, ...]]
    cues: tuple[tuple[EventStatus, re.Pattern[str]], ...]
    reporters: frozenset[str]
    delegations: re.Pattern[str]
    dependent: re.Pattern[str]
    senders: re.Pattern[str]
    bystander: re.Pattern[str]
    focus: frozenset[str]
    negation: re.Pattern[str]
    loose_groups: frozenset[str]
    talk_verbs: frozenset[str]
    venue_adverbs: re.Pattern[str]
    conduct_verbs: re.Pattern[str]
    again: re.Pattern[str]
    setting: re.Pattern[str]
    reporting: re.Pattern[str]
    present: frozenset[str]
    joined: re.Pattern[str]
    joined_after: tuple[tuple[str, re.Pattern[str]], ...]
    confirms: re.Pattern[str]
    host_venues: tuple[re.Pattern[str], dict[str, str]]
    carry_timex: re.Pattern[str]
    carry_contact: re.Pattern[str]
    carry_after: re.Pattern[str]
    counterparts: re.Pattern[str]
    announced: re.Pattern[str]
    present_too: re.Pattern[str]
    travel: re.Pattern[str]
    bare_roles: re.Pattern[str]
    envoy_groups: re.Pattern[str]

    def group_reach(self, word: str) -> int:
        """How many sentences back a group word may reach ("ze": 1, "de twee": 3)."""
        return 1 if word.lower() in self.loose_groups else 3


def _words(words: Sequence[str], phrases: Sequence[str]) -> re.Pattern[str]:
    alts = [re.escape(w) for w in sorted(words, key=len, reverse=True)] + list(phrases)
    return re.compile(rf"(?<![\w-])(?:{'|'.join(alts)})(?![\w-])")


@cache
def lexicon() -> Lexicon:
    trig = load_toml("triggers.toml")
    cues = load_toml("status_cues.toml")
    refs = load_toml("references.toml")
    types: tuple[EventType, ...] = ("call", "meeting", "talks", "message")
    return Lexicon(
        triggers=tuple((t, _words(trig[t]["words"], trig[t]["phrases"])) for t in types),
        exclude=re.compile("|".join(trig["exclude"]["phrases"])),
        refine={k: tuple(v) for k, v in trig["refine"].items()},
        cues=tuple(
            (status, re.compile(rf"(?<!\w)(?:{'|'.join(cues[status])})(?!\w)"))
            for status in cues["precedence"]
        ),
        reporters=frozenset(refs["reporters"]),
        delegations=_words(trig["delegations"]["words"], []),
        dependent=re.compile(rf"(?:{'|'.join(refs['dependents'])})\s+van\s+(?:\w+\s+)?$"),
        senders=re.compile(rf"\s+(?:\w+\s+)?(?P<verb>{'|'.join(refs['senders'])})\b"),
        bystander=re.compile(rf"(?<!\w)(?:{'|'.join(refs['bystander_before'])})\s+(?:\w+\s+)?$"),
        focus=frozenset(a.id for a in load_actors().actors if a.focus),
        negation=re.compile(rf"(?<!\w)(?:{'|'.join(trig['negation']['phrases'])})(?!\w)"),
        loose_groups=frozenset(refs["loose_groups"]),
        talk_verbs=frozenset(trig["refine"]["venue_verbs"]),
        venue_adverbs=_words(trig["refine"]["venue_adverbs"], []),
        conduct_verbs=_words(trig["refine"]["conduct_verbs"], []),
        again=_words(trig["again"]["words"], []),
        setting=re.compile(rf"(?<!\w)(?:{'|'.join(trig['setting']['phrases'])})"),
        reporting=_words(trig["reporting"]["words"], []),
        present=frozenset(trig["present"]["words"]),
        joined=re.compile(rf"(?<!\w)(?:{'|'.join(trig['joined']['phrases'])})(?!\w)"),
        confirms=re.compile(rf"^(?:{'|'.join(refs['confirms'])})"),
        host_venues=(
            re.compile(
                r"\b(?:aan|in|naar|op|bij) (?:het |de )?(?P<venue>"
                + "|".join(re.escape(v) for v in sorted(refs["host_venues"], key=len, reverse=True))
                + r")\b"
            ),
            dict(refs["host_venues"]),
        ),
        carry_timex=re.compile(rf"^(?:{'|'.join(map(re.escape, trig['carry']['timex']))})\b"),
        carry_contact=re.compile(rf"^(?:{'|'.join(map(re.escape, trig['carry']['contact']))})\b"),
        carry_after=_words(trig["carry"]["after"], []),
        counterparts=_words(refs["counterparts"], []),
        travel=re.compile(
            rf"(?<!\w)(?:{'|'.join(trig['travel']['verbs'])})(?!\w).{{0,60}}?"
            rf"(?:{'|'.join(trig['travel']['destinations'])})"
            rf"|(?:{'|'.join(trig['travel']['destinations'])}).{{0,40}}?"
            rf"(?<!\w)(?:{'|'.join(trig['travel']['verbs'])})(?!\w)"
        ),
        envoy_groups=_words(refs["envoy_groups"], []),
        bare_roles=re.compile(rf"\b[Dd]e (?P<head>{'|'.join(refs['bare_roles'])})\b(?! van\b)"),
        announced=re.compile(rf"(?<!\w)(?:{'|'.join(trig['announced']['phrases'])})(?!\w)"),
        present_too=re.compile(rf"(?<!\w)(?:{'|'.join(trig['joined']['present']['phrases'])})"),
        joined_after=tuple(
            (kind, re.compile(rf"(?<!\w)(?:{'|'.join(phrases)})(?!\w)"))
            for kind, phrases in trig["joined"]["after"].items()
        ),
    )


@dataclass(frozen=True)
class Clause:
    start: int  # offsets in the sentence
    end: int
    text: str


@cache
def _clause_boundaries() -> re.Pattern[str]:
    """Clause boundaries, with "en" before a finite verb from `triggers.toml`
    ("een goed gesprek met Zelensky | en wil binnenkort met Poetin spreken")."""
    verbs = load_toml("triggers.toml")["clauses"]["coordinated_verbs"]
    return re.compile(_CLAUSE.pattern + rf"|\s+(?=en\s+(?:{'|'.join(map(re.escape, verbs))})\s)")


def clauses(text: str) -> list[Clause]:
    out, pos = [], 0
    for m in _clause_boundaries().finditer(text):
        if m.start() > pos:
            out.append(Clause(pos, m.start(), text[pos : m.start()]))
        pos = m.end()
    out.append(Clause(pos, len(text), text[pos:]))
    return [c for c in out if c.text.strip()]


Trigger = tuple[int, int, EventType, str]


def find_triggers(text: str, lex: Lexicon, extra: Sequence[Trigger] = ()) -> list[Trigger]:
    """The contact words of a sentence: the lexicon's words and phrases, plus `extra`
    (found by lemma or compound head, `grammar.contact_words`) where they add a word."""
    low = text.lower()
    excluded = [m.span() for m in lex.exclude.finditer(low)]
    found: list[Trigger] = []
    for etype, pattern in lex.triggers:
        for m in pattern.finditer(low):
            if any(a <= m.start() < b for a, b in excluded):
                continue
            found.append((m.start(), m.end(), etype, text[m.start() : m.end()]))
    for t in extra:
        if any(a <= t[0] < b for a, b in excluded) or any(
            f[0] < t[1] and t[0] < f[1] for f in found
        ):
            continue
        found.append(t)
    return sorted(found)


def refine_type(
    types: Sequence[EventType], text: str, lex: Lexicon, words: Sequence[str] = ()
) -> EventType:
    best = max(types, key=lambda t: TYPE_SPECIFICITY[t])
    if best != "talks":
        return best
    low = text.lower()
    # whole words only: "top" is in "stoppen", "bezoek" in "tegenbezoek" is fine
    if any(re.search(rf"(?<!\w){w}", low) for w in lex.refine["call"]):
        return "call"
    if any(re.search(rf"(?<!\w){w}", low) for w in lex.refine["meeting"]):
        return "meeting"
    motion = "|".join(lex.refine["motion"])
    if re.search(rf"(?<!\w)(?:{motion})\b[^.;]{{0,60}}?\bnaar\b(?! verwachting)", low):
        return "meeting"
    # "hebben elkaar in Rome gesproken": a place makes it a meeting, but a
    # country at war is the topic ("over de oorlog in Oekraïne"), not a venue
    verbs = (
        not words
        or any(w.lower() in lex.talk_verbs for w in words)
        or lex.conduct_verbs.search(low) is not None  # "de gesprekken die ze in Berlijn voerden"
    )
    if verbs and lex.venue_adverbs.search(low):
        return "meeting"  # "Daar sprak hij met Erdogan": where the previous sentence took him
    for m in re.finditer(r"\b(?:in|bij) (?:het |de )?([A-Z][\w-]+)", text if verbs else ""):
        if m.group(1) not in lex.refine["not_venues"]:
            return "meeting"
    return "talks"


def decide_status(text: str, lex: Lexicon) -> tuple[EventStatus, list[str]]:
    low = text.lower()
    for status, pattern in lex.cues:
        hits = [m.group() for m in pattern.finditer(low)]
        if hits:
            return status, hits
    return "occurred", []
