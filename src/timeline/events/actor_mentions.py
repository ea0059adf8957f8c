"""Actor mentions in a sentence: names, dated descriptors and pronouns.

Names and descriptors come from the actor knowledge base (`lang/nl/actors.toml`),
pronouns and group words from `lang/nl/references.toml`. The matcher is pure:
text in, mentions out; pronoun resolution happens in the event builder, which
knows the discourse.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import cache

from timeline.actors import ActorBase
from timeline.resources import load_toml

# "een zittende Amerikaanse president": an indefinite article before an adjective
_INDEFINITE = re.compile(r"(?i)(?<!\w)(?:een|geen)\s+\w+e\s+$")


@dataclass(frozen=True)
class ActorMention:
    start: int  # offsets into the sentence text
    end: int
    text: str
    kind: str  # "name" | "possessive" | "descriptor" | "pronoun" | "group"
    actors: tuple[str, ...]  # candidate ids (a descriptor may name nobody on that day)


@dataclass(frozen=True)
class MentionMatcher:
    names: re.Pattern[str]
    name_ids: dict[str, str]
    descriptors: re.Pattern[str]
    pronouns: re.Pattern[str]
    groups: re.Pattern[str]
    kb: ActorBase
    possessives: frozenset[str]
    summits: re.Pattern[str]  # "Oekraïens-Amerikaanse top"
    summit_role: str  # whose summit: "president"
    trilateral: re.Pattern[str]  # "trilaterale" before a contact noun
    three: tuple[str, ...]  # the leaders a trilateral contact is between

    def find(self, text: str, day: dt.date | None) -> list[ActorMention]:
        found: list[ActorMention] = []
        taken: list[tuple[int, int]] = []

        def free(a: int, b: int) -> bool:
            return all(b <= s or a >= e for s, e in taken)

        for m in self.names.finditer(text):
            kind = "possessive" if m.group() in self.possessives else "name"
            found.append(
                ActorMention(m.start(), m.end(), m.group(), kind, (self.name_ids[m.group()],))
            )
            taken.append(m.span())
        for m in self.descriptors.finditer(text):
            if not free(*m.span()):
                continue
            # "de Russische president Poetin": an apposition, the name decides.
            after = text[m.end() : m.end() + 40]
            if any(0 <= s - m.end() <= 2 for s, _ in taken) or re.match(r"\s+[A-Z][a-z]", after):
                taken.append(m.span())
                continue
            holders = self.kb.descriptor_holders(m.group("desc"), day)
            if m.group().lower().startswith(("een ", "geen ")) or _INDEFINITE.search(
                text[max(0, m.start() - 30) : m.start()]
            ):
                holders = []  # "een Amerikaanse president": any holder, nobody in particular
            found.append(ActorMention(m.start(), m.end(), m.group(), "descriptor", tuple(holders)))
            taken.append(m.span())
        for m in self.summits.finditer(text):
            # "de Oekraïens-Amerikaanse top": a summit of the two countries' leaders
            for adj in (m.group("a") + "e", m.group("b")):
                holders = self.kb.descriptor_holders(f"{adj} {self.summit_role}", day)
                if holders and free(m.start(), m.end()):
                    found.append(
                        ActorMention(m.start(), m.end(), m.group(), "descriptor", tuple(holders))
                    )
            taken.append(m.span())
        for m in self.trilateral.finditer(text):
            # "een trilaterale ontmoeting": the three leaders the chronology follows
            if free(*m.span()):
                found.append(ActorMention(m.start(), m.end(), m.group(), "descriptor", self.three))
                taken.append(m.span())
        for kind, pattern in (("group", self.groups), ("pronoun", self.pronouns)):
            for m in pattern.finditer(text):
                if free(*m.span()):
                    found.append(ActorMention(m.start(), m.end(), m.group(), kind, ()))
                    taken.append(m.span())
        return sorted(found, key=lambda x: x.start)


def _alternation(words: list[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(set(words), key=lambda w: (-len(w), w)))


@cache
def mention_matcher(kb: ActorBase) -> MentionMatcher:
    refs = load_toml("references.toml")
    name_ids = kb.by_name()
    names = re.compile(rf"(?<![\w-])(?:{_alternation(list(name_ids))})(?![\w-])")
    descriptors = re.compile(
        rf"(?<![\w-])(?:(?:{_alternation(refs['determiners'])})\s+)?"
        rf"(?P<desc>{_alternation(kb.descriptors())})(?![\w-])",
        re.IGNORECASE,
    )
    pronouns = re.compile(
        rf"(?<![\w-])(?:{_alternation(refs['pronouns'])})(?![\w-])", re.IGNORECASE
    )
    groups = re.compile(rf"(?<![\w-])(?:{'|'.join(refs['groups'])})(?![\w-])", re.IGNORECASE)
    # "Trumps", "Zelensky's": a possessive names the owner of something, not a party
    possessives = frozenset(
        n
        for n in name_ids
        if n.endswith(("s", "'s")) and (n[:-1] in name_ids or n[:-2] in name_ids)
    )
    summit = refs["summits"]
    summits = re.compile(
        rf"(?<![\w-])(?P<a>[A-Z]\w+?s)-(?P<b>[A-Z]\w+e)(?=\s+(?:{_alternation(summit['nouns'])})\b)"
    )
    tri = refs["trilateral"]
    trilateral = re.compile(
        rf"(?i)(?<![\w-])(?:{_alternation(tri['words'])})(?=\s+(?:{_alternation(tri['nouns'])}))"
    )
    return MentionMatcher(
        names,
        name_ids,
        descriptors,
        pronouns,
        groups,
        kb,
        possessives,
        summits,
        summit["role"],
        trilateral,
        tuple(sorted(tri["parties"])),
    )
