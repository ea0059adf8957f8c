"""The actor knowledge base: canonical ids, names and dated role descriptors.

The data lives in `lang/nl/actors.toml`; this module only types and queries it.
"""

from __future__ import annotations

import datetime as dt
from functools import cache

from pydantic import BaseModel, ConfigDict

from timeline.resources import load_toml


class Role(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    words: tuple[str, ...]
    from_: dt.date | None = None
    to: dt.date | None = None

    def valid_on(self, day: dt.date | None) -> bool:
        if day is None:
            return True
        return (self.from_ is None or self.from_ <= day) and (self.to is None or day <= self.to)


class Actor(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    id: str
    names: tuple[str, ...]
    roles: tuple[Role, ...] = ()
    focus: bool = False


class ActorBase(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    actors: tuple[Actor, ...]

    @property
    def focus_ids(self) -> frozenset[str]:
        return frozenset(a.id for a in self.actors if a.focus)

    def by_name(self) -> dict[str, str]:
        """Surface name → actor id (case-sensitive)."""
        return {name: a.id for a in self.actors for name in a.names}

    def descriptor_holders(self, words: str, day: dt.date | None) -> list[str]:
        """Actor ids a descriptor ("Russische president") names on `day`."""
        key = words.casefold()
        return sorted(
            {
                a.id
                for a in self.actors
                for r in a.roles
                if r.valid_on(day) and any(w.casefold() == key for w in r.words)
            }
        )

    def descriptors(self) -> list[str]:
        """Every descriptor phrase, longest first (for greedy matching)."""
        words = {w for a in self.actors for r in a.roles for w in r.words}
        return sorted(words, key=lambda w: (-len(w), w))


def _role(raw: dict[str, object]) -> Role:
    return Role(
        words=tuple(raw["words"]),  # type: ignore[arg-type]
        from_=dt.date.fromisoformat(str(raw["from"])) if "from" in raw else None,
        to=dt.date.fromisoformat(str(raw["to"])) if "to" in raw else None,
    )


@cache
def load_actors() -> ActorBase:
    raw = load_toml("actors.toml")
    return ActorBase(
        actors=tuple(
            Actor(
                id=a["id"],
                names=tuple(a["names"]),
                roles=tuple(_role(r) for r in a.get("roles", [])),
                focus=bool(a.get("focus", False)),
            )
            for a in raw["actor"]
        )
    )
